"""The editorial desk in the browser and the JSON API (``factdb serve``).

Server-rendered pages over the same services the CLI calls; this package
holds routes, templates and static files only.  Needs the ``web`` extra.
"""

from __future__ import annotations

import os
import secrets
from importlib import resources

from sqlalchemy.engine import Engine


def create_app(engine: Engine, *, read_only: bool = False, secret_key: str | None = None,
               login_throttle=None):
    """The ASGI application for ``engine``.

    ``secret_key`` signs session cookies (default: $FACTDB_SECRET_KEY, else a
    random key, so sessions end when the server stops).
    """
    from fastapi import FastAPI
    from fastapi.staticfiles import StaticFiles
    from starlette.middleware.sessions import SessionMiddleware

    from . import api, pages
    from .security import LoginThrottle, SecurityHeaders

    app = FastAPI(title="factdb desk", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.engine = engine
    app.state.read_only = read_only
    app.state.throttle = login_throttle or LoginThrottle()
    key = secret_key or os.environ.get("FACTDB_SECRET_KEY") or secrets.token_urlsafe(32)
    static = resources.files("factdb.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    pages.install_handlers(app)
    # behind an HTTPS proxy, FACTDB_SECURE_COOKIES=1 adds the Secure flag
    secure = os.environ.get("FACTDB_SECURE_COOKIES", "").lower() in ("1", "true", "yes")
    app.add_middleware(SessionMiddleware, secret_key=key, session_cookie="factdb_session",
                       same_site="lax", max_age=12 * 3600, https_only=secure)
    app.add_middleware(SecurityHeaders)
    return app
