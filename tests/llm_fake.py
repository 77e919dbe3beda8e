"""A fake OpenAI-compatible chat endpoint on loopback (port 0): what the coach's model drafts talk to in
tests, so nothing in CI needs a model. It records every request (path, headers, JSON body) and answers with
what the test set: a message, an HTTP error, something that is not JSON, or nothing for a while.

    with FakeLLM() as llm:
        llm.answer = "Hi Jane,\\n\\nGreat to meet you at PyCon…"
        settings: COACH_LLM_URL=llm.url, COACH_LLM_MODEL="fake-model"
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MODEL = "fake-model"
# A draft that passes every check for Jane Doe met at PyCon (notes: promised her the onboarding checklist).
GOOD_DRAFT = ("Hi Jane,\n\nIt was great talking onboarding with you at PyCon. As promised, here's the onboarding "
              "checklist we use — I hope it helps with your next round of new hires.")


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any] | None

    def text(self) -> str:
        """Every message's content, joined: what the model was sent."""
        return "\n".join(m["content"] for m in (self.body or {}).get("messages", []))


class FakeLLM:
    """`answer`: the message text (or a function of the request's messages giving it); `status`: an HTTP
    status to refuse with instead; `raw`: a body to send as it is; `delay`: seconds to wait first."""

    def __init__(self) -> None:
        self.answer: str | Callable[[list[dict[str, str]]], str] = "Hi there,\n\nGood to meet you."
        self.status = 200
        self.raw: bytes | None = None
        self.delay = 0.0
        self.models = [MODEL]
        self.requests: list[Request] = []
        self._release = threading.Event()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def _record(self, body: dict[str, Any] | None) -> None:
                fake.requests.append(Request(self.command, self.path, {k.lower(): v for k, v in self.headers.items()},
                                             body))

            def do_GET(self) -> None:
                self._record(None)
                if self.path.rstrip("/").endswith("/models") and fake.status == 200:
                    self._send(200, {"object": "list", "data": [{"id": m, "object": "model"} for m in fake.models]})
                else:
                    self._send(fake.status if fake.status != 200 else 404, {"error": {"message": "no"}})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                self._record(body)
                if fake.delay:
                    fake._release.wait(fake.delay)
                if not self.path.endswith("/chat/completions"):
                    self._send(404, {"error": {"message": "not found"}})
                    return
                if fake.status != 200:
                    self._send(fake.status, {"error": {"message": "refused"}})
                    return
                if fake.raw is not None:
                    self._raw(200, fake.raw)
                    return
                answer = fake.answer(body["messages"]) if callable(fake.answer) else fake.answer
                self._send(200, {"id": "chatcmpl-1", "object": "chat.completion", "created": int(time.time()),
                                 "model": body.get("model"), "choices": [
                                     {"index": 0, "message": {"role": "assistant", "content": answer},
                                      "finish_reason": "stop"}]})

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                self._raw(status, json.dumps(payload).encode())

            def _raw(self, status: int, data: bytes) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:  # the coach stopped waiting (its time limit): fine
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """The base URL, as COACH_LLM_URL takes it (…/v1, before /chat/completions)."""
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    @property
    def chats(self) -> list[Request]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def __enter__(self) -> FakeLLM:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._release.set()  # a delayed answer stops waiting
        self.server.shutdown()
        self.server.server_close()
