"""The start notebook runs cleanly in real JupyterLab, in a real browser, with no internet.

This is what a learner does first: open ``00_start_here.ipynb`` and choose Run > Run All
Cells. Checked: every cell ran, no cell shows an error, the report table is on the page,
and the page asked for nothing outside this machine.
"""

from __future__ import annotations

import hashlib

import pytest

from .helpers import (
    cell_prompts,
    collect_error_outputs,
    open_lab_notebook,
    output_texts,
    run_all_cells,
    wait_until_page_idle,
)
from .servers import REPO_ROOT

pytestmark = pytest.mark.browser

NOTEBOOK = "00_start_here.ipynb"


def test_start_notebook_runs_in_jupyterlab(lab_server, new_page, screenshot):
    notebook_file = REPO_ROOT / "notebooks" / NOTEBOOK
    digest_before = hashlib.sha256(notebook_file.read_bytes()).hexdigest()
    recorded = new_page()
    page = recorded.page

    open_lab_notebook(page, lab_server, NOTEBOOK)
    screenshot(page, "opened")
    run_all_cells(page)
    wait_until_page_idle(page)  # widget front ends finish drawing (and report their errors)
    screenshot(page, "ran")

    errors = collect_error_outputs(page)
    assert errors == [], "error outputs after Run All Cells:\n" + "\n".join(errors)
    # run_all_cells cleared the stored outputs first, so these counts come from this run.
    prompts = cell_prompts(page)
    assert len(prompts) >= 3 and all(p.strip("[]: ").isdigit() for p in prompts), prompts
    outputs = "\n".join(output_texts(page))
    assert "hka_deg" in outputs, f"the report table is not on the page; outputs:\n{outputs}"
    record = recorded.record
    assert record.blocked == [], "the page asked for resources outside this machine:\n" + record.summary()
    assert record.page_errors == [] and record.console_errors == [], (
        "JavaScript errors in JupyterLab:\n" + record.summary()
    )
    assert record.failed_requests == [] and record.http_errors == [], record.summary()
    # Running cells must not rewrite the committed notebook (autosave is off on the test server).
    assert hashlib.sha256(notebook_file.read_bytes()).hexdigest() == digest_before
