"""A real factdb desk on 127.0.0.1 for HTTP and browser tests.

The server is uvicorn running the app in a background thread on a free
port, over a database filled through the ingest service from articles
written for these tests (see ``ARTICLES``).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

# Three outlets reporting one death toll over three
# days, plus an article whose text and title carry script payloads (written
# as entities, which ingest decodes into literal markup).
ARTICLES = {
    "harbour-0207.txt": (
        "Date: 2024-02-07\nSource: Harbour Post\nURL: https://harbourpost.example/2024/02/07/toll\n"
        "Title: Toll rises in Gaza\n\n"
        "The death toll in Gaza rose to 27,585 Palestinians, the Gaza Health Ministry said on Wednesday. "
        "About 1.7 million people have been displaced, according to UN OCHA.\n"),
    "meridian-0208.txt": (
        "Date: 2024-02-08\nSource: Meridian Wire\nURL: https://meridianwire.example/2024/02/08/toll\n"
        "Title: Ministry updates the toll\n\n"
        "The Gaza Health Ministry said on Thursday that 27,708 Palestinians have been killed in Gaza.\n"),
    "crescent-0209.txt": (
        "Date: 2024-02-09\nSource: Crescent Radio\nURL: https://crescentradio.example/news/2024-02-09\n"
        "Title: Toll passes 27,900\n\n"
        "The Gaza Health Ministry said on Friday that 27,947 Palestinians have been killed in Gaza.\n"),
    "hostile-0210.txt": (
        "Date: 2024-02-10\nSource: Cedar Line News\nURL: javascript:document.title='pwned'//cedarline.example/strikes\n"
        "Title: &lt;b onmouseover=alert(1)&gt;Strikes&lt;/b&gt;\n\n"
        "&lt;script&gt;document.title='pwned'&lt;/script&gt; At least 40 people were killed in Rafah, "
        "the civil defence said on Saturday. &lt;img src=x onerror=\"document.title='pwned'\"&gt;\n"),
}
# the ministry's own daily series, loaded as an official series
OFFICIAL = [{"report_date": "2024-02-06", "killed_cum": 27478}, {"report_date": "2024-02-07", "killed_cum": 27585},
            {"report_date": "2024-02-08", "killed_cum": 27708}, {"report_date": "2024-02-09", "killed_cum": 27840}]
PASSWORDS = {"rita": "rita-password-1", "rob": "rob-password-22", "vera": "vera-password-3"}
ROLES = {"rita": "reviewer", "rob": "reviewer", "vera": "viewer"}


@dataclass
class Desk:
    url: str
    db_url: str
    engine: object
    tokens: dict[str, str]
    server: object
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.engine.dispose()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fill(engine, folder: Path) -> None:
    from factdb.db import run_write
    from factdb.import_series import import_series
    from factdb.ingest import ingest
    from factdb.models import User

    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    summary = ingest(engine, [str(folder)])
    assert not summary.failed
    official = folder.parent / "ministry-daily.json"
    official.write_text(json.dumps(OFFICIAL), encoding="utf-8")
    res = import_series(engine, str(official), source="Gaza Health Ministry", metric="killed",
                        subject="Palestinians", location="Gaza", date_field="report_date", value_field="killed_cum")
    assert not res.errors
    for name, role in ROLES.items():
        run_write(engine, lambda s, n=name, r=role: s.add(User(name=n, role=r, password_hash=_hash(PASSWORDS[n]))))


_HASHES: dict[str, str] = {}


def _hash(password: str) -> str:
    """Real argon2 hashes, made once per test run (each costs about half a second here)."""
    from factdb.accounts import hash_password

    if password not in _HASHES:
        _HASHES[password] = hash_password(password)
    return _HASHES[password]


def start_desk(db_url: str, folder: Path, **app_options) -> Desk:
    import uvicorn

    from factdb.db import open_engine, run_write
    from factdb.web import create_app

    engine = open_engine(db_url)
    fill(engine, folder)
    from factdb.accounts import create_token

    tokens = {n: run_write(engine, lambda s, n=n: create_token(s, n))[1] for n in ROLES}
    app = create_app(engine, secret_key="test-secret-key", **app_options)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the desk did not start")
        time.sleep(0.05)
    return Desk(f"http://127.0.0.1:{port}", db_url, engine, tokens, server, thread)
