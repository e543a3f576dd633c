"""The recruiter's market view and credibility rules as playbook data, and what a scenario may tell up front.

A team playbook sets the market view and the credibility rules in a scenario file; `playbooks check`
validates them like any other field. A title or summary says the situation, never the solution: it
names no unlock, no hidden limit and no perk that is the way through.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from adapters.cli.playbooks import check_command
from bot.playbooks.loader import PlaybookError, load_playbooks, shipped_playbooks_dir
from bot.playbooks.models import Unit, Unlock
from tests.support.harness import ChatHarness, text_of

SHIPPED = shipped_playbooks_dir()


@pytest.fixture(scope="module")
def books():
    return load_playbooks()


def team_scenario(tmp_path: Path, **changes: Any) -> Path:
    scenario = yaml.safe_load((SHIPPED / "scenarios" / "growth_startup.yaml").read_text(encoding="utf-8"))
    scenario.update(key="team_startup", **changes)
    path = tmp_path / "scenarios" / "team_startup.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(scenario, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return tmp_path


def problems_of(folder: Path) -> dict[str, str]:
    with pytest.raises(PlaybookError) as caught:
        load_playbooks(folder)
    return {p.field: p.reason for p in caught.value.problems}


def _unlock_words() -> set[str]:
    return {u.value.replace("_", " ") for u in Unlock} | {"trade", "ultimatum"}


def test_no_title_or_summary_gives_away_an_unlock_a_limit_or_the_way_through(books) -> None:
    for sc in books.scenarios.values():
        told = f"{sc.title} {sc.summary}".lower()
        for word in _unlock_words():
            assert not re.search(rf"\b{re.escape(word)}\b", told), f"{sc.key} names {word!r}"
        for key, sheet in sc.perks.items():
            perk = books.perks[key]
            way_through = (not sheet.fixed and key != "base_salary") or any(
                a.perk == key for s in sc.perks.values() for a in s.alternatives)
            # a fixed perk with a workaround is the trap ("asks for severance"); pay itself is every scenario's topic
            asked_for = key != "base_salary" and sheet.fixed and bool(sheet.alternatives)
            if way_through or asked_for:
                for name in (perk.label.lower(), *perk.synonyms):  # whole words: "car-sharing" names no car
                    named = re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", told)
                    assert not named, f"{sc.key} names {name!r}"
            if sheet.limit is not None and not sheet.fixed and perk.unit is Unit.money:
                assert f"{sheet.limit:,.0f}" not in told and f"{sheet.limit / 1000:.0f}k" not in told


def test_every_shipped_scenario_has_a_market_view_for_its_base(books) -> None:
    for sc in books.scenarios.values():
        assert "base_salary" in sc.market.ranges and sc.market.competing_offer is not None, sc.key


def test_a_team_sets_the_market_view_and_credibility_rules_as_data(tmp_path: Path) -> None:
    folder = team_scenario(tmp_path, market={"ranges": {"base_salary": {"low": 100000, "high": 120000}},
                                             "competing_offer": {"low": 95000, "high": 125000}, "stretch": 0.1},
                           credibility={"doubt_costs_patience": 2, "contradiction_loses": ["competing_offer"]})
    books = load_playbooks(folder)
    sc = books.scenarios["team_startup"]
    assert sc.market.ranges["base_salary"].high == 120000 and sc.credibility.doubt_costs_patience == 2
    out = io.StringIO()
    assert check_command(folder, out=out) == 0
    # The team's market is the one the recruiter judges by: $150k is believable for Maya, not here.
    h = ChatHarness(playbooks=books)
    try:
        h.say("practice team_startup")
        reply = text_of(h.say("Levels.fyi puts this role at $150,000 to $170,000."))
        assert "?" in reply and h.practice().doubts
    finally:
        h.close()


def test_playbooks_check_names_a_malformed_market_view(tmp_path: Path) -> None:
    folder = team_scenario(tmp_path, market={"ranges": {"base_salary": {"low": 200000, "high": 100000}},
                                             "stretch": 5},
                           credibility={"contradiction_loses": ["charm"]})
    found = problems_of(folder)
    assert "above high" in found["market.ranges.base_salary"]
    assert "market.stretch" in found and "credibility.contradiction_loses.0" in found
    out = io.StringIO()
    assert check_command(folder, out=out) == 1 and "market.ranges.base_salary" in out.getvalue()


def test_playbooks_check_names_market_ranges_for_perks_it_cannot_judge(tmp_path: Path) -> None:
    folder = team_scenario(tmp_path, market={"ranges": {"jetpack": {"low": 1, "high": 2},
                                                        "severance": {"low": 0, "high": 3},
                                                        "pto": {"low": 10, "high": 9999}}})
    found = problems_of(folder)
    assert "unknown perk `jetpack`" in found["market.ranges.jetpack"]
    assert "not in this scenario's perks" in found["market.ranges.severance"]
    assert "outside Paid time off's range" in found["market.ranges.pto"]
