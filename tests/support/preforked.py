"""Several real processes of one entry point, started from a parent that imported the code once.

A multi-process test (four `offer-coach run slack` processes, four team schedulers) would
otherwise pay Python's start-up four times: the imports, and compiling the understanding
patterns, cost about 0.5 s of CPU per process, most of such a test's work. Here a launcher
process (``python -m tests.support.preforked``, run by :class:`Preforked`) imports the modules
named in ``preload``, then forks one child per argument list, as a preforking server does. Each
child is an ordinary process of its own: its own pid, event loop, database connections and
signal handlers, all made after the fork (the launcher holds none), and it runs the real entry
point, e.g. ``adapters.cli.main:main`` with ``["run", "slack", "--port", ...]``.

The launcher takes one JSON argument (``entry``, ``preload``, ``children``: each an ``argv``
and a ``stderr`` file), prints one JSON line per child started (its index and pid) and
one per child exited (its index and exit code). SIGTERM to the launcher is passed on to the
children still running; a second SIGTERM kills them.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import os
import signal
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


class Preforked:
    """The test's side: start the launcher, see which children exited and how, stop them all."""

    def __init__(self, entry: str, argvs: list[list[str]], *, preload: list[str], env: dict[str, str],
                 cwd: Path) -> None:
        self.stderr_paths = [cwd / f"process-{index}.stderr" for index in range(len(argvs))]
        spec = {"entry": entry, "preload": preload,
                "children": [{"argv": argv, "stderr": str(path)} for argv, path in zip(argvs, self.stderr_paths,
                                                                                       strict=True)]}
        self._launcher_errors = cwd / "launcher.stderr"
        with self._launcher_errors.open("wb") as errors:
            self.launcher = subprocess.Popen([sys.executable, "-m", "tests.support.preforked", json.dumps(spec)],
                                             env={**env, "PYTHONPATH": str(ROOT)}, cwd=cwd, text=True,
                                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors)
        assert self.launcher.stdout is not None
        self.exit_codes: dict[int, int] = {}
        self.pids: list[int] = []
        self._started = threading.Event()
        self._count = len(argvs)
        self._reader = threading.Thread(target=self._read, args=(self.launcher.stdout,), daemon=True)
        self._reader.start()
        if not self._started.wait(60) or len(self.pids) < self._count:
            self.launcher.send_signal(signal.SIGTERM)
            self.launcher.send_signal(signal.SIGTERM)
            self.launcher.wait(10)
            raise AssertionError(f"the launcher did not start its processes: {self.errors()}")

    def _read(self, lines: Any) -> None:
        for line in lines:
            report = json.loads(line)
            if "started" in report:
                self.pids.append(report["pid"])
                if len(self.pids) == self._count:
                    self._started.set()
            else:
                self.exit_codes[report["exited"]] = report["code"]
        self._started.set()  # the launcher ended (perhaps before starting them all)

    def exited(self, index: int) -> int | None:
        """The child's exit code once it has ended, else None."""
        return self.exit_codes.get(index)

    async def stop(self, timeout: float = 60) -> list[int | None]:
        """Ask every child to stop (SIGTERM) and wait, serving the event loop meanwhile (a
        stopping bot may still call the test's fake servers); returns each child's exit code."""
        if self.launcher.poll() is None:
            self.launcher.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(asyncio.to_thread(self.launcher.wait), timeout)
        except TimeoutError:
            self.launcher.send_signal(signal.SIGTERM)  # the second one kills what is left
            await asyncio.to_thread(self.launcher.wait, 10)
        await asyncio.to_thread(self._reader.join, 10)
        return [self.exit_codes.get(index) for index in range(self._count)]

    def errors(self) -> list[str]:
        """What each child (and the launcher) wrote to stderr."""
        paths = [*self.stderr_paths, self._launcher_errors]
        return [path.read_text(errors="replace") for path in paths if path.exists()]


# --- the launcher --------------------------------------------------------------------------------


def _run_child(entry: Callable[[list[str]], int | None], child: dict[str, Any]) -> None:
    """In a forked child: stderr to its own file, default signal handling, run the entry; never returns."""
    code = 1
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
        errors = os.open(child["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(errors, 2)
        os.close(errors)
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)  # stdout is the launcher's report channel
        os.close(quiet)
        result = entry(child["argv"])
        code = result if isinstance(result, int) else 0
    except SystemExit as stopped:
        code = stopped.code if isinstance(stopped.code, int) else (0 if stopped.code is None else 1)
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def launch() -> int:
    spec = json.loads(sys.argv[1])
    for name in spec["preload"]:
        importlib.import_module(name)
    module, _, function = spec["entry"].partition(":")
    entry = getattr(importlib.import_module(module), function)
    running: dict[int, int] = {}  # pid -> child index; a pid stays here (unreaped) until it is waited for
    stops = 0

    def pass_on(signum: int, frame: FrameType | None) -> None:
        nonlocal stops
        stops += 1
        for pid in running:
            os.kill(pid, signal.SIGTERM if stops == 1 else signal.SIGKILL)

    signal.signal(signal.SIGTERM, pass_on)
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})  # a stop while forking reaches every child
    for index, child in enumerate(spec["children"]):
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            _run_child(entry, child)
        running[pid] = index
        print(json.dumps({"started": index, "pid": pid}), flush=True)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    while running:
        pid, status = os.wait()
        index = running.pop(pid)
        print(json.dumps({"exited": index, "code": os.waitstatus_to_exitcode(status)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(launch())
