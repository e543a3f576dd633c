"""Another commit of this repository, checked out for a side-by-side measurement and removed afterwards.

The benches that compare this tree with a commit (reading speed, the `understand` process, reading
equivalence, adversarial inputs) run the old code from a temporary detached worktree, so both are
measured on the same machine at the same time; the server benches (Slack, first reply) unpack a
commit with `git archive` instead (:func:`tree_of`), which leaves .git untouched while they run.
"""

from __future__ import annotations

import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def checkout(rev: str) -> Iterator[Path]:
    """`rev` in a temporary detached worktree, for the duration of the block."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "old"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), rev], check=True,
                       capture_output=True)
        try:
            yield tree
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False,
                           capture_output=True)


def tree_of(ref: str, into: Path) -> Path:
    """`git archive` of `ref` unpacked under `into` (no worktree, nothing in .git changes)."""
    target = into / ref.replace("/", "_")
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
