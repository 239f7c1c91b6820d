"""Capacity of one app server (`make app`): first view, and N sessions arriving together.

Run from the repository root (the first part needs Chromium, see tools/install_browser.sh)::

    python benchmarks/capacity.py                      # first view + N = 5, 10, 20, 40
    python benchmarks/capacity.py --sessions 10 20 --spread 0.5 --pool 2
    python benchmarks/capacity.py --no-browser         # capacity table only
    python benchmarks/capacity.py --set VoilaExecutor.iopub_timeout=4   # try another Voila option

Voila is started exactly as the browser tests start it (tests/browser/servers.py, the
options of `make app`: loopback, random token, the project's template, a pool of
preheated kernels, culling, a 60 s IOPub wait). Two parts:

1. **First view, one visitor, in Chromium** (headless, WebGL in software), cold (Voila
   without preheated kernels: the kernel starts and runs the notebook when the page is
   asked for) and preheated (`make app`: the notebook already ran in a pooled kernel).
   Timed from the page request: the server's answer complete (``responseEnd``), the
   explorer's controls on the page, and its figures drawn (each plotly figure has its
   data), in a fresh browser context each time.
2. **N sessions against one server** (a fresh server for each N, its pool full): N page
   requests arrive spread evenly over ``N * spread`` seconds (0.5 s: 40 requests in 20 s),
   each from its own thread, as plain HTTP requests (the page is rendered on the server;
   no browser). "Drawn" means the page came back complete with the explorer's widget
   output in it, which is what the page's browser then draws; a page whose output Voila
   gave up waiting for ("Timeout waiting for IOPub output") or that errs is not drawn.
   Time to first draw is from a request's start to its page complete. Kernel memory is
   read from /proc (VmRSS and the proportional set size, Pss, which splits shared pages
   between the processes sharing them) once all pages are in; every session keeps its
   kernel (no browser connects, so none has been culled yet).

Prints the table and the N at which p95 passes 10 s. Never fails on a slow result.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "tests"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import psutil  # noqa: E402
from browser.servers import VOILA_POOL_SIZE, VOILA_PROJECT_ARGS, Server, start_voila  # noqa: E402

NOTEBOOK = "notebooks/explorer_app.ipynb"
WIDGET_VIEW = b"application/vnd.jupyter.widget-view+json"
FAILURE_MARKERS = (
    b"Timeout waiting for IOPub output",
    b"There was an error when executing cell",
    b"Traceback (most recent call last)",
)
SLOW_S = 10.0
REQUEST_TIMEOUT_S = 600.0
POOL_FILL_TIMEOUT_S = 180.0
FIRST_VIEW_RUNS = 3
# Time for the pool to refill between two first-view runs.
REFILL_S = 12.0


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile (numpy's default method), without numpy."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100.0
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def proc_memory_mb(pid: int) -> tuple[float, float]:
    """(VmRSS, Pss) of a process in MB, from /proc/<pid>/status and /proc/<pid>/smaps_rollup."""
    rss = pss = 0.0
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1]) / 1024
    except OSError:  # kernels before Linux 4.14 have no smaps_rollup
        pss = float("nan")
    return rss, pss


def kernel_pids(server: Server) -> list[int]:
    return [
        p.pid
        for p in psutil.Process(server.process.pid).children(recursive=True)
        if "ipykernel" in " ".join(p.cmdline())
    ]


def wait_for_pool(server: Server, size: int) -> None:
    """Wait until the pool's kernels have started (Voila logs it) and run the notebook."""
    deadline = time.monotonic() + POOL_FILL_TIMEOUT_S
    while "is filled with" not in server.log_path.read_text(errors="replace") or len(kernel_pids(server)) < size:
        if time.monotonic() > deadline:
            raise RuntimeError(f"the kernel pool did not fill:\n{server.log_tail()}")
        time.sleep(0.2)
    # "Filled" means started; each kernel then runs the notebook (a few seconds).
    time.sleep(REFILL_S)


# ---------------------------------------------------------------- part 1: first view


def first_view(pool: int, options: tuple[str, ...] = ()) -> None:
    from browser.chromium import CANDIDATES, LAUNCH_ARGS, MISSING_MESSAGE, find_chromium
    from browser.explorer_view import EXPLORER, explorer_in, wait_until_drawn
    from browser.pages import open_recorded_page
    from playwright.sync_api import sync_playwright

    chromium = find_chromium()
    if chromium is None:
        print(MISSING_MESSAGE.format(candidates=", ".join(CANDIDATES)), file=sys.stderr)
        return
    # label: (Voila options replacing make app's, preheated?)
    modes = {
        "cold (no kernel pool)": (("--preheat_kernel=False", *options), False),
        f"preheated (make app, pool of {pool})": ((f"--pool_size={pool}", *options), True),
    }
    print(
        "First view of the app, one visitor, Chromium headless (fresh context each run), "
        f"median of {FIRST_VIEW_RUNS} runs [min-max]:"
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=list(LAUNCH_ARGS))
        for mode, (extra, preheated) in modes.items():
            server = start_voila(NOTEBOOK, Path(tempfile.mkdtemp(prefix="biomech-capacity-")), extra)
            rows: dict[str, list[float]] = {
                "server answer complete": [],
                "explorer controls on the page": [],
                "figures drawn": [],
            }
            try:
                if preheated:
                    wait_for_pool(server, pool)
                for run in range(FIRST_VIEW_RUNS):
                    if run and preheated:
                        time.sleep(REFILL_S)
                    recorded = open_recorded_page(browser)
                    page = recorded.page
                    started = time.perf_counter()
                    page.goto(server.url("/"), wait_until="commit")
                    page.locator(EXPLORER).first.wait_for(state="attached", timeout=300_000)
                    controls = time.perf_counter() - started
                    wait_until_drawn(explorer_in(page), timeout_s=300)
                    drawn = time.perf_counter() - started
                    answer = page.evaluate("performance.getEntriesByType('navigation')[0].responseEnd") / 1000
                    rows["server answer complete"].append(answer)
                    rows["explorer controls on the page"].append(controls)
                    rows["figures drawn"].append(drawn)
                    page.close(run_before_unload=True)
                    recorded.context.close()
            finally:
                server.stop()
            print(f"  {mode}:")
            for label, values in rows.items():
                print(f"    {label:<32s} {statistics.median(values):6.2f} s  [{min(values):.2f}-{max(values):.2f}]")
        browser.close()


# ---------------------------------------------------------------- part 2: N sessions


@dataclass
class Session:
    seconds: float = float("nan")
    drawn: bool = False
    problem: str = ""


def request_page(server: Server, delay_s: float, session: Session, start: float) -> None:
    time.sleep(max(0.0, start + delay_s - time.perf_counter()))
    began = time.perf_counter()
    try:
        with urllib.request.urlopen(server.url("/"), timeout=REQUEST_TIMEOUT_S) as response:
            body = response.read()
    except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
        session.seconds, session.problem = time.perf_counter() - began, f"request failed: {exc}"
        return
    session.seconds = time.perf_counter() - began
    failures = [marker.decode() for marker in FAILURE_MARKERS if marker in body]
    session.drawn = WIDGET_VIEW in body and not failures
    session.problem = "; ".join(failures) if failures else ("" if session.drawn else "no explorer output")


def sessions_against_one_server(n: int, spread_s: float, pool: int, options: tuple[str, ...] = ()) -> dict:
    server = start_voila(
        NOTEBOOK, Path(tempfile.mkdtemp(prefix="biomech-capacity-")), (f"--pool_size={pool}", *options)
    )
    try:
        wait_for_pool(server, pool)
        sessions = [Session() for _ in range(n)]
        window = n * spread_s
        start = time.perf_counter() + 0.2
        threads = [
            threading.Thread(target=request_page, args=(server, window * i / n, s, start), daemon=True)
            for i, s in enumerate(sessions)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        memory = [proc_memory_mb(pid) for pid in kernel_pids(server)]
        server_rss, _ = proc_memory_mb(server.process.pid)
    finally:
        server.stop()
    times = [s.seconds for s in sessions]
    rss = [m[0] for m in memory]
    pss = [m[1] for m in memory]
    return {
        "n": n,
        "window": window,
        "drawn": sum(s.drawn for s in sessions),
        "median": statistics.median(times),
        "p95": percentile(times, 95),
        "max": max(times),
        "kernels": len(memory),
        "rss": statistics.median(rss),
        "pss": statistics.median(pss),
        "total_pss": sum(pss),
        "server_rss": server_rss,
        "problems": sorted({s.problem for s in sessions if s.problem}),
    }


def capacity(counts: list[int], spread_s: float, pool: int, options: tuple[str, ...] = ()) -> None:
    print(
        f"\nN sessions against one server (page requests spread over N x {spread_s:g} s; "
        f"server-side page render; pool of {pool}):"
    )
    header = (
        f"  {'N':>3s}  {'arrive in':>9s}  {'drawn':>7s}  {'median':>7s}  {'p95':>7s}  {'max':>7s}  "
        f"{'kernel RSS':>10s}  {'kernel PSS':>10s}  {'all kernels':>11s}  {'server':>7s}"
    )
    print(header)
    slow_at = None
    for n in counts:
        r = sessions_against_one_server(n, spread_s, pool, options)
        print(
            f"  {r['n']:3d}  {r['window']:7.1f} s  {r['drawn']:3d}/{r['n']:<3d}  {r['median']:5.2f} s  "
            f"{r['p95']:5.2f} s  {r['max']:5.2f} s  {r['rss']:7.0f} MB  {r['pss']:7.0f} MB  "
            f"{r['total_pss'] / 1024:8.2f} GB  {r['server_rss']:4.0f} MB"
            + (f"   ({r['kernels']} kernels incl. pool)" if r["kernels"] != r["n"] else "")
        )
        for problem in r["problems"]:
            print(f"         not drawn: {problem}")
        if slow_at is None and r["p95"] > SLOW_S:
            slow_at = n
    if slow_at is None:
        print(f"  p95 stays within {SLOW_S:.0f} s up to N = {counts[-1]} (largest N tried).")
    else:
        print(f"  p95 passes {SLOW_S:.0f} s at N = {slow_at}.")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[5, 10, 20, 40], help="values of N")
    parser.add_argument(
        "--spread",
        type=float,
        default=0.5,
        help="seconds of arrival window per session (default 0.5: 40 sessions in 20 s)",
    )
    parser.add_argument(
        "--pool",
        type=int,
        default=VOILA_POOL_SIZE,
        help=f"preheated kernels (default {VOILA_POOL_SIZE}, as `make app`)",
    )
    parser.add_argument("--no-browser", action="store_true", help="skip the first-view part (Chromium)")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a Voila option replacing make app's, e.g. VoilaExecutor.iopub_timeout=4",
    )
    args = parser.parse_args(argv)
    options = tuple("--" + option.removeprefix("--") for option in args.set)
    cpus = os.cpu_count()
    memory_gb = psutil.virtual_memory().total / 2**30
    print(
        f"App capacity | Voila on {NOTEBOOK} | {cpus} CPUs, {memory_gb:.0f} GB RAM | Python "
        f"{sys.version.split()[0]}\n  Voila options (as make app): {' '.join(VOILA_PROJECT_ARGS)}"
        + (f"\n  replaced here: {' '.join(options)}" if options else "")
        + "\n"
    )
    if not args.no_browser:
        first_view(args.pool, options)
    capacity(sorted(args.sessions), args.spread, args.pool, options)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
