"""The cue gate parses patterns itself and starts from a stored table (issues 9 and 14).

It used CPython's private ``re._parser``, and worked out every pattern's needs at each start
(about a tenth of a second). Its own parser covers the syntax the cues use, and the answers are
stored in bot/understanding/cue_needs.py, regenerated with ``python -m bot.understanding.cue_gate``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import bot
from bot.understanding import cue_gate, cue_needs, cues
from bot.understanding.cue_gate import CueGate, Unsupported, parse, table_source

REGENERATE = "python -m bot.understanding.cue_gate"


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


def test_the_stored_table_is_what_the_analysis_gives_today() -> None:
    stored = Path(cue_needs.__file__).read_text(encoding="utf-8")
    assert stored == table_source(cues.GATE), f"a cue pattern changed: run `{REGENERATE}`"


def test_building_the_gate_analyses_no_pattern_the_table_knows(monkeypatch: pytest.MonkeyPatch) -> None:
    analysed: list[str] = []
    real = cue_gate._needs
    monkeypatch.setattr(cue_gate, "_needs", lambda p, whole: analysed.append(p.pattern) or real(p, whole))
    patterns = [p for p, whole in cues.GATE.analysed if not whole]
    whole_text = [p for p, whole in cues.GATE.analysed if whole]
    gate = CueGate(patterns, whole_text=whole_text)
    assert analysed == []
    assert gate.gated == cues.GATE.gated
    new = re.compile(r"\bnever seen before\b")
    CueGate([*patterns, new], whole_text=whole_text)
    assert analysed == [new.pattern]  # a pattern changed since the table was made is still analysed


def test_every_cue_pattern_is_parsed() -> None:
    for pattern, _ in cues.GATE.analysed:
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
        assert cue_gate.required_strings(compiled) is None
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
