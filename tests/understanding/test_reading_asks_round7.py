"""Asks the reader used to miss, and asks read with the wrong amount or perk (round seven): a perk named with its
cost and then asked for as "it", an amount named by "that amount", a figure that belongs to the perk discussed
before it rather than the nearest perk word. docs/labelling.md gives the labels; the sentences are written here,
not taken from any corpus."""

from __future__ import annotations

import pytest

from bot.understanding.acts import Act, Context
from tests.support.harness import ChatHarness, text_of
from tests.support.reading import acts, pairs

# --- a perk and its cost, then a request for "it" ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My gym charges about $60 a month; would Brightline reimburse it?",
        "The gym by the office is like $60 a month. Could the team cover it?",
        "gym membership here is expensive, 60 dollar each month, you can pay it?",
    ],
)
def test_a_cost_then_a_request_for_it_asks_for_the_perk(text: str) -> None:
    read = pairs(text)
    assert ("wellness", None, "ask") in read
    assert ("wellness", 60, "evidence") in read
    assert Act.propose in acts(text)


@pytest.mark.parametrize(
    "text",
    [
        "One more: I can't find the train pass in the offer. Could you add it? I believe it is €49 a month.",
        "Would the company pay for my Jobticket? It's €49 a month.",
    ],
)
def test_a_price_said_after_the_request_is_the_cost_not_the_ask(text: str) -> None:
    read = pairs(text)
    assert ("transportation", None, "ask") in read
    assert ("transportation", 49, "evidence") in read
    assert ("transportation", 49, "ask") not in read


def test_a_request_for_it_after_another_perk_is_not_the_first_perks() -> None:
    # the request follows the salary, so it asks nothing of the gym named before
    read = pairs("The gym costs me $60 a month. The base is what matters though. Could you raise it?")
    assert ("wellness", None, "ask") not in read


def test_the_recruiter_answers_a_cost_asked_for_as_it_about_that_perk() -> None:
    harness = ChatHarness()
    try:
        harness.say("practice tel_aviv_ils")
        harness.say("Hello! Thanks for the offer.")
        reply = text_of(harness.say("Street parking by your building runs about ₪500 a month, and I drive in. "
                                    "Could the firm cover it?"))
    finally:
        harness.close()
    # the recruiter answers about parking at the price the user named (₪500 a month), without asking for a figure
    assert "transportation" in reply.lower()
    assert "6,000" in reply


# --- a lead-in before a colon asks nothing of the figure after it -----------------------------------------------


def test_a_polite_lead_in_before_a_colon_does_not_ask_for_the_current_pay() -> None:
    read = pairs("I would like to be upfront: my present base is $95,000, and I'm hoping for something near $108,000.")
    assert read == [("base_salary", 95_000, "evidence"), ("base_salary", 108_000, "ask")]


def test_a_figure_right_after_the_colon_is_still_the_ask() -> None:
    assert ("base_salary", 90_000, "ask") in pairs("I'd like the number to reflect what peers earn: $90,000.")


# --- "could you match that?" after a rival's figure -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A bank across town offered me $131,000. Any way you could match that?",
        "got 131k from another startup, can u beat it?",
    ],
)
def test_matching_a_rivals_figure_asks_for_that_perk(text: str) -> None:
    read = pairs(text)
    assert ("base_salary", 131_000, "evidence") in read
    assert ("base_salary", None, "ask") in read


def test_meeting_in_the_middle_names_no_rival_figure_to_match() -> None:
    assert ("base_salary", None, "ask") not in pairs("The market pays $131,000 for this. Could we meet in the middle?")


def _practice_reply(scenario: str, *lines: str) -> str:
    harness = ChatHarness()
    try:
        harness.say(f"practice {scenario}")
        replies = [harness.say(line) for line in lines]
    finally:
        harness.close()
    return text_of(replies[-1])


def test_the_recruiter_answers_a_match_with_a_move_on_that_perk() -> None:
    reply = _practice_reply("tel_aviv_ils", "Hi Noa, thanks for the offer.",
                            "A fintech down the road offered me ₪44,000 a month. Could you match that?")
    assert "base salary" in reply.lower()
    assert "44,000" in reply  # the rival's figure is what the recruiter weighs, not a request to name one


def test_a_market_range_beside_a_vague_ask_still_asks_for_a_figure() -> None:
    reply = _practice_reply("tel_aviv_ils", "Hi Noa, thanks for the offer.",
                            "Senior DevOps pay here runs ₪40,000 to ₪47,000 a month. Could you improve the base?")
    assert "40,000" not in reply and "47,000" not in reply


# --- a figure asked for takes the perk of the figure said before it ---------------------------------------------


def test_a_bare_figure_asked_after_a_figure_in_days_is_the_same_perks() -> None:
    read = pairs("18 days of leave ok, but 22 would be fair")
    assert ("pto", 22, "ask") in read
    assert ("pto", 18, "ask") not in read


def test_a_sum_asked_for_inside_a_quoted_range_is_that_perks_not_the_salary() -> None:
    offer = Context(last_perk="sign_on_bonus", last_move="offer",
                    offer={"base_salary": 150_000, "sign_on_bonus": 15_000, "relocation": 10_000})
    read = pairs("I accept the sign-on of 15,000, good idea. But also the relocation is too small. To move a family "
                 "of five across the whole country cost around 12k to 17k, I got three quotes from moving firms. The "
                 "offer have only 10k. Can you make it 14k?", offer)
    assert ("relocation", 14_000, "ask") in read
    assert ("base_salary", 14_000, "ask") not in read


# --- the figure an ultimatum demands -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Last number from me: $95,000 or nothing.", ("base_salary", 95_000, "ask")),
        ("71 thousand for someone with my record is frankly insulting — so 80 or I walk.",
         ("base_salary", 80_000, "ask")),
        ("No way. 140k or we are done here.", ("base_salary", 140_000, "ask")),
    ],
)
def test_the_figure_an_ultimatum_demands_is_the_ask(text: str, expected: tuple) -> None:
    assert expected in pairs(text)
    assert Act.quit not in acts(text)


def test_a_salary_in_thousands_beside_another_perk_in_an_ultimatum_is_asked() -> None:
    offer = Context(last_perk="base_salary", last_move="offer", offer={"base_salary": 120_000, "sign_on_bonus": 0})
    assert ("base_salary", 130_000, "ask") in pairs("Bottom line: 130 plus a 5k sign-on, or I'm out", offer)


# --- "relocating" as the move itself ------------------------------------------------------------------------------


def test_relocating_somewhere_is_a_reason_not_the_relocation_package() -> None:
    read = pairs("Peers in Porto earn €60k-€75k, and since I'm relocating from Lisbon with a decade in data work, "
                 "I'd ask for €72k.")
    assert ("base_salary", 72_000, "ask") in read
    assert all(perk != "relocation" for perk, _, _ in read)


def test_what_relocating_costs_still_names_the_package() -> None:
    read = pairs("Relocating my family of five to Denver will cost about $15k; could you help?")
    assert ("relocation", 15_000, "evidence") in read
    assert ("relocation", None, "ask") in read


# --- a figure said as what would help, allow or make the package work ---------------------------------------------


def test_a_figure_that_would_help_close_the_gap_is_the_ask() -> None:
    read = pairs("Thanks for checking. Is there room for a signing payment? Similar roles pay up to $140k base, so a "
                 "one-off payment of $6,000 would help close the gap.")
    assert ("sign_on_bonus", 6_000, "ask") in read
    assert ("base_salary", None, "ask") not in read  # the market base is the reason, not a second ask


def test_a_budget_that_would_let_me_do_something_is_asked_for() -> None:
    assert ("professional_development", 3_000, "ask") in pairs(
        "Regarding training, a budget of $3,000 would let me finish the data science course I started.")


def test_i_would_propose_asks_even_after_market_figures() -> None:
    read = pairs("Given the published survey figures (€60,000–€75,000), I would propose €71,000.")
    assert ("base_salary", 71_000, "ask") in read


def test_a_salary_in_thousands_is_no_number_of_months_of_severance() -> None:
    offer = Context(last_perk=None, last_move="summary", offer={"base_salary": 190_000, "sign_on_bonus": 10_000})
    read = pairs("200 is fine, I suppose. now severance, don't dodge it", offer)
    assert ("severance", 200, "ask") not in read
    assert ("severance", None, "ask") in read


# --- more ways the same asks are said -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The AWS exam costs 300 euro, can the learning budget pay this?",
        "The cloud certificate cost 300 dollar, it is possible the company pay this?",
    ],
)
def test_a_cost_then_a_request_to_pay_this(text: str) -> None:
    read = pairs(text)
    assert ("professional_development", 300, "evidence") in read
    assert ("professional_development", None, "ask") in read


def test_a_bare_number_after_a_sum_in_k_is_in_thousands_too() -> None:
    assert ("equipment", 2_000, "ask") in pairs("hmm the 1k monitor budget, could it go to 2?")


def test_remote_days_a_week_past_seven_are_kept_as_written() -> None:
    assert pairs("remote 8 days a week please") == [("remote_work", 8, "ask")]


def test_a_course_in_data_science_is_no_market_data() -> None:
    assert ("professional_development", 2_000, "ask") in pairs(
        "I'd also like a $2,000 training budget to finish my data science course.")


# --- a perk whose only figure is the offer's, asked to be improved ------------------------------------------------


def test_asking_to_talk_about_a_perk_beside_its_offered_figure_asks_for_it() -> None:
    read = pairs("sure, I get the budget limits. can we talk vacation though? 12 days is tight with family overseas")
    assert ("pto", None, "ask") in read
    assert ("pto", 12, "current") in read


def test_asking_where_there_is_room_on_the_offered_figure_is_no_ask() -> None:
    read = pairs("Is the $500 gym budget yearly, or is there room to raise it?")
    assert ("wellness", None, "ask") not in read


def test_thanks_for_one_perk_and_a_request_about_another_asks_nothing_of_the_first() -> None:
    read = pairs("Thanks for the 25 days of leave, can we talk about the base now?")
    assert ("pto", None, "ask") not in read


# --- a bare figure asked for before the next sentence's perk ------------------------------------------------------


def test_a_bare_figure_does_not_take_the_perk_named_in_the_next_sentence() -> None:
    read = pairs("On leave: my current job gives 30 days, and 25 feels low. Could you do 28? Also, a gym budget would "
                 "be nice.")
    assert ("pto", 28, "ask") in read
    assert ("wellness", 28, "ask") not in read


def test_a_figure_in_days_between_stops_a_bare_number_reading_as_thousands() -> None:
    read = pairs("Is the dental cover of $12,000 per family? And the leave is just 16 days, could it be 21?")
    assert ("pto", 21, "ask") in read
    assert ("base_salary", 21_000, "ask") not in read


def test_a_cost_and_a_shy_wish_for_a_little_more_asks_for_the_perk() -> None:
    read = pairs("hmm, not sure... my train pass is about €90 a month, so maybe a bit more? only if it's easy")
    assert ("transportation", 90, "evidence") in read
    assert ("transportation", None, "ask") in read


# --- figures said short against the offer on the table ------------------------------------------------------------


def test_the_lowest_i_go_asks_that_salary_in_thousands() -> None:
    offer = Context(last_perk="base_salary", last_move="offer", offer={"base_salary": 90_000, "remote_work": 2})
    read = pairs("90 is below market. 97 is the lowest I go, and two home days", offer)
    assert ("base_salary", 97_000, "ask") in read


def test_a_bare_number_after_talk_of_a_money_perk_is_in_its_thousands() -> None:
    offer = Context(last_perk="relocation", last_move="offer", offer={"base_salary": 150_000, "relocation": 12_000})
    read = pairs("Yes I saw the 12. I'm asking for 18.", offer)
    assert ("relocation", 18_000, "ask") in read


def test_a_larger_sum_right_after_a_perks_figure_and_its_name_is_that_perks() -> None:
    offer = Context(last_perk="sign_on_bonus", last_move="offer",
                    offer={"base_salary": 150_000, "sign_on_bonus": 10_000, "equity": 25_000})
    read = pairs("The $10,000 sign-on is a kind gesture. Would you consider $25,000?", offer)
    assert ("sign_on_bonus", 25_000, "ask") in read


# --- a figure corrected in the same message ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("could I get 26 days of leave, oops, I meant 24", [("pto", 24, "ask")]),
        ("Apologies, my last note said €59,000 by mistake; I meant €65,000, which is what I'm asking for.",
         [("base_salary", 65_000, "ask")]),
        ("typo above lol, said 3 remote days, meant 2", [("remote_work", 2, "ask")]),
    ],
)
def test_the_figure_meant_replaces_the_one_said_before_it(text: str, expected: list) -> None:
    assert pairs(text) == expected


def test_a_bare_figure_followed_by_please_is_asked_for() -> None:
    read = pairs("The base is fair, ok. But 15 days of leave is not much, 19 please.")
    assert ("pto", 19, "ask") in read
    assert ("pto", 15, "ask") not in read


def test_an_ellipsis_ends_the_clause_of_a_market_range() -> None:
    read = pairs("levels has folks here at like 120-140k… any chance we land at 132?")
    assert read == [("base_salary", 120_000, "evidence"), ("base_salary", 132_000, "ask")]


@pytest.mark.parametrize(
    ("text", "perk", "cost"),
    [
        ("Would it be possible for the firm to reimburse my gym? It's about $45 a month.", "wellness", 45),
        ("My train pass costs €90 a month, could the company include the transit pass?", "transportation", 90),
    ],
)
def test_a_request_that_someone_pay_for_the_thing_asks_for_its_perk(text: str, perk: str, cost: float) -> None:
    read = pairs(text)
    assert (perk, None, "ask") in read and (perk, cost, "evidence") in read, read


def test_the_speaker_paying_for_the_thing_asks_nothing() -> None:
    assert ("wellness", None, "ask") not in pairs("The gym is $60 a month, so I could pay for it myself if needed.")
