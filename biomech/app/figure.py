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
import re
from copy import deepcopy

import anywidget
import numpy as np
import traitlets

from . import assets

#: Kind of the custom message that carries an update (the only one the views listen to).
UPDATE = "biomech-plot-update"

# The browser side. Kept small and free of plotly.js: anywidget gives a widget 2 s from the
# creation of its model to load this module and run initialize(), and a busy page (a slow
# laptop, many widgets starting together) must not eat those 2 s. So render() returns at
# once and the heavy work (importing plotly.js, 4.8 MB; each first drawing, WebGL for
# 3-D) waits until the browser is idle, one figure at a time: widgets still starting on
# the page get the main thread first. A figure that is not on screen (a closed tab or
# accordion) is drawn when it is first shown.
ESM_SOURCE = r"""
const UPDATE = "__UPDATE__";
const CONFIG = {responsive: false, displaylogo: false};
const LOADING = Symbol.for("biomech.plotly");  // one load of plotly.js per page, shared by every figure
const QUEUE = Symbol.for("biomech.plot-queue");  // first drawings, one at a time
const WATCH = Symbol.for("biomech.start-watch");
const MESSAGE = "The plot library could not load: run `python tools/setup_jupyter.py` once, then reload the page.";
const FAILED = "This figure could not be drawn. Reload the page to try again.";
const WAITING = "Drawing the figure…";
const STALLED = "Part of this page did not start in time (the computer was busy). Reload the page.";
const TURN_DEG = 15, TILT = 0.25;
const TURN_KEYS = "ArrowLeft ArrowRight ArrowUp ArrowDown Home";

const warn = what => error => console.error("[biomech] " + what + " failed:", error);

// Timings for benchmarks/browser_latency.py and benchmarks/capacity.py (performance marks).
function mark(name, detail) {
  try { performance.mark("biomech:" + name, {detail}); } catch (error) { return; }
}

// Resolves once the browser has nothing else queued (new widgets starting, messages).
const idle = () => new Promise(resolve => (window.requestIdleCallback || setTimeout)(() => resolve()));

// The first drawing waits for the browser to be idle (every widget created so far has
// started); later ones follow each other at once.
function later(step) {
  const run = (window[QUEUE] || idle()).then(step);
  window[QUEUE] = run.catch(() => undefined);
  return run;
}

// anywidget rejects a widget that did not start within 2 s with this message and the
// widget then ignores the kernel. Say so on the page, in words, with what to do.
function watchStarts() {
  if (window[WATCH]) return;
  window[WATCH] = true;
  window.addEventListener("unhandledrejection", event => {
    const reason = String((event.reason && event.reason.message) || event.reason);
    if (!reason.includes("Failed to initialize model") || document.getElementById("bm-start-alert")) return;
    const box = document.createElement("div");
    box.id = "bm-start-alert";
    box.setAttribute("role", "alert");
    box.className = "bm-start-alert";
    box.textContent = STALLED;
    document.body.prepend(box);
  });
}
if (typeof window !== "undefined") watchStarts();

// Same resolution as JupyterLab and Voila use for their extensions (any base URL).
function extensionsUrl() {
  const node = document.getElementById("jupyter-config-data");
  const config = JSON.parse((node && node.textContent) || "{}");
  const base = config.fullLabextensionsUrl || (config.baseUrl || "/") + "lab/extensions";
  return new URL(base.replace(/\/?$/, "/"), window.location.href);
}

// plotly.min.js is a UMD file that ends with `window.Plotly = Plotly`; importing it runs it.
async function importPlotly(model) {
  const path = model.get("_plotly_path"), source = model.get("_plotly_source");
  const blob = !path && source ? URL.createObjectURL(new Blob([source], {type: "text/javascript"})) : null;
  if (!path && !blob) throw new Error("no plotly.js path or source");
  const before = window.Plotly;
  try {
    await import(blob || new URL(path, extensionsUrl()).href);
    const Plotly = window.Plotly;
    if (!Plotly || typeof Plotly.newPlot !== "function") throw new Error("no window.Plotly");
    if (before !== undefined) window.Plotly = before;  // another library's plotly.js on the page keeps its global
    mark("plotly-loaded");
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

// Two updates as one (the later value of a key wins): updates that arrive while the
// figure is still drawing the previous one are drawn together.
function mergeUpdates(a, b) {
  if (!a) return b;
  const n = Math.max(a.traces.length, b.traces.length);
  const traces = Array.from({length: n}, (_, i) => ({...a.traces[i], ...b.traces[i]}));
  return {traces, layout: {...a.layout, ...b.layout}};
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

// The camera after a key press (3-D views): turn about the vertical, tilt, zoom, or back to the start.
function turnedCamera(camera, key, start) {
  if (key === "Home") return structuredClone(start);
  const eye = Object.assign({x: 0, y: 1.7, z: 0.2}, camera && camera.eye);
  const out = Object.assign({}, camera || {}, {eye: Object.assign({}, eye)});
  if (key === "ArrowLeft" || key === "ArrowRight") {
    const angle = (key === "ArrowLeft" ? -1 : 1) * TURN_DEG * Math.PI / 180;
    out.eye.x = eye.x * Math.cos(angle) - eye.y * Math.sin(angle);
    out.eye.y = eye.x * Math.sin(angle) + eye.y * Math.cos(angle);
  } else if (key === "ArrowUp" || key === "ArrowDown") {
    out.eye.z = Math.max(-2, Math.min(2.5, eye.z + (key === "ArrowUp" ? TILT : -TILT)));
  } else {
    return null;
  }
  return out;
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

function describe(el, model) {
  const label = model.get("label"), description = model.get("description");
  const turn = model.get("turnable") ? " Arrow keys turn it, Home turns it back." : "";
  const text = [label, description].filter(Boolean).join(". ") + turn;
  if (text) el.setAttribute("aria-label", text);
  else el.removeAttribute("aria-label");
}

// Plotly's toolbar is for the mouse: its buttons stay out of the keyboard's tab order.
function untab(gd) {
  gd.querySelectorAll(".modebar-btn").forEach(b => b.setAttribute("tabindex", "-1"));
}

function render({model, el}) {
  el.classList.add("bm-plot");
  // A named figure to a screen reader; plotly's own drawing (axis numbers, legend, toolbar)
  // is hidden from it: the name and the description say what it shows.
  el.setAttribute("role", "figure");
  describe(el, model);
  const fit = () => model.get("fit");
  const size = () => {
    const {width, height} = fit() ? {width: el.clientWidth, height: el.clientHeight} : model.get("figure").layout || {};
    return {width, height};
  };
  // A box the figure's size until it is drawn: no jump of the page, and a shown figure has
  // a size. (Not on `el`, whose inline style belongs to ipywidgets' layout.)
  const box = document.createElement("div");
  box.className = "bm-plot-box";
  const wanted = size();
  if (fit()) {
    box.style.width = box.style.height = "100%";
  } else {
    if (wanted.width) box.style.minWidth = wanted.width + "px";
    if (wanted.height) box.style.minHeight = wanted.height + "px";
  }
  const note = document.createElement("div");
  note.className = "bm-plot-note";
  note.textContent = WAITING;
  const gd = document.createElement("div");
  gd.setAttribute("aria-hidden", "true");
  box.append(note, gd);
  el.appendChild(box);

  let Plotly = null, drawn = false, closed = false, pending = null, busy = false, started = false;
  let camera = null;
  const shown = () => box.isConnected && box.getClientRects().length > 0 && box.clientWidth > 0;
  const fail = (text, error) => {
    console.error("[biomech] " + text, error);
    mark("failed", model.get("label"));  // a server-drawn picture of it (poster.py) gives way
    note.textContent = text;
    note.setAttribute("role", "alert");
    note.hidden = false;
  };
  const settle = () => untab(gd);

  const flush = () => {
    if (!drawn || busy || !pending || closed) return;
    const update = pending;
    pending = null;
    busy = true;
    const [restyle, relayout, traces] = plotlyUpdate(update);
    Plotly.update(gd, restyle, relayout, traces)
      .catch(warn("plot update"))
      .finally(() => { busy = false; settle(); flush(); });
  };

  const draw = async () => {
    if (closed) return;
    try {
      Plotly = await loadPlotly(model);
    } catch (error) {
      fail(MESSAGE, error);
      return;
    }
    if (closed) return;
    const figure = model.get("figure");
    const layout = structuredClone(figure.layout);
    if (fit()) Object.assign(layout, size());
    try {
      await Plotly.newPlot(gd, structuredClone(figure.data), layout, CONFIG);
    } catch (error) {
      fail(FAILED, error);
      return;
    }
    camera = structuredClone((figure.layout.scene || {}).camera || null);
    gd.on("plotly_afterplot", settle);
    gd.on("plotly_relayout", event => {
      if (event && event["scene.camera"]) camera = event["scene.camera"];
    });
    settle();
    note.hidden = true;
    box.style.minWidth = box.style.minHeight = "";
    drawn = true;
    pending = null;  // the drawing used the current figure, which has every update so far
    mark("drawn", model.get("label"));
    flush();
  };

  const start = () => {
    if (started || closed || !shown()) return;
    started = true;
    later(draw).catch(error => fail(FAILED, error));
  };

  // Draw once shown; follow the box's size when the figure fits it.
  let resizing = false;
  const observer = new ResizeObserver(() => {
    start();
    if (!drawn || !fit() || resizing) return;
    resizing = true;
    requestAnimationFrame(() => {
      resizing = false;
      const {width, height} = size();
      const current = gd.layout || {};
      if (width > 0 && height > 0 && (width !== current.width || height !== current.height)) {
        Plotly.relayout(gd, {width, height}).catch(warn("resize"));
      }
    });
  });
  observer.observe(box);
  requestAnimationFrame(start);

  const onMessage = msg => {
    if (!msg || msg.kind !== UPDATE || !drawn) return;  // before the first drawing: it draws the current figure
    pending = mergeUpdates(pending, structuredClone({traces: msg.traces, layout: msg.layout}));
    flush();
  };
  const onReplace = () => {  // the figure trait was assigned as a whole
    if (!drawn) return;
    const current = model.get("figure");
    const layout = structuredClone(current.layout);
    if (fit()) Object.assign(layout, size());
    pending = null;
    Plotly.react(gd, structuredClone(current.data), layout, CONFIG)
      .catch(warn("plot")).finally(settle);
  };
  const onLabel = () => describe(el, model);
  const onTurnable = () => {
    const on = model.get("turnable");
    el.toggleAttribute("tabindex", on);
    if (on) el.tabIndex = 0;
    if (on) el.setAttribute("aria-keyshortcuts", TURN_KEYS);
    else el.removeAttribute("aria-keyshortcuts");
    describe(el, model);
  };
  const onKey = event => {
    if (!model.get("turnable") || !drawn || event.altKey || event.ctrlKey || event.metaKey) return;
    const start = (model.get("figure").layout.scene || {}).camera || {};
    const next = turnedCamera(camera, event.key, start);
    if (!next) return;
    event.preventDefault();
    event.stopPropagation();
    camera = next;
    Plotly.relayout(gd, {"scene.camera": next}).catch(warn("turn"));
  };
  onTurnable();
  el.addEventListener("keydown", onKey);
  model.on("msg:custom", onMessage);
  model.on("change:figure", onReplace);
  model.on("change:label change:description", onLabel);
  model.on("change:turnable", onTurnable);
  return () => {
    closed = true;
    observer.disconnect();
    el.removeEventListener("keydown", onKey);
    model.off("msg:custom", onMessage);
    model.off("change:figure", onReplace);
    model.off("change:label change:description", onLabel);
    model.off("change:turnable", onTurnable);
    if (Plotly) Plotly.purge(gd);
  };
}

export default {initialize, render};
export {applyToFigure, plotlyUpdate, mergeUpdates, turnedCamera};  // for tests/test_plot_widget.py
""".replace("__UPDATE__", UPDATE)


def _compact(source):
    """The module as sent to the browser: without its comment lines and indentation (the
    readable copy is :data:`ESM_SOURCE`)."""
    lines = (re.sub(r"\s+// .*$", "", line).strip() for line in source.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"


ESM = _compact(ESM_SOURCE)

# The figure's box: a visible focus ring (3:1 and more against white and the dark film),
# the note shown until it is drawn, and the page's alert when a widget did not start.
CSS = """
.bm-plot-box { position: relative; }
.bm-plot:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; box-shadow: 0 0 0 5px #ffffff; }
.bm-plot-note { position: absolute; top: 40%; left: 0; right: 0; text-align: center; color: #3d4548;
                font: 13px system-ui, sans-serif; }
.bm-plot-note[role=alert] { position: static; padding: 8px; background: #fdecea; color: #7a1d13; }
.bm-start-alert { position: sticky; top: 0; z-index: 1000; padding: 8px 12px; background: #fdecea; color: #7a1d13;
                  border-bottom: 2px solid #a5281b; font: 14px system-ui, sans-serif; }
"""


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


def _get_path(target, path):
    """The value at a flat plotly key in a nested dict (None when it is not set, which is
    what setting None means)."""
    for part in path.split("."):
        if not isinstance(target, dict) or part not in target:
            return None
        target = target[part]
    return target


class PlotFigure(anywidget.AnyWidget):
    """A plotly.js figure as a widget: ``PlotFigure({"data": [...], "layout": {...}})``.

    Leave it last in a notebook cell to display it; it works offline and in Voila.
    Change it with :meth:`update`; :attr:`data` and :attr:`plot_layout` read the current
    figure. (The layout is not called ``layout``: that name is ipywidgets' CSS layout of
    the widget's box.)
    """

    _esm = ESM
    _css = CSS

    #: The current figure, kept current in place by :meth:`update` (what a new view draws).
    figure = traitlets.Dict().tag(sync=True)
    #: plotly.js as a path relative to the page's extensions URL, when installed ...
    _plotly_path = traitlets.Unicode("").tag(sync=True)
    #: ... else its source (4.8 MB), carried by the figure itself.
    _plotly_source = traitlets.Unicode("").tag(sync=True)
    #: What the figure shows, in words: its accessible name (the figure is an image to a
    #: screen reader), e.g. "Front view of the legs, like a standing X-ray".
    label = traitlets.Unicode("").tag(sync=True)
    #: What it shows now, in words (read after the label); kept current by its owner.
    description = traitlets.Unicode("").tag(sync=True)
    #: A 3-D view that turns from the keyboard: focusable, arrow keys turn it (left and
    #: right about the vertical, up and down over it), Home returns to the figure's own camera.
    turnable = traitlets.Bool(False).tag(sync=True)
    #: The drawing fills the widget's box (its size set by CSS, e.g. a class added with
    #: ``add_class``) instead of the layout's width and height, and follows it.
    fit = traitlets.Bool(False).tag(sync=True)

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
        return {
            "data": [_plain(dict(trace)) for trace in figure.get("data", [])],
            "layout": _plain(dict(figure.get("layout", {}))),
        }

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

        Keys already at the given value are left out of the message, and nothing is sent
        when no key changes: plotly.js redraws a whole figure (a full relayout) for a
        layout key or a trace's visibility even when the value is the same, which was
        most of a slider move's drawing time in the browser.
        """
        traces = [_plain(dict(changes)) for changes in traces]
        layout = _plain(dict(layout or {}))
        if len(traces) > len(self.data):
            raise ValueError(f"{len(traces)} trace updates for a figure with {len(self.data)} traces")
        _check_keys([key for changes in traces for key in changes] + list(layout))  # before any change
        traces = [
            {key: value for key, value in changes.items() if _get_path(trace, key) != value}
            for trace, changes in zip(self.data, traces)
        ]
        layout = {key: value for key, value in layout.items() if _get_path(self.plot_layout, key) != value}
        while traces and not traces[-1]:
            traces.pop()
        if not traces and not layout:
            return
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
