"""Self-check widgets of the lessons: right answers praise, wrong ones hint, malformed
input gets a readable message and never a traceback."""
from __future__ import annotations

import pytest

from biomech.app import explorer
from biomech.app.checks import ChoiceCheck, NumberCheck, StateCheck


def test_choice_check_feedback():
    q = ChoiceCheck("Where does the load line move?", ["medial", "lateral"], "lateral",
                    explanation="the knee moved inward.", hint="which side of the knee is the line on?")
    assert q.check() is None and "choose one" in q.feedback.value
    q.answer.value = "medial"
    assert q.check() is False and "Hint" in q.feedback.value and "data-result='wrong'" in q.feedback.value
    q.answer.value = "lateral"
    assert q.check() is True and "the knee moved inward" in q.feedback.value
    assert q.attempts == 3
    with pytest.raises(ValueError):
        ChoiceCheck("?", ["a"], "b", explanation="", hint="")


def test_number_check_reads_the_model_and_tolerates_formats():
    app = explorer(preset="child_3", task="knees_together")
    gap = app.result.intermalleolar_distance_mm
    q = NumberCheck("Ankle gap?", lambda: app.result.intermalleolar_distance_mm, tolerance=3, unit="mm",
                    explanation="well read.", hint="look at the readouts.")
    q.answer.value = "twelve"
    assert q.check() is None and "type a number" in q.feedback.value
    q.answer.value = f"{gap + 10:.1f} mm"
    assert q.check() is False
    q.answer.value = f"{gap:.1f}".replace(".", ",")
    assert q.check() is True and f"{gap:.1f} mm" in q.feedback.value
    app.set(age_years=25.0, height_m=1.65, mass_kg=60.0)  # the answer follows the explorer
    assert q.expected() == pytest.approx(app.result.intermalleolar_distance_mm)


def test_state_check_follows_the_explorer():
    app = explorer(task="single_leg_squat")
    q = StateCheck(app, "Push the projection angle past 12 degrees with the foot alone.",
                   lambda r, ui: r.fppa_deg > 12 and ui["abductor_weakness"] == 0,
                   explanation="the foot drives the shin.", hint="flatten the arch.",
                   describe=lambda r, ui: f"FPPA is {r.fppa_deg:+.1f}°.")
    assert q.check() is False and "flatten the arch" in q.feedback.value
    app.controls["arch_collapse"].value = 1.0
    app.controls["knee_flexion_deg"].value = 90.0
    assert app.result.fppa_deg > 12
    assert q.check() is True and "FPPA is" in q.feedback.value


def test_a_broken_condition_is_a_message_not_a_traceback():
    app = explorer()
    q = StateCheck(app, "?", lambda r, ui: r.no_such_measure > 0, explanation="", hint="")
    assert q.check() is None and "could not run" in q.feedback.value
