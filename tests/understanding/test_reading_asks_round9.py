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
