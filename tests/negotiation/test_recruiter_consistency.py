"""The recruiter does not contradict itself, take back what it offered, or ignore a clear answer.

Flaws live players found in the recruiter's replies (tuning practices iter5 and iter6), each pinned in lines
written for this test.
"""

from __future__ import annotations

from bot.negotiation.counterpart import Counterpart, open_practice
from bot.playbooks.models import Alternative, PerkSheet, Unlock
from bot.understanding.acts import Act, Signal, Term, Understanding
from tests.negotiation.test_counterpart import PLAYBOOKS, scenario


def _ask(perk: str, amount: float, unit: str) -> Term:
    return Term(perk=perk, amount=amount, unit=unit)  # type: ignore[arg-type]


def test_the_teams_answer_is_not_contradicted_by_an_alternative_in_the_same_reply() -> None:
    # base at its limit has a sign-on alternative; the sign-on the user asked for comes back from the team in
    # the same reply as a question for options: the reply must not say one figure and then offer another
    cp = Counterpart(scenario(base_salary=PerkSheet(
        offer=100_000, alternatives=[
            Alternative(perk="sign_on_bonus", amount=9_000, say="Base is set, but the sign-on can go to 9k.")])),
        PLAYBOOKS)
    state = open_practice(cp.scenario)
    state.perks_discussed.append("base_salary")
    state.shown.append(Unlock.justification.value)
    state.reason_turn = 0
    cp.respond(state, Understanding(text="could the sign-on be 8k? I lose a bonus", acts=[Act.propose, Act.justify],
                                    terms=[_ask("sign_on_bonus", 8_000, "money")]))
    assert state.offer["sign_on_bonus"].pending == 8_000
    turn = cp.respond(state, Understanding(text="thanks. is there room anywhere else?", acts=[Act.ask],
                                           signals=[Signal.alternatives]))
    assert state.offer["sign_on_bonus"].current == 8_000
    assert not any("9k" in line for line in turn.lines), turn.lines


def test_a_clear_yes_that_mentions_turning_down_the_other_offer_closes() -> None:
    # "I told the other company no. I accept." was answered with "what would you need from us to make this work?"
    cp = Counterpart(scenario(), PLAYBOOKS)
    state = open_practice(cp.scenario)
    turn = cp.respond(state, Understanding(text="Read it all. I turned the other company down. I accept.",
                                           acts=[Act.accept, Act.competing_offer]))
    assert state.status == "agreed" and turn.ended
    # a rival's figure beside the yes still argues on, and so does a rival named without taking the offer
    for text, terms in (("OK, I accept, but the other offer is 115k.",
                         [Term(perk="base_salary", amount=115_000, unit="money", role="evidence")]),
                        ("Sounds fine, though the other company is still in the picture.", [])):
        state = open_practice(cp.scenario)
        turn = cp.respond(state, Understanding(text=text, acts=[Act.accept, Act.competing_offer], terms=terms))
        assert state.status == "active" and not turn.ended, text


def test_asking_for_the_offer_in_writing_is_not_met_with_a_demand_for_more() -> None:
    # "Please send it in writing; I'll let the other company know tomorrow" got "what would you need from us to
    # make this work?" beside "sure, the written offer will list every term" and "no rush"
    cp = Counterpart(scenario(), PLAYBOOKS)
    state = open_practice(cp.scenario)
    turn = cp.respond(state, Understanding(
        text="Please send it over in writing; I'll let the other company know by tomorrow.",
        acts=[Act.competing_offer, Act.request_writing, Act.request_time]))
    reply = " ".join(turn.lines)
    assert "writ" in reply.lower()
    assert not any(words in reply for words in ("What would", "Where would", "What figure", "what number"))
    # news of a rival offer on its own is still met with the question
    turn = cp.respond(open_practice(cp.scenario), Understanding(text="I have another offer.",
                                                                acts=[Act.competing_offer]))
    assert turn.lines[-1].endswith("?")
