"""Small helpers shared by tests."""

import html

import pyotp

from clinic.auth.models import User
from clinic.extensions import db


def page_text(response):
    """The response body with HTML entities decoded (so "can't" matches "can&#39;t")."""
    return html.unescape(response.get_data(as_text=True))


def second_factor_code(app, user):
    """A TOTP code the app accepts now for `user` (a factory record with a secret): the
    earliest time step not used yet, moving the test clock on when the codes of its drift
    window (one step either way) are used up, as a person would wait for the next code."""
    clock = app.config["CLOCK"]
    with app.app_context():
        last = db.session.get(User, user.id).totp_last_step
    totp = pyotp.TOTP(user.totp_secret)
    current = int(clock().timestamp()) // totp.interval
    if last is not None and last > current:
        clock.advance(seconds=totp.interval * (last - current))
        current = last
    step = current if last is None or last < current else current + 1
    return totp.generate_otp(step)


def log_in_with(client, user, next_path=None):
    """Log `user` in through the login page, with the second factor when they have one;
    returns the last response."""
    query = f"?next={next_path}" if next_path else ""
    response = client.post(f"/login{query}", data={"email": user.email, "password": user.password})
    if getattr(user, "totp_secret", None) and "/login/code" in response.headers.get("Location", ""):
        code = second_factor_code(client.application, user)
        response = client.post(response.headers["Location"], data={"code": code})
    return response
