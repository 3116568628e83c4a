"""URL helpers shared by fetching, page parsing and the registry: pure, no network."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def normalise_url(url: str) -> str:
    """Scheme and host lower-cased, default port and fragment dropped: one spelling per URL."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def is_url(arg: str) -> bool:
    return arg.startswith(("http://", "https://"))
