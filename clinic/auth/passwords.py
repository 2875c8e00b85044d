"""Password rules (NIST SP 800-63B: length, no composition rules, no common ones) and hashing."""

import gzip
import re
from functools import cache
from importlib import resources

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app

_REPEATED_UNIT = re.compile(r"^(.+?)\1+$", re.DOTALL)
_EDGE_FILLER = re.compile(r"^[\d\W_]+|[\d\W_]+$")
# Well-known passphrases long enough to pass the length rule.
_KNOWN_PASSPHRASES = frozenset(
    {
        "correcthorsebatterystaple",
        "correct horse battery staple",
        "thequickbrownfoxjumpsoverthelazydog",
        "the quick brown fox jumps over the lazy dog",
        "passwordpassword",
        "letmeinletmein",
        "iloveyouiloveyou",
        "qwertyuiopasdfghjkl",
        "abcdefghijklmnopqrstuvwxyz",
    }
)


@cache
def common_passwords():
    """The ~20,000 most common passwords (Royce Williams' list, as shipped with Django)."""
    data = resources.files("clinic.auth").joinpath("data/common-passwords.txt.gz").read_bytes()
    return frozenset(gzip.decompress(data).decode().split())


def password_problem(password, *, email="", min_length=15, max_length=128):
    """Return why `password` is refused, or None. Composition is never required."""
    if len(password) < min_length:
        return f"Use at least {min_length} characters. A short sentence is easy to remember."
    if len(password) > max_length:
        return f"Use at most {max_length} characters."
    lowered = password.lower()
    stripped = _EDGE_FILLER.sub("", lowered)
    common = common_passwords()
    if (
        lowered in common
        or stripped in common
        or lowered in _KNOWN_PASSPHRASES
        or stripped in _KNOWN_PASSPHRASES
        or _REPEATED_UNIT.match(lowered)
        or lowered.replace(" ", "") in _KNOWN_PASSPHRASES
    ):
        return "That password is too common. Choose a phrase that only you would think of."
    local_part = email.split("@")[0].lower()
    if len(local_part) >= 4 and local_part in lowered:
        return "Don't use your email address in your password."
    return None


def _hasher():
    config = current_app.config
    return PasswordHasher(
        time_cost=config["ARGON2_TIME_COST"],
        memory_cost=config["ARGON2_MEMORY_COST"],
        parallelism=config["ARGON2_PARALLELISM"],
        type=Type.ID,
    )


def hash_password(password):
    return _hasher().hash(password)


def verify_password(password_hash, password):
    """True when `password` matches; an unusable or missing hash never matches."""
    if not password_hash:
        # Spend the same time as a real check, so a missing account can't be told apart.
        _hasher().hash(password)
        return False
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash):
    return _hasher().check_needs_rehash(password_hash)
