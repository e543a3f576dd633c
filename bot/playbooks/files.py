"""Reading playbook files safely, and finding which files a playbook folder holds.

A playbook folder comes from a team, so its files are treated as untrusted input:

- only regular files are read (a FIFO would hang, ``/dev/zero`` would fill memory), and at most
  :data:`MAX_FILE_BYTES` of them;
- YAML aliases may not expand a document past :data:`MAX_NODES` values (a "billion laughs" bomb
  is a few hundred bytes that expand to billions of values when validated or printed);
- values quoted in error messages are cut while they are being written, never after.

Discovery lists every entry of the folder: the files the bot reads, and a problem for each one it
does not know, naming the file it probably meant (``perk.yaml`` → ``perks.yaml``, ``Scenarios/``
→ ``scenarios/``), so a misplaced file is never silently ignored.
"""

from __future__ import annotations

import os
import reprlib
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import yaml

MAX_FILE_BYTES = 1_000_000  # the shipped files are 2–13 KB
MAX_NODES = 100_000  # values in one document with every alias expanded; the shipped files have < 2,000
SHOWN_CHARS = 60

KNOWN_FILES = ("perks", "assumptions", "rubric", "tips")
ITEM_FOLDERS = ("scenarios", "checklists")
YAML_SUFFIXES = (".yaml", ".yml")
# Notes for people that may sit beside the data; the bot never reads them.
NOTE_SUFFIXES = (".md", ".txt", ".rst")
NOTE_NAMES = ("readme", "license", "licence", "changelog", "notes")


class UnreadableFile(Exception):
    """A playbook file the loader refuses to read; the message says why, for the problem list."""


def read_text(path: Path) -> str:
    """The file's UTF-8 text, refusing anything but a regular file of at most MAX_FILE_BYTES."""
    try:
        info = path.stat()  # follows symlinks: a link to /dev/zero is a device, not a file
    except OSError as error:
        raise UnreadableFile(f"cannot read the file ({error.strerror or error})") from error
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile("not a regular file (a pipe, device or socket); playbooks must be plain files")
    if info.st_size > MAX_FILE_BYTES:
        raise UnreadableFile(f"the file is {info.st_size:,} bytes; a playbook file may be at most {MAX_FILE_BYTES:,}")
    try:
        # O_NONBLOCK: should the file have been swapped for a pipe since the check, do not wait on it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                raise UnreadableFile("not a regular file (a pipe, device or socket); playbooks must be plain files")
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise UnreadableFile(f"cannot read the file ({error.strerror or error})") from error
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableFile(f"the file is over {MAX_FILE_BYTES:,} bytes; a playbook file may be at most that")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnreadableFile("the file is not valid UTF-8 text") from error


def check_expansion(node: yaml.Node) -> None:
    """Raise a YAML error when the document, aliases expanded, holds more than MAX_NODES values.

    Counted on the node graph, where an alias is the same node object again: each node's expanded
    size is computed once, so the check costs one visit per distinct node however big the bomb.
    """
    import yaml  # only while parsing a file (a cache miss): most starts never import PyYAML

    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(node, False)]
    while stack:
        current, children_done = stack.pop()
        key = id(current)
        if children_done:
            on_path.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(current))
            if sizes[key] > MAX_NODES:
                raise yaml.constructor.ConstructorError(
                    None, None, f"aliases expand this document past {MAX_NODES:,} values", current.start_mark
                )
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise yaml.constructor.ConstructorError(None, None, "an alias refers to itself", current.start_mark)
        on_path.add(key)
        stack.append((current, True))
        stack.extend((child, False) for child in _children(current) if id(child) not in sizes)


def _children(node: yaml.Node) -> list[yaml.Node]:
    import yaml

    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


_short = reprlib.Repr()
_short.maxstring = SHOWN_CHARS
_short.maxother = SHOWN_CHARS
_short.maxlevel = 3
for _name in ("maxlist", "maxtuple", "maxdict", "maxset"):
    setattr(_short, _name, 4)


def shown(value: object) -> str:
    """A value for an error message, cut to about SHOWN_CHARS while it is written (never a full repr)."""
    text = _short.repr(value)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 3] + "..."


# --- what a folder holds -------------------------------------------------------------------------


@dataclass
class Layout:
    """The playbook files found in one folder, and one (path, reason) per entry the bot does not read."""

    files: dict[str, Path] = field(default_factory=dict)  # "perks" -> perks.yaml
    items: dict[str, list[Path]] = field(default_factory=lambda: {name: [] for name in ITEM_FOLDERS})
    unknown: list[tuple[Path, str]] = field(default_factory=list)


def discover(folder: Path) -> Layout:
    """Every entry of ``folder``: known files, the item files in scenarios/ and checklists/, the rest."""
    layout = Layout()
    for entry in sorted(folder.iterdir()):
        if _is_note(entry):
            continue
        if entry.is_dir():
            if entry.name in ITEM_FOLDERS:
                _discover_items(entry, layout)
            else:
                layout.unknown.append((entry, _unknown_folder(entry.name)))
            continue
        stem, suffix = _split_name(entry.name)
        if stem in KNOWN_FILES and suffix in YAML_SUFFIXES:
            if stem in layout.files:
                layout.unknown.append((entry, f"{layout.files[stem].name} is already read; keep one of the two"))
            else:
                layout.files[stem] = entry
            continue
        layout.unknown.append((entry, _unknown_file(entry.name, stem, suffix)))
    return layout


def _discover_items(folder: Path, layout: Layout) -> None:
    kind = folder.name[:-1]  # "scenario", "checklist"
    for entry in sorted(folder.iterdir()):
        if _is_note(entry):
            continue
        if entry.is_dir():
            layout.unknown.append((entry, f"folders inside {folder.name}/ are not read; "
                                          f"put each {kind} file directly in {folder.name}/"))
        elif Path(entry.name).suffix.lower() in YAML_SUFFIXES:
            layout.items[folder.name].append(entry)
        else:
            layout.unknown.append((entry, f"not read: a {kind} file must end in .yaml or .yml"))


def _is_note(entry: Path) -> bool:
    name = entry.name.lower()
    return name.startswith(".") or name.endswith(NOTE_SUFFIXES) or name.split(".")[0] in NOTE_NAMES


def _split_name(name: str) -> tuple[str, str]:
    path = Path(name)
    return path.stem.lower(), path.suffix.lower()


def _closest(word: str, choices: tuple[str, ...]) -> str | None:
    from rapidfuzz import fuzz, process  # here: only a misnamed file needs it, and a chat start imports this module

    found = process.extractOne(word.lower(), choices, scorer=fuzz.ratio, score_cutoff=70)
    return found[0] if found else None


def _unknown_folder(name: str) -> str:
    meant = _closest(name, ITEM_FOLDERS)
    if meant is not None:
        hint = " (names are lowercase)" if name.lower() == meant else ""
        return f"unknown folder, not read; did you mean `{meant}/`?{hint}"
    return f"unknown folder, not read; the bot reads only {', '.join(f'`{f}/`' for f in ITEM_FOLDERS)}"


def _unknown_file(name: str, stem: str, suffix: str) -> str:
    expected = ", ".join(f"`{known}.yaml`" for known in KNOWN_FILES)
    folder = _closest(stem, ITEM_FOLDERS) or _closest(stem + "s", ITEM_FOLDERS)
    if folder is not None:
        return f"not read: each {folder[:-1]} goes in its own file inside `{folder}/`"
    meant = _closest(stem, KNOWN_FILES)
    if meant is not None and suffix in YAML_SUFFIXES:
        return f"unknown file, not read; did you mean `{meant}.yaml`?"
    if meant is not None:
        return f"unknown file, not read; did you mean `{meant}.yaml`? (playbook files end in .yaml)"
    return f"unknown file, not read; the bot reads only {expected} and the `scenarios/` and `checklists/` folders"
