"""The plot widget (biomech/app/figure.py), without a browser: a view opened at any time
gets the current figure, an update is one message, everything sent is plain JSON with no
NaN, and plotly.js is named as an installed file or else carried along.

The browser side (plotly.js drawing, every open view following updates) is checked in
tests/browser; its two pure helpers are also run here under Node.js when it is there.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess

import numpy as np
import pytest
from jupyter_client.session import json_packer  # what a kernel uses to send messages

from biomech.app import assets
from biomech.app.figure import ESM, UPDATE, PlotFigure, apply, show
from biomech.views.traces import polyline

FIGURE = {
    "data": [
        {"type": "scatter", "name": "a", "x": [0.0, 1.0, None, 2.0], "y": [0.0, 1.0, None, 4.0], "line": {"width": 2}},
        {"type": "scatter", "name": "b", "x": [0.0], "y": [1.0], "visible": False},
    ],
    "layout": {"title": {"text": "start"}, "xaxis": {"range": [0, 1]}},
}


def recorded(fig):
    """Record the custom messages ``fig`` sends (through its public ``send``)."""
    sent = []
    fig.send = lambda content, buffers=None: sent.append((content, buffers))
    return sent


def test_a_new_view_gets_the_current_figure():
    fig = PlotFigure(FIGURE)
    fig.update([{"x": [5.0, 6.0]}, {"visible": True}], {"title.text": "moved", "xaxis.range": [2, 3]})
    fig.update([{"y": [7.0, 8.0]}])
    state = fig.get_state()  # what the kernel sends to a view that opens now (page load, reload)
    traces, layout = state["figure"]["data"], state["figure"]["layout"]
    assert traces[0]["x"] == [5.0, 6.0] and traces[0]["y"] == [7.0, 8.0] and traces[0]["line"] == {"width": 2}
    assert traces[1]["visible"] is True and traces[1]["x"] == [0.0]
    assert layout == {"title": {"text": "moved"}, "xaxis": {"range": [2, 3]}}
    assert fig.get_state("figure") == {"figure": state["figure"]}
    assert fig.data == traces and fig.plot_layout == layout
    assert FIGURE["data"][0]["x"] == [0.0, 1.0, None, 2.0], "the caller's figure dict must stay as it was"


def test_an_update_is_one_message_with_the_changed_keys():
    fig = PlotFigure(FIGURE)
    sent = recorded(fig)
    apply(
        fig,
        [{"x": np.array([1.0, 2.0]), "line.color": "red"}, {"visible": True}],
        {"title.text": "new", "annotations": [{"text": "R", "x": 1, "y": 2}]},
    )
    assert sent == [
        (
            {
                "kind": UPDATE,
                "traces": [{"x": [1.0, 2.0], "line.color": "red"}, {"visible": True}],
                "layout": {"title.text": "new", "annotations": [{"text": "R", "x": 1, "y": 2}]},
            },
            None,
        )
    ]
    assert fig.data[0]["line"] == {"width": 2, "color": "red"}  # a dotted key sets one leaf
    fig.update([{"line.color": None}])  # None removes a key, as Plotly.restyle does
    assert fig.data[0]["line"] == {"width": 2} and len(sent) == 2


def test_bad_updates_are_refused():
    fig = PlotFigure(FIGURE)
    sent = recorded(fig)
    with pytest.raises(ValueError, match="3 trace updates"):
        fig.update([{}, {}, {}])
    with pytest.raises(ValueError, match="array-index"):
        fig.update([], {"annotations[0].text": "x"})
    assert sent == []


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed (tests/browser runs this JS)")
def test_the_browser_side_builds_one_plotly_update(tmp_path):
    """Each view calls Plotly.update once: for each key an array over the traces, with
    undefined where a trace did not list the key; the model's own figure (which later
    views draw) takes the same changes."""
    module = tmp_path / "figure.mjs"
    module.write_text(ESM)
    script = """
import {applyToFigure, plotlyUpdate} from "./figure.mjs";
const msg = {traces: [{"x": [1, 2], "visible": false}, {"x": [3], "line.color": "red"}], layout: {"title.text": "t"}};
const [restyle, relayout, traces] = plotlyUpdate(msg);
const figure = {data: [{x: [0], line: {width: 1}}, {x: [0], line: {width: 2}}], layout: {title: {text: "old", x: 0}}};
applyToFigure(figure, {traces: [{"line.color": "blue"}, {"line.width": null}], layout: {"title.text": "t"}});
console.log(JSON.stringify({
  restyle, relayout, traces, figure,
  skipped: [restyle.visible[1] === undefined, restyle["line.color"][0] === undefined],
}));
"""
    (tmp_path / "check.mjs").write_text(script)
    out = subprocess.run(["node", "check.mjs"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["restyle"] == {"x": [[1, 2], [3]], "visible": [False, None], "line.color": [None, "red"]}
    assert result["skipped"] == [True, True]  # undefined (JSON shows null): plotly.js leaves that trace alone
    assert result["relayout"] == {"title.text": "t"} and result["traces"] == [0, 1]
    assert result["figure"] == {
        "data": [{"x": [0], "line": {"width": 1, "color": "blue"}}, {"x": [0], "line": {}}],
        "layout": {"title": {"text": "t", "x": 0}},
    }


def test_numpy_arrays_and_gaps_serialise():
    given = {
        "type": "mesh3d",
        "x": np.arange(3.0),
        "i": np.array([0, 1]),
        "opacity": np.float64(0.5),
        "y": (1.0, None, np.float32(2.5)),
    }
    fig = PlotFigure({"data": [given], "layout": {"width": np.int64(400)}})
    trace = fig.data[0]
    assert trace["x"] == [0.0, 1.0, 2.0] and trace["i"] == [0, 1] and trace["y"] == [1.0, None, 2.5]
    assert type(trace["opacity"]) is float and type(fig.plot_layout["width"]) is int
    sent = recorded(fig)
    fig.update([{"x": np.linspace(0.0, 1.0, 3), "text": np.array(["p", "q", "r"])}])
    json_packer(fig.get_state())  # raises on anything JSON cannot carry (numpy, NaN)
    json_packer(sent[0][0])
    assert sent[0][0]["traces"][0] == {"x": [0.0, 0.5, 1.0], "text": ["p", "q", "r"]}


def test_nan_never_reaches_a_figure():
    fig = PlotFigure({"data": [{"x": [1.0, math.nan, 2.0], "y": np.array([1.0, np.inf, 2.0])}], "layout": {}})
    assert fig.data[0]["x"] == [1.0, None, 2.0] and fig.data[0]["y"] == [1.0, None, 2.0]
    sent = recorded(fig)
    fig.update([{"x": np.array([np.nan, 3.0]), "y": [-math.inf, 4.0]}], {"xaxis.range": [math.nan, 1.0]})
    assert sent[0][0]["traces"][0] == {"x": [None, 3.0], "y": [None, 4.0]}
    assert fig.data[0]["x"] == [None, 3.0] and fig.plot_layout["xaxis"]["range"] == [None, 1.0]
    for payload in (fig.get_state(), sent[0][0]):
        json_packer(payload)
    # The views' own guarantee: a bad point of a polyline is a gap, not NaN.
    assert polyline([(0.0, 0.0, 0.0), (math.nan, 1.0, 1.0)]) == [[0.0, None], [0.0, 1.0], [0.0, 1.0]]


def test_installed_plotly_is_named_and_found(tmp_path, monkeypatch):
    assets.install(tmp_path)
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "share" / "jupyter"))
    path = assets.installed_path()
    assert path == f"{assets.EXTENSION}/static/{assets.bundle_name()}"
    state = show({"data": [], "layout": {}}).get_state()
    assert state["_plotly_path"] == path and state["_plotly_source"] == ""


def test_without_the_install_figures_carry_plotly(tmp_path, monkeypatch):
    # A plotly.js that no folder holds: what a Jupyter set-up without the install sees.
    monkeypatch.setattr(assets, "bundle_name", lambda: "plotly-0.0.0-notinstalled.js")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    assert assets.installed_path() is None
    state = show({"data": [], "layout": {}}).get_state()
    assert state["_plotly_path"] == ""
    assert len(state["_plotly_source"]) > 1_000_000 and "window.Plotly" in state["_plotly_source"][-1000:]


def test_a_new_figure_replaces_the_drawn_one():
    fig = PlotFigure(FIGURE)
    fig.figure = {"data": [{"x": np.array([1.0, math.nan])}], "layout": {}}  # synced as a whole (Plotly.react)
    assert fig.data == [{"x": [1.0, None]}] and fig.to_dict() == {"data": [{"x": [1.0, None]}], "layout": {}}
