"""Finding people: name, A-number and phone normalization, search, and likely duplicates."""

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import or_, select

from clinic.cases.models import Applicant
from clinic.extensions import db

# Letters that Unicode does not decompose into a base letter and a mark.
_EXTRA_FOLDS = str.maketrans(
    {"đ": "d", "ø": "o", "ł": "l", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"}
)
_SEPARATORS = re.compile(r"[\s\-‐‑–—'’.,]+")
_A_NUMBER = re.compile(r"^[Aa]?(\d{8,9})$")


def fold(text):
    """Case- and accent-insensitive form of a name: 'Nguyễn Thị' -> 'nguyen thi'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFKC", stripped.translate(_EXTRA_FOLDS))


def name_tokens(*names):
    """The folded words of a name, hyphenated surnames split: {'garcia', 'lopez', 'maria'}."""
    tokens = set()
    for name in names:
        tokens.update(token for token in _SEPARATORS.split(fold(name or "")) if token)
    return tokens


def tokens_column(given, family):
    return " " + " ".join(sorted(name_tokens(given, family))) + " "


def normalize_a_number(text):
    """'A-123-456-789', 'a 12345678' -> 9 digits ('012345678'); None if it is not one."""
    if not text:
        return None
    compact = re.sub(r"[\s\-]", "", text)
    match = _A_NUMBER.match(compact)
    return match.group(1).zfill(9) if match else None


def normalize_phone(text):
    digits = re.sub(r"\D", "", text or "")
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits or None


@dataclass(frozen=True)
class Match:
    applicant: Applicant
    score: int
    reasons: tuple

    @property
    def likely(self):
        return self.score >= 3


def find_people(
    organization_ids, *, names="", date_of_birth=None, a_number=None, phone=None, limit=20
):
    """Applicants of the given organizations matching any clue, best matches first.

    Scores: the same A-number is decisive (10); the same birth date 3; the same phone 3;
    each shared name word 1, in any order (swapped given and family names still match).
    """
    tokens = name_tokens(names)
    a_number = normalize_a_number(a_number) if a_number else None
    phone = normalize_phone(phone)
    clues = [Applicant.name_tokens.like(f"% {token} %") for token in tokens]
    if date_of_birth:
        clues.append(Applicant.date_of_birth == date_of_birth)
    if a_number:
        clues.append(Applicant.a_number_is(a_number))
    if phone:
        clues.append(Applicant.phone == phone)
    if not clues:
        return []
    candidates = db.session.scalars(
        select(Applicant)
        .where(Applicant.organization_id.in_(organization_ids), or_(*clues))
        .limit(500)
    )
    matches = [_score(person, tokens, date_of_birth, a_number, phone) for person in candidates]
    matches = [m for m in matches if m.score > 0]
    matches.sort(key=lambda m: (-m.score, m.applicant.family_names, m.applicant.id))
    return matches[:limit]


def _score(person, tokens, date_of_birth, a_number, phone):
    reasons, score = [], 0
    if a_number and person.a_number == a_number:
        score += 10
        reasons.append("same A-number")
    if date_of_birth and person.date_of_birth == date_of_birth:
        score += 3
        reasons.append("same date of birth")
    if phone and person.phone == phone:
        score += 3
        reasons.append("same phone")
    shared = tokens & set(person.name_tokens.split())
    if shared:
        score += len(shared)
        reasons.append(f"{len(shared)} name word{'s' if len(shared) > 1 else ''} in common")
    return Match(person, score, tuple(reasons))
