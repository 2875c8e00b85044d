"""Login, logout, first-run set-up, invitations and the user's own account page."""

import re
from datetime import datetime
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required, login_user, logout_user

from clinic.auth import second_factor, services
from clinic.auth.forms import (
    AcceptInvitationForm,
    ChangePasswordForm,
    EnrolForm,
    FirstRunForm,
    LoginForm,
    SecondFactorForm,
)
from clinic.auth.models import User, any_user_exists
from clinic.clock import utcnow
from clinic.extensions import db
from clinic.forms import show_service_error

bp = Blueprint("auth", __name__)
SAME_SITE_PATH = re.compile(r"/(?![/\\])[!-\[\]-~]*\Z")  # printable ASCII, no backslash
# All that a user who must enrol a second factor, and hasn't, may open.
BEFORE_ENROLMENT = {"auth.enrol", "auth.logout", "static"}


@bp.before_app_request
def enrol_before_anything_else():
    """Attorneys, coordinators and admins (everyone, if so set) reach no page, and so no
    case, until their second factor is set up."""
    if request.endpoint in BEFORE_ENROLMENT or not current_user.is_authenticated:
        return None
    if second_factor.must_enrol(current_user):
        return redirect(url_for("auth.enrol"))
    return None


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if form.validate_on_submit():
        result = services.log_in(form.email.data, form.password.data, utcnow())
        if result.second_factor_due:
            session.clear()
            session["second_factor_for"] = [result.user.id, utcnow().isoformat()]
            return redirect(url_for("auth.login_code", next=request.args.get("next")))
        if result.user:
            _begin_browser_session(result.user)
            return redirect(_safe_next(request.args.get("next")))
        _refused(form, result, _("Wrong email or password."))
    return render_template("auth/login.html", form=form)


@bp.route("/login/code", methods=["GET", "POST"])
def login_code():
    """The login's second step, for a password just accepted in this browser."""
    user = _awaiting_second_factor()
    if user is None:
        flash(_("Log in with your email and password first."), "info")
        return redirect(url_for("auth.login"))
    form = SecondFactorForm()
    if form.validate_on_submit():
        result = services.log_in_second_factor(user, form.code.data, utcnow())
        if result.user:
            _begin_browser_session(result.user)
            _warn_if_few_recovery_codes(result.user)
            return redirect(_safe_next(request.args.get("next")))
        _refused(form, result, _("That code is not right. Type the code the app shows now."))
    return render_template("auth/second_factor.html", form=form)


@bp.route("/account/second-factor", methods=["GET", "POST"])
@login_required
def enrol():
    """Set up the authenticator app: scan, type its first code, keep the recovery codes."""
    user = current_user._get_current_object()
    if second_factor.enrolled(user):
        return redirect(url_for("auth.account"))
    form = EnrolForm()
    if form.validate_on_submit():
        try:
            codes, _token = services.enrol_second_factor(user, form.code.data, utcnow())
        except services.ServiceError as error:
            show_service_error(form, error)
        else:
            _begin_browser_session(user)  # the new session of enrol_second_factor
            return render_template("auth/recovery_codes.html", codes=codes, enrolled=True)
    secret = second_factor.pending_secret(user)
    return render_template(
        "auth/enrol.html",
        form=form,
        qr_svg=second_factor.qr_svg(user),
        secret=second_factor.grouped(secret),
        required=second_factor.required_for(user),
    )


@bp.post("/account/recovery-codes")
@login_required
def renew_recovery_codes():
    form = SecondFactorForm()
    if form.validate_on_submit():
        try:
            codes = services.new_recovery_codes(current_user, form.code.data, utcnow())
        except services.ServiceError as error:
            show_service_error(form, error)
        else:
            return render_template("auth/recovery_codes.html", codes=codes, enrolled=False)
    return render_template("auth/account.html", form=ChangePasswordForm(), codes_form=form)


@bp.post("/logout")
@login_required
def logout():
    services.log_out(current_user, utcnow())
    logout_user()
    session.clear()
    flash(_("You are logged out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(
                current_user, form.current_password.data, form.password.data, utcnow()
            )
        except services.ServiceError as error:
            show_service_error(form, error)
        else:
            _begin_browser_session(current_user._get_current_object())
            flash(
                _("Password changed. Every other session of yours has been logged out."), "success"
            )
            return redirect(url_for("auth.account"))
    return render_template("auth/account.html", form=form, codes_form=SecondFactorForm())


@bp.route("/setup", methods=["GET", "POST"])
def first_run():
    if any_user_exists():
        abort(404)
    form = FirstRunForm()
    if form.validate_on_submit():
        try:
            services.create_first_admin(
                form.organization.data,
                form.name.data,
                form.email.data,
                form.password.data,
                utcnow(),
            )
        except services.ServiceError as error:
            show_service_error(form, error)
        else:
            flash(
                _("Clinic is set up. Log in with the email and password you just chose."), "success"
            )
            return redirect(url_for("auth.login"))
    return render_template("auth/first_run.html", form=form)


@bp.route("/invitation/<token>", methods=["GET", "POST"])
def accept_invitation(token):
    invitation = services.invitation_for_token(token, utcnow())
    if invitation is None:
        abort(404)
    form = AcceptInvitationForm()
    if form.validate_on_submit():
        try:
            services.accept_invitation(invitation, form.password.data, utcnow())
        except services.ServiceError as error:
            show_service_error(form, error)
        else:
            flash(_("Your password is set. Log in to start."), "success")
            return redirect(url_for("auth.login"))
    return render_template("auth/invitation.html", form=form, user=invitation.user)


def _refused(form, result, message):
    if result.retry_after:
        minutes = max(1, round(result.retry_after.total_seconds() / 60))
        message = ngettext(
            "Too many failed attempts for this account. Wait %(num)d minute and try again.",
            "Too many failed attempts for this account. Wait %(num)d minutes and try again.",
            minutes,
        )

    form.form_errors.append(message)


def _awaiting_second_factor():
    """The user whose password this browser gave within SECOND_FACTOR_WAIT, or None."""
    user_id, since = session.get("second_factor_for") or (None, None)
    if user_id is None:
        return None
    waited = utcnow() - datetime.fromisoformat(since)
    if waited > current_app.config["SECOND_FACTOR_WAIT"]:
        session.pop("second_factor_for")
        return None
    user = db.session.get(User, user_id)
    return user if user is not None and user.active else None


def _warn_if_few_recovery_codes(user):
    left = second_factor.recovery_codes_left(user)
    if left <= 3:
        flash(
            ngettext(
                "You have %(num)d recovery code left. On your account page, make a new set "
                "and keep it somewhere safe.",
                "You have %(num)d recovery codes left. On your account page, make a new set "
                "and keep it somewhere safe.",
                left,
            ),
            "info",
        )


def _begin_browser_session(user):
    """A fresh cookie for a fresh server session (no fixation); no remember-me cookie."""
    session.clear()
    login_user(user, remember=False)


def _safe_next(target):
    """Only a path on this site may follow a login: one leading slash, then printable ASCII
    with no backslash (no scheme, no host, no "//" or "/\\" that browsers read as a host, no
    control characters); anything else goes home."""
    if target and SAME_SITE_PATH.match(target) and not urlsplit(target).netloc:
        return target
    return url_for("main.home")
