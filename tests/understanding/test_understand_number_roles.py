"""Each figure in a message gets the role the labelling guide gives it (docs/labelling.md, Terms).

Evidence (a competing offer, what the user earns or carries, what they have seen) is never the ask; the
offer as it stands is named by what the user says of it ("feels thin", "we discussed"); what is offered up
in a trade is a give. The sentences are written here, not taken from any corpus.
"""

from __future__ import annotations

import pytest

from bot.understanding.acts import Act, Context
from tests.support.harness import ChatHarness, shipped, text_of


def roles(text: str, context: Context | None = None) -> list[tuple[str | None, float | None, str]]:
    return [(t.perk, t.amount, t.role) for t in shipped()[1].read(text, context).terms]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a competing offer, said with or without a request after it
        ("a rival firm offered 172k base", [("base_salary", 172_000, "evidence")]),
        ("meta offered 190k base, they want an answer monday", [("base_salary", 190_000, "evidence")]),
        # what the user earns today
        ("i make 118k rn", [("base_salary", 118_000, "evidence")]),
        # listed after the competing offer is named, before any request
        (
            "Two offers actually: the first one came in at £64k, so I'd like £66k here.",
            [("base_salary", 64_000, "evidence"), ("base_salary", 66_000, "ask")],
        ),
    ],
)
def test_evidence_is_not_read_as_the_ask(text: str, expected: list) -> None:
    assert roles(text) == expected


def test_a_figure_after_evidence_but_asked_for_in_a_question_stays_the_ask() -> None:
    got = roles("I'd forfeit about $12k of bonus at my current job: could a $12k sign-on make up for it?")
    assert ("sign_on_bonus", 12_000, "ask") in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the 2% match feels stingy tbh, 5% would be fair", [("retirement_match", 2, "current"),
                                                              ("retirement_match", 5, "ask")]),
        ("18 days of leave, which is well below what I have now. Could we do 24?", [("pto", 18, "current"),
                                                                                   ("pto", 24, "ask")]),
        ("Please confirm the $126k and 2 remote days we discussed.", [("base_salary", 126_000, "current"),
                                                                     ("remote_work", 2, "current")]),
        ("The draft contract says 42 hours; I'd want 38.", [("working_hours", 42, "current"),
                                                            ("working_hours", 38, "ask")]),
        ("I'd take the $99k base as it is.", [("base_salary", 99_000, "current")]),
    ],
)
def test_the_offer_as_it_stands_is_named_by_what_is_said_of_it(text: str, expected: list) -> None:
    assert roles(text) == expected


def test_a_figure_listed_with_the_ask_is_not_taken_for_the_offer() -> None:
    got = roles("I'd like to propose a base of $131,000 with the bonus unchanged at 12%.")
    assert got == [("base_salary", 131_000, "ask"), ("performance_bonus", 12, "current")]


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("I'd give up two of the three remote days if the base went to 128k", ("remote_work", 2, "give")),
        ("I'd give up one of my remote days for a bigger training budget", ("remote_work", 1, "give")),
        ("Happy to start a week earlier if you add a 4k sign-on", ("start_date", 1, "give")),
        ("4 remote days and ill take 6k less", ("base_salary", 6000, "give")),
        ("I could come down to 118k on base in exchange for 2 more remote days", ("base_salary", 118_000, "give")),
        ("I can start in 3 weeks instead of 5 if you cover the move", ("start_date", 3, "give")),
    ],
)
def test_what_is_offered_up_in_a_trade_is_a_give(text: str, given: tuple) -> None:
    assert given in roles(text)


def test_the_offer_named_beside_a_give_is_not_given() -> None:
    got = roles("I can start in 3 weeks instead of 5 if you cover the move")
    assert ("start_date", 5, "current") in got


def test_going_down_in_hours_is_asked_for_not_given() -> None:
    assert roles("I'd like to go down to 32 hours a week") == [("working_hours", 32, "ask")]


def test_part_of_a_list_number_is_no_amount() -> None:
    assert roles("as hire #12 I think 0.1% equity is light") == [("equity", 0.1, "current")]


def test_the_recruiter_answers_the_ask_not_the_figure_called_too_low() -> None:
    harness = ChatHarness()
    try:
        harness.say("practice growth_startup")
        said = shipped()[1].read("The 20 days of PTO feels thin. Could we do 25?")
        reply = text_of(harness.say("The 20 days of PTO feels thin. Could we do 25?")).lower()
    finally:
        harness.close()
    assert Act.propose in said.acts
    # 20 is what the offer already holds; read as the ask, the recruiter had nothing to answer
    assert "paid time off" in reply or "pto" in reply


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("quick q, is the 15k sign-on paid at once or over a year?", [("sign_on_bonus", 15_000, "question")]),
        ("Could you clarify whether the 8% bonus is guaranteed?", [("performance_bonus", 8, "question")]),
    ],
)
def test_a_question_about_a_named_figure_asks_what_it_is_not_for_it(text: str, expected: list) -> None:
    assert roles(text) == expected


def test_a_change_asked_about_in_a_question_is_still_asked_for() -> None:
    assert ("pto", 25, "ask") in roles("could we go from 20 to 25 days, or is that too much?")


@pytest.mark.parametrize(
    "text",
    [
        "if you can get the base to 131k and add 3 remote days, I'll sign tomorrow",
        "131k base + 3 remote days and you have a deal",
    ],
)
def test_terms_set_as_the_condition_of_accepting_are_asked_for(text: str) -> None:
    got = roles(text)
    assert ("base_salary", 131_000, "ask") in got
    assert ("remote_work", 3, "ask") in got


def test_what_is_taken_before_the_condition_is_given_in_the_trade() -> None:
    # docs/labelling.md, third round: taking the standing figure in a trade is give, even when it equals the offer
    got = roles("I'll take the 118k base as it is if you add 3 remote days")
    assert ("base_salary", 118_000, "give") in got
    assert ("remote_work", 3, "ask") in got


def test_a_salary_sized_sum_is_not_read_as_a_small_perk_named_nearby() -> None:
    got = roles("I could do ₪39,500 a month if you also cover the parking")
    assert ("base_salary", 39_500, "ask") in got
    assert all(perk != "transportation" or amount is None for perk, amount, _ in got)


def test_a_small_sum_beside_its_perk_stays_that_perk() -> None:
    assert ("transportation", 650, "ask") in roles("could the parking allowance be ₪650 a month?")


def test_the_total_a_change_arrives_at_is_the_ask() -> None:
    assert roles("three more vacation days please, so 26 in total") == [("pto", 26, "ask")]


def test_a_figure_said_again_for_emphasis_is_one_ask() -> None:
    asks = [term for term in roles("I need 30 days off. Not 25. 30.") if term[2] == "ask"]
    assert asks == [("pto", 30, "ask")]


def test_a_cost_brought_with_a_request_asks_for_the_perk_too() -> None:
    got = roles("the train pass costs me $160 a month, could you cover it?")
    assert ("transportation", 160, "evidence") in got
    assert ("transportation", None, "ask") in got


def test_a_cost_said_alone_asks_for_nothing() -> None:
    assert roles("the train pass costs me $160 a month") == [("transportation", 160, "evidence")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("so the 6% bonus is on top of base, right?", ("performance_bonus", 6, "question")),
        ("is that 25 days incl bank holidays?", ("pto", 25, "question")),
    ],
)
def test_checking_what_a_figure_covers_is_a_question(text: str, expected: tuple) -> None:
    assert expected in roles(text)


def test_the_offer_named_by_its_figure_alone_takes_its_perk_from_the_offer() -> None:
    context = Context(last_perk="professional_development", last_move="offer",
                      offer={"professional_development": 2500, "base_salary": 90_000})
    assert roles("ok 2.5k works for me", context) == [("professional_development", 2500, "current")]


def test_numbers_side_by_side_are_not_added_up() -> None:
    assert all(perk != "working_hours" for perk, _, _ in roles("could I work four ten-hour days instead?"))


def test_years_of_experience_are_no_term() -> None:
    assert roles("I have eight years of backend experience, so I'd like 140k") == [("base_salary", 140_000, "ask")]


@pytest.mark.parametrize(
    ("text", "current"),
    [
        ("I appreciate the move to $97k. Could we add a 5% raise review after probation?", ("base_salary", 97_000)),
        ("Alright, £61,000 it is.", ("base_salary", 61_000)),
        ("If $140k is the ceiling, could we add a third remote day?", ("base_salary", 140_000)),
        ("If base is fixed at $118,000, what else could you do?", ("base_salary", 118_000)),
    ],
)
def test_acknowledging_the_recruiters_figure_is_not_asking_for_it(text: str, current: tuple) -> None:
    got = roles(text)
    assert (*current, "current") in got
    assert (*current, "ask") not in got


def test_a_figure_set_as_the_ask_is_not_taken_for_a_fixed_one() -> None:
    assert roles("I'd ask that the base be set at $93,000.") == [("base_salary", 93_000, "ask")]


def test_a_market_range_said_before_the_ask_is_evidence() -> None:
    got = roles("Data engineers at companies your size sit at $140k-$160k, and I'd like $152k.")
    assert got == [("base_salary", 140_000, "evidence"), ("base_salary", 152_000, "ask")]


def test_what_i_am_at_today_is_evidence() -> None:
    got = roles("I'm at €66k today and I'd like €72k.")
    assert got == [("base_salary", 66_000, "evidence"), ("base_salary", 72_000, "ask")]


def test_a_number_word_said_alone_answers_the_question() -> None:
    context = Context(last_perk="pto", last_move="question", offer={"pto": 20})
    assert roles("Twenty-five.", context) == [("pto", 25, "ask")]


def test_starting_earlier_is_offered_up_even_without_a_trade_word() -> None:
    assert ("start_date", 3, "give") in roles("Could we meet at 95k if I start 3 weeks earlier?")


def test_a_salary_sized_sum_before_another_perks_clause_is_the_salary() -> None:
    got = roles("If $140k is the ceiling, could the equity go to $25k?")
    assert ("base_salary", 140_000, "current") in got
    assert ("equity", 25_000, "ask") in got


def test_a_guessed_perk_is_not_asked_for_by_a_cost_beside_it() -> None:
    got = roles("Shipping our things has been quoted at $9k-$12k, so I'd ask for $11k in relocation.")
    assert ("relocation", 11_000, "ask") in got
    assert all(amount is None for perk, amount, _ in got if perk == "base_salary")


def test_a_recap_lists_the_offer_as_it_stands() -> None:
    got = roles("Just to recap where we stand: $131k base, 12% bonus and 22 days - did I get that right?")
    assert got == [("base_salary", 131_000, "current"), ("performance_bonus", 12, "current"), ("pto", 22, "current")]


def test_what_the_offer_says_is_the_offer_and_what_follows_a_request_is_asked() -> None:
    got = roles("The offer says 40 hours and $800 for courses - could the course budget go to $1,500?")
    assert ("working_hours", 40, "current") in got
    assert ("professional_development", 800, "current") in got
    assert ("professional_development", 1500, "ask") in got


def test_thanking_for_a_move_names_the_offer() -> None:
    got = roles("Thanks for moving to $97k, that's great. Could we add a 4th remote day?")
    assert ("base_salary", 97_000, "current") in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("could we add a third remote day?", ("remote_work", 3, "ask")),
        ("I'd love a 4th wfh day", ("remote_work", 4, "ask")),
    ],
)
def test_an_ordinal_day_asks_for_the_count_it_makes(text: str, expected: tuple) -> None:
    assert expected in roles(text)


def test_an_ordinal_day_of_a_date_is_no_term() -> None:
    assert roles("my lease ends on the second day of the month") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the movers quoted us $12,500 for the whole flat", ("relocation", 12_500, "evidence")),
        ("my exam and prep course come to about $1,900, could you cover that?", ("professional_development", 1900,
                                                                                "evidence")),
    ],
)
def test_a_cost_takes_the_perk_of_what_it_is_spent_on(text: str, expected: tuple) -> None:
    got = roles(text)
    assert expected in got
    assert all(amount is None for perk, amount, _ in got if perk == "base_salary")


def test_a_salary_is_not_taken_for_a_moving_cost() -> None:
    assert roles("I'd need 150k to make the move worth it") == [("base_salary", 150_000, "ask")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the" before a figure and its perk names the figure already on the table; the ask is the new one
        (
            "The $8k moving package won't stretch to a cross-country move; could we say $13k?",
            [("relocation", 8_000, "current"), ("relocation", 13_000, "ask")],
        ),
        ("any chance to lift the 1.5k course budget?", [("professional_development", 1_500, "current")]),
        (
            "Please confirm the 22 days of vacation and the $6,500 medical cover in the letter.",
            [("pto", 22, "current"), ("health_insurance", 6_500, "current")],
        ),
    ],
)
def test_a_figure_named_with_the_is_the_offer_as_it_stands(text: str, expected: list) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # asked for, given up, owned or a range: "the" does not make these the offer
        ("I'd really like the $90 monthly gym allowance too", [("wellness", 90, "ask")]),
        (
            "for 3 remote days I'd drop the $700 wellness budget",
            [("remote_work", 3, "ask"), ("wellness", 700, "give")],
        ),
        ("could you cover the $150 monthly bus pass?", [("transportation", 150, "ask")]),
    ],
)
def test_a_figure_with_the_that_is_asked_or_given_keeps_its_role(text: str, expected: list) -> None:
    assert roles(text) == expected


def test_a_figure_with_the_in_a_question_is_asked_about() -> None:
    assert roles("Is the 12 days of leave negotiable, or fixed by policy?") == [("pto", 12, "question")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sum said as what a thing the perk pays for costs is evidence; asking to cover it asks for the perk
        (
            "parking by the office runs $240 a month, could you help with it?",
            [("transportation", 240, "evidence"), ("transportation", None, "ask")],
        ),
        ("my climbing gym is like €60/mo", [("wellness", 60, "evidence")]),
    ],
)
def test_a_stated_cost_is_evidence(text: str, expected: list) -> None:
    assert roles(text) == expected


def test_the_perks_own_allowance_is_not_a_cost() -> None:
    assert ("transportation", 150, "evidence") not in roles("the parking allowance is $150, can we double it?")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare figure the ask is compared with is the same perk's figure as it stands, in the ask's unit
        ("could I get 25 days of holiday rather than 20?", [("pto", 25, "ask"), ("pto", 20, "current")]),
        (
            "ideally four days from home instead of three",
            [("remote_work", 4, "ask"), ("remote_work", 3, "current")],
        ),
        # the next item after a comparison is asked for, not part of the offer
        (
            "a $3k course budget instead of $1k, and two remote days rather than one",
            [
                ("professional_development", 3_000, "ask"),
                ("professional_development", 1_000, "current"),
                ("remote_work", 2, "ask"),
                ("remote_work", 1, "current"),
            ],
        ),
    ],
)
def test_a_figure_compared_with_the_ask_is_the_offer(text: str, expected: list) -> None:
    assert roles(text) == expected


def test_a_compared_span_of_years_is_no_salary() -> None:
    got = roles("could the options vest over two years instead of three? my pay matters less")
    assert all(amount is None for perk, amount, _ in got if perk == "base_salary")


def test_a_range_before_the_figure_asked_for_is_its_evidence_in_any_words() -> None:
    got = roles("My research puts this job at $95k–$110k, and with my track record I'd like to land at $104k.")
    assert got == [("base_salary", 95_000, "evidence"), ("base_salary", 104_000, "ask")]


def test_a_range_asked_for_in_its_own_clause_stays_the_ask() -> None:
    got = roles("I'd like something in $95k–$110k, ideally $104k.")
    assert ("base_salary", 95_000, "ask") in got


def test_a_bare_number_asked_after_a_perks_figure_is_that_perk_not_a_salary() -> None:
    got = roles("Your letter lists 21 days of annual leave; I was hoping for 26.")
    assert got == [("pto", 21, "current"), ("pto", 26, "ask")]


def test_quotes_that_range_from_one_sum_to_another_are_a_range_not_a_change() -> None:
    got = roles("The removal firms' quotes range from $9,000 to $12,000, more than your relocation covers.")
    assert got[0] == ("relocation", 9_000, "evidence")
    assert ("relocation", 12_000, "ask") not in got


def test_a_range_said_with_until_is_one_range() -> None:
    terms = shipped()[1].read("for this level the market is 120k until 140k").terms
    assert [(t.perk, t.amount, t.role, t.range) for t in terms] == [
        ("base_salary", 120_000, "evidence", (120_000, 140_000))]


def test_a_step_number_starts_no_range_of_pay() -> None:
    """ "from $64,000 at grade 2 to $80,000 at grade 5": the grade's number is a label, not the low end of a
    range of pay (it was read as $2,000-$80,000 of whatever perk the offer had near $2,000)."""
    said = roles("The salary table goes from $64,000 at grade 2 to $80,000 at grade 5, so I'd ask for $74,000.")
    assert ("base_salary", 64_000, "evidence") in said
    assert ("base_salary", 74_000, "ask") in said
    assert all(amount is None or amount >= 64_000 for _, amount, _ in said)
