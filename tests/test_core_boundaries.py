"""The core stays platform-neutral, and the terminal path stays light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import bot

FORBIDDEN = ("slack_bolt", "slack_sdk", "discord", "aiohttp")


def test_bot_package_never_imports_a_platform_library() -> None:
    offenders = []
    for path in Path(bot.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
            # The core may reach adapters only from the CLI, which starts them.
            if (isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("adapters.")
                    and path.name != "cli.py"):
                offenders.append(f"{path.name}: {node.module}")
    assert offenders == []


def test_terminal_chat_loads_no_platform_library() -> None:
    script = (
        "import sys, io\n"
        "from bot.cli import main\n"
        "main(['chat', '--db', ':memory:', '--user', 'x'], stdin=io.StringIO('help\\n'), stdout=io.StringIO())\n"
        f"loaded = [m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}]\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
