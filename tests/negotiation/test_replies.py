"""What the recruiter's replies sound like, through the chat: the scenario's pay period, the persona's tone.

Each case is one of the unnatural replies issue 11 reported, played again.
"""

from __future__ import annotations

from bot.negotiation.voice import LINES
from tests.support.harness import ChatHarness, text_of


def recruiter_says(scenario: str, *lines: str) -> str:
    h = ChatHarness()
    try:
        h.say(f"practice {scenario}")
        replies = []
        for line in lines:
            replies = h.say(line)
        return text_of(replies)
    finally:
        h.close()


def test_a_monthly_ask_in_tel_aviv_is_answered_per_month_in_shekels() -> None:
    reply = recruiter_says("tel_aviv_ils", "I have another offer at ₪41,000 a month.",
                           "Could you do ₪42,000 a month?")
    assert "a month" in reply and "₪" in reply
    assert "₪456,000" not in reply and "₪504,000" not in reply  # no yearly figures


def test_the_opening_card_quotes_pay_the_way_the_scenario_does() -> None:
    h = ChatHarness()
    try:
        opening = text_of(h.say("practice tel_aviv_ils"))
    finally:
        h.close()
    assert "Base salary: ₪38,000 a month" in opening


def test_the_by_the_book_hr_partner_greets_formally() -> None:
    reply = recruiter_says("bureaucratic_bands", "Hello!")
    assert any(line in reply for line in LINES["greet"]["formal"])
    assert "Hi!" not in reply


def test_the_earnest_director_answers_a_heartfelt_opener_in_kind() -> None:
    reply = recruiter_says("nonprofit_flex", "Thank you so much, I'm really excited about this mission.")
    assert any(line in reply for line in LINES["enthusiasm_ack"]["earnest"])
    assert "number" not in reply


def test_asking_for_writing_that_names_perks_gets_one_answer_not_a_question_per_perk() -> None:
    reply = recruiter_says("growth_startup", "Can you put it in writing with the sign-on bonus, pto and equity?")
    assert reply.count("?") == 0 and reply.count("\n") == 0


def test_a_walk_out_without_agreement_shows_no_money_won() -> None:
    h = ChatHarness()
    try:
        h.say("practice growth_startup")
        h.say("I'm excited about the ledger work. I led a card-processing migration, so I'd like a $10,000 "
              "sign-on bonus.")
        h.say("I'm going to walk away from this one")
        debrief = text_of(h.pick_label("End the practice"))
    finally:
        h.close()
    assert "You walked away" in debrief and "You won" not in debrief and "On the table when you stopped" in debrief


def test_a_bare_pay_figure_in_a_monthly_scenario_is_read_as_monthly() -> None:
    h = ChatHarness()
    try:
        h.say("practice tel_aviv_ils")
        h.say("I have a written offer from another company at ₪41,000.")
        h.say("Senior DevOps engineers in Tel Aviv earn ₪36,000 to ₪46,000 a month.")
        h.say("I run the Kubernetes platform at a bank, so I'd like ₪42,000.")
        practice = h.practice()
    finally:
        h.close()
    assert practice.discredited is None and not practice.doubts  # ₪41,000 and ₪41,000 a month agree
    assert practice.offer["base_salary"].last_ask == 42_000 * 12


def test_thanks_in_the_middle_of_a_practice_is_not_met_with_a_greeting() -> None:
    harness = ChatHarness()
    try:
        harness.say("practice growth_startup", user="u")
        harness.say("Could base be $160,000? Levels data shows 150-170k for this role.", user="u")
        harness.say("Thanks!", user="u")
        reply = text_of(harness.say("thank you so much", user="u"))
        assert not any(hello in reply for hello in ("Hi", "Hello", "Hey", "good to hear from you")), reply
        assert "welcome" in reply.lower() or "anything else" in reply.lower() or "what else" in reply.lower(), reply
    finally:
        harness.close()
