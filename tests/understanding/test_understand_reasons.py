"""Reasons, market data and trades: what the coaching credits and the counterpart weighs.

A user who backs an ask with a salary guide, a family reason or a skill the team needs should get
credit for it; a user who only counters ("25 days instead?") should not be read as trading or as
asking what else is on offer; and a trade should say which perk the user is offering up.
"""

from __future__ import annotations

import json
from functools import cache

import pytest

from bot.playbooks.loader import load_playbooks
from bot.understanding.acts import Act, Signal, Understanding
from bot.understanding.reader import Understander, understand_lines


@cache
def understander() -> Understander:
    return Understander(load_playbooks().perks)


def read(text: str) -> Understanding:
    return understander().read(text)


def given(text: str) -> list[str | None]:
    return [t.perk for t in read(text).terms if t.give]


@pytest.mark.parametrize(
    "text",
    [
        "Could the base salary be 82k? Data analysts at my level earn 78-85k according to the Robert Half salary"
        " guide.",
        "the Hays report has this role at 90 to 100k, so I'd like 96k",
        "can we do 88k? that's closer to what the role pays elsewhere",
        "I'd like 30 days of holiday, which is what most firms in Germany give",
    ],
)
def test_an_ask_backed_by_market_figures_proposes_and_justifies_with_market_data(text: str) -> None:
    said = read(text)
    assert {Act.propose, Act.justify} <= set(said.acts)
    assert Signal.market_data in said.signals


def test_the_figure_asked_for_is_kept_rather_than_the_market_range() -> None:
    said = read("the Hays salary report puts this role at 90 to 100k, so I'm asking for 96k")
    assert [(t.perk, t.amount, t.role) for t in said.terms] == [
        ("base_salary", 90_000, "evidence"),
        ("base_salary", 96_000, "ask"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "LinkedIn salary insights show 120k for product managers in Berlin",
        "friends in the same role at other banks are on 110k",
        "the salary guide from Robert Walters lists 60-68k for this",
    ],
)
def test_market_figures_alone_are_evidence_not_an_offer(text: str) -> None:
    said = read(text)
    assert Act.propose not in said.acts
    assert Act.justify in said.acts and Signal.market_data in said.signals


def test_a_personal_reason_justifies_without_being_read_as_a_trade() -> None:
    said = read(
        "I understand. Could we do 25 days of PTO instead? I have family abroad and visiting them takes a week of"
        " travel."
    )
    assert set(said.acts) == {Act.propose, Act.justify}
    assert Signal.alternatives not in said.signals
    assert [(t.perk, t.amount) for t in said.terms] == [("pto", 25)]  # "travel" here is no transport perk


@pytest.mark.parametrize(
    "text",
    [
        "could I have 2 remote days? my commute is 90 minutes each way",
        "I need the relocation package to be 10k, moving a family of four isn't cheap",
        "I'd like Fridays at home; my partner works weekends and that's our only day together",
    ],
)
def test_everyday_reasons_count_as_justification(text: str) -> None:
    assert Act.justify in read(text).acts


def test_a_growth_ask_tied_to_the_team_need_is_own_value() -> None:
    said = read(
        "What about a learning budget of 3000 a year? I want to finish my Tableau certification, which your team uses."
    )
    assert {Act.propose, Act.justify} <= set(said.acts)
    assert Signal.own_value in said.signals
    assert [(t.perk, t.amount) for t in said.terms] == [("professional_development", 3000)]


@pytest.mark.parametrize(
    "text",
    ["I speak German and French, which your DACH clients need, so I'm asking for 85k", "I hold a CPA, which few do"],
)
def test_skills_the_team_needs_are_own_value(text: str) -> None:
    assert Signal.own_value in read(text).signals


@pytest.mark.parametrize(
    "text",
    ["could we do 3 remote days instead?", "then 105k instead of 100k, please", "I'd like 25 days instead please"],
)
def test_a_counter_with_instead_neither_trades_nor_asks_for_alternatives(text: str) -> None:
    said = read(text)
    assert Act.trade_off not in said.acts
    assert Signal.alternatives not in said.signals


def test_asking_what_else_could_move_is_still_alternatives() -> None:
    assert Signal.alternatives in read("if salary can't change, where do you have room?").signals
    assert Signal.alternatives not in read("is there anything else I should know about the bonus?").signals


def test_a_percentage_match_is_the_retirement_match() -> None:
    terms = [(t.perk, t.amount) for t in read("base 115k, 20 days pto, 1 day remote, 3% match").terms]
    assert ("retirement_match", 3) in terms and len(terms) == 4
    assert [(t.perk, t.amount) for t in read("could you do a match of 4%?").terms] == [("retirement_match", 4)]


@pytest.mark.parametrize("text", ["we can match that", "I think I'm a good match for this role"])
def test_match_alone_is_no_perk(text: str) -> None:
    assert all(t.perk != "retirement_match" for t in read(text).terms)


@pytest.mark.parametrize(
    ("text", "gives"),
    [
        ("I'd trade part of the sign-on bonus for two remote days", ["sign_on_bonus"]),
        ("happy to give up the gym membership if the base goes to 90k", ["wellness"]),
        ("a lower bonus is fine if I get 3 days from home", ["performance_bonus"]),
        ("instead of the laptop stipend, could you add 2k to the sign-on?", ["equipment"]),
        ("I'd take a smaller sign-on bonus for an extra week of pto", ["sign_on_bonus"]),
        ("I'm willing to lower the base to 95k for four remote days", ["base_salary"]),
        ("I'll take 5k less base if the equity grant doubles", ["base_salary"]),
    ],
)
def test_a_trade_marks_the_perk_offered_up(text: str, gives: list[str]) -> None:
    said = read(text)
    assert Act.trade_off in said.acts
    assert given(text) == gives


def test_the_perk_asked_for_in_a_trade_is_not_marked_given() -> None:
    said = read("I'd trade part of the sign-on bonus for two remote days")
    remote = [t for t in said.terms if t.perk == "remote_work"]
    assert remote and remote[0].amount == 2 and not remote[0].give


@pytest.mark.parametrize(
    "text",
    ["I'd like a lower start date? no, 4 weeks", "since I'd be giving up my bonus, a sign-on would make sense"],
)
def test_nothing_is_given_outside_a_trade(text: str) -> None:
    assert Act.trade_off not in read(text).acts
    assert given(text) == []


def test_the_json_line_is_unchanged_by_the_given_flag() -> None:
    lines = understand_lines(["I'd trade part of the sign-on bonus for two remote days"], understander())
    line = json.loads(next(lines))
    assert all(set(term) == {"perk", "amount", "unit", "negated", "role"} for term in line["terms"])


@pytest.mark.parametrize("text", [
    "Could I work from home 3 days? My drive to work takes 80 minutes.",
    "Is possible two days from home? The travel to office is more than one hour.",
])
def test_the_commute_told_as_the_trip_is_a_reason(text: str) -> None:
    assert Act.justify in understander().read(text).acts
