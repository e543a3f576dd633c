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
