"""For instructors: a different set of patients for each student, answers saved to a local
CSV file, and a summary of which causes a class missed most.

The CSV is plain text in one folder on the computer that serves the clinic (the
instructor collects it); nothing is sent anywhere. Each submitted case appends one row.
Free text is stored as typed, except that a leading ``=``, ``+``, ``-`` or ``@`` gets a
``'`` in front, so a spreadsheet opening the file never runs it as a formula.
"""

from __future__ import annotations

import csv
import os
from contextlib import contextmanager
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from ..views import style
from .causes import CAUSES, LABELS, LEVELS
from .feedback import FONT, note
from .patients import make_cases

#: Environment variable naming the CSV file the clinic app saves answers to.
RECORDS_ENV = "BIOMECH_CLINIC_RECORDS"

FIELDS = (
    "submitted_utc",
    "student",
    "class_code",
    "case_id",
    "difficulty",
    "minutes_used",
    "tests",
    "fppa_measured_deg",
    *[f"rating_{k}" for k in CAUSES],
    *[f"true_{k}" for k in CAUSES],
    "dominant_cause",
    "score",
    "reasoning",
)


def default_records_path():
    """Where the clinic app saves answers: ``$BIOMECH_CLINIC_RECORDS`` or
    ``~/biomech-clinic/answers.csv``."""
    return Path(os.environ.get(RECORDS_ENV) or Path.home() / "biomech-clinic" / "answers.csv")


def class_set(students, cases_each, seed, difficulty="standard"):
    """``{student: [Patient, ...]}``: ``cases_each`` patients per student, different for
    every student (each student's cases are drawn from the seed and the student's name)
    and the same every time for the same arguments."""
    names = [str(s).strip() for s in students]
    if not names or any(not n for n in names):
        raise ValueError("give at least one student, each with a non-empty name")
    if len(set(names)) != len(names):
        duplicates = sorted({n for n in names if names.count(n) > 1})
        raise ValueError(f"student names must differ; repeated: {', '.join(duplicates)}")
    return {name: make_cases(cases_each, seed=f"{seed}/{name}", difficulty=difficulty) for name in names}


def _safe_text(text):
    text = str(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def record_row(
    *, patient, ratings, score, student="", class_code="", minutes_used=0, tests=(), fppa_measured=None, reasoning=""
):
    """One CSV row (a dict over :data:`FIELDS`) for a submitted case."""
    row = {
        "submitted_utc": datetime.now(UTC).isoformat(timespec="seconds"),
        "student": _safe_text(student),
        "class_code": _safe_text(class_code),
        "case_id": patient.case_id,
        "difficulty": patient.difficulty,
        "minutes_used": minutes_used,
        "tests": ";".join(tests),
        "fppa_measured_deg": "" if fppa_measured is None else f"{fppa_measured:.1f}",
        "dominant_cause": patient.dominant_cause or "",
        "score": f"{score:.0f}",
        "reasoning": _safe_text(reasoning),
    }
    for key in CAUSES:
        row[f"rating_{key}"] = ratings[key]
        row[f"true_{key}"] = patient.levels[key]
    return row


@contextmanager
def _locked(handle):
    try:
        import fcntl  # POSIX: several app kernels may append at once
    except ImportError:  # Windows: one writer at a time is the instructor's set-up
        yield
        return
    fcntl.flock(handle, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)


def save_record(path, row):
    """Append ``row`` to the CSV at ``path`` (creating the folder and the header)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", newline="", encoding="utf-8") as handle, _locked(handle):
        writer = csv.DictWriter(handle, fieldnames=FIELDS)
        if handle.tell() == 0:
            writer.writeheader()
        writer.writerow(row)
    return path


def read_records(path):
    """The rows of a records CSV as dicts."""
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def class_summary(rows):
    """Per cause: how often it was present, missed (rated none), falsely called, and its
    severity misjudged; sorted by the share missed, most missed first. Also the mean score
    per student. Returns ``{"causes": [dict, ...], "students": {name: mean}, "cases": n}``."""
    causes = []
    for key in CAUSES:
        truth = [r[f"true_{key}"] for r in rows]
        rating = [r[f"rating_{key}"] for r in rows]
        present = sum(t != "none" for t in truth)
        missed = sum(t != "none" and g == "none" for t, g in zip(truth, rating))
        false = sum(t == "none" and g != "none" for t, g in zip(truth, rating))
        off = sum(t != "none" and g not in ("none", t) for t, g in zip(truth, rating))
        causes.append(
            {
                "cause": key,
                "label": LABELS[key],
                "present": present,
                "missed": missed,
                "missed_share": missed / present if present else 0.0,
                "false_alarms": false,
                "severity_off": off,
            }
        )
    causes.sort(key=lambda c: (-c["missed_share"], -c["missed"]))
    students = {}
    for r in rows:
        students.setdefault(r["student"] or "(no name)", []).append(float(r["score"]))
    return {"causes": causes, "students": {k: sum(v) / len(v) for k, v in sorted(students.items())}, "cases": len(rows)}


def summary_html(summary):
    """The class summary as an HTML table with bars (most missed cause first)."""
    rows = "".join(
        f"<tr><td>{escape(c['label'])}</td><td>{c['present']}</td><td>{c['missed']}</td>"
        f"<td><div style='display:inline-block; height:10px; width:{150 * c['missed_share']:.0f}px; "
        f"background:{style.VALGUS}'></div> {100 * c['missed_share']:.0f} %</td><td>{c['false_alarms']}</td>"
        f"<td>{c['severity_off']}</td></tr>"
        for c in summary["causes"]
    )
    students = "".join(
        f"<tr><td>{escape(name)}</td><td>{score:.0f}</td></tr>" for name, score in summary["students"].items()
    )
    return (
        f"<div class='bm-class-summary' style='font-family:{FONT}'>"
        f"<p><b>{summary['cases']} submitted cases.</b> Causes the class missed most come first.</p>"
        "<table border='1' cellpadding='4' style='border-collapse:collapse; font-size:13px'><tr><th>Cause</th>"
        "<th>Present</th><th>Missed</th><th>Share missed</th><th>False alarms</th><th>Severity misjudged</th>"
        f"</tr>{rows}</table><p><b>Mean score per student</b></p>"
        "<table border='1' cellpadding='4' style='border-collapse:collapse; font-size:13px'>"
        f"<tr><th>Student</th><th>Mean score</th></tr>{students}</table></div>"
    )


def summary_view(path=None):
    """A widget with the class summary of the records CSV at ``path`` (default
    :func:`default_records_path`), or a readable message when there is none yet."""
    import ipywidgets as widgets

    path = Path(path) if path else default_records_path()
    try:
        rows = read_records(path)
    except FileNotFoundError:
        return widgets.HTML(note("info", f"No answers saved yet at {path}."))
    except (OSError, csv.Error, UnicodeDecodeError) as exc:
        return widgets.HTML(note("error", f"The records file {path} could not be read ({exc})."))
    missing = [f for f in FIELDS if rows and f not in rows[0]]
    if missing:
        return widgets.HTML(
            note("error", f"{path} is not a clinic records file (missing columns: {', '.join(missing)}).")
        )
    if any(r[f"rating_{k}"] not in LEVELS for r in rows for k in CAUSES):
        return widgets.HTML(note("error", f"{path} holds ratings other than {', '.join(LEVELS)}."))
    return widgets.HTML(summary_html(class_summary(rows)))
