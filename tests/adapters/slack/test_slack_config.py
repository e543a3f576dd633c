"""Slack settings from the environment: every problem names its variable, before anything connects."""

from __future__ import annotations

import io

import pytest

from adapters.slack import runner
from adapters.slack.config import SlackConfigError, load_settings
from bot.config import CoreSettings

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"


def _problem(**env: str) -> str:
    with pytest.raises(SlackConfigError) as raised:
        load_settings(**env)
    return str(raised.value)


def test_http_mode_with_a_bot_token_and_signing_secret(monkeypatch):
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1-2-abc")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SECRET)
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:9/api")
    settings = load_settings()
    assert settings.mode == "http" and not settings.multi_workspace
    assert settings.api_url == "http://127.0.0.1:9/api/"
    assert settings.command == "/offer-coach"


def test_socket_mode_needs_no_signing_secret(monkeypatch):
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1-2-abc")
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1-A1-abc")
    assert load_settings().mode == "socket"


def test_an_env_file_is_read(tmp_path):
    (tmp_path / ".env").write_text(f"SLACK_BOT_TOKEN=xoxb-from-file\nSLACK_SIGNING_SECRET={SECRET}\n")
    token = load_settings().bot_token
    assert token is not None and token.get_secret_value() == "xoxb-from-file"


@pytest.mark.parametrize(("env", "named"), [
    ({}, "SLACK_BOT_TOKEN"),
    ({"bot_token": "xoxp-user-token", "signing_secret": SECRET}, "SLACK_BOT_TOKEN"),
    ({"bot_token": "xoxb-1"}, "SLACK_SIGNING_SECRET"),
    ({"bot_token": "xoxb-1", "signing_secret": "not a secret!"}, "SLACK_SIGNING_SECRET"),
    ({"bot_token": "xoxb-1", "app_token": "xoxb-wrong"}, "SLACK_APP_TOKEN"),
    ({"bot_token": "xoxb-1", "signing_secret": SECRET, "api_url": "slack.com"}, "SLACK_API_URL"),
    ({"bot_token": "xoxb-1", "signing_secret": SECRET, "command": "offer coach"}, "SLACK_COMMAND"),
    ({"client_id": "123.456", "client_secret": "s3cret", "signing_secret": SECRET}, "SLACK_STATE_SECRET"),
])
def test_each_problem_names_its_variable(env, named):
    assert named in _problem(**env)


def test_run_exits_non_zero_naming_the_variable_before_connecting(monkeypatch, tmp_path):
    def must_not_build(*_args, **_kwargs):
        raise AssertionError("the service was built despite a bad configuration")

    monkeypatch.setattr("bot.service.CoachService.from_settings", must_not_build)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "not-a-token")
    err = io.StringIO()
    assert runner.run(CoreSettings(db=tmp_path / "x.db"), 3000, err=err) == 2
    assert "SLACK_BOT_TOKEN" in err.getvalue() and "not-a-token" not in err.getvalue()
