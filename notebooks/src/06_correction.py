# %% [markdown]
# # 06 · Correction and prevention: what exercises and insoles can change
#
# *About 25 minutes: 8 minutes of reading, the rest with the explorer and the questions.*
#
# Lessons 02-05 switched causes **on**. This one switches them **off** again, through the exercises
# people are actually given. For each it asks two honest questions: what does it change in the
# model, and what does the evidence say happens in people?
#
# **Learning goals.** After this lesson you can
#
# - name five common exercises, the model input each could change, and what it cannot change;
# - rank four "what-ifs" for one person, and explain why the ranking depends on the person;
# - weigh a predicted change against the measurement's own error;
# - explain why none of these changes the alignment on a standing X-ray;
# - summarise what prevention can do, and which symptoms belong with a clinician.
#
# Signs: **+ = [valgus](glossary.md#valgus)** (knee toward the midline); degrees and mm.

# %% jupyter={"source_hidden": true} tags=["setup"]
# Set-up: the model, the explorer, the lesson widgets, and the person of this lesson.

import biomech
from biomech.app.checks import Predict, StateCheck, claim, ranges, table

WOMAN = dict(sex="female", height_m=1.65, mass_kg=60.0, age_years=25.0)
CASE = dict(**WOMAN, task="single_leg_squat", knee_flexion_deg=45.0, adductor_tightness=0.4, abductor_weakness=0.6,
            arch_collapse=0.5, pelvic_tilt_deg=18.0)
#: Each correction wins back about half of its cause (teaching what-ifs, not results of a programme).
WHAT_IF = {
    "stretch adductors": {"adductor_tightness": 0.2},
    "strengthen abductors": {"abductor_weakness": 0.3},
    "arch support": {"arch_collapse": 0.33},
    "less pelvic tilt": {"pelvic_tilt_deg": 13.0},
}
ALL_FOUR = {k: v for change in WHAT_IF.values() for k, v in change.items()}
before = biomech.simulate(**CASE)

# %% [markdown]
# ## A person to correct
#
# A 25-year-old woman's knee drifts inward when she squats on her right leg. Four causes are
# raised: tight [adductors](glossary.md#hip-adductors), weak
# [hip abductors](glossary.md#hip-abductors) (60 % of strength lost), a flattening arch and an
# [anterior pelvic tilt](glossary.md#anterior-pelvic-tilt) 6° above typical. These are teaching
# settings, not a real patient.

# %% tags=["nbval-check-output"]
print(ranges(before, ["fppa_deg", "pelvic_drop_deg", "hip_adduction_deg", "navicular_drop_mm"]))

# %% [markdown]
# Her [FPPA](glossary.md#frontal-plane-projection-angle) of about 16° is still inside the healthy
# range, which is wide (mean ± 2 [SD](glossary.md#standard-deviation)). Yet it is close to the 16.8° measured in women with
# [patellofemoral pain](glossary.md#patellofemoral-pain) in the same study
# ([Herrington 2014](references.md#herrington2014)).
#
# ## Five exercises and what they can reach
#
# | exercise | aims at | model input it can move | cannot change | evidence |
# |---|---|---|---|---|
# | adductor stretch, [foam rolling](glossary.md#foam-rolling) | tight adductors | adductor tightness | bones, strength | rolling raises range of motion for a while, about as much as stretching ([Wilke et al. 2020](references.md#wilke2020)) |
# | side-lying leg raise | gluteus medius | abductor weakness | bones, technique | gluteus medius works at 81 ± 42 % of a maximal contraction ([Distefano et al. 2009](references.md#distefano2009)) |
# | side-plank leg raise | gluteus medius and trunk | abductor weakness | bones | the side plank reached a strengthening level ([Ekstrom et al. 2007](references.md#ekstrom2007)) |
# | banded squat (band around the knees) | pushing the knees out | none: the model has no technique control | bones | studies conflict ([Forman et al. 2023](references.md#forman2023)) |
# | arch work ("short foot"), an [insole](glossary.md#orthosis) | the arch | [arch collapse](glossary.md#arch-collapse) | bones above the foot | [navicular drop](glossary.md#navicular-drop) 1.8 mm smaller after 4 weeks ([Mulligan & Cook 2013](references.md#mulligancook2013)); an insole cut [heel eversion](glossary.md#rearfoot-eversion) by 1.6° ([Sinclair 2017](references.md#sinclair2017)) |
#
# Muscle activity ([EMG](glossary.md#emg)) says an exercise loads a muscle. It does not say the
# knee will move differently.
#
# **Predict 1.** Each correction wins back about half of its cause. Which one alone lowers her FPPA
# most in the model?

# %% jupyter={"source_hidden": true} tags=["predict"]
def what_if():
    """Her squat with each correction alone, and with all four."""
    rows = {label: biomech.simulate(**{**CASE, **change}) for label, change in WHAT_IF.items()}
    rows["all four"] = biomech.simulate(**{**CASE, **ALL_FOUR})
    return rows


def what_if_reveal():
    rows = what_if()
    single = {k: v for k, v in rows.items() if k != "all four"}
    claim(min(single, key=lambda k: single[k].fppa_deg) == "strengthen abductors", "strengthening helps most here")
    columns = {"as she is": before, **rows}
    return table(columns, ["fppa_deg", "pelvic_drop_deg", "hip_internal_rotation_deg", "rearfoot_eversion_deg"])


Predict(
    "Each correction wins back about half of its cause. Which one alone lowers her FPPA most in the model?",
    options=["stretching the adductors", "strengthening the hip abductors", "an arch-supporting insole",
             "less pelvic tilt"],
    answer="strengthening the hip abductors",
    explanation="Her abductors were at 100 % and her pelvis was dropping. Winning back strength gives her a reserve "
    "again: the pelvis drops less and the thigh turns in less, two effects at once. For someone whose pelvis stays "
    "level, strengthening would do much less. The ranking belongs to this person, not to the exercises.",
    why_tempting={
        "stretching the adductors": "tight inner thighs seem to pull the knee straight in. In her case they add only "
        "a few degrees of resting rotation and adduction.",
        "an arch-supporting insole": "the insole acts right under the knee's chain and is easy to give. The foot "
        "passes only part of its twist up to the knee.",
        "less pelvic tilt": "tilt turns both thighs inward, so flattening it helps, but only by about 0.28° of "
        "rotation per degree.",
    },
    reveal=what_if_reveal,
)

# %% [markdown]
# **Try it.** The explorer starts as her case, and its ghost keeps "before". Move only the four
# cause sliders to the left.

# %%
app = biomech.explorer(**{k: v for k, v in CASE.items() if k not in WOMAN})
app.freeze()
START = dict(app.ui)
app

# %% jupyter={"source_hidden": true} tags=["check"]
KEEP = ("task", "knee_flexion_deg", "side", "sex", "height_m", "mass_kg", "age_years", "hip_width_offset_mm",
        "bone_offset_deg", "trunk_lean_deg", "compensation")
StateCheck(
    app,
    "Using only Adductor tightness, Abductor weakness, Arch collapse and Pelvic tilt, bring her FPPA to 12° or less.",
    lambda result, ui: all(ui[k] == START[k] for k in KEEP) and result.fppa_deg <= 12.0,
    describe=lambda result, ui: f"FPPA {before.fppa_deg:+.1f}° before, {result.fppa_deg:+.1f}° now.",
    explanation="Notice how far you had to go: one slider alone needs a large change, several small ones add up.",
    hint="Start with Abductor weakness (below about 0.45 the pelvis stops dropping), then take a little off the "
    "other three. If you changed the task or the person by mistake, press Reset (the ghost stays).",
)

# %% [markdown]
# ## How big is a real change?
#
# All four what-ifs together lower her FPPA by about 7° in the model. A 2-D video measurement of the
# FPPA, repeated on two days, has a [smallest detectable difference](glossary.md#smallest-detectable-difference)
# of 7.5-8.9° ([Munro et al. 2012](references.md#munro2012)). So a clinic might not even see it.
#
# **Predict 2.** After five weeks of side-lying leg raises, her hip abduction strength is clearly
# higher. Does her knee cave in less in the squat?

# %% jupyter={"source_hidden": true} tags=["predict"]
Predict(
    "Five weeks of hip strengthening clearly raised her strength. Does her knee cave in less in the squat?",
    options=["yes: stronger muscles always mean better movement",
             "not necessarily: strength gains often leave the movement unchanged",
             "no: exercise never changes how a knee moves"],
    answer="not necessarily: strength gains often leave the movement unchanged",
    explanation="In a trial of 29 adults with dynamic valgus, five weeks of hip abductor strengthening did not "
    "change their knee valgus significantly (Palmer et al. 2015). A nerve block that weakened the abductors did not "
    "change walking either (Pohl et al. 2015). Movement also depends on technique. In patients with knee pain, hip "
    "programmes still eased pain (Ferber et al. 2015): the benefit need not come through alignment.",
    why_tempting={
        "yes: stronger muscles always mean better movement": "the model links strength and movement directly, and "
        "it feels logical. People have reserves and habits the model does not have.",
        "no: exercise never changes how a knee moves": "if strength alone often fails, it is tempting to give up. "
        "Training that practises the movement itself has changed it in some studies.",
    },
)

# %% [markdown]
# In one training study, 23 women with knee pain changed their FPPA by more than 15° on average. The
# spread was as large as the change ([a study of women with knee pain](references.md#pmc7274868)).
# Practising the movement, [motor control](glossary.md#motor-control), is a part of it that the
# model has no slider for.
#
# ## Standing still
#
# **Predict 3.** She stands on both legs with straight knees, as for a standing X-ray. Do the four
# corrections change her [hip-knee-ankle angle](glossary.md#hip-knee-ankle-angle)?

# %% jupyter={"source_hidden": true} tags=["predict"]
def standing_reveal():
    """What the model did: standing, before and after all four corrections."""
    stand = dict(task="stand", knee_flexion_deg=0.0)
    old = biomech.simulate(**{**CASE, **stand})
    new = biomech.simulate(**{**CASE, **ALL_FOUR, **stand})
    claim(abs(new.hka_deg - old.hka_deg) < 0.1, "the corrections leave the standing HKA unchanged")
    return table({"before": old, "after all four": new}, ["hka_deg", "load_axis_shift_mm", "hip_internal_rotation_deg",
                                                          "rearfoot_eversion_deg"])


Predict(
    "Standing with straight knees, do the four corrections change her hip-knee-ankle angle?",
    options=["yes, by several degrees toward straight", "barely at all", "yes, but only toward varus"],
    answer="barely at all",
    explanation="Her thigh and heel turn less, but with straight knees a turn about the leg's own axis bends nothing "
    "sideways. The standing alignment belongs to the bones. In the model that is true by construction: no cause "
    "slider touches the bone angle. In people, it is why a bony deformity is treated by changing the bone.",
    why_tempting={
        "yes, by several degrees toward straight": "the squat improved a lot, so the standing leg should too. The "
        "squat showed rotation through a bent knee; the standing X-ray shows the bones.",
        "yes, but only toward varus": "correcting valgus sounds like pushing toward varus. The corrections take "
        "rotation away; they do not bend the leg the other way.",
    },
    reveal=standing_reveal,
)

# %% [markdown]
# Bone shape is changed by surgery: an [osteotomy](glossary.md#osteotomy) in adults (lesson 04) or
# [guided growth](glossary.md#guided-growth) in children (lesson 07).
#
# ## Prevention: what can be done
#
# - **Train the movement.** [Neuromuscular training](glossary.md#neuromuscular-training) trains
#   strength, balance and landing. It cut knee ligament injuries in young female athletes from about
#   1 in 54 to 1 in 111 ([Petushek et al. 2019](references.md#petushek2019)).
# - **Mind the load.** Forces in newtons scale with body mass (lesson 04). Cues such as "knee above
#   the ankle" move load to the hip rather than remove it (lesson 05).
# - **Children.** Vitamin D and calcium prevent nutritional [rickets](glossary.md#rickets)
#   ([Munns et al. 2016](references.md#munns2016)); lesson 07 covers growing legs.
# - **What no exercise changes:** the shape of adult bones.
#
# **See a clinician** for knee pain, swelling, locking or a knee that gives way. The same goes for a
# limp or a new change in walking, poor balance, and legs that differ or keep getting worse.
#
# **Explain in your own words.** A friend's physiotherapist gave her side-lying leg raises for knees
# that cave in. What can she expect, and what not? (Double-click, write, Shift+Enter.)
#
# *Your answer:*
#
# **Limits.** The what-if sizes are examples, not results of any programme, and many couplings are
# teaching assumptions. The model has no technique, fatigue or time. It is not a treatment plan.
#
# ## Summary
#
# Exercises reach muscles, feet and posture, and their effect on the knee depends on the person.
# None changes the bones, and a change smaller than about 8° of FPPA may be measurement noise.
#
# **Next:** [07 · Growing up](07_growing_up.ipynb)
