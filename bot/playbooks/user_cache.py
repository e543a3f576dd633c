"""The user's cache folder, and the one way Offer Coach writes and tidies the files it keeps there.

Some start-up work is kept between runs: the cue gate's analysis, the regrouped cue sources, parsed and
validated playbooks. They share one folder — $OFFER_COACH_CACHE_DIR, else $XDG_CACHE_HOME/offer-coach,
else ~/.cache/offer-coach; an empty OFFER_COACH_CACHE_DIR turns caching off, and so does a user without a
home folder — and one way of writing: whole or not at all (a temporary file renamed over the entry), so
several processes starting at once never read half a file. A cache that cannot be written only costs the
work again next time. It sits with the playbooks because that is the one room of the core that
every other may import (the cue gate and the cue sources in `understanding` use it too).
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

UNUSED_FOR = 7 * 86_400  # a kept file of another version, unread and unwritten this long, is removed


def folder() -> Path | None:
    """The cache folder; None when caching is turned off or there is no home to put it in."""
    configured = os.environ.get("OFFER_COACH_CACHE_DIR")
    if configured == "":
        return None
    if configured:
        return Path(configured)
    try:
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "offer-coach"
    except RuntimeError:  # no home folder (a container's made-up user): nothing is cached
        return None


def keep(entry: Path, data: bytes, *, others: str | None = None, private: bool = False) -> None:
    """Write ``data`` as ``entry``, whole or not at all, then remove the files matching the glob ``others``
    (other versions of the same cache), if given, left unused for a week. ``private`` makes the file readable and
    writable by this user only. Failing to write is not an error: the work is simply done again."""
    partial = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o666)
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        os.replace(partial, entry)  # whole or not at all, even with several processes starting at once
    except OSError:  # a read-only home
        with contextlib.suppress(OSError):
            partial.unlink()
        return
    if others is None:
        return
    now = time.time()
    for other in entry.parent.glob(others):
        with contextlib.suppress(OSError):  # another process may remove it first
            used = other.stat()
            if other != entry and now - max(used.st_atime, used.st_mtime) > UNUSED_FOR:
                other.unlink()
