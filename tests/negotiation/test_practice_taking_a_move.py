"""Taking the recruiter's last move while asking for more, through the chat as a user would (round seven).

Every line was written for this test. The practice tells the reader which perks the recruiter's last reply gave
ground on; a user who approves that move and raises something else must get an answer about the new ask, not be
asked whether to close on the offer as it stands.
"""

from __future__ import annotations

from typing import Any

from bot.understanding.acts import Context
from tests.support.harness import ChatHarness, text_of

_MARKET_ASK = "Senior engineers in Berlin earn 76-84k according to the surveys I read, so I'd like 81k."


class _Spy:
    """Keeps the context each line was read with."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.contexts: list[Context | None] = []

    def read(self, text: str, context: Context | None = None) -> Any:
        self.contexts.append(context)
        return self.real.read(text, context)


def _started() -> tuple[ChatHarness, _Spy]:
    harness = ChatHarness()
    harness.say("practice berlin_scaleup_eur")
    engine: Any = harness.service.engine
    runner = engine.practices
    spy = _Spy(runner.understander)
    runner.understander = spy
    return harness, spy


def test_the_reader_is_told_what_the_last_reply_gave_ground_on() -> None:
    harness, spy = _started()
    assert "78,000" in text_of(harness.say(_MARKET_ASK))  # the recruiter moves on base
    harness.say("Hmm, let me think about what else matters to me.")
    first, second = spy.contexts[-2:]
    assert first is not None and first.conceded == []  # nothing was given before the first ask
    assert second is not None and second.conceded == ["base_salary"]
    harness.say("Hmm.")
    last = spy.contexts[-1]
    assert last is not None and last.conceded == []  # a reply that moved nothing gave nothing


def test_approving_the_move_and_asking_for_a_perk_gets_that_perk_answered() -> None:
    harness, _ = _started()
    harness.say(_MARKET_ASK)
    answer = text_of(harness.say("Excellent, thank you! Could you also pay for my monthly transit pass?"))
    assert "transportation" in answer.lower()
    assert "accept the offer as it stands" not in answer
    practice = harness.practice()
    assert practice.status == "active" and "asked_to_confirm" not in practice.flags


def test_approving_the_move_and_taking_the_offer_still_closes() -> None:
    harness, _ = _started()
    harness.say(_MARKET_ASK)
    answer = text_of(harness.say("Wonderful, thanks. That's everything, I accept the offer."))
    assert "welcome" in answer.lower()


def test_thanks_for_the_move_then_a_question_gets_the_question_answered() -> None:
    harness, _ = _started()
    harness.say(_MARKET_ASK)
    answer = text_of(harness.say("Thank you for the move on base. Is the 1,000 euro equipment budget yearly or "
                                 "one-off?"))
    assert "equipment" in answer.lower() and "accept the offer as it stands" not in answer
    assert "asked_to_confirm" not in harness.practice().flags


def test_dropping_one_point_and_asking_for_the_letter_is_not_a_walk_away() -> None:
    harness, _ = _started()
    harness.say(_MARKET_ASK)
    harness.say("Forget it then. Put the €78,000 in writing and I will sign once I have it.")
    assert not [c.label for c in harness.choices("alice")]  # no "End the practice / Keep negotiating?"
    assert harness.practice().status == "active"
