"""What the recruiter takes from ordinary phrasing: acts read by the rules in docs/labelling.md.

Each sentence here was written for this test (none comes from a corpus); each assertion is something a
user would notice in a practice: an agreement taken that was not given, a reason ignored, a question
answered as if it were a demand.
"""

from __future__ import annotations

from bot.understanding.acts import Act, Context, Signal, Understanding
from tests.support.harness import ChatHarness, shipped, text_of

_, UNDERSTANDER = shipped()
AFTER_AN_OFFER = Context(last_move="offer", last_perk="base_salary", offer={"base_salary": 120000, "pto": 20})


def read(text: str, context: Context | None = None) -> Understanding:
    return UNDERSTANDER.read(text, context)


def acts(text: str, context: Context | None = None) -> set[Act]:
    return set(read(text, context).acts)


def roles(text: str, context: Context | None = None) -> dict[str | None, str]:
    return {t.perk: t.role for t in read(text, context).terms}


# --- agreement -------------------------------------------------------------------------------


def test_a_bare_yes_takes_an_offer_only_when_one_was_made() -> None:
    for word in ("deal", "sounds good", "yep, works"):
        assert Act.accept not in acts(word), word  # nothing on the table: nothing to take
        assert Act.accept in acts(word, AFTER_AN_OFFER), word
    assert Act.accept in acts("I accept the offer")  # the words themselves take it


def test_one_term_taken_keeps_the_rest_open() -> None:
    said = read("Happy with the sign-on bonus, but the base still needs work", AFTER_AN_OFFER)
    assert Act.accept in said.acts
    assert {t.perk: t.role for t in said.terms} == {"sign_on_bonus": "current", "base_salary": "ask"}
    said = read("$125k is fine, but 20 days of leave is far too little")
    assert {Act.accept, Act.reject} <= set(said.acts)


def test_agreement_under_a_condition_is_a_proposal() -> None:
    for text in ("If you add two more days of leave, I'll sign today",
                 "25 days of leave and I'm in",
                 "With a $5k sign-on in place I'd accept the rest as it is"):
        assert Act.accept not in acts(text), text
        assert Act.propose in acts(text), text


def test_a_yes_that_answers_a_question_with_a_figure_proposes() -> None:
    asked = Context(last_move="question", last_perk="start_date", offer={"start_date": 2})
    assert acts("Yes, I could start in five weeks", asked) == {Act.propose}


# --- reasons ---------------------------------------------------------------------------------


def test_reasons_in_ordinary_words_back_the_ask() -> None:
    for text in ("The exam fee alone is $900, could the learning budget cover it?",
                 "I'd forfeit my year-end bonus by leaving in November, so a sign-on would help",
                 "My parents live abroad, so I'd like 25 days of leave",
                 "I make 98k right now, so I'd want at least 105k"):
        assert {Act.justify, Act.propose} <= acts(text), text


def test_a_reason_for_a_request_is_no_justification_of_a_position() -> None:
    assert acts("Could you email the contract so I can go through it slowly?") == {Act.request_writing}
    assert acts("I'd like to talk it over with my husband first") == {Act.request_time}


def test_what_an_ask_would_make_possible_is_its_reason() -> None:
    assert Act.justify in acts("Could I work from home on Fridays? It would save me three hours on the road.")
    assert Act.justify in acts("I'd like a later start on Wednesdays, which would allow me to finish my course.")
    assert Act.justify in acts("I'd ask for a train pass, as this will be my first job outside the city.")
    assert Act.justify in acts("A relocation grant of 5k would make a huge difference for us.")
    assert Act.justify not in acts("Could I work from home on Fridays?")  # no reason given


def test_showing_the_offer_to_family_before_deciding_asks_for_time() -> None:
    said = acts("could you email me the final numbers? I want to show them to my husband before I say yes")
    assert said == {Act.request_writing, Act.request_time}  # consulting someone, not a reason for a term
    assert acts("Please send the revised letter so that I can review it with my partner.") == {
        Act.request_writing, Act.request_time}


def test_calling_the_offer_a_loss_refuses_it() -> None:
    assert Act.reject in acts("the PTO is a tad low for me tbh", AFTER_AN_OFFER)
    assert Act.reject in acts("Moving for that salary would be a step back for my family.", AFTER_AN_OFFER)
    assert Act.reject in acts("With your base and no bonus I'd be taking a cut, so I need 150k.")
    assert Act.reject not in acts("Let me take a step back and think about the whole package.")  # time, no refusal


def test_a_limit_the_candidate_grants_is_no_refusal() -> None:
    said = acts("I understand the band is fixed, so could we look at an extra week of leave instead?")
    assert Act.reject not in said
    assert Act.propose in said
    assert Act.reject in acts("20 days of leave won't work for me")


# --- trades, rival offers, keenness ----------------------------------------------------------


def test_a_perk_declined_for_cash_is_a_trade() -> None:
    said = read("No need for the gym stipend, just put a bit more into my base")
    assert Act.trade_off in said.acts
    assert Act.trade_off not in acts("No car needed, but I'd like one more remote day")  # only asks


def test_keenness_in_everyday_words_is_enthusiasm() -> None:
    for text in ("You're honestly my first choice", "I'd prefer to join you if we can get close on base"):
        assert Act.enthusiasm in acts(text), text


def test_choosing_this_employer_over_another_is_enthusiasm() -> None:
    assert Act.enthusiasm in acts("Another lab offered me 140k, but I'd still rather work with you if we reach 135k.")
    assert Act.enthusiasm in acts("I'd rather join Nimbus, so could you come up to 128k?")
    assert Act.enthusiasm in acts("Of the two offers, yours is the one I want; can you add a sign-on?")
    assert Act.enthusiasm not in acts("I'd rather join the kickoff call next week")  # a meeting, not the job


def test_a_counter_offer_of_ones_own_is_no_rival_offer() -> None:
    said = acts("Here's my counter-offer: $130k and 25 days of leave")
    assert Act.competing_offer not in said and Act.propose in said
    assert Act.competing_offer in acts("My current employer just made a counter offer to keep me")


# --- questions and writing -------------------------------------------------------------------


def test_a_figure_asked_about_is_a_question_not_a_demand() -> None:
    said = read("Is the 8% bonus guaranteed or discretionary?")
    assert Act.ask in said.acts and Act.propose not in said.acts
    assert Act.propose in acts("Is 130k possible?")


def test_asking_whether_a_perk_would_be_possible_asks_for_it() -> None:
    assert acts("would a gym membership be possible?") == {Act.propose}
    assert acts("Would a relocation allowance be an option?") == {Act.propose}
    assert acts("Is the gym membership included?") == {Act.ask}  # wants to know what there is


def test_writing_is_asked_for_only_when_something_is_asked() -> None:
    assert Act.request_writing in acts("Could you send me the updated offer letter?")
    assert Act.request_writing not in acts("The contract says 45 hours a week; I'd like 40")
    assert Act.request_writing not in acts("I am writing to ask whether a later start is possible")


def test_a_polite_request_for_a_summary_wants_the_recap() -> None:
    said = read("Could you kindly provide a summary of the offer as it stands now?")
    assert Signal.summary in said.signals and said.acts == [Act.ask]


def test_a_question_to_the_coach_asks_but_tells_the_recruiter_nothing() -> None:
    said = read("should I mention the other offer now?")
    assert Signal.hint in said.signals
    assert Act.competing_offer not in said.acts


# --- in a whole practice ---------------------------------------------------------------------


def test_taking_one_term_does_not_end_the_practice() -> None:
    harness = ChatHarness()
    try:
        harness.say("practice growth_startup", user="u")
        reply = text_of(harness.say("Thanks. The sign-on bonus is fine, but the base still needs work.", user="u"))
        assert "Debrief" not in reply and "Welcome" not in reply  # the talks go on
        reply = text_of(harness.say("Could you do $165k on base?", user="u"))
        assert "base salary" in reply.lower()  # the recruiter answers about the base
    finally:
        harness.close()


def test_a_short_request_for_more_is_about_the_perk_just_discussed() -> None:
    on_severance = Context(last_move="question", last_perk="severance", offer={"severance": 0})
    said = read("Would it be possible to add a bit more?", on_severance)
    assert Act.propose in said.acts
    assert [(t.perk, t.role) for t in said.terms] == [("severance", "ask")]
    assert read("Would it be possible to add a bit more?").terms == []  # nothing discussed: no perk guessed


def test_giving_a_perk_up_for_another_is_a_trade() -> None:
    assert Act.trade_off in acts("The stock options matter less to me than cash; I'd give them up for a higher base")
