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

:class:`Predict` asks for a prediction first and shows the model's answer only after it::

    Predict("Which way does the load line move?", options=["medial", "lateral", "it does not move"],
            answer="lateral", explanation="...", why_tempting={"medial": "...", "it does not move": "..."},
            reveal=lambda: table({...}, ["load_axis_shift_mm"]))

:func:`table` prints results with the explorer's plain labels and units (never the
names used in code), for the lessons' printed tables.
"""

from __future__ import annotations

import logging
import math
import numbers
import weakref
from html import escape

import ipywidgets as widgets
import numpy as np

from ..views import readouts, style

log = logging.getLogger(__name__)

_BOX = widgets.Layout(border="1px solid #d5dbdb", padding="6px 10px", margin="8px 0", width="100%")


def _feedback_html(kind, text):
    colours = {
        "correct": ("#e9f7ef", "#1e8449", "Correct."),
        "wrong": ("#fef5e7", "#b9770e", "Not yet."),
        "error": ("#fdecea", "#922b21", "Please check your answer:"),
    }
    background, colour, lead = colours[kind]
    # Attributes in double quotes: the font list itself holds single quotes ('Segoe UI').
    return (
        f'<div style="font-family:{style.FONT}; background:{background}; color:{colour}; padding:6px 8px;'
        f' border-radius:4px" data-result="{kind}"><b>{lead}</b> {text}</div>'
    )


class _Check(widgets.VBox):
    """Common parts: question text, Check button, feedback area, attempts count."""

    def __init__(self, question, answer_widgets, hint, explanation):
        self.hint = hint
        self.explanation = explanation
        self.attempts = 0
        self.correct = None
        self.feedback = widgets.HTML("")
        self.button = widgets.Button(
            description="Check", icon="check", button_style="info", layout=widgets.Layout(width="110px")
        )
        self.button.on_click(lambda _: self.check())
        title = widgets.HTML(f'<div style="font-family:{style.FONT}"><b>Self-check.</b> {question}</div>')
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


# ---------------------------------------------------------------- predict, then reveal

_REVEAL_BOX = widgets.Layout(border="1px solid #d5dbdb", padding="6px 10px", margin="8px 0", width="100%")


def _html_block(background, colour, body, result):
    return (
        f'<div style="font-family:{style.FONT}; background:{background}; color:{colour}; padding:6px 8px;'
        f' border-radius:4px; margin:4px 0" data-result="{result}">{body}</div>'
    )


def _as_number(value):
    """A float from a number or a typed text ("12,5 mm" -> 12.5); None when there is none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Real):
        number = float(value)
        return number if math.isfinite(number) else None
    text = str(value).strip().replace(",", ".").replace("\u2212", "-")
    try:
        number = float(text.split()[0]) if text else None
    except ValueError:
        return None
    return number if number is not None and math.isfinite(number) else None


class Predict(widgets.VBox):
    """Predict, then reveal: the learner commits to a prediction before seeing the model's
    answer, the explanation and what the model did.

    Parameters
    ----------
    question : str
        The question (plain text or HTML).
    options : list of str, optional
        The choices of a multiple-choice prediction. Wrong options should be real
        misconceptions; ``why_tempting`` says why each one is tempting.
    answer : str, float or callable
        The correct option; with ``number=True`` a number [``unit``] or a function of no
        arguments returning one (e.g. read from the model when the prediction is made).
    explanation : str
        Why the answer is right, shown after the prediction.
    why_tempting : dict, optional
        Wrong option -> why it is tempting (shown when that option was predicted). With
        ``number=True`` a function of the predicted number returning such a text or None.
    reveal : callable, optional
        Function of no arguments returning text, HTML (a string starting with "<") or a
        widget: "what the model did", computed when the prediction is made, so its numbers
        always come from the current model.
    number : bool
        True for a numeric prediction typed by the learner.
    tolerance : float, optional
        How close a numeric prediction must be to count as matching [``unit``]; by default
        10 % of the model's value, at least 0.5.
    unit : str
        Unit of a numeric prediction.

    The prediction is recorded (``prediction``) and locked once submitted; only then is
    ``revealed`` True and the answer on screen. Nothing a learner types raises: an empty or
    malformed answer gets a readable message. A definition that cannot work (an answer
    that is not one of the options) raises ``ValueError`` when the cell runs, so a lesson
    author sees it at once. If computing the answer or the reveal fails, the learner sees
    a message instead of a traceback, and ``problems`` lists what failed (tests read it).

    Examples
    --------
    >>> p = Predict("2 + 2?", options=["3", "4"], answer="4", explanation="Count.",
    ...             why_tempting={"3": "an off-by-one slip"})
    >>> p.revealed, p.submit("3"), p.revealed, p.prediction
    (False, False, True, '3')
    """

    #: Every Predict built in this process (tests press them all).
    instances = weakref.WeakSet()

    def __init__(
        self,
        question,
        *,
        options=None,
        answer,
        explanation,
        why_tempting=None,
        reveal=None,
        number=False,
        tolerance=None,
        unit="",
    ):
        self._validate(options, answer, why_tempting, number, tolerance)
        self.question = question
        self.options = list(options) if options is not None else None
        self.answer_source = answer
        self.explanation = explanation
        self.why_tempting = why_tempting if why_tempting is not None else {}
        self.reveal_source = reveal
        self.number = bool(number)
        self.tolerance = tolerance
        self.unit = unit
        self.prediction = None
        self.revealed = False
        self.correct = None
        self.attempts = 0
        self.problems = []
        if self.number:
            self.answer = widgets.Text(
                placeholder=f"your prediction{' in ' + unit if unit else ''}", layout=widgets.Layout(width="240px")
            )
        else:
            self.answer = widgets.RadioButtons(options=self.options, value=None, layout=widgets.Layout(width="auto"))
        self.button = widgets.Button(
            description="Lock in my prediction",
            icon="lock",
            button_style="warning",
            layout=widgets.Layout(width="220px"),
        )
        self.button.on_click(lambda _: self.check())
        self.feedback = widgets.HTML("")
        self.reveal_area = widgets.VBox([])
        title = widgets.HTML(
            f'<div style="font-family:{style.FONT}"><b>Predict first.</b> {question}<br>'
            "<span style='color:#5d6d7e'>The model's answer appears once you lock in "
            "your prediction.</span></div>"
        )
        super().__init__([title, self.answer, self.button, self.feedback, self.reveal_area], layout=_REVEAL_BOX)
        self.add_class("bm-predict")
        Predict.instances.add(self)

    @staticmethod
    def _validate(options, answer, why_tempting, number, tolerance):
        """Refuse a definition that cannot work (an authoring error, raised when the cell runs)."""
        if number:
            if options is not None:
                raise ValueError("a numeric prediction (number=True) takes no options")
            if not callable(answer) and _as_number(answer) is None:
                raise ValueError(f"answer = {answer!r} must be a number or a function returning one")
            if tolerance is not None and not (_as_number(tolerance) is not None and tolerance >= 0):
                raise ValueError(f"tolerance = {tolerance!r} must be a number >= 0")
            if why_tempting is not None and not callable(why_tempting):
                raise ValueError("with number=True, why_tempting is a function of the predicted number")
            return
        if not options or len(options) < 2 or len(set(options)) != len(options):
            raise ValueError(f"options = {options!r}: give at least two different choices")
        if not callable(answer) and answer not in options:
            raise ValueError(f"answer = {answer!r} is not one of the options {list(options)!r}")
        unknown = [k for k in (why_tempting or {}) if k not in options or k == answer]
        if unknown:
            raise ValueError(f"why_tempting names {unknown!r}, which are not wrong options")

    # -- the answer ------------------------------------------------------------------
    def expected(self):
        """The model's answer: the correct option, or the number [unit] (computed now)."""
        value = self.answer_source() if callable(self.answer_source) else self.answer_source
        if self.number:
            number = _as_number(value)
            if number is None:
                raise ValueError(f"the model's answer is not a number ({value!r})")
            return number
        if value not in self.options:
            raise ValueError(f"the model's answer {value!r} is not one of the options")
        return value

    def _matches(self, predicted, expected):
        if not self.number:
            return predicted == expected
        tolerance = self.tolerance if self.tolerance is not None else max(0.1 * abs(expected), 0.5)
        return abs(predicted - expected) <= tolerance

    # -- pressing the button ---------------------------------------------------------
    def submit(self, value=None):
        """Record the prediction (``value``, or what is in the answer box) and reveal.

        Returns True when the prediction matches the model, False when it does not, and
        None when there is nothing valid to record (a message says what to do)."""
        self.attempts += 1
        if self.revealed:
            self._say("note", "Your prediction is already locked in; the answer is below.")
            return self.correct
        predicted = self._read(value)
        if predicted is None:
            return None
        self.prediction = predicted
        self.revealed = True
        self.answer.disabled = True
        self.button.disabled = True
        self.feedback.value = ""
        try:
            expected = self.expected()
        except Exception as exc:  # a lesson must never show a traceback
            log.exception("prediction answer failed")
            self.problems.append(f"answer: {exc}")
            self.reveal_area.children = [
                widgets.HTML(
                    _feedback_html(
                        "error",
                        escape(f"your prediction is recorded, but the model's answer could not be computed ({exc})."),
                    )
                )
            ]
            return None
        self.correct = self._matches(predicted, expected)
        self.reveal_area.children = self._reveal_children(predicted, expected)
        return self.correct

    def check(self):
        """The button: :meth:`submit` what is in the answer box."""
        return self.submit()

    def _read(self, value):
        """The prediction as recorded (option text or number), or None with a message."""
        if self.number:
            raw = self.answer.value if value is None else value
            predicted = _as_number(raw)
            if predicted is None:
                example = f"12.5 {self.unit}".strip()
                self._say(
                    "error",
                    escape(
                        f"type a number{' in ' + self.unit if self.unit else ''}, for example "
                        f"{example} (you typed {str(raw)!r})."
                    ),
                )
                return None
            if value is not None:
                self.answer.value = f"{predicted:g}"
            return predicted
        raw = self.answer.value if value is None else value
        if raw is None:
            self._say("error", "choose one of the options first.")
            return None
        if raw not in self.options:
            self._say("error", escape(f"{raw!r} is not one of the options."))
            return None
        if value is not None:
            self.answer.value = raw
        return raw

    def _say(self, kind, text):
        if kind == "note":
            self.feedback.value = _html_block("#eaf2f8", "#1f618d", text, "note")
        else:
            self.feedback.value = _feedback_html("error", text)

    # -- what the learner sees after predicting --------------------------------------
    def _reveal_children(self, predicted, expected):
        if self.number:
            said = f"You predicted {predicted:g} {self.unit}; the model gives {expected:.1f} {self.unit}."
        else:
            said = f"You predicted: <i>{escape(predicted)}</i>. The model's answer: <b>{escape(expected)}</b>."
        verdict = "Your prediction matches the model." if self.correct else "The model says otherwise."
        colours = ("#e9f7ef", "#1e8449") if self.correct else ("#fef5e7", "#9a5b08")
        parts = [_html_block(*colours, f"<b>{verdict}</b> {said}", "correct" if self.correct else "wrong")]
        tempting = self._tempting_text(predicted)
        if tempting:
            parts.append(_html_block("#fdfefe", "#34495e", f"<b>Why that is tempting:</b> {tempting}", "tempting"))
        parts.append(_html_block("#fdfefe", "#1c2833", f"<b>Why:</b> {self.explanation}", "explanation"))
        children = [widgets.HTML("".join(parts))]
        shown = self._reveal_content()
        if shown is not None:
            children.append(shown)
        return children

    def _tempting_text(self, predicted):
        if self.correct:
            return ""
        if self.number:
            try:
                return self.why_tempting(predicted) if callable(self.why_tempting) else ""
            except Exception as exc:
                log.exception("why_tempting failed")
                self.problems.append(f"why_tempting: {exc}")
                return ""
        return self.why_tempting.get(predicted, "")

    def _reveal_content(self):
        """The "what the model did" part as a widget, or None."""
        if self.reveal_source is None:
            return None
        try:
            content = self.reveal_source()
        except Exception as exc:  # a lesson must never show a traceback
            log.exception("prediction reveal failed")
            self.problems.append(f"reveal: {exc}")
            return widgets.HTML(_feedback_html("error", escape(f"what the model did could not be shown ({exc}).")))
        if isinstance(content, widgets.Widget):
            return content
        text = "" if content is None else str(content)
        if text.lstrip().startswith("<"):
            return widgets.HTML(f'<div style="font-family:{style.FONT}">{text}</div>')
        return widgets.HTML(f"<pre style='font-size:12px; line-height:1.35; margin:4px 0'>{escape(text)}</pre>")

    @property
    def revealed_text(self):
        """Everything the reveal shows, as HTML/text (empty before the prediction)."""
        texts = []
        for child in self.reveal_area.children:
            if isinstance(child, widgets.HTML):
                texts.append(child.value)
        return "\n".join(texts)


# ---------------------------------------------------------------- plain tables

#: Plain labels of outputs the explorer's readouts do not show: (label, unit, scale).
_EXTRA_LABELS = {
    "knee_flexion_deg": ("Knee flexion", "deg", 1.0),
    "hip_flexion_deg": ("Hip flexion", "deg", 1.0),
    "lost_abduction_deg": ("Hip abduction range lost", "deg", 1.0),
    "hip_width_mm": ("Distance between the hip centres", "mm", 1.0),
    "constitutional_hka_deg": ("Bone alignment (HKA of the bones)", "deg", 1.0),
    "mldfa_deg": ("Femur's joint angle, mLDFA", "deg", 1.0),
    "mpta_deg": ("Tibia's joint angle, MPTA", "deg", 1.0),
    "jlca_deg": ("Joint-line convergence, JLCA", "deg", 1.0),
    "plateau_width_mm": ("Width of the tibial plateau", "mm", 1.0),
    "medial_contact_force_bw": ("Inner (medial) contact force", "x body weight", 1.0),
    "lateral_contact_force_bw": ("Outer (lateral) contact force", "x body weight", 1.0),
    "quadriceps_force_bw": ("Quadriceps force", "x body weight", 1.0),
}
_UNIT_WORDS = {"°": "deg", "× body weight": "x body weight"}


def label(name):
    """``(plain label, unit, scale)`` of an output: the explorer's words, never the code name."""
    for _, entries in readouts.GROUPS:
        for output, text, unit, scale in entries:
            if output == name:
                return text, _UNIT_WORDS.get(unit, unit), scale
    if name in _EXTRA_LABELS:
        return _EXTRA_LABELS[name]
    raise KeyError(f"no plain label for {name!r}")


def table(columns, names, *, digits=1):
    """A fixed-width text table: one row per output ``name`` (plain label and unit), one
    column per entry of ``columns`` (column title -> :class:`biomech.Result` or a mapping
    of output name to value). Values are multiplied by the label's scale (shares in %);
    angles and signed distances carry their sign (+ = valgus side)."""
    titles = list(columns)
    width = max(len(f"{label(n)[0]} ({label(n)[1]})") for n in names)
    lines = [" " * width + "".join(f"  {t:>14s}" for t in titles)]
    for name in names:
        text, unit, scale = label(name)
        sign = "+" if name in readouts.SIGNED else ""
        cells = []
        for title in titles:
            source = columns[title]
            value = source[name] if isinstance(source, dict) else getattr(source, name)
            cells.append(f"  {float(np.asarray(value)) * scale:>{sign}14.{digits}f}")
        lines.append(f"{text + ' (' + unit + ')':<{width}s}" + "".join(cells))
    return "\n".join(lines)


def ranges(result, names):
    """Text table of ``result``: plain label, value with unit, the published normal range and
    the verdict, or "no verdict" with the task the range was measured in (the readouts' rule:
    a value is judged only against a range measured in the same task)."""
    from .. import norms  # the norms pull in the subject model; only lessons need them here

    rows = []
    for name in names:
        text, unit, scale = label(name)
        value = getattr(result, name) * scale
        rng, bounds, verdict = norms.judge(name, result)
        if rng is not None and rng.per_kg:
            # A range per kg of body mass is compared with the value per kg, never with N m.
            value, unit = value / result.inputs["mass_kg"], f"{unit}/kg"
        if rng is None:
            normal, verdict_text = "no published range", ""
        else:
            low, high = bounds
            normal = (
                f"{low:.2g} to {high:.2g} N m/kg" if rng.per_kg else f"{low * scale:.3g} to {high * scale:.3g} {unit}"
            )
            verdict_text = verdict if verdict else f"no verdict (measured in: {rng.context})"
        digits = 2 if abs(value) < 1 else 1
        rows.append(
            (
                f"{text} ({unit})",
                f"{value:+.{digits}f}" if name in readouts.SIGNED else f"{value:.{digits}f}",
                normal,
                verdict_text,
            )
        )
    width = max(len(r[0]) for r in rows)
    lines = [f"{'':<{width}s}  {'value':>8s}  {'published normal range':<24s} verdict"]
    lines += [f"{a:<{width}s}  {b:>8s}  {c:<24s} {d}" for a, b, c, d in rows]
    return "\n".join(lines)


def claim(condition, statement):
    """Raise ``ValueError("the model no longer shows that <statement>")`` unless ``condition``.

    A reveal calls this for each statement its explanation makes about the model, so a
    model change that contradicts the lesson shows up as a message (and in the tests)
    instead of a silently wrong explanation."""
    if not bool(condition):
        raise ValueError(f"the model no longer shows that {statement}")
