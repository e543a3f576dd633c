"""Coaching: what the user did well, in their own words, and what the practice was worth.

`observe` runs on every user line during a practice and keeps, per rubric technique, the line
that shows it (bounded: one line per technique). `debrief` scores each technique 0–2, prices the
package won against the opening offer and against everything the hidden sheet allowed, and
reveals that sheet. `hint` names one concrete next move.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.markup import escape
from bot.messages import Card, CardField, Reply, ReplyKind
from bot.negotiation.counterpart import offer_terms
from bot.negotiation.state import PracticeState
from bot.playbooks.models import Detector, Playbooks, Scenario, Technique
from bot.understanding.acts import Act, Signal, Understanding
from bot.valuation.units import money, show
from bot.valuation.value import total_value

MAX_SCORE = 2
_EVIDENCE_CHARS = 200

# Which cue in a line is evidence for which detector.
_CUES: dict[Detector, tuple[set[Act], set[Signal]]] = {
    Detector.research_market: (set(), {Signal.market_data}),
    Detector.prioritise: (set(), {Signal.priority}),
    Detector.justify_value: (set(), {Signal.own_value}),
    Detector.show_enthusiasm: ({Act.enthusiasm}, set()),
    Detector.ask_alternatives: ({Act.trade_off}, {Signal.alternatives}),
    Detector.take_time: ({Act.request_time}, set()),
    Detector.get_in_writing: ({Act.request_writing}, set()),
}


# The same, keyed by the evidence keys, looked up once (enum member lookups are slow on 3.11).
_CUES_BY_KEY = tuple((detector.value, acts, signals) for detector, (acts, signals) in _CUES.items())
_JUSTIFY_VALUE = Detector.justify_value.value
_WHOLE_PACKAGE = Detector.whole_package.value


def observe(st: PracticeState, said: Understanding, scenario: Scenario) -> None:
    """Note what this line shows, before the counterpart answers it (mutates `st`)."""
    line = said.text.strip()[:_EVIDENCE_CHARS]
    said_acts, said_signals = set(said.acts), set(said.signals)
    for key, acts, signals in _CUES_BY_KEY:
        if key not in st.evidence and (acts & said_acts or signals & said_signals):
            st.evidence[key] = line
    if Act.justify in said.acts and _JUSTIFY_VALUE not in st.evidence:
        st.evidence["justify_partial"] = st.evidence.get("justify_partial", line)
    asks = [t for t in said.terms if t.perk and not t.negated and t.amount is not None and t.role == "ask"]
    if asks and "first_ask" not in st.evidence:
        st.evidence["first_ask"] = line
    new_perks = {t.perk for t in said.terms if t.perk} - set(st.perks_discussed)
    discussed = set(st.perks_discussed) | new_perks
    if _WHOLE_PACKAGE not in st.evidence and len(discussed) >= 2 and discussed - {"base_salary"}:
        st.evidence[_WHOLE_PACKAGE] = line
    if Signal.rude in said.signals and "rude" not in st.evidence:
        st.evidence["rude"] = line
    if Act.accept in said.acts and "first_ask" not in st.evidence and not asks:
        st.flags = [*st.flags, "accepted_first_offer"] if "accepted_first_offer" not in st.flags else st.flags


@dataclass(frozen=True)
class Score:
    technique: Technique
    score: int
    evidence: str | None  # the user's own line, or None


def score(st: PracticeState) -> list[tuple[Detector, int, str | None]]:
    """Each detector's score 0–2 with the line that earned it."""
    ev = st.evidence
    asked = "first_ask" in ev
    out: list[tuple[Detector, int, str | None]] = []
    for detector in Detector:
        line = ev.get(detector.value)
        match detector:
            case Detector.justify_value if not line and "justify_partial" in ev:
                out.append((detector, 1, ev["justify_partial"]))
            case Detector.prioritise if not line and asked and 1 <= len(st.perks_discussed) <= 3:
                out.append((detector, 1, ev["first_ask"]))  # focused on a few things, without saying why
            case Detector.whole_package if not line and st.perks_discussed:
                out.append((detector, 1, ev.get("first_ask")))
            case Detector.take_time if not line and st.status != "agreed" and asked:
                out.append((detector, 1, None))  # did not rush into a yes
            case Detector.polite_firm:
                # One insult costs the whole technique: it is what the other side remembers.
                if st.rude or "accepted_first_offer" in st.flags:
                    out.append((detector, 0, ev.get("rude")))
                elif not asked:
                    out.append((detector, 1, None))  # polite, but never asked for anything concrete
                else:
                    out.append((detector, 2, ev["first_ask"]))
            case _:
                out.append((detector, MAX_SCORE if line else 0, line))
    return out


@dataclass(frozen=True)
class Money:
    opening: float
    final: float
    best: float  # every movable perk at its limit

    @property
    def won(self) -> float:
        return self.final - self.opening

    @property
    def room_share(self) -> float:
        room = self.best - self.opening
        return max(0.0, min(1.0, self.won / room)) if room > 0 else 1.0


def money_outcome(st: PracticeState, scenario: Scenario, playbooks: Playbooks) -> Money:
    assumptions = {**playbooks.assumptions, **scenario.assumptions}

    def total(terms: dict[str, float]) -> float:
        return total_value(terms, playbooks, assumptions=assumptions)

    opening = {k: s.offer for k, s in scenario.perks.items()}
    final = offer_terms(st)
    best = dict(final)
    for key, sheet in scenario.perks.items():
        if sheet.limit is not None:
            perk = playbooks.perks[key]
            current = best.get(key, sheet.offer)
            best[key] = max(current, sheet.limit) if perk.better == "higher" else min(current, sheet.limit)
    return Money(opening=total(opening), final=total(final), best=total(best))


def debrief(st: PracticeState, scenario: Scenario, playbooks: Playbooks) -> tuple[list[Reply], dict]:
    """The scorecard replies and the practice record's data."""
    rubric = {t.detector: t for t in playbooks.rubric}
    scores = score(st)
    cash = money_outcome(st, scenario, playbooks)
    cur = scenario.currency
    outcome = {"agreed": "You reached an agreement.", "walked": "You walked away.", "ended": "You ended the practice."}
    total_score = sum(s for _, s, _ in scores)

    score_fields = []
    for detector, points, line in scores:
        tech = rubric.get(detector)
        if tech is None:
            continue
        stars = "●" * points + "○" * (MAX_SCORE - points)
        evidence = f"“{escape(line, 120)}”" if line else "not seen"
        score_fields.append(CardField(label=f"{stars} {tech.label}", value=evidence, inline=False))
    scorecard = Card(
        title=f"Your scorecard: {total_score}/{MAX_SCORE * len(scores)}",
        fields=tuple(score_fields),
        footer="● earned, ○ missed. Evidence is your own words from the practice.",
    )
    money_card = Card(
        title="What the package is worth, per year",
        fields=(
            CardField(label="Opening offer", value=money(cash.opening, cur)),
            CardField(label="Final package", value=money(cash.final, cur)),
            CardField(label="You won", value=f"{money(cash.won, cur)} a year"),
            CardField(label="Room captured", value=f"{cash.room_share:.0%} of what was available"),
        ),
        footer="Yearly money values use the assumptions shown by `value`.",
    )
    left = _left_on_table(st, scenario, playbooks)
    sheet_card = _hidden_sheet(st, scenario, playbooks)
    tips = _tips(scores, rubric)

    text = [f"**Debrief: {escape(scenario.title)}**", outcome.get(st.status, "")]
    if left:
        text += ["", "**Left on the table**", *[f"- {item}" for item in left]]
    else:
        text += ["", "You captured everything the company could move on. Nicely done."]
    text += ["", "**Three things to try next time**", *[f"- {tip}" for tip in tips]]
    replies = [
        Reply(text="\n".join(text), kind=ReplyKind.debrief, cards=(scorecard, money_card, sheet_card)),
    ]
    record = {
        "scenario": scenario.key,
        "outcome": st.status,
        "agreed": st.status == "agreed",
        "terms": offer_terms(st),
        "opening": {k: s.offer for k, s in scenario.perks.items()},
        "money_won_per_year": round(cash.won, 2),
        "room_share": round(cash.room_share, 4),
        "scores": {d.value: s for d, s, _ in scores},
        "score_total": total_score,
        "turns": st.turns,
    }
    return replies, record


def _left_on_table(st: PracticeState, scenario: Scenario, playbooks: Playbooks) -> list[str]:
    items = []
    for key, sheet in scenario.perks.items():
        if sheet.fixed or sheet.limit is None:
            continue
        perk = playbooks.perks[key]
        current = st.offer[key].current
        if current != sheet.limit and (current < sheet.limit if perk.better == "higher" else current > sheet.limit):
            items.append(
                f"{perk.label}: you ended at {show(current, perk, scenario.currency)}; "
                f"they could have gone to {show(sheet.limit, perk, scenario.currency)}."
            )
    return items


def _hidden_sheet(st: PracticeState, scenario: Scenario, playbooks: Playbooks) -> Card:
    fields = []
    for key, sheet in scenario.perks.items():
        perk = playbooks.perks[key]
        cur = scenario.currency
        if sheet.fixed:
            limit = "fixed"
            if sheet.alternatives:
                limit += "; instead: " + ", ".join(
                    f"{playbooks.perks[a.perk].label.lower()} {show(a.amount, playbooks.perks[a.perk], cur)}"
                    for a in sheet.alternatives
                )
        else:
            assert sheet.limit is not None
            unlocks = ", ".join(u.value.replace("_", " ") for u in sheet.unlocks)
            limit = f"up to {show(sheet.limit, perk, cur)}; moved by {unlocks}"
        fields.append(CardField(label=perk.label, value=f"opened at {show(sheet.offer, perk, cur)}, {limit}"))
    return Card(
        title=f"{scenario.persona.name}'s hidden sheet",
        fields=tuple(fields),
        footer=f"Patience: {scenario.patience} asks without a move before going firm.",
    )


def _tips(scores: list[tuple[Detector, int, str | None]], rubric: dict[Detector, Technique]) -> list[str]:
    missed = sorted((points, i, d) for i, (d, points, _) in enumerate(scores) if points < MAX_SCORE)
    tips = [f"{rubric[d].label}: {rubric[d].tip}" for _, _, d in missed if d in rubric][:3]
    if len(tips) < 3:
        tips.append("Practise a harder scenario: the same techniques, a tougher counterpart.")
    return tips[:3]


def hint(st: PracticeState, scenario: Scenario, playbooks: Playbooks) -> str:
    """One concrete next move for where the practice stands now."""
    rubric = {t.detector: t for t in playbooks.rubric}
    ev = st.evidence

    def say(detector: Detector, why: str) -> str:
        tech = rubric.get(detector)
        example = f" For example: “{escape(tech.example)}”" if tech else ""
        return f"{why}{example}"

    if st.firm:
        return say(Detector.take_time, "The recruiter has gone firm: pushing further won't help. "
                   "Decide calmly: ask for a day to think, and get the package in writing.")
    if Detector.show_enthusiasm.value not in ev:
        return say(Detector.show_enthusiasm,
                   "Start by saying what excites you about the role: it makes every ask land better.")
    if "first_ask" not in ev:
        return say(Detector.prioritise, "Pick the perk that matters most to you and ask for a concrete number.")
    if Detector.research_market.value not in ev:
        return say(Detector.research_market, "Back your number with market data: what similar roles pay or offer.")
    if Detector.justify_value.value not in ev:
        return say(Detector.justify_value, "Explain why you're worth it: a result you delivered, a skill they need.")
    stuck = [k for k, t in st.offer.items() if t.asks and not t.moved]
    if stuck and Detector.ask_alternatives.value not in ev:
        label = playbooks.perks[stuck[0]].label.lower()
        return say(Detector.ask_alternatives, f"They're not moving on {label}: ask what they could offer instead.")
    untouched = [k for k, s in scenario.perks.items() if not s.fixed and k not in st.perks_discussed]
    if untouched and Detector.whole_package.value not in ev:
        label = playbooks.perks[untouched[0]].label.lower()
        return say(Detector.whole_package, f"Look at the whole package: you haven't discussed {label} yet.")
    if Detector.get_in_writing.value not in ev:
        return say(Detector.get_in_writing, "Before you say yes, ask for the final package in writing.")
    if Detector.take_time.value not in ev:
        return say(Detector.take_time, "Don't accept on the spot: ask for a day or two to think it over.")
    return "You've covered the techniques. If the package works for you, accept it; if not, say what's missing."
