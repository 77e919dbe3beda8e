"""/coach help: every command on one screen."""

from __future__ import annotations

from bot import commands
from bot.handlers.conference import event_line
from bot.handlers.context import Context
from bot.recap import current_conference
from bot.replies import Reply

HELP = """I help you follow up with people you meet, the way good networkers do:
write within 48 hours, one polite follow-up after a week, one last note after two weeks, then move on;
and stay in touch with people who reply.

/met <who> [at <where>] [-- <notes>] [offer: <what you can offer>] [interests: <a, b>] [#tag ...]
                           record someone you met
/review [<who>] <draft>                            I'll review a message before you send it
/coach sent <who>          you sent them a message
/coach replied <who>       they wrote back
/coach snooze <who> [1d|36h|1w|tomorrow|monday|next week]
                           remind me later (default 1 day; anything from 1h to 90 days)
/coach draft <who>         write a draft for where you stand with them (or ask what it's for)
/coach purpose <who> send|ask|thank|share|stop|undo|"in your own words"
                           what messages to them are for; stop = don't follow up (undo takes it back)
/coach moveon <who>        stop reminding me about them
/coach show <who>          everything about one contact
/coach list [stage|#tag]   your contacts (stages: new, waiting, followed_up, final, moved_on, in_touch)
/coach note <who> -- <text>
                           add a note about someone (no meeting logged)
/coach event "<name>" [until fri]  ·  /coach event end
                           at a conference: /met without "at" records it, one recap a day,
                           the 48-hour reminders spread out
/coach settings [tz <zone> | hours 9am-6pm | days mon-fri | checkins 90 | digest on|off | pause | resume
                 | deliver slack|discord | model on|off]
                           model on: drafts rewritten by your workspace's own model, if it set one up
/coach digest              this week's digest now (it also comes every Monday morning)
/coach link  ·  /coach link <code>
                           one contact book on your Slack and Discord accounts: a code here, typed
                           there, then Allow here
/coach unlink              separate this account again (asks first)
/coach merge <who> <who>   two contacts that are one person become one
/coach export              all your data (every linked account) as JSON and CSV
/coach undo <who>          take back the meeting a /met just logged on someone you'd met before
/coach forget <who>        delete a contact and its history (asks first)
/coach delete-my-data      delete everything I store about you, on every linked account (asks first)

<who> is a mention, an @handle, a "quoted name" or just the name; a first name or the start of
a name is enough when only one contact fits. Met several at once? /met @ana @ben "Chris Ode" -- notes
Example: /met @jane at PyCon -- talked about onboarding metrics offer: our survey template
         interests: rust, climbing #python
"offer:" and "interests:" are what "Draft it for me" builds on; your notes stay private to you."""


def show_help(cmd: commands.Help, ctx: Context) -> Reply:
    line = event_line(ctx.member, current_conference(ctx.session, ctx.member, ctx.now), ctx.now)
    text = HELP if line is None else f"{line} /coach event end stops it.\n\n{HELP}"
    return Reply(text, title="Connection Coach")
