"""Check-in at a clinic day: search, pick someone on file, or create a new record."""

from sqlalchemy import func, select

from clinic.cases.models import Applicant, Case
from clinic.events.models import ClinicEvent
from clinic.extensions import db
from tests.helpers import page_text

NEW_PERSON = {
    "given_names": "Thị Lan",
    "family_names": "Nguyễn",
    "date_of_birth": "04/02/1985",
    "a_number": "A123456789",
    "phone": "978-555-0199",
}


def count(app, model):
    with app.app_context():
        return db.session.scalar(select(func.count(model.id)))


def test_a_new_person_is_created_and_their_interview_opens(app, login_as, make):
    volunteer = login_as("volunteer")
    event = make.event(staff=[volunteer.user])
    response = volunteer.post(
        f"/events/{event.id}/check-in", data={**NEW_PERSON, "action": "create"}
    )
    assert response.status_code == 302 and "/intake/contact" in response.headers["Location"]
    assert count(app, Applicant) == 1 and count(app, Case) == 1


def test_a_likely_duplicate_must_be_confirmed_before_creating(app, login_as, make):
    volunteer = login_as("volunteer")
    event = make.event(staff=[volunteer.user])
    make.case(event, given="Thị Lan", family="Nguyễn")
    typed_differently = {
        **NEW_PERSON,
        "given_names": "Lan",
        "family_names": "NGUYEN THI",
        "a_number": "",
    }
    page = page_text(
        volunteer.post(
            f"/events/{event.id}/check-in", data={**typed_differently, "action": "create"}
        )
    )
    assert "This may be someone already on file" in page
    assert "Thị Lan Nguyễn" in page
    assert 'value="NGUYEN THI"' in page  # typed values kept
    assert count(app, Applicant) == 1
    response = volunteer.post(
        f"/events/{event.id}/check-in",
        data={**typed_differently, "action": "create", "confirm_new": "y"},
    )
    assert response.status_code == 302 and count(app, Applicant) == 2


def test_the_same_a_number_cannot_be_created_twice(app, login_as, make):
    volunteer = login_as("volunteer")
    event = make.event(staff=[volunteer.user])
    make.case(event, a_number="A123456789")
    page = page_text(
        volunteer.post(
            f"/events/{event.id}/check-in",
            data={
                **NEW_PERSON,
                "given_names": "Other",
                "family_names": "Person",
                "date_of_birth": "01/01/1960",
                "action": "create",
                "confirm_new": "y",
            },
        )
    )
    assert "already on file" in page and count(app, Applicant) == 1


def test_picking_someone_on_file_reuses_their_open_case(app, login_as, make):
    volunteer = login_as("volunteer")
    event = make.event(staff=[volunteer.user])
    case = make.case(event)
    response = volunteer.post(f"/events/{event.id}/check-in/{case.applicant_id}")
    assert f"/cases/{case.id}/intake/contact" in response.headers["Location"]
    assert count(app, Case) == 1


def test_names_and_numbers_never_go_in_the_url(login_as, make):
    volunteer = login_as("volunteer")
    event = make.event(staff=[volunteer.user])
    page = volunteer.get(f"/events/{event.id}/check-in").get_data(as_text=True)
    assert 'method="post"' in page and 'method="get"' not in page


def test_a_new_record_needs_names_and_birth_date(app, login_as, make):
    volunteer = login_as("volunteer")
    event = make.event(staff=[volunteer.user])
    page = page_text(
        volunteer.post(
            f"/events/{event.id}/check-in", data={"given_names": "Lan", "action": "create"}
        )
    )
    assert page.count("Needed to start a new record.") == 2
    assert count(app, Applicant) == 0


def test_coordinator_plans_a_day_with_partners_and_staff(app, login_as, make):
    coordinator = login_as("coordinator")
    partner = make.organization("Casa Latina")
    helper = make.user("volunteer", organization="Casa Latina")
    response = coordinator.post(
        "/events/new",
        data={
            "name": "Citizenship Day",
            "site": "Lawrence Library",
            "held_on": "12/12/2026",
            "capacity": "60",
            "partners": [str(partner.id)],
        },
    )
    assert response.status_code == 302
    event_url = response.headers["Location"]
    coordinator.post(f"{event_url}/staff", data={"user_id": str(helper.id)})
    page = page_text(coordinator.get(event_url))
    assert "Casa Latina" in page and "Test Volunteer" in page
    with app.app_context():
        event = db.session.scalar(select(ClinicEvent))
        assert [s.user_id for s in event.staff] == [helper.id]


def test_staff_from_outside_the_day_is_refused(app, login_as, make):
    coordinator = login_as("coordinator")
    event = make.event()
    stranger = make.user("volunteer", organization="Unrelated Org")
    page = page_text(
        coordinator.post(
            f"/events/{event.id}/staff", data={"user_id": str(stranger.id)}, follow_redirects=True
        )
    )
    assert "Choose someone from the list." in page


def test_a_second_check_in_typed_differently_finds_the_first_record(login_as, make):
    volunteer = login_as("volunteer")
    event = make.event(staff=[volunteer.user])
    make.case(event, given="Thị Lan", family="Nguyễn", a_number="A123456789")
    page = page_text(
        volunteer.post(
            f"/events/{event.id}/check-in",
            data={
                "given_names": "lan",
                "family_names": "NGUYEN-THI",
                "a_number": "A-123-456-789",
                "action": "search",
            },
        )
    )
    assert "Thị Lan Nguyễn" in page and "same A-number" in page
    assert "This may be someone already on file" in page
