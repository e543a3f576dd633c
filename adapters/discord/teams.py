"""Team career channels on Discord: the team buttons, how team posts look, and the Discord side of
:class:`bot.teams.service.TeamService` (``/channel …``, ``/stats …``, ``/checklist share``, clicks and
scheduled posts). The slash commands themselves are declared in :mod:`adapters.discord.team_commands`.

Team posts are embeds sent silently (no notification) with persistent buttons anyone may click:
``oc:t:<team choice id>`` is registered at start-up, like the coach's own buttons, so a click works
after a restart and on any shard. A click is handed to ``interaction.client`` when it is a
:class:`TeamClickHandler`; this module never imports the client.
"""

from __future__ import annotations

import contextlib
import logging
import re
from typing import Any, Protocol, runtime_checkable

import discord

from adapters.discord.delivery import SORRY
from adapters.discord.inbound import PLATFORM, TENANT
from adapters.discord.render import Outgoing, message_kwargs, render_reply
from bot.messages import Choice, ChoiceStyle, Reply
from bot.teams.scheduler import ChannelGone
from bot.teams.service import Actor, DuePost, TeamService

logger = logging.getLogger(__name__)

TEAM_PREFIX = "oc:t:"
_TEAM_TEMPLATE = re.compile(r"oc:t:(?P<choice>team:[a-z]+(?::[A-Za-z0-9_-]{1,40})?)")
NOT_IN_CHANNEL = ("I can't post in this channel. Give Offer Coach the **Send Messages** and **Embed Links** "
                  "permissions here, then run the command again.")
UNAVAILABLE = "Team channel features are not running in this Offer Coach."
_STYLES = {ChoiceStyle.default: discord.ButtonStyle.secondary, ChoiceStyle.primary: discord.ButtonStyle.primary,
           ChoiceStyle.danger: discord.ButtonStyle.danger}


@runtime_checkable
class TeamClickHandler(Protocol):
    """What a team button's click is handed to: the client, found through ``interaction.client``."""

    async def handle_team_click(self, interaction: discord.Interaction[Any], choice_id: str) -> None: ...


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
        handler = interaction.client
        if not isinstance(handler, TeamClickHandler):
            logger.warning("a team button was clicked on a client that does not handle it")
            await interaction.response.defer()
            return
        await handler.handle_team_click(interaction, self.choice_id)


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
    """The Discord side of :class:`bot.teams.service.TeamService`, used by the client.

    Without a team service (no playbooks loaded) every team command and click is answered with
    :data:`UNAVAILABLE`; a failure is logged and the user gets a private apology, never silence.
    """

    def __init__(self, teams: TeamService | None, client: discord.Client) -> None:
        self.teams = teams
        self.client = client

    async def command(self, interaction: discord.Interaction[Any], text: str) -> None:
        """A team channel command (/channel, /stats, /checklist share); answered only to the user."""
        if self.teams is None:
            await interaction.response.send_message(UNAVAILABLE, ephemeral=True)
            return
        try:
            await self._command(self.teams, interaction, text)
        except Exception:
            logger.exception("a team command failed")
            await _sorry(interaction)

    async def click(self, interaction: discord.Interaction[Any], choice_id: str) -> None:
        """A click on a team post's button: anyone may click, and it acts only for the clicker."""
        if self.teams is None:
            await interaction.response.send_message(UNAVAILABLE, ephemeral=True)
            return
        try:
            await self._click(self.teams, interaction, choice_id)
        except Exception:
            logger.exception("a team click failed")
            await _sorry(interaction)

    async def _command(self, teams: TeamService, interaction: discord.Interaction[Any], text: str) -> None:
        async def is_manager() -> bool:
            # Resolved for this channel by Discord (server roles plus the channel's overwrites).
            return interaction.guild_id is not None and interaction.permissions.manage_channels

        result = await teams.command(text, actor_of(interaction), is_manager)
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

    async def _click(self, teams: TeamService, interaction: discord.Interaction[Any], choice_id: str) -> None:
        result = await teams.click(choice_id, actor_of(interaction))
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

    async def _to_dm(self, user: discord.User | discord.Member, replies: list[Reply]) -> None:
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


async def _sorry(interaction: discord.Interaction[Any]) -> None:
    with contextlib.suppress(discord.HTTPException):
        if interaction.response.is_done():
            await interaction.followup.send(SORRY, ephemeral=True)
        else:
            await interaction.response.send_message(SORRY, ephemeral=True)
