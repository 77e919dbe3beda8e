"""The stages of the follow-up ladder: words members type (`/coach list waiting`) and adapters show, so
they belong to the vocabulary (bot.commands re-exports Stage); the store keeps them by value on each
contact (bot/models.py). Pure: no ORM, nothing above it."""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    """Where a contact stands in the follow-up ladder, as members type it (`/coach list waiting`); derived from
    its events (bot/rules.py) and stored by value on the contact (bot/models.py)."""

    NEW = "new"  # met, nothing sent yet
    WAITING = "waiting"  # first message sent, no reply
    FOLLOWED_UP = "followed_up"  # second message sent, no reply
    FINAL = "final"  # last polite message sent, no reply
    MOVED_ON = "moved_on"
    IN_TOUCH = "in_touch"  # they replied
