"""The station board: columns from stages, claims and the audit trail; initials only; alerts."""

import re

import pytest

from clinic.auth.models import User
from clinic.auth.roles import Role
from clinic.cases.models import Case
from clinic.extensions import db
from clinic.review import services as review
from tests.helpers import log_in_with

BORN = "1985-04-02"


@pytest.fixture
def day(make, login_as):
    """A clinic day with a coordinator of the host on its staff and one case per column."""
    event = make.event("Home Org", name="Board Day")
    coordinator = login_as(Role.COORDINATOR, organization="Home Org")
    volunteer = login_as(Role.VOLUNTEER, organization="Home Org", name="Vera Volunteer")
    cases = {
        "checked_in": make.case(event, given="Chidi", family="Okafor"),
        "interview": make.case(event, given="Ibrahim", family="Diallo"),
        "waiting": make.case_at("screened", event=event, given="Wen", family="Li"),
        "in_review": make.case_at("in_review", event=event, given="Rosa", family="Perez"),
        "decided": make.case_at("approved", event=event, given="Dara", family="Sok"),
        "done": make.case_at("filed", event=event, given="Nadia", family="Haddad"),
    }
    response = volunteer.post(
        f"/cases/{cases['interview'].id}/intake/trips", data={"any_trips": "no", "version": "1"}
    )
    assert response.status_code in (200, 302)
    attorney = make.user(Role.ATTORNEY, organization="Home Org", name="Ada Attorney")
    return {"event": event, "cases": cases, "coordinator": coordinator, "attorney": attorney}


def claim(app, case_id, attorney_id, clock):
    with app.app_context():
        case, user = db.session.get(Case, case_id), db.session.get(User, attorney_id)
        review.claim(case, user, clock())
        db.session.commit()


def wait(clock, client, event_id, minutes):
    """Let time pass while the board keeps polling (a session idles out after 30 minutes)."""
    while minutes > 0:
        step = min(minutes, 20)
        clock.advance(minutes=step)
        assert client.get(f"/events/{event_id}/board.json").status_code == 200
        minutes -= step


def columns_of(client, event_id):
    data = client.get(f"/events/{event_id}/board.json").get_json()
    return {c["key"]: [card["reference"] for card in c["cards"]] for c in data["columns"]}, data


def reference(app, case_id):
    with app.app_context():
        return db.session.get(Case, case_id).reference


def test_each_case_is_in_the_column_of_its_station(app, day, clock):
    claim(app, day["cases"]["in_review"].id, day["attorney"].id, clock)
    columns, _ = columns_of(day["coordinator"], day["event"].id)
    for key, case in day["cases"].items():
        assert columns[key] == [reference(app, case.id)], key


def test_a_decided_case_is_done_once_its_checklist_is_printed(app, day, clock):
    decided = day["cases"]["decided"].id
    clock.advance(minutes=1)
    assert day["coordinator"].get(f"/cases/{decided}/print/checklist").status_code == 200
    columns, _ = columns_of(day["coordinator"], day["event"].id)
    assert reference(app, decided) in columns["done"] and columns["decided"] == []


def test_cards_show_who_works_on_the_case(app, day, clock):
    claim(app, day["cases"]["in_review"].id, day["attorney"].id, clock)
    _, data = columns_of(day["coordinator"], day["event"].id)
    workers = {c["key"]: [card["worker"] for card in c["cards"]] for c in data["columns"]}
    assert workers["interview"] == ["Vera Volunteer"]
    assert workers["in_review"] == ["Ada Attorney"]


def test_an_expired_claim_puts_the_case_back_to_waiting(app, day, clock):
    claim(app, day["cases"]["in_review"].id, day["attorney"].id, clock)
    wait(clock, day["coordinator"], day["event"].id, app.config["REVIEW_CLAIM_MINUTES"] + 1)
    columns, _ = columns_of(day["coordinator"], day["event"].id)
    assert reference(app, day["cases"]["in_review"].id) in columns["waiting"]


def test_waiting_time_comes_from_the_stage_times_and_alerts_past_the_limit(make_app, make, clock):
    app = make_app(BOARD_ALERT_MINUTES=20)
    factory = make.__class__(app)
    event = factory.event("Home Org")
    waiting = factory.case(event)
    client = app.test_client()
    coordinator = factory.user(Role.COORDINATOR, organization="Home Org")
    log_in_with(client, coordinator)
    wait(clock, client, event.id, 19)
    card = client.get(f"/events/{event.id}/board.json").get_json()["columns"][0]["cards"][0]
    assert (card["minutes"], card["waited"], card["alert"]) == (19, "19 min", False)
    wait(clock, client, event.id, 66)
    data = client.get(f"/events/{event.id}/board.json").get_json()
    card = data["columns"][0]["cards"][0]
    assert (card["waited"], card["alert"], data["alerts"]) == ("1 h 25 min", True, 1)
    page = client.get(f"/events/{event.id}/board").get_data(as_text=True)
    assert "waiting long" in page and "1 waiting 20 min or more" in page
    assert waiting.id


def test_the_board_shows_initials_and_references_never_names_or_birth_dates(app, day):
    client, event_id = day["coordinator"], day["event"].id
    for path in (f"/events/{event_id}/board", f"/events/{event_id}/board/tv"):
        page = client.get(path).get_data(as_text=True)
        assert "CO" in page and "ID" in page  # Chidi Okafor, Ibrahim Diallo
        for personal in ("Chidi", "Okafor", "Diallo", "Nadia", BORN, "04/02/1985"):
            assert personal not in page
    text = client.get(f"/events/{event_id}/board.json").get_data(as_text=True)
    for personal in ("Chidi", "Okafor", "Diallo", BORN, "1985"):
        assert personal not in text


def test_the_page_without_javascript_shows_the_same_board_as_the_json(app, day, clock):
    claim(app, day["cases"]["in_review"].id, day["attorney"].id, clock)
    client, event_id = day["coordinator"], day["event"].id
    columns, _ = columns_of(client, event_id)
    page = client.get(f"/events/{event_id}/board").get_data(as_text=True)
    for key, references in columns.items():
        section = page.split(f'data-column="{key}"')[1].split("</section>")[0]
        assert re.findall(r'data-reference="([^"]+)"', section) == references


def test_reading_the_board_changes_nothing(app, day):
    with app.app_context():
        before = [(c.id, c.stage, c.version) for c in db.session.scalars(db.select(Case))]
    client = day["coordinator"]
    for path in ("board", "board/tv", "board.json"):
        assert client.get(f"/events/{day['event'].id}/{path}").status_code == 200
    with app.app_context():
        assert [(c.id, c.stage, c.version) for c in db.session.scalars(db.select(Case))] == before


def test_the_tv_mode_has_no_menu_and_scripts_come_from_static(app, day):
    client, event_id = day["coordinator"], day["event"].id
    tv = client.get(f"/events/{event_id}/board/tv").get_data(as_text=True)
    assert 'aria-label="Main"' not in tv and "Leave full screen" in tv
    page = client.get(f"/events/{event_id}/board").get_data(as_text=True)
    assert 'aria-label="Main"' in page
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts and all('src="/static/js/' in tag for tag in scripts)
    assert "<script>" not in page


def test_todays_boards_list_the_days_held_today_that_the_user_works(app, make, login_as):
    make.event("Home Org", name="Board Today", held_on=app.config["CLOCK"]().date())
    make.event("Home Org", name="Later Day")
    make.event("Other Org", name="Another Board", held_on=app.config["CLOCK"]().date())
    page = login_as(Role.VOLUNTEER, organization="Home Org").get("/board/").get_data(as_text=True)
    assert "Board Today" in page
    assert "Later Day" not in page and "Another Board" not in page
