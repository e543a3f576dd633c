"""The scorecard-judgment bench (bench/judgment.py) does what it reports, on a practice of our own.

It replays a practice with the reader and with the player's own labels; a request for time the reader
cannot see shows as a missed credit, the checks flag what a player would object to, and a frozen set's
report names no practice.
"""

from __future__ import annotations

from typing import Any

import pytest

from bench import judgment

ASK = "Could we do a base salary of $165,000, please?"
PAUSE = "Give me the weekend with it."  # a request for time in words the reader does not know yet


def _practice(persona: str = "skilled") -> dict[str, Any]:
    return {"id": "ours-1", "scenario": "growth_startup", "persona": persona, "turns": [
        {"text": ASK, "acts": ["propose"], "signals": [],
         "terms": [{"perk": "base_salary", "amount": 165000, "unit": "money", "role": "ask", "negated": False}]},
        {"text": PAUSE, "acts": ["request_time"], "signals": [], "terms": []},
    ]}


def test_the_oracle_replay_credits_what_the_player_labelled() -> None:
    practice = _practice()
    real, oracle = judgment.replay(practice, oracle=False), judgment.replay(practice, oracle=True)
    if real.scores["take_time"][0]:
        pytest.skip("the reader now hears this request for time: pick another phrasing")
    assert oracle.scores["take_time"] == (2, PAUSE)
    measure = judgment.Measure()
    measure.add(practice, real, oracle)
    assert measure.missed_credit["take_time"] == 1
    assert measure.false_credit["take_time"] == 0
    assert judgment.checks(practice, oracle) == []


def test_the_checks_flag_what_a_player_would_object_to() -> None:
    full_marks = judgment.Judged(scores={"polite_firm": (2, ASK), "take_time": (1, None),
                                         "ask_alternatives": (2, ASK)})
    failed = judgment.checks(_practice("pushy"), full_marks)
    assert ("rude or pushy player: full polite and firm", "polite_firm") in failed
    assert ("take time: no request for time", "take_time") in failed
    assert ("evidence without the matching label", "ask_alternatives") in failed


def test_a_frozen_report_names_no_practice(capsys: pytest.CaptureFixture[str]) -> None:
    judgment.report([_practice()], frozen=True, show_errors=True)
    printed = capsys.readouterr().out
    assert "ours-1" not in printed and PAUSE not in printed and "take_time" not in printed
    assert "technique scores agreeing" in printed


def test_a_quoted_line_is_matched_as_the_engine_cleaned_it() -> None:
    practice = _practice()
    practice["turns"][0]["text"] = "Hmm… could we do a base salary of $165,000, please?"
    quoted = judgment.Judged(scores={"polite_firm": (1, "Hmm... could we do a base salary of $165,000, please?")})
    assert judgment.checks(practice, quoted) == []
