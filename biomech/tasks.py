"""The task poses: how each places the feet, shares body weight and bends the knee.

A task fixes what the person is doing; the causes (``causes.py``) then change the joint
angles within it. All numbers here are posture choices of the teaching model unless a
source is named (citations in square brackets are keys of :mod:`biomech.references`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, kw_only=True)
class Task:
    """One task pose.

    Attributes
    ----------
    name, label : identifier and plain-words label.
    stance : "double" (both feet), "single" (the measured leg stands alone), "split"
        (a lunge: the measured leg in front) or "seated".
    knee_flexion_range_deg, knee_flexion_default_deg : allowed and default knee flexion.
    thigh_pitch_per_knee_flexion : share of knee flexion taken by the thigh tilting forward
        (the rest tilts the shin forward); ``None`` for a fixed thigh pitch.
    fixed_thigh_pitch_deg : thigh forward pitch when fixed (sitting: horizontal thigh).
    cop_half_width_per_height : distance of the measured foot's centre of pressure from the
        midline, as a fraction of height; ``None`` when the knees are brought together, and
        ignored on one leg (the foot goes under the centre of mass, :mod:`biomech.balance`).
    weight_share : fraction of body weight on the measured foot with an upright trunk.
    co_contraction : knee muscle co-contraction force per unit of foot load (see statics).
    rotation_load : how strongly body weight twists the femur inward when the hip external
        rotators are weak (1 in single-leg tasks, 0.5 on two legs, 0 seated).
    pelvic_drop_deg : contralateral pelvic drop with healthy muscles (0 on two legs).
    knee_weight_bearing : 1 when the standing knee carries body weight (its frontal-plane
        give is stiffened by the load and acted on by the knee adduction moment), 0 when
        the knee's give is not modelled (sitting, and the knees-together self-check, whose
        gaps compare bone shape and soft tissue).
    """

    name: str
    label: str
    stance: str
    knee_flexion_range_deg: tuple
    knee_flexion_default_deg: float
    thigh_pitch_per_knee_flexion: float | None
    cop_half_width_per_height: float | None
    weight_share: float
    co_contraction: float
    rotation_load: float
    pelvic_drop_deg: float = 0.0
    fixed_thigh_pitch_deg: float = 0.0
    knee_weight_bearing: float = 1.0


#: Healthy contralateral pelvic drop standing on one leg [deg]: about half the 4-5 deg
#: peak-to-peak frontal pelvic motion of normal walking (teaching choice).
HEALTHY_STANCE_PELVIC_DROP_DEG = 2.0
#: Healthy contralateral pelvic drop in a single-leg squat [deg]: about 3-5 deg at depth in
#: young adults (3.1 +- 4.1 men, 4.7 +- 4.4 women) [Weeks2015].
HEALTHY_SQUAT_PELVIC_DROP_DEG = 3.0
#: Deepest single-leg squat modelled [deg]: published healthy single-leg-squat kinematics
#: are taken at 45 deg, 60 deg and the deepest point of a self-paced squat, typically
#: 60-80 deg [Lewis2015; Khuu2016; Weeks2015]; the model does not go beyond the data.
SINGLE_LEG_SQUAT_MAX_FLEXION_DEG = 75.0

TASKS = {
    t.name: t
    for t in (
        Task(
            name="stand",
            label="Standing on both legs",
            stance="double",
            knee_flexion_range_deg=(-10.0, 30.0),
            knee_flexion_default_deg=0.0,
            thigh_pitch_per_knee_flexion=0.5,
            cop_half_width_per_height=0.045,
            weight_share=0.5,
            co_contraction=1.0,
            rotation_load=0.5,
        ),
        Task(
            name="single_leg_stance",
            label="Standing on one leg",
            stance="single",
            knee_flexion_range_deg=(-10.0, 30.0),
            knee_flexion_default_deg=5.0,
            thigh_pitch_per_knee_flexion=0.5,
            cop_half_width_per_height=None,
            weight_share=1.0,
            co_contraction=1.5,
            rotation_load=1.0,
            pelvic_drop_deg=HEALTHY_STANCE_PELVIC_DROP_DEG,
        ),
        Task(
            name="squat",
            label="Squat on both legs",
            stance="double",
            knee_flexion_range_deg=(0.0, 90.0),
            knee_flexion_default_deg=60.0,
            thigh_pitch_per_knee_flexion=0.65,
            cop_half_width_per_height=0.060,
            weight_share=0.5,
            co_contraction=1.0,
            rotation_load=0.5,
        ),
        Task(
            name="single_leg_squat",
            label="Single-leg squat",
            stance="single",
            knee_flexion_range_deg=(0.0, SINGLE_LEG_SQUAT_MAX_FLEXION_DEG),
            knee_flexion_default_deg=45.0,
            thigh_pitch_per_knee_flexion=0.65,
            cop_half_width_per_height=None,
            weight_share=1.0,
            co_contraction=1.5,
            rotation_load=1.0,
            pelvic_drop_deg=HEALTHY_SQUAT_PELVIC_DROP_DEG,
        ),
        Task(
            name="lunge",
            label="Forward lunge (front leg)",
            stance="split",
            knee_flexion_range_deg=(0.0, 90.0),
            knee_flexion_default_deg=60.0,
            thigh_pitch_per_knee_flexion=0.85,
            cop_half_width_per_height=0.055,
            weight_share=0.6,
            co_contraction=1.0,
            rotation_load=0.75,
        ),
        Task(
            name="knees_together",
            label="Self-check: knees together",
            stance="double",
            knee_flexion_range_deg=(-10.0, 30.0),
            knee_flexion_default_deg=0.0,
            thigh_pitch_per_knee_flexion=0.5,
            cop_half_width_per_height=None,
            weight_share=0.5,
            co_contraction=1.0,
            rotation_load=0.5,
            knee_weight_bearing=0.0,
        ),
        Task(
            name="sitting",
            label="Sitting on a chair",
            stance="seated",
            knee_flexion_range_deg=(45.0, 110.0),
            knee_flexion_default_deg=90.0,
            thigh_pitch_per_knee_flexion=None,
            fixed_thigh_pitch_deg=90.0,
            cop_half_width_per_height=0.060,
            weight_share=0.1,
            co_contraction=0.2,
            rotation_load=0.0,
            knee_weight_bearing=0.0,
        ),
    )
}

TASK_NAMES = tuple(TASKS)

#: The numbers of a task the model reads, by name (flags are 1.0 or 0.0).
_NUMBERS = {
    "single": lambda t: float(t.stance == "single"),
    "seated": lambda t: float(t.stance == "seated"),
    "knees_together": lambda t: float(t.stance == "double" and t.cop_half_width_per_height is None),
    "thigh_ratio": lambda t: t.thigh_pitch_per_knee_flexion if t.thigh_pitch_per_knee_flexion is not None else 0.0,
    "fixed_thigh_pitch_deg": lambda t: t.fixed_thigh_pitch_deg,
    "cop_half_width_per_height": lambda t: t.cop_half_width_per_height or 0.0,
    "weight_share": lambda t: t.weight_share,
    "co_contraction": lambda t: t.co_contraction,
    "rotation_load": lambda t: t.rotation_load,
    "pelvic_drop_deg": lambda t: t.pelvic_drop_deg,
    "knee_weight_bearing": lambda t: t.knee_weight_bearing,
    "knee_flexion_low": lambda t: t.knee_flexion_range_deg[0],
    "knee_flexion_high": lambda t: t.knee_flexion_range_deg[1],
    "knee_flexion_default": lambda t: t.knee_flexion_default_deg,
}
_SCALAR_TABLES = {name: {key: float(get(task)) for key, get in _NUMBERS.items()} for name, task in TASKS.items()}
_COLUMNS = {key: np.array([get(TASKS[name]) for name in TASK_NAMES]) for key, get in _NUMBERS.items()}


#: Every number of every task, one row per number of :data:`_NUMBERS` (columns in the
#: order of :data:`TASK_NAMES`): one gather looks up all of a table's task numbers.
_NUMBERS_BY_TASK = np.array([_COLUMNS[key] for key in _NUMBERS])


def task_table(task_names, index=None):
    """The numbers of each row's task: a dict of floats for one task name (shared; do not
    modify it), of arrays for an array of names (vectorised lookup). ``index``: the
    names' positions in :data:`TASK_NAMES` when the caller has them already
    (:func:`biomech.inputs.choice_index`), which saves comparing the text again."""
    if isinstance(task_names, str):
        return _SCALAR_TABLES[task_names]
    names = np.asarray(task_names, dtype=str)
    if names.ndim == 0:
        return _SCALAR_TABLES[str(names)]
    if index is None:
        # Task index of every row by one comparison per task (no sort of the text column).
        index = np.zeros(names.shape, dtype=np.intp)
        for i, name in enumerate(TASK_NAMES[1:], start=1):
            index[names == name] = i
    # One gather for all numbers; each row of the result is one contiguous column.
    return dict(zip(_NUMBERS, np.take(_NUMBERS_BY_TASK, index, axis=1)))
