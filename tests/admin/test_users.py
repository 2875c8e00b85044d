"""Admins invite users, change roles and deactivate accounts; each change is audited."""

import re

from sqlalchemy import select

from clinic.audit import AuditEvent
from clinic.auth.models import User
from clinic.auth.roles import Role
from clinic.extensions import db
from tests.helpers import page_text

NEW_PASSWORD = "the ferry leaves from long wharf"


def last_event(app, action):
    with app.app_context():
        return db.session.scalar(
            select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id.desc())
        )


def invite(admin, org_id, **fields):
    data = {
        "name": "Trần Văn Minh",
        "email": "minh@example.org",
        "organization_id": org_id,
        "role": "volunteer",
        "credential": "",
        "credential_number": "",
        **fields,
    }
    return admin.post("/admin/users/new", data=data)


def invitation_path(response):
    return re.search(
        r'value="http://clinic\.test(/invitation/[^"]+)"', response.get_data(as_text=True)
    ).group(1)


def test_invited_user_sets_a_password_once_and_logs_in(app, login_as, make):
    admin = login_as("admin")
    org = make.organization("Pioneer Valley New Citizens Project")
    response = invite(admin, org.id)
    assert response.status_code == 200
    path = invitation_path(response)
    guest = app.test_client()
    page = guest.get(path).get_data(as_text=True)
    assert "Trần Văn Minh" in page
    done = guest.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert done.status_code == 302
    assert guest.get(path).status_code == 404  # used once
    login = guest.post("/login", data={"email": "minh@example.org", "password": NEW_PASSWORD})
    assert login.status_code == 302
    event = last_event(app, "admin.user_created")
    assert event.details["role"] == "volunteer"
    assert "minh" not in str(event.details).lower()


def test_invitation_expires_after_seven_days(app, login_as, make, clock):
    admin = login_as("admin")
    path = invitation_path(invite(admin, make.organization().id))
    clock.advance(days=7, seconds=1)
    assert app.test_client().get(path).status_code == 404


def test_unknown_invitation_is_404(client, make):
    make.user("admin")
    assert client.get("/invitation/not-a-real-token").status_code == 404


def test_duplicate_email_is_refused_beside_the_field(login_as, make):
    admin = login_as("admin")
    existing = make.user("volunteer")
    page = invite(admin, existing.organization_id, email=existing.email).get_data(as_text=True)
    assert "Someone already uses this email." in page
    assert 'value="Trần Văn Minh"' in page


def test_attorney_needs_a_bar_or_accreditation_number(login_as, make):
    admin = login_as("admin")
    org = make.organization()
    page = invite(admin, org.id, role="attorney", credential="bar").get_data(as_text=True)
    assert "bar number or a DOJ accreditation number" in page
    ok = invite(admin, org.id, role="attorney", credential="bar", credential_number="MA BBO 654321")
    assert ok.status_code == 200 and "/invitation/" in ok.get_data(as_text=True)


def test_role_change_is_audited_and_ends_the_users_sessions(app, login_as, make):
    admin = login_as("admin")
    volunteer = login_as("volunteer")
    user_id = volunteer.user.id
    response = admin.post(
        f"/admin/users/{user_id}",
        data={
            "organization_id": volunteer.user.organization_id,
            "role": "coordinator",
            "credential": "",
            "credential_number": "",
        },
    )
    assert response.status_code == 302
    assert volunteer.get("/").status_code == 302  # logged out: new powers need a new login
    event = last_event(app, "admin.user_updated")
    assert (event.details["old_role"], event.details["new_role"]) == ("volunteer", "coordinator")
    assert event.actor_id == admin.user.id and event.object_id == user_id


def test_deactivation_ends_sessions_and_is_audited(app, login_as):
    admin = login_as("admin")
    attorney = login_as("attorney")
    admin.post(f"/admin/users/{attorney.user.id}/deactivate")
    assert attorney.get("/").status_code == 302
    assert last_event(app, "admin.user_deactivated").object_id == attorney.user.id
    admin.post(f"/admin/users/{attorney.user.id}/activate")
    assert last_event(app, "admin.user_activated").object_id == attorney.user.id


def test_admin_cannot_deactivate_themselves_or_change_their_own_role(app, login_as):
    admin = login_as("admin")
    page = admin.post(f"/admin/users/{admin.user.id}/deactivate", follow_redirects=True)
    assert "You can't deactivate yourself." in page_text(page)
    page = admin.post(
        f"/admin/users/{admin.user.id}",
        data={
            "organization_id": admin.user.organization_id,
            "role": "volunteer",
            "credential": "",
            "credential_number": "",
        },
    )
    assert "You can't change your own role" in page_text(page)
    with app.app_context():
        assert db.session.get(User, admin.user.id).role == Role.ADMIN


def test_reissued_invitation_replaces_a_lost_link(app, login_as, make):
    admin = login_as("admin")
    invite(admin, make.organization().id)
    with app.app_context():
        user_id = db.session.scalar(select(User.id).where(User.email == "minh@example.org"))
    response = admin.post(f"/admin/users/{user_id}/invitation")
    assert app.test_client().get(invitation_path(response)).status_code == 200


def test_organizations_are_added_and_renamed(login_as):
    admin = login_as("admin")
    admin.post(
        "/admin/organizations/new", data={"name": "Casa Latina", "contact": "", "active": "y"}
    )
    page = admin.get("/admin/organizations").get_data(as_text=True)
    assert "Casa Latina" in page
    duplicate = admin.post("/admin/organizations/new", data={"name": "casa latina"})
    assert "exists already" in duplicate.get_data(as_text=True)
