"""Clinical measures computed from landmark positions (frontal-plane projections and
the Grood-Suntay joint coordinate system).

Positions are ``(x, y, z)`` sequences of floats or arrays in the ground frame; ``lateral``
is +1 for the right limb and -1 for the left (:func:`biomech.conventions.lateral_sign`).
Sign conventions: :mod:`biomech.conventions`.
"""

from __future__ import annotations

from . import numeric as nx


def frontal_angle_deg(proximal, middle, distal, lateral):
    """Angle at ``middle`` between the proximal and distal segments, projected on the
    frontal (x-z) plane, as a front camera or a standing radiograph sees it [deg].

    + = valgus: the middle point lies medial of the proximal-distal line.
    """
    ux, uz = middle[0] - proximal[0], middle[2] - proximal[2]
    vx, vz = distal[0] - middle[0], distal[2] - middle[2]
    return lateral * nx.arctan2d(ux * vz - uz * vx, ux * vx + uz * vz)


def _share_of_leg_at_knee(hip, knee, ankle):
    """How far down the hip-ankle line the knee's height lies (0 at the hip, 1 at the ankle)."""
    return (knee[2] - hip[2]) / (ankle[2] - hip[2])


def load_line_at_knee(hip, knee, ankle):
    """The point of the hip-ankle load line at the knee's height (where the load passes
    the knee): ``(x, y, z)`` [mm] on the straight line from the hip centre to the ankle
    centre."""
    t = _share_of_leg_at_knee(hip, knee, ankle)
    return tuple(h + t * (a - h) for h, a in zip(hip, ankle, strict=True))


def load_axis_shift_mm(hip, knee, ankle, lateral):
    """Where the hip-ankle load line crosses the knee's height, relative to the knee
    centre, in the frontal plane [mm]; + = lateral of the knee centre (valgus side).

    This is the mechanical axis deviation (MAD) with the sign turned so that valgus is
    positive (a normal MAD of 8 +- 7 mm medial [PaleyTetsworth1992] is -8 +- 7 mm here).
    """
    t = _share_of_leg_at_knee(hip, knee, ankle)
    return lateral * (hip[0] + t * (ankle[0] - hip[0]) - knee[0])


def wbl_ratio_pct(shift_mm, plateau_width_mm):
    """Weight-bearing-line ratio [% of plateau width, 0 = medial edge, 100 = lateral]."""
    return 50.0 + 100.0 * shift_mm / plateau_width_mm


def grood_suntay_abduction_deg(femur_x, tibia_z):
    """Knee ab/adduction about the Grood-Suntay floating axis [deg, + valgus].

    The angle between the femur's flexion axis e1 and the tibia's long axis e3 is
    90 deg minus the ab/adduction [GroodSuntay1983]. Dot products survive mirroring, so
    the same formula serves both sides.
    """
    dot = femur_x[0] * tibia_z[0] + femur_x[1] * tibia_z[1] + femur_x[2] * tibia_z[2]
    return -nx.arcsind(nx.clip(dot, -1.0, 1.0))


def alignment(points, lateral, plateau_width_mm):
    """Frontal-plane alignment measures of one pose: HKA, aTFA, FPPA, Grood-Suntay knee
    abduction, load-axis shift, WBL ratio and Q-angle (names with units, + = valgus).

    ``points`` maps landmark and axis names (:data:`biomech.kinematics.chain.POINTS`,
    ``AXES``) to ``(x, y, z)``.
    """
    hip, knee, ankle = points["hip_center"], points["knee_center"], points["ankle_center"]
    shift = load_axis_shift_mm(hip, knee, ankle, lateral)
    return {
        "hka_deg": frontal_angle_deg(hip, knee, ankle, lateral),
        "atfa_deg": frontal_angle_deg(points["femoral_shaft_top"], knee, ankle, lateral),
        "fppa_deg": frontal_angle_deg(points["asis"], knee, ankle, lateral),
        "knee_abduction_deg": grood_suntay_abduction_deg(points["femur_x"], points["tibia_z"]),
        "load_axis_shift_mm": shift,
        "wbl_ratio_pct": wbl_ratio_pct(shift, plateau_width_mm),
        "q_angle_deg": frontal_angle_deg(points["asis"], points["patella"], points["tibial_tubercle"], lateral),
    }


def knee_over_foot(points, lateral):
    """Where the knee is over the planted foot (the form advice of squats and lunges):
    ``knee_ahead_of_ankle_mm`` (knee centre ahead of the ankle centre, + forward; 0 =
    "knee above the ankle") and ``knee_medial_of_foot_line_mm`` (knee centre inside the
    line along the foot, seen from above; 0 = "knee in line with the toes"). The foot
    points where the shin faces."""
    knee, ankle, forward = points["knee_center"], points["ankle_center"], points["tibia_y"]
    dx, dy = knee[0] - ankle[0], knee[1] - ankle[1]
    length = nx.hypot(forward[0], forward[1])
    # Cross product of the foot's direction with the ankle-to-knee vector: + when the
    # knee lies to the foot's left, which is medial for the right leg.
    medial = (forward[0] * dy - forward[1] * dx) / length
    return {"knee_ahead_of_ankle_mm": dy, "knee_medial_of_foot_line_mm": lateral * medial}
