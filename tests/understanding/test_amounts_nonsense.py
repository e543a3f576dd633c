"""Amounts nobody could mean, ids that look like numbers, and the money formats people type (issue 13).

Defect 1: a long chain of number words crashed the reader, and every later line was lost.
Defect 12: "base 1e308" was echoed as a 309-digit figure, "¾ million" read as a million, a Discord
role mention as the amount 123456. A figure is either read as written, flagged as doubtful so the
recruiter can question it, or not read at all; it is never made up.
"""

from __future__ import annotations

import json
import math

import pytest

from bot.playbooks.loader import load_playbooks
from bot.understanding.acts import Term
from bot.understanding.amounts import find_amounts, normalise
from bot.understanding.reader import Understander, understand_lines


@pytest.fixture(scope="module")
def understander() -> Understander:
    return Understander(load_playbooks().perks)


def terms(understander: Understander, text: str) -> list[Term]:
    return [t for t in understander.read(text).terms if t.amount is not None]


def values(text: str) -> list[float]:
    return [a.value for a in find_amounts(normalise(text))]


@pytest.mark.parametrize("text", ["hundred " * 155, "hundred-" * 400, "thousand " * 300, "million " * 60,
                                  "million thousand",
                                  "twelve hundred " * 200, "billion billion billion billion"])
def test_a_chain_of_number_words_is_no_amount_and_no_crash(understander: Understander, text: str) -> None:
    assert values(text) == []
    understander.read(text)


def test_understand_keeps_reading_after_a_chain_of_number_words(understander: Understander) -> None:
    lines = list(understand_lines(["hundred " * 155, "base 120k"], understander))
    assert len(lines) == 2
    assert json.loads(lines[1])["terms"][0]["amount"] == 120_000


def test_scales_multiply_what_was_said_before_them() -> None:
    assert values("twelve hundred thousand million") == [1.2e12]
    assert values("one million two hundred thousand") == [1_200_000]
    assert values("ninety thousand") == [90_000]
    assert values("two lakh") == [200_000]


@pytest.mark.parametrize("text", ["base 1e308", "base 1,000,000,000,000", "twelve hundred thousand million for base",
                                  "base " + "9" * 300])
def test_a_figure_no_pay_could_be_is_doubtful(understander: Understander, text: str) -> None:
    (term,) = terms(understander, text)
    assert term.perk in ("base_salary", None)  # too big for the salary: it may stay unassigned
    assert term.doubtful
    assert math.isfinite(term.amount or 0)


@pytest.mark.parametrize("text", ["base 120k", "25 days pto", "10% bonus", "base 1_000_000"])
def test_ordinary_figures_are_not_doubtful(understander: Understander, text: str) -> None:
    assert [t.doubtful for t in terms(understander, text)] == [False]


@pytest.mark.parametrize(
    ("text", "amount"),
    [("base 1_000_000", 1_000_000), ("¾ million base", 750_000), ("base 1\u200b50k", 150_000),
     ("base 1\u2060" "50k", 150_000)],
)
def test_figures_are_read_as_they_show(understander: Understander, text: str, amount: float) -> None:
    assert [(t.perk, t.amount) for t in terms(understander, text)] == [("base_salary", amount)]


def test_half_a_day_more_is_half_a_day(understander: Understander) -> None:
    (term,) = terms(understander, "½ more pto")
    assert (term.perk, term.amount, term.relative) == ("pto", 0.5, True)
    assert values("5 ½ days") == [5.5]


@pytest.mark.parametrize("mention", ["<@&123456>", "<@123456>", "<@!123456>", "<#123456>", "<@U123456>",
                                     "<!subteam^S123456>", "<:party:123456>", "<t:1700000000:R>"])
def test_mentions_and_ids_are_never_amounts(understander: Understander, mention: str) -> None:
    assert values(mention) == []
    assert terms(understander, f"{mention} what do you think of the base?") == []
    assert [t.amount for t in terms(understander, f"{mention} base 120k")] == [120_000]


def test_a_currency_other_than_the_scenarios_is_named_on_the_term(understander: Understander) -> None:
    (term,) = terms(understander, "I'd want 10,5k€ more")
    assert (term.amount, term.currency, term.relative) == (10_500, "EUR", True)


@pytest.mark.parametrize(
    ("text", "amount", "per"),
    [("My expected CTC is 24 LPA", 2_400_000, "year"), ("base of 12 lakh per annum", 1_200_000, "year"),
     ("1.2 crore base", 12_000_000, None)],
)
def test_indian_money_formats(understander: Understander, text: str, amount: float, per: str | None) -> None:
    assert [(t.perk, t.amount, t.unit, t.per) for t in terms(understander, text)] == [
        ("base_salary", amount, "money", per)
    ]


def test_a_count_of_salaries_is_not_an_amount() -> None:
    assert values("€4,800 a month in 14 salaries") == [4800]
    assert values("13 paychecks") == []


def test_an_increment_paid_monthly_is_per_month() -> None:
    (amount,) = find_amounts(normalise("300 € more a month"))
    assert (amount.value, amount.currency, amount.per, amount.relative) == (300, "EUR", "month", True)


def test_a_control_character_between_a_number_and_a_fraction_is_read_without_error() -> None:
    from bot.understanding.amounts import find_amounts

    assert [a.value for a in find_amounts("0\x1f¼")] == [0.25]
