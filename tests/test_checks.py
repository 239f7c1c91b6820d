"""Self-check widgets of the lessons: right answers praise, wrong ones hint, malformed
input gets a readable message and never a traceback."""

from __future__ import annotations

import pytest

from biomech.app import explorer
from biomech.app.checks import ChoiceCheck, NumberCheck, StateCheck


def test_choice_check_feedback():
    q = ChoiceCheck(
        "Where does the load line move?",
        ["medial", "lateral"],
        "lateral",
        explanation="the knee moved inward.",
        hint="which side of the knee is the line on?",
    )
    assert q.check() is None and "choose one" in q.feedback.value
    q.answer.value = "medial"
    assert q.check() is False and "Hint" in q.feedback.value and 'data-result="wrong"' in q.feedback.value
    q.answer.value = "lateral"
    assert q.check() is True and "the knee moved inward" in q.feedback.value
    assert q.attempts == 3
    with pytest.raises(ValueError):
        ChoiceCheck("?", ["a"], "b", explanation="", hint="")


def test_number_check_reads_the_model_and_tolerates_formats():
    app = explorer(preset="child_3", task="knees_together")
    gap = app.result.intermalleolar_distance_mm
    q = NumberCheck(
        "Ankle gap?",
        lambda: app.result.intermalleolar_distance_mm,
        tolerance=3,
        unit="mm",
        explanation="well read.",
        hint="look at the readouts.",
    )
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
    q = StateCheck(
        app,
        "Push the projection angle past 12 degrees with the foot alone.",
        lambda r, ui: r.fppa_deg > 12 and ui["abductor_weakness"] == 0,
        explanation="the foot drives the shin.",
        hint="flatten the arch.",
        describe=lambda r, ui: f"FPPA is {r.fppa_deg:+.1f}°.",
    )
    assert q.check() is False and "flatten the arch" in q.feedback.value
    app.controls["arch_collapse"].value = 1.0
    app.controls["knee_flexion_deg"].value = 90.0
    assert app.result.fppa_deg > 12
    assert q.check() is True and "FPPA is" in q.feedback.value


def test_a_broken_condition_is_a_message_not_a_traceback():
    app = explorer()
    q = StateCheck(app, "?", lambda r, ui: r.no_such_measure > 0, explanation="", hint="")
    assert q.check() is None and "could not run" in q.feedback.value


# ---------------------------------------------------------------- Predict: predict, then reveal

import ipywidgets as widgets  # noqa: E402 - grouped with the Predict tests

import biomech  # noqa: E402
from biomech.app.checks import Predict, claim, label, ranges, table  # noqa: E402

OPTIONS = ["toward the inside (medial)", "toward the outside (lateral)", "it does not move"]


def choice_predict(**overrides):
    kwargs = dict(
        options=OPTIONS,
        answer=OPTIONS[1],
        explanation="the knee moved past the line.",
        why_tempting={OPTIONS[0]: "the foot moves inward too.", OPTIONS[2]: "the foot seems far away."},
        reveal=lambda: "shift +4.6 to +16.2 mm",
    )
    kwargs.update(overrides)
    return Predict("Which way does the load line move?", **kwargs)


def test_nothing_is_revealed_before_a_prediction():
    p = choice_predict()
    assert not p.revealed and p.prediction is None and p.reveal_area.children == ()
    assert "the knee moved past the line" not in repr(p.children[0].value)
    assert p.submit() is None and "choose one of the options" in p.feedback.value
    assert not p.revealed and p.revealed_text == ""
    assert p.submit("sideways") is None and "not one of the options" in p.feedback.value and not p.revealed


def test_a_wrong_prediction_is_recorded_then_revealed_with_why_it_is_tempting():
    p = choice_predict()
    assert p.submit(OPTIONS[0]) is False
    assert p.revealed and p.prediction == OPTIONS[0] and p.correct is False
    text = p.revealed_text
    assert "the foot moves inward too." in text and "the knee moved past the line." in text
    assert "shift +4.6 to +16.2 mm" in text and 'data-result="wrong"' in text
    assert p.answer.disabled and p.button.disabled
    # The prediction is locked: a second press changes nothing.
    assert p.submit(OPTIONS[1]) is False and p.prediction == OPTIONS[0] and "already locked in" in p.feedback.value


def test_the_button_submits_what_is_selected():
    p = choice_predict()
    p.answer.value = OPTIONS[1]
    p.button.click()
    assert p.revealed and p.correct is True and 'data-result="correct"' in p.revealed_text
    assert "Why that is tempting" not in p.revealed_text


def test_a_numeric_prediction_reads_the_model_and_tolerates_formats():
    woman = dict(task="single_leg_squat", knee_flexion_deg=45.0)
    p = Predict(
        "FPPA?",
        number=True,
        answer=lambda: biomech.simulate(**woman).fppa_deg,
        tolerance=3.0,
        unit="deg",
        explanation="a little inward is normal.",
        why_tempting=lambda value: "a straight knee seems right." if value < 1.5 else None,
    )
    p.answer.value = "four"
    assert p.check() is None and "type a number" in p.feedback.value and not p.revealed
    assert p.submit("0,5 deg") is False and p.prediction == 0.5
    expected = biomech.simulate(**woman).fppa_deg
    assert f"{expected:.1f} deg" in p.revealed_text and "a straight knee seems right." in p.revealed_text
    close = Predict("FPPA?", number=True, answer=expected, explanation="x")  # default tolerance: 10 %, at least 0.5
    assert close.submit(expected + 0.4) is True


def test_reveal_content_can_be_html_or_a_widget():
    html = choice_predict(reveal=lambda: "<p>in <b>HTML</b></p>")
    html.submit(OPTIONS[1])
    assert "<b>HTML</b>" in html.revealed_text
    chart = widgets.HTML("a chart")
    shown = choice_predict(reveal=lambda: chart)
    shown.submit(OPTIONS[1])
    assert chart in shown.reveal_area.children


def test_a_failing_reveal_or_answer_is_a_message_not_a_traceback():
    def broken():
        claim(False, "the load line moves lateral")

    p = choice_predict(reveal=broken)
    assert p.submit(OPTIONS[1]) is True
    assert "could not be shown" in p.revealed_text and p.problems == [
        "reveal: the model no longer shows that the load line moves lateral"
    ]
    q = Predict("?", number=True, answer=lambda: 1 / 0, explanation="x")
    assert q.submit("3") is None and q.revealed and "could not be computed" in q.revealed_text and q.problems


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(options=["a", "b"], answer="c"), "not one of the options"),
        (dict(options=["a"], answer="a"), "at least two"),
        (dict(options=["a", "b"], answer="a", why_tempting={"a": "x"}), "not wrong options"),
        (dict(number=True, options=["a", "b"], answer=1.0), "takes no options"),
        (dict(number=True, answer="many"), "must be a number"),
        (dict(number=True, answer=1.0, tolerance=-1), "tolerance"),
    ],
)
def test_a_definition_that_cannot_work_is_refused_when_the_cell_runs(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Predict("?", explanation="x", **kwargs)


def test_plain_tables_use_the_explorers_labels_and_units():
    standing = biomech.simulate(task="stand")
    text = table({"standing": standing}, ["hka_deg", "medial_load_fraction", "knee_contact_force_bw"])
    assert "Hip-knee-ankle angle (HKA) (deg)" in text and "Medial (inner) share of knee load (%)" in text
    assert "hka_deg" not in text and f"{100 * standing.medial_load_fraction:.1f}" in text
    assert label("hip_width_mm")[0] == "Distance between the hip centres"
    with pytest.raises(KeyError):
        label("no_such_output")
    judged = ranges(standing, ["hka_deg", "fppa_deg", "knee_adduction_moment_nm"])
    assert "normal" in judged and "no verdict (measured in: single-leg squat" in judged
    assert "N m/kg" in judged.splitlines()[3], "a per-kg range is compared with the value per kg"
