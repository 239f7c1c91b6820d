"""The app's kernels come and go (`make app`: Voila with a kernel pool, tab-close shutdown, culling).

Voila is started as `make app` starts it (tests/browser/servers.py: the project's
template, tools/jupyter/voila.py, a pool of preheated kernels, idle culling). Each page
runs in a browser context of its own, as each student's browser would. Checked on the
real server and its real kernel processes:

* closing a tab ends its kernel at once, and so does reloading it (Voila's page sends a
  shutdown request on ``beforeunload``; it needs the ``_xsrf`` cookie that
  tools/jupyter/voila.py sets). XSRF protection stays on: the same request without the
  cookie's value is refused. The culler cannot be the one ending these kernels: the
  first test keeps `make app`'s idle time (10 minutes).
* with a short idle time (the second test): a page that takes a kernel that waited in
  the pool longer than the idle time still draws, however long its scripts take to load
  before it connects (voila.py's connection grace; on a busy machine that is longer than
  this test's idle time); a kernel whose page is open is not
  culled however idle; a page that goes without a word (a crashed browser, a laptop put
  to sleep: no shutdown request) loses its kernel to the culler within the idle time
  plus two culling rounds.
* afterwards the server runs no kernel for any page, only its preheated pool.
"""

from __future__ import annotations

import re
import time

import psutil
import pytest

from .explorer_view import explorer_in, wait_until_drawn
from .helpers import collect_error_outputs
from .servers import VOILA_CULL_IDLE_S, VOILA_POOL_SIZE, Server, http_get

pytestmark = pytest.mark.browser

APP = "notebooks/explorer_app.ipynb"
# The second test's culler: kernels without a page go after CULL_IDLE_S idle seconds.
CULL_IDLE_S = 3
CULL_EVERY_S = 1
# Once its page has connected, a kernel whose page is gone goes within the idle time plus
# two rounds (plus its shutdown). Before that it has voila.py's CONNECT_GRACE_S.
CULLED_WITHIN_S = CULL_IDLE_S + 2 * CULL_EVERY_S + 5
CLOSED_TAB_WITHIN_S = 3.0
POOL_FILL_TIMEOUT_S = 90.0

KERNEL_ID_JS = "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"


def kernel_processes(voila: Server) -> list[psutil.Process]:
    """The server's kernel processes (ipykernel), as the operating system lists them."""
    return [
        p for p in psutil.Process(voila.process.pid).children(recursive=True) if "ipykernel" in " ".join(p.cmdline())
    ]


def kernel_exists(voila: Server, kernel_id: str) -> bool:
    status = http_get(voila.url(f"/api/kernels/{kernel_id}")).status
    assert status in (200, 404), status
    return status == 200


def culled(voila: Server) -> set[str]:
    """Ids of the kernels the server's culler ended (from its log)."""
    return set(re.findall(r"Culling '\w+' kernel '\w+' \(([0-9a-f-]+)\)", voila.log_path.read_text(errors="replace")))


def wait_until(condition, timeout_s: float, message) -> float:
    """Poll ``condition`` until it is true; returns how many seconds that took."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < timeout_s, message()
        time.sleep(0.1)
    return time.monotonic() - started


def wait_for_pool(voila: Server) -> None:
    wait_until(
        lambda: len(kernel_processes(voila)) >= VOILA_POOL_SIZE,
        POOL_FILL_TIMEOUT_S,
        lambda: f"the kernel pool did not fill:\n{voila.log_tail()}",
    )


def only_the_pool_is_left(voila: Server) -> None:
    wait_until(
        lambda: len(kernel_processes(voila)) == VOILA_POOL_SIZE,
        CULLED_WITHIN_S,
        lambda: f"{len(kernel_processes(voila))} kernels left (pool: {VOILA_POOL_SIZE}):\n{voila.log_tail()}",
    )


def open_app(new_page, voila: Server):
    """A new browser context with the app drawn in it; returns (recorded page, its kernel id)."""
    recorded = new_page()
    started = time.monotonic()
    connected_after_s = []
    recorded.page.on("websocket", lambda _socket: connected_after_s.append(time.monotonic() - started))
    recorded.page.goto(voila.url("/"))
    wait_until_drawn(explorer_in(recorded.page))
    print(f"page connected to its kernel {connected_after_s[0]:.1f} s after its request")
    assert collect_error_outputs(recorded.page) == []
    kernel_id = recorded.page.evaluate(KERNEL_ID_JS)
    assert kernel_exists(voila, kernel_id)
    return recorded, kernel_id


def test_closing_or_reloading_a_tab_ends_its_kernel(voila_server, new_page):
    assert VOILA_CULL_IDLE_S >= 300  # `make app`'s culler cannot act within this test
    voila = voila_server(APP)
    recorded, first = open_app(new_page, voila)
    page = recorded.page

    # XSRF protection stays on: the page's cookies without the "_xsrf" value are refused.
    assert "_xsrf" in {cookie["name"] for cookie in recorded.context.cookies()}
    refused = recorded.context.request.post(
        voila.url(f"/voila/api/shutdown/{first}", token=False), multipart={"_xsrf": ""}
    )
    assert refused.status == 403 and kernel_exists(voila, first), refused.status

    # Reload: the old page's kernel ends, the new page has another.
    page.reload()
    wait_until_drawn(explorer_in(page))
    second = page.evaluate(KERNEL_ID_JS)
    assert second != first and kernel_exists(voila, second)
    took = wait_until(
        lambda: not kernel_exists(voila, first),
        CLOSED_TAB_WITHIN_S,
        lambda: f"the reloaded page's old kernel is still running:\n{voila.log_tail()}",
    )
    print(f"reloaded tab: old kernel gone {took:.2f} s after the new page drew")

    # Close the tab (Playwright runs the page's beforeunload handlers, as a browser does).
    page.close(run_before_unload=True)
    took = wait_until(
        lambda: not kernel_exists(voila, second),
        CLOSED_TAB_WITHIN_S,
        lambda: f"a closed tab's kernel outlived it:\n{voila.log_tail()}",
    )
    print(f"closed tab: kernel gone in {took:.2f} s")
    assert culled(voila) == set()
    only_the_pool_is_left(voila)


def test_kernels_without_a_page_are_culled_and_the_others_kept(voila_server, new_page):
    voila = voila_server(
        APP,
        f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE_S}",
        f"--MappingKernelManager.cull_interval={CULL_EVERY_S}",
    )
    wait_for_pool(voila)
    # The pooled kernels sit idle for longer than the culler allows; a page that takes one
    # must still get it.
    time.sleep(CULL_IDLE_S + 2 * CULL_EVERY_S)
    recorded, kernel_id = open_app(new_page, voila)
    # Its page is open: however idle, the kernel stays.
    time.sleep(CULL_IDLE_S + 2 * CULL_EVERY_S)
    assert kernel_exists(voila, kernel_id), voila.log_tail()

    # The page goes without a word (no beforeunload, so no shutdown request).
    recorded.page.close(run_before_unload=False)
    took = wait_until(
        lambda: not kernel_exists(voila, kernel_id),
        CULLED_WITHIN_S,
        lambda: f"the abandoned page's kernel was not culled:\n{voila.log_tail()}",
    )
    print(f"abandoned page: kernel culled {took:.2f} s after the page closed")
    assert kernel_id in culled(voila)
    only_the_pool_is_left(voila)
