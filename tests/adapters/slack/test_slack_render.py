"""Block Kit rendering of neutral replies: safe text, choices within Slack's limits, cards, tables."""

from __future__ import annotations

import json

import pytest

from adapters.slack.render import (
    ChoiceValue,
    attachment_as_code,
    escape_mrkdwn,
    render_reply,
    to_mrkdwn,
)
from bot.markup import escape
from bot.messages import Attachment, Card, CardField, Choice, ChoiceStyle, Reply, ReplyKind

OWNER = "UALICE0001"


def _all_text(message) -> str:
    return json.dumps(message.blocks) + message.text


def test_markup_becomes_mrkdwn():
    assert to_mrkdwn("**Anchor** high with `value`\n- first\n> quoted") == (
        "*Anchor* high with `value`\n• first\n> quoted"
    )


def test_bold_keeps_spaces_outside_the_markers():
    assert to_mrkdwn("**Well done **now") == "*Well done* now"


def test_user_text_embedded_by_the_core_cannot_ping_link_or_format():
    hostile = "<!here> <!channel|x> <@U123> <#C1|gen> <https://evil.example|click> *b* _i_ ~s~ `c` > q"
    message = render_reply(Reply(text=f"You said: {escape(hostile)}"), owner=OWNER, where="d")
    shown = _all_text(message)
    for bad in ("<!here>", "<!channel", "<@U123>", "<#C1", "<https://", "*b*", "_i_", "~s~", "`c`"):
        assert bad not in shown
    assert "&lt;!here&gt;" in shown  # still readable, just inert


def test_underscores_inside_words_stay_as_typed():
    assert escape_mrkdwn("base_salary and snake_case") == "base_salary and snake_case"


def test_a_few_short_choices_are_buttons_that_carry_their_owner():
    choices = (Choice(id="cmd:hint", label="Hint"),
               Choice(id="cmd:end", label="End and debrief", style=ChoiceStyle.danger))
    message = render_reply(Reply(text="Go on", choices=choices), owner=OWNER, where="d")
    actions = message.blocks[-1]
    assert actions["type"] == "actions"
    buttons = actions["elements"]
    assert [b["type"] for b in buttons] == ["button", "button"]
    assert buttons[1]["style"] == "danger" and "style" not in buttons[0]
    decoded = [ChoiceValue.decode(b["value"]) for b in buttons]
    assert decoded == [ChoiceValue(OWNER, "d", "cmd:hint"), ChoiceValue(OWNER, "d", "cmd:end")]
    assert len({b["action_id"] for b in buttons}) == 2


def test_more_than_five_choices_or_long_labels_become_a_select_with_every_choice():
    many = tuple(Choice(id=f"scenario:{i}", label=f"Scenario {i}") for i in range(7))
    select = render_reply(Reply(choices=many), owner=OWNER, where="d").blocks[-1]["elements"][0]
    assert select["type"] == "static_select"
    assert [o["text"]["text"] for o in select["options"]] == [c.label for c in many]

    long = (Choice(id="a", label="Ask what flexibility the team has on the start date"), Choice(id="b", label="No"))
    assert render_reply(Reply(choices=long), owner=OWNER, where="d").blocks[-1]["elements"][0]["type"] == (
        "static_select"
    )


def test_ids_stay_within_slack_limits_at_their_longest():
    choice = Choice(id="x" * 64, label="y" * 75)
    thread_place = "t1700000000.123456"
    select = render_reply(Reply(choices=(choice,) * 6), owner="W" + "9" * 19, where=thread_place)
    option = select.blocks[-1]["elements"][0]["options"][0]
    assert len(option["value"]) <= 150 and len(option["text"]["text"]) <= 75
    assert ChoiceValue.decode(option["value"]) == ChoiceValue("W" + "9" * 19, thread_place, "x" * 64)


def test_a_long_reply_is_split_into_sections_that_fit():
    text = "\n".join(f"line {i} " + "word " * 60 for i in range(40))
    message = render_reply(Reply(text=text), owner=OWNER, where="d")
    sections = [b for b in message.blocks if b["type"] == "section"]
    assert len(sections) > 1
    assert all(len(b["text"]["text"]) <= 3000 for b in sections)
    assert len(message.blocks) <= 50 and len(message.text) <= 3000


def test_recruiter_lines_name_the_speaker():
    message = render_reply(Reply(text="We can do 100k.", kind=ReplyKind.recruiter, speaker="Dana"),
                           owner=OWNER, where="d")
    assert "*Dana*" in message.blocks[0]["elements"][0]["text"]
    assert message.text.startswith("Dana: ")


def test_the_debrief_is_a_scorecard_with_a_header_and_fields():
    card = Card(title="Your scorecard: 7/10", fields=tuple(CardField(label=f"Skill {i}", value=f"{i % 3}/2")
                                                           for i in range(12)), footer="Try again soon")
    blocks = render_reply(Reply(text="Here is how it went.", kind=ReplyKind.debrief, cards=(card,)),
                          owner=OWNER, where="d").blocks
    assert blocks[0]["type"] == "header" and blocks[0]["text"]["text"] == "Your scorecard: 7/10"
    field_sections = [b for b in blocks if "fields" in b]
    assert [len(b["fields"]) for b in field_sections] == [10, 2]  # Slack allows ten fields per section
    assert blocks[-1]["type"] == "context"


def test_a_comparison_is_a_table_with_one_column_per_offer():
    a = Card(title="Offer A", fields=(CardField(label="Base salary", value="100,000"),
                                      CardField(label="Total", value="118,000")))
    b = Card(title="Offer B", fields=(CardField(label="Base salary", value="95,000"),
                                      CardField(label="PTO", value="30 days"),
                                      CardField(label="Total", value="121,000")))
    message = render_reply(Reply(text="B is worth more.", kind=ReplyKind.comparison, cards=(a, b)),
                           owner=OWNER, where="d")
    table = message.blocks[1]["text"]["text"]
    assert table.startswith("```") and table.endswith("```")
    rows = table.strip("`\n").split("\n")
    assert rows[0].split() == ["Offer", "A", "Offer", "B"]
    assert rows[1].split() == ["Base", "salary", "100,000", "95,000"]
    assert rows[2].split() == ["PTO", "—", "30", "days"]


def test_an_attachment_that_cannot_be_uploaded_arrives_as_a_code_block():
    content = json.dumps({"notes": "<!here> " + "x" * 5000})
    message = attachment_as_code(Attachment(filename="offer-coach-export.json", content=content))
    text = message.blocks[0]["text"]["text"]
    assert "```" in text and "<!here>" not in text and len(text) <= 3000
    assert "cut to fit" in text


def test_a_single_card_comparison_lines_up_labels_and_values():
    card = Card(title="Offer A vs Offer B, per year", fields=(
        CardField(label="Base salary", value="Offer A: $100,000 · Offer B: $95,000", inline=False),
        CardField(label="Total per year", value="Offer A: $118,000 · Offer B: $121,000", inline=False)),
        footer="Assumes 260 working days")
    blocks = render_reply(Reply(text="**Offer B** is worth more.", kind=ReplyKind.comparison, cards=(card,)),
                          owner=OWNER, where="d").blocks
    table = blocks[2]["text"]["text"].strip("`\n").split("\n")
    assert table == ["Base salary     Offer A: $100,000 · Offer B: $95,000",
                     "Total per year  Offer A: $118,000 · Offer B: $121,000"]
    assert blocks[-1]["type"] == "context"


def test_a_text_sent_again_is_rendered_from_what_was_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """A scenario's briefing, card values and menus come again and again: the second time their
    markup is not parsed again, and the message comes out the same."""
    from adapters.slack import render as slack_render

    briefing = ("**Offer below target, a designer at a health-tech company**\n"
                + "\n".join(f"- point {n}: what you know, with *no* `markup` <!here> surprises" for n in range(20)))
    reply = Reply(text=briefing, cards=(Card(title="The offer", fields=(
        CardField(label="Base salary", value="$84,000 a year"), CardField(label="Remote", value="- 2 days\n- flexible"),
    )),))
    first = slack_render.render_reply(reply, owner="U1", where="d")
    parsed: list[str] = []
    parse = slack_render.parse

    def counting(text: str) -> list[object]:
        parsed.append(text)
        return parse(text)  # type: ignore[return-value]

    monkeypatch.setattr(slack_render, "parse", counting)
    again = slack_render.render_reply(reply, owner="U1", where="d")
    assert (again.text, again.blocks) == (first.text, first.blocks)
    assert briefing not in parsed and "- 2 days\n- flexible" not in parsed
    long_text = "**long** " + "word " * 400  # past what is kept: rendered afresh each time
    slack_render.to_mrkdwn(long_text)
    slack_render.to_mrkdwn(long_text)
    assert parsed.count(long_text) == 2
