"""Bone shapes for drawing: each bone is a few tapered tubes along the model's landmarks.

The shapes are for looks only; every number the views report comes from the landmarks.
Radii are fractions of standing height (about right for an adult: femoral shaft about
2.6 cm across, condyles and tibial plateau about 7 cm), so a child is drawn in proportion.
The 3-D view turns the tubes into one triangle mesh; the front view draws their outlines
as filled shapes, like bones on an X-ray.
"""
from __future__ import annotations

import numpy as np

SIDES = 10

#: (start landmark, end landmark, start radius, end radius, start fraction, end fraction)
#: Radii per height; fractions place the tube's ends along the start->end line, so the
#: femur's condyles and the tibial plateau stop just short of the knee centre.
LEG_TUBES = (
    ("hip_center", "femoral_shaft_top", 0.0085, 0.0095, 0.0, 1.0),     # femoral neck
    ("femoral_shaft_top", "knee_center", 0.0095, 0.0080, 0.0, 0.72),   # femoral shaft
    ("femoral_shaft_top", "knee_center", 0.0080, 0.0200, 0.72, 0.985),  # flare to the condyles
    ("knee_center", "ankle_center", 0.0200, 0.0085, 0.015, 0.22),      # tibial plateau to shaft
    ("knee_center", "ankle_center", 0.0085, 0.0080, 0.22, 0.90),       # tibial shaft
    ("knee_center", "ankle_center", 0.0080, 0.0120, 0.90, 1.0),        # malleoli
    ("ankle_center", "heel", 0.0110, 0.0110, 0.0, 1.0),                # hindfoot
    ("heel", "toe", 0.0120, 0.0070, 0.0, 1.0),                         # foot
)
PELVIS_RADIUS = 0.0065


def leg_tubes(leg, height_mm):
    """(start point, end point, start radius, end radius) [mm] of one leg's tubes."""
    out = []
    for a, b, r0, r1, f0, f1 in LEG_TUBES:
        p, q = leg[a], leg[b]
        out.append((p + f0 * (q - p), p + f1 * (q - p), r0 * height_mm, r1 * height_mm))
    return out


def pelvis_tubes(pose, height_mm):
    """Tubes of the pelvic ring: ASIS to hip centre on each side, and across."""
    r, l = pose["right"], pose["left"]
    ring = [r["asis"], r["hip_center"], l["hip_center"], l["asis"], r["asis"]]
    radius = PELVIS_RADIUS * height_mm
    return [(p, q, radius, radius) for p, q in zip(ring[:-1], ring[1:])]


def all_tubes(pose):
    """Every tube of a pose: pelvis, right leg, left leg (a fixed count and order)."""
    height_mm = pose["result"].inputs["height_m"] * 1000.0
    return pelvis_tubes(pose, height_mm) + leg_tubes(pose["right"], height_mm) + leg_tubes(pose["left"], height_mm)


def _frame(axis):
    """Two unit vectors perpendicular to ``axis`` and to each other."""
    ax, ay, az = axis
    # axis x (1, 0, 0), or axis x (0, 1, 0) when the axis is nearly along x.
    u = np.array([0.0, az, -ay]) if abs(ax) < 0.9 else np.array([-az, 0.0, ax])
    u /= np.sqrt(u @ u)
    return u, np.array([ay * u[2] - az * u[1], az * u[0] - ax * u[2], ax * u[1] - ay * u[0]])


def mesh_vertices(tubes):
    """Vertices (n, 3) [mm] of all tubes as rings of :data:`SIDES` points at each end."""
    angles = np.linspace(0.0, 2.0 * np.pi, SIDES, endpoint=False)
    circle = np.stack([np.cos(angles), np.sin(angles)], axis=1)
    blocks = []
    for p, q, r0, r1 in tubes:
        length = np.linalg.norm(q - p)
        axis = (q - p) / length if length > 1e-9 else np.array([0.0, 0.0, 1.0])
        u, v = _frame(axis)
        ring = circle[:, :1] * u + circle[:, 1:] * v
        blocks.append(np.vstack([p + r0 * ring, q + r1 * ring]))
    return np.vstack(blocks)


def mesh_faces(n_tubes):
    """Triangle indices (i, j, k) of ``n_tubes`` tubes (the topology never changes)."""
    i, j, k = [], [], []
    for t in range(n_tubes):
        base = 2 * SIDES * t
        for s in range(SIDES):
            a, b = base + s, base + (s + 1) % SIDES
            c, d = a + SIDES, b + SIDES
            i += [a, b]
            j += [b, d]
            k += [c, c]
    return i, j, k


def outlines(tubes):
    """Outline of each tube seen from the front (projected on the x-z plane): a closed
    quadrilateral around the projected axis, as point lists for :func:`traces.polyline`."""
    shapes = []
    for p, q, r0, r1 in tubes:
        d = np.array([q[0] - p[0], q[2] - p[2]])
        norm = np.hypot(*d)
        n = np.array([-d[1], d[0]]) / norm if norm > 1e-9 else np.array([1.0, 0.0])
        corners = [p[[0, 2]] + r0 * n, q[[0, 2]] + r1 * n, q[[0, 2]] - r1 * n, p[[0, 2]] - r0 * n]
        shapes.append([np.array([c[0], 0.0, c[1]]) for c in corners + corners[:1]])
    return shapes
