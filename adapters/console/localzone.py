"""The machine's IANA timezone name, without extra dependencies."""

from __future__ import annotations

import os
from pathlib import Path

from bot.timefmt import is_zone


def machine_timezone() -> str:
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    timezone_file = Path("/etc/timezone")
    if timezone_file.is_file():
        candidates.append(timezone_file.read_text(encoding="utf-8").strip())
    for name in candidates:
        if not name:
            continue
        if is_zone(name):
            return name
    return "UTC"
