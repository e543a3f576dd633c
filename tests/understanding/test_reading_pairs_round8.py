"""Pairs of perk, amount and role, round eight: the shorthand of terse and mixed lines (docs/labelling.md). The
sentences are written here, not taken from any corpus."""

from __future__ import annotations

import pytest

from tests.support.reading import pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vacation 18 → 23 days would be amazing", [("pto", 18, "current"), ("pto", 23, "ask")]),
        ("gym budget $300 -> $800 pls", [("wellness", 300, "current"), ("wellness", 800, "ask")]),
        ("rsus 30k → 40k?", [("equity", 30_000, "current"), ("equity", 40_000, "ask")]),
    ],
)
def test_an_arrow_leads_from_the_figure_as_it_stands_to_the_one_asked(text: str, expected: list) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("annual leave 27 days would be great", [("pto", 27, "ask")]),
        ("paid leave 30 days pls", [("pto", 30, "ask")]),
    ],
)
def test_leave_before_a_figure_can_be_the_noun_not_leaving(text: str, expected: list) -> None:
    assert pairs(text) == expected


def test_a_bonus_left_behind_to_join_is_the_current_bonus() -> None:
    assert pairs("im leaving a 9k bonus to join you guys") == [("performance_bonus", 9000, "evidence")]
    assert pairs("a 4k bonus when I join would help") == [("sign_on_bonus", 4000, "ask")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 home office days -> 3?", [("remote_work", 2, "current"), ("remote_work", 3, "ask")]),
        ("pension 3% -> 5% or no deal", [("retirement_match", 3, "current"), ("retirement_match", 5, "ask")]),
    ],
)
def test_an_arrow_reads_past_a_unit_and_an_ultimatum(text: str, expected: list) -> None:
    assert pairs(text) == expected


def test_a_figure_settled_for_on_a_condition_is_given_without_an_offer_in_view() -> None:
    assert pairs("id take 130k if u add 4 wfh days") == [("base_salary", 130_000, "give"), ("remote_work", 4, "ask")]
    assert pairs("I could live with 22 days of vacation if the sign-on is 6k") == [
        ("pto", 22, "give"), ("sign_on_bonus", 6000, "ask")]


def test_an_offer_to_try_something_is_no_figure_settled_for() -> None:
    assert ("remote_work", 3, "ask") in pairs("I'd be open to a trial of 3 wfh days if we review it in June")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("36 hrs a week pls", [("working_hours", 36, "ask")]),
        ("equip budget 2.5k?", [("equipment", 2500, "ask")]),
    ],
)
def test_shorthand_perk_words(text: str, expected: list) -> None:
    assert pairs(text) == expected


def test_flexible_hrs_is_the_schedule_and_hrs_alone_the_hours() -> None:
    assert {t[0] for t in pairs("flex hrs would help, i do school pickup 3 days/wk")} <= {"flexible_schedule"}
    assert pairs("hrs 40 -> 36?") == [("working_hours", 40, "current"), ("working_hours", 36, "ask")]


def test_a_recap_that_asks_to_confirm_names_the_offer() -> None:
    assert pairs("ok so we're at 96k and 22 days, right?") == [
        ("base_salary", 96_000, "current"), ("pto", 22, "current")]
    assert pairs("to recap: 2 remote days and a 3k sign-on, correct?") == [
        ("remote_work", 2, "current"), ("sign_on_bonus", 3000, "current")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("u offered 90k, need 97k", [("base_salary", 90_000, "current"), ("base_salary", 97_000, "ask")]),
        ("ur at 18 days pto, 23 pls", [("pto", 18, "current"), ("pto", 23, "ask")]),
    ],
)
def test_you_said_short_still_names_the_offer(text: str, expected: list) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("curr job pays 120k, need 130k", [("base_salary", 120_000, "evidence"), ("base_salary", 130_000, "ask")]),
        ("the hospital pays me 61k now, want 66k",
         [("base_salary", 61_000, "evidence"), ("base_salary", 66_000, "ask")]),
        ("can u match 6% pension? rn i get 6%", [("retirement_match", 6, "ask"), ("retirement_match", 6, "evidence")]),
    ],
)
def test_what_the_user_has_now_said_short_is_evidence(text: str, expected: list) -> None:
    assert pairs(text) == expected


def test_what_the_offer_has_right_now_is_current() -> None:
    assert pairs("could the gym budget be 500? rn it's 200") == [("wellness", 500, "ask"), ("wellness", 200, "current")]


def test_two_letters_typed_the_wrong_way_round_still_name_the_perk() -> None:
    assert pairs("is the 10% bonsu paid yearly? want 12") == [
        ("performance_bonus", 10, "question"), ("performance_bonus", 12, "ask")]


def test_mkt_is_the_market() -> None:
    assert pairs("mkt 95-110, 104k base?") == [("base_salary", 95_000, "evidence"), ("base_salary", 104_000, "ask")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pension 4% ok. gym 300 -> 600", [("retirement_match", 4, "current"), ("wellness", 300, "current"),
                                          ("wellness", 600, "ask")]),
        ("18 days is fine, but 21 would be nicer", [("pto", 18, "current"), ("pto", 21, "ask")]),
    ],
)
def test_a_figure_said_to_be_fine_is_taken_as_it_stands(text: str, expected: list) -> None:
    assert pairs(text) == expected


def test_a_figure_asked_whether_it_is_fine_is_still_proposed() -> None:
    assert pairs("would 95k be ok?") == [("base_salary", 95_000, "ask")]


def test_a_number_word_after_instead_of_the_current_is_the_offer() -> None:
    assert sorted(pairs("could I get three home days instead of the current one?")) == [
        ("remote_work", 1, "current"), ("remote_work", 3, "ask")]


def test_now_said_alone_after_an_ask_names_what_the_offer_has() -> None:
    assert sorted(pairs("could the learning budget be 2k? currently 1k")) == [
        ("professional_development", 1000, "current"), ("professional_development", 2000, "ask")]
    assert sorted(pairs("22 days pto? now 18")) == [("pto", 18, "current"), ("pto", 22, "ask")]
    # with the speaker as its subject, it is what they have
    assert sorted(pairs("need 90k. currently i make 80k")) == [
        ("base_salary", 80_000, "evidence"), ("base_salary", 90_000, "ask")]


def test_keeping_a_figure_for_another_perk_gives_it_without_an_offer_in_view() -> None:
    assert sorted(pairs("I'd keep pto at 20 days if the sign-on is 5k")) == [
        ("pto", 20, "give"), ("sign_on_bonus", 5000, "ask")]


def test_a_schedule_phrase_with_hrs_is_the_schedule_not_the_hours() -> None:
    assert {t[0] for t in pairs("could i shift my hrs on school days?")} == {"flexible_schedule"}
