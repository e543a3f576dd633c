"""The neutral conversation model: what comes in from any platform and what goes out.

Adapters build an :class:`Incoming` from a platform event and render each :class:`Reply`
natively (Block Kit, discord.py views and embeds, terminal text). Reply text uses the small
markup in :mod:`bot.markup`; text a user typed is always escaped by the core before it is
embedded, so it can never forge the bot's formatting.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class ConversationKind(StrEnum):
    direct = "direct"  # a DM with the bot
    channel = "channel"  # a shared channel (commands there continue in the DM)
    thread = "thread"  # a thread in a channel: a practice can live there, for one user
    terminal = "terminal"


class Incoming(BaseModel):
    """One thing a user did: typed text, or picked a choice by its id."""

    model_config = ConfigDict(frozen=True)

    platform: str  # "terminal", "slack", "discord", "test"
    user_id: str
    conversation_id: str
    conversation_kind: ConversationKind = ConversationKind.direct
    tenant: str = ""  # Slack team id or Discord guild id; "" where there is none
    text: str | None = None
    choice: str | None = None  # a Choice.id the user clicked or picked by number
    event_id: str | None = None  # for de-duplication of platform retries
    at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    user_name: str | None = None  # display name, never used as identity

    @property
    def user_key(self) -> str:
        """Who this is, across conversations: the key of every stored row of theirs."""
        return f"{self.platform}:{self.tenant}:{self.user_id}"

    @property
    def scope(self) -> str:
        """Which of the user's sessions this event drives.

        A thread has its own practice; everything else (DM, terminal, a command typed in a
        channel) drives the user's private session, which adapters show in the DM.
        """
        if self.conversation_kind is ConversationKind.thread:
            return f"thread:{self.conversation_id}"
        return "direct"


class ChoiceStyle(StrEnum):
    default = "default"
    primary = "primary"
    danger = "danger"


class Choice(BaseModel):
    """A button or menu entry. Its id is stable, short (<= 64 chars) and picked back as `Incoming.choice`."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(max_length=64)
    label: str = Field(max_length=75)
    style: ChoiceStyle = ChoiceStyle.default


class CardField(BaseModel):
    model_config = ConfigDict(frozen=True)

    label: str
    value: str
    inline: bool = True


class Card(BaseModel):
    """A titled block of label/value fields: an offer, a scorecard, a comparison row set."""

    model_config = ConfigDict(frozen=True)

    title: str
    fields: tuple[CardField, ...] = ()
    footer: str | None = None


class Attachment(BaseModel):
    """A file for the user, e.g. their data export as JSON."""

    model_config = ConfigDict(frozen=True)

    filename: str
    content: str
    mime: str = "application/json"


class ReplyKind(StrEnum):
    message = "message"
    recruiter = "recruiter"  # a line said in character by the counterpart
    debrief = "debrief"  # the scorecard after a practice
    comparison = "comparison"  # offers side by side
    notice = "notice"  # system notices: errors, confirmations


class Reply(BaseModel):
    """One message the bot sends back."""

    model_config = ConfigDict(frozen=True)

    text: str = ""
    kind: ReplyKind = ReplyKind.message
    speaker: str | None = None  # the persona's name for recruiter lines
    choices: tuple[Choice, ...] = ()
    cards: tuple[Card, ...] = ()
    attachment: Attachment | None = None
    ephemeral: bool = False  # only the user who acted may see it
    move_to_private: bool = False  # show it in the user's DM, not where the command was typed
