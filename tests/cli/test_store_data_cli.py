"""`offer-coach export|forget`: the command-line side of a user's data."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from adapters.cli.data import export_command, forget_command
from bot.messages import ConversationKind, Incoming, Reply
from bot.service import CoachService
from bot.session import Outcome, Record, SessionState
from bot.storage.store import Store


class RecordingEngine:
    def step(self, state: SessionState, incoming: Incoming) -> Outcome:
        records = [Record(kind="practice", key="nonprofit", data={"scenario": "nonprofit", "outcome": "walked"})]
        return Outcome(
            state=state.model_copy(update={"turns": state.turns + 1}),
            replies=[Reply(text="ok")],
            records=records if incoming.text == "walk away" else [],
        )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "coach.db"
    coach = CoachService(Store(path), RecordingEngine())
    for user, text in (("maya", "hello"), ("maya", "walk away"), ("omar", "hi")):
        coach.handle_sync(
            Incoming(
                platform="terminal",
                user_id=user,
                conversation_id="terminal",
                conversation_kind=ConversationKind.terminal,
                text=text,
            )
        )
    coach.close()
    return path


def test_export_by_terminal_name_prints_the_users_json(db: Path):
    out = io.StringIO()
    assert export_command("maya", db, out) == 0
    export = json.loads(out.getvalue())
    assert export["user"]["key"] == "terminal::maya"
    assert [(p["scenario"], p["agreed"]) for p in export["practices"]] == [("nonprofit", False)]
    assert [turn["text"] for turn in export["turns"]] == ["hello", "walk away"]


def test_export_accepts_a_full_user_key(db: Path):
    out = io.StringIO()
    assert export_command("terminal::omar", db, out) == 0
    assert json.loads(out.getvalue())["turns"][0]["text"] == "hi"


def test_export_of_an_unknown_user_says_so(db: Path):
    out, err = io.StringIO(), io.StringIO()
    assert export_command("nobody", db, out, err=err) == 1
    assert out.getvalue() == "" and "terminal::nobody" in err.getvalue()


def test_a_missing_database_is_reported_and_not_created(tmp_path: Path):
    err = io.StringIO()
    missing = tmp_path / "nope.db"
    assert export_command("maya", missing, io.StringIO(), err=err) == 2
    assert str(missing) in err.getvalue() and not missing.exists()


def test_a_file_that_is_not_a_database_is_an_error_naming_it(tmp_path: Path):
    bogus = tmp_path / "bogus.db"
    bogus.write_text("not sqlite " * 100)
    err = io.StringIO()
    assert forget_command("maya", bogus, io.StringIO(), yes=True, err=err) == 2
    assert str(bogus) in err.getvalue()


def test_forget_needs_confirmation(db: Path):
    err = io.StringIO()
    assert forget_command("maya", db, io.StringIO(), yes=False, err=err) == 1
    assert "--yes" in err.getvalue()
    assert forget_command("maya", db, io.StringIO(), yes=False, confirm=lambda question: False) == 1
    assert export_command("maya", db, io.StringIO()) == 0


def test_forget_deletes_only_that_user(db: Path):
    out = io.StringIO()
    assert forget_command("maya", db, out, yes=True) == 0
    assert "Deleted" in out.getvalue()
    assert export_command("maya", db, io.StringIO(), err=io.StringIO()) == 1
    assert export_command("omar", db, io.StringIO()) == 0
    again = io.StringIO()
    assert forget_command("maya", db, again, yes=True) == 0
    assert "nothing to delete" in again.getvalue()
