"""Asks the reader used to miss in skilled players' practices (round nine): a perk asked for as the condition of a
trade, with what it costs said beside it ("I'm fine with 95k if you cover my gym, it's about $50 a month").
docs/labelling.md gives the labels; the sentences are written here, not taken from any corpus."""

from __future__ import annotations

import pytest

from bot.understanding.acts import Context
from tests.support.reading import pairs

_OFFER = Context(last_perk="base_salary", last_move="offer",
                 offer={"base_salary": 95000, "wellness": 300, "transportation": 1200})


@pytest.mark.parametrize(
    ("text", "perk"),
    [
        ("I could live with $95,000 if you also cover my gym membership. It costs around $50 a month.", "wellness"),
        ("I'd take $95,000 if the company pays for my train pass, which is about $110 a month.", "transportation"),
    ],
)
def test_a_perk_priced_beside_a_trade_condition_is_asked_for(text: str, perk: str) -> None:
    read = pairs(text, _OFFER)
    assert (perk, None, "ask") in read, read
    assert ("base_salary", 95000, "give") in read, read


def test_the_speaker_paying_is_no_request() -> None:
    # "if I pay for it myself" names no one else to pay: the cost is only evidence
    read = pairs("The gym is about $50 a month, and that is fine if I pay for it myself.", _OFFER)
    assert all(role != "ask" for _, _, role in read), read


# --- a figure said alone, then the perk it is of ------------------------------------------------------------------

_GRANT = Context(last_move="question", offer={"base_salary": 30000, "equity": 20000, "sign_on_bonus": 5000})


def test_a_figure_alone_belongs_to_the_perk_opening_the_next_sentence() -> None:
    read = pairs("$35,000. The equity grant is what I care about most after the salary.", _GRANT)
    assert ("equity", 35000, "ask") in read, read
    assert not any(perk == "base_salary" and role == "ask" for perk, _, role in read), read


def test_a_salary_sized_figure_alone_is_not_a_small_perk_after_it() -> None:
    # the sign-on on the table is $5,000: $90,000 said alone is no sign-on
    read = pairs("$90,000. The sign-on would be welcome too.", _GRANT)
    assert ("sign_on_bonus", 90000, "ask") not in read, read


def test_a_perk_ranked_after_is_not_asked_for() -> None:
    read = pairs("Remote days are the next thing I care about after the monthly salary.")
    assert not any(perk == "base_salary" and role == "ask" for perk, _, role in read), read


# --- a perk's figure on the table, said in thousands ---------------------------------------------------------------


_SIGN_ON = Context(last_perk="sign_on_bonus", last_move="offer", offer={"base_salary": 120000, "sign_on_bonus": 15000})


def test_a_perks_figure_said_in_thousands_names_the_offer() -> None:
    context = _SIGN_ON
    read = pairs("15 on the sign-on is fair, thank you.", context)
    assert not any(role == "ask" for _, _, role in read), read


def test_a_figure_asked_for_in_thousands_stays_asked() -> None:
    context = _SIGN_ON
    assert any(role == "ask" for _, _, role in pairs("Could the sign-on go to 20?", context))
