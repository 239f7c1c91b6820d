"""Finish the Jupyter set-up of an environment that has biomech installed.

Run by `make` after `pip install`, and by Binder's `postBuild`:

* installs plotly.js (shipped with the plotly package) as a file JupyterLab and Voila
  serve (see biomech/app/assets.py), so each page loads it once instead of once per
  figure (figures never install it themselves);
* turns off JupyterLab's "get notified about official Jupyter news?" prompt and its news
  fetch (a classroom network may be offline, and the prompt distracts), for this
  environment only (an overrides.json next to the environment's JupyterLab).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from biomech.app.assets import install

SETTINGS = {"@jupyterlab/apputils-extension:notification": {"checkForUpdates": False, "fetchNews": "false"}}


def write_overrides(prefix: Path) -> Path:
    path = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    current = json.loads(path.read_text()) if path.exists() else {}
    for plugin, values in SETTINGS.items():
        current.setdefault(plugin, {}).update(values)
    path.write_text(json.dumps(current, indent=2) + "\n")
    return path


def main() -> None:
    prefix = Path(sys.prefix)
    print(f"plot assets: {install(prefix)}")
    print(f"JupyterLab settings: {write_overrides(prefix)}")


if __name__ == "__main__":
    main()
