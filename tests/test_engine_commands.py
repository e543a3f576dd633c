"""Chat commands and bad input, as a user meets them through the harness."""

from __future__ import annotations

import json

import pytest

from bot.messages import ConversationKind
from tests.support.harness import ChatHarness, text_of


@pytest.fixture
def h():
    harness = ChatHarness()
    yield harness
    harness.close()


def test_help_lists_every_command_and_offers_buttons(h: ChatHarness) -> None:
    replies = h.say("help")
    text = text_of(replies)
    for command in ("practice", "scenarios", "checklist", "value", "status", "hint", "end", "export", "forget"):
        assert f"{command}:" in text or f"{command}" in text
    assert {c.id for c in h.choices()} >= {"cmd:scenarios", "cmd:checklist", "cmd:value", "cmd:status",
                                           "cmd:hint", "cmd:export", "cmd:forget"}
    assert "Are you sure" in text_of(h.pick("cmd:forget"))  # the button asks first, like the command


@pytest.mark.parametrize("word", ["?", "help?", "Menu."])
def test_every_alias_of_help_shows_help(h: ChatHarness, word: str) -> None:
    assert text_of(h.say(word)) == text_of(h.say("help"))


def test_buttons_work_like_typing(h: ChatHarness) -> None:
    h.pick("cmd:scenarios")
    labels = [c.label for c in h.choices()]
    assert len(labels) == len(h.playbooks.scenarios)
    h.pick(h.choices()[0].id)
    assert h.state().mode == "practice"


def test_unknown_command_suggests_the_nearest(h: ChatHarness) -> None:
    assert "Did you mean practice" in text_of(h.say("practise"))
    assert "Did you mean checklist" in text_of(h.say("/cheklist"))
    assert "Did you mean growth_startup" in text_of(h.say("practice growth_startp"))


@pytest.mark.parametrize("message", ["", "   ", "\u200b\u200b", "\n\n"])
def test_empty_messages_get_a_friendly_nudge(h: ChatHarness, message: str) -> None:
    assert "didn't catch anything" in text_of(h.say(message))


def test_a_huge_message_is_cut_and_says_so(h: ChatHarness) -> None:
    h.say("practice growth_startup")
    replies = h.say("I'd like 25 days of PTO. " + "blah " * 2000)
    assert "first 4,000 characters" in text_of(replies)
    assert h.state().practice is not None


def test_mentions_and_markup_in_user_text_are_never_live(h: ChatHarness) -> None:
    replies = h.say("practice **<!channel> @everyone**")
    text = replies[0].text
    assert "\\*\\*" in text  # escaped: the adapter renders it literally, never as bold
    assert "<!channel>" in text_of(replies)  # shown as typed (adapters neutralise the mention)


def test_out_of_range_amounts_get_a_question_and_change_nothing(h: ChatHarness) -> None:
    h.say("practice growth_startup")
    before = h.practice().offer
    for line in ("I want -5 days of PTO", "I'd like 999 weeks of PTO", "make the salary 1e99"):
        reply = text_of(h.say(line)).lower()
        assert "number" in reply or "figure" in reply, line
    assert h.practice().offer == before


def test_forget_asks_first_and_no_keeps_everything(h: ChatHarness) -> None:
    h.say("practice growth_startup")
    h.say("end")
    assert "Are you sure" in text_of(h.say("forget"))
    assert "nothing was deleted" in text_of(h.pick("confirm:forget:no"))
    assert h.service.export_user("test::alice")["practices"]


def test_forget_yes_deletes_everything(h: ChatHarness) -> None:
    h.say("practice growth_startup")
    h.say("end")
    h.say("forget")
    replies = h.say("yes")
    assert "deleted" in text_of(replies).lower()
    data = h.service.export_user("test::alice")
    assert data["practices"] == [] and data["turns"] == []


def test_export_attaches_the_users_data_as_json(h: ChatHarness) -> None:
    h.say("practice nonprofit_flex")
    h.say("I accept the offer")
    replies = h.say("export")
    assert len(replies) == 1  # one message with the file, not a second one saying the same
    attachment = next(r.attachment for r in replies if r.attachment)
    data = json.loads(attachment.content)
    practice = data["practices"][0]
    assert practice["scenario"] == "nonprofit_flex" and practice["agreed"] is True
    assert set(practice["scores"]) >= {"research_market", "get_in_writing"}
    assert "money_won_per_year" in practice and practice["terms"]["base_salary"] > 0


def test_value_prices_an_offer_and_compares_two(h: ChatHarness) -> None:
    one = text_of(h.say("value base 100k, 25 days pto, 2 remote days"))
    assert "$100,000" in one and "Total per year" in one
    two = text_of(h.say("value base 100k, 20 days pto vs base 95k, 30 days pto"))
    assert "Offer A" in two and "Offer B" in two
    assert "base salary" in text_of(h.say("value 25 days pto")).lower()


def test_status_and_hint_during_a_practice(h: ChatHarness) -> None:
    h.say("practice growth_startup")
    assert "The offer as it stands" in text_of(h.say("status"))
    assert text_of(h.say("hint")).startswith("Hint:")


def test_end_gives_a_debrief_with_scores_and_tips(h: ChatHarness) -> None:
    h.say("practice growth_startup")
    h.say("Hi, I'm excited about this role!")
    debrief = text_of(h.say("end"))
    # Ended without an agreement: what was on the table is shown, nothing as won.
    for part in ("Your scorecard", "no agreement", "On the table when you stopped", "hidden sheet",
                 "Three things to try next time"):
        assert part in debrief
    assert "“Hi, I'm excited about this role!”" in debrief


def test_a_second_practice_asks_before_replacing_the_first(h: ChatHarness) -> None:
    h.say("practice growth_startup")
    assert "in progress" in text_of(h.say("practice nonprofit_flex"))
    assert h.practice().scenario == "growth_startup"
    h.pick_label("start the new one")
    assert h.practice().scenario == "nonprofit_flex"
    assert h.service.export_user("test::alice")["practices"][0]["outcome"] == "ended"


def test_a_checklist_pauses_and_resumes_where_it_was(tmp_path) -> None:
    h = ChatHarness(tmp_path / "coach.db")
    h.say("checklist review")
    h.say("base 100k, 25 days pto")
    assert h.checklist().step == 1
    h.say("end")
    assert h.state().mode == "idle"
    h = h.restart()
    assert "where you left off" in text_of(h.say("checklist review"))
    assert h.checklist().step == 1
    h.close()


def test_a_practice_survives_a_restart_exactly(tmp_path) -> None:
    h = ChatHarness(tmp_path / "coach.db")
    h.say("practice growth_startup")
    h.say("I'm thrilled about the role. Could we do 25 days of PTO?")
    before = h.state()
    h = h.restart()
    assert h.state() == before
    assert "The offer as it stands" in text_of(h.say("status"))
    h.close()


def test_two_users_never_share_a_session(h: ChatHarness) -> None:
    h.say("practice growth_startup", user="alice")
    h.say("status", user="bob")
    assert h.state("bob").practice is None
    h.pick("cmd:end", user="bob")
    assert h.state("alice").practice is not None


def test_a_thread_has_its_own_practice_and_a_channel_command_goes_private(h: ChatHarness) -> None:
    h.say("practice growth_startup", kind=ConversationKind.thread, conversation="C1:123.4")
    assert h.state(scope="thread:C1:123.4").practice is not None
    assert h.state().practice is None
    replies = h.say("scenarios", kind=ConversationKind.channel, conversation="C1")
    assert replies and all(r.move_to_private for r in replies)


def test_a_retried_event_is_answered_once(h: ChatHarness) -> None:
    first = h.say("help", event_id="slack-Ev1")
    again = h.say("help", event_id="slack-Ev1")
    assert first and again == []


def test_a_finished_review_is_kept_as_a_checklist_and_a_valuation(h: ChatHarness) -> None:
    h.say("checklist review")
    h.say("base 100k, 25 days pto, 2 remote days")
    h.say("120k")
    h.say("skip")  # no second offer
    assert h.state().checklist is None
    data = h.service.export_user("test::alice")
    assert any(c["checklist"] == "review" and c["status"] == "done" for c in data["checklists"])
    assert data["valuations"] and data["valuations"][-1]["base"] == 100000


def test_assume_outside_a_review_points_to_one(h: ChatHarness) -> None:
    assert "type value to start a review" in text_of(h.say("assume commute_cost_per_day 25"))


@pytest.mark.parametrize("greeting", ["hi", "Hello!", "hey there", "good morning"])
def test_a_greeting_gets_a_welcome_not_a_correction(h: ChatHarness, greeting: str) -> None:
    reply = text_of(h.say(greeting))
    assert "I'm Offer Coach" in reply and "Did you mean" not in reply


def test_the_main_menu_is_the_same_buttons_every_time_and_built_once(h: ChatHarness,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The menu under idle answers never changes, so no turn validates its buttons again."""
    from bot.messages import Choice

    first = h.say("status")
    built: list[object] = []
    real_init = Choice.__init__

    def counting(self: Choice, **data: object) -> None:
        built.append(data)
        real_init(self, **data)

    monkeypatch.setattr(Choice, "__init__", counting)
    for text in ("status", "end", "resume"):
        assert h.say(text)[-1].choices == first[-1].choices  # the menu, as before
    assert built == []


def test_a_word_is_compared_with_the_commands_once_however_often_it_is_typed(
        h: ChatHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    """Suggesting a command compares the typed word with every command word (difflib); a word
    typed again reuses the answer, and one too short or too long to be a typo is never compared."""
    import difflib

    compared: list[str] = []
    real = difflib.get_close_matches

    def counting(word: str, possibilities: list[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
        compared.append(word)
        return real(word, possibilities, n, cutoff)

    monkeypatch.setattr(difflib, "get_close_matches", counting)
    assert "Did you mean checklist" in text_of(h.say("cheklsts please"))
    assert "Did you mean checklist" in text_of(h.say("cheklsts again"))
    h.say("mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm?")
    h.say("ok then")
    assert compared.count("cheklsts") <= 1
    assert not any(word.startswith("mmm") or word == "ok" for word in compared)
