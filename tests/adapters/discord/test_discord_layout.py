"""The adapter's modules depend on each other one way, each says what it is for, and none silences mypy."""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import adapters.discord

PACKAGE = Path(adapters.discord.__file__).parent
PREFIX = "adapters.discord."


def _sibling_imports(path: Path) -> set[str]:
    """The adapter modules a file imports, at any depth (TYPE_CHECKING and function-level included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith(PREFIX):
                found.add(node.module.removeprefix(PREFIX).split(".")[0])
            elif node.module == "adapters.discord":
                found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name.removeprefix(PREFIX).split(".")[0] for a in node.names if a.name.startswith(PREFIX)}
    return found


def test_no_import_cycle_between_the_adapter_modules() -> None:
    graph = {path.stem: _sibling_imports(path) for path in PACKAGE.glob("*.py")}
    order = list(graphlib.TopologicalSorter(graph).static_order())  # raises CycleError on a cycle
    assert order.index("client") < order.index("runner")
    assert not graph["views"] and not graph["inbound"] and "client" not in graph["teams"]


def test_every_module_has_a_docstring_and_no_type_ignore() -> None:
    for path in PACKAGE.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert ast.get_docstring(ast.parse(source)), path.name
        assert "type: ignore" not in source, path.name
