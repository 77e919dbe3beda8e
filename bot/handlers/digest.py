"""/coach digest: this week's digest, now (the same message as Monday's)."""

from __future__ import annotations

import logging
from dataclasses import replace

from bot import commands
from bot.digest import weekly_digest
from bot.handlers.context import Context
from bot.replies import Reply

log = logging.getLogger(__name__)


def digest(cmd: commands.Digest, ctx: Context) -> Reply:
    reply = weekly_digest(ctx.session, ctx.member, ctx.now)
    if reply is None:
        return Reply("No contacts yet, so there's no digest. /met records someone you met; from then on "
                     "your digest comes every Monday morning.")
    if reply.chart is not None:
        try:
            reply.chart.png()  # drawn here, in the worker thread: the adapter then finds the PNG cached
        except Exception:  # no chart (say, a Pillow built without FreeType): the words still help
            log.exception("drawing the digest chart failed")
            return replace(reply, chart=None)
    return reply
