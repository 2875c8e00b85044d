"""Forms for login, first run, invitations and password changes."""

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from clinic.forms import ClinicForm

HOW_TO_CHOOSE = _l(
    "At least 15 characters. A short sentence you will remember works well; "
    "spaces and any characters are fine, and you may paste it."
)


class LoginForm(ClinicForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=1024)])


class NewPasswordMixin:
    password = PasswordField(
        _l("New password"), validators=[DataRequired()], description=HOW_TO_CHOOSE
    )
    confirm = PasswordField(
        _l("Type it again"),
        validators=[DataRequired(), EqualTo("password", message=_l("The two passwords differ."))],
    )


class FirstRunForm(NewPasswordMixin, ClinicForm):
    organization = StringField(
        _l("Your organization"),
        validators=[DataRequired(), Length(max=200)],
        description=_l("The member organization this first admin belongs to."),
    )
    name = StringField(_l("Your name"), validators=[DataRequired(), Length(max=200)])
    email = EmailField(_l("Your email"), validators=[DataRequired(), Email(), Length(max=254)])


class AcceptInvitationForm(NewPasswordMixin, ClinicForm):
    pass


class ChangePasswordForm(NewPasswordMixin, ClinicForm):
    current_password = PasswordField(_l("Current password"), validators=[DataRequired()])


CODE_HINT = _l("The six digits your authenticator app shows for Clinic now, or a recovery code.")


class SecondFactorForm(ClinicForm):
    code = StringField(
        _l("Code"),
        validators=[DataRequired(_l("Type the code.")), Length(max=40)],
        description=CODE_HINT,
    )


class EnrolForm(ClinicForm):
    code = StringField(
        _l("Code from the app"),
        validators=[DataRequired(_l("Type the six digits the app shows.")), Length(max=40)],
        description=_l("After scanning, the app shows six digits that change every 30 seconds."),
    )
