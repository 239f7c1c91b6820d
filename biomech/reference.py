"""Published normal ranges of the measures, each with its source row in
REFERENCE_VALUES.md. Used by the validity tests, the readout colours and reports.

A range is for healthy adults in the task named in ``context``. ``per_kg`` ranges
are divided by body mass before comparison.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class NormalRange:
    """A published normal range of one measure (adults)."""

    label: str
    unit: str
    low: float
    high: float
    source: str
    context: str = "any task"
    low_male: float | None = None
    high_male: float | None = None
    per_kg: bool = False

    def bounds(self, sex="female"):
        """(low, high) for the given sex."""
        if sex == "male" and self.low_male is not None:
            return self.low_male, self.high_male
        return self.low, self.high

    def status(self, value, sex="female", mass_kg=None):
        """"normal", "borderline" (within a quarter of the range width outside) or "outside"."""
        low, high = self.bounds(sex)
        v = value / mass_kg if (self.per_kg and mass_kg) else value
        margin = 0.25 * (high - low)
        if low <= v <= high:
            return "normal"
        if low - margin <= v <= high + margin:
            return "borderline"
        return "outside"


NORMAL_RANGES = {
    "hka_deg": NormalRange(
        "Hip-knee-ankle angle", "deg", -5.6, 3.2,
        "Hsu 1990 via PMC3560206 Table 2: 1.2 +- 2.2 deg varus (mean +- 2 SD) - REFERENCE_VALUES s.1",
        "standing"),
    "atfa_deg": NormalRange(
        "Anatomic tibiofemoral angle", "deg", -0.4, 10.0,
        "Jamali 2017: 4.8 +- 2.6 deg valgus (mean +- 2 SD) - s.1", "standing"),
    "fppa_deg": NormalRange(
        "Frontal-plane projection angle", "deg", 1.0, 12.0,
        "Herrington & Munro 2010: women 5-12, men 1-9 deg (single-leg landing) - s.9",
        "single-leg squat or landing", low_male=1.0, high_male=9.0),
    "knee_abduction_deg": NormalRange(
        "Knee abduction (Grood-Suntay)", "deg", -5.6, 3.2,
        "bone alignment; same range as HKA - s.1", "any task"),
    "load_axis_shift_mm": NormalRange(
        "Load-axis shift at the knee", "mm", -22.0, 6.0,
        "Paley: MAD 8 +- 7 mm medial (mean +- 2 SD, RECALLED) - s.1", "standing"),
    "wbl_ratio_pct": NormalRange(
        "Weight-bearing-line ratio", "%", 19.0, 58.0,
        "DERIVED from Paley's MAD over a 72 mm plateau - s.1, s.10", "standing"),
    "q_angle_deg": NormalRange(
        "Q-angle", "deg", 9.0, 22.0,
        "Horton & Hall 1989 (RECALLED): women 15.8 +- 4.5, men 11.2 +- 3.0 (mean +- 1.5 SD); "
        "standing 9.5-12.2 mean (Livingston & Mandigo 1997) - s.3",
        "standing", low_male=5.0, high_male=17.0),
    "intermalleolar_distance_mm": NormalRange(
        "Ankle gap with knees together", "mm", 0.0, 50.0,
        "popular self-check rule (about 5 cm); no primary source - s.4", "knees together"),
    "pelvic_drop_deg": NormalRange(
        "Pelvic drop", "deg", 0.0, 5.0,
        "normal gait about 4-5 deg peak-to-peak; marked Trendelenburg > 5-10 deg - s.5", "single-leg tasks"),
    "pelvic_tilt_deg": NormalRange(
        "Anterior pelvic tilt", "deg", 3.0, 19.0,
        "Herrington 2011: about 11 +- 4 deg (RECALLED means, mean +- 2 SD) - s.8", "standing"),
    "navicular_drop_mm": NormalRange(
        "Navicular drop", "mm", 0.0, 10.0,
        "Nielsen 2009: healthy means 3.6-8.1 mm; Mueller's upper limit 10 mm - s.7", "standing"),
    "medial_load_fraction": NormalRange(
        "Medial share of knee load", "", 0.60, 0.80,
        "PMC2965044 introduction: 60-80 % medial - s.6", "standing"),
    "hip_abductor_force_bw": NormalRange(
        "Hip abductor force", "BW", 1.5, 3.0,
        "textbooks about 2 BW (RECALLED); Pauwels F = 3 G = 2.5 BW - s.5", "single-leg stance"),
    "hip_contact_force_bw": NormalRange(
        "Hip contact force", "BW", 2.2, 3.4,
        "textbooks 2.5-3 BW (RECALLED); Pauwels R = 4 G = 3.3 BW - s.5", "single-leg stance"),
    "knee_contact_force_bw": NormalRange(
        "Knee contact force", "BW", 2.0, 3.2,
        "instrumented implants, one-leg stance about 2.6 BW (Kutzner 2010, RECALLED)", "single-leg stance"),
    "knee_adduction_moment_nm": NormalRange(
        "Knee adduction moment", "N m/kg", 0.27, 0.63,
        "PLoS One 2017 e0179260: 0.45 +- 0.09 N m/kg, walking (mean +- 2 SD) - s.6",
        "single-leg stance", per_kg=True),
}


def status(name, value, sex="female", mass_kg=None):
    """Readout colour class of ``value`` for measure ``name`` ("normal", "borderline",
    "outside"), or ``None`` when no published range exists."""
    rng = NORMAL_RANGES.get(name)
    if rng is None or not np.isfinite(value):
        return None
    return rng.status(value, sex, mass_kg)
