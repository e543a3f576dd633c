"""The terminal adapter: neutral replies as text, numbered choices, lines typed in.

Interactive when standard input is a terminal: choices are numbered (typing the number picks one),
the line can be edited and earlier lines recalled with the arrow keys (the standard library's
``readline``; the history lives only as long as the session, since it holds what was typed), text
wraps at word boundaries to the terminal's width, and ``exit`` or ``quit`` leaves (asking first when
a practice is running). Otherwise it reads one message per line, prints the replies and exits at
the end of input, so a practice can be scripted.

It talks to the core through :class:`bot.port.Coach`, like Slack and Discord. SIGTERM or SIGINT
during a turn lets the turn finish and its replies print, then leaves with status 0. It imports no
chat platform library and, with a coach that can answer directly (:class:`bot.port.DirectCoach`,
which the service is), not asyncio either, to start fast.
"""

from __future__ import annotations

import contextlib
import getpass
import re
import shutil
import signal
import sys
from collections.abc import Iterable, Iterator
from types import FrameType
from typing import TYPE_CHECKING, TextIO

from bot.markup import parse
from bot.messages import Choice, ConversationKind, Incoming, Reply, ReplyKind
from bot.port import Coach, DirectCoach

if TYPE_CHECKING:
    import asyncio

BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"
PLATFORM = "terminal"
LEAVE_WORDS = frozenset({"exit", "quit"})
BYE = "Bye! Your progress is saved; `offer-coach chat` picks it up again."
WALK_AWAY_WORD = "exit"  # what the coach reads, in a practice, as walking away (and asks to confirm)
_ANSI = re.compile(r"\033\[[0-9;]*m")
_INDENT = re.compile(r"^( *(?:• |│ )?)")


def render(reply: Reply, *, color: bool = False, first_number: int = 1, width: int | None = None) -> str:
    """One reply as terminal text; choices numbered from `first_number`; wrapped to `width` when given."""
    out: list[str] = []
    if reply.kind is ReplyKind.recruiter and reply.speaker:
        out.append(_bold(f"{reply.speaker}:", color))
    for line in parse(reply.text) if reply.text else []:
        text = "".join(_bold(s.text, color) if s.bold else s.text for s in line.spans)
        out.append(("  • " if line.bullet else "  │ " if line.quote else "") + text)
    for card in reply.cards:
        out.append("")
        out.append("  " + _bold(card.title, color))
        label_width = max((len(f.label) for f in card.fields), default=0)
        for field in card.fields:
            value = "".join(s.text for ln in parse(field.value) for s in ln.spans)
            out.append(f"    {field.label.ljust(label_width)}  {value}")
        if card.footer:
            footer = "".join(s.text for ln in parse(card.footer) for s in ln.spans)
            out.append("    " + (f"{DIM}{footer}{RESET}" if color else footer))
    if reply.attachment:
        out.append(f"[{reply.attachment.filename}]")
        out.append(reply.attachment.content)
    numbered = [f"[{i}] {c.label}" for i, c in enumerate(reply.choices, first_number)]
    if numbered and sum(len(n) + 3 for n in numbered) <= min(width or 80, 80) - 2:
        out.append("  " + "   ".join(numbered))
    else:
        out += [f"  {n}" for n in numbered]
    if width is None:
        return "\n".join(out)
    return "\n".join(wrapped for line in out for wrapped in wrap(line, width))


def wrap(line: str, width: int) -> list[str]:
    """Break a line at spaces so no piece is wider than `width` on screen (colour codes take no room).

    Continuation lines keep the line's indent and bullet column; a word longer than the width
    stays whole on its own line rather than being cut.
    """
    if _visible_len(line) <= width:
        return [line]
    indent = _INDENT.match(line)
    prefix = indent.group(1) if indent else ""
    hanging = " " * len(prefix)
    lines: list[str] = []
    current, current_len = prefix, len(prefix)
    for word in line[len(prefix):].split(" "):
        size = _visible_len(word)
        if current_len > len(hanging) and current_len + 1 + size > width:
            lines.append(current.rstrip())
            current, current_len = hanging + word, len(hanging) + size
        else:
            joiner = " " if current_len > len(prefix) or (lines and current_len > len(hanging)) else ""
            current, current_len = current + joiner + word, current_len + len(joiner) + size
    lines.append(current.rstrip())
    return lines


def _visible_len(text: str) -> int:
    return len(_ANSI.sub("", text))


def _bold(text: str, color: bool) -> str:
    return f"{BOLD}{text}{RESET}" if color else text


class TerminalChat:
    """Feeds typed lines to the coach as one terminal user and prints what comes back."""

    def __init__(self, coach: Coach, user: str, out: TextIO, *, color: bool = False,
                 width: int | None = None) -> None:
        self.coach = coach
        self.user = user
        self.out = out
        self.color = color
        self.width = width
        self.numbered: list[Choice] = []  # what the numbers on screen mean: presentation, not conversation
        # One person types one line at a time, so nothing here needs an event loop: a coach that can
        # answer directly is asked directly (importing asyncio would be a tenth of the start); any
        # other is awaited on a loop made for it.
        self._direct = coach if isinstance(coach, DirectCoach) else None
        self._loop: asyncio.Runner | None = None

    def close(self) -> None:
        if self._loop is not None:
            self._loop.close()

    def __enter__(self) -> TerminalChat:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def send(self, text: str) -> None:
        choice = self._numbered_choice(text)
        incoming = Incoming(
            platform=PLATFORM, user_id=self.user, conversation_id="terminal",
            conversation_kind=ConversationKind.terminal,
            text=None if choice else text, choice=choice.id if choice else None,
        )
        self.show(self._turn(incoming))

    def _turn(self, incoming: Incoming) -> list[Reply]:
        if self._direct is not None:
            return self._direct.handle_sync(incoming)
        if self._loop is None:
            import asyncio

            self._loop = asyncio.Runner()
        return self._loop.run(self.coach.handle(incoming))

    def show(self, replies: Iterable[Reply]) -> None:
        self.numbered = []
        for reply in replies:
            print(render(reply, color=self.color, first_number=len(self.numbered) + 1, width=self.width),
                  file=self.out)
            print(file=self.out)
            self.numbered += reply.choices
        self.out.flush()

    def practising(self) -> bool:
        """Whether a practice is under way (it asks the coach, which keeps no copy here)."""
        user_key = Incoming(platform=PLATFORM, user_id=self.user, conversation_id="terminal").user_key
        return bool(self.coach.progress(user_key).get("practice_in_progress"))

    def may_leave(self, lines: Iterator[str], guard: StopGuard) -> bool:
        """`exit` or `quit` was typed: True to leave now. During a practice the coach first asks
        whether to walk away from the offer; the program ends once the practice has."""
        if not self.practising():
            return True
        with guard.turn():
            self.send(WALK_AWAY_WORD)  # "quit" alone would end the practice without asking
        if guard.requested or not self.practising():
            return True
        answer = next(lines, None)
        if answer is None:
            return True
        with guard.turn():
            self.send(answer)
        return guard.requested or not self.practising()

    def _numbered_choice(self, text: str) -> Choice | None:
        stripped = text.strip()
        if stripped.isdigit() and 1 <= int(stripped) <= len(self.numbered):
            return self.numbered[int(stripped) - 1]
        return None


class _Interrupted(Exception):
    """SIGTERM or SIGINT while no turn was running: leave at once."""


class StopGuard:
    """SIGTERM and SIGINT: during a turn the turn finishes (and prints) first; otherwise leave now."""

    def __init__(self) -> None:
        self.in_turn = False
        self.requested = False
        self._previous: dict[int, object] = {}

    def __enter__(self) -> StopGuard:
        for signum in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(ValueError):  # not the main thread: leave the signals alone
                self._previous[signum] = signal.signal(signum, self._asked_to_stop)
        return self

    def __exit__(self, *exc_info: object) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]

    def _asked_to_stop(self, _signum: int, _frame: FrameType | None) -> None:
        self.requested = True
        if not self.in_turn:
            raise _Interrupted

    @contextlib.contextmanager
    def turn(self) -> Iterator[None]:
        self.in_turn = True
        try:
            yield
        finally:
            self.in_turn = False


def default_user() -> str:
    try:
        return getpass.getuser() or "me"
    except Exception:  # no login name in some containers
        return "me"


def terminal_width(out: TextIO) -> int:
    return max(20, shutil.get_terminal_size((80, 24)).columns - 1)


def _typed_lines(out: TextIO) -> Iterator[str]:
    while True:
        try:
            yield input("you> ")
        except EOFError:
            print(file=out)
            return


def _echoed_lines(inp: TextIO, out: TextIO) -> Iterator[str]:
    for line in inp:
        line = line.rstrip("\n")
        print(f"you> {line}", file=out)
        yield line


# Home, End and Delete as the common terminals send them; a system without an inputrc binds only some.
_KEYS = {"\\e[1~": "beginning-of-line", "\\e[7~": "beginning-of-line", "\\e[H": "beginning-of-line",
         "\\e[4~": "end-of-line", "\\e[8~": "end-of-line", "\\e[F": "end-of-line", "\\e[3~": "delete-char"}


def _enable_line_editing() -> None:
    try:
        import readline  # importing it is what gives input() editing and history
    except ImportError:  # Windows without pyreadline: plain input still works
        return
    if "libedit" not in (readline.__doc__ or ""):  # GNU readline's syntax; libedit has its own
        for keys, action in _KEYS.items():
            readline.parse_and_bind(f'"{keys}": {action}')


def run_chat(coach: Coach, user: str, inp: TextIO = sys.stdin, out: TextIO = sys.stdout) -> int:
    """The chat until the input ends, `exit`/`quit` (interactive), or SIGTERM/SIGINT; the exit status."""
    from adapters.lifecycle import warm_up

    interactive = inp.isatty() and out.isatty()
    with StopGuard() as guard, TerminalChat(coach, user, out, color=interactive,
                                            width=terminal_width(out) if interactive else None) as chat:
        try:
            if interactive:
                _enable_line_editing()
                print(f"Offer Coach — practising as {user}. Type `help`, `exit` to leave.\n", file=out)
                with guard.turn():
                    chat.send("help")
                warm_up(coach, render)  # before the first prompt rather than in the first turn
                lines = _typed_lines(out)
            else:
                lines = _echoed_lines(inp, out)
            converse(chat, lines, guard, leave_words=interactive)
        except (_Interrupted, KeyboardInterrupt):
            print(file=out)
        if interactive or guard.requested:
            print(BYE, file=out)
        out.flush()
    return 0


def converse(chat: TerminalChat, lines: Iterator[str], guard: StopGuard, *, leave_words: bool) -> None:
    """Send each line until the lines end, someone leaves, or a stop was asked for during a turn."""
    for line in lines:
        if leave_words and line.strip().lower() in LEAVE_WORDS:
            if chat.may_leave(lines, guard):
                return
            continue
        with guard.turn():
            chat.send(line)
        if guard.requested:
            return
