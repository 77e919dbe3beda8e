"""Reading the member's private notes about a contact for a draft.

Notes are the member's own memory: fragments, judgements ("nice guy"), to-dos ("ask about remote policy"),
third-person remarks ("her startup does carbon accounting"). A draft may use only what a message needs —
the topic discussed, what the member promised, what the contact asked for, what they are working on — and
only as a short phrase turned to the second person. Everything else is left out: a clause nothing here
recognises is dropped, never pasted.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise

from bot.review import pattern_cache as rx
from bot.review.phrases import DESCRIBED_BY

MAX_PHRASE = 4  # words taken from a note into one phrase: short enough never to read as pasted

_I = re.IGNORECASE


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_SHORTHAND = ((rx.compile(r"\bw/(?:o|out)\b", _I), "without"), (rx.compile(r"\bw/in\b", _I), "within"),
              (rx.compile(r"\bw/\s*", _I), "with "),
              (rx.compile(r"\babt\b", _I), "about"), (rx.compile(r"\bthru\b", _I), "through"),
              (rx.compile(r"\bppl\b", _I), "people"), (rx.compile(r"\bb/c\b", _I), "because"),
              (rx.compile(r"\bre:\s*", _I), "re "))
_STRONG_SPLIT = rx.compile(r"[.!?]+(?=\s|$)|[;\n•·|]+|\s[-–—]+\s|\s+/\s+|\(|\)|\s\d{1,2}[.)](?=\s)")
_LEADS = (r"promised|offered|owe|i'?ll|i|we|will|said|send|share|email|forward|intro|introduce|connect|ask|"
          r"asked|check|remember|remind|todo|follow|ping|need|needs|wants|wanted|looking|interested|curious|"
          r"she|he|they|her|his|their|talked|chatted|spoke|discussed|compared|bonded|hiring|building|"
          r"launching|writing|raising|loves|likes|nice|great|quiet|smart|sharp|seems|seemed|very|really|"
          r"super|funny|friendly|also")
_SOFT_SPLIT = rx.compile(rf",\s*(?:and\s+|but\s+)?(?=(?:{_LEADS})\b)|\s+(?:and|but|&|\+)\s+(?=(?:{_LEADS})\b)", _I)
_BULLET = rx.compile(r"^\s*(?:[-*>]+|\d{1,2}[.)])\s*")

JUDGEMENTS = _set(
    "nice guy gal dude smart sharp quiet shy loud funny friendly lovely sweet rude arrogant awkward boring "
    "weird cool chill legit impressive brilliant genius annoying pushy intense chatty talkative sketchy salesy "
    "meh cute hot attractive vibe vibes seemed seems seem kinda stressed tired bored drunk nervous flaky "
    "flake fun personable charming humble nerdy pleasant rambling rambled arrogant condescending smug "
    "introverted extroverted introvert extrovert jerk weirdo creepy odd grumpy cynical"
)
PRIVATE = _set(
    "kid kids son daughter wife husband partner girlfriend boyfriend spouse dog cat pet baby pregnant pregnancy "
    "parental maternity paternity sabbatical "
    "divorce divorced wedding sick illness health hospital chemo chemotherapy cancer funeral died death grief "
    "mom dad mother father religion church politics political therapy therapist rehab diet weight named age "
    "dating single married layoff laid fired salary debt mum anxiety anxious depression depressed adhd autism "
    "autistic diagnosis diagnosed mental surgery miscarriage burnout visa immigration pregnant ivf fertility "
    "addiction sober alcohol drinking hangover disability disabled gay lesbian trans sexuality injury"
)
_TODO_WORDS = rx.compile(r"\b(?:todo|to-?do|tbd|ask|check|remember|remind|don'?t forget|follow[ -]?up|ping|"
                         r"sales|crm|prospect|upsell|quota)\b", _I)
_TODO = rx.compile(
    r"^(?:todo|to-?do|tbd|nb|n\.b\.|note to self|reminder|ask|check|double-check|remember|remind|"
    r"don'?t forget|dont forget|need to|must|should|look (?:into|up)|find out|figure out|follow[ -]?up|fu|"
    r"ping|call|ring|research|google|confirm|verify|loop in|cc|maybe|possibly|try|get|add|update|schedule|"
    r"book|invite|connect on|dm|message|text|next step|action)\b", _I)
_THIRD = rx.compile(r"\b(?:she|he|they|she's|he's|they're|she'll|he'll|they'll|she'd|he'd|they'd|"
                    r"herself|himself|themselves|themself)\b", _I)
_NOT_A_PHRASE = rx.compile(r"https?://|www\.|@|\d{3,}|[\[\]{}<>=%]|_{2,}", _I)

_CUT_TAIL = rx.compile(
    r"\s+(?:next|this|last|by|before|after|when|once|if|asap|soon|later|tomorrow|tonight|today|because|since|"
    r"so|as|but|which|who|that|though|although|while|until|etc|e\.g\.|i\.e\.|ideally|maybe|probably|"
    r"i think|i guess|lol|haha|fyi|btw|is|was|were|are|seemed|looked)\b.*$", _I)
_PREPOSITION = rx.compile(r"\s+(?:for|with|in|at|on|using|to|from|of|via|about|into|around|and|or)\s", _I)
_FUNCTION = _set(
    "a an the to of and or for with my our your his her their its is are was were be been does do did has have "
    "had wants want wanted asked ask talked about on in at by from as it this that these those he she they him "
    "them you i me we us not no so but if then than very really just also")
_DETERMINER = rx.compile(r"^(?:a|an|the|my|our|your|some|two|three|more|\d+)\b", _I)

_INTRO = rx.compile(
    r"^(?:i\s+)?(?:(?:promised|offered|owe|said i'?d|will|i'?ll|to|can|could)\s+)*(?:(?:her|him|them|you)\s+)?"
    r"(?:to\s+)?(?:make\s+|do\s+)?(?:an?\s+)?(?:intro(?:duction)?s?|introduce|connect(?=\s+(?:her|him|them|you)\b)|"
    r"put(?=\s+(?:her|him|them|you)\s+in\s+touch))"
    r"(?:\s+(?:her|him|them|you))?(?:\s+in\s+touch)?(?:\s+(?:to|with|w/))?(?:\s+(?P<who>.*))?$", _I)
_SEND = rx.compile(
    r"^(?:i\s+)?(?:(?:promised|offered|said i'?d|will|i'?ll|to)\s+)*(?P<verb>send|share|email|forward|mail|"
    r"pass along|drop)\s+(?:(?:her|him|them|you)\s+)?(?:over\s+)?(?P<thing>.+)$", _I)
_OWE = rx.compile(r"^(?:i\s+)?owe\s+(?:her|him|them|you)\s+(?:an?\s+)?(?P<thing>.+)$", _I)
_PROMISED = rx.compile(r"^(?:i\s+)?(?:promised|offered|said i'?d|i'?ll|i will)\s+(?:(?:her|him|them)\s+)?"
                       r"(?:to\s+)?(?P<what>.+)$", _I)
_REQUEST = rx.compile(
    r"^(?:(?:she|he|they)\s+)?(?P<verb>asked (?:me )?for|asked (?:me )?about|asked (?:me )?to|asked if i|wants to|"
    r"wanted to|would like to|'d like to|wants|wanted|would like|'d like|needs|needed|is looking for|"
    r"was looking for|'s looking for|looking for|could use|is interested in|interested in|is curious about|"
    r"curious about|keen on)\s+(?P<thing>.+)$", _I)
_TOPIC = rx.compile(
    r"^(?:(?:we|i)\s+)?(?:talked|chatted|spoke|discussed|discussing|discussion|chat|talk|conversation|convo|"
    r"compared notes|swapped notes|swapped stories|traded notes|traded stories|bonded|geeked out|nerded out|"
    r"debated|brainstormed|went deep|deep dive|topics?|re|mostly|moaned|complained|ranted|vented|grumbled)"
    r"(?:\s+(?:to|with)\s+(?:her|him|them))?\s*(?::|about|on|over|re|regarding|around|into|abt)?\s+(?P<x>.+)$",
    _I)
_OWNABLE = ("side project", "open source project", "research group", "startup", "company", "team", "org",
            "product", "lab", "group", "project", "talk", "book", "podcast", "paper", "research", "app",
            "thesis", "keynote", "newsletter", "blog", "course", "library", "framework", "tool", "nonprofit",
            "agency", "studio", "platform", "service", "workshop", "article", "post", "dataset", "game")
_OWNED = rx.compile(r"^(?:her|his|their)\s+(?P<noun>" + "|".join(_OWNABLE) + r")(?:'s)?\b\s*(?P<rest>.*)$", _I)
_OWNED_WORK = rx.compile(
    r"^(?:(?:is|was|are)\s+)?(?:does|doing|works on|working on|building|builds|makes|making|sells|selling|"
    r"focuses on|focused on|is about|about|on|in|covers|covering|tackles|tackling|automates|automating|"
    r"handles|helps with)\s+(?P<x>.+)$", _I)
_OWNED_MOVE = rx.compile(r"^(?:(?:is|was|are)\s+)?(?:migrating|moving|switching|porting)\s+to\s+(?P<x>.+)$", _I)
_ACTIVITY = rx.compile(
    r"^(?:(?:she|he|they)\s*(?:is|'s|are|'re|was|were)?\s+)?(?:currently\s+|now\s+|just\s+)?"
    r"(?P<verb>hiring|building|launching|migrating to|moving to|writing|organi[sz]ing|starting|raising|"
    r"running|working on|learning|switching to|planning|preparing|rebuilding|rewriting|shipping|scaling|"
    r"speaking at|training for|moving into)\b\s*(?P<x>.*)$", _I)
_FRAGMENT_BAD_FIRST = _set(
    "met via from works worked at in is was has had lives moved just also very really super seems seemed kinda "
    "likes loves hates knows ex former previously used currently now maybe probably definitely possibly "
    "might could would will should can not no yes ok okay lots big huge tiny great good awesome amazing "
    "fun lovely interesting cool quick long short first second")
_ROLES = _set("head cto ceo cfo coo vp director manager engineer founder cofounder co-founder lead "
                   "designer pm recruiter intern student professor phd")


@dataclass(frozen=True)
class Promise:
    """Something the member promised: an introduction (``what`` is who to, or None), something to send,
    or something to do (``what`` is a second-person verb phrase)."""

    kind: str  # "intro" | "send" | "do"
    what: str | None


_SHARED = rx.compile(r"^(?:we\s+)?(?:both|(?:we\s+)?share)\s+(?:(?:like|love|enjoy|play|do|are into|into|"
                     r"an? interest in|a love of|interests? in)\s+)?(?P<x>.+)$", _I)


@dataclass(frozen=True)
class NoteFacts:
    """What a draft may use from the notes, each already a short second-person phrase."""

    topic: str | None = None  # "onboarding metrics"; "your startup's work on carbon accounting" when owned
    topic_owned: bool = False
    promises: tuple[Promise, ...] = ()
    request: str | None = None  # a clause after "You mentioned ...": "you'd like our checklist"
    activity: str | None = None  # a gerund phrase: "hiring a staff engineer"
    shared: tuple[str, ...] = ()  # interests the notes say you share: ("jazz",)


def read_notes(notes: str | None, contact_name: str | None = None) -> NoteFacts:
    """The usable facts in a member's notes; an empty NoteFacts when nothing can be phrased well."""
    if not notes or not notes.strip():
        return NoteFacts()
    names = _names(contact_name)
    topic: str | None = None
    owned = False
    fragment: str | None = None
    promises: list[Promise] = []
    request = activity = wanted = None
    shared: list[str] = []
    for clause in clauses(notes):
        low = clause.lower()
        said = set(re.findall(r"[a-z']+", low))
        if said & PRIVATE:
            continue  # their private life is not the member's to bring up
        if said & JUDGEMENTS and not _INTRO.match(clause):
            continue  # a judgement, possibly alongside a fact: leave the whole clause out
        if (found := _promise(clause, names)) is not None:
            if found not in promises:
                promises.append(found)
            continue
        if (m := _SHARED.match(clause)) is not None:
            if (found_interest := phrase(m["x"], names, 3)) and not found_interest.lower().startswith("your"):
                shared.append(found_interest)
            continue
        if (todo := _TODO.match(clause)) is not None:
            rest = re.sub(r"^[\s:,-]*(?:to\s+)?", "", clause[todo.end():])
            found = _promise(rest, names) if rest else None  # "follow-up: intro to Sam" is still a promise
            if found is not None and found.kind == "intro" and found not in promises:
                promises.append(found)
            continue
        if (m := _REQUEST.match(_unname(clause, names))) is not None:
            intro = _INTRO.match(m["thing"]) if re.match(r"(?:an?\s+)?intro", m["thing"], _I) else None
            if intro is not None:  # they asked for an introduction: the member will make it
                who = phrase(intro["who"], names) if intro["who"] else None
                if Promise("intro", who) not in promises:
                    promises.append(Promise("intro", who))
                continue
            if request is None:
                request = _request(m["verb"].lower(), m["thing"], names)
                if request:
                    wanted = with_article(phrase(m["thing"], names)) if not m["verb"].lower().endswith("to") else None
                    continue
        if topic is None and (m := _TOPIC.match(clause)):
            topic = topic_article(phrase(m["x"], names))
            if topic:
                continue
        if (m := _OWNED.match(_unname(clause, names))):
            found_topic = _owned(m["noun"].lower(), m["rest"], names)
            if found_topic and (topic is None or (not owned and topic == fragment)):
                topic, owned = found_topic, True
            continue
        if activity is None and (m := _ACTIVITY.match(_unname(clause, names))):
            activity = _activity(m["verb"].lower(), m["x"], names)
            if activity:
                continue
        if fragment is None and topic is None:
            fragment = _fragment(clause, names)
            if fragment:
                topic = fragment
    if wanted and Promise("send", None) in promises:  # "wants the repo … promised to send it"
        promises[promises.index(Promise("send", None))] = Promise("send", wanted)
        request = None
    return NoteFacts(topic, owned, _merged(promises), request, activity, tuple(shared))


def _merged(promises: list[Promise]) -> tuple[Promise, ...]:
    """Promises of one kind said once: 'introduce you to Sam and Priya', 'send over the repo and the deck'."""
    out: list[Promise] = []
    for kind in ("intro", "send", "do"):
        same = [p for p in promises if p.kind == kind]
        named = list(dict.fromkeys(p.what for p in same if p.what))
        if named:
            out.append(Promise(kind, " and ".join(named[:2])) if kind != "do" else same[0])
            if kind == "do" and len(named) > 1:
                out.append(Promise(kind, named[1]))
        elif same:
            out.append(same[0])
    return tuple(out)


def mentionable(notes: str | None) -> list[str]:
    """The clauses of the notes a message could mention: no judgement, no to-do, nothing of their private
    life, no note about the member's own unanswered messages."""
    out = []
    for clause in clauses(notes or ""):
        said = set(re.findall(r"[a-z']+", clause.lower()))
        if said & (PRIVATE | JUDGEMENTS) or _TODO.match(clause) or _UNANSWERED.search(clause):
            continue
        out.append(clause)
    return out


_UNANSWERED = rx.compile(
    r"\b(?:no (?:reply|response|answer)|ghosted|didn'?t (?:reply|answer|respond)|unanswered)\b", _I
)


# Words that are private in one sense and work in another: a payment partner, a hospital café tender.
WORK_SENSE = rx.compile(
    r"\b(?:payments?|business|channel|implementation|delivery|tech(?:nology)?|integration|strategic|launch|"
    r"logistics|reseller|distribution|bank|banking|manufacturing|founding|managing|general|senior|equity|agency|"
    r"referral|training|research|media|data|cloud|"
    # a partner to play, train or practise with: "a regular doubles partner", "a climbing partner"
    r"doubles|tennis|padel|squash|badminton|running|climbing|study|chess|sparring|dance|tandem|language|hiking|"
    r"cycling|gym|rowing|practice|bridge) partners?\b|\bpartners? (?:at|in) (?:a|an|the)\b|"
    r"\bour partners?\b|"
    r"\bhospitals? (?:caf[eé]|canteen|tender|contract|procurement|trust|group|network|system|supplier|suppliers|"
    r"pharmacy|it|estates|board|operations|ops)\b|"
    # a thing that stopped working, not a death: "when my card died", "phone died"
    r"\b(?:card|phone|battery|laptop|car|bike|van|mic|headset|wifi|internet|server|printer|charger)s? (?:died|dead)\b",
    _I)


# what they asked the member to do may name their family: "asked if i can help her son w his uni applications"
# the member's promise after a remark about their family, in its own words: "→ I said I'd send Campus France links"
_MY_PROMISE_AFTER = rx.compile(r"(?<=[→>-] )(?:i said i'?d|i'?ll|i promised(?: to)?)\s+(?:send|share|email|forward)\s+"
                               r"(?![^.;\n]*\b(?:him|her|them)\b)[^.;\n]{3,60}$", _I)
_SAID_YES = rx.compile(r"\b(?:said yes|yes|sure|happy to|of course|ofc)\b", _I)
_SENSITIVE = rx.compile(r"\b(?:cancer|therap\w*|died|death|funeral|sick|illness|ill|hospital|divorce|grief|rehab|"
                        r"diagnos\w*)\b", _I)
_ASKED_OF_ME = rx.compile(r"\s*(?:(?:also|and|then)\s+)?(?:(?:she|he|they)\s+)?asked (?:me\s+)?(?:if|whether) (?:i|we) "
                          r"(?:can|could)\b", _I)


def family_request_kept(part: str, notes: str) -> bool:
    """Whether a sentence that names their family stays in: their request to the member, answered yes and about
    nothing sensitive ("asked if i can help her son w his uni applications - said yes")."""
    return _ASKED_OF_ME.match(part) is not None and _SAID_YES.search(notes) is not None \
        and _SENSITIVE.search(part) is None


def clauses(notes: str) -> list[str]:
    """The notes as short clauses: emoji and symbols removed, shorthand expanded, lists split."""
    # an emoji between two thoughts ends the first ("sorted my bug 🙏 i said i'd open a PR"); elsewhere it goes
    text = re.sub(r"(?<=\w)(?<!\bthe)(?<!\ba)(?<!\ban)(?<!\bmy)(?<!\bour)(?<!\bher)(?<!\bhis)(?<!\bof)(?<!\bfor)"
                  r"[^\S\n]*[\U0001F300-\U0001FAFF\u2600-\u27BF][\U0001F300-\U0001FAFF\u2600-\u27BF\ufe0f\u200d]*[^\S\n]+"
                  r"(?=(?:i|i'm|i'll|i'd|she|he|they|we|also|but|so|then|asked|said|promised|offered|wants|need|needs|"
                  r"owes|sent|will|told|ask|send|check|maybe|prob|probably|no|not)\b|"
                  r"[A-Z]{2,}(?:\s+[A-Z]{2,})+\b)",  # "brought us jollof 😍 RETURN THE DISH": shouting starts anew
                  ". ", notes[:4000])
    text = "".join(ch for ch in text if _keep(ch))
    text = re.sub(r"\s+[+&]\s+", " and ", text)
    for pattern, repl in _SHORTHAND:
        text = pattern.sub(repl, text)
    out: list[str] = []
    text = re.sub(r"[^\S\n]+", " ", text)  # one space per run (tabs, no-break spaces too), so the splitters never
    text = re.sub(r" ?\n[\s]*", "\n", text)  # backtrack over a long run; one line break per run of them
    for part in _STRONG_SPLIT.split(text):
        private = set(re.findall(r"[a-z']+", WORK_SENSE.sub("", part).lower())) & PRIVATE
        if private and (promise := _MY_PROMISE_AFTER.search(part)) is not None and not _SENSITIVE.search(part):
            # "daughter Shirin wants to study in France → I said I'd send Campus France links": the promise, alone
            part, private = promise[0], set()
        if private and not family_request_kept(part, text):
            continue  # their private life is out of the whole sentence, not only the clause that names it
        for piece in _SOFT_SPLIT.split(part):
            piece = _BULLET.sub("", re.sub(r"\s+", " ", piece)).strip(" ,:-–—'\"")
            if piece:
                out.append(piece)
    return out


def phrase(text: str | None, names: frozenset[str] = frozenset(), limit: int = MAX_PHRASE) -> str | None:
    """A note fragment as a short second-person phrase for a sentence, or None if it can't be one."""
    if not text:
        return None
    text = _CUT_TAIL.sub("", " " + text.strip()).strip(" ,.:;-–—'\"!?")
    if len(text.split()) > limit:
        cut = _PREPOSITION.search(text)
        text = text[: cut.start()] if cut else ""
    words = text.split()
    if not words or len(words) > limit or _NOT_A_PHRASE.search(text):
        return None
    low = [w.lower().strip(".,!?:;") for w in words]
    if low[-1] in _FUNCTION or all(w in _FUNCTION for w in low) or any(a == b for a, b in pairwise(low)):
        return None
    lowered = {w.lower().strip(".,'!?") for w in words}
    if lowered & JUDGEMENTS or _TODO_WORDS.search(text):
        return None
    if text.isupper() and len(text) > 4:  # typed in capitals: 'KAFKA' → 'Kafka', acronyms stay
        text = " ".join(w.capitalize() if len(w) > 4 else w for w in text.split())
    if any(not re.search(r"\w", w) for w in words):
        return None  # stray punctuation: a fragment, not a phrase
    if ", " in text:  # a list reads as one: "Rust, tokio, embassy" → "Rust, tokio and embassy"
        head, _, last = text.rpartition(", ")
        text = f"{head} and {last}" if " and " not in last else f"{head}, {last}"
    found = second_person(text, names)
    if found and re.search(r"\byou\b", found, _I):
        return None  # "meet him" → "meet you" inside a phrase about them reads wrong
    return found


def second_person(text: str, names: frozenset[str] = frozenset()) -> str | None:
    """Turn a phrase about the contact to one addressed to them ('her talk' → 'your talk'); None when it
    speaks of them as a subject ('she said…') or by name, which a short phrase can't turn around."""
    if _THIRD.search(text):
        return None
    words = text.split()
    out: list[str] = []
    for i, word in enumerate(words):
        bare = word.lower().strip(".,!?:;")
        if bare in names or bare.removesuffix("'s").removesuffix("’s") in names:
            if bare.endswith(("'s", "’s")):
                out.append("your")
                continue
            return None
        if bare in ("his", "their"):
            out.append("your")
        elif bare in ("him", "them"):
            out.append("you")
        elif bare in ("hers", "theirs"):
            out.append("yours")
        elif bare == "her":
            following = words[i + 1].lower() if i + 1 < len(words) else ""
            object_like = not following or following in {"a", "an", "the", "my", "our", "to", "with", "about",
                                                         "on", "for", "some", "over", "in", "at"}
            out.append("you" if object_like else "your")
        else:
            out.append(word)
    return " ".join(out)


def offer_clause(offer: str | None, names: frozenset[str] = frozenset()) -> str | None:
    """The stored offer as a verb phrase after "I'd be happy to": 'our survey template' → 'share our
    survey template', 'intro to our data lead' → 'introduce you to our data lead'."""
    if not offer or not offer.strip() or _NOT_A_PHRASE.search(offer):
        return None
    if re.match(r"^\s*(?:(?:he|she|they)\s+)?(?:may|might|maybe|possibly|probably)\b", offer, _I) \
            or re.search(r"\bif\b", offer, _I):
        return None  # a maybe or a condition ("may join the round if …") is no offer a message can make
    offer = re.sub(r"\s*\([^()]*\)", "", offer).split(";")[0]  # "(pending approval)": a note to self
    text = "".join(ch for ch in offer if _keep(ch)).strip(" .!,;:-")
    text = re.sub(r"^(?:i\s+)?(?:can|could|would|will|'ll)\s+|^(?:offer(?:ing)?|happy to|glad to)\s+", "", text,
                  flags=_I).strip()
    if (m := _INTRO.match(text)) is not None:
        who = phrase(m["who"], names, 6) if m["who"] else None
        return f"introduce you to {who}" if who else "make an introduction"
    words = text.split()
    if not words or len(words) > 9:
        return None
    if (helping := re.match(r"^(?:[\w-]+\s+)?help (?:on|with) (?P<x>.+)$", text, _I)) is not None:
        x = second_person(helping["x"], names)  # "data-engineering help on the pipeline"
        return f"help with {x}" if x else None
    converted = second_person(text, names)
    if converted is None or {w.lower() for w in words} & JUDGEMENTS:
        return None
    head = words[0].lower()
    if head in _OFFER_VERBS:
        converted = re.sub(r"\s+\+\s+", " and ", converted)  # "send the deck + pricing": the words of a sentence
        return converted[0].lower() + converted[1:] if not words[0].isupper() else converted
    if head in ("feedback", "advice", "tips", "pointers", "a", "an", "some") and re.search(
        r"\b(?:feedback|advice|tips|pointers|review|hand|second opinion|mock interview)\b", text, _I
    ):
        return f"give you {converted}"
    converted = re.sub(r"\bw/?(?=\s)", "with", converted)
    service = re.split(r"\s+(?:with|w/?|for|on|of|about|from)\s+", text, flags=_I)[0].split()[-1].lower()
    if service in _SERVICE_NOUNS:  # "small business website build" is work to help with, not a thing to share
        det = "" if re.match(r"(?:a|an|the|our|my|some|one)\b", converted, _I) else \
            ("an " if converted[:1].lower() in "aeiou" else "a ")
        return f"{'set up' if service in _MEETING_NOUNS else 'help with'} {det}{converted}"
    if "+" in text or service not in _SHAREABLE:
        return None  # "speaking slot at ProductTank", "an on-prem trial after clearance": no sentence of mine fits
    return f"share {converted}"


_SHAREABLE = _set(
    "template templates deck decks report reports guide guides doc docs document documents paper papers post posts "
    "article articles link links slides list lists sheet sheets spreadsheet writeup write-up notes playbook runbook "
    "checklist code repo dataset datasets data numbers study studies chapter draft recording video videos book books "
    "resources rules scripts script snippet snippets notebook benchmark benchmarks spec specs whitepaper one-pager "
    "pager summary overview outline recipe recipes tips contacts results findings analysis research materials "
    "examples samples sample course courses library tool tools starter kit")

_MEETING_NOUNS = _set("call chat session meeting")
_SERVICE_NOUNS = _MEETING_NOUNS | _set(
    "build audit consultation consult workshop demo estimate setup install installation redesign fix repair training "
    "coaching teardown")


_OFFER_VERBS = _set(
    "send share review help give lend show walk pair connect host invite recommend refer look proofread mentor come "
    "buy set make introduce forward explain demo sponsor cover answer read test try sketch draft point")


def interest_phrase(interests: tuple[str, ...] | list[str]) -> str | None:
    """Up to two shared interests joined for a sentence: 'Rust and climbing'."""
    picked: list[str] = []
    for item in interests:
        clean = "".join(ch for ch in str(item) if _keep(ch)).strip(" .,;:-#")
        if clean and len(clean.split()) <= 3 and not _NOT_A_PHRASE.search(clean) and re.search(r"\w", clean) \
                and not _THIRD.search(clean) and clean.lower() not in (p.lower() for p in picked) \
                and not ({w.lower() for w in clean.split()} & JUDGEMENTS):
            picked.append(clean)
        if len(picked) == 2:
            break
    return " and ".join(picked) if picked else None


def contact_names(contact_name: str | None) -> frozenset[str]:
    """The lower-cased words of the contact's name, as notes may call them."""
    return _names(contact_name)


# --- helpers ----------------------------------------------------------------------------------------

def _keep(ch: str) -> bool:
    if ch in "\n\t":
        return True
    category = unicodedata.category(ch)
    return not (category in ("So", "Sk", "Cf", "Co", "Cs", "Cn", "Cc") or ch in "\ufe0f\u200d")


_NOT_NAMES = _set("the a an and for to by my our his her their this guy girl lady man woman bloke dude dr mr mrs ms "
                  "prof coach aunty auntie aunt uncle sister father pastor") | DESCRIBED_BY  # a title is no name


def _names(contact_name: str | None) -> frozenset[str]:
    """The words of a name, without the words that describe who it is: "anna from the allotment" → {"anna"}
    (never "the" or "from", which every note has)."""
    words = [w for w in re.split(r"[\s._@]+", (contact_name or "").lower()) if w]
    cut = next((i for i, w in enumerate(words) if i and w in DESCRIBED_BY), len(words))
    return frozenset(w for w in words[:cut] if len(w) > 1 and w.rstrip(".") not in _NOT_NAMES)


def _unname(clause: str, names: frozenset[str]) -> str:
    """'Jane wants our checklist' → 'she wants our checklist' (the contact as subject), so one pattern fits."""
    first = clause.split(" ", 1)
    if len(first) == 2 and first[0].lower().removesuffix("'s") in names:
        if first[0].lower().endswith("'s"):
            return f"her {first[1]}"
        return f"she {first[1]}"
    return clause


def _promise(clause: str, names: frozenset[str]) -> Promise | None:
    if (m := _INTRO.match(clause)) is not None and re.search(r"\bintro|\bintroduc|\bconnect\b|\bput\b", clause, _I) \
            and (re.match(r"^(?:i\s+)?(?:promised|offered|owe|said|will|i'?ll|to|can|could|intro|an? intro|make|"
                          r"introduce|connect)", clause, _I)):
        who = phrase(m["who"], names) if m["who"] else None
        if who and (who.lower().startswith(("you", "your")) or who.lower() in ("each other", "one another")):
            who = None
        return Promise("intro", who)
    if (m := _SEND.match(clause)) is not None:
        return Promise("send", _thing(m["thing"], names))
    if (m := _OWE.match(clause)) is not None:
        return Promise("send", _thing(m["thing"], names))
    if (m := _PROMISED.match(clause)) is not None:
        what = phrase(m["what"], names, 5)
        if what and what.split()[0].lower() in _OFFER_VERBS:
            return Promise("do", what)
        return Promise("send", _thing(m["what"], names))
    return None


def _thing(text: str, names: frozenset[str]) -> str | None:
    """Something to send, as a noun phrase; None for a bare 'it' or 'them', which needs its note to make sense."""
    found = with_article(phrase(text, names))
    return None if not found or found.lower() in ("it", "you", "this", "that", "these", "those", "one") else found


_COUNTABLE = _set(
    "checklist template deck doc document link list spreadsheet guide playbook repo article paper post video "
    "recording book report survey form proposal sheet file draft cv resume portfolio notebook benchmark study "
    "demo roadmap outline agenda invite invitation recipe writeup write-up memo brief job description recording "
    "slide podcast episode talk")


_COUNTABLE_TOPICS = _set(
    "switch move search launch migration rewrite project raise role transition plan idea startup company product "
    "app course proposal redesign reorg promotion interview pivot merger acquisition rollout upgrade change "
    "decision strategy experiment pilot trip conference book thesis side-project")


def topic_article(text: str | None) -> str | None:
    """'career switch' → 'the career switch'; 'onboarding metrics' and 'Helm upgrade pain' stay."""
    if not text or _DETERMINER.match(text) or (text[:1].isupper() and text.split()[0].isupper()):
        return text
    head = _PREPOSITION.split(f"{text} ", maxsplit=1)[0].split()
    if head and head[-1].lower() in _COUNTABLE_TOPICS:
        return f"the {text}"
    return text


def with_article(text: str | None) -> str | None:
    """'checklist' → 'the checklist'; a phrase with its own determiner, a plural or a mass noun stays."""
    if not text or _DETERMINER.match(text):
        return text
    head = _PREPOSITION.split(f"{text} ", maxsplit=1)[0].split()
    if head and head[-1].lower() in _COUNTABLE:
        return f"the {text}"
    return text


def _request(verb: str, thing: str, names: frozenset[str]) -> str | None:
    what = phrase(thing, names)
    if what and not verb.endswith(" to"):
        what = with_article(what)
    if not what:
        return None
    if verb.endswith(" to"):
        verb = verb.replace("would like to", "'d like to").replace("wanted to", "'d like to")
        if verb.startswith("asked"):
            return f"you asked me to {what}"
        return f"you'd like to {what}"
    if verb.startswith("asked") and verb.endswith("about"):
        return f"you asked about {what}"
    if verb.startswith("asked if"):
        return None
    if verb.startswith("asked"):
        return f"you asked for {what}"
    if "looking" in verb:
        return f"you're looking for {what}"
    if "interested" in verb or "curious" in verb or "keen" in verb:
        return f"you're interested in {what}"
    if verb in ("could use", "needs", "needed"):
        return f"you could use {what}"
    return f"you'd like {what}"


def _owned(noun: str, rest: str, names: frozenset[str]) -> str | None:
    rest = rest.strip()
    if not rest:
        return f"your {noun}"
    if (m := _OWNED_MOVE.match(rest)) and (x := phrase(m["x"], names, 3)):
        return f"your {noun}'s move to {x}"
    if (m := re.match(r"^(?:sells|selling|works|working|partners|partnering)\s+(?:to|with)\s+(?P<x>.+)$", rest, _I)) \
            and (x := phrase(m["x"], names, 3)):
        return f"your {noun}'s work with {x}"
    if (m := _OWNED_WORK.match(rest)) and not re.match(r"(?:to|for|with|from|at|by)\b", m["x"], _I) \
            and (x := phrase(m["x"], names, 3)):
        if noun in ("talk", "book", "podcast", "paper", "thesis", "keynote", "newsletter", "blog", "course",
                    "workshop", "article", "post"):
            return f"your {noun} on {x}"
        return f"your {noun}'s work on {x}"
    return None


def _activity(verb: str, rest: str, names: frozenset[str]) -> str | None:
    x = phrase(rest, names) if rest.strip() else None
    if verb == "hiring":
        if x and re.match(r"(?:mgr|manager|freeze|frozen|pause|paused|on hold)\b", x, _I):
            return None  # "hiring mgr": who they are; "hiring freeze till january": a hold, not a search
        if not x:
            return "the hiring" if not rest.strip() or _CUT_TAIL.match(" " + rest.strip()) else None
        if not _DETERMINER.match(x) and not x.lower().endswith("s"):
            return f"hiring for the {x} role"
        return f"hiring {x}"
    return f"{verb} {x}" if x else None


def _fragment(clause: str, names: frozenset[str]) -> str | None:
    """A bare fragment such as 'onboarding metrics' read as the topic; most other fragments are not."""
    words = clause.split()
    if not 2 <= len(words) <= MAX_PHRASE or not all(re.fullmatch(r"[\w+#.'-]+", w) for w in words):
        return None
    low = [w.lower() for w in words]
    if low[0] in _FRAGMENT_BAD_FIRST or set(low) & (_ROLES | JUDGEMENTS | names) or any("'" in w for w in low):
        return None
    if set(low) & {"at", "from", "via", "of", "her", "his", "their", "him", "them", "she", "he", "they", "is",
                   "was", "i", "we", "me", "chat", "talk", "conversation", "meeting", "call", "convo", "named"}:
        return None
    found = phrase(clause, names)
    if found and found[0].isupper() and found[1:2].islower() and all(w.islower() for w in found.split()[1:]):
        found = found[0].lower() + found[1:]
    return topic_article(found)
