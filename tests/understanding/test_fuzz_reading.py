"""Fuzzing the reader and whole practice sessions with a fixed budget (issue 13).

Derandomized, so CI runs the same examples every time and a failure reproduces; the budget is
a few seconds. The long run (100,000+ inputs) is ``python bench/fuzz_long.py``, with its result
in docs/reliability.md. What must hold for any input (see tests/support/fuzz.py):

- reading never raises, and the `understand` JSON line is valid UTF-8 JSON;
- no invented number: every amount read can be traced to digits, a fraction or number words
  present in the text, never to a mention's id;
- in a practice, every message gets a reply, and never the "something went wrong" one.
"""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.playbooks.loader import load_playbooks
from bot.service import ENGINE_TROUBLE_REPLY
from bot.understanding.acts import Context
from bot.understanding.reader import MAX_READ_CHARS, Understander
from tests.support.fuzz import PIECES, SEPARATORS, check_reading
from tests.support.harness import ChatHarness, shipped

FUZZ = settings(derandomize=True, database=None, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

negotiation_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=40).map(" ".join)
# One piece over and over, up to the size limit: what found the crash on 155 "hundred"s and the slow reads.
repeated_text = st.tuples(
    st.sampled_from(PIECES), st.sampled_from(SEPARATORS),
    st.one_of(st.integers(1, 40), st.sampled_from([155, 300, 570, 1000])),
).map(lambda t: ((t[0] + t[1]) * t[2])[:MAX_READ_CHARS])
any_text = st.one_of(st.text(max_size=300), negotiation_text, repeated_text)


@cache
def understander() -> Understander:
    return Understander(load_playbooks().perks)


@settings(FUZZ, max_examples=600)
@given(any_text)
def test_reading_any_text_raises_nothing_and_invents_no_number(text: str) -> None:
    check_reading(understander(), text)


@settings(FUZZ, max_examples=150)
@given(negotiation_text, st.sampled_from([None, "pto", "base_salary", "working_hours", "equity"]))
def test_reading_in_context_invents_no_number(text: str, last_perk: str | None) -> None:
    check_reading(understander(), text, Context(last_perk=last_perk, last_move="offer"))


SCENARIOS = sorted(shipped()[0].scenarios)


@settings(FUZZ, max_examples=40)
@given(st.sampled_from(SCENARIOS),
       st.lists(st.one_of(negotiation_text, repeated_text, st.text(max_size=40)), min_size=1, max_size=8))
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
