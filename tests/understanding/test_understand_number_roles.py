"""Each figure in a message gets the role the labelling guide gives it (docs/labelling.md, Terms).

Evidence (a competing offer, what the user earns or carries, what they have seen) is never the ask; the
offer as it stands is named by what the user says of it ("feels thin", "we discussed"); what is offered up
in a trade is a give. The sentences are written here, not taken from any corpus.
"""

from __future__ import annotations

import pytest

from bot.understanding.acts import Act, Context
from tests.support.harness import ChatHarness, shipped, text_of


def roles(text: str, context: Context | None = None) -> list[tuple[str | None, float | None, str]]:
    return [(t.perk, t.amount, t.role) for t in shipped()[1].read(text, context).terms]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a competing offer, said with or without a request after it
        ("a rival firm offered 172k base", [("base_salary", 172_000, "evidence")]),
        ("meta offered 190k base, they want an answer monday", [("base_salary", 190_000, "evidence")]),
        # what the user earns today
        ("i make 118k rn", [("base_salary", 118_000, "evidence")]),
        # listed after the competing offer is named, before any request
        (
            "Two offers actually: the first one came in at £64k, so I'd like £66k here.",
            [("base_salary", 64_000, "evidence"), ("base_salary", 66_000, "ask")],
        ),
    ],
)
def test_evidence_is_not_read_as_the_ask(text: str, expected: list) -> None:
    assert roles(text) == expected


def test_a_figure_after_evidence_but_asked_for_in_a_question_stays_the_ask() -> None:
    got = roles("I'd forfeit about $12k of bonus at my current job: could a $12k sign-on make up for it?")
    assert ("sign_on_bonus", 12_000, "ask") in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the 2% match feels stingy tbh, 5% would be fair", [("retirement_match", 2, "current"),
                                                              ("retirement_match", 5, "ask")]),
        ("18 days of leave, which is well below what I have now. Could we do 24?", [("pto", 18, "current"),
                                                                                   ("pto", 24, "ask")]),
        ("Please confirm the $126k and 2 remote days we discussed.", [("base_salary", 126_000, "current"),
                                                                     ("remote_work", 2, "current")]),
        ("The draft contract says 42 hours; I'd want 38.", [("working_hours", 42, "current"),
                                                            ("working_hours", 38, "ask")]),
        ("I'd take the $99k base as it is.", [("base_salary", 99_000, "current")]),
    ],
)
def test_the_offer_as_it_stands_is_named_by_what_is_said_of_it(text: str, expected: list) -> None:
    assert roles(text) == expected


def test_a_figure_listed_with_the_ask_is_not_taken_for_the_offer() -> None:
    got = roles("I'd like to propose a base of $131,000 with the bonus unchanged at 12%.")
    assert got == [("base_salary", 131_000, "ask"), ("performance_bonus", 12, "current")]


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("I'd give up two of the three remote days if the base went to 128k", ("remote_work", 2, "give")),
        ("I'd give up one of my remote days for a bigger training budget", ("remote_work", 1, "give")),
        ("Happy to start a week earlier if you add a 4k sign-on", ("start_date", 1, "give")),
        ("4 remote days and ill take 6k less", ("base_salary", 6000, "give")),
        ("I could come down to 118k on base in exchange for 2 more remote days", ("base_salary", 118_000, "give")),
        ("I can start in 3 weeks instead of 5 if you cover the move", ("start_date", 3, "give")),
    ],
)
def test_what_is_offered_up_in_a_trade_is_a_give(text: str, given: tuple) -> None:
    assert given in roles(text)


def test_the_offer_named_beside_a_give_is_not_given() -> None:
    got = roles("I can start in 3 weeks instead of 5 if you cover the move")
    assert ("start_date", 5, "current") in got


def test_going_down_in_hours_is_asked_for_not_given() -> None:
    assert roles("I'd like to go down to 32 hours a week") == [("working_hours", 32, "ask")]


def test_part_of_a_list_number_is_no_amount() -> None:
    assert roles("as hire #12 I think 0.1% equity is light") == [("equity", 0.1, "current")]


def test_the_recruiter_answers_the_ask_not_the_figure_called_too_low() -> None:
    harness = ChatHarness()
    try:
        harness.say("practice growth_startup")
        said = shipped()[1].read("The 20 days of PTO feels thin. Could we do 25?")
        reply = text_of(harness.say("The 20 days of PTO feels thin. Could we do 25?")).lower()
    finally:
        harness.close()
    assert Act.propose in said.acts
    # 20 is what the offer already holds; read as the ask, the recruiter had nothing to answer
    assert "paid time off" in reply or "pto" in reply


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("quick q, is the 15k sign-on paid at once or over a year?", [("sign_on_bonus", 15_000, "question")]),
        ("Could you clarify whether the 8% bonus is guaranteed?", [("performance_bonus", 8, "question")]),
    ],
)
def test_a_question_about_a_named_figure_asks_what_it_is_not_for_it(text: str, expected: list) -> None:
    assert roles(text) == expected


def test_a_change_asked_about_in_a_question_is_still_asked_for() -> None:
    assert ("pto", 25, "ask") in roles("could we go from 20 to 25 days, or is that too much?")


@pytest.mark.parametrize(
    "text",
    [
        "if you can get the base to 131k and add 3 remote days, I'll sign tomorrow",
        "131k base + 3 remote days and you have a deal",
    ],
)
def test_terms_set_as_the_condition_of_accepting_are_asked_for(text: str) -> None:
    got = roles(text)
    assert ("base_salary", 131_000, "ask") in got
    assert ("remote_work", 3, "ask") in got


def test_what_is_taken_before_the_condition_is_the_offer() -> None:
    got = roles("I'll take the 118k base as it is if you add 3 remote days")
    assert ("base_salary", 118_000, "current") in got
    assert ("remote_work", 3, "ask") in got


def test_a_salary_sized_sum_is_not_read_as_a_small_perk_named_nearby() -> None:
    got = roles("I could do ₪39,500 a month if you also cover the parking")
    assert ("base_salary", 39_500, "ask") in got
    assert all(perk != "transportation" or amount is None for perk, amount, _ in got)


def test_a_small_sum_beside_its_perk_stays_that_perk() -> None:
    assert ("transportation", 650, "ask") in roles("could the parking allowance be ₪650 a month?")


def test_the_total_a_change_arrives_at_is_the_ask() -> None:
    assert roles("three more vacation days please, so 26 in total") == [("pto", 26, "ask")]


def test_a_figure_said_again_for_emphasis_is_one_ask() -> None:
    asks = [term for term in roles("I need 30 days off. Not 25. 30.") if term[2] == "ask"]
    assert asks == [("pto", 30, "ask")]


def test_a_cost_brought_with_a_request_asks_for_the_perk_too() -> None:
    got = roles("the train pass costs me $160 a month, could you cover it?")
    assert ("transportation", 160, "evidence") in got
    assert ("transportation", None, "ask") in got


def test_a_cost_said_alone_asks_for_nothing() -> None:
    assert roles("the train pass costs me $160 a month") == [("transportation", 160, "evidence")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("so the 6% bonus is on top of base, right?", ("performance_bonus", 6, "question")),
        ("is that 25 days incl bank holidays?", ("pto", 25, "question")),
    ],
)
def test_checking_what_a_figure_covers_is_a_question(text: str, expected: tuple) -> None:
    assert expected in roles(text)


def test_the_offer_named_by_its_figure_alone_takes_its_perk_from_the_offer() -> None:
    context = Context(last_perk="professional_development", last_move="offer",
                      offer={"professional_development": 2500, "base_salary": 90_000})
    assert roles("ok 2.5k works for me", context) == [("professional_development", 2500, "current")]


def test_numbers_side_by_side_are_not_added_up() -> None:
    assert all(perk != "working_hours" for perk, _, _ in roles("could I work four ten-hour days instead?"))


def test_years_of_experience_are_no_term() -> None:
    assert roles("I have eight years of backend experience, so I'd like 140k") == [("base_salary", 140_000, "ask")]
