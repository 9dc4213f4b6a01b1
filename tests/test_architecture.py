"""The apps depend on each other in one direction, read from the source with the `ast` module.

front → parents → routes → directory → regions, with accounts beside directory: an app imports only apps below it.
A function-level import of our own code exists only to dodge a cycle, so there is none (Django's `ready()` hook
aside). And no module grows past about 400 lines: one that does becomes a package.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Lower numbers are lower layers; apps on the same layer may not import each other either.
LAYERS = {"regions": 0, "accounts": 1, "directory": 1, "routes": 2, "parents": 3, "front": 4}
OURS = {*LAYERS, "config"}
MAX_LINES = 400


def modules() -> list[Path]:
    return sorted(p for app in LAYERS for p in (ROOT / app).rglob("*.py") if "migrations" not in p.parts)


def imported(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        return [node.module]
    return []


def app_of(path: Path) -> str:
    return path.relative_to(ROOT).parts[0]


def test_every_app_is_checked():
    found = {p.parent.name for p in ROOT.glob("*/apps.py")}
    assert found == set(LAYERS), "a new app needs its place in LAYERS"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_an_app_imports_only_apps_below_it(path):
    app = app_of(path)
    upward = [
        f"{path.relative_to(ROOT)}:{node.lineno} imports {name}"
        for node in ast.walk(ast.parse(path.read_text()))
        for name in imported(node)
        if (other := name.split(".")[0]) in LAYERS and other != app and LAYERS[other] >= LAYERS[app]
    ]
    assert not upward, upward


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_function_imports_our_own_code(path):
    found = []
    for function in ast.walk(ast.parse(path.read_text())):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef) or function.name == "ready":
            continue
        for node in ast.walk(function):
            found += [f"{path.relative_to(ROOT)}:{node.lineno} {name}" for name in imported(node) if name.split(".")[0] in OURS]
    assert not found, found


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_outgrows_a_package(path):
    lines = len(path.read_text().splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines: split it by topic into a package"
