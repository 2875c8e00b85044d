"""Clinic-day forms."""

from wtforms import BooleanField, IntegerField, SelectField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from clinic.forms import ClinicForm
from clinic.intake.fields import DateField


class EventForm(ClinicForm):
    host_organization_id = SelectField(
        "Host organization", coerce=int, description="Admins only: who runs this clinic day."
    )
    name = StringField(
        "Name",
        [DataRequired(), Length(max=200)],
        description="For example: Citizenship Day, Lawrence, December.",
    )
    site = StringField("Site and address", [DataRequired(), Length(max=300)])
    held_on = DateField("Date", [DataRequired(message="Give the date, as MM/DD/YYYY.")])
    capacity = IntegerField(
        "How many applicants it can take", [DataRequired(), NumberRange(1, 2000)], default=40
    )
    partners = SelectMultipleField(
        "Partner organizations",
        coerce=int,
        validators=[Optional()],
        description="Their people put on the day's staff work its cases.",
    )


class StaffForm(ClinicForm):
    user_id = SelectField("Add a person to the staff", coerce=int)


class CheckInForm(ClinicForm):
    """Who is at the table: enough to find them, or to start their record."""

    given_names = StringField("Given names", [Optional(), Length(max=200)])
    family_names = StringField("Family names", [Optional(), Length(max=200)])
    date_of_birth = DateField("Date of birth")
    a_number = StringField(
        "A-number",
        [Optional(), Length(max=20)],
        description="If they have the card: 8 or 9 digits.",
    )
    phone = StringField("Phone", [Optional(), Length(max=30)])
    confirm_new = BooleanField("None of the people listed is this person: create a new record")
