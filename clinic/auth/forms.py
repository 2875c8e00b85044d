"""Forms for login, first run, invitations and password changes."""

from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from clinic.forms import ClinicForm

HOW_TO_CHOOSE = (
    "At least 15 characters. A short sentence you will remember works well; "
    "spaces and any characters are fine, and you may paste it."
)


class LoginForm(ClinicForm):
    email = EmailField("Email", validators=[DataRequired(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=1024)])


class NewPasswordMixin:
    password = PasswordField("New password", validators=[DataRequired()], description=HOW_TO_CHOOSE)
    confirm = PasswordField(
        "Type it again",
        validators=[DataRequired(), EqualTo("password", message="The two passwords differ.")],
    )


class FirstRunForm(NewPasswordMixin, ClinicForm):
    organization = StringField(
        "Your organization",
        validators=[DataRequired(), Length(max=200)],
        description="The member organization this first admin belongs to.",
    )
    name = StringField("Your name", validators=[DataRequired(), Length(max=200)])
    email = EmailField("Your email", validators=[DataRequired(), Email(), Length(max=254)])


class AcceptInvitationForm(NewPasswordMixin, ClinicForm):
    pass


class ChangePasswordForm(NewPasswordMixin, ClinicForm):
    current_password = PasswordField("Current password", validators=[DataRequired()])


CODE_HINT = "The six digits your authenticator app shows for Clinic now, or a recovery code."


class SecondFactorForm(ClinicForm):
    code = StringField(
        "Code", validators=[DataRequired("Type the code."), Length(max=40)], description=CODE_HINT
    )


class EnrolForm(ClinicForm):
    code = StringField(
        "Code from the app",
        validators=[DataRequired("Type the six digits the app shows."), Length(max=40)],
        description="After scanning, the app shows six digits that change every 30 seconds.",
    )
