"""The Discord client: one :class:`discord.Client` subclass that wires events to their handlers.

- Messages go to :class:`~adapters.discord.conversation.Conversations` (DMs, and mentions in a server).
- Slash commands are the command groups of :mod:`.commands` and :mod:`.team_commands`, built with
  the handler each one hands its text to.
- Clicks arrive through the persistent items of :mod:`.views` and :mod:`.teams`, registered once at
  start-up; they reach this client through ``interaction.client`` (:meth:`CoachClient.handle_choice`,
  :meth:`CoachClient.handle_team_click`).
- Team channel posts are sent by the scheduler, started here when the settings allow it.
- Health: the connection's state goes to :class:`adapters.observability.Health` (ready, disconnect,
  resumed); the work under way is counted in :class:`adapters.observability.InFlight`, so a shutdown
  can wait for it, and while it drains new commands get a short "restarting" answer.

Dependencies point one way (views ← render ← delivery ← teams, conversation; inbound ← commands ←
team_commands; all of them ← client ← runner): no module below imports this one. The core is
reached only through :class:`bot.port.Coach`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import discord

from adapters.discord.commands import Catalogue, CoachTree, coach_commands
from adapters.discord.config import DiscordSettings
from adapters.discord.conversation import DEFER_AFTER_SECONDS, Conversations
from adapters.discord.inbound import PLATFORM
from adapters.discord.team_commands import team_commands
from adapters.discord.teams import DiscordTeams, TeamButton
from adapters.discord.views import DYNAMIC_ITEMS
from adapters.observability import Health, InFlight, count_rate_limit_retry, counted_team_posts
from bot.port import Coach
from bot.teams.scheduler import DEFAULT_INTERVAL_SECONDS, Scheduler
from bot.teams.service import TeamService

logger = logging.getLogger(__name__)


class RateLimitRetries(logging.Filter):
    """Counts discord.py's retries after a 429: the library reports them only as a log line."""

    def filter(self, record: logging.LogRecord) -> bool:
        if str(record.msg).startswith("We are being rate limited") and "Retrying in" in str(record.msg):
            count_rate_limit_retry(PLATFORM)
        return True


_rate_limit_retries = RateLimitRetries()
logging.getLogger("discord.http").addFilter(_rate_limit_retries)


def intents() -> discord.Intents:
    """Only what the bot uses. No privileged intent: Discord sends message content for DMs and for
    messages that mention the bot without the Message Content intent."""
    chosen = discord.Intents.none()
    chosen.guilds = True  # channel and thread types, to tell a thread from a channel
    chosen.dm_messages = True  # the DM role-play
    chosen.guild_messages = True  # messages that mention the bot in a server
    return chosen


class CoachClient(discord.Client):
    """Offer Coach on one gateway connection; :class:`ShardedCoachClient` is the same on several."""

    def __init__(self, coach: Coach, settings: DiscordSettings, catalogue: Catalogue | None = None, *,
                 defer_after: float = DEFER_AFTER_SECONDS, identify_spacing: float = 5.0,
                 teams: TeamService | None = None, health: Health | None = None,
                 in_flight: InFlight | None = None, **options: Any) -> None:
        super().__init__(intents=intents(), allowed_mentions=discord.AllowedMentions.none(),
                         max_messages=None, chunk_guilds_at_startup=False, **options)
        self.coach = coach
        self.settings = settings
        self.catalogue = catalogue or Catalogue()
        self.identify_spacing = identify_spacing
        self.health = health or Health(PLATFORM)
        self.in_flight = in_flight or InFlight(PLATFORM)
        self._announced = False
        self.conversations = Conversations(coach, defer_after=defer_after, in_flight=self.in_flight)
        self.teams = DiscordTeams(teams, self)
        self.team_scheduler = (Scheduler(teams, PLATFORM, counted_team_posts(self.teams.deliver, PLATFORM),
                                         interval=DEFAULT_INTERVAL_SECONDS)
                               if teams is not None else None)
        self._team_stop = asyncio.Event()
        self._team_task: asyncio.Task[None] | None = None
        self.tree = CoachTree(self)
        for command in (*coach_commands(self.conversations, self.teams, self.catalogue), *team_commands(self.teams)):
            self.tree.add_command(command)

    # --- start-up and shut-down ----------------------------------------------------------------

    async def setup_hook(self) -> None:
        # Registered once, before any event: clicks on buttons sent before a restart still work.
        self.add_dynamic_items(*DYNAMIC_ITEMS, TeamButton)
        if self.settings.sync_commands:
            await self._sync_commands()
        if self.team_scheduler is not None and self.settings.team_posts:
            self._team_task = asyncio.create_task(self._run_team_posts(), name="offer-coach-team-posts")

    async def _run_team_posts(self) -> None:
        assert self.team_scheduler is not None
        await self.wait_until_ready()
        await self.team_scheduler.run(self._team_stop)

    async def on_ready(self) -> None:
        self.health.set_connected(True)
        if not self._announced:  # READY comes again after a full reconnect; say it once
            self._announced = True
            logger.info("connected to Discord as %s in %d server(s); ready", self.user, len(self.guilds))

    async def on_resumed(self) -> None:
        self.health.set_connected(True)

    async def on_disconnect(self) -> None:
        self.health.set_connected(False)

    async def close(self) -> None:
        self.health.set_connected(False)
        self._team_stop.set()
        if self._team_task is not None:
            self._team_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._team_task
        await super().close()

    async def _sync_commands(self) -> None:
        guild = discord.Object(self.settings.guild_id) if self.settings.guild_id else None
        try:
            if guild is not None:
                self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
        except discord.HTTPException as error:
            logger.warning("could not sync slash commands (HTTP %s); invite the bot with the "
                           "applications.commands scope: `offer-coach discord invite-url`", error.status)
            return
        logger.info("synced %d slash commands %s", len(synced),
                    f"to server {guild.id}" if guild else "globally (may take up to an hour to appear)")

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        # Discord allows one IDENTIFY per 5 s per bucket; the spacing is configurable for local tests.
        if not initial:
            await asyncio.sleep(self.identify_spacing)

    # --- events --------------------------------------------------------------------------------

    async def on_message(self, message: discord.Message) -> None:
        await self.conversations.message(message, self.user)

    async def handle_choice(self, interaction: discord.Interaction[Any], choice_id: str) -> None:
        """A click on a coach button or menu (:class:`adapters.discord.views.ChoiceHandler`)."""
        await self.conversations.choice(interaction, choice_id)

    async def handle_team_click(self, interaction: discord.Interaction[Any], choice_id: str) -> None:
        """A click on a team post's button (:class:`adapters.discord.teams.TeamClickHandler`)."""
        with self.in_flight:
            await self.teams.click(interaction, choice_id)


class ShardedCoachClient(CoachClient, discord.AutoShardedClient):
    """The same client with its gateway connection split into shards (DISCORD_SHARDS, DISCORD_SHARD_IDS)."""

    def __init__(self, coach: Coach, settings: DiscordSettings, catalogue: Catalogue | None = None,
                 **options: Any) -> None:
        if settings.shard_count is not None:
            options.setdefault("shard_count", settings.shard_count)
        if settings.shard_ids is not None:
            options.setdefault("shard_ids", settings.shard_ids)
        super().__init__(coach, settings, catalogue, **options)


def make_client(coach: Coach, settings: DiscordSettings, catalogue: Catalogue | None = None,
                **options: Any) -> CoachClient:
    """The client as configured: auto-sharded when DISCORD_SHARDS is set, else one connection."""
    cls = ShardedCoachClient if settings.sharded else CoachClient
    return cls(coach, settings, catalogue, **options)
