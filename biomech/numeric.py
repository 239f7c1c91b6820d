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


def is_scalar(*values):
    """True when every value is a plain number (float, int or a numpy float scalar)."""
    for v in values:
        if not isinstance(v, _SCALARS):
            return False
    return True


def where(condition, a, b):
    """``a`` where ``condition`` holds, else ``b`` (numpy's ``where``; a plain choice for a
    scalar condition, which keeps the untaken branch's value out of the result)."""
    if isinstance(condition, (bool, np.bool_)):
        return a if condition else b
    return np.where(condition, a, b)


def choose(condition, if_true, if_false):
    """Like :func:`where`, but the branches are functions of no arguments, called only
    when needed: with one condition for the whole table only the taken branch runs."""
    if isinstance(condition, (bool, np.bool_)):
        return if_true() if condition else if_false()
    return np.where(condition, if_true(), if_false())


def any_true(condition):
    """True when ``condition`` holds anywhere (one bool, or an array of them)."""
    return bool(condition) if isinstance(condition, (bool, np.bool_)) else bool(np.any(condition))


def _unary(math_fn, numpy_fn):
    def fn(x):
        return math_fn(x) if isinstance(x, _SCALARS) else numpy_fn(x)

    fn.__name__ = numpy_fn.__name__
    fn.__doc__ = f"Elementwise ``{numpy_fn.__name__}`` of a float or an array."
    return fn


sin = _unary(math.sin, np.sin)
cos = _unary(math.cos, np.cos)
tanh = _unary(math.tanh, np.tanh)
sqrt = _unary(math.sqrt, np.sqrt)
radians = _unary(math.radians, np.radians)
degrees = _unary(math.degrees, np.degrees)
arcsin = _unary(math.asin, np.arcsin)
log = _unary(math.log, np.log)
exp = _unary(math.exp, np.exp)


def arctan2(y, x):
    """Elementwise ``arctan2(y, x)`` [rad]."""
    return math.atan2(y, x) if isinstance(y, _SCALARS) and isinstance(x, _SCALARS) else np.arctan2(y, x)


def hypot(x, y):
    """Elementwise ``sqrt(x^2 + y^2)``."""
    return math.hypot(x, y) if isinstance(x, _SCALARS) and isinstance(y, _SCALARS) else np.hypot(x, y)


def copysign(x, y):
    """``|x|`` with the sign of ``y``."""
    return math.copysign(x, y) if isinstance(x, _SCALARS) and isinstance(y, _SCALARS) else np.copysign(x, y)


def maximum(x, y):
    """Elementwise larger of ``x`` and ``y``."""
    if isinstance(x, _SCALARS) and isinstance(y, _SCALARS):
        return x if x >= y else y
    return np.maximum(x, y)


def minimum(x, y):
    """Elementwise smaller of ``x`` and ``y``."""
    if isinstance(x, _SCALARS) and isinstance(y, _SCALARS):
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
