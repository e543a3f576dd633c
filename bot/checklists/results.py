"""The named computations a checklist shows after a step (``show:``) or at its end (``finish:``).

Shows: perk_values, offer_total, target_gap. Finishes: prepare_summary, offer_review,
close_email (and a generic card of the answers for a checklist that names none). They read answers
by step key and show what they can when a key is missing, so a team may reshape the checklists
freely. A finish returns its replies and the result to store: ``{"summary": ...}``, plus
``"valuation"`` when it valued an offer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bot.checklists.answers import MAX_TEXT_CHARS, echo_value, figure
from bot.markup import clean_user_text, escape
from bot.messages import Attachment, Card, CardField, Reply
from bot.playbooks.models import Checklist, Playbooks, Step, StepKind, Unit, ValueMethod
from bot.session import ChecklistState
from bot.valuation import units
from bot.valuation.value import (
    Valuation,
    assumptions_for,
    compare,
    describe_assumptions,
    used_assumptions,
    valuation_reply,
    value_offer,
    yearly_value,
)

FinishResult = tuple[list[Reply], dict[str, Any]]  # the replies, and {"summary": ..., "valuation"?: ...}
Show = Callable[[Playbooks, Checklist, ChecklistState, Step], list[Reply]]
Finish = Callable[[Playbooks, Checklist, ChecklistState], FinishResult]

_UNIT_STEP: dict[Unit, tuple[float, str]] = {
    Unit.days: (1.0, "each extra day"),
    Unit.days_per_week: (1.0, "each day a week"),
    Unit.percent: (1.0, "each 1%"),
    Unit.weeks: (1.0, "each week"),
    Unit.months: (1.0, "each month"),
    Unit.years: (1.0, "each year"),
    Unit.hours: (0.0, "each hour less a week"),  # the amount is baseline_hours - 1, set when used
    Unit.flag: (1.0, "having it"),
    Unit.level: (1.0, "each level"),
    Unit.money: (1000.0, "each 1,000"),
}


# --- reading the answers ----------------------------------------------------------------------------


def value_terms(playbooks: Playbooks, st: ChecklistState, terms: dict[str, float]) -> Valuation:
    """The offer's yearly value on the assumptions and currency of this checklist."""
    return value_offer(terms, playbooks, assumptions=st.assumptions, currency=st.currency or "USD")


def offers(checklist: Checklist, st: ChecklistState) -> list[tuple[Step, dict[str, float]]]:
    """Every offer step answered with some terms, in step order."""
    return [(s, st.answers[s.key]) for s in checklist.steps
            if s.kind is StepKind.offer and isinstance(st.answers.get(s.key), dict) and st.answers[s.key]]


def main_offer(checklist: Checklist, st: ChecklistState) -> dict[str, float] | None:
    """The first offer entered, or None."""
    entered = offers(checklist, st)
    return entered[0][1] if entered else None


def money_answer(st: ChecklistState, *keys: str) -> float | None:
    """The first of `keys` answered with a figure."""
    for key in keys:
        value = st.answers.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    return None


# --- shown after a step -----------------------------------------------------------------------------


def show_perk_values(playbooks: Playbooks, checklist: Checklist, st: ChecklistState, step: Step) -> list[Reply]:
    answer = st.answers.get(step.key)
    if step.kind is StepKind.offer and isinstance(answer, dict):
        return [valuation_reply(value_terms(playbooks, st, answer), "This offer per year")]
    return [unit_values(playbooks, checklist, st)]


def show_offer_total(playbooks: Playbooks, checklist: Checklist, st: ChecklistState, step: Step) -> list[Reply]:
    answer = st.answers.get(step.key)
    terms = answer if isinstance(answer, dict) else main_offer(checklist, st)
    if not terms:
        return []
    return [valuation_reply(value_terms(playbooks, st, terms), "This offer per year")]


def show_target_gap(playbooks: Playbooks, checklist: Checklist, st: ChecklistState, step: Step) -> list[Reply]:
    text = gap_text(playbooks, checklist, st)
    return [Reply(text=text)] if text else []


def unit_values(playbooks: Playbooks, checklist: Checklist, st: ChecklistState) -> Reply:
    """What one more unit of each prioritised perk is worth a year, on the user's own figures."""
    base, source = reference_base(checklist, st)
    keys = priority_perks(playbooks, st) or ["pto", "remote_work", "retirement_match", "sign_on_bonus",
                                             "raise_review", "severance", "professional_development"]
    merged = assumptions_for(playbooks, None, st.assumptions)
    cur = st.currency or "USD"
    lines: list[str] = []
    used: dict[str, float] = {}
    for key in keys:
        perk = playbooks.perks.get(key)
        if perk is None or key == "base_salary":
            continue
        step_amount, what = _UNIT_STEP.get(perk.unit, (1.0, "having it"))
        if perk.unit is Unit.hours:
            step_amount = merged.get("baseline_hours", 40) - 1
        worth = yearly_value(key, step_amount, base, playbooks, merged)
        if worth is None:
            lines.append(f"- **{perk.label}**: not priced. {perk.explain}")
            continue
        if perk.value in (ValueMethod.money_per_year, ValueMethod.salary):
            lines.append(f"- **{perk.label}**: counted at face value, money for money. {perk.explain}")
            continue
        if perk.unit is Unit.money:
            what = f"each {units.money(1000, cur)} up front"
        lines.append(f"- **{perk.label}**: {what} ≈ **{units.money(worth, cur)} a year**")
        used.update({k: merged[k] for k in used_assumptions(perk) if k in merged})
    head = f"What each perk is worth to you a year, on a base of **{units.money(base, cur)}** ({source}):"
    footer = [describe_assumptions(used)] if used else []
    return Reply(text="\n".join([head, *lines, *footer]))


def reference_base(checklist: Checklist, st: ChecklistState) -> tuple[float, str]:
    """The salary to price perks against, and where it came from, from the best figure answered."""
    offer = main_offer(checklist, st)
    if offer and offer.get("base_salary"):
        return offer["base_salary"], "the offer's base"
    target = money_answer(st, "target")
    if target:
        return target, "your target"
    low, high = money_answer(st, "market_low"), money_answer(st, "market_high")
    if low and high:
        return (low + high) / 2, "the middle of your market range"
    if low or high:
        return float(low or high or 0), "your market figure"
    return 100_000.0, "an example; your own figures will replace it"


def priority_perks(playbooks: Playbooks, st: ChecklistState) -> list[str]:
    """The perk keys of the user's ranked priorities, in their order."""
    ranking = st.answers.get("priorities")
    if not isinstance(ranking, list):
        return []
    keys: list[str] = []
    for label in ranking:
        key = perk_for_label(playbooks, str(label))
        if key and key not in keys:
            keys.append(key)
    return keys


def perk_for_label(playbooks: Playbooks, label: str) -> str | None:
    """The perk a priority's label names: the longest name found in it, else a close spelling."""
    text = label.lower()
    best: tuple[int, str] | None = None
    for key, perk in playbooks.perks.items():
        for name in (key.replace("_", " "), perk.label.lower(), *perk.synonyms):
            if re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", text) and (best is None
                                                                                or len(name) > best[0]):
                best = (len(name), key)
    if best:
        return best[1]
    names = {n.lower(): k for k, p in playbooks.perks.items() for n in (p.label, *p.synonyms)}
    # Whole-string similarity: forgives a typo ("helth insurance") without pairing unrelated labels
    # that share a word ("A corner office" is not "home office").
    from rapidfuzz import fuzz, process  # here: the chat's first reply imports this module but needs no fuzzy match

    found = process.extractOne(text, list(names), scorer=fuzz.ratio, score_cutoff=85)
    return names[found[0]] if found else None


def gap_text(playbooks: Playbooks, checklist: Checklist, st: ChecklistState) -> str:
    """How the offer and the target compare with each other and with the market range; "" if unknown."""
    cur = st.currency or "USD"
    target = money_answer(st, "target")
    walk_away = money_answer(st, "walk_away")
    low, high = money_answer(st, "market_low"), money_answer(st, "market_high")
    offer = main_offer(checklist, st)
    lines: list[str] = []
    if target and offer:
        v = value_terms(playbooks, st, offer)
        base = v.base
        if base:
            gap = target - base
            if gap > 0:
                lines.append(f"The base salary ({units.money(base, cur)}) is **{units.money(gap, cur)} below** "
                             f"your target of {units.money(target, cur)}.")
            else:
                lines.append(f"The base salary ({units.money(base, cur)}) meets your target of "
                             f"{units.money(target, cur)}.")
        total_gap = v.total - target
        if total_gap >= 0:
            lines.append(f"Counting the perks, the package is worth {units.money(v.total, cur)} a year: "
                         f"**{units.money(total_gap, cur)} above** your target.")
        else:
            lines.append(f"Counting the perks, the package is worth {units.money(v.total, cur)} a year: "
                         f"still **{units.money(-total_gap, cur)} short** of your target. Ask for the gap "
                         "with your justification, or for perks that close it.")
        if walk_away and base and base < walk_away and v.total < walk_away:
            lines.append(f"It is below your walk-away ({units.money(walk_away, cur)}), even with the perks.")
    if target and low and high:
        if target < low:
            lines.append(f"Your target ({units.money(target, cur)}) is below the market range you found "
                         f"({units.money(low, cur)}–{units.money(high, cur)}): you may be asking too little.")
        elif target > high:
            lines.append(f"Your target ({units.money(target, cur)}) is above the market range you found: "
                         "be ready to justify it with your results and skills.")
        else:
            share = (target - low) / (high - low) if high > low else 1.0
            lines.append(f"Your target sits {round(share * 100)}% of the way up the market range "
                         f"({units.money(low, cur)}–{units.money(high, cur)}). Aiming near the top, with reasons, "
                         "leaves room to meet in the middle.")
    if walk_away and target and not offer:
        lines.append(f"Room between your walk-away and your target: {units.money(target - walk_away, cur)}.")
    return "\n".join(lines)


# --- finishes ---------------------------------------------------------------------------------------


def finish_generic(playbooks: Playbooks, checklist: Checklist, st: ChecklistState) -> FinishResult:
    """A card of every answer, for a checklist that names no finish."""
    fields = [CardField(label=s.prompt.strip()[:60], value=echo_value(s, st.answers.get(s.key), st, playbooks.perks),
                        inline=False) for s in checklist.steps]
    return [Reply(text=f"**{escape(checklist.title, 120)}**: done.",
                  cards=(Card(title="Your answers", fields=tuple(fields)),))], {"summary": {}}


def finish_prepare(playbooks: Playbooks, checklist: Checklist, st: ChecklistState) -> FinishResult:
    """The negotiation plan: a card of the user's figures and the advice that follows from them."""
    cur = st.currency or "USD"
    a = st.answers
    low, high = money_answer(st, "market_low"), money_answer(st, "market_high")
    target, walk_away = money_answer(st, "target"), money_answer(st, "walk_away")
    listed = a.get("priorities")
    priorities: list[Any] = listed if isinstance(listed, list) else []
    fields: list[CardField] = []
    if low is not None or high is not None:
        fields.append(CardField(label="Market range", value=" – ".join(
            "?" if x is None else units.money(x, cur) for x in (low, high))))
    if target is not None:
        fields.append(CardField(label="Your target", value=units.money(target, cur)))
    if walk_away is not None:
        fields.append(CardField(label="Walk-away (keep it to yourself)", value=units.money(walk_away, cur)))
    if priorities:
        fields.append(CardField(label="Priorities", value=", ".join(escape(str(p), 40) for p in priorities[:3]),
                                inline=False))
    offer = main_offer(checklist, st)
    summary: dict[str, Any] = {"market_low": low, "market_high": high, "target": target, "walk_away": walk_away,
                               "priorities": priorities}
    if offer:
        v = value_terms(playbooks, st, offer)
        fields.append(CardField(label="Offer on the table, per year", value=units.money(v.total, cur)))
        summary["offer_total"] = round(v.total, 2)
    timing = a.get("timing")
    if isinstance(timing, str):
        fields.append(CardField(label="Timing", value=escape(timing, 80)))

    advice = _plan_advice(playbooks, checklist, st, priorities, target, cur)
    replies = [Reply(text="\n".join(advice), cards=(Card(title="Your negotiation plan", fields=tuple(fields)),))]
    perk_reply = unit_values(playbooks, checklist, st) if priorities else None
    if perk_reply and not any(s.show == "perk_values" for s in checklist.steps):
        replies.insert(0, perk_reply)
    return replies, {"summary": summary}


def _plan_advice(
    playbooks: Playbooks,
    checklist: Checklist,
    st: ChecklistState,
    priorities: list[Any],
    target: float | None,
    cur: str,
) -> list[str]:
    """The lines of the negotiation plan under "**Your plan**", from the prepare checklist's answers."""
    a = st.answers
    timing = a.get("timing")
    advice = ["**Your plan**"]
    if priorities:
        advice.append(f"- Lead with **{escape(str(priorities[0]), 60)}**; the ones lower down are what you "
                      "can trade.")
    gap = gap_text(playbooks, checklist, st)
    if gap:
        advice += [f"- {line}" for line in gap.split("\n")]
    if isinstance(timing, str) and not re.search(r"writ|wait|after", timing, re.I):
        advice.append("- Wait for the written offer before you negotiate the details: then you know exactly "
                      "what you are improving.")
    else:
        advice.append("- Negotiate once the written offer is in hand, and ask about the whole package at once.")
    justification = a.get("justification")
    if isinstance(justification, str) and justification.strip():
        advice.append("- Open warmly, then give your reason:")
        advice.append(f"> {escape(justification, 400)}")
    else:
        advice.append("- Prepare one or two reasons for your ask: a result you delivered, a skill they need, "
                      "or your market figures.")
    if target is not None:
        advice.append(f"- Name a number: “Based on my research and what I bring, I'm looking for "
                      f"{units.money(target, cur)}.”")
    advice.append("- When you agree, ask for it in writing (the `close` checklist drafts the e-mail).")
    return advice


def finish_review(playbooks: Playbooks, checklist: Checklist, st: ChecklistState) -> FinishResult:
    """The offer's yearly value, its gap to the target, and a comparison when a second offer was entered."""
    entered = offers(checklist, st)
    if not entered:
        return [Reply(text="No offer was entered, so there is nothing to value. Run the checklist again with "
                           "the offer's terms.")], {"summary": {}}
    main = value_terms(playbooks, st, entered[0][1])
    shown = {s.show for s in checklist.steps}
    replies: list[Reply] = []
    if len(entered) == 1:
        replies.append(valuation_reply(main, "Your offer per year"))
    summary: dict[str, Any] = {"total": round(main.total, 2), "base": main.base}
    target = money_answer(st, "target")
    gap = gap_text(playbooks, checklist, st)
    if gap and "target_gap" not in shown:
        replies.append(Reply(text=gap))
    if target is not None:
        summary["target"] = target
        summary["gap_to_target"] = round(target - main.total, 2)
    result: dict[str, Any] = {"summary": summary, "valuation": main.summary()}
    if len(entered) > 1:
        other = value_terms(playbooks, st, entered[1][1])
        replies.append(compare(main, other, ("This offer", "The other offer")))
        summary["second_total"] = round(other.total, 2)
        summary["difference"] = round(other.total - main.total, 2)
        result["valuation"] = {**main.summary(), "compared_with": other.summary()}
    tail = "\nDifferent assumptions? Type `assume NAME VALUE` at any step of a review to re-value the offer."
    replies[-1] = replies[-1].model_copy(update={"text": replies[-1].text + tail})
    return replies, result


def finish_close(playbooks: Playbooks, checklist: Checklist, st: ChecklistState) -> FinishResult:
    """A draft e-mail confirming the agreed terms in writing, shown and attached as a text file."""
    a = st.answers
    cur = st.currency or "USD"
    agreed = a.get("agreed_terms") if isinstance(a.get("agreed_terms"), dict) else main_offer(checklist, st)
    recipient = _plain(a.get("recipient"), 120)
    start = _plain(a.get("start_date_text"), 200)
    notes = _plain(a.get("extra_notes"), MAX_TEXT_CHARS)
    lines_plain: list[str] = []
    lines_markup: list[str] = []
    for key, amount in (agreed or {}).items():
        perk = playbooks.perks.get(key)
        if perk is None:
            continue
        shown = units.show(amount, perk, cur)
        review_month = st.assumptions.get("raise_review_after_months")
        if key == "raise_review" and review_month is not None:
            shown += f" after a review at month {figure(review_month)}"
        lines_plain.append(f"- {perk.label}: {shown}")
        lines_markup.append(f"- {perk.label}: {escape(shown, 80)}")
    if start:
        lines_plain.append(f"- Start date: {start}")
        lines_markup.append(f"- Start date: {escape(start, 200)}")
    if a.get("writing_promised") is True:
        ask_letter = ("As you kindly offered, I look forward to the updated offer letter with these terms, "
                      "and I'll sign it as soon as it arrives.")
    else:
        ask_letter = ("Could you please send me an updated offer letter that includes these terms? I'll sign "
                      "it as soon as it arrives.")
    email_to = recipient if recipient and re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", recipient) else ""
    greeting_name = "" if email_to or not recipient else recipient
    draft = [
        *([f"To: {email_to}"] if email_to else []),
        "Subject: Confirming the details of my offer",
        "",
        f"Hi {greeting_name}," if greeting_name else "Hello,",
        "",
        "Thank you again for the offer; I'm delighted to accept. So that we both have the same record, "
        "here is what we agreed:",
        "",
        *lines_plain,
        "",
        *([notes, ""] if notes else []),
        ask_letter,
        "",
        "Best regards,",
    ]
    content = "\n".join(draft) + "\n"
    markup = [
        "**Get it in writing.** Here is a draft to send back; the same text is attached to copy.",
        "",
        *([f"> To: {escape(email_to, 120)}"] if email_to else []),
        "> Subject: Confirming the details of my offer",
        f"> Hi {escape(greeting_name, 120)}," if greeting_name else "> Hello,",
        "> Thank you again for the offer; I'm delighted to accept. So that we both have the same record, "
        "here is what we agreed:",
        *lines_markup,
        *([f"> {escape(notes, 400)}"] if notes else []),
        f"> {ask_letter}",
        "> Best regards,",
    ]
    if not lines_plain:
        markup.append("No terms were entered: add them before you send it.")
    reply = Reply(text="\n".join(markup), attachment=Attachment(filename="offer-confirmation.txt",
                                                                content=content, mime="text/plain"))
    summary = {"email": content, "terms": dict(agreed or {})}
    return [reply], {"summary": summary}


SHOWS: dict[str, Show] = {
    "perk_values": show_perk_values,
    "offer_total": show_offer_total,
    "target_gap": show_target_gap,
}
FINISHES: dict[str, Finish] = {
    "prepare_summary": finish_prepare,
    "offer_review": finish_review,
    "close_email": finish_close,
}


def _plain(value: Any, limit: int) -> str:
    """User text for a plain-text file: cleaned, on one line, cut to `limit`."""
    if not isinstance(value, str):
        return ""
    text = clean_user_text(value).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
