"""Standing balanced in the frontal plane: where the body's weight is, where the foot must
be under it, and how weak hip abductors are compensated.

The body is three lumps [WinterDempster]: head-arms-trunk (HAT, 0.678 of body mass, its
centre 0.180 H above the hips along the trunk) and two legs (0.161 each). Positions are
lateral distances [mm] in the frame of the measured (stance) leg: + toward that leg,
0 midway between the hip centres. Angles in degrees: ``drop`` is the contralateral
pelvic drop (+ = the other side lower), ``lean`` the trunk's sideways lean relative to
the vertical (+ = toward the stance leg).

* Dropping the opposite side of the pelvis tips the trunk away from the stance leg, so
  the centre of mass moves away from it; leaning the trunk over the stance leg moves it
  back. The foot is then placed under the centre of mass (single-leg tasks), so the
  femur's slope, the knee's position and the knee adduction moment all follow.
* On one leg the hip abductors must hold the trunk and the lifted leg about the stance
  hip [Pauwels1976]. When that takes more than the remaining strength, ``abductor_use``
  stops at 1 and a compensation carries the rest: the pelvis drops onto passive
  structures (Trendelenburg) or the trunk leans over the stance hip until the muscles can
  hold (Duchenne) [HardcastleNade1985].

All functions take floats or arrays (:mod:`biomech.numeric`).
"""

from __future__ import annotations

from . import numeric as nx
from .assumptions import assumption
from .subject import (
    HAT_COM_ABOVE_HIP_PER_HEIGHT,
    HAT_MASS_FRACTION,
    LEG_COM_FROM_HIP_PER_HEIGHT,
    LEG_MASS_FRACTION,
    SHANK_PER_HEIGHT,
    THIGH_PER_HEIGHT,
)

#: Share of the hip-to-ankle distance at which the leg's centre of mass lies.
LEG_COM_SHARE_OF_LEG = LEG_COM_FROM_HIP_PER_HEIGHT / (THIGH_PER_HEIGHT + SHANK_PER_HEIGHT)
#: Least share of body weight either foot keeps in a two-foot task, however far the trunk
#: leans: beyond it the person would stand on one leg (modelling choice).
MIN_SHARE_ON_A_FOOT = 0.05
#: Weight above the stance hip (everything but the stance leg), as a share of body weight.
WEIGHT_ABOVE_STANCE_HIP = HAT_MASS_FRACTION + LEG_MASS_FRACTION

ABDUCTOR_USE_HEALTHY_STANCE = assumption(
    "abductor_use_healthy_stance",
    0.44,
    low=0.3,
    high=0.6,
    unit="of maximal strength",
    reason="share of maximal hip abductor strength a healthy person of typical build uses to stand on one "
    "leg with a level pelvis; sets the strength every weakness is a fraction of",
)
#: Share of abductor strength left at weakness 1 (the muscle never loses all of it).
STRENGTH_LEFT_AT_FULL_WEAKNESS = 0.05
MAX_COMPENSATING_DROP_DEG = assumption(
    "max_compensating_drop_deg",
    12.0,
    low=8.0,
    high=15.0,
    unit="deg",
    reason="largest extra contralateral pelvic drop once passive structures hold the pelvis; a marked "
    "Trendelenburg sign is more than 5-10 deg",
)
PASSIVE_DROP_SATURATION_BW = assumption(
    "passive_drop_saturation_bw",
    0.8,
    low=0.4,
    high=1.5,
    unit="BW of abductor force",
    reason="abductor force the muscles cannot supply at which the pelvis has dropped 76 % (tanh 1) of the "
    "way to its largest drop: how stiff the passive structures are",
)
MAX_COMPENSATING_LEAN_DEG = assumption(
    "max_compensating_lean_deg",
    25.0,
    low=15.0,
    high=35.0,
    unit="deg",
    reason="largest lateral trunk lean used to unload weak abductors; beyond it the pelvis drops as well",
)
#: Widths of the rounded corners where a compensation switches on (smooth outputs).
_FORCE_CORNER_BW = 0.01
_LEAN_CORNER_DEG = 1.0


def positions(hip_half_mm, drop_deg, lean_deg, height_mm):
    """Lateral positions [mm] of the stance hip centre, the HAT centre of mass and the
    lifted leg's centre of mass (:func:`hip_positions`, :func:`trunk_position`)."""
    stance_hip, lifted_leg = hip_positions(hip_half_mm, drop_deg, height_mm)
    return stance_hip, trunk_position(drop_deg, lean_deg, height_mm), lifted_leg


def hip_positions(hip_half_mm, drop_deg, height_mm):
    """Lateral positions [mm] of the stance hip centre and the lifted leg's centre of
    mass. The pelvis turns about its midpoint; the lifted leg hangs from its hip and
    tilts with the pelvis."""
    sin_d, cos_d = nx.sincosd(drop_deg)
    return hip_half_mm * cos_d, -hip_half_mm * cos_d + LEG_COM_FROM_HIP_PER_HEIGHT * height_mm * sin_d


def trunk_position(drop_deg, lean_deg, height_mm):
    """Lateral position [mm] of the HAT centre of mass: it sits above the pelvis'
    midpoint and tilts with the trunk's lean relative to the pelvis, ``lean - drop``."""
    return HAT_COM_ABOVE_HIP_PER_HEIGHT * height_mm * nx.sind(lean_deg - drop_deg)


def ankle_under_centre_of_mass(stance_hip, hat, lifted_leg, cop_lateral_of_ankle_mm):
    """Lateral position [mm] of the stance ankle centre that puts the centre of pressure
    (``cop_lateral_of_ankle_mm`` lateral of the ankle) under the body's centre of mass.

    The stance leg's own centre of mass lies between hip and ankle, so it moves with the
    ankle; solving the balance for the ankle gives one linear equation.
    """
    m, share = LEG_MASS_FRACTION, LEG_COM_SHARE_OF_LEG
    other = HAT_MASS_FRACTION * hat + m * lifted_leg + m * (1.0 - share) * stance_hip
    return (other - cop_lateral_of_ankle_mm) / (1.0 - m * share)


def centre_of_mass(stance_hip, hat, lifted_leg, stance_ankle):
    """Lateral position [mm] of the whole body's centre of mass."""
    stance_leg = stance_hip + LEG_COM_SHARE_OF_LEG * (stance_ankle - stance_hip)
    return HAT_MASS_FRACTION * hat + LEG_MASS_FRACTION * (lifted_leg + stance_leg)


def abductor_demand_bw(stance_hip, hat, lifted_leg, abductor_arm_mm):
    """Abductor force [BW] that holds the trunk and the lifted leg about the stance hip
    (Pauwels' lever: moment of the weight above the hip over the abductor moment arm)."""
    moment_bw_mm = HAT_MASS_FRACTION * (stance_hip - hat) + LEG_MASS_FRACTION * (stance_hip - lifted_leg)
    return moment_bw_mm / abductor_arm_mm


def strength_left(weakness):
    """Share of abductor strength left at ``weakness`` (0 none lost .. 1 all but 5 % lost)."""
    return 1.0 - (1.0 - STRENGTH_LEFT_AT_FULL_WEAKNESS) * weakness


def abductor_capacity_bw(typical_hip_half_mm, abductor_arm_mm, weakness, p):
    """Largest abductor force [BW] the person can produce: what a healthy person of the
    same build (abductor moment arm [mm]) and typical hip width (half of it [mm]) uses to
    stand on one leg with a level pelvis, over the share of strength that takes, times the
    strength left."""
    # Level pelvis, upright trunk: the hips at +-half their distance, the trunk over the
    # midline, the lifted leg hanging straight from its hip (positions(half, 0, 0)).
    level = abductor_demand_bw(typical_hip_half_mm, 0.0, -typical_hip_half_mm, abductor_arm_mm)
    return level / p["abductor_use_healthy_stance"] * strength_left(weakness)


def compensate(*, hip_half_mm, height_mm, abductor_arm_mm, capacity_bw, drop_deg, lean_deg, compensation, p):
    """Pelvic drop and trunk lean [deg] once weak abductors are compensated, with the
    abductor forces [BW] at that posture.

    ``drop_deg`` and ``lean_deg`` are the posture before compensation; ``compensation``
    is "trunk_lean" (lean over the stance hip until the muscles can hold, up to
    ``max_compensating_lean_deg``) or "pelvic_drop" (passive structures take what the
    muscles cannot). Whatever a capped lean leaves, the pelvis drop takes. Returns a dict:
    ``pelvic_drop_deg``, ``trunk_lean_deg``, ``demand_bw`` (total abductor-side force the
    posture needs), ``muscle_bw`` (what the abductors give, never above their capacity),
    ``passive_bw``, ``abductor_use`` (muscle over capacity, 0..1) and ``positions`` (the
    lateral positions of :func:`positions` at that posture [mm]).
    """
    hip, lifted = hip_positions(hip_half_mm, drop_deg, height_mm)
    lean = nx.choose(
        compensation == "trunk_lean",
        lambda: (
            lean_deg
            + compensating_lean_deg(hip, lifted, height_mm, abductor_arm_mm, capacity_bw, drop_deg, lean_deg, p)
        ),
        lambda: lean_deg,
    )
    before_drop = abductor_demand_bw(hip, trunk_position(drop_deg, lean, height_mm), lifted, abductor_arm_mm)
    shortfall = nx.smooth_max(before_drop - capacity_bw, 0.0, _FORCE_CORNER_BW)
    drop = drop_deg + p["max_compensating_drop_deg"] * nx.tanh(shortfall / p["passive_drop_saturation_bw"])
    at_posture = positions(hip_half_mm, drop, lean, height_mm)
    demand = abductor_demand_bw(*at_posture, abductor_arm_mm)
    # The muscles give what is needed, never more than their capacity; a trunk leaning far
    # over the stance hip needs none (the hip adductors would hold it, not modelled).
    needed = nx.smooth_max(demand, 0.0, _FORCE_CORNER_BW)
    muscle = nx.maximum(capacity_bw - nx.smooth_max(capacity_bw - needed, 0.0, _FORCE_CORNER_BW), 0.0)
    passive = nx.maximum(needed - muscle, 0.0)
    return {
        "pelvic_drop_deg": drop,
        "trunk_lean_deg": lean,
        "demand_bw": demand,
        "muscle_bw": muscle,
        "passive_bw": passive,
        "abductor_use": muscle / capacity_bw,
        "positions": at_posture,
    }


def compensating_lean_deg(stance_hip, lifted_leg, height_mm, abductor_arm_mm, capacity_bw, drop_deg, lean_deg, p):
    """Extra trunk lean [deg] over the stance hip that brings the abductor demand down to
    the capacity, for a pelvis dropped ``drop_deg`` (stance hip and lifted leg at
    ``stance_hip``, ``lifted_leg`` [mm]) and a trunk already leaning ``lean_deg``; it
    bends smoothly toward ``max_compensating_lean_deg`` and is 0 (smoothly) when the
    muscles hold without it."""
    # Lean that brings the demand down to the capacity: demand is linear in sin(lean - drop).
    room = (
        HAT_MASS_FRACTION * stance_hip + LEG_MASS_FRACTION * (stance_hip - lifted_leg) - capacity_bw * abductor_arm_mm
    )
    reach = HAT_MASS_FRACTION * HAT_COM_ABOVE_HIP_PER_HEIGHT * height_mm
    needed = drop_deg + nx.arcsind(nx.clip(room / reach, -1.0, 1.0))
    extra = nx.smooth_max(needed - lean_deg, 0.0, _LEAN_CORNER_DEG)
    limit = p["max_compensating_lean_deg"]
    return limit * nx.tanh(extra / limit)
