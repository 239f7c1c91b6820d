"""A plotly FigureWidget whose first view always shows the current figure, and whose
front-end code reaches the browser once per page, not once per figure.

plotly 7 sends Python-side changes to a displayed FigureWidget as one-off messages and
keeps its synced state (``_widget_data``, ``_widget_layout``) at the values it had when
it was built. A view opened later (a Voila page, a reloaded notebook, the widget shown a
second time) asks the kernel for that state and would draw the construction-time
figure. :class:`LiveFigure` hands out the current figure whenever a view asks for its
state, without sending anything extra on each update.
"""
from __future__ import annotations

import sys
from copy import deepcopy

# plotly imports jsonschema (through nbformat), which compiles an IRI grammar with lark
# when the optional package rfc3987_syntax is installed: 4-5 s on a classroom laptop,
# for a checker the kernel never uses. Skipping it keeps the first figure fast.
sys.modules.setdefault("rfc3987_syntax", None)

import plotly.graph_objects as go  # noqa: E402

from .assets import widget_esm  # noqa: E402

_SYNCED_FIGURE_STATE = ("_widget_data", "_widget_layout")


class LiveFigure(go.FigureWidget):
    """FigureWidget that serves its current data and layout to every new view, and
    loads plotly's front-end code once per page (see :mod:`biomech.app.assets`)."""

    _esm = widget_esm()

    def get_state(self, key=None, drop_defaults=False):
        keys = _SYNCED_FIGURE_STATE if key is None else ([key] if isinstance(key, str) else key)
        if "_data_objs" in self.__dict__:
            # Written straight into the trait storage: the value a new view receives is
            # current, and no message goes to views that are already up to date. Only the
            # keys asked for: refreshing _widget_data while plotly sends _widget_layout
            # would make plotly's own _widget_data assignment that follows look like no
            # change, and the data would never reach a view that is opening.
            if "_widget_data" in keys:
                self._trait_values["_widget_data"] = deepcopy(self._data)
            if "_widget_layout" in keys:
                self._trait_values["_widget_layout"] = deepcopy(self._layout_obj._props)
        return super().get_state(key=key, drop_defaults=drop_defaults)


def _current(trace, path):
    """Current value of a dotted property path in a trace's raw dict (None if unset)."""
    node = trace
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _set_path(trace, path, value):
    *parents, leaf = path.split(".")
    node = trace
    for part in parents:
        node = node.setdefault(part, {})
    node[leaf] = value


def apply(fig, dynamic, layout=None):
    """Send the dynamic part of every trace (flat plotly keys, one dict per trace in
    trace order) and optional layout changes to ``fig`` as one update message.

    A trace that does not list a key keeps its current value for it. The trace values
    are trusted (the views build them from finite model numbers), so they go straight
    into the figure's data instead of through plotly's per-key validation, which costs
    about 0.2 ms per key and trace - most of a slider update.
    """
    keys = sorted({k for trace in dynamic for k in trace})
    restyle = {k: [trace[k] if k in trace else _current(fig._data[i], k) for i, trace in enumerate(dynamic)]
               for k in keys}
    for i, trace in enumerate(dynamic):
        for key, value in trace.items():
            _set_path(fig._data[i], key, value)
    relayout = fig._perform_plotly_relayout(layout) if layout else {}
    fig._send_update_msg(restyle_data=restyle, relayout_data=relayout, trace_indexes=list(range(len(dynamic))))


def show(figure):
    """A :class:`LiveFigure` of a figure dict (``{"data": ..., "layout": ...}``): leave it
    last in a notebook cell to display it; it works offline and in Voila."""
    return LiveFigure(figure)
