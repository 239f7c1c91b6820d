"""Poses the task asks for, solved on the chain: feet planted where the task puts them,
knees brought together for the self-check, and the standing pose a seated person would
have.

Each solve finds the hip adduction that puts one point of the leg at a lateral distance
from the midline, in closed form (:func:`biomech.kinematics.chain.solve_hip_adduction`);
the other joint angles of the pose are held. Angles are ``{name: (sin, cos)}`` as
:func:`biomech.kinematics.chain.sincos` makes them; lengths in mm.
"""

from __future__ import annotations

from .. import numeric as nx
from . import chain


def planted_foot_adduction_deg(trig, geometry, ankle_lateral_mm):
    """Hip adduction [deg] that keeps the planted foot where the task puts it: the ankle
    centre ``ankle_lateral_mm`` from the midline (right-limb frame: + lateral).

    The cause rotations are part of the pose being solved, so a femur that turns inward
    over a bent knee carries the knee toward the midline while the foot stays put - the
    closed chain of a foot on the floor.
    """
    terms = chain.adduction_terms(trig, geometry, heights=False)
    return chain.degrees(chain.solve_hip_adduction(terms, "ankle_center", ankle_lateral_mm))


def knees_together(trig, geometry):
    """Knees-together stance (the self-check): bring the legs together until the knees or
    the ankles touch; ``trig`` is an upright pose (:func:`upright`).

    Returns ``(adduction, intermalleolar_mm, intercondylar_mm)``: the hip adduction as
    ``(sin, cos)``, the gap between the inner ankles when the knees touch (0 if the ankles
    touch first) and the gap between the inner knees when the ankles touch (0 if the knees
    touch first).
    """
    knee_half, ankle_half = geometry["knee_half_width_mm"], geometry["ankle_half_width_mm"]
    terms = chain.upright_adduction_terms(trig, geometry)
    knees_touch_at = chain.solve_hip_adduction(terms, "knee_center", knee_half)
    ankle_gap = 2.0 * (chain.x_at(terms, "ankle_center", knees_touch_at) - ankle_half)
    ankles_touch_at = chain.solve_hip_adduction(terms, "ankle_center", ankle_half)
    knee_gap = 2.0 * (chain.x_at(terms, "knee_center", ankles_touch_at) - knee_half)
    knees_touch = ankle_gap >= 0.0
    adduction = nx.where_each(knees_touch, knees_touch_at, ankles_touch_at)
    return adduction, nx.maximum(ankle_gap, 0.0), nx.where(knees_touch, 0.0, nx.maximum(knee_gap, 0.0))


def upright(trig, knee_flexion=chain.ZERO):
    """The same joint rotations, standing upright on a level pelvis: the thigh only
    follows the pelvic tilt, and the knee has ``knee_flexion`` (straight by default)."""
    return dict(trig, pelvic_drop=chain.ZERO, hip_flexion=trig["pelvic_tilt"], knee_flexion=knee_flexion)


def standing(trig, geometry, ankle_medial_shift_mm, cop_half_width_mm):
    """The standing pose of the same person and causes (upright, feet planted
    ``cop_half_width_mm`` from the midline), for measures that only mean something
    standing. Returns the complete angles ``{name: (sin, cos)}``."""
    pose = upright(trig)
    terms = chain.upright_adduction_terms(pose, geometry)
    adduction = chain.solve_hip_adduction(terms, "ankle_center", cop_half_width_mm - ankle_medial_shift_mm)
    pose["hip_adduction"] = chain.sincos_of(chain.degrees(adduction))
    return pose
