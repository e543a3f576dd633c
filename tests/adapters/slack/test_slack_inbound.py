"""Reading what Slack sends: wire-format text made plain, and the offer form read into a command."""

from __future__ import annotations

from adapters.slack.inbound import slack_to_plain, strip_leading_mention
from adapters.slack.modals import value_text


def test_slack_wire_text_becomes_plain_words():
    wire = "<@U123ABC> can we do <!here|here> &lt;120k&gt; &amp; more? see <https://levels.fyi|levels> <#C1|comp>"
    assert slack_to_plain(wire) == "@U123ABC can we do @here <120k> & more? see levels #comp"


def test_escaped_brackets_a_user_typed_stay_text():
    assert slack_to_plain("&lt;@U999&gt; is not a mention") == "<@U999> is not a mention"


def test_the_leading_mention_of_the_bot_is_dropped_and_others_kept():
    assert strip_leading_mention("<@UBOT1>, practice startup", "UBOT1") == "practice startup"
    assert strip_leading_mention("<@UOTHER> practice", "UBOT1") == "<@UOTHER> practice"


def _form(**fields: str | None) -> dict:
    return {block: {"v": {"type": "plain_text_input", "value": value}} for block, value in fields.items()}


def test_the_offer_form_reads_shorthand_numbers_into_the_value_command():
    form = _form(base="120,000", bonus="10", signon="1.5k", pto="25", remote=" 2 ", compare="base 110k")
    text, errors = value_text(form)
    assert errors == {}
    assert text == "value base 120000 USD, 10% bonus, sign-on bonus 1500 USD, 25 days pto, 2 remote days vs base 110k"


def test_the_offer_form_points_at_each_field_it_cannot_use():
    text, errors = value_text(_form(base="", bonus="lots", pto="5000"))
    assert text is None
    assert set(errors) == {"base", "bonus", "pto"}
