"""A team's playbook folder as untrusted input: bombs and odd files are refused with a clear problem,
and every file the bot does not read is reported with the name it probably meant.

Work is counted, never timed: the alias bomb test counts the nodes the expansion check visits.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
import yaml

from adapters.cli.playbooks import check_command
from bot.playbooks import files
from bot.playbooks.loader import PlaybookError, load_playbooks, shipped_playbooks_dir

SHIPPED = shipped_playbooks_dir()


def problems_of(folder: Path) -> list[tuple[str, str]]:
    with pytest.raises(PlaybookError) as caught:
        load_playbooks(folder)
    return [(str(Path(p.file).relative_to(folder)), p.reason) for p in caught.value.problems]


def scenario_with_title(title: str) -> str:
    text = (SHIPPED / "scenarios" / "growth_startup.yaml").read_text(encoding="utf-8")
    return "\n".join(f"title: {title}" if ln.startswith("title:") else ln for ln in text.splitlines()) + "\n"


def alias_bomb(levels: int, width: int) -> str:
    """The "billion laughs" as one flow list: level n lists level n-1 `width` times."""
    parts = ['&l0 "lol"'] + [f"&l{n} [" + ", ".join([f"*l{n - 1}"] * width) + "]" for n in range(1, levels + 1)]
    return "[" + ", ".join(parts) + "]"


# --- bombs -------------------------------------------------------------------------------------


def _nodes_visited_loading(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[tuple[str, str]]]:
    visited: list[int] = []
    real_children = files._children

    def counting_children(node: yaml.Node) -> list[yaml.Node]:
        visited.append(1)
        return real_children(node)

    monkeypatch.setattr(files, "_children", counting_children)
    monkeypatch.setenv("OFFER_COACH_CACHE_DIR", "")  # the parsing work itself, not a cached parse
    try:
        load_playbooks(folder)
        found: list[tuple[str, str]] = []
    except PlaybookError as error:
        found = [(str(Path(p.file).relative_to(folder)), p.reason) for p in error.problems]
    monkeypatch.undo()
    return len(visited), found


def test_an_alias_bomb_in_a_scenario_title_is_refused_after_one_visit_per_distinct_node(tmp_path, monkeypatch):
    plain, bombed = tmp_path / "plain", tmp_path / "bombed"
    for folder in (plain, bombed):
        (folder / "scenarios").mkdir(parents=True)
    (plain / "scenarios" / "plain.yaml").write_text(scenario_with_title("Fine"), encoding="utf-8")
    bomb = alias_bomb(levels=9, width=9)  # 9**9 = 387 million strings once expanded, in 500 bytes
    (bombed / "scenarios" / "bomb.yaml").write_text(scenario_with_title(bomb), encoding="utf-8")
    work_plain, _ = _nodes_visited_loading(plain, monkeypatch)
    work_bombed, [(name, reason)] = _nodes_visited_loading(bombed, monkeypatch)
    assert name == "scenarios/bomb.yaml"
    assert "aliases expand this document past 100,000 values" in reason
    assert work_bombed - work_plain <= 2 * 11  # the bomb's eleven distinct nodes, each visited twice


def test_an_alias_that_refers_to_itself_is_refused(tmp_path):
    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "tips.yaml").write_text("tips: &loop [*loop]\n", encoding="utf-8")
    [(name, reason)] = problems_of(folder)
    assert name == "tips.yaml" and "alias" in reason


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path):
    folder = tmp_path / "team"
    folder.mkdir()
    padding = "# " + "x" * 98 + "\n"
    text = "tips:\n  - key: big\n    text: Ask for the range first.\n" + padding * (files.MAX_FILE_BYTES // 100 + 1)
    (folder / "tips.yaml").write_text(text, encoding="utf-8")
    [(name, reason)] = problems_of(folder)
    assert name == "tips.yaml" and "at most 1,000,000" in reason


def test_a_symlink_to_a_device_is_refused(tmp_path):
    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "tips.yaml").symlink_to("/dev/zero")
    [(name, reason)] = problems_of(folder)
    assert name == "tips.yaml" and "not a regular file" in reason


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    folder = tmp_path / "team"
    (folder / "scenarios").mkdir(parents=True)
    os.mkfifo(folder / "scenarios" / "pipe.yaml")
    [(name, reason)] = problems_of(folder)
    assert name == "scenarios/pipe.yaml" and "not a regular file" in reason


# --- misplaced files ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("broken.yaml", "unknown file, not read"),
        ("perk.yaml", "did you mean `perks.yaml`?"),
        ("tip.yml", "did you mean `tips.yaml`?"),
        ("scenarios.yaml", "each scenario goes in its own file inside `scenarios/`"),
        ("checklist.yaml", "each checklist goes in its own file inside `checklists/`"),
        ("scenario/", "did you mean `scenarios/`?"),
        ("Scenarios/", "did you mean `scenarios/`?"),
        ("checklist/", "did you mean `checklists/`?"),
        ("scenarios/growth.json", "must end in .yaml or .yml"),
        ("scenarios/old/", "folders inside scenarios/ are not read"),
    ],
)
def test_every_file_the_bot_does_not_read_is_reported_with_what_it_probably_meant(tmp_path, entry, expected):
    folder = tmp_path / "team"
    (folder / "scenarios").mkdir(parents=True)
    target = folder / entry.rstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    if entry.endswith("/"):
        target.mkdir()
        (target / "growth_startup.yaml").write_text(scenario_with_title("Moved"), encoding="utf-8")
    else:
        target.write_text("key: [broken\n", encoding="utf-8")
    out = io.StringIO()
    assert check_command(folder, out) == 1
    assert f"{target}: (file): " in out.getvalue()
    assert expected in out.getvalue()
    assert "changes nothing" not in out.getvalue()


def test_yml_works_at_the_top_level_too_and_notes_for_people_are_left_alone(tmp_path):
    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "tips.yml").write_text("tips:\n  - key: team_tip\n    text: Ask for the range first.\n", "utf-8")
    (folder / "README.md").write_text("Our team's playbooks.\n", encoding="utf-8")
    (folder / ".git").mkdir()
    assert "team_tip" in {tip.key for tip in load_playbooks(folder).tips}


def test_the_same_file_as_yaml_and_yml_is_a_problem(tmp_path):
    folder = tmp_path / "team"
    folder.mkdir()
    for name in ("tips.yaml", "tips.yml"):
        (folder / name).write_text("tips:\n  - key: team_tip\n    text: Ask for the range first.\n", "utf-8")
    [(name, reason)] = problems_of(folder)
    assert name == "tips.yml" and "keep one of the two" in reason
