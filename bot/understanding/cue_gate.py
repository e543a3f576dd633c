"""A cheap test that tells which cue patterns cannot match a message, so their searches are skipped.

Reading one message runs a few dozen long-alternation searches (:mod:`bot.understanding.cues`), each costing
a few microseconds even when it finds nothing, and most find nothing. For every pattern this
module works out, from the compiled pattern itself, a set of literal strings one of which any
match must contain ("sounds? (?:good|great)" needs "sound"); :meth:`CueGate.scan` then looks at
the message's three-letter pieces once and answers, for every pattern at the same time, "may
match" or "certainly does not". The answer is exact by construction: a pattern is skipped only
when none of its required strings occurs, and a pattern it cannot analyse is never skipped.

The search results are therefore the same as without the gate; only the time differs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

__all__ = ["CueGate", "MayMatch", "required_strings"]

_GRAM = 5  # required strings are looked up by their first three characters
_MIN_USEFUL = 2  # a pattern that may match wherever "no" or "k" occurs is not worth gating
_MAX_VARIANTS = 256  # expansions bigger than this are not worth enumerating
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
Strings = set[str]
_LEADING_NON_WORD = re.compile(r"\W*")
_WORD_START = re.compile(r"\w")


def required_strings(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Literal strings one of which every match of `pattern` contains; None when none is known."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        found = _required(sre_parse.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # an internal parser this module does not know: never skip that pattern
        return None
    return frozenset(found) if found else None


def _exact(items: Iterable[tuple]) -> Strings | None:
    """Every string the sequence can match, when it is a small finite set; else None."""
    out: Strings = {""}
    for op, arg in items:
        variants: Strings | None
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            variants = {chr(arg)}
        elif op is sre.SUBPATTERN:
            if arg[1] & re.IGNORECASE:
                return None
            variants = _exact(arg[3])
        elif op is sre.BRANCH:
            variants = set()
            for alternative in arg[1]:
                branch = _exact(alternative)
                if branch is None:
                    return None
                variants |= branch
        elif op is sre.IN:
            variants = _class(arg)
        elif op in _REPEATS and arg[1] <= 1:
            body = _exact(arg[2])
            variants = None if body is None else body | ({""} if arg[0] == 0 else set())
        else:
            return None
        if variants is None or len(out) * len(variants) > _MAX_VARIANTS:
            return None
        out = {a + b for a in out for b in variants}
    return out


def _prefixes(items: list[tuple]) -> Strings | None:
    """Strings one of which every match of the sequence starts with; None when only "" is known."""
    run: Strings = {""}
    for item in items:
        op, arg = item
        if op in _ZERO_WIDTH:
            continue
        variants = _exact([item])
        if variants is not None and len(run) * len(variants) <= _MAX_VARIANTS:
            run = {a + b for a in run for b in variants}
            continue
        starts: Strings | None = None
        if op is sre.SUBPATTERN and not arg[1] & re.IGNORECASE:
            starts = _prefixes(arg[3])
        elif op is sre.BRANCH:
            alternatives = [_prefixes(alternative) for alternative in arg[1]]
            starts = set().union(*alternatives) if all(alternatives) else None  # type: ignore[arg-type]
        elif op in _REPEATS and arg[0] >= 1:
            starts = _prefixes(arg[2])
        if starts and len(run) * len(starts) <= _MAX_VARIANTS:
            run = {a + b for a in run for b in starts}
        break
    return None if run == {""} else run


def _class(items: list[tuple]) -> Strings | None:
    chars: Strings = set()
    for op, arg in items:
        if op is sre.LITERAL:
            chars.add(chr(arg))
        elif op is sre.RANGE and arg[1] - arg[0] < 8:
            chars.update(chr(c) for c in range(arg[0], arg[1] + 1))
        else:
            return None  # a negated class, \w, a wide range: any character, as far as we know
    return chars


def _quality(strings: Strings | None) -> tuple[int, int]:
    if not strings or "" in strings:
        return (-1, 0)
    return (min(len(s) for s in strings), -len(strings))  # longer strings skip more; fewer cost less


def _required(items: list[tuple]) -> Strings | None:
    """The best set of strings one of which any match of the sequence contains."""
    best: Strings | None = None
    run: Strings = {""}  # what the current stretch of contiguous text can be

    def consider(candidate: Strings | None) -> None:
        nonlocal best
        if _quality(candidate) > _quality(best):
            best = candidate

    for item in items:
        op, arg = item
        if op in _ZERO_WIDTH:
            continue  # consumes nothing, so the text on both sides stays contiguous
        variants = _exact([item])
        if variants is not None and len(run) * len(variants) <= _MAX_VARIANTS:
            run = {a + b for a in run for b in variants}
            continue
        if op in _REPEATS and arg[0] >= 1:
            body = _exact(arg[2])
            if body is not None and len(run) * len(body) <= _MAX_VARIANTS:
                # "hel+o": at least one copy follows the run, and the text after the repeat
                # follows the last copy
                consider({a + b for a in run for b in body})
                run = body
                continue
        starts = _prefixes([item])
        if starts and len(run) * len(starts) <= _MAX_VARIANTS:
            consider({a + b for a in run for b in starts})  # "h(?:i+|ello+)": "hi" or "hello"
        consider(run)
        run = {""}
        if variants is not None:
            run = variants
        elif op is sre.SUBPATTERN:
            consider(_required(arg[3]))
        elif op is sre.BRANCH:
            alternatives = [_required(alternative) for alternative in arg[1]]
            if all(alternatives):
                consider(set().union(*alternatives))  # type: ignore[arg-type]
        elif op in _REPEATS and arg[0] >= 1:
            consider(_required(arg[2]))
    consider(run)
    return best if _quality(best) > (0, 0) else None


@dataclass(frozen=True)
class _Needs:
    """What must be in a text for one pattern to match it."""

    anywhere: frozenset[str]  # one of these strings, anywhere
    # For a whole-text search, a "^"-anchored alternative needs the text to start with one of
    # these (after its leading non-word characters when the pattern skips them with "\W*").
    at_start: tuple[tuple[tuple[str, ...], bool], ...] = ()


def _needs(pattern: re.Pattern[str], whole_text: bool) -> _Needs | None:
    """What `pattern` needs, or None when it cannot be told; `whole_text`: it is only searched on a
    whole message from its first character, so "^" means the message's start."""
    strings = required_strings(pattern)
    plain = None if strings is None else _Needs(strings)
    if not whole_text or pattern.flags & (re.IGNORECASE | re.MULTILINE):
        return plain
    try:
        data = sre_parse.parse(pattern.pattern, pattern.flags).data
    except Exception:  # an internal parser this module does not know: never skip that pattern
        return plain
    alternatives = data[0][1][1] if len(data) == 1 and data[0][0] is sre.BRANCH else [data]
    anywhere: set[str] = set()
    at_start: list[tuple[tuple[str, ...], bool]] = []
    for items in alternatives:
        if items and items[0] == (sre.AT, sre.AT_BEGINNING):
            rest, skips = items[1:], False
            if rest and _is_non_word_run(rest[0]):
                rest, skips = rest[1:], True
            starts = _prefixes(rest)
            # After "\W*" only a word character can come next, so the run was taken whole.
            if not starts or "" in starts or (skips and not all(_WORD_START.match(s) for s in starts)):
                return plain
            at_start.append((tuple(sorted(starts)), skips))
        else:
            found = _required(items)
            if not found:
                return plain
            anywhere |= found
    return _Needs(frozenset(anywhere), tuple(at_start))


def _is_non_word_run(item: tuple) -> bool:
    r"""Whether a parsed item is "\W*"."""
    op, arg = item
    if op is not sre.MAX_REPEAT or arg[0] != 0 or arg[1] != sre.MAXREPEAT or len(arg[2]) != 1:
        return False
    body_op, body_arg = arg[2][0]
    return body_op is sre.IN and list(body_arg) == [(sre.CATEGORY, sre.CATEGORY_NOT_WORD)]


class MayMatch:
    """The gate's answer for one text: ``pattern in answer`` is False only if it cannot match there."""

    __slots__ = ("_bits", "_mask")

    def __init__(self, bits: dict[int, int], mask: int) -> None:
        self._bits = bits
        self._mask = mask

    def __contains__(self, pattern: object) -> bool:
        bit = self._bits.get(id(pattern))
        return bit is None or bool(self._mask & bit)


class CueGate:
    """Built once from the patterns worth gating; :meth:`scan` per message."""

    def __init__(
        self, patterns: Iterable[re.Pattern[str]], *, whole_text: Iterable[re.Pattern[str]] = ()
    ) -> None:
        """`whole_text`: patterns only ever searched on a whole message, so "^" can be gated too.

        For those, :meth:`scan`'s answer holds for the whole message only, not for parts of it.
        """
        # Keyed by id: hashing a compiled pattern hashes its whole program, every time.
        self._bits: dict[int, int] = {}
        self._patterns: list[re.Pattern[str]] = []  # keeps the ids valid
        self._by_gram: dict[str, int] = {}
        short: dict[str, int] = {}
        at_start: list[tuple[tuple[str, ...], bool, int]] = []
        whole = {id(pattern) for pattern in whole_text}
        for pattern in [*patterns, *whole_text]:
            needs = _needs(pattern, id(pattern) in whole)
            if needs is None or id(pattern) in self._bits:
                continue
            if needs.anywhere and min(map(len, needs.anywhere)) < _MIN_USEFUL:
                continue
            bit = 1 << len(self._bits)
            self._bits[id(pattern)] = bit
            self._patterns.append(pattern)
            at_start += [(starts, skips, bit) for starts, skips in needs.at_start]
            for string in needs.anywhere:
                if len(string) >= _GRAM:
                    gram = string[:_GRAM]
                    self._by_gram[gram] = self._by_gram.get(gram, 0) | bit
                else:
                    short[string] = short.get(string, 0) | bit
        self._short = tuple(short.items())
        self._at_start = tuple(at_start)
        self._grams = frozenset(self._by_gram)
        self._whole = {id(p) for p in self._patterns if id(p) in whole}

    @property
    def gated(self) -> frozenset[re.Pattern[str]]:
        return frozenset(self._patterns)

    @property
    def whole_text_only(self) -> frozenset[re.Pattern[str]]:
        """The gated patterns whose answer holds for a whole message only, not for parts of it."""
        return frozenset(p for p in self._patterns if id(p) in self._whole)

    def scan(self, text: str) -> MayMatch:
        """Which gated patterns may match `text` or any part of it."""
        by_gram = self._by_gram
        mask = 0
        # The intersection runs in C; only the few pieces that some pattern needs reach the loop.
        for gram in self._grams.intersection({text[i : i + _GRAM] for i in range(len(text) - _GRAM + 1)}):
            mask |= by_gram[gram]
        for string, bits in self._short:
            if string in text:
                mask |= bits
        if self._at_start:
            lead = _LEADING_NON_WORD.match(text).end()  # type: ignore[union-attr]  # \W* always matches
            for starts, skips, bits in self._at_start:
                if text.startswith(starts, lead if skips else 0):
                    mask |= bits
        return MayMatch(self._bits, mask)
