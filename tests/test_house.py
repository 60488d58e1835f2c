"""The shape of the code: layers that import one way, packages that own their names, small modules.

Read from the source with ``ast``, so a new module is held to the same rules
without being added to any list.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "src" / "growtui"

# Lower layers never import higher ones (within a layer, anything goes).
LAYERS: dict[str, int] = {
    "growtui": 0,
    "errors": 0,
    "safetext": 0,
    "paths": 0,
    "model": 0,
    "storage": 1,
    "crypto": 1,
    "index": 1,
    "library": 1,
    "config": 1,
    "i18n": 1,  # the interface's texts: tables, and nothing of the layers above (a first frame needs them early)
    "crash": 1,
    "conversation": 2,
    "erasure": 2,  # deleting and forgetting: over storage, crypto and the index
    "render": 3,
    "widgets": 4,
    "first_frame": 4,  # the first frame as plain data; made from a live session by the widgets' own functions
    "dialogs": 4,
    "screens": 5,
    "app": 6,
    "driver": 6,
    "safety": 6,  # the app's last line of defence, a mixin of the app
    "looking_back": 6,  # the look into the index after a new conversation opened, a mixin of the app
    "sketched": 6,  # the start behind a first frame drawn from plain data, a mixin of the app
    "cli": 7,
    "__main__": 7,  # the entry points: the command line starts the app
}
UI = {"app", "driver", "safety", "looking_back", "sketched", "screens", "dialogs", "widgets"}


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py"))


def dotted(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def room(module: str) -> str:
    """The layer name of ``growtui.x.y``: its first part below growtui (growtui itself for the package)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "growtui"


def imports(path: Path) -> list[tuple[int, str]]:
    """``(line, module)`` for every growtui import outside ``if TYPE_CHECKING:`` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            typing_only.update(id(child) for stmt in node.body for child in ast.walk(stmt))
    found = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.startswith("growtui")]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("growtui"):
            if node.module == "growtui":  # from growtui import paths: the module named
                found += [(node.lineno, f"growtui.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, node.module))
    return found


def test_every_room_has_a_layer():
    rooms = {room(dotted(p)) for p in modules()}
    assert rooms <= LAYERS.keys(), sorted(rooms - LAYERS.keys())


def test_imports_run_one_way():
    upward = []
    for path in modules():
        here = room(dotted(path))
        for line, target in imports(path):
            there = room(target)
            if there in LAYERS and LAYERS[there] > LAYERS[here]:
                upward.append(f"{path.relative_to(ROOT)}:{line}: {here} imports {target}")
    assert not upward, "\n".join(upward)


def test_no_widget_or_dialog_imports_a_screen():
    found = [
        f"{p.relative_to(ROOT)}:{line}"
        for p in modules()
        if room(dotted(p)) in ("widgets", "dialogs")
        for line, target in imports(p)
        if room(target) == "screens"
    ]
    assert not found, found


def test_modules_stay_small_and_the_root_stays_short():
    long = [f"{p.relative_to(ROOT)}: {n}" for p in modules() if (n := len(p.read_text().splitlines())) > 400]
    assert not long, long
    root = [p.name for p in PACKAGE.glob("*.py")]
    assert len(root) <= 14, root


def _lazy_packages() -> list[str]:
    return [dotted(p) for p in PACKAGE.rglob("__init__.py") if "_EXPORTS" in p.read_text()]


@pytest.mark.parametrize("package", _lazy_packages())
def test_a_package_owns_its_names_and_its_type_checking_imports_say_the_same(package):
    """``__all__`` is what ``_EXPORTS`` maps, each name resolves, and mypy sees the same names and modules."""
    module = importlib.import_module(package)
    assert module.__all__ == sorted(module._EXPORTS)
    for name in module.__all__:
        assert getattr(module, name) is getattr(importlib.import_module(f"{package}.{module._EXPORTS[name]}"), name)
    init = PACKAGE.parent.joinpath(*package.split("."), "__init__.py")
    declared = {}
    for node in ast.walk(ast.parse(init.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(f"{package}."):
            for alias in node.names:
                assert alias.asname == alias.name, f"{alias.name}: written 'X as X' so it is a re-export"
                declared[alias.name] = node.module.removeprefix(f"{package}.")
    assert declared == module._EXPORTS


def test_an_unknown_name_is_an_attribute_error():
    import growtui.storage

    with pytest.raises(AttributeError):
        growtui.storage.NoSuchThing  # noqa: B018
