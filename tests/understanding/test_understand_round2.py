"""Second reading round (issue 10): rival offers in writing, ranges before an ask, closing replies after a
question, and `offer-coach understand` lines that carry their own context."""

from __future__ import annotations

import json

import pytest

from bot.understanding.acts import Act, Context, Signal
from bot.understanding.reader import understand_lines
from tests.understanding.test_understand import understander

AFTER_QUESTION = Context(last_perk="transportation", last_move="question", offer={"base_salary": 100000})


def roles(text: str) -> set[tuple[str | None, float | None, str]]:
    return {(t.perk, t.amount, t.role) for t in understander().read(text).terms}


@pytest.mark.parametrize("text", [
    "I also have a written offer from another company at $141k.",
    "I have other offer in writing, 41 thousand. I want 43 thousand in month.",
])
def test_a_rival_offer_in_writing_is_not_a_request_for_writing(text: str) -> None:
    said = set(understander().read(text).acts)
    assert Act.competing_offer in said
    assert Act.request_writing not in said


def test_asking_for_the_offer_in_writing_before_a_rival_deadline_still_asks_for_writing() -> None:
    text = "Please put the 135k in writing by Thursday, because that's when the other offer expires."
    assert Act.request_writing in understander().read(text).acts


def test_what_a_document_already_says_is_no_request_for_writing() -> None:
    text = "In the agreement is written HR can count experience for the step."
    assert Act.request_writing not in understander().read(text).acts


@pytest.mark.parametrize(("text", "ask"), [
    ("I've looked at the market here, and it's $85k–$98k. I was hoping for $92k.", 92000.0),
    ("Based on what I've seen, EMs at companies this size make $170k–$190k base, so I'm asking for $185k.",
     185000.0),
])
def test_a_range_after_what_the_user_has_seen_is_evidence_for_the_figure_asked_for(text: str, ask: float) -> None:
    found = roles(text)
    assert ("base_salary", ask, "ask") in found
    assert not any(role == "ask" and amount != ask for _, amount, role in found)


def test_a_range_asked_for_stays_the_ask() -> None:
    assert ("base_salary", 130000.0, "ask") in roles("I'd like somewhere in 130-140k.")


@pytest.mark.parametrize("text", ["I accept the offer.", "Ok, that's good, thank you."])
def test_a_plain_acceptance_right_after_a_question_still_accepts(text: str) -> None:
    assert Act.accept in understander().read(text, AFTER_QUESTION).acts


@pytest.mark.parametrize("text", ["yep", "sure, let's do it", "ok cool"])
def test_a_bare_yes_after_a_question_answers_it_and_accepts_nothing(text: str) -> None:
    assert Act.accept not in understander().read(text, AFTER_QUESTION).acts


def test_understand_reads_a_json_line_with_its_context() -> None:
    with_context = json.dumps({"text": "then 9", "context": {"last_perk": "working_hours", "last_move": "offer"}})
    lines = [json.loads(line) for line in understand_lines([with_context, "then 9"], understander())]
    assert lines[0]["text"] == "then 9"
    assert [(t["perk"], t["amount"]) for t in lines[0]["terms"]] == [("working_hours", 9.0)]
    assert lines[1]["text"] == "then 9"
    assert [t["perk"] for t in lines[1]["terms"]] != ["working_hours"]


@pytest.mark.parametrize("line", [
    '{"text": "25 days pto", "context": {"last_move": "shrug"}}',
    '{"text": "25 days pto", "context": "pto"}',
])
def test_a_context_that_does_not_fit_is_dropped_not_the_message(line: str) -> None:
    (out,) = [json.loads(x) for x in understand_lines([line], understander())]
    assert out["text"] == "25 days pto"
    assert [(t["perk"], t["amount"]) for t in out["terms"]] == [("pto", 25.0)]


def test_a_line_that_only_looks_like_json_is_read_as_text() -> None:
    (out,) = [json.loads(x) for x in understand_lines(['{"salary": 120000}'], understander())]
    assert out["text"] == '{"salary": 120000}'


@pytest.mark.parametrize(("text", "perk"), [
    ("No severance, no deal.", "severance"),
    ("senior title or no deal", "title"),
])
def test_an_ultimatum_demands_the_perk_it_names_and_refuses_nothing(text: str, perk: str) -> None:
    said = understander().read(text)
    assert Act.propose in said.acts
    assert Act.reject not in said.acts
    assert [(t.perk, t.role) for t in said.terms] == [(perk, "ask")]


def test_having_other_options_is_leverage_not_a_request_for_alternatives() -> None:
    assert Signal.alternatives not in understander().read("I have other options").signals
    assert Signal.alternatives in understander().read("what other options do you have?").signals


def test_a_perk_named_only_as_fixed_is_not_asked_for() -> None:
    said = understander().read("If base can't move now, could we agree a review with an 8% raise?")
    assert {(t.perk, t.role) for t in said.terms if t.role == "ask"} == {("raise_review", "ask")}


@pytest.mark.parametrize("text", [
    "i worked in healthcare for 4 yrs",
    "Having worked in benefits consulting for five years, I know how packages like this are built.",
    "I appreciate it, but a $3,000 relocation budget won't cover a cross-country move.",
    "Could you cover the $180 monthly train pass? It's my only practical way into the office.",
])
def test_a_reason_without_a_cue_word_is_still_a_reason(text: str) -> None:
    assert Act.justify in understander().read(text).acts


def test_a_plain_request_gives_no_reason() -> None:
    assert Act.justify not in understander().read("could we do 25 days pto?").acts


def test_ok_on_one_term_takes_it_and_keeps_the_next_ask() -> None:
    said = understander().read("Ok on the review. Is there any room on the learning budget — $2,000 instead of $1,000?")
    assert {Act.accept, Act.propose} <= set(said.acts)
    assert ("professional_development", 2000.0, "ask") in {(t.perk, t.amount, t.role) for t in said.terms}
    said = understander().read("fine on the bonus, but the base needs to be 120k")
    assert {(t.perk, t.role) for t in said.terms} == {("performance_bonus", "current"), ("base_salary", "ask")}


def test_ok_on_second_thought_takes_nothing() -> None:
    assert Act.accept not in understander().read("ok on second thought I want more").acts
