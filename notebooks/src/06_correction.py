# %% [markdown]
# # 06 · Correction: what exercise, insoles and surgery can change
#
# Lessons 02-05 switched causes **on**. This one switches them **off** again, one at a time, and asks
# two honest questions: how much does each correction change the knee in the model, and how sure can
# anyone be that the same change happens in a real person? Then it turns to valgus or varus that sits
# in the **bones**, which no exercise reaches, and shows what an operation changes.
#
# **Learning goals.** After this notebook (about 20 minutes) you can
#
# - set up a before/after comparison: the explorer's *Compare* ghost and `report.compare`;
# - rank four conservative what-ifs (stretching the adductors, strengthening the hip abductors and
#   external rotators, arch support, less pelvic tilt) for one person, and explain why the ranking
#   depends on the person;
# - weigh a predicted change against the evidence and against measurement error;
# - tell a postural or muscular cause from a structural (bone) cause;
# - say what a realignment osteotomy or guided growth changes, and where a surgeon puts the load line
#   for a varus knee with a worn inner compartment (the Fujisawa point).
#
# Signs as everywhere in the course: **+ = valgus** (knee toward the midline). The load-axis shift is
# **+ when the load line passes lateral** (outside) of the knee centre.

# %% [markdown]
# ## A person to correct
#
# Our case is a 25-year-old woman (1.65 m, 60 kg) whose knee drifts inward when she squats on her right
# leg. Four things are raised a little: tight adductors (10° of hip abduction range lost), weak hip
# abductors and external rotators (half their strength lost), a flattening arch (navicular drop 12 mm)
# and an anterior pelvic tilt of 18°, 6° more than the model's typical woman. All of these are
# **teaching settings**, not measurements of a real patient.

# %%
# NBVAL_CHECK_OUTPUT
import numpy as np

import biomech
from biomech.app.checks import ChoiceCheck, StateCheck
from biomech.app.figure import show
from biomech.norms import bounds_for
from biomech.report import compare, report
from biomech.views.plots import lines

CASE = dict(task="single_leg_squat", knee_flexion_deg=45.0, adductor_tightness=0.4, abductor_weakness=0.5,
            arch_collapse=0.5, pelvic_tilt_deg=18.0)
before = biomech.simulate(**CASE)
print(report(before, names=("fppa_deg", "pelvic_drop_deg", "hip_adduction_deg", "hip_internal_rotation_deg",
                            "rearfoot_eversion_deg", "navicular_drop_mm", "load_axis_shift_mm",
                            "medial_load_fraction")))

# %% [markdown]
# Her projection angle (FPPA) is about +15°, above the 5-12° that healthy women showed when landing on
# one leg (Herrington & Munro 2010). The pelvis drops 5.3° on the side of the lifted leg, just past the
# 0-5° the course treats as normal (the pelvis moves about 4-5° peak to peak in the frontal plane in
# normal walking, and a marked Trendelenburg sign is usually taken as more than 5-10°; both are weakly
# sourced, section 5 of the reference values).
#
# **Predict.** Suppose each correction wins back about **half** of its cause: stretching returns 5° of
# hip abduction range, training returns half of the lost hip strength, an insole or arch training
# takes away some of the arch's collapse, and posture work lowers the pelvic tilt by 5°. Which one
# alone will lower her projection angle most?

# %%
ChoiceCheck(
    "For this woman, which single correction lowers the projection angle (FPPA) most in the model?",
    ["stretching the adductors", "strengthening the hip abductors and external rotators",
     "an arch-supporting insole", "reducing the anterior pelvic tilt by 5°"],
    correct="strengthening the hip abductors and external rotators",
    explanation="Her pelvis was dropping because her weak abductors gave way under body weight. Winning back "
    "strength moves her below that give-way point, so the pelvis stops dropping and the thigh stops swinging "
    "inward: two effects for one correction. The table below gives the numbers.",
    hint="Look at the verdict column of the table above: apart from the FPPA, one more reading is rated for "
    "this task. Which correction acts on it?",
)

# %% [markdown]
# ## Try it: corrections with a before/after ghost
#
# The explorer below starts as our case. The cell has already pressed **Compare**: the faint ghost in
# both views, and the *Frozen* and *Change* columns of the readouts, keep the "before". Now move the
# four correction sliders, *Adductor tightness*, *Abductor weakness*, *Arch collapse* and *Pelvic
# tilt*, to the left, and watch the knee move away from the ghost.

# %%
app = biomech.explorer(**CASE)
app.freeze()  # the same as pressing "Compare": keep the current state as the ghost
START = dict(app.ui)
app

# %%
KEEP = ("task", "knee_flexion_deg", "side", "sex", "height_m", "mass_kg", "age_years", "hip_width_offset_mm",
        "bone_offset_deg")
StateCheck(
    app,
    "Using only the four correction sliders (leave the task, the knee bend, the person, the hip width and the "
    "bone shape as they are), bring her projection angle down to 12° or less, the top of the normal range for "
    "women.",
    lambda result, ui: all(ui[k] == START[k] for k in KEEP) and result.fppa_deg <= 12.0,
    describe=lambda result, ui: f"FPPA {before.fppa_deg:+.1f}° before, {result.fppa_deg:+.1f}° now; adductor "
    f"tightness {ui['adductor_tightness']:.2f}, abductor weakness {ui['abductor_weakness']:.2f}, arch collapse "
    f"{ui['arch_collapse']:.2f}, pelvic tilt {ui['pelvic_tilt_offset_deg']:+.1f}° vs typical.",
    explanation="Notice how far you had to go. A single slider gets her under 12° only with a large change: "
    "abductor weakness below 0.2 (most of the lost strength back) or a pelvic tilt about 11° flatter than hers. "
    "Adductors or arch alone cannot do it at all. Small changes to several causes add up.",
    hint="Start with Abductor weakness: below about 0.4 the pelvis stops dropping. Then take a little off each "
    "of the other three. If you changed the task or the person by accident, press Reset (the ghost stays).",
)

# %% [markdown]
# ## The numbers: one correction at a time, then all four
#
# The same what-ifs from code, each row changing one cause from the case (the last row changes all
# four). How the sizes were chosen:
#
# - **stretching**: adductor tightness 0.4 → 0.2, i.e. 5° of hip abduction range regained (a teaching
#   what-if);
# - **strengthening**: abductor weakness 0.5 → 0.25, half the lost strength back (a teaching what-if;
#   how much strength a programme restores varies a lot);
# - **arch support**: arch collapse 0.5 → 0.33, which lowers the model's rearfoot eversion by 1.6°, the
#   size of change Sinclair (2017) measured when 12 male runners wore a medial orthosis (peak eversion
#   −12.4° → −10.8° in that study's signs);
# - **pelvic tilt**: 18° → 13° of anterior tilt (a teaching what-if).

# %%
# NBVAL_CHECK_OUTPUT
labels = ["as she is", "stretch adductors", "strengthen abductors", "arch support", "less pelvic tilt",
          "all four together"]
what_if = biomech.simulate_many({**CASE,
                                 "adductor_tightness": [0.4, 0.2, 0.4, 0.4, 0.4, 0.2],
                                 "abductor_weakness": [0.5, 0.5, 0.25, 0.5, 0.5, 0.25],
                                 "arch_collapse": [0.5, 0.5, 0.5, 0.33, 0.5, 0.33],
                                 "pelvic_tilt_deg": [18.0, 18.0, 18.0, 18.0, 13.0, 13.0]})
for i, label in enumerate(labels):
    fppa = what_if["fppa_deg"][i]
    print(f"{label:21s} FPPA {fppa:+5.1f} deg ({fppa - before.fppa_deg:+4.1f})  "
          f"pelvic drop {what_if['pelvic_drop_deg'][i]:4.1f} deg  "
          f"hip IR {what_if['hip_internal_rotation_deg'][i]:4.1f} deg  "
          f"load-axis shift {what_if['load_axis_shift_mm'][i]:+5.1f} mm  "
          f"medial share {100 * what_if['medial_load_fraction'][i]:3.0f} %")

# %% [markdown]
# **What the model did.**
#
# - Stretching, arch support and less tilt each took **0.4-1.4°** off the projection angle. Each of
#   them removes a few degrees of inward thigh or shin rotation, and in a squat with the knee bent to
#   45° rotation shows up as valgus only partly.
# - Strengthening took off **2.6°**, because it also stopped the pelvic drop (5.3° → 2.0°): the knee no
#   longer follows a sagging pelvis inward.
# - Together the four took off **5.3°**, about the sum of the parts, and moved the load line 22 mm back
#   toward the knee centre.
#
# ## Why strengthening won here, and when it would not
#
# In the model, the hip abductors must hold the pelvis level against body weight on one leg. In
# Pauwels' lever model the body's weight acts about three times as far from the hip centre as the
# abductors pull (Pauwels, as summarised in *Int Orthop* 2008); for the model's typical woman the ratio
# is about 2.1, so holding the pelvis takes 44 % of her full abductor strength. The
# pelvis drops only when that job takes more than 70 % of what the weakened muscles can give. That
# give-way level is a **teaching assumption** (`biomech.causes.ABDUCTOR_GIVE_WAY_USE`), chosen so that
# moderate weakness changes little. The sweep below changes only her abductor strength:

# %%
weakness = np.linspace(0.0, 1.0, 21)
sweep = biomech.simulate_many({**CASE, "abductor_weakness": weakness})
show(lines(weakness, {"projection angle FPPA (deg)": sweep["fppa_deg"], "pelvic drop (deg)": sweep["pelvic_drop_deg"]},
           x_title="abductor and external-rotator strength lost (0 = none, 1 = all)", y_title="degrees",
           title="Her single-leg squat as abductor strength is lost (other causes as in the case)",
           hlines={"FPPA 12°: top of normal for women": 12.0, "pelvic drop 5°": 5.0}))

# %%
# NBVAL_CHECK_OUTPUT
for i in range(0, 17, 4):
    print(f"strength lost {weakness[i]:4.2f}   FPPA {sweep['fppa_deg'][i]:+5.1f} deg   "
          f"pelvic drop {sweep['pelvic_drop_deg'][i]:4.1f} deg   "
          f"share of abductor strength used {100 * sweep['abductor_use'][i]:4.0f} %")

# %% [markdown]
# Below about 0.4 the pelvis stays level (2° is the small drop the model gives every single-leg task)
# and each 0.2 of strength lost adds only about 1.3-1.5° to the projection angle, through the weak
# external rotators letting the thigh turn inward. Past the give-way point the muscles would need more
# than 100 % of what they have left, the pelvis sags, and the angle climbs about twice as fast. So in
# the model, strengthening helps most for someone whose pelvis actually drops, and very little for
# someone who is "weak" on a test but still holds the pelvis level.
#
# **What the evidence says.** This threshold agrees with one experiment and is not proven by it. When
# Pohl et al. (2015) blocked the nerve to the hip abductors in 8 healthy men, their abduction strength
# fell but their pelvic drop, hip adduction, trunk lean and knee adduction moment in walking did not
# change significantly. And the clinic's usual test of that muscle group is weak evidence too: the
# observed Trendelenburg sign agreed only weakly with 3-D pelvic motion and with measured abductor
# strength (*Chiropr Man Therap* 2020, 18 adults). Strength and movement are related, but not one to one.
#
# ## How big is a real change?
#
# The whole four-part programme lowered her projection angle by 5.3° in the model. Would a clinic see
# that? A 2-D video measurement of FPPA repeated on two days has a standard error of 2.7-3.0° and a
# smallest detectable difference of **7.5-8.9°** (Munro, Herrington & Carolan 2012). A change smaller
# than that in one person may be measurement noise. Training studies do report larger changes in some
# groups: in 23 women with patellofemoral pain the FPPA went from 7.2 ± 7.1° before a training programme
# to −8.9 ± 8.9° after it (PMC7274868), far more than our strength what-if gives, and with a spread as
# large as the change. The same study describes dynamic valgus as mostly hip adduction with the shin
# turning outward under the thigh, in a 3-D pattern that differs from person to person. Part of such a
# change may come from learning to move differently (motor control) rather than from stronger or longer
# muscles; the model has no control for technique.
#
# More caveats, cause by cause:
#
# - **Arch support.** The model passes arch collapse up the leg through coupling ratios that are
#   partly teaching assumptions (`biomech.causes`). Whether a flat foot causes knock knees at all is
#   open: a podiatry reference states there is no evidence for or against excessive pronation as a
#   cause of genu valgum (podiapaedia.org). An insole changed rearfoot eversion by only about 1.6° in
#   the running study above (Sinclair 2017).
# - **Pelvic tilt.** The coupling of tilt to thigh rotation (0.23-0.32° per degree, Bagwell, Fukuda &
#   Powers 2016) was measured while people tilted their pelvis on purpose. Part of what looks like tilt
#   is bone shape: the line from the front to the back pelvic landmarks (ASIS-PSIS) sat at 13 ± 5° in
#   cadaver pelves placed in a standard position (Preece et al. 2008), which no exercise changes. Static
#   tilt was also unrelated to hip rotation range in 26 healthy adults (*Int J Exerc Sci* 2021).
# - **Stretching.** How much resting adduction and inward rotation tight adductors cause is a teaching
#   assumption in the model (no published ratio was found).
#
# Here is the before/after of the whole programme as a table, the text version of the explorer's ghost:

# %%
# NBVAL_CHECK_OUTPUT
after = biomech.simulate(**{**CASE, "adductor_tightness": 0.2, "abductor_weakness": 0.25, "arch_collapse": 0.33,
                            "pelvic_tilt_deg": 13.0})
print(compare(before, after, names=("fppa_deg", "pelvic_drop_deg", "hip_adduction_deg", "hip_internal_rotation_deg",
                                    "tibial_internal_rotation_deg", "rearfoot_eversion_deg", "load_axis_shift_mm",
                                    "medial_load_fraction"), labels=("before", "programme")))

# %% [markdown]
# ## Standing still: what these corrections do not change
#
# **Predict.** She now stands on both legs with straight knees, the position of a standing long-leg
# X-ray. Will the same four corrections change her hip-knee-ankle angle?

# %%
# NBVAL_CHECK_OUTPUT
stand_before = biomech.simulate(**{**CASE, "task": "stand", "knee_flexion_deg": 0.0})
stand_after = biomech.simulate(**{**CASE, "task": "stand", "knee_flexion_deg": 0.0, "adductor_tightness": 0.2,
                                  "abductor_weakness": 0.25, "arch_collapse": 0.33, "pelvic_tilt_deg": 13.0})
print(compare(stand_before, stand_after, names=("hka_deg", "load_axis_shift_mm", "wbl_ratio_pct",
                                                "hip_internal_rotation_deg", "rearfoot_eversion_deg"),
              labels=("before", "programme")))

# %% [markdown]
# Her thigh turned 3.6° less inward and her heel 1.6° less outward, yet the hip-knee-ankle angle and
# the load line did not move (by less than 0.01° and 0.01 mm). With the knee straight, turning the leg
# about its own long axis does not bend it sideways. What sets the standing alignment is the shape of
# the bones.
#
# ## Structural causes: when the bone itself is angled
#
# Sometimes the valgus or varus is built into the skeleton:
#
# - **Rickets** (too little vitamin D, calcium or phosphate while the bones grow) leaves soft bones that
#   bend under load, into bow legs or into knock knees.
# - **Blount's disease** is a growth disturbance of the inner part of the growth plate at the top of the
#   shin bone (tibia). The tibia grows into varus, and the bowing gets worse with time.
# - After the growth plates close, a **constitutional** varus or valgus is simply the shape a person
#   has. Among 250 young adults without knee complaints, 32 % of the men and 17 % of the women had a
#   constitutional varus of 3° or more (Bellemans et al. 2012).
#
# Surgeons split the hip-knee-ankle angle into the angles of the two joint surfaces: the lower end of
# the femur (mechanical lateral distal femoral angle, mLDFA) and the top of the tibia (medial proximal
# tibial angle, MPTA), both normally 85-90° (Paley's normal values, section 1 of the reference values).
# When the two joint surfaces are parallel, HKA ≈ MPTA − mLDFA with + = valgus: a low MPTA (Blount's
# disease) means varus, a low mLDFA means valgus from the femur. The model keeps only the sum, the
# *Bone shape* slider (`constitutional_hka_deg`), so it cannot show which bone carries the deformity.
#
# **Exercise and bone shape.** A 10-year-old girl (1.38 m, 31.5 kg) has knock knees in her bones, an HKA
# of +9°. Below, she stands on both legs with no muscular causes, and then with the case's muscular and
# foot causes added:

# %%
# NBVAL_CHECK_OUTPUT
GIRL = dict(sex="female", height_m=1.38, mass_kg=31.5, age_years=10.0, task="stand")
low, high = bounds_for("hka_deg", "female", 10.0)
print(f"normal HKA for a girl of 10 y: {low:+.1f} to {high:+.1f} deg (developmental curve, mean +- 2 SD)")
girl = biomech.simulate_many({**GIRL, "constitutional_hka_deg": 9.0, "adductor_tightness": [0.0, 0.4],
                              "abductor_weakness": [0.0, 0.5], "arch_collapse": [0.0, 0.5]})
for i, label in enumerate(["bones only", "bones + muscle and foot causes"]):
    print(f"{label:31s} HKA {girl['hka_deg'][i]:+5.1f} deg   "
          f"load-axis shift {girl['load_axis_shift_mm'][i]:+5.1f} mm   WBL {girl['wbl_ratio_pct'][i]:5.1f} %   "
          f"ankle gap (knees together) {girl['intermalleolar_distance_mm'][i]:5.1f} mm")

# %% [markdown]
# Her HKA of +9° is far outside the normal range for her age, and switching the muscular and foot causes
# on or off changes it by less than 0.1°: exercise and insoles cannot straighten a bone. In the model
# this is true by construction (no cause slider touches the bone angle); in people it is why a
# structural deformity is treated by changing the bone.
#
# ## What would surgery do?
#
# Two ways to change the bone angle:
#
# - **Guided growth** (for children whose growth plates are still open): a small plate or staples
#   hold one side of a growth plate, for a knock knee the inner side at the lower femur or upper tibia.
#   The other side keeps growing, so the angle corrects slowly, over months; the plate comes out once the
#   leg is straight.
# - **Realignment osteotomy** (any age): the bone is cut near the knee, re-angled by a planned number of
#   degrees, and fixed while it heals. For a varus knee this is often a **high tibial osteotomy** (HTO);
#   for a valgus knee the cut is often made in the lower femur.
#
# The model cannot grow or cut bones, but it can show the result: a new bone angle. Here is the girl's
# knee after guided growth has brought her back to the typical alignment for her age (the model's
# default when no bone angle is given):

# %%
# NBVAL_CHECK_OUTPUT
knock = biomech.simulate(**GIRL, constitutional_hka_deg=9.0)
straightened = biomech.simulate(**GIRL)
print(compare(knock, straightened, names=("hka_deg", "load_axis_shift_mm", "wbl_ratio_pct", "medial_load_fraction",
                                          "intermalleolar_distance_mm"), labels=("knock knee", "corrected")))

# %% [markdown]
# Correcting 9.3° of bone moved the load line 27 mm, from the outer edge of her tibial plateau (WBL 96 %)
# back to just medial of its centre (49 %), and gave the inner compartment back its usual majority of the
# load. The ankle gap with the knees together closed from 94 mm to none.
#
# ### A varus knee and the Fujisawa point
#
# Osteotomy is also used the other way round. A 55-year-old man (1.78 m, 75 kg) has bones in 8° of varus
# and, we suppose, wear in his inner (medial) compartment. A high tibial osteotomy for this knee does
# **not** aim for a straight leg: it deliberately overcorrects a little into valgus to take load off
# the worn inner side. A common target is the **Fujisawa point**, 62.5 % of the plateau width from the
# medial edge (Kobayashi et al. 2022). Fujisawa et al. (1979) described their target as 30-40 % lateral
# of the plateau's midpoint, which is usually converted to about 62-66 % on this scale (as cited by
# Kobayashi 2022). Recommended alignment after the operation is a weight-bearing-line (WBL) ratio of
# 60-70 %, or 3-6° of mechanical valgus (Kobayashi 2022).
#
# The explorer below shows his knee standing on both legs, with the "before" already frozen as a ghost.
# Plan the operation.

# %%
hto = biomech.explorer(preset="normal_male", task="stand", age_years=55.0, bone_offset_deg=-6.5)
hto.freeze()
hto

# %%
StateCheck(
    hto,
    "Standing on both legs, change only the Bone shape slider so that the load line crosses his plateau in the "
    "60-70 % window recommended after a high tibial osteotomy.",
    lambda result, ui: ui["task"] == "stand" and 60.0 <= result.wbl_ratio_pct <= 70.0
    and ui["adductor_tightness"] == 0 and ui["abductor_weakness"] == 0 and ui["arch_collapse"] == 0,
    describe=lambda result, ui: f"Bone alignment {result.constitutional_hka_deg:+.1f}° HKA (before −8.0°), a "
    f"correction of {result.constitutional_hka_deg + 8.0:.1f}°; WBL ratio {result.wbl_ratio_pct:.1f} %; medial "
    f"share of knee load {100 * result.medial_load_fraction:.0f} %.",
    explanation="The planned correction is larger than the varus itself: the bone goes from 8° varus to a "
    "few degrees of valgus. The readouts rate the new WBL ratio borderline or outside the normal range of "
    "healthy knees, and that is the point: the line is deliberately moved past normal, onto the healthier side.",
    hint="Move Bone shape to the right until the 'Weight-bearing line across the plateau' row reads 60-70 %. "
    "It starts near 11 %; each degree moves it about 5 %.",
)

# %% [markdown]
# The same operation from code, to the middle of the target (HKA +2.5°, which puts this man's line at
# about 62 %):

# %%
# NBVAL_CHECK_OUTPUT
MAN = dict(sex="male", height_m=1.78, mass_kg=75.0, age_years=55.0, task="stand")
varus = biomech.simulate(**MAN, constitutional_hka_deg=-8.0)
osteotomy = biomech.simulate(**MAN, constitutional_hka_deg=2.5)
print(compare(varus, osteotomy, names=("hka_deg", "load_axis_shift_mm", "wbl_ratio_pct", "medial_load_fraction",
                                       "knee_adduction_moment_nm", "intermalleolar_distance_mm"),
              labels=("varus", "after HTO")))

# %% [markdown]
# **What the model did.** A correction of 10.5° moved the load line 40 mm, from 11 % (far inside the
# medial half) to the Fujisawa point, and cut the inner compartment's share from 84 % to about half.
# The knee adduction moment in standing fell almost to zero. Two things to notice:
#
# - In the model the Fujisawa point comes at +2.5° HKA, just below Kobayashi's 3-6°. The model has
#   the bones of a healthy knee; a knee with worn cartilage also tilts at the joint line, which real
#   planning has to include.
# - The corrected man now has a 47 mm ankle gap with his knees together: by the popular "5 cm" rule of
#   lesson 07 he is almost "knock-kneed". The target is a trade: a worn inner side is relieved by
#   loading the outer side more.
#
# **Careful: the Fujisawa point is a target for varus knees with a worn inner compartment.** It is not
# a general "ideal" alignment.

# %%
ChoiceCheck(
    "The 10-year-old girl above has knock knees in her bones (HKA +9°, load line at 96 % of the plateau). "
    "Should guided growth aim her load line at the Fujisawa point (62.5 %)?",
    ["yes: 62.5 % is the best position for every knee",
     "no: for a valgus knee that would leave the load line on the outer side, the side already overloaded; "
     "the aim is the normal range for her age",
     "no: guided growth cannot change the load line"],
    correct="no: for a valgus knee that would leave the load line on the outer side, the side already overloaded; "
    "the aim is the normal range for her age",
    explanation="The Fujisawa point is an overcorrection chosen to unload a worn medial compartment. A knock "
    "knee already loads the lateral side; correcting it aims at the alignment that is normal for the person's "
    "age, with the line a little medial of the knee centre in adults.",
    hint="Which compartment does a knock knee overload, and which one does the Fujisawa point unload?",
)

# %% [markdown]
# ## Summary
#
# - Muscles, feet and pelvic posture change how the knee moves in bent-knee tasks. In the model each
#   single what-if changed the projection angle by about 0.4-2.6°, all four together by 5.3°; a single
#   person's FPPA needs a change of 7.5-8.9° before a video measurement can tell it from noise.
# - Strengthening matters most where the pelvis actually gives way; in gait, weakening the abductors
#   alone did not change pelvic drop (Pohl 2015).
# - None of these corrections changes the standing hip-knee-ankle angle: that belongs to the bones.
# - Guided growth or an osteotomy changes the bone angle and moves the load line, about 3-4 mm per
#   degree (3 mm in the girl's shorter leg, 3.8 mm in the man's). A knock knee is corrected toward
#   normal; a varus knee with medial wear is often corrected past normal, to the Fujisawa point.
#
# ## Limits
#
# This is a teaching model, not a diagnosis or a treatment plan. The strength, stretch and posture
# effects rest partly on teaching assumptions, marked as such in `biomech.causes`; the what-if sizes are
# examples, not the results of any programme. The model has no cartilage wear, no joint-line tilt, no
# growth over time and no separate femoral and tibial bone angles, so it cannot plan an operation.
# A child whose legs differ from one side to the other, whose alignment is outside the range for their
# age or getting worse, pain, swelling or a knee that gives way: all of these belong with a clinician.
