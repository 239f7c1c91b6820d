"""The clinic as one page without code (``notebooks/clinic_app.ipynb``, served by
``make clinic``): a short form (name, class code, difficulty, case number), the case,
and a tab to measure one's own squat photo."""

from __future__ import annotations

import logging

import ipywidgets as widgets

from .classroom import default_records_path
from .feedback import note
from .patients import DIFFICULTIES, make_case
from .tool import MeasureTool
from .widget import CaseWidget

log = logging.getLogger(__name__)

INTRO = (
    "<h2 style='margin:4px 0'>The virtual clinic</h2><p>A patient's knee caves in. Choose tests within the time, "
    "measure the squat video, rate each possible cause and submit: the feedback shows what was really going on. "
    "It is a teaching model, not a diagnostic tool.</p>"
)


class ClinicPage(widgets.VBox):
    """The app page: the form, the current case, and the own-photo tool."""

    def __init__(self, record_to=None):
        self.record_to = record_to if record_to is not None else default_records_path()
        self.name = widgets.Text(description="Your name", placeholder="for your instructor's record")
        self.code = widgets.Text(description="Class code", value="practice")
        self.difficulty = widgets.Dropdown(description="Difficulty", options=list(DIFFICULTIES), value="standard")
        self.number = widgets.BoundedIntText(description="Case no.", value=1, min=1, max=999)
        self.open_button = widgets.Button(description="Open case", button_style="primary", icon="user")
        self.open_button.on_click(lambda _: self.open_case())
        self.message = widgets.HTML("")
        self.case_box = widgets.VBox([])
        self.case = None
        form = widgets.VBox(
            [
                widgets.HBox([self.name, self.code]),
                widgets.HBox([self.difficulty, self.number]),
                self.open_button,
                self.message,
            ]
        )
        tabs = widgets.Tab(children=[widgets.VBox([form, self.case_box]), MeasureTool(allow_upload=True)])
        tabs.set_title(0, "Case")
        tabs.set_title(1, "Measure your own squat photo")
        super().__init__([widgets.HTML(INTRO), tabs])
        self.add_class("bm-clinic-page")
        # A name typed after the case opened still reaches the record.
        self.name.observe(self._name_changed, "value")
        self.open_case()

    def _name_changed(self, change):
        if self.case is not None:
            self.case.student = change["new"].strip()

    def open_case(self):
        """Open the case chosen in the form (same code and number, same patient)."""
        try:
            code = self.code.value.strip() or "practice"
            patient = make_case(code, self.number.value - 1, self.difficulty.value)
            self.case = CaseWidget(patient, student=self.name.value.strip(), class_code=code, record_to=self.record_to)
            self.case_box.children = [self.case]
            self.message.value = ""
        except Exception as exc:  # a page never shows a traceback
            log.exception("opening a case failed")
            self.message.value = note("error", f"the case could not be opened ({exc})")


def clinic_page(record_to=None):
    """The code-free clinic page (a widget)."""
    return ClinicPage(record_to)
