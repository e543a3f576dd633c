"""The store when the file system or the file itself is against it: several processes creating the
same new file, a database from a newer Offer Coach, a full disk, a read-only mount, a damaged file.

Each fault is real where the machine allows it: full disks and read-only mounts are made with a
private mount namespace (``unshare -m``, needs root), so nothing leaks into the test machine; those
tests skip where that is not possible.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from bot.session import SessionState
from bot.storage.store import LATEST_SCHEMA, Store, StoreError
from tests.storage.test_store import write_turn

ROOT = Path(__file__).resolve().parents[2]
CREATE = """{python} -c 'from bot.storage.store import Store; Store("{path}", maintenance=False).close()'"""


def _open_new_files_in_step(folder: str, rounds: int, barrier: Any, results: Any) -> None:
    failures = []
    for round_number in range(rounds):
        barrier.wait(timeout=60)  # every worker opens the same new file at the same moment
        try:
            Store(f"{folder}/new-{round_number}.db", maintenance=False).close()
        except StoreError as error:
            failures.append(str(error))
    results.put(failures)


def test_processes_opening_a_new_file_together_all_get_in(tmp_path: Path) -> None:
    """Before the retry, about one open in twelve failed with "database is locked"."""
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(2), context.Queue()
    workers = [context.Process(target=_open_new_files_in_step, args=(str(tmp_path), 100, barrier, results))
               for _ in range(2)]
    for worker in workers:
        worker.start()
    failures = [failure for _ in workers for failure in results.get(timeout=120)]
    for worker in workers:
        worker.join(timeout=60)
    assert failures == []


def test_a_database_from_a_newer_version_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "coach.db"
    with Store(path) as store:
        write_turn(store, "test::ana", SessionState(turns=3))
        store.conn.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (?, 'later')",
                           (LATEST_SCHEMA + 2,))
    before = path.read_bytes()
    with pytest.raises(StoreError) as raised:
        Store(path)
    message = str(raised.value)
    assert f"schema v{LATEST_SCHEMA + 2}" in message and f"knows up to v{LATEST_SCHEMA}" in message
    assert path.read_bytes() == before


def test_a_damaged_file_is_refused_at_start_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "coach.db"
    with Store(path, maintenance=False) as store:
        for number in range(200):
            write_turn(store, f"test::user{number}", SessionState(turns=number), text="words " * 50)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = store.conn.execute("PRAGMA page_size").fetchone()[0]
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    with path.open("r+b") as file:  # scribble over the middle of a page well inside the turns table
        file.seek(page_size * (pages // 2) + 8)
        file.write(b"\xff" * 64)
    with pytest.raises(StoreError) as raised:
        Store(path)
    assert "damaged" in str(raised.value) and "backup" in str(raised.value)


def _in_private_mount(script: str) -> subprocess.CompletedProcess[str]:
    """Run a shell script in its own mount namespace; its mounts vanish when it ends."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("needs root and unshare to make a real full or read-only file system")
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("mount namespaces are not available here")
    return subprocess.run(["unshare", "-m", "sh", "-ec", script], capture_output=True, text=True, timeout=120,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_a_full_disk_at_start_says_the_disk_is_full(tmp_path: Path) -> None:
    mount = tmp_path / "small"
    mount.mkdir()
    result = _in_private_mount(textwrap.dedent(f"""
        mount -t tmpfs -o size=256k tmpfs {mount}
        {CREATE.format(python=sys.executable, path=f"{mount}/coach.db")}
        dd if=/dev/zero of={mount}/filler bs=4k count=1000 2>/dev/null || true
        {sys.executable} -m adapters.cli.main chat --db {mount}/coach.db --user sam </dev/null
    """))
    assert result.returncode == 2
    assert "disk is full" in result.stderr
    assert "I/O" not in result.stderr


def test_a_read_only_mount_is_said_once_at_start_and_exits_non_zero(tmp_path: Path) -> None:
    mount = tmp_path / "ro"
    mount.mkdir()
    result = _in_private_mount(textwrap.dedent(f"""
        mount -t tmpfs -o size=4m tmpfs {mount}
        {CREATE.format(python=sys.executable, path=f"{mount}/coach.db")}
        mount -o remount,ro {mount}
        printf 'practice growth_startup\\nstatus\\n' |
            {sys.executable} -m adapters.cli.main chat --db {mount}/coach.db --user sam
    """))
    assert result.returncode == 2
    assert result.stderr.count("read-only") == 1
    assert "try again" not in result.stdout
