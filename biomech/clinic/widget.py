"""The case widget: story -> choose tests -> results -> measure the squat video -> rate
each cause -> submit -> feedback and score.

Every button runs a method a script or a test can call too (:meth:`CaseWidget.choose`,
:meth:`~CaseWidget.run_tests`, :meth:`~CaseWidget.rate`, :meth:`~CaseWidget.submit`).
A bad step (too little time left, a missing rating, a click off the picture) shows a
readable message and keeps every earlier answer; no action shows a traceback.
"""

from __future__ import annotations

import logging

import ipywidgets as widgets
import numpy as np

from .causes import CAUSES, LEVELS
from .classroom import record_row, save_record
from .examinations import EXAMS, ExamResult, examine
from .feedback import feedback_html, note, results_html, story_html
from .patients import case_seed
from .reasoning import informativeness
from .reliability import RELIABILITY
from .rendering import render_squat
from .scoring import missing_ratings, score
from .tool import MeasureTool

log = logging.getLogger(__name__)


class CaseWidget(widgets.VBox):
    """One virtual patient to examine.

    Parameters
    ----------
    patient : biomech.clinic.Patient
    student, class_code : str
        Written to the records file with the answers.
    record_to : path or None
        CSV file the submitted answers are appended to (None: not saved).
    """

    def __init__(self, patient, *, student="", class_code="", record_to=None):
        self.patient = patient
        self.student, self.class_code, self.record_to = student, class_code, record_to
        self.results = {}
        self.submitted = None
        # Measurement noise of this case: the same every time the case is opened.
        self._rng = np.random.default_rng([case_seed(patient.seed, patient.index), 1])
        self.story = widgets.HTML(story_html(patient, patient.budget_minutes))
        self.test_boxes = {
            key: widgets.Checkbox(
                value=False,
                indent=False,
                description=f"{exam.label} ({exam.minutes} min)",
                tooltip=exam.how,
                layout=widgets.Layout(width="auto"),
            )
            for key, exam in EXAMS.items()
        }
        self.run_button = widgets.Button(
            description="Do the chosen tests",
            button_style="primary",
            icon="stethoscope",
            layout=widgets.Layout(width="auto"),
        )
        self.run_button.on_click(lambda _: self._safely(self.run_tests))
        self.message = widgets.HTML("")
        self.results_table = widgets.HTML("")
        self.frame = None
        self.tool = MeasureTool()
        self.tool.on_measure(lambda _: self._refresh_results())
        self.tool_box = widgets.VBox([])
        self.ratings = {
            key: widgets.ToggleButtons(options=list(LEVELS), value=None, style={"button_width": "80px"})
            for key in CAUSES
        }
        for key, toggle in self.ratings.items():
            toggle.add_class(f"bm-rate-{key}")
        self.reasoning = widgets.Textarea(
            placeholder="Your reasoning: which findings point to which cause, and why?",
            layout=widgets.Layout(width="95%", height="80px"),
        )
        self.submit_button = widgets.Button(description="Submit", button_style="success", icon="check")
        self.submit_button.on_click(lambda _: self._safely(self.submit))
        self.feedback = widgets.HTML("")
        rating_rows = [
            widgets.HBox([widgets.HTML(f"<div style='width:220px'>{CAUSES[k].label}</div>"), t])
            for k, t in self.ratings.items()
        ]
        super().__init__(
            [
                self.story,
                widgets.HTML("<b>1. Choose tests</b> (hover for what each one does)"),
                widgets.VBox(list(self.test_boxes.values())),
                self.run_button,
                self.message,
                widgets.HTML("<b>2. Results</b>"),
                self.results_table,
                self.tool_box,
                widgets.HTML("<b>3. Rate each cause</b> (none / mild / marked)"),
                *rating_rows,
                self.reasoning,
                self.submit_button,
                self.feedback,
            ]
        )
        self.add_class("bm-case")

    # --- time ---------------------------------------------------------------------
    @property
    def minutes_used(self):
        return sum(EXAMS[key].minutes for key in self.results)

    @property
    def minutes_left(self):
        return self.patient.budget_minutes - self.minutes_used

    # --- tests --------------------------------------------------------------------
    def choose(self, *exams):
        """Tick the boxes of these examinations (keys of :data:`~biomech.clinic.EXAMS`)."""
        for key in exams:
            if key not in self.test_boxes:
                raise ValueError(f"unknown test {key!r}; choose from {', '.join(EXAMS)}")
            self.test_boxes[key].value = True

    def run_tests(self):
        """Do the ticked tests that were not done yet, if the time allows; returns the keys done."""
        if self.submitted is not None:
            self.message.value = note("info", "this case is submitted; open a new case to examine again")
            return []
        chosen = [k for k, box in self.test_boxes.items() if box.value and k not in self.results]
        if not chosen:
            self.message.value = note("error", "tick at least one test that has not been done yet")
            return []
        needed = sum(EXAMS[k].minutes for k in chosen)
        if needed > self.minutes_left:
            self.message.value = note(
                "error",
                f"these tests take {needed} min but only {self.minutes_left} min are "
                "left: untick some (nothing was lost)",
            )
            return []
        for key in chosen:
            if key == "fppa_video":
                self._start_video()
            else:
                self.results[key] = examine(self.patient.inputs, key, self._rng)
            self.test_boxes[key].disabled = True
            self.test_boxes[key].description = f"{EXAMS[key].label} (done)"
        self.message.value = note(
            "ok", f"Done: {', '.join(EXAMS[k].label for k in chosen)}. {self.minutes_left} min left."
        )
        self.story.value = story_html(self.patient, self.minutes_left)
        self._refresh_results()
        return chosen

    def _start_video(self):
        self.frame = render_squat(self.patient.inputs, seed=case_seed(self.patient.seed, self.patient.index))
        self.tool.show_frame(self.frame)
        self.tool_box.children = [widgets.HTML("<b>Video frame of the single-leg squat</b> (right leg)"), self.tool]
        self.results["fppa_video"] = None  # measured by the student on the frame

    def _fppa_result(self):
        if self.tool.fppa_deg is None:
            return None
        return ExamResult("fppa_video", {"fppa_deg": self.tool.fppa_deg}, {"fppa_deg": RELIABILITY["fppa_deg"].sem})

    def recorded(self):
        """The examination results so far (the video counts once measured)."""
        done = {k: r for k, r in self.results.items() if r is not None}
        if "fppa_video" in self.results and self._fppa_result() is not None:
            done["fppa_video"] = self._fppa_result()
        return done

    def _refresh_results(self):
        pending = "fppa_video" in self.results and self.tool.fppa_deg is None
        self.results_table.value = results_html(self.patient.inputs, self.recorded(), fppa_pending=pending)

    # --- answers ------------------------------------------------------------------
    def rate(self, **levels):
        """Set ratings, e.g. ``rate(arch_collapse="mild")``."""
        for key, level in levels.items():
            if key not in self.ratings or level not in LEVELS:
                raise ValueError(f"rate a cause of {', '.join(CAUSES)} as one of {', '.join(LEVELS)}")
            self.ratings[key].value = level

    def submit(self):
        """Score the ratings and show the feedback; returns the score, or None (with a
        message) when a cause is still unrated. Saves a row to ``record_to`` if given."""
        if self.submitted is not None:
            self.message.value = note("info", "this case is already submitted")
            return self.submitted
        ratings = {key: toggle.value for key, toggle in self.ratings.items()}
        missing = missing_ratings(ratings)
        if missing:
            self.message.value = note(
                "error",
                "rate every cause before submitting; still unrated: "
                + ", ".join(missing)
                + ". Your other answers are kept.",
            )
            return None
        total, points = score(ratings, self.patient.levels)
        recorded = self.recorded()
        info = informativeness(self.patient.inputs, list(recorded.values()))
        self.feedback.value = feedback_html(self.patient, ratings, total, points, info, self.reasoning.value)
        self.submitted = total
        saved = ""
        if self.record_to:
            row = record_row(
                patient=self.patient,
                ratings=ratings,
                score=total,
                student=self.student,
                class_code=self.class_code,
                minutes_used=self.minutes_used,
                tests=list(self.results),
                fppa_measured=self.tool.fppa_deg,
                reasoning=self.reasoning.value,
            )
            try:
                path = save_record(self.record_to, row)
                saved = f" Your answers were saved for your instructor ({path.name})."
            except OSError as exc:
                log.exception("saving the answers failed")
                saved = f" Your answers could not be saved ({exc.strerror or exc}): tell your instructor."
        self.message.value = note("ok", f"Submitted: score {total:.0f} / 100.{saved}")
        for control in (
            *self.ratings.values(),
            *self.test_boxes.values(),
            self.run_button,
            self.submit_button,
            self.reasoning,
        ):
            control.disabled = True
        return total

    def _safely(self, action, *args):
        try:
            return action(*args)
        except Exception as exc:  # a widget never shows a traceback; nothing entered is lost
            log.exception("clinic action failed")
            self.message.value = note("error", f"that did not work ({exc}); your answers are kept")
            return None
