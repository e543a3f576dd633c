"""The Slack renderer's shortcuts (issue 14: the turn's CPU) give what the long way gave, with less
work: counted (objects built, sections split), never timed."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.slack import render
from adapters.slack.render import ChoiceValue, choice_blocks, escape_mrkdwn, render_reply, text_sections
from bot.commands import main_menu
from bot.messages import Choice, ChoiceStyle, Reply, ReplyKind

OWNER = "UALICE0001"
_TEXTS = st.text(alphabet=st.sampled_from(list("ab _*~`&<>\\\n -")), max_size=40)


def _sections_the_long_way(mrkdwn: str) -> list[dict[str, object]]:
    """text_sections as it was before its shortcut: line by line."""
    blocks: list[dict[str, object]] = []
    chunk = ""
    for line in mrkdwn.split("\n"):
        while len(line) > render.SECTION_TEXT_LIMIT:
            if chunk:
                blocks.append({"type": "section", "text": render._mrkdwn(chunk)})
                chunk = ""
            blocks.append({"type": "section", "text": render._mrkdwn(line[:render.SECTION_TEXT_LIMIT])})
            line = line[render.SECTION_TEXT_LIMIT:]
        candidate = f"{chunk}\n{line}" if chunk else line
        if len(candidate) > render.SECTION_TEXT_LIMIT:
            blocks.append({"type": "section", "text": render._mrkdwn(chunk)})
            chunk = line
        else:
            chunk = candidate
    if chunk.strip():
        blocks.append({"type": "section", "text": render._mrkdwn(chunk)})
    return blocks


def _escaped_the_long_way(text: str) -> str:
    if frozenset("&<>*~`_").isdisjoint(text):
        return text
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if not frozenset("*~`").isdisjoint(text):
        text = text.translate(render._LOOKALIKES)
    return re.sub(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])", "＿", text) if "_" in text else text


@given(_TEXTS)
def test_short_texts_make_the_sections_the_long_way_makes(text: str) -> None:
    assert text_sections(text) == _sections_the_long_way(text)


@pytest.mark.parametrize("text", ["", "\n", " \n ", "\nled by a blank line", "x" * 2_999 + "\ny", "y" * 3_001,
                                  "a\n\nb\n", "line\n" * 700])
def test_edge_texts_make_the_sections_the_long_way_makes(text: str) -> None:
    assert text_sections(text) == _sections_the_long_way(text)


def test_a_short_reply_is_one_section_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []
    real = render._mrkdwn

    def counted(text: str) -> dict[str, object]:
        built.append(text)
        return real(text)

    monkeypatch.setattr(render, "_mrkdwn", counted)
    assert len(text_sections("First line.\n\nSecond, *bold* line.\n• a bullet")) == 1
    assert built == ["First line.\n\nSecond, *bold* line.\n• a bullet"]


@given(_TEXTS)
def test_escaping_finds_the_same_specials_as_before(text: str) -> None:
    assert escape_mrkdwn(text) == _escaped_the_long_way(text)


def test_buttons_build_no_choice_value_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[ChoiceValue] = []

    class Counted(ChoiceValue):
        def __post_init__(self) -> None:
            made.append(self)

    monkeypatch.setattr(render, "ChoiceValue", Counted)
    message = render_reply(Reply(text="Pick one", choices=main_menu()), owner=OWNER, where="d")
    assert made == []
    buttons = message.blocks[-1]["elements"]
    assert [ChoiceValue.decode(b["value"]) for b in buttons] == [
        ChoiceValue(OWNER, "d", choice.id) for choice in main_menu()]


def test_buttons_are_what_they_were() -> None:
    choices = (Choice(id="cmd:hint", label="Hint"), Choice(id="cmd:end", label="End", style=ChoiceStyle.danger),
               Choice(id="cmd:go", label="Go", style=ChoiceStyle.primary))
    [actions] = choice_blocks(choices, OWNER, "t123.4")
    assert actions["elements"] == [
        {"type": "button", "action_id": "oc.choice.0", "text": {"type": "plain_text", "text": "Hint", "emoji": True},
         "value": f"oc1|{OWNER}|t123.4|cmd:hint"},
        {"type": "button", "action_id": "oc.choice.1", "text": {"type": "plain_text", "text": "End", "emoji": True},
         "value": f"oc1|{OWNER}|t123.4|cmd:end", "style": "danger"},
        {"type": "button", "action_id": "oc.choice.2", "text": {"type": "plain_text", "text": "Go", "emoji": True},
         "value": f"oc1|{OWNER}|t123.4|cmd:go", "style": "primary"},
    ]
    assert all(type(button.get("style", "")) is str for button in actions["elements"])


def test_a_recruiter_line_renders_as_before() -> None:
    message = render_reply(Reply(text="Okay, 4 days a week works for us.", kind=ReplyKind.recruiter,
                                 speaker="Maya Chen"), owner=OWNER, where="d")
    assert message.text == "Maya Chen: Okay, 4 days a week works for us."
    assert message.blocks == [
        {"type": "context", "elements": [{"type": "mrkdwn", "text": ":speech_balloon: *Maya Chen* · in role",
                                          "verbatim": True}]},
        {"type": "section", "text": {"type": "mrkdwn", "text": "Okay, 4 days a week works for us.", "verbatim": True}},
    ]
