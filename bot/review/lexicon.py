"""Precompiled phrase patterns the rules look for. Every pattern is linear; none backtracks badly."""

from __future__ import annotations

import re

_I = re.IGNORECASE


def _words(*alts: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alts) + r")(?!\w)", _I)


# --- generic boilerplate -------------------------------------------------------------------------
GENERIC_STRONG = _words(
    r"to whom it may concern",
    r"dear (?:sir|madam|sir or madam|sir/madam)",
    r"(?:i'?d|i would) like to (?:add you to|join) my (?:professional )?network",
    r"add you to my (?:professional )?network",
    r"please accept my (?:connection )?(?:invitation|invite|request)",
    r"(?:expand|grow|build) my (?:professional )?network",
    r"connect with (?:like-minded|fellow|other) professionals",
    r"as a fellow professional",
    r"we(?: are|'re) both in the \w+ (?:field|industry|space)",
    r"(?:work|are|we'?re) in the same (?:industry|field|space|line of work)",
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
    r"(?:at|during|after) (?:the )?(?:(?-i:[A-Z])[\w&'-]+|meetup|conference|workshop|panel|dinner|booth|hackathon|"
    r"summit|sprint|mixer|event)",
    r"on (?:the )?(?:(?-i:[A-Z])[\w&'-]+ )?(?:podcast|panel|stage|episode|thread)",
    r"since (?:we|our)",
)
PROPER_NOUN = re.compile(r"(?<=[a-z,;:] )([A-Z][a-zA-Z0-9&'-]{2,}|[A-Z]{2,}[a-z]*)")

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
    r"(?:i'?ve |i have )?attached",
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
)
QUESTION = re.compile(r"\?")

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
    r"(?:reply|respond|answer|hear back|get back to me|let me know)(?: \w+){0,3} (?:by|before) (?:end of (?:the )?"
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
    r"urgent(?:ly)?",
    r"(?:surely|presumably) you",
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
    r"can you refer me",
    r"(?:get|find) me a job",
    r"(?:be|become) my mentor",
    r"(?:hire|refer) me",
)
SHOUT = re.compile(r"(?:!{3,}|\?{2,}|\?!|!\?)")
CAPS_WORD = re.compile(r"\b[A-Z]{4,}\b")
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

# --- over-personal -----------------------------------------------------------------------------------
OVER_PERSONAL_HIGH = _words(
    r"(?:hey|hi|hello) (?:gorgeous|beautiful|handsome|cutie|sexy|babe|sweetheart)",
    r"(?:your )?profile (?:pic|picture|photo)",
    r"(?:you (?:looked?|look|are|were)|so|really|very) (?:beautiful|gorgeous|pretty|handsome|cute|hot|sexy|stunning|"
    r"attractive)",
    r"your (?:smile|eyes|hair|looks|outfit|body|figure|legs|dress)",
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
)

# --- salesy ------------------------------------------------------------------------------------------
SALESY_STRONG = _words(
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
    r"(?:our|my) (?:product|platform|solution|software|service|offering|agency|pricing|plans?)"
    r"(?! team| engineer| group| org| work| migration| roadmap| talk| people)",
    r"(?:increase|boost|grow|double|triple) your (?:revenue|sales|leads|roi|conversions|pipeline)",
    r"money[- ]back",
    r"(?:only|just) \$\d+",
    r"sell you",
    r"(?:customers|clients) like you",
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
PLACEHOLDER = re.compile(
    r"\[[^\]\n]{1,40}\]|\{\{?\s*[\w .-]{1,40}\s*\}?\}|<\s*(?:first[_ ]?name|name|company|[a-z_]{2,20}[_ ][a-z_]{2,20}|"
    r"contact|event|topic|role|title|recipient)\s*>|%\w{2,20}%|\b(?:FIRST_?NAME|LAST_?NAME|COMPANY_?NAME|FNAME|XXX+|"
    r"TBD|TODO|INSERT(?: \w+)?)\b|_{3,}",
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
REPEATED_WORD = re.compile(r"\b(\w{2,})\s+\1(?![\w-])", _I)
LOWER_I = re.compile(r"(?:^|\s)i(?=\s|['’]|$)")
WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")

# --- self-centred ------------------------------------------------------------------------------------
FIRST_PERSON = re.compile(r"\b(?:i|me|my|mine|myself|i'm|i've|i'd|i'll)\b", _I)
SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|you're|you've|you'd|you'll)\b", _I)
FIRST_PLURAL = re.compile(r"\b(?:we|us|our|ours|we're|we've|we'd|we'll)\b", _I)
RESUME_DUMP = _words(
    r"i(?:'?m| am) (?:a|an) (?:passionate|results[- ]driven|highly|motivated|experienced|seasoned|dynamic|"
    r"detail[- ]oriented|self[- ]starter)",
    r"(?:my|i have) (?:\d+|\w+) years of experience",
    r"my (?:resume|cv|portfolio) (?:is )?(?:attached|below|here)",
    r"i(?:'?m| am) (?:currently )?looking for (?:a |my next )?(?:job|role|position|opportunit)",
    r"i need (?:a|this) (?:job|role|referral|favou?r)",
)

# --- kind detection ----------------------------------------------------------------------------------
KIND_THANKS = _words(
    r"(?:thank(?:s| you| u|-you)|thx|ty)(?: so much| again| a lot| a ton| very much)?(?: for| -| —|!|,|\.)",
    r"thank(?: you| u)? \w+ for",
    r"(?:a |my )?(?:quick |big |huge )?thank-you",
    r"(?:really |truly )?(?:grateful|appreciate(?:d)?) (?:for |that |your |you |the |it )",
    r"many thanks",
    r"big thanks",
    r"huge thanks",
)
KIND_FOLLOW = _words(
    r"follow(?:ing)?[- ]up",
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
)
KIND_CONNECT = _words(
    r"connect(?:ing|ed|ion)?",
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
)

# --- structure ---------------------------------------------------------------------------------------
GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|hiya|heya|howdy|dear|good (?:morning|afternoon|evening)|greetings|yo|hej|morning)"
    r"\b[ ,]*(?P<name>(?-i:[A-Z])[\w'’-]*)?",
    _I,
)
SIGN_OFF = re.compile(
    r"(?:^|\n)\s*(?:best|cheers|thanks|thank you|regards|kind regards|best regards|warm regards|warmly|"
    r"all the best|talk soon|sincerely|many thanks|speak soon|take care|ta|thx|—|-|~)\b[^\n]{0,40}$",
    _I,
)
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")
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
