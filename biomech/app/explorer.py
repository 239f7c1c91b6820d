"""The explorer: one widget for lessons and live demonstrations.

Controls (causes, person, task) on the left; on the right a 3-D view, a front
"standing X-ray" view, the knee load bar, the readouts and a "why" breakdown, all
redrawn together from one model run on every change::

    import biomech
    app = biomech.explorer(task="single_leg_squat", preset="flat_feet")
    app                    # shows it in a notebook cell (or a Voila page)
    app.set(arch_collapse=0.3)
    app.result.fppa_deg    # the numbers on screen

A change travels control -> UI state -> :func:`model_inputs` -> :func:`biomech.pose`
(one model run) -> views. While a slider is dragged, changes arriving faster than the
views redraw are merged, so the screen never replays stale positions. Any problem
shows up as a message in the app, never as a traceback.
"""
from __future__ import annotations

import asyncio
import logging
import sys
from html import escape

import ipywidgets as widgets

import numpy as np

from .. import attribution, bands
from ..assumptions import defaults
from ..conventions import GROUND_FRAME
from ..inputs import COMPENSATIONS, SEXES, InputError, check_choice, check_known, check_number
from ..model import INPUT_NAMES, pose, simulate_many
from ..tasks import TASK_NAMES, TASKS
from ..views import breakdown, limb3d, readouts, style, xray
from . import controls as ctl
from .figure import LiveFigure, apply
from .presets import PRESETS

log = logging.getLogger(__name__)

HEADER = f"""
<div style="font-family:{style.FONT}">
  <div style="font-size:18px; font-weight:600">Knee valgus explorer</div>
  <div style="font-size:12px; color:#555">
    A teaching model, not a diagnosis: pain, swelling or a knee that gives way belong with a clinician.
    <br><b>Signs:</b> + = valgus (knee toward the midline, "knock-knee"), &minus; = varus ("bow-leg");
    load-axis shift + = load line passes lateral (outside) of the knee centre.
    Angles in degrees, lengths in mm. {escape(GROUND_FRAME)}
  </div>
</div>
"""


def _kernel_loop():
    """The event loop of a running Jupyter kernel, or None (scripts, tests, other hosts
    with a loop of their own, where the explorer redraws at once)."""
    kernel = sys.modules.get("ipykernel.kernelbase")
    if kernel is None or not kernel.Kernel.initialized():
        return None
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


class Explorer(widgets.VBox):
    """The interactive explorer (an ipywidgets VBox). See the module docstring."""

    def __init__(self, preset=None, **inputs):
        check_known(inputs, EXPLORER_INPUTS, "explorer()")
        self.controls = ctl.build()
        self._ui = dict(ctl.DEFAULT_UI)
        if preset is not None:
            self._ui.update(self._preset_values(preset))
        self._ui = self._checked_ui(inputs)
        self._initial_ui = dict(self._ui)
        self._syncing = False
        self._scheduled = False
        self._dirty = False
        self._ghost = None
        self._breakdown_measure = "fppa_deg"
        self.renders = 0
        self._pose = self._contributions = self._bands = self._computed_key = None
        self._compute_or_raise()
        self._build_widgets()
        self._sync_controls()
        for name, widget in self.controls.items():
            widget.observe(self._on_control, names="value")
        super().__init__(children=self._layout(), layout=widgets.Layout(width="100%"))
        self.add_class("bm-explorer")

    # ----------------------------------------------------------------- public API
    @property
    def result(self):
        """The :class:`biomech.Result` on screen (up to date even mid-drag)."""
        self._flush()
        return self._pose["result"]

    @property
    def pose(self):
        """The :func:`biomech.pose` on screen."""
        self._flush()
        return self._pose

    @property
    def contributions(self):
        """Each cause's share of the breakdown measures, as shown in the "why" chart
        (see :func:`biomech.attribution.cause_contributions`)."""
        self._flush()
        return self._contributions

    @property
    def inputs(self):
        """The :func:`biomech.simulate` keywords of the current state."""
        return ctl.model_inputs(self._ui)

    @property
    def ui(self):
        """The control values (causes of the person as offsets from typical)."""
        return dict(self._ui)

    @property
    def figures(self):
        """The three figure widgets: ``limb3d``, ``xray``, ``breakdown``."""
        return {"limb3d": self.fig3d, "xray": self.figx, "breakdown": self.figwhy}

    @property
    def ghost(self):
        """The frozen :class:`biomech.Result` shown for comparison, or None."""
        return None if self._ghost is None else self._ghost["result"]

    def set(self, **values):
        """Change several inputs at once, with one redraw. Takes :func:`biomech.simulate`
        keywords (absolute hip width, tilt and bone alignment) and the explorer's offset
        controls. A bad value is shown in the app (the explorer keeps its last valid state)
        and raised as ``ValueError``; an unknown name as an error that is also a
        ``TypeError``."""
        try:
            check_known(values, EXPLORER_INPUTS, "the explorer")
            ui = self._checked_ui(values)
        except ValueError as exc:
            self._show_message(str(exc))
            raise
        self._apply_ui(ui, raise_errors=True)

    def _checked_ui(self, values):
        """The UI state with ``values`` applied, each checked first (type, range, unit) so
        that a bad one is reported by name; a body that was typical, or that no child of
        a new age could have, follows a new sex or age (unless height or mass are given)."""
        for name, value in values.items():
            _check_value(name, value, self._ui)
        ui = dict(self._ui)
        ui.update(ctl.ui_values_from_inputs(values, ui))
        if not {"height_m", "mass_kg"} & set(values) and {"sex", "age_years"} & set(values):
            ui.update(ctl.body_following_person(ui, self._ui))
        return ui

    def load_preset(self, name):
        """Load a preset by key (see :data:`biomech.app.presets.PRESETS`); the task stays."""
        self._apply_ui({**self._ui, **self._preset_values(name)})

    def reset(self):
        """Back to the state the explorer started in."""
        self._apply_ui(dict(self._initial_ui))

    def freeze(self):
        """Keep the current state as a faint ghost to compare against."""
        self._flush()
        self._ghost = self._pose
        if not self.compare.value:
            self._syncing, self.compare.value = True, True
            self._syncing = False
        self._request_render()

    def unfreeze(self):
        """Remove the comparison ghost."""
        self._ghost = None
        if self.compare.value:
            self._syncing, self.compare.value = True, False
            self._syncing = False
        self._request_render()

    # ------------------------------------------------------------------ building
    def _preset_values(self, name):
        if name not in PRESETS:
            raise InputError(f"preset = {name!r} is not known; expected one of {', '.join(map(repr, PRESETS))}")
        return PRESETS[name].values()

    def _build_widgets(self):
        self.fig3d = LiveFigure(limb3d.figure(self._pose))
        self.figx = LiveFigure(xray.figure(self._pose))
        self.figwhy = LiveFigure(breakdown.figure(self._contributions, self._breakdown_measure))
        self.readouts = widgets.HTML(readouts.table_html(self._pose["result"], with_css=False, bands=self._bands))
        self.load_bar = widgets.HTML(readouts.load_bar_html(self._pose["result"], with_css=False))
        self.balance_note = widgets.HTML(readouts.balance_html(self._pose["result"]))
        self.message = widgets.HTML("")
        self.labels = {name: widgets.HTML(layout=widgets.Layout(margin="-6px 0 6px 24px", width="310px"))
                       for name in ctl.CAUSE_CONTROLS + ("knee_flexion_deg", "trunk_lean_deg")}
        self.preset = widgets.Dropdown(options=[("choose a preset...", "")] + [(p.label, k) for k, p in PRESETS.items()],
                                       description="Preset", style=ctl.SLIDER_STYLE, layout=ctl.WIDE)
        self.preset.observe(self._on_preset, names="value")
        self.preset_note = widgets.HTML(layout=widgets.Layout(width="330px"))
        self.reset_button = widgets.Button(description="Reset", icon="undo", tooltip="back to the starting state",
                                           layout=widgets.Layout(width="110px"))
        self.reset_button.on_click(lambda _: self._safely(self.reset))
        self.compare = widgets.ToggleButton(description="Compare", icon="clone", value=False,
                                            tooltip="freeze the current state as a faint ghost to compare against",
                                            layout=widgets.Layout(width="110px"))
        self.compare.observe(self._on_compare, names="value")
        self.breakdown_choice = widgets.Dropdown(
            options=[(label, name) for name, (label, _, _) in breakdown.MEASURES.items()],
            value=self._breakdown_measure, description="Explain", layout=widgets.Layout(width="330px"))
        self.breakdown_choice.observe(self._on_breakdown_choice, names="value")

    def _group(self, title, names):
        rows = [widgets.HTML(f"<div style='font-family:{style.FONT}; font-weight:600; margin-top:8px'>{title}</div>")]
        for name in names:
            rows.append(self.controls[name])
            if name in self.labels:
                rows.append(self.labels[name])
        return rows

    def _layout(self):
        panel = widgets.VBox(
            [self.preset, self.preset_note, widgets.HBox([self.reset_button, self.compare])]
            + self._group("What the person is doing", ctl.TASK_CONTROLS)
            + self._group("Causes", ctl.CAUSE_CONTROLS)
            + self._group("Trunk", ctl.TRUNK_CONTROLS)
            + self._group("Person", ctl.PERSON_CONTROLS),
            layout=widgets.Layout(flex="0 0 345px", padding="0 8px 0 0"))
        figure_box = widgets.Layout(flex="0 0 auto")
        views = widgets.VBox([
            widgets.HBox([widgets.Box([self.fig3d], layout=figure_box), widgets.Box([self.figx], layout=figure_box)],
                         layout=widgets.Layout(flex_flow="row wrap")),
            self.message,
            self.load_bar,
            self.balance_note,
            widgets.HBox([widgets.Box([self.readouts], layout=widgets.Layout(flex="1 1 520px")),
                          widgets.VBox([self.breakdown_choice, self.figwhy], layout=widgets.Layout(flex="1 1 380px"))],
                         layout=widgets.Layout(flex_flow="row wrap")),
        ], layout=widgets.Layout(flex="1 1 600px", min_width="0"))
        # The readouts' style sheet, sent once: inside each update it would restyle the page.
        return [widgets.HTML(HEADER + readouts.CSS),
                widgets.HBox([panel, views], layout=widgets.Layout(flex_flow="row wrap"))]

    # ------------------------------------------------------------------- events
    def _on_control(self, change):
        if self._syncing:
            return
        name = next(k for k, w in self.controls.items() if w is change.owner)
        previous = dict(self._ui)
        self._ui[name] = change.new
        if name == "task":
            self._ui["knee_flexion_deg"] = TASKS[change.new].knee_flexion_default_deg
        if name in ("sex", "age_years"):
            self._ui.update(ctl.body_following_person(self._ui, previous))
        if name in ("task", "sex", "age_years", "height_m"):
            self._sync_controls()  # limits that depend on them (knee flexion, hip width)
        self._request_render()

    def _on_preset(self, change):
        if change.new:
            self._safely(self.load_preset, change.new)

    def _on_compare(self, change):
        if self._syncing:
            return
        self._safely(self.freeze if change.new else self.unfreeze)

    def _on_breakdown_choice(self, change):
        self._breakdown_measure = change.new
        self._safely(self._draw_breakdown, relayout=True)

    def _safely(self, fn, *args, **kwargs):
        """Run an event handler; any error becomes a message in the app."""
        try:
            fn(*args, **kwargs)
        except ValueError as exc:
            self._show_message(str(exc))
        except Exception as exc:  # a bug must not put a traceback in front of a class
            log.exception("explorer event failed")
            self._show_message(f"Something went wrong ({type(exc).__name__}: {exc}). The view shows the last "
                               "valid state.")

    # ------------------------------------------------------------------- state
    def _apply_ui(self, ui, raise_errors=False):
        previous = dict(self._ui)
        self._ui = ui
        try:
            self._compute_or_raise()
        except ValueError as exc:
            self._ui = previous
            self._show_message(str(exc))
            if raise_errors:
                raise
            return
        self._sync_controls()
        self._dirty = True
        self._flush()

    def _sync_controls(self):
        """Put the UI state into the widgets without triggering updates; every slider's
        limits follow the model's allowed range for this person and task, so a valid
        model input is never clipped."""
        self._syncing = True
        try:
            for name, widget in self.controls.items():
                if isinstance(widget, widgets.FloatSlider):
                    low, high = ctl.control_range(name, self._ui)
                    value = self._ui[name]
                    _set_limits(widget, min(low, value), max(high, value))
                if widget.value != self._ui[name]:
                    widget.value = self._ui[name]
            self._update_labels()
        finally:
            self._syncing = False

    def _update_labels(self):
        for name, label in self.labels.items():
            label.value = (f"<div style='font-size:11px; line-height:1.3; color:#555; white-space:normal'>"
                           f"{ctl.clinical_text(name, self._ui)}</div>")
        note = PRESETS[self.preset.value].note if getattr(self, "preset", None) and self.preset.value else ""
        if getattr(self, "preset_note", None) is not None:
            self.preset_note.value = f"<span style='font-size:11px; color:#555'>{note}</span>"

    def _compute_or_raise(self):
        """Run the model for the UI state (raises ValueError for a bad combination);
        a state already computed is not run again."""
        key = tuple(sorted(self._ui.items()))
        if key == self._computed_key:
            return
        p = pose(**ctl.model_inputs(self._ui))
        self._contributions, self._bands = _analyses(p["result"])
        self._pose, self._computed_key = p, key

    def _request_render(self):
        """Redraw now, or - inside a running kernel - once the pending changes are in."""
        self._dirty = True
        loop = _kernel_loop()
        if loop is None:
            self._flush()
        elif not self._scheduled:
            self._scheduled = True
            loop.call_soon(self._flush)

    def _flush(self):
        self._scheduled = False
        if not self._dirty:
            return
        self._dirty = False
        self._safely(self._render)

    def _render(self):
        try:
            self._compute_or_raise()
        except ValueError as exc:
            self._show_message(f"{exc}. The view shows the last valid state.")
            return
        self._show_message("")
        self.renders += 1
        p, ghost = self._pose, self._ghost
        ghost_result = None if ghost is None else ghost["result"]
        # The browser redraws in the order the updates arrive: the front view first (the
        # picture a lesson points at), then the text, then the 3-D view (WebGL, the
        # slowest), then the breakdown.
        x_layout = xray.layout(p)
        apply(self.figx, xray.dynamic(p, ghost), {
            "annotations": x_layout["annotations"], "title.text": x_layout["title"]["text"],
            "xaxis.range": x_layout["xaxis"]["range"], "yaxis.range": x_layout["yaxis"]["range"]})
        self.readouts.value = readouts.table_html(p["result"], ghost_result, with_css=False, bands=self._bands)
        self.load_bar.value = readouts.load_bar_html(p["result"], with_css=False)
        self.balance_note.value = readouts.balance_html(p["result"])
        self._update_labels()
        scene = limb3d.scene(p["result"].inputs["height_m"] * 1000.0)
        apply(self.fig3d, limb3d.dynamic(p, ghost), {f"scene.{axis}.range": scene[axis]["range"]
                                                      for axis in ("xaxis", "yaxis", "zaxis")})
        self._draw_breakdown()

    def _draw_breakdown(self, relayout=False):
        layout = breakdown.layout(self._breakdown_measure) if relayout else None
        apply(self.figwhy, breakdown.dynamic(self._contributions, self._breakdown_measure),
              {"title": layout["title"], "yaxis.title": layout["yaxis"]["title"]} if layout else None)

    def _show_message(self, text):
        if not text:
            self.message.value = ""
            return
        self.message.value = (f"<div role='alert' style='font-family:{style.FONT}; background:#fdecea; color:#922;"
                              f" border-left:4px solid #c0392b; padding:6px 10px; margin:4px 0'>{escape(text)}</div>")


def explorer(
    preset: str | None = None,
    *,
    sex: str | None = None,
    height_m: float | None = None,
    mass_kg: float | None = None,
    age_years: float | None = None,
    task: str | None = None,
    knee_flexion_deg: float | None = None,
    side: str | None = None,
    adductor_tightness: float | None = None,
    abductor_weakness: float | None = None,
    arch_collapse: float | None = None,
    hip_width_mm: float | None = None,
    pelvic_tilt_deg: float | None = None,
    constitutional_hka_deg: float | None = None,
    trunk_lean_deg: float | None = None,
    compensation: str | None = None,
    hip_width_offset_mm: float | None = None,
    pelvic_tilt_offset_deg: float | None = None,
    bone_offset_deg: float | None = None,
) -> Explorer:
    """Build the explorer; display it by leaving it last in a notebook cell.

    Parameters
    ----------
    preset : str or None
        A key of :data:`biomech.app.presets.PRESETS` (a person and causes), e.g.
        ``"flat_feet"``, ``"child_3"``; None starts from the typical adult woman.
    sex, height_m, mass_kg, age_years, task, knee_flexion_deg, side, adductor_tightness, abductor_weakness, arch_collapse, trunk_lean_deg, compensation
        As in :func:`biomech.simulate` (same units and ranges), applied on top of the
        preset; None keeps the preset's value (or the default). Changing only the sex or
        age gives the typical body of that sex and age.
    hip_width_mm, pelvic_tilt_deg, constitutional_hka_deg
        Absolute values as in :func:`biomech.simulate`; the sliders show them as offsets
        from the person's typical value.
    hip_width_offset_mm, pelvic_tilt_offset_deg, bone_offset_deg
        The same three as offsets from typical [mm, deg, deg].

    Returns
    -------
    Explorer
        The widget; ``.result`` is the :class:`biomech.Result` on screen, ``.set(...)``
        changes inputs with one redraw.
    """
    given = {name: value for name, value in locals().items() if name != "preset" and value is not None}
    return Explorer(preset=preset, **given)


#: Names the explorer takes: the model's inputs and its own offset controls.
EXPLORER_INPUTS = tuple(INPUT_NAMES) + tuple(ctl.OFFSETS)
#: Draws of the model's assumptions behind each readout's band (a few ms per change).
BAND_DRAWS = 200


def _analyses(result):
    """The "why" chart's shares and every readout's band for ``result``, from one
    vectorised model run: the Shapley coalitions of the causes (at the coefficients' own
    values) and :data:`BAND_DRAWS` draws of the coefficients (at the current inputs)."""
    coalitions = attribution.coalition_table(result.inputs)
    rows = len(next(v for v in coalitions.values() if np.ndim(v)))
    table = {name: np.concatenate([np.broadcast_to(value, rows), np.full(BAND_DRAWS, result.inputs[name])])
             if np.ndim(value) else value for name, value in coalitions.items()}
    draws = bands.draw_assumptions(BAND_DRAWS, seed=0)
    assumptions = {name: np.concatenate([np.full(rows, value), draws[name]]) for name, value in defaults().items()}
    out = simulate_many(table, assumptions=assumptions)
    contributions = attribution.shares({k: v[:rows] for k, v in out.items()}, tuple(breakdown.MEASURES))
    return contributions, bands.summarize(result.as_dict(), {k: v[rows:] for k, v in out.items()})


def _check_value(name, value, ui):
    """Raise a readable ValueError for a bad explorer value (the model's own checks; the
    offset controls within the range the model allows for this person)."""
    choices = {"sex": SEXES, "task": TASK_NAMES, "side": ("right", "left"), "compensation": COMPENSATIONS}
    if name in choices:
        check_choice(name, value, choices[name])
    elif name in ctl.OFFSETS:
        low, high = ctl.control_range(name, ui)
        check_number(name, value, low=low, high=high, unit="(offset from the typical value)")
    elif name == "knee_flexion_deg":
        low, high = TASKS[ui["task"]].knee_flexion_range_deg
        if value is not None:
            check_number(name, value, low=-10.0, high=110.0, unit="deg (the task sets the final range)")
    elif value is not None:
        check_number(name, value)


def _set_limits(slider, low, high):
    """Set a slider's limits in an order the widget accepts (min never above max)."""
    if low > slider.max:
        slider.max, slider.min = high, low
    else:
        slider.min, slider.max = low, high
