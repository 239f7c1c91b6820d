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
from .subject import LEG_MASS_FRACTION

GRAVITY = 9.81
ABDUCTOR_LINE_DEG = assumption(
    "abductor_line_deg", 70.0, low=60.0, high=80.0, unit="deg above horizontal",
    reason="abductor line of action in the textbook free-body problem of single-leg stance")
#: Medio-lateral / vertical ground force on each foot in double stance: 3 % BW / 50 % BW
#: measured at shoulder-width stance [PMID1403307].
SHOULDER_WIDTH_GRF_SLOPE = 0.03 / 0.5
SHOULDER_HALF_WIDTH_PER_HEIGHT = assumption(
    "shoulder_half_width_per_height", 0.13, low=0.11, high=0.15, unit="of height",
    reason="half the shoulder width, where the 3 % sideways push was measured; the push is taken to grow in "
           "proportion to how far the foot stands from the midline")
SINGLE_STANCE_GRF_OFFSET_PER_HEIGHT = assumption(
    "single_stance_grf_offset_per_height", 0.018, low=0.012, high=0.024, unit="of height",
    reason="on one leg the ground force passes medial of the hip-ankle line at the knee; calibrated so a "
           "neutral knee carries about 75 % medially on one leg (attributed to [Hsu1990], not verified), "
           "inside the 60-80 % medial share of [PMC2965044]")
#: Distance between the medial and lateral compartment load centres per plateau width
#: (compartments about 26 mm wide each [Murlimanju]).
COMPARTMENT_SPACING_PER_PLATEAU = 0.62
COP_AHEAD_PER_FOOT_LENGTH = assumption(
    "cop_ahead_per_foot_length", 0.15, low=0.05, high=0.25, unit="of foot length",
    reason="the centre of pressure lies under the mid-foot, ahead of the ankle centre")
#: Width [mm] of the rounded corner where the quadriceps switches on (knee ahead of the
#: centre of pressure), so the knee force never jumps.
QUADRICEPS_ONSET_WIDTH_MM = 10.0
#: Steepness of the medial-share curve: share = 1/2 + tanh(2 x lever) / 2, where lever is
#: the adduction moment over (contact force x compartment spacing). Slope 1 at the centre,
#: as a two-compartment lever model gives, saturating smoothly at 0 and 1 (one
#: compartment lifts off).
MEDIAL_SHARE_STEEPNESS = 2.0


def hip_lever_arms(hip_half_mm, abductor_arm_mm):
    """Pauwels lever arms [mm] about the stance hip in single-leg stance.

    k1: hip centre to the line of action of G, the body weight minus the stance leg.
    Removing the stance leg (mass fraction 0.161, centred below its hip) from the body
    shifts G's centre toward the lifted side, so k1 = h (1 + f / (1 - f)).
    k2: abductor moment arm. Returns (k1, k2).
    """
    k1 = hip_half_mm * (1.0 + LEG_MASS_FRACTION / (1.0 - LEG_MASS_FRACTION))
    return k1, abductor_arm_mm


def hip_forces(k1_mm, k2_mm, single, seated, weight_share, p):
    """Hip abductor force and hip contact force [BW] (frontal-plane Pauwels model).

    Single-leg tasks: F = G k1 / k2 with G = (1 - leg fraction) BW; the contact force is
    the vector sum of G (down) and F (at the abductor line to the horizontal). Two legs
    or seated: no abductor demand, each hip carries its share of the weight above it
    (Pauwels: about 1/3 BW standing). Sagittal-plane hip muscles are not modelled.
    """
    G = 1.0 - LEG_MASS_FRACTION
    on_one_leg = single > 0.5
    abd = nx.where(on_one_leg, G * k1_mm / k2_mm, 0.0)
    a = nx.radians(p["abductor_line_deg"])
    single_contact = nx.hypot(abd * nx.cos(a), G + abd * nx.sin(a))
    double_contact = (1.0 - 2.0 * LEG_MASS_FRACTION) * nx.where(seated > 0.5, weight_share, 0.5)
    return abd, nx.where(on_one_leg, single_contact, double_contact)


def knee_loads(*, mass_kg, height_mm, weight_share, co_contraction, single, knee_height_mm,
               ankle_lateral_mm, load_axis_shift_mm, knee_ahead_of_cop_mm, patellar_tendon_arm_mm, plateau_width_mm,
               p):
    """Knee contact force, its medial share and the knee adduction moment.

    * Frontal plane: the ground force on the foot passes ``e`` mm medial of the hip-ankle
      load line at the knee (two legs: it leans toward the midline, 3 % BW shear at
      shoulder width, less when the feet are closer; one leg: the mass centre is over the
      foot). The external knee adduction moment is
      ``share * W * (e - load_axis_shift)``: a knee that moves inward (shift +) unloads
      the medial side.
    * Contact force = foot load x (1 + co-contraction) + quadriceps force, the quadriceps
      balancing the flexion moment of the ground force about the knee.
    * Medial share = 1/2 + tanh(2 lever) / 2 with lever = moment / (contact force x
      compartment spacing), saturating smoothly at 0 and 1 (lift-off of one compartment).

    Returns a dict with ``knee_contact_force_bw``, ``medial_load_fraction``,
    ``knee_adduction_moment_nm``, ``quadriceps_force_bw``.
    """
    W = mass_kg * GRAVITY
    slope = SHOULDER_WIDTH_GRF_SLOPE * ankle_lateral_mm / (p["shoulder_half_width_per_height"] * height_mm)
    e_mm = nx.where(single > 0.5, p["single_stance_grf_offset_per_height"] * height_mm, slope * knee_height_mm)
    kam_nm = weight_share * W * (e_mm - load_axis_shift_mm) / 1000.0
    flexion_moment_bw_mm = weight_share * nx.smooth_max(knee_ahead_of_cop_mm, 0.0, QUADRICEPS_ONSET_WIDTH_MM)
    quad_bw = flexion_moment_bw_mm / patellar_tendon_arm_mm
    contact_bw = weight_share * (1.0 + co_contraction) + quad_bw
    spacing_mm = COMPARTMENT_SPACING_PER_PLATEAU * plateau_width_mm
    lever = kam_nm * 1000.0 / (contact_bw * W * spacing_mm)
    medial = 0.5 + 0.5 * nx.tanh(MEDIAL_SHARE_STEEPNESS * lever)
    return {
        "knee_contact_force_bw": contact_bw,
        "medial_load_fraction": medial,
        "knee_adduction_moment_nm": kam_nm,
        "quadriceps_force_bw": quad_bw,
    }
