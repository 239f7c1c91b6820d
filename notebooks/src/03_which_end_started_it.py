# %% [markdown]
# # 03 · Which end started it? Foot-driven and hip-driven valgus
#
# The knee is the middle link of a chain. Above it the femur hangs from the pelvis; below it the
# tibia stands on the foot. Either end can push the knee toward the midline, and from the front the
# two can look the same. This lesson puts a flat foot and a weak or tight hip side by side, tuned so
# the knee sits in the same place, and asks what still tells them apart.
#
# **Learning goals.** After this notebook (about 15 minutes) you can
#
# - describe the foot-driven chain (arch collapse → rearfoot eversion → shin turns inward → part of
#   that turn passed up to the femur) and the hip-driven chain (the femur turns inward and adducts);
# - make two settings in the explorer, one from each end, with the same projection angle (FPPA);
# - name the readings that separate them: navicular drop, rearfoot eversion, the shin's rotation
#   relative to the thigh, the Q-angle, and (only when the hip muscles give way) pelvic drop;
# - explain why a normal pelvic drop does not clear the hip.
#
# Signs as everywhere in the course: **+ = valgus** (knee toward the midline). Angles in degrees,
# lengths in mm.

# %% [markdown]
# ## Two chains, one knee
#
# **From below.** When the arch flattens, the navicular bone sinks (navicular drop, in mm), the heel
# tips outward (rearfoot eversion) and the shin is turned inward on top of it. Cadaver legs pass on
# about 0.68 ± 0.15° of tibial rotation per degree of heel eversion (an in-vitro bone-pin study,
# PMC5987802); running studies report less, about 0.3-0.6° per degree (Nigg/Hintermann, a recalled
# value). Tilting the feet into pronation with wedges also turned the hips inward and tipped the
# pelvis forward (Khamis & Yizhar 2007), so part of the foot's twist travels on up into the femur.
#
# **From above.** The femur turns inward and moves toward the midline when the hip abductors and
# external rotators cannot hold it against body weight, when tight adductors keep the thigh drawn
# in, or when the pelvis tips forward (about 0.23-0.32° of femoral internal rotation per degree of
# anterior tilt, Bagwell, Fukuda & Powers 2016). With the foot planted on the floor, the shin does not
# follow the femur all the way.
#
# The model states how much of each twist it passes along. These are its own coefficients, read
# from the package (the last two are teaching assumptions; no study has measured them):

# %%
# NBVAL_CHECK_OUTPUT
import biomech
from biomech import causes
from biomech.app.checks import ChoiceCheck, StateCheck
from biomech.app.figure import show
from biomech.views.plots import lines

print(f"heel eversion per mm of extra navicular drop      {causes.EVERSION_PER_NAVICULAR_DROP_DEG_PER_MM:.2f} deg/mm")
print(f"shin internal rotation per deg of heel eversion  {causes.TIBIAL_ROTATION_PER_EVERSION:.2f} deg/deg")
print(f"share of the shin's turn passed up to the femur  {causes.FEMUR_SHARE_OF_SHIN_ROTATION:.2f}")
print(f"share of the femur's turn a planted shin follows {causes.SHIN_SHARE_OF_FEMUR_ROTATION:.2f}")

# %% [markdown]
# ## How far can each end push the knee?
#
# **Predict.** A 25-year-old woman (1.65 m, 60 kg) does a single-leg squat to 45°. Which can move her
# projection angle further: the flattest foot the model allows (`arch_collapse = 1`, a navicular drop
# of 18 mm) or the weakest hip (`abductor_weakness = 1`)? Write down a guess, then run the sweep.

# %%
import numpy as np

severity = np.linspace(0.0, 1.0, 21)
sweeps = {name: biomech.simulate_many({"task": "single_leg_squat", "knee_flexion_deg": 45.0, name: severity})
          for name in ("arch_collapse", "abductor_weakness", "adductor_tightness")}
show(lines(severity, {"arch collapse (foot)": sweeps["arch_collapse"]["fppa_deg"],
                      "abductor / rotator weakness (hip)": sweeps["abductor_weakness"]["fppa_deg"],
                      "adductor tightness (hip)": sweeps["adductor_tightness"]["fppa_deg"]},
           x_title="severity of the cause (0 = none, 1 = severe)", y_title="projection angle FPPA (deg, + valgus)",
           title="Single-leg squat to 45°: each cause raised alone",
           hlines={"top of the women's normal range, 12°": 12.0}))

# %%
# NBVAL_CHECK_OUTPUT
for name, out in sweeps.items():
    print(f"{name:20s} FPPA {out['fppa_deg'][0]:5.1f} deg (none) -> {out['fppa_deg'][-1]:5.1f} deg (severe)")

# %% [markdown]
# **What the model did.** The flattest foot lifts the projection angle by only about 2.5°, to about
# 8.5°: the shin turns in by a few degrees and the femur follows part of the way. The hip causes act
# on the femur directly and can go much further; severe abductor weakness passes the 12° that
# Herrington & Munro (2010) saw as the upper end for healthy women landing on one leg. In this model
# a flat foot alone cannot produce a strongly caved-in knee. (Whether a flat foot causes lasting
# knock knees at all is unproven: the Podiapaedia reference notes there is no evidence either way.)
#
# ## Same knee, two stories
#
# The explorer below starts with the flat foot at its maximum in the single-leg squat, and the code
# has already pressed **Compare**: the faint ghost is the flat-foot knee. Your job is to rebuild that
# knee from the **other end**.
#
# 1. Set *Arch collapse* back to 0. The knee moves outward, away from the ghost.
# 2. Raise **one hip cause**: abductor weakness, adductor tightness, or pelvic tilt, until the
#    projection angle (FPPA row) is back within 0.5° of the ghost's value, about 8.5°.
# 3. Look at both views: does your hip-driven knee sit on top of the ghost?

# %%
app = biomech.explorer(task="single_leg_squat", knee_flexion_deg=45.0, arch_collapse=1.0)
app.freeze()
app

# %%
StateCheck(
    app,
    "Single-leg squat at 45°, arch collapse at 0, bone shape untouched: use a hip cause to bring the "
    "projection angle to within 0.5° of the flat-foot ghost (about 8.5°).",
    lambda result, ui: ui["task"] == "single_leg_squat" and ui["knee_flexion_deg"] == 45.0
    and ui["arch_collapse"] == 0.0 and ui["bone_offset_deg"] == 0.0
    and (ui["abductor_weakness"] > 0 or ui["adductor_tightness"] > 0 or ui["pelvic_tilt_offset_deg"] > 0)
    and app.ghost is not None and abs(result.fppa_deg - app.ghost.fppa_deg) <= 0.5,
    describe=lambda result, ui: f"Arch collapse {ui['arch_collapse']:.2f}, abductor weakness "
    f"{ui['abductor_weakness']:.2f}, adductor tightness {ui['adductor_tightness']:.2f}, pelvic tilt "
    f"{ui['pelvic_tilt_offset_deg']:+.1f}° vs typical; projection angle {result.fppa_deg:+.1f}°.",
    explanation="Two very different people now have the same projection angle. A video from the front "
    "would not tell them apart; the readings below the knee and at the pelvis can.",
    hint="Keep the task and the 45° knee bend. Set arch collapse to 0 first. About 0.35 abductor weakness, "
    "0.5 adductor tightness or +9.5° of pelvic tilt each lands near 8.5°. If the ghost is gone, run the cell "
    "above again.",
)

# %% [markdown]
# ## The signatures
#
# Here are the flat foot and three hip-driven settings that each land within 0.2° of the same
# projection angle, with the readings a clinician could look at:

# %%
# NBVAL_CHECK_OUTPUT
settings = {
    "flat foot": {"arch_collapse": 1.0},
    "weak abductors": {"abductor_weakness": 0.35},
    "tight adductors": {"adductor_tightness": 0.5},
    "tilt +9.5 deg": {"pelvic_tilt_deg": 21.5},
}
results = {label: biomech.simulate(task="single_leg_squat", knee_flexion_deg=45.0, **causes_on)
           for label, causes_on in settings.items()}
print(f"{'reading':30s}" + "".join(f"{label:>16s}" for label in results))
for name in ("fppa_deg", "navicular_drop_mm", "rearfoot_eversion_deg", "hip_internal_rotation_deg",
             "tibial_internal_rotation_deg", "q_angle_deg", "hip_adduction_deg", "pelvic_drop_deg"):
    print(f"{name:30s}" + "".join(f"{getattr(r, name):16.1f}" for r in results.values()))

# %% [markdown]
# **Reading the table** (units are in the names: deg or mm).
#
# - **The foot tells on itself.** Only the flat foot has a navicular drop above 10 mm (18 mm;
#   healthy means are 3.6-8.1 mm and 10-15 mm is the usual upper limit, Nielsen et al. 2009) and a
#   heel everted well past the model's typical 3°.
# - **Hip internal rotation does not decide it.** The flat foot also turns the femur inward, by about
#   as much as the weak abductors do. A thigh that is turned in says the knee is caving; it does not
#   say where the twist came from.
# - **The shin relative to the thigh does.** From below, the shin turns first and the femur follows
#   only part of the way, so the shin ends up turned *inward* relative to the thigh (+). From above,
#   the femur turns over a planted foot and the shin lags behind, so relative to the thigh the shin is
#   turned *outward* (−). That matches 3-D studies describing dynamic valgus as hip adduction with the
#   knee rotated externally (PMC7274868). The Q-angle follows the same logic: it rises more when the
#   femur turns over a still shin.
# - **Hip adduction** is highest with tight adductors, which pull the thigh in directly.
# - **Pelvic drop** is the same 2° in every column: none of these hip settings is strong enough to
#   make the pelvis sag. More on that below.
#
# **Check your reading.**

# %%
ChoiceCheck(
    "A runner's single-leg squat shows a projection angle of +8.5°, a navicular drop of 6 mm, rearfoot "
    "eversion of 3° and the shin turned 2° outward relative to the thigh (tibial internal rotation −2°). "
    "Where did the chain most likely start?",
    ["at the foot (arch collapse)", "at the hip (femur turning inward over the foot)",
     "the two cannot be told apart"],
    correct="at the hip (femur turning inward over the foot)",
    explanation="The foot readings are normal, and the shin lags behind the thigh (−): the femur turned "
    "first and the planted foot held the shin back. A foot-driven knee shows a large navicular drop, an "
    "everted heel and the shin turned inward relative to the thigh (+).",
    hint="Check the foot first: are 6 mm and 3° normal? Then look at the sign of the shin's rotation "
    "relative to the thigh in the table.",
)

# %% [markdown]
# ## When does the pelvis drop?
#
# A sagging pelvis on the lifted side (a Trendelenburg sign) is the classic picture of weak hip
# abductors. **Predict:** if abductor strength falls step by step, does the pelvic drop grow step by
# step too?

# %%
# NBVAL_CHECK_OUTPUT
weak = sweeps["abductor_weakness"]
for i in (0, 4, 7, 8, 10, 12, 16, 20):
    print(f"strength lost {100 * severity[i]:5.0f} %   pelvic drop {weak['pelvic_drop_deg'][i]:5.1f} deg   "
          f"hip adduction {weak['hip_adduction_deg'][i]:5.1f} deg   FPPA {weak['fppa_deg'][i]:5.1f} deg")

# %% [markdown]
# **What the model did.** Up to about 35-40 % strength lost the pelvis stays at the 2° of a healthy
# single-leg squat: the muscles that are left still hold the body's weight on their lever (Pauwels'
# model; lesson 02). Past that point they give way, the opposite side drops (up to 14° here) and the
# hip adducts sharply. This threshold is a teaching assumption of the model, but the pattern has a
# real echo: when a nerve block weakened the hip abductors of healthy men, their pelvic drop in
# walking did not change significantly (Pohl et al. 2015). A visible Trendelenburg sign also agrees
# only weakly with measured pelvic motion and abductor strength (Chiropr Man Therap 2020).

# %%
ChoiceCheck(
    "A client's pelvis stays level in a single-leg squat (pelvic drop 2°). What does that tell you about "
    "the hip's part in her knee valgus?",
    ["the hip is not involved: look only at the foot",
     "a level pelvis does not rule the hip out: moderate weakness or tight adductors turn the femur without "
     "a drop",
     "her knee cannot be in valgus"],
    correct="a level pelvis does not rule the hip out: moderate weakness or tight adductors turn the femur "
    "without a drop",
    explanation="In the table every hip setting reached the flat foot's 8.5° with a level pelvis. A drop, "
    "when you see one, points at the hip; its absence proves little.",
    hint="Look at the pelvic_drop_deg row of the signature table: three of its four columns are hip-driven.",
)

# %% [markdown]
# ## Both ends at once
#
# Real people rarely have only one cause. In the explorer above, set *Arch collapse* to 0.5 and
# *Abductor weakness* to 0.2 (everything else at 0). The projection angle lands near the ghost again.
# Now read the signature: a navicular drop of 12 mm says the foot is involved, but the shin's rotation
# relative to the thigh sits near 0° because the two chains pull it in opposite directions. The
# **"why" chart** under the readouts splits the change from a typical person into each cause's share;
# here roughly half comes from each end.
#
# **Practical reading.** Start at the ends, not at the knee: look at the foot (navicular drop, heel
# position) and at the pelvis and thigh. Then test which correction changes the knee. Lesson 06 does
# this with exercise and orthotics.
#
# ## Limits
#
# The couplings between foot, shin and femur vary a lot from person to person (bone-pin studies found
# them highly individual, Stacoff et al. 2000); the model uses one fixed value each, and two of them
# are teaching assumptions. It has no trunk lean, no foot shape beyond the arch, and no measurement
# noise, while in real testing a change in projection angle smaller than about 8° between two days
# may be noise (smallest detectable difference 7.5-8.9°, Munro, Herrington & Carolan 2012). It
# teaches how the chain works; it cannot say which end started it in a particular person. That takes
# a clinical examination, and pain, swelling or a knee that gives way belong with a clinician.
