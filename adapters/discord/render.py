"""Turn neutral :class:`~bot.messages.Reply` objects into Discord messages.

Reply text uses :mod:`bot.markup`; every plain span is escaped for Discord here, so text a user
typed (which the core embeds already escaped for the neutral markup) can never become a heading,
a masked link, a spoiler or a mention. Long content is split at line boundaries within Discord's
limits: 2,000 characters of content, 4,096 per embed description, 25 fields of 1,024 characters,
10 embeds and 6,000 embed characters per message.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import discord

from adapters.discord.views import ChoiceComponents, choice_components
from adapters.kept_renderings import kept_when_short
from bot import markup
from bot.messages import Attachment, Card, Choice, Reply, ReplyKind

CONTENT_LIMIT = 2000
DESCRIPTION_LIMIT = 4096
TITLE_LIMIT = 256
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FIELDS_PER_EMBED = 25
FOOTER_LIMIT = 2048
EMBEDS_PER_MESSAGE = 10
EMBED_TOTAL_LIMIT = 6000

DEBRIEF_COLOUR = discord.Colour(0x2E8B57)
COMPARISON_COLOUR = discord.Colour(0x5865F2)
CARD_COLOUR = discord.Colour(0x99AAB5)
_CARD_COLOURS = {ReplyKind.debrief: DEBRIEF_COLOUR, ReplyKind.comparison: COMPARISON_COLOUR}
# One for every send: discord.py merges it with the client's setting into a new object, never changing it.
NO_PINGS = discord.AllowedMentions.none()

# Everywhere: formatting, spoilers, masked links, mentions, custom emoji and timestamps.
_ANYWHERE = re.compile(r"([\\*_~`|<>\[\]@])")
# Only at the start of a line: headings, subtext, lists and quotes.
_LINE_START = re.compile(r"^(\s*)(#|-|\+|>|\d+(?=[.)]))")
_URL = re.compile(r"https?://[^\s<>\[\]()`|*]+")
# Anything that makes neutral markup more than one plain line: a marker, an escape, a line break,
# a bullet or a quote.
_MARKUP_SIGNS = re.compile(r"[\\*`\n]|^[->] ")


@dataclass
class Outgoing:
    """One Discord message to send: content, embeds, an optional file and optional components.

    The coach's choices stay :class:`ChoiceComponents` (the payload is made from a kept template when
    the message is sent to a channel); :attr:`view` builds a discord.py view of them only when asked.
    A view set explicitly (a team post's buttons) is sent as it is.
    """

    content: str | None = None
    embeds: list[discord.Embed] = field(default_factory=list)
    attachment: Attachment | None = None
    components: ChoiceComponents | None = None
    explicit_view: discord.ui.View | None = None
    ephemeral: bool = False
    private: bool = False

    @property
    def view(self) -> discord.ui.View | None:
        """The components as a finished discord.py view (a new one for the coach's choices each time)."""
        if self.explicit_view is not None:
            return self.explicit_view
        return self.components.view() if self.components is not None else None

    @view.setter
    def view(self, view: discord.ui.View | None) -> None:
        self.explicit_view = view

    def file(self) -> discord.File | None:
        """A fresh file each time: a discord.File is consumed by one send."""
        if self.attachment is None:
            return None
        return discord.File(io.BytesIO(self.attachment.content.encode("utf-8")),
                            filename=self.attachment.filename)


def _escape_anywhere(text: str) -> str:
    # Searching first is about three times cheaper than a substitution that finds nothing, which is
    # what most reply text is: re.sub with a template pays for the template on every call.
    return text if _ANYWHERE.search(text) is None else _ANYWHERE.sub(r"\\\1", text)


def escape_text(text: str, *, line_start: bool = False) -> str:
    """Make text literal in Discord: markdown, mentions and links cannot be forged; bare URLs stay links."""
    if "://" not in text:  # most text has no link: no splitting around URLs
        out = _escape_anywhere(text)
    else:
        pieces = []
        pos = 0
        for m in _URL.finditer(text):
            pieces.append(_escape_anywhere(text[pos : m.start()]))
            pieces.append(m.group(0))
            pos = m.end()
        pieces.append(_escape_anywhere(text[pos:]))
        out = "".join(pieces)
    if line_start and _LINE_START.match(out) is not None:
        out = _LINE_START.sub(r"\1\\\2", out, count=1)
    return out


def _render_span(span: markup.Span, first: bool) -> str:
    if span.code:
        body = span.text.replace("`", "ˋ")  # a backtick cannot be escaped inside inline code
        rendered = f"`{body}`" if body.strip() else escape_text(span.text)
    else:
        rendered = escape_text(span.text, line_start=first)
    if span.bold and span.text.strip():
        return f"**{rendered}**"
    return rendered


def render_line(line: markup.Line) -> str:
    prefix = "- " if line.bullet else "> " if line.quote else ""
    body = "".join(_render_span(s, first=(i == 0 and not prefix)) for i, s in enumerate(line.spans))
    return prefix + body


def _split_spans(spans: Sequence[markup.Span], at: int) -> tuple[list[markup.Span], list[markup.Span]]:
    head: list[markup.Span] = []
    tail: list[markup.Span] = []
    for span in spans:
        if at >= len(span.text):
            head.append(span)
            at -= len(span.text)
        elif at > 0:
            head.append(markup.Span(span.text[:at], bold=span.bold, code=span.code))
            tail.append(markup.Span(span.text[at:], bold=span.bold, code=span.code))
            at = 0
        else:
            tail.append(span)
    return head, tail


def _split_line(line: markup.Line, limit: int) -> list[str]:
    """A line too long for one message, cut at spaces into pieces that keep their styling.

    Cuts fall between characters of the neutral text, never inside a rendered escape or marker.
    """
    pieces: list[str] = []
    spans = list(line.spans)
    first = True
    while spans:
        def shaped(part: list[markup.Span], first: bool = first) -> markup.Line:
            return markup.Line(tuple(part), bullet=line.bullet and first, quote=line.quote)

        rendered = render_line(shaped(spans))
        if len(rendered) <= limit:
            pieces.append(rendered)
            break
        text = "".join(s.text for s in spans)
        low, high = 1, len(text)  # the longest prefix whose rendering fits
        while low < high:
            mid = (low + high + 1) // 2
            if len(render_line(shaped(_split_spans(spans, mid)[0]))) <= limit:
                low = mid
            else:
                high = mid - 1
        space = text.rfind(" ", 0, low)
        cut = space + 1 if space > low // 2 else low
        head, spans = _split_spans(spans, cut)
        pieces.append(render_line(shaped(head)))
        first = False
    return pieces


def render_markup(text: str, limit: int) -> list[str]:
    """Neutral markup as Discord markdown, split at line boundaries into chunks of at most `limit`."""
    return list(_rendered(text, limit))


@kept_when_short
def _rendered(text: str, limit: int) -> tuple[str, ...]:
    if not _MARKUP_SIGNS.search(text):  # one plain line, the common card value: nothing to parse
        rendered = escape_text(text, line_start=True)
        if len(rendered) <= limit:
            return (rendered,) if rendered.strip() else ()
    lines: list[str] = []
    for line in markup.parse(text):
        lines.extend(_split_line(line, limit))
    return tuple(_pack(lines, limit))


def _pack(lines: Iterable[str], limit: int) -> list[str]:
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for line in lines:
        extra = len(line) + (1 if current else 0)
        if current and size + extra > limit:
            chunks.append("\n".join(current))
            current, size = [], 0
            extra = len(line)
        current.append(line)
        size += extra
    if current:
        chunks.append("\n".join(current))
    return [c for c in (chunk.strip("\n") for chunk in chunks) if c.strip()]


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip("\\") + "…"


def _plain(text: str) -> str:
    return text if _MARKUP_SIGNS.search(text) is None else markup.plain(text)


def _title(text: str) -> str:
    return _cut(escape_text(_plain(text)), TITLE_LIMIT)


@dataclass(frozen=True)
class _EmbedShape:
    """One embed of a card, as text Discord will show: kept per card and made into a fresh embed per send."""

    title: str
    fields: tuple[tuple[str, str, bool], ...]
    footer: str | None
    size: int  # what discord.py's len(embed) counts: title, field names and values, footer


KEPT_CARDS = 256
KEPT_CARD_CHARS = 6000  # a card with more text than one message's embeds can hold is laid out each time
_CardKey = tuple[str, str | None, tuple[tuple[str, str, bool], ...]]


def card_embeds(card: Card, colour: discord.Colour) -> list[discord.Embed]:
    """One card as one embed (more when its fields pass 25 or 6,000 characters); inline fields make a table."""
    return [embed for embed, _size in _card_embeds_sized(card, colour)]


def _card_embeds_sized(card: Card, colour: discord.Colour) -> list[tuple[discord.Embed, int]]:
    # Keyed by the card's plain strings: hashing and comparing them is far cheaper than the model's own.
    key = (card.title, card.footer, tuple((f.label, f.value, f.inline) for f in card.fields))
    chars = len(card.title) + sum(len(label) + len(value) for label, value, _inline in key[2])
    shapes = _card_shapes(key) if chars <= KEPT_CARD_CHARS else _card_shapes.__wrapped__(key)
    return [(_embed(shape, colour), shape.size) for shape in shapes]


def _embed(shape: _EmbedShape, colour: discord.Colour) -> discord.Embed:
    embed = discord.Embed(title=shape.title, colour=colour)
    for name, value, inline in shape.fields:
        embed.add_field(name=name, value=value, inline=inline)
    if shape.footer:
        embed.set_footer(text=shape.footer)
    return embed


@lru_cache(maxsize=KEPT_CARDS)
def _card_shapes(key: _CardKey) -> tuple[_EmbedShape, ...]:
    """A card's embeds as text, within Discord's limits: the offer card, a status or a checklist come
    again and again (the same card for every user of a scenario), so each is laid out once and kept."""
    title, card_footer, card_fields = key
    footer = _cut(_plain(card_footer), FOOTER_LIMIT) if card_footer else None
    room = EMBED_TOTAL_LIMIT - (len(footer) if footer else 0)
    shapes: list[_EmbedShape] = []
    current_title = _title(title)
    fields: list[tuple[str, str, bool]] = []
    # Counted here as fields are added, so neither this nor _assemble walks the embed to measure it.
    size = len(current_title)
    for label, raw_value, inline in card_fields:
        name = _cut(escape_text(_plain(label)), FIELD_NAME_LIMIT) or "—"
        value = _cut("\n".join(render_markup(raw_value, FIELD_VALUE_LIMIT)) or "—", FIELD_VALUE_LIMIT)
        if len(fields) >= FIELDS_PER_EMBED or size + len(name) + len(value) > room:
            shapes.append(_EmbedShape(current_title, tuple(fields), None, size))
            current_title = _title(f"{title} (continued)")
            fields, size = [], len(current_title)
        fields.append((name, value, inline))
        size += len(name) + len(value)
    shapes.append(_EmbedShape(current_title, tuple(fields), footer, size + (len(footer) if footer else 0)))
    return tuple(shapes)


def _recruiter_text(reply: Reply) -> list[str]:
    return list(_recruiter_lines(reply.text, reply.speaker or "Recruiter"))


@kept_when_short
def _recruiter_lines(text: str, speaker: str) -> tuple[str, ...]:
    """The speaker's name, then the words quoted: a scenario's opening and the recruiter's stock
    answers come again for every user, so they are rendered once and kept like other short texts."""
    lines = [f"**{escape_text(speaker)}**"]
    if text.strip() == text and text and not _MARKUP_SIGNS.search(text):
        # One plain line, what the recruiter nearly always says: quoted as it is, nothing to parse.
        quoted_line = "> " + escape_text(text)
        if len(quoted_line) <= CONTENT_LIMIT:
            return tuple(_pack([*lines, quoted_line], CONTENT_LIMIT))
    for line in markup.parse(text):
        quoted = markup.Line(line.spans, bullet=False, quote=True)
        lines.extend(_split_line(quoted, CONTENT_LIMIT))
    return tuple(_pack(lines, CONTENT_LIMIT))


def _heading(text: str) -> tuple[str | None, str]:
    """A first line that is all bold becomes the embed's title; the rest its description."""
    first, _, rest = text.partition("\n")
    [line] = markup.parse(first)
    if len(line.spans) == 1 and line.spans[0].bold and not line.bullet and not line.quote:
        return first, rest
    return None, text


def render_reply(reply: Reply, owner_id: int) -> list[Outgoing]:
    """The Discord messages for one reply, in order; components and the file go on the last one."""
    contents: list[str] = []
    embeds: list[tuple[discord.Embed, int]] = []  # each with the size Discord counts, measured once
    if reply.kind is ReplyKind.recruiter:
        contents = _recruiter_text(reply)
    elif reply.kind in (ReplyKind.debrief, ReplyKind.comparison) and reply.text:
        colour = DEBRIEF_COLOUR if reply.kind is ReplyKind.debrief else COMPARISON_COLOUR
        title, body = _heading(reply.text)
        described = [discord.Embed(description=chunk, colour=colour)
                     for chunk in render_markup(body, DESCRIPTION_LIMIT)] or [discord.Embed(colour=colour)]
        if title:
            described[0].title = _title(title)
        embeds = [(embed, len(embed)) for embed in described]
    elif reply.text:
        contents = render_markup(reply.text, CONTENT_LIMIT)

    card_colour = _CARD_COLOURS.get(reply.kind, CARD_COLOUR)
    for card in reply.cards:
        embeds.extend(_card_embeds_sized(card, card_colour))

    components, overflow = choice_components(owner_id, reply.choices)
    if overflow:
        contents.extend(render_markup(_overflow_text(overflow), CONTENT_LIMIT))

    messages = _assemble(contents, embeds)
    if not messages and (components is not None or reply.attachment is not None):
        messages = [Outgoing(content="Choose:" if components is not None else None)]
    if messages:
        messages[-1].components = components
        messages[-1].attachment = reply.attachment
    for message in messages:
        message.ephemeral = reply.ephemeral
        message.private = reply.move_to_private
    return messages


def _overflow_text(choices: Sequence[Choice]) -> str:
    lines = ["More options (type one to pick it):"]
    lines += [f"- {markup.escape(c.label, limit=None)}" for c in choices]
    return "\n".join(lines)


def _assemble(contents: list[str], embeds: list[tuple[discord.Embed, int]]) -> list[Outgoing]:
    """Content chunks first, each its own message; embeds (with their sizes) join the last one while
    within the limits."""
    messages = [Outgoing(content=chunk) for chunk in contents]
    if not embeds:
        return messages
    current = messages[-1] if messages else Outgoing()
    if not messages:
        messages.append(current)
    total = 0
    for embed, size in embeds:
        if current.embeds and (len(current.embeds) >= EMBEDS_PER_MESSAGE or total + size > EMBED_TOTAL_LIMIT):
            current = Outgoing()
            messages.append(current)
            total = 0
        current.embeds.append(embed)
        total += size
    return messages


def message_kwargs(out: Outgoing) -> dict[str, Any]:
    """The keyword arguments of a send for one message: never a ping, a fresh file, its buttons."""
    kwargs: dict[str, Any] = {"allowed_mentions": NO_PINGS}
    if out.content:
        kwargs["content"] = out.content
    if out.embeds:
        kwargs["embeds"] = out.embeds
    file = out.file()
    if file is not None:
        kwargs["file"] = file
    view = out.view
    if view is not None:
        view.stop()  # the items are dynamic: discord.py need not keep this view in memory
        kwargs["view"] = view
    return kwargs
