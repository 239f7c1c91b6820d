"""Fixtures for the real-browser tests: Chromium, recorded pages, JupyterLab and Voila servers.

Fixtures:

* ``browser`` (session): the system Chromium, launched headless by Playwright.
* ``new_page`` (factory): ``new_page()`` returns a :class:`~.pages.RecordedPage` whose
  context aborts every non-local request and records it (``.record.blocked``), with
  console errors, page errors, failed requests and HTTP errors.
* ``screenshot``: ``screenshot(page, "step")`` saves
  ``artifacts/screenshots/<test name>-<step>.png``.
* ``lab_server`` (session): a JupyterLab server on the repository root.
* ``voila_server`` (factory): ``voila_server("notebooks/x.ipynb")`` starts Voila on it as
  `make app` does; ``voila_server(path, "--name=value", ...)`` replaces some options.

A missing browser fails the tests with instructions; it never skips them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, sync_playwright

from biomech.app import assets

from .chromium import CANDIDATES, LAUNCH_ARGS, MISSING_MESSAGE, find_chromium
from .pages import RecordedPage, open_recorded_page, screenshot_path
from .servers import Server, start_lab, start_voila

# Start-up times, printed at the end of the run (see pytest_terminal_summary).
_TIMINGS: list[tuple[str, float]] = []


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Keep each phase's report on the test item, so fixtures can tell a failed test."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def pytest_terminal_summary(terminalreporter) -> None:
    """Print how long the browser and the servers took to start."""
    if _TIMINGS:
        terminalreporter.section("browser test start-up times")
        for name, seconds in _TIMINGS:
            terminalreporter.write_line(f"{name}: {seconds:.1f} s")


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    """Path of the system Chromium; fails (does not skip) with instructions if there is none."""
    try:
        path = find_chromium()
    except FileNotFoundError as exc:
        pytest.fail(str(exc), pytrace=False)
    if path is None:
        pytest.fail(MISSING_MESSAGE.format(candidates=", ".join(CANDIDATES)), pytrace=False)
    return path


@pytest.fixture(scope="session")
def browser(chromium_executable: str) -> Iterator[Browser]:
    """The system Chromium, headless, started once for the whole run (after checking that
    the pages will load this version's page script)."""
    if not assets.install_is_current():
        pytest.fail(
            "the installed biomech page script (plotly.js and the accessibility helper) is not this "
            "version's: run `python tools/setup_jupyter.py` (make does when biomech/app/assets.py changes)"
        )
    started = time.perf_counter()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_executable, headless=True, args=list(LAUNCH_ARGS)
        )
        _TIMINGS.append((f"chromium {chromium.version} launch", time.perf_counter() - started))
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Callable[[], RecordedPage]]:
    """Factory of recorded pages, each in its own browser context (own cookies, storage).

    If the test fails, each page's last state is saved as ``<test>-failure-<n>.png`` before
    the contexts are closed.
    """
    opened: list[RecordedPage] = []

    def make() -> RecordedPage:
        recorded = open_recorded_page(browser)
        opened.append(recorded)
        return recorded

    yield make

    report = getattr(request.node, "report_call", None)
    for number, recorded in enumerate(opened, start=1):
        if report is not None and report.failed and not recorded.page.is_closed():
            try:
                recorded.page.screenshot(path=screenshot_path(request.node.name, f"failure-{number}"), full_page=True)
            except Exception as exc:  # a screenshot must never hide the test's own failure
                print(f"failure screenshot not taken: {exc}")
        recorded.context.close()


@pytest.fixture
def screenshot(request: pytest.FixtureRequest) -> Callable[[Page | Locator, str], Path]:
    """``screenshot(page_or_locator, step)`` saves ``artifacts/screenshots/<test>-<step>.png``.

    A page is taken whole (``full_page``); JupyterLab and Voila scroll inside their own
    panels, so to show something further down pass its locator instead.
    """

    def take(target: Page | Locator, step: str) -> Path:
        path = screenshot_path(request.node.name, step)
        if isinstance(target, Page):
            target.screenshot(path=path, full_page=True)
        else:
            target.screenshot(path=path)
        return path

    return take


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A JupyterLab server on the repository root (127.0.0.1, random port and token).

    Session-wide because it takes 5-15 s to start; tests open their own pages on it.
    """
    server = start_lab(tmp_path_factory.mktemp("lab"))
    _TIMINGS.append(("jupyter lab start (until /api/status answers)", server.started_in_s))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def voila_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], Server]]:
    """Factory: ``voila_server("notebooks/<name>.ipynb")`` starts Voila on that notebook.

    The path is relative to the repository root; Voila gets the options of `make app`.
    Further ``--name=value`` arguments replace the option of that name (e.g. a short
    culling time). Every server started is stopped when the test ends.
    """
    started: list[Server] = []

    def start(notebook: str, *extra_args: str) -> Server:
        server = start_voila(notebook, tmp_path_factory.mktemp("voila"), extra_args)
        _TIMINGS.append((f"voila {notebook} start (until it serves)", server.started_in_s))
        started.append(server)
        return server

    try:
        yield start
    finally:
        for server in started:
            server.stop()
