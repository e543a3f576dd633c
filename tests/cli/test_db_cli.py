"""`offer-coach db migrate | check | copy`: a SQLite file moved to PostgreSQL (or another file)
with nothing lost, checked by counts and contents."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

from adapters.cli.main import main
from bot.messages import Incoming, Reply
from bot.service import CoachService
from bot.session import Outcome, Record, SessionState
from bot.storage import is_postgres, open_store
from bot.teams.storage import TeamStore
from tests.storage.test_store_backends import T0


class Finishing:
    def step(self, state: SessionState, incoming: Incoming) -> Outcome:
        state.turns += 1
        return Outcome(state=state, replies=[Reply(text=f"turn {state.turns}")],
                       records=[Record(kind="practice", key="growth_startup", data={"n": state.turns})])


def _filled_sqlite(path: Path) -> None:
    coach = CoachService(open_store(path), Finishing())
    for n in range(30):
        coach.handle_sync(Incoming(platform="test", user_id=f"u{n % 7}", conversation_id="dm", text=f"é {n}",
                                   event_id=f"E{n}"))
    teams = TeamStore(coach.store)
    teams.set_muted("test:T:C", "test::u1", True, T0)
    teams.create_share("S1", "test:T:C", "prepare", "test::u2", T0)
    teams.record_start("S1", "test::u3", T0)
    coach.close()
    from slack_sdk.oauth.installation_store.models.installation import Installation
    from slack_sdk.oauth.installation_store.sqlite3 import SQLite3InstallationStore

    SQLite3InstallationStore(database=str(path), client_id="111.222").save(Installation(
        app_id="A1", team_id="T1", user_id="UINSTALLER", bot_token="xoxb-t1", bot_id="B1", bot_user_id="UB1",
        bot_scopes="chat:write"))


def _cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), stdout=out), out.getvalue()


def test_a_sqlite_file_is_copied_verified_and_the_copy_carries_on(tmp_path: Path, store_target: str):
    source = tmp_path / "source.db"
    _filled_sqlite(source)
    code, report = _cli("db", "copy", "--from", str(source), "--to", store_target)
    assert code == 0, report
    assert "copy verified" in report and "DIFFERENT" not in report
    before, after = open_store(source), open_store(store_target)
    try:
        for table in ("users", "sessions", "turns", "events", "records"):
            assert after.count(table) == before.count(table) > 0
        assert after.user_data("test::u3") == before.user_data("test::u3")
        if is_postgres(store_target):  # the Slack install moved from Bolt's SQLite tables
            from adapters.slack.installations import StoreInstallationStore

            find = StoreInstallationStore(after, "111.222").async_find_bot(enterprise_id=None, team_id="T1")
            bot = asyncio.run(find)
            assert bot is not None and bot.bot_token == "xoxb-t1"
        coach = CoachService(after, Finishing())
        assert [r.text for r in coach.handle_sync(Incoming(platform="test", user_id="u0", conversation_id="dm",
                                                           text="next"))] == ["turn 6"]
        assert after.count("turns") == 31  # new ids continue after the copied ones
    finally:
        before.close()
        after.close()


def test_copy_refuses_a_target_that_already_has_data(tmp_path: Path, store_target: str):
    source = tmp_path / "source.db"
    _filled_sqlite(source)
    assert _cli("db", "copy", "--from", str(source), "--to", store_target)[0] == 0
    code, _ = _cli("db", "copy", "--from", str(source), "--to", store_target)
    assert code == 2
    assert open_store(store_target).count("turns") == 30


def test_migrate_and_check_report_the_schema_and_the_rows(store_target: str):
    code, report = _cli("db", "migrate", "--url", store_target)
    assert code == 0 and "up to date" in report
    code, report = _cli("db", "check", "--url", store_target)
    assert code == 0 and "turns" in report and report.rstrip().endswith("ok")


def test_export_and_forget_from_the_command_line_on_either_back_end(store_target: str, monkeypatch):
    monkeypatch.setenv("OFFER_COACH_DATABASE_URL", store_target)  # a URL, or a plain path for SQLite
    coach = CoachService(open_store(store_target), Finishing())
    coach.handle_sync(Incoming(platform="test", user_id="ana", conversation_id="dm", text="hello"))
    coach.close()
    code, exported = _cli("export", "--user", "test::ana")
    assert code == 0 and '"hello"' in exported
    code, said = _cli("forget", "--user", "test::ana", "--yes")
    assert code == 0 and "Deleted all data of test::ana" in said
    assert _cli("export", "--user", "test::ana")[0] == 1  # nothing left to export
