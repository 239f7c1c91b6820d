"""How precise each clinical reading is: its standard error of measurement (SEM), with
the published reliability study it comes from, or the words "teaching assumption".

This is the one place where the clinic's measurement errors are set. A reading of the
virtual clinic is the model's value plus normal noise with this SEM
(:mod:`biomech.clinic.examinations`); the smallest real difference a single repeat can
show is the minimal detectable change, ``MDC95 = 1.96 * sqrt(2) * SEM``.

Where a study gave the error as a 95 % band (SEM95, limits of agreement) it is divided by
1.96; where it gave a percentage of the value, the SEM scales with the reading. Studies
measured healthy adults (or, for the radiograph, children with valgus); the clinic
applies their errors to every patient, a simplification.

References are keys of :mod:`biomech.references`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: z of a two-sided 95 % interval.
Z95 = 1.96


@dataclass(frozen=True)
class Reliability:
    """Measurement error of one reading.

    ``sem`` is in the reading's ``unit`` (or, with ``relative=True``, a share of the
    reading). ``source`` is a reference key, or None for a teaching assumption, whose
    reason is ``assumption``. ``note`` says how the number was taken from the source.
    """

    reading: str
    sem: float
    unit: str
    source: str | None
    note: str
    relative: bool = False
    assumption: str = ""

    @property
    def is_assumption(self):
        """True when no published value was found and the SEM is a teaching assumption."""
        return self.source is None

    def absolute_sem(self, value=None):
        """SEM in the reading's unit (``value`` is needed for a relative SEM)."""
        if not self.relative:
            return self.sem
        if value is None:
            raise ValueError(f"{self.reading}: a relative SEM needs the reading's value")
        return self.sem * abs(value)


def _r(*args, **kwargs):
    return Reliability(*args, **kwargs)


#: Every reading's measurement error, by reading name.
RELIABILITY = {
    r.reading: r
    for r in (
        _r(
            "navicular_drop_mm",
            2.16,
            "mm",
            "Sabino2012",
            "typical error of measurement 2.16 mm between two examiners (calliper, 30 feet)",
        ),
        _r(
            "hip_abduction_range_deg",
            2.1,
            "deg",
            "PMID26674136",
            "passive hip abduction with the knee flexed over the plinth edge: SEM 2.1 deg, MDC95 5.9 deg, between "
            "sessions, 50 recreational athletes",
        ),
        _r(
            "hip_abductor_strength_pct_bw",
            0.05,
            "%BW",
            "Thorborg2010",
            "hip abduction with a hand-held dynamometer: test-retest measurement variation below 5 % (best of four "
            "pulls, one examiner, one week apart), taken as an SEM of 5 % of the reading",
            relative=True,
        ),
        _r(
            "pelvic_drop_deg",
            2.0,
            "deg",
            "Youdas2007",
            "pelvis-on-femur angle in single-leg stance: SEM 2 deg, MDC 4 deg (90 healthy adults); used for the "
            "pelvic drop, the same frontal-plane angle measured from the horizontal",
        ),
        _r(
            "trunk_lean_deg",
            2.0,
            "deg",
            None,
            "same SEM as the pelvic drop it is read beside",
            assumption="no published reliability of a clinician's reading of sideways trunk lean in the "
            "Trendelenburg test was found",
        ),
        _r(
            "fppa_deg",
            3.0,
            "deg",
            "Munro2012",
            "2-D frontal-plane projection angle between days: SEM 2.72-3.01 deg across screening tasks; the upper "
            "value, rounded",
        ),
        _r(
            "hka_deg",
            1.39 / Z95,
            "deg",
            "Braun2023",
            "mechanical femorotibial angle on digital long-leg radiographs: SEM95 +-1.39 deg (two observers, 144 "
            "legs of children with valgus), divided by 1.96",
        ),
        _r(
            "mad_mm",
            3.31 / Z95,
            "mm",
            "Braun2023",
            "mechanical axis deviation: SEM95 +-3.31 mm, divided by 1.96; the WBL ratio's SEM is this over the "
            "tibial plateau width",
        ),
        _r(
            "hip_width_mm",
            4.53 / Z95,
            "mm",
            None,
            "femur length on the same radiographs: SEM95 4.53 mm [Braun2023], divided by 1.96",
            assumption="no reliability of the distance between the hip centres on a long-leg radiograph was found; "
            "the error of another length read on the same film is used instead",
        ),
        _r(
            "pelvic_tilt_deg",
            2.59,
            "deg",
            "Prushansky2008",
            "digital inclinometer in standing: inter-tester SEM 2.59 deg (intra-tester 0.9-2.26 deg)",
        ),
        _r(
            "q_angle_deg",
            1.0,
            "deg",
            "Weiss2013",
            "surface goniometry, one tester, 48 h apart: SEM 1.0 deg, 95 % limits of agreement 3 deg (52 adults, "
            "measured lying down; the clinic reads it standing)",
        ),
        _r(
            "intermalleolar_distance_mm",
            5.0,
            "mm",
            None,
            "a tape or calliper between the inner ankle bones, standing with the knees together",
            assumption="no published SEM of the knees-together ankle gap was found",
        ),
    )
}

#: Readings whose SEM is a teaching assumption (no published value was found), in one list.
TEACHING_ASSUMPTIONS = tuple(name for name, r in RELIABILITY.items() if r.is_assumption)


def mdc95(sem):
    """Minimal detectable change of one repeat at 95 % confidence: 1.96 * sqrt(2) * SEM."""
    return Z95 * math.sqrt(2.0) * sem


def wbl_sem_pct(plateau_width_mm):
    """SEM of the weight-bearing-line ratio [% of plateau width] from the SEM of the
    mechanical axis deviation [mm] [Braun2023]."""
    return 100.0 * RELIABILITY["mad_mm"].sem / plateau_width_mm
