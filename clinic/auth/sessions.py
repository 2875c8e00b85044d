"""Server-side login sessions: every request's cookie token is checked against this table.

A session ends on logout, on a password change, on deactivation, when the user enrols a second
factor or an admin resets it, after SESSION_IDLE_TIMEOUT without a request, and
SESSION_ABSOLUTE_TIMEOUT after login, whatever the cookie says. A session begun without the
second factor is refused for a user who has one (a cookie copied before enrolment).
"""

from datetime import timedelta

from sqlalchemy import select, update

from clinic.auth.models import UserSession
from clinic.auth.tokens import new_token, token_hash
from clinic.extensions import db

# last_seen_at is written at most this often, so reading pages doesn't queue writes for nothing.
LAST_SEEN_RESOLUTION = timedelta(seconds=60)


def start_session(user, now, *, second_factor=False):
    token = new_token()
    db.session.add(
        UserSession(
            token_hash=token_hash(token),
            user=user,
            created_at=now,
            last_seen_at=now,
            second_factor=second_factor,
        )
    )
    user.session_token = token
    return token


def user_for_token(token, now, *, idle_timeout, absolute_timeout):
    """The active user behind `token`, or None; ends the session if it has timed out."""
    if not token:
        return None
    session = db.session.scalar(
        select(UserSession).where(
            UserSession.token_hash == token_hash(token), UserSession.ended_at.is_(None)
        )
    )
    if session is None:
        return None
    if now - session.created_at >= absolute_timeout:
        _end(session, now, "expired")
        return None
    if now - session.last_seen_at >= idle_timeout:
        _end(session, now, "idle")
        return None
    if not session.user.active:
        _end(session, now, "deactivated")
        return None
    if session.user.totp_enrolled_at is not None and not session.second_factor:
        _end(session, now, "second_factor_missing")  # begun before the user enrolled
        return None
    if now - session.last_seen_at >= LAST_SEEN_RESOLUTION:
        session.last_seen_at = now
    session.user.session_token = token
    return session.user


def end_all_sessions(user, now, reason):
    db.session.execute(
        update(UserSession)
        .where(UserSession.user_id == user.id, UserSession.ended_at.is_(None))
        .values(ended_at=now, end_reason=reason)
    )


def _end(session, now, reason):
    session.ended_at = now
    session.end_reason = reason
