# %% [markdown]
# # 02 · The five causes: one at a time, then together
#
# Lesson 01 described *where* the knee is. This lesson asks *what puts it there*. The explorer has five
# controls for postural and muscular causes of knee valgus: tight hip adductors, weak hip abductors
# (together with the hip's external rotators), a collapsing arch, the width of the hips, and a pelvis
# tipped forward. Each one acts on the leg through a chain of events that the model writes down
# explicitly, with a source for every number or an honest "teaching assumption" where no study gave one.
#
# **Learning goals.** After this notebook (about 20 minutes) you can
#
# - name the five causes and, for each, the chain of events by which the model moves the knee;
# - say which of the model's numbers come from studies and which are teaching assumptions;
# - predict, then check, how each cause changes the projection angle (FPPA), the load line and the
#   inner (medial) share of knee load in a single-leg squat;
# - explain why most causes hardly show on two straight legs but do show on one bent leg;
# - read the explorer's "why" chart, and show that two causes together can do more than the sum of
#   each alone.
#
# Signs: **+ = valgus** (knee toward the midline). The load-axis shift is + when the load line passes
# outside (lateral of) the knee centre. Angles in degrees, lengths in mm, forces in multiples of body
# weight (× BW).

# %% [markdown]
# ## The test task: a single-leg squat
#
# Physiotherapists screen for dynamic knee valgus with single-leg tasks: the person stands on one leg
# and bends the knee while someone films from the front. The **frontal-plane projection angle (FPPA)**
# is the angle at the knee in that front view, between the thigh line (from the front of the pelvis to
# the knee) and the shin line. Healthy, active women landing on one leg show about 5-12°, men about
# 1-9° (Herrington & Munro 2010).
#
# All comparisons below use the course's typical woman (25 years, 1.65 m, 60 kg) in a single-leg squat
# on her right leg to 45° of knee flexion. With every cause at its typical value she reads:

# %%
# NBVAL_CHECK_OUTPUT
import numpy as np

import biomech
from biomech import causes, subject
from biomech.app.checks import ChoiceCheck, NumberCheck, StateCheck
from biomech.attribution import FACTORS, cause_contributions
from biomech.report import compare

TASK = {"task": "single_leg_squat", "knee_flexion_deg": 45.0}
KNEE = ("fppa_deg", "load_axis_shift_mm", "medial_load_fraction")
typical = biomech.simulate(**TASK)
print(f"projection angle (FPPA)   {typical.fppa_deg:+6.1f} deg")
print(f"load-axis shift           {typical.load_axis_shift_mm:+6.1f} mm (+ = lateral of the knee centre)")
print(f"medial share of knee load {100 * typical.medial_load_fraction:6.0f} %")
print(f"pelvic drop               {typical.pelvic_drop_deg:+6.1f} deg")
print(f"hip adduction             {typical.hip_adduction_deg:+6.1f} deg")

# %% [markdown]
# Her FPPA of 6.0° sits inside the 5-12° of healthy women. The knee already carries a little over half
# its load on the inner side. Bending one knee brings the knee in by itself; the causes act on top.
#
# ## The model's rules, in numbers
#
# Every cause is a short chain in `biomech/causes.py`. These are its coefficients, read from the
# package. The last column says where each number comes from; "teaching assumption" means no study
# gave that number, so the model picked a plausible size and says so.

# %%
# NBVAL_CHECK_OUTPUT
rules = [
    ("adductor tightness", "hip abduction range lost at severity 1", causes.LOST_ABDUCTION_AT_SEVERE_DEG, "deg",
     "teaching assumption"),
    ("", "resting hip adduction per deg of range lost", causes.ADDUCTION_PER_LOST_ABDUCTION, "deg/deg",
     "teaching assumption"),
    ("", "hip internal rotation per deg of range lost", causes.INTERNAL_ROTATION_PER_LOST_ABDUCTION, "deg/deg",
     "teaching assumption"),
    ("abductor weakness", "share of full strength used per unit lever ratio", causes.ABDUCTOR_USE_PER_LEVER_RATIO,
     "", "teaching assumption (Pauwels lever)"),
    ("", "share of strength in use at which the abductors give way", causes.ABDUCTOR_GIVE_WAY_USE, "",
     "teaching assumption"),
    ("", "largest extra pelvic drop", causes.MAX_EXTRA_PELVIC_DROP_DEG, "deg", "sized to a marked Trendelenburg"),
    ("", "extra femoral lean per deg of pelvic drop", causes.FEMUR_LEAN_PER_PELVIC_DROP, "deg/deg",
     "teaching assumption"),
    ("", "femoral internal rotation, rotators fully lost", causes.MAX_WEAK_ROTATOR_INTERNAL_ROTATION_DEG, "deg",
     "teaching assumption"),
    ("arch collapse", "navicular drop, healthy arch", causes.NAVICULAR_DROP_NORMAL_MM, "mm", "Nielsen 2009"),
    ("", "navicular drop, flat foot (severity 1)", causes.NAVICULAR_DROP_SEVERE_MM, "mm", "Nielsen 2009"),
    ("", "heel eversion per mm of extra drop", causes.EVERSION_PER_NAVICULAR_DROP_DEG_PER_MM, "deg/mm",
     "teaching assumption"),
    ("", "shin internal rotation per deg of eversion", causes.TIBIAL_ROTATION_PER_EVERSION, "deg/deg",
     "PMC5987802; Nigg/Hintermann"),
    ("", "share of the shin's turn passed up to the femur", causes.FEMUR_SHARE_OF_SHIN_ROTATION, "",
     "teaching assumption"),
    ("hip width", "hip-centre distance per inter-ASIS distance", subject.HIP_CENTRES_PER_INTER_ASIS_BELL1989,
     "", "Bell 1989"),
    ("pelvic tilt", "femoral internal rotation per deg of tilt", causes.FEMORAL_ROTATION_PER_TILT_BAGWELL2016,
     "deg/deg", "Bagwell 2016"),
    ("all hip causes", "share of the femur's turn a planted shin follows", causes.SHIN_SHARE_OF_FEMUR_ROTATION, "",
     "teaching assumption"),
]
for cause, what, value, unit, source in rules:
    print(f"{cause:19s} {what:58s} {value:6.3g} {unit:8s} {source}")

# %% [markdown]
# Keep this table in view: the explanations below refer to it. Here is the explorer, already in the
# single-leg squat. Each cause slider has its clinical meaning written under it. (In JupyterLab you can
# right-click the explorer and choose *Create New View for Cell Output* to keep it beside the text
# while you scroll.)

# %%
app = biomech.explorer(task="single_leg_squat", knee_flexion_deg=45.0)
app

# %% [markdown]
# ## Cause 1: tight hip adductors
#
# **The mechanism in the model.** Tight adductors take away part of the hip's abduction range: at
# severity 1 the hip loses 25° of its roughly 45°. A hip that cannot abduct fully rests a little
# adducted, and (because several adductors also rotate the thigh) a little turned inward: the model
# uses 0.3° of adduction and 0.15° of internal rotation per degree of range lost. All three numbers are
# teaching assumptions; we found no study that measured them. On two planted feet the stance width
# holds the thighs apart, so only the inward turn gets through; on one leg the adduction shows fully.
#
# **Predict.** Set *Adductor tightness* to 0.6 (15° of abduction lost). Will the knee move in by about
# 1°, 3° or 10° of FPPA? Will the shin turn inward or outward *relative to the thigh*?
#
# **Try it** in the explorer, then run the cell below for the exact numbers.

# %%
# NBVAL_CHECK_OUTPUT
tight = biomech.simulate(**TASK, adductor_tightness=0.6)
print(compare(typical, tight, names=("lost_abduction_deg", "hip_adduction_deg", "hip_internal_rotation_deg",
                                     "tibial_internal_rotation_deg") + KNEE, labels=("typical", "tight 0.6")))

# %% [markdown]
# **What the model did.** The hip adducts about 5° more and turns in about 2°; the FPPA rises about
# 3°, the load line moves about 13 mm further to the outer side, and the inner share of the knee's
# load falls. The shin's rotation *relative to the thigh* goes negative: the foot is planted, so the
# shin follows only part of the femur's inward turn (0.3 of it, the last row of the rules table). Seen
# from the knee, the shin has turned outward under the thigh. That combination, the hip adducted and the
# knee rotated outward, is how 3-D studies describe dynamic valgus in women with knee pain
# (PMC7274868).
#
# ## Cause 2: weak hip abductors (and external rotators)
#
# **The mechanism in the model: Pauwels' lever.** On one leg, body weight (apart from the stance leg)
# acts on the far side of the stance hip and tries to drop the pelvis toward the lifted leg. Only the
# hip abductors, on the short lever between hip centre and greater trochanter, can hold it. The longer
# the body-weight lever compared with the abductor lever, the harder they must pull. In Pauwels' classic
# analysis the body-weight lever is about 3 times the abductor lever (Int Orthop 2008 review); in the
# model's typical woman it is about 2.1 times, which asks her abductors for 1.77 × BW in single-leg
# stance (textbooks quote about 2 × BW; a recalled value).
#
# The model then asks what *share of her remaining strength* that pull takes. At full strength a
# single-leg task uses 44 % of it (0.21 × 2.1, a teaching assumption). Weakness shrinks the strength,
# so the same pull takes a larger share. Once the share passes 70 % (teaching assumption), the
# abductors give way: the pelvis drops on the lifted side (up to 12° more, the size of a marked
# Trendelenburg sign, usually described as more than 5-10°; a recalled value) and the stance hip adducts
# 1.5° per degree of drop. Separately, weak external rotators let body weight twist the femur inward,
# up to 8° with no rotator strength left (teaching assumption).
#
# **Predict.** With 20 % of strength lost, will the pelvis visibly drop? And with 60 % lost?
#
# **Try it.** Set *Abductor weakness* to 0.2 and watch the *Pelvic drop* row; then 0.6.

# %%
# NBVAL_CHECK_OUTPUT
weak_20 = biomech.simulate(**TASK, abductor_weakness=0.2)
weak_60 = biomech.simulate(**TASK, abductor_weakness=0.6)
names = ("abductor_use", "pelvic_drop_deg", "hip_adduction_deg", "hip_internal_rotation_deg") + KNEE
print(compare(typical, weak_20, names=names, labels=("typical", "weak 0.2")))
print()
print(compare(typical, weak_60, names=names, labels=("typical", "weak 0.6")))

# %% [markdown]
# **What the model did.** At 20 % weakness the pelvis stays where it was (about 2°, the small drop of
# a healthy single-leg squat): the remaining strength still covers the demand (55 % in use, below the
# 70 % give-way point). Only the weak external rotators show, as 1.6° of inward femoral rotation and
# about 1.3° more FPPA. At 60 % weakness the demand exceeds the strength left (a "use" above 1), the
# pelvis drops to about 9°, the hip adducts about 12° more and the FPPA reaches 12°, the top of the
# women's normal range. The sudden change is a built-in threshold, and it has a real-world echo: when a
# nerve block weakened the hip abductors of healthy men, their pelvic drop in walking did not change
# significantly (Pohl et al. 2015). Lesson 03 follows the threshold step by step.

# %%
NumberCheck(
    "Work it out like the model. At full strength, a single-leg task uses 44 % of this woman's abductor "
    "strength. If she loses 30 % of her strength, about what percentage of the strength she has left does "
    "the same task use?",
    answer=lambda: 100.0 * biomech.simulate(**TASK, abductor_weakness=0.3).abductor_use,
    tolerance=3.0,
    unit="%",
    explanation="The pull the task needs stays the same, but 30 % less strength is there to give it: "
    "44 % / 0.7 ≈ 63 %. (The model's own figure is slightly lower because it assumes a little strength always "
    "remains.) That is still below the 70 % give-way point, so her pelvis stays level.",
    hint="The demand does not change; the strength shrinks to 70 % of what it was. Divide 44 % by 0.7.",
)

# %% [markdown]
# ## Cause 3: arch collapse (flat foot)
#
# **The mechanism in the model.** This chain starts at the floor. As the arch flattens, the navicular
# bone sinks: a healthy arch drops about 6 mm when loaded (healthy means 3.6-8.1 mm, and Brody's upper
# limit of normal is 15 mm; Nielsen et al. 2009), and the slider's severity 1 means 18 mm. The heel tips
# outward (rearfoot eversion, 0.8° per extra mm: a teaching assumption, although eversion and navicular
# drop are known to rise together, r = 0.84, J Athl Train 2012). The heel's tilt turns the shin inward,
# 0.5° per degree of eversion, between the 0.3-0.6 of running studies (Nigg/Hintermann, recalled) and
# the 0.68 ± 0.15 of a cadaver study (PMC5987802). The femur follows part of that turn (0.6 of it,
# teaching assumption; the direction is from Khamis & Yizhar 2007, who tilted feet into pronation with
# wedges and saw the hips turn inward). The ankle centre also sinks and moves slightly toward the
# midline.
#
# **Predict.** A completely flat foot (severity 1): will it change the knee more when the person stands
# on both legs with straight knees, or in the single-leg squat?
#
# **Try it.** Set *Arch collapse* to 1.0 in the squat, then switch the task to *Standing on both legs*
# and compare. (Switch back to *Single-leg squat* afterwards.)

# %%
# NBVAL_CHECK_OUTPUT
names = ("navicular_drop_mm", "rearfoot_eversion_deg", "tibial_internal_rotation_deg", "hip_internal_rotation_deg",
         "hka_deg") + KNEE
standing = biomech.simulate(task="stand")
print("Standing on both legs, knees straight")
print(compare(standing, biomech.simulate(task="stand", arch_collapse=1.0), names=names,
              labels=("typical", "flat foot")))
print("\nSingle-leg squat, knee bent 45 deg")
print(compare(typical, biomech.simulate(**TASK, arch_collapse=1.0), names=names, labels=("typical", "flat foot")))

# %% [markdown]
# **What the model did.** The foot does the same thing in both tasks: 12 mm more navicular drop, about
# 10° more heel eversion, the femur turned in about 3° and the shin a little more than the femur. But
# standing with straight knees, the HKA and the load line do not move at all and the FPPA barely
# changes. In the squat the FPPA rises about 2.5° and the load line moves 9 mm outward. This is the
# rule from lesson 01: a turn about the leg's long axis only shows in the front view when the knee is
# bent (the sideways swing grows with the sine of the knee angle).

# %%
ChoiceCheck(
    "Why does the flat foot hardly change the standing hip-knee-ankle angle in the model, although it turns "
    "the shin and femur inward by several degrees?",
    ["The model switches the foot chain off in standing.",
     "With the knee straight, a turn about the leg's long axis keeps hip, knee and ankle centres in line.",
     "The arch does not flatten when standing on two legs."],
    correct="With the knee straight, a turn about the leg's long axis keeps hip, knee and ankle centres in line.",
    explanation="The navicular drop and the rotations are the same in both tasks (see the table). The sideways "
    "swing they cause is proportional to the sine of knee flexion (lesson 01), so it is zero with straight "
    "knees and grows as the knee bends.",
    hint="Compare the navicular_drop_mm and hip_internal_rotation_deg rows of the two tables: did the foot "
    "change less when standing?",
)

# %% [markdown]
# ## Cause 4: hip width
#
# **The mechanism in the model.** The slider changes the distance between the two hip joint centres
# (for the typical woman 181 mm: 0.72 of the distance between the two front pelvic spines, the ASIS,
# after Bell et al. 1989). It acts in two ways. (1) The stance hip sits further from the body's midline,
# so the body-weight lever in Pauwels' model grows and the abductors must pull harder. (2) With the foot
# still under the body, the thigh has to slope further inward from a wider hip to reach it, and the ASIS
# moves out with the pelvis, so the Q-angle grows.
#
# **Predict.** Add 40 mm to the hip width. Which changes more in the single-leg squat: the FPPA or the
# abductor force?
#
# **Try it.** Set *Hip width* to +40 (reset the other causes to 0 first).

# %%
# NBVAL_CHECK_OUTPUT
wide = biomech.simulate(**TASK, hip_width_mm=typical.hip_width_mm + 40.0)
print(compare(typical, wide, names=("hip_width_mm", "abductor_use", "hip_abductor_force_bw", "hip_adduction_deg",
                                    "q_angle_deg") + KNEE, labels=("typical", "+40 mm")))

# %% [markdown]
# **What the model did.** On its own, wider hips change the knee only a little: about 1° of FPPA and 1°
# of Q-angle. The larger change is hidden at the hip: the abductors must pull 0.4 × BW more (about
# 22 % more), so she uses 54 % of her strength instead of 44 %. That spends part of the reserve that
# keeps her pelvis level. Remember this for the section on combining causes.
#
# ## Cause 5: anterior pelvic tilt
#
# **The mechanism in the model.** Most adults stand with the front of the pelvis tipped down somewhat:
# 75 % of women and 85 % of men in one study (Herrington 2011; the model's typical tilt, 12° for women
# and 10° for men, uses that study's recalled means). Part of what is called "tilt" is simply the shape
# of the pelvis: the bony line from ASIS to PSIS already slopes 13 ± 5° in cadaver pelves (Preece et al.
# 2008). When people actively tip the pelvis forward, their femurs turn inward by 0.23-0.32° per degree
# of tilt (Bagwell, Fukuda & Powers 2016); the model uses the midpoint, 0.275°. Tipping the pelvis over
# the femur heads also adds the same amount of hip flexion.
#
# **Predict.** The "Desk-worker" preset tips the pelvis 12° beyond typical. How many degrees of inward
# femoral rotation does that give? Does the FPPA rise more or less than with the flat foot?
#
# **Try it.** Set *Pelvic tilt* to +12 (other causes at 0).

# %%
# NBVAL_CHECK_OUTPUT
tipped = biomech.simulate(**TASK, pelvic_tilt_deg=typical.pelvic_tilt_deg + 12.0)
print(compare(typical, tipped, names=("pelvic_tilt_deg", "hip_flexion_deg", "hip_internal_rotation_deg",
                                      "tibial_internal_rotation_deg", "q_angle_deg") + KNEE,
              labels=("typical", "tilt +12")))

# %% [markdown]
# **What the model did.** 12° × 0.275 = 3.3° of femoral internal rotation, and the FPPA rises about 3°,
# a little more than the completely flat foot gave. The Q-angle grows almost 5°, because the kneecap
# turns in with the femur while the shin, held by the foot, does not follow fully. Here the model is
# more definite than the evidence: in 218 people, pelvic angle did **not** predict the Q-angle (Nguyen et
# al. 2009). Treat the model's Q-angle response to tilt as a mechanism to discuss, not a measured
# effect.
#
# ## One at a time: the five side by side
#
# The same single-leg squat, each cause alone at the setting used above:

# %%
# NBVAL_CHECK_OUTPUT
labels = ["typical", "tight adductors 0.6", "weak abductors 0.6", "flat foot 1.0", "hips +40 mm", "tilt +12 deg"]
hip_width, tilt = typical.hip_width_mm, typical.pelvic_tilt_deg
one_at_a_time = biomech.simulate_many({
    **TASK,
    "adductor_tightness": np.array([0.0, 0.6, 0.0, 0.0, 0.0, 0.0]),
    "abductor_weakness": np.array([0.0, 0.0, 0.6, 0.0, 0.0, 0.0]),
    "arch_collapse": np.array([0.0, 0.0, 0.0, 1.0, 0.0, 0.0]),
    "hip_width_mm": hip_width + np.array([0.0, 0.0, 0.0, 0.0, 40.0, 0.0]),
    "pelvic_tilt_deg": tilt + np.array([0.0, 0.0, 0.0, 0.0, 0.0, 12.0]),
})
print(f"{'':22s} {'FPPA (deg)':>11s} {'load-axis shift (mm)':>21s} {'medial share (%)':>17s}")
for i, label in enumerate(labels):
    print(f"{label:22s} {one_at_a_time['fppa_deg'][i]:+11.1f} {one_at_a_time['load_axis_shift_mm'][i]:+21.1f} "
          f"{100 * one_at_a_time['medial_load_fraction'][i]:17.0f}")

# %% [markdown]
# Every cause pushes in the same direction: FPPA up, load line outward, less load on the inner side. In
# this model the hip causes can go furthest; the foot can only turn the shin by a few degrees.
#
# ## Together: "everything a little"
#
# People rarely have one cause at full strength. The preset **Everything a little** raises all five
# slightly: adductor tightness 0.25, abductor weakness 0.25, arch collapse 0.25, hips 10 mm wider, and
# the pelvis tipped 5° more.
#
# **Predict.** None of these alone moves the FPPA by more than about 2°. Will all five together push
# the FPPA past 12°, the top of the normal range for women?
#
# **Try it.** Choose *Everything a little* in the explorer's *Preset* menu (the task stays the
# single-leg squat), or run the next cell, which does the same. Then look at the **"why" chart** under
# the readouts: a waterfall that starts at the typical person and adds one bar per cause.

# %%
# NBVAL_CHECK_OUTPUT
app.load_preset("everything_a_little")
app.set(task="single_leg_squat", knee_flexion_deg=45.0, side="right")
why = cause_contributions(app.result.inputs, measures=("fppa_deg",))["fppa_deg"]
print(f"FPPA, typical person       {why['typical']:+6.2f} deg")
for factor, label in FACTORS.items():
    print(f"  share of {label:26s} {why['shares'][factor]:+6.2f} deg")
print(f"FPPA, everything a little  {why['current']:+6.2f} deg")

# %% [markdown]
# **What the model did.** All five together add about 5°, to about 11°: close to the edge of the normal
# range, though no single cause is dramatic. The weak abductors and external rotators contribute the
# most, then the tilted pelvis and the tight adductors; the wider hips add least. The bone-shape bar is
# zero because her bones are typical. The chart's *Explain* menu shows the same split for the HKA, the
# load-axis shift or the medial share of the load.

# %%
ChoiceCheck(
    "In the 'everything a little' single-leg squat, which cause contributes most to the projection angle?",
    list(FACTORS.values())[:5],
    correct=FACTORS["abductor_weakness"],
    explanation="With a quarter of their strength lost, the weak external rotators already let the femur turn "
    "in by 2°, more inward rotation than any other cause gives at these small doses. The pelvis itself hardly "
    "drops: the abductors are still below their give-way point.",
    hint="Read the tallest bar between 'typical person' and 'now' in the explorer's 'why' chart, or the largest "
    "share printed above.",
)

# %% [markdown]
# ## Causes interact
#
# How does the chart split the change fairly when causes influence each other? It switches the causes on
# in every possible order (2⁶ = 64 model runs), measures what each one adds at its turn, and averages.
# This is the Shapley value from game theory (Shapley 1953); the shares then add up exactly to the total
# change. At small doses the five causes hardly interact: added one by one they give almost the same
# total as together. At larger doses they can.
#
# **Predict.** Abductor weakness of 0.4 on its own sits right at the give-way point and leaves the
# pelvis almost level (lesson 03 follows that threshold step by step). Hips 40 mm wider on their own do not drop the pelvis
# either. What happens with both?

# %%
# NBVAL_CHECK_OUTPUT
pair = biomech.simulate_many({**TASK, "abductor_weakness": np.array([0.0, 0.4, 0.0, 0.4]),
                              "hip_width_mm": hip_width + np.array([0.0, 0.0, 40.0, 40.0])})
for i, label in enumerate(["typical", "weak abductors 0.4", "hips +40 mm", "both"]):
    print(f"{label:20s} pelvic drop {pair['pelvic_drop_deg'][i]:5.1f} deg   abductor use "
          f"{100 * pair['abductor_use'][i]:4.0f} %   FPPA {pair['fppa_deg'][i]:+5.1f} deg")
separately = (pair["pelvic_drop_deg"][1] - pair["pelvic_drop_deg"][0]) + (pair["pelvic_drop_deg"][2]
                                                                            - pair["pelvic_drop_deg"][0])
print(f"extra pelvic drop: {separately:.1f} deg added separately, "
      f"{pair['pelvic_drop_deg'][3] - pair['pelvic_drop_deg'][0]:.1f} deg together")

# %% [markdown]
# **What the model did.** Separately the two add about half a degree of pelvic drop; together about
# 4°. The wider hips lengthen the body-weight lever, the weakened abductors have less strength to
# answer it, and together they push the share in use well past the 70 % give-way point (87 % instead of
# 71 %). The FPPA follows. A
# "why" chart of the pelvic drop would split that joint effect equally between the two causes, because
# neither produces it without the other.
#
# **Your turn.** In the explorer, press **Reset** (back to the typical woman in the single-leg squat),
# set *Abductor weakness* to 0.40, and then use **only the hip-width slider** to make the pelvis drop by
# more than 5°.

# %%
OTHER_CAUSES = ("adductor_tightness", "arch_collapse", "pelvic_tilt_offset_deg", "bone_offset_deg")
StateCheck(
    app,
    "Single-leg squat, abductor weakness 0.40, the other causes at 0: widen the hips until the pelvic drop "
    "passes 5°.",
    lambda result, ui: ui["task"] == "single_leg_squat" and abs(ui["abductor_weakness"] - 0.4) < 0.01
    and not any(ui[name] for name in OTHER_CAUSES) and result.pelvic_drop_deg > 5.0,
    describe=lambda result, ui: f"Task {ui['task']}, abductor weakness {ui['abductor_weakness']:.2f}, hip width "
    f"{ui['hip_width_offset_mm']:+.0f} mm vs typical, other causes "
    f"{'NOT at 0' if any(ui[name] for name in OTHER_CAUSES) else 'at 0'}: abductor use "
    f"{100 * result.abductor_use:.0f} %, pelvic drop {result.pelvic_drop_deg:.1f}°, FPPA {result.fppa_deg:+.1f}°.",
    explanation="About 30 mm of extra hip width is enough. Neither cause does it alone: wider hips raise the "
    "demand on the abductors, weakness lowers their capacity, and the pelvis drops only when demand outruns "
    "capacity. This is why a clinician looks at the whole person, not one muscle.",
    hint="Press Reset, set Abductor weakness to 0.40 (the slider moves in steps of 0.05), keep the task "
    "'Single-leg squat', then move Hip width to the right in steps of about 10 mm while watching the Pelvic "
    "drop row.",
)

# %% [markdown]
# ## Summary
#
# | cause | first thing it changes in the model | how it reaches the knee |
# |---|---|---|
# | tight adductors | hip abduction range lost | hip rests adducted and turned in |
# | weak abductors / rotators | share of strength in use (Pauwels) | rotators: femur turns in; past the give-way point the pelvis drops and the hip adducts |
# | arch collapse | navicular drop, heel eversion | shin turns in, femur follows part way |
# | hip width | body-weight lever, thigh slope | more abductor demand, larger Q-angle |
# | anterior pelvic tilt | hip flexion | femur turns in, 0.275° per degree (Bagwell 2016) |
#
# Rotations need a bent knee to show in the front view. Several small causes can add up to a
# borderline knee, and some pairs (weak abductors with wide hips) do more together than apart.
#
# ## Limits
#
# The five chains are a teaching simplification. Many of their coefficients are teaching assumptions
# (see the rules table), and the measured ones vary widely between people: the foot-to-shin coupling in
# bone-pin studies was highly individual (Stacoff et al. 2000). The model has no trunk lean, no
# ligament laxity, no fatigue and no motor-control strategy, all of which change a real single-leg squat.
# Real measurements are also noisy: between two test days an FPPA can differ by up to about 8° without
# any real change (smallest detectable difference 7.5-8.9°, Munro, Herrington & Carolan 2012). Use the
# model to understand mechanisms; it does not diagnose a cause in a particular person. Pain, swelling or
# a knee that gives way belong with a clinician.
