"""Reading the results as an examiner would: the level of each cause from its own test,
the cause inputs the readings imply, and which tests told something beyond their
measurement error.

* :func:`rate_from_readings` is the answer key: a cause is "mild" when its own test reads
  beyond the normal range, "marked" when it reads beyond :data:`MARKED_BEYOND` as well.
* :func:`estimate_inputs` inverts each own test through the model (with the other
  causes at their estimates), so the model's breakdown of the implied patient names the
  dominant cause (:func:`dominant_from_readings`).
* :func:`informativeness` compares each reading's true change from the same person
  without any cause (the "healthy twin") with the test's minimal detectable change.
"""

from __future__ import annotations

from ..attribution import cause_contributions
from ..model import simulate
from .causes import HIP_WIDTH_SD_FRACTION, OWN_TEST, typical_inputs
from .examinations import EXAMS, normal_band, task_inputs, true_readings
from .reliability import mdc95

#: Where "mild" ends and "marked" begins on each cause's own test, in the reading's unit
#: (the hip width in SDs of the typical width): halfway between the readings of the two
#: bands of :data:`biomech.clinic.causes.CAUSES` for a typical adult.
MARKED_BEYOND = {
    "arch_collapse": 14.1,  # navicular drop [mm]
    "adductor_tightness": 26.5,  # hip abduction range [deg]
    "abductor_weakness": 7.7,  # hip abductor strength [% body weight]
    "hip_width_mm": 3.05,  # SDs above the typical width
    "pelvic_tilt_deg": 25.25,  # anterior tilt [deg]
    "constitutional_hka_deg": 5.7,  # standing HKA [deg]
}
#: The side of the normal range a cause pushes its own reading to.
HIGH_IS_ABNORMAL = {
    "arch_collapse": True,
    "adductor_tightness": False,
    "abductor_weakness": False,
    "hip_width_mm": True,
    "pelvic_tilt_deg": True,
    "constitutional_hka_deg": True,
}


def _marked_threshold(cause, inputs):
    if cause == "hip_width_mm":
        typical = typical_inputs(inputs["sex"], inputs["height_m"], inputs["age_years"])["hip_width_mm"]
        return typical * (1.0 + HIP_WIDTH_SD_FRACTION * MARKED_BEYOND[cause])
    return MARKED_BEYOND[cause]


def rate_cause(cause, value, inputs):
    """Level of ``cause`` from its own test's reading ``value`` for the person of
    ``inputs``: "none" inside the normal range, "mild" beyond it, "marked" beyond the
    marked threshold."""
    _, reading = OWN_TEST[cause]
    band = normal_band(reading, inputs)
    high = HIGH_IS_ABNORMAL[cause]
    limit = band.high if high else band.low
    beyond = value > limit if high else value < limit
    if not beyond:
        return "none"
    marked = _marked_threshold(cause, inputs)
    return "marked" if (value > marked if high else value < marked) else "mild"


def rate_from_readings(readings, inputs):
    """``{cause: level}`` for every cause whose own test is among ``readings`` (a dict of
    reading name -> value); causes without their test are left out."""
    return {
        cause: rate_cause(cause, readings[reading], inputs)
        for cause, (_, reading) in OWN_TEST.items()
        if reading in readings
    }


def _solve(read, target, low, high, tolerance=1e-6, steps=40):
    """``x`` in ``[low, high]`` where the monotone ``read(x)`` equals ``target`` (regula
    falsi with the Illinois step; clipped to the interval when the target lies outside)."""
    f_low, f_high = read(low) - target, read(high) - target
    if f_low * f_high > 0:
        return low if abs(f_low) < abs(f_high) else high
    side = 0
    for _ in range(steps):
        x = high - f_high * (high - low) / (f_high - f_low)
        f_x = read(x) - target
        if abs(f_x) < tolerance:
            return x
        if f_x * f_high > 0:
            high, f_high = x, f_x
            if side == -1:
                f_low /= 2.0
            side = -1
        else:
            low, f_low = x, f_x
            if side == 1:
                f_high /= 2.0
            side = 1
    return x


#: Search interval of each cause input when inverting its own test [model units].
_SEARCH = {
    "adductor_tightness": (0.0, 1.0),
    "abductor_weakness": (0.0, 1.0),
    "arch_collapse": (0.0, 1.0),
    "hip_width_mm": (40.0, 320.0),
    "pelvic_tilt_deg": (-15.0, 35.0),
    "constitutional_hka_deg": (-30.0, 30.0),
}


def estimate_inputs(readings, person, compensation="pelvic_drop", sweeps=2):
    """The cause inputs that reproduce the own-test ``readings`` through the model, for
    ``person`` (sex, height_m, mass_kg, age_years). Causes whose own test is missing keep
    their typical value. Returns complete model inputs (without a task)."""
    inputs = {
        **person,
        **typical_inputs(person["sex"], person["height_m"], person["age_years"]),
        "side": "right",
        "trunk_lean_deg": 0.0,
        "compensation": compensation,
    }
    hip_limit = 0.199 * person["height_m"] * 1000.0  # the model allows up to 0.20 of the height
    for _ in range(sweeps):
        for cause, (_, reading) in OWN_TEST.items():
            if reading not in readings:
                continue
            low, high = _SEARCH[cause]
            if cause == "hip_width_mm":
                low, high = max(low, 0.051 * person["height_m"] * 1000.0), min(high, hip_limit)

            def read(x, cause=cause, reading=reading):
                return true_readings({**inputs, cause: x})[reading]

            inputs[cause] = float(_solve(read, readings[reading], low, high))
    return inputs


def dominant_from_readings(readings, person, compensation="pelvic_drop"):
    """The cause with the largest share of the projection angle for the patient the
    readings imply (:func:`estimate_inputs`); None when no cause reads beyond normal."""
    inputs = estimate_inputs(readings, person, compensation)
    if all(level == "none" for level in rate_from_readings(readings, inputs).values()):
        return None
    shares = cause_contributions(simulate(**task_inputs(inputs, "single_leg_squat")).inputs)["fppa_deg"]["shares"]
    return max(shares, key=shares.get)


def healthy_twin(inputs):
    """The same person with every cause at its typical value (and no compensation)."""
    return {
        **inputs,
        **typical_inputs(inputs["sex"], inputs["height_m"], inputs["age_years"]),
        "compensation": "pelvic_drop",
    }


def informativeness(inputs, exam_results):
    """For each recorded reading: how far the patient's true value lies from the healthy
    twin's, against the test's minimal detectable change (MDC95).

    Returns a list of dicts (exam, reading, measured, true, healthy, sem, mdc, verdict)
    where verdict is "finding" (the true change reaches the MDC), "hidden" (a real change,
    at least a quarter of an SEM, but smaller than the MDC: within measurement noise) or
    "normal" (as in a healthy person: the test speaks against the causes it detects).
    """
    truth, twin = true_readings(inputs), true_readings(healthy_twin(inputs))
    rows = []
    for result in exam_results:
        for reading, measured in result.values.items():
            sem = result.sems[reading]
            change = truth[reading] - twin[reading]
            mdc = mdc95(sem)
            verdict = "finding" if abs(change) >= mdc else "hidden" if abs(change) >= 0.25 * sem else "normal"
            rows.append(
                {
                    "exam": result.exam,
                    "reading": reading,
                    "measured": measured,
                    "true": truth[reading],
                    "healthy": twin[reading],
                    "sem": sem,
                    "mdc": mdc,
                    "verdict": verdict,
                    "moved_by": EXAMS[result.exam].moved_by,
                }
            )
    return rows


__all__ = [
    "rate_cause",
    "rate_from_readings",
    "estimate_inputs",
    "dominant_from_readings",
    "informativeness",
    "healthy_twin",
    "MARKED_BEYOND",
]
