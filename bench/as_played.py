"""Recover the context each line of a live practice was read in, as the player played it.

A live practice is scored by replaying it through the engine as it is now; after a change to the reader or
the recruiter, the recruiter may answer differently from what the player saw, and a line labelled against
one offer is then read against another. To score the reading alone, this script replays a folder's
practices through the engine *at the commit they were played at* and writes, beside them,
``contexts_as_played.json``: for each practice id, the context the reader was given for each spoken line
(null where none). It also checks every replayed reply against the reply the player saw and stored.

Run it from a checkout of that commit, naming the folder in this tree:

    git worktree add /tmp/played 9c13041 && cd /tmp/played
    PYTHONPATH=. python ~/offer-coach/bench/as_played.py ~/offer-coach/tests/data/blind/frozen8

It uses only what the harness has had since live play began (``ChatHarness.say`` / ``pick_label`` and the
practice runner's ``understander``), so it runs on those older commits. The labels are not touched.
It is only worth keeping for sets played since the reader's Context took its present fields (9c13041, where
``conceded`` arrived): an older engine gave the reader less than today's does, so a line read against its
context is read with less than the practice now hands over, and the figure would understate the reader.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


class _Seen:
    def __init__(self, real: Any) -> None:
        self.real = real
        self.contexts: list[tuple[str, Any]] = []

    def read(self, text: str, context: Any = None) -> Any:
        self.contexts.append((text, context))
        return self.real.read(text, context)


def _text_of(replies: Any) -> str:
    from tests.support.harness import text_of

    return str(text_of(replies))


def played(practice: dict[str, Any], reader: Any = None,
           strict: bool = True) -> tuple[list[dict[str, Any] | None], int, int]:
    """The contexts of the practice's spoken lines, and how many replies matched the stored ones (of how many).

    ``reader`` reads in place of the engine's own (bench/train_acts.py replays with the rules alone);
    ``strict=False`` skips a button the replay no longer shows, as tests.support.blind.replay_in does."""
    from tests.support.harness import ChatHarness

    harness: Any = ChatHarness()
    contexts: list[dict[str, Any] | None] = []
    same = stored = 0
    try:
        runner = harness.service.engine.practices
        seen = _Seen(runner.understander if reader is None else reader)
        runner.understander = seen
        harness.say(f"practice {practice['scenario']}", user="p")
        for turn in practice["turns"]:
            if "pick" in turn:
                try:
                    harness.pick_label(turn["pick"], user="p")
                except AssertionError:
                    if strict:
                        raise
                continue
            seen.contexts.clear()
            reply = _text_of(harness.say(turn["text"], user="p"))
            mine = [c for t, c in seen.contexts if t == turn["text"]]
            context = mine[0] if mine else None
            contexts.append(None if context is None else context.model_dump(mode="json", exclude_unset=True))
            if "reply" in turn:
                stored += 1
                same += reply.strip() == str(turn["reply"]).split("\n[buttons:")[0].strip()
    finally:
        harness.close()
    return contexts, same, stored


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    folder = Path(argv[0])
    found = sorted(p for p in folder.glob("practices*.jsonl"))
    if not found:
        print(f"{folder}: no practices*.jsonl", file=sys.stderr)
        return 2
    out: dict[str, list[dict[str, Any] | None]] = {}
    same = stored = 0
    for path in found:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                practice = json.loads(line)
                out[practice["id"]], s, n = played(practice)
                same += s
                stored += n
    target = folder / "contexts_as_played.json"
    target.write_text(json.dumps(out, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {target}: {sum(len(v) for v in out.values())} lines of {len(out)} practices; "
          f"replies as the player saw them: {same} of {stored}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
