"""Someone checked in at one member organization who is on file at another: the volunteer is
told only that; the coalition admin sees both records and links them."""

from datetime import date

from sqlalchemy import select

from clinic.cases.models import PossibleDuplicate
from clinic.extensions import db
from tests.helpers import page_text

NOTICE = "may already be on file at another member organization; ask your coordinator"
SAME_PERSON = {
    "given_names": "Muhammad",
    "family_names": "Abdi Warsame",
    "date_of_birth": "05/12/1991",
    "a_number": "",
    "phone": "",
}


def on_file_at_other_org(make):
    other_day = make.event("Somali Community Center", name="Other day")
    return make.case(
        other_day,
        given="Mohamed",
        family="Abdi Warsame",
        born=date(1991, 5, 12),
        phone="617-555-0142",
    )


def test_the_search_says_someone_may_be_on_file_elsewhere_and_shows_none_of_their_data(
    login_as, make
):
    on_file_at_other_org(make)
    volunteer = login_as("volunteer")
    event = make.event(staff=[volunteer.user])
    response = volunteer.post(
        f"/events/{event.id}/check-in", data={**SAME_PERSON, "action": "search"}
    )
    page = page_text(response)
    assert NOTICE in page
    assert "Nobody on file matches" in page  # nothing of theirs is listed
    for their_data in ("Mohamed", "Somali Community Center", "617", "0142", "Other day"):
        assert their_data not in page


def test_no_notice_when_nobody_elsewhere_looks_like_the_person(login_as, make):
    make.case(make.event("Somali Community Center"), given="Halima", family="Nur")
    volunteer = login_as("volunteer")
    event = make.event(staff=[volunteer.user])
    response = volunteer.post(
        f"/events/{event.id}/check-in", data={**SAME_PERSON, "action": "search"}
    )
    assert NOTICE not in page_text(response)


def test_creating_the_record_notes_the_pair_for_the_coalition_admin(app, login_as, make):
    other = on_file_at_other_org(make)
    volunteer = login_as("volunteer")
    event = make.event(staff=[volunteer.user])
    response = volunteer.post(
        f"/events/{event.id}/check-in",
        data={**SAME_PERSON, "action": "create"},
        follow_redirects=True,
    )
    assert NOTICE in page_text(response)
    assert "Somali Community Center" not in page_text(response)
    with app.app_context():
        pair = db.session.scalars(select(PossibleDuplicate)).one()
        assert pair.other_applicant_id == other.applicant_id
        assert pair.applicant.full_name == "Muhammad Abdi Warsame"


def test_the_admin_sees_both_records_and_links_them(app, login_as, make):
    other = on_file_at_other_org(make)
    here = make.case(make.event(), given="Muhammad", family="Abdi Warsame", born=date(1991, 5, 12))
    pair_id = make.possible_duplicate(here, other)
    admin = login_as("admin")
    page = page_text(admin.get("/admin/possible-duplicates"))
    assert "Mohamed Abdi Warsame" in page and "Muhammad Abdi Warsame" in page
    assert "Somali Community Center" in page and "Lawrence Community Works" in page
    response = admin.post(f"/admin/possible-duplicates/{pair_id}/link", follow_redirects=True)
    assert "Linked by" in page_text(response)
    with app.app_context():
        assert db.session.get(PossibleDuplicate, pair_id).linked_by_id == admin.user.id


def test_a_coordinator_cannot_see_the_pairs(login_as, make):
    other = on_file_at_other_org(make)
    here = make.case(make.event(), given="Muhammad", family="Abdi Warsame", born=date(1991, 5, 12))
    make.possible_duplicate(here, other)
    coordinator = login_as("coordinator")
    assert coordinator.get("/admin/possible-duplicates").status_code == 403
