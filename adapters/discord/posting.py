"""Sending one coach message to a DM: discord.py's own request, without what the coach never reads.

``Messageable.send`` builds the message's components from a :class:`discord.ui.View` (three dynamic
items for the practice's buttons cost more than rendering the whole reply) and turns Discord's answer
into a full :class:`discord.Message` (author, embeds, components parsed back), which the coach never
looks at. A DM is where nearly every turn is answered, so there the message goes through the same two
discord.py calls ``send`` makes, :func:`discord.http.handle_message_parameters` and
``HTTPClient.send_message``, with the components' payload made from a kept template
(:class:`~adapters.discord.views.ChoiceComponents`). The request is the same as ``send``'s, nonce
included, and so are rate-limit retries and errors (``discord.Forbidden`` when DMs are closed);
tests/adapters/discord/test_discord_posting.py checks both against the fake Discord.

Anything else (a server channel, a team post's own view) goes through ``send`` as before.
"""

from __future__ import annotations

import secrets
from typing import Any, cast

import discord
from discord.http import handle_message_parameters
from discord.utils import MISSING

from adapters.discord.render import NO_PINGS, Outgoing, message_kwargs


class _MadeRows:
    """What discord.py's message parameters ask of a view: its rows, here already made."""

    __slots__ = ("rows",)

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows

    def to_components(self) -> list[dict[str, Any]]:
        return self.rows

    def has_components_v2(self) -> bool:
        return False


async def post(channel: discord.abc.Messageable, out: Outgoing) -> None:
    """Send one message to a channel; to a DM without building a view or parsing the answer."""
    if not isinstance(channel, discord.DMChannel) or out.explicit_view is not None:
        await channel.send(**message_kwargs(out))
        return
    state = channel._state
    file = out.file()
    rows = _MadeRows(out.components.rows()) if out.components is not None else None
    with handle_message_parameters(
        content=out.content or None,
        file=file if file is not None else MISSING,
        embeds=out.embeds if out.embeds else MISSING,
        nonce=secrets.randbits(64),  # as send() does: Discord drops a retried duplicate
        allowed_mentions=NO_PINGS,
        previous_allowed_mentions=state.allowed_mentions,
        view=cast(Any, rows),
    ) as params:
        await state.http.send_message(channel.id, params=params)
