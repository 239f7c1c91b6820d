"""Classroom paths that can be checked without a network: the lab and app commands bind to
loopback with a token (and the app's kernels come and go), Binder's files, the links course
staff share, the hub configurations, and the plot assets every page loads once."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import classroom_links  # noqa: E402

from biomech.app import assets  # noqa: E402


def make_dry_run(target, *flags):
    """The commands `make <target>` would run (with the environment already set up).

    Variables given to an outer `make` (e.g. `make test APP_POOL=6`) reach this one through
    MAKEFLAGS; they are dropped so that the Makefile's defaults are what is checked.
    """
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")}
    out = subprocess.run(
        ["make", "-n", *flags, "-o", ".venv/.installed-stamp", target],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


def test_lab_and_app_bind_to_loopback_and_keep_the_token():
    lab = make_dry_run("lab")
    assert "--ip=127.0.0.1" in lab and "notebooks/00_start_here.ipynb" in lab
    app = make_dry_run("app")
    assert "--Voila.ip=127.0.0.1" in app and re.search(r"--token(\s|$)", app)
    assert "notebooks/explorer_app.ipynb" in app and "--template=biomech" in app
    for command in (lab, app):
        assert not re.search(r"token=''|token=\"\"|--no-token|disable_check_xsrf", command)


def test_app_kernels_are_preheated_culled_and_given_time():
    """`make app` keeps a pool of preheated kernels, culls kernels left without a page, waits
    long enough for output under load, and loads tools/jupyter/voila.py (the "_xsrf"
    cookie that lets a closed tab end its kernel; tests/browser/test_kernels.py)."""
    app = make_dry_run("app")
    options = dict(re.findall(r"--([\w.]+)=(\S+)", app))
    assert options["preheat_kernel"] == "True" and int(options["pool_size"]) >= 1
    assert 60 <= int(options["MappingKernelManager.cull_idle_timeout"]) <= 3600
    assert (
        0 < int(options["MappingKernelManager.cull_interval"]) <= int(options["MappingKernelManager.cull_idle_timeout"])
    )
    assert int(options["VoilaExecutor.iopub_timeout"]) >= 30  # Voila's 4 s lost pages with 40 arrivals
    config = Path(options["Voila.config_file_paths"]) / "voila.py"
    assert config.resolve() == (ROOT / "tools" / "jupyter" / "voila.py").resolve() and config.exists()
    text = config.read_text()
    assert "identity_provider_class" in text and "multi_kernel_manager_class" in text
    assert "disable_check_xsrf" not in text
    # An instructor can size the pool for a class; the browser tests use the defaults.
    assert "--pool_size=7" in make_dry_run("app", "APP_POOL=7")


def test_app_command_matches_the_browser_tests():
    """The browser tests start Voila with the same template and options as `make app`."""
    sys.path.insert(0, str(ROOT / "tests" / "browser"))
    import servers

    app = make_dry_run("app")
    for argument in servers.VOILA_PROJECT_ARGS:
        assert argument.replace(str(servers.VOILA_TEMPLATE_ROOT), "tools/jupyter") in app or argument in app, argument


def test_binder_files():
    assert (ROOT / "environment.yml").exists()
    post_build = ROOT / "postBuild"
    text = post_build.read_text()
    assert os.access(post_build, os.X_OK) and "tools/setup_jupyter.py" in text
    # The app's Voila template goes into the environment (a hub image mounts homes over the repo).
    assert "tools/jupyter/voila/templates/biomech" in text and (ROOT / "tools/jupyter/voila/templates/biomech").is_dir()


EXAMPLE_REPO = "https://github.com/knee-lab/biomech"


def test_links_open_files_that_exist():
    links = classroom_links.binder_links(EXAMPLE_REPO)
    for link in links.values():
        assert link.startswith("https://mybinder.org/v2/gh/knee-lab/biomech/HEAD?urlpath=")
        path = unquote(parse_qs(urlparse(link).query)["urlpath"][0]).split("/", 2)[-1]
        assert (ROOT / path).exists(), path
    hub = classroom_links.nbgitpuller_link("https://hub.example.edu", EXAMPLE_REPO)
    query = parse_qs(urlparse(hub).query)
    assert query["repo"] == [EXAMPLE_REPO]
    assert (ROOT / query["urlpath"][0].removeprefix("lab/tree/biomech/")).exists()
    badge = classroom_links.badge_markdown(EXAMPLE_REPO)
    assert badge.startswith("[![Binder](https://mybinder.org/badge_logo.svg)](") and links["lessons"] in badge


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_links_come_from_the_origin_remote_or_stop(tmp_path):
    """The GitHub path comes from `git remote get-url origin` (https or ssh form); without a
    remote, or given a placeholder, the tool stops instead of printing links that lead nowhere."""
    _git(tmp_path, "init", "--quiet")
    try:
        classroom_links.repository(None, cwd=tmp_path)
        raise AssertionError("a clone with no remote gave a repository")
    except classroom_links.NoRepository as exc:
        assert "origin" in str(exc)
    _git(tmp_path, "remote", "add", "origin", "https://github.com/knee-lab/biomech")
    for remote in (
        "git@github.com:knee-lab/biomech.git",
        "https://github.com/knee-lab/biomech.git",
        "ssh://git@github.com/knee-lab/biomech",
    ):
        _git(tmp_path, "remote", "set-url", "origin", remote)
        assert classroom_links.repository(None, cwd=tmp_path) == EXAMPLE_REPO
    for bad in ("https://github.com/OWNER/REPO", "https://gitlab.com/knee-lab/biomech", "biomech"):
        run = subprocess.run(
            [sys.executable, str(ROOT / "tools" / "classroom_links.py"), bad], capture_output=True, text=True
        )
        assert run.returncode == 2 and "mybinder.org" not in run.stdout, (bad, run.stdout, run.stderr)
    run = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "classroom_links.py"), EXAMPLE_REPO, "--hub", "https://hub.example.edu"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "mybinder.org/v2/gh/knee-lab/biomech/HEAD" in run.stdout and "/hub/user-redirect/git-pull?" in run.stdout


def test_readme_has_no_placeholder_links_and_a_badge_only_for_this_repository(tmp_path):
    readme = (ROOT / "README.md").read_text()
    assert "OWNER/REPO" not in readme and "python tools/classroom_links.py" in readme
    begin, end = classroom_links.BADGE_BEGIN, classroom_links.BADGE_END
    assert readme.count(begin) == 1 and readme.count(end) == 1
    badge = readme.split(begin, 1)[1].split(end, 1)[0].strip()
    if badge:  # written by --write-readme: it must name this clone's GitHub repository
        assert badge == classroom_links.badge_markdown(classroom_links.repository(None)), badge
    # --write-readme fills the markers (and leaves the rest of the README as it was).
    copy = tmp_path / "README.md"
    copy.write_text(readme)
    example = classroom_links.badge_markdown(EXAMPLE_REPO)
    assert classroom_links.write_readme_badge(example, copy)
    written = copy.read_text()
    assert f"{begin}\n{example}\n{end}" in written
    assert written.startswith(readme.split(begin)[0]) and written.endswith(readme.split(end)[1])


def test_make_test_installs_the_hub_proxy_locally():
    """`make test` installs JupyterHub's proxy (npm) into the project's .venv/node, next to Chromium."""
    commands = make_dry_run("test", "-B")
    assert "tools/install_browser.sh" in commands and "bash tools/install_proxy.sh .venv/node" in commands
    assert commands.index("install_proxy") < commands.index("-m pytest")
    script = (ROOT / "tools" / "install_proxy.sh").read_text()
    assert "npm install --prefix" in script and "configurable-http-proxy@" in script and " -g" not in script
    assert "bash tools/install_proxy.sh .venv/node" in make_dry_run("hub", "-B")


def _load_hub_config(tmp_path, monkeypatch):
    from traitlets.config.loader import PyFileConfigLoader

    monkeypatch.setenv("BIOMECH_HUB_STATE", str(tmp_path / "state"))
    for name in list(os.environ):
        if name.startswith("BIOMECH_HUB_") and name != "BIOMECH_HUB_STATE":
            monkeypatch.delenv(name)
    return PyFileConfigLoader("jupyterhub_config.py", path=str(ROOT / "deploy")).load_config()


def test_hub_configs_agree(tmp_path, monkeypatch):
    """deploy/jupyterhub_config.py (one server) and deploy/z2jh-values.yaml (Kubernetes) set the
    same culler, limits and student-server settings; the one-server hub stays on loopback."""
    import yaml

    hub = _load_hub_config(tmp_path, monkeypatch)
    values = yaml.safe_load((ROOT / "deploy" / "z2jh-values.yaml").read_text())
    assert urlparse(hub.JupyterHub.bind_url).hostname == "127.0.0.1"
    assert hub.JupyterHub.hub_ip == hub.Spawner.ip == "127.0.0.1"
    assert urlparse(hub.ConfigurableHTTPProxy.api_url).hostname == "127.0.0.1"
    culler = next(s for s in hub.JupyterHub.services if s["name"] == "idle-culler")
    role = next(r for r in hub.JupyterHub.load_roles if r["name"] == "idle-culler")
    assert "jupyterhub_idle_culler" in culler["command"] and role["services"] == ["idle-culler"]
    assert {"list:users", "read:users:activity", "read:servers", "delete:servers"} <= set(role["scopes"])
    timeout = dict(arg.lstrip("-").split("=") for arg in culler["command"] if arg.startswith("--"))
    assert values["cull"]["enabled"] is True
    assert (
        int(timeout["timeout"]) == values["cull"]["timeout"] and int(timeout["cull-every"]) == values["cull"]["every"]
    )
    assert hub.Spawner.mem_limit == values["singleuser"]["memory"]["limit"]
    assert hub.Spawner.mem_guarantee == values["singleuser"]["memory"]["guarantee"]
    assert hub.Spawner.cpu_limit == values["singleuser"]["cpu"]["limit"]
    assert hub.Spawner.cpu_guarantee == values["singleuser"]["cpu"]["guarantee"]
    env = hub.Spawner.environment
    for name, value in values["singleuser"]["extraEnv"].items():
        assert env[name] == value, name
    # Both give the students' servers the same settings file, which exists.
    assert Path(env["JUPYTER_CONFIG_PATH"]) == ROOT / "deploy" / "singleuser"
    assert (ROOT / "deploy" / "singleuser" / "jupyter_server_config.py").is_file()
    assert "biomech-server-config" in values["singleuser"]["extraFiles"]
    assert "deploy/singleuser/jupyter_server_config.py" in (ROOT / "deploy" / "z2jh-values.yaml").read_text()
    # No image is named for the department: it must be given (never a placeholder that pulls nothing).
    assert values["singleuser"]["image"]["name"] == ""
    # The test's dummy log-in and account-less spawner never ship: the system's accounts (PAM,
    # JupyterHub's default) and LocalProcessSpawner (or SystemdSpawner, commented).
    assert "authenticator_class" not in hub.JupyterHub
    assert hub.JupyterHub.spawner_class == "jupyterhub.spawner.LocalProcessSpawner"


def test_plot_assets_install_as_a_served_extension(tmp_path):
    static = tmp_path / "share" / "jupyter" / "labextensions" / assets.EXTENSION / "static"
    static.mkdir(parents=True)
    stale = [static / "plotly-widget-7.1.0-43438124205c.js", static / "plotly-4.0.0-000000000000.js"]
    for old in stale:
        old.write_text("// an older copy")
    root = assets.install(tmp_path)
    package = json.loads((root / "package.json").read_text())
    assert package["name"] == assets.EXTENSION
    assert (root / package["jupyterlab"]["_build"]["load"]).exists()
    bundles = list((root / "static").glob("plotly-*.js"))
    assert len(bundles) == 1 and bundles[0].read_bytes() == assets.plotly_js_file().read_bytes()
    assert bundles[0].name == assets.bundle_name() and not any(old.exists() for old in stale)


def test_figures_carry_the_file_name_not_the_bundle(tmp_path, monkeypatch):
    from biomech.app.figure import PlotFigure

    assets.install(tmp_path)
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "share" / "jupyter"))
    state = PlotFigure({"data": [], "layout": {}}).get_state()
    assert state["_plotly_path"] == assets.installed_path() == f"{assets.EXTENSION}/static/{assets.bundle_name()}"
    assert state["_plotly_source"] == "", "each figure would send plotly.js (4.8 MB) to the browser"
    # The browser resolves the path against the page's extensions URL (JupyterLab or Voila).
    # The module stays small (it must load within anywidget's 2 s start; plotly.js is 4.8 MB):
    # 10.0 kB since a figure that fails marks it for the app's picture (biomech/app/poster.py).
    assert "fullLabextensionsUrl" in state["_esm"] and len(state["_esm"]) < 11_000
