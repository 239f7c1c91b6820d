"""Readouts: every measure with its unit, sign convention, normal range and a verdict
(normal / borderline / outside, in words and in a colour-blind-safe colour), the
medial-lateral knee load bar, a strip of the key readouts, and the scene described in
words for a screen reader. Plain HTML, so it renders in JupyterLab, Voila and a static
notebook alike.
"""

from __future__ import annotations

from html import escape

from .. import norms
from ..conventions import SIGN_CONVENTIONS
from ..tasks import TASKS
from . import style

#: (group title, [(output name, plain label, display unit, scale)]) in teaching order.
GROUPS = (
    (
        "Alignment",
        (
            ("hka_deg", "Hip-knee-ankle angle (HKA)", "°", 1.0),
            ("fppa_deg", "Frontal-plane projection angle (FPPA)", "°", 1.0),
            ("atfa_deg", "Anatomic tibiofemoral angle", "°", 1.0),
            ("knee_abduction_deg", "Knee abduction, 3-D (Grood-Suntay)", "°", 1.0),
            ("knee_give_deg", "of which soft-tissue give under load", "°", 1.0),
            ("load_axis_shift_mm", "Load-axis shift at the knee", "mm", 1.0),
            ("wbl_ratio_pct", "Weight-bearing line across the plateau", "%", 1.0),
            ("q_angle_deg", "Q-angle", "°", 1.0),
            ("intermalleolar_distance_mm", "Ankle gap, knees together", "mm", 1.0),
            ("intercondylar_distance_mm", "Knee gap, ankles together", "mm", 1.0),
            ("knee_ahead_of_ankle_mm", "Knee ahead of the ankle", "mm", 1.0),
            ("knee_medial_of_foot_line_mm", "Knee inside the line of the foot", "mm", 1.0),
        ),
    ),
    (
        "Joint angles",
        (
            ("pelvic_tilt_deg", "Anterior pelvic tilt", "°", 1.0),
            ("pelvic_drop_deg", "Pelvic drop (opposite side)", "°", 1.0),
            ("trunk_lean_deg", "Trunk lean toward the measured leg", "°", 1.0),
            ("centre_of_mass_shift_mm", "Centre of mass toward the measured leg", "mm", 1.0),
            ("hip_adduction_deg", "Hip adduction", "°", 1.0),
            ("hip_internal_rotation_deg", "Hip internal rotation", "°", 1.0),
            ("tibial_internal_rotation_deg", "Tibial internal rotation (vs thigh)", "°", 1.0),
            ("rearfoot_eversion_deg", "Rearfoot eversion", "°", 1.0),
            ("navicular_drop_mm", "Navicular drop", "mm", 1.0),
        ),
    ),
    (
        "Loads",
        (
            ("knee_contact_force_bw", "Knee contact force", "× body weight", 1.0),
            ("medial_load_fraction", "Medial (inner) share of knee load", "%", 100.0),
            ("knee_adduction_moment_nm", "Knee adduction moment", "N m", 1.0),
            ("abductor_use", "Hip abductors: share of remaining strength used", "%", 100.0),
            ("hip_abductor_force_bw", "Hip abductor force", "× body weight", 1.0),
            ("passive_hip_support_bw", "Passive hip support (Trendelenburg)", "× body weight", 1.0),
            ("hip_contact_force_bw", "Hip contact force", "× body weight", 1.0),
        ),
    ),
)
SIGNED = {
    name
    for name in SIGN_CONVENTIONS
    if name.endswith("_deg")
    or name
    in ("load_axis_shift_mm", "centre_of_mass_shift_mm", "knee_ahead_of_ankle_mm", "knee_medial_of_foot_line_mm")
}


def _value_text(name, value, unit, scale):
    v = value * scale
    if name in SIGNED:
        return style.signed(v, unit)
    return f"{v:.1f}{'' if unit in ('°', '%') else ' '}{unit}"


def _band_text(band, unit, scale):
    """The 5-95 % band of a readout from the model's assumptions, or "" when it is narrow."""
    if band is None or abs(band.high - band.low) * scale < 0.05:
        return ""
    return (
        f"<div class='bm-band' title='5-95 % band from the model&#39;s assumptions'>"
        f"({band.low * scale:.1f} to {band.high * scale:.1f})</div>"
    )


def _range_text(name, result, unit, scale):
    """The normal range cell and the verdict of measure ``name`` (no verdict where no
    range was measured in this task at this knee flexion)."""
    rng, bounds, verdict = norms.judge(name, result)
    if rng is None:
        return "", None
    low, high = bounds
    text = f"{low:.2g} to {high:.2g} N m/kg" if rng.per_kg else f"{low * scale:.3g} to {high * scale:.3g} {unit}"
    inputs = result.inputs
    if not rng.applies_to(inputs["task"], inputs["knee_flexion_deg"]):
        text += f" <span class='bm-muted'>(measured in {escape(rng.context)})</span>"
    elif name in norms.AGE_DEPENDENT and inputs["age_years"] < 18:
        text += " <span class='bm-muted'>(for this age)</span>"
    return text, verdict


CSS = """
<style>
.bm-readouts {font-family: %(font)s; font-size: 12.5px; border-collapse: collapse; width: 100%%;}
.bm-readouts th {text-align: left; font-weight: 600; padding: 6px 4px 2px 4px; border-bottom: 1px solid #ddd;}
.bm-readouts td {padding: 2px 4px; vertical-align: top;}
.bm-readouts tr.bm-row:hover {background: #f6f6f6;}
.bm-value {text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; font-weight: 600;}
.bm-muted {color: %(muted)s; font-size: 11px;}
.bm-band {color: %(muted)s; font-size: 10.5px; font-weight: 400;}
.bm-dot {display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin-right: 4px;}
.bm-bar {display: flex; height: 22px; border-radius: 4px; overflow: hidden; font-size: 12px; color: white;
         font-family: %(font)s;}
.bm-bar div {display: flex; align-items: center; justify-content: center; white-space: nowrap; overflow: hidden;}
.bm-keys {display: flex; flex-wrap: wrap; gap: 2px 18px; font-family: %(font)s; font-size: 13px; margin: 4px 0;}
.bm-key-value {font-weight: 700; font-variant-numeric: tabular-nums;}
.bm-key-verdict {font-size: 12px;}
</style>
""" % {"font": style.FONT, "muted": style.MUTED}  # noqa: UP031 (CSS is all braces: %-keys keep it readable)


def table_html(result, ghost=None, with_css=True, bands=None):
    """The readout table of a :class:`biomech.Result` (with a frozen comparison column
    when ``ghost`` is another Result, and each value's 5-95 % band when ``bands`` is
    :func:`biomech.uncertainty` output). ``with_css=False`` leaves out the style sheet,
    for a page that shows :data:`CSS` once (re-sending it restyles the whole page)."""
    head = "<tr><th>Measure</th><th style='text-align:right'>Now</th>"
    if ghost is not None:
        head += "<th style='text-align:right'>Frozen</th><th style='text-align:right'>Change</th>"
    head += "<th>Normal</th><th>Verdict</th><th>Sign convention</th></tr>"
    rows = [CSS if with_css else "", "<table class='bm-readouts'>"]
    for title, entries in GROUPS:
        rows.append(f"<tr><th colspan='{7 if ghost is not None else 5}'>{title}</th></tr>")
        rows.append(head)
        for name, label, unit, scale in entries:
            value = getattr(result, name)
            range_text, verdict = _range_text(name, result, unit, scale)
            colour = style.STATUS_COLOURS[verdict]
            cells = [
                f"<td title='{name}'>{label}</td>",
                f"<td class='bm-value' style='color:{colour}'>{_value_text(name, value, unit, scale)}"
                f"{_band_text((bands or {}).get(name), unit, scale)}</td>",
            ]
            if ghost is not None:
                frozen = getattr(ghost, name)
                cells.append(f"<td class='bm-value bm-muted'>{_value_text(name, frozen, unit, scale)}</td>")
                cells.append(f"<td class='bm-value'>{style.signed((value - frozen) * scale, unit)}</td>")
            cells.append(f"<td>{range_text}</td>")
            verdict_text = style.STATUS_WORDS[verdict]
            cells.append(
                f"<td data-verdict='{verdict}'><span class='bm-dot' aria-hidden='true' "
                f"style='background:{colour}'></span>"
                f"{verdict_text}</td>"
                if verdict_text
                else "<td></td>"
            )
            cells.append(f"<td class='bm-muted'>{escape(SIGN_CONVENTIONS.get(name, ''))}</td>")
            rows.append(f"<tr class='bm-row' data-measure='{name}'>{''.join(cells)}</tr>")
    rows.append("</table>")
    return "".join(rows)


def load_bar_html(result, with_css=True):
    """Medial (inner) vs lateral (outer) share of the knee's contact force as a bar."""
    medial = 100.0 * result.medial_load_fraction
    lateral = 100.0 - medial
    force = result.knee_contact_force_bw
    verdict = norms.judge("medial_load_fraction", result)[2]
    note = {
        "normal": "inside the published 60-80 % medial",
        None: "the published 60-80 % medial is for standing on both legs",
        "borderline": "just outside the published 60-80 % medial",
        "outside": "outside the published 60-80 % medial",
    }[verdict]
    # The shares are written in the line above the bar too: a narrow part of the bar
    # cannot hold its words, and the colours alone must not carry them.
    return (
        f"{CSS if with_css else ''}<div style='font-family:{style.FONT}; font-size:12.5px; margin:4px 0'>"
        f"<b>Knee load</b> {force:.2f} × body weight: medial (inner) {medial:.0f} %, lateral (outer) "
        f"{lateral:.0f} % <span class='bm-muted'>({note})</span></div>"
        f"<div class='bm-bar' data-medial-pct='{medial:.1f}' aria-hidden='true'>"
        f"<div style='width:{medial:.1f}%; background:{style.VARUS}'>medial (inner) {medial:.0f} %</div>"
        f"<div style='width:{lateral:.1f}%; background:{style.VALGUS}'>lateral (outer) {lateral:.0f} %</div>"
        f"</div>"
    )


#: The key readouts shown under the figures: (output name, short label, unit, scale).
KEY_MEASURES = (
    ("hka_deg", "HKA", "°", 1.0),
    ("fppa_deg", "FPPA", "°", 1.0),
    ("load_axis_shift_mm", "Load-axis shift", "mm", 1.0),
    ("medial_load_fraction", "Medial share", "%", 100.0),
)


def _direction_word(name, value):
    """What the sign of a key readout means, in words."""
    if name in ("hka_deg", "fppa_deg"):
        return "" if abs(value) < 0.05 else ("valgus" if value > 0 else "varus")
    if name == "load_axis_shift_mm":
        return "" if abs(value) < 0.05 else ("lateral" if value > 0 else "medial")
    return ""


def key_readouts_html(result):
    """The key readouts in one line: value, what its sign means, and the verdict in words
    (the colour repeats the verdict; it never carries it alone)."""
    cells = []
    for name, label, unit, scale in KEY_MEASURES:
        value = getattr(result, name)
        _, verdict = _range_text(name, result, unit, scale)
        direction = _direction_word(name, value)
        judged = {"outside": "outside the normal range"}.get(verdict, style.STATUS_WORDS[verdict])
        words = ", ".join(w for w in (direction, judged) if w)
        cells.append(
            f"<div class='bm-key' data-measure='{name}'><span class='bm-key-label'>{label}</span> "
            f"<span class='bm-key-value' style='color:{style.STATUS_COLOURS[verdict]}'>"
            f"{_value_text(name, value, unit, scale)}</span>"
            + (f" <span class='bm-key-verdict'>({words})</span>" if words else "")
            + "</div>"
        )
    return f"<div class='bm-keys'>{''.join(cells)}</div>"


def scene_text(result):
    """The scene in words, for a screen reader and for anyone who asks: the task, where the
    measured knee sits against the hip-ankle line, where the load line passes, and the
    inner compartment's share of the load. E.g. "Standing on both legs. Right knee 8°
    inside the hip-ankle line (valgus, knock-knee side); load line 21 mm lateral of the
    knee centre; inner (medial) compartment 55 % of the knee load."
    """
    inputs = result.inputs
    knee = f"{inputs['side'].capitalize()} knee"
    hka = result.hka_deg
    if abs(hka) < 0.5:
        where = f"{knee} on the hip-ankle line (straight)"
    elif hka > 0:
        where = f"{knee} {hka:.1f}° inside the hip-ankle line (valgus, knock-knee side)"
    else:
        where = f"{knee} {-hka:.1f}° outside the hip-ankle line (varus, bow-leg side)"
    shift = result.load_axis_shift_mm
    line = (
        f"load line {abs(shift):.0f} mm {'lateral' if shift > 0 else 'medial'} of the knee centre"
        if abs(shift) >= 0.5
        else "load line through the knee centre"
    )
    return (
        f"{TASKS[inputs['task']].label}. {where}; {line}; inner (medial) compartment "
        f"{100.0 * result.medial_load_fraction:.0f} % of the knee load, "
        f"{result.knee_contact_force_bw:.1f} × body weight in all."
    )


def balance_html(result):
    """One line on how the pelvis is held: by the abductors, or - when they cannot - by a
    pelvic drop onto passive structures (Trendelenburg) or a trunk lean (Duchenne)."""
    i = result.inputs
    if i["task"] not in ("single_leg_stance", "single_leg_squat"):
        text = "On two feet (or seated) the hip abductors do not have to hold the pelvis up."
        if abs(result.trunk_lean_deg) >= 0.5:
            text += (
                f" The trunk leans {abs(result.trunk_lean_deg):.0f}° "
                f"{'toward' if result.trunk_lean_deg > 0 else 'away from'} the measured leg, moving the "
                f"centre of mass {abs(result.centre_of_mass_shift_mm):.0f} mm."
            )
    elif result.abductor_use < 0.98:
        text = (
            f"The hip abductors hold the pelvis, using {100 * result.abductor_use:.0f} % of the strength they "
            "have left."
        )
    elif i["compensation"] == "trunk_lean":
        text = (
            f"The hip abductors are at 100 % of what is left: the trunk leans {result.trunk_lean_deg:.0f}° over "
            "the standing hip so that they can hold (a Duchenne lean), which moves the centre of mass "
            f"{result.centre_of_mass_shift_mm:+.0f} mm toward the standing leg."
        )
        if result.passive_hip_support_bw > 0.05:
            text += " Even that is not enough: the pelvis also drops a little."
    else:
        text = (
            f"The hip abductors are at 100 % of what is left: the other side of the pelvis drops "
            f"{result.pelvic_drop_deg:.0f}° onto passive structures (a Trendelenburg sign), which carry "
            f"{result.passive_hip_support_bw:.1f} × body weight."
        )
    return (
        f"<div class='bm-balance' role='status' style='font-family:{style.FONT}; font-size:12.5px; "
        f"margin:4px 0'><b>Pelvis:</b> {escape(text)}</div>"
    )
