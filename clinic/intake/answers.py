"""A case's answers as stored, section by section, and their fingerprint: what the N-400
prints, and what an attorney's sign-off covers."""

import hashlib
import json

from clinic.intake.sections import APPLICANT_FIELDS, BY_KEY, SECTIONS


def stored_answers(case, key):
    """A section's answers as stored, with the identity answers kept on the Applicant."""
    section = case.section(key)
    answers = dict(section.answers) if section else {}
    applicant = case.applicant
    for name in APPLICANT_FIELDS.get(key, ()):
        value = getattr(applicant, name)
        answers[name] = value.isoformat() if hasattr(value, "isoformat") else value
    return answers


def all_answers(case):
    """{section key: answers} of every section, those not started as {}."""
    return {section.key: stored_answers(case, section.key) for section in SECTIONS}


def _blank(value):
    return value is None or value == "" or value == [] or value == {}


def _as_posted(value):
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)


def printed(key, answers):
    """A section's answers that count: those of follow-up questions their question does not
    ask (a trip kept after "Any trips?" became No) are kept as typed, but are no answer."""
    reveal = BY_KEY[key].reveal if key in BY_KEY else {}
    return {
        name: value
        for name, value in answers.items()
        if name not in reveal or _as_posted(answers.get(reveal[name][0])) in reveal[name][1]
    }


def answers_hash(answers):
    """SHA-256 of every answer that counts, unanswered ones left out (a question added to a
    section, or a list saved empty, is no change to what the form prints)."""
    kept = {
        key: {name: value for name, value in printed(key, section).items() if not _blank(value)}
        for key, section in answers.items()
    }
    kept = {key: section for key, section in kept.items() if section}
    canonical = json.dumps(kept, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()
