"""The live-play tool: a blind player's labels are kept as written, and buttons pressed between lines
are replayed but never scored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support import blind
from tests.support.live_play import main


def test_a_labelled_line_is_kept_with_the_recruiters_reply(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "p.json"
    assert main(["start", str(file), "--scenario", "below_target_review", "--persona", "skilled", "--id", "p1"]) == 0
    assert "Carla" in capsys.readouterr().out
    assert main(["say", str(file), "Could base be 92k?", "--acts", "propose",
                 "--term", "base_salary:92000:money:ask"]) == 0
    shown = capsys.readouterr().out
    turn = json.loads(file.read_text())["turns"][0]
    assert turn["terms"] == [{"perk": "base_salary", "amount": 92000, "unit": "money", "role": "ask",
                              "negated": False}]
    assert turn["reply"] in shown and "base salary" in shown


def test_a_label_outside_the_guide_is_refused_and_nothing_is_recorded(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "p.json"
    main(["start", str(file), "--scenario", "below_target_review", "--persona", "skilled", "--id", "p1"])
    before = file.read_text()
    assert main(["say", str(file), "more money", "--term", "salary:1:money:ask"]) == 2
    assert main(["say", str(file), "hi", "--acts", "hello"]) == 2
    assert "not a key of the guide" in capsys.readouterr().err
    assert file.read_text() == before


def test_buttons_pressed_between_lines_are_replayed_but_not_scored(tmp_path: Path) -> None:
    file = tmp_path / "p.json"
    main(["start", str(file), "--scenario", "below_target_review", "--persona", "skilled", "--id", "p1"])
    main(["say", str(file), "I'm going to decline the offer", "--acts", "quit"])
    main(["pick", str(file), "Keep negotiating"])
    main(["say", str(file), "Could base be 92k?", "--acts", "propose", "--term", "base_salary:92000:money:ask"])
    practice = json.loads(file.read_text())
    result = blind.score_practices([practice], blind.play_in_harness)
    assert result.turns == 2
    # the practice went on after "Keep negotiating", so the last ask was read in a live practice
    assert result.right == 2, result.misses


def test_a_turn_read_as_the_second_labeller_read_it_counts_for_either_but_not_for_the_first(tmp_path: Path) -> None:
    file = tmp_path / "p.json"
    main(["start", str(file), "--scenario", "below_target_review", "--persona", "skilled", "--id", "p1"])
    main(["say", str(file), "Could base be 92k?", "--acts", "propose", "--term", "base_salary:92000:money:ask"])
    practice = json.loads(file.read_text())
    # the first labeller (wrongly) heard a question about pay; a second labeller heard the ask the reader hears
    first = {**practice, "turns": [{**practice["turns"][0], "acts": [],
                                    "terms": [{"perk": "base_salary", "amount": None, "role": "question"}]}]}
    second = {"p1": blind.spoken(practice)}
    result = blind.score_practices([first], blind.play_in_harness, second)
    assert (result.right, result.right_either, result.second_turns) == (0, 1, 1)
    alone = blind.score_practices([first], blind.play_in_harness)
    assert (alone.right_either, alone.second_turns) == (0, 0)
