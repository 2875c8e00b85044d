"""The one-time set-up page."""

from sqlalchemy import select

from clinic.audit import AuditEvent
from clinic.auth.models import User
from clinic.auth.roles import Role
from clinic.extensions import db

FIRST_ADMIN = {
    "organization": "Merrimack Valley Immigrant Center",
    "name": "Adaeze Okafor",
    "email": "adaeze@example.org",
    "password": "rain on the merrimack river",
    "confirm": "rain on the merrimack river",
}


def test_every_page_leads_to_set_up_while_nobody_exists(client):
    for path in ("/", "/login", "/admin/users"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.headers["Location"].endswith("/setup")
    assert "Set up Clinic" in client.get("/setup").get_data(as_text=True)


def test_first_run_creates_the_admin_then_disappears(app, client):
    response = client.post("/setup", data=FIRST_ADMIN)
    assert response.status_code == 302
    assert client.get("/setup").status_code == 404
    assert client.post("/setup", data=FIRST_ADMIN).status_code == 404
    with app.app_context():
        admin = db.session.scalar(select(User))
        assert admin.role == Role.ADMIN
        assert admin.organization.name == FIRST_ADMIN["organization"]
        assert db.session.scalar(select(AuditEvent.action)) == "admin.first_run"
    login = client.post(
        "/login", data={"email": FIRST_ADMIN["email"], "password": FIRST_ADMIN["password"]}
    )
    assert login.status_code == 302
    # An admin's first page is setting up the second factor; nothing else opens before it.
    assert client.get("/").headers["Location"] == "/account/second-factor"


def test_mismatched_passwords_keep_the_other_answers(client):
    page = client.post("/setup", data={**FIRST_ADMIN, "confirm": "something else entirely"})
    text = page.get_data(as_text=True)
    assert "The two passwords differ." in text
    assert 'value="Adaeze Okafor"' in text
