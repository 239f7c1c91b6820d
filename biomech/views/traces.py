"""Small helpers to build plotly trace data: polylines with gaps, and flat property keys.

Views describe each trace as a static part (type, name, line width: set once) and a
dynamic part (coordinates, colours, visibility: sent on every change) whose keys are
plotly's dotted paths such as ``"line.color"``. The explorer sends the dynamic parts
of all traces in one ``plotly_update`` message.
"""

from __future__ import annotations

import math


def polyline(*segments, axes=(0, 1, 2)):
    """Coordinates of several polylines in one trace, separated by gaps (``None``).

    Each segment is a sequence of points (array-likes of length 3 in mm). Returns one
    list per requested axis, as plain floats, ready for JSON.
    """
    out = [[] for _ in axes]
    for n, segment in enumerate(segments):
        if n:
            for coords in out:
                coords.append(None)
        for point in segment:
            for coords, axis in zip(out, axes):
                coords.append(_finite(point[axis]))
    return out


def _finite(value):
    value = float(value)
    # A figure must never receive NaN (plotly rejects it): a bad point becomes a gap.
    return value if math.isfinite(value) else None


def unflatten(flat):
    """``{"line.color": c}`` -> ``{"line": {"color": c}}`` for building a figure."""
    nested = {}
    for key, value in flat.items():
        node = nested
        *parents, leaf = key.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return nested


def merge(static, dynamic):
    """One trace dict from its static spec and its dynamic (flat-keyed) part."""
    trace = {k: (dict(v) if isinstance(v, dict) else v) for k, v in static.items()}
    for key, value in unflatten(dynamic).items():
        if isinstance(value, dict):
            trace.setdefault(key, {}).update(value)
        else:
            trace[key] = value
    return trace
