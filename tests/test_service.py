"""The service around the engine: de-duplication, isolation, ordering, restart, export and forget.

A tiny fake engine stands in for the real one so these tests pin the service's own behaviour.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.messages import ConversationKind, Incoming, Reply
from bot.service import CoachService
from bot.session import Action, ChecklistState, Outcome, Record, SessionState
from bot.storage import open_store
from bot.storage.store import Store

T0 = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)

PRACTICE_DATA = {
    "scenario": "startup",
    "outcome": "agreed",
    "agreed": True,
    "terms": {"base_salary": 128000, "pto": 25},
    "opening": {"base_salary": 120000, "pto": 20},
    "money_won_per_year": 10000,
    "room_share": 0.6,
    "scores": {"anchor": 2, "justify": 1},
}


class FakeEngine:
    """Counts turns, echoes, and understands a few words that exercise the service."""

    def step(self, state: SessionState, incoming: Incoming) -> Outcome:
        text = incoming.text or incoming.choice or ""
        new = state.model_copy(update={"turns": state.turns + 1})
        records: list[Record] = []
        action = None
        if text == "boom":
            raise RuntimeError("the engine tripped")
        if text == "finish":
            records.append(Record(kind="practice", key="startup", data=PRACTICE_DATA))
        if text.startswith("checklist "):
            _, key, answer = text.split(" ", 2)
            new = new.model_copy(
                update={"mode": "checklist", "checklist": ChecklistState(key=key, answers={"a": answer})}
            )
        if text == "done checklist":
            records.append(Record(kind="checklist", key="prepare", data={"answers": {"target": 130000}}))
        if text == "export":
            action = Action.export
        if text == "forget":
            action = Action.forget
        return Outcome(state=new, replies=[Reply(text=f"turn {new.turns}: {text}")], records=records, action=action)


def said(user: str, text: str, *, event: str | None = None, thread: str | None = None) -> Incoming:
    return Incoming(
        platform="test",
        user_id=user,
        conversation_id=thread or f"dm-{user}",
        conversation_kind=ConversationKind.thread if thread else ConversationKind.direct,
        text=text,
        event_id=event,
    )


@pytest.fixture
def service(store_target: str):
    """The service on each back end: a SQLite file and a PostgreSQL schema of the test's own."""
    coach = CoachService(open_store(store_target), FakeEngine(), clock=lambda: T0)
    yield coach
    coach.close()


def texts(replies: list[Reply]) -> list[str]:
    return [reply.text for reply in replies]


async def test_a_retried_event_is_skipped(service: CoachService):
    assert texts(await service.handle(said("ana", "hello", event="E1"))) == ["turn 1: hello"]
    assert await service.handle(said("ana", "hello", event="E1")) == []
    assert texts(await service.handle(said("ana", "again", event="E2"))) == ["turn 2: again"]
    assert service.store.count("turns") == 2


async def test_the_same_event_id_on_another_platform_is_not_a_duplicate(service: CoachService):
    await service.handle(said("ana", "hello", event="E1"))
    other = Incoming(platform="other", user_id="ana", conversation_id="c", text="hi", event_id="E1")
    assert texts(await service.handle(other)) == ["turn 1: hi"]


async def test_two_users_sessions_never_mix(service: CoachService):
    for _ in range(3):
        await service.handle(said("ana", "a"))
    assert texts(await service.handle(said("ben", "b"))) == ["turn 1: b"]
    assert texts(await service.handle(said("ana", "a"))) == ["turn 4: a"]
    assert len(service.export_user("test::ben")["turns"]) == 1


async def test_a_thread_has_its_own_session(service: CoachService):
    await service.handle(said("ana", "dm"))
    assert texts(await service.handle(said("ana", "in thread", thread="T1"))) == ["turn 1: in thread"]
    assert texts(await service.handle(said("ana", "dm again"))) == ["turn 2: dm again"]


async def test_concurrent_turns_on_one_session_are_serialised(service: CoachService):
    replies = await asyncio.gather(*(service.handle(said("ana", f"m{i}", event=f"E{i}")) for i in range(50)))
    assert sorted(int(r[0].text.split(":")[0].removeprefix("turn ")) for r in replies) == list(range(1, 51))
    assert service.store.count("turns") == 50
    assert service.store.load_session("test::ana", "direct").state.turns == 50


def test_two_processes_on_one_database_take_turns(store_target: str):
    """Two services on their own connections (as two processes would be) hammer one session."""
    services = [CoachService(open_store(store_target), FakeEngine()) for _ in range(2)]

    def talk(coach: CoachService, name: str) -> None:
        for i in range(40):
            coach.handle_sync(said("ana", f"{name}{i}", event=f"{name}{i}"))

    threads = [threading.Thread(target=talk, args=(coach, f"p{n}")) for n, coach in enumerate(services)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert services[0].store.load_session("test::ana", "direct").state.turns == 80
    assert services[1].store.count("turns") == 80
    for coach in services:
        coach.close()


def test_a_restart_resumes_the_session_exactly(store_target: str):
    path = store_target
    first = CoachService(open_store(path), FakeEngine())
    first.handle_sync(said("ana", "checklist prepare 120k"))
    first.handle_sync(said("ana", "more"))
    first.close()
    second = CoachService(open_store(path), FakeEngine())
    assert texts(second.handle_sync(said("ana", "back"))) == ["turn 3: back"]
    assert second.progress("test::ana")["checklists"] == [
        {"checklist": "prepare", "status": "in progress", "step": 0, "answers": {"a": "120k"}}
    ]
    second.close()


async def test_an_engine_failure_gets_a_friendly_reply_and_keeps_the_state(service: CoachService):
    await service.handle(said("ana", "one"))
    [reply] = await service.handle(said("ana", "boom"))
    assert "went wrong" in reply.text
    assert texts(await service.handle(said("ana", "two"))) == ["turn 2: two"]


async def test_export_lists_practices_checklists_and_turns(service: CoachService):
    await service.handle(said("ana", "hello"))
    await service.handle(said("ana", "finish"))
    await service.handle(said("ana", "done checklist"))
    await service.handle(said("ana", "checklist review 95000"))
    replies = await service.handle(said("ana", "export"))
    attachment = replies[-1].attachment
    assert attachment is not None and attachment.filename == "offer-coach-export.json"
    assert replies[-1].move_to_private
    export = json.loads(attachment.content)
    assert export["user"]["key"] == "test::ana"
    [practice] = export["practices"]
    assert practice["scenario"] == "startup"
    assert practice["agreed"] is True
    assert practice["terms"] == {"base_salary": 128000, "pto": 25}
    assert practice["opening"] == {"base_salary": 120000, "pto": 20}
    assert practice["money_won_per_year"] == 10000
    assert practice["scores"] == {"anchor": 2, "justify": 1}
    assert [(c["checklist"], c["status"], c["answers"]) for c in export["checklists"]] == [
        ("prepare", "done", {"target": 130000}),
        ("review", "in progress", {"a": "95000"}),
    ]
    assert [turn["text"] for turn in export["turns"]] == [
        "hello",
        "finish",
        "done checklist",
        "checklist review 95000",
        "export",
    ]
    assert export["turns"][0]["replies"] == [{"text": "turn 1: hello"}]


async def test_forget_removes_everything_and_a_retry_stays_skipped(service: CoachService):
    await service.handle(said("ana", "finish", event="E1"))
    await service.handle(said("ben", "finish"))
    replies = await service.handle(said("ana", "forget", event="E2"))
    assert "deleted everything" in replies[-1].text
    for table in ("users", "sessions", "turns", "records"):
        assert service.store.count(table, "test::ana") == 0
    assert service.store.count("turns", "test::ben") == 1
    assert service.export_user("test::ana")["practices"] == []
    assert await service.handle(said("ana", "finish", event="E1")) == []
    assert texts(await service.handle(said("ana", "hello again"))) == ["turn 1: hello again"]


async def test_progress_summarises_for_a_home_screen(service: CoachService):
    await service.handle(said("ana", "finish"))
    await service.handle(said("ana", "checklist prepare yes"))
    progress = service.progress("test::ana")
    assert progress["practices_done"] == 1 and progress["agreements"] == 1
    assert progress["practices"][0]["money_won_per_year"] == 10000
    assert progress["checklists"][0]["checklist"] == "prepare"
    assert progress["last_valuation"] is None
    assert service.progress("test::nobody")["practices_done"] == 0


async def test_a_broken_database_gets_a_friendly_reply_not_a_crash(service: CoachService):
    with service.store.transaction():
        service.store.execute("DROP TABLE turns")
    [reply] = await service.handle(said("ana", "hello"))
    assert "try again" in reply.text
    assert service.store.count("sessions") == 0  # the half-done turn was rolled back


async def test_a_huge_message_is_stored_clipped():
    coach = CoachService(Store(":memory:"), FakeEngine(), max_message_chars=100)
    await coach.handle(said("ana", "x" * 10_000))
    assert len(coach.export_user("test::ana")["turns"][0]["text"]) == 100
    coach.close()


def test_through_the_real_engine_a_practice_resumes_after_restart_and_lands_in_export(tmp_path: Path):
    from tests.support.harness import ChatHarness

    harness = ChatHarness(tmp_path / "coach.db")
    harness.say("practice growth_startup")
    harness.say("I'm really excited about this role! Market data for this level says 140k; could we do that?")
    before = harness.state()
    assert before.practice is not None and before.practice.scenario == "growth_startup"
    harness = harness.restart()
    assert harness.state() == before
    harness.say("end")
    export = harness.service.export_user("test::alice")
    [practice] = export["practices"]
    assert practice["scenario"] == "growth_startup"
    assert practice["scores"] and all(0 <= score <= 2 for score in practice["scores"].values())
    assert "base_salary" in practice["opening"]
    assert export["turns"][0]["text"] == "practice growth_startup"
    assert harness.service.progress("test::alice")["practices_done"] == 1
    harness.close()


@pytest.mark.parametrize(
    "odd", ["\ud800 lone surrogate", "nul\x00inside", "مرحبا بالعالم", "zero\u200bwidth", "🎉👩🏽‍💻"]
)
async def test_odd_unicode_is_answered_stored_and_exportable(service: CoachService, odd: str):
    [reply] = await service.handle(said("ana", odd))
    assert reply.text.startswith("turn 1:")
    export = service.export_user("test::ana")
    json.dumps(export, ensure_ascii=False).encode("utf-8")
    assert export["turns"][0]["text"].encode("utf-8")


def test_through_the_real_engine_a_checklist_is_exported_with_its_answers_in_progress_and_done():
    from tests.support.harness import ChatHarness

    harness = ChatHarness()
    for line in ("checklist close", "base 120k, 25 days pto", "Monday 3 March", "Maya", "yes"):
        harness.say(line)
    [open_one] = harness.service.export_user("test::alice")["checklists"]
    assert (open_one["checklist"], open_one["status"]) == ("close", "in progress")
    assert open_one["answers"]["agreed_terms"] == {"base_salary": 120000, "pto": 25}
    assert open_one["answers"]["recipient"] == "Maya"
    harness.say("skip")
    [done] = harness.service.export_user("test::alice")["checklists"]
    assert (done["checklist"], done["status"]) == ("close", "done")
    assert done["answers"]["start_date_text"] == "Monday 3 March"
    assert harness.service.progress("test::alice")["checklists"][0]["status"] == "done"
    harness.close()


WORKER = """
import sys
import time
from pathlib import Path
from bot.messages import Incoming, Reply
from bot.service import CoachService
from bot.session import Outcome
from bot.storage import open_store

class Counting:
    def step(self, state, incoming):
        new = state.model_copy(update={"turns": state.turns + 1})
        return Outcome(state=new, replies=[Reply(text=str(new.turns))])

coach = CoachService(open_store(sys.argv[1]), Counting())
folder = Path(sys.argv[4])
(folder / f"ready-{sys.argv[2]}").touch()
while not (folder / "go").exists():  # start together, so the two really overlap
    time.sleep(0.001)
for i in range(int(sys.argv[3])):
    # No event id, as from the terminal: the session read is the transaction's first statement.
    coach.handle_sync(Incoming(platform="test", user_id="ana", conversation_id="dm", text="hi"))
coach.close()
"""


def test_two_real_processes_on_one_database_never_lose_a_turn(store_target: str, tmp_path: Path):
    import subprocess
    import sys

    path = store_target
    open_store(path).close()  # migrate once, so the workers race only on turns
    names = ("first", "second")
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, path, name, "200", str(tmp_path)]) for name in names]
    while not all((tmp_path / f"ready-{name}").exists() for name in names):
        assert all(worker.poll() is None for worker in workers), "a worker died before starting"
        time.sleep(0.005)
    (tmp_path / "go").touch()
    assert [worker.wait(timeout=60) for worker in workers] == [0, 0]
    store = open_store(path)
    try:
        assert store.count("turns") == 400
        assert store.load_session("test::ana", "direct").state.turns == 400
    finally:
        store.close()
