"""The virtual clinic page (Voila on notebooks/clinic_app.ipynb, served as `make clinic`
serves it), in a real browser: open the page, pick tests, click off the picture (a
readable message), click the three skin markers on the squat frame, try to submit with
no rating (a message; nothing lost), rate every cause, submit, and see the feedback and
the saved record. Then the own-photo tab refuses a file that is not a picture.
"""

from __future__ import annotations

import csv
import re

import pytest

from biomech.clinic import make_case, render_squat
from biomech.clinic.patients import case_seed
from biomech.clinic.rendering import MARKERS

from .explorer_view import assert_clean
from .helpers import collect_error_outputs, open_voila_page, wait_until_page_idle

pytestmark = pytest.mark.browser

TESTS = (
    "Navicular drop test (3 min)",
    "2-D video of a single-leg squat (FPPA) (6 min)",
    "Hip abductor strength (hand-held dynamometer) (5 min)",
)


def click_on_image(page, img, u, v, width, height):
    """Click the picture at its pixel (u, v), wherever and however large it is drawn."""
    img.scroll_into_view_if_needed()
    box = img.bounding_box()
    page.mouse.click(box["x"] + u * box["width"] / width, box["y"] + v * box["height"] / height)


def test_clinic_case_in_voila(voila_server, new_page, screenshot, tmp_path, monkeypatch):
    records = tmp_path / "answers.csv"
    monkeypatch.setenv("BIOMECH_CLINIC_RECORDS", str(records))  # the server's kernels inherit it
    voila = voila_server("notebooks/clinic_app.ipynb")
    recorded = new_page()
    page = recorded.page
    open_voila_page(page, voila)
    case = page.locator(".bm-case").first
    case.wait_for(state="visible", timeout=60_000)
    wait_until_page_idle(page)
    # The page opens case 1 of the practice set: the same patient as here.
    patient = make_case("practice", 0, "standard")
    assert f"Case {patient.case_id}" in case.inner_text()
    screenshot(page, "opened")

    for label in TESTS:
        case.get_by_text(label, exact=True).click()
    case.get_by_role("button", name="Do the chosen tests").click()
    img = case.locator(".bm-clickimage img")
    img.wait_for(state="visible", timeout=30_000)
    page.wait_for_function("(el) => el.complete && el.naturalWidth > 0", arg=img.element_handle())
    table = case.locator(".bm-results")
    assert "Navicular drop" in table.inner_text() and "Hip abductor strength" in table.inner_text()

    # A click in the frame around the picture is refused with a message.
    case.locator(".bm-clickimage").scroll_into_view_if_needed()
    frame_box = case.locator(".bm-clickimage").bounding_box()
    page.mouse.click(frame_box["x"] + 4, frame_box["y"] + 4)
    tool = case.locator(".bm-measure-tool")
    page.wait_for_function("(el) => el.textContent.includes('outside the image')", arg=tool.element_handle())

    frame = render_squat(patient.inputs, seed=case_seed(patient.seed, patient.index))
    for marker in MARKERS:
        click_on_image(page, img, *frame.markers[marker], frame.width, frame.height)
    readout = case.locator(".bm-fppa[data-fppa]")
    readout.wait_for(timeout=20_000)
    measured = float(readout.get_attribute("data-fppa"))
    assert abs(measured - frame.fppa_deg) < 1.0, (measured, frame.fppa_deg)
    assert case.locator(".bm-point").count() == 3
    screenshot(case, "measured")

    # Submitting with no rating: a message, and the measurement stays.
    case.get_by_role("button", name="Submit").click()
    page.wait_for_function("(el) => el.textContent.includes('still unrated')", arg=case.element_handle())
    assert case.locator(".bm-fppa[data-fppa]").count() == 1

    for key, level in patient.levels.items():
        case.locator(f".bm-rate-{key} button", has_text=re.compile(rf"^\s*{level}\s*$")).click()
    case.locator("textarea").fill("Valgus from the squat video; the foot and hip tests decide which cause.")
    case.get_by_role("button", name="Submit").click()
    feedback = case.locator(".bm-feedback")
    feedback.wait_for(timeout=30_000)
    assert feedback.locator(".bm-score").inner_text() == "100"
    assert "The model's breakdown" in feedback.inner_text() and "Your tests" in feedback.inner_text()
    screenshot(case, "feedback")

    rows = list(csv.DictReader(records.open()))
    assert len(rows) == 1 and rows[0]["case_id"] == patient.case_id and rows[0]["score"] == "100"
    assert abs(float(rows[0]["fppa_measured_deg"]) - frame.fppa_deg) < 1.0

    # The own-photo tab: a file that is not a picture gets a message.
    page.get_by_role("tab", name="Measure your own squat photo").click()
    photo_tool = page.locator(".bm-measure-tool").last
    not_an_image = tmp_path / "notes.png"
    not_an_image.write_text("this is not a picture")
    # ipywidgets' upload button opens a file chooser (its file input is not in the page).
    with page.expect_file_chooser() as chooser:
        photo_tool.locator(".widget-upload").click()
    chooser.value.set_files(str(not_an_image))
    page.wait_for_function("(el) => el.textContent.includes('not a picture')", arg=photo_tool.element_handle())

    wait_until_page_idle(page)
    assert collect_error_outputs(page) == []
    assert_clean(recorded.record, "Voila clinic page")
