# %% [markdown]
# # 05 · Dynamic valgus: squats, lunges, locked knees and sitting
#
# *About 25 minutes: 8 minutes of reading, the rest with the explorer and the questions.*
#
# Many knees look straight when a person stands, and cave inward into [valgus](glossary.md#valgus)
# as soon as they squat, land or step into a [lunge](glossary.md#lunge). This
# [dynamic valgus](glossary.md#dynamic-valgus) is what sports medicine worries about.
# This lesson shows where it comes from, tests two pieces of popular exercise advice in the model,
# and explains two everyday postures.
#
# **Learning goals.** After this lesson you can
#
# - explain why a thigh turned inward shows more the deeper the knee bends;
# - compare the [FPPA](glossary.md#frontal-plane-projection-angle) a camera sees with the knee's own
#   [3-D angle](glossary.md#knee-abduction-angle);
# - judge a [single-leg squat](glossary.md#single-leg-squat) against a norm from the same task;
# - test "knee in line with the toes" and "knee above the ankle" in a lunge;
# - explain why locked-back knees can look bowed, and what sitting knees-together does to the hip.
#
# Signs: **+ = valgus** (knee toward the midline). Knee flexion + = bent,
# − = bent backward (hyperextended).

# %% jupyter={"source_hidden": true} tags=["setup"]
# Set-up: the model, the explorer, the lesson widgets.
import numpy as np

import biomech
from biomech.app.checks import Predict, StateCheck, claim, table

WOMAN = dict(sex="female", height_m=1.65, mass_kg=60.0, age_years=25.0)
WEAK_ROTATORS = {"abductor_weakness": 1.0}  # on two legs: the femur turns inward, the pelvis stays level

# %% [markdown]
# ## Why bending reveals rotation
#
# Lesson 01 showed the rule. With the knee straight, a thigh that spins about its own axis swings
# nothing sideways; bent, the shin sticks out like a handle. The sideways swing is about shank
# length × sin(thigh rotation) × sin(knee flexion). With the foot planted, the swing moves the knee.
#
# **Predict 1.** A woman's weak hip rotators let her femur turn 4° inward under
# [body weight](glossary.md#body-weight). She squats on both legs. At which depths does her FPPA differ from a typical woman's?

# %% jupyter={"source_hidden": true} tags=["predict"]
DEPTHS = np.array([0.0, 30.0, 60.0, 90.0])


def depth_reveal():
    """What the model did: the squat at four depths, typical and with the femur turned in."""
    typical = biomech.simulate_many({**WOMAN, "task": "squat", "knee_flexion_deg": DEPTHS})
    turned = biomech.simulate_many({**WOMAN, "task": "squat", "knee_flexion_deg": DEPTHS, **WEAK_ROTATORS})
    difference = turned["fppa_deg"] - typical["fppa_deg"]
    claim(abs(difference[0]) < 0.2 and np.all(np.diff(difference) > 0), "the difference is zero straight and grows")
    abduction = turned["knee_abduction_deg"] - typical["knee_abduction_deg"]
    columns = {f"knee {d:.0f} deg": {"fppa_deg": difference[i], "knee_abduction_deg": abduction[i],
                                     "hip_internal_rotation_deg": turned["hip_internal_rotation_deg"][i],
                                     "tibial_internal_rotation_deg": turned["tibial_internal_rotation_deg"][i]}
               for i, d in enumerate(DEPTHS)}
    standing = biomech.simulate(**WOMAN, task="stand")
    length = np.linalg.norm(standing.landmarks["knee_center"] - standing.landmarks["ankle_center"])
    lines = []
    for depth in (30.0, 60.0):
        moved = [biomech.simulate(**WOMAN, task="squat", knee_flexion_deg=depth, **extra)
                 for extra in ({}, WEAK_ROTATORS)]
        inward = [r.landmarks["ankle_center"][0] - r.landmarks["knee_center"][0] for r in moved]
        simple = length * np.sin(np.radians(4.0)) * np.sin(np.radians(depth))
        claim(inward[1] - inward[0] < simple, "the planted shin makes the knee move less than the simple formula")
        lines.append(f"knee {depth:.0f} deg: the knee moved {inward[1] - inward[0]:.0f} mm inward; "
                     f"shank x sin 4 deg x sin flexion gives {simple:.0f} mm")
    return ("Turned-in minus typical, and the turns themselves:\n"
            + table(columns, ["fppa_deg", "knee_abduction_deg", "hip_internal_rotation_deg",
                              "tibial_internal_rotation_deg"])
            + "\n\n" + "\n".join(lines)
            + "\nThe shin turns back under the thigh (the negative row), so the knee moves less than the formula.")


Predict(
    "Her femur is turned 4° inward. At which squat depths does her FPPA differ from a typical woman's?",
    options=["at every depth, by the same amount, even with straight knees",
             "not with straight knees; more and more the deeper she goes",
             "only in very deep squats, beyond 90°"],
    answer="not with straight knees; more and more the deeper she goes",
    explanation="The swing grows with the sine of knee flexion: zero when straight, largest at 90°. With the foot "
    "planted, the shin follows only part of the thigh's turn (a teaching assumption of 30 %), so it ends up turned "
    "outward under the thigh, and the knee moves in a little less than the simple formula says. The knee's own 3-D "
    "angle changes far less than the FPPA: most of what the camera sees is the hip.",
    why_tempting={
        "at every depth, by the same amount, even with straight knees": "a thigh turned inward is there all the time, "
        "so it seems it should always show. With a straight knee it only spins the leg in place.",
        "only in very deep squats, beyond 90°": "the change is small at first, so it is easy to think it needs a "
        "deep squat. It starts as soon as the knee bends.",
    },
    reveal=depth_reveal,
)

# %% [markdown]
# **Try it.** In the explorer, choose *Squat on both legs* and set *Abductor weakness* to 1.0.
# Move *Knee flexion* from 0° to 90° and watch the knees in the 3-D view.

# %%
app = biomech.explorer(task="squat", knee_flexion_deg=60.0)
app

# %% [markdown]
# ## The single-leg squat and its norm
#
# On one leg, healthy women showed 8.4 ± 5.1° of FPPA at the bottom of their squats
# ([Herrington 2014](references.md#herrington2014)). The explorer calls −1.8° to +18.6° normal
# there. The model's single-leg squat stops at 75°, where such data end. Here is the typical woman
# and the same woman with 60 % of her hip strength lost:

# %% tags=["nbval-check-output"]
columns = {}
for depth in (45.0, 60.0, 75.0):
    typical = biomech.simulate(**WOMAN, task="single_leg_squat", knee_flexion_deg=depth)
    weak = biomech.simulate(**WOMAN, task="single_leg_squat", knee_flexion_deg=depth, abductor_weakness=0.6)
    columns[f"{depth:.0f}: typical"], columns[f"{depth:.0f}: weak"] = typical, weak
print(table(columns, ["fppa_deg", "knee_abduction_deg", "knee_give_deg", "pelvic_drop_deg"]))

# %% [markdown]
# At 60° the weak hip adds about 9° of FPPA. The knee's own 3-D angle changes by only about 1°:
# a little [soft-tissue give](glossary.md#soft-tissue-give) under the larger sideways load. The typical
# woman's 9° at 60° was not tuned; it agrees with Herrington's healthy women
# ([validation](glossary.md#validation)). Keep in mind that a 2-D FPPA can change by up to about 8°
# between two test days ([Munro et al. 2012](references.md#munro2012)).

# %% jupyter={"source_hidden": true} tags=["check"]
StateCheck(
    app,
    "Choose the preset 'Weak gluteals' and the single-leg squat. Find a knee flexion of at least 45° at which the "
    "FPPA is 12° or less.",
    lambda result, ui: ui["task"] == "single_leg_squat" and ui["abductor_weakness"] >= 0.6
    and ui["knee_flexion_deg"] >= 45.0 and result.fppa_deg <= 12.0,
    describe=lambda result, ui: f"Abductor weakness {ui['abductor_weakness']:.2f}, knee flexion "
    f"{ui['knee_flexion_deg']:.0f}°: FPPA {result.fppa_deg:+.1f}°.",
    explanation="Depth is a dial: the same hip shows little at 45° and much at 60°. Training can aim to move that "
    "depth, and a test should always say how deep the person went.",
    hint="Choose the preset 'Weak gluteals', then the task 'Single-leg squat', and move Knee flexion between 45° "
    "and 55° one degree at a time.",
)

# %% [markdown]
# ## "Knee in line with the toes" in a lunge
#
# Coaches cue the front knee of a lunge to stay "above the ankle" and "in line with the toes". The
# model's lunge reports both: *Knee ahead of the ankle* and *Knee inside the line of the foot*.
#
# **Predict 2.** In a lunge to 60°, her [hip abductors](glossary.md#hip-abductors) have lost 60 % of
# their strength. Where is her
# front knee relative to the line of her foot?

# %% jupyter={"source_hidden": true} tags=["predict"]
def lunge_reveal():
    """What the model did: the lunge at three depths, typical and weak."""
    columns = {}
    for depth in (30.0, 60.0, 90.0):
        for label, extra in (("typical", {}), ("weak", {"abductor_weakness": 0.6})):
            columns[f"{depth:.0f}: {label}"] = biomech.simulate(**WOMAN, task="lunge", knee_flexion_deg=depth, **extra)
    claim(columns["60: weak"].knee_medial_of_foot_line_mm > 5.0, "the weak knee drifts inside the foot's line")
    return table(columns, ["knee_ahead_of_ankle_mm", "knee_medial_of_foot_line_mm", "fppa_deg"])


Predict(
    "Lunge to 60°, 60 % of abductor strength lost: her front knee is...",
    options=["in line with the toes: a lunge keeps it there by itself",
             "about a centimetre inside the foot's line",
             "outside the foot's line"],
    answer="about a centimetre inside the foot's line",
    explanation="The front leg carries most of the weight, so weak rotators let the thigh turn in, and the bent knee "
    "swings inside the foot's line. The deeper the lunge, the further. The distance ahead of the ankle hardly "
    "depends on the hip: it comes from the depth itself.",
    why_tempting={
        "in line with the toes: a lunge keeps it there by itself": "with both feet down a lunge feels stable. But "
        "only the front leg bears most of the load, as in a single-leg squat.",
        "outside the foot's line": "a bowed look is common when knees are locked straight. In a bent, loaded knee an "
        "inward-turned thigh moves it the other way.",
    },
    reveal=lunge_reveal,
)

# %% [markdown]
# **What the evidence says.** "Knee above the ankle" limits how far the knee travels forward. Seven
# trained men did barbell squats with the knees held back. Their knee torque fell (150 to 117 N m),
# but their hip torque rose (28 to 303 N m) ([Fry et al. 2003](references.md#fry2003)). The cue moves load to
# the hip and back; it does not remove it. A shorter lunge step raised the force behind the kneecap
# at deep bends ([Escamilla et al. 2008](references.md#escamilla2008a)). In double-leg squats, the
# knees drifted inward more with feet turned out, less with a wider stance, and more in novices
# ([Lorenzetti et al. 2018](references.md#lorenzetti2018)). The model shows where the knee is; it
# does not compute hip torques or kneecap forces.
#
# ## Locked-back knees
#
# **Predict 3.** She stands with her knees pushed back 10° (hyperextended) and her thighs turned
# inward. From the front, her knees look...

# %% jupyter={"source_hidden": true} tags=["predict"]
def locked_reveal():
    """What the model did: straight and hyperextended knees, with and without inward-turned thighs."""
    columns = {}
    for flexion in (0.0, -10.0):
        for label, extra in (("no turn", {}), ("thighs in", {"abductor_weakness": 1.0, "pelvic_tilt_deg": 32.0})):
            stand = biomech.simulate(**WOMAN, task="stand", knee_flexion_deg=flexion, **extra)
            together = biomech.simulate(**WOMAN, task="knees_together", knee_flexion_deg=flexion, **extra)
            columns[f"{flexion:+.0f}: {label}"] = {"hip_internal_rotation_deg": stand.hip_internal_rotation_deg,
                                                    "hka_deg": stand.hka_deg,
                                                    "intercondylar_distance_mm": together.intercondylar_distance_mm}
    claim(columns["-10: thighs in"]["hka_deg"] < columns["-10: no turn"]["hka_deg"] - 1.0, "the knees look bowed")
    return table(columns, ["hip_internal_rotation_deg", "hka_deg", "intercondylar_distance_mm"])


Predict(
    "Knees locked back 10°, thighs turned inward: from the front her knees look...",
    options=["more knock-kneed (valgus)", "bowed (varus)", "just as before"],
    answer="bowed (varus)",
    explanation="Bent backward, the sine of the knee angle changes sign, so an inward turn of the thigh now swings "
    "the knee outward. The bones have not changed; the look goes away when she unlocks her knees.",
    why_tempting={
        "more knock-kneed (valgus)": "thighs turned inward go with knock knees in a squat. A backward bend reverses "
        "the swing.",
        "just as before": "with a straight knee a turn is invisible, and 10° of hyperextension looks almost "
        "straight. Combined with the turn it is not.",
    },
    reveal=locked_reveal,
)

# %% [markdown]
# ## Sitting with the knees together and the feet apart
#
# Seated, the thighs point forward and the shins hang down. Knees together with feet apart means
# the hips are turned inward; the model shows it through the causes that turn the thigh without
# body weight:

# %% tags=["nbval-check-output"]
for label, extra in (("typical", {}), ("tight adductors 1.0", {"adductor_tightness": 1.0}),
                     ("pelvic tilt +20 deg", {"pelvic_tilt_deg": 32.0})):
    pose = biomech.pose(**WOMAN, task="sitting", **extra)
    knees = pose["right"]["knee_center"][0] - pose["left"]["knee_center"][0]
    ankles = pose["right"]["ankle_center"][0] - pose["left"]["ankle_center"][0]
    seated = pose["result"]
    print(f"{label:<21s} hip internal rotation {seated.hip_internal_rotation_deg:4.1f} deg   shin tilt (FPPA) "
          f"{seated.fppa_deg:+4.1f} deg   knees {knees:4.0f} mm apart   ankles {ankles:4.0f} mm apart")

# %% jupyter={"source_hidden": true} tags=["check"]
StateCheck(
    app,
    "Sitting on a chair, make the shins tilt outward (knees together, feet apart) by at least +3° of FPPA.",
    lambda result, ui: ui["task"] == "sitting" and result.fppa_deg >= 3.0,
    describe=lambda result, ui: f"Hip internal rotation {result.hip_internal_rotation_deg:.1f}°, shin tilt "
    f"{result.fppa_deg:+.1f}°.",
    explanation="Seated, the shin tilt follows the hip's internal rotation almost one to one. Whether sitting like "
    "this for years changes alignment is not settled, and the model has no time in it.",
    hint="Abductor weakness does nothing in a chair (no body weight twists the thigh). Raise Pelvic tilt or "
    "Adductor tightness.",
)

# %% [markdown]
# **Explain in your own words.** A coach says "your knees cave in because your knees are weak".
# What would you tell the coach? (Double-click, write, Shift+Enter.)
#
# *Your answer:*
#
# **Limits.** The model poses the body still: no landing forces, no fatigue, no coaching cue. The
# postures above are geometry; the model cannot say whether habits change alignment over years. It
# is a teaching model, not a diagnosis: knee pain, swelling or a knee that gives way belong with a
# clinician.
#
# ## Summary
#
# A thigh turned inward shows through a bent knee, more the deeper it bends; the knee itself gives
# only a little. Cues move load rather than remove it, and a locked-back knee reverses the picture.
#
# **Next:** [06 · Correction](06_correction.ipynb)
