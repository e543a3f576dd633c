"""Logging for every command: level and format from the environment, secrets never written.

- ``OFFER_COACH_LOG_LEVEL``: DEBUG, INFO, WARNING (default for ``chat`` and the data commands) or
  ERROR; ``run`` defaults to INFO, so an operator sees one line each for start-up, connection and
  shutdown. ``-v`` is DEBUG.
- ``OFFER_COACH_LOG_FORMAT``: ``text`` (default) or ``json``, one object per line.
- ``OFFER_COACH_LOG_MESSAGES=1``: the one explicit opt-in to the Slack, Discord and HTTP libraries'
  own DEBUG lines, which can quote what users wrote. Without it those libraries log at INFO at
  most, whatever the level; Offer Coach's own lines never hold message text.

Every line goes through :class:`RedactingFormatter`: the tokens and secrets found in the environment
(and anything shaped like a Slack token) are replaced by ``[redacted]``, tracebacks included.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TextIO

LEVEL_VARIABLE = "OFFER_COACH_LOG_LEVEL"
FORMAT_VARIABLE = "OFFER_COACH_LOG_FORMAT"
MESSAGES_VARIABLE = "OFFER_COACH_LOG_MESSAGES"
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
FORMATS = ("text", "json")
# Libraries whose DEBUG lines can carry request bodies, that is what users wrote.
CHATTY_LIBRARIES = ("slack_bolt", "slack_sdk", "discord", "aiohttp", "websockets", "urllib3")
SECRET_VARIABLES = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_CLIENT_SECRET",
                    "SLACK_STATE_SECRET", "DISCORD_TOKEN")
_SLACK_TOKEN = re.compile(r"\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
REDACTED = "[redacted]"


class LoggingConfigError(ValueError):
    """A logging variable with a value we do not know; the message names it."""


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message (and the traceback, if any)."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class RedactingFormatter(logging.Formatter):
    """Formats with `inner`, then blanks every secret in the finished line."""

    def __init__(self, inner: logging.Formatter, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.inner = inner
        self.secrets = sorted({s for s in secrets if len(s) >= 8}, key=len, reverse=True)

    def add(self, secret: str) -> None:
        if len(secret) >= 8 and secret not in self.secrets:
            self.secrets = sorted([*self.secrets, secret], key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        return self.redact(self.inner.format(record))

    def redact(self, line: str) -> str:
        for secret in self.secrets:
            line = line.replace(secret, REDACTED)
        return _SLACK_TOKEN.sub(REDACTED, line)


class LibraryDebugFilter(logging.Filter):
    """Drops the chatty libraries' DEBUG lines at the handler.

    Setting their loggers' levels is not enough: Bolt copies the root level onto each logger it
    creates (``slack_bolt.AsyncApp``), after our set-up, so only the handler sees every record.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.INFO or not record.name.startswith(CHATTY_LIBRARIES)


def secrets_in_environment() -> list[str]:
    return [value.strip() for name in SECRET_VARIABLES if (value := os.environ.get(name, "")).strip()]


def _handler_of_ours() -> logging.Handler | None:
    return next((h for h in logging.getLogger().handlers if getattr(h, "offer_coach", False)), None)


def configure(*, default_level: str = "WARNING", verbose: bool = False, stream: TextIO | None = None) -> None:
    """Set up the root logger from the environment; calling it again replaces what it set up before."""
    level = "DEBUG" if verbose else (os.environ.get(LEVEL_VARIABLE) or default_level).strip().upper()
    if level not in LEVELS:
        raise LoggingConfigError(f"{LEVEL_VARIABLE} must be one of {', '.join(LEVELS)} (got {level!r})")
    form = (os.environ.get(FORMAT_VARIABLE) or "text").strip().lower()
    if form not in FORMATS:
        raise LoggingConfigError(f"{FORMAT_VARIABLE} must be text or json (got {form!r})")
    messages = os.environ.get(MESSAGES_VARIABLE, "").strip().lower() in ("1", "true", "yes")

    root = logging.getLogger()
    previous = _handler_of_ours()
    if previous is not None:
        root.removeHandler(previous)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.offer_coach = True  # type: ignore[attr-defined]
    inner = JsonFormatter() if form == "json" else logging.Formatter(TEXT_FORMAT)
    handler.setFormatter(RedactingFormatter(inner, secrets_in_environment()))
    if not messages:
        handler.addFilter(LibraryDebugFilter())
    root.addHandler(handler)
    root.setLevel(level)
    library_floor = logging.DEBUG if messages else logging.INFO if level == "DEBUG" else logging.WARNING
    for name in CHATTY_LIBRARIES:
        logging.getLogger(name).setLevel(max(library_floor, logging.getLevelName(level)))


def redact_also(secret: str) -> None:
    """Blank one more secret (a token read from a file or a setting rather than the environment)."""
    handler = _handler_of_ours()
    if handler is not None and isinstance(handler.formatter, RedactingFormatter):
        handler.formatter.add(secret)
