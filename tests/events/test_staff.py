"""Staffing a clinic day: the list offers only people not on the staff yet, and says when
everyone is on it."""

import re

from sqlalchemy import func, select

from clinic.audit import AuditEvent
from clinic.events.models import EventStaff
from clinic.extensions import db
from tests.helpers import page_text

HOST = "Lawrence Community Works"
PARTNER = "Merrimack Valley Immigrant Center"


def offered(page):
    """The names in the add-to-staff select, or None when there is no select."""
    select_html = re.search(r'<select[^>]*name="user_id".*?</select>', page, re.S)
    if select_html is None:
        return None
    return re.findall(r"<option[^>]*>([^<(]*) \(", select_html.group(0))


def count(app, model, **where):
    with app.app_context():
        query = select(func.count(model.id)).filter_by(**where)
        return db.session.scalar(query)


def test_the_list_offers_only_people_not_on_the_staff_yet(login_as, make):
    coordinator = login_as("coordinator", organization=HOST, name="Ana Coordinator")
    added = make.user("volunteer", organization=HOST, name="Bea Added")
    make.user("volunteer", organization=HOST, name="Cal Waiting")
    make.user("attorney", organization=PARTNER, name="Dee Partner")
    make.user("volunteer", organization="Elsewhere Legal", name="Eve Elsewhere")
    event = make.event(organization=HOST, partners=[PARTNER], staff=[added])
    page = page_text(coordinator.get(f"/events/{event.id}"))
    assert offered(page) == ["Ana Coordinator", "Cal Waiting", "Dee Partner"]
    assert "Bea Added · Volunteer" in page  # on the staff list, not offered again


def test_when_everyone_is_on_the_staff_the_page_says_so(login_as, make):
    coordinator = login_as("coordinator", organization=HOST)
    volunteer = make.user("volunteer", organization=HOST)
    event = make.event(organization=HOST, staff=[coordinator.user, volunteer])
    page = page_text(coordinator.get(f"/events/{event.id}"))
    assert offered(page) is None
    assert "Add to staff" not in page
    assert "Everyone at the host and partner organizations who can staff this day" in page


def test_adding_someone_takes_them_off_the_list(app, login_as, make):
    coordinator = login_as("coordinator", organization=HOST, name="Ana Coordinator")
    volunteer = make.user("volunteer", organization=HOST, name="Cal Waiting")
    event = make.event(organization=HOST)
    response = coordinator.post(f"/events/{event.id}/staff", data={"user_id": volunteer.id})
    assert response.status_code == 302
    page = page_text(coordinator.get(f"/events/{event.id}"))
    assert offered(page) == ["Ana Coordinator"]
    assert "Cal Waiting · Volunteer" in page
    assert count(app, EventStaff, event_id=event.id) == 1


def test_adding_someone_already_on_the_staff_says_so_and_adds_nothing(app, login_as, make):
    coordinator = login_as("coordinator", organization=HOST)
    volunteer = make.user("volunteer", organization=HOST)
    event = make.event(organization=HOST, staff=[volunteer])
    audited = count(app, AuditEvent, action="events.staff_added")
    response = coordinator.post(
        f"/events/{event.id}/staff", data={"user_id": volunteer.id}, follow_redirects=True
    )
    assert "That person is already on this day's staff." in page_text(response)
    assert count(app, EventStaff, event_id=event.id) == 1
    assert count(app, AuditEvent, action="events.staff_added") == audited


def test_someone_off_the_list_is_refused(app, login_as, make):
    coordinator = login_as("coordinator", organization=HOST)
    outsider = make.user("volunteer", organization="Elsewhere Legal")
    event = make.event(organization=HOST)
    response = coordinator.post(
        f"/events/{event.id}/staff", data={"user_id": outsider.id}, follow_redirects=True
    )
    assert "Choose someone from the list." in page_text(response)
    assert count(app, EventStaff, event_id=event.id) == 0


def test_a_day_nobody_can_staff_yet_says_whom_to_invite(login_as, make):
    admin = login_as("admin", organization="Coalition Office")
    event = make.event(organization="New Member Church")
    page = page_text(admin.get(f"/events/{event.id}"))
    assert offered(page) is None
    assert "Nobody at the host or partner organizations can staff this day yet" in page
