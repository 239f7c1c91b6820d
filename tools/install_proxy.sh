#!/usr/bin/env bash
# Install JupyterHub's proxy, the npm package configurable-http-proxy, into the project's
# own folder (.venv/node/ by default): nothing is installed globally and nothing outside
# the project is needed at run time. deploy/jupyterhub_config.py and the hub test
# (tests/hub/) look for it there first, then on PATH.
#
# Idempotent: does nothing when the wanted version is already installed. Needs Node.js
# (and npm); on Debian/Ubuntu it installs the `nodejs` and `npm` packages when they are
# missing (as root, or through sudo).
#
# Usage: bash tools/install_proxy.sh [PREFIX]     (PREFIX defaults to .venv/node)
set -euo pipefail

# 5.3 runs on Node 20 (npm may print an "unsupported engine" warning, which is harmless).
VERSION="5.3"
PREFIX="${1:-${PROXY_PREFIX:-.venv/node}}"
BIN="$PREFIX/node_modules/.bin/configurable-http-proxy"

installed_version() {
    # The version in the installed package.json, or nothing.
    local manifest="$PREFIX/node_modules/configurable-http-proxy/package.json"
    [ -f "$manifest" ] || return 0
    sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$manifest" | head -n 1
}

case "$(installed_version)" in
    "$VERSION".*)
        if [ -x "$BIN" ]; then
            echo "install_proxy: configurable-http-proxy $(installed_version) found at $BIN; nothing to do."
            exit 0
        fi
        ;;
esac

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        if [ "$(id -u)" -eq 0 ]; then
            SUDO=""
        elif command -v sudo >/dev/null 2>&1; then
            SUDO="sudo"
        else
            echo "install_proxy: Node.js/npm are missing and installing them needs root (no sudo here)." >&2
            echo "  As root run: apt-get update && apt-get install -y nodejs npm" >&2
            exit 1
        fi
        echo "install_proxy: installing Debian's nodejs and npm packages."
        $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update
        $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm
    else
        echo "install_proxy: Node.js and npm are needed for JupyterHub's proxy; install them" >&2
        echo "  with your system's package manager (e.g. brew install node), then run make again." >&2
        exit 1
    fi
fi

mkdir -p "$PREFIX"
echo "install_proxy: installing configurable-http-proxy@$VERSION into $PREFIX (npm)."
# --no-audit/--no-fund: no extra requests besides the registry's packages.
npm install --prefix "$PREFIX" --no-audit --no-fund --loglevel=error "configurable-http-proxy@$VERSION"
if [ ! -x "$BIN" ]; then
    echo "install_proxy: npm finished but $BIN is missing." >&2
    exit 1
fi
echo "install_proxy: configurable-http-proxy $(installed_version) installed at $BIN."
