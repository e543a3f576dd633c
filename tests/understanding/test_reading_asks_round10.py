"""Asks and offers the reader used to confuse (round ten). docs/labelling.md gives the labels; the sentences are
written here, not taken from any corpus."""

from __future__ import annotations

import pytest

from bot.understanding.acts import Act, Context
from tests.support.reading import acts, pairs

# --- a figure judged, refused or held up in disbelief is the offer, not what is asked ----------------------------


@pytest.mark.parametrize(
    ("text", "perk", "amount"),
    [
        ("honestly 90 is little bit low for me", "base_salary", 90000),
        ("so 90k is a little bit down for what I do", "base_salary", 90000),
        ("12 days of vacation is on the low side", "pto", 12),
        ("95k is barely a bump over my old job", "base_salary", 95000),
        ("Too low. 95 I cannot accept.", "base_salary", 95000),
        ("95k for running two teams?? really", "base_salary", 95000),
        ("lol 12 days of leave in this day and age?!", "pto", 12),
    ],
)
def test_a_figure_judged_or_refused_is_the_offer(text: str, perk: str, amount: float) -> None:
    read = pairs(text)
    assert (perk, amount, "current") in read, read
    assert (perk, amount, "ask") not in read, read


def test_a_figure_asked_for_with_double_question_marks_is_still_asked() -> None:
    read = pairs("could you do 110k for the lead role??")
    assert ("base_salary", 110000, "ask") in read, read


# --- what the speaker has now, or what is the norm, is evidence ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "perk", "amount"),
    [
        ("a 3% pension is well under what I currently get (5%)", "retirement_match", 5),
        ("20 days is below what I have today (28 days), so I can't take it", "pto", 28),
        ("A $3,000 budget for courses and conferences is standard at the places I've interviewed with. Could we "
         "include that?", "professional_development", 3000),
        ("Just 1 remote day when 3 remote days is normal for this kind of job?", "remote_work", 3),
    ],
)
def test_what_the_speaker_has_or_the_norm_is_evidence(text: str, perk: str, amount: float) -> None:
    read = pairs(text)
    assert (perk, amount, "evidence") in read, read
    assert (perk, amount, "ask") not in read, read


def test_a_figure_asked_for_and_called_standard_is_still_asked() -> None:
    read = pairs("I'd like 25 days of leave, which is standard here.")
    assert ("pto", 25, "ask") in read, read


# --- a figure the speaker settles for in a trade is given, in more words ----------------------------------------


@pytest.mark.parametrize(
    ("text", "given", "asked"),
    [
        ("I can work with €70,000 if the VSOP grant goes up to €10,000.", ("base_salary", 70000), "equity"),
        ("I'd hold the salary at $140k if you add a $15k sign-on.", ("base_salary", 140000), "sign_on_bonus"),
        ("I take the 95k if the raise after probation is 6%.", ("base_salary", 95000), "raise_review"),
        ("A mentor would mean a lot to me. Glad to keep base at 95k for it.", ("base_salary", 95000), "mentorship"),
        ("Two months of severance is what I need, and I'd stay on 95k base to get it.", ("base_salary", 95000),
         "severance"),
    ],
)
def test_a_figure_settled_for_to_get_another_perk_is_given(text: str, given: tuple[str, float], asked: str) -> None:
    read = pairs(text)
    assert (*given, "give") in read, read
    assert any(perk == asked and role == "ask" for perk, _, role in read), read


def test_a_figure_above_the_offer_named_beside_it_is_still_asked() -> None:
    read = pairs("You're at $80k; I'd be comfortable at $86k if we also add a raise review after probation.")
    assert ("base_salary", 86000, "ask") in read, read


# --- a bonus lost by moving keeps its figure ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "If I switch before June I will lose my bonus of $15k.",
        "I lose bonus of 15 thousand dollar when I go now. Can you give me sign-on bonus?",
        "I'm losing my annual bonus of $15,000 by leaving early.",
    ],
)
def test_a_bonus_lost_by_moving_is_evidence_with_its_figure(text: str) -> None:
    read = pairs(text)
    assert ("performance_bonus", 15000, "evidence") in read, read
    assert not any(perk == "base_salary" for perk, _, _ in read), read


# --- "a few thousand" names no figure ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Equity matters more to me than squeezing out the last thousand on salary.",
        "A few thousand more on base would make this easy.",
        "I'd give up several thousand of salary for a real mentor.",
    ],
)
def test_a_vague_thousand_is_no_amount(text: str) -> None:
    read = pairs(text)
    assert not any(amount == 1000 for _, amount, _ in read), read


def test_a_thousand_said_alone_is_still_a_figure() -> None:
    assert ("professional_development", 1000, "ask") in pairs("Could the training budget go up by a thousand?")


# --- a request followed by "which is …?" is still a request -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "perk", "amount"),
    [
        ("Could you place me on grade 5, which is $91,500?", "base_salary", 91500),
        ("Would you consider a $4,000 training budget, which would cover the whole course?",
         "professional_development", 4000),
    ],
)
def test_a_request_with_a_which_clause_is_no_information_question(text: str, perk: str, amount: float) -> None:
    read = pairs(text)
    assert (perk, amount, "ask") in read, read
    assert Act.propose in acts(text) and Act.ask not in acts(text)


# --- "the grant" is the equity grant ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Could you raise the grant to $45,000?", 45000),
        ("I'd be happier with a bigger grant, say $45k.", 45000),
    ],
)
def test_the_grant_is_equity(text: str, amount: float) -> None:
    read = pairs(text)
    assert ("equity", amount, "ask") in read, read


@pytest.mark.parametrize(
    "text",
    [
        "My salary here is paid by the grant, so it can't move.",
        "Could you grant me an extra week?",
        "I understand the grant is fixed, so let's talk about leave.",
        "The grant reporting is work I can do from home.",
    ],
)
def test_a_grant_that_is_no_stock_is_not_equity(text: str) -> None:
    assert not any(perk == "equity" for perk, _, _ in pairs(text)), pairs(text)


# --- a price in brackets after the thing to be covered is its cost -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "perk", "amount"),
    [
        ("could you cover my bus pass (€49/mo)?", "transportation", 49),
        ("Would the company pay for my gym (about $60 a month)?", "wellness", 60),
    ],
)
def test_a_price_in_brackets_is_the_cost_not_the_ask(text: str, perk: str, amount: float) -> None:
    read = pairs(text)
    assert (perk, amount, "evidence") in read, read
    assert (perk, amount, "ask") not in read, read


# --- a figure corrected in the same breath ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "perk", "said", "meant"),
    [
        ("I'd like 28 days of leave, no wait, 26 days.", "pto", 28, 26),
        ("Could we do four days at home? Sorry, no, actually three days.", "remote_work", 4, 3),
    ],
)
def test_a_figure_corrected_in_the_same_breath_is_the_one_meant(text: str, perk: str, said: float,
                                                                meant: float) -> None:
    read = pairs(text)
    assert (perk, meant, "ask") in read, read
    assert (perk, said, "ask") not in read, read


def test_a_commute_said_as_the_trip_does_not_make_a_figure_transport() -> None:
    offer = Context(last_perk="professional_development", last_move="offer",
                    offer={"base_salary": 90000, "professional_development": 3500, "remote_work": 2})
    read = pairs("I could work with $3,500 if we add a third hybrid day; my commute is 75 minutes each way.", offer)
    assert ("professional_development", 3500, "give") in read, read
    assert not any(perk == "transportation" for perk, _, _ in read), read
