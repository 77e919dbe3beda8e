"""App Home: the member's dashboard (bot.api.Home) as a Block Kit home view."""

from __future__ import annotations

from typing import Any

from bot.api import Home, Numbers
from bot.timefmt import ago, local_time

from .notifier import chart_file_id
from .render import escape, line_sections, section

GETTING_STARTED = (
    "*Met someone?* Type `/met @jane at PyCon -- what you talked about` (or just `/met` for a form). "
    "I'll remind you to follow up inside 48 hours, in your working hours.\n"
    "*Writing to someone?* Paste the draft into `/review`, or send it to me here in Messages."
)


def home_view(home: Home, now: Any) -> dict[str, Any]:
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": "Connection Coach"}},
    ]
    if not home.known:
        blocks.append(section(GETTING_STARTED))
        return {"type": "home", "blocks": blocks}
    if home.paused:
        blocks.append(section(":double_vertical_bar: Reminders are paused — `/coach settings resume` turns them on."))
    if home.event:
        blocks.append(section(f":round_pushpin: *{escape(home.event)}* `/met` without \"at\" records it; "
                              f"`/coach event end` stops it."))
    # Each list in as many sections as its lines need (a name may escape to five times its length), every
    # line whole in one: Slack refuses a section past 3,000 characters, and with it the whole Home tab.
    blocks += [section("*Due this week*"), *line_sections(_due(home)), {"type": "divider"}]
    blocks += [section("*Recent contacts*"), *line_sections(_recent(home, now)), {"type": "divider"}]
    blocks += [section("*Your numbers*"), section(_numbers(home.numbers))]
    if home.weeks is not None:  # the Monday digest's two numbers, and its latest chart (/coach digest's)
        blocks += [{"type": "divider"}, section("*Your last 8 weeks*"), section(escape(home.weeks.summary()))]
        file_id = chart_file_id(home.digest_ref)
        if file_id is not None:
            blocks.append({"type": "image", "slack_file": {"id": file_id}, "alt_text": home.weeks.chart().alt,
                           "title": {"type": "plain_text", "text": "Your last 8 weeks"}})
        else:  # the Monday DM uploads no chart (Tier 4): the same weeks as a line of text
            blocks.append(section(escape(home.weeks.sparkline())))
    blocks.append({"type": "context", "elements": [
        {"type": "mrkdwn", "text": f"Times in {escape(home.timezone)} · `/coach list` · `/coach help`"}]})
    return {"type": "home", "blocks": blocks}


def _due(home: Home) -> list[str]:
    if not home.due:
        return ["Nothing due in the next 7 days."]
    return [f"• *{escape(item.name)}* — {item.words}, {local_time(item.due_at, home.timezone)}"
            for item in home.due]


def _recent(home: Home, now: Any) -> list[str]:
    if not home.recent:
        return ["No contacts yet. `/met` records one."]
    return [f"• *{escape(c.name)}* — {c.stage_words} (met {ago(c.met_at, now, home.timezone)})"
            for c in home.recent]


def _numbers(numbers: Numbers) -> str:
    def share(pct: int | None, part: int, whole: int) -> str:
        return "—" if pct is None else f"{pct}% ({part} of {whole})"

    return "\n".join([
        f"• Contacts: {numbers.contacts}",
        f"• Followed up within 48 h: "
        f"{share(numbers.followed_up_in_48h_pct, numbers.followed_up_in_48h, numbers.followed_up_eligible)}",
        f"• Reply rate: {share(numbers.reply_rate_pct, numbers.replied, numbers.written_to)}",
    ])
