"""A second opinion on the role of each figure in a message, learned from the blind tuning sets.

Which figure is the ask and which is evidence, the offer as it stands or something given up is where the
reading rules fail most on text they were not tuned on: on the tuning sets, a wrong role is half of all
(perk, amount, role) errors, more than wrong perks and missed figures together. This module holds a small
multinomial logistic model over the words around each figure, the rules' own reading of it (role, perk,
unit), the other figures of the message and the practice context (is the figure the offer's own?). It is
trained by ``bench/train_roles.py`` on every blind *tuning* line and live-practice turn, never on a frozen
set, and changes a figure's role only where it gives another role at least :data:`CHANGE` and leaves the
rules' role at most :data:`KEEP`. Perks, amounts,
acts and signals stay as read.

The weights live beside this module in ``role_weights.json`` (read once, on first use); a file trained on
other features is refused and the rules' roles stand, with a warning that says why.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

from bot.understanding.acts import Act, Context, Term
from bot.understanding.second_opinion import SparseLogistic

FEATURES = "figure-window-context/1"  # bump when figure_features() changes: the weights must be trained again
WEIGHTS = Path(__file__).with_name("role_weights.json")
# Chosen on the tuning sets, each scored by a model trained without it (docs/understanding.md). Changing a role at
# p >= 0.6 or 0.7 scored a little higher there, and so did changing it whatever chance the model left the rules'
# role; both turned "$95,000 base and $5,000 for the sign-on both work for me" into an ask for the sign-on and "close
# the gap from 140 to 150?" into an ask, which the reader's own tests rule out. The pair below keeps most of the gain
# (nine tuning groups pooled: 0.868 -> 0.874 against 0.876 with no floor): a wrong change can hide an ask from the
# recruiter or invent one.
CHANGE = 0.8  # the model's role must be at least this likely...
KEEP = 0.1  # ...and the rules' role at most this likely
_BEFORE = 6  # the words just before a figure say most about it ("I'd like", "market is", "instead of")
_AFTER = 8
_SENTENCE_ENDS = ".!?;\n"
Word = tuple[str, int, int]  # a word of the message as the reader split it, and where it was written


class RoleModel(SparseLogistic):
    """A multinomial logistic model over the roles a figure can play."""

    FEATURES = FEATURES
    LABELS = "roles"
    TRAINED_BY = "bench/train_roles.py"

    def probabilities(self, found: set[str]) -> dict[str, float]:
        logits = self.label_logits(found)
        top = max(logits.values())
        exps = {role: math.exp(logit - top) for role, logit in logits.items()}
        total = sum(exps.values())
        return {role: value / total for role, value in exps.items()}


def _word(word: str) -> str:
    return "<n>" if any(c.isdigit() for c in word) else word


def figure_features(low: str, words: Sequence[Word], term: Term, span: tuple[int, int], terms: Sequence[Term],
                    context: Context | None, acts: Sequence[Act]) -> set[str]:
    """The model's inputs for one figure of a normalised message and its words (as the reader split them, with
    where each was written): what the rules read of it, the words around it, where it stands among the message's
    figures, the acts read, and how it compares with the offer in context."""
    found = {f"role:{term.role}", f"perk:{term.perk}", f"unit:{term.unit}", f"role_perk:{term.role}:{term.perk}"}
    if term.range:
        found.add("range")
    if term.relative:
        found.add("relative")
    if term.per:
        found.add(f"per:{term.per}")
    found.update("act:" + act.value for act in acts)
    _words_around(low, words, span, found)
    _place_among(term, terms, found)
    _against_the_offer(term, context, found)
    return found


def _words_around(low: str, words: Sequence[Word], span: tuple[int, int], found: set[str]) -> None:
    """The words just before and after the figure (the nearest two also by place), the first words of its sentence,
    and whether its sentence asks."""
    start, end = span
    starts = [w[1] for w in words]
    first_inside, first_after = bisect_left(starts, start), bisect_left(starts, end)
    before = [_word(w[0]) for w in words[max(0, first_inside - _BEFORE):first_inside]]
    after = [_word(w[0]) for w in words[first_after:first_after + _AFTER]]
    for i, word in enumerate(reversed(before)):
        found.add("b:" + word)
        if i < 2:
            found.add(f"b{i}:{word}")
    for i, word in enumerate(after):
        found.add("a:" + word)
        if i < 2:
            found.add(f"a{i}:{word}")
    if len(before) >= 2:
        found.add(f"bb:{before[-2]}_{before[-1]}")
    if len(after) >= 2:
        found.add(f"aa:{after[0]}_{after[1]}")
    sentence = max(low.rfind(c, 0, start) for c in _SENTENCE_ENDS) + 1
    ends = [at for c in _SENTENCE_ENDS if (at := low.find(c, end)) >= 0]
    if ends and low[min(ends)] == "?":
        found.add("sentence?")
    opening = bisect_left(starts, sentence)
    found.update("sf:" + w[0] for w in words[opening:min(opening + 3, first_inside)])


def _place_among(term: Term, terms: Sequence[Term], found: set[str]) -> None:
    """How many figures the message holds, whether this one is the first or last, and where it stands among those
    of its own perk (a range before an ask, a figure raised from another)."""
    figures = [t for t in terms if t.amount is not None]
    found.add(f"figures:{min(len(figures), 4)}")
    if figures and figures[0] is term:
        found.add("first_figure")
    if figures and figures[-1] is term:
        found.add("last_figure")
    same = [t for t in figures if t.perk == term.perk]
    if len(same) > 1:
        found.add("perk_again")
        found.add("perk_first" if same[0] is term else "perk_later")
        values = [t.amount for t in same if t.amount is not None]
        if term.amount == max(values):
            found.add("perk_max")
        if term.amount == min(values):
            found.add("perk_min")


def _against_the_offer(term: Term, context: Context | None, found: set[str]) -> None:
    """What the counterpart last did, and whether the figure is the offer's own for its perk (or for any)."""
    if context is None:
        found.add("ctx:none")
        return
    found.add(f"ctx:{context.last_move}")
    if context.last_perk == term.perk:
        found.add("ctx:last_perk")
    standing = context.offer.get(term.perk) if term.perk else None
    if isinstance(standing, int | float) and term.amount is not None:
        found.add("ctx:perk_offered")
        found.add("eq_offer" if abs(standing - term.amount) < 1e-6
                  else "above_offer" if term.amount > standing else "below_offer")
    if term.amount is not None and any(isinstance(v, int | float) and abs(v - term.amount) < 1e-6
                                       for v in context.offer.values()):
        found.add("eq_any_offer")


@cache
def shipped_role_model() -> RoleModel | None:
    """The model trained for this release, or None where no usable weights were shipped: the rules' roles then
    stand, and a warning says why (a test keeps the shipped file usable)."""
    return RoleModel.load(WEIGHTS, "reading roles of figures with the rules alone")


def second_opinion_on_roles(low: str, words: Sequence[Word], terms: list[Term], spans: Mapping[float, tuple[int, int]],
                            context: Context | None, acts: Sequence[Act], model: RoleModel | None) -> list[Term]:
    """The terms, with a figure's role changed where the model gives another role at least :data:`CHANGE` and the
    rules' role at most :data:`KEEP`.
    ``spans`` maps a figure's amount to where it was written; a term with no span (one taken from the context)
    keeps the rules' role."""
    if model is None or not spans:
        return terms
    changed: list[Term] = []
    for term in terms:
        span = spans.get(term.amount) if term.amount is not None else None
        if span is None:
            changed.append(term)
            continue
        chances = model.probabilities(figure_features(low, words, term, span, terms, context, acts))
        best = max(chances, key=chances.__getitem__)
        if best != term.role and chances[best] >= CHANGE and chances.get(term.role, 0.0) <= KEEP:
            term = term.model_copy(update={"role": best, "give": best == "give"})
        changed.append(term)
    return changed
