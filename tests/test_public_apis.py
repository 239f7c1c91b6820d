"""biomech uses only the public APIs of its widget and plotting libraries, and importing it
changes nothing outside the process.

* Importing ``biomech``, ``biomech.app`` and ``biomech.views`` (and building a figure)
  writes no file, and puts nothing but real modules into ``sys.modules`` (a ``None``
  entry there hides a package from the whole kernel); nor does it import plotly's Python
  package (``plotly.graph_objects`` costs seconds to import).
* No private attribute of plotly, traitlets, ipywidgets or anywidget is used in
  ``biomech/``, no ``sys.modules`` entry is written, and nothing calls the C library
  (``ctypes``, ``mallopt``). The scanner is itself tested on planted examples.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "biomech"

# --------------------------------------------------------------- import side effects

# Runs in a fresh interpreter: records every file the imports open for writing (or
# create, move, delete) through Python's audit hooks, and every sys.modules entry that
# is added or replaced. typing is imported first: it puts two classes into sys.modules
# itself ("typing.io", "typing.re"), which is the standard library, not biomech.
_IMPORT_PROBE = r"""
import json, os, sys, types, typing

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
CHANGES = {"os.mkdir", "os.rename", "os.remove", "os.rmdir", "os.symlink", "os.link", "os.truncate", "os.chmod",
           "os.utime", "os.chown", "shutil.copyfile", "shutil.copytree", "shutil.move", "shutil.rmtree",
           "tempfile.mkstemp", "tempfile.mkdtemp"}
writes = []


def hook(event, args):
    if event == "open" and isinstance(args[2], int) and args[2] & WRITE_FLAGS:
        writes.append(f"open {args[0]} (mode {args[1]})")
    elif event in CHANGES:
        writes.append(f"{event} {args[0]}")


sys.addaudithook(hook)
before = dict(sys.modules)
import biomech, biomech.app, biomech.views
from biomech.app.figure import show

show({"data": [{"type": "scatter", "x": [0.0, 1.0], "y": [1.0, None]}], "layout": {}})
changed = {name: repr(module) for name, module in sys.modules.items()
           if (name not in before or before[name] is not module) and not isinstance(module, types.ModuleType)}
plotly = sorted(name for name in sys.modules if name == "plotly" or name.startswith("plotly."))
print(json.dumps({"writes": writes, "not_modules": changed, "plotly": plotly}))
"""


def _listing(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` with its size and modification time."""
    if not folder.exists():
        return {}
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


def test_importing_biomech_writes_nothing_and_leaves_sys_modules_alone(tmp_path):
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
    env.update(
        HOME=str(home),
        JUPYTER_DATA_DIR=str(home / "data"),
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
    )
    shared = Path(sys.prefix) / "share" / "jupyter"
    before = _listing(shared)
    out = subprocess.run(
        [sys.executable, "-c", _IMPORT_PROBE], cwd=work, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    probe = json.loads(out.stdout.strip().splitlines()[-1])
    assert probe["writes"] == [], "importing biomech (or building a figure) wrote files:\n" + "\n".join(probe["writes"])
    assert _listing(shared) == before, f"{shared} changed"
    assert list(home.iterdir()) == [] and list(work.iterdir()) == []
    assert probe["not_modules"] == {}, f"sys.modules entries that are not modules: {probe['not_modules']}"
    assert probe["plotly"] == [], f"plotly's Python package was imported: {probe['plotly']}"


# --------------------------------------------------------------- private APIs

#: anywidget's documented way to give a widget its front-end code and style.
DOCUMENTED = {"_esm", "_css"}


def _private(names) -> set[str]:
    # IPython's display hooks (_repr_*_, _ipython_*_) are its public protocol, not private.
    return {
        n for n in names if n.startswith("_") and not n.startswith("__") and not n.startswith(("_repr_", "_ipython_"))
    } - DOCUMENTED


@pytest.fixture(scope="module")
def private_names() -> tuple[set[str], set[str]]:
    """(names private to the widget libraries, names private to any of the libraries):
    single-underscore attributes of their base classes and of instances of them."""
    import anywidget
    import ipywidgets
    import traitlets
    from plotly.basedatatypes import BaseFigure
    from plotly.basewidget import BaseFigureWidget

    widget_classes = (traitlets.HasTraits, ipywidgets.Widget, ipywidgets.DOMWidget, anywidget.AnyWidget)
    widgets = _private(name for cls in widget_classes for name in dir(cls))
    widgets |= _private(dir(ipywidgets.DOMWidget())) | _private(dir(anywidget.AnyWidget()))
    plotly = _private(dir(BaseFigure)) | _private(dir(BaseFigureWidget))
    plotly |= _private(dir(BaseFigure({})))  # _data, _layout_obj, ... are set per instance
    return widgets, widgets | plotly


def _own_names(cls: ast.ClassDef) -> dict[str, ast.AST]:
    """Names a class defines itself (in its body, and as ``self.<name> = ...`` in its
    methods), each with the node that defines it."""
    names = {}
    for node in cls.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.setdefault(node.name, node)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                if isinstance(target, ast.Name):
                    names.setdefault(target.id, node)
    for node in ast.walk(cls):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) and _is_self(node.value):
            names.setdefault(node.attr, node)
    return names


def _is_self(node) -> bool:
    return isinstance(node, ast.Name) and node.id in ("self", "cls")


def _is_sys_modules(node) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "modules"
        and isinstance(node.value, ast.Name)
        and node.value.id == "sys"
    )


class _Scanner(ast.NodeVisitor):
    """Collects uses of private library attributes, sys.modules writes and C library calls."""

    def __init__(self, filename, widget_private, all_private):
        self.filename, self.widget_private, self.all_private = filename, widget_private, all_private
        self.classes = []  # own names of the enclosing classes, innermost last
        self.found = []

    def report(self, node, what):
        self.found.append(f"{self.filename}:{node.lineno}: {what}")

    def visit_ClassDef(self, node):
        own = _own_names(node)
        # Defining a widget library's private name overrides its private hooks or storage.
        for name in sorted(own.keys() & self.widget_private):
            self.report(own[name], f"class {node.name} defines {name}, private to ipywidgets/traitlets/anywidget")
        self.classes.append(own)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Attribute(self, node):
        name = node.attr
        if name in self.all_private:
            # A class's own private attribute that happens to share a library's name is its own.
            own = self.classes and _is_self(node.value) and name in self.classes[-1] and name not in self.widget_private
            if not own:
                self.report(node, f"private attribute .{name}")
        if _is_sys_modules(node.value) and name in ("setdefault", "update", "pop", "popitem", "clear", "__setitem__"):
            self.report(node, f"sys.modules.{name}")
        if name == "mallopt":
            self.report(node, "mallopt")
        self.generic_visit(node)

    def visit_Call(self, node):
        if (
            isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "setattr", "hasattr", "delattr")
            and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant)
            and node.args[1].value in self.all_private
        ):
            self.report(node, f"{node.func.id}(..., {node.args[1].value!r})")
        self.generic_visit(node)

    def visit_Subscript(self, node):
        if _is_sys_modules(node.value) and isinstance(node.ctx, (ast.Store, ast.Del)):
            self.report(node, "sys.modules[...] written")
        self.generic_visit(node)

    def visit_Import(self, node):
        for alias in node.names:
            if alias.name.split(".")[0] == "ctypes":
                self.report(node, "import ctypes")
        self.generic_visit(node)

    def visit_ImportFrom(self, node):
        if (node.module or "").split(".")[0] == "ctypes" or any(a.name == "mallopt" for a in node.names):
            self.report(node, f"from {node.module} import ...")
        self.generic_visit(node)

    def visit_Name(self, node):
        if node.id == "mallopt":
            self.report(node, "mallopt")


def scan(source: str, filename: str, names: tuple[set[str], set[str]]) -> list[str]:
    scanner = _Scanner(filename, *names)
    scanner.visit(ast.parse(source, filename))
    return scanner.found


def _package_files() -> list[Path]:
    # The package and the project's Jupyter configuration (tools/jupyter: Voila's kernel
    # manager and identity provider subclasses), which also keep to public APIs.
    return sorted(PACKAGE.rglob("*.py")) + sorted((ROOT / "tools" / "jupyter").rglob("*.py"))


def test_biomech_uses_only_public_apis(private_names):
    found = []
    for path in _package_files():
        found += scan(path.read_text(), str(path.relative_to(ROOT)), private_names)
    assert found == [], "private APIs, sys.modules writes or C library calls in biomech/:\n" + "\n".join(found)


PLANTED = """
import sys
import ctypes
import anywidget

sys.modules["rfc3987_syntax"] = None
sys.modules.setdefault("rfc3987_syntax", None)
ctypes.CDLL("libc.so.6").mallopt(-3, 1)


class Figure(anywidget.AnyWidget):
    _esm = "export default {}"
    _css = ".x {}"

    def get_state(self, key=None, drop_defaults=False):
        self._trait_values["_widget_data"] = list(self._data)
        return super().get_state(key, drop_defaults)

    def _handle_custom_msg(self, content, buffers):
        pass


class Explorer:
    def _layout(self):
        return []

    def build(self, fig):
        fig._send_update_msg(restyle_data={}, relayout_data={}, trace_indexes=[])
        fig._perform_plotly_relayout({})
        getattr(fig, "_data_objs")
        fig._layout
        return self._layout()
"""


def test_the_scanner_finds_planted_uses(private_names):
    found = scan(PLANTED, "planted.py", private_names)
    lines = {int(f.split(":")[1]) for f in found}
    text = "\n".join(found)
    planted = PLANTED.splitlines()

    def line_of(fragment):
        return next(i for i, line in enumerate(planted, 1) if fragment in line)

    for fragment in (
        "import ctypes",
        'sys.modules["rfc3987_syntax"]',
        "sys.modules.setdefault",
        "mallopt",
        "self._trait_values",
        "list(self._data)",
        "def _handle_custom_msg",
        "fig._send_update_msg",
        "fig._perform_plotly_relayout",
        'getattr(fig, "_data_objs")',
        "fig._layout",
    ):
        assert line_of(fragment) in lines, f"not reported: {fragment}\n{text}"
    # anywidget's documented _esm/_css and a class's own method of a name plotly also uses are fine.
    for fragment in ("_esm = ", "_css = ", "return self._layout()"):
        assert line_of(fragment) not in lines, f"reported wrongly: {fragment}\n{text}"
