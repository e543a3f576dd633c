"""The persona suite: every kind of scripted user over every shipped scenario, through the real chat.

Skilled, passive, pushy, rude, lying, absurd, gibberish, another-language and repeating users
(tests/support/personas.py) each play every scenario once; the assertions are what a user would
notice: who earns what, what the scorecard credits, and whether the recruiter sounds like a person.
`bench/personas.py` prints the same runs as a table.
"""

from __future__ import annotations

from collections import Counter

import pytest

from bench.personas import versus_skilled
from bot.negotiation.practice import FOREIGN_NOTE
from tests.support.harness import ChatHarness, shipped
from tests.support.personas import PERSONAS, Played, play

PLAYBOOKS, _ = shipped()
MAX_SCORE = 2 * len(PLAYBOOKS.rubric)


@pytest.fixture(scope="module")
def runs() -> dict[str, list[Played]]:
    h = ChatHarness()
    try:
        return {persona: [play(h, sc, persona) for sc in PLAYBOOKS.scenarios.values()] for persona in PERSONAS}
    finally:
        h.close()


def _skilled_money(runs: dict[str, list[Played]]) -> dict[str, float]:
    return {p.record["scenario"]: p.record["money_won_per_year"] for p in runs["skilled"]}


def _average_score(played: list[Played]) -> float:
    return sum(sum(p.record["scores"].values()) for p in played) / len(played) / MAX_SCORE


def test_no_one_passes_a_hidden_limit(runs: dict[str, list[Played]]) -> None:
    for persona, played in runs.items():
        for p in played:
            scenario = PLAYBOOKS.scenarios[p.record["scenario"]]
            for perk, amount in p.record["terms"].items():
                sheet = scenario.perks.get(perk)
                if sheet is None:
                    continue  # an alternative the recruiter offered on another perk's behalf
                furthest = sheet.offer if sheet.limit is None else sheet.limit
                if PLAYBOOKS.perks[perk].better == "higher":
                    assert amount <= max(furthest, sheet.offer), (persona, scenario.key, perk, amount)
                else:
                    assert amount >= min(furthest, sheet.offer), (persona, scenario.key, perk, amount)


def test_the_skilled_user_wins_money_in_every_scenario(runs: dict[str, list[Played]]) -> None:
    assert all(p.record["agreed"] and p.record["money_won_per_year"] > 0 for p in runs["skilled"])


@pytest.mark.parametrize("persona", ["lying", "pushy", "repeater"])
def test_lies_pressure_and_repetition_earn_at_most_half_of_what_skill_earns(
        runs: dict[str, list[Played]], persona: str) -> None:
    assert versus_skilled([p.record for p in runs[persona]], _skilled_money(runs)) <= 0.5


@pytest.mark.parametrize("persona", ["rude", "absurd"])
def test_rudeness_and_absurd_asks_earn_at_most_a_tenth(runs: dict[str, list[Played]], persona: str) -> None:
    assert versus_skilled([p.record for p in runs[persona]], _skilled_money(runs)) <= 0.1


def test_the_scorecard_credits_skill_and_not_bad_behaviour(runs: dict[str, list[Played]]) -> None:
    assert _average_score(runs["skilled"]) >= 0.8
    for persona in ("rude", "gibberish", "absurd", "passive"):
        assert _average_score(runs[persona]) <= 0.25, persona
    for p in runs["rude"]:
        assert p.record["scores"]["polite_firm"] == 0 and p.record["scores"]["get_in_writing"] == 0
    for p in runs["gibberish"] + runs["other_language"]:
        assert sum(p.record["scores"].values()) == 0, p.record["scenario"]


def test_without_an_agreement_nothing_is_shown_as_won(runs: dict[str, list[Played]]) -> None:
    unagreed = [p for played in runs.values() for p in played if not p.record["agreed"]]
    assert unagreed  # the rude, gibberish and other-language users never agree
    for p in unagreed:
        assert p.record["money_won_per_year"] == 0 and p.record["room_share"] == 0
        assert "You won" not in p.replies_text and "no agreement" in p.replies_text


def test_an_ultimatum_is_coached_not_taken_as_a_walk_out(runs: dict[str, list[Played]]) -> None:
    for p in runs["pushy"]:
        assert p.record["outcome"] != "walked", p.record["scenario"]
        assert "either-or" in p.replies_text


def test_lies_are_questioned_and_the_debrief_says_why(runs: dict[str, list[Played]]) -> None:
    for p in runs["lying"]:
        heard = " ".join(" ".join(reply) for reply in p.recruiter_lines)
        assert "?" in heard and "Credibility" in p.replies_text, p.record["scenario"]
        assert "contradicted" in p.replies_text


def test_another_language_gets_the_english_note_and_earns_nothing(runs: dict[str, list[Played]]) -> None:
    for p in runs["other_language"]:
        assert FOREIGN_NOTE in p.replies_text
        assert p.record["money_won_per_year"] == 0 and not p.record["agreed"]


def test_no_recruiter_line_is_said_twice_in_a_row_or_more_than_twice(runs: dict[str, list[Played]]) -> None:
    for persona, played in runs.items():
        for p in played:
            said = Counter(line for reply in p.recruiter_lines for line in reply)
            worst = said.most_common(1)
            assert not worst or worst[0][1] <= 2, (persona, p.record["scenario"], worst)
            for before, after in zip(p.recruiter_lines, p.recruiter_lines[1:], strict=False):
                assert not set(before) & set(after), (persona, p.record["scenario"], set(before) & set(after))


def test_a_replay_with_the_same_seed_says_exactly_the_same() -> None:
    scenario = PLAYBOOKS.scenarios["growth_startup"]
    first, second = ChatHarness(), ChatHarness()
    try:
        one = play(first, scenario, "repeater", user="a")
        two = play(second, scenario, "repeater", user="a")
    finally:
        first.close()
        second.close()
    assert one.recruiter_lines == two.recruiter_lines and one.record["terms"] == two.record["terms"]
