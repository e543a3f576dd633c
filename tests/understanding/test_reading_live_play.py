"""Readings a live player needed, checked on the reader with the context a practice passes it.

Every sentence was written for this test (none comes from a corpus). Each assertion is what a user would notice:
a recruiter who takes an acknowledged "no" as a yes, misses that a figure was taken, or talks about a perk the
user only named in passing.
"""

from __future__ import annotations

from typing import Literal

from bot.understanding.acts import Act, Context, Understanding
from tests.support.harness import shipped

_, UNDERSTANDER = shipped()
_OFFER = {"base_salary": 158000.0, "equity": 20000.0, "sign_on_bonus": 1500.0, "remote_work": 3.0,
          "professional_development": 1000.0, "wellness": 600.0, "relocation": 10000.0}


Move = Literal["offer", "question", "refusal", "summary"]


def read(text: str, last_move: Move = "offer", last_perk: str | None = None) -> Understanding:
    return UNDERSTANDER.read(text, Context(last_move=last_move, last_perk=last_perk, offer=_OFFER))


def asked(text: str) -> set[str]:
    return {t.perk or "" for t in read(text).terms if t.role == "ask"}


def test_an_acknowledged_refusal_is_not_a_yes() -> None:
    said = read("Right, ok, that's fine, I understand. Could I perhaps work from home one more day each week?",
                last_move="refusal", last_perk="base_salary")
    assert Act.accept not in said.acts and Act.propose in said.acts


def test_a_figure_on_the_table_taken_or_approved_in_words_accepts() -> None:
    assert Act.accept in read("I'll take the $1,500, thanks. Next, could the learning budget be $2,000?",
                              last_perk="sign_on_bonus").acts
    assert Act.accept in read("ok cool 158 is way better 🙌 now what about 4 days remote?").acts
    # an argument that ends on the figure, or thanks followed by "but", takes nothing
    assert Act.accept not in read("Peers earn 150-170k, so $158,000 is fair only if the equity grows.").acts
    assert Act.accept not in read("Thanks for the $158,000, but I still need 165.").acts


def test_perk_words_said_in_passing_are_not_asks() -> None:
    assert asked("Could you raise relocation to $16,000?") == {"relocation"}
    assert "base_salary" not in asked("Can parking come out of the wellness money instead?")
    assert "performance_bonus" not in asked("It's paid once, like a bonus, or every year?")
    assert asked("I'll keep the options then. Could the sign-on go to $5,000?") == {"sign_on_bonus"}
    assert "base_salary" not in asked("I know the salary is set by the band. Could I get 4 remote days?")
    assert "remote_work" not in asked("All right, I'll let remote work go for now. Could leave go from 20 to 24 days?")
    assert "remote_work" not in asked("So: $68,000 and 24 days, with remote work to revisit later. Correct?")
    assert asked("No, I do not speak about salary. Relocation I mean: now 10,000 dollars, I ask 16,000 dollars."
                 ) == {"relocation"}


def test_a_perk_worth_less_than_salary_and_given_up_is_the_give_in_the_trade() -> None:
    said = read("Honestly the stock options are worth far less to me than salary, so I'd give up the option grant "
                "completely if base could go to $165,000.")
    roles = {(t.perk, t.role) for t in said.terms}
    assert ("equity", "give") in roles and ("base_salary", "ask") in roles
    assert Act.trade_off in said.acts


def test_pairing_is_not_a_misspelt_parking() -> None:
    assert asked("Could I work from home 4 days a week, with one day in the office for planning and pairing?") == {
        "remote_work"}


def test_a_list_of_what_is_taken_asks_for_nothing_more() -> None:
    said = read("I'm happy to accept: $158,000 base, the $1,500 sign-on and a 12% bonus target. Can't wait to start.")
    assert set(said.acts) & {Act.accept, Act.propose} == {Act.accept}
    said = read("No, I don't need to talk it over. Fine, I'll take it: 4 remote days and the base. Send the contract.")
    assert set(said.acts) & {Act.accept, Act.propose, Act.reject} == {Act.accept}
