"""Two standing long-leg films side by side, before and after a correction, as a surgeon
plans on them: the measured leg from pelvis to foot, with the mechanical axes, the load
line, the joint lines and the angles of :mod:`biomech.views.xray`, and the osteotomy's
wedge on the "after" film.

Each film is the front view of :func:`biomech.pose` cropped to the measured leg; the
person's right is on the viewer's left, as on any radiograph.
"""

from __future__ import annotations

import numpy as np

from . import bones, style, xray
from .traces import merge

#: Film edges around the measured leg, per height: medial and lateral of the midline.
MEDIAL_EDGE_PER_HEIGHT = 0.03
LATERAL_EDGE_PER_HEIGHT = 0.30
#: Traces of the front view a film leaves out (the trunk belongs to the explorer).
HIDDEN = ("trunk", "centre of mass", "frozen (compare)")
FILMS = ("before", "after")


def _axes(film):
    return ("x", "y") if film == "before" else ("x2", "y2")


def static():
    """The traces of both films, in order: every front-view trace for "before", then
    for "after" (each on its own axes)."""
    out = []
    for film in FILMS:
        xa, ya = _axes(film)
        for trace in xray.STATIC:
            t = dict(trace, xaxis=xa, yaxis=ya, showlegend=False)
            t["name"] = f"{trace['name']} ({film})"
            out.append(t)
    return out


def wedge_outline(pose, osteotomy):
    """The osteotomy drawn on the "after" film [mm, ground frame]: for an opening wedge
    the gap (a triangle from the hinge to the opened far cortex), for a closing wedge the
    line where the removed wedge's faces now meet."""
    side = pose["stance_side"]
    origin, m = bones.frames(pose)[("tibia" if osteotomy.bone == "tibia" else "femur", side)]
    level = -osteotomy.level_mm if osteotomy.bone == "tibia" else osteotomy.level_mm
    hinge = np.array([osteotomy.hinge_lateral_mm, 0.0, level])
    far = hinge - np.array([np.sign(osteotomy.hinge_lateral_mm) * osteotomy.cut_mm, 0.0, 0.0])
    if osteotomy.wedge == "opening":
        # The gap opens on the far side; it lies below the cut on the tibia, above it on the femur.
        open_dir = -1.0 if osteotomy.bone == "tibia" else 1.0
        local = [hinge, far, far + np.array([0.0, 0.0, open_dir * osteotomy.wedge_mm]), hinge]
    else:
        local = [hinge, far]
    return [origin + p @ m for p in local]


def dynamic(before, after, osteotomy=None):
    """Dynamic parts of :func:`static`'s traces for two poses (and the osteotomy, if any)."""
    out = []
    for film, pose in zip(FILMS, (before, after), strict=True):
        cut = osteotomy is not None and osteotomy.angle_deg != 0.0 and film == "after"
        outline = wedge_outline(pose, osteotomy) if cut else None
        parts = xray.dynamic(pose, None, outline)
        for name, part in zip(xray.TRACE_NAMES, parts, strict=True):
            if name in HIDDEN:
                part = dict(part, visible=False)
            if name == "labels":
                part = _film_labels(pose, part)
            out.append(part)
    return out


def _film_labels(pose, labels):
    """The front view's labels moved inside the film's lateral edge."""
    height_mm = pose["body"]["height_mm"]
    lateral = 1.0 if pose["stance_side"] == "right" else -1.0
    x = lateral * (LATERAL_EDGE_PER_HEIGHT - 0.005) * height_mm
    return dict(labels, x=[x] * len(labels["x"]))


def layout(before, after_title):
    """Two films on one page, fixed to the person's size."""
    height_mm = before["body"]["height_mm"]
    lateral = 1.0 if before["stance_side"] == "right" else -1.0
    edges = sorted([-lateral * MEDIAL_EDGE_PER_HEIGHT * height_mm, lateral * LATERAL_EDGE_PER_HEIGHT * height_mm])
    xrange = [edges[1], edges[0]]  # reversed: the person's right on the viewer's left
    yrange = [-0.02 * height_mm, 0.62 * height_mm]
    axis = {"range": xrange, "zeroline": False, "showgrid": False, "fixedrange": True, "showticklabels": False}
    yaxis = {"range": yrange, "zeroline": False, "showgrid": False, "fixedrange": True, "showticklabels": False}
    return {
        "xaxis": {**axis, "domain": [0.0, 0.49]},
        "yaxis": {**yaxis, "scaleanchor": "x", "scaleratio": 1, "constrain": "domain"},
        "xaxis2": {**axis, "domain": [0.51, 1.0]},
        "yaxis2": {**yaxis, "scaleanchor": "x2", "scaleratio": 1, "constrain": "domain"},
        "annotations": [
            {
                "text": "<b>Before</b>",
                "xref": "x domain",
                "yref": "y domain",
                "x": 0.02,
                "y": 0.99,
                "showarrow": False,
                "xanchor": "left",
                "font": {"color": style.XRAY_TEXT, "size": 14},
            },
            {
                "text": f"<b>After</b>: {after_title}",
                "xref": "x2 domain",
                "yref": "y2 domain",
                "x": 0.02,
                "y": 0.99,
                "showarrow": False,
                "xanchor": "left",
                "font": {"color": style.XRAY_TEXT, "size": 14},
            },
        ],
        "showlegend": False,
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "height": 640,
        "width": 760,
        "paper_bgcolor": style.XRAY_BACKGROUND,
        "plot_bgcolor": style.XRAY_BACKGROUND,
        "font": {"family": style.FONT, "color": style.XRAY_TEXT},
    }


def figure(before, after, osteotomy=None, after_title=""):
    """The complete figure dict of two films."""
    return {
        "data": [merge(s, d) for s, d in zip(static(), dynamic(before, after, osteotomy), strict=True)],
        "layout": layout(before, after_title),
    }
