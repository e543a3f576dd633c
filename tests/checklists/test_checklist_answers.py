"""Reading one checklist answer per step kind, outside a whole checklist walk."""

from __future__ import annotations

import math

import pytest

from bot.checklists.answers import (
    PENDING,
    Retry,
    bounds_text,
    echo_figure,
    match_option,
    read_confirm,
    read_figure,
    read_ranking,
)
from bot.playbooks.models import Checklist, Step, StepKind
from bot.session import ChecklistState
from bot.valuation.units import number

OPTIONS = ["Base salary", "Remote work", "Paid time off"]
RANGE = Checklist(key="research", title="Research", summary="Market figures.", finish="prepare_summary", steps=[
    Step(key="market_low", kind=StepKind.money, prompt="Low end?"),
    Step(key="market_high", kind=StepKind.money, prompt="High end?"),
    Step(key="walk_away", kind=StepKind.money, prompt="Walk-away?"),
])


@pytest.mark.parametrize(("typed", "expected"), [
    ("2", "Remote work"), ("paid time off", "Paid time off"), ("rem", "Remote work"),
    ("Remtoe work", "Remote work"), ("4", None), ("0", None), ("", None), ("zzz", None),
])
def test_an_option_is_found_by_number_name_start_or_close_spelling(typed: str, expected: str | None) -> None:
    assert match_option(typed, OPTIONS) == expected


def test_a_ranking_typed_as_one_number_keeps_the_order_and_adds_what_was_left_out() -> None:
    step = Step(key="priorities", kind=StepKind.ranking, prompt="Rank", options=OPTIONS)
    ranking, echo = read_ranking(ChecklistState(key="prepare"), step, "32", None)
    assert ranking == ["Paid time off", "Remote work", "Base salary"]
    assert echo.startswith("Your order: 1. Paid time off")
    with pytest.raises(Retry, match="appears twice"):
        read_ranking(ChecklistState(key="prepare"), step, "2 2", None)


def test_a_tapped_ranking_waits_until_one_option_is_left() -> None:
    step = Step(key="priorities", kind=StepKind.ranking, prompt="Rank", options=OPTIONS)
    st = ChecklistState(key="prepare")
    assert read_ranking(st, step, "", "1")[0] is PENDING
    ranking, _ = read_ranking(st, step, "", "2")
    assert ranking == ["Remote work", "Paid time off", "Base salary"]


def test_a_typed_range_answers_its_high_step_too() -> None:
    st = ChecklistState(key="research")
    value, echo = read_figure(RANGE, st, RANGE.steps[0], "90-110k")
    assert value == 90_000 and st.answers["market_high"] == 110_000
    assert echo == "Noted: **$90,000 to $110,000**."


def test_a_monthly_amount_is_read_as_yearly_and_says_so() -> None:
    value, echo = read_figure(RANGE, ChecklistState(key="research"), RANGE.steps[0], "8k a month")
    assert value == 96_000 and echo == "Noted: **$96,000** a year (8,000 a month)."


def test_figures_that_cannot_be_right_are_asked_again() -> None:
    st = ChecklistState(key="research", answers={"market_low": 90_000.0})
    with pytest.raises(Retry, match="too large"):
        read_figure(RANGE, st, RANGE.steps[1], "200 billion")
    with pytest.raises(Retry, match="at least the bottom"):
        read_figure(RANGE, st, RANGE.steps[1], "80k")
    st.answers["target"] = 100_000.0
    with pytest.raises(Retry, match="at or below your target"):
        read_figure(RANGE, st, RANGE.steps[2], "120k")


@pytest.mark.parametrize(("typed", "picked", "expected"), [
    ("yeah sure", None, True), ("Nope.", None, False), ("", "yes", True), ("", "no", False),
])
def test_confirm_reads_yes_and_no_in_their_everyday_forms(typed: str, picked: str | None, expected: bool) -> None:
    assert read_confirm(typed, picked) is expected


def test_confirm_asks_again_when_unsure() -> None:
    with pytest.raises(Retry, match="yes"):
        read_confirm("maybe", None)


def test_figures_and_bounds_are_shown_as_people_write_them() -> None:
    st = ChecklistState(key="x", currency="EUR")
    percent = Step(key="share", kind=StepKind.percent, prompt="Share?", min=0.5, max=12.5)
    count = Step(key="count", kind=StepKind.number, prompt="How many?", min=1)
    money = Step(key="pay", kind=StepKind.money, prompt="Pay?", max=200_000)
    assert echo_figure(percent, 4.0, st) == "4%"
    assert echo_figure(count, 1e9, st) == "1,000,000,000"  # spelled out: checklist figures stay below 1e12
    assert bounds_text(percent, st) == "between 0.5% and 12.5%"
    assert bounds_text(count, st) == "at least 1"
    assert bounds_text(money, st) == "at most €200,000"


def test_number_spells_out_figures_until_its_threshold() -> None:
    assert number(1234.5) == "1,234.5" and number(3.0) == "3" and number(2.26, 1) == "2.3"
    assert number(1.5e9) == "1.5e+09"
    assert number(1.5e9, exponent_from=1e12) == "1,500,000,000"
    assert number(math.inf) == "inf" and number(-math.inf) == "-inf"
