"""What reading a short chat line costs, counted in pattern searches (issues 10 and 14: speed kept as rules grow).

Counted, never timed: every compiled pattern of the reader, its cues and its amounts is wrapped so each
search, match, scan or split adds one to a tally, and the cue gate's answer is passed on to the wrappers so
a search the gate skips stays skipped. A cue searched on every message that the gate cannot skip, or a
gate that no longer skips, shows here as more searches per message.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from bot.playbooks.loader import load_playbooks
from bot.understanding.reader import Understander
from tests.support import DATA
from tests.support.pattern_tally import count_reader_patterns

# Searches per short chat line on the development corpus: about 30 before the cue gate covered the act,
# role and question cues (August 2026), about 16 after. The bound leaves room for a few new rules.
SEARCHES_PER_LINE = 20
_CALLS = ("search", "match", "fullmatch", "finditer", "findall", "split", "sub")


class _Counted:
    """A compiled pattern that adds one to a shared tally per call."""

    def __init__(self, pattern: re.Pattern[str], tally: list[int]) -> None:
        self._pattern, self._tally = pattern, tally

    def __getattr__(self, name: str) -> object:
        found = getattr(self._pattern, name)
        if name not in _CALLS:
            return found

        def counted(*args: object, **kwargs: object) -> object:
            self._tally[0] += 1
            return found(*args, **kwargs)

        return counted


@pytest.fixture(scope="module")
def understander() -> Understander:
    return Understander(load_playbooks().perks)


@pytest.fixture
def searches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A tally of pattern calls made while reading; the gate's skips apply to the counted patterns too."""
    tally = [0]
    count_reader_patterns(monkeypatch, lambda pattern: _Counted(pattern, tally))
    return tally


def _short_lines() -> Iterator[str]:
    corpus = DATA / "understanding_dev.jsonl"
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if line.strip() and len(text := json.loads(line)["text"]) < 120:
            yield text


def _searches_to_read(understander: Understander, searches: list[int], text: str) -> int:
    searches[0] = 0
    understander.read(text)
    return searches[0]


def test_a_short_chat_line_costs_few_pattern_searches(understander: Understander, searches: list[int]) -> None:
    lines = list(_short_lines())
    assert len(lines) > 800
    total = sum(_searches_to_read(understander, searches, text) for text in lines)
    assert total / len(lines) <= SEARCHES_PER_LINE


@pytest.mark.parametrize(("text", "most"), [
    # the words, a digit, then only the cues whose words are there (about 14 searches each before)
    ("hello there, how are you doing today", 5),
    ("thanks, I'll think about it", 5),
    ("ok", 8),  # an acceptance: what could undo it is checked too
])
def test_a_line_without_terms_skips_nearly_every_cue(understander: Understander, searches: list[int], text: str,
                                                     most: int) -> None:
    assert _searches_to_read(understander, searches, text) <= most


def test_counting_sees_the_searches_the_gate_lets_through(understander: Understander, searches: list[int]) -> None:
    # not a test that cannot fail: a line full of cue words costs many searches, so the tally counts them
    assert _searches_to_read(understander, searches, "no, I can't accept 120k; the market pays 140k, so 135k?") > 15
