"""Build the lesson notebooks from their reviewed text copies and store fresh outputs.

``notebooks/src/NN_name.py`` (jupytext py:percent) is the source a reviewer reads.
``make notebooks`` turns each into ``notebooks/NN_name.ipynb``, runs it top to bottom in
a fresh kernel, and keeps only text outputs: printed numbers (which the nbval tests
compare, ``# NBVAL_CHECK_OUTPUT``) and tables. Widget outputs are dropped: their state
would embed the plotly bundle (about 5 MB per figure), and a stored widget view shows
"Error displaying widget" until its cell runs again.

Usage: ``python tools/execute_notebooks.py [notebooks/src/NN_name.py ...]``
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import jupytext
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SOURCES = NOTEBOOKS / "src"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def keep_output(output) -> bool:
    """Text outputs stay; widget views (and any plotly bundle) go."""
    data = output.get("data", {})
    return WIDGET_VIEW not in data and not any(k.startswith("application/vnd.plotly") for k in data)


def build(source: Path) -> float:
    """Execute one source and write its .ipynb; returns the run time [s]."""
    nb = jupytext.read(source)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    start = time.perf_counter()
    NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
        store_widget_state=False,
        record_timing=False,
    ).execute()
    elapsed = time.perf_counter() - start
    nb.metadata.pop("widgets", None)
    for number, cell in enumerate(nb.cells):
        # Same input, same file: ids by position, not random (a rebuild diffs cleanly).
        cell.id = f"{source.stem[:40]}-{number:03d}"
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if keep_output(o)]
    jupytext.write(nb, NOTEBOOKS / f"{source.stem}.ipynb")
    return elapsed


def main(paths):
    sources = [Path(p) for p in paths] or sorted(SOURCES.glob("*.py"))
    total = 0.0
    for source in sources:
        seconds = build(source)
        total += seconds
        print(f"{source.stem}: {seconds:.1f} s")
    print(f"all notebooks: {total:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
