"""The Slack adapter's settings, read from the environment (and an optional `.env`).

Two ways to be authorised: a single workspace's bot token (SLACK_BOT_TOKEN), or OAuth installs
for many workspaces (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET). Socket Mode is
used when SLACK_APP_TOKEN is set; otherwise Slack calls us over HTTP and SLACK_SIGNING_SECRET
is required. Every problem is reported with the variable's name, before anything connects.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_API_URL = "https://slack.com/api/"
# The bot scopes deploy/slack-manifest.yaml asks for (a test keeps the two the same).
DEFAULT_SCOPES = ("app_mentions:read,channels:read,chat:write,commands,files:write,groups:read,im:history,"
                  "im:write,users:read")

_SIGNING_SECRET = re.compile(r"^[A-Za-z0-9]{16,128}$")
_COMMAND = re.compile(r"^/[a-z0-9_-]{1,31}$")


class SlackConfigError(ValueError):
    """A missing or malformed variable; the message names it and says what is expected."""


class SlackSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SLACK_", env_file=".env", extra="ignore")

    bot_token: SecretStr | None = None
    signing_secret: SecretStr | None = None
    app_token: SecretStr | None = None
    client_id: str | None = None
    client_secret: SecretStr | None = None
    state_secret: SecretStr | None = None
    scopes: str = DEFAULT_SCOPES
    api_url: str = DEFAULT_API_URL
    command: str = "/offer-coach"
    path: str = Field(default="/slack/events", pattern=r"^/[A-Za-z0-9/_-]*$")

    @field_validator("bot_token")
    @classmethod
    def _bot_token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xoxb-"):
            raise ValueError("a bot token starts with xoxb-")
        return value

    @field_validator("app_token")
    @classmethod
    def _app_token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xapp-"):
            raise ValueError("an app-level token starts with xapp-")
        return value

    @field_validator("signing_secret")
    @classmethod
    def _signing_secret_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _SIGNING_SECRET.match(value.get_secret_value()):
            raise ValueError("the signing secret is the hex string from Basic Information > App Credentials")
        return value

    @field_validator("api_url")
    @classmethod
    def _api_url_shape(cls, value: str) -> str:
        if not re.match(r"^https?://[^\s/]+(/\S*)?$", value):
            raise ValueError("must be an http(s) URL such as https://slack.com/api/")
        # The Web API client joins method names onto the base URL, so it needs the slash.
        return value if value.endswith("/") else value + "/"

    @field_validator("command")
    @classmethod
    def _command_shape(cls, value: str) -> str:
        if not _COMMAND.match(value):
            raise ValueError("a slash command is a / and up to 31 lowercase letters, digits, - or _")
        return value

    @model_validator(mode="after")
    def _enough_to_connect(self) -> SlackSettings:
        oauth_parts = {
            "SLACK_CLIENT_ID": self.client_id,
            "SLACK_CLIENT_SECRET": self.client_secret,
            "SLACK_STATE_SECRET": self.state_secret,
        }
        if any(oauth_parts.values()):
            missing = [name for name, value in oauth_parts.items() if not value]
            if missing:
                raise SlackConfigError(f"{missing[0]} is missing: OAuth installs need all of "
                                       + ", ".join(oauth_parts))
            if self.bot_token is not None:
                raise SlackConfigError("SLACK_BOT_TOKEN is set together with OAuth: use one or the other")
        elif self.bot_token is None:
            raise SlackConfigError("SLACK_BOT_TOKEN is missing (or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET "
                                   "and SLACK_STATE_SECRET for OAuth installs)")
        if self.app_token is None and self.signing_secret is None:
            raise SlackConfigError("SLACK_SIGNING_SECRET is missing: HTTP mode needs it "
                                   "(or set SLACK_APP_TOKEN for Socket Mode)")
        if self.app_token is not None and self.client_id:
            raise SlackConfigError("SLACK_APP_TOKEN is set together with OAuth: Socket Mode apps "
                                   "cannot be installed by OAuth here; unset one of them")
        return self

    @property
    def mode(self) -> Literal["socket", "http"]:
        return "socket" if self.app_token is not None else "http"

    @property
    def multi_workspace(self) -> bool:
        return self.client_id is not None


def load_settings(**overrides: object) -> SlackSettings:
    """Read the settings, turning pydantic's errors into one sentence that names the variable."""
    try:
        return SlackSettings(**overrides)  # type: ignore[arg-type]
    except ValidationError as err:
        first = err.errors()[0]
        location = [str(part) for part in first.get("loc", ()) if part != "__root__"]
        message = str(first.get("msg", "invalid")).removeprefix("Value error, ")
        ctx_error = first.get("ctx", {}).get("error")
        if isinstance(ctx_error, SlackConfigError):
            raise ctx_error from None
        if location:
            raise SlackConfigError(f"SLACK_{location[0].upper()}: {message}") from None
        raise SlackConfigError(message) from None
