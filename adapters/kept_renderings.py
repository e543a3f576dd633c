"""Renderings of short texts kept for reuse, for the Slack and Discord renderers alike.

Most of what the coach sends comes again and again — a scenario's briefing, card labels and values,
menus, fixed lines — and the same text always renders the same, so a text up to KEPT_TEXT_CHARS is
rendered once and the result kept (KEPT_TEXTS of them, a few MB at most). Longer texts, debriefs and
transcripts, seldom repeat and are rendered each time. Benchmarks that replay the same conversations
are flattered a little by this; rendering was about 2 % of a turn's CPU.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Concatenate, ParamSpec, TypeVar, cast

KEPT_TEXTS = 1024
KEPT_TEXT_CHARS = 1500

P = ParamSpec("P")
T = TypeVar("T")


def kept_when_short(render: Callable[Concatenate[str, P], T]) -> Callable[Concatenate[str, P], T]:
    """``render``, answering a short text it has rendered before from what it kept (results must be immutable)."""
    # lru_cache keeps the signature (every argument must be hashable, as a text and a limit are)
    kept = cast(Callable[Concatenate[str, P], T], lru_cache(maxsize=KEPT_TEXTS)(render))

    @wraps(render)
    def render_or_reuse(text: str, *args: P.args, **kwargs: P.kwargs) -> T:
        if len(text) <= KEPT_TEXT_CHARS:
            return kept(text, *args, **kwargs)
        return render(text, *args, **kwargs)

    return render_or_reuse
