"""Neutral replies to Block Kit: markup to mrkdwn, choices to buttons or a select, cards to fields.

Everything here is pure (no I/O), so the rendering rules are tested without a Slack. Plain text is
escaped for mrkdwn so nothing a user typed, and the core embedded, can ping people (``<!here>``,
``<@U…>``), link channels, or forge the bot's bold, code or quotes. Every id and text stays within
Slack's published limits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from adapters.kept_renderings import kept_when_short
from bot.markup import Line, parse, plain
from bot.messages import Attachment, Card, Choice, ChoiceStyle, Reply, ReplyKind

Block = dict[str, Any]

# Slack's limits (Block Kit reference); a little room is kept for the "…" we add when cutting.
SECTION_TEXT_LIMIT = 3000
FIELD_TEXT_LIMIT = 2000
FIELDS_PER_SECTION = 10
HEADER_LIMIT = 150
BUTTON_LABEL_LIMIT = 75
OPTION_LABEL_LIMIT = 75
OPTION_VALUE_LIMIT = 150
OPTIONS_PER_SELECT = 100
BLOCKS_PER_MESSAGE = 50
FALLBACK_TEXT_LIMIT = 3000
MAX_BUTTONS = 5
LONG_BUTTON_LABEL = 30  # longer labels read better as a menu than as a row of wide buttons

CHOICE_ACTION_PREFIX = "oc.choice."
VALUE_VERSION = "oc1"

_UNDERSCORE_AT_EDGE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
# mrkdwn has no backslash escapes: the marker characters become look-alikes that format nothing.
_LOOKALIKES = str.maketrans({"*": "∗", "~": "∼", "`": "ˋ"})
# Most spans hold none of these, and one search (a C loop over the text) is far cheaper than the
# replacing below. A regex, not frozenset.isdisjoint(text): that makes a one-character string of
# each character of the text and looks it up, about four times the instructions.
_MRKDWN_SPECIAL = re.compile(r"[&<>*~`_]").search
_CODE_SPECIAL = re.compile(r"[&<>`]").search
_LOOKALIKE_KEYS = re.compile(r"[*~`]").search


def escape_mrkdwn(text: str) -> str:
    """Plain text made inert in mrkdwn: no mentions, links or formatting can come out of it."""
    if _MRKDWN_SPECIAL(text) is None:
        return text
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if _LOOKALIKE_KEYS(text) is not None:
        text = text.translate(_LOOKALIKES)
    return _UNDERSCORE_AT_EDGE.sub("＿", text) if "_" in text else text



def _escape_code(text: str) -> str:
    if _CODE_SPECIAL(text) is None:
        return text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("`", "ˋ")


def _line_to_mrkdwn(line: Line) -> str:
    out: list[str] = []
    for span in line.spans:
        body = _escape_code(span.text) if span.code else escape_mrkdwn(span.text)
        if span.code:
            body = f"`{body}`"
        if span.bold and body.strip():
            # Slack only formats when the markers hug the words, so spaces go outside them.
            lead = body[: len(body) - len(body.lstrip())]
            trail = body[len(body.rstrip()) :]
            body = f"{lead}*{body.strip()}*{trail}"
        out.append(body)
    text = "".join(out)
    if line.bullet:
        return "• " + text
    if line.quote:
        return "> " + text
    return text


def to_mrkdwn(markup: str) -> str:
    """The neutral markup as Slack mrkdwn, every plain span escaped."""
    return _plain_and_mrkdwn(markup)[1]


@kept_when_short
def _plain_and_mrkdwn(markup: str) -> tuple[str, str]:
    """The markup's plain words (for the notification fallback, not yet escaped) and its mrkdwn."""
    lines = parse(markup)  # parsed once for both
    return _plain_of(lines), "\n".join(_line_to_mrkdwn(line) for line in lines)


def fallback_text(markup: str, limit: int = FALLBACK_TEXT_LIMIT) -> str:
    """The notification text Slack shows where blocks are not drawn: plain, escaped, bounded."""
    return _cut(escape_mrkdwn(plain(markup)), limit)


def _plain_of(lines: list[Line]) -> str:
    """:func:`bot.markup.plain` of already parsed lines (a reply's text is parsed once, not twice)."""
    return "\n".join(("• " if ln.bullet else "> " if ln.quote else "") + "".join(s.text for s in ln.spans)
                     for ln in lines)


_MARKUP = re.compile(r"[*`\\\n]").search


def _plain_short(text: str) -> str:
    """`plain` for a name or label, skipping the parser when there is no markup in it."""
    return text if _MARKUP(text) is None and not text.startswith(("- ", "> ")) else plain(text)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _mrkdwn(text: str) -> dict[str, Any]:
    # verbatim: Slack must not turn bare URLs, #channel or @here in the text into links or pings.
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def _plain_text(text: str, limit: int) -> dict[str, Any]:
    return {"type": "plain_text", "text": _cut(text, limit) or " ", "emoji": True}


def text_sections(mrkdwn: str) -> list[Block]:
    """mrkdwn split on line ends into sections that each fit Slack's 3,000 characters."""
    if len(mrkdwn) <= SECTION_TEXT_LIMIT and not mrkdwn.startswith("\n"):
        # Most replies: one section holding the text as it is (what the loop below gives for them).
        return [{"type": "section", "text": _mrkdwn(mrkdwn)}] if mrkdwn.strip() else []
    blocks: list[Block] = []
    chunk = ""
    for line in mrkdwn.split("\n"):
        while len(line) > SECTION_TEXT_LIMIT:
            if chunk:
                blocks.append({"type": "section", "text": _mrkdwn(chunk)})
                chunk = ""
            blocks.append({"type": "section", "text": _mrkdwn(line[:SECTION_TEXT_LIMIT])})
            line = line[SECTION_TEXT_LIMIT:]
        candidate = f"{chunk}\n{line}" if chunk else line
        if len(candidate) > SECTION_TEXT_LIMIT:
            blocks.append({"type": "section", "text": _mrkdwn(chunk)})
            chunk = line
        else:
            chunk = candidate
    if chunk.strip():
        blocks.append({"type": "section", "text": _mrkdwn(chunk)})
    return blocks


# --- choices ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChoiceValue:
    """What a button carries: who owns the session and where it lives, and the core's choice id.

    `where` is "d" for the DM, "c" for a channel, or "t" + the thread's ts for a thread practice.
    """

    owner: str
    where: str
    choice_id: str

    def encode(self) -> str:
        return encode_choice_value(self.owner, self.where, self.choice_id)

    @classmethod
    def decode(cls, value: str) -> ChoiceValue | None:
        parts = value.split("|", 3)
        if len(parts) != 4 or parts[0] != VALUE_VERSION or not parts[1] or not parts[3]:
            return None
        return cls(owner=parts[1], where=parts[2], choice_id=parts[3])


def encode_choice_value(owner: str, where: str, choice_id: str) -> str:
    """:meth:`ChoiceValue.encode` without building one (a button's value on every reply with choices)."""
    value = f"{VALUE_VERSION}|{owner}|{where}|{choice_id}"
    if len(value) > OPTION_VALUE_LIMIT:
        raise ValueError("choice value longer than Slack allows")
    return value


# A button's style as Slack spells it; a dict, since an enum member's `.value` is a Python-level property.
_BUTTON_STYLE = {style: str(style.value) for style in ChoiceStyle}
_ACTION_IDS = tuple(f"{CHOICE_ACTION_PREFIX}{index}" for index in range(MAX_BUTTONS))


def choice_blocks(choices: tuple[Choice, ...], owner: str, where: str) -> list[Block]:
    """Buttons for a few short choices; a static select (several if need be) otherwise."""
    if not choices:
        return []
    # Each field read once: a pydantic model's attribute costs several times a plain object's.
    fields = [(c.id, c.label, c.style) for c in choices]
    values = [encode_choice_value(owner, where, choice_id) for choice_id, _, _ in fields]
    if len(choices) <= MAX_BUTTONS and max(len(label) for _, label, _ in fields) <= LONG_BUTTON_LABEL:
        elements = []
        for index, (_, label, style) in enumerate(fields):
            button: Block = {
                "type": "button",
                "action_id": _ACTION_IDS[index],
                "text": _plain_text(label, BUTTON_LABEL_LIMIT),
                "value": values[index],
            }
            if style is not ChoiceStyle.default:
                button["style"] = _BUTTON_STYLE[style]
            elements.append(button)
        return [{"type": "actions", "block_id": "oc.choices", "elements": elements}]
    selects = []
    for start in range(0, len(choices), OPTIONS_PER_SELECT):
        options = [
            {"text": _plain_text(choice.label, OPTION_LABEL_LIMIT), "value": value}
            for choice, value in zip(choices[start:start + OPTIONS_PER_SELECT],
                                     values[start:start + OPTIONS_PER_SELECT], strict=True)
        ]
        selects.append({
            "type": "static_select",
            "action_id": f"{CHOICE_ACTION_PREFIX}{start // OPTIONS_PER_SELECT}",
            "placeholder": _plain_text("Choose…", 150),
            "options": options,
        })
    return [{"type": "actions", "block_id": "oc.choices", "elements": selects[:25]}]


# --- cards -----------------------------------------------------------------------------------


def _field_text(label: str, value: str) -> dict[str, Any]:
    return _mrkdwn(_cut(f"*{escape_mrkdwn(label)}*\n{to_mrkdwn(value)}", FIELD_TEXT_LIMIT))


def card_blocks(card: Card, *, as_header: bool = False) -> list[Block]:
    """A card as a title, two-column fields (ten to a section) and a footer line."""
    blocks: list[Block] = []
    if as_header:
        blocks.append({"type": "header", "text": _plain_text(plain(card.title), HEADER_LIMIT)})
    else:
        blocks.append({"type": "section", "text": _mrkdwn(_cut(f"*{to_mrkdwn(card.title)}*", 3000))})
    wide = [f for f in card.fields if not f.inline]
    narrow = [f for f in card.fields if f.inline]
    for start in range(0, len(narrow), FIELDS_PER_SECTION):
        blocks.append({
            "type": "section",
            "fields": [_field_text(f.label, f.value) for f in narrow[start:start + FIELDS_PER_SECTION]],
        })
    if wide:
        # One text for all wide fields (split only at Slack's size limit): fewer blocks, same look.
        blocks.extend(text_sections("\n\n".join(f"*{escape_mrkdwn(f.label)}*\n{to_mrkdwn(f.value)}"
                                                  for f in wide)))
    if card.footer:
        blocks.append({"type": "context", "elements": [_mrkdwn(_cut(to_mrkdwn(card.footer), 3000))]})
    return blocks


def _merged_labels(cards: tuple[Card, ...]) -> list[str]:
    """Every field label once, each card's own order kept (a label new in a later card lands
    right after the label it followed there)."""
    labels: list[str] = []
    for card in cards:
        after = -1
        for f in card.fields:
            if f.label in labels:
                after = labels.index(f.label)
            else:
                after += 1
                labels.insert(after, f.label)
    return labels


def _code_table(rows: list[list[str]], max_width: int = 28) -> str:
    widths = [min(max_width, max(len(row[i]) for row in rows)) for i in range(len(rows[0]))]
    lines = ["  ".join(_cut(cell, widths[i]).ljust(widths[i]) for i, cell in enumerate(row)).rstrip()
             for row in rows]
    return "```\n" + _escape_code("\n".join(lines)) + "\n```"


def comparison_table(cards: tuple[Card, ...]) -> str:
    """Offers side by side as a fixed-width table in a code block: one column per card."""
    labels = _merged_labels(cards)
    rows = [["", *(plain(card.title) for card in cards)]]
    for label in labels:
        cells = [next((plain(f.value) for f in card.fields if f.label == label), "—") for card in cards]
        rows.append([plain(label), *cells])
    return _code_table(rows)


def rows_table(card: Card) -> str:
    """One card's fields as aligned label/value rows in a code block (values are not cut)."""
    return _code_table([[plain(f.label), plain(f.value)] for f in card.fields], max_width=10_000) \
        if card.fields else ""


# --- whole replies ---------------------------------------------------------------------------


@dataclass
class SlackMessage:
    """One chat.postMessage (or postEphemeral / response_url) body: fallback text and blocks."""

    text: str
    blocks: list[Block] = field(default_factory=list)
    attachment: Attachment | None = None

    def payload(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": self.blocks}


def render_reply(reply: Reply, *, owner: str, where: str) -> SlackMessage:
    """One neutral reply as one Slack message; buttons carry `owner` and `where` (see ChoiceValue)."""
    blocks: list[Block] = []
    # Each field read once: a pydantic model's attribute costs several times a plain object's.
    text, kind, cards, attachment = reply.text, reply.kind, reply.cards, reply.attachment
    words, mrkdwn = _plain_and_mrkdwn(text)
    fallback = _cut(escape_mrkdwn(words), FALLBACK_TEXT_LIMIT)
    if kind is ReplyKind.recruiter and (name := reply.speaker):
        speaker = escape_mrkdwn(_plain_short(name))
        blocks.append({"type": "context", "elements": [_mrkdwn(f":speech_balloon: *{speaker}* · in role")]})
        fallback = _cut(f"{speaker}: {fallback}", FALLBACK_TEXT_LIMIT)
    if kind is ReplyKind.debrief:
        title = cards[0].title if cards else "Debrief"
        blocks.append({"type": "header", "text": _plain_text(plain(title), HEADER_LIMIT)})
    if text:
        blocks.extend(text_sections(mrkdwn))
    if cards:
        _add_cards(reply, blocks)
    if attachment is not None:
        fallback = fallback or f"Your file {attachment.filename}"
    if not fallback:
        fallback = "Offer Coach"
    choice_part = choice_blocks(reply.choices, owner, where)
    room = BLOCKS_PER_MESSAGE - len(choice_part)
    if len(blocks) > room:
        blocks = [*blocks[: room - 1], {"type": "context", "elements": [_mrkdwn("… (shortened to fit Slack)")]}]
    return SlackMessage(text=fallback, blocks=blocks + choice_part, attachment=attachment)


def _add_cards(reply: Reply, blocks: list[Block]) -> None:
    """Append the reply's cards: a comparison as a table, other cards as sections between dividers."""
    if reply.kind is ReplyKind.comparison and reply.cards:
        if len(reply.cards) >= 2:
            blocks.extend(text_sections(comparison_table(reply.cards)))
        else:
            card = reply.cards[0]
            blocks.append({"type": "section", "text": _mrkdwn(_cut(f"*{to_mrkdwn(card.title)}*", 3000))})
            blocks.extend(text_sections(rows_table(card)))
        for card in reply.cards:
            if card.footer:
                blocks.append({"type": "context", "elements": [_mrkdwn(_cut(to_mrkdwn(card.footer), 3000))]})
        return
    for index, card in enumerate(reply.cards):
        if reply.kind is ReplyKind.debrief and index == 0:
            blocks.extend(card_blocks(card)[1:])  # its title is already the header
        else:
            if blocks:
                blocks.append({"type": "divider"})
            blocks.extend(card_blocks(card))


def attachment_as_code(attachment: Attachment) -> SlackMessage:
    """Where a file cannot be uploaded: the file's content in a code block, cut to fit."""
    budget = SECTION_TEXT_LIMIT - 200
    content = _escape_code(attachment.content)
    note = ""
    if len(content) > budget:
        content = content[:budget]
        note = "\n_(cut to fit a message; `export` in the terminal gives the whole file)_"
    text = f"*{escape_mrkdwn(attachment.filename)}*\n```\n{content}\n```{note}"
    return SlackMessage(text=f"Your file {escape_mrkdwn(attachment.filename)}",
                        blocks=[{"type": "section", "text": _mrkdwn(text)}])


def chosen_blocks(blocks: list[Block], action: dict[str, Any]) -> list[Block]:
    """A message's blocks after a pick: the choices replaced by a line saying what was picked."""
    picked = action.get("selected_option", {}).get("text", {}).get("text") if action.get("selected_option") \
        else action.get("text", {}).get("text")
    kept = [b for b in blocks if b.get("block_id") != "oc.choices"]
    if picked:
        kept.append({"type": "context", "elements": [_mrkdwn(f"✓ {escape_mrkdwn(str(picked))}")]})
    return kept
