"""Allowed values of every model input, and the checks that enforce them.

One table (:data:`INPUT_RANGES`) drives validation, the widget slider limits and the
documentation, so a limit is written down once. A bad value raises ``ValueError``
naming the argument, the value, the allowed range and the unit.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class InputRange:
    """Closed interval ``[low, high]`` of a numeric input, with its unit and meaning."""

    low: float
    high: float
    unit: str
    meaning: str

    def describe(self) -> str:
        return f"{self.low:g} to {self.high:g} {self.unit}"


INPUT_RANGES = {
    "height_m": InputRange(0.45, 2.30, "m", "standing height"),
    "mass_kg": InputRange(2.0, 250.0, "kg", "body mass"),
    "age_years": InputRange(0.0, 100.0, "years", "age"),
    "adductor_tightness": InputRange(0.0, 1.0, "(severity: 0 none, 1 severe)", "adductor tightness"),
    "abductor_weakness": InputRange(0.0, 1.0, "(fraction of abductor strength lost)", "abductor weakness"),
    "arch_collapse": InputRange(0.0, 1.0, "(severity: 0 normal arch, 1 flat foot)", "arch collapse"),
    "hip_width_mm": InputRange(40.0, 320.0, "mm", "distance between the hip joint centres"),
    "pelvic_tilt_deg": InputRange(-15.0, 35.0, "deg", "anterior pelvic tilt"),
    "constitutional_hka_deg": InputRange(-30.0, 30.0, "deg", "bone alignment, + valgus"),
}

SEXES = ("female", "male")

#: Checks that join two inputs: a body-mass index a human can have, and hip joint
#: centres no further apart than a body of that height allows (typical 0.10-0.11 H).
BMI_RANGE = InputRange(8.0, 80.0, "kg/m^2", "body-mass index, mass_kg / height_m^2")
HIP_WIDTH_PER_HEIGHT = InputRange(0.05, 0.20, "of height", "inter-hip-centre distance per height")


def check_body(height_m, mass_kg, hip_width_mm=None):
    """Refuse combinations of plausible inputs that no body has (e.g. 0.5 m and 200 kg)."""
    bmi = np.asarray(mass_kg / np.square(height_m))
    bad = (bmi < BMI_RANGE.low) | (bmi > BMI_RANGE.high)
    if np.any(bad):
        i = tuple(np.argwhere(np.atleast_1d(bad))[0])
        m, h, b = (np.broadcast_to(x, np.shape(bad) or (1,))[i] for x in (mass_kg, height_m, bmi))
        raise InputError(f"mass_kg = {m:g} with height_m = {h:g} gives a body-mass index of {b:.0f} kg/m^2, "
                         f"outside the allowed range {BMI_RANGE.describe()}; change the mass or the height")
    if hip_width_mm is None:
        return
    ratio = np.asarray(hip_width_mm / (1000.0 * height_m))
    bad = (ratio < HIP_WIDTH_PER_HEIGHT.low - 1e-9) | (ratio > HIP_WIDTH_PER_HEIGHT.high + 1e-9)
    if np.any(bad):
        i = tuple(np.argwhere(np.atleast_1d(bad))[0])
        w, h = (np.broadcast_to(x, np.shape(bad) or (1,))[i] for x in (hip_width_mm, height_m))
        low, high = 1000.0 * h * HIP_WIDTH_PER_HEIGHT.low, 1000.0 * h * HIP_WIDTH_PER_HEIGHT.high
        raise InputError(f"hip_width_mm = {w:g} is outside the allowed range {low:.0f} to {high:.0f} mm for "
                         f"height_m = {h:g} (0.05 to 0.2 of height)")


class InputError(ValueError):
    """A model input outside its allowed values (a ``ValueError``)."""


def _as_float_array(name, value, expected):
    """``value`` as a float array; text, booleans, None and complex numbers are refused,
    whether given alone or inside a table column."""
    raw = np.asarray(value, dtype=object) if not isinstance(value, np.ndarray) else value
    if raw.dtype.kind in "USbc" or raw.dtype == object and any(
            isinstance(v, (str, bytes, bool, np.bool_, complex)) or v is None for v in raw.flat):
        bad = next((v for v in raw.flat if not isinstance(v, (int, float, np.integer, np.floating))
                    or isinstance(v, (bool, np.bool_))), value) if raw.ndim else value
        raise InputError(f"{name} = {bad!r} is not a number; expected {expected}")
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise InputError(f"{name} = {value!r} is not a number; expected {expected}") from None


def check_number(name, value, rng: InputRange | None = None, *, low=None, high=None, unit=""):
    """Return ``value`` as a float array, or raise ``InputError`` if any entry is bad.

    ``rng`` defaults to ``INPUT_RANGES[name]``; ``low``/``high``/``unit`` override it
    (used for limits that depend on the task, such as knee flexion).
    """
    if rng is None and low is None:
        rng = INPUT_RANGES[name]
    if rng is not None:
        low, high, unit = rng.low, rng.high, rng.unit
    if type(value) in (float, int) and np.ndim(low) == 0 and np.ndim(high) == 0:
        # Fast path for one plain number (a slider value): no array machinery.
        if low - 1e-9 <= value <= high + 1e-9:
            return np.float64(value)
    expected = f"a number from {_span(low, high)} {unit}".rstrip()
    arr = _as_float_array(name, value, expected)
    lo_arr = np.asarray(low, dtype=float)
    hi_arr = np.asarray(high, dtype=float)
    bad = ~np.isfinite(arr) | (arr < lo_arr - 1e-9) | (arr > hi_arr + 1e-9)
    if np.any(bad):
        # Report the first bad entry with the limits that apply to its row.
        idx = tuple(np.argwhere(np.atleast_1d(bad))[0])
        v = np.atleast_1d(arr)[idx] if arr.ndim else float(arr)
        shape = np.shape(bad) or (1,)
        lo = np.broadcast_to(lo_arr, shape)[idx]
        hi = np.broadcast_to(hi_arr, shape)[idx]
        span = f"{float(lo):g} to {float(hi):g} {unit}".rstrip()
        if not np.isfinite(v):
            raise InputError(f"{name} = {v:g} is not a finite number; allowed range {span}")
        raise InputError(f"{name} = {v:g} is outside the allowed range {span}")
    return arr


def _span(low, high):
    """'low to high' of scalar limits, or of the widest span of per-row limits."""
    return f"{float(np.min(low)):g} to {float(np.max(high)):g}"


def check_choice(name, value, choices):
    """Return ``value`` as a string array whose entries are all in ``choices``."""
    arr = np.asarray(value)
    if arr.dtype.kind not in "UO" or (arr.dtype.kind == "O" and not all(isinstance(v, str) for v in arr.flat)):
        raise InputError(f"{name} = {value!r} is not text; expected one of {', '.join(map(repr, choices))}")
    arr = arr.astype(str)
    if arr.ndim == 0:
        bad = None if str(arr) in choices else str(arr)
    else:
        # A comparison per choice is much faster than sorting a long column of text.
        known = np.zeros(arr.shape, dtype=bool)
        for choice in choices:
            known |= arr == choice
        bad = None if known.all() else str(arr[~known].flat[0])
    if bad is not None:
        raise InputError(f"{name} = {bad!r} is not allowed; expected one of {', '.join(map(repr, choices))}")
    return arr
