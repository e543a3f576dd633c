"""The core stays platform-neutral, and the terminal path stays light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import bot

PLATFORMS = ("slack_bolt", "slack_sdk", "discord", "aiohttp")
FORBIDDEN = (*PLATFORMS, "adapters", "tests")
BOT = Path(bot.__file__).parent


def imported_modules(path: Path) -> list[str]:
    """Every absolute module a file imports, at any depth (function-level imports included)."""
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_bot_package_never_imports_a_platform_library_or_an_adapter() -> None:
    offenders = [
        f"{path.relative_to(BOT)}: {name}"
        for path in BOT.rglob("*.py")
        for name in imported_modules(path)
        if name.split(".")[0] in FORBIDDEN
    ]
    assert offenders == []


def test_the_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def later():\n    from adapters.cli.main import main\n    import slack_sdk\n")
    assert imported_modules(sample) == ["adapters.cli.main", "slack_sdk"]


def test_bot_top_level_stays_small() -> None:
    """A newcomer sees the core's rooms at a glance: at most ten modules at the top, the rest in folders."""
    top = sorted(p.name for p in BOT.glob("*.py"))
    assert len(top) <= 10, top


def test_terminal_chat_loads_no_platform_library() -> None:
    script = (
        "import sys, io\n"
        "from adapters.cli.main import main\n"
        "main(['chat', '--db', ':memory:', '--user', 'x'], stdin=io.StringIO('help\\n'), stdout=io.StringIO())\n"
        f"loaded = [m for m in sys.modules if m.split('.')[0] in {PLATFORMS!r}]\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


# What each core subpackage may import from the rest of bot/ (besides itself): the rules in
# docs/architecture.md. Top-level modules (engine, service, ...) are the glue and may import any.
ALLOWED_INSIDE_BOT = {
    "playbooks": set(),
    "understanding": {"playbooks"},
    "valuation": {"understanding", "playbooks", "messages", "markup"},
    "negotiation": {"understanding", "valuation", "playbooks", "messages", "markup", "session", "commands",
                    "flow"},
    "checklists": {"understanding", "valuation", "playbooks", "messages", "markup", "session", "commands",
                   "flow"},
    "storage": {"messages", "session"},
    "teams": {"playbooks", "storage", "port", "messages", "markup"},
}


def test_core_subpackages_import_only_the_rooms_their_rules_allow() -> None:
    offenders = []
    for package, allowed in ALLOWED_INSIDE_BOT.items():
        for path in (BOT / package).rglob("*.py"):
            for name in imported_modules(path):
                parts = name.split(".")
                if parts[0] != "bot" or len(parts) < 2 or parts[1] == package:
                    continue
                if parts[1] not in allowed:
                    offenders.append(f"{path.relative_to(BOT)}: {name}")
    assert offenders == []


def test_every_core_subpackage_has_import_rules() -> None:
    packages = {p.parent.name for p in BOT.glob("*/__init__.py") if not p.parent.name.startswith("_")}
    assert packages == set(ALLOWED_INSIDE_BOT)
