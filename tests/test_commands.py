"""The command catalogue drives help and routing, and choice ids keep the exact shape buttons carry."""

from __future__ import annotations

import pytest

from bot.commands import (
    CATALOGUE,
    COMMANDS,
    MAX_CHOICE_ID,
    TEAM_COMMANDS,
    ChoiceId,
    ChoiceKind,
    command_words,
    find,
    help_lines,
    main_menu,
)
from bot.engine import Engine
from bot.markup import plain
from tests.support.harness import ChatHarness, shipped, text_of


@pytest.fixture
def h():
    harness = ChatHarness()
    yield harness
    harness.close()


# --- the catalogue ---------------------------------------------------------------------------------


def test_every_word_names_exactly_one_command() -> None:
    words = command_words()
    assert len(words) == len(set(words)), "a name or alias is used twice"
    assert not set(words) & set(TEAM_COMMANDS), "the team commands' words belong to bot.teams"
    for command in CATALOGUE:
        assert command.name == command.name.lower() and " " not in command.name
        for word in (command.name, *command.aliases):
            assert find(word) is command
    assert find("channel") is None and find("nonsense") is None


def test_help_is_written_from_the_catalogue(h: ChatHarness) -> None:
    text = text_of(h.say("help"))
    for line in help_lines():
        assert plain(line.removeprefix("- ")) in text
    assert "`practice <scenario>`" in COMMANDS["practice"].help_line
    assert COMMANDS["value"].help_line.endswith("`value base 100k, 25 days pto, 2 remote days`")
    assert COMMANDS["status"].help_line == "- `status`: where you stand"


def test_the_engine_routes_every_command_of_the_catalogue() -> None:
    playbooks, understander = shipped()
    engine = Engine(playbooks, understander)
    assert list(engine._commands) == [command.name for command in CATALOGUE]


# "?" is listed as an alias of help, but a typed command word loses its trailing punctuation first, so
# "?" alone reads as no word at all: kept as it was (behaviour is unchanged), pinned below.
TYPED_WORDS = [word for word in command_words() if word != "?"]


@pytest.mark.parametrize("word", TYPED_WORDS)
def test_every_command_word_is_understood_as_typed_and_from_a_button(h: ChatHarness, word: str) -> None:
    lost = ("I'm not sure what you mean", "I don't know", "no longer applies")
    typed = text_of(h.say(word, user=f"t-{word}"))
    assert not any(phrase in typed for phrase in lost), typed
    name = find(word)
    assert name is not None
    picked = text_of(h.pick(ChoiceId(ChoiceKind.command, name.name).encode(), user=f"p-{word}"))
    assert not any(phrase in picked for phrase in lost), picked


def test_a_lone_question_mark_is_help(h: ChatHarness) -> None:
    assert find("?") is COMMANDS["help"]
    assert "I'm not sure what you mean" not in text_of(h.say("?"))


# --- choice ids ------------------------------------------------------------------------------------

# The ids persisted in platform messages before ChoiceId existed: they must encode the same forever.
KNOWN_IDS = [
    (ChoiceId(ChoiceKind.command, "hint"), "cmd:hint"),
    (ChoiceId(ChoiceKind.practice, "growth_startup"), "practice:growth_startup"),
    (ChoiceId(ChoiceKind.restart, "growth_startup"), "restart:growth_startup"),
    (ChoiceId(ChoiceKind.checklist, "close"), "checklist:close"),
    (ChoiceId(ChoiceKind.confirm, "forget", "yes"), "confirm:forget:yes"),
    (ChoiceId(ChoiceKind.confirm, "forget", "no"), "confirm:forget:no"),
    (ChoiceId(ChoiceKind.step, "priorities", "3"), "cl:priorities:3"),
    (ChoiceId(ChoiceKind.step, "offer_terms", "done"), "cl:offer_terms:done"),
]


@pytest.mark.parametrize(("choice", "encoded"), KNOWN_IDS)
def test_choice_ids_encode_as_they_always_have_and_decode_back(choice: ChoiceId, encoded: str) -> None:
    assert choice.encode() == encoded
    assert ChoiceId.decode(encoded) == choice


def test_long_ids_are_cut_to_what_a_button_may_carry() -> None:
    encoded = ChoiceId(ChoiceKind.practice, "x" * 100).encode()
    assert encoded == ("practice:" + "x" * 100)[:MAX_CHOICE_ID]
    assert len(ChoiceId(ChoiceKind.step, "k" * 70, "skip").encode()) == MAX_CHOICE_ID


@pytest.mark.parametrize(("raw", "read"), [
    ("junk", None),  # no kind of ours
    ("", None),
    ("form:value", None),  # Slack's own App Home button, never the engine's
    ("practice", ChoiceId(ChoiceKind.practice, "")),  # a missing part reads as ""
    ("cmd:help:extra", ChoiceId(ChoiceKind.command, "help:extra")),  # not a command, so stale downstream
    ("cl:nope", ChoiceId(ChoiceKind.step, "", "nope")),  # a step key is read up to the last ':'
    ("cl:a:b:c", ChoiceId(ChoiceKind.step, "a:b", "c")),
    ("confirm:forget", ChoiceId(ChoiceKind.confirm, "forget", "")),  # a question up to the first ':'
    ("confirm:a:b:c", ChoiceId(ChoiceKind.confirm, "a", "b:c")),
])
def test_decoding_is_lenient_like_the_reading_it_replaced(raw: str, read: ChoiceId | None) -> None:
    assert ChoiceId.decode(raw) == read


def test_every_button_the_coach_shows_decodes(h: ChatHarness) -> None:
    h.say("help")
    shown = list(h.choices())
    h.say("scenarios")
    shown += h.choices()
    h.say("checklist prepare")
    shown += h.choices()
    shown += main_menu()
    for choice in shown:
        read = ChoiceId.decode(choice.id)
        assert read is not None and read.encode() == choice.id, choice.id


def test_a_stale_or_foreign_button_is_answered_politely(h: ChatHarness) -> None:
    for raw in ("junk", "cmd:nope", "cl:prepare_target:1", "form:value"):
        assert "no longer applies" in text_of(h.pick(raw))
