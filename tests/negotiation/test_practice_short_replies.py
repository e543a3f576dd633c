"""Short replies in a practice that mean something only against the recruiter's last line (issue 10).

Every line was written for this test, none taken from a corpus. Through the chat harness where the
recruiter's answer shows the reading; at the reader where only the act changes: thanks that say a
concession helps take it, "I suppose that's alright" settles for the figure on the table, and "no, nothing
else" answers "anything else?" without refusing the offer; and a bare figure after a reply that countered
one perk and then said "let me check" on another answers the counter.
"""

from __future__ import annotations

from bot.understanding.acts import Act, Context
from tests.support.harness import ChatHarness, shipped, text_of

_, UNDERSTANDER = shipped()
OFFER = {"base_salary": 90_000.0, "pto": 20.0, "flexible_schedule": 1.0}


def acts(text: str, move: str | None) -> set[Act]:
    context = Context(last_perk="flexible_schedule", last_speaker="counterpart", last_move=move,  # type: ignore[arg-type]
                      offer=OFFER)
    return set(UNDERSTANDER.read(text, context).acts)


def test_thanks_that_a_concession_helps_takes_it() -> None:
    harness = ChatHarness()
    harness.say("practice nonprofit_flex")
    granted = text_of(harness.say("Could I have a flexible schedule? I care for my dad on two afternoons a week."))
    assert "Flexible schedule" in granted
    answer = text_of(harness.say("Thanks so much, this really helps!"))
    assert "agreed" in answer  # taken as agreeing: the recruiter asks whether to close on the offer
    assert harness.practice().status == "active"


def test_settling_for_a_counter_in_hedged_words_takes_it() -> None:
    harness = ChatHarness()
    harness.say("practice below_target_review")
    countered = text_of(harness.say("I'd like 95k, designers here earn 90k to 100k"))
    assert "$86,000" in countered
    answer = text_of(harness.say("hmm, okay, I suppose that's alright"))
    assert "agreed" in answer or "accept" in answer


def test_a_concession_helping_is_only_taken_right_after_an_offer() -> None:
    assert Act.accept in acts("that helped, thank you", "offer")
    # after a refusal or a question, the same thanks only acknowledge what was said
    assert Act.accept not in acts("that helped, thank you", "refusal")
    assert Act.accept not in acts("that helped, thank you", "question")
    # a longer message or one with a figure is more than a reply to the last line
    assert Act.accept not in acts("that helps, but I would still need 20 more days of leave", "offer")


def test_alright_with_a_condition_settles_nothing() -> None:
    assert Act.accept in acts("fine, it's all right then", "refusal")
    assert Act.accept not in acts("it's alright, but what about leave?", "refusal")


def test_no_more_to_raise_is_not_a_refusal() -> None:
    for text in ("nope, that's all from me", "no thanks, everything's clear now", "no, nothing more"):
        for move in ("offer", "question", "summary", None):
            assert Act.reject not in acts(text, move), (text, move)
    # a plain refusal stays one
    assert Act.reject in acts("no, that doesn't work for me", "offer")


def test_a_bare_figure_after_a_counter_and_a_let_me_check_answers_the_counter() -> None:
    harness = ChatHarness()
    harness.say("practice growth_startup")
    harness.say("Straight to it: I'm after $172k base.")
    reply = text_of(harness.say("Fine, $166k then, plus a $20k sign-on since I give up my yearly bonus."))
    assert "base salary to $154,000" in reply and "check" in reply  # a counter on base, then a deferral
    answer = text_of(harness.say("157k?"))
    # read as the base the recruiter countered, not a $157,000 sign-on bonus
    assert "157,000 on sign-on" not in answer and "base salary" in answer
    assert harness.practice().offer["sign_on_bonus"].last_ask != 157_000
