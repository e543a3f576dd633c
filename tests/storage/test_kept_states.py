"""A store keeps the session states it wrote, parsed, and hands one back instead of parsing its JSON
again, but only while the stored row holds exactly that JSON (issue 14: the turn's CPU).

Counted, not timed: how often a state is parsed from JSON."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bot.messages import Reply
from bot.session import SessionState
from bot.storage import open_store
from bot.storage.common import KeptStates, TurnWrite
from bot.storage.protocol import CoachStore, Commit
from tests.support.harness import ChatHarness

USER = "test::ana"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every JSON text a session state is parsed from, in order."""
    seen: list[str] = []
    real = SessionState.model_validate_json.__func__  # type: ignore[attr-defined]

    def counted(cls: type[SessionState], text: str | bytes, **kwargs: Any) -> SessionState:
        seen.append(text if isinstance(text, str) else text.decode())
        return real(cls, text, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr(SessionState, "model_validate_json", classmethod(counted))
    return seen


@pytest.fixture
def store(store_target: str) -> Iterator[CoachStore]:
    opened = open_store(store_target)
    try:
        yield opened
    finally:
        opened.close()


def _turn(state: SessionState, version: int | None) -> TurnWrite:
    return TurnWrite(user_key=USER, platform="test", scope="direct", at="2026-01-05T09:00:00.000000+00:00",
                     text_in="hi", choice_in=None, replies=[Reply(text="ok")], state=state, records=[],
                     user_known=version is not None, expected_version=version)


def _step(store: CoachStore, turns: int) -> SessionState:
    """Load the session, change it as an engine would, commit it; the state written."""
    loaded = store.load_session(USER, "direct")
    loaded.state.turns = turns
    assert store.commit_turn(_turn(loaded.state, loaded.version)) is Commit.saved
    return loaded.state


def test_a_practice_parses_no_state_after_its_first_turn(parses: list[str]) -> None:
    harness = ChatHarness()
    try:
        harness.say("practice growth_startup")
        parses.clear()
        for line in ("Could you do 25 days pto?", "What about 4 remote days a week?", "hint", "status",
                     "I have a competing offer at 140,000.", "end"):
            harness.say(line)
        assert parses == []
    finally:
        harness.close()


def test_the_state_written_comes_back_unparsed_and_only_once(store: CoachStore, parses: list[str]) -> None:
    written = _step(store, 1)
    parses.clear()
    loaded = store.load_session(USER, "direct")
    assert loaded.state is written and parses == []
    again = store.load_session(USER, "direct")  # handed out already: the engine may be changing it
    assert again.state is not written and again.state.turns == 1 and len(parses) == 1


def test_a_row_changed_elsewhere_is_parsed_not_taken_from_what_was_kept(store: CoachStore, store_target: str,
                                                                       parses: list[str]) -> None:
    _step(store, 1)
    other = open_store(store_target)  # another process on the same database
    try:
        assert other.load_session(USER, "direct").state.turns == 1
        _step(other, 7)
    finally:
        other.close()
    parses.clear()
    loaded = store.load_session(USER, "direct")
    assert loaded.state.turns == 7 and len(parses) == 1


def test_a_session_forgotten_and_started_again_at_the_same_version_is_parsed(store: CoachStore, store_target: str,
                                                                            parses: list[str]) -> None:
    _step(store, 1)  # version 1, kept by this process
    other = open_store(store_target)
    try:
        other.forget_user(USER)
        other.commit_turn(_turn(SessionState(turns=42), None))  # a new row, version 1 again
    finally:
        other.close()
    parses.clear()
    loaded = store.load_session(USER, "direct")
    assert loaded.version == 1 and loaded.state.turns == 42 and len(parses) == 1


def test_a_turn_that_did_not_commit_keeps_nothing(store: CoachStore, parses: list[str]) -> None:
    _step(store, 1)
    loaded = store.load_session(USER, "direct")
    loaded.state.turns = 99  # the step changed it, then the write lost the race
    assert store.commit_turn(_turn(loaded.state, (loaded.version or 0) + 5)) is Commit.conflict
    parses.clear()
    assert store.load_session(USER, "direct").state.turns == 1 and len(parses) == 1


def test_forgetting_a_user_drops_their_kept_states(store: CoachStore) -> None:
    _step(store, 1)
    kept: KeptStates = store._kept  # type: ignore[attr-defined]
    assert len(kept) == 1
    store.forget_user(USER)
    assert len(kept) == 0


def test_only_the_latest_sessions_are_kept() -> None:
    kept = KeptStates(size=3)
    for number in range(5):
        kept.keep(f"test::u{number}", "direct", "{}", SessionState())
    assert len(kept) == 3
    assert kept.take("test::u0", "direct", "{}") is None
    assert kept.take("test::u4", "direct", "{}") is not None


def test_verifying_catches_a_state_changed_after_it_was_handed_over() -> None:
    kept = KeptStates()
    state = SessionState(turns=1)
    kept.keep(USER, "direct", state.model_dump_json(), state)
    state.turns = 2  # a caller that broke the hand-over
    verify, KeptStates.verify = KeptStates.verify, True
    try:
        with pytest.raises(AssertionError):
            kept.take(USER, "direct", SessionState(turns=1).model_dump_json())
    finally:
        KeptStates.verify = verify


def test_the_state_is_written_as_pydantic_would_dump_it() -> None:
    from bot.storage.common import state_json

    harness = ChatHarness()
    try:
        harness.say("practice growth_startup")
        harness.say("I have a competing offer at 140,000, could you do 150k base?")
        state = harness.service.store.load_session("test::alice", "direct").state
        assert state.practice is not None
        assert state_json(state) == state.model_dump_json()
    finally:
        harness.close()
