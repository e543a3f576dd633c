"""Which perks a message talks about, in the words people use (docs/labelling.md, Perks): pay steps, leave,
titles named as the thing negotiated, compressed weeks, cert budgets; and words that only look like perks."""

from __future__ import annotations

import pytest

from tests.understanding.test_understand import understander


def perks(text: str) -> set[str | None]:
    return {t.perk for t in understander().read(text).terms}


@pytest.mark.parametrize(
    ("text", "perk"),
    [
        # a pay step on a public scale is the base salary
        ("could you place me on step 5?", "base_salary"),
        ("which step would someone with my background start on?", "base_salary"),
        # leave as a noun is time off
        ("I'd like three more days of annual leave, or extra leave in the summer", "pto"),
        ("can we talk about leave? 18 days is short", "pto"),
        # a title named as the thing negotiated
        ("could I join as Principal Engineer rather than Senior Engineer?", "title"),
        ("would Data Scientist II be possible?", "title"),
        ("happy to sign if I come in as Staff", "title"),
        # a compressed week and core hours are a flexible schedule, not working hours
        ("could I do a compressed week, four long days?", "flexible_schedule"),
        ("core hours of 11 to 4 would suit me", "flexible_schedule"),
        ("flexibility is what I need most with two toddlers", "flexible_schedule"),
        # a certification budget in chat shorthand
        ("would you cover my cloud cert? it's about 800", "professional_development"),
        ("my only ask left is a coaching budget for the first year", "mentorship"),
        ("150k base and 4mo sev", "severance"),
        ("could the company cover my commute costs, about 90 a month?", "transportation"),
    ],
)
def test_a_perk_in_ordinary_words(text: str, perk: str) -> None:
    assert perk in perks(text), text


@pytest.mark.parametrize(
    ("text", "perk"),
    [
        # the verb "leave", and leave that is parental leave said again
        ("I'd leave my current job in March", "pto"),
        ("I don't want to leave money on the table", "pto"),
        ("could the maternity leave be 20 weeks? I'd take all of that leave", "pto"),
        # steps that are no pay steps
        ("that would be a big step up for me", "base_salary"),
        ("what are the next steps?", "base_salary"),
        # a grade or title described, not negotiated
        ("I get that the grade 9 band is set by HR", "title"),
        ("senior designers there earn about 90k", "title"),
        ("I'm a senior engineer with a family", "title"),
        ("thank you for the offer for the Analyst II position", "title"),
        # room to move, thanks and ownership of work are no perks
        ("is there any flexibility on the sign-on?", "flexible_schedule"),
        ("thanks for your flexibility on this", "flexible_schedule"),
        ("I took full ownership of the billing platform", "equity"),
        # a starting pay is not a start date
        ("engineers there start at $120k", "start_date"),
        # the salary as the measure of another perk, money in idioms, pay as a verb
        ("the target bonus would be 12% of base, is that right?", "base_salary"),
        ("could severance be four months' salary?", "base_salary"),
        ("I'd hate to leave money on the table here", "base_salary"),
        ("does the company pay for the pension or do I pay too?", "base_salary"),
        # the commute as a trip, travel as a verb, a word that is no misspelt perk
        ("the commute from the suburbs is long, so three home days would help", "transportation"),
        ("I travel to see my parents twice a year, so 25 days off matters", "transportation"),
        ("one clarification: is the bonus guaranteed?", "professional_development"),
    ],
)
def test_words_that_only_look_like_a_perk(text: str, perk: str) -> None:
    assert perk not in perks(text), text


def test_a_perk_the_speaker_corrects_is_not_asked_for_where_first_named() -> None:
    """ "Can the bonus be raised? Sorry, I mean the pension match, not the bonus": the bonus set apart is not asked
    for in the first sentence either."""
    said = understander().read(
        "Can the bonus be raised? Sorry, I mean the pension match, not the bonus. Could it be 6%?")
    assert [(t.perk, t.amount, t.role) for t in said.terms] == [("retirement_match", 6.0, "ask")]


def test_what_a_perk_is_not_part_of_is_no_ask() -> None:
    """ "so it's the training money, not part of the bonus": the bonus only says what the money is not."""
    said = understander().read("Right, so it's the training money, not part of the bonus. Could it be $2,500?")
    assert [(t.perk, t.amount, t.role) for t in said.terms] == [("professional_development", 2500.0, "ask")]
    later = understander().read("That's the base, not the bonus. Could the bonus be 15%?")
    assert ("performance_bonus", 15.0, "ask") in [(t.perk, t.amount, t.role) for t in later.terms]
