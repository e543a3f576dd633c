"""Asks the reader used to miss in live practices (round eight): a perk named and then asked for as "that" ("…is
the big one for me. Is that doable?"). docs/labelling.md gives the labels; the sentences are written here, not taken
from any corpus."""

from __future__ import annotations

import pytest

from bot.understanding.acts import Act, Context
from tests.support.harness import shipped
from tests.support.reading import acts, pairs

# --- a perk named, then asked for as "that" ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My kids finish school at three, so a flexible schedule really matters to me. Is that doable?",
        "About the gym membership: is that something Brightline could cover?",
        "Ok, and then the gym, is that something you can cover?",
        "A mentor in my first year would be the main thing for me. Would that be possible?",
    ],
)
def test_a_perk_asked_for_as_that_is_an_ask(text: str) -> None:
    asked = [(perk, role) for perk, _, role in pairs(text)]
    assert any(role == "ask" for _, role in asked), asked
    assert Act.propose in acts(text)


def test_a_question_about_telling_stays_a_question() -> None:
    # "something you can tell me" wants an answer, it asks for no perk
    assert ("retirement_match", None, "ask") not in pairs("Is there a pension? Is that something you can explain?")


# --- a polite request after a lead-in ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Thanks. One more thing, as I am new to leading a team: could Brightline find me a mentor at first?",
        "Last point, and it matters to me: would the company pay for a gym membership?",
    ],
)
def test_a_polite_request_after_a_lead_in_asks_for_the_perk(text: str) -> None:
    assert any(role == "ask" and amount is None for _, amount, role in pairs(text))
    assert Act.propose in acts(text)


# --- a figure called fine or said to work is the offer as it stands ----------------------------------------------


def test_a_figure_called_more_than_fine_is_not_asked_for() -> None:
    context = Context(last_perk="wellness", last_move="offer", offer={"wellness": 900, "base_salary": 90000})
    read = pairs("Thanks, $700 is more than fine. Could I have until Friday to decide?", context)
    assert all(role != "ask" for _, _, role in read), read


def test_two_figures_that_both_work_are_the_offer() -> None:
    read = pairs("$95,000 base and $5,000 for the sign-on both work for me. Can we talk about remote days now?")
    assert ("base_salary", 95000, "current") in read
    assert ("sign_on_bonus", 5000, "current") in read


# --- perks named only to set them apart -------------------------------------------------------------------------


def test_a_perk_the_user_says_they_will_not_ask_to_move_is_not_asked_for() -> None:
    read = pairs("I know the band is fixed, so I will not ask you to raise the salary. Could we add a sign-on instead?")
    assert ("base_salary", None, "ask") not in read
    assert ("sign_on_bonus", None, "ask") in read


def test_a_perk_corrected_away_is_no_term() -> None:
    read = pairs("Sorry, I meant the remote days, not the bonus. Could it be three days?")
    assert all(perk != "performance_bonus" for perk, _, _ in read), read


def test_a_field_worked_for_is_not_a_perk() -> None:
    read = pairs("I love designing for healthcare, so I'd ask for a base of $95,000.")
    assert all(perk != "health_insurance" for perk, _, _ in read), read


# --- a figure asked for in words, though the offer already has it -------------------------------------------------

_OFFER = Context(last_perk="remote_work", last_move="offer",
                 offer={"base_salary": 90000, "remote_work": 3, "pto": 22})


@pytest.mark.parametrize(
    "text",
    [
        "Could we do 3 remote days a week?",
        "I'd like 3 days at home.",
        "Two is not much. Maybe 3 days from home?",
    ],
)
def test_a_figure_requested_in_its_clause_is_asked_for_even_if_offered(text: str) -> None:
    assert ("remote_work", 3, "ask") in pairs(text, _OFFER)


@pytest.mark.parametrize(
    "text",
    [
        "3 days? great, that works.",
        "I'd accept the 3 remote days if the leave goes to 25.",
    ],
)
def test_a_figure_echoed_or_taken_is_the_offer(text: str) -> None:
    assert ("remote_work", 3, "ask") not in pairs(text, _OFFER)


# --- a flexible schedule said as leaving early; the recap's figure --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Could I leave early on Wednesdays to pick up my son? I'd make the time up in the evening.",
        "I would need Friday afternoons off, if that works for the team.",
    ],
)
def test_leaving_early_asks_for_a_flexible_schedule(text: str) -> None:
    assert ("flexible_schedule", None, "ask") in pairs(text)


def test_taking_leave_early_is_not_a_flexible_schedule() -> None:
    assert all(perk != "flexible_schedule" for perk, _, _ in pairs("Can I take leave early in the year?"))


def test_the_figure_the_recap_shows_is_the_offer() -> None:
    read = pairs("The summary still shows the gym at $300 a year. Could it go to $600?")
    assert ("wellness", 300, "current") in read
    assert ("wellness", 600, "ask") in read


def test_a_change_asked_for_keeps_its_ask_when_the_offer_already_has_it() -> None:
    context = Context(last_perk="professional_development", last_move="offer",
                      offer={"base_salary": 90000, "professional_development": 2500})
    read = pairs("The course is about $2,500, so I would ask for the training budget to go from $1,000 to $2,500.",
                 context)
    assert ("professional_development", 2500, "ask") in read
    assert ("professional_development", 1000, "current") in read


def test_raising_points_is_not_a_raise() -> None:
    read = pairs("Before we close I want to raise two points. First, could the sign-on be $8,000?")
    assert all(perk != "raise_review" for perk, _, _ in read), read


def test_a_figure_said_to_be_someones_ceiling_is_the_offer() -> None:
    read = pairs("If $95k is the company's ceiling, could we add a $5,000 sign-on?")
    assert ("base_salary", 95000, "current") in read
    assert ("sign_on_bonus", 5000, "ask") in read


def test_what_a_rival_also_gives_is_evidence() -> None:
    read = pairs("The other firm pays more. They also give me a $6,000 sign-on, could you match that?")
    assert ("sign_on_bonus", 6000, "evidence") in read
    assert ("sign_on_bonus", 6000, "ask") not in read


@pytest.mark.parametrize(
    "text",
    [
        "Okay, two weeks then. Could we also add a mentor for the first months?",
        "Fine, $96k. Now, could the sign-on be $5,000?",
    ],
)
def test_a_figure_said_yes_to_first_is_not_asked_for(text: str) -> None:
    asked = [(perk, amount) for perk, amount, role in pairs(text) if role == "ask"]
    assert all(amount not in (2, 96000) for _, amount in asked), asked


def test_a_shy_wish_then_if_it_is_possible_asks_for_the_perk() -> None:
    text = "Hmm, I suppose maybe a gym membership? Only if that's possible."
    assert ("wellness", None, "ask") in pairs(text)
    assert Act.propose in acts(text)


# --- questions that ask for nothing -------------------------------------------------------------------------------


def test_a_perk_whose_absence_is_questioned_is_not_declined() -> None:
    read = pairs("Wait, no gym stipend at all?")
    assert ("wellness", None, "ask") not in read
    assert all(not t.negated for t in shipped()[1].read("Wait, no gym stipend at all?").terms)


def test_a_question_announced_as_one_wants_an_answer() -> None:
    text = "Thanks. I have one question: the 90k, it is with bonus or there is bonus extra?"
    assert all(role != "ask" for _, _, role in pairs(text)), pairs(text)


def test_one_or_two_days_gives_its_low_end() -> None:
    # "one" alone is mostly a pronoun; with the other end's unit after it, it is the low end of a range
    assert ("remote_work", 1, "ask") in pairs("Maybe I could work remotely one or two days?")


def test_starting_in_some_weeks_asks_for_a_start_date() -> None:
    assert ("start_date", 3, "ask") in pairs("My notice is short, so starting in three weeks would suit me best.")


def test_starting_at_a_time_of_day_is_no_start_date() -> None:
    read = pairs("Could I have flexible hours, starting at 9:30 and finishing at 6?")
    assert all(perk != "start_date" for perk, _, _ in read), read


def test_a_figure_asked_to_be_confirmed_is_the_offer() -> None:
    assert ("remote_work", 3, "current") in pairs("I would like to confirm 3 remote days a week.", _OFFER)
