"""``factdb user`` and ``factdb token``: accounts for the web desk and the JSON API."""

from __future__ import annotations

import sys

import click

from .common import FORMAT_CHOICE, emit, engine


@click.group()
def user():
    """Accounts for the web desk and the JSON API.

    Roles: viewer (reads), reviewer (also verifies, corrects, rejects and
    disputes claims), admin (as reviewer).  The name is what claim histories
    record as the reviewer.

    \b
    Examples:
      factdb user add alice --role reviewer
      echo "$PASSWORD" | factdb user add bob --role viewer --password-stdin
      factdb user list
      factdb user disable bob
    """


@user.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["viewer", "reviewer", "admin"]), required=True,
              help="What the user may do.")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin.")
def user_add(name, role, password_stdin):
    """Add a user; the password is prompted for (twice) unless --password-stdin.

    \b
    Examples:
      factdb user add alice --role reviewer
      printf '%s\\n' "$PASSWORD" | factdb user add ci-bot --role viewer --password-stdin
    """
    from ..accounts import add_user
    from ..db import run_write

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True, err=True)
    row = run_write(engine(), lambda s: add_user(s, name, role, password))
    click.echo(f"user {row.name!r} added as {row.role}", err=True)


@user.command("list")
@click.option("--format", "fmt", type=FORMAT_CHOICE, default="table", show_default=True, help="Output format.")
def user_list(fmt):
    """List users with their role, state and live token count.

    \b
    Example:
      factdb user list --format json
    """
    from ..accounts import USER_COLUMNS, user_rows
    from ..db import read_session

    with read_session(engine()) as s:
        emit(user_rows(s), USER_COLUMNS, fmt)


@user.command("disable")
@click.argument("name")
@click.option("--enable", is_flag=True, help="Re-enable the user instead.")
def user_disable(name, enable):
    """Disable a user: no more logins, sessions or API tokens (history keeps the name).

    \b
    Examples:
      factdb user disable bob
      factdb user disable bob --enable
    """
    from ..accounts import set_disabled
    from ..db import run_write

    row = run_write(engine(), lambda s: set_disabled(s, name, not enable))
    click.echo(f"user {row.name!r} {'disabled' if row.disabled else 'enabled'}", err=True)


# --- tokens --------------------------------------------------------------------------


@click.group()
def token():
    """Bearer tokens for the JSON API (only a hash is stored).

    \b
    Examples:
      factdb token create alice --label "newsroom bot"
      factdb token list
      factdb token revoke 3
    """


@token.command("create")
@click.argument("name")
@click.option("--label", help="What the token is for.")
def token_create(name, label):
    """Print a new bearer token for user NAME, alone on stdout (shown only once).

    \b
    Example:
      TOKEN=$(factdb token create alice)
      curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8080/api/claims
    """
    from ..accounts import create_token
    from ..db import run_write

    row, secret = run_write(engine(), lambda s: create_token(s, name, label))
    click.echo(secret)
    click.echo(f"token {row.id} created for {name!r}; revoke it with `factdb token revoke {row.id}`", err=True)


@token.command("revoke")
@click.argument("token_id", type=int, required=False)
@click.option("--user", "user_name", help="Revoke every token of this user instead.")
def token_revoke(token_id, user_name):
    """Revoke a token by id (see `factdb token list`), or all of a user's.

    \b
    Examples:
      factdb token revoke 3
      factdb token revoke --user bob
    """
    from ..accounts import revoke_tokens
    from ..db import run_write

    if (token_id is None) == (user_name is None):
        raise click.UsageError("give a TOKEN_ID or --user NAME")
    n = run_write(engine(), lambda s: revoke_tokens(s, token_id=token_id, user=user_name))
    click.echo(f"{n} token{'s' * (n != 1)} revoked", err=True)


@token.command("list")
@click.option("--user", "user_name", help="Only this user's tokens.")
@click.option("--format", "fmt", type=FORMAT_CHOICE, default="table", show_default=True, help="Output format.")
def token_list(user_name, fmt):
    """List tokens (ids, owners, labels, creation and revocation times; never the secret).

    \b
    Example:
      factdb token list --user alice
    """
    from ..accounts import TOKEN_COLUMNS, token_rows
    from ..db import read_session

    with read_session(engine()) as s:
        emit(token_rows(s, user_name), TOKEN_COLUMNS, fmt)
