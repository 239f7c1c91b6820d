"""Statics: hip abductor and contact forces (Pauwels), knee contact force, its
medial/lateral split and the knee adduction moment.

Forces are returned as multiples of body weight (``_bw``); moments in N m. Angles do
not depend on body mass; forces and moments scale with it. Citations in square brackets
are keys of :mod:`biomech.references`.

Pauwels' single-leg-stance model [Pauwels1976] (as summarised by [IntOrthop2008]): the
abductors balance the partial body weight G about the stance hip; in double stance each
hip carries about 1/3 BW.
"""

from __future__ import annotations

from . import numeric as nx
from .assumptions import assumption
from .balance import WEIGHT_ABOVE_STANCE_HIP
from .subject import LEG_MASS_FRACTION

GRAVITY = 9.81
ABDUCTOR_LINE_DEG = assumption(
    "abductor_line_deg",
    70.0,
    low=60.0,
    high=80.0,
    unit="deg above horizontal",
    reason="abductor line of action in the textbook free-body problem of single-leg stance",
)
#: Medio-lateral / vertical ground force on each foot in double stance: 3 % BW / 50 % BW
#: measured at shoulder-width stance [PMID1403307].
SHOULDER_WIDTH_GRF_SLOPE = 0.03 / 0.5
SHOULDER_HALF_WIDTH_PER_HEIGHT = assumption(
    "shoulder_half_width_per_height",
    0.13,
    low=0.11,
    high=0.15,
    unit="of height",
    reason="half the shoulder width, where the 3 % sideways push was measured; the push is taken to grow in "
    "proportion to how far the foot stands from the midline",
)
#: Distance between the medial and lateral compartment load centres per plateau width
#: (compartments about 26 mm wide each [Murlimanju]).
COMPARTMENT_SPACING_PER_PLATEAU = 0.62
COP_AHEAD_PER_FOOT_LENGTH = assumption(
    "cop_ahead_per_foot_length",
    0.15,
    low=0.05,
    high=0.25,
    unit="of foot length",
    reason="the centre of pressure lies under the mid-foot, ahead of the ankle centre",
)
#: Width [mm] of the rounded corner where the quadriceps switches on (knee ahead of the
#: centre of pressure), so the knee force never jumps.
QUADRICEPS_ONSET_WIDTH_MM = 10.0
#: Steepness of the medial-share curve: share = 1/2 + tanh(2 x lever) / 2, where lever is
#: the adduction moment over (contact force x compartment spacing). Slope 1 at the centre,
#: as a two-compartment lever model gives, saturating smoothly at 0 and 1 (one
#: compartment lifts off).
MEDIAL_SHARE_STEEPNESS = 2.0


HIP_CO_CONTRACTION_TWO_LEGS = assumption(
    "hip_co_contraction_two_legs",
    1.5,
    low=1.0,
    high=2.5,
    unit="x weight carried",
    reason="muscles around both hips pull while standing on two legs, so each hip carries more than its "
    "share of the weight above it; no in-vivo two-leg value was verified",
)


def hip_loads(*, single, seated, weight_share, muscle_bw, passive_bw, p):
    """Hip abductor force, passive support and hip contact force [BW] (frontal plane).

    One leg: the abductors (``muscle_bw``, and passive structures ``passive_bw`` when the
    muscles cannot) pull at the abductor line; the contact force is the vector sum of that
    pull and the weight above the hip (Pauwels). Two legs or seated: no abductor demand;
    each hip carries its share of the weight above the hips, plus the co-contraction of
    the muscles around it on two legs. Sagittal-plane hip muscles are not modelled.
    """
    on_one_leg = single > 0.5
    pull = muscle_bw + passive_bw
    sin_a, cos_a = nx.sincosd(p["abductor_line_deg"])
    one_leg = nx.hypot(pull * cos_a, WEIGHT_ABOVE_STANCE_HIP + pull * sin_a)
    above_hips = 1.0 - 2.0 * LEG_MASS_FRACTION
    two_legs = above_hips * weight_share * nx.where(seated > 0.5, 1.0, 1.0 + p["hip_co_contraction_two_legs"])
    return {
        "hip_abductor_force_bw": nx.where(on_one_leg, muscle_bw, 0.0),
        "passive_hip_support_bw": nx.where(on_one_leg, passive_bw, 0.0),
        "hip_contact_force_bw": nx.where(on_one_leg, one_leg, two_legs),
    }


def knee_adduction_moment_nm(
    *,
    mass_kg,
    height_mm,
    weight_share,
    single,
    knee_height_mm,
    knee_lateral_mm,
    ankle_lateral_mm,
    cop_lateral_of_ankle_mm,
    load_axis_shift_mm,
    p,
):
    """External knee adduction moment [N m] (+ pushes the knee outward, loading the inner
    compartment).

    * One leg: the ground force rises straight up from the centre of pressure, which lies
      under the centre of mass (:mod:`biomech.balance`); the moment is ``W x`` the knee's
      lateral distance from it.
    * Two feet: the ground force on the foot leans toward the midline (3 % BW shear at
      shoulder width, less when the feet are closer) and passes ``e`` mm medial of the
      hip-ankle load line at the knee; the moment is ``share * W * (e - load_axis_shift)``.

    Either way a knee that moves inward lowers it.
    """
    one_leg_nm = one_leg_knee_adduction_moment_nm(
        mass_kg=mass_kg,
        knee_lateral_mm=knee_lateral_mm,
        ankle_lateral_mm=ankle_lateral_mm,
        cop_lateral_of_ankle_mm=cop_lateral_of_ankle_mm,
    )
    two_feet_nm = two_feet_knee_adduction_moment_nm(
        mass_kg=mass_kg,
        height_mm=height_mm,
        weight_share=weight_share,
        knee_height_mm=knee_height_mm,
        ankle_lateral_mm=ankle_lateral_mm,
        load_axis_shift_mm=load_axis_shift_mm,
        p=p,
    )
    return nx.where(single > 0.5, one_leg_nm, two_feet_nm)


def one_leg_knee_adduction_moment_nm(*, mass_kg, knee_lateral_mm, ankle_lateral_mm, cop_lateral_of_ankle_mm):
    """:func:`knee_adduction_moment_nm` on one leg [N m]: body weight times the knee's
    lateral distance [mm] from the centre of pressure, which lies
    ``cop_lateral_of_ankle_mm`` lateral of the ankle centre."""
    W = mass_kg * GRAVITY
    return W * (knee_lateral_mm - ankle_lateral_mm - cop_lateral_of_ankle_mm) / 1000.0


def two_feet_knee_adduction_moment_nm(
    *, mass_kg, height_mm, weight_share, knee_height_mm, ankle_lateral_mm, load_axis_shift_mm, p
):
    """:func:`knee_adduction_moment_nm` on two feet [N m]: the foot's share of body weight
    times the distance [mm] at the knee's height between the ground force, which leans
    toward the midline in proportion to how far the foot stands from it, and the knee."""
    W = mass_kg * GRAVITY
    slope = SHOULDER_WIDTH_GRF_SLOPE * ankle_lateral_mm / (p["shoulder_half_width_per_height"] * height_mm)
    return weight_share * W * (slope * knee_height_mm - load_axis_shift_mm) / 1000.0


def knee_loads(
    *,
    mass_kg,
    weight_share,
    co_contraction,
    knee_adduction_moment_nm,
    knee_ahead_of_cop_mm,
    patellar_tendon_arm_mm,
    plateau_width_mm,
):
    """Knee contact force and its medial share, for a knee adduction moment
    (:func:`knee_adduction_moment_nm`).

    * Contact force = foot load x (1 + co-contraction) + quadriceps force, the quadriceps
      balancing the flexion moment of the ground force about the knee.
    * Medial share = 1/2 + tanh(2 lever) / 2 with lever = moment / (contact force x
      compartment spacing), saturating smoothly at 0 and 1 (lift-off of one compartment).

    Returns a dict with ``knee_contact_force_bw``, ``medial_load_fraction``,
    ``knee_adduction_moment_nm``, ``quadriceps_force_bw``.
    """
    W = mass_kg * GRAVITY
    flexion_moment_bw_mm = weight_share * nx.smooth_max(knee_ahead_of_cop_mm, 0.0, QUADRICEPS_ONSET_WIDTH_MM)
    quad_bw = flexion_moment_bw_mm / patellar_tendon_arm_mm
    contact_bw = weight_share * (1.0 + co_contraction) + quad_bw
    spacing_mm = COMPARTMENT_SPACING_PER_PLATEAU * plateau_width_mm
    lever = knee_adduction_moment_nm * 1000.0 / (contact_bw * W * spacing_mm)
    medial = 0.5 + 0.5 * nx.tanh(MEDIAL_SHARE_STEEPNESS * lever)
    return {
        "knee_contact_force_bw": contact_bw,
        "medial_load_fraction": medial,
        "knee_adduction_moment_nm": knee_adduction_moment_nm,
        "quadriceps_force_bw": quad_bw,
    }
