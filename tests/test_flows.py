"""Practices and checklists behind the one Flow protocol: who is in front, and who answers status,
hint, end and resume when both are under way."""

from __future__ import annotations

import pytest

from bot.checklists.flow import ChecklistFlow
from bot.commands import ChoiceId, ChoiceKind
from bot.engine import Engine
from bot.flow import Flow, as_key, did_you_mean
from bot.negotiation.practice import PracticeRunner
from bot.session import SessionState
from tests.support.harness import ChatHarness, shipped, text_of

PLAYBOOKS, UNDERSTANDER = shipped()


@pytest.fixture
def h():
    harness = ChatHarness()
    yield harness
    harness.close()


def test_both_flows_implement_the_protocol_and_the_engine_asks_the_practice_first() -> None:
    flows: tuple[Flow, ...] = (PracticeRunner(PLAYBOOKS, UNDERSTANDER), ChecklistFlow(PLAYBOOKS, UNDERSTANDER))
    for flow in flows:
        for method in ("in_front", "take_turn", "status", "hint", "end", "resume"):
            assert callable(getattr(flow, method)), (flow, method)
    engine = Engine(PLAYBOOKS, UNDERSTANDER)
    assert engine.flows == (engine.practices, engine.checklists)


def test_nothing_is_in_front_of_a_fresh_session() -> None:
    engine = Engine(PLAYBOOKS, UNDERSTANDER)
    fresh = SessionState()
    assert not any(flow.in_front(fresh) for flow in engine.flows)
    assert all(flow.hint(fresh) is None and flow.resume(fresh) is None for flow in engine.flows)


def test_one_flow_in_front_at_a_time(h: ChatHarness) -> None:
    engine = h.service.engine
    assert isinstance(engine, Engine)
    h.say("practice growth_startup")
    state = h.state()
    assert engine.practices.in_front(state) and not engine.checklists.in_front(state)
    h.say("checklist prepare")
    state = h.state()
    assert engine.checklists.in_front(state) and not engine.practices.in_front(state)
    assert state.practice is not None and state.practice.status == "active"  # paused behind the checklist


def test_with_a_checklist_in_front_and_a_practice_behind(h: ChatHarness) -> None:
    h.say("practice growth_startup")
    h.say("checklist prepare")
    assert "step 1 of" in text_of(h.say("status"))  # status is the checklist's, in front
    assert text_of(h.say("hint")).startswith("Hint:")  # a hint is for the practice under way
    assert h.state().mode == "checklist"
    assert "Saved. Type `checklist prepare`" in h.say("end")[0].text  # end pauses the checklist in front
    assert h.state().mode == "idle" and "prepare" in h.state().paused_checklists
    assert "You have a practice paused" in text_of(h.say("status"))
    assert "Back to" in text_of(h.say("resume"))  # the practice comes back before the checklist
    assert h.state().mode == "practice"


def test_idle_status_names_what_is_paused(h: ChatHarness) -> None:
    h.say("checklist prepare")
    h.say("end")
    assert text_of(h.say("status")).splitlines()[:2] == ["Nothing in progress.", "Paused checklists: prepare"]
    assert "Picking up where you left off" in text_of(h.say("resume"))
    assert h.state().mode == "checklist"


def test_free_text_goes_to_the_flow_in_front(h: ChatHarness) -> None:
    h.say("checklist prepare")
    step = h.state().checklist
    assert step is not None and step.step == 0
    h.say("90k")
    checklist = h.state().checklist
    assert checklist is not None and checklist.step == 1
    h.say("end")
    assert "not sure what you mean" in text_of(h.say("blue elephant"))  # nothing in front: not an answer


def test_a_step_button_brings_its_checklist_back_to_the_front(h: ChatHarness) -> None:
    h.say("practice growth_startup")
    h.say("checklist prepare")
    h.say("90k")
    h.say("110k")  # on to the priorities, a step with buttons
    button = next(c.id for c in h.choices() if c.id.startswith("cl:priorities:"))
    h.say("resume")
    assert h.state().mode == "practice"
    h.pick(button)
    assert h.state().mode == "checklist"
    checklist = h.state().checklist
    assert checklist is not None and len(checklist.picked) == 1


def test_a_step_button_without_a_checklist_is_stale(h: ChatHarness) -> None:
    assert "no longer applies" in text_of(h.pick(ChoiceId(ChoiceKind.step, "target_low", "back").encode()))


def test_keys_are_read_loosely_and_unknown_ones_get_the_nearest() -> None:
    assert as_key("  Growth-Startup ") == "growth_startup"
    assert did_you_mean("scenario", "grwth", ["growth_startup", "bank"]) == (
        "There's no scenario `grwth`. Did you mean `growth_startup`?")
    assert did_you_mean("checklist", "zzz", ["prepare", "close"]) == (
        "There's no checklist `zzz`. Known: `prepare`, `close`")
