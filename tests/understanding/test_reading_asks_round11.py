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
