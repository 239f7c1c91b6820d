"""The "why" view: a waterfall from the typical person to the current one, one bar per
cause, with each cause's share computed by the model (:mod:`biomech.attribution`)."""

from __future__ import annotations

from ..attribution import FACTORS
from . import style
from .traces import merge

#: Measures the breakdown can explain: output name -> (label, unit, scale).
MEASURES = {
    "fppa_deg": ("Frontal-plane projection angle", "°", 1.0),
    "hka_deg": ("Hip-knee-ankle angle", "°", 1.0),
    "load_axis_shift_mm": ("Load-axis shift", "mm", 1.0),
    "medial_load_fraction": ("Medial share of knee load", "%", 100.0),
}

STATIC = [
    {
        "type": "waterfall",
        "name": "share of each cause",
        "orientation": "v",
        "textposition": "outside",
        "connector": {"line": {"color": "#bbbbbb", "width": 1}},
        "increasing": {"marker": {"color": style.VALGUS}},
        "decreasing": {"marker": {"color": style.VARUS}},
        "totals": {"marker": {"color": "#5d6d7e"}},
        "cliponaxis": False,
        "hoverinfo": "x+y",
    }
]


def dynamic(contributions, measure):
    """Waterfall bars: typical value, each factor's share, current value."""
    label, unit, scale = MEASURES[measure]
    c = contributions[measure]
    x = ["typical person"] + list(FACTORS.values()) + ["now"]
    y = [c["typical"] * scale] + [c["shares"][k] * scale for k in FACTORS] + [c["current"] * scale]
    text = [f"{y[0]:.1f}"] + [f"{v:+.1f}" for v in y[1:-1]] + [f"{y[-1]:.1f}"]
    return [{"x": x, "y": y, "text": text, "measure": ["absolute"] + ["relative"] * len(FACTORS) + ["total"]}]


def layout(measure):
    """Layout naming the measure and its unit."""
    label, unit, _ = MEASURES[measure]
    return {
        "title": {"text": f"Why? Each cause's share of the<br>{label.lower()} ({unit})", "font": {"size": 14}},
        "yaxis": {"title": {"text": unit}, "zeroline": True, "zerolinecolor": "#999", "gridcolor": "#f0f0f0"},
        "xaxis": {"tickangle": -25, "fixedrange": True},
        "margin": {"l": 50, "r": 10, "t": 56, "b": 80},
        "height": 330,
        "width": 440,
        "showlegend": False,
        "font": {"family": style.FONT},
        "plot_bgcolor": "#fbfbfb",
    }


def figure(contributions, measure="fppa_deg"):
    """Complete waterfall figure for ``measure``."""
    return {"data": [merge(s, d) for s, d in zip(STATIC, dynamic(contributions, measure))], "layout": layout(measure)}
