# %% [markdown]
# # 08 · The virtual clinic: finding the cause
#
# *About 25 minutes: 5 minutes of reading, the rest with the questions, the measuring tool and one case.*
#
# So far you switched causes on and watched the knee cave in. A clinician works the other way round.
# A person walks in with knees that cave in, and the clinician must find out why. Every test has a
# measurement error, and there is never time for every test.
#
# **Learning goals.** After this lesson you can
#
# - say how far one clinical reading can be from the true value, using its measurement error;
# - tell a real change from noise with the [minimal detectable change](glossary.md#minimal-detectable-change);
# - choose tests that separate two causes, within a time budget;
# - measure the knee's [projection angle](glossary.md#frontal-plane-projection-angle) on a video
#   frame, as 2-D screening does;
# - read the model's per-cause breakdown to name a patient's dominant cause.
#
# Signs as in the explorer: **+ = [valgus](glossary.md#valgus)** (knee toward the midline). Angles
# in degrees, lengths in mm.

# %% jupyter={"source_hidden": true} tags=["setup"]
# Set-up: the clinic, the lesson widgets, and the patient of this lesson.
import numpy as np

from biomech import references
from biomech.app.checks import ChoiceCheck, NumberCheck, Predict, claim
from biomech.clinic import (
    EXAMS,
    READINGS,
    RELIABILITY,
    CaseWidget,
    MeasureTool,
    class_set,
    examine,
    make_case,
    mdc95,
    render_squat,
    true_readings,
)

PATIENT = make_case("lesson-08", 3, "easy")
FRAME = render_squat(PATIENT.inputs, seed=8)


def reliability_table():
    """Each clinic reading's SEM and MDC95, with its source, in plain labels and units."""
    lines = [f"{'Reading':45s} {'SEM':20s} {'MDC95':20s} Source"]
    for exam in EXAMS.values():
        for reading in exam.readings:
            load_line = reading == "wbl_ratio_pct"  # its error is given as a load-line distance
            rel = RELIABILITY["mad_mm" if load_line else reading]
            unit = "mm (load line)" if load_line else READINGS[reading].unit
            if rel.relative:
                sem, detect = f"{100 * rel.sem:.0f} % of the value", f"{100 * mdc95(rel.sem):.0f} % of the value"
            else:
                sem, detect = f"{rel.sem:.1f} {unit}", f"{mdc95(rel.sem):.1f} {unit}"
            source = "teaching assumption" if rel.is_assumption else references.cite(rel.source)
            lines.append(f"{READINGS[reading].label:45s} {sem:20s} {detect:20s} {source}")
    return "\n".join(lines)


# %% [markdown]
# ## How sure is one reading?
#
# Measure the same knee twice and you get two numbers. Reliability studies report the spread as the
# [standard error of measurement](glossary.md#standard-error-of-measurement) (SEM): about two
# readings in three fall within one SEM of the true value. The minimal detectable change is
# **MDC95 = 1.96 × √2 × SEM**. A difference between two readings smaller than that can be noise alone.
#
# Each test in the clinic takes its SEM from a published reliability study (listed on the
# [references page](references.md)). Where none was found, the table says
# "[teaching assumption](glossary.md#teaching-assumption)".

# %% tags=["nbval-check-output"]
print(reliability_table())

# %% [markdown]
# The [navicular drop](glossary.md#navicular-drop) is how far the arch of the foot sinks from
# sitting to standing. Healthy adults average about 4-8 mm. The clinic takes 10 mm, one published
# upper limit, as the end of normal ([Nielsen et al. 2009](references.md#nielsen2009)).
#
# **Predict 1.** One navicular drop test reads 11 mm. The normal limit is 10 mm and the test's SEM
# is 2.2 mm. What can you conclude about the arch?

# %% jupyter={"source_hidden": true} tags=["predict"]
def repeat_readings():
    """A healthy foot with a true drop of 8 mm, measured 1000 times."""
    foot = {**PATIENT.inputs, "arch_collapse": 1 / 6}
    true = true_readings(foot)["navicular_drop_mm"]
    rng = np.random.default_rng(8)
    drops = np.array([examine(foot, "navicular_drop", rng).values["navicular_drop_mm"] for _ in range(1000)])
    share = np.mean(drops > 10.0)
    sem = RELIABILITY["navicular_drop_mm"].sem
    claim(true <= 10.0 and share > 0.1, "a healthy foot often reads above the 10 mm limit")
    return (f"<p>A healthy foot whose true drop is {true:.0f} mm read above 10 mm in <b>{100 * share:.0f} %</b> of "
            f"1000 repeat readings (SEM {sem:.1f} mm). One reading of 11 mm is about half an SEM from the "
            "normal limit.</p>")


Predict(
    "One navicular drop test reads 11 mm. The normal limit is 10 mm and the test's SEM is 2.2 mm. "
    "What can you conclude about the arch?",
    options=["It has collapsed: 11 mm is over the limit", "Not much yet: 11 mm is within noise of normal",
             "It is healthy: 11 mm is close to 10 mm"],
    answer="Not much yet: 11 mm is within noise of normal",
    explanation="A reading 1 mm past the limit is less than one SEM away. A healthy foot can read that high, and "
    "a flat foot can read that low. Repeat the test, or look for a second finding that points the same way.",
    why_tempting={"It has collapsed: 11 mm is over the limit": "a cut-off feels exact, but the reading around it "
                  "is not: the limit does not remove the measurement error.",
                  "It is healthy: 11 mm is close to 10 mm": "close to normal is not the same as normal; noise "
                  "works in both directions."},
    reveal=repeat_readings,
)

# %% [markdown]
# ## Which test separates two causes?
#
# Tight [adductors](glossary.md#hip-adductors) (the inner-thigh muscles) and weak
# [hip abductors](glossary.md#hip-abductors) (the muscles at the side of the hip) both let the
# knee fall in. In a clinic you would like one test that tells them apart.
#
# **Predict 2.** Which one test best tells tight adductors from weak hip abductors?

# %% jupyter={"source_hidden": true} tags=["predict"]
def hip_tests():
    """True readings (no measurement error) of a healthy person, then with each hip cause."""
    healthy = {**PATIENT.inputs, "arch_collapse": 0.0}
    rows = {"healthy": healthy, "tight adductors": {**healthy, "adductor_tightness": 0.6},
            "weak abductors": {**healthy, "abductor_weakness": 0.7}}
    names = ("pelvic_drop_deg", "fppa_deg", "hip_abduction_range_deg", "hip_abductor_strength_pct_bw")
    values = {label: true_readings(inputs) for label, inputs in rows.items()}
    h, t, w = (values[k] for k in rows)
    claim(all(t[n] > h[n] + 2.0 and w[n] > h[n] + 2.0 for n in ("pelvic_drop_deg", "fppa_deg")),
          "both causes drop the pelvis and raise the projection angle")
    claim(abs(t["hip_abductor_strength_pct_bw"] - h["hip_abductor_strength_pct_bw"]) < 0.1
          and w["hip_abductor_strength_pct_bw"] < 0.8 * h["hip_abductor_strength_pct_bw"],
          "strength falls only with weak abductors")
    claim(abs(w["hip_abduction_range_deg"] - h["hip_abduction_range_deg"]) < 0.1
          and t["hip_abduction_range_deg"] < h["hip_abduction_range_deg"] - 5.0,
          "the abduction range falls only with tight adductors")
    head = "".join(f"<th>{READINGS[n].label} ({READINGS[n].unit})</th>" for n in names)
    body = "".join("<tr><td>" + label + "</td>" + "".join(f"<td>{values[label][n]:.1f}</td>" for n in names)
                   + "</tr>" for label in rows)
    return f"<table border='1' cellpadding='4'><tr><th>in the model</th>{head}</tr>{body}</table>"


Predict(
    "Which one test best tells tight adductors from weak hip abductors?",
    options=["Trendelenburg test (standing on one leg)", "2-D video of a single-leg squat",
             "Hip abductor strength (hand-held dynamometer)", "Q-angle"],
    answer="Hip abductor strength (hand-held dynamometer)",
    explanation="Both causes drop the pelvis and raise the projection angle, so those tests only say "
    "'something at the hip'. Strength falls only with weak abductors; the abduction range falls only with tight "
    "adductors. A test that only one cause moves separates them.",
    why_tempting={"Trendelenburg test (standing on one leg)": "it is the classic test of the abductors, but in "
                  "this model tight adductors also make the pelvis drop on one leg.",
                  "2-D video of a single-leg squat": "it shows the valgus itself, which every cause raises.",
                  "Q-angle": "it changes a little with many causes and has no direct link to either muscle."},
    reveal=hip_tests,
)

# %% [markdown]
# ## Measure a squat video
#
# 2-D screening films a [single-leg squat](glossary.md#single-leg-squat) from the front. Skin markers
# sit over the **ASIS** (anterior superior iliac spine, the bony point at the front of the pelvis),
# the knee centre and the ankle centre. The projection angle is the angle between the hip-to-knee
# and knee-to-ankle lines ([Munro et al. 2012](references.md#munro2012)). Click the three markers
# in that order, then type the angle you read.

# %%
MeasureTool(FRAME)

# %% jupyter={"source_hidden": true} tags=["check"]
NumberCheck(
    "What projection angle did you measure on the frame?",
    answer=lambda: FRAME.fppa_deg, tolerance=2.0, unit="°",
    explanation="Careful clicks land within a degree or two of the model's angle. Between days the published "
    "SEM is about 3° (Munro et al. 2012), because the squat itself varies.",
    hint="Click the centre of each white marker, top to bottom; the readout under the picture gives the angle.",
)

# %% [markdown]
# ## Your first case
#
# Read the story and choose tests within the time. Measure the video if you film it. Rate each cause
# as none, mild or marked, and submit. The feedback shows the true causes and the model's
# **per-cause breakdown**: each cause's share of the projection angle, against the same person
# without any cause. The shares are split fairly among the causes, as
# [Shapley values](glossary.md#shapley-value).

# %% tags=["nbval-check-output"]
print(PATIENT.story())
print(f"Time for examinations: {PATIENT.budget_minutes} min")

# %%
CaseWidget(PATIENT)

# %% jupyter={"source_hidden": true} tags=["check"]
ChoiceCheck(
    "Two squat videos a week apart give 12° and then 18°. Did the knee get worse?",
    ["Yes, by 6°", "We cannot tell: 6° is below the test's MDC95 of about 8°", "No, it improved"],
    correct="We cannot tell: 6° is below the test's MDC95 of about 8°",
    explanation="With an SEM of 3° the MDC95 is 1.96 × √2 × 3 ≈ 8.3°. A 6° change can be noise alone.",
    hint="Compare the change with the MDC95 in the table at the top.",
)

# %% [markdown]
# **Explain in your own words.** Which finding in your case pointed to its main cause? Was it further
# from normal than that test's MDC95? (Double-click, write, Shift+Enter.)
#
# *Your answer:*
#
# More cases, chosen by class code and case number, wait on the [clinic page](clinic_app.ipynb): the
# clinic without code.
#
# ## For instructors
#
# A class code gives each student different patients, the same ones every time (below). The clinic
# page saves each submission to a CSV file on the computer that serves it. A class summary then
# shows which causes the class missed most. The project's README gives the commands.

# %% tags=["nbval-check-output"]
for student, cases in class_set(["Student A", "Student B"], cases_each=2, seed="demo-class").items():
    print(student, [case.case_id for case in cases], [case.name for case in cases])

# %% [markdown]
# **Limits.** This is a teaching model, not a diagnostic tool. The patients come from the model, so
# every finding follows the model's mechanisms. Levels are bands chosen so that each cause has one
# test only it moves; real causes overlap more. Some measurement errors and normal ranges are
# teaching assumptions, marked as such. A real knee problem belongs with a clinician.
#
# ## Summary
#
# A single reading is the true value plus noise: judge it against its SEM and MDC95, not the cut-off alone.
# Tests that only one cause moves separate causes; the model's breakdown names the dominant one.
#
# **Next:** [09 · Bones and surgery](09_bones_and_surgery.ipynb)
