"""``factdb serve``: the editorial desk and the JSON API.

FastAPI and uvicorn are imported inside the command alone, so the rest of the
CLI runs without the ``web`` extra.
"""

from __future__ import annotations

import click

from .common import engine


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback unless told otherwise).")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True, help="TCP port.")
@click.option("--read-only", is_flag=True, help="Nobody may review: pages and the API only read.")
def serve(host, port, read_only):
    """Serve the editorial desk in the browser and the JSON API.

    Needs the web extra: pip install 'factdb[web]'.  Log in with an account
    made by `factdb user add`.  Sessions are signed with FACTDB_SECRET_KEY
    (set it to keep sessions across restarts and workers; else a random key
    is made at start).

    \b
    Examples:
      factdb user add alice --role reviewer
      factdb serve
      factdb serve --host 0.0.0.0 --port 8000 --read-only
    """
    try:
        import uvicorn

        from ..web import create_app
    except ImportError as exc:
        raise click.ClickException(f"{exc}; install the web desk with `pip install 'factdb[web]'`") from exc
    app = create_app(engine(), read_only=read_only)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}, beyond this machine; the desk speaks plain HTTP, so put "
                   "it behind an HTTPS proxy and set FACTDB_SECURE_COOKIES=1", err=True)
    click.echo(f"factdb desk on http://{host}:{port}/" + (" (read-only)" if read_only else ""), err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False)
