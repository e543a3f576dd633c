"""Any string at all gets a valid `understand` JSON line and never an exception."""

from __future__ import annotations

import json
import math
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.playbooks.loader import load_playbooks
from bot.understanding.acts import Act, Context
from bot.understanding.reader import Understander, understand_lines


@cache
def understander() -> Understander:
    return Understander(load_playbooks().perks)


def assert_valid_line(line: str, text: str) -> None:
    record = json.loads(line)
    assert set(record) == {"text", "acts", "terms"}
    assert record["text"] == text
    assert all(act in Act.__members__ for act in record["acts"])
    for term in record["terms"]:
        assert set(term) == {"perk", "amount", "unit", "negated", "role"}
        assert term["amount"] is None or math.isfinite(term["amount"])


EDGE_CASES = [
    "",
    "   ",
    "\n",
    "x" * 100_000,
    "130k " * 20_000,
    "\x00\x01\x02\xff\ufffd binary \x1b[31m",
    "😀😀😀🎉",
    "👩‍👩‍👧‍👦",
    "\u202e\u200f\u200b right-to-left and zero-width",
    "1e308",
    "1e309 days",
    "9" * 400,
    "$-5k",
    "-5 days",
    "999 weeks of parental leave",
    "nan",
    "inf%",
    "0x1F days",
    "1,2,3,4",
    "12.34.56.78",
    "((((((((((",
    "$$$$$$$$",
    "k k k m m",
    "- - - - -",
    "130-",
    "-130-140k-",
    "between and",
]


def test_edge_cases_give_valid_lines() -> None:
    for text in EDGE_CASES:
        assert_valid_line(json.dumps(understander().read(text).json_line()), text)
    lines = list(understand_lines(EDGE_CASES, understander()))
    assert len(lines) == len(EDGE_CASES)
    for line, text in zip(lines, EDGE_CASES, strict=True):
        assert_valid_line(line, text.rstrip("\r\n"))


def test_long_message_is_read_quickly_and_whole_text_kept() -> None:
    text = "I'd like 130k and 25 days pto. " + "blah " * 30_000
    understanding = understander().read(text)
    assert understanding.text == text
    assert ("base_salary", 130_000) in [(t.perk, t.amount) for t in understanding.terms]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text(text: str) -> None:
    understanding = understander().read(text)
    assert_valid_line(json.dumps(understanding.json_line()), text)


NEGOTIATION_WORDS = st.sampled_from(
    ["pto", "salary", "k", "$", "€", "-", "days", "weeks", "%", "no", "car", "more", "130", "1e308", "and",
     "but", "?", "!", "bonus", "to", "between", ",", ".", "1.000", "12,5", "twelve", "thousand", "per", "month"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(NEGOTIATION_WORDS, max_size=25), st.sampled_from([None, "pto", "base_salary", "working_hours"]))
def test_negotiation_like_noise(words: list[str], last_perk: str | None) -> None:
    text = " ".join(words)
    understanding = understander().read(text, Context(last_perk=last_perk))
    assert_valid_line(json.dumps(understanding.json_line()), text)
