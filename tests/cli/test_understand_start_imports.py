"""`offer-coach understand` loads only what reading needs (issue 14: its start-up is a fixed cost of every run).

Counted, not timed: reading lines needs the playbooks and the reader, not the store, the sessions,
the engine, the settings or an event loop.
"""

from __future__ import annotations

import json
import subprocess
import sys

NOT_FOR_READING = ("bot.storage.store", "bot.session", "bot.engine", "bot.service", "bot.config", "sqlite3",
                   "asyncio", "pydantic_settings")

SCRIPT = (
    "import io, sys\n"
    "from adapters.cli.main import main\n"
    "out = io.StringIO()\n"
    "assert main(['understand'], stdin=io.StringIO(\"I'd like 165k base\\n\"), stdout=out) == 0\n"
    "print(out.getvalue().strip())\n"
    f"print(','.join(sorted(m for m in {NOT_FOR_READING!r} if m in sys.modules)))\n"
)


def test_understand_reads_without_loading_the_store_the_engine_or_an_event_loop() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    read, loaded = result.stdout.splitlines()
    assert [t["perk"] for t in json.loads(read)["terms"]] == ["base_salary"]  # it did read the line
    assert loaded == ""
