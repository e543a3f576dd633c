"""What each number in a message is doing, and short replies read against the offer on the table.

Phrasings come from the kinds of line the blind writers produced (docs/labelling.md), never from the
frozen sets: a change "from X to Y", an acceptance that names the offer, a bare number read against
the offer, a question about a perk, a duration given up in a trade.
"""

from __future__ import annotations

import pytest

from bot.understanding.acts import Act, Context, Signal
from tests.support.harness import ChatHarness, shipped, text_of


def read(text: str, context: Context | None = None):  # type: ignore[no-untyped-def]
    return shipped()[1].read(text, context)


def roles(text: str, context: Context | None = None) -> list[tuple[str | None, float | None, str]]:
    return [(t.perk, t.amount, t.role) for t in read(text, context).terms]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Could we increase PTO from 15 to 20 days?", [("pto", 15, "current"), ("pto", 20, "ask")]),
        ("could we go from 2 to 3 remote days?", [("remote_work", 2, "current"), ("remote_work", 3, "ask")]),
        ("the 401k match at 4 not 2", [("retirement_match", 4, "ask"), ("retirement_match", 2, "current")]),
    ],
)
def test_a_change_names_the_offer_as_it_stands_then_the_ask(text: str, expected: list) -> None:
    assert roles(text) == expected


def test_what_is_taken_in_a_message_is_the_offer_and_what_follows_but_is_asked() -> None:
    got = roles("I'm happy with $118k and the 8% bonus, but I'd like 20 days of leave instead of 15.")
    assert ("base_salary", 118_000, "current") in got
    assert ("performance_bonus", 8, "current") in got
    assert ("pto", 20, "ask") in got
    assert ("pto", 15, "current") in got


def test_an_acceptance_listing_the_figures_proposes_nothing() -> None:
    said = read("$160k, $30k equity, $10k sign-on and 4 remote days — that works. I accept.")
    assert Act.accept in said.acts and Act.propose not in said.acts
    assert all(t.role == "current" for t in said.terms)


def test_a_figure_said_in_the_same_breath_as_evidence_is_evidence() -> None:
    assert roles("For context, my current base salary in London is £68,000, with a 10% bonus.") == [
        ("base_salary", 68_000, "evidence"),
        ("performance_bonus", 10, "evidence"),
    ]


def test_a_bare_number_is_the_salary_in_thousands_near_the_offer() -> None:
    offer = Context(last_move="offer", offer={"base_salary": 150_000, "pto": 20})
    assert roles("I need 170.", offer) == [("base_salary", 170_000, "ask")]
    assert roles("then 25", Context(last_perk="pto", offer={"base_salary": 150_000, "pto": 20})) == [
        ("pto", 25, "ask")
    ]


def test_the_offers_own_figure_asks_for_nothing() -> None:
    offer = Context(last_move="offer", offer={"base_salary": 118_000})
    assert roles("ok, 118k it is", offer) == [("base_salary", 118_000, "current")]


def test_a_question_about_a_perk_asks_about_it_rather_than_for_it() -> None:
    said = read("Is there a signing bonus?")
    assert Act.ask in said.acts and Act.propose not in said.acts
    assert [(t.perk, t.role) for t in said.terms] == [("sign_on_bonus", "question")]
    assert [t.role for t in read("is the 84k before or after tax?").terms] == ["question"]


def test_the_recruiter_still_answers_a_question_about_a_perk() -> None:
    harness = ChatHarness()
    try:
        harness.say("practice growth_startup")
        reply = text_of(harness.say("Is there any equity?")).lower()
    finally:
        harness.close()
    assert "equity" in reply


def test_weeks_offered_up_in_a_trade_are_given() -> None:
    said = read("I can start 2 weeks earlier if you can do the 10k signing bonus")
    assert Act.trade_off in said.acts
    assert ("start_date", 2, "give") in [(t.perk, t.amount, t.role) for t in said.terms]


def test_a_sum_past_a_perks_scale_stays_with_the_perk_it_was_said_of() -> None:
    assert roles("I want a $5 million sign-on bonus") == [("sign_on_bonus", 5_000_000, "ask")]


@pytest.mark.parametrize(
    "text", ["two of my four years were in healthcare", "I did transit analysis for the county",
             "we're shipping the relocation feature this week"],
)
def test_a_perk_word_naming_a_line_of_work_is_no_perk(text: str) -> None:
    assert read(text).terms == []


@pytest.mark.parametrize(
    "text", ["I'm declining this offer.", "Please consider this email my formal withdrawal from the process.",
             "I've decided this isn't the right fit. Thank you for the opportunity."],
)
def test_declining_the_job_is_quit_not_a_refusal(text: str) -> None:
    acts = read(text).acts
    assert Act.quit in acts and Act.reject not in acts


@pytest.mark.parametrize(
    "text", ["I need at least $140k. If that's not possible, I'll need to walk away from this opportunity.",
             "120k or im done", "No severance, no deal."],
)
def test_a_conditional_walk_away_is_an_ultimatum(text: str) -> None:
    said = read(text)
    assert Act.quit not in said.acts
    assert Signal.ultimatum in said.signals


def test_yes_answers_a_question_and_accepts_an_offer() -> None:
    assert Act.accept not in read("ok cool", Context(last_move="question")).acts
    assert Act.accept in read("ok cool", Context(last_move="offer")).acts


@pytest.mark.parametrize(
    ("text", "given", "asked"),
    [
        ("The equity is worth less to me than cash, so I'd give it up for $10k more on base.", "equity",
         "base_salary"),
        ("I care less about the mentorship than the leave; I'd trade that for two more days off.", "mentorship",
         "pto"),
    ],
)
def test_a_perk_offered_up_by_a_pronoun_is_given_and_the_other_asked(text: str, given: str, asked: str) -> None:
    terms = {t.perk: t.role for t in read(text).terms}
    assert terms[given] == "give" and terms[asked] == "ask"


@pytest.mark.parametrize(
    ("text", "refused", "asked"),
    [
        ("One month of severance is useless when you uproot a whole family. Three months, minimum.", 1, 3),
        ("10 days is a joke, honestly. 20 days.", 10, 20),
    ],
)
def test_a_figure_called_useless_is_refused_and_the_next_one_asked(text: str, refused: float, asked: float) -> None:
    said = read(text)
    assert Act.reject in said.acts
    assert [t.amount for t in said.terms if t.role == "ask"] == [asked]
    assert [t.amount for t in said.terms if t.role == "current"] == [refused]


def test_reaching_a_figure_as_the_condition_for_moving_forward_asks_for_it() -> None:
    said = read("I like this team more than the other offer, so if we can reach ₪44,000 I am ready to sign.")
    assert [(t.perk, t.amount) for t in said.terms if t.role == "ask"] == [("base_salary", 44000)]
