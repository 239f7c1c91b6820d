"""Paley's malalignment test: is the limb out of line, and is it the femur, the tibia or
the joint line?

Read from a standing front radiograph, step by step [Paley2002; as applied by
Feucht2021]:

1. the mechanical axis deviation (MAD): how far the hip-ankle line passes from the knee
   centre. Normal is 8 +- 7 mm medial (:data:`biomech.norms.NORMAL_RANGES`, mean +- 1 SD
   here, as the test uses it); more medial is varus malalignment, less is valgus;
2. the distal femur's angle (mLDFA, normal 85-90 deg): outside it, the femur takes part;
3. the proximal tibia's angle (MPTA, 85-90 deg): outside it, the tibia takes part;
4. the joint-line convergence (JLCA, 0-2 deg): outside it, the joint itself (worn
   cartilage or slack ligaments) takes part.

A limb can be out of line with every angle inside its range (several small
contributions that add up), or in line with two abnormal segments that cancel. Children
are judged against their age: step 1 compares the limb's alignment with the
developmental curve (a child's normal load line moves with age) and the joint angles
keep the adult ranges' width around the age's typical values
(:func:`biomech.norms.bounds_for`).
Citations in square brackets are keys of :mod:`biomech.references`.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import norms, subject
from .model import simulate

#: The segments the test names, by the measure that shows each.
SEGMENTS = {"mldfa_deg": "femur", "mpta_deg": "tibia", "jlca_deg": "joint line"}
#: A standing radiograph: two feet, knees straight (the test's own condition).
STANDING_FILM = {"task": "stand", "knee_flexion_deg": 0.0}


@dataclass(frozen=True)
class Step:
    """One step of the test: the measure, its value, its normal range and the finding."""

    measure: str
    label: str
    value: float
    low: float
    high: float
    unit: str
    finding: str

    @property
    def outside(self):
        return not self.low <= self.value <= self.high


@dataclass(frozen=True)
class MalalignmentTest:
    """The test's answer: ``malalignment`` ("varus", "valgus" or None), the
    ``segments`` outside their normal range ("femur", "tibia", "joint line"), the four
    :class:`Step` s, a one-line ``summary`` and a ``note`` on how it was measured."""

    malalignment: str | None
    segments: tuple
    steps: tuple
    summary: str
    note: str

    def __str__(self):
        lines = [f"Malalignment test (Paley): {self.summary}"]
        lines += [f"  {i}. {s.label}: {s.finding}" for i, s in enumerate(self.steps, 1)]
        return "\n".join(lines + [f"  ({self.note})"])


def _mad_words(medial_mm):
    return f"{abs(medial_mm):.1f} mm {'medial' if medial_mm >= 0 else 'lateral'}"


def malalignment_test(result):
    """Paley's malalignment test of a :class:`biomech.Result`.

    The test is defined on a standing radiograph: for any other task the same person,
    bones and causes are simulated standing with straight knees, and the ``note`` says
    so. Returns a :class:`MalalignmentTest`.
    """
    i = result.inputs
    note = "standing radiograph of the model, soft tissue loaded"
    if i["task"] != STANDING_FILM["task"] or abs(i["knee_flexion_deg"]) > 0.5:
        result = simulate(**{**i, **STANDING_FILM})
        note = f"measured on the same person standing (the result was {i['task']}); soft tissue loaded"
    sex, age = i["sex"], i["age_years"]
    medial = -result.load_axis_shift_mm  # the test reads MAD as + medial
    if age < subject.ADULT_AGE_YEARS:
        steps = [_child_alignment_step(result, sex, age, medial)]
        malalignment = None if not steps[0].outside else ("varus" if steps[0].value < steps[0].low else "valgus")
    else:
        mad_range = norms.find("load_axis_shift_mm")
        centre, sd = 0.5 * (mad_range.low + mad_range.high), 0.25 * (mad_range.high - mad_range.low)
        low, high = -(centre + sd), -(centre - sd)
        if medial > high:
            malalignment, mad_finding = "varus", f"{_mad_words(medial)}: more medial than normal, varus malalignment"
        elif medial < low:
            malalignment, mad_finding = "valgus", f"{_mad_words(medial)}: less medial than normal, valgus malalignment"
        else:
            malalignment, mad_finding = None, f"{_mad_words(medial)}: within normal, no malalignment"
        steps = [Step("load_axis_shift_mm", "Mechanical axis deviation", medial, low, high, "mm medial", mad_finding)]
    for name, segment in SEGMENTS.items():
        lo, hi = norms.bounds_for(name, sex, age, norms.find(name))
        value = float(getattr(result, name))
        if value < lo or value > hi:
            side = _segment_side(name, value, lo, hi)
            finding = f"{value:.1f}° (normal {lo:.1f}-{hi:.1f}°): the {segment} adds {side}"
        else:
            finding = f"{value:.1f}° (normal {lo:.1f}-{hi:.1f}°): the {segment} is normal"
        steps.append(Step(name, norms.find(name).label, value, lo, hi, "deg", finding))
    segments = tuple(SEGMENTS[s.measure] for s in steps[1:] if s.outside)
    return MalalignmentTest(malalignment, segments, tuple(steps), _summary(malalignment, segments), note)


def _child_alignment_step(result, sex, age, medial):
    """Step 1 for a child: the limb's alignment against the developmental curve for the
    age (mean +- 2 SD, :func:`biomech.norms.bounds_for`), since a child's normal load
    line moves with age; the MAD is reported alongside."""
    low, high = norms.bounds_for("hka_deg", sex, age, norms.find("hka_deg"))
    hka = float(result.hka_deg)
    words = f"HKA {hka:+.1f}° (normal for {age:g} years {low:+.1f} to {high:+.1f}°), MAD {_mad_words(medial)}"
    if hka < low:
        finding = f"{words}: more varus than the age's normal range, varus malalignment"
    elif hka > high:
        finding = f"{words}: more valgus than the age's normal range, valgus malalignment"
    else:
        finding = f"{words}: within the developmental range, no malalignment"
    return Step("hka_deg", "Limb alignment for age", hka, low, high, "deg", finding)


def _segment_side(name, value, low, high):
    """Which way an abnormal angle pushes the limb: "valgus" or "varus"."""
    above = value > high
    if name == "mpta_deg":
        return "valgus" if above else "varus"
    return "varus" if above else "valgus"  # mLDFA and JLCA: larger = more varus


def _summary(malalignment, segments):
    where = " and ".join(segments)
    if malalignment is None:
        if len(segments) > 1:
            return f"no malalignment, although the {where} are outside normal (their effects cancel)"
        if segments:
            return (
                f"no malalignment, although the {where} is outside normal (not enough to move the load line "
                "out of its range)"
            )
        return "no malalignment; femur, tibia and joint line normal"
    if not segments:
        return f"{malalignment} malalignment with every angle inside its range (small contributions add up)"
    return f"{malalignment} malalignment from the {where}"
