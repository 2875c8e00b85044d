"""The second factor: TOTP codes from an authenticator app, and ten one-time recovery codes.

NIST SP 800-63B: a code is accepted once (the last time step used is kept), one step of clock
drift either way is allowed, and wrong codes count with the password failures (services.py).
Recovery codes carry about 80 bits of randomness, so a SHA-256 of each is all that is kept.
"""

import re
import secrets

import pyotp
import segno
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import delete, select

from clinic.auth.models import RecoveryCode
from clinic.auth.roles import Role
from clinic.auth.tokens import token_hash
from clinic.extensions import db

RECOVERY_CODE_COUNT = 10
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread
RECOVERY_GROUPS, RECOVERY_GROUP_LENGTH = 4, 4
TOTP_CODE = re.compile(r"[0-9]{6}")
DRIFT_STEPS = 1


def required_for(user):
    """Must this user have a second factor (their role, or the clinic's setting)?"""
    config = current_app.config
    if config["SECOND_FACTOR_FOR_EVERYONE"]:
        return True
    return user.role in {Role(role) for role in config["SECOND_FACTOR_ROLES"]}


def enrolled(user):
    return user.totp_enrolled_at is not None


def must_enrol(user):
    return required_for(user) and not enrolled(user)


def pending_secret(user):
    """The secret to scan, made when enrolment starts and kept until it is confirmed."""
    if user.totp_secret is None or enrolled(user):
        user.totp_secret = pyotp.random_base32()
        user.totp_enrolled_at = None
    return user.totp_secret


def provisioning_uri(user):
    issuer = current_app.config["SECOND_FACTOR_ISSUER"]
    return pyotp.TOTP(user.totp_secret).provisioning_uri(name=user.email, issuer_name=issuer)


def qr_svg(user):
    """The enrolment QR code as inline SVG, drawn here: the secret never leaves the server."""
    qr = segno.make(provisioning_uri(user), error="m")
    return qr.svg_inline(scale=5, dark="#000", light="#fff", title=_("QR code to scan"))


def grouped(secret):
    """'ABCD EFGH ...': the secret as people type it into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def confirm_enrolment(user, code, now):
    """The first correct code proves the app holds the secret; returns the recovery codes
    (shown once), or None if the code is wrong."""
    if user.totp_secret is None or enrolled(user) or not _accept_totp(user, code, now):
        return None
    user.totp_enrolled_at = now
    return new_recovery_codes(user, now)


def check(user, code, now):
    """'totp' or 'recovery_code' when `code` is right (and now used up); None when not."""
    if not enrolled(user):
        return None
    code = (code or "").strip().replace(" ", "")
    if TOTP_CODE.fullmatch(code):
        return "totp" if _accept_totp(user, code, now) else None
    return "recovery_code" if _use_recovery_code(user, code, now) else None


def new_recovery_codes(user, now):
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = [_new_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    db.session.add_all(
        RecoveryCode(user_id=user.id, code_hash=token_hash(_normalized(code)), created_at=now)
        for code in codes
    )
    return codes


def recovery_codes_left(user):
    return len(
        db.session.scalars(
            select(RecoveryCode.id).where(
                RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None)
            )
        ).all()
    )


def remove(user):
    """Forget the user's second factor and recovery codes (an admin's reset)."""
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    user.totp_secret = None
    user.totp_enrolled_at = None
    user.totp_last_step = None


def _accept_totp(user, code, now):
    """A right code for a step after the last one used (so a code works only once)."""
    code = (code or "").strip().replace(" ", "")
    if not TOTP_CODE.fullmatch(code):
        return False
    totp = pyotp.TOTP(user.totp_secret)
    current = int(now.timestamp()) // totp.interval
    for step in range(current - DRIFT_STEPS, current + DRIFT_STEPS + 1):
        if user.totp_last_step is not None and step <= user.totp_last_step:
            continue
        if secrets.compare_digest(totp.generate_otp(step).encode(), code.encode()):
            user.totp_last_step = step
            return True
    return False


def _use_recovery_code(user, code, now):
    recovery = db.session.scalar(
        select(RecoveryCode).where(
            RecoveryCode.user_id == user.id,
            RecoveryCode.code_hash == token_hash(_normalized(code)),
            RecoveryCode.used_at.is_(None),
        )
    )
    if recovery is None:
        return False
    recovery.used_at = now
    return True


def _new_recovery_code():
    groups = (
        "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUP_LENGTH))
        for _ in range(RECOVERY_GROUPS)
    )
    return "-".join(groups)


def _normalized(code):
    return re.sub(r"[\s\-]", "", code or "").lower()
