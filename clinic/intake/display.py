"""Stored answers as people read them: each question's label and each choice's label."""

import datetime
import re
from functools import cache

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import DateField as WTFormsDateField
from wtforms import FieldList, FormField, SelectFieldBase, TelField
from wtforms.fields.core import UnboundField
from wtforms.meta import DefaultMeta

from clinic.intake.fields import DateField
from clinic.intake.sections import BY_KEY, SKIPPED_KEYS
from clinic.templating import phone, spoken_date

BLANK = "—"
# What one row of each list is called ("Trip 1"); lists not named here use the row form's name.
ROW_NAMES = {
    "addresses": _l("Address"),
    "trips": _l("Trip"),
    "children": _l("Child"),
    "jobs": _l("Job"),
    "convictions": _l("Conviction"),
    "dui_convictions": _l("DUI conviction"),
    "other_names": _l("Other name"),
    "prior_spouses": _l("Earlier marriage"),
}
# Typing hints in a label ("To (blank if current)") say how to fill the form, not what it holds.
_TYPING_HINT = re.compile(r"\s*\(blank[^)]*\)")


@cache
def _fields(form_class):
    """{name: field} of a form class, bound to no form: labels and choices without a request."""
    unbound = [
        (name, value)
        for name in dir(form_class)
        if isinstance(value := getattr(form_class, name, None), UnboundField)
    ]
    unbound.sort(key=lambda pair: pair[1].creation_counter)
    return {
        name: field.bind(None, name, _meta=DefaultMeta())
        for name, field in unbound
        if name not in SKIPPED_KEYS
    }


def section_fields(section_key):
    """{name: field} of a section's form, in the interview's order (unbound: labels only)."""
    section = BY_KEY.get(section_key)
    return _fields(section.form_class) if section else {}


def _row_form(field):
    """The form class of a list's rows, or None when the list holds plain values."""
    inner = field.unbound_field
    return inner.args[0] if inner.field_class is FormField else None


def _humane(name):
    return name.replace("_", " ").capitalize()


def section_title(section_key):
    """The section's title, said now (a str, as stored changes and sets of titles need)."""
    section = BY_KEY.get(section_key)
    return str(section.title) if section else _humane(section_key)


def question_label(section_key, name):
    """The question as the interview asks it ("Marital status"), or the name made readable;
    said now, a str (stored with a void's changes, compared, joined)."""
    field = section_fields(section_key).get(name)
    return str(field.label.text) if field is not None else _humane(name)


def _blank(value):
    return value is None or value == "" or value == [] or value == {}


def _date_text(value):
    if isinstance(value, datetime.date):
        return spoken_date(value)
    try:
        return spoken_date(datetime.date.fromisoformat(value))
    except (TypeError, ValueError):
        return str(value)


def _choice_labels(field):
    labels = {}
    for choice in field.choices or ():
        value, label = (choice.value, choice.label) if hasattr(choice, "value") else choice[:2]
        if value != "":
            labels[str(value)] = str(label)
    return labels


def plain_text(value):
    """A value with no question to read it by: yes/no, dates, lists and rows made readable."""
    if _blank(value):
        return BLANK
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.date):
        return spoken_date(value)
    if isinstance(value, dict):
        return "; ".join(f"{_humane(k)}: {plain_text(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(plain_text(v) for v in value)
    if isinstance(value, str) and len(value) == 10 and value[4:5] == "-":
        return _date_text(value)
    return str(value)


def _field_text(field, value):
    if _blank(value):
        return BLANK
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(field, DateField | WTFormsDateField):
        return _date_text(value)
    if isinstance(field, TelField):
        return phone(value)
    if isinstance(field, SelectFieldBase):
        labels = _choice_labels(field)
        values = value if isinstance(value, list | tuple) else [value]
        return ", ".join(labels.get(str(v), str(v)) for v in values)
    if isinstance(value, int):
        return f"{value:,}"
    return plain_text(value)


def row_label(section_key, name, index):
    """ "Trip 2" for the row at `index` (from 0) of the list `name`."""
    field = section_fields(section_key).get(name)
    row_form = _row_form(field) if isinstance(field, FieldList) else None
    default = row_form.__name__.removesuffix("Row") if row_form else _humane(name)
    return f"{ROW_NAMES.get(name, default)} {index + 1}"


def _part(label, text):
    label = _TYPING_HINT.sub("", str(label))
    return f"{label} {text}" if label.endswith(("?", ".")) else f"{label}: {text}"


def row_text(section_key, name, row):
    """One row on one line, by its own questions: "Left the U.S. Jan 5, 2023; Came back: …"."""
    if _blank(row):
        return BLANK
    field = section_fields(section_key).get(name)
    row_form = _row_form(field) if isinstance(field, FieldList) else None
    if row_form is None or not isinstance(row, dict):
        return plain_text(row)
    row_fields = _fields(row_form)
    parts = [
        _part(row_fields[key].label.text, _field_text(row_fields[key], row.get(key)))
        for key in row_fields
        if not _blank(row.get(key))
    ]
    parts += [_part(_humane(key), plain_text(v)) for key, v in row.items() if key not in row_fields]
    return "; ".join(parts) or BLANK


def answer_text(section_key, name, value):
    """A stored (or just typed) answer as text: choices by their labels, Yes/No, dates as
    "Mar 3, 2027", countries by name, "—" when unanswered; a list gives one line per row
    ("Trip 1: Left the U.S. Jan 5, 2023; Came back: Jul 24, 2023")."""
    field = section_fields(section_key).get(name)
    if _blank(value):
        return BLANK
    if isinstance(field, FieldList) and isinstance(value, list | tuple):
        return "\n".join(
            f"{row_label(section_key, name, index)}: {row_text(section_key, name, row)}"
            for index, row in enumerate(value)
        )
    return _field_text(field, value) if field is not None else plain_text(value)


def section_answers(section_key, answers):
    """[(question label, answer text)] of a section, in the interview's order; answers stored
    under a name the form no longer asks come last."""
    fields = section_fields(section_key)
    names = [name for name in fields if name in answers]
    names += [name for name in answers if name not in fields and name not in SKIPPED_KEYS]
    return [
        (question_label(section_key, n), answer_text(section_key, n, answers[n])) for n in names
    ]
