"""A real HTTP server on 127.0.0.1 for the web tests, with well-behaved and hostile routes.

Routes map a path to a handler ``fn(req)`` where ``req`` is the
BaseHTTPRequestHandler; helpers build the usual ones.  Every request is
logged (path, method, headers) so tests can count fetches and 304s.
"""

from __future__ import annotations

import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_BOMB: dict[str, bytes] = {}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet
        pass

    def _handle(self):
        server: WebServer = self.server.owner
        path = self.path.split("?", 1)[0]
        server.log.append((self.command, path, dict(self.headers)))
        # read a request body whole, so an answer that ignores it leaves the connection clean
        self.body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        route = server.routes.get(path)
        if route is None:
            if path == "/robots.txt":
                return send(self, b"", status=404, ctype="text/plain")
            return send(self, b"not here", status=404, ctype="text/plain")
        try:
            route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass

    do_GET = _handle
    do_POST = _handle


class WebServer:
    def __init__(self):
        self.routes: dict = {}
        self.log: list[tuple[str, str, dict]] = []
        self.stopping = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.owner = self
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def requests(self, path: str) -> list[dict]:
        return [h for m, p, h in self.log if p == path and m == "GET"]

    def close(self):
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()


# --- response helpers ------------------------------------------------------------


def send(req, body: bytes, *, status: int = 200, ctype: str = "text/html; charset=utf-8", headers: dict | None = None):
    req.send_response(status)
    if ctype:
        req.send_header("Content-Type", ctype)
    for k, v in (headers or {}).items():
        req.send_header(k, v)
    req.send_header("Content-Length", str(len(body)))
    req.end_headers()
    if req.command != "HEAD":
        req.wfile.write(body)


class Resource:
    """A document that can change; answers conditional requests with 304 when unchanged."""

    def __init__(self, body: str | bytes, ctype: str = "text/html; charset=utf-8"):
        self.ctype = ctype
        self.set(body)

    def set(self, body: str | bytes):
        self.body = body.encode("utf-8") if isinstance(body, str) else body
        self.version = getattr(self, "version", 0) + 1

    @property
    def etag(self) -> str:
        return f'"v{self.version}"'

    def __call__(self, req):
        if req.headers.get("If-None-Match") == self.etag:
            req.send_response(304)
            req.send_header("ETag", self.etag)
            req.send_header("Content-Length", "0")
            req.end_headers()
            return
        send(req, self.body, ctype=self.ctype, headers={"ETag": self.etag})


def status(code: int):
    return lambda req: send(req, b"<h1>error</h1>", status=code)


def flaky(fail_times: int, then):
    """5xx for the first ``fail_times`` requests, then ``then``."""
    count = [0]

    def handler(req):
        count[0] += 1
        if count[0] <= fail_times:
            return send(req, b"busy", status=503, ctype="text/plain")
        return then(req)

    return handler


def redirect(to: str):
    def handler(req):
        req.send_response(302)
        req.send_header("Location", to)
        req.send_header("Content-Length", "0")
        req.end_headers()

    return handler


def never_finishes(server: WebServer, trickle: float | None = None):
    """Headers and a little body, then silence (or one byte every ``trickle`` seconds) until shutdown."""

    def handler(req):
        req.send_response(200)
        req.send_header("Content-Type", "text/html; charset=utf-8")
        req.send_header("Content-Length", "100000")
        req.end_headers()
        req.wfile.write(b"<html><body><p>")
        req.wfile.flush()
        while not server.stopping.is_set():
            if trickle is None:
                server.stopping.wait(0.1)
            else:
                time.sleep(trickle)
                req.wfile.write(b"a")
                req.wfile.flush()

    return handler


def endless_body(chunk: int = 65536):
    """An HTML body that never ends (sent without a length): a 1 GB page as far as a client can tell."""

    def handler(req):
        req.send_response(200)
        req.send_header("Content-Type", "text/html; charset=utf-8")
        req.send_header("Connection", "close")
        req.end_headers()
        block = b"<p>" + b"x" * (chunk - 3)
        sent = 0
        while sent < 1024 ** 3:
            req.wfile.write(block)
            sent += len(block)

    return handler


def gzip_bomb(size: int = 64 * 1024 * 1024):
    """64 MB of zeros in about 64 KB of gzip."""
    if "body" not in _BOMB:
        _BOMB["body"] = gzip.compress(b"\0" * size, compresslevel=9)
    body = _BOMB["body"]

    def handler(req):
        send(req, body, headers={"Content-Encoding": "gzip"})

    return handler
