"""The whole N-400 in the interview: every part asked, bad input refused beside its field with
what was typed kept, the screening reading the same answers, Part 9 item by item."""

import pytest

from clinic.cases.models import Case
from clinic.extensions import db
from clinic.intake import services
from clinic.intake.answers import all_answers
from clinic.intake.part9 import ITEMS, part9
from tests.helpers import page_text
from tests.intake.answers import (
    case_version,
    complete_interview,
    n400_interview,
    post_section,
)


@pytest.fixture
def volunteer(login_as):
    return login_as("volunteer")


@pytest.fixture
def case(make, volunteer):
    return make.case(make.event(staff=[volunteer.user]), by=volunteer.user)


def post(client, case_id, key, data):
    data = {**data, "version": case_version(client, case_id, key)}
    return client.post(f"/cases/{case_id}/intake/{key}", data=data)


def latest_run(app, case_id):
    with app.app_context():
        run = db.session.get(Case, case_id).latest_screening
        return run.facts_hash, run.result


def test_a_whole_n400_interview_leaves_nothing_missing(app, volunteer, case):
    complete_interview(volunteer, case.id)
    n400_interview(volunteer, case.id, volunteer.user.id)
    with app.app_context():
        record = db.session.get(Case, case.id)
        assert [(s.key, missing) for s, missing in services.n400_status(record) if missing] == []
        items = part9(all_answers(record))
    # Asked only after a "yes" (or, 22, of men; 26-29, of those who served).
    follow_ups = {"10.b", "10.c", "16", "22.a", "22.b", "26.a", "26.b", "26.c", "27", "28"}
    follow_ups |= {"29", "30.b"}
    assert {item for item, answer in items.items() if answer is None} == follow_ups
    assert set(ITEMS) >= follow_ups and items["25"] is False and items["34"] is True


def test_the_n400_questions_leave_the_screening_as_it_was(app, volunteer, case):
    complete_interview(volunteer, case.id)
    before = latest_run(app, case.id)
    n400_interview(volunteer, case.id, volunteer.user.id)
    assert latest_run(app, case.id) == before


def test_a_part9_yes_asked_on_its_own_reaches_the_screening(app, volunteer, case):
    complete_interview(volunteer, case.id)
    n400_interview(
        volunteer,
        case.id,
        volunteer.user.id,
        conduct={"gambling": "yes", "explanation": "Card games for money in 2019, fined $50."},
        groups={"torture": "yes", "explanation": "Conscripted guard, 1998."},
    )
    _, result = latest_run(app, case.id)
    codes = {finding["code"] for finding in result["findings"]}
    assert {"GMC_CONCERN", "PERMANENT_BAR"} <= codes


def test_a_yes_without_its_explanation_is_still_to_answer(volunteer, case):
    complete_interview(volunteer, case.id)
    n400_interview(volunteer, case.id, volunteer.user.id)
    post(volunteer, case.id, "weapons", {"weapon_group": "yes"})
    page = page_text(volunteer.get(f"/cases/{case.id}/intake/weapons"))
    assert "Still to answer for the N-400" not in page  # a section of the N-400's own
    assert (
        "In that group: ever used a weapon against another person?"
        in page.split("Still to answer:")[1].split("</div>")[0]
    )
    assert "Explain every" in page.split("Still to answer:")[1].split("</div>")[0]


@pytest.mark.parametrize(
    ("key", "data", "message"),
    [
        ("biographic", {"height_feet": "9", "height_inches": "2"}, "from 3 to 8"),
        ("biographic", {"height_feet": "5", "height_inches": "14"}, "from 0 to 11"),
        ("biographic", {"weight_pounds": "1500"}, "from 30 to 999"),
        ("names", {"ssn": "12-34", "ssa_card": "yes"}, "9 digits"),
        ("names", {"uscis_account_number": "abc"}, "12 digits"),
        ("residence", {"mailing_same": "no", "mailing_zip": "0184!"}, "ZIP or postal code"),
        ("conduct", {"gambling": "yes", "explanation": "x" * 5000}, "under 2,000 characters"),
    ],
)
def test_bad_input_is_refused_beside_its_field_with_every_answer_kept(
    volunteer, case, key, data, message
):
    complete_interview(volunteer, case.id)
    response = post(volunteer, case.id, key, data)
    assert response.status_code == 200
    page = page_text(response)
    assert message in page
    for value in data.values():
        if value not in ("yes", "no"):
            assert value in page  # what was typed is shown again, for correcting


@pytest.mark.parametrize(
    ("key", "data"),
    [
        ("residence", {"addresses-0-moved_in": "03/15/1980"}),
        ("trips", {"trips-0-departed": "06/01/1979"}),
        ("marriage", {"children-0-name": "Ana", "children-0-date_of_birth": "01/02/1984"}),
        ("green_card", {"lpr_since": "01/01/1984"}),
    ],
)
def test_a_date_before_the_applicants_birth_is_refused(app, volunteer, case, key, data):
    complete_interview(volunteer, case.id)  # born 04/02/1985
    before = all_answers_of(app, case.id)
    response = post_section(volunteer, case.id, key, data)
    assert response.status_code == 200
    assert "before the applicant's date of birth" in page_text(response)
    assert all_answers_of(app, case.id) == before


def test_the_spouses_dates_may_come_before_the_applicants_birth(volunteer, case):
    complete_interview(volunteer, case.id)
    married = {
        "status": "married",
        "married_on": "06/01/2015",
        "spouse_citizen": "yes",
        "spouse_citizen_since": "02/01/1970",
        "spouse_citizen_by": "birth",
        "spouse_date_of_birth": "02/01/1970",
        "spouse_employed_abroad": "no",
    }
    assert post_section(volunteer, case.id, "marriage", married).status_code == 302


def all_answers_of(app, case_id):
    with app.app_context():
        return all_answers(db.session.get(Case, case_id))


def test_more_earlier_marriages_listed_than_counted_is_refused(volunteer, case):
    complete_interview(volunteer, case.id)
    rows = {"prior_spouses-0-name": "Minh Trần", "prior_spouses-0-how_ended": "divorce"}
    response = post_section(volunteer, case.id, "marriage", {"prior_marriages": "0", **rows})
    assert "1 earlier marriages are listed, but the answer above says 0." in page_text(response)


def test_the_eligibility_box_starts_from_the_screenings_path(volunteer, case):
    complete_interview(volunteer, case.id)
    page = volunteer.get(f"/cases/{case.id}/intake/eligibility").get_data(as_text=True)
    assert 'checked id="basis-0" name="basis" type="radio" value="316a"' in page


def test_the_preparer_is_chosen_from_the_organizations_staff(make, volunteer, case):
    outsider = make.user("volunteer", organization="Other Org", name="Otto Outsider")
    page = page_text(volunteer.get(f"/cases/{case.id}/intake/preparer"))
    assert "(Volunteer)" in page and "Otto Outsider" not in page
    response = post(volunteer, case.id, "preparer", {"preparer_id": str(outsider.id)})
    assert response.status_code == 200 and "Not a valid choice" in page_text(response)


def test_the_older_concern_list_keeps_a_stored_concern_but_asks_only_the_rest(app, volunteer, case):
    complete_interview(volunteer, case.id)
    page = page_text(volunteer.get(f"/cases/{case.id}/intake/character"))
    assert "Habitual drunkenness" in page and "Illegal gambling" not in page
    post_section(volunteer, case.id, "character", {"other_concerns": ["gambling"]})
    page = page_text(volunteer.get(f"/cases/{case.id}/intake/character"))
    assert "Illegal gambling" in page
    _, result = latest_run(app, case.id)
    assert "GMC_CONCERN" in {finding["code"] for finding in result["findings"]}
