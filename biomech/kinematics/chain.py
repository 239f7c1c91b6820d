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
              "knee_flexion", "knee_abduction", "tibial_internal_rotation")
_TRIG_KEYS = ANGLE_KEYS + ("ama",)
_LENGTH_KEYS = gen.ARGUMENTS[2 * len(_TRIG_KEYS):]
POINTS = ("hip_center", "knee_center", "ankle_center", "asis", "patella", "tibial_tubercle",
          "femoral_shaft_top")
AXES = ("femur_x", "tibia_z", "tibia_y")
_RADIANS_PER_DEG = math.pi / 180.0
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


def _arguments(trig, geometry):
    args = []
    for key in _TRIG_KEYS:
        args.extend(trig[key] if key != "ama" else geometry["ama_sincos"])
    args.extend(geometry[k] for k in _LENGTH_KEYS)
    return args


def evaluate(trig, geometry, side_sign=1.0, *, measures_only=False):
    """Landmarks and segment axes of one pose.

    ``trig`` maps every name in :data:`ANGLE_KEYS` to its ``(sin, cos)`` (see
    :func:`sincos`); ``geometry`` comes from :func:`biomech.subject.anthropometry`.
    ``measures_only`` skips the coordinates no measure reads (they come back as None);
    large tables use it.
    """
    if measures_only:
        named = dict(zip(gen.CHAIN_MEASURES_OUTPUTS, gen.chain_measures(*_arguments(trig, geometry))))
    else:
        named = dict(zip(gen.CHAIN_OUTPUTS, gen.chain(*_arguments(trig, geometry))))
    return {name: (side_sign * named[f"{name}_x"], named.get(f"{name}_y"), named.get(f"{name}_z"))
            for name in POINTS + AXES if f"{name}_x" in named}


def adduction_terms(trig, geometry):
    """Coefficients (c, s, o) with ``x = c cos(a) + s sin(a) + o`` for the knee and ankle
    centres as functions of hip adduction ``a`` (the pose's own adduction is ignored)."""
    values = gen.adduction_terms(*_arguments(dict(trig, hip_adduction=ZERO), geometry))
    named = dict(zip(gen.ADDUCTION_TERMS_OUTPUTS, values))
    return {p: (named[f"{p}_c"], named[f"{p}_s"], named[f"{p}_o"]) for p in ("knee_center", "ankle_center")}


def x_at(terms, point, sin_cos):
    """Lateral coordinate [mm] of ``point`` at the hip adduction given by ``sin_cos``."""
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
