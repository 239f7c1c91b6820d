"""Frames, units and sign conventions: stated once here, shown on screen by the views.

Every angle the package reports is in degrees and every length in millimetres unless
its name says otherwise (``_deg``, ``_mm``, ``_pct``, ``_bw`` = multiples of body
weight, ``_nm`` = newton-metres).
"""

#: Ground frame used by every position the package returns.
GROUND_FRAME = (
    "Ground frame: x points to the subject's right, y forward (anterior), z up; "
    "positions in mm."
)

#: One line per measure: what a positive number means. Shown next to readouts.
SIGN_CONVENTIONS = {
    "hka_deg": "+ valgus (knee inside the hip-ankle line), - varus",
    "atfa_deg": "+ valgus (femoral shaft vs tibia), - varus",
    "fppa_deg": "+ knee moves inward (dynamic valgus), - outward",
    "knee_abduction_deg": "+ valgus (Grood-Suntay ab/adduction), - varus",
    "load_axis_shift_mm": "+ load line lateral of knee centre (valgus side), - medial",
    "wbl_ratio_pct": "0 % = medial plateau edge, 50 % = centre, 100 % = lateral edge",
    "q_angle_deg": "+ tibial tubercle lateral of the quadriceps line",
    "intermalleolar_distance_mm": "gap between the inner ankle bones with knees touching (0 = ankles touch)",
    "intercondylar_distance_mm": "gap between the inner knees with ankles touching (0 = knees touch)",
    "pelvic_drop_deg": "+ opposite side of the pelvis lower than the stance side",
    "hip_adduction_deg": "+ thigh toward the midline (relative to the pelvis)",
    "hip_internal_rotation_deg": "+ thigh turned inward (relative to the pelvis)",
    "tibial_internal_rotation_deg": "+ shin turned inward relative to the thigh",
    "rearfoot_eversion_deg": "+ heel tilted outward (arch flattening)",
    "pelvic_tilt_deg": "+ anterior tilt (front of the pelvis down)",
    "knee_flexion_deg": "+ flexion, - hyperextension",
    "medial_load_fraction": "share of knee contact force on the inner compartment (0 to 1)",
    "knee_adduction_moment_nm": "+ external moment pushing the knee outward (loads the inner side)",
}

SIDES = ("right", "left")


def lateral_sign(side):
    """+1 for the right limb, -1 for the left: multiply x by it to point laterally."""
    return 1.0 if side == "right" else -1.0
