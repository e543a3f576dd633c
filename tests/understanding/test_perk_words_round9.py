"""Perks named in everyday, German or misspelt words, and everyday words that only look like perks (docs/labelling.md,
Perks): the reader must find the first and leave the second alone, or the recruiter answers about the wrong thing."""

from __future__ import annotations

import pytest

from tests.understanding.test_understand import understander


def perks(text: str) -> set[str | None]:
    return {t.perk for t in understander().read(text).terms}


@pytest.mark.parametrize(
    ("text", "perk"),
    [
        # German words for leave and working from home inside an English line
        ("ok with 75k if I get 30 Tage Urlaub", "pto"),
        ("could the Urlaub go to 30?", "pto"),
        ("homeoffice 3 days would be perfect", "remote_work"),
        # days at home said the short way
        ("could I do 4 days home instead?", "remote_work"),
        ("is it possible 2 days in home?", "remote_work"),
        # a course or an exam paid for is professional development
        ("would you cover a course in data engineering? it's about 900", "professional_development"),
        ("could you cover the exam? the study guide alone was 80", "professional_development"),
        ("only one thing: more lerning money, maybe 3000", "professional_development"),
        # a coach for the start is mentorship
        ("I'd love a coach for my first six months", "mentorship"),
        # pay on dismissal is severance, not the notice before starting
        ("three months of notice pay if I'm let go early, please", "severance"),
        # flexible parts of the day and hours said to be flexible are a flexible schedule
        ("I'd need flexible mornings for the school run", "flexible_schedule"),
        ("if the hours can't be flexible I have to say no", "flexible_schedule"),
        ("I'd skip the gym budget if the schedule could be made flexible", "flexible_schedule"),
        # a start named in weeks, or with "be" before when
        ("could the start be in 5 weeks?", "start_date"),
        ("8 wks start would help, I have to sell the house", "start_date"),
    ],
)
def test_a_perk_named_in_other_words(text: str, perk: str) -> None:
    assert perk in perks(text), text


@pytest.mark.parametrize(
    ("text", "perk"),
    [
        # everyday words one letter away from a perk word
        ("I want to talk to my partner before committing to anything", "transportation"),
        ("the data supports my ask of 95k", "wellness"),
        ("I have every confidence the team will grow, 95k please", "professional_development"),
        # sharing as a verb, a course of things, a field of work
        ("my brother shares the childcare with me, so I need to think it over", "equity"),
        ("of course, and could the base be 95k?", "professional_development"),
        ("I spent 3 in healthcare before this, so 95k feels right", "health_insurance"),
        ("I bring years of healthcare design work; could base be 95k?", "health_insurance"),
        ("six years mapping transit networks for the county; 95k please", "transportation"),
        ("I led the regional transit plan, so step 4 feels right", "transportation"),
        # starting from nothing and a start on a pay step are no start date
        ("I run the platform already, I'm not starting from zero; 95k please", "start_date"),
        ("please credit my years so I start at step 4", "start_date"),
        # a move said as a reason is no relocation ask
        ("I'm relocating to Lisbon for this role and seniors there earn 60k to 70k, so 68k please", "relocation"),
        ("hear me out: 8 yrs in, relocating, so 78k would be a clear yes", "relocation"),
        # the job named on a pay scale is no title asked for
        ("As the agreement says: GIS Analyst II runs from $71,000 at step 1 to $88,000 at step 6, and I bring six "
         "years, so I would ask for step 4.", "title"),
        # the coach of this app addressed by name
        ("coach, is 98k too much to ask?", "mentorship"),
    ],
)
def test_a_word_that_only_looks_like_a_perk(text: str, perk: str) -> None:
    assert perk not in perks(text), text


def terms(text: str) -> list[tuple[str | None, float | None, str]]:
    return [(t.perk, t.amount, t.role) for t in understander().read(text).terms]


@pytest.mark.parametrize(
    "text",
    [
        "shipping our things from Denver will be ~$9-12k and the relo is only 6k, could you do 10?",
        "The move will run about $11k and the relocation allowance is $6k; could it go to $11k?",
    ],
)
def test_the_packages_own_figure_beside_a_cost_is_the_offer_not_a_salary(text: str) -> None:
    got = terms(text)
    assert ("relocation", 6000, "current") in got, got
    assert all(perk != "base_salary" for perk, _, _ in got), got


def test_a_perk_said_to_matter_less_is_no_term() -> None:
    got = perks("Base comes first, then the remote days; the gym budget and the laptop matter much less to me.")
    assert "wellness" not in got and "equipment" not in got and "remote_work" in got, got


@pytest.mark.parametrize(
    ("text", "perk"),
    [
        # the transit ticket named by itself, a home-office allowance, shorthand and misspellings
        ("78k plus the ticket and I'm happy", "transportation"),
        ("does the company pay the ticket for the train?", "transportation"),
        ("could you provide a home-office allowance of $1,200 to set up a proper workspace?", "equipment"),
        ("and a €1,200 setup budget would be great", "equipment"),
        ("3k lrng budget?", "professional_development"),
        ("so when do promos happen here", "promotion"),
        ("is it possible to begin work in May?", "start_date"),
        # money wanted for another perk is that perk
        ("maybe some more money for the learning? 500 is little for a course", "professional_development"),
    ],
)
def test_a_perk_named_in_shorthand(text: str, perk: str) -> None:
    assert perk in perks(text), text


@pytest.mark.parametrize(
    ("text", "perk"),
    [
        ("does the 6% pension vest from day one?", "equity"),
        ("heads up, I'm on vacation until Monday so I may reply late", "pto"),
        ("a buddy who works there says they pay 10% more, so 90k?", "mentorship"),
        ("my parents are in Chile and 15 days is not enough for travel there", "transportation"),
        ("I'd need a plane ticket home twice a year, so 25 days would help", "transportation"),
        ("maybe some more money for the learning? 500 is little for a course", "base_salary"),
    ],
)
def test_a_perk_word_said_of_something_else(text: str, perk: str) -> None:
    assert perk not in perks(text), text


def test_a_perk_dropped_as_a_topic_is_no_term_but_one_dropped_in_a_trade_is_given() -> None:
    assert understander().read("fine, never mind the parking.").terms == []
    got = terms("forget the car, give me 5k more base instead")
    assert ("transportation", None, "give") in got, got


@pytest.mark.parametrize(
    ("text", "perk"),
    [
        ("Thanks so much for the flexibel schedule, it helps a lot", "flexible_schedule"),
        ("my work speaks for itself, so honestly grade 9 is fair", "title"),
        ("is there room anywhere - step, leave, training?", "base_salary"),
    ],
)
def test_a_perk_named_in_passing_words(text: str, perk: str) -> None:
    assert perk in perks(text), text


@pytest.mark.parametrize(
    ("text", "perk"),
    [
        # the salary as the measure of another perk, or a sum named before, is no salary
        ("is the 4% pension paid on top of gross?", "base_salary"),
        ("are the 16 weeks of parental leave at full pay?", "base_salary"),
        ("I don't need the gym stipend; could that money go toward the equity instead?", "base_salary"),
        # the cover of another perk is no health cover
        ("I'd drop the wellness budget for full parking coverage", "health_insurance"),
    ],
)
def test_pay_and_cover_said_of_another_perk(text: str, perk: str) -> None:
    assert perk not in perks(text), text


@pytest.mark.parametrize(
    ("text", "perk"),
    [
        ("I'd gladly push start back to 5 weeks if that helps", "start_date"),
        ("no to the 3-week start, yes to the job", "start_date"),
    ],
)
def test_a_start_named_beside_its_weeks(text: str, perk: str) -> None:
    assert perk in perks(text), text


@pytest.mark.parametrize(
    ("text", "perk"),
    [
        # someone asked to pay, pay for oneself, the salary as a measure
        ("The CAPM exam and course come to around 1,200 dollar. Can the county pay?", "base_salary"),
        ("could you cover the bus pass? it's €49 a month I'd otherwise pay myself", "base_salary"),
        ("is the 4% pension top-up on the full salary?", "base_salary"),
        # a certificate the speaker holds is what they bring, not a budget
        ("I hold an AWS certification and led two migrations; 95k please", "professional_development"),
        ("I have certificate CKA, this is value for the team", "professional_development"),
    ],
)
def test_pay_and_certificates_said_of_something_else(text: str, perk: str) -> None:
    assert perk not in perks(text), text
