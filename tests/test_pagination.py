"""Every list that grows comes in pages with counts: empty, one page, the last page, a page
past the end, a filter matching nothing; the audit log pages by id without counting."""

import pytest

from clinic import audit
from clinic.extensions import db
from tests.helpers import page_text


@pytest.fixture
def small_pages(app):
    app.config["PAGE_SIZE"] = 2
    yield
    app.config.pop("PAGE_SIZE")


def test_an_empty_list_says_so_without_pages(login_as, small_pages):
    page = page_text(login_as("coordinator").get("/cases/"))
    assert "No cases here." in page and "Next page" not in page and " of 0 " not in page


def test_one_page_shows_its_count_and_no_links(login_as, make, small_pages):
    coordinator = login_as("coordinator")
    make.case(make.event(), given="Ana")
    page = page_text(coordinator.get("/cases/"))
    assert "1–1 of 1 cases" in page
    assert "Next page" not in page and "Previous page" not in page


def test_the_last_page_holds_the_rest(login_as, make, small_pages):
    coordinator = login_as("coordinator")
    event = make.event()
    for given in ("Ana", "Bea", "Cleo", "Dina", "Eva"):
        make.case(event, given=given, family="Reyes")
    first = page_text(coordinator.get("/cases/"))
    assert "1–2 of 5 cases" in first and "Page 1 of 3" in first and "Next page" in first
    last = page_text(coordinator.get("/cases/?page=3"))
    assert "5–5 of 5 cases" in last and "Previous page" in last and "Next page" not in last
    beyond = page_text(coordinator.get("/cases/?page=9"))
    assert "This page is past the last one." in beyond and "First page" in beyond


def test_a_filter_with_no_result_says_so_and_keeps_the_filter(login_as, make, small_pages):
    coordinator = login_as("coordinator")
    make.case(make.event())
    page = page_text(coordinator.get("/cases/?stage=approved"))
    assert "No case is at this stage." in page


def test_the_next_page_link_keeps_the_filter(login_as, make, small_pages):
    coordinator = login_as("coordinator")
    event = make.event()
    for given in ("Ana", "Bea", "Cleo"):
        make.case(event, given=given)
    html = coordinator.get("/cases/?stage=intake").get_data(as_text=True)
    assert 'href="/cases/?page=2&amp;stage=intake" rel="next"' in html


@pytest.mark.parametrize(
    ("url", "empty"),
    [
        ("/cases/follow-up/documents", "Every open case has its documents."),
        ("/cases/follow-up/stuck", "No case has been waiting that long."),
        ("/cases/follow-up/come-back", "Nobody is waiting for a date."),
        ("/voter/follow-up", "Nobody to follow up"),
        ("/admin/users?role=attorney", "Nobody matches these filters."),
    ],
)
def test_follow_up_and_admin_lists_page_and_say_when_empty(login_as, url, empty, small_pages):
    client = login_as("admin")
    page = page_text(client.get(url))
    assert empty in page


def test_the_roster_pages_with_its_total(login_as, make, small_pages):
    coordinator = login_as("coordinator")
    event = make.event()
    for given in ("Ana", "Bea", "Cleo"):
        make.case(event, given=given)
    page = page_text(coordinator.get(f"/events/{event.id}"))
    assert "Roster (3 of 40)" in page and "1–2 of 3 people" in page


def test_an_audit_action_with_no_event_says_so(login_as):
    page = page_text(login_as("admin").get("/admin/audit?action=no.such.action"))
    assert "No event with this action code." in page


def test_the_audit_log_older_link_reaches_the_oldest_event(app, login_as):
    admin = login_as("admin")
    with app.app_context():
        for number in range(120):
            audit.record("bench.tick", number=number)
        db.session.commit()
    first = admin.get("/admin/audit?action=bench.tick").get_data(as_text=True)
    assert first.count("bench.tick</code>") == 100
    assert 'rel="next">Older</a>' in first and ">Newest</a>" not in first
    before = first.split("before=")[1].split('"')[0].split("&")[0]
    older = admin.get(f"/admin/audit?action=bench.tick&before={before}").get_data(as_text=True)
    assert older.count("bench.tick</code>") == 20
    assert ">Newest</a>" in older and ">Older</a>" not in older
