"""The HTML the clinic shows: messages, the story, the results table and the feedback
after a submitted case. Pure functions of the case and the answers (testable without a
browser); every number carries its unit, every source is cited by author and year.
"""

from __future__ import annotations

from html import escape

from .. import references
from ..views import style
from .causes import CAUSES, LABELS
from .examinations import EXAMS, READINGS, normal_band
from .reliability import RELIABILITY

#: The views' font stack without quotes, so it fits inside a single-quoted style attribute.
FONT = style.FONT.replace("'", "")

_BOX = f"font-family:{FONT}; padding:6px 8px; border-radius:4px; margin:4px 0;"
_KINDS = {"info": ("#eef4fb", "#1f4e79"), "error": ("#fdecea", "#922b21"), "ok": ("#e9f7ef", "#1e8449")}


def note(kind, text):
    """A coloured message box (``kind``: info, error, ok); ``text`` is escaped."""
    background, colour = _KINDS[kind]
    return f"<div style='{_BOX} background:{background}; color:{colour}' data-kind='{kind}'>{escape(text)}</div>"


def cite_all(text_keys):
    """ "Munro et al. 2012; Youdas et al. 2007" for keys like ``"Munro2012; Youdas2007"``."""
    return "; ".join(references.cite(k.strip()) for k in text_keys.split(";") if k.strip())


def _basis_text(basis):
    """A normal range's basis with its [Key] citations written as author and year."""
    out, rest = [], basis
    while "[" in rest and "]" in rest:
        before, _, after = rest.partition("[")
        keys, _, rest = after.partition("]")
        out.append(escape(before) + "(" + escape(cite_all(keys)) + ")")
    return "".join(out) + escape(rest)


def story_html(patient, minutes_left):
    lines = patient.story().split("\n")
    remarks = "".join(f"<li>{escape(line)}</li>" for line in lines[2:])
    return (
        f"<div style='font-family:{FONT}'><h3 style='margin:4px 0'>Case {escape(patient.case_id)}</h3>"
        f"<p style='margin:2px 0'>{escape(lines[0])}<br>{escape(lines[1])}</p>"
        + (f"<ul style='margin:2px 0'>{remarks}</ul>" if remarks else "")
        + f"<p style='margin:2px 0'><b>Time for examinations:</b> {patient.budget_minutes} min "
        f"(<span class='bm-time-left'>{minutes_left}</span> min left).</p></div>"
    )


def format_value(reading, value):
    r = READINGS[reading]
    return f"{value:.{r.digits}f} {r.unit}".replace("-", "\u2212", 1)


def _source(reading):
    rel = RELIABILITY[reading if reading != "wbl_ratio_pct" else "mad_mm"]
    return "teaching assumption" if rel.is_assumption else references.cite(rel.source)


def results_html(inputs, results, fppa_pending=False):
    """The results table: each reading with its unit, SEM, normal range and source."""
    if not results and not fppa_pending:
        return ""
    rows = []
    for exam, result in results.items():
        for reading, value in result.values.items():
            band = normal_band(reading, inputs)
            outside = not band.contains(value)
            flag = " <b style='color:#c0392b'>outside</b>" if outside else ""
            sem = result.sems[reading]
            rows.append(
                f"<tr><td>{escape(EXAMS[exam].label)}</td><td>{escape(READINGS[reading].label)}</td>"
                f"<td class='bm-value' data-reading='{reading}'>"
                f"<b>{escape(format_value(reading, value))}</b>{flag}</td>"
                f"<td>± {sem:.1f} ({escape(_source(reading))})</td>"
                f"<td>{band.low:.1f} to {band.high:.1f}{' (teaching choice)' if band.assumption else ''}</td></tr>"
            )
    if fppa_pending:
        rows.append(
            f"<tr><td>{escape(EXAMS['fppa_video'].label)}</td><td>{escape(READINGS['fppa_deg'].label)}</td>"
            "<td colspan='3'><i>measure it: click the three markers on the video frame below</i></td></tr>"
        )
    head = (
        "<tr><th>Test</th><th>Reading</th><th>Value</th><th>Measurement error (SEM, source)</th>"
        "<th>Normal range</th></tr>"
    )
    return (
        f"<table class='bm-results' style='font-family:{FONT}; border-collapse:collapse; font-size:13px'"
        f" border='1' cellpadding='4'>{head}{''.join(rows)}</table>"
    )


_VERDICTS = {
    "finding": "informative: a real change beyond its measurement error",
    "hidden": "within measurement noise: the true change is smaller than this test can detect",
    "normal": "as in a healthy person: it speaks against the causes it detects",
}


def _bars(breakdown):
    shares = breakdown["shares"]
    biggest = max(1e-9, max(abs(v) for v in shares.values()))
    rows = []
    for key, value in sorted(shares.items(), key=lambda kv: -kv[1]):
        width = 160 * abs(value) / biggest
        colour = style.VALGUS if value > 0 else style.VARUS
        rows.append(
            f"<tr><td>{escape(LABELS[key])}</td><td><div style='display:inline-block; width:{width:.0f}px;"
            f" height:10px; background:{colour}'></div> {style.signed(value, '°')}</td></tr>"
        )
    return "".join(rows)


def feedback_html(patient, ratings, total, points, info_rows, reasoning=""):
    """Everything after a submission: the score, the true causes, the model's breakdown,
    which tests were informative, and the student's reasoning (escaped)."""
    cause_rows = "".join(
        f"<tr><td>{escape(cause.label)}</td><td>{escape(ratings[key])}</td><td><b>{escape(patient.levels[key])}</b></td>"
        f"<td>{points[key]:+.1f}</td></tr>"
        for key, cause in CAUSES.items()
    )
    dominant = patient.dominant_cause
    if dominant is None:
        lead = (
            "No cause was active: this knee is within normal for the person. Not every knee that looks "
            "knocked in needs treatment."
        )
    else:
        lead = (
            f"The dominant cause was <b>{escape(LABELS[dominant])}</b>: the model gives it the largest share of "
            "this patient's valgus."
        )
    b = patient.breakdown
    tests = (
        "".join(
            f"<li><b>{escape(EXAMS[row['exam']].label)}</b>, {escape(READINGS[row['reading']].label.lower())}: "
            f"{escape(_VERDICTS[row['verdict']])} (true change "
            f"{style.signed(row['true'] - row['healthy'], READINGS[row['reading']].unit)}; "
            f"smallest detectable change {row['mdc']:.1f} {escape(READINGS[row['reading']].unit)}).</li>"
            for row in info_rows
        )
        or "<li>No tests were done.</li>"
    )
    notes = []
    if patient.inputs["compensation"] == "trunk_lean":
        notes.append(
            "This patient leans the trunk over the standing leg instead of letting the pelvis drop, so the "
            "Trendelenburg test shows a lean rather than a drop."
        )
    if patient.is_child:
        notes.append(
            "A child's knock-knee shape is part of normal growth at this age: bone shape is never a cause in "
            "the clinic's children."
        )
    extra = "".join(f"<p>{escape(n)}</p>" for n in notes)
    thoughts = f"<p><b>Your reasoning:</b> {escape(reasoning)}</p>" if reasoning.strip() else ""
    return (
        f"<div class='bm-feedback' style='font-family:{FONT}'>"
        f"<h3 style='margin:4px 0'>Score: <span class='bm-score'>{total:.0f}</span> / 100</h3>"
        f"<p>{lead}</p>"
        "<table border='1' cellpadding='4' style='border-collapse:collapse; font-size:13px'>"
        f"<tr><th>Cause</th><th>Your rating</th><th>True</th><th>Points</th></tr>{cause_rows}</table>"
        f"<p><b>The model's breakdown</b> of the projection angle in the single-leg squat: "
        f"{style.signed(b['current'], '°')} against {style.signed(b['typical'], '°')} for the same person without any "
        f"cause (+ = valgus). Each cause's share:</p><table style='font-size:13px'>{_bars(b)}</table>"
        f"<p><b>Your tests</b></p><ul>{tests}</ul>{extra}{thoughts}</div>"
    )
