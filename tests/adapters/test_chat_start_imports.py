"""`offer-coach chat` starts without importing what only other paths need (issue 14: first reply < 0.3 s).

Counted, not timed: a second start (the database exists, the loaded playbooks are cached) validates
no playbook file and must not import PyYAML (only a cache miss parses YAML) nor sqlite-utils (only
migrations use it); no start imports asyncio (the terminal asks the service directly),
pydantic-settings (the core settings are a plain model), rapidfuzz or the amount patterns (the first
reply reads no message).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

NOT_AT_START = ("yaml", "sqlite_utils", "asyncio", "pydantic_settings", "rapidfuzz", "bot.understanding.amounts")

SCRIPT = (
    "import io, sys\n"
    "from bot.playbooks import loader\n"
    "validated, real = [], loader._Reader.validate\n"
    "loader._Reader.validate = lambda self, *args, **kw: validated.append(1) or real(self, *args, **kw)\n"
    "from adapters.cli.main import main\n"
    "out = io.StringIO()\n"
    "main(['chat', '--db', sys.argv[1], '--user', 'x'], stdin=io.StringIO('help\\n'), stdout=out)\n"
    "assert '[1]' in out.getvalue(), out.getvalue()\n"
    f"print(','.join(sorted(m for m in {NOT_AT_START!r} if m in sys.modules)))\n"
    "print(len(validated))\n"
)


def _chat_start(db: Path, cache: Path) -> tuple[str, int]:
    """(the heavy modules imported, playbook items validated) by one chat start up to its first reply."""
    env = {**os.environ, "OFFER_COACH_CACHE_DIR": str(cache)}
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(db)], capture_output=True, text=True,
                            timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    imported, validated = result.stdout.splitlines()
    return imported, int(validated)


def test_a_second_chat_start_imports_only_what_its_first_reply_needs(tmp_path: Path) -> None:
    db, cache = tmp_path / "coach.db", tmp_path / "cache"
    imported, validated = _chat_start(db, cache)
    assert imported == "sqlite_utils,yaml" and validated > 20  # the first start migrates, parses and validates
    assert _chat_start(db, cache) == ("", 0)
