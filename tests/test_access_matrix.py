"""Every route in the app, with the roles allowed; a new route without a row here fails."""

import pytest

from clinic.auth.roles import Role
from tests.access import Route, build_world, check_route

ADMIN = frozenset({Role.ADMIN})

ROUTES = [
    # Any logged-in role.
    Route("main.home", "GET", "/"),
    Route("auth.account", "GET", "/account"),
    Route("auth.account", "POST", "/account", data={}, id="POST auth.account (invalid form)"),
    Route("auth.logout", "POST", "/logout"),
    # Coalition admin.
    Route("admin.organizations", "GET", "/admin/organizations", ADMIN),
    Route("admin.new_organization", "GET", "/admin/organizations/new", ADMIN),
    Route(
        "admin.new_organization",
        "POST",
        "/admin/organizations/new",
        ADMIN,
        data={"name": "Casa Latina"},
    ),
    Route("admin.edit_organization", "GET", lambda w: f"/admin/organizations/{w.other.id}", ADMIN),
    Route(
        "admin.edit_organization",
        "POST",
        lambda w: f"/admin/organizations/{w.other.id}",
        ADMIN,
        data={"name": "Other Org", "contact": "", "active": "y"},
    ),
    Route("admin.users", "GET", "/admin/users", ADMIN),
    Route("admin.invite_user", "GET", "/admin/users/new", ADMIN),
    Route(
        "admin.invite_user",
        "POST",
        "/admin/users/new",
        ADMIN,
        data=lambda w: {
            "name": "New Person",
            "email": "new.person@example.org",
            "organization_id": w.home.id,
            "role": "volunteer",
        },
    ),
    Route("admin.edit_user", "GET", lambda w: f"/admin/users/{w.invitee.id}", ADMIN),
    Route(
        "admin.edit_user",
        "POST",
        lambda w: f"/admin/users/{w.invitee.id}",
        ADMIN,
        data=lambda w: {"organization_id": w.home.id, "role": "coordinator"},
    ),
    Route("admin.set_active", "POST", lambda w: f"/admin/users/{w.invitee.id}/deactivate", ADMIN),
    Route(
        "admin.reissue_invitation",
        "POST",
        lambda w: f"/admin/users/{w.invitee.id}/invitation",
        ADMIN,
    ),
    Route("admin.audit_log", "GET", "/admin/audit", ADMIN),
]

# Reachable without logging in, each tested in its own module.
PUBLIC_ENDPOINTS = {"static", "auth.login", "auth.first_run", "auth.accept_invitation"}


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_route_access(app, make, login_as, route):
    check_route(app, login_as, build_world(make), route)


def test_every_route_is_in_the_matrix(app):
    covered = {(route.endpoint, route.method) for route in ROUTES}
    missing = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in PUBLIC_ENDPOINTS:
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            if (rule.endpoint, method) not in covered:
                missing.append(f"{method} {rule.rule}")
    assert missing == [], "routes without an access test"
