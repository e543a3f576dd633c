"""Pairs of perk, amount and role, round five: the figure a threat or a purpose surrounds is still the ask, what
the user earns today is evidence, a raise takes no salary-sized figure, and a figure settled for on a condition
against a standing offer is offered up (docs/labelling.md). The sentences are written here, not taken from any
corpus."""

from __future__ import annotations

import pytest

from bot.understanding.acts import Act, Context
from bot.understanding.amounts import find_amounts
from tests.support.harness import shipped
from tests.support.reading import pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("160k or I go with the other offer", ("base_salary", 160_000, "ask")),
        ("if it's not 95k base, I'm out", ("base_salary", 95_000, "ask")),
    ],
)
def test_a_figure_demanded_under_a_threat_is_the_ask(text: str, expected: tuple) -> None:
    assert expected in pairs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a 12k signing bonus to offset the bonus I'd be forfeiting", ("sign_on_bonus", 12_000, "ask")),
        ("Since moving means forfeiting a bonus of about $8,000, I would request a sign-on of $8,000.",
         ("sign_on_bonus", 8_000, "ask")),
    ],
)
def test_a_loss_named_as_the_reason_leaves_the_figure_asked_for(text: str, expected: tuple) -> None:
    assert expected in pairs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My present salary is 64 thousand a year.", [("base_salary", 64_000, "evidence")]),
        ("I am currently at 91 000.", [("base_salary", 91_000, "evidence")]),
    ],
)
def test_what_the_user_earns_today_is_evidence(text: str, expected: list) -> None:
    assert pairs(text) == expected


def test_thousands_grouped_by_spaces_survive_a_full_stop() -> None:
    assert [a.value for a in find_amounts("the move costs 12 000.")] == [12_000]
    assert [a.value for a in find_amounts("it was 120 000, then less")] == [120_000]


SALARY_ON_THE_TABLE = Context(last_perk="base_salary", last_move="offer", offer={"base_salary": 90_000,
                                                                                  "raise_review": 0})


def test_with_written_as_w_slash_is_no_unit_and_a_raise_takes_no_salary() -> None:
    got = pairs("90 is tight, could we do 95 w/ a pay review after probation?", SALARY_ON_THE_TABLE)
    assert ("base_salary", 95_000, "ask") in got
    assert not any(perk == "raise_review" and amount is not None for perk, amount, _ in got)


def test_a_salary_accepted_beside_a_review_stays_the_salary() -> None:
    got = pairs("I accept the revised offer of $97,000 with a raise review after probation.")
    assert ("base_salary", 97_000, "current") in got
    assert not any(perk == "raise_review" and amount is not None for perk, amount, _ in got)


OFFER_STANDING = Context(last_perk="base_salary", last_move="refusal",
                         offer={"base_salary": 125_000, "sign_on_bonus": 0, "equity": 20_000})


def test_a_figure_settled_for_on_a_condition_is_offered_up_against_a_standing_offer() -> None:
    said = shipped()[1].read("I could live with 128k if the sign-on goes to 10k", OFFER_STANDING)
    got = [(t.perk, t.amount, t.role) for t in said.terms]
    assert ("base_salary", 128_000, "give") in got
    assert ("sign_on_bonus", 10_000, "ask") in got
    assert Act.trade_off in said.acts
    # with nothing on the table the words still come down to a figure for something else (docs/labelling.md,
    # second round: "I can live with ₪42,000 if you cover parking" is give)
    assert ("base_salary", 128_000, "give") in pairs("I could live with 128k if the sign-on goes to 10k")


def test_the_perk_in_the_condition_is_not_the_figure_settled_for() -> None:
    equity_talk = Context(last_perk="equity", last_move="offer", offer={"base_salary": 38_000, "equity": 40_000})
    got = pairs("I am prepared to accept ₪42,500 per month provided the equity grant is increased to ₪65,000.",
                equity_talk)
    assert ("base_salary", 42_500, "give") in got
    assert ("equity", 65_000, "ask") in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "wd" shortens "would" before a verb; after a number alone it still counts working days
        ("market's 80-95k so 90 wd be fair", [(80_000, "money"), (90, None)]),
        ("3 wd remote", [(3, "days")]),
        # a four-digit figure spent on something is a sum, not a year
        ("i need at least 2000 for a home office setup", [(2000, None)]),
        ("my bonus in 2024 for the team", []),
        # a number word whose unit was said earlier in the sentence: "two weeks is too soon, I need five"
        ("a start in two weeks is too soon, i need five.", [(2, "weeks"), (5, "weeks")]),
    ],
)
def test_numbers_read_as_written(text: str, expected: list) -> None:
    assert [(a.value, a.unit) for a in find_amounts(text)] == expected


def test_a_four_digit_budget_is_paired_with_its_perk() -> None:
    got = pairs("If base stays where it is I need at least 2000 for home office equipment.")
    assert ("equipment", 2000, "ask") in got
