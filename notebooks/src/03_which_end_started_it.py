# %% [markdown]
# # 03 · Which end started it? Foot or hip, and how sure the model is
#
# *About 25 minutes: 8 minutes of reading, the rest with the explorer and the questions.*
#
# The knee is the middle link of a chain. Above it the femur hangs from the pelvis; below it the
# tibia stands on the foot. Either end can push the knee toward the midline, and from the front the
# two can look the same. This lesson builds the same knee from both ends. It looks for the readings
# that still tell them apart, and asks how much that answer rests on the model's guesses.
#
# **Learning goals.** After this lesson you can
#
# - describe the foot-driven and the hip-driven chain;
# - build two settings, one from each end, with the same
#   [FPPA](glossary.md#frontal-plane-projection-angle);
# - name the readings that separate them;
# - change the model's [teaching assumptions](glossary.md#teaching-assumption) and judge whether
#   the two chains can still be told apart;
# - read an [uncertainty band](glossary.md#uncertainty-band) and a
#   [sensitivity analysis](glossary.md#sensitivity-analysis).
#
# Signs: **+ = [valgus](glossary.md#valgus)** (knee toward the midline); degrees and mm.

# %% jupyter={"source_hidden": true} tags=["setup"]
# Set-up: the model, the explorer, the lesson widgets, and the hip setting that matches a flat foot.
import numpy as np

import biomech
from biomech.app.checks import ChoiceCheck, Predict, StateCheck, claim, table

WOMAN = dict(sex="female", height_m=1.65, mass_kg=60.0, age_years=25.0)
TASK = dict(task="single_leg_squat", knee_flexion_deg=45.0)
SEVERITY = np.linspace(0.0, 1.0, 41)
SHARES = ("femur_share_of_shin_rotation", "shin_share_of_femur_rotation")
#: Plain words for the model's coefficients (the names are for code).
WORDS = {
    "femur_share_of_shin_rotation": "share of the shin's turn passed up to the thigh",
    "shin_share_of_femur_rotation": "share of the thigh's turn a planted shin follows",
    "tibial_rotation_per_eversion": "shin turn per degree of heel eversion",
    "eversion_per_navicular_drop": "heel eversion per mm of navicular drop",
    "knee_load_stiffening": "how much load stiffens the knee sideways",
    "knee_compliance_extended": "sideways give of a straight knee",
    "navicular_drop_severe_mm": "navicular drop of a flat foot",
}


def words(name):
    return WORDS.get(name, name.replace("_", " "))


def matching(cause, fppa, assumptions=None):
    """Severity of ``cause`` that gives this FPPA in the squat (interpolated on a sweep)."""
    sweep = biomech.simulate_many({**WOMAN, **TASK, cause: SEVERITY}, assumptions=assumptions)["fppa_deg"]
    return float(np.interp(fppa, sweep, SEVERITY))


FLAT = biomech.simulate(**WOMAN, **TASK, arch_collapse=1.0)
HIP = {"abductor_weakness": matching("abductor_weakness", FLAT.fppa_deg)}

# %% [markdown]
# ## Two chains, one knee
#
# **From below.** When the arch flattens, the [navicular drop](glossary.md#navicular-drop) grows
# and the heel tips outward ([rearfoot eversion](glossary.md#rearfoot-eversion)). That turns the
# shin inward: cadaver legs pass on 0.68 ± 0.15° of shin turn per degree of heel eversion
# ([Fischer et al. 2018](references.md#fischer2018)). Wedges that tipped feet inward also turned the
# hips inward ([Khamis & Yizhar 2007](references.md#khamisyizhar2007)), so part of the foot's
# twist travels up into the femur.
#
# **From above.** The femur turns inward when the [hip abductors](glossary.md#hip-abductors) and
# [external rotators](glossary.md#external-rotators) are weak, when tight
# [adductors](glossary.md#hip-adductors) hold it, or when the pelvis tips forward. With the foot planted, the shin follows only part of that turn.
#
# How much each end passes on is set by two sharing numbers in the model. Both are teaching
# assumptions: no study has measured them. Keep them in mind.
#
# **Predict 1.** In a [single-leg squat](glossary.md#single-leg-squat) to 45°, which can raise her
# FPPA further: the flattest foot the model allows, or the weakest hip?

# %% jupyter={"source_hidden": true} tags=["predict"]
def ends_reveal():
    """What the model did: each cause from none to severe."""
    columns = {}
    for cause, label in (("arch_collapse", "flat foot"), ("abductor_weakness", "weak hip"),
                         ("adductor_tightness", "tight adductors")):
        out = biomech.simulate_many({**WOMAN, **TASK, cause: np.array([0.0, 0.5, 1.0])})["fppa_deg"]
        columns[label] = out
    claim(columns["weak hip"][-1] > columns["flat foot"][-1] + 3.0, "the hip can push the knee further")
    lines = [f"{'FPPA (deg) at severity':<24s}" + "".join(f"{label:>17s}" for label in columns)]
    for i, severity in enumerate(("none", "half", "severe")):
        lines.append(f"{severity:<24s}" + "".join(f"{v[i]:>+17.1f}" for v in columns.values()))
    return "\n".join(lines)


Predict(
    "Which can raise the FPPA further in a single-leg squat: the flattest foot, or the weakest hip?",
    options=["the flattest foot", "the weakest hip", "about the same"],
    answer="the weakest hip",
    explanation="The foot can turn the shin by only a few degrees, and the femur follows part of that. The hip "
    "causes act on the femur directly, and severe weakness adds a dropping pelvis. In this model a flat foot alone "
    "cannot make a strongly caved-in knee. Whether flat feet cause lasting knock knees in people is unproven.",
    why_tempting={
        "the flattest foot": "a flat foot is visible and sits right under the knee, so it looks like the obvious "
        "driver. Its effect is passed up through couplings that each lose part of it.",
        "about the same": "both ends can produce valgus, so it is natural to assume they are equal. The two chains "
        "have very different reach.",
    },
    reveal=ends_reveal,
)

# %% [markdown]
# ## Same knee, two stories
#
# The explorer below starts with the flattest foot, and the code has pressed **Compare**: the faint
# ghost is the flat-foot knee. Rebuild that knee from the **other end**. Set
# [Arch collapse](glossary.md#arch-collapse) to 0, then raise one hip cause until the FPPA is back
# within 0.5° of the ghost's.

# %%
app = biomech.explorer(task="single_leg_squat", knee_flexion_deg=45.0, arch_collapse=1.0)
app.freeze()
app

# %% jupyter={"source_hidden": true} tags=["check"]
StateCheck(
    app,
    "Single-leg squat at 45°, arch collapse 0: use a hip cause to bring the FPPA within 0.5° of the flat-foot ghost.",
    lambda result, ui: ui["task"] == "single_leg_squat" and ui["knee_flexion_deg"] == 45.0
    and ui["arch_collapse"] == 0.0 and ui["bone_offset_deg"] == 0.0
    and (ui["abductor_weakness"] > 0 or ui["adductor_tightness"] > 0 or ui["pelvic_tilt_offset_deg"] > 0)
    and app.ghost is not None and abs(result.fppa_deg - app.ghost.fppa_deg) <= 0.5,
    describe=lambda result, ui: f"Arch collapse {ui['arch_collapse']:.2f}, abductor weakness "
    f"{ui['abductor_weakness']:.2f}, adductor tightness {ui['adductor_tightness']:.2f}, pelvic tilt "
    f"{ui['pelvic_tilt_offset_deg']:+.1f}°: FPPA {result.fppa_deg:+.1f}° (ghost {app.ghost.fppa_deg:+.1f}°).",
    explanation="Two different people now have the same FPPA. A video from the front cannot tell them apart; the "
    "readings at the foot and between thigh and shin can.",
    hint="Keep the task and the 45° bend, set Arch collapse to 0 first, then raise Abductor weakness to about 0.4.",
)

# %% [markdown]
# ## The signature
#
# Here is the flat foot next to the weak hip that gives the same FPPA:

# %% tags=["nbval-check-output"]
SIGNATURE = ["fppa_deg", "navicular_drop_mm", "rearfoot_eversion_deg", "hip_internal_rotation_deg",
             "tibial_internal_rotation_deg", "q_angle_deg", "pelvic_drop_deg"]
weak_hip = biomech.simulate(**WOMAN, **TASK, **HIP)
print(table({"flat foot": FLAT, f"weak hip {HIP['abductor_weakness']:.2f}": weak_hip}, SIGNATURE))

# %% [markdown]
# - **The foot tells on itself:** only the flat foot has a large navicular drop and an everted heel.
# - **The thigh's turn does not decide it.** Both knees have the femur turned inward by about 3°.
# - **The shin relative to the thigh does.** From below, the shin turns first and the thigh follows
#   part of the way: the shin ends up turned *inward* under the thigh (+). From above, the thigh
#   turns over a planted shin. The shin is then turned *outward* under it (−). 3-D studies describe
#   [dynamic valgus](glossary.md#dynamic-valgus) the second way:
#   [hip adduction](glossary.md#hip-adduction) with the knee turned outward
#   ([a study of women with knee pain](references.md#pmc7274868)).
# - **The pelvis drops only the healthy squat's 3° in both.** A larger
#   [pelvic drop](glossary.md#pelvic-drop) points at the hip; a normal one proves little. Even when a nerve block weakened the abductors of healthy men,
#   their pelvic drop in walking did not change ([Pohl et al. 2015](references.md#pohl2015)).

# %% jupyter={"source_hidden": true} tags=["check"]
ChoiceCheck(
    "A runner's squat shows FPPA +7°, a normal navicular drop (6 mm) and heel (3°), and the shin turned 2° "
    "outward under the thigh (−2°). Where did the chain most likely start?",
    ["at the foot", "at the hip", "the two cannot be told apart"],
    correct="at the hip",
    explanation="The foot readings are normal, and the shin lags behind the thigh (−): the femur turned first over "
    "a planted foot. A foot-driven knee shows a large navicular drop, an everted heel and the shin turned inward (+).",
    hint="Are 6 mm and 3° normal? Then look at the sign of the shin's rotation relative to the thigh.",
)

# %% [markdown]
# ## How sure is that signature?
#
# The signature rests on the two sharing numbers, and both are guesses with ranges. The thigh takes
# 0.6 of the shin's turn (0.3 to 0.8). The shin takes 0.3 of the thigh's (0.1 to 0.5).
#
# **Predict 2.** Push both sharing numbers to the ends of their ranges. Can the shin's rotation
# relative to the thigh still tell the two chains apart?

# %% jupyter={"source_hidden": true} tags=["predict"]
CORNERS = {SHARES[0]: np.array([0.3, 0.3, 0.8, 0.8]), SHARES[1]: np.array([0.1, 0.5, 0.1, 0.5])}


def corners_reveal():
    """What the model did: both chains at the four corners of the two ranges, plus bands and a ranking."""
    foot = biomech.simulate_many({**WOMAN, **TASK, "arch_collapse": 1.0}, assumptions=CORNERS)
    hip = biomech.simulate_many({**WOMAN, **TASK, **HIP}, assumptions=CORNERS)
    rotation = "tibial_internal_rotation_deg"
    claim(np.all(foot[rotation] > 0) and np.all(hip[rotation] < 0), "the two chains keep opposite signs")
    gap = float(np.min(foot[rotation] - hip[rotation]))
    lines = [f"{'thigh takes / shin takes':<26s}{'foot: shin vs thigh':>22s}{'hip: shin vs thigh':>21s}"]
    for i in range(4):
        lines.append(f"{CORNERS[SHARES[0]][i]:.1f} / {CORNERS[SHARES[1]][i]:.1f}{'':<17s}"
                     f"{foot[rotation][i]:>+20.1f} deg{hip[rotation][i]:>+17.1f} deg")
    lines.append(f"\nSmallest gap between the chains: {gap:.1f} deg.")
    lines.append("\nBands over all the model's assumptions (value, 5 to 95 %):")
    for label, setting in (("flat foot", {"arch_collapse": 1.0}), ("weak hip", HIP)):
        band = biomech.uncertainty(**WOMAN, **TASK, **setting)[rotation]
        lines.append(f"  {label:<10s} shin vs thigh {band.value:+.1f} deg ({band.low:+.1f} to {band.high:+.1f})")
    lines.append("\nWhat moves the flat foot's reading most (share of its spread, 0 to 1):")
    for influence in biomech.sensitivity(rotation, **WOMAN, **TASK, arch_collapse=1.0)[:3]:
        lines.append(f"  {words(influence.name):<45s} {influence.total:.2f}")
    return "\n".join(lines)


Predict(
    "With both sharing numbers at the ends of their ranges, can the shin's rotation relative to the thigh still "
    "tell the chains apart?",
    options=["yes by its sign, but the gap can shrink to a few degrees",
             "no: at some settings both chains give the same sign",
             "yes, by the same margin: these guesses do not matter"],
    answer="yes by its sign, but the gap can shrink to a few degrees",
    explanation="A share below 1 always leaves the first-moving bone ahead, so the signs stay opposite at every "
    "corner. But the size shrinks: with the thigh taking 0.8 of the shin's turn, the foot's signature is only about "
    "1°. Real measurements of this rotation carry errors of a few degrees, so in a real person the sign can be lost "
    "in the noise.",
    why_tempting={
        "no: at some settings both chains give the same sign": "when numbers are guesses, it feels as if anything "
        "can happen. The direction here follows from the order in which the bones turn, not from the exact shares.",
        "yes, by the same margin: these guesses do not matter": "the default table looked clear-cut. But every "
        "number in it is scaled by the shares, so the margin moves with them.",
    },
    reveal=corners_reveal,
)

# %% [markdown]
# **Try it in code.** Change the two shares below (within 0.3-0.8 and 0.1-0.5) and run the cell
# again. The first column is the flat foot, the second the weak hip.

# %% tags=["nbval-check-output"]
shares = {"femur_share_of_shin_rotation": 0.6, "shin_share_of_femur_rotation": 0.3}
both = biomech.simulate_many({**WOMAN, **TASK, "arch_collapse": np.array([1.0, 0.0]),
                              "abductor_weakness": np.array([0.0, HIP["abductor_weakness"]])}, assumptions=shares)
print(table({"flat foot": {k: v[0] for k, v in both.items()}, "weak hip": {k: v[1] for k, v in both.items()}},
            ["fppa_deg", "hip_internal_rotation_deg", "tibial_internal_rotation_deg"]))

# %% [markdown]
# Notice that the FPPA moves too when you change the shares: the two knees no longer match. The
# model can also rank which guesses make a number uncertain. For the flat foot's FPPA:

# %% tags=["nbval-check-output"]
for influence in biomech.sensitivity("fppa_deg", **WOMAN, **TASK, arch_collapse=1.0)[:4]:
    print(f"{words(influence.name):<48s} {influence.total:.2f}")

# %% [markdown]
# The knee's sideways give matters more than the foot's couplings here: the FPPA includes it. A wide
# band is a reason to read a number loosely, and to ask which measurement would pin it down.
#
# **Explain in your own words.** A colleague says "the model is full of guesses, so its signature is
# useless". What would you answer? (Double-click, write, Shift+Enter.)
#
# *Your answer:*
#
# **Limits.** Foot-shin coupling varies a lot between people
# ([Stacoff et al. 2000](references.md#stacoff2000)). A 2-D FPPA changes by up to about 8° between
# two test days with no real change ([Munro et al. 2012](references.md#munro2012)). The
# model shows how the chain works; it cannot say which end started it in a person. That takes a
# clinical examination, and pain, swelling or a knee that gives way belong with a clinician.
#
# ## Summary
#
# Foot and hip can build the same knee; the shin's turn under the thigh tells them apart by sign.
# At the ends of the model's guesses that sign survives, but the margin shrinks to a few degrees.
#
# **Next:** [04 · Load and the joint](04_load_and_the_joint.ipynb)
