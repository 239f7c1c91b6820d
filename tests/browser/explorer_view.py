"""Read what the explorer shows in a real page, and what the model says it should show.

The explorer (``biomech.explorer()``, a ``.bm-explorer`` box) draws three plotly figures,
told apart here by their layout titles: the 3-D view ("3-D view ..."), the front view
("Front view ...") and the "why" chart ("Why? ..."); the "why" chart is drawn when it is
first opened ("Why? Each cause's share"), so a fresh page has the first two drawn. Their
traces are read from the graph divs themselves (``gd.data``), i.e. the data plotly.js
drew, not the widget's state; the readouts are ``tr.bm-row[data-measure]`` rows (in the
"All readouts" panel, in the page even while it is closed) with the value in
``td.bm-value`` (its 5-95 % band, ``.bm-band``, left out) and the load bar is
``div.bm-bar[data-medial-pct]``.

The expected values come from the model in the test process (:func:`biomech.pose`),
for the same inputs, so a figure or a readout that shows a stale or a construction-time
state is caught with the numbers that differ.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

import numpy as np
from playwright.sync_api import Locator, Page

from biomech.views import style

from .helpers import wait_until_page_idle

EXPLORER = ".bm-explorer"
TITLE_3D = "3-D view"
TITLE_FRONT = "Front view"
TITLE_WHY = "Why?"

#: Joint-centre order of both "joint centres" traces (biomech/views/limb3d.py, xray.py).
JOINTS = tuple((side, name) for side in ("right", "left") for name in ("hip_center", "knee_center", "ankle_center"))

#: Readout rows checked against the model, with the unit :func:`style.signed` writes.
READOUT_UNITS = {"fppa_deg": "°", "hka_deg": "°", "load_axis_shift_mm": "mm"}

#: JupyterLab scrolls inside its notebook panel, so a screenshot shows what is in view:
#: tall enough for the explorer's header, the 3-D view and the front view under it.
TALL_VIEWPORT = {"width": 1400, "height": 1500}

#: Drawn coordinates must match the model's to this many millimetres.
TOLERANCE_MM = 0.01

# Everything the checks need, read in one round trip. Runs in the page with the
# explorer's element. Plotly may hold coordinates in typed arrays: Array.from makes
# them plain lists.
_SHOWN_JS = r"""
(el) => {
  const plots = [...el.querySelectorAll('.js-plotly-plot')];
  const title = gd => String((gd.layout && gd.layout.title && gd.layout.title.text) || '');
  const figure = prefix => plots.find(gd => title(gd).startsWith(prefix));
  const list = a => (a === undefined || a === null) ? null : Array.from(a);
  const trace = (gd, name) => {
    if (!gd || !Array.isArray(gd.data)) return null;
    const t = gd.data.find(t => t.name === name);
    return t ? {x: list(t.x), y: list(t.y), z: list(t.z)} : null;
  };
  const g3 = figure(%(title3d)s), gx = figure(%(titlefront)s);
  const readouts = {};
  // The value without its band (a .bm-band block inside the same cell).
  const own = cell => [...cell.childNodes].filter(n => !(n.classList && n.classList.contains('bm-band')))
    .map(n => n.textContent).join('').trim();
  el.querySelectorAll('tr.bm-row').forEach(row => {
    const value = row.querySelector('td.bm-value');
    readouts[row.dataset.measure] = value ? own(value) : null;
  });
  // ipywidgets writes option texts with no-break spaces: compare plain text.
  const text = node => node.textContent.replace(/\s+/g, ' ').trim();
  const labelled = (selector, read) => {
    const out = {};
    el.querySelectorAll(selector).forEach(w => {
      const label = w.querySelector('.widget-label');
      if (label) out[text(label)] = read(w);
    });
    return out;
  };
  const bar = el.querySelector('.bm-bar');
  return {
    titles: plots.map(title),
    traceCounts: plots.map(gd => Array.isArray(gd.data) ? gd.data.length : null),
    joints3d: trace(g3, 'joint centres'),
    jointsFront: trace(gx, 'joint centres'),
    shift: trace(gx, 'load-axis shift'),
    readouts,
    medialPct: bar ? bar.dataset.medialPct : null,
    sliders: labelled('.widget-slider', w => {
      const r = w.querySelector('.widget-readout');
      return r ? text(r) : null;
    }),
    dropdowns: labelled('.widget-dropdown', w => {
      const s = w.querySelector('select');
      return s && s.selectedOptions[0] ? text(s.selectedOptions[0]) : null;
    }),
  };
}
""" % {"title3d": repr(TITLE_3D), "titlefront": repr(TITLE_FRONT)}  # noqa: UP031 (JavaScript is all braces)


def _points(trace: dict | None, axes: tuple[str, ...]) -> list[tuple[float, ...]] | None:
    if trace is None or any(trace.get(a) is None for a in axes):
        return None
    return [tuple(float("nan") if v is None else float(v) for v in coords) for coords in zip(*(trace[a] for a in axes))]


@dataclass
class Shown:
    """What one explorer shows in the page."""

    titles: list[str]
    trace_counts: list[int | None]  # traces each figure drew (gd.data.length), in page order
    joints_3d: list[tuple[float, float, float]] | None  # 3-D view, "joint centres" (x, y, z)
    joints_front: list[tuple[float, float]] | None  # front view, "joint centres" (x, height)
    shift_line: list[tuple[float, float]] | None  # front view, "load-axis shift": knee -> load line
    readouts: dict[str, str]
    medial_pct: str | None
    sliders: dict[str, str]  # label -> readout text
    dropdowns: dict[str, str]  # label -> selected option

    @classmethod
    def from_page(cls, raw: dict) -> Shown:
        return cls(
            titles=raw["titles"],
            trace_counts=raw["traceCounts"],
            joints_3d=_points(raw["joints3d"], ("x", "y", "z")),
            joints_front=_points(raw["jointsFront"], ("x", "y")),
            shift_line=_points(raw["shift"], ("x", "y")),
            readouts=raw["readouts"],
            medial_pct=raw["medialPct"],
            sliders=raw["sliders"],
            dropdowns=raw["dropdowns"],
        )

    def describe(self) -> str:
        joints = (
            "none"
            if self.joints_3d is None
            else ", ".join(f"({x:.3f}, {y:.3f}, {z:.3f})" for x, y, z in self.joints_3d)
        )
        readouts = {name: self.readouts.get(name) for name in READOUT_UNITS}
        figures = ", ".join(
            f"{t.split('(')[0].split('<br>')[0].strip()!r}: {n} traces" for t, n in zip(self.titles, self.trace_counts)
        )
        return (
            f"figures drawn: {figures}\n  3-D joint centres [mm]: {joints}\n  front load-axis shift line: "
            f"{self.shift_line}\n  readouts {readouts}, medial {self.medial_pct} %"
        )


@dataclass
class Expected:
    """What the explorer should show for one model state (from :func:`biomech.pose`)."""

    label: str
    joints_3d: list[tuple[float, float, float]]
    joints_front: list[tuple[float, float]]
    shift_line: list[tuple[float, float]]
    readouts: dict[str, str]
    medial_pct: str
    result: object = field(repr=False, default=None)


def knee_on_load_line(leg: dict) -> np.ndarray:
    """The point of the hip-ankle line at the knee centre's height (the model's numbers)."""
    hip, knee, ankle = leg["hip_center"], leg["knee_center"], leg["ankle_center"]
    t = (knee[2] - hip[2]) / (ankle[2] - hip[2])
    return hip + t * (ankle - hip)


def expected_from_pose(pose: dict, label: str) -> Expected:
    """The numbers the explorer must show for ``pose`` (a :func:`biomech.pose` output)."""
    result = pose["result"]
    joints = [tuple(float(v) for v in pose[side][name]) for side, name in JOINTS]
    leg = pose[pose["stance_side"]]
    on_line = knee_on_load_line(leg)
    return Expected(
        label=label,
        joints_3d=joints,
        joints_front=[(x, z) for x, _, z in joints],
        shift_line=[
            (float(leg["knee_center"][0]), float(leg["knee_center"][2])),
            (float(on_line[0]), float(on_line[2])),
        ],
        readouts={name: style.signed(getattr(result, name), unit) for name, unit in READOUT_UNITS.items()},
        medial_pct=f"{100.0 * result.medial_load_fraction:.1f}",
        result=result,
    )


def _point_differences(what: str, shown, expected, tolerance: float) -> list[str]:
    if shown is None:
        return [f"{what}: not in the page"]
    if len(shown) != len(expected):
        return [f"{what}: {len(shown)} points shown, {len(expected)} expected"]
    out = []
    for i, (s, e) in enumerate(zip(shown, expected)):
        worst = max(abs(a - b) if np.isfinite(a) else np.inf for a, b in zip(s, e))
        if not worst <= tolerance:
            out.append(
                f"{what} point {i}: shown {tuple(round(v, 4) for v in s)}, model "
                f"{tuple(round(v, 4) for v in e)} (off by {worst:.4g} mm)"
            )
    return out


def differences(shown: Shown, expected: Expected, tolerance_mm: float = TOLERANCE_MM) -> list[str]:
    """Every way in which the page differs from the model's numbers (empty: it matches)."""
    out = []
    out += _point_differences("3-D joint centres", shown.joints_3d, expected.joints_3d, tolerance_mm)
    out += _point_differences("front-view joint centres", shown.joints_front, expected.joints_front, tolerance_mm)
    out += _point_differences("front-view load-axis shift line", shown.shift_line, expected.shift_line, tolerance_mm)
    for name, text in expected.readouts.items():
        if shown.readouts.get(name) != text:
            out.append(f"readout {name}: shown {shown.readouts.get(name)!r}, model {text!r}")
    if shown.medial_pct != expected.medial_pct:
        out.append(f"load bar medial %: shown {shown.medial_pct!r}, model {expected.medial_pct!r}")
    return out


# ---------------------------------------------------------------- the page


def explorer_in(page: Page, index: int = 0) -> Locator:
    """The ``index``-th explorer on the page."""
    return page.locator(EXPLORER).nth(index)


def scroll_to(explorer: Locator) -> None:
    """Scroll the explorer's top into view (JupyterLab and Voila scroll inside their panels,
    so a page screenshot shows what is in view)."""
    explorer.evaluate("el => el.scrollIntoView({block: 'start'})")


def read_shown(explorer: Locator) -> Shown:
    """Read the explorer's figures, readouts and controls from the page (one round trip)."""
    return Shown.from_page(explorer.evaluate(_SHOWN_JS))


#: Figures a fresh explorer draws at once (the "why" chart waits until it is opened).
FIRST_DRAWN = (TITLE_3D, TITLE_FRONT)


def wait_until_drawn(explorer: Locator, timeout_s: float = 90.0) -> Shown:
    """Wait until plotly has drawn the explorer's 3-D and front views and its readouts are there.

    "Drawn" means each graph div has its ``data`` list, whatever is in it: a figure drawn
    without its traces is for the caller's checks to report, not something to wait out.
    """
    explorer.wait_for(state="attached", timeout=timeout_s * 1000)
    deadline = time.monotonic() + timeout_s
    while True:
        shown = read_shown(explorer)
        drawn = [t for t, n in zip(shown.titles, shown.trace_counts) if n is not None]
        ready = all(any(t.startswith(prefix) for t in drawn) for prefix in FIRST_DRAWN) and all(
            n in shown.readouts for n in READOUT_UNITS
        )
        if ready or time.monotonic() > deadline:
            assert ready, f"the explorer's figures were not drawn within {timeout_s:.0f} s:\n{shown.describe()}"
            return shown
        time.sleep(0.1)


def show_explorer(page: Page, screenshot, step: str) -> tuple[Locator, Shown]:
    """The page's explorer once drawn and every widget front end has settled, scrolled
    into view and photographed as ``step``; returns it with what it first shows."""
    explorer = explorer_in(page)
    drawn = wait_until_drawn(explorer)
    wait_until_page_idle(page)  # widget front ends finish drawing (and report their errors)
    scroll_to(explorer)
    screenshot(page, step)
    return explorer, drawn


def wait_for_state(explorer: Locator, expected: Expected, timeout_s: float = 20.0) -> tuple[Shown, list[str]]:
    """Poll the page until the explorer shows ``expected`` or ``timeout_s`` passes.

    Returns the last reading and its differences from ``expected`` (empty when it
    matched), so that a test's assertion says which numbers were stale.
    """
    deadline = time.monotonic() + timeout_s
    while True:
        shown = read_shown(explorer)
        diffs = differences(shown, expected)
        if not diffs or time.monotonic() > deadline:
            return shown, diffs
        time.sleep(0.1)


def reach_state(
    explorer: Locator, expected: Expected, screenshot=None, step: str | None = None, timeout_s: float = 20.0
) -> Shown:
    """Wait until the explorer shows ``expected`` (photographed as ``step`` if given), and
    assert it did, including that the drawn load-axis shift line is as long as the
    model's ``load_axis_shift_mm``. Returns what it shows."""
    shown, diffs = wait_for_state(explorer, expected, timeout_s)
    if step is not None:
        scroll_to(explorer)
        screenshot(explorer.page, step)
    assert diffs == [], mismatch_message(expected, shown, diffs)
    (knee_x, _), (line_x, _) = shown.shift_line
    assert abs(line_x - knee_x - expected.result.load_axis_shift_mm) <= TOLERANCE_MM
    return shown


def mismatch_message(expected: Expected, shown: Shown, diffs: list[str]) -> str:
    return (
        f"the page does not show the model's state '{expected.label}':\n  "
        + "\n  ".join(diffs)
        + f"\npage:\n  {shown.describe()}"
    )


def _exact(text: str) -> re.Pattern:
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


def dropdown(explorer: Locator, label: str) -> Locator:
    """The ``<select>`` of the explorer's dropdown labelled ``label`` (e.g. "Task")."""
    return (
        explorer.locator(".widget-dropdown")
        .filter(has=explorer.page.locator(".widget-label", has_text=_exact(label)))
        .locator("select")
    )


def slider(explorer: Locator, label: str) -> Locator:
    """The explorer's slider labelled ``label`` (e.g. "Arch collapse")."""
    return explorer.locator(".widget-slider").filter(has=explorer.page.locator(".widget-label", has_text=_exact(label)))


def reveal(explorer: Locator, control: Locator) -> Locator:
    """Open the tab of the explorer's controls ("Causes", "Task and trunk", "Person") that
    holds ``control``, as a learner would, and return ``control``."""
    if control.is_visible():
        return control
    for tab in explorer.locator(".lm-TabBar-tab").all():
        tab.click()
        if control.is_visible():
            break
    return control


def choose(explorer: Locator, label: str, option: str) -> None:
    """Choose ``option`` (its visible text) in the dropdown labelled ``label``."""
    reveal(explorer, dropdown(explorer, label)).select_option(label=option)


def press_on_slider(explorer: Locator, label: str, key: str = "ArrowRight", times: int = 1) -> None:
    """Move a slider from the keyboard: focus its handle, press ``key`` ``times`` times."""
    handle = reveal(explorer, slider(explorer, label)).locator(".noUi-handle")
    handle.focus()
    for _ in range(times):
        explorer.page.keyboard.press(key)


# ---------------------------------------------------------------- the record

#: Console texts of a widget that failed (ipywidgets 8, anywidget, older ipywidgets).
WIDGET_FAILURES = (
    "Failed to initialize model",
    "Error displaying widget",
    "jupyter-widgets-error-widget",
    "Could not create model",
    "Could not create view",
)


def widget_console_errors(record) -> list[str]:
    """Console and page errors that say a widget failed to start or to draw."""
    return [e for e in record.console_errors + record.page_errors if any(m in e for m in WIDGET_FAILURES)]


def assert_clean(record, where: str) -> None:
    """Nothing left the machine, no widget failed, no JavaScript error, no failed request."""
    assert record.blocked == [], (
        f"{where}: the page asked for resources outside this machine "
        f"({len(record.blocked)} blocked):\n" + record.summary()
    )
    assert widget_console_errors(record) == [], f"{where}: a widget failed in the browser:\n" + record.summary()
    assert record.console_errors == [] and record.page_errors == [], f"{where}: JavaScript errors:\n" + record.summary()
    assert record.failed_requests == [] and record.http_errors == [], f"{where}:\n" + record.summary()
