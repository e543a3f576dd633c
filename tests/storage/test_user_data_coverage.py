"""`export` and `forget` cover every column that can name a user, in every table of the file.

The schema walk fails as soon as someone adds a column that can hold a user's key or platform id
without listing it in ``USER_COLUMNS`` (or saying here why it never names a person). The round trip
then fills every listed column through the real code paths (a finished practice, team channel
commands, a Slack installation), checks the export shows each, forgets the user and searches every
text column of every table — and the raw bytes of the database and its WAL — for what was left.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlite3 import SQLite3InstallationStore

from bot.messages import Incoming
from bot.storage.inbox import Inbox
from bot.storage.store import USER_COLUMNS, Store
from bot.teams.service import Actor, TeamService
from tests.support.clock import Clock
from tests.support.harness import ChatHarness

USER = "UFORGET7"
KEY = f"slack:T1:{USER}"
WORDS = "zanzibarquokka"  # something the user typed, to look for in the raw file

PERSON_LIKE = re.compile(r"user|_by$|author|owner|member|installer|person|who", re.IGNORECASE)
NOT_A_PERSON = {
    ("team_subscriptions", "claimed_by"): "the id of the process that claimed a due post",
    ("inbox", "owner"): "the id of the process working on a request (machine, pid), never a person",
    ("slack_installations", "bot_user_id"): "the app's own bot user",
    ("slack_bots", "bot_user_id"): "the app's own bot user",
}


def _schema(path: Path) -> dict[str, list[str]]:
    with Store(path, maintenance=False) as store:
        SQLite3InstallationStore(database=str(path), client_id="C").init()  # Bolt's tables share the file
        Inbox(store)  # and so does the adapters' inbox of requests not yet finished
        tables = [name for (name,) in store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {table: [row[1] for row in store.conn.execute(f"PRAGMA table_info({table})")] for table in tables}


def test_every_column_that_can_name_a_user_is_covered_by_export_and_forget(tmp_path: Path) -> None:
    covered = {(column.table, name) for column in USER_COLUMNS for name in (column.column, *column.also_clear)}
    uncovered = [
        f"{table}.{column}"
        for table, columns in _schema(tmp_path / "coach.db").items()
        for column in columns
        if (PERSON_LIKE.search(column) or (column == "key" and table == "users"))
        and (table, column) not in covered and (table, column) not in NOT_A_PERSON
    ]
    assert uncovered == []


def _fill_every_user_column(path: Path) -> ChatHarness:
    chat = ChatHarness(path, platform="slack")

    def say(text: str | None = None, choice: str | None = None) -> None:
        chat.send(Incoming(platform="slack", tenant="T1", user_id=USER, conversation_id="D1", text=text,
                           choice=choice, at=datetime(2026, 1, 5, 9, 0, tzinfo=UTC)))

    say("practice growth_startup")
    say(f"{WORDS}, could you do 150k base?")
    say(choice="cmd:end")  # the "End and debrief" button
    teams = TeamService(chat.service.store, chat.playbooks, chat.service, clock=Clock(datetime(2026, 1, 5, tzinfo=UTC)))
    actor = Actor(platform="slack", tenant="T1", channel="CTEAM", user_id=USER)

    async def yes() -> bool:
        return True

    import asyncio

    async def team_side() -> None:
        await teams.command("channel subscribe mon 09:00 Europe/Berlin", actor, yes)
        await teams.command("stats join", actor, yes)
        await teams.click("team:mute", actor)
        shared = await teams.command("checklist share prepare", actor, yes)
        start = next(c.id for r in [shared.channel_post] if r for c in r.choices if c.id.startswith("team:start:"))
        await teams.click(start, actor)

    asyncio.run(team_side())
    SQLite3InstallationStore(database=str(path), client_id="C").save(Installation(
        app_id="A1", enterprise_id=None, team_id="T1", user_id=USER, bot_token="xoxb-1", bot_id="B1",
        bot_user_id="UBOT", user_token="xoxp-secret-of-the-installer", user_scopes=["identify"]))
    return chat


def _section(export: dict, dotted: str) -> object:
    value: object = export
    for part in dotted.split("."):
        assert isinstance(value, dict) and part in value, f"the export has no {dotted}"
        value = value[part]
    return value


def test_export_shows_and_forget_removes_every_row_that_names_the_user(tmp_path: Path) -> None:
    path = tmp_path / "coach.db"
    chat = _fill_every_user_column(path)
    server = chat.service.store  # stays open, as a running bot would: the WAL is not cleaned up by a close
    export = chat.service.export_user(KEY)
    for column in USER_COLUMNS:
        assert _section(export, column.export), f"{column.table}.{column.column} is missing from the export"

    with Store(path, maintenance=False) as cli:  # `offer-coach forget` while the bot runs
        assert cli.forget_user(KEY) > 0
        for table, names in _schema(path).items():
            for name in names:
                leftovers = cli.conn.execute(
                    f"SELECT count(*) FROM {table} WHERE CAST({name} AS TEXT) IN (?, ?)", (KEY, USER)).fetchone()[0]
                assert leftovers == 0, f"{table}.{name} still names the user"
        tokens, installs = cli.conn.execute("SELECT count(user_token), count(*) FROM slack_installations").fetchone()
        assert (tokens, installs) == (0, 1)  # the installer's token goes, the workspace's bot stays
    for file in (path, Path(f"{path}-wal")):
        if file.exists():
            raw = file.read_bytes()
            assert WORDS.encode() not in raw and USER.encode() not in raw, f"{file.name} still holds the user"
    assert json.dumps(chat.service.export_user(KEY)).count(USER) <= 1  # the key in the empty export's header
    server.close()


def test_deleted_rows_are_overwritten_whatever_sqlite_was_built_with(tmp_path: Path) -> None:
    # Some SQLite builds default to secure delete and some do not; the store must not depend on it.
    with Store(tmp_path / "coach.db", maintenance=False) as store:
        assert store.conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
