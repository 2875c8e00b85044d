"""The interview: sections save on their own, keep typed values, screen the case live."""

import pytest
from sqlalchemy import select

from clinic.audit import AuditEvent
from clinic.cases.models import Applicant, Case, ScreeningRun
from clinic.cases.stages import Stage
from clinic.extensions import db
from clinic.intake.fields import MAX_ROWS
from tests.helpers import page_text
from tests.intake.answers import COMPLETE, case_version, complete_interview, post_section


@pytest.fixture
def volunteer(login_as):
    return login_as("volunteer")


@pytest.fixture
def case(make, volunteer):
    return make.case(make.event(staff=[volunteer.user]), by=volunteer.user)


def test_a_complete_interview_screens_the_case_and_goes_to_review(app, volunteer, case):
    complete_interview(volunteer, case.id)
    page = page_text(volunteer.get(f"/cases/{case.id}"))
    assert "Eligible to file now" in page
    assert "Reduced fee" in page  # 3 people on $42,000: under 400% of the guideline
    version = page.split('name="version" type="hidden" value="')[1].split('"')[0]
    assert (
        volunteer.post(
            f"/cases/{case.id}/step/finish_intake", data={"version": version}
        ).status_code
        == 302
    )
    version = case_version(volunteer, case.id)
    volunteer.post(f"/cases/{case.id}/step/send_to_review", data={"version": version})
    with app.app_context():
        record = db.session.get(Case, case.id)
        assert record.stage == Stage.IN_REVIEW
        assert record.applicant.a_number == "123456789"
        assert record.applicant.phone == "9785550199"
        steps = [
            e.details["step"]
            for e in db.session.scalars(
                select(AuditEvent).where(AuditEvent.action == "case.stage_changed")
            )
        ]
        assert steps == ["finish_intake", "send_to_review"]


def test_each_save_stores_a_screening_run_with_facts_and_hash(app, volunteer, case):
    post_section(volunteer, case.id, "contact")
    post_section(volunteer, case.id, "green_card")
    with app.app_context():
        run = db.session.scalar(select(ScreeningRun).where(ScreeningRun.case_id == case.id))
        assert run.facts["residence"]["lpr_since"] == "2019-03-15"
        assert len(run.facts_hash) == 64 and run.rules_version == "2026-11-30"
        assert run.result["contract"] == 1


def test_screening_waits_for_birth_date_and_resident_since(volunteer, case):
    post_section(volunteer, case.id, "contact")
    page = page_text(volunteer.get(f"/cases/{case.id}"))
    assert "Screening starts once" in page


@pytest.mark.parametrize(
    ("key", "answers", "field", "message"),
    [
        ("contact", {"date_of_birth": "31/31/1985"}, "date_of_birth", "MM/DD/YYYY"),
        ("green_card", {"lpr_since": "01/01/2030"}, "lpr_since", "in the future"),
        ("green_card", {"a_number": "A12-34"}, "a_number", "8 or 9 digits"),
        (
            "trips",
            {"trips-0-returned": "05/01/2023"},
            "trips-0-returned",
            "return is before the departure",
        ),
        ("household", {"income": "900000000"}, "income", "looks mistyped"),
        ("household", {"size": "0"}, "size", "1 to 30"),
    ],
)
def test_bad_answers_are_refused_beside_the_field_with_values_kept(
    volunteer, case, key, answers, field, message
):
    response = post_section(volunteer, case.id, key, answers)
    page = page_text(response)
    assert response.status_code == 200
    assert message in page
    typed = next(iter(answers.values()))
    assert f'value="{typed}"' in page
    assert f'id="{field}"' in page and 'aria-invalid="true"' in page


def test_overlapping_trips_are_refused(volunteer, case):
    page = page_text(
        post_section(
            volunteer,
            case.id,
            "trips",
            {"trips-1-departed": "07/01/2023", "trips-1-returned": "08/01/2023"},
        )
    )
    assert "Trips 1 and 2 overlap." in page
    assert 'value="08/01/2023"' in page


def test_iso_dates_are_accepted_too(app, volunteer, case):
    post_section(volunteer, case.id, "green_card", {"lpr_since": "2019-03-15"})
    with app.app_context():
        section = db.session.get(Case, case.id).section("green_card")
        assert section.answers["lpr_since"] == "2019-03-15"


def test_a_section_saves_partly_and_lists_what_is_missing(app, volunteer, case):
    response = volunteer.post(
        f"/cases/{case.id}/intake/taxes",
        data={"version": case_version(volunteer, case.id, "taxes"), "go": "stay"},
    )
    assert response.status_code == 302
    page = page_text(volunteer.get(f"/cases/{case.id}/intake/taxes"))
    assert "Still to answer:" in page and "Federal income taxes" in page


def test_rows_are_added_and_removed_without_losing_typed_answers(volunteer, case):
    data = {
        **COMPLETE["trips"],
        "version": case_version(volunteer, case.id, "trips"),
        "row_action": "add:trips",
    }
    page = page_text(volunteer.post(f"/cases/{case.id}/intake/trips", data=data))
    assert 'name="trips-1-departed"' in page and 'value="06/01/2023"' in page
    data["row_action"] = "remove:trips:0"
    page = page_text(volunteer.post(f"/cases/{case.id}/intake/trips", data=data))
    assert 'name="trips-0-departed"' not in page


def test_finishing_intake_needs_every_required_section(volunteer, case):
    post_section(volunteer, case.id, "contact")
    post_section(volunteer, case.id, "green_card")
    response = volunteer.post(
        f"/cases/{case.id}/step/finish_intake",
        data={"version": case_version(volunteer, case.id)},
        follow_redirects=True,
    )
    assert "Finish these sections first" in page_text(response)


def test_a_stale_save_gets_409_with_both_versions_and_saves_nothing(
    app, login_as, volunteer, case, make
):
    other = login_as("coordinator")
    stale = case_version(volunteer, case.id, "taxes")
    assert post_section(other, case.id, "taxes", {"taxes": "owed_with_plan"}).status_code == 302
    response = volunteer.post(
        f"/cases/{case.id}/intake/taxes", data={"taxes": "not_filed", "version": stale}
    )
    page = page_text(response)
    assert response.status_code == 409
    # Both versions, as the interview words them (not the stored codes).
    assert "Owes taxes, with a payment plan" in page and "Did not file some years" in page
    assert 'name="taxes" value="not_filed"' in page  # the typed answer is still there
    with app.app_context():
        assert db.session.get(Case, case.id).section("taxes").answers["taxes"] == "owed_with_plan"


def test_viewing_a_case_is_audited(app, volunteer, case):
    volunteer.get(f"/cases/{case.id}")
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "case.viewed"))
        assert event.actor_id == volunteer.user.id and event.object_id == case.id


def test_names_in_any_script_are_stored_and_shown(app, volunteer, case):
    post_section(volunteer, case.id, "contact", {"given_names": "محمد", "family_names": "王"})
    page = page_text(volunteer.get(f"/cases/{case.id}"))
    assert "محمد 王" in page
    with app.app_context():
        assert db.session.get(Applicant, case.applicant_id).family_names == "王"


def test_follow_up_questions_are_marked_to_appear_after_a_yes(volunteer, case):
    page = volunteer.get(f"/cases/{case.id}/intake/character").get_data(as_text=True)
    assert 'data-show-if="registered_or_voted" data-show-values="yes"' in page
    assert 'name="voting_details"' in page  # present without JavaScript too


def test_after_adding_a_row_the_focus_goes_to_its_first_field(volunteer, case):
    data = {
        **COMPLETE["trips"],
        "version": case_version(volunteer, case.id, "trips"),
        "row_action": "add:trips",
    }
    page = volunteer.post(f"/cases/{case.id}/intake/trips", data=data).get_data(as_text=True)
    new_row = page.split('name="trips-1-departed"')[0].rsplit("<input", 1)[1]
    assert "autofocus" in new_row
    assert page.count("autofocus") == 1
    data["row_action"] = "remove:trips:1"
    page = volunteer.post(f"/cases/{case.id}/intake/trips", data=data).get_data(as_text=True)
    assert 'id="add-trips" autofocus' in page


def _trip_rows(count):
    return {f"trips-{i}-destination": f"Trip {i}" for i in range(count)}


def test_adding_a_row_stops_at_the_cap_with_a_message(app, volunteer, case):
    data = {
        "any_trips": "yes",
        **_trip_rows(MAX_ROWS),
        "version": case_version(volunteer, case.id, "trips"),
        "row_action": "add:trips",
    }
    page = page_text(volunteer.post(f"/cases/{case.id}/intake/trips", data=data))
    assert f"At most {MAX_ROWS} rows can be listed here." in page
    assert f'name="trips-{MAX_ROWS - 1}-destination"' in page
    assert f'name="trips-{MAX_ROWS}-destination"' not in page


def test_more_rows_than_the_cap_are_refused_and_nothing_is_saved(app, volunteer, case):
    version = case_version(volunteer, case.id, "trips")
    data = {"any_trips": "yes", **_trip_rows(MAX_ROWS + 5), "version": version}
    response = volunteer.post(f"/cases/{case.id}/intake/trips", data=data)
    assert response.status_code == 200
    assert f"At most {MAX_ROWS} rows can be listed here." in page_text(response)
    with app.app_context():
        record = db.session.get(Case, case.id)
        assert record.section("trips") is None and str(record.version) == version


@pytest.mark.parametrize("number", ["²", "٣", "-1", "5", "99999999999999999999", ""])
def test_a_row_number_that_names_no_row_removes_nothing(volunteer, case, number):
    data = {
        **COMPLETE["trips"],
        "version": case_version(volunteer, case.id, "trips"),
        "row_action": f"remove:trips:{number}",
    }
    response = volunteer.post(f"/cases/{case.id}/intake/trips", data=data)
    assert response.status_code == 200
    page = page_text(response)
    assert 'name="trips-0-departed"' in page and 'value="06/01/2023"' in page


@pytest.mark.parametrize("odd", [" ", "maybe", "\x00", "Yes"])
def test_an_odd_yes_no_answer_is_refused_beside_the_question(app, volunteer, case, odd):
    version = case_version(volunteer, case.id, "military")
    response = post_section(volunteer, case.id, "military", {"served": odd}, version=version)
    page = page_text(response)
    assert response.status_code == 200
    assert "Answer yes or no." in page.split('id="served-group"')[1].split("</fieldset>")[0]
    with app.app_context():
        record = db.session.get(Case, case.id)
        assert record.section("military") is None and str(record.version) == version
