"""Team career channels on Discord: ``/channel …``, ``/stats …``, ``/checklist share``, team buttons
and scheduled posts.

``/channel`` is a guild-only command group whose default permission is Manage Channels, so members
without it do not even see it; the permission is checked again when a command runs, because a
server can override a command's visibility. Team posts are embeds sent silently (no notification)
with persistent buttons anyone may click: ``oc:t:<team choice id>`` is registered at start-up, like
the coach's own buttons, so a click works after a restart and on any shard.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from adapters.discord.inbound import PLATFORM, TENANT
from adapters.discord.render import Outgoing, message_kwargs, render_reply
from bot.messages import Choice, ChoiceStyle, Reply
from bot.teams.commands import TEAM_HELP
from bot.teams.schedule import WEEKDAYS
from bot.teams.scheduler import ChannelGone
from bot.teams.service import Actor, DuePost, TeamService

if TYPE_CHECKING:
    from adapters.discord.client import CoachClientMixin

logger = logging.getLogger(__name__)

TEAM_PREFIX = "oc:t:"
_TEAM_TEMPLATE = re.compile(r"oc:t:(?P<choice>team:[a-z]+(?::[A-Za-z0-9_-]{1,40})?)")
NOT_IN_CHANNEL = ("I can't post in this channel. Give Offer Coach the **Send Messages** and **Embed Links** "
                  "permissions here, then run the command again.")
UNAVAILABLE = "Team channel features are not running in this Offer Coach."
_STYLES = {ChoiceStyle.default: discord.ButtonStyle.secondary, ChoiceStyle.primary: discord.ButtonStyle.primary,
           ChoiceStyle.danger: discord.ButtonStyle.danger}


class TeamButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=_TEAM_TEMPLATE):
    """A button on a team post. Anyone in the channel may click it: it acts for the clicker only."""

    def __init__(self, choice_id: str, *, label: str | None = None,
                 style: discord.ButtonStyle = discord.ButtonStyle.secondary) -> None:
        super().__init__(discord.ui.Button(label=(label or choice_id)[:80], style=style,
                                           custom_id=f"{TEAM_PREFIX}{choice_id}"))
        self.choice_id = choice_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> TeamButton:
        return cls(match["choice"], label=getattr(item, "label", None),
                   style=getattr(item, "style", discord.ButtonStyle.secondary))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        client: CoachClientMixin = interaction.client  # type: ignore[assignment]
        await client.handle_team_click(interaction, self.choice_id)


def team_view(choices: tuple[Choice, ...]) -> discord.ui.View | None:
    if not choices:
        return None
    view = discord.ui.View(timeout=None)
    for choice in choices[:5]:
        view.add_item(TeamButton(choice.id, label=choice.label, style=_STYLES[choice.style]))
    view.stop()  # dynamic items: nothing needs to stay in memory
    return view


POST_COLOUR = discord.Colour(0x1F4E5F)


def team_outgoing(reply: Reply, *, post: bool = False) -> list[Outgoing]:
    """A team answer as Discord messages, its buttons on the last one; a channel `post` becomes one
    message whose text is an embed (with the stats card's embed after it)."""
    messages = render_reply(reply.model_copy(update={"choices": ()}), 0) or [Outgoing(content=" ")]
    if post:
        embeds = [discord.Embed(description=m.content, colour=POST_COLOUR) for m in messages if m.content]
        embeds += [embed for m in messages for embed in m.embeds]
        messages = [Outgoing(embeds=embeds[:10])]
    messages[-1].view = team_view(reply.choices)
    return messages


def actor_of(interaction: discord.Interaction[Any]) -> Actor:
    return Actor(platform=PLATFORM, tenant=str(interaction.guild_id or ""),
                 channel=str(interaction.channel_id or ""), user_id=str(interaction.user.id),
                 in_channel=interaction.guild_id is not None, user_tenant=TENANT)


class DiscordTeams:
    """The Discord side of :class:`bot.teams.service.TeamService`, used by the client."""

    def __init__(self, teams: TeamService, client: discord.Client) -> None:
        self.teams = teams
        self.client = client

    async def command(self, interaction: discord.Interaction[Any], text: str) -> None:
        async def is_manager() -> bool:
            # Resolved for this channel by Discord (server roles plus the channel's overwrites).
            return interaction.guild_id is not None and interaction.permissions.manage_channels

        result = await self.teams.command(text, actor_of(interaction), is_manager)
        mine = interaction.app_permissions  # what the bot itself may do in this channel
        if text.startswith("channel subscribe") and interaction.permissions.manage_channels \
                and not (mine.send_messages and mine.embed_links):
            result.replies.append(Reply(text=NOT_IN_CHANNEL.replace("run the command again", "the posts will arrive")))
        if result.channel_post is not None:
            channel = interaction.channel
            try:
                if not isinstance(channel, discord.abc.Messageable):
                    raise TypeError("not a text channel")
                for out in team_outgoing(result.channel_post, post=True):
                    await channel.send(**message_kwargs(out), silent=True)
            except (discord.Forbidden, discord.NotFound, TypeError):
                await self._respond(interaction, [Reply(text=NOT_IN_CHANNEL)])
                return
        await self._respond(interaction, result.replies)

    async def click(self, interaction: discord.Interaction[Any], choice_id: str) -> None:
        result = await self.teams.click(choice_id, actor_of(interaction))
        if result.updated_post is not None and interaction.message is not None:
            [out, *_] = team_outgoing(result.updated_post, post=True)
            await interaction.response.edit_message(content=out.content, embeds=out.embeds, view=out.view)
        if result.dm_replies:
            await self._to_dm(interaction.user, result.dm_replies)
        await self._respond(interaction, result.replies)

    async def deliver(self, post: DuePost) -> None:
        """Post one due tip or challenge (the scheduler's `deliver`), silently: no notification."""
        try:
            channel = self.client.get_channel(int(post.channel)) or await self.client.fetch_channel(int(post.channel))
            if not isinstance(channel, discord.abc.Messageable):
                raise ChannelGone("not a text channel")
            for out in team_outgoing(post.reply, post=True):
                await channel.send(**message_kwargs(out), silent=True)
        except (discord.NotFound, discord.Forbidden) as error:
            raise ChannelGone(f"HTTP {error.status}") from None

    async def _to_dm(self, user: discord.abc.User, replies: list[Reply]) -> None:

        try:
            channel = user.dm_channel or await user.create_dm()
            for reply in replies:
                for out in render_reply(reply, user.id):
                    await channel.send(**message_kwargs(out))
        except discord.Forbidden:
            logger.info("a member's DMs are closed; their shared checklist could not be sent")

    async def _respond(self, interaction: discord.Interaction[Any], replies: list[Reply]) -> None:
        for reply in replies:
            for out in team_outgoing(reply):
                kwargs = message_kwargs(out)
                if interaction.response.is_done():
                    await interaction.followup.send(**kwargs, ephemeral=True)
                else:
                    await interaction.response.send_message(**kwargs, ephemeral=True)


# --- the slash commands ------------------------------------------------------------------------

_WEEKDAY_CHOICES = [app_commands.Choice(name=day.title(), value=day[:3]) for day in WEEKDAYS]
_FREQUENCY_CHOICES = [app_commands.Choice(name="Every week", value="weekly"),
                      app_commands.Choice(name="Every other week", value="biweekly")]
_KIND_CHOICES = [app_commands.Choice(name="Tips and challenges", value="both"),
                 app_commands.Choice(name="Tips", value="tips"),
                 app_commands.Choice(name="Challenges", value="challenges")]
_COMMON_ZONES = ("UTC", "Europe/London", "Europe/Berlin", "Europe/Paris", "America/New_York", "America/Chicago",
                 "America/Denver", "America/Los_Angeles", "America/Sao_Paulo", "Asia/Kolkata", "Asia/Tokyo",
                 "Asia/Singapore", "Asia/Jerusalem", "Australia/Sydney", "Africa/Lagos")


async def _team(interaction: discord.Interaction[Any], text: str) -> None:
    client: CoachClientMixin = interaction.client  # type: ignore[assignment]
    await client.handle_team_command(interaction, text)


async def _zone_autocomplete(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
    from zoneinfo import available_timezones

    typed = current.strip().lower()
    pool = _COMMON_ZONES if not typed else sorted(available_timezones())
    found = [zone for zone in pool if typed in zone.lower()]
    return [app_commands.Choice(name=zone, value=zone) for zone in found[:25]]


channel_group = app_commands.Group(
    name="channel", description="Offer Coach's weekly tips and challenges in this channel",
    guild_only=True, default_permissions=discord.Permissions(manage_channels=True),
)


@channel_group.command(name="subscribe", description="Post a tip or challenge here every week")
@app_commands.describe(day="Which day", time="Local time, HH:MM (24-hour)", timezone="IANA time zone",
                       frequency="How often", kinds="What to post")
@app_commands.choices(day=_WEEKDAY_CHOICES, frequency=_FREQUENCY_CHOICES, kinds=_KIND_CHOICES)
@app_commands.autocomplete(timezone=_zone_autocomplete)
async def subscribe(interaction: discord.Interaction[Any], day: app_commands.Choice[str] | None = None,
                    time: app_commands.Range[str, 1, 8] | None = None,
                    timezone: app_commands.Range[str, 1, 64] | None = None,
                    frequency: app_commands.Choice[str] | None = None,
                    kinds: app_commands.Choice[str] | None = None) -> None:
    words = ["channel", "subscribe"]
    words += [part for part in (day.value if day else None, time, timezone,
                                frequency.value if frequency else None, kinds.value if kinds else None) if part]
    await _team(interaction, " ".join(words))


@channel_group.command(name="unsubscribe", description="Stop Offer Coach's posts in this channel")
async def unsubscribe(interaction: discord.Interaction[Any]) -> None:
    await _team(interaction, "channel unsubscribe")


@channel_group.command(name="pause", description="Pause the posts, keeping the schedule")
async def pause(interaction: discord.Interaction[Any]) -> None:
    await _team(interaction, "channel pause")


@channel_group.command(name="resume", description="Resume paused posts")
async def resume(interaction: discord.Interaction[Any]) -> None:
    await _team(interaction, "channel resume")


@channel_group.command(name="status", description="This channel's schedule and settings")
async def status(interaction: discord.Interaction[Any]) -> None:
    await _team(interaction, "channel status")


@channel_group.command(name="stats", description="Add the team's practice stats to the posts (5+ people)")
async def stats_switch(interaction: discord.Interaction[Any], on: bool) -> None:
    await _team(interaction, f"channel stats {'on' if on else 'off'}")


stats_group = app_commands.Group(name="stats", description="This channel's opt-in team stats", guild_only=True)


@stats_group.command(name="join", description="Count my practices in this channel's team stats")
async def stats_join(interaction: discord.Interaction[Any]) -> None:
    await _team(interaction, "stats join")


@stats_group.command(name="leave", description="Stop counting my practices in this channel's team stats")
async def stats_leave(interaction: discord.Interaction[Any]) -> None:
    await _team(interaction, "stats leave")


TEAM_COMMANDS = (channel_group, stats_group)
__all__ = ["TEAM_COMMANDS", "TEAM_HELP", "DiscordTeams", "TeamButton", "team_outgoing"]
