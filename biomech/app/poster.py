"""A still picture of the explorer's figures, drawn on the server as inline SVG.

What: :func:`figure_svg` turns one plain figure dict (``{"data": [...], "layout": {...}}``,
as :mod:`biomech.views` builds them and :class:`biomech.app.figure.PlotFigure` draws
them) into an SVG string; :func:`poster_html` puts several of them in one block of HTML
with a caption. Only what the explorer's first view uses is drawn: 2-D ``scatter``
traces (lines, markers, text, ``fill="toself"`` shapes, annotations) on their axis
ranges, and 3-D ``scatter3d`` and ``mesh3d`` traces in perspective from the layout's
scene camera (eye, up, center; plotly's field of view) and aspect ratio. Legends, tick labels and
hover text are left out. Units: the SVG's user units are the figure's layout pixels
(``layout.width`` x ``layout.height``); data stay in their own units (mm) until
projected.

Why: plotly.js is 4.8 MB and needs about 2 s to evaluate on a classroom laptop before it
draws anything, so the app's first view showed an empty page for 5 s. The Voila page
(tools/jupyter/voila/templates/biomech) writes this picture into its HTML, so the
learner sees the knee as soon as the page arrives; the live figures replace it once
plotly.js has drawn them (:data:`SWAP_CSS`, :data:`SWAP_JS`). The picture reads the same figure dicts as
the live figures: there is no second copy of the geometry. It is recognisably the same
scene, not pixel-equal: no axes' grid, legend or lighting model, a mesh painted face by
face from far to near in a few shades.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from html import escape

import numpy as np

#: Shown under the picture until the live explorer takes its place.
CAPTION = "Starting the interactive explorer…"

#: plotly's vertical field of view of a 3-D scene [rad].
FIELD_OF_VIEW_RAD = math.pi / 4

#: Grey levels of a 3-D mesh's faces (lit from the camera): fewer levels, smaller SVG.
SHADES = 6

# The swap. The picture and the live output share one grid cell of their output; the
# live explorer stays laid out but invisible (so its figures can measure themselves and
# draw) until each figure named in the picture's data-parts has drawn (or failed and says
# so: figure.py's "biomech:drawn" / "biomech:failed" performance marks); then the
# picture goes. Classes set by SWAP_JS, not CSS :has(): a :has() over the output made
# every DOM change of plotly's first 2-D drawing restyle the picture too (the front view
# drew 9 s later on a busy machine).
SWAP_CSS = """
.bm-poster-host { display: grid; }
.bm-poster-host > * { grid-area: 1 / 1; min-width: 0; }
.bm-poster-host:not(.bm-poster-done) > :not(.bm-poster) { visibility: hidden; }
.bm-poster-done > .bm-poster { display: none; }
.bm-poster { display: flex; flex-wrap: wrap; gap: 10px; align-items: flex-start; background: #ffffff;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
.bm-poster > .bm-header { flex: 0 0 100%; line-height: 1.3; }
.bm-poster .bm-title { font-size: 18px; font-weight: 600; }
.bm-poster .bm-signs { font-size: 12px; color: #3d4548; margin-bottom: 22px; }
.bm-poster-caption { flex: 0 0 345px; margin: 40px 0 0; color: #33393b; font-size: 15px; }
.bm-poster svg { flex: 1 1 300px; max-width: 460px; height: auto; }
"""

# Runs where the picture is parsed (right after it): marks its output as the host, then
# waits for the live figures' marks and removes the picture (nothing left to restyle).
SWAP_JS = """
(() => {
  const poster = document.currentScript.previousElementSibling, host = poster.parentElement;
  const waiting = new Set(JSON.parse(poster.dataset.parts || "[]"));
  if (!waiting.size) return;
  host.classList.add("bm-poster-host");
  const observer = new PerformanceObserver(list => {
    for (const m of list.getEntries()) {
      if ((m.name === "biomech:drawn" || m.name === "biomech:failed") && waiting.delete(m.detail) && !waiting.size) {
        observer.disconnect();
        host.classList.add("bm-poster-done");
        poster.remove();
      }
    }
  });
  observer.observe({type: "mark", buffered: true});
})();
"""


def _number(value):
    """A float, or NaN for None and anything that is not a number (a gap in a trace)."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def _column(trace, key, n=None):
    """A trace's coordinate array as floats (NaN for gaps); a ValueError names what is missing."""
    values = trace.get(key)
    if values is None or isinstance(values, (str, bytes, dict)):
        raise ValueError(f"trace {trace.get('name')!r} has no {key!r} array")
    out = np.array([_number(v) for v in values], dtype=float)
    if n is not None and len(out) != n:
        raise ValueError(f"trace {trace.get('name')!r}: {key!r} has {len(out)} values, expected {n}")
    return out


def _fmt(value, digits=1):
    return f"{value:.{digits}f}".rstrip("0").rstrip(".") if math.isfinite(value) else "0"


def _plain(text):
    """Plotly's rich text (<b>, <i>, <br>) as plain text."""
    return re.sub(r"<[^>]*>", "", re.sub(r"<br\s*/?>", " ", str(text)))


def _runs(xs, ys):
    """The unbroken runs of finite points (a NaN breaks a line, as in plotly)."""
    run = []
    for x, y in zip(xs, ys):
        if math.isfinite(x) and math.isfinite(y):
            run.append((x, y))
        elif run:
            yield run
            run = []
    if run:
        yield run


def _path(runs, close=False):
    parts = []
    for run in runs:
        parts.append("M" + " L".join(f"{_fmt(x)} {_fmt(y)}" for x, y in run) + (" Z" if close else ""))
    return " ".join(parts)


def _dash(dash, width):
    w = max(float(width), 1.0)
    return {"dash": f"{_fmt(3 * w)} {_fmt(2 * w)}", "dot": f"{_fmt(w)} {_fmt(w)}"}.get(dash)


def _color(value, default):
    return escape(str(value), quote=True) if isinstance(value, str) and value else default


def _trace_svg(trace, px, py):
    """SVG elements of one 2-D or projected trace, given its points in SVG units."""
    out = []
    mode = trace.get("mode") or "lines+markers"
    line = trace.get("line") or {}
    color = _color(line.get("color"), "#444444")
    if trace.get("fill") == "toself":
        fill = _color(trace.get("fillcolor") or line.get("color"), "#888888")
        out.append(f'<path d="{_path(_runs(px, py), close=True)}" fill="{fill}" stroke="none"/>')
    width = line.get("width", 2)
    if "lines" in mode and float(width) > 0:
        dash = _dash(line.get("dash"), width)
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<path d="{_path(_runs(px, py))}" fill="none" stroke="{color}" stroke-width="{_fmt(float(width))}"'
            f' stroke-linecap="round" stroke-linejoin="round"{dashed}/>'
        )
    if "markers" in mode:
        marker = trace.get("marker") or {}
        mcolor = _color(marker.get("color"), color)
        r = float(marker.get("size", 6)) / 2
        symbol = str(marker.get("symbol", "circle"))
        for x, y in zip(px, py):
            if not (math.isfinite(x) and math.isfinite(y)):
                continue
            if symbol.startswith("line-ns"):
                out.append(f'<path d="M{_fmt(x)} {_fmt(y - r)} V{_fmt(y + r)}" stroke="{mcolor}" stroke-width="1.5"/>')
            elif symbol.startswith("diamond"):
                out.append(
                    f'<path d="M{_fmt(x)} {_fmt(y - r)} L{_fmt(x + r)} {_fmt(y)} L{_fmt(x)} {_fmt(y + r)}'
                    f' L{_fmt(x - r)} {_fmt(y)} Z" fill="{mcolor}"/>'
                )
            else:
                out.append(f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="{_fmt(r)}" fill="{mcolor}"/>')
    if "text" in mode and isinstance(trace.get("text"), list):
        font = trace.get("textfont") or {}
        colors = font.get("color")
        size = float(font.get("size", 12))
        for i, (x, y, text) in enumerate(zip(px, py, trace["text"])):
            if not (math.isfinite(x) and math.isfinite(y)) or not text:
                continue
            c = colors[i] if isinstance(colors, list) and i < len(colors) else colors
            out.append(
                f'<text x="{_fmt(x + 4)}" y="{_fmt(y)}" dominant-baseline="middle" font-size="{_fmt(size)}"'
                f' fill="{_color(c, "#333333")}">{escape(_plain(text))}</text>'
            )
    return out


def _size(layout):
    width, height = layout.get("width", 460), layout.get("height", 460)
    if not all(isinstance(v, (int, float)) and v > 0 for v in (width, height)):
        raise ValueError(f"layout width and height must be positive numbers, got {width!r} x {height!r}")
    margin = {"l": 80, "r": 80, "t": 100, "b": 80, **(layout.get("margin") or {})}
    return float(width), float(height), margin


def _title(layout):
    title = layout.get("title")
    text = title.get("text") if isinstance(title, dict) else title
    return str(text) if text else ""


def _axis_range(axis, values, name):
    given = (axis or {}).get("range")
    if given is not None:
        if len(given) != 2 or not all(math.isfinite(_number(v)) for v in given) or given[0] == given[1]:
            raise ValueError(f"{name}.range must be two different numbers, got {given!r}")
        return float(given[0]), float(given[1])
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return -1.0, 1.0
    low, high = float(finite.min()), float(finite.max())
    return (low, high) if high > low else (low - 1.0, high + 1.0)


def _plot_area(width, height, margin):
    """(left, top, width, height) of the plot inside the layout's margins, in SVG units."""
    left, top = float(margin["l"]), float(margin["t"])
    w, h = width - left - float(margin["r"]), height - top - float(margin["b"])
    if w <= 0 or h <= 0:
        raise ValueError("the layout's margins leave no room for the plot")
    return left, top, w, h


def _plot_2d(figure, width, height, margin):
    """Elements of a 2-D figure: its plot area and traces on the layout's axis ranges."""
    layout = figure["layout"]
    traces = [t for t in figure["data"] if t.get("visible", True) is True]
    xs = np.concatenate([_column(t, "x") for t in traces]) if traces else np.zeros(0)
    ys = np.concatenate([_column(t, "y") for t in traces]) if traces else np.zeros(0)
    xaxis, yaxis = layout.get("xaxis") or {}, layout.get("yaxis") or {}
    x0, x1 = _axis_range(xaxis, xs, "xaxis")
    y0, y1 = _axis_range(yaxis, ys, "yaxis")
    left, top, w, h = _plot_area(width, height, margin)
    if yaxis.get("scaleanchor") == "x":
        # Equal scales, the plot area shrunk to fit and centred (plotly's constrain="domain").
        ratio = float(yaxis.get("scaleratio", 1))
        scale = min(w / abs(x1 - x0), h / (abs(y1 - y0) * ratio))
        nw, nh = scale * abs(x1 - x0), scale * abs(y1 - y0) * ratio
        left, top, w, h = left + (w - nw) / 2, top + (h - nh) / 2, nw, nh

    def to_svg(x, y):
        return left + (np.asarray(x) - x0) / (x1 - x0) * w, top + (y1 - np.asarray(y)) / (y1 - y0) * h

    area = f'x="{_fmt(left)}" y="{_fmt(top)}" width="{_fmt(w)}" height="{_fmt(h)}"'
    # An id unique within a page of several pictures, and the same for the same figure.
    clip = "bm-clip-" + hashlib.sha1(repr((area, layout.get("title"), len(traces))).encode()).hexdigest()[:10]
    out = [
        f'<clipPath id="{clip}"><rect {area}/></clipPath>',
        f'<rect {area} fill="{_color(layout.get("plot_bgcolor"), "#e5ecf6")}"/>',
        f'<g clip-path="url(#{clip})">',
    ]
    for trace in traces:
        px, py = to_svg(_column(trace, "x"), _column(trace, "y", len(trace["x"])))
        out += _trace_svg(trace, px, py)
    out.append("</g>")
    for note in layout.get("annotations") or []:
        ax, ay = to_svg(_number(note.get("x")), _number(note.get("y")))
        font = note.get("font") or {}
        text = _plain(note.get("text", ""))
        out.append(
            f'<text x="{_fmt(float(ax))}" y="{_fmt(float(ay))}" text-anchor="middle" dominant-baseline="middle"'
            f' font-size="{_fmt(float(font.get("size", 12)))}" font-weight="bold"'
            f' fill="{_color(font.get("color"), "#333333")}">{escape(text)}</text>'
        )
    return out


def _vec(d, default):
    d = d or {}
    return np.array([float(d.get(k, v)) for k, v in zip("xyz", default)])


def camera_basis(scene):
    """The scene camera as (center, right, up, forward, distance): the point looked at,
    unit vectors of the screen's right and up and of the view direction, and the eye's
    distance from the centre, in the scene's normalised coordinates (each axis range
    mapped onto its aspect ratio, centred on 0, as plotly's camera uses them)."""
    camera = scene.get("camera") or {}
    eye = _vec(camera.get("eye"), (1.25, 1.25, 1.25))
    center = _vec(camera.get("center"), (0, 0, 0))
    up = _vec(camera.get("up"), (0, 0, 1))
    forward = center - eye
    distance = float(np.linalg.norm(forward))
    if distance == 0:
        raise ValueError("scene.camera.eye and center must differ")
    forward /= distance
    right = np.cross(forward, up)
    if np.linalg.norm(right) == 0:
        raise ValueError("scene.camera.up must not point along the view")
    right /= np.linalg.norm(right)
    return center, right, np.cross(right, forward), forward, distance


def _plot_3d(figure, width, height, margin):
    """Elements of a 3-D figure: its traces seen from the camera's eye, in perspective
    (or parallel projection for a camera whose projection type is "orthographic")."""
    scene = figure["layout"].get("scene") or {}
    traces = [t for t in figure["data"] if t.get("visible", True) is True]
    columns = {key: np.concatenate([_column(t, key) for t in traces]) if traces else np.zeros(0) for key in "xyz"}
    ranges = [_axis_range(scene.get(f"{k}axis"), columns[k], f"scene.{k}axis") for k in "xyz"]
    aspect = _vec(scene.get("aspectratio"), (1, 1, 1))
    center, right, up, forward, distance = camera_basis(scene)
    lows = np.array([min(r) for r in ranges])
    spans = np.array([abs(r[1] - r[0]) for r in ranges])

    def normalised(points):
        return ((points - lows) / spans - 0.5) * aspect

    left, top, w, h = _plot_area(width, height, margin)
    eye = center - forward * distance
    # plotly's camera: a vertical field of view of FIELD_OF_VIEW_RAD over the scene's
    # height; a point on the line from the eye through the centre lands in the middle.
    focal = h / 2 / math.tan(FIELD_OF_VIEW_RAD / 2)
    cx, cy = left + w / 2, top + h / 2
    orthographic = ((scene.get("camera") or {}).get("projection") or {}).get("type") == "orthographic"

    def project(points):
        rel = normalised(points) - eye
        depth = rel @ forward
        scale = focal / (distance if orthographic else np.where(depth > 1e-6, depth, np.nan))
        return cx + scale * (rel @ right), cy - scale * (rel @ up), depth

    out = []
    for trace in traces:
        n = len(trace.get("x") or ())
        points = np.column_stack([_column(trace, k, n) for k in "xyz"])
        if trace.get("type") == "mesh3d":
            out += _mesh(trace, points, project, forward)
        else:
            px, py, _ = project(points)
            out += _trace_svg(trace, px, py)
    return out


def _mesh(trace, points, project, forward):
    """A mesh's triangles, far to near, shaded by how squarely they face the camera;
    neighbours of one shade share one path."""
    faces = np.column_stack([np.asarray(trace.get(k) or (), dtype=int) for k in "ijk"])
    if faces.size == 0:
        return []
    if faces.min() < 0 or faces.max() >= len(points):
        raise ValueError(f"trace {trace.get('name')!r}: mesh indices outside its {len(points)} points")
    px, py, depth = project(points)
    a, b, c = (points[faces[:, k]] for k in range(3))
    normals = np.cross(b - a, c - a)
    lengths = np.linalg.norm(normals, axis=1)
    facing = np.abs(normals @ forward) / np.where(lengths > 0, lengths, 1)
    shade = np.minimum((facing * SHADES).astype(int), SHADES - 1)
    order = np.argsort(-depth[faces].mean(axis=1))
    base = _rgb(trace.get("color"))
    out, current, parts = [], None, []
    for f in order:
        if shade[f] != current and parts:
            out.append(_face_path(parts, base, current))
            parts = []
        current = shade[f]
        i, j, k = faces[f]
        parts.append(
            # Whole pixels: a face is a few pixels wide and the mesh is most of the SVG's size.
            f"M{px[i]:.0f} {py[i]:.0f}L{px[j]:.0f} {py[j]:.0f}L{px[k]:.0f} {py[k]:.0f}Z"
        )
    out.append(_face_path(parts, base, current))
    return out


def _rgb(color):
    """(r, g, b) of a "#rrggbb" colour; a mid grey for anything else."""
    if isinstance(color, str) and len(color) == 7 and color.startswith("#"):
        try:
            return tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))
        except ValueError:
            pass
    return (200, 200, 200)


def _face_path(parts, base, shade):
    # Lit from the camera: faces seen edge-on at 55 % of the colour, faces seen square at 100 %.
    k = 0.55 + 0.45 * (shade + 0.5) / SHADES
    fill = "#{:02x}{:02x}{:02x}".format(*(min(255, int(v * k)) for v in base))
    # A hairline of the same fill closes the seams between neighbouring faces.
    return f'<path d="{" ".join(parts)}" fill="{fill}" stroke="{fill}" stroke-width="0.5"/>'


def figure_svg(figure, label):
    """One figure dict as an SVG string (see the module docstring for what is drawn).

    ``label`` names the picture in words (its ``<title>`` and ``aria-label``). Raises
    ValueError for a figure it cannot draw: no ``data`` list or ``layout`` dict, a trace
    without coordinates, a bad axis range or camera, an empty label."""
    if not isinstance(figure, dict) or not isinstance(figure.get("data"), list):
        raise ValueError("figure must be a dict with a 'data' list of traces")
    if not isinstance(figure.get("layout"), dict):
        raise ValueError("figure must have a 'layout' dict")
    if not isinstance(label, str) or not label.strip():
        raise ValueError("label must say in words what the picture shows")
    if not all(isinstance(t, dict) for t in figure["data"]):
        raise ValueError("every trace must be a dict")
    types = {t.get("type", "scatter") for t in figure["data"]}
    unknown = types - {"scatter", "scatter3d", "mesh3d"}
    if unknown:
        raise ValueError(f"cannot draw traces of type {', '.join(sorted(unknown))}")
    width, height, margin = _size(figure["layout"])
    body = (_plot_3d if types & {"scatter3d", "mesh3d"} else _plot_2d)(figure, width, height, margin)
    title = _title(figure["layout"])
    heading = (
        f'<text x="{_fmt(width / 2)}" y="22" text-anchor="middle" font-size="14" fill="#2a3f5f">{escape(title)}</text>'
        if title
        else ""
    )
    paper = _color(figure["layout"].get("paper_bgcolor"), "#ffffff")
    name = escape(label, quote=True)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_fmt(width)} {_fmt(height)}"'
        f' width="{_fmt(width)}" height="{_fmt(height)}" role="img" aria-label="{name}">'
        f"<title>{escape(label)}</title>"
        f'<rect width="100%" height="100%" fill="{paper}"/>{heading}{"".join(body)}</svg>'
    )


def poster_html(figures, caption=CAPTION, header="", parts=()):
    """The picture block: ``figures`` is a list of ``(figure dict, label in words)``; the
    caption says what is happening; ``header`` (trusted HTML, e.g. the explorer's title)
    goes above, so the pictures sit about where the live figures will. ``parts`` are the
    labels of the live figures (their ``PlotFigure.label``) that the picture waits for:
    with :data:`SWAP_CSS` and :data:`SWAP_JS` it gives way once they have drawn beside it
    (with no parts, or no scripts, it stays)."""
    svgs = "".join(figure_svg(figure, label) for figure, label in figures)
    waits = escape(json.dumps(list(parts)), quote=True)
    return (
        f"<style>{SWAP_CSS}</style>"
        f'<div class="bm-poster" data-parts="{waits}">{header}'
        f'<p class="bm-poster-caption" elementtiming="biomech-picture">{escape(caption)}</p>{svgs}</div>'
        f"<script>{SWAP_JS}</script>"
    )
