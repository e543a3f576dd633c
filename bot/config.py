"""Configuration read from the environment (and an optional `.env`), with sensible defaults.

Only what the core needs lives here; each adapter reads its own variables in its own module.

The settings are read as pydantic-settings reads them (``OFFER_COACH_<FIELD>`` in any case; given
values first, then the environment, then ``.env`` in the working folder, then the defaults), but by
a plain pydantic model: pydantic-settings imports asyncio and its own sources at import, about a
fifth of what `offer-coach chat` spends before its first reply (issue 14), for five plain fields.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

ENV_PREFIX = "OFFER_COACH_"
ENV_FILE = ".env"


def default_db_path() -> Path:
    import platformdirs  # here: only needed when no database is given

    return Path(platformdirs.user_data_dir("offer-coach")) / "offer-coach.db"


def environment_values(fields: dict[str, Any], *, prefix: str = ENV_PREFIX, env_file: str = ENV_FILE) -> dict[str, str]:
    """The values the environment gives for `fields`: ``PREFIX_FIELD`` in any letter case, a variable
    set in the process over one in `env_file` (read only when it exists)."""
    wanted = {f"{prefix}{name}".lower(): name for name in fields}
    found: dict[str, str] = {}
    if os.path.isfile(env_file):
        from dotenv import dotenv_values  # only with a .env file: most starts have none

        for key, value in dotenv_values(env_file, encoding="utf-8").items():
            if value is not None and key.lower() in wanted:
                found[wanted[key.lower()]] = value
    for key, value in os.environ.items():
        if key.lower() in wanted:
            found[wanted[key.lower()]] = value
    return found


class CoreSettings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    db: Path = Field(default_factory=default_db_path)
    # A postgresql:// URL puts everything on PostgreSQL (several processes or hosts); unset or a
    # plain path means the SQLite file (`db`, or this path). See docs/scaling.md.
    database_url: str | None = None
    playbooks: Path | None = None  # an extra playbook folder, merged over the shipped ones
    max_message_chars: int = Field(default=4000, ge=100, le=100_000)
    # Days after which the words of finished transcripts are dropped (scores and counts stay); unset keeps them.
    retention_days: int | None = Field(default=None, ge=1)

    @model_validator(mode="before")
    @classmethod
    def _from_environment(cls, given: Any) -> Any:
        """Values passed in win; the environment fills in the rest."""
        if not isinstance(given, dict):
            return given
        return {**environment_values(cls.model_fields), **given}

    @property
    def store_target(self) -> str:
        """Where the store lives: the database URL when one is set, else the SQLite file."""
        return self.database_url or str(self.db)
