"""Carrying a clinic day: the server's upload, the laptop's carry-over confirmation."""

from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, StringField
from wtforms.validators import DataRequired, Length

from clinic.forms import ClinicForm


class ImportForm(ClinicForm):
    bundle = FileField(
        "Clinic-day bundle",
        validators=[FileRequired("Choose the bundle file the laptop wrote.")],
        description="The file the laptop's Export the day wrote (it ends in .bundle).",
    )
    again = BooleanField(
        "Import it even if this laptop's day was imported before, from an earlier export "
        "(its cases then arrive a second time)"
    )


class CarryOverForm(ClinicForm):
    receipt = StringField(
        "Receipt from the server's import report",
        validators=[DataRequired("Type the receipt the server showed."), Length(max=20)],
        description="8 letters and digits, on the server's report of this day's import.",
    )
    changed_too = BooleanField(
        "Cases changed after the export: I made the same changes on the server",
        description="Only if this page said some cases changed after the export.",
    )
    confirm = BooleanField(
        "I understand: this day's applicants, answers and sign-offs are deleted from this "
        "laptop (counts are kept).",
        validators=[DataRequired("Tick this box to confirm.")],
    )
