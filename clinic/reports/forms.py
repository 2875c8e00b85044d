"""The report's date range and, for coalition admins, which member organization."""

from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import DateField, SelectField
from wtforms.validators import InputRequired, ValidationError

from clinic.forms import ClinicForm

DATE_FORMATS = ["%Y-%m-%d", "%m/%d/%Y"]
LONGEST_RANGE_DAYS = 5 * 366


def optional_id(value):
    if value in (None, "", "all"):
        return None
    return int(value)


class ReportForm(ClinicForm):
    class Meta:
        csrf = False  # a GET form: it changes nothing, and its URL can be bookmarked

    start = DateField(
        _l("From"), [InputRequired(_l("Give the first day of the report."))], format=DATE_FORMATS
    )
    end = DateField(
        _l("To"), [InputRequired(_l("Give the last day of the report."))], format=DATE_FORMATS
    )
    organization = SelectField(_l("Organization"), coerce=optional_id, validate_choice=False)

    def validate_end(self, field):
        if self.start.data and field.data:
            if field.data < self.start.data:
                raise ValidationError(_("The last day comes before the first day."))
            if (field.data - self.start.data).days > LONGEST_RANGE_DAYS:
                raise ValidationError(_("A report covers five years at most."))


def default_range(today):
    """This year so far."""
    return {"start": date(today.year, 1, 1).isoformat(), "end": today.isoformat()}
