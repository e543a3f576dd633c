"""Round three of reading: agreeing to one term keeps the talk going, and a dash is no minus sign."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.understanding.acts import Act
from tests.support.harness import ChatHarness, shipped, text_of
from tests.understanding.test_understand import understander

PLAYBOOKS, _ = shipped()
SCENARIO = sorted(PLAYBOOKS.scenarios)[0]


@pytest.fixture
def harness() -> Iterator[ChatHarness]:
    h = ChatHarness()
    yield h
    h.close()


@pytest.mark.parametrize("text", ["Okay, two months sounds fine.", "Alright, that's okay for me.",
                                  "Okay. That is fine, thank you."])
def test_agreeing_to_one_term_asks_before_ending_the_practice(harness: ChatHarness, text: str) -> None:
    harness.say(f"practice {SCENARIO}")
    reply = text_of(harness.say(text))
    assert harness.state().practice is not None, "one term agreed must not end the practice"
    assert "accept the offer" in reply or "call the offer agreed" in reply
    # the user goes on negotiating: the next ask is read, not lost after a closed practice
    harness.say("Could we talk about the sign-on bonus as well?")
    assert harness.state().practice is not None


def test_a_yes_to_the_recruiters_question_then_closes_it(harness: ChatHarness) -> None:
    harness.say(f"practice {SCENARIO}")
    harness.say("Okay, that sounds fine.")
    harness.say("Yes, that's fine.")
    assert harness.state().practice is None


@pytest.mark.parametrize("text", ["Thank you, I accept.", "I accept the offer.", "We're good — I accept.",
                                  "Deal!", "Everything is fine, let's do it."])
def test_accepting_the_whole_offer_still_ends_it_at_once(harness: ChatHarness, text: str) -> None:
    harness.say(f"practice {SCENARIO}")
    harness.say(text)
    assert harness.state().practice is None


@pytest.mark.parametrize("text, amount", [
    ("I'd like four more days of leave — 24 in total", 24.0),  # the total is the ask (guide: one ask per perk)
    ("could we do 3 remote days - 2 is tight for me", 3.0),
])
def test_a_dash_between_clauses_is_no_minus_sign(text: str, amount: float) -> None:
    said = understander().read(text)
    amounts = [t.amount for t in said.terms if t.amount is not None]
    assert amounts and amounts[0] == amount
    assert all(a >= 0 for a in amounts)


def test_a_minus_written_against_the_number_is_still_read() -> None:
    from bot.understanding.amounts import find_amounts, normalise

    assert [a.value for a in find_amounts(normalise("a -5% change"))] == [-5.0]


@pytest.mark.parametrize("text", ["could the company pay for my certificates?", "I want a certificate course paid"])
def test_certificates_are_professional_development(text: str) -> None:
    assert [t.perk for t in understander().read(text).terms] == ["professional_development"]


@pytest.mark.parametrize("text", ["Would it be possible to have some flexibility in my hours?",
                                  "some flexibility with my hours would help"])
def test_flexibility_in_hours_is_a_flexible_schedule_not_fewer_hours(text: str) -> None:
    assert [t.perk for t in understander().read(text).terms] == ["flexible_schedule"]


@pytest.mark.parametrize("text", ["ok on pto. now salary", "ok on the bonus. now equity"])
def test_taking_one_term_and_turning_to_the_next_accepts_and_proposes(text: str) -> None:
    acts = understander().read(text).acts
    assert Act.accept in acts and Act.propose in acts


def test_a_plain_acceptance_proposes_nothing() -> None:
    assert understander().read("I accept the offer.").acts == [Act.accept]
