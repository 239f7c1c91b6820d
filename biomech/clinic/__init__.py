"""The virtual clinic: virtual patients to examine with real clinical tests.

A patient walks in with knees that cave in; the student finds out why, with the tests a
clinician uses, each with its published measurement error, in limited time::

    from biomech import clinic
    cases = clinic.make_cases(5, seed=1, difficulty="standard")   # same seed, same cases
    clinic.examine(cases[0].inputs, "navicular_drop", rng)         # a reading with noise
    clinic.CaseWidget(cases[0])                                    # the case, as a widget
    clinic.class_set(["Ana", "Ben"], cases_each=3, seed="physio-2025")

Layers (one job each): :mod:`~biomech.clinic.causes` (what none / mild / marked mean),
:mod:`~biomech.clinic.patients` (drawing cases), :mod:`~biomech.clinic.reliability`
(each test's measurement error and its source), :mod:`~biomech.clinic.examinations`
(what each test records), :mod:`~biomech.clinic.reasoning` (reading the results),
:mod:`~biomech.clinic.scoring`, :mod:`~biomech.clinic.measurement` (the 2-D FPPA),
:mod:`~biomech.clinic.rendering` (the squat frame), :mod:`~biomech.clinic.classroom`
(class sets, records, summary); the widgets are in :mod:`~biomech.clinic.canvas`,
:mod:`~biomech.clinic.tool`, :mod:`~biomech.clinic.widget` and :mod:`~biomech.clinic.app`.

It is a teaching model, not a diagnostic tool.
"""

from .causes import CAUSES, LABELS, LEVELS, OWN_TEST
from .classroom import class_set, class_summary, default_records_path, read_records, save_record
from .examinations import EXAMS, READINGS, examine, normal_band, run_battery, true_readings
from .measurement import fppa_from_points, image_info
from .patients import DIFFICULTIES, Patient, make_case, make_cases
from .reasoning import dominant_from_readings, estimate_inputs, informativeness, rate_from_readings
from .reliability import RELIABILITY, TEACHING_ASSUMPTIONS, mdc95
from .rendering import render_squat
from .scoring import score

_WIDGETS = {
    "CaseWidget": "widget",
    "MeasureTool": "tool",
    "ClinicPage": "app",
    "clinic_page": "app",
    "summary_view": "classroom",
}


def __getattr__(name):
    # The widgets pull in ipywidgets and anywidget: load them on first use.
    if name in _WIDGETS:
        from importlib import import_module

        return getattr(import_module(f".{_WIDGETS[name]}", __name__), name)
    raise AttributeError(f"module 'biomech.clinic' has no attribute {name!r}")


__all__ = [
    "CAUSES",
    "LABELS",
    "LEVELS",
    "OWN_TEST",
    "EXAMS",
    "READINGS",
    "RELIABILITY",
    "TEACHING_ASSUMPTIONS",
    "DIFFICULTIES",
    "Patient",
    "make_case",
    "make_cases",
    "examine",
    "run_battery",
    "true_readings",
    "normal_band",
    "fppa_from_points",
    "image_info",
    "rate_from_readings",
    "estimate_inputs",
    "dominant_from_readings",
    "informativeness",
    "mdc95",
    "render_squat",
    "score",
    "class_set",
    "class_summary",
    "read_records",
    "save_record",
    "default_records_path",
    *_WIDGETS,
]
