"""Another commit of this repository, checked out for a side-by-side measurement and removed afterwards.

The benches that compare this tree with a commit (reading speed, the `understand` process, reading
equivalence, adversarial inputs) run the old code from a temporary detached worktree, so both are
measured on the same machine at the same time.
"""

from __future__ import annotations

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
