"""Check-in at a clinic day: search, pick someone on file, or create a new record."""

from datetime import date

import pytest
from sqlalchemy import func, select

from clinic.auth.models import User
from clinic.cases import services as case_services
from clinic.cases.models import Applicant, Case
from clinic.clock import utcnow
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
    for name in ("family_names", "date_of_birth"):  # beside each field, and in the summary
        assert "Needed to start a new record." in page.split(f'id="{name}-error"')[1][:80]
        assert f'<a href="#{name}">' in page
    assert 'id="given_names-error"' not in page
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


HOST = "Lawrence Community Works"
PARTNER = "Casa Latina"


def partner_day(make, login_as, role="volunteer", *, staffed=True):
    """A host's clinic day with Casa Latina as partner, and a Casa Latina user logged in."""
    client = login_as(role, organization=PARTNER)
    event = make.event(HOST, partners=[PARTNER], staff=[client.user] if staffed else ())
    return client, event


def someone_never_at(make, stage="closed"):
    """A host applicant seen at another of the host's days, with a case at `stage`."""
    earlier = make.event(HOST, name="Earlier day", held_on=date(2026, 6, 6))
    made = make.case_at(stage, event=earlier, given="Hidden", family="Person")
    with make.app.app_context():
        applicant = db.session.get(Applicant, made.applicant_id)
        applicant.a_number, applicant.phone = "987654321", "6175550123"
        applicant.date_of_birth = date(1970, 1, 15)
        db.session.commit()
    return made


def session_of(app, client):
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"], domain="clinic.test")
    return app.session_interface.get_signing_serializer(app).loads(cookie.value)


@pytest.mark.parametrize(
    "clues",
    [
        {"given_names": "Hidden", "family_names": "Person"},
        {"a_number": "A-987-654-321"},
        {"phone": "(617) 555-0123"},
    ],
    ids=["name", "a_number", "phone"],
)
def test_a_partner_finds_only_people_already_at_the_day(app, login_as, make, clues):
    partner, event = partner_day(make, login_as)
    make.case(event, given="Ana", family="Person", phone="617-555-0123")
    someone_never_at(make)
    page = page_text(
        partner.post(f"/events/{event.id}/check-in", data={**clues, "action": "search"})
    )
    assert "Hidden Person" not in page and "01/15/1970" not in page
    if "a_number" not in clues:  # the day's own person shares the surname and the phone
        assert "Ana Person" in page


def test_the_hosts_own_people_find_anyone_of_their_organization(login_as, make):
    volunteer = login_as("volunteer", organization=HOST)
    event = make.event(HOST, partners=[PARTNER])
    someone_never_at(make)
    page = page_text(
        volunteer.post(
            f"/events/{event.id}/check-in", data={"a_number": "987654321", "action": "search"}
        )
    )
    assert "Hidden Person" in page and "same A-number" in page


def test_a_partner_cannot_check_in_someone_never_at_the_day(app, login_as, make):
    partner, event = partner_day(make, login_as)
    hidden = someone_never_at(make)
    before = count(app, Case)
    response = partner.post(f"/events/{event.id}/check-in/{hidden.applicant_id}")
    assert response.status_code == 404 and count(app, Case) == before


def test_a_partner_not_on_the_staff_sees_the_day_but_not_who_came(login_as, make):
    partner, event = partner_day(make, login_as, staffed=False)
    case = make.case(event, given="Ana", family="Person")
    assert "Citizenship Day" in page_text(partner.get("/events/"))
    page = page_text(partner.get(f"/events/{event.id}"))
    assert "Citizenship Day" in page and "Public Library" in page
    assert "Ana Person" not in page and "Check someone in" not in page
    assert partner.get(f"/events/{event.id}/check-in").status_code == 404
    assert partner.post(f"/events/{event.id}/check-in/{case.applicant_id}").status_code == 404
    assert partner.get(f"/cases/{case.id}").status_code == 404


def test_a_partner_creates_new_people_in_the_host_organization(app, login_as, make):
    partner, event = partner_day(make, login_as)
    response = partner.post(f"/events/{event.id}/check-in", data={**NEW_PERSON, "action": "create"})
    assert response.status_code == 302
    host_id = make.organization(HOST).id
    with app.app_context():
        applicant = db.session.scalar(select(Applicant))
        assert applicant.organization_id == host_id
        assert [case.event_id for case in applicant.cases] == [event.id]


def test_a_person_with_a_case_in_review_is_not_given_a_second_case(app, login_as, make):
    volunteer = login_as("volunteer", organization=HOST)
    event = make.event(HOST)
    in_review = someone_never_at(make, stage="in_review")
    response = volunteer.post(f"/events/{event.id}/check-in/{in_review.applicant_id}")
    assert response.headers["Location"].endswith(f"/cases/{in_review.id}/intake/contact")
    assert count(app, Case) == 1
    with app.app_context():
        reference = db.session.get(Case, in_review.id).reference
    assert session_of(app, volunteer)["_flashes"] == [
        ("info", f"This person already has an open case: case {reference}.")
    ]


def test_a_filed_case_is_reused_and_opens_on_the_case_page(app, login_as, make):
    volunteer = login_as("volunteer", organization=HOST)
    event = make.event(HOST)
    filed = someone_never_at(make, stage="filed")
    response = volunteer.post(f"/events/{event.id}/check-in/{filed.applicant_id}")
    assert response.headers["Location"].endswith(f"/cases/{filed.id}")
    assert count(app, Case) == 1


def test_a_partner_is_not_sent_to_an_open_case_of_another_day(app, login_as, make):
    partner, event = partner_day(make, login_as)
    earlier = make.case_at("closed", event=event, given="Ana", family="Person")
    later, host_volunteer = make.event(HOST, name="Later day"), make.user("volunteer", HOST)
    with app.app_context():
        open_elsewhere = case_services.open_case(
            db.session.get(Applicant, earlier.applicant_id),
            db.session.get(ClinicEvent, later.id),
            by=db.session.get(User, host_volunteer.id),
            now=utcnow(),
        )
        db.session.commit()
        open_elsewhere_id = open_elsewhere.id
    response = partner.post(f"/events/{event.id}/check-in/{earlier.applicant_id}")
    assert response.headers["Location"].endswith(f"/events/{event.id}")
    assert count(app, Case) == 2
    assert partner.get(f"/cases/{open_elsewhere_id}").status_code == 404


def test_the_session_cookie_carries_no_applicant_name(app, login_as, make):
    volunteer = login_as("volunteer", organization=HOST)
    event = make.event(HOST)
    returning = someone_never_at(make)  # closed before: a new case at this day
    response = volunteer.post(f"/events/{event.id}/check-in/{returning.applicant_id}")
    assert count(app, Case) == 2
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.event_id == event.id))
        assert response.headers["Location"].endswith(f"/cases/{case.id}/intake/contact")
        reference = case.reference
    session = session_of(app, volunteer)
    assert session["_flashes"] == [("success", f"Checked in: case {reference}.")]
    assert "Hidden" not in repr(session) and "Person" not in repr(session)


# What the table sees when an answer is refused ----------------------------------------------


@pytest.mark.parametrize(
    ("answers", "field", "message"),
    [
        ({"date_of_birth": "12/24/2026"}, "date_of_birth", "A date of birth is in the past"),
        ({"date_of_birth": "02/30/2020"}, "date_of_birth", "This date doesn't exist."),
        ({"date_of_birth": "13/45/2020"}, "date_of_birth", "MM/DD/YYYY (or YYYY-MM-DD)"),
        ({"phone": "abc"}, "phone", "Write the phone in digits (7 to 15)"),
        ({"a_number": "A12-34"}, "a_number", "8 or 9 digits"),
        ({"given_names": "Maria" * 100}, "given_names", "longer than 200 characters"),
    ],
)
def test_check_in_refuses_what_the_interview_would_refuse(
    app, login_as, make, answers, field, message
):
    volunteer = login_as("volunteer")
    event = make.event(staff=[volunteer.user])
    response = volunteer.post(
        f"/events/{event.id}/check-in", data={**NEW_PERSON, **answers, "action": "create"}
    )
    page = page_text(response)
    assert response.status_code == 200
    assert message in page.split(f'id="{field}-error"')[1].split("</p>")[0]
    assert f'<a href="#{field}">' in page.split('class="form-errors"')[1]
    assert f'value="{next(iter(answers.values()))}"' in page
    assert "maxlength" not in page  # refused beside the field, never cut short by the browser
    assert count(app, Applicant) == 0


def test_check_in_says_every_error_at_once(login_as, make):
    volunteer = login_as("volunteer")
    event = make.event(staff=[volunteer.user])
    data = {"given_names": "Lan", "phone": "abc", "date_of_birth": "", "action": "create"}
    page = page_text(volunteer.post(f"/events/{event.id}/check-in", data=data))
    listed = page.split('class="form-errors"')[1].split("</div>")[0]
    assert "Nothing was saved: fix the 3 answers below." in listed
    for name in ("family_names", "date_of_birth", "phone"):
        assert f'<a href="#{name}">' in listed


def test_the_check_in_phone_is_a_phone_field(login_as, make):
    volunteer = login_as("volunteer")
    event = make.event(staff=[volunteer.user])
    page = page_text(volunteer.get(f"/events/{event.id}/check-in"))
    assert 'id="phone" name="phone" type="tel"' in page


@pytest.mark.parametrize(
    ("capacity", "message"),
    [
        ("0", "Enter at least 1."),
        ("2001", "Enter at most 2,000."),
        ("", "Enter how many"),
        ("forty", "Enter a whole number"),
    ],
)
def test_a_clinic_days_capacity_is_told_in_plain_words(login_as, capacity, message):
    coordinator = login_as("coordinator")
    data = {"name": "Day", "site": "Library", "held_on": "12/12/2026", "capacity": capacity}
    page = page_text(coordinator.post("/events/new", data=data))
    beside = page.split('id="capacity-error"')[1].split("</p>")[0]
    assert message in beside and "This field is required" not in beside


def test_a_clinic_days_date_names_both_forms(login_as):
    coordinator = login_as("coordinator")
    data = {"name": "Day", "site": "Library", "held_on": "", "capacity": "40"}
    page = page_text(coordinator.post("/events/new", data=data))
    assert "Give the date, as MM/DD/YYYY (or YYYY-MM-DD)." in page
