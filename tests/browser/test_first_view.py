"""plotly 7's construction-state trap, checked in real pages.

plotly 7 sends Python-side changes to a displayed FigureWidget as one-off messages and
keeps its synced state at the values it was built with; a view that asks the kernel for
the widget's state later (a Voila page, a reloaded JupyterLab page) would draw the
construction-time figure. biomech's LiveFigure (biomech/app/figure.py) is meant to hand
every new view the current figure. Checked here:

* Voila on ``tests/browser/notebooks/changed_before_display.ipynb``, whose one cell builds
  an explorer, changes it (single-leg squat, arch collapse 1, a hip width off the slider's
  step grid) and only then displays it: the first view shows the changed state, not the
  construction state, and the slider does not snap the hip width to its grid.
* The same notebook run in JupyterLab (the views are built from the live comm messages).
* JupyterLab: move a slider in the start lesson, save, reload the page while the kernel
  keeps running (no cell is run again): the re-rendered figures show the moved state.
"""

from __future__ import annotations

import json
import shutil
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

import biomech

from .explorer_view import (
    TALL_VIEWPORT,
    assert_clean,
    choose,
    differences,
    expected_from_pose,
    explorer_in,
    mismatch_message,
    press_on_slider,
    reach_state,
    read_shown,
    show_explorer,
    wait_until_drawn,
)
from .helpers import (
    cell_prompts,
    collect_error_outputs,
    open_lab_notebook,
    open_voila_page,
    run_all_cells,
    wait_for_kernel_idle,
)
from .servers import REPO_ROOT, http_get

pytestmark = pytest.mark.browser

TEST_NOTEBOOKS = Path(__file__).resolve().parent / "notebooks"
CHANGED_BEFORE_DISPLAY = TEST_NOTEBOOKS / "changed_before_display.ipynb"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
ARCH = "Arch collapse"


def changed_and_construction():
    changed = expected_from_pose(
        biomech.pose(task="single_leg_squat", arch_collapse=1.0, hip_width_mm=300.0),
        "single-leg squat, arch_collapse=1.0, hip_width_mm=300 (set before display)",
    )
    construction = expected_from_pose(biomech.pose(), "biomech.pose() (the construction state)")
    return changed, construction


def assert_first_view(explorer, changed, construction) -> None:
    """Read the drawn explorer once and compare it with the changed state."""
    shown = read_shown(explorer)
    diffs = differences(shown, changed)
    stale = "" if differences(shown, construction) else "\n(the page shows the CONSTRUCTION state)"
    assert diffs == [], mismatch_message(changed, shown, diffs) + stale
    assert shown.dropdowns["Task"] == "Single-leg squat" and shown.sliders[ARCH] == "1.00", (
        shown.dropdowns,
        shown.sliders,
    )


def test_voila_first_view_shows_the_state_changed_before_display(voila_server, new_page, screenshot):
    # voila_server takes the path relative to the repository root; Voila then runs the
    # notebook with its own folder as working directory.
    voila = voila_server(CHANGED_BEFORE_DISPLAY.relative_to(REPO_ROOT).as_posix())
    recorded = new_page()
    page = recorded.page
    open_voila_page(page, voila)
    explorer, _ = show_explorer(page, screenshot, "first-view")

    changed, construction = changed_and_construction()
    assert_first_view(explorer, changed, construction)
    assert collect_error_outputs(page) == []
    assert_clean(recorded.record, "Voila, changed_before_display.ipynb")


def test_lab_shows_the_state_changed_before_display(lab_server, new_page, screenshot):
    recorded = new_page()
    page = recorded.page
    page.set_viewport_size(TALL_VIEWPORT)
    open_lab_notebook(
        page, lab_server, CHANGED_BEFORE_DISPLAY.name, folder=TEST_NOTEBOOKS.relative_to(REPO_ROOT).as_posix()
    )
    run_all_cells(page)
    explorer, _ = show_explorer(page, screenshot, "ran")

    changed, construction = changed_and_construction()
    assert_first_view(explorer, changed, construction)
    assert collect_error_outputs(page) == []
    assert_clean(recorded.record, "JupyterLab, changed_before_display.ipynb")


@pytest.fixture
def start_lesson_copy() -> Iterator[Path]:
    """A copy of the start lesson under the git-ignored artifacts/ folder (relative path).

    The reload test saves the notebook (JupyterLab reloads it from disk); the committed
    lesson must not be rewritten.
    """
    folder = REPO_ROOT / "artifacts" / "browser-reload" / uuid.uuid4().hex[:12]
    folder.mkdir(parents=True)
    shutil.copyfile(REPO_ROOT / "notebooks" / "00_start_here.ipynb", folder / "00_start_here.ipynb")
    try:
        yield (folder / "00_start_here.ipynb").relative_to(REPO_ROOT)
    finally:
        shutil.rmtree(folder)


def _kernel_of(lab_server, path: Path) -> dict:
    sessions = json.loads(http_get(lab_server.url("/api/sessions")).body)
    matches = [s["kernel"] for s in sessions if s["path"] == path.as_posix()]
    assert len(matches) == 1, sessions
    return matches[0]


def _wait_until_saved_with_widget_view(path: Path, timeout_s: float = 30.0) -> None:
    """Wait until the notebook on disk has the explorer's widget-view output."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            cells = json.loads(path.read_text())["cells"]
        except (OSError, ValueError):
            cells = []
        if any(WIDGET_VIEW in output.get("data", {}) for cell in cells for output in cell.get("outputs", [])):
            return
        time.sleep(0.2)
    raise AssertionError(f"{path} was not saved with a widget output within {timeout_s:.0f} s")


def test_lab_reload_redraws_the_current_state_from_the_kernel(lab_server, new_page, screenshot, start_lesson_copy):
    recorded = new_page()
    page = recorded.page
    page.set_viewport_size(TALL_VIEWPORT)
    open_lab_notebook(page, lab_server, start_lesson_copy.name, folder=start_lesson_copy.parent.as_posix())
    run_all_cells(page)
    explorer = explorer_in(page)
    wait_until_drawn(explorer)

    choose(explorer, "Task", "Single-leg squat")
    press_on_slider(explorer, ARCH, "ArrowRight", 3)
    moved = expected_from_pose(
        biomech.pose(task="single_leg_squat", arch_collapse=0.15),
        "single-leg squat, arch_collapse=0.15 (moved before the reload)",
    )
    reach_state(explorer, moved, screenshot, "before-reload")

    # Save (the outputs then name the kernel's widgets), and reload with the kernel running.
    page.keyboard.press("Control+s")
    _wait_until_saved_with_widget_view(REPO_ROOT / start_lesson_copy)
    kernel = _kernel_of(lab_server, start_lesson_copy)
    prompts = cell_prompts(page)
    page.reload()
    page.locator(".jp-NotebookPanel .jp-Notebook").first.wait_for(state="visible")
    wait_for_kernel_idle(page)
    explorer, _ = show_explorer(page, screenshot, "after-reload")

    # Same kernel, no cell run again: the figures were rebuilt from the kernel's widget state.
    assert _kernel_of(lab_server, start_lesson_copy)["id"] == kernel["id"]
    assert cell_prompts(page) == prompts
    shown = read_shown(explorer)
    construction = expected_from_pose(biomech.pose(), "biomech.pose() (the construction state)")
    diffs = differences(shown, moved)
    stale = "" if differences(shown, construction) else "\n(the page shows the CONSTRUCTION state)"
    assert diffs == [], "after the reload: " + mismatch_message(moved, shown, diffs) + stale
    assert shown.dropdowns["Task"] == "Single-leg squat" and shown.sliders[ARCH] == "0.15"
    assert collect_error_outputs(page) == []
    assert_clean(recorded.record, "JupyterLab reload of the start lesson")
