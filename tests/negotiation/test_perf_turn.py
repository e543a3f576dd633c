"""The in-place turn changes nothing a caller sees: step works on the state it is given, the service
answers exactly as it would with a copy per turn, and a failed step still leaves the stored session as it was."""

from __future__ import annotations

from pathlib import Path

from bot.engine import Engine
from bot.messages import Incoming
from bot.service import CoachService
from bot.session import Outcome, SessionState, private_copy
from bot.storage.store import Store
from bot.understanding.reader import Understander
from tests.support.harness import shipped

PLAYBOOKS, _ = shipped()
PRACTICE = [
    "practice growth_startup",
    "Thanks, I'm excited about the team!",
    "Based on market data I'd like a base of 135k.",
    "Could we get to 25 days of PTO?",
    "I have a competing offer at 140,000.",
    "Can you put it in writing?",
    "I accept",
]


def said(text: str, n: int) -> Incoming:
    return Incoming(platform="test", user_id="u1", conversation_id="dm", text=text, event_id=f"e{n}")


def engine() -> Engine:
    return Engine(PLAYBOOKS, Understander(PLAYBOOKS.perks))


def test_step_changes_the_state_it_is_given_and_a_copy_keeps_the_original() -> None:
    coach = engine()
    state = SessionState()
    for n, text in enumerate(PRACTICE):
        before = state.model_dump()
        kept = private_copy(state)
        outcome = coach.step(state, said(text, n))
        assert outcome.state is state and state.turns == before["turns"] + 1, text
        assert kept.model_dump() == before, text
    assert state.practice is None  # the practice ended with the accept, so the steps did run


class CopyingFirst:
    """The real engine handed a private copy each turn, as a caller that keeps its state would."""

    def __init__(self) -> None:
        self._engine = engine()

    def step(self, state: SessionState, incoming: Incoming) -> Outcome:
        return self._engine.step(private_copy(state), incoming)


def test_the_service_answers_the_same_with_the_in_place_step(tmp_path: Path) -> None:
    fast = CoachService(Store(tmp_path / "fast.db"), engine())
    plain = CoachService(Store(tmp_path / "plain.db"), CopyingFirst())
    try:
        for n, text in enumerate(PRACTICE):
            assert fast.handle_sync(said(text, n)) == plain.handle_sync(said(text, n)), text
    finally:
        fast.close()
        plain.close()


class BreaksMidway:
    """Changes the state it owns, then fails: the kind of bug the service must contain."""

    def step(self, state: SessionState, incoming: Incoming) -> Outcome:
        state.turns += 100
        state.mode = "checklist"
        raise RuntimeError("boom")


def test_a_step_that_fails_after_changing_its_state_leaves_the_stored_session_as_it_was(tmp_path: Path) -> None:
    store = Store(tmp_path / "coach.db")
    good = CoachService(store, engine())
    try:
        good.handle_sync(said("practice growth_startup", 1))
        stored = store.load_session("test::u1", "direct").state
        replies = CoachService(store, BreaksMidway()).handle_sync(said("hello", 2))
        assert "went wrong" in replies[0].text
        assert store.load_session("test::u1", "direct").state == stored
    finally:
        store.close()


def test_printable_non_ascii_text_is_kept_and_hidden_characters_still_go() -> None:
    from bot.markup import clean_user_text

    assert clean_user_text("I’d like 90.000 € – caf\u00e9") == "I’d like 90.000 € – caf\u00e9"
    assert clean_user_text("ﬁne, ９０k") == "fine, 90k"  # NFKC still applies
    assert clean_user_text("caf\u00e9\u200b \u202eevil\u202c\tok") == "caf\u00e9 evil\tok"
