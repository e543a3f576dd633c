"""Benchmark: the CPU of a Discord DM's send side in process, this tree against other checkouts.

Run from the repository root:

    python bench/discord_send_side.py --code /path/to/old/checkout --rounds 3

For every DM of one pass of the bench's practice conversations (the coach's real replies, recorded
once), what the adapter does around the HTTP call: render the replies, build the request's parameters
and, where the tree sends through ``Messageable.send``, parse Discord's answer into a ``Message``
(the answer's JSON decoding happens in the HTTP layer either way and is left out). A tree with
``adapters/discord/posting.py`` builds the request as that module does (components from the kept
template, no parsed answer); an older tree as ``send`` does (a view per message, the answer parsed).
Each tree runs in its own process, alternating; the median per DM of 15 passes after 3 warm ones.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import asyncio, json, os, statistics, sys, tempfile, time
from pathlib import Path
R = sys.argv[1]; sys.path.insert(0, R); sys.path.insert(0, R + "/bench")
import discord
import discord_bench as b
from discord.http import HTTPClient, handle_message_parameters
from discord.message import Message
from discord.state import ConnectionState
from discord.utils import MISSING
from adapters.discord.render import message_kwargs, render_reply
from bot.engine import Engine
from bot.service import CoachService
from bot.storage.store import Store
from tests.support.harness import shipped

new = os.path.exists(R + "/adapters/discord/posting.py")
if new:
    from adapters.discord.posting import _MadeRows
playbooks, understander = shipped()
texts = b._texts(sorted(playbooks.scenarios))
with tempfile.TemporaryDirectory() as folder:
    recorder = CoachService(Store(Path(folder) / "r.db"), Engine(playbooks, understander))
    replies = b._recorded(recorder, [next(texts) for _ in range(len(playbooks.scenarios) * 4 * len(b.CONVERSATION))])
    recorder.close()
items = list(replies.items())

async def make_state():
    return ConnectionState(dispatch=lambda *a: None, handlers={}, hooks={}, http=HTTPClient(asyncio.get_running_loop()),
                           max_messages=None, intents=discord.Intents.none(), chunk_guilds_at_startup=False)

state = asyncio.run(make_state())
BOT = {"id": "123456789012345678", "username": "bot", "discriminator": "0", "avatar": None, "bot": True}
me = discord.ClientUser(state=state, data=BOT)
NONE = discord.AllowedMentions.none()

def answer(body):
    # What Discord answers: the message as stored (its JSON is decoded in the HTTP layer in both trees).
    return {"id": "1", "channel_id": "2", "author": BOT, "content": body.get("content") or "",
            "timestamp": "2026-12-01T12:00:00+00:00", "edited_timestamp": None, "tts": False,
            "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [],
            "embeds": body.get("embeds") or [], "pinned": False, "type": 0, "flags": 0,
            "components": body.get("components") or []}

def one_pass():
    for key, replies_of in items:
        user = {"id": key[0], "username": "u", "discriminator": "0", "avatar": None}
        channel = discord.DMChannel(me=me, state=state, data={"id": "2", "type": 1, "recipients": [user],
                                                              "last_message_id": None})
        for reply in replies_of:
            for out in render_reply(reply, int(key[0])):
                if new:
                    rows = _MadeRows(out.components.rows()) if out.components is not None else None
                    with handle_message_parameters(content=out.content or None, embeds=out.embeds or MISSING,
                                                   nonce=1, allowed_mentions=NONE, view=rows,
                                                   previous_allowed_mentions=state.allowed_mentions) as params:
                        params.payload
                else:
                    kw = message_kwargs(out)
                    with handle_message_parameters(content=kw.get("content"), embeds=kw.get("embeds", MISSING),
                                                   nonce=1, allowed_mentions=kw["allowed_mentions"],
                                                   view=kw.get("view"),
                                                   previous_allowed_mentions=state.allowed_mentions) as params:
                        body = params.payload
                    Message(state=state, channel=channel, data=answer(body))

for _ in range(3):
    one_pass()
per_dm = []
for _ in range(15):
    started = time.thread_time()
    one_pass()
    per_dm.append((time.thread_time() - started) / len(items))
print(json.dumps({"tree": R, "per_dm_us": statistics.median(per_dm) * 1e6}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--code", type=Path, action="append", default=[], help="another checkout (repeatable)")
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    trees = [Path(__file__).resolve().parents[1], *arguments.code]
    results: dict[Path, list[float]] = {tree: [] for tree in trees}
    for _ in range(arguments.rounds):
        for tree in trees:
            done = subprocess.run([sys.executable, "-c", CHILD, str(tree)], capture_output=True, text=True,
                                  timeout=600)
            if done.returncode != 0:
                raise RuntimeError(done.stderr[-2000:])
            results[tree].append(json.loads(done.stdout.strip().splitlines()[-1])["per_dm_us"])
    first = statistics.median(results[trees[0]])
    print("CPU per DM around the HTTP call (render, request parameters, parsed answer), in process")
    for tree, values in results.items():
        print(f"{tree!s:<40} {statistics.median(values):7.1f} us  (runs {', '.join(f'{v:.0f}' for v in values)})"
              f"  {statistics.median(values) / first:5.2f}x this tree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
