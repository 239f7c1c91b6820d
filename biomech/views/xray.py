"""The front view, drawn like a standing long-leg X-ray: bone outlines grey on black
(:mod:`biomech.views.bones`), the mechanical axes of femur and tibia, the load line, the
two joint lines, the hip-knee-ankle angle, the joint angles mLDFA and MPTA (with the
joint-line convergence JLCA written) and the load-axis shift.

It is the frontal-plane projection (x-z) of :func:`biomech.pose`, so in a squat it is
what a front camera sees. The person's right is on the viewer's left (radiograph
convention), marked R and L. Measures belong to the reported leg (``pose["stance_side"]``).
"""

from __future__ import annotations

import numpy as np

from . import bones, style
from .limb3d import centre_of_mass_line, com_text, knee_offset_point, load_line_legs, skeleton, trunk_lines, trunk_text
from .traces import merge, polyline

XZ = (0, 2)
ARC_RADIUS_PER_HEIGHT = 0.045
#: Radius of the mLDFA and MPTA arcs, per height (inside the HKA arc).
JOINT_ARC_RADIUS_PER_HEIGHT = 0.028
#: How far the joint lines reach past the bone on each side, per height.
JOINT_LINE_OVERHANG_PER_HEIGHT = 0.012

STATIC = [
    {
        "type": "scatter",
        "name": "frozen (compare)",
        "mode": "lines",
        "hoverinfo": "skip",
        "line": {"color": "rgba(160, 170, 255, 0.55)", "width": 4},
    },
    {
        "type": "scatter",
        "name": "bones",
        "mode": "lines",
        "hoverinfo": "skip",
        "fill": "toself",
        "fillcolor": style.XRAY_BONE,
        "line": {"width": 0, "color": style.XRAY_BONE},
    },
    {
        "type": "scatter",
        "name": "pelvis",
        "mode": "lines",
        "hoverinfo": "skip",
        "fill": "toself",
        "showlegend": False,
        "fillcolor": style.XRAY_PELVIS,
        "line": {"width": 0, "color": style.XRAY_PELVIS},
    },
    {
        "type": "scatter",
        "name": "kneecap and fibula",
        "mode": "lines",
        "hoverinfo": "skip",
        "fill": "toself",
        "showlegend": False,
        "fillcolor": style.XRAY_OVERLAY,
        "line": {"width": 0.6, "color": "rgba(255,255,255,0.5)"},
    },
    {
        "type": "scatter",
        "name": "mechanical axes (hip-knee, knee-ankle)",
        "mode": "lines",
        "hoverinfo": "skip",
        "line": {"color": "#16a6c9", "width": 2.5},
    },
    {
        "type": "scatter",
        "name": "femoral shaft axis",
        "mode": "lines",
        "hoverinfo": "skip",
        "line": {"color": "#16a6c9", "width": 1.5, "dash": "dot"},
    },
    {
        "type": "scatter",
        "name": "load line (hip to ankle)",
        "mode": "lines",
        "hoverinfo": "skip",
        "line": {"color": style.LOAD_LINE, "width": 3, "dash": "dash"},
    },
    {
        "type": "scatter",
        "name": "femoral joint line",
        "mode": "lines",
        "hoverinfo": "text",
        "line": {"color": style.XRAY_JOINT_LINE, "width": 1.8},
    },
    {
        "type": "scatter",
        "name": "tibial plateau (medial to lateral edge)",
        "mode": "lines+markers",
        "hoverinfo": "text",
        "line": {"color": style.XRAY_JOINT_LINE, "width": 1.8},
        "marker": {"size": 8, "symbol": "line-ns-open", "color": style.XRAY_JOINT_LINE},
    },
    {"type": "scatter", "name": "load-axis shift", "mode": "lines", "hoverinfo": "text", "line": {"width": 5}},
    {"type": "scatter", "name": "hip-knee-ankle angle", "mode": "lines", "hoverinfo": "skip", "line": {"width": 2}},
    {
        "type": "scatter",
        "name": "mLDFA (femur)",
        "mode": "lines",
        "hoverinfo": "text",
        "line": {"width": 2, "color": style.MLDFA},
    },
    {
        "type": "scatter",
        "name": "MPTA (tibia)",
        "mode": "lines",
        "hoverinfo": "text",
        "line": {"width": 2, "color": style.MPTA},
    },
    {
        "type": "scatter",
        "name": "osteotomy",
        "mode": "lines",
        "hoverinfo": "text",
        "fill": "toself",
        "fillcolor": "rgba(255, 95, 210, 0.35)",
        "line": {"color": style.OSTEOTOMY, "width": 2},
    },
    {
        "type": "scatter",
        "name": "joint centres",
        "mode": "markers",
        "hoverinfo": "text",
        "marker": {"size": 7, "color": "#f4d03f", "line": {"color": "#333", "width": 1}},
    },
    {
        "type": "scatter",
        "name": "trunk",
        "mode": "lines",
        "hoverinfo": "text",
        "line": {"color": style.TRUNK_BRIGHT, "width": 6},
    },
    {
        "type": "scatter",
        "name": "centre of mass",
        "mode": "lines+markers",
        "hoverinfo": "text",
        "line": {"color": style.CENTRE_OF_MASS, "width": 2, "dash": "dot"},
        "marker": {"size": 9, "color": style.CENTRE_OF_MASS, "symbol": "diamond"},
    },
    # Angles and shift written beside the knee. A text trace, not layout annotations, so a
    # slider move restyles data only and the browser skips a full relayout.
    {
        "type": "scatter",
        "name": "labels",
        "mode": "text",
        "hoverinfo": "skip",
        "showlegend": False,
        "textfont": {"size": 13},
    },
]
TRACE_NAMES = tuple(t["name"] for t in STATIC)


def _unit(v):
    return v / np.hypot(v[0], v[2])


def _arc(centre, start, stop, radius_mm, n=16):
    """Points of an arc [mm] about ``centre`` from direction ``start`` to ``stop``
    (frontal plane, the shorter way round)."""
    a0, a1 = np.arctan2(start[2], start[0]), np.arctan2(stop[2], stop[0])
    sweep = (a1 - a0 + np.pi) % (2 * np.pi) - np.pi
    angles = a0 + sweep * np.linspace(0.0, 1.0, n)
    return [np.array([centre[0] + radius_mm * np.cos(t), 0.0, centre[2] + radius_mm * np.sin(t)]) for t in angles]


def hka_arc(leg, radius_mm, n=16):
    """Arc at the knee from the femoral mechanical axis carried on past the knee to the
    tibial axis: its opening is the hip-knee-ankle angle (frontal plane)."""
    knee = leg["knee_center"]
    return _arc(knee, _unit(knee - leg["hip_center"]), _unit(leg["ankle_center"] - knee), radius_mm, n)


def _crossing(p, d, q, e):
    """Where the line through ``p`` along ``d`` meets the line through ``q`` along ``e``
    (frontal plane)."""
    det = d[0] * -e[2] + e[0] * d[2]
    if abs(det) < 1e-12:
        return q
    t = ((q[0] - p[0]) * -e[2] + e[0] * (q[2] - p[2])) / det
    return p + t * d


def joint_geometry(pose, side, lines=None):
    """The drawn joint lines of one knee and the arcs of its joint angles: ``femoral``
    and ``tibial`` lines (medial end, lateral end, overhanging the bone), the ``mldfa``
    arc (lateral angle between the femur's mechanical axis, up, and its joint line) and
    the ``mpta`` arc (medial angle between the tibia's axis, down, and the plateau)."""
    leg = pose[side]
    height_mm = pose["body"]["height_mm"]
    lines = lines or bones.joint_lines(pose, side)
    over = JOINT_LINE_OVERHANG_PER_HEIGHT * height_mm
    out = {}
    for name, (medial, lateral) in lines.items():
        d = _unit(lateral - medial)
        out[name] = [medial - over * d, lateral + over * d]
    radius = JOINT_ARC_RADIUS_PER_HEIGHT * height_mm
    up = _unit(leg["hip_center"] - leg["knee_center"])
    f_med, f_lat = lines["femoral"]
    apex = _crossing(leg["knee_center"], up, f_med, _unit(f_lat - f_med))
    out["mldfa"] = _arc(apex, up, _unit(f_lat - f_med), radius)
    down = _unit(leg["ankle_center"] - leg["knee_center"])
    t_med, t_lat = lines["tibial"]
    apex = _crossing(leg["knee_center"], down, t_med, _unit(t_lat - t_med))
    out["mpta"] = _arc(apex, down, _unit(t_med - t_lat), radius)
    return out


def dynamic(pose, ghost=None, osteotomy_outline=None):
    """Dynamic properties of every trace (flat plotly keys), in the order of STATIC.
    ``osteotomy_outline``: the cut or wedge to draw (points [mm]), else none."""
    result = pose["result"]
    side = pose["stance_side"]
    leg = pose[side]
    height_mm = result.inputs["height_m"] * 1000.0
    gx, gz = polyline(*skeleton(ghost), axes=XZ) if ghost is not None else ([], [])
    shapes = bones.outlines(pose)
    bx = np.concatenate([shapes["femur"][0], [np.nan], shapes["tibia"][0], [np.nan], shapes["foot"][0]])
    bz = np.concatenate([shapes["femur"][1], [np.nan], shapes["tibia"][1], [np.nan], shapes["foot"][1]])
    ax, az = polyline([leg["hip_center"], leg["knee_center"]], [leg["knee_center"], leg["ankle_center"]], axes=XZ)
    sx, sz = polyline([leg["femoral_shaft_top"], leg["knee_center"]], axes=XZ)
    lx, lz = polyline(*[[pose[s]["hip_center"], pose[s]["ankle_center"]] for s in load_line_legs(pose)], axes=XZ)
    joint = joint_geometry(pose, side)
    fx, fz = polyline(joint["femoral"], axes=XZ)
    px, pz = polyline(joint["tibial"], axes=XZ)
    on_line = knee_offset_point(leg)
    ox, oz = polyline([leg["knee_center"], on_line], axes=XZ)
    rx, rz = polyline(hka_arc(leg, ARC_RADIUS_PER_HEIGHT * height_mm), axes=XZ)
    mx, mz = polyline(joint["mldfa"], axes=XZ)
    tx, tz = polyline(joint["mpta"], axes=XZ)
    cx, cz = polyline(osteotomy_outline, axes=XZ) if osteotomy_outline is not None else ([], [])
    joints = [pose[s][k] for s in ("right", "left") for k in ("hip_center", "knee_center", "ankle_center")]
    jx, jz = polyline(joints, axes=XZ)
    shift = result.load_axis_shift_mm
    shift_colour = style.VALGUS_BRIGHT if shift > 0 else style.VARUS_BRIGHT
    angle_colour = style.VALGUS_BRIGHT if result.hka_deg > 0 else style.VARUS_BRIGHT
    lateral = 1.0 if side == "right" else -1.0
    edges = [
        "lateral edge (WBL 100 %)" if (x - leg["knee_center"][0]) * lateral > 0 else "medial edge (WBL 0 %)" for x in px
    ]
    return [
        {"x": gx, "y": gz, "visible": ghost is not None},
        {"x": bx, "y": bz},
        dict(zip("xy", shapes["pelvis"])),
        dict(zip("xy", shapes["overlay"])),
        {"x": ax, "y": az},
        {"x": sx, "y": sz},
        {"x": lx, "y": lz},
        {"x": fx, "y": fz, "text": [f"femoral joint line: mLDFA {result.mldfa_deg:.1f}°"] * len(fx)},
        {"x": px, "y": pz, "text": edges},
        {
            "x": ox,
            "y": oz,
            "line.color": shift_colour,
            "text": [f"load-axis shift {style.signed(shift, 'mm')}"] * len(ox),
        },
        {"x": rx, "y": rz, "line.color": angle_colour},
        {"x": mx, "y": mz, "text": [f"mLDFA {result.mldfa_deg:.1f}° (normal 85-90°)"] * len(mx)},
        {"x": tx, "y": tz, "text": [f"MPTA {result.mpta_deg:.1f}° (normal 85-90°)"] * len(tx)},
        {"x": cx, "y": cz, "visible": osteotomy_outline is not None},
        {"x": jx, "y": jz, "text": [f"{s} {k} centre" for s in ("right", "left") for k in ("hip", "knee", "ankle")]},
        dict(zip("xy", polyline(*trunk_lines(pose), axes=XZ)), text=trunk_text(result)),
        dict(zip("xy", polyline(centre_of_mass_line(pose), axes=XZ)), text=com_text(result)),
        labels(pose),
    ]


def labels(pose):
    """The labels trace: HKA, load-axis shift and the three joint angles at the edge of
    the view on the measured leg's side (the person's right is on the viewer's left)."""
    result = pose["result"]
    knee = pose[pose["stance_side"]]["knee_center"]
    height_mm = result.inputs["height_m"] * 1000.0
    right = pose["stance_side"] == "right"
    x = (1.0 if right else -1.0) * 0.29 * height_mm
    shift = result.load_axis_shift_mm
    where = "lateral" if shift > 0 else "medial"
    step = 0.05 * height_mm
    return {
        "x": [x] * 5,
        "y": [knee[2] + 2 * step, knee[2] + step, knee[2], knee[2] - step, knee[2] - 2 * step],
        "text": [
            f"HKA {style.signed(result.hka_deg, '°')} <i>{style.valgus_word(result.hka_deg).split(' ')[0]}</i>",
            f"load line {abs(shift):.0f} mm {where}<br>(WBL {result.wbl_ratio_pct:.0f} %)",
            f"mLDFA {result.mldfa_deg:.1f}°",
            f"JLCA {style.signed(result.jlca_deg, '°')}",
            f"MPTA {result.mpta_deg:.1f}°",
        ],
        "textposition": "middle right" if right else "middle left",
        "textfont.color": [
            style.VALGUS_BRIGHT if result.hka_deg > 0 else style.VARUS_BRIGHT,
            style.LOAD_LINE,
            style.MLDFA,
            style.XRAY_JOINT_LINE,
            style.MPTA,
        ],
    }


def annotations(pose):
    """The R / L radiograph markers (they move only with the person's height)."""
    height_mm = pose["result"].inputs["height_m"] * 1000.0
    top, half = 0.60 * height_mm, 0.30 * height_mm
    return [
        {
            "x": sign * half * 0.92,
            "y": top,
            "text": f"<b>{letter}</b>",
            "showarrow": False,
            "font": {"size": 18, "color": style.XRAY_TEXT},
        }
        for sign, letter in ((1.0, "R"), (-1.0, "L"))
    ]


def layout(pose):
    """Layout with fixed axes scaled to the person (x reversed: their right on your left)."""
    height_mm = pose["result"].inputs["height_m"] * 1000.0
    half = 0.30 * height_mm
    return {
        "title": {"text": f"Front view ({pose['stance_side']} leg measured; + = valgus)", "font": {"size": 14}},
        "xaxis": {
            "range": [half, -half],
            "title": {"text": "person's right  ←  x (mm)  →  person's left"},
            "zeroline": False,
            "gridcolor": style.XRAY_GRID,
            "fixedrange": True,
            "constrain": "domain",
        },
        "yaxis": {
            "range": [-0.02 * height_mm, 0.62 * height_mm],
            "title": {"text": "height above floor (mm)"},
            "scaleanchor": "x",
            "scaleratio": 1,
            "gridcolor": style.XRAY_GRID,
            "zeroline": False,
            "fixedrange": True,
            "constrain": "domain",
        },
        "annotations": annotations(pose),
        "showlegend": True,
        "legend": {"orientation": "h", "y": -0.18, "font": {"size": 10}},
        "margin": {"l": 60, "r": 10, "t": 36, "b": 40},
        "height": 560,
        "width": 460,
        "plot_bgcolor": style.XRAY_BACKGROUND,
        "font": {"family": style.FONT},
    }


def figure(pose, ghost=None):
    """Complete figure (``{"data": [...], "layout": {...}}``) of a pose."""
    return {"data": [merge(s, d) for s, d in zip(STATIC, dynamic(pose, ghost))], "layout": layout(pose)}
