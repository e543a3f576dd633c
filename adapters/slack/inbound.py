"""Slack payloads to the core's :class:`~bot.messages.Incoming`, and where the answer must go.

Payloads are parsed at the edge into small typed models (only the fields we use), so a malformed
or unexpected payload is rejected here rather than half-understood deeper in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from bot.messages import ConversationKind, Incoming

PLATFORM = "slack"

_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
_CHANNEL = re.compile(r"<#([CG][A-Z0-9]+)(?:\|([^>]*))?>")
_SPECIAL = re.compile(r"<!(here|channel|everyone)(?:\|[^>]*)?>")
_LINK = re.compile(r"<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>")


def slack_to_plain(text: str) -> str:
    """Slack's wire format made readable: mentions, channel links and URLs as plain words.

    Entities are decoded last, so an escaped ``&lt;@U1&gt;`` a user typed stays literal text.
    """
    text = _MENTION.sub(lambda m: f"@{m.group(1)}", text)
    text = _CHANNEL.sub(lambda m: f"#{m.group(2) or m.group(1)}", text)
    text = _SPECIAL.sub(lambda m: f"@{m.group(1)}", text)
    text = _LINK.sub(lambda m: m.group(2) or m.group(1).removeprefix("mailto:"), text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()


def strip_leading_mention(text: str, bot_user_id: str | None) -> str:
    """"<@BOT> practice startup" -> "practice startup": the mention only says who is addressed."""
    pattern = rf"^\s*<@{re.escape(bot_user_id)}(?:\|[^>]*)?>[\s,:]*" if bot_user_id else r"^\s*<@[UW][A-Z0-9]+>[\s,:]*"
    return re.sub(pattern, "", text)


@dataclass(frozen=True)
class Origin:
    """Who acted, and where: enough for the delivery to answer in the right place.

    `channel` is where the user typed or clicked (None for App Home and modals). `dm_channel` is
    the bot's DM with the user when the event says so, else None (resolved when first needed).
    """

    team: str
    user: str
    kind: ConversationKind
    channel: str | None = None
    thread_ts: str | None = None
    response_url: str | None = None
    dm_channel: str | None = None
    trigger_id: str | None = None

    @property
    def where(self) -> str:
        """The short place tag buttons carry (see ``render.ChoiceValue``)."""
        if self.kind is ConversationKind.thread and self.thread_ts:
            return "t" + self.thread_ts
        if self.kind is ConversationKind.channel:
            return "c"
        return "d"

    @property
    def conversation_id(self) -> str:
        if self.kind is ConversationKind.thread:
            return f"{self.channel}:{self.thread_ts}"
        if self.kind is ConversationKind.direct:
            return self.dm_channel or self.user
        return self.channel or self.user


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class SlashCommand(_Model):
    team_id: str
    user_id: str
    user_name: str | None = None
    channel_id: str
    command: str
    text: str = ""
    response_url: str | None = None
    trigger_id: str | None = None


class MessageEvent(_Model):
    type: str
    user: str | None = None
    text: str = ""
    channel: str
    channel_type: str | None = None
    ts: str
    thread_ts: str | None = None
    subtype: str | None = None
    bot_id: str | None = None


class _Team(_Model):
    id: str


class _User(_Model):
    id: str
    name: str | None = None
    username: str | None = None


class _Channel(_Model):
    id: str


class _Container(_Model):
    type: str | None = None
    message_ts: str | None = None
    thread_ts: str | None = None
    channel_id: str | None = None
    is_ephemeral: bool | None = None


class BlockActions(_Model):
    team: _Team | None = None
    user: _User
    channel: _Channel | None = None
    container: _Container | None = None
    response_url: str | None = None
    trigger_id: str | None = None
    actions: list[dict[str, Any]]


class BadPayload(ValueError):
    """A payload we cannot read; the listener answers politely and does nothing."""


def parse_command(body: dict[str, Any]) -> SlashCommand:
    try:
        return SlashCommand.model_validate(body)
    except ValidationError as err:
        raise BadPayload("slash command payload") from err


def parse_message_event(event: dict[str, Any]) -> MessageEvent:
    try:
        return MessageEvent.model_validate(event)
    except ValidationError as err:
        raise BadPayload("message event") from err


def parse_block_actions(body: dict[str, Any]) -> BlockActions:
    try:
        parsed = BlockActions.model_validate(body)
    except ValidationError as err:
        raise BadPayload("block_actions payload") from err
    if not parsed.actions:
        raise BadPayload("block_actions without an action")
    return parsed


def action_value(action: dict[str, Any]) -> str | None:
    """The value of a clicked button or of the option picked in a select."""
    if isinstance(action.get("selected_option"), dict):
        value = action["selected_option"].get("value")
    else:
        value = action.get("value")
    return value if isinstance(value, str) else None


def command_origin(command: SlashCommand) -> Origin:
    # A slash command typed in any DM drives the private session; elsewhere it is a channel.
    kind = ConversationKind.direct if command.channel_id.startswith("D") else ConversationKind.channel
    return Origin(
        team=command.team_id,
        user=command.user_id,
        kind=kind,
        channel=command.channel_id,
        response_url=command.response_url,
        trigger_id=command.trigger_id,
    )


def dm_origin(team: str, event: MessageEvent) -> Origin:
    return Origin(team=team, user=event.user or "", kind=ConversationKind.direct,
                  channel=event.channel, dm_channel=event.channel)


def mention_origin(team: str, event: MessageEvent) -> Origin:
    return Origin(team=team, user=event.user or "", kind=ConversationKind.thread,
                  channel=event.channel, thread_ts=event.thread_ts or event.ts)


def text_incoming(origin: Origin, text: str, event_id: str | None, *, user_name: str | None = None) -> Incoming:
    """What a user typed (a message, a slash command's text, a form) as the core's event."""
    return Incoming(
        platform=PLATFORM,
        tenant=origin.team,
        user_id=origin.user,
        user_name=user_name,
        conversation_id=origin.conversation_id,
        conversation_kind=origin.kind,
        text=text,
        event_id=event_id,
    )


def click_origin(actions: BlockActions, where: str, team_fallback: str) -> Origin:
    """Where a click happened, from the place tag the button carries and the payload."""
    team = actions.team.id if actions.team else team_fallback
    channel = actions.channel.id if actions.channel else (actions.container.channel_id if actions.container else None)
    if where.startswith("t") and len(where) > 1 and channel:
        kind, thread_ts = ConversationKind.thread, where[1:]
    elif where == "c" and channel:
        kind, thread_ts = ConversationKind.channel, None
    else:
        kind, thread_ts = ConversationKind.direct, None
    dm = channel if kind is ConversationKind.direct and channel and channel.startswith("D") else None
    return Origin(team=team, user=actions.user.id, kind=kind, channel=channel, thread_ts=thread_ts,
                  response_url=actions.response_url, dm_channel=dm, trigger_id=actions.trigger_id)
