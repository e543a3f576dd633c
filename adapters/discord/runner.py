"""What ``offer-coach run discord`` and ``offer-coach discord invite-url`` call.

Settings are checked before anything connects: a missing or malformed variable is named in the
message and the exit status is non-zero. Exit statuses: 0 stopped cleanly, 1 could not start
(playbooks, database), 2 configuration to fix (a variable, or a token Discord rejects), which a
service manager should not retry.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from typing import TextIO

import discord

from adapters.discord.client import make_client
from adapters.discord.commands import Catalogue
from adapters.discord.config import DiscordConfigError, DiscordSettings, load_settings
from bot.config import CoreSettings
from bot.teams.service import TeamService

logger = logging.getLogger(__name__)

SCOPES = ("bot", "applications.commands")
CONFIG_ERROR = 2


def permissions() -> discord.Permissions:
    """Exactly what the bot uses in a server; DMs and interaction responses need no permission."""
    return discord.Permissions(
        view_channel=True,  # to receive messages that mention it
        send_messages=True,  # to answer a mention in a channel
        send_messages_in_threads=True,  # ... or in a thread
        read_message_history=True,  # a reply to a message quotes it, which needs the history
        embed_links=True,  # cards and scorecards are embeds
    )


def invite_url(out: TextIO) -> int:
    """Print the URL that adds the bot to a server with only the permissions and scopes it needs."""
    try:
        settings = load_settings(require_token=False)
    except DiscordConfigError as error:
        print(error, file=sys.stderr)
        return CONFIG_ERROR
    application_id = settings.resolved_application_id()
    if application_id is None:
        print("DISCORD_APPLICATION_ID is not set and DISCORD_TOKEN does not contain it: set "
              "DISCORD_APPLICATION_ID to the Application ID from the Developer Portal (General Information).",
              file=sys.stderr)
        return CONFIG_ERROR
    url = discord.utils.oauth_url(application_id, permissions=permissions(), scopes=SCOPES)
    print(url, file=out)
    return 0


class TokenRedactor(logging.Filter):
    """Replaces the token wherever it would reach a log line, whatever the level or logger."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self._token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if self._token and self._token in record.getMessage():
            record.msg = record.getMessage().replace(self._token, "[token]")
            record.args = ()
        return True


def install_token_redaction(token: str) -> TokenRedactor:
    redactor = TokenRedactor(token)
    root = logging.getLogger()
    for handler in root.handlers or []:
        handler.addFilter(redactor)
    logging.getLogger("discord").addFilter(redactor)
    return redactor


def run(core: CoreSettings) -> int:
    """Start the bot and block until it stops; the exit status for the CLI."""
    try:
        settings = load_settings()
    except DiscordConfigError as error:
        print(error, file=sys.stderr)
        return CONFIG_ERROR
    return asyncio.run(serve(core, settings))


def show_lifecycle_logs() -> None:
    """Connections, resumes and command sync at INFO, which names no user and quotes no message."""
    for name in ("discord", "adapters.discord"):
        log = logging.getLogger(name)
        if log.getEffectiveLevel() > logging.INFO:
            log.setLevel(logging.INFO)


async def serve(core: CoreSettings, settings: DiscordSettings) -> int:
    from bot.service import CoachService

    token = settings.token.get_secret_value() if settings.token else ""
    install_token_redaction(token)
    show_lifecycle_logs()
    try:
        service = CoachService.from_settings(core)
    except Exception as error:  # a broken playbook folder or an unreadable database
        print(f"Offer Coach could not start: {error}", file=sys.stderr)
        return 1
    playbooks = getattr(service.engine, "playbooks", None)
    catalogue = Catalogue.from_playbooks(playbooks)
    teams = TeamService(service.store, playbooks, service) if playbooks is not None else None
    client = make_client(service, settings, catalogue, teams=teams)
    try:
        async with client:
            await client.start(token)
    except discord.LoginFailure:
        print("Discord rejected DISCORD_TOKEN. Copy a fresh token from the Developer Portal "
              "(Bot → Reset Token).", file=sys.stderr)
        return CONFIG_ERROR
    except discord.PrivilegedIntentsRequired:
        print("Discord refused the connection's intents; Offer Coach needs no privileged intent, so check "
              "that this token belongs to the Offer Coach application.", file=sys.stderr)
        return CONFIG_ERROR
    except (KeyboardInterrupt, asyncio.CancelledError):
        return 0
    finally:
        service.close()
    return 0
