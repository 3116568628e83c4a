"""Sessions, CSRF tokens, login throttling and security headers for the desk.

* The session is Starlette's signed cookie (itsdangerous): HttpOnly,
  SameSite=Lax, holding only the user id and the CSRF token.
* Every state-changing form carries ``csrf_token``, compared in constant time
  with the session's; the JSON API takes bearer tokens only (never the
  cookie), so it needs no CSRF token.
* Failed logins are counted per user name and per client address in a
  sliding window; past the limit, logins are refused (429) without even
  checking the password.
* Pages are served with a Content-Security-Policy that allows scripts, styles
  and images from the desk itself only: no inline script can run, whatever
  an article's text contains.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import deque

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}


class SecurityHeaders:
    """ASGI middleware adding :data:`HEADERS` to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k.encode(), v.encode()) for k, v in HEADERS.items() if k.encode() not in present]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def csrf_token(session: dict) -> str:
    """This session's CSRF token, made on first use."""
    tok = session.get("csrf")
    if not tok:
        tok = session["csrf"] = secrets.token_urlsafe(32)
    return tok


def csrf_ok(session: dict, sent: str | None) -> bool:
    tok = session.get("csrf")
    return bool(tok and sent and secrets.compare_digest(str(tok), str(sent)))


class LoginThrottle:
    """Sliding-window count of failed logins per user name and per address.

    In memory: one desk process serves a newsroom; a restart forgets the
    counts, which only ever makes a blocked user able to try again.
    """

    def __init__(self, per_user: int = 5, per_address: int = 20, window: float = 900.0):
        self.per_user, self.per_address, self.window = per_user, per_address, window
        self._fails: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        q = self._fails.setdefault(key, deque())
        while q and q[0] <= now - self.window:
            q.popleft()
        return q

    def attempt(self, user: str, address: str) -> float:
        """Register a login attempt; returns the seconds to wait when over the limit
        (the attempt is then refused and not counted), else 0.

        The attempt counts as failed until :meth:`succeeded` says otherwise, so
        parallel guesses cannot all slip in before the first one is counted.
        """
        now = time.monotonic()
        keys = ((("user", user.casefold()), self.per_user), (("addr", address), self.per_address))
        with self._lock:
            waits = [q[0] + self.window - now for key, limit in keys
                     if len(q := self._recent(key, now)) >= limit]
            if waits:
                return max(waits)
            for key, _ in keys:
                self._recent(key, now).append(now)
            return 0.0

    def succeeded(self, user: str, address: str) -> None:
        """A correct password: the user's count starts again, the address's attempt is withdrawn."""
        with self._lock:
            self._fails.pop(("user", user.casefold()), None)
            q = self._fails.get(("addr", address))
            if q:
                q.pop()


def require_reviewer(request, user) -> None:
    """403 unless ``user`` may change claims on this desk (not a viewer, not a read-only desk)."""
    from fastapi import HTTPException

    if request.app.state.read_only:
        raise HTTPException(403, "this desk is read-only")
    if not user.can_review:
        raise HTTPException(403, f"{user.name} is a {user.role}: viewers cannot review claims")
