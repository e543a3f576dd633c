"""Coaching: what the user did well, in their own words, and what the practice was worth.

`observe` runs on every user line during a practice and keeps, per rubric technique, the line
that shows it (bounded: one line per technique). `debrief` scores each technique 0–2, prices the
package won against the opening offer and against everything the hidden sheet allowed, and
reveals that sheet. `hint` names one concrete next move.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.markup import escape
from bot.messages import Card, CardField, Reply, ReplyKind
from bot.negotiation.counterpart import offer_terms, shown
from bot.negotiation.state import PracticeState
from bot.playbooks.models import Detector, Playbooks, Scenario, Technique
from bot.understanding.acts import Act, Signal, Understanding
from bot.valuation.units import money
from bot.valuation.value import total_value

MAX_SCORE = 2
_EVIDENCE_CHARS = 200

# Which cue in a line is evidence for which detector.
_CUES: dict[Detector, tuple[set[Act], set[Signal]]] = {
    Detector.research_market: (set(), {Signal.market_data}),
    Detector.prioritise: (set(), {Signal.priority}),
    Detector.justify_value: (set(), {Signal.own_value}),
    Detector.show_enthusiasm: ({Act.enthusiasm}, set()),
    # Asking where there is room or what else they could do; proposing a trade oneself is not asking for one.
    Detector.ask_alternatives: (set(), {Signal.alternatives}),
    # A trade the recruiter took as one (something in the offer given up for something else) works the package.
    Detector.whole_package: ({Act.trade_off}, set()),
    Detector.take_time: ({Act.request_time}, set()),
    Detector.get_in_writing: ({Act.request_writing}, set()),
}


# The same, keyed by the evidence keys, looked up once (enum member lookups are slow on 3.11).
_CUES_BY_KEY = tuple((detector.value, acts, signals) for detector, (acts, signals) in _CUES.items())
_JUSTIFY_VALUE = Detector.justify_value.value
_WHOLE_PACKAGE = Detector.whole_package.value
_TECHNIQUE_KEYS = frozenset(d.value for d in Detector)


def observe(st: PracticeState, said: Understanding, scenario: Scenario, *, doubted: bool = False,
            weighed: bool = True) -> None:
    """Note what this line honestly shows, once the counterpart has weighed it (mutates `st`).

    A rude line shows nothing but its rudeness; a line whose figures the recruiter doubted shows no
    research and no reasons; an ask whose figure could not be weighed (unreadable, another currency,
    absurd) is no concrete ask; a line with no cue at all (a keyboard mash) shows nothing. One sentence
    is evidence for at most two techniques, so a long line can show more than a short one.
    """
    line = said.text.strip()[:_EVIDENCE_CHARS]
    if Signal.rude in said.signals:
        st.evidence.setdefault("rude", line)
        return
    said_acts, said_signals = _honest_cues(said, doubted=doubted)
    room = _allowance(line) - _uses(st, line)
    for key, acts, signals in _CUES_BY_KEY:
        if room > 0 and key not in st.evidence and (acts & said_acts or signals & said_signals):
            st.evidence[key] = line
            room -= 1
    if Act.justify in said_acts and _JUSTIFY_VALUE not in st.evidence and _argues(said):
        st.evidence.setdefault("justify_partial", line)
    asks = [t for t in said.terms if t.perk and not t.negated and t.amount is not None and t.role == "ask"]
    if not weighed or doubted:
        asks = []
    either_or = Signal.ultimatum in said.signals or (Act.quit in said.acts and bool(asks))
    if asks:
        _note_ask(st, line, reasoned=Act.justify in said_acts or Signal.own_value in said_signals,
                  either_or=either_or)
    if _courteous(line):
        st.flags = _flag(st.flags, "courteous")
    if either_or:
        st.evidence.setdefault("ultimatum", line)
    discussed = set(st.perks_discussed) | {t.perk for t in said.terms if t.perk}
    beyond_pay = any(t.perk != "base_salary" for t in asks)  # this line itself reaches past the salary
    if _WHOLE_PACKAGE not in st.evidence and len(discussed) >= 2 and beyond_pay and room > 0:
        st.evidence[_WHOLE_PACKAGE] = line
    _note_bargaining(st, said)
    if Act.accept in said.acts and "first_ask" not in st.evidence and "asked" not in st.flags:
        st.flags = _flag(st.flags, "accepted_first_offer")


def _argues(said: Understanding) -> bool:
    """Whether a reason in the line can back an ask: a reason for taking the offer as it stands ("it's within the
    range, so I'm comfortable with it") backs none; one on its own line backs the ask before it."""
    return Act.accept not in said.acts or bool({Act.propose, Act.reject, Act.trade_off} & set(said.acts)) or any(
        t.perk and t.role in ("ask", "give") and not t.negated for t in said.terms)


def _note_bargaining(st: PracticeState, said: Understanding) -> None:
    """The perks this line asks for or offers up, and whether the user asked for anything at all.

    Any ask, with a figure or not ("the base is fine; what matters most is a flexible schedule"), means the
    user did not simply take the first offer, even when the same line accepts part of it; a question about a
    perk ("is the bonus paid yearly?") bargains over nothing."""
    bargained = [t.perk for t in said.terms if t.perk and t.role in ("ask", "give") and not t.negated]
    if bargained or Act.trade_off in said.acts:
        st.flags = _flag(st.flags, "asked")
    for perk in bargained:
        st.perks_asked = _flag(st.perks_asked, perk)


def _honest_cues(said: Understanding, *, doubted: bool) -> tuple[set[Act], set[Signal]]:
    """The acts and signals a line earns credit for: none of its claims when doubted."""
    said_acts, said_signals = set(said.acts), set(said.signals)
    if doubted:
        said_acts -= {Act.justify, Act.competing_offer}
        said_signals -= {Signal.market_data, Signal.own_value}
    if Signal.alternatives in said_signals and Act.ask not in said_acts:
        said_signals.discard(Signal.alternatives)  # "I have other options" is not asking for any
    return said_acts, said_signals


def _note_ask(st: PracticeState, line: str, *, reasoned: bool, either_or: bool = False) -> None:
    """A concrete ask: the first one, whether the user came back with more, and the first courteous one.

    An either-or is never the courteous ask, whatever reasons it gives."""
    if "first_ask" in st.evidence:
        st.flags = _flag(st.flags, "asked_again")
    st.evidence.setdefault("first_ask", line)
    held = st.evidence.get("polite_ask")
    if either_or:
        return
    if (reasoned or _courteous(line)) and (held is None or _uses(st, held) >= _allowance(held)):
        st.evidence["polite_ask"] = line  # the first courteous ask that is not already quoted for two things


_COURTESY = ("please", "thank", "appreciate", "could you", "could we", "would you", "would it", "i'd like",
             "i would like", "i'd love", "grateful", "i understand", "happy to", "glad", "hope")


# The same courtesy in chat shorthand ("sweet ty!!", "pls", a folded-hands emoji), as whole words.
_COURTESY_SHORT = re.compile(r"\b(?:thx|thnx|ty|tysm|tyvm|pls|plz|cheers)\b|\U0001F64F")


def _courteous(line: str) -> bool:
    low = line.lower().replace("’", "'")
    return any(word in low for word in _COURTESY) or _COURTESY_SHORT.search(low) is not None


def _allowance(line: str) -> int:
    """Techniques one line may be evidence for: two per sentence it has."""
    sentences = [part for part in re.split(r"[.!?;]+(?:\s|$)", line) if len(part.split()) >= 3]
    return 2 * max(1, len(sentences))


def _uses(st: PracticeState, line: str) -> int:
    return sum(1 for key, text in st.evidence.items() if text == line and key in _TECHNIQUE_KEYS)


def _flag(flags: list[str], flag: str) -> list[str]:
    return flags if flag in flags else [*flags, flag]


@dataclass(frozen=True)
class Score:
    technique: Technique
    score: int
    evidence: str | None  # the user's own line, or None


def score(st: PracticeState) -> list[tuple[Detector, int, str | None]]:
    """Each detector's score 0–2 with the line that earned it.

    Partial credits lean on the user's first concrete ask; like direct evidence, one line backs at
    most two techniques per sentence, so the same line is never quoted for five of them.
    """
    ev = st.evidence
    first_ask = ev.get("first_ask")
    fair = not st.rude and "accepted_first_offer" not in st.flags
    out: list[tuple[Detector, int, str | None]] = []
    for detector in Detector:
        line = ev.get(detector.value)
        match detector:
            case Detector.justify_value if not line and "justify_partial" in ev:
                out.append((detector, 1, ev["justify_partial"]))
            # focused on a few things, without saying why; a question about another perk is no bargaining over it
            case Detector.prioritise if not line and first_ask and 1 <= len(st.perks_asked) <= 3:
                out.append((detector, 1, first_ask))
            case Detector.whole_package if not line and first_ask and len(st.perks_discussed) >= 2:
                out.append((detector, 1, first_ask))
            case Detector.polite_firm:
                out.append(_polite_firm(st, fair))
            case _:
                out.append((detector, MAX_SCORE if line else 0, line))
    return _within_allowance(out, ev)


def _polite_firm(st: PracticeState, fair: bool) -> tuple[Detector, int, str | None]:
    """Courteous asks held after the first answer; a bare demand is firm but not polite, and one insult costs all."""
    polite = st.evidence.get("polite_ask")
    if not fair:
        return Detector.polite_firm, 0, st.evidence.get("rude")
    if polite and "asked_again" in st.flags and "ultimatum" not in st.evidence and "courteous" in st.flags:
        return Detector.polite_firm, MAX_SCORE, polite  # reasons alone, never a kind word, are firm, not polite
    if polite or ("courteous" in st.flags and "first_ask" in st.evidence):
        return Detector.polite_firm, 1, polite or st.evidence.get("first_ask")
    return Detector.polite_firm, 0, None


def _within_allowance(out: list[tuple[Detector, int, str | None]],
                      ev: dict[str, str]) -> list[tuple[Detector, int, str | None]]:
    """Drop credits that quote a line more often than it has sentences to show them; direct evidence first,
    then the larger credits (a full "polite and firm" is not dropped to keep a one-point partial)."""
    uses: dict[str, int] = {}
    direct = [i for i, (d, points, line) in enumerate(out) if line and ev.get(d.value) == line]
    partial = sorted((i for i, (d, points, line) in enumerate(out) if line and ev.get(d.value) != line),
                     key=lambda i: -out[i][1])
    result = list(out)
    for i in direct + partial:
        detector, _, line = out[i]
        assert line is not None
        uses[line] = uses.get(line, 0) + 1
        if uses[line] > _allowance(line):
            result[i] = (detector, 0, None)
    return result


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
    if "recruiter_closed" in st.flags:
        outcome["ended"] = "The recruiter closed the talk after being asked again and again: no agreement."
    total_score = sum(s for _, s, _ in scores)
    agreed = st.status == "agreed"

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
    money_card = _money_card(st, cash, cur)
    left = _left_on_table(st, scenario, playbooks)
    sheet_card = _hidden_sheet(st, scenario, playbooks)
    tips = _tips(scores, rubric)

    text = [f"**Debrief: {escape(scenario.title)}**", outcome.get(st.status, "")]
    text += _credibility(st, scenario, playbooks)
    if "ultimatum" in st.evidence:
        text += ["", "**About the ultimatum**", f"- You said: “{escape(st.evidence['ultimatum'], 120)}”. An "
                 "either-or makes the other side defend its offer instead of improving it; a reason and a number "
                 "move it further. Walk away only when you mean it."]
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
        "agreed": agreed,
        "terms": offer_terms(st),
        "opening": {k: s.offer for k, s in scenario.perks.items()},
        "money_won_per_year": round(cash.won, 2) if agreed else 0.0,
        "room_share": round(cash.room_share, 4) if agreed else 0.0,
        "on_the_table_per_year": round(cash.won, 2),
        "doubted": len(st.doubts),
        "discredited": st.discredited is not None,
        "scores": {d.value: s for d, s, _ in scores},
        "score_total": total_score,
        "turns": st.turns,
    }
    return replies, record


def _money_card(st: PracticeState, cash: Money, cur: str) -> Card:
    """What the package is worth; without an agreement nothing is won, so it shows what was on the table."""
    if st.status == "agreed":
        return Card(
            title="What the package is worth, per year",
            fields=(
                CardField(label="Opening offer", value=money(cash.opening, cur)),
                CardField(label="Final package", value=money(cash.final, cur)),
                CardField(label="You won", value=f"{money(cash.won, cur)} a year"),
                CardField(label="Room captured", value=f"{cash.room_share:.0%} of what was available"),
            ),
            footer="Yearly money values use the assumptions shown by `value`.",
        )
    return Card(
        title="What was on the table, per year (no agreement, so nothing won yet)",
        fields=(
            CardField(label="Opening offer", value=money(cash.opening, cur)),
            CardField(label="On the table when you stopped", value=money(cash.final, cur)),
            CardField(label="Above the opening", value=f"{money(cash.won, cur)} a year, if you had agreed"),
        ),
        footer="Nothing is won until both sides agree. Yearly money values use the assumptions shown by `value`.",
    )


def _credibility(st: PracticeState, scenario: Scenario, playbooks: Playbooks) -> list[str]:
    """Why figures were questioned, against what the recruiter knew of the market."""
    if not st.doubts and not st.discredited:
        return []
    lines = ["", "**Credibility**"]
    rng = scenario.market.competing_offer or scenario.market.ranges.get("base_salary")
    known = ""
    if rng is not None:
        perk = playbooks.perks["base_salary"]
        known = f" {scenario.persona.name} knew the role pays about {shown(rng.low, perk, scenario)} to " \
                f"{shown(rng.high, perk, scenario)}."
    for line in st.doubts:
        lines.append(f"- Questioned: “{escape(line, 120)}”. A figure far outside the market earns nothing "
                     f"until it is backed by a believable source.{known}")
    if st.discredited:
        lines.append(f"- “{escape(st.discredited, 120)}” contradicted what you claimed earlier, so market data "
                     "and competing offers stopped counting for the rest of the practice. Quote real figures, "
                     "and the same ones each time.")
    return lines


def _left_on_table(st: PracticeState, scenario: Scenario, playbooks: Playbooks) -> list[str]:
    items = []
    for key, sheet in scenario.perks.items():
        if sheet.fixed or sheet.limit is None:
            continue
        perk = playbooks.perks[key]
        current = st.offer[key].current
        if current != sheet.limit and (current < sheet.limit if perk.better == "higher" else current > sheet.limit):
            items.append(
                f"{perk.label}: you ended at {shown(current, perk, scenario)}; "
                f"they could have gone to {shown(sheet.limit, perk, scenario)}."
            )
    return items


def _hidden_sheet(st: PracticeState, scenario: Scenario, playbooks: Playbooks) -> Card:
    fields = []
    for key, sheet in scenario.perks.items():
        perk = playbooks.perks[key]
        if sheet.fixed:
            limit = "fixed"
            if sheet.alternatives:
                limit += "; instead: " + ", ".join(
                    f"{playbooks.perks[a.perk].label.lower()} {shown(a.amount, playbooks.perks[a.perk], scenario)}"
                    for a in sheet.alternatives
                )
        else:
            assert sheet.limit is not None
            unlocks = ", ".join(u.value.replace("_", " ") for u in sheet.unlocks)
            limit = f"up to {shown(sheet.limit, perk, scenario)}; moved by {unlocks}"
        fields.append(CardField(label=perk.label, value=f"opened at {shown(sheet.offer, perk, scenario)}, {limit}"))
    fields += _market_fields(scenario, playbooks)
    return Card(
        title=f"{scenario.persona.name}'s hidden sheet",
        fields=tuple(fields),
        footer=f"Patience: {scenario.patience} asks without a move before going firm.",
    )


def _market_fields(scenario: Scenario, playbooks: Playbooks) -> list[CardField]:
    """The recruiter's view of the market, shown with the sheet it judged claims against."""
    view = scenario.market
    parts = [f"{playbooks.perks[k].label.lower()} {shown(r.low, playbooks.perks[k], scenario)}–"
             f"{shown(r.high, playbooks.perks[k], scenario)}" for k, r in view.ranges.items() if k in playbooks.perks]
    if view.competing_offer is not None:
        base = playbooks.perks["base_salary"]
        parts.append(f"a competing offer's base {shown(view.competing_offer.low, base, scenario)}–"
                     f"{shown(view.competing_offer.high, base, scenario)}")
    if not parts:
        return []
    return [CardField(label="The market as they saw it", value="; ".join(parts), inline=False)]


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
