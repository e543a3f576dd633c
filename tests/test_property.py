"""Any sequence of messages gets replies without an exception, and the saved state reloads equal."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.session import SessionState
from bot.storage.store import Store
from tests.support.harness import ChatHarness, shipped

PLAYBOOKS, _ = shipped()

phrases = st.sampled_from([
    "help", "scenarios", "hint", "status", "end", "resume", "export", "forget", "yes", "no", "value",
    "checklist", "checklist prepare", "checklist review", "back", "skip", "1", "2", "3",
    "value base 100k, 25 days pto, 2 remote days", "value base 90k vs base 95k, 30 days pto",
    "Hi! I'm really excited about the role.", "I'd like 130-140k given what levels shows for this role",
    "can u do 3 wks pto?", "what about the pension?", "ok but no car", "fine, 9 hours, deal",
    "I have another offer at 150k", "let me sleep on it", "could you send that over in an email?",
    "I accept", "I can't accept that", "this is insulting, idiot", "-5 days", "1e99 dollars", "999 weeks",
    "@everyone <!channel> **bold**", "", "   ", "🎉🎉🎉", "שלום 100k", "\u202eevil", "x" * 5000,
    *[f"practice {k}" for k in PLAYBOOKS.scenarios],
])
choices = st.sampled_from(["cmd:help", "cmd:hint", "cmd:end", "cmd:status", "cmd:scenarios", "confirm:forget:no",
                           "cl:nope", "practice:nope", "checklist:prepare", "restart:growth_startup", "junk"]
                          + [f"practice:{k}" for k in PLAYBOOKS.scenarios])
events = st.lists(st.one_of(phrases.map(lambda t: ("text", t)), st.text(max_size=60).map(lambda t: ("text", t)),
                            choices.map(lambda c: ("choice", c))), min_size=1, max_size=25)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events)
def test_any_sequence_gets_replies_and_state_reloads_equal(sequence: list[tuple[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "p.db"
        h = ChatHarness(db)
        try:
            for kind, value in sequence:
                replies = h.say(value) if kind == "text" else h.pick(value)
                state = h.state()
                if value != "yes":  # a confirmed forget deletes everything and says so in one reply
                    assert replies, f"no reply to {kind} {value!r}"
        finally:
            h.close()
        with Store(db, maintenance=False) as store:
            reloaded = store.load_session("test::alice", "direct").state
        assert isinstance(reloaded, SessionState)
        assert reloaded == state
