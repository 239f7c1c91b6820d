# %% [markdown]
# # 00 · Start here: a knee-valgus simulator
#
# *About 15 minutes: 5 minutes of reading, 10 with the explorer.*
#
# **What this is.** A small, open model of the pelvis, thighs, shins and feet. You choose a
# person, a task (standing, squats, a [lunge](glossary.md#lunge), sitting...) and up to five causes of
# knock knees.
# The model shows where the knee goes, where the body's load passes the knee, and how the
# knee's two halves share that load.
#
# **What this is not.** A diagnosis. Pain, swelling, a limp, a knee that gives way, or legs that
# look different from each other belong with a clinician.
#
# **Learning goals.** After this lesson you can
#
# - move the explorer's controls and read its two views and its readouts;
# - say what a + and a − angle mean;
# - tell when a reading is compared with a published range, and when it is not;
# - commit to a prediction and then check it against the model.
#
# **How every lesson works.** You *predict* first: pick an answer and press **Lock in my
# prediction**. Only then does the model's answer appear, with the reason. Each wrong option is
# a common belief, and the feedback says why it is tempting. Then you *try* it in the explorer,
# and *explain* it in your own words. Terms are linked to the [glossary](glossary.md) the first
# time they appear; sources are in the [references](references.md).
#
# Run the cells from top to bottom (menu *Run → Run All Cells*). Grey bars marked "…" are
# hidden set-up code; click one to open it. Nothing here needs the internet.

# %% jupyter={"source_hidden": true} tags=["setup"]
# Set-up: the model, the explorer, the lesson widgets and the course's typical woman.
import biomech
from biomech.app.checks import ChoiceCheck, Predict, StateCheck, claim, ranges, table

WOMAN = dict(sex="female", height_m=1.65, mass_kg=60.0, age_years=25.0)
SQUAT = dict(task="single_leg_squat", knee_flexion_deg=45.0)

# %% [markdown]
# ## Signs and units, once for the whole course
#
# - Angles in degrees (deg), lengths in millimetres (mm), forces in multiples of
#   [body weight](glossary.md#body-weight).
# - **+ means [valgus](glossary.md#valgus)**: the knee sits toward the body's midline, the
#   knock-knee side. **− means [varus](glossary.md#varus)**, the bow-leg side.
# - The [load line](glossary.md#load-line) runs from the hip centre to the ankle centre. The
#   [load-axis shift](glossary.md#load-axis-shift) is + when that line passes
#   [lateral](glossary.md#medial-and-lateral) (outside) of the knee centre.
# - The ground frame has x to the person's right, y forward and z up. The front view is drawn like
#   an X-ray: the person's right leg is on **your** left (marked R).
#
# ## The explorer
#
# The widget below is the heart of the course. On the left are the task and the knee bend, five
# cause sliders with their clinical meaning, the bone shape and the person. *Compare* keeps the
# current state as a faint ghost. On the right are a 3-D view and a front "standing X-ray" view with
# the load line in orange. Below them, readouts are coloured green, amber or red against published
# ranges.
#
# **Predict 1.** A woman does a [single-leg squat](glossary.md#single-leg-squat). Her arch
# flattens ([arch collapse](glossary.md#arch-collapse), a flat foot). Which way does the load line
# move relative to her knee centre?

# %% jupyter={"source_hidden": true} tags=["predict"]
def arch_reveal():
    """What the model did: the same squat with a healthy arch and a flat foot."""
    healthy = biomech.simulate(**WOMAN, **SQUAT)
    flat = biomech.simulate(**WOMAN, **SQUAT, arch_collapse=1.0)
    claim(flat.load_axis_shift_mm > healthy.load_axis_shift_mm + 2.0, "a flat foot moves the load line lateral")
    return table({"healthy arch": healthy, "flat foot": flat},
                 ["fppa_deg", "load_axis_shift_mm", "medial_load_fraction"])


Predict(
    "In a single-leg squat, a flattening arch moves the load line to which side of the knee centre?",
    options=["toward the inside (medial)", "toward the outside (lateral)", "it does not move"],
    answer="toward the outside (lateral)",
    explanation="The flat foot turns the shin inward and the knee drifts toward the midline. The hip and the "
    "ankle stay where they were, so the straight line between them now passes outside the knee centre: the "
    "load-axis shift grows. The inner half of the knee then carries a smaller share of the load.",
    why_tempting={
        "toward the inside (medial)": "the foot and the knee both move inward, so it feels as if the line must "
        "follow them. But the line is fixed at the hip and the ankle; only the knee moves, and it moves past "
        "the line.",
        "it does not move": "the foot is far from the knee, and a few millimetres of arch seem too small to "
        "matter. On a bent knee the foot's twist travels up the shin and moves the knee itself.",
    },
    reveal=arch_reveal,
)

# %% [markdown]
# **Try it.** In the explorer, choose the task *Single-leg squat*, then drag *Arch collapse* to the
# right. Watch the knee and the orange line in both views.

# %%
app = biomech.explorer()
app

# %% [markdown]
# **Explain in your own words.** What did the flat foot do to the knee, and to the load line, and
# why? (Double-click this cell, write two sentences, press Shift+Enter. Your text is saved with the
# notebook.)
#
# *Your answer:*

# %% [markdown]
# ## The same numbers from code
#
# Everything the explorer shows comes from one call, `biomech.simulate`. Each readout is a named
# number on the result; the name carries the unit. Here is the typical woman of the course
# (25 years, 1.65 m, 60 kg) standing on both legs:

# %% tags=["nbval-check-output", "code-names"]
r = biomech.simulate(**WOMAN, task="stand")
print(f"r.hka_deg  -> {r.hka_deg:+.1f} deg   (hip-knee-ankle angle, standing)")
print(f"r.fppa_deg -> {r.fppa_deg:+.1f} deg   (frontal-plane projection angle, standing)")

# %% [markdown]
# The lessons print tables with the explorer's own labels instead. The
# [hip-knee-ankle angle](glossary.md#hip-knee-ankle-angle) (HKA) is measured on a standing X-ray.
# The [frontal-plane projection angle](glossary.md#frontal-plane-projection-angle) (FPPA) is the
# knee angle a video camera sees from the front. Lesson 01 defines both with care.
#
# ## Is that normal? Only against a range from the same task
#
# A readout is coloured only when a study measured a normal range **in the same task** (and at a
# similar knee bend). Otherwise it says where the range was measured, and gives no verdict:

# %% tags=["nbval-check-output"]
print(ranges(r, ["hka_deg", "fppa_deg", "load_axis_shift_mm", "medial_load_fraction", "knee_adduction_moment_nm"]))

# %% [markdown]
# Standing, the FPPA has no verdict: its range comes from single-leg squats
# ([Herrington 2014](references.md#herrington2014)). The knee moment's range was measured in
# walking, per kg of body mass, so it is shown for scale only.
#
# **Predict 2.** The same healthy woman squats on one leg to 45° of knee bend, with no cause
# switched on. What FPPA does the model give her, in degrees?

# %% jupyter={"source_hidden": true} tags=["predict"]
def healthy_squat_reveal():
    """What the model did: the healthy single-leg squat against its published range."""
    squat = biomech.simulate(**WOMAN, **SQUAT)
    claim(squat.fppa_deg > 1.0, "a healthy single-leg squat shows some FPPA")
    return ranges(squat, ["fppa_deg", "pelvic_drop_deg", "hip_adduction_deg"])


def straight_is_tempting(value):
    """Why a too-small (or too-large) FPPA is a tempting prediction."""
    if value < 1.5:
        return ("a healthy knee 'should' stay perfectly straight. But bending one knee with the foot under the "
                "body brings the knee in a little in healthy people too.")
    if value > 12.0:
        return "a knee that bends on one leg looks wobbly, but in healthy people the inward drift is modest."
    return None


Predict(
    "Healthy woman, single-leg squat to 45°, no causes: her FPPA in degrees (+ = knee toward the midline)?",
    number=True,
    answer=lambda: biomech.simulate(**WOMAN, **SQUAT).fppa_deg,
    tolerance=3.0,
    unit="deg",
    explanation="Standing on one leg, the foot sits under the body's centre of mass, so the thigh slopes inward "
    "and the knee comes in a little as it bends. Healthy women averaged 8.4 ± 5.1° at the bottom of their "
    "single-leg squats (Herrington 2014), so a few degrees is normal.",
    why_tempting=straight_is_tempting,
    reveal=healthy_squat_reveal,
)

# %% [markdown]
# **Your turn.** Set the explorer so that the FPPA row shows a verdict (a colour) instead of
# "measured in".

# %% jupyter={"source_hidden": true} tags=["check"]
StateCheck(
    app,
    "Make the explorer judge the frontal-plane projection angle (FPPA): its row shows a colour.",
    lambda result, ui: ui["task"] == "single_leg_squat" and 45.0 <= ui["knee_flexion_deg"] <= 75.0,
    describe=lambda result, ui: f"Task {ui['task']}, knee flexion {ui['knee_flexion_deg']:.0f}°, "
    f"FPPA {result.fppa_deg:+.1f}°.",
    explanation="The published range was measured in single-leg squats between 45° and 75° of knee bend "
    "(Herrington 2014). In any other task the explorer shows the number without a verdict.",
    hint="Choose the task 'Single-leg squat' and set the knee flexion between 45° and 75°.",
)

# %% jupyter={"source_hidden": true} tags=["check"]
ChoiceCheck(
    "A readout says: load-axis shift +12 mm. Where does the load line pass the knee?",
    ["12 mm lateral (outside) of the knee centre", "12 mm medial (inside) of the knee centre",
     "through the knee centre; +12 is the knee's own angle"],
    correct="12 mm lateral (outside) of the knee centre",
    explanation="+ is the valgus side for every alignment measure: for the load-axis shift it means the line "
    "passes lateral of the knee centre, as it does when the knee falls inward.",
    hint="Read the signs section at the top of this lesson again.",
)

# %% [markdown]
# ## The course
#
# | lesson | topic |
# |---|---|
# | [01](01_alignment_and_axes.ipynb) | alignment and axes: the lines drawn on a standing leg |
# | [02](02_the_five_causes.ipynb) | the five causes, one at a time and together |
# | [03](03_which_end_started_it.ipynb) | foot-driven or hip-driven, and how sure the model is |
# | [04](04_load_and_the_joint.ipynb) | load and the joint: the knee's two halves, body mass, wear, surgery |
# | [05](05_dynamic_valgus.ipynb) | knees that cave in during movement: squats, locked knees, sitting |
# | [06](06_correction.ipynb) | exercises, insoles and prevention: what each can change |
# | [07](07_growing_up.ipynb) | growing up, the self-check and when to see a clinician |
# | [08](08_virtual_clinic.ipynb) | the virtual clinic: finding the cause in a patient |
#
# Also: the [glossary](glossary.md) and the [references](references.md). The page
# [How far can you trust the model?](validation.ipynb) lists the published numbers the model was
# tuned to ([calibration](glossary.md#calibration)) and those it was not
# ([validation](glossary.md#validation)).
#
# **Limits.** The model is built from published averages and, where no study gave a number, from
# teaching assumptions that say so. Real people vary more than any model, and a clinical decision
# needs a clinical examination.
#
# ## Summary
#
# Predict first, then check: + is valgus, and a verdict needs a range from the same task.
# The explorer and `biomech.simulate` show the same numbers.
#
# **Next:** [01 · Alignment and axes](01_alignment_and_axes.ipynb)
