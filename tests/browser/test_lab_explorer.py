"""The explorer in real JupyterLab: the lessons that use it run, and it follows the keyboard.

A learner opens a lesson, runs every cell and moves the explorer's controls. Checked
in a real Chromium with no internet: every cell ran without an error output, the
explorer's plotly figures and sliders are on the page, no widget failed (no error box,
no "Failed to initialize model" in the console), nothing was blocked; and after a
control moves, the figures and readouts show the model's numbers for the new inputs,
computed here with :func:`biomech.pose` (knee centre within 0.01 mm, readouts as
formatted by :func:`biomech.views.style.signed`).
"""

from __future__ import annotations

import hashlib

import pytest

import biomech

from .explorer_view import (
    TALL_VIEWPORT,
    assert_clean,
    choose,
    differences,
    expected_from_pose,
    explorer_in,
    press_on_slider,
    reach_state,
    show_explorer,
)
from .helpers import cell_prompts, collect_error_outputs, open_lab_notebook, run_all_cells, wait_until_page_idle
from .servers import REPO_ROOT

pytestmark = pytest.mark.browser

ARCH = "Arch collapse"
ARCH_STEP = 0.05  # the slider's step (biomech/app/controls.py)
PRESSES = 3


def run_lesson(recorded, lab_server, name: str, screenshot) -> None:
    """Open ``notebooks/<name>``, run all cells, and check the page like a learner would see it."""
    page = recorded.page
    page.set_viewport_size(TALL_VIEWPORT)
    open_lab_notebook(page, lab_server, name)
    run_all_cells(page)
    explorer, drawn = show_explorer(page, screenshot, "ran")

    errors = collect_error_outputs(page)
    assert errors == [], f"error outputs in {name} after Run All Cells:\n" + "\n".join(errors)
    prompts = cell_prompts(page)
    assert prompts and all(p.strip("[]: ").isdigit() for p in prompts), prompts
    assert page.locator(".bm-explorer").count() == 1, "expected one explorer in the lesson"
    # The 3-D and front views; the "why" chart is drawn when it is first opened.
    assert page.locator(".js-plotly-plot").count() >= 2, "the explorer's plotly figures are missing"
    assert page.locator(".widget-slider").count() >= 10, "the explorer's sliders are missing"
    assert page.locator(".widget-slider .noUi-handle").count() >= 10
    assert_clean(recorded.record, f"{name} after Run All Cells")
    empty = [title for title, count in zip(drawn.titles, drawn.trace_counts) if not count]
    assert empty == [], (
        f"{name}: the explorer's figures {empty} were drawn with no traces (gd.data is empty):\n" + drawn.describe()
    )


def test_start_lesson_explorer_follows_the_keyboard(lab_server, new_page, screenshot):
    notebook_file = REPO_ROOT / "notebooks" / "00_start_here.ipynb"
    digest_before = hashlib.sha256(notebook_file.read_bytes()).hexdigest()
    recorded = new_page()
    page = recorded.page
    run_lesson(recorded, lab_server, "00_start_here.ipynb", screenshot)
    explorer = explorer_in(page)

    # The cell `app = biomech.explorer()` shows the default state.
    default = expected_from_pose(biomech.pose(), "biomech.pose() (defaults)")
    reach_state(explorer, default, timeout_s=5)

    # "Try it": choose the single-leg squat, then move the arch slider from the keyboard.
    choose(explorer, "Task", "Single-leg squat")
    squat = expected_from_pose(biomech.pose(task="single_leg_squat"), "single-leg squat")
    before = reach_state(explorer, squat, screenshot, "before-move")
    assert before.sliders[ARCH] == "0.00"

    press_on_slider(explorer, ARCH, "ArrowRight", PRESSES)
    arch = round(PRESSES * ARCH_STEP, 10)
    moved = expected_from_pose(
        biomech.pose(task="single_leg_squat", arch_collapse=arch), f"single-leg squat, arch_collapse={arch}"
    )
    after = reach_state(explorer, moved, screenshot, "after-move")
    assert after.sliders[ARCH] == f"{arch:.2f}", after.sliders
    # (a) the geometry moved: the knee centre and the load-axis shift line are drawn elsewhere.
    assert after.joints_3d != before.joints_3d and after.shift_line != before.shift_line
    knee_before, knee_after = before.joints_3d[1], after.joints_3d[1]
    assert abs(knee_after[0] - knee_before[0]) > 1.0, (knee_before, knee_after)
    # (b) the drawn load-axis shift line is as long as result.load_axis_shift_mm (reach_state).
    # (c) the readouts carry the model's numbers as formatted by style.signed (checked above);
    # make the values visible in the test log.
    print({name: after.readouts[name] for name in moved.readouts})

    wait_until_page_idle(page)
    assert_clean(recorded.record, "00_start_here.ipynb after moving the slider")
    # Running cells and moving sliders must not rewrite the committed notebook (autosave off).
    assert hashlib.sha256(notebook_file.read_bytes()).hexdigest() == digest_before


def test_five_causes_lesson_explorer_shows_the_state_set_by_later_cells(lab_server, new_page, screenshot):
    notebook_file = REPO_ROOT / "notebooks" / "02_the_five_causes.ipynb"
    digest_before = hashlib.sha256(notebook_file.read_bytes()).hexdigest()
    recorded = new_page()
    page = recorded.page
    run_lesson(recorded, lab_server, "02_the_five_causes.ipynb", screenshot)
    explorer = explorer_in(page)

    # The explorer is shown in one cell and changed by a later one ("Together: everything a
    # little"): app.load_preset("everything_a_little"); app.set(task=..., knee_flexion_deg=45, ...).
    # The figure already on the page must follow. Same calls here, in the test process:
    app = biomech.explorer(task="single_leg_squat", knee_flexion_deg=45.0)
    app.load_preset("everything_a_little")
    app.set(task="single_leg_squat", knee_flexion_deg=45.0, side="right")
    expected = expected_from_pose(biomech.pose(**app.inputs), "everything a little, single-leg squat 45°")
    construction = expected_from_pose(
        biomech.pose(task="single_leg_squat", knee_flexion_deg=45.0),
        "single-leg squat (the state the explorer was built in)",
    )
    shown = reach_state(explorer, expected, screenshot, "explorer", timeout_s=10)
    assert differences(shown, construction), "the test cannot tell the changed state from the construction state"

    # And it still follows a control: one step of the arch slider.
    press_on_slider(explorer, ARCH, "ArrowRight", 1)
    inputs = dict(app.inputs, arch_collapse=app.inputs["arch_collapse"] + ARCH_STEP)
    moved = expected_from_pose(biomech.pose(**inputs), f"everything a little, arch_collapse={inputs['arch_collapse']}")
    reach_state(explorer, moved)

    wait_until_page_idle(page)
    assert_clean(recorded.record, "02_the_five_causes.ipynb")
    assert hashlib.sha256(notebook_file.read_bytes()).hexdigest() == digest_before
