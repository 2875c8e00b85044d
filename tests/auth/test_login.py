"""Login, logout, server-side sessions, timeouts and the per-account slow-down."""

from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from clinic.audit import AuditEvent
from clinic.auth.views import _safe_next
from clinic.extensions import db
from tests.helpers import log_in_with

COOKIE = "clinic_session"


def copy_cookie(source, target):
    cookie = source.get_cookie(COOKIE, domain="clinic.test")
    target.set_cookie(COOKIE, cookie.value, domain=cookie.domain)
    return target


def is_logged_in(client):
    response = client.get("/")
    return response.status_code == 200


def audit_actions(app):
    with app.app_context():
        return [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def test_login_then_home_shows_the_role_navigation(login_as):
    client = login_as("coordinator")
    page = client.get("/").get_data(as_text=True)
    assert "Coordinator" in page
    assert "Audit log" not in page


def test_wrong_password_and_unknown_email_get_the_same_message(client, make):
    user = make.user("volunteer")
    wrong_password = client.post("/login", data={"email": user.email, "password": "x" * 20})
    unknown = client.post("/login", data={"email": "nobody@example.org", "password": "x" * 20})
    for response in (wrong_password, unknown):
        assert response.status_code == 200
        assert "Wrong email or password." in response.get_data(as_text=True)


def test_typed_email_is_kept_after_a_failed_login(client, make):
    user = make.user("volunteer")
    page = client.post("/login", data={"email": user.email, "password": "nope"}).get_data(
        as_text=True
    )
    assert f'value="{user.email}"' in page


def test_email_is_matched_without_case_or_spaces(client, make):
    user = make.user("volunteer", email="Lan.Nguyen@Example.org")
    response = client.post(
        "/login", data={"email": "  lan.nguyen@EXAMPLE.org ", "password": user.password}
    )
    assert response.status_code == 302


def test_deactivated_user_cannot_log_in(app, client, make, login_as):
    user = make.user("volunteer")
    admin = login_as("admin")
    admin.post(f"/admin/users/{user.id}/deactivate")
    response = log_in_with(client, user)
    assert "Wrong email or password." in response.get_data(as_text=True)


def test_login_redirects_only_to_local_next_pages(client, make):
    user = make.user("admin")
    response = log_in_with(client, user, "/admin/users")
    assert response.headers["Location"].endswith("/admin/users")
    client.post("/logout")
    response = log_in_with(client, user, "//evil.example.com/")
    assert response.headers["Location"] == "/"


@pytest.mark.parametrize(
    "target",
    [
        "////evil.example",
        "//evil.example",
        "/\\evil.example",
        "/\\/evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
        "/cases/\n/x",
        "/cases/%0d%0aSet-Cookie:x",
        "\t//evil.example",
        " /admin",
    ],
)
def test_login_never_sends_people_off_site(client, make, target):
    user = make.user("volunteer")
    response = client.post(
        "/login",
        query_string={"next": target},
        data={"email": user.email, "password": user.password},
    )
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location == "/" or (location == target and "%0d%0a" in target), location


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(target=st.text(max_size=40) | st.from_regex(r"[/\\]{1,4}[a-z.:@]{0,12}", fullmatch=True))
def test_a_next_page_is_a_path_on_this_site_or_home(app, target):
    with app.test_request_context():
        chosen = _safe_next(target)
    assert chosen == "/" or chosen == target
    if chosen == target:
        parts = urlsplit(chosen)
        assert chosen.startswith("/") and not chosen.startswith(("//", "/\\"))
        assert not parts.scheme and not parts.netloc and "\\" not in chosen
        assert all(33 <= ord(c) < 127 for c in chosen)


def test_logout_ends_the_session_and_a_copied_cookie_stops_working(app, login_as):
    client = login_as("volunteer")
    thief = copy_cookie(client, app.test_client())
    assert is_logged_in(thief)
    client.post("/logout")
    assert not is_logged_in(client)
    assert not is_logged_in(thief)


def test_logout_ends_the_users_sessions_on_other_browsers(app, make):
    user = make.user("attorney")
    laptop, phone = app.test_client(), app.test_client()
    for browser in (laptop, phone):
        log_in_with(browser, user)
    laptop.post("/logout")
    assert not is_logged_in(phone)


def test_password_change_ends_old_sessions_but_keeps_this_browser(app, make):
    user = make.user("attorney")
    laptop, other = app.test_client(), app.test_client()
    for browser in (laptop, other):
        log_in_with(browser, user)
    stolen = copy_cookie(laptop, app.test_client())
    new_password = "a brand new passphrase for me"
    response = laptop.post(
        "/account",
        data={"current_password": user.password, "password": new_password, "confirm": new_password},
    )
    assert response.status_code == 302
    assert is_logged_in(laptop)
    assert not is_logged_in(other)
    assert not is_logged_in(stolen)
    fresh = app.test_client()
    ok = log_in_with(fresh, SimpleNamespace(**{**vars(user), "password": new_password}))
    assert ok.headers["Location"] == "/"


def test_password_change_needs_the_current_password(login_as):
    client = login_as("volunteer")
    page = client.post(
        "/account",
        data={"current_password": "wrong wrong wrong", "password": "x" * 20, "confirm": "x" * 20},
    ).get_data(as_text=True)
    assert "That is not your current password." in page


def test_session_ends_after_30_minutes_idle(login_as, clock):
    client = login_as("volunteer")
    clock.advance(minutes=29)
    assert is_logged_in(client)
    clock.advance(minutes=29)  # 29 minutes after the last request: still alive
    assert is_logged_in(client)
    clock.advance(minutes=30)
    assert not is_logged_in(client)


def test_session_ends_12_hours_after_login_even_when_busy(login_as, clock):
    client = login_as("volunteer")
    for _ in range(11 * 4 + 3):  # a request every 15 minutes for 11 h 45 min
        clock.advance(minutes=15)
        assert is_logged_in(client)
    clock.advance(minutes=15)
    assert not is_logged_in(client)


def test_expired_session_sends_the_person_to_login(login_as, clock):
    client = login_as("volunteer")
    clock.advance(hours=1)
    response = client.get("/admin/users")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_no_remember_me_cookie_is_set(client, make):
    user = make.user("volunteer")
    log_in_with(client, user)
    assert client.get_cookie("remember_token") is None


@pytest.fixture
def failing(client):
    def fail(email, times):
        for _ in range(times):
            client.post("/login", data={"email": email, "password": "wrong password here"})

    return fail


def test_repeated_failures_slow_down_that_account_only(client, make, failing, clock):
    victim, bystander = make.user("attorney"), make.user("attorney")
    failing(victim.email, 5)
    refused = log_in_with(client, victim)
    assert "Too many failed attempts" in refused.get_data(as_text=True)
    other = log_in_with(client, bystander)
    assert other.status_code == 302  # same IP, different account: not slowed down


def test_slow_down_lifts_after_the_wait_and_doubles_on_further_failures(
    client, make, failing, clock
):
    user = make.user("volunteer")
    failing(user.email, 5)
    clock.advance(seconds=31)
    failing(user.email, 1)  # sixth failure: the next wait is 60 s
    clock.advance(seconds=45)
    still = log_in_with(client, user)
    assert "Too many failed attempts" in still.get_data(as_text=True)
    clock.advance(seconds=16)
    ok = log_in_with(client, user)
    assert ok.status_code == 302


def test_unknown_accounts_are_slowed_down_the_same_way(client, make, failing):
    make.user("admin")
    failing("ghost@example.org", 5)
    page = client.post("/login", data={"email": "ghost@example.org", "password": "p" * 20})
    assert "Too many failed attempts" in page.get_data(as_text=True)


def test_logins_and_failures_are_audited_without_personal_data(app, client, make):
    user = make.user("volunteer")
    client.post("/login", data={"email": user.email, "password": "wrong wrong wrong"})
    log_in_with(client, user)
    client.post("/logout")
    actions = audit_actions(app)
    assert actions[-3:] == ["auth.login_failed", "auth.login", "auth.logout"]
    with app.app_context():
        for event in db.session.scalars(select(AuditEvent)):
            assert user.email not in str(event.details)
