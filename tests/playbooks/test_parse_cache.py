"""Parsed playbook files are kept in the user's cache, so a start reads YAML only once per file version (issue 14).

Parsing the shipped YAML was most of what loading the playbooks cost at each start. The parse is kept
as JSON under a digest of the file's text: a second start parses nothing and loads the same playbooks,
an edited file is parsed again, and a cache that cannot be used only costs the parse.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.playbooks.loader import PlaybookError, load_playbooks, shipped_playbooks_dir


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts YAML parses (one entry per document parsed)."""
    counted: list[int] = []
    real = yaml.load

    def counting(*args: object, **kwargs: object) -> object:
        counted.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(yaml, "load", counting)  # the loader imports PyYAML only on a cache miss
    return counted


def test_a_second_start_parses_no_yaml_and_loads_the_same_playbooks(tmp_path: Path, monkeypatch, parses) -> None:
    monkeypatch.setenv("OFFER_COACH_CACHE_DIR", str(tmp_path))
    first = load_playbooks()
    assert len(parses) > 10  # every shipped file, once
    parses.clear()
    second = load_playbooks()
    assert parses == []
    assert second == first


def test_an_edited_file_is_parsed_again(tmp_path: Path, monkeypatch, parses) -> None:
    monkeypatch.setenv("OFFER_COACH_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "team"
    (folder / "scenarios").mkdir(parents=True)
    source = next((shipped_playbooks_dir() / "scenarios").glob("*.yaml"))
    shutil.copy(source, folder / "scenarios" / source.name)
    load_playbooks(folder)
    target = folder / "scenarios" / source.name
    doc = yaml.safe_load(target.read_text(encoding="utf-8"))
    doc["title"] = "A title the team changed"
    target.write_text(yaml.safe_dump(doc), encoding="utf-8")
    parses.clear()
    changed = load_playbooks(folder)
    assert len(parses) == 1
    assert changed.scenarios[doc["key"]].title == "A title the team changed"


def test_a_broken_file_is_reported_every_time_not_cached(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("OFFER_COACH_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "tips.yaml").write_text("tips: [\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(PlaybookError, match="invalid YAML"):
            load_playbooks(folder)


def test_an_unwritable_cache_only_costs_the_parse(tmp_path: Path, monkeypatch, parses) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("OFFER_COACH_CACHE_DIR", str(blocked / "sub"))
    assert load_playbooks() == load_playbooks()
    assert len(parses) > 20  # parsed both times


def test_a_damaged_cache_entry_is_parsed_again(tmp_path: Path, monkeypatch, parses) -> None:
    monkeypatch.setenv("OFFER_COACH_CACHE_DIR", str(tmp_path))
    expected = load_playbooks()
    for entry in tmp_path.glob("playbook*"):  # the parsed documents and the validated set kept over them
        entry.write_text("{not json", encoding="utf-8")
    parses.clear()
    assert load_playbooks() == expected
    assert len(parses) > 10
