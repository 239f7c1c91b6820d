"""The code follows the team's style: ruff's lint rules and formatter, as configured in
pyproject.toml ([tool.ruff]), over the whole repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _ruff():
    """The ruff of this environment (a test dependency in pyproject.toml)."""
    local = Path(sys.executable).with_name("ruff")
    found = str(local) if local.exists() else shutil.which("ruff")
    if found is None:
        pytest.fail("ruff is not installed: it is a test dependency (pip install -e '.[test]')")
    return found


def test_ruff_lint_passes():
    run = subprocess.run([_ruff(), "check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_code_is_formatted():
    run = subprocess.run([_ruff(), "format", "--no-cache", "--check", "."], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, "run `ruff format .`:\n" + run.stdout + run.stderr
