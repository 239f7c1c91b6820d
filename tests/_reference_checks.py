"""Shared helpers for the validity and mechanism tests: default people, which task each
published normal range applies to, and the sources of each range (reference keys).

Not a test module (the leading underscore keeps pytest from collecting it).
"""
from __future__ import annotations

import numpy as np

import biomech
from biomech import references, subject
from biomech.norms import NORMAL_RANGES

#: The model's typical adults, written out here (not read from the package) so that a
#: change of the package's defaults shows up in these tests.
ADULT_FEMALE = {"sex": "female", "height_m": 1.65, "mass_kg": 60.0, "age_years": 25.0}
ADULT_MALE = {"sex": "male", "height_m": 1.78, "mass_kg": 75.0, "age_years": 25.0}
ADULTS = {"female": ADULT_FEMALE, "male": ADULT_MALE}

def normal_causes(person):
    """The five causes at their normal values for ``person``: no tightness, weakness or
    arch collapse; hip width and pelvic tilt at the subject's defaults (Bell 1989 hip
    centres [Bell1989]; typical tilt)."""
    is_female = person["sex"] == "female"
    return {
        "adductor_tightness": 0.0,
        "abductor_weakness": 0.0,
        "arch_collapse": 0.0,
        "hip_width_mm": float(subject.default_hip_width_mm(is_female, person["height_m"])),
        "pelvic_tilt_deg": float(subject.default_pelvic_tilt_deg(is_female)),
    }


#: ``NormalRange.context`` -> the task(s) the range is checked in.
CONTEXT_TASKS = {
    "standing": ("stand",),
    "single-leg stance": ("single_leg_stance",),
    "single-leg squat or landing": ("single_leg_squat",),
    "single-leg tasks": ("single_leg_stance", "single_leg_squat"),
    "knees together": ("knees_together",),
    "any task": biomech.TASK_NAMES,
}

#: Extra tasks a range is also checked in. The medial share is quoted for standing
#: (PMC2965044, s.6) and for single-leg stance (Hsu 1990, s.6), so both are checked.
EXTRA_TASKS = {"medial_load_fraction": ("single_leg_stance",)}

def source_tag(name):
    """Short tag of the sources of measure ``name``'s range for test ids (reference keys
    joined by "+", or "no-source" for a popular rule without one)."""
    return "+".join(NORMAL_RANGES[name].sources) or "no-source"


def source_text(name):
    """How the range of ``name`` was formed, with the short citation of each source."""
    rng = NORMAL_RANGES[name]
    cited = "; ".join(references.cite(key) for key in rng.sources) or "no published source"
    return f"{rng.note} ({cited})"


def tasks_for(name):
    """Tasks in which the normal range of measure ``name`` is checked."""
    rng = NORMAL_RANGES[name]
    return tuple(CONTEXT_TASKS[rng.context]) + EXTRA_TASKS.get(name, ())


def range_cases(names=None):
    """(measure, task, sex) triples for every normal range, in the tasks its context names."""
    names = NORMAL_RANGES if names is None else names
    return [(name, task, sex) for name in names for task in tasks_for(name) for sex in ("female", "male")]


def case_id(name, task, sex):
    return f"{name}-{task}-{sex}-{source_tag(name)}"


def compared_value(name, result, mass_kg):
    """The value of ``name`` as its range states it (per-kg ranges divided by mass)."""
    value = getattr(result, name)
    return value / mass_kg if NORMAL_RANGES[name].per_kg else value


def out_of_range(name, result, sex, mass_kg):
    """``None`` when ``result.<name>`` lies inside its published normal range, otherwise a
    message with the value, the range and its source."""
    rng = NORMAL_RANGES[name]
    low, high = rng.bounds(sex)
    value = compared_value(name, result, mass_kg)
    if np.isfinite(value) and low <= value <= high:
        return None
    unit = rng.unit + (" (per kg)" if rng.per_kg else "")
    return (f"{name} = {value:.4g} {unit} outside the normal range {low:g} to {high:g} for {sex} "
            f"(task {result.inputs['task']!r}; {source_text(name)})")


def frontal_valgus_deg(hip, knee, ankle, lateral=1.0):
    """Frontal-plane angle at the knee from three joint centres [deg, + valgus].

    Written independently of :mod:`biomech.measures`: the unsigned angle between the
    thigh and shank projected on the x-z plane, positive when the knee lies medial of
    the hip-ankle line (``lateral`` +1 right limb, -1 left).
    """
    hip, knee, ankle = (np.asarray(p, dtype=float) for p in (hip, knee, ankle))
    u = np.array([knee[0] - hip[0], knee[2] - hip[2]])
    v = np.array([ankle[0] - knee[0], ankle[2] - knee[2]])
    cos = np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v))
    angle = np.degrees(np.arccos(np.clip(cos, -1.0, 1.0)))
    t = (knee[2] - hip[2]) / (ankle[2] - hip[2])
    line_x = hip[0] + t * (ankle[0] - hip[0])
    medial = lateral * (line_x - knee[0])  # > 0: knee medial of the hip-ankle line
    return float(np.sign(medial) * angle)
