"""Live practices scored by the reading alone: each line read against the context the player saw."""

from __future__ import annotations

from typing import Any

from bench import as_played
from bench.understanding import default_understander
from tests.support import blind

_PRACTICE: dict[str, Any] = {"id": "T-1", "scenario": "berlin_scaleup_eur", "persona": "skilled", "turns": [
    {"text": "Could the leave go up a little?", "acts": ["propose"],
     "terms": [{"perk": "pto", "amount": None, "unit": None, "role": "ask", "negated": False}], "signals": []},
    {"text": "30 then", "acts": ["propose"],
     "terms": [{"perk": "pto", "amount": 30, "unit": "days", "role": "ask", "negated": False}], "signals": []},
]}


def test_every_recovered_set_has_a_context_for_every_line() -> None:
    for name in ("frozen8", "frozen9", "iter7", "iter8", "iter9"):
        folder = blind.BLIND / name
        contexts = blind.contexts_as_played(folder)
        practices = blind.practices("test", folder)
        assert {p["id"] for p in practices} == set(contexts), name
        assert all(len(blind.spoken(p)) == len(contexts[p["id"]]) for p in practices), name


def test_a_bare_figure_is_read_against_the_perk_the_player_was_talking_about() -> None:
    contexts, _, stored = as_played.played(_PRACTICE)
    assert len(contexts) == 2 and stored == 0
    assert contexts[1] is not None and contexts[1].get("last_perk") == "pto"
    said = blind.play_as_played({"T-1": contexts}, default_understander())(_PRACTICE)
    assert blind.read_asks(said[1].terms) == {("pto", 30.0, "ask")}
    bare = blind.play_as_played({"T-1": [None, None]}, default_understander())(_PRACTICE)
    assert blind.read_asks(bare[1].terms) != {("pto", 30.0, "ask")}  # without the context the perk is unknown


def test_replies_the_player_saw_are_checked() -> None:
    replies = [as_played._text_of(r) for r in _replayed_replies()]
    seen = {**_PRACTICE, "turns": [{**t, "reply": r} for t, r in zip(_PRACTICE["turns"], replies, strict=True)]}
    _, same, stored = as_played.played(seen)
    assert (same, stored) == (2, 2)
    wrong = {**seen, "turns": [seen["turns"][0], {**seen["turns"][1], "reply": "Noa: something else"}]}
    assert as_played.played(wrong)[1:] == (1, 2)


def _replayed_replies() -> list[object]:
    from tests.support.harness import ChatHarness

    harness = ChatHarness()
    try:
        harness.say(f"practice {_PRACTICE['scenario']}", user="p")
        return [harness.say(str(t["text"]), user="p") for t in _PRACTICE["turns"]]
    finally:
        harness.close()
