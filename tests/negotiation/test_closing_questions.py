"""A deal closes on a message that takes the offer, never on one that asks whether it is right.

"So that's 105k and 23 days, correct?", "shall we call it agreed?", thanks followed by a request for a recap,
or "this looks good; before I formally accept I'd like to read it with my partner" want an answer: the
recruiter answers ("Yes, that's the package: …") and lets the candidate say yes. A plain "yes", "deal" or
"I accept" after an offer still closes, and so does "I accept. Could you send it in writing?".
Every line here was written for this test; the acts are the ones a reader may return for it.
"""

from __future__ import annotations

from bot.negotiation.counterpart import Counterpart, open_practice
from bot.negotiation.state import PracticeState
from bot.understanding.acts import Act, Term, Understanding
from tests.negotiation.test_counterpart import PLAYBOOKS, scenario
from tests.support.harness import ChatHarness, text_of


def _rita() -> Counterpart:
    return Counterpart(scenario(), PLAYBOOKS)


def _moved(cp: Counterpart) -> PracticeState:
    """A practice where base went to 105k and PTO to 23 days: there is an offer to confirm."""
    state = open_practice(cp.scenario)
    state.offer["base_salary"].current, state.offer["base_salary"].moved = 105_000, True
    state.offer["pto"].current, state.offer["pto"].moved = 23, True
    state.last_move, state.topic = "offer", "pto"
    return state


def _msg(text: str, *acts: Act, terms: tuple[Term, ...] = ()) -> Understanding:
    return Understanding(text=text, acts=list(acts), terms=list(terms))


def _current(perk: str, amount: float, unit: str) -> Term:
    return Term(perk=perk, amount=amount, unit=unit, role="current")  # type: ignore[arg-type]


def test_a_read_back_asked_as_a_question_is_confirmed_not_closed() -> None:
    cp = _rita()
    state = _moved(cp)
    turn = cp.respond(state, _msg("So we are at $105,000 base and 23 days off, correct?", Act.accept, Act.ask,
                                  terms=(_current("base_salary", 105_000, "money"), _current("pto", 23, "days"))))
    assert state.status == "active" and not turn.ended
    answer = " ".join(turn.lines)
    assert "base salary $105,000" in answer and "paid time off 23 days" in answer
    turn = cp.respond(state, _msg("yes", Act.accept))  # and the candidate's yes closes it
    assert state.status == "agreed" and turn.ended


def test_the_package_said_back_as_a_question_without_a_yes_is_confirmed_too() -> None:
    # as the labelling guide reads "so we're at $158k, $35k equity and 4 days?": ask, the perks current
    cp = _rita()
    state = _moved(cp)
    turn = cp.respond(state, _msg("So that's $105,000 base and 23 days of PTO?", Act.ask,
                                  terms=(_current("base_salary", 105_000, "money"), _current("pto", 23, "days"))))
    assert state.status == "active" and "asked_to_confirm" in state.flags
    assert "base salary $105,000" in turn.lines[-1]


def test_asking_whether_to_call_it_agreed_is_answered_then_a_deal_closes() -> None:
    cp = _rita()
    state = _moved(cp)
    turn = cp.respond(state, _msg("Great, shall we call it agreed?", Act.accept, Act.ask))
    assert state.status == "active" and not turn.ended
    assert "$105,000" in " ".join(turn.lines)
    turn = cp.respond(state, _msg("Deal", Act.accept))
    assert state.status == "agreed" and turn.ended


def test_thanks_then_a_request_for_a_recap_gets_the_recap() -> None:
    cp = _rita()
    state = _moved(cp)
    turn = cp.respond(state, _msg("Thank you so much! Could you run me through where everything stands?",
                                  Act.accept, Act.ask))
    assert state.status == "active" and not turn.ended
    assert "base salary $105,000" in " ".join(turn.lines)


def test_a_misremembered_figure_in_a_confirming_question_is_put_right() -> None:
    cp = _rita()
    state = _moved(cp)
    turn = cp.respond(state, _msg("So base is $108,000 and PTO 23 days, right?", Act.accept, Act.ask,
                                  terms=(_current("base_salary", 108_000, "money"), _current("pto", 23, "days"))))
    assert state.status == "active" and state.offer["base_salary"].current == 105_000
    assert "$105,000" in turn.lines[-1] and "$108,000" in turn.lines[-1]


def test_thanks_with_a_question_about_another_perk_answers_that_perk() -> None:
    cp = _rita()
    state = _moved(cp)
    turn = cp.respond(state, _msg("Great, thanks. And the sign-on bonus, is that paid with the first salary?",
                                  Act.accept, Act.ask, terms=(Term(perk="sign_on_bonus", role="question"),)))
    assert state.status == "active"
    assert "$5,000" in " ".join(turn.lines) and "anything else" not in " ".join(turn.lines).lower()


def test_putting_off_the_acceptance_is_not_one() -> None:
    cp = _rita()
    state = _moved(cp)
    turn = cp.respond(state, _msg("That package looks good. Before I formally accept, I'd like to go over it with "
                                  "my partner. Could you email me the terms?", Act.accept, Act.request_writing))
    assert state.status == "active" and not turn.ended
    assert "writ" in turn.lines[-1].lower()


def test_plain_acceptances_still_close() -> None:
    cp = _rita()
    for text, acts in (("deal", (Act.accept,)), ("I accept the offer", (Act.accept,)),
                       ("Ok, I accept. Could you send it in writing?", (Act.accept, Act.request_writing)),
                       ("Then I say yes to the offer. Can you email me the contract so I can sign?",
                        (Act.accept, Act.request_writing))):
        state = _moved(cp)
        turn = cp.respond(state, _msg(text, *acts))
        assert state.status == "agreed" and turn.ended, text
    state = _moved(cp)
    state.flags.append("asked_to_confirm")  # "…or do you accept the offer as it stands?"
    assert cp.respond(state, _msg("yes", Act.accept)).ended and state.status == "agreed"


def test_a_confirming_question_in_a_live_practice_keeps_it_open_until_yes() -> None:
    harness = ChatHarness()
    harness.say("practice growth_startup")
    harness.say("Comparable senior backend roles pay $150k to $170k, and I led a payments migration, so I'd like "
                "$165,000 base.")
    base = harness.practice().offer["base_salary"].current
    assert base > 150_000
    answer = text_of(harness.say(f"Thanks! Just so we're aligned: ${base:,.0f} base and the rest as in the original "
                                 "offer. Is that right?"))
    assert harness.practice().status == "active", answer
    assert f"${base:,.0f}" in answer
    assert "Welcome" in text_of(harness.say("Yes"))
