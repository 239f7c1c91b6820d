"""Orchestration: inputs -> subject -> causes -> chain -> measures -> statics.

``simulate``, ``simulate_many`` and ``forward_kinematics`` (the public API) and
``pose`` (both legs and pelvis, for the views) live here. One vectorised core,
:func:`_run`, serves them all, so a slider, a script and a 100,000-row table get the
same numbers from the same code.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields

import numpy as np

from . import causes, measures, statics, subject
from ._malloc import keep_freed_memory
from .conventions import SIDES
from .inputs import INPUT_RANGES, SEXES, InputError, check_body, check_choice, check_number
from .kinematics import chain
from .tasks import TASK_NAMES, TASKS, task_table

#: Swing-leg posture in single-leg tasks (display only): hip flexion beyond the stance
#: hip's, and knee flexion, deg.
SWING_EXTRA_HIP_FLEXION_DEG = 30.0
SWING_KNEE_FLEXION_DEG = 70.0

#: Rows per block in :func:`simulate_many` (fits the arrays of one block in cache).
CHUNK_ROWS = 8192

DEFAULTS = {
    "sex": "female", "height_m": 1.65, "mass_kg": 60.0, "age_years": 25.0,
    "task": "stand", "knee_flexion_deg": None, "side": "right",
    "adductor_tightness": 0.0, "abductor_weakness": 0.0, "arch_collapse": 0.0,
    "hip_width_mm": None, "pelvic_tilt_deg": None, "constitutional_hka_deg": None,
}


@dataclass(frozen=True)
class Result:
    """Everything one simulation reports. Units are in the names; signs in
    :data:`biomech.conventions.SIGN_CONVENTIONS` (+ = valgus throughout)."""

    hka_deg: float
    atfa_deg: float
    fppa_deg: float
    knee_abduction_deg: float
    load_axis_shift_mm: float
    wbl_ratio_pct: float
    q_angle_deg: float
    intermalleolar_distance_mm: float
    intercondylar_distance_mm: float
    pelvic_tilt_deg: float
    pelvic_drop_deg: float
    hip_flexion_deg: float
    hip_adduction_deg: float
    hip_internal_rotation_deg: float
    knee_flexion_deg: float
    tibial_internal_rotation_deg: float
    rearfoot_eversion_deg: float
    navicular_drop_mm: float
    lost_abduction_deg: float
    abductor_use: float
    hip_abductor_force_bw: float
    hip_contact_force_bw: float
    knee_contact_force_bw: float
    medial_load_fraction: float
    medial_contact_force_bw: float
    lateral_contact_force_bw: float
    knee_adduction_moment_nm: float
    quadriceps_force_bw: float
    constitutional_hka_deg: float
    hip_width_mm: float
    plateau_width_mm: float
    inputs: dict = field(repr=False, compare=False)
    landmarks: dict = field(repr=False, compare=False)

    def as_dict(self):
        """The numeric outputs as a plain dict (no inputs or landmarks)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("inputs", "landmarks")}


OUTPUT_NAMES = tuple(f.name for f in fields(Result) if f.name not in ("inputs", "landmarks"))
INPUT_NAMES = tuple(DEFAULTS)


def _prepare(values):
    """Validate and broadcast raw inputs; fill defaults that depend on other inputs."""
    unknown = set(values) - set(DEFAULTS)
    if unknown:
        name = sorted(unknown)[0]
        raise InputError(f"{name} is not a model input; expected one of {', '.join(INPUT_NAMES)}")
    v = {**DEFAULTS, **{k: val for k, val in values.items()}}
    sex = check_choice("sex", v["sex"], SEXES)
    task = check_choice("task", v["task"], TASK_NAMES)
    side = check_choice("side", v["side"], SIDES)
    num = {k: check_number(k, v[k]) for k in ("height_m", "mass_kg", "age_years", "adductor_tightness",
                                                "abductor_weakness", "arch_collapse")}
    for k in ("hip_width_mm", "pelvic_tilt_deg", "constitutional_hka_deg"):
        num[k] = None if v[k] is None else check_number(k, v[k])
    t = task_table(task)
    if v["knee_flexion_deg"] is None:
        num["knee_flexion_deg"] = t["knee_flexion_default"]
    else:
        label = f"deg (for task {str(task)!r})" if task.ndim == 0 else "deg (for that row's task)"
        num["knee_flexion_deg"] = check_number("knee_flexion_deg", v["knee_flexion_deg"],
                                               low=t["knee_flexion_low"], high=t["knee_flexion_high"], unit=label)
    is_female = sex == "female"
    check_body(num["height_m"], num["mass_kg"], num["hip_width_mm"])
    if num["hip_width_mm"] is None:
        num["hip_width_mm"] = subject.default_hip_width_mm(is_female, num["height_m"])
    if num["pelvic_tilt_deg"] is None:
        num["pelvic_tilt_deg"] = subject.default_pelvic_tilt_deg(is_female)
    if num["constitutional_hka_deg"] is None:
        num["constitutional_hka_deg"] = subject.default_hka_deg(is_female, num["age_years"])
    num["is_female"] = is_female
    num["lateral"] = np.where(side == "right", 1.0, -1.0)
    num["default_tilt"] = subject.default_pelvic_tilt_deg(is_female)
    if any(np.ndim(a) for a in (*num.values(), *t.values())):
        keys = list(num)
        arrays = np.broadcast_arrays(*num.values(), *t.values())
        num = dict(zip(keys, arrays[: len(keys)]))
        t = dict(zip(t, arrays[len(keys):]))
    return num, t, {"sex": sex, "task": task, "side": side}


def _alignment(pts, lat, geom):
    """Frontal-plane alignment measures of one pose (see :mod:`biomech.measures`)."""
    hip, knee, ankle = pts["hip_center"], pts["knee_center"], pts["ankle_center"]
    shift = measures.load_axis_shift_mm(hip, knee, ankle, lat)
    return {
        "hka_deg": measures.frontal_angle_deg(hip, knee, ankle, lat),
        "atfa_deg": measures.frontal_angle_deg(pts["femoral_shaft_top"], knee, ankle, lat),
        "fppa_deg": measures.frontal_angle_deg(pts["asis"], knee, ankle, lat),
        "knee_abduction_deg": measures.grood_suntay_abduction_deg(pts["femur_x"], pts["tibia_z"]),
        "load_axis_shift_mm": shift,
        "wbl_ratio_pct": measures.wbl_ratio_pct(shift, geom["plateau_width_mm"]),
        "q_angle_deg": measures.frontal_angle_deg(pts["asis"], pts["patella"], pts["tibial_tubercle"], lat),
    }


def _self_check(trig, geom):
    """Knees-together stance: bring the legs together until the knees or the ankles
    touch. Returns (hip adduction (sin, cos), intermalleolar gap [mm], intercondylar gap [mm])."""
    knee_half, ankle_half = geom["knee_half_width_mm"], geom["ankle_half_width_mm"]
    terms = chain.adduction_terms(trig, geom)
    sc_knees = chain.solve_hip_adduction(terms, "knee_center", knee_half)
    gap_ankles = 2.0 * (chain.x_at(terms, "ankle_center", sc_knees) - ankle_half)
    sc_ankles = chain.solve_hip_adduction(terms, "ankle_center", ankle_half)
    gap_knees = 2.0 * (chain.x_at(terms, "knee_center", sc_ankles) - knee_half)
    knees_touch = gap_ankles >= 0.0
    adduction = tuple(np.where(knees_touch, k, a) for k, a in zip(sc_knees, sc_ankles))
    return adduction, np.maximum(gap_ankles, 0.0), np.where(knees_touch, 0.0, np.maximum(gap_knees, 0.0))


def _feet_under_body_adduction(trig, geom, dev, cop_half_width_mm):
    """Hip adduction [deg] that keeps the planted foot where the task puts it: the ankle
    over the task's centre of pressure (a flat foot lets it sit medial of that point).

    The cause rotations are part of the pose being solved, so a femur that turns inward
    over a bent knee carries the knee toward the midline while the foot stays put - the
    closed chain of a foot on the floor.
    """
    target = cop_half_width_mm - dev["ankle_medial_shift_mm"]
    return chain.degrees(chain.solve_hip_adduction(chain.adduction_terms(trig, geom), "ankle_center", target))


def _take(x, mask):
    """Rows of ``x`` where ``mask`` holds. Scalars pass through, and so does everything
    when the mask itself is one scalar (the caller only asks when it is true)."""
    return x[mask] if np.ndim(x) and np.ndim(mask) else x


def _seated_alignment(mask, geom, dev, trig, lat):
    """Standing alignment of the seated rows (``mask``) of the same person and causes.

    Seated, the thigh points at a front camera and frontal angles lose their meaning,
    so HKA, aTFA, load-axis shift, WBL ratio and Q-angle are reported for standing.
    Only the seated rows are evaluated.
    """
    geom = {k: _take(v, mask) if k != "ama_sincos" else v for k, v in geom.items()}
    dev = {k: _take(v, mask) for k, v in dev.items()}
    trig = {k: tuple(_take(v, mask) for v in sc) for k, sc in trig.items()}
    stand = dict(trig, pelvic_drop=chain.ZERO, hip_flexion=trig["pelvic_tilt"], knee_flexion=chain.ZERO)
    cop = TASKS["stand"].cop_half_width_per_height * geom["height_mm"]
    stand["hip_adduction"] = chain.sincos({"a": _feet_under_body_adduction(stand, geom, dev, cop)})["a"]
    lat = _take(lat, mask)
    return _alignment(chain.evaluate(stand, geom, lat, measures_only=True), lat, geom)


def _compute(num, t, *, landmarks=True):
    """The model for validated inputs: causes -> chain -> measures -> statics.

    Inputs are arrays that broadcast together; constant columns may be scalars, which
    keeps work that does not vary off the whole table. Outputs broadcast to the inputs'
    shape (a constant output may come back as a scalar).
    ``landmarks=False`` evaluates only the coordinates the measures need (tables)."""
    geom = subject.anthropometry(num["is_female"], num["height_m"], num["mass_kg"], num["hip_width_mm"],
                                 num["age_years"])
    H = geom["height_mm"]
    k1, k2 = statics.hip_lever_arms(geom["hip_half_mm"], geom["abductor_arm_mm"])
    dev = causes.joint_deviations(
        adductor=num["adductor_tightness"], abductor=num["abductor_weakness"], arch=num["arch_collapse"],
        tilt=num["pelvic_tilt_deg"], tilt_default=num["default_tilt"], lever_ratio=k1 / k2, task=t, height_mm=H)

    knee_flex = num["knee_flexion_deg"]
    seated = t["seated"] > 0.5
    knees_together = t["knees_together"] > 0.5
    thigh_pitch = np.where(seated, t["fixed_thigh_pitch_deg"], t["thigh_ratio"] * knee_flex)
    hip_flexion = thigh_pitch + num["pelvic_tilt_deg"]
    trig = chain.sincos({
        "pelvic_tilt": num["pelvic_tilt_deg"], "pelvic_drop": t["pelvic_drop_deg"], "hip_flexion": hip_flexion,
        "hip_internal_rotation": dev["hip_internal_rotation_deg"], "knee_flexion": knee_flex,
        "knee_abduction": num["constitutional_hka_deg"],
        "tibial_internal_rotation": dev["tibial_internal_rotation_deg"],
    })
    a_feet = _feet_under_body_adduction(trig, geom, dev, t["cop_half_width_per_height"] * H)
    # Self-check stance: upright, knees straight unless the task itself is the self-check.
    sin_kf, cos_kf = trig["knee_flexion"]
    check = dict(trig, pelvic_drop=chain.ZERO, hip_flexion=trig["pelvic_tilt"],
                 knee_flexion=(np.where(knees_together, sin_kf, 0.0), np.where(knees_together, cos_kf, 1.0)))
    sc_check, imd, icd = _self_check(check, geom)

    pelvic_drop = t["pelvic_drop_deg"] + dev["pelvic_drop_deg"]
    # Two planted feet keep their stance width: a cause that adducts the hip can then
    # only act through the rotations the solve above already includes. On one leg the
    # foot goes where the body's weight line is, so the extra adduction (a dropping
    # pelvis, tight adductors) carries it toward the midline.
    hip_add = np.where(knees_together, chain.degrees(sc_check), a_feet + t["single"] * dev["hip_adduction_deg"])
    hip_add = subject.soft_limit(hip_add, -subject.HIP_ABDUCTION_LIMIT_DEG, subject.HIP_ADDUCTION_LIMIT_DEG)
    angles = dict(trig, **chain.sincos({"pelvic_drop": pelvic_drop, "hip_adduction": hip_add}))
    lat = num["lateral"]
    pts = chain.evaluate(angles, geom, lat, measures_only=not landmarks)
    knee, ankle = pts["knee_center"], pts["ankle_center"]
    align = _alignment(pts, lat, geom)
    if np.any(seated):
        standing = _seated_alignment(seated, geom, dev, trig, lat)
        # Seated, the projection angle is the shin's tilt seen from the front (feet
        # apart, knees in = +).
        k_, a_ = (tuple(_take(c, seated) for c in p) for p in (knee, ankle))
        above_knee = (k_[0], k_[1], k_[2] + 100.0)
        standing["fppa_deg"] = measures.frontal_angle_deg(above_knee, k_, a_, _take(lat, seated))
        for k in ("hka_deg", "atfa_deg", "fppa_deg", "knee_abduction_deg", "load_axis_shift_mm",
                  "wbl_ratio_pct", "q_angle_deg"):
            if np.ndim(seated):
                align[k] = np.array(np.broadcast_to(align[k], np.shape(seated)))
                align[k][seated] = standing[k]
            else:
                align[k] = standing[k]
    shift = align["load_axis_shift_mm"]
    ankle_height = geom["ankle_height_mm"] - dev["ankle_drop_mm"]
    floor_z = ankle[2] - ankle_height
    cop_y = ankle[1] + statics.COP_AHEAD_PER_FOOT_LENGTH * geom["foot_length_mm"]
    knee_loads = statics.knee_loads(
        mass_kg=num["mass_kg"], height_mm=H, weight_share=t["weight_share"], co_contraction=t["co_contraction"],
        single=t["single"], knee_height_mm=knee[2] - floor_z, ankle_lateral_mm=lat * ankle[0],
        load_axis_shift_mm=shift, knee_ahead_of_cop_mm=knee[1] - cop_y,
        patellar_tendon_arm_mm=geom["patellar_tendon_arm_mm"], plateau_width_mm=geom["plateau_width_mm"])
    abd_bw, hip_contact_bw = statics.hip_forces(k1, k2, t["single"], t["seated"], t["weight_share"])
    medial = knee_loads["medial_load_fraction"]

    out = {
        **align,
        "intermalleolar_distance_mm": imd,
        "intercondylar_distance_mm": icd,
        "pelvic_tilt_deg": num["pelvic_tilt_deg"],
        "pelvic_drop_deg": pelvic_drop,
        "hip_flexion_deg": hip_flexion,
        "hip_adduction_deg": hip_add,
        "hip_internal_rotation_deg": dev["hip_internal_rotation_deg"],
        "knee_flexion_deg": knee_flex,
        "tibial_internal_rotation_deg": dev["tibial_internal_rotation_deg"],
        "rearfoot_eversion_deg": dev["rearfoot_eversion_deg"],
        "navicular_drop_mm": dev["navicular_drop_mm"],
        "lost_abduction_deg": dev["lost_abduction_deg"],
        "abductor_use": dev["abductor_use"],
        "hip_abductor_force_bw": abd_bw,
        "hip_contact_force_bw": hip_contact_bw,
        "knee_contact_force_bw": knee_loads["knee_contact_force_bw"],
        "medial_load_fraction": medial,
        "medial_contact_force_bw": medial * knee_loads["knee_contact_force_bw"],
        "lateral_contact_force_bw": (1.0 - medial) * knee_loads["knee_contact_force_bw"],
        "knee_adduction_moment_nm": knee_loads["knee_adduction_moment_nm"],
        "quadriceps_force_bw": knee_loads["quadriceps_force_bw"],
        "constitutional_hka_deg": num["constitutional_hka_deg"],
        "hip_width_mm": num["hip_width_mm"],
        "plateau_width_mm": geom["plateau_width_mm"],
    }
    extras = {"geometry": geom, "angles": angles, "points": pts, "floor_z": floor_z,
              "ankle_height": ankle_height}
    return out, extras


def _run(values):
    num, t, labels = _prepare(values)
    out, extras = _compute(num, t)
    extras.update(num=num, task=t, labels=labels)
    return out, extras


def _stack(point, dz=0.0):
    x, y, z = np.broadcast_arrays(*point)
    return np.stack([x, y, z - dz], axis=-1)


def _result(out, extras):
    values = {k: float(v) for k, v in out.items()}
    num, labels = extras["num"], extras["labels"]
    inputs = {k: (str(labels[k]) if k in labels else float(num[k])) for k in INPUT_NAMES}
    floor_z = float(extras["floor_z"])
    landmarks = {name: np.array([float(x), float(y), float(z) - floor_z])
                 for name, (x, y, z) in ((n, extras["points"][n]) for n in chain.POINTS)}
    return Result(**values, inputs=inputs, landmarks=landmarks)


def simulate(**kwargs) -> Result:
    """Simulate one person doing one task with the given causes; returns a :class:`Result`.

    Parameters (keyword-only; defaults in brackets)
    ----------
    sex : "female" | "male" ["female"]
    height_m : standing height [m], 0.45-2.30 [1.65]
    mass_kg : body mass [kg], 2-250 [60]
    age_years : age [years], 0-100 [25]; children follow the developmental curve.
    task : "stand", "single_leg_stance", "squat", "single_leg_squat", "knees_together",
        "sitting" ["stand"]
    knee_flexion_deg : knee flexion [deg]; -10..30 standing tasks, 0..90 squats,
        45..110 sitting; None = the task's default.
    side : "right" | "left": the limb reported, and the stance leg in single-leg tasks.
    adductor_tightness : 0..1; 1 = 25 deg of hip abduction range lost.
    abductor_weakness : 0..1 fraction of abductor / external-rotator strength lost.
    arch_collapse : 0..1; navicular drop 6 mm (0) to 18 mm (1).
    hip_width_mm : inter-hip-centre distance [mm], 40-320; None = the subject's default.
    pelvic_tilt_deg : anterior pelvic tilt [deg], -15..35; None = 12 (F) / 10 (M).
    constitutional_hka_deg : bone alignment [deg, + valgus], -30..30; None = sex/age default.

    Raises
    ------
    ValueError
        For a value outside its range, NaN, an unknown task/sex/side or a wrong type;
        the message names the argument, the value, the allowed range and the unit.
    """
    for name, value in kwargs.items():
        if np.ndim(value) and not isinstance(value, str):
            rng = INPUT_RANGES.get(name)
            allowed = f"a single number from {rng.describe()}" if rng else "a single value"
            raise InputError(f"{name} = {value!r} is not one value; simulate() expects {allowed} "
                             "(use simulate_many for a table)")
    return _result(*_run(kwargs))


def simulate_many(table) -> dict:
    """Vectorised :func:`simulate` over a table: a mapping from the same keyword names to
    arrays or scalars (scalars broadcast; a missing column takes its default).

    Returns a dict of float arrays, one per name in :data:`OUTPUT_NAMES`, each equal row
    by row to what :func:`simulate` returns for that row's inputs.
    """
    if not hasattr(table, "keys"):
        raise InputError(f"table = {type(table).__name__} is not a mapping; expected a dict of input columns")
    num, t, _ = _prepare(dict(table))
    shape = np.shape(num["lateral"])
    size = int(np.prod(shape))
    # A column that one scalar was broadcast into (stride 0) goes in as that scalar.
    num, t = ({k: v.flat[0] if v.size and not any(v.strides) else np.ravel(v) for k, v in d.items()}
              for d in (num, t))
    if size <= CHUNK_ROWS:
        out, _ = _compute(num, t, landmarks=False)
        return {k: np.array(np.broadcast_to(out[k], (size,))).reshape(shape) for k in OUTPUT_NAMES}
    # Blocks small enough for the CPU cache: each of the model's few hundred array
    # operations then runs on cached data, about twice as fast as on whole columns.
    keep_freed_memory()
    result = {name: np.empty(size) for name in OUTPUT_NAMES}
    for start in range(0, size, CHUNK_ROWS):
        rows = slice(start, start + CHUNK_ROWS)
        block = [{k: v[rows] if np.ndim(v) else v for k, v in d.items()} for d in (num, t)]
        out, _ = _compute(*block, landmarks=False)
        for name in OUTPUT_NAMES:
            result[name][rows] = out[name]
    return {k: v.reshape(shape) for k, v in result.items()}


#: Keywords of :func:`forward_kinematics` and their defaults.
FK_DEFAULTS = {
    "pelvic_tilt_deg": 0.0, "pelvic_drop_deg": 0.0, "hip_flexion_deg": 0.0, "hip_adduction_deg": 0.0,
    "hip_internal_rotation_deg": 0.0, "knee_flexion_deg": 0.0, "knee_abduction_deg": 0.0,
    "tibial_internal_rotation_deg": 0.0, "sex": "female", "height_m": 1.65, "mass_kg": 60.0, "age_years": 25.0,
    "hip_width_mm": None, "side": "right",
}


def forward_kinematics(**kwargs):
    """Joint angles in, joint-centre positions out (the chain alone, no causes).

    Keywords and defaults are in :data:`FK_DEFAULTS`: the eight joint angles
    ``pelvic_tilt_deg``, ``pelvic_drop_deg``, ``hip_flexion_deg``, ``hip_adduction_deg``,
    ``hip_internal_rotation_deg``, ``knee_flexion_deg``, ``knee_abduction_deg``,
    ``tibial_internal_rotation_deg`` [deg, -180..180, default 0] and the subject
    (``sex``, ``height_m``, ``mass_kg``, ``age_years``, ``hip_width_mm``, ``side``).
    Angles follow :mod:`biomech.conventions` (hip angles relative to the pelvis, knee
    angles relative to the femur, + = flexion, adduction, internal rotation, valgus).
    Arrays broadcast. Returns a dict of arrays ``(..., 3)`` [mm] in the ground frame with
    the origin midway between the hip centres: ``hip_center``, ``knee_center``,
    ``ankle_center``, ``asis``, ``patella``, ``tibial_tubercle``, ``femoral_shaft_top``.
    """
    unknown = set(kwargs) - set(FK_DEFAULTS)
    if unknown:
        raise InputError(f"{sorted(unknown)[0]} is not a forward_kinematics input; expected one of "
                         f"{', '.join(FK_DEFAULTS)}")
    v = {**FK_DEFAULTS, **kwargs}
    sex = check_choice("sex", v["sex"], SEXES)
    side = check_choice("side", v["side"], SIDES)
    angles = chain.sincos({k: check_number(f"{k}_deg", v[f"{k}_deg"], low=-180.0, high=180.0, unit="deg")
                           for k in chain.ANGLE_KEYS})
    height, mass, age = (check_number(k, v[k]) for k in ("height_m", "mass_kg", "age_years"))
    width = None if v["hip_width_mm"] is None else check_number("hip_width_mm", v["hip_width_mm"])
    check_body(height, mass, width)
    is_female = sex == "female"
    if width is None:
        width = subject.default_hip_width_mm(is_female, height)
    geom = subject.anthropometry(is_female, height, mass, width, age)
    pts = chain.evaluate(angles, geom, np.where(side == "right", 1.0, -1.0))
    # Every point gets the shape of the inputs together, even one that does not depend
    # on the input that varies (the hip centre does not move with knee flexion).
    shape = np.broadcast_shapes(*(np.shape(v[k]) for k in FK_DEFAULTS if v[k] is not None
                                  and not isinstance(v[k], str)), np.shape(sex), np.shape(side))
    return {name: _stack(tuple(np.broadcast_to(c, shape) for c in pts[name])) for name in chain.POINTS}


def pose(**kwargs):
    """Both legs and the pelvis of one simulation, for drawing (scalar inputs only).

    Takes the same keywords as :func:`simulate`. Returns ``{"result": Result,
    "stance_side": side, "right": {...}, "left": {...}}`` where each leg maps landmark
    names (``hip_center``, ``knee_center``, ``ankle_center``, ``asis``, ``patella``,
    ``tibial_tubercle``, ``femoral_shaft_top``, ``heel``, ``toe``) to ``(3,)`` arrays
    [mm] in the ground frame with the floor at z = 0. In single-leg tasks the other leg
    is lifted (30 deg more hip flexion than the stance hip, knee 70 deg); otherwise it mirrors the reported leg.
    """
    out, extras = _run(kwargs)
    result = _result(out, extras)
    t, geom, angles = extras["task"], extras["geometry"], extras["angles"]
    side = str(extras["labels"]["side"])
    other = "left" if side == "right" else "right"
    floor_z = extras["floor_z"]
    if float(t["single"]) > 0.5:
        sin_drop, cos_drop = angles["pelvic_drop"]
        swing = chain.sincos({"hip_flexion": float(out["hip_flexion_deg"]) + SWING_EXTRA_HIP_FLEXION_DEG,
                              "knee_flexion": SWING_KNEE_FLEXION_DEG})
        other_angles = dict(angles, **swing, pelvic_drop=(-sin_drop, cos_drop), hip_adduction=chain.ZERO,
                            hip_internal_rotation=chain.ZERO, tibial_internal_rotation=chain.ZERO)
    else:
        other_angles = angles
    legs = {}
    for name, ang in ((side, angles), (other, other_angles)):
        lat = 1.0 if name == "right" else -1.0
        pts = extras["points"] if ang is angles and name == side else chain.evaluate(ang, geom, lat)
        leg = {k: _stack(pts[k], floor_z) for k in chain.POINTS}
        leg.update(_foot(pts, geom, lat, floor_z, planted=(name == side or float(t["single"]) < 0.5),
                         ankle_height=float(extras["ankle_height"])))
        legs[name] = leg
    return {"result": result, "stance_side": side, "right": legs["right"], "left": legs["left"]}


def _foot(pts, geom, lat, floor_z, planted, ankle_height):
    """Heel and toe points: a planted foot lies flat on the floor, pointing where the shin
    faces; a lifted foot hangs at right angles to the shin."""
    ankle = _stack(pts["ankle_center"], floor_z)
    length = float(geom["foot_length_mm"])
    forward = np.array([float(v) for v in pts["tibia_y"]])
    if planted:
        forward[2] = 0.0
        forward /= np.linalg.norm(forward)
        base = ankle - np.array([0.0, 0.0, ankle_height])
    else:
        down = -np.array([float(v) for v in pts["tibia_z"]])
        base = ankle + down * ankle_height
    return {"toe": base + 0.75 * length * forward, "heel": base - 0.25 * length * forward}
