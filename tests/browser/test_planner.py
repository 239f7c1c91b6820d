"""The surgery planner in a real browser (Voila on tests/browser/notebooks/planner_page.ipynb):
the two standing films are photographed before and after a planned osteotomy, and the
lines drawn on them (femoral and tibial mechanical axes, the two joint lines) are read
back from the page and checked against the model's own numbers; a wedge beyond what the
bone allows shows a message and leaves the films as they were.
"""

from __future__ import annotations

import numpy as np
import pytest

import biomech
from biomech import surgery
from biomech.app.planner import FILM
from biomech.deformity import CONDITIONS
from biomech.views import xray

from .explorer_view import assert_clean
from .helpers import collect_error_outputs, open_voila_page, wait_until_page_idle

pytestmark = pytest.mark.browser

NOTEBOOK = "tests/browser/notebooks/planner_page.ipynb"
CONDITION = "varus_arthritis"
TRACES = (
    "mechanical axes (hip-knee, knee-ankle)",
    "femoral joint line",
    "tibial plateau (medial to lateral edge)",
    "osteotomy",
)
READ_TRACES = """(names) => {
  const gd = document.querySelector('.bm-planner .js-plotly-plot');
  if (!gd || !Array.isArray(gd.data)) return null;
  const out = {};
  for (const t of gd.data)
    if (names.some(n => t.name.startsWith(n))) out[t.name] = {x: t.x, y: t.y, visible: t.visible};
  return out;
}"""


def _angle(u, v):
    return float(np.degrees(np.arccos(np.dot(u, v) / np.linalg.norm(u) / np.linalg.norm(v))))


def drawn(traces, film):
    """mLDFA, MPTA and HKA [deg] from the lines drawn on one film (right leg)."""
    axes = traces[f"{TRACES[0]} ({film})"]
    hip, knee, ankle = (np.array([axes["x"][i], axes["y"][i]], dtype=float) for i in (0, 1, 4))
    lines = []
    for name in TRACES[1:3]:
        t = traces[f"{name} ({film})"]
        lines.append(np.array([t["x"][1] - t["x"][0], t["y"][1] - t["y"][0]], dtype=float))
    u, v = knee - hip, ankle - knee
    hka = float(np.degrees(np.arctan2(u[0] * v[1] - u[1] * v[0], np.dot(u, v))))
    return {"mldfa_deg": _angle(hip - knee, lines[0]), "mpta_deg": _angle(ankle - knee, -lines[1]), "hka_deg": hka}


def assert_film_matches(traces, film, result):
    shown = drawn(traces, film)
    for name, value in shown.items():
        assert value == pytest.approx(getattr(result, name), abs=0.1), (film, name, value, getattr(result, name))


def read(page):
    return page.evaluate(READ_TRACES, list(TRACES))


def test_planner_films_before_and_after_a_planned_osteotomy(voila_server, new_page, screenshot):
    before = biomech.simulate(**CONDITIONS[CONDITION].inputs(), **FILM)
    plan = surgery.plan_osteotomy(before)
    voila = voila_server(NOTEBOOK)
    recorded = new_page()
    page = recorded.page
    page.set_viewport_size({"width": 1280, "height": 1000})
    open_voila_page(page, voila)
    app = page.locator(".bm-planner")
    app.wait_for(state="visible", timeout=60_000)
    page.wait_for_function(
        f"() => {{ const gd = document.querySelector('.bm-planner .js-plotly-plot');"
        f" return gd && gd.data && gd.data.length === {2 * len(xray.STATIC)}; }}",
        timeout=60_000,
    )
    wait_until_page_idle(page)
    screenshot(app, "before-plan")
    traces = read(page)
    assert_film_matches(traces, "before", before)
    assert_film_matches(traces, "after", before)  # no wedge yet: both films alike
    assert not traces["osteotomy (after)"]["visible"]

    app.get_by_role("button", name="Plan the wedge for this target").click()
    page.wait_for_function(
        """() => { const gd = document.querySelector('.bm-planner .js-plotly-plot');
        const t = gd.data.find(t => t.name === 'osteotomy (after)'); return t && t.visible === true; }""",
        timeout=30_000,
    )
    wait_until_page_idle(page)
    screenshot(app, "after-plan")
    traces = read(page)
    assert_film_matches(traces, "before", before)
    assert_film_matches(traces, "after", plan.after)
    assert plan.after.wbl_ratio_pct == pytest.approx(surgery.FUJISAWA_POINT_PCT, abs=1.0)
    text = app.inner_text()
    assert f"{plan.after.hka_deg:.1f} °" in text and "Miniaci" in text

    # A wedge beyond what the bone allows, typed into the slider's box: a message, and
    # the films stay as they were.
    slider = app.locator(".widget-slider", has_text="Wedge (+ valgus)")
    box = slider.locator(".widget-readout")
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("19.5")
    page.keyboard.press("Enter")
    app.locator("[role=alert]").wait_for(state="visible", timeout=20_000)
    assert "outside the 80 to 95 deg" in app.locator("[role=alert]").inner_text()
    wait_until_page_idle(page)
    screenshot(app, "refused-wedge")
    assert read(page) == traces
    assert collect_error_outputs(page) == []
    assert_clean(recorded.record, "surgery planner page")
