"""Finding people: name, A-number and phone normalization, search, and likely duplicates.

Candidates come first from the strong keys (A-number, birth date, the birth date with day and
month swapped, phone), then from the stored name words (`applicant_name_words`: each folded
name word, and neighbours written together, Jean Baptiste / Jeanbaptiste), reached from the
typed words through `name_word_keys`: the word, its one-letter deletions (any single typo or
transposed pair of letters leaves one in common) and its Metaphone code (Mohamed, Muhammad and
Mohammed all read MHMT). Everything is scored in `_score`, the one place that decides who ranks
first; name candidates are read in order of the most they could score, and reading stops only
when no unread one could beat those kept.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

import jellyfish
from rapidfuzz.distance import OSA
from sqlalchemy import case, event, func, inspect, literal, or_, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from clinic.cases.models import Applicant, ApplicantNameWord, NameWordKey
from clinic.extensions import db

# Letters that Unicode does not decompose into a base letter and a mark.
_EXTRA_FOLDS = str.maketrans(
    {"đ": "d", "ø": "o", "ł": "l", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"}
)
_SEPARATORS = re.compile(r"[\s\-‐‑–—'’.,]+")
_A_NUMBER = re.compile(r"^[Aa]?(\d{8,9})$")
_LATIN = re.compile(r"^[a-z]+$")

# What each clue is worth. A score of LIKELY or more is shown as a likely duplicate (a birth
# date alone counts: names typed in two scripts share no word); CERTAIN or more is strong
# enough to tell a volunteer that another member organization may have the person.
SAME_A_NUMBER, SAME_BIRTH_DATE, SWAPPED_BIRTH_DATE, SAME_PHONE = 10.0, 3.0, 2.5, 3.0
EXACT_WORD, ONE_TYPO, SOUNDS_ALIKE = 1.0, 0.85, 0.8
EXTRA_WORD = 0.1  # per word the record has beyond those typed: the closer name ranks first
LIKELY, CERTAIN = 3.0, 4.5
_BATCH, _FIRST_READ = 40, 200  # name candidates scored, and first read, at a time


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


def _sound(word):
    """The word's Metaphone code when it says enough (three sounds or more), else ''."""
    code = jellyfish.metaphone(word) if len(word) >= 3 and _LATIN.match(word) else ""
    return code if len(code) >= 3 else ""


def _deletions(word):
    return {word[:i] + word[i + 1 :] for i in range(len(word))} if len(word) >= 4 else set()


def word_keys(word):
    """The keys a word is found by: itself, its one-letter deletions, its sound."""
    keys = {"w:" + word} | {"w:" + d for d in _deletions(word)}
    sound = _sound(word)
    return {key[:64] for key in (keys | {"m:" + sound} if sound else keys)}


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


# ---- Scoring: the one place --------------------------------------------------------------


def _word_likeness(typed, stored):
    if typed == stored:
        return EXACT_WORD
    if min(len(typed), len(stored)) >= 4 and OSA.distance(typed, stored, score_cutoff=1) <= 1:
        return ONE_TYPO
    sound = _sound(typed)
    return SOUNDS_ALIKE if sound and sound == _sound(stored) else 0.0


def _units(words):
    """Words and adjacent pairs written together, each with the positions it covers."""
    units = [(word, (i,)) for i, word in enumerate(words)]
    return units + [(words[i] + words[i + 1], (i, i + 1)) for i in range(len(words) - 1)]


def _name_score(typed, stored):
    """(score, exact words, alike words): each typed word matched once, best pairs first."""
    options = []
    for text, positions in _units(typed):
        for other, covered in _units(stored):
            single = len(positions) == 1 and len(covered) == 1
            likeness = _word_likeness(text, other) if single else float(text == other)
            if likeness:
                options.append((likeness, len(positions), positions, covered))
    options.sort(key=lambda option: (-option[0] * option[1], option[2]))
    used_typed, used_stored, score, exact, alike = set(), set(), 0.0, 0, 0
    for likeness, _, positions, covered in options:
        if used_typed.isdisjoint(positions) and used_stored.isdisjoint(covered):
            used_typed.update(positions)
            used_stored.update(covered)
            score += likeness * len(positions)
            exact, alike = (exact + 1, alike) if likeness == EXACT_WORD else (exact, alike + 1)
    score -= EXTRA_WORD * max(0, len(stored) - len(typed))
    return max(score, 0.0), exact, alike


@dataclass(frozen=True)
class Match:
    applicant: Applicant
    score: float
    reasons: tuple

    @property
    def likely(self):
        return self.score >= LIKELY

    @property
    def certain(self):
        return self.score >= CERTAIN


@dataclass(frozen=True)
class _Clues:
    words: list
    date_of_birth: date | None
    swapped: date | None
    a_number: str | None
    phone: str | None

    @classmethod
    def read(cls, names, date_of_birth, a_number, phone):
        return cls(
            name_words(names),
            date_of_birth,
            swapped_birth_date(date_of_birth),
            normalize_a_number(a_number) if a_number else None,
            normalize_phone(phone),
        )

    @property
    def empty(self):
        return not (self.words or self.date_of_birth or self.a_number or self.phone)


def _score(person, clues, same_a_number):
    reasons, score = [], 0.0
    if same_a_number:
        score += SAME_A_NUMBER
        reasons.append("same A-number")
    if clues.date_of_birth and person.date_of_birth == clues.date_of_birth:
        score += SAME_BIRTH_DATE
        reasons.append("same date of birth")
    elif clues.swapped and person.date_of_birth == clues.swapped:
        score += SWAPPED_BIRTH_DATE
        reasons.append("date of birth with day and month swapped")
    if clues.phone and person.phone == clues.phone:
        score += SAME_PHONE
        reasons.append("same phone")
    if clues.words:
        name, exact, alike = _name_score(
            clues.words, name_words(person.given_names, person.family_names)
        )
        score += name
        if exact:
            reasons.append(f"{exact} name word{'s' if exact > 1 else ''} in common")
        if alike:
            reasons.append(f"{alike} name word{'s' if alike > 1 else ''} alike")
    return Match(person, round(score, 2), tuple(reasons))


def _ranked(matches):
    return sorted(matches, key=lambda m: (-m.score, m.applicant.family_names, m.applicant.id))


# ---- Retrieval ---------------------------------------------------------------------------


def a_number_condition(number):
    """The SQL test "this applicant holds the A-number" (9 digits): the ONE place search
    compares A-numbers, so that a change in how they are stored changes only this."""
    return Applicant.a_number_is(number)


def _strong_candidates(organization_ids, clues):
    """Everyone sharing a strong key, all of them (each key is shared by few people), and the
    ids of those holding the A-number."""
    conditions = []
    if clues.a_number:
        conditions.append(a_number_condition(clues.a_number))
    dates = [d for d in (clues.date_of_birth, clues.swapped) if d]
    if dates:
        conditions.append(Applicant.date_of_birth.in_(dates))
    if clues.phone:
        conditions.append(Applicant.phone == clues.phone)
    if not conditions:
        return [], set()
    in_organizations = Applicant.organization_id.in_(organization_ids)
    people = db.session.scalars(select(Applicant).where(in_organizations, or_(*conditions))).all()
    holders = set()
    if clues.a_number:
        holders = set(
            db.session.scalars(
                select(Applicant.id).where(in_organizations, a_number_condition(clues.a_number))
            )
        )
    return people, holders


def _credits(words):
    """{(typed position, stored word): the most that word can add for that position}."""
    units = _units(words)
    keys = {key: set() for text, _ in units for key in word_keys(text)}
    for text, _ in units:
        for key in word_keys(text):
            keys[key].add(text)
    found = db.session.execute(
        select(NameWordKey.word).where(NameWordKey.key.in_(sorted(keys))).distinct()
    ).scalars()
    credits = {}
    for stored in found:
        for text, positions in units:
            likeness = _word_likeness(text, stored) if len(positions) == 1 else text == stored
            for position in positions:
                if likeness:
                    credit = max(credits.get((position, stored), 0.0), float(likeness))
                    credits[(position, stored)] = credit
    return credits


def _name_candidates(organization_ids, clues, exclude, *, offset, size):
    """(upper bound, applicant id) of people bearing words like the typed ones, highest first.

    The bound adds, for each typed word, the best credit of any of the person's words, less
    what their extra words cost: the real score (each word matched once) is never above it.
    One grouping: an aggregate per typed word keeps its best credit.
    """
    credits = _credits(clues.words)
    if not credits:
        return []
    # For each typed word, the stored words by what they add (1.0, 0.85, 0.8): IN lists of
    # bound parameters, so that the statement's shape (and its compiled form) is reused.
    tiers = {}
    for (position, word), credit in credits.items():
        tiers.setdefault((position, credit), []).append(word)
    per_word = []
    for position in range(len(clues.words)):
        steps = sorted(
            ((credit, sorted(words)) for (p, credit), words in tiers.items() if p == position),
            reverse=True,
        )
        whens = [(ApplicantNameWord.word.in_(words), credit) for credit, words in steps]
        per_word.append(func.max(case(*whens, else_=0.0)) if whens else literal(0.0))
    extra = func.max(ApplicantNameWord.word_count) - len(clues.words)
    bound = sum(per_word[1:], per_word[0]) - case((extra > 0, extra * EXTRA_WORD), else_=0.0)
    query = (
        select(ApplicantNameWord.applicant_id, bound)
        .where(
            ApplicantNameWord.organization_id.in_(organization_ids),
            ApplicantNameWord.word.in_(sorted({word for _, word in credits})),
        )
        .group_by(ApplicantNameWord.applicant_id)
    )
    if exclude:
        query = query.where(ApplicantNameWord.applicant_id.not_in(sorted(exclude)))
    rows = db.session.execute(
        query.order_by(bound.desc(), ApplicantNameWord.applicant_id).offset(offset).limit(size)
    ).all()
    return [(round(total, 2), person_id) for person_id, total in rows]


def _load(ids):
    people = db.session.scalars(select(Applicant).where(Applicant.id.in_(ids))).all()
    by_id = {person.id: person for person in people}
    return [by_id[i] for i in ids if i in by_id]


def find_people(
    organization_ids, *, names="", date_of_birth=None, a_number=None, phone=None, limit=20
):
    """Applicants of the given organizations matching the clues, best matches first.

    Every candidate sharing a strong key is scored; name candidates are scored in order of
    the most they could score, until `limit` matches are kept that no unread candidate could
    beat (limit=None: every match).
    """
    clues = _Clues.read(names, date_of_birth, a_number, phone)
    if clues.empty or not organization_ids:
        return []
    people, holders = _strong_candidates(organization_ids, clues)
    matches = [_score(person, clues, person.id in holders) for person in people]
    seen, offset, size = {person.id for person in people}, 0, _FIRST_READ
    while clues.words:
        candidates = _name_candidates(organization_ids, clues, seen, offset=offset, size=size)
        for start in range(0, len(candidates), _BATCH):
            if _enough(matches, limit, candidates[start][0]):
                return _kept(matches, limit)
            batch = [person_id for _, person_id in candidates[start : start + _BATCH]]
            matches += [_score(person, clues, False) for person in _load(batch)]
        if len(candidates) < size:
            break
        offset, size = offset + size, size * 4
    return _kept(matches, limit)


def _kept(matches, limit):
    matches = _ranked([m for m in matches if m.score > 0])
    return matches if limit is None else matches[:limit]


def _enough(matches, limit, best_unread):
    """True when `limit` kept matches all score at least what the best unread one could."""
    if limit is None or len(matches) < limit:
        return False
    scores = sorted((m.score for m in matches), reverse=True)
    return scores[limit - 1] >= best_unread


def find_people_among(applicant_ids, *, names="", date_of_birth=None, a_number=None, phone=None):
    """The same scoring over a short list of applicants (a clinic day's roster), best first."""
    clues = _Clues.read(names, date_of_birth, a_number, phone)
    if clues.empty or not applicant_ids:
        return []
    people = _load(sorted(applicant_ids))
    holders = set()
    if clues.a_number:
        holders = set(
            db.session.scalars(
                select(Applicant.id).where(
                    Applicant.id.in_(applicant_ids), a_number_condition(clues.a_number)
                )
            )
        )
    matches = [_score(person, clues, person.id in holders) for person in people]
    return _ranked([m for m in matches if m.score > 0])
