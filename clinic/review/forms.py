"""The queue's filters, and the decision form: a resolution and note for each finding, the
decision, and the password."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import (
    Form,
    HiddenField,
    PasswordField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from clinic.clock import today
from clinic.forms import ClinicForm
from clinic.intake.fields import DateField
from clinic.review.findings import FINDING_NAMES
from clinic.review.models import Decision
from clinic.review.services import RESOLUTIONS
from clinic.templating import OUTCOMES


def in_the_future(form, field):
    if field.data and field.data <= today():
        raise ValidationError(_("Give a date after today."))


def _blank_is_none(value):
    """ "" (the "Any" choice) and no value alike: so "Any" shows chosen when nothing is."""
    return value or None


def _code(value):
    """A finding code as typed (" multiple_dui ") as the screening writes it (MULTIPLE_DUI)."""
    return (value or "").strip().upper() or None


def _outcome(value):
    return (value or "").strip().lower() or None


def _finding_choices():
    return [SelectChoice("", _("Any"))] + [
        SelectChoice(code, f"{name} ({code})")
        for code, name in sorted(FINDING_NAMES.items(), key=lambda item: str(item[1]))
    ]


class QueueFilterForm(Form):
    """The queue's filters, read from the query string (a GET: no CSRF token). A code that is
    no finding is kept, so the page can say that no case matches it."""

    outcome = SelectField(
        _l("Outcome"),
        choices=[SelectChoice("", _l("Any"))] + [SelectChoice(v, t) for v, t in OUTCOMES.items()],
        coerce=_blank_is_none,
        filters=[_outcome],
        validate_choice=False,
    )
    finding = SelectField(
        _l("Finding"),
        choices=_finding_choices,  # said, and sorted by name, when shown
        coerce=_blank_is_none,
        filters=[_code],
        validate_choice=False,
    )

    @property
    def unknown_finding(self):
        return self.finding.data is not None and self.finding.data not in FINDING_NAMES


class ReconfirmForm(ClinicForm):
    """Sign the voided approval again, as it was, after reading what changed."""

    facts_hash = HiddenField()
    answers_hash = HiddenField()
    password = PasswordField(
        _l("Your password, to sign it again"), [DataRequired(_l("Sign with your password."))]
    )
    code = StringField(
        _l("Code from your authenticator app, to sign it again"),
        [DataRequired(_l("Sign with the code from your app too.")), Length(max=40)],
        description=_l(
            "The six digits the app shows now (or a recovery code): your second factor."
        ),
    )


class DecisionForm(ClinicForm):
    facts_hash = HiddenField()
    answers_hash = HiddenField()
    decision = RadioField(
        _l("Decision"),
        choices=[SelectChoice(d.value, d.label) for d in Decision],
        validators=[DataRequired(_l("Choose a decision."))],
    )
    conditions = SelectMultipleField(
        _l("Documents to bring before filing"),
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
        validators=[Optional()],
    )
    questions = TextAreaField(_l("Questions for the volunteer"), [Optional(), Length(max=2000)])
    referred_to = StringField(_l("Referred to (organization)"), [Optional(), Length(max=200)])
    come_back_on = DateField(_l("Come back on"), [Optional(), in_the_future])
    reason = StringField(_l("Why the case is closed"), [Optional(), Length(max=200)])
    note = TextAreaField(_l("Note for the file (optional)"), [Optional(), Length(max=2000)])
    password = PasswordField(
        _l("Your password, to sign"),
        [DataRequired(_l("Sign with your password."))],
        description=_l(
            "Re-entering it confirms that you, and nobody at your keyboard, signs this decision."
        ),
    )

    code = StringField(
        _l("Code from your authenticator app"),
        [DataRequired(_l("Sign with the code from your app too.")), Length(max=40)],
        description=_l(
            "The six digits the app shows now (or a recovery code): your second factor."
        ),
    )

    def resolution_fields(self):
        """[(finding, resolution field, note field)] for the findings on this form."""
        return [
            (finding, self[f"resolution-{finding['code']}"], self[f"note-{finding['code']}"])
            for finding in self.findings
        ]

    def resolutions(self):
        return [
            {"code": finding["code"], "resolution": choice.data, "note": (note.data or "").strip()}
            for finding, choice, note in self.resolution_fields()
        ]

    def details(self):
        chosen = self.decision.data
        details = {}
        if chosen == Decision.APPROVE_WITH_CONDITIONS:
            details["conditions"] = self.conditions.data or []
        if chosen == Decision.NEEDS_INFO:
            details["questions"] = (self.questions.data or "").strip()
        if chosen == Decision.REFER:
            details["referred_to"] = (self.referred_to.data or "").strip()
        if chosen == Decision.NOT_YET and self.come_back_on.data:
            details["come_back_on"] = self.come_back_on.data.isoformat()
        if chosen == Decision.CLOSE:
            details["reason"] = (self.reason.data or "").strip()
        return details


def decision_form(run, **kwargs):
    """A DecisionForm with one resolution and note per refer or bar finding of `run`."""
    findings = [f for f in run.result["findings"] if f["severity"] in ("refer", "bar")]

    class Form(DecisionForm):
        pass

    for finding in findings:
        setattr(
            Form,
            f"resolution-{finding['code']}",
            SelectField(
                _l("Resolution"),
                choices=[SelectChoice("", _("Choose…"))]
                + [SelectChoice(value, label) for value, label in RESOLUTIONS.items()],
                validators=[Optional()],
            ),
        )
        setattr(
            Form,
            f"note-{finding['code']}",
            TextAreaField(_l("Note"), [Optional(), Length(max=1000)]),
        )
    form = Form(**kwargs)
    form.findings = findings
    form.conditions.choices = [SelectChoice(d["code"], d["label"]) for d in run.result["documents"]]
    return form
