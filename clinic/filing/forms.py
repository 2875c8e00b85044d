"""One small form per milestone."""

import re

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from clinic.forms import ClinicForm
from clinic.intake.fields import DateField, choices_field, not_in_future

RECEIPT_NUMBER = re.compile(r"[A-Z]{3}\d{10}\Z")
CERTIFICATE_NUMBER = re.compile(r"[A-Z0-9]{6,12}\Z")


def normalize_receipt_number(text):
    """'ioe-091-234-5678 ' -> 'IOE0912345678' (USCIS writes them without separators)."""
    return re.sub(r"[\s\-]", "", text or "").upper()


def receipt_number(form, field):
    if not RECEIPT_NUMBER.match(normalize_receipt_number(field.data)):
        raise ValidationError(
            _("A receipt number is three letters and ten digits, e.g. IOE0912345678.")
        )


def normalize_certificate_number(text):
    return re.sub(r"[\s\-]", "", text or "").upper()


def certificate_number(form, field):
    if not CERTIFICATE_NUMBER.match(normalize_certificate_number(field.data)):
        raise ValidationError(
            _(
                "Copy the certificate number printed in red at the top right "
                "(6 to 12 letters and digits)."
            )
        )


REQUIRED_DATE = [DataRequired(_l("Give the date, as MM/DD/YYYY."))]


class FiledForm(ClinicForm):
    filed_on = DateField(_l("Filed on"), [*REQUIRED_DATE, not_in_future])
    filing_method = choices_field(
        _l("How"),
        [("paper", _l("Paper, by mail")), ("online", _l("Online"))],
        validators=[DataRequired(_l("Choose how it was filed."))],
    )
    fee_paid = choices_field(
        _l("Fee"),
        [
            ("full", _l("Full fee")),
            ("reduced", _l("Reduced fee")),
            ("waiver", _l("Fee waiver (I-912)")),
            ("military", _l("No fee (military)")),
        ],
        validators=[DataRequired(_l("Choose the fee."))],
    )
    receipt_number = StringField(
        _l("Receipt number"),
        [DataRequired(), receipt_number],
        description=_l("From the I-797C receipt notice: three letters and ten digits."),
    )


class BiometricsForm(ClinicForm):
    biometrics_on = DateField(_l("Biometrics appointment on"), REQUIRED_DATE)


class InterviewForm(ClinicForm):
    interview_on = DateField(_l("Interview on"), REQUIRED_DATE)
    interview_result = choices_field(
        _l("Result"),
        [
            ("approved", _l("Approved (recommended for approval)")),
            ("continued", _l("Continued (more evidence or a retest)")),
            ("denied", _l("Denied")),
        ],
        blank=_l("Not held yet"),
        validators=[Optional()],
    )
    continued_reason = StringField(_l("Why it was continued"), [Optional(), Length(max=300)])
    response_due_on = DateField(_l("Response or retest due"), [Optional()])

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if (
            self.interview_result.data == "continued"
            and not (self.continued_reason.data or "").strip()
        ):
            self.continued_reason.errors = [
                *self.continued_reason.errors,
                _("Say why it was continued."),
            ]
            valid = False
        return valid


class OathForm(ClinicForm):
    oath_on = DateField(_l("Oath ceremony on"), REQUIRED_DATE)
    oath_place = StringField(_l("Where"), [DataRequired(), Length(max=200)])
    certificate_number = StringField(
        _l("Naturalization certificate number"),
        [Optional(), certificate_number],
        description=_l(
            "Write it down after the ceremony; never photocopy or scan the certificate."
        ),
    )


class CertificateForm(ClinicForm):
    certificate_number = StringField(
        _l("Naturalization certificate number"),
        [DataRequired(), certificate_number],
        description=_l("Printed in red at the top right of the certificate."),
    )


class CorrectionForm(ClinicForm):
    """Dates already recorded, to correct; shown only for the dates the case has."""

    filed_on = DateField(_l("Filed on"), [Optional(), not_in_future])
    biometrics_on = DateField(_l("Biometrics appointment on"), [Optional()])
    interview_on = DateField(_l("Interview on"), [Optional()])
    response_due_on = DateField(_l("Response or retest due"), [Optional()])
    oath_on = DateField(_l("Oath ceremony on"), [Optional()])
    reason = StringField(
        _l("Why the date changes"),
        [DataRequired(_l("Say why, for the case history.")), Length(max=200)],
        description=_l("For example: the appointment was rescheduled, or it was mistyped."),
    )


def correction_form(obj=None):
    form = CorrectionForm(obj=obj)
    for name in ("filed_on", "biometrics_on", "interview_on", "response_due_on", "oath_on"):
        if getattr(obj, name, None) is None:
            del form[name]
    return form
