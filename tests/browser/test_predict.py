"""Predict, then reveal, in real JupyterLab: a learner answers a prediction and only then sees
the model's answer.

The start lesson is opened and run as a learner would (Run > Run All Cells). Checked in a
real Chromium with no internet: the first prediction shows its question and options but no
answer; choosing an option and pressing "Lock in my prediction" reveals the model's answer,
the explanation, the reason the wrong option was tempting and the model's numbers; the
options are then locked; and nothing failed on the page. The committed notebook is not
rewritten.
"""

from __future__ import annotations

import hashlib

import pytest

from .explorer_view import TALL_VIEWPORT, assert_clean
from .helpers import collect_error_outputs, open_lab_notebook, run_all_cells, wait_until_page_idle
from .servers import REPO_ROOT

pytestmark = pytest.mark.browser

NOTEBOOK = "00_start_here.ipynb"
WRONG = "toward the inside (medial)"
RIGHT = "toward the outside (lateral)"
#: Words of the first prediction's explanation and of its "why tempting" text for WRONG.
EXPLANATION = "the straight line between them now passes outside the knee centre"
TEMPTING = "the line is fixed at the hip and the ankle"


def test_a_prediction_reveals_the_answer_only_after_it_is_locked_in(lab_server, new_page, screenshot):
    notebook_file = REPO_ROOT / "notebooks" / NOTEBOOK
    digest_before = hashlib.sha256(notebook_file.read_bytes()).hexdigest()
    recorded = new_page()
    page = recorded.page
    page.set_viewport_size(TALL_VIEWPORT)
    open_lab_notebook(page, lab_server, NOTEBOOK)
    run_all_cells(page)

    predict = page.locator(".bm-predict").first
    predict.wait_for(state="visible")
    predict.scroll_into_view_if_needed()
    screenshot(predict, "question")
    before = predict.text_content()
    assert "Predict first." in before and RIGHT in before and WRONG in before
    assert EXPLANATION not in before and "The model's answer:" not in before, "the answer shows before the prediction"

    predict.locator("label").filter(has_text=WRONG).first.click()
    predict.get_by_role("button", name="Lock in my prediction").click()
    revealed = predict.locator("[data-result='explanation']")
    revealed.wait_for(state="visible", timeout=30_000)
    screenshot(predict, "revealed")

    after = predict.text_content()
    assert f"You predicted: {WRONG}" in after and f"The model's answer: {RIGHT}" in after
    assert "The model says otherwise." in after
    assert EXPLANATION in after and TEMPTING in after
    assert "Load-axis shift at the knee (mm)" in after, "the model's numbers are part of the reveal"
    assert predict.get_by_role("button", name="Lock in my prediction").is_disabled()
    assert predict.locator("input[type='radio']").first.is_disabled(), "the prediction is locked once made"

    wait_until_page_idle(page)
    assert collect_error_outputs(page) == []
    assert_clean(recorded.record, f"{NOTEBOOK} after a prediction")
    # Running cells and answering must not rewrite the committed notebook (autosave is off).
    assert hashlib.sha256(notebook_file.read_bytes()).hexdigest() == digest_before
