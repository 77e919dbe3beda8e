"""The model's edge: an OpenAI-compatible `/chat/completions` client (a local Ollama, a llama.cpp server,
vLLM, or a hosted provider) over the standard library's urllib — no SDK, no new dependency.

It implements the core's `ChatModel` port (bot/modeldraft.py): the core builds the prompt and vets the
answer; this module only carries it, within the time limit, and turns every failure into a `ModelError`.
`model_drafts(settings)` builds what the composition root hands the API from COACH_LLM_*; `check(settings)`
is `coach doctor`'s line about it. The API key travels only in the Authorization header and is never logged;
neither is the prompt or the answer.
"""

from __future__ import annotations

import json
import logging
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from bot.api import ModelDrafts, ModelError
from bot.config import Settings

MAX_BODY = 256 * 1024  # an answer bigger than this is not a short message
CHUNK = 16 * 1024
MAX_TOKENS = 400
TEMPERATURE = 0.4
USER_AGENT = "connection-coach (model drafts)"
log = logging.getLogger(__name__)


class OpenAIChat:
    """One model at one OpenAI-compatible endpoint (`base_url` ends before `/chat/completions`)."""

    def __init__(self, base_url: str, model: str, api_key: str | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self._api_key = api_key

    @property
    def name(self) -> str:
        return self.model

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname or self.base_url

    def plain_text_key(self) -> bool:
        """An API key sent over plain http to another machine (loopback and private networks are fine)."""
        import ipaddress

        parts = urlsplit(self.base_url)
        if not self._api_key or parts.scheme != "http":
            return False
        host = parts.hostname or ""
        if host == "localhost" or host.endswith((".local", ".internal", ".svc", ".cluster.local")):
            return False
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return "." in host  # a public-looking name; a bare name (ollama, a compose service) is local
        return not (address.is_loopback or address.is_private or address.is_link_local)

    def complete(self, messages: Sequence[tuple[str, str]], timeout: float) -> str:
        """The first choice's text; ModelError("timeout") past `timeout` seconds in all, ModelError("error")
        for anything else (refused, unreachable, not JSON, no text)."""
        body = {"model": self.model, "messages": [{"role": role, "content": text} for role, text in messages],
                "temperature": TEMPERATURE, "max_tokens": MAX_TOKENS, "stream": False}
        started = time.monotonic()
        try:
            answer = self._request("POST", "/chat/completions", body, timeout)
        finally:
            log.info("model %s answered or failed after %.1f s", self.model, time.monotonic() - started)
        try:
            text = answer["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise ModelError("error", "no choices[0].message.content in the answer") from None
        if not isinstance(text, str) or not text.strip():
            raise ModelError("error", "an empty answer")
        return text

    def models(self, timeout: float) -> list[str]:
        """The model names the endpoint lists (GET /models), for `coach doctor`."""
        answer = self._request("GET", "/models", None, timeout)
        data = answer.get("data") if isinstance(answer, dict) else None
        return [str(m.get("id")) for m in data or [] if isinstance(m, dict) and m.get("id")]

    def _request(self, method: str, path: str, body: dict[str, Any] | None, timeout: float) -> Any:
        deadline = time.monotonic() + timeout
        headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        request = urllib.request.Request(self.base_url + path, method=method, headers=headers,
                                         data=json.dumps(body).encode() if body is not None else None)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                raw = _read(response, deadline)
        except urllib.error.HTTPError as refused:
            raise ModelError("error", f"HTTP {refused.code}") from None
        except urllib.error.URLError as failure:
            if isinstance(failure.reason, TimeoutError | socket.timeout):
                raise ModelError("timeout", f"no answer within {timeout:g} s") from None
            raise ModelError("error", f"unreachable ({type(failure.reason).__name__})") from None
        except TimeoutError:
            raise ModelError("timeout", f"no answer within {timeout:g} s") from None
        except OSError as failure:
            raise ModelError("error", f"connection failed ({type(failure).__name__})") from None
        try:
            return json.loads(raw)
        except ValueError:
            raise ModelError("error", "the answer is not JSON") from None


def _read(response: Any, deadline: float) -> bytes:
    """The body, a chunk at a time, within the deadline (a socket timeout alone restarts on every chunk)."""
    parts: list[bytes] = []
    size = 0
    while chunk := response.read(CHUNK):
        size += len(chunk)
        if size > MAX_BODY:
            raise ModelError("error", "the answer is too big")
        if time.monotonic() > deadline:
            raise TimeoutError
        parts.append(chunk)
    return b"".join(parts)


def model_drafts(settings: Settings) -> ModelDrafts | None:
    """The operator's model from COACH_LLM_*, or None when COACH_LLM_URL is not set (the default)."""
    if not settings.llm_url or not settings.llm_model:
        return None
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    return ModelDrafts(OpenAIChat(settings.llm_url, settings.llm_model, key), settings.llm_workspace_ids(),
                       timeout=settings.llm_timeout)


def check(settings: Settings) -> tuple[str, str]:
    """`coach doctor`'s line on the model: ("ok" | "problem" | "skipped", plain words). Lists the endpoint's
    models (GET /models): nothing is sent to the model."""
    if not settings.llm_url or not settings.llm_model:
        return "skipped", "no model configured (COACH_LLM_URL): drafts are the coach's own"
    client = OpenAIChat(settings.llm_url, settings.llm_model,
                        settings.llm_api_key.get_secret_value() if settings.llm_api_key else None)
    workspaces = settings.llm_workspace_ids()
    who = ("every workspace" if "*" in workspaces else
           f"workspace{'s' if len(workspaces) != 1 else ''} {', '.join(sorted(workspaces))}" if workspaces else
           "no workspace yet (set COACH_LLM_WORKSPACES, or no member can switch it on)")
    try:
        listed = client.models(settings.llm_timeout)
    except ModelError as failure:
        if "HTTP 401" in str(failure) or "HTTP 403" in str(failure):
            return "problem", f"{client.host} refused the API key ({failure}): check COACH_LLM_API_KEY"
        if "HTTP 404" in str(failure):
            return "ok", (f"{client.host} answers but lists no models (GET /models: 404); {settings.llm_model} "
                          f"for {who}")
        return "problem", f"{client.host} can't be reached ({failure}): check COACH_LLM_URL"
    if client.plain_text_key():
        return "problem", (f"{client.host} is reached over plain http with an API key: the key (and the drafts) "
                           "would cross the network unencrypted; use https, or a model on this machine")
    if listed and settings.llm_model not in listed:
        shown = ", ".join(listed[:5]) + (" …" if len(listed) > 5 else "")
        return "problem", f"{client.host} has no model {settings.llm_model!r} (it lists {shown}): check COACH_LLM_MODEL"
    return "ok", f"{settings.llm_model} at {client.host}, for {who}; time limit {settings.llm_timeout:g} s"
