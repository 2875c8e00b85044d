"""Login, logout, first run, invitations and passwords. Services flush; the request commits."""

from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from clinic import audit
from clinic.auth import second_factor, sessions
from clinic.auth.models import Invitation, LoginThrottle, Organization, User, any_user_exists
from clinic.auth.passwords import hash_password, needs_rehash, password_problem, verify_password
from clinic.auth.roles import Role
from clinic.auth.tokens import new_token, token_hash
from clinic.extensions import db


class ServiceError(Exception):
    """A business rule refused the request; `field` names the form field it concerns."""

    def __init__(self, message, field=None):
        message = str(message)  # a message written ahead (lazy) is said now: pages show str
        super().__init__(message)
        self.message = message

        self.field = field


@dataclass(frozen=True)
class LoginResult:
    user: User | None = None
    token: str | None = None
    retry_after: timedelta | None = None
    second_factor_due: bool = False  # the password was right; the code must follow


def normalize_email(email):
    return email.strip().lower()


def find_user_by_email(email):
    return db.session.scalar(select(User).where(User.email == normalize_email(email)))


def check_password_rules(password, email="", name=""):
    config = current_app.config
    problem = password_problem(
        password,
        email=email,
        name=name,
        min_length=config["PASSWORD_MIN_LENGTH"],
        max_length=config["PASSWORD_MAX_LENGTH"],
    )
    if problem:
        raise ServiceError(problem, field="password")


def log_in(email, password, now):
    """Check the credentials, with per-account slow-down; start a session on success."""
    email = normalize_email(email)
    throttle = db.session.scalar(
        select(LoginThrottle).where(LoginThrottle.email_hash == token_hash(email))
    )
    wait = _remaining_wait(throttle, now)
    if wait:
        return LoginResult(retry_after=wait)

    user = find_user_by_email(email)
    usable = user is not None and user.active
    if not verify_password(user.password_hash if usable else None, password):
        _record_failure(throttle, email, now)
        audit.record("auth.login_failed", target=user if user else None, at=now)
        return LoginResult()

    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    if second_factor.enrolled(user):
        audit.record("auth.password_accepted", actor=user, target=user, at=now)
        return LoginResult(user=user, second_factor_due=True)
    if throttle is not None:
        db.session.delete(throttle)
    token = sessions.start_session(user, now)
    audit.record("auth.login", actor=user, target=user, at=now)
    return LoginResult(user=user, token=token)


def log_in_second_factor(user, code, now):
    """The second step of a login: a TOTP or recovery code, throttled with the password
    failures of the same account (a wrong code is one more failure)."""
    throttle = db.session.scalar(
        select(LoginThrottle).where(LoginThrottle.email_hash == token_hash(user.email))
    )
    wait = _remaining_wait(throttle, now)
    if wait:
        return LoginResult(retry_after=wait)
    method = second_factor.check(user, code, now) if user.active else None
    if method is None:
        _record_failure(throttle, user.email, now)
        audit.record("auth.second_factor_failed", target=user, at=now)
        return LoginResult()
    if throttle is not None:
        db.session.delete(throttle)
    token = sessions.start_session(user, now, second_factor=True)
    if method == "recovery_code":
        left = second_factor.recovery_codes_left(user)
        audit.record("auth.recovery_code_used", actor=user, target=user, at=now, left=left)
    audit.record("auth.login", actor=user, target=user, at=now, second_factor=method)
    return LoginResult(user=user, token=token)


def enrol_second_factor(user, code, now):
    """Confirm the app with its first code: end every session (those from before enrolment
    must not outlive it), start this browser's, and return the recovery codes to show once."""
    codes = second_factor.confirm_enrolment(user, code, now)
    if codes is None:
        raise ServiceError(
            _(
                "That code is not right. Check the app shows Clinic's code and the phone's time "
                "is correct, then type the six digits it shows now."
            ),
            field="code",
        )
    sessions.end_all_sessions(user, now, "second_factor_enrolled")
    audit.record("auth.second_factor_enrolled", actor=user, target=user, at=now)
    return codes, sessions.start_session(user, now, second_factor=True)


def new_recovery_codes(user, code, now):
    """A fresh set of ten (the old ones stop working), after a current code."""
    if second_factor.check(user, code, now) is None:
        raise ServiceError(_("That code is not right."), field="code")
    audit.record("auth.recovery_codes_renewed", actor=user, target=user, at=now)
    return second_factor.new_recovery_codes(user, now)


def log_out(user, now):
    """End every session of the user: logging out anywhere logs out everywhere."""
    sessions.end_all_sessions(user, now, "logout")
    audit.record("auth.logout", actor=user, target=user, at=now)


def change_password(user, current_password, new_password, now):
    """Replace the password, end every session, and start a fresh one for this browser."""
    if not verify_password(user.password_hash, current_password):
        raise ServiceError(_("That is not your current password."), field="current_password")
    check_password_rules(new_password, user.email, user.name)
    _set_password(user, new_password, now)
    sessions.end_all_sessions(user, now, "password_changed")
    audit.record("auth.password_changed", actor=user, target=user, at=now)
    return sessions.start_session(user, now, second_factor=second_factor.enrolled(user))


def create_first_admin(organization_name, name, email, password, now):
    """The first-run set-up: the first organization and its admin. Refused once anyone exists."""
    _lock_users_table()
    if any_user_exists():
        raise ServiceError(_("Clinic is already set up."))
    check_password_rules(password, email, name)
    organization = Organization(name=organization_name.strip(), created_at=now)
    user = User(
        organization=organization,
        email=normalize_email(email),
        name=name.strip(),
        role=Role.ADMIN,
        created_at=now,
    )
    _set_password(user, password, now)
    db.session.add_all([organization, user])
    audit.record("admin.first_run", actor=user, target=user, at=now, role=user.role.value)
    return user


def invitation_for_token(token, now):
    invitation = db.session.scalar(
        select(Invitation).where(Invitation.token_hash == token_hash(token or ""))
    )
    if invitation is None or invitation.used_at is not None or invitation.expires_at <= now:
        return None
    if not invitation.user.active:
        return None
    return invitation


def create_invitation(user, now):
    token = new_token()
    lifetime = current_app.config["INVITATION_LIFETIME"]
    db.session.add(
        Invitation(
            token_hash=token_hash(token), user=user, created_at=now, expires_at=now + lifetime
        )
    )
    return token


def accept_invitation(invitation, password, now):
    user = invitation.user
    check_password_rules(password, user.email, user.name)
    _set_password(user, password, now)
    invitation.used_at = now
    sessions.end_all_sessions(user, now, "password_changed")
    audit.record("auth.invitation_accepted", actor=user, target=user, at=now)
    return user


def reset_second_factor(user, *, by, now):
    """An admin's reset for a lost phone: the factor and codes go, every session ends, and
    the user enrols again at their next login."""
    if user.id == by.id:
        raise ServiceError(_("Another admin must reset your second factor."))
    if user.totp_secret is None:
        raise ServiceError(_("%(name)s has no second factor to reset.", name=user.name))

    second_factor.remove(user)
    sessions.end_all_sessions(user, now, "second_factor_reset")
    audit.record("admin.second_factor_reset", actor=by, target=user, at=now)


def _set_password(user, password, now):
    user.password_hash = hash_password(password)
    user.password_changed_at = now


def _remaining_wait(throttle, now):
    config = current_app.config
    if throttle is None or throttle.failures < config["LOGIN_FREE_ATTEMPTS"]:
        return None
    extra = throttle.failures - config["LOGIN_FREE_ATTEMPTS"]
    delay = min(config["LOGIN_FIRST_DELAY"] * (2 ** min(extra, 20)), config["LOGIN_MAX_DELAY"])
    allowed_at = throttle.last_failure_at + delay
    return allowed_at - now if allowed_at > now else None


def _record_failure(throttle, email, now):
    if throttle is None:
        throttle = LoginThrottle(email_hash=token_hash(email), failures=0, last_failure_at=now)
        db.session.add(throttle)
    throttle.failures += 1
    throttle.last_failure_at = now


def _lock_users_table():
    """On PostgreSQL, serialise concurrent first-run attempts (SQLite already does, IMMEDIATE)."""
    if db.engine.dialect.name == "postgresql":
        db.session.execute(db.text("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE"))
