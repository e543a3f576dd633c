"""What a live player saw go wrong, replayed in new words through the chat as a user would.

Blind players practising live against the recruiter (tests/data/blind/iter5) found the recruiter answering about
perks they had only mentioned, closing the talk on a request for a recap, and undoing a trade they had offered.
Each test says what the user would notice.
"""

from __future__ import annotations

from tests.support.harness import ChatHarness, text_of


def recruiter_says(harness: ChatHarness, text: str) -> str:
    return text_of(harness.say(text))


def test_a_topic_put_aside_is_not_answered_as_an_ask() -> None:
    harness = ChatHarness()
    harness.say("practice growth_startup")
    answer = recruiter_says(harness, "Let's put the sign-on to one side for now; I'd rather talk about the equity "
                                     "grant.")
    assert "equity" in answer.lower()
    assert "sign-on" not in answer.lower()


def test_a_bonus_the_user_walks_away_from_is_a_reason_not_an_ask() -> None:
    harness = ChatHarness()
    harness.say("practice growth_startup")
    answer = recruiter_says(harness, "Timing matters for me: leaving before March means walking away from my "
                                     "annual bonus.")
    assert "performance bonus" not in answer.lower()


def test_a_sum_compared_with_a_month_of_pay_is_not_read_as_the_salary() -> None:
    harness = ChatHarness()
    harness.say("practice relocating_manager")
    offered = recruiter_says(harness, "What matters most to me is three months of severance if I'm laid off in "
                                      "my first year, since I'm moving my whole family for this.")
    assert "$20,000" in offered  # the recruiter offers a bigger sign-on instead of severance
    answer = recruiter_says(harness, "$20,000 is about one month of pay, so it doesn't cover much. Could the "
                                     "sign-on be $30,000 instead?")
    assert "base salary" not in answer.lower()  # not "No need, the offer already has $172,000 on base salary"
    assert "sign-on" in answer.lower()


def test_dropping_base_to_a_shorthand_figure_in_a_trade_keeps_that_figure() -> None:
    harness = ChatHarness()
    harness.say("practice growth_startup")
    assert "$158,000" in recruiter_says(harness, "comparable series B roles pay 150-170k, could you do 165?")
    recruiter_says(harness, "ok wild idea: id drop base to 156 if equity goes to like 30k a yr?")
    practice = harness.practice()
    assert practice.offer["equity"].current == 30_000
    assert practice.offer["base_salary"].current == 156_000  # "156" is $156,000, not back to the opening $150,000


def test_settling_at_the_base_on_the_table_in_a_trade_does_not_cut_it() -> None:
    harness = ChatHarness()
    harness.say("practice growth_startup")
    assert "$158,000" in recruiter_says(harness, "comparable series B roles pay 150-170k, could you do 165?")
    recruiter_says(harness, "Then I'll settle at $158,000 on base if the equity grant can go to $30,000 a year.")
    practice = harness.practice()
    assert practice.offer["equity"].current == 30_000
    assert practice.offer["base_salary"].current == 158_000


def test_asking_for_a_recap_after_ok_does_not_close_the_practice() -> None:
    harness = ChatHarness()
    harness.say("practice growth_startup")
    recruiter_says(harness, "comparable series B roles pay 150-170k, could you do 165?")
    answer = recruiter_says(harness, "ok could u recap where we are now? base, equity, the lot")
    assert "$158,000" in answer and "welcome" not in answer.lower()
    assert harness.practice().status == "active"


def test_asking_what_else_could_be_done_after_thanks_gets_options_not_a_close() -> None:
    harness = ChatHarness()
    harness.say("practice relocating_manager")
    recruiter_says(harness, "What matters most to me is three months of severance if I'm laid off in my first "
                            "year, since I'm moving my whole family for this.")
    answer = recruiter_says(harness, "Great, thanks. If severance really can't be written in, what else could you "
                                     "do to protect me if the role is cut?")
    assert "agreed" not in answer.lower() and "welcome" not in answer.lower()
    assert harness.practice().status == "active"


def test_telling_the_recruiter_to_think_again_is_not_asking_for_time() -> None:
    harness = ChatHarness()
    harness.say("practice nonprofit_flex")
    recruiter_says(harness, "I'd like 24 days off.")
    answer = recruiter_says(harness, "Please think about it again, I'm waiting.")
    assert "talk it over" not in answer.lower() and "take the time" not in answer.lower()


def test_no_i_dont_need_more_time_then_taking_it_closes_the_deal() -> None:
    harness = ChatHarness()
    harness.say("practice nonprofit_flex")
    recruiter_says(harness, "I'd like 24 days off.")
    answer = recruiter_says(harness, "No, I don't need more time. Fine, I'll take it as it stands. Send me the "
                                     "contract.")
    assert "You reached an agreement" in answer
    assert harness.state().practice is None


def test_calling_the_recruiters_new_figure_fair_takes_it_but_a_day_to_read_keeps_the_talk_open() -> None:
    harness = ChatHarness()
    harness.say("practice below_target_review")
    countered = recruiter_says(harness, "I'd love to get certified in accessibility for health apps, which feeds "
                                        "straight into the patient booking work. Could the learning budget go to "
                                        "$2,500?")
    assert "$2,000" in countered
    answer = recruiter_says(harness, "$2,000 is fair, thanks. Please put the updated offer in writing; I'd like a "
                                     "day to read it over before I sign.")
    assert "written offer" in answer
    assert any(said in answer.lower() for said in ("no rush", "take the time", "take a day", "remain open"))
    assert harness.practice().status == "active"  # not closed before the user has read it
    assert harness.practice().offer["professional_development"].current == 2_000
    closing = recruiter_says(harness, "I've read it and everything matches, I accept.")
    assert "You reached an agreement" in closing


def test_sure_then_the_reason_answers_why_and_agrees_to_nothing() -> None:
    harness = ChatHarness()
    harness.say("practice growth_startup")
    assert "Why" in recruiter_says(harness, "I'd like 4 remote days a week.")
    answer = recruiter_says(harness, "Sure. At my current job I'm fully remote and ship more that way.")
    assert "agreed" not in answer.lower()


def _sign_on_offered_for_severance(harness: ChatHarness) -> None:
    harness.say("practice relocating_manager")
    offered = recruiter_says(harness, "What matters most to me is three months of severance if I'm laid off in my "
                                      "first year, since I'm moving my whole family for this.")
    assert "$20,000" in offered


def test_a_bigger_sum_asked_after_the_offers_figure_is_for_that_perk_not_the_salary() -> None:
    harness = ChatHarness()
    _sign_on_offered_for_severance(harness)
    answer = recruiter_says(harness, "Movers quoted me about $15k for the family. The relocation you offer is only "
                                     "10k. Could you make it 16k?")
    assert "relocation" in answer.lower()
    assert "base salary" not in answer.lower()

