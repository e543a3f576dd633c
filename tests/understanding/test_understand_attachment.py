"""Which perk a figure belongs to (docs/labelling.md, Terms): its size against the perk's scale, the figure said
before it, and what the user says it is for.

The sentences are written here, not taken from any corpus.
"""

from __future__ import annotations

import pytest

from bot.understanding.acts import Act, Context
from tests.support.harness import shipped


def roles(text: str, context: Context | None = None) -> list[tuple[str | None, float | None, str]]:
    return [(t.perk, t.amount, t.role) for t in shipped()[1].read(text, context).terms if t.amount is not None]


_OFFER = Context(last_perk="base_salary", last_move="offer",
                 offer={"base_salary": 95_000, "professional_development": 1_500, "wellness": 50})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a salary-sized sum joined to a small perk by "+" or "with" is the salary, whatever the distance
        ("fine, 97k + the conference budget and I'm in", ("base_salary", 97_000, "ask")),
        ("I could sign at $99,000 with training covered", ("base_salary", 99_000, "ask")),
    ],
)
def test_a_sum_far_beyond_a_perks_offer_is_not_that_perks(text: str, expected: tuple) -> None:
    assert expected in roles(text, _OFFER)


def test_without_an_offer_a_sum_joined_to_a_small_budget_is_not_its_figure() -> None:
    got = roles("Your $91,000 with the commute at my own expense leaves me short; I'd like $96,000.")
    assert all(perk != "transportation" for perk, _, _ in got)


def test_a_sum_written_as_the_perks_own_keeps_the_perk() -> None:
    assert ("professional_development", 3_000, "ask") in roles("could we do a $3,000 conference budget?", _OFFER)


_BONUS_OFFER = Context(last_perk="performance_bonus", last_move="offer",
                       offer={"base_salary": 90_000, "performance_bonus": 8, "start_date": 3, "severance": 3})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the offer's own figure named first leaves the ask free for the figure said after it
        ("bonus target 8%, could it be 12?",
         [("performance_bonus", 8, "current"), ("performance_bonus", 12, "ask")]),
        ("Thanks, €90,000 is nearer. Could we say €93,000?",
         [("base_salary", 90_000, "current"), ("base_salary", 93_000, "ask")]),
    ],
)
def test_the_offers_figure_named_first_does_not_take_the_ask(text: str, expected: list) -> None:
    assert roles(text, _BONUS_OFFER) == expected


def test_a_figure_in_another_unit_is_not_the_offers_figure() -> None:
    # two months of severance is not the two-week start date on the table
    offer = Context(last_perk="severance", last_move="offer", offer={"severance": 2, "start_date": 2})
    got = roles("Two months of severance is less than I hoped. I could live with two months if the start date "
                "moves to 6 weeks.", offer)
    assert ("start_date", 6, "ask") in got and ("start_date", 2, "current") not in got


def test_a_figure_someone_told_the_user_is_evidence_even_after_the_offers_figure() -> None:
    offer = Context(last_perk="relocation", last_move="offer", offer={"relocation": 9_000, "base_salary": 150_000})
    got = roles("Relocation 9 thousand is small, the movers say me 15 thousand.", offer)
    assert ("relocation", 15_000, "evidence") in got


def test_a_zero_compared_with_is_not_asked_for() -> None:
    offer = Context(last_perk="remote_work", last_move="offer", offer={"remote_work": 2, "base_salary": 70_000})
    assert all(amount != 0 for _, amount, _ in roles("2 days beats 0 haha, I'll take it", offer))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare number near a salary-sized sum said before it is that kind of sum, in thousands
        ("glassdoor puts it at 120-140k so 132 seems right", [("base_salary", 120_000, "evidence"),
                                                              ("base_salary", 132_000, "ask")]),
        ("levels has 88-101k for this, so 96 feels right", [("base_salary", 88_000, "evidence"),
                                                            ("base_salary", 96_000, "ask")]),
    ],
)
def test_a_bare_number_after_a_sum_in_thousands_is_read_in_thousands(text: str, expected: list) -> None:
    assert roles(text) == expected


def test_a_bare_number_written_against_a_perk_in_days_keeps_its_unit() -> None:
    got = roles("I'm giving up $16k of bonus, so a $14k sign-on would help, and 20 vacation days are fine")
    assert all(amount != 20_000 for _, amount, _ in got)


def test_the_offers_own_figure_in_a_sentence_of_evidence_is_the_offer() -> None:
    offer = Context(last_perk="base_salary", last_move="offer", offer={"base_salary": 64_000})
    got = roles("from what I've read, analysts here get 63-75k, 64 is right at the bottom", offer)
    assert ("base_salary", 64_000, "current") in got


@pytest.mark.parametrize(
    "text",
    [
        "gym 90/mo, could u cover it?",  # a figure followed by a request to pay it is the cost
        "the gym near the office is like 90/mo",  # a bare sum per month stated as a price
        "Could you cover the certification exam, estimated at $900?",  # a price, even inside a question
        "Would you reimburse the gym? It is 90 dollars per month.",  # "it" is the gym named a sentence before
    ],
)
def test_a_cost_the_user_carries_is_evidence_not_the_ask(text: str) -> None:
    got = roles(text)
    assert got and all(role == "evidence" for _, _, role in got)


def test_a_cost_asked_to_be_covered_still_proposes_the_perk() -> None:
    said = shipped()[1].read("gym 90/mo, could u cover it?")
    assert Act.propose in said.acts
    assert any(t.perk == "wellness" and t.amount is None and t.role == "ask" for t in said.terms)


def test_a_sum_asked_for_to_cover_a_cost_stays_the_ask() -> None:
    assert ("sign_on_bonus", 6_000, "ask") in roles("I'm losing a bonus, so a $6k sign-on to cover it would help")


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # the offer's figure named first does not carry over to what a request after it asks for
        ("keep the salary at $90k, give me three home days and 25 days off", [("remote_work", 3), ("pto", 25)]),
        ("keep the 8% bonus and add a $600 gym budget", [("wellness", 600)]),
    ],
)
def test_the_offer_as_it_stands_does_not_spread_past_a_request(text: str, asked: list) -> None:
    got = roles(text)
    for perk, amount in asked:
        assert (perk, amount, "ask") in got


def test_a_recap_list_is_still_the_offer_throughout() -> None:
    got = roles("you offered $90k, 20 days and a 5% match")
    assert [role for _, _, role in got] == ["current", "current", "current"]


def test_a_sum_in_brackets_after_a_pay_step_is_read() -> None:
    assert ("base_salary", 81_500, "ask") in roles("I'd ask to start on grade step 5 ($81,500).")


def test_a_number_closing_a_list_item_is_still_no_amount() -> None:
    assert roles("two things: 1) the title 2) remote work") == []



@pytest.mark.parametrize(
    "text",
    [
        "a sign-on would soften the bonus I'm walking away from (about 9k)",
        "a sign-on helps, as joining means forfeiting a yearly bonus of roughly $16,000",
    ],
)
def test_a_bonus_forfeited_as_a_sum_is_the_bonus_not_the_sign_on(text: str) -> None:
    got = roles(text)
    assert got and got[0][0] == "performance_bonus" and got[0][2] == "evidence"


def test_a_salary_range_before_a_bonus_range_stays_the_salary() -> None:
    got = roles("peers are at $150k-$165k with a 10-15% bonus")
    assert ("base_salary", 150_000, "evidence") in got


def test_a_figure_had_elsewhere_is_evidence() -> None:
    assert ("base_salary", 97_000, "evidence") in roles("they offer 92k? I've got 97k base elsewhere")


def test_evidence_with_no_perk_named_answers_the_perk_under_discussion() -> None:
    offer = Context(last_perk="base_salary", last_move="offer", offer={"base_salary": 92_000})
    assert roles("levels shows 99ish", offer) == [("base_salary", 99_000, "evidence")]
    assert roles("95 elsewhere", offer) == [("base_salary", 95_000, "evidence")]


def test_a_second_bare_figure_after_the_offers_is_the_counter() -> None:
    offer = Context(last_perk="base_salary", last_move="offer", offer={"base_salary": 88_000})
    assert roles("88 is a bit thin tbh, 93 and we're done", offer) == [
        ("base_salary", 88_000, "current"), ("base_salary", 93_000, "ask")]
