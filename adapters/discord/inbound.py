"""Turn Discord events into neutral :class:`~bot.messages.Incoming` events.

Identity is the user's Discord id, which is global, under the tenant ``""`` (see :data:`TENANT`).
The event id is the message or interaction id, so a re-delivered event is recognised by the store
and answered once.
"""

from __future__ import annotations

import re
from typing import Any

import discord

from bot.messages import ConversationKind, Incoming

PLATFORM = "discord"

# How a slash command becomes the chat command the core already understands.
COMMAND_TEXT = {
    "practice": "practice",
    "scenarios": "scenarios",
    "checklist": "checklist",
    "value": "value",
    "status": "status",
    "hint": "hint",
    "end": "end",
    "export": "export",
    "forget": "forget",
    "help": "help",
}


# Sessions follow the person, not the server: a slash command typed in a server continues the
# practice in the DM, and a DM has no server, so keying by server would split one practice in two.
TENANT = ""


def conversation_kind(*, in_guild: bool) -> ConversationKind:
    """A DM, or somewhere in a server. Threads count as the server: on Discord the bot reads server
    messages only when mentioned, so a practice there would need a mention on every line; it always
    continues in the DM instead."""
    return ConversationKind.channel if in_guild else ConversationKind.direct


def mentions(text: str, bot_id: int) -> bool:
    """Whether the text mentions the bot by name (a reply's automatic ping does not count)."""
    return re.search(rf"<@!?{bot_id}>", text) is not None


def strip_mentions_of(text: str, bot_id: int) -> str:
    """The text of a message that mentions the bot, without the mention itself."""
    return re.sub(rf"<@!?{bot_id}>", " ", text).strip()


def from_message(message: discord.Message, *, text: str | None = None) -> Incoming:
    """A message the bot should answer: any DM, or a server message that mentions it."""
    channel = message.channel
    kind = conversation_kind(in_guild=message.guild is not None)
    return Incoming(
        platform=PLATFORM,
        tenant=TENANT,
        user_id=str(message.author.id),
        user_name=message.author.display_name,
        conversation_id=str(channel.id),
        conversation_kind=kind,
        text=message.content if text is None else text,
        event_id=f"message:{message.id}",
        at=message.created_at,
    )


def command_text(name: str, argument: str | None = None) -> str:
    base = COMMAND_TEXT[name]
    argument = (argument or "").strip()
    return f"{base} {argument}" if argument else base


def from_interaction(interaction: discord.Interaction[Any], *, text: str | None = None,
                     choice: str | None = None) -> Incoming:
    """A slash command (as its chat text) or a button/select pick (as the choice id)."""
    kind = conversation_kind(in_guild=interaction.guild_id is not None)
    return Incoming(
        platform=PLATFORM,
        tenant=TENANT,
        user_id=str(interaction.user.id),
        user_name=interaction.user.display_name,
        conversation_id=str(interaction.channel_id or interaction.user.id),
        conversation_kind=kind,
        text=text,
        choice=choice,
        event_id=f"interaction:{interaction.id}",
        at=interaction.created_at,
    )
