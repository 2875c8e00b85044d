"""The base of every form of the app, and helpers shared by every feature's forms."""

import re

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import FieldList, FormField

from clinic.web import discard_changes

_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_CHARACTER_MESSAGE = _l(
    "This answer holds an invisible control character (pasted from somewhere?). Retype it."
)


class ClinicForm(FlaskForm):
    """Every form: typed text with a control character (a NUL byte, say) is refused beside its
    field, so it never reaches a database that cannot store it."""

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        clean = refuse_control_characters(self)
        said_now(self)
        self.form_errors[:] = [str(e) if isinstance(e, LazyString) else e for e in self.form_errors]
        return clean and valid


def said_now(fields):
    """Every error message of the fields (rows included) as a str: a validator's message
    written ahead (`message=_l(...)`) is a lazy string, which the error macro (`is string`)
    would not show."""
    for item in fields:
        if isinstance(item, FieldList | FormField):
            said_now(item)
        if isinstance(item.errors, list):
            item.errors[:] = [str(e) if isinstance(e, LazyString) else e for e in item.errors]


def show_service_error(form, error):
    """Put a service's refusal beside the field it names, or above the form; the request
    keeps nothing it wrote before the service refused."""
    discard_changes()
    field = getattr(form, error.field, None) if error.field else None
    if field is not None:
        field.errors = [*field.errors, error.message]
    else:
        form.form_errors.append(error.message)


def refuse_control_characters(fields):
    """Put an error beside every typed text (rows included) that holds a control character.

    Call it after validate(), which resets errors; returns True when there was none.
    """
    clean = True
    for item in fields:
        if isinstance(item, FieldList | FormField):  # rows, then each row's fields
            clean = refuse_control_characters(item) and clean
        elif item.type in ("HiddenField", "CSRFTokenField"):
            continue  # not typed: a forged version is a conflict, a forged token a 400
        elif isinstance(item.data, str) and _CONTROL_CHARACTERS.search(item.data):
            item.errors = [*item.errors, str(CONTROL_CHARACTER_MESSAGE)]

            clean = False
    return clean
