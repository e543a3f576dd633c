"""The offer form: a modal for `value`, where typing every term in one line is error-prone.

The submission becomes the same `value …` text a user could type, so the core reads it one way.
"""

from __future__ import annotations

import re
from typing import Any

VALUE_CALLBACK = "oc.value"
CURRENCIES = ("USD", "EUR", "GBP", "ILS", "CAD", "AUD", "CHF", "INR")

# (block id, label, placeholder, words put after the number, kind)
_FIELDS: tuple[tuple[str, str, str, str, str], ...] = (
    ("base", "Base salary (a year)", "e.g. 120000 or 120k", "base {n} {cur}", "money"),
    ("bonus", "Target bonus (% of base)", "e.g. 10", "{n}% bonus", "number"),
    ("signon", "Sign-on bonus", "e.g. 10k", "sign-on bonus {n} {cur}", "money"),
    ("equity", "Equity (value a year)", "e.g. 20k", "equity {n} {cur}", "money"),
    ("pto", "Paid days off (a year)", "e.g. 25", "{n} days pto", "number"),
    ("remote", "Remote days (a week)", "e.g. 2", "{n} remote days", "number"),
    ("pension", "Retirement match (%)", "e.g. 5", "{n}% pension match", "number"),
)
_NUMBER = re.compile(r"^\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*([kKmM]?)\s*%?\s*$")
COMPARE_BLOCK = "compare"


def value_modal(owner: str) -> dict[str, Any]:
    """The modal view; `private_metadata` names who opened it."""
    blocks: list[dict[str, Any]] = [{
        "type": "input", "block_id": "currency", "optional": True,
        "label": {"type": "plain_text", "text": "Currency"},
        "element": {"type": "static_select", "action_id": "v",
                    "initial_option": _option("USD"), "options": [_option(c) for c in CURRENCIES]},
    }]
    for block_id, label, placeholder, _words, _kind in _FIELDS:
        blocks.append({
            "type": "input", "block_id": block_id, "optional": block_id != "base",
            "label": {"type": "plain_text", "text": label},
            "element": {"type": "plain_text_input", "action_id": "v", "max_length": 20,
                        "placeholder": {"type": "plain_text", "text": placeholder}},
        })
    blocks.append({
        "type": "input", "block_id": COMPARE_BLOCK, "optional": True,
        "label": {"type": "plain_text", "text": "Compare with another offer (optional)"},
        "hint": {"type": "plain_text", "text": "In your own words, e.g. base 110k, 20 days pto"},
        "element": {"type": "plain_text_input", "action_id": "v", "max_length": 300},
    })
    return {
        "type": "modal", "callback_id": VALUE_CALLBACK, "private_metadata": owner,
        "title": {"type": "plain_text", "text": "Value an offer"},
        "submit": {"type": "plain_text", "text": "Value it"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": blocks,
    }


def _option(text: str) -> dict[str, Any]:
    return {"text": {"type": "plain_text", "text": text}, "value": text}


def _read_number(raw: str) -> float | None:
    match = _NUMBER.match(raw)
    if not match:
        return None
    number = float(match.group(1).replace(",", ""))
    return number * {"": 1, "k": 1_000, "m": 1_000_000}[match.group(2).lower()]


def _input_value(values: dict[str, Any], block_id: str) -> str:
    element = values.get(block_id, {}).get("v", {})
    if element.get("type") == "static_select":
        return str((element.get("selected_option") or {}).get("value") or "")
    return str(element.get("value") or "")


def value_text(values: dict[str, Any]) -> tuple[str | None, dict[str, str]]:
    """The `value …` command from a submitted form, or the errors to show by each field."""
    currency = _input_value(values, "currency") or "USD"
    if currency not in CURRENCIES:
        currency = "USD"
    parts: list[str] = []
    errors: dict[str, str] = {}
    for block_id, _label, _placeholder, words, kind in _FIELDS:
        raw = _input_value(values, block_id).strip()
        if not raw:
            if block_id == "base":
                errors[block_id] = "The base salary is needed to value the perks."
            continue
        number = _read_number(raw)
        if number is None:
            errors[block_id] = "Please give a number, like 120000 or 120k."
            continue
        if kind == "number" and number > 1000:
            errors[block_id] = "That looks too large for this field."
            continue
        parts.append(words.format(n=f"{number:g}" if number < 1e6 else f"{number:.0f}", cur=currency))
    if errors:
        return None, errors
    text = "value " + ", ".join(parts)
    other = _input_value(values, COMPARE_BLOCK).strip().replace("\n", " ")
    if other:
        text += " vs " + other
    return text, {}
