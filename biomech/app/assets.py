"""plotly.js, served to the browser once per page as a file instead of inside every figure,
and a small accessibility helper that every page with widgets runs.

The figures (:mod:`biomech.app.figure`) draw with plotly.js, a 4.8 MB script that ships
with the plotly Python package. Carried in each figure's widget state, it would reach the
browser once per figure (the explorer has three) and be parsed again each time; on a busy
classroom laptop that is slow.

So :func:`install` copies it, once, into a code-free JupyterLab extension folder
(``share/jupyter/labextensions/biomech-assets``) that JupyterLab (``/lab/extensions/...``)
and Voila (``/voila/labextensions/...``) both serve, offline. Each figure then names the
file (:func:`installed_path`) and the browser imports it once per page. Without the
install (e.g. a Jupyter server from another environment), figures carry the script
themselves: slower, never broken.

The same extension's entry script (loaded by JupyterLab and Voila at page start) also
runs :data:`ACCESS_JS`, which names what ipywidgets 8 leaves unnamed for a screen reader
(see its comment). Installing happens only in ``tools/setup_jupyter.py`` (run by ``make`` and Binder's
``postBuild``) or by an explicit call::

    python -c "from biomech.app.assets import install; install()"

Importing this module, or building a figure, writes nothing and does not import plotly's
Python package (it only locates the file inside it).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import shutil
import sys
from functools import cache
from pathlib import Path

from .. import __version__

#: Name of the folder among the JupyterLab extensions (a valid, code-free extension).
EXTENSION = "biomech-assets"

#: The page's accessibility helper. ipywidgets 8 draws a slider's handle (the part that
#: takes the keyboard) with role "slider" but no name, and a toggle button without saying
#: whether it is pressed; a screen reader then says "slider, 0.5" and "button". This
#: names each handle after its slider's label (else its tooltip), gives toggle buttons
#: ``aria-pressed`` (kept current), names each group of toggle buttons after its label,
#: and makes a box with the class ``bm-live`` a polite live region (its text is read out
#: when it changes; biomech's scene description). It only adds attributes that are
#: missing, for every widget on the page, as widgets appear and change.
ACCESS_JS = r"""
(function () {
  if (typeof document === "undefined" || window.__biomechAccess) return;
  window.__biomechAccess = true;
  var text = function (node) { return node ? node.textContent.replace(/\s+/g, " ").trim() : ""; };
  var label = function (widget) {
    var own = widget && widget.querySelector(":scope > .widget-label");
    return text(own) || (widget && widget.getAttribute("title")) || "";
  };
  var fix = function (root) {
    if (!root.querySelectorAll) return;
    var all = function (selector) {
      var found = Array.prototype.slice.call(root.querySelectorAll(selector));
      if (root.matches && root.matches(selector)) found.push(root);
      return found;
    };
    all(".noUi-handle[role=slider]").forEach(function (handle) {
      if (handle.getAttribute("aria-label") || handle.getAttribute("aria-labelledby")) return;
      var name = label(handle.closest(".widget-slider, .jupyter-widget-slider, .widget-hslider, .widget-vslider"));
      if (name) handle.setAttribute("aria-label", name);
    });
    all(".widget-toggle-button").forEach(function (button) {
      var pressed = button.classList.contains("mod-active") ? "true" : "false";
      if (button.getAttribute("aria-pressed") !== pressed) button.setAttribute("aria-pressed", pressed);
    });
    all(".widget-toggle-buttons").forEach(function (group) {
      if (!group.getAttribute("role")) group.setAttribute("role", "group");
      var name = label(group);
      if (name && !group.getAttribute("aria-label")) group.setAttribute("aria-label", name);
    });
    all(".bm-live").forEach(function (region) {
      if (!region.getAttribute("aria-live")) {
        region.setAttribute("role", "status");
        region.setAttribute("aria-live", "polite");
      }
    });
  };
  var start = function () {
    fix(document.body);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        if (change.type === "attributes") fix(change.target);
        else change.addedNodes.forEach(function (node) { if (node.nodeType === 1) fix(node); });
      });
    }).observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ["class"]});
  };
  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
"""

#: A federated extension with no plugins: JupyterLab and Voila load its entry point at
#: page start (which runs :data:`ACCESS_JS`), find nothing to load, and otherwise only
#: serve its static files.
REMOTE_ENTRY = (
    ACCESS_JS
    + f"""\
var _JUPYTERLAB = (window._JUPYTERLAB = window._JUPYTERLAB || {{}});
_JUPYTERLAB["{EXTENSION}"] = {{
  init: function () {{ return Promise.resolve(); }},
  get: function (module) {{ return Promise.reject(new Error("{EXTENSION} has no module " + module)); }}
}};
"""
)


def plotly_js_file() -> Path:
    """plotly.js as shipped with the plotly package (located, not imported: importing
    plotly costs time the figures do not need)."""
    spec = importlib.util.find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the plotly package is not installed; it ships the plotly.js the figures draw with")
    return Path(spec.submodule_search_locations[0]) / "package_data" / "plotly.min.js"


@cache
def bundle_name() -> str:
    """File name of the installed copy: plotly.js version and a content hash, so a new
    plotly never meets a browser's cached old copy."""
    data = plotly_js_file().read_bytes()
    version = re.search(rb"plotly\.js v([0-9][0-9A-Za-z.+-]*)", data[:500])
    digest = hashlib.sha256(data).hexdigest()[:12]
    return f"plotly-{version.group(1).decode() if version else 'unknown'}-{digest}.js"


@cache
def plotly_js_source() -> str:
    """The plotly.js source, for figures in an environment without the install."""
    return plotly_js_file().read_text(encoding="utf-8")


def install(prefix=None) -> Path:
    """Write the extension folder under ``prefix`` (default: this Python's prefix),
    replacing any older plotly.js copies in it; returns the folder."""
    root = Path(prefix or sys.prefix) / "share" / "jupyter" / "labextensions" / EXTENSION
    static = root / "static"
    static.mkdir(parents=True, exist_ok=True)
    name = bundle_name()
    for old in static.glob("plotly-*.js"):  # also plotly's former widget bundle (plotly-widget-*.js)
        if old.name != name:
            old.unlink()
    bundle = static / name
    if not bundle.exists():
        shutil.copyfile(plotly_js_file(), bundle)
    (static / "remoteEntry.js").write_text(REMOTE_ENTRY)
    package = {
        "name": EXTENSION,
        "version": __version__,
        "description": "biomech: plotly.js served once per page",
        "jupyterlab": {"_build": {"load": "static/remoteEntry.js"}},
    }
    (root / "package.json").write_text(json.dumps(package, indent=2) + "\n")
    return root


def install_is_current(prefix=None) -> bool:
    """True when the extension folder's entry script is this version's (:func:`install`
    writes it; an older install lacks the accessibility helper). Only looks."""
    from jupyter_core.paths import jupyter_path

    folders = (
        [Path(prefix) / "share" / "jupyter" / "labextensions"] if prefix else map(Path, jupyter_path("labextensions"))
    )
    for folder in folders:
        entry = folder / EXTENSION / "static" / "remoteEntry.js"
        if entry.is_file():
            return entry.read_text() == REMOTE_ENTRY
    return False


def installed_path() -> str | None:
    """URL path of the installed plotly.js relative to the page's extensions URL (e.g.
    ``biomech-assets/static/plotly-4.1.1-<hash>.js``), or None. Only looks; never writes."""
    from jupyter_core.paths import jupyter_path

    name = bundle_name()
    for folder in jupyter_path("labextensions"):
        if (Path(folder) / EXTENSION / "static" / name).is_file():
            return f"{EXTENSION}/static/{name}"
    return None
