"""Load the YAML playbooks, merge a team's own folder over the shipped one, and cross-check them.

Folder layout (the shipped folder has every file; a team's folder may have any subset)::

    perks.yaml          perks: [ {key, label, unit, ...}, ... ]   (.yml works too, for every file)
    assumptions.yaml    assumptions: {expected_years: 2, ...}
    scenarios/*.yaml    one Scenario per file
    checklists/*.yaml   one Checklist per file
    rubric.yaml         techniques: [ {key, label, detector, ...}, ... ]
    tips.yaml           tips: [ {key, text, technique?, perk?}, ... ]

Any other file or folder is reported as a problem, naming the file it probably meant (see
:mod:`bot.playbooks.files`, which also bounds what reading a file may cost).
An item in the team's folder with the same key as a shipped one replaces it; new keys are added.
Every problem found (YAML syntax, schema, cross-references) is collected before raising a single
:class:`PlaybookError`, so a team fixes its folder in one pass instead of one error at a time.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from bot.playbooks import user_cache, validated_cache
from bot.playbooks.files import ITEM_FOLDERS, UnreadableFile, discover, read_text, shown
from bot.playbooks.models import (
    Alternative,
    Checklist,
    Detector,
    PerkDef,
    PerkFacts,
    PerkSheet,
    Playbooks,
    Scenario,
    Technique,
    Tip,
)

if TYPE_CHECKING:
    import yaml

# --- the cache of parsed documents --------------------------------------------------------------------
# Parsing the shipped YAML is most of what loading the playbooks costs at each start (about 0.1 s; the
# duplicate-key and alias checks run in Python). A document that parsed is kept as JSON in the user's cache
# directory (the same folder as the cue-gate cache: $OFFER_COACH_CACHE_DIR, else
# $XDG_CACHE_HOME/offer-coach, else ~/.cache/offer-coach; an empty OFFER_COACH_CACHE_DIR turns it off),
# named by a digest of the file's text: an edited file has a new name, so a stale parse is never used,
# and the text is still read through `read_text` with its limits. Only a document that JSON gives back
# unchanged is kept (no dates, no number keys); validation always runs on what comes back. A cache that
# cannot be read or written only costs the parse.

_PARSED_FORMAT = 1


def _parsed_cache_file(text: str) -> Path | None:
    folder = user_cache.folder()
    if folder is None:
        return None
    digest = hashlib.sha256(f"{_PARSED_FORMAT}:{text}".encode()).hexdigest()
    return folder / f"playbook-{digest[:32]}.json"


def _read_parsed(path: Path | None) -> tuple[Any] | None:
    """The cached document (in a 1-tuple, as a document may itself be None), or None when absent."""
    if path is None:
        return None
    try:
        return (json.loads(path.read_text(encoding="utf-8"))["document"],)
    except (OSError, ValueError, TypeError, KeyError):  # absent, or not what this module wrote
        return None


def _write_parsed(path: Path | None, doc: Any) -> None:
    if path is None:
        return
    try:
        raw = json.dumps({"document": doc}, allow_nan=False)
    except (TypeError, ValueError):  # a date or a NaN: JSON cannot hold it, parse it each time
        return
    if json.loads(raw)["document"] != doc:  # e.g. a number used as a key would come back as text
        return
    user_cache.keep(path, raw.encode())


class PlaybookProblem(NamedTuple):
    file: str  # the file as a path the user can open
    field: str  # a dotted path inside the file, e.g. perks.pto.limit ("" for the whole file)
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field or '(file)'}: {self.reason}"


class PlaybookError(Exception):
    """One or more problems in a playbook folder; ``str()`` lists them one per line."""

    def __init__(self, problems: Iterable[PlaybookProblem]) -> None:
        self.problems: list[PlaybookProblem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def shipped_playbooks_dir() -> Path:
    """The playbooks that come with the package: inside a wheel, else the repository's folder."""
    inside_package = Path(__file__).resolve().parents[1] / "_playbooks"
    if inside_package.is_dir():
        return inside_package
    return Path(__file__).resolve().parents[2] / "playbooks"


# --- reading files ------------------------------------------------------------------------------


@dataclass
class _Item:
    """One validated item and where it came from, so cross-check problems can name the file."""

    model: BaseModel
    file: Path
    field: str  # the item's path inside its file ("" when the file is the item)


@dataclass
class _Collected:
    perks: dict[str, _Item] = field(default_factory=dict)
    assumptions: dict[str, tuple[float, Path]] = field(default_factory=dict)
    scenarios: dict[str, _Item] = field(default_factory=dict)
    checklists: dict[str, _Item] = field(default_factory=dict)
    techniques: dict[str, _Item] = field(default_factory=dict)
    tips: dict[str, _Item] = field(default_factory=dict)


class _Reader:
    def __init__(self) -> None:
        self.problems: list[PlaybookProblem] = []

    def problem(self, file: Path, field_path: str, reason: str) -> None:
        self.problems.append(PlaybookProblem(str(file), field_path, reason))

    def read_yaml(self, path: Path) -> tuple[Any, str] | None:
        """The parsed document and its text, or None after recording why it could not be read."""
        try:
            text = read_text(path)
        except UnreadableFile as exc:
            self.problem(path, "", str(exc))
            return None
        cache = _parsed_cache_file(text)
        cached = _read_parsed(cache)
        if cached is not None:
            return cached[0], text
        import yaml  # only on a cache miss: most starts never parse YAML

        from bot.playbooks.yaml_loading import NoDuplicateKeysLoader

        try:
            doc = yaml.load(text, Loader=NoDuplicateKeysLoader)
            _write_parsed(cache, doc)
            return doc, text
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            what = getattr(exc, "problem", None) or str(exc)
            context = getattr(exc, "context", None)
            reason = f"invalid YAML: {what}" + (f" ({context})" if context else "")
            self.problem(path, where, reason)
            return None

    def validate(
        self, model: type[BaseModel], data: Any, path: Path, prefix: str, text: str, keyed_list: str = ""
    ) -> BaseModel | None:
        """Validate ``data`` as ``model``; on failure record one problem per pydantic error."""
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                loc = [str(part) for part in error["loc"]]
                field_path = ".".join(p for p in [prefix, *loc] if p)
                full_path = [*_split(prefix), *error["loc"]]
                # A missing top-level field has no line of its own; its parent is the whole file.
                top_level_missing = error.get("type") == "missing" and len(full_path) == 1
                line = None if top_level_missing else _line_of(text, full_path, keyed_list)
                reason = _friendly(error)
                if line:
                    reason += f" (line {line})"
                self.problem(path, field_path, reason)
            return None

    def top_mapping(self, path: Path, doc: Any, expected_key: str) -> Any:
        """The value under the one top-level key a list file must have, or None after a problem."""
        if doc is None:
            self.problem(path, "", f"the file is empty; expected a mapping with `{expected_key}:`")
            return None
        if not isinstance(doc, dict):
            self.problem(path, "", f"expected a mapping with `{expected_key}:` at the top")
            return None
        for other in doc:
            if other != expected_key:
                self.problem(path, str(other), f"unknown top-level key; only `{expected_key}:` is allowed")
        if expected_key not in doc:
            self.problem(path, expected_key, "missing")
            return None
        return doc[expected_key]

    def read_keyed_list(self, path: Path, expected_key: str, model: type[BaseModel], into: dict[str, _Item]) -> None:
        """Read a `key: [items]` file; items replace same-keyed ones already in ``into``."""
        loaded = self.read_yaml(path)
        if loaded is None:
            return
        doc, text = loaded
        items = self.top_mapping(path, doc, expected_key)
        if items is None:
            return
        if not isinstance(items, list):
            self.problem(path, expected_key, "expected a list of items (each starting with `- key: ...`)")
            return
        seen_here: set[str] = set()
        for index, raw in enumerate(items):
            name = _item_name(raw, index)
            prefix = f"{expected_key}.{name}"
            item = self.validate(model, raw, path, prefix, text, keyed_list=expected_key)
            if item is None:
                continue
            key = item.key  # type: ignore[attr-defined]
            if key in seen_here:
                self.problem(path, prefix, f"duplicate key `{key}` in this file")
                continue
            seen_here.add(key)
            into[key] = _Item(item, path, prefix)

    def read_assumptions(self, path: Path, into: dict[str, tuple[float, Path]]) -> None:
        loaded = self.read_yaml(path)
        if loaded is None:
            return
        doc, _ = loaded
        values = self.top_mapping(path, doc, "assumptions")
        if values is None:
            return
        if not isinstance(values, dict):
            self.problem(path, "assumptions", "expected a mapping of name: number")
            return
        for name, value in values.items():
            if not isinstance(name, str):
                self.problem(path, f"assumptions.{name}", "a name must be text")
            elif isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
                self.problem(path, f"assumptions.{name}", f"expected a number, got {shown(value)}")
            else:
                into[name] = (float(value), path)

    def read_folder_of_items(self, paths: list[Path], model: type[BaseModel], into: dict[str, _Item]) -> None:
        """Read one item per file; a key used twice in the same folder is an error."""
        from_this_folder: dict[str, Path] = {}
        for path in paths:
            loaded = self.read_yaml(path)
            if loaded is None:
                continue
            doc, text = loaded
            if not isinstance(doc, dict):
                self.problem(path, "", f"expected a mapping describing one {model.__name__.lower()}")
                continue
            item = self.validate(model, doc, path, "", text)
            if item is None:
                continue
            key = item.key  # type: ignore[attr-defined]
            if key in from_this_folder:
                self.problem(path, "key", f"duplicate key `{key}`: also used by {from_this_folder[key]}")
                continue
            from_this_folder[key] = path
            into[key] = _Item(item, path, "")


def _item_name(raw: Any, index: int) -> str:
    """Name a list item by its key when it has a usable one, else by its position."""
    if isinstance(raw, dict) and isinstance(raw.get("key"), str) and raw["key"].strip():
        return raw["key"]
    return str(index)


def _num(value: float) -> str:
    """A number as people write it in a playbook: 5000000 -> 5,000,000; 0.5 -> 0.5."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _split(prefix: str) -> list[str]:
    return prefix.split(".") if prefix else []


def _friendly(error: ErrorDetails) -> str:
    kind = error.get("type", "")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field (check the spelling)"
    if kind == "string_pattern_mismatch":
        return "must be a lowercase key: letters, digits and _ , starting with a letter, at most 40 long"
    message = str(error.get("msg", "invalid value"))
    value = error.get("input")
    if kind.endswith("_type") or kind.endswith("_parsing") or kind == "enum":
        return f"{message}, got {shown(value)}"
    return message


def _line_of(text: str, path: list[Any], keyed_list: str) -> int | None:
    """The 1-based line of the node at ``path`` (or its nearest existing parent), for error messages.

    Only called when something is wrong, so composing the node tree again costs nothing in the
    normal case. Items of a keyed list are addressed by their key, not their index.
    """
    import yaml

    from bot.playbooks.yaml_loading import SafeLoader

    try:
        node = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError:
        return None
    if node is None:
        return None
    line = node.start_mark.line + 1
    for depth, part in enumerate(path, start=1):
        if isinstance(node, yaml.MappingNode):
            entry = _mapping_entry(node, part)
            if entry is None:
                return line
            line = entry[0].start_mark.line + 1
            node = entry[1]
        elif isinstance(node, yaml.SequenceNode):
            child = _sequence_item(node, part, by_key=depth == 2 and bool(keyed_list))
            if child is None:
                return line
            node = child
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _mapping_entry(node: yaml.MappingNode, part: Any) -> tuple[yaml.Node, yaml.Node] | None:
    """The (key, value) nodes of the mapping's entry named ``part``, if it has one."""
    for key_node, value_node in node.value:
        if str(key_node.value) == str(part):
            return key_node, value_node
    return None


def _sequence_item(node: yaml.SequenceNode, part: Any, *, by_key: bool) -> yaml.Node | None:
    """The item ``part`` of a list: the mapping whose ``key`` is ``part`` (keyed lists), else by index."""
    import yaml

    if by_key:
        for candidate in node.value:
            if isinstance(candidate, yaml.MappingNode) and any(
                str(k.value) == "key" and str(v.value) == str(part) for k, v in candidate.value
            ):
                return candidate
    if str(part).isdigit() and int(part) < len(node.value):
        return node.value[int(part)]
    return None


# --- cross-checks -------------------------------------------------------------------------------


class _Known(NamedTuple):
    """Which catalogues loaded without problems, so references into them can be checked."""

    perks: bool
    assumptions: bool
    techniques: bool


def _cross_check(found: _Collected, reader: _Reader) -> None:
    # A reference is only reported unknown when the catalogue it points into loaded cleanly;
    # otherwise one typo in perks.yaml would echo as "unknown perk" in every scenario.
    broken = {Path(p.file).stem for p in reader.problems if Path(p.file).suffix in (".yaml", ".yml")}
    known = _Known(
        perks="perks" not in broken, assumptions="assumptions" not in broken, techniques="rubric" not in broken
    )
    perks = {key: item.model for key, item in found.perks.items()}
    _check_perks(found, reader, known)
    for item in found.scenarios.values():
        _check_scenario(item, perks, found, reader, known)
    _check_checklists(found, reader)
    _check_techniques(found, reader, known)
    _check_tips(perks, found, reader, known)


def _check_perks(found: _Collected, reader: _Reader, known: _Known) -> None:
    for item in found.perks.values():
        perk: PerkDef = item.model  # type: ignore[assignment]
        if perk.min > perk.max:
            reader.problem(item.file, f"{item.field}.min", f"min {_num(perk.min)} is above max {_num(perk.max)}")
        if perk.value.value == "flat":
            if not perk.assumption:
                reader.problem(item.file, f"{item.field}.assumption", "a flat value needs an assumption name")
            elif known.assumptions and perk.assumption not in found.assumptions:
                reader.problem(item.file, f"{item.field}.assumption", f"unknown assumption `{perk.assumption}`")


def _check_checklists(found: _Collected, reader: _Reader) -> None:
    for item in found.checklists.values():
        checklist: Checklist = item.model  # type: ignore[assignment]
        for index, step in enumerate(checklist.steps):
            if step.min is not None and step.max is not None and step.min > step.max:
                reader.problem(item.file, f"steps.{index}.min", f"min {_num(step.min)} is above max {_num(step.max)}")


def _check_techniques(found: _Collected, reader: _Reader, known: _Known) -> None:
    """Each detector is used by exactly one technique."""
    detectors_seen: dict[Detector, str] = {}
    for key, item in found.techniques.items():
        technique: Technique = item.model  # type: ignore[assignment]
        if technique.detector in detectors_seen:
            reader.problem(
                item.file,
                f"{item.field}.detector",
                f"detector `{technique.detector.value}` is already used by `{detectors_seen[technique.detector]}`",
            )
        else:
            detectors_seen[technique.detector] = key
    missing = [d.value for d in Detector if d not in detectors_seen]
    if missing and known.techniques:
        rubric_file = next((i.file for i in found.techniques.values()), Path("rubric.yaml"))
        reader.problem(rubric_file, "techniques", "no technique for detector(s): " + ", ".join(missing))


def _check_tips(perks: dict[str, Any], found: _Collected, reader: _Reader, known: _Known) -> None:
    for item in found.tips.values():
        tip: Tip = item.model  # type: ignore[assignment]
        if known.techniques and tip.technique is not None and tip.technique not in found.techniques:
            reader.problem(item.file, f"{item.field}.technique", f"unknown technique `{tip.technique}`")
        if known.perks and tip.perk is not None and tip.perk not in perks:
            reader.problem(item.file, f"{item.field}.perk", f"unknown perk `{tip.perk}`")


def _check_scenario(item: _Item, perks: dict[str, Any], found: _Collected, reader: _Reader, known: _Known) -> None:
    scenario: Scenario = item.model  # type: ignore[assignment]
    for name in scenario.assumptions:
        if known.assumptions and name not in found.assumptions:
            reader.problem(item.file, f"assumptions.{name}", f"unknown assumption `{name}`")
    for perk_key, sheet in scenario.perks.items():
        where = f"perks.{perk_key}"
        perk: PerkDef | None = perks.get(perk_key)
        if perk is None:
            if known.perks:
                reader.problem(item.file, where, f"unknown perk `{perk_key}` (not in the perk catalogue)")
            continue
        _check_sheet(item, where, perk, sheet, reader)
        if sheet.about is not None:
            _check_about(item, f"{where}.about", perk, sheet.about, reader)
        for index, alternative in enumerate(sheet.alternatives):
            _check_alternative(item, f"{where}.alternatives.{index}", perk_key, alternative, scenario, perks, reader,
                               known)
    _check_market(item, scenario, perks, reader, known)


def _check_market(item: _Item, scenario: Scenario, perks: dict[str, Any], reader: _Reader, known: _Known) -> None:
    """The recruiter's market view: ranges for known perks of this scenario, inside each perk's range."""
    ranges = [(f"market.ranges.{key}", key, rng) for key, rng in scenario.market.ranges.items()]
    if scenario.market.competing_offer is not None:
        ranges.append(("market.competing_offer", "base_salary", scenario.market.competing_offer))
    for where, key, rng in ranges:
        perk: PerkDef | None = perks.get(key)
        if perk is None:
            if known.perks:
                reader.problem(item.file, where, f"unknown perk `{key}` (not in the perk catalogue)")
            continue
        if key not in scenario.perks:
            reader.problem(item.file, where, f"`{key}` is not in this scenario's perks")
        if not (perk.min <= rng.low and rng.high <= perk.max):
            reader.problem(item.file, where, f"{_num(rng.low)} to {_num(rng.high)} goes outside {perk.label}'s "
                                             f"range {_num(perk.min)} to {_num(perk.max)}")


def _check_sheet(item: _Item, where: str, perk: PerkDef, sheet: PerkSheet, reader: _Reader) -> None:
    """A scenario's offer and limit for one perk: inside the perk's range, the limit on the right side."""
    for label, amount in (("offer", sheet.offer), ("limit", sheet.limit)):
        if amount is not None and not perk.min <= amount <= perk.max:
            reader.problem(
                item.file,
                f"{where}.{label}",
                f"{_num(amount)} is outside {perk.label}'s range {_num(perk.min)} to {_num(perk.max)}",
            )
    if sheet.limit is None:
        return
    if perk.better == "higher" and sheet.limit < sheet.offer:
        reader.problem(
            item.file,
            f"{where}.limit",
            f"the limit {_num(sheet.limit)} is below the offer {_num(sheet.offer)}; "
            f"for {perk.label} more is better, so the limit is a ceiling",
        )
    elif perk.better == "lower" and sheet.limit > sheet.offer:
        reader.problem(
            item.file,
            f"{where}.limit",
            f"the limit {_num(sheet.limit)} is above the offer {_num(sheet.offer)}; "
            f"for {perk.label} less is better, so the limit is a floor",
        )


_PAID_IN_MONEY = frozenset({"money", "percent"})


def _check_about(item: _Item, where: str, perk: PerkDef, about: PerkFacts, reader: _Reader) -> None:
    """What the recruiter may tell about one perk: facts that fit what the perk is in the catalogue."""
    if perk.key == "base_salary":
        for name, instead in (("basis", "`pay: {basis: ...}`"), ("period", "`pay_period:`")):
            if getattr(about, name) is not None:
                reader.problem(item.file, f"{where}.{name}", f"say it once for the whole pay, in {instead}")
    if perk.unit.value not in _PAID_IN_MONEY:
        for name in ("basis", "guaranteed"):
            if getattr(about, name) is not None:
                reader.problem(item.file, f"{where}.{name}", f"only money is gross, net or guaranteed; {perk.label} "
                                                            f"is counted in {perk.unit.value.replace('_', ' ')}")
    one_off = perk.value.value == "one_off"
    if about.period is not None and (about.period == "one_off") != one_off:
        how = "a one-off sum" if one_off else "reckoned per year"
        reader.problem(item.file, f"{where}.period", f"{about.period} contradicts the perk catalogue: {perk.label} is "
                                                     f"{how}")


def _check_alternative(
    item: _Item,
    where: str,
    perk_key: str,
    alternative: Alternative,
    scenario: Scenario,
    perks: dict[str, Any],
    reader: _Reader,
    known: _Known,
) -> None:
    """One alternative the company may offer instead of ``perk_key``: a known, different perk, in range."""
    alt_perk: PerkDef | None = perks.get(alternative.perk)
    if alt_perk is None:
        if known.perks:
            reader.problem(item.file, f"{where}.perk", f"unknown perk `{alternative.perk}`")
    elif not alt_perk.min <= alternative.amount <= alt_perk.max:
        reader.problem(
            item.file,
            f"{where}.amount",
            f"{_num(alternative.amount)} is outside {alt_perk.label}'s range "
            f"{_num(alt_perk.min)} to {_num(alt_perk.max)}",
        )
    alt_sheet = scenario.perks.get(alternative.perk)
    if alt_perk is not None and alt_sheet is not None:
        # An alternative is something the company can actually give, so it may not go past
        # what the sheet allows for that perk elsewhere in the same scenario.
        furthest = alt_sheet.offer if alt_sheet.limit is None else alt_sheet.limit
        beyond = alternative.amount > furthest if alt_perk.better == "higher" else alternative.amount < furthest
        if beyond:
            reader.problem(
                item.file,
                f"{where}.amount",
                f"{_num(alternative.amount)} goes past what this scenario allows for "
                f"{alt_perk.label} ({_num(furthest)})",
            )
    if alternative.perk == perk_key:
        reader.problem(item.file, f"{where}.perk", "an alternative must be a different perk")


# --- the entry point ----------------------------------------------------------------------------

_REQUIRED_IN_BASE = ("perks", "assumptions", "rubric")


def _read_folder(folder: Path, found: _Collected, reader: _Reader, *, is_base: bool) -> None:
    if not folder.is_dir():
        what = "the shipped playbook folder" if is_base else "the playbook folder"
        reader.problem(folder, "", f"{what} does not exist or is not a folder")
        return
    layout = discover(folder)
    for path, reason in layout.unknown:
        reader.problem(path, "", reason)
    if is_base:
        for name in _REQUIRED_IN_BASE:
            if name not in layout.files:
                reader.problem(folder / f"{name}.yaml", "", "required file is missing")
    if "perks" in layout.files:
        reader.read_keyed_list(layout.files["perks"], "perks", PerkDef, found.perks)
    if "assumptions" in layout.files:
        reader.read_assumptions(layout.files["assumptions"], found.assumptions)
    scenarios, checklists = (layout.items[name] for name in ITEM_FOLDERS)
    reader.read_folder_of_items(scenarios, Scenario, found.scenarios)
    reader.read_folder_of_items(checklists, Checklist, found.checklists)
    if "rubric" in layout.files:
        reader.read_keyed_list(layout.files["rubric"], "techniques", Technique, found.techniques)
    if "tips" in layout.files:
        reader.read_keyed_list(layout.files["tips"], "tips", Tip, found.tips)


def load_playbooks(extra: Path | None = None, *, base: Path | None = None) -> Playbooks:
    """Load the shipped playbooks (or ``base``), merge ``extra`` over them, and cross-check the result.

    Raises :class:`PlaybookError` listing every problem found, each naming the file, the field
    path inside it and the reason.
    """
    folders = [(Path(base) if base is not None else shipped_playbooks_dir(), True)]
    if extra is not None:
        folders.append((Path(extra), False))
    entry = validated_cache.entry_for(folders)  # the same files as last time: nothing to parse or check
    cached = validated_cache.read(entry)
    if cached is not None:
        return cached
    reader = _Reader()
    found = _Collected()
    for folder, is_base in folders:
        _read_folder(folder, found, reader, is_base=is_base)
    _cross_check(found, reader)
    if reader.problems:
        raise PlaybookError(reader.problems)
    playbooks = Playbooks(
        perks={k: i.model for k, i in found.perks.items()},
        assumptions={k: value for k, (value, _) in found.assumptions.items()},
        scenarios={k: i.model for k, i in found.scenarios.items()},
        checklists={k: i.model for k, i in found.checklists.items()},
        rubric=[i.model for i in found.techniques.values()],
        tips=[i.model for i in found.tips.values()],
    )
    validated_cache.write(entry, playbooks)
    return playbooks
