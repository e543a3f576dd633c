"""Asks that lean on what was just said (round eight): a bare number that only the figure before it gives a unit
("Two days a week at home is not much. Might we make it three?"). docs/labelling.md gives the labels; the sentences
are written here, not taken from any corpus."""

from __future__ import annotations

import pytest

from bot.understanding.acts import Context
from bot.understanding.amounts import find_amounts, normalise
from tests.support.reading import pairs


def units(text: str) -> list[tuple[float, str | None]]:
    return [(a.value, a.unit) for a in find_amounts(normalise(text))]


# --- a bare count takes the unit of the count said just before it -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two days a week at home is not much. Might we make it three?", (3.0, "days")),
        ("Five weeks of parental leave feels short. Would eight be possible?", (8.0, "weeks")),
        ("2 weeks of notice? give me 4", (4.0, "weeks")),
        ("One week of leave for the move is tight. Is possible two?", (2.0, "weeks")),
    ],
)
def test_a_bare_count_after_a_counted_figure_takes_its_unit(text: str, expected: tuple[float, str]) -> None:
    assert expected in units(text)


def test_a_unit_said_alone_lends_no_count() -> None:
    # "a week" after "hours" names the period, not the unit of the figure asked for
    assert (38.0, "hours") in units("They want 42 hours in a week. Too many, I want 38.")


def test_a_small_number_with_no_count_before_stays_bare() -> None:
    assert units("We have two kids. Would three be possible?") == []


def test_the_count_asked_for_answers_the_perk() -> None:
    read = pairs("Only two days at home is too little. Is possible three?")
    assert ("remote_work", 3.0, "ask") in read


# --- the offer's own figure is the same figure only in the perk's own unit ---------------------------------------


def test_months_are_not_the_start_date_in_weeks() -> None:
    offer = Context(last_perk="base_salary", last_move="offer",
                    offer={"base_salary": 120000, "start_date": 3, "severance": 0})
    assert not any(perk == "start_date" for perk, _, _ in pairs("Could we make it three months?", offer))


# --- an arrow between two figures is a change: "from the first to the second" -------------------------------------


@pytest.mark.parametrize(
    ("text", "perk", "before", "after"),
    [
        ("holidays 22 -> 26 days?", "pto", 22.0, 26.0),
        ("gym money 500→900 pls", "wellness", 500.0, 900.0),
        ("learning budget 1.5k => 3k", "professional_development", 1500.0, 3000.0),
    ],
)
def test_an_arrow_changes_the_figure_before_it_into_the_one_after(text: str, perk: str, before: float,
                                                                  after: float) -> None:
    read = pairs(text)
    assert (perk, before, "current") in read
    assert (perk, after, "ask") in read


# --- a gap to another offer is no figure of any perk ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Your number is still €6,000 below the other offer. They also cover my gym.",
        "That leaves me 4k short of what they pay, and they throw in a laptop.",
        "You are 3,000 below the other one on the learning budget.",
    ],
)
def test_a_gap_to_another_offer_is_no_figure_of_a_perk(text: str) -> None:
    assert [p for p in pairs(text) if p[1] is not None] == []


# --- a figure asked for in a sentence naming no perk belongs to the perk named just before ------------------------


def test_a_figure_asked_after_the_sentence_naming_its_perk_is_that_perks() -> None:
    offer = Context(last_perk="pto", last_move="offer", offer={"base_salary": 90000, "equity": 20000, "pto": 20})
    read = pairs("Ownership is what keeps me somewhere, so equity is the piece I care about. Could the grant reach "
                 "$35,000?", offer)
    assert ("equity", 35000.0, "ask") in read
    assert not any(perk == "base_salary" for perk, _, _ in read)


def test_a_figure_with_its_own_perk_in_its_sentence_keeps_it() -> None:
    read = pairs("Relocation is settled, thanks. The base would need to be $95,000.")
    assert ("base_salary", 95000.0, "ask") in read


# --- a bare number in thousands answers the money perk the recruiter just gave ground on --------------------------


def test_a_bare_number_answers_the_sum_just_conceded() -> None:
    gave = Context(last_perk="pto", last_move="offer", conceded=["relocation", "pto"],
                   offer={"base_salary": 120000, "relocation": 12000, "pto": 22})
    read = pairs("12 won't cover it. I asked for 18.", gave)
    assert ("relocation", 18000.0, "ask") in read
    assert not any(perk == "base_salary" for perk, _, _ in read)


# --- a sum far under the salary, said after talk of a perk, is that perk's ----------------------------------------


def test_a_sum_under_the_salary_after_talk_of_a_perk_is_that_perks() -> None:
    offer = Context(last_perk="relocation", last_move="offer",
                    offer={"base_salary": 150000, "relocation": 12000, "sign_on_bonus": 0})
    read = pairs("The base at $150,000 is fine. The $12,000 relocation package is generous. Might you go to $18,000?",
                 offer)
    assert ("relocation", 18000.0, "ask") in read
    assert not any(perk == "base_salary" and role == "ask" for perk, _, role in read)


def test_neighbouring_counts_joined_by_or_are_a_range() -> None:
    ranged = [a for a in find_amounts(normalise("finding a new role could take two or three months")) if a.range]
    assert [(a.value, a.unit, a.range) for a in ranged] == [(2.0, "months", (2.0, 3.0))]


# --- a published pay scale is evidence, and the number of a rung is no figure ---------------------------------------


def test_a_scale_spanning_rungs_is_evidence_not_an_ask() -> None:
    read = pairs("Per the union contract the pay runs from $64,000 at grade 2 to $80,500 at grade 7.")
    assert not any(role == "ask" for _, _, role in read)
    assert ("base_salary", 64000.0, "evidence") in read


@pytest.mark.parametrize("text", ["I'd hoped for level 5 or 6 given my years.", "Is grade 9 open to me?"])
def test_the_number_of_a_rung_is_no_amount(text: str) -> None:
    assert units(text) == []


# --- what a rival gives is news about the rival, not an ask --------------------------------------------------------


def test_perks_a_rival_gives_are_not_asked_for() -> None:
    read = pairs("The other firm is higher. They also give me a company car and a gym membership.")
    assert not any(role == "ask" for _, _, role in read)
