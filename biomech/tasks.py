"""The six task poses: how each places the feet, shares body weight and bends the knee.

A task fixes what the person is doing; the causes (``causes.py``) then change the joint
angles within it. All numbers here are posture choices of the teaching model unless a
source is named.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Task:
    """One task pose.

    Attributes
    ----------
    name, label : identifier and plain-words label.
    stance : "double", "single" (the chosen side stands) or "seated".
    knee_flexion_range_deg, knee_flexion_default_deg : allowed and default knee flexion.
    thigh_pitch_per_knee_flexion : share of knee flexion taken by the thigh tilting forward
        (the rest tilts the shin forward); ``None`` for a fixed thigh pitch.
    fixed_thigh_pitch_deg : thigh forward pitch when fixed (sitting: horizontal thigh).
    cop_half_width_per_height : distance of each foot's centre of pressure from the midline,
        as a fraction of height ("feet under the body"); ``None`` when the knees touch.
    weight_share : fraction of body weight on each stance foot.
    co_contraction : knee muscle co-contraction force per unit of foot load (see statics).
    rotation_load : how strongly body weight twists the femur inward when the hip external
        rotators are weak (1 in single-leg tasks, 0.5 on two legs, 0 seated).
    pelvic_drop_deg : contralateral pelvic drop with healthy muscles (single-leg tasks:
        2 deg, about half the 4-5 deg peak-to-peak drop of normal gait, section 5).
    """

    name: str
    label: str
    stance: str
    knee_flexion_range_deg: tuple
    knee_flexion_default_deg: float
    thigh_pitch_per_knee_flexion: float | None
    fixed_thigh_pitch_deg: float
    cop_half_width_per_height: float | None
    weight_share: float
    co_contraction: float
    rotation_load: float
    pelvic_drop_deg: float


TASKS = {
    t.name: t
    for t in (
        Task("stand", "Standing on both legs", "double", (-10.0, 30.0), 0.0, 0.5, 0.0, 0.045, 0.5, 1.0, 0.5, 0.0),
        Task("single_leg_stance", "Standing on one leg", "single", (-10.0, 30.0), 5.0, 0.5, 0.0, 0.012, 1.0, 1.5, 1.0, 2.0),
        Task("squat", "Squat on both legs", "double", (0.0, 90.0), 60.0, 0.65, 0.0, 0.060, 0.5, 1.0, 0.5, 0.0),
        Task("single_leg_squat", "Single-leg squat", "single", (0.0, 90.0), 45.0, 0.65, 0.0, 0.012, 1.0, 1.5, 1.0, 2.0),
        Task("knees_together", "Self-check: knees together", "double", (-10.0, 30.0), 0.0, 0.5, 0.0, None, 0.5, 1.0, 0.5, 0.0),
        Task("sitting", "Sitting on a chair", "seated", (45.0, 110.0), 90.0, None, 90.0, 0.060, 0.1, 0.2, 0.0, 0.0),
    )
}

TASK_NAMES = tuple(TASKS)


def task_table(task_names):
    """Per-row numeric task parameters for an array of task names (vectorised lookup)."""
    names = np.asarray(task_names, dtype=str)
    fields = {
        "single": lambda t: float(t.stance == "single"),
        "seated": lambda t: float(t.stance == "seated"),
        "knees_together": lambda t: float(t.cop_half_width_per_height is None),
        "thigh_ratio": lambda t: t.thigh_pitch_per_knee_flexion if t.thigh_pitch_per_knee_flexion is not None else 0.0,
        "fixed_thigh_pitch_deg": lambda t: t.fixed_thigh_pitch_deg,
        "cop_half_width_per_height": lambda t: t.cop_half_width_per_height or 0.0,
        "weight_share": lambda t: t.weight_share,
        "co_contraction": lambda t: t.co_contraction,
        "rotation_load": lambda t: t.rotation_load,
        "pelvic_drop_deg": lambda t: t.pelvic_drop_deg,
        "knee_flexion_low": lambda t: t.knee_flexion_range_deg[0],
        "knee_flexion_high": lambda t: t.knee_flexion_range_deg[1],
        "knee_flexion_default": lambda t: t.knee_flexion_default_deg,
    }
    if names.ndim == 0:
        task = TASKS[str(names)]
        return {key: np.float64(get(task)) for key, get in fields.items()}
    # Task index of every row by one comparison per task (no sort of the text column).
    index = np.zeros(names.shape, dtype=np.intp)
    for i, name in enumerate(TASK_NAMES[1:], start=1):
        index[names == name] = i
    return {key: np.array([get(TASKS[name]) for name in TASK_NAMES])[index] for key, get in fields.items()}
