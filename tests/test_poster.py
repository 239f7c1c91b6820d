"""The server-drawn picture of the explorer's figures (biomech/app/poster.py).

Points of known figures are checked at their SVG coordinates (2-D axes, equal scales,
the 3-D camera), bad input must give a ValueError that says what is wrong, and the
explorer's display carries the picture next to its widget view.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

import biomech
from biomech.app import poster

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg):
    return ET.fromstring(svg)


def figure_2d(**layout):
    return {
        "data": [{"type": "scatter", "mode": "markers", "x": [0, 10, 5], "y": [0, 20, 10], "marker": {"size": 4}}],
        "layout": {
            "width": 200,
            "height": 300,
            "margin": {"l": 20, "r": 30, "t": 40, "b": 60},
            "xaxis": {"range": [0, 10]},
            "yaxis": {"range": [0, 20]},
            **layout,
        },
    }


def circles(svg):
    return [(float(c.get("cx")), float(c.get("cy"))) for c in parse(svg).iter(SVG + "circle")]


def test_2d_points_land_on_their_axis_ranges():
    svg = poster.figure_svg(figure_2d(), "three dots")
    # Plot area: x 20..170 (150 px for 10 units), y 40..240 (200 px for 20 units, upwards).
    assert circles(svg) == [(20.0, 240.0), (170.0, 40.0), (95.0, 140.0)]
    root = parse(svg)
    assert root.get("viewBox") == "0 0 200 300"
    assert root.get("role") == "img" and root.get("aria-label") == "three dots"
    assert root.find(SVG + "title").text == "three dots"


def test_a_reversed_axis_and_equal_scales():
    fig = figure_2d(xaxis={"range": [10, 0]}, yaxis={"range": [0, 20], "scaleanchor": "x"})
    # Equal scales: 150 px / 10 units wide would need 300 px for 20 units; the 200 px of
    # height rule: 10 px per unit, the area 100 px wide, centred (x 45..145).
    assert circles(poster.figure_svg(fig, "dots")) == [(145.0, 240.0), (45.0, 40.0), (95.0, 140.0)]


def test_gaps_break_lines_and_hidden_traces_are_left_out():
    fig = figure_2d()
    fig["data"] = [
        {"type": "scatter", "mode": "lines", "x": [0, 10, None, 0, 10], "y": [0, 0, None, 20, 20]},
        {"type": "scatter", "mode": "markers", "x": [5], "y": [5], "visible": False},
    ]
    svg = poster.figure_svg(fig, "two lines")
    paths = [p.get("d") for p in parse(svg).iter(SVG + "path")]
    assert paths == ["M20 240 L170 240 M20 40 L170 40"]
    assert circles(svg) == []


def scene_figure(eye, center=(0, 0, 0), up=(0, 0, 1), projection="perspective"):
    camera = {
        "eye": dict(zip("xyz", eye)),
        "center": dict(zip("xyz", center)),
        "up": dict(zip("xyz", up)),
        "projection": {"type": projection},
    }
    axis = {"range": [-100, 100]}
    return {
        "data": [
            # The scene's centre, a point on the camera's axis nearer the eye, and one to the side.
            {"type": "scatter3d", "mode": "markers", "x": [0, 50, 0], "y": [0, 50, -100], "z": [0, 50, 0]},
        ],
        "layout": {
            "width": 300,
            "height": 200,
            "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
            "scene": {"xaxis": axis, "yaxis": axis, "zaxis": axis, "camera": camera},
        },
    }


@pytest.mark.parametrize("projection", ["perspective", "orthographic"])
def test_3d_points_on_the_camera_axis_land_in_the_centre(projection):
    shown = circles(poster.figure_svg(scene_figure((1.5, 1.5, 1.5), projection=projection), "a cube"))
    assert shown[0] == pytest.approx((150, 100)) and shown[1] == pytest.approx((150, 100))


def test_3d_camera_right_and_up():
    # Looking from +x at the centre with z up: the scene's -y is on the screen's left.
    shown = circles(poster.figure_svg(scene_figure((2, 0, 0)), "a cube"))
    assert shown[2][0] < 150 and shown[2][1] == pytest.approx(100)
    # A camera centre moved up (+z) puts the scene's centre below the middle of the picture.
    low = circles(poster.figure_svg(scene_figure((2, 0, 0), center=(0, 0, 0.2)), "a cube"))
    assert low[0][0] == pytest.approx(150) and low[0][1] > 100


@pytest.mark.parametrize(
    ("figure", "label", "message"),
    [
        ({"layout": {}}, "x", "'data' list"),
        ({"data": []}, "x", "'layout' dict"),
        ({"data": [], "layout": {}}, " ", "label"),
        ({"data": [{"type": "bar", "x": [1], "y": [1]}], "layout": {}}, "x", "type bar"),
        ({"data": [{"type": "scatter", "y": [1]}], "layout": {}}, "x", "no 'x' array"),
        ({"data": [{"type": "scatter", "x": [1, 2], "y": [1]}], "layout": {}}, "x", "expected 2"),
        ({"data": [], "layout": {"xaxis": {"range": [1, 1]}}}, "x", "xaxis.range"),
        ({"data": [], "layout": {"width": -5}}, "x", "width and height"),
        (scene_figure((0, 0, 0)), "x", "eye and center"),
        (scene_figure((0, 0, 2)), "x", "up must not point along the view"),
    ],
)
def test_bad_input_is_a_clear_value_error(figure, label, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        poster.figure_svg(figure, label)


def test_the_explorer_display_carries_its_picture_in_voila(monkeypatch):
    view = biomech.explorer()
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    assert "text/html" not in view._repr_mimebundle_()  # JupyterLab: the widget alone
    monkeypatch.setenv("VOILA_PREHEAT", "False")  # what Voila sets in each kernel it starts
    bundle = view._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    html = bundle["text/html"]
    assert html == view.picture_html()
    assert html.count("<svg") == 2 and 'class="bm-poster"' in html and poster.CAPTION in html
    assert "Still picture: 3-D view" in html and "Still picture: Front view" in html
    # The 3-D view's bones are drawn (its mesh), and nothing is fetched from elsewhere.
    assert html.count("<path") > 20 and "http" not in html.replace("http://www.w3.org/2000/svg", "")
