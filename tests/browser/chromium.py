"""Find the system's Chromium and the flags to launch it with.

We drive the operating system's Chromium (Debian's ``chromium`` package, installed by
``tools/install_browser.sh``) rather than Playwright's own browser build: ``playwright
install`` downloads that build from outside the package registries, which fails on the
machines this project is developed and tested on.
"""

from __future__ import annotations

import os
from pathlib import Path

# Same order as tools/install_browser.sh. The real binary comes before Debian's
# /usr/bin/chromium shell wrapper: Playwright then talks to (and stops) the browser
# process itself, and the wrapper's flag-file handling is skipped.
CANDIDATES = ("/usr/lib/chromium/chromium", "/usr/bin/chromium")

# Why each flag:
#   --no-sandbox        the tests run as root in containers, where Chromium's sandbox cannot start
#   --disable-gpu       no GPU (and no display) on the test machines
#   --disable-quic, --disable-background-networking, --disable-component-update,
#   --disable-sync      Chromium otherwise phones home (updates, safe browsing, sync); on a
#                       machine without internet those connections fail many at a time and
#                       slow start-up. Nothing the pages under test need goes through them.
#   --no-first-run      no first-run UI or profile set-up
LAUNCH_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

MISSING_MESSAGE = (
    "No Chromium executable found (looked at $CHROMIUM, {candidates}).\n"
    "Run `tools/install_browser.sh` (as root, or with sudo, on Debian/Ubuntu; `make test` runs it "
    "for you), or install Chromium yourself and set CHROMIUM=/path/to/chromium. "
    "Do not use `playwright install`: these tests drive the system browser."
)


def find_chromium() -> str | None:
    """Return the path of the Chromium executable to use, or None if there is none.

    ``$CHROMIUM`` wins when set; an explicit setting that points nowhere is an error, not
    something to silently replace with another browser.
    """
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        if Path(explicit).is_file() and os.access(explicit, os.X_OK):
            return explicit
        raise FileNotFoundError(
            f"$CHROMIUM is set to {explicit!r}, which is not an executable file. "
            "Point it at a Chromium executable, or unset it to use the system package."
        )
    for candidate in CANDIDATES:
        if Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None
