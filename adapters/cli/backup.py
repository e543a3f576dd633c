"""`offer-coach backup PATH`: an online, consistent, verified copy of the database.

It runs beside a live bot: SQLite's online backup copies one snapshot while turns carry on, the
copy is checked with ``PRAGMA integrity_check`` before it takes the name PATH, and an existing file
at PATH is replaced only with ``--force``. Restoring is copying the file back while the bot is stopped.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from bot.storage import is_postgres
from bot.storage.store import Store, StoreError


def backup_command(
    source: Path | str, target: Path, out: TextIO, *, force: bool = False, err: TextIO | None = None
) -> int:
    """0 when a verified copy is at ``target``; 1 when ``target`` exists and no ``force``; 2 on errors.

    ``source`` is the SQLite file (a path or ``sqlite:///path``); a PostgreSQL URL is refused with
    what to use instead, since the server has its own backup tools.
    """
    err = err or sys.stderr
    if is_postgres(source):
        print("The database is on PostgreSQL (OFFER_COACH_DATABASE_URL): back it up with pg_dump or your "
              "provider's backups (see docs/scaling.md). `offer-coach backup` copies a SQLite file.", file=err)
        return 2
    db = Path(str(source).removeprefix("sqlite://"))
    if not db.exists():
        print(f"No database at {db}. Pass --db PATH or set OFFER_COACH_DB.", file=err)
        return 2
    if target.exists() and not force:
        print(f"{target} already exists; pass --force to replace it.", file=err)
        return 1
    if target.resolve() == db.resolve():
        print("The backup must go to another file than the database itself.", file=err)
        return 2
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with Store(db, maintenance=False) as store:
            report = store.backup(target)
    except (StoreError, OSError) as error:
        print(f"Error: {error}", file=err)
        return 2
    print(
        f"Backed up {db} to {report.path}: {report.size_bytes:,} bytes, {report.users} users, "
        f"{report.turns} turns, schema v{report.schema_version}; integrity check ok.",
        file=out,
    )
    return 0
