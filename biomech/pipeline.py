"""The model as a chain of named stages, in the spirit of pvlib's ModelChain.

:func:`run` takes validated inputs and passes one :class:`State` through the stages in
:data:`STAGES`; each stage reads what earlier stages wrote and adds its own part::

    body -> task_pose -> cause_deviations -> posture -> clinical_measures -> loads

* :func:`body` - the person's segment lengths and widths (:mod:`biomech.subject`);
* :func:`task_pose` - the joint angles the task asks for (:mod:`biomech.tasks`);
* :func:`cause_deviations` - what each cause changes (:mod:`biomech.causes`);
* :func:`posture` - feet planted (or knees together) by solving the hip, then the chain
  (:mod:`biomech.kinematics`);
* :func:`clinical_measures` - HKA, FPPA, load-axis shift, gaps ... (:mod:`biomech.measures`);
* :func:`loads` - hip and knee forces and moments (:mod:`biomech.statics`).

The same stages serve one person (every value a Python float, fast) and a table (numpy
arrays that broadcast together); see :mod:`biomech.numeric`. Inputs arrive validated and
complete from :mod:`biomech.model`, the public API.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import causes, measures, statics, subject
from . import numeric as nx
from .kinematics import chain, solve
from .tasks import TASKS


@dataclass
class State:
    """Everything the stages know about one simulation (or one table of them).

    ``inputs`` holds the validated model inputs plus ``is_female`` and ``lateral`` (+1
    right, -1 left); ``task`` the task's numbers (:func:`biomech.tasks.task_table`);
    ``p`` the coefficients (:func:`biomech.assumptions.defaults`). Each stage fills the
    fields named in its docstring.
    """

    inputs: dict
    task: dict
    p: dict
    landmarks: bool = True
    geometry: dict = field(default_factory=dict)
    levers: tuple = ()
    joint_angles_deg: dict = field(default_factory=dict)
    deviations: dict = field(default_factory=dict)
    angles: dict = field(default_factory=dict)
    points: dict = field(default_factory=dict)
    self_check: dict = field(default_factory=dict)
    alignment: dict = field(default_factory=dict)
    floor_z: object = 0.0
    ankle_height_mm: object = 0.0
    knee: dict = field(default_factory=dict)
    hip: dict = field(default_factory=dict)


def body(s: State):
    """Writes ``geometry`` (segment lengths and widths [mm]) and ``levers`` (Pauwels
    lever arms k1, k2 about the stance hip [mm])."""
    i = s.inputs
    s.geometry = subject.anthropometry(i["is_female"], i["height_m"], i["mass_kg"], i["hip_width_mm"],
                                       i["age_years"], s.p)
    s.levers = statics.hip_lever_arms(s.geometry["hip_half_mm"], s.geometry["abductor_arm_mm"])


def task_pose(s: State):
    """Writes ``joint_angles_deg``: the angles the task itself sets - pelvic tilt, the
    healthy pelvic drop, hip flexion (the thigh's forward pitch plus the tilt), knee
    flexion, and the bone alignment as the knee's frontal-plane angle."""
    i, t = s.inputs, s.task
    knee_flexion = i["knee_flexion_deg"]
    thigh_pitch = nx.where(t["seated"] > 0.5, t["fixed_thigh_pitch_deg"], t["thigh_ratio"] * knee_flexion)
    s.joint_angles_deg = {
        "pelvic_tilt": i["pelvic_tilt_deg"],
        "pelvic_drop": t["pelvic_drop_deg"],
        "hip_flexion": thigh_pitch + i["pelvic_tilt_deg"],
        "knee_flexion": knee_flexion,
        "knee_abduction": i["constitutional_hka_deg"],
    }


def cause_deviations(s: State):
    """Writes ``deviations``: the joint-angle and foot changes of the five causes."""
    i = s.inputs
    k1, k2 = s.levers
    s.deviations = causes.joint_deviations(
        adductor=i["adductor_tightness"], abductor=i["abductor_weakness"], arch=i["arch_collapse"],
        tilt=i["pelvic_tilt_deg"], tilt_default=i["typical_pelvic_tilt_deg"], lever_ratio=k1 / k2, task=s.task,
        height_mm=s.geometry["height_mm"], p=s.p)


def posture(s: State):
    """Writes ``angles`` (every chain angle as (sin, cos)), ``points`` (landmarks and
    segment axes in the ground frame) and ``self_check`` (the knees-together gaps).

    The hip adduction is solved, not given: two planted feet keep the task's stance
    width, so a cause that adducts the hip can only act through the rotations the solve
    includes; on one leg the foot goes where the body's weight line is, so extra
    adduction (a dropping pelvis, tight adductors) carries it toward the midline; in the
    self-check the legs come together until knees or ankles touch.
    """
    t, dev, geom = s.task, s.deviations, s.geometry
    trig = chain.sincos({**s.joint_angles_deg, "hip_internal_rotation": dev["hip_internal_rotation_deg"],
                         "tibial_internal_rotation": dev["tibial_internal_rotation_deg"]})
    feet = solve.feet_under_body_adduction_deg(trig, geom, dev["ankle_medial_shift_mm"],
                                               t["cop_half_width_per_height"] * geom["height_mm"])
    # The self-check stance is upright with straight knees, unless it is the task itself.
    knees_together = t["knees_together"] > 0.5
    check_knee = tuple(nx.where(knees_together, v, z) for v, z in zip(trig["knee_flexion"], chain.ZERO, strict=True))
    check, ankle_gap, knee_gap = solve.knees_together(solve.upright(trig, check_knee), geom)
    s.self_check = {"intermalleolar_distance_mm": ankle_gap, "intercondylar_distance_mm": knee_gap}

    hip_adduction = nx.choose(knees_together, lambda: chain.degrees(check),
                              lambda: feet + t["single"] * dev["hip_adduction_deg"])
    hip_adduction = subject.soft_limit(hip_adduction, -subject.HIP_ABDUCTION_LIMIT_DEG,
                                       subject.HIP_ADDUCTION_LIMIT_DEG)
    s.joint_angles_deg.update(pelvic_drop=s.joint_angles_deg["pelvic_drop"] + dev["pelvic_drop_deg"],
                              hip_adduction=hip_adduction)
    s.angles = dict(trig, **chain.sincos({k: s.joint_angles_deg[k] for k in ("pelvic_drop", "hip_adduction")}))
    s.points = chain.evaluate(s.angles, geom, s.inputs["lateral"], measures_only=not s.landmarks)


#: Measures that only mean something standing: a seated person reports them for the
#: standing pose of the same body and causes.
STANDING_MEASURES = ("hka_deg", "atfa_deg", "fppa_deg", "knee_abduction_deg", "load_axis_shift_mm", "wbl_ratio_pct",
                     "q_angle_deg")
#: Height [mm] of the point above the knee that makes a seated FPPA the shin's tilt.
_ABOVE_KNEE_MM = 100.0


def clinical_measures(s: State):
    """Writes ``alignment`` (HKA, aTFA, FPPA, Grood-Suntay abduction, load-axis shift,
    WBL ratio, Q-angle).

    Seated, the thigh points at a front camera and frontal angles lose their meaning:
    the alignment measures are those of the same person standing, and the projection
    angle is the shin's tilt seen from the front (feet apart, knees in = +). Only the
    seated rows of a table are evaluated twice.
    """
    lateral, plateau = s.inputs["lateral"], s.geometry["plateau_width_mm"]
    s.alignment = measures.alignment(s.points, lateral, plateau)
    seated = s.task["seated"] > 0.5
    if not nx.any_true(seated):
        return
    rows = _RowSelection(seated)
    geom, dev = rows.take(s.geometry), rows.take(s.deviations)
    cop = TASKS["stand"].cop_half_width_per_height * geom["height_mm"]
    stand = solve.standing(rows.take(s.angles), geom, dev["ankle_medial_shift_mm"], cop)
    lateral = rows.take(lateral)
    standing = measures.alignment(chain.evaluate(stand, geom, lateral, measures_only=True), lateral,
                                  geom["plateau_width_mm"])
    knee, ankle = rows.take(s.points["knee_center"]), rows.take(s.points["ankle_center"])
    above_knee = (knee[0], knee[1], knee[2] + _ABOVE_KNEE_MM)
    standing["fppa_deg"] = measures.frontal_angle_deg(above_knee, knee, ankle, lateral)
    for name in STANDING_MEASURES:
        s.alignment[name] = rows.put(s.alignment[name], standing[name])


def loads(s: State):
    """Writes ``knee`` (contact force and its medial share, adduction moment, quadriceps
    force), ``hip`` (abductor and contact forces), ``floor_z`` and ``ankle_height_mm``."""
    i, t, geom, dev = s.inputs, s.task, s.geometry, s.deviations
    knee, ankle = s.points["knee_center"], s.points["ankle_center"]
    s.ankle_height_mm = geom["ankle_height_mm"] - dev["ankle_drop_mm"]
    s.floor_z = ankle[2] - s.ankle_height_mm
    cop_y = ankle[1] + s.p["cop_ahead_per_foot_length"] * geom["foot_length_mm"]
    s.knee = statics.knee_loads(
        mass_kg=i["mass_kg"], height_mm=geom["height_mm"], weight_share=t["weight_share"],
        co_contraction=t["co_contraction"], single=t["single"], knee_height_mm=knee[2] - s.floor_z,
        ankle_lateral_mm=i["lateral"] * ankle[0], load_axis_shift_mm=s.alignment["load_axis_shift_mm"],
        knee_ahead_of_cop_mm=knee[1] - cop_y, patellar_tendon_arm_mm=geom["patellar_tendon_arm_mm"],
        plateau_width_mm=geom["plateau_width_mm"], p=s.p)
    abductor, contact = statics.hip_forces(*s.levers, t["single"], t["seated"], t["weight_share"], s.p)
    s.hip = {"hip_abductor_force_bw": abductor, "hip_contact_force_bw": contact}


STAGES = (body, task_pose, cause_deviations, posture, clinical_measures, loads)


def run(inputs, task, p, *, landmarks=True):
    """Run every stage on validated ``inputs`` for ``task`` (its numbers) with the
    coefficients ``p``; returns the final :class:`State`. ``landmarks=False`` evaluates
    only the coordinates the measures need (tables)."""
    s = State(inputs=inputs, task=task, p=p, landmarks=landmarks)
    for stage in STAGES:
        stage(s)
    return s


def outputs(s: State):
    """The reported numbers of a finished :class:`State`, by output name (units in the
    names; signs in :mod:`biomech.conventions`)."""
    i, dev, angles, knee = s.inputs, s.deviations, s.joint_angles_deg, s.knee
    contact = knee["knee_contact_force_bw"]
    medial = knee["medial_load_fraction"]
    return {
        **s.alignment,
        **s.self_check,
        "pelvic_tilt_deg": i["pelvic_tilt_deg"],
        "pelvic_drop_deg": angles["pelvic_drop"],
        "hip_flexion_deg": angles["hip_flexion"],
        "hip_adduction_deg": angles["hip_adduction"],
        "hip_internal_rotation_deg": dev["hip_internal_rotation_deg"],
        "knee_flexion_deg": angles["knee_flexion"],
        "tibial_internal_rotation_deg": dev["tibial_internal_rotation_deg"],
        "rearfoot_eversion_deg": dev["rearfoot_eversion_deg"],
        "navicular_drop_mm": dev["navicular_drop_mm"],
        "lost_abduction_deg": dev["lost_abduction_deg"],
        "abductor_use": dev["abductor_use"],
        **s.hip,
        "knee_contact_force_bw": contact,
        "medial_load_fraction": medial,
        "medial_contact_force_bw": medial * contact,
        "lateral_contact_force_bw": (1.0 - medial) * contact,
        "knee_adduction_moment_nm": knee["knee_adduction_moment_nm"],
        "quadriceps_force_bw": knee["quadriceps_force_bw"],
        "constitutional_hka_deg": i["constitutional_hka_deg"],
        "hip_width_mm": i["hip_width_mm"],
        "plateau_width_mm": s.geometry["plateau_width_mm"],
    }


class _RowSelection:
    """The rows of a table where ``mask`` holds (all of it for one person)."""

    def __init__(self, mask):
        self.mask = mask
        self.partial = np.ndim(mask) > 0

    def take(self, value):
        """``value`` (an array, a float, or a dict / tuple of them) at the selected rows."""
        if isinstance(value, dict):
            return {k: self.take(v) for k, v in value.items()}
        if isinstance(value, tuple):
            return tuple(self.take(v) for v in value)
        return value[self.mask] if self.partial and np.ndim(value) else value

    def put(self, full, part):
        """A copy of ``full`` with the selected rows replaced by ``part``."""
        if not self.partial:
            return part
        merged = np.array(np.broadcast_to(full, np.shape(self.mask)))
        merged[self.mask] = part
        return merged
