"""Questions for information about the offer get a plain answer, through the chat.

Blind players asked "is it gross or net?", "how does the equity vest?", "do the 28 days include public
holidays?" and got a generic line, a "where would you like it to be?", or "that's already covered", as if they
had asked for more. A recruiter answers such a question briefly, with the figure as it stands and what it is,
and the offer, the recruiter's patience and the scorecard are just as they were.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.negotiation.state import PracticeState
from bot.negotiation.voice import LINES
from bot.playbooks.loader import load_playbooks, shipped_playbooks_dir
from tests.support.harness import ChatHarness, text_of


def _snapshot(practice: PracticeState) -> tuple[Any, ...]:
    """Everything a question must leave as it was: figures, patience, what was earned, techniques."""
    return ({k: (t.current, t.asks, t.pending) for k, t in practice.offer.items()}, practice.patience,
            practice.firm, list(practice.shown), dict(practice.evidence))


def _ask(scenario: str, question: str) -> tuple[str, bool]:
    """The recruiter's answer to a first-line question, and whether the practice is exactly as it was."""
    h = ChatHarness()
    try:
        h.say(f"practice {scenario}")
        before = _snapshot(h.practice())
        reply = text_of(h.say(question))
        return reply, _snapshot(h.practice()) == before
    finally:
        h.close()


@pytest.mark.parametrize(("scenario", "question", "figure", "fact"), [
    ("tel_aviv_ils", "Is the ₪38,000 a month gross or net?", "₪38,000 a month", "gross, before tax"),
    ("public_sector_union", "is the $71,200 per month or per year?", "$71,200", "yearly figure, paid every two weeks"),
    ("growth_startup", "how does the equity vest?", "$20,000", "vest over four years"),
    ("berlin_scaleup_eur", "is the VSOP paid every year?", "€4,000", "no cash is paid each year"),
    ("public_sector_union", "is the $1,000 training budget per year?", "$1,000", "per year"),
    ("below_target_review", "is the $1,000 training budget per year?", "$1,000", "per year"),
    ("bureaucratic_bands", "is the bonus guaranteed?", "8%", "isn't guaranteed"),
    ("relocating_manager", "is the bonus guaranteed?", "10%", "isn't guaranteed"),
    ("berlin_scaleup_eur", "do the 28 days include public holidays?", "28 days", "public holidays come on top"),
    ("public_sector_union", "what does the start date mean?", "2 weeks", "between accepting and your first day"),
])
def test_a_question_about_the_offer_gets_the_figure_and_the_fact_and_changes_nothing(
        scenario: str, question: str, figure: str, fact: str) -> None:
    reply, unchanged = _ask(scenario, question)
    assert figure in reply and fact in reply, reply
    assert unchanged, reply
    for pushy in ("already covered", "Where would you like", "What would you like to see", "far beyond"):
        assert pushy not in reply, reply


def test_pay_quoted_monthly_is_answered_monthly_and_never_as_a_yearly_sum() -> None:
    reply, _ = _ask("tel_aviv_ils", "Is the salary gross or net?")
    assert "₪38,000 a month" in reply and "gross" in reply
    assert "456,000" not in reply


def test_a_question_nobody_wrote_an_answer_for_is_met_with_an_honest_check_not_an_invented_fact() -> None:
    reply, unchanged = _ask("growth_startup", "Is the remote work guaranteed?")  # no fact says whether it is
    honest = [line.format(who="HR") for line in LINES["fact_unknown"]["*"]]
    assert "3 days a week" in reply and any(line in reply for line in honest), reply
    assert "guaranteed" not in reply.split(":", 1)[1]
    assert unchanged


def test_a_question_and_an_ask_in_one_message_get_an_answer_each() -> None:
    h = ChatHarness()
    try:
        h.say("practice berlin_scaleup_eur")
        patience = h.practice().patience
        reply = text_of(h.say("Is the salary gross? Also I'd like 30 days of leave."))
        assert "€72,000" in reply and "gross" in reply  # the question, answered
        assert "28 days" in reply and "paid time off" in reply  # and the ask, answered as one
        assert h.practice().offer["base_salary"].current == 72000
        assert h.practice().patience == patience - 1  # the ask that moved nothing costs what it always did
    finally:
        h.close()


def test_a_question_about_a_figure_beside_an_ask_for_more_of_it_answers_the_question_and_weighs_the_ask() -> None:
    h = ChatHarness()
    try:
        h.say("practice public_sector_union")
        reply = text_of(h.say("Is the $71,200 per year or per month? I'd like step 4, $82,000, given my six "
                              "years of GIS work."))
        assert "yearly figure" in reply  # the question, answered
        assert "far beyond" not in reply and "854,400" not in reply  # its figure is not taken as a monthly ask
        assert h.practice().offer["base_salary"].last_ask == 82000  # the ask is the one weighed
    finally:
        h.close()


def test_a_question_before_an_acceptance_is_answered_and_does_not_close_the_deal() -> None:
    h = ChatHarness()
    try:
        h.say("practice relocating_manager")
        reply = text_of(h.say("Sounds good. Is the bonus guaranteed?"))
        assert "isn't guaranteed" in reply
        assert h.practice().status != "agreed"
    finally:
        h.close()


def test_a_question_about_a_figure_that_moved_answers_with_the_new_figure() -> None:
    h = ChatHarness()
    try:
        h.say("practice berlin_scaleup_eur")
        h.say("I'd like 30 days of leave, because my family lives abroad and visiting takes a week of travel.")
        assert h.practice().offer["pto"].current == 30
        reply = text_of(h.say("Do those days include public holidays?"))
        assert "30 days" in reply and "public holidays come on top" in reply
    finally:
        h.close()


def test_asking_where_there_is_room_is_still_answered_as_an_ask() -> None:
    reply, _ = _ask("bureaucratic_bands", "Is the 15 days of leave negotiable?")
    assert "15 days" in reply and "on top" not in reply


def _with_about(tmp_path: Path, about: dict[str, Any]) -> Path:
    doc = yaml.safe_load((shipped_playbooks_dir() / "scenarios" / "growth_startup.yaml").read_text(encoding="utf-8"))
    doc["perks"]["pto"]["about"] = about
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "growth_startup.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True),
                                                               encoding="utf-8")
    return tmp_path


def test_a_teams_own_fact_is_what_the_recruiter_says(tmp_path: Path) -> None:
    books = load_playbooks(_with_about(tmp_path, {"includes": "Your birthday is a day off on top."}))
    h = ChatHarness(playbooks=books)
    try:
        h.say("practice growth_startup")
        reply = text_of(h.say("Do the 20 days include my birthday?"))
        assert "20 days" in reply and "Your birthday is a day off on top." in reply
    finally:
        h.close()
