"""Roles the reader used to miss in terse, casual and mixed lines (round ten): a figure kept in a trade whose other
side was asked for first, or "for it". docs/labelling.md gives the labels; the sentences are written here, not taken
from any corpus."""

from __future__ import annotations

import pytest

from tests.support.reading import pairs

# --- a figure kept in a trade, the other side asked before it or "for it" ------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept", "asked"),
    [
        # the other perk is asked for first; the figure kept after it is what pays for it
        ("could you pay for my gym? i'd keep my salary at 95k", ("base_salary", 95000.0), "wellness"),
        ("two more weeks of parental leave would mean a lot. happy to keep base at 130 for it",
         ("base_salary", 130000.0), "parental_leave"),
        ("4 remote days pls, i can go down to 5k signon for that", ("sign_on_bonus", 5000.0), "remote_work"),
        ("I'd hold the salary at $140k if the equity goes to $30k", ("base_salary", 140000.0), "equity"),
    ],
)
def test_a_figure_kept_for_another_perk_is_given(text: str, kept: tuple[str, float], asked: str) -> None:
    read = pairs(text)
    assert (*kept, "give") in read, read
    assert any(perk == asked and role == "ask" for perk, _, role in read), read


def test_a_figure_kept_with_nothing_asked_for_it_is_no_give() -> None:
    # nothing else is asked: keeping the salary gives nothing up
    read = pairs("i'd keep the salary at 95k, that's all")
    assert all(role != "give" for _, _, role in read), read


def test_the_offers_own_figure_taken_as_offered_stays_current() -> None:
    # "the …" / "as offered" confirm what is on the table; with no condition after it, nothing is given up
    read = pairs("Add a fourth remote day and I'll take the $130k as offered.")
    assert ("base_salary", 130000.0, "current") in read, read


# --- a figure judged or held up in disbelief is the offer ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "judged"),
    [
        ("95k for someone with 8 yrs of experience??", ("base_salary", 95000.0)),
        ("lol 18 days for a lead role? kind of insulting tbh", ("pto", 18.0)),
        ("ugh 12 days. that's rough", ("pto", 12.0)),
        ("meh, a 5% bonus is whatever", ("performance_bonus", 5.0)),
    ],
)
def test_a_figure_judged_or_held_up_in_disbelief_is_the_offer(text: str, judged: tuple[str, float]) -> None:
    read = pairs(text)
    assert (*judged, "current") in read, read


def test_a_figure_called_low_without_a_verb_is_the_offer_and_the_next_is_asked() -> None:
    read = pairs("5% bonus low, 10%?")
    assert ("performance_bonus", 5.0, "current") in read, read
    assert ("performance_bonus", 10.0, "ask") in read, read


@pytest.mark.parametrize("text", ["pto: can you do 25 days??", "could we do 25 days of pto?? pleaseee"])
def test_a_request_with_two_question_marks_still_asks(text: str) -> None:
    assert ("pto", 25.0, "ask") in pairs(text)


# --- a range is evidence unless asked for -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "150 is a joke. leads get 170-190",
        "similar startups are at 95-105 so base is fine, 25 days pto?",
    ],
)
def test_a_range_said_with_nothing_asked_of_it_is_evidence(text: str) -> None:
    read = pairs(text)
    ranged = [t for t in read if t[1] in (170000.0, 95000.0)]
    assert ranged and all(role == "evidence" for _, _, role in ranged), read


@pytest.mark.parametrize(
    "text", ["could you do 160-170?", "I'm aiming for 160-170k", "a base of $160k-$170k rather than 150",
             "honestly 160-170k would be great"])
def test_a_range_asked_for_stays_asked(text: str) -> None:
    assert ("base_salary", 160000.0, "ask") in pairs(text)


# --- figures in chat shorthand -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("seventy-two k base or i walk", ("base_salary", 72000.0, "ask")),
        ("hundred forty five k base pls", ("base_salary", 145000.0, "ask")),
    ],
)
def test_number_words_with_k_are_thousands(text: str, figure: tuple[str, float, str]) -> None:
    assert figure in pairs(text)


def test_a_bare_figure_in_the_hundreds_is_no_bonus_percentage() -> None:
    read = pairs("peers get 150-160 base + a 10% bonus. so 158.")
    assert ("base_salary", 158000.0, "ask") in read, read
    assert all(amount != 158 for _, amount, _ in read), read


# --- what the offer says ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "offered"),
    [
        ("25 days pto pls, offer says 20", ("pto", 20.0)),
        ("a 10k signon would help (offer has 0 rn)", ("sign_on_bonus", 0.0)),
        ("could we do 3 remote days (instead of 2)?", ("remote_work", 2.0)),
    ],
)
def test_the_figure_the_offer_says_is_current(text: str, offered: tuple[str, float]) -> None:
    read = pairs(text)
    assert (*offered, "current") in read, read


def test_a_rivals_offer_is_not_the_offer() -> None:
    read = pairs("the other offer has 150k, can you match?")
    assert ("base_salary", 150000.0, "evidence") in read, read


@pytest.mark.parametrize(
    ("text", "judged"),
    [
        ("moving will run me ~12k and relo at 8k doesn't quite cut it. 12?", ("relocation", 8000.0)),
        ("i earn 90k today so 95k is barely a bump. could we do 105?", ("base_salary", 95000.0)),
        ("95k is on the low end of the 90-120k band tbh. 110?", ("base_salary", 95000.0)),
    ],
)
def test_a_figure_judged_short_of_the_ask_is_the_offer(text: str, judged: tuple[str, float]) -> None:
    read = pairs(text)
    assert (*judged, "current") in read, read


def test_a_range_is_never_the_offer() -> None:
    read = pairs("80k vs a 85-95k range… i'm aiming for 90 tbh")
    assert all(not (amount == 85000 and role == "current") for _, amount, role in read), read


@pytest.mark.parametrize(
    "text", ["anything else you could add to close the gap between $140k and $150k?",
             "what else could u add to close the gap from 140 to 150?"])
def test_a_gap_starts_at_the_offer_and_ends_at_the_ask(text: str) -> None:
    read = pairs(text)
    assert ("base_salary", 140000.0, "current") in read, read
    assert ("base_salary", 150000.0, "question") in read, read


def test_a_figure_preferred_over_another_names_the_other_as_the_offer() -> None:
    read = pairs("and 95k over 90k?")
    assert ("base_salary", 95000.0, "ask") in read, read
    assert ("base_salary", 90000.0, "current") in read, read


@pytest.mark.parametrize(
    ("text", "perk"),
    [("could you cover my gym (45/mo)?", "wellness"), ("pls pay for the bus pass (€49 a month)", "transportation")],
)
def test_a_price_in_brackets_after_what_is_to_be_paid_for_is_evidence(text: str, perk: str) -> None:
    read = pairs(text)
    assert any(p == perk and role == "evidence" for p, _, role in read), read
    assert all(role != "ask" or amount is None for _, amount, role in read), read


def test_roughly_is_no_judgement_of_the_figure() -> None:
    assert ("base_salary", 74000.0, "ask") in pairs("Around $74,000? That's roughly the middle of the band.")
