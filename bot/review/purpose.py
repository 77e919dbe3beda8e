"""What a message to a contact is for, read from the member's notes.

Notes are terse and written for the member alone: "promised to send our rollout runbook", "said she'd intro
me to her phd student", "wants deck + unit economics", "coffee next wk?", "ruled out, dont chase". A draft
worth sending does one of a few things, and this module finds which, and with what:

- **deliver** what the member promised, or what the contact asked the member for ("Here's the deck");
- **take up** what the contact offered or promised the member ("I'd love that paper on diary studies");
- **propose** the next step either of them suggested ("Shall we get that coffee next week?");
- **ask** what the member noted to ask, when an ask is right ("Would it be OK to send two students your way?");
- **thank** them for something specific ("your help with the lifetimes error");
- or **not follow up** at all ("declined", "ruled out", "they'll get in touch", "said no for now").

Each thing found is a short phrase already turned to the second person, or nothing: a clause this module
cannot phrase well is left out, never pasted. Judgements, private life and to-dos that are not asks stay
private (bot/review/notes.py decides what is private).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from bot.review import pattern_cache as rx
from bot.review.deal import CURRENCY, Deal, read_deal
from bot.review.notes import JUDGEMENTS, PRIVATE, WORK_SENSE, clauses, contact_names, family_request_kept, read_notes
from bot.review.phrases import TIME_WORDS

_I = re.IGNORECASE


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string."""
    return frozenset(text.split())

MAX_WORDS = 8  # a phrase taken from the notes: long enough for "the security whitepaper and the DPIA"

# The member's own answer to "What's this message for?", stored with the contact.
CHOICES: dict[str, str] = {
    "send": "Send what you promised",
    "ask": "Ask them something",
    "thank": "Thank them",
    "share": "Share something",
    "stop": "Don't follow up",
}


@dataclass(frozen=True)
class Reading:
    """What the notes say a message is for. Every phrase is second person, ready for a sentence."""

    deliver: tuple[str, ...] = ()  # noun phrases the member sends now: "the rollout runbook"
    deliver_do: tuple[str, ...] = ()  # things the member said they would do: "try your app"
    intro_to: str | None = None  # the member promised an introduction to this person
    answer: str | None = None  # a question of theirs to answer: "how we do canary rollouts"
    interest: str | None = None  # something of the member's they're interested in: "our labelling tool"
    accept: str | None = None  # an invitation the member accepts: "speak next year"
    their_offer: tuple[str, ...] = ()  # what they offered or promised the member: "your spare NUC"
    their_next: str | None = None  # what they said they will do next: "loop in your IG team"
    next_step: str | None = None  # a step either proposed: "coffee next week", "the demo on Thursday"
    ask: str | None = None  # what the member meant to ask, as a question: "how do you test?"
    thanks: str | None = None  # what to thank them for: "your help with the lifetimes error"
    topic: str | None = None  # what they talked about: "federated learning"
    topic_owned: bool = False  # the topic is theirs ("your talk on signals")
    activity: str | None = None  # what they are doing: "moving to Berlin"
    stop: str | None = None  # the note's words that say not to follow up
    wait: str | None = None  # the note's words that say to wait for them
    expect: str | None = None  # something they will send the member later: "the quote"
    later: tuple[str, ...] = ()  # what the member will send later, with when: "the v2 next week"
    later_asked: bool = False  # what is sent later was asked for, never promised: no "as promised"
    only_asked: bool = False  # everything delivered was asked for by them, none of it promised by the member
    only_sent: bool = False  # everything delivered is only noted as sent ("sent her the deck"): no "as promised"
    explore: str | None = None  # something to explore together: "partnering on the Korea market entry"
    need: str | None = None  # something they need that isn't a document to attach: "a venue for February"
    checking: str | None = None  # something asked of the member that the notes hedge: "the EU distribution intro"
    thinking: bool = False  # the hedge is the member's own decision ("i'll think about it", "said maybe")
    decline: str | None = None  # what they asked the member to do and the notes say no to: "help on the trip"
    expect_due: str | None = None  # when what they owe the member is needed by, from the notes: "by Tuesday"
    expect_overdue: bool = False  # it hasn't come though it was due ("'will send tonight' … nothing since")
    write_again: str | None = None  # when the member means to write again, from a hold: "after Easter", "in April"
    congrats: str | None = None  # their news to congratulate them on: "the new baby and the promotion to director"
    ask_around: str | None = None  # whom the member said they'd ask for them, and what: "my old tutor whether she'd …"
    suggest: str | None = None  # something one of them suggested doing together: "start a reading group"
    not_hiring: bool = False  # they asked whether the member's team is hiring; the notes say it isn't
    answer_given: str | None = None  # "yes", "no", "value" or "private" ("NDA, can't say much"): the notes answer it
    feedback_by: str | None = None  # when the member promised feedback on something of theirs: "by Wednesday"
    invited: bool = False  # ``accept`` is an invitation of theirs ("invited me to lecture to your cohort")
    known: bool = False  # they knew each other before (a former manager, an old colleague): no "nice to meet you"
    periodic: bool = False  # the notes say to keep in touch now and then, not to chase
    shared: tuple[str, ...] = field(default=())
    first_check: str | None = None  # a check the member means to make before writing: "ask kavya first!!"
    withdrawn: str | None = None  # promised, but the notes say it can't be given after all: "the Q3 sheet"
    withdrawn_asked: bool = False  # what can't be given was their request, never the member's promise
    withdrawn_for_now: bool = False  # it can't be given yet: "can't share till the paper is accepted"
    answer_value: str | None = None  # the figure that answers their question: "about £1.2k per unit at 100 units"
    invited_to: str | None = None  # what they want the member to do: "give a talk to your class"
    offer_later: bool = False  # their offer needs something of the member's that isn't ready yet ("once X signs off")
    late: bool = False  # the member promised it by a day that has passed ("send 3 comments by wed. its thurs")
    their_news: str | None = None  # what they said they'd find out and let the member know: "the ballot date"
    give_back: str | None = None  # something of theirs the member returns: "your dish"
    give_back_by: str | None = None  # when the notes say it goes back, as a message says it: "by Sunday"
    paying_back: bool = False  # money the member owes was lent or paid for them ("she paid for the cab"), not a bill
    pay_how: str | None = None  # how the member pays what they owe, when the notes say: "your Venmo" (still to ask
    # for: "venmo?", "need his bank details"), "cash at pickup" ("cash only! pick up next sun"), "cash"
    booked: str | None = None  # a meeting already fixed, with when: "our call on Tuesday at 3pm"
    thanks_only: bool = False  # the notes say the message only thanks them this time ("just thanks for now")
    apology: str | None = None  # what the member is sorry for, said by them: "I snapped at you in the retro";
    # "" when the notes say to apologise but not what for
    need_reply: str | None = None  # the member's answer to ``need``, said then: "count me in", "I'll drive three"
    their_offer_to: str | None = None  # what they offered to do, any verb (`gist`): "take a look at our gutters"
    my_offer_to: str | None = None  # what the member offered to do, any verb (`gist`): "do the raffle printing"
    wrote_first: str | None = None  # the notes' words saying the first message went already: "sent thx 7d ago"
    deal: Deal | None = None  # a sale between them (`deal`): "selling his Prusa, wants 250. I said 200"
    tell: str | None = None  # what the notes say to tell them, said to them: "I'm out, so you're not waiting on me"

    @property
    def has_point(self) -> bool:
        """Whether the notes give a message something to do beyond saying hello."""
        return bool(self.deliver or self.deliver_do or self.intro_to or self.answer or self.interest
                    or self.accept or self.their_offer or self.next_step or self.ask or self.thanks
                    or self.explore or self.later or self.need or self.checking or self.suggest or self.withdrawn
                    or self.their_offer_to or self.my_offer_to or self.ask_around or self.congrats
                    or self.apology is not None or self.their_news or self.booked or self.give_back or self.decline
                    or self.deal is not None or self.tell)

    @property
    def pending(self) -> bool:
        """Whether a one-week follow-up has something to follow up on (an ask, an offer, a next step)."""
        return bool(self.deliver or self.deliver_do or self.intro_to or self.interest or self.their_offer
                    or self.next_step or self.ask or self.accept or self.answer or self.explore or self.need
                    or self.checking or self.suggest or self.their_offer_to or self.ask_around or self.their_news
                    or (self.my_offer_to and self.pay_how != "cash at pickup")  # cash is brought, not chased
                    or (self.deal is not None and not self.deal.agreed)  # a figure they're still weighing
                    or self.tell_asks)

    @property
    def tell_asks(self) -> bool:
        """Whether what the notes say to tell them asks something of them ("tell him we need the invoice split")."""
        return bool(self.tell and re.match(r"(?:we|I) need\b", self.tell))


# --- splitting ----------------------------------------------------------------------------------------

_ARROW = rx.compile(r"\s*(?:->|=>|→)\s*|\s+-\s+|\?\s+|!+\s*")
_WHO_PREFIX = rx.compile(r"^(?:me|i)\s*:\s*", _I)
_THEM_PREFIX = rx.compile(r"^(?:her|him|them|he|she|they)\s*:\s*", _I)
_SOFT = rx.compile(r"^(?:and|but|also|so|then|plus)\s+", _I)


_TYPOS = {"promsied": "promised", "promissed": "promised", "promied": "promised", "prmised": "promised",
          "wnats": "wants", "wnat": "want", "wantd": "wanted", "asekd": "asked", "aksed": "asked", "askd": "asked",
          "sned": "send", "snd": "send", "offerd": "offered", "ofered": "offered", "reccomended": "recommended",
          "recomended": "recommended", "intorduce": "introduce", "introdcue": "introduce", "tommorow": "tomorrow",
          "tomorow": "tomorrow", "wiht": "with", "teh": "the", "adn": "and", "nad": "and", "shoud": "should",
          "reivew": "review", "reveiw": "review", "feedbak": "feedback", "intrested": "interested",
          "interstd": "interested", "intersted": "interested", "cofee": "coffee", "coffe": "coffee",
          "hed": "he'd", "theyd": "they'd"}
_TYPO = rx.compile(r"\b(?:" + "|".join(_TYPOS) + r")\b", _I)


_RUN_ON = rx.compile(r"\s+(?=(?:I|i|she|he|they|we|She|He|They|We)\s+(?:said|asked|promised|told|offered|want|wants|"
                     r"mentioned|will|'ll|need|needs)\b)|\s+(?=also\s+(?:she|he|they)\b)")


# Their words telling the member to send something: "said send me your portfolio", "-> 'email me w a 1-page
# proposal'". Read as "asked for my portfolio"; a condition after it ("when you have Q3 numbers") is left as it was.
_THEY_SAID_SEND = rx.compile(
    r"(?:(?<!\bi )(?<!\bwe )\b(?:said|says|told me)\s+(?:to\s+)?['‘\"“]?|['‘\"“])(?:just\s+)?"
    r"(?:send|email|dm|forward|share|drop)\s+"
    r"(?:it\s+)?(?:me|him|her|them)\s+(?:w/?\s+|with\s+)?(?P<x>(?:your|ur|a|an|the|some)\s+"
    r"(?!(?:couple of |few )?(?:note|message|msg|email|text|line|dm|times?|dates?|slots?|availability|reminder)s?\b)"
    r"(?:(?!\b(?:when|once|after|if|till|until|before|b4)\b)[^.,;\n'’\"”]){2,40}?)"
    r"['’\"”]?(?=\s*(?:[.,;\n!/]|->|→|$))", re.IGNORECASE)


def _asked_for(m: re.Match[str]) -> str:
    return "asked for " + re.sub(r"^(?:your|ur)\b", "my", m["x"], flags=re.IGNORECASE)


@lru_cache(maxsize=256)  # read_purpose and three readers in gist.py each walk the same notes' clauses, per attempt
def _clauses(notes: str) -> tuple[str, ...]:
    """The notes as clauses, split further at arrows and dashes ("asked x -> i said y"); common misspellings
    of the words this module looks for are read as meant ("promsied", "wnats", "asekd")."""
    notes = re.sub(r"\s*\n\s*", "\n", re.sub(r"[^\S\n]+", " ", notes[:4000]))  # runs of space: one, never backtracked
    notes = _TYPO.sub(lambda m: _TYPOS[m[0].lower()], notes)
    notes = re.sub(r"(^|[.;\n]\s*|\b(?:she|he|they)\s+)asks(?= (?:if|whether)\b"
                   r"(?![^.;\n]*\b(?:every time|always|a lot|all the time)\b))", r"\1asked",
                   notes, flags=_I)  # "asks if our scanner handles…": a question put, as "asked if" is
    notes = re.sub(r"\bthere(?= (?:api|app|team|product|platform|data|system|website|site|company|office|ceo|cto)\b)",
                   "their", notes, flags=_I)  # "integrate there API"
    notes = re.sub(r"(?<=[^\W\d_])(?:->|→)(?=[^\W\d_])", " to ", notes)  # "uk->ghana": a route, not a step
    # "her take on analyst -> ML eng switch": a change from one thing to another, unless a new step starts after it
    notes = re.sub(r"(?<=[^\W\d_])[^\S\n]+(?:->|→)\s+(?=(?:[\w-]+\s+){0,2}(?:switch|move|transition|pivot|"
                   r"change|migration|path)\b\s*(?:[.,;:!?)\n]|$))", " to ", notes)
    notes = re.sub(r"\b(\d+|two|three|four|six|twelve)\s+(mo|mos|cos)\b",  # "3 mo cohorts", "2 cos in Kumasi"
                   lambda m: f"{m[1]} {'companies' if m[2].lower() == 'cos' else 'month'}", notes, flags=_I)
    notes = re.sub(r"\s*\([^()]*\?\?[^()]*\)", "", notes)  # "(name?? ask him)": a reminder to self
    # "intro to Tobi??" on its own: an idea the member hasn't settled, never a promise to the contact
    notes = re.sub(r"(?:^|(?<=[.;\n]))\s*(?:maybe\s+)?(?:an?\s+)?intro(?:duce)?\s+(?:(?:her|him|them)\s+)?to\s+"
                   r"[^.?\n]{1,30}\?\?+(?!\s*(?:ask|offer|check)\b)"
                   r"(?![^.\n]{0,40}\b(?:yes|promis\w*|asked|keen|please|pls|wants?|said)\b)", "", notes, flags=_I)
    notes = re.sub(r"\s*\((?:age\s*)?\d{1,2}\s*(?:yo|y/o|yrs?|years?)?\)", "", notes, flags=_I)  # "Aruzhan (8)"
    notes = re.sub(r"\bthe [\w -]{2,30}? \(([A-Z][\w'’-]+)\)", r"\1", notes)  # "the moderator (Mo)" → "Mo"
    # an aside in the middle of a sentence: "my cousin (nurse in dubai) wd do remote training"
    notes = re.sub(r"\b((?:if|whether)\s+[^()\n.;]{1,30}?)\s*\([^()?\n]{1,40}\)(?=\s+(?!not\b|but\b)[a-z])", r"\1",
                   notes, flags=_I)
    # "ask my sister (GP trainer) if she'd chat": the aside, not a new sentence
    notes = re.sub(r"(?<=[^\W\d_])\s*\([^()?\n]{1,40}\)(?=\s+(?:if|whether)\b)", "", notes, flags=_I)
    notes = re.sub(r"\b(if|whether) (s?he)d\b", r"\1 \2'd", notes, flags=_I)  # "if shed chat to her": she'd
    # "my cousin wd do remote training": a modal, never "the cd of our demo" or "our CD pipeline"
    notes = re.sub(r"(?<!\bthe )(?<!\ba )(?<!\bour )(?<!\bmy )(?<!\bhis )(?<!\bher )(?<!/)\b(wd|cd|shd)\b(?=\s+[a-z])",
                   lambda m: {"wd": "would", "cd": "could", "shd": "should"}[m[1]], notes)
    notes = _THEY_SAID_SEND.sub(_asked_for, notes)  # "said send me your portfolio", "'email me w a 1-page proposal'"
    notes = re.sub(r"(?<![\w])['‘’\"“”]|['‘’\"“”](?![\w])", "", notes)  # "said 'email me your portfolio'": the words
    # "borrowed her sewing machine", "borrowed the overstory from her": lent to the member, said their way
    notes = re.sub(r"^(?:i\s+)?borrowed\s+(?=(?:his|her|their|the)\s)(?P<x>[^/\n.;,]{2,40}?)\s+from\s+"
                   r"(?:him|her|them)\b", r"lent me \g<x>", notes, flags=_I | re.MULTILINE)
    notes = re.sub(r"^(?:i\s+)?borrowed\s+(?=(?:his|her|their)\s)", "lent me ", notes, flags=_I | re.MULTILINE)
    # "covered my sat shift owe coffee": what the member owes is a new thought, not part of the favour
    notes = re.sub(r"(?<=[\w\U0001F300-\U0001FAFF\u2600-\u27BF])(?<!\bi)(?<!\bwe)(?<!\bstill)(?<!\bwhat)(?<!\bhe)"
                   r"(?<!\bshe)(?<!\bthey)(?<!\byou)\s+(?=owe\s+(?:him|her|them|coffee|a|an|lunch|dinner|drinks?|pints?|"
                   r"beers?)\b)", ". ", notes, flags=_I)
    notes = _HELD_BACK.sub(" once legal signs off", notes)  # "deck but legal hasn't cleared it": sent later
    notes = re.sub(r"\bnow,\s+(?=[\w -]{1,30}\s+later\b)", "now. ", notes, flags=_I)  # "send deck now, demo later"
    # "i'd send JD + loop in Carla (eng mgr)": an introduction promised beside the thing, never a thing to attach
    notes = re.sub(r"\s*(?:\+|&|,|\band)\s*(?:i'?d\s+|i'?ll\s+)?loop (?:him|her|them\s+)?in (?P<who>[A-Z][\w'-]+)",
                   lambda m: f". said i'd intro them to {m['who']}", notes)
    notes = re.sub(r",?\s+(?:the\s+)?link (?:is\s+)?in (?:the\s+)?(?:dms?|chat|thread|discord|comments)\b", "", notes,
                   flags=_I)  # "feedback on her tiny roguelike, link in dms": where it is, not what
    notes = re.sub(r"\s+but\s+(after|not before)\s+(?=(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\b)",
                   lambda m: f" {m[1].lower()} the ", notes, flags=_I)  # "wants a demo but AFTER 15th": after the 15th
    # "the load test script, tidy it up first", "v2 has the col F bug, fix first": a clean-up before it goes
    notes = re.sub(r",\s+(?=(?:fix|debug|clean|tidy)\w*\s+(?:[\w'’-]+\s+){0,2}?first\b)", ". ", notes, flags=_I)
    # "send thx + install photos": a thank-you, then a thing to send
    notes = re.sub(r"\bsend (?:thx|thanks|ty|a thank[- ]you)\s*,?\s*(?:\+|&|and|,)\s*(?=\w)", "thank them. send ",
                   notes, flags=_I)
    out: list[str] = []
    # a business partner, not a life partner (which notes.clauses leaves out)
    notes = re.sub(r"\b(?:might|could|may|should|want to|would like to) (?:partner|collab|collaborate|work together)"
                   r"(?=\s+(?:on|re|about|abt|for|in|with)\b)", "might team up", notes, flags=_I)
    for clause in clauses(notes):
        for piece in _ARROW.split(clause):
            piece = _SOFT.sub("", piece.strip(" ,.;:!?"))
            # a run-on note with no stops ("she asked if X I said I'd check with Y"): split where a new speaker starts
            parts = _RUN_ON.split(piece) if len(piece.split()) > 16 else [piece]
            out.extend(p for p in (_SOFT.sub("", p.strip(" ,.;:!?")) for p in parts) if p)
    return tuple(out)


# --- phrasing -----------------------------------------------------------------------------------------

_DAY_WORD = r"(?:mon|tues?|wed|weds|thurs?|fri|sat|sun)\w*"  # a weekday as typed: "weds", "thurs", "fri"
_EXPAND = {
    "ev": "EV", "cv": "CV", "cvs": "CVs", "gcse": "GCSE", "gcses": "GCSEs", "grp": "group", "grps": "groups",
    "abt": "about", "re": "about", "w/": "with", "w": "with", "w/in": "within", "w/o": "without",
    "wk": "week", "wks": "weeks", "yr": "year",
    "yrs": "years",
    "mkt": "market", "wknd": "weekend", "wkend": "weekend", "mtg": "meeting", "mtgs": "meetings", "req": "request",
    "reqs": "requests",
    "agrmt": "agreement", "arch": "architecture", "tmrw": "tomorrow", "thurs": "Thursday",
    "thu": "Thursday", "fri": "Friday", "mon": "Monday", "tues": "Tuesday", "tue": "Tuesday", "wed": "Wednesday",
    "weds": "Wednesday",
    "sat": "Saturday", "sun": "Sunday", "v2": "v2", "bday": "birthday", "pls": "please", "info": "information",
    "mgr": "manager", "eng": "engineering", "dev": "developer", "devs": "developers", "univ": "university",
    "conf": "conference", "hw": "hardware", "ppl": "people", "u": "you", "ur": "your", "coz": "because",
    "sr": "senior", "jr": "junior", "mins": "minutes", "min": "minutes", "jan": "January",
    "feb": "February", "mar": "March", "apr": "April", "jun": "June", "jul": "July", "aug": "August",
    "sep": "September", "sept": "September", "oct": "October", "nov": "November", "dec": "December",
    "thru": "through", "b4": "before", "exp": "experience", "gfx": "graphics", "vid": "video", "vids": "videos",
    "cttee": "committee", "asst": "assistant", "qty": "quantity", "qtys": "quantities",
    "avail": "availability", "incl": "including", "approx": "approximately", "asap": "as soon as possible",
    "para": "paragraph", "1-para": "one-paragraph", "1-pager": "one-pager", "src": "source",
}
_PERSON = {"his": "your", "their": "your", "him": "you", "them": "you", "hers": "yours", "theirs": "yours",
           "i": "I", "i'm": "I'm", "i'd": "I'd", "i've": "I've", "i'll": "I'll", "im": "I'm", "ive": "I've",
           "id": "I'd"}
_THIRD = rx.compile(r"\b(?:she|he|they|she's|he's|they're|she'd|he'd|they'd|she'll|he'll|they'll)\b", _I)
_TAIL = rx.compile(
    r"\s+(?:by|before|asap|soon|tomorrow|tmrw|tonight|today|this (?:wk|week)|next (?:wk|week)|lol|haha|tbh|"
    r"btw|fyi|(?:even\s+)?(?:tho|though)|i think|maybe|probably|pls|please|etc|due|asap|in return|tbc|tbd|"
    r"so (?:that )?(?:he|she|they|we|i)|"
    r"because|coz|since (?:he|she|they|we|i)|direct|directly|no answer yet|no reply yet)\b.*$|\s*[!?]+.*$", _I)
_BAD = rx.compile(r"https?://|www\.|\d{5,}|[\[\]{}<>=%|]|\S@|@\S|\bif poss(?:ible)?\b", _I)  # "b.hussain@"
_COUNTABLE = _words(
    "checklist template deck doc document link list spreadsheet guide playbook repo article paper post "
    "video recording book report survey form proposal sheet file draft cv resume portfolio notebook "
    "benchmark study demo roadmap outline agenda invite invitation recipe writeup write-up memo brief "
    "runbook spec whitepaper snippet abstract bio quote pr introduction intro review summary overview "
    "case deck one-pager"
)
_PLURAL_OK = _words(
    "resources notes slides numbers economics details docs links materials ideas examples tips thoughts "
    "figures metrics criteria"
)


# What can be attached or linked: a thing someone "wants" is delivered only when it is one of these ("the case
# studies", "the recs for design meetups"); a website, spare hardware or a venue is a need to talk about instead.
_SENDABLE = _COUNTABLE | _PLURAL_OK | _words(
    "stats statistics logs measurements readings settings config configs "
    "recs recommendations studies info information data dataset datasets code pricing prices rates samples contacts "
    "playlist playlists mix mixes "
    "names papers decks templates guides lists articles videos posts reports books resources references readings "
    "slide sample link doc docs documentation results feedback advice thoughts notes recipe recipes take comparison "
    "availability "
    "teaser brochure catalogue catalog factsheet pic pics photo photos picture pictures photograph photographs "
    "pdf pdfs handout handouts floorplan floorplans "
    "screenshot screenshots "
    "opinion")
_NOT_THINGS = _words("nothing anything everything none something whenever whatever wherever")
# someone to write to, not something to send: "email her secretary (Bola?) not her"
_PERSON_HELD = rx.compile(r"(?:(?:the|a|an|my|our|your|her|his|their)\s+)?(?:secretary|assistant|pa|ea|colleague|"
                          r"colleagues|boss|manager|team|husband|wife|partner|mum|mom|dad|son|daughter|cofounder|"
                          r"co-founder|deputy|office manager|receptionist)(?:\s*\(.*)?", _I)
# "DON'T promise anything", "no promises": said in the message as "no promises" (drafts), read as a hedge here
NO_PROMISE = r"\b(?:can'?t|cannot|won'?t|couldn'?t|do\s*n'?t|dont) promise\b|\bno promises\b"
# what a contact wants by a date that the member sends: "wants the risk register b4 the 12th"
_OWED_BY_A_DATE = _words("register numbers figures data report reports accounts budget plan summary minutes schedule "
                         "rota list lists invoice invoices quote estimate spreadsheet sheet forecast update")
# The member's own decision still to make, not a check with anyone: "i said i'd think about it", "said maybe"
_THINKING_WORDS = (r"(?:^|\b(?:i|we)(?:'ll|'d|\s+will|\s+would|\s+said\s+(?:i|we)(?:'d|\s+would))?\s+)"
                   r"(?:think (?:about|abt|on|over) it|think it over)\b|(?:^|\b(?:i|we)\s+)said maybe(?=\W*$|\s*,)|"
                   # "said I'd confirm by weds", "told her i'll let her know": an answer still to come
                   r"(?:^|\b(?:i|we)\s+)(?:said|told (?:him|her|them))\s+(?:i|we)(?:'?d|\s+would|'?ll|\s+will)\s+"
                   r"(?:confirm|let (?:him|her|them|you) know|get back(?: to (?:him|her|them))?)(?=\s+by\b|\W*$)|"
                   r"^(?:but\s+)?(?:do\s*n'?t|dont|do not) commit\b")
# What the member sends only once it is approved or made safe: "ON HOLD til Marta replies", "need Sato-san ok
# first", "legal must ok first", "must anonymise first", "check w/ Mark b4 sharing", "dont send anything yet"
_HOLD_WORDS = (r"^(?:all\s+|everything\s+|it'?s\s+|that'?s\s+)?on hold\b|"
               r"(?<!\bhe )(?<!\bshe )(?<!\bthey )\b(?:need|must get|have to get|got to get)\s+(?:[\w'’-]+\s+){0,2}?"
               r"(?:ok|okay|approval|sign[- ]?off|go[- ]ahead|green light)(?:\s+from\s+[\w'’-]+)?\s+"
               r"(?:first|before|b4|to (?:share|send|"
               r"release|publish|pass (?:it|them) on))\b|"
               r"\b(?:legal|finance|compliance|hr|(?-i:[A-Z])[\w-]+) (?:must|has to|needs to) (?:ok|okay|approve|"
               r"sign off)"
               r"(?: it| this| that)?(?: first)?\b|"
               r"(?:\b(?:need to|must|have to)\s+|"
               r"(?:^|\s-\s)(?=(?:fix|debug|clean|tidy)\w*\s+(?:[\w'’-]+\s+){0,2}?first\b))"
               r"(?P<prep>anonymi[sz]e|redact|strip|scrub|sanitise|sanitize|fix|debug|clean|tidy)\w*\b|"
               r"\b(?:b4|before) shar(?:ing|e)\W*$|\bdo\s*n'?t send (?:anything|it|them)(?: yet)?\b|"
               # "still waiting on director sign-off so can't send yet"
               r"\b(?:still\s+)?waiting (?:on|for) (?!(?:their|her|his|them|him)\b)(?:the |my |our )?[\w'’-]+(?:'s)? "
               r"(?:sign[- ]?off|ok|okay|approval|"
               r"go[- ]ahead)\b")
_HEDGE = rx.compile(NO_PROMISE + "|" + _THINKING_WORDS + "|" + _HOLD_WORDS + "|" + r"\b(?:i |we )?said maybe\b|"
                    r"\bcheck (?:w/|w\b|with|first\b)|\bcheck\s+(?:\w+\s+){1,2}(?:w/|w|with)\s|"  # "check NDA w legal"
                    r"\b(?:b4|before)\s+sending\b|\bnot (?:until|till|til)\b|"  # "b4 sending ANYTHING", "NOT until"
                    r"\b(?:do\s*n'?t|dont|do not|can'?t|cannot)\s+send\b[^.\n]{0,30}?\b(?:till|until|til|before|b4)\b|"
                    r"\b(?:we|i)(?:'ll| will)? decide (?:after|once|when)\b|\b(?:check|confirm) (?:it )?before "
                    r"send(?:ing)?\b|\bneeds? (?:\w+'s |\w+ )?(?:sign[- ]?off|approval|ok|go[- ]ahead)\b|"
                    r"\bnot (?:cleared|signed off|approved) yet\b|"
                    r"\bcheck (?:the )?(?:budget|availability|calendar|diary)\b|\bconfirm (?:w/|with)\b|"
                    r"\bcheck(?:ing)? (?:my |the )?(?:shifts?|rota|schedule|work schedule)\b|"
                    r"\bonce (?:\w+ ){1,3}(?:says? (?:ok|yes)|agrees?|is ok with it)\b|"
                    r"\bdouble[- ]?check\b|\bnot sure (?:if|whether|we|i)\b|\btbc\b|\btbd\b|\bneed to check\b|"
                    r"(?<!asked )(?<!asked me )\bif (?:we|i) can\b|"
                    r"\bask (?:facilities|legal|finance|my (?:boss|manager))\b|"
                    r"\b(?:ask|check with|check w/) \w+ (?:first|before|b4)\b|"
                    r"\b(?:need to|have to|must|should) (?:ask|check with) \w+(?: at [\w -]+)? (?:if|whether)\b", _I)
# The date words notes use ("fri", "thurs", "wednesday"; "31 jan", "sept") and the seasons a member waits for
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)(?:[a-z]{0,6})\b"
WEEKDAY = r"(?:mon|tues?|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday)?\b"
_SEASON = (r"(?:easter|christmas|xmas|ramadan|eid|diwali|passover|hanukkah|chinese new year|new year|cny|"
           r"thanksgiving|lent|summer|autumn|fall|winter|spring|harvest|half[- ]term|the holidays)\b")
_DAY_NAMES = {d[:3]: d for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")}
# When what they owe is needed: "due tues", "need it back b4 the 20th", "by weds"
_DUE = rx.compile(r"\b(?P<word>due|by|b4|before|needs? (?:it|them) back(?:[^.;,\n]{0,30}?\s(?:on|by|b4|before))?)\s+"
                  r"(?P<when>(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\b(?!\s+(?:floor|row|place|time|gen|edition))|"
                  rf"{WEEKDAY}|tmrw\b|tomorrow\b|eom\b|end of (?:the )?(?:month|week)\b)", _I)


def _due(clauses: Sequence[str]) -> str | None:
    """The one date the notes need something back by, as a message says it ("due tues" → "by Tuesday",
    "b4 the 20th" → "before the 20th"): in the clause that names what's owed, or a clause that is only the date;
    None when there is none or more than one."""
    found = [m for clause in clauses for m in _DUE.finditer(clause)
             if re.search(r"\b(?:owes?|lent|loaned|borrowed|back|return)\b", clause, _I)
             or re.sub(r"^\W*(?:(?:it'?s|its|they'?re)\s+)?|\W*$", "", clause).lower() == m[0].strip().lower()]
    if len(found) != 1:
        return None
    word, when = found[0]["word"], found[0]["when"]
    return ("before " if re.search(r"b4|before", word, _I) else "by ") + said_day(when)


def said_day(when: str) -> str:
    """A day as a message says it: "weds" → "Wednesday", "14th" → "the 14th", "eom" → "the end of the month"."""
    if re.fullmatch(WEEKDAY, when, _I):
        return _DAY_NAMES[when[:3].capitalize()]
    if re.fullmatch(r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)", when, _I):
        return re.sub(r"^(?!the\b)", "the ", when.lower())  # "by 14th": by the 14th
    named = {"eom": "the end of the month", "eow": "the end of the week"}
    return named.get(when.lower(), re.sub(r"^end of (?:the )?(month|week)$", r"the end of the \1", expand(when),
                                          flags=_I))


def _write_again(wait: str | None, notes: str) -> str | None:
    """When the member means to write again, from a hold in their notes: "said ping him after easter" → "after
    Easter", "budget frozen til april" → "in April"; None for a wait on them ("he'll reach out") or no plain date."""
    if not wait or re.search(r"\b(?:she|he|they)(?:'ll| will) (?:reach out|get in touch|be in touch|get back|contact)",
                             notes, _I):
        return None
    m = re.search(r"\b(?:ping|email|call|contact|message|msg) (?:him|her|them) (?P<prep>after|in) (?P<x>[\w ]+?)\W*$|"
                  r"\b(?:frozen|freeze) (?:til|till|until|to) (?P<x2>[\w ]+?)\W*$", wait, _I)
    if m is None:
        return None
    when = (m["x"] or m["x2"]).lower().strip()
    month = re.fullmatch(MONTH, when) is not None
    if when == "cny":
        when = "Chinese New Year"
    elif re.fullmatch(_SEASON, when) or month or re.fullmatch(r"q[1-4]", when):
        when = when.upper() if re.fullmatch(r"q[1-4]", when) else " ".join(w.capitalize() for w in when.split())
    else:
        return None
    if m["x2"] is not None:
        return f"in {when}" if month or when.startswith("Q") else f"after {when}"
    return f"{m['prep'].lower()} {when}"


# Not now, in the member's words: "leave it for now", "park it, no emails", "nothing to do rn" — a reason not to
# write unless the notes owe them something ("nothing to do rn re the reorg. promised him the team charter")
_NOT_NOW = rx.compile(r"^(?:so )?(?:leave (?:it|her|him|them)(?: be| alone)?|let it (?:go|rest)) (?:for now|for a bit|"
                      r"for a while)\b(?!\s+(?:re|about|abt|on)\b)|"
                      r"^(?:prob(?:ably)?|maybe) (?:just )?leave it\W*$|"
                      r"^(?:so\s+)?park (?:it|this)\b|"
                      r"^(?:so\s+)?nothing to do (?:rn|now|for now|yet|atm)\W*$|"
                      r"(?:^|,\s*)no (?:emails?|msgs?|messages?)\s+(?:for now|(?:till|until|til)\b.*)", _I)
# When something is wanted by: "b4 the 12th", "by eom", "by fri", "before cabinet on the 3rd"
_DEADLINE = rx.compile(r"\s+(?:by|b4|before|ahead of)\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\b|eom\b|eod\b|eow\b|"
                       rf"end of\b|{WEEKDAY}|tmrw\b|tomorrow\b|next\b|this\b|{MONTH}|[\w-]+\s+on\s+the\s+\d).*$",
                       _I)
_HELD_FOR = rx.compile(_HOLD_WORDS, _I)
_THINKING = rx.compile(_THINKING_WORDS, _I)
# The member can't give what was promised after all: "actually can't share it, HR confidential", "walk it back".
_WITHDRAW = rx.compile(r"\b(?:can'?t|cannot|can not|couldn'?t|not allowed to|shouldn'?t) (?:share|send|give|pass on|"
                       r"forward) (?:(?:it|that|this|them)\b|(?:(?:it|that|this|them|anything)\s+)?(?:till|until|til|"
                       r"before|b4)\b)|\bwalk (?:it|that|this|the promise) back\b|"
                       r"\b(?:it'?s|its) (?:\w+ )?confidential\b|\bactually\s+(?:can'?t|cannot)(?=\s*[,.;!]|\s*$)|"
                       r"\b(?:it'?s|its) (?:client|internal|under nda)\b", _I)
# What they promised is late: "still not here", "chase if not here by mon", "hasn't arrived", "nothing yet".
# a price and nothing else ("the $15 ea", "£40"): never a thing to hand over or look forward to
_PRICE_ONLY = rx.compile(rf"(?:the|a|an)?\s*{CURRENCY}\s?[\d.,]+k?(?:\s*(?:ea|each|apiece|per \w+|/\s?\w+|an? \w+))?",
                         _I)
# An offer made lightly: "prob didnt mean it", "he was joking", "was tipsy": held to nothing
NOT_MEANT = rx.compile(r"(?:^|[.;!?\n]\s*)(?:(?:prob(?:ably)?|i think|tbh|but|and|she|he|they|pretty sure)\s+)*"
                       r"(?:(?:did\s*n'?t|didnt|did not|does\s*n'?t|doesnt) mean it|(?:was|were) (?:just )?(?:joking|"
                       r"drunk|tipsy)|not serious)(?:\s+(?:tho|though|lol|haha|tbh|i think))?\W*(?:$|[.;!?\n])", _I)
_OVERDUE = rx.compile(r"\b(?:still\s+)?not (?:here|arrived|received|in)\b|\bchase if not\b|\b(?:has|have|did) ?n[o']?t "
                      r"(?:arrived|come|turned up|shown up)\b|\bnever (?:arrived|came|turned up)\b|"
                      r"\bnothing (?:yet|since)\b|\bstill nothing\b|\bno sign of (?:it|them)\b|"
                      r"\bstill waiting (?:on|for)\b", _I)
# A figure the notes give as the answer: "actual: ~£1.2k/unit at 100 units", "3 months", "€40 a seat".
_VALUE = rx.compile(r"^(?:(?:actual(?:ly)?|real answer|answer|correct(?: answer)?|it'?s|its)\s*[:=-]?\s*)?"
                    r"(?P<v>~?\s*(?:about\s+|approx\.?\s+|around\s+|roughly\s+)?[£$€¥]?\s?\d[\d.,]*\s*(?:k|m|%)?"
                    r"(?:\s*/\s*[a-z]+)?(?:\s+[\w%-]+){0,5})$", _I)


def _where_answer(clause: str) -> str | None:
    """The answer to a where or which question, when the clause right after it is only that: 'bakery bits, the 1kg
    oval' → 'Bakery Bits, the 1kg oval'. A bare lower-case name of a place (no article or preposition before it)
    is written as a name; 'on ebay', 'a friend' stay as typed; a clause that goes on is no answer."""
    text = clause.strip(" .!")
    if not text or len(text) > 60 or len(text.split()) > 7 \
            or re.search(r"\b(?:i|she|he|they|we|said|will|'ll|wants?|asked|need)\b|\?", text, _I) \
            or re.match(r"(?:send|share|email|forward|check|ask|find|dig|look|make|write|tell|confirm)\b", text, _I):
        return None  # "asked which snacks are ok, send list": the member's to-do, not the answer
    head, sep, tail = text.partition(",")
    if head.islower() and len(head.split()) <= 3 and not re.match(
            r"(?:on|from|at|in|via|a|an|the|my|our|your|his|her|their|some|any|online)\b", head):
        head = " ".join(w[:1].upper() + w[1:] for w in head.split())
    return head + sep + tail


# what is asked about a thing and answered with a word or a code: "asked our precursor purity - 6N"
_ATTRIBUTES = _words("purity grade spec specs version size sizes weight dimensions capacity moq lead time colour "
                     "color model format voltage rating")


def _attribute_value(clause: str, last_added: tuple[str, str] | None) -> str | None:
    """A short answer ('6N', 'A5', 'v2') to a question about a thing's attribute asked just before."""
    if last_added is None or last_added[0] != "deliver" or _head(last_added[1]) not in _ATTRIBUTES:
        return None
    text = clause.strip(" .!")
    if not re.fullmatch(r"[\w.+/-]{1,12}(?:\s+[\w.+/-]{1,12}){0,2}", text) \
            or re.search(r"\b(?:i|she|he|they|we|will|'ll|said|asked|need|wants?)\b", text, _I):
        return None
    return text


def _value(clause: str) -> str | None:
    """The figure a clause gives as an answer, in words a message can carry ("about £1.2k per unit"), or None."""
    m = _VALUE.match(clause.strip())
    if m is None or not re.search(r"[£$€¥%]|\b\d+(?:\.\d+)?\s*(?:k\b|m\b|/|per\b|a\b|an\b|days?|weeks?|months?|"
                                  r"years?|hours?|units?|seats?|people|users?)", m["v"], _I):
        return None  # a bare number ("2 kids") says nothing a message should repeat
    value = re.sub(r"^~\s*", "about ", m["v"].strip())
    return re.sub(r"\s*/\s*(?=[a-z])", " per ", value)


_INTERNAL = _words("facilities legal finance hr ops it procurement accounting sales marketing boss manager team cfo "
                   "ceo cto admin office partners partner eng engineering engineers devs product design super "
                   "supervisor landlord accountant")


_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def expand(text: str) -> str:
    """Note shorthand in words: 'abt' → 'about', 'wk' → 'week', '+' → 'and'."""
    text = re.sub(r"\s*\+\s*", " and ", text)
    text = re.sub(r"\b(?:1|one)[- ]pager\b", "one-pager", text, flags=_I)
    text = re.sub(r"\bch\.?\s?(\d+)\b", r"chapter \1", text, flags=_I)  # "ch.3" → "chapter 3"
    text = re.sub(r"(?<![A-Z])\s*&\s*(?![A-Z]\b)", " and ", text)  # "R&D" stays
    text = re.sub(r"\s+@\s+", " at ", text)
    text = re.sub(r"~\s*(?=\d)", "about ", text)  # "~10 interviews"
    text = re.sub(r"\b(model|serial|phone|tracking|account|order|invoice|reg|part|ref|reference)\s+no\b\.?",
                  r"\1 number", text, flags=_I)  # "the model no." → the model number
    text = re.sub(r"\b1\s?(?:pg|page)\b", "one-page", text, flags=_I)  # "1pg proposal"
    text = re.sub(r"(?<!\d)(?<!\d\s)\bmin(?=\s+(?:repro|reproduction|example|case|test case)\b)", "minimal", text,
                  flags=_I)  # "a min repro": minimal, not minutes
    text = re.sub(r"\byr\s?(\d{1,2})\b", r"Year \1", text, flags=_I)  # "talk to yr5": a school year
    text = re.sub(r"\b(\d)\s*d\s*/\s*(?:wk|week)\b", lambda m: f"{_NUMBERS[int(m[1])]} days a week", text, flags=_I)
    text = re.sub(r"\b(mon|tue|wed|thu|fri|sat|sun)['’]s\b", lambda m: "on " + _EXPAND[m[1].lower()] + "s", text,
                  flags=_I)  # "take Ollie wed's to swimming": every Wednesday ("tues" stays a Tuesday)
    words: list[str] = []
    split = text.split()
    for i, word in enumerate(split):
        bare = word.lower().strip(".,;:")
        tail = word[len(word.rstrip(".,;:")):]
        if bare == "eng":
            nxt = split[i + 1].lower() if i + 1 < len(split) else ""
            team = nxt in ("mgr", "manager", "lead", "team", "director")
            words.append(("engineering" if team else "engineer") + tail)
            continue
        prev = split[i - 1].lower().strip(".,;:") if i else ""
        if bare == "min" and (prev in _AT_LEAST or i == 0 or not re.search(r"\d", prev)):
            words.append("minimum" + tail)  # "3yr lease min", "a min spend": at least, never "minutes"
            continue
        if bare == "id" and prev in _ID_OF:
            words.append("ID" + tail)  # "our acct id": an identifier, never "I'd"
            continue
        words.append(_EXPAND[bare] + tail if bare in _EXPAND else word)
    return " ".join(words)


_DAY_PART = {"eve": "evening", "am": "morning", "pm": "afternoon"}
_AT_LEAST = _words("lease term order orders spend stay contract notice deposit quantity qty wage salary price size fee "
                   "commitment booking")
_ID_OF = _words("acct account user req order tax vat customer client booking reference ref tracking app org tenant "
                "project employee member device merchant")
# a language or nationality typed in capitals for emphasis ("demo IN SPANISH") keeps its one capital
_SHOUTED = {w: w for w in _words("months weeks days years hours only price prices cash email before after first "
                                  "never always urgent please free full half deposit upfront copy copies signed "
                                  "printed paper original originals")}
_SHOUTED |= {w: w.capitalize() for w in _words("spanish english french german italian portuguese dutch polish arabic "
                                               "hindi urdu mandarin chinese japanese korean swahili yoruba igbo hausa "
                                               "turkish greek russian ukrainian welsh irish")}


def you_form(text: str | None, names: frozenset[str] = frozenset(), limit: int = MAX_WORDS,
             asked_of_me: bool = False) -> str | None:
    """A note fragment as a phrase addressed to the contact ('her phd student' → 'your PhD student');
    None when it can't be one: too long, third person as subject, their name, a judgement or private life —
    unless it is what they asked the member to do ('help her son w his applications': theirs to have said)."""
    if not text:
        return None
    text = re.sub(r"\bthe [\w -]{2,30}? \(([A-Z][\w'’-]+)\)", r"\1", text)  # "the moderator (Mo)" → "Mo"
    text = re.sub(r"\s*\([^()]*\)", "", text)  # "Dave (importer, austin)": an aside, not part of the phrase
    text = re.sub(r"\s+(?:that\s+|which\s+)?(?:he|she|they)\s+(?:rates|likes|recommends|uses|mentioned|wrote|made|"
                  r"built|runs|trusts|rate|like|recommend|use)$", "", text, flags=_I)  # "list of 5 cos he rates"
    text = expand(_TAIL.sub("", " " + text.strip()).strip(" ,.;:-'\"()"))
    text = re.sub(r"\s+(?:first|too|as well|also|again|anyway|anyways|regardless|back)$", "", text, flags=_I)
    text = re.sub(r"(?<![\w-])[A-Z]{4,}(?![\w-])", lambda m: _SHOUTED.get(m[0].lower(), m[0]), text)  # "MONTHS"
    text = re.sub(r"\bIN\b(?= [A-Za-z][a-z])", "in", text)
    text = re.sub(r"\s+for (?:an?|\d+|a few|a couple of|about an?) "
                  r"(?:hour|hours|hrs?|h|min|mins|minutes|while|day|days)$",
                  "", text, flags=_I)  # "debug it for an hour": how long, not what
    words = text.split()
    if not words or len(words) > limit or _BAD.search(text) or _THIRD.search(text):
        return None
    low = {re.sub(r"['’]s$", "", w.lower().strip(".,!?'")) for w in words}
    private = {w.lower().strip(".,!?'") for w in WORK_SENSE.sub("", text).split()} & PRIVATE  # "payment partner": work
    if low & JUDGEMENTS or (private and not asked_of_me) or low & names:
        return None
    out = []
    for i, word in enumerate(words):
        bare = word.lower().strip(".,!?:;")
        if bare == "her":
            nxt = words[i + 1].lower() if i + 1 < len(words) else ""
            out.append("you" if not nxt or nxt in {"to", "with", "a", "an", "the", "about", "on", "for"} else "your")
        elif bare == "his" and i == len(words) - 1:
            out.append("yours")  # "pics of his": his own, yours to them
        elif bare in _PERSON:
            out.append(_PERSON[bare])
        elif bare in ("phd", "pr", "dpia", "ai", "ig", "api", "cl", "ux", "eu", "uk", "nuc", "ceo", "cto", "vp", "pm"):
            out.append(bare.upper() if bare != "phd" else "PhD")
        elif bare == "my" and i > 0 and words[i - 1].lower() in ("for", "on", "of"):
            out.append("my")
        else:
            out.append(word)
    phrase = " ".join(out).strip()
    if private:  # "help her son with his applications": your son with their applications, not yours
        phrase = re.sub(rf"(\b(?:{'|'.join(sorted(private))})\b.*?)\byour\b", r"\1their", phrase, count=1, flags=_I)
    phrase = re.sub(r"(?<!Year )(?<![£$€])\b([2-9])\s+(?=[a-z])", lambda m: _NUMBERS[int(m[1])] + " ", phrase)
    phrase = re.sub(r"(?<=\bfor )((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)s? "
                    r"(eve|evening|night|morning|afternoon|am|pm)s?\b",  # "for sat am": for Saturday mornings
                    lambda m: f"{m[1]} {_DAY_PART.get(m[2], m[2])}s", phrase)
    phrase = re.sub(r"(?<!\bon )(?<!\bfor )(?<!\bat )(?<!\bby )\b((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)s? "
                    r"(eve|evening|night|morning|afternoon|am|pm)s?\b",  # "Tuesday eve" → "on Tuesday evenings"
                    lambda m: f"on {m[1]} {_DAY_PART.get(m[2], m[2])}s", phrase)
    phrase = re.sub(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day(?=s?\b)", lambda m: m[0].capitalize(), phrase)
    phrase = re.sub(r"\b(in|by|from|until|till|before|after) (january|february|march|april|may|june|july|august|"
                    r"september|october|november|december)\b", lambda m: f"{m[1]} {m[2].capitalize()}", phrase)
    phrase = re.sub(r"\bfeedback on (?!my\b|your\b|our\b|the\b|an?\b)", "feedback on your ", phrase)
    phrase = re.sub(r"\b(\d+|a|one|two|three|five|ten|fifteen|twenty|thirty|forty-five|sixty) minutes? "
                    r"(call|chat|meeting|slot|session|review|walkthrough|demo)\b", r"\1-minute \2", phrase)
    phrase = re.sub(r"\b(look at|review|read|check) (draft|application|proposal|deck|cv|resume|portfolio|pitch|"
                    r"plan|code|site|website)\b", r"\1 my \2", phrase)
    phrase = re.sub(r"\b(got|get|getting) first\b", r"\1 my first", phrase)
    phrase = re.sub(r"\bfor (piece|article|story|podcast|newsletter|talk|team)\b", r"for your \1", phrase)
    if phrase.split()[-1].lower() in {"a", "an", "the", "to", "of", "for", "with", "and", "or", "on", "in", "my",
                                       "your", "our", "about", "at", "from"}:
        return None
    return phrase


def thing(text: str | None, names: frozenset[str] = frozenset()) -> str | None:
    """Something to send, as a noun phrase with an article: 'deck and unit economics' → 'the deck and the
    unit economics'; 'both', 'it' and 'that' need their note to make sense, so they are None."""
    if text and re.fullmatch(r"\s*(?:mine|yours|his|hers|theirs|ours)(?:\s+(?:too|back|as well))?\W*", text, _I):
        return None  # "owe her mine": mine of what, only the note before says
    if text and re.fullmatch(r"\s*(?:(?:his|her|their|my|the)\s+)?(?:does|do|did|is|are|was|were|has|have|had|can|"
                             r"could|will|would)\W*|\s*(?:the\s+)?v\d+(?:\.\d+)?\s+not\s+v\d+(?:\.\d+)?\W*",
                             text, _I):
        return None  # "asked her does": a question cut short; "(send v2 not v1!!)": which version, not a thing
    text = re.split(r"\s*:\s+", text)[0] if text else text  # "a quote: 5-day course, 12 guides": the thing
    text = re.sub(rf"\s+if (?:i|you|u) (?:want|like|fancy|wish)(?: to)?\W*$|\s+(?:b4|before|by)\s+{_DAY_WORD}\W*$", "",
                  text, flags=_I) if text else text  # "pics of the damp b4 fri", "a code sample if i want"
    text = re.split(r",\s+(?=(?:(?:my|our|his|her|their)\s+)?\S+\s+"
                    r"(?:is|are|was|works|ok|fine|not|isn'?t|hasn'?t|still)\b|"
                    r"(?:she|he|they)(?:'s|'re)\s)", text, flags=_I)[0] \
        if text else text  # ", WhatsApp is fine", ", she's on whatsapp": the thing, not the remark
    text = re.split(r",\s+(?=(?:sent|emailed|shared|forwarded|posted|done)\b)", text, flags=_I)[0] if text else text
    text = re.sub(r"\s+(?:both ways|each way|to each other)$", "", text, flags=_I) if text else text  # a swap
    text = re.sub(r"\s+instead$", "", text, flags=_I) if text else text  # "offered him methods section instead"
    text = re.sub(r"\s+now$", "", text, flags=_I) if text else text  # "send deck now": the deck
    text = re.sub(r"^(?:(?:she|he|they)\s+)?(?:also\s+)?owes?\s+(?:us|me)\s+", "", text, flags=_I) if text else text
    # "the benchmark notebook, clean it up first": the thing, not the member's to-do before sending it
    text = re.split(r",\s+(?=(?:clean|tidy|fix|finish|polish|update|redact|anonymi[sz]e|proofread|edit|trim|"
                    r"check)\b)", text, flags=_I)[0] if text else text
    text = re.sub(r"\s+(?:to say (?:sorry|thanks|thank you)|as a (?:thank[- ]you|sorry)|for the help|"
                  r"to apologi[sz]e)\b.*$", "", text, flags=_I) if text else text  # "chocolates to say sorry"
    # "a bottle, broke a glass lol": the thing, not the reason the member owes it
    text = re.split(r",\s+(?=(?:i\s+)?(?:broke|spilled|lost|ate|drank|smashed|dropped|borrowed|used|ruined|"
                    r"cracked|stained|forgot)\b)", text, flags=_I)[0] if text else text
    # "our proposal, sent it friday": the thing, not the note that it went
    if text and re.search(r",\s*(?:haven'?t decided|not decided|undecided|not sure|unsure|maybe|tbc|tbd|if i want|"
                          r"thinking about it|still deciding)\b", text, _I):
        return None  # "my owl photos, haven't decided": not promised
    if text and re.search(r",\s*(?:by|before|b4|asap|quote|tbc|pls|please|thx|done|sent|ok|ta|just|only|tho|though|"
                          r"if|as long as|but)\b", text, _I):
        text = text.split(",")[0]  # "the sq m rate, quote by wed": the thing, not the remark after it
    text = re.sub(r"\s+to (?:him|her|them)(?:\s+direct(?:ly)?)?$", "", text, flags=_I) if text else text
    # "Rhys's cv to him directly": the CV; who it goes to is the message's
    found = you_form(text, names)
    if found is None and text and re.search(r"\s(?:and|\+)\s", text):  # "our open roles + the year one blog post"
        pieces = [thing(piece, names) for piece in re.split(r"\s+(?:and|\+)\s+", text)]
        return " and ".join(p for p in pieces if p) if all(pieces) and len(pieces) <= 3 else None
    if found is None and text:
        found = _head_phrase(text, names)
    if not found or re.match(r"(?:me|us|on|in|at|to|for|with|from|by|of|after|before|until|till|once|when|if|"
                             r"about|around|over|out|up|back)\b(?!\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|"
                             r"ten|twelve|twenty|fifty|a few|a dozen)\b)", found, _I) or found.lower() in (
            "it", "this", "that", "both", "them", "these", "those", "one", "you", "some", "more", "again", "later",
            "first", "big", "big time", "a lot", "lots", "loads", "massively", "a favour", "a favor", "one big time",
            "properly", "formally", "officially", "directly", "personally", "separately", "quickly", "asap") \
            or _PERSON_HELD.fullmatch(found) or re.match(r"(?:the\s+|some\s+)?help\b", found, _I) \
            or re.match(r"(?:(?:the|a|an)\s+)?(?:via|through|thru|using|is|are|was|were|say|tell|thank|thx)\b", found,
                        _I) \
            or re.match(r"(?:(?:the|a|an|my|our|your)\s+)?(?:ok|okay|yes|no|go-ahead|green light|thing|stuff)"
                        r"(?:\s|$)", found, _I) \
            or set(found.lower().split()) & _NOT_THINGS:  # "here's the ok": not a thing
        return None
    if re.match(r"(?:it|them|they|he|she|him|her|you|us|me|we|i)\b(?!')", found, _I):
        return None  # "she'll send it mon": a pronoun, not a thing
    if re.fullmatch(r"[A-Z][a-z'’-]+", found) and found.lower() not in _SENDABLE:
        return None  # "asked Gordon": a person, not something to send
    if re.match(r"(?:the\s+|a\s+)?(?:some ?one|some ?body|any ?one|any ?body|people|no ?one)\b", found, _I):
        return None  # "needs someone who knows the book": a person, not something to send
    parts = [p for p in re.split(r"\s+and\s+", found)  # "my cv + what role im after": the CV is the thing
             if p and not re.match(r"(?:what|which|how|why|where|when|who)\b", p, _I)]
    if not parts:
        return None
    joined: list[str] = []
    for part in parts:  # "a quote for 40 seats + SSO": the SSO belongs to the quote, not a second thing
        if joined and re.search(r"\s(?:for|of|on|with|about|in)\s", joined[-1]) and len(part.split()) <= 2 \
                and not re.match(r"(?:the|a|an|my|our|your|some)\b", part, _I) and part.lower() not in _SENDABLE:
            joined[-1] = f"{joined[-1]} and {part}"
        else:
            joined.append(part)
    return " and ".join(_article(re.sub(r"\blinked ?in\b", "LinkedIn", p, flags=_I)) for p in joined)


_DETERMINED = rx.compile(r"(?:a|an|the|my|our|your|his|her|their|some|any|this|that|these|those|it|me|us|you|\d+|"
                         r"one|two|three|four|five|how|what|with|on|about|for|to|in|up|over|through|out)\b", _I)


def _owned(phrase: str, whose: str) -> str:
    """A bare object given its owner: their offer to 'share data room' → 'share your data room', to 'look at
    draft' → 'look at my draft'; a phrase with its own determiner, a name or a preposition is left alone."""
    if _DETERMINED.match(phrase) or phrase[:1].isupper():
        return phrase
    return f"{whose} {phrase}"


def _take_out(deliver: list[str], word: str, asked_for: list[str]) -> str | None:
    """Take the part of a thing to deliver that names ``word`` out of the list ('our deck and the metrics' →
    'our deck' stays, 'the metrics' is returned); None when nothing names it. What stays keeps its having been
    asked for."""
    for i, item in enumerate(deliver):
        parts = re.split(r"\s+and\s+", item)
        hit = [p for p in parts if word in p.lower()]
        if hit:
            rest = [p for p in parts if p not in hit]
            if rest:
                deliver[i] = " and ".join(rest)
                if item in asked_for:
                    asked_for.append(deliver[i])
            else:
                deliver.pop(i)
            return " and ".join(hit)
    return None


def _favour_done(clause: str, names: frozenset[str]) -> str | None:
    """What they did for the member, as a gerund phrase to thank them for: 'ms tan stayed late w/ mia twice this
    wk when i was stuck at work' → 'staying late with mia twice'; None when the clause says no such thing."""
    if re.match(r"^(?:i|we|my|our)\b", clause, _I):
        return None  # the member's own doing
    # "brutal but fair crit on my onboarding flow. thank her": what they gave, on the member's work
    given = re.match(r"^(?:[\w' ,-]{0,30}?\s)?(?P<noun>crit|critique|feedback|review|notes|advice|tips|pointers)\s+"
                     r"(?P<prep>on|of|for|about|abt|re)\s+(?P<x>(?:my|our)\s+[\w' -]{2,40})$", clause, _I)
    if given is not None:
        noun = "critique" if given["noun"].lower() == "crit" else given["noun"].lower()
        return f"the {noun} on {given['x']}"
    m = re.match(r"^(?:(?:ms|mr|mrs|dr)\.?\s+)?[\w'-]+\s+(?P<verb>[a-z]{2,}(?:ied|eed|[^e]ed))\s+(?P<rest>.+)$", clause,
                 _I)  # "ms tan stayed late", "she covered": the verb right after who did it
    if m is None or m["verb"].lower() in ("looked", "seemed", "sounded", "appeared", "seemed", "needed", "wanted"):
        return None  # "she looked exhausted": how they were, not what they did
    rest = re.split(r"\s+(?:when|while|because|coz|cos|since|as|after|so|but|and)\s", m["rest"], maxsplit=1,
                    flags=_I)[0]
    verb = m["verb"].lower()
    ing = verb[:-3] + "ying" if verb.endswith("ied") else verb[:-1] + "ing" if verb.endswith("eed") \
        else verb[:-2] + "ing"
    return None if (x := you_form(rest, names, 8)) is None else f"{ing} {x}"


def _gerund(phrase: str) -> str:
    """'debug a borrow checker issue' → 'debugging a borrow checker issue'."""
    verb, _, rest = phrase.partition(" ")
    low = verb.lower()
    if low.endswith("ing"):
        return phrase
    if low.endswith("e") and not low.endswith(("ee", "ye", "oe")):
        ing = low[:-1] + "ing"
    elif (len(low) <= 4 or low.endswith("bug")) and re.search(r"[^aeiou][aeiou][^aeiouwxy]$", low):
        ing = low + low[-1] + "ing"  # "plan" → "planning", "debug" → "debugging"
    else:
        ing = low + "ing"
    return f"{ing} {rest}".strip()


def _head_phrase(text: str, names: frozenset[str]) -> str | None:
    """A phrase too long to say whole, cut back to its head ('the list of programs I looked at' → 'the list of
    programs'; 'my honest take on X vs the online ones' → 'my honest take on X'), when that head is something
    that can be sent; None otherwise. Shorter and true beats whole and spliced."""
    text = re.sub(r"\s*\([^()]*\)", "", text).strip()
    cut = re.search(r"\s+(?:I|we|that|which|who|she|he|they|vs\.?|versus|so|because|if|when|once)\s", text)
    if cut:
        text = text[:cut.start()]
    words = text.split()
    for end in range(min(len(words), MAX_WORDS), 0, -1):
        if end < len(words) and words[end].lower() not in ("of", "on", "for", "from", "about", "to", "in", "with",
                                                           "at", "by"):
            continue  # cut only before a preposition: the rest of the phrase hangs off the head
        found = you_form(" ".join(words[:end]), names)
        if found and _head(found) in _SENDABLE:
            return found
    return None


def _article(part: str) -> str:
    low = part.lower()
    if low in ("bio", "cv", "resume", "portfolio", "talk abstract", "abstract", "headshot"):
        return ("my " if low in ("bio", "cv", "resume", "portfolio", "headshot") else "a ") + part
    acronym = part.split()[0].isupper() and len(part.split()[0]) <= 5
    if re.match(r"(?:\d+|two|three|four|five)\b", low):
        return f"the {part}"  # "3 slides" → "the three slides"
    if re.match(r"(?:a|an|the|my|our|your|some|that|this|those|these)\b", low) or (
            part[:1].isupper() and not acronym):
        return re.sub(r"^that\b", "the", part)
    head = re.split(r"\s+(?:for|on|of|about|with|to|from|in)\s+", low)[0].split()
    if head and (head[-1] in _COUNTABLE or head[-1] in _PLURAL_OK or head[-1].endswith("s")):
        return f"the {part}"
    if head and head[-1] in ("feedback", "advice", "information", "notes"):
        return f"my {part}"
    return f"the {part}"


# --- the patterns ------------------------------------------------------------------------------------

_STOP = rx.compile(
    r"\b(?:do\s*n[o']?t|dont|don't|no need to|never|won't|wont)\s+(?:chase|follow[ -]?up|nudge|contact|reach out|"
    r"bother|pursue|reply|message|msg|email|text|dm|engage|write|initiate)\b|\bno f/?u\b|\bno follow[- ]?ups?\b|"
    r"(?:^|[.!;]\s*|[\U0001F300-\U0001FAFF\u2600-\u27BF]\s*)no\s*[.!]+\s*$|\bso pointless\b|"
    r"\bno contact\b(?!\s+(?:info|information|details|number|email|e-mail|card|yet)\b)|\bruled (?:\w+ )?out\b|"
    r"\bnot a fit\b|\bno fit\b|^(?:so\s+)?no (?:msg|message)\W*$|"
    r"\bpolite no\b|^passed\W*$|\bno reason to (?:follow|reach|write|chase)|\bkept (?:pitching|selling|"
    r"pushing)\b|\btold (?:him|her|them) (?:maybe |probably )?(?:next year|not now|not yet|not this year)\b|"
    r"(?<!\btho )(?<!\bthough )(?<!\bwhen )(?<!\bafter )\bi (?:said|told (?:him|her|them)) no\b|"
    r"\bi declined\b|\bdeclined\b|\bscam\b|\bred flags\b|\bpassed on us\b|"
    r"\bnot interested\b|\bnot pursuing\b|\b(?:i'?m|we'?re|i am|we are) not (?:buying|investing)\b|"
    r"^(?:and\s+)?(?:she|he|they)\s+said\s+(?:thx|thanks|thank you|ty|cheers)\W*$|"
    r"\bdead end\b|\bno (?:need|point) (?:to )?follow|^(?:just\s+)?ignore(?: (?:him|her|them|it))?\W*$|"
    r"\bnot following up\b|\bnot worth (?:it|the time|chasing|pushing|following up|a follow-?up)\b|"
    # "not keeping in touch", "ALL comms via our solicitor", "mutual good luck"
    r"\bnot (?:keeping|staying) in touch\b|\b(?:all\s+)?(?:comms|communications?|contact)\s+(?:only\s+)?"
    r"(?:via|through|thru)\s+(?:our|my|the)\s+(?:solicitor|lawyer|attorney|counsel|agent|legal team)\b|"
    r"\bmutual good luck\b|\bblock(?:ing|ed) (?:him|her|them|me|us)\b|\b(?:she|he|they) blocked\b|"
    r"(?:^|\b(?:so|and|then|i|i'?m)\s+)block(?:ed|ing)(?: (?:him|her|them))?\W*$|"
    r"\blog only\b|\bcreepy\b|\bsold (?:it|them) to someone\b|^np\W+nothing else\W*$|"
    r"^nothing else (?:to do|pending|needed|open)\W*$|"
    r"^(?:(?:so|but|just|best to|better to|prob(?:ably)?|i'?ll|gonna)\s+)*(?:steer clear(?: of (?:him|her|them))?|"
    r"give (?:him|her|them) a wide berth|not going there)\W*$|"
    r"\btold (?:him|her|them) (?:i'?m )?not (?:looking|interested)\b|^(?:so )?(?:leave it|let it go|don'?t bother)\W*$|"
    # a no said either way, a request not to be contacted, a deal gone elsewhere, a conflict of interest
    r"^(?:i\s+|we\s+)?said no\b|\basked (?:me |us )?(?:\w+ly )?not to (?:add|contact|email|message|call|include|put|"
    r"sign|subscribe|reach)\b|\bno budget\b|\b(?:signed|went|going|gone|chose|picked) (?:\w+ ){0,4}(?:with|w/?) "
    r"(?:a |an |another )?"
    r"(?:competitor|rival|(?:another|other|a different|the other) (?:vendor|supplier|provider|agency|firm|company|"
    r"quote|builder|plumber|contractor|roofer|printer|caterer|photographer|venue))\b|^not chasing\W*$|"
    r"\bconflict of interest\b|\bblackout\b|"
    r"\bbidders?\b.*\b(?:i'?m|we'?re|i am|we are) (?:evaluating|assessing|scoring|judging|reviewing)\b|"
    # "DON'T.", "doesn't want me in touch w him", "awkward w/ Tom, leave it", "NOT to contact him directly"
    r"^(?:so\s+|just\s+|but\s+)?(?:do\s*n[o']?t|dont)\W*$|\b(?:does\s*n'?t|doesnt|do\s*n'?t|dont) want (?:me|us) "
    r"(?:in touch|to (?:contact|message|write|email|call))\b|"
    r"(?:^|,\s*)(?:(?:so|prob(?:ably)?|just|best to|better to)\s+)?(?:leave it|let it (?:go|be)|"
    r"leave (?:him|her|them) (?:be|alone))\W*$|"
    r"\bnot to (?:contact|message|email|call|approach|dm) (?:him|her|them)\b|"
    r"(?<!did )(?<!do )\bnot dm (?:him|her|them)\b|"
    r"^(?:but\s+)?no (?:thanks|thank you|thx|ty)\W*$|"
    # "no reply needed", "no response needed" (with nothing after it in the clause)
    r"\bno (?:reply|response|answer|msg|message|follow[- ]?up) (?:needed|required|necessary)\W*$",
    _I)
# A no to one thing, which stops the ladder only when the notes give the message nothing else to do: "no point
# pitching the partnership" (but "no point pitching the app. wants the match photos" still sends the photos),
# "polite but no", "not engaging.", "don't send anything", "no way to DM anyway"
_SOFT_STOP = rx.compile(
    r"(?:^|[,;]\s*)(?:(?:so|just|but)\s+)?(?:not engaging|polite but no|"
    r"(?:do\s*n'?t|dont) send (?:(?:him|her|them) )?anything|(?:do\s*n'?t|dont) (?:nag|pester)(?: (?:him|her|them))?|"
    # "… keep it down after 9, don't make it a thing"
    r"(?:do\s*n'?t|dont) make (?:it|this) (?:a )?(?:thing|big deal|fuss)|"
    r"no way to (?:dm|message|contact|reach|email)"
    r"(?: (?:him|her|them))?(?: anyway)?)\W*$|"
    r"(?:^|[,;]\s*)(?:(?:so|just|but)\s+)?no point (?:in )?(?:pitching|selling|chasing|following up|writing|"
    r"messaging|reaching out)\b(?!.*\b(?:he|she|they) said\b)(?!\s+to\b)", _I)
_WAIT = rx.compile(
    r"\b(?:she|he|they|she'll|he'll|they'll)\s*(?:'ll|will)?\s*(?:reach out|get in touch|be in touch|get back|"
    r"come back|contact me|ping me|circle back|follow up)\b|\bsaid no for now\b|\bno for now\b|\brevisit\b|"
    r"\bkeep (?:her|him|them) posted\b|\bquarterly update\b|\breach out (?:after|in|once|when)\b|"
    r"\bnot the right (?:stage|time|moment|timing)\b|"
    r"\b(?:on leave|away) (?:till|until)\b|^(?:it'?s\s+)?(?:her|his|their) move\W*$|^wait for (?:him|her|them)\W*$|"
    # "ping him after easter", "budget frozen til april": the member writes again then
    rf"\b(?:ping|email|call|contact|message|msg) (?:him|her|them) (?:after|in) (?:the )?(?:{_SEASON}|{MONTH}|"
    r"q[1-4]\b|(?:a|one|two|three|a few|a couple of|\d+) (?:weeks?|months?)\b|next (?:week|month|year|quarter|"
    r"term)\b)|"
    r"\b(?:budget|hiring|ethics|spend)\w* (?:is |are )?(?:frozen|freeze) (?:til|till|until|to)\b|"
    r"\b(?:do\s*n'?t|dont) (?:nudge|chase|follow up|ping|message|email|contact|text|dm|write)"
    r"(?: (?:her|him|them))? (?:before|until|till|til|b4)\b|\bgive (?:her|him|them) (?:some )?space\b|"
    r"\b(?:he|she|they)(?:'ll| will) (?:fwd|forward|pass (?:it|this) on)\b|"
    r"\b(?:he|she|they) replied\b(?!\s+(?:with|w/?)\s)|"
    # "she will email me after the board", and their own words quoted: "I'll sort the form and come back to you"
    r"\b(?:she|he|they)(?:'ll|\s+will)\s+(?:email|write|call|ring|phone|text|message|dm|update|contact)(?:\s+(?:me|us))?"
    r"\s*(?:$|[,;.]|after|once|when|in|next|by|later|back|soon)|"
    r"\b(?:i'?ll|i will)\b[^.;]*\b(?:come back|get back|circle back|revert|be in touch)\s+(?:to|with)\s+you\b|"
    r"\bsaid (?:she|he|they)(?:'d| would)\s+(?:ping|email|call|text|message|dm|contact)\s+(?:me|us)\b"
    r"(?!\s+(?:an?|the|some|his|her|their|\$?\d)\b)|"  # "said he'd email us a credits code": a promise, not a wait
    r"\bsaid (?:she|he|they)(?:'d| would)\s+(?:reach out|get in touch|be in touch)\b|"
    r"(?:\b(?:she|he|they)(?:'ll|\s+will)\s+|^will\s+)(?:decide|think it over|let (?:me|us) know|confirm)\b",
    _I)

_PLAN_VERBS = (r"(?:co-\w+|start|launch|build|move|open|write|run|host|organi[sz]e|expand|hire|raise|grow|create|"
               r"set up|speak|"
               r"present|give|visit|travel|learn|switch|become|go|join|leave|retire|make|try|teach|study|record|"
               r"publish|found|co-found|relocate|pivot|scale|sell|buy|get into|break into|transition|apply)\b")
_SENT = rx.compile(r"^(?:(?:i|we)\s+(?:already\s+)?(?:sent|emailed|forwarded|shared|whatsapped)\s+"
                   r"(?:(?:her|him|them)\s+)?|"
                   r"(?:already\s+)?(?:sent|emailed|forwarded|whatsapped)\s+(?!me\b|us\b)(?:(?:her|him|them)\s+)?)"
                   r"(?:over\s+)?(?P<x>.+)$", _I)  # "shared X" alone may be theirs: only "I shared X" is the member's
# ("sent me his starter" is theirs, thanked by `_THANKS`)
_SENT_WHEN = rx.compile(r"\s+(?:(?:right|straight|just)\s+)?(?:after|before|during)\s+(?:the|our|my)\s+\w+.*$|"
                        r"\s+(?:that|the same|same|last)\s+(?:night|day|evening|morning|week|afternoon)\b.*$|"
                        r"\s+(?:already|anyway|yesterday|today|tonight|on \w+day|(?:mon|tues?|wed|thurs?|fri|sat|sun)"
                        r"(?:day)?)\b.*$", _I)
_MY_PROMISE = rx.compile(
    r"^(?:i\s+|me\s+)?(?:still\s+)?(?:(?:promised|said i'?d|said i would|told (?:him|her|them) i'?d|will|i'?ll|"
    r"i will|i'?d|i would|need to|"
    r"should|must|owe (?:him|her|them) an?)\s+)+(?:to\s+)?(?P<verb>send|share|email|forward|write up|write|try|"
    r"review|intro|introduce|connect|put together|make|draft|look at|test|pass along|dig up|find|open|submit|do)"
    r"(?![\w-])(?:\s+(?:him|them|over|her(?=\s+(?:the|my|our|a|an|some|that|this)\b)))?\s*(?P<rest>.*)$", _I)
# a bare "offered" is the member's, unless the thing is the member's to receive ("offered me …") or theirs to give
# ("offered free assessment at her clinic", "offered his flat"; "offered her a discount" stays the member's)
_I_PROMISED_THING = rx.compile(r"^(?:i\s+)?(?:promised|offered(?!.*\b(?:me|my|us|our)\b)"
                               r"(?!\s+(?!her\b|him\b|them\b)\S.*\b(?:his|her|their)\b))\s+"
                               r"(?:(?:him|her|them)\s+)?(?P<rest>(?!to\b).+)$", _I)
# what the member offers to do with them, not to send: "offered a 30min screen share next wk" is to arrange
_TO_ARRANGE = frozenset(("session", "sessions", "call", "calls", "meeting", "chat", "catch-up", "catchup", "share",
                         "screenshare", "screen-share", "walkthrough", "walk-through", "demo", "tour", "visit"))
# their words in quotes, as a clause of its own: "liked the demo. 'send me deck + numbers'" (their "your" is the
# member's); never with a condition ("send me the deck when you have traction": not yet). The clauses have lost
# their quote marks by then, so the notes are checked for one before "send me" (`_QUOTED_SEND_ME`); "she said
# send me …" and "i said yes, send me …" have their own readers.
_QUOTED_SEND_ME = rx.compile(r"['\"“‘]\s*send me\b", _I)
_THEIR_SEND_ME = rx.compile(r"^['\"“‘]?\s*send me\s+(?P<x>(?:(?!\b(?:when|once|if|after|before|unless)\b)"
                            r"[^'\"”’])+?)\s*['\"”’]?[.!]?$", _I)
# the member's promise to ask someone else for them: "said i'd ask Dani if the roastery takes local stuff"
_ASK_AROUND = rx.compile(r"^(?:i\s+)?(?:said|told (?:him|her|them)|promised)\s+(?:i'?d|i would|i will|i'?ll|to)\s+"
                         r"ask\s+(?P<who>(?:(?!\b(?:if|whether|about|re|for|abt)\b).)*?)\s*"
                         r"(?P<what>\b(?:if|whether|about|abt|re|for)\b.*)?$", _I)
_ROLE = rx.compile(r"\b(?:tutor|professor|prof|boss|manager|mgr|team|lads|friends?|colleagues?|cousin|brother|sister|"
                   r"partner|wife|husband|landlord|neighbou?r|contact|network|hr|recruiter|founder|cto|ceo|dept|"
                   r"department|firm|company|office|club|group)\b", _I)


def _owed_favour(owed: str, names: frozenset[str]) -> str | None:
    """What giving back a lift or money owed is: 'a lift sun 14th' → 'give you a lift on Sunday 14th', '€8 postage
    via mbway' → 'send you the €8 for the postage'; '' when it is one but no sentence can carry its details; None
    when it is neither."""
    if (ride := re.fullmatch(r"(?:an?\s+)?(?P<t>lift|ride)\b[\s,]*(?P<when>.*)", owed, _I)) is not None:
        when = expand(ride["when"]).strip(" ,.;")
        when = f"on {when}" if re.fullmatch(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?: \d{1,2}(?:st|nd|rd|th)?)?",
                                              when) else (you_form(when, names, 4) or "" if when else "")
        if when and not re.match(r"(?:on|to|home|back|into|from|next|this|after)\b", when, _I):
            when = ""  # "a lift, maybe", "whenever she is next in town…": the lift, without the note's hedging
        return f"give you a {ride['t'].lower()} {when}".strip()
    for word, amount in _MONEY_WORDS:
        owed = re.sub(word, amount, owed, flags=_I)
    if (money := re.match(rf"^(?P<amount>{CURRENCY}\s?\d{{1,3}}(?:,\d{{3}})+|"
                          rf"{CURRENCY}\s?\d{{1,6}}(?:[.,]\d{{1,2}})?)\b"
                          r"[\s,]*(?:balance\s+)?(?:for\s+)?"
                          r"(?P<rest>.*)$", owed)) is not None:
        what = re.sub(r"\s+(?:via|by|on|through|thru|over)\s+\S+.*$", "", money["rest"].split(",")[0]).strip(" ,.;")
        if what.lower() in ("cash", "in cash", "money", "back"):
            what = ""  # "£65 cash, forgot wallet": how, not what for
        what = re.sub(r"^(?:the|a|an|his|her|their)\s+", "", what, flags=_I)
        phrase = you_form(what, names, 3) if what else None
        return f"send you the {money['amount']} for the {phrase}" if phrase and not re.search(
            r"\b(?:she|he|they|us|we)\b", phrase, _I) else f"send you the {money['amount']}"
    return None


_PAY_APPS = (r"bank details|account details|bank info|account number|iban|sort code|paypal|venmo|revolut|zelle|"
             r"cash ?app|monzo|mobilepay|swish|bizum|m-?pesa(?: number)?|upi(?: id)?|pix(?: key)?|mbway|twint|paylah|"
             r"paynow")
# what the member still needs to pay them: "venmo?", "need his bank details", "ask for her paypal"
_PAY_DETAILS = rx.compile(rf"\b(?:need|ask(?:\s+for)?|what'?s)\s+(?:(?:his|her|their|the)\s+)?"
                          rf"(?P<a>{_PAY_APPS})\b|"
                          rf"(?:^|[.;,\n-]\s*)(?P<b>{_PAY_APPS})\s*\?", _I)
_PAY_APP_NAMES = {"iban": "IBAN", "paypal": "PayPal", "venmo": "Venmo", "revolut": "Revolut", "zelle": "Zelle",
                  "monzo": "Monzo", "mbway": "MB WAY", "upi": "UPI ID", "upi id": "UPI ID", "pix": "Pix key",
                  "bizum": "Bizum number", "swish": "Swish number", "twint": "TWINT", "mobilepay": "MobilePay number"}
# money words a note uses for an amount: "a tenner", "20 quid", "15 bucks", "60 euros"
_MONEY_WORDS = ((r"^(?:a\s+)?tenner\b", "£10"), (r"^(?:a\s+)?fiver\b", "£5"), (r"^(\d{1,5})\s*quid\b", r"£\1"),
                (r"^(\d{1,5})\s*(?:bucks|dollars)\b", r"$\1"), (r"^(\d{1,5})\s*(?:eur|euros?)\b", r"€\1"))


def _pay_how(notes: str) -> str | None:
    """How the member pays what they owe, when the notes say: details still to ask for, or cash."""
    if (m := _PAY_DETAILS.search(notes)) is not None:
        app = (m["a"] or m["b"]).lower()
        return "your " + _PAY_APP_NAMES.get(app, app)
    for sentence in re.split(r"[.;!\n]+", notes):  # "pick up next sun. he's holding it. cash only!": said nearby
        if re.search(r"\bcash(?: only)?\b", sentence, _I) and not re.search(
                r"\b(?:paid|gave|sent|handed)\b[^.;]*\bcash\b|\bshort (?:on|of) cash\b|"
                r"\b(?:she|he|they)(?:'ll| will)?\s+collect", sentence, _I):
            picking_up = re.search(r"\bpick(?:ing)?\s+(?:it\s+|them\s+)?up\b|\bpick ?up\b|\bcollection\b", notes, _I)
            theirs = re.search(r"\b(?:she|he|they)(?:'ll| will)?\s+(?:pick|collect)", notes, _I)
            return "cash at pickup" if picking_up and not theirs else "cash"
    return None


def _singular(phrase: str) -> str:
    """'portfolio links' → 'portfolio link': one of a swapped pair is the member's."""
    return re.sub(r"(?<=[a-z]{3})s$", "", phrase.strip())


def _congrats(text: str, names: frozenset[str]) -> str | None:
    """'the new baby (girl, Anaya?) + promoted to director' → 'the new baby and the promotion to director'."""
    parts = []
    for part in re.split(r"\s+(?:and|\+|&)\s+", re.sub(r"\s*\([^)]*\)?", "", expand(text)).strip(" .!?")):
        part = re.sub(r"^(?:being\s+|getting\s+)?promoted\b", "the promotion", part.strip(), flags=_I)
        part = re.sub(r"^(?:the\s+)?new\b", "the new", part, flags=_I)
        if not part or names & {w.lower() for w in re.findall(r"[\w'-]+", part)} or "?" in part:
            return None
        if len(part) > 60:
            return None
        phrase = you_form(part, names, 6)
        if phrase is None and re.fullmatch(r"(?:the\s+)?(?:new\s+)?(?:baby|job|role|house|home|puppy)", part, _I):
            phrase = part  # family news is kept out of messages, unless the member's own "congrats on" names it
        if phrase is None:
            return None
        parts.append(phrase if re.match(r"(?:the|your|a|an)\b", phrase, _I) else f"the {phrase}")
    return " and ".join(parts) or None


_ASK_SOMEONE = rx.compile(r"(?:maybe |could |might |i could |i'?ll |i can )?ask (?P<who>(?:my |our )?[\w'’]+)\W*", _I)
_NEED_OF_THEIRS = rx.compile(
    r"(?:(?:his|her|their)\s+)?(?P<whose>daughter|son|kids?|wife|husband|partner|mum|mom|dad|brother|sister|niece|"
    r"nephew|grandson|granddaughter|team|firm|company|shop|church|school)?\s*(?:(?:she|he|they)(?:'s| is)?\s+)?"
    r"(?:needs|wants|(?<=s )looking for|(?<=is )looking for|(?<=s )after)\s+(?P<x>[\w' -]{3,40}?)\W*", _I)
# ("looking for a new flat - ask Tom?": whose need only a subject says; "needs"/"wants" are theirs)


_NOT_SOMEONE = TIME_WORDS | _words("him her them first around")  # "ask tomorrow": when, not whom


def _ask_for_their_need(clause: str, prior: str) -> re.Match[str] | None:
    """A need of theirs, then a bare "ask <someone>" ("daughter needs gcse maths tutor - ask Ellie?"): the member
    asks that person for them, read as "said i'd ask Ellie about a gcse maths tutor for your daughter". (The need is
    read only from a sentence of 120 characters or fewer: its optional words cost time on long runs of spaces.)"""
    if len(prior) > 120 or (who := _ASK_SOMEONE.fullmatch(clause)) is None \
            or (need := _NEED_OF_THEIRS.fullmatch(prior)) is None:
        return None
    if who["who"].lower() in _NOT_SOMEONE:
        return None  # "needs a new boiler - ask tomorrow": when, not whom
    wanted = _a_or_none(re.sub(r"^(?:an?|some)\s+", "", need["x"], flags=_I))  # "some advice on visas": advice
    wanted += f" for your {need['whose'].lower()}" if need["whose"] else ""
    return _ASK_AROUND.match(f"said i'd ask {who['who']} about {wanted}")


def _asked_around(match: re.Match[str], names: frozenset[str]) -> str | None:
    """'Dani' + 'if the roastery takes local stuff' → 'someone I know whether the roastery takes local stuff';
    'my old tutor at TU Delft' + "if she'd chat w him" → "my old tutor at TU Delft whether she'd chat with you".
    A third party's bare name stays out of the message; their role stays in."""
    then = r"\s+(?:and|\+)\s+(?=(?:let|tell|get back|review|send|share|look|check|intro|introduce|help|call|email)\b)"
    who = re.split(then, expand(match["who"]).split(",")[0])[0].strip(" ,")
    what = re.split(then, expand(match["what"] or "").split(",")[0])[0].strip(" ,.!?")
    if re.fullmatch(r"(?:(?:him|her|them|it)(?:\s+first)?|first|again|around)?", who, _I) and not what:
        return None  # "told him i'll ask her first, no promises": whom and what are for the member to say
    if who.lower() in _INTERNAL:
        return None  # "i said i'd ask facilities": a check inside the member's own organisation, read as such
    for name in names:  # "ask Tomasz's boss", said to Tomasz: "your boss"
        who = re.sub(rf"\b{re.escape(name)}['’]s\b", "your", who, flags=_I)
    if names & {w.lower() for w in re.findall(r"[\w'-]+", who)}:
        return None
    if re.fullmatch(r"(?:dad|mum|mom|father|mother|brother|sister|uncle|aunt|auntie|wife|husband|partner|cousin|"
                    r"boss)", who, _I):
        who = f"my {who.lower()}"  # "said i'd ask dad": my dad
    if who and not _ROLE.search(who) and not re.match(r"(?:the|my|our|a|an|some)\b", who, _I):
        if re.search(r"\b(?:our|we|us)\b", what, _I):
            who = ""  # "ask Hannah if our importer wants samples": a colleague, the question is what matters
        else:
            who = "a couple of people I know" if re.search(r"\s(?:and|\+|&)\s", who) else "someone I know"
    if re.fullmatch(r"(?:him|her|them)(?:\s+first)?", who, _I):
        who = ""
    if what:
        what = re.sub(r"^(?:if|whether)\b", "whether", what, flags=_I)
        what = re.sub(r"^(?:abt|re)\b", "about", what, flags=_I)
        what = re.sub(r"\b(?:with|to|for|help|meet|see|call)\s+(?:him|them|her(?!\s+[a-z]))\b",
                      lambda m: m[0].rsplit(" ", 1)[0] + " you", what, flags=_I)
        what = re.sub(r"\b(for|with|to)\s+(?:her|his|their)\s+(?=[a-z])", r"\1 your ", what, flags=_I)  # "for her team"
        if names & {w.lower() for w in re.findall(r"[\w'-]+", what)}:
            return None  # their own name in it: how to say it is theirs to judge
    said = " ".join(p for p in (who, what) if p)
    return said or None


_OWE = rx.compile(rf"^(?:i\s+)?(?:still\s+)?owe\s+(?:(?:him|her|them)\s+|(?={CURRENCY}\s?\d))(?:still\s+)?"
                  r"(?P<rest>.+)$", _I)
_IMPERATIVE = rx.compile(r"^(?:me:\s*)?(?P<verb>send|share|email|forward)\s+"
                         r"(?:(?:him|them|her(?=\s+\w))\s+)?"  # "email her date + numbers": she gets them
                         r"(?P<rest>.+)$",
                         _I)
# What they offered, called off: "later said req is frozen", "the role's on hold now", "that fell through"
_CALLED_OFF = rx.compile(r"\b(?:req|requisition|role|job|position|opening|offer|hiring|it|that)\s*(?:is|was|'s|got|has "
                         r"been|now)?\s+(?:frozen|on hold|cancell?ed|pulled|withdrawn)\b|\bfell through\b|"
                         r"\bnot happening\b", _I)
# A treat the member promised: "i promised coffee next hearing", "owe her a pint"
_TREAT = rx.compile(r"^(?:i\s+)?(?:promised|owe)\s+(?:(?:him|her|them)\s+)?(?:a\s+)?"
                    r"(?P<x>coffee|drink|drinks|pint|lunch|dinner|beer|brunch)\b(?P<when>[\w ]{0,30})$", _I)
# a request the member is still weighing: "said maybe", "said I'd confirm by weds after checking shifts"
_WEIGHING = rx.compile(r"\b(?:said maybe|think (?:about|abt) it|need to check|check(?:ing)? (?:my |the )?"
                       r"(?:shifts?|rota|diary|calendar)|said (?:i|we)(?:'?d|\s+would|'?ll|\s+will)\s+"
                       r"(?:confirm|let (?:him|her|them) know|get back))\b", _I)
# "i said yes to 2 night shifts", "said yes to the panel": a yes to a task of theirs, named
_YES_TO = rx.compile(r"^i\s+said\s+yes\s+to\s+(?P<x>(?:a|an|the|some|\d+|one|two|three|four|both)\s+"
                     r"(?:(?!\b(?:offer|job|role|position|call|chat|coffee|meeting)\b)[^,;])+)$", _I)
# the member's no to what was asked of them: "can't", "said no", "no - away that wknd"
_NO_TO = rx.compile(r"^(?!.*\b(?:yes|yeah|ofc|of course|happy to|glad to)\b)"  # "cannot believe it, yes ofc": a yes
                    r"(?:i\s+|we\s+)?(?:said\s+|told (?:him|her|them)\s+)?(?:no\b(?!\s+(?:problem|probs?|worries|"
                    r"rush|bother|doubt|question|way i'?d miss))|nope\b|"
                    r"can'?t\b(?!\s+(?:wait|say no|complain|believe))|cannot\b(?!\s+(?:wait|believe))|"
                    r"(?:actually\s+)?decided (?:no|against)\b|"
                    r"won'?t be able\b|not this (?:time|year)\b)"
                    r"(?!\s+(?:idea|clue|word|reply|answer|news|promise))", _I)
_YES = rx.compile(r"^[^\w\s]*\s*(?:(?:then|later|eventually|in the end)\s+)?(?:i\s+)?(?:said\s+)?"
                  r"(?:yes|yep|yeah|sure|agreed|ok|okay|of course|ofc|happy to|glad to|love to|would love to|will do|"
                  r"absolutely|definitely|no problem|no probs?|no worries|"
                  r"can'?t wait)\b"
                  r"(?:\s*(?:,|!|will do|i'?ll do it))*", _I)
# "offered to mentor her monthly", no one named: the member's offer, made to them
_MINE_TO_THEM = (r"offered\s+to\s+[\w-]+\s+(?:him|them|her)(?:\s+(?:monthly|weekly|sometime|soon|through|thru|with|on|"
                 r"for|to|at|in|around|round)\b|\s*[,.;!?]|\s*$)")
_THEIR_PROMISE = rx.compile(
    rf"^(?!{_MINE_TO_THEM})"
    r"(?:(?:said (?:she|he|they)(?:'d| would| will|'ll| could| can)|"
    r"(?:she|he|they)\s+(?:offered(?: to)?|will|'ll|promised(?: to)?|can|could|"
    r"said (?:she|he|they)(?:'d| would| will|'ll| could| can))|"
    r"(?:she|he|they)'ll|offered(?: to)?(?=.*\b(?:me|my|us|our|his|her|their)\b)))"
    r"\s+(?P<verb>introduce|intro|send|email|post|whatsapp|lend|review|loop in|share|connect|look at|refer|"
    r"give|host|help|check|quote|mentor|read|translate|proofread|edit|design|"
    r"point (?:me|us) (?:to|at|towards)|walk (?:me|us) (?:through|thru))\b"
    r"(?:\s+(?:me|us)\b)?\s*(?P<rest>.*)$", _I)
# "she can't help with the bid itself but can point me to the supplier team": what they can do, mid-sentence
_POINT_ME = rx.compile(r"\b(?:but|and|though)\s+(?:(?:she|he|they)\s+)?(?:can|could|will|'ll|offered to)\s+"
                       r"point (?:me|us) (?:to|at|towards)\s+(?P<x>[^,;]+)$", _I)
_OFFERED_THING = rx.compile(r"^(?:(?:she|he|they)\s+)?offered\s+(?:(?:me|us)\s+)?"
                            r"(?!(?:the|his|her|their)\s+[\w-]+\s+(?:an?|some|the)\s)"  # "the team a pizza party"
                            r"(?P<rest>(?!to\b)(?:(?!\bto\s+(?:the\s+)?(?:someone|somebody|another|other|"
                            r"a different|his|her|their)\b).)+)$", _I)
_THEIR_ASK = rx.compile(
    r"^(?:(?:she|he|they)(?:'s|'re)?\s+)?(?:also\s+)?"
    r"(?P<verb>asked (?:me )?(?:for|about|abt|re|how|what|why|where|which|whether|if|to)|"
    r"told me to|"
    r"asked|wants|wanted|would like|'d like|needs|needed|is looking for|looking for|is interested in|"
    r"interested in|keen on|curious about)\s+(?P<rest>.+)$", _I)
_THANKS = rx.compile(
    r"^(?:(?:she|he|they)\s+)?(?P<verb>helped me|helped us|"
    r"gave (?!(?:him|her|them)\b)(?:me |us )?(?:great |good |useful |really )*|sent me|"
    r"(?:brought|baked|cooked) (?:me|us)(?= (?:a |an |some |the )?[\w-]+\W*$)(?! (?:a |an |some |the )?(?:late|"
    r"here|home|back|round|together|up|down|in|out)\b)|"
    r"shared|showed me|hosted|recommended|pointed me to|introduced me to|answered my (?:question|q)s?)\s*"
    r"(?P<rest>.*)$", _I)
# a swap agreed: "said we'd swap portfolio links", "we'll swap recipes"
_SWAP = rx.compile(r"^(?:(?:we|i)\s+)?(?:said we'?d|said we would|agreed to|we'?ll|will)\s+swap\s+(?P<x>[\w -]{3,40})$",
                   _I)
# what the member sends for them to act: "she'll fix my march claim if i resend receipts by fri"
_IF_I_SEND = rx.compile(r"\bif i (?:re)?(?:send|share|email|forward)\s+(?:(?:her|him|them)\s+)?(?P<x>[\w -]{3,40}?)"
                        r"(?:\s+by\s+\w+)?\W*$", _I)
# something of the member's they have and will give back: "lent him my GoPro mount. he'll post it back"
_LENT_THEM = rx.compile(r"^(?:i\s+|we\s+)?(?:(?:lent|loaned)\s+(?:him|her|them)\s+(?P<whose>my|our)|"
                        r"gave\s+(?:him|her|them)\s+(?P<given>my))\s+"
                        r"(?!(?:business\s+)?(?:card|number|details|email|contact|whatsapp)\b)(?P<x>[\w -]{2,40}?)"
                        r"(?:\s+(?:to|for|until|till)\b.*)?$", _I)
# money they owe the member: "owes me $40 for the concert tickets"
# ("still owes me 120 zł go karts", "owes us £1,850 for the extra day", "owes £5 for pitch")
_OWES_ME = rx.compile(r"^(?:(?:she|he|they)\s+)?(?:still\s+)?(?:owes\s+(?:(?:me|us)\s+)?|owe\s+(?:me|us)\s+)"
                      rf"(?P<amount>{CURRENCY}\s?\d{{1,3}}(?:,\d{{3}})*(?:\.\d{{1,2}})?|"
                      r"\d{1,3}(?:,\d{3})*(?:[.,]\d{1,2})?\s?"
                      r"(?:zł|zl|pln|eur|euros?|dollars?|quid|bucks|kr|chf|sek|nok|dkk|rs|inr|aud|nzd|cad|soles|pesos|"
                      r"rand|baht|ringgit|lira|dirhams?|naira|cedis|shillings|yuan|rmb|won|yen|rupees)|"
                      r"\d{1,3}(?:,\d{3})*\s?[€£$])(?![\w,.]\d)"
                      r"(?:\s+(?:for\s+)?(?P<what>(?!back\b|to\b)[\w -]{2,40}?))?"
                      # "for the wool roll i shipped her in jan": the thing, not when it went
                      r"(?:\s+(?:that\s+)?(?:i|we)\s+(?:shipped|sent|sold|gave|lent|posted|delivered)\b"
                      r"[\w -]{0,40})?\W*$",
                      _I)
# what is not to be said: "lol dont mention", "don't bring it up"
_NOT_TO_SAY = rx.compile(r"\b(?:do\s*n'?t|dont|do not|never|not to)\s+(?:mention|ask|bring (?:it |that )?up|raise)\b",
                         _I)
# the member asked them to send something: "i said send pics first" (never "i said i'd send")
_I_SAID_SEND = rx.compile(r"^(?:i|we)\s+(?:said|told (?:him|her|them))\s+(?:to\s+)?send\s+(?:(?:me|us)\s+)?"
                          r"(?!(?:him|her|them)\b)(?P<x>.+?)(?:\s+first)?$", _I)
# what they said they'd send: "she'd send me the link to their field season blog" ("she'll send …" has its reader)
_THEY_WOULD_SEND = rx.compile(r"^(?:she|he|they)(?:'d| would)\s+(?:send|email|forward|share)\s+(?:me|us)\s+"
                              r"(?P<x>.+)$", _I)
# something of theirs the member may borrow: "said i can borrow his bike box", "spare wetsuit i can borrow"
_MAY_BORROW = rx.compile(r"^(?:(?:she|he|they)\s+)?(?:said|says|offered that)\s+i\s+(?:can|could|may)\s+borrow\s+"
                         r"(?P<x>.+)$|^(?:(?:his|her|their|a)\s+)?(?P<y>spare\s+[\w -]{2,30}?)\s+i\s+(?:can|could)\s+"
                         r"borrow\W*$", _I)
# what they said they would read for the member: "she'd look at my cv", "he would review my draft" (the
# drafter takes such an offer up as "your offer to look at my CV"; a thing to send or an intro has its own readers)
_THEY_WOULD = rx.compile(r"^(?:she|he|they)(?:'d| would)\s+(?:happily\s+|gladly\s+|be happy to\s+)?"
                         r"(?P<rest>(?:look at|look over|read|review|check|proofread)\s+(?:my|our)\b.+)$", _I)
# the member's offer to pay: "offered to pay dry cleaning", "i'll pay for the repair"
_PAY_FOR = rx.compile(r"(?:^|[.;!,]\s*|(?<!\bhe)(?<!\bshe)(?<!\bthey)(?<!\bit)(?<!\bwho)\s(?=offered\b))"
                      r"(?:i\s+)?(?:offered|said i'?d|i will|i'?ll)\s+(?:to\s+)?pay\s+"
                      r"(?:for\s+)?(?:the\s+|his\s+|her\s+|their\s+)?(?P<x>[\w -]{3,40})$", _I)
# a favour done for the member, to thank them for: "he reviewed my PR on the docs", "putting me +1 on the list"
_FAVOUR = rx.compile(r"(?:^|,\s*)(?:(?:she|he|they)\s+)?(?:(?:kindly|already|also|is|was)\s+)?"
                     r"(?P<verb>reviewed|fixed|sorted out|sorted|covered|proofread|looked over|read through|lent me|"
                     r"loaned me|drove me(?=\s+(?:home|back|to|all the way)\b)|"
                     r"put me(?=\s+(?:\+1\s+)?on (?:the|his|her|their) (?:guest ?)?list|\s+up\b)|"
                     r"putting me(?=\s+(?:\+1\s+)?on (?:the|his|her|their) (?:guest ?)?list|\s+up\b))"
                     r"\s+(?P<rest>.+)$", _I)
# money owed because they lent it or paid for the member: "covered my taxi", "she paid for the cab", "pay back!!"
_LENT = rx.compile(r"\b(?:lent|lend|loan(?:ed)?|borrow(?:ed)?(?!\s+checker)|covered|spotted me|fronted|"
                   r"paid for (?:me|us)|got (?:me|us)|bought (?:me|us)|owes? back|pay(?:ing)? (?:\w+ )?back|"
                   r"(?:she|he|they) paid|"
                   r"paid for the|got the (?:round|drinks|bill|tab)|[£€$]\d+ back)\b", _I)
# money already given back: "paid him back already", "sent it back via paypal", "repaid"
_REPAID = rx.compile(r"\b(?:paid (?:him|her|them|it) back|paid back|repaid|sent (?:it|the money) back|settled up|"
                     r"squared up|gave (?:it|the money) back)\b", _I)
# a favour under way: "doing thurs pickup for me", "she's covering my saturday shift for me"
_DOING_FOR_ME = rx.compile(r"^(?:(?:she|he|they)(?:'s|'re|\s+is|\s+are)\s+)?(?:(?P<ing>doing)\s+(?P<x>(?:the\s+|my\s+|"
                           r"our\s+)?(?:\w+\s+){0,2}?(?:pickup|pick-up|pick up|school run|drop-?off|shift|cover|rota|"
                           r"run))|(?P<ing2>covering|minding|watering|feeding|walking)\s+(?P<x2>[\w' -]{2,40}?))"
                           r"\s+for\s+(?:me|us)\W*$", _I)
_FAVOUR_GERUND = {"reviewed": "reviewing", "fixed": "fixing", "sorted out": "sorting out", "sorted": "sorting out",
                  "covered": "covering", "proofread": "proofreading", "looked over": "looking over",
                  "read through": "reading through", "lent me": "lending me", "loaned me": "lending me",
                  "drove me": "driving me", "put me": "putting me", "putting me": "putting me"}
# their news to congratulate: "congrats on the new baby + promoted to director"
# (read from the whole notes: the clause reader leaves family news out, but "congrats on" is the member's own word)
_CONGRATS = rx.compile(r"\b(?:congrats|congratulations|congratulate (?:him|her|them))\s+(?:on|for)\s+"
                       r"(?P<rest>[^.;!?,\n]{3,120})", _I)
# "thank her properly", "apologise + thank him": thanks for what the clause before says they did.
_THANK_FOR_IT = rx.compile(r"^(?:apologi[sz]e\s+(?:and|\+)\s+)?(?:say\s+)?(?:thank|thanks|thx)(?:\s+(?:him|her|them))?"
                           r"(?:\s+(?:properly|again|so much|in person|for (?:it|that|this|everything)))?$", _I)
_THANK_NOTE = rx.compile(r"^thank (?:him|her|them)?\s*(?:for\s+)?(?P<rest>.+)$", _I)
_MY_ASK = rx.compile(
    r"^(?:ask|q|question|qs)\b\s*(?:for (?:him|her|them))?\s*(?::|re|about|abt|if|whether)?\s*(?P<rest>.+)$", _I)
_ASK_AFTER = rx.compile(r"^(?P<rest>.*\w)\W*\bask\W*$", _I)  # greedy to the last word: linear, never quadratic
_OK_TO = rx.compile(r"^(?:is it\s+)?ok(?:ay)? to (?P<rest>.+)$", _I)
_REPLY_TO = rx.compile(r"^(?:reply|respond|answer)\s+to\s+(?:(?:his|her|their)\s+)?(?P<what>email|message|dm|q|"
                       r"question)\s+(?:re|about|abt|on)\s+(?P<rest>.+)$", _I)
_NEXT = rx.compile(
    r"^(?P<what>coffee|call|demo|lunch|drinks|chat|meeting|intro call|catch[- ]?up|beer|walk|run|2nd round|"
    r"second round|next round|final round|onsite|interview|"
    # a shared activity proposed for a day: "playdate sat?", "rematch next thu"
    r"playdate|play date|rematch|game|match|hike|ride|climb|swim|jam|practice|rehearsal|brunch|breakfast|dinner|"
    r"pairing(?: session)?|pair session)"
    r"\s*(?P<again>again)?"
    r"\s*(?P<when>(?:next (?:wk|week|month|mon|tues|wed|thurs|fri|sat|sun)\w*|on \w+day|mon|tues?|wed|thurs?|fri|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|this week|this weekend|later this month|tomorrow|"
    r"in (?:the )?(?:spring|summer|autumn|fall|winter|new year))"
    r"(?:\s+(?:morn(?:ing)?|afternoon|arvo|eve(?:ning)?|night|am|pm|(?:at\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)))?"
    r"(?:\s+(?:her|his|their|your|my|uk|us|cet|est|pst|gmt|bst|ist) time)?)"  # "call sat 10am her time"
    r"\s*\??$", _I)
# what they sent or showed, said just before "owe him mine": "sent hugelkultur pics", "she shared her slides"
_THEIRS_SENT = rx.compile(r"^(?:(?:she|he|they)\s+)?(?:sent|shared|showed)(?:\s+(?:me|us))?\s+"
                          r"(?:(?:his|her|their)\s+)?(?P<x>[\w' -]{2,40}?)(?:\s+(?:over|across|through|back))?$", _I)
# something of theirs the member has and owes back: "return her dish", "give him back his drill"
_GIVE_BACK = rx.compile(r"^(?:i\s+)?(?:need to\s+|must\s+|gotta\s+|have to\s+|should\s+|will\s+)?"
                        r"(?:return\s+|(?:give|drop|bring|take)\s+(?:(?:him|her|them)\s+)?back\s+|"
                        r"(?:give|drop|bring|take)\s+(?=(?:her|his|their)\s+[\w-]+(?:\s+[\w-]+)?\s+back\W*$))"
                        r"(?P<x>(?:her|his|their)\s+(?!(?:[\w-]+\s+)?(?:call|calls|email|emails|message|messages|msg|"
                        r"text|texts|dm|dms|voicemail|voice note|invite|invitation|hospitality|visit|wave|smile|"
                        r"favou?r|kindness|serve|compliment|greeting)\b)[\w-]+(?:\s+(?!back\b|(?:mon|tues?|wed|"
                        r"thurs?|fri|sat|sun)\w*\b|tmrw\b|tomorrow\b|today\b)[\w-]+)?)(?:\s+back)?"
                        r"(?:\s+(?:mon|tues?|wed|thurs?|fri|sat|sun)\w*|\s+tmrw|\s+tomorrow|\s+today)?\W*$", _I)
# a meeting already fixed: "call booked tue 3pm", "interview confirmed for thurs 10am", "booked coffee fri"
_BOOKED = rx.compile(
    r"^(?:(?:i|we)\s+)?(?:(?:have\s+|got\s+)?(?:booked|scheduled|set up|arranged|confirmed)\s+(?:a\s+|the\s+|our\s+)?"
    r"(?P<what1>call|coffee|meeting|chat|demo|interview|lunch|intro call|catch[- ]?up|video call|zoom|site visit)"
    r"|(?:(?:a|the|our)\s+)?(?P<what>call|coffee|meeting|chat|demo|interview|lunch|intro call|catch[- ]?up|video call|"
    r"zoom|site visit)\s+(?:is\s+|now\s+)?(?:booked|scheduled|set|arranged|confirmed|in the diary|locked in))"
    r"(?:\s+(?:for|on|at))?\s+(?P<when>(?:next\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"tomorrow)(?:\s+(?:morning|afternoon|evening|am|pm|(?:at\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)))?)\s*$", _I)
_MEETING = {"do coffee": "coffee", "do lunch": "lunch", "get lunch": "lunch", "grab drinks": "drinks",
            "grab a drink": "a drink", "pair": "the pairing session", "meet": "meeting up", "meet up": "meeting up",
            "grab coffee": "coffee",
            "get coffee": "coffee", "grab lunch": "lunch", "catch up": "a catch-up", "hop on call": "a call",
            "jump on call": "a call", "do call": "a call", "talk": "a chat", "chat": "a chat", "speak": "a call"}
_LETS_MEET = rx.compile(
    r"^let'?s\s+(?P<v>pair|meet up|meet|grab (?:a )?coffee|get (?:a )?coffee|grab lunch|catch up|hop on a call|"
    r"do coffee|do lunch|get lunch|grab drinks|grab a drink|"
    r"jump on a call|do a call|talk|chat|speak)\b(?:\s+(?:on|re|about|abt)\s+(?P<on>[\w -]+?))?"
    r"\s*(?P<when>(?:next\s+)?(?:mon|tues?|wed|thurs?|fri)\w*|next (?:wk|week)|this week|tomorrow|tmrw|"
    r"when (?:i'?m|im|we'?re|you'?re) (?:back |next )?(?:in|up|down|over)\b[\w -]*)?\s*$", _I)
_SEND_ME = rx.compile(r"^(?:i|we)\s+(?:said|told (?:him|her|them))\s+(?:(?:yes|yep|sure|ok|great)\W+)?"
                      r"(?:pls\s+|please\s+)?send (?:me|us)\s+(?P<x>.+)$", _I)
_I_INVITED = rx.compile(r"^(?:i|we)?\s*invited (?:him|her|them) to (?P<x>.+)$", _I)
_I_SEND = rx.compile(r"^(?:i|we)\s+(?P<verb>send|share|email|forward)\s+(?:(?:him|her|them)\s+)?(?P<rest>.+)$", _I)
_ASK_FOR = rx.compile(r"^ask (?:(?:him|her|them) )?for (?P<x>.+?)(?:\s+first)?$", _I)
_RATE_WORDS = rx.compile(r"\b(?:day rate|rates?|fees?|availability|lead time|timeline)$", _I)
_LATER_WHEN = rx.compile(r"\s+(?:(?:when|once|after)\s+(?:\w+\s+)?(?:signs? off|approves?|clears? it|"
                         r"(?:has|have) signed off)|"
                         r"(?:when|once)\s+(?:it'?s\s+|it is\s+|i'?m\s+|they'?re\s+|they are\s+)?(?:done|ready|"
                         r"finished|final|finali[sz]ed|published|out|live|confirmed|agreed|booked|sorted)|"
                         r"(?:when|once)\s+(?:it'?s|its|it is)\s+(?:up|online|uploaded|posted|edited)|"
                         r"(?:only\s+)?(?:when|once)\s+(?:\w+\s+){0,2}?(?:says\s+)?(?:it'?s\s+|its\s+|it is\s+)?"
                         r"(?:stable|anonymi[sz]ed|tested|cleaned up|redacted|approved)|"
                         # "send trial kit ONLY after regulatory ok", "send build once QA passes, NOT before"
                         r"only\s+(?:after|once|when)\s+(?!(?:asked|they ask|s?he asks)\b)(?=\w)|"
                         r"(?:when|once|after)\s+(?:the\s+)?(?:qa|tests?|ci|review|legal|compliance|security|"
                         r"regulatory|the check|checks?|finance|it)\s+(?:passes|pass|is ok|ok'?d?|okayed|okay)\b|"
                         r"(?:when|once|after)\s+[^.,;]{1,40}?,?\s+not before|"
                         # "once I've been up to look", "after we hit 10k MAU": a condition of the member's
                         r"(?:when|once|after)\s+i'?ve\s+(?:been|had|seen|checked|looked|measured|visited)\b|"
                         r"(?:when|once|after)\s+(?:i'?m|we'?re)\s+(?:up to speed|back|done|free|home|settled|"
                         r"sorted)\b|"
                         r"(?:when|once|after)\s+(?:we|i)\s+(?:hit|reach|get to|cross|close|raise|launch|ship)\b|"
                         r"by (?:the )?end of (?:the )?month|by eom|by month end)\b.*$", _I)
# A promised thing held back until someone clears it, said after it: "the case study but legal hasn't cleared it
# yet", "our consent form - not signed off yet", "but DONT send numbers till finance checks them". Read as "once
# legal signs off" (`_LATER_WHEN`): promised for later, never attached now.
_HELD_BACK = rx.compile(
    r"(?:\s*[,;(-]\s*|\s+)(?:but\s+)?(?:"
    r"(?:legal|compliance|finance|procurement|the dpo|dpo|my boss|the boss|mgmt|management|the board|"
    r"(?-i:(?!(?:She|He|They|It|We|I)\b)[A-Z][a-z]+))\s+"
    r"(?:still\s+)?(?:has\s*n'?t|hasnt|have\s*n'?t|havent|has not|have not|not)\s+(?:yet\s+)?"
    r"(?:cleared|approved|signed(?:\s+(?:it|them))?\s+off|checked|ok'?d|okayed)(?:\s+(?:it|them|this|that))?"
    r"|(?:it'?s\s+|its\s+|they'?re\s+)?not\s+(?:yet\s+)?(?:cleared|approved|signed off|final|finali[sz]ed)"
    r"(?:\s+by\s+[\w-]+)?(?!\s+(?:on|at)\s+(?:his|her|their)\s+(?:side|end))"  # "budget not approved on his side"
    r"|(?:do\s*n'?t|dont|do not)\s+(?:send|quote|share|price)(?:\s+(?:any\s+)?(?:it|them|(?:the\s+)?"
    r"(?:numbers|figures|nums|\w+)))?\s+(?:till|until|before)\s+(?:\w+\s+){0,2}?(?:checks?|clears?|approves?|signs?\s+(?:it\s+|them\s+)?off|"
    r"confirms?|has checked|checked)(?:\s+(?:it|them))?"
    r")(?:\s+yet)?\)?(?=\s*(?:[.,;!)\n]|$|\s))", re.IGNORECASE)
# What the member hasn't finished yet, said after it: "i said i'd write the docs PR. ~50% done", "not done yet"
_UNFINISHED = (r"\(?(?:(?:~|about|approx\.?|around|only)\s*)?\d{1,2}\s*%\s*(?:done|finished|written|there)\)?\W*|"
               r"\(?(?:it'?s\s+|its\s+)?(?:not|isn'?t|isnt|nowhere near)\s+(?:done|finished|ready|written)"
               r"(?:\s+yet)?\)?\W*|"
               r"(?:it'?s\s+|its\s+)?(?:half|mostly|nearly|almost)[- ](?:done|finished|written|ready)\W*|"
               r"(?:still\s+)?(?:a\s+)?wip\W*|still (?:writing|drafting|working on|editing) (?:it|them)\W*")
# a hold in its own sentence, after what was asked for: "wants the expansion deck. ONLY send once finance signs off"
_SEND_ONLY_ONCE = rx.compile(r"^(?:only\s+)?(?:(?:send|share|forward)\s+(?:it|them|this)?\s*(?:only\s+)?)?"
                             r"(?:once|after|when|till|until)\s+(?!.*\b(?:asked|ask|asks)\b)(?:\w+\s+){0,3}?"
                             r"(?:signs?\s+off|signed\s+off|approves?|approved|clears?|cleared|checks?|checked|ok'?s|"
                             r"oks\s+it|ok(?:ay)?s?\s+it|says\s+(?:ok|yes)|"
                             # "send once photographer shares": it isn't the member's to send yet
                             r"(?:shares|sends?|uploads?)(?:\s+(?:it|them))?(?:\s+over)?\W*$|"
                             # "send after I anonymise it (not done yet)": the member's own clean-up comes first
                             r"(?:i|we)(?:'ve|\s+have)?\s+(?:anonymi[sz]|redact|clean|tidy|finish|fix|edit|strip|"
                             r"scrub|translate|proofread|polish|update)\w*(?:\s+(?:it|them|up))*\b)"
                             r"(?:\b.*)?$", _I)
_AVOID = rx.compile(r"^(?:[^,]{1,30},\s*)?(?:no\W+)?(?:avoid(?: (?:him|her|them))?|nope|hard pass|"
                    r"skip(?: (?:it|him|her|them))?|(?:sorted\W+)?no action(?: needed)?|nothing to do|"
                    r"no follow[- ]?up needed)\W*$", _I)
_GERUND = {"doing": "do", "running": "run", "hosting": "host", "co-hosting": "co-host", "organising": "organise",
           "organizing": "organize", "writing": "write", "building": "build", "starting": "start", "trying": "try",
           "planning": "plan", "recording": "record", "teaching": "teach"}
_TOPIC_LEAD = rx.compile(
    r"^(?:(?:we\s+)?(?:talked|chatted|spoke|discussed)\s*(?:after my talk\s*)?(?:about|abt|re|on|"
    r"over(?!\s+(?:everyone|everybody|each other|me|us|people))|around)?|"
    r"(?:convo|chat|talk|call|\d+\s*min call|catchup|catch-up)\s*(?:after my talk\s*)?"
    r"(?:about|abt|re|on|over|around))\s+(?P<rest>.+)$", _I)
_THEIR_WORK = rx.compile(
    r"^(?:(?:(?:she|he|they)\s+)?(?:gave|giving|did|presented|has|had|runs|run)?\s*(?:a\s+)?|"
    r"(?:great|brilliant|excellent|fab|fantastic|amazing|interesting|superb)\s+(?=\w+\s+\w+\s+(?!.*\b(?:by|was|were)\b)))"
    r"(?P<noun>talk|poster|"
    r"paper|keynote|workshop|demo|podcast|book|newsletter)\s+(?:on|about|abt|re)\s+(?P<rest>.+)$", _I)
_MOVING = rx.compile(r"^(?:(?:she|he|they)(?:'s| is)?\s+)?(?P<verb>moving to|building|launching|raising|starting|"
                     r"hiring|writing|learning to|learning|job hunting|building a house)\s*(?P<rest>.*)$", _I)
_EXPECT = rx.compile(r"^(?P<what>quotes?|proposal|invoice|samples?|contract|numbers|answer|decision)\s+(?:in|by|within|"
                     r"next)\s+(?P<when>.+)$", _I)


@lru_cache(maxsize=256)  # a Reading is frozen: the drafter reads the same notes once per attempt and stage
def read_purpose(notes: str | None, contact_name: str | None = None) -> Reading:
    """What the notes say a message to this contact is for."""
    if not notes or not notes.strip():
        return Reading()
    # one space per run and one line break per run: hostile input (4,000 spaces) never makes a pattern backtrack
    notes = re.sub(r"\s*\n\s*", "\n", re.sub(r"[^\S\n]+", " ", notes[:4000])).strip()
    names = contact_names(contact_name)  # "anna from the allotment": her name, never "the" or "from"
    note_clauses = _clauses(notes)  # read once: every reader below walks the same clauses
    base = read_notes(notes, contact_name)
    found: dict[str, object] = {}
    deliver: list[str] = []
    deliver_do: list[str] = []
    offers: list[str] = []
    sent: list[str] = []  # noted as sent, neither promised nor asked for in the notes
    last_ask: str | None = None  # the thing they last asked for: "i said yes" / "i said i'd write up" refers to it
    last_question: str | None = None
    later: list[str] = []
    later_asked = False
    # the last request ("asked if i can X") is answered only for now: a yes, a no or a maybe after it decides
    request_open = False
    hold_first: str | None = None
    asked_for: list[str] = []  # delivered because they asked (not because the member promised)
    promised: list[str] = []
    previous = ""
    interested = bool(re.search(r"\bi'?m (?:interested|keen)\b", notes, _I))
    unmarked: list[str] = []  # promised with no subject ("promised to share slides"): whose, "in return" tells
    seen: tuple[int, bool, bool] = (0, False, False)
    maybe_need: str | None = None
    last_added: tuple[str, str] | None = None  # what the previous clauses put in the message, for a hedge after it
    quoted_send = _QUOTED_SEND_ME.search(notes[:4000]) is not None
    if (cheer := _CONGRATS.search(re.sub(r"\s*\([^()\n]{0,80}\)", "", notes[:4000]))) is not None \
            and (news := _congrats(cheer["rest"], names)):
        found["congrats"] = news  # "congrats on the new baby + promoted to director"
    for raw in note_clauses:
        clause, prior, previous = raw.strip(), previous, raw.strip()
        if quoted_send and (quoted := _THEIR_SEND_ME.match(clause)) is not None \
                and not re.match(r"(?:i|we)\s+(?:said|told)\b", prior, _I):
            wanted = re.sub(r"\byour\b", "my", re.sub(r"\byours\b", "mine", quoted["x"], flags=_I), flags=_I)
            clause = f"asked for {wanted}"  # "'send me deck + numbers'": their words, theirs to get
        clause = _in_plain_words(clause)
        if re.fullmatch(r"(?:(?:is|are)\s+(?:(?:he|she|they)|(?:his|her|their)\s+(?:team|company|firm|lab))\s+)?"
                        r"(?:still\s+)?hiring\W*", clause, _I) and re.search(r"\bhiring\s*\?", notes, _I):
            found.setdefault("ask", _HIRING_ASK)  # "good chat. golang. hiring?"
            continue
        if (bare_tell := _BARE_TELL.search(clause)) is not None \
                and (tell_what := re.sub(r"\s*(?:\+|&|and)$", "", clause[:bare_tell.start()])  # "… no.14 + tell her"
                     or (prior if re.match(r"[a-z]+ed\b(?!\s+(?:me|us|my|our)\b)", prior) else "")) \
                and not re.fullmatch(r"(?:i\s+)?(?:need to|must|gotta|have to|should|will|i'?ll)", tell_what, _I) \
                and (news := _told(re.sub(r"\s+(?:after|afterwards|later|then)$", "", f"I {tell_what}" if re.match(
                    r"[a-z]+ed\b", tell_what) else tell_what), names, bare_tell["whom"])) is not None:
            found.setdefault("tell", news)  # "noticed a scratch on the hood after 😬 TELL her"
            continue
        if (to_offer := re.fullmatch(r"(?:and\s+|must\s+|pls\s+)?offer to "
                                     r"(?P<x>(?:pay for|cover|replace|buy|fix|repair)\b[\w' -]{2,40}?)\W*", clause,
                                     _I)) is not None \
                and (x := you_form(to_offer["x"], names, 7)) is not None:
            found.setdefault("my_offer_to", x)  # "… TELL her / offer to pay for a new hood"
            continue
        if (pay_link := _PAY_LINK.fullmatch(clause)) is not None and "?" in notes:  # "want to tip her — ko-fi link?"
            found.setdefault("ask", f"Could you send me your {_SITES.get(pay_link['x'].lower(), pay_link['x'])} link?")
            continue
        if re.fullmatch(r"(?:no|nope|nah|no way|not happening)\W*", clause, _I) and last_ask in deliver \
                and last_ask in asked_for \
                and re.search(r"\b(?:wants?|asked for)\b(?:(?!\bsent\b)[^?\n])*\?+\s*(?:no|nope|nah)\b", notes, _I):
            deliver.remove(last_ask)  # "she wants our wifi pw?? no.": asked for, and the member's answer is no
            asked_for.remove(last_ask)
            continue
        if (my_q := _SENT_MY_QUESTION.fullmatch(clause)) is not None and (x := you_form(my_q["x"], names, 6)):
            found.setdefault("ask", f"about {x}")  # "sent my q abt k8s cost tooling. no answer": the member's question
            continue
        if re.fullmatch(r"(?:the\s+)?(?:link|url)\W*", clause, _I) \
                and (named := _LINK_FOR.search(notes)) is not None and (group := thing(named["x"], names)):
            group = group if re.match(r"(?:the|your|my|our)\s", group, _I) else f"the {group}"
            found.setdefault("ask", f"Could you send me the link for {group}?")  # "tips 🙌 sun beginners grp - link?"
            continue
        if (told := _TELL.fullmatch(clause)) is not None \
                and (news := _told(told["x"], names, told["whom"])) is not None:
            found.setdefault("tell", news)  # "found a nicer one elsewhere → tell him i'm out so he's not waiting"
            continue
        if last_ask in deliver and last_ask in asked_for and (will := _THEY_WILL_SEND.fullmatch(clause)) is not None \
                and (not will["bare"] or re.search(r"['\"‘“]\s*(?:will|'ll)\s+send\b", notes, _I)):
            deliver.remove(last_ask)  # "asked for tracking, 'will send tonight'": theirs to send, not the member's
            asked_for.remove(last_ask)
            found.setdefault("expect", last_ask)
            continue
        if (forgot := re.match(r"(?:she|he|they)\s+forgot\s+(?P<x>(?:the|her|his|their)\s+[\w -]{2,30}?)\W*$",
                               prior, _I)) is not None and (it := re.match(
                r"(?:and\s+)?(?:promised|said (?:she|he|they)(?:'d| would)|(?:she|he|they)(?:'ll| will))\s+(?:to\s+)?"
                r"(?P<v>post|send|bring|drop off|drop)\s+it\b", clause, _I)) is not None:
            forgotten = re.sub(r"^(?:her|his|their)\s", "the ", forgot["x"], flags=_I)
            clause = f"she'll {it['v']} {forgotten}"  # "she forgot the rain cover, promised to post it": hers to send
        # "she'll check w HR. also offered a referral", "knows the Gdynia terminal mgr, offered intro": the offer is
        # theirs, said with the subject of the sentence before, or of its own first half
        if re.match(r"(?:also\s+)?offered\s+(?!to\s)", clause, _I) and re.match(
                r"(?:she|he|they)\b|(?:also\s+)?(?:knows|has|runs|works|owns|manages|leads|teaches|sells|makes)\b",
                prior, _I):
            clause = "she " + re.sub(r"^also\s+", "", clause, flags=_I)
        elif (offer_after := re.match(r"(?:also\s+)?(?:knows|has|runs|works|is)\b[^,]{2,60},\s*(?:and\s+)?"
                                      r"(?P<o>offered\s+(?!to\s).+)$", clause, _I)) is not None:
            clause = "she " + offer_after["o"]
        if (swap := _SWAP.match(clause)) is not None and (mine := thing(_singular(swap["x"]), names)) is not None \
                and not re.search(r"\b(?:notes?|stories|ideas|war stories|numbers|details|contacts?)\b", swap["x"], _I):
            mine = re.sub(r"^(?:the|a|an)\s+", "my ", mine)
            deliver.append(mine)  # "said we'd swap portfolio links": mine goes now, theirs is asked for
            found.setdefault("expect", re.sub(r"^my\b", "your", mine))
            continue
        if (resend := _IF_I_SEND.search(clause)) is not None and (sent_back := thing(resend["x"], names)) is not None:
            deliver.append(sent_back)  # "she'll fix my march claim if i resend receipts by fri": the receipts go
            continue
        if (lent_out := _LENT_THEM.match(clause)) is not None \
                and (mine_back := thing(lent_out["x"], names)) is not None:
            mine_back = re.sub(r"^(?:the|a|an|my|our)\s+|\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                               r"Saturday|Sunday|sat|sun)$", "", mine_back)  # "lent him our ladder sat": the ladder
            found.setdefault("expect", f"{(lent_out['whose'] or 'my').lower()} {mine_back}")  # "lent him my mount"
            continue
        if (debt := _OWES_ME.match(clause)) is not None and _NOT_TO_SAY.search(clause):
            continue  # "he owes me £40 for the raffle tix lol dont mention": not asked for
        if (told := _I_SAID_SEND.match(clause)) is not None and (x := thing(told["x"], names)) is not None:
            found.setdefault("expect", re.sub(r"^(?:the|a|an|some)\s+", "your ", x))  # "i said send pics first"
            continue
        if (owed_me := re.match(r"^(?:(?:she|he|they)\s+)?owes? (?:me|us)\s+(?P<x>(?![€£$]|\d).+)$", clause, _I)) \
                is not None and (x := thing(owed_me["x"], names)) is not None and _sendable(x):
            found.setdefault("expect", re.sub(r"\b(?:his|her|their)\b", "your", x))  # "he owes me the slides"
            continue
        if (debt := _OWES_ME.match(clause)) is not None:
            what = you_form(debt["what"], names, 5) if debt["what"] else None
            if what and not re.match(r"(?:the|a|an|my|our|your|his|her|their|this|that|those|\d)\b", what, _I):
                what = "the " + what  # "owes £5 for pitch": for the pitch
            found.setdefault("ask", f"Could you send over the {debt['amount']}"
                                    f"{' for ' + what if what else ''} when you get a chance?")  # "owes me $40 for …"
            continue
        if (will_send := _THEY_WOULD_SEND.match(clause)) is not None \
                and (theirs := thing(will_send["x"], names)) is not None:
            found.setdefault("expect", theirs)  # "she'd send me the link to their field season blog"
            continue
        if (lend := _MAY_BORROW.match(clause)) is not None:
            item = lend["x"] or lend["y"]
            if (pronoun := re.match(r"(?:it|them)\b(?P<rest>.*)$", item.strip(), _I)) is not None and (has := re.match(
                    r"^(?:(?:she|he|they)\s+)?(?:has|have|got)\s+(?P<x>.+)$", prior, _I)) is not None:
                item = has["x"] + pronoun["rest"]  # "has a tile cutter, said i could borrow it": the tile cutter
            item = re.sub(r"^(?:his|her|their|a|an|the)\s+", "", item.strip(), flags=_I)
            if (lent := you_form(expand(item), names, 10)) is not None and not re.fullmatch(r"it|them", lent, _I):
                offers.append(f"lend me your {lent}")  # "said i can borrow his bike box for mallorca"
                continue
        if (m := _THEY_WOULD.match(clause)) is not None and (offered := you_form(m["rest"], names)) is not None:
            offers.append(re.sub(r"\bcv\b", "CV", expand(offered)))  # "she'd look at my cv": offered to the member
            continue
        if (m := _PAY_FOR.search(clause)) is not None and (bill := you_form(m["x"], names, 6)) is not None:
            found.setdefault("my_offer_to", f"pay for {_article(bill) if not bill.startswith('your') else bill}")
            continue  # "offered to pay dry cleaning": the member's offer, made to them
        if (_YES.match(clause) or _COUNT_ME_IN.fullmatch(clause)) and isinstance(found.get("need"), str) \
                and "accept" not in found \
                and (task := re.match(r"^some ?(?:one|body) to (?P<x>.+)$", str(found["need"]), _I)) is not None:
            found["accept"] = task["x"]  # "needs someone to do team photos sat 14th. i said yes!!": the member's job
            found.pop("need")
            continue
        if re.fullmatch(r"ask (?:him|her|them) first\W*", clause, _I) \
                and (maybe := re.match(r"^(?:maybe|might|could)\s+(?:an?\s+)?intro(?:duce (?:him|her|them))?\s+to\s+"
                                       r"(?P<who>.+?)\W*$", prior, _I)) is not None \
                and (introduced := you_form(maybe["who"], names, 5)) is not None:
            found.setdefault("ask", f"Would it help if I introduced you to {introduced}?")  # "maybe intro to X??"
            continue
        if (around := _ASK_AROUND.match(clause)) is not None and (on_behalf := _asked_around(around, names)):
            found.setdefault("ask_around", on_behalf)  # "said i'd ask Dani if the roastery takes local stuff"
            continue
        if (selling := re.match(r"^(?:(?:she|he|they)\s+(?:said\s+(?:(?:she|he|they)\s+)?)?|said\s+(?:she|he|they)\s+)"
                                r"(?:has|have|got)\s+"
                                r"(?P<x>(?:an?|some|his|her|their)\s+spare\s+[\w -]{2,30}?)\s*,?\s*(?:and\s+)?"
                                r"(?:(?:she|he|they)'?d|(?:she|he|they) would|would|will|happy to|wants to)\s+sell"
                                r"(?:\s+(?:it|them))?(?:\s+(?:cheap|cheaply|for cheap|for a good price))?\W*$",
                                clause, _I)) \
                is not None and (spare := thing(selling["x"], names)) is not None:
            spare = re.sub(r"^(?:an?|some|the|his|her|their)\s+", "your ", spare)
            verb, obj = ("Are", "them") if re.search(r"[^s]s$", _head(spare)) else ("Is", "it")
            found.setdefault("ask", f"{verb} {spare} still for sale? I'd be interested: what would you want for {obj}?")
            continue  # "said he has a spare mixer he'd sell cheap": the member's interest, asked plainly
        if re.fullmatch(r"(?:the\s+)?(?:price|cost|how much)\W*", clause, _I) \
                and (has := re.match(r"^(?:(?:she|he|they)\s+)?(?:also\s+)?(?:has|have|got|sells?|selling|makes)\s+"
                                     r"(?P<x>[^,]+)", prior, _I)) is not None \
                and (priced := thing(has["x"], names)) is not None:
            found.setdefault("ask", f"Could you let me know what you'd want for {priced}?")  # "has X - price?"
            continue
        low = clause.lower()
        now = (len(deliver), "intro_to" in found, "need" in found)
        if now == seen and re.search(r"\d", re.sub(r"\bthe \d{1,2}(?:st|nd|rd|th)\b", "", prior)) \
                and not _HEDGE.search(prior):  # a date in between ("committee votes on the 22nd") is no figure
            # a figure in between that put nothing in the message ("rates ~2.5k/parcel??", "sens ~94%") is what a
            # hedge after it holds ("check w/ Femi"), not the thing sent before it
            last_added = None
        added_just_before = now != seen
        if now != seen:
            if now[0] > seen[0]:
                last_added = ("deliver", deliver[-1])
            elif now[1] and not seen[1]:
                last_added = ("intro", str(found["intro_to"]))
            elif now[2] and not seen[2]:
                last_added = ("need", str(found["need"]))
            seen = now
        if last_added is not None and last_added[0] == "need" and found.get("need") == last_added[1] \
                and re.fullmatch(r"(?:but\s+)?(?:i|me)\s+(?:can'?t|cannot|can not|won'?t|don'?t)(?:\s+(?:do it|help|"
                                 r"solder|drive|sew|code|cook|bake))?\W*", clause, _I):
            found.pop("need")  # "needs volunteers who solder. i can't": no help to offer
            last_added = None
            continue
        if last_added is not None and last_added[0] == "need" and found.get("need") == last_added[1] \
                and "need_reply" not in found and (reply := _need_reply(clause, last_added[1])) is not None:
            found["need_reply"] = reply  # "needs sat lifts. i said i'd drive 3": what the member said, said back
            last_added = None
            continue
        labelled = re.match(r"(?:actual(?:ly)?|real answer|answer|correct(?: answer)?)\s*[:=-]", clause, _I) is not None
        if found.get("answer") and found.get("answer") == last_question and "answer_given" not in found \
                and re.match(r"(?:where|which|what (?!time\b|day\b|date\b)(?:[\w-]+ ){1,3}(?:i|we) (?:use|used|"
                             r"recommend|read|play|run|got|bought|made|cooked|baked)\b)", str(last_question), _I) \
                and re.search(r"\basked\b", prior, _I) and not re.match(
                    r"(?:depends|dunno|idk|no idea|not sure|told|explained|showed|sent|will|tbc|tbd)\b", clause, _I) \
                and (place := _where_answer(clause)) is not None:
            if not re.match(r"(?:where|which)\b", str(last_question)):
                place = clause.strip(" .!")  # "asked what mic i use - shure mv7": as typed, never title-cased
            found["answer_given"], found["answer_value"] = "value", place  # "asked where i got X - bakery bits"
            continue
        if "answer_given" not in found and (labelled or re.search(r"\basked\b", prior, _I)) \
                and (value := _value(clause) or _attribute_value(clause, last_added)):
            # the figure right after their question, or labelled as the answer, answers it: "actual: ~£40/seat"
            if found.get("answer") and found.get("answer") == last_question:
                found["answer_given"], found["answer_value"] = "value", value  # "asked the price -> ~£40/seat"
                continue
            if last_added is not None and last_added[0] == "deliver" and last_added[1] in asked_for \
                    and last_added[1] in deliver and not _sendable(last_added[1]) and " and " not in last_added[1] \
                    and re.search(r"\basked\b", prior, _I):
                deliver.remove(last_added[1])  # "asked my notice period - 3 months": a fact to say, not to attach
                found["answer"] = f"about {last_added[1]}"
                found["answer_given"], found["answer_value"] = "value", value
                seen, last_added = (len(deliver), "intro_to" in found, "need" in found), None
                continue
        if found.get("answer") and found.get("answer") == last_question and "answer_given" not in found \
                and "checking" not in found and re.match(r"^(?:honestly\s+|tbh\s+)?(?:no idea|no clue|"
                                                         r"(?:i\s+)?do\s*n'?t know|not sure|dunno)\b", clause, _I):
            # "asked abt good schools - no idea, ask Jo": the member doesn't know, so it's looked into, never offered
            found["checking"] = re.sub(r"^if\s", "whether ", re.sub(r"^about\s+", "", str(found.pop("answer"))))
            continue
        if found.get("answer") and found.get("answer") == last_question and "answer_given" not in found \
                and re.match(r"(?:if|whether|about)\b", str(last_question)):
            reply = re.sub(r"^(?:i\s+)?(?:said|told (?:him|her|them)|answered)\s+", "", clause, flags=_I)
            if re.search(r"\bnda\b|\bcan'?t say (?:much|more|anything)\b|\bconfidential\b|\bunder wraps\b", reply, _I):
                found["answer_given"] = "private"  # "asked abt our namibia project - NDA, can't say much"
                continue
            said = re.match(r"(?:(?P<no>no(?!\s+(?:idea|clue|word|reply|answer|response|news|sign))|nope|not yet|"
                            r"not really|we don'?t|we dont|we haven'?t|we havent|none|"
                            r"it doesn'?t|it isn'?t|it isnt|it'?s not|it is not|they aren'?t|they arent|they'?re not|"
                            r"they are not|we aren'?t|we arent|we'?re not|we are not)|"
                            r"(?P<yes>yes|yep|yeah|we do|it does|we have|it is|they are|we are)(?!\s+not))\b",
                            reply, _I)
            if said is not None and said["yes"] and _HEDGE.search(reply):
                # "asked if we'd share our protocol - yes in principle but legal must ok first": not a yes yet
                found["checking"] = re.sub(r"^if\s", "whether ", re.sub(r"^about\s+", "", str(found.pop("answer"))))
                continue
            if said is not None:
                found["answer_given"] = "no" if said["no"] else "yes"  # "asked if we've worked w other ports (no)"
                more = re.sub(r"^\W*(?:\w+ly\W+)?(?:and\s+)?(?:that\s+|said\s+)?", "", reply[said.end():])
                if (named := re.fullmatch(r"([A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)?\W*", more)) is not None:
                    found.setdefault("yes_name", named[0].strip(" .,!"))  # "yes, Priya": who the yes names
                if not re.match(r"(?:i'?d|i would|i'?ll|i will|i promised)\s", more, _I):
                    continue
                clause, low = more, more.lower()  # "…and that I'd send the field test report": a promise too
        if last_added is not None and last_added[0] == "deliver" and last_added[1] in deliver \
                and low not in ("sent", "sent it", "sent them") and re.fullmatch(
                r"(?:already\s+)?sent(?:\s+(?:it|them|already|same day|that day|on the day|day(?: \d)?|yesterday|today|"
                r"last night|"
                r"(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun)\w*))*\W*", low):
            deliver.remove(last_added[1])  # "asked for our eval rubric - sent same day": gone already, never re-sent
            if last_added[1] in asked_for:
                asked_for.remove(last_added[1])
            seen, last_added = (len(deliver), "intro_to" in found, "need" in found), None
            continue
        if low in ("sent", "sent it", "sent them") and last_added is not None and last_added[0] == "deliver" \
                and last_added[1] in deliver and last_added[1] in asked_for \
                and not re.search(r"\bsent(?: it| them)?\s*\?", notes, _I):  # "sent? no. send": not sent
            asked_for.remove(last_added[1])  # "asked for the whitepaper - sent": sent already, as "…, sent it" is
            sent.append(last_added[1])
            continue
        if low in ("done", "sent", "not yet", "sent it"):
            continue
        if (done := re.match(r"^(?:(?:she|he|they)\s+)?(?:asked (?:me )?for|wanted|wants)\s+(?P<x>.+?),?\s+"
                             r"(?:(?:i\s+)?(?:already\s+)?sent(?: it| them)?(?: already)?|done)\W*$", clause, _I)):
            clause = f"sent {done['x']}"  # "asked for my style guide, sent it": already sent, never "here's … sent it"
            low = clause.lower()
        if (m := _SENT.match(clause)) is not None:  # "sent her the spec sheet right after the call": what the
            sent_part, _, still = m["x"].partition(", ")  # "sent deck, metrics next week": the rest is still to come
            owed = re.fullmatch(r"(?P<x>[\w -]{2,30}?)\s+(?P<when>next (?:wk|week|month)|tomorrow|later|by \w+)",
                                still.strip(), _I)
            if owed is not None and (taken := _take_out(deliver, owed["x"].lower(), asked_for)) is not None:
                later.append(f"{taken} {expand(owed['when'])}")
            bare = _SENT_WHEN.sub("", sent_part).strip(" ,.")  # first message carried, if it is a document
            if bare and (carried := thing(bare, names)) is not None and _sendable(carried):
                deliver.append(carried)
                sent.append(carried)
            continue
        if (m := re.match(r"^(?:(?:she|he|they)\s+said\s+(?:to\s+)?)?(?:just\s+)?(?:send|email|forward)\s+me\s+your\s+"
                          r"(?P<x>.+?)(?:\s+and\s+(?:she|he|they|she'll|he'll|they'll)\b.*)?$", _unname(clause, names),
                          _I)) is not None:
            if (x := thing("my " + m["x"], names)) is not None:  # "email me your portfolio": their words
                deliver.append(x)
                asked_for.append(x)
            continue
        if (m := re.match(r"^(?:i\s+)?(?:said i'?d|said i would|i'?ll|i will|will|promised to)\s+(?:reply|respond|"
                          r"follow up|get back(?: to (?:her|him|them))?)\s+(?:by email\s+|on email\s+|over email\s+)?"
                          r"with\s+(?P<x>.+)$", clause, _I)) is not None:
            if (x := thing(m["x"], names)) is not None:
                deliver.append(x)
                promised.append(x)
            continue
        if (m := re.match(r"^(?:(?:she|he|they)\s+said\s+)?(?:just\s+)?(?:send|email|flick|drop|shoot|ping)\s+me\s+"
                          r"(?:an?\s+)?(?:email|note|line|message|mail|dm)\s+with\s+(?P<x>.+)$", _unname(clause, names),
                          _I)) is not None:
            if (x := thing(m["x"], names)) is not None:  # "flick me an email with dates and audience size"
                deliver.append(x)
                asked_for.append(x)
            continue
        if last_added is not None and last_added[0] == "deliver" and last_added[1] in deliver and re.fullmatch(
                r"(?:i'?ll|i will|will)\s+(?:write|draft|do|prepare|put together|pull together|make)\s+(?:it|them|one)"
                r"(?:\s+[\w']+){0,3}\W*|" + _UNFINISHED, clause, _I):
            deliver.remove(last_added[1])  # "wants the summary b4 the board. i'll write it", "~50% done": not yet
            later_asked = later_asked or (last_added[1] in asked_for and last_added[1] not in promised)
            later.append(f"{last_added[1]} {_later_words('when done', last_added[1])}")
            seen, last_added = (len(deliver), "intro_to" in found, "need" in found), None
            continue
        held_for = _HELD_FOR.search(clause)
        if held_for is not None and not held_for["prep"] and last_added is not None \
                and last_added[1] in asked_for and last_added[1] not in promised:
            held_for = None  # "asked for our beta results. need Omar's sign off first": looked into, not promised
        held_alone = clause.startswith("once legal signs off") or _SEND_ONLY_ONCE.match(clause) or held_for
        if held_for is not None and last_added is None and not deliver:
            hold_first = clause  # "ON HOLD til Bram replies. i owe her the shortlist": the hold comes first
        if held_alone and last_added is None and held_for is not None and held_for["prep"] \
                and re.match(r"(?:fix|debug|clean|tidy)", held_for["prep"], _I) and len(deliver) == 1:
            last_added = ("deliver", deliver[0])  # "promised her the sheet — v2 has the col F bug, fix first": that one
        if held_alone and last_added is not None and last_added[0] == "deliver" \
                and last_added[1] in deliver:  # "wants revised SLA draft. legal hasn't signed off …": later
            deliver.remove(last_added[1])
            if last_added[1] in asked_for and last_added[1] not in promised:
                later_asked = True  # "wants our FOI dataset - must anonymise first": theirs to want, not promised
            later.append(f"{last_added[1]} {_later_words(clause, last_added[1])}")
            last_added = None
            continue
        if last_question and found.get("answer") == last_question and re.match(
                r"(?:i\s+)?(?:told|showed|answered)\s+(?:him|her|them)\b(?!\s+(?:i'?d|i would|i'?ll|to|we'?d|we'?ll|"
                r"we would|we will|later|not now)\b)", clause,
                _I) and not _HEDGE.search(clause) and not re.search(r"\b(?:need|ask|first|maybe|have to|check|not sure|"
                                                                   r"think|will|would|later|next|soon|tomorrow)\b|'ll\b|'d\b",
                                                                   clause, _I):
            found.pop("answer")  # "asked how I finished it → told him osmo polyx, 2 coats": answered there and then
            continue
        if "need" in found and re.match(r"(?:(?:that'?s|it'?s)\s+)?not a thing\b|(?:that\s+)?does\s*n'?t exist\b|"
                                        r"no such thing\b", clause, _I):
            found.pop("need")  # "wants CI access?? not a thing, forks run CI anyway": nothing to help find
            continue
        if offers and NOT_MEANT.search(clause):
            offers.pop()  # "said she'd read my manuscript?? prob didnt mean it": held to nothing
            continue
        if found.get("accept") and found.get("invited") and re.match(
                r"only if\b.*\b(?:pays?|covers?|funds?|approves?|ok'?s|agrees?|signs? off|budget|travel)\b", clause,
                _I):
            found["checking"] = f"whether I can {found.pop('accept')}"  # "invited me to present → only if dept pays"
            found.pop("invited")
            continue
        if _CALLED_OFF.search(clause) and offers:  # "said she'd refer me → later said req is frozen": no offer
            offers.pop()
            continue
        if _AVOID.match(clause) and "stop" not in found:
            found["stop"] = clause
            continue
        if (m := _I_INVITED.match(clause)) is not None:  # the member's invitation: its details go with the message
            if (x := you_form(m["x"], names, 6)) is not None:
                deliver.append(f"the details for {x}")
                promised.append(f"the details for {x}")
            continue
        if (m := _ASK_FOR.match(clause)) is not None and (x := thing(m["x"], names)) is not None \
                and (re.match(r"^ask (?:him|her|them) ", clause, _I) or _sendable(x)) \
                and not re.match(r"(?:a\s+|an\s+)?(?:coffee|call|chat|meeting|lunch|drinks?|intro|introduction|"
                                 r"catch-?up|feedback|advice|help|permission|a raise)\b", m["x"], _I):
            # "ask for slides": the slides; "ask for Sarah when you arrive", "ask for feedback" are no thing to send
            typed_bare = not re.match(r"(?:the|a|an|his|her|their|some)\s", m["x"], _I)  # "ask for quote": a quote
            plural = re.search(r"[^s]s$", _head(x)) is not None  # "the slides" stay the slides, not "a slides"
            of_a_talk = _head(x) in ("link", "recording", "video", "deck")  # "slides link pls": that talk's
            asked = re.sub(r"^the ", "a ", x) if typed_bare and not plural and not of_a_talk else x
            found.setdefault("ask", f"Could you send me {asked}?")
            continue
        # "i said yes, send me an abstract": theirs to send
        if (m := _SEND_ME.match(clause) or (re.match(r"^(?:i|we) said\b", prior, _I) and re.match(
                r"^(?:pls\s+|please\s+)?send (?:me|us)\s+(?P<x>.+)$", clause, _I))) is not None:
            if (x := thing(m["x"], names)) is not None:
                found.setdefault("expect", re.sub(r"^(?:the|a|an|some)\s+", "your ", x))
            continue
        if _WITHDRAW.search(clause) and last_added is not None and last_added[0] == "deliver" \
                and last_added[1] in deliver and last_added[1] not in asked_for \
                and (day := re.search(rf"\b(?:till|until|til|before|b4)\s+(?P<d>{WEEKDAY}|tomorrow|tmrw|next week)",
                                      clause, _I)) is not None:
            deliver.remove(last_added[1])  # "i'll send the deck. can't send till monday": a delay, not a walk-back
            delay = expand(day["d"]).lower()
            day_name = _DAY_NAMES.get(delay[:3].capitalize())
            later.append(f"{last_added[1]} " + (f"on {day_name}" if day_name else delay))
            seen, last_added = (len(deliver), "intro_to" in found, "need" in found), None
            continue
        if _WITHDRAW.search(clause) and last_added is not None and last_added[0] == "deliver" \
                and last_added[1] in deliver:  # "i said i'd send the sheet. actually can't share it": never sent
            deliver.remove(last_added[1])
            found.setdefault("withdrawn", last_added[1])
            found["withdrawn_asked"] = last_added[1] in asked_for and last_added[1] not in promised
            found["withdrawn_for_now"] = re.search(r"\b(?:till|until|til|before|b4|yet)\b", clause, _I) is not None
            seen, last_added = (len(deliver), "intro_to" in found, "need" in found), None
            continue
        if offers and re.match(r"^(?:i'?ll\s+|will\s+)?(?:send|share|give|forward)\s+(?:it|them|this|that)\s+"
                               r"(?:once|when|after|only (?:once|when|after))\b", clause, _I):
            found["offer_later"] = True  # "offered to read my draft. send it once Mark signs off": not yet to send
            continue
        internal = re.fullmatch(r"(?:(?:i\s+|we\s+)?(?:need to|have to|must|should|gotta|will)\s+)?ask\s+(?P<x>[\w.]+)"
                                r"(?:\s+first)?", clause, _I)
        if _YES.match(clause):  # "said yes, dates tbc": the yes is firm, only its dates are to come
            clause = re.sub(r"[,;]?\s*(?:the\s+)?(?:dates?|times?|details|timings?)\s+(?:tbc|tbd|to be confirmed)\b",
                            "", clause, flags=_I)
        # a request to the member still open to a yes, a no or a maybe: "asked if i'd run the stall"
        asked_to = last_ask.removeprefix("to:") if last_ask and last_ask.startswith("to:") \
            and ("accept" not in found or request_open) else ""
        if asked_to and _NO_TO.match(clause):
            found.pop("accept", None)
            found.setdefault("decline", asked_to)  # "asked if i'd run the stall - can't"
            last_ask = None
            continue
        if asked_to and _HEDGE.search(clause) and re.search(r"\b(?:then|later|eventually|in the end)\s+(?:i\s+)?"
                                                           r"said yes\b", clause, _I):
            found["accept"] = asked_to  # "said i'd think about it, then said yes at the end"
            continue
        if asked_to and _HEDGE.search(clause):
            found.pop("accept", None)
            found.setdefault("checking", "whether I can " + asked_to)  # "… co-stream? said maybe"
            request_open = True  # a yes or a no after it still decides ("said i'd think about it, then said yes")
            continue
        if _HEDGE.search(clause) or (internal is not None and (internal["x"].lower() in _INTERNAL or (
                internal["x"][:1].isupper() and internal["x"].lower() not in names))):
            asked_just_before = bool(last_question) and found.get("answer") == last_question and re.match(
                r"(?:(?:she|he|they)\s+)?(?:also\s+)?asked\b", prior, _I) is not None
            if last_added is not None and not asked_just_before:
                # "asked for an intro -> can't promise, check w/ Marc": looked into, not made ("needs X. asked abt Y -
                # check w Paolo": the check is about the question just before, not the need further back)
                kind, value = last_added
                if re.search(r"\b(?:do\s*n'?t|dont) promise\b", clause, _I):  # "dont promise anything": no offer
                    if kind == "deliver" and value in deliver and added_just_before:
                        deliver.remove(value)
                    elif kind in ("intro", "need"):
                        found.pop("intro_to" if kind == "intro" else "need", None)
                elif kind == "deliver" and value in deliver and not re.search(
                        r"\b(?:before|b4)\s+(?:i\s+|we\s+)?(?:answer|reply|respond)", clause, _I):
                    deliver.remove(value)  # ("check w Raj before i answer" holds the answer, not what was promised)
                    found.setdefault("checking", value)
                elif kind == "intro" and "intro_to" in found:
                    who = found.pop("intro_to")
                    if who and re.search(r"\bask (?:her|him|them)\b", clause, _I):
                        # their yes first: offered as a question, as "maybe intro to X?? ask him first" is
                        found.setdefault("ask", f"Would it help if I introduced you to {who}?")
                    else:
                        found.setdefault("checking", f"the introduction to {who}" if who else "the introduction")
                elif kind == "need" and "need" in found:
                    wanted = str(found.pop("need"))
                    # "wants parents to run a reading corner", "i said maybe": whether I can run it, not "parents"
                    helper = re.match(r"^(?:(?:some|more|a few)\s+)?(?:parents|volunteers|people|someone|somebody|"
                                      r"helpers?|mentors?|speakers?|judges?)\s+to\s+(?P<do>\w.+)$", wanted, _I)
                    role = re.match(r"^(?:an?\s+)?(?:\d(?:st|nd|rd|th)\s+|second\s+|another\s+)?"
                                    r"(?P<r>(?:assistant\s+|asst\s+|volunteer\s+|head\s+)?(?:coach|treasurer|"
                                    r"secretary|driver|helper|mentor|judge|referee|ref|chair|volunteer|tutor|steward|"
                                    r"marshal)(?:\s+(?:for|on|at|in)\b.*)?)$", re.sub(r"\s+(on \w+day \w+s)$", "",
                                                                                  wanted), _I)  # "asst coach sat am"
                    found.setdefault("checking", f"whether I can {helper['do']}" if helper else
                                     f"whether I can be the {expand(role['r'])}" if role else wanted)
                seen, last_added = (len(deliver), "intro_to" in found, "need" in found), None
            elif found.get("accept") and found.get("invited") and re.search(r"\binvited\b", prior, _I):
                # "invited me to give a guest lecture -> need to confirm w/ my boss": not a yes yet
                found["checking"] = f"whether I can {found.pop('accept')}"
                found.pop("invited")
            elif last_question and found.get("answer") == last_question and "answer_given" not in found \
                    and re.match(r"(?:if|whether|about)\s", last_question) and "checking" not in found:
                # "asked if we'd sponsor their event -> need to check budget": looked into, not answered
                checking = re.sub(r"^about\s+", "", re.sub(r"^if\s", "whether ", str(found.pop("answer"))))
                # "whether our agronomy app could integrate" → "whether we could integrate": the question, no pitch
                found["checking"] = re.sub(r"\bour (?:[\w-]+ ){0,3}?(?:app|tool|product|platform|software|sw|system|"
                                           r"api|sdk|service|solution)\s+(could|can|would|will|might)\b", r"we \1",
                                           checking, flags=_I)
            continue
        if (m := re.match(r"^(?:(?:she|he|they)\s+)?(?:also\s+)?(?:invited (?:me|us) to |"
                          r"said (?:to |i should |we should )?(?=(?:come|drop|pop|swing) (?:by|round|in|over)\b))"
                          r"(?P<x>.+)$",
                          _unname(clause, names),
                          _I)):  # "said come by for a tasting": their invitation too
            invite = re.sub(r"^(come|drop|pop|swing) by\s+(?=(?:the|your|his|her|their|my|our)\s)",
                            lambda w: _COME_BY_PLACE[w[1].lower()], m["x"], flags=_I)  # "come by the studio"
            invite = re.sub(r"^(come|drop|pop|swing) by\b", lambda w: _COME_BY[w[1].lower()], invite, flags=_I)
            invite = re.sub(r"\bto (?=(?:[A-Z]{2,}\s+)?(?:cohort|class|team|group|students|meetup|community|course)\b)",
                            "to your ", invite)
            if (accepted := you_form(invite, names)) is not None:
                found.setdefault("accept", accepted)
                found.setdefault("invited", True)
            continue
        if re.fullmatch(r"(?:need|ask (?:for|abt|about)?|get|confirm)\s+(?:the\s+|some\s+)?(?:dates?|times?|slots?)"
                        r"(?: \w+)?", clause, _I) and found.get("accept"):
            found.setdefault("ask", "Could you send me a few dates that would suit you?")
            continue
        if (m := re.search(r"\boffered to be (?:(?P<det>a|an|my|your)\s+)?(?P<x>[\w -]+)$", clause, _I)) is not None:
            if (x := you_form(m["x"], names, 4)) is not None:
                det = "your" if (m["det"] or "").lower() in ("my", "your") else \
                    ("an" if x[:1].lower() in "aeiou" else "a")
                found.setdefault("thanks", f"offering to be {det} {x}")
            continue
        if (m := re.match(r"^(?:i\s+|we\s+)?(?:might|may|could|will|prob(?:ably)?) need (?:him|her|them) for "
                          r"(?P<x>.+)$", clause, _I)) is not None:
            if (x := you_form(m["x"], names, 7)) is not None:  # asked last, after any sharper question
                maybe_need = f"Would you have room to help with {x}?"
            continue
        if (m := re.search(r"\b(?:might|could|may|can) (?:be able to )?help (?:us |me )?(?:w/|with|on|re|abt|about)\s+"
                           r"(?P<x>.+)$", clause, _I)) is not None and not re.search(
                               r"\b(?:our|we|i|my)\b[^,;]*\b(?:might|could|may|can) (?:be able to )?help\b", clause,
                               _I):
            if (x := you_form(m["x"], names, 6)) is not None:
                found.setdefault("ask", f"Would you be open to a quick chat about {x} sometime?")
            continue
        # "he said send her my cv", "she said lets pair on it fri": their words, reported
        spoken = re.sub(r"^(?:(?:she|he|they|we|i)\s+)?(?:said|says|suggested|told me)\s+(?:that\s+|to\s+)?"
                        r"(?:(?:text|call|email|message|ping|dm|ring) me,?\s+)?"  # "he said text me, let's talk"
                        r"(?=let'?s\b|send\b|share\b|email\b|forward\b)", "", _unname(clause, names), flags=_I)
        if spoken != clause and (m := _IMPERATIVE.match(spoken)) is not None:
            if (what := thing(m["rest"], names)) is not None:
                deliver.append(what)
                asked_for.append(what)
                last_ask = what
            continue
        if (m := _LETS_MEET.match(spoken)) is not None:
            when = m["when"] and re.sub(r"\bin ([a-z])", lambda c: "in " + c[1].upper(),
                                        re.sub(r"\bim\b", "I'm", m["when"], flags=_I))
            if when and spoken != clause and not re.match(r"^(?:i|we)\b", clause, _I):
                when = re.sub(r"\byou'?re\b", "I'm", when, flags=_I)  # their words: "when you're next up north"
            found["next_step"] = _next_step(_MEETING[m["v"].lower().replace("a ", "")], None, when)
            if m["on"] and m["on"].lower() not in ("it", "this", "that") and "topic" not in found:
                found["topic"] = you_form(m["on"], names, 5)
            continue
        if (m := re.match(r"^(?:maybe\s+)?swap\s+(?P<x>[a-z][\w-]*(?:\s+[\w-]+){0,2})\W*$", clause, _I)) is not None \
                and (x := you_form(m["x"], names, 3)) is not None:
            found.setdefault("suggest", f"swap {x}")  # "swap configs?": a swap proposed, neither side's yet
            continue
        if (m := re.match(r"^(?:(?:(?:she|he|they|i|we)\s+)?said\s+(?=we\s+could\s+do\s+(?!(?:it|this|that)\b)"
                          r"(?![^.;]*\b(?:again|first|then)\b)))?(?:we\s+(?:should|could|might|must|can)|let'?s|"
                          r"we\s+maybe)\s+(?:maybe\s+)?"
                          r"(?P<v>do|start|try|set up|run|organi[sz]e|"
                          r"host|build|write|plan)\s+(?P<x>.+)$", clause, _I)) is not None:
            x = you_form(re.sub(r"\s+together\b", "", m["x"]), names, 7)  # "a side project together on X"
            if x is not None:
                verb = m["v"].lower()
                if verb == "do" and re.search(r"\b(?:group|club|series|meetup|circle)$", x, _I):
                    verb = "start"
                found.setdefault("suggest", f"{verb} {x}")
            continue
        if _STOP.search(clause) and "stop" not in found and not _WAIT.search(clause):
            found["stop"] = clause
            continue
        if _SOFT_STOP.search(clause) and "soft_stop" not in found:
            found["soft_stop"] = clause  # a stop only if nothing else is read (after the loop)
            continue
        if _NOT_NOW.search(clause) and "not_now" not in found:
            found["not_now"] = clause  # "park it, no emails": a stop, unless something is owed (see below)
            continue
        if _WAIT.search(clause):
            found.setdefault("wait", clause)
            continue
        if set(re.findall(r"[a-z']+", WORK_SENSE.sub("", low))) & PRIVATE and not family_request_kept(low, notes):
            continue  # private life stays out, but "asked if i can help her son w his applications" is her ask
        if low in ("ask", "ask them", "ask her", "ask him", "to ask"):
            if re.search(r"\bmentor", prior, _I):
                found.setdefault("ask", "mentor")
            elif (question := _question(prior, names)) is not None:
                found.setdefault("ask", question)
            continue
        if (m := re.search(r"\bour (?P<x>[\w -]+?) (?:might|could|may|would|should) help\b", clause, _I)) is not None:
            domain = re.sub(r"\s*\b(?:model|models|tool|tooling|product|platform|app|service|api|engine|system)s?$",
                            "", m["x"].strip(), flags=_I)
            if domain and (x := you_form(domain, names, 3)) is not None:
                found.setdefault("ask", f"How does your team handle {x} today?")  # their problem first, no pitch
            continue
        if (m := re.search(r"\bmight team up (?:on|re|about|abt|for|in)\s+"
                           r"(?P<x>.+)$", clause, _I)) is not None:
            if (x := you_form(m["x"], names, 5)) is not None:
                last = x.split()[-1].lower()
                plural = re.search(r"[^su]s$", last) is not None and last not in ("series", "news", "species") \
                    and not x[:1].isupper()
                found.setdefault("explore", f"partnering on {x if plural else _article(x)}")  # "on internships"
            continue
        if (m := re.search(r"\b(?:her|his|their) team(?:'s| is)? hiring(?: in (?P<x>[\w -]+))?", clause, _I)):
            place = f" in {m['x'].strip().title()}" if m["x"] else ""
            found.setdefault("activity", f"hiring{place}")
            if interested:
                found.setdefault("ask", f"roles{place}")
            continue
        if (m := re.match(r"^i asked (?:him|her|them )?(?:about|abt|re|how to)\s+(?P<x>.+)$", clause, _I)) is not None:
            if (x := you_form(m["x"], names, 4)) is not None:
                found.setdefault("thanks", f"your advice on {x}")
            continue
        if re.match(r"^(?:she|he|they) said\b", clause, _I) and "thanks" in found:
            continue  # the advice itself: the member's to use, not to quote back
        when_later = re.search(r"\s+(?P<when>next (?:wk|week|month)|in \d+ (?:days|wks|weeks)|later)\s*$", clause, _I)
        if when_later and (m := _IMPERATIVE.match(clause[:when_later.start()]) or
                           _MY_PROMISE.match(clause[:when_later.start()])) is not None:
            what = thing(m["rest"], names) if m["verb"].lower() in ("send", "share", "email", "forward") else None
            if what:
                later.append(f"{what} {expand(when_later['when'])}")
                continue
        if when_later and deliver and re.fullmatch(r"[\w -]{2,30}", clause[:when_later.start()]) \
                and (taken := _take_out(deliver, clause[:when_later.start()].strip().lower(), asked_for)) is not None:
            later.append(f"{taken} {expand(when_later['when'])}")  # "metrics next week": still to come
            continue
        if (m := re.match(r"^(?P<what>catch up|grab coffee|get coffee|grab lunch|get lunch|meet up|coffee|lunch|"
                          r"drinks)\s+(?:properly\s+|again\s+|soon\s+)?(?P<when>in (?:jan|feb|mar|apr|may|jun|jul|aug|"
                          r"sep|sept|oct|nov|dec)\w*|in the new year|after (?:the )?\w+|"
                          r"when (?:i'?m|you'?re|she'?s|he'?s) "
                          r"(?:back|in|next)\b.*)$", clause, _I)) is not None:  # "catch up properly in jan"
            what = {"catch up": "a catch-up", "grab coffee": "coffee", "get coffee": "coffee", "grab lunch": "lunch",
                    "get lunch": "lunch", "meet up": "meeting up"}.get(m["what"].lower(), m["what"].lower())
            when = re.sub(r"\bin ([a-z])", lambda c: "in " + c[1].upper(), expand(m["when"]))
            found.setdefault("next_step", f"{what} {when}")
            continue
        clause = _WHO_PREFIX.sub("", clause)
        clause = re.sub(r"^(?:todo|to-?do|follow[ -]?up|fu|next steps?)\s*[:-]\s*", "", clause, flags=_I)
        if (fu := re.match(r"^follow[ -]?up (?:with|w/) (?P<thing>.+)$", clause, _I)) is not None:
            if (what := thing(fu["thing"], names)) is not None:
                deliver.append(what)
            continue
        if (intro := re.match(r"^(?:(?:an?\s+)?intro(?:duction)?|(?:connect|intro|introduce)\s+(?:him|her|them))"
                              r"\s+(?:to|with|w/)\s+(?P<who>.+)$", clause, _I)):
            if (who := you_form(intro["who"], names, 5)) is not None:
                found.setdefault("intro_to", who)
            continue
        them = bool(_THEM_PREFIX.match(clause))
        clause = _THEM_PREFIX.sub("", clause)
        if them and (m := re.match(r"^(?:will|'ll)\s+(?P<rest>.+)$", clause, _I)):
            if (next_ := you_form(m["rest"], names)) is not None:
                found.setdefault("their_next", next_)
            continue
        if (m := _REPLY_TO.match(clause)) is not None:
            if (topic := you_form(m["rest"], names, 5)) is not None:
                found.setdefault("answer", f"your {m['what'].lower().replace('q', 'question')} about {topic}")
            continue
        clause = re.sub(r"^(?:i\s+)?(?:still\s+)?(?:should|need to|must|gotta|have to)\s+(?=ask\b)", "", clause,
                        flags=_I)
        if (m := _MY_ASK.match(clause)) is not None and not low.startswith(("asked", "asks")):
            asked = re.sub(r"^(?:him|her|them)\s+(?:(?:straight|directly|outright|first)\s+)?(?:(?:about|abt|re)\s+)?",
                           "", m["rest"], flags=_I)
            if re.match(r"^(?!(?:him|her|them|about|abt|re|if|whether|for|how|what|why|when|where|who|which)\b)\w+\s+"
                        r"(?:his|her|their)\b", asked, _I):
                continue  # "ask jo his name": someone else to ask, the member's to-do
            if re.fullmatch(r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?(?:\s+(?:first|too|later|again|tonight))?[.!]*", asked) \
                    and asked.split()[0].lower() not in names:
                continue  # "need to ask Lee": a name alone is someone else to ask, the member's to-do
            if (own := re.fullmatch(r"(?:(?:my|our|the)\s+)?(?P<who>[\w-]+)(?:\s+(?:if|whether)\b.*|\s+first)?\W*",
                                    asked, _I)) is not None and own["who"].lower() in _INTERNAL:
                continue  # "ask eng", "need to ask my super if ok": a check inside the member's own side
            if re.match(r"[A-Z][\w'-]+\s+(?:how|what|if|whether|when|where|which|who|why|abt|about|re)\b", asked) \
                    and asked.split()[0].lower() not in names:
                continue  # "need to ask Jules how many bags": a question for someone else, the member's to-do
            question = _question(asked, names)
            if question:
                found.setdefault("ask", question)
            continue
        if (m := re.match(r"^(?:i'?ll\s+|i will\s+|must\s+|should\s+)?offer to pay (?:her|him|them|for)?\s*"
                          r"(?:her |his |their )?(?P<x>(?:day |hourly |usual |normal )?(?:rate|fee|fees|rates))\b",
                          clause, _I)) is not None:
            found.setdefault("ask", f"I'd want to pay for your time, so could you let me know your {m['x'].lower()}?")
            continue  # "offer to pay her rate": not free work, and the rate is hers to name
        if (m := _OK_TO.match(clause)) is not None:
            if (rest := you_form(m["rest"], names)) is not None:
                found.setdefault("ask", f"Would it be OK to {_pronoun_way(rest)}?")
            continue
        if (m := _ASK_AFTER.match(clause)) is not None:
            if (rest := you_form(m["rest"].rstrip("?! "), names)) is not None and "mentor" in rest.lower():
                found.setdefault("ask", "mentor")
            continue
        if (m := _YES_TO.match(clause)) is not None and "accept" not in found and not (last_ask or last_question) \
                and (x := you_form(m["x"], names, 6)) is not None:
            found["accept"] = f"do {x}"  # "i said yes to 2 night shifts": the member's yes, owed now
            continue
        if (m := _YES.match(clause)) is not None and (last_ask or last_question):
            rest = clause[m.end():].strip(" ,!")
            if last_ask and last_ask.startswith("intro:"):
                found.setdefault("intro_to", last_ask.removeprefix("intro:"))
            elif last_ask and last_ask.startswith("to:"):
                if found.get("checking") == "whether I can " + last_ask.removeprefix("to:"):
                    found.pop("checking")  # "said i'd think about it, then said yes at the end": a yes after all
                found.setdefault("accept", last_ask.removeprefix("to:"))
            elif last_ask:
                deliver.append(last_ask)
            if not rest:
                continue
            clause = rest
        if (treat := _TREAT.match(clause)) is not None:  # "i promised coffee next hearing": to arrange, not attach
            when = expand(treat["when"].strip())
            if re.fullmatch(r"next (?!week|month|year|time|quarter|mon|tue|wed|thu|fri|sat|sun)\w+", when, _I):
                when = "at the " + when  # "next hearing" → "at the next hearing"
            article = "" if treat["x"].lower() in ("drinks", "lunch", "dinner", "brunch") else "a "
            found.setdefault("next_step", f"{article}{treat['x'].lower()} {when}".strip())
            continue
        if re.match(r"^(?:promised|agreed|offered)\s+to\s+\w+(?:\s+\w+)?\s+(?:me|us)\b", clause, _I):
            clause = "she " + clause  # "promised to intro me to X": theirs, the subject left out, never the member's
        if (m := _IMPERATIVE.match(clause) or _MY_PROMISE.match(clause) or _I_SEND.match(clause)) is not None:
            verb = m["verb"].lower()
            rest = m["rest"]
            if re.match(r"(?:me:\s*)?\w+\s+(?:him|her|them)\s+(?:his|her|their)\s", clause, _I):
                rest = re.sub(r"^(?:his|her|their)\s", "the ", rest, flags=_I)  # "send her his number": someone's
            rest = " " + rest  # "send them once legal signs off": the pronoun is gone, the when stays
            when = _LATER_WHEN.search(rest) if verb in ("send", "share", "email", "forward") else None
            rest = rest.strip()
            if when is not None and (what := thing(rest[:max(when.start() - 1, 0)], names)) is not None:
                goes_now, what = _ready_one(what, when[0], rest[:max(when.start() - 1, 0)])  # "the link + the rec…"
                if goes_now:
                    deliver.append(goes_now)
                    promised.append(goes_now)
                later.append(f"{what} {_later_words(when[0], what)}")  # "send revised draft when done"
                continue
            if when is not None and re.fullmatch(r"(?:them|it|those|these)?\s*", rest[:max(when.start() - 1, 0)], _I) \
                    and deliver and not last_ask_is_other(last_ask):
                held = deliver.pop()  # "i'll send them once legal signs off"
                later.append(f"{held} {_later_words(when[0], held)}")
                continue
            if verb in ("intro", "introduce", "connect"):
                rest = re.sub(r"^(?:(?:him|her|them|you)\s+)?(?:in touch\s+)?(?:to|with|w/?)\s+", "", rest)
                rest = re.sub(r"\s+(?:for|re|about|abt|so)\b.*$", "", rest)  # "Lwazi at the agency for commissions"
                if re.fullmatch(r"(?:after(?:wards)?|later|then|soon|asap|after (?:that|then|it)|next \w+)\W*", rest,
                                _I):
                    continue  # "council's in recess til the 20th, will intro after": when, not to whom
                who = you_form(rest, names, 5)
                found.setdefault("intro_to", who or "")
            elif verb in ("send", "share", "email", "forward", "pass along", "dig up", "find", "submit", "open"):
                what = thing(rest, names) if verb not in ("open", "submit") else None
                if what is None and last_ask and not last_ask.startswith(("intro:", "to:")):
                    what = last_ask
                if what is None and re.match(r"^(?:both|them|it)\b", rest.strip(), _I) and deliver:
                    continue
                if what is None and verb in ("open", "submit") and (job := you_form(rest, names, 10)) is not None:
                    deliver_do.append(f"{verb} {job}")  # "i said id open a PR for the bug we hit": a to-do of theirs
                    continue
                if what:
                    deliver.append(what)
                    promised.append(what)
                    if not re.match(r"^(?:i|me)\b", clause, _I) and re.match(r"^promised", clause, _I):
                        unmarked.append(what)
            elif verb in ("write up", "write", "draft", "put together", "make"):
                what = thing(rest, names) if rest.strip() else None
                if what is None and last_question:
                    what = f"a short write-up of {last_question}"
                if what:
                    deliver.append(what)
            elif verb in ("try", "test", "look at", "review"):
                if last_ask and "feedback" in last_ask:
                    deliver.append(last_ask)
                elif (what := you_form(rest, names, 5)) is not None:
                    deliver_do.append(f"{verb} {what}")
            continue
        owed = _OWE.match(clause)
        if owed is not None and re.fullmatch(r"mine(?:\s+(?:too|back|in return))?", owed["rest"].strip(" .!"), _I) \
                and (their_sent := _THEIRS_SENT.match(prior)) is not None \
                and (x := thing(their_sent["x"], names)) is not None:
            bare = re.sub(r"^(?:the|a|an|my|our|your)\s+", "", x)  # "sent hugelkultur pics. owe him mine"
            deliver[:] = [d for d in deliver if d != x]  # the pics they sent are theirs, thanked, never sent back
            sent[:] = [d for d in sent if d != x]
            found.setdefault("thanks", f"the {bare} you sent")
            deliver.append(f"my {bare}")
            promised.append(f"my {bare}")
            continue
        if owed is not None and (treat := re.fullmatch(
                r"(?:an?\s+|one\s+)?(?P<t>coffee|lunch|dinner|drink|beer|pint|breakfast|brunch|tea)s?(?:\s+.*)?",
                owed["rest"], _I)) is not None:
            found.setdefault("next_step", _next_step(treat["t"].lower() if treat["t"].lower() != "drink" else "drinks",
                                                     None, None))
            continue
        if owed is not None and (given := _owed_favour(owed["rest"], names)) is not None:
            if given:
                found.setdefault("my_offer_to", given)  # a lift or money owed is given, never "here's a lift"
            continue
        if (m := owed) is not None or (m := _I_PROMISED_THING.match(clause)) is not None:
            if (session := _NEXT.match(expand(m["rest"]))) is not None:  # "offered pairing tues 2pm": to arrange
                found.setdefault("next_step", _next_step(session["what"], session["again"], session["when"]))
                continue
            if (owed_thanks := re.fullmatch(r"(?:an?\s+)?(?:proper\s+|big\s+|huge\s+|real\s+)?"
                                            r"(?:thank[- ]?you|thanks|thx)(?:\s+(?:note|card))?(?:\s+for\s+(?P<x>.+))?",
                                            m["rest"].strip(" .!"),
                                            _I)) is not None:
                if owed_thanks["x"] and (for_what := you_form(owed_thanks["x"], names, 6)) is not None:
                    found.setdefault("thanks", for_what)  # "owe him a huge thank you for the intro": for the intro
                continue  # "owe him a proper thank you": the message is the thanks, nothing to attach
            when = _LATER_WHEN.search(m["rest"])
            if when is not None and (what := thing(m["rest"][:when.start()], names)) is not None:
                later.append(f"{what} {_later_words(when[0], what)}")  # "i owe him the cohort data by end of month"
                continue
            if (intro := re.match(r"^(?:an?\s+)?intro(?:duction)?s?\s+(?:to|with)\s+(?P<who>.+)$", m["rest"], _I)):
                found.setdefault("intro_to", you_form(intro["who"], names, 5) or "")
                continue
            if (what := thing(m["rest"], names)) is not None and _head(what) in _TO_ARRANGE:
                found.setdefault("next_step", re.sub(r"^the\s+", "a ", what))  # "offered 2nd session": to arrange
            elif what is not None:
                deliver.append(what)
                if re.match(r"^promised\b(?!\s+(?:her|him|them)\b)", clause, _I):  # "promised samples by fri": whose,
                    unmarked.append(what)  # the rest of the notes tell ("promised her X" is the member's to her)
            continue
        if (m := _POINT_ME.search(clause)) is not None:
            if (x := you_form(m["x"], names, 6)) is not None:
                offers.append(f"point me to {x}")
            continue
        if (m := _THEY_FIND_OUT.match(_unname(clause, names))) is not None \
                and (news := _news_of(m["x"], names)) is not None:
            found.setdefault("their_news", news)  # "she'll find out if ballot date confirmed + let me know"
            continue
        if m is not None and re.match(r"(?:if|whether)\s", m["x"], _I) \
                and (question := you_form(m["x"], names, 10)) is not None:
            found.setdefault("their_offer_to", f"check {question}")  # "he'd check if his school takes X": theirs
            continue
        if (m := _THEIR_PROMISE.match(_unname(clause, names))) is not None and not (
                m["verb"].lower() in ("post", "whatsapp") and _head(thing(m["rest"], names) or "vet") in _ROLES):
            verb, rest = m["verb"].lower(), m["rest"]
            if verb in ("post", "whatsapp"):  # "she'll post samples + price list": sent, by any way
                verb = "send"
            # "his old crash pad, lives nr the park", "our fuse box for free, just text me": an aside, not the offer
            if " and " not in rest:  # "his ladder, drill and saw" is a list, kept whole
                rest = re.split(r",\s+(?!(?:the|a|an|my|our|your|his|her|their|and|or|plus|\d)\b)(?=[a-z])", rest)[0]
            rest = re.sub(r"\s+and\s+(?:tell|let|say|give)\b.*$", "", rest)  # "read my letter and tell me if …"
            # "if i send it", "if i want": the condition is only the member's yes, so the offer stands
            rest = re.sub(r"\s+if (?:i|we) (?:send|share|want|like|need|'d like|would like|forward)(?: (?:it|them|one|"
                          r"that|this))?(?: over)?\s*$", "", rest, flags=_I)
            if re.search(r"\bif\b", rest, _I):
                continue  # "he'll share historicals if we sign their NDA": a condition first, not an offer to take up
            if verb == "connect" and re.match(r"(?:on|via|over)\s", rest.strip() + " ", _I):
                continue  # "said he'd connect on linkedin — hasn't": a connection request, no introduction
            if verb in ("intro", "introduce", "connect"):
                rest = re.sub(r"\s+(?:working|who|that|for|about|re)\b.*$", "", rest)
                who = you_form(re.sub(r"^(?:me\s+)?(?:to|with)\s+", "", rest), names, 5)
                offers.append(f"intro:{who}" if who else "intro:")
            elif verb == "review" and re.match(r"(?:it\s+|them\s+)?(?:w/|with)\s", rest.strip() + " ", _I):
                found.setdefault("wait", clause)  # "he'll review w/ CFO": theirs to do, then they'll come back
            elif verb in ("review",) and not rest.strip():
                found.setdefault("their_next", "review it")
            elif verb == "quote":  # "said he'd quote for the charger install"
                job = you_form(re.sub(r"^(?:me\s+|us\s+)?(?:for|on)\s+", "", rest), names, 6)
                offers.append(f"thing:the quote for {job}" if job else "thing:the quote")
            elif verb in ("loop in",):
                if (who := you_form(rest, names, 5)) is not None:
                    found.setdefault("their_next", f"loop in {who}")
            elif verb.startswith("point"):
                if (who := you_form(rest, names, 6)) is not None:
                    offers.append(f"point me to {who}")
            elif verb == "refer" and not rest.strip(" .!"):
                offers.append("refer me")  # "he'll refer me": the referral is the offer
            elif (what := you_form(re.sub(r"\s+for\s+\w+ing\b.*$|\s+(?:for free|as an? [\w -]+)$|\bfree\s+", "",
                                          re.sub(r"\s+as an? [\w -]+$", "", rest)), names)) is not None:
                to_me = " me" if verb in ("lend", "give", "send", "show", "mentor", "refer") else ""
                what = _owned(what, "your" if verb in ("lend", "give", "share", "show", "host") else "my")
                if verb not in ("send", "email"):
                    offers.append(f"{verb}{to_me} {what}")
                elif (sent_thing := thing(rest, names)) is not None:  # "she'll send it mon": nothing named
                    offers.append(f"thing:{_theirs(sent_thing)}")
            continue
        if (m := _OFFERED_THING.match(clause)) is not None:
            offered = re.sub(r"\bfree\s+", "", m["rest"])
            offered = re.split(r"\s+(?:if|once|as long as|provided)\s", offered, maxsplit=1, flags=_I)[0]  # its terms
            what = thing(offered, names)
            if what is None and (short := re.match(r"(?P<x>.+?)\s+for\s+", offered, _I)) is not None:
                what = thing(short["x"], names)  # "the church hall for our club on sat mornings": the hall
            if what is not None:
                offers.append(f"thing:{what}")
            continue
        if re.match(r"^asked (?:him |her |them )?for\b", clause, _I) and re.match(
                r"^(?:i\s+)?(?:emailed|messaged|texted|wrote|dm'?d|pinged|called|rang|sent|slacked)\b", prior, _I):
            # "emailed him thanks + asked for splits": the member asked, so it's theirs to send
            x = thing(re.sub(r"^asked (?:him |her |them )?for\s+", "", clause, flags=_I), names)
            if x is not None and not re.search(r"\b(?:slots?|times?|dates?|call|chat|meeting)$", x, _I):
                found.setdefault("expect", re.sub(r"\s+(?:last|this|next) (?:week|wk)$", "", x))
            continue
        if (m := _THEIR_ASK.match(_unname(clause, names))) is not None:
            verb, rest = m["verb"].lower(), m["rest"]
            if verb in ("wants", "wanted", "would like", "'d like", "asked") and (inv := re.match(
                    r"^(?:me|us)\s+to\s+(?P<v>do|give|run|host|lead|present|teach|judge)\s+(?P<x>[^,;]+)", rest, _I)):
                det = "" if re.match(r"(?:a|an|the|my|our|your|some|\d+)\b", inv["x"], _I) else "a "
                if (x := you_form(f"{inv['v'].lower()} {det}{inv['x']}", names)) is not None:
                    found.setdefault("invited_to", x)  # "wants me to do careers talk": the member's to say yes to
                continue
            if re.match(r"^(?:an?\s+)?intro(?:duction)?\s+(?:to|with)\s+", rest, _I):
                who = you_form(re.sub(r"^(?:an?\s+)?intro(?:duction)?\s+(?:to|with)\s+", "", rest), names, 5)
                last_ask = f"intro:{who}" if who else None
                if who:  # they asked for an introduction: the member will make it
                    found.setdefault("intro_to", who)
                continue
            if verb.startswith("asked") and verb.endswith(("about", "abt", "re")) and re.match(r"^(?:his|her|their)\b",
                                                                                            rest, _I):
                if (x := you_form(rest, names, 6)) is not None and "topic" not in found:  # the member asked
                    found["topic"], found["topic_owned"] = x, True
                continue
            if verb == "asked" and re.search(r"\s+or\s+", rest):  # "asked slurm or k8s": a question, not a thing
                if (x := you_form(rest, names, 6)) is not None:
                    last_question = f"about {x}"
                    found.setdefault("answer", f"about {x}")
                continue
            if (g := re.match(r"^(?P<v>" + "|".join(_GERUND) + r")\s+(?P<x>.+)$", rest, _I)) is not None:
                if (x := you_form(g["x"], names, 6)) is not None:  # "keen on doing a joint workshop"
                    found.setdefault("suggest", f"{_GERUND[g['v'].lower()]} {x}")
                continue
            if (k := re.match(r"^(?:(?:if|whether) )?(?:i|we) know (?:any ?one|some ?one|somebody|people) "
                              r"(?P<x>(?:in|at|on|from) .+)$", rest, _I)) is not None \
                    and verb.endswith(("if", "whether")):
                if (x := you_form(k["x"], names, 6)) is not None:
                    found.setdefault("checking", f"an introduction to someone {x}")
                continue
            if verb.endswith(("how", "what", "why", "where", "which", "whether", "if")):
                q = you_form(f"{verb.split()[-1]} {rest}", names)
                if q is None and re.match(r"(?:(?:i|we|our\s+\w+)\s+(?:can|could|would|might)|i'd|we'd)\s", rest, _I):
                    q = you_form(f"{verb.split()[-1]} {rest}", names, MAX_WORDS + 3,  # "if i could help w/ …"
                                 asked_of_me=re.match(r"(?:i|we)\s+(?:can|could)\s", rest, _I) is not None)
                if q and re.match(r"^(?:if|whether) (?:we|our)\b.*\bhiring\b", q, _I):
                    continue  # answered below if the notes say "we're not"
                if q and verb.endswith(("if", "whether")) and re.search(r"\bI'?d\b", q):
                    wanted = re.sub(r"^(?:if|whether)\s+I'?d\s+", "", q)
                    if not re.match(r"(?:already\s+)?(?!(?:need|feed|speed|seed|proceed|succeed|exceed|embed)\b)"
                                    r"\w+ed\b", wanted, _I):  # "asked if i'd reviewed his PR": whether it's done
                        last_ask = "to:" + wanted
                    continue
                if q and (can := re.match(r"^(?:[Ii]f|[Ww]hether)\s+I\s+(?:can|could|would|might)\s+(?P<x>.+)$", q)):
                    last_ask = "to:" + can["x"]  # "asked if i can do flyers": taken as a yes unless the notes say no
                    found.setdefault("accept", can["x"])
                    request_open = True
                    continue
                if q and re.search(r",\s*(?:showed|told|explained|answered|walked)\b", q):
                    continue  # "asked how the expense tool works, showed her": answered there and then
                if q:
                    last_question = q
                    found.setdefault("answer", q)
                continue
            if verb.endswith(("to",)) or (verb in ("wants", "wanted", "would like", "'d like", "keen on") and \
                    re.match(r"^to\s+", rest, _I)):
                rest = re.sub(r"^to\s+", "", rest, flags=_I)
                if (m2 := _IMPERATIVE.match(rest)) is not None:  # "asked me to send the deck"
                    if (what := thing(m2["rest"], names)) is not None:
                        deliver.append(what)
                        asked_for.append(what)
                        last_ask = what
                    continue
                if (m2 := re.match(r"^(?P<v>pilot|trial|try|test|use)\s+(?P<x>.+)$", rest, _I)) is not None:
                    if (x := you_form(m2["x"], names, 6)) is not None:
                        found.setdefault("topic", f"the {m2['v'].lower()} of {x}")
                        found["topic_owned"] = False
                    continue
                if (m2 := re.match(r"^(?:swap|compare|trade|share) notes (?:on|about|abt|re)\s+(?P<x>.+)$", rest,
                                   _I)) is not None:
                    if (x := you_form(m2["x"], names, 5)) is not None:
                        found.setdefault("next_step", f"swap notes on {x}")
                    continue
                if (m2 := re.match(r"^(?:grab|get|have|do|go for)\s+(?:a\s+)?(?P<what>coffee|lunch|drinks|dinner|"
                                   r"breakfast|call|chat|beer)\b\s*(?P<when>.*)$", rest, _I)) is not None:
                    when = expand(m2["when"]).strip()
                    noun = {"call": "a call", "chat": "a chat", "beer": "a beer"}.get(m2["what"].lower(),
                                                                                      m2["what"].lower())
                    found.setdefault("next_step", f"{noun} {when}".strip())
                    continue
                if re.search(r"\b(?:me|us)\b", verb, _I):
                    if verb.lower().startswith("asked") \
                            and (_WEIGHING.search(notes)
                                 or (re.search(r"(?:^|[.;,\n]\s*|\s[-–—]\s*)(?:i\s+)?said (?:yes|sure|ok|of course)\b"
                                               r"(?!\W*(?:but|if|pending|once|after|unless|only|when|as long as|"
                                               r"provided|subject)\b)", notes, _I)
                                     and not re.search(r"\b(?:by|before|b4)\s+\w+|#", rest, _I))) \
                            and (request := you_form(re.sub(r"\s+(?:while|whilst|when)\s+.*$", "", rest, flags=_I),
                                                     names, 10)) is not None:
                        # "asked me to run the Jan KAL. said maybe": a request to weigh; "asked me to water plants +
                        # take the post, said yes": a yes to give
                        last_ask = "to:" + request
                    continue  # "he asked me to open a PR": the member's to-do, never praised as their plan
                x = you_form(rest, names, 6)
                if x is not None and not re.match(_PLAN_VERBS, x, _I):
                    continue  # "wants to see six months of revenue": not a plan of theirs to admire
                if x is not None and re.match(r"(?:move|switch|transition|pivot|go)\b(?!.*\b(?:to|into|from|abroad|"
                                              r"home|back)\b)", x, _I):
                    continue  # "wants to move litigation -> in-house": a move with no destination reads garbled
                ours = x is not None and re.match(r"^(?:speak|present|give a talk|run a workshop) at our\b", x, _I)
                if x is not None and "topic" not in found and (ours or not re.search(
                        r"\b(?:us|me|our|my|it|this|that)\b", x, _I)):
                    found["topic"] = "your plan to " + x
                continue
            if "interested" in verb or "curious" in verb or verb == "keen on":
                if (x := you_form(rest, names, 5)) is not None:
                    if re.match(r"^(?:partnering|collaborating|working together|a partnership)\b", x, _I):
                        found.setdefault("explore", "working together")
                    else:
                        found.setdefault("interest", x)
                continue
            if verb.startswith("asked") and (qm := re.match(
                    r"^(?:a |an |the |some |a few |two |2 )?(?:q|qs|question|questions)\s+(?:about|abt|on|re|regarding)"
                    r"\s+(?P<x>.+)$", rest, _I)) is not None:
                if (x := you_form(qm["x"], names, 5)) is not None:
                    found.setdefault("answer", f"about {x}")
                    last_question = f"about {x}"
                continue
            if verb.startswith("asked") and verb.endswith(("about", "abt", "re")) and (p := re.match(
                    r"^(?:partnering|collaborating|teaming up|working together)\s+(?:on|in|for)\s+(?P<x>.+)$", rest,
                    _I)) is not None:
                if (x := you_form(p["x"], names, 5)) is not None:
                    found.setdefault("explore", f"partnering on {_article(x) if not x[:1].isupper() else x}")
                continue
            if verb.startswith("asked") and verb.endswith(("about", "abt", "re")):
                if (x := you_form(rest, names, 5)) is not None:
                    found.setdefault("answer", f"about {x}")
                    last_question = f"about {x}"
                continue
            if (off_me := re.match(r"^(?P<x>.+?)\s+(?:off|from)\s+me\b(?P<when>\s+(?:in|next|this)\s+\w+)?\W*$", rest,
                                   _I)) is not None and (x := thing(off_me["x"], names)) is not None:
                wanted = f"{x} {expand(off_me['when'].strip())}" if off_me["when"] else x  # "…off me in autumn": mine
                deliver.append(wanted)
                asked_for.append(wanted)
                continue
            if (helped := re.match(r"^help (?:with|on) (?P<x>.+)$", rest, _I)) is not None:
                if (x := you_form(re.split(r"\s*[,;(]", helped["x"])[0], names, 6)) is not None:
                    if not re.match(r"(?:the|a|an|your|my|our|some|this|that|these|those)\b", x, _I) and re.search(
                            r"\b(?:website|site|shop|app|cv|resume|portfolio|garden|kitchen|menu|logo|newsletter|"
                            r"thesis|business plan|pitch deck|deck|blog)$", x, _I):
                        x = f"your {x}"  # "wants help w/ café website": their café website
                    found.setdefault("need", x)  # "wants help with his website": the website
                continue
            if (together := _NEXT.match(expand(re.sub(r"^(?:a|an|the)\s+", "", rest.strip(), flags=_I)))) \
                    is not None and together["what"].lower() in ("rematch", "game", "match", "hike", "ride", "climb",
                                                                 "swim", "jam", "playdate", "play date", "walk", "run"):
                found.setdefault("next_step", _next_step(together["what"], together["again"], together["when"]))
                continue  # "wants rematch in spring": a step together, not help the member could give
            if (cond := re.search(r"\s+(?:after|once|when)\s+(?:we|i)\s+(?:hit|reach|get to|cross|close|raise|"
                                  r"launch|ship)\b.*$", rest, _I)) is not None \
                    and (after_milestone := thing(rest[:cond.start()], names)) is not None \
                    and (_sendable(after_milestone) or _head(after_milestone) in ("update", "updates", "news")):
                later.append(f"{after_milestone} {_later_words(cond[0], after_milestone)}")  # "wants update after 10k"
                continue
            if verb == "asked" and re.match(r"(?:(?:the\s+|my\s+|our\s+)?(?:landlord|landlady|agent|boss|manager|team|"
                                            r"mgr|hr|legal|finance|accountant)|(?-i:[A-Z][a-z]+)(?![\w'’]))\b", rest,
                                            _I):
                continue  # "asked landlord, 2nd floor one free from 1st": the member asked someone, nothing to send
            due = _DEADLINE.search(rest)
            if due is not None and due.start() > 0:
                rest = rest[:due.start()]  # "wants the risk register b4 the 12th": the register, wanted by a date
            what = thing(re.sub(r"\s+(?:cheap|cheaply|asap|quickly|fast|urgently|soon)\b.*$", "", rest, flags=_I),
                         names)
            meet = re.match(r"(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:demo|call|meeting|chat|trial|tour|visit|"
                            r"walk-?through)\b", what or expand(rest), _I)
            if what is None and meet is not None and not re.search(r"\b(?:once|after|when|until|till|if)\b", rest, _I):
                # "wants a 20 min call to pick my brain on pricing": the call ("a trial once X clears" waits)
                what = you_form(meet[0], names)
            if what and re.match(
                    r"(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:demo|call|meeting|chat|trial|tour|visit|walk-?through)\b",
                    what,
                    _I):
                found.setdefault("next_step", re.sub(r"^the\s+", "a ", what))  # "asked for a demo": to arrange
                continue
            # "wants/needs/looking for" a thing, not "asked for" it; but "our X by eom", "the X b4 the 12th" is owed
            vague = not verb.startswith("asked") and not (
                due is not None and re.match(r"(?:the|our|my)\s", rest.strip(), _I) is not None
                and not re.search(r"\bback\b", rest, _I)
                and _head(thing(rest, names) or "") in _OWED_BY_A_DATE | _SENDABLE)
            sendable_parts = [p for p in re.split(r"\s+and\s+(?=(?:the|a|an|my|our|your|some)\b)", what or "")
                              if p and _sendable(p)]
            if what and vague and sendable_parts and not _sendable(what):
                what = " and ".join(sendable_parts)  # "API docs and sandbox access": the docs can go; the rest waits
            if what and re.match(r"(?:the\s+)?(?:(?:good|great|sharp|smart|tough|hard|loads of|lots of|some|a few|"
                                 r"few|many)\s+)?(?:q'?s|questions)\b(?!\s+(?:template|list|sheet|doc|bank|set)\b)",
                                 what, _I):
                continue  # "asked good q's re the identifiability bit": they asked questions, nothing to send
            if what and not vague and _head(what) in _PREMISES_AND_GOODS and re.match(r"(?:our|my)\s", what, _I):
                found.setdefault("checking", what)  # "wants our hall for choir thursdays": to look into, not "here's"
                last_ask = what
                continue
            if what and (_sendable(what) if vague else _head(what) not in _NOT_NEEDS | {"intro", "introduction"}):
                last_ask = what
                deliver.append(what)
                asked_for.append(what)
            elif what and not ("looking" in verb and re.fullmatch(r"\w+ing", _head(what))) \
                    and (need := _need(what)) is not None:  # "looking for bookkeeping": work, not a need
                found.setdefault("need", need)
            elif what is None and re.match(r"some ?(?:one|body) (?:to|for|with)\s", rest, _I) \
                    and (who := you_form(rest, names, 7)) is not None:
                found.setdefault("need", who)  # "needs someone to lead the data team"
            continue
        if re.match(r"^hiring (?:mgr|manager)\b", clause, _I):
            continue  # a role, not what they're doing
        if (m := _THEIR_WORK.match(_unname(clause, names))) is not None:
            if (x := you_form(m["rest"], names, 6)) is not None and "topic" not in found:
                found["topic"], found["topic_owned"] = f"your {m['noun'].lower()} on {x}", True
            continue
        if (m := _FAVOUR.search(_unname(clause, names))) is not None:
            verb, rest = m["verb"].lower(), re.sub(r"^\+1\s+", "", m["rest"].strip())
            # "lent me £20 for taxi when my card died": the favour, not the story around it
            # ("covered my sat shift owe coffee": the shift, not the coffee owed for it)
            rest = re.split(r"\s+(?:when|while|because|coz|cos|bc|b/c|cuz|as|after|since)\s|,\s*(?:paid|repaid|sent|"
                            r"gave|returned|"
                            r"settled)\b|\s+(?:i\s+)?owe\s|\s+(?:return|back)\b", rest, maxsplit=1, flags=_I)[0]
            rest = re.sub(r",\s*\w+(?:\s+\w+)?\W*$", "", rest)  # "fixed my proxmox bridge at 1am, legend": no remark
            if verb in ("lent me", "loaned me"):  # "lent me his wheelbarrow, mine's got flat tyre": the thing lent
                rest = rest.split(",")[0]
            rest = re.sub(r"\s+(?:legend|hero|lifesaver|life saver|star|champ|king|queen|absolute legend)\W*$", "",
                          rest, flags=_I)  # "at like 2am 🙏 legend"
            rest = re.sub(r"\s+(?:at\s+)?(?:like\s+)?\d{1,2}(?::\d\d)?\s?(?:am|pm)\W*$", "", rest, flags=_I)  # when: no
            owned = verb.endswith(" me") or re.match(r"(?:my|our|me|us)\b", rest, _I)
            if owned and (x := you_form(rest, names, 8)) is not None:
                found.setdefault("thanks", f"{_FAVOUR_GERUND[verb]} {x}")
                if verb in ("lent me", "loaned me") and re.match(r"[£$€]\s?\d", rest) and not _REPAID.search(notes) \
                        and (back := _owed_favour(rest, names)):
                    found.setdefault("my_offer_to", back)  # money lent is paid back
                elif verb in ("lent me", "loaned me") and (back_by := _due(re.split(  # its date only: raw notes
                        r"\s*(?:[.;!?\n/]|\s[-–—]\s)\s*", notes))) is not None and (
                        lent_np := re.match(r"(?:his|her|their|the)\s+[\w' -]{2,30}?"
                                            r"(?=\s+(?:for|till|until|when|to)\b|$)", rest, _I)) is not None \
                        and (thing_lent := you_form(lent_np[0], names, 5)) is not None:
                    found.setdefault("give_back", thing_lent)  # "lent me his wheelbarrow … PROMISED back by sun"
                    found.setdefault("give_back_by", back_by)
                continue
        if (m := _DOING_FOR_ME.match(_unname(clause, names))) is not None \
                and (x := you_form(expand(m["x"] or m["x2"]), names, 6)) is not None:
            found.setdefault("thanks", f"{(m['ing'] or m['ing2']).lower()} {x}")  # "doing thurs pickup for me!!"
            continue
        if (m := _THANKS.match(_unname(clause, names))) is not None:
            verb, rest = m["verb"].lower().strip(), m["rest"]
            x = you_form(rest, names)
            if verb.startswith("answered") and x and x.startswith(("on ", "about ", "re ")):
                found.setdefault("thanks", f"your answer {x}")  # "answered my question on lifetimes"
            elif verb.startswith("helped"):
                if x and not x.startswith(("with", "on")) and re.match(r"[a-z]+\s+\w", x):  # "helped me debug X"
                    x = "with " + _gerund(x)
                found.setdefault("thanks", f"your help {x}" if x and x.startswith(("with", "on")) else "your help")
            elif verb.startswith("gave") and x and not re.search(r"\s+to\s+[a-z]+", x, _I) and (span := re.fullmatch(
                    r"(?:your )?((?:a|an|one|two|three|four|five|half an?|\d+(?:\.\d)?|the)\s+"
                    r"(?:whole |full |entire )?(?:hours?|hrs?|minutes?|mins?|days?|afternoon|morning|evening)s?)"
                    r"(?P<on>\s+(?:on|for|with|over)\s+(?:my|our|the)\s+[\w' -]{2,30}?)?"
                    r"(?:\s+(?:on|at|for|with|over|of)\b.*|,.*)?\W*", x, _I)):  # "gave us 3 hrs on our pitch"
                # ("gave us 48 hrs to clear the garage": a deadline, never a favour)
                hours = re.sub(r"\bhrs?\b", "hours", re.sub(r"\bmins?\b", "minutes", span[1].lower()))
                whom = "us" if re.match(r"gave us\b", verb, _I) else "me"  # "gave us 2 hrs!!": their time
                yours = "" if hours.startswith("the ") else " of your time"  # "gave us the FULL day": the whole day
                if span["on"] and (on := you_form(span["on"].strip(), names, 7)):
                    yours = f"{yours} {on}"  # "gave us 3 hrs on our pitch deck"
                hours = re.sub(r"\b1 (minute|day)s\b", r"a \1", re.sub(r"\b1 hours\b", "an hour", hours))
                found.setdefault("thanks", f"giving {whom} {hours}{yours}")
            elif verb.startswith("gave us"):
                pass  # "gave us a lowball offer", "gave us a 1-star review": only time given to "us" is thanked
            elif verb.startswith(("gave", "sent me", "brought", "baked", "cooked")) and x and not re.search(
                    r"^(?:it|them|that|this|those)\b|"  # "gave it back": the member's, handed back
                    r"\b(?:card|number|email|mobile|phone|whatsapp|contact|details|handle|deets|digits|socials?|"
                    r"insta|linkedin)\b|\b(?:your|his|her|their) (?:no|num|nr)\W*$", x, _I) and not (
                    verb == "sent me" and re.search(r"\b(?:reminders?|follow[- ]?ups?|invoices?|bills?|chasers?|cv|"
                                                    r"resume|emails?|messages?|texts?|links?|forms?)\b|\d", x, _I)):
                x = re.sub(r"^(?:an?|some)\s+", "", x)  # "gave me a workout plan": the plan
                found.setdefault("thanks", f"the {x}" if not x.lower().startswith(("the", "your")) else x)
            elif verb == "shared" and x:
                found.setdefault("thanks_share", x)
            elif verb == "hosted":
                found.setdefault("thanks", "hosting")
            elif verb == "recommended" and x:
                found.setdefault("thanks", f"recommending {x}")
            elif verb == "showed me" and x and not re.search(r"\bthem\b", rest, _I):  # "how to split them": not you
                found.setdefault("thanks", f"showing me {x}")
            continue
        if _THANK_FOR_IT.match(clause) and (favour := _favour_done(prior, names)) is not None:
            found.setdefault("thanks", favour)  # "ms tan stayed late w/ mia. thank her properly": for staying late
            continue
        if _THANK_FOR_IT.match(clause) and re.search(r"\b(?:helpful|helped|a great help|so kind|v kind)\b", prior, _I):
            found.setdefault("thanks", "your help")  # "ops mgr, v helpful. send thx": for the help they gave
            continue
        if _THANK_FOR_IT.match(clause):
            continue  # "thank her" after nothing they did: no "thanks for you"
        if (m := _THANK_NOTE.match(clause)) is not None:
            if (x := you_form(m["rest"], names, 5)) is not None and not re.fullmatch(r"[a-z][a-z'-]+", x):
                found.setdefault("thanks", x)  # ("thank ollie!!": someone else to thank, not a thing)
            continue
        if re.search(r"\bhost of\b|(?<!self )(?<!self-)\bhosted\b", low):
            found.setdefault("thanks", "hosting")
            continue
        if (m := _GIVE_BACK.match(clause)) is not None and (x := you_form(m["x"], names, 4)) is not None:
            found.setdefault("give_back", x)  # "return her dish": the member's to do, said once, never chased
            continue
        if (m := _BOOKED.match(expand(clause))) is not None:  # "call booked tue 3pm": fixed, nothing to propose
            fixed = _next_step((m["what"] or m["what1"]).lower(), None, m["when"])
            found.setdefault("booked", "our " + re.sub(r"^(?:a|an|the)\s+", "", fixed))
            continue
        if (m := _NEXT.match(expand(clause))) is not None:
            step = _next_step(m["what"], m["again"], m["when"])
            if isinstance(found.get("next_step"), str) and str(found["next_step"]).startswith("swap notes"):
                step = f"{step} to {found['next_step']}"
            found["next_step"] = step
            continue
        if (m := re.match(r"^(?:next steps?:?\s*)?(?:she|he|they)(?:\s*'ll|\s+will|'s|\s+is|\s+are)?\s+"
                          r"(?:sends?|sending|dms?|dm'?ing|emails?|emailing|forwards?|shares?)\s+(?:(?:me|us)\s+)?"
                          r"(?P<x>.+)$", _unname(clause, names), _I)) is not None \
                and (x := thing(m["x"], names)) is not None:
            found.setdefault("expect", x)
            continue
        if (m := _EXPECT.match(clause)) is not None:
            found.setdefault("expect", f"the {m['what'].lower()}")
            found.setdefault("expect_when", expand(m["when"]))
            continue
        if (m := _TOPIC_LEAD.match(clause)) is not None:
            rest = re.sub(r"\s+\w+ly$", "", m["rest"])  # "talked rates loosely"
            # "abt bouldering the whole way", "for ages", "all night": how long, not what about
            rest = re.sub(r"\s+(?:the whole (?:way|time|night|trip|ride|journey|evening)|all (?:night|evening|day|"
                          r"afternoon|the way)|for (?:ages|hours|a while)|for \d+\s*(?:h|hrs?|hours?|mins?))"
                          r"(?:\s+(?:lol|haha|lmao|tbh))?\W*$", "", rest, flags=_I)
            if (x := you_form(rest, names, 5)) is not None and "topic" not in found \
                    and not re.match(r"^(?:over|for|until|since|at|in|on|with|to|all|ages|hours?|a while)\b|\d|"
                                     r"^(?:everyone|everybody|stuff|things|nothing)$|^(?:two|three|four|five|ten|"
                                     r"a few|a couple of)\s+(?:mins?|minutes|hours?|hrs?)\b",
                                     x, _I):  # "talked for 2h", "chatted 2 mins"
                found["topic"] = x
            continue
        moving = re.search(r"\bmoving to (?P<x>[\w -]+?)(?: in (?P<when>\w+))?$", clause, _I)
        if moving and "activity" not in found:
            if (x := you_form(moving["x"], names, 3)) is not None:
                found["activity"] = f"moving to {x}"
            continue
        if (m := _MOVING.match(_unname(clause, names))) is not None and "activity" not in found:
            x = you_form(m["rest"], names, 5) if m["rest"] else None
            verb = m["verb"].lower()
            if verb == "job hunting" or (verb == "hiring" and not x):
                continue
            if x:
                found["activity"] = f"{verb} {x}"
            continue
    if "ask_around" not in found:  # "i said i'd ask dad abt his ski hut": family is left out of clauses, not this
        before = ""
        for sentence in re.split(r"\s*(?:[.;!\n]|\s[-–—]\s)\s*", notes[:4000]):
            sentence = sentence.strip(" ,")  # "daughter needs gcse maths tutor - ask Ellie?" too
            if (around := _ASK_AROUND.match(sentence) or _ask_for_their_need(sentence, before)) is not None \
                    and (on_behalf := _asked_around(around, names)):
                found["ask_around"] = on_behalf
                if isinstance(found.get("checking"), str) and re.sub(r"^(?:an?|some|the)\s+", "", str(
                        found["checking"]), flags=_I) in on_behalf:
                    found.pop("checking")  # "wants a good accountant - ask Priya": asked around, not looked into
                break
            before = sentence
    if "stop" not in found and "wait" not in found:  # said in a clause left out as private: still heeded
        if (said := _STOP.search(notes)) is not None and not _WAIT.search(notes):
            found["stop"] = said[0]
        elif (said := _WAIT.search(notes)) is not None:
            found["wait"] = said[0]
    # "promised to share slides; i'll send X in return", "promised samples by fri … still not here": theirs
    mine_in_return = re.search(r"(?:^|[.;\n]\s*|\b(?:i|we)\b)[^.;\n]*\bin return\b", notes, _I) is not None \
        and not re.search(r"\b(?:she|he|they)\b(?:'ll| will)?[^.;\n]*\bin return\b", notes, _I)
    if unmarked and (mine_in_return or _OVERDUE.search(notes)):
        for item in unmarked:
            if item in deliver:
                deliver.remove(item)
                offers.append(f"thing:{_theirs(item)}")
    if re.search(r"\basked (?:if|whether) (?:we'?re|we are|we) hiring\W+(?:we'?re not|we are not|not hiring|no\b|nope)",
                 notes, _I):
        found["not_hiring"] = True
    if re.search(r"\bteam ?mates?\b", notes, _I) and "thanks" not in found and setting_hint(notes) != "work":
        found["thanks"] = "teaming up"
    if (by := re.search(r"\b(?:me|i'?ll|i will|i)\s*:?\s*(?:give |send )?(?:my )?feedback (?P<when>by \w+|this week|"
                        r"tomorrow|within \w+ days?)", notes, _I)) is not None:
        found["feedback_by"] = expand(by["when"])
    business = re.search(r"(?:^|[.;,\n]\s*|\b(?:she|he|they)\s+)(?:runs|owns|has|opened|started)\s+"
                         r"(?:a|an|her|his|their)\s+(?P<biz>[a-z]+(?: (?:bank|shop|store|bar|cafe|café|club|school|"
                         r"studio|agency|clinic|company|firm|kitchen|garden|farm|salon))?)\b",
                         notes, _I)  # theirs: not "our team has an opening"
    if business and found.get("need") and " for " not in str(found["need"]) \
            and not str(found["need"]).startswith("your "):  # "a website for your bakery"
        found["need"] = f"{found['need']} for your {business['biz'].lower()}"
    intro_to = found.get("intro_to")
    if intro_to == "" and found.get("yes_name"):
        intro_to = found["intro_to"] = found["yes_name"]  # "know a good accountant? yes, Priya. promised intro"
    if intro_to and re.match(r"(?:some|any) ?(?:one|body)\b", str(intro_to), _I):
        found.pop("intro_to")  # "an intro to someone at X": no one to copy in yet
        if not re.search(r"\b(?:don'?t|do not|dont) know any ?(?:one|body)\b", notes, _I):
            found.setdefault("checking", f"an introduction to {intro_to}")
        intro_to = None
    accept = found.get("accept")
    offers = [o for o in offers if not re.fullmatch(r"thing:(?:the|a|an|some)?\s*(?:link|links|details|info|"
                                                   r"information|contact|number|stuff|thing|things)", o, _I)]
    for offer in offers:
        if offer.startswith("intro:"):
            who = offer.removeprefix("intro:")
            offers[offers.index(offer)] = f"the introduction to {who}" if who else "the introduction"
        elif offer.startswith("thing:"):
            offers[offers.index(offer)] = offer.removeprefix("thing:")
    # The notes' own topic only when a clause says it was talked about (not "nothing specific"), or the note is
    # one bare phrase ("onboarding metrics"), or it is theirs ("her startup does …").
    base_topic = base.topic if base.topic and not re.fullmatch(r"(?:nothing|none|n/?a)(?: specific| much)?",
                                                               base.topic, _I) else None
    said_topic = bool(base_topic) and any(_TOPIC_WORDS.search(c) and str(base_topic).split()[-1].lower() in c.lower()
                                          for c in note_clauses)
    alone = len(note_clauses) == 1 and not (deliver or found)
    topic = _str(found.get("topic")) or (base_topic if said_topic or base.topic_owned or alone else None)
    if topic:  # "cider presses for ages": what about, not how long
        topic = re.sub(r"\s+(?:for (?:ages|hours|a while|an hour|\d+\s*(?:h|hrs?|hours|mins?|minutes))|"
                       r"all (?:night|evening|day|afternoon)|forever|non-?stop)$", "", str(topic), flags=_I) or None
    if topic and re.fullmatch(r"(?:(?:i |we )?(?:said|told (?:him|her|them)) )?(?:yes|no|maybe|ok|okay|sure|yep|nope|"
                              r"done|sent|not yet)\W*", str(topic), _I):
        topic = None  # "… - said yes" left alone when the clause before it was set aside: a reply, no topic
    if topic and re.match(r"(?:for|until|since|over|at|in|on|with|to|all|ages)\b|\d", str(topic), _I):
        topic = None  # "we talked for 2h": how long, not what about
    if topic and not found.get("topic") and str(topic).split()[-1].lower().rstrip("s") in _ROLES:
        topic = None  # "retired nurse": who they are, not what was talked about
    if topic and names & {re.sub(r"['’]s$", "", w.lower().strip(".,!?;:'")) for w in str(topic).split()}:
        topic = None  # "onboarding metrics, Jane's cofounder": a phrase that names them is about them, not to them
    deliver = [d for d in deliver  # asked for, then promised for later: sent later, not now
               if not (d in asked_for and same_thing(d, [_held_phrase(x) for x in later]))]
    kept: list[str] = []
    for item in deliver:
        bare = re.sub(r"^(?:the|my|our|a|an)\s+", "", item.lower())
        if re.fullmatch(r"[£$€]?\s?[\d.,]+\s?(?:k|quid|bucks|zł|eur)?", bare):
            continue  # "offered 120, i said 140": a price named, not a thing to send
        if re.search(r"\b(?:swap|swaps|lift|lifts|ride|rides|trade)$", bare):
            continue  # "offered a pickup swap": an arrangement to agree, never "here's a pickup swap"
        if item and not any(bare in k.lower() for k in kept):
            kept = [k for k in kept if re.sub(r"^(?:the|my|our|a|an)\s+", "", k.lower()) not in item.lower()]
            kept.append(item)
    if maybe_need and "ask" not in found:
        found["ask"] = maybe_need
    if found.get("not_now") and "stop" not in found and not (kept or later or found.get("intro_to")
                                                              or found.get("expect") or found.get("answer")):
        found["stop"] = found["not_now"]
    if hold_first and deliver and not later:
        later.append(f"{deliver[0]} {_later_words(hold_first, deliver[0])}")  # held before it was even named
        deliver.clear()
        kept.clear()
    if last_ask and last_ask.startswith("to:") and "accept" not in found and "checking" not in found \
            and "decline" not in found:
        found["checking"] = "whether I can " + last_ask.removeprefix("to:")  # "asked if i'd X": no yes noted
    if found.get("checking") and (no := re.search(r"\b(?:actually\s+)?decided (?:no|against|not to)\b|"
                                                  r"(?:^|[.;!\n]\s*)(?:nah|nope)?\W*not for me\b", notes, _I)) \
            and no.start() > notes.lower().find(str(found["checking"]).split()[-1].lower()):
        weighed = str(found.pop("checking"))  # "i said i'd think about it. actually decided no": a no after all
        found["decline"] = re.sub(r"^whether I can ", "", weighed) if weighed.startswith("whether I can ") \
            else f"be {weighed}" if re.match(r"(?:a|an)\s", weighed) else None
        if found["decline"] is None:
            found.pop("decline")
    if "answer_given" not in found and "checking" not in found and re.match(
            r"(?:if|whether)\s+(?:we|I|our\s+[\w-]+(?:\s+[\w-]+)?)(?:'d|\s+(?:could|can|would|might|will))\s",
            str(found.get("answer") or "")):
        # "asked if we could help w/ the allotment club": a request to weigh up, not a question to walk them through
        found["checking"] = re.sub(r"^if\s", "whether ", str(found.pop("answer")))
    # "our blog post on it": the question said what; samples go to them, wherever that is
    kept = [re.sub(r"\s+(?:on|about) it$|\s+to\s+(?:your\s+|the\s+)?(?:head office|office|hq|warehouse)\b.*$", "", k)
            for k in kept]
    if re.search(r"\b(?:b4|before) (?:saying|mentioning|promising|offering) anything\b", notes, _I) \
            and re.match(r"(?:a|an)\s", str(found.get("checking") or "")) and "need" not in found:
        found["need"] = found.pop("checking")  # "ASK MARIA FIRST b4 saying anything": not even that it's looked into
    need = _str(found.get("need"))
    need = need if need and re.search(r"[^\W\d_]{2,}", need) else None  # "£££…": no word, no need
    if need and re.search(r"^(?:my|our)\s|\bback$|^(?:an?\s+|the\s+|my\s+)?[£$€]\s?\d|"
                          r"^(?:an?\s+|the\s+|my\s+)?deposit\b|"
                          r"^(?:the|a|an) more\b", need, _I):
        need = None  # "wants DBS form back", "wants £200 deposit": the member's to give, not a need to help with
    if need and same_thing(need, (*kept, *later)):  # "wants 3 month cohorts" beside "i owe him the cohort data"
        need = None
    # "asked for her swab protocol": theirs to send, never "here's your swab protocol"; a price is never "here's"
    for item in list(kept):
        if item.startswith("your "):
            kept.remove(item)
            found.setdefault("expect", item)
        elif _PRICE_ONLY.fullmatch(item):
            kept.remove(item)
    which = str(found.get("answer") or "")
    if which.startswith("which ") and "the list" in kept:  # "asked which snacks are ok, send list"
        kept[kept.index("the list")] = "the list of " + re.sub(r"^which (\w+) (is|are)\b", r"\1 that \2", which)
        found.pop("answer")
    reading = Reading(
        deliver=tuple(kept)[:2],
        later=tuple(later[:1]),
        later_asked=later_asked and len(later) == 1,
        only_asked=any(k in asked_for for k in kept)
        and all((k in asked_for or k in sent) and k not in promised for k in kept),
        only_sent=bool(kept) and all(k in sent and k not in asked_for and k not in promised for k in kept),
        explore=_str(found.get("explore")),
        need=need,
        need_reply=_str(found.get("need_reply")) if need else None,
        checking=_checking(found.get("checking")),
        decline=_str(found.get("decline")),
        thinking=bool(found.get("checking")) and any(_THINKING.search(c) for c in note_clauses),
        ask_around=_str(found.get("ask_around")),
        congrats=_str(found.get("congrats")),
        my_offer_to=_str(found.get("my_offer_to")),
        their_offer_to=_str(found.get("their_offer_to")),
        suggest=_str(found.get("suggest")),
        invited=bool(found.get("invited")),
        not_hiring=bool(found.get("not_hiring")),
        answer_given=_str(found.get("answer_given")),
        feedback_by=_str(found.get("feedback_by")),
        known=bool(_KNOWN.search(notes)),
        first_check=_first_check(notes, names),
        withdrawn=_str(found.get("withdrawn")),
        withdrawn_asked=bool(found.get("withdrawn_asked")), withdrawn_for_now=bool(found.get("withdrawn_for_now")),
        answer_value=_str(found.get("answer_value")),
        invited_to=_str(found.get("invited_to")),
        offer_later=bool(found.get("offer_later")),
        late=_late(notes),
        apology=_apology(note_clauses, names),
        their_news=_str(found.get("their_news")),
        booked=_str(found.get("booked")),
        give_back=_str(found.get("give_back")),
        give_back_by=_str(found.get("give_back_by")),
        paying_back=_LENT.search(notes) is not None,
        pay_how=_pay_how(notes),
        periodic=bool(_PERIODIC.search(notes)),
        deliver_do=tuple(deliver_do[:1]),
        intro_to=str(intro_to) if intro_to is not None else None,
        answer=_str(found.get("answer")),
        interest=_str(found.get("interest")),
        accept=str(accept) if accept else None,
        # "offered $60, my rate is $120": a bid to answer, never money to look forward to
        their_offer=tuple(dict.fromkeys(
            re.sub(r"^(?:a|the) referral$", "refer me", o)  # "offered a referral": a favour to thank them for
            for o in offers if not _PRICE_ONLY.fullmatch(o)))[:1],
        their_next=_str(found.get("their_next")),
        next_step=_str(found.get("next_step")),
        ask=_str(found.get("ask")),
        thanks=_str(found.get("thanks")) or (f"sharing {found['thanks_share']}" if "thanks_share" in found else None),
        topic=str(topic) if topic else None,
        topic_owned=bool(found.get("topic_owned")) or (base.topic_owned and topic == base.topic),
        activity=_str(found.get("activity")) or base.activity,
        stop=_str(found.get("stop")),
        wait=_str(found.get("wait")),
        write_again=_write_again(_str(found.get("wait")), notes),
        expect=None if (their_send := _str(found.get("expect"))) and same_thing(their_send, tuple(offers))
        else their_send,  # "i said send pics first" beside "said he'd send pics": one thing, looked forward to once
        tell=_str(found.get("tell")),
        expect_due=_due(note_clauses) if found.get("expect") else None,
        expect_overdue=bool(found.get("expect")) and any(not late[0].lower().startswith("chase")  # "chase if not
                                                         for late in _OVERDUE.finditer(notes)),  # here by mon": not yet
        shared=base.shared,
    )
    if found.get("soft_stop") and reading.stop is None and reading.wait is None and not reading.has_point:
        reading = replace(reading, stop=str(found["soft_stop"]))  # "no point pitching the partnership", nothing else
    if reading.ask and re.search(r"\bquote\b", reading.ask, _I) \
            and re.search(r"\bneeds?\s+(?:a\s+|the\s+|our\s+)?(?:price|pricing|quote|costs?)\b", notes, _I):
        reading = replace(reading, ask=None)  # "needs price per container … need FORMAL quote": the member quotes
    if reading.invited and reading.accept and not re.match(r"(?:the|your|a|an|our)\b", reading.accept, _I) \
            and _UNDECIDED.search(notes):  # "asked if i want to join his sat long runs 8am. not sure yet"
        weighed = re.sub(r"^join\s+", "", reading.accept)
        reading = replace(reading, accept=None, thinking=True, checking=reading.checking or "your invitation to "
                          + re.sub(r"\s+at\s+\d{1,2}(?::\d\d)?\s?(?:am|pm)$", "", weighed, flags=_I))
    if reading.invited and reading.accept and re.match(r"(?:the|your|a|an|our)\b", reading.accept, _I):
        joined = re.sub(r"\s+((?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+(\d{1,2}(?::\d\d)?\s?(?:am|pm))$",
                        r" on \1 at \2", reading.accept, flags=_I)  # "the men's breakfast sat 8am"
        reading = replace(reading, accept=f"join {joined}")  # an invitation to a thing: joined ("delighted to the …")
        if _UNDECIDED.search(notes):  # "invited me to the men's breakfast / not sure yet": weighed, not accepted
            reading = replace(reading, accept=None, thinking=True,
                              checking=reading.checking or "your invitation to " + re.sub(  # the day, not the hour
                                  r"\s+at\s+\d{1,2}(?::\d\d)?\s?(?:am|pm)$", "", joined, flags=_I))
    if reading.topic and re.match(r"(?:thank|thanks|thx|ty)\s", reading.topic, _I):
        reading = replace(reading, topic=None)  # "thank ollie!!": a to-do about someone else, never a topic
    if reading.ask == _HIRING_ASK and reading.activity and "hiring" in reading.activity:
        reading = replace(reading, activity=None)  # "hiring?": the member's question, not their news
    if reading.tell and reading.stop and expand(reading.stop).lower() in reading.tell.lower():
        reading = replace(reading, stop=None)  # "let her know we went w the other venue": said, so the message goes
    if (deal := read_deal(notes)) is not None:  # the sale is the message: "wants 250 … an answer" is no need
        reading = replace(reading, deal=deal, need=None, pay_how=None, my_offer_to=None,
                          ask=None if reading.ask and "want for" in reading.ask else reading.ask,
                          expect=None if reading.expect and re.search(r"\d", reading.expect) else reading.expect)
    if reading.deliver and all(_PUBLIC_REVIEW.search(d) for d in reading.deliver):
        # "promised him google review + checkatrade": a review is left on a site, never attached
        sites = [_SITE_NAMES.get(s.lower(), s.title()) for s in
                 dict.fromkeys(m[0] for d in reading.deliver for m in _REVIEW_SITE.finditer(d))]
        where = f" on {' and '.join(sites)}" if sites else ""
        reading = replace(reading, deliver=(), deliver_do=(f"leave you a review{where}", *reading.deliver_do))
    if (wrote := _WROTE_FIRST.search(notes)) is not None:
        reading = replace(reading, wrote_first=wrote[0].strip())
    if reading.deliver and _HELD_UNTIL.search(notes):  # "asked samples of 3 grades. shipping blocked til export
        reading = replace(reading, deliver=(), later_asked=reading.only_asked or reading.later_asked, later=(
            *(f"{d} {_later_words('on hold', d)}" for d in reading.deliver), *reading.later))  # once it clears
    if reading.deliver and _SLIPPED.search(notes):  # "promised H2 forecast by wed / wed slipped": late and not
        held = re.sub(r"\s+(?:by\s+)?(?:mon|tues?|wed|weds|thurs?|fri|sat|sun)\w*$", "",  # "the forecast Wednesday,
                      reading.deliver[-1].split(",")[0], flags=re.IGNORECASE)  # Wednesday slipped": the forecast
        reading = replace(reading, deliver=reading.deliver[:-1], late=True,
                          later=(f"{held} {_later_words('when done', held)}", *reading.later))
    if any(d.endswith(" then") or d == "then" for d in reading.deliver):  # "apps open feb, said i'd forward the
        then = [d for d in reading.deliver if d.endswith(" then") or d == "then"]  # link then": sent when it's out
        when_then = "once it's out" if _GOES_LIVE.search(notes) else "nearer the time"  # "meeting again on the 12th"
        reading = replace(reading, deliver=tuple(d for d in reading.deliver if d not in then),
                          later=(*reading.later, *(f"{d.removesuffix(' then')} {when_then}" for d in then
                                                   if d.removesuffix(" then") not in ("the", "then", "it", ""))))
    if _THANKS_ONLY.search(notes):  # "just thanks for now": no ask, no step, no offer of help this time
        reading = replace(reading, interest=None, next_step=None, ask=None, explore=None, suggest=None, need=None,
                          thanks_only=True)  # (a favour to thank is read by `gist.thank_favour` after this)
    return reading


# A review left for them on a public site: "google review + checkatrade", "a 5 star review on trustpilot"
_REVIEW_SITE = rx.compile(r"\b(?:google|yelp|trustpilot|checkatrade|tripadvisor|facebook|rated people|bark|houzz|"
                          r"airbnb|etsy|ebay|mybuilder|trustatrader|nextdoor|yell)\b", re.IGNORECASE)
_SITE_NAMES = {"checkatrade": "Checkatrade", "mybuilder": "MyBuilder", "trustatrader": "TrustATrader",
               "tripadvisor": "Tripadvisor", "ebay": "eBay"}
_PUBLIC_REVIEW = rx.compile(rf"(?:{_REVIEW_SITE.pattern}).*\breviews?\b|\breviews?\b.*(?:{_REVIEW_SITE.pattern})|"
                            r"\b(?:5|five)[- ]star\b", re.IGNORECASE)
# the member hasn't decided: "not sure yet", "undecided", "tbc if i'm going"
_UNDECIDED = rx.compile(r"(?:^|[\n.;/]\s*|\s[-–—]\s)(?:(?:i'?m|still)\s+)?"
                        r"(?:not sure(?: yet)?|undecided|haven'?t decided)(?=\s*(?:[-–—,.;!\n]|$))", re.IGNORECASE)
# what the member would send is held up until something clears: "shipping blocked til export permit clears"
_HELD_UNTIL = rx.compile(r"\b(?:shipping|sending|delivery|it'?s|it is|they'?re|they are)\s+"
                         r"(?:blocked|held up|on hold|stuck)\s+(?:til|till|until|pending)\b|"
                         r"\bcan'?t (?:ship|send|post)(?: (?:it|them))? (?:til|till|until)\b", re.IGNORECASE)
# what a "send it then" waits for: "apps open feb", "the report when it's published"
_GOES_LIVE = rx.compile(r"\b(?:open|opens|opening|published|publish|out|live|released?|launch(?:es)?|goes up)\b",
                        re.IGNORECASE)
# the day the member promised has slipped: "promised H2 forecast by wed / wed slipped 😬 finance still finalising" (a
# day named twice: "their launch date slipped" is theirs)
_SLIPPED = rx.compile(rf"\b(?P<day>{_DAY_WORD})\b.{{0,160}}?(?:\n|[.;/]\s*|,\s*|\s[-–—]\s)(?P=day)"
                      r"\s+(?:has\s+)?slipped\b", re.IGNORECASE | re.DOTALL)
# The member wrote to them some days back: "sent thx + one-pager 7d ago", "emailed him 10d ago". "sent thanks already"
# says no when: the message with the point may still be to come.
_WROTE_FIRST = rx.compile(
    r"(?<!\bshe )(?<!\bhe )(?<!\bthey )\b(?:sent|emailed|messaged|msgd|msg'?d|texted|dm'?d|wrote to)\s+(?!me\b|us\b)"
    r"(?:[^.\n/;]{0,40}?\s+)?(?:\d+\s*(?:d|days?|wks?|weeks?)\s+ago|a week ago|last week)\b|"
    r"(?:^|[\n.;/]\s*)(?:the\s+)?intro(?:duction)?\s+to\s+(?:(?!\bnot\b)[\w' -]){2,30}?\s+(?:done|made|sent)\b"
    r"(?!\s+(?:this|next|by|before|b4|asap|tmrw|tomorrow|today)\b)",  # "intro to Lars done ✔"
    re.IGNORECASE | re.MULTILINE)
_THANKS_ONLY = rx.compile(r"(?:^|[.;!?\n]\s*|\s-\s)(?:just|only)\s+(?:say\s+)?(?:a\s+)?(?:thanks|thank you|thx|ty)"
                          r"(?:\s+(?:note|msg|message))?(?:\s*[-–,]?\s*for now)?\s*(?:[.!]|$)|"
                          r"(?:^|[.;!?\n,]\s*)(?:just\s+)?(?:a\s+)?(?:quick|short|brief)\s+(?:thanks|thank you|thx|ty)"
                          r"(?:\s+(?:note|msg|message))?(?:\s+only)?\s*(?:[.!]|$)",  # "…, quick thx only"
                          re.IGNORECASE | re.MULTILINE)


# What they'll find out and tell the member: "she'll find out if ballot date confirmed + let me know",
# "he said he'd check whether the hall takes bookings and get back to me".
_THEY_FIND_OUT = rx.compile(
    r"^(?:(?:she|he|they)\s*(?:'ll|'d|\s+will|\s+would|\s+said\s+(?:she|he|they)\s*(?:'d|'ll|\s+would|\s+will))\s+|"
    r"(?:she|he|they)\s+(?:is|are|'s|'re)\s+going\s+to\s+|said\s+(?:she|he|they)\s*(?:'d|'ll|\s+would|\s+will)\s+)"
    r"(?:find out|check|look into|confirm|see)\s+(?P<x>(?:if|whether|when|what|about|abt|re|on)\s+.+?)"
    r"(?:\s*(?:,|\band\b|\+|&)\s*(?:let (?:me|us) know|get back(?: to (?:me|us))?|come back to (?:me|us)|report back|"
    r"tell (?:me|us)|t(?:e)?xt (?:me|us)))?$", _I)


def _news_of(what: str, names: frozenset[str]) -> str | None:
    """The thing they'll find out about, as a noun phrase: 'if ballot date confirmed' → 'the ballot date',
    'whether the hall takes bookings' → 'the hall'."""
    subject = re.sub(r"^(?:if|whether|when|what|about|abt|re|on)\s+", "", what, flags=_I)
    noun = re.split(r"\s+(?:is|are|was|were|has|have|had|can|could|will|would|gets?|got|confirmed|agreed|approved|"
                    r"ok|okay|works?|fits?|takes?|goes|went|does|do|needs?|wants?|allows?|still|yet|"
                    r"(?:open|close|start|end|happen|come|arrive|land)s?)\b", subject,
                    maxsplit=1, flags=_I)[0]
    status = re.search(r"\s(?:is|are|was|gets?|got)?\s*(?:confirmed|approved|agreed|going ahead|happening|on|set|"
                       r"open|opens|closes|starts|available|free)\b", " " + subject, _I)
    if re.match(r"(?:they|she|he|we|i|you|it|there)\b", noun, _I) or status is None:
        return None  # "if they can host": who, not what; "if his landlord allows dogs": no news of the landlord
    return thing(noun, names) if len(noun.split()) <= 5 else None


# "apologise properly", "+ apologise", "need to say sorry for the mix-up": the member owes them an apology.
_APOLOGISE = rx.compile(r"^(?:\+\s*)?(?:(?:i\s+)?(?:need to|must|should|have to|gotta|will|'ll)\s+)?"
                        r"(?:apologi[sz]e|say sorry)"
                        r"(?:\s+(?:to (?:him|her|them)|properly|again|in person|asap))*"
                        r"(?:\s+(?:for|abt|about|re)\s+(?P<x>[^+]+?))?(?:\s+(?:and|\+)\s+.*)?$", _I)
# What the member did, in the past: "i snapped at him in the retro", "i was v rude abt NHS waitlists".
_MY_DEED = rx.compile(r"^i\s+(?!(?:need|used|feed|offered|promised|agreed|owed)\b)"
                      r"(?P<x>(?:was|were|got|kept|forgot|missed|left|took|made|said|ran|spilt|spilled|broke|lost|"
                      r"snapped|\w+ed)\b.+)$", _I)


def _apology(clauses: Sequence[str], names: frozenset[str]) -> str | None:
    """What the member is sorry for, in their voice ("I was so rude about NHS waiting lists"), "" when the notes
    only say to apologise, None when they don't."""
    for i, clause in enumerate(clauses):
        if (m := _APOLOGISE.match(clause)) is None:
            continue
        if m["x"]:
            said = _sorry_words(m["x"], names)
            return f"for {said}" if said and not _MY_DEED.match(m["x"]) else (f"I {said[2:]}" if said else "")
        for near in (clauses[i - 1] if i else "", clauses[i + 1] if i + 1 < len(clauses) else ""):
            # the clause before, else the one after ("+ apologise, i was v rude abt …"); never a promise or a
            # need ("apologise. i need to send her the brochure": `_MY_DEED` leaves those out)
            if (deed := _MY_DEED.match(near)) is not None:
                said = _sorry_words(deed["x"], names)
                return f"I {said}" if said else ""
        return ""
    return None


def _sorry_words(text: str, names: frozenset[str]) -> str | None:
    """A deed or a thing from the notes, said to them: 'snapped at him' → 'snapped at you', 'v rude' → 'so rude'."""
    text = expand(re.sub(r"\bv\b", "so", text.strip(" ,.;:!"), flags=_I))
    words = text.split()
    if not words or len(words) > 14 or _THIRD.search(text) or _BAD.search(text) \
            or {w.lower().strip(".,!?") for w in words} & names:
        return None
    if re.match(r"(?:was|were)\b", text, _I):  # "was v rude abt NHS waitlists": how the member was is their
        judged = re.search(r"\s(?:about|abt|re|over)\s+(?P<x>.+)$", text, _I)  # own judgement, kept private
        if judged is None:
            return None
        text = f"said what I did about {judged['x']}"
        words = text.split()
    swap = {"him": "you", "them": "you", "his": "your", "their": "your", "i": "I", "my": "my"}
    out = []
    for j, word in enumerate(words):
        bare = word.lower()
        if bare == "her":
            nxt = words[j + 1].lower() if j + 1 < len(words) else ""
            out.append("you" if not nxt or nxt in {"to", "with", "a", "an", "the", "about", "on", "for", "in", "at",
                                                   "over", "after", "before", "during", "when", "and", "by", "from"}
                       else "your")
        else:
            out.append(swap.get(bare, word))
    return " ".join(out)


_TOPIC_WORDS = rx.compile(r"\b(?:talked|chatted|spoke|discussed|compared notes|swapped notes|traded notes|bonded|"
                          r"geeked out|nerded out|debated|brainstormed|topics?|mostly|moaned|complained|ranted|vented|"
                          r"grumbled)\b|^re\b|"
                          r"\b(?:chat|talk|convo|conversation|call) (?:about|abt|re|on)\b", _I)


_KNOWN = rx.compile(r"\b(?:former|ex-?\s?(?:colleague|manager|boss|coworker|co-worker|teammate)|"
                    r"old (?:friend|colleague|boss|manager|classmate|teammate)(?!['’]s)|used to work|worked together|"
                    r"we go way back|uni friend|school friend)\b", _I)
_PERIODIC = rx.compile(r"\bcheck in (?:~|about |every |once a |like )?(?:monthly|quarterly|month|quarter|"
                       r"every (?:few )?(?:months?|weeks?))|"
                       r"\b(?:~|every )?(?:monthly|quarterly) (?:check-?ins?|catch-?ups?)\b|"
                       r"\bkeep in touch (?:loosely|now and then|occasionally)\b", _I)
_NOT_NEEDS = _words("freelance work job jobs role roles gig gigs opportunities opportunity contract contracts funding "
                    "investment cofounder co-founder money help advice mentor mentorship")
_THEIRS_TO_DECIDE = _words("approval approvals sign-off signoff permission buy-in decision consensus clearance ok "
                           "okay go-ahead")
# a term they set, not a thing to help them find: "wants 6 wk deposit", "3yr lease min", "needs 10 days notice",
# "wants answer by fri", "wants 2yrs rent upfront"
_TERMS = _words("deposit deposits lease leases notice minimum upfront rent answer answers discount refund refunds "
                "invoice invoices payment payments price prices rate rates quote quotes reply confirmation term terms")


def _head(phrase: str) -> str:
    """The head noun of a thing: 'the recs for design meetups' → 'recs'."""
    words = re.split(r"\s+(?:for|on|of|about|with|to|from|in|re|including|incl|plus|who|that|which|whose|i|we|you|"
                     r"she|he|they)\s+", phrase.lower())[0].split()
    return words[-1].strip(".,") if words else ""


def _sendable(what: str) -> bool:
    """Whether a thing someone wants can be attached or linked to a message: each part's head is a document,
    a link, notes or feedback ('the security whitepaper and the DPIA')."""
    parts = re.split(r"\s+and\s+(?=(?:the|a|an|my|our|your|some)\b)", what)  # separate things each have an article
    return all(_head(p) in _SENDABLE or re.search(r"\b[A-Z]{2,}s?$", p.split(" for ")[0]) for p in parts)


# people they are short of, whom the member can be one of: "beta testers", "drivers", "Saturday lifts", "a bassist"
_ROLE_NEED = rx.compile(r"(?:\w+(?:ers?|ists?|ors?)|lifts?|hands|volunteers?|subs?|cover|buddy|buddies|partners?|"
                        r"crew|company|players?|marshals?|stewards?|judges?|refs?|coaches|hosts?|guides?|cooks?|chefs?|"
                        r"staff|extras|parents|people|folk|cars|altos|sopranos|basses|voices|musicians)", _I)
# what the member does for them, in a verb a letter can say back: "drive 3", "do 2 sats/month from march"
_DOING = (r"(?:do|drive|take|bring|cover|come|join|help(?:\s+out)?|play|run|host|bake|cook|make|teach|coach|lead|"
          r"volunteer|sing|lend|fix|mark|judge|ref|marshal|steward|pick up|collect|print|test|babysit|walk|review|"
          r"read|proofread|mentor|translate|design|photograph|film|donate|sponsor)")
_MY_DOING = rx.compile(r"^(?:(?:i\s+)?(?:said|told (?:him|her|them)|offered)\s+(?:that\s+)?)?"
                       r"(?:i'?d\s+|i would\s+|i'?ll\s+|i will\s+|to\s+|i\s+(?P<can>can|could)\s+)"
                       rf"(?P<x>{_DOING}\b.*)$", _I)
_COUNTED = (r"(?:\d+|one|two|three|four|five|a couple of|a few)\s+(?:sat|sun|sats|suns|saturdays?|sundays?|weekends?|"
            r"shifts?|sessions?|evenings?|mornings?|nights?|days?|hours?|hrs)\b.*")
_MY_COUNT = rx.compile(rf"^(?:i\s+)?said\s+(?P<x>{_COUNTED})$", _I)


_COUNT_ME_IN = rx.compile(r"(?:i\s+)?(?:said|told (?:him|her|them))\s+(?:(?:yes,?\s+)?(?:i'?m in|count me in)|"
                          r"i can)\W*|(?:i'?m in|count me in)\W*", _I)


def _need_reply(clause: str, need: str) -> str | None:
    """The member's answer to what they need, said just after it, as the letter says it back: "i said yes + my
    kids" to "beta testers" → "count me in, and my kids too"; "i said i'd drive 3" → "I'll drive three"; "told her i
    can do 2 sats in april" → "I can do two Saturdays in April". None for anything else (a hedge, a no, a promise
    to send, which have their own readers)."""
    if _HEDGE.search(clause) or _NO_TO.match(clause):
        return None
    if _COUNT_ME_IN.fullmatch(clause) and _ROLE_NEED.fullmatch(_head(need)):
        return "count me in"  # "i said i'm in", "told her i can", "i said yes, count me in"
    if (yes := _YES.match(clause)) is not None and _ROLE_NEED.fullmatch(_head(need)):
        rest = expand(clause[yes.end():]).strip(" ,.!")
        if not rest:
            return "count me in"
        if (also := re.fullmatch(r"and my (?P<who>[a-z]+)(?: too)?", rest, _I)) is not None:
            return f"count me in, and my {also['who']} too"  # "i said yes + my kids": theirs to know
        if (can := _need_reply(f"i {rest}" if re.match(r"can\s", rest, _I) else rest, need)) is not None \
                and can.startswith("I "):
            return f"count me in: {can}"  # "i said yes, can take 3 kids"
        return None
    doing, count = _MY_DOING.match(clause), _MY_COUNT.match(clause)
    what = doing["x"] if doing is not None else f"do {count['x']}" if count is not None else None
    if what is not None and re.match(r"do\s", what, _I) and not re.match(
            rf"do\s+(?:it|that|one|both|{_COUNTED}|(?:\d+|two|three|four|five|a few)\s+(?!min|mins|minutes?\b|hrs?\b|"
            r"hours?\b)[a-z]+(?:\s+of\s+[a-z]+)?)\W*$", what, _I):
        return None  # "i'd do 20 min pandas→polars": the talk isn't named, so it isn't said back
    if what is None or re.search(r"\b(?:she|he|they|her|him|them|his|their|if|once|when|after|until|till|maybe|"
                                 r"might|prob|probably)\b|\?", what, _I):
        return None  # "said i'd drive if she pays petrol": a condition, not a plain yes
    words = re.sub(r"\b(sat|sun)s\b", lambda m: {"sat": "Saturdays", "sun": "Sundays"}[m[1].lower()],
                   expand(what), flags=_I)
    words = re.sub(r"\s*/\s*(?:month|mo)\b", " a month", re.sub(r"\s*/\s*(?:wk|week)\b", " a week", words))
    words = re.sub(r"(?<![£$€\d.,])\b([2-9])\b(?![.,:]\d)", lambda m: _NUMBERS[int(m[1])], words)
    words = re.sub(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b", lambda m: m[0].capitalize(), words, flags=_I)
    words = re.sub(r"\b(in|from|by|until|till|through|of|for) (january|february|march|april|may|june|july|august|"
                   r"september|october|november|december)\b", lambda m: f"{m[1]} {m[2].capitalize()}", words, flags=_I)
    if len(words.split()) > 9 or _BAD.search(words):
        return None
    return f"I can {words}" if doing is None or doing["can"] is not None else f"I'll {words}"


def _need(what: str) -> str | None:
    """Something they need that isn't a document ('the spare arduinos' → 'spare arduinos', 'the website' →
    'a website'); None for a job, a role or money, which aren't the member's to hand over."""
    if (day := re.fullmatch(r"(?P<x>[\w ]+?s) (?P<d>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)", what)) is not None:
        what = f"{day['x']} on {day['d']}"  # "needs stewards sat": stewards on Saturday, never "a stewards Saturday"
    head = _head(what)
    if not re.search(r"[^\W\d_]{2,}", what):
        return None  # "£££…": no word, no need
    term_first = re.match(r"(?:the\s+|a\s+|an\s+|your\s+|our\s+)?(?P<w>\w+)(?:\s+(?:per|for|of|on|by)\b|\s*$)",
                          what.lower())
    if head in _TERMS or (term_first is not None and term_first["w"] in _TERMS) \
            or set(what.lower().split()) & {"upfront", "minimum", "notice", "deposit"}:
        return None  # their terms ("6 wk deposit", "3yr lease minimum"): said to, never "help with"
    if set(re.split(r"\s+(?:for|on|of|about|with|to|from|in)\s+", what.lower())[0].split()) & _THEIRS_TO_DECIDE:
        return None  # "needs budget approval first": theirs to get, not the member's to help with
    if not head or head in _NOT_NEEDS or head in ("intro", "introduction", "intros"):
        return None if head in _NOT_NEEDS else what
    bare = re.sub(r"^the\s+", "", what)
    if " and " in bare:
        return None  # two needs in one breath: not one thing to offer help with
    if (count := re.match(r"(?:about|around|roughly|approximately|approx|~)?\s*(?:\d+|two|three|four|five|six|ten|"
                          r"twelve|a few|a couple of)\s+(?=\w)", bare, _I)) is not None:
        return "the " + bare[count.end():]  # "about 10 laptops for a coding club" → "the laptops for a coding club"
    if re.match(r"(?:some ?one|some ?body|any ?one|\w+ing)\b", bare, _I):
        return bare  # "someone to lead the data team", "bookkeeping": no article
    if bare != what:
        plural = head.endswith("s") and not head.endswith(("ss", "us", "is"))
        bare = re.sub(r"^other\s+", "another ", bare, flags=_I)  # "needs other parent": another
        mass = _head(bare) in _MASS_NOUNS or bare.split()[0].lower() in ("another", "more", "some", "any", "extra")
        return bare if plural or mass else ("an " if bare[:1].lower() in "aeiou" else "a ") + bare
    return what


# A room, a space or a thing to lend is no attachment: "wants our hall for choir thursdays" is looked into
_PREMISES_AND_GOODS = _words("hall halls room rooms venue space spaces stall stand slot slots desk desks studio "
                             "office garage shed field court kitchen yard premises land plot allotment barn church "
                             "van car truck trailer boat bike ladder drill tools freezer fridge butt marquee gazebo "
                             "tent tables chairs projector minibus")
_COME_BY = {"come": "come over", "drop": "drop in", "pop": "pop in", "swing": "swing over"}
_COME_BY_PLACE = {"come": "come to ", "drop": "drop in at ", "pop": "pop in at ", "swing": "call in at "}
_MASS_NOUNS = _words("access art artwork music beta advice help information info feedback guidance support money cash "
                     "funding "
                     "childcare "
                     "housing accommodation furniture equipment kit software hardware research work training "
                     "mentoring coaching paperwork storage parking transport experience")


_FIRST_CHECK = rx.compile(r"\b(?:check|ask|confirm|clear it with|run it by|talk to|speak to)\s+"
                          r"(?!(?:him|her|them|they)\b)(?P<who>[\w'’ ]{1,30}?)\s+"
                          r"(?:first|before (?:i|we) (?:reply|write|answer|respond))\b|"
                          r"\b(?:do|finish|send|open|fix|get|write|draft|make|ship|check)\s+(?:[\w'’]+\s+){1,4}then\s+(?:msg|message|write|email|"
                          r"reply|reach out|ping)\b", _I)


_ROLES = _words("nurse engineer teacher manager founder cofounder co-founder ceo cto cfo coo vp director designer "
                "developer dev student lawyer doctor gp dentist accountant consultant recruiter investor partner "
                "analyst researcher scientist professor lecturer artist photographer writer editor journalist "
                "reporter chef owner officer lead head architect plumber electrician builder mechanic pilot pastor "
                "priest coach trainer therapist pharmacist vet banker broker agent treasurer secretary chair chairman "
                "chairwoman governor organiser organizer volunteer moderator maintainer groomsman bridesmaid guide "
                "fisherman accountant translator cellist violinist")
_HOW_TO_REACH = _words("linkedin email e-mail card number phone address handle spelling name names whatsapp profile "
                       "insta instagram twitter")


def _first_check(notes: str, names: frozenset[str]) -> str | None:
    """A check the member means to make before writing ('CHECK MY TUESDAYS FIRST', 'ask kavya first!!'),
    never one that asks the contact themselves ('ask him for a summary first')."""
    for found in _FIRST_CHECK.finditer(notes):
        who = {w.lower() for w in (found["who"] or "").split()}
        if not who & names and not who & _HOW_TO_REACH:  # "check LinkedIn first": where to send, not what
            return found[0]
    return None


def _checking(value: object) -> str | None:
    """What the member is checking, in words a message can carry: "a quote from us" → "a quote"; "your
    accelerator, deadline 15th" → "your accelerator before the deadline on the 15th"; other shorthand dates go."""
    if not value:
        return None
    text = re.sub(r"\s+from (?:us|me)$", "", str(value))
    text = re.sub(r",?\s+deadline\s+(?:is\s+)?(?:on\s+)?(?:the\s+)?(\d{1,2}(?:st|nd|rd|th))\b.*$",
                  r" before the deadline on the \1", text, flags=_I)
    return re.sub(r",\s*deadline\b.*$", "", text, flags=_I)


_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _late(notes: str) -> bool:
    """Whether the notes say the member's promise is overdue: "i'd send it by wed. its thurs", "by fri - late!"."""
    due = re.search(r"\b(?:i'?d|i will|i'?ll|(?:i|we) promised|said i'?d)\b[^.;]*?\bby "
                    r"(mon|tue|wed|thu|fri|sat|sun)\w*",
                    notes, _I)
    if due is None:
        return False
    if re.search(r"\b(?:i'?m|running|already) late\b|\boverdue\b", notes, _I):
        return True
    now = re.search(r"\b(?:it'?s|its|now|today'?s|today is)\s+(mon|tue|wed|thu|fri|sat|sun)\w*", notes[due.end():], _I)
    return now is not None and _DAYS.index(now[1].lower()) != _DAYS.index(due[1].lower())


def setting_hint(notes: str) -> str:
    """'work' when the notes speak of a workplace team rather than a one-off team-up."""
    return "work" if re.search(r"\bmy team ?mates?\b|\bteam ?mates? at work\b", notes, _I) else ""


def _theirs(phrase: str) -> str:
    """Something they will send, as the member names it: "she'll send CV + letter" reads "my CV" (as the member's
    own CV would), but it is theirs: "your CV and the letter"."""
    if re.search(r"\s(?:to|for|with)\s", phrase):
        return phrase  # "my CV to her boss": passed on, still the member's
    return re.sub(r"(?:^|(?<= and ))my\b", "your", phrase)


def _str(value: object) -> str | None:
    return str(value) if value else None


def _unname(clause: str, names: frozenset[str]) -> str:
    head, _, rest = clause.partition(" ")
    if rest and head.lower() in names:
        return f"she {rest}"
    return clause


def _pronoun_way(text: str) -> str:
    return re.sub(r"\b(?:your|his|her|their) way\b", "your way", text)


_NO_CONTENT = _words("him her them you it this that these those ask and or the a an my our your his their me us we")


# a statement about a thing, not a thing to ask about: "shutter sounded fine, light meter dodgy? ask"
_STATEMENT = rx.compile(r"\b(?:sounded|sounds|looked|looks|seemed|seems|felt|feels|was|were|is|are|worked|works)\b",
                        _I)


def _question(text: str, names: frozenset[str]) -> str | None:
    """A to-do to ask something as a question to them: 'how do they test' → 'How do you test?';
    'data sharing agrmt' → 'about a data-sharing agreement'."""
    text = expand(text.strip(" ?!.:"))
    low = text.lower()
    parts = [p.strip() for p in re.split(r"\s*,\s*|\s+and\s+", text) if p.strip()]
    if "," in text and 2 <= len(parts) <= 3 and all(len(p.split()) <= 4 for p in parts) \
            and not re.search(r"\d|\b(?:quotes?|prices?|pricing|estimates?|rates?|fees?|costs?)\b", low) \
            and not re.match(r"(?:if|whether|how|what|why|when|where|who|which)\b", low):
        # "ask: time beyond mtgs, D&O insurance" → "about the time beyond meetings and D&O insurance"
        named = [p if re.match(r"(?:the|a|an|my|our|your)\b|[A-Z]", p) else f"the {p}" for p in parts]
        content = [set(re.findall(r"[a-z&]{2,}", p.lower())) - _NO_CONTENT for p in parts]
        third = re.search(r"\b(?:he|she|him|her|they|them|his|their|i|me|my)\b", text, _I)
        if all(content) and not third and not _STATEMENT.search(text) and all(you_form(p, names, 5) for p in named):
            return "about " + ", ".join(named[:-1]) + " and " + named[-1]
    # "ask if he'd do an interview" → "Would you be up for an interview?"
    if (would := re.match(r"^(?:(?:if|whether)\s+)?(?:he|she|they)(?:'d|\s+would)\s+(?:(?P<do>do|give)\s+)?"
                          r"(?P<x>.+)$", text, _I)) is not None:
        x = you_form(would["x"], names, 7)
        if x is None or re.search(r"\b(?:pricing|price|budget|salary|pay|costs?)\b", x, _I):
            return None
        return f"Would you be up for {x}?" if would["do"] else f"Would you {x}?"
    if re.search(r"\b(?:pricing|price|budget|salary|they pay|costs?)\b", low):
        return None  # money questions are the member's to raise in their own words
    if len(low.split()) < 3 and re.match(r"^(?:which|what|who|how|why)\b", low):
        return None  # "ask which one": the question needs its note to make sense
    if re.match(r"^(?:how|what|why|when|where|who|which|do|does|did|is|are|can|could|would|will)\b", low):
        turned = re.sub(r"\b(?:do|does|did) (?:they|he|she)\b", lambda m: m[0].split()[0] + " you", text, flags=_I)
        turned = re.sub(r"\b(?:they|he|she)\b", "you", turned, flags=_I)
        turned = re.sub(r"^(how|what|why|where|when)\s+you\s+(?!is\b|are\b|was\b|were\b|can\b|could\b|"
                        r"will\b|would\b|do\b|does\b|did\b|has\b|have\b|had\b|should\b|might\b)", r"\1 do you ", turned,
                        flags=_I)  # "how he gets paid" → "how do you get paid"
        turned = re.sub(r"\byou (has|is|does|gets|wants|needs|works|handles|thinks|knows|likes|runs|makes)\b",
                        lambda v: "you " + {"has": "have", "is": "are", "does": "do"}.get(v[1].lower(), v[1][:-1]),
                        turned, flags=_I)
        found = you_form(turned, names)
        return (found[0].upper() + found[1:] + "?") if found else None
    found = you_form(text, names, 5)
    if not found or found.lower() in ("more", "name", "it", "that", "this", "them", "him", "her", "again", "first"):
        return None  # "ask more", "(name?? ask him)": a reminder to self, not a question for them
    if _STATEMENT.search(found) or re.search(r"\b(?:permission|consent|blessing|approval|go-ahead|sign-off)\b", found,
                                             _I) or re.search(r"\bfirst\W*$", text, _I) \
            or re.fullmatch(r"(?:the|that|this)?\s*(?:thing|stuff|things)", found, _I):  # "ask her re: the thing!!"
        return None  # "ASK HER PERMISSION FIRST before sharing contact": someone else's, not a question for them
    found = re.sub(r"\bdata sharing\b", "data-sharing", found, flags=_I)
    if _RATE_WORDS.search(found) and not found.lower().startswith(("your", "our", "my")):
        return f"Could you let me know your {found}?"
    if re.search(r"\b(?:policy|process|roadmap|stack|setup|plans?|approach|strategy|tooling|team|hiring)$", found, _I):
        return f"about your {found}" if not found.lower().startswith(("your", "our", "my")) else f"about {found}"
    if found.lower().startswith(("a ", "the ")):
        return f"about {found}"
    if len(found.split()) == 1 and not found.lower().endswith("s"):
        return f"about the {found}"  # "ask abt wifi": the wifi, never "a wifi"
    if re.match(r"(?:for|to|with|if|and|or|but|at|on|in|by|from)\b|\w+ed\b", found, _I) \
            or any(w[:1].isupper() and not w.isupper() for w in found.split()[1:]):
        return None  # "ask for coffee", "forgot the name - ask", "ask Mrs Doyle Monday": no question to put to them
    return f"about {_a_or_none(found)}"


def _a_or_none(phrase: str) -> str:
    """A thing to ask about, with the article it takes: 'tasting course' → 'a tasting course', 'eval framework'
    → 'an eval framework'; plural, '-ing' and mass-noun heads take none ('hours', 'bowl turning', 'insurance')."""
    if re.match(r"(?:a|an|the|my|our|your|his|her|their|some)\s", phrase, _I):
        return phrase
    head = re.split(r"\s+(?:for|on|of|about|with|to|from|in)\s+", phrase.lower())[0].split()[-1]
    if head.endswith("ing") or head in _MASS_NOUNS or head in _PLURAL_OK \
            or (head.endswith("s") and not head.endswith(("ss", "us", "is"))):
        return phrase
    first = phrase.split()[0]
    if first.isupper() and len(first) > 1:  # "a UX role", "an MBA intake": the letters' sounds
        return ("an " if first[0] in "AEFHILMNORSX" else "a ") + phrase
    vowel = re.match(r"[aeiou]|hour|honou?r|heir", phrase, _I) and not re.match(r"eu|ewe|one\b|once\b|uni|use|usu|"
                                                                                r"ut[ei]|uk|ur[aeio]", phrase, _I)
    return ("an " if vowel else "a ") + phrase


def same_thing(phrase: str, others: Sequence[str]) -> bool:
    """Whether a phrase names what one of the others names (a content word in common, plurals folded)."""
    def content(text: str) -> set[str]:
        return {w.rstrip("s") for w in re.findall(r"[a-z]{4,}", text.lower())} - {"your", "with", "about", "from",
                                                                                    "share"}
    mine = content(phrase)
    return any(mine & content(o) for o in others)


def _later_words(when: str, what: str = "") -> str:
    """'when done' → 'when it's ready'; 'by end of month' → 'by the end of the month'; 'once legal signs off' →
    'once it's cleared' ('once they're cleared' for 'the cap table and the MRR')."""
    head = re.split(r"\s+(?:of|for|on|about|from|to|in)\s+", what)[0].split()[-1:] or [""]
    they = " and " in what or (head[0].endswith("s") and not head[0].endswith(("ss", "us", "is", "ysis")))
    if (prep := re.search(r"\b(?:anonymi[sz]e|redact|fix|debug|clean|tidy)", when, _I)) is not None:
        done = {"anonymi": "anonymised", "redact": "redacted", "fix": "fixed", "debug": "fixed", "clean": "tidied up",
                "tidy": "tidied up"}[next(k for k in ("anonymi", "redact", "fix", "debug", "clean", "tidy")
                                          if prep[0].lower().startswith(k))]
        return f"once they're {done}" if they else f"once it's {done}"
    if re.search(r"\bsigns? off\b|\bsigned off\b|\bapprove|\bclears?\b|\bpass(?:es)?\b|\bok(?:'?d|ayed|ay)?\b|"
                 r"\bon hold\b|\bb4 shar|\bbefore shar", when, _I):
        return "once they're cleared" if they else "once it's cleared"
    if re.search(r"\bend\b|\beom\b", when, _I):
        return "by the end of the month"
    if (mine := re.match(r"\s*(?:when|once|after)\s+(?P<who>we|i)(?P<rest>'?(?:ve|m|re)\s+\w+.*|\s+\w+.*)$", when,
                         _I)):
        who = "I" if mine["who"].lower() == "i" else "we"  # "after we hit 10k MAU": the member's own milestone
        rest = re.sub(r"^'?m\b", "'m", mine["rest"].rstrip(" ."))  # "once im back" → "once I'm back"
        return f"once {who}{rest}"
    if (online := re.search(r"\b(?:up|online|uploaded|posted|live|published|out)$", when.strip(), _I)) is not None:
        where = "out" if online[0].lower() in ("published", "out") else "up"  # "the recording once it's up"
        return f"once they're {where}" if they else f"once it's {where}"
    return "when they're ready" if they else "when it's ready"


def _ready_one(what: str, when: str, typed: str) -> tuple[str | None, str]:
    """Of 'our repo link + the recording' sent 'when it's up', the recording waits; the link goes now. Two things
    typed each with its own 'the'/'our' only ('the bathroom and kitchen' is one); a hold on 'them', or someone's
    sign-off, holds every thing."""
    first, sep, last = what.rpartition(" and ")
    two = re.search(r"^(?:the|our|my|a|an)\s.+\s(?:and|\+|&)\s+(?:the|our|my|a|an)\s", typed.strip(), _I)
    if sep and two and re.match(r"\s*(?:when|once)\s+(?:it'?s|it is)\s", when, _I):
        return re.sub(r"\s+now$", "", first), last
    return None, what


def _held_phrase(later: str) -> str:
    """The thing of 'the quote when it's ready', without when."""
    return re.sub(r"\s+(?:when|once|by)\s.*$", "", later)


# Terse forms said the long way, so one reader handles each: "swapped X, sending mine tonight" is a swap agreed;
# "sending me the cake pic" and "samples coming next wk" are their promise; "slides link pls" asks for it;
# "wants our JP build" is the member's thing they asked for.
_SWAPPED = rx.compile(r"^(?:we\s+)?(?:swapped|swapping|agreed to swap)\s+(?P<x>[\w -]{2,40}?)\s*[,;]\s*"
                      r"(?:i'?m\s+|i'?ll\s+|will\s+)?(?:sending|send)\s+mine\b.*$", _I)
_SENDING_ME = rx.compile(r"^(?:(?:she|he|they)(?:'s|'re|\s+is|\s+are)\s+)?sending (?:me|us)\s+(?P<x>.+)$", _I)
_COMING = rx.compile(r"^(?P<x>(?:the\s+|her\s+|his\s+|their\s+)?(?:samples?|quotes?|invoice|contract|proposal|"
                     r"brochure|catalogue|price list|photos?|pics?|details))\s+(?:coming|arriving|on (?:its|their) way)"
                     r"\b.*$", _I)
_PLEASE = rx.compile(r"^(?P<x>(?:the\s+|your\s+|her\s+|his\s+)?[\w -]{2,40}?)\s+(?:pls|plz|please)\W*$", _I)
_WANTS_OURS = rx.compile(r"^(?:(?:she|he|they)\s+)?wants?\s+(?P<x>our\s+[\w -]{2,40}?)"
                         r"(?P<when>\s+(?:by|b4|before)\s+.+)?$", _I)


_DONE = rx.compile(r"(?:the\s+|my\s+)?intro(?:duction)?\s+to\s+(?P<who>(?:(?!\bnot\b)[\w' -]){2,30}?)\s+"
                   r"(?:done|made|sent|sorted)"
                   r"(?:\s+(?:already|yesterday|today|last night))?\W*", _I)


# a bare "tell her", after what to tell: "noticed a scratch on the hood after 😬 TELL her"
_BARE_TELL = rx.compile(r"(?:^|\s)(?:(?:must|pls|please|need to|gotta)\s+)?tell (?P<whom>him|her|them)\W*$", _I)
_HIRING_ASK = "Is your team hiring at the moment?"
# the member's own question for a payment or profile link: "ko-fi link?", "paypal link?"
_PAY_LINK = rx.compile(r"(?:(?:want to|wanna|gonna|i'?ll)\s+tip\s+(?:him|her|them)\s*)?"
                       r"(?:(?:your|her|his|their|the)\s+)?(?P<x>ko-?fi|paypal|venmo|patreon|buymeacoffee|revolut|monzo|cashapp|calendly|linktree)"
                       r"\s+link\W*", _I)
_SITES = {"ko-fi": "Ko-fi", "kofi": "Ko-fi", "paypal": "PayPal", "venmo": "Venmo", "patreon": "Patreon",
          "buymeacoffee": "Buy Me a Coffee", "revolut": "Revolut", "monzo": "Monzo", "cashapp": "Cash App",
          "calendly": "Calendly", "linktree": "Linktree"}
# the member's own question for a link, after what it's for: "sun beginners grp - link?"
_LINK_FOR = rx.compile(r"(?:^|[^\w\s'’-])\s*(?P<x>[\w'’ ]{3,40}?)\s*[-–:]\s*(?:the\s+)?(?:link|url)\s*\?", _I)
_PROMISED_COLON = rx.compile(r"^(?:i\s+)?promised\s*:\s*", _I)
_TOLD_I_WOULD = rx.compile(r"^told (?:him|her|them) (?:i'?d|i would|i'?ll|i will)\s+", _I)
_SENT_MY_QUESTION = rx.compile(r"(?:(?:i\s+)?(?:sent|dm'?d|posted|messaged)|i asked) (?:him |her |them )?my "
                               r"(?:q|qn|question|qs|questions)\s+(?:abt|about|re|on)\s+(?P<x>.{3,60}?)\W*", _I)
_WANT_TO_JOIN = rx.compile(r"(?:(?:she|he|they)\s+)?asked (?:if|whether) i(?:'?d)? (?:want|wanted|like|fancy|fancied) "
                           r"to join (?P<x>.{3,60}?)\W*", _I)
# their word that they'll send what was just asked of them: "he said will send tonight", "'will send tonight'" (the
# bare form only in quotes: unquoted, it may be the member's own to-do)
_THEY_WILL_SEND = rx.compile(r"(?:(?:she|he|they)\s+said\s+(?:(?:she|he|they)(?:'ll|\s+will|'d|\s+would)\s+|will\s+|"
                             r"would\s+)?|(?P<bare>will\s+|'ll\s+))send(?:\s+(?:it|them))?(?:\s+(?:tonight|today|"
                             r"tomorrow|tmrw|later|soon|asap|this \w+|by \w+|on \w+|\w+day))?\W*", _I)


# the notes' word to tell them something: "tell him i'm out so he's not waiting on me", "let her know we went w/ the
# other venue"
_TELL = rx.compile(r"(?:(?:must|need to|should|pls|please|gotta|have to)\s+)?(?:tell|let) (?P<whom>him|her|them)"
                   r"(?: know)?"
                   r"(?: that)?\s+(?P<x>(?:i|i'm|im|i've|we|we're|we've|the|our|my|it|it's)\b.{3,90})", _I)
_TO_THEM = {"he's": "you're", "she's": "you're", "they're": "you're", "he": "you", "she": "you", "they": "you",
            "him": "you", "her": "your", "them": "you", "his": "your", "their": "your", "hes": "you're",
            "shes": "you're", "he'll": "you'll", "she'll": "you'll", "they'll": "you'll", "himself": "yourself",
            "herself": "yourself", "im": "I'm", "hers": "yours", "theirs": "yours", "themselves": "yourselves"}


_ADDRESSED = {"him": r"he's|hes|he'll|he|him|his|himself", "her": r"she's|shes|she'll|she|her|hers|herself",
              "them": r"they're|they'll|they|them|their|theirs|themselves"}


def _told(news: str, names: frozenset[str], whom: str) -> str | None:
    """What to tell them (``whom``: "him", "her" or "them"), said to them: "i'm out so he's not waiting on me" →
    "I'm out, so you're not waiting on me"; only their own pronouns turn ("tell him i gave her the keys" keeps
    "her"). None for anything a message can't carry (a name of theirs, a judgement, too many words)."""
    said = news.strip(" .!")
    if whom.lower() == "her":  # "call her back": you; "her keys": your
        said = re.sub(r"\bher\b(?=\s+(?:the|a|an|back|up|down|in|out|on|off|know|to|for|that|this|at|some|when|if)\b"
                      r"|\W*$|\s*[,.;!?])", "you", said, flags=_I)
    said = re.sub(rf"\b(?:{_ADDRESSED[whom.lower()]}|im)\b", lambda m: _TO_THEM[m[0].lower()], said, flags=_I)
    said = re.sub(r"\s+(so|because|coz|as)\s+", r", \1 ", said, count=1)
    said = re.sub(r",?\s+(?:pls|plz|please|asap)$", "", said, flags=_I)  # "… split across 2 POs pls"
    said = re.sub(r"\bi\b", "I", said)
    said = re.sub(r"\b(?:january|february|march|april|june|july|august|september|october|november|december)\b",
                  lambda m: m[0].capitalize(), said, flags=_I)  # "i'm in for march"
    if len(said.split()) > 18 or names & {w.lower() for w in re.findall(r"[\w'-]+", said)} or _BAD.search(said) \
            or re.search(r"\b(?:lol|haha|tbh|ugh|idiot|annoying|rude|weird|creepy|boring)\b", said, _I):
        return None
    return expand(said)


def _in_plain_words(clause: str) -> str:
    """A terse clause said the way the readers below expect (see the patterns above); others unchanged."""
    clause = _PROMISED_COLON.sub("promised ", clause)  # "promised: my PRD template + q list"
    clause = _TOLD_I_WOULD.sub("i said i'd ", clause)  # "told him i'd bring some seedlings when they're up"
    clause = re.sub(r"^(?:i\s+)?forgot to ask\s+(?=abt\b|about\b|re\b|if\b|whether\b)", "ask ", clause, flags=_I)
    if (m := _WANT_TO_JOIN.fullmatch(clause)) is not None:  # "asked if i want to join his sat long runs 8am"
        return "invited me to join " + re.sub(r"(?<! at) (\d{1,2}(?::\d\d)?\s?(?:am|pm))$", r" at \1", m["x"], flags=_I)
    if (m := _SWAPPED.match(clause)) is not None:
        return f"said we'd swap {m['x']}"
    if (m := _SENDING_ME.match(clause)) is not None or (m := _COMING.match(clause)) is not None:
        theirs = re.sub(r"^(?:her|his|their)\s+", "the ", m["x"], flags=_I)
        return f"she'll send {theirs}"
    if (m := _PLEASE.match(clause)) is not None and _sendable(m["x"]):
        return f"ask for {m['x']}"
    if (m := _DONE.fullmatch(clause)) is not None:  # "intro to Lars done ✔": made already
        return f"introduced him to {m['who']}"
    if (m := _WANTS_OURS.match(clause)) is not None:
        when = m["when"] or ""
        later = re.match(r"\s+by\s+(?:the\s+)?end of (?:the\s+)?month\b", when, _I)
        return f"send {m['x']} by end of month" if later else f"asked for {m['x']}"
    return clause


def last_ask_is_other(last_ask: str | None) -> bool:
    """Whether the thing last asked for is an introduction or an invitation rather than something to send."""
    return bool(last_ask and last_ask.startswith(("intro:", "to:")))


def _next_step(what: str, again: str | None, when: str | None) -> str:
    what = what.lower().replace("catchup", "catch-up")
    when = expand(when or "").strip()
    zone = re.search(r"\s+(\w+) time$", when, _I)
    when = when[:zone.start()] if zone else when
    when = re.sub(r"\s(?:at\s+)?(\d{1,2}(?:[:.]\d\d)?)\s*(am|pm)$", lambda t: f" at {t[1]}{t[2].lower()}", when,
                  flags=_I)  # "Tuesday at 2pm", "10 am" → "at 10am"
    when = re.sub(r"(?<!\d)\s(?:morn|am)$", " morning", when, flags=_I)
    when = re.sub(r"(?<!\d)\s(?:arvo|pm)$", " afternoon", when, flags=_I)
    when = re.sub(r"\s(?:eve)$", " evening", when, flags=_I)
    when = re.sub(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", lambda d: d[1].capitalize(),
                  when, flags=_I)
    if re.fullmatch(r"(?:mon|tues?|wed|thurs?|fri|sat|sun)\w*(?:\s+(?:morning|afternoon|evening|night|at .+))?", when,
                    _I):
        when = "on " + expand(when)
    if when.lower().startswith("next ") and not when.lower().endswith(("week", "month")):
        when = "next " + expand(when.split(" ", 1)[1])
    if zone:  # "her time" is "your time" to her; "UK time" stays
        own = zone[1].lower()
        when += " your time" if own in ("her", "his", "their") else " my time" if own == "my" else \
            f" {zone[1].upper() if len(zone[1]) <= 4 else zone[1]} time"  # "us time" → "US time"
    noun = {"demo": "the demo", "call": "a call", "chat": "a chat", "meeting": "a meeting",
            "2nd round": "the second round", "second round": "the second round", "next round": "the next round",
            "final round": "the final round", "onsite": "the onsite", "interview": "the interview",
            "pairing": "a pairing session", "pairing session": "a pairing session",
            "pair session": "a pairing session"}.get(what, what)
    if what in ("playdate", "play date", "rematch", "game", "match", "hike", "ride", "climb", "swim", "jam", "practice",
                "rehearsal", "walk", "run"):
        noun = f"a {what}"  # "a rematch next Thursday"
    return f"{noun} {when}".strip()
