"""Classroom paths that can be checked without a network: the lab and app commands bind to
loopback with a token, Binder's files, the links course staff share, and the plot assets
every page loads once."""
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


def make_dry_run(target):
    """The commands `make <target>` would run (with the environment already set up)."""
    out = subprocess.run(["make", "-n", "-o", ".venv/.installed-stamp", target], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    return out.stdout


def test_lab_and_app_bind_to_loopback_and_keep_the_token():
    lab = make_dry_run("lab")
    assert "--ip=127.0.0.1" in lab and "notebooks/00_start_here.ipynb" in lab
    app = make_dry_run("app")
    assert "--Voila.ip=127.0.0.1" in app and re.search(r"--token(\s|$)", app)
    assert "notebooks/explorer_app.ipynb" in app and "--template=biomech" in app
    for command in (lab, app):
        assert not re.search(r"token=''|token=\"\"|--no-token|disable_check_xsrf", command)


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
    assert os.access(post_build, os.X_OK) and "tools/setup_jupyter.py" in post_build.read_text()


def test_links_open_files_that_exist():
    links = classroom_links.binder_links("https://github.com/OWNER/biomech")
    for link in links.values():
        path = unquote(parse_qs(urlparse(link).query)["urlpath"][0]).split("/", 2)[-1]
        assert (ROOT / path).exists(), path
    hub = classroom_links.nbgitpuller_link("https://hub.example.edu", "https://github.com/OWNER/biomech")
    query = parse_qs(urlparse(hub).query)
    assert query["repo"] == ["https://github.com/OWNER/biomech"]
    assert (ROOT / query["urlpath"][0].removeprefix("lab/tree/biomech/")).exists()
    readme = (ROOT / "README.md").read_text()
    assert "mybinder.org/v2/gh/" in readme and "urlpath=lab%2Ftree%2Fnotebooks%2F00_start_here.ipynb" in readme


def test_plot_assets_install_as_a_served_extension(tmp_path):
    root = assets.install(tmp_path)
    package = json.loads((root / "package.json").read_text())
    assert package["name"] == assets.EXTENSION
    assert (root / package["jupyterlab"]["_build"]["load"]).exists()
    bundles = list((root / "static").glob("plotly-widget-*.js"))
    assert len(bundles) == 1 and bundles[0].read_bytes() == assets.PLOTLY_WIDGET.read_bytes()
    shim = assets.SHIM % {"path": f"{assets.EXTENSION}/static/{bundles[0].name}"}
    assert "fullLabextensionsUrl" in shim and bundles[0].name in shim and len(shim) < 1000


def test_figures_carry_the_short_import_not_the_bundle():
    from biomech.app.figure import LiveFigure

    esm = LiveFigure({"data": [], "layout": {}}).get_state()["_esm"]
    assert len(esm) < 1000, "each figure would send plotly's 5 MB bundle to the browser"
    assert assets._installed() in esm
