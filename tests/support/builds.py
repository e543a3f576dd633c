"""Counting the start-up work an adapter should finish before it says it is ready (issue 14)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.playbooks import loader
from bot.understanding import reader


def count_builds(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many readers get built and playbook folders loaded from now on (the dict updates live)."""
    counted = {"readers": 0, "playbooks": 0}
    real_init = reader.Understander.__init__
    real_load = loader.load_playbooks

    def counting_init(self: Any, *args: Any, **kwargs: Any) -> None:
        counted["readers"] += 1
        real_init(self, *args, **kwargs)

    def counting_load(*args: Any, **kwargs: Any) -> Any:
        counted["playbooks"] += 1
        return real_load(*args, **kwargs)

    monkeypatch.setattr(reader.Understander, "__init__", counting_init)
    monkeypatch.setattr(loader, "load_playbooks", counting_load)
    return counted


def count_compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The regular expressions compiled from now on (the list grows live); a pattern found in `re`'s
    own cache is not compiled again and is not listed."""
    import importlib

    compiler = importlib.import_module("re._compiler")  # what re.compile, re.sub and the rest call on a cache miss

    compiled: list[str] = []
    real_compile = compiler.compile

    def counting_compile(pattern: Any, flags: Any = 0) -> Any:
        compiled.append(str(pattern))
        return real_compile(pattern, flags)

    monkeypatch.setattr(compiler, "compile", counting_compile)
    return compiled


def wal_header(database: str | Path) -> bytes:
    """The checkpoint sequence number and salts from a SQLite file's WAL header. They change exactly
    when a commit restarts the log, writing and syncing a new header (b"" while there is no WAL)."""
    wal = Path(f"{database}-wal")
    if not wal.exists():
        return b""
    with wal.open("rb") as log:
        return log.read(32)[12:24]
