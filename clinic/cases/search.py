"""Finding people: search, and likely duplicates (names made comparable: clinic/cases/names.py).

Candidates come first from the strong keys (A-number, birth date, the birth date with day and
month swapped, phone), then from the stored name words (`applicant_name_words`: each folded
name word, and neighbours written together, Jean Baptiste / Jeanbaptiste), reached from the
typed words through `name_word_keys`: the word, its one-letter deletions (any single typo or
transposed pair of letters leaves one in common) and its Metaphone code (Mohamed, Muhammad and
Mohammed all read MHMT). Everything is scored in `_score`, the one place that decides who ranks
first; name candidates are read in order of the most they could score, and reading stops only
when no unread one could beat those kept.
"""

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from flask_babel import ngettext
from rapidfuzz.distance import OSA
from sqlalchemy import Float, String, case, column, func, or_, select, values

from clinic.cases.models import Applicant, ApplicantNameWord, NameWordKey

# The landed migration 20261203_3c9a51d0e7b2_people_at_scale imports name_words, stored_words
# and word_keys from here, and landed migrations never change: stored_words is kept for it.
from clinic.cases.names import (
    name_words,
    normalize_a_number,
    normalize_phone,
    sound,
    stored_words,  # noqa: F401  (for the migration 20261203_3c9a51d0e7b2)
    swapped_birth_date,
    word_keys,
)
from clinic.extensions import db

# What each clue is worth. A score of LIKELY or more is shown as a likely duplicate (a birth
# date alone counts: names typed in two scripts share no word); CERTAIN or more is strong
# enough to tell a volunteer that another member organization may have the person.
SAME_A_NUMBER, SAME_BIRTH_DATE, SWAPPED_BIRTH_DATE, SAME_PHONE = 10.0, 3.0, 2.5, 3.0
EXACT_WORD, ONE_TYPO, SOUNDS_ALIKE = 1.0, 0.85, 0.8
EXTRA_WORD = 0.1  # per word the record has beyond those typed: the closer name ranks first
LIKELY, CERTAIN = 3.0, 4.5
_BATCH, _FIRST_READ = 40, 200  # name candidates scored, and first read, at a time


# ---- Scoring: the one place --------------------------------------------------------------


def _word_likeness(typed, stored):
    if typed == stored:
        return EXACT_WORD
    if min(len(typed), len(stored)) >= 4 and OSA.distance(typed, stored, score_cutoff=1) <= 1:
        return ONE_TYPO
    code = sound(typed)
    return SOUNDS_ALIKE if code and code == sound(stored) else 0.0


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
    for likeness, _kind, positions, covered in options:
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
        reasons.append(_("same A-number"))
    if clues.date_of_birth and person.date_of_birth == clues.date_of_birth:
        score += SAME_BIRTH_DATE
        reasons.append(_("same date of birth"))
    elif clues.swapped and person.date_of_birth == clues.swapped:
        score += SWAPPED_BIRTH_DATE
        reasons.append(_("date of birth with day and month swapped"))
    if clues.phone and person.phone == clues.phone:
        score += SAME_PHONE
        reasons.append(_("same phone"))
    if clues.words:
        name, exact, alike = _name_score(
            clues.words, name_words(person.given_names, person.family_names)
        )
        score += name
        if exact:
            reasons.append(
                ngettext("%(num)d name word in common", "%(num)d name words in common", exact)
            )
        if alike:
            reasons.append(ngettext("%(num)d name word alike", "%(num)d name words alike", alike))

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
    for text, _unit in units:
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
    One grouping over the person's words joined to a small table of what each stored word
    can add for each typed word (one lookup per row, not a test per typed word and credit).
    """
    credits = _credits(clues.words)
    if not credits:
        return []
    positions = range(len(clues.words))
    table = (
        values(
            column("word", String),
            *(column(f"p{position}", Float) for position in positions),
            name="credits",
        )
        .data(
            [
                (word, *(credits.get((position, word), 0.0) for position in positions))
                for word in sorted({word for _, word in credits})
            ]
        )
        .cte("credits")
    )  # WITH credits(word, p0, ...) AS (VALUES ...): SQLite and PostgreSQL
    per_word = [func.max(table.c[f"p{position}"]) for position in positions]
    extra = func.max(ApplicantNameWord.word_count) - len(clues.words)
    bound = sum(per_word[1:], per_word[0]) - case((extra > 0, extra * EXTRA_WORD), else_=0.0)
    query = (
        select(ApplicantNameWord.applicant_id, bound)
        .join(table, table.c.word == ApplicantNameWord.word)
        .where(ApplicantNameWord.organization_id.in_(organization_ids))
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
