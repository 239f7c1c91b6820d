"""The five causes, and the mechanism by which each one changes the joint angles.

Each cause is one function returning angle changes [deg] (and foot changes [mm]) from
the healthy pose. Every coefficient is declared with :func:`~biomech.assumptions.assumption`:
its value, a plausible range, and either its source (a key of :mod:`biomech.references`,
in square brackets) or the words "teaching assumption" with the reason for the value.
The functions read coefficients from ``p``, a mapping of coefficient names to values
(floats, or arrays when :func:`biomech.uncertainty` samples them).

The task pose (``tasks.py``) says where the feet are; a cause turns, tilts or drops
segments on top of it.

Chains. Hip-driven causes rotate the femur; with the foot planted the shin mostly
stays with the foot, so the knee sees the shin turn *outward* relative to the thigh
(dynamic valgus is "hip adduction + knee external rotation" [PMC7274868]). Foot-driven
causes rotate the shin inward from below and part of that rotation carries on into the
femur [KhamisYizhar2007].
"""

from __future__ import annotations

from . import balance
from . import numeric as nx
from .assumptions import assumption

# --- adductor tightness ------------------------------------------------------------
LOST_ABDUCTION_AT_SEVERE_DEG = assumption(
    "lost_abduction_at_severe_deg",
    25.0,
    low=20.0,
    high=30.0,
    unit="deg",
    reason="hip abduction range lost at severity 1; normal passive abduction is about 40-45 deg and "
    "severe tightness leaves about 15-25 deg",
)
#: Normal passive hip abduction range [deg] [AAOS1965], as the sliders describe it.
NORMAL_HIP_ABDUCTION_RANGE_DEG = 45.0
ADDUCTION_PER_LOST_ABDUCTION = assumption(
    "adduction_per_lost_abduction",
    0.3,
    low=0.15,
    high=0.45,
    unit="deg/deg",
    reason="extra resting hip adduction per degree of lost abduction range; no published ratio was found",
)
INTERNAL_ROTATION_PER_LOST_ABDUCTION = assumption(
    "internal_rotation_per_lost_abduction",
    0.15,
    low=0.05,
    high=0.25,
    unit="deg/deg",
    reason="the adductors also rotate the hip a little; no published ratio was found",
)

# --- abductor and external-rotator weakness ----------------------------------------
# How much strength is left, what single-leg stance asks of it, and how the body
# compensates when it is not enough are in biomech.balance (Pauwels' lever).
MAX_WEAK_ROTATOR_INTERNAL_ROTATION_DEG = assumption(
    "max_weak_rotator_internal_rotation_deg",
    8.0,
    low=4.0,
    high=12.0,
    unit="deg",
    reason="extra femoral internal rotation under body weight with all external-rotator strength lost; "
    "3-D studies of dynamic valgus report several degrees",
)

# --- arch collapse ------------------------------------------------------------------
NAVICULAR_DROP_NORMAL_MM = assumption(
    "navicular_drop_normal_mm",
    6.0,
    low=4.0,
    high=8.0,
    unit="mm",
    reason="navicular drop of a healthy arch: healthy means 3.6-8.1 mm",
    source="Nielsen2009",
)
NAVICULAR_DROP_SEVERE_MM = assumption(
    "navicular_drop_severe_mm",
    18.0,
    low=15.0,
    high=20.0,
    unit="mm",
    reason="navicular drop of a flat foot; Brody's upper limit of normal is 15 mm",
    source="Nielsen2009",
)
REARFOOT_EVERSION_NORMAL_DEG = assumption(
    "rearfoot_eversion_normal_deg",
    3.0,
    low=1.0,
    high=5.0,
    unit="deg",
    reason="relaxed rearfoot eversion of a healthy foot (teaching assumption)",
)
EVERSION_PER_NAVICULAR_DROP_DEG_PER_MM = assumption(
    "eversion_per_navicular_drop",
    0.8,
    low=0.5,
    high=1.1,
    unit="deg/mm",
    reason="eversion and navicular drop correlate (r = 0.84) but no slope was published [LeeHertel2012]",
)
TIBIAL_ROTATION_PER_EVERSION = assumption(
    "tibial_rotation_per_eversion",
    0.5,
    low=0.3,
    high=0.68,
    unit="deg/deg",
    reason="in-vivo running ratios of about 0.3-0.6 and 0.68 +- 0.15 in cadaver feet; midpoint",
    source="Fischer2018",
)
FEMUR_SHARE_OF_SHIN_ROTATION = assumption(
    "femur_share_of_shin_rotation",
    0.6,
    low=0.3,
    high=0.8,
    unit="share",
    reason="hip internal rotation rose with wedge-induced pronation [KhamisYizhar2007]; the share is a "
    "teaching assumption",
)
SHIN_SHARE_OF_FEMUR_ROTATION = assumption(
    "shin_share_of_femur_rotation",
    0.3,
    low=0.1,
    high=0.5,
    unit="share",
    reason="share of femoral rotation that drags the planted shin along (teaching assumption)",
)
ANKLE_DROP_PER_NAVICULAR_DROP = assumption(
    "ankle_drop_per_navicular_drop",
    0.4,
    low=0.2,
    high=0.6,
    unit="mm/mm",
    reason="the ankle centre sinks by part of the extra navicular drop (teaching geometry)",
)
SUBTALAR_LEVER_PER_HEIGHT = assumption(
    "subtalar_lever_per_height",
    0.018,
    low=0.012,
    high=0.024,
    unit="of height",
    reason="lever over which eversion moves the ankle centre medially (teaching geometry)",
)

# --- anterior pelvic tilt -----------------------------------------------------------
FEMORAL_ROTATION_PER_TILT_BAGWELL2016 = assumption(
    "femoral_rotation_per_tilt",
    0.275,
    low=0.23,
    high=0.32,
    unit="deg/deg",
    reason="femoral internal rotation per degree of anterior pelvic tilt: 0.23-0.32 at 0-90 deg hip flexion, midpoint",
    source="Bagwell2016",
)


def adductor_tightness(severity, p):
    """Tight adductors: lost abduction range; the hip rests more adducted and inward.

    Returns ``lost_abduction_deg``, ``hip_adduction_deg``, ``hip_internal_rotation_deg``.
    """
    lost = p["lost_abduction_at_severe_deg"] * severity
    return {
        "lost_abduction_deg": lost,
        "hip_adduction_deg": p["adduction_per_lost_abduction"] * lost,
        "hip_internal_rotation_deg": p["internal_rotation_per_lost_abduction"] * lost,
    }


def abductor_weakness(fraction_lost, rotation_load, p):
    """Weak hip abductors and external rotators.

    The abductors' lost strength acts on one leg, through :mod:`biomech.balance` (the
    pelvis drops or the trunk leans once single-leg stance asks for more than is left).
    Weak external rotators let body weight turn the femur inward, on one leg or two
    (``rotation_load``: how much load twists the femur in this task).
    Returns ``strength_left`` (share of abductor strength left) and
    ``hip_internal_rotation_deg``.
    """
    return {
        "strength_left": balance.strength_left(fraction_lost),
        "hip_internal_rotation_deg": p["max_weak_rotator_internal_rotation_deg"] * fraction_lost * rotation_load,
    }


def navicular_drop_mm(severity, p, weight_bearing=1.0):
    """Navicular drop [mm] of an arch collapse of ``severity`` (0 healthy .. 1 flat foot),
    standing; seated (``weight_bearing`` 0) the arch is unloaded and keeps its healthy
    height."""
    return p["navicular_drop_normal_mm"] + extra_navicular_drop_mm(severity, p, weight_bearing)


def extra_navicular_drop_mm(severity, p, weight_bearing=1.0):
    """Navicular drop beyond a healthy arch's [mm]."""
    return (p["navicular_drop_severe_mm"] - p["navicular_drop_normal_mm"]) * severity * weight_bearing


def arch_collapse(severity, height_mm, weight_bearing, p):
    """Flattening arch: navicular drop -> rearfoot eversion -> shin turns inward.

    ``weight_bearing`` is 1 standing and 0 seated (the arch is unloaded when sitting).
    Returns ``navicular_drop_mm``, ``rearfoot_eversion_deg``, ``shin_internal_rotation_deg``
    (shin in space), ``ankle_drop_mm`` and ``ankle_medial_shift_mm`` (ankle centre over
    the foot).
    """
    extra_drop = extra_navicular_drop_mm(severity, p, weight_bearing)
    extra_eversion = p["eversion_per_navicular_drop"] * extra_drop
    return {
        "navicular_drop_mm": p["navicular_drop_normal_mm"] + extra_drop,
        "rearfoot_eversion_deg": p["rearfoot_eversion_normal_deg"] + extra_eversion,
        "shin_internal_rotation_deg": p["tibial_rotation_per_eversion"] * extra_eversion,
        "ankle_drop_mm": p["ankle_drop_per_navicular_drop"] * extra_drop,
        "ankle_medial_shift_mm": p["subtalar_lever_per_height"] * height_mm * nx.sind(extra_eversion),
    }


def pelvic_tilt(tilt_deg, default_tilt_deg, p):
    """Anterior pelvic tilt: the pelvis rolls forward over the femurs (more hip flexion,
    handled by the chain) and the femurs turn inward [Bagwell2016]."""
    return {"hip_internal_rotation_deg": p["femoral_rotation_per_tilt"] * (tilt_deg - default_tilt_deg)}


def joint_deviations(*, adductor, abductor, arch, tilt, tilt_default, task, height_mm, p):
    """Sum of all cause effects for a task: the angle changes the chain applies.

    Returns a dict; ``hip_internal_rotation_deg`` and ``tibial_internal_rotation_deg`` are
    relative joint rotations (hip: femur vs pelvis; knee: shin vs femur), after the
    planted-foot rules in the module docstring. ``resting_hip_adduction_deg`` is the extra
    adduction tight adductors hold the hip in: on one leg, with the foot kept under the
    body, the pelvis drops on the other side to allow it (:mod:`biomech.balance`); on two
    planted feet it acts only through the rotations.
    """
    a = adductor_tightness(adductor, p)
    w = abductor_weakness(abductor, task["rotation_load"], p)
    f = arch_collapse(arch, height_mm, 1.0 - task["seated"], p)
    t = pelvic_tilt(tilt, tilt_default, p)
    hip_driven_ir = a["hip_internal_rotation_deg"] + w["hip_internal_rotation_deg"] + t["hip_internal_rotation_deg"]
    foot_driven_ir = f["shin_internal_rotation_deg"]
    seated = task["seated"]
    femur_ir = hip_driven_ir + p["femur_share_of_shin_rotation"] * foot_driven_ir
    # A planted shin follows part of the femur's turn; a seated one (foot unloaded) all of it.
    shin_follows = (1.0 - seated) * p["shin_share_of_femur_rotation"] + seated
    shin_ir = foot_driven_ir + shin_follows * hip_driven_ir
    return {
        "resting_hip_adduction_deg": a["hip_adduction_deg"],
        "hip_internal_rotation_deg": femur_ir,
        "tibial_internal_rotation_deg": shin_ir - femur_ir,
        "lost_abduction_deg": a["lost_abduction_deg"],
        "strength_left": w["strength_left"],
        "navicular_drop_mm": f["navicular_drop_mm"],
        "rearfoot_eversion_deg": f["rearfoot_eversion_deg"],
        "ankle_drop_mm": f["ankle_drop_mm"],
        "ankle_medial_shift_mm": f["ankle_medial_shift_mm"],
    }
