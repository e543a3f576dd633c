"""What the scorecard credits, judged as the player would: the technique named must be what the line did.

Found by replaying practices played live by blind players (bench/judgment.py): a trade offered was
credited as asking for alternatives, a practice that ended without any request for time earned "take
time to think", an either-or was quoted as the polite ask, and reasons with never a kind word earned
full "polite and firm". The lines here are our own.
"""

from __future__ import annotations

import pytest

from bot.messages import Reply
from tests.support.harness import ChatHarness, shipped

PLAYBOOKS, _ = shipped()
KEY = "growth_startup"


@pytest.fixture
def harness():
    h = ChatHarness()
    yield h
    h.close()


def _debrief(h: ChatHarness, user: str, lines: list[str], *, key: str = KEY) -> tuple[dict[str, int], dict[str, str]]:
    """Play the lines, end the practice; the scores and, per technique label, the evidence shown."""
    h.say(f"practice {key}", user=user)
    for line in lines:
        h.say(line, user=user)
    replies: list[Reply] = h.say("end", user=user)
    scores = h.service.export_user(f"test::{user}")["practices"][-1]["scores"]
    shown = {field.label.lstrip("●○ "): field.value for reply in replies for card in reply.cards
             for field in card.fields if field.label.startswith(("●", "○"))}
    return scores, shown


def _label(key: str) -> str:
    return next(t.label for t in PLAYBOOKS.rubric if t.detector.value == key)


def test_offering_a_trade_works_the_package_and_is_not_asking_for_alternatives(harness: ChatHarness) -> None:
    scores, shown = _debrief(harness, "tr", [
        "Comparable Series B fintechs pay senior backend engineers $150k to $170k, so I'd like $165,000.",
        "Since I believe in the product, I would drop base to $155,000 if equity goes to $35,000 a year.",
    ])
    assert scores["ask_alternatives"] == 0
    assert shown[_label("ask_alternatives")] == "not seen"
    assert scores["whole_package"] == 2
    assert "drop base" in shown[_label("whole_package")]


def test_asking_where_there_is_room_is_asking_for_alternatives(harness: ChatHarness) -> None:
    scores, shown = _debrief(harness, "al", [
        "Could we do a base salary of $165,000, please?",
        "Is there any room elsewhere in the package, if the base is stuck?",
    ])
    assert scores["ask_alternatives"] == 2
    assert "any room elsewhere" in shown[_label("ask_alternatives")]


def test_ending_without_asking_for_time_earns_no_take_time(harness: ChatHarness) -> None:
    scores, shown = _debrief(harness, "tt", [
        "Could we do a base salary of $165,000, please?",
        "Could we do $170,000 on base? Thank you.",
    ])
    assert scores["take_time"] == 0
    assert shown[_label("take_time")] == "not seen"


def test_asking_for_a_day_to_think_is_take_time(harness: ChatHarness) -> None:
    scores, shown = _debrief(harness, "td", [
        "Could we do a base salary of $165,000, please?",
        "Thank you. Could I take a day to think it over before I answer?",
    ])
    assert scores["take_time"] == 2
    assert "take a day" in shown[_label("take_time")]


def test_an_either_or_is_never_quoted_as_the_polite_ask(harness: ChatHarness) -> None:
    either_or = ("Engineers with my payments background earn $165,000 at comparable startups. "
                 "Either you pay $165,000 or I walk.")
    scores, shown = _debrief(harness, "eo", [either_or, "Could we do $162,000 on base, please?"])
    assert scores["polite_firm"] == 1  # the either-or still costs the full credit
    assert "Either you pay" not in shown[_label("polite_firm")]
    assert "$162,000" in shown[_label("polite_firm")]


def test_reasons_without_a_kind_word_are_firm_but_not_polite(harness: ChatHarness) -> None:
    scores, _ = _debrief(harness, "rf", [
        "I shipped the ledger migration at my last job. That is why I want $165,000 base.",
        "My ledger work saved my last team two quarters. I want $162,000 base.",
    ])
    assert scores["polite_firm"] == 1


def test_chat_shorthand_thanks_is_courteous(harness: ChatHarness) -> None:
    scores, _ = _debrief(harness, "ch", [
        "pls could base be 165k? i built the exact ledger system u need",
        "ty! still think 162k is right tho, pls, i built that ledger stuff before",
    ])
    assert scores["polite_firm"] == 2


def test_taking_the_salary_while_asking_for_something_else_is_not_taking_the_first_offer(
        harness: ChatHarness) -> None:
    harness.say("practice nonprofit_flex", user="fs")
    for line in ["Thank you, the base salary is fine with me. What matters most to me is a flexible schedule, "
                 "could we add that?",
                 "Thank you. Could we also do 25 days of paid time off, please?",
                 "I appreciate it. Could we meet at 24 days, please?"]:
        harness.say(line, user="fs")
    harness.say("end", user="fs")
    scores = harness.service.export_user("test::fs")["practices"][-1]["scores"]
    assert scores["polite_firm"] == 2


def test_a_full_polite_and_firm_is_not_dropped_for_a_one_point_partial_on_the_same_line(
        harness: ChatHarness) -> None:
    scores, shown = _debrief(harness, "al2", [
        "Thank you for the offer, Maya.",
        "Senior backend engineers at comparable fintechs earn $150k to $170k, so I'd like $165,000.",
        "What about $162,000 on base?",
    ])
    assert scores["research_market"] == 2
    assert scores["polite_firm"] == 2
    assert "comparable fintechs" in shown[_label("polite_firm")]


def test_a_range_of_what_the_move_costs_is_a_reason_not_market_research(harness: ChatHarness) -> None:
    scores, shown = _debrief(harness, "mv", [
        "Thanks for the offer. Two removal firms quoted us $13k–$17k for the move, so could relocation be $15,000?",
    ], key="relocating_manager")
    assert scores["research_market"] == 0
    assert shown[_label("research_market")] == "not seen"


def test_a_range_of_what_managers_earn_is_still_market_research(harness: ChatHarness) -> None:
    scores, _ = _debrief(harness, "mk", [
        "Thanks for the offer. Engineering managers here earn $170k–$190k, so I'd like $185,000 on base.",
    ], key="relocating_manager")
    assert scores["research_market"] == 2


def test_a_question_about_another_perk_does_not_cost_the_focus_of_three_asks(harness: ChatHarness) -> None:
    scores, _ = _debrief(harness, "fq", [
        "Could we do a base salary of $165,000, please?",
        "Thank you. Could remote work be 4 days a week?",
        "And could the equity go to $30,000 a year?",
        "What is the wellness budget for, is it paid monthly?",
    ])
    assert scores["prioritise"] == 1


def test_a_reason_for_taking_the_offer_is_not_the_reason_quoted_for_an_ask(harness: ChatHarness) -> None:
    scores, shown = _debrief(harness, "jr", [
        "Comparable roles pay $140k–$160k, and $150k is within that, so I'm happy with the base.",
        "Could remote work be 4 days a week? My commute is ninety minutes each way.",
    ])
    assert scores["justify_value"] == 1
    assert "commute" in shown[_label("justify_value")]
