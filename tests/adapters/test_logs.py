"""Log set-up: level and format from the environment, secrets never written, library chatter opt-in."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from adapters import logs

TOKEN = "xoxb-1111-2222-abcdefghijkl"
SIGNING = "8f742231b10e8888abcd99yyyzzz85a5"


@pytest.fixture(autouse=True)
def restore_logging(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in (logs.LEVEL_VARIABLE, logs.FORMAT_VARIABLE, logs.MESSAGES_VARIABLE, *logs.SECRET_VARIABLES):
        monkeypatch.delenv(name, raising=False)
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    libraries = {name: logging.getLogger(name).level for name in (*logs.CHATTY_LIBRARIES, "slack_bolt.AsyncApp")}
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, library_level in libraries.items():
        logging.getLogger(name).setLevel(library_level)


def test_json_lines_carry_level_logger_and_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(logs.FORMAT_VARIABLE, "json")
    out = io.StringIO()
    logs.configure(default_level="INFO", stream=out)
    logging.getLogger("adapters.test").info("connected to %s", "Slack")
    logging.getLogger("adapters.test").debug("not at INFO")
    [line] = out.getvalue().splitlines()
    entry = json.loads(line)
    assert entry["level"] == "INFO" and entry["logger"] == "adapters.test" and entry["message"] == "connected to Slack"


def test_secrets_from_the_environment_and_token_shapes_never_reach_a_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SIGNING)
    monkeypatch.setenv(logs.LEVEL_VARIABLE, "debug")
    out = io.StringIO()
    logs.configure(stream=out)
    logs.redact_also("a-discord-token-from-dotenv")
    log = logging.getLogger("adapters.test")
    log.debug("signing with %s", SIGNING)
    log.info("calling with Bearer %s", TOKEN)
    log.warning("discord said a-discord-token-from-dotenv")
    try:
        raise RuntimeError(f"refused {TOKEN}")
    except RuntimeError:
        log.exception("it failed")
    written = out.getvalue()
    assert written.count(logs.REDACTED) == 4  # three messages and the exception line of the traceback
    assert SIGNING not in written and TOKEN not in written and "a-discord-token-from-dotenv" not in written


def test_library_debug_lines_need_the_explicit_opt_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(logs.LEVEL_VARIABLE, "DEBUG")
    out = io.StringIO()
    logs.configure(stream=out)
    # Bolt gives each logger it makes the root's level, after our set-up: the handler must still drop it.
    bolt = logging.getLogger("slack_bolt.AsyncApp")
    bolt.setLevel(logging.DEBUG)
    bolt.debug("received body: my salary is 918273")  # could quote a message
    logging.getLogger("adapters.slack").debug("ours at debug")  # ours never quotes one
    assert "918273" not in out.getvalue() and "ours at debug" in out.getvalue()
    monkeypatch.setenv(logs.MESSAGES_VARIABLE, "1")
    opted_in = io.StringIO()
    logs.configure(stream=opted_in)
    bolt.debug("received body: my salary is 918273")
    assert "918273" in opted_in.getvalue()


def test_an_unknown_level_or_format_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(logs.LEVEL_VARIABLE, "LOUD")
    with pytest.raises(logs.LoggingConfigError, match=logs.LEVEL_VARIABLE):
        logs.configure()
    monkeypatch.setenv(logs.LEVEL_VARIABLE, "INFO")
    monkeypatch.setenv(logs.FORMAT_VARIABLE, "xml")
    with pytest.raises(logs.LoggingConfigError, match=logs.FORMAT_VARIABLE):
        logs.configure()
