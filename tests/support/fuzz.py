"""What fuzzing the reader feeds it and checks: shared by tests/understanding/test_fuzz_reading.py and
bench/fuzz_long.py (issue 13).

:data:`PIECES` are the bits of negotiation text most likely to confuse a reader (figures in every
format, number words, mentions, invisible characters); :func:`check_reading` reads one text and
asserts what must hold for any input: no exception, a valid UTF-8 JSON line, finite amounts, and
no invented number (:func:`explained`).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata

from bot.understanding.acts import Context, Term, Understanding
from bot.understanding.amounts import normalise
from bot.understanding.reader import MAX_READ_CHARS, Understander

PIECES = (
    "salary", "base", "pto", "days", "weeks", "vacation", "bonus", "sign-on bonus", "equity", "remote", "car",
    "401k", "no", "not", "more", "extra", "another", "a couple of", "per month", "a year", "k", "m", "%", "$", "€",
    "£", "₪", "₹", "usd", "eur", "lakh", "LPA", "crore", "1", "25", "130", "1.000", "12,5", "1_000", "1e308",
    "99999999999999999999", "130-140k", "½", "¾", "twelve", "hundred", "thousand", "million", "ninety",
    "<@&123456>", "<@U123>", "<#42>", "\u200b", "\u2060", "\ufeff", "-", "+", "?", "!", ",", ".", "\n", "ok",
    "deal", "I accept", "can you do", "what about", "between", "and", "to", "or", "if", "instead of", "14 salaries",
)  # fmt: skip
SEPARATORS = (" ", ", ", ". ", "? ", "-", "")
# Words that spell a number, and words that stand for one or two ("a couple of days", "another week").
NUMBER_WORDS = frozenset((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
    "fourty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "grand", "million", "billion",
    "lakh", "lakhs", "crore", "crores",
))  # fmt: skip
ONE_OR_TWO_WORDS = frozenset(("couple", "another", "extra", "additional", "further", "a", "an", "one"))
_PLATFORM_TOKEN = re.compile(r"<(?:[@#!]|a?:\w+:|t:)[^<>\s]*>")


def _significant(value: float) -> str:
    """The significant digits of a figure: 130000 → "13", 0.5 → "5", 1.2e12 → "12"."""
    mantissa = f"{abs(value):.15g}".split("e")[0]
    return mantissa.replace(".", "").rstrip("0").lstrip("0") or "0"


def explained(term: Term, text: str) -> bool:
    """Whether the term's amount can be traced to what is written: digits, a fraction or number words.

    The digits of a mention or channel id (<@123>, <#42>) do not count: those are never amounts.
    """
    assert term.amount is not None
    low = _PLATFORM_TOKEN.sub(" ", normalise(text))
    digits = "".join(str(unicodedata.decimal(c)) for c in low if c.isdecimal())
    if _significant(term.amount) in digits:
        return True
    if abs(term.amount) >= 1e15:  # beyond a float's exact digits ("1e308", twenty 9s): a long figure is there
        return len(digits) >= 3
    words = set(re.findall(r"[a-z]+", low))
    if words & NUMBER_WORDS or any(not c.isascii() and unicodedata.numeric(c, None) is not None for c in low):
        return True  # spelled out or a fraction: "ninety thousand", "¾ million"
    return term.amount in (1, 2) and bool(words & ONE_OR_TWO_WORDS)


def check_reading(reader: Understander, text: str, context: Context | None = None) -> Understanding:
    """Read `text` and assert what must hold for any input; the reading, for more checks."""
    understanding = reader.read(text, context)
    json.dumps(understanding.json_line(), ensure_ascii=False).encode("utf-8")  # surrogates would fail here
    for term in understanding.terms:
        if term.amount is None:
            continue
        assert math.isfinite(term.amount)
        assert explained(term, text[:MAX_READ_CHARS]), f"{term} not in {text[:200]!r}"
    return understanding
