# %% [markdown]
# # 01 · Alignment and axes: the lines drawn on a standing leg
#
# Before we can ask *why* a knee caves in, we need a shared way to say *how much*. Clinicians and
# radiologists describe a leg with a few straight lines joining the centres of the hip, knee and
# ankle. This lesson builds those lines in the model, puts numbers on them, and shows where the
# normal range sits.
#
# **Learning goals.** After this notebook (about 15 minutes) you can
#
# - define the hip-knee-ankle (HKA) angle and the load line (hip centre to ankle centre), and find
#   both in the explorer's front view;
# - turn the same leg from bow legs (varus) to knock knees (valgus) on one scale, and say why a few
#   degrees either side of straight is normal;
# - explain why the femur's shaft (anatomic) axis and its mechanical axis differ by about 5°, and
#   what that does to the angle a clinician measures;
# - say what the Q-angle measures and what its published values are;
# - read the model's chain of rotation matrices, and use one of its equations to explain why a femur
#   that turns inward shows up as valgus only when the knee is bent.
#
# Signs as in lesson 00: **+ = valgus** (knee toward the midline), **− = varus**; angles in degrees,
# lengths in mm. Run the cells from top to bottom.

# %% [markdown]
# ## Three joint centres, two lines
#
# Take one leg and mark three points: the centre of the femoral head (the **hip centre**), the middle
# of the knee between the femoral condyles (the **knee centre**), and the middle of the ankle joint
# (the **ankle centre**).
#
# - The **mechanical axis of the femur** joins hip centre and knee centre; the **mechanical axis of
#   the tibia** joins knee centre and ankle centre.
# - The **hip-knee-ankle angle (HKA)** is how far the tibia's axis bends away from the femur's axis
#   carried on straight past the knee. 0° is a perfectly straight leg. Here + means the knee sits on
#   the midline side of the hip-ankle line (valgus), − means it sits on the outer side (varus).
# - The **load line** (load-bearing or mechanical axis of the whole leg) runs straight from hip centre
#   to ankle centre. On a perfectly straight leg it passes through the knee centre; otherwise it misses
#   it to one side. The model reports that miss at knee height as the **load-axis shift** (mm,
#   + = the line passes on the outer, lateral side of the knee centre).
#
# Here is the model's typical 25-year-old woman (1.65 m, 60 kg) and typical man (1.78 m, 75 kg),
# standing on both legs with straight knees. The table gives each value with its unit, the published
# normal range for adults, a verdict, and the sign convention.

# %%
# NBVAL_CHECK_OUTPUT
import numpy as np
from IPython.display import display

import biomech
from biomech.app.checks import ChoiceCheck, NumberCheck, StateCheck
from biomech.kinematics import derivation
from biomech.report import report

ALIGNMENT = ("hka_deg", "atfa_deg", "load_axis_shift_mm", "q_angle_deg")
woman = biomech.simulate(sex="female", height_m=1.65, mass_kg=60.0, task="stand")
man = biomech.simulate(sex="male", height_m=1.78, mass_kg=75.0, task="stand")
print("Typical woman, standing")
print(report(woman, names=ALIGNMENT))
print("\nTypical man, standing")
print(report(man, names=ALIGNMENT))

# %% [markdown]
# **Reading the numbers.** Both legs are almost straight and slightly on the varus side: HKA −0.5° for
# the woman and −1.5° for the man. These are the means the model takes from adult standing
# radiographs (men −1.5 ± 3.0°, women −0.5 ± 2.6°; Table 2 of PMC3560206). The load line passes a
# few millimetres **medial** of the knee centre (a negative shift), which is where it usually
# runs in healthy adults (Paley's textbook value is about 8 ± 7 mm medial; a recalled figure, so
# treat it as approximate). The other two rows, the anatomic angle and the Q-angle, come later in this
# lesson.
#
# ## Valgus and varus are two ends of one scale
#
# The explorer below starts with the same woman standing. Find the control **Bone shape** in the
# *Causes* group: it sets the alignment built into her bones, as an offset from her typical value
# (the grey line under it gives the resulting HKA).
#
# **Predict first.** If her bones are set 5° further into valgus, how far will the load line move at
# the knee: about 2 mm, about 18 mm, or about 50 mm? Which way will it move?
#
# **Try it.** Drag *Bone shape* to the right (+5) and watch the front "standing X-ray" view: the knee
# moves toward the midline, the HKA angle drawn at the knee grows, and the orange dashed load line now
# passes *outside* the knee centre. Then drag the slider to the left (−10): the knees bow apart
# and the line passes well *inside* the knee. In the 3-D view (drag to rotate it) the knees come
# together in valgus and move apart in varus.

# %%
app = biomech.explorer(task="stand")
app

# %% [markdown]
# The same sweep from code, from 10° of varus to 10° of valgus. The last two columns describe what you
# would *see*: with the knees pressed together, the gap left between the ankles; with the ankles
# pressed together, the gap left between the knees.

# %%
# NBVAL_CHECK_OUTPUT
bones = np.array([-10.0, -6.0, -3.0, -0.5, 3.0, 6.0, 10.0])
sweep = biomech.simulate_many({"task": "stand", "constitutional_hka_deg": bones})
print(" HKA (deg)  load-axis shift (mm)  ankle gap, knees together (mm)  knee gap, ankles together (mm)")
for i in range(bones.size):
    print(f"{sweep['hka_deg'][i]:+9.1f}  {sweep['load_axis_shift_mm'][i]:+20.1f}  "
          f"{sweep['intermalleolar_distance_mm'][i]:30.1f}  {sweep['intercondylar_distance_mm'][i]:30.1f}")

# %% [markdown]
# **What the model did.** Each degree of bone alignment moves the load line about 3.5 mm at this
# woman's knee, so 5° of extra valgus carries it about 18 mm to the outer side. The scale is
# continuous: there is no switch between "varus" and "valgus", only a number that crosses zero.
# Knock knees show as ankles that cannot meet when the knees touch (already about 30 mm apart at
# +3°); bow legs as knees that stay apart when the ankles touch (about 49 mm at −6°).
#
# **How much is normal?** Healthy adults spread over several degrees on both sides of straight. In
# 120 volunteers the mean HKA was 1.2 ± 2.2° varus (Hsu et al. 1990, via PMC3560206), and the explorer
# colours the HKA row green between −5.6° and +3.2° (that mean ± 2 standard deviations). Mild varus is
# especially common: among 250 young adults without complaints, 32 % of the men and 17 % of the women
# had 3° or more of varus (Bellemans et al. 2012). In a 3-D weight-bearing study of 100 adults, 70 %
# were neutral, 19.5 % varus and 10.5 % valgus (PMC4017250). **A few degrees either way is normal.**
#
# **Your turn.** Use *Bone shape* to give this woman bow legs that fall **outside** the normal range.

# %%
StateCheck(
    app,
    "Standing on both legs, make the hip-knee-ankle angle more varus than the normal range: HKA below −5.6°.",
    lambda result, ui: ui["task"] == "stand" and result.hka_deg < -5.6,
    describe=lambda result, ui: f"Task {ui['task']}, bone shape {ui['bone_offset_deg']:+.1f}° vs typical: "
    f"HKA {result.hka_deg:+.1f}°, load line {result.load_axis_shift_mm:+.1f} mm from the knee centre, "
    f"knee gap with ankles together {result.intercondylar_distance_mm:.0f} mm.",
    explanation="Past about 6° of varus the load line runs more than 20 mm inside the knee centre, and the "
    "HKA row turns amber or red. Unusual, but a number outside a range is a reason to look closer, not a "
    "diagnosis: lesson 06 shows what bone shape means for treatment.",
    hint="Keep the task 'Standing on both legs' and drag Bone shape to the left, to about −6 (the label "
    "under the slider shows the resulting HKA).",
)

# %%
ChoiceCheck(
    "A 22-year-old man without any knee complaints has a standing HKA of −3.5° (3.5° of varus). "
    "Which statement fits the published data best?",
    ["He has a bow-leg deformity that needs treatment.",
     "He is within the normal spread: about a third of young men have 3° or more of varus.",
     "That value is impossible for a healthy adult."],
    correct="He is within the normal spread: about a third of young men have 3° or more of varus.",
    explanation="Bellemans et al. (2012) found 3° or more of varus in 32 % of symptom-free young men (17 % of "
    "women), and −3.5° lies inside the −5.6° to +3.2° range of Hsu et al. (1990). Constitutional varus is "
    "common and is not a disease in itself.",
    hint="Compare −3.5° with the normal range above, and read the Bellemans (2012) percentages again.",
)

# %% [markdown]
# ## Mechanical axis and anatomic axis
#
# A physiotherapist with a goniometer, or a radiologist drawing on a short knee X-ray, cannot see the
# hip centre. They follow the **shafts** of the bones instead: the **anatomic axis** of the femur runs
# down the middle of its shaft. Because the femoral neck carries the head toward the midline, that
# shaft line does not point at the hip centre; it leans away from the femur's mechanical axis by the
# **anatomic-mechanical angle**, 5.4 ± 0.7° in a CT study (Jamali et al. 2017; textbooks say about
# 6°). The tibia's shaft and mechanical axes nearly coincide.
#
# The **anatomic tibiofemoral angle (aTFA)**, femoral shaft against tibia, therefore reads about 5°
# more valgus than the HKA of the same leg. A leg with a perfectly straight load line (HKA 0°) shows
# about 5° of anatomic valgus, which is why "normal" knees look slightly knock-kneed when measured
# along the bones: Jamali et al. (2017) measured an aTFA of 4.8 ± 2.6° valgus in adults.
#
# In the explorer's front view the dotted blue line is the femoral shaft axis; the solid blue lines are
# the mechanical axes. From the sweep above:

# %%
# NBVAL_CHECK_OUTPUT
for i in (1, 3, 5):
    print(f"HKA {sweep['hka_deg'][i]:+5.1f} deg  ->  anatomic tibiofemoral angle {sweep['atfa_deg'][i]:+5.1f} deg  "
          f"(difference {sweep['atfa_deg'][i] - sweep['hka_deg'][i]:.1f} deg)")

# %% [markdown]
# The difference is the same 5.4° everywhere: the model's femur has one fixed anatomic-mechanical angle
# (Jamali 2017). Real femurs vary by about ±0.7° around it in that study, and more widely in older
# adults (median 5°, interquartile range 2.9-6.8°, PMC7875943).

# %%
NumberCheck(
    "A woman's standing long-leg X-ray shows HKA = +3.0° (valgus). What anatomic tibiofemoral angle does the "
    "model give for her? (degrees, + = valgus)",
    answer=lambda: biomech.simulate(task="stand", constitutional_hka_deg=3.0).atfa_deg,
    tolerance=0.6,
    unit="degrees",
    explanation="The shaft axis adds the anatomic-mechanical angle of 5.4° (Jamali 2017): 3.0° + 5.4° ≈ 8.4° "
    "of anatomic valgus. Always ask which axis an angle was measured on before comparing it with a range.",
    hint="Start from the HKA and add the angle between the femur's shaft and its mechanical axis (see the "
    "difference column above).",
)

# %% [markdown]
# ## The Q-angle
#
# The **Q-angle** describes the pull of the quadriceps on the kneecap. One line runs from the front of
# the pelvis (the anterior superior iliac spine, ASIS) to the centre of the patella, roughly the pull
# of the quadriceps; a second runs from the patella to the tibial tubercle, where the patellar tendon
# attaches. The Q-angle is the angle between them, seen from the front; the larger it is, the more
# sideways pull the kneecap receives.
#
# The model's typical woman reads 12.8° and the typical man 11.6° (table at the top). Published values
# depend on the method:
#
# - standing, 50 young adults: men 9.5 ± 4.6° (right) and 10.4 ± 5.7° (left), women 10.5 ± 4.2° and
#   12.2 ± 5.2°, with no significant sex difference (Livingston & Mandigo 1997);
# - lying supine, 100 subjects: women 15.8 ± 4.5°, men 11.2 ± 3.0° (Horton & Hall 1989; a recalled
#   value);
# - the same people change by several degrees with how the feet are placed: 7.2-16.1° across stance
#   positions (PMC164352), so a single Q-angle needs its method written next to it.
#
# In a study of 218 people, a more valgus tibiofemoral angle went with a larger Q-angle (Nguyen et al.
# 2009). The model shows the same link, because valgus carries the knee, and with it the patella,
# toward the midline while the ASIS stays where it is:

# %%
# NBVAL_CHECK_OUTPUT
for i in (0, 3, 6):
    print(f"HKA {sweep['hka_deg'][i]:+5.1f} deg  ->  Q-angle {sweep['q_angle_deg'][i]:5.1f} deg")

# %% [markdown]
# ## The chain as equations
#
# Every position in the model comes from one chain of rotations, pelvis → femur → tibia, derived with
# the computer-algebra package sympy. You do not need to calculate with it; the aim is to see that each
# step is a plain, readable rule. The ground frame has **x** pointing to the person's right, **y**
# forward and **z** up.
#
# Every joint angle is a turn about one of three axes, written as a 3 × 3 **rotation matrix**:
#
# - a turn about the **x** axis (side to side) tips a segment forward or back: hip and knee flexion,
#   pelvic tilt (the sagittal plane);
# - a turn about the **y** axis (front to back) swings a segment toward or away from the midline: hip
#   adduction, knee valgus/varus, pelvic drop (the frontal plane, the plane of a standing X-ray);
# - a turn about the **z** axis (the long axis of the bone) spins it in place: hip internal rotation,
#   tibial rotation (the transverse plane).
#
# The orientation of the femur is the pelvis's orientation followed by three turns at the hip: flexion
# (about x), then adduction (about y), then rotation about the femur's own long axis (about z). Each
# matrix has cosines on the diagonal and sines off it; with an angle of zero it becomes the identity
# matrix and changes nothing.

# %%
equations = derivation.display_equations()
display(equations["femur"])

# %% [markdown]
# The joint centres then follow one another down the leg. The knee centre is the hip centre plus one
# thigh length straight "down" the femur, and "down the femur" means down the femur's own long axis,
# which is wherever the femur matrix has turned it. The ankle centre is found the same way from the knee
# with the tibia's orientation and the shank length. (The tibia's matrix is the femur's followed by the
# knee's flexion, valgus and rotation.)

# %%
display(equations["knee_center"])
display(equations["ankle_center"])

# %% [markdown]
# ## Why a femur that turns inward shows as valgus only when the knee bends
#
# Set every angle in those equations to zero except the hip's internal rotation and the knee's flexion.
# Multiplying out the matrices leaves a short result for how far the ankle sits to the side of the knee
# (right leg, + = outward):
#
# $$x_{\mathrm{ankle}} - x_{\mathrm{knee}} = L_{\mathrm{shank}} \, \sin\theta_{\mathrm{hip\,rot}} \,
# \sin\theta_{\mathrm{knee\,flex}}$$
#
# With a straight knee, sin(0°) = 0: spinning the femur about its own long axis swings nothing
# sideways, because the shin simply continues that axis. Bend the knee and the shin sticks out from the
# axis like a handle, so the same spin swings the ankle outward. You know this from the clinic: lying
# face down with the knee bent to 90°, internal rotation of the hip swings the foot *outward*. When the
# foot is planted on the floor it cannot swing, so the knee moves *inward* instead: the picture of
# dynamic knee valgus. The model's chain gives the same numbers for 10° of inward femoral rotation:

# %%
# NBVAL_CHECK_OUTPUT
flexion = np.array([0.0, 30.0, 60.0, 90.0])
fk = biomech.forward_kinematics(hip_internal_rotation_deg=10.0, knee_flexion_deg=flexion)
sideways = fk["ankle_center"][..., 0] - fk["knee_center"][..., 0]
for bend, dx in zip(flexion, sideways):
    print(f"knee flexion {bend:4.0f} deg: ankle {dx:5.1f} mm outward of the knee")

# %% [markdown]
# With a 406 mm shank: 406 × sin 10° × sin 30° ≈ 35 mm, and at 90° of flexion 406 × sin 10° ≈ 70 mm.
#
# **See it in the explorer.** Tipping the pelvis forward turns both femurs inward (lesson 02 gives the
# measured ratio). Press **Reset** in the explorer, keep *Standing on both legs*, and raise **Pelvic tilt**
# to about +15 or more. The *Hip internal rotation* readout rises to about 4°, yet the HKA does not move
# from −0.5°: with straight knees the rotation is invisible in the front view.

# %%
StateCheck(
    app,
    "Turn the femur inward by at least 4° (Hip internal rotation row) while the hip-knee-ankle angle stays "
    "within 0.5° of the bone's own value.",
    lambda result, ui: result.hip_internal_rotation_deg >= 4.0
    and abs(result.hka_deg - result.constitutional_hka_deg) <= 0.5,
    describe=lambda result, ui: f"Task {ui['task']}, knee flexion {ui['knee_flexion_deg']:.0f}°: hip internal "
    f"rotation {result.hip_internal_rotation_deg:+.1f}°, HKA {result.hka_deg:+.1f}° (bone value "
    f"{result.constitutional_hka_deg:+.1f}°), projection angle {result.fppa_deg:+.1f}°.",
    explanation="With the knee straight, a turn of the femur about its own long axis leaves the hip, knee "
    "and ankle centres in line, so the HKA stays at the bone's value. Now choose the task 'Squat on both "
    "legs' without touching the tilt: the same rotation moves the knees toward each other.",
    hint="Press Reset, keep 'Standing on both legs' with the knee straight (0°), and raise Pelvic tilt to "
    "+15° or more: the tilt slider turns the femur without moving anything else.",
)

# %% [markdown]
# Now switch the explorer's task to **Squat on both legs** (knee flexion 60°) with the same tilt. The
# knees swing toward each other in the 3-D view. The same comparison from code, with the pelvis tipped
# 20° beyond typical:

# %%
# NBVAL_CHECK_OUTPUT
for task in ("stand", "squat"):
    typical = biomech.simulate(task=task)
    tipped = biomech.simulate(task=task, pelvic_tilt_deg=typical.pelvic_tilt_deg + 20.0)
    print(f"{task:6s} knee flexion {tipped.knee_flexion_deg:4.0f} deg: hip internal rotation "
          f"{typical.hip_internal_rotation_deg:+4.1f} -> {tipped.hip_internal_rotation_deg:+4.1f} deg, "
          f"HKA {typical.hka_deg:+5.1f} -> {tipped.hka_deg:+5.1f} deg, "
          f"projection angle {typical.fppa_deg:+5.1f} -> {tipped.fppa_deg:+5.1f} deg")

# %% [markdown]
# Standing, 5.5° of inward rotation leaves the HKA exactly where the bones put it. In the squat the same
# rotation moves the knee inward: the frontal-plane angles grow by about 7°. Meanwhile the 3-D knee
# abduction angle in the explorer's readouts (Grood & Suntay 1983) stays at the bone's −0.5°: the knee
# joint itself has not bent sideways; the valgus you see comes from the hip's rotation. This is the
# idea behind dynamic knee valgus, and lessons 02, 03 and 05 build on it.
#
# ## Summary
#
# - HKA: angle between the femur's and tibia's mechanical axes; + valgus, − varus. Adults: about 1° of
#   varus on average, spread over several degrees both ways (Hsu 1990; Bellemans 2012).
# - Load line: hip centre to ankle centre; about 3.5 mm of shift at the knee per degree of HKA in the
#   typical woman.
# - Anatomic angle ≈ HKA + 5.4° (Jamali 2017): say which axis you measured on.
# - Q-angle: ASIS-patella against patella-tubercle; about 10-16° depending on sex and method.
# - Rotations of the femur show up in the front view only when the knee is bent.
#
# ## Limits
#
# The model draws each bone as a straight link between joint centres. It has one fixed
# anatomic-mechanical angle, no twist (torsion) inside the femur or tibia, no joint-line obliquity, and
# no soft tissue around the knee other than a width for the self-check. Measuring real radiographs
# carries errors of about 1-1.4° for these angles and about 3 mm for the load line (PMC9881281). The model explains how the lines are defined and how they move; it does not
# diagnose. A knee that hurts, swells or gives way, or legs that differ from one side to the other,
# belong with a clinician.
