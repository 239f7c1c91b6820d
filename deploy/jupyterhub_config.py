"""JupyterHub for a class on one server: the project's lessons and app for every student.

Run (see README, "Run a class")::

    sudo .venv/bin/jupyterhub -f deploy/jupyterhub_config.py      # or: sudo make hub

What it sets up, on JupyterHub 6.1 (pip ``jupyterhub``):

* **Network: this machine only.** The hub answers on http://127.0.0.1:8000 and all its
  parts (hub API, proxy API, students' servers) listen on 127.0.0.1. Put an HTTPS
  reverse proxy (nginx, Caddy, Apache) in front of port 8000 to open it to a class; set
  ``BIOMECH_HUB_URL`` to change the address.
* **Proxy:** configurable-http-proxy, the npm package, from the project's own folder
  (``.venv/node``, installed by ``tools/install_proxy.sh``, which `make hub` and
  `make test` run), else from PATH.
* **Log-in:** the system's accounts (JupyterHub's default PAM authenticator): every
  student needs a Unix account on the server. Swap in your institution's log-in (e.g.
  ``oauthenticator`` or ``ldapauthenticator``) below; the other settings stay.
* **Spawner: local processes** (``LocalProcessSpawner``): each student's JupyterLab runs
  as their own Unix user, with the Python environment the hub runs in (install the
  project there; it must be readable by the students, e.g. under /opt, not /root).
* **Idle servers are stopped** by ``jupyterhub-idle-culler``, run by the hub as a
  service: a server with no activity for ``BIOMECH_HUB_IDLE_TIMEOUT`` seconds (default
  3600) is stopped; the student's files stay, and the next visit starts a new server.
  Inside each server, kernels left idle with no page open for
  ``BIOMECH_HUB_KERNEL_IDLE_TIMEOUT`` seconds (default 1200) are shut down, and the
  Voila app page ends its kernel when its tab closes.
* **Lessons into each home:** nbgitpuller (pip ``nbgitpuller``, a server extension) copies
  the lessons from a git repository when a student follows the course link;
  ``python tools/classroom_links.py --hub https://your-hub`` prints that link.
* **Per-student limits** (``BIOMECH_HUB_MEM_LIMIT``, ``BIOMECH_HUB_CPU_LIMIT``): which
  spawner enforces what is said where they are set, below. LocalProcessSpawner enforces
  NONE of them (it only passes them to the server as MEM_LIMIT / CPU_LIMIT variables); to
  enforce them on one server, use SystemdSpawner (commented settings at the end).

Measured sizes (README, "Run a class"): a student's server takes about 160 MB, plus about
75 MB for each open lesson or app kernel; the hub, proxy and culler about 210 MB together.

This file holds no test settings: the test (tests/browser/test_hub.py) loads it and only adds
a dummy log-in, a spawner that needs no Unix accounts, and short timeouts.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (provided by JupyterHub when it loads this file)

REPO = Path(__file__).resolve().parents[1]
# The Python environment JupyterHub runs in: students' servers and kernels use it too.
ENV_BIN = Path(sys.executable).parent


def _setting(name: str, default: str) -> str:
    return os.environ.get(name, default)


# ------------------------------------------------------------------ network: loopback only
c.JupyterHub.bind_url = _setting("BIOMECH_HUB_URL", "http://127.0.0.1:8000")
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(_setting("BIOMECH_HUB_API_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:" + _setting("BIOMECH_HUB_PROXY_API_PORT", "8001")
c.Spawner.ip = "127.0.0.1"

# The proxy (npm configurable-http-proxy 5.3) from the project's folder, else from PATH.
_proxy = REPO / ".venv" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
c.ConfigurableHTTPProxy.command = [
    str(_proxy) if _proxy.exists() else shutil.which("configurable-http-proxy") or "configurable-http-proxy"
]

# ------------------------------------------------------------------ state (database, secrets)
# Outside the checkout: the database and cookie secret must survive a `git clean`.
STATE = Path(_setting("BIOMECH_HUB_STATE", "/srv/jupyterhub"))
STATE.mkdir(parents=True, exist_ok=True)
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")

# ------------------------------------------------------------------ log-in
# Default: PAM (the server's Unix accounts). Name who may log in and who is staff:
# c.Authenticator.allowed_users = {"student01", "student02"}
# c.Authenticator.admin_users = {"teacher"}
# Or allow every account the authenticator accepts (only with an institutional log-in):
# c.Authenticator.allow_all = True

# ------------------------------------------------------------------ students' servers
c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
c.Spawner.cmd = [str(ENV_BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
# A server on a busy machine can take a while to start when a whole class logs in at once.
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 60

# The students' servers read deploy/singleuser/jupyter_server_config.py (the same file the
# Kubernetes image gets): kernel culling, Voila's template and output wait, no news feed.
c.Spawner.args = []
c.Spawner.environment = {
    "JUPYTER_CONFIG_PATH": str(REPO / "deploy" / "singleuser"),
    # The project's Voila template (tools/jupyter/voila/templates/biomech).
    "JUPYTER_PATH": str(REPO / "tools" / "jupyter"),
    # Kernels with no page open are shut down after this many idle seconds.
    "BIOMECH_KERNEL_IDLE_TIMEOUT": _setting("BIOMECH_HUB_KERNEL_IDLE_TIMEOUT", "1200"),
    "BIOMECH_KERNEL_CULL_EVERY": _setting("BIOMECH_HUB_KERNEL_CULL_EVERY", "120"),
}

# ------------------------------------------------------------------ per-student limits
# Sizes (measured): a student's server ~160 MB, each open lesson or app kernel ~75 MB; 1 GB
# holds several lessons open at once.
#   LocalProcessSpawner (this file's default): enforces NEITHER limit; the values reach the
#     server only as the environment variables MEM_LIMIT / CPU_LIMIT (a resource display
#     such as jupyter-resource-usage shows them).
#   SystemdSpawner (below): enforces both, through the student's systemd unit (cgroups:
#     MemoryMax= and CPUQuota=).
#   KubeSpawner (deploy/z2jh-values.yaml): enforces both, as the pod's limits; the
#     guarantees become the pod's requests (what the scheduler reserves).
c.Spawner.mem_limit = _setting("BIOMECH_HUB_MEM_LIMIT", "1G")
c.Spawner.cpu_limit = float(_setting("BIOMECH_HUB_CPU_LIMIT", "1"))
c.Spawner.mem_guarantee = "256M"  # honoured by KubeSpawner only
c.Spawner.cpu_guarantee = 0.1  # honoured by KubeSpawner only

# ------------------------------------------------------------------ idle servers: the culler
IDLE_TIMEOUT = int(_setting("BIOMECH_HUB_IDLE_TIMEOUT", "3600"))
CULL_EVERY = int(_setting("BIOMECH_HUB_CULL_EVERY", str(max(IDLE_TIMEOUT // 6, 1))))
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={IDLE_TIMEOUT}",
            f"--cull-every={CULL_EVERY}",
        ],
    },
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "description": "Stop students' servers that have been idle too long",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    },
]
# How often the hub asks the proxy for activity (a server's "last activity" is at most this
# stale; keep it well below the culler's timeout).
c.JupyterHub.last_activity_interval = min(300, max(IDLE_TIMEOUT // 4, 1))
# ... and how often each server tells the hub about its own activity (kernels, API calls).
c.Spawner.environment["JUPYTERHUB_ACTIVITY_INTERVAL"] = str(c.JupyterHub.last_activity_interval)

# ------------------------------------------------------------------ alternative: SystemdSpawner
# Enforces the memory and CPU limits above on one server (pip install jupyterhub-systemdspawner;
# needs systemd and a hub running as root). Each student's server is a transient systemd
# unit; with dynamic_users=True no Unix accounts are needed (state in /var/lib/private).
# c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
# c.SystemdSpawner.mem_limit = "1G"         # systemd MemoryMax=
# c.SystemdSpawner.cpu_limit = 1.0          # systemd CPUQuota=100%
# c.SystemdSpawner.isolate_tmp = True       # a private /tmp per student
# c.SystemdSpawner.isolate_devices = True
# c.SystemdSpawner.disable_user_sudo = True
# c.SystemdSpawner.dynamic_users = True     # with an authenticator that is not PAM
# c.SystemdSpawner.unit_name_template = "jupyter-{USERNAME}"
