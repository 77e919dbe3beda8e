"""Replies as Block Kit: long text in sections Slack accepts, cut at line ends."""

from __future__ import annotations

from adapters.slack.render import SECTION_LIMIT, reply_blocks
from bot.replies import Reply

SLACK_SECTION_MAX = 3000


def test_long_text_is_cut_at_line_ends_into_sections_slack_accepts() -> None:
    lines = [f"• Contact {n} & partner <ops>" for n in range(300)]
    blocks = reply_blocks(Reply("\n".join(lines), error=True))
    texts = [block["text"]["text"] for block in blocks]
    assert len(texts) > 1 and all(len(text) <= SECTION_LIMIT + len(":warning: ") < SLACK_SECTION_MAX for text in texts)
    assert texts[0].startswith(":warning: • Contact 0 &amp; partner &lt;ops&gt;")
    assert all(text.split("\n")[-1].endswith("&lt;ops&gt;") for text in texts)  # no line is split


def test_short_text_is_one_section_as_written() -> None:
    text = "Noted: you met Jane.\nTip: think of one thing to offer."
    assert reply_blocks(Reply(text)) == [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]


def test_no_escaped_entity_is_split_between_sections() -> None:
    from adapters.slack.render import SECTION_LIMIT, escaped_chunks

    text = ("a" * 2_899) + "&" * 400 + "<b>" * 300
    pieces = escaped_chunks(text)
    assert all(len(piece) <= SECTION_LIMIT for piece in pieces)
    for piece in pieces:  # every entity whole: an `&` always starts `&amp;`, `&lt;` or `&gt;`
        assert all(piece[i:].startswith(("&amp;", "&lt;", "&gt;")) for i, c in enumerate(piece) if c == "&")
    assert "".join(pieces).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">") == text
