#!/usr/bin/env bash
# Install the Chromium that the browser tests (tests/browser) drive through Playwright.
#
# Idempotent: does nothing when a Chromium executable is already there. We use the
# operating system's Chromium, never `playwright install`: that downloads a browser
# build of Playwright's own, which fails on machines that reach package registries only.
#
# Search order (the same as tests/browser/chromium.py): $CHROMIUM, /usr/lib/chromium/chromium,
# /usr/bin/chromium.
set -euo pipefail

if [ -n "${CHROMIUM:-}" ]; then
    # An explicit choice is used as it is (the tests do the same), never replaced.
    if [ -f "$CHROMIUM" ] && [ -x "$CHROMIUM" ]; then
        echo "install_browser: \$CHROMIUM=$CHROMIUM is executable; nothing to do."
        exit 0
    fi
    echo "install_browser: \$CHROMIUM is set to '$CHROMIUM', which is not an executable file." >&2
    echo "  Point it at a Chromium executable, or unset it to use the system package." >&2
    exit 1
fi

# Prints the system Chromium's path and succeeds, or fails quietly.
find_chromium() {
    for candidate in /usr/lib/chromium/chromium /usr/bin/chromium; do
        if [ -f "$candidate" ] && [ -x "$candidate" ]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

if found=$(find_chromium); then
    echo "install_browser: Chromium found at $found; nothing to do."
    exit 0
fi

if command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
        SUDO=""
    elif command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install_browser: Chromium is missing and installing it needs root (no sudo here)." >&2
        echo "  As root run: apt-get update && apt-get install -y chromium" >&2
        exit 1
    fi
    echo "install_browser: installing Debian's chromium package (about 35 s)."
    # DEBIAN_FRONTEND keeps apt from asking questions on a machine with no terminal (CI).
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update
    if ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; then
        echo "install_browser: 'apt-get install chromium' failed." >&2
        echo "  On Ubuntu, Chromium comes as a snap or a PPA package: install it that way and" >&2
        echo "  set CHROMIUM to its executable (e.g. a Google Chrome or Chromium .deb)." >&2
        exit 1
    fi
    if found=$(find_chromium); then
        echo "install_browser: Chromium installed at $found."
        exit 0
    fi
    echo "install_browser: apt-get finished but no Chromium executable was found." >&2
    exit 1
fi

cat >&2 <<'MSG'
install_browser: no Chromium found, and this is not a Debian/Ubuntu system (no apt-get).
  Install Chromium (or Google Chrome) with your system's package manager, e.g.
    macOS:   brew install --cask chromium
    Fedora:  sudo dnf install chromium
    Arch:    sudo pacman -S chromium
  then point the tests at it:
    export CHROMIUM=/path/to/chromium
  (Do not use `playwright install`: the tests drive the system browser.)
MSG
exit 1
