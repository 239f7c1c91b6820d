# %% [markdown]
# # 04 · Load and the joint: the load-bearing axis, compartment loads and body mass
#
# Alignment matters because of load. This lesson follows the body's weight down the leg: where the
# line from the hip to the ankle crosses the knee, how that splits the knee's load between its inner
# (medial) and outer (lateral) halves, what body mass adds, and how years of uneven load can end in
# meniscus damage and osteoarthritis.
#
# **Learning goals.** After this notebook (about 15 minutes) you can
#
# - find the load-bearing axis (hip centre to ankle centre) and say where it crosses the knee, in mm
#   from the knee centre and in % of the tibial plateau's width;
# - explain why the inner compartment carries most of the load in a typical knee, and how a valgus
#   knee moves load to the outer side;
# - place the Fujisawa point, the target of many knee realignment operations, on the plateau;
# - show that body mass leaves every angle unchanged but raises every force in newtons;
# - describe, carefully, the long-term route from uneven load to meniscus damage and osteoarthritis.
#
# Signs: **+ = valgus**. The load-axis shift is **+ when the line passes lateral** (outside) of the
# knee centre. The weight-bearing-line (WBL) ratio runs from **0 % at the medial edge** of the
# plateau to 100 % at the lateral edge; 50 % is the middle.

# %% [markdown]
# ## The line and where it crosses
#
# On a standing long-leg X-ray the load-bearing (mechanical) axis is drawn from the centre of the
# femoral head to the centre of the ankle. At the height of the knee it passes a little to one side of
# the knee centre. The model does the same with its joint centres. For the typical 25-year-old woman
# of the course (1.65 m, 60 kg) standing on both legs, here are the three centres of her right leg,
# seen from the front (x to her right, z up from the floor, mm):

# %%
# NBVAL_CHECK_OUTPUT
import biomech
from biomech import measures
from biomech.app.checks import NumberCheck, StateCheck
from biomech.app.figure import show
from biomech.statics import GRAVITY
from biomech.views.plots import lines

r = biomech.simulate(task="stand")
for joint in ("hip_center", "knee_center", "ankle_center"):
    x, _, z = r.landmarks[joint]
    print(f"{joint:13s} x = {x:6.1f} mm   z = {z:6.1f} mm")
print(f"plateau width {r.plateau_width_mm:.1f} mm")

# %% [markdown]
# Follow the straight line from the hip (x = 90.3 mm) to the ankle (x = 74.2 mm). At the knee's
# height, almost halfway down, it is at about x = 82.3 mm, while the knee centre is at 84.1 mm. The
# line passes 1.8 mm **medial** of the knee centre: a load-axis shift of −1.8 mm. Dividing by the
# plateau width puts it on the plateau:
#
# WBL ratio = 50 % + 100 % × shift / plateau width = 50 % + 100 % × (−1.8 / 68.8) ≈ 47 %.
#
# The package does exactly this (`biomech.measures`):

# %%
# NBVAL_CHECK_OUTPUT
shift = measures.load_axis_shift_mm(r.landmarks["hip_center"], r.landmarks["knee_center"],
                                    r.landmarks["ankle_center"], 1.0)
print(f"load-axis shift  {shift:+.1f} mm (+ = lateral)")
print(f"WBL ratio        {measures.wbl_ratio_pct(shift, r.plateau_width_mm):.1f} % of plateau width")
print(f"HKA angle        {r.hka_deg:+.1f} deg (+ = valgus)")

# %% [markdown]
# For comparison, normal adults have the line about 8 ± 7 mm medial of the knee centre (the
# mechanical axis deviation of Paley & Tetsworth 1992, a recalled textbook value), which is
# −8 ± 7 mm in this course's sign. The model's typical woman sits near the lateral end of that spread
# because her bones are almost straight (HKA −0.5°, the mean for women, PMC3560206).
#
# **Your turn.** A knee's load line passes 7 mm lateral of its centre, and its plateau is 68.8 mm wide.

# %%
NumberCheck(
    "Where on the plateau does that line cross, as a WBL ratio (% of plateau width from the medial edge)?",
    answer=lambda: measures.wbl_ratio_pct(7.0, 68.8),
    tolerance=1.0,
    unit="%",
    explanation="7 mm is about a tenth of the plateau's width, so the line sits about 10 % lateral of the "
    "middle. That is close to the Fujisawa point below.",
    hint="Start from 50 % (the middle). Add 100 % × 7 / 68.8 because + means lateral, toward 100 %.",
)

# %% [markdown]
# ## Moving the line with the bones
#
# In quiet standing with straight knees, muscles and posture barely move the load line (the rotations
# of lessons 02 and 03 need a bent knee to show). The bones do. In the explorer below, the person
# stands on both legs. Move **Bone shape** and watch the orange load line in the front view and the
# knee-load bar.
#
# **Predict first:** when the bones are set into valgus, does the inner (medial) share of the knee's
# load go up or down?
#
# Surgeons who realign a worn inner compartment with a high tibial osteotomy often aim the line at the
# **Fujisawa point**: 62.5 % of the plateau width from the medial edge (Kobayashi et al. 2022; the
# original target zone, Fujisawa et al. 1979, converts to about 62-66 %). The whole range recommended
# after such an osteotomy is a WBL ratio of 60-70 % (Kobayashi 2022).

# %%
app = biomech.explorer(task="stand")
app

# %%
StateCheck(
    app,
    "Standing on both legs, use the Bone shape slider to put the load line on the Fujisawa point: a WBL "
    "ratio between 60 % and 65 %.",
    lambda result, ui: ui["task"] == "stand" and 60.0 <= result.wbl_ratio_pct <= 65.0,
    describe=lambda result, ui: f"Task {ui['task']}, bone shape {ui['bone_offset_deg']:+.1f}° vs typical, "
    f"HKA {result.hka_deg:+.1f}°, load-axis shift {result.load_axis_shift_mm:+.1f} mm, WBL ratio "
    f"{result.wbl_ratio_pct:.1f} %, medial share {100 * result.medial_load_fraction:.0f} %.",
    explanation="A few degrees of bony valgus carry the line from just medial of the centre to the Fujisawa "
    "point, and the knee's load is then shared about equally between the two compartments. That is the aim "
    "of the operation: take load off a worn inner side.",
    hint="Keep the task 'Standing on both legs'. Move Bone shape to the right (valgus) a few degrees, about "
    "+3°, and read the 'Weight-bearing line across the plateau' row.",
)

# %% [markdown]
# ## Where the line goes, the load follows
#
# The same sweep from code: the bone alignment runs from 10° varus to 10° valgus, the person stands on
# both legs, and the model reports where the line crosses and how the knee's contact force is shared.

# %%
import numpy as np

bone = np.linspace(-10.0, 10.0, 41)
sweep = biomech.simulate_many({"task": "stand", "constitutional_hka_deg": bone})
show(lines(bone, {"WBL ratio (% of plateau from the medial edge)": sweep["wbl_ratio_pct"],
                  "medial share of knee load (%)": 100 * sweep["medial_load_fraction"]},
           x_title="bone alignment HKA (deg, + valgus)", y_title="percent",
           title="Standing on both legs: load line position and medial load share",
           bands={"published medial share, 60-80 %": (np.full(bone.size, 60.0), np.full(bone.size, 80.0))},
           hlines={"Fujisawa point, 62.5 %": 62.5}))

# %%
# NBVAL_CHECK_OUTPUT
for i in (8, 14, 19, 25, 32):
    print(f"HKA {sweep['hka_deg'][i]:+5.1f} deg  shift {sweep['load_axis_shift_mm'][i]:+6.1f} mm  "
          f"WBL {sweep['wbl_ratio_pct'][i]:5.1f} %  medial share {100 * sweep['medial_load_fraction'][i]:4.0f} %  "
          f"medial {sweep['medial_contact_force_bw'][i]:.2f} BW  lateral {sweep['lateral_contact_force_bw'][i]:.2f} BW")

# %% [markdown]
# **What the model did.**
#
# - Each degree of bone alignment moves the line about 3.5 mm, about 5 % of this plateau.
# - With the typical woman's almost straight bones (HKA −0.5°) the inner compartment still carries
#   about 63 % of the load, inside the 60-80 % that instrumented-implant and modelling studies report
#   (PMC2965044, introduction). The reason: the ground pushes up on the foot a little medial of the
#   knee (the feet stand under the body and the push leans toward the midline), which tips the knee
#   into varus and presses the inner side. Gait labs measure this tipping as the **knee adduction
#   moment**.
# - At the Fujisawa point (about +2.5° here) the two compartments share the load about equally. In
#   Kobayashi's planned knees that point came with an anatomic angle near 10° valgus; the model reaches
#   it at about 8°, with the bones of a typical young woman rather than a knee with arthritis.
# - Each degree of alignment changes the medial share by about 4 %. This slope is the model's own;
#   published implant studies confirm the direction (more varus, more medial load) but the course
#   has no verified number for it.
#
# ## One leg: the moment grows
#
# On one leg the body's mass centre sits over the foot, well medial of the knee, so the knee
# adduction moment and the medial share rise:

# %%
# NBVAL_CHECK_OUTPUT
for task in ("stand", "single_leg_stance"):
    t = biomech.simulate(task=task)
    print(f"{task:18s} medial share {100 * t.medial_load_fraction:4.0f} %   knee contact force "
          f"{t.knee_contact_force_bw:.2f} BW   knee adduction moment {t.knee_adduction_moment_nm:5.1f} N m "
          f"({t.knee_adduction_moment_nm / t.inputs['mass_kg']:.2f} N m/kg)")

# %% [markdown]
# About 76 % medial on one leg, close to the roughly 75 % that Hsu et al. (1990) calculated for normal
# knees in single-leg stance (a recalled value). The moment of about 0.31 N m/kg is below the peaks of
# walking in healthy young adults (0.45 ± 0.09 N m/kg, PLoS One 2017), which include the extra force of
# each step. Keep in mind that the knee adduction moment is a stand-in for the medial load, not the
# load itself: in patients with instrumented knee implants it matched the measured medial force only
# moderately over the stance phase (Kutzner et al. 2013).
#
# ## Body mass: same angles, larger loads
#
# **Predict.** The same woman at 60 kg and at 120 kg, same bones, same posture, standing on one leg:
# which of these change? The HKA angle, the medial share, the knee contact force in multiples of body
# weight (BW), the knee contact force in newtons (N).

# %%
# NBVAL_CHECK_OUTPUT
mass = np.array([50.0, 60.0, 75.0, 100.0, 120.0])
heavy = biomech.simulate_many({"task": "single_leg_stance", "mass_kg": mass})
newtons = heavy["knee_contact_force_bw"] * mass * GRAVITY
medial_newtons = heavy["medial_contact_force_bw"] * mass * GRAVITY
for i, m in enumerate(mass):
    print(f"{m:5.0f} kg  HKA {heavy['hka_deg'][i]:+.1f} deg  medial share {100 * heavy['medial_load_fraction'][i]:.0f} %  "
          f"contact {heavy['knee_contact_force_bw'][i]:.2f} BW = {newtons[i]:6.0f} N  "
          f"medial {medial_newtons[i]:6.0f} N  adduction moment {heavy['knee_adduction_moment_nm'][i]:5.1f} N m")

# %% [markdown]
# **What the model did.** Angles and shares do not depend on mass, and neither do forces counted in
# body weights: 2.53 BW at every mass, close to the about 2.6 BW measured with instrumented knee
# implants on one leg (Kutzner et al. 2010, a recalled value). Counted in newtons, every force and
# moment grows in proportion to mass. Twice the mass puts twice the force on the same cartilage and
# menisci, thousands of times a day. That is why body mass belongs under **prevention**: it does not
# bend the knee, it multiplies whatever the alignment already does.
#
# In the explorer, try the *Body mass* slider: the readouts in "× body weight" stay put and the knee
# adduction moment (N m) moves. (The model keeps stance and geometry fixed when mass changes; real
# people with more mass often stand and move differently, which the model does not include.)

# %%
NumberCheck(
    "The same woman weighs 90 kg, with the same alignment. What is her knee contact force standing on one "
    "leg, in newtons?",
    answer=lambda: biomech.simulate(task="single_leg_stance", mass_kg=90.0).knee_contact_force_bw * 90.0 * GRAVITY,
    tolerance=60.0,
    unit="N",
    explanation="90 kg is 1.5 times 60 kg, and the force in body weights does not change, so the force in "
    "newtons is 1.5 times larger.",
    hint="Find the row for 60 kg in the table. The force in BW stays the same; multiply by 90 kg × 9.81 m/s², "
    "or scale the 60 kg value by 90/60.",
)

# %% [markdown]
# ## The long road: from uneven load to a worn joint
#
# The model stops at forces. What happens over years cannot be simulated here, and no number below
# comes from it; this is the picture the research literature draws, in broad strokes:
#
# 1. **Load is shared by cartilage and meniscus.** In each compartment the meniscus spreads the
#    contact over a larger area of cartilage. In most knees the inner side carries the larger share,
#    as the model shows.
# 2. **Alignment picks the side.** A load line shifted medially (varus) loads the inner compartment
#    more; a line shifted laterally (valgus) loads the outer one. Body mass scales both.
# 3. **Repetition.** Tissues adapt to the loads they usually see. Loads that stay high on one side
#    for years, especially after an injury such as a meniscus tear, are linked with wear of the
#    meniscus and thinning of the cartilage in that compartment.
# 4. **A vicious circle.** As cartilage and meniscus are lost on one side, the joint space narrows
#    there, the knee tilts further toward that side and the load line moves further the same way.
#    Valgus knees tend to wear on the outer side; varus knees on the inner side.
# 5. **Not a verdict.** Studies link malalignment most clearly with faster worsening in knees that
#    already have arthritis. Many people with mild valgus or varus never develop symptoms, and
#    injury, genes, muscle strength, activity and body mass all play a part. A few degrees either way
#    is normal.
#
# ## Limits
#
# The load split comes from a simple static model: one ground force, two compartment load centres and
# a smooth lift-off rule, calibrated to published shares. It has no cartilage, menisci, ligaments or
# time, so it cannot predict damage or arthritis for anyone. Forces are for still poses, not for
# walking or running. It is a teaching model, not a diagnosis; knee pain, swelling, locking or giving
# way belong with a clinician.
