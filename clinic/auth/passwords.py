"""Password rules (NIST SP 800-63B: length, no composition rules, no common ones) and hashing."""

import gzip
import itertools
import re
from functools import cache
from importlib import resources

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

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


_WORD = re.compile(r"[^\W_]+")
_KEYBOARD_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
# Words of this app's own context, which a guesser tries first (NIST SP 800-63B 3.1.1.2).
_CONTEXT_WORDS = ("clinic", "citizenship", "citizen", "naturalization", "uscis")
TOO_COMMON = _l("That password is too common. Choose a phrase that only you would think of.")


def _steps_in_order(a, b):
    """Neighbours in a sequence people type: the same key, the next letter or digit (9 to 0
    too), or the next key on a keyboard row, in either direction."""
    if a == b:
        return True
    if a.isdigit() and b.isdigit():
        return (int(b) - int(a)) % 10 in (1, 9)
    if a.isascii() and b.isascii() and a.isalpha() and b.isalpha() and abs(ord(a) - ord(b)) == 1:
        return True
    return any(
        a in row and b in row and abs(row.index(a) - row.index(b)) == 1 for row in _KEYBOARD_ROWS
    )


def is_sequence(text):
    """Mostly a run like 123456789012345, abcdefgh, qwertyuiop or aaaabbbb."""
    if len(text) < 3:
        return True
    steps = sum(_steps_in_order(a, b) for a, b in itertools.pairwise(text))
    return steps >= 0.8 * (len(text) - 1)


def _is_common(text):
    common = common_passwords()
    stripped = _EDGE_FILLER.sub("", text)
    return (
        text in common
        or stripped in common
        or text in _KNOWN_PASSPHRASES
        or stripped in _KNOWN_PASSPHRASES
        or bool(_REPEATED_UNIT.match(text))
    )


def _context_words(name, email):
    local_part = email.split("@")[0].lower()
    words = set(_WORD.findall(f"{name} {local_part}".lower())) | set(_CONTEXT_WORDS)
    return {word for word in words if len(word) >= 3}


def password_problem(password, *, email="", name="", min_length=15, max_length=128):
    """Return why `password` is refused, or None. Composition is never required.

    Refused, as NIST SP 800-63B asks: the whole phrase, or the phrase without spaces, on the
    common-password list; repetition ("abcabc", "password password password") and sequences
    ("123456789012345", "qwertyuiop…"); phrases made only of fewer than three different weak
    words; and phrases built from the user's own name, email address or this app's words.
    """
    if len(password) < min_length:
        return _(
            "Use at least %(count)s characters. A short sentence is easy to remember.",
            count=min_length,
        )
    if len(password) > max_length:
        return _("Use at most %(count)s characters.", count=max_length)
    lowered = password.lower()
    compact = "".join(_WORD.findall(lowered))
    if (
        _is_common(lowered)
        or _is_common(compact)
        or lowered.replace(" ", "") in _KNOWN_PASSPHRASES
        or len(set(lowered)) < 5
        or is_sequence(compact)
    ):
        return str(TOO_COMMON)
    context = _context_words(name, email)
    words = set(_WORD.findall(lowered))
    weak = {w for w in words if _is_common(w) or is_sequence(w) or w in context}
    if len(words) < 3 and words <= weak:
        return str(TOO_COMMON)
    local_part = email.split("@")[0].lower()
    if len(local_part) >= 4 and local_part in lowered:
        return _("Don't use your email address in your password.")
    rest = compact
    for word in sorted(context, key=len, reverse=True):
        rest = rest.replace(word, "")
    if rest != compact and len(rest) < 10:
        return _("Don't build your password from your name, your email address or the app's name.")

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
