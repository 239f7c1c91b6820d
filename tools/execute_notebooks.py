"""Execute every notebook in notebooks/ in a fresh kernel and store its outputs.

Run after a model change (``make notebooks``); the nbval tests then compare the
stored numeric outputs with a fresh run and fail when they are stale. Widget state is
not stored: it would embed the plotly bundle (about 5 MB per figure).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def execute(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}},
                   store_widget_state=False).execute()
    elapsed = time.perf_counter() - start
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, path)
    return elapsed


def main(paths):
    targets = [Path(p) for p in paths] or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    total = 0.0
    for path in targets:
        seconds = execute(path)
        total += seconds
        print(f"{path.name}: {seconds:.1f} s")
    print(f"all notebooks: {total:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
