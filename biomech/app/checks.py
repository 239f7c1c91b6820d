"""Self-check widgets for the lessons: a question, an answer box or the explorer's
state, a Check button, and feedback that says "correct" with the reason, or "not yet"
with a hint. They never raise: a malformed answer gets a readable message.

Three kinds::

    ChoiceCheck("Which way does the load line move?", ["medial", "lateral"], correct="lateral",
                explanation="...", hint="...")
    NumberCheck("Ankle gap of this child, in mm?", answer=lambda: app.result.intermalleolar_distance_mm,
                tolerance=5, unit="mm", hint="...", explanation="...")
    StateCheck(app, "Make the projection angle pass 15 degrees using only the foot.",
               condition=lambda r, ui: r.fppa_deg > 15 and ui["arch_collapse"] > 0 and ..., hint=..., explanation=...)

``check()`` runs the same code as the button, so tests can press it.
"""
from __future__ import annotations

import logging
from html import escape

import ipywidgets as widgets

from ..views import style

log = logging.getLogger(__name__)

_BOX = widgets.Layout(border="1px solid #d5dbdb", padding="6px 10px", margin="8px 0", width="100%")


def _feedback_html(kind, text):
    colours = {"correct": ("#e9f7ef", "#1e8449", "Correct."), "wrong": ("#fef5e7", "#b9770e", "Not yet."),
               "error": ("#fdecea", "#922b21", "Please check your answer:")}
    background, colour, lead = colours[kind]
    return (f"<div style='font-family:{style.FONT}; background:{background}; color:{colour}; padding:6px 8px;"
            f" border-radius:4px' data-result='{kind}'><b>{lead}</b> {text}</div>")


class _Check(widgets.VBox):
    """Common parts: question text, Check button, feedback area, attempts count."""

    def __init__(self, question, answer_widgets, hint, explanation):
        self.hint = hint
        self.explanation = explanation
        self.attempts = 0
        self.correct = None
        self.feedback = widgets.HTML("")
        self.button = widgets.Button(description="Check", icon="check", button_style="info",
                                     layout=widgets.Layout(width="110px"))
        self.button.on_click(lambda _: self.check())
        title = widgets.HTML(f"<div style='font-family:{style.FONT}'><b>Self-check.</b> {question}</div>")
        super().__init__([title, *answer_widgets, self.button, self.feedback], layout=_BOX)
        self.add_class("bm-check")

    def _evaluate(self):
        raise NotImplementedError

    def check(self):
        """Judge the current answer and show feedback; returns True, False or None (bad input)."""
        self.attempts += 1
        try:
            ok, detail = self._evaluate()
        except ValueError as exc:
            self.correct = None
            self.feedback.value = _feedback_html("error", escape(str(exc)))
            return None
        except Exception as exc:  # a lesson must never show a traceback
            log.exception("self-check failed")
            self.correct = None
            self.feedback.value = _feedback_html("error", escape(f"this check could not run ({exc})."))
            return None
        self.correct = ok
        if ok:
            self.feedback.value = _feedback_html("correct", f"{detail}{self.explanation}")
        else:
            self.feedback.value = _feedback_html("wrong", f"{detail}Hint: {self.hint}")
        return ok


class ChoiceCheck(_Check):
    """Multiple choice: one correct option among ``options``."""

    def __init__(self, question, options, correct, *, explanation, hint):
        if correct not in options:
            raise ValueError(f"correct = {correct!r} is not one of the options {options!r}")
        self.answer = widgets.RadioButtons(options=list(options), value=None, layout=widgets.Layout(width="auto"))
        self.right_answer = correct
        super().__init__(question, [self.answer], hint, explanation)

    def _evaluate(self):
        if self.answer.value is None:
            raise ValueError("choose one of the options first.")
        return self.answer.value == self.right_answer, ""


class NumberCheck(_Check):
    """A number typed by the learner, judged against ``answer`` (a number, or a function
    returning one, e.g. read from the explorer) within ``tolerance`` [same unit]."""

    def __init__(self, question, answer, *, tolerance, unit, explanation, hint):
        self.answer_source = answer
        self.tolerance = tolerance
        self.unit = unit
        self.answer = widgets.Text(placeholder=f"your answer in {unit}", layout=widgets.Layout(width="220px"))
        super().__init__(question, [self.answer], hint, explanation)

    def expected(self):
        """The value the learner should find [unit]."""
        return float(self.answer_source() if callable(self.answer_source) else self.answer_source)

    def _evaluate(self):
        text = self.answer.value.strip().replace(",", ".")
        try:
            given = float(text.split()[0]) if text else None
        except ValueError:
            given = None
        if given is None:
            raise ValueError(f"type a number in {self.unit}, for example 12.5 (you typed {self.answer.value!r}).")
        expected = self.expected()
        ok = abs(given - expected) <= self.tolerance
        detail = f"The model gives {expected:.1f} {self.unit}; you said {given:g} {self.unit}. " if ok else ""
        return ok, detail


class StateCheck(_Check):
    """A task done in the explorer: ``condition(result, ui)`` must hold for the
    explorer's current :class:`biomech.Result` and control values."""

    def __init__(self, app, question, condition, *, explanation, hint, describe=None):
        self.app = app
        self.condition = condition
        self.describe = describe
        super().__init__(question, [], hint, explanation)

    def _evaluate(self):
        result = self.app.result
        ok = bool(self.condition(result, self.app.ui))
        detail = f"{self.describe(result, self.app.ui)} " if self.describe else ""
        return ok, detail
