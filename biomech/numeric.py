"""Elementwise maths that runs on plain floats and on numpy arrays alike.

The model's stages are written once and serve both a single person (:func:`biomech.simulate`,
where every value is a Python float) and a table (:func:`biomech.simulate_many`, where a
column is a numpy array). numpy's functions accept floats too, but each call on a float
costs about a microsecond of dispatch; ``math`` on a float costs a few tens of
nanoseconds. Each function here takes the ``math`` route when every argument is a plain
number and numpy's otherwise, so one person runs in tens of microseconds and a table still
runs at numpy's speed.
"""

from __future__ import annotations

import math
from bisect import bisect_right

import numpy as np

_SCALARS = (float, int)
_BOOLS = (bool, np.bool_)


def is_scalar(*values):
    """True when every value is a plain number (float, int or a numpy float scalar)."""
    for v in values:
        if type(v) is not float and not isinstance(v, _SCALARS):
            return False
    return True


def where(condition, a, b):
    """``a`` where ``condition`` holds, else ``b`` (numpy's ``where``; a plain choice for a
    scalar condition, which keeps the untaken branch's value out of the result)."""
    if type(condition) is bool or isinstance(condition, np.bool_):
        return a if condition else b
    return np.where(condition, a, b)


def where_each(condition, a, b):
    """:func:`where` on each member of two tuples of the same length (say two ``(sin,
    cos)`` pairs), as a tuple."""
    if type(condition) is bool or isinstance(condition, np.bool_):
        return a if condition else b
    return tuple(np.where(condition, x, y) for x, y in zip(a, b, strict=True))


def choose(condition, if_true, if_false):
    """Like :func:`where`, but the branches are functions of no arguments, called only
    when needed: with one condition for the whole table only the taken branch runs."""
    if type(condition) is bool or isinstance(condition, np.bool_):
        return if_true() if condition else if_false()
    return np.where(condition, if_true(), if_false())


def choose_each(condition, if_true, if_false):
    """Like :func:`choose`, for branches that return dicts with the same keys (or tuples
    of the same length): one dict (tuple), each value taken from the branch where
    ``condition`` holds."""
    if type(condition) is bool or isinstance(condition, np.bool_):
        return if_true() if condition else if_false()
    a, b = if_true(), if_false()
    if isinstance(a, dict):
        return {key: np.where(condition, a[key], b[key]) for key in a}
    return tuple(np.where(condition, x, y) for x, y in zip(a, b, strict=True))


def any_true(condition):
    """True when ``condition`` holds anywhere (one bool, or an array of them)."""
    return bool(condition) if isinstance(condition, _BOOLS) else bool(np.any(condition))


def _unary(math_fn, numpy_fn):
    def fn(x):
        # type() first: a float is by far the most common scalar, and the test is cheap.
        return math_fn(x) if type(x) is float or isinstance(x, _SCALARS) else numpy_fn(x)

    fn.__name__ = numpy_fn.__name__
    fn.__doc__ = f"Elementwise ``{numpy_fn.__name__}`` of a float or an array."
    return fn


#: Radians per degree and degrees per radian. ``x * RADIANS_PER_DEGREE`` is numpy's and
#: math's ``radians(x)`` to the last bit, and much faster on an array than ``np.radians``.
RADIANS_PER_DEGREE = math.pi / 180.0
DEGREES_PER_RADIAN = 180.0 / math.pi


def _to_radians(x):
    return x * RADIANS_PER_DEGREE


def _to_degrees(x):
    return x * DEGREES_PER_RADIAN


_to_radians.__name__, _to_degrees.__name__ = "radians", "degrees"

sin = _unary(math.sin, np.sin)
cos = _unary(math.cos, np.cos)
tanh = _unary(math.tanh, np.tanh)
sqrt = _unary(math.sqrt, np.sqrt)
radians = _unary(math.radians, _to_radians)
degrees = _unary(math.degrees, _to_degrees)
arcsin = _unary(math.asin, np.arcsin)
log = _unary(math.log, np.log)
exp = _unary(math.exp, np.exp)


def sind(x):
    """Elementwise sine of an angle in degrees (``sin(radians(x))``)."""
    if type(x) is float or isinstance(x, _SCALARS):
        return math.sin(math.radians(x))
    return np.sin(x * RADIANS_PER_DEGREE)


def sincosd(x):
    """Elementwise ``(sin, cos)`` of an angle in degrees (``x`` turned to radians once)."""
    if type(x) is float or isinstance(x, _SCALARS):
        r = math.radians(x)
        return math.sin(r), math.cos(r)
    r = x * RADIANS_PER_DEGREE
    return np.sin(r), np.cos(r)


def arcsind(x):
    """Elementwise ``degrees(arcsin(x))`` [deg]."""
    if type(x) is float or isinstance(x, _SCALARS):
        return math.degrees(math.asin(x))
    return np.arcsin(x) * DEGREES_PER_RADIAN


# The type tests below are written out (no helper call): they run many times per person.
def arctan2d(y, x):
    """Elementwise ``degrees(arctan2(y, x))`` [deg]."""
    if (type(y) is float or isinstance(y, _SCALARS)) and (type(x) is float or isinstance(x, _SCALARS)):
        return math.degrees(math.atan2(y, x))
    return np.arctan2(y, x) * DEGREES_PER_RADIAN


def arctan2(y, x):
    """Elementwise ``arctan2(y, x)`` [rad]."""
    if (type(y) is float or isinstance(y, _SCALARS)) and (type(x) is float or isinstance(x, _SCALARS)):
        return math.atan2(y, x)
    return np.arctan2(y, x)


def hypot(x, y):
    """Elementwise ``sqrt(x^2 + y^2)``."""
    if (type(x) is float or isinstance(x, _SCALARS)) and (type(y) is float or isinstance(y, _SCALARS)):
        return math.hypot(x, y)
    return np.hypot(x, y)


def copysign(x, y):
    """``|x|`` with the sign of ``y``."""
    if (type(x) is float or isinstance(x, _SCALARS)) and (type(y) is float or isinstance(y, _SCALARS)):
        return math.copysign(x, y)
    return np.copysign(x, y)


def maximum(x, y):
    """Elementwise larger of ``x`` and ``y``."""
    if (type(x) is float or isinstance(x, _SCALARS)) and (type(y) is float or isinstance(y, _SCALARS)):
        return x if x >= y else y
    return np.maximum(x, y)


def minimum(x, y):
    """Elementwise smaller of ``x`` and ``y``."""
    if (type(x) is float or isinstance(x, _SCALARS)) and (type(y) is float or isinstance(y, _SCALARS)):
        return x if x <= y else y
    return np.minimum(x, y)


def clip(x, low, high):
    """``x`` limited to ``[low, high]``."""
    return minimum(maximum(x, low), high)


def interp(x, xp, fp):
    """Piecewise-linear interpolation of the table ``(xp, fp)`` at ``x``, held constant
    beyond its ends (numpy's ``interp``; ``xp`` increasing)."""
    if not isinstance(x, _SCALARS):
        return np.interp(x, xp, fp)
    if x <= xp[0]:
        return float(fp[0])
    if x >= xp[-1]:
        return float(fp[-1])
    i = bisect_right(xp, x) - 1
    t = (x - xp[i]) / (xp[i + 1] - xp[i])
    return float(fp[i] + t * (fp[i + 1] - fp[i]))


def smooth_max(x, floor, width):
    """A smooth ``max(x, floor)``: equal to ``x`` well above the floor and to ``floor`` well
    below it, with a rounded corner about ``width`` wide (same units as ``x``) and a
    continuous slope, so outputs never jump where, say, a muscle switches on.

    Notes
    -----
    ``floor + (d + sqrt(d^2 + width^2)) / 2`` with ``d = x - floor``; at ``x = floor`` it
    is ``floor + width / 2``.
    """
    d = x - floor
    return floor + 0.5 * (d + sqrt(d * d + width * width))
