"""A practice reads each line against what the recruiter just said and the offer as the user sees it.

Through the chat harness, as a user would: a bare number answers the perk the recruiter last put on the
table, a monthly scenario's "43" is the monthly base, "that's fine" after the recruiter names a figure
takes it, a "yes" to a yes/no question is only an answer, and an acceptance that quotes terms the offer
doesn't have is put right before anything is agreed.
"""

from __future__ import annotations

from tests.support.harness import ChatHarness, text_of


def recruiter_says(harness: ChatHarness, text: str) -> str:
    return text_of(harness.say(text))


def test_a_bare_number_answers_the_perk_the_recruiter_just_offered() -> None:
    harness = ChatHarness()
    harness.say("practice nonprofit_flex")
    offered = recruiter_says(harness, "I care for my mother two afternoons a week, and comparable roles pay "
                                      "70k to 75k, so I'd like a base of 74k")
    assert "five more days off" in offered  # the recruiter moved to paid time off instead of the salary
    answer = recruiter_says(harness, "28")
    assert "paid time off" in answer and "base salary" not in answer
    assert harness.practice().offer["pto"].current > 25  # read as a PTO ask, weighed on its merits


def test_a_monthly_scenario_reads_the_offer_and_a_short_figure_per_month() -> None:
    harness = ChatHarness()
    harness.say("practice tel_aviv_ils")
    said = recruiter_says(harness, "The offer works out to ₪38,000 a month. Senior DevOps engineers in Tel Aviv "
                                   "earn ₪36,000 to ₪46,000.")
    assert "already" not in said  # the offer named back is not an ask the recruiter "already covers"
    answer = recruiter_says(harness, "I'd like 43")
    assert "₪43,000 a month" in answer
    assert harness.practice().offer["base_salary"].current > 38_000 * 12


def test_thats_fine_after_the_recruiter_names_a_figure_takes_it() -> None:
    harness = ChatHarness()
    harness.say("practice below_target_review")
    assert "$7,500" in recruiter_says(harness, "is there a health plan?")
    answer = recruiter_says(harness, "ok, that's fine")
    assert "accept the offer" in answer  # taken as agreeing, so the recruiter asks about the whole offer
    assert harness.practice().status == "active"


def test_yes_to_a_yes_no_question_agrees_to_nothing() -> None:
    harness = ChatHarness()
    harness.say("practice public_sector_union")
    harness.say("hello")
    assert "Do you have any questions" in recruiter_says(harness, "hello")
    answer = recruiter_says(harness, "yes")
    assert "accept" not in answer and "agreed" not in answer
    assert harness.practice().status == "active"


def test_an_acceptance_quoting_terms_not_on_the_table_is_corrected_before_closing() -> None:
    harness = ChatHarness()
    harness.say("practice berlin_scaleup_eur")
    answer = recruiter_says(harness, "Ok 78k and 4 remote days, this is good, I accept.")
    assert "€72,000" in answer and "not €78,000" in answer
    practice = harness.practice()
    assert practice.status == "active" and practice.offer["base_salary"].current == 72_000  # nothing conceded
    closing = recruiter_says(harness, "yes")
    assert "welcome" in closing.lower()
    assert harness.state().practice is None  # agreed on the offer as it stands, and debriefed
