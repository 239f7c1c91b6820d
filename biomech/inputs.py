"""Allowed values of every model input, and the checks that enforce them.

One table (:data:`INPUT_RANGES`) drives validation, the widget slider limits and the
documentation, so a limit is written down once. A bad value raises ``ValueError``
naming the argument, the value, the allowed range and the unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import get_close_matches

import numpy as np

from . import growth
from . import numeric as nx


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
    "mldfa_deg": InputRange(65.0, 115.0, "deg", "mechanical lateral distal femoral angle"),
    "mpta_deg": InputRange(65.0, 115.0, "deg", "medial proximal tibial angle"),
    "jlca_deg": InputRange(-10.0, 15.0, "deg", "joint-line convergence angle, + converging medially"),
    "trunk_lean_deg": InputRange(-30.0, 30.0, "deg", "sideways trunk lean, + toward the measured leg"),
}

SEXES = ("female", "male")
#: How weak hip abductors are compensated on one leg (:mod:`biomech.balance`).
COMPENSATIONS = ("pelvic_drop", "trunk_lean")

#: Checks that join two inputs: a body-mass index a human can have, and hip joint
#: centres no further apart than a body of that height allows (typical 0.10-0.11 H).
BMI_RANGE = InputRange(8.0, 80.0, "kg/m^2", "body-mass index, mass_kg / height_m^2")
HIP_WIDTH_PER_HEIGHT = InputRange(0.05, 0.20, "of height", "inter-hip-centre distance per height")


def check_body(height_m, mass_kg):
    """Refuse combinations of plausible inputs that no body has (e.g. 0.5 m and 200 kg)."""
    if nx.is_scalar(height_m, mass_kg) and BMI_RANGE.low <= mass_kg / (height_m * height_m) <= BMI_RANGE.high:
        return  # one plausible person (the common case): no array machinery
    bmi = np.asarray(mass_kg / np.square(height_m))
    bad = (bmi < BMI_RANGE.low) | (bmi > BMI_RANGE.high)
    if np.any(bad):
        i = tuple(np.argwhere(np.atleast_1d(bad))[0])
        m, h, b = (np.broadcast_to(x, np.shape(bad) or (1,))[i] for x in (mass_kg, height_m, bmi))
        raise InputError(
            f"mass_kg = {m:g} with height_m = {h:g} gives a body-mass index of {b:.0f} kg/m^2, "
            f"outside the allowed range {BMI_RANGE.describe()}; change the mass or the height"
        )


def check_bone_alignment(mldfa_deg, mpta_deg, jlca_deg, given):
    """Refuse segment angles whose sum, the bone alignment MPTA - mLDFA - JLCA, lies
    outside the range of ``constitutional_hka_deg``; ``given`` names the segment inputs
    the caller set (the message names them)."""
    rng = INPUT_RANGES["constitutional_hka_deg"]
    hka = mpta_deg - mldfa_deg - jlca_deg
    if nx.is_scalar(hka) and rng.low <= hka <= rng.high:
        return
    bad = (np.asarray(hka) < rng.low) | (np.asarray(hka) > rng.high)
    if np.any(bad):
        i = tuple(np.argwhere(np.atleast_1d(bad))[0])
        m, t, j, h = (float(np.broadcast_to(x, np.shape(bad) or (1,))[i]) for x in (mldfa_deg, mpta_deg, jlca_deg, hka))
        raise InputError(
            f"{' and '.join(given)} give a bone alignment MPTA - mLDFA - JLCA = {t:g} - {m:g} - {j:g} "
            f"= {h:+.1f} deg, outside the allowed {rng.describe()}; bring the angles closer to 90, 90, 0"
        )


def check_hip_width(hip_width_mm, height_m):
    """Return ``hip_width_mm`` checked against the range a body of ``height_m`` allows
    (:func:`hip_width_range_mm`); the message names both inputs."""
    low, high = hip_width_range_mm(height_m)
    own = INPUT_RANGES["hip_width_mm"]
    person = f"height_m = {height_m:g}" if np.ndim(height_m) == 0 else "that row's height_m"
    unit = (
        f"mm for {person} ({HIP_WIDTH_PER_HEIGHT.low:g} to {HIP_WIDTH_PER_HEIGHT.high:g} of height, "
        f"within {own.describe()})"
    )
    return check_number("hip_width_mm", hip_width_mm, low=low, high=high, unit=unit)


def hip_width_range_mm(height_m):
    """Allowed inter-hip-centre distance [mm] for a body of ``height_m``: the hip-width
    input's own range, narrowed to 0.05-0.20 of the height. Returns ``(low, high)``."""
    own = INPUT_RANGES["hip_width_mm"]
    height_mm = 1000.0 * height_m
    return (
        nx.maximum(own.low, HIP_WIDTH_PER_HEIGHT.low * height_mm),
        nx.minimum(own.high, HIP_WIDTH_PER_HEIGHT.high * height_mm),
    )


def check_child(is_female, age_years, height_m, mass_kg):
    """Refuse a child of a height or mass no child of that age has (WHO / CDC growth
    charts, :mod:`biomech.growth`); the message names age, height and mass and gives the
    possible range of each at that age."""
    index = growth.first_impossible_child(is_female, age_years, height_m, mass_kg)
    if index is None:
        return
    shape = np.broadcast_shapes(*(np.shape(x) for x in (is_female, age_years, height_m, mass_kg)))
    female, age, height, mass = (
        np.ravel(np.broadcast_to(x, shape))[index] if shape else x for x in (is_female, age_years, height_m, mass_kg)
    )
    sex = "female" if female else "male"
    (h_low, h_high), (m_low, m_high) = growth.possible_ranges(bool(female), float(age))
    raise InputError(
        f"age_years = {float(age):g} with height_m = {float(height):g} and mass_kg = {float(mass):g} is not a "
        f"possible child ({sex}): at {float(age):g} years the growth charts allow height_m {h_low:.2f} to "
        f"{h_high:.2f} m and mass_kg {m_low:.1f} to {m_high:.1f} kg; change the age, the height or the mass"
    )


class InputError(ValueError):
    """A model input outside its allowed values (a ``ValueError``)."""


#: Values numpy would turn into floats that are not numbers of the model (a numpy time
#: interval is an integer to numpy).
_NOT_NUMBERS = (bool, np.bool_, np.timedelta64, np.datetime64)


def _as_float_array(name, value, expected):
    """``value`` as a float array; text, booleans, None and complex numbers are refused,
    whether given alone or inside a table column."""
    raw = np.asarray(value, dtype=object) if not isinstance(value, np.ndarray) else value
    if (
        raw.dtype.kind in "USbcmMV"
        or raw.dtype == object
        and any(
            not isinstance(v, (int, float, np.integer, np.floating)) or isinstance(v, _NOT_NUMBERS) for v in raw.flat
        )
    ):
        bad = (
            next(
                (
                    v
                    for v in raw.flat
                    if not isinstance(v, (int, float, np.integer, np.floating)) or isinstance(v, _NOT_NUMBERS)
                ),
                value,
            )
            if raw.ndim
            else value
        )
        raise InputError(f"{name} = {bad!r} is not a number; expected {expected}")
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise InputError(f"{name} = {value!r} is not a number; expected {expected}") from None


#: Types of a plain Python number (bool excluded: it is refused as an input).
_PLAIN_NUMBERS = frozenset((float, int))
#: The limits of each input of :data:`INPUT_RANGES` with the tolerance of 1e-9 that
#: :func:`check_number` allows for rounding.
_TOLERANT_LIMITS = {name: (r.low - 1e-9, r.high + 1e-9) for name, r in INPUT_RANGES.items()}


def check_number(name, value, rng: InputRange | None = None, *, low=None, high=None, unit=""):
    """Return ``value`` as a float array, or raise ``InputError`` if any entry is bad.

    ``rng`` defaults to ``INPUT_RANGES[name]``; ``low``/``high``/``unit`` override it
    (used for limits that depend on the task, such as knee flexion).
    """
    if rng is None and low is None:
        if type(value) in _PLAIN_NUMBERS:
            # Fast path for one plain number (a slider value) of a listed input.
            low, high = _TOLERANT_LIMITS[name]
            if low <= value <= high:
                return float(value)
        rng = INPUT_RANGES[name]
    if rng is not None:
        low, high, unit = rng.low, rng.high, rng.unit
    if type(value) in _PLAIN_NUMBERS and type(low) in _PLAIN_NUMBERS and type(high) in _PLAIN_NUMBERS:
        # Fast path for one plain number: no array machinery.
        if low - 1e-9 <= value <= high + 1e-9:
            return float(value)
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
    """Return ``value`` (one text, or an array of them) checked against ``choices``: the
    text itself for one value, a string array for a column."""
    return choice_index(name, value, choices)[0]


def choice_index(name, value, choices):
    """:func:`check_choice` and where each value of a column sits in ``choices``:
    ``(checked, index)``, the index an int array for a column and None for one text
    (callers look that up by name). A table's text column is compared with each choice
    once, and callers look up per-choice numbers by the index instead of comparing the
    text again (:func:`biomech.tasks.task_table`)."""
    if isinstance(value, str) and value in choices:
        return value, None
    arr = np.asarray(value)
    if arr.dtype.kind not in "UO" or (arr.dtype.kind == "O" and not all(isinstance(v, str) for v in arr.flat)):
        raise InputError(f"{name} = {value!r} is not text; expected one of {', '.join(map(repr, choices))}")
    # A text column is already a string array: no copy of a long column.
    arr = arr.astype(str, copy=False)
    if arr.ndim == 0:
        text = str(arr)
        if text in choices:
            return text, None
        bad = text
    else:
        # A comparison per choice is much faster than sorting a long column of text.
        known = np.zeros(arr.shape, dtype=bool)
        index = np.zeros(arr.shape, dtype=np.intp)
        for i, choice in enumerate(choices):
            match = arr == choice
            known |= match
            np.copyto(index, i, where=match)
        bad = None if known.all() else str(arr[~known].flat[0])
        if bad is None:
            return arr, index
    raise InputError(f"{name} = {bad!r} is not allowed; expected one of {', '.join(map(repr, choices))}")


class UnknownInputError(InputError, TypeError):
    """A keyword or column that is not an input (both a ``ValueError`` and a ``TypeError``,
    as Python raises for an unknown keyword)."""


def check_known(names, known, where):
    """Raise :class:`UnknownInputError` for the first of ``names`` not in ``known``,
    suggesting the closest real input (``where`` says whose inputs, e.g. "simulate()")."""
    unknown = [n for n in names if n not in known]
    if not unknown:
        return
    name = unknown[0]
    close = get_close_matches(str(name), list(known), n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    raise UnknownInputError(f"{name} is not an input of {where}; {hint}expected one of {', '.join(known)}")
