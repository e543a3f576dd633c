"""`offer-coach`: the command line.

chat, understand, playbooks check|list, export, forget, backup, run slack|discord, db migrate|check|copy,
discord invite-url.
Every heavy or platform import happens inside the command that needs it, so `offer-coach chat`
starts fast and never loads Slack or Discord libraries.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError


class _PrintVersion(argparse.Action):
    """`--version`: the installed version, looked up only when asked for (`chat` starts faster)."""

    def __init__(self, option_strings: list[str], dest: str, **_: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from adapters.version import version

        print(f"offer-coach {version()}")
        parser.exit()


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; given the command a run names, only that command's own parser is
    built under it (each costs about half a millisecond, mostly argparse's message lookups, and a
    chat start needs one of sixteen). Help and a command that does not exist get them all."""
    parser = argparse.ArgumentParser(prog="offer-coach", description="Practise negotiating a job offer.")
    parser.add_argument("--version", action=_PrintVersion)
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="debug logging (message text only with OFFER_COACH_LOG_MESSAGES=1)")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, add in _COMMANDS.items():
        if command not in _COMMANDS or name == command:
            add(sub)
    return parser


def _with_store(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("--db", type=Path, help="SQLite file (default: OFFER_COACH_DB or your data folder)")
    p.add_argument("--playbooks", type=Path, help="an extra playbook folder (default: OFFER_COACH_PLAYBOOKS)")
    return p


def _add_chat(sub: Any) -> None:
    chat = _with_store(sub.add_parser("chat", help="practise in the terminal"))
    chat.add_argument("--user", help="who you are (default: your login name)")


def _add_understand(sub: Any) -> None:
    understand = sub.add_parser("understand", help="read messages from stdin, one JSON line out per line")
    understand.add_argument("--playbooks", type=Path)


def _add_playbooks(sub: Any) -> None:
    books = sub.add_parser("playbooks", help="check or list playbooks")
    books_sub = books.add_subparsers(dest="action", required=True)
    check = books_sub.add_parser("check", help="validate a playbook folder (with the shipped ones)")
    check.add_argument("path", nargs="?", type=Path, help="default: OFFER_COACH_PLAYBOOKS, else the shipped set")
    listing = books_sub.add_parser("list", help="list scenarios and checklists")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--playbooks", type=Path)


def _add_export(sub: Any) -> None:
    export = sub.add_parser("export", help="print a user's data as JSON")
    export.add_argument("--user", required=True)
    export.add_argument("--db", type=Path)


def _add_forget(sub: Any) -> None:
    forget = sub.add_parser("forget", help="delete all of a user's data")
    forget.add_argument("--user", required=True)
    forget.add_argument("--db", type=Path)
    forget.add_argument("--yes", action="store_true", help="do not ask to confirm")


def _add_backup(sub: Any) -> None:
    backup = sub.add_parser("backup", help="copy the database while the bot runs, and verify the copy")
    backup.add_argument("path", type=Path, help="where to write the copy")
    backup.add_argument("--db", type=Path)
    backup.add_argument("--force", action="store_true", help="replace an existing file at PATH")


def _add_run(sub: Any) -> None:
    run = _with_store(sub.add_parser("run", help="run a chat platform adapter"))
    run.add_argument("platform", choices=["slack", "discord"])
    run.add_argument("--port", type=int, default=3000, help="HTTP port for Slack's HTTP mode (default 3000)")
    run.add_argument("--health-port", type=int,
                     help="serve /healthz, /readyz and /metrics on this port (Socket Mode, Discord; "
                          "default: OFFER_COACH_HEALTH_PORT; Slack's HTTP mode serves them on --port)")


def _add_db(sub: Any) -> None:
    from adapters.cli import db as db_cli

    db_cli.register(sub)


def _add_discord(sub: Any) -> None:
    discord = sub.add_parser("discord", help="Discord helpers")
    discord_sub = discord.add_subparsers(dest="action", required=True)
    discord_sub.add_parser("invite-url", help="print the bot's invite URL")


_COMMANDS: dict[str, Callable[[Any], None]] = {
    "chat": _add_chat, "understand": _add_understand, "playbooks": _add_playbooks, "export": _add_export,
    "forget": _add_forget, "backup": _add_backup, "run": _add_run, "db": _add_db, "discord": _add_discord,
}


def _named_command(argv: list[str]) -> str | None:
    """The command a command line names: its first word that is not an option (the options before a
    command take no value)."""
    return next((word for word in argv if not word.startswith("-")), None)


def _settings(args: argparse.Namespace):  # -> CoreSettings
    from bot.config import CoreSettings

    overrides = {k: v for k in ("db", "playbooks") if (v := getattr(args, k, None)) is not None}
    return CoreSettings(**overrides)


def main(argv: list[str] | None = None, *, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _parser(_named_command(argv)).parse_args(argv)
    inp, out = stdin or _lenient(sys.stdin), stdout or _lenient(sys.stdout)
    from adapters import logs

    try:
        logs.configure(default_level="INFO" if args.command == "run" else "WARNING", verbose=args.verbose)
    except logs.LoggingConfigError as error:
        print(f"offer-coach: {error}", file=sys.stderr)
        return 2
    from bot.playbooks.loader import PlaybookError
    from bot.storage.protocol import StoreError

    try:
        if args.command == "db":
            from adapters.cli import db as db_cli

            return db_cli.run(args, _settings(args).store_target, out, sys.stderr)
        return _dispatch(args, inp, out)
    except BrokenPipeError:  # `offer-coach ... | head`: the reader left; nothing is lost
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
    except (PlaybookError, StoreError, HealthPortError) as error:
        print(f"offer-coach: {error}", file=sys.stderr)
        return 2
    except ValidationError as error:
        # Settings are read from the environment, so name the variable a user has to fix.
        problems = "; ".join(
            f"OFFER_COACH_{'_'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in error.errors()
        )
        print(f"offer-coach: bad configuration: {problems}", file=sys.stderr)
        return 2


def _health_port(given: int | None) -> int | None:
    """--health-port, else OFFER_COACH_HEALTH_PORT, else none (no health server of its own)."""
    if given is None:
        raw = os.environ.get("OFFER_COACH_HEALTH_PORT", "").strip()
        if not raw:
            return None
        if not raw.isdigit():
            raise HealthPortError(f"OFFER_COACH_HEALTH_PORT must be a TCP port number (got {raw!r})")
        given = int(raw)
    if not 0 < given < 65536:
        raise HealthPortError(f"the health port must be a TCP port (1-65535), not {given}")
    return given


class HealthPortError(ValueError):
    """--health-port or OFFER_COACH_HEALTH_PORT is not a port."""


def _lenient(stream: TextIO) -> TextIO:
    """The stream with each byte it cannot decode or encode replaced (U+FFFD in, "?" out) instead of
    ending the run: one bad byte in a piped chat must not lose the lines after it (issue 13)."""
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(errors="replace")
    return stream


def _dispatch(args: argparse.Namespace, inp: TextIO, out: TextIO) -> int:
    match args.command:
        case "chat":
            from adapters.terminal import default_user, run_chat
            from bot.service import CoachService

            service = CoachService.from_settings(_settings(args))
            try:
                return run_chat(service, args.user or default_user(), inp, out)
            finally:
                service.close()
        case "understand":
            from bot.playbooks.loader import load_playbooks
            from bot.understanding.reader import Understander, understand_lines

            understander = Understander(load_playbooks(args.playbooks).perks)
            for line in understand_lines((ln.rstrip("\n") for ln in inp), understander):
                print(line, file=out)
            return 0
        case "playbooks":
            from adapters.cli import playbooks as playbook_cli

            configured = _settings(args).playbooks  # OFFER_COACH_PLAYBOOKS, when no path is given
            if args.action == "check":
                return playbook_cli.check_command(args.path or configured, out)
            return playbook_cli.list_command(configured, args.json, out)
        case "export" | "forget":
            from adapters.cli import data as data_cli

            db = args.db or _settings(args).store_target
            if args.command == "export":
                return data_cli.export_command(args.user, db, out)
            return data_cli.forget_command(args.user, db, out, yes=args.yes)
        case "backup":
            from adapters.cli.backup import backup_command

            return backup_command(args.db or _settings(args).store_target, args.path, out, force=args.force)
        case "run":
            settings = _settings(args)
            health_port = _health_port(args.health_port)
            if args.platform == "slack":
                from adapters.slack.runner import run as run_slack

                return run_slack(settings, args.port, health_port=health_port)
            from adapters.discord.runner import run as run_discord

            return run_discord(settings, health_port=health_port)
        case "discord":
            from adapters.discord.runner import invite_url

            return invite_url(out)
    return 2  # pragma: no cover - argparse rejects anything else


if __name__ == "__main__":
    sys.exit(main())
