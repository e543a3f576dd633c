"""The counterpart reacts to every act, each said three different ways, through the real harness.

These tests go through the whole path a user's message takes (service, engine, understanding,
counterpart), so they show that the way people actually phrase things reaches the role-play.
"""

from __future__ import annotations

import pytest

from bot.negotiation.voice import LINES
from tests.support.harness import ChatHarness, shipped, text_of

SCENARIO = "growth_startup"  # Maya Chen at Lumen Ledger: base $150k, equity $20k a year, 3 remote days
STYLE = shipped()[0].scenarios[SCENARIO].persona.style


def said_one_of(reply: str, kind: str) -> bool:
    """Whether the reply holds one of the recruiter's phrasings of `kind` (they rotate, so any of them)."""
    variants = LINES[kind].get(STYLE) or LINES[kind]["*"]
    return any(variant.split("{")[0][:40] in reply for variant in variants)


def practice(*setup: str) -> ChatHarness:
    harness = ChatHarness()
    harness.say(f"practice {SCENARIO}")
    for line in setup:
        harness.say(line)
    return harness


def reply_to(text: str, *setup: str) -> str:
    harness = practice(*setup)
    try:
        return text_of(harness.say(text))
    finally:
        harness.close()


@pytest.mark.parametrize("text", ["Hi Maya!", "hello there", "Good morning, nice to meet you"])
def test_greet(text: str) -> None:
    assert said_one_of(reply_to(text), "greet")


@pytest.mark.parametrize(
    "text", ["Could we do 4 remote days?", "I'd like to work from home 4 days a week", "4 days wfh pls"]
)
def test_propose(text: str) -> None:
    harness = practice()
    reply = text_of(harness.say(text))
    # A bare number is an ask, not a reason: it is read and answered, and the recruiter asks why.
    assert "remote work" in reply and harness.practice().offer["remote_work"].last_ask == 4
    harness.close()


@pytest.mark.parametrize("text", ["Deal!", "Sounds good, I accept", "ok, let's do it"])
def test_accept(text: str) -> None:
    harness = practice()
    reply = text_of(harness.say(text))
    assert said_one_of(reply, "welcome")
    assert (under_way := harness.state().practice) is None or under_way.status == "agreed"
    harness.close()


@pytest.mark.parametrize("text", ["That's too low for me", "No, that doesn't work", "I can't accept that"])
def test_reject(text: str) -> None:
    assert said_one_of(reply_to(text), "reject_ack")


@pytest.mark.parametrize("text", ["Who would I report to?", "How big is the team?", "When do you need an answer?"])
def test_ask(text: str) -> None:
    assert said_one_of(reply_to(text), "ask_general")


@pytest.mark.parametrize(
    "text",
    [
        "I led the migration of our card-processing service",
        "My research shows senior backend engineers at Series B fintechs are paid well above this",
        "Given my six years of experience on payment systems, I bring a lot to this team",
    ],
)
def test_justify(text: str) -> None:
    assert said_one_of(reply_to(text), "context_ack")


@pytest.mark.parametrize(
    "text", ["I'm really excited about this role", "I love what you're building", "This is my dream job, honestly"]
)
def test_enthusiasm(text: str) -> None:
    assert said_one_of(reply_to(text), "enthusiasm_ack")


@pytest.mark.parametrize(
    "text",
    ["I have another offer on the table", "I'm also interviewing elsewhere", "Another company made me an offer"],
)
def test_competing_offer(text: str) -> None:
    assert said_one_of(reply_to(text), "competing_ack")


def equity_after(text: str) -> float:
    harness = practice()
    harness.say(text)
    amount = harness.practice().offer["equity"].current
    harness.close()
    return amount


@pytest.mark.parametrize(
    "text",
    [
        "I'd give up some base for 30k a year in equity",
        "Instead of a higher base, could the equity be 30k a year?",
    ],
)
def test_trade_off_earns_more_than_the_same_ask_alone(text: str) -> None:
    plain_ask = equity_after("Could the equity be 30k a year?")
    assert plain_ask < 30_000  # a concrete number alone is no argument
    assert equity_after(text) == 30_000


def test_giving_up_something_the_offer_does_not_have_is_no_trade() -> None:
    # This offer has no sign-on bonus, so dropping it gives nothing up.
    assert equity_after("In exchange for 30k a year in equity I'd drop the sign-on bonus") < 30_000


@pytest.mark.parametrize(
    "text", ["Let me sleep on it", "Can I get back to you on Monday?", "I'd like to talk it over with my partner"]
)
def test_request_time(text: str) -> None:
    assert said_one_of(reply_to(text), "time")


@pytest.mark.parametrize(
    "text", ["Can I get this in writing?", "Could you email me the offer?", "Please send me the written offer"]
)
def test_request_writing(text: str) -> None:
    assert said_one_of(reply_to(text), "writing")


@pytest.mark.parametrize(
    "text", ["I'm going to walk away from this one", "Thanks, but I'll decline the offer", "Forget it, I'm out"]
)
def test_quit_is_confirmed_before_the_practice_ends(text: str) -> None:
    harness = practice()
    reply = text_of(harness.say(text))
    assert "walking away" in reply and not said_one_of(reply, "walk_away")
    assert [c.label for c in harness.choices()] == ["End the practice", "Keep negotiating"]
    ended = text_of(harness.pick_label("End the practice"))
    assert said_one_of(ended, "walk_away") and "scorecard" in ended.lower()
    harness.close()


def test_keep_negotiating_after_a_misread_walk_away_loses_nothing() -> None:
    harness = practice()
    harness.say("exit")
    text_of(harness.pick_label("Keep negotiating"))
    assert harness.practice().status == "active"
    harness.say("I'd like 4 remote days a week")
    assert harness.practice().offer["remote_work"].last_ask == 4
    harness.close()


def test_typing_on_instead_of_answering_the_walk_away_question_is_a_turn() -> None:
    harness = practice()
    harness.say("I'm out")
    harness.say("Actually, could you do 4 remote days a week?")
    assert harness.practice().offer["remote_work"].last_ask == 4 and harness.state().confirm is None
    harness.close()


def test_ultimatum_is_not_a_walk_out() -> None:
    harness = practice()
    reply = text_of(harness.say("Either 160k base or we stop here"))
    assert "walking away" not in reply and harness.state().practice is not None
    harness.close()


def test_another_language_gets_a_plain_note() -> None:
    harness = practice()
    reply = text_of(harness.say("Je voudrais un salaire de 55 000 euros et deux jours de télétravail."))
    assert "English" in reply and "55" not in reply
    harness.close()


@pytest.mark.parametrize(
    ("setup", "text"),
    [
        ("How many remote days could I have?", "what about 4?"),
        ("Could we talk about remote work?", "and 4 days?"),
        ("I'd like more remote days", "then 4"),
    ],
)
def test_a_bare_reply_is_read_against_the_perk_just_discussed(setup: str, text: str) -> None:
    harness = practice(setup)
    harness.say(text)
    assert harness.practice().offer["remote_work"].last_ask == 4
    harness.close()
