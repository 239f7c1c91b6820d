"""The five causes, and the mechanism by which each one changes the joint angles.

Each cause is one function returning angle changes [deg] (and foot changes [mm]) from
the healthy pose. Every coefficient names its source, or says plainly that it is a
teaching assumption. The task pose (``tasks.py``) says where the feet are; a cause
turns, tilts or drops segments on top of it.

Chains. Hip-driven causes rotate the femur; with the foot planted the shin mostly
stays with the foot, so the knee sees the shin turn *outward* relative to the thigh
(dynamic valgus is "hip adduction + knee external rotation", PMC7274868). Foot-driven
causes rotate the shin inward from below and part of that rotation carries on into
the femur (Khamis & Yizhar 2007).
"""
from __future__ import annotations

import numpy as np

# --- adductor tightness ------------------------------------------------------------
#: Hip abduction range lost at severity 1, deg. Teaching assumption: normal passive
#: abduction is about 40-45 deg; severe tightness leaves about 20 deg.
LOST_ABDUCTION_AT_SEVERE_DEG = 25.0
#: Resting hip adduction and internal rotation per degree of lost abduction range.
#: Teaching assumption (no published ratio found).
ADDUCTION_PER_LOST_ABDUCTION = 0.3
INTERNAL_ROTATION_PER_LOST_ABDUCTION = 0.15

# --- abductor and external-rotator weakness ----------------------------------------
#: Fraction of maximal abductor strength that healthy single-leg stance uses per unit of
#: Pauwels lever ratio k1/k2 (0.21 x 2.1 = 0.44). Teaching assumption.
ABDUCTOR_USE_PER_LEVER_RATIO = 0.21
#: Use above which the abductors give way and the pelvis drops (teaching assumption).
#: Below it, moderate weakness changes little, as a nerve-block study found (Pohl 2015).
ABDUCTOR_GIVE_WAY_USE = 0.7
#: Largest extra contralateral pelvic drop, deg (a marked Trendelenburg sign, > 5-10 deg).
MAX_EXTRA_PELVIC_DROP_DEG = 12.0
#: The stance hip slides outward over the foot as the pelvis drops, adding this much
#: femoral adduction per degree of drop (teaching assumption).
FEMUR_LEAN_PER_PELVIC_DROP = 0.5
#: Extra femoral internal rotation under body weight with all external-rotator strength
#: lost, deg (teaching assumption; 3-D studies of dynamic valgus report several degrees).
MAX_WEAK_ROTATOR_INTERNAL_ROTATION_DEG = 8.0

# --- arch collapse ------------------------------------------------------------------
#: Navicular drop of a healthy arch and of a flat foot, mm. Healthy means 3.6-8.1 mm;
#: Brody's upper limit of normal is 15 mm (Nielsen et al. 2009).
NAVICULAR_DROP_NORMAL_MM = 6.0
NAVICULAR_DROP_SEVERE_MM = 18.0
#: Relaxed rearfoot eversion of a healthy foot, deg, and extra eversion per mm of extra
#: navicular drop. Teaching assumptions (eversion and drop correlate, r = 0.84, J Athl
#: Train 2012;47:83; the slope was not published).
REARFOOT_EVERSION_NORMAL_DEG = 3.0
EVERSION_PER_NAVICULAR_DROP_DEG_PER_MM = 0.8
#: Tibial internal rotation per degree of rearfoot eversion: midpoint of the in-vivo
#: 0.3-0.6 (Nigg/Hintermann, RECALLED) and cadaver 0.68 +- 0.15 (PMC5987802) ratios.
TIBIAL_ROTATION_PER_EVERSION = 0.5
#: Share of that shin rotation passed on to the femur (Khamis & Yizhar 2007 saw hip
#: internal rotation rise with wedge-induced pronation; share is a teaching assumption).
FEMUR_SHARE_OF_SHIN_ROTATION = 0.6
#: Share of femoral rotation that drags the planted shin along (teaching assumption).
SHIN_SHARE_OF_FEMUR_ROTATION = 0.3
#: The ankle centre sinks by this fraction of the extra navicular drop, and moves
#: medially over a subtalar lever of this length per height (teaching geometry).
ANKLE_DROP_PER_NAVICULAR_DROP = 0.4
SUBTALAR_LEVER_PER_HEIGHT = 0.018

# --- anterior pelvic tilt -----------------------------------------------------------
#: Femoral internal rotation per degree of anterior pelvic tilt, midpoint of 0.23-0.32
#: (Bagwell, Fukuda & Powers 2016, Gait Posture 43:120).
FEMORAL_ROTATION_PER_TILT_BAGWELL2016 = 0.275


def adductor_tightness(severity):
    """Tight adductors: lost abduction range; the hip rests more adducted and inward.

    Returns ``lost_abduction_deg``, ``hip_adduction_deg``, ``hip_internal_rotation_deg``.
    """
    lost = LOST_ABDUCTION_AT_SEVERE_DEG * severity
    return {
        "lost_abduction_deg": lost,
        "hip_adduction_deg": ADDUCTION_PER_LOST_ABDUCTION * lost,
        "hip_internal_rotation_deg": INTERNAL_ROTATION_PER_LOST_ABDUCTION * lost,
    }


def abductor_weakness(fraction_lost, lever_ratio, single, rotation_load):
    """Weak hip abductors and external rotators (Pauwels' lever model).

    On one leg the abductors must hold G k1/k2; the share of their (reduced) strength
    this takes is ``abductor_use``. When it passes the give-way level the opposite side
    of the pelvis drops (Trendelenburg) and the stance hip adducts. Weak external
    rotators let body weight turn the femur inward, on one leg or two.
    """
    use = ABDUCTOR_USE_PER_LEVER_RATIO * lever_ratio / (1.0 - 0.95 * fraction_lost)
    excess = use - ABDUCTOR_GIVE_WAY_USE
    excess = 0.5 * (excess + np.sqrt(excess * excess + 0.03 ** 2))
    drop = single * MAX_EXTRA_PELVIC_DROP_DEG * np.tanh(excess / 0.5)
    return {
        "abductor_use": np.where(single > 0.5, use, 0.0),
        "pelvic_drop_deg": drop,
        # Relative hip adduction rises by the drop itself plus the femur's own lean.
        "hip_adduction_deg": (1.0 + FEMUR_LEAN_PER_PELVIC_DROP) * drop,
        "hip_internal_rotation_deg": MAX_WEAK_ROTATOR_INTERNAL_ROTATION_DEG * fraction_lost * rotation_load,
    }


def arch_collapse(severity, height_mm, weight_bearing):
    """Flattening arch: navicular drop -> rearfoot eversion -> shin turns inward.

    ``weight_bearing`` is 1 standing and 0 seated (the arch is unloaded when sitting).
    Returns ``navicular_drop_mm``, ``rearfoot_eversion_deg``, ``shin_internal_rotation_deg``
    (shin in space), ``ankle_drop_mm`` and ``ankle_medial_shift_mm`` (ankle centre over
    the foot).
    """
    extra_drop = (NAVICULAR_DROP_SEVERE_MM - NAVICULAR_DROP_NORMAL_MM) * severity * weight_bearing
    extra_eversion = EVERSION_PER_NAVICULAR_DROP_DEG_PER_MM * extra_drop
    return {
        "navicular_drop_mm": NAVICULAR_DROP_NORMAL_MM + extra_drop,
        "rearfoot_eversion_deg": REARFOOT_EVERSION_NORMAL_DEG + extra_eversion,
        "shin_internal_rotation_deg": TIBIAL_ROTATION_PER_EVERSION * extra_eversion,
        "ankle_drop_mm": ANKLE_DROP_PER_NAVICULAR_DROP * extra_drop,
        "ankle_medial_shift_mm": SUBTALAR_LEVER_PER_HEIGHT * height_mm * np.sin(np.radians(extra_eversion)),
    }


def pelvic_tilt(tilt_deg, default_tilt_deg):
    """Anterior pelvic tilt: the pelvis rolls forward over the femurs (more hip flexion,
    handled by the chain) and the femurs turn inward (Bagwell 2016)."""
    return {"hip_internal_rotation_deg": FEMORAL_ROTATION_PER_TILT_BAGWELL2016 * (tilt_deg - default_tilt_deg)}


def joint_deviations(*, adductor, abductor, arch, tilt, tilt_default, lever_ratio, task, height_mm):
    """Sum of all cause effects for a task: the angle changes the chain applies.

    Returns a dict of arrays; ``hip_internal_rotation_deg`` and
    ``tibial_internal_rotation_deg`` are relative joint rotations (hip: femur vs pelvis;
    knee: shin vs femur), after the planted-foot rules in the module docstring.
    """
    a = adductor_tightness(adductor)
    w = abductor_weakness(abductor, lever_ratio, task["single"], task["rotation_load"])
    f = arch_collapse(arch, height_mm, 1.0 - task["seated"])
    p = pelvic_tilt(tilt, tilt_default)
    hip_driven_ir = a["hip_internal_rotation_deg"] + w["hip_internal_rotation_deg"] + p["hip_internal_rotation_deg"]
    foot_driven_ir = f["shin_internal_rotation_deg"]
    planted = 1.0 - task["seated"]
    femur_ir = hip_driven_ir + FEMUR_SHARE_OF_SHIN_ROTATION * foot_driven_ir
    shin_ir = foot_driven_ir + planted * SHIN_SHARE_OF_FEMUR_ROTATION * hip_driven_ir + task["seated"] * hip_driven_ir
    return {
        "pelvic_drop_deg": w["pelvic_drop_deg"],
        "hip_adduction_deg": a["hip_adduction_deg"] + w["hip_adduction_deg"],
        "hip_internal_rotation_deg": femur_ir,
        "tibial_internal_rotation_deg": shin_ir - femur_ir,
        "lost_abduction_deg": a["lost_abduction_deg"],
        "abductor_use": w["abductor_use"],
        "navicular_drop_mm": f["navicular_drop_mm"],
        "rearfoot_eversion_deg": f["rearfoot_eversion_deg"],
        "ankle_drop_mm": f["ankle_drop_mm"],
        "ankle_medial_shift_mm": f["ankle_medial_shift_mm"],
    }
