"""How replies look in Discord: escaping, splitting within limits, components and embeds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.discord import render, views
from bot import markup
from bot.messages import Attachment, Card, CardField, Choice, ChoiceStyle, Reply, ReplyKind

OWNER = 987654321098765432

# Discord markdown that, unescaped, would change how the text looks or who it pings.
FORGERIES = [
    "@everyone", "@here", "<@123456>", "<@&42>", "<#77>", "**bold**", "__underline__", "~~strike~~",
    "||spoiler||", "[click](https://evil.example)", "<t:0:R>", "`code`", "```block```",
]


def _unescaped(content: str, token: str) -> bool:
    """Whether `token` appears in the content with none of its special characters escaped."""
    index = content.find(token)
    while index != -1:
        if index == 0 or content[index - 1] != "\\":
            return True
        index = content.find(token, index + 1)
    return False


@pytest.mark.parametrize("forgery", FORGERIES)
def test_user_text_embedded_by_the_core_cannot_forge_formatting_or_mentions(forgery: str) -> None:
    reply = Reply(text=f"You said: {markup.escape(forgery)}")
    [message] = render.render_reply(reply, OWNER)
    assert message.content is not None
    assert not _unescaped(message.content, forgery)


@pytest.mark.parametrize("line_start", ["# Heading", "## Heading", "-# small", "> quote", "1. item"])
def test_user_text_at_the_start_of_a_line_cannot_become_a_heading_list_or_quote(line_start: str) -> None:
    [message] = render.render_reply(Reply(text=markup.escape(line_start)), OWNER)
    assert message.content is not None
    assert message.content.startswith("\\")


def test_the_bots_own_markup_becomes_discord_markdown() -> None:
    [message] = render.render_reply(Reply(text="**Offer** with `code`\n- a bullet\n> a quote"), OWNER)
    assert message.content == "**Offer** with `code`\n- a bullet\n> a quote"


def test_links_in_text_stay_clickable() -> None:
    [message] = render.render_reply(Reply(text="Read https://example.com/a_guide_to_offers first"), OWNER)
    assert "https://example.com/a_guide_to_offers" in (message.content or "")


def test_long_text_is_split_at_line_boundaries_within_2000_characters() -> None:
    lines = [f"Line {i}: " + "word " * 30 for i in range(40)]
    messages = render.render_reply(Reply(text="\n".join(lines)), OWNER)
    assert len(messages) > 1
    assert all(len(m.content or "") <= render.CONTENT_LIMIT for m in messages)
    rejoined = "\n".join(m.content or "" for m in messages)
    assert [ln.strip() for ln in rejoined.split("\n")] == [ln.strip() for ln in lines]


def test_a_single_huge_bold_line_is_split_without_breaking_bold_or_escapes() -> None:
    text = "**" + markup.escape("a*b_c " * 900, limit=None) + "**"
    messages = render.render_reply(Reply(text=text), OWNER)
    assert len(messages) > 1
    for message in messages:
        content = message.content or ""
        assert len(content) <= render.CONTENT_LIMIT
        assert content.startswith("**") and content.endswith("**")
        # every special character stays escaped: no dangling backslash at a cut
        assert not re.search(r"(?<!\\)[*_](?!\*)", content.strip("*"))


def test_up_to_five_choices_are_buttons_carrying_owner_and_choice() -> None:
    choices = (*(Choice(id=f"pick:{i}", label=f"Option {i}") for i in range(3)),
               Choice(id="end", label="End", style=ChoiceStyle.danger))
    [message] = render.render_reply(Reply(text="Pick one", choices=choices), OWNER)
    assert message.view is not None
    components = message.view.to_components()
    buttons = [c for row in components for c in row["components"]]
    assert [b["label"] for b in buttons] == ["Option 0", "Option 1", "Option 2", "End"]
    assert [views.parse_custom_id(b["custom_id"]) for b in buttons] == [
        (OWNER, "pick:0"), (OWNER, "pick:1"), (OWNER, "pick:2"), (OWNER, "end")]
    assert buttons[-1]["style"] == 4  # danger
    assert message.view.timeout is None


def test_more_than_five_choices_become_a_select_with_choice_ids_as_values() -> None:
    choices = tuple(Choice(id=f"scenario:{i}", label=f"Scenario {i}") for i in range(7))
    [message] = render.render_reply(Reply(text="Which one?", choices=choices), OWNER)
    assert message.view is not None
    [row] = message.view.to_components()
    [select] = row["components"]
    assert select["type"] == 3
    assert views.parse_custom_id(select["custom_id"]) == (OWNER, None)
    assert [o["value"] for o in select["options"]] == [c.id for c in choices]


def test_choices_beyond_five_menus_are_still_shown_as_text() -> None:
    choices = tuple(Choice(id=f"c{i}", label=f"Choice {i}") for i in range(130))
    messages = render.render_reply(Reply(text="Many", choices=choices), OWNER)
    view = messages[-1].view
    assert view is not None
    selects = [c for row in view.to_components() for c in row["components"]]
    assert len(selects) == 5 and all(len(s["options"]) <= 25 for s in selects)
    text = "\n".join(m.content or "" for m in messages)
    assert all(f"Choice {i}" in text for i in range(125, 130))


def test_custom_ids_fit_discord_with_the_longest_ids() -> None:
    custom_id = views.button_custom_id(18446744073709551615, "x" * 64)
    assert len(custom_id) <= 100
    assert views.parse_custom_id(custom_id) == (18446744073709551615, "x" * 64)
    assert views.parse_custom_id("someone-elses:button") is None


def test_recruiter_lines_show_the_speaker_and_quote_the_words() -> None:
    [message] = render.render_reply(
        Reply(kind=ReplyKind.recruiter, speaker="Maya Chen", text="We can do **$150k**."), OWNER)
    assert message.content == "**Maya Chen**\n> We can do **$150k**."


def test_a_debrief_is_a_scorecard_of_embeds_within_every_limit() -> None:
    card = Card(title="Your scorecard", footer="Practise again any time",
                fields=tuple(CardField(label=f"Technique {i}", value="evidence " * 80) for i in range(40)))
    messages = render.render_reply(Reply(kind=ReplyKind.debrief, text="**Debrief**\nWell done.",
                                         cards=(card,)), OWNER)
    embeds = [e for m in messages for e in m.embeds]
    assert embeds[0].title == "Debrief" and embeds[0].description == "Well done."
    fields = [f for e in embeds for f in e.fields]
    assert [f.name for f in fields] == [f"Technique {i}" for i in range(40)]
    for message in messages:
        assert len(message.embeds) <= render.EMBEDS_PER_MESSAGE
        assert sum(len(e) for e in message.embeds) <= render.EMBED_TOTAL_LIMIT
        for embed in message.embeds:
            assert len(embed.fields) <= render.FIELDS_PER_EMBED
            assert all(len(f.value or "") <= render.FIELD_VALUE_LIMIT for f in embed.fields)
    assert embeds[-1].footer.text == "Practise again any time"


def test_a_comparison_lays_offers_out_as_inline_fields() -> None:
    offers = tuple(Card(title=name, fields=(CardField(label="Base", value="$150,000"),
                                             CardField(label="PTO", value="25 days")))
                   for name in ("Offer A", "Offer B"))
    [message] = render.render_reply(Reply(kind=ReplyKind.comparison, text="Side by side", cards=offers), OWNER)
    assert [e.title for e in message.embeds[1:]] == ["Offer A", "Offer B"]
    assert all(f.inline for e in message.embeds[1:] for f in e.fields)


def test_an_attachment_becomes_a_file_on_the_last_message() -> None:
    attachment = Attachment(filename="offer-coach-export.json", content='{"a": 1}')
    [message] = render.render_reply(Reply(text="Your data", attachment=attachment), OWNER)
    file = message.file()
    assert file is not None and file.filename == "offer-coach-export.json"
    assert file.fp.read() == b'{"a": 1}'


def test_privacy_flags_travel_with_every_message_of_a_reply() -> None:
    messages = render.render_reply(Reply(text="x\n" * 3000, move_to_private=True, ephemeral=True), OWNER)
    assert len(messages) > 1
    assert all(m.private and m.ephemeral for m in messages)


def _discord_unescape(content: str) -> str:
    return re.sub(r"\\([^0-9A-Za-z\s])", r"\1", content)


@given(st.text(alphabet=st.sampled_from(list("ab #-_*~`|<>[]()@:!.1\\ \n")), max_size=300))
@settings(max_examples=300, deadline=None)
def test_any_user_text_reads_back_exactly_and_no_special_character_is_left_active(typed: str) -> None:
    expected = markup.escape(typed, limit=None)
    messages = render.render_reply(Reply(text=f"You said: {expected}"), OWNER)
    content = "\n".join(m.content or "" for m in messages)
    assert _discord_unescape(content) == markup.plain(f"You said: {expected}")
    assert not re.search(r"(?<!\\)(?:\\\\)*[*_~`|<>\[\]@]", content.replace("\\\\", ""))


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text markup.parse is given from now on, in order."""
    parsed: list[str] = []
    parse = markup.parse

    def counting(text: str) -> list[markup.Line]:
        parsed.append(text)
        return parse(text)

    monkeypatch.setattr(markup, "parse", counting)
    return parsed


def test_a_text_sent_again_is_rendered_from_what_was_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """A scenario's briefing, a card's labels and values and the menus come again and again: the
    second time they are not parsed again, and they come out the same."""
    briefing = ("**Offer below target, a designer at a health-tech company**\n"
                + "\n".join(f"- point {n}: what you know, with _no_ `markup` surprises" for n in range(20)))
    reply = Reply(text=briefing, cards=(Card(title="The offer", fields=(
        CardField(label="Base salary", value="$84,000 a year"), CardField(label="Remote", value="- 2 days\n- flexible"),
    )),))
    first = [render.message_kwargs(out) for out in render.render_reply(reply, 42)]
    parsed = _count_parses(monkeypatch)
    again = [render.message_kwargs(out) for out in render.render_reply(reply, 42)]
    assert [kw.get("content") for kw in again] == [kw.get("content") for kw in first]
    assert [[e.to_dict() for e in kw.get("embeds", [])] for kw in again] == \
        [[e.to_dict() for e in kw.get("embeds", [])] for kw in first]
    assert briefing not in parsed and "- 2 days\n- flexible" not in parsed
    long_text = "**long** " + "word " * 400  # past what is kept: rendered afresh each time, never kept
    render.render_markup(long_text, render.CONTENT_LIMIT)
    render.render_markup(long_text, render.CONTENT_LIMIT)
    assert parsed.count(long_text) == 2


def _recruiter_parsed(reply: Reply) -> list[str]:
    """The recruiter's message as the general path renders it: every line parsed, then quoted."""
    lines = [f"**{render.escape_text(reply.speaker or 'Recruiter')}**"]
    for line in markup.parse(reply.text):
        lines.extend(render._split_line(markup.Line(line.spans, bullet=False, quote=True), render.CONTENT_LIMIT))
    return render._pack(lines, render.CONTENT_LIMIT)


@given(st.text(alphabet=st.sampled_from(list("ab #->_*~`|<[]()@:!.1\\ \n")), min_size=1, max_size=300))
@settings(max_examples=300, deadline=None)
def test_a_recruiter_line_renders_as_the_general_path_would(text: str) -> None:
    reply = Reply(kind=ReplyKind.recruiter, speaker="Maya *Chen*", text=text)
    assert render._recruiter_text(reply) == _recruiter_parsed(reply)


def test_a_plain_recruiter_line_is_quoted_without_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = _count_parses(monkeypatch)
    line = "I can stretch to $158,000 on base, if you can start in two weeks. <@everyone> [link](x)"
    [message] = render.render_reply(Reply(kind=ReplyKind.recruiter, speaker="Maya Chen", text=line), OWNER)
    assert message.content == ("**Maya Chen**\n> I can stretch to $158,000 on base, if you can start in two "
                               "weeks. \\<\\@everyone\\> \\[link\\](x)")
    assert parsed == []


def _count_escapes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the renderer escapes from now on."""
    escaped: list[str] = []
    escape = render.escape_text

    def counting(text: str, *, line_start: bool = False) -> str:
        escaped.append(text)
        return escape(text, line_start=line_start)

    monkeypatch.setattr(render, "escape_text", counting)
    return escaped


def _offer_card(base: str) -> Card:
    # A new Card each time, as every turn parses its state afresh: equal content, different objects.
    return Card(title="The offer *as it stands*", footer="Numbers are yearly", fields=(
        CardField(label="Base salary", value=base), CardField(label="Sign-on bonus", value="$5,000"),
        CardField(label="Paid time off", value="20 days", inline=False)))


def test_a_card_shown_again_is_laid_out_from_what_was_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """The offer card is the same for every user of a scenario, and comes back with `status`: its
    title, labels and values are escaped once, and every send still gets embeds of its own."""
    first = render.render_reply(Reply(text="Where we are:", cards=(_offer_card("$84,000"),)), OWNER)
    escaped = _count_escapes(monkeypatch)
    again = render.render_reply(Reply(text="Where we are:", cards=(_offer_card("$84,000"),)), OWNER)
    assert [e.to_dict() for m in again for e in m.embeds] == [e.to_dict() for m in first for e in m.embeds]
    assert escaped == []
    assert again[0].embeds[0] is not first[0].embeds[0]
    changed = render.render_reply(Reply(text="Where we are:", cards=(_offer_card("$90,000"),)), OWNER)
    assert [f.value for f in changed[0].embeds[0].fields] == ["$90,000", "$5,000", "20 days"]


def test_a_cards_sizes_are_what_discord_counts() -> None:
    """_assemble packs embeds by the sizes card_embeds measured as it laid them out."""
    card = Card(title="Scorecard", footer="Practise again any time",
                fields=tuple(CardField(label=f"Technique {i}", value="evidence " * (10 * i)) for i in range(40)))
    sized = render._card_embeds_sized(card, render.DEBRIEF_COLOUR)
    assert len(sized) > 1
    assert [size for _embed, size in sized] == [len(embed) for embed, _size in sized]


def test_a_recruiter_line_said_again_is_quoted_from_what_was_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    line = "Hi, it's Carla from Brightwell!\nI'm so glad we got here: **$84,000** base, 20 days off."
    first = render.render_reply(Reply(kind=ReplyKind.recruiter, speaker="Carla", text=line), OWNER)
    parsed = _count_parses(monkeypatch)
    escaped = _count_escapes(monkeypatch)
    again = render.render_reply(Reply(kind=ReplyKind.recruiter, speaker="Carla", text=line), OWNER)
    assert [m.content for m in again] == [m.content for m in first]
    assert parsed == [] and escaped == []


def test_a_card_too_long_for_one_message_is_laid_out_each_time_and_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    card = Card(title="Transcript", fields=tuple(CardField(label=f"Turn {i}", value="said " * 150) for i in range(10)))
    first = render.card_embeds(card, render.CARD_COLOUR)
    escaped = _count_escapes(monkeypatch)
    again = render.card_embeds(card, render.CARD_COLOUR)
    assert [e.to_dict() for e in again] == [e.to_dict() for e in first]
    assert escaped  # laid out afresh: long cards would fill the kept layouts with text that seldom repeats
