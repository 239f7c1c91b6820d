# %% [markdown]
# # 08 · The virtual clinic: finding the cause
#
# So far you switched causes on and watched the knee cave in. A clinician works the other way round.
# A person walks in with knees that cave in, and the clinician must find out why. Every test they use
# has a measurement error, and there is never time for every test.
#
# **Learning goals.** After this notebook (about 20 minutes) you can
#
# - say how far one clinical reading can be from the true value, using its measurement error;
# - tell a real change from measurement noise with the minimal detectable change;
# - choose tests that separate two causes, within a time budget;
# - measure the knee's projection angle on a video frame, as 2-D screening protocols do;
# - read the model's per-cause breakdown to name a patient's dominant cause.
#
# Signs as in the explorer: **+ = valgus** (knee toward the midline). Angles in degrees, lengths in mm.

# %% [markdown]
# ## How sure is one reading?
#
# Measure the same knee twice and you get two numbers. Reliability studies report the spread as the
# **standard error of measurement (SEM)**: about two readings in three fall within one SEM of the true
# value. The **minimal detectable change (MDC95)** is 1.96 × √2 × SEM. A difference between two readings
# smaller than that can be noise alone.
#
# Each test in the clinic takes its SEM from a published reliability study. Where none was found, the
# table says "teaching assumption".

# %%
# NBVAL_CHECK_OUTPUT
from biomech import references
from biomech.app.checks import ChoiceCheck, NumberCheck, Predict
from biomech.clinic import EXAMS, READINGS, RELIABILITY, mdc95

for exam in EXAMS.values():
    for reading in exam.readings:
        rel = RELIABILITY["mad_mm" if reading == "wbl_ratio_pct" else reading]
        unit = "mm (load line)" if reading == "wbl_ratio_pct" else READINGS[reading].unit
        source = "teaching assumption" if rel.is_assumption else references.cite(rel.source)
        size = f"{100 * rel.sem:.0f} % of the value" if rel.relative else f"{rel.sem:.1f} {unit}"
        detect = "" if rel.relative else f", MDC95 {mdc95(rel.sem):.1f}"
        print(f"{READINGS[reading].label:45s} SEM {size}{detect}  ({source})")

# %% [markdown]
# The **navicular drop** is how far the arch of the foot sinks from sitting to standing. Up to about
# 10 mm counts as normal (Nielsen et al. 2009).

# %%
from biomech.clinic import examine, make_case
import numpy as np


def repeat_readings():
    """A healthy foot with a true drop of 8 mm, measured 1000 times."""
    patient = make_case("lesson-08", 3, "easy")
    foot = {**patient.inputs, "arch_collapse": 1 / 6}
    rng = np.random.default_rng(8)
    drops = np.array([examine(foot, "navicular_drop", rng).values["navicular_drop_mm"] for _ in range(1000)])
    share = np.mean(drops > 10.0)
    return (f"<p>A healthy foot whose true drop is 8 mm read above 10 mm in <b>{100 * share:.0f} %</b> of 1000 "
            f"repeat readings (SEM 2.2 mm). One reading of 11 mm is about half an SEM from the normal limit.</p>")


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
# Tight adductors (the inner-thigh muscles) and weak hip abductors (the muscles at the side of the
# hip) both let the knee fall in. In a clinic you would like one test that tells them apart.

# %%
from biomech.clinic import true_readings


def hip_tests():
    person = make_case("lesson-08", 3, "easy").inputs
    healthy = {**person, "arch_collapse": 0.0}
    rows = {"healthy": healthy, "tight adductors": {**healthy, "adductor_tightness": 0.6},
            "weak abductors": {**healthy, "abductor_weakness": 0.7}}
    names = ("pelvic_drop_deg", "fppa_deg", "hip_abduction_range_deg", "hip_abductor_strength_pct_bw")
    head = "".join(f"<th>{READINGS[n].label} ({READINGS[n].unit})</th>" for n in names)
    body = "".join("<tr><td>" + label + "</td>" + "".join(f"<td>{true_readings(i)[n]:.1f}</td>" for n in names)
                   + "</tr>" for label, i in rows.items())
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
# 2-D screening films a single-leg squat from the front. Skin markers sit over the **ASIS** (anterior
# superior iliac spine, the bony point at the front of the pelvis), the knee centre and the ankle centre. The
# **frontal-plane projection angle (FPPA)** is the angle between the hip-to-knee and knee-to-ankle lines
# (Munro et al. 2012). Click the three markers in that order, then type the angle you read.

# %%
from biomech.clinic import MeasureTool, render_squat

frame = render_squat(make_case("lesson-08", 3, "easy").inputs, seed=8)
tool = MeasureTool(frame)
tool

# %%
NumberCheck(
    "What projection angle did you measure on the frame?",
    answer=lambda: frame.fppa_deg, tolerance=2.0, unit="°",
    explanation="Careful clicks land within a degree or two of the model's angle. Between days the published "
    "SEM is about 3° (Munro et al. 2012), because the squat itself varies.",
    hint="Click the centre of each white marker, top to bottom; the readout under the picture gives the angle.",
)

# %% [markdown]
# ## Your first case
#
# Read the story, choose tests within the time, measure the video if you film it, rate each cause as
# none, mild or marked, and submit. The feedback shows the true causes and the model's **per-cause
# breakdown**: each cause's share of the projection angle, from the same person without any cause.

# %%
# NBVAL_CHECK_OUTPUT
from biomech.clinic import CaseWidget

patient = make_case("lesson-08", 3, "easy")
print(patient.story())
print(f"Time for examinations: {patient.budget_minutes} min")

# %%
CaseWidget(patient)

# %%
ChoiceCheck(
    "Two squat videos a week apart give 12° and then 18°. Did the knee get worse?",
    ["Yes, by 6°", "We cannot tell: 6° is below the test's MDC95 of about 8°", "No, it improved"],
    correct="We cannot tell: 6° is below the test's MDC95 of about 8°",
    explanation="With an SEM of 3° the MDC95 is 1.96 × √2 × 3 ≈ 8.3°. A 6° change can be noise alone.",
    hint="Compare the change with the MDC95 in the table at the top.",
)

# %% [markdown]
# ## For instructors
#
# `class_set` gives each student different patients from one class code, the same every time. The
# clinic page (`make clinic`) saves each submission to a CSV file on the serving computer, and
# `summary_view` shows which causes the class missed most.

# %%
# NBVAL_CHECK_OUTPUT
from biomech.clinic import class_set

for student, cases in class_set(["Student A", "Student B"], cases_each=2, seed="demo-class").items():
    print(student, [case.case_id for case in cases], [case.name for case in cases])

# %% [markdown]
# ## Limits
#
# This is a teaching model, not a diagnostic tool. The patients come from the model, so every finding
# follows the model's mechanisms. Levels are bands chosen so that each cause has one test only it
# moves; real causes overlap more. Some measurement errors and normal ranges are teaching assumptions,
# marked as such. A real knee problem belongs with a clinician.
#
# ## Summary
#
# A single reading is the true value plus noise: judge it against its SEM and MDC, not the cut-off alone.
# Tests that only one cause moves separate causes; the model's breakdown names the dominant one.
#
# **Next:** work through five cases on the [clinic page](clinic_app.ipynb), or go back to
# [00 · Start here](00_start_here.ipynb).
