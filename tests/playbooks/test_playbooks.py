"""The shipped playbooks, the loader's error reports, the team-folder merge, and `playbooks check|list`."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from adapters.cli.playbooks import check_command, list_command
from bot.playbooks.loader import PlaybookError, load_playbooks, shipped_playbooks_dir
from bot.playbooks.models import Detector, StepKind, Unit

SHIPPED = shipped_playbooks_dir()


@pytest.fixture(scope="module")
def books():
    return load_playbooks()


def shipped_scenario(key: str) -> dict[str, Any]:
    return yaml.safe_load((SHIPPED / "scenarios" / f"{key}.yaml").read_text(encoding="utf-8"))


def write_yaml(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def problems_of(extra: Path) -> list[tuple[str, str, str]]:
    with pytest.raises(PlaybookError) as caught:
        load_playbooks(extra)
    return [(Path(p.file).name, p.field, p.reason) for p in caught.value.problems]


# --- the shipped content --------------------------------------------------------------------------


def test_loading_the_shipped_playbooks_parses_each_file_once_in_c_and_never_looks_for_error_lines(
        monkeypatch, tmp_path):
    # What keeps `offer-coach chat` starting fast, counted rather than timed (the time itself is
    # measured by bench/playbooks_load.py): one parse per file, with libyaml's C loader when the
    # installed PyYAML has it, and no second pass over the text to find a line for an error.
    # With an empty parse cache (tests/playbooks/test_parse_cache.py: later starts parse nothing).
    monkeypatch.setenv("OFFER_COACH_CACHE_DIR", str(tmp_path))
    loads: list[type] = []
    composes: list[str] = []
    real_load = yaml.load

    def counting_load(stream: Any, Loader: type) -> Any:
        loads.append(Loader)
        return real_load(stream, Loader=Loader)

    monkeypatch.setattr(yaml, "load", counting_load)
    monkeypatch.setattr(yaml, "compose", lambda text, Loader=None: composes.append(text))
    load_playbooks()
    assert len(loads) == len(list(SHIPPED.rglob("*.yaml")))
    if hasattr(yaml, "CSafeLoader"):
        assert all(issubclass(loader, yaml.CSafeLoader) for loader in loads)
    assert composes == []


def test_the_required_scenarios_are_there_and_each_offers_salary_and_six_to_ten_perks(books):
    assert {
        "growth_startup",
        "bureaucratic_bands",
        "nonprofit_flex",
        "relocating_manager",
        "below_target_review",
    } <= set(books.scenarios)
    for scenario in books.scenarios.values():
        assert "base_salary" in scenario.perks
        assert 6 <= len(scenario.perks) - 1 <= 10, scenario.key
        assert scenario.persona.name and scenario.persona.greeting and scenario.brief


def test_each_required_scenario_has_the_shape_the_issue_describes(books):
    bands = books.scenarios["bureaucratic_bands"].perks
    assert bands["base_salary"].fixed
    movable = [k for k, s in bands.items() if not s.fixed]
    assert {"pto", "professional_development", "sign_on_bonus", "remote_work"} <= set(movable)
    for key in movable:
        assert {"politeness", "concrete_number", "justification"} <= set(bands[key].unlocks)

    nonprofit = books.scenarios["nonprofit_flex"].perks
    assert nonprofit["base_salary"].fixed
    assert not nonprofit["flexible_schedule"].fixed and not nonprofit["pto"].fixed
    assert "trial_period" in nonprofit["remote_work"].unlocks

    relocating = books.scenarios["relocating_manager"].perks
    assert relocating["severance"].fixed and relocating["severance"].offer == 0
    assert {a.perk for a in relocating["severance"].alternatives} == {"sign_on_bonus", "relocation"}

    below = books.scenarios["below_target_review"].perks
    assert below["raise_review"].offer == 0 and below["raise_review"].limit
    assert any(a.perk == "raise_review" for a in below["base_salary"].alternatives)

    startup = books.scenarios["growth_startup"].perks
    equity_room = startup["equity"].limit - startup["equity"].offer
    salary_room = startup["base_salary"].limit - startup["base_salary"].offer
    assert equity_room > 0 and startup["sign_on_bonus"].limit > 0
    assert salary_room / startup["base_salary"].offer < 0.1  # salary moves only a bit


def _spellings(amount: float) -> set[str]:
    forms = {f"{amount:,.0f}", f"{amount:.0f}"}
    if amount >= 1000 and amount % 1000 == 0:
        forms.add(f"{amount / 1000:.0f}k")
    elif amount >= 1000 and amount % 100 == 0:
        forms.add(f"{amount / 1000:.1f}k")
    return forms


def _facts_told(scenario: Any) -> list[str]:
    """What the recruiter says when asked about the offer: told to the candidate like the brief."""
    abouts = [sheet.about for sheet in scenario.perks.values() if sheet.about is not None]
    texts = [str(value) for about in [scenario.pay, *abouts] if about is not None
             for value in about.model_dump().values() if isinstance(value, str)]
    return texts


def test_every_shipped_scenario_can_answer_what_its_pay_is_and_what_its_perks_are(books):
    for scenario in books.scenarios.values():
        assert scenario.pay is not None and scenario.pay.basis == "gross" and scenario.pay.payments, scenario.key
        described = [key for key, sheet in scenario.perks.items() if sheet.about is not None]
        assert len(described) >= 5, scenario.key


def test_what_the_candidate_is_told_never_gives_away_a_money_limit(books):
    for scenario in books.scenarios.values():
        told = " ".join([scenario.summary, scenario.brief, scenario.persona.greeting, *_facts_told(scenario)])
        for perk_key, sheet in scenario.perks.items():
            if books.perks[perk_key].unit is not Unit.money or sheet.fixed or sheet.limit < 1000:
                continue
            for spelled in _spellings(sheet.limit):
                shown = re.search(rf"(?<![\d.,]){re.escape(spelled)}(?![\d])", told)
                assert not shown, f"{scenario.key} reveals the {perk_key} limit as {spelled}"


def test_rubric_has_each_technique_once_with_advice(books):
    assert sorted(t.detector for t in books.rubric) == sorted(Detector)
    for technique in books.rubric:
        assert technique.why and technique.tip and technique.example


def test_there_are_enough_tips_and_challenges_each_tied_to_something(books):
    assert len(books.tips) >= 40
    assert any(t.kind == "challenge" for t in books.tips)
    assert all(t.technique or t.perk for t in books.tips)


def test_checklists_have_the_steps_and_computations_the_valuation_code_reads(books):
    expected = {
        "prepare": (
            {"market_low", "market_high", "priorities", "target", "walk_away", "offer_terms", "timing"}
            | {"justification"},
            "prepare_summary",
        ),
        "review": ({"offer_terms", "target", "second_offer"}, "offer_review"),
        "close": ({"agreed_terms", "start_date_text", "recipient", "extra_notes"}, "close_email"),
    }
    for key, (step_keys, finish) in expected.items():
        checklist = books.checklists[key]
        assert step_keys <= {s.key for s in checklist.steps}
        assert checklist.finish == finish
    shows = {s.show for c in books.checklists.values() for s in c.steps if s.show}
    assert shows == {"perk_values", "offer_total", "target_gap"}
    for checklist in books.checklists.values():
        for step in checklist.steps:
            if step.kind is StepKind.money:
                assert step.min is not None and step.max is not None


# --- error reports ----------------------------------------------------------------------------------


def test_bad_yaml_names_the_file_and_line(tmp_path):
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "broken.yaml").write_text("key: broken\ntitle: [unclosed\nrole: x\n")
    [(file, field, reason)] = problems_of(tmp_path)
    assert file == "broken.yaml"
    assert field.startswith("line ")
    assert "invalid YAML" in reason


def test_a_perk_written_twice_in_one_scenario_is_caught_not_silently_dropped(tmp_path):
    text = (SHIPPED / "scenarios" / "growth_startup.yaml").read_text(encoding="utf-8")
    text = text.replace("  pto:\n", "  pto:\n    offer: 30\n  pto:\n", 1)
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "growth_startup.yaml").write_text(text, encoding="utf-8")
    [(file, field, reason)] = problems_of(tmp_path)
    assert file == "growth_startup.yaml" and field.startswith("line ")
    assert "`pto` appears twice" in reason


def test_schema_problems_name_the_field_path_and_reason(tmp_path):
    scenario = shipped_scenario("growth_startup")
    scenario["key"] = "team_startup"
    del scenario["role"]
    scenario["patience"] = "lots"
    scenario["perks"]["pto"]["limit"] = "twenty"
    write_yaml(tmp_path / "scenarios" / "team_startup.yaml", scenario)
    found = problems_of(tmp_path)
    assert ("team_startup.yaml", "role", "required field is missing") in found
    fields = {field: reason for _, field, reason in found}
    assert "patience" in fields and "'lots'" in fields["patience"]
    assert "perks.pto.limit" in fields and "line" in fields["perks.pto.limit"]


def test_facts_about_the_offer_that_cannot_be_true_name_the_file_the_field_and_why(tmp_path):
    scenario = shipped_scenario("berlin_scaleup_eur")
    scenario["key"] = "team_berlin"
    scenario["pay"] = {"basis": "before tax", "payments": 0}
    scenario["perks"]["base_salary"]["about"] = {"basis": "gross"}  # said once, under pay:
    scenario["perks"]["pto"]["about"] = {"basis": "net", "vested": "never"}  # days are neither; no such fact
    scenario["perks"]["equipment"]["about"] = {"period": "year"}  # a one-off budget in the perk catalogue
    scenario["perks"]["professional_development"]["about"] = {"period": "fortnight", "note": ""}
    write_yaml(tmp_path / "scenarios" / "team_berlin.yaml", scenario)
    found = problems_of(tmp_path)
    assert {name for name, _, _ in found} == {"team_berlin.yaml"}
    fields = {field: reason for _, field, reason in found}
    assert "'gross' or 'net'" in fields["pay.basis"] and "line" in fields["pay.basis"]
    assert "greater than or equal to 1" in fields["pay.payments"]
    assert fields["perks.pto.about.vested"].startswith("unknown field")
    assert "'year', 'month', 'week' or 'one_off'" in fields["perks.professional_development.about.period"]
    assert "at least 3 characters" in fields["perks.professional_development.about.note"]
    # the model is valid until its cross-checks: run them on a copy with only those mistakes
    scenario["pay"] = {"basis": "gross", "payments": 12}
    del scenario["perks"]["pto"]["about"]["vested"]
    del scenario["perks"]["professional_development"]["about"]
    write_yaml(tmp_path / "scenarios" / "team_berlin.yaml", scenario)
    fields = {field: reason for _, field, reason in problems_of(tmp_path)}
    assert fields == {
        "perks.base_salary.about.basis": "say it once for the whole pay, in `pay: {basis: ...}`",
        "perks.pto.about.basis": "only money is gross, net or guaranteed; Paid time off is counted in days",
        "perks.equipment.about.period": "year contradicts the perk catalogue: Equipment is a one-off sum",
    }


def test_cross_checks_report_unknown_perks_and_limits_on_the_wrong_side(tmp_path):
    scenario = shipped_scenario("growth_startup")
    scenario["key"] = "team_startup"
    scenario["perks"]["jetpack"] = {"offer": 1, "limit": 2}
    scenario["perks"]["pto"]["limit"] = 10  # below the offer of 20, but more days is better
    scenario["perks"]["base_salary"]["alternatives"][0]["perk"] = "yacht"
    write_yaml(tmp_path / "scenarios" / "team_startup.yaml", scenario)
    found = {field: reason for _, field, reason in problems_of(tmp_path)}
    assert "unknown perk" in found["perks.jetpack"]
    assert "below the offer" in found["perks.pto.limit"]
    assert "unknown perk" in found["perks.base_salary.alternatives.0.perk"]


def test_a_floor_is_checked_for_perks_where_less_is_better(tmp_path):
    scenario = shipped_scenario("nonprofit_flex")
    scenario["perks"]["working_hours"]["limit"] = 45  # more hours is worse: the limit must be a floor
    write_yaml(tmp_path / "scenarios" / "nonprofit_flex.yaml", scenario)
    [(_, field, reason)] = problems_of(tmp_path)
    assert field == "perks.working_hours.limit" and "floor" in reason


def test_amounts_outside_the_catalogue_range_and_alternatives_past_the_limit(tmp_path):
    scenario = shipped_scenario("relocating_manager")
    scenario["perks"]["pto"]["limit"] = 400
    scenario["perks"]["severance"]["alternatives"][0]["amount"] = 90000  # sign-on limit is lower
    write_yaml(tmp_path / "scenarios" / "relocating_manager.yaml", scenario)
    found = {field: reason for _, field, reason in problems_of(tmp_path)}
    assert "outside" in found["perks.pto.limit"]
    assert "goes past" in found["perks.severance.alternatives.0.amount"]


def test_every_problem_in_every_file_is_reported_at_once(tmp_path):
    write_yaml(tmp_path / "tips.yaml", {"tips": [{"key": "t1", "text": "x", "technique": "mind_reading"}]})
    write_yaml(tmp_path / "perks.yaml", {"perk": []})
    write_yaml(tmp_path / "assumptions.yaml", {"assumptions": {"expected_years": float("inf")}})
    (tmp_path / "checklists").mkdir()
    (tmp_path / "checklists" / "x.yaml").write_text("key: x\ntitle: X\nsummary: s\nfinish: f\nsteps: []\n")
    found = problems_of(tmp_path)
    files = {file for file, _, _ in found}
    assert files == {"tips.yaml", "perks.yaml", "assumptions.yaml", "x.yaml"}
    assert ("tips.yaml", "tips.t1.technique", "unknown technique `mind_reading`") in found


def test_duplicate_keys_across_files_and_a_second_technique_for_one_detector(tmp_path):
    scenario = shipped_scenario("growth_startup")
    scenario["key"] = "twice"
    write_yaml(tmp_path / "scenarios" / "one.yaml", scenario)
    write_yaml(tmp_path / "scenarios" / "two.yaml", scenario)
    write_yaml(
        tmp_path / "rubric.yaml",
        {
            "techniques": [
                {
                    "key": "be_nice",
                    "label": "Be nice",
                    "detector": "polite_firm",
                    "why": "w",
                    "tip": "t",
                    "example": "e",
                }
            ]
        },
    )
    found = problems_of(tmp_path)
    assert any(f == "two.yaml" and "duplicate key `twice`" in r for f, _, r in found)
    assert any(f == "rubric.yaml" and "already used" in r for f, _, r in found)


def test_a_missing_extra_folder_is_a_clear_problem(tmp_path):
    [(_, _, reason)] = problems_of(tmp_path / "nowhere")
    assert "does not exist" in reason


# --- merging a team's folder -------------------------------------------------------------------------


def test_a_team_folder_replaces_one_scenario_adds_another_and_keeps_the_rest(tmp_path, books):
    replaced = shipped_scenario("growth_startup")
    replaced["title"] = "Our own startup"
    write_yaml(tmp_path / "scenarios" / "growth_startup.yaml", replaced)
    added = shipped_scenario("nonprofit_flex")
    added.update(key="team_hospice", company="Evening Light Hospice")
    write_yaml(tmp_path / "scenarios" / "hospice.yaml", added)
    write_yaml(tmp_path / "assumptions.yaml", {"assumptions": {"commute_cost_per_day": 30}})

    merged = load_playbooks(tmp_path)
    assert merged.scenarios["growth_startup"].title == "Our own startup"
    assert merged.scenarios["team_hospice"].company == "Evening Light Hospice"
    assert set(merged.scenarios) == set(books.scenarios) | {"team_hospice"}
    assert merged.assumptions["commute_cost_per_day"] == 30
    assert merged.assumptions["expected_years"] == books.assumptions["expected_years"]
    assert load_playbooks().scenarios["growth_startup"].title != "Our own startup"


# --- the commands ---------------------------------------------------------------------------------------


def test_check_command_prints_each_problem_and_exits_1(tmp_path):
    scenario = shipped_scenario("growth_startup")
    scenario["perks"]["pto"]["limit"] = 10
    path = write_yaml(tmp_path / "scenarios" / "growth_startup.yaml", scenario)
    out = io.StringIO()
    assert check_command(tmp_path, out) == 1
    lines = out.getvalue().splitlines()
    assert lines[0] == "1 problem found:"
    assert lines[1].startswith(f"{path}: perks.pto.limit: the limit 10 is below the offer 20")


def test_check_command_accepts_the_shipped_set_and_says_what_a_folder_changes(tmp_path):
    out = io.StringIO()
    assert check_command(None, out) == 0
    assert out.getvalue().startswith("OK")
    added = shipped_scenario("nonprofit_flex")
    added["key"] = "team_hospice"
    write_yaml(tmp_path / "scenarios" / "hospice.yaml", added)
    out = io.StringIO()
    assert check_command(tmp_path, out) == 0
    assert "adds scenario: team_hospice" in out.getvalue()


def test_list_json_includes_each_scenarios_opening_offer_and_checklist_sizes(books):
    out = io.StringIO()
    assert list_command(None, True, out) == 0
    data = json.loads(out.getvalue())
    startup = next(s for s in data["scenarios"] if s["key"] == "growth_startup")
    assert startup["company"] == "Lumen Ledger"
    assert startup["opening_offer"]["base_salary"] == 150000
    assert startup["opening_offer"]["remote_work"] == 3
    assert len(data["scenarios"]) == len(books.scenarios)
    prepare = next(c for c in data["checklists"] if c["key"] == "prepare")
    assert prepare["steps"] == len(books.checklists["prepare"].steps)
    # nothing hidden leaks into the listing
    assert "limit" not in out.getvalue() and "unlocks" not in out.getvalue()


def test_list_text_and_a_broken_folder(tmp_path):
    out = io.StringIO()
    assert list_command(None, False, out) == 0
    assert "growth_startup" in out.getvalue() and "prepare" in out.getvalue()
    (tmp_path / "tips.yaml").write_text("tips: [")
    out = io.StringIO()
    assert list_command(tmp_path, False, out) == 1
    assert "tips.yaml" in out.getvalue()


def test_alternatives_leave_room_for_a_justified_ask_on_the_perk_they_raise(books):
    # An alternative is the recruiter's first counter, not their last word: a candidate who then
    # asks with a number and a reason should still be able to get more.
    for scenario in books.scenarios.values():
        for sheet in scenario.perks.values():
            for alternative in sheet.alternatives:
                target = scenario.perks.get(alternative.perk)
                if target is None or target.fixed or books.perks[alternative.perk].unit is Unit.flag:
                    continue
                low, high = sorted((target.offer, target.limit))
                assert low < alternative.amount < high, (scenario.key, alternative.perk)
