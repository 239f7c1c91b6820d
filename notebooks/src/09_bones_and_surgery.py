# %% [markdown]
# # 09 · Bones and surgery: find the bent segment, then plan the correction
#
# *About 30 minutes: 9 minutes of reading, the rest with the planner and the questions.*
#
# Lessons 02-08 changed how a leg is held. Here the leg's alignment is in the bones themselves, as
# in [rickets](glossary.md#rickets) or [Blount's disease](glossary.md#blounts-disease). You will
# find which bone is bent, as surgeons do on a standing X-ray, and ask what a cut or a
# [growth plate](glossary.md#growth-plate) could change.
#
# **Learning goals.** After this lesson you can
#
# - read the three joint angles of a standing X-ray and add them up to the limb's alignment;
# - run the [malalignment test](glossary.md#malalignment-test) step by step and name the bent segment;
# - explain why the same bony [valgus](glossary.md#valgus) looks different in a squat, depending on
#   where it sits;
# - plan an [osteotomy](glossary.md#osteotomy) for a target [load line](glossary.md#load-line), and
#   say why the wedge and the correction differ;
# - say what [guided growth](glossary.md#guided-growth) does, how fast, and its main risk.
#
# Signs: **+ = valgus** (knee toward the midline); degrees and mm.

# %% jupyter={"source_hidden": true} tags=["setup"]
# Set-up: the model, the planner, the lesson widgets, and the people of this lesson.
import biomech
from biomech import surgery
from biomech.app.checks import NumberCheck, Predict, claim, table
from biomech.deformity import CONDITIONS
from biomech.malalignment import malalignment_test

FILM = dict(task="stand", knee_flexion_deg=0.0)
typical = biomech.simulate(**CONDITIONS["typical_adult"].inputs(), **FILM)
late_blount = biomech.simulate(**CONDITIONS["blount_late_onset"].inputs(), **FILM)
varus_knee = biomech.simulate(**CONDITIONS["varus_arthritis"].inputs(), **FILM)
ANGLES = ["mldfa_deg", "mpta_deg", "jlca_deg", "hka_deg", "load_axis_shift_mm"]

# %% [markdown]
# ## Three angles make the alignment
#
# On a standing long-leg X-ray the surgeon draws each bone's
# [mechanical axis](glossary.md#mechanical-axis) and the two joint surfaces at the knee. Three
# angles follow:
#
# - [mLDFA](glossary.md#mldfa): the outer angle between the thigh bone's axis and the bottom of its
#   two condyles. Below 90° the end of the femur points into valgus.
# - [MPTA](glossary.md#mpta): the inner angle between the shin bone's axis and its
#   [plateau](glossary.md#tibial-plateau). Below 90° the top of the tibia tips into
#   [varus](glossary.md#varus).
# - [JLCA](glossary.md#jlca): the angle between the two joint surfaces, from worn [cartilage](glossary.md#cartilage) or
#   slack ligaments.
#
# Together they give the [hip-knee-ankle angle](glossary.md#hip-knee-ankle-angle):
# **HKA = MPTA − mLDFA − JLCA** (MacDessi's arithmetic version leaves out the joint line,
# [MacDessi et al. 2021](references.md#macdessi2021)). For a typical adult:

# %% tags=["nbval-check-output"]
print(table({"typical adult": typical}, ANGLES))

# %% [markdown]
# Both bone angles sit near 86°, the means of a CT study of 87 adults
# ([Jamali et al. 2017](references.md#jamali2017)): each end tips a few degrees, and the two cancel.
#
# ## The malalignment test
#
# Paley's test reads the film in four steps ([Paley 2002](references.md#paley2002), as used by
# [Feucht et al. 2021](references.md#feucht2021)):
#
# 1. Does the load line pass the knee normally, 1-15 mm medial of its
#    centre? If not, the limb is out of line.
# 2. Is the mLDFA between 85° and 90°? If not, the femur takes part.
# 3. Is the MPTA between 85° and 90°? If not, the tibia takes part.
# 4. Is the JLCA between 0° and 2°? If not, the joint itself takes part.
#
# Children are judged against their age: their normal alignment changes as they grow.
#
# **Predict 1.** A 13-year-old boy has bow legs of about 18° from
# [Blount's disease](glossary.md#blounts-disease) that began late. Which segment does the test
# find bent?

# %% jupyter={"source_hidden": true} tags=["predict"]
def blount_reveal():
    test = malalignment_test(late_blount)
    claim("femur" in test.segments and "tibia" in test.segments, "both bones are outside their ranges")
    return str(test)


Predict(
    "A 13-year-old boy has bow legs from late-onset Blount's disease. Which segment does the malalignment test "
    "find bent?",
    options=["only the tibia", "only the femur", "both the tibia and the femur", "neither: it is the soft tissue"],
    answer="both the tibia and the femur",
    explanation="Blount's disease is a failure of the inner part of the tibia's growth plate, so the tibia is always "
    "involved. When it starts late, the end of the femur often bends into varus too: in one series 17 of 43 knees "
    "(White et al. 2012). This boy was set up that way, so the test finds both.",
    why_tempting={
        "only the tibia": "the disease lives in the tibia's growth plate, and in young children it is the only "
        "site. Later the femur often joins in.",
        "only the femur": "the femur is the longer bone and carries more of the bend in many deformities. Here "
        "the tibia is the main site.",
        "neither: it is the soft tissue": "slack ligaments do add a little (the joint line), but an 18° bow comes "
        "from bone.",
    },
    reveal=blount_reveal,
)

# %% [markdown]
# ## Where the bend sits matters in a squat
#
# The same 5° of valgus can sit at the end of the femur or the top of the tibia. Standing, the two
# limbs look alike on the film.
#
# **Predict 2.** Both people squat to 90°. Whose knee shows more inward angle from the front (the
# [FPPA](glossary.md#frontal-plane-projection-angle))?

# %% jupyter={"source_hidden": true} tags=["predict"]
FEMUR = dict(mldfa_deg=typical.mldfa_deg - 5.0)
TIBIA = dict(mpta_deg=typical.mpta_deg + 5.0)
SQUAT = dict(task="squat", knee_flexion_deg=90.0)


def squat_reveal():
    rows = {"valgus in the femur": biomech.simulate(**FEMUR, **SQUAT),
            "valgus in the tibia": biomech.simulate(**TIBIA, **SQUAT)}
    claim(rows["valgus in the tibia"].fppa_deg > rows["valgus in the femur"].fppa_deg + 10.0,
          "the tibial valgus shows much more in the squat")
    standing = {"femur, standing": biomech.simulate(**FEMUR, **FILM), "tibia, standing": biomech.simulate(**TIBIA, **FILM)}
    return table({**standing, **rows}, ["hka_deg", "fppa_deg"])


Predict(
    "The same 5° of bony valgus, at the end of the femur or at the top of the tibia. Both squat to 90°. Whose knee "
    "shows more inward angle from the front?",
    options=["the femur's", "the tibia's", "the same: 5° is 5°"],
    answer="the tibia's",
    explanation="The knee bends about an axis through the end of the femur. A femur bent into valgus carries that "
    "axis with it, so in a deep squat its bend turns the shin about its own length instead of tilting it. A tibia "
    "bent into valgus keeps tilting the shin however far the knee bends. In the model this follows from where the "
    "bend sits in the chain; the flexion axis is taken as square to a normal femur (Stiehl & Abbott 1995).",
    why_tempting={
        "the femur's": "the femur is longer, so its bend might seem to move the knee more. But the knee bends below it.",
        "the same: 5° is 5°": "standing, they are the same. Bending the knee changes which bone's angle the front "
        "view sees.",
    },
    reveal=squat_reveal,
)

# %% [markdown]
# ## Planning an osteotomy
#
# A 55-year-old man has a varus knee with wear on the inner side. The test finds the bend in his
# tibia, plus a joint line that opens laterally as his cartilage wears:

# %% tags=["nbval-check-output"]
print(malalignment_test(varus_knee).summary)

# %% [markdown]
# A [high tibial osteotomy](glossary.md#osteotomy) cuts the tibia below the knee and opens a wedge
# on the inner side about a hinge near the outer cortex. The aim is the
# [Fujisawa point](glossary.md#fujisawa-point): a load line 62.5 % of the way across the plateau
# ([Kobayashi et al. 2022](references.md#kobayashi2022)). Miniaci's construction finds the wedge on
# the film: the angle at the hinge between the line to the ankle now and to where the ankle must go
# ([Bone School](references.md#boneschoolhto)).
#
# **Predict 3.** Miniaci's wedge treats the joint as rigid. The model then stands the corrected leg:
# the knee's [soft tissue](glossary.md#soft-tissue-give) now carries less load on its outer side.
# Is the wedge the model needs bigger or smaller than Miniaci's?

# %% jupyter={"source_hidden": true} tags=["predict"]
def plan_reveal():
    plan = surgery.plan_osteotomy(varus_knee)
    claim(plan.angle_deg < plan.geometric_angle_deg, "the model's wedge is smaller than Miniaci's")
    lines = [f"Miniaci's wedge on the film: {plan.geometric_angle_deg:.1f}°",
             f"wedge that puts the load line at 62.5 % once the knee is loaded: {plan.angle_deg:.1f}°",
             f"the limb turns by {plan.bone_angle_change_deg:.1f}°: the hinge sits {plan.level_mm:.0f} mm "
             "below the joint, so a little less than the wedge", ""]
    return "\n".join(lines) + table({"before": varus_knee, "after": plan.after}, ANGLES + ["medial_contact_force_bw"])


Predict(
    "After the cut, the knee's soft tissue is loaded differently. Does the model need a bigger or a smaller wedge "
    "than Miniaci's rigid construction?",
    options=["bigger", "smaller", "the same"],
    answer="smaller",
    explanation="Before surgery his varus knee also gaped a little on the outer side under load, and the film shows "
    "that as part of the deformity. Once the limb is straightened, the load on that side falls and the gap closes, "
    "which adds some correction by itself. Plans that ignore this overcorrect: in one navigation study more than "
    "half the knees planned by Miniaci's method ended beyond the target (see the planner's sources).",
    why_tempting={
        "bigger": "soft tissue sounds like something that gives way and loses correction. Here it was already "
        "adding to the varus.",
        "the same": "the wedge is a bone cut, so it might seem the soft tissue cannot matter. But the film was "
        "taken with the soft tissue loaded.",
    },
    reveal=plan_reveal,
)

# %% [markdown]
# **Try it.** The planner shows his films before and after. Press *Plan the wedge for this target*,
# then try a closing wedge or another target. Watch the load on the inner
# [compartment](glossary.md#compartment) in the table.

# %%
planner = biomech.app.planner("varus_arthritis")
planner

# %% [markdown]
# ## Growing bones: guided growth
#
# In a child, a small plate across one side of a growth plate slows
# that side, and the bone straightens as it grows. Published rates are about 0.7° per month at the
# femur and 0.5° at the tibia near age 12 ([Ballal et al. 2010](references.md#ballal2010)), faster
# in younger children ([Khaled et al. 2018](references.md#khaled2018)). Correction goes on as long as
# the plate is in: it must come out on time, and about 30 % of limbs drift back afterwards.
# Try it on a three-year-old with [Blount's disease](glossary.md#blounts-disease).

# %% jupyter={"source_hidden": true} tags=["check"]
blount_child = biomech.simulate(**CONDITIONS["blount_infantile"].inputs(), **FILM)
MONTHS = surgery.guided_growth(blount_child, bone="tibia").months
NumberCheck(
    "In the planner, choose the condition Infantile Blount's disease, plates on the tibia, and press Months to "
    "the typical alignment. How many months does the model give?",
    answer=round(MONTHS),
    tolerance=1.0,
    unit="months",
    explanation="Her tibia needs about 14° of correction at roughly 0.9° per month, the tibial rate scaled up for a "
    "young child (a teaching assumption between two published rates). A real plan is reviewed every 3 months.",
    hint="The condition menu is at the top of the planner; Procedure switches to guided growth by itself for a "
    "child. Choose 'tibia' under Plates on.",
)

# %% [markdown]
#
# ## What exercise cannot change
#
# Every cause slider of lessons 02-06 leaves these three angles alone. Strength and technique change
# how a leg is held and loaded; only surgery or growth changes the bone.
#
# **Explain in your own words.** A 12-year-old's knock knees come from the end of her femur. Why
# might a surgeon prefer a small plate now to an osteotomy in five years? (Double-click, write,
# Shift+Enter.)
#
# *Your answer:*
#
# **Limits.** Bone shapes are simplified: each bend sits at the joint, not along the shaft. The
# condition magnitudes, the hinge places and the largest allowed wedges are teaching assumptions.
# The soft tissue's response is calibrated on healthy knees, not on worn ones. This is not a
# surgical plan or a diagnosis: legs that keep bowing, differ from each other or hurt belong with a
# clinician.
#
# ## Summary
#
# Three joint angles add up to the limb's alignment, and the malalignment test says which bone is
# bent. Surgery changes that bone: a wedge now, or a plate while the child still grows.
#
# **Next:** [00 · Start here](00_start_here.ipynb), or the [glossary](glossary.md) for any term.
