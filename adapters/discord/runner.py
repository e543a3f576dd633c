"""What ``offer-coach run discord`` and ``offer-coach discord invite-url`` call.

Settings are checked before anything connects: a missing or malformed variable is named in the
message and the exit status is non-zero. Exit statuses: 0 stopped cleanly (also after SIGTERM or
SIGINT, once the turns in flight are answered), 1 could not start for a reason a retry may fix
(Discord unreachable, the health port taken), 2 configuration to fix (a variable, a token Discord
rejects, a database path or playbook folder that cannot be used, as with Slack), which a service
manager should not retry.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from typing import Any, TextIO

import aiohttp
import discord

from adapters import event_loop
from adapters.discord.client import make_client
from adapters.discord.commands import Catalogue
from adapters.discord.config import DiscordConfigError, DiscordSettings, load_settings
from adapters.discord.inbound import PLATFORM
from adapters.discord.render import render_reply
from adapters.lifecycle import settle_heap, stop_on_signals, warm_up
from adapters.logs import redact_also
from adapters.observability import DRAIN_SECONDS, Health, InFlight, ObservedCoach, start_health_server, store_probe
from adapters.version import version
from bot.config import CoreSettings
from bot.messages import Reply
from bot.teams.service import TeamService

logger = logging.getLogger(__name__)

SCOPES = ("bot", "applications.commands")
CONFIG_ERROR = 2
START_ERROR = 1  # Discord unreachable, or the health port taken: worth a retry


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
    redact_also(token)  # a token from `.env` is not in the environment the log set-up read
    redactor = TokenRedactor(token)
    root = logging.getLogger()
    for handler in root.handlers or []:
        handler.addFilter(redactor)
    logging.getLogger("discord").addFilter(redactor)
    return redactor


def run(core: CoreSettings, *, health_port: int | None = None) -> int:
    """Start the bot and block until it stops; the exit status for the CLI."""
    try:
        settings = load_settings()
    except DiscordConfigError as error:
        print(error, file=sys.stderr)
        return CONFIG_ERROR
    try:
        return event_loop.run(serve(core, settings, health_port=health_port))
    except event_loop.EventLoopUnavailable as error:
        print(f"{event_loop.VARIABLE}={event_loop.chosen()}: {error}", file=sys.stderr)
        return CONFIG_ERROR


def _render_for_warm_up(reply: Reply) -> None:
    for out in render_reply(reply, 0):
        if out.components is not None:
            out.components.rows()  # the template of the practice's buttons, made before the first user


async def serve(core: CoreSettings, settings: DiscordSettings, *, health_port: int | None = None,
                stop: asyncio.Event | None = None, drain_seconds: float = DRAIN_SECONDS) -> int:
    """Connect, serve until `stop` is set (or SIGTERM/SIGINT), finish the turns in flight, close the store."""
    from bot.service import CoachService

    token = settings.token.get_secret_value() if settings.token else ""
    install_token_redaction(token)
    try:
        service = CoachService.from_settings(core)
        warm_up(service, _render_for_warm_up)  # before connecting: no first user waits for it
        settle_heap()  # what the process keeps for its life is built: out of the collector's way
    except Exception as error:  # a broken playbook folder or an unreadable database
        print(f"Offer Coach could not start: {error}", file=sys.stderr)
        return CONFIG_ERROR
    stop = stop or asyncio.Event()
    undo_signals = stop_on_signals(stop)
    health = Health(PLATFORM, store_answers=store_probe(service))
    health_server = None
    try:
        if health_port is not None:
            health_server, _ = await start_health_server(health, health_port)
        return await _connect_and_serve(service, settings, token, health, stop, drain_seconds)
    except OSError as error:  # the health port is taken
        print(f"Offer Coach could not listen on the health port {health_port}: {error.strerror}", file=sys.stderr)
        return START_ERROR
    finally:
        undo_signals()
        if health_server is not None:
            await health_server.cleanup()
        service.close()
        logger.info("Discord adapter stopped")


async def _connect_and_serve(service: Any, settings: DiscordSettings, token: str, health: Health,
                             stop: asyncio.Event, drain_seconds: float) -> int:
    playbooks = getattr(service.engine, "playbooks", None)
    coach = ObservedCoach(service, PLATFORM)
    teams = TeamService(service.store, playbooks, coach) if playbooks is not None else None
    in_flight = InFlight(PLATFORM)
    client = make_client(coach, settings, Catalogue.from_playbooks(playbooks), teams=teams, health=health,
                         in_flight=in_flight)
    logger.info("Discord adapter starting (offer-coach %s)", version())
    try:
        async with client:
            running = asyncio.create_task(client.start(token), name="offer-coach-discord")
            stopping = asyncio.create_task(stop.wait(), name="offer-coach-stop")
            try:
                await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
                if stop.is_set():
                    await in_flight.drain(drain_seconds)
                    await client.close()
                await running
            finally:
                stopping.cancel()
    except discord.LoginFailure:
        print("Discord rejected DISCORD_TOKEN. Copy a fresh token from the Developer Portal "
              "(Bot → Reset Token).", file=sys.stderr)
        return CONFIG_ERROR
    except discord.PrivilegedIntentsRequired:
        print("Discord refused the connection's intents; Offer Coach needs no privileged intent, so check "
              "that this token belongs to the Offer Coach application.", file=sys.stderr)
        return CONFIG_ERROR
    except (aiohttp.ClientError, OSError, discord.GatewayNotFound) as error:
        print(f"Cannot reach Discord ({_reason(error)}); check the network and DNS, then start again.",
              file=sys.stderr)
        return START_ERROR
    except (KeyboardInterrupt, asyncio.CancelledError):
        return 0
    return 0


def _reason(error: BaseException) -> str:
    if isinstance(error, aiohttp.ClientConnectorError):
        return f"{type(error).__name__} connecting to {error.host}"
    return type(error).__name__
