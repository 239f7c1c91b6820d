"""Readouts: every measure with its unit, sign convention, normal range and a colour for
normal / borderline / outside, plus the medial-lateral knee load bar. Plain HTML, so it
renders in JupyterLab, Voila and a static notebook alike.
"""
from __future__ import annotations

from html import escape

from .. import norms
from ..conventions import SIGN_CONVENTIONS
from . import style

#: (group title, [(output name, plain label, display unit, scale)]) in teaching order.
GROUPS = (
    ("Alignment", (
        ("hka_deg", "Hip-knee-ankle angle (HKA)", "°", 1.0),
        ("fppa_deg", "Frontal-plane projection angle (FPPA)", "°", 1.0),
        ("atfa_deg", "Anatomic tibiofemoral angle", "°", 1.0),
        ("knee_abduction_deg", "Knee abduction, 3-D (Grood-Suntay)", "°", 1.0),
        ("load_axis_shift_mm", "Load-axis shift at the knee", "mm", 1.0),
        ("wbl_ratio_pct", "Weight-bearing line across the plateau", "%", 1.0),
        ("q_angle_deg", "Q-angle", "°", 1.0),
        ("intermalleolar_distance_mm", "Ankle gap, knees together", "mm", 1.0),
        ("intercondylar_distance_mm", "Knee gap, ankles together", "mm", 1.0),
    )),
    ("Joint angles", (
        ("pelvic_tilt_deg", "Anterior pelvic tilt", "°", 1.0),
        ("pelvic_drop_deg", "Pelvic drop (opposite side)", "°", 1.0),
        ("hip_adduction_deg", "Hip adduction", "°", 1.0),
        ("hip_internal_rotation_deg", "Hip internal rotation", "°", 1.0),
        ("tibial_internal_rotation_deg", "Tibial internal rotation (vs thigh)", "°", 1.0),
        ("rearfoot_eversion_deg", "Rearfoot eversion", "°", 1.0),
        ("navicular_drop_mm", "Navicular drop", "mm", 1.0),
    )),
    ("Loads", (
        ("knee_contact_force_bw", "Knee contact force", "× body weight", 1.0),
        ("medial_load_fraction", "Medial (inner) share of knee load", "%", 100.0),
        ("knee_adduction_moment_nm", "Knee adduction moment", "N m", 1.0),
        ("hip_abductor_force_bw", "Hip abductor force", "× body weight", 1.0),
        ("hip_contact_force_bw", "Hip contact force", "× body weight", 1.0),
    )),
)
SIGNED = {name for name in SIGN_CONVENTIONS if name.endswith("_deg") or name == "load_axis_shift_mm"}


def _value_text(name, value, unit, scale):
    v = value * scale
    if name in SIGNED:
        return style.signed(v, unit)
    return f"{v:.1f}{'' if unit in ('°', '%') else ' '}{unit}"


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
.bm-muted {color: #7f8c8d; font-size: 11px;}
.bm-dot {display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin-right: 4px;}
.bm-bar {display: flex; height: 22px; border-radius: 4px; overflow: hidden; font-size: 12px; color: white;
         font-family: %(font)s;}
.bm-bar div {display: flex; align-items: center; justify-content: center; white-space: nowrap;}
</style>
""" % {"font": style.FONT}


def table_html(result, ghost=None, with_css=True):
    """The readout table of a :class:`biomech.Result` (with a frozen comparison column
    when ``ghost`` is another Result). ``with_css=False`` leaves out the style sheet,
    for a page that shows :data:`CSS` once (re-sending it restyles the whole page)."""
    inputs = result.inputs
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
            cells = [f"<td title='{name}'>{label}</td>",
                     f"<td class='bm-value' style='color:{colour}'>{_value_text(name, value, unit, scale)}</td>"]
            if ghost is not None:
                frozen = getattr(ghost, name)
                cells.append(f"<td class='bm-value bm-muted'>{_value_text(name, frozen, unit, scale)}</td>")
                cells.append(f"<td class='bm-value'>{style.signed((value - frozen) * scale, unit)}</td>")
            cells.append(f"<td>{range_text}</td>")
            verdict_text = style.STATUS_WORDS[verdict]
            cells.append(f"<td data-verdict='{verdict}'><span class='bm-dot' style='background:{colour}'></span>"
                         f"{verdict_text}</td>" if verdict_text else "<td></td>")
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
    note = {"normal": "inside the published 60-80 % medial",
            None: "the published 60-80 % medial is for standing on both legs",
            "borderline": "just outside the published 60-80 % medial",
            "outside": "outside the published 60-80 % medial"}[verdict]
    return (
        f"{CSS if with_css else ''}<div style='font-family:{style.FONT}; font-size:12.5px; margin:4px 0'>"
        f"<b>Knee load</b> {force:.2f} × body weight, shared between the compartments "
        f"<span class='bm-muted'>({note})</span></div>"
        f"<div class='bm-bar' data-medial-pct='{medial:.1f}'>"
        f"<div style='width:{medial:.1f}%; background:{style.VARUS}'>medial (inner) {medial:.0f} %</div>"
        f"<div style='width:{lateral:.1f}%; background:{style.VALGUS}'>lateral (outer) {lateral:.0f} %</div>"
        f"</div>"
    )
