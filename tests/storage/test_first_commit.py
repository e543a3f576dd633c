"""The first user's turn after a start costs the store what any later turn does (issue 14).

Counted, not timed. A commit into an empty or fully checkpointed WAL restarts the log: it writes a
new header and syncs it, a few milliseconds where an ordinary commit takes a tenth of one. The
warm-up starts the log before the adapter reports ready, and the maintenance thread leaves an idle
store's log alone, so the first user's commit no longer restarts it. The warm-up also rehearses a
practice through the turn's own statements and rolls it back: nothing of it may stay behind.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from adapters.lifecycle import warm_up
from bot.config import CoreSettings
from bot.engine import Engine, LazyUnderstander
from bot.messages import Incoming
from bot.playbooks.loader import load_playbooks
from bot.service import REHEARSAL_PLATFORM, CoachService
from bot.storage import open_store
from tests.support.builds import wal_header

TABLES = ("users", "sessions", "turns", "records", "events", "inbox")
LINES = ("practice growth_startup", "I'd like a base of 150k, could you do that?")


def _said(text: str, user: str = "U1", n: int = 0) -> Incoming:
    return Incoming(platform="slack", tenant="T1", user_id=user, conversation_id="D" + user, text=text,
                    event_id=f"{user}-{n}")


def _maintenance_round(service: CoachService, db: Path) -> None:
    """What the store's maintenance thread does once a second, done now on its own connection."""
    maintenance = service.store._maintenance  # type: ignore[attr-defined]
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        maintenance.round(conn)
    finally:
        conn.close()


def test_after_the_warm_up_the_first_turn_does_not_restart_the_log(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    service = CoachService.from_settings(CoreSettings(db=db))
    try:
        service.handle_sync(_said("help", "UMENU"))  # a turn before the warm-up, as the terminal's menu is
        warm_up(service)
        started = wal_header(db)
        assert started  # the log exists, with its header written
        _maintenance_round(service, db)  # the second that passes before the first user writes
        assert service.handle_sync(_said(LINES[0]))
        assert wal_header(db) == started  # an ordinary commit: no new header, nothing synced
        _maintenance_round(service, db)  # that turn wrote rows: the next round checkpoints them
        service.handle_sync(_said(LINES[1], n=1))
        assert wal_header(db) != started  # (the restart the warm-up saves the first turn from)
    finally:
        service.close()


def test_an_idle_store_is_not_checkpointed_so_its_started_log_stays_started(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    service = CoachService.from_settings(CoreSettings(db=db))
    try:
        warm_up(service)
        started = wal_header(db)
        for _ in range(3):
            _maintenance_round(service, db)
        service.handle_sync(_said(LINES[0]))
        assert wal_header(db) == started
    finally:
        service.close()


def _counts(store: object) -> dict[str, int]:
    return {table: store.count(table) for table in TABLES if table != "inbox"}  # type: ignore[attr-defined]


def test_a_rehearsal_leaves_nothing_anyone_could_see_or_export(store_target: str) -> None:
    playbooks = load_playbooks()
    service = CoachService(open_store(store_target, maintenance=False),
                           Engine(playbooks, LazyUnderstander(playbooks.perks)))
    try:
        service.handle_sync(_said(LINES[0], "UREAL"))
        before = _counts(service.store)
        replies = service.rehearse((*LINES, "end"))
        assert any("150" in (reply.text or "") for reply in replies)  # the practice really ran
        assert _counts(service.store) == before
        export = service.export_user(f"{REHEARSAL_PLATFORM}:-:-")
        assert not export["practices"] and not export["turns"] and not export["practices_in_progress"]
        # Counters move on with no gap a user could notice either: the next real turn is stored as usual.
        assert service.handle_sync(_said(LINES[1], "UREAL", 1))
        assert service.store.count("turns", "slack:T1:UREAL") == 2  # type: ignore[attr-defined]
    finally:
        service.close()


def test_a_rehearsal_changes_no_byte_of_the_sqlite_file_a_backup_would_copy(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    service = CoachService.from_settings(CoreSettings(db=db))
    try:
        service.handle_sync(_said(LINES[0], "UREAL"))

        def snapshot() -> list[tuple[object, ...]]:
            conn = sqlite3.connect(db)
            try:
                rows: list[tuple[object, ...]] = [("user_version", conn.execute("PRAGMA user_version").fetchone()[0])]
                names = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
                for name in sorted(names):
                    rows.extend((name, *row) for row in conn.execute(f"SELECT * FROM {name}"))
                return rows
            finally:
                conn.close()

        before = snapshot()
        warm_up(service)
        assert snapshot() == before  # sqlite_sequence and user_version included
    finally:
        service.close()
