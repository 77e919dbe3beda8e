"""What every handler receives: the open session, the member asking, and the moment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.models import Member


@dataclass(frozen=True)
class Context:
    session: Session
    member: Member
    now: datetime
