"""Start and stop the Jupyter servers that the browser tests talk to.

Each server is a real ``jupyter lab`` or ``voila`` process from the project's virtual
environment, bound to 127.0.0.1 on a free port, protected by a random token, and with
its Jupyter settings in a temporary folder so that nothing in the user's home (an old
workspace, extensions' settings, a stray ``jupyter_server_config.py``) changes what the
tests see. Servers are stopped by their process id; their kernels, which Jupyter starts
in sessions of their own, are found before the stop and ended by id too.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

# psutil comes with IPython (a dependency of ipykernel); it lists a server's kernel
# processes portably (Linux and macOS).
import psutil

REPO_ROOT = Path(__file__).resolve().parents[2]

# The project's Voila template ("biomech", in tools/jupyter/voila/templates/): Voila's
# "lab" template without the two Font Awesome stylesheets it fetches from a CDN (Voila's
# own bundle already carries Font Awesome). Voila finds templates on the Jupyter data
# path, so the folder is put on JUPYTER_PATH.
VOILA_TEMPLATE_ROOT = REPO_ROOT / "tools" / "jupyter"
VOILA_TEMPLATE = "biomech"

# How Voila keeps its kernels (see the Makefile's APP_* variables): a pool of preheated
# kernels, idle culling, and the wait for a cell's output.
VOILA_POOL_SIZE = 2
VOILA_CULL_IDLE_S = 600
VOILA_CULL_EVERY_S = 60
VOILA_IOPUB_WAIT_S = 60
VOILA_KERNEL_ARGS = (
    "--preheat_kernel=True",
    f"--pool_size={VOILA_POOL_SIZE}",
    f"--MappingKernelManager.cull_idle_timeout={VOILA_CULL_IDLE_S}",
    f"--MappingKernelManager.cull_interval={VOILA_CULL_EVERY_S}",
    f"--VoilaExecutor.iopub_timeout={VOILA_IOPUB_WAIT_S}",
)

# How the project serves a notebook with Voila (a `make app` should use the same):
VOILA_PROJECT_ARGS = (
    f"--template={VOILA_TEMPLATE}",
    # jupytext's JupyterLab extension is an editor feature; in Voila's read-only page its
    # module cannot load (Voila provides no @jupyterlab/docmanager) and logs a console
    # error on every page. (A template's conf.json cannot set this: Voila 0.5.13 reads
    # "traitlet_configuration" there after this option has been read.)
    "--VoilaConfiguration.extension_denylist=jupyterlab-jupytext",
    # Likewise the classic-notebook and nbgrader extensions (installed with nbgrader for
    # the course's assignments): they expect JupyterLab's file browser and document
    # registry, which a Voila page does not have, and each logs an error on every page.
    "--VoilaConfiguration.extension_denylist=@jupyter-notebook/lab-extension",
    "--VoilaConfiguration.extension_denylist=@jupyter/nbgrader",
    # tools/jupyter/voila.py: the "_xsrf" cookie that lets a closed tab end its kernel, and
    # a culler that gives a kernel taken from the pool time to connect.
    f"--Voila.config_file_paths={VOILA_TEMPLATE_ROOT}",
    # Kernels: preheated, culled when left without a page, and time for output under load.
    # The values are the Makefile's defaults (APP_POOL, APP_CULL_IDLE, APP_CULL_EVERY,
    # APP_IOPUB_WAIT); tests/test_classroom.py checks that `make app` passes the same.
    *VOILA_KERNEL_ARGS,
)

# Generous for a 2-core machine: JupyterLab takes 5-15 s to answer, Voila 2-5 s.
START_TIMEOUT_S = 90.0
STOP_TIMEOUT_S = 20.0


# JupyterLab user settings for the test server ("<package>/<plugin>" -> values).
LAB_USER_SETTINGS = {
    # No news toast: JupyterLab 4 otherwise asks "Would you like to get notified about
    # official Jupyter news?", and "yes" makes it contact the internet.
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    # The server's root is the working tree: running cells must not write outputs into the
    # committed notebooks (JupyterLab autosaves every 120 s by default).
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
}


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now.

    The operating system picks it (bind to port 0). Another process could take it before
    the server binds; the servers are started with ``port_retries=0`` so that this shows
    as a failed start rather than a server quietly listening somewhere else.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def running_as_root() -> bool:
    """True when the tests run as root (containers, CI): Jupyter then needs --allow-root."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def isolated_jupyter_env(home: Path) -> dict[str, str]:
    """Return an environment whose Jupyter and IPython settings all live under ``home``.

    Also writes the JupyterLab user settings in :data:`LAB_USER_SETTINGS`.
    """
    dirs = {
        "JUPYTER_CONFIG_DIR": home / "config",
        "JUPYTER_DATA_DIR": home / "data",
        "JUPYTER_RUNTIME_DIR": home / "runtime",
        "JUPYTERLAB_SETTINGS_DIR": home / "lab-user-settings",
        "JUPYTERLAB_WORKSPACES_DIR": home / "lab-workspaces",
        "IPYTHONDIR": home / "ipython",
    }
    env = dict(os.environ)
    # A token or config path from the user's shell must not override ours.
    for name in ("JUPYTER_TOKEN", "JUPYTER_PASSWORD", "JUPYTER_PATH", "JUPYTER_PREFER_ENV_PATH"):
        env.pop(name, None)
    for name, path in dirs.items():
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    for plugin, values in LAB_USER_SETTINGS.items():
        path = dirs["JUPYTERLAB_SETTINGS_DIR"] / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=2))
    return env


@dataclass
class Server:
    """A running Jupyter server process: where it answers, its token, how to stop it."""

    name: str
    base_url: str  # e.g. "http://127.0.0.1:40123", no trailing slash
    token: str
    process: subprocess.Popen
    log_path: Path
    started_in_s: float = 0.0
    _log_file: object = field(default=None, repr=False)

    @property
    def port(self) -> int:
        return int(self.base_url.rsplit(":", 1)[1])

    def url(self, path: str = "/", token: bool = True) -> str:
        """Absolute URL of ``path`` on this server, with ``?token=...`` unless ``token=False``."""
        url = self.base_url + (path if path.startswith("/") else "/" + path)
        if token:
            url += ("&" if "?" in url else "?") + "token=" + self.token
        return url

    def listening_addresses(self) -> list[tuple[str, int]]:
        """(ip, port) of every TCP socket the server process listens on.

        Read from the operating system's socket table, so a test can check where the
        server is reachable without sending traffic to any non-loopback address.
        """
        connections = psutil.Process(self.process.pid).net_connections(kind="inet")
        return sorted({(c.laddr.ip, c.laddr.port) for c in connections if c.status == psutil.CONN_LISTEN})

    def log_tail(self, lines: int = 60) -> str:
        """The last lines the server printed (for failure messages)."""
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError as exc:
            return f"(no log: {exc})"
        return "\n".join(text.splitlines()[-lines:])

    def stop(self, timeout: float = STOP_TIMEOUT_S) -> None:
        """Stop the server by its pid, then make sure its kernels are gone too.

        SIGTERM lets Jupyter shut its kernels down cleanly; SIGKILL follows if it does not
        exit in time. Kernels run in sessions of their own (jupyter_client starts them with
        ``start_new_session``), so killing the server's process group does not reach them:
        they are listed before the stop and killed by pid if they outlive it.
        """
        kernels: list[psutil.Process] = []
        if self.process.poll() is None:
            try:
                kernels = psutil.Process(self.process.pid).children(recursive=True)
            except psutil.NoSuchProcess:
                pass
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=timeout)
        # The server was started as leader of its own process group (start_new_session):
        # anything else left in that group is ours.
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        for kernel in kernels:
            try:
                kernel.wait(timeout=timeout)  # normally already ended by the server's shutdown
            except psutil.TimeoutExpired:
                kernel.kill()
            except psutil.NoSuchProcess:
                pass
        if self._log_file is not None:
            self._log_file.close()


@dataclass
class HttpAnswer:
    """One HTTP answer: status, the redirect target (if any) and the start of the body."""

    status: int
    location: str | None
    body: bytes


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # report the redirect itself instead of following it


def http_get(url: str, headers: dict[str, str] | None = None, timeout: float = 30.0) -> HttpAnswer:
    """GET ``url`` without following redirects (so a redirect to /login stays visible)."""
    opener = urllib.request.build_opener(_NoRedirect)
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with opener.open(request, timeout=timeout) as response:
            return HttpAnswer(response.status, response.headers.get("Location"), response.read())
    except urllib.error.HTTPError as exc:
        return HttpAnswer(exc.code, exc.headers.get("Location"), exc.read())


def _http_status(url: str) -> int | None:
    """Status code of GET ``url``; None while nothing answers."""
    try:
        return http_get(url, timeout=5).status
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def start_server(
    name: str,
    argv: list[str],
    env: dict[str, str],
    port: int,
    token: str,
    ready_path: str,
    log_path: Path,
    timeout: float = START_TIMEOUT_S,
    cwd: Path = REPO_ROOT,
) -> Server:
    """Start ``argv`` in ``cwd`` (the repository root unless given) and wait until
    ``ready_path`` answers 200.

    ``ready_path`` is requested with the token. Fails with the server's last log lines if
    the process exits or does not answer within ``timeout`` seconds.
    """
    log_file = open(log_path, "w")
    started = time.perf_counter()
    process = subprocess.Popen(
        argv,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server = Server(
        name=name,
        base_url=f"http://127.0.0.1:{port}",
        token=token,
        process=process,
        log_path=log_path,
        _log_file=log_file,
    )
    ready_url = server.url(ready_path)
    deadline = started + timeout
    status = None
    # Poll: a server gives no other sign that it is ready. Each try is a real request.
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            server.stop()
            raise RuntimeError(
                f"{name} exited with code {process.returncode} before answering.\n"
                f"Command: {' '.join(argv)}\nLog:\n{server.log_tail()}"
            )
        status = _http_status(ready_url)
        if status == 200:
            server.started_in_s = time.perf_counter() - started
            return server
        time.sleep(0.1)
    server.stop()
    raise RuntimeError(
        f"{name} did not answer 200 at {ready_path} within {timeout:.0f} s "
        f"(last status: {status}).\nCommand: {' '.join(argv)}\nLog:\n{server.log_tail()}"
    )


def start_lab(workdir: Path) -> Server:
    """Start JupyterLab on the repository root, loopback only, with a random token."""
    port, token = free_port(), secrets.token_hex(24)
    argv = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={REPO_ROOT}",
        # No news feed and no update check: both would contact the internet.
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if running_as_root():
        argv.append("--allow-root")
    env = isolated_jupyter_env(workdir / "jupyter-home")
    return start_server("jupyter lab", argv, env, port, token, "/api/status", workdir / "jupyter-lab.log")


def _replaced(args: tuple[str, ...], overrides: tuple[str, ...]) -> list[str]:
    """``args`` with each ``--name=value`` of ``overrides`` in place of the same ``--name``."""
    names = {arg.split("=", 1)[0] for arg in overrides}
    return [arg for arg in args if arg.split("=", 1)[0] not in names] + list(overrides)


def start_voila(notebook: str, workdir: Path, extra_args: tuple[str, ...] = ()) -> Server:
    """Start Voila on ``notebook`` (a path relative to the repository root).

    Voila 0.5.13 takes the token as ``--token=<value>`` (an alias of ``Voila.token``; a bare
    ``--token`` means "generate one"), and without a token it serves with no
    authentication at all. It has no ``--allow-root`` option and runs as root without one.
    ``--show_tracebacks=True`` puts a failing cell's traceback on the page, so a test
    failure says what went wrong. ``extra_args`` (``--name=value``) replace the project's
    option of the same name or are added (e.g. a short culling time for a test that waits
    for it; Voila refuses an option given twice).
    """
    port, token = free_port(), secrets.token_hex(24)
    argv = [
        sys.executable,
        "-m",
        "voila",
        notebook,
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",
        f"--token={token}",
        *_replaced(VOILA_PROJECT_ARGS, extra_args),
        "--show_tracebacks=True",
    ]
    env = isolated_jupyter_env(workdir / "jupyter-home")
    env["JUPYTER_PATH"] = str(VOILA_TEMPLATE_ROOT)
    log_name = "voila-" + Path(notebook).stem + ".log"
    # /voila/static/voila.js is a static file: a cheap sign the server is up, without
    # rendering (and so executing) the notebook.
    return start_server("voila", argv, env, port, token, "/voila/static/voila.js", workdir / log_name)
