"""The lessons' checks as nbgrader assignments (assignments/): an instructor can release,
collect and grade them. Here nbgrader itself runs offline in a temporary course directory:
it generates the student version of every assignment (solutions and hidden tests removed),
autogrades a filled-in copy (full marks), and autogrades an unanswered copy (no marks).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENTS = ROOT / "assignments"
sys.path.insert(0, str(ASSIGNMENTS))
import build_assignments  # noqa: E402 - the builder lives with the assignments

nbgrader_apps = pytest.importorskip("nbgrader.apps", reason="nbgrader is in the test extras (pip install -e .[test])")
from nbgrader.api import Gradebook  # noqa: E402
from traitlets.config import Config  # noqa: E402

LESSONS = list(build_assignments.LESSONS)


@pytest.mark.parametrize("lesson", LESSONS)
def test_assignment_sources_are_current(lesson):
    path = ASSIGNMENTS / "source" / lesson / build_assignments.NOTEBOOK
    assert path.read_text() == build_assignments.render(lesson), (
        f"{path.relative_to(ROOT)} is stale: run `python assignments/build_assignments.py`"
    )


def _cells(path):
    return json.loads(path.read_text())["cells"]


def _grade_id(cell):
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def _filled_in(release, source):
    """The released notebook with every answer cell holding the source's solution."""

    def solution(cell):
        return "".join(cell["source"]).replace("### BEGIN SOLUTION\n", "").replace("\n### END SOLUTION", "")

    solutions = {
        _grade_id(c): solution(c) for c in _cells(source) if c.get("metadata", {}).get("nbgrader", {}).get("solution")
    }
    notebook = json.loads(release.read_text())
    for cell in notebook["cells"]:
        if _grade_id(cell) in solutions:
            cell["source"] = solutions[_grade_id(cell)]
    return json.dumps(notebook)


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A course directory with the assignment sources, the config and an nbgrader API on it."""
    root = tmp_path_factory.mktemp("course")
    shutil.copytree(ASSIGNMENTS / "source", root / "source")
    config = Config()
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.course_id = "biomech-test"
    config.Exchange.root = str(tmp_path_factory.mktemp("exchange"))  # never the system-wide exchange
    config.Execute.timeout = 120
    # The gradebook migrates its database with the `alembic` command of this environment.
    patch = pytest.MonkeyPatch()
    patch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    yield root, nbgrader_apps.NbGraderAPI(config=config)
    patch.undo()


def test_nbgrader_generates_releases_and_autogrades_every_assignment(course):
    root, api = course
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        for student in ("alice", "bob"):
            gradebook.update_or_create_student(student)

    for lesson in LESSONS:
        result = api.generate_assignment(lesson)
        assert result["success"], result.get("error") or result.get("log")
        release = root / "release" / lesson / build_assignments.NOTEBOOK
        text = release.read_text()
        assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text and "raise NotImplementedError()" in text
        source = ASSIGNMENTS / "source" / lesson / build_assignments.NOTEBOOK
        # alice answers everything; bob hands in the released notebook untouched.
        for student, content in (("alice", _filled_in(release, source)), ("bob", text)):
            submitted = root / "submitted" / student / lesson / build_assignments.NOTEBOOK
            submitted.parent.mkdir(parents=True, exist_ok=True)
            submitted.write_text(content)
            graded = api.autograde(lesson, student)
            assert graded["success"], graded.get("error") or graded.get("log")

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        for lesson in LESSONS:
            full = gradebook.find_submission(lesson, "alice")
            empty = gradebook.find_submission(lesson, "bob")
            assert full.max_score >= 3
            assert full.score == full.max_score, f"{lesson}: the model's own answers lost points"
            assert empty.score == 0, f"{lesson}: an unanswered notebook got points"
