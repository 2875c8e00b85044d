"""Forms for managing organizations and users."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length, Optional

from clinic.auth.roles import Credential, Role
from clinic.converters import RECORD_ID
from clinic.forms import ClinicForm


def role_choices():
    return [SelectChoice(role.value, role.label) for role in Role]


def credential_choices():
    return [SelectChoice("", _l("Not an attorney"))] + [
        SelectChoice(c.value, c.label) for c in Credential
    ]


class OrganizationForm(ClinicForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    contact = TextAreaField(
        _l("Contact details for applicants"),
        validators=[Optional(), Length(max=500)],
        description=_l("Printed on checklists: phone, address, hours."),
    )
    active = BooleanField(_l("Active member of the coalition"), default=True)


class UserFieldsMixin:
    organization_id = SelectField(_l("Organization"), coerce=RECORD_ID)
    role = SelectField(_l("Role"), choices=role_choices(), coerce=Role)
    credential = SelectField(
        _l("Attorney credential"),
        choices=credential_choices(),
        coerce=lambda value: Credential(value) if value else None,
        validators=[Optional()],
    )
    credential_number = StringField(
        _l("Bar number or accreditation number"),
        validators=[Optional(), Length(max=100)],
        description=_l(
            "Required for attorneys, e.g. 'MA BBO 612345' or the EOIR accreditation ID."
        ),
    )


class InviteUserForm(UserFieldsMixin, ClinicForm):
    name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=200)])
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])


class EditUserForm(UserFieldsMixin, ClinicForm):
    pass
