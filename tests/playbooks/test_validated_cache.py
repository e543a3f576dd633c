"""The loaded playbooks are kept in the user's cache: a start with unchanged files validates none (issue 14).

Counted, not timed. The set is kept under a digest of every file's text and of the code that checks
them: an edited file is loaded in full again, a broken one is still reported naming file, field and
reason, and an entry someone else could have written is never read.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from bot.playbooks import loader, validated_cache
from bot.playbooks.loader import PlaybookError, load_playbooks, shipped_playbooks_dir


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The file of each item validated, in a fresh cache folder."""
    monkeypatch.setenv("OFFER_COACH_CACHE_DIR", str(tmp_path / "cache"))
    seen: list[str] = []
    real = loader._Reader.validate

    def counting(self: loader._Reader, model: type, data: object, path: Path, *args: object,
                 **kwargs: object) -> object:
        seen.append(path.name)
        return real(self, model, data, path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader._Reader, "validate", counting)
    return seen


def _team_folder(tmp_path: Path) -> tuple[Path, Path]:
    """A team folder with one shipped scenario copied in: (folder, the scenario file)."""
    folder = tmp_path / "team"
    (folder / "scenarios").mkdir(parents=True)
    source = next((shipped_playbooks_dir() / "scenarios").glob("*.yaml"))
    target = folder / "scenarios" / source.name
    shutil.copy(source, target)
    return folder, target


def test_a_second_load_validates_nothing_and_gives_the_same_playbooks(validations: list[str]) -> None:
    first = load_playbooks()
    assert len(validations) > 20  # every perk, scenario, checklist, technique and tip
    validations.clear()
    second = load_playbooks()
    assert validations == []
    assert second == first
    assert second.scenarios.keys() == first.scenarios.keys()


def test_an_edited_file_is_validated_again_and_its_change_is_seen(tmp_path: Path, validations: list[str]) -> None:
    folder, scenario = _team_folder(tmp_path)
    load_playbooks(folder)
    doc = yaml.safe_load(scenario.read_text(encoding="utf-8"))
    doc["title"] = "A title the team changed"
    scenario.write_text(yaml.safe_dump(doc), encoding="utf-8")
    validations.clear()
    changed = load_playbooks(folder)
    assert scenario.name in validations
    assert changed.scenarios[doc["key"]].title == "A title the team changed"
    validations.clear()
    assert load_playbooks(folder) == changed and validations == []  # and the changed set is kept in turn


def test_a_file_broken_after_a_clean_load_is_reported_with_file_field_and_reason(tmp_path: Path,
                                                                                 validations: list[str]) -> None:
    folder, scenario = _team_folder(tmp_path)
    load_playbooks(folder)
    doc = yaml.safe_load(scenario.read_text(encoding="utf-8"))
    doc["title"] = ["not", "text"]
    scenario.write_text(yaml.safe_dump(doc), encoding="utf-8")
    for _ in range(2):  # never cached
        with pytest.raises(PlaybookError) as raised:
            load_playbooks(folder)
        assert [(Path(p.file).name, p.field) for p in raised.value.problems] == [(scenario.name, "title")]
        assert "valid string" in raised.value.problems[0].reason


def test_a_changed_checking_rule_loads_in_full_again(tmp_path: Path, validations: list[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    rule = tmp_path / "rule.py"
    rule.write_text("LIMIT = 1\n", encoding="utf-8")
    monkeypatch.setattr(validated_cache, "CODE_FILES", (*validated_cache.CODE_FILES, rule))
    load_playbooks()
    rule.write_text("LIMIT = 2\n", encoding="utf-8")
    validations.clear()
    load_playbooks()
    assert len(validations) > 20


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_an_entry_others_may_write_is_never_read(tmp_path: Path, validations: list[str]) -> None:
    expected = load_playbooks()
    (entry,) = (tmp_path / "cache").glob("playbooks-validated-*")
    assert entry.stat().st_mode & 0o777 == 0o600
    entry.chmod(0o666)
    validations.clear()
    assert load_playbooks() == expected
    assert len(validations) > 20  # loaded in full, and the entry written again for this user only
    assert entry.stat().st_mode & 0o777 == 0o600


def test_turned_off_it_writes_nothing(tmp_path: Path, validations: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OFFER_COACH_CACHE_DIR", "")
    load_playbooks()
    validations.clear()
    load_playbooks()
    assert len(validations) > 20
    assert not (tmp_path / "cache").exists()
