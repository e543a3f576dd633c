"""Reading a message costs work linear in its length, with a hard bound (issue 13, defect 2).

Work is counted, not timed: every compiled pattern the reader uses is wrapped so that each
search, match or scan adds the number of characters it was handed. A reader that looks back or
forward over the whole message from every perk word or number ("salary " × 570 took 2.1 s) hands
its patterns the message once per hit, so the count grows with the square of the length.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

import pytest

from bot.playbooks.loader import load_playbooks
from bot.understanding.amounts import MAX_AMOUNTS, find_amounts, normalise
from bot.understanding.reader import MAX_READ_CHARS, Understander
from tests.support.pattern_tally import count_reader_patterns

# Each piece repeated to the size limit: perk words, numbers, number words, cue words, and mixes.
PIECES = (
    "salary ", "pto ", "salary is ", "sign on bonus ", "salary 100k ", "100k ", "1 ", "base 1,", "1.",
    "hundred ", "one two three ", "another week\n", "can I get more salary? ", "ok, then 2 more days? ",
    "I want 120k base and 25 days pto, ", "no car, ", "if not, 3k more. ", "what about 25? ", "<@123> ", "?, ",
)  # fmt: skip
# Characters read by patterns per character of message: some 60 cue searches read the whole message
# once each; what reads around each hit is bounded by the caps on mentions and amounts.
WORK_PER_CHAR = 150


class _Counted:
    """A compiled pattern that adds the length of text each call reads to a shared tally.

    A search reads up to the end of what it finds, or to the end of its range when it finds
    nothing; an anchored match is counted by what it matches, or its whole range when one is given.
    """

    def __init__(self, pattern: re.Pattern[str], tally: list[int]) -> None:
        self._pattern, self._tally = pattern, tally

    def _span(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> None:
        self._tally[0] += max(0, min(endpos, len(text)) - pos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        found = self._pattern.search(text, pos, endpos)
        self._span(text, pos, endpos if found is None else found.end())
        return found

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        found = self._pattern.match(text, pos, sys.maxsize if endpos is None else endpos)
        self._span(text, pos, endpos if endpos is not None else found.end() if found else pos)
        return found

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        self._span(text, pos, endpos)
        return self._pattern.fullmatch(text, pos, endpos)

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        self._span(text, *args)
        return self._pattern.finditer(text, *args)

    def findall(self, text: str, *args: int) -> list:
        self._span(text, *args)
        return self._pattern.findall(text, *args)

    def split(self, text: str, *args: int) -> list[str]:
        self._span(text)
        return self._pattern.split(text, *args)

    def sub(self, repl, text: str, *args: int) -> str:  # type: ignore[no-untyped-def]
        self._span(text)
        return self._pattern.sub(repl, text, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self._pattern, name)


@pytest.fixture(scope="module")
def understander() -> Understander:
    return Understander(load_playbooks().perks)


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A tally of characters handed to every pattern of the reader, its cues and its amounts."""
    tally = [0]
    count_reader_patterns(monkeypatch, lambda pattern: _Counted(pattern, tally))
    return tally


def _repeated(piece: str, size: int) -> str:
    return (piece * (size // len(piece) + 1))[:size]


def _work_to_read(understander: Understander, work: list[int], text: str) -> int:
    work[0] = 0
    understander.read(text)
    return work[0]


@pytest.mark.parametrize("piece", PIECES)
def test_reading_a_message_at_the_size_limit_does_bounded_work(
    understander: Understander, work: list[int], piece: str
) -> None:
    text = _repeated(piece, MAX_READ_CHARS)
    assert _work_to_read(understander, work, text) <= WORK_PER_CHAR * len(text)


@pytest.mark.parametrize("piece", ["salary ", "salary 100k ", "base 1,", "can I get more salary? "])
def test_reading_twice_the_text_costs_about_twice_the_work(
    understander: Understander, work: list[int], piece: str
) -> None:
    half = _work_to_read(understander, work, _repeated(piece, MAX_READ_CHARS // 2))
    whole = _work_to_read(understander, work, _repeated(piece, MAX_READ_CHARS))
    assert whole <= 2.2 * half


def test_text_beyond_the_size_limit_is_never_read(understander: Understander, work: list[int]) -> None:
    at_limit = _work_to_read(understander, work, _repeated("salary 100k ", MAX_READ_CHARS))
    assert _work_to_read(understander, work, _repeated("salary 100k ", 10 * MAX_READ_CHARS)) == at_limit


def test_a_message_of_many_numbers_yields_a_bounded_number_of_amounts() -> None:
    found = find_amounts(normalise(_repeated("3 days, ", MAX_READ_CHARS)))
    assert 0 < len(found) <= MAX_AMOUNTS
    assert [a.value for a in found[:3]] == [3, 3, 3]  # the first ones, as written


@pytest.mark.parametrize("piece", ["?, ", "so, ", ": ", " - ", "well, what? "])
def test_a_sentence_of_many_lead_ins_is_read_without_running_out_of_stack(understander: Understander,
                                                                          piece: str) -> None:
    understander.read(_repeated(piece, MAX_READ_CHARS))  # "?, " x 1,333 raised RecursionError (found by the long fuzz)
