"""The terminal adapter: word wrapping, leaving with exit/quit, SIGTERM in a turn, line editing in a real pty."""

from __future__ import annotations

import io
import os
import re
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from adapters.terminal import BYE, StopGuard, TerminalChat, converse, render, run_chat, wrap
from bot.engine import Engine
from bot.messages import Incoming, Reply, ReplyKind
from bot.service import CoachService
from bot.storage.store import Store
from tests.support.harness import shipped
from tests.support.probe import ROOT

LONG = ("Anchoring high with a reason is the strongest opening move you have, because every later "
        "concession is measured against that first number.")


def test_long_lines_wrap_at_word_boundaries_within_the_width() -> None:
    for width in (20, 33, 60):
        lines = wrap("  • " + LONG, width)
        assert all(len(line) <= width for line in lines)
        assert " ".join(line.strip().removeprefix("• ") for line in lines) == LONG  # no word cut or lost
        assert lines[0].startswith("  • ") and all(line.startswith("    ") for line in lines[1:])


def test_colour_codes_take_no_room_and_a_too_long_word_stays_whole() -> None:
    bold = "\033[1mDana:\033[0m " + "word " * 5
    assert wrap(bold.strip(), 40) == [bold.strip()]
    assert wrap("a " + "x" * 30 + " b", 10) == ["a", "x" * 30, "b"]


def test_a_reply_renders_wrapped_to_the_terminal_width() -> None:
    text = render(Reply(kind=ReplyKind.recruiter, speaker="Dana", text=LONG), width=40)
    assert all(len(line) <= 40 for line in text.splitlines())
    assert "concession" in text


class SignallingCoach:
    """A coach whose turn is interrupted by SIGTERM half-way, as a service manager would send it."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    async def handle(self, incoming: Incoming) -> list[Reply]:
        self.seen.append(incoming.text or "")
        os.kill(os.getpid(), signal.SIGTERM)
        return [Reply(text=f"answer to {incoming.text}")]

    def progress(self, user_key: str) -> dict[str, Any]:
        return {}


def test_sigterm_during_a_turn_lets_it_finish_and_print_then_exits_0() -> None:
    coach, out = SignallingCoach(), io.StringIO()
    assert run_chat(coach, "sam", io.StringIO("first\nsecond\n"), out) == 0
    assert coach.seen == ["first"]  # no new turn after the signal
    assert "answer to first" in out.getvalue() and BYE in out.getvalue()
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the handler is put back


def test_sigterm_while_waiting_for_a_line_exits_0_at_once(tmp_path: Path) -> None:
    chat = subprocess.Popen([sys.executable, "-m", "adapters.cli.main", "chat", "--db", str(tmp_path / "c.db")],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=ROOT)
    assert chat.stdin is not None and chat.stdout is not None
    chat.stdin.write("help\n")
    chat.stdin.flush()
    while "practice" not in (line := chat.stdout.readline()):  # the help reply is out: now it waits
        assert line, chat.stderr.read() if chat.stderr else ""
    chat.send_signal(signal.SIGTERM)
    assert chat.wait(timeout=30) == 0
    assert BYE in chat.stdout.read()
    chat.stdin.close()


def _chat(tmp_path: Path) -> tuple[TerminalChat, io.StringIO, CoachService]:
    playbooks, understander = shipped()
    service = CoachService(Store(tmp_path / "c.db", maintenance=False), Engine(playbooks, understander))
    out = io.StringIO()
    return TerminalChat(service, "sam", out), out, service


def test_exit_leaves_at_once_when_no_practice_is_running(tmp_path: Path) -> None:
    chat, out, service = _chat(tmp_path)
    lines = iter(["exit", "help"])
    with StopGuard() as guard:
        converse(chat, lines, guard, leave_words=True)
    assert next(lines) == "help"  # left before reading further
    assert out.getvalue() == ""
    service.close()


def test_exit_or_quit_in_a_practice_asks_to_walk_away_first(tmp_path: Path) -> None:
    chat, out, service = _chat(tmp_path)
    lines: Iterator[str] = iter(["practice growth_startup", "quit", "2", "exit", "1", "help"])
    with StopGuard() as guard:
        converse(chat, lines, guard, leave_words=True)
    shown = out.getvalue()
    assert shown.count("walking away") == 2  # both words asked; "2" (keep negotiating) stayed
    assert "let's keep negotiating" in shown
    assert "Your scorecard" in shown  # "1" walked away: the debrief, then the program ends
    assert next(lines) == "help"
    service.close()


def _read_until(fd: int, pattern: str, seen: list[str], timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while not re.search(pattern, "".join(seen)):
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            raise TimeoutError(f"{pattern!r} never appeared in: {''.join(seen)[-500:]!r}")
        try:
            seen.append(os.read(fd, 4096).decode("utf-8", "replace"))
        except OSError:  # the child closed the terminal
            break
    return "".join(seen)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses a Linux pseudo-terminal")
def test_arrow_keys_edit_the_line_and_recall_history_in_a_real_terminal(tmp_path: Path) -> None:
    import pty

    leader, follower = pty.openpty()
    # No inputrc, as on a bare container: the keys must work from our own bindings.
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "80", "LINES": "24", "INPUTRC": "/dev/null"}
    chat = subprocess.Popen([sys.executable, "-m", "adapters.cli.main", "chat", "--db", str(tmp_path / "c.db")],
                            stdin=follower, stdout=follower, stderr=follower, cwd=ROOT, env=env,
                            start_new_session=True)
    os.close(follower)
    seen: list[str] = []
    try:
        _read_until(leader, r"you> ", seen)
        seen.clear()
        # "sttu", Left twice, "a", End (as xterm and the Linux console send it), "s": the line is "status".
        os.write(leader, b"sttu\x1b[D\x1b[Da\x1b[4~s\r")
        first = _read_until(leader, r"Nothing in progress|I don't know", seen)
        assert "Nothing in progress" in first and "I don't know" not in first
        _read_until(leader, r"you> ", seen)
        seen.clear()
        os.write(leader, b"\x1b[A\r")  # Up recalls "status"
        assert "Nothing in progress" in _read_until(leader, r"Nothing in progress|I don't know", seen)
        _read_until(leader, r"you> ", seen)
        os.write(leader, b"exit\r")
        assert chat.wait(timeout=30) == 0
    finally:
        if chat.poll() is None:
            chat.kill()
        os.close(leader)
