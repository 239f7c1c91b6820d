"""Statics: hip abductor and contact forces (Pauwels), knee contact force, its
medial/lateral split and the knee adduction moment.

Forces are returned as multiples of body weight (``_bw``); moments in N m. Angles do
not depend on body mass; forces and moments scale with it.

References
----------
Pauwels' single-leg-stance model as summarised in Int Orthop 2008 (doi
10.1007/s00264-008-0544-9): abductors balance the partial body weight G about the stance
hip; in double stance each hip carries about 1/3 BW - REFERENCE_VALUES section 5.
Abductor line of action about 70 deg to the horizontal (U. Scranton PT245) - section 5.
Medial share of knee load 60-80 % (PMC2965044 introduction); about 75 % in single-leg
stance (Hsu et al. 1990, RECALLED) - section 6.
Medio-lateral ground force about 3 % BW toward the midline in bipedal stance
(qxmd 1403307) - section 6.
In-vivo knee contact forces with instrumented implants: about 1 BW per knee standing on
two legs, about 2.6 BW on one leg, about 2.5 BW in a knee bend (Kutzner et al. 2010,
J Biomech 43:2164 - RECALLED, not in REFERENCE_VALUES).
"""
from __future__ import annotations

import numpy as np

from .subject import LEG_MASS_FRACTION

GRAVITY = 9.81
#: Abductor force direction, deg above the horizontal (textbook free-body problem).
ABDUCTOR_LINE_DEG = 70.0
#: Medio-lateral / vertical ground force on each foot in double stance: 3 % BW / 50 % BW
#: measured at shoulder-width stance (qxmd 1403307, section 6).
SHOULDER_WIDTH_GRF_SLOPE = 0.03 / 0.5
#: Half the shoulder (biacromial) width per height, where that slope was measured
#: (Winter's 0.259 H biacromial breadth, RECALLED). Teaching assumption: the sideways
#: push grows in proportion to how far the foot stands from the midline.
SHOULDER_HALF_WIDTH_PER_HEIGHT = 0.13
#: Single-leg tasks: the ground force passes this far (per height) medial of the hip-ankle
#: line at the knee, because the body's mass centre sits over the foot, medial of the hip.
#: Teaching assumption calibrated so a neutral knee carries about 75 % medially (Hsu 1990).
SINGLE_STANCE_GRF_OFFSET_PER_HEIGHT = 0.018
#: Distance between the medial and lateral compartment load centres per plateau width
#: (compartments about 26 mm wide each, Murlimanju - section 10).
COMPARTMENT_SPACING_PER_PLATEAU = 0.62
#: The centre of pressure lies under the mid-foot, this fraction of foot length ahead of
#: the ankle centre (teaching assumption).
COP_AHEAD_PER_FOOT_LENGTH = 0.15


def smooth_relu(x, width):
    """Smooth max(x, 0): keeps outputs continuous where a muscle switches on."""
    return 0.5 * (x + np.sqrt(x * x + width * width))


def hip_lever_arms(hip_half_mm, abductor_arm_mm):
    """Pauwels lever arms [mm] about the stance hip in single-leg stance.

    k1: hip centre to the line of action of G, the body weight minus the stance leg.
    Removing the stance leg (mass fraction 0.161, centred below its hip) from the body
    shifts G's centre toward the lifted side, so k1 = h (1 + f / (1 - f)).
    k2: abductor moment arm. Returns (k1, k2).
    """
    k1 = hip_half_mm * (1.0 + LEG_MASS_FRACTION / (1.0 - LEG_MASS_FRACTION))
    return k1, abductor_arm_mm


def hip_forces(k1_mm, k2_mm, single, seated, weight_share):
    """Hip abductor force and hip contact force [BW] (frontal-plane Pauwels model).

    Single-leg tasks: F = G k1 / k2 with G = (1 - leg fraction) BW; the contact force is
    the vector sum of G (down) and F (at 70 deg to the horizontal). Two legs or seated:
    no abductor demand, each hip carries its share of the weight above it (Pauwels:
    about 1/3 BW standing). Sagittal-plane hip muscles are not modelled.
    """
    G = 1.0 - LEG_MASS_FRACTION
    abd = np.where(single > 0.5, G * k1_mm / k2_mm, 0.0)
    a = np.radians(ABDUCTOR_LINE_DEG)
    single_contact = np.hypot(abd * np.cos(a), G + abd * np.sin(a))
    double_contact = (1.0 - 2.0 * LEG_MASS_FRACTION) * np.where(seated > 0.5, weight_share, 0.5)
    return abd, np.where(single > 0.5, single_contact, double_contact)


def knee_loads(*, mass_kg, height_mm, weight_share, co_contraction, single, knee_height_mm,
               ankle_lateral_mm, load_axis_shift_mm, knee_ahead_of_cop_mm, patellar_tendon_arm_mm, plateau_width_mm):
    """Knee contact force, its medial share and the knee adduction moment.

    * Frontal plane: the ground force on the foot passes ``e`` mm medial of the hip-ankle
      load line at the knee (two legs: it leans toward the midline, 3 % BW shear at
      shoulder width, less when the feet are closer; one leg: the mass centre is over the
      foot). The external knee adduction moment is
      ``share * W * (e - load_axis_shift)``: a knee that moves inward (shift +) unloads
      the medial side.
    * Contact force = foot load x (1 + co-contraction) + quadriceps force, the quadriceps
      balancing the flexion moment of the ground force about the knee.
    * Medial share = 1/2 + moment / (contact force x compartment spacing), saturating
      smoothly at 0 and 1 (lift-off of one compartment).

    Returns a dict with ``knee_contact_force_bw``, ``medial_load_fraction``,
    ``knee_adduction_moment_nm``, ``quadriceps_force_bw``.
    """
    W = mass_kg * GRAVITY
    slope = SHOULDER_WIDTH_GRF_SLOPE * ankle_lateral_mm / (SHOULDER_HALF_WIDTH_PER_HEIGHT * height_mm)
    e_mm = np.where(single > 0.5, SINGLE_STANCE_GRF_OFFSET_PER_HEIGHT * height_mm, slope * knee_height_mm)
    kam_nm = weight_share * W * (e_mm - load_axis_shift_mm) / 1000.0
    flexion_moment_bw_mm = weight_share * smooth_relu(knee_ahead_of_cop_mm, 10.0)
    quad_bw = flexion_moment_bw_mm / patellar_tendon_arm_mm
    contact_bw = weight_share * (1.0 + co_contraction) + quad_bw
    spacing_mm = COMPARTMENT_SPACING_PER_PLATEAU * plateau_width_mm
    lever = kam_nm * 1000.0 / (contact_bw * W * spacing_mm)
    medial = 0.5 + 0.5 * np.tanh(2.0 * lever)
    return {
        "knee_contact_force_bw": contact_bw,
        "medial_load_fraction": medial,
        "knee_adduction_moment_nm": kam_nm,
        "quadriceps_force_bw": quad_bw,
    }
