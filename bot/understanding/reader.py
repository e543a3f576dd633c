"""Reading a chat message: which negotiation acts it performs, which perks and amounts it names.

:class:`Understander` is built once from the perk catalogue and then reads messages with
:meth:`Understander.read`, which the role-play, the checklists and ``offer-coach understand``
all call. It is rules and lexicons (see docs/understanding.md for why): perk synonyms from
playbooks/perks.yaml matched longest first, rapidfuzz for misspelled perk words, amounts from
:mod:`bot.understanding.amounts`, and cue phrases for acts and signals from
:mod:`bot.understanding.cues`. The previous turn's perk
(:class:`bot.understanding.acts.Context`) gives bare replies such as "then 9 hours" a perk.
"""

from __future__ import annotations

import json
import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from itertools import repeat
from typing import NamedTuple

from rapidfuzz import fuzz, process

from bot.playbooks.models import PerkDef
from bot.playbooks.models import Unit as PerkUnit
from bot.understanding import cues, short_replies
from bot.understanding.acts import Act, Context, Role, Signal, Term, Understanding
from bot.understanding.amounts import Amount, find_amounts, normalise
from bot.understanding.cue_gate import MayMatch
from bot.understanding.figure_roles import RoleModel, second_opinion_on_roles, shipped_role_model
from bot.understanding.second_opinion import ActModel, second_opinion, shipped_model

__all__ = ["MAX_READ_CHARS", "FiguresRead", "Understander", "understand_lines"]

MAX_READ_CHARS = 4000  # longer messages are read up to here; the engine tells the user it was cut
_MAX_LEAD_INS = 16  # "before I answer, to be clear: …": lead-ins skipped to find a sentence's question
MAX_MENTIONS = 16  # perk mentions weighed per message: with the amounts' bound, the work per message is bounded
_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))
# Any of these in a message can make a figure evidence; without them no figure is looked at as evidence
_EVIDENCE_CUES = frozenset(map(id, (cues.EVIDENCE, cues.COMPETING, cues.EVIDENCE_LEAD)))
_SENTENCE_END = re.compile(r"[.?!]")
# What may follow a figure said as a sentence of its own ("₪60,000 a year."), and come before the perk that opens the
# sentence after it ("the equity grant is…")
_FIGURE_TAIL = frozenset({"a", "per", "year", "month", "yr", "mo", "please", "then", "total", "in"})
_LEAD_WORDS = frozenset({"the", "my", "on", "for"})
_WORD_EDGES = ".,!?;:()'\""  # stripped from a word before it is looked up in a language's word list
# Perks paid from a small budget (transport, wellness, kit, training, health): a sum past a fifth of their
# ceiling, said apart from their name, is some other pay
_SMALL_BUDGET = 100_000
# Perks that pay for a thing bought, whose price a user may quote: the price is evidence, not the sum asked
_PAID_FOR = frozenset({"transportation", "wellness", "professional_development", "equipment", "relocation"})
_ACT_ORDER = tuple(Act)  # acts are reported in the vocabulary's order; iterating the enum itself is slow
# Members looked up once: on Python 3.11 "Act.propose" costs ~90 ns each time, and these run per message.
_PROPOSE, _ACCEPT, _REJECT, _JUSTIFY, _ASK = Act.propose, Act.accept, Act.reject, Act.justify, Act.ask
_REQUEST_TIME, _REQUEST_WRITING, _COMPETING = Act.request_time, Act.request_writing, Act.competing_offer
_TAKING_A_POSITION = frozenset({Act.propose, Act.reject, Act.trade_off})  # a reason can back these
_ONLY_ASKING = frozenset({Act.ask, Act.request_time, Act.request_writing, Act.accept})  # …and not these
_ASKING_FOR_TERMS = frozenset({Act.propose, Act.trade_off})  # what a rival offer must back to be a reason
# Acts that say what a message does already: a request for a perk is read from its words only without them.
_NO_POSITION_YET = frozenset({Act.propose, Act.ask, Act.reject, Act.quit, Act.accept, Act.request_time,
                              Act.request_writing})
_HINT, _SUMMARY, _ALTERNATIVES = Signal.hint, Signal.summary, Signal.alternatives
_NO_QUESTIONS: frozenset[str] = frozenset()
_MARKET_DATA, _OWN_VALUE = Signal.market_data, Signal.own_value
# Built once: on Python 3.11 each enum member lookup costs about as much as a short regex match.
_SIGNAL_CUES = (
    (Signal.priority, cues.PRIORITY),
    (Signal.alternatives, cues.ALTERNATIVES),
    (Signal.trial_period, cues.TRIAL),
    (Signal.summary, cues.SUMMARY),
    (Signal.hint, cues.HINT),
)

# Which spoken units fit each canonical perk unit (None: a bare number, read in the perk's unit).
_FITS: dict[PerkUnit, frozenset[str | None]] = {
    PerkUnit.money: frozenset({"money", None}),  # equity may also be a percent: see _fits
    PerkUnit.percent: frozenset({"percent", "money", None}),
    PerkUnit.days: frozenset({"days", "weeks", None}),
    PerkUnit.days_per_week: frozenset({"days", None}),
    PerkUnit.weeks: frozenset({"weeks", "days", "months", None}),
    PerkUnit.months: frozenset({"months", "weeks", "years", None}),
    PerkUnit.years: frozenset({"years", "months", None}),
    PerkUnit.hours: frozenset({"hours", None}),
    PerkUnit.level: frozenset({None}),
    PerkUnit.flag: frozenset(),
}
_SPOKEN_UNIT: dict[PerkUnit, str | None] = {
    PerkUnit.money: "money",
    PerkUnit.percent: "percent",
    PerkUnit.days: "days",
    PerkUnit.days_per_week: "days",
    PerkUnit.weeks: "weeks",
    PerkUnit.months: "months",
    PerkUnit.years: "years",
    PerkUnit.hours: "hours",
    PerkUnit.level: None,
    PerkUnit.flag: None,
}


class FiguresRead(NamedTuple):
    reading: Understanding
    low: str  # the message as normalised for reading
    words: list[tuple[str, int, int]]  # its words, and where each was written
    spans: dict[float, tuple[int, int]]  # where each figure read was written, by its amount


@dataclass(slots=True)
class _Mention:
    perk: str
    start: int
    end: int
    negated: bool = False


@dataclass(slots=True)
class _Slot:
    perk: str | None
    amount: Amount | None
    negated: bool
    start: int
    role: Role = "ask"


class Understander:
    """Reads messages against one perk catalogue; build once, call :meth:`read` per message."""

    def __init__(self, perks: Mapping[str, PerkDef], *, acts_model: ActModel | bool | None = True,
                 roles_model: RoleModel | bool | None = True) -> None:
        """``acts_model`` and ``roles_model``: the learned second opinions on acts and on the roles of figures
        (True: the shipped one; False or None: the rules alone)."""
        self.perks = dict(perks)
        self.acts_model: ActModel | None = (shipped_model() if acts_model is True
                                            else None if acts_model is False else acts_model)
        self.roles_model: RoleModel | None = (shipped_role_model() if roles_model is True
                                              else None if roles_model is False else roles_model)
        self._by_phrase: dict[str, str] = {}
        for key, perk in self.perks.items():
            for phrase in [key.replace("_", " "), perk.label, *perk.synonyms]:
                words = cues.TOKEN.findall(normalise(phrase))
                self._by_phrase.setdefault(" ".join(words), key)
                if len(words) > 1 and "hours" in words:  # "shift my hrs", "flex hrs": the phrase in shorthand
                    self._by_phrase.setdefault(" ".join("hrs" if w == "hours" else w for w in words), key)
        self._phrase_starts = frozenset(p.split(" ")[0] for p in self._by_phrase if " " in p)
        # Every leading run of two or more words of a phrase: reading stops extending a run of words
        # as soon as it can no longer become a phrase ("a base" is not the start of any).
        split_phrases = [p.split(" ") for p in self._by_phrase]
        self._phrase_prefixes = frozenset(
            " ".join(words[:size]) for words in split_phrases for size in range(2, len(words) + 1)
        )
        self._longest = max((p.count(" ") + 1 for p in self._by_phrase), default=1)
        # single words long enough to be worth matching with a typo in them
        self._fuzzy_words = sorted({p for p in self._by_phrase if " " not in p and len(p) >= 5 and p.isalpha()})
        self._known_words = frozenset(self._fuzzy_words) | cues.NOT_TYPOS
        self._typo_cache: dict[str, str | None] = {}
        # two-word phrases by the first letter of the first word and the first two of the second, to match a pair
        # with a typo in either word
        # ("lrning budget", "profesional devlopment") against only the few that could be meant
        self._pairs_by_initials: dict[str, list[str]] = {}
        for phrase in self._by_phrase:
            pair = phrase.split(" ")
            if len(pair) == 2 and len(phrase) >= 9 and phrase.replace(" ", "").isalpha():
                self._pairs_by_initials.setdefault(pair[0][0] + pair[1][:2], []).append(phrase)
        # Words that may begin a perk mention by themselves (a typo of one is checked separately).
        self._attention = frozenset(self._by_phrase) | self._phrase_starts | {"start", "starting", "begin", "match"}

    # --- public ---------------------------------------------------------------------------------

    def read(self, text: str, context: Context | None = None) -> Understanding:
        """The acts, terms and signals of one message; never raises on any string."""
        said, low, words, spans = self.read_figures(text, context)
        if self.roles_model is None or not spans:
            return said
        terms = second_opinion_on_roles(low, words, said.terms, spans, context, said.acts, self.roles_model)
        return said if terms == said.terms else said.model_copy(update={"terms": terms})

    def read_figures(self, text: str, context: Context | None = None) -> FiguresRead:
        """The reading with the rules' roles of figures (before their second opinion), the normalised text, and
        where each figure was written, by its amount: what the second opinion on roles and its training read."""
        if not isinstance(text, str):
            text = str(text)
        low = normalise(text[:MAX_READ_CHARS])
        if not low.strip():
            return FiguresRead(Understanding(text=text), low, [], {})
        if _foreign(low):
            return FiguresRead(Understanding(text=text, foreign=True), low, [], {})
        may = cues.GATE.scan(low)
        tokens = [(m[0], m.start(), m.end()) for m in cues.TOKEN.finditer(low)]
        words = {t[0] for t in tokens}
        mentions = self._find_perks(low, tokens, words, may)
        del mentions[MAX_MENTIONS:]
        amounts = self._amounts(low, words, mentions, context)
        taken = bool(mentions or amounts) and _found(cues.TAKING_WORD, low, may) and (
            _takes_a_named_term(low, [m.start for m in mentions] + [a.start for a in amounts])
            or _says_a_term_is_fine(low, mentions, amounts))
        acts, signals, questions = self._acts(low, text[:MAX_READ_CHARS], may, mentions, taken)
        reason_in_words = _JUSTIFY in acts  # a reason said in words, before any figure is read as evidence
        kept = self._drop_non_terms(low, amounts, acts, mentions, may)
        if len(kept) < len(amounts) and mentions:
            mentions = _unit_words_kept(mentions, amounts, kept)
        amounts = kept
        slots = self._slots(low, mentions, amounts, context, may)
        _mark_questions(low, slots, may, questions)
        _mark_fixed(low, slots)
        slots = _named_only(low, slots, mentions)
        if context is not None and context.offer:
            _mark_the_offer(low, slots, context.offer, may)
        _standing_figure_traded(low, slots, may)
        if Act.quit in acts and slots:
            _named_in_a_decline(low, slots, may)
        acts = self._acts_from_terms(low, acts, slots, mentions, may)
        acts = _approved_in_words(low, acts, slots, context)
        if Signal.ultimatum in signals:
            # "80k or I walk", "160 or I will accept another offer" demand what they name (guide); they take nothing
            acts = [a for a in _ACT_ORDER if a in {*acts, Act.propose} - {Act.quit, Act.accept}]
        acts = _reasons(low, acts, may)
        trading = Act.trade_off in acts
        concedes = (trading or " less" in low or " lower" in low or "if " in low
                    or any(word in low for word in _CONDITION_WORDS) or any(s.perk == "start_date" for s in slots)
                    or any(word in low for word in _KEPT_WORDS))
        standing = context is not None and bool(context.offer)
        given = self._given(low, slots, mentions, trading, may) if concedes else frozenset()
        if given and not trading and (
                any(s.role == "ask" and s.perk is not None and s.perk not in given for s in slots)  # one for another
                or (standing and any(s.perk in given and s.amount is not None
                                     and _taken_in_trade(low, s.amount, s.perk, slots, may) for s in slots))):
            acts = [a for a in _ACT_ORDER if a in {*acts, Act.trade_off}]
        if trading:
            _given_up_from_the_offer(low, slots)
        terms = [self._term(slot, (slot.perk in given and slot.role == "ask") or slot.role == "give") for slot in slots]
        spans = _spans_of_figures(terms, slots)
        acts = _in_context(low, acts, terms, context, len(tokens), may)
        acts = _nothing_taken(low, acts, terms, context, may, taken)
        acts = short_replies.read_against_last_line(low, acts, terms, context, len(tokens))
        acts, terms = _writing_or_terms(low, acts, terms, slots, may)
        acts, terms = self._what_is_taken(low, words, acts, terms, signals, slots, context, may, taken)
        acts = _fine_but_more(low, acts, terms, slots)
        _settle(low, acts, terms, may, reason_in_words)
        acts, terms = _asks_rather_than_takes(low, acts, terms, signals)
        acts = _takes_the_move(low, acts, terms, signals, context, may)
        if _NO_POSITION.isdisjoint(acts):
            terms = _named_in_passing(low, acts, terms, slots)
        acts = second_opinion(acts, low, [t[0] for t in tokens], context, self.acts_model, _ACT_ORDER)
        return FiguresRead(Understanding(text=text, acts=acts, terms=terms, signals=signals), low, tokens, spans)

    def _amounts(self, low: str, words: set[str], mentions: list[_Mention], context: Context | None) -> list[Amount]:
        """The figures of a message that are terms: not inside a perk's name, totals and corrections settled, and
        short figures read in thousands where the talk has been in thousands."""
        amounts = _changes([a for a in find_amounts(low, words)
                            if not _inside_mention(a, mentions) and not _a_gap(low, a)], low)
        if "total" in low:
            amounts = _totals(amounts, low)
        amounts = self._in_thousands_like_before(low, amounts, mentions, context)
        if len(amounts) > 1 and ("mean" in low or " no" in low or "actually" in low):
            amounts = _corrected(low, amounts)
        return amounts

    def _what_is_taken(self, low: str, words: set[str], acts: list[Act], terms: list[Term], signals: list[Signal],
                       slots: list[_Slot], context: Context | None, may: MayMatch,
                       taken: bool) -> tuple[list[Act], list[Term]]:
        """The last word on a message's terms: a perk meant without being named, what an acceptance takes, a counter
        said as a yes, a question that only asks, a notice period stated alone."""
        if not terms:
            acts, terms = self._a_perk_meant_not_named(low, words, acts, signals, context, may)
        named = terms
        terms = _accepted(low, terms, slots, _ACCEPT in acts, may, taken)
        if terms is not named and _PROPOSE in acts and _only_recapped(low, acts, terms, may):
            acts = [a for a in acts if a is not _PROPOSE]
        if context is not None and context.offer and Act.accept in acts:
            acts, terms = self._counter_said_as_yes(low, acts, terms, slots, context.offer, may)
        if Act.ask in acts and Act.propose in acts:
            acts, terms = _only_asking(low, acts, terms, slots, signals)
        elif Act.ask in acts and "?" in low and id(cues.PAY_REQUEST) not in may.skipped:
            acts, terms = _asked_then_requested(low, acts, terms)
        if "notice" in low and terms and _notice_stated_alone(low, terms):
            acts, terms = [a for a in acts if a is not Act.propose], []
        return acts, terms

    def _a_perk_meant_not_named(self, low: str, words: set[str], acts: list[Act], signals: list[Signal],
                                context: Context | None, may: MayMatch) -> tuple[list[Act], list[Term]]:
        """A perk a message with no terms means without naming it: "would it be possible to add some?" after talk of
        severance asks for more severance, and so does "pls pls pls"; "a few more days before I decide" asks for time
        only; "what range did you have budgeted?" asks about the salary."""
        if (context is not None and context.last_perk in self.perks and _REQUEST_TIME not in acts
                and (_found(cues.MORE_OF_IT, low, may) or _pleads_for_more(acts, signals))):
            acts = [a for a in _ACT_ORDER if a in {*acts, Act.propose} - {Act.ask, Act.accept}]
            return acts, [Term(perk=context.last_perk, role="ask")]
        if Act.ask in acts and "range" in words and "base_salary" in self.perks and cues.RANGE_ASKED.search(low):
            return acts, [Term(perk="base_salary", role="question")]
        return acts, []

    def _counter_said_as_yes(self, low: str, acts: list[Act], terms: list[Term], slots: list[_Slot],
                             offer: Mapping[str, float | str], may: MayMatch) -> tuple[list[Act], list[Term]]:
        """ "I think 25 days is good for me" with 15 on the table asks for 25: a figure better than the offer,
        said as fine, is a counter-offer. "I accept", "deal" or an agreeing "ok, $13k is fine" still accept a
        figure the user believes is offered (the practice then puts it right)."""
        if (_found(cues.ACCEPT_IN_WORDS, low, may) or _found(cues.PLEASED_ACCEPT, low, may)
                or (_at(cues.AGREEING_OPENER, low, may) and not _only_a_yes(low))
                or Act.request_writing in acts or cues.DEAL_TO_CLOSE.search(low)):
            # "ok, $13k is fine", "…, 20 days. deal.", "ok: $180k, 25k sign-on. write it up" take what they name;
            # "fine, $165k and a $20k sign-on" counters
            return acts, terms
        # "step 3 at $78k works for me. next, …": what is called fine before moving on is taken in the user's eyes
        # (the practice puts it right); a figure after it is what they go on to ask
        moving_on = cues.MOVING_ON.search(low)
        settled_before = moving_on.start() if moving_on is not None and len(slots) == len(terms) else -1
        countered = False
        for i, term in enumerate(terms):
            standing = offer.get(term.perk or "")
            if settled_before >= 0 and slots[i].start < settled_before:
                continue
            if (term.role != "current" or term.amount is None or term.relative or term.negated
                    or not isinstance(standing, (int, float)) or term.perk not in self.perks):
                continue
            perk = self.perks[term.perk]
            if term.unit not in (_SPOKEN_UNIT[perk.unit], "money" if perk.unit is PerkUnit.money else None):
                continue  # "3 weeks" against an offer counted in days: not comparable here
            if term.amount > standing if perk.better == "higher" else term.amount < standing:
                terms[i] = term.model_copy(update={"role": "ask"})
                countered = True
        if not countered:
            return acts, terms
        found = (set(acts) - {Act.accept}) | {Act.propose}
        return [a for a in _ACT_ORDER if a in found], terms

    # --- perks ----------------------------------------------------------------------------------

    def _find_perks(
        self, low: str, tokens: list[tuple[str, int, int]], words: set[str], may: MayMatch
    ) -> list[_Mention]:
        """Perk mentions in order, among the text's tokens (word, start, end); `words`: the tokens' words."""
        mentions: list[_Mention] = []
        attention, known = self._attention, self._known_words
        next_free = 0
        for i, (word, _, _) in enumerate(tokens):
            if i < next_free:
                continue  # inside a phrase already found
            if word.endswith("'s"):
                word = word[:-2]  # "pto's sorted"
            if word not in attention and (
                len(word) < 5 or word in known or not word.isalpha() or self._typo(word) is None
            ):
                # no perk word, no phrase start and no misspelt perk: only a misspelt two-word name can start here
                mention, size = self._misspelt_pair(low, tokens, i) if len(word) >= 4 else (None, 0)
            else:
                mention, size = self._mention_at(low, tokens, i, word, may)
            if mention is not None:
                mentions.append(mention)
            next_free = i + (size or 1)
        mentions = _settled_mentions(low, words, mentions, may)
        if "money" in words:
            mentions = _money_of_a_perk(low, mentions)
        if "options" in words and "equity" in self.perks:
            mentions = _options_of_a_figure(low, mentions)
        if ("not " in low or "n't " in low) and ("speak" in low or "talk" in low or "mean" in low or "'s " in low):
            # a perk set apart takes back where it was named before: "could the parental leave go up... sorry, I mean
            # the vacation days, not parental leave" asks nothing of parental leave (a later "could the…" still asks)
            apart = {m.perk: m.start for m in mentions
                     if cues.NOT_ABOUT_BEFORE.search(low, max(0, m.start - 50), m.start)}
            mentions = [m for m in mentions if m.start > apart.get(m.perk, -1)]
        if "flexible_schedule" in self.perks and "flexib" in low:
            mentions = _flexible_hours(low, mentions)
        if "title" in self.perks and not (cues.TITLE_WORDS.isdisjoint(words) and "title" not in words):
            mentions = self._titles(low, words, mentions)
        for mention in mentions:
            mention.negated = self._negated(low, mention, may)
        return mentions

    @staticmethod
    def _titles(low: str, words: set[str], mentions: list[_Mention]) -> list[_Mention]:
        """A title named without the word ("could I come in as Staff?", "Lead UX Designer instead of UX Designer"),
        less a title that only names the job offered or its pay scale ("thank you for the offer of Senior Analyst")."""
        if not cues.TITLE_WORDS.isdisjoint(words) and all(m.perk != "title" for m in mentions):
            named = cues.TITLE_NAMED.search(low)
            if named is not None:
                mentions.append(_Mention("title", named.start(), named.end()))
                mentions.sort(key=lambda m: m.start)
        return [m for m in mentions if not (
            m.perk == "title" and cues.JOB_NAMED_BEFORE.search(low, max(0, m.start - 40), m.start))]

    def _phrase_at(self, low: str, tokens: list[tuple[str, int, int]], i: int) -> tuple[_Mention | None, int]:
        """The longest perk phrase starting at token i: "sign on bonus" before "sign on"."""
        word, start, _ = tokens[i]
        words = [word]
        j = i
        while (
            j + 1 < len(tokens)
            and len(words) < self._longest
            and " ".join(words) + " " + tokens[j + 1][0] in self._phrase_prefixes
            and cues.JOINED.fullmatch(low, tokens[j][2], tokens[j + 1][1])
        ):
            j += 1
            words.append(tokens[j][0])
        for size in range(len(words), 1, -1):
            key = self._by_phrase.get(" ".join(words[:size]))
            if key == "remote_work" and words[1] == "office" and "equipment" in self.perks and (
                cues.HOME_OFFICE_KIT_BEFORE.search(low, max(0, start - 12), start)
            ):
                key = "equipment"  # "home office days" are remote work; "$1,000 for the home office" is kit
            if key == "flexible_schedule" and words[0] in ("leave", "leaving") and cues.LEAVE_TAKEN_BEFORE.search(
                    low, max(0, start - 16), start):
                continue  # "leave early on Fridays" is a schedule; "take leave early in the year" is time off
            if key == "base_salary" and words[size - 1] == "money" and cues.MONEY_NOT_PAY_AFTER.match(
                    low, tokens[i + size - 1][2]):
                continue  # "more money for the learning": money for another perk, not pay
            if key is not None:
                return _Mention(key, start, tokens[i + size - 1][2]), size
        return None, 0

    def _mention_at(
        self, low: str, tokens: list[tuple[str, int, int]], i: int, word: str, may: MayMatch
    ) -> tuple[_Mention | None, int]:
        """The perk named from token i: a phrase, one word, or a misspelt two-word name."""
        mention, size = self._phrase_at(low, tokens, i) if word in self._phrase_starts else (None, 0)
        if mention is None:
            mention, size = self._word_at(low, tokens[i], may)
        if mention is None:
            mention, size = self._misspelt_pair(low, tokens, i)
        return mention, size

    def _misspelt_pair(self, low: str, tokens: list[tuple[str, int, int]], i: int) -> tuple[_Mention | None, int]:
        """A two-word perk name with a typo in it ("lrning budget", "profesional devlopment"): the pair is close to
        one phrase that begins its words alike, and neither word is spelt as written in another sense."""
        if i + 1 >= len(tokens):
            return None, 0
        first, start, _ = tokens[i]
        second, _, end = tokens[i + 1]
        if len(first) < 4 or len(second) < 4 or (first in self._by_phrase and second in self._by_phrase):
            return None, 0
        candidates = self._pairs_by_initials.get(first[0] + second[:2])
        if not candidates or not (first.isalpha() and second.isalpha()):
            return None, 0
        pair = first + " " + second
        if pair in candidates:
            return None, 0  # spelt right: the phrase reading has had its say
        best = process.extractOne(pair, candidates, scorer=fuzz.ratio, score_cutoff=90)
        if best is None or not all(_one_typo_away(said, meant) for said, meant in zip(
                (first, second), best[0].split(" "), strict=True)) or not cues.JOINED.fullmatch(
                low, tokens[i][2], tokens[i + 1][1]):
            return None, 0
        return _Mention(self._by_phrase[best[0]], start, end), 2

    def _word_at(self, low: str, token: tuple[str, int, int], may: MayMatch) -> tuple[_Mention | None, int]:
        """A perk said in one word: a synonym, "start"/"match" in their perk sense, or a misspelt synonym."""
        word, start, end = token
        if word == "starting" and "start_date" in self.perks and cues.STARTING_WHEN.match(low, end):
            return _Mention("start_date", start, end), 1  # "starting in four weeks would be ideal"
        if word == "begin" and "start_date" in self.perks and cues.BEGIN_WHEN.match(low, end):
            return _Mention("start_date", start, end), 1  # "is possible to begin work in March?"
        if word == "start" and "start_date" in self.perks and (
                cues.START_WHEN.match(low, end) or low.endswith(" for ", 0, start)
                or cues.START_MOVED_BEFORE.search(low, max(0, start - 20), start)
                or (low.endswith(("my ", "the "), 0, start) and cues.START_MOVED_AFTER.match(low, end))):
            return _Mention("start_date", start, end), 1  # "start in 6 weeks", "push my start to March"
        if word == "match" and "retirement_match" in self.perks and (
            cues.MATCH_PERCENT_BEFORE.search(low, max(0, start - 24), start) or cues.MATCH_PERCENT_AFTER.match(low, end)
        ):
            return _Mention("retirement_match", start, end), 1  # "3% match", "a match of 4%"
        key = self._by_phrase.get(word)
        if key is None and word.endswith("'s"):
            key = self._by_phrase.get(word[:-2])  # "pto's sorted", "the bonus's target"
        if key is not None:
            if self._verb_use(word, low, start, end, may):
                return None, 0
            if key == "performance_bonus" and "sign_on_bonus" in self.perks and cues.ON_JOINING.match(low, end) and (
                    not cues.LEFT_TO_JOIN_BEFORE.search(low, max(0, start - 40), start)):
                key = "sign_on_bonus"  # "a 3k bonus when I join"
            return _Mention(key, start, end), 1
        if len(word) >= 5 and word not in self._known_words and word.isalpha():
            key = self._typo(word)
            return (_Mention(key, start, end) if key is not None else None), 1
        return None, 0

    @staticmethod
    def _negated(low: str, mention: _Mention, may: MayMatch) -> bool:
        """"no car", "without the bonus", "the car isn't needed"; but not "no more than 40 hours" nor "drop base to
        155"."""
        before = low[max(0, mention.start - 40) : mention.start]
        if (id(cues.NEGATORS) not in may.skipped and cues.NEGATOR_WORDS.intersection(cues.TOKEN.findall(before))
                and cues.NEGATORS.search(before)):
            return (not cues.NOT_NEGATION.search(before) and not cues.LOWERED_TO_AFTER.match(low, mention.end)
                    and not ("los" in before and cues.LOST_OWN_BEFORE.search(before)))
        return _at(cues.NEGATION_AFTER, low, may, mention.end, mention.end + 40)

    @staticmethod
    def _verb_use(word: str, low: str, start: int, end: int, may: MayMatch) -> bool:
        """Perk words that are also verbs or time spans: "pay me", "raise the base", "in 48 hours"."""
        if word in _OTHER_SENSE_OF:
            return _other_sense(word, low, start, end)
        if word == "pay":
            # "pay me", "roles pay more": a verb, not the salary
            # "one month of pay": the measure of another sum, not the salary
            return bool(cues.PAY_VERB.match(low, end) or cues.PAY_SUBJECT.search(low, max(0, start - 14), start)
                        or cues.SALARY_AS_MEASURE_BEFORE.search(low, max(0, start - 24), start)
                        or _found(cues.PAY_AS_MEASURE_BEFORE, low, may, max(0, start - 16), start)  # "at full pay"
                        or cues.PAY_ASKED_OF_BEFORE.search(low, max(0, start - 30), start))  # "can the city pay?"
        if word in ("raise", "rase", "riase"):
            # "raise the base to 90k" is a verb; "a 5% raise to hitting the goals" names the raise
            return bool(cues.RAISE_VERB.match(low, end)) and not cues.PERCENT_JUST_BEFORE.search(
                low, max(0, start - 12), start)
        if word in ("hours", "hrs"):
            return bool(cues.HOURS_AS_TIME.search(low, max(0, start - 12), start))
        if word in ("salary", "base"):
            # "the Robert Half salary guide": a source of market data; "15% of salary": the measure of another perk
            return bool((word == "salary" and cues.SALARY_AS_SOURCE.match(low, end))
                        or cues.SALARY_AS_MEASURE_BEFORE.search(low, max(0, start - 24), start)
                        or _found(cues.PAY_AS_MEASURE_BEFORE, low, may, max(0, start - 20), start))  # "on full salary"
        if word in ("commute", "commuting"):
            # "my commute is 90 minutes", "the commute from X is brutal": the trip itself, a reason, not the allowance
            return bool(cues.COMMUTE_AS_TRIP.match(low, end)) or not cues.COMMUTE_PAID_NEAR.search(
                low, max(0, start - 20), end + 24)
        if word == "relocating":
            # "since I'm relocating from Madrid…, I'd ask for €80k": the move itself, a reason, not the package; what
            # the move costs ("relocating my family will cost $15k") still names it
            # (and so is "…, relocating, so 78k": the move as a reason between commas)
            if cues.MOVING_AS_REASON.match(low, end):
                return True
            clause = cues.CLAUSE_AFTER.match(low, end)
            return bool(cues.MOVING_SOMEWHERE_AFTER.match(low, end)) and not (
                clause is not None and any(c.isdigit() or c in "$€£₪" for c in clause.group(0))
                and not cues.MOVE_NOT_COST_WORDS.search(clause.group(0)))
        if word == "travel":
            # "a week of travel", "I travel to see them", "not enough for travel": travel itself, not the allowance
            return (low.startswith(" to ", end) or not cues.TRAVEL_PAID_BEFORE.search(low, max(0, start - 16), start)
                    or bool(cues.TRIP_BEFORE.search(low, max(0, start - 16), start)))
        if word in _ANOTHER_THING:
            return _another_thing(word, low, start, end, may)
        return False

    def _typo(self, word: str) -> str | None:
        if word in self._typo_cache:
            return self._typo_cache[word]
        cutoff = 88 if len(word) <= 6 else 84
        best = process.extractOne(word, self._fuzzy_words, scorer=fuzz.ratio, score_cutoff=cutoff)
        key = self._by_phrase[best[0]] if best else None
        if key is None:
            key = self._swapped(word)
        if best and _inflection_of(word, best[0]):
            key = None  # "levels", "titled": a real word built on a perk word, not a typo of it
        if len(self._typo_cache) < 20_000:
            self._typo_cache[word] = key
        return key

    def _swapped(self, word: str) -> str | None:
        """A perk word with two letters next to each other typed the wrong way round ("bonsu", "eqiuty"), which the
        similarity score rates too low in short words."""
        for i in range(len(word) - 1):
            key = self._by_phrase.get(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
            if key is not None:
                return key
        if word.endswith("ee"):
            return self._by_phrase.get(word[:-2] + "y")  # "equitee", "salaree": the ending spelt as it sounds
        return None

    # --- acts -----------------------------------------------------------------------------------

    def _acts(
        self, low: str, original: str, may: MayMatch, mentions: list[_Mention], one_term_taken: bool
    ) -> tuple[list[Act], list[Signal], frozenset[str]]:
        """Acts and signals from cue phrases, and the sentences that are questions for information."""
        acts = _cue_acts(low, may)
        signals: list[Signal] = []
        if one_term_taken or _accepts(low, may, acts, mentions):
            acts.add(Act.accept)
        ultimatum = _meant(cues.ULTIMATUM, low) if cues.ULTIMATUM in may else None
        if ultimatum:
            signals.append(Signal.ultimatum)  # all or nothing is coached, not read as walking out
            if Act.reject in acts and all(_within_an_ultimatum(low, r)
                                          for p in (cues.REJECT, cues.REFUSAL_WORDS) for r in p.finditer(low)):
                acts.discard(Act.reject)  # "no severance, no deal" demands severance; it refuses nothing
        elif _at(cues.QUIT_ALONE, low, may) or (_found(cues.QUIT, low, may) and (
                Act.accept not in acts or _walks_out_after_a_yes(low)) and not _forgets_one_point(low, acts)):
            acts.add(Act.quit)
            acts.discard(Act.accept)
        # without a sentence end in it, the message is one sentence: no need to split it
        sentences = cues.SENTENCE_SPLIT.split(low) if _ends_sentence(low) else [low]
        asked = [_is_info_question(sentence, may) for sentence in sentences]
        # a reason said inside a question for information backs no ask: "what's the typical raise?"
        stated = " ".join(s for s, q in zip(sentences, asked, strict=True) if not q) if any(asked) else low
        if any(asked):
            acts.add(Act.ask)
        if _reason_said(stated, may) or _found(cues.REASON_WORDS, stated, may):
            acts.add(Act.justify)
        signals.extend(_cue_signals(low, original, may, stated))
        if Signal.priority in signals and not mentions and (
                Act.enthusiasm in acts or cues.ABOUT_THE_EMPLOYER.search(low)):
            signals.remove(Signal.priority)  # "the mission is very important to me" ranks no term: it is keenness
        if signals:
            _acts_from_signals(low, stated, acts, signals)
            if _ALTERNATIVES in signals and not one_term_taken and not _at(cues.ACCEPT_ON_TERM, low, may):
                # "sounds fair. anything else you could add?" asks where there is room; "ok on the review. any room
                # on the budget?" still takes the one term it names
                acts.discard(Act.accept)
        if Act.quit in acts:
            acts.discard(Act.reject)  # declining the job says more than refusing a term
        questions = (frozenset(s.strip() for s, q in zip(sentences, asked, strict=True) if q) if stated is not low
                     else _NO_QUESTIONS)
        return [a for a in _ACT_ORDER if a in acts], signals, questions

    def _acts_from_terms(
        self, low: str, acts: list[Act], slots: list[_Slot], mentions: list[_Mention], may: MayMatch
    ) -> list[Act]:
        found = set(acts)
        if any(slot.role == "evidence" for slot in slots):
            found.add(Act.justify)  # "people I know there got 15k": a figure brought as evidence
        clauses = _Clauses(low)
        asked: dict[str, bool] = {}  # sentence -> a question for information, worked out once per sentence
        writes_or_takes = Act.request_writing in found or Act.accept in found
        if (
            any(_proposes_amount(clauses.of(slot.start), may) for slot in slots
                if (slot.amount is not None or slot.negated) and slot.role == "ask")
            or (Act.request_time not in found
                and any(_proposes_perk(low, clauses.of(m.start), m, may, asked, mentions) for m in mentions
                        if not (writes_or_takes and _named_with_the_offers_figure(m, slots))))
            or _found(cues.MATCH_IT, low, may)  # "I have an offer at 150k, can you match it?"
            or any(slot.role == "ask" and slot.amount is None and slot.perk is not None  # asked for beside its cost
                   and any(o.perk == slot.perk and o.role == "evidence" for o in slots) for slot in slots)
            or (_NO_POSITION_YET.isdisjoint(found) and (mentions or any(slot.perk for slot in slots))
                and _found(cues.PERK_WANTED, low, may))
        ):
            found.add(Act.propose)  # the last: "parking runs 700 a month; I'd ask that the company cover it"
        perks = {slot.perk for slot in slots if slot.perk is not None}
        if mentions and cues.CONDITION_WORD in may and _settles_one_term_for_another(low, slots, mentions):
            found.update((Act.trade_off, Act.propose))
        if len(perks) >= 2 and (
            _found(cues.TRADE_HINT, low, may)
            or (_declines_for_cash(slots) and Act.reject not in found  # "we can't do severance, but…" refuses
                and not _found(cues.LOSS_FROM_LEAVING, low, may))
            or (any(cues.GIVEN_UP_BEFORE.search(low, max(0, m.start - 40), m.start) for m in mentions)
                and not _found(cues.LOSS_FROM_LEAVING, low, may))  # "since I'd be giving up my bonus" is a reason
        ):
            found.add(Act.trade_off)  # "…more pto instead?" only counters, unless a perk is given up for it
        return [a for a in _ACT_ORDER if a in found]

    # --- terms ----------------------------------------------------------------------------------

    def _drop_non_terms(
        self, low: str, amounts: list[Amount], acts: list[Act], mentions: list[_Mention], may: MayMatch
    ) -> list[Amount]:
        kept = []
        clock_end = 0
        for a in amounts:
            after = low[a.end : a.end + 30]
            before = low[max(0, a.start - 20) : a.start]
            if _at(cues.TIME_AMOUNT_AFTER, after, may) or _found(cues.NOT_A_TERM_BEFORE, before, may):
                continue
            if a.start < clock_end:
                continue  # the second hour of "9-5"
            clock_end = _a_time_of_day(low, a)
            if clock_end:
                continue
            if a.unit in ("months", "weeks") and cues.REVIEW_WHEN_BEFORE.search(low, max(0, a.start - 40), a.start):
                continue  # "a salary review at six months": when the review falls, not an amount of the raise
            if a.unit is None and not a.explicit_money and _found(cues.LABEL_NUMBER_BEFORE, before, may):
                continue  # "step 4", "grade 7", "a family of 4": a label or a count, not an amount
            if a.unit is None and a.value in (2, 4) and cues.TEXT_SPEAK_AFTER.match(after):
                continue  # "thx 4 the offer", "2 low": a word, not a number
            if (
                Act.request_time in acts
                and a.unit in ("days", "hours", "weeks")
                and not a.relative
                and cues.TIME_AMOUNT_BEFORE.search(before)
                and not any(a.end <= m.start < a.end + 25 for m in mentions)
            ):
                continue
            kept.append(a)
        return kept

    def _slots(
        self, low: str, mentions: list[_Mention], amounts: list[Amount], context: Context | None, may: MayMatch
    ) -> list[_Slot]:
        if not amounts:
            return _with_mentions([], mentions)
        roles = _roles(low, amounts, may)
        # A perk gets one ask and, beside it, one piece of evidence and one figure of the offer as it stands.
        has: dict[str, set[str]] = {"ask": set(), "evidence": set(), "current": set(), "question": set()}
        paired: dict[int, str] = {}
        offer = context.offer if context is not None else None
        for cost, ai, mi in self._pair_costs(low, mentions, amounts, context):
            key = mentions[mi].perk
            if ai in paired or cost > 3000:
                continue
            role = roles[ai]
            if (role == "ask" and offer and _names_the_offer(key, amounts[ai], offer, self._spoken_unit(key))
                    and not _asked_in_so_many_words(low, amounts[ai], may)):
                role = "current"  # "the bonus is 10%, can it be 15?": 10% is what is offered, 15 may be the ask
            if (role == "evidence" and key in has["evidence"] and key not in has["current"] and key != "base_salary"
                    and cost <= 60 and amounts[ai].range is None
                    and cues.PACKAGE_NAME.search(low, mentions[mi].start, mentions[mi].end)
                    and any(roles[aj] == "ask" for aj in range(ai + 1, len(amounts)))):
                # "the move costs $16k and the relocation is $10k": beside what a perk's cost is, its other figure is
                # what the offer gives, not a second cost (nor, left over, a salary of $10k)
                role = "current"
            if key in has[role]:
                continue
            roles[ai] = role
            paired[ai] = key
            has[role].add(key)
        if len(paired) < len(amounts) and len(amounts) > 2:
            self._first_figure_first(low, mentions, amounts, roles, paired, context, has)
        if len(paired) < len(amounts) and len(has["ask"]) > 0:
            self._asked_after_the_facts(low, mentions, amounts, roles, paired, has, context, may)
        reading = _Pairing(low, may, mentions, amounts, roles, paired, has, {amounts[ai].unit for ai in paired},
                           offer=offer, context=context)
        # Amounts with no perk of their own take one from context or a guess; the one asked for goes
        # first, so in "I'm at 102k now, I'd want 110k" the salary is 110k, not what they earn today.
        order: Iterable[int] = range(len(amounts))  # one amount needs no ordering, so no weighing of its clause
        if len(amounts) > 1:
            order = self._unpaired_order(reading)
        slots: list[_Slot] = []
        for ai in order:
            keep, perk = (True, paired.get(ai)) if ai in paired else self._unpaired(reading, ai, context)
            reading.weighed.add(ai)
            if keep:
                slots.append(_Slot(perk, amounts[ai], False, amounts[ai].start, roles[ai]))
        _priced_things(low, slots, {amounts[ai].start for ai in paired}, self.perks)
        return _asked_beside_evidence(low, _with_mentions(slots, mentions), mentions, may)

    def _first_figure_first(self, low: str, mentions: list[_Mention], amounts: list[Amount], roles: list[Role],
                            paired: dict[int, str], context: Context | None, has: dict[str, set[str]]) -> None:
        """One figure per perk and role, the first said (guide): "the move is quoted at $16,500 and temporary housing
        at $3,000" keeps $16,500 as the relocation's evidence, though $3,000 sits nearer the perk's word. A figure
        left without a perk takes the slot of a later figure it could pair with in the same role; the later one is
        then weighed like any figure said beside no perk, unless it is said against the package's own name ("the
        move will cost $16k and the relocation is $10k"): that is what the offer gives."""
        holder = {(key, roles[ai]): ai for ai, key in paired.items()}
        costs = self._pair_costs(low, mentions, amounts, context)
        candidates = [(ai, mentions[mi].perk) for cost, ai, mi in costs if cost <= 1000]
        # "quoted at $16,500 … temporary housing at $3,000": a sum spent on what a perk pays for is that perk's
        candidates += [(ai, spent_on) for ai, a in enumerate(amounts)
                       if roles[ai] == "evidence" and (spent_on := self._cost_object(low, a, set())) is not None]
        for ai, key in candidates:
            if ai in paired or roles[ai] not in ("evidence", "current"):
                continue
            later = holder.get((key, roles[ai]))
            if later is None or amounts[later].start < amounts[ai].start or amounts[later].unit != amounts[ai].unit:
                continue
            if any(m.perk == key and amounts[later].end <= m.start and not low[amounts[later].end : m.start].strip(" -")
                   for m in mentions):
                continue  # "$145k base": a figure written against the perk's word is that perk's, whatever came first
            del paired[later]
            paired[ai] = key
            holder[(key, roles[ai])] = ai
            if (roles[ai] == "evidence" and key != "base_salary" and key not in has["current"]
                    and any(aj == later and c <= 60
                            and cues.PACKAGE_NAME.search(low, mentions[mi].start, mentions[mi].end)
                            for c, aj, mi in costs)):
                roles[later], paired[later] = "current", key
                has["current"].add(key)

    def _unpaired_order(self, r: _Pairing) -> list[int]:
        """The order in which amounts left without a perk take one from a guess: the one asked for first."""
        low, amounts, roles, paired, may = r.low, r.amounts, r.roles, r.paired, r.may
        # the order among amounts already paired does not matter: only the unpaired are weighed
        # only among asks: of several figures brought as evidence, the first said is the one kept
        order = sorted(range(len(amounts)), key=lambda ai: (ai in paired, ai not in paired and roles[ai] == "ask"
                                                            and self._said_as_limit(low, amounts[ai], may)))
        if sum(1 for ai in order if ai not in paired and roles[ai] == "ask") > 1:
            # "they came back at 132k…; I'd need you at 130k": the figure a clause asks for is guessed first, and
            # one said before it in words that ask nothing is then weighed as what the ask rests on
            cuts = _role_cuts(low)
            asked = {ai for ai in order if ai not in paired and roles[ai] == "ask"
                     and _clause_asks(low, amounts[ai], cuts, may)}
            if asked:
                order = sorted(order, key=lambda ai: ai in paired or ai not in asked)
                r.asked_in_words = asked
        return order

    def _said_before_the_ask(self, r: _Pairing, ai: int, context: Context | None) -> tuple[bool, str | None] | None:
        """"they came back at 132k…; I'd need you at 130k": a figure left over, said before the figure a clause asks
        for of the same perk, is its evidence, or the offer as it stands when it is the offer's own figure ("84 is a
        lil painful, could we do 90"). None when it is not such a figure; (False, None) when its slot is taken."""
        a = r.amounts[ai]
        known = self._guess_perk(r.low, a, r.mentions, set(), context, r.may)
        if known is None or not any(r.guessed.get(aj) == known and r.amounts[aj].start > a.start
                                    for aj in r.asked_in_words):
            return None
        said: Role = ("current" if r.offer and _names_the_offer(known, a, r.offer, self._spoken_unit(known))
                      else "evidence")
        if known in r.has[said]:
            return False, None
        r.roles[ai] = said
        r.guessed[ai] = known
        r.has[said].add(known)
        return True, known

    def _asked_after_the_facts(self, low: str, mentions: list[_Mention], amounts: list[Amount], roles: list[Role],
                               paired: dict[int, str], has: dict[str, set[str]], context: Context | None,
                               may: MayMatch) -> None:
        """Of two figures for one perk, the one its clause asks for is the ask, and the one said before it in words
        that ask nothing is what the ask rests on: "another fintech offered $162k base…; if you can get base to $160k
        I'll sign" asks $160k and brings $162k as evidence (the offer's own figure is the offer as it stands)."""
        cuts = _role_cuts(low)
        holder = {key: ai for ai, key in paired.items() if roles[ai] == "ask"}
        costs = self._pair_costs(low, mentions, amounts, context)
        offer = context.offer if context is not None else None
        for ai, a in enumerate(amounts):
            if ai in paired or roles[ai] != "ask" or a.relative or not _clause_asks(low, a, cuts, may):
                continue
            key = next((mentions[mi].perk for cost, aj, mi in costs if aj == ai and cost <= 1000), None)
            if (key is None and not mentions) or all(aj != ai for _, aj, _ in costs):
                key = self._guess_perk(low, a, mentions, set(), context, may)
            earlier = holder.get(key) if key is not None else None
            if (key is None or earlier is None or amounts[earlier].start > a.start
                    or amounts[earlier].unit != (a.unit or amounts[earlier].unit)  # "18 days ok, but 22 would be fair"
                    or amounts[earlier].relative or _clause_asks(low, amounts[earlier], cuts, may)):
                continue
            role: Role = ("current" if offer and _names_the_offer(key, amounts[earlier], offer, self._spoken_unit(key))
                          else "evidence")
            if key in has[role]:
                continue
            roles[earlier] = role
            has[role].add(key)
            paired[ai] = key
            holder[key] = ai

    def _pair_costs(self, low: str, mentions: list[_Mention], amounts: list[Amount],
                    context: Context | None = None) -> list[tuple[float, int, int]]:
        """How far each amount is from each perk it could belong to, cheapest first."""
        if not amounts or not mentions:
            return []
        breaks = [
            (m.start(), m.end(), 1000 if m.group(0)[0] in ".;!?\n" else 60) for m in cues.CLAUSE_BREAK.finditer(low)
        ]
        pairs: list[tuple[float, int, int]] = []
        for ai, a in enumerate(amounts):
            opening = self._opening_the_next_sentence(low, a, mentions, context)
            for mi, mention in enumerate(mentions):
                cost = 0.0 if mi == opening else self._pair_cost(low, a, mention, breaks, context)
                if cost is not None:
                    pairs.append((cost, ai, mi))
        pairs.sort()
        return pairs

    def _opening_the_next_sentence(self, low: str, a: Amount, mentions: list[_Mention],
                                   context: Context | None) -> int | None:
        """ "₪60,000. Equity is the next thing I care about after the monthly pay": a figure said as a sentence of its
        own belongs to the perk that opens the next sentence, when it is on that perk's scale (the offer's figure for
        it, else the perk's ceiling). The index of that perk's mention, or None."""
        own = _sentence_start(low, a.start)
        ends = [at for at in (low.find(". ", a.end), low.find("! ", a.end), low.find("? ", a.end)) if at >= 0]
        if not ends or low[own : a.start].strip(" $€£₪~") or not set(low[a.end : min(ends)].split()) <= _FIGURE_TAIL:
            return None  # words other than the figure's own: its sentence says what it is of, or nothing
        after = min(ends) + 2
        mi = next((i for i, m in enumerate(mentions) if m.start >= after), None)
        if mi is None or mentions[mi].negated or not set(low[after : mentions[mi].start].split()) <= _LEAD_WORDS:
            return None
        perk = mentions[mi].perk
        standing = context.offer.get(perk) if context is not None else None
        on_the_table = isinstance(standing, (int, float)) and standing > 0
        if on_the_table and not standing / 5 <= abs(a.value) <= standing * 5:  # type: ignore[operator]
            return None  # "150k. The sign-on would help too" against a 10k sign-on: the salary, said alone
        if not on_the_table and perk != "base_salary" and a.unit == "money" and _salary_sized(a, context):
            return None  # with nothing of that perk on the table, a salary-sized sum is still the salary
        return mi if self._fits(perk, a) else None

    def _pair_cost(self, low: str, a: Amount, mention: _Mention, breaks: list[tuple[int, int, int]],
                   context: Context | None = None) -> float | None:
        """Characters between an amount and a perk, plus a toll per clause break; None when they cannot go together."""
        if mention.negated:
            return None
        if a.unit in ("money", None) and mention.perk != "base_salary" and self._out_of_scale(low, a, mention, context):
            return None
        surcharge = 0
        if not self._fits(mention.perk, a):
            # "a $5 million sign-on": past the perk's sane scale, but said of it, so not the salary
            gap = low[mention.end : a.start] if mention.end <= a.start else low[a.end : mention.start]
            if len(gap) > 8 or not cues.SAID_OF.fullmatch(gap) or not self._fits(mention.perk, a, sane=False):
                return None
            surcharge = 100
        lo, hi, direction = (mention.end, a.start, 0.0) if mention.end <= a.start else (a.end, mention.start, 0.5)
        if direction and a.unit is None and not a.explicit_money and _SENTENCE_END.search(low, lo, hi):
            return None  # "…down to 28 feels like a step back. Could you do 30? And the ticket…": not the ticket's
        if direction and hi - lo > 3 and cues.CONDITION_BETWEEN.search(low, lo, hi):
            return None  # "₪41,500 provided the equity grant goes up": the perk in the condition is the one asked
        if hi < lo:
            lo, hi = hi, lo
        tolls = sum(p for s, e, p in breaks if lo <= s and e <= hi)
        if tolls >= 1000 and "los" in low and cues.LOST_OWN_BEFORE.search(
                low, max(0, mention.start - 40), mention.start):
            return None  # "…I lose bonus of 30k. So I need minimum 42,000": what is lost is priced in its own sentence
        cost = (hi - lo) + direction + surcharge + tolls
        if (a.unit == "money" and abs(a.value) >= 10_000 and mention.perk != "base_salary"
                and ((cost >= 1000 and (a.end <= mention.start or _salary_sized(a, context)))
                     or (a.end <= mention.start and tolls >= 60))):
            # "$185k. And the relocation is way short", "if $158k is the ceiling, could the equity…": a salary-sized
            # sum said on its own, or in a clause before the perk's, is the salary; but after talk of the perk, a sum
            # far under the salary on the table is the perk's ("the $20,000 sign-on… would you consider $30,000?")
            return None
        if a.unit == "money" and cost > 12:
            definition = self.perks[mention.perk]
            if definition.unit is PerkUnit.percent and not (
                    mention.perk == "performance_bonus" and tolls == 0 and hi - lo <= 30
                    and not any(c.isdigit() for c in low[lo:hi])):
                # "70k/yr plus bonus": money next to a percent perk only when said together; a bonus may be a sum
                # said in the same clause ("$18k of unvested bonus", "a bonus of approximately $20,000")
                return None
        return cost

    def _out_of_scale(self, low: str, a: Amount, mention: _Mention, context: Context | None) -> bool:
        """Whether a sum is far beyond what a money perk is worth and not written as that perk's own figure.

        A figure belongs to a small perk whatever its size only when it is said of it ("a $5,000 training budget",
        "parking: 700"); joined to it by "+", "with" or a clause ("82k + the training budget", "₪42,000 with parking
        covered", "42k a month if you also cover parking") it is weighed against the perk's scale: the offer's own
        figure for the perk when the practice passes one (a sum twenty times it is not about it), else a fifth of the
        perk's ceiling for the small budgets."""
        definition = self.perks[mention.perk]
        if definition.unit is not PerkUnit.money:
            return False
        standing = context.offer.get(mention.perk) if context is not None else None
        # the figure as written against the offer's, which a monthly scenario quotes monthly
        dwarfs = isinstance(standing, (int, float)) and 0 < standing * 20 < abs(a.value)
        if not dwarfs and not (
                definition.max <= _SMALL_BUDGET and (a.unit == "money" or a.explicit_money)
                and abs(a.value) * (12 if a.per == "month" else 1) > definition.max / 5):
            return False
        gap = low[mention.end : a.start] if mention.end <= a.start else low[a.end : mention.start]
        return len(gap) > 8 or not cues.SAID_OF.fullmatch(gap)

    def _unpaired(self, r: _Pairing, ai: int, context: Context | None) -> tuple[bool, str | None]:
        """Whether an amount said beside no perk is a term, and whose: from the context, a guess, or none."""
        a, role, low, may = r.amounts[ai], r.roles[ai], r.low, r.may
        if _not_a_term(r, a, role):
            return False, None
        if role != "ask":
            return self._unpaired_aside(r, ai, context)
        standing = self._the_offers_sum(r, a, context)
        if standing is not None and not _asked_in_so_many_words(low, a, may):
            r.roles[ai] = "current"  # "$20,000 is only a bit over one month of pay" with a $20,000 sign-on offered
            r.guessed[ai] = standing
            r.has["current"].add(standing)
            return True, standing
        perk = (self._like_the_figure_before(r, ai) or self._within_a_range_before(r, ai)
                or self._raised_from_the_offer(r, ai) or self._named_just_before(r, ai)
                or self._guess_perk(low, a, r.mentions, r.has["ask"], context, may))
        if perk is None and r.asked_in_words and ai not in r.asked_in_words:
            before_the_ask = self._said_before_the_ask(r, ai, context)
            if before_the_ask is not None:
                return before_the_ask
        if (perk is not None and r.offer and perk not in r.has["current"]
                and _names_the_offer(perk, a, r.offer, self._spoken_unit(perk))
                and not _asked_in_so_many_words(low, a, may)):
            r.roles[ai] = "current"  # "€76,000 is closer… would €78,000 be possible?": the first is the offer
            r.guessed[ai] = perk
            r.has["current"].add(perk)
            return True, perk
        if perk is not None:
            r.guessed[ai] = perk
            r.has["ask"].add(perk)
            r.guessed_units.add(a.unit)
            r.guessed_values.add(a.value)
            return True, perk
        if _context_number(r, a) or a.unit == "years":
            return False, None  # "with 9 years", "given my six years": experience, no term (guide)
        # "lease ends mar 1", "a couple of days": a number about nothing negotiated
        keep = (a.unit == "money" and (a.explicit_money or abs(a.value) >= 1000)) or (
            len(low) <= 24 or _found(cues.OFFER_CUE, low, may)
        )
        return keep, None

    def _unpaired_aside(self, r: _Pairing, ai: int, context: Context | None) -> tuple[bool, str | None]:
        """An amount beside no perk that is evidence or the offer as it stands: whose it is, if it can be named."""
        a, role, low, may = r.amounts[ai], r.roles[ai], r.low, r.may
        # the offer as it stands may be named by its figure alone ("kk 3.5k works" after a training offer)
        perk = self._compared_with(r, ai) if role == "current" else None
        if perk is None:
            perk = self._guess_perk(low, a, r.mentions, r.has[role], context, may)
        if role == "evidence" and a.range is None and r.offer:
            # "rates are 70-82k from what I've seen, 72 is the bottom of it": the offer's own figure, named
            named = perk or self._guess_perk(low, a, r.mentions, r.has["current"], None, may)
            if (named is not None and named not in r.has["current"]
                    and _names_the_offer(named, a, r.offer, self._spoken_unit(named))):
                perk, role = named, "current"
                r.roles[ai] = role
        if perk is None:
            return False, None  # evidence or the offer as it stands, about nothing we can name
        r.guessed[ai] = perk
        r.has[role].add(perk)
        return True, perk

    def _the_offers_sum(self, r: _Pairing, a: Amount, context: Context | None) -> str | None:
        """The money perk whose figure on the table is exactly this sum, said with no perk of its own: it names the
        offer ("$10k is fair" after a $10,000 sign-on), where a guess would make it a salary of $10,000. Of two
        perks with the same figure, the one just discussed is meant; a perk neither discussed nor named is not."""
        if not r.offer or a.relative or a.unit != "money" or a.per is not None:
            return None
        named = {m.perk for m in r.mentions}
        last = context.last_perk if context is not None else None
        found = [key for key, value in r.offer.items()
                 if value == a.value and value and key not in r.has["current"] and (key == last or key in named)
                 and key in self.perks and self.perks[key].unit is PerkUnit.money]
        if not found:
            return None
        return min(found, key=lambda key: key != last)

    def _raised_from_the_offer(self, r: _Pairing, ai: int) -> str | None:
        """ "The offer have only 10k. Can you make it 16k?": a larger sum asked for right after a perk's figure on the
        table (said within two sentences, nothing named between) is that perk's, not a salary of $16,000."""
        a = r.amounts[ai]
        if ai == 0 or a.unit != "money" or a.relative or not r.offer:
            return None
        previous = r.amounts[ai - 1]
        perk, role = self._known_before(r, ai - 1)
        if (perk is None or perk == "base_salary" or role != "current" or previous.unit != "money"
                or perk in r.has["ask"] or not previous.value < a.value or a.start - previous.end > 60
                or any(previous.end <= m.start < a.start and m.perk != perk for m in r.mentions)
                or not self._fits(perk, a)):
            return None
        return perk

    def _like_the_figure_before(self, r: _Pairing, ai: int) -> str | None:
        """ "the offer includes 28 days; I would ask for 30": a bare number asked for after a figure counted in days,
        weeks or percent, within that perk's bounds, is that perk's (not a salary in thousands)."""
        a = r.amounts[ai]
        if ai == 0 or a.unit is not None or a.explicit_money or a.relative:
            return None
        previous = r.amounts[ai - 1]
        perk = self._known_before(r, ai - 1)[0]
        if (perk is None or previous.unit in (None, "money") or perk in r.has["ask"] or not self._fits(perk, a)
                or not 0 < a.value <= self.perks[perk].max):
            return None
        return perk

    def _named_just_before(self, r: _Pairing, ai: int) -> str | None:
        """ "…so equity matters to me more than a one-off. Could the grant be ₪60,000?": a figure asked for in a
        sentence that names no perk belongs to the one perk the sentence before named, when no figure came between
        and it fits that perk."""
        a, low = r.amounts[ai], r.low
        own = _sentence_start(low, a.start)
        if own == 0 or (ai > 0 and r.amounts[ai - 1].end > _sentence_start(low, own - 1)):
            return None
        end = _SENTENCE_END.search(low, a.end)
        if any(own <= m.start < (end.start() if end else len(low)) for m in r.mentions):
            return None
        named = {m.perk for m in r.mentions if _sentence_start(low, own - 1) <= m.start < own}
        if len(named) != 1:
            return None
        perk = named.pop()
        return perk if perk not in r.has["ask"] and self._fits(perk, a) else None

    def _known_before(self, r: _Pairing, aj: int) -> tuple[str | None, Role]:
        """The perk and role of a figure said before the one being weighed. A figure asked for is weighed first ("the
        offer have only 10k. Can you make it 16k?"), so one said before it may not have its perk yet: the perk it
        would take is looked up without taking it ("20 days fine, but 25 would be ideal": 20 days are time off)."""
        perk = r.paired.get(aj) or r.guessed.get(aj)
        if perk is not None or aj in r.weighed:
            return perk, r.roles[aj]
        a = r.amounts[aj]
        if r.roles[aj] == "ask":
            standing = self._the_offers_sum(r, a, r.context)
            if standing is not None:
                return standing, "current"
        return self._guess_perk(r.low, a, r.mentions, set(), r.context, r.may), r.roles[aj]

    def _within_a_range_before(self, r: _Pairing, ai: int) -> str | None:
        """"the relocation quotes I have are $14k to $18k. Could we meet at $16k?": a figure asked for with no perk of
        its own, inside a range said earlier of one perk, is that perk's."""
        a = r.amounts[ai]
        for aj in range(ai - 1, -1, -1):
            earlier = r.amounts[aj]
            if earlier.range is None or earlier.unit != a.unit or not earlier.range[0] <= a.value <= earlier.range[1]:
                continue
            perk = self._known_before(r, aj)[0]
            if perk is not None:
                return perk if perk not in r.has["ask"] else None
        return None

    def _compared_with(self, r: _Pairing, ai: int) -> str | None:
        """ "20 days instead of 15", "three remote days rather than two": a bare figure the one before it is
        compared with is the same perk's figure as it stands."""
        a = r.amounts[ai]
        if ai == 0 or a.explicit_money:
            return None
        previous = r.amounts[ai - 1]
        perk = r.paired.get(ai - 1) or r.guessed.get(ai - 1)
        if (perk is None or perk in r.has["current"] or previous.unit is None or a.unit not in (None, previous.unit)
                or not _at(cues.COMPARED_WITH, r.low, r.may, previous.end, a.start) or not self._fits(perk, a)):
            return None
        return perk

    @staticmethod
    def _said_as_limit(low: str, a: Amount, may: MayMatch) -> bool:
        """Whether the amount sits in a refusal or in evidence rather than in an ask."""
        start = max(low.rfind(",", 0, a.start), low.rfind(".", 0, a.start), low.rfind(" but ", 0, a.start))
        ends = [e for e in (low.find(",", a.end), low.find(" but ", a.end), low.find(".", a.end)) if e != -1]
        clause = low[start + 1 : min(ends) if ends else len(low)]
        return (
            _found(cues.REJECT, clause, may) or _found(cues.REPORTED, clause, may) or _found(cues.MARKET, clause, may)
        )

    def _in_thousands_like_before(self, low: str, amounts: list[Amount], mentions: list[_Mention],
                                  context: Context | None = None) -> list[Amount]:
        """ "market is 150-170k so 165", "84k is low, the market is 85-98": a bare number whose thousands sit near a
        salary-sized sum said before it in the same message is a sum of the same kind, said in thousands; one
        written against a perk counted otherwise ("20 PTO days", "pto 25") keeps its own unit. With no perk named,
        the sum on the table for the perk just discussed sets the scale too ("I know I have 15. I am asking for 20."
        after talk of a $15,000 sign-on)."""
        scale: Amount | None = self._discussed_sum(mentions, context)
        if len(amounts) < 2 and scale is None:
            return amounts
        kept: list[Amount] = []
        for a in amounts:
            if a.unit == "money" and not a.relative and (abs(a.value) >= 10_000 or (
                    abs(a.value) >= 1000 and low.startswith("k", a.end - 1))):
                scale = a  # "the 2k equipment budget, can it go to 3?": said in thousands too
            elif (scale is not None and a.unit is None and not a.explicit_money and not a.relative and a.per is None
                  and 0.5 <= a.value * 1000 / abs(scale.value) <= 2 and not any(
                      self.perks[m.perk].unit is not PerkUnit.money
                      and (0 <= m.start - a.end <= 2 or 0 <= a.start - m.end <= 2) for m in mentions)):
                spread = (a.range[0] * 1000, a.range[1] * 1000) if a.range is not None else None
                a = replace(a, value=a.value * 1000, unit="money", explicit_money=True, currency=scale.currency,
                            per=scale.per, range=spread)
            elif a.unit not in (None, "money"):
                scale = None  # "the insurance is $11,000? and vacation is only 15 days, could it be 20?": days now
            kept.append(a)
        return kept

    def _discussed_sum(self, mentions: list[_Mention], context: Context | None) -> Amount | None:
        """The offer's sum for the money perk (not the salary) the recruiter just spoke of, or else the one money perk
        it just gave ground on ("15 is short. I said 20." after the sign-on went to $15,000), when no perk is named."""
        if mentions or context is None or not context.offer:
            return None
        sums = [self._standing_sum(perk, context) for perk in [context.last_perk or "", *context.conceded]]
        if sums[0] is not None:
            return sums[0]
        given = [s for s in sums[1:] if s is not None]
        return given[0] if len(given) == 1 else None

    def _standing_sum(self, perk: str, context: Context) -> Amount | None:
        """The offer's sum for a money perk other than the salary, when it is big enough to be said in thousands."""
        standing = context.offer.get(perk)
        if (perk not in self.perks or perk == "base_salary" or self.perks[perk].unit is not PerkUnit.money
                or not isinstance(standing, (int, float)) or standing < 10_000):
            return None
        return Amount(value=float(standing), unit="money", start=0, end=0)

    def _spoken_unit(self, perk: str) -> str | None:
        """The unit a figure of this perk is said in ("days" for time off, "money" for a budget)."""
        return _SPOKEN_UNIT[self.perks[perk].unit]

    def _counted_alike(self, perk: str, amount: Amount) -> bool:
        """Whether a count is said in the unit the perk is kept in, so that an equal number is the same figure:
        "two months" is not the start date of 2 weeks on the table."""
        if amount.unit in (None, "money"):
            return True
        return _SPOKEN_UNIT[self.perks[perk].unit] == amount.unit

    def _fits(self, perk: str, amount: Amount, sane: bool = True) -> bool:
        fits = _FITS[self.perks[perk].unit]
        if amount.unit not in fits and not (perk == "equity" and amount.unit == "percent"):
            return False
        definition = self.perks[perk]
        if definition.unit is PerkUnit.percent and perk != "performance_bonus" and (
                amount.unit == "money" or amount.explicit_money or (amount.unit is None and abs(amount.value) >= 50)):
            # a raise or a pension match is a percentage: "90 with a review after probation", "$88,000 with a
            # review" name the salary; only a bonus may be given as a sum
            return False
        if amount.unit is None and abs(amount.value) > 10 * definition.max:
            # "a bonus of 5000" is money; "7000 and a fast promotion" is not 7000 months
            return definition.unit is PerkUnit.percent
        if amount.unit is None and perk == "performance_bonus" and 100 < abs(amount.value) < 1000:
            return False  # "…an $18k bonus. hence 165.": a bare 165 is neither a bonus percentage nor a bonus sum
        if amount.unit is None and definition.unit in _IN_MONTHS_OR_WEEKS and abs(amount.value) > definition.max:
            return False  # "180 is fine. severance though": 180 is no number of months of severance
        if definition.unit is PerkUnit.days_per_week and abs(amount.value) > 7 and amount.per != "week":
            return False  # "140k, 25 days, remote fridays": 25 days is time off, not remote days a week
        if amount.unit in ("money", None) and definition.unit is PerkUnit.money and sane:
            yearly = abs(amount.value) * (12 if amount.per == "month" else 1)
            return yearly <= definition.max  # "95k" is not a laptop budget
        return True

    def _guess_perk(
        self,
        low: str,
        a: Amount,
        mentions: list[_Mention],
        taken: set[str],
        context: Context | None,
        may: MayMatch,
    ) -> str | None:
        last = context.last_perk if context is not None else None
        if last is not None and not mentions and self._answers_last(a, last, taken) and not _dwarfs_the_offer(
            last, a, context
        ):
            return last  # "then 9 hours", "what about 25?" after that perk came up
        if (context is not None and "base_salary" in self.perks and "base_salary" not in taken
                and not any(m.perk == "base_salary" for m in mentions) and _salary_in_thousands(context.offer, a)):
            return "base_salary"  # "I'd take 155 if we can add the sign-on" with 150k on the table
        shaped = self._perk_by_its_shape(low, a, taken)
        if shaped is not None:
            return shaped
        spent_on = self._cost_object(low, a, taken) if id(cues.COST_OBJECT) not in may.skipped else None
        if spent_on is not None:
            return spent_on  # "movers quoted $14k-$18k", "8k for my cert course"
        known = self._from_the_offer(low, a, mentions, taken, context, may)
        if known is not None:
            return known
        if a.unit == "hours" and a.value >= 4 and "working_hours" in self.perks and "working_hours" not in taken:
            return "working_hours"
        if a.unit == "money" and "base_salary" in self.perks and "base_salary" not in taken:
            return "base_salary" if self._money_is_pay(low, a, mentions, may) else None
        if a.unit is None and "base_salary" in self.perks and "base_salary" not in taken and _bare_pay(low, a, mentions,
                                                                                                     may):
            return "base_salary"
        if a.unit == "days" and a.value >= 10 and "pto" in self.perks and "pto" not in taken:
            return "pto"
        return None

    def _perk_by_its_shape(self, low: str, a: Amount, taken: set[str]) -> str | None:
        """A perk a figure can only be by how it is written: "$10k up front", "10k signing" are a sign-on; "0.05%
        feels low for employee #20", a fraction of a percent, is a stake in the company."""
        if (a.unit == "money" and "sign_on_bonus" in self.perks and "sign_on_bonus" not in taken
                and cues.SIGN_ON_AFTER.match(low, a.end)):
            return "sign_on_bonus"
        if (a.unit == "percent" and 0 < a.value < 1 and not a.relative and "equity" in self.perks
                and "equity" not in taken):
            return "equity"
        return None

    @staticmethod
    def _money_is_pay(low: str, a: Amount, mentions: list[_Mention], may: MayMatch) -> bool:
        """Whether a sum of money with no perk of its own is the salary."""
        surely_money = a.explicit_money or a.per is not None or _found(cues.OFFER_WORDS, low, may)
        cut = (" less" in low or " lower" in low) and cues.LESS_AFTER.match(low, a.end)
        if surely_money and abs(a.value) >= 1000 and (a.relative or cut):
            return True  # "ill take 5k less", "another 3k": a change to the pay
        if (surely_money and abs(a.value) >= 10_000) or (a.per == "month" and abs(a.value) >= 1000):
            return True
        return abs(a.value) >= 10_000 and not mentions  # "I'm asking for ninety thousand"

    def _answers_last(self, a: Amount, last: str, taken: set[str]) -> bool:
        """Whether a figure said alone fits the perk the recruiter last spoke of."""
        if last not in self.perks or last in taken or not self._fits(last, a):
            return False
        unit = self.perks[last].unit
        if a.unit == "money" and unit is not PerkUnit.money:
            return False
        return abs(a.value) <= self.perks[last].max or unit is PerkUnit.money

    def _cost_object(self, low: str, a: Amount, taken: set[str]) -> str | None:
        """The perk a sum is spent on, from the nearest thing named in its sentence that such a perk pays for, when
        the sum fits that perk's scale (a fifth of its ceiling; relocation up to 50k): "movers quoted $14k"."""
        if a.unit != "money" or (a.per == "month" and abs(a.value) >= 1000):
            return None
        start = _sentence_start(low, a.start)
        end = _SENTENCE_END.search(low, a.end)
        best: tuple[int, str] | None = None
        for m in cues.COST_OBJECT.finditer(low, start, end.end() if end else len(low)):
            perk = m.lastgroup
            if perk is None or perk not in self.perks or perk in taken:
                continue
            if m.group(0).startswith("commut") and cues.COMMUTE_AS_TRIP.match(low, m.end()):
                continue  # "my commute is 70 minutes": the trip, a reason, not a thing bought
            distance = abs(m.start() - a.start)
            if best is None or distance < best[0]:
                best = (distance, perk)
        if best is None:
            return None
        perk = best[1]
        yearly = abs(a.value) * (12 if a.per == "month" else 1)
        limit = 50_000 if perk == "relocation" else self.perks[perk].max / 5
        return perk if yearly <= limit else None

    def _from_the_offer(
        self, low: str, a: Amount, mentions: list[_Mention], taken: set[str], context: Context | None, may: MayMatch
    ) -> str | None:
        """A number with no perk of its own, read against the offer: "42 and parking is ok", "I need 170"."""
        if mentions or a.unit not in (None, "money") or "base_salary" not in self.perks or "base_salary" in taken:
            offer: Mapping[str, float | str] = context.offer if context is not None else {}
            return next((k for k, v in offer.items() if v == a.value and k not in taken and k in self.perks
                         and self._fits(k, a) and self._counted_alike(k, a)), None)
        offer = context.offer if context is not None else {}
        for key, value in offer.items():
            if value == a.value and key not in taken and key in self.perks and self._fits(key, a):
                return key
        if a.unit is None and not a.explicit_money and 30 <= abs(a.value) < 1000 and a.per is None:
            base = offer.get("base_salary")
            if isinstance(base, (int, float)) and base > 0:  # a salary said in thousands, near the one on the table
                return "base_salary" if 0.5 <= a.value * 1000 / base <= 2 else None
            if _found(cues.OFFER_WORDS, low, may) or _found(cues.REJECT, low, may) or _found(cues.REQUEST, low, may):
                return "base_salary"  # "I need 170", "150 is a bit under what I hoped"
        return None

    @staticmethod
    def _given(low: str, slots: list[_Slot], mentions: list[_Mention], trading: bool, may: MayMatch) -> frozenset[str]:
        """The perks a trade offers up: "trade the bonus for…", "a lower base if…", "instead of the car".

        Without a trade read in the message, only what is plainly a concession: "ill take 5k less", a start
        date moved "if you…", and a figure settled for on a condition that asks for another perk ("I'd take 155 if
        you add the sign-on", "I can live with ₪42,000 if you cover parking"), with or without an offer in view
        (docs/labelling.md, second and third rounds)."""
        given, conceded = set(), set()
        for slot in slots:
            if slot.perk is None or slot.role in ("current", "evidence", "question"):
                continue  # "20 days instead of 15": 15 is the offer as it stands, not something offered up
            a = slot.amount
            if (a is not None and _taken_in_trade(low, a, slot.perk, slots, may)
                    and not _above_the_offer_said(slot, slots)):
                given.add(slot.perk)  # "I'd take 155 if you add the sign-on": the figure is what they settle for
                continue
            if a is not None and (
                (cues.LESS_AFTER.match(low, a.end) and (trading or _asks_another(slot.perk, slots)))
                or (slot.perk == "start_date"
                    and (cues.CONCESSION_AFTER.match(low, a.end) or cues.SOONER_AFTER.match(low, a.end)))
            ):
                conceded.add(slot.perk)
                continue
            if not trading:
                continue
            if a is not None and cues.SOONER_AFTER.match(low, a.end):
                given.add(slot.perk)  # "I can start 2 weeks earlier if…": the weeks are offered up
                continue
            starts = [slot.start] + [m.start for m in mentions if m.perk == slot.perk]
            for start in starts:
                before = low[max(0, start - 40) : start]
                if cues.GIVE_BEFORE.search(before) or cues.GIVE_TRADE_VERB.search(before):
                    given.add(slot.perk)
                    break
            else:
                if _given_by_pronoun(low, slot.perk, mentions):
                    given.add(slot.perk)
        if len(given | conceded) == len({s.perk for s in slots if s.perk is not None}):
            given = set()  # a trade gives one thing for another: if every perk looks given, none is sure
        return frozenset(given | conceded)

    def _term(self, slot: _Slot, give: bool = False) -> Term:
        a = slot.amount
        if a is None:
            return Term(perk=slot.perk, negated=slot.negated, give=give, role="give" if give else slot.role)
        unit = a.unit
        if unit is None and slot.perk is not None:
            perk_unit = self.perks[slot.perk].unit
            unit = _SPOKEN_UNIT[perk_unit]
            if perk_unit is PerkUnit.percent and a.value > 100:
                unit = "money"
        if unit is None and a.explicit_money:
            unit = "money"
        value = a.value
        if (slot.perk == "base_salary" and unit == "money" and 0 < abs(value) < 1000 and a.per in (None, "year")
                and not (a.relative and a.explicit_money)):  # "300 € more in the salary" is 300, not 300k
            value *= 1000  # "can you do 95?" about a salary means 95k
        return Term(
            role="give" if give else slot.role,
            perk=slot.perk,
            amount=value,
            unit=unit,
            negated=False,
            range=a.range,
            per=a.per,
            currency=a.currency,
            relative=a.relative,
            give=give,
            doubtful=a.doubtful,
        )


_IN_MONTHS_OR_WEEKS = frozenset({PerkUnit.months, PerkUnit.weeks})

def _spans_of_figures(terms: list[Term], slots: list[_Slot]) -> dict[float, tuple[int, int]]:
    """Where each figure was written, by its amount; an amount written twice ("it costs $4,500, so could the
    budget be $4,500?") is left out, since which of its terms is which can no longer be told from the amount."""
    spans: dict[float, tuple[int, int]] = {}
    twice: set[float] = set()
    for term, slot in zip(terms, slots, strict=True):
        if slot.amount is not None and term.amount is not None:
            if term.amount in spans:
                twice.add(term.amount)
            spans[term.amount] = (slot.amount.start, slot.amount.end)
    for amount in twice:
        del spans[amount]
    return spans


def _settled_mentions(low: str, words: set[str], mentions: list[_Mention], may: MayMatch) -> list[_Mention]:
    """Perk mentions less the words that only look like one (a line of work, the notice owed, a second "bonus" that
    is the sign-on's own word, "leave" beside parental leave), plus "learning" said as a budget ("€1,500 learning")."""
    mentions = [m for m in mentions if not _a_field_of_work(low, m, may)]
    if "notice" in words:
        # "my notice period is a month", "so I can give notice on Monday": the notice owed to the current
        # employer is news or a reason, never the start date asked for (guide: a notice period stated alone)
        mentions = [m for m in mentions if not (m.perk == "start_date" and "notice" in low[m.start:m.end])]
    if len(mentions) > 1 and any(m.perk == "sign_on_bonus" for m in mentions):
        # "a sign-on bonnus", "the sign bonus": a misspelt or bare "bonus" just after the sign-on is the same perk
        mentions = [m for i, m in enumerate(mentions) if not (
            m.perk == "performance_bonus" and i > 0 and mentions[i - 1].perk == "sign_on_bonus"
            and cues.JOINED.fullmatch(low, mentions[i - 1].end, m.start))]
    if "learning" in words and ("money" in words or not any(m.perk == "professional_development" for m in mentions)):
        # ("more money for the learning? 1000 is very few for courses": the learning asked for, the courses priced)
        for found in cues.LEARNING_AS_BUDGET.finditer(low):
            at = low.index("learning", found.start())
            if not any(m.start <= at < m.end for m in mentions):
                mentions = sorted([*mentions, _Mention("professional_development", at, at + 8)],
                                  key=lambda m: m.start)
    if "certific" in low:
        # "I hold an AWS certification", "I have certificate CKA": what the speaker brings, not a budget asked for
        mentions = [m for m in mentions if not (
            m.perk == "professional_development" and "certific" in low[m.start:m.end]
            and cues.CERTIFICATE_HELD_BEFORE.search(low, max(0, m.start - 40), m.start))]
    if "coverage" in words and len(mentions) > 1:
        # "full parking coverage": the cover of the perk named just before, not health cover
        mentions = [m for i, m in enumerate(mentions) if not (
            m.perk == "health_insurance" and low.startswith("coverage", m.start) and i > 0
            and mentions[i - 1].perk != "health_insurance"
            and cues.JOINED.fullmatch(low, mentions[i - 1].end, m.start))]
    if "leave" in words and any(m.perk == "parental_leave" for m in mentions):
        # "paternty leave", "16 weeks of leave" beside parental leave: the same leave, not time off
        mentions = [m for m in mentions if not (m.perk == "pto" and low.startswith("leave", m.start))]
    return mentions


def _flexible_hours(low: str, mentions: list[_Mention]) -> list[_Mention]:
    """ "the hours are not flexible", "no flexibility for hours": the hours named as flexible or not are a flexible
    schedule, not the working hours (a mention of the hours inside such a phrase becomes one)."""
    for found in cues.HOURS_FLEXIBLE.finditer(low):
        inside = [m for m in mentions if found.start() <= m.start < found.end()]
        if any(m.perk == "flexible_schedule" for m in inside):
            continue
        hours = [m for m in inside if m.perk == "working_hours"]
        if hours:
            hours[0].perk = "flexible_schedule"
        elif not inside and all(m.perk != "flexible_schedule" for m in mentions):
            mentions = sorted([*mentions, _Mention("flexible_schedule", found.start(), found.end())],
                              key=lambda m: m.start)
    return mentions


_ANOTHER_THING = frozenset({"ticket", "vest", "vests", "vesting", "vacation", "holiday", "buddy"})


def _another_thing(word: str, low: str, start: int, end: int, may: MayMatch) -> bool:
    """Perk words said of something else: "a plane ticket", "the 5% match vests", "I'm on vacation until the 12th", "a
    buddy who works there"."""
    if word == "ticket":
        # "a plane ticket", "a ticket to the conference": no ticket to get to work
        return bool(cues.TICKET_OTHER_BEFORE.search(low, max(0, start - 14), start)
                    or cues.TICKET_OTHER_AFTER.match(low, end))
    if word in ("vest", "vests", "vesting"):
        # "does the 5% match vest immediately?": the pension's vesting, not stock
        return bool(cues.PENSION_VESTS_BEFORE.search(low, max(0, start - 30), start))
    if word == "buddy":
        # "a buddy who joined last year": a friend, not an onboarding buddy
        return bool(cues.BUDDY_FRIEND_AFTER.match(low, end))
    # "I'm on vacation until the 12th": away, not time off asked for
    return _found(cues.AWAY_ON_BEFORE, low, may, max(0, start - 16), start)


def _money_not_pay(low: str, start: int, end: int) -> bool:
    # "money on the table", "money for the courses", "could that money go toward equity"
    return bool(cues.MONEY_NOT_PAY_AFTER.match(low, end) or cues.MONEY_NOT_PAY_BEFORE.search(
        low, max(0, start - 12), start))


def _step_not_pay(low: str, start: int, end: int) -> bool:
    # "step 4", "which step": a pay step; "a step up", "next steps": not pay
    if cues.STEP_AS_PAY_AFTER.match(low, end):
        return False
    return bool(cues.STEP_NOT_PAY_AFTER.match(low, end)
                or not cues.STEP_AS_PAY_BEFORE.search(low, max(0, start - 12), start))


def _leave_the_verb(low: str, start: int, end: int) -> bool:
    # "…, then remote days, then leave.": the last item of a list, not the verb
    if low.endswith(", then ", 0, start) and cues.LIST_ITEM_END.match(low, end):
        return False
    # "I'd leave", "leave behind", "leave at 1pm": the verb, not time off
    return bool(cues.LEAVE_VERB_AFTER.match(low, end) or cues.LEAVE_VERB_BEFORE.search(low, max(0, start - 12), start))


def _grade_as_scale(low: str, start: int, end: int) -> bool:
    # "the grade 7 band is fixed", "at this grade": the scale described, not a grade asked for
    return bool(cues.GRADE_AS_SCALE_AFTER.match(low, end)
                or cues.GRADE_AS_SCALE_BEFORE.search(low, max(0, start - 8), start))


def _grant_not_equity(low: str, start: int, end: int) -> bool:
    # "could the grant be ₪60,000?", "a larger grant, say $50k", "the grant vests…": the equity grant, said with its
    # figure or beside talk of stock; "grant me", "the grant reporting", "the grant is fixed" at a grant-funded
    # employer: not it
    if not cues.GRANT_AS_EQUITY_BEFORE.search(low, max(0, start - 12), start) or cues.GRANT_VERB_AFTER.match(low, end):
        return True
    return not (cues.FIGURE_SOON_AFTER.match(low, end) or cues.STOCK_WORDS.search(low))


def _flexibility_as_room(low: str, start: int, end: int) -> bool:
    # "any flexibility on the base": room to move, not a flexible schedule
    return bool(cues.FLEXIBILITY_AS_ROOM_AFTER.match(low, end)
                or cues.FLEXIBILITY_AS_ROOM_BEFORE.search(low, max(0, start - 12), start))


def _course_of_things(low: str, start: int, end: int) -> bool:
    # "of course", "in the course of the year": no course paid for
    return bool(cues.COURSE_OTHER_BEFORE.search(low, max(0, start - 16), start)
                or cues.COURSE_OTHER_AFTER.match(low, end))


def _shares_the_verb(low: str, start: int, end: int) -> bool:
    # "she shares our mum's care": the verb, not stock
    return bool(cues.SHARES_VERB_BEFORE.search(low, max(0, start - 16), start))


def _gross_as_measure(low: str, start: int, end: int) -> bool:
    # "is the pension on top of gross?": the salary as the measure of another perk
    return bool(cues.GROSS_AS_MEASURE_BEFORE.search(low, max(0, start - 16), start))


# Perk words with another common sense, and the test that tells it: "leave" the verb, "a step up", "the grade 7 band",
# "any flexibility", "of course".
_OTHER_SENSE_OF: dict[str, Callable[[str, int, int], bool]] = {
    "money": _money_not_pay, "step": _step_not_pay, "steps": _step_not_pay, "leave": _leave_the_verb,
    "grade": _grade_as_scale, "seniority": _grade_as_scale, "grant": _grant_not_equity,
    "flexibility": _flexibility_as_room, "course": _course_of_things, "shares": _shares_the_verb,
    "gross": _gross_as_measure,
}


def _other_sense(word: str, low: str, start: int, end: int) -> bool:
    """Whether a perk word is used in its other common sense here (see :data:`_OTHER_SENSE_OF`)."""
    test = _OTHER_SENSE_OF.get(word)
    return test is not None and test(low, start, end)


def _cue_signals(low: str, original: str, may: MayMatch, stated: str) -> list[Signal]:
    """The signals whose cue words are in the message; rudeness and pleading the speaker disowns do not count.
    ``stated``: the message without its questions for information (``low`` itself when it has none)."""
    skipped = may.skipped
    signals = [signal for signal, pattern in _SIGNAL_CUES if id(pattern) not in skipped and pattern.search(low)]
    if _own_value_said(low, may):
        signals.insert(0, _OWN_VALUE)
    if _market_said(low, may) and (stated is low or cues.DIGIT.search(low) or _market_said(stated, may)):
        # "what's the range for this level?" asks about the market; it brings no figure of it
        signals.insert(0, _MARKET_DATA)  # first, as the vocabulary lists it
    if (id(cues.RUDE) not in skipped and _meant(cues.RUDE, low)) or _shouting(original):
        signals.append(Signal.rude)
    if (id(cues.PLEADING) not in skipped and _meant(cues.PLEADING, low)) or (
            "pl" in low[-16:] and cues.PLEADING_ALONE.search(low)):  # it ends on "please" or "pls"
        signals.append(Signal.pleading)
    return signals


def _own_value_said(low: str, may: MayMatch) -> bool:
    """An own-value cue about the speaker: not experience said of others ("new hires with prior experience") nor
    value only referred to ("the step should reflect my experience")."""
    if id(cues.OWN_VALUE) in may.skipped:
        return False
    for found in cues.OWN_VALUE.finditer(low):
        said, before = found.group(), max(0, found.start() - 40)
        if "my " not in said and cues.OTHERS_BEFORE.search(low, before, found.start()):
            continue
        if said in cues.VAGUE_VALUE and cues.VALUE_REFERRED_BEFORE.search(low, before, found.start()):
            continue
        return True
    return False


def _reason_said(text: str, may: MayMatch) -> bool:
    """A reason cue the speaker does not wave away ("I do not need market figures")."""
    return _not_waved_away(text, may, cues.JUSTIFY)


def _market_said(text: str, may: MayMatch) -> bool:
    """A market cue the speaker does not wave away ("I do not need market figures", "forget the survey")."""
    return _not_waved_away(text, may, cues.MARKET, cues.MARKET_TALK)


def _not_waved_away(text: str, may: MayMatch, *patterns: re.Pattern[str]) -> bool:
    """Whether a cue of `patterns` is said without being waved away just before it."""
    for pattern in patterns:
        if id(pattern) in may.skipped:
            continue
        for found in pattern.finditer(text):
            if not cues.EVIDENCE_WAVED_AWAY_BEFORE.search(text, max(0, found.start() - 40), found.start()):
                return True
    return False


def _meant(pattern: re.Pattern[str], low: str) -> re.Match[str] | None:
    """The first match of a rude, pleading or all-or-nothing cue the speaker does not disown ("I don't want to
    sound greedy", "not my final offer") or say of themself ("am I being greedy?")."""
    for found in pattern.finditer(low):
        before = max(0, found.start() - 60)
        if cues.DISOWNED_BEFORE.search(low, before, found.start()):
            continue
        if found.group() in cues.SELF_WORDS and cues.SELF_BEFORE.search(low, before, found.start()):
            continue
        return found
    return None


def _found(pattern: re.Pattern[str], text: str, may: MayMatch, start: int = 0, end: int = sys.maxsize) -> bool:
    """pattern.search(text, start, end), skipped when the gate knows it cannot match (text is in the message)."""
    return id(pattern) not in may.skipped and pattern.search(text, start, end) is not None


def _at(pattern: re.Pattern[str], text: str, may: MayMatch, start: int = 0, end: int | None = None) -> bool:
    """pattern.match(text, start, end), skipped when the gate knows it cannot match (text is in the message)."""
    if id(pattern) in may.skipped:
        return False
    return (pattern.match(text, start) if end is None else pattern.match(text, start, end)) is not None


def _ends_sentence(low: str) -> bool:
    """Whether cues.SENTENCE_SPLIT may split the text: only after ".", "!" or "?", or at a line break."""
    return "." in low or "?" in low or "!" in low or "\n" in low


@dataclass(slots=True)
class _Pairing:
    """What pairing amounts with perks has found so far, for the amounts left without one."""

    low: str
    may: MayMatch
    mentions: list[_Mention]
    amounts: list[Amount]
    roles: list[Role]
    paired: dict[int, str]
    has: dict[str, set[str]]
    guessed_units: set[str | None]
    guessed_values: set[float] = field(default_factory=set)  # figures already given a perk by a guess
    guessed: dict[int, str] = field(default_factory=dict)  # amount index -> the perk a guess gave it
    offer: Mapping[str, float | str] | None = None  # the offer as it stands, when the practice passes it
    asked_in_words: set[int] = field(default_factory=set)  # unpaired asks whose own clause asks for them
    context: Context | None = None
    weighed: set[int] = field(default_factory=set)  # unpaired amounts already given a perk or none


def _changes(amounts: list[Amount], low: str) -> list[Amount]:
    """ "increase PTO from 15 to 20 days" is a change, not a range: 15 is the offer as it stands, 20 the ask."""
    if not any(a.range is not None for a in amounts):
        return amounts
    split: list[Amount] = []
    for a in amounts:
        to = cues.RANGE_TO.search(low, a.start, a.end) if a.range is not None else None
        if (to is None or not cues.CHANGE_FROM.search(low, max(0, a.start - 60), a.start)
                or cues.RUNG.search(low, a.start, a.end)):  # "it goes from $71,200 at step 1 to…": a pay scale
            split.append(a)
            continue
        low_end, high_end = a.range  # type: ignore[misc]
        split.append(replace(a, value=low_end, range=None, end=to.start()))
        split.append(replace(a, value=high_end, range=None, start=to.end()))
    return split


def _corrected(low: str, amounts: list[Amount]) -> list[Amount]:
    """ "I want 20 days of vacation, no sorry, I meant 22", "I wrote €67,000 — a typo, I meant €76,000": the figure
    meant replaces the one said before it (which is then no term), keeping that one's unit if it has none."""
    kept = list(amounts)
    for i in range(len(amounts) - 1, 0, -1):
        a = amounts[i]
        if not cues.MEANT_BEFORE.search(low, max(0, a.start - 24), a.start):
            continue
        earlier = next((b for b in reversed(amounts[:i]) if b in kept and a.start - b.end <= 160
                        and (b.unit == a.unit or None in (a.unit, b.unit))), None)
        if earlier is None:
            continue
        position = kept.index(a)
        if a.unit is None and earlier.unit is not None:
            kept[position] = replace(a, unit=earlier.unit, explicit_money=earlier.explicit_money,
                                     currency=earlier.currency, per=earlier.per)
        kept.remove(earlier)
    return kept


def _totals(amounts: list[Amount], low: str) -> list[Amount]:
    """ "four more days of leave, 24 in total": the total is the ask, the step to it only says how it is reached."""
    totals = [a for a in amounts if not a.relative and (
        cues.TOTAL_AFTER.match(low, a.end) or cues.TOTAL_BEFORE.search(low, max(0, a.start - 30), a.start))]
    steps = [a for a in amounts if a.relative]
    if len(totals) != 1 or not steps:
        return amounts
    total = totals[0]
    unit = total.unit or steps[0].unit
    if any(step.unit != unit for step in steps):
        return amounts
    return [replace(a, unit=unit) if a is total else a for a in amounts if a not in steps]


def _not_a_term(r: _Pairing, a: Amount, role: Role) -> bool:
    """An unpaired number that is no term at all: said again, a result, or about something else."""
    if any(r.amounts[other].value == a.value for other in r.paired) or (role == "ask" and a.value in r.guessed_values):
        return True  # "I want 25 days. Not 16, not 18. 25.": said again for emphasis
    if _found(cues.ACHIEVEMENT, r.low, r.may, max(0, a.start - 40), a.start):
        return True  # "I saved 2 million a year": a result, not an ask
    if role == "ask" and a.value == 0 and not r.mentions:
        return True  # "one day beats 0": nobody asks for nothing of a perk they do not name
    # "flexible hours with core time 11 to 3": a number about something else
    return (bool(r.mentions) and a.unit is None and not a.explicit_money and abs(a.value) < 1000
            and not (_salary_in_thousands(r.offer, a) and (_found(cues.ASKING, _sentence_of(r.low, a.start), r.may)
                                                           or cues.OFFER_FIGURE_APPROVED_AFTER.match(r.low, a.end)
                                                           or cues.OR_ELSE_AFTER.match(r.low, a.end))))


def _salary_sized(a: Amount, context: Context | None) -> bool:
    """Whether a sum could be the salary: with a salary on the table, one under half of it cannot ("The $20,000 sign-on
    helps. Would you consider $30,000?" against $180,000)."""
    base = context.offer.get("base_salary") if context is not None else None
    yearly = abs(a.value) * (12 if a.per == "month" else 1)
    return not (isinstance(base, (int, float)) and base > 0 and yearly < base / 2)


def _salary_in_thousands(offer: Mapping[str, float | str] | None, a: Amount) -> bool:
    """ "could we do 90 with a review?" against an 84k offer: a bare number that, read in thousands, lands near the
    salary on the table is the salary said short (docs/labelling.md, Shorthand numbers)."""
    base = offer.get("base_salary") if offer else None
    return (isinstance(base, (int, float)) and base >= 1000 and a.unit is None and not a.explicit_money
            and 0.8 * base <= abs(a.value) * 1000 <= 1.5 * base)


def _context_number(r: _Pairing, a: Amount) -> bool:
    """A second number that only sets the scene for the one asked for."""
    low, may = r.low, r.may
    if a.unit in r.guessed_units and not _found(cues.REQUEST, low, may, a.end, a.end + 20):
        return True  # "2 days isn't enough, I'd need 3": the refused number is context
    if a.unit == "money" and "base_salary" in r.has["ask"] and (
        _found(cues.REPORTED, low, may) or _found(cues.MARKET, low, may)
    ):
        return True  # "...since the market pays 130-145k": evidence for the ask, not a second ask
    if r.paired and not (a.unit == "money" and a.explicit_money):
        return True  # "2 days remote and 3 in office", "12 weeks instead of 8": the other number is context
    # "over four years", "after 3 months": when, not how much
    return a.unit in cues.DURATIONS and bool(cues.TIMING_BEFORE.search(low, max(0, a.start - 24), a.start))


def _unit_words_kept(mentions: list[_Mention], amounts: list[Amount], kept: list[Amount]) -> list[_Mention]:
    """The perk word that was the unit of a number that is no term goes with it: "the flight is 20 hours" names no
    working hours, "two or three days to read it" no leave."""
    dropped = [a for a in amounts if a not in kept]
    return [m for m in mentions if not any(a.start <= m.start and m.end <= a.end for a in dropped)]


def _with_mentions(slots: list[_Slot], mentions: list[_Mention]) -> list[_Slot]:
    """Add the perks named without a number, in order of appearance; a declined one marks its slot."""
    seen = {s.perk for s in slots if s.perk is not None}
    for mention in mentions:
        if mention.perk in seen:
            for slot in slots:
                if slot.perk == mention.perk and mention.negated and slot.amount is None:
                    slot.negated = True
            continue
        seen.add(mention.perk)
        slots.append(_Slot(mention.perk, None, mention.negated, mention.start))
    slots.sort(key=lambda s: s.start)
    return slots


def _requests_more(low: str, writing: bool, may: MayMatch) -> bool:
    """Whether an acceptance also requests something: "could you send it by email?" asks only for the letter."""
    for m in cues.REQUEST.finditer(low):
        if m.group(0) in cues.LISTING or (m.group(0) == "then" and cues.ACCEPTING.search(low, m.end(), m.end() + 30)):
            continue  # "then I'm happy to accept" leads into the acceptance
        if _part_of_the_taking(low, m):
            continue  # "step 3 is fine then", "5 more days pto is perfect, deal"
        if writing and _found(cues.REQUEST_WRITING, _sentence_of(low, m.start()), may):
            continue  # "I'm happy to accept… Could you send the updated offer by email?"
        if low.endswith(("n't ", "not ", "bonus "), max(0, m.start() - 8), m.start()) or cues.NOT_NEEDED_BEFORE.search(
                low, max(0, m.start() - 16), m.start()):
            continue  # "I don't need to talk it over", "I do not need more time", "a 12% bonus target": nothing asked
        return True
    return False


def _part_of_the_taking(low: str, request: re.Match[str]) -> bool:
    """A request word that belongs to what is taken: "then" closing "step 3 is fine then", "more" inside the figure
    taken ("5 more days pto is perfect")."""
    word = request.group(0)
    if word == "then":
        return low[: request.start()].rstrip(" ,").endswith(cues.TAKEN_THEN)
    return word in ("more", "extra", "additional") and any(c.isdigit() for c in low[max(0, request.start() - 6) :
                                                                                   request.start()])


def _asks_another(perk: str | None, slots: list[_Slot]) -> bool:
    """Whether the message asks for a perk other than `perk`: what a concession would be made for."""
    return any(s.perk is not None and s.perk != perk and s.role == "ask" for s in slots)



# A cheap first look before _given's searches: the verbs of cues.TAKEN_IN_TRADE_BEFORE that make a trade of a kept
# figure, and the words of cues.TRADE_CONDITION_AFTER. Not the gate's literals: those also let "happy to accept $87k
# with the review" through, an acceptance that names its terms, which _given would read as a trade.
_KEPT_WORDS = ("keep", "take", "hold", "down to", "live with", "work with", "settle", "stay at", "stay on",
               "meet you at")
_CONDITION_WORDS = (" if ", "provided", "as long as", "in exchange", "in return", " for it", " for that", " for this",
                    "to get it", "to get that", "to get this")


def _taken_in_trade(low: str, a: Amount, perk: str, slots: list[_Slot], may: MayMatch) -> bool:
    """ "I'd take 155 if you add the sign-on", "I am prepared to accept ₪41,500 provided the equity…": a figure the
    speaker settles for on a condition that asks for another perk is offered up in a trade (docs/labelling.md).
    The other perk may be asked for first, in a sentence or clause of its own: "could you cover my parking? I'd
    keep base at 76k". The taking may be the condition itself: "if I take the 20 days, can we talk about the
    sign-on?"."""
    if not _asks_another(perk, slots):
        return False
    if (low.startswith("if ") or any(word in low for word in _CONDITION_WORDS)) and _taken_as_the_condition(low, a):
        return True
    if cues.TAKEN_IN_TRADE_BEFORE not in may:
        return False
    taken = cues.TAKEN_IN_TRADE_BEFORE.search(low, max(0, a.start - 60), a.start)
    if taken is None:
        return False
    if cues.TRADE_CONDITION_AFTER in may and cues.TRADE_CONDITION_AFTER.match(low, a.end) is not None:
        return True
    # with no condition after it, "I'll take the $112k as offered", "I'd keep your $20k equity" only confirm the offer
    return (cues.THE_OFFERS_FIGURE_KEPT.search(taken[0]) is None and cues.AS_OFFERED_AFTER.match(low, a.end) is None
            and _asks_another(perk, [s for s in slots if s.start < _clause_start(low, a.start)]))


def _taken_as_the_condition(low: str, a: Amount) -> bool:
    """The figure is taken in the condition ("…if I take the $3,000?"), here or where it is said again ("$3,000 is
    close. Would you go to 18 days of leave if I take the $3,000?")."""
    said, at = low[a.start : a.end], a.start
    while at >= 0:
        if cues.TAKEN_AS_CONDITION_BEFORE.search(low, max(0, at - 40), at):
            return True
        at = low.find(said, at + 1) if said else -1
    return False


def _clause_start(low: str, position: int) -> int:
    """Where the clause holding `position` starts: after the last sentence end or comma before it."""
    return max(_sentence_start(low, position), low.rfind(", ", 0, position) + 1)


def _above_the_offer_said(slot: _Slot, slots: list[_Slot]) -> bool:
    """ "you're at $84k … I'd be comfortable at $90k if we also add a review": a figure above the offer the message
    names for the same perk still asks for more; it gives nothing up."""
    a = slot.amount
    return a is not None and any(
        other.perk == slot.perk and other.role == "current" and other.amount is not None
        and other.amount.unit == a.unit and other.amount.value < a.value for other in slots)


def _given_by_pronoun(low: str, perk: str, mentions: list[_Mention]) -> bool:
    """ "the VSOP is worth less to me than cash, I'd give it up for a higher base": the perk named last before
    "give it up" is the one offered up."""
    for i, mention in enumerate(mentions):
        if mention.perk != perk:
            continue
        found = cues.GIVE_IT_AFTER.match(low, mention.end)
        if found and not any(mention.end <= other.start < found.end() for other in mentions[i + 1 :]):
            return True
    return False


def _ask_beside_evidence(low: str, slots: list[_Slot], mentions: list[_Mention], may: MayMatch) -> None:
    """A perk whose only figure is evidence, asked for where the figure or the perk is said ("parking costs me ₪700
    a month, could you cover it?", "could the company cover the certification? The course is $1,500"), is also
    asked for, without a figure of its own."""
    negation = "not " in low or "n't " in low
    for slot in list(slots):
        # "I'm not asking for extra money" names the salary without asking for it
        named_at = [m.start for m in mentions if m.perk == slot.perk
                    and not (negation and cues.NOT_ASKED_BEFORE.search(low, max(0, m.start - 40), m.start))]
        if slot.role != "evidence" or not named_at or any(
            other.perk == slot.perk and other.role in ("ask", "current", "question") for other in slots
        ):
            continue
        sentences = [_sentence_of(low, at) for at in (slot.start, *named_at)]
        if named_at[0] < slot.start and slot.amount is not None and _priced_by_a_pronoun(low, slot.amount):
            # "…the Deutschlandticket? Would you pay for it? It's €58 a month": from the perk to its price
            sentences.append(low[_sentence_span(low, named_at[0])[0] : slot.start])
        for sentence in dict.fromkeys(sentences):
            if _another_asked_in(low, sentence, slot.perk, slots):
                continue  # "roles pay up to $125k base, so a $7,000 sign-on would help": the ask is the sign-on
            if ((_found(cues.ASKING, sentence, may) or cues.COVER_IT_AFTER.search(sentence)
                 or _found(cues.PAY_REQUEST, sentence, may)
                 or _found(cues.MORE_OF_IT, sentence, may))  # "parking is about ₪700 a month, so maybe a little more?"
                    and not _found(cues.COMPETING, sentence, may)
                    and not _found(cues.FORFEITED, sentence, may)):  # "forfeiting a $12k bonus, so a $12k sign-on…"
                slots.append(_Slot(slot.perk, None, False, slot.start + 1))
                break
        else:
            if _asked_for_by_pronoun(low, min(named_at), max(slot.start, *named_at), mentions, slot.perk, may):
                slots.append(_Slot(slot.perk, None, False, slot.start + 1))
    slots.sort(key=lambda s: s.start)


def _asked_beside_evidence(low: str, slots: list[_Slot], mentions: list[_Mention], may: MayMatch) -> list[_Slot]:
    """Perks whose only figures are evidence but which the message asks for: a cost to cover, a rival to match."""
    if any(slot.role == "evidence" for slot in slots):  # "…, cover it?" asks without an asking word
        _ask_beside_evidence(low, slots, mentions, may)
    if "match" in low or "beat" in low or " top " in low:
        _asked_to_match(low, slots, may)
    if any(slot.role == "current" for slot in slots):
        _more_asked(low, slots, mentions)
    return slots


def _more_asked(low: str, slots: list[_Slot], mentions: list[_Mention]) -> None:
    """A perk whose only figures are the offer's, named in a sentence that asks to improve it and names no other perk
    ("also, cert budget... mine's ~4.5k, any way to bump the 2k?", "can we chat leave? 15 days is rough"), is also
    asked for, without a figure of its own (guide: a perk named as wanted)."""
    for perk in dict.fromkeys(slot.perk for slot in slots if slot.role == "current" and slot.perk is not None):
        if any(s.perk == perk and s.role in ("ask", "question", "give") for s in slots):
            continue
        for mention in (m for m in mentions if m.perk == perk and not m.negated):
            sentence = _sentence_of(low, mention.start)
            start = low.find(sentence)
            if (cues.MORE_ASKED.search(sentence) and not cues.TAKEN_IN_SENTENCE.search(sentence)
                    and not any(m.perk != perk and start <= m.start < start + len(sentence) for m in mentions)):
                slots.append(_Slot(perk, None, False, mention.start))
                slots.sort(key=lambda s: s.start)
                break


def _another_asked_in(low: str, sentence: str, perk: str | None, slots: list[_Slot]) -> bool:
    """Whether a sentence holds a figure asked for of another perk."""
    start = low.find(sentence)
    return start >= 0 and _asks_another(perk, [other for other in slots if other.amount is not None
                                               and start <= other.start < start + len(sentence)])


def _asked_to_match(low: str, slots: list[_Slot], may: MayMatch) -> None:
    """ "another company offered me ₪41,000 a month. Could you match that?", "41k elsewhere, match?": the rival's
    figure is evidence, and the perk it is of is asked for without a figure of its own (guide, third round)."""
    found = cues.MATCH_IT.search(low) if _found(cues.MATCH_IT, low, may) else None
    if found is None or not cues.MATCH_VERB.search(found.group(0)):
        return  # "meet me in the middle", "close the gap" name no figure to match
    before = [slot for slot in slots if slot.role == "evidence" and slot.perk is not None
              and slot.start < found.start()]
    if not before or any(slot.perk == before[-1].perk and slot.role == "ask" for slot in slots):
        return
    slots.append(_Slot(before[-1].perk, None, False, before[-1].start + 1))
    slots.sort(key=lambda s: s.start)


def _asked_for_by_pronoun(low: str, named: int, last: int, mentions: list[_Mention], perk: str | None,
                          may: MayMatch) -> bool:
    """ "…where parking runs about ₪700 a month. Could Kestrel cover it?", "I don't see the ticket in the offer. Could
    you add it? It is €58 a month": between the perk's name and the sentence after its cost, a request for "it" with
    no other perk named before "it" asks for that perk."""
    end = _SENTENCE_END.search(low, last)
    if end is not None:
        nxt = _SENTENCE_END.search(low, end.end())
        stop = nxt.end() if nxt is not None else len(low)
    else:
        stop = len(low)
    request = None if id(cues.PAY_REQUEST) in may.skipped else next(
        (m for m in cues.PAY_REQUEST.finditer(low, named, stop) if m.group("it")), None)
    if request is not None:
        # "…the bonus I'd lose. Could a $10k sign-on cover that?": the perk named as the one to pay is the ask, not "it"
        return not any(m.perk != perk and named <= m.start < request.start("it") for m in mentions)
    # "flexible hours matter most to me. Is that doable?"
    that = None if id(cues.THAT_ASKED_FOR) in may.skipped else cues.THAT_ASKED_FOR.search(low, named, stop)
    return that is not None and not any(m.perk != perk and named <= m.start < that.start() for m in mentions)


def _roles(low: str, amounts: list[Amount], may: MayMatch) -> list[Role]:
    """The role of each number; a figure said in the same breath as evidence or the offer keeps that role,
    unless its own clause asks for it ("…feels stingy, 5% would be fair")."""
    cuts = _role_cuts(low) if amounts else []
    # whether anything in the message can make a figure evidence (most messages have none of it), and where the
    # first lead-in to evidence is: a figure before it cannot follow one
    evidence = not may.skipped >= _EVIDENCE_CUES
    lead_at: list[int] = []  # found on first need
    roles = [_role_of(low, a, cuts, may, evidence, lead_at) for a in amounts]
    if amounts and amounts[0].start < 24 and (taken := _figure_taken_first(low, may)) is not None:
        # "Fine, €78k. But…", "Okay, one month then.": the first sentence says yes to the figure just given
        roles = ["current" if a.end <= taken.end() else role for a, role in zip(amounts, roles, strict=True)]
    ranges = any(a.range is not None for a in amounts)
    for i, a in enumerate(amounts) if ranges else ():
        # first, so what is said in the same breath as a market range is evidence too ("$170k-$190k plus a 10-15%
        # bonus"); a scale spanning rungs ("$71,200 at step 1 to $89,000 at step 6") is published, never asked for
        if roles[i] == "ask" and a.range is not None and (
                cues.RUNG.search(low, a.start, a.end) or _range_is_evidence(low, amounts, roles, i, may)):
            roles[i] = "evidence"
    for i in range(1, len(amounts)):
        if (roles[i] == "ask" and roles[i - 1] in ("evidence", "current")
                and cues.SAME_BREATH.fullmatch(low, amounts[i - 1].end, amounts[i].start)
                and not _clause_asks(low, amounts[i], cuts, may)
                and not _found(cues.INSTEAD_BEFORE, low, may, max(0, amounts[i - 1].start - 16), amounts[i - 1].start)
                and not (roles[i - 1] == "current" and _bare(amounts[i]) and _bare(amounts[i - 1]))
                and not ((">" in low or "→" in low) and cues.ARROW_TO_AFTER.match(low, amounts[i - 1].end))):
            # "I make $71k now and have a $2k cert budget": still what they have; but the offer has one figure per
            # perk, so a second bare figure after a bare one it stands for is a counter ("75 feels light, 78 and…")
            # nor is an offer ever a range: "84k is too low, the market is 85-98" brings the range as evidence
            roles[i] = "evidence" if amounts[i].range is not None else roles[i - 1]
    for i in range(len(amounts) - 1, 0, -1):
        if (roles[i] == "current" and roles[i - 1] == "ask"
                and cues.LISTED_WITH.fullmatch(low, amounts[i - 1].end, amounts[i].start)
                and not _found(cues.ASKING, low, may, max(0, amounts[i - 1].start - 40), amounts[i - 1].start)
                and not _clause_asks(low, amounts[i - 1], cuts, may)):
            roles[i - 1] = "current"  # "the $135k and 3 remote days we discussed": both are the offer
    for i, a in enumerate(amounts) if ranges else ():
        if roles[i] == "current" and a.range is not None and not _changed_from(low, a, may):
            roles[i] = "evidence"  # an offer is never a range: "38k/mo vs a 36-46k range" compares it with the market
        if roles[i] == "ask" and a.range is not None and (
                _range_is_evidence(low, amounts, roles, i, may)
                or (len(amounts) > 1 and _range_said_alone(low, a, cuts, may))):
            roles[i] = "evidence"
    return roles


def _range_said_alone(low: str, a: Amount, cuts: list[tuple[int, int]], may: MayMatch) -> bool:
    """A range is evidence unless the message asks for it (docs/labelling.md): beside other figures, "EMs get
    170-190", "mkt 110-125" say what others pay when their own clause asks nothing (a range said alone, "120 to 125k
    would be great", is the ask itself). A span written with "to" and no unit ("from 8 to 12", "grew it from 40 to
    300") may be hours of the day or a change, not a range of pay."""
    return ((a.unit is not None or a.explicit_money or "-" in low[a.start : a.end])
            and not _clause_asks(low, a, cuts, may)
            and not (" than " in low and cues.PUT_IN_PLACE_AFTER.match(low, a.end)))  # "$180k-$190k rather than 172"


def _bare(a: Amount) -> bool:
    """A number said with no unit or currency ("75", "78"): only its perk tells what kind it is."""
    return a.unit is None and not a.explicit_money


def _range_is_evidence(low: str, amounts: list[Amount], roles: list[Role], i: int, may: MayMatch) -> bool:
    """A range said after what the user has seen, before a figure asked for, is the evidence for that figure.

    "I've looked at the market, and it's $85k–$98k. I was hoping for $92k": only $92k is asked for.
    """
    a = amounts[i]
    if not any(roles[j] == "ask" and amounts[j].unit == a.unit and amounts[j].range is None
               for j in range(i + 1, len(amounts))):
        # "I want 43 thousand, it is the middle of the market, 36 until 46": a range after the figure asked for,
        # in a clause of its own that asks nothing, is what the ask rests on too
        if not any(roles[j] == "ask" and amounts[j].unit == a.unit and amounts[j].range is None for j in range(i)):
            return False
        start, end = _clause_of(low, a, _role_cuts(low))
        return a.unit == "money" and not (low.startswith("?", end) or _found(cues.ASKING, low, may, start, end))
    start = max((m.end() for m in cues.SENTENCE_SPLIT.finditer(low, 0, a.start)), default=0)
    clause_end = min((m.start() for m in cues.ROLE_SPLIT.finditer(low, a.end)), default=len(low))
    if _found(cues.ASKING, low[start:clause_end], may):
        return False
    # "my research puts these roles at €70k–€82k, … I'd like €80k": a range said before the figure asked for, in
    # words that ask nothing, is what the ask rests on, whatever words bring it in
    return a.unit == "money" or _found(cues.EVIDENCE, low[start : a.start], may) or _found(
        cues.EVIDENCE_LEAD, low[start : a.start], may)


def _role_cuts(low: str) -> list[tuple[int, int]]:
    """Where a message's clauses are cut, found once per message for every number in it."""
    return [(m.start(), m.end()) for m in cues.ROLE_SPLIT.finditer(low)]


def _clause_of(low: str, a: Amount, cuts: list[tuple[int, int]]) -> tuple[int, int]:
    """Where the clause holding an amount starts and ends, between the cuts around it."""
    before = bisect_right(cuts, (a.start, -1)) - 1  # the last cut that ends before the number starts
    while before >= 0 and cuts[before][1] > a.start:
        before -= 1
    after = bisect_right(cuts, (a.end, -1))  # the first cut that starts at or after its end
    return (cuts[before][1] if before >= 0 else 0), (cuts[after][0] if after < len(cuts) else len(low))


def _clause_asks(low: str, a: Amount, cuts: list[tuple[int, int]], may: MayMatch) -> bool:
    """Whether an amount's own clause asks for it in words or as a question ("5% would be fair", "…, 3?")."""
    start, end = _clause_of(low, a, cuts)
    colon = low.rfind(": ", start, a.start)
    if colon >= 0 and low[colon + 2 : a.start].strip(" $€£₪"):
        # "I'd like to be transparent: my current salary is ₪38,500": the lead-in asks nothing of a figure said in
        # words of its own after it ("I'd like it to reflect the market: €80,000" still asks)
        start = colon + 2
    return (low.startswith("?", end) or _found(cues.ASKING, low, may, start, end)
            or (" or " in low and cues.OR_ELSE_AFTER.match(low, a.end) is not None)  # "so 90 or I walk"
            or ("pl" in low and cues.PLEASE_AFTER.match(low, a.end) is not None))  # "20 days is few, 24 please"


def _lead_before(low: str, position: int, may: MayMatch, lead_at: list[int]) -> bool:
    """Whether something that can lead up to evidence ("I make", "another company") is said before `position`;
    where the first one is, is found once per message and kept in `lead_at`."""
    if not lead_at:
        found = [m.start() for pattern in (cues.EVIDENCE_LEAD, cues.COMPETING)
                 if id(pattern) not in may.skipped and (m := pattern.search(low)) is not None]
        lead_at.append(min(found, default=len(low)))
    return lead_at[0] < position


def _role_of(
    low: str, a: Amount, cuts: list[tuple[int, int]], may: MayMatch, evidence: bool, lead_at: list[int]
) -> Role:
    """Whether a number is asked for, brought as evidence, or names the offer as it stands."""
    start, end = _clause_of(low, a, cuts)
    said_around = _role_said_around(low, a, may)
    if said_around is not None:
        return said_around
    if ((" instead of " in low or " rather than " in low or " versus " in low or " vs" in low)
            and cues.PUT_IN_PLACE_AFTER.match(low, a.end, end) and not _found(cues.EVIDENCE, low, may, start, a.start)):
        return "ask"  # "24 days off instead of 20", "the ₪700 parking covered instead of the ₪300 allowance"
    if " to " in low or "would" in low or "will" in low:
        purpose = cues.PURPOSE_AFTER.match(low, a.end, end)
        if purpose is not None:
            end = a.end  # "15k to cover the bonus I'm forfeiting": the loss after it is the reason, not its role
    if (_found(cues.CURRENT_BEFORE, low, may, max(start, a.start - 40), a.start)
            or _at(cues.CURRENT_AFTER, low[a.end:end], may) or _at(cues.CURRENT_NEXT_TO, low[a.end : a.end + 40], may)
            or (("which" in low or "that" in low or "it" in low) and cues.WHICH_JUDGED.match(low, end)
                and not _found(cues.ASKING, low, may, start, a.start))
            or _doubted(low, a, start, may)
            or (low.startswith("thank") and cues.THANKED_FOR.fullmatch(low, 0, a.start) is not None)
            or (id(cues.CURRENT_LEAD) not in may.skipped and _listed_as_the_offer(low, a, may))):
        return "current"
    if evidence and _at(cues.NORM_AFTER, low, may, a.end) and not _found(
            cues.ASKING, low, may, _sentence_start(low, a.start), a.start):
        return "evidence"  # "15 days when 25 is standard?": the norm, held up against the offer
    if evidence and ((_found(cues.EVIDENCE, low, may, start, end) or _found(cues.COMPETING, low, may, start, end)
                      or (_lead_before(low, a.start, may, lead_at) and _led_by_evidence(low, a, may)))
                     and not _clause_asks(low, a, cuts, may)):
        return "evidence"
    if _the_standing_figure(low, a, may):
        return "current"
    if _stated_cost(low, a, may) and not _found(cues.ASKING, low, may, *_clause_of(low, a, cuts)):
        return "evidence"  # "the exam fees, estimated at $1,200?": a price, even in a question
    return "evidence" if _a_price_or_elsewhere(low, a) else "ask"


def _a_price_or_elsewhere(low: str, a: Amount) -> bool:
    """A figure that is what another employer pays ("got 160k base elsewhere") or the price of what is to be paid
    for ("pls cover deutschlandticket (58€/mo)", "parking ₪700/mo, cover it?"): evidence beside the ask."""
    if "where" in low and cues.ELSEWHERE_AFTER.match(low, a.end):
        return True
    if "(" in low[max(0, a.start - 3) : a.start] and cues.PRICED_IN_BRACKETS_BEFORE.search(
            low, max(0, a.start - 50), a.start):
        return True
    return " it" in low[a.end : a.end + 40] and cues.COVER_IT_AFTER.match(low, a.end) is not None


def _doubted(low: str, a: Amount, clause_start: int, may: MayMatch) -> bool:
    """A figure refused or echoed in disbelief ("155 doesn't cut it", "87?? come on", "172k for a manager role??"):
    the offer being turned down, unless its own clause asks for it ("can you do 25 days??")."""
    found = _at(cues.REFUSED_FIGURE, low, may, a.end)
    if not found and cues.FIGURE_HELD_UP_AFTER in may and "?" in low[a.end : a.end + 60]:
        held_up = cues.FIGURE_HELD_UP_AFTER.match(low, a.end)
        found = held_up is not None and (held_up.group(1) is not None or _found(cues.RUDE, low, may))
    return found and not _found(cues.ASKING, low, may, clause_start, a.start)


def _role_said_around(low: str, a: Amount, may: MayMatch) -> Role | None:
    """The role the words right around a figure settle before anything else in its clause: a loss by moving, the
    start of a change, a figure demanded under a threat."""
    if _found(cues.FORFEIT_BEFORE, low, may, max(0, a.start - 40), a.start):
        return "evidence"  # "leaving a $12k bonus on the table": lost by moving, not on offer
    if _changed_from(low, a, may):
        return "current"  # "severance 0 -> 3 months or no deal": where the figure stands, whatever is said after
    if (" or " in low and cues.OR_ELSE_AFTER.match(low, a.end)) or (
            ("if " in low or "unless " in low)
            and cues.DEMANDED_IN_CONDITION_BEFORE.search(low, max(0, a.start - 30), a.start)):
        return "ask"  # "160 or I go with the other offer", "if it's not 80k I walk": the figure demanded
    return None


def _changed_from(low: str, a: Amount, may: MayMatch) -> bool:
    """Whether a figure is where a change starts: "from 12% to 18%", "15 → 22 days", "1 wfh day -> 2"."""
    return ((_found(cues.FROM_BEFORE, low, may, max(0, a.start - 30), a.start)
             and cues.TO_AFTER.match(low, a.end) is not None)
            or (" between " in low and cues.GAP_BETWEEN_BEFORE.search(low, max(0, a.start - 30), a.start) is not None)
            or (("→" in low or ">" in low) and cues.ARROW_TO_AFTER.match(low, a.end) is not None))


def _priced_things(low: str, slots: list[_Slot], by_word: set[int], perks: Mapping[str, PerkDef]) -> None:
    """A sum said of "it"/"that" is what the thing named before costs when that thing is one a perk pays for (a
    ticket, a course, a gym, a move): "would you pay for the Deutschlandticket? It's €58 a month", "Do you pay the
    train ticket? It is 58 euro" ask for the ticket, with the price as evidence. The thing is the perk a perk word
    pairs the figure with (`by_word`: where such figures start); for a figure paired with none, the thing bought
    named last before it, in its sentence or the two before, else the perk guessed for it. For pay itself the same
    words restate the figure asked: "I ask for step 4, it is 82 thousand"."""
    if "it" not in low and "that" not in low and "which" not in low and "this" not in low:
        return
    for slot in slots:
        if slot.role != "ask" or slot.amount is None or not _priced_by_a_pronoun(low, slot.amount):
            continue
        thing = slot.perk
        if slot.start not in by_word:
            thing = _thing_bought_before(low, slot.amount.start) or thing
        if thing in _PAID_FOR and thing in perks:
            slot.perk, slot.role = thing, "evidence"


def _thing_bought_before(low: str, at: int) -> str | None:
    """The perk that pays for the thing bought named last before `at` (cues.COST_OBJECT), in its sentence or the two
    before ("…the ticket. Could you add it? It is €58"); none where the perk's own allowance is named after it ("the
    parking allowance? It's ₪300" is the offer)."""
    start = _sentence_start(low, at)
    for _ in range(3):
        found = max(cues.COST_OBJECT.finditer(low, start, at), key=lambda m: m.start(), default=None)
        if found is not None:
            return None if cues.ALLOWANCE_WORDS.search(low, found.start(), at) else found.lastgroup
        if start == 0:
            break
        start = _sentence_start(low, start - 1)
    return None


def _priced_by_a_pronoun(low: str, a: Amount) -> bool:
    """A sum said of "it"/"that" ("it's €58 a month", "that is about $1,500 all in") prices what was named before;
    "it's 150k or I walk" still demands it."""
    if not (a.unit == "money" or a.explicit_money or a.per is not None) or a.relative:
        return False
    return (cues.PRICED_BY_PRONOUN_BEFORE.search(low, max(0, a.start - 40), a.start) is not None
            and cues.OR_ELSE_AFTER.match(low, a.end) is None)


def _stated_cost(low: str, a: Amount, may: MayMatch) -> bool:
    """ "parking runs ₪700 a month": a sum said as the price of something a perk pays for, in the same sentence (a
    price said of "it", the thing named before, is found after pairing: _priced_things)."""
    if ((a.unit != "money" and not (a.unit is None and a.per is not None)) or id(cues.COST_OBJECT) in may.skipped
            or not _found(cues.COST_STATED_BEFORE, low, may, max(0, a.start - 30), a.start)):
        return False  # a sum of money, or a bare figure per month ("parking is like 700/mo")
    start = _sentence_start(low, a.start)
    paid_for = cues.COST_OBJECT.search(low, start, a.start) if id(cues.COST_OBJECT) not in may.skipped else None
    return paid_for is not None and not _found(cues.ALLOWANCE_WORDS, low, may, paid_for.start(), a.start)


def _the_standing_figure(low: str, a: Amount, may: MayMatch) -> bool:
    """ "the $10k relocation", "the 20 days of PTO": a figure named with "the" before a perk or a unit is the one on
    the table; "the 25 I get now" is the speaker's own."""
    if a.range is not None or (a.unit is None and not a.explicit_money):
        return False
    before = low[max(0, a.start - 7) : a.start]  # a plain look first: most figures have no "the" before them
    if "the " not in before and "this " not in before and "that " not in before and "your " not in before:
        return False
    return (_found(cues.THE_FIGURE_BEFORE, low, may, max(0, a.start - 8), a.start)
            and not _found(cues.THE_FIGURE_WANTED_BEFORE, low, may, max(0, a.start - 24), a.start)
            and not _at(cues.THE_FIGURE_OWNED_AFTER, low, may, a.end))


def _listed_as_the_offer(low: str, a: Amount, may: MayMatch) -> bool:
    """A figure in a list that a recap or the offer's own words lead up to, with nothing asked in between:
    "to summarise where we are: base $172k, bonus 10%", "the offer says 37.5 hours, 1 remote day and $1,000"."""
    start = _sentence_start(low, a.start)
    lead = cues.CURRENT_LEAD.search(low, start, a.start)
    if lead is None:
        return False
    between = low[lead.end() : a.start]
    return not (_found(cues.ASKING, between, may) or cues.LEAD_CUT.search(between) or " - " in between)


def _sentence_start(low: str, position: int) -> int:
    """Where the sentence holding `position` starts: after the last ". ", "! ", "? " or line break before it."""
    ends = (low.rfind(". ", 0, position), low.rfind("! ", 0, position), low.rfind("? ", 0, position),
            low.rfind("\n", 0, position))
    return max(ends) + 1 if max(ends) >= 0 else 0


def _led_by_evidence(low: str, a: Amount, may: MayMatch) -> bool:
    """A figure that follows, in the same sentence and with no "so" or "but" between, what the user has, was
    offered elsewhere or has seen: "I have an offer from them, 150k base and 25 days" lists evidence, not asks."""
    start = _sentence_start(low, a.start)
    start = max((m.end() for m in cues.LEAD_CUT.finditer(low, start, a.start)), default=start)
    lead = low[start : a.start]
    return (_found(cues.EVIDENCE_LEAD, lead, may) or _found(cues.COMPETING, lead, may)) and not _found(
        cues.ASKING, lead, may
    )


class _Clauses:
    """The clauses of a message, found on first use: many messages never need them."""

    def __init__(self, low: str) -> None:
        self.low = low
        self.spans: list[tuple[int, int]] | None = None

    def of(self, position: int) -> str:
        if self.spans is None:
            self.spans = [(m.start(), m.end()) for m in cues.CLAUSE.finditer(self.low)]
        for start, end in self.spans:
            if start <= position < end:
                return self.low[start:end]
        return self.low


def _proposes_amount(clause: str, may: MayMatch) -> bool:
    """A number asked for proposes, unless its clause reports it or refuses it."""
    if (_found(cues.REPORTED, clause, may) or _found(cues.MARKET, clause, may)) and not _found(
        cues.REQUEST, clause, may
    ):
        return False  # evidence: "glassdoor says 120k", "they offered me 140k"
    # a limit or a refusal, not an offer: "we can't go above 115k"; "I can't go below 170k" states the speaker's floor
    refuses = ((_found(cues.REJECT, clause, may) and not _states_a_floor(clause, may))
               or _found(cues.COMPETING, clause, may))
    return not (refuses and not _found(cues.OFFER_CUE, clause, may))


def _figure_taken_first(low: str, may: MayMatch) -> re.Match[str] | None:
    """ "Fine, €78k.", "whatever, ok, 12.5k.": the yes and the figure of the first sentence (cues.FIGURE_TAKEN_FIRST,
    matched on the whole message, so the gate can skip it)."""
    return None if id(cues.FIGURE_TAKEN_FIRST) in may.skipped else cues.FIGURE_TAKEN_FIRST.match(low)


def _states_a_floor(clause: str, may: MayMatch) -> bool:
    """ "I cannot go below 170k", "under my floor of 40,000": the speaker's own lowest figure, which it asks for."""
    return _found(cues.OWN_FLOOR, clause, may) or _found(cues.MY_FLOOR, clause, may)


def _named_with_the_offers_figure(mention: _Mention, slots: list[_Slot]) -> bool:
    """ "email me the offer with $158k base and the $15k sign-on": a perk said with the figure the offer has names
    that figure (guide: perk words in a request for writing are no ask); whether it is asked for is the figure's to
    say, not the perk word's."""
    return any(slot.perk == mention.perk and slot.role == "current" and slot.amount is not None
               and (0 <= mention.start - slot.amount.end <= 3 or 0 <= slot.amount.start - mention.end <= 4)
               for slot in slots)


def _proposes_perk(low: str, clause: str, mention: _Mention, may: MayMatch, asked: dict[str, bool],
                   mentions: list[_Mention]) -> bool:
    """A perk named without a number proposes when asked for: "can I get a company car?", "more vacation?", or
    by a pronoun after it ("flexible hours matter most to me. Is that doable?")."""
    sentence = _sentence_of(low, mention.start)
    if sentence not in asked:
        asked[sentence] = _is_info_question(sentence, may)
    if (asked[sentence] or _found(cues.REJECT, clause, may) or _found(cues.REFUSAL_WORDS, clause, may)
            or _found(cues.COMPETING, clause, may) or (mention.negated and "?" in sentence)):
        return False  # "no 401k match at all?", "like no raise ever??" doubt the offer; they decline nothing
    if "question" in clause:
        clause = cues.QUESTION_ANNOUNCED.sub(" ", clause)  # "I have a question about the equity" wants no equity
    if "thank" in low and cues.THANKED_FOR_IT.search(low, _sentence_start(low, mention.start), mention.start):
        return False  # "thank you for the offer of the analyst position", "thanks for confirming the extra days"
    return (_at(cues.POLITE_REQUEST, sentence, may) or _at(cues.POLITE_REQUEST, _part_of(low, mention.start), may)
            or _found(cues.PROPOSE_VAGUE, clause, may)
            or _found(cues.WOULD_HELP, clause, may) or _at(cues.PERK_IF_POSSIBLE, sentence, may)
            or ("?" in sentence and cues.SHY_WISH.search(clause) is not None)
            or _asked_for_by_pronoun(low, mention.start, mention.end, mentions, mention.perk, may))


def _part_of(low: str, position: int) -> str:
    """The part of a sentence after its last colon or semicolon before ``position``: "one last ask, since this is my
    first role: could you pair me with a mentor?" puts its request after the lead-in."""
    start = max(low.rfind(mark, 0, position) for mark in ".?!:;") + 1
    return low[start:]


def _reasons(low: str, acts: list[Act], may: MayMatch) -> list[Act]:
    """Justify from a reason linked to a position; none for a reason given only for wanting time (guide)."""
    if _JUSTIFY not in acts:
        if (cues.REASON_LINK in may or _COMPETING in acts) and _gives_a_reason(low, acts, may):
            return [a for a in _ACT_ORDER if a in acts or a is _JUSTIFY]
    elif (_REQUEST_TIME in acts or _REQUEST_WRITING in acts) and _TAKING_A_POSITION.isdisjoint(acts):
        # "let me talk it over with my wife", "email it so I can show my wife": a reason for the request alone
        return [a for a in acts if a is not _JUSTIFY]
    return acts


def _acts_from_signals(low: str, stated: str, acts: set[Act], signals: list[Signal]) -> None:
    """Acts some signals carry: a request to the coach or for a recap asks (guide); market data and the
    speaker's own value, said outside a question for information, justify."""
    if not signals:
        return
    if _HINT in signals:  # "what should I say next?": asked of the coach, no rival offer told
        if "?" in low or cues.INFO_START.match(low) or cues.WH_WORD.search(low):
            acts.add(_ASK)  # "ngl kinda lost, what's my next move here"
            if _TAKING_A_POSITION.isdisjoint(acts):
                acts.discard(_JUSTIFY)  # feeling lost is no reason for a term
        acts.discard(_COMPETING)
    if (_SUMMARY in signals or _ALTERNATIVES in signals) and ("?" in low or cues.POLITE_REQUEST.match(low)):
        acts.add(_ASK)  # "recap?", "what else can you offer to bridge it?" want an answer
    elif _SUMMARY in signals and cues.SUMMARY_ASKED.search(low):
        acts.add(_ASK)  # "recap pls", "kindly provide a summary of the package": asked without a question mark
    market_stated = stated is low or cues.MARKET.search(stated) or cues.MARKET_TALK.search(stated)
    if (_MARKET_DATA in signals and market_stated) or (
            _OWN_VALUE in signals and (stated is low or cues.OWN_VALUE.search(stated))):
        acts.add(_JUSTIFY)  # a competing offer with a figure is evidence too: see _acts_from_terms


def _gives_a_reason(low: str, acts: list[Act], may: MayMatch) -> bool:
    """A reason linked to what the message asks, refuses or trades ("…, so I need 20 days"), or a rival offer
    with a figure; not the recruiter's limit granted ("since PTO is fixed, could…")."""
    taking_a_position = not _TAKING_A_POSITION.isdisjoint(acts)
    if _COMPETING in acts and taking_a_position:
        return True  # "another company offered 160k, can you match it?": a rival offer backing an ask (guide)
    if not taking_a_position and not _ONLY_ASKING.isdisjoint(acts):
        return False  # "send it so I can read it carefully": a reason for a request, not for a position
    if cues.REASON_LINK not in may:
        return False
    return any(not cues.CONSTRAINT_GRANTED.match(low, link.start())
               and (taking_a_position or "notice" not in link.group(0))  # a notice period alone is information
               and not _found(cues.REQUEST_WRITING, _sentence_of(low, link.start()), may)  # "so I can sign it"
               for link in cues.REASON_LINK.finditer(low))


_CASH = frozenset({"base_salary", "sign_on_bonus"})


def _settles_one_term_for_another(low: str, slots: list[_Slot], mentions: list[_Mention]) -> bool:
    """ "I'd take $155k if the equity went to $30k", "the VSOP does little for me, happy to drop it if base goes
    up": in one sentence, a term (a figure or a perk) is taken, kept or dropped before a condition that names a
    perk not named before it (guide: a trade). Not "I'd accept 25 days if you add two more days"."""
    if cues.TRADE_CONDITION.search(low) is None:
        return False
    for settles in cues.SETTLES_ONE_TERM.finditer(low):
        start, end = _sentence_span(low, settles.start())
        condition = cues.TRADE_CONDITION.search(low, settles.end(), end)
        if condition is None:
            continue
        before = {m.perk for m in mentions if start <= m.start < condition.start()}
        wanted = {m.perk for m in mentions if condition.end() <= m.start < end} - before
        if wanted and (before or any(start <= s.start < condition.start() and s.amount is not None for s in slots)):
            return True
    return False


def _declines_for_cash(slots: list[_Slot]) -> bool:
    """ "no VSOP, more salary", "we can do without the sign-on if you give 75k base": a perk declined beside
    a cash ask is turned into money. ("no car needed, but 2 more remote days" only asks.)"""
    declined = {slot.perk for slot in slots if slot.negated and slot.role == "ask"}
    return bool(declined) and any(slot.perk in _CASH and slot.perk not in declined and slot.role == "ask"
                                  and not slot.negated for slot in slots)


def _a_rival_offer(low: str, rival: re.Match[str]) -> bool:
    """Not "happy to get the offer from Kestrel": thanks for this offer, not news of another."""
    return not cues.THANKFUL_FOR_OFFER.search(low, max(0, rival.start() - 30), rival.end())


def _refuses(low: str, may: MayMatch) -> bool:
    """A refusal cue, in common or everyday words, that is not a limit granted, a floor stated or a perk given up."""
    for pattern in (cues.REJECT, cues.REFUSAL_WORDS):
        if pattern not in may:
            continue
        for refusal in pattern.finditer(low):
            if cues.CONCEDED.search(low, max(0, refusal.start() - 80), refusal.start()):
                continue  # "if salary is fixed, what else…", "I know the band is fixed, so…" refuse nothing
            if cues.OWN_FLOOR.search(low, max(0, refusal.start() - 4), refusal.end() + 30):
                continue  # "I cannot go under 38 thousand" states a floor: a proposal
            if refusal.group(0) == "off the table" and "take" in low[max(0, refusal.start() - 50) : refusal.start()]:
                continue  # "I'll take the bonus off the table" gives it up
            if ("need" in low or "want" in low or "mean" in low) and cues.NO_NEED_AFTER.match(low, refusal.end()):
                continue  # "no, I don't need to talk it over" turns down more time
            if _asked_not_refused(low, refusal):
                continue  # "maybe 43? or is that too much", "there's no review?" ask; they refuse nothing
            if "but " in low and cues.YIELDED_AFTER.match(low, refusal.end()):
                continue  # "backing out of your 6% is ridiculous, but fine, I'll take 86k" gives in
            return True
    return False


def _within_an_ultimatum(low: str, refusal: re.Match[str]) -> bool:
    """A refusal cue that is part of an all-or-nothing demand: "no severance, no deal", "flexible hours are
    non-negotiable" demand what they name; they refuse nothing."""
    return any(u.start() < refusal.end() and refusal.start() < u.end() for u in cues.ULTIMATUM.finditer(low))


def _forgets_one_point(low: str, acts: set[Act]) -> bool:
    """ "Forget it then. Put $158k and the $15k sign-on in writing and I will sign": dropping one point while asking
    for the paperwork (or saying they will sign) goes on with the talks; it walks away from nothing."""
    quits = [q.group(0) for q in cues.QUIT.finditer(low)]
    return bool(quits) and all(q.startswith("forget") for q in quits) and (
        Act.request_writing in acts or cues.ACCEPT_IN_WORDS.search(low) is not None)


def _asked_not_refused(low: str, refusal: re.Match[str]) -> bool:
    """A refusal cue the user puts as a question about their own ask or the offer: "or is that too much",
    "there's no review?"."""
    word = refusal.group(0)
    if word.startswith("there"):
        return cues.NO_SUCH_ASKED.match(low, refusal.start()) is not None
    if cues.LIMIT_STATED.search(word) and (cues.ASKED_NEXT.match(low, refusal.end()) or cues.WHICH_BEFORE.search(
            low, max(0, refusal.start() - 30), refusal.start())):
        return True  # "the salary is fixed for everybody, or…?", "…which parts are fixed" ask whether there is a limit
    return (word == "too much" or word.startswith("too ")) and cues.DOUBT_ASKED_BEFORE.search(
        low, max(0, refusal.start() - 24), refusal.start()) is not None


def _name_then_hello(low: str) -> bool:
    """ "Noa hiii", "Jonas! hey": a hello after the name (a plain look at the opening words first, so most
    messages run no pattern for it)."""
    opening = low[:24]
    return (" hi" in opening or " he" in opening or " good " in opening) and cues.NAME_THEN_HELLO.match(low) is not None


def _cue_acts(low: str, may: MayMatch) -> set[Act]:
    """Acts a cue phrase says by itself: greeting, refusal, reasons, keenness, rival offers, trades, time, writing."""
    acts: set[Act] = set()
    if _found(cues.GREET, low, may) or _name_then_hello(low):
        acts.add(Act.greet)
    if (cues.REJECT in may or cues.REFUSAL_WORDS in may) and _refuses(low, may):
        acts.add(Act.reject)
    if "accept" in low and cues.OWN_FLOOR.search(low):
        acts.add(Act.propose)  # "I cannot accept fewer than three remote days": a floor asks for that much (guide)
    if _found(cues.ENTHUSIASM, low, may) or _found(cues.KEEN_WORDS, low, may):
        acts.add(Act.enthusiasm)
    if _found(cues.COMPETING, low, may) and not _found(cues.ASKS_ABOUT_OFFERS, low, may) and any(
            _a_rival_offer(low, rival) for rival in cues.COMPETING.finditer(low)) and not (
            ("told" in low or "turned down" in low or "declined" in low or "said no" in low)
            and cues.RIVAL_TURNED_DOWN.search(low)):  # "I told the other company no. I accept."
        acts.add(Act.competing_offer)
    if _found(cues.TRADE, low, may) and not _found(cues.LOSS_FROM_LEAVING, low, may):
        acts.add(Act.trade_off)  # "I'm giving up a bonus by leaving" is a reason, not an offer
    if _found(cues.REQUEST_TIME, low, may) and _asks_for_time(low):
        acts.add(Act.request_time)
    if _found(cues.REQUEST_WRITING, low, may) and _asks_for_writing(low, may):
        acts.add(Act.request_writing)
        if Act.request_time in acts and _waits_only_for_the_writing(low):
            acts.discard(Act.request_time)
    return acts


_PROMISE_WORDS = ("sign", "confirm", "start", "join", "letter", "contract", "paperwork")  # see cues.COMMITS_BY


def _asks_for_time(low: str) -> bool:
    """A time cue asks for time unless it is someone else's deadline ("they want an answer by Friday" is news),
    a promise ("so I can sign it by Friday"), a push for the recruiter to think again ("think about it again, I'm
    waiting") or a statement that no time is needed."""
    if ("again" in low or "reconsider" in low or "need time" in low or "need more" in low or "need any" in low
            or "need to" in low) and all(
            cues.THINK_AGAIN.match(low, cue.start()) or cues.TIME_NOT_NEEDED.search(low, max(0, cue.start() - 16),
                                                                                     cue.end() + 8)
            for cue in cues.REQUEST_TIME.finditer(low)):
        return False  # "no, I don't need more time" turns it down
    deadline = cues.DEADLINE.search(low) is not None
    if not deadline and not any(word in low for word in _PROMISE_WORDS):
        return True  # the usual case: nothing that could make the time someone else's or a promise
    for cue in cues.REQUEST_TIME.finditer(low):
        if cues.COMMITS_BY.search(low, max(0, cue.start() - 24), cue.start()):
            continue
        if deadline:
            sentence = _sentence_of(low, cue.start())
            if cues.DEADLINE.search(sentence) and not cues.OWN_TIME.search(sentence):
                continue
        return True
    return False


def _waits_only_for_the_writing(low: str) -> bool:
    """ "Can you put it in an email so I can show my wife?", "I'll hold off on signing until I see it in writing":
    every time cue is what the writing is for, or a wait for the writing itself (guide: a request for writing)."""
    for cue in cues.REQUEST_TIME.finditer(low):
        purpose = cue.group(0).startswith("show") and cues.WRITING_PURPOSE_BEFORE.search(
            low, max(0, cue.start() - 16), cue.start())
        if purpose and not cues.TIME_WORDS.search(low, cue.end(), _sentence_span(low, cue.start())[1]):
            continue
        if cues.WAIT_FOR_WRITING_AFTER.match(low, cue.end()):
            continue
        return False
    return True


def _asks_for_writing(low: str, may: MayMatch) -> bool:
    """A writing cue asks for the offer in writing, unless it describes a rival offer ("a written offer from
    another company", "other offer in writing") or what a document already says ("in the agreement is written")."""
    for cue in cues.REQUEST_WRITING.finditer(low):
        sentence = _sentence_of(low, cue.start())
        if _found(cues.COMPETING, sentence, may) and cues.WRITTEN_OFFER.search(low, max(0, cue.start() - 9),
                                                                                 cue.end() + 6):
            continue
        if cues.IS_WRITTEN.search(low, max(0, cue.start() - 8), cue.end()):
            continue
        if cues.NOT_WRITING_ASKED.search(low, max(0, cue.start() - 8), cue.end()):
            continue  # "please consider this email my withdrawal", "I am writing to ask…"
        start, end = _sentence_span(low, cue.start())  # "the contract says 45 hours; I'd like 40" asks no document
        if low.count(" ", start, end) < 5 or cues.WRITING_ASKED.search(low, start, end):
            return True  # "offer letter pls?", "could you send it over?"
    return False


def _accepts(low: str, may: MayMatch, acts: set[Act], mentions: list[_Mention]) -> bool:
    """Whether the message takes the offer: an acceptance cue not undone by a condition, a question or a refusal."""
    if _at(cues.ACCEPT_ON_TERM, low, may):
        return True  # "ok on the review. is there room on…": that term is settled, whatever comes next
    conditional = cues.ACCEPT in may and _found(cues.CONDITION_WORD, low, may)
    for accept in cues.ACCEPT.finditer(low) if cues.ACCEPT in may else ():
        blocks = _what_undoes(low, accept, conditional)
        if blocks is None:
            continue  # "if you can get to 182k, I'll sign today" proposes: it takes nothing yet
        if blocks:
            if blocks != {"but"}:
                continue  # "ok if you add a sign-on", "fine once I see it in writing": conditions
            if _names_a_term_before_but(low, accept.start(), mentions):
                return True  # "$118k is fine, but 15 days is a joke": that term is taken, whatever follows
            if not cues.ACCEPT_IN_WORDS.search(accept.group(0)):
                continue  # "ok but 25 days" counters; "I accept the salary, but…" takes that much
        if cues.QUESTION_MARK_NEXT.match(low, accept.end()):
            continue  # "so we're agreed?" asks
        if _refused_acceptance(low, accept.start()):
            continue  # "150 isn't a number I can accept" refuses
        words = accept.group(0).strip(" ,.!").split()
        if _an_opener(words) and _opener_leads_in(low, accept.end(), acts, mentions):
            continue  # "ok, then I'd like 2 days remote", "fine, I'll talk to my partner": a lead-in
        if Act.reject in acts and "accept" not in accept.group(0):
            continue
        return True
    # "I'm pleased to accept", "happy to accept, and I can't wait to start"
    return _found(cues.PLEASED_ACCEPT, low, may) and (
        not _found(cues.ACCEPT_BLOCK, low, may) or _pleased_and_moving_on(low))


def _pleased_and_moving_on(low: str) -> bool:
    """ "I am pleased to accept the revised sign-on, and would now like to turn to the base": a polite "and would"
    after the acceptance starts the next point; it is no hedge on the one taken."""
    pleased = cues.PLEASED_ACCEPT.search(low)
    if pleased is None or cues.CONDITION_WORD.search(low):
        return False  # "if you can get to 0.2% equity…, I'm ready to sign" still waits for its condition
    return _what_undoes(low, pleased, False) == set()


def _opener_leads_in(low: str, after: int, acts: set[Act], mentions: list[_Mention]) -> bool:
    """Whether an opening "ok"/"yes" only leads in to what follows it: an acknowledgement ("ok, no worries"), a
    question ("ooh ok so is the bike scheme a thing? 🚲"), a request or time asked for; a request for the
    paperwork alone still takes the offer ("sweet, can u email it?")."""
    if cues.ACKNOWLEDGED.match(low, after):
        return True
    if not (cues.ACCEPT_THEN_ASK.search(low, after) or "?" in low[after:] or Act.request_time in acts):
        return False
    return not _yes_then_writing(low, acts, mentions)


def _yes_then_writing(low: str, acts: set[Act], mentions: list[_Mention]) -> bool:
    """ "sweet, can u put that in an email?", "cool, can you send the updated letter?": a yes, then only a request
    for the paperwork (guide: "Sounds good, can you put that in writing?" accepts and asks for writing); not
    "ok so can you send me the details of the bonus?", which asks about a term."""
    return (Act.request_writing in acts and Act.request_time not in acts and not mentions and low.count("?") <= 1
            and not cues.WH_WORD.search(low))


def _refused_acceptance(low: str, start: int) -> bool:
    """ "150 isn't a number I can accept", "not something I could agree to": the acceptance words are negated just
    before (a plain look for the negation first, so most acceptances run no pattern for it)."""
    before = max(0, start - 40)
    return ("not" in low[before:start] or "n't" in low[before:start] or "never" in low[before:start]) and (
        cues.NOT_ACCEPTABLE_BEFORE.search(low, before, start) is not None)


def _what_undoes(low: str, accept: re.Match[str], conditional: bool) -> set[str] | None:
    """The words around an acceptance, in its sentence, that undo it ("but", "if", "not"…); None when the
    sentence puts a condition before it."""
    near = (max(0, accept.start() - 12), accept.end() + 40)
    blocks = _blocks_near(low, accept, *near)
    if blocks or conditional:  # only then does the sentence around it matter
        start, end = _sentence_span(low, accept.start())
        if conditional and cues.TAKEN_UNDER_CONDITION.search(low, start, accept.start()):
            return None
        if blocks and (near[0] < start or near[1] > end):
            near = (max(start, near[0]), min(end, near[1]))  # a condition in the next sentence is not this one's
            blocks = _blocks_near(low, accept, *near)
    return blocks


def _blocks_near(low: str, accept: re.Match[str], start: int, end: int) -> set[str]:
    """The undoing words between start and end, leaving out a "will"/"would" that is no hedge: the future of the
    acceptance itself ("I will sign") or of a new clause after it ("I accept, and would be glad of the letter")."""
    found = set()
    for block in cues.ACCEPT_BLOCK.finditer(low, start, end):
        word = block.group(0)
        if word in ("will", "would") and (
                accept.start() <= block.start() < accept.end()
                or (block.start() >= accept.end() and low.endswith(("and ", "and we "), 0, block.start()))):
            continue
        if word == "and we" and cues.DELIBERATED_BEFORE.search(low, max(0, block.start() - 40), block.start()):
            continue  # "we talked it through and we're in": a decision after thinking it over, no condition
        if word == "and we" and block.start() >= accept.end() and cues.ACCEPT_IN_WORDS.search(accept.group(0)):
            continue  # "I accept, and we'll book the movers": what follows a said acceptance plans ahead, no condition
        found.add(word)
    return found


def _says_a_term_is_fine(low: str, mentions: list[_Mention], amounts: list[Amount]) -> bool:
    """ "wfh 2d ok", "the base at $172k is fine, and…", "18 days ok. wfh 3 tho": a term named and said to be fine
    in the same clause takes that term, whatever the message goes on to ask; not "is 20 days ok?" or "if 3 days
    is fine with you"."""
    for end in sorted({m.end for m in mentions} | {a.end for a in amounts}):
        fine = cues.TERM_FINE_AFTER.match(low, end)
        if fine is None:
            continue
        start, stop = _sentence_span(low, end)
        if (low.startswith("?", stop) or cues.NOT_YET_TAKEN.search(low, start, fine.end())
                or low[start:end].lstrip().startswith(("is ", "are "))):
            continue
        return True
    return False


def _takes_a_named_term(low: str, starts: list[int]) -> bool:
    """ "happy with the base", "fine on the bonus", "I'd accept the $1,500 budget", "yes to the laptop budget": one
    term (a perk or a figure, starting at one of `starts`) taken by name, not under a condition."""
    for start in starts:
        taken = cues.TERM_TAKEN_BEFORE.search(low, max(0, start - 24), start)
        if taken and not cues.TAKEN_UNDER_CONDITION.search(low, max(0, taken.start() - 80), taken.start()) and (
                not cues.TAKEN_IN_RETURN.search(low, *_sentence_span(low, start))):
            return True  # not "fine with 20 days if I get 4 remote", "with that in place I'd accept the $145k"
    return False


def _writing_or_terms(
    low: str, acts: list[Act], terms: list[Term], slots: list[_Slot], may: MayMatch
) -> tuple[list[Act], list[Term]]:
    """A message that asks for writing and names terms either lists what to write down or asks for a new term
    and says where it goes."""
    if _REQUEST_WRITING not in acts:
        return acts, terms
    if _PROPOSE not in acts:
        # "email me the offer, including the equity details": perks the letter should list are asked for by nobody
        if _only_names_what_to_write(low, slots, may, with_figures=False):
            return acts, [t.model_copy(update={"role": "current"}) if t.role == "ask" else t for t in terms]
        return acts, terms
    if _only_names_what_to_write(low, slots, may):
        # "can we get the 4 wfh days in the contract?" asks for writing, not for days
        return [a for a in acts if a is not Act.propose], [
            t.model_copy(update={"role": "current"}) if t.role == "ask" else t for t in terms]
    if all(cues.CONTRACT_AS_PLACE.search(low, max(0, cue.start() - 9), cue.end() + 12)
           for cue in cues.REQUEST_WRITING.finditer(low)):
        return [a for a in acts if a is not Act.request_writing], terms  # "I want 3 months' severance in the contract"
    return acts, terms


def _only_names_what_to_write(low: str, slots: list[_Slot], may: MayMatch, with_figures: bool = True) -> bool:
    """Every perk asked for is named as already on the table ("the 4 wfh days", "the new sign-on") in a sentence
    that asks for writing: the terms to put in the contract, not new asks. Without `with_figures`, only perks
    named without a number count, and a figure asked for means the message asks for more than the letter."""
    asked = [slot for slot in slots if slot.role == "ask" and not slot.negated]
    if not with_figures and any(slot.amount is not None for slot in asked):
        return False
    return bool(asked) and all(
        cues.REFERENCED_BEFORE.search(low, max(0, slot.start - 30), slot.start)
        # "the base at €70k rather than €66k": a figure put in place of the offer's is a new ask, not one to write
        and not (slot.amount is not None and cues.PUT_IN_PLACE_AFTER.match(low, slot.amount.end))
        and _found(cues.REQUEST_WRITING, _sentence_of(low, slot.start), may) for slot in asked)


def _sentence_span(low: str, position: int) -> tuple[int, int]:
    """Where the sentence around a position starts and ends (at . ; ! ? or a new line)."""
    start = max(low.rfind(c, 0, position) for c in ".;!?\n") + 1
    ends = [e for e in (low.find(c, position) for c in ".;!?\n") if e != -1]
    return start, min(ends) if ends else len(low)


def _names_a_term_before_but(low: str, position: int, mentions: list[_Mention]) -> bool:
    """ "the 8% bonus is fine, but…", "$118k is fine, but…": the acceptance is about a term (a perk or a
    figure) named before the "but" that follows it."""
    but = cues.BUT.search(low, position)
    if but is None:
        return False
    start, _ = _sentence_span(low, position)
    return any(start <= m.start < but.start() for m in mentions) or cues.DIGIT.search(
        low, start, but.start()) is not None


def _mark_questions(low: str, slots: list[_Slot], may: MayMatch, questions: frozenset[str]) -> None:
    """Terms asked about for information: "is the 84k before or after tax?", "is there a signing bonus?"."""
    about = cues.INFO_ABOUT in may
    for slot in slots:
        # "is the 18 days of PTO negotiable?": a figure named with "the" is asked about like an ask would be
        named = (slot.role == "current" and slot.amount is not None and not slot.negated
                 and _the_standing_figure(low, slot.amount, may))
        if slot.negated or not (slot.role == "ask" or named or (about and slot.role == "current")):
            continue
        sentence = _sentence_of(low, slot.start).strip()
        if (about and slot.amount is not None and cues.INFO_ABOUT.search(sentence) and cues.INFO_WANTED.search(sentence)
                and not _found(cues.CHANGE_WORDS, low, may, slot.start, slot.start + len(sentence))
                and not (slot.role == "current" and _listed_as_the_offer(low, slot.amount, may))):
            # "is the 20k equity per year or total?": what the figure is, not a new one; but "so we're at 150k and
            # 25 days, right?" recaps the offer (docs/labelling.md, third round)
            slot.role = "question"
            continue
        if slot.amount is not None and _asked_about_in_a_clause(low, slot.amount):
            slot.role = "question"
            continue
        if slot.role != "ask" and not named:
            continue
        if (sentence.endswith("?") and _at(cues.INFO_START, sentence, may)
                and not _at(cues.POLITE_REQUEST, sentence, may) and not _at(cues.SUGGESTION, sentence, may)
                and not _found(cues.CHANGE_WORDS, sentence, may)) or ("?" in sentence and sentence in questions):
            slot.role = "question"  # also after a lead-in: "to compare apples to apples: is the 10% guaranteed?"


def _given_up_from_the_offer(low: str, slots: list[_Slot]) -> None:
    """In a trade, the offer's own figure a give verb governs is offered up: "I'd give up the $600 wellness stipend
    and the $2k equipment budget", "the ₪2,400 wellness budget converted to parking"."""
    for slot in slots:
        a = slot.amount
        if slot.role == "current" and a is not None and not cues.PART_OF_BEFORE.search(low, max(0, a.start - 16),
                                                                                       a.start) and (
                cues.OFFER_GIVEN_UP_BEFORE.search(low, max(0, a.start - 60), a.start)
                or cues.OFFER_GIVEN_UP_AFTER.match(low, a.end, min(len(low), a.end + 60))):
            slot.role = "give"


def _named_in_a_decline(low: str, slots: list[_Slot], may: MayMatch) -> None:
    """A message that declines the job asks for nothing: the figures and perks it names without asking for them are
    the offer being turned down ("with base at $172k and no severance, we'll be turning the offer down", "without
    flexible hours I can't, so I'll decline"); a floor said in the same breath ("I can't go below $140k") is still
    what they would have needed."""
    if _found(cues.ASKING, low, may):
        return  # "…so I'll withdraw from the other process if you can do ₪42,000": a condition, not a decline
    for slot in slots:
        if slot.role == "ask" and slot.amount is None and slot.perk is not None:
            slot.role = "current"
            slot.negated = False
        elif (slot.role == "ask" and slot.amount is not None and not slot.amount.relative
                and not cues.FLOOR_WORDS.search(low, _sentence_start(low, slot.amount.start), slot.amount.start)):
            slot.role = "current"


def _bare_pay(low: str, a: Amount, mentions: list[_Mention], may: MayMatch) -> bool:
    """Whether a number written with no unit is the salary."""
    if a.value >= 1000 and _found(cues.OFFER_WORDS, low, may):
        return True
    if a.range is not None and 30 <= a.value < a.range[1] < 1000 and not a.relative and _found(cues.EVIDENCE, low, may):
        return True  # "levels says 150-170 for senior backend": a market range of pay, in thousands
    # "99,000 plus a 7,000 signing bonus", "I'd need 125 000 to make the move": in a sentence, a five-figure sum is
    # the salary; a number on its own ("12000") stays unassigned
    return a.value >= 10_000 and bool(mentions or len(cues.TOKEN.findall(low)) >= 3)


def _a_time_of_day(low: str, a: Amount) -> int:
    """"shift my hours to 10-6", "core hours from 10 to 3", "8 to 4": a bare number that is an hour of the day,
    said after hours or a shift, or in a span that wraps past noon. Where the time (or its span) ends; 0 if none."""
    if a.unit is not None or a.explicit_money or a.relative or not 0 < a.value <= 12 or a.value != int(a.value):
        return 0
    span = cues.CLOCK_SPAN_AFTER.match(low, a.end)
    if cues.CLOCK_BEFORE.search(low, max(0, a.start - 16), a.start):
        return span.end() if span is not None else a.end
    if span is None and a.range is not None:
        return a.end if a.range[1] < a.range[0] else 0
    return span.end() if span is not None and 0 < int(span.group(1)) < a.value else 0


def _asked_about_in_a_clause(low: str, a: Amount) -> bool:
    """A figure that is the subject of a yes/no question opening its clause asks what it is, not for a new one:
    "first, is the ₪5,000 learning budget yearly and does it cover the exam", "is 20k equity per yr or 4yr total";
    "is 130k possible?" still proposes."""
    if not cues.INVERTED_BEFORE.search(low, max(0, a.start - 24), a.start):
        return False
    ends = [e for e in (low.find("?", a.end), low.find(";", a.end), low.find(". ", a.end), low.find(", ", a.end))
            if e != -1]
    clause = low[a.end : min(ends) if ends else len(low)]
    return cues.CHANGE_WORDS.search(clause) is None


def _mark_fixed(low: str, slots: list[_Slot]) -> None:
    """A perk named only as fixed ("if base can't move now, could we…") or left alone ("I won't push on base") is
    the offer as it stands, not an ask."""
    conditional, left_alone = "if " in low, "n't " in low or " not " in low
    if not (conditional or left_alone):
        return
    for slot in slots:
        if slot.role != "ask" or slot.negated or slot.amount is not None:
            continue
        fixed = cues.IF_FIXED.search(low, max(0, slot.start - 20), slot.start + 60) if conditional else None
        if (fixed and fixed.start() <= slot.start < fixed.end()) or (
                left_alone and cues.NOT_PUSHED_BEFORE.search(low, max(0, slot.start - 40), slot.start)):
            slot.role = "current"


def _named_only(low: str, slots: list[_Slot], mentions: list[_Mention]) -> list[_Slot]:
    """Perks named without a number that nothing asks for (docs/labelling.md: a perk is an ask when it is wanted).

    A topic put aside ("let's set the sign-on aside", "I'll let remote work go") or a comparison ("every year, like a
    bonus") is no term; a perk the user loses by moving ("I will lose my yearly bonus") is evidence; one thanked for,
    kept, waited on, already dealt with, said to be fixed or not asked for ("thanks for checking on the sign-on", "I'll
    keep the VSOP then", "after pay, remote work matters most", "the salary is fixed", "not asking for more salary")
    is the offer as it stands. Without this the recruiter answers about a perk nobody asked for. Each pattern runs only
    when a word it needs is near the perk (a plain look first: most mentions have none)."""
    ends = {m.start: m.end for m in mentions}
    kept: list[_Slot] = []
    for slot in slots:
        end = ends.get(slot.start)
        if slot.amount is not None or slot.role != "ask" or end is None:
            kept.append(slot)
            continue
        if slot.negated and _absence_questioned(low, slot):
            slot.negated, slot.role = False, "current"
            kept.append(slot)
            continue
        role = _named_role(low, slot, end, mentions)
        if role is None:
            continue
        if role == "evidence":
            slot.negated = False  # "I will lose my bonus" declines nothing
        slot.role = role
        kept.append(slot)
    return kept


def _absence_questioned(low: str, slot: _Slot) -> bool:
    """ "No 401k match at all?", "wait, no bonus?": a question about a perk the offer lacks complains of the offer as
    it stands; it declines nothing."""
    sentence = _sentence_of(low, slot.start).strip()
    return sentence.endswith("?") and cues.ABSENCE_QUESTIONED.match(sentence) is not None


def _named_role(low: str, slot: _Slot, end: int, mentions: list[_Mention]) -> Role | None:
    """What a perk named without a number does where it is said: see _named_only. None: no term at all."""
    start = slot.start
    near = max(0, start - 60)
    around = low[near : end + 16]
    if any(word in around for word in ("los", "forfeit", "walk", "leav", "miss")) and cues.LOST_BEFORE.search(
            low, near, start):
        return "evidence"
    if _lost_by_moving(low, start, end, near, around) or _what_another_ask_covers(low, slot, near, around, mentions):
        return "evidence"
    if ("current" in around or "present" in around or "at my" in around) and cues.AT_CURRENT_JOB_BEFORE.search(
            low, _sentence_span(low, start)[0], start):
        return "evidence"
    if (" off the" in low or " out of the" in low) and cues.OFF_THE_TABLE_AFTER.match(low, end):
        return None
    if (("less" in low or "important" in low or "priority" in low or "secondary" in low)
            and cues.LESS_IMPORTANT_AFTER.match(low, end)):
        return None  # "the wellness budget matters much less to me": named to be left as it is, no term (as labelled)
    if "understand" in around or "figure" in around or "make sense" in around or "head around" in around:
        understood = _understood(low, near, start)
        if understood is not None:
            return understood
    if (("forget" in around or "mind" in around or "nvm" in around or "scrap" in around)
            and cues.DROPPED_BEFORE.search(low, near, start) and cues.DROPPED_ALONE_AFTER.match(low, end)):
        return None  # "ok forget the ticket.": a topic dropped, neither asked for nor declined in a trade
    if slot.negated:
        return slot.role
    if ((any(word in around for word in ("aside", "side", "hold", "now", "later", "moment", "revisit"))
         and cues.SET_ASIDE_AFTER.match(low, end)
         and (cues.SET_ASIDE_BEFORE.search(low, near, start) or low.startswith(" to revisit", end)))
            or ("let" in around and (cues.LEFT_FOR_LATER.search(low, *_sentence_span(low, start)) or (
                cues.LET_GO_BEFORE.search(low, near, start) and cues.LET_GO_AFTER.match(low, end))))
            or ("like " in around and cues.LIKE_A_BEFORE.search(low, near, start))
            or (low.startswith("help", start) and cues.PURPOSE_BEFORE.search(low, near, start))
            or (slot.perk == "start_date" and "if " in around and cues.IF_I_BEFORE.search(low, near, start))):
        return None
    if (("thank" in around and cues.THANKED_FOR_BEFORE.search(low, near, start))
            or ("keep" in around and cues.KEPT_BEFORE.search(low, near, start) and cues.KEPT_AFTER.match(low, end))
            or (any(word in around for word in ("wait", "look", "hear", "news"))
                and cues.AWAITED_BEFORE.search(low, near, start))
            or (("not " in around or "n't" in around) and cues.NOT_ASKED_BEFORE.search(low, near, start))
            or (any(word in around for word in ("after", "besides", "apart", "other"))
                and cues.DONE_BEFORE.search(low, near, start) and cues.DONE_AFTER.match(low, end))
            or (any(word in around for word in ("fixed", "capped", "locked", "set", "off the table"))
                and cues.STATED_FIXED_AFTER.match(low, end) and "if " not in low[max(0, start - 12) : start])):
        return "current"
    return slot.role


def _understood(low: str, near: int, start: int) -> Role | None:
    """A perk the user wants to understand is asked about ("so I understand the pension"); one they say they
    understand is the offer as it stands ("I understand leave is the same for everyone"). None: neither."""
    found = cues.UNDERSTAND_BEFORE.search(low, near, start)
    if found is None or cues.REQUEST_IN_GAP.search(found.group("gap")):
        return None
    return "question" if found.group("want") else "current"


def _lost_by_moving(low: str, start: int, end: int, near: int, around: str) -> bool:
    """A perk the user loses by moving, said in other words than "I lose my X" (see _named_role): "the bonus I'd
    forfeit", "walking away from a bonus", "I'd be giving up my bonus by leaving", and what an ask is to cover
    ("a sign-on to offset the bonus"). Evidence for the ask, not a second ask."""
    after = low[end : end + 48]
    if any(word in after for word in ("los", "forfeit", "behind", "walk")) and cues.LOST_AFTER.match(low, end):
        return True
    if any(word in around for word in ("los", "forfeit", "walk")) and cues.LOST_ANY_BEFORE.search(low, near, start):
        return True
    return ("giv" in around and cues.GIVEN_UP_BEFORE_LEAVING.search(low, near, start) is not None
            and cues.LOSS_FROM_LEAVING.search(low, *_sentence_span(low, start)) is not None)


def _what_another_ask_covers(low: str, slot: _Slot, near: int, around: str, mentions: list[_Mention]) -> bool:
    """ "could you add a sign-on to cover the bonus?": the bonus is what the sign-on pays for (evidence), not a second
    ask; "could you cover the parking?" still asks for parking (no other perk before it in the sentence)."""
    if not any(word in around for word in ("cover", "offset", "make", "compensat", "replac", "recoup")):
        return False
    start = slot.start
    if cues.COVERED_BEFORE.search(low, near, start) is None:
        return False
    sentence_start = _sentence_span(low, start)[0]
    return any(m.perk != slot.perk and sentence_start <= m.start < start for m in mentions)


def _dwarfs_the_offer(perk: str, a: Amount, context: Context | None) -> bool:
    """A sum twenty times what the offer has on the perk just discussed is not about it ("$82,000" after talk
    of a $1,200 transit pass): the salary or another perk claims it."""
    standing = context.offer.get(perk) if context is not None else None
    yearly = abs(a.value) * (12 if a.per == "month" else 1)
    return perk != "base_salary" and isinstance(standing, (int, float)) and 0 < standing * 20 < yearly


def _names_the_offer(perk: str, a: Amount, offer: Mapping[str, float | str], unit: str | None = None) -> bool:
    """Whether a figure is exactly what the offer has on a perk ("the 118k", "118" for a salary of 118,000); with
    the perk's spoken `unit`, a figure in another unit ("2 months" against a start in 2 weeks) is not it."""
    if a.relative or perk not in offer or (unit is not None and a.unit not in (None, unit)):
        return False
    on_table = offer[perk]
    # a sum said in thousands: "118" for a salary of 118,000, "60 on equity" for a ₪60,000 grant
    in_thousands = isinstance(on_table, (int, float)) and a.value * 1000 == on_table and (
        perk == "base_salary" or (on_table >= 10_000 and a.unit is None and not a.explicit_money))
    return a.value == on_table or in_thousands


def _mark_the_offer(low: str, slots: list[_Slot], offer: Mapping[str, float | str], may: MayMatch) -> None:
    """A figure that is exactly the offer as it stands names it ("I'll take the 118k"): it asks for nothing, unless
    the words ask for it ("could you go to 118k?"): what the speaker asks for is theirs to say."""
    for slot in slots:
        a = slot.amount
        if (slot.role == "ask" and a is not None and slot.perk is not None and _names_the_offer(slot.perk, a, offer)
                and not _asked_in_so_many_words(low, a, may)):
            slot.role = "current"


def _asked_in_so_many_words(low: str, a: Amount, may: MayMatch) -> bool:
    """ "could the company offer $7,000?", "could transport go to 8,400?", "$7,000 would make it work for me", "maybe
    78?", "I'd like 4 remote days": a figure asked for in words is asked for even when the offer already has it (in
    a replayed practice the recruiter may have moved before the line), not named as the offer; "relo 15k?" or "25
    days? deal." only echo it, "I'd accept…" takes it, and "could you confirm the $120k?" asks for a confirmation."""
    if (cues.ASKED_TO_GO_BEFORE.search(low, _sentence_start(low, a.start), a.start) is not None
            or cues.MAKES_IT_WORK_AFTER.match(low, a.end) is not None):
        return True
    cuts = _role_cuts(low)
    end = _clause_of(low, a, cuts)[1]
    # the clause's start, past the commas inside figures ("go from ₪3,600 to ₪8,400" is one clause)
    start = next((e for s, e in reversed(cuts) if e <= a.start and not cues.DIGIT_COMMA.match(low, max(0, s - 1))), 0)
    colon = low.rfind(": ", start, a.start)
    if colon >= 0:
        start = colon + 2  # "…about equity: ₪40,000 is modest" states the figure, it asks nothing
    if _found(cues.ASKING, low, may, start, a.start):
        asking = cues.ASKING.search(low, start, a.start)
        return (asking is not None and cues.TAKING_NOT_ASKING.search(asking.group(0)) is None
                and cues.CONFIRMING_NOT_ASKING.search(low, asking.start(), end) is None)
    return low.startswith("?", end) and cues.TENTATIVE_START.match(low, start) is not None


def _approved_in_words(low: str, acts: list[Act], slots: list[_Slot], context: Context | None) -> list[Act]:
    """The figure on the table approved or thanked for in words right after an offer takes it; after a refusal too, the
    standing figure taken in words ("$25,000 is fair, thank you" once the recruiter says it can go no further;
    docs/labelling.md: "ok" after a refusal is accept when it takes the standing figure in words)."""
    if context is None or _ACCEPT in acts:
        return acts
    standing = [s for s in slots if s.perk is not None and s.amount is not None
                and _names_the_offer(s.perk, s.amount, context.offer)]
    if (context.last_move == "offer" and (_approves_the_offer(low, slots)
                                          or _thanked_for_what_was_offered(low, slots, context))) or (
            context.last_move == "refusal" and standing and _approves_the_offer(low, standing)):
        return [a for a in _ACT_ORDER if a in {*acts, _ACCEPT}]
    return acts


def _thanked_for_what_was_offered(low: str, slots: list[_Slot], context: Context) -> bool:
    """ "Thanks a lot for the flexible schedule! And maybe a mentor?", "many thanks for step 3 ☺️ would a second remote
    day…": right after the recruiter put a perk on the table, a first sentence thanking for it by name takes it
    (docs/labelling.md, fifth round); the thanked slot is the offer as it stands. Not when more of it is asked after,
    nor when the practice says its last reply gave no ground on that perk (a context that does not say what was
    conceded leaves "offer" to mean a figure was put on the table)."""
    first = cues.THANKED_FOR_THE_MOVE.match(low)
    if first is None or context.last_perk is None or (
            "conceded" in context.model_fields_set and context.last_perk not in context.conceded):
        return False
    thanked = [s for s in slots if s.perk == context.last_perk and s.start < first.end()]
    more = any(s.perk == context.last_perk and s.role == "ask" and s.start >= first.end() for s in slots)
    if not thanked or more or _still_pushed(low, thanked[0], slots):
        return False
    for slot in thanked:
        if slot.role == "ask":
            slot.role = "current"
    return True


def _approves_the_offer(low: str, slots: list[_Slot]) -> bool:
    """ "$2,000 is fair", "ok nice 158 is def better", "I'll take the $1,500, thanks", "thank you so much for the 3
    days!": right after the recruiter put a figure on the table, that figure taken or approved in words takes it
    (docs/labelling.md, fourth round); not "…, so $68k is fair" (an argument) nor "thanks for ₪40,500. Close, but…"."""
    for slot in slots:
        a = slot.amount
        if slot.role != "current" or a is None or _still_pushed(low, slot, slots) or _conditional(low, a.start):
            continue  # "if we can make it 25, I'll take the $119k" puts a condition on it
        start = _sentence_start(low, a.start)
        if ((cues.OFFER_FIGURE_APPROVED_AFTER.match(low, a.end) and cues.APPROVAL_LEAD.match(low, start, a.start))
                or cues.TAKE_THE_BEFORE.search(low, max(0, a.start - 30), a.start)):
            return True
        if cues.THANKS_FOR_BEFORE.search(low, max(0, a.start - 40), a.start) and not any(
                other.perk == slot.perk and other.role == "ask" for other in slots):
            return True  # not "thank you for coming up to $86k. If you can get to $88k…": still pushing on it
    return False


def _still_pushed(low: str, slot: _Slot, slots: list[_Slot]) -> bool:
    """A figure of the offer that the message goes on pushing: a "but" after it ("thanks for ₪40,500. Close, but…"),
    unless that "but" opens a sentence that turns to another perk ("thanks for the $2,500. But 3 days at home?"), or
    a taking put under a condition ("…I'd accept that base if…")."""
    if any(cues.CONDITION_WORD.search(low, taking.end(), _sentence_span(low, taking.start())[1])
           for taking in cues.ACCEPT_IN_WORDS.finditer(low)):
        return True
    but = cues.BUT.search(low, slot.amount.end if slot.amount is not None else slot.start)
    if but is None:
        return False
    opens = low[: but.start()].rstrip().endswith((".", "!", "?"))
    return not (opens and any(other.perk not in (None, slot.perk) and other.start > but.start() for other in slots))


def _takes_the_move(low: str, acts: list[Act], terms: list[Term], signals: list[Signal], context: Context | None,
                    may: MayMatch) -> list[Act]:
    """Right after the recruiter gave ground, a first sentence that only approves ("Good. Now the leave…", "That's
    great. Is there room on the sign-on?"), only thanks ("Thank you, I appreciate that. Could the sign-on be $5k?"),
    thanks for what was given or says yes to the figure just given ("Fine, €78k. But…") takes that move
    (docs/labelling.md, fifth round: thanks or approval right after the recruiter grants something is accept, and
    agreeing to one perk while still negotiating others is accept + propose); the rest of the message is read as it
    is, a new ask on another perk included."""
    if context is None or _ACCEPT in acts or Act.quit in acts or Signal.ultimatum in signals:
        return acts
    conceded = context.conceded
    if ("conceded" not in context.model_fields_set and context.last_move == "offer" and context.last_perk is not None
            and _ALTERNATIVES not in signals):
        # a context that does not say what was conceded: "offer" put a figure there; with no record of a move, "lovely,
        # thanks. what else?" only asks where there is room
        conceded = [context.last_perk]
    if not conceded:
        return acts
    if any(t.role == "ask" and t.perk in conceded for t in terms):
        return acts  # "Great. Could it go to 30?" still pushes on what was just given (guide, fifth round)
    first = cues.MOVE_APPROVED_FIRST.match(low) or cues.THANKED_FOR_THE_MOVE.match(low) or cues.THANKS_FIRST.match(low)
    if first is None and (taken := _figure_taken_first(low, may)) is not None:
        given = {perk: context.offer.get(perk) for perk in conceded}
        if any(t.perk in given and t.amount is not None and t.amount == given[t.perk] for t in terms):
            first = taken
    if first is None or cues.BUT.search(first.group(0)) or cues.STILL_PUSHED_NEXT.match(low, first.end()) or any(
            cues.CONDITION_WORD.search(low, taking.end(), _sentence_span(low, taking.start())[1])
            for taking in cues.ACCEPT_IN_WORDS.finditer(low, first.end())):
        return acts  # "Thanks for ₪40,500. Close, but…", "Thank you. I'd accept that, provided…" (guide, fifth round)
    return [a for a in _ACT_ORDER if a in {*acts, _ACCEPT}]


def _standing_figure_traded(low: str, slots: list[_Slot], may: MayMatch) -> None:
    """ "I'd settle at $158,000 on base if the equity grant goes up", with $158,000 on the table, or "I'd keep base at
    172 if severance goes to 3 months" with no offer in view: the figure the offer has, settled for on a condition
    that asks for another perk, is offered up in the trade (docs/labelling.md, third round), so it is read as an ask
    that the trade then gives."""
    for slot in slots:
        if (slot.role == "current" and slot.amount is not None and slot.perk is not None
                and not any(other.perk == slot.perk and other.role == "ask" for other in slots)
                and _taken_in_trade(low, slot.amount, slot.perk, slots, may)
                and "accept" not in low[max(0, slot.start - 30) : slot.start]):  # "I can accept two months if…"
            slot.role = "ask"  # "I'd stay at $175k if…, otherwise I'd need $185k": that one is asked


def _foreign(low: str) -> bool:
    """Not English: several function words of another language and few English ones, or another script."""
    other = 0 if low.isascii() else len(cues.OTHER_SCRIPT.findall(low))  # the other scripts are all beyond ASCII
    if other and other > sum(ch.isalpha() for ch in low) / 2:  # letters are counted only when it could matter
        return True
    words = low.split()
    foreign = sum(map(cues.FOREIGN_WORDS.__contains__, map(str.strip, words, repeat(_WORD_EDGES))))
    if foreign < 2:
        return False  # the usual case: English words only are not counted
    english = sum(map(cues.ENGLISH_WORDS.__contains__, map(str.strip, words, repeat(_WORD_EDGES))))
    return foreign > 2 * english


def _in_context(
    low: str, acts: list[Act], terms: list[Term], context: Context | None, words: int, may: MayMatch
) -> list[Act]:
    """Short replies read against the last turn: "yes" takes an offer, answers a question, names a perk.

    `words`: how many words (cues.TOKEN) the message has."""
    found = set(acts)
    said_so = _found(cues.ACCEPT_IN_WORDS, low, may)
    if (context is not None and words <= 4 and context.last_move == "question" and not terms and not said_so
            and not cues.SETTLING.search(low)):
        found.discard(Act.accept)  # "yep" answers a question; "I accept" and "ok, thanks, that's fine" agree
    if (context is None and _ACCEPT in found and words <= 4 and not terms and not said_so
            and not _found(cues.PLEASED_ACCEPT, low, may) and not any(c.isdigit() for c in low)
            and cues.NUMBER_WORDS.isdisjoint(low.split())):
        found.discard(Act.accept)  # "deal", "ok cool", "that works" with nothing on the table take nothing
    if (context is not None and context.last_move == "question" and _ACCEPT in found and not said_so
            and any(t.role == "ask" and t.amount is not None for t in terms) and _only_a_yes(low)):
        found.discard(Act.accept)  # "yes, I can start in two weeks" answers the question with a figure: a proposal
        found.add(Act.propose)
    if context is not None and context.last_move == "question" and words <= 2 and found == {_REJECT}:
        found.discard(Act.reject)  # "nah" answers a question; it refuses nothing
    answering = context is not None and context.last_move in ("question", "refusal")
    if (Act.accept in found and answering and words <= 6 and not terms and not said_so
            and not _found(cues.PLEASED_ACCEPT, low, may) and not cues.SETTLING.search(low)
            and not (context is not None and context.last_move == "refusal" and Act.request_writing in found)):
        # "deal", "ok cool": agreement to an offer, not to a question or a refusal; "ok, deal, send it over" once the
        # recruiter will go no further takes the offer as it stands (guide: "Sounds good, can you put that in writing?")
        found.discard(Act.accept)
    if context is not None and context.last_move == "offer" and words <= 5 and _found(cues.PLEASED_ACCEPT, low, may):
        found.add(Act.accept)
    named = [t for t in terms if t.perk is not None]
    asked = [t for t in named if t.role == "ask" and not t.give]
    if Act.accept in found and asked and (Act.reject not in found or any(t.amount is not None for t in asked)):
        # "ok on pto. now salary": takes one term and asks about the next; in "ok w equity. base still low" the
        # other perk named is the one refused, not a new ask
        found.add(Act.propose)
    if named and not found - {Act.greet, Act.justify} and _found(cues.PRIORITY, low, may) and "?" not in low:
        found.add(Act.propose)  # "equity matters most": what they want, in order
    if named and not found - {Act.greet} and words <= 6:
        if "?" in low and all(t.amount is None for t in named):
            # "gym?", "cert covered?" want to know what there is; "senior in the title?", "step 3?" ask for it
            found.add(Act.propose if _spells_out_the_term(low, may) else Act.ask)
        elif "?" not in low and ("agreed" not in low or any(t.role != "current" for t in named)):
            # "title: principal", "fam coverage on health insurance"; "we already agreed on 25 days" recalls
            found.add(Act.propose)
    return [a for a in _ACT_ORDER if a in found]


def _pleads_for_more(acts: list[Act], signals: list[Signal]) -> bool:
    """ "pls pls pls", "please, just a bit more" with nothing else said: more of the perk under discussion (guide)."""
    return Signal.pleading in signals and all(a in (Act.propose, Act.greet) for a in acts)


def _notice_stated_alone(low: str, terms: list[Term]) -> bool:
    """ "My notice period is one month", "I must give my employer three months' notice": a notice period stated
    alone is no act and no term (guide); "can't start before March, notice period" still asks for a start date."""
    return (all(t.perk == "start_date" and t.amount is None for t in terms) and "?" not in low
            and cues.NOTICE_STATED.search(low) is not None and cues.START_ASKED.search(low) is None)


def _asked_then_requested(low: str, acts: list[Act], terms: list[Term]) -> tuple[list[Act], list[Term]]:
    """ "Is a laptop included? If not, could you add one?", "do u cover the ticket? if not could u add it?": a
    question about one perk, then a request for "it" or "one" after it, both asks about it and asks for it (guide,
    fourth round: `ask` + `propose`, one `ask` term)."""
    asked = {t.perk for t in terms}
    if len(asked) != 1 or None in asked or any(t.role not in ("question", "ask") for t in terms):
        return acts, terms
    after = low.find("?")
    request = next((m for m in cues.PAY_REQUEST.finditer(low, after) if m.group("it") or m.group(0).endswith("one")),
                   None)
    if request is None:
        return acts, terms
    question = next(t for t in terms if t.role in ("question", "ask"))
    kept = [question.model_copy(update={"role": "ask"})]
    return [a for a in _ACT_ORDER if a in {*acts, _PROPOSE}], kept


def _only_asking(low: str, acts: list[Act], terms: list[Term], slots: list[_Slot], signals: list[Signal]
                 ) -> tuple[list[Act], list[Term]]:
    """A message that only asks proposes nothing: a recap given to be confirmed ("just to confirm: base $118k, 20
    days. Is that correct?") names the offer as it stands, a term asked to be confirmed ("please confirm whether the
    8% is employer-only") or where there is room ("any wiggle room on the relo package?") is asked about."""
    if len(terms) != len(slots):
        return acts, terms
    if not terms and _ALTERNATIVES in signals and Act.trade_off not in acts:
        return [a for a in acts if a is not Act.propose], terms  # "what else could you do to close the gap?"
    sentences = [_sentence_span(low, slot.start) for slot in slots]
    changed = list(terms)
    for i, (term, (start, end)) in enumerate(zip(terms, sentences, strict=True)):
        if term.role != "ask" or term.negated:
            continue
        sentence = low[start : end + 1]  # with its "?"
        if term.amount is None and _ALTERNATIVES in signals and "?" in sentence and cues.ALTERNATIVES.search(sentence):
            changed[i] = term.model_copy(update={"role": "question"})  # "any wiggle room on the relo?"
        elif cues.CHANGE_ASKED.search(sentence):
            continue
        elif cues.CONFIRM_TAG.search(sentence) or cues.CONFIRM_TAG.match(low[end + 1 : end + 30].strip()) or (
                cues.CONFIRM_LEAD.match(sentence) and "?" in low[start:]):
            changed[i] = term.model_copy(update={"role": "current"})
        elif cues.CONFIRM_WHETHER.search(sentence):
            changed[i] = term.model_copy(update={"role": "question"})
    if changed == terms or any(t.role == "ask" for t in changed) or Act.trade_off in acts:
        return acts, terms
    return [a for a in acts if a is not Act.propose], changed


def _nothing_taken(low: str, acts: list[Act], terms: list[Term], context: Context | None, may: MayMatch,
                   taken: bool = False) -> list[Act]:
    """``taken``: a term is taken by name ("I understand it cannot change, and I am content with step 1" takes the
    step, whatever it acknowledges first)."""
    if (_ACCEPT in acts and context is not None and not taken
            and _answers_without_taking(low, acts, terms, context, may)):
        return [a for a in acts if a is not _ACCEPT]
    return acts


def _answers_without_taking(low: str, acts: list[Act], terms: list[Term], context: Context, may: MayMatch) -> bool:
    """ "Sure. My current employer pays a bonus…" answers the recruiter's question; "Oh, okay, that's fine, I
    understand. Sorry for asking." acknowledges a refusal (guide: "ok" after a refusal only acknowledges the no).
    Neither takes a term: only one naming a term of the offer, or saying "I accept", does."""
    if (any(t.role == "current" for t in terms) or _found(cues.PLEASED_ACCEPT, low, may)
            or _found(cues.ACCEPT_IN_WORDS, low, may)):
        return False
    if context.last_move == "question":
        return _only_a_yes(low)
    # after a refusal that asks why, "Sure. <the reason>" answers it
    return context.last_move == "refusal" and (cues.ACKNOWLEDGED_NO.search(low) is not None
                                               or (_only_a_yes(low) and _JUSTIFY in acts))


def _spells_out_the_term(low: str, may: MayMatch) -> bool:
    """A short question that names what is wanted of a perk (a level, a figure, a time it is for) proposes it;
    one about what the perk is, covers or includes asks (guide: a request put as a question is `propose`)."""
    return (cues.TERM_SPELLED_OUT.search(low) is not None and cues.WHAT_IT_COVERS.search(low) is None
            and not _at(cues.INFO_START, low, may))


def _fine_but_more(low: str, acts: list[Act], terms: list[Term], slots: list[_Slot]) -> list[Act]:
    """ "the 3 wfh days is fine but 4 would be 🔥", "₪40,000 in RSUs is fine but not exciting; … lift equity to
    ₪80,000": a figure called fine, then more asked on the same perk after a "but", is a counter, not an acceptance
    (docs/labelling.md, third round: "Fine, but…" on the same perk); another term taken beside it ("the salary is
    fine now. 28 days is ok but I want 30") still is."""
    if _ACCEPT not in acts or "but" not in low or len(terms) != len(slots):
        return acts
    for but in cues.BUT.finditer(low):
        taken = {t.perk for t, s in zip(terms, slots, strict=True) if t.role == "current" and s.start < but.start()}
        countered = taken & {t.perk for t, s in zip(terms, slots, strict=True)
                             if t.role == "ask" and s.start > but.start()} - {None}
        if countered and all(t.perk in countered for t in terms if t.role == "current"):
            return [a for a in _ACT_ORDER if a in {*acts, _PROPOSE} - {_ACCEPT}]
    return acts


def _settle(low: str, acts: list[Act], terms: list[Term], may: MayMatch, reason_in_words: bool) -> None:
    """Acts that the whole reading rules out, removed in place once terms and context are known."""
    if Act.quit in acts and Act.propose in acts and (
            not any(t.role == "ask" and t.amount for t in terms) or not cues.CONDITIONAL.search(low)):
        acts.remove(Act.propose)  # "I'm declining: 10 days of leave for $95k isn't something I'll sign up for"
    if Act.accept in acts:
        if Act.propose in acts and not any(t.role == "ask" for t in terms) and not _requests_more(
                low, Act.request_writing in acts, may):
            acts.remove(Act.propose)  # "$160k, 10k sign-on and 4 remote days: that works, I accept"
        if Act.greet in acts and not terms and not _found(cues.ACCEPT_IN_WORDS, low, may):
            acts.remove(Act.accept)  # "hi, thanks for the offer, sounds great": a pleasantry
    if _JUSTIFY in acts and _ASK in acts and _only_a_question_backed(acts, terms) and not cues.FORFEITED.search(low):
        acts.remove(_JUSTIFY)  # "Parental leave is how many weeks? We plan a baby next year.": why they ask
    if Act.trade_off in acts and _PROPOSE not in acts and Act.quit not in acts:
        acts.append(_PROPOSE)  # giving one thing up for another asks for the other
        acts.sort(key=_ACT_ORDER.index)
    if _COMPETING in acts and _JUSTIFY in acts and not reason_in_words and _ASKING_FOR_TERMS.isdisjoint(acts):
        # "other co offered 160k base", "I have 48k elsewhere, so 38k is far off": a rival offer backs no ask (guide)
        acts.remove(_JUSTIFY)


_BESIDE_A_QUESTION = frozenset({Act.greet, Act.enthusiasm, Act.justify, Act.ask})


def _only_a_question_backed(acts: list[Act], terms: list[Term]) -> bool:
    """A message that only asks for information, with the reason it asks ("…? We plan a baby next year"): the
    reason backs no position (guide: justify gives the reason behind an ask for a term); a bonus given up by leaving
    still argues for what the question is about ("is there a sign-on? I'd walk away from a bonus")."""
    return all(a in _BESIDE_A_QUESTION for a in acts) and not any(t.role == "evidence" for t in terms)


def _asks_rather_than_takes(low: str, acts: list[Act], terms: list[Term], signals: list[Signal]
                            ) -> tuple[list[Act], list[Term]]:
    """A request for a recap asks for nothing new, and after a bare "ok" takes nothing: "ok can u recap where
    everything is at? base, equity, all of it" lists what to recap (had it accepted, the practice would have closed on
    it); "I accept the $4,000, could you recap…" still takes the $4,000. Asking what else could be done, after a bare
    "Great, thank you.", takes nothing either."""
    if _SUMMARY not in signals and _ALTERNATIVES not in signals:
        return acts, terms
    if _ACCEPT in acts and ((_SUMMARY in signals and _only_a_yes(low)) or cues.BARE_THANKS.match(low) is not None):
        acts = [a for a in acts if a is not _ACCEPT]
    if _SUMMARY in signals:
        terms = [t.model_copy(update={"role": "current"}) if t.role == "ask" and t.amount is None else t
                 for t in terms]
        if not any(t.role == "ask" for t in terms):
            acts = [a for a in acts if a is not _PROPOSE]
    return acts, terms


# A message with none of these acts takes no position on any term: a perk it names without a figure is not asked for.
_NO_POSITION = frozenset({Act.propose, Act.trade_off, Act.accept, Act.reject, Act.quit})


def _named_in_passing(low: str, acts: list[Act], terms: list[Term], slots: list[_Slot]) -> list[Term]:
    """Perks named without a figure in a message that takes no position: "does my experience count for the step
    thing?", "and the equity?" ask about them (`question`); "my point on the bonus wasn't an ultimatum" names one in
    passing (the offer as it stands). A perk its own sentence still wants ("Grade 8, please.", "any shot at the
    ticket too?", "a mentor would help a lot") stays asked for. Without this the recruiter would answer a request
    nobody made."""
    placed = len(terms) == len(slots)
    changed = []
    for i, term in enumerate(terms):
        if term.role == "ask" and term.amount is None and term.perk is not None and not term.negated:
            sentence = _sentence_of(low, slots[i].start) if placed else low
            asked = "?" in low[slots[i].start :] if placed else "?" in low
            if not cues.WANTED_IN_SENTENCE.search(sentence) or (asked and _ASK in acts):
                term = term.model_copy(update={"role": "question" if _ASK in acts or asked else "current"})
        changed.append(term)
    return changed


def _only_a_yes(low: str) -> bool:
    """The message's only acceptance cue is the "yes"/"ok" it opens with."""
    found = [m.group(0).strip(" ,.!").split() for m in cues.ACCEPT.finditer(low)]
    return len(found) == 1 and _an_opener(found[0])


def _walks_out_after_a_yes(low: str) -> bool:
    """ "ugh ok whatever, i'm out", "ok honestly I'm gonna pass on this one": the only yes is the opener, and the
    message goes on to end the talks; the opener only acknowledges (the acceptance is not read)."""
    return not cues.ACCEPT_IN_WORDS.search(low) and _only_a_yes(low)


def _an_opener(words: list[str]) -> bool:
    """ "ok", "oh ok", "ugh fine": a yes the message opens with, perhaps after an interjection."""
    words = [w.strip(",.") for w in words]
    return (len(words) == 1 and words[0] in cues.OPENERS) or (
        len(words) == 2 and words[0] in cues.INTERJECTIONS and words[1] in cues.OPENERS)


def _accepted(
    low: str, terms: list[Term], slots: list[_Slot], accepting: bool, may: MayMatch, one_term: bool = False
) -> list[Term]:
    """The terms named where the message takes or recaps the offer are the offer, not asks.

    Read part by part: "I'm happy with $118k and the 8% bonus, but I'd like 20 days" takes the first two
    and asks for the third; "to recap: base $172k, bonus 10%" names the offer."""
    if not any(t.role == "ask" for t in terms) or not (accepting or _found(cues.RECAP, low, may)):
        return terms
    # "if you can do 42.5k and cover parking, I'll sign", "160 base + 10k sign-on and I'm in": the terms of the
    # condition stay asks, whatever acceptance follows them
    conditional = _found(cues.CONDITION, low, may)
    asked = [t.role == "ask" and not t.negated and not (conditional and _conditional(low, slot.start))
             for t, slot in zip(terms, slots, strict=True)]
    if (accepting and "?" not in low and not _found(cues.ASKING, low, may) and not _at(cues.ACCEPT_ON_TERM, low, may)
            and not one_term and cues.BUT.search(low) is None):  # "the bonus is fine, but the base…" takes one
        # "Fine. 160, 10k, 4 days. Deal.": nothing asked anywhere, so every figure is the offer taken; one said
        # against the figure it replaces ("fine, 12.5k. and 4 days remote, not 3.") is still asked for
        return [t.model_copy(update={"role": "current"}) if taken and not _said_instead(low, slot) else t
                for t, slot, taken in zip(terms, slots, asked, strict=True)]
    cuts = [0, *(m.end() for m in cues.ACCEPT_SPAN_CUT.finditer(low)), len(low) + 1]
    accepted = []
    for term, slot, may_take in zip(terms, slots, asked, strict=True):
        if may_take:
            at = bisect_right(cuts, slot.start) - 1
            part = low[cuts[at] : cuts[at + 1]]
            takes = (accepting and _found(cues.ACCEPTING, part, may)) or _found(cues.RECAP, part, may)
            if takes and "?" not in part and not _found(cues.ASKING, part, may) and not _found(cues.REJECT, part, may):
                term = term.model_copy(update={"role": "current"})
        accepted.append(term)
    return accepted


def _only_recapped(low: str, acts: list[Act], terms: list[Term], may: MayMatch) -> bool:
    """ "Just so I have it right: $68k, 24 days off and $1,500 for training. Could you put that in writing?" recaps
    the offer and asks for the letter: once its figures are the offer, nothing is proposed."""
    return (not any(t.role in ("ask", "give") for t in terms) and Act.trade_off not in acts
            and _found(cues.RECAP, low, may) and not _found(cues.MORE_OF_IT, low, may))


def _said_instead(low: str, slot: _Slot) -> bool:
    """ "4 days remote, not 3": a figure said against the one it replaces, in its own clause, is a counter."""
    _, end = _sentence_span(low, slot.start)
    return cues.NOT_THAT_FIGURE.search(low, slot.start, end) is not None


def _conditional(low: str, position: int) -> bool:
    """Whether a term is part of a condition put on accepting: after "if" / "as long as" in its sentence, or
    before "and I'm in" / "and I'll sign"."""
    sentence_start = max(low.rfind(".", 0, position), low.rfind("?", 0, position), low.rfind("!", 0, position)) + 1
    return bool(cues.CONDITION_BEFORE.search(low, sentence_start, position)
                or cues.CONDITION_AFTER.match(low, position))


def _money_of_a_perk(low: str, mentions: list[_Mention]) -> list[_Mention]:
    """ "the wellness money", "relocation money": the perk named just before is what the money is; not the salary."""
    kept: list[_Mention] = []
    for mention in mentions:
        if (kept and mention.perk == "base_salary" and low.startswith("money", mention.start)
                and 0 < mention.start - kept[-1].end <= 1):
            continue
        kept.append(mention)
    return kept


def _one_typo_away(said: str, meant: str) -> bool:
    """A word of a two-word perk name as typed: the word itself or close to it, but not another form of it ("late
    starts" is no "later start") nor a different word ("full pay" is no "fixed pay")."""
    if said == meant:
        return True
    short, long_ = sorted((said, meant), key=len)
    if _inflection_of(long_, short):
        return False
    return fuzz.ratio(said, meant) >= 80


def _inflection_of(word: str, base: str) -> bool:
    """ "levels" of "level", "starts" of "start": another form of the same word, never a typo of it."""
    return word.startswith(base) and word[len(base):] in cues.INFLECTIONS


def _options_of_a_figure(low: str, mentions: list[_Mention]) -> list[_Mention]:
    """ "₪60,000 in options", "20k worth of options": options a sum is paid in are the equity grant (unlike "other
    options", which names no perk)."""
    named = [_Mention("equity", m.start(1), m.end(1)) for m in cues.FIGURE_IN_OPTIONS.finditer(low)]
    if not named:
        return mentions
    taken = [m for m in mentions if not any(m.start < n.end and n.start < m.end for n in named)]
    return sorted(taken + named, key=lambda m: m.start)


def _a_field_of_work(low: str, mention: _Mention, may: MayMatch) -> bool:
    """ "two of my years were in healthcare", "transit analysis", "the relocation feature": work, not a perk."""
    if mention.perk == "equipment" and low.startswith("desk", mention.start) and cues.DESK_WORK_AFTER.match(
            low, mention.end):
        return True
    return (_at(cues.FIELD_AFTER, low, may, mention.end)
            or _found(cues.FIELD_BEFORE, low, may, max(0, mention.start - 24), mention.start)
            or (low.endswith(" in ", 0, mention.start)
                and cues.COUNT_IN_BEFORE.search(low, max(0, mention.start - 8), mention.start) is not None))


def _a_gap(low: str, a: Amount) -> bool:
    """ "still ₪8,000 below the other one", "5k short of what they pay": the distance to another figure, which is no
    figure of any perk (the amount asked or offered is the other one)."""
    return ("below" in low or "under" in low or "short" in low or "behind" in low) and (
        cues.GAP_AFTER.match(low, a.end) is not None)


def _inside_mention(a: Amount, mentions: list[_Mention]) -> bool:
    # "401k" is a perk, not $401,000; but in "10 hours" the perk word "hours" is the amount's unit
    return any(m.start <= a.start < m.end for m in mentions)


def _sentence_of(low: str, position: int) -> str:
    start = max(low.rfind(".", 0, position), low.rfind("?", 0, position), low.rfind("!", 0, position))
    end = _SENTENCE_END.search(low, position)
    return low[start + 1 : end.end() if end else len(low)]


def _question_core(sentence: str, may: MayMatch) -> tuple[str, bool] | None:
    """The sentence without its lead-ins ("before I answer, could you…", "to be clear: is the bonus…"), and
    whether it is put as a polite request."""
    for _ in range(_MAX_LEAD_INS + 1):  # a loop, not recursion: "?, " x 1,333 ran out of stack (issue 13)
        sentence = sentence.strip()
        if not sentence:
            return None
        polite = _at(cues.POLITE_REQUEST, sentence, may)
        if "?" not in sentence:
            return sentence, polite
        if not polite:
            # "what I care about next is remote: could we…?" leads in with a statement, not a question
            lead_in = None if _at(cues.INFO_START, sentence, may) and not _at(cues.WH_STATEMENT, sentence, may) else (
                cues.LEAD_IN.search(sentence))
        else:  # "I'd like to compare like with like: is the bonus guaranteed?" asks after a polite lead-in
            lead_in = cues.LEAD_IN.search(sentence)
            if lead_in is not None and (_found(cues.TELL_ME, sentence, may)
                                        or not cues.INFO_START.match(sentence, lead_in.end())
                                        or cues.RELATIVE_AFTER.match(sentence, lead_in.end())):
                lead_in = None  # "could you tell me…", "I'd like 25 days, ok?": the request is the sentence
        if lead_in is None:
            return sentence, polite
        sentence = sentence[lead_in.end() :]
    return None  # more lead-ins than anyone writes before a question


def _is_info_question(sentence: str, may: MayMatch) -> bool:
    """A question that wants an answer, not a request put as a question ("can you do 25 days?")."""
    if sentence.startswith("or "):
        sentence = sentence[3:]  # "…cover my parking? Or is that meant to come out of the gym money?" asks on its own
    return _asks_where_there_is_room(sentence) or _wants_an_answer(sentence, may)


def _asks_where_there_is_room(sentence: str) -> bool:
    """ "any room on the sign-on?" asks where there is room (guide); "any chance of 25 days?" asks for them."""
    if "any " in sentence and cues.ANY_ROOM.match(sentence) is not None and not _a_figure_asked(sentence):
        return True
    if "?" not in sentence:
        return False
    salutation = cues.SALUTATION_LEAD.match(sentence) if "," in sentence else None
    if salutation is not None:
        sentence = sentence[salutation.end() :]
    lead_in = sentence.rfind(": ")  # "one more question before I decide: is there any flexibility on…?"
    if lead_in >= 0:
        sentence = sentence[lead_in + 2 :]
    return ("there" in sentence and cues.THERE_ROOM.match(sentence) is not None
            and not _a_figure_asked(sentence)) or cues.CEILING_ASKED.search(sentence) is not None


def _a_figure_asked(sentence: str) -> bool:
    """A figure said other than the offer's own ("any room for 25 days?", not "any flexibility on the 18 days?")."""
    return cues.NUMBER_SAID.search(cues.THE_OFFERS_FIGURE.sub(" ", sentence)) is not None


def _wants_an_answer(sentence: str, may: MayMatch) -> bool:
    """A question for information, told apart from a request put as a question by its words."""
    core = _question_core(sentence, may)
    if core is None:
        return False
    whole, (sentence, polite) = sentence, core
    asks = "?" in sentence
    if asks and (_found(cues.RUDE, sentence, may) or _found(cues.RHETORICAL, sentence, may)):
        return False  # "are you kidding me??", "did someone lowball me on purpose?" want no answer
    if asks and _found(cues.NOT_UNDERSTOOD, whole, may):
        return True  # "sorry, I don't understand, the 4000 is per year or one time?"
    listed = ": " in sentence and cues.QUESTIONS_LISTED.search(sentence) is not None
    if (listed or _found(cues.KNOW_WISH, sentence, may)) and not cues.CHANGE_ASKED.search(sentence):
        return True  # "I'd like to know what the 401(k) match is", "three things: what the bonus paid, how…"
    if polite:
        # "can you tell me about the bonus?" wants an answer; "I'd like to ask whether the base could be increased" asks
        return ((_found(cues.TELL_ME, sentence, may) and not cues.CHANGE_ASKED.search(sentence))
                or (asks and _how_it_is_paid(whole, may)))
    if asks and (_found(cues.CONFIRMATION, sentence, may) or _asks_which(sentence) or _how_it_is_paid(whole, may)):
        return True  # "so: 110k, 22 days pto. correct?" (it ends in "?", so only then can CONFIRMATION match)
    if not asks and _at(cues.WH_STATEMENT, sentence, may):
        return False  # "what matters most to me is remote work" states, it does not ask
    start = cues.INFO_START.match(sentence) if cues.INFO_START in may else None
    if start is None:
        # "there is a bonus in this role?", "the options vest on which schedule?": asked without inversion
        return asks and not cues.NUMBER_SAID.search(sentence) and bool(cues.WH_INSIDE.search(sentence))
    if _at(cues.SUGGESTION, sentence, may):
        return False  # "what about 25?", "how about the health insurance for my family?" propose
    if (start.group(1) in ("is there", "are there") and asks and cues.ROOM_ASKED.search(sentence)
            and not cues.NUMBER_SAID.search(sentence)):
        return True  # "is there any wiggle room anywhere?" asks where there is room; "$2,000 instead?" proposes
    if start.group(1) in cues.YES_NO_OPENERS | {"is there", "are there"} and cues.CHANGE_WORDS.search(sentence):
        return False  # "is there any chance the salary could be higher?" asks for a change
    # "is 130k possible?" proposes 130k; "is the 10% bonus guaranteed or discretionary?" asks
    return not (start.group(1) in cues.YES_NO_OPENERS and cues.NUMBER_SAID.search(sentence)
                and cues.CHANGE_ASKED.search(sentence))


def _how_it_is_paid(sentence: str, may: MayMatch) -> bool:
    """ "the 37.5 hours is per week?", "would the €4,000 options be granted annually?" ask how a term works (guide:
    ask); "could it be €5,000 per year?" asks for a change."""
    return (cues.INFO_ABOUT in may and cues.INFO_ABOUT.search(sentence) is not None
            and cues.CHANGE_ASKED.search(sentence) is None and cues.CHANGE_WORDS.search(sentence) is None)


def _asks_which(sentence: str) -> bool:
    """ "the 4000 is for every year or only one time?" asks which holds; "is 25 or 26 possible?" asks for one."""
    return " or " in sentence and cues.EITHER_OR.search(sentence) is not None and not cues.CHANGE_ASKED.search(sentence)


def _shouting(original: str) -> bool:
    """Mostly capitals over several words: shouting, which reads as rude in a negotiation."""
    if original.lower() == original:
        return False
    if original.isascii():  # counted in C: a tenth of the per-character count below
        raw = original.encode()
        upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
        letters = upper + len(raw) - len(raw.translate(None, _ASCII_LOWER))
        return letters >= 12 and upper / letters > 0.8
    letters = sum(map(str.isalpha, original))
    if letters < 12:
        return False
    return sum(map(str.isupper, original)) / letters > 0.8


def understand_lines(lines: Iterable[str], understander: Understander) -> Iterator[str]:
    """One JSON object per input line, as `offer-coach understand` prints (Understanding.json_line())."""
    for line in lines:
        text, context = _line_and_context(line.rstrip("\r\n"))
        understanding = understander.read(text, context)
        yield json.dumps(understanding.json_line(), ensure_ascii=False)


def _line_and_context(line: str) -> tuple[str, Context | None]:
    """A line that is a JSON object {"text": ..., "context": {...}} is read with that context; any other line
    is read as it is. A context that does not fit (unknown move, wrong types) is dropped, never the text."""
    if not line.lstrip().startswith("{"):
        return line, None
    try:
        given = json.loads(line)
    except ValueError:
        return line, None
    if not isinstance(given, dict) or not isinstance(given.get("text"), str):
        return line, None
    raw = given.get("context")
    if not isinstance(raw, dict):
        return given["text"], None
    try:
        return given["text"], Context.model_validate({k: v for k, v in raw.items() if k in Context.model_fields})
    except ValueError:
        return given["text"], None
