"""`offer-coach chat` starts without importing what only other paths need (issue 14: first reply < 0.3 s).

Counted, not timed: a second start (the database exists, the parsed playbooks are cached) must not
import PyYAML (only a cache miss parses YAML) nor sqlite-utils (only migrations use it); no start
imports asyncio (the terminal asks the service directly), pydantic-settings (the core settings are a
plain model) or rapidfuzz (nothing before the first reply matches loosely).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

NOT_AT_START = ("yaml", "sqlite_utils", "asyncio", "pydantic_settings", "rapidfuzz")

SCRIPT = (
    "import io, sys\n"
    "from adapters.cli.main import main\n"
    "out = io.StringIO()\n"
    "main(['chat', '--db', sys.argv[1], '--user', 'x'], stdin=io.StringIO('help\\n'), stdout=out)\n"
    "assert '[1]' in out.getvalue(), out.getvalue()\n"
    f"print(','.join(sorted(m for m in {NOT_AT_START!r} if m in sys.modules)))\n"
)


def _chat_start(db: Path, cache: Path) -> str:
    env = {**os.environ, "OFFER_COACH_CACHE_DIR": str(cache)}
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(db)], capture_output=True, text=True,
                            timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_second_chat_start_imports_only_what_its_first_reply_needs(tmp_path: Path) -> None:
    db, cache = tmp_path / "coach.db", tmp_path / "cache"
    assert _chat_start(db, cache) == "sqlite_utils,yaml"  # the first start migrates and parses
    assert _chat_start(db, cache) == ""
