"""A plain-text table of a simulation: value with unit, normal range, verdict, sign."""

from __future__ import annotations

from .conventions import SIGN_CONVENTIONS
from .norms import judge

#: Measures shown in the report, in teaching order.
REPORT_ORDER = (
    "hka_deg",
    "atfa_deg",
    "fppa_deg",
    "knee_abduction_deg",
    "knee_give_deg",
    "load_axis_shift_mm",
    "wbl_ratio_pct",
    "q_angle_deg",
    "intermalleolar_distance_mm",
    "intercondylar_distance_mm",
    "pelvic_tilt_deg",
    "pelvic_drop_deg",
    "trunk_lean_deg",
    "centre_of_mass_shift_mm",
    "hip_adduction_deg",
    "hip_internal_rotation_deg",
    "tibial_internal_rotation_deg",
    "rearfoot_eversion_deg",
    "navicular_drop_mm",
    "abductor_use",
    "hip_abductor_force_bw",
    "passive_hip_support_bw",
    "hip_contact_force_bw",
    "knee_contact_force_bw",
    "medial_load_fraction",
    "knee_adduction_moment_nm",
)

UNITS = {"_deg": "deg", "_mm": "mm", "_pct": "%", "_bw": "x BW", "_nm": "N m"}


def unit_of(name):
    """Unit text from a measure's name suffix (names carry units)."""
    for suffix, unit in UNITS.items():
        if name.endswith(suffix):
            return unit
    return ""


def report(result, names=REPORT_ORDER):
    """Readable fixed-width table of ``result`` (a :class:`biomech.Result`)."""
    rows = [f"{'measure':30s} {'value':>10s}  {'normal (adult)':18s} {'':10s} sign convention"]
    for name in names:
        value = getattr(result, name)
        rng, bounds, verdict = judge(name, result)
        if rng is None:
            normal, verdict = "-", ""
        else:
            normal = f"{bounds[0]:.3g} to {bounds[1]:.3g} {rng.unit}".strip()
            verdict = verdict or f"(for {rng.context})"
        text = f"{value:8.2f} {unit_of(name):>4s}" if name != "medial_load_fraction" else f"{value:8.2f}     "
        rows.append(f"{name:30s} {text:>10s}  {normal:18s} {verdict:10s} {SIGN_CONVENTIONS.get(name, '')}")
    return "\n".join(rows)


def compare(before, after, names=REPORT_ORDER, labels=("before", "after")):
    """Before/after table of two results: value, unit and change of each measure."""
    rows = [f"{'measure':30s} {labels[0]:>10s} {labels[1]:>10s} {'change':>10s}  unit"]
    for name in names:
        a, b = getattr(before, name), getattr(after, name)
        rows.append(f"{name:30s} {a:10.2f} {b:10.2f} {b - a:+10.2f}  {unit_of(name)}")
    return "\n".join(rows)
