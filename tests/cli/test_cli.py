"""The `offer-coach` command line, run as a user would, in a subprocess where it matters."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from adapters.cli.main import main


def run(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "adapters.cli.main", *args], input=stdin, capture_output=True, text=True, timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_chat_reads_one_message_per_line_and_exits_at_end_of_input(tmp_path: Path) -> None:
    # Numbers pick from the choices just shown (the practice opening's), never from older ones.
    script = "practice growth_startup\n3\n"
    result = run("chat", "--db", str(tmp_path / "c.db"), "--user", "sam", stdin=script)
    assert result.returncode == 0, result.stderr
    assert "you> practice growth_startup" in result.stdout
    assert "The offer:" in result.stdout
    assert "[3] End and debrief" in result.stdout
    assert "Your scorecard" in result.stdout  # typing 3 picked "End and debrief"


def test_chat_picks_up_where_it_left_off_in_a_new_process(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    run("chat", "--db", db, "--user", "sam", stdin="practice nonprofit_flex\n")
    result = run("chat", "--db", db, "--user", "sam", stdin="status\n")
    assert "The offer as it stands" in result.stdout


def test_understand_writes_one_json_object_per_line() -> None:
    out = io.StringIO()
    lines = "I'd want 130-140k given what levels shows\nok but no car\n\n🎉\n"
    assert main(["understand"], stdin=io.StringIO(lines), stdout=out) == 0
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(rows) == 4
    assert all(set(row) == {"text", "acts", "terms"} for row in rows)
    asked = {"perk": "base_salary", "amount": 130000.0, "unit": "money", "negated": False, "role": "ask"}
    assert asked in rows[0]["terms"]
    assert any(t["negated"] and t["perk"] == "transportation" for t in rows[1]["terms"])


def test_playbooks_list_json_includes_opening_offers() -> None:
    out = io.StringIO()
    assert main(["playbooks", "list", "--json"], stdout=out) == 0
    data = json.loads(out.getvalue())
    startup = next(s for s in data["scenarios"] if s["key"] == "growth_startup")
    assert startup["opening_offer"]["base_salary"] > 0


def test_unwritable_database_path_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run("chat", "--db", str(blocker / "sub" / "c.db"), stdin="help\n")
    assert result.returncode != 0
    assert str(blocker / "sub") in result.stderr and "Traceback" not in result.stderr


def test_bad_configuration_names_the_variable() -> None:
    result = run("chat", "--db", ":memory:", stdin="help\n", env={"OFFER_COACH_MAX_MESSAGE_CHARS": "lots"})
    assert result.returncode != 0
    assert "OFFER_COACH_MAX_MESSAGE_CHARS" in result.stderr and "Traceback" not in result.stderr


def test_a_broken_team_playbook_is_named_and_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "bad.yaml").write_text("key: bad\ntitle: [unclosed\n")
    result = run("chat", "--db", ":memory:", "--playbooks", str(tmp_path), stdin="help\n")
    assert result.returncode != 0
    assert "bad.yaml" in result.stderr and "Traceback" not in result.stderr


def test_export_and_forget_from_the_command_line(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    run("chat", "--db", db, "--user", "kim", stdin="practice growth_startup\nI accept\n")
    exported = run("export", "--user", "kim", "--db", db)
    assert exported.returncode == 0
    assert json.loads(exported.stdout)["practices"][0]["scenario"] == "growth_startup"
    assert run("forget", "--user", "kim", "--db", db, "--yes").returncode == 0
    after = run("export", "--user", "kim", "--db", db)
    assert after.returncode == 1 and "No data stored" in after.stderr
