"""The SQLite store: schema, restart, bad paths, stale state, and a lean per-turn path."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.messages import Reply
from bot.session import SCHEMA_VERSION, ChecklistState, Record, SessionState
from bot.storage.protocol import Commit
from bot.storage.store import LATEST_SCHEMA, STALE_STATE_NOTICE, Store, StoreError, TurnWrite

T0 = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def write_turn(store: Store, user_key: str, state: SessionState, *, text: str = "hi", records=()) -> None:
    with store.transaction():
        loaded = store.load_session(user_key, "direct")
        store.save_turn(
            TurnWrite(
                user_key=user_key,
                platform="test",
                scope="direct",
                at=T0,
                text_in=text,
                choice_in=None,
                replies=[Reply(text=f"you said {text}")],
                state=state,
                records=list(records),
                user_known=loaded.existed,
            )
        )


def test_memory_store_starts_at_latest_schema_with_empty_tables():
    with Store(":memory:") as store:
        assert store.schema_version() == LATEST_SCHEMA
        assert all(store.count(table) == 0 for table in ("users", "sessions", "turns", "events", "records"))


def test_file_store_uses_wal(tmp_path: Path):
    with Store(tmp_path / "coach.db") as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_state_survives_a_restart_exactly(tmp_path: Path):
    path = tmp_path / "coach.db"
    state = SessionState(
        mode="checklist",
        checklist=ChecklistState(
            key="prepare", step=2, answers={"target": 120000, "priorities": ["pto", "remote_work"]}
        ),
        turns=7,
    )
    with Store(path) as store:
        write_turn(store, "test::ana", state)
    with Store(path) as reopened:
        loaded = reopened.load_session("test::ana", "direct")
        assert loaded.existed and loaded.notice is None
        assert loaded.state == state


def test_missing_folder_is_created(tmp_path: Path):
    path = tmp_path / "deep" / "er" / "coach.db"
    with Store(path) as store:
        write_turn(store, "test::ana", SessionState(turns=1))
    assert path.exists()


@pytest.mark.parametrize(
    "make_bad_path",
    [
        lambda tmp: tmp / "a-file.txt" / "coach.db",  # a "folder" that is really a file
        lambda tmp: tmp,  # a directory given as the database
        lambda tmp: tmp / "not-a-db.db",  # a file that is not SQLite
    ],
)
def test_unusable_path_raises_store_error_naming_the_path(tmp_path: Path, make_bad_path):
    (tmp_path / "a-file.txt").write_text("just text")
    (tmp_path / "not-a-db.db").write_text("hello, this is not a database at all" * 100)
    bad = make_bad_path(tmp_path)
    with pytest.raises(StoreError) as raised:
        Store(bad)
    assert str(bad) in str(raised.value)


def test_state_from_a_newer_version_starts_fresh_with_notice_and_is_archived_by_the_next_turn(tmp_path: Path):
    path = tmp_path / "coach.db"
    with Store(path) as store:
        write_turn(store, "test::ana", SessionState(turns=3))
        store.conn.execute("UPDATE sessions SET schema_version = ?", (SCHEMA_VERSION + 1,))
        loaded = store.load_session("test::ana", "direct")
        assert loaded.state == SessionState()
        assert loaded.notice == STALE_STATE_NOTICE
        assert store.user_data("test::ana").records == []  # reading changes nothing
        turn = TurnWrite(user_key="test::ana", platform="test", scope="direct", at=T0, text_in="hi", choice_in=None,
                         replies=[], state=SessionState(), records=[], user_known=True,
                         expected_version=loaded.version, archive=loaded.stale)
        assert store.commit_turn(turn) is Commit.saved
        archived = store.user_data("test::ana").records
        assert [record.kind for record in archived] == ["archived_session"]
        assert json.loads(archived[0].data["state"])["turns"] == 3


def test_corrupt_state_json_starts_fresh_instead_of_crashing():
    with Store(":memory:") as store:
        write_turn(store, "test::ana", SessionState(turns=3))
        store.conn.execute("UPDATE sessions SET state = '{not json'")
        with store.transaction():
            loaded = store.load_session("test::ana", "direct")
        assert loaded.state.turns == 0 and loaded.notice


def test_a_failed_transaction_leaves_nothing_behind():
    with Store(":memory:") as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.claim_event("test:e1", T0)
            raise RuntimeError("engine blew up")
        assert store.count("events") == 0
        with store.transaction():
            assert store.claim_event("test:e1", T0)
            assert not store.claim_event("test:e1", T0)


def test_records_are_kept_and_forget_removes_every_user_row_but_not_other_users():
    with Store(":memory:") as store:
        for user in ("test::ana", "test::ben"):
            write_turn(store, user, SessionState(turns=1), records=[Record(kind="practice", key="startup", data={})])
        store.forget_user("test::ana")
        for table in ("users", "sessions", "turns", "records"):
            assert store.count(table, "test::ana") == 0
            assert store.count(table, "test::ben") == 1
        assert not store.user_data("test::ana").exists


def test_old_events_are_pruned_and_recent_ones_kept():
    with Store(":memory:") as store:
        with store.transaction():
            store.claim_event("test:old", T0 - timedelta(days=5))
            store.claim_event("test:new", T0 - timedelta(hours=1))
        assert store.prune_events(now=T0) == 1
        with store.transaction():
            assert not store.claim_event("test:new", T0)


def test_a_turn_is_a_fixed_handful_of_statements_whatever_the_transcript_length():
    """The per-turn cost must not grow with the transcript: count the SQL one turn runs."""
    with Store(":memory:") as store:

        def statements_for_one_turn() -> list[str]:
            traced: list[str] = []
            store.conn.set_trace_callback(traced.append)
            write_turn(store, "test::ana", SessionState(turns=1))
            store.conn.set_trace_callback(None)
            return traced

        first = statements_for_one_turn()
        store.conn.executemany(
            "INSERT INTO turns (user_key, scope, at, text_in, replies) VALUES ('test::ana', 'direct', 'x', 'y', '[]')",
            [()] * 10_000,
        )
        later = statements_for_one_turn()
        assert len(later) <= len(first) <= 6
        assert not any("sqlite_master" in sql or "PRAGMA" in sql for sql in later)
        assert not any("count(" in sql.lower() for sql in later)


def test_a_service_turn_runs_six_statements_and_one_short_write_transaction(tmp_path: Path):
    """A warm turn through the service: read the session, then BEGIN, claim the event, write the
    session, append the turn, COMMIT. No schema look-ups, no second read, nothing per reply."""
    from bot.messages import Incoming
    from bot.service import CoachService
    from bot.session import Outcome

    class Echo:
        def step(self, state: SessionState, incoming: Incoming) -> Outcome:
            state.turns += 1
            return Outcome(state=state, replies=[Reply(text="one"), Reply(text="two")])

    service = CoachService(Store(tmp_path / "coach.db", maintenance=False), Echo())
    store = service.store
    assert isinstance(store, Store)
    try:
        def turn(n: int) -> list[str]:
            traced: list[str] = []
            store.conn.set_trace_callback(traced.append)
            service.handle_sync(Incoming(platform="test", user_id="ana", conversation_id="d", text="hi",
                                         event_id=f"e{n}"))
            store.conn.set_trace_callback(None)
            return [sql.split()[0] for sql in traced]

        turn(0)  # creates the user and the session
        assert turn(1) == ["SELECT", "BEGIN", "INSERT", "UPDATE", "INSERT", "COMMIT"]
    finally:
        service.close()


def test_a_busy_store_wakes_its_checkpointer_once_per_200_commits(tmp_path: Path):
    """A checkpoint copies each page once however often it was written since, so a busy store
    checkpoints in large rounds: 400 commits wake the background checkpointer twice, not twenty times."""
    with Store(tmp_path / "coach.db") as store:
        assert store._maintenance is not None
        wakes: list[int] = []
        store._maintenance.wake = lambda: wakes.append(1)  # type: ignore[method-assign]
        for n in range(400):
            with store.transaction():
                store.claim_event(f"test:{n}", T0)
        assert len(wakes) == 2


def test_second_store_on_same_file_waits_for_the_write_lock(tmp_path: Path):
    path = tmp_path / "coach.db"
    with Store(path) as first, Store(path) as second:
        with first.transaction():
            second.conn.execute("PRAGMA busy_timeout=50")
            with pytest.raises(StoreError, match=str(path)), second.transaction():
                pass
        with second.transaction():  # free again once the first commits
            assert second.claim_event("test:e", T0)


def test_not_a_sqlite_file_is_refused_not_overwritten(tmp_path: Path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"precious notes " * 200)
    with pytest.raises(StoreError):
        Store(path)
    assert path.read_bytes() == b"precious notes " * 200


def test_an_older_database_is_migrated_forward_keeping_sessions_and_events(tmp_path: Path, monkeypatch):
    import bot.storage.store as store_module

    path = tmp_path / "coach.db"
    with monkeypatch.context() as patch:
        patch.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:1])
        patch.setattr(store_module, "LATEST_SCHEMA", 1)
        with Store(path) as old:
            assert old.schema_version() == 1
            with old.transaction():  # the rows as that version wrote them
                old.conn.execute("INSERT INTO users VALUES ('test::ana', 'test', 'x')")
                old.conn.execute("INSERT INTO sessions VALUES ('test::ana', 'direct', ?, ?, 'x')",
                                 (SessionState(turns=4).model_dump_json(), SCHEMA_VERSION))
                old.conn.execute("INSERT INTO turns (user_key, scope, at, replies) "
                                 "VALUES ('test::ana', 'direct', 'x', '[]')")
                old.claim_event("test:E1", T0)
    with Store(path) as store:
        assert store.schema_version() == LATEST_SCHEMA > 1
        with store.transaction():
            assert store.load_session("test::ana", "direct").state.turns == 4
            assert not store.claim_event("test:E1", T0)
        assert store.count("turns", "test::ana") == 1


def _states():
    from hypothesis import strategies as st

    from bot.negotiation.state import PerkTrack, PracticeState

    finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
    words = st.text(max_size=12)
    json_values = st.recursive(
        st.none() | st.booleans() | st.integers(-(10**12), 10**12) | finite | words,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(words, inner, max_size=3),
        max_leaves=8,
    )
    checklists = st.builds(
        ChecklistState,
        key=words,
        step=st.integers(0, 20),
        answers=st.dictionaries(words, json_values, max_size=4),
        done=st.booleans(),
    )
    tracks = st.builds(
        PerkTrack,
        current=finite,
        asks=st.integers(0, 50),
        moved=st.booleans(),
        last_ask=st.none() | finite,
        pending=st.none() | finite,
    )
    practices = st.builds(
        PracticeState,
        scenario=words,
        status=st.sampled_from(["active", "agreed", "walked", "ended"]),
        offer=st.dictionaries(words, tracks, max_size=4),
        shown=st.lists(words, max_size=3),
        patience=st.integers(0, 10),
        evidence=st.dictionaries(words, words, max_size=3),
        flags=st.lists(words, max_size=3),
        last_perk=st.none() | words,
    )
    return st.builds(
        SessionState,
        mode=st.sampled_from(["idle", "practice", "checklist"]),
        practice=st.none() | practices,
        checklist=st.none() | checklists,
        paused_checklists=st.dictionaries(words, checklists, max_size=2),
        confirm=st.none() | st.just("forget"),
        turns=st.integers(0, 10**6),
    )


def test_any_saved_state_reloads_equal():
    from hypothesis import given, settings

    store = Store(":memory:")

    @settings(max_examples=50, deadline=None)
    @given(_states())
    def round_trip(state: SessionState) -> None:
        write_turn(store, "test::ana", state)
        with store.transaction():
            loaded = store.load_session("test::ana", "direct")
        assert loaded.notice is None
        assert loaded.state == state

    round_trip()
    store.close()


def test_a_damaged_database_raises_store_error_for_export_and_forget():
    with Store(":memory:") as store:
        write_turn(store, "test::ana", SessionState(turns=1))
        store.conn.execute("DROP TABLE records")
        with pytest.raises(StoreError):
            store.user_data("test::ana")
        with pytest.raises(StoreError):
            store.forget_user("test::ana")
        assert store.count("turns", "test::ana") == 1  # the failed forget rolled back whole


def test_a_file_in_the_way_of_the_folder_is_named_in_the_error(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("not a folder")
    with pytest.raises(StoreError, match=r"notes\.txt is a file, not a folder"):
        Store(tmp_path / "notes.txt" / "deeper" / "coach.db")
