"""Bytes that are not UTF-8 on standard input are read as U+FFFD, never end the run (issue 13, defect 4)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BAD = b"a\xff\xfe b\xc3\n"  # a stray byte, a byte-order mark cut in half, a truncated two-byte letter


def run(*args: str, stdin: bytes, encoding: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "LC_ALL": "C.UTF-8"}
    return subprocess.run([sys.executable, "-m", "adapters.cli.main", *args], input=stdin, capture_output=True,
                          timeout=120, env=env)


@pytest.mark.parametrize("encoding", ["utf-8:strict", "utf-8:surrogateescape", ""])
def test_understand_reads_every_line_and_writes_valid_utf8_json(encoding: str) -> None:
    result = run("understand", stdin=BAD + b"base 120k\n" + "café ½ more pto\n".encode(), encoding=encoding)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    lines = result.stdout.decode("utf-8").splitlines()  # strict: raises if any byte is not UTF-8
    records = [json.loads(line) for line in lines]
    assert [r["text"] for r in records] == ["a\ufffd\ufffd b\ufffd", "base 120k", "café ½ more pto"]
    assert records[1]["terms"][0]["amount"] == 120_000


@pytest.mark.parametrize("encoding", ["utf-8:strict", "utf-8:surrogateescape"])
def test_chat_answers_the_lines_after_a_bad_byte(tmp_path: Path, encoding: str) -> None:
    result = run("chat", "--db", str(tmp_path / "c.db"), "--user", "sam",
                 stdin=BAD + b"practice growth_startup\nstatus\n", encoding=encoding)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    out = result.stdout.decode("utf-8")
    assert "you> a\ufffd\ufffd b\ufffd" in out
    assert "The offer:" in out
    assert "The offer as it stands" in out
