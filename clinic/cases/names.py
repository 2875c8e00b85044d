"""Names, A-numbers and phones made comparable, and the name words each person is found by.

Names fold to case- and accent-free words; each applicant's words (`applicant_name_words`: each
folded word, and neighbours written together, Jean Baptiste / Jeanbaptiste) follow their names
on every flush, whatever changed them, and each word is reached through its keys
(`name_word_keys`: the word, its one-letter deletions, its Metaphone code). clinic/cases/search.py
scores people by them.
"""

import re
import unicodedata
from datetime import date

import jellyfish
from sqlalchemy import event, inspect
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from clinic.cases.models import Applicant, ApplicantNameWord, NameWordKey

# Letters that Unicode does not decompose into a base letter and a mark.
_EXTRA_FOLDS = str.maketrans(
    {"đ": "d", "ø": "o", "ł": "l", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"}
)
_SEPARATORS = re.compile(r"[\s\-‐‑–—'’.,]+")
_A_NUMBER = re.compile(r"^[Aa]?(\d{8,9})$")
_LATIN = re.compile(r"^[a-z]+$")


def fold(text):
    """Case- and accent-insensitive form of a name: 'Nguyễn Thị' -> 'nguyen thi'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFKC", stripped.translate(_EXTRA_FOLDS))


def name_words(*names):
    """The folded words of a name in the order typed, hyphenated surnames split."""
    return [word for name in names for word in _SEPARATORS.split(fold(name or "")) if word]


def name_tokens(*names):
    """The folded words of a name as a set: {'garcia', 'lopez', 'maria'}."""
    return set(name_words(*names))


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


def swapped_birth_date(born):
    """The birth date with day and month swapped (04/02 for 02/04), if that is a date."""
    if born is None or born.day > 12 or born.day == born.month:
        return None
    return date(born.year, born.day, born.month)


# ---- Name words and their keys: what is stored, and how typed words reach them -----------


def sound(word):
    """The word's Metaphone code when it says enough (three sounds or more), else ''."""
    code = jellyfish.metaphone(word) if len(word) >= 3 and _LATIN.match(word) else ""
    return code if len(code) >= 3 else ""


def _deletions(word):
    return {word[:i] + word[i + 1 :] for i in range(len(word))} if len(word) >= 4 else set()


def word_keys(word):
    """The keys a word is found by: itself, its one-letter deletions, its sound."""
    keys = {"w:" + word} | {"w:" + d for d in _deletions(word)}
    code = sound(word)
    return {key[:64] for key in (keys | {"m:" + code} if code else keys)}


def _pairs(words):
    return [words[i] + words[i + 1] for i in range(len(words) - 1)]


def stored_words(given, family):
    """The words a person is found by: each name word, and each two neighbours together."""
    words = name_words(given, family)
    return {word[:64] for word in words + _pairs(words)}


def refresh_name_words(applicant):
    """Make the applicant's stored words match their names (adds and removes, keeps the rest)."""
    wanted = stored_words(applicant.given_names, applicant.family_names)
    count = len(name_words(applicant.given_names, applicant.family_names))
    kept = [row for row in applicant.name_words if row.word in wanted]
    for row in kept:
        row.word_count = count
    wanted -= {row.word for row in kept}
    applicant.name_words = kept + [
        ApplicantNameWord(organization_id=applicant.organization_id, word=word, word_count=count)
        for word in sorted(wanted)
    ]
    return wanted


def add_word_keys(session, words):
    """Keys for words not seen before (a word already there keeps its keys)."""
    rows = [{"key": key, "word": word} for word in sorted(words) for key in word_keys(word)]
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    for start in range(0, len(rows), 5000):
        session.execute(insert(NameWordKey).on_conflict_do_nothing(), rows[start : start + 5000])


@event.listens_for(Session, "before_flush")
def _index_changed_names(session, flush_context, instances):
    """Whatever changed a name (check-in, the interview, a script), its words follow."""
    new_words = set()
    for obj in list(session.new) + list(session.dirty):
        if isinstance(obj, Applicant) and _names_changed(obj):
            new_words |= refresh_name_words(obj)
    add_word_keys(session, new_words)


def _names_changed(applicant):
    state = inspect(applicant)
    if state.pending:
        return True
    return any(state.attrs[name].history.has_changes() for name in ("given_names", "family_names"))
