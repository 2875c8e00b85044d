"""The second factor: enrolment, login with a code or a recovery code, throttling, admin
reset, and who may reach what before enrolling."""

import re

import pyotp
import pytest
from sqlalchemy import select

from clinic.audit import AuditEvent
from clinic.auth.models import RecoveryCode, User
from clinic.extensions import db
from tests.auth.test_login import audit_actions, copy_cookie, is_logged_in
from tests.helpers import log_in_with, page_text, second_factor_code

SECRET_SHOWN = re.compile(r'id="secret-key"[^>]*>([A-Z2-7 ]+)<')
RECOVERY_SHOWN = re.compile(r"<li><code>([a-z2-9-]{19})</code></li>")


def enrol(app, client, user):
    """Open the enrolment page, read the key shown, confirm with its code; the recovery codes
    shown, and `user` updated with the secret."""
    page = page_text(client.get("/account/second-factor"))
    user.totp_secret = SECRET_SHOWN.search(page).group(1).replace(" ", "")
    response = client.post("/account/second-factor", data={"code": second_factor_code(app, user)})
    assert response.status_code == 200
    return RECOVERY_SHOWN.findall(response.get_data(as_text=True))


def password_step(client, user):
    return client.post("/login", data={"email": user.email, "password": user.password})


def user_row(app, user_id):
    with app.app_context():
        return db.session.get(User, user_id)


def test_an_attorney_without_a_second_factor_reaches_no_case_page(app, make, login_as):
    case = make.case()
    attorney = login_as("attorney", second_factor=False)
    for path in ("/", f"/cases/{case.id}", "/cases/", "/review/", f"/review/{case.id}"):
        response = attorney.get(path)
        assert response.status_code == 302, path
        assert response.headers["Location"] == "/account/second-factor", path
    posted = attorney.post(f"/review/{case.id}/claim")
    assert posted.headers["Location"] == "/account/second-factor"
    assert "Set up your second factor" in page_text(attorney.get("/account/second-factor"))


@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_coordinators_and_admins_must_enrol_too(login_as, role):
    client = login_as(role, second_factor=False)
    assert client.get("/").headers["Location"] == "/account/second-factor"


def test_volunteers_are_offered_it_but_not_forced(login_as):
    volunteer = login_as("volunteer")
    assert volunteer.get("/").status_code == 200
    assert "Set up a second factor" in page_text(volunteer.get("/account"))
    assert "Not now" in page_text(volunteer.get("/account/second-factor"))


def test_a_setting_requires_it_of_everyone(make_app, make):
    app = make_app(SECOND_FACTOR_FOR_EVERYONE=True)
    volunteer = make.user("volunteer")
    client = app.test_client()
    log_in_with(client, volunteer)
    assert client.get("/").headers["Location"] == "/account/second-factor"


def test_enrolment_shows_a_server_drawn_qr_code_and_the_key(login_as):
    client = login_as("attorney", second_factor=False)
    page = client.get("/account/second-factor").get_data(as_text=True)
    assert "<svg" in page and "QR code to scan" in page
    assert "otpauth://" not in page.split("<svg", 1)[0]  # the URI is only inside the drawing
    assert SECRET_SHOWN.search(page)
    again = client.get("/account/second-factor").get_data(as_text=True)
    assert SECRET_SHOWN.search(again).group(1) == SECRET_SHOWN.search(page).group(1)


def test_a_wrong_first_code_does_not_enrol(app, login_as):
    client = login_as("attorney", second_factor=False)
    client.get("/account/second-factor")
    page = page_text(client.post("/account/second-factor", data={"code": "123456"}))
    assert "That code is not right" in page
    assert user_row(app, client.user.id).totp_enrolled_at is None


def test_enrolment_gives_ten_recovery_codes_kept_only_as_hashes(app, login_as):
    client = login_as("attorney", second_factor=False)
    codes = enrol(app, client, client.user)
    assert len(codes) == len(set(codes)) == 10
    with app.app_context():
        stored = db.session.scalars(select(RecoveryCode.code_hash)).all()
    assert len(stored) == 10
    assert not {code.replace("-", "") for code in codes} & set(stored)
    assert not any(code in "".join(stored) for code in codes)
    assert client.get("/").status_code == 200  # this browser carries on
    assert "shown only now" not in page_text(client.get("/account"))


def test_a_session_copied_before_enrolment_stops_working(app, login_as):
    client = login_as("volunteer")
    stolen = copy_cookie(client, app.test_client())
    assert is_logged_in(stolen)
    enrol(app, client, client.user)
    assert not is_logged_in(stolen)
    assert is_logged_in(client)


def test_a_session_without_the_second_factor_is_refused_for_an_enrolled_user(app, make):
    from clinic.auth import sessions
    from clinic.clock import utcnow

    user = make.user("attorney")
    with app.app_context():
        token = sessions.start_session(db.session.get(User, user.id), utcnow())
        db.session.commit()
        assert (
            sessions.user_for_token(
                token,
                utcnow(),
                idle_timeout=app.config["SESSION_IDLE_TIMEOUT"],
                absolute_timeout=app.config["SESSION_ABSOLUTE_TIMEOUT"],
            )
            is None
        )


def test_login_asks_for_the_code_after_the_password(app, make):
    user = make.user("attorney")
    client = app.test_client()
    response = password_step(client, user)
    assert response.headers["Location"].startswith("/login/code")
    assert not is_logged_in(client)  # the password alone opens nothing
    assert "authenticator app" in page_text(client.get("/login/code"))
    done = client.post("/login/code", data={"code": second_factor_code(app, user)})
    assert done.headers["Location"] == "/"
    assert is_logged_in(client)
    assert audit_actions(app)[-2:] == ["auth.password_accepted", "auth.login"]


def test_the_code_page_needs_the_password_first(client, make):
    make.user("attorney")
    response = client.get("/login/code")
    assert response.headers["Location"] == "/login"
    assert client.post("/login/code", data={"code": "123456"}).headers["Location"] == "/login"


def test_the_code_must_follow_the_password_within_minutes(app, make, clock):
    user = make.user("attorney")
    client = app.test_client()
    password_step(client, user)
    clock.advance(minutes=6)
    response = client.post("/login/code", data={"code": second_factor_code(app, user)})
    assert response.headers["Location"] == "/login"
    assert not is_logged_in(client)


def test_a_code_works_only_once(app, make):
    user = make.user("attorney")
    first, second = app.test_client(), app.test_client()
    password_step(first, user)
    code = second_factor_code(app, user)
    first.post("/login/code", data={"code": code})
    password_step(second, user)
    page = page_text(second.post("/login/code", data={"code": code}))
    assert "That code is not right" in page
    assert not is_logged_in(second)


def test_wrong_codes_count_with_password_failures(app, make, clock):
    user = make.user("attorney")
    client = app.test_client()
    for _ in range(3):
        client.post("/login", data={"email": user.email, "password": "wrong password here"})
    password_step(client, user)
    for _ in range(2):
        client.post("/login/code", data={"code": "000000"})
    page = page_text(client.post("/login/code", data={"code": second_factor_code(app, user)}))
    assert "Too many failed attempts" in page
    assert not is_logged_in(client)
    assert audit_actions(app).count("auth.second_factor_failed") == 2
    clock.advance(minutes=1)
    assert log_in_with(app.test_client(), user).headers["Location"] == "/"


def test_a_recovery_code_logs_in_once(app, login_as):
    client = login_as("volunteer")
    codes = enrol(app, client, client.user)
    client.post("/logout")
    password_step(client, client.user)
    done = client.post("/login/code", data={"code": codes[0].upper().replace("-", " ")})
    assert done.headers["Location"] == "/"
    assert is_logged_in(client)
    client.post("/logout")
    password_step(client, client.user)
    page = page_text(client.post("/login/code", data={"code": codes[0]}))
    assert "That code is not right" in page
    with app.app_context():
        used = db.session.scalar(
            select(AuditEvent).where(AuditEvent.action == "auth.recovery_code_used")
        )
        assert used.details == {"left": 9}


def test_few_recovery_codes_left_says_so(app, login_as):
    client = login_as("volunteer")
    codes = enrol(app, client, client.user)
    for code in codes[:7]:
        client.post("/logout")
        password_step(client, client.user)
        response = client.post("/login/code", data={"code": code}, follow_redirects=True)
    assert "You have 3 recovery codes left" in page_text(response)


def test_new_recovery_codes_replace_the_old_ones(app, login_as):
    client = login_as("volunteer")
    old = enrol(app, client, client.user)
    response = client.post(
        "/account/recovery-codes", data={"code": second_factor_code(app, client.user)}
    )
    new = RECOVERY_SHOWN.findall(response.get_data(as_text=True))
    assert len(new) == 10 and not set(new) & set(old)
    client.post("/logout")
    password_step(client, client.user)
    assert "not right" in page_text(client.post("/login/code", data={"code": old[1]}))
    assert client.post("/login/code", data={"code": new[1]}).headers["Location"] == "/"


def test_new_recovery_codes_need_a_current_code(login_as):
    client = login_as("attorney")
    page = page_text(client.post("/account/recovery-codes", data={"code": "111111"}))
    assert "That code is not right." in page


def test_an_admin_reset_ends_sessions_and_asks_to_enrol_again(app, make, login_as):
    attorney = login_as("attorney")
    admin = login_as("admin")
    assert "Reset second factor" in page_text(admin.get("/admin/users"))
    admin.post(f"/admin/users/{attorney.user.id}/second-factor/reset")
    assert attorney.get("/").headers["Location"] == "/login?next=%2F"
    row = user_row(app, attorney.user.id)
    assert row.totp_secret is None and row.totp_enrolled_at is None
    with app.app_context():
        assert db.session.scalar(select(RecoveryCode.id)) is None
        event = db.session.scalar(
            select(AuditEvent).where(AuditEvent.action == "admin.second_factor_reset")
        )
        assert (event.actor_id, event.object_id) == (admin.user.id, attorney.user.id)
    again = app.test_client()
    assert password_step(again, attorney.user).headers["Location"] == "/"
    assert again.get("/").headers["Location"] == "/account/second-factor"


def test_an_admin_cannot_reset_their_own(app, login_as):
    admin = login_as("admin")
    response = admin.post(
        f"/admin/users/{admin.user.id}/second-factor/reset", follow_redirects=True
    )
    assert "Another admin must reset your second factor." in page_text(response)
    assert user_row(app, admin.user.id).totp_enrolled_at is not None


def test_the_secret_is_stored_encrypted(app, make):
    user = make.user("attorney")
    with app.app_context():
        stored = db.session.execute(
            db.text("SELECT totp_secret FROM users WHERE id = :id"), {"id": user.id}
        ).scalar()
    assert user.totp_secret not in stored
    assert pyotp.TOTP(user.totp_secret).at(0)  # the factory's secret is a real TOTP secret


def test_codes_of_the_next_step_are_allowed_for_a_phone_a_little_ahead(app, make, clock):
    user = make.user("attorney")
    client = app.test_client()
    password_step(client, user)
    ahead = pyotp.TOTP(user.totp_secret).at(clock.now.timestamp() + 30)
    assert client.post("/login/code", data={"code": ahead}).headers["Location"] == "/"
    too_far = pyotp.TOTP(user.totp_secret).at(clock.now.timestamp() + 120)
    other = app.test_client()
    password_step(other, user)
    assert "not right" in page_text(other.post("/login/code", data={"code": too_far}))
