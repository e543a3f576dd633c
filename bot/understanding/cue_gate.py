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

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.playbooks import user_cache

__all__ = ["CueGate", "MayMatch", "parse", "required_strings"]

_GRAM = 5  # required strings are looked up by their first three characters
_MIN_USEFUL = 2  # a pattern that may match wherever "no" or "k" occurs is not worth gating
_MAX_VARIANTS = 256  # expansions bigger than this are not worth enumerating
_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT")
MAXREPEAT = 1 << 32  # an unbounded repeat's maximum
Strings = set[str]
Item = tuple  # (op, argument), as parse() builds them
_LEADING_NON_WORD = re.compile(r"\W*")
_WORD_START = re.compile(r"\w")


class Unsupported(ValueError):
    """Regex syntax this module does not parse: the pattern is then never skipped."""


# --- a small parser for the regex syntax the cue patterns use ------------------------------------------
# It builds the tree the analysis below walks: (op, argument) items, with the op names of CPython's own
# parser. Anything it does not know (inline flags, back-references, conditionals, verbose mode) raises
# Unsupported, and a pattern it cannot parse is simply never skipped.

_CATEGORIES = {"d": "DIGIT", "D": "NOT_DIGIT", "s": "SPACE", "S": "NOT_SPACE", "w": "WORD", "W": "NOT_WORD"}
_ANCHORS = {"b": "AT_BOUNDARY", "B": "AT_NON_BOUNDARY", "A": "AT_BEGINNING_STRING", "Z": "AT_END_STRING"}
_CONTROL = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "0": "\0"}
_QUANTIFIER = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")


def parse(source: str, flags: int = 0) -> list[Item]:
    """The items of a regex source; raises Unsupported for syntax outside what the cue patterns use."""
    if flags & (re.VERBOSE | re.ASCII | re.LOCALE):
        raise Unsupported("flags")
    parser = _Parser(source)
    items = parser.alternation()
    if parser.at < len(source):
        raise Unsupported(f"unbalanced ) at {parser.at}")
    return items


class _Parser:
    def __init__(self, source: str) -> None:
        self.src = source
        self.at = 0
        self.groups = 0

    def alternation(self) -> list[Item]:
        branches = [self.sequence()]
        while self.at < len(self.src) and self.src[self.at] == "|":
            self.at += 1
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else [("BRANCH", (None, branches))]

    def sequence(self) -> list[Item]:
        items: list[Item] = []
        while self.at < len(self.src) and self.src[self.at] not in "|)":
            atom = self.atom()
            items.append(self.quantified(atom))
        return items

    def quantified(self, atom: Item) -> Item:
        src, at = self.src, self.at
        if at >= len(src):
            return atom
        bounds: tuple[int, int] | None = None
        if src[at] in "*+?":
            bounds = {"*": (0, MAXREPEAT), "+": (1, MAXREPEAT), "?": (0, 1)}[src[at]]
            self.at += 1
        elif src[at] == "{" and (braces := _QUANTIFIER.match(src, at)) and (braces[1] or braces[3]):
            low = int(braces[1] or 0)
            high = MAXREPEAT if braces[2] and not braces[3] else int(braces[3] or braces[1])
            bounds = (low, high)
            self.at = braces.end()
        if bounds is None:
            return atom
        if atom[0] in _ZERO_WIDTH or atom[0] == "BRANCH":
            raise Unsupported("repeated assertion")
        op = "MAX_REPEAT"
        if self.at < len(src) and src[self.at] in "?+":
            op = "MIN_REPEAT" if src[self.at] == "?" else "MAX_REPEAT"  # possessive: still at least `low` copies
            self.at += 1
        return (op, (bounds[0], bounds[1], [atom]))

    def atom(self) -> Item:
        c = self.src[self.at]
        self.at += 1
        if c == "(":
            return self.group()
        if c == "[":
            return ("IN", self.char_class())
        if c == "\\":
            return self.escape(in_class=False)
        if c == ".":
            return ("ANY", None)
        if c == "^":
            return ("AT", "AT_BEGINNING")
        if c == "$":
            return ("AT", "AT_END")
        if c in "*+?":
            raise Unsupported("nothing to repeat")
        return ("LITERAL", ord(c))

    def group(self) -> Item:
        src = self.src
        kind, behind = None, False
        for opener, name in (("?:", ""), ("?=", "ASSERT"), ("?!", "ASSERT_NOT"), ("?<=", "ASSERT"),
                             ("?<!", "ASSERT_NOT"), ("?P<", "NAMED")):
            if src.startswith(opener, self.at):
                kind, behind, self.at = name, opener.startswith("?<"), self.at + len(opener)
                break
        else:
            if src.startswith("?", self.at):
                raise Unsupported("inline flags, back-references and other (? groups")
        if kind == "NAMED":
            close = src.index(">", self.at)
            self.at = close + 1
        items = self.alternation()
        if self.at >= len(src) or src[self.at] != ")":
            raise Unsupported("missing )")
        self.at += 1
        if kind in ("ASSERT", "ASSERT_NOT"):
            return (kind, (-1 if behind else 1, items))
        group = None
        if kind is None or kind == "NAMED":
            self.groups += 1
            group = self.groups
        return ("SUBPATTERN", (group, 0, 0, items))

    def char_class(self) -> list[Item]:
        src = self.src
        items: list[Item] = []
        if src.startswith("^", self.at):
            items.append(("NEGATE", None))
            self.at += 1
        first = True
        while True:
            if self.at >= len(src):
                raise Unsupported("missing ]")
            c = src[self.at]
            if c == "]" and not first:
                self.at += 1
                return items
            first = False
            self.at += 1
            item = self.escape(in_class=True) if c == "\\" else ("LITERAL", ord(c))
            if item[0] == "LITERAL" and src.startswith("-", self.at) and not src.startswith("-]", self.at):
                self.at += 1
                high = src[self.at]
                self.at += 1
                end = self.escape(in_class=True) if high == "\\" else ("LITERAL", ord(high))
                if end[0] != "LITERAL" or end[1] < item[1]:
                    raise Unsupported("bad range")
                item = ("RANGE", (item[1], end[1]))
            items.append(item)

    def escape(self, *, in_class: bool) -> Item:
        if self.at >= len(self.src):
            raise Unsupported("trailing backslash")
        c = self.src[self.at]
        self.at += 1
        if c in _CATEGORIES:
            category = ("CATEGORY", _CATEGORIES[c])
            return category if in_class else ("IN", [category])
        if c in _ANCHORS and not in_class:
            return ("AT", _ANCHORS[c])
        if c in _CONTROL:
            return ("LITERAL", ord(_CONTROL[c]))
        if c == "b":  # in a class, a backspace
            return ("LITERAL", 8)
        if c in "xuU":
            size = {"x": 2, "u": 4, "U": 8}[c]
            digits = self.src[self.at : self.at + size]
            if len(digits) != size or not all(ch in "0123456789abcdefABCDEF" for ch in digits):
                raise Unsupported("bad hex escape")
            self.at += size
            return ("LITERAL", int(digits, 16))
        if c.isalnum():
            raise Unsupported(f"escape \\{c}")  # back-references, \N{...}, unknown letters
        return ("LITERAL", ord(c))


def required_strings(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Literal strings one of which every match of `pattern` contains; None when none is known."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        found = _required(parse(pattern.pattern, pattern.flags))
    except Unsupported:  # syntax this module does not parse: never skip that pattern
        return None
    return frozenset(found) if found else None


def _exact(items: Iterable[tuple]) -> Strings | None:
    """Every string the sequence can match, when it is a small finite set; else None."""
    out: Strings = {""}
    for op, arg in items:
        variants: Strings | None
        if op in _ZERO_WIDTH:
            continue
        if op == "LITERAL":
            variants = {chr(arg)}
        elif op == "SUBPATTERN":
            if arg[1] & re.IGNORECASE:
                return None
            variants = _exact(arg[3])
        elif op == "BRANCH":
            variants = set()
            for alternative in arg[1]:
                branch = _exact(alternative)
                if branch is None:
                    return None
                variants |= branch
        elif op == "IN":
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
        if op == "SUBPATTERN" and not arg[1] & re.IGNORECASE:
            starts = _prefixes(arg[3])
        elif op == "BRANCH":
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
        if op == "LITERAL":
            chars.add(chr(arg))
        elif op == "RANGE" and arg[1] - arg[0] < 8:
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
        else:
            consider(_required_inside(op, arg))
    consider(run)
    return best if _quality(best) > (0, 0) else None


def _required_inside(op: str, arg: tuple) -> Strings | None:
    """What every match of one group, alternation or repeat contains, when it is known."""
    if op == "SUBPATTERN":
        return _required(arg[3])
    if op == "BRANCH":
        alternatives = [_required(alternative) for alternative in arg[1]]
        return set().union(*alternatives) if all(alternatives) else None  # type: ignore[arg-type]
    if op in _REPEATS and arg[0] >= 1:
        return _required(arg[2])
    return None


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
        data = parse(pattern.pattern, pattern.flags)
    except Unsupported:
        return plain
    alternatives = data[0][1][1] if len(data) == 1 and data[0][0] == "BRANCH" else [data]
    anywhere: set[str] = set()
    at_start: list[tuple[tuple[str, ...], bool]] = []
    for items in alternatives:
        if items and items[0] == ("AT", "AT_BEGINNING"):
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


# --- the cache of the analysis -------------------------------------------------------------------------
# Working out what the cue patterns need costs about a tenth of a second. The answers are kept in a small
# JSON file in the user's cache directory ($OFFER_COACH_CACHE_DIR, else $XDG_CACHE_HOME/offer-coach, else
# ~/.cache/offer-coach; an empty OFFER_COACH_CACHE_DIR turns it off), named by a digest of the patterns
# themselves: a changed cue gives a new name, so a stale answer is never used. The first start after a
# change analyses and writes it; a cache that cannot be read or written only costs that tenth of a second.

_CACHE_FORMAT = 1


def _key(pattern: re.Pattern[str], whole_text: bool) -> str:
    return hashlib.sha1(f"{pattern.flags}:{whole_text:d}:{pattern.pattern}".encode(), usedforsecurity=False).hexdigest()


def cache_file(keys: Iterable[str]) -> Path | None:
    """Where the analysis of the patterns with these keys is kept; None when caching is turned off."""
    folder = user_cache.folder()
    if folder is None:
        return None
    digest = hashlib.sha1(f"{_CACHE_FORMAT}:{':'.join(sorted(keys))}".encode(), usedforsecurity=False).hexdigest()
    return folder / f"cue-gate-{digest[:20]}.json"


def _read_cache(path: Path | None) -> dict[str, _Needs | None]:
    if path is None:
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {key: None if entry is None else _Needs(frozenset(entry[0]), tuple(
            (tuple(starts), bool(skips)) for starts, skips in entry[1])) for key, entry in raw.items()}
    except (OSError, ValueError, TypeError, IndexError, AttributeError):  # absent, or not what this module wrote
        return {}


def _write_cache(path: Path | None, needs: dict[str, _Needs | None]) -> None:
    if path is None:
        return
    raw = {key: None if n is None else [sorted(n.anywhere), [[list(s), k] for s, k in n.at_start]]
           for key, n in needs.items()}
    user_cache.keep(path, json.dumps(raw).encode(), others="cue-gate-*.json")


def _is_non_word_run(item: tuple) -> bool:
    r"""Whether a parsed item is "\W*"."""
    op, arg = item
    if op != "MAX_REPEAT" or arg[0] != 0 or arg[1] != MAXREPEAT or len(arg[2]) != 1:
        return False
    body_op, body_arg = arg[2][0]
    return body_op == "IN" and list(body_arg) == [("CATEGORY", "NOT_WORD")]


class MayMatch:
    """The gate's answer for one text: ``pattern in answer`` is False only if it cannot match there.

    ``skipped`` holds the ids of the patterns that cannot match, so a hot caller can test
    ``id(pattern) not in answer.skipped`` without a Python-level call.
    """

    __slots__ = ("skipped",)

    def __init__(self, skipped: frozenset[int]) -> None:
        self.skipped = skipped

    def __contains__(self, pattern: object) -> bool:
        return id(pattern) not in self.skipped


_MAX_ANSWERS = 4096  # answers kept by mask: short messages wake the same few patterns over and over
_MAX_PIECES = 50_000  # words (white-space-separated pieces) whose short strings are remembered
_MAX_PIECE = 24  # longer pieces (a URL, a run of digits) are searched string by string and not remembered


def _with_longer(text: str, gram: str, groups: tuple[tuple[int, tuple[str, ...]], ...], mask: int) -> int:
    """`mask` with the bits of each group one of whose strings (all starting with `gram`) is in `text`: looked for
    only where the gram is, each group at once."""
    first = text.find(gram)
    for bits, strings in groups:
        if mask & bits == bits:
            continue
        at = first
        while at != -1:
            if text.startswith(strings, at):
                mask |= bits
                break
            at = text.find(gram, at + 1)
    return mask


def _grouped(strings: dict[str, int]) -> Iterable[tuple[int, tuple[str, ...]]]:
    """(bits, the strings that wake exactly those patterns), for every distinct bits."""
    by_bits: dict[int, list[str]] = {}
    for string, bits in strings.items():
        by_bits.setdefault(bits, []).append(string)
    return [(bits, tuple(group)) for bits, group in by_bits.items()]


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
        # a gram's strings longer than the gram, checked whole once the gram is seen (fewer false hits)
        longer: dict[str, dict[str, int]] = {}
        short: dict[str, int] = {}
        at_start: list[tuple[tuple[str, ...], bool, int]] = []
        whole = {id(pattern) for pattern in whole_text}
        given = [(pattern, id(pattern) in whole) for pattern in [*patterns, *whole_text]]
        keys = [_key(pattern, is_whole) for pattern, is_whole in given]
        cache = cache_file(keys)
        known = _read_cache(cache)
        self.analysed = 0  # patterns worked out here rather than found in the cache
        for (pattern, is_whole), key in zip(given, keys, strict=True):
            if key not in known:
                known[key] = _needs(pattern, is_whole)
                self.analysed += 1
            needs = known[key]
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
                    self._by_gram[gram] = self._by_gram.get(gram, 0) | (bit if len(string) == _GRAM else 0)
                    if len(string) > _GRAM:
                        by_string = longer.setdefault(gram, {})
                        by_string[string] = by_string.get(string, 0) | bit
                else:
                    short[string] = short.get(string, 0) | bit
        if self.analysed:
            _write_cache(cache, {key: known[key] for key in keys})
        # Short strings without white space are looked for in each white-space-separated piece of a message,
        # once per distinct piece: any occurrence of such a string lies inside one piece, and pieces repeat.
        self._short_spaced = tuple((string, bits) for string, bits in short.items() if len(string.split()) != 1
                                   or string.split()[0] != string)
        self._short_plain = tuple((string, bits) for string, bits in short.items()
                                  if (string, bits) not in self._short_spaced)
        self._short_by_string = dict(self._short_plain)
        self._short_sizes = tuple(sorted({len(string) for string in self._short_by_string}))
        self._pieces: dict[str, int] = {}
        self._at_start = tuple(at_start)
        self._grams = frozenset(self._by_gram)
        # A gram's longer strings grouped by the patterns they wake, so each group is one check in C.
        self._longer = {gram: tuple(_grouped(strings)) for gram, strings in longer.items()}
        self._whole = {id(p) for p in self._patterns if id(p) in whole}
        self._answers: dict[int, MayMatch] = {}

    def _short_mask(self, text: str) -> int:
        """The patterns whose short required strings occur in `text`."""
        mask = 0
        pieces = self._pieces
        for piece in text.split():
            found = pieces.get(piece)
            if found is None:
                found = self._short_in(piece)
                if len(pieces) < _MAX_PIECES and len(piece) <= _MAX_PIECE:
                    pieces[piece] = found
            mask |= found
        for string, bits in self._short_spaced:
            if string in text:
                mask |= bits
        return mask

    def _short_in(self, piece: str) -> int:
        """The patterns whose short strings without white space occur in `piece`."""
        found = 0
        if len(piece) > _MAX_PIECE:
            for string, bits in self._short_plain:
                if string in piece:
                    found |= bits
            return found
        by_string = self._short_by_string
        for size in self._short_sizes:
            for i in range(len(piece) - size + 1):
                found |= by_string.get(piece[i : i + size], 0)
        return found

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
        longer = self._longer
        mask = 0
        # The intersection runs in C; only the few pieces that some pattern needs reach the loop, where
        # a longer required string counts only if all of it is there ("can you" holds the gram of "cannot").
        for gram in self._grams.intersection({text[i : i + _GRAM] for i in range(len(text) - _GRAM + 1)}):
            mask |= by_gram[gram]
            groups = longer.get(gram)
            if groups:
                mask = _with_longer(text, gram, groups, mask)
        mask |= self._short_mask(text)
        if self._at_start:
            lead = _LEADING_NON_WORD.match(text).end()  # type: ignore[union-attr]  # \W* always matches
            for starts, skips, bits in self._at_start:
                if text.startswith(starts, lead if skips else 0):
                    mask |= bits
        answer = self._answers.get(mask)
        if answer is None:
            answer = MayMatch(frozenset(key for key, bit in self._bits.items() if not mask & bit))
            if len(self._answers) < _MAX_ANSWERS:
                self._answers[mask] = answer
        return answer

