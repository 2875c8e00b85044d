"""What every interview section form shares: the section form itself (its version, whose
answers it holds, no date before birth) and the kinds of question many sections ask."""

from flask_babel import lazy_gettext as _l
from wtforms import (
    FieldList,
    HiddenField,
    StringField,
    TextAreaField,
)
from wtforms.validators import Length, NumberRange, Optional

from clinic.forms import ClinicForm
from clinic.intake.fields import (
    DateField,
    WholeNumberField,
    birth_date,
    choices_field,
    countries,
    not_in_future,
    postal_code,
)

MAX_INCOME = 5_000_000  # above this a typing mistake is far likelier than the income
MAX_EXPLANATION = 2_000  # an explanation longer than this belongs on a sheet of its own
EXPLANATION_TOO_LONG = _l(
    "Keep this under 2,000 characters; a longer account goes on a separate signed sheet."
)


def past_date_field(label, description=None):
    return DateField(label, [Optional(), not_in_future], description=description)


DATE_OF_BIRTH = _l("Date of birth")


def birth_date_field(label=DATE_OF_BIRTH):
    return DateField(label, [Optional(), birth_date])


def count_field(label, maximum, description=None):
    return WholeNumberField(
        label,
        [
            Optional(),
            NumberRange(
                0, maximum, _l("Enter a number from 0 to %(maximum)s.", maximum=f"{maximum:,}")
            ),
        ],
        description=description,
    )


class SectionForm(ClinicForm):
    """Every section form carries the case version it was loaded at (optimistic locking), and
    knows whose answers it holds (`case`, or only the `applicant`), for checks against the
    other records."""

    version = HiddenField()

    def __init__(self, *args, applicant=None, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.applicant = applicant if case is None else case.applicant

    def validate(self, extra_validators=None):
        """Every field's own checks, then one across them: nothing the applicant did (moved,
        married, travelled, had a child) happened before they were born."""
        valid = super().validate(extra_validators)
        born = self._born()
        if born is None:
            return valid
        for field in dated_fields(self):
            if field.data < born and field.name not in NOT_AFTER_BIRTH:
                field.errors = [*field.errors, str(BEFORE_BIRTH)]
                valid = False
        return valid

    def _born(self):
        typed = getattr(self, "date_of_birth", None)
        if typed is not None and typed.data and not typed.errors:
            return typed.data
        return self.applicant.date_of_birth if self.applicant is not None else None


# Dates that may come before the applicant's birth: the birth itself, and the spouse's.
NOT_AFTER_BIRTH = frozenset({"date_of_birth", "spouse_date_of_birth", "spouse_citizen_since"})
BEFORE_BIRTH = _l("This date is before the applicant's date of birth: check the year.")


def dated_fields(form):
    """The date fields of a form holding a date, those in its rows too."""
    for field in form:
        if isinstance(field, FieldList):
            for entry in field.entries:
                yield from dated_fields(entry.form)
        elif isinstance(field, DateField) and field.data and not field.errors:
            yield field


COUNTRY = _l("Country")
UNITED_STATES = _l("United States")
ZIP_OR_POSTAL_CODE = _l("ZIP or postal code")
EXPLAIN_EVERY_YES = _l("Explain every 'yes' (what, when, where, and the outcome)")


def country_field(label=COUNTRY):
    return choices_field(label, lambda: list(countries().items()), blank=UNITED_STATES)


def postal_field(label=ZIP_OR_POSTAL_CODE):
    return StringField(label, [Optional(), Length(max=10), postal_code])


def explanation_field(label=EXPLAIN_EVERY_YES):
    return TextAreaField(
        label,
        [Optional(), Length(max=MAX_EXPLANATION, message=EXPLANATION_TOO_LONG)],
        description=_l("Printed on the N-400's additional-information page."),
    )
