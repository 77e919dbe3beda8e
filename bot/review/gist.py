"""The point of notes the shape readers don't know, read by a few open frames.

`purpose.read_purpose` knows many note shapes, each with its own verbs. A new member's notes use verbs it has
never seen ("said he'd sort me a trade rate", "would love him to review my chapter draft", "need to book her in
for careers week"), and the draft then says nothing but hello. The frames here take *any* verb: who acts (they
or the member), how (an offer, a wish, a to-do, a question), and the rest of the clause turned to the second
person. They run only when the shape readers found no point (a thank-you alone doesn't count), so a note they
already read is never read twice. `offered.take_offer` does the same for the contact's *offer* field.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from typing import TypedDict

from bot.review import pattern_cache as rx
from bot.review.notes import contact_names
from bot.review.purpose import (
    _CALLED_OFF,
    _FAVOUR_GERUND,
    _MINE_TO_THEM,
    NOT_MEANT,
    Reading,
    _clauses,
    _unname,
    expand,
    thing,
    you_form,
)

_I = re.IGNORECASE


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_THEY = r"(?:she|he|they)"
_WOULD = r"(?:'d|'ll|\s+would|\s+will|\s+could|\s+can)"



class Found(TypedDict, total=False):
    """What the frames read out of one clause, named as the Reading fields they fill."""

    their_offer_to: str
    my_offer_to: str
    ask: str
    next_step: str
    expect: str
    deliver: str


# --- the notes' frames ------------------------------------------------------------------------------
# "said hed sort me a trade rate", "offered to come and talk to Y9", "agreed to share the counts"
_THEIR_OFFER = rx.compile(  # a bare "promised to connect her with …" is the member's own promise
    rf"^(?!promised\b)(?:{_THEY}\s+)?(?:(?:said|says|reckons|told me)\s+(?:that\s+)?{_THEY}{_WOULD}|"
    rf"(?:kindly\s+)?(?:offered|agreed|volunteered|promised)\s+to|{_THEY}{_WOULD}\s+(?:happily|gladly)|"
    rf"{_THEY}(?:\s+is|'s)\s+(?:happy|glad|up for it)\s+to)\s+(?:(?:happily|gladly|definitely|def|totally|"
    r"certainly|kindly)\s+)?(?P<vp>.+)$", _I)
# what a "said she'd …" is when it isn't something to take up: a refusal, a state, a plan of their own
_NOT_AN_OFFER = rx.compile(r"^(?:not|never|rather|prefer|be|been|love|hate|already|probably|maybe|might|possibly|"
                           r"have(?!\s+(?!gone\b|been\b|had\b|done\b|got\b)(?:\w+\s+){1,2}(?:round|over)\b)|"
                           r"had|get married|move|leave|retire|go|"
                           r"come back)\b", _I)
# what they'll do on their own side is theirs to do, not an offer to take up ("she'll check with her boss")
_THEIR_OWN = rx.compile(
    r"^(?:check|think|get back|come back|let (?:me|us) know|be in touch|get in touch|confirm|decide|see|ask|"
    r"talk to|speak to|run it|discuss|review (?:it|w|with)|loop|reach out|ping|email me|call me|text me|message me|"
    r"send (?:it|them) (?:to|over)|sleep on|consider|maybe|might|probably|possibly|try to|have a think|look into|"
    r"follow up|find out|keep (?:me|us) posted|keep an eye|reply|respond|mention|raise it|chat to|chat with|"
    r"pass it on|float it|put it to|run it by|sort it|work it out|figure)\b", _I)
# "ask how he handled duty + pub pricing": the member's question, put to them
_ASK_WH = rx.compile(r"^ask\s+(?:(?:him|her|them)\s+)?(?P<q>(?:how|what|when|where|which|who|why)\b.+)$", _I)
# "said he'd email details": theirs to send, something to look forward to
_THEY_SEND = rx.compile(r"^(?:email|send|forward|text|post|share|dm)\s+(?:(?:me|us)\b\s*)?(?P<np>(?!me\b|us\b).+)$", _I)
# "would love him to review my chapter draft", "ask her if she'd mentor me"
_WISH_DO = rx.compile(
    r"^(?:i\s*'?d|i would|would|i|we'?d|we would|we)?\s*(?:really\s+|so\s+)?(?:love|like|want|hope|hoping)\s+"
    r"(?:for\s+)?(?:him|her|them)\s+to\s+(?P<vp>.+)$|"
    rf"^ask\s+(?:him|her|them)\s+(?:to\s+|(?:if|whether)\s+{_THEY}(?:'d|\s+would|\s+could|\s+can|\s+will)\s+)"
    r"(?P<vp2>.+)$", _I)
# "would love a quote from him for our report", "need a reference from her"
_WISH_THING = rx.compile(
    r"^(?:i\s*'?d|i would|would|i|we'?d|we would|we)?\s*(?:really\s+|so\s+)?(?:love|like|want|need)\s+"
    r"(?P<np>(?:a|an|some|the|his|her|their)\s+[^,;]+?)\s+(?:from|off)\s+(?:him|her|them)"
    r"(?P<tail>\s+(?:for|on|about)\s+[^,;]+)?$", _I)
_TO_DO = r"(?:i\s+|i'll\s+|ill\s+)?(?:need to|should|must|have to|gotta|got to|want to|will|to)?\s*"
# "need to book her in for careers week 3-7 March"; "want her for Efua's naming day in Aug"
_BOOK = rx.compile(rf"^{_TO_DO}(?:book|get)\s+(?:him|her|them)(?:\s+in)?\s+for\s+(?P<np>.+)$", _I)
_WANT_FOR = rx.compile(r"^(?:i\s+|we\s+)?(?:want|need|would love|'d love)\s+(?:him|her|them)\s+for\s+(?P<np>.+)$", _I)
# "I asked if MOQ can go down to 500": theirs to answer
_ASKED_IF = rx.compile(r"^(?:(?:i|we)\s+asked|ask)\s+(?:(?:him|her|them)\s+)?(?:if|whether)\s+(?P<q>.+)$", _I)
# "said give me a call next week": they asked the member to call
_CALL_ME = rx.compile(rf"^(?:{_THEY}\s+)?(?:said|says|told me)\s+(?:to\s+)?(?:give (?:me|us) a (?:call|ring|bell)|"
                      r"call (?:me|us)|ring (?:me|us)|phone (?:me|us))(?P<rest>.*)$", _I)
_WHEN = rx.compile(r"\b(?:next (?:week|wk|month)|this week|this weekend|tomorrow|"
                   r"(?:on )?(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\b", _I)
# "get back to him w my numbers", "I committed to sending our draft map for her comments"
_GET_BACK = rx.compile(rf"^{_TO_DO}(?:get back|come back|circle back)\s+to\s+(?:him|her|them)\s+(?:w/?|with)\s+"
                       r"(?P<np>(?:my|our|the)\s+.+)$", _I)
_COMMITTED = rx.compile(r"^(?:i|we)\s+(?:committed|agreed|promised)\s+to\s+(?:send(?:ing)?|shar(?:e|ing)|"
                        r"email(?:ing)?)\s+(?:(?:him|her|them)\s+)?(?P<np>(?:my|our|the|a|an)\s+.+)$", _I)
_FOR_COMMENTS = rx.compile(r"\s+for (?:your|you to) (?P<what>comments|feedback|thoughts|input|review|sign-off)$", _I)
# "I offered to do the printing for their raffle", "i said i'd help with the move"
_MY_OFFER = rx.compile(r"^(?:i|we)\s+(?:(?:offered|volunteered|agreed)\s+to|said (?:i'?d|we'?d|i would|we would))\s+"
                       r"(?P<vp>(?!(?:think|check|see|ask|consider|get back|let (?:her|him|them) know|"
                       r"pass(?!\s+(?:on|along))|rather|"
                       r"prefer|love|like|never|not|be|have|had|already)\b).+)$", _I)
_SEND_IT = rx.compile(r"\b(?:said|promised)\s+(?:i'?d|id|i would|i'?ll|i will)\s+(?:send|email|share|forward|"
                      r"whatsapp|text|post)\s+(?:it|them|that)\b|\bi'?ll (?:send|email|forward|whatsapp) (?:it|them)\b|"
                      r"(?:^|[.;!]\s*|\s-\s)(?:pls\s+|will\s+)?send(?:\s+(?:it|them|asap|today|pls))?\W*$",
                      _I)  # "needs bibtex. send": the member's to-do, what they need
# a thing that goes by email or post: what "here's X, as promised" can be said of
_DOCUMENT = _words("bibtex citation template doc docs document documents deck spreadsheet sheet file files form forms "
                   "list report plan "
                   "link links guide notes slides draft contract agreement checklist copy photos pics pictures "
                   "numbers figures invoice quote brochure cv resume portfolio video recording recipe map maps "
                   "summary paper papers article chapter proposal spec specs cert certificate certificates reel "
                   "playlist mix set catalogue catalog menu handout worksheet minutes budget breakdown case study "
                   "writeup write-up one-pager blog post post repo code script dataset data schedule rota timetable "
                   "drawing drawings sketch sketches plans receipts receipt")
_I_SEND = rx.compile(r"^(?:send|share|email|forward|pass on)\s+(?:(?:him|her|them)\s+)?(?P<np>.+)$", _I)
_WANT = (r"^(?:i\s+|we\s+)?(?:really\s+)?(?:want|need|would love|would like|'d love|'d like|wanna|hoping for|"
         r"hope to get)")
# "want her take on pricing tiers", "need his advice for my sister's noodle bar"
_THEIR_VIEW = rx.compile(rf"{_WANT}\s+(?:his|her|their)\s+(?P<what>take|advice|view|views|thoughts|opinion|input|"
                         r"feedback|eyes|perspective|read)\s+(?P<prep>on|about|for|re|with)\s+(?P<x>.+)$", _I)
# "want referral for staff eng role", "need an intro to her CTO", "want a quote for the roof"
_FAVOUR = rx.compile(rf"{_WANT}\s+(?:a\s+|an\s+)?(?:(?P<to>intro|introduction)\s+to|"
                     r"(?P<what>referral|reference|quote|recommendations?)\s+for)\s+(?!(?:him|her|them|you)\b)"
                     r"(?P<x>.+)$", _I)
_FAVOURS = {"referral": "Would you be open to referring me for {x}?",
            "intro": "Would you be open to introducing me to {x}?",
            "reference": "Would you be willing to give me a reference for {x}?",
            "quote": "Could you give me a quote for {x}?",
            "recommendation": "Would you be willing to recommend me for {x}?",
            "recommendations": "Could you recommend any {x}?"}
# "want her as guest speaker for MSc seminar in nov"
_WANT_AS = rx.compile(rf"{_WANT}\s+(?:him|her|them)\s+as\s+(?:(?:a|an|our|my)\s+)?(?P<x>.+)$", _I)
# "want to ask for 30 min re switching", "want to know who runs the waiting list", "want to visit the farm"
_WANT_TO = rx.compile(rf"{_WANT}\s+to\s+(?:ask\s+(?:(?:him|her|them)\s+)?(?P<ask>for|about|abt|re)\s+|"
                      r"(?P<verb>visit|see|try|hear about|learn about|borrow|join|meet|interview|hire|book|"
                      r"commission)\s+|"
                      r"(?P<know>know|find out)\s+(?=(?:who|what|when|where|how|why|which|whether|if)\b))"
                      r"(?P<x>.+)$", _I)
# "need samples + MOQ + lead time for ~200 units", "need last 2 yrs accounts": what only they can send
_NEED_INFO = rx.compile(r"^(?:i\s+|we\s+)?(?:still\s+)?need\s+(?!to\b|a\s+new\b|my\b|our\b|help\b)"
                        r"(?P<np>[^,;?]+?)(?:\s+first)?$", _I)
_MINE_TO_DO = rx.compile(r"\b(?:attached|signed|done|ready|filled|sorted|updated|printed|fixed|finished|sent|submitted|"
                         r"approved|checked|cleared|translated|written|booked)\b", _I)
_INFO = _words("samples sample quote quotes prices price pricing moq lead time availability accounts numbers figures "
               "details dates spec specs brochure catalogue catalog contract invoice forms form address menu timetable "
               "schedule rates rate card breakdown estimate estimates measurements references agenda")
_MINUTES = rx.compile(r"^(?:i\s+|we\s+)?(?:need|want|would love|'d love)\s+(?P<n>\d{1,2})\s*(?:min|mins|minutes)\s+"
                      r"(?:of\s+)?(?:your\s+|his\s+|her\s+|their\s+)?(?P<what>advice|time|help|input|feedback)\b", _I)
_ASK_LEAD = r"^(?:need to |must |gotta |to )?ask\s+(?:(?:him|her|them)\s+)?"  # "need to ask her …"
# "ask price", "ask about rates": the member's question, bare
_ASK_BARE = rx.compile(_ASK_LEAD + r"(?:about\s+|abt\s+|re\s+)?"
                       r"(?P<x>(?:(?:day|daily|hourly)\s+)?(?:price|prices|rates?|fees?|availability|avail|lead times?|"
                       r"dates?|costs?)\b.*|"
                       r"(?:whether|if|who|what|when|where|how)\s+\w+.*)$", _I)
# "ask quote for 40 ppl, 14 nov", "ask for a rough estimate": what they'd charge, for what
_ASK_QUOTE = rx.compile(_ASK_LEAD + r"(?:for\s+)?(?:an?\s+)?"
                        r"(?P<rough>rough\s+)?(?P<what>quote|estimate)\b\s*(?:(?:for|on)\s+)?(?P<x>.+)?$", _I)
_ASK_TO_MEET = rx.compile(r"^(?:ask|suggest|propose)\s+(?:(?:him|her|them)\s+)?"
                          r"(?:for\s+|to\s+(?:meet for\s+|grab\s+)?)?(?:a\s+)?"
                          r"(?P<what>coffee|lunch|drinks|call|chat|beer|walk)\b(?P<rest>.*)$", _I)
# "15 min call?", "video call?", "or coffee thurs?": a clause that is only the next step
_CALL_Q = rx.compile(r"^(?:or\s+)?(?:a\s+)?(?:\d+\s*(?:min|mins|minute)s?\s+|quick\s+)?(?P<what>video call|phone call|"
                     r"call|zoom|coffee|lunch|drinks|beer|walk)(?:\s+(?:next (?:week|wk)|this week|tomorrow|"
                     r"(?:on )?(?:mon|tues?|wed|thu|thurs|fri|sat|sun)\w*))?$", _I)
_CUT = rx.compile(r"\s+(?:if|once|when|since|because|coz|cos|as|so that|so|but|and (?:might|maybe|may|possibly)|lol|"
                  r"haha|tbh|i think|apparently)\b.*$|\s*[,;(].*$|\s+[-–—]\s+.*$", _I)
_HEDGED = rx.compile(r"\b(?:maybe|might|possibly|probably|perhaps|not sure)\b|\?", _I)


def _phrase(text: str, names: frozenset[str], limit: int = 10) -> str | None:
    """A clause's rest as a phrase to the contact, cut at its condition or aside; None when it can't be one."""
    cut = _CUT.sub("", text.strip()).strip(" .!")
    if not cut or _HEDGED.search(cut):
        return None
    return you_form(cut, names, limit)


# acronyms of things, which take "the" ("the MOQ"), unlike the acronyms of names ("IBM", "NASA")
_THING_ACRONYMS = r"(?:MOQ|SLA|NDA|MOU|API|SDK|RFP|RFQ|PO|ETA|KPI|ROI|SOW|DPA|T&Cs|CV|EP|PR|MVP|POC)"


def _with_article(clause: str) -> str:
    """'MOQ can go down to 500' → 'the MOQ can go down to 500': an acronym of a thing opening a question."""
    return re.sub(rf"^(?={_THING_ACRONYMS}s?\b)", "the ", clause)


def _read(clause: str, names: frozenset[str]) -> Found:
    """What one clause says, as Reading fields; empty when no frame fits."""
    plain = _unname(clause, names)  # "Olu said he'd …" reads as "she said he'd …"
    if re.match(_MINE_TO_THEM, clause, _I) and (vp := _phrase(re.sub(r"^([\w-]+)\s+(?:him|them|her)\b", r"\1 you",
                                                                      clause[len("offered to "):]), names)):
        return {"my_offer_to": vp}  # "offered to mentor her monthly": the member's offer, made to them
    if (m := _THEIR_OFFER.match(plain)) and not _THEIR_OWN.match(m["vp"]) and not _NOT_AN_OFFER.match(m["vp"]):
        if (sent := _THEY_SEND.match(m["vp"])) is not None:
            if re.search(r"\s(?:to|with)\s+(?:the|his|her|their|a|an|[A-Z])", sent["np"]):
                return {}  # "she'd forward my CV to the team lead": theirs to pass on, not to send the member
            found = thing(_CUT.sub("", sent["np"]), names)
            return {"expect": found} if found else {}
        vp = _phrase(m["vp"], names, 12)
        return {"their_offer_to": vp} if vp else {}
    if m := _WISH_DO.match(plain):
        vp = _phrase(m["vp"] or m["vp2"], names)
        return {"ask": f"Would you be willing to {vp}?"} if vp and not _NOT_AN_OFFER.match(vp) else {}
    if m := _WISH_THING.match(plain):
        np, tail = you_form(m["np"], names, 6), you_form(m["tail"].strip(), names, 8) if m["tail"] else ""
        return {"ask": f"Could I ask you for {np}{' ' + tail if tail else ''}?"} if np and tail is not None else {}
    if m := _BOOK.match(plain) or _WANT_FOR.match(plain):
        np = _phrase(m["np"], names, 9)
        if not np:
            return {}
        return {"ask": f"Could I book you in for {np}?" if m.re is _BOOK else f"Would you be free for {np}?"}
    if m := _ASKED_IF.match(clause):
        q = _phrase(m["q"], names, 10)
        return {"ask": f"Could you let me know whether {_with_article(q)}?"} if q else {}
    if m := _CALL_ME.match(plain):
        when = _WHEN.search(m["rest"] or "")
        return {"next_step": f"a call {when[0].lower()}" if when else "a call"}
    if m := _GET_BACK.match(plain) or _COMMITTED.match(plain):
        np = _phrase(m["np"], names, 9)
        if not np:
            return {}
        deliver = re.sub(r"^my\s+", "the ", np)  # "w my numbers": "here are the numbers I mentioned"
        if (why := _FOR_COMMENTS.search(deliver)) is None:
            return {"deliver": deliver}
        return {"deliver": deliver[:why.start()],  # "our map for her comments": sent, and the comments asked for
                "ask": f"I'd welcome your {why['what']} when you have a moment: would that be possible?"}
    if m := _MY_OFFER.match(clause):
        if (sends := _I_SEND.match(m["vp"])) is not None:  # "i said id send the photos": sent now, not offered again
            found = thing(_CUT.sub("", sends["np"]), names)
            return {"deliver": found} if found else {}
        vp = _phrase(m["vp"], names)
        return {"my_offer_to": vp} if vp and re.match(r"[a-z]+\b", vp) and not re.match(
            r"(?:on|at|in|to|with|for|by|of|your|the|a|an)\b", vp) else {}  # "agreed on a price": no deed
    return _wish(clause, names)


def _agree(verb: str) -> str:
    """A verb said of "he" or "she", said of "you": "charges" → "charge", "has" → "have"."""
    irregular = {"has": "have", "is": "are", "was": "were"}
    if verb.lower() in irregular:
        return irregular[verb.lower()]
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("ches", "shes", "sses", "xes", "oes")):  # "goes" → "go"
        return verb[:-2]
    return verb[:-1]


def _wish(clause: str, names: frozenset[str]) -> Found:
    """What the member wants of them, in the words notes use for it: "want her take on pricing tiers", "want
    referral for the staff role", "want to know who runs the waiting list", "ask price", "15 min call?"."""
    if m := _ASK_WH.match(clause):
        q = _CUT.sub("", m["q"]).strip(" .!")
        for them, you in ((r"(?:he|she|they)['’]s", "you're"), (r"(?:he|she|they)\s+(?:does|do)", "you do"),
                          (r"(?:he|she|they)", "you"), (r"(?:his|their|her)", "your"), (r"(?:him|them)", "you")):
            q = re.sub(rf"\b{them}\b", you, q, flags=_I)
        q = re.sub(r"\byou (has|is|was|\w+?(?:ies|ches|shes|sses|xes|oes|(?<![su])s))\b",
                   lambda v: "you " + _agree(v[1]), q)
        q = expand(q)
        ok = q and len(q.split()) <= 10 and not _HEDGED.search(q) and not (set(q.lower().split()) & names)
        return {"ask": f"Could I ask {q}?"} if ok else {}
    if m := _THEIR_VIEW.match(clause):
        x = _phrase(m["x"], names, 9)
        if x and re.search(r"\b(?:switch|move|transition|pivot)$", x) and not re.match(r"(?:the|my|a|an|your)\b", x):
            x = f"my {x}"  # "her take on analyst -> ML eng switch": the member's own move
        return {"ask": f"Could I get your {m['what'].lower()} {m['prep'].lower()} {x}?"} if x else {}
    if m := _FAVOUR.match(clause):
        x = _phrase(m["x"], names, 9)
        if not x or re.match(r"(?:fix|get|apply|do|make|build|cover|pay|help|find|replace|repair)\b", x, _I):
            return {}  # "a quote to fix the roof": a verb after "for" is no noun to fit the sentence
        what = "intro" if m["to"] else m["what"].lower()
        return {"ask": _FAVOURS[what].format(x=x if what == "intro" or what == "recommendations" else _the(x))}
    if m := _WANT_AS.match(clause):
        x = _phrase(m["x"], names, 9)
        return {"ask": f"Would you consider being {_a(_the(x).removeprefix('the '))}?"} if x else {}
    if m := _WANT_TO.match(clause):
        x = _phrase(m["x"], names, 10)
        if not x:
            return {}
        if m["know"]:
            return {"ask": f"Could you tell me {x}?"}
        if m["ask"]:
            return {"ask": f"Could I ask you {'for' if m['ask'].lower() == 'for' else 'about'} {x}?"}
        return {"ask": f"I'd love to {m['verb'].lower()} {x}: would that be possible?"}
    if m := _MINUTES.match(clause):  # "I need 30 min of advice before our pricing review"
        what = "some advice" if m["what"].lower() == "advice" else "your " + m["what"].lower()
        return {"ask": f"Could I borrow {m['n']} minutes of your time for {what}?" if what != "your time" else
                f"Could I borrow {m['n']} minutes of your time?"}
    need = _NEED_INFO.match(clause)
    head = re.split(r"\s+(?:of|for|before|on|about|from|by|in|with)\s+", need["np"], flags=_I)[0] if need else ""
    if need and not _MINE_TO_DO.search(need["np"]) and {w.lower().strip(",") for w in head.split()} & _INFO:
        m = need  # "need samples + MOQ …" (never "need my accounts done", "need 30 min of advice before …")
        np = _phrase(re.sub(r"~\s*(?=\d)", "about ", m["np"]), names, 14)
        if np:  # "need samples + MOQ + lead time for ~200 units": theirs to send, asked for once, plainly
            np = re.sub(r"^(.+?) and (.+?) and ", r"\1, \2 and ", np)
            return {"ask": f"Could you send me {_the(np)}?"}
    if m := _ASK_QUOTE.match(clause):
        what = f"{'a rough' if m['rough'] else 'a' if m['what'].lower() == 'quote' else 'an'} {m['what'].lower()}"
        x = _phrase(m["x"], names, 8) if m["x"] else None
        if m["x"] and not x:
            return {}
        x = _the(re.sub(r" and (?!the |a |an |my |our )", " and the ", x)) if x and not re.match(r"\d", x) else x
        return {"ask": f"Could you send me {what}{' for ' + x if x else ''}?"}
    if m := _ASK_BARE.match(clause):
        x = _phrase(m["x"], names, 8)
        return {"ask": f"Could you let me know {_your(x)}?"} if x else {}
    if m := _ASK_TO_MEET.match(clause):  # "Ask for coffee", "suggest lunch next week"
        when = _WHEN.search(m["rest"] or "")
        what = m["what"].lower()
        what = f"a {what}" if what in ("call", "chat", "beer", "walk") else what
        return {"next_step": f"{what} {when[0].lower()}" if when else what}
    if m := _CALL_Q.match(clause):
        when = _WHEN.search(clause)
        what = m["what"].lower()
        what = "a call" if what in ("call", "zoom", "video call", "phone call") else f"a {what}" if what in (
            "beer", "walk") else what
        return {"next_step": f"{what} {when[0].lower()}" if when else what}
    return {}


def _the(phrase: str) -> str:
    """'staff engineer role' → 'the staff engineer role'; also after a 'for'/'to' inside ('guest speaker for MSc
    seminar' → '… for the MSc seminar'): a bare noun phrase in a note reads as a definite one in a message."""
    bare = (r"(?!(?:a|an|the|my|our|your|his|her|their|this|that|some|any|me|you|us|him|them|about|around|roughly|"
            r"over|under|up|one|two|three|four|five|six|seven|eight|nine|ten)\b)"
            rf"(?=[a-z]|{_THING_ACRONYMS}\b|[A-Z][A-Za-z]{{1,4}}\s+[a-z])")  # "the MSc seminar", never "the IBM"
    phrase = re.sub(rf"\b(for|to|on|at)\s+{bare}(?![a-z]+ing\b)(?!\d)", r"\1 the ", phrase)
    return re.sub(rf"^{bare}(?![a-z]+ing\b)(?!\d)", "the ", phrase)


def _a(phrase: str) -> str:
    """'mentor' → 'a mentor', 'ambassador' → 'an ambassador', 'uni ambassador' → 'a uni ambassador'."""
    if re.match(r"(?:a|an|the|my|our|your)\b", phrase, _I):
        return phrase
    vowel_sound = re.match(r"(?:[aeio]|u(?!ni|se|su|ro|ti)|hour|honou?r|honest|heir)", phrase, _I) is not None
    return ("an " if vowel_sound else "a ") + phrase


def _your(phrase: str) -> str:
    """'price' → 'your price', 'whether half plots exist' stays: what the question asks for, addressed."""
    return phrase if re.match(r"(?:a|an|the|my|our|your|if|whether|who|what|when|where|how|why|which)\b", phrase,
                              _I) else f"your {phrase}"


def fill_in(r: Reading, notes: str | None, contact_name: str | None = None) -> Reading:
    """The reading with what the open frames find, when the shape readers found no point and no stop."""
    if not notes or r.stop or r.wait or _CALLED_OFF.search(notes):
        return r  # "said she'd refer me → later said req is frozen": no frame reads the offer back in
    note_clauses = _clauses(notes)
    if any(NOT_MEANT.search(c) for c in note_clauses):
        return r  # "said she'd read my manuscript?? prob didnt mean it": held to nothing
    names = contact_names(contact_name)
    if r.need and not (r.deliver or r.later) and _SEND_IT.search(notes) and is_document(r.need, names):
        # "needs expense template v2 by fri. said id send it today": what they need is what the member sends
        return replace(r, deliver=(re.sub(r"^(?:an?)\s+", "the ", r.need),), need=None)
    if replace(r, thanks=None).has_point or (r.thanks or "").startswith("offering"):
        return r
    found: Found = {}
    for clause in note_clauses:
        found = {**_read(clause, names), **found}  # the first clause that says it wins
    if not found:
        return r
    deliver = found.get("deliver")
    return replace(r, their_offer_to=found.get("their_offer_to"), my_offer_to=found.get("my_offer_to"),
                   ask=found.get("ask"), next_step=found.get("next_step"), expect=r.expect or found.get("expect"),
                   deliver=(deliver,) if deliver else r.deliver)


def is_document(phrase: str, names: frozenset[str] = frozenset()) -> bool:
    """Whether the phrase names a thing that goes by email or post ("the expense template v2", "the glacier
    photos"), not a person, a piece of furniture or a service."""
    found = thing(phrase, names)
    if found is None:
        return False
    head = re.split(r"\s+(?:of|for|on|about|from|to|in|with|under|at|by)\s+", found, flags=_I)[0]
    words = {w.lower().strip(",.") for w in re.split(r"\s+(?:and|\+)\s+|\s+", head)}
    return bool(words & _DOCUMENT) or bool(re.search(r"\b(?:case study|one-pager|blog post|write-up)\b", head, _I))


# Words that mark something still to do in a clause: a want, a need, an ask, an offer, a promise, a date to meet.
_OPEN = rx.compile(
    r"\b(?:wants?|wanted|need(?:s|ed)?|ask(?:ed|ing)?|offer(?:s|ed)?|send|promis(?:e|ed|es)|owe|deadline|quote|"
    r"price|intro(?:duction)?|referral|reference|template|apply|applying|borrow|lend|spare|pilot|look over|"
    r"review)\b(?!\s+to\s+(?:stay|keep|catch)\b)", _I)
# a word that is denied ("nothing promised", "didn't ask for anything"), past or passive ("was offered a job",
# "used to review grants"), a topic ("talked about the price of houses") or their own step ("she'd need to check")
_NONE_OPEN = rx.compile(r"(?:\b(?:no|nothing|not|never|without|didn'?t|did not|don'?t|doesn'?t|was|were|been|got|"
                        r"used to|about|abt|re)\s+(?:\w+\s+)?|\b(?:she|he|they)(?:'d|'ll|\s+would|\s+will)\s+)$", _I)


def open_item(notes: str | None) -> str | None:
    """The first clause of the notes that holds something still to do ("want to know if theyd take milk from
    a 60 cow herd"), read by words alone: the question quotes it when no reader could say who does what.
    A word that is denied ("nothing promised", "no ask either way") opens nothing."""
    for clause in _clauses(notes or ""):
        if _OWED_THANKS.search(clause):
            continue  # "owe her a proper thank you": the thank-you is the message
        for found in _OPEN.finditer(clause):
            if not _NONE_OPEN.search(clause[:found.start()]):
                return _whole_line(clause, notes or "") if len(clause.split()) <= 2 else clause
    return None


def _whole_line(clause: str, notes: str) -> str:
    """A clause too short to quote alone ("ask"), with the rest of its line: "light meter dodgy? ask"."""
    for line in notes.splitlines():
        if len(line) <= 90 and re.search(rf"\b{re.escape(clause)}\W*$", line.strip(), re.IGNORECASE):
            return line.strip()
    return clause


_OWED_THANKS = rx.compile(r"\bowe (?:him|her|them)\s+(?:an?\s+)?(?:proper\s+|big\s+|huge\s+|real\s+)?"
                          r"(?:thank[- ]?you|thanks|thx)\b", re.IGNORECASE)
_REMINDER = rx.compile(r",?\s+(?:NOT|NEVER)\s+\S.*$")  # "deck v7 NOT v6": in capitals, a word to oneself


def without_reminders(r: Reading) -> Reading:
    """The reading with the words the member shouted at themselves cut from the things the message sends or
    names ("my two best eps, NOT the 90-min one" → "my two best eps"); questions and reasons keep every word."""
    things = {"deliver", "later", "their_offer", "deliver_do", "need", "expect"}
    changes: dict[str, object] = {}
    for f in fields(r):
        value = getattr(r, f.name)
        if f.name not in things:  # a question keeps its NOT: "ask why the council did NOT renew the grant"
            continue
        if isinstance(value, str) and (cut := _REMINDER.sub("", value)) and cut != value:
            changes[f.name] = cut
        elif isinstance(value, tuple) and any(isinstance(v, str) and _REMINDER.search(v) for v in value):
            changes[f.name] = tuple(_REMINDER.sub("", v) or v if isinstance(v, str) else v for v in value)
    return replace(r, **changes) if changes else r  # type: ignore[arg-type]


# --- a favour they did the member ---------------------------------------------------------------------------
# The shape readers thank a few verbs ("fixed my …", "lent me …", "helped me with …"); fresh notes tell what the
# contact did in many more ("kept me sane 3hrs while dad got seen", "explained cancel-safety to me", "did the art for
# our jam game", "spent an hour helping me w/ the borrow checker"). A past verb of help, done to or for the member
# (me, us, my, our, or family looked after), is thanked for.
_DONE_FOR_ME = {  # the one-word verbs of `purpose._FAVOUR_GERUND`, and more
    **{past: ing for past, ing in _FAVOUR_GERUND.items() if " " not in past},
    "helped": "helping", "explained": "explaining", "answered": "answering", "showed": "showing",
    "taught": "teaching", "walked": "walking", "talked": "talking", "drove": "driving", "lent": "lending",
    "loaned": "lending", "repaired": "repairing", "mended": "mending", "watered": "watering", "fed": "feeding",
    "minded": "minding", "did": "doing", "made": "making", "cooked": "cooking", "baked": "baking",
    "saved": "saving", "introduced": "introducing", "connected": "connecting", "suggested": "suggesting",
    "edited": "editing", "checked": "checking", "carried": "carrying", "moved": "moving", "picked": "picking",
    "dropped": "dropping", "translated": "translating", "let": "letting", "held": "holding",
    "squeezed": "squeezing", "kept": "keeping", "looked": "looking", "spent": "spending", "stayed": "staying",
    "waited": "waiting", "welcomed": "welcoming", "guided": "guiding", "coached": "coaching",
    "calmed": "calming", "rescued": "rescuing", "unblocked": "unblocking", "debugged": "debugging",
    "paced": "pacing",
}
_TIPS_THANKED = rx.compile(r"(?:^|[\n.;/]\s*)(?P<x>(?!(?:need|needs|ask|asked|want|wants|no|more|any|get|getting|"
                           r"for|some|her|his|their)\b)(?:[\w'-]+\s+){0,3}(?:tips|advice|pointers|recs|feedback))"
                           r"\s*(?:[\U0001F64C\U0001F64F\u2764\u2665\U0001F44D]|!!)", re.IGNORECASE)
_GIFT = ("gave", "brought", "gifted")  # "gave me 2 courgette plants + tons of advice": thanks for the first thing
_VERB = "|".join(sorted((*_DONE_FOR_ME, *_GIFT), key=len, reverse=True))
_FAVOUR_DONE = rx.compile(
    rf"^(?:(?:she|he|they)\s+)?(?:(?:kindly|also|even|literally|actually|really|basically|just|then)\s+)?"
    rf"(?P<verb>{_VERB})\s+(?P<rest>.+)$", _I)
# the member (or the member's family, looked after) on the receiving end
_TO_ME = rx.compile(r"^(?:me|us|my|our)\b|^at\s+(?:my|our)\b|\b(?:for|to|with|w/?|on|in)\s+(?:me|us|my|our)\b|"
                    r"\b(?:helping|showing|"
                    r"teaching|walking|talking|driving)\s+(?:me|us)\b|^after\s+(?:my\s+|our\s+)?(?:mum|mom|dad|mother|"
                    r"father|nan|gran|grandma|grandad|kids?|son|daughter|boy|girl|wife|husband|partner|dog|cat)\b", _I)
# what isn't a favour to thank: a denial, a hedge, a plan, a complaint, contact details, what the member did
_NOT_FAVOUR = rx.compile(r"\b(?:not|never|didn'?t|did not|won'?t|might|maybe|prob|probably|will|going to|gonna|"
                         r"wrong|late|again\?|number|no\.|email|mobile|card|details|waiting|hanging|on hold)\b|\?|"
                         r"^(?:look|looked)\s+(?!after\b|over\b|at\s+(?:my|our)\b)|"
                         r"^(?:let|held|kept|spent|stayed|waited)\s+(?!me\b|us\b|my\b|our\b|late\b|"
                         r"(?:like\s+|about\s+|almost\s+|over\s+)?(?:an?|\d+|two|three|ages|hours|the (?:whole|entire))"
                         r"\b)", _I)
_DURATION = rx.compile(r"^(?:like\s+|about\s+|almost\s+|over\s+)?(?:an?|\d+|two|three|the (?:whole|entire))\s+"
                       r"(?:hour|hours|hrs?|h|evening|afternoon|morning|day|days|weekend|mins?|minutes)\s+"
                       r"|^(?:ages|hours)\s+", _I)
_ASIDE = rx.compile(r"\s+(?:while|when|whilst|because|coz|cos|since|after|before|so that|(?:i\s+)?owe)\s.*$|,.*$|"
                    r"\s+right (?:there|then)\b.*$|"
                    r"\s+(?:so|really|sooo*|v|very)\s+(?:well|much|kindly|patiently|fast|quickly)\b.*$|\s+(?:\d+\s*(?:hrs?|hours|mins?)|"
                    r"all (?:day|night|evening|afternoon|week|weekend)|twice|again|lol|tbh)\W*$|[^\w')]+$", _I)
_THANKED = rx.compile(r"\b(?:sent|said|texted|emailed|already said|gave (?:him|her|them))\s+(?:my\s+)?(?:thanks|thx|ty|"
                      r"a thank[- ]?you)\b|\bthanked (?:him|her|them)\b|\bthanks already\b", _I)


def _favour_done(clause: str, names: frozenset[str]) -> str | None:
    """'kept me sane 3hrs while dad got seen' → 'keeping me sane'; None when the clause is no favour to them."""
    words = clause.split()
    while len(words) > 1 and words[0].lower().strip(".") in names | {"mrs", "mr", "ms", "dr", "prof", "auntie", "aunty",
                                                                    "uncle"}:
        words = words[1:]  # "Mrs Okafor lent me …": what she did, with her name before it
    m = _FAVOUR_DONE.match(_unname(" ".join(words), names))
    if m is None or _NOT_FAVOUR.search(m["rest"]) or _NOT_FAVOUR.match(f"{m['verb']} {m['rest']}"):
        return None
    verb, rest = m["verb"].lower(), m["rest"].strip()
    while (cut := _ASIDE.sub("", rest).strip(" .!")) != rest:  # "sane 3hrs while dad got seen": each aside off
        rest = cut
    if verb == "spent":  # "spent an hour helping me w/ X": the help, with the time given to it
        spent = _DURATION.match(rest + " ")
        if spent is None or not re.match(r"(?:helping|showing|walking|talking|fixing|debugging)\b",
                                         rest[spent.end():], _I):
            return None
        return _favour_done(rest[spent.end():].replace("ing ", "ed ", 1), names)  # "helping me" read as "helped me"
    if verb in _GIFT:
        gift = re.match(r"(?:me|us)\s+(?P<x>.+)$", rest, _I)
        first = re.split(r"\s+(?:and|\+|&|with|w/?)\s+|,\s*", gift["x"], maxsplit=1)[0] if gift else ""
        if not first or (x := you_form(re.sub(r"^(?:an?|some)\s+", "", first), names, 5)) is None:
            return None
        return x if re.match(r"(?:the|your|my|our)\b", x, _I) else f"the {x}"
    family = verb == "looked" and re.match(r"after\s", rest, _I) is not None
    if family and re.match(r"after\s+(?!my\b|our\b)\w", rest, _I):
        rest = "after my " + rest.split(None, 1)[1]  # "looked after mum so well": the member's mum
    if re.match(r"(?:him|her|them)\b", rest, _I):
        return None  # "helped her w lifetimes q": the member's help to them, not theirs
    if verb == "helped" and not re.match(r"(?:me|us)\b", rest, _I):
        rest = re.sub(r"^(?=[a-z]+\s)(?!with\b|w/|on\b)", "me ", rest)  # "helped move the sofa": helped me move it
    elif not _TO_ME.search(rest):
        return None
    rest = re.sub(r"\s+(?:hell|nightmare|mess|drama)$", "", rest, flags=_I)  # "borrow checker hell": the checker
    rest = re.sub(r"\bqs\b", "questions", re.sub(r"\bq\b", "question", rest.replace("'", "").replace('"', "")))
    if re.search(r"\bthem\b", rest, _I):
        return None  # "showed me how to split them": whose "them" only the note before says
    if verb in ("talked", "walked") and not re.match(r"(?:me|us)\s+(?:through|thru)\b", rest, _I):
        return None  # "talked me through the forms" is help; "talked our …" is a chat
    if (phrase := you_form(rest, names, 9, asked_of_me=family)) is None:
        return None
    return f"{_DONE_FOR_ME[verb]} {phrase}"


def thank_favour(r: Reading, notes: str | None, contact_name: str | None = None) -> Reading:
    """The reading with thanks for the first favour the notes say they did, when no reader thanked one yet."""
    if not notes or r.thanks or r.stop or _THANKED.search(notes):
        return r
    names = contact_names(contact_name)
    if (tips := _TIPS_THANKED.search(notes)) is not None:  # "heel hook tips 🙌": advice they gave, gladly noted
        return replace(r, thanks=f"the {expand(tips['x'].strip().lower())}")
    for clause in _clauses(notes):
        for part in (clause, *re.split(r",\s+", clause)[1:]):  # "chaired our session, rescued my demo": the second
            if (favour := _favour_done(part, names)) is not None:
                return replace(r, thanks=favour)
    return r
