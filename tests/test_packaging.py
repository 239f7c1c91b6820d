"""Set-up stays consistent: pyproject.toml and
environment.yml list the same packages and versions, CI runs the README's test command,
and the README gives both set-up commands."""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*?)\s*$")
#: Conda entries that are tooling, not project dependencies.
CONDA_ONLY = {"python", "pip"}


def _normalise(name):
    """PEP 503 name normalisation."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _spec(text):
    """Version specifier without spaces, clauses sorted (">=1, <2" == "<2,>=1")."""
    clauses = [c.strip().replace(" ", "") for c in text.split(",") if c.strip()]
    return ",".join(sorted(clauses))


def _parse(requirement):
    m = REQUIREMENT.match(requirement.split(";")[0].split("#")[0])
    assert m, f"cannot parse requirement {requirement!r}"
    return _normalise(m.group(1)), _spec(m.group(3))


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def _pyproject_requirements():
    project = _pyproject()["project"]
    reqs = list(project["dependencies"]) + list(project["optional-dependencies"]["test"])
    return reqs


def _environment():
    return yaml.safe_load((ROOT / "environment.yml").read_text())


def _conda_requirements():
    deps = _environment()["dependencies"]
    return [d for d in deps if isinstance(d, str)], [d for d in deps if isinstance(d, dict)]


def test_pyproject_and_environment_list_the_same_packages_and_versions():
    py = dict(_parse(r) for r in _pyproject_requirements())
    conda_strings, pip_sections = _conda_requirements()
    # Packages from PyPI only are in environment.yml's pip section (the package itself too).
    pip_lines = [line for section in pip_sections for line in section.get("pip", []) if not line.startswith("-e")]
    # conda uses "name=version" for an exact pin (python=3.11) and pip-style ranges otherwise.
    conda = dict(_parse(r) for r in conda_strings + pip_lines)
    conda = {k: v for k, v in conda.items() if k not in CONDA_ONLY}
    assert set(py) == set(conda), (
        f"only in pyproject: {sorted(set(py) - set(conda))}; only in environment.yml: {sorted(set(conda) - set(py))}"
    )
    different = {k: (py[k], conda[k]) for k in py if py[k] != conda[k]}
    assert not different, f"version ranges differ (pyproject, environment.yml): {different}"


def test_requirements_are_parsed_as_expected():
    """Guard the parser itself: names and ranges come out as written."""
    assert _parse("numpy>=2.4,<2.5") == ("numpy", "<2.5,>=2.4")
    assert _parse("ipywidgets >= 8.1.9, <8.2") == ("ipywidgets", "<8.2,>=8.1.9")
    assert _parse("Foo_Bar[extra]>=1") == ("foo-bar", ">=1")
    assert len(_pyproject_requirements()) >= 5


def test_environment_installs_the_package_and_a_matching_python():
    """environment.yml installs this package with pip (so conda/Binder users get the same
    code) and pins a Python that pyproject's requires-python allows."""
    conda_strings, pip_sections = _conda_requirements()
    pip_lines = [line for section in pip_sections for line in section.get("pip", [])]
    assert any(re.fullmatch(r"-e\s+\.(\[[a-z,]+\])?|\.(\[[a-z,]+\])?", line.strip()) for line in pip_lines), pip_lines
    python = [s for s in conda_strings if re.match(r"python\b", s)]
    assert len(python) == 1, python
    version = re.search(r"(\d+)\.(\d+)", python[0])
    required = re.fullmatch(r">=\s*(\d+)\.(\d+)", _pyproject()["project"]["requires-python"].strip())
    assert version and required
    assert tuple(map(int, version.groups())) >= tuple(map(int, required.groups()))
    assert "conda-forge" in _environment().get("channels", [])


def _readme():
    return (ROOT / "README.md").read_text()


def _readme_commands():
    """Shell commands in the README's fenced code blocks (comments stripped)."""
    blocks = re.findall(r"```(?:bash|sh|shell|console)?\n(.*?)```", _readme(), flags=re.S)
    commands = []
    for block in blocks:
        for line in block.splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                commands.append(line)
    return commands


def test_readme_gives_both_set_up_commands():
    """A fresh machine needs two README commands, one opens the lab and one
    runs the tests."""
    commands = _readme_commands()
    assert "make lab" in commands, commands
    assert "make test" in commands, commands
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^lab:", makefile, flags=re.M) and re.search(r"^test:", makefile, flags=re.M)


def test_ci_runs_the_readme_test_command():
    """.ci/run executes exactly the README's test command (make test), and is executable."""
    run = ROOT / ".ci" / "run"
    assert run.exists()
    assert run.stat().st_mode & 0o111, ".ci/run is not executable"
    lines = [line.split("#", 1)[0].strip() for line in run.read_text().splitlines()]
    commands = [shlex.split(line) for line in lines if line and not line.startswith(("set ", "cd "))]
    test_command = next(c for c in _readme_commands() if c.startswith("make test"))
    assert shlex.split(test_command) in commands, commands
    assert run.read_text().startswith("#!"), "missing shebang"
