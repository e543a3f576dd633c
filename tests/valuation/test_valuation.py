"""Money values: each perk's yearly value checked by hand, unit conversion, ranges, assumptions, comparison."""

from __future__ import annotations

import pytest

from bot.playbooks.models import Playbooks
from bot.understanding.acts import Term, Understanding
from bot.valuation.value import (
    AssumptionError,
    assumptions_for,
    compare,
    money_won,
    parse_assumption,
    read_terms,
    terms_from_understanding,
    total_value,
    valuation_cards,
    valuation_reply,
    value_offer,
    yearly_value,
)

BASE = 104_000.0  # 400 a working day, 2,000 a week, 8,666.67 a month


def yearly(playbooks: Playbooks, perk: str, amount: float, **assume: float) -> float | None:
    return yearly_value(perk, amount, BASE, playbooks, assume or None)


def test_a_pto_day_is_a_working_day_of_pay(playbooks: Playbooks) -> None:
    assert yearly(playbooks, "pto", 1) == pytest.approx(400)
    assert yearly(playbooks, "pto", 25) == pytest.approx(10_000)
    assert yearly(playbooks, "pto", 25, working_days_per_year=250) == pytest.approx(10_400)


def test_retirement_match_and_target_bonus_are_shares_of_base(playbooks: Playbooks) -> None:
    assert yearly(playbooks, "retirement_match", 4) == pytest.approx(4_160)
    assert yearly(playbooks, "performance_bonus", 10) == pytest.approx(10_400)


def test_one_off_sums_are_spread_over_the_expected_years(playbooks: Playbooks) -> None:
    assert yearly(playbooks, "sign_on_bonus", 10_000) == pytest.approx(5_000)
    assert yearly(playbooks, "sign_on_bonus", 10_000, expected_years=4) == pytest.approx(2_500)
    assert yearly(playbooks, "relocation", 9_000, expected_years=3) == pytest.approx(3_000)


def test_remote_days_are_worth_the_commute_they_save(playbooks: Playbooks) -> None:
    # 2 days a week × 46 working weeks × 18 a day
    assert yearly(playbooks, "remote_work", 2) == pytest.approx(1_656)
    assert yearly(playbooks, "remote_work", 2, commute_cost_per_day=25) == pytest.approx(2_300)


def test_a_timed_raise_counts_for_the_rest_of_year_one(playbooks: Playbooks) -> None:
    # 5% of 104,000 = 5,200 a year, paid for 9 of the 12 months after a review at month 3
    assert yearly(playbooks, "raise_review", 5) == pytest.approx(3_900)
    assert yearly(playbooks, "raise_review", 5, raise_review_after_months=6) == pytest.approx(2_600)
    assert yearly(playbooks, "raise_review", 5, raise_review_after_months=12) == pytest.approx(0)


def test_severance_is_priced_as_insurance(playbooks: Playbooks) -> None:
    # 3 months of pay (26,000) × 8% yearly chance of being let go
    assert yearly(playbooks, "severance", 3) == pytest.approx(2_080)
    assert yearly(playbooks, "severance", 3, layoff_probability=0.2) == pytest.approx(5_200)


def test_parental_leave_hours_and_flat_perks(playbooks: Playbooks) -> None:
    # 16 weeks × 2,000 × 30% chance, over 2 years
    assert yearly(playbooks, "parental_leave", 16) == pytest.approx(4_800)
    # 36 hours instead of 40 frees a tenth of the week at the same pay; 45 hours costs an eighth
    assert yearly(playbooks, "working_hours", 36) == pytest.approx(10_400)
    assert yearly(playbooks, "working_hours", 45) == pytest.approx(-13_000)
    assert yearly(playbooks, "flexible_schedule", 1) == pytest.approx(1_500)
    assert yearly(playbooks, "professional_development", 2_000) == pytest.approx(2_000)
    assert yearly(playbooks, "title", 1) is None
    assert yearly(playbooks, "no_such_perk", 1) is None


def test_an_offer_totals_its_priced_lines_and_lists_the_rest(playbooks: Playbooks) -> None:
    v = value_offer({"base_salary": BASE, "pto": 25, "retirement_match": 4, "sign_on_bonus": 10_000,
                     "remote_work": 2, "title": 1}, playbooks)
    assert v.total == pytest.approx(BASE + 10_000 + 4_160 + 5_000 + 1_656)
    title, pto = v.line("title"), v.line("pto")
    assert title is not None and title.yearly is None
    assert pto is not None and pto.shown == "25 days"
    # only the assumptions this offer read are shown, with their values
    assert v.assumptions == {"expected_years": 2, "working_days_per_year": 260, "work_weeks_per_year": 46,
                             "commute_cost_per_day": 18}
    card = valuation_cards(v)
    values = {f.label: f.value for f in card.fields}
    assert values["Paid time off"] == "25 days → $10,000 a year"
    assert values["Total per year"] == "$124,816"
    assert card.footer is not None
    assert "commute_cost_per_day 18" in card.footer and "assume NAME VALUE" in card.footer
    assert "Job title" in valuation_reply(v).text  # reported as not priced


def test_changed_assumptions_change_the_total(playbooks: Playbooks) -> None:
    terms = {"base_salary": BASE, "remote_work": 3}
    before = value_offer(terms, playbooks).total
    after = value_offer(terms, playbooks, assumptions={"commute_cost_per_day": 28}).total
    assert after - before == pytest.approx(3 * 46 * 10)


def test_out_of_range_amounts_are_not_priced(playbooks: Playbooks) -> None:
    v = value_offer({"base_salary": BASE, "pto": 999, "severance": -2}, playbooks)
    pto, severance = v.line("pto"), v.line("severance")
    assert pto is not None and pto.yearly is None and "outside" in pto.explain
    assert severance is not None and severance.yearly is None
    assert v.total == pytest.approx(BASE)


def test_other_currencies_are_shown_in_their_own_money(playbooks: Playbooks) -> None:
    v = value_offer({"base_salary": 78_000, "pto": 30}, playbooks, currency="EUR")
    values = {f.label: f.value for f in valuation_cards(v).fields}
    assert values["Base salary"] == "€78,000"
    assert values["Paid time off"] == "30 days → €9,000 a year"


def test_scenario_assumptions_sit_between_defaults_and_user_overrides(playbooks: Playbooks) -> None:
    scenario = next(iter(playbooks.scenarios.values()))
    merged = assumptions_for(playbooks, scenario, {"expected_years": 5})
    assert merged["expected_years"] == 5
    for key, value in scenario.assumptions.items():
        if key != "expected_years":
            assert merged[key] == value


def test_money_won_is_the_yearly_gain_over_the_opening_offer(playbooks: Playbooks) -> None:
    opening = {"base_salary": BASE, "pto": 20}
    final = {"base_salary": BASE + 6_000, "pto": 25, "sign_on_bonus": 4_000}
    # 6,000 salary + 5 days at (110,000 / 260) + 25 days... computed on each package's own base
    expected = (BASE + 6_000 + 25 * (BASE + 6_000) / 260 + 2_000) - (BASE + 20 * BASE / 260)
    assert money_won(opening, final, playbooks) == pytest.approx(expected)


# --- reading terms -------------------------------------------------------------------------------


def said(*terms: Term) -> Understanding:
    return Understanding(text="(test)", terms=list(terms))


def test_units_are_converted_to_each_perks_own(playbooks: Playbooks) -> None:
    read = read_terms(said(
        Term(perk="base_salary", amount=8_000, unit="money", per="month"),
        Term(perk="pto", amount=3, unit="weeks"),
        Term(perk="parental_leave", amount=3, unit="months"),
        Term(perk="severance", amount=1, unit="years"),
        Term(perk="raise_review", amount=4_800, unit="money"),
        Term(perk="remote_work", amount=2, unit="days"),
    ), playbooks)
    assert read.problems == []
    assert read.terms["base_salary"] == pytest.approx(96_000)
    assert read.terms["pto"] == pytest.approx(15)
    assert read.terms["parental_leave"] == pytest.approx(13)
    assert read.terms["severance"] == pytest.approx(12)
    assert read.terms["raise_review"] == pytest.approx(5)  # 4,800 of a 96,000 base


def test_negations_relative_amounts_and_a_bare_salary(playbooks: Playbooks) -> None:
    read = read_terms(said(
        Term(perk=None, amount=95_000, unit=None),
        Term(perk="transportation", negated=True),
        Term(perk="pto", amount=3, unit="days", relative=True),
        Term(perk="flexible_schedule"),
    ), playbooks, current={"pto": 20})
    assert read.terms == {"base_salary": 95_000, "transportation": 0, "pto": 23, "flexible_schedule": 1}


def test_out_of_range_and_unreadable_terms_are_dropped_with_a_reason(playbooks: Playbooks) -> None:
    read = read_terms(said(
        Term(perk="base_salary", amount=100_000, unit="money"),
        Term(perk="pto", amount=-5, unit="days"),
        Term(perk="parental_leave", amount=999, unit="weeks"),
        Term(perk="sign_on_bonus", amount=1e99, unit="money"),
        Term(perk="retirement_match", amount=None),
        Term(perk=None, amount=4, unit="percent"),
    ), playbooks)
    assert read.terms == {"base_salary": 100_000}
    text = " ".join(read.problems)
    assert "Paid time off" in text and "Parental leave" in text and "Sign-on bonus" in text
    assert "Retirement match: how much?" in text
    assert "which perk 4" in text
    assert len(read.problems) == 5
    assert terms_from_understanding(said(Term(perk="pto", amount=-5, unit="days")), playbooks) == {}


def test_a_money_raise_needs_the_base(playbooks: Playbooks) -> None:
    read = read_terms(said(Term(perk="raise_review", amount=3_000, unit="money")), playbooks)
    assert read.terms == {}
    assert "base salary" in read.problems[0]
    assert read_terms(said(Term(perk="raise_review", amount=3_000, unit="money")), playbooks,
                      base=60_000).terms == {"raise_review": pytest.approx(5)}


def test_the_months_after_a_raise_say_when_the_review_is(playbooks: Playbooks) -> None:
    read = read_terms(said(Term(perk="raise_review", amount=6, unit="percent"),
                           Term(perk=None, amount=6, unit="months")), playbooks)
    assert read.terms == {"raise_review": 6}
    assert read.assumptions == {"raise_review_after_months": 6}
    assert read.problems == []


# --- assumptions and comparison ------------------------------------------------------------------


def test_assumptions_are_read_from_plain_words(playbooks: Playbooks) -> None:
    known = playbooks.assumptions
    assert parse_assumption("assume commute_cost_per_day 25", known) == ("commute_cost_per_day", 25)
    assert parse_assumption("assume commute cost per day = $30", known) == ("commute_cost_per_day", 30)
    assert parse_assumption("Assume layoff probability 5%", known) == ("layoff_probability", pytest.approx(0.05))
    assert parse_assumption("assume layoff_probability 0.1", known) == ("layoff_probability", 0.1)
    assert parse_assumption("assume expected_yeras 3", known) == ("expected_years", 3)  # a typo


@pytest.mark.parametrize("text, says", [
    ("assume baseline_hours 500", "between 1 and 80"),
    ("assume happiness 10", "don't know an assumption"),
    ("assume commute_cost_per_day lots", "assume NAME VALUE"),
    ("assume expected_years -2", "between"),
])
def test_bad_assumptions_get_a_clear_reason(playbooks: Playbooks, text: str, says: str) -> None:
    with pytest.raises(AssumptionError, match=says):
        parse_assumption(text, playbooks.assumptions)


def test_two_offers_side_by_side(playbooks: Playbooks) -> None:
    a = value_offer({"base_salary": 100_000, "pto": 25, "remote_work": 2}, playbooks)
    b = value_offer({"base_salary": 105_000, "pto": 15}, playbooks)
    reply = compare(a, b, ("Acme", "Globex"))
    assert reply.kind == "comparison"
    card = reply.cards[0]
    rows = {f.label: f.value for f in card.fields}
    assert rows["Paid time off"].startswith("Acme: 25 days ($9,615) · Globex: 15 days ($6,058)")
    assert rows["Remote work"].startswith("Acme: 2 days a week ($1,656) · Globex: —")
    # 105,000 + 6,058 against 100,000 + 9,615 + 1,656
    gap = b.total - a.total
    assert gap == pytest.approx(-213.69, abs=0.01)
    assert "**Acme** is worth about **$214 more a year** than Globex" in reply.text
    assert card.footer is not None and "commute_cost_per_day" in card.footer


def test_offers_in_different_currencies_are_not_summed_against_each_other(playbooks: Playbooks) -> None:
    a = value_offer({"base_salary": 100_000}, playbooks)
    b = value_offer({"base_salary": 90_000}, playbooks, currency="EUR")
    reply = compare(a, b)
    assert "convert" in reply.text
    assert "more a year" not in reply.text


def test_every_shipped_perk_can_be_valued_with_the_shipped_assumptions(playbooks: Playbooks) -> None:
    from bot.valuation.value import used_assumptions

    for perk in playbooks.perks.values():
        for name in used_assumptions(perk):
            assert name in playbooks.assumptions, f"{perk.key} reads `{name}`, missing from assumptions.yaml"
        middle = (perk.min + perk.max) / 2
        value = yearly_value(perk.key, middle, BASE, playbooks)
        assert (value is None) == (perk.value.value == "none"), perk.key
    for scenario in playbooks.scenarios.values():
        opening = {key: sheet.offer for key, sheet in scenario.perks.items()}
        v = value_offer(opening, playbooks, assumptions=assumptions_for(playbooks, scenario),
                        currency=scenario.currency)
        assert v.total >= opening["base_salary"] * 0.75, scenario.key  # no perk wipes out the salary


def test_total_value_matches_the_full_valuation(playbooks: Playbooks) -> None:
    for scenario in playbooks.scenarios.values():
        terms = {k: s.offer for k, s in scenario.perks.items()}
        assumptions = {**playbooks.assumptions, **scenario.assumptions}
        full = value_offer(terms, playbooks, assumptions=assumptions).total
        assert total_value(terms, playbooks, assumptions=assumptions) == pytest.approx(full)
