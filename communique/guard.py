"""The API's outer guard: one pure ASGI middleware in front of every request.

It refuses a Host header other than this machine's names when the server listens on a loopback address
(a web page elsewhere cannot reach it by DNS rebinding), refuses a writing request before its body is read
when it would be refused anyway, counts every request body as it streams (Content-Length or chunked) and
answers 413 as soon as it passes the limit, adds the security headers to every response, and answers an
unexpected crash with the API's JSON error shape instead of plain text. `HeadDeadline` is the server's side:
uvicorn's HTTP protocol with a deadline for each request's head, so that slow clients cannot hold connections.
"""
from __future__ import annotations

import asyncio
import hashlib
import re
from base64 import b64encode
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from pathlib import Path
from typing import Any

from fastapi import HTTPException
from fastapi.responses import JSONResponse
from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = ["LOCAL_HOSTS", "BodyTooLarge", "Guard", "HeadDeadline", "Refusal", "content_policy", "error_response",
           "host_name", "is_loopback"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Refusal = Callable[[Scope], HTTPException | None]

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]", "testserver"})  # testserver: FastAPI's TestClient
DOCS_PATHS = ("/docs", "/redoc")
DOCS_POLICY = ("default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
               "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: "
               "https://fastapi.tiangolo.com; frame-ancestors 'none'; base-uri 'none'; object-src 'none'")


class BodyTooLarge(HTTPException):
    """The request body went over the limit while it was read."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is over {limit:,} bytes: send one article at a time")


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """The API's one error shape."""
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status, headers=headers)


def content_policy(ui: Path) -> str:
    """The Content-Security-Policy of the app: its own origin only; the UI pages' inline scripts are allowed
    by their hashes (computed from the packaged pages, so editing a page keeps it working), no other inline
    script runs. Inline styles are allowed (Cytoscape sets style attributes on the network page); so is eval,
    which no page uses but Playwright's `wait_for_function` in tests/test_ui.py needs."""
    hashes = []
    for page in sorted(ui.glob("*.html")):
        html = page.read_text(encoding="utf-8").replace("\r\n", "\n")
        for script in re.findall(r"<script>(.*?)</script>", html, flags=re.DOTALL):
            digest = b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
            hashes.append(f"'sha256-{digest}'")
    return ("default-src 'self'; script-src 'self' " + " ".join(dict.fromkeys(hashes)) +
            "; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            "frame-ancestors 'none'")


def host_name(value: str) -> str:
    """The host of a Host header, without its port, lower-cased ("[::1]:8000" -> "[::1]")."""
    value = value.strip().lower()
    if value.startswith("["):
        return value.split("]", 1)[0] + "]"
    return value.rsplit(":", 1)[0].rstrip(".") if value else ""


def is_loopback(address: str | None) -> bool:
    return address in {"127.0.0.1", "localhost", "::1", "[::1]"}


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers") or ():
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


class Guard:
    """See the module docstring. `hosts`: the Host names allowed (None: any); `refuse`: a request refused before
    its body is read (or None to let it through); `policy`: the Content-Security-Policy of every page."""

    def __init__(self, app: ASGIApp, *, limit: int, policy: str, hosts: Iterable[str] | None = None,
                 refuse: Refusal | None = None) -> None:
        self.app, self.limit, self.policy, self.refuse = app, limit, policy, refuse
        self.hosts = None if hosts is None else frozenset(hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", ()), *self._security_headers(scope)]
            await send(message)

        try:
            early = self._early_refusal(scope)
            if early is not None:
                await early(scope, receive, send_with_headers)
                return
            await self.app(scope, self._counting(receive), send_with_headers)
        except Exception as exc:
            if started:
                raise
            if isinstance(exc, BodyTooLarge):
                await error_response(413, str(exc.detail))(scope, receive, send_with_headers)
                return
            await error_response(500, "the server failed on this request (the error is in its log): try again, "
                                      "or report it if it goes on")(scope, receive, send_with_headers)
            raise  # for the server's log

    def _security_headers(self, scope: Scope) -> list[tuple[bytes, bytes]]:
        policy = DOCS_POLICY if str(scope.get("path", "")).startswith(DOCS_PATHS) else self.policy
        return [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                (b"content-security-policy", policy.encode()), (b"referrer-policy", b"no-referrer")]

    def _early_refusal(self, scope: Scope) -> JSONResponse | None:
        """A response that needs no body: a foreign Host, a refused writer, a declared body over the limit."""
        if self.hosts is not None and host_name(_header(scope, b"host") or "") not in self.hosts:
            return error_response(400, "this server answers only to its local address (Host header refused): "
                                       "open it at http://127.0.0.1:PORT/ or start it with --host")
        refused = self.refuse(scope) if self.refuse is not None else None
        if refused is not None:
            return error_response(refused.status_code, str(refused.detail), dict(refused.headers or {}))
        size = _header(scope, b"content-length")
        if size is not None and (not size.strip().isdigit() or int(size) > self.limit):
            return error_response(413, str(BodyTooLarge(self.limit).detail))
        return None

    def _counting(self, receive: Receive) -> Receive:
        """`receive` that counts body bytes and raises BodyTooLarge once they pass the limit (nothing more is
        read after that)."""
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            if seen > self.limit:
                raise BodyTooLarge(self.limit)
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        return counted


class HeadDeadline(H11Protocol):
    """uvicorn's h11 protocol, with a deadline for each request head: a client that has not sent a whole request
    line and headers `head_timeout` seconds after connecting (or after its last response) is disconnected.
    uvicorn itself waits for a request head forever (its keep-alive timer stops at the first byte), so a few
    thousand clients sending a byte now and then would hold as many connections."""

    head_timeout = 10.0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[arg-type]
        self._head_timer: asyncio.TimerHandle | None = None
        self._await_head()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._await_head()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
        super().connection_lost(exc)

    def _await_head(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
        self._head_timer = self.loop.call_later(self.head_timeout, self._head_overdue, self.cycle)

    def _head_overdue(self, last: Any) -> None:
        """Close the connection when no request head came after the cycle `last` (None: since connecting)."""
        if self.cycle is last and (last is None or last.response_complete) and not self.transport.is_closing():
            self.transport.close()
