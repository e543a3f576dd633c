"""Asks and offers the reader used to confuse (round ten). docs/labelling.md gives the labels; the sentences are
written here, not taken from any corpus."""

from __future__ import annotations

import pytest

from tests.support.reading import pairs

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
