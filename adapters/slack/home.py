"""The App Home tab: the user's progress, drawn from ``CoachService.progress``, with buttons to go on.

Home buttons carry their owner like every other button, and a command word the adapter runs as
if the user had typed it in the DM (or, for "value", the offer form).
"""

from __future__ import annotations

from typing import Any

from adapters.slack.render import Block, ChoiceValue, escape_mrkdwn

HOME_ACTION_PREFIX = "oc.home."
HOME_PLACE = "h"
OPEN_VALUE_FORM = "form:value"
MAX_LISTED = 5


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:3000], "verbatim": True}}


def _button(label: str, command: str, owner: str, index: int, style: str | None = None) -> Block:
    button: Block = {
        "type": "button",
        "action_id": f"{HOME_ACTION_PREFIX}{index}",
        "text": {"type": "plain_text", "text": label, "emoji": True},
        "value": ChoiceValue(owner, HOME_PLACE, command).encode(),
    }
    if style:
        button["style"] = style
    return button


def _words(key: str) -> str:
    return escape_mrkdwn(key.replace("_", " ").replace("-", " "))


def _score(scores: Any) -> str:
    if isinstance(scores, dict) and scores and all(isinstance(v, int | float) for v in scores.values()):
        # Each technique is scored 0-2 by the coaching (bot/negotiation/coaching.py).
        return f"score {sum(scores.values()):g}/{2 * len(scores)}"
    return ""


def _practice_line(practice: dict[str, Any]) -> str:
    parts = [f"*{_words(str(practice.get('scenario', 'practice')))}*"]
    outcome = practice.get("outcome")
    if outcome:
        parts.append(escape_mrkdwn(str(outcome)))
    score = _score(practice.get("scores"))
    if score:
        parts.append(score)
    won = practice.get("money_won_per_year")
    if isinstance(won, int | float) and won:
        parts.append(f"{won:+,.0f} a year won")
    return "• " + " · ".join(parts)


def _checklist_line(checklist: dict[str, Any]) -> str:
    status = str(checklist.get("status", ""))
    where = f"step {int(checklist.get('step', 0)) + 1}, " if status != "done" else ""
    return f"• *{_words(str(checklist.get('checklist', 'checklist')))}*: {where}{escape_mrkdwn(status)}"


def _valuation_line(valuation: dict[str, Any]) -> str:
    total = next((valuation[k] for k in ("total_per_year", "total", "yearly_total") if k in valuation), None)
    currency = escape_mrkdwn(str(valuation.get("currency", "")))
    when = escape_mrkdwn(str(valuation.get("at", ""))[:10])
    if isinstance(total, int | float):
        return f"Your last offer valued: *{total:,.0f} {currency}* a year, all perks counted ({when})."
    return f"You last valued an offer on {when}."


def home_view(progress: dict[str, Any], owner: str) -> dict[str, Any]:
    """The Home tab view for one user."""
    blocks: list[Block] = [{"type": "header", "text": {"type": "plain_text", "text": "Offer Coach"}}]
    buttons = [
        _button("Practise a negotiation", "scenarios", owner, 0, "primary"),
        _button("Value an offer", OPEN_VALUE_FORM, owner, 1),
        _button("Checklists", "checklist", owner, 2),
        _button("Help", "help", owner, 3),
    ]
    blocks.append(_section("Rehearse a job-offer negotiation with a recruiter who plays along, "
                           "then get a scorecard. Everything happens in the *Messages* tab."))
    blocks.append({"type": "actions", "block_id": "oc.home.start", "elements": buttons})
    blocks.append({"type": "divider"})
    if progress.get("unavailable"):
        blocks.append(_section("Your progress can't be shown just now. Your practices are safe; "
                               "try opening this tab again in a minute."))
        return {"type": "home", "blocks": blocks}

    in_progress = progress.get("practice_in_progress")
    if isinstance(in_progress, dict):
        blocks.append({
            **_section(f"*In progress:* {_words(str(in_progress.get('scenario', '')))}, "
                       f"{int(in_progress.get('turns', 0))} turns so far."),
            "accessory": _button("Resume", "resume", owner, 4, "primary"),
        })

    done = int(progress.get("practices_done", 0) or 0)
    agreed = int(progress.get("agreements", 0) or 0)
    practices = [p for p in progress.get("practices", []) if isinstance(p, dict)]
    if done:
        lines = [_practice_line(p) for p in practices[:MAX_LISTED]]
        blocks.append(_section(f"*Practices done: {done}* ({agreed} ended in agreement)\n" + "\n".join(lines)))
    else:
        blocks.append(_section("*No practice yet.* Your first takes about ten minutes."))

    checklists = [c for c in progress.get("checklists", []) if isinstance(c, dict)]
    if checklists:
        blocks.append(_section("*Checklists*\n" + "\n".join(_checklist_line(c) for c in checklists[:MAX_LISTED])))
        open_ones = [c for c in checklists if c.get("status") != "done"][:3]
        if open_ones:
            blocks.append({"type": "actions", "block_id": "oc.home.checklists", "elements": [
                _button(f"Resume {str(c.get('checklist', ''))[:40]}", f"checklist {c.get('checklist', '')}",
                        owner, 10 + i) for i, c in enumerate(open_ones)
            ]})

    valuation = progress.get("last_valuation")
    if isinstance(valuation, dict):
        blocks.append(_section(_valuation_line(valuation)))
    return {"type": "home", "blocks": blocks[:100]}
