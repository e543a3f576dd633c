"""Train the reader's second opinion on the roles of figures (bot/understanding/figure_roles.py).

    python bench/train_roles.py                      # train on every tuning set, write role_weights.json
    python bench/train_roles.py --leave-out iter9    # train without iter9 and score the blend on it

The same tuning data as ``bench/train_acts.py`` (frozen files are refused by name). Each figure the rules
read is labelled with the role the blind labeller gave the same amount (of the same perk where there is
one); a figure the labeller did not take as a term teaches nothing and is left out. Practice turns are read
with the context the practice hands the reader. Needs scikit-learn (in the ``dev`` extra).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.train_acts import f1, feature_matrix, kept_weights, tuning_files, write_weights
from bot.understanding.acts import Context, Term
from bot.understanding.figure_roles import CHANGE, KEEP, WEIGHTS, RoleModel, figure_features, second_opinion_on_roles
from bot.understanding.reader import FiguresRead, Understander
from tests.support import blind

C = 1.0  # 0.5 did no better on the tuning sets, each scored by a model trained without it


@dataclass(frozen=True)
class Read:
    group: str  # the tuning folder it comes from: dev, iter, iter3...
    labels: tuple[dict[str, Any], ...]  # the labeller's terms
    figures: FiguresRead
    context: Context | None


def readings(reader: Understander) -> list[Read]:
    """Every tuning line and practice turn, read by the rules with their roles (and the acts' second opinion)."""
    from bench.as_played import played
    from bench.understanding import blind_context

    found: list[Read] = []
    for group, path in tuning_files():
        for item in blind.load_jsonl(path):
            if "turns" in item:
                contexts, _, _ = played(item, reader, strict=False)
                for turn, raw in zip(blind.spoken(item), contexts, strict=True):
                    context = None if raw is None else Context(**raw)
                    found.append(Read(group, tuple(turn["terms"]), reader.read_figures(turn["text"], context), context))
            else:
                context = blind_context(item.get("context"))
                found.append(Read(group, tuple(item["terms"]), reader.read_figures(item["text"], context), context))
    return found


def labelled_role(term: Term, labels: tuple[dict[str, Any], ...]) -> str | None:
    """The role the labeller gave this amount: of the same perk where one matches, else of any perk."""
    same = [t for t in labels if t["amount"] is not None and term.amount is not None
            and abs(t["amount"] - term.amount) < 1e-4]
    for t in sorted(same, key=lambda t: t["perk"] != term.perk):
        return str(t.get("role") or "ask")
    return None


def examples(reads: list[Read]) -> list[tuple[frozenset[str], str]]:
    found = []
    for r in reads:
        said, low, words, spans = r.figures
        for term in said.terms:
            span = spans.get(term.amount) if term.amount is not None else None
            role = labelled_role(term, r.labels) if span is not None else None
            if span is not None and role is not None:
                features = figure_features(low, words, term, span, said.terms, r.context, said.acts)
                found.append((frozenset(features), role))
    return found


def train(data: list[tuple[frozenset[str], str]]) -> RoleModel:
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    matrix, vocabulary = feature_matrix([row for row, _ in data])
    model = LogisticRegression(C=C, max_iter=5000).fit(matrix, [role for _, role in data])  # multinomial
    return RoleModel([str(r) for r in model.classes_], [round(float(b), 4) for b in model.intercept_],
                     kept_weights(vocabulary, model.coef_))


def score(reads: list[Read], model: RoleModel | None) -> tuple[int, int, int]:
    """(perk, amount, role) counts (tp, fp, fn) over the readings, with the model's second opinion or without."""
    tp = fp = fn = 0
    for r in reads:
        said, low, words, spans = r.figures
        terms = second_opinion_on_roles(low, words, said.terms, spans, r.context, said.acts, model)
        expected, got = blind.label_triples(r.labels), blind.read_triples(terms)
        tp, fp, fn = tp + len(expected & got), fp + len(got - expected), fn + len(expected - got)
    return tp, fp, fn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--leave-out", metavar="GROUP", help="train without this tuning folder and score on it")
    args = parser.parse_args(argv)
    from bot.playbooks.loader import load_playbooks

    reads = readings(Understander(load_playbooks().perks, roles_model=False))
    groups = sorted({r.group for r in reads})
    print(f"{len(reads)} lines and turns from {len(groups)} tuning groups: {', '.join(groups)}")
    if args.leave_out:
        held = [r for r in reads if r.group == args.leave_out]
        if not held:
            parser.error(f"no tuning group {args.leave_out!r}; there are {', '.join(groups)}")
        model = train(examples([r for r in reads if r.group != args.leave_out]))
        for name, chosen in (("rules", None), (f"rules + model at {CHANGE}/{KEEP}", model)):
            tp, fp, fn = score(held, chosen)
            print(f"{args.leave_out} (perk, amount, role) F1, {name}: {f1(tp, fp, fn):.3f}"
                  f" (tp {tp}, fp {fp}, fn {fn})")
        return 0
    data = examples(reads)
    model = train(data)
    write_weights(model, WEIGHTS)
    print(f"{len(data)} figures; wrote {WEIGHTS} ({WEIGHTS.stat().st_size // 1024} KB, {len(model.features)} features, "
          f"{len(model.labels)} roles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
