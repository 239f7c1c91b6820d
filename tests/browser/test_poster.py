"""The explorer app's server-drawn picture of its first view (biomech/app/poster.py), in
a real browser on the Voila app as `make app` serves it.

Checked: the served HTML shows the picture with no script at all (a context with
JavaScript disabled): the two figures as named SVG images and the caption, visible, with
Voila's spinner hidden; and with scripts on, once plotly has drawn the live figures, the
picture is gone, the live explorer is visible and answers a slider as before.
"""

from __future__ import annotations

import time

import pytest

import biomech

from .explorer_view import assert_clean, expected_from_pose, press_on_slider, reach_state, show_explorer
from .helpers import VOILA_RENDER_TIMEOUT_MS, open_voila_page
from .pages import open_recorded_page

pytestmark = pytest.mark.browser

BONE = "Bone shape (±°)"
BONE_STEP_DEG = 0.5  # the slider's step (biomech/app/controls.py)


def test_picture_without_scripts_then_live_explorer(voila_server, browser, new_page, screenshot):
    voila = voila_server("notebooks/explorer_app.ipynb")

    # No script runs: what a visitor sees while Voila's scripts and plotly.js load.
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(voila.url("/"), timeout=VOILA_RENDER_TIMEOUT_MS)
        poster = page.locator(".bm-poster")
        poster.wait_for(state="visible", timeout=10_000)
        pictures = poster.locator("svg[role=img]")
        assert pictures.count() == 2
        labels = [pictures.nth(i).get_attribute("aria-label") for i in range(2)]
        assert labels[0].startswith("Still picture: 3-D view") and labels[1].startswith("Still picture: Front view")
        for i in range(2):
            box = pictures.nth(i).bounding_box()
            assert box and box["width"] > 200 and box["height"] > 200, box
            # Drawn, not empty: the 3-D view's bone faces, the front view's lines.
            assert pictures.nth(i).locator("path").count() > 10
        assert poster.get_by_text("Starting the interactive explorer").is_visible()
        assert not page.locator("#loading").is_visible()
        screenshot(page, "no-scripts")
    finally:
        context.close()

    # Scripts on: the picture until the live figures are drawn, then the live explorer.
    recorded = new_page()
    page = recorded.page
    open_voila_page(page, voila)
    explorer, _ = show_explorer(page, screenshot, "live")
    deadline = time.monotonic() + 10
    while page.locator(".bm-poster").is_visible() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not page.locator(".bm-poster").is_visible(), "the picture stayed after the live figures were drawn"
    assert page.locator(".bm-poster").count() == 0  # removed once both live figures were drawn
    assert page.locator(".bm-poster-host.bm-poster-done").count() == 1
    assert explorer.locator(".bm-area-3d").is_visible() and explorer.locator(".bm-area-front").is_visible()
    # Works as before: a slider step reaches the model's figures for the new input.
    press_on_slider(explorer, BONE, "ArrowRight", 1)
    bone = biomech.simulate().inputs["constitutional_hka_deg"] + BONE_STEP_DEG
    after = reach_state(explorer, expected_from_pose(biomech.pose(constitutional_hka_deg=bone), "bone +0.5"))
    assert after.sliders[BONE] == f"{BONE_STEP_DEG:+.1f}", after.sliders
    assert_clean(recorded.record, "Voila explorer app with its picture")


def test_picture_is_hidden_by_no_other_page(browser, voila_server):
    """The clinic app carries no picture: its cells wait behind Voila's spinner as before."""
    voila = voila_server("notebooks/clinic_app.ipynb")
    recorded = open_recorded_page(browser)
    try:
        recorded.page.goto(voila.url("/"), timeout=VOILA_RENDER_TIMEOUT_MS)
        assert recorded.page.locator(".bm-poster").count() == 0
    finally:
        recorded.context.close()
