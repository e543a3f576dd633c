"""`offer-coach export` and `offer-coach forget`: a user's data from the command line.

Both work on the store alone (no playbooks, no engine), so they run fast and still work when a
playbook folder is broken. They return a process exit code; `adapters.cli.main` wires the arguments.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from bot.service import build_export, team_rows
from bot.storage import is_postgres, open_store
from bot.storage.protocol import CoachStore
from bot.storage.store import Store, StoreError, now_utc


def user_key_for(user: str) -> str:
    """A terminal user name becomes that user's key; a full key (it has a ':') is used as is."""
    return user if ":" in user else f"terminal::{user}"


def export_command(user: str, db: Path | str, out: TextIO, *, err: TextIO | None = None) -> int:
    """Write the user's data as JSON to `out`. 0 on success, 1 when nothing is stored, 2 on DB errors."""
    err = err or sys.stderr
    key = user_key_for(user)
    store = _open_existing(db, err)
    if store is None:
        return 2
    try:
        data = store.user_data(key)
        team = team_rows(store, key)
    except StoreError as error:
        print(f"Error: {error}", file=err)
        return 2
    finally:
        store.close()
    if not data.exists:
        print(f"No data stored for {key} in {db}.", file=err)
        return 1
    json.dump(build_export(data, now=now_utc(), team=team), out, indent=2, ensure_ascii=False)
    out.write("\n")
    return 0


def forget_command(
    user: str,
    db: Path | str,
    out: TextIO,
    *,
    yes: bool,
    confirm: Callable[[str], bool] | None = None,
    err: TextIO | None = None,
) -> int:
    """Delete all of the user's data once confirmed (`yes`, or `confirm(question)` returns True).

    0 when deleted or nothing was stored, 1 when not confirmed, 2 on DB errors.
    """
    err = err or sys.stderr
    key = user_key_for(user)
    if not yes:
        question = f"Delete everything stored for {key} in {db}? This cannot be undone."
        if confirm is None:
            print(f"{question}\nRun again with --yes to confirm.", file=err)
            return 1
        if not confirm(question):
            print("Nothing deleted.", file=out)
            return 1
    store = _open_existing(db, err)
    if store is None:
        return 2
    try:
        deleted = store.forget_user(key)
    except StoreError as error:
        print(f"Error: {error}", file=err)
        return 2
    finally:
        store.close()
    if deleted == 0:
        print(f"Nothing was stored for {key} in {db}; nothing to delete.", file=out)
    else:
        print(f"Deleted all data of {key} from {db} ({deleted} rows).", file=out)
    return 0


def _open_existing(db: Path | str, err: TextIO) -> CoachStore | None:
    if is_postgres(db):  # OFFER_COACH_DATABASE_URL: the server's database, on either back end's terms
        try:
            return open_store(db, maintenance=False)
        except StoreError as error:
            print(f"Error: {error}", file=err)
            return None
    db = Path(db)
    # Never create an empty database just to report that it holds nothing.
    if not db.exists():
        print(f"No database at {db}. Pass --db PATH or set OFFER_COACH_DB.", file=err)
        return None
    try:
        return Store(db, maintenance=False)
    except StoreError as error:
        print(f"Error: {error}", file=err)
        return None
