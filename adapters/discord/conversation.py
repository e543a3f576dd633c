"""The one-to-one practice: a DM, a mention, a slash command or a click in, the coach's replies out.

- A DM is a conversation with the coach: every message is handled.
- In a server only messages that mention the bot are meant for it (the rest are ignored).
- Interactions must be answered within three seconds: a slash command's turn runs at once and is
  sent as the response when it is quick; if it is not done within :attr:`Conversations.defer_after`
  seconds the interaction is deferred and the replies follow up. A click is acknowledged at once by
  greying out the clicked message's components.

The core is reached only through :class:`bot.port.Coach`; nothing about a conversation is kept here.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import discord

from adapters.discord import inbound
from adapters.discord.delivery import RESTARTING, SORRY, Delivery
from adapters.discord.views import disabled_copy
from adapters.observability import InFlight
from bot.messages import Incoming, Reply, ReplyKind
from bot.port import Coach

logger = logging.getLogger(__name__)

DEFER_AFTER_SECONDS = 2.0  # Discord allows 3 s to answer; leave room for the network


class Conversations:
    """Turns Discord events into the coach's turns and delivers the replies."""

    def __init__(self, coach: Coach, *, defer_after: float = DEFER_AFTER_SECONDS,
                 in_flight: InFlight | None = None) -> None:
        self.coach = coach
        self.defer_after = defer_after
        self.in_flight = in_flight or InFlight(inbound.PLATFORM)

    async def message(self, message: discord.Message, me: discord.abc.User | None) -> None:
        """A message the bot can see: any DM, or a server message (answered only when it mentions the bot)."""
        if message.author.bot or message.type not in (discord.MessageType.default, discord.MessageType.reply):
            return
        with self.in_flight:
            await self._message(message, me)

    async def _message(self, message: discord.Message, me: discord.abc.User | None) -> None:
        if message.guild is None:
            incoming = inbound.from_message(message)
            delivery = Delivery(user=message.author, origin=message.channel)
        else:
            if me is None or not inbound.mentions(message.content, me.id):
                return  # in a server only a mention is meant for the bot
            text = inbound.strip_mentions_of(message.content, me.id) or "help"
            incoming = inbound.from_message(message, text=text)
            delivery = Delivery(user=message.author, origin=message.channel, reply_to=message, in_guild=True)
        await delivery.send(await self._turn(incoming))

    async def command(self, interaction: discord.Interaction[Any], text: str) -> None:
        """Run a slash command as its chat text; answer in time, privately when in a server."""
        with self.in_flight:
            await self._command(interaction, text)

    async def _command(self, interaction: discord.Interaction[Any], text: str) -> None:
        in_guild = interaction.guild_id is not None
        incoming = inbound.from_interaction(interaction, text=text)
        turn = asyncio.ensure_future(self._turn(incoming))
        done, _ = await asyncio.wait({turn}, timeout=self.defer_after)
        delivery = Delivery.for_interaction(interaction)
        if not done:
            try:
                await interaction.response.defer(ephemeral=in_guild, thinking=True)
            except discord.HTTPException as error:
                # Too late to answer here; private replies still reach the DM below.
                logger.warning("could not defer a slash command (HTTP %s, code %s)", error.status, error.code)
        await delivery.send(await turn)

    async def choice(self, interaction: discord.Interaction[Any], choice_id: str) -> None:
        """A click by the owner (checked by the item): grey the components out, then take the turn."""
        with self.in_flight:
            await self._choice(interaction, choice_id)

    async def _choice(self, interaction: discord.Interaction[Any], choice_id: str) -> None:
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
        await Delivery.for_interaction(interaction).send(await self._turn(incoming))

    async def _turn(self, incoming: Incoming) -> list[Reply]:
        if self.in_flight.draining:  # shutting down: take no new turn, and say so
            return [Reply(kind=ReplyKind.notice, text=RESTARTING, ephemeral=True)]
        try:
            return await self.coach.handle(incoming)
        except Exception:
            logger.exception("the coach failed on a Discord event")  # never the message text
            return [Reply(kind=ReplyKind.notice, text=SORRY, ephemeral=True)]
