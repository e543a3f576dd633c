"""What the recruiter and the scorecard make of research, insults and disowned greed in a whole practice.

Research said in ordinary words ("I did my homework: analysts at firms this size make…") is credited as
market research; an everyday insult ("clueless") costs the polite-but-firm score and hardens the
recruiter; a user who only says they don't want to sound greedy is neither (docs/labelling.md, Signals).
"""

from __future__ import annotations

import pytest

from bot.valuation.units import money
from tests.support.harness import ChatHarness, shipped

PLAYBOOKS, _ = shipped()
KEY = "growth_startup" if "growth_startup" in PLAYBOOKS.scenarios else sorted(PLAYBOOKS.scenarios)[0]


@pytest.fixture
def harness():
    h = ChatHarness()
    yield h
    h.close()


def _base(factor: float) -> str:
    scenario = PLAYBOOKS.scenarios[KEY]
    return money(scenario.perks["base_salary"].offer * factor, scenario.currency)


def _scores(h: ChatHarness, user: str, lines: list[str]) -> dict[str, int]:
    h.say(f"practice {KEY}", user=user)
    for line in lines:
        h.say(line, user=user)
    h.say("end", user=user)
    return h.service.export_user(f"test::{user}")["practices"][-1]["scores"]


def test_research_in_ordinary_words_is_credited(harness: ChatHarness) -> None:
    scores = _scores(harness, "bo", [
        f"I did my homework before today: people in this role at companies this size make around {_base(1.15)}.",
        f"Could we do a base salary of {_base(1.12)}?",
    ])
    assert scores["research_market"] == 2


def test_an_everyday_insult_is_never_polite_but_firm(harness: ChatHarness) -> None:
    harness.say(f"practice {KEY}", user="cy")
    harness.say(f"Your HR people are clueless. Could we do a base salary of {_base(1.1)}, please?", user="cy")
    harness.say(f"Thank you. Could we do a base salary of {_base(1.1)}?", user="cy")
    assert harness.practice("cy").rude == 1  # the recruiter heard it too
    harness.say("end", user="cy")
    assert harness.service.export_user("test::cy")["practices"][-1]["scores"]["polite_firm"] == 0


def test_disowning_greed_is_not_rudeness(harness: ChatHarness) -> None:
    harness.say(f"practice {KEY}", user="di")
    harness.say(f"I don't want to sound greedy, but could we do a base salary of {_base(1.1)}? Thank you.",
                user="di")
    harness.say(f"I appreciate it. Could we do a base salary of {_base(1.08)}, please?", user="di")
    assert harness.practice("di").rude == 0
    harness.say("end", user="di")
    assert harness.service.export_user("test::di")["practices"][-1]["scores"]["polite_firm"] >= 1
