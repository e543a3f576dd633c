"""Benchmark: the store on SQLite and PostgreSQL, one process and several (issues 14 and 15).

Run from the repository root (PostgreSQL at OFFER_COACH_BENCH_POSTGRES, default the local server):

    python bench/store_bench.py turn            # one turn's store work, p50/p99, SQLite vs PostgreSQL
    python bench/store_bench.py scale           # the same turn with 1,000 vs 100,000 users stored
    python bench/store_bench.py processes       # 1/2/4 processes on one database: turns/s, CPU per turn
    python bench/store_bench.py processes --code /path/to/old/checkout   # the same on another commit
    python bench/store_bench.py copy            # `db copy` of a 100,000-user SQLite file to PostgreSQL

Each turn runs through CoachService.handle_sync with a stand-in engine that burns a fixed amount
of CPU (``--step-ms``, default 1.0 ms, about a real practice turn's engine step), so what differs
between back ends and process counts is the store and its locking. A worker process is a plain
Python process running the service against the shared database, as `offer-coach run` would.

PostgreSQL's CPU is counted two ways: the whole server's (every postgres process, background
writers included, but also whatever else uses the server meanwhile, such as other test suites),
and the workers' own backends only (each worker names its connections and reads their CPU from
/proc before and after its turns), which other users of the server cannot inflate. `processes`
ends with each round's 2/1 and 4/1 ratios of CPU per turn and their median and spread.
``--burners 3`` runs three busy loops beside the workers, which share only the cores: one worker
with three burners against four workers tells a cost of sharing the CPU from one of PostgreSQL.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PG_SERVER = os.environ.get("OFFER_COACH_BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")

WORKER = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from bot.messages import Incoming, Reply
from bot.service import CoachService
from bot.session import Outcome
target, name, go = sys.argv[2], sys.argv[3], sys.argv[7]
turns, users, step_ms = int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
connections = sys.argv[8] if len(sys.argv) > 8 else ""  # PostgreSQL: the application_name of ours

class Burning:
    def step(self, state, incoming):
        end = time.thread_time() + step_ms / 1000
        while time.thread_time() < end:
            pass
        state = state.model_copy(update={"turns": state.turns + 1})
        return Outcome(state=state, replies=[Reply(text=str(state.turns))])

try:
    from bot.storage import open_store
    store = open_store(target, application_name=connections) if connections else open_store(target)
except ImportError:  # a commit from before the store protocol: SQLite only
    from bot.storage.store import Store
    store = Store(target)
coach = CoachService(store, Burning())
import os

def backends():
    # (CPU seconds, times scheduled onto a CPU) so far, of each server process serving our connections
    if not connections:
        return {}
    with store.snapshot() as sql:
        pids = [pid for (pid,) in sql.execute("SELECT pid FROM pg_stat_activity WHERE application_name = ?",
                                               (connections,))]
    used = {}
    for pid in pids:
        try:  # schedstat: nanoseconds on a CPU, waits, times run (stat counts 10 ms ticks, too coarse)
            with open(f"/proc/{pid}/schedstat") as stat:
                ran, _waited, runs = stat.read().split()[:3]
            used[pid] = (int(ran) / 1e9, int(runs))
        except (OSError, IndexError, ValueError):
            pass
    return used

while not os.path.exists(go):
    time.sleep(0.001)
before = backends()
cpu0, t0 = time.process_time(), time.perf_counter()
worst = 0.0
troubles = 0
for i in range(turns):
    started = time.perf_counter()
    replies = coach.handle_sync(Incoming(platform="bench", user_id=f"{name}-{i % users}", conversation_id="dm",
                                         text="hi", event_id=f"{name}-{i}"))
    worst = max(worst, time.perf_counter() - started)
    troubles += "try again" in replies[0].text
wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
after = backends()  # a connection opened during the run counts from zero
backend_cpu = sum(used[0] - before.get(pid, (0.0, 0))[0] for pid, used in after.items())
backend_runs = sum(used[1] - before.get(pid, (0.0, 0))[1] for pid, used in after.items())
coach.close()
print(json.dumps({"wall": wall, "cpu": cpu, "worst": worst, "troubles": troubles, "started": t0,
                  "backend_cpu": backend_cpu, "backend_runs": backend_runs, "backends": len(after),
                  "backends_gone": len(set(before) - set(after))}))
"""


def _pg_schema() -> tuple[str, str]:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_SERVER, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")  # type: ignore[arg-type]
    from urllib.parse import quote

    return f"{PG_SERVER}?options={quote(f'-csearch_path={schema}')}", schema


def _drop_schema(schema: str) -> None:
    import psycopg

    with psycopg.connect(PG_SERVER, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")  # type: ignore[arg-type]


def _postgres_cpu() -> float:
    """CPU seconds used so far by the PostgreSQL server, exited backends included (from /proc)."""
    total = 0
    tick = os.sysconf("SC_CLK_TCK")
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)
            if "(postgres" not in fields[0]:
                continue
            values = fields[1].split()
            # utime + stime, and cutime + cstime: the postmaster keeps its exited backends' CPU there
            total += sum(int(v) for v in values[11:15])
        except (OSError, IndexError, ValueError):
            continue
    return total / tick


# --- one turn's store work ---------------------------------------------------------------------


class Idle:
    def step(self, state, incoming):  # type: ignore[no-untyped-def]
        from bot.messages import Reply
        from bot.session import Outcome

        state.turns += 1
        return Outcome(state=state, replies=[Reply(text="ok")])


def _turn_times(target: str, turns: int, users: int, prefill: int = 0) -> list[float]:
    from bot.messages import Incoming
    from bot.service import CoachService
    from bot.storage import open_store

    store = open_store(target, maintenance=False)
    if prefill:
        _prefill(store, prefill)
    coach = CoachService(store, Idle())
    times = []
    for i in range(turns + 200):
        incoming = Incoming(platform="bench", user_id=f"u{(i * 7919) % users}", conversation_id="dm", text="hi",
                            event_id=f"e{i}")
        started = time.perf_counter()
        coach.handle_sync(incoming)
        if i >= 200:  # warm: prepared statements, pool, caches
            times.append(time.perf_counter() - started)
    coach.close()
    return times


def _prefill(store, users: int) -> None:  # type: ignore[no-untyped-def]
    """`users` users with a session and 3 turns each, written in bulk."""
    from bot.session import SessionState

    state = SessionState(turns=3).model_dump_json()
    at = "2026-11-01T00:00:00.000000+00:00"
    with store.transaction():
        for start in range(0, users, 500):
            chunk = range(start, min(users, start + 500))
            store.execute("INSERT INTO users (key, platform, created_at) VALUES "
                          + ", ".join(["(?, ?, ?)"] * len(chunk)),
                          [v for n in chunk for v in (f"bench::u{n}", "bench", at)])
            store.execute("INSERT INTO sessions (user_key, scope, state, schema_version, updated_at, version) VALUES "
                          + ", ".join(["(?, ?, ?, 1, ?, 1)"] * len(chunk)),
                          [v for n in chunk for v in (f"bench::u{n}", "direct", state, at)])
            store.execute("INSERT INTO turns (user_key, scope, at, text_in, replies) VALUES "
                          + ", ".join(["(?, 'direct', ?, 'hello there', '[{\"text\": \"hi\"}]')"] * (3 * len(chunk))),
                          [v for n in chunk for _ in range(3) for v in (f"bench::u{n}", at)])
            store.execute("INSERT INTO events (event_key, at) VALUES " + ", ".join(["(?, ?)"] * len(chunk)),
                          [v for n in chunk for v in (f"old:{n}", at)])


def _summary(times: list[float]) -> str:
    ordered = sorted(times)
    p = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000  # noqa: E731
    return f"p50 {p(0.5):.3f} ms, p99 {p(0.99):.3f} ms, max {ordered[-1] * 1000:.2f} ms (n={len(times)})"


def bench_turn(args: argparse.Namespace) -> None:
    print(f"one turn's store work through CoachService (idle engine), {args.turns} turns, {args.users} users")
    with tempfile.TemporaryDirectory() as folder:
        for rnd in range(args.rounds):  # interleaved: SQLite, PostgreSQL, SQLite, ...
            times = _turn_times(f"{folder}/t{rnd}.db", args.turns, args.users)
            print(f"  round {rnd + 1} SQLite file (WAL)  : {_summary(times)}")
            url, schema = _pg_schema()
            try:
                print(f"  round {rnd + 1} PostgreSQL loopback: {_summary(_turn_times(url, args.turns, args.users))}")
            finally:
                _drop_schema(schema)


def bench_scale(args: argparse.Namespace) -> None:
    print(f"turn cost with 1,000 vs {args.big:,} users stored (each with a session and 3 turns)")
    with tempfile.TemporaryDirectory() as folder:
        for users in (1_000, args.big):
            p50s = {}
            for kind in ("sqlite", "postgres"):
                if kind == "sqlite":
                    times = _turn_times(f"{folder}/s{users}.db", args.turns, users, prefill=users)
                else:
                    url, schema = _pg_schema()
                    try:
                        times = _turn_times(url, args.turns, users, prefill=users)
                    finally:
                        _drop_schema(schema)
                p50s[kind] = statistics.median(times) * 1000
                print(f"  {users:>7,} users {kind:<8}: {_summary(times)}")


# --- several processes -------------------------------------------------------------------------


def _run_processes(code: Path, target: str, n: int, turns: int, step_ms: float, folder: Path,
                   burners: int = 0) -> dict[str, float]:
    go = folder / f"go-{uuid.uuid4().hex}"
    run = uuid.uuid4().hex[:8]
    named = [[f"oc-bench-{run}-{k}"] if target.startswith("postgresql") else [] for k in range(n)]
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(code), target, f"p{k}", str(turns), "50",
                                 str(step_ms), str(go), *named[k]], stdout=subprocess.PIPE, text=True)
               for k in range(n)]
    time.sleep(1.5)  # imports and migrations done before the clock starts
    # Busy loops that touch no database: what the CPU per turn does when only the cores are shared.
    burning = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(burners)]
    pg0 = _postgres_cpu()
    started = time.perf_counter()
    go.touch()
    try:
        results = [json.loads(worker.communicate(timeout=600)[0]) for worker in workers]
    finally:
        for burner in burning:
            burner.kill()
            burner.wait()
    wall = max(r["started"] + r["wall"] for r in results) - min(r["started"] for r in results)
    wall = max(wall, time.perf_counter() - started - 0.0) if wall <= 0 else wall
    total = n * turns
    return {"turns_per_s": total / wall, "cpu_ms_per_turn": sum(r["cpu"] for r in results) / total * 1000,
            "pg_cpu_ms_per_turn": (_postgres_cpu() - pg0) / total * 1000,
            "backend_cpu_ms_per_turn": sum(r.get("backend_cpu", 0.0) for r in results) / total * 1000,
            "backend_runs_per_turn": sum(r.get("backend_runs", 0) for r in results) / total,
            "backends_gone": sum(r.get("backends_gone", 0) for r in results),
            "worst_ms": max(r["worst"] for r in results) * 1000, "troubles": sum(r["troubles"] for r in results)}


def _count(target: str, code: Path) -> tuple[int, int]:
    out = subprocess.run([sys.executable, "-c", (
        "import sys; sys.path.insert(0, sys.argv[1]);\n"
        "try:\n from bot.storage import open_store; s = open_store(sys.argv[2], maintenance=False)\n"
        "except ImportError:\n from bot.storage.store import Store; s = Store(sys.argv[2], maintenance=False)\n"
        "print(s.count('turns'), s.count('events'))"), str(code), target], capture_output=True, text=True, check=True)
    turns, events = out.stdout.split()
    return int(turns), int(events)


def _ratios(measured: dict[tuple[int, int], dict[str, float]], counts: list[int], rounds: int) -> None:
    """Each round's CPU per turn with n processes over one process's in the same round: median (range)."""
    if 1 not in counts:
        return
    for metric, label in (("cpu_ms_per_turn", "client CPU"), ("backend_cpu_ms_per_turn", "PostgreSQL backends"),
                          ("pg_cpu_ms_per_turn", "PostgreSQL whole server")):
        parts = []
        for n in (c for c in counts if c != 1):
            ratios = [measured[(r, n)][metric] / measured[(r, 1)][metric] for r in range(rounds)
                      if measured[(r, 1)][metric] > 0]
            if ratios:
                parts.append(f"{n}/1 {statistics.median(ratios):.2f}x ({min(ratios):.2f}-{max(ratios):.2f}; "
                             + " ".join(f"{x:.2f}" for x in ratios) + ")")
        if parts:
            print(f"  {label:<25} per turn: " + ", ".join(parts))


def bench_processes(args: argparse.Namespace) -> None:
    codes = [("this", ROOT)] + ([("other", Path(args.code).resolve())] if args.code else [])
    kinds = ["sqlite"] if args.sqlite_only else ["postgres"] if args.postgres_only else ["sqlite", "postgres"]
    measured: dict[tuple[int, int], dict[str, float]] = {}  # (round, processes) -> PostgreSQL figures
    print(f"{args.turns} turns per process, engine step {args.step_ms} ms CPU, 50 users per process")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for rnd in range(args.rounds):
            for kind in kinds:
                for label, code in codes:
                    if kind == "postgres" and label == "other":
                        continue
                    for n in (args.counts if rnd % 2 == 0 else args.counts[::-1]):  # no order bias
                        if kind == "sqlite":
                            target, schema = str(folder / f"{label}-{rnd}-{n}.db"), None
                        else:
                            target, schema = _pg_schema()
                        try:
                            r = _run_processes(code, target, n, args.turns, args.step_ms, folder,
                                               burners=args.burners)
                            turns, events = _count(target, code)
                        finally:
                            if schema:
                                _drop_schema(schema)
                        lost = n * args.turns - turns - r["troubles"]
                        if kind == "postgres":
                            measured[(rnd, n)] = r
                        backends = (f" (its backends {r['backend_cpu_ms_per_turn']:.3f}, scheduled "
                                    f"{r['backend_runs_per_turn']:.1f} times a turn)" if kind == "postgres" else "")
                        print(f"  round {rnd + 1} {kind:<8} {label:<5} {n} proc: {r['turns_per_s']:7.0f} turns/s, "
                              f"client CPU {r['cpu_ms_per_turn']:.3f} ms/turn, PostgreSQL CPU "
                              f"{r['pg_cpu_ms_per_turn']:.3f}{backends} ms/turn, worst turn {r['worst_ms']:.1f} ms, "
                              f"try-again {r['troubles']}, stored {turns} turns / {events} events, lost {lost}",
                              flush=True)
    if "postgres" in kinds:
        print(f"PostgreSQL, CPU per turn against one process (median (range; each round)), load average "
              f"{os.getloadavg()[0]:.1f} at the end:")
        _ratios(measured, args.counts, args.rounds)


# --- db copy -----------------------------------------------------------------------------------


def bench_copy(args: argparse.Namespace) -> None:
    from bot.storage import open_store

    with tempfile.TemporaryDirectory() as folder:
        path = f"{folder}/big.db"
        store = open_store(path, maintenance=False)
        started = time.perf_counter()
        _prefill(store, args.big)
        store.close()
        size = Path(path).stat().st_size / 1e6
        print(f"built a {args.big:,}-user SQLite file ({size:.0f} MB) in {time.perf_counter() - started:.1f} s")
        url, schema = _pg_schema()
        try:
            started = time.perf_counter()
            command = [sys.executable, "-m", "adapters.cli.main", "db", "copy", "--from", path, "--to", url]
            done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
            print(done.stdout.replace(url, "postgresql://…"), done.stderr)
            print(f"`db copy` exit {done.returncode} in {time.perf_counter() - started:.1f} s (process start included)")
        finally:
            _drop_schema(schema)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    turn = sub.add_parser("turn")
    turn.add_argument("--turns", type=int, default=3000)
    turn.add_argument("--users", type=int, default=200)
    turn.add_argument("--rounds", type=int, default=2)
    scale = sub.add_parser("scale")
    scale.add_argument("--turns", type=int, default=2000)
    scale.add_argument("--big", type=int, default=100_000)
    procs = sub.add_parser("processes")
    procs.add_argument("--turns", type=int, default=1000)
    procs.add_argument("--counts", type=int, nargs="+", default=[1, 2, 4])
    procs.add_argument("--step-ms", type=float, default=1.0)
    procs.add_argument("--rounds", type=int, default=2)
    procs.add_argument("--code", help="another checkout to run the same workers from (SQLite only), e.g. main")
    procs.add_argument("--sqlite-only", action="store_true")
    procs.add_argument("--postgres-only", action="store_true")
    procs.add_argument("--burners", type=int, default=0,
                       help="run this many CPU busy loops beside the workers (no database work)")
    copy = sub.add_parser("copy")
    copy.add_argument("--big", type=int, default=100_000)
    args = parser.parse_args()
    {"turn": bench_turn, "scale": bench_scale, "processes": bench_processes, "copy": bench_copy}[args.what](args)


if __name__ == "__main__":
    main()
