"""Shared helpers for the validity and mechanism tests: default people, which task each
published normal range applies to, and the REFERENCE_VALUES.md row each range comes from.

Not a test module (the leading underscore keeps pytest from collecting it).
"""
from __future__ import annotations

import numpy as np

import biomech
from biomech import subject
from biomech.reference import NORMAL_RANGES

#: Default adults of the brief (DESIGN.md section 4 defaults; REFERENCE_VALUES s.10 body size).
ADULT_FEMALE = {"sex": "female", "height_m": 1.65, "mass_kg": 60.0, "age_years": 25.0}
ADULT_MALE = {"sex": "male", "height_m": 1.78, "mass_kg": 75.0, "age_years": 25.0}
ADULTS = {"female": ADULT_FEMALE, "male": ADULT_MALE}

def normal_causes(person):
    """The five causes at their normal values for ``person``: no tightness, weakness or
    arch collapse; hip width and pelvic tilt at the subject's defaults (Bell 1989 hip
    centres, REFERENCE_VALUES s.3; Herrington 2011 tilt, s.8)."""
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

#: The REFERENCE_VALUES.md row behind each range of ``biomech.reference.NORMAL_RANGES``
#: (short tag for test ids, and the full citation).
REFERENCE_ROWS = {
    "hka_deg": ("s1-Hsu1990", "REFERENCE_VALUES s.1, HKA normal volunteers (Hsu 1990 via PMC3560206 Table 2)"),
    "atfa_deg": ("s1-Jamali2017", "REFERENCE_VALUES s.1, anatomic tibiofemoral angle (Jamali 2017)"),
    "fppa_deg": ("s9-HerringtonMunro2010",
        "REFERENCE_VALUES s.9, normal FPPA single-leg landing (Herrington & Munro 2010)"),
    "knee_abduction_deg": ("s1-Hsu1990", "REFERENCE_VALUES s.1, bone alignment (same range as HKA)"),
    "load_axis_shift_mm": ("s1-Paley-MAD",
        "REFERENCE_VALUES s.1, mechanical axis deviation 8 +- 7 mm medial (Paley, RECALLED)"),
    "wbl_ratio_pct": ("s1-Paley-MAD+s10-plateau",
        "REFERENCE_VALUES s.1 MAD (Paley) over the s.10 plateau width (DERIVED)"),
    "q_angle_deg": ("s3-HortonHall1989",
        "REFERENCE_VALUES s.3, Q-angle (Horton & Hall 1989; Livingston & Mandigo 1997)"),
    "intermalleolar_distance_mm": ("s4-self-test", "REFERENCE_VALUES s.4, home self-test rule (about 5 cm)"),
    "pelvic_drop_deg": ("s5-gait-obliquity", "REFERENCE_VALUES s.5, pelvic obliquity in normal gait (4-5 deg)"),
    "pelvic_tilt_deg": ("s8-Herrington2011", "REFERENCE_VALUES s.8, mean APT in standing (Herrington 2011)"),
    "navicular_drop_mm": ("s7-Nielsen2009", "REFERENCE_VALUES s.7, static navicular drop (Nielsen 2009)"),
    "medial_load_fraction": ("s6-PMC2965044", "REFERENCE_VALUES s.6, medial share 60-80 % (PMC2965044; Hsu 1990)"),
    "hip_abductor_force_bw": ("s5-Pauwels", "REFERENCE_VALUES s.5, Pauwels lever ratio F = 3 G (Int Orthop 2008)"),
    "hip_contact_force_bw": ("s5-Pauwels", "REFERENCE_VALUES s.5, Pauwels hip resultant R = 4 G (Int Orthop 2008)"),
    # Not a REFERENCE_VALUES row: biomech.reference cites Kutzner 2010 (RECALLED), see statics.py.
    "knee_contact_force_bw": ("Kutzner2010-RECALLED",
        "biomech.reference: instrumented implants about 2.6 BW one-leg stance (Kutzner 2010, RECALLED; "
        "not in REFERENCE_VALUES)"),
    "knee_adduction_moment_nm": ("s6-PLoSOne2017",
        "REFERENCE_VALUES s.6, KAM healthy young adults 0.45 +- 0.09 N m/kg (PLoS One 2017 e0179260)"),
}


def tasks_for(name):
    """Tasks in which the normal range of measure ``name`` is checked."""
    rng = NORMAL_RANGES[name]
    return tuple(CONTEXT_TASKS[rng.context]) + EXTRA_TASKS.get(name, ())


def range_cases(names=None):
    """(measure, task, sex) triples for every normal range, in the tasks its context names."""
    names = NORMAL_RANGES if names is None else names
    return [(name, task, sex) for name in names for task in tasks_for(name) for sex in ("female", "male")]


def case_id(name, task, sex):
    return f"{name}-{task}-{sex}-{REFERENCE_ROWS[name][0]}"


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
            f"(task {result.inputs['task']!r}; {REFERENCE_ROWS[name][1]}; source: {rng.source})")


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
