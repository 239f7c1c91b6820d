"""Numeric evaluation of the chain through the generated numpy functions.

Angles in degrees at this interface; lengths in mm. Points come back as ``(x, y, z)``
tuples of arrays in the ground frame, pelvis origin at the mid-hip point, mirrored to
the requested side (``side_sign`` +1 right, -1 left).
"""
from __future__ import annotations

import numpy as np

from . import _generated as gen

ANGLE_KEYS = gen.ARGUMENTS[:8]
GEOMETRY_KEYS = gen.ARGUMENTS[8:]
POINTS = ("hip_center", "knee_center", "ankle_center", "asis", "patella", "tibial_tubercle",
          "femoral_shaft_top")
AXES = ("femur_x", "tibia_z", "tibia_y")


def _arguments(angles_deg, geometry):
    args = [np.radians(angles_deg[k]) for k in ANGLE_KEYS]
    args += [np.radians(geometry["ama_deg"]) if k == "ama" else geometry[k] for k in GEOMETRY_KEYS]
    return args


def evaluate(angles_deg, geometry, side_sign=1.0):
    """Landmarks and segment axes for joint angles ``angles_deg`` (keys ``ANGLE_KEYS``)."""
    values = gen.chain(*_arguments(angles_deg, geometry))
    named = dict(zip(gen.CHAIN_OUTPUTS, values))
    out = {}
    for name in POINTS + AXES:
        out[name] = (side_sign * named[f"{name}_x"], named[f"{name}_y"], named[f"{name}_z"])
    return out


def solve_hip_adduction(point, target_x, angles_deg, geometry):
    """Hip adduction [deg] that puts ``point`` ("knee_center" or "ankle_center") at
    lateral distance ``target_x`` [mm] from the midline, all other angles held.

    Closed form: x = c cos(a) + s sin(a) + o (see ``derivation.adduction_coefficients``).
    Of the two roots the one nearer zero is the standing pose; an unreachable target is
    clipped to the nearest reachable one rather than producing NaN.
    """
    angles = dict(angles_deg, hip_adduction=0.0)
    terms = dict(zip(gen.ADDUCTION_TERMS_OUTPUTS, gen.adduction_terms(*_arguments(angles, geometry))))
    c, s, o = terms[f"{point}_c"], terms[f"{point}_s"], terms[f"{point}_o"]
    rho = np.hypot(c, s)
    phi = np.arctan2(s, c)
    spread = np.arccos(np.clip((target_x - o) / rho, -1.0, 1.0))
    roots = np.stack(np.broadcast_arrays(phi - spread, phi + spread))
    roots = (roots + np.pi) % (2.0 * np.pi) - np.pi
    pick = np.argmin(np.abs(roots), axis=0)
    return np.degrees(np.take_along_axis(roots, pick[None, ...], axis=0)[0])
