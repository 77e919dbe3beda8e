"""The platform registry: every chat platform the coach serves, one line each in REGISTRY.

A platform is a folder under adapters/ whose `platform` module holds `PLATFORM = Platform(...)`: its name,
its settings class (its own environment variables, checked with one-line messages), whether it is
configured, the runtime service `coach run` starts for it, and the checks `coach doctor` makes. Adding a
platform is that folder plus one line below (and adapters/entrypoints/<name>_cli.py if it has its own
`coach <name>`); `coach`, `coach run`, `coach doctor`, the log redaction and the settings checks ask this
module and name no platform themselves.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from bot.config import ConfigError, EnvSettings, Settings

if TYPE_CHECKING:
    from scheduler.runtime import Runtime, Service

REGISTRY: tuple[str, ...] = (
    "adapters.slack.platform",
    "adapters.discord.platform",
)
RUN = "run"  # the mode that checks every configured platform


class PlatformSettings(Protocol):
    """What the registry needs from a platform's settings class (an EnvSettings subclass)."""

    @property
    def configured(self) -> bool: ...

    def require(self, mode: str | None = None) -> None: ...

    def secrets(self) -> list[str]: ...


S = TypeVar("S", bound=EnvSettings)
E = TypeVar("E", bound=EnvSettings)


@dataclass(frozen=True)
class Check:
    """One line of `coach doctor`: a topic, ok / problem / skipped, and what to do in plain words."""

    topic: str
    status: str  # "ok", "problem", "skipped"
    words: str

    def line(self) -> str:
        mark = {"ok": "ok     ", "problem": "PROBLEM", "skipped": "-      "}[self.status]
        return f"{mark} {self.topic}: {self.words}"


@dataclass(frozen=True)
class Platform(Generic[S]):
    """A chat platform as the entry points see it."""

    name: str  # as stored with members and carried by Actor ("slack")
    title: str  # as people read it ("Slack")
    settings: type[S]  # its variables; an instance has `configured` and `require(mode)` (PlatformSettings)
    switch: str  # the variable that turns it on, named when no platform is configured
    modes: tuple[str, ...]  # the `config_or_exit(mode)` modes that check only this platform
    service: Callable[[Runtime, S, int], Service]  # for `coach run` (the int: its --port)
    checks: Callable[[S], list[Check]]  # for `coach doctor`: what it can check without changing anything
    command: str | None = None  # the help of its own `coach <name>` (adapters/entrypoints/<name>_cli.py)


@cache
def platforms() -> tuple[Platform[Any], ...]:
    """Every registered platform, in REGISTRY order (imported on first use)."""
    return tuple(importlib.import_module(path).PLATFORM for path in REGISTRY)


def platform(name: str) -> Platform[Any]:
    for entry in platforms():
        if entry.name == name:
            return entry
    raise KeyError(name)


@dataclass(frozen=True)
class Config:
    """The core's settings and every registered platform's, read together from one environment."""

    core: Settings
    platforms: Mapping[str, Any]  # platform name → its settings (an instance of Platform.settings)

    def of(self, name: str) -> Any:
        return self.platforms[name]

    def configured(self) -> list[tuple[Platform[Any], Any]]:
        """The platforms whose settings turn them on, with those settings, in REGISTRY order."""
        return [(entry, self.platforms[entry.name]) for entry in platforms()
                if self.platforms[entry.name].configured]


def load_config(values: Mapping[str, object] | None = None, **options: Any) -> Config:
    """Read the core's and every platform's settings; ConfigError (a line each) for every bad variable.

    `values` (by variable or field name) win over the environment, each going to the class that reads it;
    `options` go to every class (`_env_file=None` reads no .env). The platforms' secrets are added to the
    core's, so `config.core.secrets()` redacts every token."""
    values = dict(values or {})

    def own(cls: type[EnvSettings]) -> dict[str, object]:
        names = set(cls.variables()) | set(cls.model_fields)
        return {key: value for key, value in values.items() if key in names}

    problems: list[str] = []

    def load(cls: type[E]) -> E | None:
        try:
            return cls.load(**own(cls), **options)
        except ConfigError as problem:
            problems.extend(problem.lines())
            return None

    core = load(Settings)
    loaded = {entry.name: load(entry.settings) for entry in platforms()}
    if problems or core is None:
        raise ConfigError.of(problems)
    for settings in loaded.values():
        core.add_secrets(settings.secrets())
    return Config(core, loaded)


def require_for(config: Config, mode: str) -> None:
    """Raise ConfigError for the first setting `mode` needs and lacks: `run` checks every configured
    platform (and that there is one); a platform's own mode (slack-http, discord, …) checks that one."""
    if mode == RUN:
        configured = config.configured()
        if not configured:
            switches = " or ".join(entry.switch for entry in platforms())
            raise ConfigError(f"no platform is configured — set {switches} (see .env.example), "
                              "or try `coach console`")
        for _entry, settings in configured:
            settings.require(None)
        return
    for entry in platforms():
        if mode in entry.modes:
            config.of(entry.name).require(mode)
            return
    raise ValueError(f"unknown mode {mode!r}")


def variables() -> dict[str, str]:
    """Environment variable → field, for every variable the app reads (the core's, then each platform's)."""
    found = Settings.variables()
    for entry in platforms():
        found |= entry.settings.variables()
    return found


def where() -> dict[str, str]:
    """Environment variable → where to get it, for every variable the app reads."""
    found = dict(Settings.WHERE)
    for entry in platforms():
        found |= entry.settings.WHERE
    return found
