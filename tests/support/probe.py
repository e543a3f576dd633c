"""What an operator's tools do, for the tests: probe /healthz and /readyz, read /metrics, watch a log.

Also runs the real ``offer-coach`` command as a child process with its stderr read line by line,
so a test can wait for a log line (the process got SIGTERM) before it lets a held reply go.
"""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.text()


async def wait_until_ready(base: str, timeout: float = 30.0) -> None:
    """Poll `base`/readyz until it answers 200 (a process that is still starting refuses or says 503)."""

    async def poll() -> None:
        while True:
            try:
                status, _ = await get(base + "/readyz")
                if status == 200:
                    return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.05)

    await asyncio.wait_for(poll(), timeout)


def metric(text: str, name: str, **labels: str) -> float:
    """One sample's value from Prometheus text (0 when the series does not exist yet)."""
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                return float(sample.value)
    return 0.0


@dataclass
class Child:
    """``offer-coach`` running as a child process; its stderr is kept line by line."""

    process: asyncio.subprocess.Process
    lines: list[str] = field(default_factory=list)
    _reader: asyncio.Task[None] | None = None
    _changed: asyncio.Condition = field(default_factory=asyncio.Condition)

    @property
    def stderr(self) -> str:
        return "".join(self.lines)

    async def _read(self) -> None:
        assert self.process.stderr is not None
        async for raw in self.process.stderr:
            async with self._changed:
                self.lines.append(raw.decode("utf-8", "replace"))
                self._changed.notify_all()

    async def wait_for_line(self, needle: str, timeout: float = 30.0) -> None:
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: needle in self.stderr), timeout)

    async def finish(self, timeout: float = 30.0) -> int:
        code = await asyncio.wait_for(self.process.wait(), timeout)
        if self._reader is not None:
            await self._reader
        return code

    def kill(self) -> None:
        if self.process.returncode is None:
            self.process.kill()


async def start_child(code: str, *args: str, env: dict[str, str], cwd: Path) -> Child:
    """`python -c code args...` from the repository's code, in `cwd`, with exactly `env` added."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "OFFER_COACH_"))}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", code, *args, cwd=cwd, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
        env={**base, "PYTHONPATH": str(ROOT), **env},
    )
    child = Child(process)
    child._reader = asyncio.create_task(child._read())
    return child
