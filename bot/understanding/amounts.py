"""Finding amounts in chat text: "$120k", "€90.000", "12000 NIS a month", "10%", "3 more days", "130-140k".

:func:`find_amounts` returns every amount with where it sits in the text, its unit as written,
its currency, what it is per, whether it is on top of the current value, and the range it came
from. It knows nothing about perks: :mod:`bot.understanding.reader` pairs amounts with perks, and
:mod:`bot.valuation.units` turns them into each perk's canonical unit.

Amounts are kept as written ("3 weeks" stays 3 weeks), after expanding "k", "m" and number
words. Absurd values (inf, nan) are dropped; merely out-of-range ones are kept so the engine can
say why it cannot use them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import islice

__all__ = ["MAX_AMOUNTS", "MAX_CANDIDATES", "Amount", "find_amounts", "normalise"]


@dataclass(frozen=True, slots=True)
class Amount:
    value: float
    unit: str | None  # money, percent, days, weeks, months, years, hours, or None for a bare number
    start: int
    end: int
    currency: str | None = None
    per: str | None = None  # year, month, week, day, hour
    relative: bool = False
    range: tuple[float, float] | None = None
    explicit_money: bool = False  # a currency or a "k" was written, so it is surely money
    # Written so that it cannot be a real figure ("1e308", "twelve hundred thousand million", a
    # 13-digit salary): kept so the recruiter can question it, never to be echoed or conceded.
    doubtful: bool = False


_CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "₪": "ILS", "₹": "INR"}
_CURRENCY_WORDS = {
    "usd": "USD", "dollar": "USD", "dollars": "USD", "bucks": "USD", "eur": "EUR", "euro": "EUR",
    "euros": "EUR", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "quid": "GBP", "nis": "ILS",
    "ils": "ILS", "shekel": "ILS", "shekels": "ILS", "shekalim": "ILS", "chf": "CHF", "cad": "CAD",
    "aud": "AUD", "inr": "INR", "rupees": "INR", "sek": "SEK", "pln": "PLN", "zl": "PLN",
}  # fmt: skip
_MULTIPLIERS = {
    "k": 1e3, "K": 1e3, "thousand": 1e3, "thousands": 1e3, "grand": 1e3, "m": 1e6, "mm": 1e6,
    "mil": 1e6, "million": 1e6, "millions": 1e6, "bn": 1e9, "billion": 1e9, "lakh": 1e5, "lakhs": 1e5,
    "lac": 1e5, "lacs": 1e5, "lpa": 1e5, "crore": 1e7, "crores": 1e7,
}  # fmt: skip
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 0.2, "⅛": 0.125}
# Beyond these a figure is doubtful whatever it is about: no pay, percentage or stretch of time is that big.
_SANE_LIMIT = {"money": 1e9, None: 1e9, "percent": 1000.0}
_SANE_TIME = 10_000.0
_MAX_SPOKEN = 1e15  # a chain of number words beyond this ("hundred hundred hundred…") is no number at all
# At most this many candidate numbers of each kind are examined, and this many amounts returned, per
# message: a negotiation message names a handful, and the bound keeps the work of reading a message
# linear in its length whatever it holds (issue 13: "salary 100k " × 333 took a second).
MAX_CANDIDATES = 24
MAX_AMOUNTS = 16
_UNITS = {
    "%": "percent", "percent": "percent", "per cent": "percent", "pct": "percent", "percentage": "percent",
    "day": "days", "days": "days", "d": "days", "wd": "days", "week": "weeks", "weeks": "weeks",
    "wk": "weeks", "wks": "weeks", "w": "weeks", "weeks'": "weeks", "month": "months", "months": "months",
    "mo": "months", "mos": "months", "mth": "months", "mths": "months", "m/o": "months", "year": "years",
    "years": "years", "yr": "years", "yrs": "years", "y": "years", "hour": "hours", "hours": "hours",
    "hr": "hours", "hrs": "hours", "h": "hours", "hs": "hours",
}  # fmt: skip
_PERS = {
    "year": "year", "yr": "year", "annum": "year", "y": "year", "month": "month", "mo": "month",
    "mth": "month", "m": "month", "week": "week", "wk": "week", "day": "day", "d": "day", "hour": "hour",
    "hr": "hour", "h": "hour", "annually": "year", "yearly": "year", "pa": "year", "p.a.": "year",
    "monthly": "month", "weekly": "week", "daily": "day", "hourly": "hour", "annual": "year",
}  # fmt: skip

_WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_WORD_SCALES = {
    "thousand": 1e3, "grand": 1e3, "k": 1e3, "lakh": 1e5, "lakhs": 1e5, "million": 1e6, "crore": 1e7,
    "crores": 1e7, "billion": 1e9,
}  # fmt: skip

_CUR_SYM = r"(?:us\$|\$|€|£|₪|₹)"
_CUR_WORD = r"(?:" + "|".join(sorted(_CURRENCY_WORDS, key=len, reverse=True)) + r")"
_MULT = r"(?:thousands?|grand|millions?|billion|lakhs?|lacs?|lpa|crores?|mil|mm|bn|k|m)"
_UNIT = (
    r"(?:%|per\s?cent|percentage|pct|days?|wd|d|weeks?|wks?|wk|w|months?|mos?|mths?|m/o|years?|yrs?|yr|y|"
    r"hours?|hrs?|hr|hs|h)"
)
_PER_WORD = r"(?:year|yr|annum|month|mth|mo|week|wk|day|hour|hr)"
_PER = (
    r"(?:\s*(?:/|per|a|an|each|every)\s*(?P<per>" + _PER_WORD + r")\b"
    r"|\s*(?P<perw>annually|yearly|monthly|weekly|daily|hourly|p\.a\.|pa)\b"
    r"|(?P<pers>/(?:y|m|h|d)\b))"
)
_FRACTION_CHARS = "".join(_FRACTIONS)
_NUMBER = (
    r"\d{1,3}(?: \d{3})+(?!\d|[.,]\d)|\d{1,3}(?:_\d{3})+(?![\d.,_])"  # "125 000", "1_000_000"
    r"|\d+(?:\s?[" + _FRACTION_CHARS + r"]|(?:[.,]\d+)*(?:\.\d+)?(?:e[+-]?\d+)?)"  # "2 ½", "120,000", "1e9"
    r"|[" + _FRACTION_CHARS + r"]"  # "½ more", "¾ million"
)

_AMOUNT_RE = re.compile(
    r"(?<![\w.:/#])"  # "#20" is a number in a list, not an amount
    r"(?P<presign>[-+])?"
    r"(?P<cur1>" + _CUR_SYM + r"|\b(?:usd|eur|gbp|nis|ils|chf|cad|aud|inr)\b)?\s?"
    r"(?P<sign>[-+])?"
    r"(?P<num>" + _NUMBER + r")"
    r"(?:\s?(?P<mult>" + _MULT + r")\b)?"
    r"(?:\s?(?P<cur2>" + _CUR_SYM + r"|" + _CUR_WORD + r"\b))?"
    r"(?:\s?(?:-\s?)?(?P<unit>" + _UNIT + r")(?![\w])(?!(?<=[\d\s]w)/)"
    r"(?!(?<=wd) (?:be|have|like|love|want|need|prefer|take|accept|do|go|work)\b))?"  # "90 w/", "92 wd be fair"
    r"(?:" + _PER + r")?"
)
_SPELLED_WORDS = frozenset([*_WORD_NUMBERS, "hundred", *_WORD_SCALES]) - {"k"}
_WORDNUM = "|".join(sorted(_SPELLED_WORDS, key=len, reverse=True))
_WORD_AMOUNT_RE = re.compile(
    r"\b(?P<num>(?:(?:" + _WORDNUM + r")(?:[\s-]+(?:and[\s-]+)?(?=(?:" + _WORDNUM + r")\b))?)+)\b"
    r"(?:\s?(?P<kilo>k)\b)?"  # "eighty-five k", "hundred sixty five k": thousands in chat shorthand
    r"(?:\s?(?P<cur2>" + _CUR_WORD + r")\b)?"
    r"(?:\s?(?P<extra>more |extra |additional )?(?:-\s?)?(?P<unit>%|percent|per cent|days?|weeks?|wks?|months?|years?|"
    r"hours?|hrs?)\b)?"
    r"(?:" + _PER + r")?"
)
_COUPLE_RE = re.compile(
    r"\b(?P<lead>a couple(?: of)?|couple(?: of)?|another|(?:an?|the) (?:extra|additional)|"
    r"one (?:more|extra|additional)|"
    r"a further|"
    r"(?:back|later|earlier|by|within) an?)\s+"
    r"(?:more\s+|extra\s+)?(?:(?!and\b|or\b)[a-z]{2,12}\s+)?(?P<unit>days?|weeks?|months?|hours?|years?)\b"
)
# "two of the four remote days", "3 of my 23 vacation days": the part is the amount, the whole is what there is
_PART_OF = re.compile(
    r"\b(?P<num>one|two|three|four|five|\d{1,2})\s+of\s+(?:the|my|your|our|those|these)\s+"
    r"(?:(?P<whole>\w+)\s+)?(?:(?!and\b|or\b)[a-z]{2,12}\s+)?(?P<unit>days?|weeks?|hours?|months?)\b"
)
# "a third remote day", "a second day from home": the count the day would make
_ORDINAL_DAY = re.compile(
    r"\b(?P<ord>second|third|fourth|fifth|2nd|3rd|4th|5th)\s+(?:(?:remote|hybrid|home|wfh|home-office|office|flex)\s+)?"
    r"(?P<unit>day)\b"
)
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}
# "a month earlier", "a full week sooner": one of a unit, said as a shift
_ONE_SHIFT = re.compile(r"\ban?\s+(?:full\s+|whole\s+)?(?P<unit>day|week|month)(?=\s+(?:earlier|sooner|later)\b)")
_RELATIVE_BEFORE = re.compile(
    r"(?:\+|\b(?:another|extra|additional|plus|an additional|an extra|further|up))\s*$"
)
_UNIT_AFTER_MORE = re.compile(r"\s*(?:more|extra|additional)\s+(\w+)")
# "300 € more a month": how often the increment is paid comes after the word that makes it relative
_PER_AFTER_MORE = re.compile(r"\s*(?:more|extra|additional|on top)\s+(?:a|an|per|each|every)\s+(" + _PER_WORD + r")\b")
# "14 salaries", "13 paychecks": how many payments a year, not an amount
_PAYMENT_COUNT = re.compile(r"\s*(?:monthly\s+)?(?:salaries|paychecks|pay ?cheques|payments|wages)\b")
# Mentions and ids as Slack and Discord send them: <@U123>, <@!123>, <@&123>, <#123>, <!subteam^S1>,
# <:emoji:123>, <t:1700000000:R>. Their digits are never amounts.
_PLATFORM_TOKEN = re.compile(r"<(?:[@#!]|a?:\w+:|t:)[^<>\s]{0,100}>")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))  # zero-width and soft hyphen
_RELATIVE_AFTER = re.compile(r"^\s*(?:more|extra|additional|on top|in addition|above|over that)\b")
_ORDINAL_OR_CLOCK = re.compile(r"(?:st|nd|rd|th|am|pm|a\.m|p\.m|:\d|/\d|\.\d+\.\d|\))")
# An aside opened before a number, with words in it: "(offer has 0)" ends on the number, no list marker "2)"
_ASIDE_OPEN = re.compile(r"\([^()]*[a-z][^()]*\s$")
_UNIT_AFTER_ONE_WORD = re.compile(
    r"\s+(?:remote|home|office|wfh|vacation|holiday|pto|paid|working|free|sick|personal|flex|extra|more|"
    # "three hybrid days", "four home-office days", "two work-from-home days": a word or two naming the kind of day
    r"(?!(?:of|the|a|an|my|your|our|their|these|those|per|and|or|to|in|for|at)\b)[a-z]+(?:-[a-z]+){0,2})\s+"
    r"(days?|weeks?|hours?)\b"
)
# A number left without its unit after a wish: "…, I need six", "I'd want four", "make it two", "is possible two?"
_ELLIPSIS_BEFORE = re.compile(
    r"\b(?:need|want|like|prefer|ask for|hoping for|asking for|take|start in|starting in|begin in|make it|give me|"
    r"go to|go up to|possible)\s+(?:at least\s+)?$")
# "from two weeks to six", "three remote days increased to four": the figure changed to is counted in the unit
# said just before it
# "would three be possible?", "is two ok?": a count judged by itself, its unit left to what was said before
_JUDGED_AFTER = re.compile(r"\s+(?:(?:would|could)\s+)?(?:be|is)\s+(?:possible|ok|okay|fine|enough|doable)\b")
_FROM_UNIT_TO = re.compile(r"\b(days?|weeks?|months?|hours?)\b[^.;!?\d]{0,24}\b(?:to|up to)\s+$")
_CLAUSE_END = re.compile(r"\s*(?:[.!?,;)]|$)")
# "$71,200 at step 1", "grade 8", "step 3 or 4": the number names a rung on a pay scale, not a sum or a count
_RANK_BEFORE = re.compile(r"\b(?:step|grade|level|band|tier|rung)s?\s*#?\s*(?:\d+\s*(?:or|to|-)\s*)?$")
_RUNG_SAID = re.compile(r"^\s*,?\s*(?:at|for|on|in)\s+(?:step|grade|level|band|tier)\s*#?\s*\w+")
# a count and its unit, a word between at most ("one day", "3 remote days"), not a unit said alone ("in week")
_COUNT_AND_UNIT = re.compile(r"(?:\d|\b(?:" + _WORDNUM + r"))\s*(?:[a-z-]+\s+)?(days?|weeks?|months?|hours?)\b")
_YEAR_BEFORE = re.compile(r"\b(?:in|since|by|until|till|from|of|before|after)\s+$")
_SUM_AFTER = re.compile(r"\s+(?:for (?:the |my |a |an )?[a-z]|towards?|budget|allowance|"
                        r"stipend|to cover|a (?:year|month)|per (?:year|month))")
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|or|and|until|till)\s*$")
_BETWEEN = re.compile(r"\b(?:between|from)\s*$")
# "the gap between $172k and $185k", "the gap from 150 to 165": two figures, where the talks stand and the ask
_GAP_BEFORE = re.compile(r"\b(?:gap|difference|distance)\s+(?:between|from)\s+(?:the\s+|your\s+|my\s+)?$")


_DIGIT = re.compile(r"[\d" + _FRACTION_CHARS + r"]")
_MAX_LEAD = 6  # presign, a three-letter currency ("us$", "usd"), a space and a sign before a number
# The lead words of _COUPLE_RE: a message with none of them skips that search.
_COUPLE_WORDS = frozenset(
    {"couple", "another", "extra", "additional", "more", "further", "back", "later", "earlier", "by", "within", "one"}
)


def normalise(text: str) -> str:
    """Lowercase, with typographic dashes and spaces made plain (length preserved where possible).

    Zero-width characters are dropped: "1\u200b50k" shows as "150k" and is read so.
    """
    if text.isascii():
        return text.lower()  # every character replaced below is beyond ASCII
    text = text.translate(_INVISIBLE)
    return (
        text.lower()
        .replace("\u2013", "-")
        .replace("\u2014", "-")
        .replace("\u2212", "-")
        .replace("\u00a0", " ")
        .replace("\u202f", " ")
        .replace("’", "'")
    )


def _parse_number(raw: str, has_multiplier: bool) -> float | None:
    """Read "120,000", "90.000", "1.5", "12,5" and "1e99"; None when it is not a number."""
    raw = "".join(raw.split()).replace("_", "")  # "125 000", "1_000_000"; any white space, "0\x1f¼" too
    if raw[-1] in _FRACTIONS:
        # "2½": by the pattern only digits and one white space come before it, and the white space is gone
        return int(raw[:-1] or 0) + _FRACTIONS[raw[-1]]
    raw = raw.replace(",", "") if "e" in raw else _without_separators(raw, has_multiplier)
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _small_whole(raw: str, most: int) -> bool:
    return len(raw) <= 4 and raw.isdigit() and int(raw) <= most


def _without_separators(raw: str, has_multiplier: bool) -> str:
    """ "120,000" → "120000", "12,5" → "12.5", "90.000" → "90000"; "" when it is a list, not a number."""
    if "," in raw and "." in raw:
        # whichever separator comes last is the decimal point
        raw = raw.replace(".", "").replace(",", ".") if raw.rfind(",") > raw.rfind(".") else raw.replace(",", "")
    elif "," in raw:
        groups = raw.split(",")
        if all(len(g) == 3 for g in groups[1:]):
            raw = raw.replace(",", "")
        elif len(groups) == 2 and len(groups[1]) <= 2:
            raw = raw.replace(",", ".")
        else:
            return ""  # "1,2,3": a list, not a number
    elif raw.count(".") > 1:
        groups = raw.split(".")
        if not all(len(g) == 3 for g in groups[1:]):
            return ""
        raw = raw.replace(".", "")
    elif "." in raw and not has_multiplier:
        whole, frac = raw.split(".")
        if len(frac) == 3 and len(whole) <= 3 and whole != "0":
            raw = whole + frac  # "90.000": a thousands separator, as written in much of Europe
    return raw


def _words_to_number(words: str) -> float | None:
    """ "ninety thousand" → 90000, "one million two hundred thousand" → 1.2e6; None when it is no number.

    A scale bigger than all before it multiplies everything said so far ("twelve hundred thousand
    million" is 1.2e12); a smaller one starts a new part ("…million two hundred thousand"). A scale
    repeated with no number between ("thousand thousand", "hundred hundred") is no number.
    """
    total = current = biggest = 0.0  # biggest: the biggest scale applied to total so far
    previous = ""
    for word in re.split(r"[\s-]+", words):
        if word in ("and", ""):
            continue
        if word in _WORD_NUMBERS:
            value = _WORD_NUMBERS[word]
            if current % 100 and (current % 10 or value >= 10):
                return None  # "four ten(-hour days)": two numbers side by side, not one
            current += value
        elif word == previous or (word in _WORD_SCALES and not current and 0 < _WORD_SCALES[word] <= biggest):
            return None
        elif word == "hundred":
            current = (current or 1.0) * 100
        elif word in _WORD_SCALES:
            scale = _WORD_SCALES[word]
            said = current or (0.0 if total else 1.0)  # "thousand" alone is a thousand
            total, biggest = ((total + said) * scale, scale) if scale > biggest else (total + said * scale, biggest)
            current = 0.0
        else:
            return None
        previous = word
        if total + current > _MAX_SPOKEN:
            return None  # "hundred million billion…": no figure anyone means
    return total + current if previous else None


def _per_of(match: re.Match[str]) -> str | None:
    raw = match.group("per") or match.group("perw") or (match.group("pers") or "")[1:]
    return _PERS.get(raw) if raw else None


def _digit_amounts(text: str) -> Iterator[re.Match[str]]:
    """The matches of _AMOUNT_RE.finditer(text), without scanning the stretches far from any digit.

    Every match holds a number, and at most _MAX_LEAD characters (sign, currency, space) come
    before its first digit, so no match can start earlier than that before the next digit.
    Searching from there finds exactly the match finditer would: about a third of the time on a
    sentence with one number in it.
    """
    position = 0
    while (digit := _DIGIT.search(text, position)) is not None:
        match = _AMOUNT_RE.search(text, max(position, digit.start() - _MAX_LEAD))
        if match is None:
            return
        yield match
        position = match.end()  # never empty: a match holds at least one digit


def find_amounts(text: str, words: frozenset[str] | set[str] | None = None) -> list[Amount]:
    """Every amount in `text` (already :func:`normalise`-d), in order of appearance.

    `words`, the set of words in the text if the caller has it, lets messages without number
    words skip that search. At most :data:`MAX_CANDIDATES` numbers of each kind are examined.
    """
    if "<" in text:
        text = _PLATFORM_TOKEN.sub(lambda m: " " * len(m[0]), text)  # same length: spans stay right
    taken: list[tuple[int, int]] = []
    found = _claim(taken, (_from_digits(text, m) for m in _first(_digit_amounts(text))))
    if words is None or not _SPELLED_WORDS.isdisjoint(words):
        found += _claim(taken, (_from_words(text, m, taken) for m in _first(_WORD_AMOUNT_RE.finditer(text))))
    if words is None or not _COUPLE_WORDS.isdisjoint(words):
        found += [a for m in _first(_COUPLE_RE.finditer(text)) if (a := _from_couple(m, taken)) is not None]
    if " of " in text or "earlier" in text or "sooner" in text or "later" in text or " day" in text:
        found = _parts_and_shifts(text, found)
    found.sort(key=lambda a: a.start)
    if " instead of " in text or " rather than " in text or " versus " in text:
        found = _compared_units(text, found)
    return _merge_ranges(text, found[:MAX_AMOUNTS])


def _compared_units(text: str, found: list[Amount]) -> list[Amount]:
    """ "three remote days instead of two", "over three years rather than four": a bare number compared with the
    figure just before it is counted in that figure's unit."""
    for i in range(1, len(found)):
        a, previous = found[i], found[i - 1]
        if (a.unit is None and not a.explicit_money and previous.unit not in (None, "money")
                and _COMPARED_BEFORE.search(text, max(previous.end, a.start - 24), a.start)):
            found[i] = replace(a, unit=previous.unit)
    return found


def _parts_and_shifts(text: str, found: list[Amount]) -> list[Amount]:
    """ "two of the four remote days" is 2 days (the four is what there is); "a month earlier" is 1 month; "a third
    remote day" is 3 days."""
    parts = " of the " in text or " of my " in text or " of your " in text or " of our " in text or " of th" in text
    for m in _first(_PART_OF.finditer(text)) if parts else ():
        value = float(m["num"]) if m["num"].isdigit() else float(_WORD_NUMBERS[m["num"]])
        found = [a for a in found if not (m.start() <= a.start < m.end())]
        found.append(Amount(value=value, unit=_UNITS[m["unit"]], start=m.start(), end=m.end("num")))
        whole = m["whole"]
        if whole is not None and (whole.isdigit() or whole in _WORD_NUMBERS):
            # the whole the part is taken from is a figure of its own: the offer's "18 days" in "2 of the 18 days"
            found.append(Amount(value=float(whole) if whole.isdigit() else float(_WORD_NUMBERS[whole]),
                                unit=_UNITS[m["unit"]], start=m.start("whole"), end=m.end()))
    ordinals = " day" in text and any(word in text for word in _ORDINALS)
    for m in _first(_ORDINAL_DAY.finditer(text)) if ordinals else ():
        if not any(a.start <= m.start() < a.end or m.start() <= a.start < m.end() for a in found):
            found.append(Amount(value=float(_ORDINALS[m["ord"]]), unit="days", start=m.start(), end=m.end()))
    shifts = "earlier" in text or "sooner" in text or "later" in text
    for m in _first(_ONE_SHIFT.finditer(text)) if shifts else ():
        if not any(a.start <= m.start() < a.end or m.start() <= a.start < m.end() for a in found):
            found.append(Amount(value=1.0, unit=_UNITS[m["unit"]], start=m.start(), end=m.end()))
    return found


def _first(matches: Iterator[re.Match[str]]) -> Iterator[re.Match[str]]:
    return islice(matches, MAX_CANDIDATES)


def _claim(taken: list[tuple[int, int]], amounts: Iterator[Amount | None]) -> list[Amount]:
    """The amounts read, each span recorded in `taken` as it comes, so later readings skip it."""
    found: list[Amount] = []
    for amount in amounts:
        if amount is not None:
            found.append(amount)
            taken.append((amount.start, amount.end))
    return found


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in taken)


def _from_digits(text: str, m: re.Match[str]) -> Amount | None:
    """The amount a match of _AMOUNT_RE holds: "$120k", "10%", "3 weeks"; None for a year, a clock, a list."""
    # All groups in one call: a dozen separate m.group() calls were a fifth of find_amounts.
    presign, cur1, sign, raw_number, mult, cur2, unit_word = m.group(
        "presign", "cur1", "sign", "num", "mult", "cur2", "unit"
    )
    if not unit_word and (after := _ORDINAL_OR_CLOCK.match(text, m.end("num"))) and not (
            after[0] == ")" and (cur1 or cur2 or "," in raw_number
                                 or _ASIDE_OPEN.search(text, max(0, m.start() - 40), m.start()))):
        return None  # "1st", "9am", "2)" in a list; but "step 4 ($82,000)", "(offer has 0)" close an aside
    if mult == "m" and unit_word is None and not (cur1 or cur2) and _small_whole(raw_number, 36):
        mult, unit_word = None, "months"  # "6m" alone is more often months than millions here
    value = _parse_number(raw_number, mult is not None)
    start = m.start()
    if presign and not cur1 and text[m.end("presign")].isspace():
        presign, start = None, m.start("num")  # "leave - 24 in total": a dash between clauses, no minus
    while text[start] == " ":
        start += 1
    if value is None or (presign and start > 0 and (text[start - 1].isdigit() or text[start - 1] == "-")):
        return None
    value *= (-1 if (sign or presign) == "-" else 1) * (_MULTIPLIERS[mult] if mult else 1)
    cur = cur1 or cur2
    currency = _currency_of(cur)
    unit = _unit_of(unit_word) or ("money" if currency or mult else None)
    if not math.isfinite(value) or (unit is None and not cur and (
            _not_an_amount(text, raw_number, m.end())
            or (_says_a_rung(text) and _RANK_BEFORE.search(text, max(0, start - 12), start)))):
        return None  # a year, a count of payments, or a rung on a scale ("step 4", "grade 8")
    end = m.end()
    relative = (sign or presign) == "+" or _relative_around(text, start, end)
    if (unit is None and not cur and value < 100 and _says_a_count(text[:start])
            and _ELLIPSIS_BEFORE.search(text, max(0, start - 16), start)):
        unit = _unit_said_before(text, start, end)  # "1 month? give me 2": two months
    if unit is None:
        # "3 more days", "5 extra wfh days": the unit follows the relative word
        follow = _UNIT_AFTER_MORE.match(text[end : end + 20])
        if follow and follow.group(1) in _UNITS and len(follow.group(1)) > 1:
            unit = _UNITS[follow.group(1)]
            relative = True
    return Amount(
        value=value,
        unit=unit,
        start=start,
        end=end,
        currency=currency,
        per=_per_of(m) or ("year" if mult == "lpa" else None) or (_per_after_more(text, end) if relative else None),
        relative=relative,
        explicit_money=bool(currency or (mult and mult not in ("thousand", "thousands"))),
        doubtful="e" in raw_number or _beyond_sane(value, unit),
    )


def _says_a_rung(text: str) -> bool:
    """Whether the text may name a rung of a pay scale (a cheap check before the patterns)."""
    return "step" in text or "grade" in text or "level" in text or "band" in text or "tier" in text or "rung" in text


def _says_a_count(text: str) -> bool:
    """Whether the text may count days, weeks, months or hours (a cheap check before the patterns)."""
    return "day" in text or "week" in text or "month" in text or "hour" in text


def _not_an_amount(text: str, raw_number: str, end: int) -> bool:
    """A bare number that is a year ("2024") or a count of payments ("14 salaries")."""
    if raw_number.isdigit() and len(raw_number) == 4 and 1950 <= int(raw_number) <= 2100:
        # "in 2024" is a year; "at least 2000 for equipment" is a sum
        start = end - len(raw_number)
        return not (_SUM_AFTER.match(text, end) and not _YEAR_BEFORE.search(text, max(0, start - 8), start))
    return bool(_PAYMENT_COUNT.match(text, end))


def _per_after_more(text: str, end: int) -> str | None:
    follow = _PER_AFTER_MORE.match(text, end, end + 40)
    return _PERS.get(follow.group(1)) if follow else None


def _beyond_sane(value: float, unit: str | None) -> bool:
    return abs(value) > _SANE_LIMIT.get(unit, _SANE_TIME)


def _currency_of(written: str | None) -> str | None:
    if not written:
        return None
    return _CURRENCY_SYMBOLS.get(written.strip()) or _CURRENCY_WORDS.get(written.strip())


def _unit_of(unit_word: str | None) -> str | None:
    if not unit_word:
        return None
    unit = _UNITS.get(unit_word)
    if unit is None and unit_word.startswith("per"):
        return "percent"
    return unit


def _relative_around(text: str, start: int, end: int) -> bool:
    """Whether the words around an amount put it on top of the current value: "another 2k", "5k more"."""
    before = text[max(0, start - 16) : start]
    return bool(_RELATIVE_BEFORE.search(before)) or bool(_RELATIVE_AFTER.match(text[end : end + 20]))


# "three remote days instead of two", "hybrid days (two rather than one)": a small number word compared with a
# figure just said is an amount, in that figure's unit
_COMPARED_BEFORE = re.compile(
    r"\b(?:instead of|rather than|versus|vs\.?|up from|from)\s+(?:the |your |my )?(?:current |existing |present )?$")
_NOT_COMPARED_AFTER = re.compile(r"\s+(?:of|in|on|to|at)\b")
# "a few thousand more", "chase the last thousand on base": a scale word with no number of its own after a word of
# vague quantity names no figure
_VAGUE_BEFORE = re.compile(r"\b(?:few|several|couple(?: of)?|last|many|odd)\s+$")
# "one or two days", "two to three weeks": a number word whose unit is said once, after the other end
_UNIT_AFTER_OTHER_END = re.compile(
    r"\s*(?:or|to|-|–)\s*(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+([a-z]+)\b")


def _a_vague_scale(text: str, m: re.Match[str]) -> bool:
    """ "a few thousand", "the last thousand": a scale word alone after a word of vague quantity."""
    return (m.group("num").strip() in _WORD_SCALES
            and _VAGUE_BEFORE.search(text, max(0, m.start() - 16), m.start()) is not None)


def _from_words(text: str, m: re.Match[str], taken: list[tuple[int, int]]) -> Amount | None:
    """The amount a match of _WORD_AMOUNT_RE spells out: "ninety thousand", "two remote days"."""
    if _overlaps(taken, m.start(), m.end()):
        return None
    spoken = m.group("num").strip()
    unit_word = m.group("unit")
    if not unit_word and (other_end := _UNIT_AFTER_OTHER_END.match(text, m.end())) is not None and (
            other_end.group(1) in _UNITS):
        unit_word = other_end.group(1)  # "one or two days": days
    if spoken == "one" and not unit_word and not _COMPARED_BEFORE.search(text, max(0, m.start() - 24), m.start()):
        return None  # "one" is mostly a pronoun ("that one")
    value = None if _a_vague_scale(text, m) else _words_to_number(spoken)
    if value is None:
        return None
    value *= 1000 if m.group("kilo") and value < 1000 else 1  # "eighty-five k"
    cur = m.group("cur2")
    unit = _UNITS.get(unit_word) if unit_word else None
    if unit_word and unit_word.startswith("per"):
        unit = "percent"
    if unit is None and not cur and value < 1000:
        described = _UNIT_AFTER_ONE_WORD.match(text, m.end())
        if described:
            unit = _UNITS.get(described.group(1))  # "two remote days", "four paid weeks"
    if cur or (unit is None and value >= 1000):
        unit = "money"
    if unit is None and value < 1000 and " to " in text and (
            moved := _FROM_UNIT_TO.search(text, max(0, m.start() - 40), m.start())) is not None:
        unit = _UNITS.get(moved.group(1))
    if unit is None and value < 1000 and _says_a_count(text[: m.start()]) and (
            _ELLIPSIS_BEFORE.search(text, max(0, m.start() - 16), m.start()) or _JUDGED_AFTER.match(text, m.end())):
        unit = _unit_said_before(text, m.start(), m.end())  # "two weeks is too soon, I need six": six weeks
    if unit is None and value < 1000 and text.strip(" .!?") != m.group(0).strip() and not (
            _COMPARED_BEFORE.search(text, max(0, m.start() - 24), m.start())
            and not _NOT_COMPARED_AFTER.match(text, m.end())):
        return None  # "two of us", "one thing": a bare small number word is no amount, unless it is all that is said
    relative = _relative_around(text, m.start(), m.end()) or bool(m.group("extra"))
    return Amount(
        value=value,
        unit=unit,
        start=m.start(),
        end=m.end(),
        currency=_CURRENCY_WORDS.get(cur) if cur else None,
        per=_per_of(m) or (_per_after_more(text, m.end()) if relative else None),
        relative=relative,
        explicit_money=bool(cur),
        doubtful=_beyond_sane(value, unit),
    )


def _unit_said_before(text: str, start: int, end: int) -> str | None:
    """The unit of a count said earlier in the same sentence or the one before, for a number that ends its clause
    and leaves the unit out ("two weeks is too soon, I need six", "one month? make it two"); None when there is no
    such unit or the clause goes on."""
    if not (_CLAUSE_END.match(text, end) or _JUDGED_AFTER.match(text, end)):
        return None
    sentence = _sentence_start(text, start)
    units = _COUNT_AND_UNIT.findall(text, _sentence_start(text, sentence - 1) if sentence else 0, start)
    return _UNITS.get(units[-1]) if units else None


def _sentence_start(text: str, before: int) -> int:
    """Where the sentence holding position ``before`` starts (0 for the first)."""
    return max(text.rfind(". ", 0, before), text.rfind("? ", 0, before), text.rfind("! ", 0, before), 0)


def _from_couple(m: re.Match[str], taken: list[tuple[int, int]]) -> Amount | None:
    """"a couple of days", "another week", "an extra day": one or two of a unit, said without a number."""
    if _overlaps(taken, m.start(), m.end()):
        return None
    lead = m.group("lead")
    if "couple" not in lead and m.group("unit").endswith("s"):
        return None  # "the extra vacation days", "another weeks off": days spoken of, not one of them
    return Amount(
        value=2.0 if "couple" in lead else 1.0,
        unit=_UNITS[m.group("unit")],
        start=m.start(),
        end=m.end(),
        relative=(lead.split()[0] in ("another", "an", "a", "one", "the") and "couple" not in lead)
        or "more" in m.group(0),
    )


def _about_so_many(low: Amount, high: Amount) -> bool:
    """ "three or four weeks", "2 or 3 days": neighbouring counts joined by "or" say roughly how many, a range."""
    return high.unit in ("days", "weeks", "months", "hours") and 0 < high.value - low.value <= 1


def _merge_ranges(text: str, amounts: list[Amount]) -> list[Amount]:
    """Join "130-140k", "between 20 and 25 days", "$120k to $130k" into one amount at the low end."""
    if len(amounts) < 2:
        return amounts
    merged: list[Amount] = []
    rungs = _says_a_rung(text)
    i = 0
    while i < len(amounts):
        low = amounts[i]
        high = amounts[i + 1] if i + 1 < len(amounts) else None
        between = text[low.end : high.start] if high is not None else ""
        if rungs and (said := _RUNG_SAID.match(between)) is not None:
            between = between[said.end():]
        if high is not None and _RANGE_JOIN.match(between) and not (
                ("gap" in text or "differ" in text or "distance" in text)
                and _GAP_BEFORE.search(text, max(0, low.start - 30), low.start)):
            joiner = between.strip()  # "from $71,200 at step 1 to $89,000": the rung said beside the low end aside
            low_value = low.value
            if (low.unit is None or (low.unit == "money" and low.currency is not None and high.currency is None)) and (
                    high.unit == "money" and 0 < low_value < 1000 <= high.value and low_value * 1000 <= high.value):
                low_value *= 1000  # "130-140k", "$20–40k": the k belongs to both ends
            same_unit = low.unit in (None, high.unit)
            spoken_range = (joiner in ("-", "to", "until", "till") or bool(_BETWEEN.search(text[: low.start]))
                            or (joiner == "or" and _about_so_many(low, high)))
            if same_unit and spoken_range and low_value <= high.value:
                merged.append(
                    Amount(
                        value=low_value,
                        unit=low.unit or high.unit,
                        start=low.start,
                        end=high.end,
                        currency=low.currency or high.currency,
                        per=low.per or high.per,
                        relative=low.relative or high.relative,
                        range=(low_value, high.value),
                        explicit_money=low.explicit_money or high.explicit_money,
                    )
                )
                i += 2
                continue
        merged.append(low)
        i += 1
    return merged
