"""Carrying a clinic day: the server's upload, the laptop's carry-over confirmation."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, StringField
from wtforms.validators import DataRequired, Length

from clinic.forms import ClinicForm


class ImportForm(ClinicForm):
    bundle = FileField(
        _l("Clinic-day bundle"),
        validators=[FileRequired(_l("Choose the bundle file the laptop wrote."))],
        description=_l("The file the laptop's Export the day wrote (it ends in .bundle)."),
    )
    again = BooleanField(
        _l(
            "Import it even if this laptop's day was imported before, from an earlier export "
            "(its cases then arrive a second time)"
        )
    )


class CarryOverForm(ClinicForm):
    receipt = StringField(
        _l("Receipt from the server's import report"),
        validators=[DataRequired(_l("Type the receipt the server showed.")), Length(max=20)],
        description=_l("8 letters and digits, on the server's report of this day's import."),
    )
    changed_too = BooleanField(
        _l("Cases changed after the export: I made the same changes on the server"),
        description=_l("Only if this page said some cases changed after the export."),
    )
    confirm = BooleanField(
        _l(
            "I understand: this day's applicants, answers and sign-offs are deleted from this "
            "laptop (counts are kept)."
        ),
        validators=[DataRequired(_l("Tick this box to confirm."))],
    )
