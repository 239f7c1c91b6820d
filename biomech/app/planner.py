"""The surgery planner: where a bone deformity sits, and what an osteotomy or guided
growth would do, on two standing films (before and after) with the knee's loads::

    import biomech
    app = biomech.app.planner("varus_arthritis")   # a condition of biomech.deformity.CONDITIONS
    app                                            # shows it in a notebook cell
    app.plan(target_wbl_pct=62.5)                  # Miniaci's plan, refined by the model
    app.after.hka_deg                              # the corrected limb's numbers

Controls: the condition (who, and where the deformity sits), the three bone angles, the
procedure (osteotomy: bone, wedge type, wedge angle or a target for the load line;
guided growth: bone and months). Every change re-runs :mod:`biomech.surgery` and redraws
both films; a bad plan shows a readable message and leaves the films as they were.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from html import escape

import ipywidgets as widgets

from .. import surgery
from ..deformity import CONDITIONS
from ..inputs import INPUT_RANGES, InputError
from ..malalignment import malalignment_test
from ..model import pose, simulate
from ..views import films, style
from .figure import PlotFigure, apply

log = logging.getLogger(__name__)

PROCEDURES = ("osteotomy", "guided growth")
#: The films are taken standing on both feet with straight knees.
FILM = {"task": "stand", "knee_flexion_deg": 0.0}
#: Rows of the before/after table: (output name, label, unit, decimals).
ROWS = (
    ("hka_deg", "Hip-knee-ankle angle (+ valgus)", "°", 1),
    ("load_axis_shift_mm", "Load line at the knee (+ lateral)", "mm", 0),
    ("wbl_ratio_pct", "Weight-bearing line (0 medial, 100 lateral)", "%", 0),
    ("mldfa_deg", "mLDFA (femur; normal 85-90)", "°", 1),
    ("mpta_deg", "MPTA (tibia; normal 85-90)", "°", 1),
    ("jlca_deg", "JLCA (joint line; normal 0-2)", "°", 1),
    ("medial_contact_force_bw", "Inner (medial) compartment", "BW", 2),
    ("lateral_contact_force_bw", "Outer (lateral) compartment", "BW", 2),
)
#: Loads are shown standing on both legs and on one leg (as in each step of walking).
LOAD_TASKS = {"stand": "both legs", "single_leg_stance": "one leg"}
SLIDER = {"style": {"description_width": "130px"}, "layout": widgets.Layout(width="330px"), "continuous_update": False}


@dataclass(frozen=True)
class PlanOnScreen:
    """Everything the films, the table and the notes show for one plan, replaced as a whole:
    a plan that fails part-way leaves the last valid one on screen."""

    before: object  # biomech.Result, standing film
    after: object  # biomech.Result, standing film
    osteotomy: object  # biomech.surgery.Osteotomy, or None for guided growth
    growth: object  # biomech.surgery.GuidedGrowth, or None for an osteotomy
    title: str
    before_pose: dict
    after_pose: dict

    def figure(self):
        """The two films as a plotly figure dict."""
        return films.figure(self.before_pose, self.after_pose, self.osteotomy, self.title)


class Planner(widgets.VBox):
    """The surgery planner widget (see the module docstring)."""

    def __init__(self, condition="varus_arthritis"):
        if condition not in CONDITIONS:
            raise InputError(f"condition = {condition!r} is not one of {', '.join(CONDITIONS)}")
        self._syncing = False
        self.controls = self._build_controls()
        self.message = widgets.HTML()
        self.table = widgets.HTML()
        self.notes = widgets.HTML()
        self.figure = None
        self.plan_result = None
        self._load_condition(condition, draw=False)
        self._plan = self._compute()
        self.figure = PlotFigure(self._plan.figure())
        self._show_numbers()
        for widget in self.controls.values():
            if hasattr(widget, "value"):
                widget.observe(self._on_change, names="value")
        self.controls["plan"].on_click(lambda _: self._safely(self.plan))
        self.controls["to_typical"].on_click(lambda _: self._safely(self.months_to_typical))
        super().__init__(children=self._layout())
        self.add_class("bm-planner")

    # ------------------------------------------------------------------ public API
    @property
    def before(self):
        """The :class:`biomech.Result` of the limb before, on the standing film."""
        return self._plan.before

    @property
    def after(self):
        """The :class:`biomech.Result` of the corrected limb, on the standing film."""
        return self._plan.after

    @property
    def osteotomy(self):
        """The :class:`biomech.surgery.Osteotomy` on screen (None for guided growth)."""
        return self._plan.osteotomy

    @property
    def growth(self):
        """The :class:`biomech.surgery.GuidedGrowth` on screen (None for an osteotomy)."""
        return self._plan.growth

    def set(self, **values):
        """Set controls by name (``condition``, ``mldfa_deg``, ``mpta_deg``, ``jlca_deg``,
        ``age_years``, ``procedure``, ``bone``, ``wedge``, ``angle_deg``,
        ``target_wbl_pct``, ``growth_bone``, ``months``) with one redraw. A bad plan is
        shown in the widget and raised as ``ValueError``; the films keep the last valid
        plan."""
        unknown = sorted(set(values) - set(self.controls))
        if unknown:
            raise InputError(f"unknown planner control(s) {', '.join(unknown)}; known: {', '.join(self.controls)}")
        previous = {k: self.controls[k].value for k in values}
        self._syncing = True
        try:
            if "condition" in values:
                self._load_condition(values.pop("condition"), draw=False)
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self._syncing = False
        try:
            self._update()
        except ValueError:
            self._syncing = True
            try:
                for name, value in previous.items():
                    self.controls[name].value = value
            finally:
                self._syncing = False
            raise

    def plan(self, target_wbl_pct=None):
        """Find the wedge for the target load line (the target control's value by
        default) and show it: Miniaci's construction refined by the model."""
        target = self.controls["target_wbl_pct"].value if target_wbl_pct is None else target_wbl_pct
        c = self.controls
        try:
            plan = surgery.plan_osteotomy(
                self.before, bone=c["bone"].value, wedge=c["wedge"].value, target_wbl_pct=target
            )
        except ValueError as exc:
            self._show_message(str(exc))
            raise
        self.plan_result = plan
        self.set(procedure="osteotomy", angle_deg=plan.angle_deg, target_wbl_pct=float(target))

    def months_to_typical(self):
        """Set the plate time to the months guided growth needs to bring the bone to the
        typical alignment for the child's sex and age."""
        plan = surgery.guided_growth(self.before, bone=self.controls["growth_bone"].value)
        self.set(procedure="guided growth", months=plan.months)

    # ------------------------------------------------------------------ building
    def _build_controls(self):
        angle = INPUT_RANGES["mldfa_deg"]
        tibia = INPUT_RANGES["mpta_deg"]
        joint = INPUT_RANGES["jlca_deg"]
        return {
            "condition": widgets.Dropdown(
                options=[(c.label, k) for k, c in CONDITIONS.items()],
                description="Condition",
                style=SLIDER["style"],
                layout=SLIDER["layout"],
            ),
            "age_years": widgets.FloatSlider(min=0.5, max=80.0, step=0.5, description="Age (years)", **SLIDER),
            "mldfa_deg": widgets.FloatSlider(
                min=angle.low, max=angle.high, step=0.5, description="mLDFA (femur) °", **SLIDER
            ),
            "mpta_deg": widgets.FloatSlider(
                min=tibia.low, max=tibia.high, step=0.5, description="MPTA (tibia) °", **SLIDER
            ),
            "jlca_deg": widgets.FloatSlider(
                min=joint.low, max=joint.high, step=0.5, description="JLCA (joint) °", **SLIDER
            ),
            "procedure": widgets.ToggleButtons(options=[(p, p) for p in PROCEDURES], style={"button_width": "120px"}),
            "bone": widgets.ToggleButtons(
                options=[("distal femur", "femur"), ("proximal tibia", "tibia")],
                description="Osteotomy",
                value="tibia",
                style={"description_width": "70px", "button_width": "120px"},
            ),
            "wedge": widgets.ToggleButtons(
                options=[("opening wedge", "opening"), ("closing wedge", "closing")],
                description="Wedge",
                style={"description_width": "70px", "button_width": "120px"},
            ),
            "angle_deg": widgets.FloatSlider(
                min=-surgery.MAX_WEDGE_DEG,
                max=surgery.MAX_WEDGE_DEG,
                step=0.1,
                description="Wedge (+ valgus) °",
                **SLIDER,
            ),
            "target_wbl_pct": widgets.FloatSlider(
                min=0.0, max=100.0, step=0.5, value=surgery.FUJISAWA_POINT_PCT, description="Target WBL %", **SLIDER
            ),
            "plan": widgets.Button(
                description="Plan the wedge for this target",
                layout=widgets.Layout(width="330px"),
                tooltip="Miniaci's construction on the standing film, refined by the model",
            ),
            "growth_bone": widgets.ToggleButtons(
                options=[("femur", "femur"), ("tibia", "tibia"), ("both", "both")],
                description="Plates on",
                style={"description_width": "70px", "button_width": "80px"},
            ),
            "months": widgets.FloatSlider(min=0.0, max=48.0, step=0.5, description="Plates in (months)", **SLIDER),
            "to_typical": widgets.Button(
                description="Months to the typical alignment", layout=widgets.Layout(width="330px")
            ),
        }

    def _layout(self):
        c = self.controls
        person = widgets.VBox(
            [
                widgets.HTML("<b>Patient and bones</b>"),
                c["condition"],
                c["age_years"],
                c["mldfa_deg"],
                c["mpta_deg"],
                c["jlca_deg"],
            ]
        )
        cut = widgets.VBox([c["bone"], c["wedge"], c["angle_deg"], c["target_wbl_pct"], c["plan"]])
        grow = widgets.VBox([c["growth_bone"], c["months"], c["to_typical"]])
        procedure = widgets.VBox([widgets.HTML("<b>Procedure</b>"), c["procedure"], cut, grow])
        self._panels = {"osteotomy": cut, "guided growth": grow}
        self._show_panel()
        left = widgets.VBox([person, procedure, self.message], layout=widgets.Layout(width="350px"))
        right = widgets.VBox([self.figure, self.table, self.notes])
        return [widgets.HTML(HEADER), widgets.HBox([left, right])]

    def _show_panel(self):
        for name, panel in self._panels.items():
            panel.layout.display = None if self.controls["procedure"].value == name else "none"

    # ------------------------------------------------------------------ state
    def _load_condition(self, key, draw=True):
        if key not in CONDITIONS:
            raise InputError(f"condition = {key!r} is not one of {', '.join(CONDITIONS)}")
        condition = CONDITIONS[key]
        self._person = dict(condition.person)
        self._condition = condition
        typical = simulate(**self._person, **FILM)
        c = self.controls
        was = self._syncing
        self._syncing = True
        try:
            c["condition"].value = key
            c["age_years"].value = self._person["age_years"]
            for name in ("mldfa_deg", "mpta_deg", "jlca_deg"):
                c[name].value = round(
                    float(
                        condition.segments.get(
                            name, getattr(typical, name) if name != "jlca_deg" else typical.inputs[name]
                        )
                    ),
                    1,
                )
            c["procedure"].value = "guided growth" if self._person["age_years"] < 12.0 else "osteotomy"
            film = simulate(**self._inputs())
            c["target_wbl_pct"].value = surgery.FUJISAWA_POINT_PCT if film.hka_deg < 0 else surgery.NEUTRAL_POINT_PCT
            c["angle_deg"].value = 0.0
            c["months"].value = 0.0
        finally:
            self._syncing = was
        if draw:
            self._update()

    def _inputs(self):
        c = self.controls
        person = dict(self._person, age_years=c["age_years"].value)
        if abs(person["age_years"] - self._condition.person["age_years"]) > 1e-9:
            from .controls import typical_body

            person["height_m"], person["mass_kg"] = typical_body(person["sex"], person["age_years"])
        return {**person, **FILM, **{k: c[k].value for k in ("mldfa_deg", "mpta_deg", "jlca_deg")}}

    def _compute(self) -> PlanOnScreen:
        """The plan for the controls (raises ValueError for a bad one)."""
        c = self.controls
        before = simulate(**self._inputs())
        osteotomy = growth = None
        if c["procedure"].value == "osteotomy":
            osteotomy = surgery.osteotomy(
                before, bone=c["bone"].value, wedge=c["wedge"].value, angle_deg=float(c["angle_deg"].value)
            )
            planned = self.plan_result
            if (
                planned is not None
                and planned.angle_deg == osteotomy.angle_deg
                and planned.bone == osteotomy.bone
                and planned.wedge == osteotomy.wedge
                and planned.before.inputs == before.inputs
            ):
                osteotomy = planned  # the same wedge as planned: keep the plan's notes
            after = osteotomy.after
            bone = "tibial" if osteotomy.bone == "tibia" else "femoral"
            title = f"{bone} {osteotomy.wedge} wedge {osteotomy.angle_deg:+.1f}°"
        else:
            months = float(c["months"].value)
            growth = surgery.guided_growth(
                before, bone=c["growth_bone"].value, target_hka_deg=self._growth_direction(before), months=months
            )
            after = growth.after
            title = f"guided growth, {months:g} months ({growth.bone})"
        return PlanOnScreen(before, after, osteotomy, growth, title, pose(**before.inputs), pose(**after.inputs))

    @staticmethod
    def _growth_direction(before):
        """Guided growth corrects toward the typical alignment for sex and age."""
        from ..subject import default_hka_deg

        return float(default_hka_deg(before.inputs["sex"] == "female", before.inputs["age_years"]))

    def _on_change(self, change):
        if self._syncing:
            return
        if change["owner"] is self.controls["condition"]:
            self._safely(self._load_condition, change["new"])
            return
        if change["owner"] is self.controls["procedure"]:
            self._show_panel()
        self._safely(self._update)

    def _update(self):
        try:
            self._plan = self._compute()
        except ValueError as exc:
            self._show_message(str(exc) + " The films show the last valid plan.")
            raise
        self._show_message("")
        plan = self._plan
        figure = plan.figure()
        apply(
            self.figure,
            films.dynamic(plan.before_pose, plan.after_pose, plan.osteotomy),
            {
                "annotations": figure["layout"]["annotations"],
                "xaxis.range": figure["layout"]["xaxis"]["range"],
                "xaxis2.range": figure["layout"]["xaxis2"]["range"],
                "yaxis.range": figure["layout"]["yaxis"]["range"],
                "yaxis2.range": figure["layout"]["yaxis2"]["range"],
            },
        )
        self._show_numbers()

    def _safely(self, fn, *args):
        try:
            fn(*args)
        except ValueError as exc:
            self._show_message(str(exc))
        except Exception as exc:  # a bug must not put a traceback in front of a class
            log.exception("planner event failed")
            self._show_message(
                f"Something went wrong ({type(exc).__name__}: {exc}). The films show the last valid plan."
            )

    # ------------------------------------------------------------------ text
    def _show_message(self, text):
        self.message.value = (
            ""
            if not text
            else (
                f"<div role='alert' style=\"font-family:{style.FONT}; background:#fdecea; color:#922; "
                f'border-left:4px solid #c0392b; padding:6px 10px; margin:4px 0">{escape(text)}</div>'
            )
        )

    def _show_numbers(self):
        plan = self._plan
        self.table.value = table_html(plan.before, plan.after)
        self.notes.value = notes_html(plan.before, plan.after, plan.osteotomy, plan.growth)


HEADER = f"""
<div style="font-family:{style.FONT}">
  <div style="font-size:18px; font-weight:600">
    Bones and surgery: where the deformity sits, and what correcting it does
  </div>
  <div style="font-size:12px; color:#444">A teaching model, not a surgical plan. Standing films, both feet,
  knees straight; + = valgus. The load line (orange) runs from the hip centre to the ankle centre.</div>
</div>
"""


def _loads(result):
    """Compartment loads [BW] of ``result``'s limb in each of :data:`LOAD_TASKS`."""
    return {task: simulate(**{**result.inputs, "task": task, "knee_flexion_deg": 0.0}) for task in LOAD_TASKS}


def table_html(before, after):
    """Before/after table of the film's measures and the knee's compartment loads."""
    loads = {"before": _loads(before), "after": _loads(after)}
    rows = []
    for name, label, unit, decimals in ROWS:
        if name.endswith("_bw"):
            for task, words in LOAD_TASKS.items():
                b, a = getattr(loads["before"][task], name), getattr(loads["after"][task], name)
                rows.append(_row(f"{label}, {words}", b, a, unit, decimals))
        else:
            rows.append(_row(label, getattr(before, name), getattr(after, name), unit, decimals))
    head = (
        "<tr><th style='text-align:left'>Measure</th><th style='text-align:right'>Before</th>"
        "<th style='text-align:right'>After</th><th style='text-align:right'>Change</th></tr>"
    )
    return (
        f'<table style="font-family:{style.FONT}; font-size:12px; border-collapse:collapse">'
        f"{head}{''.join(rows)}</table>"
    )


def _row(label, before, after, unit, decimals):
    change = after - before
    return (
        f"<tr><td style='padding:1px 8px 1px 0'>{escape(label)}</td>"
        f"<td style='text-align:right'>{before:.{decimals}f} {unit}</td>"
        f"<td style='text-align:right'>{after:.{decimals}f} {unit}</td>"
        f"<td style='text-align:right'>{change:+.{decimals}f} {unit}</td></tr>"
    )


def notes_html(before, after, osteotomy, growth):
    """The malalignment test before and after, and the plan's own notes and warnings."""
    tests = (malalignment_test(before), malalignment_test(after))
    lines = [
        f"<b>Malalignment test before:</b> {escape(tests[0].summary)}",
        f"<b>after:</b> {escape(tests[1].summary)}",
    ]
    if osteotomy is not None:
        kind = "gap to fill" if osteotomy.wedge == "opening" else "wedge of bone removed"
        lines.append(
            f"<b>Wedge:</b> {osteotomy.angle_deg:+.1f}° ({kind}: {osteotomy.wedge_mm:.0f} mm at the far "
            f"cortex); the hinge sits {osteotomy.level_mm:.0f} mm from the joint line, so the limb turns "
            f"{osteotomy.bone_angle_change_deg:+.1f}° (a little less than the wedge); limb length "
            f"{osteotomy.length_change_mm:+.0f} mm."
        )
        lines += [escape(n) for n in osteotomy.notes]
    if growth is not None:
        lines.append(
            f"<b>Guided growth:</b> {growth.rate_deg_per_month:.2f}°/month on the {growth.side} side of the "
            f"{growth.bone}; {growth.correction_deg:+.1f}° in {growth.months:g} months "
            f"({growth.months_of_growth_left:.0f} months of growth left)."
        )
        lines += [f"<span style='color:#7a3b00'>⚠ {escape(w)}</span>" for w in growth.warnings]
    lines.append(
        "<span style='color:#555'>Exercise cannot change these angles: they are bone. It can change how "
        "the limb is held and loaded (the explorer).</span>"
    )
    return f'<div style="font-family:{style.FONT}; font-size:12px; line-height:1.5">' + "<br>".join(lines) + "</div>"


def planner(condition="varus_arthritis"):
    """Build the surgery planner for a condition of :data:`biomech.deformity.CONDITIONS`;
    leave it last in a notebook cell to display it."""
    return Planner(condition)
