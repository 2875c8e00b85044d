"""The access-matrix helper: every route, every role, and another organization's objects.

A route is declared once with the roles that may use it. `check_route` then asserts:
anonymous -> redirect to login; a role not allowed -> 403; an allowed role -> an OK status;
and, when the route names an object, an allowed role of another organization -> 404
(coalition admins excepted: they may see every organization's objects).
"""

from dataclasses import dataclass, field
from types import SimpleNamespace

from clinic.auth.roles import Role

ALL_ROLES = frozenset(Role)


@dataclass(frozen=True)
class Route:
    endpoint: str
    method: str
    path: object  # a string, or a callable taking the world and returning one
    allowed: frozenset = ALL_ROLES
    data: object = None  # a dict, or a callable taking the world
    ok: tuple = (200, 302)
    other_org_path: object = None  # a callable: the same route on another organization's object
    id: str = field(default="")

    def resolve(self, value, world):
        return value(world) if callable(value) else value

    def __str__(self):
        return self.id or f"{self.method} {self.endpoint}"


def build_world(make):
    """Two organizations, each with a clinic day and a case; features add their own objects."""
    home, other = make.organization("Home Org"), make.organization("Other Org")
    invitee = make.user(Role.VOLUNTEER, organization="Home Org", password=None)
    home_event, other_event = make.event("Home Org"), make.event("Other Org")
    return SimpleNamespace(
        home=home,
        other=other,
        invitee=invitee,
        home_event=home_event,
        other_event=other_event,
        home_case=make.case(home_event),
        other_case=make.case(other_event, given="Other", family="Person"),
        version=lambda case: make.case_version(case.id),
        home_job=make.packet_job(home_event),
        other_job=make.packet_job(other_event),
    )


def request(client, route, path, world):
    data = route.resolve(route.data, world)
    response = client.open(path, method=route.method, data=data)
    response.get_data()  # buffer the body, then release files a download may hold open
    response.close()
    return response


def check_route(app, login_as, world, route):
    path = route.resolve(route.path, world)

    anonymous = request(app.test_client(), route, path, world)
    assert anonymous.status_code == 302, f"{route}: anonymous got {anonymous.status_code}"
    assert "/login" in anonymous.headers["Location"], f"{route}: anonymous not sent to login"

    for role in Role:
        client = login_as(role, organization="Home Org")
        response = request(client, route, path, world)
        if role in route.allowed:
            assert response.status_code in route.ok, f"{route}: {role} got {response.status_code}"
        else:
            assert response.status_code == 403, f"{route}: {role} got {response.status_code}"

    if route.other_org_path is not None:
        foreign = route.resolve(route.other_org_path, world)
        for role in route.allowed - {Role.ADMIN}:  # admins serve the whole coalition
            client = login_as(role, organization="Home Org")
            response = request(client, route, foreign, world)
            assert response.status_code == 404, (
                f"{route}: {role} reached another organization's object ({response.status_code})"
            )
