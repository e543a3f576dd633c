"""Pairs of perk, amount and role, round eight: the shorthand of terse and mixed lines (docs/labelling.md). The
sentences are written here, not taken from any corpus."""

from __future__ import annotations

import pytest

from bot.understanding.acts import Context
from tests.support.harness import shipped


def pairs(text: str, context: Context | None = None) -> list[tuple[str | None, float | None, str]]:
    return [(t.perk, t.amount, t.role) for t in shipped()[1].read(text, context).terms]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vacation 18 → 23 days would be amazing", [("pto", 18, "current"), ("pto", 23, "ask")]),
        ("gym budget $300 -> $800 pls", [("wellness", 300, "current"), ("wellness", 800, "ask")]),
        ("rsus 30k → 40k?", [("equity", 30_000, "current"), ("equity", 40_000, "ask")]),
    ],
)
def test_an_arrow_leads_from_the_figure_as_it_stands_to_the_one_asked(text: str, expected: list) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("annual leave 27 days would be great", [("pto", 27, "ask")]),
        ("paid leave 30 days pls", [("pto", 30, "ask")]),
    ],
)
def test_leave_before_a_figure_can_be_the_noun_not_leaving(text: str, expected: list) -> None:
    assert pairs(text) == expected


def test_a_bonus_left_behind_to_join_is_the_current_bonus() -> None:
    assert pairs("im leaving a 9k bonus to join you guys") == [("performance_bonus", 9000, "evidence")]
    assert pairs("a 4k bonus when I join would help") == [("sign_on_bonus", 4000, "ask")]
