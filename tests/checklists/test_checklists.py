"""Checklist flows, start to finish: typed inputs, retries that keep answers, back/skip, buttons, resume."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.checklists.runner import ChecklistRunner, split_records
from bot.commands import ChoiceId
from bot.markup import plain
from bot.messages import Reply
from bot.playbooks.models import Checklist, Playbooks, Step, StepKind
from bot.session import ChecklistState, Record
from bot.understanding.reader import Understander


@pytest.fixture(scope="module")
def runner(playbooks: Playbooks) -> ChecklistRunner:
    return ChecklistRunner(playbooks, Understander(playbooks.perks))


class Walk:
    """Drives one checklist as a user would, keeping the latest state, replies and record."""

    def __init__(self, runner: ChecklistRunner, key: str) -> None:
        self.runner = runner
        self.state, self.replies = runner.start(key)
        self.record: Record | None = None

    def say(self, text: str | None = None, choice: str | None = None) -> str:
        picked = ChoiceId.decode(choice) if choice else None
        self.state, self.replies, self.record = self.runner.answer(self.state, text, picked)
        return self.text

    @property
    def text(self) -> str:
        return "\n".join(plain(r.text) for r in self.replies)

    @property
    def step_key(self) -> str:
        return self.runner.playbooks.checklists[self.state.key].steps[self.state.step].key

    @property
    def last(self) -> Reply:
        return self.replies[-1]

    @property
    def attached(self) -> str:
        """The content of the file the last reply carries; fails the test when it carries none."""
        attachment = self.last.attachment
        assert attachment is not None, f"the last reply carries no file: {self.last.text!r}"
        return attachment.content

    def card(self, title_part: str) -> dict[str, str]:
        for reply in self.replies:
            for card in reply.cards:
                if title_part in card.title:
                    return {f.label: f.value for f in card.fields}
        titles = [c.title for r in self.replies for c in r.cards]
        raise AssertionError(f"no card titled like {title_part!r} in {titles}")


def test_prepare_runs_start_to_finish(runner: ChecklistRunner) -> None:
    walk = Walk(runner, "prepare")
    assert "step 1 of 8" in walk.text
    assert "market" in walk.text.lower()
    walk.say("90-110k")  # a range answers the high end too, so that step is not asked
    assert walk.step_key == "priorities"
    assert walk.state.answers["market_high"] == 110_000
    walk.say("4 5 1")
    walk.say("$105,000")
    walk.say("95k")
    walk.say("base 98k, 20 days pto, 2 remote days, 4% pension")
    # perk_values after the offer: each perk with its money value a year
    values = walk.card("per year")
    assert values["Paid time off"] == "20 days → $7,538 a year"
    assert values["Retirement match"] == "4% → $3,920 a year"
    walk.say("verbal")  # a choice by a word of its label
    assert walk.state.answers["timing"] == "I have a verbal offer only"
    walk.say("I shipped the **billing** rewrite and cut costs 30%")
    assert walk.state.done
    assert walk.record is not None and walk.record.kind == "checklist" and walk.record.key == "prepare"
    answers = walk.record.data["answers"]
    assert answers["market_low"] == 90_000 and answers["target"] == 105_000 and answers["walk_away"] == 95_000
    assert answers["priorities"][:3] == ["Paid time off", "Remote work", "Base salary"]
    assert len(answers["priorities"]) == 10  # the rest follow in their listed order
    plan = walk.card("plan")
    assert plan["Market range"] == "$90,000 – $110,000"
    assert plan["Walk-away (keep it to yourself)"] == "$95,000"
    final = "\n".join(r.text for r in walk.replies)
    assert "Wait for the written offer" in final  # only a verbal offer so far
    assert "Lead with **Paid time off**" in final
    assert "\\*\\*billing\\*\\*" in final  # the user's own text is escaped, not bold
    assert "75% of the way up" in final  # 105k in a 90-110k range


def test_bad_inputs_are_asked_again_without_losing_answers(runner: ChecklistRunner) -> None:
    walk = Walk(runner, "prepare")
    walk.say("95k")
    assert "couldn't read" in walk.say("a lot")
    assert walk.step_key == "market_high" and walk.state.answers == {"market_low": 95_000}
    assert "at least the bottom" in walk.say("80k")
    assert "between $1,000 and $10,000,000" in walk.say("1e99")
    assert "negative" in walk.say("-5")
    assert walk.step_key == "market_high"
    walk.say("120k")
    assert "couldn't match" in walk.say("banana, kiwi")
    assert "twice" in walk.say("1 1 2")
    walk.say("Base salary, Remote work")
    walk.say("110k")
    # a walk-away above the target is refused with the reason, and the target is kept
    assert "at or below your target" in walk.say("115k")
    assert walk.state.answers["target"] == 110_000 and walk.step_key == "walk_away"
    assert "can't be skipped" in walk.say("skip")
    # every refusal repeats the question, so the user knows what to type
    assert "lowest yearly base" in walk.text
    assert walk.state.answers == {"market_low": 95_000, "market_high": 120_000, "priorities": walk.state.answers[
        "priorities"], "target": 110_000}


def test_back_and_skip(runner: ChecklistRunner) -> None:
    walk = Walk(runner, "prepare")
    assert "first step" in walk.say("back")
    walk.say("90k")
    walk.say("100k")
    walk.say("back")
    assert walk.step_key == "market_high"
    assert "Last time you said: $100,000" in walk.text
    walk.say("105k")
    assert walk.state.answers["market_high"] == 105_000
    for answer in ("1 2 3", "100k", "95k"):
        walk.say(answer)
    assert walk.step_key == "offer_terms"
    skip = next(c for c in walk.last.choices if c.label == "Skip")
    walk.say(choice=skip.id)
    assert walk.state.answers["offer_terms"] is None and walk.step_key == "timing"
    # skipping the offer still shows what each of the top priorities is worth
    assert "What each perk is worth to you a year, on a base of $100,000 (your target)" in walk.text
    assert "Base salary" not in walk.text.split("worth to you")[1].split("\n")[1]  # salary is not a perk to price


def test_buttons_have_stable_short_ids_and_pick_answers(runner: ChecklistRunner, playbooks: Playbooks) -> None:
    for checklist in playbooks.checklists.values():
        _, replies = runner.start(checklist.key)
        for reply in replies:
            for choice in reply.choices:
                assert choice.id.startswith(f"cl:{checklist.steps[0].key}:") and len(choice.id) <= 64
    walk = Walk(runner, "prepare")
    for answer in ("90k", "110k"):
        walk.say(answer)
    # a ranking tapped one button at a time
    ids = {c.label: c.id for c in walk.last.choices}
    assert "Remote work" in ids and "Back" in ids
    walk.say(choice=ids["Remote work"])
    assert walk.step_key == "priorities" and walk.state.picked == ["Remote work"]
    assert "So far: 1. Remote work" in walk.text
    assert "Remote work" not in {c.label for c in walk.last.choices}
    ids = {c.label: c.id for c in walk.last.choices}
    walk.say(choice=ids["Equity"])
    assert walk.state.picked == ["Remote work", "Equity"]
    walk.say("1 4")  # the rest typed: numbers refer to the full list
    assert walk.state.answers["priorities"][:4] == ["Remote work", "Equity", "Base salary", "Paid time off"]
    for answer in ("100k", "95k", "skip"):
        walk.say(answer)
    # a button from an earlier step changes nothing
    before = walk.state.model_copy(deep=True)
    assert "another step" in walk.say(choice=ids["Equity"])
    assert walk.state == before
    timing = {c.label: c.id for c in walk.last.choices}
    walk.say(choice=timing["I have the written offer"])
    assert walk.state.answers["timing"] == "I have the written offer"


def test_choices_by_number_and_confirm_by_words(runner: ChecklistRunner) -> None:
    walk = Walk(runner, "close")
    walk.say("base 105k, 25 days pto")
    walk.say("3 March")
    walk.say("Maya")
    assert walk.step_key == "writing_promised"
    assert {c.label for c in walk.last.choices} >= {"Yes", "No"}
    assert "Please answer yes or no" in walk.say("perhaps")
    assert "Please answer yes or no" in walk.say("not sure")
    walk.say("yep")
    assert walk.state.answers["writing_promised"] is True
    walk.say("no thanks")  # declining the optional notes skips them: "no" must not land in the e-mail
    assert walk.state.done and walk.state.answers["extra_notes"] is None
    assert "\nno thanks\n" not in walk.attached
    walk = Walk(runner, "prepare")
    for answer in ("90k", "110k", "1", "100k", "95k", "skip"):
        walk.say(answer)
    walk.say("3")
    assert walk.state.answers["timing"] == "Still interviewing, no offer yet"


def test_review_values_the_offer_and_compares_a_second_one(runner: ChecklistRunner) -> None:
    walk = Walk(runner, "review")
    # terms without a salary: kept, and the base is asked for
    walk.say("25 days pto, 4% pension")
    assert walk.step_key == "offer_terms" and walk.state.partial == {"pto": 25, "retirement_match": 4}
    assert "base salary" in walk.text
    walk.say("100k")
    values = walk.card("per year")
    assert values["Paid time off"] == "25 days → $9,615 a year"
    assert values["Total per year"] == "$113,615"
    assert "working_days_per_year 260" in (walk.replies[1].cards[0].footer or "")
    walk.say("assume working days per year 250")
    assert walk.state.assumptions == {"working_days_per_year": 250}
    assert walk.card("re-valued")["Paid time off"] == "25 days → $10,000 a year"
    assert walk.step_key == "target"
    walk.say("120k")
    assert "$20,000 below" in walk.text and "$6,000 short" in walk.text
    walk.say("base 110k, 15 days pto, 3% pension, 2 remote days")
    assert walk.state.done
    # 110,000 + 6,600 + 3,300 + 1,656 against 100,000 + 10,000 + 4,000
    assert "**The other offer** is worth about **$7,556 more a year**" in walk.replies[-1].text
    assert walk.replies[-1].kind == "comparison"
    rows = walk.card(" vs ")
    assert rows["Remote work"].startswith("This offer: — · The other offer: 2 days a week ($1,656)")
    records = split_records(walk.record)
    assert [r.kind for r in records] == ["checklist", "valuation"]
    assert records[1].data["total"] == pytest.approx(114_000)
    assert records[1].data["compared_with"]["total"] == pytest.approx(121_556)
    assert records[0].data["result"]["gap_to_target"] == pytest.approx(6_000)
    assert records[1].data["assumptions"]["working_days_per_year"] == 250


def test_review_reports_terms_it_could_not_use(runner: ChecklistRunner) -> None:
    walk = Walk(runner, "review")
    walk.say("base 100k, 999 weeks severance")
    assert "Severance" in walk.text and "outside" in walk.text
    # kept aside, so the user can correct it before it is lost from the valuation
    assert walk.step_key == "offer_terms" and walk.state.partial == {"base_salary": 100_000}
    walk.say("severance 3 months")
    assert walk.state.answers["offer_terms"] == {"base_salary": 100_000, "severance": 3}
    walk = Walk(runner, "review")
    walk.say("base 100k, 999 weeks severance")
    done = next(c for c in walk.last.choices if c.label == "Done")
    walk.say(choice=done.id)
    assert walk.state.answers["offer_terms"] == {"base_salary": 100_000} and walk.step_key == "target"
    assert "couldn't find any terms" in Walk(runner, "review").say("hello there")


def test_a_saved_state_resumes_exactly(runner: ChecklistRunner) -> None:
    straight = Walk(runner, "review")
    for answer in ("base 100k, 25 days pto", "120k", "skip"):
        straight.say(answer)

    walk = Walk(runner, "review")
    walk.say("25 days pto")  # half an answer: the base is still missing
    saved = walk.state.model_dump_json()
    restored = ChecklistState.model_validate_json(saved)
    assert restored == walk.state
    again = runner.resume(restored)
    assert "So far I have: Paid time off 25 days" in plain(again[-1].text)
    walk.state = restored
    for answer in ("base 100k", "120k"):
        walk.say(answer)
    walk.state = ChecklistState.model_validate_json(walk.state.model_dump_json())
    walk.say("skip")
    assert walk.record is not None and straight.record is not None
    assert walk.record.data == straight.record.data


def test_close_drafts_an_email_with_the_agreed_terms(runner: ChecklistRunner) -> None:
    walk = Walk(runner, "close")
    walk.say("base 125k, 15k sign-on, 25 days pto, 3 days remote")
    walk.say("Monday 3 March")
    walk.say("Maya <script>")
    walk.say("no")
    walk.say("Thanks to the *whole* team!")
    assert walk.state.done and walk.record is not None
    reply = walk.last
    assert reply.attachment is not None and reply.attachment.mime == "text/plain"
    email = reply.attachment.content
    for line in ("Hi Maya <script>,", "- Base salary: $125,000", "- Sign-on bonus: $15,000",
                 "- Paid time off: 25 days", "- Remote work: 3 days a week", "- Start date: Monday 3 March",
                 "Thanks to the *whole* team!", "Could you please send me an updated offer letter"):
        assert line in email
    assert "Thanks to the \\*whole\\* team!" in reply.text  # escaped where it is shown as markup
    assert "get it in writing" in reply.text.lower()
    assert walk.record.data["result"]["email"] == email
    assert split_records(walk.record) == [walk.record]  # nothing valued, nothing else recorded


def test_close_lets_the_user_rephrase_a_term_it_missed(runner: ChecklistRunner) -> None:
    walk = Walk(runner, "close")
    walk.say("15k sign-on, 999 weeks severance")
    assert walk.step_key == "agreed_terms" and "Rephrase what I missed" in walk.text
    walk.say("severance 3 months")
    assert walk.state.answers["agreed_terms"] == {"sign_on_bonus": 15_000, "severance": 3}
    walk.state = walk.state.model_copy(update={"assumptions": {"raise_review_after_months": 6}})
    walk.state.answers["agreed_terms"]["raise_review"] = 5  # as if "a 5% raise after 6 months" was read
    for answer in ("1 June", "Maya", "no", "skip"):
        walk.say(answer)
    email = walk.attached
    assert "- Sign-on bonus: $15,000" in email and "- Severance: 3 months" in email
    assert "- Raise after review: 5% after a review at month 6" in email
    assert "Base salary" not in email  # a perks-only agreement needs no salary line


def test_close_thanks_them_when_the_letter_is_already_promised(runner: ChecklistRunner) -> None:
    walk = Walk(runner, "close")
    for answer in ("base 100k", "next month", "dana@example.com", "yes", "skip"):
        walk.say(answer)
    email = walk.attached
    assert email.startswith("To: dana@example.com\n") and "Hello," in email
    assert "As you kindly offered" in email


def test_long_text_is_cut_and_a_finished_checklist_says_so(runner: ChecklistRunner) -> None:
    walk = Walk(runner, "close")
    for answer in ("base 100k", "x" * 5000):
        walk.say(answer)
    assert len(walk.state.answers["start_date_text"]) == 1000 and "first 1,000" in walk.text
    for answer in ("Maya", "yes", "skip"):
        walk.say(answer)
    assert walk.state.done
    assert "is finished" in walk.say("hello again")
    assert walk.record is None


def test_unknown_step_keys_and_computations_degrade_gracefully(playbooks: Playbooks) -> None:
    custom = Checklist(key="team_check", title="Team check", summary="Our own.", finish="no_such_finish", steps=[
        Step(key="their_offer", kind=StepKind.offer, prompt="The offer?", show="offer_total"),
        Step(key="goal", kind=StepKind.money, prompt="Your goal?", show="target_gap"),
        Step(key="mood", kind=StepKind.number, prompt="How do you feel, 1 to 5?", min=1, max=5, show="nonsense"),
    ])
    other = Checklist(key="team_prep", title="Team prep", summary="Ours.", finish="prepare_summary", steps=[
        Step(key="notes", kind=StepKind.text, prompt="Notes?", show="perk_values"),
    ])
    pb = playbooks.model_copy(update={"checklists": {**playbooks.checklists, "team_check": custom,
                                                     "team_prep": other}})
    runner = ChecklistRunner(pb, Understander(pb.perks))
    walk = Walk(runner, "team_check")
    walk.say("base 90k, 20 days pto")
    assert walk.card("per year")["Paid time off"] == "20 days → $6,923 a year"
    walk.say("100k")
    assert "between 1 and 5" in walk.say("9")
    walk.say("4")
    assert walk.state.done and walk.record is not None
    assert walk.card("Your answers")["How do you feel, 1 to 5?"] == "4"
    walk = Walk(runner, "team_prep")
    walk.say("none yet")
    assert walk.state.done
    assert "an example" in walk.text  # no figures given: the perk values say what base they assumed


def test_a_checklist_removed_from_the_playbooks_is_answered_politely(runner: ChecklistRunner) -> None:
    state = ChecklistState(key="gone", step=2)
    _, replies, record = runner.answer(state, "hello", None)
    assert "no longer" in replies[0].text and record is None
    assert "no longer" in runner.resume(state)[0].text


def test_a_review_through_the_bot_survives_a_restart(tmp_path) -> None:
    from tests.support.harness import ChatHarness, text_of

    bot = ChatHarness(tmp_path / "coach.db")
    try:
        bot.say("checklist review")
        bot.say("25 days pto")
        assert "Still needed: the base salary" in text_of(bot.say("assume layoff probability 5%"))
        bot = bot.restart()
        shown = text_of(bot.say("base 100k"))
        assert "Paid time off: 25 days → $9,615 a year" in shown
        bot.say("120k")
        done = text_of(bot.say("base 110k, 15 days pto"))
        assert "The other offer is worth about $6,731 more a year than This offer." in done
        assert bot.state().mode == "idle"
    finally:
        bot.close()


def test_the_shipped_checklists_use_only_computations_the_runner_knows(runner: ChecklistRunner) -> None:
    for checklist in runner.playbooks.checklists.values():
        assert checklist.finish in runner._finishes, checklist.key
        for step in checklist.steps:
            assert step.show is None or step.show in runner._shows, (checklist.key, step.key)


_SAMPLES = ["95k", "110k", "1 2 3", "2", "yes", "no", "back", "skip", "done", "base 100k, 25 days pto",
            "assume commute_cost_per_day 30", "assume nonsense 3", "-5", "1e99", "", "   ", "🙂 ‮rtl", "x" * 3000,
            "Base salary, Remote work", "verbal", "cl:nowhere:0", "999 weeks severance"]


@given(key=st.sampled_from(["prepare", "review", "close"]),
       moves=st.lists(st.one_of(st.sampled_from(_SAMPLES), st.text(max_size=40), st.integers(0, 12)), max_size=25))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_sequence_of_answers_gets_replies_and_a_reloadable_state(
    runner: ChecklistRunner, key: str, moves: list[str | int]
) -> None:
    state, replies = runner.start(key)
    for move in moves:
        if isinstance(move, int):  # a button from the last replies, or a made-up one
            choices = [c.id for r in replies for c in r.choices]
            choice = choices[move % len(choices)] if choices and move < 10 else f"cl:offer_terms:{move}"
            state, replies, record = runner.answer(state, None, ChoiceId.decode(choice))
        else:
            state, replies, record = runner.answer(state, move, None)
        assert replies and all(r.text or r.cards for r in replies)
        assert ChecklistState.model_validate_json(state.model_dump_json()) == state
        assert 0 <= state.step < len(runner.playbooks.checklists[key].steps)
        if record is not None:
            assert state.done and record.data["answers"] == state.answers


def test_a_free_text_answer_that_starts_with_assume_is_kept(runner: ChecklistRunner) -> None:
    walk = Walk(runner, "close")
    walk.say("base 100k")
    walk.say("Assume I start on the 1st of May")
    assert walk.state.answers["start_date_text"] == "Assume I start on the 1st of May"
    assert "Now assuming expected_years = 3" in walk.say("assume expected_years 3")
    assert walk.state.assumptions == {"expected_years": 3} and walk.step_key == "recipient"
