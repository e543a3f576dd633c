"""The small neutral markup of reply text, and the escaping of what users typed.

Markup: ``**bold**`` and ```code``` (no italics: underscores in names must stay literal);
a line starting with ``- `` is a bullet and ``> `` a quote.
A backslash escapes any of ``\\ * ` >``. Adapters turn the parsed spans into
their platform's markup and escape each plain span for that platform, so text a user typed
(always passed through :func:`escape` before it is embedded) stays literal everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SPECIAL = re.compile(r"([\\*`>])")
_TOKEN = re.compile(r"\\(.)|\*\*|`", re.DOTALL)
# Invisible characters that would let a user hide or reorder text inside the bot's messages.
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202a", "\u202b", "\u202c", "\u202d",
              "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"}


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_user_text(text: str) -> str:
    """Normalise odd Unicode: NFKC, no control or bidi-override characters, no zero-width ones."""
    if text.isascii():  # the common case, on every turn: only control characters can be wrong
        return _CONTROL.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    if text.isprintable():
        # No Cc, Cf or Cs character (the invisible ones are all Cf): nothing to drop. Text with
        # a "’" or "€" takes this path instead of a per-character check.
        return text
    return "".join(
        ch for ch in text
        if ch not in _INVISIBLE and (ch in "\n\t" or unicodedata.category(ch) not in {"Cc", "Cf", "Cs"})
    )


def escape(user_text: str, limit: int | None = 300) -> str:
    """Make user text literal inside markup: cleaned, cut to `limit` characters, specials escaped."""
    text = clean_user_text(user_text).replace("\n", " ").strip()
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    text = _SPECIAL.sub(r"\\\1", text)
    # A leading "- " would turn the user's text into a bullet when it starts a line.
    return "\\" + text if text.startswith("- ") else text


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    bold: bool = False
    code: bool = False


@dataclass(frozen=True, slots=True)
class Line:
    spans: tuple[Span, ...]
    bullet: bool = False
    quote: bool = False


def parse(text: str) -> list[Line]:
    """Split markup into lines of styled spans; unmatched markers stay literal."""
    lines = []
    for raw in text.split("\n"):
        bullet = raw.startswith("- ")
        quote = raw.startswith("> ")
        body = raw[2:] if bullet or quote else raw
        lines.append(Line(tuple(_spans(body)), bullet=bullet, quote=quote))
    return lines


def _spans(body: str) -> list[Span]:
    out: list[Span] = []
    buf: list[str] = []
    bold = code = False

    def flush() -> None:
        if buf:
            out.append(Span("".join(buf), bold=bold, code=code))
            buf.clear()

    pos = 0
    for m in _TOKEN.finditer(body):
        buf.append(body[pos : m.start()])
        pos = m.end()
        tok = m.group(0)
        if m.group(1) is not None:
            buf.append(m.group(1))
        elif tok == "`":
            flush()
            code = not code
        elif code:
            buf.append(tok)
        else:
            flush()
            bold = not bold
    buf.append(body[pos:])
    flush()
    return [s for s in out if s.text]


def plain(text: str) -> str:
    """The markup with styling removed: for logs-free previews, notifications and fallbacks."""
    return "\n".join(
        ("• " if ln.bullet else "> " if ln.quote else "") + "".join(s.text for s in ln.spans)
        for ln in parse(text)
    )
