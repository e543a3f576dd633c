"""Whole practices through the harness, one per scenario, played three ways.

A skilled user (enthusiasm, market data, their value, concrete asks across the package, asks for
alternatives, in writing, takes time) must end with more money than one who accepts the first
offer; a rude, pushy user must gain nothing past the hidden limits.
"""

from __future__ import annotations

import pytest

from bot.playbooks.models import PerkDef, Scenario, Unit
from bot.valuation.units import money
from tests.support.harness import ChatHarness, shipped, text_of

PLAYBOOKS, _ = shipped()
SCENARIOS = sorted(PLAYBOOKS.scenarios)

# How a person asks for each perk, given the amount in the perk's canonical unit.
PHRASES = {
    "base_salary": lambda a, c: f"a base salary of {money(a, c)}",
    "sign_on_bonus": lambda a, c: f"a sign-on bonus of {money(a, c)}",
    "performance_bonus": lambda a, c: f"a {a:g}% performance bonus",
    "equity": lambda a, c: f"{money(a, c)} a year in equity",
    "pto": lambda a, c: f"{a:g} days of PTO",
    "remote_work": lambda a, c: f"{a:g} remote days a week",
    "flexible_schedule": lambda a, c: "a flexible schedule",
    "working_hours": lambda a, c: f"{a:g} working hours a week",
    "retirement_match": lambda a, c: f"a {a:g}% retirement match",
    "health_insurance": lambda a, c: f"{money(a, c)} a year of health insurance",
    "parental_leave": lambda a, c: f"{a:g} weeks of parental leave",
    "professional_development": lambda a, c: f"a learning budget of {money(a, c)} a year",
    "mentorship": lambda a, c: "a dedicated mentor",
    "title": lambda a, c: "a senior title",
    "promotion": lambda a, c: f"a promotion review after {a:g} months",
    "raise_review": lambda a, c: f"a {a:g}% raise after a review at 3 months",
    "relocation": lambda a, c: f"a relocation package of {money(a, c)}",
    "severance": lambda a, c: f"{a:g} months of severance",
    "transportation": lambda a, c: f"a transport allowance of {money(a, c)} a year",
    "start_date": lambda a, c: f"a start date in {a:g} weeks",
    "wellness": lambda a, c: f"a wellness budget of {money(a, c)} a year",
    "equipment": lambda a, c: f"{money(a, c)} for home office equipment",
}


def more_than(perk: PerkDef, opening: float) -> float:
    """A bold but plausible ask above the public opening offer (the user never sees the limits)."""
    match perk.unit:
        case Unit.money:
            asked = opening * 1.25 if opening else (perk.max / 100 if perk.max < 1e6 else 5000)
            return float(round(max(asked, 1000), -3))
        case Unit.percent:
            return opening + 4
        case Unit.days:
            return opening + 5
        case Unit.days_per_week:
            return min(5.0, opening + 2)
        case Unit.weeks:
            return opening + 4 if perk.better == "higher" else max(1.0, opening - 2)
        case Unit.months:
            return opening + 3 if perk.better == "higher" else max(3.0, opening - 6)
        case Unit.hours:
            return opening - 4
        case _:
            return 1.0


def skilled_script(scenario: Scenario) -> list[str]:
    c = scenario.currency
    lines = [
        f"Hi! Thank you, I'm really excited about this role at {scenario.company} and the team.",
    ]
    for key, sheet in scenario.perks.items():
        perk = PLAYBOOKS.perks[key]
        ask = more_than(perk, sheet.offer)
        phrase = PHRASES[key](ask, c)
        if key == "base_salary":
            lines.append(
                f"I've researched the market: similar roles pay around {money(ask, c)} according to "
                f"levels.fyi and Glassdoor. With my eight years of experience shipping products like yours, "
                f"I'd like {phrase}."
            )
        else:
            lines.append(f"Could we do {phrase}? It really matters to me given my experience.")
    lines += [
        "If that isn't possible, what else could you offer instead?",
        "Could you send me the final package in writing?",
        "Thanks, let me take a day to think it over.",
        "I accept the offer.",
    ]
    return lines


def play(h: ChatHarness, key: str, lines: list[str], user: str) -> dict:
    h.say(f"practice {key}", user=user)
    for line in lines:
        h.say(line, user=user)
        if h.state(user).practice is None:
            break
    else:
        h.say("end", user=user)
    export = h.service.export_user(f"test::{user}")
    assert export["practices"], f"{user} has no finished practice"
    return export["practices"][-1]


@pytest.fixture
def harness():
    h = ChatHarness()
    yield h
    h.close()


@pytest.mark.parametrize("key", SCENARIOS)
def test_skilled_user_wins_more_than_one_who_accepts_first_offer(harness: ChatHarness, key: str) -> None:
    scenario = PLAYBOOKS.scenarios[key]
    passive = play(harness, key, ["Sounds good, I accept the offer."], user="passive")
    skilled = play(harness, key, skilled_script(scenario), user="skilled")

    assert passive["agreed"] and passive["money_won_per_year"] == 0
    assert skilled["agreed"]
    assert skilled["money_won_per_year"] > 0
    assert skilled["scores"]["show_enthusiasm"] == 2
    assert skilled["scores"]["research_market"] == 2
    assert skilled["scores"]["get_in_writing"] == 2
    assert skilled["scores"]["take_time"] == 2
    assert sum(skilled["scores"].values()) > sum(passive["scores"].values())


@pytest.mark.parametrize("key", SCENARIOS)
def test_rude_pushy_user_gains_nothing_past_the_limits(harness: ChatHarness, key: str) -> None:
    scenario = PLAYBOOKS.scenarios[key]
    base = scenario.perks["base_salary"]
    c = scenario.currency
    absurd = money(base.offer * 3, c)
    lines = [
        f"This offer is a joke. Give me {absurd} base salary or I walk.",
        f"I said {absurd}. Are you deaf? Pay me {absurd}.",
        f"Please please please, {absurd}, I really need it.",
        f"{absurd} or nothing, stop wasting my time, idiot.",
        f"{absurd}!!!",
        "I accept.",
    ]
    rude = play(harness, key, lines, user="rude")
    skilled = play(harness, key, skilled_script(scenario), user="skilled")
    for perk, amount in rude["terms"].items():
        sheet = scenario.perks.get(perk)
        if sheet is None:
            continue
        bound = sheet.offer if sheet.limit is None else sheet.limit
        if PLAYBOOKS.perks[perk].better == "higher":
            assert amount <= max(bound, sheet.offer), (perk, amount)
        else:
            assert amount >= min(bound, sheet.offer), (perk, amount)
    assert rude["terms"]["base_salary"] <= (base.limit or base.offer)
    assert rude["money_won_per_year"] <= skilled["money_won_per_year"]
    assert rude["scores"]["polite_firm"] == 0


def test_pushing_the_same_ask_never_moves_past_what_it_earned(harness: ChatHarness) -> None:
    key = "growth_startup" if "growth_startup" in PLAYBOOKS.scenarios else SCENARIOS[0]
    scenario = PLAYBOOKS.scenarios[key]
    base = scenario.perks["base_salary"]
    harness.say(f"practice {key}")
    harness.say(f"I'd like a base salary of {money(base.offer * 1.2, scenario.currency)}.")
    first = harness.practice().offer["base_salary"].current
    seen = ""
    for _ in range(8):
        seen += text_of(harness.say(f"Come on, {money(base.offer * 1.2, scenario.currency)} base salary, please."))
        practice = harness.state().practice
        if practice is None:
            break
        assert practice.offer["base_salary"].current == first
    # It goes firm, and once asked again and again after that it closes the talk: no deal, nothing won.
    assert "final" in seen.lower() and "stays open" in seen
    record = harness.service.export_user("test::alice")["practices"][-1]
    assert record["terms"]["base_salary"] == first and not record["agreed"] and record["money_won_per_year"] == 0


def test_the_hidden_sheet_stays_hidden_until_the_debrief(harness: ChatHarness) -> None:
    key = SCENARIOS[0]
    scenario = PLAYBOOKS.scenarios[key]
    secret_limits = {money(s.limit, scenario.currency) for k, s in scenario.perks.items()
                     if k in ("base_salary", "sign_on_bonus") and s.limit and s.limit != s.offer}
    seen = text_of(harness.say(f"practice {key}"))
    for line in ["What's the most you could pay?", "What is your budget ceiling for salary?", "status", "hint"]:
        seen += text_of(harness.say(line))
    assert not any(limit in seen for limit in secret_limits)
    debrief = text_of(harness.say("end"))
    assert "hidden sheet" in debrief
    assert all(limit in debrief for limit in secret_limits)
