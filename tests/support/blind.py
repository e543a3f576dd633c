"""Scoring the reader on corpora written blind: labelled lines by style, and whole recorded practices.

The corpora under ``tests/data/blind/`` were written by people who saw only ``docs/labelling.md``
(never the rules nor earlier data) and frozen before any rule was changed for them; the ``dev``
files beside them are the ones rules may be tuned on. ``bench/understanding.py --blind`` prints
these scores; the tests only guard that the frozen files never change and that scores do not fall.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.support import DATA

BLIND = DATA / "blind"
STYLES = ("terse", "nonnative", "casual", "formal", "long", "advice", "mixed")
# Acts that change what the recruiter does next; a turn is read right when these and the asks match.
DECISIVE = frozenset({"propose", "accept", "reject", "quit", "request_time", "request_writing", "trade_off",
                      "competing_offer"})


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _style_path(style: str, split: str, directory: Path | None) -> Path:
    # a writer's own folder holds one file per style (terse.jsonl); ours add the split (terse.dev.jsonl)
    if directory is None:
        return BLIND / f"{style}.{split}.jsonl"
    with_split = directory / f"{style}.{split}.jsonl"
    return with_split if with_split.exists() else directory / f"{style}.jsonl"


def lines(split: str = "test", directory: Path | None = None) -> list[dict[str, Any]]:
    """Every labelled line of a split, all styles: ``test`` is frozen; ``dev`` and ``iter`` may be tuned on.

    ``directory`` reads a writer's folder instead (``terse.jsonl``, ``practices.jsonl``...), to tune on
    a new set while it is being written."""
    return [r for style in STYLES if _style_path(style, split, directory).exists()
            for r in load_jsonl(_style_path(style, split, directory))]


def practices(split: str = "test", directory: Path | None = None) -> list[dict[str, Any]]:
    if directory is not None:
        return [p for path in sorted(directory.glob("practices*.jsonl")) for p in load_jsonl(path)]
    return [p for path in sorted(BLIND.glob(f"practices*.{split}.jsonl")) for p in load_jsonl(path)]


def checksums(folder: Path = BLIND) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.test.jsonl"))}


# --- reading a result into comparable labels ---------------------------------------------------


def term_role(term: Any) -> str:
    role = getattr(term, "role", None)
    if role:
        return str(role)
    return "give" if getattr(term, "give", False) else "ask"


def _amount(value: float | None) -> float | None:
    return None if value is None else round(float(value), 4)


def label_triples(terms: Iterable[dict[str, Any]]) -> set[tuple[str, float | None, str]]:
    return {(t["perk"] or "(none)", _amount(t["amount"]), t.get("role") or "ask") for t in terms
            if t["amount"] is not None}


def read_triples(terms: Iterable[Any]) -> set[tuple[str, float | None, str]]:
    return {(t.perk or "(none)", _amount(t.amount), term_role(t)) for t in terms if t.amount is not None}


def label_asks(terms: Iterable[dict[str, Any]]) -> set[tuple[str, float | None, str]]:
    return {(t["perk"] or "(none)", _amount(t["amount"]), t.get("role") or "ask") for t in terms
            if (t.get("role") or "ask") in ("ask", "give")}


def read_asks(terms: Iterable[Any]) -> set[tuple[str, float | None, str]]:
    return {(t.perk or "(none)", _amount(t.amount), term_role(t)) for t in terms if term_role(t) in ("ask", "give")}


# --- tallies ------------------------------------------------------------------------------------


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, expected: set[Any], got: set[Any]) -> None:
        self.tp += len(expected & got)
        self.fp += len(got - expected)
        self.fn += len(expected - got)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class StyleScore:
    n: int = 0
    acts: Tally = field(default_factory=Tally)
    perks: Tally = field(default_factory=Tally)
    pairs: Tally = field(default_factory=Tally)  # (perk, amount, role) for every labelled amount
    signals: Tally = field(default_factory=Tally)
    by_signal: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))  # the weakest show here
    invented: int = 0  # an amount read that the text does not contain at all
    errors: list[tuple[dict[str, Any], Any]] = field(default_factory=list)


def score_lines(records: list[dict[str, Any]], read: Callable[[str, dict[str, Any] | None], Any]
                ) -> dict[str, StyleScore]:
    """Scores per style plus ``all``; ``read(text, context)`` returns an Understanding."""
    by_style: dict[str, StyleScore] = defaultdict(StyleScore)
    for record in records:
        said = read(record["text"], record.get("context"))
        for key in (record.get("style", "?"), "all"):
            s = by_style[key]
            s.n += 1
            expected_acts = set(record["acts"])
            got_acts = {a.value for a in said.acts}
            s.acts.add(expected_acts, got_acts)
            expected_perks = {t["perk"] or "(none)" for t in record["terms"]}
            got_perks = {t.perk or "(none)" for t in said.terms}
            s.perks.add(expected_perks, got_perks)
            s.pairs.add(label_triples(record["terms"]), read_triples(said.terms))
            expected_signals, got_signals = set(record.get("signals", [])), {x.value for x in said.signals}
            s.signals.add(expected_signals, got_signals)
            for signal in expected_signals | got_signals:
                s.by_signal[signal].add(expected_signals & {signal}, got_signals & {signal})
            if key == "all" and (expected_acts != got_acts or expected_perks != got_perks
                                 or label_triples(record["terms"]) != read_triples(said.terms)
                                 or expected_signals != got_signals):
                s.errors.append((record, said))
    return dict(by_style)


def spoken(practice: dict[str, Any]) -> list[dict[str, Any]]:
    """The practice's labelled lines, without the buttons a live player pressed between them."""
    return [turn for turn in practice["turns"] if "pick" not in turn]


@dataclass
class PracticeScore:
    turns: int = 0
    right: int = 0
    # Where a second blind labeller labelled the same turns: how many of those turns there are, and how many
    # the reading matches for at least one of the two labellers (two careful people agree on only about 0.8
    # to 0.9 of live turns, so a strict score against one of them has a ceiling well below 1).
    second_turns: int = 0
    right_either: int = 0
    skilled_asks: int = 0
    restated: int = 0  # skilled turns whose ask was misread: the user would have had to say it again
    by_persona: Counter[str] = field(default_factory=Counter)
    right_by_persona: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[str, dict[str, Any], Any]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.turns if self.turns else 1.0


def turn_is_read_right(turn: dict[str, Any], said: Any) -> bool:
    acts = {a.value for a in said.acts}
    return (set(turn["acts"]) & DECISIVE == acts & DECISIVE
            and label_asks(turn["terms"]) == read_asks(said.terms))


def second_labels(folder: Path) -> dict[str, list[dict[str, Any]]]:
    """A second labeller's turns by practice id, from ``second_labeller.jsonl`` (``.test.jsonl`` in a frozen
    folder): the folder's practices relabelled blind by someone who never saw the first labels."""
    found = sorted(folder.glob("second_labeller*.jsonl"))
    return {p["id"]: spoken(p) for path in found for p in load_jsonl(path)}


def contexts_as_played(folder: Path) -> dict[str, list[dict[str, Any] | None]]:
    """The context each spoken line of a folder's practices was read in when it was played, by practice id
    (``contexts_as_played.json``, written by ``bench/as_played.py`` at the commit the set was played at)."""
    path = folder / "contexts_as_played.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def play_as_played(contexts: dict[str, list[dict[str, Any] | None]],
                   reader: Any) -> Callable[[dict[str, Any]], list[Any]]:
    """A ``play`` for :func:`score_practices` that reads each line against the context the player saw (the
    reading alone), instead of replaying the practice through the engine as it is now."""
    from bot.understanding.acts import Context

    def play(practice: dict[str, Any]) -> list[Any]:
        seen = contexts[practice["id"]]
        return [reader.read(turn["text"], None if raw is None else Context(**raw))
                for turn, raw in zip(spoken(practice), seen, strict=True)]

    return play


def score_practices(items: list[dict[str, Any]], play: Callable[[dict[str, Any]], list[Any]],
                    second: dict[str, list[dict[str, Any]]] | None = None) -> PracticeScore:
    """``play(practice)`` runs the practice through the bot and returns what was read of each turn;
    ``second`` holds a second labeller's turns by practice id, where there are any."""
    score = PracticeScore()
    for practice in items:
        persona = practice.get("persona", "?")
        theirs = (second or {}).get(practice["id"])
        for index, (turn, said) in enumerate(zip(spoken(practice), play(practice), strict=True)):
            score.turns += 1
            score.by_persona[persona] += 1
            ok = said is not None and turn_is_read_right(turn, said)
            if theirs is not None:
                score.second_turns += 1
                other = theirs[index]
                score.right_either += ok or (said is not None and turn_is_read_right(other, said))
            if ok:
                score.right += 1
                score.right_by_persona[persona] += 1
            else:
                score.misses.append((practice["id"], turn, said))
            wanted = label_asks(turn["terms"])
            if persona == "skilled" and any(role == "ask" for _, _, role in wanted):
                score.skilled_asks += 1
                if said is None or wanted != read_asks(said.terms):
                    score.restated += 1
    return score


class _Recorder:
    """Wraps the practice's understander and keeps what it read last; with ``read_as``, the line being replayed
    is read through it instead (``read_as(turn, real_reading)``), as an oracle does."""

    def __init__(self, real: Any, read_as: Callable[[dict[str, Any], Any], Any] | None = None) -> None:
        self.real = real
        self.read_as = read_as
        self.turn: dict[str, Any] | None = None
        self.last: Any = None

    def read(self, text: str, context: Any = None) -> Any:
        said = self.real.read(text, context)
        if self.read_as is not None and self.turn is not None and text == self.turn["text"]:
            said = self.read_as(self.turn, said)
        self.last = said
        return said


def replay_in(harness: Any, practice: dict[str, Any], *,
              read_as: Callable[[dict[str, Any], Any], Any] | None = None, strict: bool = True) -> list[Any]:
    """Say a recorded practice's lines in ``harness`` as its player did (buttons pressed between them too) and
    return what the recruiter read of each line. ``strict=False`` lets a button the replay no longer shows
    (it took another path) be skipped instead of failing."""
    runner = harness.service.engine.practices
    recorder = _Recorder(runner.understander, read_as)
    runner.understander = recorder
    harness.say(f"practice {practice['scenario']}", user="p")
    read = []
    for turn in practice["turns"]:
        if "pick" in turn:  # a button pressed in a live practice: nothing to read
            try:
                harness.pick_label(turn["pick"], user="p")
            except AssertionError:
                if strict:
                    raise
            continue
        recorder.turn, recorder.last = turn, None
        harness.say(turn["text"], user="p")
        read.append(recorder.last)
    recorder.turn = None
    return read


def play_in_harness(practice: dict[str, Any]) -> list[Any]:
    """Play a recorded practice as a user would and return what the recruiter read of each turn."""
    from tests.support.harness import ChatHarness

    harness = ChatHarness()
    try:
        # a button the player pressed ("Keep negotiating" after a line misread as walking out) is skipped when the
        # reader no longer raises the question it answered, as in the judgment bench
        return replay_in(harness, practice, strict=False)
    finally:
        harness.close()
