"""An export file over what Discord lets a bot upload is left out, and the member is told the limit."""

from __future__ import annotations

from adapters.discord.render import FILE_LIMIT, file_limit_note, files_for
from bot.replies import Attachment, Reply


def test_a_file_over_discords_limit_is_left_out_and_the_member_told() -> None:
    big = Attachment("coach-export.json", "x" * (FILE_LIMIT + 1), "application/json")
    small = Attachment("coach-contacts.csv", "name\nJane\n", "text/csv")
    reply = Reply("Here is everything I store about you: 1 contact, as JSON and CSV.", attachments=(big, small))
    assert [f.filename for f in files_for(reply)] == ["coach-contacts.csv"]
    note = file_limit_note(reply)
    assert note is not None and "coach-export.json is 10.0 MB" in note and "10 MB Discord allows" in note
    assert file_limit_note(Reply("ok", attachments=(small,))) is None
