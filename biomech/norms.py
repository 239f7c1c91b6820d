"""Published normal ranges of the measures, each naming its sources by key
(:mod:`biomech.references`) and the task and knee flexion it was measured in.

A verdict ("normal", "borderline", "outside") is given only against a range measured in
the same task: standing-radiograph measures (HKA, aTFA, load-axis shift, WBL ratio) only
standing with a straight knee; the frontal-plane projection angle only in a single-leg
squat at the depths the studies measured; loads in the stance they were measured in. In
any other case there is no verdict: the model's number is then a projection or an
estimate without a published yardstick, and the readouts say so. For children the
alignment ranges follow the developmental curve (:func:`bounds_for`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import deformity, subject

#: Tasks measured standing on both feet (sitting reports the standing pose's alignment).
STANDING = ("stand", "knees_together", "sitting")
#: Standing long-leg radiographs are taken with the knees straight; up to this much knee
#: flexion (or hyperextension) the model's standing pose still counts as one [deg].
RADIOGRAPH_FLEXION_DEG = (-10.0, 10.0)


@dataclass(frozen=True)
class NormalRange:
    """A published normal range of one measure (adults), in the tasks it was measured in.

    ``sources`` are keys of :mod:`biomech.references`; ``note`` says how the range was
    formed from them (e.g. mean +- 2 SD). ``tasks`` lists the model tasks it applies to
    (none: a reference value from another activity, shown but never used for a verdict);
    ``knee_flexion_deg`` limits it to a band of knee flexion (sitting counts as a
    straight knee, because its alignment is reported for standing).
    """

    label: str
    unit: str
    low: float
    high: float
    sources: tuple
    note: str
    context: str
    tasks: tuple
    low_male: float | None = None
    high_male: float | None = None
    per_kg: bool = False
    knee_flexion_deg: tuple | None = None

    def applies_to(self, task, knee_flexion_deg=None):
        """True when the range was measured in ``task`` at this knee flexion."""
        if task not in self.tasks:
            return False
        if self.knee_flexion_deg is None or knee_flexion_deg is None or task == "sitting":
            return True
        low, high = self.knee_flexion_deg
        return low <= knee_flexion_deg <= high

    def bounds(self, sex="female"):
        """(low, high) for the given sex."""
        if sex == "male" and self.low_male is not None:
            return self.low_male, self.high_male
        return self.low, self.high


def _range(*args, **kwargs):
    return NormalRange(*args, **kwargs)


#: Every published range, by measure; a measure may have ranges for several tasks.
NORMAL_RANGES = {
    "hka_deg": (
        _range(
            "Hip-knee-ankle angle",
            "deg",
            -5.6,
            3.2,
            ("Nicolella2012",),
            "1.2 +- 2.2 deg varus in 120 volunteers (Table 2), mean +- 2 SD",
            "standing radiograph",
            STANDING,
            knee_flexion_deg=RADIOGRAPH_FLEXION_DEG,
        ),
    ),
    "atfa_deg": (
        _range(
            "Anatomic tibiofemoral angle",
            "deg",
            -0.4,
            10.0,
            ("Jamali2017",),
            "4.8 +- 2.6 deg valgus, mean +- 2 SD",
            "standing radiograph",
            STANDING,
            knee_flexion_deg=RADIOGRAPH_FLEXION_DEG,
        ),
    ),
    "fppa_deg": (
        _range(
            "Frontal-plane projection angle",
            "deg",
            -1.8,
            18.6,
            ("Herrington2014",),
            "healthy women 8.4 +- 5.1 deg at the deepest point of a single-leg squat, mean +- 2 SD (no verified "
            "men's SD: the same range is used; men's means are a little lower)",
            "single-leg squat, 45-75 deg",
            ("single_leg_squat",),
            knee_flexion_deg=(45.0, 75.0),
        ),
    ),
    "load_axis_shift_mm": (
        _range(
            "Load-axis shift at the knee",
            "mm",
            -22.0,
            6.0,
            ("PaleyTetsworth1992",),
            "mechanical axis deviation 8 +- 7 mm medial, mean +- 2 SD (not verified)",
            "standing radiograph",
            STANDING,
            knee_flexion_deg=RADIOGRAPH_FLEXION_DEG,
        ),
    ),
    "wbl_ratio_pct": (
        _range(
            "Weight-bearing-line ratio",
            "%",
            19.0,
            58.0,
            ("PaleyTetsworth1992",),
            "derived from the mechanical axis deviation over a 72 mm plateau",
            "standing radiograph",
            STANDING,
            knee_flexion_deg=RADIOGRAPH_FLEXION_DEG,
        ),
    ),
    "mldfa_deg": (
        _range(
            "Mechanical lateral distal femoral angle",
            "deg",
            85.0,
            90.0,
            ("Paley2002", "Feucht2021", "Jamali2017"),
            "Paley's normal range as used in his malalignment test (the book's table was not retrieved; Feucht "
            "et al. apply its 85 deg limit; CT mean 85.6 +- 2.3)",
            "standing radiograph",
            STANDING,
            knee_flexion_deg=RADIOGRAPH_FLEXION_DEG,
        ),
    ),
    "mpta_deg": (
        _range(
            "Medial proximal tibial angle",
            "deg",
            85.0,
            90.0,
            ("Paley2002", "Feucht2021", "Jamali2017"),
            "Paley's normal range as used in his malalignment test (the book's table was not retrieved; Feucht "
            "et al. apply its 90 deg limit; CT mean 86.1 +- 2.8)",
            "standing radiograph",
            STANDING,
            knee_flexion_deg=RADIOGRAPH_FLEXION_DEG,
        ),
    ),
    "jlca_deg": (
        _range(
            "Joint-line convergence angle",
            "deg",
            0.0,
            2.0,
            ("Paley2002", "MacDessi2021"),
            "Paley's normal 0-2 deg converging medially (not retrieved; normal knees show about 0.5 deg)",
            "standing radiograph",
            STANDING,
            knee_flexion_deg=RADIOGRAPH_FLEXION_DEG,
        ),
    ),
    "q_angle_deg": (
        _range(
            "Q-angle",
            "deg",
            8.0,
            23.0,
            ("NigerianQ", "LivingstonMandigo1997", "Raveendranath2009"),
            "standing young adults, women 14.8-17.1 +- 3.5 deg, men 10.4-12.3 +- 3.8 (right and left), mean +- 2 "
            "SD; other samples lie inside",
            "standing",
            STANDING[:2],
            low_male=4.0,
            high_male=19.0,
            knee_flexion_deg=RADIOGRAPH_FLEXION_DEG,
        ),
    ),
    "intermalleolar_distance_mm": (
        _range(
            "Ankle gap with knees together",
            "mm",
            0.0,
            80.0,
            ("StatPearlsGenuValgum",),
            "an ankle gap over 8 cm in the knees-together test is the usual referral threshold",
            "knees together",
            ("stand", "knees_together", "single_leg_stance", "squat", "single_leg_squat", "lunge", "sitting"),
        ),
    ),
    "pelvic_drop_deg": (
        _range(
            "Pelvic drop",
            "deg",
            -1.9,
            11.3,
            ("Weeks2015",),
            "peak drop in a single-leg squat, women 4.7 +- 4.4, men 3.1 +- 4.1 deg, mean +- 1.5 SD",
            "single-leg squat",
            ("single_leg_squat",),
            low_male=-3.1,
            high_male=9.3,
        ),
    ),
    "pelvic_tilt_deg": (
        _range(
            "Anterior pelvic tilt",
            "deg",
            3.0,
            19.0,
            ("Herrington2011", "Preece2008"),
            "most adults stand tilted forward; about 11 +- 4 deg (mean +- 2 SD; the means were not verified)",
            "standing",
            STANDING,
        ),
    ),
    "navicular_drop_mm": (
        _range(
            "Navicular drop",
            "mm",
            0.0,
            10.0,
            ("Nielsen2009",),
            "healthy means 3.6-8.1 mm; Mueller's upper limit 10 mm",
            "standing",
            ("stand", "knees_together"),
        ),
    ),
    "medial_load_fraction": (
        _range(
            "Medial share of knee load",
            "",
            0.60,
            0.80,
            ("PMC2965044",),
            "60-80 % medial (introduction of that study)",
            "standing on both legs, knees straight",
            ("stand",),
            knee_flexion_deg=RADIOGRAPH_FLEXION_DEG,
        ),
    ),
    "hip_abductor_force_bw": (
        _range(
            "Hip abductor force",
            "BW",
            1.5,
            3.0,
            ("IntOrthop2008",),
            "Pauwels: F = 3 G = 2.5 BW (G = 5/6 BW); textbooks about 2 BW",
            "single-leg stance",
            ("single_leg_stance",),
            knee_flexion_deg=RADIOGRAPH_FLEXION_DEG,
        ),
    ),
    "hip_contact_force_bw": (
        _range(
            "Hip contact force",
            "BW",
            1.9,
            3.4,
            ("Kotzar1991", "IntOrthop2008"),
            "instrumented hip implants 2.1-2.8 BW in one-leg stance; Pauwels R = 4 G = 3.3 BW",
            "single-leg stance",
            ("single_leg_stance",),
            knee_flexion_deg=RADIOGRAPH_FLEXION_DEG,
        ),
    ),
    "knee_contact_force_bw": (
        _range(
            "Knee contact force",
            "BW",
            2.0,
            3.2,
            ("Kutzner2010",),
            "instrumented knee implants: 259 % BW in one-leg stance",
            "single-leg stance, knee straight",
            ("single_leg_stance",),
            knee_flexion_deg=RADIOGRAPH_FLEXION_DEG,
        ),
        _range(
            "Knee contact force",
            "BW",
            0.8,
            1.4,
            ("Kutzner2010",),
            "instrumented knee implants: 107 % BW in two-leg stance",
            "standing on both legs, knees straight",
            ("stand",),
            knee_flexion_deg=RADIOGRAPH_FLEXION_DEG,
        ),
    ),
    "knee_adduction_moment_nm": (
        _range(
            "Knee adduction moment",
            "N m/kg",
            0.27,
            0.63,
            ("Ota2017",),
            "0.45 +- 0.09 N m/kg, first peak in walking (mean +- 2 SD): a walking value, shown for scale",
            "walking",
            (),
            per_kg=True,
        ),
    ),
}


def find(name, task=None, knee_flexion_deg=None):
    """The range of measure ``name`` that applies to ``task`` at this knee flexion, or
    None. Without a task: the first range listed (for display)."""
    ranges = NORMAL_RANGES.get(name, ())
    if task is None:
        return ranges[0] if ranges else None
    return next((r for r in ranges if r.applies_to(task, knee_flexion_deg)), None)


#: Alignment measures whose normal value moves with age in children (developmental curve).
AGE_DEPENDENT = ("hka_deg", "atfa_deg", "mldfa_deg", "mpta_deg")


def bounds_for(name, sex="female", age_years=25.0, rng=None):
    """(low, high) normal bounds of measure ``name`` for this person (``rng``: which of its
    ranges; default the first).

    Adults get the published range. Below 18 years the alignment measures use the
    developmental curve instead: the age's mean +- 2 SD (the smoothed curve in
    :mod:`biomech.subject`), shifted onto the measure's own scale; the femur's and
    tibia's angles keep the adult range's width around the age's typical value
    (:func:`biomech.deformity.typical_segments`; a teaching assumption, as no
    age-by-age ranges were found).
    """
    rng = rng or find(name)
    if name in AGE_DEPENDENT and age_years < subject.ADULT_AGE_YEARS:
        is_female = sex == "female"
        if name in ("mldfa_deg", "mpta_deg"):
            low, high = rng.bounds(sex)
            shift = float(deformity.typical_segments(is_female, age_years)[name]) - float(
                deformity.typical_segments(is_female, subject.ADULT_AGE_YEARS)[name]
            )
            return low + shift, high + shift
        if name == "atfa_deg":
            centre = float(subject.developmental_tfa_deg(age_years))
        else:
            centre = float(subject.default_hka_deg(is_female, age_years))
        spread = 2.0 * float(subject.developmental_sd_deg(age_years))
        return centre - spread, centre + spread
    return rng.bounds(sex)


def status(name, value, sex="female", mass_kg=None, task=None, age_years=25.0, knee_flexion_deg=None):
    """Readout colour class of ``value`` for measure ``name`` ("normal", "borderline",
    "outside"), or ``None`` when no published range was measured in this task at this
    knee flexion."""
    rng = find(name, task, knee_flexion_deg) if task is not None else find(name)
    if rng is None or not np.isfinite(value):
        return None
    low, high = bounds_for(name, sex, age_years, rng)
    v = value / mass_kg if (rng.per_kg and mass_kg) else value
    margin = 0.25 * (high - low)
    if low <= v <= high:
        return "normal"
    if low - margin <= v <= high + margin:
        return "borderline"
    return "outside"


def judge(name, result):
    """``(range, (low, high), verdict)`` of measure ``name`` in a :class:`biomech.Result`:
    the range measured in the result's task at its knee flexion (else the first range,
    for display, with no verdict), its bounds for this person, and the verdict or None."""
    i = result.inputs
    matched = find(name, i["task"], i["knee_flexion_deg"])
    rng = matched or find(name)
    if rng is None:
        return None, None, None
    bounds = bounds_for(name, i["sex"], i["age_years"], rng)
    verdict = (
        status(name, getattr(result, name), i["sex"], i["mass_kg"], i["task"], i["age_years"], i["knee_flexion_deg"])
        if matched
        else None
    )
    return rng, bounds, verdict
