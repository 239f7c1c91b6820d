"""The clinic's widgets without a browser: the case from story to feedback, the time
budget, the measurement tool on the rendered frame and on an own photo, and bad input
(an upload that is not an image, a click outside the image, submitting with no rating)
answered by a readable message that loses no earlier answer. Every button calls the
same method as these tests."""

from __future__ import annotations

import csv
import struct

import pytest

from biomech.clinic import CaseWidget, MeasureTool, clinic_page, make_cases, summary_view
from biomech.clinic.rendering import MARKERS

PNG = (
    b"\x89PNG\r\n\x1a\n"
    + struct.pack(">I", 13)
    + b"IHDR"
    + struct.pack(">II", 800, 1200)
    + b"\x08\x02\0\0\0"
    + b"\0" * 20
)


@pytest.fixture
def patient():
    return make_cases(1, seed="widget", difficulty="standard")[0]


def message(widget):
    return widget.message.value


def test_a_case_from_story_to_feedback(patient, tmp_path):
    records = tmp_path / "answers.csv"
    case = CaseWidget(patient, student="Ana", class_code="A1", record_to=records)
    assert patient.name in case.story.value and case.minutes_left == patient.budget_minutes
    case.choose("navicular_drop", "fppa_video")
    assert case.run_tests() == ["navicular_drop", "fppa_video"]
    assert case.minutes_left == patient.budget_minutes - 9
    assert "Navicular drop" in case.results_table.value and "click the three markers" in case.results_table.value
    for marker in MARKERS:
        assert case.tool.click(*case.frame.markers[marker])
    assert abs(case.tool.fppa_deg - case.frame.fppa_deg) < 1.0
    assert "data-reading='fppa_deg'" in case.results_table.value
    case.rate(**patient.levels)
    case.reasoning.value = "The drop test was normal."
    assert case.submit() == 100.0
    html = case.feedback.value
    assert "bm-score'>100<" in html and "breakdown" in html and "Your tests" in html
    assert "The drop test was normal." in html
    assert all(toggle.disabled for toggle in case.ratings.values())
    rows = list(csv.DictReader(records.open()))
    assert rows[0]["student"] == "Ana" and rows[0]["tests"] == "navicular_drop;fppa_video"


def test_the_time_budget_keeps_earlier_choices(patient):
    case = CaseWidget(patient)
    case.choose("xray", "hip_abductor_strength", "hip_abduction_range", "fppa_video")
    assert case.run_tests() == []
    assert "only" in message(case) and "nothing was lost" in message(case)
    assert case.results == {} and case.test_boxes["xray"].value  # still ticked
    case.test_boxes["xray"].value = False
    assert case.run_tests() == ["hip_abduction_range", "hip_abductor_strength", "fppa_video"]
    assert case.run_tests() == [] and "at least one test" in message(case)


def test_submitting_with_no_rating_keeps_every_answer(patient):
    case = CaseWidget(patient)
    case.choose("navicular_drop")
    case.run_tests()
    case.rate(arch_collapse="mild")
    case.reasoning.value = "work in progress"
    assert case.submit() is None
    text = message(case)
    assert "still unrated" in text and "Tight adductors" in text and "Arch collapse" not in text.split("unrated")[1]
    assert case.ratings["arch_collapse"].value == "mild" and case.reasoning.value == "work in progress"
    assert "navicular_drop" in case.results and case.feedback.value == "" and case.submitted is None


def test_a_click_outside_the_image_is_refused_and_points_stay(patient):
    case = CaseWidget(patient)
    case.choose("fppa_video")
    case.run_tests()
    first = case.frame.markers["asis"]
    assert case.tool.click(*first)
    for u, v in ((-3, 100), (100, 5000), (float("nan"), 1)):
        assert not case.tool.click(u, v)
        assert "outside the image" in case.tool.message.value or "not a position" in case.tool.message.value
    assert case.tool.points == [tuple(first)]
    # The browser reports clicks through the same path.
    case.tool.image._on_message(None, {"kind": "click", "u": -10, "v": 20, "width": 420, "height": 620}, [])
    assert "outside the image" in case.tool.message.value and len(case.tool.points) == 1


def test_an_upload_that_is_not_an_image_keeps_the_photo_and_points():
    tool = MeasureTool(allow_upload=True)
    assert not tool.click(10, 10) and "no picture" in tool.message.value
    assert tool.load_image(PNG)
    assert tool.click(400, 100) and tool.click(430, 600)
    src = tool.image.src
    assert not tool.load_image(b"name,score\nAna,100\n")
    assert "not a picture" in tool.message.value
    assert tool.image.src == src and len(tool.points) == 2
    # Through the upload widget itself (what the browser sends).
    tool._uploaded({"new": ({"name": "notes.txt", "content": memoryview(b"plain text here, no image")},)})
    assert "not a picture" in tool.message.value and len(tool.points) == 2
    assert tool.click(400, 1100)
    assert tool.fppa_deg is not None
    value = tool.fppa_deg
    tool.mirrored.value = True
    assert tool.fppa_deg == pytest.approx(-value)
    tool.side.value = "left"
    assert tool.fppa_deg == pytest.approx(value)
    assert not tool.click(10, 10) and "all three points" in tool.message.value


def test_the_page_opens_cases_and_the_summary_reads_records(tmp_path):
    page = clinic_page(record_to=tmp_path / "a.csv")
    first = page.case.patient.case_id
    page.number.value = 2
    page.open_case()
    assert page.case.patient.case_id != first and page.message.value == ""
    page.name.value = "Ben"
    assert page.case.student == "Ben"
    assert "No answers saved yet" in summary_view(tmp_path / "none.csv").value
    (tmp_path / "bad.csv").write_text("a,b\n1,2\n")
    assert "not a clinic records file" in summary_view(tmp_path / "bad.csv").value
    case = page.case
    case.rate(**case.patient.levels)
    case.submit()
    assert "Share missed" in summary_view(tmp_path / "a.csv").value
