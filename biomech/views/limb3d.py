"""The 3-D view: the bones as surfaces (pelvis, sacrum, femurs, kneecaps, tibias, fibulas
and feet, :mod:`biomech.views.bones`), joint centres, and the load line from hip centre
to ankle centre with the knee's deviation from it.

Input is :func:`biomech.pose` output (ground frame, mm, floor at z = 0: x to the
person's right, y forward, z up). The camera looks at the person from the front, so
their right side is on the viewer's left, as on a radiograph.
"""

from __future__ import annotations

import numpy as np

from ..measures import load_line_at_knee
from . import bones, style
from .traces import merge, polyline

LEGS = ("right", "left")

#: Static part of each trace, in display order (the dynamic part comes from :func:`dynamic`).
STATIC = [
    {
        "type": "scatter3d",
        "name": "floor",
        "mode": "lines",
        "hoverinfo": "skip",
        "showlegend": False,
        "line": {"color": "#c8c8c8", "width": 2},
    },
    {
        "type": "scatter3d",
        "name": "frozen (compare)",
        "mode": "lines",
        "hoverinfo": "skip",
        "line": {"color": style.GHOST, "width": 9},
    },
    {
        "type": "mesh3d",
        "name": "bones",
        "hoverinfo": "skip",
        "showlegend": True,
        "color": style.BONE_3D,
        "flatshading": False,
        "lighting": {"ambient": 0.55, "diffuse": 0.8, "specular": 0.15, "roughness": 0.7},
        "lightposition": {"x": 1000, "y": 3000, "z": 3000},
    },
    {
        "type": "scatter3d",
        "name": "joint centres",
        "mode": "markers",
        "hoverinfo": "text",
        "marker": {"size": 5, "color": style.JOINT},
    },
    {
        "type": "scatter3d",
        "name": "load line (hip to ankle)",
        "mode": "lines",
        "hoverinfo": "skip",
        "line": {"color": style.LOAD_LINE, "width": 6, "dash": "dash"},
    },
    {
        "type": "scatter3d",
        "name": "knee off the load line",
        "mode": "lines+markers",
        "hoverinfo": "text",
        "line": {"width": 9},
        "marker": {"size": 3},
    },
    {
        "type": "scatter3d",
        "name": "trunk",
        "mode": "lines",
        "hoverinfo": "text",
        "line": {"color": style.TRUNK, "width": 10},
    },
    {
        "type": "scatter3d",
        "name": "centre of mass",
        "mode": "lines+markers",
        "hoverinfo": "text",
        "line": {"color": style.CENTRE_OF_MASS, "width": 3, "dash": "dot"},
        "marker": {"size": 6, "color": style.CENTRE_OF_MASS, "symbol": "diamond"},
    },
]
TRACE_NAMES = tuple(t["name"] for t in STATIC)
STATIC[TRACE_NAMES.index("bones")].update(zip("ijk", bones.mesh_faces()))


def _leg_segments(leg):
    """Femur (hip centre -> neck -> shaft -> knee), tibia and foot of one leg."""
    femur = [leg["hip_center"], leg["femoral_shaft_top"], leg["knee_center"]]
    tibia = [leg["knee_center"], leg["ankle_center"]]
    foot = [leg["ankle_center"], leg["heel"], leg["toe"], leg["ankle_center"]]
    return [femur, tibia, foot]


def skeleton(pose):
    """All bone polylines of a pose: pelvis ring, then each leg."""
    right, left = pose["right"], pose["left"]
    pelvis = [right["asis"], right["hip_center"], left["hip_center"], left["asis"], right["asis"]]
    return [pelvis] + _leg_segments(right) + _leg_segments(left)


def load_line_legs(pose):
    """Legs whose load line is drawn: the stance leg in single-leg tasks, else both."""
    lifted = pose["result"].inputs["task"] in ("single_leg_stance", "single_leg_squat")
    return (pose["stance_side"],) if lifted else LEGS


def knee_offset_point(leg):
    """Point of the hip-ankle line at the knee's height [mm] (where the load passes;
    :func:`biomech.measures.load_line_at_knee`)."""
    return np.array(load_line_at_knee(leg["hip_center"], leg["knee_center"], leg["ankle_center"]))


def trunk_lines(pose):
    """The trunk as two polylines: mid-pelvis to shoulders, and across the shoulders."""
    t = pose["trunk"]
    return [t["pelvis_centre"], t["shoulders"]], [t["shoulder_right"], t["shoulder_left"]]


def centre_of_mass_line(pose):
    """The body's centre of mass and the plumb line from it to the floor (where the
    ground must push for balance)."""
    com = pose["trunk"]["centre_of_mass"]
    return [com, np.array([com[0], com[1], 0.0])]


def trunk_text(result):
    return f"trunk lean {style.signed(result.trunk_lean_deg, '°')} (+ toward the measured leg)"


def com_text(result):
    return f"centre of mass {style.signed(result.centre_of_mass_shift_mm, 'mm')} toward the measured leg"


def _floor(height_mm):
    half = 0.22 * height_mm
    corners = [(-half, -half, 0.0), (half, -half, 0.0), (half, half, 0.0), (-half, half, 0.0), (-half, -half, 0.0)]
    return [np.array(c) for c in corners]


def dynamic(pose, ghost=None):
    """Dynamic properties of every trace (flat plotly keys), in the order of STATIC."""
    result = pose["result"]
    height_mm = result.inputs["height_m"] * 1000.0
    fx, fy, fz = polyline(_floor(height_mm))
    # Rounded to 0.1 mm: the update message stays short.
    vertices = np.round(bones.mesh_vertices(pose), 1)
    bx, by, bz = (vertices[:, axis] for axis in range(3))
    if ghost is not None:
        gx, gy, gz = polyline(
            *skeleton(ghost), *[[ghost[s]["hip_center"], ghost[s]["ankle_center"]] for s in load_line_legs(ghost)]
        )
    else:
        gx = gy = gz = []
    joints = [pose[s][k] for s in LEGS for k in ("hip_center", "knee_center", "ankle_center")]
    jx, jy, jz = polyline(joints)
    joint_text = [f"{s} {k.replace('_center', '')} centre" for s in LEGS for k in ("hip", "knee", "ankle")]
    legs = load_line_legs(pose)
    lx, ly, lz = polyline(*[[pose[s]["hip_center"], pose[s]["ankle_center"]] for s in legs])
    offsets = [[pose[s]["knee_center"], knee_offset_point(pose[s])] for s in legs]
    ox, oy, oz = polyline(*offsets)
    shift = result.load_axis_shift_mm
    colour = style.VALGUS if shift > 0 else style.VARUS
    text = f"load line {abs(shift):.1f} mm {'lateral' if shift > 0 else 'medial'} of the knee centre"
    return [
        {"x": fx, "y": fy, "z": fz},
        {"x": gx, "y": gy, "z": gz, "visible": ghost is not None},
        {"x": bx, "y": by, "z": bz},
        {"x": jx, "y": jy, "z": jz, "text": joint_text},
        {"x": lx, "y": ly, "z": lz},
        {"x": ox, "y": oy, "z": oz, "line.color": colour, "marker.color": colour, "text": [text] * len(ox)},
        dict(zip("xyz", polyline(*trunk_lines(pose))), text=trunk_text(result)),
        dict(zip("xyz", polyline(centre_of_mass_line(pose))), text=com_text(result)),
    ]


def scene(height_mm):
    """Scene axes fixed to the person's size, so moving a slider never rescales the view."""
    half = 0.30 * height_mm
    top = 0.62 * height_mm
    # Grid only: tick labels crowd a small 3-D view, and the frame is stated in the header.
    axis = {
        "showbackground": False,
        "showspikes": False,
        "zeroline": False,
        "gridcolor": "#eeeeee",
        "showticklabels": False,
        "title": {"text": ""},
    }
    return {
        "xaxis": {**axis, "range": [-half, half]},
        "yaxis": {**axis, "range": [-half, half]},
        "zaxis": {**axis, "range": [0.0, top]},
        "aspectmode": "manual",
        "aspectratio": {"x": 2 * half / top, "y": 2 * half / top, "z": 1.0},
    }


#: Camera in front of the person, slightly above the knees (the person's right on the
#: viewer's left).
FRONT_CAMERA = {
    "eye": {"x": 0.0, "y": 1.7, "z": 0.2},
    "up": {"x": 0, "y": 0, "z": 1},
    "center": {"x": 0, "y": 0, "z": -0.05},
}


def layout(height_mm):
    """Layout of the 3-D view (the scene keeps a learner's own camera between updates)."""
    return {
        "title": {"text": "3-D view (drag to rotate)", "font": {"size": 14}},
        "scene": {**scene(height_mm), "camera": FRONT_CAMERA},
        "uirevision": "keep-camera",
        "margin": {"l": 0, "r": 0, "t": 36, "b": 0},
        "height": 500,
        "width": 460,
        "legend": {"orientation": "h", "y": 0.0, "x": 0.0, "font": {"size": 11}},
        "font": {"family": style.FONT},
        "paper_bgcolor": "white",
    }


def figure(pose, ghost=None):
    """Complete figure (``{"data": [...], "layout": {...}}``) of a pose."""
    height_mm = pose["result"].inputs["height_m"] * 1000.0
    return {"data": [merge(s, d) for s, d in zip(STATIC, dynamic(pose, ghost))], "layout": layout(height_mm)}
