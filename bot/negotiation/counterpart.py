"""The recruiter: a deterministic policy over a scenario's hidden sheet.

It concedes only within each perk's limit, and only as far as the user has earned with what the
sheet says unlocks that perk (market data, a competing offer, enthusiasm, a trade-off…). Pushing,
repeating, anchoring high or pleading earn nothing: the same arguments give the same answer, and
asks that move nothing use up its patience until it goes firm. Same state and message in, same
state and lines out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from bot.negotiation.state import PerkTrack, PracticeState
from bot.playbooks.models import PerkDef, PerkSheet, Playbooks, Scenario, Unit, Unlock
from bot.understanding.acts import Act, Signal, Term, Understanding
from bot.valuation.units import in_range, show, to_canonical

# Unlocks that stay earned once the user has shown them in the practice.
_SIGNAL_UNLOCKS = {
    Signal.market_data: Unlock.market_data,
    Signal.own_value: Unlock.justification,
    Signal.trial_period: Unlock.trial_period,
}
_ACT_UNLOCKS = {
    Act.justify: Unlock.justification,
    Act.competing_offer: Unlock.competing_offer,
    Act.enthusiasm: Unlock.enthusiasm,
    Act.trade_off: Unlock.trade_off,
}
# What the recruiter asks for when an ask has not earned a move, by the first missing unlock.
_NUDGES = {
    Unlock.market_data: "What are you basing that figure on?",
    Unlock.justification: "Help me understand why that matters for you in this role.",
    Unlock.competing_offer: "Is there something else on the table I should know about?",
    Unlock.enthusiasm: "Before I go back to the team, I'd like a sense of how keen you are on the role itself.",
    Unlock.trade_off: "If I move on that, is there anything you'd be flexible on in return?",
    Unlock.trial_period: "A permanent commitment on that is hard for us to make up front.",
    Unlock.politeness: "I'd like to keep this conversation constructive.",
}
_STEP = {Unit.money: 500.0, Unit.percent: 0.5}


@dataclass
class Turn:
    """What the counterpart did with one message."""

    state: PracticeState
    lines: list[str] = field(default_factory=list)
    ended: bool = False


def open_practice(scenario: Scenario) -> PracticeState:
    return PracticeState(
        scenario=scenario.key,
        offer={key: PerkTrack(current=sheet.offer) for key, sheet in scenario.perks.items()},
        patience=scenario.patience,
    )


def offer_terms(state: PracticeState) -> dict[str, float]:
    return {key: track.current for key, track in state.offer.items()}


class Counterpart:
    def __init__(self, scenario: Scenario, playbooks: Playbooks) -> None:
        self.scenario = scenario
        self.perks = playbooks.perks
        self.currency = scenario.currency

    # --- one turn --------------------------------------------------------------------------------

    def respond(self, state: PracticeState, said: Understanding) -> Turn:
        """The counterpart's answer to one message.

        It changes `state` in place and returns it as the turn's state: the engine owns the session
        it came from (a copy per turn made here was a tenth of a practice turn). A caller that still
        needs the state it passed copies it first (:func:`bot.session.private_copy`).
        """
        turn = Turn(state)
        state.turns += 1
        self._resolve_pending(turn)
        shown_before = set(state.shown)
        self._learn(state, said)

        said = self._attach_orphan_amounts(state, said)
        asks = self._asks(said)
        if self._closes(turn, said, asks) or self._rebuffs_rudeness(turn, said):
            return turn
        moved_before = {k for k, t in state.offer.items() if t.moved}
        for term in asks:
            self._answer_ask(turn, term, said)
        if any(t.moved and k not in moved_before for k, t in state.offer.items()):
            self._take_what_was_given(turn, said)
        if not asks:
            self._answer_without_terms(turn, said, set(state.shown) - shown_before)
        self._wrap_up(turn, said)
        return turn

    def walk_away(self, state: PracticeState) -> Turn:
        """The user walks away (once the practice has confirmed it): the recruiter's goodbye."""
        turn = Turn(state)
        self._walk_away(turn)
        return turn

    @staticmethod
    def _walk_away(turn: Turn) -> None:
        turn.state.status = "walked"
        turn.ended = True
        turn.lines.append(
            "I'm sorry we couldn't find something that works. If you change your mind this week, "
            "the offer as it stands is still there."
        )

    def _asks(self, said: Understanding) -> list[Term]:
        asks = [t for t in said.terms if self._is_ask(t, said)]
        if any(t.amount is not None for t in asks):
            # Beside a concrete ask, a perk named without a number is context ("visiting family takes a
            # week of travel"), not a second, vague ask.
            asks = [t for t in asks if t.amount is not None or self._needs_no_number(t)]
        return asks

    def _closes(self, turn: Turn, said: Understanding, asks: list[Term]) -> bool:
        """Walking away, or accepting an offer the message asks nothing more of, ends the talk."""
        st = turn.state
        if Act.quit in said.acts:
            self._walk_away(turn)
            return True
        if Act.accept in said.acts and not any(self._improves(st, t) for t in asks):
            st.status = "agreed"
            turn.ended = True
            closing = "Wonderful, welcome aboard! "
            if Act.request_writing in said.acts or "asked_writing" in st.flags:
                closing += "I'll send the written offer with everything we agreed today."
            else:
                closing += "HR will be in touch with the paperwork."
            turn.lines.append(closing)
            return True
        return False

    def _rebuffs_rudeness(self, turn: Turn, said: Understanding) -> bool:
        """A rude message earns nothing, whatever it asked; a second one ends the concessions."""
        st = turn.state
        if Signal.rude not in said.signals:
            return False
        st.rude += 1
        st.patience = max(0, st.patience - 2)
        if st.rude >= 2 and not st.firm:
            st.firm = True
            turn.lines.append(
                "I don't think this tone is getting us anywhere. The offer stands as it is; "
                "let me know if you'd like to accept it."
            )
            return True
        turn.lines.append(_NUDGES[Unlock.politeness] + " I'll take the rest of that up once we're there.")
        return True

    def _wrap_up(self, turn: Turn, said: Understanding) -> None:
        """What closes every answer: going firm when patience is gone, writing and time asked for."""
        st = turn.state
        if st.patience == 0 and not st.firm:
            st.firm = True
            turn.lines.append(
                "I've taken this as far as I can. What's on the table now is our best offer: "
                + self.package_line(st)
                + "."
            )
        if Act.request_writing in said.acts:
            st.flags = _add(st.flags, "asked_writing")
            turn.lines.append("Of course. Everything we agree will be in the written offer, perk by perk.")
        if Act.request_time in said.acts:
            st.flags = _add(st.flags, "took_time")
            turn.lines.append("Take the time you need; a couple of days is fine. The offer stays open.")
        if not turn.lines:
            turn.lines.append(self._prompt_for_ask())

    # --- asks ---------------------------------------------------------------------------------------

    def _answer_ask(self, turn: Turn, term: Term, said: Understanding) -> None:
        st = turn.state
        key = term.perk
        assert key is not None
        perk = self.perks[key]
        st.perks_discussed = _add(st.perks_discussed, key)
        st.last_perk = key
        sheet = self.scenario.perks.get(key)
        track = st.offer.get(key)
        base = st.offer["base_salary"].current
        current = track.current if track else 0.0
        wanted = to_canonical(term, perk, current=current, base=base)

        if wanted is None:
            if Act.ask in said.acts or term.amount is None:
                on_table = show(current, perk, self.currency) if track else "nothing"
                turn.lines.append(
                    f"On {perk.label.lower()}, we're offering {on_table}. What exactly would you like to see?"
                    if track and current
                    else f"What would you have in mind for {perk.label.lower()}? A concrete number helps me."
                )
            else:
                turn.lines.append(
                    f"I'm not sure how to read that for {perk.label.lower()}. Could you give me a number?"
                )
            return
        if not in_range(wanted, perk):
            turn.lines.append(
                f"{show(wanted, perk, self.currency)} doesn't look like a real figure for {perk.label.lower()}. "
                "Could you check the number?"
            )
            return
        if sheet is None or track is None:
            self._not_offered(turn, perk, said)
            return
        if not _better(perk, wanted, track.current):
            if Act.ask in said.acts:
                turn.lines.append(f"We're offering {show(track.current, perk, self.currency)} on {perk.label.lower()}.")
            else:
                turn.lines.append(
                    f"That's already covered: the offer includes {show(track.current, perk, self.currency)} "
                    f"on {perk.label.lower()}."
                )
            return
        track.last_ask = wanted
        if st.firm:
            turn.lines.append("As I said, this is our final offer.")
            return
        if sheet.fixed:
            self._fixed(turn, key, sheet, said)
            return

        earned = self._earned(st, sheet)
        assert sheet.limit is not None  # a perk without a limit is fixed, answered above
        target = sheet.offer + min(1.0, earned / sheet.needs) * (sheet.limit - sheet.offer) if earned else sheet.offer
        move = min(wanted, target) if perk.better == "higher" else max(wanted, target)
        if move != wanted:
            move = _round(perk, move, toward=sheet.offer)
        if _better(perk, move, track.current):
            if sheet.check_with_team and not track.moved and track.pending is None:
                track.pending = move
                st.checked_in = True
                turn.lines.append(
                    f"Let me check with the team on {perk.label.lower()} and come back to you on that."
                )
                return
            track.current = move
            track.moved = True
            if move == wanted:
                turn.lines.append(f"Okay, {show(move, perk, self.currency)} on {perk.label.lower()} works for us.")
            else:
                turn.lines.append(
                    f"I can't get to {show(wanted, perk, self.currency)}, but I can offer "
                    f"{show(move, perk, self.currency)} on {perk.label.lower()}."
                )
            return

        track.asks += 1
        st.patience = max(0, st.patience - 1)
        at_limit = track.current == sheet.limit
        if at_limit:
            turn.lines.append(sheet.firm_line or f"That's as far as I can go on {perk.label.lower()}.")
            self._maybe_alternative(turn, key, sheet, asked_for_options=Signal.alternatives in said.signals)
            return
        missing = [u for u in sheet.unlocks if not self._has(st, u)]
        nudge = _NUDGES.get(missing[0]) if missing else None
        turn.lines.append(
            f"I hear you on {perk.label.lower()}, but I can't move from {show(track.current, perk, self.currency)} "
            "on that basis alone." + (f" {nudge}" if nudge else "")
        )

    def _fixed(self, turn: Turn, key: str, sheet: PerkSheet, said: Understanding) -> None:
        st = turn.state
        perk = self.perks[key]
        st.offer[key].asks += 1
        st.patience = max(0, st.patience - 1)
        turn.lines.append(sheet.firm_line or f"{perk.label} isn't something we can change for this role.")
        asked = Signal.alternatives in said.signals
        if not self._maybe_alternative(turn, key, sheet, asked_for_options=asked) and sheet.alternatives:
            turn.lines.append("If you tell me what's behind the ask, there may be another way to address it.")

    def _maybe_alternative(self, turn: Turn, key: str, sheet: PerkSheet, *, asked_for_options: bool) -> bool:
        """Offer the next alternative when the user has explained the need or asked for options."""
        st = turn.state
        reasons = Unlock.justification.value in st.shown or asked_for_options
        if not reasons or st.firm:
            return False
        for alt in sheet.alternatives:
            track = st.offer.get(alt.perk)
            alt_perk = self.perks[alt.perk]
            if track is None:
                st.offer[alt.perk] = track = PerkTrack(current=0.0)
            if _better(alt_perk, alt.amount, track.current):
                track.current = alt.amount
                track.moved = True
                st.offer[key].alternative_offered = True
                turn.lines.append(alt.say)
                return True
        return False

    def _not_offered(self, turn: Turn, perk: PerkDef, said: Understanding) -> None:
        # Asking about something the company simply doesn't have is not pushing: no patience spent.
        turn.lines.append(f"{perk.label} isn't part of what we offer for this role, I'm afraid.")

    def _answer_without_terms(self, turn: Turn, said: Understanding, earned_now: set[str]) -> None:
        st = turn.state
        if self._reconsider(turn, said, earned_now):
            return
        if Signal.summary in said.signals or (Act.ask in said.acts and _about_the_offer(said.text)):
            turn.lines.append("Here's where we are: " + self.package_line(st) + ".")
        elif Signal.alternatives in said.signals:
            self._list_alternatives(turn)
        elif Act.reject in said.acts:
            turn.lines.append(
                "I understand it's not there yet for you. Which part matters most? "
                "Give me a concrete number and I'll see what I can do."
            )
        elif Act.competing_offer in said.acts:
            turn.lines.append("Thanks for being open about that. What would you need from us to make this work?")
        elif Act.enthusiasm in said.acts:
            turn.lines.append("That's great to hear; the team is excited about you too.")
        elif Act.justify in said.acts:
            sheet = self.scenario.perks.get(st.last_perk or "")
            track = st.offer.get(st.last_perk or "")
            stuck = sheet is not None and track is not None and (sheet.fixed or track.current == sheet.limit)
            asked = Signal.alternatives in said.signals
            key = st.last_perk or ""
            if not (stuck and sheet and self._maybe_alternative(turn, key, sheet, asked_for_options=asked)):
                turn.lines.append("That's helpful context, thank you. What would you like to see change in the offer?")
        elif Act.greet in said.acts:
            turn.lines.append(
                f"Hi! Thanks again for your time. Any thoughts on the offer for the {self.scenario.role} role?"
            )
        elif Act.ask in said.acts and not {Act.request_writing, Act.request_time} & set(said.acts):
            turn.lines.append("Happy to answer. Which part of the package would you like to know more about?")
        elif Signal.pleading in said.signals:
            st.patience = max(0, st.patience - 1)
            turn.lines.append("I understand it matters to you, but I need something concrete to take to the team.")

    def _reconsider(self, turn: Turn, said: Understanding, earned_now: set[str]) -> bool:
        """New arguments without a new number: look again at the last ask that didn't land.

        "Could we try it for three months?" after a refused remote-work ask is that ask again, now
        with a trial period behind it. Only an argument the perk's sheet counts can reopen it.
        """
        st = turn.state
        key = st.last_perk
        sheet = self.scenario.perks.get(key or "")
        track = st.offer.get(key or "")
        if key is None or sheet is None or track is None or track.last_ask is None or st.firm:
            return False
        if not earned_now & {u.value for u in sheet.unlocks}:
            return False
        if not _better(self.perks[key], track.last_ask, track.current):
            return False
        self._answer_ask(turn, Term(perk=key, amount=track.last_ask), Understanding(text=said.text, acts=[Act.propose]))
        return True

    def _list_alternatives(self, turn: Turn) -> None:
        """Name perks that still have room — never how much."""
        st = turn.state
        if st.firm:
            turn.lines.append("I'm afraid the offer is final now.")
            return
        for key in st.perks_discussed:
            sheet = self.scenario.perks.get(key)
            if sheet and sheet.alternatives and self._maybe_alternative(turn, key, sheet, asked_for_options=True):
                return
        open_perks = [
            self.perks[k].label.lower()
            for k, s in self.scenario.perks.items()
            if not s.fixed and st.offer[k].current != s.limit and k not in st.perks_discussed
        ]
        if open_perks:
            turn.lines.append(f"There's some flexibility on {_join(open_perks[:3])}, if any of those matter to you.")
        else:
            turn.lines.append("Honestly, we've covered everything I can move on.")

    # --- helpers ---------------------------------------------------------------------------------

    def _resolve_pending(self, turn: Turn) -> None:
        st = turn.state
        if not st.checked_in:
            return
        st.checked_in = False
        for key, track in st.offer.items():
            if track.pending is not None:
                track.current, track.pending, track.moved = track.pending, None, True
                perk = self.perks[key]
                turn.lines.append(
                    f"I checked with the team: we can do {show(track.current, perk, self.currency)} "
                    f"on {perk.label.lower()}."
                )

    def _learn(self, st: PracticeState, said: Understanding) -> None:
        for signal, unlock in _SIGNAL_UNLOCKS.items():
            if signal in said.signals:
                st.shown = _add(st.shown, unlock.value)
        for act, unlock in _ACT_UNLOCKS.items():
            if act in said.acts:
                st.shown = _add(st.shown, unlock.value)

    def _has(self, st: PracticeState, unlock: Unlock) -> bool:
        if unlock is Unlock.concrete_number:
            return True  # only asks with an amount reach the policy
        if unlock is Unlock.politeness:
            return st.rude == 0
        return unlock.value in st.shown

    def _earned(self, st: PracticeState, sheet: PerkSheet) -> int:
        return sum(self._has(st, u) for u in sheet.unlocks)

    def _improves(self, st: PracticeState, term: Term) -> bool:
        perk = self.perks[term.perk or ""]
        track = st.offer.get(term.perk or "")
        wanted = to_canonical(term, perk, current=track.current if track else 0.0,
                              base=st.offer["base_salary"].current)
        return wanted is not None and _better(perk, wanted, track.current if track else 0.0)

    def _attach_orphan_amounts(self, st: PracticeState, said: Understanding) -> Understanding:
        """An amount that names no perk belongs to the perk named without one, or to the one just discussed.

        So "make the salary 1e99" is checked against the salary's range instead of being ignored.
        """
        orphans = [t for t in said.terms if t.perk is None and t.amount is not None]
        if not orphans:
            return said
        bare = [t for t in said.terms if t.perk in self.perks and t.amount is None and not t.negated]
        if len(bare) == 1:
            target: str | None = bare[0].perk
        elif not any(t.perk for t in said.terms):
            target = st.last_perk
        else:
            return said
        if target is None:
            return said
        orphan = orphans[0]
        terms = [t for t in said.terms if t is not orphan and not (bare and t is bare[0])]
        terms.append(orphan.model_copy(update={"perk": target}))
        return said.model_copy(update={"terms": terms})

    def _is_ask(self, term: Term, said: Understanding) -> bool:
        """A perk named without a number is an ask only in a proposal or a question.

        "I'm relocating my family, so the risk is high" names relocation to explain, not to ask.
        """
        if term.perk not in self.perks or term.negated or term.give or term.role not in ("ask", "question"):
            return False  # evidence ("comparable roles pay 150-170k") and the offer as it stands are not asks
        # Figures given as evidence are not asks: a market range ("comparable roles pay 62-68k") or what
        # another company offers ("another offer at 140k"). A single figure with market data is an ask.
        if term.range is not None and Signal.market_data in said.signals and Act.propose not in said.acts:
            return False
        if Act.competing_offer in said.acts and Act.propose not in said.acts:
            return False
        return term.amount is not None or bool({Act.propose, Act.ask} & set(said.acts)) or not said.acts

    def _take_what_was_given(self, turn: Turn, said: Understanding) -> None:
        """A trade that earned its move costs what the user offered up.

        "I'd trade part of the sign-on for two remote days": once the remote days are granted, the
        sign-on goes down to the amount named, or by half when no amount was named.
        """
        st = turn.state
        for term in said.terms:
            track = st.offer.get(term.perk or "")
            if not term.give or track is None or not track.current:
                continue
            perk = self.perks[term.perk or ""]
            named = to_canonical(term, perk, current=track.current, base=st.offer["base_salary"].current)
            if named is None or not _better(perk, track.current, named):
                named = _round(perk, track.current / 2, toward=0.0) if perk.better == "higher" else track.current
            if named == track.current or not in_range(named, perk):
                continue
            track.current = named
            turn.lines.append(f"In exchange, {perk.label.lower()} becomes {show(named, perk, self.currency)}.")

    def _needs_no_number(self, term: Term) -> bool:
        """Yes/no perks ("a flexible schedule", "a mentor") are concrete asks without an amount."""
        return self.perks[term.perk or ""].unit is Unit.flag

    def _prompt_for_ask(self) -> str:
        return "What would you like to discuss? Name the perk and the number you have in mind."

    def package_line(self, st: PracticeState) -> str:
        return ", ".join(
            f"{self.perks[k].label.lower()} {show(t.current, self.perks[k], self.currency)}"
            for k, t in st.offer.items()
            if t.current or k == "base_salary"
        )


_OFFER_WORDS = ("offer", "package", "so far", "where are we", "on the table", "everything")


def _about_the_offer(text: str) -> bool:
    low = text.lower()
    return any(word in low for word in _OFFER_WORDS)


def _better(perk: PerkDef, a: float, b: float) -> bool:
    return a > b if perk.better == "higher" else a < b


def _round(perk: PerkDef, amount: float, *, toward: float) -> float:
    """A clipped concession in round steps, rounded back toward the opening so a limit is never passed."""
    step = _STEP.get(perk.unit, 0.5 if perk.unit in (Unit.months, Unit.weeks) else 1.0)
    steps = amount / step
    return (math.floor(steps) if amount >= toward else math.ceil(steps)) * step


def _add(items: list[str], item: str) -> list[str]:
    return items if item in items else [*items, item]


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
