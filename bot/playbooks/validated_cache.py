"""The loaded playbooks kept in the user's cache, so a start whose playbook files have not changed
neither parses nor validates them (issue 14: `offer-coach chat`'s first reply).

The :class:`~bot.playbooks.models.Playbooks` that loaded cleanly is pickled into the user's cache
folder (the folder of the parsed-document and cue-gate caches: $OFFER_COACH_CACHE_DIR, else
$XDG_CACHE_HOME/offer-coach, else ~/.cache/offer-coach; an empty OFFER_COACH_CACHE_DIR turns it off),
named by a digest of everything the result depends on:

- each playbook file's name and text, read as loading reads them (same limits), base and team folder;
- the code that decides what a valid playbook is (the models, the loader and its checks, the file
  rules) and the Python and pydantic versions (the shape of the pickle).

A changed file or rule gives a new name, so a stale set is never used. Only a set that loaded without
a problem is written, so a broken playbook is always loaded in full and reported as before, naming
the file, the field and the reason. With the set cached, the playbook models' validators are not even
built (they are deferred until first used). A pickle runs code when it is read, so an entry is read
only from a file this user owns and no one else may write (as ssh treats its keys); anything else is
passed over, as are entries that cannot be read or written: they only cost a full load.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import sys
from pathlib import Path

import pydantic

from bot.playbooks import user_cache
from bot.playbooks.files import ITEM_FOLDERS, UnreadableFile, discover, read_text
from bot.playbooks.models import Playbooks

_FORMAT = 1
_HERE = Path(__file__).resolve().parent
# What decides whether a folder is a valid set and what it loads to.
CODE_FILES = tuple(_HERE / name for name in ("models.py", "loader.py", "files.py", "yaml_loading.py",
                                              "validated_cache.py"))
_PREFIX = "playbooks-validated-"


def entry_for(folders: list[tuple[Path, bool]]) -> Path | None:
    """Where the set loaded from these (folder, is_base) pairs is kept; None when it cannot be cached
    (caching off, a folder missing, a file unreadable or unknown: the full load reports those)."""
    cache = user_cache.folder()
    if cache is None:
        return None
    digest = hashlib.sha256(f"{_FORMAT}\0{sys.version}\0{pydantic.VERSION}\0".encode())
    try:
        for source in CODE_FILES:
            digest.update(source.read_bytes())
        for folder, is_base in folders:
            if not folder.is_dir():
                return None
            layout = discover(folder)
            if layout.unknown:
                return None
            paths = [*layout.files.values(), *(p for name in ITEM_FOLDERS for p in layout.items[name])]
            digest.update(b"\0base\0" if is_base else b"\0team\0")
            for path in sorted(paths):
                text = read_text(path)
                digest.update(f"\0{path.relative_to(folder).as_posix()}\0{len(text)}\0{text}".encode())
    except (OSError, UnreadableFile, ValueError):
        return None
    return cache / f"{_PREFIX}{digest.hexdigest()[:32]}.pickle"


def read(entry: Path | None) -> Playbooks | None:
    """The set kept at `entry`, or None (absent, damaged, or not a file only this user may write)."""
    if entry is None:
        return None
    try:
        with entry.open("rb") as file:
            info = os.fstat(file.fileno())
            if not _only_mine(info):
                return None
            loaded = pickle.load(file)
    except Exception:  # absent, or not what this module wrote: load in full
        return None
    if not isinstance(loaded, Playbooks):
        return None
    with contextlib.suppress(OSError):
        os.utime(entry)  # in use: not pruned
    return loaded


def write(entry: Path | None, playbooks: Playbooks) -> None:
    if entry is None:
        return
    try:
        data = pickle.dumps(playbooks, protocol=pickle.HIGHEST_PROTOCOL)
    except pickle.PicklingError:  # load in full next time
        return
    user_cache.keep(entry, data, others=f"{_PREFIX}*.pickle", private=True)


def _only_mine(info: os.stat_result) -> bool:
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    return stat.S_ISREG(info.st_mode) and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
