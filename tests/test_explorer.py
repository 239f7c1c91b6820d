"""The explorer widget, driven programmatically (no browser): every control changes the
figures and readouts to the model's own numbers; presets, reset, compare; a sweep over
slider values never raises and never puts NaN into a figure."""

from __future__ import annotations

import itertools
import math

import ipywidgets as widgets
import numpy as np
import pytest

import biomech
from biomech.app import PRESETS, explorer
from biomech.app import controls as ctl
from biomech.attribution import cause_contributions
from biomech.views import limb3d, xray


def joint_positions(fig):
    """Joint-centre markers of the 3-D view as an (n, 3) array [mm]."""
    trace = fig.data[limb3d.TRACE_NAMES.index("joint centres")]
    return np.column_stack([trace["x"], trace["y"], trace["z"]])


def finite_numbers(values):
    return [v for v in values if v is not None]


def assert_figure_finite(fig):
    for trace in fig.data:
        for axis in ("x", "y", "z"):
            values = trace.get(axis)
            if values is None or isinstance(values, str):
                continue
            numbers = [v for v in values if not isinstance(v, str)]
            assert all(v is None or math.isfinite(v) for v in numbers), f"{trace['name']}.{axis} has NaN/inf"


def assert_matches_model(app):
    """Figures and readouts show what biomech.simulate / pose give for the same inputs."""
    expected = biomech.simulate(**app.inputs)
    for name in biomech.OUTPUT_NAMES:
        assert getattr(app.result, name) == pytest.approx(getattr(expected, name), rel=1e-9, abs=1e-9), name
    p = biomech.pose(**app.inputs)
    joints = np.array([p[s][k] for s in ("right", "left") for k in ("hip_center", "knee_center", "ankle_center")])
    np.testing.assert_allclose(joint_positions(app.fig3d), joints, atol=1e-9)
    xr = app.figx.data[xray.TRACE_NAMES.index("joint centres")]
    np.testing.assert_allclose(np.column_stack([xr["x"], xr["y"]]), joints[:, [0, 2]], atol=1e-9)
    # The readouts print the HKA and projection angle with their sign.
    for value in (expected.hka_deg, expected.fppa_deg):
        assert f"{value:+.1f}".replace("-", "\u2212") in app.readouts.value
    assert f"{100 * expected.medial_load_fraction:.0f} %" in app.load_bar.value


@pytest.fixture
def app():
    return explorer(task="single_leg_squat")


def test_first_view_shows_the_model(app):
    assert app.result.inputs["task"] == "single_leg_squat"
    assert app.controls["knee_flexion_deg"].value == 45.0
    assert_matches_model(app)
    assert app.message.value == ""


@pytest.mark.parametrize(
    "name, value",
    [
        ("adductor_tightness", 0.7),
        ("abductor_weakness", 0.6),
        ("arch_collapse", 0.8),
        ("hip_width_offset_mm", 30.0),
        ("pelvic_tilt_offset_deg", 12.0),
        ("bone_offset_deg", 5.0),
    ],
)
def test_each_cause_moves_the_knee_in_both_views(app, name, value):
    def knee_inside_load_line_mm():
        """How far the drawn right knee sits medial of the drawn hip-ankle line [mm]."""
        hip, knee, ankle = joint_positions(app.fig3d)[:3]
        t = (knee[2] - hip[2]) / (ankle[2] - hip[2])
        return hip[0] + t * (ankle[0] - hip[0]) - knee[0]

    shift_trace = xray.TRACE_NAMES.index("load-axis shift")
    before_inside = knee_inside_load_line_mm()
    before_shift = app.figx.data[shift_trace]["x"]
    before = app.result
    app.controls[name].value = value
    after = app.result
    assert after.fppa_deg > before.fppa_deg
    assert after.load_axis_shift_mm > before.load_axis_shift_mm
    # The drawn knee moved toward the midline (wider hips move it only a little: with the
    # foot under the centre of mass the whole leg slopes more).
    assert knee_inside_load_line_mm() > before_inside + (0.1 if name == "hip_width_offset_mm" else 1.0)
    assert knee_inside_load_line_mm() == pytest.approx(after.load_axis_shift_mm)
    assert app.figx.data[shift_trace]["x"] != before_shift
    assert_matches_model(app)
    assert name in ctl.CAUSE_CONTROLS and app.labels[name].value  # clinical equivalent shown


def test_cause_slider_equals_scripted_simulation():
    app = explorer(task="single_leg_squat")
    app.controls["arch_collapse"].value = 0.5
    scripted = biomech.simulate(task="single_leg_squat", arch_collapse=0.5)
    assert app.result.fppa_deg == pytest.approx(scripted.fppa_deg)
    assert app.result.load_axis_shift_mm == pytest.approx(scripted.load_axis_shift_mm)
    assert app.ui["arch_collapse"] == 0.5


def test_offset_controls_mean_offsets_from_typical():
    app = explorer(sex="male", height_m=1.80)
    app.controls["hip_width_offset_mm"].value = 20.0
    typical = float(biomech.subject.default_hip_width_mm(False, 1.80))
    assert app.result.hip_width_mm == pytest.approx(typical + 20.0)
    app.set(hip_width_mm=200.0)
    assert app.ui["hip_width_offset_mm"] == pytest.approx(200.0 - typical)


@pytest.mark.parametrize(
    "name, value",
    [
        ("sex", "male"),
        ("height_m", 1.85),
        ("mass_kg", 95.0),
        ("age_years", 4.0),
        ("knee_flexion_deg", 80.0),
        ("side", "left"),
    ],
)
def test_person_and_task_controls(app, name, value):
    before = joint_positions(app.fig3d).copy()
    before_text = app.readouts.value
    before_title = app.figx.plot_layout["title"]["text"]
    app.controls[name].value = value
    assert_matches_model(app)
    if name != "mass_kg":  # mass changes loads, not the pose
        assert not np.allclose(joint_positions(app.fig3d), before)
    if name == "side":  # left and right are mirror images: same numbers, other leg measured
        assert app.readouts.value == before_text
        assert "left leg measured" in app.figx.plot_layout["title"]["text"] != before_title
    else:
        assert app.readouts.value != before_text


def test_task_change_sets_the_tasks_knee_range_and_default(app):
    for task, spec in biomech.TASKS.items():
        app.controls["task"].value = task
        slider = app.controls["knee_flexion_deg"]
        assert (slider.min, slider.max) == spec.knee_flexion_range_deg
        assert slider.value == spec.knee_flexion_default_deg
        assert_matches_model(app)


@pytest.mark.parametrize("key", list(PRESETS))
def test_every_preset_loads(app, key):
    app.preset.value = key
    values = PRESETS[key].values()
    for name, value in values.items():
        assert app.ui[name] == pytest.approx(value) if not isinstance(value, str) else app.ui[name] == value
    assert app.result.inputs["task"] == "single_leg_squat"  # presets leave the task alone
    assert app.message.value == ""
    assert_matches_model(app)
    assert PRESETS[key].note in app.preset_note.value


def test_reset_returns_to_the_starting_state(app):
    start = app.result
    app.set(arch_collapse=0.9, sex="male", task="squat")
    assert app.result.fppa_deg != start.fppa_deg
    app.reset_button.click()
    assert app.result.as_dict() == start.as_dict()
    assert app.controls["task"].value == "single_leg_squat"


def test_compare_freezes_a_ghost(app):
    ghost_trace = limb3d.TRACE_NAMES.index("frozen (compare)")
    assert app.fig3d.data[ghost_trace]["visible"] is False
    frozen = app.result
    app.compare.value = True
    app.controls["abductor_weakness"].value = 0.8
    assert app.ghost.fppa_deg == frozen.fppa_deg
    assert app.fig3d.data[ghost_trace]["visible"] is True
    ghost_points = [v for v in app.fig3d.data[ghost_trace]["x"] if v is not None]
    assert frozen.landmarks["knee_center"][0] == pytest.approx(
        biomech.pose(**{**app.inputs, "abductor_weakness": 0.0})["right"]["knee_center"][0]
    )
    assert ghost_points and "Frozen" in app.readouts.value
    app.compare.value = False
    assert app.ghost is None and app.fig3d.data[ghost_trace]["visible"] is False
    assert "Frozen" not in app.readouts.value


def test_breakdown_is_the_models_attribution(app):
    app.set(arch_collapse=0.6, abductor_weakness=0.3)
    expected = cause_contributions(app.result.inputs, ("fppa_deg",))["fppa_deg"]
    bars = app.figwhy.data[0]
    assert bars["y"][0] == pytest.approx(expected["typical"])
    assert bars["y"][-1] == pytest.approx(app.result.fppa_deg)
    assert sum(bars["y"][1:-1]) == pytest.approx(expected["current"] - expected["typical"])
    app.breakdown_choice.value = "load_axis_shift_mm"
    assert app.figwhy.data[0]["y"][-1] == pytest.approx(app.result.load_axis_shift_mm)
    assert "load-axis shift" in app.figwhy.plot_layout["title"]["text"]


def test_invalid_combination_shows_a_message_and_keeps_working(app):
    app.set(height_m=0.5, mass_kg=5.0)
    good = app.result
    # The hip-width slider only offers what a 0.5 m body allows (the model's 40 mm floor),
    # on whole steps from zero (the browser snaps a slider's value to its grid):
    offset = app.controls["hip_width_offset_mm"]
    floor = 40.0 - ctl.typical(app.ui)["hip_width_mm"]
    assert floor <= offset.min < floor + offset.step and offset.min % offset.step == 0
    app.controls["mass_kg"].value = 60.0  # 240 kg/m^2 at 0.5 m: a readable message
    assert "body-mass index" in app.message.value and "Traceback" not in app.message.value
    assert "body-mass index" in app.message.value and app.result.as_dict() == good.as_dict()
    app.controls["mass_kg"].value = 5.0
    assert app.message.value == ""
    app.controls["arch_collapse"].value = 0.4
    assert_matches_model(app)


def test_slider_values_sit_on_the_browser_grid(app):
    # noUiSlider snaps to min + k * step: a limit off the grid would move the typical value
    # (offset 0) as soon as the page draws the slider, and the page would send that back.
    # Also a value set off the step grid (300 mm is 59.2 mm above typical): the grid moves
    # to pass through the value shown, so the browser shows it as set.
    for inputs in (
        {"height_m": 1.65},
        {"height_m": 1.52},
        {"height_m": 1.93},
        {"hip_width_mm": 300.0},
        {"pelvic_tilt_deg": 11.3, "age_years": 95.0},
    ):
        app.set(**inputs)
        for name, widget in app.controls.items():
            if isinstance(widget, widgets.FloatSlider):
                low, high = ctl.control_range(name, app.ui)
                steps = (widget.value - widget.min) / widget.step
                assert steps == pytest.approx(round(steps), abs=1e-6), (name, widget.min, widget.value)
                assert low - 1e-9 <= widget.min < low + widget.step and high - widget.step < widget.max <= high + 1e-9


def test_scripted_bad_value_raises_and_shows_message(app):
    with pytest.raises(ValueError, match="arch_collapse = 3"):
        app.set(arch_collapse=3.0)
    assert "arch_collapse" in app.message.value
    with pytest.raises(TypeError, match="not an input of the explorer"):
        app.set(colour="red")
    with pytest.raises(ValueError, match="preset"):
        explorer(preset="nonsense")


def test_slider_sweep_never_raises_or_draws_nan():
    app = explorer()
    rng = np.random.default_rng(7)
    grid = list(itertools.product(biomech.TASK_NAMES, (0.0, 1.0), (0.0, 1.0)))
    for task, low, high in grid:
        app.controls["task"].value = task
        values = {
            name: float(rng.uniform(app.controls[name].min, app.controls[name].max)) for name in ctl.CAUSE_CONTROLS
        }
        values["adductor_tightness"], values["arch_collapse"] = low, high
        for name, value in values.items():
            app.controls[name].value = value
        slider = app.controls["knee_flexion_deg"]
        for flexion in (slider.min, slider.max):
            slider.value = flexion
            assert app.message.value == "", app.message.value
            for fig in app.figures.values():
                assert_figure_finite(fig)
    assert_matches_model(app)


def test_new_view_gets_the_current_figure_not_the_construction_state(app):
    """plotly 7 kept a FigureWidget's synced state at construction values; the figures
    must hand the current figure to a view opened later (Voila, page reload)."""
    app.controls["arch_collapse"].value = 1.0
    state = app.fig3d.get_state()
    joints = state["figure"]["data"][limb3d.TRACE_NAMES.index("joint centres")]
    np.testing.assert_allclose(joints["x"], joint_positions(app.fig3d)[:, 0])
    labels = app.figx.get_state()["figure"]["data"][xray.TRACE_NAMES.index("labels")]["text"]
    assert f"{abs(app.result.load_axis_shift_mm):.0f} mm" in labels[1]


def test_every_figure_sends_its_data_to_a_view_that_is_opening(monkeypatch):
    """Regression: the front view and the breakdown once reached JupyterLab with no
    traces, because refreshing one synced key of plotly's FigureWidget (_widget_layout)
    also refreshed the other (_widget_data) and plotly's own assignment of it then sent
    nothing. Record the messages a new figure sends to the front end and check its data
    is among them."""
    import comm
    from comm.base_comm import BaseComm

    sent = []

    class Recorder(BaseComm):
        def publish_msg(self, msg_type, data=None, metadata=None, buffers=None, **keys):
            sent.append(data or {})

    monkeypatch.setattr(comm, "create_comm", lambda **kwargs: Recorder(**kwargs))
    app = explorer(task="single_leg_squat")
    for name, fig in app.figures.items():
        sent.clear()
        fresh = type(fig)(fig.to_dict())
        traces = [len(m["state"]["figure"]["data"]) for m in sent if "figure" in m.get("state", {})]
        assert traces and traces[-1] == len(fresh.data), f"{name}: {len(fresh.data)} traces, sent {traces}"


def test_changes_arriving_faster_than_redraws_are_merged(monkeypatch):
    """Inside a kernel, a slider drag sends many values; the explorer redraws once for all
    of them that arrived before the event loop got a turn, with the last value, instead
    of replaying each stale position. (A stand-in loop records what was scheduled: a real
    one cannot run here once Playwright's loop owns this thread.)"""
    import sys

    class Loop:
        def __init__(self):
            self.scheduled = []

        def call_soon(self, callback, *args):
            self.scheduled.append((callback, args))

    explorer_module = sys.modules["biomech.app.explorer"]  # the module, not the function of that name
    app = explorer(task="single_leg_squat")
    loop = Loop()
    monkeypatch.setattr(explorer_module, "_kernel_loop", lambda: loop)
    renders = app.renders
    for value in np.linspace(0.05, 0.6, 12):
        app.controls["arch_collapse"].value = float(value)
    assert app.renders == renders and len(loop.scheduled) == 1  # one redraw waits for the loop's turn
    callback, args = loop.scheduled.pop()
    callback(*args)
    assert app.renders == renders + 1
    assert_matches_model(app)
    assert app.result.inputs["arch_collapse"] == pytest.approx(0.6)
