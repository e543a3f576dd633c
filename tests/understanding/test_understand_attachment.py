"""Which perk a figure belongs to (docs/labelling.md, Terms): its size against the perk's scale, the figure said
before it, and what the user says it is for.

The sentences are written here, not taken from any corpus.
"""

from __future__ import annotations

import pytest

from bot.understanding.acts import Context
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
