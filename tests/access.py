"""The access-matrix helper: every route, every role, and another organization's objects.

A route is declared once with the roles that may use it. `check_route` then asserts:
anonymous -> redirect to login; a role not allowed -> 403; an allowed role -> an OK status;
and, when the route names an object, an allowed role of another organization -> 404
(coalition admins excepted: they may see every organization's objects).

Partners work a day's cases, they do not browse the host's records. Home Org's day
(`home_event`) lists Partner Org as a partner; a route's `partner` says what Partner Org's
people get on its path, once on the day's staff and once not, and `other_day_path` points the
route at a Home Org object outside that day (a case of another day, someone never at the
day), which they never reach (404) and where a refused request opens no case.
"""

from dataclasses import dataclass, field
from datetime import date

from clinic.auth.roles import Role

ALL_ROLES = frozenset(Role)
PARTNER_ROLES = frozenset({Role.VOLUNTEER, Role.COORDINATOR, Role.ATTORNEY})
CITIZEN = {
    "oath_on": date(2026, 11, 20),
    "oath_place": "Boston",
    "certificate_number": "A1234567",
    "answers": {"residence": {"state": "MA"}},
}


@dataclass(frozen=True)
class PartnerAccess:
    """The statuses Partner Org's people get on a route's path on the partnered day: `staffed`
    (None: the route's own `ok`) when on its staff, `unstaffed` when not; `staff_only`, a
    callable taking the world, gives text of the page that only the day's staff may read."""

    staffed: tuple = None
    unstaffed: tuple = (404,)
    staff_only: object = None

    def expected(self, staffed, ok):
        return (self.staffed or ok) if staffed else self.unstaffed


DAY_WORK = PartnerAccess()  # the day's staff from a partner work it; other partners get 404
HOST_ONLY = PartnerAccess(staffed=(404,))  # the host's own: never a partner's, staffed or not


@dataclass(frozen=True)
class Route:
    endpoint: str
    method: str
    path: object  # a string, or a callable taking the world and returning one
    allowed: frozenset = ALL_ROLES
    data: object = None  # a dict, or a callable taking the world
    ok: tuple = (200, 302)
    other_org_path: object = None  # a callable: the same route on another organization's object
    partner: PartnerAccess = None  # what a partner organization's people get on `path`
    other_day_path: object = None  # a callable: the route on a host object outside the day
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
    """Two organizations with their clinic days, cases, packets and new citizens; Partner Org
    is a partner on Home Org's day `home_event`, not on its `home_other_day`."""
    make.organization("Home Org")
    make.organization("Other Org")
    make.organization("Partner Org")
    invitee = make.user(Role.VOLUNTEER, organization="Home Org", password=None)
    return World(
        make,
        {
            "home": lambda w: make.organization("Home Org"),
            "other": lambda w: make.organization("Other Org"),
            "invitee": lambda w: invitee,
            "home_event": lambda w: make.event("Home Org", partners=["Partner Org"]),
            "home_other_day": lambda w: make.event(
                "Home Org", held_on=date(2026, 12, 19), name="Another day"
            ),
            "other_event": lambda w: make.event("Other Org"),
            "home_case": lambda w: make.case(w.home_event),
            "other_case": lambda w: make.case(w.other_event, given="Other", family="Person"),
            "home_elsewhere": lambda w: make.case(w.home_other_day, given="Elsewhere"),
            "home_former": lambda w: make.case_at("closed", event=w.home_other_day, given="Former"),
            "staff_on_day": lambda w: lambda user: make.staff(w.home_event, user),
            "case_count": lambda w: make.count_cases,
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
            "home_elsewhere_approved": lambda w: make.case_at(
                "approved", event=w.home_other_day, given="Approved"
            ),
            "home_elsewhere_citizen": lambda w: make.case_at(
                "oath", event=w.home_other_day, given="Citizen", **CITIZEN
            ),
            "election": lambda w: make.election(),
            "possible_duplicate": lambda w: make.possible_duplicate(w.home_case, w.other_case),
            "imported_bundle": lambda w: make.imported_bundle(w.home_event),
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

    # Before the host's people act: an edit of the day may drop its partners.
    if route.partner is not None or route.other_day_path is not None:
        check_partners(login_as, world, route, path)

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


def check_partners(login_as, world, route, path):
    """Partner Org's people, on the partnered day's staff and not, on the day and beyond it."""
    staff_only = route.partner and route.resolve(route.partner.staff_only, world)
    beyond = route.resolve(route.other_day_path, world)
    for role in sorted(route.allowed & PARTNER_ROLES):
        for staffed in (False, True):
            client = login_as(role, organization="Partner Org")
            if staffed:
                world.staff_on_day(client.user)
            who = f"{route}: {'staffed' if staffed else 'unstaffed'} partner {role}"
            if route.partner is not None:
                response = request(client, route, path, world)
                expected = route.partner.expected(staffed, route.ok)
                assert response.status_code in expected, f"{who} got {response.status_code}"
                if staff_only:
                    shown = staff_only in response.get_data(as_text=True)
                    assert shown == staffed, f"{who}: {staff_only!r} shown={shown}"
            if beyond is not None:
                cases_before = world.case_count()
                response = request(client, route, beyond, world)
                assert response.status_code == 404, (
                    f"{who} reached the host's object beyond the day ({response.status_code})"
                )
                assert world.case_count() == cases_before, f"{who} opened a case"
