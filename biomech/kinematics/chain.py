"""Numeric evaluation of the chain through the generated numpy functions.

Angles enter in degrees and are turned into sines and cosines once per pose
(:func:`sincos`); the generated code then needs no trigonometry, so a pose that differs
from another in one angle costs one new sine and cosine, not eighteen. Lengths in mm.
Points come back as ``(x, y, z)`` tuples of arrays in the ground frame, pelvis origin at
the mid-hip point, mirrored to the requested side (``side_sign`` +1 right, -1 left).
"""
from __future__ import annotations

import math

from .. import numeric as nx
from . import _generated as gen

#: Joint angles of the chain, in the generated argument order.
ANGLE_KEYS = ("pelvic_tilt", "pelvic_drop", "hip_flexion", "hip_adduction", "hip_internal_rotation",
              "femoral_valgus", "knee_flexion", "knee_abduction", "tibial_internal_rotation")
_TRIG_KEYS = ANGLE_KEYS + ("ama",)
_LENGTH_KEYS = gen.ARGUMENTS[2 * len(_TRIG_KEYS):]
POINTS = ("hip_center", "knee_center", "ankle_center", "asis", "patella", "tibial_tubercle",
          "femoral_shaft_top")
AXES = ("femur_x", "tibia_z", "tibia_y")
_RADIANS_PER_DEG = math.pi / 180.0


def _layout(outputs):
    """(name, (index of x, of y or None, of z or None)) of every point and axis present."""
    index = {name: i for i, name in enumerate(outputs)}
    return tuple((name, tuple(index.get(f"{name}_{axis}") for axis in "xyz"))
                 for name in POINTS + AXES if f"{name}_x" in index)


_CHAIN_LAYOUT = _layout(gen.CHAIN_OUTPUTS)
_MEASURES_LAYOUT = _layout(gen.CHAIN_MEASURES_OUTPUTS)
_TERMS_LAYOUT = tuple((name[:-2], i) for i, name in enumerate(gen.ADDUCTION_TERMS_OUTPUTS) if name.endswith("_c"))
#: Sine and cosine of a zero angle.
ZERO = (0.0, 1.0)


def sincos(angles_deg):
    """``{name: (sin, cos)}`` of angles in degrees, -180 to 180 (dicts of arrays or floats).

    The cosine is taken as sqrt(1 - sin^2) with the sign of cos: one trigonometric call
    per angle instead of two (absolute error below 2e-8, at 90 deg).
    """
    out = {}
    for name, deg in angles_deg.items():
        if isinstance(deg, (float, int)):
            sin = math.sin(deg * _RADIANS_PER_DEG)
            out[name] = (sin, math.copysign(math.sqrt(max(1.0 - sin * sin, 0.0)), 90.0 - abs(deg)))
        else:
            sin = nx.sin(nx.radians(deg))
            out[name] = (sin, nx.copysign(nx.sqrt(nx.maximum(1.0 - sin * sin, 0.0)), 90.0 - abs(deg)))
    return out


def sincos_of(deg):
    """``(sin, cos)`` of one angle in degrees (float or array); see :func:`sincos`."""
    return sincos({"a": deg})["a"]


def lengths(geometry):
    """The segment lengths of ``geometry`` in the generated functions' argument order
    (compute once per person and store as ``geometry["chain_lengths"]``)."""
    return tuple(geometry[k] for k in _LENGTH_KEYS)


def _arguments(trig, geometry):
    args = []
    for key in ANGLE_KEYS:
        args.extend(trig[key])
    args.extend(geometry["ama_sincos"])
    args.extend(geometry.get("chain_lengths") or lengths(geometry))
    return args


def evaluate(trig, geometry, side_sign=1.0, *, measures_only=False):
    """Landmarks and segment axes of one pose.

    ``trig`` maps every name in :data:`ANGLE_KEYS` to its ``(sin, cos)`` (see
    :func:`sincos`); ``geometry`` comes from :func:`biomech.subject.anthropometry`.
    ``measures_only`` skips the coordinates no measure reads (they come back as None);
    large tables use it.
    """
    if measures_only:
        values, layout = gen.chain_measures(*_arguments(trig, geometry)), _MEASURES_LAYOUT
    else:
        values, layout = gen.chain(*_arguments(trig, geometry)), _CHAIN_LAYOUT
    return {name: (side_sign * values[ix], None if iy is None else values[iy], None if iz is None else values[iz])
            for name, (ix, iy, iz) in layout}


def adduction_terms(trig, geometry):
    """Coefficients (c, s, o) with ``x = c cos(a) + s sin(a) + o`` for the knee and ankle
    centres as functions of hip adduction ``a`` (the pose's own adduction is ignored), and
    likewise for their heights (keys ``knee_center_z``, ``ankle_center_z``)."""
    values = gen.adduction_terms(*_arguments(dict(trig, hip_adduction=ZERO), geometry))
    return {name: (values[i], values[i + 1], values[i + 2]) for name, i in _TERMS_LAYOUT}


def x_at(terms, point, sin_cos):
    """Coordinate [mm] of ``point`` (a key of :func:`adduction_terms`: lateral for
    "knee_center", height for "knee_center_z") at the hip adduction ``sin_cos``."""
    c, s, o = terms[point]
    return c * sin_cos[1] + s * sin_cos[0] + o


def solve_hip_adduction(terms, point, target_x):
    """Hip adduction that puts ``point`` ("knee_center" or "ankle_center") at lateral
    distance ``target_x`` [mm] from the midline, the rest of the pose held.

    Closed form: with C = cos(a), S = sin(a), the condition c C + s S = x - o is a line
    that cuts the unit circle C^2 + S^2 = 1 in two points. The standing pose is the root
    nearer zero, i.e. the one with the larger cosine. An unreachable target is clipped to
    the nearest reachable one rather than producing NaN.
    Returns ``(sin, cos)`` of the adduction; :func:`degrees` turns it into an angle.
    """
    c, s, o = terms[point]
    rho2 = c * c + s * s
    k = target_x - o
    root = nx.sqrt(nx.maximum(rho2 - k * k, 0.0))
    # Of the two roots (C, S) = ((c k -+ s root), (s k +- c root)) / rho2, take the larger C.
    sign = nx.where(s >= 0.0, 1.0, -1.0)
    cos_a = (c * k + sign * s * root) / rho2
    sin_a = (s * k - sign * c * root) / rho2
    # Scale back onto the unit circle when the target was out of reach.
    norm = nx.sqrt(cos_a * cos_a + sin_a * sin_a)
    return sin_a / norm, cos_a / norm


def degrees(sin_cos):
    """Angle [deg] from its ``(sin, cos)``."""
    return nx.degrees(nx.arctan2(sin_cos[0], sin_cos[1]))
