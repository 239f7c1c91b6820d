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


def ranges():
    """Every published range as ``(measure, range)`` pairs (a measure may have several)."""
    return [(name, rng) for name, group in NORMAL_RANGES.items() for rng in group]


def source_tag(rng):
    """Short tag of a range's sources for test ids (reference keys joined by "+")."""
    return "+".join(rng.sources) or "no-source"


def source_text(rng):
    """How a range was formed, with the short citation of each source."""
    cited = "; ".join(references.cite(key) for key in rng.sources) or "no published source"
    return f"{rng.note} ({cited})"


def knee_flexion_for(rng, task):
    """A knee flexion [deg] in ``task`` at which ``rng`` applies: the task's default when the
    range allows it, else the middle of the part of the task's range that the range covers."""
    low, high = biomech.TASKS[task].knee_flexion_range_deg
    default = biomech.TASKS[task].knee_flexion_default_deg
    if rng.applies_to(task, default):
        return default
    band_low, band_high = rng.knee_flexion_deg
    return 0.5 * (max(low, band_low) + min(high, band_high))


def range_cases(names=None):
    """(measure, range, task, knee flexion, sex) for every range with a model task, in each
    of its tasks (ranges from other activities, e.g. walking, have none and are not checked)."""
    return [
        (name, rng, task, knee_flexion_for(rng, task), sex)
        for name, rng in ranges()
        if names is None or name in names
        for task in rng.tasks
        for sex in ("female", "male")
    ]


def case_id(name, rng, task, knee_flexion, sex):
    return f"{name}-{task}-{knee_flexion:g}deg-{sex}-{source_tag(rng)}"


def out_of_range(name, rng, result, sex, mass_kg):
    """``None`` when ``result.<name>`` lies inside the range ``rng``, otherwise a message
    with the value, the range and its source."""
    low, high = rng.bounds(sex)
    value = getattr(result, name)
    value = value / mass_kg if rng.per_kg else value
    if np.isfinite(value) and low <= value <= high:
        return None
    unit = rng.unit + (" (per kg)" if rng.per_kg else "")
    return (
        f"{name} = {value:.4g} {unit} outside the normal range {low:g} to {high:g} for {sex} "
        f"(task {result.inputs['task']!r} at {result.inputs['knee_flexion_deg']:g} deg; {source_text(rng)})"
    )


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
