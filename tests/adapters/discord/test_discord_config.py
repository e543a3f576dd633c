"""Configuration by environment, the invite URL, and keeping the token out of logs."""

from __future__ import annotations

import io
import logging
import sys
from urllib.parse import parse_qs, urlparse

import pytest

from adapters.discord import runner
from adapters.discord.config import DiscordConfigError, application_id_from_token, load_settings
from bot.config import CoreSettings
from tests.support.fake_discord import BOT_ID, FAKE_TOKEN


def test_a_missing_token_is_named() -> None:
    with pytest.raises(DiscordConfigError, match="DISCORD_TOKEN is not set"):
        load_settings()


@pytest.mark.parametrize(("variable", "value"), [
    ("DISCORD_GUILD_ID", "my-server"), ("DISCORD_SHARDS", "lots"), ("DISCORD_SHARDS", "0"),
    ("DISCORD_TOKEN", "Bot abc.def"), ("DISCORD_SYNC_COMMANDS", "maybe"),
])
def test_a_malformed_variable_is_named(monkeypatch: pytest.MonkeyPatch, variable: str, value: str) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", FAKE_TOKEN)
    monkeypatch.setenv(variable, value)
    with pytest.raises(DiscordConfigError) as caught:
        load_settings()
    assert variable in str(caught.value)
    assert FAKE_TOKEN not in str(caught.value)


@pytest.mark.parametrize(("shards", "shard_ids"), [(None, "[0]"), ("auto", "[0, 1]"), ("2", "[2]"), ("2", "[]")])
def test_shard_ids_need_a_matching_shard_count(monkeypatch: pytest.MonkeyPatch, shards: str | None,
                                               shard_ids: str) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", FAKE_TOKEN)
    monkeypatch.setenv("DISCORD_SHARD_IDS", shard_ids)
    if shards:
        monkeypatch.setenv("DISCORD_SHARDS", shards)
    with pytest.raises(DiscordConfigError, match="DISCORD_SHARD_IDS"):
        load_settings()


def test_settings_read_from_a_dotenv_file(tmp_path) -> None:
    (tmp_path / ".env").write_text(f"DISCORD_TOKEN={FAKE_TOKEN}\nDISCORD_GUILD_ID=42\nDISCORD_SHARDS=auto\n")
    settings = load_settings()
    assert settings.guild_id == 42 and settings.sharded and settings.shard_count is None


def test_run_without_a_token_exits_non_zero_naming_it_before_connecting(capsys, tmp_path) -> None:
    status = runner.run(CoreSettings(db=tmp_path / "never.db"))
    assert status != 0
    assert "DISCORD_TOKEN" in capsys.readouterr().err
    assert not (tmp_path / "never.db").exists()


def test_invite_url_asks_for_exactly_the_needed_scopes_and_permissions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", FAKE_TOKEN)
    out = io.StringIO()
    assert runner.invite_url(out) == 0
    query = parse_qs(urlparse(out.getvalue().strip()).query)
    assert query["client_id"] == [str(BOT_ID)]
    assert set(query["scope"][0].split()) == {"bot", "applications.commands"}
    # view channel, send messages (+ in threads), embed links, read message history; nothing else
    assert int(query["permissions"][0]) == 1024 | 2048 | 274877906944 | 16384 | 65536


def test_invite_url_uses_the_configured_application_id_without_a_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_APPLICATION_ID", "1122334455")
    out = io.StringIO()
    assert runner.invite_url(out) == 0
    assert "client_id=1122334455" in out.getvalue()


def test_invite_url_without_any_id_explains_what_to_set(capsys) -> None:
    assert runner.invite_url(io.StringIO()) != 0
    assert "DISCORD_APPLICATION_ID" in capsys.readouterr().err


def test_the_application_id_is_read_from_a_bot_token() -> None:
    assert application_id_from_token(FAKE_TOKEN) == BOT_ID
    assert application_id_from_token("not a token") is None


def test_the_token_is_redacted_from_any_log_line(caplog: pytest.LogCaptureFixture) -> None:
    redactor = runner.TokenRedactor(FAKE_TOKEN)
    log = logging.getLogger("discord.http")
    log.addFilter(redactor)
    try:
        with caplog.at_level(logging.DEBUG, logger="discord.http"):
            log.debug("headers: %s", {"Authorization": f"Bot {FAKE_TOKEN}"})
    finally:
        log.removeFilter(redactor)
    assert FAKE_TOKEN not in caplog.text
    assert "[token]" in caplog.text


def test_several_processes_split_the_shards_with_shard_count_and_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    """Process 2 of 2 over one database: DISCORD_SHARD_COUNT=4, DISCORD_SHARD_IDS=[2,3]."""
    monkeypatch.setenv("DISCORD_TOKEN", FAKE_TOKEN)
    monkeypatch.setenv("DISCORD_SHARD_COUNT", "4")
    monkeypatch.setenv("DISCORD_SHARD_IDS", "[2, 3]")
    settings = load_settings()
    assert settings.sharded and settings.shard_count == 4 and settings.shard_ids == [2, 3]
    monkeypatch.setenv("DISCORD_SHARD_IDS", "[4]")
    with pytest.raises(DiscordConfigError, match="DISCORD_SHARD_IDS"):
        load_settings()
    monkeypatch.setenv("DISCORD_SHARDS", "2")
    with pytest.raises(DiscordConfigError, match="DISCORD_SHARD_COUNT"):
        load_settings()


def test_uvloop_asked_for_but_missing_stops_naming_the_setting(monkeypatch: pytest.MonkeyPatch, capsys,
                                                                tmp_path) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", FAKE_TOKEN)
    monkeypatch.setenv("DISCORD_EVENT_LOOP", "uvloop")
    monkeypatch.setitem(sys.modules, "uvloop", None)  # as if it were not installed
    status = runner.run(CoreSettings(db=tmp_path / "never.db"))
    assert status == runner.CONFIG_ERROR
    err = capsys.readouterr().err
    assert "DISCORD_EVENT_LOOP" in err and "uvloop" in err
    assert not (tmp_path / "never.db").exists()


def test_an_unknown_event_loop_is_refused_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_EVENT_LOOP", "trio")
    with pytest.raises(DiscordConfigError, match="DISCORD_EVENT_LOOP"):
        load_settings(require_token=False)
