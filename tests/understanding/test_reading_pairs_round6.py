"""Pairs of perk, amount and role, round six: a notice period owed to the current employer is no start date, a
review of pay after probation or at so many months is the raise review, and a market range said beside the offer
or after the ask is evidence (docs/labelling.md). The sentences are written here, not taken from any corpus."""

from __future__ import annotations

import pytest

from bot.understanding.acts import Act, Context
from bot.understanding.amounts import find_amounts, normalise
from tests.support.harness import shipped
from tests.support.reading import pairs


def perks(text: str, context: Context | None = None) -> set[str | None]:
    return {t.perk for t in shipped()[1].read(text, context).terms}


@pytest.mark.parametrize(
    "text",
    [
        "just so you know, my notice period at the bank is six weeks",
        "Please note I owe my present employer two months' notice.",
        "thanks! I'll hand in my notice on friday then",
    ],
)
def test_a_notice_period_alone_names_no_start_date(text: str) -> None:
    assert "start_date" not in perks(text)


def test_the_start_asked_for_wins_over_the_notice_that_explains_it() -> None:
    assert pairs("I would start in 8 weeks, since I must give notice three weeks.") == [("start_date", 8, "ask")]
    assert pairs("I need 3 month for start because of my contract notice") == [("start_date", 3, "ask")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("could the probation review come with 4%?", ("raise_review", 4, "ask")),
        ("I'd sign at 95k with a review at four months for another 3%", ("raise_review", 3, "ask")),
        ("we could link a 6% raise to the targets at the end of probation", ("raise_review", 6, "ask")),
    ],
)
def test_a_review_of_pay_is_the_raise_review(text: str, expected: tuple) -> None:
    assert expected in pairs(text)


def test_the_months_a_review_falls_at_are_no_amount() -> None:
    assert pairs("could we set a salary review at nine months?") == [("raise_review", None, "ask")]
    assert pairs("a promotion review at 9 months?") == [("promotion", 9, "ask")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("your 71k is low, the going range is 75-90",
         [("base_salary", 71_000, "current"), ("base_salary", 75_000, "evidence")]),
        ("I would like 58 thousand. Here people with my job have between 52 and 64 thousand.",
         [("base_salary", 58_000, "ask"), ("base_salary", 52_000, "evidence")]),
    ],
)
def test_a_market_range_beside_the_offer_or_after_the_ask_is_evidence(text: str, expected: list) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The movers quoted us $12,400 and we need a month of temporary housing at $2,000, so could relocation go to"
        " $15k?",
        "shipping our stuff from Denver is quoted at $11,800, plus temporary housing at $2,500; I'd ask for $14k"
        " relocation",
    ],
)
def test_of_several_costs_of_one_perk_the_first_said_is_its_evidence(text: str) -> None:
    read = pairs(text)
    evidence = [p for p in read if p[2] == "evidence"]
    assert len(evidence) == 1 and evidence[0][0] == "relocation" and (evidence[0][1] or 0) > 10_000, read
    assert "base_salary" not in {p[0] for p in read}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("could we push my start date from three weeks to seven, so I can wrap up my project?",
         [("start_date", 3, "current"), ("start_date", 7, "ask")]),
        ("three weeks is too soon since I owe two weeks' notice, so I'd start in five.",
         [("start_date", 3, "current"), ("start_date", 5, "ask")]),
    ],
)
def test_a_number_word_takes_the_unit_of_the_figure_it_changes(text: str, expected: list) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'd like to cut to 30 hours, with pay reduced from $70k to about $52,500.",
         ("base_salary", 70_000, "current")),
        ("The dental plan at $4,200 looks fine; what I'd change is the leave.", ("health_insurance", 4_200, "current")),
        ("Maybe more money for the gym? 300 dollar is very few.", ("wellness", 300, "current")),
    ],
)
def test_a_figure_judged_or_changed_from_is_the_offer(text: str, expected: tuple) -> None:
    assert expected in pairs(text)


def test_a_range_said_with_a_market_range_is_evidence_too() -> None:
    read = pairs("Leads at agencies this size are on €90k–€110k with a 5–10% bonus; I'd ask for €104k and 8%.")
    assert ("performance_bonus", 5, "evidence") in read and ("performance_bonus", 8, "ask") in read
    assert ("base_salary", 90_000, "evidence") in read and ("base_salary", 104_000, "ask") in read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My employer pays €61,000 plus a car; I'm asking for €66,000 and the car.",
         [("base_salary", 61_000, "evidence"), ("base_salary", 66_000, "ask")]),
        ("My old firm gives 27 days, I need 30 days.", [("pto", 27, "evidence"), ("pto", 30, "ask")]),
        ("They've now come back at 132k. I'd like to stay in this process, but I'd need you at 130k to make it work.",
         [("base_salary", 132_000, "evidence"), ("base_salary", 130_000, "ask")]),
    ],
)
def test_a_figure_said_before_the_one_asked_for_is_what_the_ask_rests_on(text: str, expected: list) -> None:
    assert [p for p in pairs(text) if p[0] in ("base_salary", "pto")] == expected
    offer = Context(last_perk="base_salary", last_move="offer", offer={"base_salary": 84_000})
    assert pairs("84 is a bit painful, could we do 90?", offer) == [("base_salary", 84_000, "current"),
                                                                     ("base_salary", 90_000, "ask")]



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("To sum up my side: two home days versus your one, a €3,000 course budget versus €1,200.",
         [("remote_work", 2, "ask"), ("remote_work", 1, "current"), ("professional_development", 3_000, "ask"),
          ("professional_development", 1_200, "current")]),
        ("and the €90 monthly gym pass covered instead of the €40 wellness allowance.",
         [("wellness", 90, "ask"), ("wellness", 40, "current")]),
    ],
)
def test_the_figure_put_in_place_of_the_offers_is_the_ask(text: str, expected: list) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thanks, but I'll pass. A 50-hour week with 12 days of leave isn't something I can sign up for.",
         [("working_hours", 50, "current"), ("pto", 12, "current")]),
        ("After a lot of thought, with relocation at $8k and base at $140k the move is too risky for us, so we'll be"
         " turning the offer down.", [("relocation", 8_000, "current"), ("base_salary", 140_000, "current")]),
    ],
)
def test_a_decline_asks_for_nothing_it_names(text: str, expected: list) -> None:
    assert pairs(text) == expected
    read = shipped()[1].read("I'm going to decline. $85k with no bonus and 12 days of leave is too far below what I"
                             " earn now.")
    assert Act.quit in read.acts and Act.trade_off not in read.acts


def test_the_bonus_one_is_walking_away_from_is_no_walk_out() -> None:
    text = "I'd want $9k as a sign-on for the bonus I'm walking away from, and three remote days."
    acts = shipped()[1].read(text).acts
    assert Act.quit not in acts and Act.propose in acts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'd like 22 days of leave and three hybrid days a week.", [("pto", 22, "ask"), ("remote_work", 3, "ask")]),
        ("could we try four home-office days for a quarter?", [("remote_work", 4, "ask")]),
        ("My counter: the two remote days raised to three.",
         [("remote_work", 2, "current"), ("remote_work", 3, "ask")]),
    ],
)
def test_days_named_in_words_with_their_kind_are_counted(text: str, expected: list) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'd hand back 3 of the 25 days off if the base could reach 98k.", ("pto", 25, "current")),
        ("happy to drop one of my three home days for a bigger training budget", ("remote_work", 3, "current")),
    ],
)
def test_the_whole_a_part_is_given_from_is_the_offer(text: str, expected: tuple) -> None:
    assert expected in pairs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.08% seems thin for hire #15, I was hoping for 0.25%",
         [("equity", 0.08, "current"), ("equity", 0.25, "ask")]),
        ("0.1% is low for a founding engineer, could it be 0.3%?",
         [("equity", 0.1, "current"), ("equity", 0.3, "ask")]),
    ],
)
def test_a_fraction_of_a_percent_is_equity(text: str, expected: list) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Could the sign-on go to 12k? In return I'd give up the $500 gym stipend and the $1.5k laptop budget.",
         [("wellness", 500, "give"), ("equipment", 1_500, "give")]),
        ("I'd drop the options and the €2,000 training budget in exchange for a €6,000 sign-on.",
         [("professional_development", 2_000, "give")]),
    ],
)
def test_the_offers_own_figure_given_up_in_a_trade_is_given(text: str, expected: list) -> None:
    read = shipped()[1].read(text).terms
    assert [(t.perk, t.amount, t.role) for t in read if t.role == "give" and t.amount is not None] == expected
    assert all(t.give for t in read if t.role == "give")


@pytest.mark.parametrize(
    ("text", "low"),
    [("peers get $30–45k a year in equity", 30_000), ("the market is €90–110k for this", 90_000),
     ("movers quoted $9-14k", 9_000)],
)
def test_a_range_with_a_currency_first_and_k_last_is_in_thousands_at_both_ends(text: str, low: float) -> None:
    assert [a.value for a in find_amounts(normalise(text))] == [low]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A logistics startup offered €88k and 28 days, but I'd rather be here; could you do €86k?",
         [("base_salary", 88_000, "evidence"), ("pto", 28, "evidence"), ("base_salary", 86_000, "ask")]),
        ("My bank pays ₪36,500 a month; I'm asking for ₪40,000.",
         [("base_salary", 36_500, "evidence"), ("base_salary", 40_000, "ask")]),
    ],
)
def test_another_employers_figures_are_evidence(text: str, expected: list) -> None:
    assert pairs(text) == expected


def test_an_offer_received_in_writing_is_a_competing_offer() -> None:
    assert Act.competing_offer in shipped()[1].read("I received a written offer this morning from a bank.").acts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two things: first, is the €3,000 training budget per year and does it cover travel; second, I'd like a"
         " fourth remote day.", ("professional_development", 3_000, "question")),
        ("is 15k equity per yr or over 4 yrs", ("equity", 15_000, "question")),
    ],
)
def test_a_figure_a_yes_no_question_is_about_is_asked_about(text: str, expected: tuple) -> None:
    assert expected in pairs(text)
    assert ("base_salary", 130_000, "ask") in pairs("is 130k possible?")


@pytest.mark.parametrize(
    "text", ["could the sign-on bonnus be $7,000?", "I'd drop the sign bonus for a fourth remote day"],
)
def test_a_misspelt_or_clipped_sign_on_bonus_is_the_sign_on(text: str) -> None:
    assert "sign_on_bonus" in perks(text) and "performance_bonus" not in perks(text)


@pytest.mark.parametrize(
    "text", ["Before I give a figure, what range have you budgeted?", "what's the range for this grade? just curious"],
)
def test_asking_for_the_budgeted_range_asks_about_the_salary(text: str) -> None:
    read = shipped()[1].read(text)
    assert Act.ask in read.acts and [(t.perk, t.amount, t.role) for t in read.terms] == [
        ("base_salary", None, "question")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("could I shift my hours to 9–5 and have two days at home?",
         [("flexible_schedule", None, "ask"), ("remote_work", 2, "ask")]),
        ("I need to decide my hours myself because of school pick-ups", [("flexible_schedule", None, "ask")]),
        ("without flexibility in working hours I can't make it work", [("flexible_schedule", None, "ask")]),
    ],
)
def test_flexible_hours_in_more_words_and_no_hour_of_the_day_as_an_amount(text: str, expected: list) -> None:
    assert [p for p in pairs(text) if p[0] != "working_hours"] == expected
    assert "working_hours" not in perks(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Movers have quoted $9k to $13k. Could we settle at $11k?",
         [("relocation", 9_000, "evidence"), ("relocation", 11_000, "ask")]),
        ("glassdoor says sign-ons here run 15-25k, could we do 20k?",
         [("sign_on_bonus", 15_000, "evidence"), ("sign_on_bonus", 20_000, "ask")]),
        ("could i get 12k signing", [("sign_on_bonus", 12_000, "ask")]),
        ("for instance $8k up front would go a long way", [("sign_on_bonus", 8_000, "ask")]),
    ],
)
def test_a_sum_asked_inside_a_perks_range_or_said_as_paid_up_front_is_that_perks(text: str, expected: list) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("peers say base is around $120k–$140k with equity worth $10k–$20k; I'd like $135k and $15k",
         [("base_salary", 120_000, "evidence"), ("equity", 10_000, "evidence"), ("base_salary", 135_000, "ask"),
          ("equity", 15_000, "ask")]),
        ("if you can do 95k with the bonus raised from 5% to 8%, I'm in",
         [("base_salary", 95_000, "ask"), ("performance_bonus", 5, "current"), ("performance_bonus", 8, "ask")]),
    ],
)
def test_a_perk_brought_in_with_with_is_not_the_figure_before_it(text: str, expected: list) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You give me 20 days holiday, I want 25 days.", [("pto", 20, "current"), ("pto", 25, "ask")]),
        ("A rival firm sent a written offer of 92k, so I need at least 95k.",
         [("base_salary", 92_000, "evidence"), ("base_salary", 95_000, "ask")]),
    ],
)
def test_what_you_give_is_the_offer_and_a_written_offer_elsewhere_is_evidence(text: str, expected: list) -> None:
    assert pairs(text) == expected
    assert pairs("if you give me 25 days I sign") == [("pto", 25, "ask")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("71k feels low. market 74-88k and i have 80k elsewhere",
         [("base_salary", 71_000, "current"), ("base_salary", 74_000, "evidence")]),
        ("$84k is under the $85k–$98k market for this role",
         [("base_salary", 84_000, "current"), ("base_salary", 85_000, "evidence")]),
        ("blind says 140-160 for staff data eng", [("base_salary", 140_000, "evidence")]),
    ],
)
def test_the_market_is_no_month_and_a_bare_market_range_is_pay_in_thousands(text: str, expected: list) -> None:
    assert pairs(text) == expected
    assert pairs("lease ends mar 1, so I need 95k") == [("base_salary", 95_000, "ask")]



def test_a_counter_said_beside_a_request_for_writing_stays_asked() -> None:
    read = pairs("To wrap up: I'd like the base at £64k rather than £60k, and the 3 remote days put in the contract.")
    assert ("base_salary", 64_000, "ask") in read and ("base_salary", 60_000, "current") in read


def test_a_figure_one_is_not_going_to_accept_is_the_offer() -> None:
    assert pairs("I'm not going to accept $96k. I'd consider $104k with a $5k sign-on.")[:2] == [
        ("base_salary", 96_000, "current"), ("base_salary", 104_000, "ask")]


@pytest.mark.parametrize(
    ("text", "perk"),
    [("ok the pto's settled, now the sign-on", "pto"),
     ("salary's fine, what I need is a flexible schedule", "base_salary"),
     ("What matters most is the salary, then remote days, then leave.", "pto")],
)
def test_a_perk_with_an_s_or_ending_a_list_is_named(text: str, perk: str) -> None:
    assert perk in perks(text)
    assert "pto" not in perks("I'd wrap up the project then leave.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm a backend engineer with 7 years, and I'd want the Lead title.", [("title", None, "ask")]),
        ("I'd like to anchor at grade 6 given my eight years.", [("title", None, "ask")]),
        ("I'd like flexible hours, starting at 9:30 and finishing at 6. Otherwise $98k, 25 days and the 4% pension"
         " are fine.", [("flexible_schedule", None, "ask"), ("base_salary", 98_000, "current"), ("pto", 25, "current"),
                        ("retirement_match", 4, "current")]),
        ("no car needed, rather give me 250 € more in the salary", [("transportation", None, "ask"),
                                                                     ("base_salary", 250, "ask")]),
    ],
)
def test_years_of_experience_and_hours_of_the_day_are_no_amounts(text: str, expected: list) -> None:
    assert [p for p in pairs(text) if p[0] is not None] == expected and None not in {p[0] for p in pairs(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("pto 28d, wfh 3d, learning 3k", ("professional_development", 3_000, "ask")),
     ("so: €80k base, €2,000 learning and €1,200 equipment", ("professional_development", 2_000, "ask"))],
)
def test_learning_said_beside_a_sum_is_the_learning_budget(text: str, expected: tuple) -> None:
    assert expected in pairs(text)
    assert "professional_development" not in perks("I'm learning a lot in this process, 95k please")


def test_could_we_also_do_a_figure_asks_for_it() -> None:
    # "do" is the verb of the request here, not a question about a figure already offered
    from bot.understanding.acts import Context
    from tests.support.harness import shipped

    _, understander = shipped()
    said = understander.read("Thank you. Could we also do 25 days of paid time off, please?",
                             Context(last_perk="pto", last_move="refusal"))
    assert [(t.perk, t.amount, t.role) for t in said.terms] == [("pto", 25.0, "ask")]
    asked = understander.read("and does the 8% pension start on day one?")
    assert ("retirement_match", "question") in [(t.perk, t.role) for t in asked.terms]
