"""Perks that are only mentioned are not asked for (round seven): a question about what a perk is, a perk named in
passing, set aside, recapped or priced as evidence, and numbers that count something else.

Every sentence was written for this test (none comes from a corpus). What is checked is what the recruiter would
do next: a term with role `ask` (or `give`) is a request it answers by moving or refusing; anything else it must
not treat as one.
"""

from __future__ import annotations

from bot.understanding.acts import Act, Context
from tests.support.harness import shipped

_, UNDERSTANDER = shipped()
_OFFER = Context(last_perk="base_salary", last_move="offer",
                 offer={"base_salary": 90000, "pto": 25, "remote_work": 2, "wellness": 600})


def asks(text: str, context: Context | None = None) -> set[tuple[str | None, float | None, str]]:
    said = UNDERSTANDER.read(text, context)
    return {(t.perk, t.amount, t.role) for t in said.terms if t.role in ("ask", "give")}


def roles(text: str, context: Context | None = None) -> dict[str | None, str]:
    return {t.perk: t.role for t in UNDERSTANDER.read(text, context).terms}


def test_a_perk_named_in_a_message_that_asks_for_nothing_is_no_request() -> None:
    # a bare question about a perk asks about it
    assert roles("And the gym membership?", _OFFER) == {"wellness": "question"}
    assert roles("so does my certification count towards the pension thing", _OFFER).get("retirement_match") \
        in ("question", "current")
    # named in passing, with no position taken
    assert asks("Just to be clear, what I said about the parking was not meant as a condition.", _OFFER) == set()
    # still asked for when its own sentence wants it, even where no request act is read
    assert ("title", None, "ask") in asks("I shipped the whole billing rewrite alone. Grade 6, please.", _OFFER)
    assert ("mentorship", None, "ask") in asks("As a new lead, a mentor would help me a lot.", _OFFER)
    # still asked for when the message asks for it
    assert ("transportation", None, "ask") in asks("Could you also cover my parking?", _OFFER)


def test_a_bonus_lost_by_moving_is_evidence_however_it_is_said() -> None:
    for text in ("Could you add a joining bonus? There's the annual bonus I would lose if I switch now.",
                 "I'm walking away from a yearly bonus, so a signing bonus would really help.",
                 "A sign-on would be fair, since I'd be giving up my bonus by leaving in March.",
                 "Would a sign-on be possible to make up for the bonus?"):
        found = roles(text, _OFFER)
        assert found.get("performance_bonus") == "evidence", (text, found)
        assert found.get("sign_on_bonus") == "ask", (text, found)
    # covering a perk is still how one asks for it
    assert roles("I'd be grateful if you could cover my train pass.", _OFFER) == {"transportation": "ask"}


def test_the_price_of_a_thing_asked_for_is_evidence_not_the_sum_asked() -> None:
    # the price said of "it" after asking for the thing: the thing is asked for, its price backs the ask
    for text in ("Would the company pay for my monthly transit pass? It's about €49 a month.",
                 "Could you add a gym membership? I checked and it is $80 a month.",
                 "The conference ticket isn't in the offer; could you pay it? That is about $1,200."):
        found = asks(text, _OFFER)
        said = {(t.perk, t.role) for t in UNDERSTANDER.read(text, _OFFER).terms}
        assert found and all(amount is None for _, amount, _ in found), (text, found)
        assert any(role == "evidence" for _, role in said), (text, said)
    # for pay itself the same words restate the figure asked for
    assert ("base_salary", 95000.0, "ask") in asks("So I ask for grade 5, it is 95 thousand dollars.", _OFFER)


def test_a_price_said_of_it_is_the_cost_of_the_thing_bought_named_before() -> None:
    # no perk word pairs the figure: the thing named before "it" says whose cost it is, whatever the context guesses
    for context in (None, _OFFER):
        said = {(t.perk, t.amount, t.role) for t in UNDERSTANDER.read(
            "Would you reimburse the train? It is 85 dollars a month.", context).terms}
        assert ("transportation", 85.0, "evidence") in said and not any(a == 85.0 and r == "ask" for _, a, r in said)
    # a pay figure said of "it" is asked for, though a thing bought was named sentences before
    assert ("base_salary", 95000.0, "ask") in asks("I'd need to move for this job. My base ask: it is 95k.", _OFFER)


def test_numbers_that_count_other_things_are_no_terms() -> None:
    # people, sections of a document, parts of a whole, a journey, time to read before answering
    assert asks("It's a 50-person startup, so could you raise the equity to $40k?", _OFFER) == {
        ("equity", 40000.0, "ask")}
    said = UNDERSTANDER.read("Section 9 of the handbook says experience counts, so could we look at grade 3?", _OFFER)
    assert all(t.amount != 9 for t in said.terms)
    assert asks("I spent eight years in design, 5 of them leading a team.", _OFFER) == set()
    assert asks("I'd like 27 days of leave; my family is abroad and the flight is 14 hours.", _OFFER) == {
        ("pto", 27.0, "ask")}
    said = UNDERSTANDER.read("Thanks! I'll answer you in two or three days, after reading it properly.", _OFFER)
    assert [t for t in said.terms if t.role == "ask"] == []


def test_a_recap_names_the_offer_and_proposes_nothing() -> None:
    said = UNDERSTANDER.read("Thanks. Just so I have it right: $95,000, 27 days of leave and two home days. "
                             "Could you send that over by email?", _OFFER)
    assert Act.propose not in said.acts and Act.request_writing in said.acts
    assert {t.role for t in said.terms} == {"current"}
    said = UNDERSTANDER.read("Let me restate it so we're on the same page: 95k base and a 5k sign-on.", _OFFER)
    assert said.acts == [] and {t.role for t in said.terms} == {"current"}


def test_a_perk_refused_understood_or_asked_about_is_no_request() -> None:
    # refused and let go
    assert "remote_work" not in roles("Ok, since home office is off the table, what else could you do?", _OFFER)
    # wanting to understand it asks about it; understanding that it is fixed names the offer
    found = roles("Please email the draft so I can understand the pension before I sign.", _OFFER)
    assert found.get("retirement_match") == "question", found
    found = roles("I understand the pension is set for everyone, so I'd ask for 28 days of leave.", _OFFER)
    assert found.get("retirement_match") == "current" and found.get("pto") == "ask", found
    # a request after it is still a request
    assert ("equity", None, "ask") in asks("I understand the salary is fixed, so could you add some equity?", _OFFER)
    # an alternative put as a question about a perk asks about it
    assert roles("Can you cover my parking? Or is that meant to come out of the gym money?", _OFFER).get(
        "wellness") == "question"


def test_a_figure_judged_as_it_stands_is_the_offer_not_a_counter() -> None:
    # the user's verdict on a figure the recruiter put forward, then a new ask
    for text, figure in (("$96k is closer. Could we also add a fourth home day?", 96000),
                         ("OK, the $2,000 covers most of it. Could we add a gym budget?", 2000),
                         ("22 days is a start. Could we get to 25?", 22),
                         ("$91k? Come on, that barely moved.", 91000)):
        said = UNDERSTANDER.read(text, _OFFER)
        figures = [t for t in said.terms if t.amount == figure]
        assert figures and all(t.role == "current" for t in figures), (text, said.terms)
    # the same words about the user's own figure still ask for it
    assert ("base_salary", 95000.0, "ask") in asks("I think 95k would be closer to the market.", _OFFER)


def test_words_that_only_look_like_perks_are_no_perks() -> None:
    # the kind of work, a line of work, an everyday word one letter from a perk word
    for text in ("Most of the role is desk work, so could I be at home two days a week?",
                 "I built the city's cycle routes map and its bike paths survey.",
                 "My healthcare projects are in the portfolio I sent.",
                 "I can run the user testing sessions remotely."):
        found = {t.perk for t in UNDERSTANDER.read(text, _OFFER).terms}
        assert not found & {"equipment", "transportation", "health_insurance", "equity"}, (text, found)
    # the job's own name is no title asked for; a title asked for still is
    assert roles("Good morning Ana, thank you for the offer of Senior Product Designer.", _OFFER) == {}
    assert roles("Could the title be Senior Product Designer instead?", _OFFER) == {"title": "ask"}


def test_perks_named_while_declining_thanking_or_ranking_low_are_no_asks() -> None:
    # a reason given while walking away names the perk as it stands (guide, fourth round)
    said = UNDERSTANDER.read("Sadly I'll have to decline; without a home-office day it just doesn't work for us.",
                             _OFFER)
    assert Act.quit in said.acts and not [t for t in said.terms if t.role == "ask"]
    # what the recruiter granted, thanked for
    found = roles("Thanks so much for agreeing to the mentor! Could we also look at the parking?", _OFFER)
    assert found.get("mentorship") == "current" and found.get("transportation") == "ask", found
    # a perk said to matter less is not wanted, and no term at all (three blind writers left it out); one ranked
    # below others still is (guide: ranking)
    found = roles("Salary comes first for me, then leave. The gym budget is not so important.", _OFFER)
    assert "wellness" not in found and found.get("pto") == "ask", found
    assert roles("Leave matters more to me than the gym budget.", _OFFER).get("wellness") == "ask"
