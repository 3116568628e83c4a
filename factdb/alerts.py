"""Where alerts go: JSON Lines, an Atom feed file, a signed webhook.

The Atom file is rewritten whole (to a temporary file, then renamed) from the
latest alerts in the database, so an editor's feed reader never sees half a
file and a restart loses nothing.  Webhook bodies are signed with
HMAC-SHA256 over the exact bytes posted, in ``X-Factdb-Signature:
sha256=<hex>``; the receiver recomputes it with the shared secret.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import tempfile
import time
from collections.abc import Callable
from xml.etree import ElementTree as ET

import httpx

from .errors import FactdbError

SIGNATURE_HEADER = "X-Factdb-Signature"
ATOM_NS = "http://www.w3.org/2005/Atom"
ATOM_ENTRIES = 100
_KIND_WORDS = {"new_figure": "new figure", "changed_figure": "changed figure"}


def to_json(alert: dict) -> str:
    return json.dumps({k: v for k, v in alert.items() if k != "id"}, ensure_ascii=False, default=str)


def headline(alert: dict) -> str:
    """One line an editor reads first: 'changed figure: killed, Gaza: 27,000 → 27,708 [disagrees]'."""
    what = ", ".join(x for x in (alert.get("metric"), alert.get("location")) if x)
    figure = f"{alert['before']} → {alert['after']}" if alert.get("before") else alert.get("after") or "?"
    flags = f" [{', '.join(alert['flags'])}]" if alert.get("flags") else ""
    return f"{_KIND_WORDS.get(alert['kind'], alert['kind'])}: {what}: {figure}{flags}"


def write_atom(path: str, alerts: list[dict]) -> None:
    """The Atom feed of ``alerts`` (newest first, each with an ``id``), replaced atomically."""
    ET.register_namespace("", ATOM_NS)

    def el(parent, tag, text=None, **attrs):
        e = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            e.text = str(text)
        return e

    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    el(feed, "title", "factdb alerts")
    el(feed, "id", "urn:factdb:alerts")
    el(feed, "updated", alerts[0]["at"] if alerts else dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    el(el(feed, "author"), "name", "factdb watch")
    for a in alerts:
        entry = el(feed, "entry")
        el(entry, "title", headline(a))
        el(entry, "id", f"urn:factdb:alert:{a['id']}")
        el(entry, "updated", a["at"])
        if a.get("url"):
            el(entry, "link", href=a["url"])
        summary = (f"{a.get('source') or 'unknown source'}, {a.get('title') or a.get('url') or ''} "
                   f"(version {a.get('version')}): {a.get('sentence') or ''}")
        el(entry, "summary", summary)
        el(entry, "content", to_json(a), type="text")
    data = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".factdb-atom-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def sign(body: bytes, secret: str) -> str:
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


class Webhook:
    """POST each alert as JSON; 5xx, timeouts and dropped connections are retried with backoff."""

    def __init__(self, url: str, secret: str | None, *, user_agent: str, timeout: float = 10.0,
                 retries: int = 3, backoff: float = 2.0, sleep: Callable[[float], None] = time.sleep):
        if not secret:
            raise FactdbError("--webhook needs a signing secret: set webhook_secret in factdb.toml "
                              "or FACTDB_WEBHOOK_SECRET")
        self.url, self.secret, self.retries, self.backoff, self.sleep = url, secret, retries, backoff, sleep
        self._client = httpx.Client(timeout=timeout, headers={"User-Agent": user_agent}, trust_env=False)

    def close(self) -> None:
        self._client.close()

    def post(self, alert: dict) -> None:
        """Deliver one alert; FactdbError naming the webhook when every attempt failed."""
        body = to_json(alert).encode("utf-8")
        headers = {"Content-Type": "application/json", SIGNATURE_HEADER: sign(body, self.secret)}
        delay = self.backoff
        problem = ""
        for attempt in range(self.retries + 1):
            try:
                r = self._client.post(self.url, content=body, headers=headers)
                if r.status_code < 300:
                    return
                problem = f"HTTP {r.status_code}"
                if r.status_code < 500 and r.status_code != 429:
                    break  # the receiver refuses it: retrying will not help
            except httpx.HTTPError as exc:
                problem = f"{type(exc).__name__}"
            if attempt < self.retries:
                self.sleep(delay)
                delay *= 2
        raise FactdbError(f"{self.url}: webhook delivery of alert on claim {alert.get('claim_id')} failed "
                          f"({problem}, {attempt + 1} attempts); it is kept in the database and the Atom file")
