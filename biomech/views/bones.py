"""Bone shapes for drawing, generated from the person's dimensions and bone angles.

Each bone is a few smooth solids ("parts") in the bone's own frame: a part is a loft, a
row of elliptical cross-sections along a path (an ellipsoid is a loft whose sections
follow an ellipse). The 3-D view draws the parts as one triangle mesh; the front view
draws their outlines seen from the front, filled, like bones on a standing long-leg
radiograph. Both come from the same parts, so the two views always show the same bones.

Local frames (mm): x lateral, y forward, z up, for each leg (the left leg's frame is
the mirror image, so "lateral" is always +x):

* femur - origin at the knee centre, z along the mechanical axis to the hip centre;
* tibia - origin at the knee centre, z along the mechanical axis from the ankle centre;
* foot - origin at the heel on the sole, y along the foot;
* pelvis - origin midway between the hip centres, one half per side (x toward that side).

The distal femur's condyles sit on a line at the person's mLDFA to the femoral axis, the
tibial plateau at the MPTA to the tibial axis (:mod:`biomech.deformity`), so a
deformity is drawn where it is. Sizes are fractions of standing height, about right for
an adult (femoral head 45 mm across, plateau and condyles as the model's plateau width),
so a child is drawn in proportion. Shapes are for looks: every number a view reports
comes from the model's landmarks and angles.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..model import BODY_KEYS
from ..subject import ASIS_FORWARD_PER_PW_BELL1989, ASIS_UP_PER_PW_BELL1989

#: Points around each cross-section of the 3-D surfaces.
SIDES = 8
#: Stations of an ellipsoid (more stations, rounder ends).
ELLIPSOID_STATIONS = 5
#: Radiographic joint space at the knee, per height (about 6 mm in an adult).
JOINT_SPACE_PER_HEIGHT = 0.0036
#: Distance of the condyles' centres from the knee centre, per height.
CONDYLE_OFFSET_PER_HEIGHT = 0.0125
#: Bone groups, in drawing order; each is one filled trace of the front view.
GROUPS = ("pelvis", "femur", "tibia", "foot", "overlay")


@dataclass(frozen=True)
class Part:
    """One solid: ``centres`` (n, 3) along its path, frontal half-widths ``a`` and
    depths ``b`` (n,) [mm]; ``outline`` says how the front view draws it: "edges" (the
    sections' side points, for parts along the frontal plane) or "hull" (the convex
    hull of the surface, for parts seen end-on, like the foot); ``shear`` tilts a joint
    surface (:func:`_tilted`)."""

    centres: np.ndarray
    a: np.ndarray
    b: np.ndarray
    outline: str = "edges"
    #: Per section, z += x * shear afterwards (a tilted joint surface), or None.
    shear: np.ndarray | None = None
    #: An ellipsoid's (centre, frontal half-width, half-length, axis), for a smooth outline.
    ellipse: tuple | None = None


def loft(points, a, b, outline="edges"):
    """A part through ``points`` (n, 3) with half-widths ``a`` and depths ``b``."""
    return Part(np.asarray(points, dtype=float), np.asarray(a, dtype=float), np.asarray(b, dtype=float), outline)


def ellipsoid(centre, half_width, half_depth, half_length, axis=(0.0, 0.0, 1.0), outline="edges"):
    """An ellipsoid with semi-axes ``half_length`` along ``axis`` and ``half_width`` /
    ``half_depth`` across it, as a loft whose sections close to points at both ends."""
    angle = np.linspace(np.pi, 0.0, ELLIPSOID_STATIONS)
    along, across = np.cos(angle), np.sin(angle)
    centres = np.asarray(centre, dtype=float) + np.outer(half_length * along, axis)
    part = loft(centres, half_width * across, half_depth * across, outline)
    return Part(
        part.centres,
        part.a,
        part.b,
        outline,
        ellipse=(np.asarray(centre, dtype=float), half_width, half_length, np.asarray(axis, dtype=float)),
    )


def _sections(part):
    """Unit vectors (n, 3) across each section: ``u`` (frontal width, the local x
    direction made square to the path) and ``v`` (depth)."""
    c = part.centres
    t = np.gradient(c, axis=0) if len(c) > 1 else np.array([[0.0, 0.0, 1.0]])
    t /= np.linalg.norm(t, axis=1, keepdims=True)
    ref = np.where(np.abs(t[:, :1]) < 0.9, np.array([[1.0, 0.0, 0.0]]), np.array([[0.0, 0.0, 1.0]]))
    u = ref - np.sum(ref * t, axis=1, keepdims=True) * t
    u /= np.linalg.norm(u, axis=1, keepdims=True)
    return u, np.cross(t, u)


_CIRCLE = np.stack(
    [
        np.cos(np.linspace(0.0, 2.0 * np.pi, SIDES, endpoint=False)),
        np.sin(np.linspace(0.0, 2.0 * np.pi, SIDES, endpoint=False)),
    ],
    axis=1,
)


def rings(part):
    """Surface vertices of a part: ``SIDES`` points per section, then the two end
    centres (for the caps); shape (n * SIDES + 2, 3)."""
    u, v = _sections(part)
    ring = (
        part.centres[:, None, :]
        + part.a[:, None, None] * _CIRCLE[None, :, :1] * u[:, None, :]
        + part.b[:, None, None] * _CIRCLE[None, :, 1:] * v[:, None, :]
    )
    if part.shear is not None:
        ring[:, :, 2] += ring[:, :, 0] * part.shear[:, None]
    ends = part.centres[[0, -1]].copy()
    if part.shear is not None:
        ends[:, 2] += ends[:, 0] * part.shear[[0, -1]]
    return np.vstack([ring.reshape(-1, 3), ends])


def faces(n_sections, offset=0):
    """Triangles (i, j, k) of a part with ``n_sections`` sections whose vertices start
    at ``offset``: quads between neighbouring sections and a fan closing each end."""
    i, j, k = [], [], []
    last = n_sections - 1
    for s in range(last):
        for q in range(SIDES):
            a, b = offset + s * SIDES + q, offset + s * SIDES + (q + 1) % SIDES
            i += [a, b]
            j += [b, b + SIDES]
            k += [a + SIDES, a + SIDES]
    first_cap, last_cap = offset + n_sections * SIDES, offset + n_sections * SIDES + 1
    for q in range(SIDES):
        i += [first_cap, last_cap]
        j += [offset + (q + 1) % SIDES, offset + last * SIDES + q]
        k += [offset + q, offset + last * SIDES + (q + 1) % SIDES]
    return i, j, k


def outline(part):
    """The part's outline seen from the front: closed (m, 3) points in its frame
    (y = 0), counter-clockwise in x-z."""
    if part.outline == "hull":
        points = rings(part)[:-2][:, [0, 2]]
        poly = _convex_hull(points)
    elif part.ellipse is not None and abs(part.ellipse[3][1]) < 0.5:
        centre, half_width, half_length, axis = part.ellipse
        t = np.linspace(0.0, 2.0 * np.pi, OUTLINE_POINTS, endpoint=False)
        across = np.array([axis[2], 0.0, -axis[0]]) / max(np.hypot(axis[0], axis[2]), 1e-12)
        pts = centre + np.outer(half_width * np.cos(t), across) + np.outer(half_length * np.sin(t), axis)
        if part.shear is not None:
            pts[:, 2] += pts[:, 0] * np.interp(pts[:, 2], part.centres[:, 2], part.shear)
        poly = pts[:, [0, 2]]
    else:
        u, _ = _sections(part)
        side = part.a[:, None] * u
        right, left = _smooth(part.centres + side), _smooth(part.centres - side)
        if part.shear is not None:
            shear = _smooth(np.column_stack([part.shear] * 3))[:, 0]
            right[:, 2] += right[:, 0] * shear
            left[:, 2] += left[:, 0] * shear
        poly = np.vstack([right, left[::-1]])[:, [0, 2]]
    if _signed_area(poly) < 0.0:
        poly = poly[::-1]
    closed = np.vstack([poly, poly[:1]])
    return np.column_stack([closed[:, 0], np.zeros(len(closed)), closed[:, 1]])


#: Points of an ellipsoid's outline, and outline points per loft section (smoothing).
OUTLINE_POINTS = 20
SMOOTHING = 3


def _smooth(points):
    """``points`` (n, 3) with :data:`SMOOTHING` - 1 more points between each pair, on a
    Catmull-Rom curve through them (a smooth outline from a few sections)."""
    n = len(points)
    if n < 3:
        return points
    p = np.vstack([2 * points[0] - points[1], points, 2 * points[-1] - points[-2]])
    t = np.linspace(0.0, 1.0, SMOOTHING, endpoint=False)[:, None]
    t2, t3 = t * t, t * t * t
    out = []
    for i in range(1, n):
        p0, p1, p2, p3 = p[i - 1], p[i], p[i + 1], p[i + 2]
        out.append(
            0.5 * (2 * p1 + (p2 - p0) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2 + (3 * p1 - p0 - 3 * p2 + p3) * t3)
        )
    return np.vstack(out + [points[-1:]])


def _signed_area(poly):
    x, z = poly[:, 0], poly[:, 1]
    return 0.5 * float(np.dot(x, np.roll(z, -1)) - np.dot(z, np.roll(x, -1)))


def _convex_hull(points):
    """Convex hull (counter-clockwise) of 2-D points, Andrew's monotone chain."""
    pts = points[np.lexsort((points[:, 1], points[:, 0]))]

    def half(seq):
        out = []
        for p in seq:
            while (
                len(out) >= 2
                and ((out[-1][0] - out[-2][0]) * (p[1] - out[-2][1]) - (out[-1][1] - out[-2][1]) * (p[0] - out[-2][0]))
                <= 0.0
            ):
                out.pop()
            out.append(p)
        return out

    lower, upper = half(pts), half(pts[::-1])
    return np.array(lower[:-1] + upper[:-1])


# --- the bones ---------------------------------------------------------------------------


def femur(d, mldfa_deg):
    """Parts of the femur (head, neck, trochanters, shaft, metaphysis, condyles)."""
    H, L = d["height_mm"], d["thigh_mm"]
    ama = np.radians(d["ama_deg"])
    axis = np.array([np.sin(ama), 0.0, np.cos(ama)])  # the shaft, from the knee centre up
    head = np.array([0.0, 0.0, L])
    r_head = 0.0135 * H
    # The neck meets the shaft axis at a neck-shaft angle of 130 deg.
    offset = L * np.sin(ama)
    s_neck = L * np.cos(ama) - offset / np.tan(np.radians(50.0))
    neck_base = s_neck * axis
    lateral = np.array([1.0, 0.0, 0.0])
    forward = np.array([0.0, 1.0, 0.0])
    shaft_s = np.array([s_neck + 0.012 * H, s_neck - 0.05 * H, 0.5 * L, 0.16 * H, 0.10 * H])
    shaft_a = np.array([0.0112, 0.0095, 0.0085, 0.0088, 0.0102]) * H
    theta = np.radians(90.0 - mldfa_deg)  # the condyles' line rises laterally by this much
    gap = 0.5 * JOINT_SPACE_PER_HEIGHT * H
    cx = CONDYLE_OFFSET_PER_HEIGHT * H
    r_up = 0.0120 * H

    def condyle(x):
        return ellipsoid((x, -0.002 * H, gap + x * np.tan(theta) + r_up), 0.0105 * H, 0.021 * H, r_up)

    metaphysis_z = np.array([0.115, 0.075, 0.050, 0.034, 0.022]) * H
    metaphysis_x = metaphysis_z * np.tan(ama) * np.array([1.0, 0.8, 0.5, 0.25, 0.0])
    return [
        ellipsoid(head, r_head, r_head, r_head),
        loft(
            [head, 0.5 * (head + neck_base), neck_base],
            [0.0095 * H, 0.0080 * H, 0.0105 * H],
            [0.0085 * H, 0.0072 * H, 0.0095 * H],
        ),
        ellipsoid(neck_base + 0.0105 * H * lateral + 0.006 * H * axis, 0.0105 * H, 0.0120 * H, 0.019 * H, axis),
        ellipsoid(
            neck_base - 0.036 * H * axis - 0.0095 * H * lateral - 0.004 * H * forward,
            0.0055 * H,
            0.0055 * H,
            0.0075 * H,
            axis,
        ),
        loft(np.outer(shaft_s, axis), shaft_a, shaft_a * 0.95),
        loft(
            np.column_stack([metaphysis_x, np.zeros(5), metaphysis_z]),
            np.array([0.0100, 0.0135, 0.0185, 0.0220, 0.0235]) * H,
            np.array([0.0100, 0.0120, 0.0150, 0.0175, 0.0185]) * H,
        ),
        condyle(-cx),
        condyle(cx),
    ]


def patella(d):
    """The kneecap, in the femur's frame (in front of the distal femur)."""
    H = d["height_mm"]
    return [ellipsoid((0.004 * H, d["patella_ap_mm"], 0.028 * H), 0.0125 * H, 0.0065 * H, 0.0155 * H)]


def tibia(d, mpta_deg):
    """Parts of the tibia (plateau and metaphysis, spines, shaft, plafond, medial
    malleolus) and the talus below it."""
    H, L = d["height_mm"], d["shank_mm"]
    half_plateau = 0.5 * d["plateau_width_mm"]
    top = -0.5 * JOINT_SPACE_PER_HEIGHT * H
    depth = np.array([0.0, 0.010, 0.025, 0.045, 0.070, 0.100]) * H
    proximal = loft(
        np.column_stack([np.zeros(6), np.zeros(6), top - depth]),
        np.array([half_plateau, half_plateau, 0.85 * half_plateau, 0.6 * half_plateau, 0.0115 * H, 0.0093 * H]),
        np.array([0.0160, 0.0170, 0.0160, 0.0135, 0.0110, 0.0093]) * H,
    )
    proximal = _tilted(proximal, np.radians(90.0 - mpta_deg), top, 0.045 * H)
    spine_z = top + 0.0025 * H
    distal_up = np.array([0.080, 0.035, 0.012, 0.007]) * H
    return [
        proximal,
        *(
            _tilted(
                ellipsoid((x, 0.0, spine_z), 0.0028 * H, 0.0040 * H, 0.0035 * H),
                np.radians(90.0 - mpta_deg),
                top,
                0.045 * H,
            )
            for x in (-0.0045 * H, 0.0045 * H)
        ),
        loft(
            [(0.0, 0.0, top - 0.09 * H), (0.0, 0.0, -0.5 * L), (0.0, 0.0, -L + 0.07 * H)],
            np.array([0.0092, 0.0076, 0.0079]) * H,
            np.array([0.0095, 0.0080, 0.0082]) * H,
        ),
        loft(
            np.column_stack([np.zeros(4), np.zeros(4), -L + distal_up]),
            np.array([0.0080, 0.0115, 0.0150, 0.0150]) * H,
            np.array([0.0085, 0.0120, 0.0155, 0.0155]) * H,
        ),
        ellipsoid((-0.0125 * H, 0.002 * H, -L - 0.002 * H), 0.0045 * H, 0.0080 * H, 0.0110 * H),
        ellipsoid((0.0, 0.004 * H, -L - 0.004 * H), 0.0145 * H, 0.0190 * H, 0.0095 * H),
    ]


def fibula(d):
    """The fibula, in the tibia's frame (drawn over the tibia's lateral edge): its head
    tucked under the lateral plateau, its malleolus reaching lower than the medial one."""
    H, L = d["height_mm"], d["shank_mm"]
    return [
        ellipsoid((0.0235 * H, -0.004 * H, -0.021 * H), 0.0080 * H, 0.0085 * H, 0.0105 * H),
        loft(
            [
                (0.0230 * H, -0.004 * H, -0.028 * H),
                (0.0200 * H, -0.002 * H, -0.5 * L),
                (0.0170 * H, -0.002 * H, -L + 0.012 * H),
            ],
            np.array([0.0042, 0.0033, 0.0048]) * H,
            np.array([0.0045, 0.0036, 0.0050]) * H,
        ),
        ellipsoid((0.0165 * H, -0.003 * H, -L - 0.004 * H), 0.0055 * H, 0.0090 * H, 0.016 * H),
    ]


def foot(d):
    """Parts of the foot skeleton (calcaneus, midfoot, metatarsals, toes), in the foot's
    frame: origin at the heel on the sole, y toward the toes."""
    H, F = d["height_mm"], d["foot_length_mm"]
    along = (0.0, 1.0, 0.0)
    mid_y = np.array([0.30, 0.45, 0.60]) * F
    fore_y = np.array([0.60, 0.76, 0.92]) * F
    return [
        ellipsoid((0.002 * H, 0.15 * F, 0.020 * H), 0.0115 * H, 0.0160 * H, 0.15 * F, along, "hull"),
        loft(
            np.column_stack([np.zeros(3), mid_y, np.array([0.026, 0.022, 0.017]) * H]),
            np.array([0.016, 0.019, 0.022]) * H,
            np.array([0.012, 0.011, 0.009]) * H,
            "hull",
        ),
        loft(
            np.column_stack([np.full(3, -0.003 * H), fore_y, np.array([0.016, 0.011, 0.007]) * H]),
            np.array([0.0235, 0.025, 0.026]) * H,
            np.array([0.008, 0.006, 0.005]) * H,
            "hull",
        ),
        ellipsoid((-0.004 * H, 0.955 * F, 0.005 * H), 0.024 * H, 0.0045 * H, 0.045 * F, along, "hull"),
    ]


def pelvis_half(d):
    """One half of the pelvis (ilium, acetabulum and ischium, pubic rami), x toward that
    side; the hole between the rami is the obturator foramen."""
    H, h = d["height_mm"], d["hip_half_mm"]
    asis_x, asis_z = d["asis_half_mm"], d["asis_up_mm"]
    sacroiliac = 0.45 * h
    # Ilium: lateral and medial edges at each height, from the acetabular roof over the
    # inferior and superior iliac spines to the crest, whose top lies about 2 % of height
    # above the ASIS.
    z = np.array(
        [
            0.008 * H,
            0.022 * H,
            0.036 * H,
            asis_z,
            asis_z + 0.008 * H,
            asis_z + 0.015 * H,
            asis_z + 0.020 * H,
            asis_z + 0.023 * H,
        ]
    )
    lateral = np.array(
        [
            1.18 * h,
            1.22 * h,
            1.24 * h,
            asis_x,
            asis_x + 0.006 * H,
            asis_x + 0.003 * H,
            asis_x - 0.008 * H,
            asis_x - 0.025 * H,
        ]
    )
    medial = np.array([0.74 * h, 0.62 * h, 0.52 * h, sacroiliac, 0.43 * h, 0.45 * h, 0.52 * h, 0.62 * h])
    return [
        loft(
            np.column_stack([0.5 * (lateral + medial), np.zeros(8), z]),
            0.5 * (lateral - medial),
            np.array([0.020, 0.016, 0.013, 0.012, 0.010, 0.009, 0.007, 0.004]) * H,
        ),
        loft(
            [
                (0.96 * h, 0.0, 0.012 * H),
                (0.93 * h, 0.0, -0.025 * H),
                (0.80 * h, 0.0, -0.050 * H),
                (0.68 * h, 0.0, -0.066 * H),
            ],
            np.array([0.21 * h, 0.16 * h, 0.12 * h, 0.10 * h]),
            np.array([0.022, 0.018, 0.014, 0.012]) * H,
        ),
        loft(
            [(0.76 * h, 0.01 * H, -0.012 * H), (0.40 * h, 0.012 * H, -0.024 * H), (0.08 * h, 0.012 * H, -0.036 * H)],
            np.array([0.011, 0.009, 0.010]) * H,
            np.array([0.010, 0.008, 0.009]) * H,
        ),
        loft(
            [(0.08 * h, 0.010 * H, -0.056 * H), (0.35 * h, 0.004 * H, -0.064 * H), (0.66 * h, 0.0, -0.070 * H)],
            np.array([0.008, 0.007, 0.009]) * H,
            np.array([0.008, 0.007, 0.010]) * H,
        ),
        ellipsoid((0.09 * h, 0.012 * H, -0.046 * H), 0.09 * h, 0.010 * H, 0.014 * H),
    ]


def sacrum(d):
    """The sacrum and coccyx, centred between the hips (frame of the pelvis)."""
    H, h = d["height_mm"], d["hip_half_mm"]
    top = d["asis_up_mm"] + 0.004 * H
    z = np.array([top, 0.030 * H, 0.0, -0.020 * H, -0.034 * H])
    return [
        loft(
            np.column_stack([np.zeros(5), np.full(5, -0.05 * H), z]),
            np.array([0.60, 0.50, 0.33, 0.16, 0.04]) * h,
            np.array([0.020, 0.018, 0.014, 0.010, 0.006]) * H,
        )
    ]


def _tilted(part, angle_rad, top_z, depth):
    """``part`` sheared so that its level top rises laterally by ``angle_rad``, the
    shear fading out ``depth`` below ``top_z``: a joint surface at an angle to the bone's
    axis (points move by x tan(angle) in z)."""
    weight = np.clip(1.0 - (top_z - part.centres[:, 2]) / depth, 0.0, 1.0)
    return Part(part.centres, part.a, part.b, part.outline, np.tan(angle_rad) * weight, part.ellipse)


# --- placing the bones -------------------------------------------------------------------

#: Each bone: the function that makes its parts, the frame it sits in, its front-view group.
BONES = {
    "pelvis_half": ("pelvis", "pelvis"),
    "sacrum": ("pelvis", "pelvis"),
    "femur": ("femur", "femur"),
    "patella": ("femur", "overlay"),
    "tibia": ("tibia", "tibia"),
    "fibula": ("tibia", "overlay"),
    "foot": ("foot", "foot"),
}
#: Bones placed in a pose, in mesh order: (bone, side or None).
PLACED = (
    ("pelvis_half", "right"),
    ("pelvis_half", "left"),
    ("sacrum", None),
    *((bone, side) for side in ("right", "left") for bone in ("femur", "patella", "tibia", "fibula", "foot")),
)


def _parts(bone, d, mldfa_deg, mpta_deg):
    if bone == "femur":
        return femur(d, mldfa_deg)
    if bone == "tibia":
        return tibia(d, mpta_deg)
    return {"pelvis_half": pelvis_half, "sacrum": sacrum, "patella": patella, "fibula": fibula, "foot": foot}[bone](d)


@dataclass(frozen=True)
class Shape:
    """One bone in its own frame: surface ``vertices`` (n, 3), front-view ``outline``
    (m, 3; polygons separated by NaN rows) and the section count of each part."""

    vertices: np.ndarray
    outline: np.ndarray
    sections: tuple


@lru_cache(maxsize=64)
def shapes(body, mldfa_deg, mpta_deg):
    """Every bone's :class:`Shape` for a body (a tuple of (key, value) pairs of
    :data:`BODY_KEYS`) and bone angles [deg]; cached, since a pose changes where the
    bones are, not their shape."""
    d = dict(body)
    out = {}
    for bone in BONES:
        parts = _parts(bone, d, mldfa_deg, mpta_deg)
        gap = np.full((1, 3), np.nan)
        outlines = [piece for p in parts for piece in (outline(p), gap)][:-1]
        out[bone] = Shape(
            np.vstack([rings(p) for p in parts]), np.vstack(outlines), tuple(len(p.centres) for p in parts)
        )
    return out


def body_key(pose):
    """The hashable body description :func:`shapes` takes, from :func:`biomech.pose`."""
    return tuple((k, round(float(pose["body"][k]), 3)) for k in BODY_KEYS)


def _unit(v):
    return v / np.linalg.norm(v)


def frames(pose):
    """Each placed bone's frame as ``(origin, M)``: a local point p goes to
    ``origin + p @ M`` (rows of M: lateral, forward and up directions in the ground frame)."""
    up = np.array([0.0, 0.0, 1.0])
    right, left = pose["right"], pose["left"]
    mid = 0.5 * (right["hip_center"] + left["hip_center"])
    across = _unit(right["hip_center"] - left["hip_center"])
    m = 0.5 * (right["asis"] + left["asis"]) - mid
    ay, az = ASIS_FORWARD_PER_PW_BELL1989, ASIS_UP_PER_PW_BELL1989
    forward = _unit(ay * m - az * np.cross(across, m))
    pelvis_up = np.cross(across, forward)
    out = {
        ("pelvis_half", "right"): (mid, np.array([across, forward, pelvis_up])),
        ("pelvis_half", "left"): (mid, np.array([-across, forward, pelvis_up])),
        ("sacrum", None): (mid, np.array([across, forward, pelvis_up])),
    }
    for side, leg in (("right", right), ("left", left)):
        s = 1.0 if side == "right" else -1.0
        knee = leg["knee_center"]
        f_up = _unit(leg["hip_center"] - knee)
        f_lat = _unit(leg["femur_x"] - np.dot(leg["femur_x"], f_up) * f_up)
        femur_frame = (knee, np.array([f_lat, s * np.cross(f_up, f_lat), f_up]))
        t_up = _unit(knee - leg["ankle_center"])
        t_fwd = _unit(leg["tibia_y"] - np.dot(leg["tibia_y"], t_up) * t_up)
        tibia_frame = (knee, np.array([s * np.cross(t_fwd, t_up), t_fwd, t_up]))
        toe_dir = _unit(leg["toe"] - leg["heel"])
        foot_lat = s * _unit(np.cross(toe_dir, up))
        foot_frame = (leg["heel"], np.array([foot_lat, toe_dir, s * np.cross(foot_lat, toe_dir)]))
        out.update(
            {
                ("femur", side): femur_frame,
                ("patella", side): femur_frame,
                ("tibia", side): tibia_frame,
                ("fibula", side): tibia_frame,
                ("foot", side): foot_frame,
            }
        )
    return out


def _angles(pose):
    result = pose["result"]
    return float(result.mldfa_deg), float(result.mpta_deg)


def mesh_vertices(pose):
    """The surface vertices (n, 3) [mm] of every bone of a pose, in :data:`PLACED` order."""
    local = shapes(body_key(pose), *_angles(pose))
    placed = frames(pose)
    return np.vstack([placed[key][0] + local[key[0]].vertices @ placed[key][1] for key in PLACED])


@lru_cache(maxsize=1)
def mesh_faces():
    """Triangle indices (i, j, k) of :func:`mesh_vertices` (the same for every body)."""
    typical = {
        "height_mm": 1650.0,
        "thigh_mm": 404.0,
        "shank_mm": 406.0,
        "hip_half_mm": 90.0,
        "asis_half_mm": 125.0,
        "asis_up_mm": 75.0,
        "plateau_width_mm": 69.0,
        "foot_length_mm": 251.0,
        "patella_ap_mm": 50.0,
        "ama_deg": 5.4,
    }
    local = shapes(tuple(typical.items()), 87.5, 87.5)
    i, j, k = [], [], []
    offset = 0
    for bone, _ in PLACED:
        for n in local[bone].sections:
            fi, fj, fk = faces(n, offset)
            i += fi
            j += fj
            k += fk
            offset += n * SIDES + 2
    return i, j, k


def outlines(pose, groups=GROUPS):
    """Front-view outlines of a pose by group: ``{group: (x, z)}``, arrays [mm] with NaN
    between polygons (a gap in a plotly trace); the person's x, height above the floor."""
    local = shapes(body_key(pose), *_angles(pose))
    placed = frames(pose)
    gap = np.full((1, 3), np.nan)
    out = {}
    for group in groups:
        pieces = []
        for key in PLACED:
            if BONES[key[0]][1] == group:
                origin, m = placed[key]
                pieces += [origin + local[key[0]].outline @ m, gap]
        world = np.vstack(pieces[:-1]) if pieces else np.empty((0, 3))
        out[group] = (np.round(world[:, 0], 1), np.round(world[:, 2], 1))
    return out


def joint_lines(pose, side):
    """The two joint lines of one knee [mm, ground frame]: ``femoral`` along the bottom
    of the condyles (at the mLDFA to the femoral axis) and ``tibial`` across the plateau
    (at the MPTA to the tibial axis), each as (medial end, lateral end)."""
    d = dict(body_key(pose))
    mldfa, mpta = _angles(pose)
    H = d["height_mm"]
    placed = frames(pose)
    gap = 0.5 * JOINT_SPACE_PER_HEIGHT * H
    reach = CONDYLE_OFFSET_PER_HEIGHT * H + 0.0105 * H
    theta, phi = np.radians(90.0 - mldfa), np.radians(90.0 - mpta)
    half = 0.5 * d["plateau_width_mm"]
    femoral = np.array([[-reach, 0.0, gap - reach * np.tan(theta)], [reach, 0.0, gap + reach * np.tan(theta)]])
    tibial = np.array([[-half, 0.0, -gap - half * np.tan(phi)], [half, 0.0, -gap + half * np.tan(phi)]])
    (fo, fm), (to, tm) = placed[("femur", side)], placed[("tibia", side)]
    return {"femoral": fo + femoral @ fm, "tibial": to + tibial @ tm}
