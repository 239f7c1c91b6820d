"""The public API: :func:`simulate`, :func:`simulate_many`, :func:`forward_kinematics`,
and :func:`pose` (both legs and the pelvis, for the views).

This module checks inputs, fills the defaults that depend on the person, and hands the
work to :func:`biomech.pipeline.run`, which is the same code for one person and for a
table: a slider, a script and a 100,000-row table get the same numbers.
"""

from __future__ import annotations

import functools
import inspect
import operator
from dataclasses import dataclass, field, fields
from types import MappingProxyType

import numpy as np

from . import deformity, pipeline, subject
from .assumptions import defaults as default_coefficients
from .conventions import SIDES, lateral_sign
from .inputs import (
    COMPENSATIONS,
    INPUT_RANGES,
    SEXES,
    InputError,
    check_body,
    check_bone_alignment,
    check_child,
    check_choice,
    check_hip_width,
    check_known,
    check_number,
    choice_index,
)
from .kinematics import chain
from .subject import HAT_COM_ABOVE_HIP_PER_HEIGHT, HAT_MASS_FRACTION, SHOULDER_ABOVE_HIP_PER_HEIGHT
from .tasks import TASK_NAMES, task_table

#: The person every call starts from unless told otherwise.
DEFAULT_PERSON = subject.TYPICAL_ADULT["female"]

#: Swing-leg posture in single-leg tasks (drawing only): hip flexion beyond the stance
#: hip's, and knee flexion [deg].
SWING_EXTRA_HIP_FLEXION_DEG = 30.0
SWING_KNEE_FLEXION_DEG = 70.0
#: Share of the foot's length ahead of the ankle centre (drawing only; the heel takes the rest).
TOE_SHARE_OF_FOOT_LENGTH = 0.75

#: Rows per block in :func:`simulate_many` (the arrays of one block stay in the L2/L3
#: cache; 16384 measured a few per cent faster than 8192 on a 1 MiB-L2 machine).
CHUNK_ROWS = 16384


@dataclass(frozen=True)
class Result:
    """Everything one simulation reports. Units are in the names; signs in
    :data:`biomech.conventions.SIGN_CONVENTIONS` (+ = valgus throughout)."""

    hka_deg: float
    atfa_deg: float
    fppa_deg: float
    knee_abduction_deg: float
    knee_give_deg: float
    load_axis_shift_mm: float
    wbl_ratio_pct: float
    q_angle_deg: float
    knee_ahead_of_ankle_mm: float
    knee_medial_of_foot_line_mm: float
    intermalleolar_distance_mm: float
    intercondylar_distance_mm: float
    pelvic_tilt_deg: float
    pelvic_drop_deg: float
    trunk_lean_deg: float
    centre_of_mass_shift_mm: float
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
    passive_hip_support_bw: float
    hip_contact_force_bw: float
    knee_contact_force_bw: float
    medial_load_fraction: float
    medial_contact_force_bw: float
    lateral_contact_force_bw: float
    knee_adduction_moment_nm: float
    quadriceps_force_bw: float
    constitutional_hka_deg: float
    mldfa_deg: float
    mpta_deg: float
    jlca_deg: float
    hip_width_mm: float
    plateau_width_mm: float
    inputs: dict = field(repr=False, compare=False)
    landmarks: dict = field(repr=False, compare=False)

    def as_dict(self):
        """The numeric outputs as a plain dict (no inputs or landmarks)."""
        return {name: getattr(self, name) for name in OUTPUT_NAMES}

    @classmethod
    def _of(cls, values, inputs, landmarks):
        """A Result from complete ``values`` (every output), without the frozen dataclass's
        field-by-field ``__init__`` (a large share of one simulate() call)."""
        result = object.__new__(cls)
        result.__dict__.update(values, inputs=inputs, landmarks=landmarks)
        return result


OUTPUT_NAMES = tuple(f.name for f in fields(Result) if f.name not in ("inputs", "landmarks"))


def _keywords_only_known(fn):
    """Decorate ``fn`` so that a misspelt keyword gets a message suggesting the right one
    (an :class:`~biomech.inputs.UnknownInputError`, both ValueError and TypeError). The
    signature seen by ``help()`` and Jupyter's Shift-Tab stays ``fn``'s own."""
    known = tuple(inspect.signature(fn).parameters)
    known_set = frozenset(known)

    @functools.wraps(fn)
    def checked(**kwargs):
        if not known_set.issuperset(kwargs):
            check_known(kwargs, known, f"{fn.__name__}()")
        return fn(**kwargs)

    return checked


@_keywords_only_known
def simulate(
    *,
    sex: str = DEFAULT_PERSON.sex,
    height_m: float = DEFAULT_PERSON.height_m,
    mass_kg: float = DEFAULT_PERSON.mass_kg,
    age_years: float = DEFAULT_PERSON.age_years,
    task: str = "stand",
    knee_flexion_deg: float | None = None,
    side: str = "right",
    adductor_tightness: float = 0.0,
    abductor_weakness: float = 0.0,
    arch_collapse: float = 0.0,
    hip_width_mm: float | None = None,
    pelvic_tilt_deg: float | None = None,
    constitutional_hka_deg: float | None = None,
    mldfa_deg: float | None = None,
    mpta_deg: float | None = None,
    jlca_deg: float | None = None,
    trunk_lean_deg: float = 0.0,
    compensation: str = "pelvic_drop",
) -> Result:
    """Simulate one person doing one task with the given causes.

    Parameters
    ----------
    sex : {"female", "male"}
        Sex of the person (sets pelvis width, tibial plateau width and bone alignment).
    height_m : float
        Standing height [m], 0.45 to 2.30.
    mass_kg : float
        Body mass [kg], 2 to 250; with the height, a body-mass index of 8 to 80 kg/m^2.
        Forces and moments scale with it, angles do not.
    age_years : float
        Age [years], 0 to 100. Children follow the developmental curve of knee alignment.
    task : str
        One of ``biomech.TASK_NAMES``: "stand", "single_leg_stance", "squat",
        "single_leg_squat", "lunge" (front leg measured), "knees_together" (the
        self-check), "sitting".
    knee_flexion_deg : float or None
        Knee flexion [deg, + flexion, - hyperextension] within the task's range
        (``biomech.TASKS[task].knee_flexion_range_deg``); None takes the task's default.
    side : {"right", "left"}
        The limb reported, and the stance leg in single-leg tasks.
    adductor_tightness : float
        Severity 0 (none) to 1 (severe: 25 deg of hip abduction range lost).
    abductor_weakness : float
        Fraction 0 to 1 of hip abductor and external-rotator strength lost.
    arch_collapse : float
        Severity 0 (healthy arch, navicular drop 6 mm) to 1 (flat foot, 18 mm).
    hip_width_mm : float or None
        Distance between the hip joint centres [mm], 40 to 320 and 0.05 to 0.20 of the
        height; None takes the person's typical width.
    pelvic_tilt_deg : float or None
        Anterior pelvic tilt [deg, + front of the pelvis down], -15 to 35; None takes the
        typical tilt (12 women, 10 men).
    constitutional_hka_deg : float or None
        Bone alignment as a hip-knee-ankle angle [deg, + valgus], -30 to 30; None takes
        the typical value for sex and age. A shortcut for the three segment angles below:
        the change from the typical alignment is split half into the distal femur, half
        into the proximal tibia (:mod:`biomech.deformity`). Give it or the segment
        angles, not both. Loaded, the knee's soft tissue gives a few degrees more
        (``knee_give_deg``).
    mldfa_deg, mpta_deg, jlca_deg : float or None
        Where the bone alignment sits [deg]: the mechanical lateral distal femoral angle
        (65 to 115; below 90 = valgus femur), the medial proximal tibial angle (65 to 115;
        below 90 = varus tibia) and the joint-line convergence angle (-10 to 15; + =
        converging medially, varus). Their sum MPTA - mLDFA - JLCA is the bone alignment
        and must lie within -30 to 30. None takes the typical value for sex and age.
    trunk_lean_deg : float
        Sideways lean of the trunk [deg, + toward the measured (stance) leg], -30 to 30.
        On two feet it moves weight onto one foot; on one leg it shifts the centre of mass
        and with it the foot, the knee and the loads.
    compensation : {"pelvic_drop", "trunk_lean"}
        What the body does on one leg when the abductors are too weak to hold the pelvis:
        let the other side drop onto passive structures (Trendelenburg), or lean the trunk
        over the stance hip (Duchenne).

    Returns
    -------
    Result
        Every measure (names carry units, + = valgus; see :data:`biomech.SIGN_CONVENTIONS`),
        the complete inputs used (``Result.inputs``) and the landmarks [mm] with the floor
        at z = 0 (``Result.landmarks``).

    Raises
    ------
    ValueError
        For a value outside its range, NaN, an unknown task, sex or side, a wrong type or
        a body no one has; the message names the argument, the value, the allowed range
        and the unit. An unknown keyword raises an error that is both a ``ValueError``
        and a ``TypeError``.

    Examples
    --------
    >>> r = simulate(task="single_leg_squat", arch_collapse=0.5)
    >>> round(r.fppa_deg, 1) > round(simulate(task="single_leg_squat").fppa_deg, 1)
    True
    """
    values = dict(locals())
    # Plain numbers, text and None (a slider, a script): one set test for all inputs.
    plain = _ONE_VALUE_OR_NONE.issuperset(map(type, values.values()))
    for name, value in () if plain else values.items():
        if type(value) not in _ONE_VALUE and value is not None:
            if np.ndim(value):
                rng = INPUT_RANGES.get(name)
                allowed = f"a single number from {rng.describe()}" if rng else "a single value"
                raise InputError(
                    f"{name} = {value!r} is not one value; simulate() expects {allowed} (use simulate_many for a table)"
                )
    inputs, labels, task = _prepare(values)
    return _result(pipeline.run(inputs, task, _COEFFICIENTS), labels, plain)


#: The coefficients of :func:`simulate` (the assumptions' own values).
_COEFFICIENTS = default_coefficients()
#: Every input of :func:`simulate` with its default (taken from the signature itself).
DEFAULTS = {name: p.default for name, p in inspect.signature(simulate).parameters.items()}
INPUT_NAMES = tuple(DEFAULTS)
#: Inputs that are text choices, and the numeric ones that may be None ("typical").
_CHOICES = {"sex": SEXES, "task": TASK_NAMES, "side": SIDES, "compensation": COMPENSATIONS}
_TYPICAL_IF_NONE = ("hip_width_mm", "pelvic_tilt_deg", "constitutional_hka_deg") + deformity.SEGMENT_NAMES
_NUMBERS = tuple(n for n in INPUT_NAMES if n not in _CHOICES and n not in _TYPICAL_IF_NONE and n != "knee_flexion_deg")
#: Types :func:`simulate` takes as one value without asking numpy.
_ONE_VALUE = frozenset((str, float, int))
_ONE_VALUE_OR_NONE = _ONE_VALUE | {type(None)}


def _prepare(values, p=None):
    """Check complete raw inputs and fill those that depend on the person (with the
    coefficients ``p``, default values when None).

    Returns ``(inputs, labels, task)``: the numbers the pipeline reads (floats for one
    person, arrays for a table; plus ``is_female``, ``lateral`` and the typical pelvic
    tilt), the text choices, and the numbers of each row's task.
    """
    labels, index = {}, {}
    for name, choices in _CHOICES.items():
        labels[name], index[name] = choice_index(name, values[name], choices)
    num = {name: check_number(name, values[name]) for name in _NUMBERS}
    check_body(num["height_m"], num["mass_kg"])
    for name in _TYPICAL_IF_NONE[1:]:
        num[name] = None if values[name] is None else check_number(name, values[name])
    width = values["hip_width_mm"]
    num["hip_width_mm"] = None if width is None else check_hip_width(width, num["height_m"])
    t = task_table(labels["task"], index["task"])
    if values["knee_flexion_deg"] is None:
        num["knee_flexion_deg"] = t["knee_flexion_default"]
    else:
        task = labels["task"]
        unit = f"deg (for task {task!r})" if isinstance(task, str) else "deg (for that row's task)"
        num["knee_flexion_deg"] = check_number(
            "knee_flexion_deg",
            values["knee_flexion_deg"],
            low=t["knee_flexion_low"],
            high=t["knee_flexion_high"],
            unit=unit,
        )
    is_female = labels["sex"] == "female"
    check_child(is_female, num["age_years"], num["height_m"], num["mass_kg"])
    num.update(_person(is_female, num, p))
    num.update(is_female=is_female, lateral=lateral_sign(labels["side"]), compensation=labels["compensation"])
    return num, labels, t


#: Checked inputs that describe the person (those of :data:`_TYPICAL_IF_NONE` may be None).
_PERSON_INPUTS = ("height_m", "age_years") + _TYPICAL_IF_NONE
_person_key = operator.itemgetter(*_PERSON_INPUTS)
_CACHEABLE = frozenset((float, type(None)))


def _person(is_female, num, p):
    """What follows from the person's checked inputs ``num`` (coefficients ``p``, default
    values when None): each input of :data:`_TYPICAL_IF_NONE` that is None, filled
    (typical hip width and pelvic tilt, :func:`_bone_segments`), the bone alignment as the
    sum of its segments, and the typical pelvic tilt and hip width. One person with the
    default coefficients is looked up in a small cache: a slider that moves a cause does
    not change the person."""
    key = _person_key(num)
    if p is None and type(is_female) is bool and _CACHEABLE.issuperset(map(type, key)):
        return _one_person(is_female, *key).copy()
    return _person_values(is_female, *key, p=p)


@functools.lru_cache(maxsize=256)
def _one_person(is_female, *key):
    return MappingProxyType(_person_values(is_female, *key, p=None))


def _person_values(is_female, *key, p):
    person = dict(zip(_PERSON_INPUTS, key))
    typical = subject.typical_values(is_female, person["height_m"], person["age_years"], p)
    for name in ("hip_width_mm", "pelvic_tilt_deg"):
        if person[name] is None:
            person[name] = typical[name]
    _bone_segments(person, is_female)
    filled = {name: person[name] for name in _TYPICAL_IF_NONE if key[_PERSON_INPUTS.index(name)] is None}
    return dict(
        filled,
        constitutional_hka_deg=person["constitutional_hka_deg"],
        typical_pelvic_tilt_deg=typical["pelvic_tilt_deg"],
        typical_hip_width_mm=typical["hip_width_mm"],
    )


def _bone_segments(num, is_female):
    """Fill mLDFA, MPTA, JLCA and the bone alignment in ``num``: from the segment angles
    given (the others typical for sex and age), or by splitting a given
    ``constitutional_hka_deg`` between femur and tibia, or all typical. All four may be
    given when they agree (as in ``Result.inputs``)."""
    given = [name for name in deformity.SEGMENT_NAMES if num[name] is not None]
    hka = num["constitutional_hka_deg"]
    if hka is not None and given:
        total = (
            deformity.bone_alignment_deg(num["mldfa_deg"], num["mpta_deg"], num["jlca_deg"])
            if len(given) == len(deformity.SEGMENT_NAMES)
            else None
        )
        if total is None or np.any(np.abs(total - hka) > _AGREE_DEG):
            raise InputError(
                f"constitutional_hka_deg and {', '.join(given)} were both given and do not agree; give "
                "either the whole-limb bone alignment (constitutional_hka_deg, split between femur and "
                "tibia) or the segment angles (mldfa_deg, mpta_deg, jlca_deg)"
            )
    segments = (
        deformity.split_alignment(hka, is_female, num["age_years"])
        if hka is not None and not given
        else deformity.typical_segments(is_female, num["age_years"])
    )
    for name in deformity.SEGMENT_NAMES:
        if num[name] is None:
            num[name] = segments[name]
    if given:
        check_bone_alignment(num["mldfa_deg"], num["mpta_deg"], num["jlca_deg"], given)
    num["constitutional_hka_deg"] = deformity.bone_alignment_deg(num["mldfa_deg"], num["mpta_deg"], num["jlca_deg"])


#: How closely a given bone alignment must match the sum of given segment angles [deg].
_AGREE_DEG = 1e-6


def _result(state, labels, plain=False):
    """A :class:`Result` of one person's finished pipeline state. ``plain``: every input
    was a Python number, text or None, so every number of the state is a Python float
    already (``tests/test_speed_paths.py`` checks this); otherwise they are converted."""
    values = pipeline.outputs(state)
    inputs = dict.fromkeys(INPUT_NAMES)  # in the order of the signature
    inputs.update(zip(_NUMBER_INPUTS, _number_inputs(state.inputs)), **labels)
    floor_z = state.floor_z
    if not plain:
        values = {k: float(v) for k, v in values.items()}
        inputs = {k: v if isinstance(v, str) else float(v) for k, v in inputs.items()}
        floor_z = float(floor_z)
    # One array for all landmarks (rows of it), with the floor at z = 0.
    xyz = np.array([c for x, y, z in _landmark_points(state.points) for c in (x, y, z - floor_z)], dtype=float).reshape(
        len(chain.POINTS), 3
    )
    return Result._of(values, inputs, dict(zip(chain.POINTS, xyz)))


_NUMBER_INPUTS = tuple(name for name in INPUT_NAMES if name not in _CHOICES)
_number_inputs = operator.itemgetter(*_NUMBER_INPUTS)
_landmark_points = operator.itemgetter(*chain.POINTS)


def simulate_many(table, *, assumptions=None) -> dict:
    """Vectorised :func:`simulate` over a table.

    Parameters
    ----------
    table : mapping
        Column name (any input of :func:`simulate`) -> array-like or single value. Single
        values (and 0-d arrays) repeat on every row; a missing column takes its default.
        Columns must have one shape (or broadcast together, numpy-style).
    assumptions : mapping, optional
        Coefficient name (a key of :data:`biomech.ASSUMPTIONS`) -> value or column, in
        place of its default value; used to show how sure the outputs are
        (:func:`biomech.uncertainty`). Columns broadcast with the table.

    Returns
    -------
    dict
        One float array per name in :data:`OUTPUT_NAMES`, in the columns' shape (``()``
        when every column is a single value), each equal row by row to what
        :func:`simulate` returns for that row's inputs.

    Raises
    ------
    ValueError
        As :func:`simulate`, naming the column, the first bad value and its allowed range;
        for columns whose lengths differ, naming those columns.
    """
    if not hasattr(table, "keys"):
        raise InputError(f"table = {type(table).__name__} is not a mapping; expected a dict of input columns")
    table = dict(table)
    check_known(table, INPUT_NAMES, "simulate_many() (a table column)")
    assumptions = dict(assumptions or {})
    check_known(assumptions, tuple(default_coefficients()), "simulate_many()'s assumptions")
    shape = _table_shape({**table, **assumptions})
    size = int(np.prod(shape))
    coefficients = {**default_coefficients(), **{k: np.asarray(v, dtype=float) for k, v in assumptions.items()}}
    inputs, _, task = _prepare({**DEFAULTS, **table}, coefficients)
    if size == 0:
        return {name: np.empty(shape) for name in OUTPUT_NAMES}
    inputs, task, coefficients = ({k: _column(v, shape) for k, v in d.items()} for d in (inputs, task, coefficients))
    if size <= CHUNK_ROWS:
        out = pipeline.outputs(pipeline.run(inputs, task, coefficients, landmarks=False))
        return {k: np.array(np.broadcast_to(out[k], (size,))).reshape(shape) for k in OUTPUT_NAMES}
    # Blocks small enough for the CPU cache: each of the model's few hundred array
    # operations then runs on cached data, about twice as fast as on whole columns.
    result = {name: np.empty(size) for name in OUTPUT_NAMES}
    # Which entries are columns (sliced for each block) is the same for every block.
    columns = [[k for k, v in d.items() if np.ndim(v)] for d in (inputs, task, coefficients)]
    for start in range(0, size, CHUNK_ROWS):
        rows = slice(start, start + CHUNK_ROWS)
        block = [dict(d) for d in (inputs, task, coefficients)]
        for d, keys in zip(block, columns, strict=True):
            for k in keys:
                d[k] = d[k][rows]
        out = pipeline.outputs(pipeline.run(*block, landmarks=False))
        for name in OUTPUT_NAMES:
            result[name][rows] = out[name]
    return {k: v.reshape(shape) for k, v in result.items()}


def _table_shape(table):
    """The common shape of a table's columns; a column of single values has shape ()."""
    shapes = {name: np.shape(value) for name, value in table.items() if not isinstance(value, str)}
    try:
        return np.broadcast_shapes(*shapes.values())
    except ValueError:
        described = ", ".join(
            f"{name} has {shape[0] if len(shape) == 1 else shape} rows" for name, shape in shapes.items() if shape
        )
        raise InputError(
            f"table columns of different lengths: {described}; give every column the same number "
            "of rows (or a single value, which repeats on every row)"
        ) from None


def _column(value, shape):
    """A checked column as the pipeline takes it: a plain number when it is one value for
    every row (so work that does not vary stays off the table), else a flat array."""
    if np.ndim(value) == 0:
        return value.item() if isinstance(value, np.ndarray | np.generic) else value
    return np.ravel(np.broadcast_to(value, shape))


@_keywords_only_known
def forward_kinematics(
    *,
    pelvic_tilt_deg: float = 0.0,
    pelvic_drop_deg: float = 0.0,
    hip_flexion_deg: float = 0.0,
    hip_adduction_deg: float = 0.0,
    hip_internal_rotation_deg: float = 0.0,
    femoral_valgus_deg: float = 0.0,
    knee_flexion_deg: float = 0.0,
    knee_abduction_deg: float = 0.0,
    tibial_internal_rotation_deg: float = 0.0,
    sex: str = DEFAULT_PERSON.sex,
    height_m: float = DEFAULT_PERSON.height_m,
    mass_kg: float = DEFAULT_PERSON.mass_kg,
    age_years: float = DEFAULT_PERSON.age_years,
    hip_width_mm: float | None = None,
    side: str = "right",
):
    """Joint angles in, joint-centre positions out (the chain alone, no causes).

    Parameters
    ----------
    pelvic_tilt_deg, pelvic_drop_deg, hip_flexion_deg, hip_adduction_deg, \
hip_internal_rotation_deg, knee_flexion_deg, knee_abduction_deg, tibial_internal_rotation_deg : float or array
        Joint angles [deg], -180 to 180, following :mod:`biomech.conventions` (hip angles
        relative to the pelvis, knee angles relative to the femur; + = flexion, adduction,
        internal rotation, valgus; pelvis + = anterior tilt, contralateral drop).
    femoral_valgus_deg : float or array
        Tilt of the knee's flexion axis on the femur [deg, + valgus], -180 to 180: a distal
        femur bent into valgus by that much from the typical shape (the typical mLDFA minus
        the person's; :func:`biomech.deformity.femoral_valgus_deg`). With the knee straight
        it adds to ``knee_abduction_deg``; bent, it turns the shin about its own axis.
    sex, height_m, mass_kg, age_years, hip_width_mm, side
        The person, as in :func:`simulate`.

    Returns
    -------
    dict
        Arrays of shape ``(..., 3)`` [mm] in the ground frame (x to the subject's right, y
        forward, z up), origin midway between the hip centres: ``hip_center``,
        ``knee_center``, ``ankle_center``, ``asis``, ``patella``, ``tibial_tubercle``,
        ``femoral_shaft_top``. Arrays broadcast.
    """
    # The angles in the order of chain.ANGLE_KEYS (tests/test_speed_paths.py checks it).
    given = (
        pelvic_tilt_deg,
        pelvic_drop_deg,
        hip_flexion_deg,
        hip_adduction_deg,
        hip_internal_rotation_deg,
        femoral_valgus_deg,
        knee_flexion_deg,
        knee_abduction_deg,
        tibial_internal_rotation_deg,
    )
    person = (sex, height_m, mass_kg, age_years, hip_width_mm, side)
    if _ONE_VALUE_OR_NONE.issuperset(map(type, given + person)):
        sin_cos = _plain_angles_sin_cos(given)
        if sin_cos is not None:  # else an angle is out of range: the checks below say which
            return _one_pose(sin_cos, *person)
    sex = check_choice("sex", sex, SEXES)
    side = check_choice("side", side, SIDES)
    angles = {
        k: chain.sincos_of(check_number(name, deg, low=-180.0, high=180.0, unit="deg"))
        for (k, name), deg in zip(_FK_ANGLES, given)
    }
    height, mass, age = (
        check_number(k, v) for k, v in (("height_m", height_m), ("mass_kg", mass_kg), ("age_years", age_years))
    )
    check_body(height, mass)
    check_child(sex == "female", age, height, mass)
    width = None if hip_width_mm is None else check_hip_width(hip_width_mm, height)
    is_female = sex == "female"
    if width is None:
        width = subject.default_hip_width_mm(is_female, height)
    geom = subject.anthropometry(is_female, height, mass, width, age)
    pts = chain.evaluate(angles, geom, lateral_sign(side))
    # Every point gets the shape of the inputs together, even one that does not depend
    # on the input that varies (the hip centre does not move with knee flexion).
    arrays = [v for v in given + person + (sex, side) if isinstance(v, np.ndarray) or isinstance(v, (list, tuple))]
    shape = np.broadcast_shapes(*(np.shape(v) for v in arrays)) if arrays else ()
    return {name: _stack(pts[name], shape) for name in chain.POINTS}


#: The joint angles of :func:`forward_kinematics`: chain name and keyword.
_FK_ANGLES = tuple((k, f"{k}_deg") for k in chain.ANGLE_KEYS)
#: Limits [deg] of a joint angle of :func:`forward_kinematics`, with the 1e-9 tolerance of
#: :func:`biomech.inputs.check_number`.
_FK_ANGLE_LOW_DEG, _FK_ANGLE_HIGH_DEG = -180.0 - 1e-9, 180.0 + 1e-9
_PLAIN_NUMBERS = frozenset((float, int))


def _plain_angles_sin_cos(angles_deg):
    """``[sin, cos, sin, cos, ...]`` of joint angles [deg] given as plain numbers (in the
    order of ``chain.ANGLE_KEYS``), or None when one is not a number within -180 to 180
    (the full checks of :func:`forward_kinematics` then name it)."""
    sin_cos = []
    for deg in angles_deg:
        if type(deg) not in _PLAIN_NUMBERS or not _FK_ANGLE_LOW_DEG <= deg <= _FK_ANGLE_HIGH_DEG:
            return None
        sin_cos.extend(chain.sincos_of(deg))
    return sin_cos


def _one_pose(angles_sin_cos, sex, height_m, mass_kg, age_years, hip_width_mm, side):
    """:func:`forward_kinematics` of one pose of plain numbers, its angles as
    :func:`_plain_angles_sin_cos`: one array for all points, a row for each."""
    person, side_sign = _checked_person(sex, height_m, mass_kg, age_years, hip_width_mm, side)
    xyz = np.array(chain.point_coordinates_of((*angles_sin_cos, *person), side_sign), dtype=float)
    return dict(zip(chain.POINTS, xyz.reshape(-1, 3)))


@functools.lru_cache(maxsize=64)
def _checked_person(sex, height_m, mass_kg, age_years, hip_width_mm, side):
    """One person of :func:`forward_kinematics` (plain values), checked as it checks them:
    the chain's arguments of the person (``chain.person_arguments``) and the side's sign.
    Cached: moving a joint angle does not change the person (a bad person raises and is
    not cached)."""
    sex, side = check_choice("sex", sex, SEXES), check_choice("side", side, SIDES)
    height, mass = check_number("height_m", height_m), check_number("mass_kg", mass_kg)
    age = check_number("age_years", age_years)
    check_body(height, mass)
    is_female = sex == "female"
    check_child(is_female, age, height, mass)
    width = (
        subject.default_hip_width_mm(is_female, height)
        if hip_width_mm is None
        else check_hip_width(hip_width_mm, height)
    )
    return chain.person_arguments(subject.anthropometry(is_female, height, mass, width, age)), lateral_sign(side)


#: Keywords of :func:`forward_kinematics` and their defaults (from its signature).
FK_DEFAULTS = {name: p.default for name, p in inspect.signature(forward_kinematics).parameters.items()}


def _stack(point, shape=None, dz=0.0):
    """``(x, y, z)`` as one array ``(..., 3)``, shifted down by ``dz``."""
    if not shape and all(isinstance(c, (float, int)) for c in point) and isinstance(dz, (float, int)):
        return np.array([point[0], point[1], point[2] - dz])  # one pose: no broadcasting machinery
    x, y, z = (np.broadcast_to(c, shape) for c in point) if shape is not None else np.broadcast_arrays(*point)
    return np.stack([x, y, z - dz], axis=-1)


def pose(**inputs):
    """Both legs, the pelvis and the trunk of one simulation, for drawing (scalar inputs).

    Takes the keywords of :func:`simulate`. Returns ``{"result": Result, "stance_side":
    side, "right": {...}, "left": {...}, "trunk": {...}}`` where each leg maps landmark
    names (``hip_center``, ``knee_center``, ``ankle_center``, ``asis``, ``patella``,
    ``tibial_tubercle``, ``femoral_shaft_top``, ``heel``, ``toe``) to ``(3,)`` arrays [mm]
    in the ground frame with the floor at z = 0 (plus the unit axes ``femur_x``,
    ``tibia_z``, ``tibia_y`` of :data:`biomech.kinematics.chain.AXES`), ``body`` holds
    the dimensions the bones are drawn from (:data:`BODY_KEYS`), and the trunk maps ``pelvis_centre``,
    ``shoulders``, ``shoulder_right``, ``shoulder_left`` and ``centre_of_mass`` likewise.
    In single-leg tasks the other leg is lifted (hip flexed 30 deg more than the stance
    hip, knee 70 deg); in a lunge it is the back leg; otherwise it mirrors the reported
    leg. The other leg and the trunk's height are drawing only: the model's numbers are
    the measured leg's.
    """
    check_known(inputs, INPUT_NAMES, "pose()")
    values, labels, task = _prepare({**DEFAULTS, **inputs})
    state = pipeline.run(values, task, _COEFFICIENTS)
    result = _result(state, labels)
    side = labels["side"]
    other = "left" if side == "right" else "right"
    single = state.task["single"] > 0.5
    split = labels["task"] in SPLIT_TASKS
    legs = {}
    for name in (side, other):
        if name == side:
            angles, points = state.angles, state.points
        else:
            if single:
                angles = _swing_leg(state.angles, float(result.hip_flexion_deg))
            elif split:
                angles = _back_leg(state.angles, float(result.knee_flexion_deg))
            else:
                angles = state.angles
            points = chain.evaluate(angles, state.geometry, lateral_sign(name))
        leg = {k: _stack(points[k], dz=state.floor_z) for k in chain.POINTS}
        leg.update({k: np.array([float(c) for c in points[k]]) for k in chain.AXES})
        leg.update(
            _foot(
                points,
                state.geometry,
                state.floor_z,
                planted=name == side or not (single or split),
                ankle_height=float(state.ankle_height_mm),
            )
        )
        legs[name] = leg
    trunk = _trunk(result, legs, float(state.floor_z), lateral_sign(side))
    body = {k: float(state.geometry[k]) for k in BODY_KEYS}
    return {
        "result": result,
        "stance_side": side,
        "right": legs["right"],
        "left": legs["left"],
        "trunk": trunk,
        "body": body,
    }


#: Body dimensions :func:`pose` passes on for drawing [mm, deg] (:mod:`biomech.subject`).
BODY_KEYS = (
    "height_mm",
    "thigh_mm",
    "shank_mm",
    "hip_half_mm",
    "asis_half_mm",
    "asis_up_mm",
    "plateau_width_mm",
    "foot_length_mm",
    "patella_ap_mm",
    "ama_deg",
)


#: Tasks whose other leg is a lunge's back leg (drawing only).
SPLIT_TASKS = ("lunge",)
#: Shoulder half-width per height, for drawing the trunk.
SHOULDER_HALF_WIDTH_PER_HEIGHT = 0.13


def _trunk(result, legs, floor_z, lateral):
    """Trunk landmarks [mm] for drawing: the trunk leans sideways by the model's trunk lean
    minus the pelvic drop (+ toward the measured leg); the centre of mass is at the
    model's lateral position, drawn at a height that leans with the trunk."""
    height = result.inputs["height_m"] * 1000.0
    tilt = np.radians(result.trunk_lean_deg - result.pelvic_drop_deg)
    axis = np.array([lateral * np.sin(tilt), 0.0, np.cos(tilt)])
    across = np.array([np.cos(tilt), 0.0, -lateral * np.sin(tilt)])
    base = 0.5 * (legs["right"]["hip_center"] + legs["left"]["hip_center"])
    shoulders = base + SHOULDER_ABOVE_HIP_PER_HEIGHT * height * axis
    half = SHOULDER_HALF_WIDTH_PER_HEIGHT * height
    com = base + HAT_COM_ABOVE_HIP_PER_HEIGHT * height * HAT_MASS_FRACTION * axis
    com[0] = lateral * result.centre_of_mass_shift_mm
    return {
        "pelvis_centre": base,
        "shoulders": shoulders,
        "shoulder_right": shoulders + half * across,
        "shoulder_left": shoulders - half * across,
        "centre_of_mass": com,
    }


def _back_leg(angles, knee_flexion_deg):
    """Joint angles of a lunge's back leg (drawing only): hip a little extended, knee bent
    half as much as the front one, which keeps the back foot near the floor; no causes."""
    back = chain.sincos(
        {"hip_flexion": -BACK_LEG_HIP_EXTENSION_DEG, "knee_flexion": BACK_KNEE_SHARE_OF_FRONT * knee_flexion_deg}
    )
    return dict(
        angles,
        **back,
        hip_adduction=chain.ZERO,
        hip_internal_rotation=chain.ZERO,
        tibial_internal_rotation=chain.ZERO,
        knee_abduction=chain.ZERO,
    )


#: Hip extension of a lunge's back leg [deg], and its knee flexion as a share of the front
#: knee's (drawing only).
BACK_LEG_HIP_EXTENSION_DEG = 10.0
BACK_KNEE_SHARE_OF_FRONT = 0.5


def _swing_leg(angles, stance_hip_flexion_deg):
    """Joint angles of the lifted leg in a single-leg task: the pelvis drops toward it,
    its hip is flexed further and its knee bent; no causes act on it."""
    sin_drop, cos_drop = angles["pelvic_drop"]
    swing = chain.sincos(
        {"hip_flexion": stance_hip_flexion_deg + SWING_EXTRA_HIP_FLEXION_DEG, "knee_flexion": SWING_KNEE_FLEXION_DEG}
    )
    return dict(
        angles,
        **swing,
        pelvic_drop=(-sin_drop, cos_drop),
        hip_adduction=chain.ZERO,
        hip_internal_rotation=chain.ZERO,
        tibial_internal_rotation=chain.ZERO,
    )


def _foot(points, geom, floor_z, planted, ankle_height):
    """Heel and toe points: a planted foot lies flat on the floor, pointing where the shin
    faces; a lifted foot hangs at right angles to the shin."""
    ankle = _stack(points["ankle_center"], dz=floor_z)
    length = float(geom["foot_length_mm"])
    forward = np.array([float(v) for v in points["tibia_y"]])
    if planted:
        forward[2] = 0.0
        forward /= np.linalg.norm(forward)
        base = ankle - np.array([0.0, 0.0, ankle_height])
    else:
        down = -np.array([float(v) for v in points["tibia_z"]])
        base = ankle + down * ankle_height
    return {
        "toe": base + TOE_SHARE_OF_FOOT_LENGTH * length * forward,
        "heel": base - (1.0 - TOE_SHARE_OF_FOOT_LENGTH) * length * forward,
    }
