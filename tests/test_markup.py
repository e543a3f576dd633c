"""User text embedded in replies stays literal: it can't forge bold, code or quotes."""

from __future__ import annotations

from bot.markup import clean_user_text, escape, parse, plain


def test_escaped_user_text_cannot_open_bold_or_code() -> None:
    spans = parse("You said: " + escape("**free money** and `rm -rf` > quote"))[0].spans
    assert not any(s.bold or s.code for s in spans)
    assert "".join(s.text for s in spans) == "You said: **free money** and `rm -rf` > quote"


def test_bot_markup_is_parsed() -> None:
    line = parse("**Offer** for `base_salary`")[0]
    assert [(s.text, s.bold, s.code) for s in line.spans] == [
        ("Offer", True, False), (" for ", False, False), ("base_salary", False, True)]


def test_bullets_and_quotes_only_at_line_start() -> None:
    lines = parse("- one\n> two\nthree - four")
    assert [(ln.bullet, ln.quote) for ln in lines] == [(True, False), (False, True), (False, False)]
    assert plain("- a\n> b") == "• a\n> b"


def test_odd_unicode_is_cleaned_but_kept_readable() -> None:
    sneaky = "pay\u200b me\u202e 100k 🎉 שלום"
    assert clean_user_text(sneaky) == "pay me 100k 🎉 שלום"


def test_escape_cuts_long_text() -> None:
    assert len(escape("x" * 1000, 50)) == 50


def test_user_text_at_the_start_of_a_line_cannot_become_a_bullet() -> None:
    line = parse(escape("- not a bullet"))[0]
    assert not line.bullet and "".join(s.text for s in line.spans) == "- not a bullet"


def test_control_characters_are_dropped_from_plain_ascii_too() -> None:
    assert clean_user_text("pay\x00 me\x1b[31m 100k\nplease\t!") == "pay me[31m 100k\nplease\t!"
