"""The recruiter: a deterministic policy over a scenario's hidden sheet.

It concedes only within each perk's limit, and only as far as the user has earned with what was
really said: a reason that refers to something, market data or a competing offer it can believe,
enthusiasm in words, a trade that gives up something in the offer. A number alone, the absence of
insults, pushing, repeating or pleading earn nothing; asks that move nothing use up its patience
until it goes firm. Figures far outside the market it knows are questioned (:mod:`.market`), and
how it says things rotates through phrasings in the persona's style (:mod:`.voice`). Same state
and message in, same state and lines out.
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass, field

from bot.negotiation import facts, market, voice
from bot.negotiation.state import PerkTrack, PracticeState
from bot.playbooks.models import PerkDef, PerkSheet, Playbooks, Scenario, Unit, Unlock, ValueMethod
from bot.understanding import cues
from bot.understanding.acts import Act, Signal, Term, Understanding
from bot.valuation.units import in_range, money, show, to_canonical

_STEP = {Unit.money: 500.0, Unit.percent: 0.5}
# Unlocks that are conditions rather than arguments: they add to a real argument, never replace one.
_CONDITIONS = frozenset({Unlock.concrete_number, Unlock.politeness})
_REASON_TURNS = 2  # a reason still counts this many messages later
_FIRM_PUSHES = 5  # asks after going firm before the recruiter closes the talk
_MAX_DOUBTS = 3  # doubted lines kept for the debrief
# Words that take up the offer as a whole, not one term of it ("I accept", "deal", "we're good").
_WHOLE_OFFER = re.compile(
    r"\b(accept\w*|offer|deal|sign\w*|everything|all (?:good|set|fine)|(?:we|i)'?(?:re| am| are)? good|"
    r"package|on board|count me in|take (?:it|the job|the role)|let'?s do (?:it|this)|i'?m in|welcome)\b",
    re.IGNORECASE)


# The same, without "accept": words that name the whole offer even beside one term ("20 days, and I accept
# the offer").
_NAMES_THE_OFFER = re.compile(
    r"\b(offer|deal|sign\w*|everything|all|package|on board|count me in|take (?:the job|the role)|"
    r"let'?s do (?:it|this)|welcome)\b", re.IGNORECASE)


# A clause that puts the acceptance off ("before I formally accept, I'd like to read it with my wife"): whatever
# it says about the offer, the message takes nothing yet.
_PUTS_OFF = re.compile(
    r"\bbefore (?:i|we) (?:\w+ly )?(?:accept\w*|sign\w*|say yes|commit\w*|decide|agree|confirm|"
    r"give (?:you )?(?:my|a|an|our) (?:final )?answer)\b[^.!?]*", re.IGNORECASE)
# Words that take the offer, said as a statement: in a message that also asks something, only these make it an
# acceptance ("I accept. Could you send it in writing?"); "so that's 158k and 4 days, correct?" asks, it doesn't take.
_TAKES_IT = re.compile(
    r"(?<!not )(?<!n't )(?<!cannot )\baccept(?:s|ed|ing)?\b|\bdeal\b|\b(?:i'?ll|i will|let'?s|ready to) sign\b|"
    r"\b(?:i'?m|we'?re|i am|we are) in\b(?=\s*(?:[.!,]|$))|\bcount me in\b|\bsay yes\b|"
    r"\b(?:i'?ll|i will) take (?:it|the (?:job|role|offer|package))\b|\blet'?s do (?:it|this)\b|"
    r"^\W*(?:yes|yep|yeah|agreed)\b", re.IGNORECASE)
# A question that asks whether the deal stands: "…, correct?", "shall we call it agreed?", "is that everything?".
_CONFIRMING = re.compile(
    r"\b(?:correct|right|agreed|a deal|deal|settled|done|all set|good to go|that it|that everything|that all)\s*\?",
    re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_ENDS_ASKING = re.compile(r"\?[\W_]*$")


def _is_question(said: Understanding) -> bool:
    return Act.ask in said.acts or "?" in said.text


def _takes_in_words(text: str) -> bool:
    """Whether a statement in the message (not a question, not a clause putting it off) takes the offer."""
    kept = _PUTS_OFF.sub(" ", text)
    return any(_TAKES_IT.search(part.strip()) for part in _SENTENCE.findall(kept) if not part.rstrip().endswith("?"))


def _takes_nothing(said: Understanding) -> bool:
    """A yes the message does not mean as taking the offer: it asks a question or puts the acceptance off, and no
    statement in it takes the offer in words."""
    asks_or_waits = _is_question(said) or _PUTS_OFF.search(said.text) is not None
    return Act.accept in said.acts and asks_or_waits and not _takes_in_words(said.text)


@dataclass
class Turn:
    """What the counterpart did with one message."""

    state: PracticeState
    lines: list[str] = field(default_factory=list)
    ended: bool = False
    doubted: bool = False  # a figure in this message was questioned: it earns nothing
    pushed: bool = False  # already answered as an ask after going firm
    weighed: bool = False  # an ask with a readable, sane figure was answered on its merits
    moved: bool = False  # this reply already put a new figure on the table (a counter or an agreement)
    checked: set[str] = field(default_factory=set)  # perks the team's answer settled in this reply
    read: Understanding | None = None  # the message as the recruiter took it (ranges quoted as evidence…)


def _accepts_whole_offer(text: str) -> bool:
    return _WHOLE_OFFER.search(text) is not None


def open_practice(scenario: Scenario, seed: int | None = None) -> PracticeState:
    return PracticeState(
        scenario=scenario.key,
        offer={key: PerkTrack(current=sheet.offer) for key, sheet in scenario.perks.items()},
        patience=scenario.patience,
        seed=voice.seed_for(scenario.key) if seed is None else seed,
    )


def offer_terms(state: PracticeState) -> dict[str, float]:
    return {key: track.current for key, track in state.offer.items()}


def quoted_monthly(perk: PerkDef, scenario: Scenario) -> bool:
    """Whether the scenario quotes this perk per month: pay, where the scenario quotes pay monthly."""
    return scenario.pay_period == "month" and perk.value is ValueMethod.salary


def shown(amount: float, perk: PerkDef, scenario: Scenario) -> str:
    """An amount as this scenario quotes it: pay per month where the scenario quotes monthly."""
    if quoted_monthly(perk, scenario):
        return f"{money(amount / 12, scenario.currency)} a month"
    return show(amount, perk, scenario.currency)


class Counterpart:
    def __init__(self, scenario: Scenario, playbooks: Playbooks) -> None:
        self.scenario = scenario
        self.perks = playbooks.perks
        self.currency = scenario.currency
        self.style = scenario.persona.style

    def _say(self, st: PracticeState, kind: str, **fields: str) -> str:
        line = voice.say(st, kind, self.style, **fields)
        _note_line(st, voice.move_of(kind, line), fields.get("key"))
        return line

    def _show(self, amount: float, perk: PerkDef) -> str:
        return shown(amount, perk, self.scenario)

    def _fields(self, perk: PerkDef, **more: str) -> dict[str, str]:
        return {"perk": perk.label.lower(), "perk_cap": perk.label, "key": perk.key, **more}

    # --- one turn --------------------------------------------------------------------------------

    def respond(self, state: PracticeState, said: Understanding) -> Turn:
        """The counterpart's answer to one message.

        It changes `state` in place and returns it as the turn's state: the engine owns the session
        it came from (a copy per turn made here was a tenth of a practice turn). A caller that still
        needs the state it passed copies it first (:func:`bot.session.private_copy`).
        """
        turn = Turn(state)
        state.turns += 1
        voice.begin_reply(state)
        before = {key: track.current for key, track in state.offer.items()}  # the offer the user was answering
        self._resolve_pending(turn)
        said = self._ranges_as_evidence(state, self._attach_orphan_amounts(state, said))
        if Act.trade_off in said.acts and not self._real_trade(state, said):
            said = said.model_copy(update={"acts": [a for a in said.acts if a is not Act.trade_off]})
        confirming = _takes_nothing(said)  # "so that's the package, correct?": answered, never taken as a yes
        as_said = said
        if confirming:
            said = said.model_copy(update={"acts": [a for a in said.acts if a is not Act.accept]})
        turn.read = said
        kinds = facts.aspects(said.text) if _is_question(said) else []  # the kinds of fact the message asks for
        questions = self._questions(state, said, kinds)
        asks = self._asks(said, asked_about=questions)
        if self._closes(turn, said, asks, questions, confirming=confirming) or self._rebuffs_rudeness(turn, said):
            return turn
        named = {t.perk for t in said.terms if t.perk in self.perks}
        if len(named) == 1:
            state.topic = named.pop()  # the perk under discussion, unless a line of the reply names another
        if self._said_again(turn, said, asks):
            return turn
        earned_now = self._learn(turn, said)
        if Signal.ultimatum in said.signals or (Act.quit in said.acts and asks):
            turn.lines.append(self._say(state, "ultimatum"))
        self._correct_misremembered(turn, as_said, closing=False)
        self._answer_questions(turn, questions, kinds)
        moved_before = {k for k, t in state.offer.items() if t.moved}
        pending_before = {k for k, t in state.offer.items() if t.pending is not None}
        self._answer_asks(turn, asks, said)
        if any(t.moved and k not in moved_before for k, t in state.offer.items()):
            self._take_what_was_given(turn, said, before)
        elif any(t.pending is not None and k not in pending_before for k, t in state.offer.items()):
            # the team answers next turn: what the user gave up goes if, and when, it says yes
            state.traded = self._what_was_given(state, said, before)
        if not asks and not questions:
            self._answer_without_terms(turn, said, earned_now)
        self._wrap_up(turn, said)
        return turn

    def walk_away(self, state: PracticeState) -> Turn:
        """The user walks away (once the practice has confirmed it): the recruiter's goodbye."""
        turn = Turn(state)
        voice.begin_reply(state)
        self._walk_away(turn)
        return turn

    def _walk_away(self, turn: Turn) -> None:
        turn.state.status = "walked"
        turn.ended = True
        turn.lines.append(self._say(turn.state, "walk_away"))

    def _asks(self, said: Understanding, asked_about: list[str]) -> list[Term]:
        # a perk asked about for information is answered with its facts (_answer_questions), not as an ask
        asks = [_priced(t, said) for t in said.terms if self._is_ask(t, said) and not (t.perk in asked_about and (
            t.role == "question" or self._only_named_in_a_question(t, said)))]
        if any(t.amount is not None for t in asks):
            # Beside a concrete ask, a perk named without a number is context ("visiting family takes a
            # week of travel"), not a second, vague ask.
            asks = [t for t in asks if t.amount is not None or self._needs_no_number(t)]
        elif Act.request_writing in said.acts or _asks_for_options(said):
            # "put the sign-on and the PTO in writing" names what to write down, and "if the base can't
            # move, what else could you offer?" asks for options: neither asks for the perks it names
            asks = []
        if any(self._needs_no_number(t) for t in asks):
            asks = [t for t in asks if t.amount is not None or self._needs_no_number(t)]
        chosen: dict[str, Term] = {}
        for term in asks:  # one answer per perk: "8% … or at least 6%" is one ask about one perk
            earlier = chosen.get(term.perk or "")
            if (earlier is None or (earlier.range is not None and term.range is None)
                    or (earlier.role == "question" and term.role == "ask")):  # the ask, not the figure asked about
                chosen[term.perk or ""] = term
        return list(chosen.values())

    def _questions(self, st: PracticeState, said: Understanding, kinds: list[str]) -> list[str]:
        """The perks of the offer this message asks about for information ("is the $1,000 training budget per
        year?"): a term read as a question, or a perk named without a figure in a message that only asks. What
        they are, not more of them; an ask for more in the same message is answered after, as an ask. `kinds`:
        the kinds of fact it asks for (:func:`bot.negotiation.facts.aspects`)."""
        if not kinds:
            return []
        asked = [t.perk for t in said.terms if t.perk in st.offer and not t.negated and not t.give
                 and (t.role == "question" or self._only_named_in_a_question(t, said))]
        return [key for key in dict.fromkeys(asked) if key is not None]

    @staticmethod
    def _only_named_in_a_question(term: Term, said: Understanding) -> bool:
        """ "Is the bonus guaranteed?" read as an ask without a figure, in a message that proposes nothing."""
        return (term.role == "ask" and term.amount is None and Act.propose not in said.acts
                and not any(t.perk == term.perk and t.amount is not None for t in said.terms))

    def _answer_questions(self, turn: Turn, questions: list[str], kinds: list[str]) -> None:
        """Each perk asked about: its figure as the user reads it, then the facts of the `kinds` asked for, or an
        honest "I'd have to check". Nothing moves, no patience is spent and no argument is noted."""
        st = turn.state
        for key in questions:
            perk = self.perks[key]
            current = st.offer[key].current
            fields = self._fields(perk, current=self._show(current, perk))
            parts = [] if perk.unit is Unit.level else [voice.say(
                st, "fact_none" if not current else "fact_figure", self.style, **fields)]
            if perk.unit is Unit.flag and current:
                parts = [voice.say(st, "covered_flag", self.style, **fields)]
            known = list(dict.fromkeys(a for a in facts.answers(kinds, key, self.scenario) if a))
            who = "payroll" if perk.unit in (Unit.money, Unit.percent) else "HR"
            parts += known or [voice.say(st, "fact_unknown", self.style, who=who)]
            turn.lines.append(" ".join(parts))
            _note_line(st, "summary", key)
            st.perks_discussed = _add(st.perks_discussed, key)  # talked about, as when it was answered as an ask

    def _closes(self, turn: Turn, said: Understanding, asks: list[Term], questions: list[str], *,
                confirming: bool = False) -> bool:
        """Walking away, or accepting an offer the message asks nothing more of, ends the talk; "Great, thank you!
        Can you also cover my parking?" takes the last move and asks for parking, a question about the offer
        ("sounds good, is the bonus guaranteed?") wants its answer first, and a question whether the deal stands
        is answered with the package, the candidate's yes to that closing it."""
        st = turn.state
        if Act.quit in said.acts and not asks:
            self._walk_away(turn)
            return True
        asked_before = "asked_to_confirm" in st.flags
        st.flags = [f for f in st.flags if f != "asked_to_confirm"]
        if self._asks_if_agreed(st, said, asks, accepted=confirming):
            self._confirm_package(turn, said)
            return True
        confirming = asked_before
        if self._accepts(said) and not questions and not any(
                self._improves(st, t) or t.amount is None or t.role == "question" for t in asks):
            if self._correct_misremembered(turn, said, closing=True):
                return True
            if not confirming and not self._takes_whole_offer(st, said):
                # "Okay. Step 2 is fine" settles one term, not the offer: ask before closing the talk
                st.flags = [*st.flags, "asked_to_confirm"]
                turn.lines.append(self._say(st, "term_agreed"))
                return True
            st.status = "agreed"
            turn.ended = True
            writing = Act.request_writing in said.acts or "asked_writing" in st.flags
            turn.lines.append(self._say(st, "welcome") + " "
                              + self._say(st, "welcome_writing" if writing else "welcome_hr"))
            return True
        return False

    def _asks_if_agreed(self, st: PracticeState, said: Understanding, asks: list[Term], *, accepted: bool) -> bool:
        """A question whether the deal stands: the offer read back ("158k base and 4 days, correct?"), "shall we call
        it agreed?", or thanks with a question about the offer as a whole. Not a request for a recap, for options,
        for writing or time (each has its own answer), nor one that argues, asks about one perk or for more."""
        if not _ENDS_ASKING.search(said.text) or _takes_in_words(said.text):
            return False
        if (Signal.summary in said.signals or _asks_for_options(said) or {
                Act.request_writing, Act.request_time, Act.reject, Act.quit, Act.competing_offer,
                Act.trade_off} & set(said.acts)):
            return False
        read_back = [t for t in said.terms if self._reads_back(st, t)]
        if any(t not in read_back and t.role in ("ask", "give", "question") for t in said.terms):
            return False  # "and the sign-on, is it paid with the first salary?" asks about a perk: answered as such
        perks_read = {t.perk for t in read_back}
        last = _SENTENCE.findall(said.text.strip())[-1]
        cue = _CONFIRMING.search(last) is not None and (len(last.split()) <= 8 or len(perks_read) >= 2)
        # thanks, then the package said back as it stands; a figure asked about ("is the 3% the pension?") is a
        # question about that perk instead
        stated = {t.perk for t in read_back if t.role == "current"}
        return cue or len(stated) >= 2 or (accepted and _about_the_offer(said.text))

    def _reads_back(self, st: PracticeState, term: Term) -> bool:
        """A figure said back as the offer has it ("we're at 158k base"); "could it be 2 days?" asks instead."""
        track = st.offer.get(term.perk or "")
        if track is None or term.amount is None or term.give or term.relative:
            return False
        if term.role == "current":
            return True  # a figure that differs is put right (misquoted), never granted
        return term.role == "question" and not self._improves(st, term)

    def _confirm_package(self, turn: Turn, said: Understanding) -> None:
        """"Yes, that's the package: …", or the figure put right; the candidate's yes to it closes the talk."""
        st = turn.state
        if self._correct_misremembered(turn, said, closing=True, asked=True):
            return
        st.flags = _add(st.flags, "asked_to_confirm")
        turn.lines.append(self._say(st, "confirm_package", package=self.package_line(st)))

    def _correct_misremembered(self, turn: Turn, said: Understanding, *, closing: bool, asked: bool = False) -> bool:
        """An acceptance that names a figure the offer doesn't have ("78k and 4 days, I accept" with 72k and 3
        days on the table) is put right before anything is agreed: closing on it would seal terms the user
        never got, and conceding them would reward a misquote. Returns whether a correction was said."""
        st = turn.state
        if not (asked or self._accepts(said)):
            return False
        for term in said.terms:
            track = st.offer.get(term.perk or "")
            perk = self.perks.get(term.perk or "")
            said_back = term.role == "current" or (asked and closing and self._reads_back(st, term))
            if (not said_back or term.amount is None or term.relative or term.negated or track is None
                    or perk is None):
                continue
            named = to_canonical(term, perk, current=track.current, base=st.offer["base_salary"].current)
            if named is not None and self._quoted_monthly(term, perk, named):
                named *= 12
            if named is None or not in_range(named, perk) or math.isclose(named, track.current, rel_tol=0.01):
                continue
            kind = "misquoted_close" if closing else "misquoted"
            if closing:
                st.flags = _add(st.flags, "asked_to_confirm")  # a "yes" now takes the offer as it stands
            turn.lines.append(self._say(st, kind, **self._fields(perk, current=self._show(track.current, perk),
                                                                   named=self._show(named, perk))))
            return True
        return False

    @staticmethod
    def _takes_whole_offer(st: PracticeState, said: Understanding) -> bool:
        """Words that take the offer as a whole; "20 days, okay, I accept this" right after a counter on paid
        time off takes that counter, so the recruiter asks about the rest before closing the talk."""
        if not _accepts_whole_offer(said.text):
            return False
        named = {t.perk for t in said.terms if t.perk}
        return named != {st.topic} or _NAMES_THE_OFFER.search(said.text) is not None

    @staticmethod
    def _accepts(said: Understanding) -> bool:
        """A yes, unless the same message argues on: "Ok, to be fair the other offer is 172k" accepts nothing (but
        "I told the other company no. I accept." does); nor does one that asks for a recap or for what else could
        be done, which wants an answer, not a close, nor one that asks for time first ("$2,000 is fair… I'd like a
        day to read it over before I sign")."""
        if (Act.accept not in said.acts or Signal.summary in said.signals or _asks_for_options(said)
                or Act.request_time in said.acts):
            return False
        arguing = {Act.reject, Act.quit} & set(said.acts)
        if Act.competing_offer in said.acts and not _takes_in_words(said.text):
            return False  # "sounds fine, though the other company is still in the picture" argues on
        return not arguing and not any(t.role == "evidence" for t in said.terms)

    def _rebuffs_rudeness(self, turn: Turn, said: Understanding) -> bool:
        """A rude message earns nothing, whatever it asked; a second one ends the concessions."""
        st = turn.state
        if Signal.rude not in said.signals:
            return False
        st.rude += 1
        st.patience = max(0, st.patience - 2)
        if st.firm:
            self._push_while_firm(turn, "tone_firm")
            return True
        if st.rude >= 2:
            st.firm = True
            turn.lines.append(self._say(st, "tone_firm"))
            return True
        turn.lines.append(self._say(st, "tone"))
        return True

    def _said_again(self, turn: Turn, said: Understanding, asks: list[Term]) -> bool:
        """The same ask word for word, again: it earns nothing new and costs patience."""
        st = turn.state
        fingerprint = zlib.crc32(" ".join(said.text.lower().split()).encode())
        again = st.last_text == fingerprint and bool(asks)
        st.last_text = fingerprint
        if not again:
            return False
        st.patience = max(0, st.patience - 1)
        if st.firm:
            self._push_while_firm(turn, "final")
        else:
            turn.lines.append(self._say(st, "repeat"))
            self._wrap_up(turn, said)
        return True

    def _push_while_firm(self, turn: Turn, kind: str) -> None:
        """Asked again after going firm: the answer stays, and after a few the recruiter closes the talk."""
        st = turn.state
        if turn.pushed:
            return  # one answer per message, however many asks it held
        turn.pushed = True
        st.firm_pushes += 1
        if st.firm_pushes >= _FIRM_PUSHES:
            st.status = "ended"
            st.flags = _add(st.flags, "recruiter_closed")
            turn.ended = True
            turn.lines.append(self._say(st, "close_talk"))
        else:
            turn.lines.append(self._say(st, kind))

    def _wrap_up(self, turn: Turn, said: Understanding) -> None:
        """What closes every answer: going firm when patience is gone, writing and time asked for."""
        st = turn.state
        if turn.ended:
            return
        if st.patience == 0 and not st.firm:
            st.firm = True
            turn.lines.append(self._say(st, "went_firm", package=self.package_line(st)))
        if Act.request_writing in said.acts:
            st.flags = _add(st.flags, "asked_writing")
            turn.lines.append(self._say(st, "writing"))
        if Act.request_time in said.acts:
            st.flags = _add(st.flags, "took_time")
            turn.lines.append(self._say(st, "time"))
        if not turn.lines:
            turn.lines.append(self._say(st, "prompt", role=self.scenario.role))

    # --- what the message earns ------------------------------------------------------------------

    def _learn(self, turn: Turn, said: Understanding) -> set[str]:
        """Record what this message genuinely shows; the unlocks it newly earned come back.

        A claim the recruiter cannot believe is questioned and earns nothing, and neither does
        anything else it came with but enthusiasm; a claim that contradicts an earlier one costs
        credibility for the rest of the practice.
        """
        st = turn.state
        before = set(st.shown) | ({Unlock.justification.value} if self._reason_fresh(st) else set())
        credible = self._weigh_claims(turn, said)
        if Act.enthusiasm in said.acts:
            st.shown = _add(st.shown, Unlock.enthusiasm.value)
        if Signal.trial_period in said.signals:
            st.shown = _add(st.shown, Unlock.trial_period.value)
        if credible:
            if Signal.market_data in said.signals:
                st.shown = _add(st.shown, Unlock.market_data.value)
            if Act.competing_offer in said.acts:
                st.shown = _add(st.shown, Unlock.competing_offer.value)
            if Act.justify in said.acts or Signal.own_value in said.signals:
                st.shown = _add(st.shown, Unlock.justification.value)
                st.reason_turn = st.turns
        after = set(st.shown) | ({Unlock.justification.value} if self._reason_fresh(st) else set())
        return after - before if credible else set()

    def _weigh_claims(self, turn: Turn, said: Understanding) -> bool:
        """Check each figure claimed as evidence against the market view; False when one is doubted."""
        st = turn.state
        competing = Act.competing_offer in said.acts
        if not (competing or Signal.market_data in said.signals):
            return True
        for term in said.terms:
            if term.role != "evidence" or term.amount is None or term.perk not in self.perks:
                continue
            perk = self.perks[term.perk]
            if term.currency and term.currency != self.currency:
                continue  # named when asked in it; a foreign figure is not weighed against this market
            low = to_canonical(term, perk, base=st.offer["base_salary"].current)
            if low is None:
                continue
            if self._quoted_monthly(term, perk, low):
                low *= 12
            high = low + (term.range[1] - term.range[0]) * (low / term.amount) if term.range else low
            if market.far_below(high, perk, self.scenario, term.perk):
                continue  # "grants run $20k-$40k" tied to the salary is a misreading, not a claim to weigh
            rival = competing and term.range is None  # another employer's offer is one figure; a range is the market
            kind = f"competing:{term.perk}" if rival else f"market:{term.perk}"
            if term.doubtful or not in_range(high, perk) or not market.believable(
                    high, perk, self.scenario, term.perk, competing=rival and term.perk == "base_salary"):
                self._doubt(turn, said, kind, (low, high))
                return False
            if self._contradicts(turn, said, kind, (low, high)):
                return False
            st.claims[kind] = (low, high)
        return True

    def _doubt(self, turn: Turn, said: Understanding, kind: str, claimed: tuple[float, float]) -> None:
        st = turn.state
        turn.doubted = True
        st.claims.setdefault(kind, claimed)
        st.patience = max(0, st.patience - self.scenario.credibility.doubt_costs_patience)
        if len(st.doubts) < _MAX_DOUBTS:
            st.doubts = [*st.doubts, said.text.strip()[:200]]
        turn.lines.append(self._say(st, "doubt_claim"))

    def _contradicts(self, turn: Turn, said: Understanding, kind: str, claimed: tuple[float, float]) -> bool:
        st = turn.state
        earlier = st.claims.get(kind)
        rules = self.scenario.credibility
        if earlier is None or not market.contradicts(earlier, claimed, rules.contradiction_margin):
            return False
        turn.doubted = True
        if st.discredited is None:
            st.discredited = said.text.strip()[:200]
        perk = self.perks[kind.split(":", 1)[1]]
        turn.lines.append(self._say(st, "contradiction", before=self._show(earlier[1], perk),
                                    now=self._show(claimed[1], perk)))
        return True

    def _reason_fresh(self, st: PracticeState) -> bool:
        return st.reason_turn is not None and st.turns - st.reason_turn <= _REASON_TURNS

    def _has(self, st: PracticeState, unlock: Unlock, said: Understanding) -> bool:
        if st.discredited and unlock in self.scenario.credibility.contradiction_loses:
            return False
        if unlock is Unlock.concrete_number:
            return True  # only plausible asks with an amount reach the policy
        if unlock is Unlock.politeness:
            return st.rude == 0
        if unlock is Unlock.justification:
            return self._reason_fresh(st)
        if unlock is Unlock.trade_off:
            return self._real_trade(st, said)
        return unlock.value in st.shown

    def _earned(self, st: PracticeState, sheet: PerkSheet, said: Understanding) -> int:
        """How many of the sheet's unlocks this ask has; conditions count only beside a real argument."""
        present = [u for u in sheet.unlocks if self._has(st, u, said)]
        arguments = [u for u in sheet.unlocks if u not in _CONDITIONS]
        if arguments and not any(u not in _CONDITIONS for u in present):
            return 0
        return len(present)

    def _real_trade(self, st: PracticeState, said: Understanding) -> bool:
        """A trade gives up something that is in the offer now ("the company car" in an offer without one is not),
        and not the perk the same message asks for ("it's 0 remote days now; could it be 2?" gives nothing)."""
        return Act.trade_off in said.acts and any(
            t.give and t.perk in st.offer and st.offer[t.perk].current and not _asked_for(said, t.perk)
            for t in said.terms)

    # --- asks ---------------------------------------------------------------------------------------

    def _answer_asks(self, turn: Turn, asks: list[Term], said: Understanding) -> None:
        st = turn.state
        for term in said.terms:
            if (term.give and term.perk in self.perks and not (term.perk in st.offer and st.offer[term.perk].current)
                    and not _asked_for(said, term.perk)):
                turn.lines.append(self._say(st, "fake_trade", **self._fields(self.perks[term.perk])))
        vague = [t for t in asks if t.amount is None and not self._needs_no_number(t)]
        offered = [t for t in vague if t.perk in st.offer]
        if len(vague) >= 2 and offered:
            items = [self._term_now(st, t.perk or "") for t in offered]
            turn.lines.append(self._say(st, "recap_ask", items=_join(items)))
            for t in vague:
                st.perks_discussed = _add(st.perks_discussed, t.perk or "")
            asks = [t for t in asks if t not in vague]
        for term in asks:
            self._answer_ask(turn, term, said)

    def _answer_ask(self, turn: Turn, term: Term, said: Understanding) -> None:
        st = turn.state
        key = term.perk
        assert key is not None
        perk = self.perks[key]
        st.perks_discussed = _add(st.perks_discussed, key)
        st.last_perk = key
        wanted = self._wanted(turn, term, perk, said)
        if wanted is None:
            return
        turn.weighed = True
        sheet = self.scenario.perks.get(key)
        track = st.offer.get(key)
        if sheet is None or track is None:
            # Asking about something the company simply doesn't have is not pushing: no patience spent.
            turn.lines.append(self._say(st, "not_offered", **self._fields(perk)))
            return
        if not _better(perk, wanted, track.current):
            asked = Act.ask in said.acts or term.role == "question"  # a question is never told it is "covered"
            kind = "covered_flag" if perk.unit is Unit.flag else "covered_ask" if asked else "covered"
            turn.lines.append(self._say(st, kind, **self._fields(perk, current=self._show(track.current, perk))))
            return
        if self._refuses(turn, key, sheet, wanted, said):
            return
        track.last_ask = wanted
        self._concede_or_hold(turn, key, sheet, wanted, said)

    def _wanted(self, turn: Turn, term: Term, perk: PerkDef, said: Understanding) -> float | None:
        """The ask in the perk's unit, or None after saying why it can't be read as one."""
        st = turn.state
        track = st.offer.get(term.perk or "")
        current = track.current if track else 0.0
        if term.currency and term.currency != self.currency and perk.unit is Unit.money:
            turn.lines.append(self._say(st, "foreign_currency", theirs=term.currency, ours=self.currency))
            return None
        wanted = to_canonical(term, perk, current=current, base=st.offer["base_salary"].current)
        if wanted is not None and self._quoted_monthly(term, perk, wanted):
            wanted *= 12
        if wanted is None:
            if Act.request_writing in said.acts:
                return None  # "in writing, with the review at three months" names what to write down
            if Act.ask in said.acts or term.amount is None:
                kind = "ask_number_offered" if track and current else "ask_number"
                turn.lines.append(self._say(st, kind, **self._fields(perk, current=self._show(current, perk))))
            else:
                turn.lines.append(self._say(st, "unreadable", **self._fields(perk)))
            return None
        if term.doubtful or not in_range(wanted, perk):
            # Never echoed: a figure like 1e308 is a typo or a test, not an amount to repeat back.
            turn.doubted = True
            turn.lines.append(self._say(st, "insane", **self._fields(perk)))
            return None
        return wanted

    def _quoted_monthly(self, term: Term, perk: PerkDef, wanted: float) -> bool:
        """A bare pay figure in a scenario that quotes pay monthly is a monthly one when it fits only as that."""
        sheet = self.scenario.perks.get(term.perk or "")
        return (quoted_monthly(perk, self.scenario) and term.per is None
                and not term.relative and sheet is not None and wanted * 12 <= perk.max
                and wanted < sheet.offer / 4)

    def _refuses(self, turn: Turn, key: str, sheet: PerkSheet, wanted: float, said: Understanding) -> bool:
        """Asks that cannot move this perk whatever was said: firm, fixed, or beyond belief."""
        st = turn.state
        perk = self.perks[key]
        if st.firm:
            self._push_while_firm(turn, "final")
            return True
        if not market.believable(wanted, perk, self.scenario, key):
            turn.doubted = True
            st.patience = max(0, st.patience - self.scenario.credibility.doubt_costs_patience)
            if len(st.doubts) < _MAX_DOUBTS:
                st.doubts = [*st.doubts, said.text.strip()[:200]]
            turn.lines.append(self._say(st, "doubt_ask", **self._fields(perk, asked=self._show(wanted, perk))))
            return True
        if sheet.fixed:
            self._fixed(turn, key, sheet, said)
            return True
        return False

    def _concede_or_hold(self, turn: Turn, key: str, sheet: PerkSheet, wanted: float, said: Understanding) -> None:
        st = turn.state
        perk = self.perks[key]
        track = st.offer[key]
        earned = self._earned(st, sheet, said)
        assert sheet.limit is not None  # a perk without a limit is fixed, refused above
        target = sheet.offer + min(1.0, earned / sheet.needs) * (sheet.limit - sheet.offer) if earned else sheet.offer
        move = min(wanted, target) if perk.better == "higher" else max(wanted, target)
        if move != wanted:
            move = _round(perk, move, toward=sheet.offer)
        if _better(perk, move, track.current):
            self._concede(turn, key, sheet, wanted, move)
            return
        track.asks += 1
        st.patience = max(0, st.patience - 1)
        if track.current == sheet.limit:
            said_before = f"firm:{key}" in st.flags
            st.flags = _add(st.flags, f"firm:{key}")
            if sheet.firm_line and not said_before:
                turn.lines.append(sheet.firm_line)
                _note_line(st, "refusal", key)
            else:
                turn.lines.append(self._say(st, "at_limit", **self._fields(perk)))
            self._maybe_alternative(turn, key, sheet, asked_for_options=_asks_for_options(said))
            return
        missing = [u for u in sheet.unlocks if u not in _CONDITIONS and not self._has(st, u, said)]
        line = self._say(st, "hold", **self._fields(perk, current=self._show(track.current, perk)))
        if missing:
            line += f" {voice.nudge(st, missing[0].value)}"
            _note_line(st, voice.move_of("hold", line), key)  # "…Are you weighing another offer?" wants an answer
        turn.lines.append(line)

    def _concede(self, turn: Turn, key: str, sheet: PerkSheet, wanted: float, move: float) -> None:
        st = turn.state
        perk = self.perks[key]
        track = st.offer[key]
        if sheet.check_with_team and not track.moved and track.pending is None:
            track.pending = move
            st.checked_in = True
            line = voice.say(st, "check", self.style, **self._fields(perk))
            if not turn.moved:
                # "let me check" puts nothing to the user: after a figure put on the table in the same reply ("I can
                # move base to $154,000. Sign-on isn't my call; let me check"), a bare "156k?" answers that figure
                _note_line(st, voice.move_of("check", line), key)
            turn.lines.append(line)
            return
        track.current = move
        track.moved = turn.moved = True
        amount = self._show(move, perk)
        if perk.unit is Unit.flag:
            turn.lines.append(self._say(st, "agree_flag", **self._fields(perk)))
        elif move == wanted:
            turn.lines.append(self._say(st, "agree", **self._fields(perk, amount=amount)))
        else:
            turn.lines.append(self._say(st, "counter", **self._fields(perk, amount=amount,
                                                                      asked=self._show(wanted, perk))))

    def _fixed(self, turn: Turn, key: str, sheet: PerkSheet, said: Understanding) -> None:
        st = turn.state
        perk = self.perks[key]
        st.offer[key].asks += 1
        st.patience = max(0, st.patience - 1)
        said_before = f"firm:{key}" in st.flags
        st.flags = _add(st.flags, f"firm:{key}")
        if sheet.firm_line and not said_before:
            turn.lines.append(sheet.firm_line)
            _note_line(st, "refusal", key)
        else:
            turn.lines.append(self._say(st, "fixed", **self._fields(perk)))
        asked = _asks_for_options(said)
        offered = self._maybe_alternative(turn, key, sheet, asked_for_options=asked)
        if not offered and sheet.alternatives and not st.offer[key].alternative_offered and not said_before:
            turn.lines.append(self._say(st, "fixed_more"))

    def _maybe_alternative(self, turn: Turn, key: str, sheet: PerkSheet, *, asked_for_options: bool) -> bool:
        """Offer the next alternative when the user has explained the need or asked for options."""
        st = turn.state
        reasons = Unlock.justification.value in st.shown or asked_for_options
        if not reasons or st.firm:
            return False
        for alt in sheet.alternatives:
            if alt.perk in turn.checked:
                continue  # "the team came back: 5%" and "what I can do is 6%" in one breath contradict each other
            track = st.offer.get(alt.perk)
            alt_perk = self.perks[alt.perk]
            if track is None:
                st.offer[alt.perk] = track = PerkTrack(current=0.0)
            if _better(alt_perk, alt.amount, track.current):
                track.current = alt.amount
                track.moved = True
                st.offer[key].alternative_offered = True
                turn.lines.append(alt.say)
                _note_line(st, "offer", alt.perk)
                return True
        return False

    def _answer_without_terms(self, turn: Turn, said: Understanding, earned_now: set[str]) -> None:
        st = turn.state
        if turn.doubted or self._reconsider(turn, said, earned_now):
            return
        if _asks_for_options(said):
            self._list_alternatives(turn)
        elif Signal.summary in said.signals or (Act.ask in said.acts and _about_the_offer(said.text)):
            turn.lines.append(self._say(st, "recap", package=self.package_line(st)))
        elif {Act.request_writing, Act.request_time} & set(said.acts):
            # "send it in writing, I'll tell the other company tomorrow": the writing and the time are answered
            # (see _wrap_up), not met with "what would you need from us?" or "what's the number?"
            if Act.enthusiasm in said.acts:
                turn.lines.append(self._say(st, "enthusiasm_ack"))
        else:
            self._react(turn, said)

    def _react(self, turn: Turn, said: Understanding) -> None:
        """A message with no ask, no question for options and no request: answered by what it does."""
        st = turn.state
        if Act.reject in said.acts:
            turn.lines.append(self._say(st, "reject_ack"))
        elif Act.competing_offer in said.acts:
            turn.lines.append(self._say(st, "competing_ack"))
        elif Act.enthusiasm in said.acts:
            turn.lines.append(self._say(st, "enthusiasm_ack"))
        elif Act.justify in said.acts:
            self._answer_reason(turn, said)
        elif not said.acts and "thank" in said.text.lower() and st.turns > 1:
            turn.lines.append(self._say(st, "thanks_ack"))  # thanks once the talk is under way: no second hello
        elif Act.greet in said.acts or (not said.acts and "thank" in said.text.lower()):
            turn.lines.append(self._say(st, "greet", role=self.scenario.role))
        elif Act.ask in said.acts:
            named = {t.perk for t in said.terms if t.perk in st.offer}
            if len(named) == 1:  # "is the leave fixed at 15 days?": what the offer has on it
                key = named.pop()
                perk = self.perks[key]
                turn.lines.append(self._say(st, "covered_ask", **self._fields(
                    perk, current=self._show(st.offer[key].current, perk))))
            else:
                turn.lines.append(self._say(st, "ask_general"))
        elif Signal.pleading in said.signals:
            st.patience = max(0, st.patience - 1)
            turn.lines.append(self._say(st, "pleading"))

    def _answer_reason(self, turn: Turn, said: Understanding) -> None:
        """A reason with no ask: an alternative if the last perk discussed is stuck, else a question."""
        st = turn.state
        key = st.last_perk or ""
        sheet = self.scenario.perks.get(key)
        track = st.offer.get(key)
        stuck = sheet is not None and track is not None and (sheet.fixed or track.current == sheet.limit)
        asked = _asks_for_options(said)
        if not (stuck and sheet and self._maybe_alternative(turn, key, sheet, asked_for_options=asked)):
            turn.lines.append(self._say(st, "context_ack"))

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
        again = Understanding(text=said.text, acts=[Act.propose, *said.acts], signals=said.signals)
        self._answer_ask(turn, Term(perk=key, amount=track.last_ask), again)
        return True

    def _list_alternatives(self, turn: Turn) -> None:
        """Name perks that still have room — never how much."""
        st = turn.state
        if st.firm:
            turn.lines.append(self._say(st, "final_no_alts"))
            return
        for key in st.perks_discussed:
            sheet = self.scenario.perks.get(key)
            if sheet and sheet.alternatives and self._maybe_alternative(turn, key, sheet, asked_for_options=True):
                return
        open_perks = [
            self.perks[k].label.lower()
            for k, s in self.scenario.perks.items()
            if not s.fixed and st.offer[k].current != s.limit and k not in st.perks_discussed
        ][:3]
        if not open_perks:
            turn.lines.append(self._say(st, "nothing_left"))
            return
        names = _join(open_perks)
        kind = "flexibility_one" if len(open_perks) == 1 else "flexibility"
        turn.lines.append(self._say(st, kind, perks=names, perks_cap=names[:1].upper() + names[1:]))

    # --- helpers ---------------------------------------------------------------------------------

    def _resolve_pending(self, turn: Turn) -> None:
        st = turn.state
        if not st.checked_in:
            return
        st.checked_in = False
        for key, track in st.offer.items():
            if track.pending is not None:
                pending, track.pending = track.pending, None
                perk = self.perks[key]
                if not _better(perk, pending, track.current):
                    continue  # an alternative already put more on the table: the team's answer never takes it back
                track.current, track.moved = pending, True
                turn.checked.add(key)
                turn.lines.append(self._say(st, "checked", **self._fields(perk, amount=self._show(track.current,
                                                                                                   perk))))
                self._give_up(turn, st.traded)
        st.traded = {}

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

    def _ranges_as_evidence(self, st: PracticeState, said: Understanding) -> Understanding:
        """A range quoted beside a single figure, or one starting at or below the offer, is market data.

        "Managers here earn $170k to $190k, so I'd like $185k": nobody asks for a range that starts
        under what is on the table, or for a range and a figure at once; the range is the evidence.
        """
        terms = list(said.terms)
        # A range given as evidence ("managers here earn $170k to $190k") is market data, cue words or not; a range
        # the thing a perk pays for costs ("movers quoted $14k-$18k") is a reason, not what others are paid.
        costs = _costs_named(said.text)
        changed = any(t.range is not None and t.role == "evidence" and t.perk in self.perks and t.perk not in costs
                      for t in terms)
        retold = False
        for i, term in enumerate(terms):
            if term.range is None or term.role != "ask" or term.perk not in self.perks:
                continue
            single = any(t.perk == term.perk and t.range is None and t.amount is not None and t.role == "ask"
                         for t in terms)
            track = st.offer.get(term.perk)
            below = (track is not None and self.perks[term.perk].better == "higher"
                     and to_canonical(term, self.perks[term.perk]) is not None
                     and (to_canonical(term, self.perks[term.perk]) or 0.0) <= track.current)
            if single or below:
                terms[i] = term.model_copy(update={"role": "evidence"})
                retold = True
                changed = changed or term.perk not in costs
        if not changed:
            return said.model_copy(update={"terms": terms}) if retold else said
        signals = said.signals if Signal.market_data in said.signals else [*said.signals, Signal.market_data]
        return said.model_copy(update={"terms": terms, "signals": signals})

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

    def _take_what_was_given(self, turn: Turn, said: Understanding, before: dict[str, float]) -> None:
        """A trade that earned its move costs what the user offered up (see :meth:`_what_was_given`)."""
        self._give_up(turn, self._what_was_given(turn.state, said, before))

    def _give_up(self, turn: Turn, given: dict[str, float]) -> None:
        st = turn.state
        for key, amount in given.items():
            track, perk = st.offer.get(key), self.perks.get(key)
            if track is None or perk is None or not _better(perk, track.current, amount):
                continue  # never more than once, and never a perk that has since gone below it
            track.current = amount
            turn.lines.append(self._say(st, "exchange", **self._fields(perk, amount=self._show(amount, perk))))

    def _what_was_given(self, st: PracticeState, said: Understanding, before: dict[str, float]) -> dict[str, float]:
        """Where each perk the message clearly gives up would land, judged against the offer it answered.

        "I'd trade part of the sign-on for two remote days": the sign-on goes down to the amount named, or by half
        when no amount was named; "drop the wellness budget" takes it to nothing. Base pay is never halved nor
        dropped. A give that says back the figure on the table, names one no lower, or is the perk the message
        asks for gives nothing up.
        """
        given: dict[str, float] = {}
        for term in said.terms:
            was = before.get(term.perk or "")
            if not term.give or not was or term.perk not in self.perks or _asked_for(said, term.perk):
                continue
            amount = self._given_amount(st, term, was)
            if amount is not None and amount != was and in_range(amount, self.perks[term.perk]):
                given[term.perk] = amount
        return given

    def _given_amount(self, st: PracticeState, term: Term, was: float) -> float | None:
        perk = self.perks[term.perk or ""]
        if perk.unit is Unit.flag:
            return 0.0  # "I'd give up the flexible schedule"
        named = to_canonical(term, perk, current=was, base=st.offer["base_salary"].current)
        if named is not None and self._quoted_monthly(term, perk, named):
            named *= 12
        if term.relative and named is not None:
            named = was - float(term.amount or 0)  # "5k of the sign-on" comes off it
        if term.perk == "base_salary":
            return self._base_given_up(named, was)
        if named is not None:
            return named if _better(perk, was, named) else None  # the figure on the table said back is no cut
        if perk.better != "higher":
            return None
        return perk.min if term.negated else _round(perk, was / 2, toward=0.0)

    def _base_given_up(self, named: float | None, current: float) -> float | None:
        """Where base pay lands when the user gives some of it up in a trade; None when nothing is given up.

        No figure at all takes back only what base had gained above the opening offer. A figure at or above
        the one on the table gives up only the push for more: base stays where it is. A figure far below the
        opening offer is a misreading ("drop base to 155" read as $155, or "I could come down to 15k" on
        another perk read as base pay), not a pay cut anyone would propose: nothing is taken for it.
        """
        opening = self.scenario.perks["base_salary"].offer
        if named is None:
            return min(current, opening)
        if opening * 0.8 <= named < current:
            return named
        return None  # "I'd settle at $158k on base if…" with $158k on the table, or a figure no one means

    def _needs_no_number(self, term: Term) -> bool:
        """Yes/no perks ("a flexible schedule", "a mentor") are concrete asks without an amount."""
        return self.perks[term.perk or ""].unit is Unit.flag

    def _term_now(self, st: PracticeState, key: str) -> str:
        return f"{self.perks[key].label.lower()} {self._show(st.offer[key].current, self.perks[key])}"

    def package_line(self, st: PracticeState) -> str:
        """Every term on the table, and one the opening offer had that was given up since (at nothing)."""
        return ", ".join(
            f"{self.perks[k].label.lower()} {self._show(t.current, self.perks[k])}"
            for k, t in st.offer.items()
            if t.current or k == "base_salary" or self._was_offered(k)
        )

    def _was_offered(self, key: str) -> bool:
        sheet = self.scenario.perks.get(key)
        return bool(sheet and sheet.offer)


_OFFER_WORDS = ("offer", "package", "so far", "where are we", "on the table", "everything")


def _about_the_offer(text: str) -> bool:
    low = text.lower()
    return any(word in low for word in _OFFER_WORDS)


def _priced(term: Term, said: Understanding) -> Term:
    """ "parking runs ₪700 a month, could you cover it?", "another company offered ₪41,000, could you match that?":
    a perk asked for without a figure beside one figure of its own brought as evidence (a cost, a rival's offer)
    asks for that figure; a range (the market) or two figures leave it to the user to name one."""
    if term.amount is not None or term.role != "ask" or term.perk is None:
        return term
    priced = [t for t in said.terms if t.perk == term.perk and t.role == "evidence" and t.amount is not None]
    if len(priced) != 1 or priced[0].range is not None or priced[0].relative or priced[0].doubtful:
        return term
    return priced[0].model_copy(update={"role": "ask"})


def _asks_for_options(said: Understanding) -> bool:
    """A question about what else they could offer; "I have other options" is not one."""
    return Signal.alternatives in said.signals and (Act.ask in said.acts or "?" in said.text)


def _asked_for(said: Understanding, perk: str | None) -> bool:
    """Whether the message asks for a figure on this perk ("it's 0 remote days now; could it be 2?")."""
    return any(t.perk == perk and not t.give and t.role == "ask" and t.amount is not None for t in said.terms)


def conceded(perks: dict[str, PerkDef], before: dict[str, float], state: PracticeState) -> list[str]:
    """The perks a reply moved the user's way since `before` (a figure raised; lowered where less is better)."""
    return [key for key, track in state.offer.items()
            if key in perks and key in before and _better(perks[key], track.current, before[key])]


def _better(perk: PerkDef, a: float, b: float) -> bool:
    return a > b if perk.better == "higher" else a < b


def _round(perk: PerkDef, amount: float, *, toward: float) -> float:
    """A clipped concession in round steps, rounded back toward the opening so a limit is never passed."""
    step = _STEP.get(perk.unit, 0.5 if perk.unit in (Unit.months, Unit.weeks) else 1.0)
    steps = amount / step
    return (math.floor(steps) if amount >= toward else math.ceil(steps)) * step


def _note_line(st: PracticeState, move: voice.Move | None, perk: str | None) -> None:
    """Note what the line just said did, and the perk it was about: the reply's last line decides both."""
    if move is not None:
        st.last_move = move
    if perk:
        st.topic = perk


def _add(items: list[str], item: str) -> list[str]:
    return items if item in items else [*items, item]


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _costs_named(text: str) -> set[str]:
    """The perks whose purchases the text names (movers, a course, parking): what they cost is no market pay."""
    return {m.lastgroup for m in cues.COST_OBJECT.finditer(text.lower()) if m.lastgroup}
