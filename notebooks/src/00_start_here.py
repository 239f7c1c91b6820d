# %% [markdown]
# # 00 · Start here: a knee-valgus simulator
#
# **What this is.** A small, transparent model of the pelvis, thighs, shins and feet. You choose a
# person, a task (standing, a squat, a single-leg squat, sitting...) and five possible causes of
# knock knees (knee valgus). The model shows where the knee goes, where the body's load line passes
# the knee, and how the knee's load is shared between its inner and outer halves.
#
# **What this is not.** It is a teaching model, not a diagnosis. Pain, swelling, a knee that gives
# way, or a child whose legs look different from one side to the other belong with a clinician.
#
# **Learning goals.** After this notebook you can
#
# - move the explorer's controls and read its two views and its readouts;
# - say what a positive and a negative angle mean (the sign conventions used everywhere);
# - tell a normal reading from one outside the published range, and say where the range comes from;
# - find the rest of the course.
#
# Run the cells from top to bottom (menu *Run → Run All Cells*). Nothing here needs the internet.

# %% [markdown]
# ## Signs and units, once and for all
#
# - Angles are in degrees (°), lengths in millimetres (mm), forces in multiples of body weight.
# - **+ means valgus**: the knee sits *inside* (toward the midline of the body) the line from the
#   hip to the ankle, the "knock-knee" side. **− means varus**, the "bow-leg" side.
# - The **load-axis shift** is + when the load line passes *lateral* (outside) of the knee centre,
#   which is what happens when the knee falls inward.
# - Positions use a ground frame with x to the person's right, y forward and z up. The front view is
#   drawn like an X-ray: the person's right appears on **your** left (marked R).
#
# The package states every convention in one place; here they are as the model prints them:

# %%
import biomech
from biomech.app.checks import ChoiceCheck, StateCheck
from biomech.report import report

for name in ("hka_deg", "fppa_deg", "load_axis_shift_mm", "wbl_ratio_pct", "medial_load_fraction"):
    print(f"{name:22s} {biomech.SIGN_CONVENTIONS[name]}")

# %% [markdown]
# ## The explorer
#
# The widget below is the heart of every lesson. On the left are the controls:
#
# - **What the person is doing**: the task, how far the knee is bent, and which leg is measured;
# - **Causes**: five sliders, each with its clinical meaning written under it (for example the
#   arch slider shows the navicular drop in mm), plus the bone shape;
# - **Person**: sex, height, mass and age (children follow the normal development of the knee);
# - **Preset**, **Reset** and **Compare** (freeze the current state as a faint ghost).
#
# On the right: a 3-D view you can rotate, the front "standing X-ray" view with the hip-knee-ankle
# angle and the load line drawn on it, the knee-load bar, a table of readouts coloured green
# (normal), amber (borderline) or red (outside the published range), and a "why" chart that splits
# the change from a typical person into the share of each cause.
#
# **Try it.** Choose the task *Single-leg squat*, then drag *Arch collapse* (a flattening arch, a flat foot) to the right.
# Watch the knee in both views.

# %%
app = biomech.explorer()
app

# %% [markdown]
# **Predict, then check.** With the single-leg squat chosen and the arch collapsed, which way did the
# load line move relative to the knee centre?

# %%
ChoiceCheck(
    "In a single-leg squat, collapsing the arch moves the load line to which side of the knee centre?",
    ["toward the inside (medial)", "toward the outside (lateral)", "it does not move"],
    correct="toward the outside (lateral)",
    explanation="The shin turns inward over the flattened foot and the knee drifts toward the midline, so "
    "the hip-to-ankle line now passes outside the knee centre: the load-axis shift becomes more positive.",
    hint="Look at the orange dashed line in the front view: is the knee inside or outside of it?",
)

# %% [markdown]
# ## The same numbers from code
#
# Everything the explorer shows comes from one call, `biomech.simulate`. A 25-year-old woman,
# 1.65 m and 60 kg, does a single-leg squat to 45° with no cause switched on. The table gives each
# measure with its unit, the published normal range for healthy adults (where one exists, and the
# task it was measured in) and the sign convention.

# %%
# NBVAL_CHECK_OUTPUT
r = biomech.simulate(sex="female", height_m=1.65, mass_kg=60.0, age_years=25.0,
                     task="single_leg_squat", knee_flexion_deg=45.0)
print(report(r))

# %% [markdown]
# The projection angle of +6.0° sits inside the range that Herrington & Munro (2010) measured in
# healthy women landing on one leg (5-12°). Most other ranges come from standing X-rays, so for a
# squat the table shows the task they were measured in instead of a verdict.
#
# Now the same person with a collapsed arch (`arch_collapse=1.0`, a navicular drop of 18 mm against
# a healthy 3.6-8.1 mm, Nielsen et al. 2009):

# %%
# NBVAL_CHECK_OUTPUT
flat = biomech.simulate(sex="female", height_m=1.65, mass_kg=60.0, age_years=25.0,
                        task="single_leg_squat", knee_flexion_deg=45.0, arch_collapse=1.0)
for name in ("fppa_deg", "load_axis_shift_mm", "medial_load_fraction", "tibial_internal_rotation_deg"):
    print(f"{name:30s} {getattr(r, name):7.2f} -> {getattr(flat, name):7.2f}")

# %% [markdown]
# The knee moves inward (projection angle up), the load line moves to the outside of the knee centre
# (load-axis shift up) and the inner compartment's share of the load goes down.
#
# **Your turn.** Use the explorer above to make the projection angle larger than 12°, the top of the
# normal range for women, **with the knee bent no more than 60°**. Any cause will do. Then press Check.

# %%
StateCheck(
    app,
    "Make the projection angle (FPPA) exceed 12° in a squat or single-leg squat with the knee bent at "
    "most 60°.",
    lambda result, ui: result.fppa_deg > 12.0 and ui["knee_flexion_deg"] <= 60.0
    and ui["task"] in ("squat", "single_leg_squat"),
    describe=lambda result, ui: f"Task {ui['task']}, knee flexion {ui['knee_flexion_deg']:.0f}°, "
    f"projection angle {result.fppa_deg:+.1f}°.",
    explanation="Beyond about 12° a projection angle is larger than most healthy women show when landing on "
    "one leg (Herrington & Munro 2010). The 'why' chart tells you which cause contributed most.",
    hint="Choose the single-leg squat, then raise abductor weakness or arch collapse; watch the FPPA row.",
)

# %% [markdown]
# ## The course
#
# | notebook | topic |
# |---|---|
# | 01 | alignment and axes: the hip-knee-ankle angle, the load line, the Q-angle, and the equations |
# | 02 | the five causes, one at a time and together |
# | 03 | which end started it: foot-driven and hip-driven chains |
# | 04 | load and the joint: where the load line crosses the knee, compartment loads, body mass |
# | 05 | dynamic valgus: squats, lunges, hyperextension and sitting |
# | 06 | correction: exercise, orthotics, and what surgery changes |
# | 07 | growing up and the self-check: the developmental curve and the ankle-gap rule |
#
# **Limits.** The model is built from published averages and, where no study gave a number, from
# teaching assumptions that each say so in the code. Real people vary more than any model, and
# clinical decisions need a clinical examination.
