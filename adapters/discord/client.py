"""The Discord client: events in, the service's replies out, nothing about a conversation kept here.

- A DM is a conversation with the coach: every message is handled.
- In a server the bot answers only its slash commands and messages that mention it; private
  replies go to the user's DM, and where the command was typed the user sees a short pointer.
- Button and menu clicks arrive through the persistent items in :mod:`adapters.discord.views`.

Interactions must be answered within three seconds: a slash command's turn runs at once and is
sent as the response when it is quick; if it is not done within :attr:`defer_after` seconds the
interaction is deferred and the replies follow up. A click is acknowledged at once by greying out
the clicked message's components.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import discord
from discord import app_commands

from adapters.discord import inbound
from adapters.discord.config import DiscordSettings
from adapters.discord.inbound import PLATFORM
from adapters.discord.render import Outgoing, message_kwargs, render_reply
from adapters.discord.teams import UNAVAILABLE as TEAM_UNAVAILABLE
from adapters.discord.teams import DiscordTeams, TeamButton
from adapters.discord.views import DYNAMIC_ITEMS, disabled_copy
from bot.messages import Incoming, Reply, ReplyKind
from bot.teams.scheduler import DEFAULT_INTERVAL_SECONDS, Scheduler
from bot.teams.service import TeamService

logger = logging.getLogger(__name__)

DEFER_AFTER_SECONDS = 2.0  # Discord allows 3 s to answer; leave room for the network
SORRY = (
    "Sorry, something went wrong on my side and I could not answer that. Your session is saved, "
    "so please try again in a moment."
)
NOTHING_NEW = "Nothing new to add: I've already answered that one."
DMS_CLOSED = (
    "I couldn't send you a direct message, and your practice continues there. To let me: right-click "
    "this server's icon (long-press on mobile) → **Privacy Settings** → turn on **Direct Messages**, "
    "then run the command again. Here is my answer for now:"
)
MENTION_DMS_CLOSED = (
    "I couldn't send you a direct message, and negotiation details don't belong in a shared channel, "
    "so I haven't posted my answer here. To let me message you: right-click this server's icon "
    "(long-press on mobile) → **Privacy Settings** → turn on **Direct Messages**, then mention me again."
)


def moved_pointer(dm_channel_id: int | None) -> str:
    where = f" (https://discord.com/channels/@me/{dm_channel_id})" if dm_channel_id else ""
    return f"I've answered in our direct messages{where}, so your negotiation details stay private."


class Service(Protocol):
    async def handle(self, incoming: Incoming) -> list[Reply]: ...


@dataclass(frozen=True)
class Catalogue:
    """What the slash commands offer as autocomplete: (key, title) pairs."""

    scenarios: tuple[tuple[str, str], ...] = ()
    checklists: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_playbooks(cls, playbooks: Any) -> Catalogue:
        if playbooks is None:
            return cls()
        return cls(
            scenarios=tuple((key, s.title) for key, s in playbooks.scenarios.items()),
            checklists=tuple((key, c.title) for key, c in playbooks.checklists.items()),
        )


def intents() -> discord.Intents:
    """Only what the bot uses. No privileged intent: Discord sends message content for DMs and for
    messages that mention the bot without the Message Content intent."""
    chosen = discord.Intents.none()
    chosen.guilds = True  # channel and thread types, to tell a thread from a channel
    chosen.dm_messages = True  # the DM role-play
    chosen.guild_messages = True  # messages that mention the bot in a server
    return chosen


@dataclass
class _Delivery:
    """Where one event's replies go."""

    user: discord.abc.User
    origin: discord.abc.Messageable | None  # the channel of a message event
    interaction: discord.Interaction[Any] | None = None
    reply_to: discord.Message | None = None
    in_guild: bool = False
    moved: bool = False
    dm_channel_id: int | None = None
    dm_failed: bool = False
    sent_private_fallback_notice: bool = False
    responded: bool = False


class CoachClientMixin:
    """Behaviour shared by the plain and the auto-sharded client."""

    service: Service
    teams: DiscordTeams | None
    team_scheduler: Scheduler | None
    settings: DiscordSettings
    catalogue: Catalogue
    defer_after: float
    identify_spacing: float
    tree: app_commands.CommandTree[Any]

    def _init_coach(self, service: Service, settings: DiscordSettings, catalogue: Catalogue | None,
                    defer_after: float, identify_spacing: float, teams: TeamService | None = None,
                    team_interval: float = DEFAULT_INTERVAL_SECONDS) -> None:
        from adapters.discord.commands import build_tree

        self.teams = DiscordTeams(teams, self) if teams is not None else None  # type: ignore[arg-type]
        self.team_scheduler = (Scheduler(teams, PLATFORM, self.teams.deliver, interval=team_interval)
                               if teams is not None and self.teams is not None else None)
        self._team_stop = asyncio.Event()
        self._team_task: asyncio.Task[None] | None = None
        self.service = service
        self.settings = settings
        self.catalogue = catalogue or Catalogue()
        self.defer_after = defer_after
        self.identify_spacing = identify_spacing
        self.tree = build_tree(self)  # type: ignore[arg-type]

    # --- start-up ------------------------------------------------------------------------------

    async def setup_hook(self) -> None:
        # Registered once, before any event: clicks on buttons sent before a restart still work.
        self.add_dynamic_items(*DYNAMIC_ITEMS, TeamButton)  # type: ignore[attr-defined]
        if self.settings.sync_commands:
            await self._sync_commands()
        if self.team_scheduler is not None and self.settings.team_posts:
            self._team_task = asyncio.create_task(self._run_team_posts(), name="offer-coach-team-posts")

    async def _run_team_posts(self) -> None:
        assert self.team_scheduler is not None
        await self.wait_until_ready()  # type: ignore[attr-defined]
        await self.team_scheduler.run(self._team_stop)

    async def close(self) -> None:
        self._team_stop.set()
        if self._team_task is not None:
            self._team_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._team_task
        await super().close()  # type: ignore[misc]

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

    # --- messages ------------------------------------------------------------------------------

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.type not in (discord.MessageType.default, discord.MessageType.reply):
            return
        me = self.user  # type: ignore[attr-defined]
        if message.guild is None:
            incoming = inbound.from_message(message)
            delivery = _Delivery(user=message.author, origin=message.channel)
        else:
            if me is None or not inbound.mentions(message.content, me.id):
                return  # in a server only a mention is meant for the bot
            text = inbound.strip_mentions_of(message.content, me.id) or "help"
            incoming = inbound.from_message(message, text=text)
            delivery = _Delivery(user=message.author, origin=message.channel, reply_to=message, in_guild=True)
        replies = await self._turn(incoming)
        await self._deliver(replies, delivery)

    # --- slash commands ------------------------------------------------------------------------

    async def handle_command(self, interaction: discord.Interaction[Any], text: str) -> None:
        """Run a slash command as its chat text; answer in time, privately when in a server."""
        in_guild = interaction.guild_id is not None
        incoming = inbound.from_interaction(interaction, text=text)
        turn = asyncio.ensure_future(self._turn(incoming))
        done, _ = await asyncio.wait({turn}, timeout=self.defer_after)
        delivery = _Delivery(user=interaction.user, origin=interaction.channel, interaction=interaction,
                             in_guild=in_guild)
        if not done:
            try:
                await interaction.response.defer(ephemeral=in_guild, thinking=True)
            except discord.HTTPException as error:
                # Too late to answer here; private replies still reach the DM below.
                logger.warning("could not defer a slash command (HTTP %s, code %s)", error.status, error.code)
        await self._deliver(await turn, delivery)

    # --- team channels -------------------------------------------------------------------------

    async def handle_team_command(self, interaction: discord.Interaction[Any], text: str) -> None:
        """A team channel command (/channel, /stats, /checklist share); answered only to the user."""
        if self.teams is None:
            await interaction.response.send_message(TEAM_UNAVAILABLE, ephemeral=True)
            return
        try:
            await self.teams.command(interaction, text)
        except Exception:
            logger.exception("a team command failed")
            await self._team_sorry(interaction)

    async def handle_team_click(self, interaction: discord.Interaction[Any], choice_id: str) -> None:
        """A click on a team post's button: anyone may click, and it acts only for the clicker."""
        if self.teams is None:
            await interaction.response.send_message(TEAM_UNAVAILABLE, ephemeral=True)
            return
        try:
            await self.teams.click(interaction, choice_id)
        except Exception:
            logger.exception("a team click failed")
            await self._team_sorry(interaction)

    async def _team_sorry(self, interaction: discord.Interaction[Any]) -> None:
        with contextlib.suppress(discord.HTTPException):
            if interaction.response.is_done():
                await interaction.followup.send(SORRY, ephemeral=True)
            else:
                await interaction.response.send_message(SORRY, ephemeral=True)

    # --- clicks --------------------------------------------------------------------------------

    async def handle_choice(self, interaction: discord.Interaction[Any], choice_id: str) -> None:
        """A click by the owner (checked by the item): grey the components out, then take the turn."""
        data: dict[str, Any] = dict(interaction.data or {})
        message = interaction.message
        if message is None:
            await interaction.response.defer()
        else:
            view = discord.ui.View.from_message(message, timeout=None)
            picked_values = data.get("values") or []
            for item in view.walk_children():
                if isinstance(item, discord.ui.Select):
                    for option in item.options:
                        option.default = option.value in picked_values
            greyed = disabled_copy(view, data.get("custom_id"))
            if greyed is not None:
                greyed.stop()  # already finished, so discord.py keeps no copy of it in memory
            try:
                await interaction.response.edit_message(view=greyed)
            except discord.HTTPException as error:
                # The click could not be acknowledged (expired or deleted): Discord tells the user it
                # failed, so the turn is not taken and a second click starts clean.
                logger.warning("could not acknowledge a click (HTTP %s, code %s)", error.status, error.code)
                return
        incoming = inbound.from_interaction(interaction, choice=choice_id)
        replies = await self._turn(incoming)
        await self._deliver(replies, _Delivery(user=interaction.user, origin=interaction.channel,
                                               interaction=interaction,
                                               in_guild=interaction.guild_id is not None))

    # --- the turn and the delivery -------------------------------------------------------------

    async def _turn(self, incoming: Incoming) -> list[Reply]:
        try:
            return await self.service.handle(incoming)
        except Exception:
            logger.exception("the service failed on a Discord event")  # never the message text
            return [Reply(kind=ReplyKind.notice, text=SORRY, ephemeral=True)]

    async def _deliver(self, replies: Sequence[Reply], delivery: _Delivery) -> None:
        owner = delivery.user.id
        for reply in replies:
            for out in render_reply(reply, owner):
                await self._send_one(out, delivery)
        await self._finish(delivery)

    async def _send_one(self, out: Outgoing, delivery: _Delivery) -> None:
        try:
            if delivery.in_guild and (out.private or (out.ephemeral and delivery.interaction is None)):
                if await self._send_to_dm(out, delivery):
                    return
                # DMs closed: keep it private where that is possible, never in the shared channel.
                if delivery.interaction is None:
                    return
                if not delivery.sent_private_fallback_notice:
                    delivery.sent_private_fallback_notice = True
                    await self._respond(delivery, Outgoing(content=DMS_CLOSED), ephemeral=True)
                await self._respond(delivery, out, ephemeral=True)
                return
            if delivery.interaction is not None:
                # In a server every answer to a command or click is only for the user who acted.
                await self._respond(delivery, out, ephemeral=delivery.in_guild or out.ephemeral)
                return
            await self._send_to_channel(out, delivery)
        except discord.HTTPException as error:
            logger.warning("Discord refused a message (HTTP %s, code %s)", error.status, error.code)

    async def _send_to_dm(self, out: Outgoing, delivery: _Delivery) -> bool:
        try:
            channel = delivery.user.dm_channel or await delivery.user.create_dm()
            await channel.send(**message_kwargs(out))
        except discord.Forbidden:
            delivery.dm_failed = True
            return False
        delivery.moved = True
        delivery.dm_channel_id = channel.id
        return True

    async def _send_to_channel(self, out: Outgoing, delivery: _Delivery) -> None:
        if delivery.reply_to is not None:
            await delivery.reply_to.reply(**message_kwargs(out), mention_author=False)
            delivery.reply_to = None  # reply to the user's message once; the rest follow plainly
            return
        if delivery.origin is not None:
            await delivery.origin.send(**message_kwargs(out))

    async def _respond(self, delivery: _Delivery, out: Outgoing, *, ephemeral: bool) -> None:
        interaction = delivery.interaction
        assert interaction is not None
        kwargs = message_kwargs(out)
        delivery.responded = True
        if not interaction.response.is_done():
            await interaction.response.send_message(**kwargs, ephemeral=ephemeral)
        else:
            await interaction.followup.send(**kwargs, ephemeral=ephemeral)

    async def _finish(self, delivery: _Delivery) -> None:
        """Tell the user where the answer went, and answer an interaction that got nothing else."""
        try:
            if delivery.interaction is not None:
                if delivery.moved and not delivery.dm_failed:
                    await self._respond(delivery, Outgoing(content=moved_pointer(delivery.dm_channel_id)),
                                        ephemeral=True)
                elif not delivery.responded and _is_command(delivery.interaction):
                    # Nothing to say (an event Discord delivered twice): still close the command's "thinking".
                    await self._respond(delivery, Outgoing(content=NOTHING_NEW), ephemeral=True)
            elif delivery.reply_to is not None and delivery.in_guild:
                text = MENTION_DMS_CLOSED if delivery.dm_failed else moved_pointer(None) if delivery.moved else None
                if text:
                    await delivery.reply_to.reply(text, mention_author=False,
                                                  allowed_mentions=discord.AllowedMentions.none())
        except discord.HTTPException as error:
            logger.warning("Discord refused a message (HTTP %s, code %s)", error.status, error.code)


def _is_command(interaction: discord.Interaction[Any]) -> bool:
    return interaction.type is discord.InteractionType.application_command


class CoachClient(CoachClientMixin, discord.Client):
    def __init__(self, service: Service, settings: DiscordSettings, catalogue: Catalogue | None = None, *,
                 defer_after: float = DEFER_AFTER_SECONDS, identify_spacing: float = 5.0,
                 teams: TeamService | None = None, **options: Any) -> None:
        super().__init__(intents=intents(), allowed_mentions=discord.AllowedMentions.none(),
                         max_messages=None, chunk_guilds_at_startup=False, **options)
        self._init_coach(service, settings, catalogue, defer_after, identify_spacing, teams)


class ShardedCoachClient(CoachClientMixin, discord.AutoShardedClient):
    def __init__(self, service: Service, settings: DiscordSettings, catalogue: Catalogue | None = None, *,
                 defer_after: float = DEFER_AFTER_SECONDS, identify_spacing: float = 5.0,
                 teams: TeamService | None = None, **options: Any) -> None:
        if settings.shard_count is not None:
            options.setdefault("shard_count", settings.shard_count)
        if settings.shard_ids is not None:
            options.setdefault("shard_ids", settings.shard_ids)
        super().__init__(intents=intents(), allowed_mentions=discord.AllowedMentions.none(),
                         max_messages=None, chunk_guilds_at_startup=False, **options)
        self._init_coach(service, settings, catalogue, defer_after, identify_spacing, teams)


def make_client(service: Service, settings: DiscordSettings, catalogue: Catalogue | None = None,
                **options: Any) -> discord.Client:
    """The client as configured: auto-sharded when DISCORD_SHARDS is set, else one connection."""
    cls = ShardedCoachClient if settings.sharded else CoachClient
    return cls(service, settings, catalogue, **options)
