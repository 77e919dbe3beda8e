"""The member's *offer* field as the message's own point: what they offered in person is done, not offered again.

A thing is delivered ("the glacier day photos" → "As promised, here are …"), a deed is confirmed ("printing the
raffle tickets" → "As I said, I'd be glad to print …"). A call, an introduction, a condition, an object that no
message can carry or another language is left to the older phrasing (`notes.offer_clause`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.review import pattern_cache as rx
from bot.review.gist import is_document
from bot.review.notes import contact_names
from bot.review.purpose import Reading, same_thing, thing, you_form

_I = re.IGNORECASE


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CONDITION = rx.compile(r"\b(?:if|once|when|after|pending|tbc|tbd|maybe|might|or)\b|\?", _I)
_FOREIGN = rx.compile(r"\b(?:den|der|die|das|und|mit|für|von|zu|el|la|los|las|del|con|para|por|une|des|du|les|de|"
                      r"da|do|em|um|uma|il|di|per|che|na|ng|sa)\b", _I)
# the -ing form of a deed offered ("printing the raffle tickets"), and the verb it is said with
_BASE_OF = {w + "ing": w for w in ("print", "cover", "present", "co-present", "host", "help", "build", "teach",
                                    "review", "check", "look", "mentor", "lend", "speak", "coach", "design", "edit",
                                    "record", "connect", "volunteer", "cook", "bring", "pick", "show", "walk", "pay",
                                    "add", "match", "book", "find", "test", "pilot", "sponsor", "judge", "proofread",
                                    "fix", "send", "paint", "plant", "repair", "clean", "call", "meet", "collect",
                                    "deliver", "install", "train", "draft", "read", "play")}
_BASE_OF.update({"raising": "raise", "sharing": "share", "making": "make", "writing": "write", "taking": "take",
                 "giving": "give", "organising": "organise", "organizing": "organize", "donating": "donate",
                 "introducing": "introduce", "driving": "drive", "baking": "bake", "hiring": "hire",
                 "arranging": "arrange", "translating": "translate", "running": "run", "setting": "set",
                 "dropping": "drop", "shopping": "shop", "chairing": "chair", "judging": "judge",
                 "coordinating": "coordinate", "hosting": "host", "covering": "cover", "storing": "store",
                 "providing": "provide", "preparing": "prepare", "welcoming": "welcome", "babysitting": "babysit"})
_VERB_FIRST = _words("come show lend host give help cover pay add take run do ask put set be get make try check look "
                     "review send share intro introduce connect call meet buy bring find go")
_PEOPLE = _words("broker guy person someone contact colleague colleagues friend friends plumber builder lawyer "
                 "accountant designer developer recruiter agent number numbers names")
_SERVICE = _words("""
    zoom facetime hangout share screenshare screen-share
    call calls session sessions walkthrough walk-through review talk talks demo chat tour
    training meeting coffee lunch
    visit slot workshop help advice feedback comments input intro introduction referral reference references check
    trial pilot course class lesson lessons mentoring support assessment audit interview quote answer update updates
    build setup set-up roundtable access place spot space room lift ride""")


def take_offer(r: Reading, offer: str | None, contact_name: str | None = None) -> Reading | None:
    """What the member offered in person (the contact's *offer* field), as the message's own point: a thing is
    delivered ("the glacier day photos" → here they are), a deed is confirmed ("printing the raffle tickets" → I'd
    be glad to print them). None when the field is for the older reading to phrase (a call, an introduction, a
    condition, another language) or the notes already deliver something."""
    if offer and r.need and re.match(r"(?:send|share|email|forward|dig out)\b", offer.strip(), _I) \
            and same_thing(offer, (r.need,)) and is_document(r.need, contact_names(contact_name)):
        r = replace(r, need=None)  # "needs the receipts …" and the offer "send relay receipts": the member sends them
    if not offer or r.deliver or r.later or r.intro_to is not None or r.stop or r.withdrawn or r.checking \
            or r.my_offer_to or r.deliver_do or r.accept or r.invited_to or r.need:
        return None
    text = re.sub(r"\s*\([^()]*\)", "", offer).strip(" .;,")
    if not text or _CONDITION.search(offer) or _FOREIGN.search(text) or re.search(r"[^\x00-\x7f–—’]|/", text):
        return None  # "draft of chapter 3 (once Mark OKs)": not yet; "setup / moving you onto Xero": not one thing
    names = contact_names(contact_name)
    # "send website examples + rough costs": the member said it's to be sent, so it is — here, with this message
    sending = re.match(r"^(?:send|share|email|forward|dig out|pass on)\s+(?:(?:him|her|them)\s+)?", text, _I)
    if sending:  # one thing or two, joined the way a sentence joins them ("the proposal for the site and booking")
        rest = text[sending.end():]
        heads = {re.sub(r"['’]s$", "", w.lower().strip(",.")) for w in re.split(r"\s+", rest)}
        if heads & _PEOPLE or re.search(r"['’]s\b", rest) or (found := thing(rest, names)) is None:
            return None  # "send … + insurance broker", "send bike guy's number": someone's details, not a thing
        return replace(r, deliver=(found,))
    things: list[str] = []
    deed: str | None = None
    pieces = [p.strip() for p in re.split(r"\s*[+;]\s*", text) if p.strip()]
    if len(pieces) > 2:
        return None
    for piece in pieces:
        words = piece.split()
        first = words[0].lower()
        if re.match(r"(?:intro|introduction|connection|referral|access)\b", piece, _I):
            return None
        if first in _BASE_OF:
            if deed is not None or (vp := you_form(" ".join([_BASE_OF[first], *words[1:]]), names, 10)) is None:
                return None
            deed = vp
            continue
        head = re.split(r"\s+(?:of|for|on|about|from|to|in|with|w/|under|at|by)\s+", piece, flags=_I)[0].split()[-1]
        head = head.lower()
        if head in _SERVICE or head.endswith("ing") or first in _VERB_FIRST:
            return None  # a call, a review, a talk: the older reading offers to set it up
        if (found := thing(piece, names)) is None or not is_document(piece, names):
            return None  # "our old sofa": not a thing a message can carry
        if re.match(r"[A-Z]\w*\s+[a-z]", found) and not re.match(r"(?:the|a|an|my|our|your)\b", found, _I):
            found = f"the {found}"  # "GitHub issue with a repro": a common noun after a name still takes "the"
        things.append(found)
    if not things and deed is None:
        return None
    return replace(r, deliver=tuple(things) or r.deliver, my_offer_to=deed)
