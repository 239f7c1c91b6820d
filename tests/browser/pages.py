"""Browser pages that cannot leave the machine, and a record of what they tried.

Every page the tests open lives in a browser context that lets requests to the local
test servers through and aborts everything else. The blocked URLs are recorded so a test
can assert that the page needed nothing from the internet: a teaching page that calls a
CDN breaks in a classroom behind a firewall. Console errors, uncaught page errors, failed
requests and HTTP error answers are recorded too, for assertions and failure messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    Response,
    Route,
    WebError,
    WebSocketRoute,
)

from .servers import REPO_ROOT

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})

# Matches every http(s)/ws(s) URL whose host is not a loopback name. Used as the route
# pattern so that the browser driver itself lets local requests through: a Python
# handler for every request would add a round trip to each of the hundreds of requests
# JupyterLab makes. The handler checks again with is_local() (defence in depth).
NON_LOCAL_URL = re.compile(r"^(?:https?|wss?)://(?!(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?(?:[/?#]|$))")
SCREENSHOT_DIR = REPO_ROOT / "artifacts" / "screenshots"

# Playwright waits (clicks, selectors, navigation) give up after this many milliseconds.
# Generous: JupyterLab's first load on a 2-core machine takes several seconds.
DEFAULT_TIMEOUT_MS = 60_000


def is_local(url: str) -> bool:
    """True for URLs that stay on this machine: the loopback servers and inline data."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.hostname in LOCAL_HOSTS


@dataclass
class PageRecord:
    """What one browser context did that a test may want to assert on."""

    blocked: list[str] = field(default_factory=list)  # non-local URLs we aborted
    console_errors: list[str] = field(default_factory=list)  # console.error(...) messages
    page_errors: list[str] = field(default_factory=list)  # uncaught JavaScript exceptions
    failed_requests: list[str] = field(default_factory=list)  # local requests that failed
    http_errors: list[str] = field(default_factory=list)  # local answers with status >= 400

    def summary(self) -> str:
        """Everything recorded, one item a line, for assertion messages."""
        sections = []
        for name in ("blocked", "console_errors", "page_errors", "failed_requests", "http_errors"):
            items = getattr(self, name)
            sections.append(f"{name} ({len(items)}):" + "".join(f"\n  {item}" for item in items))
        return "\n".join(sections)


@dataclass
class RecordedPage:
    """A Playwright page plus the record of its context."""

    page: Page
    context: BrowserContext
    record: PageRecord


def open_recorded_page(browser: Browser) -> RecordedPage:
    """Open a page in a fresh context that blocks and records every non-local request.

    Covers HTTP(S) requests and WebSockets. Service workers are blocked so that every
    request passes through the context's routes (a service worker's requests would not).
    """
    record = PageRecord()
    context = browser.new_context(viewport={"width": 1400, "height": 900}, service_workers="block")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    context.set_default_navigation_timeout(DEFAULT_TIMEOUT_MS)

    def guard(route: Route) -> None:
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            record.blocked.append(url)
            route.abort("blockedbyclient")

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            location = message.location.get("url", "") if message.location else ""
            record.console_errors.append(f"{message.text} ({location})" if location else message.text)

    def on_request_failed(request: Request) -> None:
        if is_local(request.url):  # non-local failures are the ones we blocked
            record.failed_requests.append(f"{request.method} {request.url}: {request.failure}")

    def on_response(response: Response) -> None:
        if response.status >= 400 and is_local(response.url):
            record.http_errors.append(f"{response.status} {response.request.method} {response.url}")

    def guard_websocket(ws: WebSocketRoute) -> None:
        if is_local(ws.url):
            ws.connect_to_server()
        else:
            record.blocked.append(ws.url)
            ws.close(code=1008, reason="blocked by the test harness")

    def on_web_error(web_error: WebError) -> None:
        # The stack says where it came from (V8 puts the message on its first line).
        error = web_error.error
        record.page_errors.append(error.stack or f"{error.name}: {error.message}")

    context.route(NON_LOCAL_URL, guard)
    context.route_web_socket(NON_LOCAL_URL, guard_websocket)
    context.on("console", on_console)
    context.on("weberror", on_web_error)
    context.on("requestfailed", on_request_failed)
    context.on("response", on_response)
    page = context.new_page()
    return RecordedPage(page=page, context=context, record=record)


def screenshot_path(test_name: str, step: str) -> Path:
    """``artifacts/screenshots/<test name>-<step>.png``, with the folder created."""
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{test_name}-{step}").strip("_")
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR / f"{safe}.png"
