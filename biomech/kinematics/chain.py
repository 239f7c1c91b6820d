"""Numeric evaluation of the chain through the generated numpy functions.

Angles enter in degrees and are turned into sines and cosines once per pose
(:func:`sincos`); the generated code then needs no trigonometry, so a pose that differs
from another in one angle costs one new sine and cosine, not eighteen. Lengths in mm.
Points come back as ``(x, y, z)`` tuples of arrays in the ground frame, pelvis origin at
the mid-hip point, mirrored to the requested side (``side_sign`` +1 right, -1 left).
"""

from __future__ import annotations

import math
import operator

import numpy as np

from .. import numeric as nx
from . import _generated as gen

#: Joint angles of the chain, in the generated argument order.
ANGLE_KEYS = (
    "pelvic_tilt",
    "pelvic_drop",
    "hip_flexion",
    "hip_adduction",
    "hip_internal_rotation",
    "femoral_valgus",
    "knee_flexion",
    "knee_abduction",
    "tibial_internal_rotation",
)
_TRIG_KEYS = ANGLE_KEYS + ("ama",)
_LENGTH_KEYS = gen.ARGUMENTS[2 * len(_TRIG_KEYS) :]
POINTS = ("hip_center", "knee_center", "ankle_center", "asis", "patella", "tibial_tubercle", "femoral_shaft_top")
AXES = ("femur_x", "tibia_z", "tibia_y")
_RADIANS_PER_DEG = math.pi / 180.0


def _layout(outputs):
    """(name, getter) of every point and axis present: the getter takes a generated
    function's outputs with None appended and returns the point's ``(x, y, z)``, None for
    a coordinate the function leaves out."""
    index = {name: i for i, name in enumerate(outputs)}
    return tuple(
        (name, operator.itemgetter(*(index.get(f"{name}_{axis}", -1) for axis in "xyz")))
        for name in POINTS + AXES
        if f"{name}_x" in index
    )


#: Parts of a solver coefficient, k = k_1 + k_sin sin(knee abduction) + k_cos cos(knee
#: abduction) (:data:`biomech.kinematics.derivation.KNEE_ABDUCTION_PARTS`, repeated here so
#: that the model never imports sympy).
_KNEE_ABDUCTION_PARTS = ("1", "sin_knee_abduction", "cos_knee_abduction")


def _terms_layout(outputs):
    """Where each solver coefficient's parts ``(k_1, k_sin, k_cos)`` are in ``outputs``:
    ``(constant, split)``, the points whose coefficients do not depend on the knee's
    frontal angle as ``(point, (i_c, i_s, i_o))`` and those that do as ``(point, ((c parts),
    (s parts), (o parts)))``."""
    index = {name: i for i, name in enumerate(outputs)}
    one, sin_part, cos_part = _KNEE_ABDUCTION_PARTS
    points = [name[: -len(f"_c_{one}")] for name in outputs if name.endswith(f"_c_{one}")]
    constant, split = [], []
    for point in points:
        parts = [tuple(index.get(f"{point}_{k}_{part}") for part in _KNEE_ABDUCTION_PARTS) for k in "cso"]
        if all(i_sin is None and i_cos is None for _, i_sin, i_cos in parts):
            constant.append((point, tuple(i_one for i_one, _, _ in parts)))
        else:
            split.append((point, tuple(parts)))
    return tuple(constant), tuple(split)


_CHAIN_LAYOUT = _layout(gen.CHAIN_OUTPUTS)
_MEASURES_LAYOUT = _layout(gen.CHAIN_MEASURES_OUTPUTS)
#: Where the solver's coefficients are in the outputs of the generated functions, lateral
#: coordinates first, then heights (:func:`adduction_terms_by_knee_abduction`).
_LATERAL_TERMS = _terms_layout(gen.ADDUCTION_TERMS_OUTPUTS)
_ALL_TERMS = _terms_layout(gen.ADDUCTION_TERMS_OUTPUTS + gen.ADDUCTION_TERMS_Z_OUTPUTS)
_UPRIGHT_TERMS = tuple(
    (point, operator.itemgetter(*(gen.UPRIGHT_ADDUCTION_TERMS_OUTPUTS.index(f"{point}_{k}") for k in "cso")))
    for point in ("knee_center", "ankle_center")
)
#: Sine and cosine of a zero angle.
ZERO = (0.0, 1.0)


def sincos(angles_deg):
    """``{name: (sin, cos)}`` of angles in degrees, -180 to 180 (dicts of arrays or floats).

    The cosine is taken as sqrt(1 - sin^2) with the sign of cos: one trigonometric call
    per angle instead of two (absolute error below 2e-8, at 90 deg).
    """
    return {name: sincos_of(deg) for name, deg in angles_deg.items()}


def sincos_of(deg):
    """``(sin, cos)`` of one angle in degrees (float or array); see :func:`sincos`."""
    if type(deg) is float or isinstance(deg, (float, int)):
        sin = _sin(deg * _RADIANS_PER_DEG)
        cos = _sqrt(1.0 - sin * sin)  # |sin| <= 1, so the root is real
        return sin, (cos if -90.0 <= deg <= 90.0 else -cos)
    sin = np.sin(deg * _RADIANS_PER_DEG)
    cos = 1.0 - sin * sin
    if not isinstance(cos, np.ndarray):  # a numpy scalar
        return sin, np.copysign(np.sqrt(np.maximum(cos, 0.0)), 90.0 - np.abs(deg))
    # In place: a table's columns are large, and each new array costs an allocation.
    np.maximum(cos, 0.0, out=cos)
    np.sqrt(cos, out=cos)
    return sin, np.copysign(cos, 90.0 - np.abs(deg), out=cos)


_sin, _sqrt = math.sin, math.sqrt


def lengths(geometry):
    """The segment lengths of ``geometry`` in the generated functions' argument order
    (compute once per person and store as ``geometry["chain_lengths"]``)."""
    return _lengths(geometry)


_lengths = operator.itemgetter(*_LENGTH_KEYS)


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
    values += (None,)
    points = {name: get(values) for name, get in layout}
    if type(side_sign) is float and side_sign == 1.0:
        return points
    return {name: (side_sign * x, y, z) for name, (x, y, z) in points.items()}


def point_coordinates(trig, geometry, side_sign=1.0):
    """The coordinates [mm] of every point of :data:`POINTS` in one pose given as plain
    numbers: one flat list ``[x, y, z, x, y, z, ...]`` in the order of :data:`POINTS`,
    mirrored to the side ``side_sign`` (as :func:`evaluate`, without its dict)."""
    return point_coordinates_of(_arguments(trig, geometry), side_sign)


def person_arguments(geometry):
    """The generated functions' arguments that belong to the person, not the pose: sine
    and cosine of the anteversion and the segment lengths [mm], as a tuple that follows
    the angles' ``(sin, cos)`` pairs (work it out once per person)."""
    return (*geometry["ama_sincos"], *(geometry.get("chain_lengths") or lengths(geometry)))


def point_coordinates_of(arguments, side_sign=1.0):
    """:func:`point_coordinates` of the generated functions' ``arguments`` already laid
    out: ``(sin, cos)`` of each angle of :data:`ANGLE_KEYS` in turn, then
    :func:`person_arguments`."""
    coordinates = list(_point_coordinates(gen.chain(*arguments)))
    if side_sign != 1.0:
        coordinates[0::3] = [side_sign * x for x in coordinates[0::3]]
    return coordinates


_point_coordinates = operator.itemgetter(
    *(gen.CHAIN_OUTPUTS.index(f"{name}_{axis}") for name in POINTS for axis in "xyz")
)


def adduction_terms(trig, geometry, heights=True):
    """Coefficients (c, s, o) with ``x = c cos(a) + s sin(a) + o`` for the knee and ankle
    centres as functions of hip adduction ``a`` (the pose's own adduction is ignored), and
    likewise for their heights (keys ``knee_center_z``, ``ankle_center_z``; left out
    unless ``heights``)."""
    return adduction_terms_at(adduction_terms_by_knee_abduction(trig, geometry, heights), trig["knee_abduction"])


def upright_adduction_terms(trig, geometry):
    """:func:`adduction_terms` of the lateral coordinates (keys ``knee_center``,
    ``ankle_center``) for the upright pose (:func:`biomech.kinematics.solve.upright`): a
    level pelvis and a thigh that follows the pelvic tilt; the pose's own pelvic drop, hip
    flexion and hip adduction are ignored."""
    values = gen.upright_adduction_terms(*_arguments(dict(trig, hip_adduction=ZERO), geometry))
    return {point: get(values) for point, get in _UPRIGHT_TERMS}


def adduction_terms_by_knee_abduction(trig, geometry, heights=True):
    """The pose's :func:`adduction_terms` as functions of its knee abduction too (its own
    hip adduction and knee abduction are ignored): pass the result to
    :func:`adduction_terms_at` with each knee abduction to try. For the knee's give,
    which changes that angle alone."""
    args = _arguments(dict(trig, hip_adduction=ZERO, knee_abduction=ZERO), geometry)
    if heights:
        return gen.adduction_terms(*args) + gen.adduction_terms_z(*args)
    return gen.adduction_terms(*args)


def adduction_terms_at(terms_by_knee_abduction, knee_abduction):
    """:func:`adduction_terms` from :func:`adduction_terms_by_knee_abduction` at the knee
    abduction ``(sin, cos)``: each coefficient is ``k_1 + k_sin sin + k_cos cos``."""
    v = terms_by_knee_abduction
    sin_k, cos_k = knee_abduction
    constant, split = _LATERAL_TERMS if len(v) == len(gen.ADDUCTION_TERMS_OUTPUTS) else _ALL_TERMS
    terms = {point: (v[c], v[s], v[o]) for point, (c, s, o) in constant}
    for point, ((c, c_sin, c_cos), (s, s_sin, s_cos), (o, o_sin, o_cos)) in split:
        terms[point] = (
            v[c] + v[c_sin] * sin_k + v[c_cos] * cos_k,
            v[s] + v[s_sin] * sin_k + v[s_cos] * cos_k,
            v[o] + v[o_sin] * sin_k + v[o_cos] * cos_k,
        )
    return terms


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
    return nx.arctan2d(sin_cos[0], sin_cos[1])
