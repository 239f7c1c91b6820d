"""The model as a chain of named stages, in the spirit of pvlib's ModelChain.

:func:`run` takes validated inputs and passes one :class:`State` through the stages in
:data:`STAGES`; each stage reads what earlier stages wrote and adds its own part::

    body -> task_pose -> cause_deviations -> balance -> self_check -> loaded_pose

* :func:`body` - the person's segment lengths and widths (:mod:`biomech.subject`);
* :func:`task_pose` - the joint angles the task asks for (:mod:`biomech.tasks`);
* :func:`cause_deviations` - what each cause changes (:mod:`biomech.causes`);
* :func:`balance` - pelvic drop, trunk lean, the centre of mass and where the foot must
  be under it, abductor forces and how weak abductors are compensated
  (:mod:`biomech.balance`);
* :func:`self_check` - the knees-together stance and its gaps (:mod:`biomech.kinematics`);
* :func:`loaded_pose` - the task's pose with the knee's frontal-plane give under the load
  it carries (:mod:`biomech.laxity`), its clinical measures (:mod:`biomech.measures`) and
  the knee and hip loads (:mod:`biomech.statics`).

The same stages serve one person (every value a Python float, fast) and a table (numpy
arrays that broadcast together); see :mod:`biomech.numeric`. Inputs arrive validated and
complete from :mod:`biomech.model`, the public API.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import balance as bal
from . import causes, deformity, laxity, measures, statics, subject
from . import numeric as nx
from .kinematics import chain, solve
from .tasks import TASKS


@dataclass(slots=True)
class State:
    """Everything the stages know about one simulation (or one table of them).

    ``inputs`` holds the validated model inputs plus ``is_female``, ``lateral`` (+1 right,
    -1 left) and the person's typical values; ``task`` the task's numbers
    (:func:`biomech.tasks.task_table`); ``p`` the coefficients
    (:func:`biomech.assumptions.defaults`). Each stage fills the fields named in its
    docstring. Lateral positions are in the measured leg's frame (+ toward that leg).
    """

    inputs: dict
    task: dict
    p: dict
    landmarks: bool = True
    # Written by the stages (an attribute a stage has not yet written is missing).
    geometry: dict = field(init=False)
    joint_angles_deg: dict = field(init=False)
    deviations: dict = field(init=False)
    balance: dict = field(init=False)
    self_check: dict = field(init=False)
    knee_give_deg: object = field(init=False)
    trig: dict = field(init=False)
    angles: dict = field(init=False)
    points: dict = field(init=False)
    alignment: dict = field(init=False)
    floor_z: object = field(init=False)
    ankle_height_mm: object = field(init=False)
    knee: dict = field(init=False)
    hip: dict = field(init=False)


def body(s: State):
    """Writes ``geometry``: segment lengths and widths [mm] (:func:`biomech.subject.anthropometry`)."""
    i = s.inputs
    s.geometry = subject.anthropometry(
        i["is_female"], i["height_m"], i["mass_kg"], i["hip_width_mm"], i["age_years"], s.p
    )
    s.geometry["chain_lengths"] = chain.lengths(s.geometry)


def task_pose(s: State):
    """Writes ``joint_angles_deg``: the angles the task itself sets - pelvic tilt, the
    healthy pelvic drop, hip flexion (the thigh's forward pitch plus the tilt), knee
    flexion, and the bone alignment split where it sits: the distal femur's angle tilts
    the flexion axis, the tibia's and the joint line's act after flexion
    (:mod:`biomech.deformity`)."""
    i, t = s.inputs, s.task
    knee_flexion = i["knee_flexion_deg"]
    thigh_pitch = nx.where(t["seated"] > 0.5, t["fixed_thigh_pitch_deg"], t["thigh_ratio"] * knee_flexion)
    s.joint_angles_deg = {
        "pelvic_tilt": i["pelvic_tilt_deg"],
        "pelvic_drop": t["pelvic_drop_deg"],
        "hip_flexion": thigh_pitch + i["pelvic_tilt_deg"],
        "knee_flexion": knee_flexion,
        "femoral_valgus": deformity.femoral_valgus_deg(i["mldfa_deg"], i["is_female"]),
        "knee_abduction": deformity.knee_bone_abduction_deg(
            i["mldfa_deg"], i["mpta_deg"], i["jlca_deg"], i["is_female"]
        ),
    }


def cause_deviations(s: State):
    """Writes ``deviations``: the joint-angle and foot changes of the five causes."""
    i = s.inputs
    s.deviations = causes.joint_deviations(
        adductor=i["adductor_tightness"],
        abductor=i["abductor_weakness"],
        arch=i["arch_collapse"],
        tilt=i["pelvic_tilt_deg"],
        tilt_default=i["typical_pelvic_tilt_deg"],
        task=s.task,
        height_mm=s.geometry["height_mm"],
        p=s.p,
    )


def balance(s: State):
    """Writes ``balance``: pelvic drop and trunk lean [deg], abductor forces [BW] and use,
    the centre of mass and the measured ankle's place [mm], and the share of body weight
    on the measured foot; updates ``joint_angles_deg["pelvic_drop"]``.

    On one leg, tight adductors tip the pelvis down on the lifted side, weak abductors
    are compensated (:func:`biomech.balance.compensate`) and the foot goes under the
    centre of mass. On two feet the feet stay where the task puts them, and a trunk lean
    moves weight onto one foot by the lever rule.
    """
    i, t, geom = s.inputs, s.task, s.geometry
    capacity = bal.abductor_capacity_bw(
        0.5 * i["typical_hip_width_mm"], geom["abductor_arm_mm"], i["abductor_weakness"], s.p
    )
    drop = t["pelvic_drop_deg"] + t["single"] * s.deviations["resting_hip_adduction_deg"]
    s.balance = nx.choose_each(
        t["single"] > 0.5, lambda: _on_one_leg(s, capacity, drop), lambda: _on_two_feet(s, capacity, drop)
    )
    s.joint_angles_deg["pelvic_drop"] = s.balance["pelvic_drop_deg"]


def _on_one_leg(s, capacity, drop):
    """:func:`balance` on the measured leg alone: the abductors' shortfall compensated
    and the foot under the centre of mass."""
    i, geom, p = s.inputs, s.geometry, s.p
    height, half = geom["height_mm"], geom["hip_half_mm"]
    out = bal.compensate(
        hip_half_mm=half,
        height_mm=height,
        abductor_arm_mm=geom["abductor_arm_mm"],
        capacity_bw=capacity,
        drop_deg=drop,
        lean_deg=i["trunk_lean_deg"],
        compensation=i["compensation"],
        p=p,
    )
    hip, hat, lifted = out.pop("positions")
    ankle = bal.ankle_under_centre_of_mass(hip, hat, lifted, s.deviations["ankle_medial_shift_mm"])
    out.update(
        capacity_bw=capacity,
        ankle_lateral_mm=ankle,
        weight_share=1.0,
        centre_of_mass_mm=bal.centre_of_mass(hip, hat, lifted, ankle),
    )
    return out


def _on_two_feet(s, capacity, drop):
    """:func:`balance` on two feet (or seated): the feet stay where the task puts them.
    The legs balance each other about the midline; only the trunk moves the centre of
    mass, and the lever rule shares the weight between the feet."""
    t, height = s.task, s.geometry["height_mm"]
    lean = s.inputs["trunk_lean_deg"]
    com = bal.HAT_MASS_FRACTION * bal.trunk_position(drop, lean, height)
    two_feet = t["cop_half_width_per_height"] * height
    shifted = t["weight_share"] + com / (2.0 * nx.maximum(two_feet, 1.0))
    share = nx.where(
        t["seated"] > 0.5, t["weight_share"], nx.clip(shifted, bal.MIN_SHARE_ON_A_FOOT, 1.0 - bal.MIN_SHARE_ON_A_FOOT)
    )
    return {
        "pelvic_drop_deg": drop,
        "trunk_lean_deg": lean,
        "demand_bw": 0.0,
        "muscle_bw": 0.0,
        "passive_bw": 0.0,
        "abductor_use": 0.0,
        "capacity_bw": capacity,
        "ankle_lateral_mm": two_feet - s.deviations["ankle_medial_shift_mm"],
        "weight_share": share,
        "centre_of_mass_mm": com,
    }


def self_check(s: State):
    """Writes ``trig`` (the sine and cosine of every joint rotation but the hip's adduction)
    and ``self_check``: the knees-together gaps [mm] of the same person and causes,
    standing upright with straight knees (bent as the task says when the self-check is
    the task), and the hip adduction [(sin, cos)] that brings the knees or ankles
    together."""
    s.trig = trig = chain.sincos(_rotations(s))
    knee = nx.where_each(s.task["knees_together"] > 0.5, trig["knee_flexion"], chain.ZERO)
    adduction, ankle_gap, knee_gap = solve.knees_together(solve.upright(trig, knee), s.geometry)
    s.self_check = {
        "intermalleolar_distance_mm": ankle_gap,
        "intercondylar_distance_mm": knee_gap,
        "hip_adduction": adduction,
    }


def loaded_pose(s: State):
    """Writes ``knee_give_deg`` and, for the pose with that give: ``angles``, ``points``,
    ``alignment``, ``knee``, ``hip``, ``floor_z`` and ``ankle_height_mm``.

    The give depends on the knee adduction moment, which depends on where the knee is:
    the moment is found without give and with a first estimate (from the hip adduction
    solve alone, which gives the knee's and ankle's positions), the nearly linear relation
    between give and moment is solved (it leaves under a hundredth of a degree, which
    ``tests/test_model_v2.py`` checks), and the whole pose evaluated at the solution. The
    solver's coefficients are found once, as functions of the knee's frontal angle
    (:func:`biomech.kinematics.chain.adduction_terms_by_knee_abduction`), and serve every
    trial give.
    """
    t, trig = s.task, s.trig
    carried_n = s.balance["weight_share"] * s.inputs["mass_kg"] * statics.GRAVITY
    compliance = laxity.loaded_compliance_deg_per_nm(
        s.joint_angles_deg["knee_flexion"], t["knee_weight_bearing"], carried_n, s.inputs["height_m"], s.p
    )
    # The heights of knee and ankle enter only the knee adduction moment on two feet.
    on_one_leg = t["single"] > 0.5
    by_knee_abduction = chain.adduction_terms_by_knee_abduction(
        trig, s.geometry, heights=not (type(on_one_leg) is bool and on_one_leg)
    )
    if nx.is_scalar(compliance) and compliance == 0.0:
        _evaluate(s, by_knee_abduction, 0.0, landmarks=s.landmarks)
        return
    moment_0 = _moment(s, by_knee_abduction, 0.0)
    first = laxity.give_deg(moment_0, compliance)
    moment_1 = _moment(s, by_knee_abduction, first)
    moving = abs(first) > 1e-9
    slope = nx.where(moving, (moment_1 - moment_0) / nx.where(moving, first, 1.0), 0.0)
    give = laxity.limited(-compliance * moment_0 / (1.0 + compliance * slope))
    _evaluate(s, by_knee_abduction, give, landmarks=s.landmarks)


def _rotations(s):
    """The task's joint angles plus the causes' rotations, in degrees (no hip adduction)."""
    dev = s.deviations
    return {
        **s.joint_angles_deg,
        "hip_internal_rotation": dev["hip_internal_rotation_deg"],
        "tibial_internal_rotation": dev["tibial_internal_rotation_deg"],
    }


def _knee_abduction(s, give_deg):
    """``(sin, cos)`` of the knee's frontal angle = bone alignment + ``give_deg``."""
    if nx.is_scalar(give_deg) and give_deg == 0.0:
        return s.trig["knee_abduction"]
    return chain.sincos_of(s.joint_angles_deg["knee_abduction"] + give_deg)


def _hip_adduction(s, terms):
    """Hip adduction ``(sin, cos)`` the pose asks for, before the hip's passive range
    (:func:`_hip_adduction_deg`, :func:`_within_hip_range`): the self-check's, or the one
    that plants the foot where the balance stage put it."""
    return nx.choose_each(
        s.task["knees_together"] > 0.5,
        lambda: s.self_check["hip_adduction"],
        lambda: chain.solve_hip_adduction(terms, "ankle_center", s.balance["ankle_lateral_mm"]),
    )


def _hip_adduction_deg(sin_cos):
    """Hip adduction [deg] of ``sin_cos``, within the hip's passive range
    (:func:`biomech.subject.soft_limit`)."""
    return subject.soft_limit(chain.degrees(sin_cos), -subject.HIP_ABDUCTION_LIMIT_DEG, subject.HIP_ADDUCTION_LIMIT_DEG)


#: Sines of the ends of the band of hip adduction that :func:`biomech.subject.soft_limit`
#: leaves alone.
_FREE_SIN_LOW, _FREE_SIN_HIGH = (
    nx.sind(-subject.HIP_LIMIT_FREE_SHARE * subject.HIP_ABDUCTION_LIMIT_DEG),
    nx.sind(subject.HIP_LIMIT_FREE_SHARE * subject.HIP_ADDUCTION_LIMIT_DEG),
)


def _within_hip_range(sin_cos, degrees=None):
    """``(sin, cos)`` of :func:`_hip_adduction_deg` (``degrees`` when already known): the
    same pair where the passive range leaves the angle alone (no round trip through
    degrees), the bent angle's elsewhere."""
    sin, cos = sin_cos
    free = (cos > 0.0) & (sin >= _FREE_SIN_LOW) & (sin <= _FREE_SIN_HIGH)
    if type(free) is bool or isinstance(free, np.bool_):
        if free:
            return sin_cos
        return chain.sincos_of(_hip_adduction_deg(sin_cos) if degrees is None else degrees)
    if free.all():
        return sin_cos
    rows = _RowSelection(~free)
    bent = chain.sincos_of(_hip_adduction_deg(rows.take(sin_cos)) if degrees is None else rows.take(degrees))
    return rows.put(sin, bent[0]), rows.put(cos, bent[1])


def _moment(s, by_knee_abduction, give_deg):
    """Knee adduction moment [N m] of the pose with the knee's give ``give_deg``, from the
    knee's and ankle's positions alone (measured leg's frame, before mirroring)."""
    terms = chain.adduction_terms_at(by_knee_abduction, _knee_abduction(s, give_deg))
    adduction = _within_hip_range(_hip_adduction(s, terms))
    knee_x, ankle_x = chain.x_at(terms, "knee_center", adduction), chain.x_at(terms, "ankle_center", adduction)

    def on_two_feet():
        geom = s.geometry
        knee = (knee_x, None, chain.x_at(terms, "knee_center_z", adduction))
        ankle = (ankle_x, None, chain.x_at(terms, "ankle_center_z", adduction))
        sin_drop, cos_drop = s.trig["pelvic_drop"]
        hip = (geom["hip_half_mm"] * cos_drop, None, geom["hip_half_mm"] * sin_drop)
        floor_z = ankle[2] - (geom["ankle_height_mm"] - s.deviations["ankle_drop_mm"])
        return _two_feet_moment(s, knee[2] - floor_z, ankle_x, measures.load_axis_shift_mm(hip, knee, ankle, 1.0))

    return nx.choose(s.task["single"] > 0.5, lambda: _one_leg_moment(s, knee_x, ankle_x), on_two_feet)


def _one_leg_moment(s, knee_lateral_mm, ankle_lateral_mm):
    """:func:`biomech.statics.one_leg_knee_adduction_moment_nm` of the measured leg."""
    return statics.one_leg_knee_adduction_moment_nm(
        mass_kg=s.inputs["mass_kg"],
        knee_lateral_mm=knee_lateral_mm,
        ankle_lateral_mm=ankle_lateral_mm,
        cop_lateral_of_ankle_mm=s.deviations["ankle_medial_shift_mm"],
    )


def _two_feet_moment(s, knee_height_mm, ankle_lateral_mm, load_axis_shift_mm):
    """:func:`biomech.statics.two_feet_knee_adduction_moment_nm` of the measured leg."""
    return statics.two_feet_knee_adduction_moment_nm(
        mass_kg=s.inputs["mass_kg"],
        height_mm=s.geometry["height_mm"],
        weight_share=s.balance["weight_share"],
        knee_height_mm=knee_height_mm,
        ankle_lateral_mm=ankle_lateral_mm,
        load_axis_shift_mm=load_axis_shift_mm,
        p=s.p,
    )


def _evaluate(s, by_knee_abduction, give_deg, landmarks):
    """Whole pose with the knee's give ``give_deg``, then its clinical measures and loads."""
    s.knee_give_deg = give_deg
    knee_abduction = _knee_abduction(s, give_deg)
    hip_adduction = _hip_adduction(s, chain.adduction_terms_at(by_knee_abduction, knee_abduction))
    degrees = s.joint_angles_deg["hip_adduction"] = _hip_adduction_deg(hip_adduction)
    s.angles = dict(s.trig, hip_adduction=_within_hip_range(hip_adduction, degrees), knee_abduction=knee_abduction)
    s.points = chain.evaluate(s.angles, s.geometry, s.inputs["lateral"], measures_only=not landmarks)
    clinical_measures(s)
    loads(s)


#: Measures that only mean something standing: a seated person reports them for the
#: standing pose of the same body and causes.
STANDING_MEASURES = (
    "hka_deg",
    "atfa_deg",
    "fppa_deg",
    "knee_abduction_deg",
    "load_axis_shift_mm",
    "wbl_ratio_pct",
    "q_angle_deg",
)
#: Height [mm] of the point above the knee that makes a seated FPPA the shin's tilt.
_ABOVE_KNEE_MM = 100.0


def clinical_measures(s: State):
    """Writes ``alignment`` (HKA, aTFA, FPPA, Grood-Suntay abduction, load-axis shift,
    WBL ratio, Q-angle, and where the knee is over the foot).

    Seated, the thigh points at a front camera and frontal angles lose their meaning:
    the alignment measures are those of the same person standing, and the projection
    angle is the shin's tilt seen from the front (feet apart, knees in = +). Only the
    seated rows of a table are evaluated twice.
    """
    lateral, plateau = s.inputs["lateral"], s.geometry["plateau_width_mm"]
    s.alignment = measures.alignment(s.points, lateral, plateau)
    s.alignment.update(measures.knee_over_foot(s.points, lateral))
    seated = s.task["seated"] > 0.5
    if not nx.any_true(seated):
        return
    rows = _RowSelection(seated)
    geom, dev = rows.take(s.geometry), rows.take(s.deviations)
    cop = TASKS["stand"].cop_half_width_per_height * geom["height_mm"]
    stand = solve.standing(rows.take(s.angles), geom, dev["ankle_medial_shift_mm"], cop)
    lateral = rows.take(lateral)
    standing = measures.alignment(
        chain.evaluate(stand, geom, lateral, measures_only=True), lateral, geom["plateau_width_mm"]
    )
    knee, ankle = rows.take(s.points["knee_center"]), rows.take(s.points["ankle_center"])
    above_knee = (knee[0], knee[1], knee[2] + _ABOVE_KNEE_MM)
    standing["fppa_deg"] = measures.frontal_angle_deg(above_knee, knee, ankle, lateral)
    for name in STANDING_MEASURES:
        s.alignment[name] = rows.put(s.alignment[name], standing[name])


def loads(s: State):
    """Writes ``knee`` (contact force and its medial share, adduction moment, quadriceps
    force), ``hip`` (abductor, passive and contact forces), ``floor_z`` and
    ``ankle_height_mm``."""
    i, t, geom, dev, b = s.inputs, s.task, s.geometry, s.deviations, s.balance
    knee, ankle = s.points["knee_center"], s.points["ankle_center"]
    lateral = i["lateral"]
    s.ankle_height_mm = geom["ankle_height_mm"] - dev["ankle_drop_mm"]
    s.floor_z = ankle[2] - s.ankle_height_mm
    cop_y = ankle[1] + s.p["cop_ahead_per_foot_length"] * geom["foot_length_mm"]
    ankle_x = lateral * ankle[0]
    moment = nx.choose(
        t["single"] > 0.5,
        lambda: _one_leg_moment(s, lateral * knee[0], ankle_x),
        lambda: _two_feet_moment(s, knee[2] - s.floor_z, ankle_x, s.alignment["load_axis_shift_mm"]),
    )
    s.knee = statics.knee_loads(
        mass_kg=i["mass_kg"],
        weight_share=b["weight_share"],
        co_contraction=t["co_contraction"],
        knee_adduction_moment_nm=moment,
        knee_ahead_of_cop_mm=knee[1] - cop_y,
        patellar_tendon_arm_mm=geom["patellar_tendon_arm_mm"],
        plateau_width_mm=geom["plateau_width_mm"],
    )
    s.hip = statics.hip_loads(
        single=t["single"],
        seated=t["seated"],
        weight_share=b["weight_share"],
        muscle_bw=b["muscle_bw"],
        passive_bw=b["passive_bw"],
        p=s.p,
    )


STAGES = (body, task_pose, cause_deviations, balance, self_check, loaded_pose)


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
    i, dev, angles, knee, b = s.inputs, s.deviations, s.joint_angles_deg, s.knee, s.balance
    contact = knee["knee_contact_force_bw"]
    medial = knee["medial_load_fraction"]
    return {
        **s.alignment,
        "intermalleolar_distance_mm": s.self_check["intermalleolar_distance_mm"],
        "intercondylar_distance_mm": s.self_check["intercondylar_distance_mm"],
        "knee_give_deg": s.knee_give_deg,
        "pelvic_tilt_deg": i["pelvic_tilt_deg"],
        "pelvic_drop_deg": angles["pelvic_drop"],
        "trunk_lean_deg": b["trunk_lean_deg"],
        "centre_of_mass_shift_mm": b["centre_of_mass_mm"],
        "hip_flexion_deg": angles["hip_flexion"],
        "hip_adduction_deg": angles["hip_adduction"],
        "hip_internal_rotation_deg": dev["hip_internal_rotation_deg"],
        "knee_flexion_deg": angles["knee_flexion"],
        "tibial_internal_rotation_deg": dev["tibial_internal_rotation_deg"],
        "rearfoot_eversion_deg": dev["rearfoot_eversion_deg"],
        "navicular_drop_mm": dev["navicular_drop_mm"],
        "lost_abduction_deg": dev["lost_abduction_deg"],
        "abductor_use": b["abductor_use"],
        **s.hip,
        "knee_contact_force_bw": contact,
        "medial_load_fraction": medial,
        "medial_contact_force_bw": medial * contact,
        "lateral_contact_force_bw": (1.0 - medial) * contact,
        "knee_adduction_moment_nm": knee["knee_adduction_moment_nm"],
        "quadriceps_force_bw": knee["quadriceps_force_bw"],
        "constitutional_hka_deg": i["constitutional_hka_deg"],
        "mldfa_deg": i["mldfa_deg"],
        "mpta_deg": i["mpta_deg"],
        "jlca_deg": i["jlca_deg"] - s.knee_give_deg,
        "hip_width_mm": i["hip_width_mm"],
        "plateau_width_mm": s.geometry["plateau_width_mm"],
    }


class _RowSelection:
    """The rows of a table where ``mask`` holds (all of it for one person)."""

    def __init__(self, mask):
        self.mask = mask
        self.partial = np.ndim(mask) > 0
        # Row numbers: one pass over the mask, then each take and put is a plain gather.
        self.rows = np.flatnonzero(mask) if self.partial else None

    def take(self, value):
        """``value`` (an array, a float, or a dict / tuple of them) at the selected rows."""
        if isinstance(value, dict):
            return {k: self.take(v) for k, v in value.items()}
        if isinstance(value, tuple):
            return tuple(self.take(v) for v in value)
        return value[self.rows] if self.partial and np.ndim(value) else value

    def put(self, full, part):
        """A copy of ``full`` with the selected rows replaced by ``part``."""
        if not self.partial:
            return part
        merged = np.array(np.broadcast_to(full, np.shape(self.mask)))
        merged[self.rows] = part
        return merged
