"""The clinical examinations: what each test records about a virtual patient, how long it
takes, its normal range, and its measurement error.

A reading is the model's value for the patient (in the pose the test uses) plus normal
noise whose SD is the test's published standard error of measurement
(:mod:`biomech.clinic.reliability`). Lengths that cannot be negative are floored at 0
after the noise. Each examination costs minutes from the case's time budget.

Normal ranges come from :mod:`biomech.norms` where a published range was measured the
same way; the others say where they come from, and those that are teaching choices say
so (``NormalBand.assumption``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .. import balance, norms
from ..causes import NORMAL_HIP_ABDUCTION_RANGE_DEG
from ..model import simulate
from .causes import HIP_WIDTH_SD_FRACTION, typical_inputs
from .reliability import RELIABILITY, wbl_sem_pct

#: Knee flexion at which the single-leg squat is filmed [deg]: inside the 45-75 deg band of
#: the published normal range of the projection angle [Herrington2014].
FPPA_KNEE_FLEXION_DEG = 60.0
#: Hip abduction strength of healthy young women with a hand-held dynamometer: 16.85 %
#: of body weight (95 % CI 16.03-17.66, 52 women) [Alvarenga2019]. Used for both sexes
#: and for children (teaching assumption: no other sample was checked).
NORMAL_ABDUCTOR_STRENGTH_PCT_BW = 16.85
#: Spread of that strength between healthy people [%BW]: back-calculated from the 95 % CI
#: with n = 52 (teaching assumption: the study gives no SD).
ABDUCTOR_STRENGTH_SD_PCT_BW = 3.0


@dataclass(frozen=True)
class Reading:
    """One number an examination records: name (a key of the results), plain label,
    unit, decimals shown, and the side that counts as abnormal ("high", "low" or "both")."""

    name: str
    label: str
    unit: str
    digits: int = 1
    abnormal: str = "high"


@dataclass(frozen=True)
class Exam:
    """One clinical examination: ``key``, plain ``label``, what the student sees it do
    (``how``), its cost in ``minutes``, the ``readings`` it records, and which causes
    move them in the model (``moved_by``, for the feedback)."""

    key: str
    label: str
    how: str
    minutes: int
    readings: tuple
    moved_by: tuple


@dataclass(frozen=True)
class NormalBand:
    """Normal range of a reading for one patient, with where it comes from (``basis``,
    citing reference keys in square brackets) and whether it is a teaching choice."""

    low: float
    high: float
    basis: str
    assumption: bool = False

    def contains(self, value):
        return self.low <= value <= self.high


READINGS = {
    r.name: r
    for r in (
        Reading("navicular_drop_mm", "Navicular drop", "mm"),
        Reading("hip_abduction_range_deg", "Passive hip abduction range", "°", 0, "low"),
        Reading("hip_abductor_strength_pct_bw", "Hip abductor strength", "% body weight", 1, "low"),
        Reading("pelvic_drop_deg", "Pelvic drop on the other side", "°"),
        Reading("trunk_lean_deg", "Trunk lean over the standing leg", "°", 1, "both"),
        Reading("fppa_deg", "Frontal-plane projection angle (+ = valgus)", "°"),
        Reading("hka_deg", "Hip-knee-ankle angle (+ = valgus)", "°", 1, "both"),
        Reading("wbl_ratio_pct", "Weight-bearing-line ratio", "%", 0, "both"),
        Reading("hip_width_mm", "Distance between the hip centres", "mm", 0, "high"),
        Reading("pelvic_tilt_deg", "Anterior pelvic tilt", "°", 1, "both"),
        Reading("q_angle_deg", "Q-angle", "°", 1, "both"),
        Reading("intermalleolar_distance_mm", "Ankle gap with knees together", "mm", 0),
    )
}

EXAMS = {
    e.key: e
    for e in (
        Exam(
            "navicular_drop",
            "Navicular drop test",
            "Mark the navicular bone seated and standing; the drop is how far the arch sinks under body weight.",
            3,
            ("navicular_drop_mm",),
            ("arch_collapse",),
        ),
        Exam(
            "hip_abduction_range",
            "Hip abduction range (adductor length)",
            "Lying on the back, the leg is taken out to the side as far as the inner-thigh muscles allow.",
            4,
            ("hip_abduction_range_deg",),
            ("adductor_tightness",),
        ),
        Exam(
            "hip_abductor_strength",
            "Hip abductor strength (hand-held dynamometer)",
            "The patient pushes the leg out against a hand-held force gauge; best of four pulls.",
            5,
            ("hip_abductor_strength_pct_bw",),
            ("abductor_weakness",),
        ),
        Exam(
            "trendelenburg",
            "Trendelenburg test (standing on one leg)",
            "Stand on the painful leg for 30 s; does the other side of the pelvis drop, or the trunk lean over?",
            2,
            ("pelvic_drop_deg", "trunk_lean_deg"),
            ("abductor_weakness", "adductor_tightness"),
        ),
        Exam(
            "fppa_video",
            "2-D video of a single-leg squat (FPPA)",
            "Film a single-leg squat from the front with skin markers; measure the knee's projection angle.",
            6,
            ("fppa_deg",),
            (
                "adductor_tightness",
                "abductor_weakness",
                "arch_collapse",
                "hip_width_mm",
                "pelvic_tilt_deg",
                "constitutional_hka_deg",
            ),
        ),
        Exam(
            "xray",
            "Standing long-leg X-ray",
            "A radiograph of both legs standing: bone alignment, where the load line crosses the knee, hip width.",
            15,
            ("hka_deg", "wbl_ratio_pct", "hip_width_mm"),
            ("constitutional_hka_deg", "hip_width_mm"),
        ),
        Exam(
            "pelvic_tilt",
            "Pelvic tilt (inclinometer)",
            "Standing; an inclinometer across the front and back bony points of the pelvis.",
            3,
            ("pelvic_tilt_deg",),
            ("pelvic_tilt_deg",),
        ),
        Exam(
            "q_angle",
            "Q-angle (goniometer)",
            "Standing; the angle between the line to the front of the pelvis and the line of the kneecap tendon.",
            3,
            ("q_angle_deg",),
            ("constitutional_hka_deg", "pelvic_tilt_deg", "abductor_weakness", "adductor_tightness", "hip_width_mm"),
        ),
        Exam(
            "ankle_gap",
            "Knees-together ankle gap",
            "Standing with the knees just touching; the gap between the inner ankle bones.",
            2,
            ("intermalleolar_distance_mm",),
            ("constitutional_hka_deg",),
        ),
    )
}

#: The reading each examination's noise-free value comes from: (task, Result attribute).
_SOURCE = {
    "navicular_drop_mm": ("stand", "navicular_drop_mm"),
    "pelvic_drop_deg": ("single_leg_stance", "pelvic_drop_deg"),
    "trunk_lean_deg": ("single_leg_stance", "trunk_lean_deg"),
    "fppa_deg": ("single_leg_squat", "fppa_deg"),
    "hka_deg": ("stand", "hka_deg"),
    "wbl_ratio_pct": ("stand", "wbl_ratio_pct"),
    "hip_width_mm": ("stand", "hip_width_mm"),
    "pelvic_tilt_deg": ("stand", "pelvic_tilt_deg"),
    "q_angle_deg": ("stand", "q_angle_deg"),
    "intermalleolar_distance_mm": ("knees_together", "intermalleolar_distance_mm"),
}
#: Readings that cannot be negative (floored at 0 after the noise).
_NON_NEGATIVE = (
    "navicular_drop_mm",
    "intermalleolar_distance_mm",
    "hip_abductor_strength_pct_bw",
    "hip_abduction_range_deg",
    "hip_width_mm",
)


def abductor_strength_pct_bw(abductor_weakness):
    """Hand-held-dynamometer hip abductor strength [% body weight] of a patient with this
    weakness: the healthy value [Alvarenga2019] times the share of strength left
    (:func:`biomech.balance.strength_left`, the same share the model's balance uses)."""
    return NORMAL_ABDUCTOR_STRENGTH_PCT_BW * balance.strength_left(abductor_weakness)


def task_inputs(inputs, task):
    """:func:`biomech.simulate` keywords of a patient's ``inputs`` in ``task`` (the
    single-leg squat at :data:`FPPA_KNEE_FLEXION_DEG`, every other task at its default)."""
    return {**inputs, "task": task, "knee_flexion_deg": FPPA_KNEE_FLEXION_DEG if task == "single_leg_squat" else None}


@lru_cache(maxsize=2048)
def _true_readings(items):
    inputs = dict(items)
    results = {
        task: simulate(**task_inputs(inputs, task))
        for task in ("stand", "single_leg_stance", "single_leg_squat", "knees_together")
    }
    values = {name: float(getattr(results[task], attr)) for name, (task, attr) in _SOURCE.items()}
    values["hip_abduction_range_deg"] = NORMAL_HIP_ABDUCTION_RANGE_DEG - float(results["stand"].lost_abduction_deg)
    values["hip_abductor_strength_pct_bw"] = float(abductor_strength_pct_bw(inputs["abductor_weakness"]))
    values["plateau_width_mm"] = float(results["stand"].plateau_width_mm)
    return values


def true_readings(inputs):
    """Every reading without measurement error, for model ``inputs`` (a patient's
    :attr:`~biomech.clinic.patients.Patient.inputs`). Returns a new dict."""
    return dict(_true_readings(tuple(sorted(inputs.items()))))


def sem(reading, value, plateau_width_mm):
    """Standard error of measurement of ``reading`` at ``value`` [the reading's unit]."""
    if reading == "wbl_ratio_pct":
        return wbl_sem_pct(plateau_width_mm)
    return RELIABILITY[reading].absolute_sem(value)


def normal_band(reading, inputs):
    """The :class:`NormalBand` of ``reading`` for the person of ``inputs``."""
    sex, age = inputs["sex"], inputs["age_years"]
    if reading in (
        "navicular_drop_mm",
        "pelvic_tilt_deg",
        "q_angle_deg",
        "wbl_ratio_pct",
        "intermalleolar_distance_mm",
        "fppa_deg",
        "hka_deg",
    ):
        task = {"fppa_deg": "single_leg_squat", "intermalleolar_distance_mm": "knees_together"}.get(reading, "stand")
        flexion = FPPA_KNEE_FLEXION_DEG if task == "single_leg_squat" else 0.0
        rng = norms.find(reading, task, flexion)
        low, high = norms.bounds_for(reading, sex, age, rng)
        basis = f"{rng.note} [{'; '.join(rng.sources)}]"
        if reading == "hka_deg" and age < 18:
            basis = "the age's mean +- 2 SD of the developmental curve [SaleniusVankka1975; Yoo2008; Oyewole2013]"
        return NormalBand(low, high, basis)
    if reading == "hip_abduction_range_deg":
        return NormalBand(
            35.0,
            60.0,
            "healthy passive hip abduction is about 45 deg [AAOS1965]; the 35 deg lower limit is a teaching choice",
            assumption=True,
        )
    if reading == "hip_abductor_strength_pct_bw":
        sd = ABDUCTOR_STRENGTH_SD_PCT_BW
        return NormalBand(
            NORMAL_ABDUCTOR_STRENGTH_PCT_BW - 2 * sd,
            NORMAL_ABDUCTOR_STRENGTH_PCT_BW + 2 * sd,
            "16.85 % body weight in young women [Alvarenga2019], +- 2 SD with an SD back-calculated "
            "from its confidence interval",
            assumption=True,
        )
    if reading == "pelvic_drop_deg":
        return NormalBand(
            -4.0,
            8.0,
            "the model's healthy 2 deg +- 2 SD of the pelvis-on-femur angle (3 deg) in healthy adults [Youdas2007]",
            assumption=True,
        )
    if reading == "trunk_lean_deg":
        return NormalBand(-4.0, 4.0, "an upright trunk within the same +-4 deg (teaching choice)", assumption=True)
    if reading == "hip_width_mm":
        typical = typical_inputs(sex, inputs["height_m"], age)["hip_width_mm"]
        return NormalBand(
            typical * (1 - 2 * HIP_WIDTH_SD_FRACTION),
            typical * (1 + 2 * HIP_WIDTH_SD_FRACTION),
            "typical for sex and height [Bell1989] +- 2 SD of 6 % (teaching choice)",
            assumption=True,
        )
    raise KeyError(f"unknown reading {reading!r}; known: {sorted(READINGS)}")


@dataclass(frozen=True)
class ExamResult:
    """What one examination recorded: ``values`` and their ``sems`` by reading name."""

    exam: str
    values: dict
    sems: dict

    @property
    def label(self):
        return EXAMS[self.exam].label


def examine(inputs, exam, rng=None):
    """Run examination ``exam`` (a key of :data:`EXAMS`) on the patient of ``inputs``.

    ``rng`` is a :class:`numpy.random.Generator`; with ``None`` the readings carry no
    measurement error (the model's values). Returns an :class:`ExamResult`.
    """
    if exam not in EXAMS:
        raise KeyError(f"unknown examination {exam!r}; known: {', '.join(EXAMS)}")
    truth = true_readings(inputs)
    values, sems = {}, {}
    for reading in EXAMS[exam].readings:
        true = truth[reading]
        sems[reading] = sem(reading, true, truth["plateau_width_mm"])
        value = true if rng is None else true + sems[reading] * rng.standard_normal()
        values[reading] = max(value, 0.0) if reading in _NON_NEGATIVE else value
    return ExamResult(exam, values, sems)


def run_battery(inputs, rng=None, exams=None):
    """Every examination (or those in ``exams``) on one patient: ``{exam: ExamResult}``."""
    return {key: examine(inputs, key, rng) for key in (exams or EXAMS)}
