"""The coach's own files and folders, private to its OS user (folder 0700, file 0600)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import platformdirs

APP_NAME = "connection-coach"
PRIVATE_FOLDER, PRIVATE_FILE = 0o700, 0o600


def private_folder(folder: Path) -> Path:
    """`folder` (and missing parents), the folder itself readable by its owner only."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    os.chmod(folder, PRIVATE_FOLDER)  # mkdir's mode is filtered by the umask; an old folder was 0755
    return folder


def private_file(path: Path) -> Path:
    """Create `path` empty with mode 0600 unless it exists (then its mode is the operator's choice). A
    folder that isn't there or can't be written is left for SQLite to report in its own words."""
    with contextlib.suppress(OSError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    return path


def user_data_folder() -> Path:
    """The coach's folder in the user's data directory, private (0700)."""
    return private_folder(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))
