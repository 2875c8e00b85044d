"""Security headers, cookie flags, CSRF, error pages and logs free of personal data."""

import logging

import pytest
from sqlalchemy import text

from clinic.extensions import db
from tests.helpers import log_in_with, page_text


def test_pages_carry_security_headers_and_are_never_cached(login_as):
    response = login_as("volunteer").get("/")
    headers = response.headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Cache-Control"] == "no-store"


def test_static_files_may_be_cached(client, make):
    make.user("admin")
    response = client.get("/static/css/app.css")
    assert response.status_code == 200
    assert response.headers.get("Cache-Control") != "no-store"
    response.close()


def test_session_cookie_is_httponly_and_samesite_lax(client, make):
    user = make.user("volunteer")
    response = log_in_with(client, user)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie
    assert "Expires" not in cookie  # a browser-session cookie; the server enforces the limits


def test_session_cookie_is_secure_when_configured_for_https(make_app, make):
    app = make_app(SESSION_COOKIE_SECURE=True)
    user = make.user("volunteer")
    response = app.test_client().post(
        "/login", data={"email": user.email, "password": user.password}
    )
    assert "Secure" in response.headers["Set-Cookie"]


def test_post_without_csrf_token_is_refused(make_app, make):
    app = make_app(WTF_CSRF_ENABLED=True)
    user = make.user("volunteer")
    response = app.test_client().post(
        "/login", data={"email": user.email, "password": user.password}
    )
    assert response.status_code == 400
    assert "This form has expired" in page_text(response)


def test_post_with_csrf_token_is_accepted(make_app, make):
    app = make_app(WTF_CSRF_ENABLED=True)
    user = make.user("volunteer")
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    response = client.post(
        "/login", data={"email": user.email, "password": user.password, "csrf_token": token}
    )
    assert response.status_code == 302


def test_not_found_page_is_friendly(login_as):
    response = login_as("volunteer").get("/no/such/page")
    assert response.status_code == 404
    assert "Page not found" in page_text(response)


@pytest.fixture
def failing_app(make_app):
    app = make_app(PROPAGATE_EXCEPTIONS=False)

    @app.get("/__explode")
    def explode():
        # A database error quoting personal data, as a buggy query might.
        db.session.execute(
            text("SELECT * FROM no_such_table WHERE a = :a AND b = :b"),
            {"a": "A123-456-789", "b": "1985-04-02"},
        )

    return app


def test_server_error_shows_no_stack_trace(failing_app, make):
    make.user("admin")
    response = failing_app.test_client().get("/__explode")
    body = page_text(response)
    assert response.status_code == 500
    assert "Something went wrong on our side" in body
    assert "Traceback" not in body and "no_such_table" not in body


def test_logs_hold_no_a_number_or_birth_date(failing_app, make, caplog):
    caplog.set_level(logging.DEBUG)
    user = make.user("volunteer", email="a123456789@example.org")
    client = failing_app.test_client()
    client.post("/login", data={"email": user.email, "password": "wrong 04/02/1985 A123456789"})
    log_in_with(client, user)
    client.get("/__explode")
    failing_app.logger.info("applicant A-123-456-789 born 1985-04-02 (04/02/1985)")
    logged = caplog.text + "".join(str(record.exc_text or "") for record in caplog.records)
    assert "[redacted]" in logged  # the app did log: the test would catch a leak
    for leak in ("123456789", "123-456-789", "1985-04-02", "04/02/1985"):
        assert leak not in logged


def test_hsts_is_sent_only_when_served_over_https(make_app, make):
    make.user("admin")
    plain = make_app().test_client().get("/login")
    assert "Strict-Transport-Security" not in plain.headers
    secure = make_app(SESSION_COOKIE_SECURE=True).test_client().get("/login")
    assert secure.headers["Strict-Transport-Security"] == "max-age=31536000"


@pytest.mark.parametrize("size", [2 * 1024 * 1024, 60 * 1024 * 1024])
def test_an_oversized_request_gets_a_friendly_413_and_saves_nothing(app, login_as, make, size):
    from clinic.auth.models import Organization

    admin = login_as("admin")
    with app.app_context():
        before = db.session.query(Organization).count()
    response = admin.post(
        "/admin/organizations/new",
        data=b"name=Big&contact=" + b"x" * size,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    assert "too much to send" in page_text(response)
    with app.app_context():
        assert db.session.query(Organization).count() == before


def test_a_refused_request_keeps_nothing_it_wrote(make_app, make):
    """discard_changes(): a page shown again after a refusal commits nothing, whatever its
    status code."""
    from clinic.auth.models import Organization
    from clinic.clock import utcnow
    from clinic.web import discard_changes

    app = make_app()

    @app.post("/_test/refused")
    def refused():
        db.session.add(Organization(name="Half-saved", created_at=utcnow()))
        db.session.flush()
        discard_changes()
        return "refused, shown again", 200

    make.user("admin")
    assert app.test_client().post("/_test/refused").status_code == 200
    with app.app_context():
        assert db.session.query(Organization).filter_by(name="Half-saved").count() == 0
