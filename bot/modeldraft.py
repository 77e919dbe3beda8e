"""Bring your own model (optional): a draft written by an OpenAI-compatible chat model the operator names,
checked as the built-in drafter's are before the member sees it — else the built-in draft.

This module is the port and the rules, no network: `ChatModel` is what the coach needs of a model (the HTTP
client is adapters/llm.py), `ModelDrafts` who may use it (the workspaces the operator listed, each member
then opting in), `prompt` what it is sent, and `vet` the checks its answer must pass: no private judgement
or to-do from the notes, the right greeting name, no promise the notes don't make, and the coach's own
`review()`. The built-in drafter (bot/review/drafts.py) writes first, always; the model only rewrites a
draft the built-in drafter would have shown, never a question or an advice to let it rest.

The model is called after the unit of work has committed (bot/coach.py), so a slow model holds no database
lock or connection; `ModelJob` carries the plain values it needs out of the unit.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from bot.review.drafts import Draft
    from bot.review.model import DraftContext

log = logging.getLogger(__name__)

Message = tuple[str, str]  # (role, content): "system" or "user", and the text
MAX_WORDS = 150  # the built-in drafter's body is at most 120 words; a greeting and a signature on top
MIN_WORDS = 8
MAX_ANSWER = 4000  # characters of the model's answer read at all
NOTE_LIMIT = 1500  # characters of the notes' shareable parts sent to the model


class ModelError(Exception):
    """The model gave no usable answer: ``timeout`` (past the time limit), ``error`` (refused, unreachable,
    not JSON, no text). The message is for logs: it never holds the prompt or the answer."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind


class ChatModel(Protocol):
    """An OpenAI-compatible chat model: the messages in, the first choice's text out (ModelError otherwise)."""

    @property
    def name(self) -> str:
        """The model's name, as members are told it (``llama3.1:8b``)."""

    def complete(self, messages: Sequence[Message], timeout: float) -> str: ...


@dataclass(frozen=True)
class ModelDrafts:
    """A model the operator configured, and the workspaces whose members may switch it on ("*": all). A
    workspace is named by its id (a Slack team id, a Discord server id, ``local`` for the console), or as
    ``platform:id``."""

    model: ChatModel
    workspaces: frozenset[str]
    timeout: float = 8.0

    def allows(self, platform: str, workspace_id: str) -> bool:
        return bool(workspace_id) and ("*" in self.workspaces or workspace_id in self.workspaces
                                       or f"{platform}:{workspace_id}" in self.workspaces)

    @property
    def name(self) -> str:
        return self.model.name


@dataclass(frozen=True)
class ModelJob:
    """A model draft to ask for once the unit of work has committed: the prompt, and what the answer is
    checked against (the contact's context, the stage, the built-in draft it replaces)."""

    messages: tuple[Message, ...]
    nudge_kind: str
    context: DraftContext
    purpose: str | None
    builtin: Draft
    member_id: int
    announce: bool  # the member's first model-written draft says what wrote it, and what it was sent
    platform: str = ""  # the asker's, for metrics (coach_commands_total{command="model_draft"})


@dataclass(frozen=True)
class Outcome:
    """The model's vetted draft, or why the built-in one stands (``why``: for the member, one clause)."""

    text: str | None
    why: str | None = None


# --- what the model is sent -------------------------------------------------------------------------

STAGE_WORDS = {
    "follow_up_48h": "the first message after meeting them",
    "no_reply_1w": "a brief, polite follow-up a week after a first message that got no reply",
    "no_reply_2w": "one last short, polite message after two messages without a reply (no guilt, no pressure)",
    "check_in": "a check-in with someone the writer is already in touch with",
}

SYSTEM = (
    "You write one short networking message for the person described below, to someone they met. "
    "Write only the message itself, as plain text: no subject line, no preamble, no explanation, no "
    "placeholders in brackets, no markdown. Greet them exactly as the greeting line says. Use only the "
    "facts given: never invent a fact, a date, a meeting, a promise or an offer, and never promise "
    "anything the plain draft does not. Keep every promise and every point of the plain draft. Never "
    "mention private remarks, judgements about them, or the writer's to-dos. Speak to them (you), never "
    "about them. Ask for something only when the facts give a reason, and say why. Match the tone of where "
    "they met (a conference, a party, a community chat). At most 110 words."
)


def prompt(nudge_kind: str, context: DraftContext, builtin: Draft, purpose: str | None = None) -> tuple[Message, ...]:
    """The messages for the model: the rules, then the facts — only what a message could mention (the
    notes' shareable clauses: no judgement, no to-do, nothing of their private life) — and the built-in
    draft to improve on. PRIVACY.md lists these fields; change both together."""
    from bot.review.notes import mentionable
    from bot.review.phrases import greeting_name

    shareable = "; ".join(mentionable(context.notes))[:NOTE_LIMIT]
    facts = [
        f"Message: {STAGE_WORDS.get(nudge_kind, 'a follow-up message')}.",
        f"Greeting line: {_greeting_line(builtin.text, greeting_name(context.contact_name, context.notes))}",
        f"Where they met: {context.where_met}." if context.where_met else "",
        f"What the writer noted (shareable parts only): {shareable}" if shareable else "",
        f"Shared interests: {', '.join(context.interests)}." if context.interests else "",
        f"What the writer can offer them: {context.offer}." if context.offer else "",
        f"What this message is for, in the writer's words: {purpose}." if purpose and purpose != "stop" else "",
        (f"Sign it: {context.member_name}" if context.member_name else "No signature."),
    ]
    draft = f"A plain draft to improve on (keep its point and its promises; add none):\n{builtin.text}"
    return (("system", SYSTEM), ("user", "\n".join(line for line in facts if line) + "\n\n" + draft))


def _greeting_line(text: str, name: str) -> str:
    """The built-in draft's greeting ("Hey Lee!"), or "Hi <name>," when it has none that names them."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first if name in first and len(first.split()) <= 8 else f"Hi {name},"


# --- what its answer must pass ----------------------------------------------------------------------

_I = re.IGNORECASE


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Reasoning models (DeepSeek-R1, Qwen3 through Ollama or vLLM) put their thinking before the answer.
_THINKING = re.compile(r"<(think|thinking|reasoning)>.*?</\1>", re.IGNORECASE | re.DOTALL)
_FENCE = re.compile(r"^```[\w-]*\s*|\s*```$")
_SUBJECT = re.compile(r"^\s*subject\s*:.*\n+", _I)
_PLACEHOLDER = re.compile(r"\[[^\]\n]{0,60}\]|\{[^}\n]{0,60}\}|<[^>\n]{0,60}>|\byour name\b|\bXXX*\b|_{3,}", _I)
_META = re.compile(r"\b(?:as an ai|language model|here(?:'s| is) (?:a|the|your) (?:draft|message|revised)|"
                   r"i hope this (?:draft|message) helps|plain draft|the writer)\b", _I)
_TODO = re.compile(r"\b(?:todo|to-do|tbd|note to self|n\.b\.|remind me|don'?t forget to|action item)\b", _I)
# A promise the draft makes: the member committing to do something for them, or saying it is delivered.
_PROMISE_VERBS = (r"send|share|introduce|intro|connect|forward|e-?mail|mail|pass|put|loop|follow|look|get|help|"
                  r"review|check|ask|book|set|invite|buy|cover|pay|host|organi[sz]e|arrange|give|lend|make|write|"
                  r"draft|prepare|find|dig|bring|show|walk|reach|pair|meet|grab|demo|hook|refer|recommend|vouch")
_COMMIT = re.compile(
    r"\b(?:(?:i'?ll|i will|i can|i could|i'?d (?:be )?(?:happy|glad) to|happy to|glad to|let me|i'?m going to|"
    r"i promise to)\s+(?:also\s+|definitely\s+|gladly\s+|happily\s+)?(?P<rest>(?:" + _PROMISE_VERBS +
    r")\b[^.!?\n]{0,90})|(?:i'?m sending|i'?ve attached|attached is|attached are|here(?:'s| is| are))\s+"
    r"(?P<given>[^.!?\n]{1,90}))", _I)
_WORD = re.compile(r"[a-z][a-z'’-]*", _I)
_BENIGN = _set("fun cool lovely friendly pleasant impressive brilliant great interesting sweet charming "
                    "humble personable")
_FUNCTION = _set(
    "a an the to of and or for with my our your his her their its is are was were be been do does did has have "
    "had it this that these those he she they him them you i me we us not no so but if then than very really "
    "just also some any all more most next soon time week weeks day days happy glad love help know let "
    "send sending share sharing over along back there here thing things something anything quick note "
    "touch base chat talk call coffee catch up follow again sometime when would could will can like")


def clean(answer: str) -> str:
    """The model's answer as a message: a reasoning model's <think> block, code fences, a subject line and
    surrounding quotes taken off."""
    text = _THINKING.sub("", answer[:MAX_ANSWER * 4]).replace("\r\n", "\n").strip()[:MAX_ANSWER]
    text = _FENCE.sub("", text).strip()
    text = _SUBJECT.sub("", text).strip()
    if len(text) > 1 and text[0] == text[-1] and text[0] in "\"'“”":
        text = text[1:-1].strip()
    text = text.strip("“”").strip()
    return re.sub(r"\n{3,}", "\n\n", text)


def _words(text: str | None) -> list[str]:
    return [w.lower().strip("'’-") for w in _WORD.findall(text or "")]


def vet(text: str, job: ModelJob) -> str | None:
    """None when the model's draft may be shown; else why not, in a few words for the member."""
    from bot.review.drafts import RUN, runs
    from bot.review.engine import review
    from bot.review.kinds import kind_for_nudge
    from bot.review.notes import JUDGEMENTS, PRIVATE, clauses, mentionable
    from bot.review.phrases import greeting_name

    context = job.context
    words = _words(text)
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return f"it was {len(words)} words long"
    if _PLACEHOLDER.search(text) or _META.search(text):
        return "it had a placeholder or a note to you in it"
    greeting = greeting_name(context.contact_name, context.notes)
    opening = " ".join(next(line for line in text.splitlines() if line.strip()).split()[:len(greeting.split()) + 3])
    if not re.search(r"(?<![\w-])" + re.escape(greeting) + r"(?![\w-])", opening):
        return f"it didn't greet them as {greeting}"
    notes = context.notes or ""
    said = set(words)
    private = ((JUDGEMENTS | PRIVATE) - _BENIGN) & set(_words(notes)) & said
    if private:
        return "it repeated a private remark from your notes"
    if _TODO.search(text):
        return "it had a to-do in it"
    shareable = set(mentionable(notes))
    kept_back = " . ".join(c for c in clauses(notes) if c not in shareable)
    shared = {run for run in runs(text, 3) & runs(kept_back, 3) if set(run) - _FUNCTION}
    if shared:
        return "it copied a line of your notes meant for you only"
    if runs(text, RUN) & runs(notes, RUN):
        return "it pasted your notes"
    allowed = set(_words(" ".join((job.builtin.text, notes, context.offer or "", job.purpose or "",
                                   " ".join(context.interests), context.where_met or ""))))
    for promise in _COMMIT.finditer(text):
        content = {w for w in _words(promise["rest"] or promise["given"]) if len(w) > 2 and w not in _FUNCTION}
        if content and not content & allowed:
            return f"it promised something your notes don't ({promise.group(0)[:60]!r})"
    verdict = review(text, context, kind=kind_for_nudge(job.nudge_kind))
    if verdict.verdict != "good":
        problem = next((f.message for f in verdict.findings if f.severity in ("high", "medium")), "")
        return "my review found a problem" + (f": {problem[0].lower()}{problem[1:].rstrip('.')}" if problem else "")
    return None


def write(drafts: ModelDrafts, job: ModelJob) -> Outcome:
    """Ask the model once, within the time limit, and vet its answer: the draft, or why the built-in stands.
    Never raises for the model's sake; logs the kind of failure, never the text (the client logs how long
    the model took)."""
    try:
        answer = drafts.model.complete(job.messages, drafts.timeout)
    except ModelError as failure:
        log.warning("model draft failed (%s)", failure.kind)
        if failure.kind == "timeout":
            unit = "second" if drafts.timeout == 1 else "seconds"
            return Outcome(None, f"it didn't answer within {drafts.timeout:g} {unit}")
        return Outcome(None, "it couldn't be reached or gave no answer")
    except Exception:  # a model must never cost the member their draft
        log.exception("model draft failed")
        return Outcome(None, "it couldn't be reached or gave no answer")
    text = clean(answer)
    if not text:
        log.info("model draft empty")
        return Outcome(None, "it gave no answer")
    why = vet(text, job)
    if why is not None:
        log.info("model draft refused: %s", why.split(" (")[0])
        return Outcome(None, why)
    log.info("model draft used")
    return Outcome(text, None)
