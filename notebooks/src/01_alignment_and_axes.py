# %% [markdown]
# # 01 · Alignment and axes: the lines drawn on a standing leg
#
# *About 20 minutes: 8 minutes of reading, 12 with the explorer and the questions.*
#
# Before asking *why* a knee caves in, we need a shared way to say *how much*. Clinicians describe
# a leg with a few straight lines between the centres of the hip, knee and ankle. This lesson draws
# those lines in the model and puts numbers on them.
#
# **Learning goals.** After this lesson you can
#
# - find the [hip-knee-ankle angle](glossary.md#hip-knee-ankle-angle) and the
#   [load line](glossary.md#load-line) in the front view;
# - estimate how far the line moves for each degree of bone alignment;
# - convert between the angle on the bones' shafts and the angle on their joint centres;
# - say what the [Q-angle](glossary.md#q-angle) measures and why published values differ;
# - explain with one equation why a thigh that turns inward shows only when the knee is bent;
# - tell which standing numbers were tuned ([calibration](glossary.md#calibration)) and which were not.
#
# Signs as in lesson 00: **+ = valgus** (knee toward the midline), **− = varus**; degrees and mm.

# %% jupyter={"source_hidden": true} tags=["setup"]
# Set-up: the model, the explorer, the lesson widgets.
import numpy as np

import biomech
from biomech.app.checks import NumberCheck, Predict, StateCheck, claim, table

WOMAN = dict(sex="female", height_m=1.65, mass_kg=60.0, age_years=25.0)
MAN = dict(sex="male", height_m=1.78, mass_kg=75.0, age_years=25.0)

# %% [markdown]
# ## Three joint centres, two lines
#
# Mark the centre of the femoral head (hip), the middle of the knee and the middle of the ankle.
#
# - The femur's [mechanical axis](glossary.md#mechanical-axis) joins hip and knee; the tibia's
#   joins knee and ankle.
# - The hip-knee-ankle angle (HKA) is the angle between these two axes at the knee. 0° is a
#   straight leg.
# - The load line runs straight from hip to ankle. Where it misses the knee centre, the miss is
#   the [load-axis shift](glossary.md#load-axis-shift), in mm (+ =
#   [lateral](glossary.md#medial-and-lateral), on the outer side).
#
# The course's typical woman (1.65 m, 60 kg) and man (1.78 m, 75 kg), standing on both legs:

# %% tags=["nbval-check-output"]
woman = biomech.simulate(**WOMAN, task="stand")
man = biomech.simulate(**MAN, task="stand")
print(table({"woman": woman, "man": man},
            ["constitutional_hka_deg", "hka_deg", "atfa_deg", "load_axis_shift_mm", "q_angle_deg"]))

# %% [markdown]
# **Reading the table.** Both legs are nearly straight, slightly on the [varus](glossary.md#varus)
# side. The bone alignment is **set** to the published means of standing X-rays: women −0.5°, men
# −1.5° ([Nicolella et al. 2012](references.md#nicolella2012), Table 2). So these rows agree with
# the literature by construction: that is calibration, not a test. The standing HKA is a few
# tenths of a degree more varus than the bones, because the loaded knee gives a little. The last
# section explains why.
#
# How much is normal? In 120 volunteers the HKA was 1.2 ± 2.2° of varus (mean ±
# [SD](glossary.md#standard-deviation), in Nicolella's Table 2), so the explorer calls −5.6° to
# +3.2° normal. Mild varus is common: 32 % of young men and 17 % of young women without complaints
# had 3° or more ([Bellemans et al. 2012](references.md#bellemans2012)).
#
# ## Valgus and varus are one scale
#
# **Predict 1.** Her bones are set 5° further into valgus. How far does the load line move at her
# knee, in mm?

# %% jupyter={"source_hidden": true} tags=["predict"]
BONES = np.array([-10.0, -3.0, -0.5, 3.0, 10.0])


def bone_sweep():
    """Standing, bone alignment from 10° varus to 10° valgus."""
    return biomech.simulate_many({**WOMAN, "task": "stand", "constitutional_hka_deg": BONES})


def shift_per_degree():
    """How far the load line moves per degree of HKA [mm/deg]."""
    out = bone_sweep()
    return np.polyfit(out["hka_deg"], out["load_axis_shift_mm"], 1)[0]


def bone_sweep_reveal():
    """What the model did: the sweep as a table."""
    out, slope = bone_sweep(), shift_per_degree()
    claim(2.0 < slope < 6.0, "the load line moves a few mm per degree")
    columns = {f"bones {b:+.1f}": {k: v[i] for k, v in out.items()} for i, b in enumerate(BONES)}
    return (f"About {slope:.1f} mm per degree of HKA.\n\n"
            + table(columns, ["hka_deg", "load_axis_shift_mm", "intermalleolar_distance_mm",
                              "intercondylar_distance_mm"]))


def few_mm_is_tempting(value):
    """Why a small shift is a tempting prediction."""
    if value < 8.0:
        return ("5° sounds small. But the knee is about 40 cm below the hip, and a small angle at the knee "
                "moves the knee centre by several mm against the hip-to-ankle line.")
    if value > 40.0:
        return "large angles draw large gaps on paper, but 5° swings the knee only a little against the line."
    return None


Predict(
    "Her bones go 5° further into valgus. How far does the load line move at the knee (mm)?",
    number=True,
    answer=lambda: 5.0 * shift_per_degree(),
    tolerance=5.0,
    unit="mm",
    explanation="Each degree of HKA moves the knee centre a few mm against the straight hip-to-ankle line, so 5° "
    "carries the line well to the outer side. The scale is continuous: there is no switch between varus and "
    "valgus, only a number that crosses zero.",
    why_tempting=few_mm_is_tempting,
    reveal=bone_sweep_reveal,
)

# %% [markdown]
# **Try it.** Below, the same woman stands on both legs. Drag **Bone shape** to +5 and watch the
# front view: the knee moves toward the midline and the orange line now passes outside it. Then
# try −10 for bow legs.

# %%
app = biomech.explorer(task="stand")
app

# %% jupyter={"source_hidden": true} tags=["check"]
StateCheck(
    app,
    "Standing on both legs, give her bow legs outside the normal range: HKA below −5.6°.",
    lambda result, ui: ui["task"] == "stand" and result.hka_deg < -5.6,
    describe=lambda result, ui: f"Bone shape {ui['bone_offset_deg']:+.1f}° vs typical: HKA {result.hka_deg:+.1f}°, "
    f"load line {result.load_axis_shift_mm:+.1f} mm from the knee centre.",
    explanation="Past about 6° of varus the line runs more than 20 mm inside the knee centre. A number outside a "
    "range is a reason to look closer, not a diagnosis.",
    hint="Keep 'Standing on both legs' and drag Bone shape to the left, to about −6.",
)

# %% [markdown]
# ## The shaft axis and the joint-centre axis
#
# On a short knee X-ray nobody sees the hip centre, so clinicians follow the bones' shafts: the
# [anatomic axis](glossary.md#anatomic-axis). The femoral neck carries the head toward the
# midline. So the femur's shaft leans 5.4 ± 0.7° away from its mechanical axis in CT scans
# ([Jamali et al. 2017](references.md#jamali2017)). The
# [anatomic tibiofemoral angle](glossary.md#anatomic-tibiofemoral-angle) therefore reads about 5°
# more valgus than the HKA; Jamali measured 4.8 ± 2.6° of valgus in adults. Always ask which axis
# an angle was measured on.

# %% jupyter={"source_hidden": true} tags=["check"]
NumberCheck(
    "A woman's standing long-leg X-ray shows HKA +3.0°. What anatomic tibiofemoral angle does the model give her "
    "(degrees, + = valgus)?",
    answer=lambda: biomech.simulate(**WOMAN, task="stand", constitutional_hka_deg=3.0).atfa_deg,
    tolerance=0.6,
    unit="degrees",
    explanation="The shaft axis adds the 5.4° between the femur's shaft and its mechanical axis: about +8.4°.",
    hint="Start from the HKA and add the angle between the femur's shaft and its mechanical axis.",
)

# %% [markdown]
# ## The Q-angle
#
# The Q-angle runs from the [ASIS](glossary.md#asis) at the front of the pelvis to the middle of
# the kneecap, and on to the tibial tubercle. Its value depends on the method. Standing, 50 young
# adults gave about 10-12°, with no clear sex difference
# ([Livingston & Mandigo 1997](references.md#livingstonmandigo1997)). Lying down, women had 14.5°
# and men 11.0° ([Raveendranath et al. 2009](references.md#raveendranath2009)). The same people
# ranged from 7° to 16° with foot position ([J Athl Train 2002](references.md#pmc164352)). The
# model's difference between women and men was tuned to 2.3-3.5°
# ([Grelsamer et al. 2005](references.md#grelsamer2005)): calibration again. A
# more valgus leg went with a larger Q-angle in 218 people
# ([Nguyen et al. 2009](references.md#nguyen2009)); the model shows the same link:

# %% tags=["nbval-check-output"]
q = biomech.simulate_many({**WOMAN, "task": "stand", "constitutional_hka_deg": np.array([-6.0, -0.5, 6.0])})
print(table({f"bones {b:+.1f}": {"q_angle_deg": q["q_angle_deg"][i]} for i, b in enumerate([-6.0, -0.5, 6.0])},
            ["q_angle_deg"]))

# %% [markdown]
# ## Why a thigh turned inward shows only when the knee bends
#
# The model is a [kinematic chain](glossary.md#kinematic-chain): pelvis, femur, tibia. Each joint
# angle is a turn about one axis, written as a [rotation matrix](glossary.md#rotation-matrix).
# Each bone's direction is the product of the turns above it. Keep only the hip's
# [internal rotation](glossary.md#hip-internal-rotation) and the knee's flexion, multiply out, and
# the ankle's sideways distance from the knee (right leg, + = outward) is
#
# $$x_{\mathrm{ankle}} - x_{\mathrm{knee}} = L_{\mathrm{shank}}\,\sin\theta_{\mathrm{rotation}}\,
# \sin\theta_{\mathrm{flexion}}$$
#
# **Predict 2.** Standing with straight knees, her femur turns 10° inward. What happens to her HKA?

# %% jupyter={"source_hidden": true} tags=["predict"]
FLEXION = np.array([0.0, 30.0, 60.0, 90.0])


def rotation_reveal():
    """What the model did: 10° of femoral rotation at four knee bends (free foot)."""
    fk = biomech.forward_kinematics(hip_internal_rotation_deg=10.0, knee_flexion_deg=FLEXION)
    sideways = fk["ankle_center"][..., 0] - fk["knee_center"][..., 0]
    claim(abs(sideways[0]) < 0.5 and sideways[-1] > 30.0, "the swing is zero with a straight knee")
    return "\n".join(f"knee bent {bend:3.0f} deg: ankle {dx:5.1f} mm sideways of the knee"
                     for bend, dx in zip(FLEXION, sideways))


Predict(
    "Standing with straight knees, her femur turns 10° inward about its own long axis. Her HKA...",
    options=["moves about 10° toward valgus", "hardly changes", "moves about 10° toward varus"],
    answer="hardly changes",
    explanation="With the knee straight, sin(0°) = 0: the shin simply continues the femur's long axis, so spinning "
    "that axis moves neither knee nor ankle sideways. Bend the knee and the shin sticks out like a handle; the "
    "same turn then swings it. On a planted foot the knee moves inward instead.",
    why_tempting={
        "moves about 10° toward valgus": "an inward-turned thigh is what caving knees look like in a squat, so "
        "'turned in' and 'valgus' feel like the same thing. They are the same only when the knee is bent.",
        "moves about 10° toward varus": "the kneecap turns inward and can make the leg look bowed from the front, "
        "but the joint centres stay in line.",
    },
    reveal=rotation_reveal,
)

# %% [markdown]
# **Try it.** Tipping the pelvis forward turns both femurs inward (lesson 02 gives the measured
# ratio). Press **Reset**, keep *Standing on both legs*, and raise **Pelvic tilt** to +15 or more.

# %% jupyter={"source_hidden": true} tags=["check"]
StateCheck(
    app,
    "Turn the femur inward by at least 4° (Hip internal rotation row) while the HKA stays within 0.5° of its "
    "value without the extra tilt.",
    lambda result, ui: result.hip_internal_rotation_deg >= 4.0 and abs(
        result.hka_deg - biomech.simulate(**{**result.inputs, "pelvic_tilt_deg": None}).hka_deg) <= 0.5,
    describe=lambda result, ui: f"Task {ui['task']}, knee flexion {ui['knee_flexion_deg']:.0f}°: hip internal "
    f"rotation {result.hip_internal_rotation_deg:+.1f}°, HKA {result.hka_deg:+.1f}°.",
    explanation="With the knee straight the rotation is invisible in the front view. Now choose 'Squat on both "
    "legs' without touching the tilt: the same rotation moves the knees toward each other.",
    hint="Press Reset, keep 'Standing on both legs' at 0° of knee flexion, and raise Pelvic tilt to +15° or more.",
)

# %% [markdown]
# ## The knee's own sideways angle: bones plus a little give
#
# The explorer also reports the [knee abduction angle](glossary.md#knee-abduction-angle), the
# knee's own sideways angle in 3-D. In this model it is the bone alignment plus a
# [soft-tissue give](glossary.md#soft-tissue-give). Ligaments stretch a little under a sideways
# load, more when the knee is bent. Healthy straight knees open and close by about 6.7° in total
# when pushed by hand ([Markolf et al. 1978](references.md#markolf1978)). Here is a squat on both
# legs to 60°, with the pelvis tipped 20° further forward than typical:

# %% tags=["nbval-check-output"]
typical = biomech.simulate(**WOMAN, task="squat", knee_flexion_deg=60.0)
tipped = biomech.simulate(**WOMAN, task="squat", knee_flexion_deg=60.0, pelvic_tilt_deg=typical.pelvic_tilt_deg + 20.0)
print(table({"typical": typical, "tipped 20 deg": tipped},
            ["hip_internal_rotation_deg", "fppa_deg", "knee_abduction_deg", "knee_give_deg"]))

# %% [markdown]
# The [FPPA](glossary.md#frontal-plane-projection-angle) grows by about 9°, while the knee's own
# 3-D angle changes by only about 1°, all of it give. Most of what a camera sees is the hip's rotation
# seen through a bent knee; the joint itself gives a little.
#
# **Explain in your own words** (double-click, write, Shift+Enter): a physiotherapist films a
# squat and sees the knee cave in by 9°. What is the hip doing, and what is the knee joint doing?
#
# *Your answer:*
#
# **Limits.** Each bone is a straight link between joint centres, with one fixed femoral shaft
# angle and no twist within the bones. Measuring real X-rays carries errors of about 1-1.4° and
# 3 mm ([Braun et al. 2023](references.md#braun2023)). The model explains how the lines are
# defined; it does not diagnose. Legs that differ from each other belong with a clinician.
#
# ## Summary
#
# HKA, load line and anatomic angle describe a standing leg; a few degrees either way is normal.
# A femur's rotation shows as valgus only through a bent knee, and the knee itself gives a little.
#
# **Next:** [02 · The five causes](02_the_five_causes.ipynb)
