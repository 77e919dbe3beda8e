"""Precompiled phrase patterns the rules look for. Every pattern is linear; none backtracks badly."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from bot.review import pattern_cache as rx

_I = re.IGNORECASE


def lower_keeping_length(text: str) -> str:
    """Lower case with each character's length kept, so a match's positions index the original text."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(low_c if len(low_c := c.lower()) == 1 else c for c in text)


class Phrases:
    """A case-blind pattern run on a lower-cased copy of the text: several times faster than IGNORECASE.

    Positions index the original text; matched text comes back lower-cased."""

    __slots__ = ("pattern",)

    def __init__(self, pattern: str) -> None:
        self.pattern = rx.compile(pattern)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(lower_keeping_length(text))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(lower_keeping_length(text))

    def findall(self, text: str) -> list[Any]:
        return self.pattern.findall(lower_keeping_length(text))


def _words(*alts: str) -> Phrases | re.Pattern[str]:
    """Whole-word alternatives, case-blind; those that test capitals (``(?-i:[A-Z])``) keep IGNORECASE."""
    pattern = r"\b(?:" + "|".join(alts) + r")(?!\w)"
    return rx.compile(pattern, _I) if "(?-i:" in pattern or "A-Z" in pattern else Phrases(pattern)


# --- generic boilerplate -------------------------------------------------------------------------
GENERIC_STRONG = _words(
    r"to whom it may concern",
    r"dear (?:sir|madam|sir or madam|sir/madam)",
    r"dear (?:hiring manager|recruiter|recruiting team|hiring team|talent team|valued \w+|connection|colleague|"
    r"professional|linkedin member|member|friend|team)",
    r"(?:hello|hi|greetings),? (?:dear )?(?:hiring manager|recruiter|connection|professional|linkedin user)",
    r"(?:i'?d|i would) (?:like|love) to (?:add you to|join) my (?:professional )?network",
    r"(?:learn|hear|know) more about what you do",
    r"add you to my (?:professional )?network",
    r"please accept my (?:connection )?(?:invitation|invite|request)",
    r"(?:expand|grow|build) my (?:professional )?network",
    r"connect with (?:like-minded|fellow|other) professionals",
    r"as a fellow professional",
    r"(?:looking|want|wanting|hoping|keen) to connect with (?:more )?(?:people|professionals|others|folks|leaders|"
    r"experts) (?:in|from|working|who)",
    r"(?:explore|discuss) (?:potential |possible |some )?synerg(?:y|ies)",
    r"(?:impressed|inspired) (?:by|with) your (?:\w+ )?(?:profile|background|career|journey|experience)",
    r"your (?:impressive|amazing|inspiring|incredible|great) (?:career|profile|journey|background)(?: journey)?",
    r"(?:been following|admire|admired|impressed by) (?:your|all your) (?:amazing|great|incredible|inspiring|"
    r"impressive) (?:work|career|journey|achievements)",
    r"we(?: are|'re) both in the \w+ (?:field|industry|space)",
    r"(?:work|are|we'?re) in the same (?:industry|field|space|line of work)",
    # a recruiter's line pasted to every profile a search turns up
    r"your (?:background|profile|experience|resume|cv) (?:really |truly )?(?:stood|stands) out",
    r"(?:you'?d|you would|you'?ll|you will) be (?:a )?(?:perfect|great|ideal|strong) (?:fit|match) for (?:this|the|"
    r"our|a) (?:role|position|opening|opportunity)",
)
GENERIC_SOFT = _words(
    r"(?:i )?hope (?:this|my) (?:message |note |email )?finds you well",
    r"hope (?:all is|you'?re|you are) (?:well|good|doing well)",
    r"(?:i )?came across your profile",
    r"saw your profile",
    r"just (?:checking in|following up|touching base|wanted to follow up|circling back)",
    r"touching base",
    r"circling back",
    r"pick your brain",
    r"(?:learn|hear|know) more about what you do",
    r"let'?s connect",
    r"(?:it was )?(?:great|nice|good|lovely) (?:to meet|meeting) you",
    r"i'?d love to connect",
    r"(?:would|i'?d) love to stay in touch",
    r"(?:keep|stay) in touch",
    r"synerg(?:y|ies)",
    r"reaching out to (?:connect|introduce myself)",
    r"thanks? (?:you )?for (?:your time|everything|the chat|the talk|chatting|connecting|accepting)",
    r"it was a pleasure",
    r"great (?:chat|conversation|talk)",
)

# --- personalisation: signs the draft is about this person, not anyone -----------------------------
SPECIFIC = _words(
    r"your (?:\w+ )?(?:talk|post|article|panel|presentation|keynote|workshop|thread|paper|book|podcast|episode|"
    r"launch|project|demo|newsletter|blog|essay|question|comment|point|idea|advice|tip|story|session|"
    r"lightning talk|slides|work on|team'?s|research|tweet|video|course|library|package|repo|pr|answer)",
    r"you (?:mentioned|said|shared|wrote|spoke|presented|talked|asked|showed|described|recommended|"
    r"suggested|pointed|explained|walked me|told me|were (?:working|building|hiring|looking))",
    r"we (?:talked|chatted|spoke|discussed|met|compared|swapped|traded|both)",
    r"our (?:chat|conversation|talk|discussion|call|coffee|lunch|exchange)",
    r"(?:talked|chatted|spoke|discussion|conversation|note|message|email|question) about",
    r"your (?:\w+ )?(?:case study|proposal|review|feedback|pointer|intro|mock interview|recommendation|dataset|"
    r"announcement|team|company'?s|startup'?s|work at|new role|move|launch)",
    r"(?:at|during|after) (?:the )?(?:(?-i:[A-Z])[\w&'-]+|(?:meetup|conference|workshop|panel|dinner|booth|hackathon|"
    r"summit|sprint|mixer|event)(?! (?:last|this|yesterday|on|in)\b|[,.!?]|\s*$))",
    r"on (?:the )?(?:(?-i:[A-Z])[\w&'-]+ )?(?:podcast|panel|stage|episode|thread)",
    r"since (?:we|our)",
    r"thought of (?:you|your)",
    r"(?:like|as) i (?:said|promised|mentioned)",
    r"(?:sent|shared|attached|forwarded) (?:you )?the \w+",
    r"(?:all the best|good luck|best of luck) with (?:the|your) (?:new )?[\w-]+",
    r"your [\w-]+ (?:project|team|work|research|launch|study|pilot|program|programme|initiative|proposal)",
    r"your (?:\w+ )?(?:webinar|interview|ama|piece|op-?ed|report|study|survey|profile|portfolio|exhibit|exhibition|"
    r"show|album|commit|pull request|rfc|fundraise|promotion|anniversary|speech|lecture|class|seminar|"
    r"newsletter issue|case|design|designs|photos? of|map|chart|framework|tool|app|open[- ]source|award|win|"
    r"recent|latest|new book|comments?|reply|replies|answer on|feedback on|mentoring|story about)",
    r"(?:mutual|common|shared) (?:friend|contact|colleague|connection|acquaintance|interest|background)",
    r"(?-i:[A-Z])[a-z]+ (?:suggested|recommended|mentioned|said|thought|told me|introduced|pointed me|passed|"
    r"forwarded|connected us)",
    r"(?:introduced|referred) (?:us|me)",
    r"we both",
    r"(?:as|like) you(?:'ve)? (?:do|did|said|mentioned|suggested|asked)",
    r"(?:you|i) (?:promised|asked for|offered)",
    r"(?:the|that) (?:\w+ )?(?:i|you) (?:promised|mentioned|recommended|asked (?:about|for)|suggested|shared)",
    r"as promised",
    r"i (?:read|watched|listened to|saw|loved|enjoyed|liked|heard) (?:\w+ )?(?:your|you on|the \w+ you)",
    r"(?:watched|heard|saw|read) you",
    r"(?:congrat(?:s|ulations)|well done|kudos) (?:on|for)",
    r"how (?:did|was|is|are) (?:the|your) (?!day|week|weekend|time)\w+",
    r"(?:at|during|after|from) (?:the )?[\w'-]+ (?:meetup|conference|workshop|panel|dinner|booth|hackathon|summit|"
    r"sprint|mixer|event|fair|expo|talk|session|retreat|offsite|breakfast|lunch)",
)
# specific beyond naming the event: their work, what was said, a promise
SPECIFIC_STRONG = _words(
    r"your (?:\w+ )?(?:talk|post|article|panel|presentation|keynote|workshop|thread|paper|book|podcast|story|point|"
    r"idea|advice|tip|question|project|research|work on|slides|demo)",
    r"you (?:mentioned|said|shared|wrote|presented|talked|asked|showed|described|recommended|suggested|explained)",
    r"(?:like|as) i (?:said|promised|mentioned)",
    r"as promised",
)
# a concrete number or quantity: "40-person team", "3 clinics", "20%", not a call's length or a date
NUMBER = rx.compile(
    r"(?<![\w:/])\d+(?:[.,]\d+)?(?:%|k\b|x\b|×)?(?![\w:/])(?!\s*(?:-\s*)?(?:min|mins|minutes?|hours?|hrs?|"
    r"days?|weeks?|months?|am|pm|o'?clock)\b)",
    re.IGNORECASE,
)
QUOTED = rx.compile(r"[\"“]([^\"”\n]{6,80})[\"”]")
PROPER_NOUN = rx.compile(r"(?<=[a-z,;:] )([A-Z][a-zA-Z0-9&'-]{2,}|[A-Z]{2,}[a-z]*)")

# --- value: something for them ----------------------------------------------------------------------
VALUE = _words(
    r"(?:happy|glad|keen|more than happy|gladly|willing) to (?!chat|talk|meet|connect\b|hear|learn|hop on|jump on)\w+",
    r"(?:i'?d|i would|i'?ll|i will) gladly \w+",
    r"in return",
    r"(?:offer|invitation) (?:\w+ ){0,6}(?:still )?stands",
    r"i (?:can|could|'?d be happy to|will|'?ll) (?:share|send|introduce|intro|help|connect you|put you|"
    r"pass (?:it )?along|review|walk you|show you|look over|forward|dig up|find)",
    r"here'?s (?:the|a|my|that|an)",
    r"here is (?:the|a|my|that|an)",
    r"(?:i'?ve |i have )?attached(?! (?:is )?(?:my|our) (?:cv|resume|résumé|portfolio|deck|pitch))",
    r"link(?:ed)? (?:below|here|to)",
    r"i (?:wrote|put together|made|jotted|compiled|found|collected)",
    r"thought (?:you|this|it) (?:might|would|could|may)",
    r"(?:might|may|could) (?:be )?(?:useful|helpful|handy|interest you)",
    r"in case (?:it'?s|it is|you find it) (?:useful|helpful)",
    r"put you in touch",
    r"(?:an )?intro(?:duction)? to",
    r"(?:is|are) (?:hiring|looking for)",
    r"(?:share|swap|trade|compare) (?:notes|ideas|what)",
    r"(?:mutual|each other|both of us|both our teams|for both)",
    r"congrat(?:s|ulations)",
    r"(?:a|my|the|our) (?:write-?up|template|checklist|notes|slides|recording|repo|resource|guide|doc|"
    r"spreadsheet|dashboard|script|summary|list)",
)

# a message that asks nothing on purpose: value first, a thank-you, or closing the loop after silence
NO_ASK_NEEDED = _words(
    r"no (?:need|pressure|obligation) to (?:reply|respond|answer|write back|get back)",
    r"(?:don'?t|do not|no need to) (?:feel )?(?:obliged|obligated|need) to (?:reply|respond)",
    r"no reply (?:needed|necessary|required)",
    r"(?:just|only) (?:wanted|want|thought i'?d|writing) to (?:say|share|pass|send|thank|let you know|close the loop)",
    r"clos(?:e|ing) the loop",
    r"(?:won'?t|will not|i'?ll stop|i will stop) (?:keep )?(?:fill(?:ing)?|clutter(?:ing)?|crowd(?:ing)?) your inbox",
    r"(?:won'?t|will not) (?:bother|chase|follow up|write|keep writing|pester)",
    r"(?:the )?(?:door|offer|invitation) (?:is|stays|remains) open",
    r"(?:whenever|if ever|if) (?:the timing|it|that|things?) (?:is|are|becomes?|gets?) (?:right|better|easier|useful|"
    r"relevant|a priority)",
    r"(?:all the|wishing you (?:all the|the)|good) (?:best|luck) (?:with|for|on)",
    r"(?:enjoy|good luck with) (?:the|your)",
    r"(?:here(?:'?s| is) (?:to|hoping))",
)

# --- asks --------------------------------------------------------------------------------------------
ASK = _words(
    r"would you be (?:open|up|interested|willing|free|around|keen)",
    r"would you (?:like|mind|have)",
    r"are you (?:open|free|up for|around|interested|still)",
    r"(?:could|can|shall|should) (?:we|i)",
    r"let'?s (?:grab|set up|find|meet|chat|talk|catch up|connect|schedule|book|do|pair|swap|trade|keep in touch|"
    r"stay in touch)",
    r"let me know",
    r"(?:i'?d|would|i would) (?:love|like|be glad|be happy) to (?:hear|chat|connect|learn|grab|catch up|get|talk|"
    r"meet|keep in touch|stay in touch|follow|swap|compare|see|know)",
    r"happy to (?:chat|jump on|hop on|meet|talk)",
    r"does (?:\w+ ){0,4}work for you",
    r"if you'?re (?:open|up for|interested|free|keen|around)",
    r"(?:drop|send|shoot) me a (?:line|note|message)",
    r"feel free to",
    r"ping me",
    r"want to (?:grab|chat|meet|pair)",
    r"(?:free|around) (?:for|next|this|on)",
    r"(?:could|can|would|will) you (?:\w+ )?(?:share|send|tell|point|recommend|suggest|introduce|intro|review|look|"
    r"take|spare|give|help|advise|explain|walk|connect|put|pass|forward|check|read|let|be|join|make)",
    r"(?:i'?d|i would|i'?d really) (?:appreciate|value|welcome|be grateful for) "
    r"(?:your|any|a|it|if|the chance|hearing)",
    r"(?:any|your) (?:advice|thoughts|tips|pointers|recommendations|suggestions) (?:on|about|would|for)",
    r"open to (?:a|an|chatting|talking|connecting|sharing|meeting|it|that)",
    r"if you(?:'d| would)? (?:be|have|like|want|fancy|ever)",
    r"(?:worth|up for) a (?:chat|call|coffee)",
    r"(?:when|whenever) you (?:have|get|find) (?:a|the|some)",
    r"(?:happy|glad) to (?:connect|hear)",
    r"(?:i )?(?:wonder|wondered|was wondering|am wondering|wanted to ask|want to ask|'?d like to ask|would like to ask)"
    r" (?:whether|if|how|what|which|when|who|you)",
    r"any (?:\w+ )?(?:advice|pointers|tips|thoughts) would",
    r"(?:would|could) (?:it|that) be (?:possible|ok|okay|alright)",
    r"(?:is|are) (?:there|it) (?:any )?(?:chance|way|possible)",
    r"(?:wanted to|want to|just|to) (?:check|confirm|make sure) (?:if |whether |that )?you(?:'re| are)? "
    r"(?:ok|okay|happy|fine|alright|comfortable)",
)
# a question announced but not asked: "got a sec?", "quick question", "are you there?" (and nothing after it)
ANNOUNCED_QUESTION = rx.compile(
    r"^\W*(?:(?:hi|hey|hello|yo|hiya)\b[\w ,]{0,20}?[,!.]*\s*)?(?:(?:got|have you got|do you have|you have) a "
    r"(?:sec(?:ond)?|min(?:ute)?|moment)|(?:a )?quick question|can i ask (?:you )?(?:something|a question)|"
    r"(?:are )?you (?:there|around|free)(?: for (?:a |an )?\w+)?|are you busy|"
    r"(?:can|could) (?:we|i) (?:talk|chat|speak|call)(?: (?:for )?(?:a )?(?:minute|min|sec|second|moment|bit))?|"
    r"need (?:a|an) \w+,? (?:are )?you free|(?:do you )?remember me\W*(?:lol|haha)?|"
    r"(?:can|could) (?:anyone|someone|somebody|you) help (?:me )?(?:out )?with (?:a|an|my|this) [\w -]{0,30}"
    r"(?:question|problem|issue|bug|thing)|"
    r"(?:does |do )?(?:any ?one|any ?body|anybody|someone)(?: (?:here|in here|around))? (?:use|uses|using|know|knows|"
    r"(?:is )?familiar with|have experience with|worked with|tried) [\w .+#/-]{1,30})\W*$",
    _I,
)
# asks so worn that readers name them as what not to write: they ask for open-ended time and say nothing
CLICHE_ASK = _words(
    r"(?:see|sense|there(?:'s| is| are)) (?:great |real |some |a lot of |many )?synerg(?:y|ies)",
    r"mutually beneficial (?:opportunities|partnership|relationship|collaboration)",
    r"pick (?:your|ur) brains?",
    r"tap (?:into )?(?:your|ur) (?:brain|wisdom|expertise|network)",
    r"explore (?:potential |possible |any )?(?:synergies|ways (?:we|to) (?:might |could )?(?:work|collaborate))",
    r"add value to each other'?s",
)
# a greeting that names nobody: a form letter ("Dear Sir", "Dear Professor,", "Dear Valued Partner")
FORM_GREETING = rx.compile(
    r"^\W*(?:dear|hello|hi|greetings),? (?:respected )?(?:sir|madam|sir or madam|sir/madam|professor|doctor|editor|"
    r"hiring manager|recruiter|recruiting team|hiring team|valued \w+|connection|colleague|linkedin member|"
    r"authority|respected authority|webmaster|web master|site owner|website owner|blog owner)\s*[,.:!\n]|"
    r"^\W*(?:to whom it may concern|respected (?:sir|madam|authority))|"
    r"^\W*(?:sir|madam|ma'?am|professor)\s*[,.:!\n]",
    _I,
)
CONGRATS = _words(r"congrat(?:s|ulations)", r"well[- ]deserved", r"so (?:happy|pleased|thrilled) for you")
# deference in place of a reason to write: readers skip the apology and find nothing behind it
SELF_EFFACING = _words(
    r"(?:i'?m |i am )?(?:so |very |really )?sorry (?:to|for) (?:bother(?:ing)?|disturb(?:ing)?|intrud(?:e|ing)|"
    r"the intrusion|the cold email|the cold message|reaching out out of the blue|taking up your time)",
    r"(?:i )?humbly (?:wish|request|ask|beg|submit)",
    r"bless me with",
    r"(?:forgive|pardon) (?:me|my) (?:for )?(?:the|this|my)? ?(?:intrusion|boldness|disturbance)",
    r"i know (?:you must get|you probably get|you get) (?:tons|lots|loads|hundreds|a lot) of these",
    r"(?:i'?m )?not sure (?:if |whether )?you'?(?:ll| will)? (?:even )?remember me",
    r"you (?:don'?t|do not) know me",
    r"(?:not trying|(?:i )?don'?t mean|(?:i )?didn'?t mean) to (?:pester|bother|nag|bug|hassle)",
)
# a meeting already fixed for a day: "our call on Tuesday at 3pm", "the interview this Thursday"
FIXED_MEETING = rx.compile(r"\b(?:looking forward to|see you at|confirming|to confirm)\s+(?:our|the)\s+(?:call|meeting|"
                           r"coffee|chat|interview|demo|lunch|session|catch-up|visit)\s+(?:on|this|next)\s+"
                           r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", _I)
# a bounded ask: "10 minutes", "a 15-min call"
BOUNDED_TIME = rx.compile(r"\b\d{1,2}[- ]?(?:minutes?|mins?)\b", _I)
# a question with a subject: "pick your brain about how you priced the first plan?"
QUESTION_ABOUT = _words(r"(?:brain|wisdom|expertise) (?:on|about|regarding) (?:how|what|why|which|whether|your \w+)")
# asks that name nothing concrete: a reader can't say yes to them
VAGUE_ASK = _words(
    r"(?:could|can) use (?:some|your) (?:advice|help|input|guidance)",
    r"let me know if you'?re up for it",
    r"ask you a (?:quick )?question[.!]*(?=\s*(?:$|\n|best|thanks|cheers|regards))",
    r"(?:love|like) to (?:chat|talk|hear|learn)(?: more)? about (?:your|what you) (?:\w+ )?(?:work|career|journey|"
    r"experience|background|company|business|role|research|path)[.!]*(?=\s*(?:$|\n|best|thanks|cheers|regards))",
    r"(?:if you have any questions|want to chat again)(?: (?:or|and) (?:want to chat again|have any questions))?"
    r"(?: sometime)?[.!]*(?=\s*(?:$|\n|best|thanks|cheers|regards))",
    r"keep me in mind",
    r"(?:would|i'?d|i would) love to (?:collaborate|chat|work together|team up)(?: (?:sometime|some time|one day|"
    r"soon|at some point))?(?: if you'?re open to it)?[.!]*(?=\s*(?:$|\n|best|thanks|cheers|regards))",
    r"(?:a|an) (?:business |exciting )?(?:proposal|opportunity) (?:i'?d|i would|that i'?d) (?:like|love) to discuss",
    r"let me know if (?:this|it|that) (?:interests|is of interest to) you",
    r"(?:happy|glad) to take whatever you'?ve got",
    r"let'?s (?:connect|keep in touch|stay in touch|catch up)(?: (?:here|sometime|soon|as well|on linkedin))?"
    r"(?: as well)?[.!]*(?=\s*(?:$|\n|best|thanks|cheers|regards|[A-Z]))",
    r"(?:would|i'?d|i would) (?:love|like) to (?:connect|add you|have you)(?: (?:here|with you|on linkedin|"
    r"to my network))?[.!]*(?=\s*(?:$|\n|best|thanks|cheers|regards))",
    r"let me know[.!]*(?=\s*(?:$|\n|best|thanks|cheers|regards))",
    r"let me know (?:your thoughts|what you think)[.!]*(?=\s*(?:$|\n|best|thanks|cheers|regards))",
    r"(?:would|i'?d|i would) love to (?:learn|hear|know) more about (?:you|your (?:career|work|journey|story|"
    r"experience|background|path|company|thoughts))(?: and [^.!?\n]{0,60})?",
    r"(?:would|i'?d|i would) love to (?:connect|chat|talk|meet|catch up)(?: (?:sometime|some time|one day|soon|"
    r"at some point))?[.!]*(?=\s*(?:$|\n|best|thanks|cheers|regards))",
    r"(?:explore|discuss) (?:potential |possible |any )?(?:synergies|opportunities|ways we could)",
    r"pick your brain",
    r"(?:learn|hear|know) more about what you do",
    r"(?:let'?s )?(?:keep|stay) in touch",
    r"(?:put|get) (?:myself|me) on your radar",
    r"(?:lovely|great|nice|good) to (?:be|get|keep|stay) in touch",
)
# a stranger asked for a meeting: coffee, a chat, a call, "can we talk", "set up a time"
MEETING_ASK = _words(
    r"(?:grab|get|buy you|have|over|for) (?:a |an )?(?:quick |short |virtual |brief )?(?:coffee|lunch|drink|beer|tea|"
    r"chat|call|meeting)",
    r"(?:to|we|can|could|and|or|i) (?:meet|get together|sit down|catch up|meet up|talk|chat|speak)(?! through)"
    r"(?: with you)?",
    r"set up (?:a )?(?:time|call|meeting|chat)",
    r"(?:a )?(?:few|couple) (?:minutes|moments) of your time",
    r"informational interview",
)
# a stranger asked for work: an internship, an opening, "consider me for", "any stories you need written"
JOB_ASK = _words(
    r"(?:any|an?|your|open|available) (?:\w+ )?(?:internships?|openings?|positions?|vacanc(?:y|ies)|jobs?|roles?)"
    r"(?: (?:available|open|at|on|in|with|for me))?",
    r"(?:pass|forward|send) (?:along )?my (?:resume|cv)",
    r"(?:hire|employ) me",
    r"join your (?:lab|team|group|studio|company|firm)",
    r"(?:considered|consider me) for",
    r"(?:any|some) (?:work|stories|projects|assignments|gigs) (?:you need|for me)",
    r"(?:any|an) (?:\w+ )?opportunit(?:y|ies)(?! to (?:learn|hear|ask|chat|talk|meet))",
    r"if you have anything(?: (?:open|available|for me))?",
    r"(?:there (?:are|is)|are there|is there) (?:any )?(?:\w+ )?(?:internships?|openings?|positions?|vacanc(?:y|ies)|"
    r"jobs?|roles?)",
)
# no target: "any openings you've got", "any roles", "all positions" — nothing a referrer could act on
ANY_OPENING = _words(
    r"(?:any|all) (?:\w+ )?(?:[\w-]+ or )?(?:openings?|roles?|positions?|jobs?|vacanc(?:y|ies)|"
    r"opportunit(?:y|ies))",
    r"(?:possible|potential) (?:openings|roles|positions|jobs|opportunities) for me",
)
# "not asking for a job": the job named only to be ruled out
NOT_A_JOB_ASK = _words(r"not (?:asking|looking) (?:you )?for (?:a )?(?:job|position|role|internship)")
# asking to be introduced to someone
INTRO_ASK = _words(
    r"(?:intro|introduce|connect|put) me (?:in touch )?(?:to|with)", r"(?:an )?intro(?:duction)? to (?-i:[A-Z])"
)
# why them, or what about: the reason a stranger's ask needs ("because", "I'm researching", "about how you…")
REASON = _words(
    r"because", r"since", r"as (?:i'?m|you)",
    r"i'?m (?:researching|working on|building|writing|exploring|looking into|considering|hoping to|trying to|"
    r"planning|thinking about|interested in|curious about|weighing|deciding|choosing|comparing)",
    r"about (?:how|what|why|whether|which|your experience|the way|getting|breaking|moving|transition)",
    r"(?:advice|questions?|tips|insights?|thoughts|perspective) (?:on|about|regarding)",
    r"(?:interested|curious) in",
    r"learn (?:how|what|about how|more about how)",
    r"(?:swap|compare|trade) notes",
    r"(?:we'?re|we are|you'?re|you are) both",
    r"i think (?:you|we|she|he|they) (?:could|would|might|should|two)",
    r"so (?:that )?(?:i|we) (?:can|could)",
    r"(?:i'?d|i would) like to (?:ask|offer|learn|hear|show|share|talk|discuss)",
    r"(?:talk|chat|hear|ask) (?:about|on) (?!(?:your|our) (?:\w+ )?(?:work|career|journey|experience|background|"
    r"business|businesses|company|companies)\b)\w+",
    r"(?:friend|colleague|classmate|manager) (?-i:[A-Z])\w+",
    r"came to mind",
    r"my application",
    r"came across your (?:name|profile|work)",
    r"through (?:the|a|our|my)",
    r"i'?ve (?:written|reached out|emailed|messaged)",
    r"intro",
    r"thank",
)
# asks that cost the reader a lot (a referral, an executive's time, a review of your work, a job)
BIG_ASK = _words(
    r"(?:intro(?:duce|duction|ducing)?|put me in touch|connect me|pass(?:ing)? my \w+) (?:me )?(?:on )?(?:to|with) "
    r"(?:your|their|the) (?:\w+ )?(?:ceo|cto|cfo|coo|"
    r"founder|co-?founder|vp|head|director|boss|manager|hiring manager|investors?|board|partners?|network|"
    r"recruiters?|leadership|chair)",
    r"(?:refer|recommend) me",
    r"(?:a |an |your )?(?:referral|reference letter|recommendation letter|letter of recommendation)",
    r"put in a (?:good )?word",
    r"(?:get|find|give) me (?:a |an )?(?:job|role|interview|position|internship|meeting with)",
    r"(?:review|read|look over|go through|edit|proofread|give feedback on|critique) (?:my|our) (?:\w+ ){0,2}"
    r"(?:deck|resume|cv|portfolio|pitch|business plan|manuscript|proposal|thesis|dissertation|book|draft|"
    r"application|cover letter|code ?base|website|startup|product|screenplay|chapters?|pages)",
    r"\d+[- ](?:page|slide)",
    r"(?:invest in|fund|sponsor|back) (?:us|me|my|our)",
    r"(?:be|become) my (?:mentor|sponsor|advisor|co-?founder)",
    r"pass (?:my|our) (?:resume|cv|profile|details) (?:along|on|to)",
    r"(?:forward|pass|send|hand) my (?:resume|cv|application) (?:on )?to",
    r"send me (?:the|your|his|her|their) [\w' -]{0,30}(?:email|e-mail) address",
    r"(?:what|how) can you (?:do to )?help me(?: out)?\?",
    r"(?:making|make) (?:an |the |a warm )?intro(?:duction)? (?:to|for) (?:them|him|her|their|your)",
    r"mentor me",
    r"(?:hire|employ) me",
    r"(?:share|send|give) (?:me )?(?:your|their) (?:client|customer|contact|investor|donor)s? "
    r"(?:list|contacts|details)",
    r"(?:an )?(?:hour|afternoon|day|half[- ]day) of your time",
    r"spend (?:an? )?(?:hour|afternoon|morning|day|evening|few hours|couple of hours|weekend)",
    r"fast-?track(?:s|ed)? (?:my|me)",
    r"(?:connect|introduce|intro) me (?:to|with) (?:someone|somebody|people|anyone) (?:at|in|from)",
    r"keep me in mind for",
    r"(?:possible|potential|any) (?:openings|roles|positions|jobs|opportunities) for me",
    r"pass(?:ing)? (?:on |along )?my (?:deck|cv|resume|portfolio|pitch|proposal)",
    r"(?:send|share|give) (?:me )?(?:the |your |any )?"
    r"(?:unpublished|internal|raw|proprietary|confidential|private) \w+",
)
# a review kept small: "it's two pages", "just the abstract", "mostly want feedback on whether the intro is clear"
SMALL_REVIEW = _words(
    r"(?:one|two|1|2|a|single|short|half)[- ](?:page|paragraph|slide)s?(?: long)?",
    r"just the (?:abstract|intro|summary|first page|headline|title|opening)",
    r"(?:mostly|only|just) (?:want|need|looking for|after) (?:feedback|a (?:quick )?look|your take|a sanity check) "
    r"on (?:whether|the|one|if)",
)
REVIEW_ASK = rx.compile(r"review|read|look over|go through|edit|proofread|feedback|critique|page|slide")
DEADLINE = _words(
    r"by (?:(?:this|next) )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|"
    r"end of (?:the )?(?:day|week|month)|eod|eow|next week|the weekend|the \d+(?:st|nd|rd|th)?)",
    r"(?:before|no later than) (?:monday|tuesday|wednesday|thursday|friday|tomorrow|the weekend|next week)",
    r"(?:within|in) (?:the next )?(?:24|48) hours",
    r"(?:asap|as soon as possible|right away|urgently|immediately)",
)
QUESTION = rx.compile(r"\?")

# --- pushy / guilt trip ------------------------------------------------------------------------------
PUSHY_HIGH = _words(
    r"did you (?:even )?(?:see|get|read|receive) my (?:last|previous|earlier|other)? ?(?:message|note|email|dm|"
    r"messages|notes|emails)",
    r"you (?:never|didn'?t|did not|haven'?t|have not|still haven'?t) (?:replied|responded|answered|got back|"
    r"gotten back|written back|bothered)",
    r"(?:i'?m|i am) (?:still )?waiting (?:for|on) (?:your|a) (?:reply|response|answer)",
    r"still waiting",
    r"as per my (?:last|previous) (?:message|email|note)",
    r"(?:i'?ve|i have) (?:messaged|emailed|written|reached out|pinged|contacted|followed up)(?: to)?(?: you)? "
    r"(?:several|many|multiple|a few|three|four|3|4|so many) times",
    r"(?:third|3rd|fourth|4th|fifth) (?:time|message|follow-?up|attempt)",
    r"why (?:haven'?t|have not|didn'?t|won'?t) you",
    r"(?:please|pls) (?:respond|reply|answer|get back)",
    r"i need (?:an|your) (?:answer|reply|response)",
    r"(?<!my )(?<!our )(?:reply|respond|answer|hear back|get back to me|let me know)(?: \w+){0,3} (?:by|before) "
    r"(?:end of (?:the )?"
    r"(?:day|week)|eod|eow|tomorrow|tonight|\w+day)",
    r"last chance",
    r"final (?:notice|warning|reminder)",
    r"you owe",
    r"i expect(?:ed)? (?:a|an|your|to hear)",
    r"ignor(?:e|ed|ing) (?:me|my)",
    r"(?:disappointed|hurt|upset|sad) (?:that you|you (?:didn'?t|haven'?t|never))",
    r"(?:a )?simple (?:yes or no|reply|answer) (?:would|is)",
    r"it(?:'?s| is| would be) (?:rude|polite) to (?:reply|respond|answer)",
    r"i(?:'?m| am) sure you(?:'?re| are) (?:very )?busy,? but",
    r"urgent(?:ly)?(?![- ]care)",
    r"(?:surely|presumably) you",
    r"my (?:last|previous) (?:\d+|two|three|four|five|few|several|many|couple of) (?:messages|emails|notes|dms|"
    r"attempts|follow-?ups)",
    r"(?:sent|written|messaged|emailed|pinged) you (?:\d+|two|three|four|five|several|multiple|many|a few|so many)"
    r" (?:times|messages|emails|notes)",
    r"(?:\d+|two|three|four|five|several|multiple) (?:unanswered|unread|ignored) (?:messages|emails|notes)",
    # "I've tried ringing you a few times … no one has called me back"; "ding dong… is anybody there?"
    r"(?:i'?ve|i have) (?:tried|been trying) (?:to )?(?:ring(?:ing)?|call(?:ing)?|phon(?:e|ing)|reach(?:ing)?|"
    r"get(?:ting)? hold of) you (?:a few|several|many|multiple|so many|\d+|two|three|four) times",
    r"(?:^|[.!?…]\s*)(?:\w+ \w+[.…!]+\s*)?is any(?:body|one) (?:there|home|out there)\?",
    r"(?<!you're )(?<!you are )(?:too|so) (?:busy|important|famous|successful) (?:to|for) "
    r"(?:reply|respond|answer|write|get back|people|"
    r"little|us|me|a)",
    r"must be (?:nice|tough|hard) (?:to be|being) (?:so )?(?:busy|popular|important|in demand)",
    r"(?:guess|suppose|assume) you(?:'re| are) (?:just )?(?:too |very |super |so )?busy",
    r"(?:i'?ll|i will|i'?m going to|going to) keep (?:writing|messaging|emailing|trying|following up|sending|"
    r"reaching out|checking in|pinging|asking)",
    r"until (?:you|i (?:hear|get))(?: \w+){0,3} (?:reply|respond|answer|back|something|anything|an answer)",
    r"(?:take|taking) your silence as",
    r"(?:not sure|no idea|wondering) why you (?:haven'?t|didn'?t|never|won'?t)",
    r"(?:left|leaving) me (?:on read|hanging)",
    r"(?:seen|read) (?:it|my message) but",
    r"(?:the )?least you (?:could|can) do",
    r"(?:after all|considering) (?:i|what i) (?:did|have done)",
    r"(?:would|'?d) (?:it )?(?:kill you|hurt) to",
    r"(?:it'?s|it is) (?:been )?(?:\d+|two|three|four|several) weeks? (?:now )?(?:and|without) (?:no|nothing|not)",
    r"(?:i'?ve|i have) (?:already |just |gone ahead and )?(?:sent|put|added|booked|dropped|placed|blocked|pencil+ed)"
    r"[^.!?\n]{0,40}(?:calendars?|invites?|invitations?)",
    r"(?:i'?ve|i have) (?:already )?(?:told|promised|assured|informed) (?:my|our|the) [\w ]{2,20}"
    r"(?:that )?you(?:'ll| will| would| can| are going to)",
    r"(?:starting|beginning) to (?:think|wonder|feel) (?:you|that you|i)",
    r"(?:i'?ll need|i need|need (?:your|it|them|the|those)|please (?:send|return|reply|get|accept)|i expect|accept)"
    r"[^.!?\n]{0,40}\b(?:by|before) (?:\d{1,2}(?::\d\d)? ?(?:am|pm)?|tomorrow|tonight|noon|midnight|end of|eod|cob|"
    r"monday|tuesday|wednesday|thursday|friday|the weekend)",
    r"who (?:doesn'?t|don'?t|never|won'?t) (?:answer|reply|respond|write back)",
    r"(?:awkward|embarrassing|a shame|a pity|disappointing) (?:for me )?if you "
    r"(?:didn'?t|don'?t|won'?t|said no|can'?t)",
    r"(?:i'?ve |i have |i )(?:already )?(?:told|promised|assured|informed) (?:my|our|the) [\w ]{2,20}(?:that )?"
    r"you(?:'d| had| already| agreed)",
    r"(?:hope|trust|sure) you won'?t (?:ignore|forget|leave)",
    r"(?:remember|forget) what it was like",
    r"(?:sure|hope) you(?:'re| are) not like (?:that|them|him|her|the others)",
    r"never followed through",
    r"(?:guess|suppose|assume|must have) (?:it |that |my \w+ )?(?:got lost|slipped through|was lost|went to spam)",
    r"your inbox again",
    r"viewed my profile",
    r"save you the trouble",
    r"i take it (?:you|that you)",
    r"(?:i'?ve been|been|being) (?:very |more than |extremely )?patient",
    r"(?:waiting|waited) (?:so )?patiently",
    r"courtesy of a (?:reply|response|answer)",
    r"(?:hopefully|maybe) (?:this time|you'?ll (?:actually|finally))",
    r"(?:it'?s|it is|that'?s) (?:only|just) (?:\d+|five|two|ten|fifteen) minutes",
    r"(?:thanks|thank you) in advance for your (?:prompt|quick|timely|speedy)",
    r"still no (?:word|reply|response|answer)",
    r"(?:since|as|given) you (?:didn'?t|haven'?t|never|did not|have not) (?:reply|respond|answer|get back|write back)",
    r"(?:i'?ll|i will) (?:assume|take (?:that|it|your silence) as) (?:that'?s |it'?s |this is )?(?:a )?(?:yes|ok|fine)",
    r"(?:i'?ll|i will) take your silence as",
    r"unless i hear (?:otherwise|back|from you)",
    r"(?:i'?ve|i have) (?:gone ahead|taken the liberty)",
    r"(?:i'?ve|i have) (?:cc'?d|copied|looped in) (?:your|my) (?:boss|manager|ceo|team|director)",
    r"(?:i'?ve|i have) (?:shared|passed on|given out) your (?:personal |mobile |cell )?(?:number|phone)",
    r"signed you up",
    r"(?:drop|stop|swing|pop) by your (?:office|desk|house|home|place)",
    r"expect (?:a|my) call",
    r"(?:i'?ve|i have) (?:already )?(?:added|listed|named|put) you (?:down )?as (?:a |my )?"
    r"(?:reference|referee|advisor|"
    r"mentor|contact)",
    r"(?:more important|bigger|fancier|better-known) (?:people|things|clients|priorities|contacts)"
    # "even bigger things are ahead of you" is hope, "bigger things ahead of you than my emails" is not
    r"(?! (?:are |lie |will be )?(?:ahead of you|ahead(?! of)|to come|coming|in store|await\w*)(?! than))",
    r"as i(?:'ve)? (?:mentioned|said|asked|wrote|explained) (?:twice|three times|several times|before|already|"
    r"more than once)",
    r"(?:i guess|i suppose|i assume|apparently|must have) (?:it |that |my \w+ )?(?:got lost|slipped through|was lost)",
    r"i suppose (?:that'?s|this is) how",
    r"(?:i must say|frankly|honestly|to be honest),? (?:it'?s |i'?m |that'?s |this is )?(?:quite |very |a bit )?"
    r"(?:disappointing|disappointed|surprising|frustrating|frustrated)",
    r"(?:could|can|would) you (?:\w+ ){0,4}(?:today|tonight|right away|this afternoon|within the hour)",
    r"(?:you(?:'re| are)?|you'?ve) finally (?:getting|got|replied|replying|responded|responding|answered|answering|"
    r"writing|wrote)",
    r"finally (?:getting|got|get) back to me",
    r"for finally (?:replying|responding|getting back|answering|writing(?: back)?)",
    r"better late than never",
    r"(?:\d+|two|three|four|several) (?:days|weeks) (?:felt|is|was) (?:like )?(?:a long|forever|ages)",
    r"(?:i'?ve|i have) (?:already |gone ahead and )?(?:booked|scheduled|blocked) (?:us|you|a|an|the|time|"
    r"weekly|monthly|daily)",
    r"(?:i'?ve|i have) (?:already |gone ahead and )?put (?:us|you) (?:in|down)",
    r"(?:sent|sending) (?:you )?(?:the |a |calendar )?invites? (?:for|through|until|every)",
    # their own values held against them, the unanswered messages counted
    r"(?:for|as) someone who (?:\w+ ){0,2}(?:talks|writes|posts|preaches|tweets|speaks|claims|says)",
    r"i thought you (?:actually |really )?(?:cared|valued|believed|were (?:different|someone|the kind|all about))",
    r"(?:surprising|disappointing|telling|ironic) (?:that )?you (?:never|don'?t|didn'?t|haven'?t|won'?t|can'?t)",
    r"(?:i'?ve|i have) (?:now )?(?:sent|written|emailed) (?:you )?(?:\d+|two|three|four|five|several|multiple) "
    r"(?:messages|emails|notes)",
    r"you never (?:answer|reply|respond|write back|get back)",
    r"(?:i'?ve|i have) (?:tried|been trying) (?:to )?(?:reach|reaching|contact|contacting|get hold of|call|calling|"
    r"email|emailing)(?: you)?(?: \w+){0,4} (?:several|many|multiple|a few|three|four|\d+|a number of) times",
    r"still nothing",
    r"at least a (?:yes or no|reply|response|quick no)",
    r"(?:as )?i'?m sure you(?:'ll)? (?:understand|know|can see|appreciate|agree|realise|realize|get it)",
    r"(?:i'?ve|i have) put (?:a lot|so much|hours|days|weeks) (?:of )?(?:time|work|effort) into",
)
PUSHY_MEDIUM = _words(
    r"any (?:update|updates|news)\s*\?+",
    r"asap",
    r"bump(?:ing)?(?: this)?(?: up| to the top)?",
    r"following up again",
    r"(?:yet )?another (?:follow-?up|reminder|message)",
    r"just (?:a )?(?:gentle |friendly |quick )?reminder",
    r"hello\s*\?{1,}",
    r"you there\s*\?",
    r"i (?:will|'?ll) (?:keep|continue) (?:following up|messaging|emailing|reaching out|checking)",
    r"(?:i'?ll|i will) (?:call|ring) you",
    r"i (?:really )?need you to",
    r"you (?:need|have|must) to (?:reply|respond|answer|get back|let me know|decide|tell me|read)",
    # a stranger's favour stated as their duty: "you need to show me how", "you have to help me"
    r"you (?:need|have|must|'?ve got) to (?:show|help|teach|give|send|find|get|introduce|refer|train|coach) me\b",
    r"can you refer me",
    r"(?:get|find) me a job",
    r"(?:be|become) my mentor",
    r"(?:hire|refer) me",
    r"(?:or|otherwise) (?:i'?ll|i will) (?:assume|take it) (?:that )?you'?re not interested",
    r"(?:nobody|no one|none of them) (?:has |have )?(?:replied|responded|answered|got back|gotten back)",
    r"(?:i )?hope you'?ll be (?:different|the exception)",
    r"(?<!if )(?:you'?re|you are) (?:just |probably |now )?too (?:famous|important|busy|big|good) (?:now|to|for)",
    r"(?:i )?(?:would |'?d )?expect the same courtesy",
    r"(?:the )?(?:least|courtesy) (?:you could do|of a reply)",
    r"(?:i'?m|i am) (?:only )?(?:keeping|holding) (?:\w+ )?(?:slots?|spots?|places?) (?:open )?until",
    r"(?:after|given) (?:all )?(?:the time|everything) i(?:'?ve| have) (?:given|spent|invested|done)",
    r"you (?:always|often|yourself) (?:say|said|talk about|preach|post about)[^.!?\n]{0,60}(?:so|yet|but)",
    r"(?:you )?wouldn'?t want to (?:leave|let|be the one)",
    r"(?:it'?s|it is) (?:now )?on you to",
    r"remove you from (?:my|our) (?:list|contacts|file)",
    r"(?:guessing|guess|assume|take it) (?:that )?(?:this|it) (?:just )?isn'?t a priority",
    r"fix (?:it|this|that|the [\w -]{2,30}) already",
)
SHOUT = rx.compile(r"(?:!{3,}|\?{2,}|\?!|!\?)")
# capitals that shout rather than abbreviate: a run of capitalised words, or an emphasis word in capitals
CAPS_RUN = rx.compile(r"\b[A-Z]{2,}['!?.,]*(?:\s+[A-Z]{2,}['!?.,]*){2,}")  # one way to split a run: linear
CAPS_EMPHASIS = rx.compile(
    r"\b(?:PLEASE|URGENT|ASAP|NOW|NEED|MUST|IMPORTANT|REALLY|VERY|NEVER|STILL|WAITING|TODAY|REPLY|RESPOND|ANSWER|"
    r"ANY|WHY|WHEN|EVER|AGAIN|NOTHING|ONLY|JUST|SERIOUSLY|HELLO|FINALLY|DEADLINE|IMMEDIATELY|TOMORROW)\b"
)
CAPS_OK = frozenset(
    {
        "HTTP",
        "JSON",
        "HTML",
        "NASA",
        "ASAP",
        "AWS",
        "LLMS",
        "SAAS",
        "OKRS",
        "KPIS",
        "APIS",
        "GDPR",
        "FAANG",
        "NYC",
        "PYCON",
        "EMEA",
        "APAC",
        "SOC2",
        "RSVP",
        "YAML",
        "CSS",
        "SQL",
        "GPU",
        "GPUS",
        "UCLA",
        "MIT",
        "CEO",
        "CTO",
        "CFO",
        "COO",
        "VP",
        "SRE",
        "DEVOPS",
        "MLOPS",
        "OSS",
        "IETF",
        "UNICEF",
        "NATO",
        "IEEE",
        "ACM",
        "SXSW",
        "UX",
        "UI",
        "B2B",
        "B2C",
        "REST",
        "SDK",
        "CLI",
        "LGTM",
        "TLDR",
        "FWIW",
        "IIRC",
        "IMHO",
        "KUBECON",
        "NEURIPS",
        "ICML",
        "CVPR",
        "PYDATA",
        "EUROPYTHON",
        "DJANGOCON",
        "JSCONF",
        "RUBYCONF",
    }
)

# an easy out that softens a nudge: "totally understand if now isn't a good time"
SOFTENER = _words(
    r"(?:totally|completely|fully|i) understand if",
    r"no (?:worries|pressure|problem|stress) (?:if|at all|either way)",
    r"(?:if|in case) (?:now|the timing|this) (?:isn'?t|is not|'?s not) (?:a good time|right|great)",
    r"(?:either way|whatever you decide)",
    r"if the timing'?s? (?:is )?(?:bad|wrong|off|not right|not great)",
    r"no (?:rush|hurry|wahala)",
    r"(?:feel free to|happy for you to) (?:ignore|say no|pass)",
)

# --- over-personal -----------------------------------------------------------------------------------
OVER_PERSONAL_HIGH = _words(
    r"(?:hey|hi|hello) (?:gorgeous|beautiful|handsome|cutie|sexy|babe|sweetheart)",
    r"(?:your )?profile (?:pic|picture|photo)",
    r"(?:you (?:looked?|look|are|were)|so|really|very) (?:beautiful|gorgeous|pretty|handsome|cute|hot|sexy|stunning|"
    r"attractive)",
    r"your (?:smile|eyes|hair|looks|outfit|body|legs|dress)",
    r"(?:prettier|hotter|cuter|more beautiful|better-looking|more handsome) (?:in person|than)",
    r"(?:best|nicest|loveliest|most beautiful|gorgeous|lovely|beautiful) smile",
    r"you look (?:so much |just |a lot )?like (?:my|a|an)",
    r"(?:head'?s|hangover'?s?) (?:recovered|ok|okay|better|cleared)",
    r"(?:saw|seen|loved) (?:the|your) (?:story|stories|insta|holiday snaps)",
    r"(?:hen|stag|bachelor|bachelorette) (?:do|party|night|weekend)",
    r"(?:with|had|have|from) (?:the |a |your )?(?:migraine|flu|stomach bug|hangover)",
    r"are you (?:single|married|seeing anyone|dating)",
    r"(?:your|ur) (?:husband|wife|boyfriend|girlfriend|ex|spouse|divorce|pregnancy|"
    r"diagnosis|illness|therapy|religion|salary|weight|age)",
    r"(?:i )?(?:looked you up|stalked|found your) (?:on )?(?:instagram|facebook|tiktok|home address|personal)",
    r"(?:your|ur) (?:instagram|facebook|tiktok|vacation|holiday|beach|family|wedding) (?:photos|pics|pictures|posts)",
    r"(?:what'?s|send me|give me) your (?:personal |phone |cell )?(?:number|address)",
    r"(?:drinks|dinner) (?:just )?(?:the two of us|us two|alone)",
    r"just (?:the two of us|us two)",
    r"xoxo|hugs and kisses|love you(?! to\b)|miss you(?! at\b)|kisses",
    r"(?:soul ?mate|chemistry between us)",
    r"where do you live",
    r"how old are you",
    r"(?:saw|seen|noticed|spotted|found|looked at|went through|scrolled) (?:\w+ ){0,4}(?:on|in|through) "
    r"(?:your|ur) (?:personal )?(?:instagram|insta|facebook|fb|tiktok|snapchat|stories|story|personal (?:page|"
    r"account|profile|feed)|private)",
    r"(?:your|ur) (?:instagram|insta|facebook|tiktok|snapchat|personal (?:account|profile|page|feed)|stories)",
    r"(?:your|ur) (?:honeymoon|divorce|breakup|break-up|miscarriage|surgery|chemo|rehab|custody|pregnant|new baby|"
    r"kids?'?s?|son'?s?|daughter'?s?|toddler|baby'?s?|husband'?s?|wife'?s?|partner'?s?|boyfriend|girlfriend) "
    r"(?:photos?|pics?|pictures?|birthday|party|school|recital|game|wedding|trip|vacation|holiday|looked|is|was)",
    r"(?:your|ur) (?:family|beach|vacation|holiday|wedding|birthday|weekend|date) (?:photos?|pics?|pictures?|trip|"
    r"in|at|to|looked|party)",
    r"you look(?:ed)? (?:even |so |really |very )?(?:better|great|good|younger|amazing|lovely|fit|tired|nervous)",
    r"(?:the|your|ur) (?:ivf|fertility|miscarriage|cancer|chemo|diagnosis|illness|hangover|breakup|break-up|"
    r"pregnancy|rehab|therapy|divorce|weight loss|mental health|health scare|dating life|love life)",
    r"(?:your|ur) (?:linkedin |profile )?(?:photo|picture|pic|selfie)",
    r"(?:saw|noticed|seen|spotted|read|see)[^.!?\n]{0,40}(?:on|from|in) (?:your )?(?:strava|instagram|insta|facebook|"
    r"fb|tiktok|snapchat|dating)",
    r"(?:hey|hi|hiya|hello) (?:hun|hon|hunny|babe|babes|sweetie|darling|lovely|gorgeous|cutie|sexy)",
    r"\bx{2,}\s*$",
    r"\b(?:ivf|miscarriage|chemo(?:therapy)?|cancer diagnosis|fertility treatment)\b",
    r"(?:found|got|tracked down|dug up) your (?:personal|home|private|mobile|cell) (?:email|number|phone|address)",
    r"i (?:googled|stalked|looked up everything about) you",
    r"(?:saw|spotted|noticed) you (?:at|in) (?:the |your )?(?:gym|pool|park|supermarket|church|mosque|bar|pub|club)",
    r"you live (?:in|on|near|around)",
    r"your (?:house|home address|street|neighbou?rhood|flat|apartment)\b",
    r"(?:you )?(?:seemed|seem|were|looked) (?:a bit |a little |quite |very |so )?(?:nervous|shy|awkward|drunk|tipsy|"
    r"hungover|tired|stressed|lonely)",
)
# what was read on a social account decides whether mentioning it is personal: their studio's free clinic is work
SOCIAL_NETWORK = rx.compile(r"instagram|insta\b|facebook|\bfb\b|tiktok|snapchat|strava", _I)
WORK_CONTENT = _words(
    r"(?:your|their|the) (?:studio|company|team|clinic|agency|firm|business|brand|shop|lab|practice|startup|gallery|"
    r"school|charity|nonprofit|restaurant|bakery|museum|organi[sz]ation)'?s?",
    r"(?:launch|product|exhibition|workshop|class|course|programme|program|clinic|talk|event|hiring|opening|release)",
)
PERSONAL_CONTENT = _words(
    r"(?:family|vacation|holiday|beach|wedding|honeymoon|kids?|children|son|daughter|husband|wife|partner|boyfriend|"
    r"girlfriend|birthday|party|trip|gym|selfie|photos? of you|pics? of you|you looked|dog|cat|house|home)",
    r"your (?:morning |evening |long |weekend )?(?:run|runs|race|marathon|ride|rides|workout)",
)
OVER_PERSONAL_MEDIUM = _words(
    r"(?:my|our) (?:divorce|breakup|break-up|therapist|therapy|diagnosis|medication|illness|surgery|"
    r"custody|debt|debts|mortgage|ex-wife|ex-husband|ex)",
    r"(?:i'?ve|i have) been (?:so )?(?:depressed|lonely|struggling (?:emotionally|mentally))",
    r"(?:i )?(?:feel|felt) (?:such )?(?:a|an) (?:deep|special|real) (?:connection|bond)",
    r"(?:best|new) (?:friends?|bff)",
    r"hugs",
    r"babe|honey|sweetie|darling|dear friend",
    r"(?:you(?:'re| are)) (?:amazing|incredible|perfect|the best)(?: person)?",
    r"i (?:can'?t|cannot) stop thinking about",
    r"(?:your|ur) (?:parents|mom|dad|mother|father|health|personal life|kids|children)",
    r"(?:my )?(?:partner|husband|wife|boyfriend|girlfriend) (?:just |has )?(?:left|dumped|cheated)",
    r"(?:evicting|evicted|kicking) me",
    r"in awe of your (?:brilliance|genius|greatness|wisdom)",
    r"(?:the )?most (?:visionary|inspiring|brilliant|amazing|incredible) (?:leader|person|mind|human)",
    r"(?:thank you[,!]* ){2}thank you",
    r"(?:dinner|drinks|a drink|a date) (?:together )?(?:just )?(?:the )?(?:two of us|just us)",
    r"(?:take you (?:out )?(?:to|for)|join me for|have|grab) (?:a )?(?:romantic |nice |quiet )?(?:dinner|drinks?)"
    r"(?: together)?(?: (?:sometime|this weekend|on (?:friday|saturday) night|one evening|tonight|at my place))",
)

# an introduction made (or a promise made for them) without asking first: double opt-in is the norm
UNASKED_INTRO = _words(
    r"(?:want|wanted) you to meet",
    r"meet my (?:friend|buddy|colleague|pal|mate)",
    r"say hi to (?-i:[A-Z])\w+",
    r"(?:you|you two) (?:ought to|should|must|need to) (?:talk|meet|connect|chat|grab|get together)",
    r"(?:i )?(?:said|told (?:her|him|them))(?: that)? you'?d (?:walk|help|talk|meet|show|give|review|take|call)",
    r"(?:figured|thought|think) you two (?:ought to|should|would|need to)",
    r"i'?ll let you two take it from here",
    r"(?:put|putting) you in touch with (?-i:[A-Z])\w+, who",
    r"say i sent you",
)
SELF_PROMOTION = _words(
    r"(?:i'?d|i would|i could|i will|i'?ll) (?:be|make) (?:a |an )?(?:strong|great|perfect|valuable|excellent|ideal) "
    r"(?:addition|fit|asset|hire)",
    r"make me (?:a |an |the )?(?:strong|great|perfect|ideal|excellent|top|qualified) (?:candidate|fit|choice)",
    r"linking up with me will be to your advantage",
    r"done it all,? seen it all",
    r"(?:my|i have the) (?:skills|abilities|experience|background) (?:would )?make me (?:a |an |the )?(?:great|strong|"
    r"perfect|ideal|excellent|valuable|good) (?:addition|fit|candidate|hire)",
    r"as my (?:profile|resume|cv|website) shows",
    r"i(?:'ve| have) had a (?:very |long |rich )?(?:full|long|successful|distinguished|stellar) career",
    r"(?:raising|raise) awareness of my",
    r"(?:read|intend to read|buy|check out) my (?:work|book|framework|course|newsletter)",
    r"(?:i'?m|i am) confident you'?ll find (?:it|my)",
    r"(?:rly|really) hope i get the (?:job|role|offer)",
    r"(?:just )?wanted (?:you|to let you) (?:to )?know how (?:things are|it'?s|everything'?s) going for me",
    r"my (?:new )?personal brand",
    r"follow (?:along|my journey|me)(?! up)",
    r"(?:go |please |pls )?check out my (?:amazing|awesome|new|cool|latest) ",
    r"(?:needs?|could use|is looking for|are looking for) someone like me",
    r"(?:i'?m|i am|i'?ve been|as) (?:\w+ ){0,3}(?:top|high)[- ]performing",
    r"(?:i'?m|i am) (?:a |an )?(?:rockstar|ninja|guru|world[- ]class|best[- ]in[- ]class)",
    r"(?:contribute|add value|make an impact|deliver results) from (?:day one|the (?:very )?first day)",
    r"(?:i'?m|i am) (?:sure|confident|certain) (?:that )?i (?:could|can|would|will) (?:contribute|excel|succeed|thrive|"
    r"add value|make a (?:real |big )?(?:difference|impact))",
    r"(?:please |pls )?(?:star|upvote|retweet) (?:it|my|our|the repo)",
)

# --- salesy ------------------------------------------------------------------------------------------
SALESY_STRONG = _words(
    # "a few clients are getting strong pipeline gains with our tool"; "show you the games we've built for schools"
    r"(?:clients|customers|teams|companies|schools|brands) (?:are )?(?:getting|seeing|achieving) (?:\w+ ){0,3}"
    r"(?:gains|results|growth|roi|wins) (?:with|from|using) our (?:tool|platform|product|software|app|solution)",
    r"show you (?:the|our) (?:[\w-]+ ){0,5}(?:we'?ve built|we have built|we built|we offer|we make) for "
    r"(?:schools|clients|customers|businesses|teams|companies|brands|retailers|hospitals|agencies)",
    r"(?:book|schedule|grab|set up) a (?:quick |short |free |15[- ]minute |30[- ]minute )?(?:demo|sales call|"
    r"discovery call|consultation)",
    r"free (?:trial|consultation|audit|demo)",
    r"limited[- ]time",
    r"special (?:offer|deal|pricing|discount)",
    r"\d+ ?% (?:off|discount)",
    r"act now",
    r"don'?t miss (?:out|this)",
    r"exclusive (?:offer|deal|access)",
    r"click (?:here|the link|below)",
    r"sign up (?:today|now|here|for free)",
    r"buy (?:now|today)",
    r"(?:try|trying|test|testing|switch to|check out) (?:our|my) (?:product|platform|solution|software|service|"
    r"offering|agency|tool|app)",
    r"(?<!how to )(?:increase|boost|grow|double|triple|raise|lift) your (?:total )?(?:revenue|sales|leads|roi|"
    r"conversions?|"
    r"conversion rates?|pipeline|traffic|clv|ltv|aov|signups|bookings)",
    r"money[- ]back",
    r"(?:only|just) \$\d+",
    r"sell you",
    r"(?:customers|clients) like you",
    r"i help (?:\w+[- ]?){1,5}(?:to )?(?:grow|scale|increase|double|triple|boost|get|land|book|close|generate|"
    r"cut|save|reduce|win|hit|automate|streamline|\d)",
    r"(?:we|i) (?:help|helped|enable|empower) (?:\w+ ){0,4}(?:companies|teams|founders|brands|businesses|agencies|"
    r"startups|clinics|firms|leaders|coaches|creators) (?:like yours )?(?:to )?\w+",
    r"\d+(?:\.\d+)?\s?(?:x|×) (?:more |their |your |the )?(?:\w+ )?(?:pipeline|revenue|sales|leads|growth|"
    r"roi|conversions|bookings|meetings|results|faster|traffic)",
    r"done[- ]for[- ]you",
    r"i help (?:[\w-]+ ){0,3}(?:founders|companies|teams|brands|businesses|agencies|startups|ceos|ctos|cfos|"
    r"marketers|clinics|firms|creators|execs|executives|organi[sz]ations|smbs|smes|retailers|sellers|practices|owners|"
    r"recruiters|coaches|consultants|landlords|dentists|lawyers|realtors|shops|stores|restaurants)\b",
    r"see (?:if|whether) (?:we(?:'re| are)|there(?:'s| is)|it(?:'s| is)|you(?:'re| are)) (?:a )?(?:\w+ )?fit",
    r"(?:a )?(?:good |great |right |perfect )?fit for (?:your|you)",
    r"(?:our|my) (?:clients|customers) (?:see|get|typically|average|usually|have seen|report|saw)",
    r"(?:book|grab|pick|schedule) (?:a |some )?(?:time|slot|call|meeting)? ?(?:on|via|through|using|in) "
    r"(?:my|our) (?:calendar|calendly|booking)",
    r"calendly",
    r"(?:sales|discovery|strategy|intro|onboarding|demo) call",
    r"(?:show|walk) you (?:how|what) (?:we|our|my)",
    r"(?:pilot|trial|audit|proposal|quote) (?:for|with) your (?:team|company|business|org)",
    r"(?:affordable|competitive) (?:rates|pricing|packages)",
    r"we(?:'ve| have) (?:helped|worked with|served) (?:over |more than )?\d[\d,]*\+? (?:companies|clients|teams|"
    r"brands|founders|businesses|customers|agencies|firms|startups)",
    r"trusted by (?:over |more than )?\d",
    r"we (?:specialise|specialize) in (?:helping|working with)",
    r"(?:our|my) (?:services|rates|agency'?s|consultancy'?s|retainer)\b",
    r"(?:link to|grab time on|book time on|slot on) (?:my|our) (?:calendar|diary|schedule)",
    r"we offer (?:a |an )?(?:free|discounted|special|full|complete|tailored)",
    r"free (?:sample|samples|gift|copy of our|ebook|e-book|assessment|strategy session)",
    r"(?:our|my) [\w-]+ (?:range|line|suite|package|services|service|solution|product|platform|tool|software|app|"
    r"system) (?:could|would|can|will) "
    r"(?:really )?(?:help|benefit|transform|save|boost|fix)",
    r"pitch (?:him|her|them|you|your \w+) (?:on )?(?:my|our)",
    r"(?:a |our |short |quick )?case study (?:where|on how|showing|of how|about how)",
    r"(?:doubled|tripled|cut|grew|increased|saved|boosted|reduced|lifted) [\w ,£$%-]{2,40} (?:with|using) (?:us|our)",
    r"(?:overlap|work together|partner) commercially",
    r"our [\w -]{2,30} (?:tool|platform|product|software|app|solution|range|system|ai|arm|service) "
    r"(?:sits|fits|could|would|can|helps|does|solves|saves)",
    r"not a (?:sales )?pitch",
    r"(?:short|quick|brief|live|free|personal) demo",
    r"(?:brand|company|team|business|firm|clinic|startup)s? like yours",
    r"(?:companies|businesses|agencies|teams|brands) like yours",
    r"(?:our|my) [\w -]{2,30} (?:tool|platform|product|software|app|solution|service) (?:cuts|reduces|boosts|"
    r"increases|doubles|halves|saves|automates)",
    r"(?:we have|there are) (?:\w+ )?(?:open )?slots (?:open )?(?:in|for|this|next)",
    r"(?:let'?s )?get (?:it|this|that|you) (?:on|in) the calendar",
    r"(?:packages?|retainers?) (?:start|starting) (?:at|from)",
    r"(?:a |the )?demo (?:of|for) (?:our|my)",
    r"(?:started|start|begun|began) selling",
    r"(?:best|#1|number one|leading) (?:\w+ )?(?:on|in) the market",
    # "walk you through how we set that up" shares what was learned; "show you how we can…" sells
    r"(?:show|walk) you (?:through )?(?:why|how|what) (?:ours|our|my|we(?! (?:set|built|did|ran|handled|solved|"
    r"fixed|approached|tackled|learned|structured)\b))",
    r"walk you through (?:my|our) (?:\w+ )?(?:vision|product|platform|projects?|solution|offering|deck|idea)",
    r"(?:totally |completely |fundamentally )?(?:reinvent|revolutioni[sz]e|disrupt) (?:how|the way|your)",
    r"(?:have|take) a look at (?:my|our) (?:work|website|site|product|platform|deck|pdf)",
    r"(?:we'?re|we are|i'?m|i am) raising (?:a|our|my) (?:\$[\d.]+[mk]? )?(?:pre-?seed|seed|series)",
    r"(?:send|share) (?:over )?(?:our|my|the) (?:pitch )?deck",
    r"sponsored by (?:our|my)",
    r"(?:\d+|one|two|three|six) (?:months?|weeks?) (?:free|for free|on us)",
    r"books? a demo",
    r"the #1 \w+",
    r"(?:would|will|could) (?:be|make) (?:an? )?(?:ideal|perfect|great|fantastic) (?:guest|speaker|fit|addition) "
    r"(?:for|on|to) (?:you|your)",
    r"(?:have|get|book|feature) (?:me|us|him|her|our (?:founder|ceo|client)) on your (?:show|podcast|channel|"
    r"newsletter|stage)",
    r"pay[- ]per[- ](?:result|lead|click|appointment)",
    r"(?:a )?(?:great )?fit for (?:a|an|the) (?:[\w-]+ ){0,3}(?:role|position|opening|job) (?:with|at) "
    r"(?:our|my) client",
    r"apply (?:through|via|using) the link",
    r"walk you through (?:a few of |some of |one of )?(?:our|my) (?:\w+ )?(?:projects|products|work|services)",
    r"(?:fantastic|exciting|great|amazing|incredible) opportunit(?:y|ies) (?:that )?(?:i (?:think|believe) )?"
    r"(?:could|would|might|are|is)? ?(?:be )?(?:perfect|ideal|a (?:great|perfect) (?:fit|match))",
    r"call me back",
    r"(?:walk|take) (?:you )?through (?:the|our) (?:platform|product|tool) live",
    r"(?:only|just) a few (?:spots|slots|seats) (?:left|remaining)",
    # a vendor's or a publicist's idiom: being picked as a supplier, a client placed as a guest, a guest post
    r"(?:selected|chosen|picked|considered) (?:as|to be) your (?:\w+ )?(?:partner|vendor|supplier|provider|agency)",
    r"(?:support|help|assist) (?:you )?with (?:all (?:of )?your|everything you) (?:needs?|need|require)",
    r"(?:earn|win) your business",
    r"(?:i'?m|i am) your new (?:account (?:manager|executive|rep)|rep|representative|point of contact|contact at)",
    r"i (?:handle|do|run|manage) (?:the )?(?:pr|publicity|press|media relations|bookings?) for",
    r"(?:places|stages|shows|podcasts|opportunities|events) for (?:our|my) (?:founder|ceo|client|author|"
    r"speaker|boss) to (?:speak|appear|talk|present)",
    r"(?:a |my )?guest (?:post|article|blog(?: post)?|piece|column) (?:from me|by me|for (?:you|your))",
    r"(?:write|contribute|submit|offer) (?:you )?(?:a |an )?guest (?:post|article|blog|piece|column)",
    # a link seller's and an agency's idioms: an article posted with their link, the agency introduced as top
    r"(?:post|publish|place) (?:the|my|an?|this) (?:\w+ )?(?:article|post|piece|content) (?:along )?with (?:my|our) "
    r"(?:do-?follow )?(?:back)?links?(?! to)",
    r"(?:writer|contributor) (?:of|for) (?:something |content |an article |a post )?(?:\w+ ){0,2}for your "
    r"(?:site|blog|website)(?:'?s)? ?(?:audience|readers)?",
    r"(?:we|i)(?:'re| are| am|'m) \w[\w-]*(?: \w[\w-]*){0,2}, (?:an? |the )?(?:top|leading|premier|"
    r"award[- ]winning|full[- ]service|results[- ]driven|boutique)[\w -]{0,30} "
    r"(?:agency|firm|consultancy|provider|studio)",
    r"results[- ]driven (?:agency|firm|team|company|partner|studio)",
    r"(?:talk|chat|speak) (?:to you )?about (?:an? |our )?(?:advertising|marketing|seo|link[- ]building|affiliate|"
    r"sponsorship|media) partnership",
)
SALESY_BUZZ = _words(
    r"synerg(?:y|ies|ize)",
    r"leverage",
    r"game[- ]?chang(?:er|ing)",
    r"revolutionary",
    r"best[- ]in[- ]class",
    r"cutting[- ]edge",
    r"world[- ]class",
    r"10x",
    r"disrupt(?:ive)?",
    r"roi",
    r"value proposition",
    r"win[- ]win",
    r"circle back",
    r"move the needle",
    r"low[- ]hanging fruit",
    r"industry[- ]leading",
    r"next[- ]level",
    r"seamless(?:ly)?",
    r"turnkey",
    r"scal(?:e|ing) your",
    r"guarantee(?:d)?",
    r"purchase",
)

# --- placeholders ------------------------------------------------------------------------------------
# a name dropped into a template: stray runs of spaces around it, or the company's legal suffix in a compliment
MAIL_MERGE = rx.compile(r"[^\s.!?:,;] {3,}[^\s]|\b(?:Inc|LLC|Ltd|GmbH|Corp|Pvt)\b\.?\s+[.,!?]")
PLACEHOLDER = rx.compile(
    r"(?<!\w)<\s*[A-Za-z][A-Za-z _-]{1,30}\s*>|\((?i:your|their|company|first|contact|event|job) ?(?i:name|title|"
    r"company|role|topic)\)|"
    r"\[[^\]\n]{1,40}\]|\{\{?\s*[\w .-]{1,40}\s*\}?\}|<\s*(?:first[_ ]?name|name|company|[a-z_]{2,20}[_ ][a-z_]{2,20}|"
    r"contact|event|topic|role|title|recipient)\s*>|%\w{2,20}%|\b(?:FIRST_?NAME|LAST_?NAME|COMPANY_?NAME|FNAME|XXX+|"
    r"TBD|TODO|INSERT(?: \w+)?|TK|[A-Z]{2,}_[A-Z_]{2,})\b|_{3,}|"
    r"(?i:lorem ipsum|(?:insert|add) (?:name|company|date|link|details) here|"
    r"(?<=dear )(?:first ?name|last ?name|name|xx+)\b|(?<=hi )(?:first ?name|xx+)\b|"
    r"(?:add|insert|put|write|mention) (?:a |one |two |three |some |more )?(?:\w+ ){0,2}(?:lines?|sentences?|"
    r"details?|examples?|numbers?|something) (?:here|about why|on why))",
)

# --- typos and shorthand -----------------------------------------------------------------------------
MISSPELLINGS: dict[str, str] = {
    "teh": "the",
    "recieve": "receive",
    "recieved": "received",
    "definately": "definitely",
    "definatly": "definitely",
    "seperate": "separate",
    "occured": "occurred",
    "untill": "until",
    "wich": "which",
    "alot": "a lot",
    "thier": "their",
    "tommorow": "tomorrow",
    "tomorow": "tomorrow",
    "tommorrow": "tomorrow",
    "acheive": "achieve",
    "beleive": "believe",
    "begining": "beginning",
    "oppurtunity": "opportunity",
    "opportunty": "opportunity",
    "oportunity": "opportunity",
    "conferance": "conference",
    "confrence": "conference",
    "greatful": "grateful",
    "adress": "address",
    "buisness": "business",
    "bussiness": "business",
    "collegue": "colleague",
    "colleage": "colleague",
    "enviroment": "environment",
    "freind": "friend",
    "goverment": "government",
    "interveiw": "interview",
    "knowlege": "knowledge",
    "neccessary": "necessary",
    "necesary": "necessary",
    "occassion": "occasion",
    "persue": "pursue",
    "prefered": "preferred",
    "recomend": "recommend",
    "reccomend": "recommend",
    "recommand": "recommend",
    "succesful": "successful",
    "sucessful": "successful",
    "suprise": "surprise",
    "truely": "truly",
    "wierd": "weird",
    "grammer": "grammar",
    "calender": "calendar",
    "accomodate": "accommodate",
    "apreciate": "appreciate",
    "appriciate": "appreciate",
    "appreicate": "appreciate",
    "connnect": "connect",
    "conect": "connect",
    "mesage": "message",
    "messsage": "message",
    "realy": "really",
    "intrested": "interested",
    "intersted": "interested",
    "interseted": "interested",
    "presentaion": "presentation",
    "presentaton": "presentation",
    "convesation": "conversation",
    "converstion": "conversation",
    "conversaton": "conversation",
    "discusion": "discussion",
    "experiance": "experience",
    "expereince": "experience",
    "insighful": "insightful",
    "insighftul": "insightful",
    "helpfull": "helpful",
    "usefull": "useful",
    "thankyou": "thank you",
    "recieving": "receiving",
    "writting": "writing",
    "intrduce": "introduce",
    "introdcue": "introduce",
    "metting": "meeting",
    "meating": "meeting",
    "oppertunity": "opportunity",
    "shoudl": "should",
    "woudl": "would",
    "coudl": "could",
    "becuase": "because",
    "beacuse": "because",
    "becasue": "because",
    "tho": "though",
    "rly": "really",
    "2day": "today",
    "gr8": "great",
    "b4": "before",
    "thru": "through",
    "ur": "your",
    "u": "you",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "im": "I'm",
    "dont": "don't",
    "didnt": "didn't",
    "doesnt": "doesn't",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "havent": "haven't",
    "couldnt": "couldn't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "ive": "I've",
    "youre": "you're",
    "thats": "that's",
    "whats": "what's",
    "hte": "the",
    "adn": "and",
    "taht": "that",
    "waht": "what",
    "yuo": "you",
    "jsut": "just",
    "abotu": "about",
    "aboutt": "about",
    "wiht": "with",
    "wtih": "with",
    "frist": "first",
    "tihs": "this",
    "thsi": "this",
    "agian": "again",
    "arround": "around",
    "awsome": "awesome",
    "basicly": "basically",
    "finaly": "finally",
    "foward": "forward",
    "fourty": "forty",
    "goign": "going",
    "hapy": "happy",
    "inpsiring": "inspiring",
    "inspirational": "inspirational",
    "lookign": "looking",
    "lookin": "looking",
    "managment": "management",
    "mentorshp": "mentorship",
    "noticable": "noticeable",
    "occurence": "occurrence",
    "publically": "publicly",
    "reccommend": "recommend",
    "refered": "referred",
    "relevent": "relevant",
    "resourse": "resource",
    "shcedule": "schedule",
    "schedual": "schedule",
    "sincerly": "sincerely",
    "sinceerly": "sincerely",
    "speach": "speech",
    "stratgy": "strategy",
    "strategey": "strategy",
    "sugest": "suggest",
    "togther": "together",
    "togehter": "together",
    "trully": "truly",
    "wokring": "working",
    "workign": "working",
    "wrok": "work",
    "yesturday": "yesterday",
    "yestarday": "yesterday",
}
MISSPELLINGS.pop("inspirational")
# real-word slips: each pattern is a correctly spelled word in the wrong place, with its correction
_SLIPS: tuple[tuple[str, str], ...] = (
    (r"\byour (?:welcome|going|doing|right\b|not\b|invited|probably|always|definitely|absolutely|so right|"
     r"the best|a (?:great|star|legend|gem))", "you're"),
    (r"\byou'?re (?:team|company|talk|article|post|advice|help|time|insights?|feedback|project|book|presentation|"
     r"email|message|role|startup|input|work|own|new role|thoughts|podcast|panel|keynote|paper|research|session|"
     r"workshop|class|course|webinar|comments?|question|newsletter|blog|mentoring|support|kind words)\b",
     "your"),
    (r"\bthere (?:team|company|work|product|talk|article|advice|own|project|insights?|startup|office|launch|"
     r"latest|recent|new (?:role|job|book|product|app|site|website|paper|office)|"
     r"famil(?:y|ies)|kids|children|patients|clients|customers|staff|students|colleagues|research|book|website|"
     r"app)\b", "their"),
    (r"\btheir (?:is|are|was|were|will be|has been)\b", "there"),
    (r"\bthey'?re (?:team|company|work|product|own|office)\b", "their"),
    (r"\b(?:to|forward to|looking forward to|great to|nice to|love to|glad to) here\b", "hear"),
    (r"\bhere (?:back|from you|more about)\b", "hear"),
    (r"\b(?:your|the|some|my|any|his|her|their|this|that) advise\b", "advice"),
    (r"\b(?:great|good|helpful|kind|valuable|practical|useful|career|expert|for) advise\b"
     r"(?! (?:me|you|us|him|her|them))", "advice"),
    (r"\b(?:could|can|would|will|please|to) (?:you )?advice (?:me|you|us|on|whether)\b", "advise"),
    (r"\bloose (?:my|your|the|touch|track|sight|momentum|out|about|around|over|up to|\d)", "lose"),
    (r"\bloosing\b", "losing"),
    (r"\b(?:more|less) (?:\w+ )?then\b", "than"),
    (r"\b(?:longer|shorter|better|worse|bigger|smaller|faster|slower|easier|harder|higher|lower|greater|larger|"
     r"rather|other|cheaper|quicker|stronger|fewer) then\b", "than"),
    (r"\bits (?:been|a great|an honou?r|a pleasure|so|very|always|not|great|good|nice|lovely|really)\b", "it's"),
    (r"\b(?:could|would|should|must) of\b", "have"),
    (r"\bweather (?:or not|to|you|i|we|it|they)\b", "whether"),
    (r"\bpeaked my interest\b", "piqued"),
    (r"\bsneak peak\b", "peek"),
    (r"\b(?:way |far )?to (?:much|many) (?:time|of|for|work|to)\b", "too"),
    (r"\bthanks? (?:you )?to much\b", "too"),
    (r"\bmeet(?:ing)? you to[!.]", "too"),
    (r"\byour (?:the|a|an) (?:first|best|only|one|most|right|perfect|go-to|person|expert|reason)\b", "you're"),
    (r"\bwho'?s (?:team|company|work|talk|book|article|startup)\b", "whose"),
    (r"\bit'?s own\b", "its"),
    (r"\b(?:be|being|was|were) apart of\b", "a part"),
    (r"\blets (?:connect|chat|meet|talk|grab|catch up|keep|stay|do|get|set|find|schedule|hop|jump)\b", "let's"),
    (r"\bper say\b", "per se"),
    (r"\b(?:for|thanks for|thank you for) the (?:kind )?complement\b", "compliment"),
    (r"\bcould care less\b", "couldn't care less"),
    (r"\b(?:sorry|apologi[sz]e|apologies) (?:for|about) (?:the|any|all the) incontinence\b", "inconvenience"),
    (r"\bincontinence (?:this|it) (?:may|might) (?:cause|have caused)\b", "inconvenience"),
    (r"\b(?:drinks|snacks|wine|refreshments|beer|cocktails|coffee) (?:and|&) nipples\b", "nibbles"),
    (r"\bnipples (?:will be|are) (?:served|provided)\b", "nibbles"),
    (r"\bget laid\b(?! off)", "check this phrase"),
    (r"\bpubic (?:speaking|sector|health|policy|relations|transport|library|school|event|talk|speaker|"
     r"domain|figure|record|service|servant|interest|launch|beta|repo|api)\b", "public"),
    (r"\bcomplement(?:ed|ing|s)? (?:me|you|us|him|her|them) on\b", "compliment"),
    (r"\b(?:a|your|such a|the) (?:kind |lovely |nice |great )?complement\b(?! (?:to|of|for))", "compliment"),
    (r"\b(?:hear|heard|hearing|hello|greetings|email|note|message|word|away|apart|aside) form\b", "from"),
    (r"\bform (?:you|him|her|them|us|me|your|home|last|yesterday)\b", "from"),
    (r"\b(?:not|never) (?:loose|lost) (?:touch|track|sight)\b", "lose"),
    (r"\bloose (?:contact|connection|the chance|this|that|it|out on|an opportunity)\b", "lose"),
    (r"\b(?:i'?m|i am|we'?re|we are|i would|i'?d|we would) not (?:be )?(?:excited|thrilled|keen|eager|delighted|"
     r"honou?red|pleased|happy|glad) to (?:connect|meet|hear|join|share|learn|help|work|chat)\b",
     "check the 'not': it reverses the sentence"),
    (r"\blook(?:ing)? forward to (?:hear|meet|see|speak|talk|work|chat|connect|receive)\b", "…ing"),
    (r"\blast (?:time|week|month|we spoke|we met),? you'?re (?:looking|working|planning|hiring|building|writing)\b",
     "you were"),
)


class Slips:
    """Where real-word slips are in a text, each with its correction.

    One pass with a pattern free of groups finds them (a group per slip makes a search five times slower); only
    at a hit does the grouped pattern say which slip it is (group i → the i-th correction)."""

    __slots__ = ("_find", "_which", "fixes")

    def __init__(self, slips: tuple[tuple[str, str], ...]) -> None:
        alternatives = [pattern.removeprefix("\\b") for pattern, _ in slips]
        self._find = rx.compile(r"\b(?:" + "|".join(alternatives) + ")")
        self._which = rx.compile(r"\b(?:" + "|".join(f"({a})" for a in alternatives) + ")")
        self.fixes = tuple(fix for _, fix in slips)

    def finditer(self, text: str) -> Iterator[tuple[str, str]]:
        """(the slip as written, lower-cased; its correction), left to right."""
        low = lower_keeping_length(text)
        for hit in self._find.finditer(low):
            which = self._which.match(low, hit.start())
            yield hit.group(0), self.fixes[(which.lastindex if which and which.lastindex else 1) - 1]


REAL_WORD_SLIPS = Slips(_SLIPS)
# careless writing: contractions without their apostrophe, text-speak, a long run with no punctuation at all
NO_APOSTROPHE = rx.compile(r"\b(?:im|ive|id|dont|cant|wont|didnt|isnt|thats|youre|whats|theres|doesnt|wasnt)\b")
TEXTSPEAK = rx.compile(r"\b(?:u|ur|pls|plz|thx|wud|gr8|b4|2day|wanna|gonna|dat|wen)\b", _I)
# spellings a quick chat message may use on purpose: not evidence of carelessness on their own
CASUAL_SPELLING = rx.compile(
    r"(?:u|ur|pls|plz|thx|wud|gr8|b4|2day|wanna|gonna|dat|wen|tho|thru|rly|im|ive|id|dont|cant|wont|didnt|isnt|"
    r"thats|youre|whats|theres|doesnt|wasnt)",
    _I,
)
PUNCTUATION_BREAK = rx.compile(r"[.,!?;:()\n]")
RUN_ON_WORDS = 30  # words in a row with no punctuation at all
REPEATED_WORD = rx.compile(r"\b(\w{2,})\s+\1(?![\w-])", _I)
LOWER_I = rx.compile(r"(?:^|\s)i(?=\s|['’]|$)")
WORD = rx.compile(r"[A-Za-z][A-Za-z'’]*")

# --- self-centred ------------------------------------------------------------------------------------
FIRST_PERSON = rx.compile(r"\b(?:i|me|my|mine|myself|i'm|i've|i'd|i'll)\b", _I)
SECOND_PERSON = rx.compile(r"\b(?:you|your|yours|yourself|you're|you've|you'd|you'll)\b", _I)
FIRST_PLURAL = rx.compile(r"\b(?:we|us|our|ours|we're|we've|we'd|we'll)\b", _I)
RESUME_DUMP = _words(
    r"i(?:'?m| am) (?:a|an) (?:passionate|results[- ]driven|highly|motivated|experienced|seasoned|dynamic|"
    r"detail[- ]oriented|self[- ]starter)",
    r"(?:my|i have) (?:\d+|\w+) years of experience",
    r"my (?:resume|cv|portfolio) (?:is )?(?:attached|below|here)",
    r"i(?:'?m| am) (?:currently )?looking for (?:a |my next )?(?:job|role|position|opportunit)",
    r"i need (?:a|this) (?:job|role|referral|favou?r)",
    r"(?:i have|with|my|bringing) (?:over |more than )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|fifteen|twenty)\+? years (?:of|in|at|as)",
    r"i(?:'?m| am) (?:now |currently |actively )?(?:exploring|seeking|open to|looking for) (?:new |a new |my next )?"
    r"(?:roles?|opportunities|positions?|jobs?|challenges?)",
    r"keep me in mind",
    r"i (?:have|bring) (?:deep |strong |extensive )?(?:expertise|experience|a background) in",
    r"(?:mba|phd|cfa|msc|degree) (?:from|at) ",
    r"i(?:'?m| am) a (?:recent|senior|seasoned|certified|award-winning) [\w -]{2,40}(?:with|from)",
    r"i(?:'?m| am) (?:a |an )?(?:hard-?working|dedicated|driven|goal-oriented|team player|quick learner)",
    r"proven track record",
    r"strong (?:communication|leadership|interpersonal|analytical|organi[sz]ational|problem-solving) skills",
    r"i(?:'?ve| have) been (?:working|employed) (?:in|as|at|for) [^.!?\n]{0,40}(?:for|since) "
    r"(?:the (?:past|last) |over )?(?:\w+ )?(?:years|decades)",
    r"i(?:'?m| am) hoping to (?:make a (?:career )?change|transition|break into|pivot|move into)",
    r"(?:i|i'?ve) (?:graduated (?:from|with)|hold a (?:degree|master|bachelor|phd)|managed a team of|led a team of)",
    r"my (?:gpa|skills include|experience includes|key strengths|core competencies)",
    r"(?:quick |brief |short |little )?(?:intro|background|bio) (?:on|about) (?:me|myself)",
    r"a (?:little |bit |few words )?(?:bit )?about (?:me|myself)\s*[:—-]",
    r"\d+\+? ?yrs",
    r"my (?:\w+ )?journey",
    r"thought you'?d (?:want|like|love) (?:the|an|my) update",
)

# --- kind detection ----------------------------------------------------------------------------------
KIND_THANKS = _words(
    r"(?:thank(?:s| you| u|-you)|thx|ty)(?: so much| again| a lot| a ton| very much)?(?: for| -| —|!|,|\.)",
    r"thank(?: you| u)? \w+ for",
    r"(?:a |my )?(?:quick |big |huge )?thank-you",
    r"(?:really |truly )?(?:grateful|appreciate(?:d)?) (?:for |that |your |you |the |it )",
    r"many thanks",
    r"(?:gracias|merci|danke|obrigad[oa]|grazie|asante|dank je)\b",
    r"(?:thanks|thank you|cheers|ta),? (?-i:[A-Z])[\w'-]+[,!.]",
    r"big thanks",
    r"huge thanks",
)
KIND_FOLLOW = _words(
    r"follow(?:ing)?[- ]up",
    r"we (?:worked|studied|volunteered|served|trained) together",  # a former colleague: known, not cold
    r"circling back",
    r"checking in",
    r"bump(?:ing)?",
    r"touching base",
    r"my (?:last|previous|earlier|first) (?:message|note|email|dm)",
    r"haven'?t heard",
    r"(?:did you|you might not have) (?:get|see)",
    r"(?:great|nice|good|lovely|fun) "
    r"(?:meeting|to meet|chatting|talking|speaking|to chat|to talk|to see|to catch up)",
    r"(?:it was|was) (?:great|nice|good|lovely|fun|a pleasure)",
    r"as promised",
    r"as i mentioned",
    r"when we (?:met|spoke|talked|chatted)",
    r"our (?:chat|conversation|talk|call|coffee|lunch)",
    r"we (?:met|talked|chatted|spoke)",
    r"how (?:did|is|are|was) (?:the|your)",
    r"been a while",
    r"last (?:week|month|time|we)",
    r"since we",
    r"wanted to share",
    r"thought of you",
    r"reminded me of you",
    r"thanks? (?:you )?(?:once )?again",
    r"(?:you|i) promised",
    r"it'?s been (?:a while|a few|some|ages|months|\w+ (?:weeks|months))",
    r"congrat(?:s|ulations) on",
    r"how'?s (?:the|your) \w+",
    r"my (?:last|previous) (?:\w+ )?(?:messages|notes|emails)",
    r"(?:earlier|yesterday|last night|this morning|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))",
    r"(?:good|great|nice|lovely) to (?:see|catch up with) you",
    r"(?:quick|gentle|brief|last|final) (?:note|nudge|follow-?up|message)",
    r"(?:haven'?t|didn'?t) (?:heard|hear) back",
    r"(?:hope|how) (?:the|your) (?:\w+ ){0,2}(?:went|is going|launch|move|trip|talk|move|new role)",
    # an answer to them, or a favour already agreed: an exchange under way, not a stranger's first word
    r"(?:thanks|thank you)(?: so much| very much)? for (?:replying|your (?:quick |kind )?reply|getting back|"
    r"responding|your response)",
    r"(?:gentle |quick |friendly )?reminder about",
    r"you (?:kindly )?(?:agreed|offered) to",
    r"(?:that|which) i asked you (?:for|about)",
)
KIND_THANKS_AGAIN = _words(r"as promised", r"here'?s the", r"(?:once )?again for", r"i (?:mentioned|promised)")
KIND_CONNECT = _words(
    r"connect(?:ing|ed|ion)?",
    r"reconnect",
    r"(?:keep|stay) in touch",
    r"add you",
    r"(?:my|your) network",
    r"linkedin",
    r"invitation",
    r"invite",
)
KIND_COLD_STRONG = _words(
    r"we haven'?t (?:met|been introduced)",
    r"(?:i )?came across",
    r"i(?:'?m| am) reaching out",
    r"introduce myself",
    r"reaching out",
    r"you don'?t know me",
    r"my name is",
)
KIND_COLD = _words(
    r"i (?:read|saw|watched|listened to|found) your",
    r"you don'?t know me",
    r"out of the blue",
    r"cold (?:email|message)",
    r"(?:was )?referred (?:me )?(?:by|to)",
    r"\w+ suggested i (?:reach out|contact|get in touch)",
    r"i(?:'?ve| have) been following",
    r"(?:i )?(?:noticed|saw|see) (?:on linkedin )?(?:that )?you(?:'re| are)? (?:work|now|lead|run|a |an |the )",
    r"(?:i )?saw on linkedin",
    r"i was in the audience",
    r"i (?:heard|attended|caught) your",
    r"suggested (?:i|that i) (?:reach out|write|contact|get in touch|email)",
    r"i(?:'?m| am) (?:a|an) (?:\w+ ){0,3}(?:at|in|from|based|studying|working)",
    r"i(?:'?m| am) applying",
    r"i(?:'?ll| will) be upfront",
    r"i manage [\w ]{2,30} at",
    r"(?:thought i'?d|wanted to|decided to|just) reach out",
    r"(?:huge|big|long-?time) fan of your",
    r"on your radar",
)

# --- substance: the words every networking message shares ---------------------------------------------
# A message made only of these (and names) says nothing its reader could not have received from anyone:
# "Thanks for the great time", "I'd love to connect and learn from your experience", "Congrats on the
# promotion", "Just checking in on this, let me know". One word outside them — a topic, a product, a place,
# a number — is substance.
_STOCK = """
    a about again ago all also always am an and any anything are around as at back be been being best bit both
    but by can can't catch chance chat check checking circle circling coffee come congrats congratulations
    connect connected connecting connection connections could day days dear did do does doing don't done
    each ever everything experience feel few find for free friend from get getting give glad go going good
    got grab great had happy has have haven't having hear heard hello help helpful hey hi hiya hope hoping how
    i i'd i'll i'm i've if in interested into is it it's just keep know last learn learning let let's like
    linkedin little look looking lot love lovely made make me meet meeting message met might mind minutes
    more morning much my need network networking new next nice no note now of on one or other our out over
    pick ping please pleasure pleased professional quick quickly re reach reaching really reached regards
    say saying see seeing send sending share should since so some something soon sometime sorry speak
    spoke still stay sure take talk talking team thank thanks that that's the their them then there there's
    these they thing things think this those thought through time to today touch up us very want wanted was
    way we we're week well were what what's when whenever where whether which while who will wish wishes
    with would wonderful work working year you you'd you'll you're you've your yours
    add anniversary promotion role job position career event conference summit meetup stood stands perfect fit
    reach email emails below above previous earlier inbox update updates thoughts reply hearing response
    monday tuesday wednesday thursday friday weekend tomorrow yesterday cheers sincerely warmly kind
    appreciate appreciated grateful yesterday's today's tonight evening afternoon
    invitation invite accept join joining fellow like-minded professionals expand expanding industry field
    profile profiles impressive impressed amazing achieved achievements explore exploring potential synergy
    synergies opportunity opportunities hiring manager application considering wisdom tap leader leaders
    space journey esteemed honour honor suggestions suggested adding company companies pleasure finds writing
    write follow following followed long base excited exciting ahead sir madam everyone same came across
    yours truly forward tips advice insights insight valuable value path story background career's
    enjoyed enjoy well-deserved deserved proud awesome fantastic incredible inspiring inspired
    minded touching making didn't spam staying keeping other's others journeys part clearly seem seems big min
    mins case lost original looks here waiting never nope we've set call calls request requests saw seen
    noticed notice lets brain sec second moment min hunting sending resend resending below attached
    again best wishes regards warm many lots tons truly okay ok sure great-to-meet everything's all's
    curious hop anytime answer end came steps step side ways together might grow keen people mine makes
    sense checked background
    research paper papers project projects website site show shows episode episodes podcast post posts article
    articles content blog book books topic topics area areas lab group interest interests own line fascinating
    interesting insightful brilliant great-work looked read reading latest recent recently admire admired
    follow-up followup discuss discussed discussion conversation conversations chatting chatted
    prospect thrilled honored honoured delighted eager passionate hard-working motivated
    questions question holiday holidays season seasons festive merry christmas happy warmest wonderful cheer
    rest enjoyed enjoying lol haha minute works suits
"""
STOCK_WORDS = frozenset(_STOCK.split())
# a greeting from a company to a list: nobody in particular wrote it
# a link sent with no word of why: "https://…", "fyi https://…"
BARE_LINK = rx.compile(r"^\W*(?:(?:hi|hey|hello|yo|fyi|this|here|look|see|check (?:this|it) out)\W+)?"
                       r"(?:https?://|www\.)\S+\s*$", _I)
# warmth that is the whole point of a note to someone they know: "made me grin", "you're on my mind"
WARMTH = _words(
    r"made me (?:smile|grin|laugh)",
    r"(?:you'?re|you are|you'?ve been) (?:on my mind|in my thoughts)",
    r"(?:i )?(?:really |so )?miss (?:working with you|having you|our (?:chats|talks|lunches|walks)|you)",
    r"(?:i'?m |i am )?(?:so |really |very )?sorry (?:about|to hear) (?:how|what|the news|your|about)",
    r"(?:so |really |very )?proud of you",
    r"(?:i'?m |i am )?(?:here for you|around (?:to help|if you need))",
)
BROADCAST = _words(r"from (?:all of us|everyone|the (?:whole )?team|us all) (?:here )?at", r"dear valued \w+")
# where they met, in a 48-hour follow-up: "great meeting you at <the DevOps meetup>" — a place is not content
MEETING_PLACE = rx.compile(
    r"\b(?:(?:meet(?:ing)?|met|see(?:ing)?|chat(?:ting)?|talk(?:ing)?|speak(?:ing)?|connect(?:ing)?|run(?:ning)? into)"
    r" (?:with )?you (?:at|during|on|over|after)|(?:both|also|fellow) (?:members? )?(?:of|in)|members? of)"
    r" ([^.!?\n,;]{1,60})",
    _I,
)
# a follow-up that only asks whether they saw the last one
BUMP = _words(
    r"(?:just )?checking in(?: on this| again)?",
    r"(?:just )?(?:following|circling) (?:up|back)",
    r"bump(?:ing)? (?:this|it)",
    r"did (?:you|my (?:previous |last |earlier |first )?\w+(?: below)?) (?:get|see|receive|read|reach)",
    r"in case (?:it|this|my \w+) got (?:lost|buried)",
    r"(?:had|have|found) (?:a )?(?:chance|moment|minute|sec) to (?:look|read|review|think)",
    r"any (?:updates?|news|thoughts)",
)

# a follow-up that only chases a decision on the sender's own candidacy: "following up on my resume", "any updates?"
STATUS_CHASE = _words(
    r"(?:following|circling|checking) (?:up|back|in) (?:on|about|regarding) (?:the|my) (?:resume|cv|application|"
    r"candidacy|interview)",
    r"(?:any|an) (?:updates?|news|decision)\b",
    r"(?:check|see|ask|know|hear) (?:whether|if) (?:there(?:'s| is| are| has| have)? (?:been )?)?(?:any )?"
    r"(?:updates?|news|progress|(?:a )?decision)",
    r"heard (?:anything )?back",
)
# words such a chase is made of: what was sent, when, where you met, and the chasing itself
CHASE_WORDS = frozenset(
    str.split(
        "ms mr mrs dr resume cv application applied candidacy interview interviewed role position job opening "
        "update updates news progress decision status hiring process handed gave sent submitted emailed "
        "yesterday today week weeks last ago earlier previous recently monday tuesday wednesday thursday friday "
        "saturday sunday career fair event talked spoke chatted met only know wanted check checking whether "
        "following circling touching base heard hear back anything yet still again once quick quickly"
    )
)

# --- structure ---------------------------------------------------------------------------------------
GREETING = rx.compile(
    r"^\s*(?:hi|hello|hey|hiya|heya|howdy|dear|good (?:morning|afternoon|evening)|greetings|yo|hej|morning)"
    r"\b[ ,]*(?:(?:dr|prof|professor|doctor|mr|mrs|ms|mx|miss|dean|dame|sir)\.?\s+(?=(?-i:[A-Z])))?"
    r"(?P<name>(?-i:[A-Z])[\w'’-]*)?",
    _I,
)
SENTENCE_SPLIT = rx.compile(r"(?<=[.!?])\s+|\n+")
NOT_A_NAME = frozenset(
    {
        "there",
        "all",
        "team",
        "everyone",
        "folks",
        "friend",
        "friends",
        "again",
        "you",
        "y'all",
        "sir",
        "madam",
        "both",
        "guys",
        "everybody",
        "hiring",
        "mr",
        "ms",
        "mrs",
        "dr",
        "prof",
        "and",
        "from",
        "it",
        "just",
    }
)
