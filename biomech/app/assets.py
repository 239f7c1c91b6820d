"""Serve plotly's widget code to the browser once, as a file, instead of inside every figure.

A plotly FigureWidget carries its front-end code (plotly.js and the widget, about 5 MB)
in its own state. Each figure then sends those 5 MB to the browser, which parses them
again; the explorer has three figures. On a busy classroom laptop that takes longer than
the 2 s anywidget allows a widget to start, and the figure stops following the sliders
("[anywidget] Failed to initialize model").

So the code is installed once next to the JupyterLab extensions, in a folder that
JupyterLab (``/lab/extensions/...``) and Voila (``/voila/labextensions/...``) both
serve, offline. Each figure then carries only a few lines that import that file; the
browser fetches and runs it once per page. Without the file (e.g. a Jupyter server from
another environment), figures fall back to carrying the code themselves.

``python -c "from biomech.app.assets import install; install()"`` installs the file into
the current environment (``make`` does it); the first figure does it too when it can.
"""
from __future__ import annotations

import hashlib
import json
import logging
import shutil
import sys
from functools import lru_cache
from pathlib import Path

import plotly

from .. import __version__

log = logging.getLogger(__name__)

#: Name of the folder among the JupyterLab extensions (a valid, code-free extension).
EXTENSION = "biomech-assets"
PLOTLY_WIDGET = Path(plotly.__file__).parent / "package_data" / "widgetbundle.js"

#: A federated extension with nothing to load: JupyterLab and Voila load its entry point
#: at page start, find no plugins, and otherwise only serve its static files.
REMOTE_ENTRY = f"""\
var _JUPYTERLAB = (window._JUPYTERLAB = window._JUPYTERLAB || {{}});
_JUPYTERLAB["{EXTENSION}"] = {{
  init: function () {{ return Promise.resolve(); }},
  get: function (module) {{ return Promise.reject(new Error("{EXTENSION} has no module " + module)); }}
}};
"""

#: The few lines each figure carries: import the installed widget code from the
#: extensions URL of whichever page it is in (JupyterLab or Voila, any base URL).
SHIM = """\
const config = JSON.parse(document.getElementById("jupyter-config-data")?.textContent || "{}");
const extensions = (config.fullLabextensionsUrl || (config.baseUrl || "/") + "lab/extensions").replace(/\\/?$/, "/");
const widget = await import(new URL("%(path)s", new URL(extensions, window.location.href)).href);
export default widget.default;
"""


def _bundle_name():
    digest = hashlib.sha256(PLOTLY_WIDGET.read_bytes()).hexdigest()[:12]
    return f"plotly-widget-{plotly.__version__}-{digest}.js"


def install(prefix=None):
    """Write the extension folder under ``prefix`` (default: this Python's prefix);
    returns the folder."""
    root = Path(prefix or sys.prefix) / "share" / "jupyter" / "labextensions" / EXTENSION
    static = root / "static"
    static.mkdir(parents=True, exist_ok=True)
    bundle = static / _bundle_name()
    if not bundle.exists():
        for old in static.glob("plotly-widget-*.js"):
            old.unlink()
        shutil.copyfile(PLOTLY_WIDGET, bundle)
    (static / "remoteEntry.js").write_text(REMOTE_ENTRY)
    package = {"name": EXTENSION, "version": __version__, "description": "biomech: plotly widget code served once",
               "jupyterlab": {"_build": {"load": "static/remoteEntry.js"}}}
    (root / "package.json").write_text(json.dumps(package, indent=2) + "\n")
    return root


def _installed():
    """Relative URL path of the installed widget code, or None."""
    from jupyter_core.paths import jupyter_path

    name = _bundle_name()
    for folder in jupyter_path("labextensions"):
        if (Path(folder) / EXTENSION / "static" / name).exists():
            return f"{EXTENSION}/static/{name}"
    return None


@lru_cache(maxsize=None)
def widget_esm():
    """Front-end code for a figure widget: the short import shim when the widget code is
    installed (installing it into this environment if possible), else plotly's own file."""
    path = _installed()
    if path is None:
        try:
            install()
            path = _installed()
        except OSError as exc:  # read-only environment: figures carry the code instead
            log.info("could not install %s (%s); figures will carry plotly's code", EXTENSION, exc)
    return SHIM % {"path": path} if path else PLOTLY_WIDGET
