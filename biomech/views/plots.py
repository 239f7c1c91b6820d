"""Plain line charts for the lessons (sweeps, curves by age), as figure dicts.

Every axis title carries its unit; an optional shaded band shows a spread such as
mean +- 2 SD. Turn a dict into a live figure with :func:`biomech.app.figure.show`.
"""

from __future__ import annotations

import numpy as np

from . import style

PALETTE = ("#c0392b", "#2471a3", "#1e8449", "#d68910", "#7d3c98", "#5d6d7e")


def _floats(values):
    return [float(v) for v in np.asarray(values, dtype=float)]


def lines(x, series, *, x_title, y_title, title, bands=None, markers=False, hlines=None):
    """Figure dict with one line per entry of ``series`` (label -> y values).

    ``bands`` maps a label to ``(low, high)`` arrays drawn as a shaded area;
    ``hlines`` maps a label to a y value drawn as a dotted reference line.
    """
    data = []
    for i, (label, (low, high)) in enumerate((bands or {}).items()):
        colour = PALETTE[i % len(PALETTE)]
        data.append(
            {
                "type": "scatter",
                "x": _floats(x) + _floats(x)[::-1],
                "y": _floats(high) + _floats(low)[::-1],
                "fill": "toself",
                "fillcolor": "rgba(36, 113, 163, 0.15)",
                "line": {"width": 0},
                "name": label,
                "hoverinfo": "skip",
                "legendgroup": label,
                "marker": {"color": colour},
            }
        )
    for i, (label, y) in enumerate(series.items()):
        data.append(
            {
                "type": "scatter",
                "x": _floats(x),
                "y": _floats(y),
                "name": label,
                "mode": "lines+markers" if markers else "lines",
                "line": {"color": PALETTE[i % len(PALETTE)], "width": 3},
            }
        )
    shapes, annotations = [], []
    for label, y in (hlines or {}).items():
        shapes.append(
            {
                "type": "line",
                "xref": "paper",
                "x0": 0,
                "x1": 1,
                "y0": y,
                "y1": y,
                "line": {"color": "#7f8c8d", "dash": "dot", "width": 2},
            }
        )
        annotations.append(
            {
                "xref": "paper",
                "x": 1.0,
                "y": y,
                "xanchor": "right",
                "yanchor": "bottom",
                "text": label,
                "showarrow": False,
                "font": {"size": 11, "color": "#555"},
            }
        )
    layout = {
        "title": {"text": title, "font": {"size": 14}},
        "xaxis": {"title": {"text": x_title}},
        "yaxis": {"title": {"text": y_title}, "zeroline": True, "zerolinecolor": "#aaa"},
        "shapes": shapes,
        "annotations": annotations,
        "height": 380,
        "font": {"family": style.FONT},
        "margin": {"l": 60, "r": 20, "t": 50, "b": 50},
        "plot_bgcolor": "#fbfbfb",
        "legend": {"orientation": "h", "y": -0.2},
    }
    return {"data": data, "layout": layout}


def comparisons(rows, *, title):
    """Figure dict: each row ``(label, low, high, value, agrees)`` as the published range
    (a grey bar) and the model's value (a dot: green inside the range, red outside), one
    line per comparison, each on its own scale (values are divided by the range's width
    around its middle, so different units share one axis)."""
    labels, bar_x, bar_y, dot_x, colours, texts = [], [], [], [], [], []
    for i, (label, low, high, value, agrees) in enumerate(rows):
        middle, half = 0.5 * (low + high), max(0.5 * (high - low), 1e-9)
        labels.append(label)
        bar_x += [-1.0, 1.0, None]
        bar_y += [i, i, None]
        dot_x.append((value - middle) / half)
        colours.append(style.STATUS_COLOURS["normal" if agrees else "outside"])
        texts.append(f"model {value:.3g}; published {low:.3g} to {high:.3g}")
    data = [
        {
            "type": "scatter",
            "x": bar_x,
            "y": bar_y,
            "mode": "lines",
            "name": "published range",
            "line": {"color": "#b3b6b7", "width": 10},
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "x": dot_x,
            "y": list(range(len(rows))),
            "mode": "markers",
            "name": "model",
            "marker": {"size": 11, "color": colours, "line": {"color": "#333", "width": 1}},
            "text": texts,
            "hoverinfo": "text",
        },
    ]
    layout = {
        "title": {"text": title, "font": {"size": 14}},
        "xaxis": {
            "title": {"text": "position in the published range (-1 low end, +1 high end)"},
            "range": [-3.0, 3.0],
            "zeroline": False,
        },
        "yaxis": {"tickvals": list(range(len(rows))), "ticktext": labels, "autorange": "reversed"},
        "height": 120 + 34 * len(rows),
        "margin": {"l": 330, "r": 20, "t": 50, "b": 50},
        "font": {"family": style.FONT},
        "plot_bgcolor": "#fbfbfb",
        "showlegend": True,
        "legend": {"orientation": "h", "y": -0.25},
    }
    return {"data": data, "layout": layout}
