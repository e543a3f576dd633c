"""`offer-coach backup PATH` while the bot runs: a consistent, verified copy that resumes a practice."""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from adapters.cli.backup import backup_command
from adapters.cli.main import main
from tests.support.harness import ChatHarness, text_of

WRITER = """
import sys
from bot.messages import Incoming, Reply
from bot.service import CoachService
from bot.session import Outcome
from bot.storage.store import Store

class Counting:
    def step(self, state, incoming):
        new = state.model_copy(update={"turns": state.turns + 1})
        return Outcome(state=new, replies=[Reply(text=str(new.turns))])

coach = CoachService(Store(sys.argv[1]), Counting())
print("ready", flush=True)
for _ in range(int(sys.argv[2])):
    coach.handle_sync(Incoming(platform="test", user_id="ana", conversation_id="dm", text="counting"))
coach.close()
"""


def test_a_backup_taken_while_turns_are_written_is_consistent_and_resumes_a_practice(tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    bot = ChatHarness(db)  # the running bot, with a practice under way
    bot.say("practice growth_startup", user="sam")
    bot.say("could you do 150k base?", user="sam")
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db), "400"], stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
    copies: list[Path] = []
    while writer.poll() is None or not copies:
        target = tmp_path / f"backup-{len(copies)}.db"
        out = io.StringIO()
        assert backup_command(db, target, out) == 0, out.getvalue()
        assert "integrity check ok" in out.getvalue()
        copies.append(target)
        time.sleep(0.01)
    assert writer.wait(timeout=60) == 0

    for copy in copies:
        assert not Path(f"{copy}-wal").exists()  # one self-contained file
        with sqlite3.connect(copy) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            # A turn and the state it produced are one transaction: a consistent copy has both or neither.
            turns = conn.execute("SELECT count(*) FROM turns WHERE user_key = 'test::ana'").fetchone()[0]
            state = conn.execute("SELECT json_extract(state, '$.turns') FROM sessions "
                                 "WHERE user_key = 'test::ana'").fetchone()
            assert turns == (state[0] if state else 0)
    bot.close()

    restored = ChatHarness(copies[0])
    assert "The offer as it stands" in text_of(restored.say("status", user="sam"))
    restored.close()


def test_backup_will_not_overwrite_a_file_unless_told(tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    ChatHarness(db).close()
    target = tmp_path / "copy.db"
    target.write_text("an older backup")
    err = io.StringIO()
    assert backup_command(db, target, io.StringIO(), err=err) == 1
    assert "--force" in err.getvalue() and target.read_text() == "an older backup"
    assert main(["backup", str(target), "--db", str(db), "--force"], stdout=io.StringIO()) == 0
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_backup_of_a_missing_database_says_so(tmp_path: Path) -> None:
    err = io.StringIO()
    assert backup_command(tmp_path / "none.db", tmp_path / "copy.db", io.StringIO(), err=err) == 2
    assert "No database at" in err.getvalue()
    assert not (tmp_path / "none.db").exists() and not (tmp_path / "copy.db").exists()


def test_backup_of_a_postgresql_database_says_what_to_use_instead(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("OFFER_COACH_DATABASE_URL", "postgresql://coach@db.example/coach")
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["backup", str(tmp_path / "copy.db")], stdout=io.StringIO()) == 2
    assert "pg_dump" in err.getvalue() and not (tmp_path / "copy.db").exists()


def test_backup_follows_a_sqlite_url_in_the_settings(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "coach.db"
    ChatHarness(db).close()
    monkeypatch.setenv("OFFER_COACH_DATABASE_URL", f"sqlite:///{db}")
    assert main(["backup", str(tmp_path / "copy.db")], stdout=io.StringIO()) == 0
    assert (tmp_path / "copy.db").exists()
