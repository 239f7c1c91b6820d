"""The harness itself sees what it is meant to see.

A browser test that cannot fail proves nothing, so the helpers are checked against a
notebook that goes wrong on purpose (written into the git-ignored artifacts/ folder, as
the servers can only open files under the repository root): a traceback, a widget whose
front-end module does not exist, and a harmless warning that must not count as an error;
and the network guard is checked with a request to a name that can never resolve.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from .helpers import (
    cell_prompts,
    collect_error_outputs,
    open_lab_notebook,
    open_voila_page,
    output_texts,
    run_all_cells,
)
from .servers import REPO_ROOT

pytestmark = pytest.mark.browser

CELLS = [
    'print("first cell ran")',
    'import warnings\nwarnings.warn("only a warning")',
    # A widget whose JavaScript module does not exist: the front end cannot draw it.
    "import ipywidgets\nfrom traitlets import Unicode\n\n"
    "class Missing(ipywidgets.DOMWidget):\n"
    '    _model_module = Unicode("biomech-no-such-module").tag(sync=True)\n'
    '    _view_module = Unicode("biomech-no-such-module").tag(sync=True)\n'
    '    _model_name = Unicode("NoModel").tag(sync=True)\n'
    '    _view_name = Unicode("NoView").tag(sync=True)\n\n'
    "Missing()",
    "1 / 0",
    'print("never printed")',
]


@pytest.fixture
def failing_notebook() -> Iterator[Path]:
    """A notebook that fails in its fourth cell, under artifacts/ (relative path yielded)."""
    folder = REPO_ROOT / "artifacts" / "browser-selftest" / uuid.uuid4().hex[:12]
    folder.mkdir(parents=True)
    nb = new_notebook(
        cells=[new_code_cell(source) for source in CELLS],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )
    nbformat.write(nb, folder / "failing.ipynb")
    try:
        yield (folder / "failing.ipynb").relative_to(REPO_ROOT)
    finally:
        shutil.rmtree(folder)


def assert_sees_the_failures(errors: list[str]) -> None:
    """Exactly the traceback and the broken widget; the warning is not an error."""
    assert len(errors) == 2, errors
    assert any(e.startswith("stderr:") and "ZeroDivisionError" in e for e in errors), errors
    assert any(e.startswith("widget:") for e in errors), errors
    assert not any("only a warning" in e for e in errors), errors


def test_lab_helpers_report_a_failing_notebook(lab_server, new_page, failing_notebook):
    recorded = new_page()
    page = recorded.page
    open_lab_notebook(page, lab_server, failing_notebook.name, folder=failing_notebook.parent.as_posix())
    with pytest.raises(AssertionError, match="ZeroDivisionError"):
        run_all_cells(page)  # stops at the failing cell at once, no time-out
    assert cell_prompts(page) == ["[1]:", "[2]:", "[3]:", "[4]:", "[ ]:"]
    assert_sees_the_failures(collect_error_outputs(page))
    assert any("biomech-no-such-module" in e for e in recorded.record.console_errors), recorded.record.summary()


def test_voila_helpers_report_a_failing_notebook(voila_server, new_page, failing_notebook):
    voila = voila_server(failing_notebook.as_posix())
    recorded = new_page()
    open_voila_page(recorded.page, voila)
    recorded.page.locator(".jupyter-widgets-error-widget").wait_for()
    assert "first cell ran" in "\n".join(output_texts(recorded.page))
    assert_sees_the_failures(collect_error_outputs(recorded.page))


def test_requests_leaving_the_machine_are_blocked_and_recorded(lab_server, new_page):
    recorded = new_page()
    page = recorded.page
    # A local HTML page to run a script in (not an /api/ answer: its Content-Security-Policy
    # "default-src 'none'" would stop the fetch before it reaches the network guard).
    page.goto(lab_server.url("/login", token=False))
    outside = "https://cdn.example.invalid/never.css"  # .invalid: a name that never resolves
    result = page.evaluate("url => fetch(url).then(() => 'loaded', () => 'failed')", outside)
    assert result == "failed"
    socket = "wss://socket.example.invalid/feed"
    closed = page.evaluate(
        """url => new Promise(resolve => {
        const ws = new WebSocket(url);
        ws.onclose = () => resolve('closed');
        ws.onmessage = () => resolve('message');
    })""",
        socket,
    )
    assert closed == "closed"
    assert recorded.record.blocked == [outside, socket]
