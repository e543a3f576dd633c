"""Fuzzing the reader and whole practice sessions with a fixed budget (issue 13).

Derandomized, so CI runs the same examples every time and a failure reproduces; the budget is
a few seconds. The long run (100,000+ inputs) is ``python bench/fuzz_long.py``, with its result
in docs/reliability.md. What must hold for any input:

- reading never raises, and the `understand` JSON line is valid UTF-8 JSON;
- no invented number: every amount read can be traced to digits, a fraction or number words
  present in the text (see :func:`explained`);
- in a practice, every message gets a reply, and never the "something went wrong" one.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.playbooks.loader import load_playbooks
from bot.service import ENGINE_TROUBLE_REPLY
from bot.understanding.acts import Context, Term
from bot.understanding.amounts import normalise
from bot.understanding.reader import MAX_READ_CHARS, Understander
from tests.support.harness import ChatHarness, shipped

FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Words that spell a number, and words that stand for one or two ("a couple of days", "another week").
NUMBER_WORDS = frozenset(
    [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fourty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "grand",
        "million",
        "billion",
        "lakh",
        "lakhs",
        "crore",
        "crores",
    ]
)
_PLATFORM_TOKEN = re.compile(r"<(?:[@#!]|a?:\w+:|t:)[^<>\s]*>")
ONE_OR_TWO_WORDS = frozenset(["couple", "another", "extra", "additional", "further", "a", "an", "one"])
PIECES = [
    "salary", "base", "pto", "days", "weeks", "vacation", "bonus", "sign-on bonus", "equity", "remote", "car",
    "401k", "no", "not", "more", "extra", "another", "a couple of", "per month", "a year", "k", "m", "%", "$", "€",
    "£", "₪", "₹", "usd", "eur", "lakh", "LPA", "crore", "1", "25", "130", "1.000", "12,5", "1_000", "1e308",
    "99999999999999999999", "130-140k", "½", "¾", "twelve", "hundred", "thousand", "million", "ninety",
    "<@&123456>", "<@U123>", "<#42>", "\u200b", "\u2060", "\ufeff", "-", "+", "?", "!", ",", ".", "\n", "ok",
    "deal", "I accept", "can you do", "what about", "between", "and", "to", "or", "if", "instead of", "14 salaries",
]  # fmt: skip
negotiation_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=40).map(" ".join)
# One piece over and over, up to the size limit: what found the crash on 155 "hundred"s and the slow reads.
repeated_text = st.tuples(
    st.sampled_from(PIECES),
    st.sampled_from([" ", ", ", ". ", "? ", "-", ""]),
    st.one_of(st.integers(1, 40), st.sampled_from([155, 300, 570, 1000])),
).map(lambda t: ((t[0] + t[1]) * t[2])[:MAX_READ_CHARS])
any_text = st.one_of(st.text(max_size=300), negotiation_text, repeated_text)


@cache
def understander() -> Understander:
    return Understander(load_playbooks().perks)


def _significant(value: float) -> str:
    """The significant digits of a figure: 130000 → "13", 0.5 → "5", 1.2e12 → "12"."""
    mantissa = f"{abs(value):.15g}".split("e")[0]
    return mantissa.replace(".", "").rstrip("0").lstrip("0") or "0"


def explained(term: Term, text: str) -> bool:
    """Whether the term's amount can be traced to what is written: digits, a fraction or number words."""
    assert term.amount is not None
    low = _PLATFORM_TOKEN.sub(" ", normalise(text))  # the digits of <@123> and <#42> are ids, never figures
    digits = "".join(str(unicodedata.decimal(c)) for c in low if c.isdecimal())
    if _significant(term.amount) in digits:
        return True
    if abs(term.amount) >= 1e15:  # beyond a float's exact digits ("1e308", twenty 9s): a long figure is there
        return len(digits) >= 3
    words = set(re.findall(r"[a-z]+", low))
    if words & NUMBER_WORDS or any(not c.isascii() and unicodedata.numeric(c, None) is not None for c in low):
        return True  # spelled out or a fraction: "ninety thousand", "¾ million"
    return term.amount in (1, 2) and bool(words & ONE_OR_TWO_WORDS)


def check_reading(text: str, context: Context | None = None) -> None:
    understanding = understander().read(text, context)
    line = json.dumps(understanding.json_line(), ensure_ascii=False)
    line.encode("utf-8")  # surrogates would fail here
    for term in understanding.terms:
        if term.amount is None:
            continue
        assert math.isfinite(term.amount)
        assert explained(term, text[:MAX_READ_CHARS]), f"{term} not in {text[:200]!r}"


@settings(FUZZ, max_examples=600)
@given(any_text)
def test_reading_any_text_raises_nothing_and_invents_no_number(text: str) -> None:
    check_reading(text)


@settings(FUZZ, max_examples=150)
@given(negotiation_text, st.sampled_from([None, "pto", "base_salary", "working_hours", "equity"]))
def test_reading_in_context_invents_no_number(text: str, last_perk: str | None) -> None:
    check_reading(text, Context(last_perk=last_perk, last_move="offer"))


SCENARIOS = sorted(shipped()[0].scenarios)


@settings(FUZZ, max_examples=40)
@given(
    st.sampled_from(SCENARIOS),
    st.lists(st.one_of(negotiation_text, repeated_text, st.text(max_size=40)), min_size=1, max_size=8),
)
def test_a_practice_answers_every_message(scenario: str, messages: list[str]) -> None:
    harness = ChatHarness()
    try:
        harness.say(f"practice {scenario}")
        for text in messages:
            replies = harness.say(text)
            assert replies, f"no reply to {text[:80]!r}"
            assert ENGINE_TROUBLE_REPLY not in replies, f"engine failed on {text[:80]!r}"
    finally:
        harness.close()
