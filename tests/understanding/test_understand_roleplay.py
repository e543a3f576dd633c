"""The counterpart reacts to every act, each said three different ways, through the real harness.

These tests go through the whole path a user's message takes (service, engine, understanding,
counterpart), so they show that the way people actually phrase things reaches the role-play.
"""

from __future__ import annotations

import pytest

from tests.support.harness import ChatHarness, text_of

SCENARIO = "growth_startup"  # Maya Chen at Lumen Ledger: base $150k, equity $20k a year, 3 remote days


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
    assert "Thanks again for your time" in reply_to(text)


@pytest.mark.parametrize(
    "text", ["Could we do 4 remote days?", "I'd like to work from home 4 days a week", "4 days wfh pls"]
)
def test_propose(text: str) -> None:
    reply = reply_to(text)
    assert "4 days a week on remote work works for us" in reply


@pytest.mark.parametrize("text", ["Deal!", "Sounds good, I accept", "ok, let's do it"])
def test_accept(text: str) -> None:
    harness = practice()
    reply = text_of(harness.say(text))
    assert "welcome aboard" in reply.lower()
    assert harness.state().practice is None or harness.state().practice.status == "agreed"
    harness.close()


@pytest.mark.parametrize("text", ["That's too low for me", "No, that doesn't work", "I can't accept that"])
def test_reject(text: str) -> None:
    assert "it's not there yet for you" in reply_to(text)


@pytest.mark.parametrize("text", ["Who would I report to?", "How big is the team?", "When do you need an answer?"])
def test_ask(text: str) -> None:
    assert "Happy to answer" in reply_to(text)


@pytest.mark.parametrize(
    "text",
    [
        "I led the migration of our card-processing service",
        "My research shows senior backend engineers at Series B fintechs are paid well above this",
        "Given my six years of experience on payment systems, I bring a lot to this team",
    ],
)
def test_justify(text: str) -> None:
    assert "helpful context" in reply_to(text)


@pytest.mark.parametrize(
    "text", ["I'm really excited about this role", "I love what you're building", "This is my dream job, honestly"]
)
def test_enthusiasm(text: str) -> None:
    assert "great to hear" in reply_to(text)


@pytest.mark.parametrize(
    "text",
    ["I have another offer on the table", "I'm also interviewing elsewhere", "Another company made me an offer"],
)
def test_competing_offer(text: str) -> None:
    assert "Thanks for being open about that" in reply_to(text)


def equity_after(text: str) -> float:
    harness = practice()
    harness.say(text)
    amount = harness.state().practice.offer["equity"].current
    harness.close()
    return amount


@pytest.mark.parametrize(
    "text",
    [
        "I'd give up some base for 30k a year in equity",
        "In exchange for 30k a year in equity I'd drop the sign-on bonus",
        "Instead of a higher base, could the equity be 30k a year?",
    ],
)
def test_trade_off_earns_more_than_the_same_ask_alone(text: str) -> None:
    plain_ask = equity_after("Could the equity be 30k a year?")
    assert 20_000 < plain_ask < 30_000  # a concrete number alone earns part of the move
    assert equity_after(text) == 30_000


@pytest.mark.parametrize(
    "text", ["Let me sleep on it", "Can I get back to you on Monday?", "I'd like to talk it over with my partner"]
)
def test_request_time(text: str) -> None:
    assert "Take the time you need" in reply_to(text)


@pytest.mark.parametrize(
    "text", ["Can I get this in writing?", "Could you email me the offer?", "Please send me the written offer"]
)
def test_request_writing(text: str) -> None:
    assert "written offer" in reply_to(text)


@pytest.mark.parametrize(
    "text", ["I'm going to walk away from this one", "Thanks, but I'll decline the offer", "Forget it, I'm out"]
)
def test_quit_is_confirmed_before_the_practice_ends(text: str) -> None:
    harness = practice()
    reply = text_of(harness.say(text))
    assert "walking away" in reply and "couldn't find something that works" not in reply
    assert [c.label for c in harness.choices()] == ["End the practice", "Keep negotiating"]
    ended = text_of(harness.pick_label("End the practice"))
    assert "couldn't find something that works" in ended and "scorecard" in ended.lower()
    harness.close()


def test_keep_negotiating_after_a_misread_walk_away_loses_nothing() -> None:
    harness = practice()
    harness.say("exit")
    text_of(harness.pick_label("Keep negotiating"))
    assert harness.state().practice is not None and harness.state().practice.status == "active"
    assert "4 days" in text_of(harness.say("I'd like 4 remote days a week"))
    harness.close()


def test_typing_on_instead_of_answering_the_walk_away_question_is_a_turn() -> None:
    harness = practice()
    harness.say("I'm out")
    reply = text_of(harness.say("Actually, could you do 4 remote days a week?"))
    assert "4 days" in reply and harness.state().confirm is None
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
    ("setup", "text", "expected"),
    [
        ("How many remote days could I have?", "what about 4?", "4 days a week on remote work"),
        ("Could we talk about remote work?", "and 4 days?", "4 days a week on remote work"),
        ("I'd like more remote days", "then 4", "4 days a week on remote work"),
    ],
)
def test_a_bare_reply_is_read_against_the_perk_just_discussed(setup: str, text: str, expected: str) -> None:
    assert expected in reply_to(text, setup)
