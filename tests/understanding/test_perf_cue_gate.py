"""The cue gate skips only searches that cannot match, so reading gives the same answers, faster."""

from __future__ import annotations

import json
import re

import pytest

from bot.understanding import cues
from bot.understanding.amounts import normalise
from bot.understanding.cue_gate import CueGate, required_strings
from tests.support import DATA

ODD = [
    "", "k", "ok", "no", "NO WAY", "hiiii", "heyyy there", "yo!", "fuuuck this", "tips?", "deal-breaker",
    "sounds gd", "i'm in", "im in", "let's do it", "lets do it", "a 3k bonus when i join", "we'll get back to you",
    "I can't go above 115k", "is that correct??", "pls pls", "seriously?", "rip-off", "rip off", "woohoo",
    "non-negotiable", "nonnegotiable", "e-mail it to me", "email me", "over-the-top \u2014 no",
    "caf\u00e9 \u00e9t\u00e9",
]  # fmt: skip


def corpus() -> list[str]:
    texts = list(ODD)
    for path in sorted(DATA.glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def test_the_gate_never_hides_a_match_in_any_corpus_message_or_part_of_one() -> None:
    texts = corpus()
    assert len(texts) > 1000
    gated = cues.GATE.gated
    assert len(gated) >= 20
    for text in texts:
        low = normalise(text)
        may = cues.GATE.scan(low)
        for pattern in gated:
            if pattern.search(low) is not None:
                assert pattern in may, (pattern.pattern[:60], text)
        half = low[len(low) // 2 :]  # understanding also searches clauses and windows of a message
        for pattern in gated - cues.GATE.whole_text_only:
            if pattern.search(half) is not None:
                assert pattern in may, (pattern.pattern[:60], text)


def test_the_gate_does_skip_patterns_a_short_command_cannot_match() -> None:
    may = cues.GATE.scan("hint")
    assert cues.JUSTIFY not in may
    assert cues.REQUEST_TIME not in may
    assert cues.HINT in may


def test_openers_anchored_at_the_start_are_gated_for_whole_messages_only() -> None:
    assert cues.ACCEPT in cues.GATE.whole_text_only
    assert cues.REJECT not in cues.GATE.whole_text_only  # also searched on clauses
    for text, opens in [("ok", True), ("  ...ok then", True), ("k", True), ("hmm ok", False), ("the 25 days", False)]:
        assert (cues.ACCEPT in cues.GATE.scan(text)) is opens, text
        assert bool(cues.ACCEPT.search(text)) is opens, text
    gate = CueGate([], whole_text=[re.compile(r"^\W*(?:hi|yo)\b|nice to meet you")])
    (pattern,) = gate.gated
    assert pattern in gate.scan("-- hi there")
    assert pattern in gate.scan("well, nice to meet you")
    assert pattern not in gate.scan("oh hi")


def test_patterns_it_does_not_know_are_always_searched() -> None:
    unknown = re.compile(r"\w+")
    gate = CueGate([unknown, re.compile("(?i)hello"), re.compile(r"sounds? (?:good|great)")])
    assert unknown in gate.scan("")
    assert re.compile("never gated") in gate.scan("")
    assert len(gate.gated) == 1  # \w+ and a case-insensitive pattern cannot be gated


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"sounds? (?:good|great)", {"sound good", "sound great", "sounds good", "sounds great"}),
        (r"\b(?:hi+|hello+)\b", {"hi", "hello"}),
        (r"[a-z]+ corp", {" corp"}),
        (r"(?:no)?thing", {"thing", "nothing"}),
        (r"\w+", None),
        (r"(?i)offer", None),
        (r"x|\d+", None),
    ],
)
def test_required_strings_are_ones_every_match_contains(source: str, expected: set[str] | None) -> None:
    found = required_strings(re.compile(source))
    assert (set(found) if found is not None else None) == expected
