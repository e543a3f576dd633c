"""Asks the reader used to misread (round eleven): perk names with typos, shorthand lists, figures whose perk comes
from the turn before. docs/labelling.md gives the labels; the sentences are written here, not taken from any corpus."""

from __future__ import annotations

import pytest

from tests.support.reading import pairs

# --- a two-word perk name with a typo in one or both words still names the perk ---------------------------------


@pytest.mark.parametrize(
    ("text", "perk", "amount"),
    [
        ("could the lerning budgt go to 2500?", "professional_development", 2500),
        ("id like the profesional developmnt budget at 4k", "professional_development", 4000),
        ("would the educaton budgt stretch to 3k?", "professional_development", 3000),
    ],
)
def test_a_misspelt_two_word_perk_is_that_perk(text: str, perk: str, amount: float) -> None:
    read = pairs(text)
    assert (perk, amount, "ask") in read, read
    assert not any(p == "base_salary" for p, _, _ in read), read


def test_a_perk_word_with_its_ending_spelt_as_it_sounds_is_that_perk() -> None:
    read = pairs("equitee 30k pls")
    assert ("equity", 30000, "ask") in read, read


# --- a sum paid "in options" is the equity grant --------------------------------------------------------------


def test_a_sum_in_options_is_equity_and_the_other_sum_keeps_its_perk() -> None:
    read = pairs("my ask is $150k base and $45,000 in options")
    assert ("equity", 45000, "ask") in read, read
    assert ("base_salary", 150000, "ask") in read, read
    assert ("equity", 150000, "ask") not in read, read


def test_other_options_name_no_perk() -> None:
    read = pairs("are there other options for 2025?")
    assert not any(p == "equity" for p, _, _ in read), read
