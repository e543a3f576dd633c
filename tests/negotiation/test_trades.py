"""What a trade costs: what the user gave up leaves the offer once the recruiter agrees, and nothing else does.

"You can drop the wellness budget if the sign-on goes to 12k": when the sign-on is granted, now or when the
team comes back, the wellness budget goes to nothing and the recap says so. A `give` that only says back what
the offer has ("it's 0 remote days now; could it be 2 if…"), names a figure no lower than the one on the table,
or cannot be a real figure for the perk is no concession to take. Every line here was written for this test.
"""

from __future__ import annotations

from bot.negotiation.counterpart import Counterpart, open_practice
from bot.playbooks.models import PerkSheet, Unlock
from bot.understanding.acts import Act, Term, Understanding
from tests.negotiation.test_counterpart import PLAYBOOKS, scenario
from tests.support.harness import ChatHarness, text_of

_SHEETS = {
    "wellness": PerkSheet(offer=600, limit=1_200, unlocks=[Unlock.concrete_number]),
    "remote_work": PerkSheet(offer=0, limit=2, unlocks=[Unlock.concrete_number]),
}


def _rita() -> Counterpart:
    return Counterpart(scenario(**_SHEETS), PLAYBOOKS)


def _trade(text: str, *terms: Term, acts: tuple[Act, ...] = (Act.propose, Act.trade_off)) -> Understanding:
    return Understanding(text=text, acts=list(acts), terms=list(terms))


def _ask(perk: str, amount: float, unit: str) -> Term:
    return Term(perk=perk, amount=amount, unit=unit)  # type: ignore[arg-type]


def _give(perk: str, amount: float | None = None, unit: str | None = None, *, negated: bool = False) -> Term:
    return Term(perk=perk, amount=amount, unit=unit, give=True, negated=negated)  # type: ignore[arg-type]


def test_a_perk_dropped_in_a_trade_leaves_the_offer_and_the_recap() -> None:
    cp = _rita()
    state = open_practice(cp.scenario)
    turn = cp.respond(state, _trade("Drop the wellness budget if the week can be 36 hours.",
                                    _give("wellness", negated=True), _ask("working_hours", 36, "hours")))
    assert state.offer["working_hours"].current == 36
    assert state.offer["wellness"].current == 0
    assert "wellness" in " ".join(turn.lines).lower()
    recap = cp.respond(state, Understanding(text="where are we on the offer?", acts=[Act.ask])).lines[-1]
    assert "wellness $0" in recap


def test_a_perk_given_up_for_a_term_the_team_must_approve_goes_when_the_team_says_yes() -> None:
    cp = _rita()
    state = open_practice(cp.scenario)
    state.shown.append(Unlock.justification.value)
    state.reason_turn = 0
    turn = cp.respond(state, _trade("I'd take a 12k sign-on and you can drop the wellness budget.",
                                    _give("wellness", negated=True), _ask("sign_on_bonus", 12_000, "money"),
                                    acts=(Act.propose, Act.trade_off, Act.justify)))
    assert state.offer["sign_on_bonus"].pending == 12_000 and state.offer["wellness"].current == 600
    turn = cp.respond(state, Understanding(text="sure, take your time", acts=[]))
    assert state.offer["sign_on_bonus"].current == 12_000
    assert state.offer["wellness"].current == 0 and "wellness" in " ".join(turn.lines).lower()
    turn = cp.respond(state, Understanding(text="ok, and the pto?", acts=[Act.ask]))
    assert state.offer["wellness"].current == 0  # taken once, and not again


def test_saying_back_the_figure_on_the_table_gives_nothing_up() -> None:
    cp = _rita()
    state = open_practice(cp.scenario)
    # "it's 0 remote days now; could we do 2 if I take the laptop as it is?": the 0 is what the offer has
    turn = cp.respond(state, _trade("It's 0 remote days now; could we do 2?", _give("remote_work", 0, "days"),
                                    _ask("remote_work", 2, "days")))
    assert state.offer["remote_work"].current == 2
    assert not any("can't trade" in line or "nothing to trade" in line for line in turn.lines)
    # with 2 days on the table, "keeping remote at 2" for more PTO takes no remote day away
    cp.respond(state, _trade("I'll stay at 2 remote days if PTO can be 22.", _give("remote_work", 2, "days"),
                             _ask("pto", 22, "days")))
    assert state.offer["remote_work"].current == 2
    # and a figure above the one on the table is not a cut either
    cp.respond(state, _trade("I'd give up 3 remote days for 23 days off.", _give("remote_work", 3, "days"),
                             _ask("pto", 23, "days")))
    assert state.offer["remote_work"].current == 2


def test_a_base_figure_that_cannot_be_meant_takes_nothing_back() -> None:
    # "I could come down to 15k (on the sign-on) for 36 hours", the 15k read as base pay: base keeps what it won
    cp = _rita()
    state = open_practice(cp.scenario)
    state.offer["base_salary"].current = 106_000
    state.offer["base_salary"].moved = True
    cp.respond(state, _trade("I could come down to 15k if the week is 36 hours.",
                             _give("base_salary", 15_000, "money"), _ask("working_hours", 36, "hours")))
    assert state.offer["base_salary"].current == 106_000


def test_pushing_with_a_restated_give_moves_nothing_it_did_not_earn() -> None:
    # a give that costs nothing is still no argument for a perk that needs market data and reasons
    cp = _rita()
    state = open_practice(cp.scenario)
    cp.respond(state, _trade("Keep PTO at 20 and make base 110k.", _give("pto", 20, "days"),
                             _ask("base_salary", 110_000, "money")))
    assert state.offer["base_salary"].current == 100_000 and state.offer["pto"].current == 20


def test_dropping_the_wellness_budget_in_a_live_trade_shows_in_the_offer() -> None:
    harness = ChatHarness()
    harness.say("practice growth_startup")
    harness.say("Levels data puts senior backend base at $150k-$170k and I led a card-processing migration, so "
                "I'd like $165,000.")
    harness.say("I'll take the base as it is if you add a $12,000 sign-on bonus, and you can drop the wellness "
                "stipend, I never use it.")
    assert harness.practice().offer["wellness"].current == 600  # nothing is taken before the team says yes
    answer = text_of(harness.say("Fine, I'll wait for the team."))
    practice = harness.practice()
    assert practice.offer["sign_on_bonus"].current == 12_000 and practice.offer["wellness"].current == 0
    assert "wellness" in answer.lower()
    assert "Wellness: $0 (was $600)" in text_of(harness.say("status"))

