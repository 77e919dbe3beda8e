"""What every handler receives: the open session, the member asking, and the moment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from bot.commands import Who
from bot.models import Contact, Member
from bot.store.repository import find_contact

if TYPE_CHECKING:
    from bot.modeldraft import ModelDrafts


@dataclass(frozen=True)
class Context:
    session: Session
    member: Member
    now: datetime
    account: Member | None = None  # the asker's own account row, when it is linked to `member` (else None)
    models: ModelDrafts | None = None  # the operator's model for drafts, if one is configured (bot/modeldraft.py)

    def contact(self, who: Who) -> Contact:
        """The member's contact `who` names (ContactNotFound / AmbiguousContact otherwise)."""
        return find_contact(self.session, self.member, who.name, who.user_id)
