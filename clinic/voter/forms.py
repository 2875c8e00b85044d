"""The voter page's form, and the admins' election form."""

from wtforms import BooleanField, StringField
from wtforms.validators import DataRequired, Length, Optional

from clinic.forms import ClinicForm
from clinic.intake.fields import DateField, choices_field
from clinic.voter.rules import CHANNEL_LABELS, ELECTION_KINDS, STATES, rules_data
from clinic.voter.services import STATUSES


def _states():
    return [(code, rules_data()["states"][code]["name"]) for code in STATES]


class RegistrationForm(ClinicForm):
    state = choices_field(
        "State where they live", _states(), validators=[DataRequired("Choose the state.")]
    )
    has_license = BooleanField("Has a driver's license or state ID from this state")
    license_shows_citizenship = BooleanField(
        "The RMV/DMV record already shows U.S. citizenship (after the oath)"
    )
    status = choices_field(
        "Registration", list(STATUSES.items()), validators=[DataRequired()], blank=None
    )
    channel = choices_field("How", list(CHANNEL_LABELS.items()), validators=[Optional()])
    submitted_on = DateField("Sent on", [Optional()])
    confirmed_on = DateField("Checked as registered on", [Optional()])
    confirmed_how = StringField(
        "How it was checked",
        [Optional(), Length(max=200)],
        description="e.g. the state's status page, or the clerk",
    )

    def validate(self, extra_validators=None):
        """Dates the chosen status calls for (Optional() on a field skips its own checks)."""
        valid = super().validate(extra_validators)
        needed = {
            "submitted": ("submitted_on",),
            "confirmed": ("submitted_on", "confirmed_on"),
        }.get(self.status.data, ())
        messages = {
            "submitted_on": "Give the date it was sent.",
            "confirmed_on": "Give the date it was checked.",
        }
        for name in needed:
            if not self[name].data and not self[name].errors:
                self[name].errors = [*self[name].errors, messages[name]]
                valid = False
        return valid


class ElectionForm(ClinicForm):
    state = choices_field("State", _states(), validators=[DataRequired()])
    held_on = DateField("Election day", [DataRequired("Give the date, as MM/DD/YYYY.")])
    kind = choices_field(
        "Kind", [(k, k.title()) for k in ELECTION_KINDS], validators=[DataRequired()]
    )
    name = StringField(
        "Name", [DataRequired(), Length(max=200)], description="e.g. State election, November 2026"
    )
