"""Clinical measures computed from landmark positions (frontal-plane projections and
the Grood-Suntay joint coordinate system).

Positions are ``(x, y, z)`` tuples of arrays in the ground frame; ``lateral`` is +1 for
the right limb and -1 for the left. Sign conventions: :mod:`biomech.conventions`.
"""
from __future__ import annotations

import numpy as np


def frontal_angle_deg(proximal, middle, distal, lateral):
    """Angle at ``middle`` between the proximal and distal segments, projected on the
    frontal (x-z) plane, as a front camera or a standing radiograph sees it [deg].

    + = valgus: the middle point lies medial of the proximal-distal line.
    """
    ux, uz = middle[0] - proximal[0], middle[2] - proximal[2]
    vx, vz = distal[0] - middle[0], distal[2] - middle[2]
    return lateral * np.degrees(np.arctan2(ux * vz - uz * vx, ux * vx + uz * vz))


def load_axis_shift_mm(hip, knee, ankle, lateral):
    """Where the hip-ankle load line crosses the knee's height, relative to the knee
    centre, in the frontal plane [mm]; + = lateral of the knee centre (valgus side).

    This is the mechanical axis deviation (MAD) with the sign turned so that valgus is
    positive (Paley's normal MAD, 8 +- 7 mm medial, is -8 +- 7 mm here).
    """
    t = (knee[2] - hip[2]) / (ankle[2] - hip[2])
    x_line = hip[0] + t * (ankle[0] - hip[0])
    return lateral * (x_line - knee[0])


def wbl_ratio_pct(shift_mm, plateau_width_mm):
    """Weight-bearing-line ratio [% of plateau width, 0 = medial edge, 100 = lateral]."""
    return 50.0 + 100.0 * shift_mm / plateau_width_mm


def grood_suntay_abduction_deg(femur_x, tibia_z):
    """Knee ab/adduction about the Grood-Suntay floating axis [deg, + valgus].

    The angle between the femur's flexion axis e1 and the tibia's long axis e3 is
    90 deg minus the ab/adduction (Grood & Suntay 1983). Dot products survive mirroring,
    so the same formula serves both sides.
    """
    dot = femur_x[0] * tibia_z[0] + femur_x[1] * tibia_z[1] + femur_x[2] * tibia_z[2]
    return -np.degrees(np.arcsin(np.clip(dot, -1.0, 1.0)))
