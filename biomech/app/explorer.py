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
import os
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
from . import poster
from .figure import LiveFigure, apply
from .presets import PRESETS

log = logging.getLogger(__name__)

TITLE = "Knee valgus explorer"

HEADER = f"""
<div class="bm-header" style="font-family:{style.FONT}">
  <div class="bm-title">{TITLE}</div>
  <div class="bm-signs">
    A teaching model, not a diagnosis. <b>Signs:</b> + = valgus (knee toward the midline, "knock-knee"),
    &minus; = varus ("bow-leg"); load-axis shift + = load line lateral (outside) of the knee centre.
    Degrees and mm. <span class="bm-frame">{escape(GROUND_FRAME)}</span>
  </div>
</div>
"""

#: The explorer's layout and its accessibility styles, sent once with the header. A CSS
#: grid whose areas follow the explorer's own width (a container query, so it works in a
#: JupyterLab cell as in a full Voila page): controls | 3-D | front view side by side on
#: a wide screen (1280 px: everything important without scrolling), the front view beside
#: the controls on a medium one, and on a narrow one (a phone, or 200 % zoom) the front
#: view first, a control right under it. Projector mode enlarges type and controls.
LAYOUT_CSS = f"""
<style>
.bm-explorer {{ container-type: inline-size; font-family: {style.FONT}; }}
.bm-explorer .bm-header {{ line-height: 1.3; }}
.bm-explorer .bm-title {{ font-size: 18px; font-weight: 600; }}
.bm-explorer .bm-signs {{ font-size: 12px; color: {style.MUTED}; }}
.bm-explorer .bm-toolbar {{ flex-wrap: wrap; gap: 4px; }}
.bm-explorer .bm-main {{ display: grid !important; gap: 4px 10px; align-items: start;
  grid-template-columns: 345px minmax(0, 1fr) minmax(0, 1fr);
  grid-template-areas: "controls v3d front" "controls below below"; }}
.bm-explorer .bm-area-controls {{ grid-area: controls; }}
.bm-explorer .bm-area-3d {{ grid-area: v3d; }}
.bm-explorer .bm-area-front {{ grid-area: front; }}
.bm-explorer .bm-area-below {{ grid-area: below; min-width: 0; }}
.bm-explorer .bm-view {{ width: 100%; height: 460px; margin: 0; }}
.bm-explorer .lm-TabBar-tab, .bm-explorer .lm-TabBar-tabLabel {{ color: #33393b !important; }}
.bm-explorer .bm-clinical {{ font-size: 11px; line-height: 1.3; color: {style.MUTED}; white-space: normal; }}
.bm-explorer .bm-group-title {{ font-weight: 600; margin-top: 6px; }}
.bm-explorer .bm-scene p {{ margin: 2px 0 4px 0; font-size: 13px; }}
.bm-explorer .bm-visually-hidden {{ position: absolute !important; width: 1px !important; height: 1px !important;
  overflow: hidden !important; clip: rect(0 0 0 0); white-space: nowrap; margin: -1px; padding: 0; border: 0; }}
.bm-explorer :focus-visible, .bm-explorer .noUi-handle:focus {{ outline: 3px solid {style.FOCUS} !important;
  outline-offset: 2px; box-shadow: 0 0 0 5px #ffffff; }}
@container (max-width: 1120px) {{
  .bm-explorer .bm-main {{ grid-template-columns: 345px minmax(0, 1fr);
    grid-template-areas: "controls front" "controls v3d" "below below"; }}
}}
@container (max-width: 700px) {{
  .bm-explorer .bm-main {{ grid-template-columns: minmax(0, 1fr);
    grid-template-areas: "front" "controls" "v3d" "below"; }}
  .bm-explorer .bm-area-front {{ height: 190px; }}
  .bm-explorer .bm-area-3d {{ height: 300px; }}
  .bm-explorer .bm-signs {{ font-size: 11px; }}
  .bm-explorer .bm-frame {{ display: none; }}
}}
.bm-explorer.bm-projector {{ font-size: 16px; }}
.bm-explorer.bm-projector .bm-title {{ font-size: 26px; }}
.bm-explorer.bm-projector .bm-signs, .bm-explorer.bm-projector .bm-clinical {{ font-size: 15px; color: #1d2326; }}
.bm-explorer.bm-projector .widget-label, .bm-explorer.bm-projector .widget-readout,
.bm-explorer.bm-projector select, .bm-explorer.bm-projector button {{ font-size: 16px !important; color: #000; }}
.bm-explorer.bm-projector .bm-readouts, .bm-explorer.bm-projector .bm-keys {{ font-size: 18px; }}
.bm-explorer.bm-projector .bm-key-value {{ font-size: 22px; }}
.bm-explorer.bm-projector .bm-bar {{ height: 32px; font-size: 16px; }}
.bm-explorer.bm-projector .noUi-handle {{ transform: scale(1.4); }}
</style>
"""

#: The front view's legend in the explorer (plotly's "fraction" entry widths: two columns).
FRONT_LEGEND = {"orientation": "h", "entrywidth": 0.5, "entrywidthmode": "fraction", "y": -0.1, "font": {"size": 10}}

#: Projector mode: figure lines this much thicker, markers and text this much larger.
PROJECTOR_LINE = 2.0
PROJECTOR_MARK = 1.5
PROJECTOR_FONT_PX = 17


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
        self._pose = self._contributions = self._bands = self._computed_key = self._analysed_key = None
        self._compute_or_raise()
        self._compute_analyses()
        self._build_widgets()
        self._sync_controls()
        for widget in self.controls.values():
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
        self._compute_analyses()
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

    def picture_html(self):
        """A still picture of the 3-D and front views as they are now, with the explorer's
        title and a caption, as HTML (inline SVG, :mod:`biomech.app.poster`)."""
        return poster.poster_html(
            [
                (self.fig3d.figure, "Still picture: " + FIGURE_LABELS["limb3d"]),
                (self.figx.figure, "Still picture: " + FIGURE_LABELS["xray"]),
            ],
            header=HEADER,
            parts=(FIGURE_LABELS["limb3d"], FIGURE_LABELS["xray"]),
        )

    def _repr_mimebundle_(self, **kwargs):
        """The widget's display; in a Voila page's kernel also :meth:`picture_html` as
        ``text/html``. The app's Voila template writes that picture into the page's HTML,
        so the views are seen before plotly.js has loaded (seconds), and the live explorer
        takes its place once it has drawn them. Elsewhere (JupyterLab, which would show
        the widget and ignore the picture) it is left out: a saved notebook would carry
        its 0.3 MB."""
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle and "application/vnd.jupyter.widget-view+json" in bundle and in_voila():
            bundle["text/html"] = self.picture_html()
        return bundle

    # ------------------------------------------------------------------ building
    def _preset_values(self, name):
        if name not in PRESETS:
            raise InputError(f"preset = {name!r} is not known; expected one of {', '.join(map(repr, PRESETS))}")
        return PRESETS[name].values()

    def _build_widgets(self):
        result = self._pose["result"]
        self.fig3d = LiveFigure(limb3d.figure(self._pose), label=FIGURE_LABELS["limb3d"], turnable=True, fit=True)
        front = xray.figure(self._pose)
        # Two columns of legend entries: the view's own legend, one entry a line, would take
        # half of a figure that shares the screen with the controls and the 3-D view.
        front["layout"]["legend"] = {**front["layout"].get("legend", {}), **FRONT_LEGEND}
        self.figx = LiveFigure(front, label=FIGURE_LABELS["xray"], fit=True)
        self.figwhy = LiveFigure(
            breakdown.figure(self._contributions, self._breakdown_measure), label=FIGURE_LABELS["breakdown"]
        )
        self.fig3d.add_class("bm-view")
        self.fig3d.add_class("bm-area-3d")
        self.figx.add_class("bm-view")
        self.figx.add_class("bm-area-front")
        self.readouts = widgets.HTML(readouts.table_html(result, with_css=False, bands=self._bands))
        self.load_bar = widgets.HTML(readouts.load_bar_html(result, with_css=False))
        self.key_readouts = widgets.HTML(readouts.key_readouts_html(result))
        self.balance_note = widgets.HTML(readouts.balance_html(result))
        # The scene in words: a live region (read out when it changes), shown on request.
        self.scene = widgets.HTML(_scene_html(result))
        self.scene.add_class("bm-scene")
        self.scene.add_class("bm-live")
        self.scene.add_class("bm-visually-hidden")
        self.message = widgets.HTML("")
        self.labels = {
            name: widgets.HTML(layout=widgets.Layout(margin="-6px 0 6px 24px", width="300px"))
            for name in ctl.CAUSE_CONTROLS + ("knee_flexion_deg", "trunk_lean_deg")
        }
        self.describe = _toggle(
            "Describe the scene",
            "comment",
            "show the scene in words (a screen reader reads it out whenever it changes)",
        )
        self.describe.observe(self._on_describe, names="value")
        self.projector = _toggle(
            "Projector mode", "television", "large type, thick lines, strong contrast for a lecture hall"
        )
        self.projector.observe(self._on_projector, names="value")
        self.show_table = _toggle("All readouts", "table", "every measure with its normal range and sign convention")
        self.show_why = _toggle(
            "Why? Each cause's share", "bar-chart", "how much each cause adds to the difference from a typical person"
        )
        self.show_table.observe(self._on_details, names="value")
        self.show_why.observe(self._on_details, names="value")
        self._base_styles = {key: _line_styles(fig) for key, fig in self.figures.items()}
        self.preset = widgets.Dropdown(
            options=[("choose a preset...", "")] + [(p.label, k) for k, p in PRESETS.items()],
            description="Preset",
            style=ctl.SLIDER_STYLE,
            layout=ctl.WIDE,
        )
        self.preset.observe(self._on_preset, names="value")
        self.preset_note = widgets.HTML(layout=widgets.Layout(width="320px"))
        self.reset_button = widgets.Button(
            description="Reset", icon="undo", tooltip="back to the starting state", layout=widgets.Layout(width="110px")
        )
        self.reset_button.on_click(lambda _: self._safely(self.reset))
        self.compare = widgets.ToggleButton(
            description="Compare",
            icon="clone",
            value=False,
            tooltip="freeze the current state as a faint ghost to compare against",
            layout=widgets.Layout(width="110px"),
        )
        self.compare.observe(self._on_compare, names="value")
        self.breakdown_choice = widgets.Dropdown(
            options=[(label, name) for name, (label, _, _) in breakdown.MEASURES.items()],
            value=self._breakdown_measure,
            description="Explain",
            layout=widgets.Layout(width="330px"),
        )
        self.breakdown_choice.observe(self._on_breakdown_choice, names="value")

    def _group(self, title, names):
        rows = [widgets.HTML(f"<div class='bm-group-title'>{title}</div>")] if title else []
        for name in names:
            rows.append(self.controls[name])
            if name in self.labels:
                rows.append(self.labels[name])
        return rows

    def _layout(self):
        # The controls: causes first (what the lessons change most), then the task and the
        # person, one group at a time (tabs), so that the page fits a 1280 x 800 screen.
        groups = widgets.Tab(
            children=[
                widgets.VBox(self._group("", ctl.CAUSE_CONTROLS)),
                widgets.VBox(self._group("", ctl.TASK_CONTROLS) + self._group("Trunk", ctl.TRUNK_CONTROLS)),
                widgets.VBox(self._group("", ctl.PERSON_CONTROLS)),
            ],
            layout=widgets.Layout(width="345px"),
        )
        for index, title in enumerate(("Causes", "Task and trunk", "Person")):
            groups.set_title(index, title)
        self.control_groups = groups
        panel = widgets.VBox(
            [self.preset, self.preset_note, widgets.HBox([self.reset_button, self.compare]), groups],
            layout=widgets.Layout(width="345px"),
        )
        panel.add_class("bm-area-controls")
        self.table_box = widgets.VBox([self.readouts], layout=widgets.Layout(display="none"))
        self.why_box = widgets.VBox([self.breakdown_choice, self.figwhy], layout=widgets.Layout(display="none"))
        below = widgets.VBox(
            [
                self.message,
                self.scene,
                self.key_readouts,
                self.load_bar,
                self.balance_note,
                widgets.HBox([self.show_table, self.show_why], layout=widgets.Layout(flex_flow="row wrap")),
                self.table_box,
                self.why_box,
            ]
        )
        below.add_class("bm-area-below")
        main = widgets.Box([panel, self.fig3d, self.figx, below])
        main.add_class("bm-main")
        toolbar = widgets.HBox([self.describe, self.projector])
        toolbar.add_class("bm-toolbar")
        # The style sheets, sent once: inside each update they would restyle the page.
        return [widgets.HTML(HEADER + LAYOUT_CSS + readouts.CSS), toolbar, main]

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

    def _on_describe(self, change):
        """Show the scene in words, or keep it for screen readers only."""
        if change.new:
            self.scene.remove_class("bm-visually-hidden")
        else:
            self.scene.add_class("bm-visually-hidden")

    def _on_details(self, change):
        """Open or close the full readout table and the "why" chart."""
        self.table_box.layout.display = "" if self.show_table.value else "none"
        self.why_box.layout.display = "" if self.show_why.value else "none"

    def _on_projector(self, change):
        self._safely(self.set_projector, change.new)

    def set_projector(self, on=True):
        """Projector mode: large type, thick lines and larger markers (for a lecture hall);
        ``set_projector(False)`` goes back."""
        if self.projector.value != bool(on):
            self.projector.value = bool(on)  # calls back here
            return
        if on:
            self.add_class("bm-projector")
        else:
            self.remove_class("bm-projector")
        for key, fig in self.figures.items():
            traces, layout = _projected(self._base_styles[key], on)
            fig.update(traces, layout)

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
            self._show_message(
                f"Something went wrong ({type(exc).__name__}: {exc}). The view shows the last valid state."
            )

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
                value = self._ui[name]
                if not isinstance(widget, widgets.FloatSlider):
                    if widget.value != value:
                        widget.value = value
                    continue
                low, high = ctl.on_grid(*ctl.control_range(name, self._ui), widget.step, through=value)
                low, high = min(low, value), max(high, value)
                if (widget.min, widget.max, widget.value) != (low, high, value):
                    _set_slider(widget, low, high, value)
            self._update_labels()
        finally:
            self._syncing = False

    def _update_labels(self):
        for name, label in self.labels.items():
            label.value = f"<div class='bm-clinical'>{ctl.clinical_text(name, self._ui)}</div>"
        note = PRESETS[self.preset.value].note if getattr(self, "preset", None) and self.preset.value else ""
        if getattr(self, "preset_note", None) is not None:
            self.preset_note.value = f"<span class='bm-clinical'>{note}</span>"

    def _compute_or_raise(self):
        """Run the model for the UI state (raises ValueError for a bad combination);
        a state already computed is not run again."""
        key = tuple(sorted(self._ui.items()))
        if key == self._computed_key:
            return
        p = pose(**ctl.model_inputs(self._ui))
        self._pose, self._computed_key = p, key
        self._analysed_key = None

    def _compute_analyses(self):
        """The "why" shares and the readouts' bands for the state on screen (once per state)."""
        if self._analysed_key != self._computed_key:
            self._contributions, self._bands = _analyses(self._pose["result"])
            self._analysed_key = self._computed_key

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
        result = p["result"]
        # The browser draws the updates in the order they arrive, while the kernel works on
        # the next: the 3-D view first (cheap to compute, the slowest to draw), then the
        # front view, the words, and last what needs the model's extra runs (the bands of
        # the readouts and the "why" chart).
        scene = limb3d.scene(result.inputs["height_m"] * 1000.0)
        text = readouts.scene_text(result)
        self.fig3d.description = text
        apply(
            self.fig3d,
            limb3d.dynamic(p, ghost),
            {f"scene.{axis}.range": scene[axis]["range"] for axis in ("xaxis", "yaxis", "zaxis")},
        )
        x_layout = xray.layout(p)
        self.figx.description = _front_description(result)
        apply(
            self.figx,
            xray.dynamic(p, ghost),
            {
                "annotations": x_layout["annotations"],
                "title.text": x_layout["title"]["text"],
                "xaxis.range": x_layout["xaxis"]["range"],
                "yaxis.range": x_layout["yaxis"]["range"],
            },
        )
        self.scene.value = _scene_html(result)
        self.key_readouts.value = readouts.key_readouts_html(result)
        self.load_bar.value = readouts.load_bar_html(result, with_css=False)
        self.balance_note.value = readouts.balance_html(result)
        self._update_labels()
        self._compute_analyses()
        self.readouts.value = readouts.table_html(result, ghost_result, with_css=False, bands=self._bands)
        self._draw_breakdown()

    def _draw_breakdown(self, relayout=False):
        self._compute_analyses()
        self.figwhy.description = _breakdown_description(self._contributions, self._breakdown_measure)
        layout = breakdown.layout(self._breakdown_measure) if relayout else None
        apply(
            self.figwhy,
            breakdown.dynamic(self._contributions, self._breakdown_measure),
            {"title": layout["title"], "yaxis.title": layout["yaxis"]["title"]} if layout else None,
        )

    def _show_message(self, text):
        if not text:
            self.message.value = ""
            return
        self.message.value = (
            f"<div role='alert' style='font-family:{style.FONT}; background:#fdecea; color:#922;"
            f" border-left:4px solid #c0392b; padding:6px 10px; margin:4px 0'>{escape(text)}</div>"
        )


def in_voila():
    """True in a kernel that Voila started: Voila sets VOILA_PREHEAT ("True" or "False")
    in the environment of every kernel it starts, preheated or not."""
    return os.environ.get("VOILA_PREHEAT") is not None


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
    sex, height_m, mass_kg, age_years, task, knee_flexion_deg, side, adductor_tightness, \
abductor_weakness, arch_collapse, trunk_lean_deg, compensation
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
    table = {
        name: np.concatenate([np.broadcast_to(value, rows), np.full(BAND_DRAWS, result.inputs[name])])
        if np.ndim(value)
        else value
        for name, value in coalitions.items()
    }
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


#: A slider's keys in the order the browser must apply them: limits before the value.
SLIDER_KEYS = ("min", "max", "step", "value")


def _set_slider(slider, low, high, value):
    """Give a slider new limits and a value in one message whose keys come in
    :data:`SLIDER_KEYS` order. ipywidgets' slider view applies a message's keys in order
    and, with ``continuous_update``, sends back whatever its slider shows: a value applied
    before its new limits is clamped or snapped to the old ones, and limits applied before
    their value snap the old value to the new grid; either way the moved value would come
    back as if the learner had moved it. (``hold_sync`` alone sends the keys in no fixed
    order.)"""
    with slider.hold_sync():
        _set_limits(slider, low, high)
        slider.value = value
        # The ordered message now; hold_sync's own one after it changes nothing more.
        slider.send_state(list(SLIDER_KEYS))


def _set_limits(slider, low, high):
    """Set a slider's limits in an order the widget accepts (min never above max)."""
    if low > slider.max:
        slider.max, slider.min = high, low
    else:
        slider.min, slider.max = low, high


#: What each figure shows, in words: its name for a screen reader (the figure's own
#: description, which follows the state, is read after it).
FIGURE_LABELS = {
    "limb3d": "3-D view of the pelvis and both legs as bones, seen from the front; the orange dashed line runs "
    "from hip to ankle (the load line)",
    "xray": "Front view drawn like a standing X-ray, the person's right on your left, with the load line, the "
    "bone axes and the joint angles",
    "breakdown": "Why chart: bars from the typical person's value, one per cause, to the value now",
}


def _toggle(description, icon, tooltip):
    """A toggle button (its pressed state is announced: aria-pressed)."""
    return widgets.ToggleButton(
        value=False, description=description, icon=icon, tooltip=tooltip, layout=widgets.Layout(width="auto")
    )


def _scene_html(result):
    return f"<p>{escape(readouts.scene_text(result))}</p>"


def _front_description(result):
    """The front view's numbers in words (the angles it writes on the film)."""
    return (
        f"{readouts.scene_text(result)} Joint angles: mLDFA {result.mldfa_deg:.1f}°, MPTA "
        f"{result.mpta_deg:.1f}°, joint lines converging {result.jlca_deg:+.1f}°."
    )


def _breakdown_description(contributions, measure):
    """The "why" chart's bars in words."""
    label, unit, scale = breakdown.MEASURES[measure]
    c = contributions[measure]
    shares = "; ".join(
        f"{name} {c['shares'][key] * scale + 0.0:+.1f} {unit}" for key, name in attribution.FACTORS.items()
    )
    return (
        f"{label}: typical person {c['typical'] * scale:.1f} {unit}; {shares}; now {c['current'] * scale:.1f} {unit}."
    )


def _line_styles(fig):
    """Each trace's line width, marker size and text size, and the layout's font sizes, as
    built (flat plotly keys; None where the figure leaves plotly's default)."""
    traces = []
    for trace in fig.data:
        found = {}
        for key in ("line.width", "marker.size", "textfont.size"):
            part, leaf = key.split(".")
            value = (trace.get(part) or {}).get(leaf) if isinstance(trace.get(part), dict) else None
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                found[key] = value
        traces.append(found)
    layout = fig.plot_layout
    fonts = {
        "font.size": (layout.get("font") or {}).get("size"),
        "title.font.size": ((layout.get("title") or {}).get("font") or {}).get("size"),
        "legend.font.size": ((layout.get("legend") or {}).get("font") or {}).get("size"),
    }
    return traces, fonts


def _projected(base, on):
    """Trace and layout updates for projector mode on (thicker, larger) or off (as built)."""
    traces, fonts = base
    scale = {"line.width": PROJECTOR_LINE, "marker.size": PROJECTOR_MARK, "textfont.size": PROJECTOR_MARK}
    changes = [{key: value * scale[key] if on else value for key, value in trace.items()} for trace in traces]
    layout = {
        key: (PROJECTOR_FONT_PX + (3 if key == "title.font.size" else 0)) if on else value
        for key, value in fonts.items()
    }
    return changes, layout
