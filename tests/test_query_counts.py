"""The lists that grow run the same number of SQL statements whatever the number of rows they
show (no query per row): each page is opened with a few cases, then with several more."""

from datetime import timedelta

import pytest
from sqlalchemy import event, update

from clinic.cases.models import Case
from clinic.clock import utcnow
from clinic.extensions import db
from tests.helpers import page_text
from tests.intake.answers import case_version, complete_interview, post_section
from tests.voter.test_voter import CITIZEN, RESIDES_IN_MA

LISTS = [
    # (who opens it, the list, a row it shows once the later cases are added)
    ("coordinator", "/cases/", "Person6 Doe"),
    ("attorney", "/review/", "Person6 Doe"),
    ("coordinator", "/cases/follow-up/documents", "Person6 Doe"),
    ("coordinator", "/cases/follow-up/stuck?days=1", "Person6 Doe"),
    ("coordinator", "/cases/follow-up/come-back", "Person5 Doe"),
    ("coordinator", "/voter/follow-up", "Citizen6 Souza"),
    ("coordinator", "/events/{event}", "Person6 Doe"),
    ("admin", "/admin/audit", None),  # a page of events, already full with the first cases
    ("admin", "/admin/users", "helper6@example.org"),
]


def add_cases(make, volunteer, event, count, start):
    """`count` people screened and sent to review (one not yet eligible), and as many citizens
    after their oath, and as many colleagues (users)."""
    for n in range(start, start + count):
        case = make.case(event, given=f"Person{n}", family="Doe", by=volunteer.user)
        complete_interview(
            volunteer,
            case.id,
            contact={"given_names": f"Person{n}", "family_names": "Doe"},
            green_card={"a_number": f"A-{n:03}-456-789"},
        )
        if n % 2:  # resident too recently: a not-yet screening, for the come-back list
            post_section(
                volunteer,
                case.id,
                "green_card",
                {"lpr_since": "06/01/2024", "a_number": f"A-{n:03}-456-789"},
            )
        else:
            for step in ("finish_intake", "send_to_review"):
                volunteer.post(
                    f"/cases/{case.id}/step/{step}",
                    data={"version": case_version(volunteer, case.id)},
                )
        make.case_at("oath", event=event, given=f"Citizen{n}", answers=RESIDES_IN_MA, **CITIZEN)
        make.user("volunteer", email=f"helper{n}@example.org")
    with make.app.app_context():  # in their stage two days: on the stuck list
        db.session.execute(update(Case).values(stage_changed_at=utcnow() - timedelta(days=2)))
        db.session.commit()


def statements(app, client, path):
    """(how many SQL statements the page ran, its text)."""
    counted = []

    def count(*args):
        counted.append(1)

    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", count)
        try:
            response = client.get(path)
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
    assert response.status_code == 200, path
    return len(counted), page_text(response)


@pytest.fixture
def world(app, make, login_as):
    volunteer = login_as("volunteer")
    return volunteer, make.event(staff=[volunteer.user])


def test_no_list_runs_a_query_per_row(app, make, login_as, world):
    volunteer, clinic_day = world
    clients = {role: login_as(role) for role in ("coordinator", "attorney", "admin")}
    paths = [(role, path.format(event=clinic_day.id), row) for role, path, row in LISTS]
    add_cases(make, volunteer, clinic_day, 2, 0)
    few = {path: statements(app, clients[role], path) for role, path, _ in paths}
    add_cases(make, volunteer, clinic_day, 5, 2)
    for role, path, row in paths:
        count, text = statements(app, clients[role], path)
        if row:
            assert row in text and row not in few[path][1], path
        assert count == few[path][0], path
