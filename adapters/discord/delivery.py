"""Where one event's replies go, and sending them there.

- In a DM everything is sent to the DM.
- In a server, a reply the core marks private (``move_to_private``) goes to the user's DM and where
  the user acted they see a short pointer; when their DMs are closed they get an explanation instead.
- Every answer to a slash command or a click in a server is ephemeral: only the user who acted sees it.
- An answer to a mention replies to that message once; nothing sent can ping anyone.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import discord

from adapters.discord.posting import post
from adapters.discord.render import Outgoing, message_kwargs, render_reply
from adapters.observability import count_error
from bot.messages import Reply

logger = logging.getLogger(__name__)

SORRY = (
    "Sorry, something went wrong on my side and I could not answer that. Your session is saved, "
    "so please try again in a moment."
)
RESTARTING = "I'm restarting right now, so I didn't take that in. Please send it again in a minute."
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


def messageable(channel: object) -> discord.abc.Messageable | None:
    """The channel, when messages can be sent to it (a forum or a category cannot take one)."""
    return channel if isinstance(channel, discord.abc.Messageable) else None


@dataclass
class Delivery:
    """Where one event's replies go, and what has been sent so far."""

    user: discord.User | discord.Member
    origin: discord.abc.Messageable | None  # the channel of a message event
    interaction: discord.Interaction[Any] | None = None
    reply_to: discord.Message | None = None
    in_guild: bool = False
    moved: bool = False
    dm_channel_id: int | None = None
    dm_failed: bool = False
    sent_private_fallback_notice: bool = False
    responded: bool = False

    @classmethod
    def for_interaction(cls, interaction: discord.Interaction[Any]) -> Delivery:
        return cls(user=interaction.user, origin=messageable(interaction.channel), interaction=interaction,
                   in_guild=interaction.guild_id is not None)

    async def send(self, replies: Sequence[Reply]) -> None:
        """Send the replies, then tell the user where they went."""
        for reply in replies:
            for out in render_reply(reply, self.user.id):
                await self._send_one(out)
        await self._finish()

    async def _send_one(self, out: Outgoing) -> None:
        try:
            if self.in_guild and (out.private or (out.ephemeral and self.interaction is None)):
                if await self._send_to_dm(out):
                    return
                if self.interaction is None:
                    return
                if not self.sent_private_fallback_notice:
                    self.sent_private_fallback_notice = True
                    await self._respond(Outgoing(content=DMS_CLOSED), ephemeral=True)
                await self._respond(out, ephemeral=True)
                return
            if self.interaction is not None:
                # In a server every answer to a command or click is only for the user who acted.
                await self._respond(out, ephemeral=self.in_guild or out.ephemeral)
                return
            await self._send_to_channel(out)
        except discord.HTTPException as error:
            count_error("discord", "delivery")
            logger.warning("Discord refused a message (HTTP %s, code %s)", error.status, error.code)

    async def _send_to_dm(self, out: Outgoing) -> bool:
        try:
            channel = self.user.dm_channel or await self.user.create_dm()
            await post(channel, out)
        except discord.Forbidden:
            self.dm_failed = True
            return False
        self.moved = True
        self.dm_channel_id = channel.id
        return True

    async def _send_to_channel(self, out: Outgoing) -> None:
        if self.reply_to is not None:
            await self.reply_to.reply(**message_kwargs(out), mention_author=False)
            self.reply_to = None  # reply to the user's message once; the rest follow plainly
            return
        if self.origin is not None:
            await post(self.origin, out)

    async def _respond(self, out: Outgoing, *, ephemeral: bool) -> None:
        interaction = self.interaction
        assert interaction is not None
        kwargs = message_kwargs(out)
        self.responded = True
        if not interaction.response.is_done():
            await interaction.response.send_message(**kwargs, ephemeral=ephemeral)
        else:
            await interaction.followup.send(**kwargs, ephemeral=ephemeral)

    async def _finish(self) -> None:
        """Tell the user where the answer went, and answer an interaction that got nothing else."""
        try:
            if self.interaction is not None:
                if self.moved and not self.dm_failed:
                    await self._respond(Outgoing(content=moved_pointer(self.dm_channel_id)), ephemeral=True)
                elif not self.responded and _is_command(self.interaction):
                    # Nothing to say (an event Discord delivered twice): still close the command's "thinking".
                    await self._respond(Outgoing(content=NOTHING_NEW), ephemeral=True)
            elif self.reply_to is not None and self.in_guild:
                text = MENTION_DMS_CLOSED if self.dm_failed else moved_pointer(None) if self.moved else None
                if text:
                    await self.reply_to.reply(text, mention_author=False,
                                              allowed_mentions=discord.AllowedMentions.none())
        except discord.HTTPException as error:
            count_error("discord", "delivery")
            logger.warning("Discord refused a message (HTTP %s, code %s)", error.status, error.code)


def _is_command(interaction: discord.Interaction[Any]) -> bool:
    return interaction.type is discord.InteractionType.application_command
