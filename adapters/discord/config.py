"""The Discord adapter's settings, read from the environment (and `.env`).

Problems are reported by variable name before anything connects, so a bad deployment fails fast
with a message a person can act on.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from adapters.event_loop import EventLoopName

ENV_PREFIX = "DISCORD_"
TOKEN_HELP = ("Set DISCORD_TOKEN to the bot token from the Developer Portal (Bot → Reset Token); "
              "see docs/discord.md.")


class DiscordConfigError(Exception):
    """The environment is missing a variable or has one that cannot be used; the message says which."""


class DiscordSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_file=".env", extra="ignore")

    token: SecretStr | None = None
    # Sync commands to one server only: they appear there at once, global sync can take up to an hour.
    guild_id: int | None = Field(default=None, gt=0)
    # Only for `invite-url`; a bot token already carries it, so it is rarely needed.
    application_id: int | None = Field(default=None, gt=0)
    sync_commands: bool = True
    # Shards: "auto" lets Discord pick the count; a number fixes it; unset runs one plain connection.
    shards: str | None = None
    shard_ids: list[int] | None = None
    # DISCORD_SHARD_COUNT: the same as a number in DISCORD_SHARDS, the name used when several
    # processes split the shards over one database (docs/scaling.md).
    shard_count_setting: int | None = Field(
        default=None, ge=1, validation_alias="DISCORD_SHARD_COUNT")
    # Team channels: post scheduled tips (every process may; a claim in the store picks one poster).
    team_posts: bool = True
    # The event loop: Python's own, uvloop (installed with the `uvloop` extra), or uvloop when installed.
    event_loop: EventLoopName = "asyncio"

    @field_validator("token")
    @classmethod
    def _token_looks_like_one(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None:
            return None
        token = value.get_secret_value().strip()
        if not token:
            raise ValueError("is empty")
        if any(ch.isspace() for ch in token):
            raise ValueError("contains spaces; paste only the token, without 'Bot '")
        return SecretStr(token)

    @field_validator("shards")
    @classmethod
    def _shards_auto_or_count(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        value = value.strip().lower()
        if value == "auto" or (value.isdigit() and int(value) >= 1):
            return value
        raise ValueError("must be 'auto' or a whole number of shards, at least 1")

    @model_validator(mode="after")
    def _shard_ids_need_a_count(self) -> DiscordSettings:
        if self.shard_count_setting is not None:
            if self.shards not in (None, str(self.shard_count_setting)):
                raise ValueError("DISCORD_SHARD_COUNT and DISCORD_SHARDS disagree; set one of them")
            self.shards = str(self.shard_count_setting)
        if self.shard_ids is not None:
            count = self.shard_count
            if count is None:
                raise ValueError("DISCORD_SHARD_IDS needs DISCORD_SHARDS set to the total number of shards")
            if not self.shard_ids or any(not 0 <= i < count for i in self.shard_ids):
                raise ValueError(f"DISCORD_SHARD_IDS must list shard numbers from 0 to {count - 1}")
        return self

    @property
    def sharded(self) -> bool:
        return self.shards is not None

    @property
    def shard_count(self) -> int | None:
        """The fixed shard count, or None when Discord should pick it (or when not sharded)."""
        return int(self.shards) if self.shards and self.shards.isdigit() else None

    def resolved_application_id(self) -> int | None:
        """The application id: configured, or read from the token's first part (the bot's user id)."""
        if self.application_id:
            return self.application_id
        return application_id_from_token(self.token.get_secret_value()) if self.token else None


def application_id_from_token(token: str) -> int | None:
    """A bot token starts with the bot user's id in base64; for a bot that id is the application's."""
    first = token.split(".", 1)[0]
    try:
        decoded = base64.b64decode(first + "=" * (-len(first) % 4), validate=True).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return int(decoded) if decoded.isdigit() else None


def load_settings(*, require_token: bool = True, **overrides: Any) -> DiscordSettings:
    """Read the settings, turning pydantic's errors into one message that names each variable."""
    try:
        settings = DiscordSettings(**overrides)
    except ValidationError as error:
        raise DiscordConfigError(describe(error)) from None
    if require_token and settings.token is None:
        raise DiscordConfigError(f"{ENV_PREFIX}TOKEN is not set.\n{TOKEN_HELP}")
    return settings


def describe(error: ValidationError) -> str:
    lines = []
    for problem in error.errors():
        if not problem["loc"]:  # a rule across variables: its message names them
            lines.append(str(problem["msg"]).removeprefix("Value error, ") + ".")
            continue
        variable = ENV_PREFIX + str(problem["loc"][0]).upper()
        if problem["type"] == "missing":
            lines.append(f"{variable} is not set.")
        else:
            reason = str(problem["msg"]).removeprefix("Value error, ")
            lines.append(f"{variable} {reason}" if reason.startswith(("is ", "must ", "contains ")) else
                         f"{variable} is not valid: {reason}.")
    if any("DISCORD_TOKEN" in line for line in lines):
        lines.append(TOKEN_HELP)
    return "\n".join(lines)
