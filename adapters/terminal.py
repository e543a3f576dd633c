"""The terminal adapter: neutral replies as text, numbered choices, lines typed in.

Interactive when standard input is a terminal (choices numbered; typing the number picks one);
otherwise it reads one message per line, prints the replies and exits at the end of input, so a
practice can be scripted. It imports no chat platform library, to start fast.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Iterable
from typing import TextIO

from bot.markup import parse
from bot.messages import Choice, ConversationKind, Incoming, Reply, ReplyKind
from bot.service import CoachService

BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def render(reply: Reply, *, color: bool = False, first_number: int = 1) -> str:
    """One reply as terminal text; choices numbered from `first_number`."""
    out: list[str] = []
    if reply.kind is ReplyKind.recruiter and reply.speaker:
        out.append(_bold(f"{reply.speaker}:", color))
    for line in parse(reply.text) if reply.text else []:
        text = "".join(_bold(s.text, color) if s.bold else s.text for s in line.spans)
        out.append(("  • " if line.bullet else "  │ " if line.quote else "") + text)
    for card in reply.cards:
        out.append("")
        out.append("  " + _bold(card.title, color))
        width = max((len(f.label) for f in card.fields), default=0)
        for field in card.fields:
            value = "".join(s.text for ln in parse(field.value) for s in ln.spans)
            out.append(f"    {field.label.ljust(width)}  {value}")
        if card.footer:
            footer = "".join(s.text for ln in parse(card.footer) for s in ln.spans)
            out.append("    " + (f"{DIM}{footer}{RESET}" if color else footer))
    if reply.attachment:
        out.append(f"[{reply.attachment.filename}]")
        out.append(reply.attachment.content)
    numbered = [f"[{i}] {c.label}" for i, c in enumerate(reply.choices, first_number)]
    if numbered and sum(len(n) + 3 for n in numbered) <= 78:
        out.append("  " + "   ".join(numbered))
    else:
        out += [f"  {n}" for n in numbered]
    return "\n".join(out)


def _bold(text: str, color: bool) -> str:
    return f"{BOLD}{text}{RESET}" if color else text


class TerminalChat:
    """Feeds typed lines to the service as one terminal user and prints what comes back."""

    def __init__(self, service: CoachService, user: str, out: TextIO, *, color: bool = False) -> None:
        self.service = service
        self.user = user
        self.out = out
        self.color = color
        self.numbered: list[Choice] = []  # what the numbers on screen mean: presentation, not conversation

    def send(self, text: str) -> None:
        choice = self._numbered_choice(text)
        incoming = Incoming(
            platform="terminal", user_id=self.user, conversation_id="terminal",
            conversation_kind=ConversationKind.terminal,
            text=None if choice else text, choice=choice.id if choice else None,
        )
        self.show(self.service.handle_sync(incoming))

    def show(self, replies: Iterable[Reply]) -> None:
        self.numbered = []
        for reply in replies:
            print(render(reply, color=self.color, first_number=len(self.numbered) + 1), file=self.out)
            print(file=self.out)
            self.numbered += reply.choices
        self.out.flush()

    def _numbered_choice(self, text: str) -> Choice | None:
        stripped = text.strip()
        if stripped.isdigit() and 1 <= int(stripped) <= len(self.numbered):
            return self.numbered[int(stripped) - 1]
        return None


def default_user() -> str:
    try:
        return getpass.getuser() or "me"
    except Exception:  # no login name in some containers
        return "me"


def run_chat(service: CoachService, user: str, inp: TextIO = sys.stdin, out: TextIO = sys.stdout) -> int:
    interactive = inp.isatty() and out.isatty()
    chat = TerminalChat(service, user, out, color=interactive)
    if interactive:
        print(f"Offer Coach — practising as {user}. Type `help`, or Ctrl-D to leave.\n", file=out)
        chat.send("help")
        while True:
            try:
                line = input("you> ")
            except (EOFError, KeyboardInterrupt):
                print("\nBye! Your progress is saved; `offer-coach chat` picks it up again.", file=out)
                return 0
            chat.send(line)
    for line in inp:
        line = line.rstrip("\n")
        print(f"you> {line}", file=out)
        chat.send(line)
    return 0
