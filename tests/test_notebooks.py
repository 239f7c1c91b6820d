"""The lessons as files: each reviewed source matches its notebook, stored outputs are
text only (no widget state, no plotly bundle, no errors), and every lesson has the
parts the course promises. nbval re-runs the notebooks themselves (pytest collects
notebooks/*.ipynb) and compares the printed numbers of the cells tagged
``nbval-check-output`` (the older ``# NBVAL_CHECK_OUTPUT`` comment still counts on pages
that are not lessons). Teaching rules (predict before reveal, word counts, glossary) are in
tests/test_lessons.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jupytext
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SOURCES = sorted((NOTEBOOKS / "src").glob("*.py"))
LESSONS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
EXPECTED_LESSONS = [
    "00_start_here",
    "01_alignment_and_axes",
    "02_the_five_causes",
    "03_which_end_started_it",
    "04_load_and_the_joint",
    "05_dynamic_valgus",
    "06_correction",
    "07_growing_up",
    "08_virtual_clinic",
    "09_bones_and_surgery",
]
#: Later lessons (09 bones and surgery, ...) continue the numbering.
LATER_LESSONS_FROM = len(EXPECTED_LESSONS)


def checked(cell):
    """True when nbval compares this code cell's output (a cell tag, or the old comment)."""
    return "nbval-check-output" in cell.get("metadata", {}).get("tags", []) or (
        "NBVAL_CHECK_OUTPUT" in "".join(cell["source"])
    )


def cell_sources(nb):
    return [(cell.cell_type, cell.source.strip()) for cell in nb.cells]


def test_the_course_is_complete():
    stems = [p.stem for p in LESSONS]
    assert stems[: len(EXPECTED_LESSONS)] == EXPECTED_LESSONS
    later = [int(stem[:2]) for stem in stems[len(EXPECTED_LESSONS) :]]
    assert later == list(range(LATER_LESSONS_FROM, LATER_LESSONS_FROM + len(later))), stems


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_source_and_notebook_agree(source):
    """Editing a source without `make notebooks` leaves the notebook stale."""
    notebook = NOTEBOOKS / f"{source.stem}.ipynb"
    assert notebook.exists(), f"run `make notebooks` to build {notebook.name}"
    assert cell_sources(jupytext.read(source)) == cell_sources(jupytext.read(notebook))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_jupyterlab_opens_the_pair(source):
    """JupyterLab's jupytext pairs each notebook with its source (jupytext.toml) and refuses to
    open a notebook whose source, written with the pair's metadata filter, reads differently."""
    import tomllib

    from jupytext.config import JupytextConfiguration

    settings = tomllib.loads((ROOT / "jupytext.toml").read_text())
    config = JupytextConfiguration(
        cell_metadata_filter=settings["cell_metadata_filter"],
        notebook_metadata_filter=settings["notebook_metadata_filter"],
    )
    if not (NOTEBOOKS / f"{source.stem}.ipynb").exists():
        return  # not built yet: test_source_and_notebook_agree says so
    notebook = jupytext.read(NOTEBOOKS / f"{source.stem}.ipynb")
    assert jupytext.writes(notebook, fmt="py:percent", config=config) == source.read_text(), (
        f"{source.name} differs from its notebook as JupyterLab writes it: cell metadata in the wrong order "
        "or not kept by jupytext.toml's cell_metadata_filter (write tags as `# %% jupyter={...} tags=[...]`)"
    )


@pytest.mark.parametrize("notebook", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_stored_outputs_are_light_text(notebook):
    raw = notebook.read_text()
    assert len(raw) < 200_000, f"{notebook.name} is {len(raw)} bytes: widget state or a plotly bundle was stored"
    nb = json.loads(raw)
    assert "widgets" not in nb["metadata"]
    for number, cell in enumerate(nb["cells"]):
        # Deterministic files: ids by position and no run timestamps (tools/execute_notebooks.py).
        assert cell["id"] == f"{notebook.stem[:40]}-{number:03d}", cell["id"]
        assert "execution" not in cell.get("metadata", {})
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error", f"{notebook.name} stores an error"
            assert output.get("name") != "stderr" or "Traceback" not in "".join(output.get("text", ""))
            assert "application/vnd.jupyter.widget-view+json" not in output.get("data", {})
        if cell["cell_type"] == "code" and checked(cell):
            assert cell["outputs"], f"{notebook.name}: a checked cell has no stored output to compare"


@pytest.mark.parametrize("notebook", LESSONS, ids=lambda p: p.stem)
def test_each_lesson_has_goals_checks_numbers_and_limits(notebook):
    nb = jupytext.read(notebook)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown").lower()
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "learning goals" in markdown
    assert len(re.findall(r"\bPredict\(", code)) >= 2, "at least two predictions"
    assert re.search(r"\b(ChoiceCheck|NumberCheck|StateCheck)\(", code), "at least one self-check"
    assert any(c.cell_type == "code" and checked(c) for c in nb.cells), (
        "key numbers are printed and checked (a cell tagged nbval-check-output)"
    )
    assert "limit" in markdown and ("clinician" in markdown or "diagnos" in markdown)
    assert "biomech" in code
