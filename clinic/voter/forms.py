"""The voter page's form, and the admins' election form."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, StringField
from wtforms.validators import DataRequired, Length, Optional

from clinic.forms import ClinicForm
from clinic.intake.fields import DateField, choices_field
from clinic.voter.rules import CHANNEL_LABELS, ELECTION_KINDS, STATES, rules_data
from clinic.voter.services import STATUSES

KIND_LABELS = {"general": _l("General"), "primary": _l("Primary"), "municipal": _l("Municipal")}


def _states():
    return [(code, rules_data()["states"][code]["name"]) for code in STATES]


class RegistrationForm(ClinicForm):
    state = choices_field(
        _l("State where they live"), _states(), validators=[DataRequired(_l("Choose the state."))]
    )
    has_license = BooleanField(_l("Has a driver's license or state ID from this state"))
    license_shows_citizenship = BooleanField(
        _l("The RMV/DMV record already shows U.S. citizenship (after the oath)")
    )
    status = choices_field(
        _l("Registration"), list(STATUSES.items()), validators=[DataRequired()], blank=None
    )
    channel = choices_field(_l("How"), list(CHANNEL_LABELS.items()), validators=[Optional()])
    submitted_on = DateField(_l("Sent on"), [Optional()])
    confirmed_on = DateField(_l("Checked as registered on"), [Optional()])
    confirmed_how = StringField(
        _l("How it was checked"),
        [Optional(), Length(max=200)],
        description=_l("e.g. the state's status page, or the clerk"),
    )

    def validate(self, extra_validators=None):
        """Dates the chosen status calls for (Optional() on a field skips its own checks)."""
        valid = super().validate(extra_validators)
        needed = {
            "submitted": ("submitted_on",),
            "confirmed": ("submitted_on", "confirmed_on"),
        }.get(self.status.data, ())
        messages = {
            "submitted_on": _("Give the date it was sent."),
            "confirmed_on": _("Give the date it was checked."),
        }
        for name in needed:
            if not self[name].data and not self[name].errors:
                self[name].errors = [*self[name].errors, messages[name]]
                valid = False
        return valid


class ElectionForm(ClinicForm):
    state = choices_field(_l("State"), _states(), validators=[DataRequired()])
    held_on = DateField(_l("Election day"), [DataRequired(_l("Give the date, as MM/DD/YYYY."))])
    kind = choices_field(
        _l("Kind"),
        [(k, KIND_LABELS.get(k, k.title())) for k in ELECTION_KINDS],
        validators=[DataRequired()],
    )
    name = StringField(
        _l("Name"),
        [DataRequired(), Length(max=200)],
        description=_l("e.g. State election, November 2026"),
    )
