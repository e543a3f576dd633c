"""`offer-coach db migrate | check | copy`: the database itself, on SQLite or PostgreSQL.

- ``migrate`` brings the schema to this version (the bot does this on start too).
- ``check`` opens the database, reports its schema version and the rows in every table, and on
  SQLite runs its integrity check; exit 1 when something is wrong.
- ``copy --from A --to B`` moves everything (sessions, transcripts, events, team channels, OAuth
  installs) into an empty database, in one transaction on the target, then compares row counts and
  a digest of every table on both sides; exit 1 unless the copy is verified.

A target is a ``postgresql://`` URL or a SQLite file path; the default is the configured store
(``OFFER_COACH_DATABASE_URL``, else ``OFFER_COACH_DB``).
"""

from __future__ import annotations

import argparse
import hashlib
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO

from bot.storage import open_store

if TYPE_CHECKING:
    from bot.storage.protocol import CoachStore

# The store's modules load only when a db command runs: registering the command must not slow the
# start of `offer-coach chat` or `understand`.

BATCH_ROWS = 500  # rows per multi-row INSERT: well under both databases' parameter limits
LEGACY_SLACK_TABLES = ("slack_installations", "slack_bots")


def register(sub: Any) -> None:
    """Add the `db` command to the CLI's subparsers."""
    db = sub.add_parser("db", help="migrate, check or copy the database (SQLite or PostgreSQL)")
    actions = db.add_subparsers(dest="action", required=True)
    for name, text in (("migrate", "bring the schema up to date"), ("check", "report schema and row counts")):
        parser = actions.add_parser(name, help=text)
        parser.add_argument("--url", help="postgresql://... or a SQLite file (default: the configured store)")
    copy = actions.add_parser("copy", help="copy everything into an empty database and verify it")
    copy.add_argument("--from", dest="source", required=True, help="postgresql://... or a SQLite file")
    copy.add_argument("--to", dest="target", required=True, help="postgresql://... or a SQLite file")


def run(args: argparse.Namespace, configured: str, out: TextIO, err: TextIO) -> int:
    from bot.storage.store import StoreError

    try:
        if args.action == "copy":
            return copy_command(args.source, args.target, out)
        target = args.url or configured
        if args.action == "migrate":
            return migrate_command(target, out)
        return check_command(target, out)
    except StoreError as error:
        print(f"offer-coach db: {error}", file=err)
        return 2


def migrate_command(target: str, out: TextIO) -> int:
    store = open_store(target, maintenance=False)  # opening migrates, under the database's lock
    try:
        print(f"{store.url}: schema v{store.schema_version()} ({store.dialect.name}), up to date", file=out)
    finally:
        store.close()
    return 0


def check_command(target: str, out: TextIO) -> int:
    store = open_store(target, maintenance=False)
    try:
        print(f"{store.url}: schema v{store.schema_version()} ({store.dialect.name})", file=out)
        counts = table_counts(store)
        for table, count in counts.items():
            print(f"  {table:<20} {count:>12,}", file=out)
        problem = _integrity(store)
    finally:
        store.close()
    if problem:
        print(f"integrity check failed: {problem}", file=out)
        return 1
    print("ok", file=out)
    return 0


def _integrity(store: CoachStore) -> str | None:
    if store.dialect.name != "sqlite":
        return None  # PostgreSQL checks its own pages; amcheck is an operator's tool
    with store.snapshot() as sql:
        result = sql.execute("PRAGMA quick_check").fetchone()[0]
    return None if result == "ok" else str(result)


def existing_tables(store: CoachStore) -> list[str]:
    """The store's tables that this database has, in copy order (SQLite has no OAuth tables: Bolt's
    own installation store keeps its tables there)."""
    from bot.storage.common import TABLES

    query = ("SELECT name FROM sqlite_master WHERE type = 'table'" if store.dialect.name == "sqlite" else
             "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
    with store.snapshot() as sql:
        present = {name for (name,) in sql.execute(query)}
    return [table for table in TABLES if table in present]


def table_counts(store: CoachStore) -> dict[str, int]:
    tables = existing_tables(store)
    with store.snapshot() as sql:
        return {table: int(sql.execute(f"SELECT count(*) FROM {table}").fetchone()[0]) for table in tables}


def table_digest(store: CoachStore, table: str) -> str:
    """A digest of every row of `table` in key order, equal on both back ends for equal data."""
    from bot.storage.common import TABLES

    columns = TABLES[table]
    digest = hashlib.sha256()
    with store.snapshot() as sql:
        for row in sql.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {_order(table)}"):
            digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def _order(table: str) -> str:
    from bot.storage.common import TABLES

    columns = TABLES[table]
    if columns[0] == "id":
        return "id"
    keys = {"sessions": 2, "team_mutes": 2, "team_optins": 2, "team_share_starts": 2,
            "oauth_installations": 4, "oauth_bots": 3}.get(table, 1)
    return ", ".join(columns[:keys])


def copy_command(source_url: str, target_url: str, out: TextIO) -> int:
    from bot.storage.store import StoreError

    if source_url == target_url:
        raise StoreError("--from and --to are the same database")
    started = time.perf_counter()
    source = open_store(source_url, maintenance=False)
    try:
        target = open_store(target_url, maintenance=False)
        try:
            return _copy(source, target, out, started)
        finally:
            target.close()
    finally:
        source.close()


def _copy(source: CoachStore, target: CoachStore, out: TextIO, started: float) -> int:
    from bot.storage.store import StoreError

    already = {table: n for table, n in table_counts(target).items() if n}
    if already:
        raise StoreError(f"the target {target.url} is not empty ({', '.join(already)}); copy into an empty database")
    counts_from = table_counts(source)
    target_tables = set(existing_tables(target))
    left_out = [table for table, n in counts_from.items() if n and table not in target_tables]
    if left_out:  # PostgreSQL's OAuth installs have no table in a SQLite file
        raise StoreError(f"the target {target.url} has no table for {', '.join(left_out)}")
    tables = [table for table in counts_from if table in target_tables]
    print(f"copying {source.url} -> {target.url}", file=out)
    with target.transaction():
        for table in tables:
            for batch in _batches(source, table):
                _insert(target, table, batch)
    target.reset_sequences()
    converted = _copy_legacy_slack_installs(source, target)
    counts_to = table_counts(target)
    failures = []
    for table in [*tables, *(t for t in converted if t not in tables)]:
        wanted = counts_from.get(table, 0) + converted.get(table, 0)
        same = counts_to[table] == wanted
        if same and table not in converted:  # rebuilt from Bolt's SQLite tables: compared by count
            same = table_digest(source, table) == table_digest(target, table)
        if not same:
            failures.append(table)
        print(f"  {table:<20} {wanted:>12,} -> {counts_to[table]:>12,}  {'ok' if same else 'DIFFERENT'}", file=out)
    elapsed = time.perf_counter() - started
    if failures:
        print(f"copy NOT verified: {', '.join(failures)} differ ({elapsed:.1f} s)", file=out)
        return 1
    print(f"copy verified: every table's rows and contents match ({elapsed:.1f} s)", file=out)
    return 0


def _batches(store: CoachStore, table: str) -> Iterator[list[tuple[Any, ...]]]:
    from bot.storage.common import TABLES

    columns = TABLES[table]
    with store.snapshot() as sql:
        rows = sql.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {_order(table)}")
        batch: list[tuple[Any, ...]] = []
        for row in rows:
            batch.append(tuple(row))
            if len(batch) == BATCH_ROWS:
                yield batch
                batch = []
        if batch:
            yield batch


def _insert(target: CoachStore, table: str, rows: list[tuple[Any, ...]]) -> None:
    from bot.storage.common import TABLES

    columns = TABLES[table]
    one = f"({', '.join('?' * len(columns))})"
    values = ", ".join([one] * len(rows))
    target.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values}",
                   [value for row in rows for value in row])


def _copy_legacy_slack_installs(source: CoachStore, target: CoachStore) -> dict[str, int]:
    """Bolt's SQLite installation tables, when copying a SQLite file to PostgreSQL: read with Bolt's
    own column names and saved through the installation store the PostgreSQL bot uses."""
    if source.dialect.name != "sqlite" or target.dialect.name != "postgresql":
        return {}
    with source.snapshot() as sql:
        present = {name for (name,) in sql.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (?, ?)", LEGACY_SLACK_TABLES)}
        if "slack_installations" not in present:
            return {}
        cursor = sql.execute("SELECT * FROM slack_installations ORDER BY id")
        names = [d[0] for d in cursor.description]  # type: ignore[attr-defined]
        rows = [dict(zip(names, row, strict=True)) for row in cursor]
    if not rows:
        return {}
    from slack_sdk.oauth.installation_store.models.installation import Installation

    from adapters.slack.installations import StoreInstallationStore

    oauth = ("oauth_installations", "oauth_bots")
    before = table_counts(target)
    for row in rows:
        client_id = row.pop("client_id")
        row.pop("id", None)
        row["is_enterprise_install"] = bool(row.get("is_enterprise_install"))
        StoreInstallationStore(target, client_id).save(Installation(**row))
    after = table_counts(target)
    return {table: after[table] - before[table] for table in oauth}
