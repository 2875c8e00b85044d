"""Login, logout, first-run set-up, invitations and the user's own account page."""

import re
from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from clinic.auth import services
from clinic.auth.forms import AcceptInvitationForm, ChangePasswordForm, FirstRunForm, LoginForm
from clinic.auth.models import any_user_exists
from clinic.clock import utcnow
from clinic.forms import show_service_error

bp = Blueprint("auth", __name__)
SAME_SITE_PATH = re.compile(r"/(?![/\\])[!-\[\]-~]*\Z")  # printable ASCII, no backslash


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if form.validate_on_submit():
        result = services.log_in(form.email.data, form.password.data, utcnow())
        if result.user:
            _begin_browser_session(result.user)
            return redirect(_safe_next(request.args.get("next")))
        if result.retry_after:
            minutes = max(1, round(result.retry_after.total_seconds() / 60))
            form.form_errors.append(
                f"Too many failed attempts for this account. Wait {minutes} minute"
                f"{'s' if minutes != 1 else ''} and try again."
            )
        else:
            form.form_errors.append("Wrong email or password.")
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    services.log_out(current_user, utcnow())
    logout_user()
    session.clear()
    flash("You are logged out.", "info")
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
            flash("Password changed. Every other session of yours has been logged out.", "success")
            return redirect(url_for("auth.account"))
    return render_template("auth/account.html", form=form)


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
            flash("Clinic is set up. Log in with the email and password you just chose.", "success")
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
            flash("Your password is set. Log in to start.", "success")
            return redirect(url_for("auth.login"))
    return render_template("auth/invitation.html", form=form, user=invitation.user)


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
