"""Persistent buttons and selects: every custom_id carries the owner and what was picked.

A component's custom_id is ``oc:b:<owner id>:<choice id>`` for a button and ``oc:s:<owner id>:<n>``
for a select (whose option values are choice ids). Both are :class:`discord.ui.DynamicItem`\\s,
registered once at start-up, so a click is understood from the id alone: it works after a restart,
on any shard, with no view waiting in memory and no timeout.

A message's components are sent as :class:`ChoiceComponents`: the owner and the choices, made into
Discord's component payload from a template kept per set of choices (the same few sets, the practice's
buttons and the debrief's, come again and again), so a message sent to a channel builds no
:class:`discord.ui.View` and no items; a view is built only where discord.py needs one (an
interaction's response, a follow-up).

A click is handed to ``interaction.client`` when it is a :class:`ChoiceHandler`; this module never
imports the client, so the dependency points one way (client → views).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import discord

from bot.messages import Choice, ChoiceStyle

if TYPE_CHECKING:
    from discord import Interaction

logger = logging.getLogger(__name__)

PREFIX = "oc"
MAX_BUTTONS = 5  # one row; more choices read better as a menu
MAX_SELECT_OPTIONS = 25
MAX_ROWS = 5
CUSTOM_ID_LIMIT = 100
BUTTON_LABEL_LIMIT = 80
OPTION_LABEL_LIMIT = 100

NOT_YOURS = "Those buttons belong to someone else's session, so I left them alone. Start your own with `/practice`."

_BUTTON_TEMPLATE = re.compile(rf"{PREFIX}:b:(?P<owner>[0-9]{{1,20}}):(?P<choice>.{{1,64}})", re.DOTALL)
_SELECT_TEMPLATE = re.compile(rf"{PREFIX}:s:(?P<owner>[0-9]{{1,20}}):(?P<index>[0-9])")

_STYLES = {
    ChoiceStyle.default: discord.ButtonStyle.secondary,
    ChoiceStyle.primary: discord.ButtonStyle.primary,
    ChoiceStyle.danger: discord.ButtonStyle.danger,
}


@runtime_checkable
class ChoiceHandler(Protocol):
    """What a click is handed to: the client, found through ``interaction.client``."""

    async def handle_choice(self, interaction: Interaction[Any], choice_id: str) -> None: ...


async def _hand_over(interaction: Interaction[Any], choice_id: str) -> None:
    handler = interaction.client
    if not isinstance(handler, ChoiceHandler):
        logger.warning("a coach button was clicked on a client that does not handle it")
        await interaction.response.defer()
        return
    await handler.handle_choice(interaction, choice_id)


def button_custom_id(owner_id: int, choice_id: str) -> str:
    custom_id = f"{PREFIX}:b:{owner_id}:{choice_id}"
    if len(custom_id) > CUSTOM_ID_LIMIT:  # a Choice id is at most 64 characters, a snowflake 20 digits
        raise ValueError("choice id too long for a Discord custom_id")
    return custom_id


def select_custom_id(owner_id: int, index: int) -> str:
    return f"{PREFIX}:s:{owner_id}:{index}"


def parse_custom_id(custom_id: str) -> tuple[int, str | None] | None:
    """(owner id, choice id) for a button, (owner id, None) for a select; None when not ours."""
    if m := _BUTTON_TEMPLATE.fullmatch(custom_id):
        return int(m["owner"]), m["choice"]
    if m := _SELECT_TEMPLATE.fullmatch(custom_id):
        return int(m["owner"]), None
    return None


async def _owner_check(interaction: Interaction[Any], owner_id: int) -> bool:
    if interaction.user.id == owner_id:
        return True
    # Refused before the service sees it: someone else's click must not move the owner's session.
    await interaction.response.send_message(NOT_YOURS, ephemeral=True,
                                            allowed_mentions=discord.AllowedMentions.none())
    return False


def _short(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


class ChoiceButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=_BUTTON_TEMPLATE):
    def __init__(self, owner_id: int, choice_id: str, *, label: str | None = None,
                 style: discord.ButtonStyle = discord.ButtonStyle.secondary) -> None:
        super().__init__(discord.ui.Button(label=_short(label or choice_id, BUTTON_LABEL_LIMIT), style=style,
                                           custom_id=button_custom_id(owner_id, choice_id)))
        self.owner_id = owner_id
        self.choice_id = choice_id

    @classmethod
    async def from_custom_id(cls, interaction: Interaction[Any], item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> ChoiceButton:
        label = getattr(item, "label", None)
        style = getattr(item, "style", discord.ButtonStyle.secondary)
        return cls(int(match["owner"]), match["choice"], label=label, style=style)

    async def interaction_check(self, interaction: Interaction[Any], /) -> bool:
        return await _owner_check(interaction, self.owner_id)

    async def callback(self, interaction: Interaction[Any]) -> None:
        await _hand_over(interaction, self.choice_id)


class ChoiceSelect(discord.ui.DynamicItem[discord.ui.Select[Any]], template=_SELECT_TEMPLATE):
    def __init__(self, owner_id: int, index: int, options: Sequence[discord.SelectOption] = ()) -> None:
        super().__init__(discord.ui.Select(custom_id=select_custom_id(owner_id, index), options=list(options),
                                           placeholder="Choose…", min_values=1, max_values=1))
        self.owner_id = owner_id

    @classmethod
    async def from_custom_id(cls, interaction: Interaction[Any], item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> ChoiceSelect:
        options = getattr(item, "options", [])
        return cls(int(match["owner"]), int(match["index"]), options)

    async def interaction_check(self, interaction: Interaction[Any], /) -> bool:
        return await _owner_check(interaction, self.owner_id)

    async def callback(self, interaction: Interaction[Any]) -> None:
        values = self.item.values
        if not values:
            await interaction.response.defer()
            return
        await _hand_over(interaction, values[0])


DYNAMIC_ITEMS = (ChoiceButton, ChoiceSelect)


def _view(owner_id: int, shown: Sequence[Choice]) -> discord.ui.View:
    """A finished view of choices that fit (:func:`choice_components` decides which do): up to five
    are buttons in one row; more become menus of up to 25 options each."""
    view = discord.ui.View(timeout=None)
    if len(shown) <= MAX_BUTTONS:
        for choice in shown:
            view.add_item(ChoiceButton(owner_id, choice.id, label=choice.label, style=_STYLES[choice.style]))
        return view
    for index, start in enumerate(range(0, len(shown), MAX_SELECT_OPTIONS)):
        options = [discord.SelectOption(label=_short(c.label, OPTION_LABEL_LIMIT), value=c.id)
                   for c in shown[start : start + MAX_SELECT_OPTIONS]]
        view.add_item(ChoiceSelect(owner_id, index, options))
    return view


def disabled_copy(view: discord.ui.View | None, picked_custom_id: str | None) -> discord.ui.View | None:
    """The clicked message's components, greyed out, with the picked button highlighted.

    Disabling them answers the click at once and stops a double click from sending the same choice twice.
    """
    if view is None:
        return None
    for item in view.walk_children():
        if isinstance(item, discord.ui.Button):
            item.disabled = True
            if picked_custom_id is not None and item.custom_id != picked_custom_id:
                item.style = discord.ButtonStyle.secondary
        elif isinstance(item, discord.ui.Select):
            item.disabled = True
    return view


# Templates are built with this owner and given the real one per message; a snowflake is never 0.
_TEMPLATE_OWNER = 0
KEPT_TEMPLATES = 256


def _unique(choices: Sequence[Choice]) -> tuple[Choice, ...]:
    unique: list[Choice] = []
    seen: set[str] = set()
    for choice in choices:
        if choice.id not in seen:  # two components with one custom_id would be rejected by Discord
            seen.add(choice.id)
            unique.append(choice)
    return tuple(unique)


@lru_cache(maxsize=KEPT_TEMPLATES)
def _template(shown: tuple[tuple[str, str, ChoiceStyle], ...]) -> tuple[dict[str, Any], ...]:
    """Discord's component rows for these (id, label, style) choices, owned by the template owner:
    built by discord.py's own items, once per set of choices."""
    view = _view(_TEMPLATE_OWNER, [Choice(id=choice_id, label=label, style=style) for choice_id, label, style in shown])
    view.stop()
    return tuple(view.to_components())


def _owned(custom_id: str, owner_id: int) -> str:
    # "oc:b:0:<choice>" or "oc:s:0:<n>": the owner sits after the kind.
    head = len(PREFIX) + 3
    return f"{custom_id[:head]}{owner_id}{custom_id[head + 1:]}"


@dataclass(frozen=True)
class ChoiceComponents:
    """The components of one message: the choices shown, owned by the user who may click them."""

    owner_id: int
    shown: tuple[Choice, ...]

    def rows(self) -> list[dict[str, Any]]:
        """Discord's component payload, as :meth:`view`'s ``to_components()`` would give it."""
        return [{**row, "components": [{**item, "custom_id": _owned(item["custom_id"], self.owner_id)}
                                       for item in row["components"]]}
                for row in _template(tuple((c.id, c.label, c.style) for c in self.shown))]

    def view(self) -> discord.ui.View:
        """The same components as a finished view, for the discord.py calls that need one."""
        view = _view(self.owner_id, self.shown)
        view.stop()  # the items are dynamic: discord.py need not keep this view in memory
        return view


def choice_components(owner_id: int, choices: Sequence[Choice]) -> tuple[ChoiceComponents | None, list[Choice]]:
    """The components for the choices, and any that did not fit (the caller lists those in text)."""
    unique = _unique(choices)
    if not unique:
        return None, []
    capacity = MAX_BUTTONS if len(unique) <= MAX_BUTTONS else MAX_SELECT_OPTIONS * MAX_ROWS
    return ChoiceComponents(owner_id, unique[:capacity]), list(unique[capacity:])
