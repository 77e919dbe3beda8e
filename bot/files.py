"""The coach's own files and folders, private to its OS user (folder 0700, file 0600): where they live is
decided with the store (bot/store/engine.py), this is the name adapters and entry points use."""

from __future__ import annotations

from bot.store.engine import (
    APP_NAME,
    PRIVATE_FILE,
    PRIVATE_FOLDER,
    files_folder,
    private_file,
    private_folder,
    user_data_folder,
)

__all__ = ["APP_NAME", "PRIVATE_FILE", "PRIVATE_FOLDER", "files_folder", "private_file", "private_folder",
           "user_data_folder"]
