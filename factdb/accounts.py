"""Users and API tokens: who may read and who may review through the web desk.

Passwords are hashed with argon2id (argon2-cffi: a maintained binding of the
reference implementation, with safe parameters and rehash checks built in).
API tokens are 256-bit random strings; only their SHA-256 is stored, which is
enough for a secret that cannot be guessed and lets a token be found by an
indexed equality lookup.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlmodel import Session

from .errors import FactdbError, NotFound
from .models import USER_ROLES, ApiToken, User, utcnow

TOKEN_PREFIX = "fdb_"
USER_COLUMNS = ["id", "name", "role", "disabled", "created_at", "tokens"]
# role -> what it may do; viewers read, reviewers also review
CAN_REVIEW = ("reviewer", "admin")


class AccountError(FactdbError):
    pass


@dataclass(frozen=True)
class Account:
    """The part of a user the web layer keeps: no hash leaves this module."""

    id: int
    name: str
    role: str

    @property
    def can_review(self) -> bool:
        return self.role in CAN_REVIEW


def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher().hash(password)


# a valid hash of a random password: checking an unknown user's password costs
# the same time as a known one, so response times do not reveal user names
_DUMMY_HASH: list[str] = []


def _check(stored: str | None, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    if stored is None:
        if not _DUMMY_HASH:
            _DUMMY_HASH.append(hash_password(secrets.token_hex(16)))
        stored = _DUMMY_HASH[0]
        password = password + "\0never"
    try:
        return _hasher().verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def validate_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name or len(name) > 64:
        raise AccountError("a user name needs 1 to 64 characters")
    return name


def add_user(session: Session, name: str, role: str, password: str) -> User:
    name = validate_name(name)
    if role not in USER_ROLES:
        raise AccountError(f"role {role!r} is not one of {', '.join(USER_ROLES)}")
    if len(password) < 8:
        raise AccountError("a password needs at least 8 characters")
    if session.execute(select(User.id).where(User.name == name)).first():
        raise AccountError(f"user {name!r} already exists; see `factdb user list`")
    user = User(name=name, role=role, password_hash=hash_password(password))
    session.add(user)
    session.flush()
    return user


def get_user(session: Session, name: str) -> User:
    user = session.execute(select(User).where(User.name == validate_name(name))).scalars().first()
    if user is None:
        raise NotFound(f"no user {name!r}; add one with `factdb user add NAME --role reviewer`")
    return user


def set_disabled(session: Session, name: str, disabled: bool = True) -> User:
    """Disable (or re-enable) a user; a disabled user's tokens stop working too."""
    user = get_user(session, name)
    user.disabled = disabled
    session.add(user)
    session.flush()
    return user


def user_rows(session: Session) -> Iterator[dict]:
    from sqlalchemy import func

    live = (select(ApiToken.user_id, func.count().label("tokens"))
            .where(ApiToken.revoked_at.is_(None)).group_by(ApiToken.user_id).subquery())
    q = (select(User.id, User.name, User.role, User.disabled, User.created_at,
                func.coalesce(live.c.tokens, 0).label("tokens"))
         .outerjoin(live, live.c.user_id == User.id).order_by(User.name))
    for r in session.execute(q):
        yield dict(r._mapping)


def authenticate(session: Session, name: str, password: str) -> Account | None:
    """The account for this name and password, or None (unknown, wrong or disabled)."""
    try:
        name = validate_name(name)
    except AccountError:
        name = ""
    user = session.execute(select(User).where(User.name == name)).scalars().first() if name else None
    ok = _check(user.password_hash if user else None, password or "")
    if not ok or user is None or user.disabled:
        return None
    return Account(user.id, user.name, user.role)


def account(session: Session, user_id: int) -> Account | None:
    """The account behind a session, or None when it was disabled meanwhile."""
    user = session.get(User, user_id)
    if user is None or user.disabled:
        return None
    return Account(user.id, user.name, user.role)


# --- tokens ---------------------------------------------------------------------


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(session: Session, name: str, label: str | None = None) -> tuple[ApiToken, str]:
    """A new bearer token for user ``name``: (its row, the token itself, shown once)."""
    user = get_user(session, name)
    if user.disabled:
        raise AccountError(f"user {user.name!r} is disabled; enable it before creating tokens")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(user_id=user.id, token_hash=_digest(token), label=label)
    session.add(row)
    session.flush()
    return row, token


def revoke_tokens(session: Session, *, token_id: int | None = None, user: str | None = None) -> int:
    """Revoke one token by id, or every live token of a user; returns how many."""
    q = update(ApiToken).where(ApiToken.revoked_at.is_(None))
    if token_id is not None:
        if session.get(ApiToken, token_id) is None:
            raise NotFound(f"no token {token_id}; see `factdb token list`")
        q = q.where(ApiToken.id == token_id)
    elif user is not None:
        q = q.where(ApiToken.user_id == get_user(session, user).id)
    else:
        raise AccountError("name a token id or a user")
    return session.execute(q.values(revoked_at=utcnow())).rowcount


TOKEN_COLUMNS = ["id", "user", "label", "created_at", "revoked_at"]


def token_rows(session: Session, user: str | None = None) -> Iterator[dict]:
    q = (select(ApiToken.id, User.name.label("user"), ApiToken.label, ApiToken.created_at, ApiToken.revoked_at)
         .join(User, User.id == ApiToken.user_id).order_by(ApiToken.id))
    if user:
        q = q.where(User.id == get_user(session, user).id)
    for r in session.execute(q):
        yield dict(r._mapping)


def token_account(session: Session, token: str) -> Account | None:
    """The account a bearer token stands for, or None (unknown, revoked or disabled)."""
    if not token or not token.startswith(TOKEN_PREFIX):
        return None
    row = session.execute(
        select(User).join(ApiToken, ApiToken.user_id == User.id)
        .where(ApiToken.token_hash == _digest(token), ApiToken.revoked_at.is_(None))
    ).scalars().first()
    if row is None or row.disabled:
        return None
    return Account(row.id, row.name, row.role)
