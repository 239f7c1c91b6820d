# %% [markdown]
# # 02 · The five causes: one at a time, then together
#
# *About 25 minutes: 8 minutes of reading, the rest with the explorer and the questions.*
#
# Lesson 01 described *where* the knee is. This lesson asks *what puts it there*. The explorer has
# five sliders for muscular and postural causes of knock knees. Each one acts through a short chain
# of events that the model writes down, with a source for every number or the words "teaching
# assumption".
#
# **Learning goals.** After this lesson you can
#
# - name the five causes and the chain by which each moves the knee in the model;
# - tell the model's measured numbers from its [teaching assumptions](glossary.md#teaching-assumption);
# - predict which cause moves the knee furthest in a [single-leg squat](glossary.md#single-leg-squat);
# - say what the body does when the [hip abductors](glossary.md#hip-abductors) cannot hold the
#   pelvis level;
# - show that two causes together can do more than the sum of each alone.
#
# Signs: **+ = [valgus](glossary.md#valgus)** (knee toward the midline). The
# [load-axis shift](glossary.md#load-axis-shift) is + when the [load line](glossary.md#load-line)
# passes [lateral](glossary.md#medial-and-lateral) of the knee centre.

# %% jupyter={"source_hidden": true} tags=["setup"]
# Set-up: the model, the explorer, the lesson widgets, and plain words for the model's coefficients.
import numpy as np

import biomech
from biomech import references
from biomech.app.checks import ChoiceCheck, Predict, StateCheck, claim, table
from biomech.attribution import FACTORS, cause_contributions

WOMAN = dict(sex="female", height_m=1.65, mass_kg=60.0, age_years=25.0)
TASK = dict(task="single_leg_squat", knee_flexion_deg=45.0)
KNEE = ["fppa_deg", "load_axis_shift_mm", "medial_load_fraction"]

#: The coefficients of the five chains, in plain words (the model's names are for code).
RULES = {
    "lost_abduction_at_severe_deg": "tight adductors: hip abduction range lost at severity 1",
    "adduction_per_lost_abduction": "tight adductors: resting hip adduction per degree lost",
    "internal_rotation_per_lost_abduction": "tight adductors: inward thigh turn per degree lost",
    "max_weak_rotator_internal_rotation_deg": "weak rotators: inward thigh turn, all strength lost",
    "max_compensating_drop_deg": "weak abductors: largest extra pelvic drop",
    "max_compensating_lean_deg": "weak abductors: largest trunk lean",
    "navicular_drop_severe_mm": "arch: navicular drop of a flat foot",
    "eversion_per_navicular_drop": "arch: heel eversion per mm of extra drop",
    "tibial_rotation_per_eversion": "arch: shin turn per degree of heel eversion",
    "femur_share_of_shin_rotation": "arch: share of the shin's turn passed up to the thigh",
    "femoral_rotation_per_tilt": "pelvic tilt: thigh turn per degree of tilt",
    "shin_share_of_femur_rotation": "hip causes: share of the thigh's turn a planted shin follows",
}


def rules_table():
    """Each coefficient: plain words, value, plausible range, unit, and where it comes from."""
    lines = []
    for name, words in RULES.items():
        a = biomech.ASSUMPTIONS[name]
        origin = f"measured: {references.cite(a.source)}" if a.source else "teaching assumption"
        span = f"({a.low:.3g} to {a.high:.3g})"
        lines.append(f"{words:<60s} {a.value:6.3g} {span:<15s} {a.unit:<8s} {origin}")
    return "\n".join(lines)


# %% [markdown]
# ## The test task
#
# Physiotherapists screen for [dynamic valgus](glossary.md#dynamic-valgus) with one-leg tasks.
# Everything below uses the course's typical woman (25 years, 1.65 m, 60 kg) squatting on her right
# leg to 45°. With no cause switched on:

# %% tags=["nbval-check-output"]
typical = biomech.simulate(**WOMAN, **TASK)
print(table({"typical": typical}, KNEE + ["pelvic_drop_deg", "hip_adduction_deg", "abductor_use"]))

# %% [markdown]
# ## Five chains
#
# 1. **Tight [hip adductors](glossary.md#hip-adductors)** take away hip abduction range. The hip
#    then rests a little adducted and turned inward.
# 2. **Weak hip abductors and [external rotators](glossary.md#external-rotators)** let
#    [body weight](glossary.md#body-weight) turn the thigh inward. When the abductors run out of
#    strength, the pelvis drops (see below).
# 3. **[Arch collapse](glossary.md#arch-collapse)**: the [navicular drop](glossary.md#navicular-drop)
#    grows, the heel tips outward ([rearfoot eversion](glossary.md#rearfoot-eversion)), the shin
#    turns inward and the thigh follows part of the way.
# 4. **Hip width**: wider hip centres lengthen the lever of body weight about the stance hip, so
#    the abductors must pull harder.
# 5. **[Anterior pelvic tilt](glossary.md#anterior-pelvic-tilt)** turns both thighs inward: 0.23-0.32°
#    per degree of tilt ([Bagwell et al. 2016](references.md#bagwell2016)).
#
# These are the chains' numbers, read from the model, each with its plausible range:

# %% tags=["nbval-check-output"]
print(rules_table())

# %% [markdown]
# Most rows are teaching assumptions: no study has measured them. Lesson 03 asks how much that
# matters. Here is the explorer, already in the single-leg squat. (In JupyterLab, right-click it
# and choose *Create New View for Cell Output* to keep it beside the text.)

# %%
app = biomech.explorer(task="single_leg_squat", knee_flexion_deg=45.0)
app

# %% [markdown]
# **Predict 1.** Take each cause alone, at a clear but not extreme setting. The settings are:
# adductor tightness 0.6, abductor weakness 0.6, a flat foot (arch collapse 1.0), hips 40 mm wider,
# and the pelvis tipped 12° further. Which raises her
# [FPPA](glossary.md#frontal-plane-projection-angle) most?

# %% jupyter={"source_hidden": true} tags=["predict"]
ONE_AT_A_TIME = {
    "tight adductors": {"adductor_tightness": 0.6},
    "weak abductors": {"abductor_weakness": 0.6},
    "flat foot": {"arch_collapse": 1.0},
    "hips +40 mm": {"hip_width_mm": typical.hip_width_mm + 40.0},
    "tilt +12 deg": {"pelvic_tilt_deg": typical.pelvic_tilt_deg + 12.0},
}


def one_at_a_time():
    """The squat with each cause alone."""
    return {label: biomech.simulate(**WOMAN, **TASK, **cause) for label, cause in ONE_AT_A_TIME.items()}


def one_at_a_time_reveal():
    results = one_at_a_time()
    best = max(results, key=lambda k: results[k].fppa_deg)
    claim(best == "weak abductors", "weak abductors raise the FPPA most at these settings")
    return table({"typical": typical, **results}, KNEE + ["pelvic_drop_deg", "hip_internal_rotation_deg"])


Predict(
    "Which cause alone raises the FPPA most at these settings?",
    options=["tight adductors (0.6)", "weak abductors and rotators (0.6)", "flat foot (arch collapse 1.0)",
             "hips 40 mm wider", "pelvis tipped 12° further"],
    answer="weak abductors and rotators (0.6)",
    explanation="Weak external rotators let body weight turn the thigh inward, and at 0.6 the abductors also run "
    "out of strength, so the pelvis drops and the thigh slopes further in: two effects at once. Every cause "
    "pushes the same way (FPPA up, load line outward); the hip causes act on the femur directly.",
    why_tempting={
        "tight adductors (0.6)": "tight inner-thigh muscles sound like they pull the knee straight in. They do, "
        "but only by a few degrees of resting adduction and rotation.",
        "flat foot (arch collapse 1.0)": "a collapsed arch is easy to see, so it feels like the main driver. The "
        "foot can only turn the shin by a few degrees, and the thigh follows just part of that.",
        "hips 40 mm wider": "wide hips give a steeper thigh, which looks like valgus. On its own it changes the "
        "knee little; it mostly asks more of the abductors.",
        "pelvis tipped 12° further": "tilt does turn both thighs inward, and it comes close. Its turn is about "
        "0.28° per degree, so 12° gives only about 3° of rotation.",
    },
    reveal=one_at_a_time_reveal,
)

# %% [markdown]
# **Try it.** Set each slider in turn to the value above (the others at 0) and watch the front view.
#
# ## When the abductors run out of strength
#
# On one leg, body weight acts far from the stance hip and tries to drop the pelvis toward the
# lifted leg. Only the abductors, on a short lever, hold it; textbooks put their pull near twice
# body weight ([Pauwels's lever, restated in Int Orthop 2008](references.md#intorthop2008)). The
# model compares that pull with the strength left: the explorer's row *share of remaining strength
# used*.
#
# **Predict 2.** She loses more and more abductor strength. What happens once the job needs more
# than the strength she has left?

# %% jupyter={"source_hidden": true} tags=["predict"]
WEAKNESS = np.array([0.0, 0.3, 0.5, 0.6, 0.8, 1.0])


def run_out_reveal():
    """What the model did: weakness rising, with each of the two compensations."""
    lines = []
    for compensation, words in (("pelvic_drop", "pelvis drops"), ("trunk_lean", "trunk leans")):
        out = biomech.simulate_many({**WOMAN, **TASK, "abductor_weakness": WEAKNESS, "compensation": compensation})
        claim(np.all(out["abductor_use"] <= 1.0 + 1e-9), "the abductors never use more than all their strength")
        columns = {f"lost {w:.0%}": {k: v[i] for k, v in out.items()} for i, w in enumerate(WEAKNESS)}
        lines += [f"Compensation: the {words}", table(columns, ["abductor_use", "pelvic_drop_deg", "trunk_lean_deg",
                                                                 "passive_hip_support_bw", "fppa_deg"]), ""]
    return "\n".join(lines)


Predict(
    "When the pull the task needs is more than the strength left, the share of strength in use...",
    options=["goes above 100 %: the muscles pull harder than they can",
             "stops at 100 %, and the pelvis drops or the trunk leans to carry the rest",
             "stays where it was: the task's demand does not change"],
    answer="stops at 100 %, and the pelvis drops or the trunk leans to carry the rest",
    explanation="A muscle cannot give more than its strength. Once it is at 100 %, either the pelvis sags onto "
    "passive tissues around the hip (a Trendelenburg pattern), or the trunk leans over the stance hip so less pull "
    "is needed (a Duchenne lean). In the model you choose which with the Compensation control.",
    why_tempting={
        "goes above 100 %: the muscles pull harder than they can": "dividing demand by strength gives numbers "
        "above 1, and an earlier version of this model showed them. A body cannot do that; something else must "
        "carry the difference.",
        "stays where it was: the task's demand does not change": "the demand of the task is the same, but the share "
        "is demand divided by the strength that is left, and that strength is shrinking.",
    },
    reveal=run_out_reveal,
)

# %% [markdown]
# **Try it.** Set *Abductor weakness* to 0.8 and switch the explorer's *Compensation* menu between
# its two choices. Watch the rows [pelvic drop](glossary.md#pelvic-drop),
# [trunk lean](glossary.md#trunk-lean), passive hip support and the
# [centre of mass](glossary.md#centre-of-mass). Clinicians call the two patterns a
# [Trendelenburg sign](glossary.md#trendelenburg-sign) and a [Duchenne lean](glossary.md#trunk-lean).
#
# **What the evidence says.** The point at which the model's pelvis gives way is a modelling
# choice, not a measured law.
# A nerve block weakened the hip abductors of 8 healthy men. Yet their pelvic drop, trunk lean and
# knee moment in walking did not change significantly ([Pohl et al. 2015](references.md#pohl2015)). So people have strength in reserve, or other ways
# to hold the pelvis. The clinic's visual Trendelenburg test also agrees only weakly with measured
# pelvic motion and strength ([McCarney et al. 2020](references.md#mccarney2020)).
#
# ## Together: "everything a little"
#
# The preset *Everything a little* raises all five slightly. The next cell loads it into the
# explorer above, in the same squat.

# %%
app.load_preset("everything_a_little")
app.set(task="single_leg_squat", knee_flexion_deg=45.0, side="right")

# %% [markdown]
# Look at the "why" chart under the readouts: it starts at the typical person and adds one bar per
# cause. Here are the same shares as numbers:

# %% tags=["nbval-check-output"]
why = cause_contributions(app.result.inputs, measures=("fppa_deg",))["fppa_deg"]
shares = {label: why["shares"][factor] for factor, label in FACTORS.items()}
print(f"{'FPPA, typical person':<32s} {why['typical']:+6.1f} deg")
for label, share in shares.items():
    print(f"  share of {label:<23s} {share:+6.1f} deg")
print(f"{'FPPA, everything a little':<32s} {why['current']:+6.1f} deg")

# %% jupyter={"source_hidden": true} tags=["check"]
ChoiceCheck(
    "In the 'everything a little' squat, which cause adds most to the FPPA?",
    list(FACTORS.values())[:5],
    correct=FACTORS["abductor_weakness"],
    explanation="A quarter of the rotators' strength lost already lets the thigh turn in by about 2°, more than "
    "any other cause gives at these small doses. The pelvis itself hardly drops yet.",
    hint="Read the largest share printed above, or the tallest bar of the 'why' chart.",
)

# %% [markdown]
# **How the chart splits the change fairly.** Six factors (five causes and the bone shape) can be
# switched on in 720 different orders. Each factor's share is its average effect over all 720, the
# [Shapley value](glossary.md#shapley-value). Averaging needs only the 2⁶ = 64 on/off combinations,
# so the model runs 64 times. The shares always add up to the total change.
#
# **Predict 3.** Abductor weakness 0.5 alone leaves her pelvis level; hips 40 mm wider alone do
# too. What happens with both?

# %% jupyter={"source_hidden": true} tags=["predict"]
def pair():
    """Weakness 0.5 and wider hips, apart and together."""
    return biomech.simulate_many({**WOMAN, **TASK, "abductor_weakness": np.array([0.0, 0.5, 0.0, 0.5]),
                                  "hip_width_mm": typical.hip_width_mm + np.array([0.0, 0.0, 40.0, 40.0])})


def pair_reveal():
    out = pair()
    drop = out["pelvic_drop_deg"] - out["pelvic_drop_deg"][0]
    alone, together = drop[1] + drop[2], drop[3]
    claim(together > alone + 1.0, "the two causes together drop the pelvis more than the sum")
    labels = ["typical", "weak 0.5", "hips +40 mm", "both"]
    columns = {label: {k: v[i] for k, v in out.items()} for i, label in enumerate(labels)}
    return (f"Extra pelvic drop: {alone:.1f} deg from the two apart, {together:.1f} deg together.\n\n"
            + table(columns, ["abductor_use", "pelvic_drop_deg", "fppa_deg"]))


Predict(
    "Weakness 0.5 and hips 40 mm wider, together: her pelvic drop...",
    options=["stays level: two causes that do nothing alone do nothing together",
             "drops by a few degrees",
             "rises on the lifted side"],
    answer="drops by a few degrees",
    explanation="Wider hips raise the pull the abductors must give; weakness lowers what they can give. Apart, "
    "each leaves some reserve. Together the demand passes the strength left, and the pelvis drops. A 'why' chart "
    "of the drop would split this joint effect equally between the two causes.",
    why_tempting={
        "stays level: two causes that do nothing alone do nothing together": "we usually add effects, and 0 + 0 "
        "is 0. But a threshold is not additive: each cause can use up part of the same reserve.",
        "rises on the lifted side": "wider hips look more stable. But stability here comes from muscle strength "
        "against a longer lever, and the lever got longer.",
    },
    reveal=pair_reveal,
)

# %% [markdown]
# **Try it.** Press **Reset** in the explorer, set *Abductor weakness* to 0.50, then use only the
# *Hip width* slider.

# %% jupyter={"source_hidden": true} tags=["check"]
OTHER_CAUSES = ("adductor_tightness", "arch_collapse", "pelvic_tilt_offset_deg", "bone_offset_deg")
StateCheck(
    app,
    "Single-leg squat, abductor weakness 0.50, the other causes at 0: widen the hips until the pelvic drop passes 4°.",
    lambda result, ui: ui["task"] == "single_leg_squat" and abs(ui["abductor_weakness"] - 0.5) < 0.01
    and not any(ui[name] for name in OTHER_CAUSES) and result.pelvic_drop_deg > 4.0,
    describe=lambda result, ui: f"Abductor weakness {ui['abductor_weakness']:.2f}, hip width "
    f"{ui['hip_width_offset_mm']:+.0f} mm: strength used {100 * result.abductor_use:.0f} %, pelvic drop "
    f"{result.pelvic_drop_deg:.1f}°.",
    explanation="Neither cause does it alone: wider hips raise the demand, weakness lowers the capacity, and the "
    "pelvis drops only when demand outruns capacity. This is why a clinician looks at the whole person.",
    hint="Press Reset, set Abductor weakness to 0.50 and the task to 'Single-leg squat', then move Hip width "
    "right in steps of about 10 mm while watching the Pelvic drop row.",
)

# %% [markdown]
# **Explain in your own words.** Why can two small causes together give a change that neither
# gives alone? (Double-click, write, Shift+Enter.)
#
# *Your answer:*
#
# **Limits.** The five chains simplify. Most coefficients are teaching assumptions, and even the
# measured couplings vary a lot between people ([Stacoff et al. 2000](references.md#stacoff2000)).
# A real FPPA measured on two days can differ by up to about 8° with no real change
# ([Munro et al. 2012](references.md#munro2012)). The model explains mechanisms; it cannot find the
# cause in a particular person. Pain, swelling or a knee that gives way belong with a clinician.
#
# ## Summary
#
# Every cause pushes the knee the same way; the hip causes can push furthest, and small causes add up.
# Muscles never give more than 100 %: past that the pelvis drops or the trunk leans.
#
# **Next:** [03 · Which end started it?](03_which_end_started_it.ipynb)
