"""The platform-neutral answer of every use case: text plus actions, rendered by each adapter."""

from __future__ import annotations

import contextlib
import re
import weakref
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from bot.chart import Chart

if TYPE_CHECKING:
    from bot.modeldraft import ModelJob


class Verb(StrEnum):
    """What a nudge button does. Also the middle part of its action id."""

    SENT = "sent"
    REPLIED = "replied"
    SNOOZE = "snooze"
    DRAFT = "draft"
    MOVE_ON = "moveon"
    DELETE_ME = "deleteme"  # confirms /coach delete-my-data; its id is the member's, not a nudge's
    FORGET = "forget"  # confirms /coach forget <who>; its id is the contact's
    NOTE = "note"  # a recap's *Add a note*: opens the add-details form where there is one; its id is the contact's
    ALLOW = "allow"  # a link request's *Allow* (`/coach link`): its id is the link code's
    DENY = "deny"  # a link request's *Deny*: its id is the link code's
    UNLINK = "unlink"  # confirms /coach unlink: its id is the account's (member row) that leaves
    UNDO_MET = "unmet"  # takes back another meeting logged on a contact: its id is that meeting's MET event's
    # Answers to "What's this message for?" (bot/review/drafts.py: Question); their id is the contact's.
    FOR_SEND = "for-send"
    FOR_ASK = "for-ask"
    FOR_THANK = "for-thank"
    FOR_SHARE = "for-share"
    FOR_STOP = "for-stop"  # don't follow up: stops the ladder for that contact
    FOR_UNDO = "for-undo"  # takes "don't follow up" back
    FOR_ANYWAY = "for-anyway"  # a draft after all, where the coach advised letting it rest


# The purpose each answer button records (bot.commands.PURPOSE_CHOICES, and "undo").
PURPOSE_VERBS: dict[Verb, str] = {Verb.FOR_SEND: "send", Verb.FOR_ASK: "ask", Verb.FOR_THANK: "thank",
                                  Verb.FOR_SHARE: "share", Verb.FOR_STOP: "stop", Verb.FOR_UNDO: "undo",
                                  Verb.FOR_ANYWAY: "anyway"}


ACTION_PREFIX = "coach"
VERB_PATTERN = "|".join(re.escape(v.value) for v in Verb)
# The one pattern of a button's id, for every platform (Bolt's action matcher, discord.py's DynamicItem).
ACTION_ID_PATTERN = rf"^{ACTION_PREFIX}:(?P<verb>{VERB_PATTERN}):(?P<nudge_id>\d{{1,18}})$"
_ACTION_ID = re.compile(ACTION_ID_PATTERN)


class Action(NamedTuple):
    """A button: `action_id` for platforms with buttons, `command` for people who type. (A plain tuple:
    every nudge carries several, and the dispatcher composes thousands a batch.)"""

    label: str
    verb: Verb
    nudge_id: int
    command: str

    @property
    def action_id(self) -> str:
        return format_action_id(self.verb, self.nudge_id)


@dataclass(frozen=True)
class Attachment:
    """A file for the member. `data` is its text, or the private temporary file it was written to (an
    export, written a page at a time so a big member's files never sit in memory whole): send it from
    `path`, read `content` only where the whole text is needed (a terminal), and `discard()` it once sent.
    A file nobody discarded is deleted when the attachment is garbage collected."""

    filename: str
    data: str | Path
    mime_type: str

    def __post_init__(self) -> None:
        if isinstance(self.data, Path):
            weakref.finalize(self, _unlink, self.data)

    @property
    def path(self) -> Path | None:
        return self.data if isinstance(self.data, Path) else None

    @property
    def content(self) -> str:
        return self.data.read_text(encoding="utf-8") if isinstance(self.data, Path) else self.data

    @property
    def size(self) -> int:
        """Its length in bytes (UTF-8)."""
        return self.data.stat().st_size if isinstance(self.data, Path) else len(self.data.encode("utf-8"))

    def discard(self) -> None:
        """Delete its temporary file (and the private folder it leaves empty) now."""
        if isinstance(self.data, Path):
            _unlink(self.data)


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        path.parent.rmdir()  # only when empty: the export's own folder, once its last file is gone


@dataclass(frozen=True)
class Reply:
    """`sections`: a digest's parts (one per contact, each with its own title, text and buttons), for
    platforms that can put each contact's buttons under its text; `text` and `actions` hold them all too."""

    text: str
    actions: tuple[Action, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    error: bool = False
    title: str | None = None
    sections: tuple[Reply, ...] = ()
    chart: Chart | None = None  # a picture to send with the text (the weekly digest's PNG, with alt text)
    # A draft the member's model is still to write (bot/modeldraft.py): the text holds the built-in draft
    # until bot.api finishes it, after the unit of work. Adapters never see it set unless they ask to.
    model: ModelJob | None = None


@dataclass(frozen=True)
class ParsedAction:
    verb: Verb
    nudge_id: int


def format_action_id(verb: Verb, nudge_id: int) -> str:
    return f"{ACTION_PREFIX}:{verb.value}:{nudge_id}"


def parse_action_id(action_id: str) -> ParsedAction | None:
    """`coach:sent:42` → ParsedAction; anything else (forged, truncated, foreign) → None.

    For Verb.DELETE_ME (`coach:deleteme:<member id>`) and Verb.UNLINK `nudge_id` holds the member id; for
    Verb.FORGET (`coach:forget:<contact id>`), Verb.NOTE (`coach:note:<contact id>`) and the answers in
    PURPOSE_VERBS (`coach:for-thank:<contact id>`) the contact id; for Verb.ALLOW and Verb.DENY the link
    code's id.
    """
    match = _ACTION_ID.match(action_id or "")
    if not match:
        return None
    return ParsedAction(Verb(match["verb"]), int(match["nudge_id"]))


def error(text: str) -> Reply:
    return Reply(text=text, error=True)


def chunks(text: str, size: int, limit: int | None = None) -> list[str]:
    """`text` (its first `limit` characters, when given) in pieces of at most `size` characters, for platforms
    that cap a block or an embed. A piece ends at its last line break when that falls in its second half (the
    line breaks around a cut are dropped), else mid-line at `size`; so each piece uses up more than half of
    `size`. Text that fits is one piece, unchanged; empty text is one empty piece."""
    if size < 1:
        raise ValueError("a piece holds at least one character")
    rest = text if limit is None else text[:limit]
    pieces: list[str] = []
    while len(rest) > size:
        cut = rest.rfind("\n", 0, size + 1)
        cut = cut if cut > size // 2 else size
        if piece := rest[:cut].rstrip("\n"):
            pieces.append(piece)
        rest = rest[cut:].lstrip("\n")
    return [*pieces, rest] if rest or not pieces else pieces


# After a click, the buttons of that nudge that still make sense (a reply can come days after "I sent it").
KEPT_AFTER: dict[Verb, tuple[Verb, ...]] = {
    Verb.SENT: (Verb.REPLIED,),
    Verb.SNOOZE: (Verb.SENT, Verb.REPLIED, Verb.DRAFT, Verb.MOVE_ON),
    Verb.MOVE_ON: (Verb.REPLIED,),
    Verb.DRAFT: (Verb.SENT, Verb.REPLIED, Verb.SNOOZE, Verb.DRAFT, Verb.MOVE_ON),
}


def kept_after(verb: Verb) -> tuple[Verb, ...]:
    """The verbs whose buttons stay usable on a nudge after `verb` was recorded from it."""
    return KEPT_AFTER.get(verb, ())
