"""Swap every compiled pattern of the reader for a counting stand-in, for tests that count reading work.

Tests guard the reader's cost by counting, never timing: one counts pattern calls per message, another the
characters handed to patterns. Both need the same swap — the module-level patterns of the cues, amounts and
reader modules, the reader's signal table, and the cue gate's answer, so a search the gate skips for the real
pattern stays skipped for its stand-in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from bot.understanding import amounts, cue_gate, cues, reader


def count_reader_patterns(monkeypatch: pytest.MonkeyPatch, stand_in: Callable[[re.Pattern[str]], Any]) -> None:
    """Replace each reader pattern by ``stand_in(pattern)`` for the test's duration (one stand-in per pattern)."""
    wrapped: dict[int, Any] = {}
    for module in (cues, amounts, reader):
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                if id(value) not in wrapped:
                    wrapped[id(value)] = stand_in(value)
                monkeypatch.setattr(module, name, wrapped[id(value)])
    monkeypatch.setattr(reader, "_SIGNAL_CUES", tuple((signal, wrapped.get(id(p), p))
                                                      for signal, p in reader._SIGNAL_CUES))
    scan = cues.GATE.scan

    def scan_with_stand_ins(text: str) -> cue_gate.MayMatch:
        skipped = scan(text).skipped
        return cue_gate.MayMatch(skipped | {id(wrapped[key]) for key in skipped if key in wrapped})

    monkeypatch.setattr(cues.GATE, "scan", scan_with_stand_ins)
