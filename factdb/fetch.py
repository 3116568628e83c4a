"""Fetch web pages and feeds politely and defensively (httpx).

Everything a hostile or broken server can do ends in a :class:`FetchError`
naming the URL: a connect/read timeout or a response that never finishes
(an overall deadline), a body over the size cap (counted after
decompression, read in chunks, never held whole), a redirect loop, a gzip
bomb, a content type that is no page or feed, a 4xx/5xx status.  5xx
and 429 answers, timeouts and dropped connections are retried with
exponential backoff; any other 4xx is not.

Politeness: one request at a time per host with a minimum interval, robots.txt
honoured (urllib.robotparser, one read per host and run), and a User-Agent
naming factdb and a contact from the config (``contact`` in factdb.toml).
Conditional requests: pass the ETag / Last-Modified of the last fetch and a
304 comes back as ``not_modified`` without a body.
"""

from __future__ import annotations

import re
import threading
import time
import urllib.robotparser
import zlib
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from .errors import InputError
from .urls import host_of

PAGE_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml", "application/feed+xml"}
ACCEPTED_TYPES = PAGE_TYPES | FEED_TYPES | {"text/plain"}
_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""\A(?:\xef\xbb\xbf)?\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)


class FetchError(InputError):
    """A URL that could not be fetched; one line naming the URL and why."""


@dataclass
class FetchConfig:
    """Limits and manners; tests shrink the times, a newsroom may tune them in factdb.toml."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0  # a whole response, however slowly it trickles in
    max_bytes: int = 10 * 1024 * 1024  # after decompression
    max_redirects: int = 5
    retries: int = 3  # extra attempts after a 5xx, timeout or dropped connection
    backoff: float = 2.0  # first retry delay in seconds, doubled each time
    host_interval: float = 1.0  # minimum seconds between two requests to one host
    contact: str | None = None  # an e-mail or URL for the User-Agent
    robots: bool = True

    @property
    def user_agent(self) -> str:
        from . import __version__

        return f"factdb/{__version__} (+{self.contact or 'https://github.com/factdb/factdb'})"

    @classmethod
    def from_settings(cls, settings: dict) -> FetchConfig:
        from .settings import SettingsError

        section = dict(settings.get("fetch") or {})
        unknown = set(section) - set(cls.__dataclass_fields__) | ({"contact"} & set(section))
        if unknown:
            raise SettingsError(f"unknown fetch setting(s) {', '.join(sorted(unknown))}; known: "
                                + ", ".join(f for f in cls.__dataclass_fields__ if f != "contact"))
        return cls(contact=settings.get("contact"), **section)


def fetcher_from_settings() -> Fetcher:
    """A fetcher configured by the config file's ``fetch`` section and ``contact``."""
    from .settings import load

    return Fetcher(FetchConfig.from_settings(load()))


@dataclass
class FetchResult:
    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content_type: str = ""
    charset: str | None = None  # from the Content-Type header
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def is_feed_type(self) -> bool:
        return self.content_type in FEED_TYPES

    def text(self) -> str:
        """The body decoded with the header's charset, else the page's own (meta / XML declaration), else UTF-8.

        Undecodable bytes are an error, never guessed: a misread character can change a number.
        """
        return decode_body(self.body, self.final_url, self.charset)


def decode_body(body: bytes, where: str, header_charset: str | None = None) -> str:
    if body.startswith(b"\xef\xbb\xbf"):
        charset, how = "utf-8-sig", "byte-order mark"
    elif header_charset:
        charset, how = header_charset, "Content-Type header"
    else:
        m = _META_CHARSET.search(body[:4096]) or _XML_ENCODING.search(body[:512])
        charset, how = (m[1].decode("ascii"), "page") if m else ("utf-8", "default, none declared")
    try:
        return body.decode(charset)
    except LookupError:
        raise FetchError(where, f"unknown charset {charset!r} ({how}); skipped") from None
    except UnicodeDecodeError as exc:
        raise FetchError(where, f"not valid {charset} ({how}): byte 0x{body[exc.start]:02x} at offset {exc.start}; "
                                "the declared charset is wrong; skipped") from None


class _Decoder:
    """Content-Encoding gzip/deflate, decompressed in bounded steps so a bomb cannot allocate."""

    def __init__(self, encoding: str):
        encoding = encoding.strip().lower()
        if encoding in ("", "identity"):
            self._z = None
        elif encoding in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._z = zlib.decompressobj()
        else:
            raise ValueError(encoding)

    def feed(self, chunk: bytes, room: int) -> bytes:
        """At most ``room + 1`` bytes of output for this chunk (more means over the cap)."""
        if self._z is None:
            return chunk
        return self._z.decompress(chunk, max(room, 0) + 1)


@dataclass
class Fetcher:
    """One HTTP client with its per-host clocks and robots.txt cache."""

    config: FetchConfig = field(default_factory=FetchConfig)
    sleep: object = time.sleep

    def __post_init__(self):
        c = self.config
        self._client = httpx.Client(
            timeout=httpx.Timeout(c.read_timeout, connect=c.connect_timeout),
            follow_redirects=True, max_redirects=c.max_redirects, trust_env=False,
            headers={"User-Agent": c.user_agent, "Accept-Encoding": "gzip, deflate",
                     "Accept": "text/html,application/xhtml+xml,application/atom+xml,application/rss+xml,"
                               "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1"},
        )
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # --- politeness -----------------------------------------------------------

    def _wait_turn(self, url: str) -> None:
        host = host_of(url)
        with self._lock:
            last = self._last.get(host)
            now = time.monotonic()
            if last is not None and now - last < self.config.host_interval:
                self.sleep(self.config.host_interval - (now - last))
            self._last[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        """robots.txt of the URL's host allows our User-Agent (unreadable robots.txt: allowed)."""
        if not self.config.robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin + "/robots.txt")
        rp = self._robots[origin]
        return True if rp is None else rp.can_fetch(self.config.user_agent, url)

    def _read_robots(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        rp = urllib.robotparser.RobotFileParser(url)
        try:
            res = self._get(url, {}, max_bytes=512 * 1024, check_type=False)
        except (FetchError, _Retryable):
            return None  # none, or unreachable: the page fetch itself will say what is wrong
        if res.status in (401, 403):
            rp.disallow_all = True  # as urllib.robotparser.read() does
        elif res.status == 200:
            rp.parse(res.body.decode("utf-8", "replace").splitlines())
        else:
            return None
        return rp

    # --- fetching ---------------------------------------------------------------

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """GET ``url`` (conditionally), retrying 5xx and timeouts; :class:`FetchError` on failure."""
        if not self.allowed(url):
            raise FetchError(url, "disallowed by the site's robots.txt; skipped")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        delay = self.config.backoff
        for attempt in range(self.config.retries + 1):
            last_try = attempt == self.config.retries
            try:
                res = self._get(url, headers)
            except _Retryable as exc:
                if last_try:
                    raise FetchError(url, f"{exc.reason} (after {attempt + 1} attempts); skipped") from None
            else:
                if res.status >= 500 or res.status == 429:
                    if last_try:
                        what = "server error HTTP" if res.status >= 500 else "HTTP"
                        raise FetchError(url, f"{what} {res.status} (after {attempt + 1} attempts); skipped")
                elif res.status >= 400:
                    raise FetchError(url, f"HTTP {res.status}; skipped")
                else:
                    return res
            self.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")

    def _get(self, url: str, headers: dict, *, max_bytes: int | None = None, check_type: bool = True) -> FetchResult:
        cap = self.config.max_bytes if max_bytes is None else max_bytes
        self._wait_turn(url)
        started = time.monotonic()
        try:
            with self._client.stream("GET", url, headers=headers) as r:
                final = str(r.url)
                ctype_header = r.headers.get("content-type", "")
                ctype = ctype_header.split(";", 1)[0].strip().lower()
                m = _CHARSET.search(ctype_header)
                res = FetchResult(url=url, final_url=final, status=r.status_code, content_type=ctype,
                                  charset=m[1] if m else None, etag=r.headers.get("etag"),
                                  last_modified=r.headers.get("last-modified"))
                if r.status_code != 200:
                    return res
                if check_type and ctype and ctype not in ACCEPTED_TYPES:
                    raise FetchError(url, f"content type {ctype} is not a web page or feed; skipped")
                length = r.headers.get("content-length")
                if length and length.isdigit() and int(length) > cap and not r.headers.get("content-encoding"):
                    raise FetchError(url, f"response of {int(length):,} bytes is over the {cap:,}-byte limit; skipped")
                try:
                    decoder = _Decoder(r.headers.get("content-encoding", ""))
                except ValueError as exc:
                    raise FetchError(url, f"unsupported content encoding {exc}; skipped") from None
                body = bytearray()
                for chunk in r.iter_raw():  # as received: a trickle still meets the deadline
                    if time.monotonic() - started > self.config.deadline:
                        raise _Retryable(f"response not finished after {self.config.deadline:g} s")
                    try:
                        body += decoder.feed(chunk, cap - len(body))
                    except zlib.error as exc:
                        raise FetchError(url, f"corrupt compressed body ({exc}); skipped") from None
                    if len(body) > cap:
                        raise FetchError(url, f"response over the {cap:,}-byte limit (after decompression); skipped")
                res.body = bytes(body)
                return res
        except httpx.TooManyRedirects:
            raise FetchError(url, f"more than {self.config.max_redirects} redirects (a redirect loop?); skipped") from None
        except httpx.TimeoutException as exc:
            raise _Retryable(f"timed out ({type(exc).__name__})") from None
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.ConnectError, httpx.WriteError) as exc:
            raise _Retryable(f"connection failed ({type(exc).__name__}: {exc})") from None
        except httpx.UnsupportedProtocol:
            raise FetchError(url, "only http:// and https:// URLs can be fetched") from None
        except httpx.InvalidURL as exc:
            raise FetchError(url, f"not a valid URL ({exc})") from None


class _Retryable(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

