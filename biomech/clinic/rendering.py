"""A front-camera frame of a patient's single-leg squat, drawn from the model as an SVG.

The person is :func:`biomech.pose` of the patient in the single-leg squat (right leg
standing, knee at :data:`~biomech.clinic.examinations.FPPA_KNEE_FLEXION_DEG`), projected
on the frontal plane as a camera in front sees it: the person's right on the viewer's
left. Limbs are tapered shapes around the model's segments, with shorts, shirt and arms
(hands on the hips, as squat protocols ask).

Three skin markers sit on the standing leg, as in 2-D video protocols [Munro2012]: over
the ASIS, the centre of the knee and the centre of the ankle. A marker is stuck on skin
by palpation, so it lies a little off the bony point: each is offset by a random few
millimetres in the image plane (SD :data:`MARKER_OFFSET_SD_MM`, a teaching assumption),
kept small enough that clicking the three markers exactly gives the model's FPPA within
:data:`MAX_MARKER_EFFECT_DEG`.

Drawn with numpy and text only (no image library); the SVG is shown from memory.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ..model import pose
from .examinations import task_inputs
from .measurement import data_url, fppa_from_points

#: Frame size [px].
WIDTH_PX, HEIGHT_PX = 420, 620
#: Spread of a skin marker around its bony point, in the image plane [mm] (teaching
#: assumption: palpation puts a marker within a few millimetres).
MARKER_OFFSET_SD_MM = 1.5
#: Largest change of the FPPA the marker offsets may cause [deg].
MAX_MARKER_EFFECT_DEG = 0.6
MARKERS = ("asis", "knee_center", "ankle_center")
MARKER_LABELS = {"asis": "ASIS", "knee_center": "knee centre", "ankle_center": "ankle centre"}

SKIN, SKIN_DARK = "#e3b48f", "#c98f6b"
SHORTS, SHIRT, SHOE = "#2f4b7c", "#6a9fb5", "#3a3a3a"
WALL, FLOOR = "#eef1f4", "#cfd6dd"


@dataclass(frozen=True)
class Frame:
    """One rendered frame: the SVG text, its size [px], where each skin marker and each
    bony landmark of the standing leg is drawn [px], and the model's FPPA [deg]."""

    svg: str
    width: int
    height: int
    markers: dict
    landmarks: dict
    fppa_deg: float

    @cached_property
    def src(self):
        """The frame as a ``data:`` URL for an ``<img>``."""
        return data_url(self.svg.encode("utf-8"), "image/svg+xml")

    def marker_fppa(self):
        """FPPA [deg] of the three markers exactly where they are drawn."""
        return fppa_from_points(*(self.markers[m] for m in MARKERS), side="right")


class _Camera:
    """World (x to the person's right, z up) [mm] -> image (u right, v down) [px]."""

    def __init__(self, centre_x_mm, top_mm):
        self.scale = (HEIGHT_PX - 70.0) / top_mm
        self.centre_x = centre_x_mm
        self.floor_v = HEIGHT_PX - 30.0

    def __call__(self, point):
        return (WIDTH_PX / 2.0 - self.scale * (point[0] - self.centre_x), self.floor_v - self.scale * point[2])


def _fmt(points):
    return " ".join(f"{u:.1f},{v:.1f}" for u, v in points)


def _limb(a, b, width_a, width_b, colour):
    """A tapered segment from image point ``a`` to ``b`` with rounded ends [px]."""
    (ua, va), (ub, vb) = a, b
    length = math.hypot(ub - ua, vb - va) or 1.0
    nu, nv = -(vb - va) / length, (ub - ua) / length
    quad = [
        (ua + nu * width_a / 2, va + nv * width_a / 2),
        (ub + nu * width_b / 2, vb + nv * width_b / 2),
        (ub - nu * width_b / 2, vb - nv * width_b / 2),
        (ua - nu * width_a / 2, va - nv * width_a / 2),
    ]
    return (
        f'<polygon points="{_fmt(quad)}" fill="{colour}"/>'
        f'<circle cx="{ua:.1f}" cy="{va:.1f}" r="{width_a / 2:.1f}" fill="{colour}"/>'
        f'<circle cx="{ub:.1f}" cy="{vb:.1f}" r="{width_b / 2:.1f}" fill="{colour}"/>'
    )


def _marker_offsets(rng, legs, camera):
    """Random skin offsets [mm] of the three markers, scaled down if they would move the
    FPPA by more than :data:`MAX_MARKER_EFFECT_DEG`."""
    offsets = {
        m: np.array([rng.normal(0, MARKER_OFFSET_SD_MM), 0.0, rng.normal(0, MARKER_OFFSET_SD_MM)]) for m in MARKERS
    }
    true = fppa_from_points(*(camera(legs[m]) for m in MARKERS))
    moved = fppa_from_points(*(camera(legs[m] + offsets[m]) for m in MARKERS))
    effect = abs(moved - true)
    if effect > MAX_MARKER_EFFECT_DEG:
        offsets = {m: o * MAX_MARKER_EFFECT_DEG / effect * 0.99 for m, o in offsets.items()}
    return offsets


def render_squat(inputs, seed=0):
    """The :class:`Frame` of the patient of ``inputs`` in the single-leg squat; ``seed``
    draws the skin-marker offsets (same seed, same frame)."""
    p = pose(**task_inputs(inputs, "single_leg_squat"))
    result, right, left, trunk = p["result"], p["right"], p["left"], p["trunk"]
    height_mm = inputs["height_m"] * 1000.0
    bulk = math.sqrt(max(inputs["mass_kg"] / inputs["height_m"] ** 2, 12.0) / 22.0)  # wider limbs with a higher BMI
    head_r = 0.062 * height_mm
    top = trunk["shoulders"][2] + 0.07 * height_mm + 2.2 * head_r
    camera = _Camera(trunk["pelvis_centre"][0], top)
    s = camera.scale

    def w(fraction):
        return fraction * height_mm * s * bulk

    def limbs(leg, foot_colour=SHOE):
        hip, knee, ankle = (camera(leg[k]) for k in ("hip_center", "knee_center", "ankle_center"))
        heel, toe = camera(leg["heel"]), camera(leg["toe"])
        parts = [
            _limb(hip, knee, w(0.085), w(0.058), SKIN),
            _limb(knee, ankle, w(0.056), w(0.034), SKIN),
            _limb(heel, toe, w(0.04), w(0.05), foot_colour),
        ]
        return "".join(parts), hip, knee

    back, *_ = limbs(left)
    front, hip_r, knee_r = limbs(right)
    sh_r, sh_l = camera(trunk["shoulder_right"]), camera(trunk["shoulder_left"])
    hip_l = camera(left["hip_center"])
    waist_w = w(0.05)
    torso = [
        (sh_r[0] - w(0.02), sh_r[1]),
        (sh_l[0] + w(0.02), sh_l[1]),
        (hip_l[0] + waist_w, hip_l[1] - w(0.03)),
        (hip_r[0] - waist_w, hip_r[1] - w(0.03)),
    ]
    # Shorts: the pelvis and the top third of each thigh.
    knee_l = camera(left["knee_center"])
    third = [tuple(h + (k - h) / 3.0 for h, k in zip(hip, knee)) for hip, knee in ((hip_r, knee_r), (hip_l, knee_l))]
    shorts = [
        _limb(hip_r, third[0], w(0.095), w(0.08), SHORTS),
        _limb(hip_l, third[1], w(0.095), w(0.08), SHORTS),
        f'<polygon points="{_fmt([torso[3], torso[2], hip_l, hip_r])}" fill="{SHORTS}"/>',
    ]
    neck = ((sh_r[0] + sh_l[0]) / 2.0, (sh_r[1] + sh_l[1]) / 2.0)
    lean = math.atan2(neck[0] - (hip_r[0] + hip_l[0]) / 2.0, (hip_r[1] + hip_l[1]) / 2.0 - neck[1])
    head = (
        neck[0] + math.sin(lean) * (0.07 * height_mm * s + head_r * s),
        neck[1] - math.cos(lean) * (0.07 * height_mm * s + head_r * s),
    )
    arms = []
    for shoulder, hip, out in ((sh_r, hip_r, -1.0), (sh_l, hip_l, 1.0)):
        elbow = (shoulder[0] + out * w(0.09), shoulder[1] + w(0.13))
        hand = (hip[0] + out * w(0.06), hip[1] - w(0.06))
        arms.append(_limb(shoulder, elbow, w(0.04), w(0.032), SHIRT) + _limb(elbow, hand, w(0.032), w(0.028), SKIN))

    rng = np.random.default_rng(seed)
    offsets = _marker_offsets(rng, right, camera)
    markers = {m: camera(right[m] + offsets[m]) for m in MARKERS}
    landmarks = {m: camera(right[m]) for m in MARKERS}
    dots = "".join(
        f'<g><circle cx="{u:.2f}" cy="{v:.2f}" r="5" fill="white" stroke="#111" stroke-width="1.5"/>'
        f'<circle cx="{u:.2f}" cy="{v:.2f}" r="1.6" fill="#111"/></g>'
        for u, v in markers.values()
    )
    floor_v = camera.floor_v
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH_PX}" height="{HEIGHT_PX}" '
        f'viewBox="0 0 {WIDTH_PX} {HEIGHT_PX}" role="img" aria-label="Front view of a single-leg squat on the right '
        f'leg, with skin markers on the hip, knee and ankle">'
        f'<rect width="{WIDTH_PX}" height="{floor_v:.1f}" fill="{WALL}"/>'
        f'<rect y="{floor_v:.1f}" width="{WIDTH_PX}" height="{HEIGHT_PX - floor_v:.1f}" fill="{FLOOR}"/>'
        f'<text x="10" y="20" font-family="sans-serif" font-size="13" fill="#333">Single-leg squat, front camera</text>'
        f'<text x="10" y="38" font-family="sans-serif" font-size="12" fill="#555">'
        f"R = person's right (your left)</text>"
        f'<text x="12" y="{floor_v - 8:.0f}" font-family="sans-serif" font-size="15" font-weight="bold" '
        f'fill="#888">R</text><text x="{WIDTH_PX - 24}" y="{floor_v - 8:.0f}" font-family="sans-serif" '
        f'font-size="15" font-weight="bold" fill="#888">L</text>'
        + back
        + f'<polygon points="{_fmt(torso)}" fill="{SHIRT}"/>'
        + _limb(neck, head, w(0.045), w(0.04), SKIN)
        + f'<circle cx="{head[0]:.1f}" cy="{head[1]:.1f}" r="{head_r * s:.1f}" fill="{SKIN}" stroke="{SKIN_DARK}"/>'
        + front
        + "".join(shorts)
        + "".join(arms)
        + dots
        + "</svg>"
    )
    return Frame(
        svg=svg, width=WIDTH_PX, height=HEIGHT_PX, markers=markers, landmarks=landmarks, fppa_deg=float(result.fppa_deg)
    )
