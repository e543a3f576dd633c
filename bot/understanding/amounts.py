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
from dataclasses import dataclass

__all__ = ["Amount", "find_amounts", "normalise"]


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
}  # fmt: skip
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
_WORD_SCALES = {"hundred": 100, "thousand": 1e3, "grand": 1e3, "million": 1e6, "k": 1e3}

_CUR_SYM = r"(?:us\$|\$|€|£|₪|₹)"
_CUR_WORD = r"(?:" + "|".join(sorted(_CURRENCY_WORDS, key=len, reverse=True)) + r")"
_MULT = r"(?:thousands?|grand|millions?|billion|lakhs?|mil|mm|bn|k|m)"
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
_NUMBER = r"\d{1,3}(?: \d{3})+(?![\d.,])|\d+(?:[.,]\d+)*(?:\.\d+)?(?:e[+-]?\d+)?"

_AMOUNT_RE = re.compile(
    r"(?<![\w.:/])"
    r"(?P<presign>[-+])?"
    r"(?P<cur1>" + _CUR_SYM + r"|\b(?:usd|eur|gbp|nis|ils|chf|cad|aud|inr)\b)?\s?"
    r"(?P<sign>[-+])?"
    r"(?P<num>" + _NUMBER + r")"
    r"(?:\s?(?P<mult>" + _MULT + r")\b)?"
    r"(?:\s?(?P<cur2>" + _CUR_SYM + r"|" + _CUR_WORD + r"\b))?"
    r"(?:\s?(?:-\s?)?(?P<unit>" + _UNIT + r")(?![\w]))?"
    r"(?:" + _PER + r")?"
)
_WORDNUM = "|".join(sorted([*_WORD_NUMBERS, "hundred", "thousand", "million", "grand"], key=len, reverse=True))
_WORD_AMOUNT_RE = re.compile(
    r"\b(?P<num>(?:(?:" + _WORDNUM + r")(?:[\s-]+(?:and[\s-]+)?(?=(?:" + _WORDNUM + r")\b))?)+)\b"
    r"(?:\s?(?P<cur2>" + _CUR_WORD + r")\b)?"
    r"(?:\s?(?P<extra>more |extra |additional )?(?:-\s?)?(?P<unit>%|percent|per cent|days?|weeks?|wks?|months?|years?|"
    r"hours?|hrs?)\b)?"
    r"(?:" + _PER + r")?"
)
_COUPLE_RE = re.compile(
    r"\b(?P<lead>a couple(?: of)?|couple(?: of)?|another|an? (?:extra|additional)|one (?:more|extra|additional)|"
    r"a further|"
    r"(?:back|later|earlier|by|within) an?)\s+"
    r"(?:more\s+|extra\s+)?(?:(?!and\b|or\b)[a-z]{2,12}\s+)?(?P<unit>days?|weeks?|months?|hours?|years?)\b"
)
_RELATIVE_BEFORE = re.compile(
    r"(?:\+|\b(?:another|extra|additional|plus|an additional|an extra|further|up))\s*$"
)
_UNIT_AFTER_MORE = re.compile(r"\s*(?:more|extra|additional)\s+(\w+)")
_RELATIVE_AFTER = re.compile(r"^\s*(?:more|extra|additional|on top|in addition|above|over that)\b")
_ORDINAL_OR_CLOCK = re.compile(r"(?:st|nd|rd|th|am|pm|a\.m|p\.m|:\d|/\d|\.\d+\.\d|\))")
_UNIT_AFTER_ONE_WORD = re.compile(
    r"\s+(?:remote|home|office|wfh|vacation|holiday|pto|paid|working|free|sick|personal|flex|extra|more)\s+"
    r"(days?|weeks?|hours?)\b"
)
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|or|and)\s*$")
_BETWEEN = re.compile(r"\b(?:between|from)\s*$")


_DIGIT = re.compile(r"\d")
_MAX_LEAD = 6  # presign, a three-letter currency ("us$", "usd"), a space and a sign before a number
_SPELLED_WORDS = frozenset([*_WORD_NUMBERS, "hundred", "thousand", "million", "grand"])
# The lead words of _COUPLE_RE: a message with none of them skips that search.
_COUPLE_WORDS = frozenset(
    {"couple", "another", "extra", "additional", "more", "further", "back", "later", "earlier", "by", "within", "one"}
)


def normalise(text: str) -> str:
    """Lowercase, with typographic dashes and spaces made plain (length preserved where possible)."""
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
    raw = raw.replace(" ", "")  # "125 000"
    if "e" in raw:
        try:
            value = float(raw.replace(",", ""))
        except ValueError:
            return None
        return value if math.isfinite(value) else None
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
            return None  # "1,2,3": a list, not a number
    elif raw.count(".") > 1:
        groups = raw.split(".")
        if not all(len(g) == 3 for g in groups[1:]):
            return None
        raw = raw.replace(".", "")
    elif "." in raw and not has_multiplier:
        whole, frac = raw.split(".")
        if len(frac) == 3 and len(whole) <= 3 and whole != "0":
            raw = whole + frac  # "90.000": a thousands separator, as written in much of Europe
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _words_to_number(words: str) -> float | None:
    total = 0.0
    current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", words):
        if word in ("and", ""):
            continue
        if word in _WORD_NUMBERS:
            current += _WORD_NUMBERS[word]
            seen = True
        elif word == "hundred":
            current = (current or 1) * 100
            seen = True
        elif word in _WORD_SCALES:
            total += (current or 1) * _WORD_SCALES[word]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


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
    words skip that search.
    """
    taken: list[tuple[int, int]] = []
    found = _claim(taken, (_from_digits(text, m) for m in _digit_amounts(text)))
    if words is None or not _SPELLED_WORDS.isdisjoint(words):
        found += _claim(taken, (_from_words(text, m, taken) for m in _WORD_AMOUNT_RE.finditer(text)))
    if words is None or not _COUPLE_WORDS.isdisjoint(words):
        found += [a for m in _COUPLE_RE.finditer(text) if (a := _from_couple(m, taken)) is not None]
    found.sort(key=lambda a: a.start)
    return _merge_ranges(text, found)


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
    if not unit_word and _ORDINAL_OR_CLOCK.match(text, m.end("num")):
        return None
    if mult == "m" and unit_word is None and not (cur1 or cur2) and raw_number.isdigit() and int(raw_number) <= 36:
        mult, unit_word = None, "months"  # "6m" alone is more often months than millions here
    value = _parse_number(raw_number, mult is not None)
    if value is None:
        return None
    if mult:
        value *= _MULTIPLIERS[mult]
    sign = sign or presign
    start = m.start()
    while text[start] == " ":
        start += 1
    if presign and start > 0 and (text[start - 1].isdigit() or text[start - 1] == "-"):
        return None
    if sign == "-":
        value = -value
    cur = cur1 or cur2
    currency = _currency_of(cur)
    unit = _unit_of(unit_word)
    if currency or (mult and unit is None):
        unit = unit or "money"
    if not math.isfinite(value):
        return None
    if raw_number.isdigit() and len(raw_number) == 4 and not (cur or mult or unit) and 1950 <= int(raw_number) <= 2100:
        return None  # a year, not an amount
    end = m.end()
    relative = sign == "+" or _relative_around(text, start, end)
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
        per=_per_of(m),
        relative=relative,
        explicit_money=bool(currency or (mult and mult not in ("thousand", "thousands"))),
    )


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


def _from_words(text: str, m: re.Match[str], taken: list[tuple[int, int]]) -> Amount | None:
    """The amount a match of _WORD_AMOUNT_RE spells out: "ninety thousand", "two remote days"."""
    if _overlaps(taken, m.start(), m.end()):
        return None
    spoken = m.group("num").strip()
    unit_word = m.group("unit")
    if spoken == "one" and not unit_word:
        return None  # "one" is mostly a pronoun ("that one")
    value = _words_to_number(spoken)
    if value is None:
        return None
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
    if unit is None and value < 1000:
        return None  # "two of us", "one thing": a bare small number word is not an amount
    return Amount(
        value=value,
        unit=unit,
        start=m.start(),
        end=m.end(),
        currency=_CURRENCY_WORDS.get(cur) if cur else None,
        per=_per_of(m),
        relative=_relative_around(text, m.start(), m.end()) or bool(m.group("extra")),
        explicit_money=bool(cur),
    )


def _from_couple(m: re.Match[str], taken: list[tuple[int, int]]) -> Amount | None:
    """"a couple of days", "another week", "an extra day": one or two of a unit, said without a number."""
    if _overlaps(taken, m.start(), m.end()):
        return None
    lead = m.group("lead")
    return Amount(
        value=2.0 if "couple" in lead else 1.0,
        unit=_UNITS[m.group("unit")],
        start=m.start(),
        end=m.end(),
        relative=(lead.split()[0] in ("another", "an", "a", "one") and "couple" not in lead) or "more" in m.group(0),
    )


def _merge_ranges(text: str, amounts: list[Amount]) -> list[Amount]:
    """Join "130-140k", "between 20 and 25 days", "$120k to $130k" into one amount at the low end."""
    if len(amounts) < 2:
        return amounts
    merged: list[Amount] = []
    i = 0
    while i < len(amounts):
        low = amounts[i]
        high = amounts[i + 1] if i + 1 < len(amounts) else None
        if high is not None and _RANGE_JOIN.match(text[low.end : high.start]):
            joiner = text[low.end : high.start].strip()
            low_value = low.value
            if low.unit is None and high.unit == "money" and 0 < low_value < 1000 <= high.value:
                low_value *= 1000  # "130-140k": the k belongs to both ends
            same_unit = low.unit in (None, high.unit)
            spoken_range = joiner in ("-", "to") or bool(_BETWEEN.search(text[: low.start]))
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
