"""A slow laptop: the explorer and the clinic pages in Chromium with its CPU slowed 6 times.

Chromium's DevTools protocol slows a page's main thread
(``Emulation.setCPUThrottlingRate``, rate 6: every script and every drawing takes six
times as long), as on a cheap classroom laptop. anywidget gives each widget 2 s of wall
time from its creation to start, and on a starved CPU a long script that runs while other
widgets start (plotly.js is 4.8 MB) made it give up: "[anywidget] Failed to initialize
model", an empty figure, and a widget that no longer follows the kernel. The figures now
wait until the browser is idle before loading plotly.js (biomech/app/figure.py).

Checked, on pages served as `make app` and `make clinic` serve them, over repeated loads
(each a fresh browser context, as each student's browser): no widget failed to start, no
JavaScript error, the explorer's 3-D and front views are drawn with the model's numbers,
a slider moved from the keyboard still reaches the figures (a widget that timed out
would drop the kernel's updates), and the clinic's case is shown with its controls.
"""

from __future__ import annotations

import pytest

import biomech

from .explorer_view import assert_clean, expected_from_pose, explorer_in, press_on_slider, reach_state, wait_until_drawn
from .helpers import collect_error_outputs, open_voila_page, wait_until_page_idle

pytestmark = pytest.mark.browser

#: How much slower the page's CPU is (Chromium's DevTools protocol).
SLOWDOWN = 6
#: Page loads per page under test (each a new context: nothing cached between them).
RUNS = 2
#: Slowed six times, the first view takes about 30 s on the 2-core test machine.
SLOW_TIMEOUT_S = 180.0
ARCH = "Arch collapse"


def slowed_page(new_page):
    """A recorded page whose main thread runs :data:`SLOWDOWN` times slower."""
    recorded = new_page()
    session = recorded.context.new_cdp_session(recorded.page)
    session.send("Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN})
    return recorded


def figure_states(page) -> list[dict]:
    """Each biomech figure on the page: drawn (plotly's graph div has its traces), its name,
    and any message it shows in words."""
    return page.evaluate("""() => [...document.querySelectorAll('.bm-plot')].map(el => {
        const gd = el.querySelector('.js-plotly-plot');
        const note = el.querySelector('.bm-plot-note');
        return {label: el.getAttribute('aria-label') || '', traces: gd && Array.isArray(gd.data) ? gd.data.length : 0,
                hidden: el.getClientRects().length === 0, note: note && !note.hidden ? note.textContent : ''};
    })""")


def test_explorer_draws_on_a_slow_laptop(voila_server, new_page, screenshot):
    voila = voila_server("notebooks/explorer_app.ipynb")
    for run in range(RUNS):
        recorded = slowed_page(new_page)
        page = recorded.page
        open_voila_page(page, voila)
        explorer = explorer_in(page)
        wait_until_drawn(explorer, timeout_s=SLOW_TIMEOUT_S)
        wait_until_page_idle(page)
        states = figure_states(page)
        shown = [s for s in states if not s["hidden"]]
        assert len(shown) >= 2 and all(s["traces"] > 0 and not s["note"] for s in shown), states
        assert page.locator("#bm-start-alert").count() == 0
        # Updates still flow: a widget that gave up would drop them.
        press_on_slider(explorer, ARCH, "ArrowRight", 2)
        moved = expected_from_pose(biomech.pose(arch_collapse=0.1), f"arch_collapse=0.1, slowed {SLOWDOWN}x")
        reach_state(explorer, moved, timeout_s=60.0)
        if run == 0:
            screenshot(page, "slowed")
        assert collect_error_outputs(page) == []
        assert_clean(recorded.record, f"explorer slowed {SLOWDOWN}x, load {run + 1}")
        recorded.context.close()


def test_clinic_starts_on_a_slow_laptop(voila_server, new_page, screenshot):
    voila = voila_server("notebooks/clinic_app.ipynb")
    for run in range(RUNS):
        recorded = slowed_page(new_page)
        page = recorded.page
        open_voila_page(page, voila)
        case = page.locator(".bm-case").first
        case.wait_for(state="visible", timeout=SLOW_TIMEOUT_S * 1000)
        wait_until_page_idle(page)
        # The case's parts are there: the story, every test to choose, the buttons.
        assert case.locator(".widget-checkbox").count() >= 9
        assert case.get_by_role("button", name="Do the chosen tests").is_visible()
        assert case.get_by_role("button", name="Submit").count() == 1
        assert page.locator("#bm-start-alert").count() == 0
        if run == 0:
            screenshot(page, "slowed")
        assert collect_error_outputs(page) == []
        assert_clean(recorded.record, f"clinic slowed {SLOWDOWN}x, load {run + 1}")
        recorded.context.close()
