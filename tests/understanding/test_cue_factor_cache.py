"""The cue patterns' regrouped sources come from the user's cache on a later start (issue 14: start-up).

Counted, not timed: a second start regroups no pattern and compiles exactly the patterns a start
without the cache compiles; an edit of the cues module, or a damaged file, means regrouping again.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.understanding.factored_cache import FactoredSources

SCRIPT = (
    "import json, re\n"
    "import bot.understanding.cues as cues\n"
    "print(cues._FACTORED.regrouped)\n"
    "print(json.dumps([(name, value.pattern) for name, value in sorted(vars(cues).items())"
    " if isinstance(value, re.Pattern)]))\n"
)


def _start(cache: str) -> tuple[int, list[list[str]]]:
    """(patterns regrouped, every compiled pattern) in a fresh process with this cache folder."""
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "OFFER_COACH_CACHE_DIR": cache})
    assert result.returncode == 0, result.stderr
    regrouped, patterns = result.stdout.splitlines()
    return int(regrouped), json.loads(patterns)


def test_a_second_start_regroups_nothing_and_compiles_the_same_patterns(tmp_path: Path) -> None:
    regrouped, first = _start(str(tmp_path))
    assert regrouped > 20  # every cue written with _cue
    again, second = _start(str(tmp_path))
    assert again == 0
    assert second == first
    uncached, without = _start("")  # caching off: regrouped here and now
    assert uncached == regrouped and without == first


def _calls(module: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.setenv("OFFER_COACH_CACHE_DIR", str(cache))
    seen: list[str] = []

    def factor(src: str) -> str:
        seen.append(src)
        return src.upper()

    sources = FactoredSources(module, factor)
    out = sources.get("a|b")
    sources.save()
    return len(seen), out


def test_an_edited_cues_module_or_a_damaged_file_regroups_again(tmp_path: Path, monkeypatch) -> None:
    module = tmp_path / "cues.py"
    module.write_text("ONE = 1\n", encoding="utf-8")
    assert _calls(module, tmp_path / "cache", monkeypatch) == (1, "A|B")
    assert _calls(module, tmp_path / "cache", monkeypatch) == (0, "A|B")
    module.write_text("ONE = 2\n", encoding="utf-8")
    assert _calls(module, tmp_path / "cache", monkeypatch) == (1, "A|B")
    for kept in (tmp_path / "cache").glob("cue-factored-*.json"):
        kept.write_text("{not json", encoding="utf-8")
    assert _calls(module, tmp_path / "cache", monkeypatch) == (1, "A|B")
