"""The access-matrix helper: every route, every role, and another organization's objects.

A route is declared once with the roles that may use it. `check_route` then asserts:
anonymous -> redirect to login; a role not allowed -> 403; an allowed role -> an OK status;
and, when the route names an object, an allowed role of another organization -> 404
(coalition admins excepted: they may see every organization's objects).
"""

from dataclasses import dataclass, field
from datetime import date

from clinic.auth.roles import Role

ALL_ROLES = frozenset(Role)
CITIZEN = {
    "oath_on": date(2026, 11, 20),
    "oath_place": "Boston",
    "certificate_number": "A1234567",
    "answers": {"residence": {"state": "MA"}},
}


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


class World:
    """Objects routes point at, made the first time a route asks for them: each route's test
    builds only what it needs."""

    def __init__(self, make, makers):
        self._make, self._makers, self._made = make, makers, {}

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if name not in self._made:
            self._made[name] = self._makers[name](self)
        return self._made[name]


def build_world(make):
    """Two organizations with their clinic days, cases, packets and new citizens."""
    make.organization("Home Org")
    make.organization("Other Org")
    invitee = make.user(Role.VOLUNTEER, organization="Home Org", password=None)
    return World(
        make,
        {
            "home": lambda w: make.organization("Home Org"),
            "other": lambda w: make.organization("Other Org"),
            "invitee": lambda w: invitee,
            "home_event": lambda w: make.event("Home Org"),
            "other_event": lambda w: make.event("Other Org"),
            "home_case": lambda w: make.case(w.home_event),
            "other_case": lambda w: make.case(w.other_event, given="Other", family="Person"),
            "version": lambda w: lambda case: make.case_version(case.id),
            "home_job": lambda w: make.packet_job(w.home_event),
            "other_job": lambda w: make.packet_job(w.other_event),
            "home_approved": lambda w: make.case_at(
                "approved", event=w.home_event, given="Approved"
            ),
            "other_approved": lambda w: make.case_at(
                "approved", event=w.other_event, given="Approved"
            ),
            "home_citizen": lambda w: make.case_at(
                "oath", event=w.home_event, given="Citizen", **CITIZEN
            ),
            "other_citizen": lambda w: make.case_at(
                "oath", event=w.other_event, given="Citizen", **CITIZEN
            ),
            "election": lambda w: make.election(),
        },
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
