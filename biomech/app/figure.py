"""The one adapter to the plotting library: a figure widget that draws with plotly.js.

Every figure the learner sees goes through :class:`PlotFigure`, built from a plain figure
dict (``{"data": [trace dicts], "layout": {...}}``, as :mod:`biomech.views` makes them)
and changed with :meth:`PlotFigure.update`. Nothing else in biomech talks to plotly.

Why not plotly's own ``go.FigureWidget``: plotly 7 sends Python-side changes to a
displayed FigureWidget as one-off messages and keeps its synced state at the values it
was built with, so a view opened later (a Voila page, a reloaded notebook, the figure
shown a second time) drew the construction-time figure; keeping that state current
meant writing traitlets' private storage. Its updates run plotly's validation of every
key (about 0.2 ms per key and trace, most of a slider update) unless one calls its
private methods; importing ``plotly.graph_objects`` costs seconds (plotly.io -> nbformat
-> jsonschema); and each figure carried plotly's 5 MB widget bundle in its state.

So this is a small anywidget (public APIs of anywidget, ipywidgets and traitlets only)
that hands plotly.js the figure dict itself:

* the synced trait ``figure`` always holds the current figure: :meth:`~PlotFigure.update`
  changes it in place, so every new view (new page, reload, second display) asks the
  kernel for the widget's state and draws the current figure;
* an update reaches the views that are already open as ONE custom message, which each
  applies with one ``Plotly.update`` call (and the browser-side model applies to its copy
  of the figure, for views opened later in the same page);
* plotly.js itself is imported once per page from the file :mod:`biomech.app.assets`
  installs; without that install each figure carries it (slower, never broken).

The Python side never imports plotly's Python package.
"""
from __future__ import annotations

import math
from copy import deepcopy

import anywidget
import numpy as np
import traitlets

from . import assets

#: Kind of the custom message that carries an update (the only one the views listen to).
UPDATE = "biomech-plot-update"

# The browser side. Kept small and free of plotly.js: anywidget gives a widget 2 s to
# load this module and run initialize(); plotly.js (4.8 MB) is loaded by render() only.
ESM = """\
const UPDATE = "__UPDATE__";
const CONFIG = {responsive: false, displaylogo: false};
const LOADING = Symbol.for("biomech.plotly");  // one load of plotly.js per page, shared by every figure
const MESSAGE = "The plot library could not load: run `python tools/setup_jupyter.py` once, then reload the page.";

// Same resolution as JupyterLab and Voila use for their extensions (any base URL).
function extensionsUrl() {
  const node = document.getElementById("jupyter-config-data");
  const config = JSON.parse((node && node.textContent) || "{}");
  const base = config.fullLabextensionsUrl || (config.baseUrl || "/") + "lab/extensions";
  return new URL(base.replace(/\\/?$/, "/"), window.location.href);
}

// plotly.min.js is a UMD file that ends with `window.Plotly = Plotly`; importing it runs it.
async function importPlotly(model) {
  const path = model.get("_plotly_path"), source = model.get("_plotly_source");
  const blob = !path && source ? URL.createObjectURL(new Blob([source], {type: "text/javascript"})) : null;
  if (!path && !blob) throw new Error("the figure names no plotly.js file and carries no source");
  const before = window.Plotly;
  try {
    await import(blob || new URL(path, extensionsUrl()).href);
    const Plotly = window.Plotly;
    if (!Plotly || typeof Plotly.newPlot !== "function") throw new Error("plotly.js did not define window.Plotly");
    if (before !== undefined) window.Plotly = before;  // another library's plotly.js on the page keeps its global
    return Plotly;
  } finally {
    if (blob) URL.revokeObjectURL(blob);
  }
}

function loadPlotly(model) {
  if (!window[LOADING]) {
    window[LOADING] = importPlotly(model).catch(error => {
      window[LOADING] = undefined;  // a later figure may try again
      throw error;
    });
  }
  return window[LOADING];
}

// Flat plotly keys ("line.color"); null removes the key, as in Plotly.restyle/relayout.
function setPath(target, path, value) {
  const parts = path.split(".");
  const leaf = parts.pop();
  for (const part of parts) {
    if (target[part] === null || typeof target[part] !== "object") target[part] = {};
    target = target[part];
  }
  if (value === null) delete target[leaf];
  else target[leaf] = value;
}

function applyToFigure(figure, {traces, layout}) {
  traces.forEach((changes, i) => {
    if (figure.data[i]) for (const [key, value] of Object.entries(changes)) setPath(figure.data[i], key, value);
  });
  for (const [key, value] of Object.entries(layout)) setPath(figure.layout, key, value);
}

// Plotly.update arguments: for each key an array over the traces, undefined where a
// trace did not list the key (plotly.js leaves that trace's value alone).
function plotlyUpdate({traces, layout}) {
  const restyle = {};
  traces.forEach((changes, i) => {
    for (const [key, value] of Object.entries(changes)) {
      if (!(key in restyle)) restyle[key] = traces.map(() => undefined);
      restyle[key][i] = value;
    }
  });
  return [restyle, layout, traces.map((_, i) => i)];
}

function initialize({model}) {
  // The model's own figure follows every update, so a view created later in this page
  // draws the current figure.
  const onMessage = msg => {
    if (msg && msg.kind === UPDATE) applyToFigure(model.get("figure"), msg);
  };
  model.on("msg:custom", onMessage);
  return () => model.off("msg:custom", onMessage);
}

async function render({model, el}) {
  let Plotly;
  try {
    Plotly = await loadPlotly(model);
  } catch (error) {
    console.error("[biomech] plotly.js did not load:", error);
    el.textContent = MESSAGE;
    return;
  }
  const gd = document.createElement("div");
  el.appendChild(gd);
  const figure = model.get("figure");
  // Updates wait for the first drawing and then run in order; a failed one does not stop the rest.
  let drawn = Plotly.newPlot(gd, structuredClone(figure.data), structuredClone(figure.layout), CONFIG)
    .catch(error => console.error("[biomech] plot failed:", error));
  const later = step => {
    drawn = drawn.then(step).catch(error => console.error("[biomech] plot update failed:", error));
  };
  const onMessage = msg => {
    if (!msg || msg.kind !== UPDATE) return;
    const [restyle, relayout, traces] = plotlyUpdate(structuredClone(msg));  // plotly.js keeps what it is given
    later(() => Plotly.update(gd, restyle, relayout, traces));
  };
  const onReplace = () => {  // the figure trait was assigned as a whole
    const current = model.get("figure");
    later(() => Plotly.react(gd, structuredClone(current.data), structuredClone(current.layout), CONFIG));
  };
  model.on("msg:custom", onMessage);
  model.on("change:figure", onReplace);
  return () => {
    model.off("msg:custom", onMessage);
    model.off("change:figure", onReplace);
    Plotly.purge(gd);
  };
}

export default {initialize, render};
export {applyToFigure, plotlyUpdate};  // for tests/test_plot_widget.py
""".replace("__UPDATE__", UPDATE)


def _plain(value):
    """A JSON-ready copy: numpy arrays and numbers become lists and Python numbers, and
    NaN or infinity becomes None (a gap), which a figure can carry."""
    if isinstance(value, float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, np.ndarray):
        if value.dtype.kind == "f":
            finite = np.isfinite(value)
            if not finite.all():
                value = np.where(finite, value.astype(object), None)
            return value.tolist()
        return _plain(value.tolist())
    if isinstance(value, np.generic):
        return _plain(value.item())
    return value


def _check_keys(keys):
    for key in keys:
        if "[" in key:
            raise ValueError(f"{key!r}: array-index keys are not supported; send the whole list instead")


def _set_path(target, path, value):
    """Set a flat plotly key (``"scene.xaxis.range"``) in a nested dict; None removes it,
    as ``Plotly.restyle``/``Plotly.relayout`` do."""
    *parents, leaf = path.split(".")
    for part in parents:
        if not isinstance(target.get(part), dict):
            target[part] = {}
        target = target[part]
    if value is None:
        target.pop(leaf, None)
    else:
        target[leaf] = value


class PlotFigure(anywidget.AnyWidget):
    """A plotly.js figure as a widget: ``PlotFigure({"data": [...], "layout": {...}})``.

    Leave it last in a notebook cell to display it; it works offline and in Voila.
    Change it with :meth:`update`; :attr:`data` and :attr:`plot_layout` read the current
    figure. (The layout is not called ``layout``: that name is ipywidgets' CSS layout of
    the widget's box.)
    """

    _esm = ESM

    #: The current figure, kept current in place by :meth:`update` (what a new view draws).
    figure = traitlets.Dict().tag(sync=True)
    #: plotly.js as a path relative to the page's extensions URL, when installed ...
    _plotly_path = traitlets.Unicode("").tag(sync=True)
    #: ... else its source (4.8 MB), carried by the figure itself.
    _plotly_source = traitlets.Unicode("").tag(sync=True)

    def __init__(self, figure=None, **kwargs):
        path = assets.installed_path()
        kwargs.setdefault("_plotly_path", path or "")
        kwargs.setdefault("_plotly_source", "" if path else assets.plotly_js_source())
        super().__init__(figure=figure if figure is not None else {}, **kwargs)

    @traitlets.validate("figure")
    def _plain_figure(self, proposal):
        figure = proposal["value"]
        if hasattr(figure, "to_dict"):  # a plotly.graph_objects.Figure, through its public API
            figure = figure.to_dict()
        return {"data": [_plain(dict(trace)) for trace in figure.get("data", [])],
                "layout": _plain(dict(figure.get("layout", {})))}

    @property
    def data(self):
        """The current traces (dicts with nested keys); read-only: change them with :meth:`update`."""
        return self.figure["data"]

    @property
    def plot_layout(self):
        """The current plotly layout (a nested dict); read-only: change it with :meth:`update`."""
        return self.figure["layout"]

    def to_dict(self):
        """A copy of the current figure dict."""
        return deepcopy(self.figure)

    def update(self, traces=(), layout=None):
        """Change the figure and every open view of it, with one message.

        ``traces``: one dict per trace, in trace order from the first, of flat plotly keys
        to set (``"x"``, ``"line.color"``, ``"text"``, ``"visible"``); a trace may omit
        keys, and later traces may be left out. ``layout``: flat relayout keys
        (``"scene.xaxis.range"``, ``"title.text"``, ``"annotations"``). Values may be numpy
        arrays; NaN becomes a gap (None), and None removes a key.
        """
        traces = [_plain(dict(changes)) for changes in traces]
        layout = _plain(dict(layout or {}))
        if len(traces) > len(self.data):
            raise ValueError(f"{len(traces)} trace updates for a figure with {len(self.data)} traces")
        _check_keys([key for changes in traces for key in changes] + list(layout))  # before any change
        for trace, changes in zip(self.data, traces):
            for key, value in changes.items():
                _set_path(trace, key, value)
        for key, value in layout.items():
            _set_path(self.plot_layout, key, value)
        self.send({"kind": UPDATE, "traces": traces, "layout": layout})


#: Former name, kept for callers that still use it.
LiveFigure = PlotFigure


def apply(fig, dynamic, layout=None):
    """``fig.update(dynamic, layout)``: the explorer's redraw of one figure."""
    fig.update(dynamic, layout)


def show(figure):
    """A :class:`PlotFigure` of a figure dict (``{"data": ..., "layout": ...}``): leave it
    last in a notebook cell to display it; it works offline and in Voila."""
    return PlotFigure(figure)
