"""The container and service files: what they copy, install and run exists and is what the README says.

The image itself cannot be built here (no Docker, no network); these checks keep its steps honest:
the files it copies exist, its install is the README's (which CI runs), its commands parse with the
real command line, and its health check calls /healthz on the port the app serves it on.
"""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path

import pytest
import yaml

from adapters.cli.main import _parser

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def dockerfile() -> list[tuple[str, str]]:
    """(instruction, arguments) per Dockerfile instruction, continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", (ROOT / "Dockerfile").read_text())
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines]


def instructions(name: str) -> list[str]:
    return [args for instruction, args in dockerfile() if instruction == name]


def exec_form(args: str) -> list[str]:
    import json

    return list(json.loads(args))


def test_the_image_is_slim_and_runs_as_a_user_that_is_not_root() -> None:
    [base] = instructions("FROM")
    assert base.startswith("python:3.1") and base.endswith("-slim")
    [user] = instructions("USER")
    assert user not in ("root", "0")


def test_what_the_image_copies_exists_in_the_repository() -> None:
    copies = instructions("COPY")
    assert copies
    for args in copies:
        sources = [part for part in shlex.split(args) if not part.startswith("--")][:-1]
        for source in sources:
            assert (ROOT / source).exists(), f"COPY {source}: no such path"
    copied = {part for args in copies for part in shlex.split(args)[:-1]}
    wheel = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["hatch"]["build"]["targets"]["wheel"]
    for needed in (*wheel["packages"], *wheel["force-include"], "pyproject.toml", "README.md"):
        assert needed in copied, f"the build needs {needed}"


def test_the_install_step_is_the_readmes() -> None:
    readme = (ROOT / "README.md").read_text()
    installs = [args for args in instructions("RUN") if "pip install" in args]
    assert installs
    for install in installs:
        assert install in readme, f"the README does not give this install: {install}"


def test_the_entrypoint_and_command_are_offer_coach_commands_that_parse() -> None:
    [entrypoint] = instructions("ENTRYPOINT")
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert exec_form(entrypoint) == ["offer-coach"] and "offer-coach" in scripts
    [command] = instructions("CMD")
    assert _parser().parse_args(exec_form(command)).command == "run"


def test_the_health_check_calls_healthz_on_the_health_port_and_the_database_is_on_the_volume() -> None:
    env = dict(re.findall(r'(\w+)=("[^"]*"|\S+)', " ".join(instructions("ENV"))))
    [check] = instructions("HEALTHCHECK")
    probe = exec_form(check.split("CMD", 1)[1])
    assert probe[:2] == ["python3", "-c"] and "/healthz" in probe[2] and "OFFER_COACH_HEALTH_PORT" in probe[2]
    compile(probe[2], "HEALTHCHECK", "exec")
    assert env["OFFER_COACH_HEALTH_PORT"] in " ".join(instructions("EXPOSE")).split()
    [volume] = instructions("VOLUME")
    assert Path(env["OFFER_COACH_DB"]).parent.as_posix() in exec_form(volume)


def test_compose_runs_both_adapters_from_the_image_on_sqlite_or_postgresql() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    for profile, names in (("sqlite", ("slack", "discord")), ("postgres", ("slack-pg", "discord-pg"))):
        for name in names:
            service = services[name]
            assert service["profiles"] == [profile] and service["image"] == "offer-coach:latest"
            args = _parser().parse_args(service["command"])
            assert (args.command, args.platform) == ("run", name.removesuffix("-pg"))
            assert (DEPLOY / (service["env_file"] + ".example")).exists()
            environment = service["environment"]
            if profile == "sqlite":  # one database file, on the shared volume
                volume, target = service["volumes"][0].split(":")
                assert volume in compose["volumes"] and environment["OFFER_COACH_DB"].startswith(target + "/")
            else:
                assert environment["OFFER_COACH_DATABASE_URL"].startswith("postgresql://")
    assert _parser().parse_args(services["migrate"]["command"]).command == "db"
    build = services["slack"]["build"]
    assert (DEPLOY / build["context"] / build["dockerfile"]).resolve() == ROOT / "Dockerfile"


@pytest.mark.parametrize("unit", ["slack.service", "discord.service"])
def test_the_systemd_units_run_a_command_that_parses(unit: str) -> None:
    text = (DEPLOY / unit).read_text()
    start = re.search(r"^ExecStart=\S+/offer-coach (.+)$", text, re.M)
    assert start is not None
    args = _parser().parse_args(shlex.split(start.group(1)))
    assert (args.command, args.platform) == ("run", unit.removesuffix(".service"))
    env_file = re.search(r"^EnvironmentFile=\S+/([\w.]+)$", text, re.M)
    assert env_file is not None and (DEPLOY / (env_file.group(1) + ".example")).exists()
    assert "RestartPreventExitStatus=2" in text  # a configuration error is not retried
