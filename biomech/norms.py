"""Published normal ranges of the measures, each naming its sources by key
(:mod:`biomech.references`). Used by the readout colours, reports and validity tests.

A range is for healthy adults in the tasks listed in ``tasks`` (empty: any task);
``per_kg`` ranges are divided by body mass before comparison. For children the
alignment ranges follow the developmental curve (:func:`bounds_for`).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import subject

STANDING = ("stand", "knees_together", "sitting")


@dataclass(frozen=True)
class NormalRange:
    """A published normal range of one measure (adults).

    ``sources`` are keys of :mod:`biomech.references`; ``note`` says how the range was
    formed from them (e.g. mean +- 2 SD) and in which task it was measured.
    """

    label: str
    unit: str
    low: float
    high: float
    sources: tuple
    note: str
    context: str = "any task"
    low_male: float | None = None
    high_male: float | None = None
    per_kg: bool = False
    tasks: tuple = ()

    def applies_to(self, task):
        """True when the range was measured in ``task`` (or in any task)."""
        return not self.tasks or task in self.tasks

    def bounds(self, sex="female"):
        """(low, high) for the given sex."""
        if sex == "male" and self.low_male is not None:
            return self.low_male, self.high_male
        return self.low, self.high


NORMAL_RANGES = {
    "hka_deg": NormalRange(
        "Hip-knee-ankle angle", "deg", -5.6, 3.2,
        ("Nicolella2012",), "1.2 +- 2.2 deg varus in 120 volunteers (Table 2), mean +- 2 SD",
        "standing", tasks=STANDING),
    "atfa_deg": NormalRange(
        "Anatomic tibiofemoral angle", "deg", -0.4, 10.0,
        ("Jamali2017",), "4.8 +- 2.6 deg valgus, mean +- 2 SD", "standing", tasks=STANDING),
    "fppa_deg": NormalRange(
        "Frontal-plane projection angle", "deg", 1.0, 12.0,
        ("HerringtonMunro2010",), "women 5-12, men 1-9 deg (single-leg landing)",
        "single-leg squat or landing", low_male=1.0, high_male=9.0, tasks=("single_leg_squat",)),
    "knee_abduction_deg": NormalRange(
        "Knee abduction (Grood-Suntay)", "deg", -5.6, 3.2,
        ("Nicolella2012",), "bone alignment; same range as HKA", "any task"),
    "load_axis_shift_mm": NormalRange(
        "Load-axis shift at the knee", "mm", -22.0, 6.0,
        ("PaleyTetsworth1992",), "mechanical axis deviation 8 +- 7 mm medial, mean +- 2 SD (not verified)",
        "standing", tasks=STANDING),
    "wbl_ratio_pct": NormalRange(
        "Weight-bearing-line ratio", "%", 19.0, 58.0,
        ("PaleyTetsworth1992",), "derived from the mechanical axis deviation over a 72 mm plateau",
        "standing", tasks=STANDING),
    "q_angle_deg": NormalRange(
        "Q-angle", "deg", 9.0, 22.0,
        ("HortonHall1989", "LivingstonMandigo1997"),
        "women 15.8 +- 4.5, men 11.2 +- 3.0 supine (mean +- 1.5 SD, not verified); standing means 9.5-12.2",
        "standing", low_male=5.0, high_male=17.0, tasks=STANDING),
    "intermalleolar_distance_mm": NormalRange(
        "Ankle gap with knees together", "mm", 0.0, 50.0,
        (), "the popular self-check rule (about 5 cm); no primary source", "knees together"),
    "pelvic_drop_deg": NormalRange(
        "Pelvic drop", "deg", 0.0, 5.0,
        (), "normal gait about 4-5 deg peak-to-peak; a marked Trendelenburg sign more than 5-10 deg (no source "
        "verified)", "single-leg tasks",
        tasks=("single_leg_stance", "single_leg_squat")),
    "pelvic_tilt_deg": NormalRange(
        "Anterior pelvic tilt", "deg", 3.0, 19.0,
        ("Herrington2011", "Preece2008"), "about 11 +- 4 deg (mean +- 2 SD; the means were not verified)",
        "standing", tasks=STANDING),
    "navicular_drop_mm": NormalRange(
        "Navicular drop", "mm", 0.0, 10.0,
        ("Nielsen2009",), "healthy means 3.6-8.1 mm; Mueller's upper limit 10 mm", "standing",
        tasks=("stand", "knees_together", "single_leg_stance")),
    "medial_load_fraction": NormalRange(
        "Medial share of knee load", "", 0.60, 0.80,
        ("PMC2965044",), "60-80 % medial (introduction of that study)", "standing",
        tasks=("stand", "single_leg_stance")),
    "hip_abductor_force_bw": NormalRange(
        "Hip abductor force", "BW", 1.5, 3.0,
        ("IntOrthop2008",), "Pauwels: F = 3 G = 2.5 BW (G = 5/6 BW); textbooks about 2 BW", "single-leg stance",
        tasks=("single_leg_stance",)),
    "hip_contact_force_bw": NormalRange(
        "Hip contact force", "BW", 2.2, 3.4,
        ("IntOrthop2008",), "Pauwels: R = 4 G = 3.3 BW (G = 5/6 BW); textbooks 2.5-3 BW", "single-leg stance",
        tasks=("single_leg_stance",)),
    "knee_contact_force_bw": NormalRange(
        "Knee contact force", "BW", 2.0, 3.2,
        ("Kutzner2010",), "instrumented knee implants: 259 % BW in one-leg stance", "single-leg stance",
        tasks=("single_leg_stance",)),
    "knee_adduction_moment_nm": NormalRange(
        "Knee adduction moment", "N m/kg", 0.27, 0.63,
        ("Ota2017",), "0.45 +- 0.09 N m/kg, first peak in walking (mean +- 2 SD)",
        "single-leg stance", per_kg=True, tasks=("single_leg_stance",)),
}


#: Alignment measures whose normal value moves with age in children (developmental curve).
AGE_DEPENDENT = ("hka_deg", "atfa_deg", "knee_abduction_deg")


def bounds_for(name, sex="female", age_years=25.0):
    """(low, high) normal bounds of measure ``name`` for this person.

    Adults get the published range. Below 18 years the alignment measures use the
    developmental curve instead: the age's mean +- 2 SD (the smoothed curve in
    :mod:`biomech.subject`), shifted onto the measure's own scale.
    """
    rng = NORMAL_RANGES[name]
    if name in AGE_DEPENDENT and age_years < subject.ADULT_AGE_YEARS:
        is_female = sex == "female"
        if name == "atfa_deg":
            centre = float(subject.developmental_tfa_deg(age_years))
        else:
            centre = float(subject.default_hka_deg(is_female, age_years))
        spread = 2.0 * float(subject.developmental_sd_deg(age_years))
        return centre - spread, centre + spread
    return rng.bounds(sex)


def status(name, value, sex="female", mass_kg=None, task=None, age_years=25.0):
    """Readout colour class of ``value`` for measure ``name`` ("normal", "borderline",
    "outside"), or ``None`` when no published range exists for it in ``task``."""
    rng = NORMAL_RANGES.get(name)
    if rng is None or not np.isfinite(value) or (task is not None and not rng.applies_to(task)):
        return None
    low, high = bounds_for(name, sex, age_years)
    v = value / mass_kg if (rng.per_kg and mass_kg) else value
    margin = 0.25 * (high - low)
    if low <= v <= high:
        return "normal"
    if low - margin <= v <= high + margin:
        return "borderline"
    return "outside"
