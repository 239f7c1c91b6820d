"""The stand-alone explorer app (Voila on notebooks/explorer_app.ipynb), in a real browser.

Served as ``make app`` serves it (the harness's ``voila_server``: template ``biomech``,
``JUPYTER_PATH=tools/jupyter``, jupytext's extension denied), on loopback, with the
network guard. Checked: the first view shows the current state (the figures' joint
centres are :func:`biomech.pose`'s defaults, the HKA readout is
``biomech.simulate().hka_deg``), a slider moved from the keyboard updates the figures and
the readouts to the model's numbers for the new input, nothing was blocked and the
console stayed clean.
"""

from __future__ import annotations

import pytest

import biomech
from biomech.views import style

from .explorer_view import (
    assert_clean,
    differences,
    expected_from_pose,
    mismatch_message,
    press_on_slider,
    reach_state,
    read_shown,
    show_explorer,
)
from .helpers import collect_error_outputs, open_voila_page, wait_until_page_idle

pytestmark = pytest.mark.browser

BONE = "Bone shape (±°)"
BONE_STEP_DEG = 0.5  # the slider's step (biomech/app/controls.py)
PRESSES = 3


def test_app_first_view_and_keyboard_update(voila_server, new_page, screenshot):
    voila = voila_server("notebooks/explorer_app.ipynb")
    recorded = new_page()
    page = recorded.page
    open_voila_page(page, voila)
    explorer, _ = show_explorer(page, screenshot, "first-view")

    # The first view, read once (the kernel is idle: nothing else is on its way).
    first = read_shown(explorer)
    default = expected_from_pose(biomech.pose(), "biomech.pose() (defaults)")
    diffs = differences(first, default)
    assert diffs == [], mismatch_message(default, first, diffs)
    assert first.readouts["hka_deg"] == style.signed(biomech.simulate().hka_deg, "°")
    assert first.sliders[BONE] == "+0.0" and first.dropdowns["Task"] == "Standing on both legs"
    assert collect_error_outputs(page) == []

    # Bone shape: three steps of 0.5° toward valgus, from the keyboard.
    press_on_slider(explorer, BONE, "ArrowRight", PRESSES)
    offset = PRESSES * BONE_STEP_DEG
    bone = biomech.simulate().inputs["constitutional_hka_deg"] + offset
    moved = expected_from_pose(biomech.pose(constitutional_hka_deg=bone), f"constitutional_hka_deg={bone:+.1f}")
    after = reach_state(explorer, moved, screenshot, "after-move")
    assert after.sliders[BONE] == f"{offset:+.1f}", after.sliders
    assert after.joints_3d != first.joints_3d and after.shift_line != first.shift_line
    assert after.readouts["hka_deg"] == style.signed(biomech.simulate(constitutional_hka_deg=bone).hka_deg, "°")

    wait_until_page_idle(page)
    assert collect_error_outputs(page) == []
    assert_clean(recorded.record, "Voila explorer app")
