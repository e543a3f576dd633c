"""Amounts as people say them, in each perk's unit."""

from __future__ import annotations

import pytest

from bot.playbooks.models import PerkDef
from bot.understanding.acts import Term
from bot.valuation.units import show, to_canonical


@pytest.mark.parametrize(("perk", "term", "current", "expected"), [
    ("pto", Term(perk="pto", amount=3, unit="weeks"), 20, 15),
    ("pto", Term(perk="pto", amount=3, unit="days", relative=True), 20, 23),
    ("pto", Term(perk="pto", amount=25), 20, 25),
    ("base_salary", Term(perk="base_salary", amount=8000, unit="money", per="month"), None, 96000),
    ("working_hours", Term(perk="working_hours", amount=9, unit="hours", per="day"), None, 45),
    ("working_hours", Term(perk="working_hours", amount=36, unit="hours"), None, 36),
    ("severance", Term(perk="severance", amount=1, unit="years"), None, 12),
    ("remote_work", Term(perk="remote_work", amount=3, unit="days"), None, 3),
    ("transportation", Term(perk="transportation", amount=0, negated=True), None, 0),
])
def test_terms_convert_to_the_perks_unit(
    perks: dict[str, PerkDef], perk: str, term: Term, current: float | None, expected: float
) -> None:
    assert to_canonical(term, perks[perk], current=current, base=100_000) == pytest.approx(expected)


def test_a_money_raise_becomes_a_share_of_base(perks: dict[str, PerkDef]) -> None:
    term = Term(perk="raise_review", amount=3000, unit="money")
    assert to_canonical(term, perks["raise_review"], base=100_000) == pytest.approx(3.0)


def test_units_that_do_not_fit_ask_for_a_number(perks: dict[str, PerkDef]) -> None:
    assert to_canonical(Term(perk="pto", amount=5, unit="percent"), perks["pto"]) is None
    assert to_canonical(Term(perk="pto", amount=None), perks["pto"]) is None


def test_amounts_show_as_people_say_them(perks: dict[str, PerkDef]) -> None:
    assert show(120000, perks["base_salary"], "EUR") == "€120,000"
    assert show(1, perks["pto"]) == "1 day"
    assert show(2.5, perks["remote_work"]) == "2.5 days a week"
    assert show(3, perks["severance"]) == "3 months"
    assert show(1, perks["mentorship"]) == "yes"
