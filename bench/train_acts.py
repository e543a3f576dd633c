"""Train the reader's second opinion on acts (bot/understanding/second_opinion.py) from the blind tuning sets.

    python bench/train_acts.py                      # train on every tuning set, write act_weights.json
    python bench/train_acts.py --leave-out iter6    # train without iter6 and score the blend on it

Only tuning data is used: the lines and live practices under tests/data/blind that are not frozen
(``*.dev.jsonl``, ``*.iter.jsonl``, ``practices.iter.jsonl`` and the ``iterN/`` folders). A frozen file is
refused by name, so the frozen sets stay a measure the model never saw. Practice turns are read with the
context the practice hands the reader, recorded while the practice is replayed with the rules alone (so
training does not depend on an earlier model). Needs scikit-learn (in the ``dev`` extra).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.understanding.acts import Act, Context
from bot.understanding.amounts import normalise
from bot.understanding.reader import MAX_READ_CHARS, Understander
from bot.understanding.second_opinion import (
    WEIGHTS,
    ActModel,
    SparseLogistic,
    feature_name,
    features,
    second_opinion,
    words_of,
)
from tests.support import blind

_ACT_ORDER = tuple(Act)
C = 1.0  # 0.5 and 2.0 did no better on the tuning sets read by rules not yet tuned on them
_MIN_WEIGHT = 0.05  # smaller weights move no probability that matters and only bloat the file
_MIN_SEEN = 2


@dataclass(frozen=True)
class Example:
    group: str  # the tuning folder it comes from: dev, iter, iter3...
    kind: str  # "line" or "turn"
    low: str
    context: Context | None
    acts: frozenset[str]
    text: str
    rules: tuple[Act, ...]  # what the rules alone read, one of the model's inputs


def tuning_files(root: Path = blind.BLIND) -> Iterator[tuple[str, Path]]:
    """(group, path) of every tuning file; raises on anything frozen, so a frozen set can never be trained on."""
    found = [(p.name.split(".")[1], p) for p in sorted(root.glob("*.jsonl")) if p.name.split(".")[1] in ("dev", "iter")]
    found += [(d.name, p) for d in sorted(root.glob("iter*")) if d.is_dir() for p in sorted(d.glob("*.jsonl"))
              if not p.name.startswith("second_labeller")]
    for group, path in found:
        if is_frozen(path):
            raise ValueError(f"{path}: frozen data is a measure and is never trained on")
        yield group, path


def is_frozen(path: Path) -> bool:
    return ".test." in path.name or any(part.startswith("frozen") for part in path.parts)


def _practice_turns(group: str, practice: dict[str, Any], rules: Understander) -> Iterator[Example]:
    from bench.as_played import played

    contexts, _, _ = played(practice, rules, strict=False)
    for turn, raw in zip(blind.spoken(practice), contexts, strict=True):
        yield _example(group, "turn", turn, None if raw is None else Context(**raw), rules)


def _example(group: str, kind: str, item: dict[str, Any], context: Context | None, rules: Understander) -> Example:
    text = item["text"]
    return Example(group, kind, normalise(text[:MAX_READ_CHARS]), context, frozenset(item["acts"]), text,
                   tuple(rules.read(text, context).acts))


def examples(rules: Understander) -> list[Example]:
    from bench.understanding import blind_context

    found: list[Example] = []
    for group, path in tuning_files():
        for item in blind.load_jsonl(path):
            if "turns" in item:
                found.extend(_practice_turns(group, item, rules))
            else:
                found.append(_example(group, "line", item, blind_context(item.get("context")), rules))
    return found


def feature_matrix(rows: Sequence[Iterable[str]]) -> tuple[Any, dict[str, int]]:
    """One sparse row of ones per example over the features seen at least twice, and those features' columns."""
    from scipy.sparse import csr_matrix  # type: ignore[import-untyped]

    rows = [sorted(row) for row in rows]
    seen = Counter(f for row in rows for f in row)
    # a feature seen once teaches the model one line by heart, nothing it can use on another writer's text
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, n in seen.items() if n >= _MIN_SEEN))}
    indices = [vocabulary[f] for row in rows for f in row if f in vocabulary]
    pointers = [0]
    for row in rows:
        pointers.append(pointers[-1] + sum(f in vocabulary for f in row))
    return csr_matrix(([1.0] * len(indices), indices, pointers), shape=(len(rows), len(vocabulary))), vocabulary


def kept_weights(vocabulary: dict[str, int],
                 coefficients: Sequence[Sequence[float]]) -> dict[str, list[tuple[int, float]]]:
    """Per feature name, the labels it weighs on and how much, as the weights file holds them (one row of
    ``coefficients`` per label); weights too small to move a probability are left out."""
    weights: dict[str, list[tuple[int, float]]] = {}
    for feature, index in vocabulary.items():
        per_label = [(label, round(float(w), 2)) for label, row in enumerate(coefficients)
                     if abs(w := row[index]) >= _MIN_WEIGHT]
        if per_label:
            weights[feature] = per_label
    return weights


def write_weights(model: SparseLogistic, path: Path) -> None:
    path.write_text(json.dumps(model.to_json(), separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")


def train(data: list[Example]) -> ActModel:
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    matrix, vocabulary = feature_matrix([map(feature_name, features(e.low, words_of(e.low), e.context, e.rules))
                                         for e in data])
    acts = [a for a in _ACT_ORDER if any(a.value in e.acts for e in data)]
    bias: list[float] = []
    columns: list[list[float]] = []
    for act in acts:
        labels = [act.value in e.acts for e in data]
        model = LogisticRegression(C=C, solver="liblinear", max_iter=5000).fit(matrix, labels)
        bias.append(round(float(model.intercept_[0]), 4))
        columns.append([float(w) for w in model.coef_[0]])
    return ActModel([a.value for a in acts], bias, kept_weights(vocabulary, columns))


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / max(1, 2 * tp + fp + fn)


def score(data: list[Example], model: ActModel) -> dict[str, tuple[int, int, int]]:
    """Acts micro-F1 counts (tp, fp, fn) for the rules alone and for the rules with the second opinion."""
    counts = {"rules": [0, 0, 0], "blend": [0, 0, 0]}
    for e in data:
        alone = list(e.rules)
        blended = second_opinion(alone, e.low, words_of(e.low), e.context, model, _ACT_ORDER)
        for name, acts in (("rules", alone), ("blend", blended)):
            got = {a.value for a in acts}
            counts[name][0] += len(got & e.acts)
            counts[name][1] += len(got - e.acts)
            counts[name][2] += len(e.acts - got)
    return {k: (v[0], v[1], v[2]) for k, v in counts.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--leave-out", metavar="GROUP", help="train without this tuning folder and score on it")
    args = parser.parse_args(argv)
    from bot.playbooks.loader import load_playbooks

    rules = Understander(load_playbooks().perks, acts_model=False)
    data = examples(rules)
    groups = sorted({e.group for e in data})
    print(f"{len(data)} examples from {len(groups)} tuning groups: {', '.join(groups)}")
    if args.leave_out:
        held = [e for e in data if e.group == args.leave_out]
        if not held:
            parser.error(f"no tuning group {args.leave_out!r}; there are {', '.join(groups)}")
        model = train([e for e in data if e.group != args.leave_out])
        for name, (tp, fp, fn) in score(held, model).items():
            print(f"{args.leave_out} acts micro-F1, {name}: {f1(tp, fp, fn):.3f} (tp {tp}, fp {fp}, fn {fn})")
        print("(the rules were tuned on this folder, so both figures flatter them; see docs/understanding.md)")
        return 0
    model = train(data)
    write_weights(model, WEIGHTS)
    print(f"wrote {WEIGHTS} ({WEIGHTS.stat().st_size // 1024} KB, {len(model.features)} features, "
          f"{len(model.acts)} acts)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
