"""The cue gate parses patterns itself and keeps its analysis in a cache (issues 9 and 14).

It used CPython's private ``re._parser``, and worked out every pattern's needs at each start
(about a tenth of a second). Its own parser covers the syntax the cues use, and the answers are
kept in the user's cache directory under a digest of the patterns, so only the first start after
a change pays for them.
"""

from __future__ import annotations

import ast
import os
import re
import time
from pathlib import Path

import pytest

import bot
from bot.understanding import cues
from bot.understanding.cue_gate import CueGate, Unsupported, cache_file, parse, required_strings

PATTERNS = [cues.GREET, cues.ACCEPT, cues.REJECT, cues.JUSTIFY, cues.MARKET, cues.HINT, cues.QUIT]
WHOLE = [cues.GREET, cues.ACCEPT]


def test_nothing_in_the_core_imports_the_private_regex_parser() -> None:
    private = {"re._parser", "re._constants", "re._compiler", "sre_parse", "sre_constants", "sre_compile"}
    for path in Path(bot.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            assert not private & set(names), f"{path} imports {private & set(names)}"


def test_a_second_start_analyses_nothing_and_gates_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OFFER_COACH_CACHE_DIR", str(tmp_path))
    first = CueGate(PATTERNS, whole_text=WHOLE)
    assert first.analysed == len(PATTERNS)  # GREET and ACCEPT are given twice but analysed once
    second = CueGate(PATTERNS, whole_text=WHOLE)
    assert second.analysed == 0
    assert second.gated == first.gated == cues.GATE.gated & set(PATTERNS)
    for text in ["ok then", "hi there, could you do 120k?", "I quit", "any tips?", "glassdoor says 130k"]:
        assert [p in second.scan(text) for p in PATTERNS] == [p in cues.GATE.scan(text) for p in PATTERNS]


def test_a_changed_pattern_is_analysed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OFFER_COACH_CACHE_DIR", str(tmp_path))
    CueGate(PATTERNS, whole_text=WHOLE)
    changed = CueGate([*PATTERNS, re.compile(r"\bnever seen before\b")], whole_text=WHOLE)
    assert changed.analysed == len(PATTERNS) + 1  # another set of patterns: another cache file


@pytest.mark.parametrize("content", ["", "{not json", '{"x": [1]}', '["a list"]'])
def test_a_damaged_cache_is_analysed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str) -> None:
    monkeypatch.setenv("OFFER_COACH_CACHE_DIR", str(tmp_path))
    gate = CueGate(PATTERNS, whole_text=WHOLE)
    (path,) = tmp_path.glob("cue-gate-*.json")
    path.write_text(content, encoding="utf-8")
    again = CueGate(PATTERNS, whole_text=WHOLE)
    assert again.analysed == len(PATTERNS)
    assert again.gated == gate.gated


def test_no_cache_when_turned_off_or_unwritable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OFFER_COACH_CACHE_DIR", "")
    assert cache_file(["k"]) is None
    assert CueGate(PATTERNS).analysed == len(PATTERNS)
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv("OFFER_COACH_CACHE_DIR", str(blocked / "sub"))
    assert CueGate(PATTERNS).gated == CueGate(PATTERNS).gated  # works, and analyses every time


def test_every_cue_pattern_is_parsed() -> None:
    for pattern in [*cues.GATE.gated, *(v for v in vars(cues).values() if isinstance(v, re.Pattern))]:
        parse(pattern.pattern, pattern.flags)


@pytest.mark.parametrize(
    "source",
    [r"(?i)offer", r"(a)\1", r"(?P<x>a)(?P=x)", r"(?#comment)", r"(?>atomic)", r"(?(1)a|b)", r"a{", "(", "[a",
     r"\N{DASH}", r"*a"],
)
def test_syntax_it_does_not_know_is_never_gated(source: str) -> None:
    try:
        compiled = re.compile(source)
    except re.error:
        compiled = None
    if compiled is not None and compiled.flags & re.IGNORECASE:
        assert required_strings(compiled) is None
        return
    if source == "a{":  # a brace that starts no repeat is a literal, as in Python
        assert parse(source) == [("LITERAL", ord("a")), ("LITERAL", ord("{"))]
        return
    with pytest.raises(Unsupported):
        parse(source)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"a{2,3}?", [("MIN_REPEAT", (2, 3, [("LITERAL", ord("a"))]))]),
        (r"[^\]a-c\d]", [("IN", [("NEGATE", None), ("LITERAL", ord("]")), ("RANGE", (ord("a"), ord("c"))),
                                 ("CATEGORY", "DIGIT")])]),
        (r"(?<!x)\bq", [("ASSERT_NOT", (-1, [("LITERAL", ord("x"))])), ("AT", "AT_BOUNDARY"), ("LITERAL", ord("q"))]),
        (r"\u00e9|\.", [("BRANCH", (None, [[("LITERAL", 0xE9)], [("LITERAL", ord("."))]]))]),
    ],
)
def test_the_parser_builds_the_tree_the_analysis_walks(source: str, expected: list) -> None:
    assert parse(source) == expected


def test_analyses_of_other_cue_versions_unused_for_a_week_are_removed(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OFFER_COACH_CACHE_DIR", str(tmp_path))
    stale, recent = tmp_path / "cue-gate-0000.json", tmp_path / "cue-gate-1111.json"
    stale.write_text("{}", encoding="utf-8")
    recent.write_text("{}", encoding="utf-8")
    eight_days_ago = time.time() - 8 * 86_400
    os.utime(stale, (eight_days_ago, eight_days_ago))
    CueGate(PATTERNS, whole_text=WHOLE)
    assert not stale.exists()
    assert recent.exists()
    assert len(list(tmp_path.glob("cue-gate-*.json"))) == 2  # the recent one and the new one
