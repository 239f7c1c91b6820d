"""Frames, units and sign conventions: stated once here, shown on screen by the views.

Every angle the package reports is in degrees and every length in millimetres unless
its name says otherwise (``_deg``, ``_mm``, ``_pct``, ``_bw`` = multiples of body
weight, ``_nm`` = newton-metres).
"""

from __future__ import annotations

import numpy as np

#: Ground frame used by every position the package returns.
GROUND_FRAME = "Ground frame: x points to the subject's right, y forward (anterior), z up; positions in mm."

#: One line per measure: what a positive number means. Shown next to readouts.
SIGN_CONVENTIONS = {
    "hka_deg": "+ valgus (knee inside the hip-ankle line), - varus",
    "atfa_deg": "+ valgus (femoral shaft vs tibia), - varus",
    "fppa_deg": "+ knee moves inward (dynamic valgus), - outward",
    "knee_abduction_deg": "+ valgus (Grood-Suntay ab/adduction: bone alignment plus soft-tissue give), - varus",
    "mldfa_deg": "mechanical lateral distal femoral angle: below 90 the distal femur is in valgus",
    "mpta_deg": "medial proximal tibial angle: below 90 the proximal tibia is in varus",
    "jlca_deg": "+ joint lines converge medially (lateral side open, varus), - converge laterally",
    "constitutional_hka_deg": "bone alignment MPTA - mLDFA - JLCA, + valgus (no soft-tissue give)",
    "knee_give_deg": "+ knee opened into valgus by the load, - into varus (soft tissue)",
    "load_axis_shift_mm": "+ load line lateral of knee centre (valgus side), - medial",
    "wbl_ratio_pct": "0 % = medial plateau edge, 50 % = centre, 100 % = lateral edge",
    "q_angle_deg": "+ tibial tubercle lateral of the quadriceps line",
    "intermalleolar_distance_mm": "gap between the inner ankle bones with knees touching (0 = ankles touch)",
    "intercondylar_distance_mm": "gap between the inner knees with ankles touching (0 = knees touch)",
    "pelvic_drop_deg": "+ opposite side of the pelvis lower than the stance side",
    "trunk_lean_deg": "+ trunk leaning toward the measured (stance) leg",
    "centre_of_mass_shift_mm": "+ body's centre of mass toward the measured leg, from midway between the hips",
    "knee_ahead_of_ankle_mm": "+ knee centre in front of the ankle centre (0 = knee above the ankle)",
    "knee_medial_of_foot_line_mm": "+ knee inside the line of the foot seen from above (0 = in line with the toes)",
    "abductor_use": "share of the remaining hip abductor strength in use (0 to 1)",
    "hip_adduction_deg": "+ thigh toward the midline (relative to the pelvis)",
    "hip_internal_rotation_deg": "+ thigh turned inward (relative to the pelvis)",
    "tibial_internal_rotation_deg": "+ shin turned inward relative to the thigh",
    "rearfoot_eversion_deg": "+ heel tilted outward (arch flattening)",
    "pelvic_tilt_deg": "+ anterior tilt (front of the pelvis down)",
    "knee_flexion_deg": "+ flexion, - hyperextension",
    "medial_load_fraction": "share of knee contact force on the inner compartment (0 to 1)",
    "knee_adduction_moment_nm": "+ external moment pushing the knee outward (loads the inner side)",
}

#: Documented bounds of the outputs for any valid input (the property tests check them).
#: Projected frontal-plane angles are angles between two projected segments; the hip
#: stays inside its passive range (biomech.subject.HIP_*_LIMIT_DEG); the 3-D knee
#: abduction is the bone alignment plus a few degrees of give, and bent it tends to the
#: part below the flexion axis (MPTA - JLCA - typical mLDFA, at most 38 deg) plus give; gaps, forces and
#: shares are non-negative; abductors never work above their remaining strength; the
#: segment angles are inputs, the measured joint-line convergence adds the give.
OUTPUT_BOUNDS = {
    "hka_deg": (-180.0, 180.0),
    "atfa_deg": (-180.0, 180.0),
    "fppa_deg": (-180.0, 180.0),
    "q_angle_deg": (-180.0, 180.0),
    "knee_abduction_deg": (-46.0, 46.0),
    "mldfa_deg": (65.0, 115.0),
    "mpta_deg": (65.0, 115.0),
    "jlca_deg": (-18.0, 23.0),
    "constitutional_hka_deg": (-30.0, 30.0),
    "knee_give_deg": (-8.0, 8.0),
    "hip_adduction_deg": (-45.0, 30.0),
    "pelvic_drop_deg": (0.0, 30.0),
    "trunk_lean_deg": (-30.0, 65.0),
    "abductor_use": (0.0, 1.0),
    "passive_hip_support_bw": (0.0, float("inf")),
    "hip_internal_rotation_deg": (-15.0, 30.0),
    "tibial_internal_rotation_deg": (-30.0, 30.0),
    "rearfoot_eversion_deg": (0.0, 15.0),
    "navicular_drop_mm": (0.0, 20.0),
    "medial_load_fraction": (0.0, 1.0),
    "intermalleolar_distance_mm": (0.0, float("inf")),
    "intercondylar_distance_mm": (0.0, float("inf")),
    "hip_abductor_force_bw": (0.0, float("inf")),
    "hip_contact_force_bw": (0.0, float("inf")),
    "knee_contact_force_bw": (0.0, float("inf")),
}

SIDES = ("right", "left")


def lateral_sign(side):
    """+1 for the right limb, -1 for the left: multiply x by it to point laterally.
    ``side`` is "right" / "left" or an array of them."""
    if isinstance(side, str):
        return 1.0 if side == "right" else -1.0
    return np.where(np.asarray(side) == "right", 1.0, -1.0)
