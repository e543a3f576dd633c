"""The cue patterns' regrouped sources, kept in the user's cache so a start need not regroup them again.

:mod:`bot.understanding.cues` regroups every long alternation before compiling it (``_factor``), a
character-by-character pass in Python that costs about 12 ms of each start of the reader
(``offer-coach understand``, and every adapter's warm-up). The result depends only on the pattern as
written and on the regrouping code, both in ``cues.py``, so it is kept as JSON in the user's cache
folder (the cue-gate analysis's: $OFFER_COACH_CACHE_DIR, else $XDG_CACHE_HOME/offer-coach, else
~/.cache/offer-coach; empty turns it off), named by a digest of ``cues.py`` itself: an edit of a cue or
of the regrouping gives a new name, so a stale source is never used. Each entry is looked up by the
pattern as written. A start that regrouped anything writes the file anew with exactly the patterns it
used; a cache that cannot be read or written only costs the regrouping.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from bot.playbooks import user_cache

_FORMAT = 1
_PREFIX = "cue-factored-"


def _cache_file(module_file: Path) -> Path | None:
    folder = user_cache.folder()
    if folder is None:
        return None
    try:
        digest = hashlib.sha1(module_file.read_bytes(), usedforsecurity=False)
    except OSError:  # no source to name it by: regroup each time
        return None
    digest.update(f":{_FORMAT}".encode())
    return folder / f"{_PREFIX}{digest.hexdigest()[:20]}.json"


class FactoredSources:
    """``get(src)`` is ``factor(src)``, from the cache when an earlier start kept it."""

    def __init__(self, module_file: Path, factor: Callable[[str], str]) -> None:
        self._factor = factor
        self._file = _cache_file(module_file)
        self._known = self._read()
        self._used: dict[str, str] = {}
        self.regrouped = 0  # how many sources this start had to regroup itself

    def get(self, src: str) -> str:
        factored = self._known.get(src)
        if factored is None:
            factored = self._factor(src)
            self.regrouped += 1
        self._used[src] = factored
        return factored

    def save(self) -> None:
        """After the last pattern: keep what this start regrouped (nothing to do when all came from the cache)."""
        if self._file is None or not self.regrouped:
            return
        user_cache.keep(self._file, json.dumps(self._used).encode(), others=f"{_PREFIX}*.json")

    def _read(self) -> dict[str, str]:
        if self._file is None:
            return {}
        try:
            raw = json.loads(self._file.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # absent or damaged
            return {}
        if not isinstance(raw, dict):
            return {}
        return {src: out for src, out in raw.items() if isinstance(src, str) and isinstance(out, str)}
