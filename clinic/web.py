"""Per-request behaviour: first-run redirect, one commit per request, security headers."""

from flask import current_app, flash, g, redirect, request, url_for
from flask_login import current_user

from clinic.auth.models import any_user_exists
from clinic.extensions import db

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

# Endpoints reachable before the first admin exists.
FIRST_RUN_ENDPOINTS = {"auth.first_run", "static"}


def html_attributes(attributes):
    """Drop unset attributes before a WTForms widget renders them (it would print "None")."""
    return {name: value for name, value in attributes.items() if value is not None}


def discard_changes():
    """This request was refused: keep nothing it wrote, whatever page it answers with.

    Views call it where a service or the stage machine said no and the page is shown again
    (or the person is sent back) with the reason.
    """
    g.discard_changes = True


def flash_refusal(message):
    """Tell the person why their step was refused, on the page they are sent back to, and
    keep nothing the request wrote. (No personal data in the message: flashes travel in the
    signed, unencrypted session cookie.)"""
    discard_changes()
    flash(str(message), "error")  # a lazy message said now: the session stores str


def register_web_hooks(app):
    app.add_template_global(html_attributes, "attrs")

    @app.before_request
    def send_to_first_run_until_set_up():
        if request.endpoint in FIRST_RUN_ENDPOINTS or current_user.is_authenticated:
            return None
        if not any_user_exists():
            return redirect(url_for("auth.first_run"))
        return None

    @app.after_request
    def commit_unit_of_work(response):
        """Commit the request's changes once, at its end (indico's RH does the same).

        Services only flush; a response of 400 or more, or a request marked with
        discard_changes(), rolls everything back, so a refused request never leaves half its
        changes behind.
        """
        if response.status_code < 400 and not g.get("discard_changes"):
            db.session.commit()
        else:
            db.session.rollback()
        return response

    @app.after_request
    def set_security_headers(response):
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Referrer-Policy", "no-referrer")
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if current_app.config["SESSION_COOKIE_SECURE"]:  # configured for HTTPS
            max_age = current_app.config["HSTS_MAX_AGE_SECONDS"]
            headers.setdefault("Strict-Transport-Security", f"max-age={max_age}")
        if request.endpoint != "static":
            # Every page may show personal data: never keep it in a shared laptop's cache.
            headers["Cache-Control"] = "no-store"
            headers["Pragma"] = "no-cache"
        return response
