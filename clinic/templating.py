"""Template filters and globals: how dates, outcomes, fees and answers read on screen."""

import datetime
import re
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from clinic.cases.policy import SENSITIVE_FINDINGS
from clinic.intake.sections import unfinished

OUTCOMES = {
    "eligible": _l("Eligible to file now"),
    "not_yet": _l("Not yet: can file later"),
    "refer": _l("Attorney must review"),
    "ineligible": _l("Not eligible: attorney must advise"),
    "n600": _l("May already be a citizen (N-600)"),
}
PATHS = {
    "316a": _l("5 years as a resident (INA 316(a))"),
    "319a": _l("3 years married to a citizen (INA 319(a))"),
    "319a_vawa": _l("3 years, VAWA (INA 319(a))"),
    "319b": _l("Citizen spouse working abroad (INA 319(b))"),
    "328": _l("Military service, peacetime (INA 328)"),
    "329": _l("Military service since 2001 (INA 329)"),
    None: "—",
}


def spoken_date(value):
    if not value:
        return ""
    day = datetime.date.fromisoformat(value) if isinstance(value, str) else value
    return day.strftime("%b %d, %Y").replace(" 0", " ")


def local_datetime(moment):
    """An aware moment (UTC in the database) as the clinic's wall-clock time (TIMEZONE)."""
    if moment.tzinfo is None:  # naive values are UTC throughout the app
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment.astimezone(ZoneInfo(current_app.config["TIMEZONE"]))


def local_time(moment, pattern="%Y-%m-%d %H:%M"):
    """A moment as people in the clinic read it: their own time zone, never UTC."""
    return local_datetime(moment).strftime(pattern) if moment else ""


# Ten digits, or eleven with the leading 1, standing alone (not part of a receipt number).
_US_PHONE = re.compile(r"(?<![\w+])1?(\d{3})(\d{3})(\d{4})(?!\w)")


def phone(value):
    """US numbers as (617) 555-0199; anything else (international, extensions) as typed."""
    if not value:
        return ""
    return _US_PHONE.sub(r"(\1) \2-\3", str(value).strip())


def fee_label(fee):
    basis = fee["basis"]
    if basis == "unknown":
        return _("Unknown: ask household size and income")
    if basis == "military":
        return _("No fee (military)")
    if basis == "waiver":
        return _("Fee waiver: $0 with Form I-912 (paper filing)")
    if basis == "reduced":
        return _("Reduced fee: $%(paper)s (paper filing, N-400 Part 10)", paper=fee["paper"])
    return _("$%(paper)s on paper, $%(online)s online", paper=fee["paper"], online=fee["online"])


def answer(value):
    """An answer as a person reads it."""
    if value is None or value == "" or value == []:
        return "—"
    if value is True:
        return _("Yes")
    if value is False:
        return _("No")
    if isinstance(value, datetime.date):
        return value.strftime("%m/%d/%Y")
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return "; ".join(
                ", ".join(answer(v) for v in row.values() if v not in (None, "")) for row in value
            )
        return ", ".join(answer(v) for v in value)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        try:
            return datetime.date.fromisoformat(value).strftime("%m/%d/%Y")
        except ValueError:
            return value
    return str(value)


def plural(count, singular, plural_form=None):
    """ "1 person", "3 people", "2 answers": a count with its noun, the one way every page
    counts (plural_form defaults to the singular with an s)."""
    noun = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count:,} {noun}"


def join_words(items, separator=", ", last=None):
    """ "A", "A and B", "A, B and C": a list as a sentence reads it."""
    if last is None:
        last = " {} ".format(_("and"))
    items = [str(item) for item in items]
    if len(items) <= 1:
        return "".join(items)
    return separator.join(items[:-1]) + last + items[-1]


def sentence(text):
    """Text as one sentence: a capital first letter and one closing mark, never two
    ("Saved: Trips outside the U.S." stays as it is)."""
    text = str(text).strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!", ":")) else f"{text}."


_NOT_TYPED = ("CSRFTokenField", "HiddenField")
_CHOICES_BY_OPTION = ("RadioField", "YesNoField")


def _messages(field):
    return [message for message in field.errors if isinstance(message, str)]


def _error_line(field, label):
    """(id of the element to go to, label, messages) of one field with errors, or None."""
    messages = _messages(field)
    if not messages:
        return None
    target = f"{field.id}-0" if field.type in _CHOICES_BY_OPTION else field.id
    return (target, label, " ".join(messages))


def field_errors(form, row_names=None):
    """[(id to link to, label, message)], one per answer refused, rows included, in the form's
    order: what the summary above a refused form lists. `row_names` names a list's rows
    ({"trips": "trip"}: "Came back, trip 2"), as the row cells' own labels do."""
    lines = []
    for field in form:
        if field.type in _NOT_TYPED:
            continue
        if field.type == "FieldList":
            lines.append(_error_line(field, field.label.text))
            noun = (row_names or {}).get(field.name) or _("row")
            for number, entry in enumerate(field.entries, start=1):
                for sub in entry.form if entry.type == "FormField" else [entry]:
                    label = _(
                        "%(label)s, %(row)s %(number)s",
                        label=sub.label.text,
                        row=noun,
                        number=number,
                    )
                    lines.append(_error_line(sub, label))
        else:
            lines.append(_error_line(field, field.label.text))
    return [line for line in lines if line is not None]


def unlinked_errors(form):
    """The form's errors that belong to no answer a person typed (a forged or expired form)."""
    messages = list(form.form_errors)
    for field in form:
        if field.type in _NOT_TYPED:
            messages += _messages(field)
    return messages


def posted_values(field):
    """(name, value) pairs that re-post exactly what a field received (for the 409 page)."""
    if field.type == "FieldList":
        return [
            pair for entry in field.entries for sub in entry.form for pair in posted_values(sub)
        ]
    return [(field.name, value) for value in (field.raw_data or [])]


def register_templating(app):
    app.add_template_filter(spoken_date)
    app.add_template_filter(local_time)
    app.add_template_filter(phone)
    app.add_template_filter(answer)
    app.add_template_filter(posted_values)
    app.add_template_filter(plural)
    app.add_template_filter(join_words)
    app.add_template_filter(sentence)
    app.add_template_filter(unfinished, "unfinished_sections")
    app.add_template_global(field_errors, "field_errors")
    app.add_template_global(unlinked_errors, "unlinked_errors")
    app.add_template_global(lambda outcome: OUTCOMES.get(outcome, outcome), "outcome_label")
    app.add_template_global(lambda path: PATHS.get(path, path), "path_label")
    app.add_template_global(fee_label, "fee_label")
    app.add_template_global(SENSITIVE_FINDINGS, "sensitive_findings")
