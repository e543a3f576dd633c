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


def test_a_better_figure_said_as_fine_is_a_counter_and_taking_one_term_leaves_the_rest_open() -> None:
    harness = ChatHarness()
    harness.say("practice bureaucratic_bands")
    harness.say("15 days of leave is not enough for me, my family lives abroad.")
    countered = recruiter_says(harness, "I think 25 days is good for me.")
    assert "25 days" in countered and "agreed" not in countered  # weighed as an ask, not taken as a yes
    assert harness.practice().offer["pto"].current == 20
    answer = recruiter_says(harness, "20 days, okay, I accept this.")
    assert "accept the offer" in answer  # that settles the leave; the recruiter asks before closing the talk
    assert harness.practice().status == "active"


def test_a_salary_figure_after_talk_of_a_small_allowance_is_read_as_the_salary() -> None:
    harness = ChatHarness()
    harness.say("practice public_sector_union")
    assert "$1,200" in recruiter_says(harness, "Is the transit pass the same for everyone?")
    answer = recruiter_says(harness, "I'd ask to be placed at step 4, $82,000.")
    assert "base salary" in answer and "transit" not in answer


def test_after_agreeing_a_request_for_the_offer_in_writing_is_still_answered_by_the_recruiter() -> None:
    harness = ChatHarness()
    harness.say("practice berlin_scaleup_eur")
    assert "welcome" in recruiter_says(harness, "I accept the offer.").lower()
    answer = recruiter_says(harness, "Can you send me everything in writing, please?")
    assert "Jonas Weber:" in answer and "written offer" in answer
    assert "practice is over" in answer and harness.state().practice is None
    more = recruiter_says(harness, "Also, could I get 5 more days of PTO?")
    assert "ended when you accepted" in more and "paid time off" in more
    assert any("again" in c.label.lower() for c in harness.choices())


def test_asking_for_more_without_naming_it_asks_about_the_perk_just_discussed() -> None:
    harness = ChatHarness()
    harness.say("practice bureaucratic_bands")
    assert "15 days" in recruiter_says(harness, "How many days of leave are in the offer?")
    answer = recruiter_says(harness, "Oh. I guess a few more days would be nice, if possible.")
    assert "paid time off" in answer  # asked for a figure on the leave, not "which term would you like?"
    assert "paid time off" not in recruiter_says(harness, "I have some more questions")  # not an ask for more


def test_a_question_about_one_term_is_answered_on_it_and_keeps_it_under_discussion() -> None:
    harness = ChatHarness()
    harness.say("practice bureaucratic_bands")
    answer = recruiter_says(harness, "It looks ok. I was wondering if the leave is fixed at 15 days?")
    assert "15 days" in answer and "paid time off" in answer  # not "what would you like to know?"
    assert "paid time off" in recruiter_says(harness, "Oh. I guess a few more days would be nice, if possible.").lower()


def test_a_figure_turned_down_is_not_the_ask_the_one_after_it_is() -> None:
    harness = ChatHarness()
    harness.say("practice growth_startup")
    answer = recruiter_says(harness, "145k?? come on. I'd need 162k, the market pays that for this role.")
    assert "$162,000" in answer and "already" not in answer  # weighed the ask, not the figure it waved off
    again = recruiter_says(harness, "148k is better but still not enough. Maybe 163k?")
    assert "already" not in again
    assert harness.practice().offer["base_salary"].current > 150_000


def test_a_figure_that_does_not_cut_it_is_refused_and_asks_for_nothing() -> None:
    harness = ChatHarness()
    harness.say("practice growth_startup")
    answer = recruiter_says(harness, "Honestly, 140k doesn't cut it for me.")
    assert "$140,000" not in answer and "already" not in answer
    assert harness.practice().offer["base_salary"].current == 150_000


def test_a_floor_stated_after_a_figure_turned_down_is_the_ask() -> None:
    harness = ChatHarness()
    harness.say("practice tel_aviv_ils")
    answer = recruiter_says(harness, "Even so, ₪37,000 a month is under my floor of ₪41,000.")
    assert "What would it take" not in answer  # the floor was heard: no need to say the number again
    assert "base salary" in answer


def test_taking_the_term_just_granted_and_asking_the_next_answers_only_the_next() -> None:
    harness = ChatHarness()
    harness.say("practice nonprofit_flex")
    assert "fine with us" in recruiter_says(harness, "I look after my dad on Monday mornings, so I'd need a "
                                                     "flexible schedule.")
    answer = recruiter_says(harness, "Flexible hours would work well, thanks. Next, would two days a week "
                                     "from home be possible?")
    assert "already" not in answer  # the thanks took the schedule; it is not read as asking for it again
    assert "remote work" in answer


def test_a_perk_asked_for_in_one_sentence_and_priced_in_the_next_is_weighed() -> None:
    harness = ChatHarness()
    harness.say("practice public_sector_union")
    answer = recruiter_says(harness, "Would the county cover my GISP certification? Prep and the exam come "
                                     "to about $1,500.")
    assert "professional development" in answer.lower()
    assert "Which term" not in answer  # no need to restate what is being asked for


def test_a_perk_named_as_what_a_trade_replaces_is_given_up_not_asked_for() -> None:
    harness = ChatHarness()
    harness.say("practice berlin_scaleup_eur")
    answer = recruiter_says(harness, "A sign-on of €4,000 would be a fair substitute for the extra vacation days.")
    assert "paid time off" not in answer and "28 days" not in answer  # no refusal of leave nobody asked for


def test_happy_to_accept_with_a_request_for_the_letter_is_an_acceptance_not_a_counter() -> None:
    harness = ChatHarness()
    harness.say("practice growth_startup")
    answer = recruiter_says(harness, "Great, then I'm happy to accept: $152k base and three remote days. "
                                     "Could you email me the updated offer?")
    assert "$150,000, not $152,000" in answer  # the misremembered figure is put right before agreeing
    assert "Where does that number come from" not in answer


def test_preferring_this_offer_to_the_other_one_is_no_walk_away_and_the_ask_is_heard() -> None:
    harness = ChatHarness()
    harness.say("practice growth_startup")
    answer = recruiter_says(harness, "Thanks for $150k. I'd rather join you than take the other offer, so if we "
                                     "can reach $162k I'm ready to move forward.")
    assert "end the practice" not in answer and "walking away" not in answer
    assert "$162,000" in answer
    assert harness.practice().status == "active"
