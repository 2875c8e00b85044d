"""How ready a case's N-400 is: the questions the map fills that apply to this applicant, and
which of them are still unanswered ("N-400 ready: 83% — missing: ...")."""

from dataclasses import dataclass

from flask_babel import gettext as _

from clinic.n400.plan import applies, blank, lookup, printable


@dataclass(frozen=True)
class Readiness:
    asked: int
    answered: int
    missing: tuple  # labels, in form order

    @property
    def percent(self):
        return 100 if not self.asked else self.answered * 100 // self.asked

    @property
    def complete(self):
        return not self.missing


def readiness(edition, answers):
    """One question per answer the map reads (a yes/no is one question, not two boxes); a
    question counts when it applies (`ask_if`) and is not optional."""
    questions = {}
    for spec in edition.fields:
        if spec.get("optional") or spec["source"] in questions:
            continue
        if applies(spec.get("ask_if"), answers):
            label = spec.get("label", spec["source"])
            questions[spec["source"]] = _(
                "%(label)s (Part %(part)s)", label=label, part=spec["part"]
            )
    missing = [label for source, label in questions.items() if blank(lookup(answers, source))]
    missing += [
        _("%(label)s: in English letters (the form can't print this script)", label=label)
        for source, label in questions.items()
        if _not_printable(lookup(answers, source))
    ]
    unique = tuple(dict.fromkeys(missing))
    answered = len(questions) - len(missing)
    return Readiness(asked=len(questions), answered=max(0, answered), missing=unique)


def _not_printable(value):
    return isinstance(value, str) and printable(value).count("?") > value.count("?")
