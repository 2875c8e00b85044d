"""Clinic-day forms."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    SelectField,
    SelectMultipleField,
    StringField,
    TelField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from clinic.converters import RECORD_ID
from clinic.forms import ClinicForm
from clinic.intake.fields import (
    DateField,
    WholeNumberField,
    a_number_format,
    birth_date,
    count_between,
    phone_number,
)

NEEDED_FOR_NEW = ("given_names", "family_names", "date_of_birth")


class EventForm(ClinicForm):
    host_organization_id = SelectField(
        _l("Host organization"),
        coerce=RECORD_ID,
        description=_l("Admins only: who runs this clinic day."),
    )
    name = StringField(
        _l("Name"),
        [DataRequired(), Length(max=200)],
        description=_l("For example: Citizenship Day, Lawrence, December."),
    )
    site = StringField(_l("Site and address"), [DataRequired(), Length(max=300)])
    held_on = DateField(
        _l("Date"), [DataRequired(message=_l("Give the date, as MM/DD/YYYY (or YYYY-MM-DD)."))]
    )
    capacity = WholeNumberField(
        _l("How many applicants it can take"),
        [InputRequired(_l("Enter how many applicants it can take.")), count_between(1, 2000)],
        default=40,
    )
    partners = SelectMultipleField(
        _l("Partner organizations"),
        coerce=RECORD_ID,
        validators=[Optional()],
        description=_l("Their people put on the day's staff work its cases."),
    )


class StaffForm(ClinicForm):
    user_id = SelectField(_l("Add a person to the staff"), coerce=RECORD_ID)


class CheckInForm(ClinicForm):
    """Who is at the table: enough to find them, or to start their record."""

    given_names = StringField(_l("Given names"), [Optional(), Length(max=200)])
    family_names = StringField(_l("Family names"), [Optional(), Length(max=200)])
    date_of_birth = DateField(_l("Date of birth"), [Optional(), birth_date])
    a_number = StringField(
        _l("A-number"),
        [Optional(), Length(max=20), a_number_format],
        description=_l("If they have the card: 8 or 9 digits."),
    )
    phone = TelField(_l("Phone"), [Optional(), Length(max=30), phone_number])
    confirm_new = BooleanField(_l("None of the people listed is this person: create a new record"))
    # The button pressed ("search", or "create" a new record): posted by the buttons
    # themselves, so not rendered as a field.
    action = StringField()

    @property
    def creating(self):
        return self.action.data == "create" or bool(self.confirm_new.data)

    def validate(self, extra_validators=None):
        """To create a record the names and the birth date are needed too: said with the
        other errors, all at once."""
        valid = super().validate(extra_validators)
        if not self.creating:
            return valid
        for name in NEEDED_FOR_NEW:
            field = self[name]
            if not field.data and not field.errors:
                field.errors = [*field.errors, _("Needed to start a new record.")]

                valid = False
        return valid
