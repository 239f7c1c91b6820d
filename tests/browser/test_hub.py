"""A class on the project's JupyterHub (deploy/jupyterhub_config.py), for real.

One real JupyterHub 6.1 (pip ``jupyterhub``) with its real proxy (npm
``configurable-http-proxy``, installed in .venv/node by tools/install_proxy.sh) and its
idle culler (pip ``jupyterhub-idle-culler``) as a hub service, all on 127.0.0.1. The hub
loads deploy/jupyterhub_config.py unchanged; this test adds only what a test machine
needs (in a config file of its own, never in deploy/):

* a dummy log-in with one password (no Unix accounts for the students);
* JupyterHub's SimpleLocalProcessSpawner, which runs every server as the test's user with
  its home in a temporary folder (LocalProcessSpawner would switch to each student's Unix
  account); ``--allow-root`` when the tests run as root;
* short idle times for the culler (``BIOMECH_HUB_IDLE_TIMEOUT``), read by deploy's config;
* a read-only API token for the test, to see which servers run.

Three students follow the course's nbgitpuller link (printed by tools/classroom_links.py)
in Chromium, each in a browser context of their own: the link sends them to the log-in
page, then starts their server, copies the lessons from a local git repository into
their home and opens the start lesson, which they run (Run > Run All Cells). One student
also opens the app page (Voila inside their server) and closes the tab: its kernel ends.
After the pages close, the culler stops every idle server.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest

from .explorer_view import explorer_in, wait_until_drawn
from .helpers import collect_error_outputs, output_texts, run_all_cells, wait_for_kernel_idle
from .servers import REPO_ROOT, Server, free_port, http_get, running_as_root, start_server

sys.path.insert(0, str(REPO_ROOT / "tools"))
import classroom_links  # noqa: E402

pytestmark = pytest.mark.browser

DEPLOY_CONFIG = REPO_ROOT / "deploy" / "jupyterhub_config.py"
PROXY = REPO_ROOT / ".venv" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
STUDENTS = ("student1", "student2", "student3")
LESSON_FOLDER = "lessons"  # the git repository's name, so the folder nbgitpuller makes
START_LESSON = "00_start_here.ipynb"
APP = "explorer_app.ipynb"
# The culler's idle time for this test (deploy's default is an hour); the hub then asks
# the proxy and the servers for activity every IDLE_TIMEOUT_S // 4 seconds.
IDLE_TIMEOUT_S = 20
CULL_EVERY_S = 4
HUB_START_TIMEOUT_S = 60.0
# Spawn (~3.5 s each), clone and JupyterLab's first load, three at once on 2 cores.
LESSON_OPEN_TIMEOUT_MS = 150_000
KERNEL_GONE_TIMEOUT_S = 10.0

TEST_CONFIG = """\
# Test-only additions to the project's hub configuration (tests/browser/test_hub.py).
load_subconfig({deploy!r})
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {password!r}
c.Authenticator.allowed_users = set({students!r})
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {homes!r} + "/{{username}}"
if {as_root!r}:
    c.Spawner.args.append("--allow-root")
c.JupyterHub.services.append({{"name": "test-observer", "api_token": {token!r}}})
c.JupyterHub.load_roles.append({{"name": "test-observer", "scopes": ["list:users", "read:servers"],
                                 "services": ["test-observer"]}})
"""


@dataclass
class Hub:
    server: Server  # the jupyterhub process; .token is the test's read-only API token
    password: str
    homes: Path

    @property
    def url(self) -> str:
        return self.server.base_url

    def api(self, path: str):
        answer = http_get(self.url + "/hub/api" + path, headers={"Authorization": f"token {self.server.token}"})
        assert answer.status == 200, (path, answer.status, answer.body[:300])
        return json.loads(answer.body)

    def running_servers(self) -> dict[str, dict]:
        """{student: server model} of every student whose default server is running or starting."""
        return {
            user["name"]: user["servers"][""]
            for user in self.api("/users?state=active")
            if "" in user.get("servers", {})
        }

    def processes(self) -> list[psutil.Process]:
        return psutil.Process(self.server.process.pid).children(recursive=True)


@pytest.fixture(scope="module")
def lesson_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A local git repository holding the lessons (notebooks/*.ipynb), on branch main."""
    repo = tmp_path_factory.mktemp("course") / LESSON_FOLDER
    (repo / "notebooks").mkdir(parents=True)
    for notebook in (REPO_ROOT / "notebooks").glob("*.ipynb"):
        shutil.copyfile(notebook, repo / "notebooks" / notebook.name)
    identity = ["-c", "user.name=Course staff", "-c", "user.email=staff@example.invalid"]
    for command in (
        ["init", "--quiet", "--initial-branch=main"],
        ["add", "notebooks"],
        [*identity, "commit", "--quiet", "--message", "Lessons"],
    ):
        subprocess.run(["git", *command], cwd=repo, check=True, capture_output=True)
    return repo


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    """The project's JupyterHub with the test's additions, on loopback ports of its own."""
    assert PROXY.exists(), f"{PROXY} is missing: run `bash tools/install_proxy.sh` (`make test` does)"
    workdir = tmp_path_factory.mktemp("hub")
    homes = workdir / "homes"
    homes.mkdir()
    password, token = secrets.token_hex(12), secrets.token_hex(24)
    config = workdir / "test_jupyterhub_config.py"
    config.write_text(
        TEST_CONFIG.format(
            deploy=str(DEPLOY_CONFIG),
            password=password,
            students=STUDENTS,
            homes=str(homes),
            as_root=running_as_root(),
            token=token,
        )
    )
    port = free_port()
    env = {name: value for name, value in os.environ.items() if not name.startswith(("JUPYTER", "BIOMECH_HUB"))}
    env.update(
        {
            "BIOMECH_HUB_URL": f"http://127.0.0.1:{port}",
            "BIOMECH_HUB_API_PORT": str(free_port()),
            "BIOMECH_HUB_PROXY_API_PORT": str(free_port()),
            "BIOMECH_HUB_STATE": str(workdir / "state"),
            "BIOMECH_HUB_IDLE_TIMEOUT": str(IDLE_TIMEOUT_S),
            "BIOMECH_HUB_CULL_EVERY": str(CULL_EVERY_S),
        }
    )
    server = start_server(
        "jupyterhub",
        [sys.executable, "-m", "jupyterhub", "-f", str(config)],
        env,
        port,
        token,
        "/hub/api",
        workdir / "jupyterhub.log",
        timeout=HUB_START_TIMEOUT_S,
        cwd=workdir,
    )
    try:
        yield Hub(server=server, password=password, homes=homes)
    finally:
        server.stop()


def log_in(page, hub: Hub, student: str) -> None:
    """Fill in the hub's log-in form (the page the course link sent the student to)."""
    page.locator("input[name=username]").fill(student)
    page.locator("input[name=password]").fill(hub.password)
    page.locator("[type=submit]").click()


# Event streams that a page listens to until it moves on, so the browser cuts them off
# ("net::ERR_ABORTED"): JupyterHub's spawn progress and nbgitpuller's clone progress.
PROGRESS_STREAMS = ("/hub/api/users/", "/server/progress?"), ("/git-pull/api?",)


def unexpected_failures(record) -> list[str]:
    """Failed requests, less the progress streams cut off by the redirect that follows them."""
    return [
        r
        for r in record.failed_requests
        if not (r.endswith("net::ERR_ABORTED") and any(all(p in r for p in s) for s in PROGRESS_STREAMS))
    ]


def test_three_students_pull_the_lessons_and_run_the_start_lesson(hub, lesson_repo, new_page, screenshot):
    link = classroom_links.nbgitpuller_link(hub.url, str(lesson_repo), "main")
    lesson_url = f"/lab/tree/{LESSON_FOLDER}/notebooks/{START_LESSON}"
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=lesson_repo, check=True, capture_output=True, text=True
    ).stdout.strip()

    # All three arrive at once: each follows the link, logs in, and their servers start.
    students = {}
    for student in STUDENTS:
        recorded = new_page()
        recorded.page.goto(link)
        assert "/hub/login" in recorded.page.url, recorded.page.url
        log_in(recorded.page, hub, student)
        students[student] = recorded

    for student, recorded in students.items():
        page = recorded.page
        page.locator(".jp-NotebookPanel .jp-Notebook").first.wait_for(state="visible", timeout=LESSON_OPEN_TIMEOUT_MS)
        assert page.url.startswith(f"{hub.url}/user/{student}{lesson_url}"), page.url
        wait_for_kernel_idle(page)
        run_all_cells(page)
        screenshot(page, student)

        errors = collect_error_outputs(page)
        assert errors == [], f"{student}: error outputs after Run All Cells:\n" + "\n".join(errors)
        assert "hka_deg" in "\n".join(output_texts(page)), f"{student}: the report table is not on the page"
        # nbgitpuller cloned the course repository into this student's home.
        home = hub.homes / student / LESSON_FOLDER
        assert (home / "notebooks" / START_LESSON).is_file(), sorted(p.name for p in hub.homes.glob("*/*"))
        clone_head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=home, check=True, capture_output=True, text=True
        ).stdout.strip()
        assert clone_head == head
        record = recorded.record
        assert record.blocked == [], f"{student}: requests outside this machine:\n" + record.summary()
        assert record.page_errors == [] and record.console_errors == [], record.summary()
        assert unexpected_failures(record) == [] and record.http_errors == [], record.summary()

    running = hub.running_servers()
    assert sorted(running) == sorted(STUDENTS) and all(s["ready"] for s in running.values()), running
    # Every part of the hub (hub, proxy, culler, servers, kernels) listens on loopback only.
    listening = {
        (c.laddr.ip, c.laddr.port)
        for p in [psutil.Process(hub.server.process.pid), *hub.processes()]
        for c in p.net_connections(kind="inet")
        if c.status == psutil.CONN_LISTEN
    }
    assert listening and {ip for ip, _ in listening} == {"127.0.0.1"}, listening

    # The app inside a student's server (Voila): it draws, and closing its tab ends its kernel.
    recorded = students[STUDENTS[0]]
    app = recorded.context.new_page()
    app.goto(f"{hub.url}/user/{STUDENTS[0]}/voila/render/{LESSON_FOLDER}/notebooks/{APP}")
    wait_until_drawn(explorer_in(app))
    kernel_id = app.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")

    def kernels() -> set[str]:
        answer = recorded.context.request.get(f"{hub.url}/user/{STUDENTS[0]}/api/kernels")
        assert answer.ok, answer.status
        return {kernel["id"] for kernel in answer.json()}

    assert kernel_id in kernels()
    app.close(run_before_unload=True)  # what closing the tab does: Voila's page asks to end its kernel
    deadline = time.monotonic() + KERNEL_GONE_TIMEOUT_S
    while kernel_id in kernels():
        assert time.monotonic() < deadline, f"the app's kernel outlived its tab by {KERNEL_GONE_TIMEOUT_S:.0f} s"
        time.sleep(0.2)
    assert recorded.record.blocked == [], recorded.record.summary()


def test_the_culler_stops_idle_servers(hub):
    """After the students' pages closed (the test above), the idle culler stops their servers."""
    running = hub.running_servers()
    assert running, "no student server is running (run the whole module: the test above starts them)"
    # Idle time, plus one culler round, plus how stale the hub's activity data may be.
    limit_s = IDLE_TIMEOUT_S + 2 * CULL_EVERY_S + IDLE_TIMEOUT_S // 4 + 15
    deadline = time.monotonic() + limit_s
    while running:
        assert time.monotonic() < deadline, f"still running {limit_s} s after the pages closed: {sorted(running)}"
        time.sleep(1)
        running = hub.running_servers()
    log = hub.server.log_path.read_text(errors="replace")
    culled = {student for student in STUDENTS if f"Culling server {student} " in log}
    assert culled == set(STUDENTS), f"servers stopped, but not all by the culler:\n{hub.server.log_tail()}"
    assert not [p for p in hub.processes() if "jupyterhub-singleuser" in " ".join(p.cmdline())]
