"""A sale between the member and the contact, read from the notes: what changes hands, who sells, the prices
said, whether it is settled, and when it is collected.

Second-hand sales and small quotes are common in notes, and they are terse: "selling his Prusa MK3S, wants 250.
I said 200. he'll think"; "crib $80, I'm taking it, pickup sun. bring CASH"; "wants my old groupset - offered
120, i said 140. waiting on him". The message such a note needs is the deal itself: the member's figure said
back, an agreed price confirmed, the collection arranged. A note this module can't read with confidence (a
figure still to decide, "counter w 90?", two items, no price) gives no deal, and the drafter does what it did
without one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.review import pattern_cache as rx

_I = re.IGNORECASE
CURRENCY = "[€£$¥₹₦]"  # the money signs notes use
_SIGN = CURRENCY
_WORD_MONEY = (r"(?:eur|euros?|usd|gbp|quid|bucks|dollars|pounds|zł|zl|pln|kr|sek|nok|dkk|chf|rand|pesos?|soles|cedis|"
               r"naira|rupees|yen|lei|ron|huf|czk|try|aud|cad|nzd)")
# a figure: "£250", "250", "1,800", "5k", "750 eur"; never "2.5t", "3 wks", "the 30th" or "9am"
_NUMBER = r"\d+(?:,\d{3})*(?:\.\d\d)?k?"
_NOT_MONEY_AFTER = (r"(?!\s*(?:\+|am|pm|per\b|a (?:day|week|month|night|hour)\b|h|hrs?|hours?|mins?|days?|wks?|weeks?|"
                    r"months?|yrs?|years?|kg|g|m|cm|mm|km|t|ppl|people|kids|pcs|units|of\b))")
PRICE = (rf"(?:{_SIGN}\s?{_NUMBER}|{_NUMBER}\s?(?:{_SIGN}|{_WORD_MONEY}\b)|\d+(?:\.\d)?k\b|"
         rf"\d\d+(?:,\d{{3}})*(?:\.\d\d)?k?(?![\w:/%]|\.\d){_NOT_MONEY_AFTER})")
_ITEM_WORDS = r"[\w'’.&/+-]+(?:\s+[\w'’.&/+-]+){0,3}?"
_THEY_SELL = rx.compile(rf"\b(?:selling|sells|flogging|listed|listing)\s+(?:(?:me|us)\s+)?"
                        rf"(?:(?:his|her|their|a|an|the|some)\s+)?"
                        rf"(?:(?:used|old|spare|second[- ]hand|secondhand)\s+)?(?P<item>{_ITEM_WORDS})"
                        rf"(?=\s*(?:[,.;(]|$|\s+(?:for|at|@|wants|asking|ono|o\.n\.o|obo|{PRICE})))", _I)
_FOR_SALE = rx.compile(rf"^(?:(?:his|her|their)\s+)?(?P<item>{_ITEM_WORDS})\s*(?:\s+for sale\s+)?(?:\s+-\s+|,\s*|\s+)"
                       r"(?:(?:she|he|they)\s+(?:wants|asks|asking|wanted)\s+)?"
                       rf"(?P<price>{PRICE})(?:\s+(?:ono|o\.n\.o\.?|obo|ovno|\+\s*post(?:age)?|incl\w*\s+post\w*))?"
                       r"\s*(?:[,.;]|$)", _I)
# "has NOS rear wings for '72 roadster!! wants £180": theirs to sell, once a price is asked for it
_THEY_HAVE = rx.compile(rf"(?:^|[.;\n]\s*|\b(?:she|he|they)\s+)has\s+(?:(?:an?|some|spare|old|used)\s+)*"
                        rf"(?P<item>{_ITEM_WORDS})(?=\s*(?:[,.;(!]|$|\s+for\b))", _I)
_MY_THING = rx.compile(rf"my\s+(?:(?:old|spare|used)\s+)?(?P<item>{_ITEM_WORDS})\s*(?:[-–—:,]|->|→)", _I)
_WANTS_MINE = rx.compile(rf"\b(?:wants|interested in|keen on|asked about|asked abt|wants to buy)\s+my\s+"
                         rf"(?:(?:old|spare|used)\s+)?(?P<item>{_ITEM_WORDS})(?=\s*(?:[,.;(]|$|\s+-|\s+for\b))", _I)
_ASKING = rx.compile(rf"\b(?:wants|asking|asks|asked for|listed at|price(?:d at)?|for)\s+(?P<price>{PRICE})"
                     r"(?:\s+(?:ono|o\.n\.o\.?|obo))?", _I)
# after a figure, what leaves it unsettled: "counter w 90?", "150 if he delivers", "4000 if MOT done"
_UNSETTLED = r"(?P<q>\s*\?|\s+(?:if|once|as long as|provided|only if|but only|pending|subject to)\b)?"
_MINE = rx.compile(rf"(?:^|[.;,\n]\s*|\s(?:[-–—]|->|→)\s*|\b(?:and|then)\s+)(?:i|me)\s*(?::\s*)?"
                   r"(?:said|offered|countered|bid|want|"
                   rf"counter(?:ed)?\s+(?:w|with|at)|told (?:him|her|them))\s+(?P<price>{PRICE}){_UNSETTLED}", _I)
# the member settling: "told her ok 80", "I said ok", "ok deal"; theirs: "she accepted!!", "he said yes"
_MY_OK = rx.compile(rf"(?:^|[.;,\n]\s*|\b(?:and|then)\s+)(?:(?:i\s+)?(?:said|told (?:him|her|them))\s+)?"
                    rf"(?:ok(?:ay)?|fine|deal|done)\b(?:\s*,?\s*(?P<price>{PRICE}))?(?=\W*(?:$|[.;,!]))", _I)
_THEIR_YES = rx.compile(r"\b(?:she|he|they)\s+(?:accepted|took it|said yes|agreed|said ok)\b", _I)
_BARE_OFFERED = rx.compile(rf"(?:^|[.;,\n]\s*|\s[-–—]\s*)offered\s+(?P<price>{PRICE}){_UNSETTLED}", _I)
_THEIRS = rx.compile(rf"\b(?:she|he|they)\s+(?:offered|said|bid|countered(?:\s+(?:w|with|at))?)\s+(?P<price>{PRICE})",
                     _I)
_AGREED = rx.compile(rf"\b(?:i'?m taking it|i'?ll take it|taking it\b|said i'?d take it|"
                     r"(?:^|(?<=[.;,]\s))(?:agreed|deal)(?=\W*(?:$|[.;,!]))|"
                     rf"agreed(?:\s+on)?\s+(?P<price>{PRICE})|"
                     r"deal\s+(?:done|agreed)|(?:she|he|they)\s+(?:accepted|took)\s+(?:my|the)\s+offer|"
                     rf"(?:she|he|they)\s+said\s+(?:yes|ok)\s+to\s+(?P<yes>{PRICE}))", _I)
_PENDING = rx.compile(r"\b(?:sleep on it|(?:talk|speak|check) (?:to|with|w) (?:(?:his|her|their) )?"
                      r"(?:wife|husband|partner)|"
                      r"(?:she|he|they)(?:'ll| will)\s+(?:think|let me know|get back|confirm|decide)|"
                      r"(?:she|he|they)(?:'s| is| are)\s+(?:thinking|deciding)|thinking about it|waiting(?:\s+on"
                      r"\s+(?:him|her|them))?\b|will think)", _I)
_UNSURE = rx.compile(r"\b(?:maybe|might|not sure|undecided|dunno|should i|counter w|or\s+walk)\b|\?\?", _I)
_DONE = rx.compile(r"\b(?:rather keep|walked (?:off|away)|not selling|changed (?:his|her|their|my) mind|"
                   r"sold (?:it )?to (?:some|another|sb|someone)|gone to someone|went elsewhere|no longer|"
                   r"fell through|backed out|paid in full|collected (?:it|already|yesterday|today)|picked (?:it )?up "
                   r"(?:already|yesterday|today)|already (?:collected|picked up|paid))\b", _I)
_WHEN = (r"(?:(?:on\s+)?(?:mon|tues?|wed|thur?s?|fri|sat|sun)(?:day|nesday|rsday|urday)?\b(?:\s+(?:at\s+)?"
         r"\d{1,2}(?:[:.]\d\d)?\s?(?:am|pm)?)?|tomorrow|tmrw|tonight|this (?:evening|weekend)|(?:on\s+)?the\s+\d{1,2}"
         r"(?:st|nd|rd|th))")
_COLLECT = rx.compile(rf"\b(?:collect(?:ion)?|pick ?up|pickup|picking (?:it )?up|collecting)\s+(?:it\s+)?"
                      rf"(?P<when>{_WHEN})", _I)
_COLLECT_FROM = rx.compile(r"\b(?:collect(?:ion)?|pick ?up|pickup)\s+(?:only\s+)?(?:from|in)\s+(?P<place>[A-Z][\w'-]+"
                           r"(?:\s+[A-Z][\w'-]+)?)")
_GONE_BEFORE = rx.compile(r"\b(?:wants it gone|needs it gone|moving out)\s+(?:by|before|b4)\s+(?P<when>the\s+\d{1,2}"
                          r"(?:st|nd|rd|th)|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\w+day)\b", _I)
_MOVING_ON = rx.compile(r"\bmoving out\s+(?:on\s+)?(?P<when>the\s+\d{1,2}(?:st|nd|rd|th))\b.{0,40}\bgone\b", _I)
_DAYS = {"mon": "Monday", "tue": "Tuesday", "tues": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
         "thur": "Thursday", "thurs": "Thursday", "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}
_NOT_ITEM_WORDS = ("it that this them one stuff things price offer deal quote lol agreed paid owes owe owed deposit "
                   "quoted offered bid asking sold bought total rest balance cost costs fee fees rate budget invoice")
_NOT_ITEMS = frozenset(_NOT_ITEM_WORDS.split())  # the first or last word of no thing sold


@dataclass(frozen=True)
class Deal:
    """A sale between the member and the contact. Prices carry their money sign when the notes give one."""

    item: str | None  # what changes hands, ready for a sentence: "the Prusa MK3S", "the crib"; None: "it"
    selling: bool  # the member sells it (the contact buys)
    my_price: str | None = None  # the member's figure: their offer when buying, their price when selling
    their_price: str | None = None  # the contact's figure: asked when they sell, offered when they buy
    agreed: bool = False  # the price is settled: "I'm taking it", "agreed £80"
    pending: bool = False  # the contact is weighing the member's figure: "he'll think", "waiting on him"
    collect: str | None = None  # when or where it is collected: "on Sunday at 2pm", "from Leeds", "before the 30th"
    cash: bool = False  # paid in cash at collection

    @property
    def price(self) -> str | None:
        """The figure the deal stands on now: the member's when they named one, else the contact's."""
        return self.my_price or self.their_price


def read_deal(notes: str | None) -> Deal | None:
    """The sale the notes record, or None when there is none or it can't be read with confidence."""
    if not notes or len(notes) > 1500:
        return None
    text = re.sub(r"\s+", " ", notes.replace("\n", ". ")).strip()
    if _DONE.search(text):
        return None  # sold elsewhere, refused, collected or paid: nothing left to arrange
    sign = _sign(text)
    selling, item, asking = _who_sells(text)
    if item is None and not (_AGREED.search(text) and (_collect(text) or re.search(r"\bcash\b", text, _I))):
        return None  # "we agreed £220/day": a rate; an unnamed sale is one only with its collection or cash
    moves = _moves(text, selling)
    if any(who == "me?" for _, who, _ in moves):
        return None  # "counter w 90?", "i said 150 if he delivers": a figure the member hasn't settled
    mine = [price for _, who, price in moves if who == "me"]
    theirs = [price for _, who, price in moves if who == "them"]
    last = moves[-1] if moves else None
    said = _AGREED.search(text)
    agreed = said is not None
    price: str | None = mine[-1] if mine else None
    if said is not None and (said["price"] or said["yes"]):
        price = said["price"] or said["yes"]
    elif last is not None and last[1] == "ok":  # "she said 75. told her ok 80", "I said ok": settled there
        agreed, price = True, last[2] or (theirs[-1] if theirs else price)
    elif last is not None and last[1] == "yes" and mine:  # "I offered 40. she accepted!!"
        agreed = True
    elif last is not None and last[1] == "them" and mine:
        return None  # "I offered 45, he said 55 final": theirs to answer now, the member's to decide
    their_price = asking or (theirs[-1] if theirs else None)
    if price is None and their_price is None:
        return None
    if not agreed and price is None:
        return None  # a price seen and nothing said to it: not yet a deal to write about
    pending = not agreed and _PENDING.search(text) is not None
    if not agreed and not pending and _UNSURE.search(text):
        return None
    return Deal(item=_the(item) if item else None, selling=selling, my_price=_money(price, sign),
                their_price=_money(their_price, sign), agreed=agreed, pending=pending,
                collect=_collect(text), cash=re.search(r"\bcash\b", text, _I) is not None)


def _moves(text: str, selling: bool) -> list[tuple[int, str, str | None]]:
    """Who named which figure, in order: "me" and "them" (a figure), "me?" (one the member hasn't settled: a
    question mark or a condition after it), "ok" (the member's yes, maybe at a figure), "yes" (theirs)."""
    moves: list[tuple[int, str, str | None]] = []
    for m in _MINE.finditer(text):
        moves.append((m.start("price"), "me?" if m["q"] else "me", m["price"]))
    for m in _BARE_OFFERED.finditer(text):
        moves.append((m.start("price"), ("them" if selling else "me?" if m["q"] else "me"), m["price"]))
    for m in _THEIRS.finditer(text):
        moves.append((m.start("price"), "them", m["price"]))
    for m in _MY_OK.finditer(text):
        moves.append((m.start(), "ok", m["price"]))
    for m in _THEIR_YES.finditer(text):
        moves.append((m.start(), "yes", None))
    return sorted(set(moves), key=lambda move: move[0])


def _who_sells(text: str) -> tuple[bool, str | None, str | None]:
    """Whether the member sells, what, and the contact's figure when the notes open with it."""
    if (mine := _WANTS_MINE.search(text)) is not None and _item(mine["item"]):
        return True, _item(mine["item"]), None
    if (theirs := _THEY_SELL.search(text)) is not None and _item(theirs["item"]):
        asked = _ASKING.search(text, theirs.end())
        return False, _item(theirs["item"]), asked["price"] if asked is not None else _first_price(text, theirs.end())
    if (own := _MY_THING.match(text)) is not None and _item(own["item"]) and _THEIRS.search(text):
        return True, _item(own["item"]), None  # "my old boat trailer - he offered 500"
    if (has := _THEY_HAVE.search(text)) is not None and _item(has["item"]) \
            and (asked := _ASKING.search(text, has.end())) is not None:
        return False, _item(has["item"]), asked["price"]
    for sentence in re.split(r"[.;]\s*|\s*(?:->|→)\s*", text):
        if (listed := _FOR_SALE.match(sentence.strip())) is not None and _item(listed["item"]):
            return False, _item(listed["item"]), listed["price"]
    return False, None, None


def _first_price(text: str, start: int) -> str | None:
    found = re.compile(PRICE, _I).search(text, start, start + 40)
    return found[0] if found is not None else None


def _item(words: str) -> str | None:
    """The thing sold, as the notes name it, when it is one: never a pronoun, a price or a clause."""
    words = re.sub(r"\s+(?:for sale|ono|o\.n\.o)$", "", words.strip(" ,.-"), flags=_I)
    low = words.lower().split()
    if not low or low[0] in _NOT_ITEMS or low[-1] in _NOT_ITEMS or re.search(r"[£$€]", words) \
            or re.fullmatch(r"[\d,.\s/k-]+", words) \
            or re.search(r"\b(?:i|we|me|she|he|they|and|but|or|if|to|wants?|said|asked)\b", words, _I):
        return None
    return words


def _the(item: str) -> str:
    return item if re.match(r"(?:the|my|your)\s", item, _I) else f"the {item}"


def _sign(text: str) -> str | None:
    """The one money sign the notes use, if they use exactly one."""
    signs = set(re.findall(_SIGN, text))
    return signs.pop() if len(signs) == 1 else None


def _money(price: str | None, sign: str | None) -> str | None:
    """'200' → '£200' when the notes price in pounds; a figure with its own sign or word is kept."""
    if price is None:
        return None
    price = price.strip()
    if sign and re.fullmatch(_NUMBER, price):
        return f"{sign}{price}"
    return price


def _collect(text: str) -> str | None:
    if (when := _COLLECT.search(text)) is not None:
        day = re.sub(r"^on\s+", "", when["when"], flags=_I)
        words = day.split()
        head = words[0].lower().rstrip(".")
        if head[:3] in {"mon", "tue", "wed", "thu", "fri", "sat", "sun"} and head not in ("tomorrow",):
            name = _DAYS.get(head[:4] if head[:4] in _DAYS else head[:3], head)
            rest = " ".join(words[1:])
            rest = re.sub(r"^(?!at\b)", "at ", rest) if rest else ""
            return f"on {name}" + (f" {rest}" if rest else "")
        return {"tmrw": "tomorrow"}.get(head, day if not day.startswith("the ") else f"on {day}")
    if (place := _COLLECT_FROM.search(text)) is not None:
        return f"from {place['place']}"
    if (before := _GONE_BEFORE.search(text) or _MOVING_ON.search(text)) is not None:
        return f"before {before['when']}"
    return None
