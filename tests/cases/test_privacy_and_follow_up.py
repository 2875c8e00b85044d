"""A-numbers and record answers only where they belong; the coordinators' follow-up lists."""

import pytest

from tests.helpers import page_text
from tests.intake.answers import case_version, complete_interview, post_section

A_NUMBER_SHOWN = "123456789"


@pytest.fixture
def case_with_record(login_as, make):
    volunteer = login_as("volunteer")
    case = make.case(make.event(staff=[volunteer.user]), by=volunteer.user)
    complete_interview(volunteer, case.id)
    post_section(
        volunteer,
        case.id,
        "character",
        {
            "arrests_or_charges": "1",
            "convictions-0-date": "03/03/2024",
            "convictions-0-kind": "moral_turpitude",
            "convictions-0-details": "shoplifting",
        },
    )
    case.volunteer = volunteer
    return case


def test_lists_never_show_a_numbers(login_as, case_with_record):
    for role in ("volunteer", "coordinator", "attorney", "admin"):
        client = login_as(role)
        for path in ("/cases/", f"/events/{case_with_record.event_id}"):
            assert A_NUMBER_SHOWN not in page_text(client.get(path)), (role, path)


def test_volunteer_case_page_hides_the_a_number_and_record_details(case_with_record):
    page = page_text(case_with_record.volunteer.get(f"/cases/{case_with_record.id}"))
    assert A_NUMBER_SHOWN not in page
    assert "moral turpitude" not in page
    assert "An answer about the applicant's record needs an attorney's review." in page
    assert "Not eligible" in page  # the outcome itself is not hidden


def test_volunteer_sees_the_answers_while_doing_the_interview(case_with_record):
    page = page_text(
        case_with_record.volunteer.get(f"/cases/{case_with_record.id}/intake/character")
    )
    assert "shoplifting" in page
    page = page_text(
        case_with_record.volunteer.get(f"/cases/{case_with_record.id}/intake/green_card")
    )
    assert A_NUMBER_SHOWN in page


@pytest.mark.parametrize("role", ["coordinator", "attorney", "admin"])
def test_reviewing_roles_see_the_a_number_and_findings(login_as, case_with_record, role):
    page = page_text(login_as(role).get(f"/cases/{case_with_record.id}"))
    assert A_NUMBER_SHOWN in page
    assert "crime of moral turpitude" in page


def test_come_back_list_orders_not_yet_cases_by_date_with_phone(login_as, make):
    volunteer = login_as("volunteer")
    event = make.event(staff=[volunteer.user])
    for given, phone, resident_since in (
        ("Later", "9785550100", "06/01/2023"),
        ("Sooner", "9785550111", "06/01/2022"),
    ):
        case = make.case(event, given=given, family="Person")
        post_section(
            volunteer,
            case.id,
            "contact",
            {"given_names": given, "family_names": "Person", "phone": phone},
        )
        post_section(
            volunteer, case.id, "green_card", {"lpr_since": resident_since, "a_number": ""}
        )
    page = page_text(login_as("coordinator").get("/cases/follow-up/come-back"))
    assert page.index("Mar 3, 2027") < page.index("Sooner Person") < page.index("Mar 3, 2028")
    assert page.index("Sooner Person") < page.index("Later Person")
    assert "(978) 555-0111" in page and "(978) 555-0100" in page  # phones as people read them


def test_missing_documents_until_ticked(login_as, make):
    volunteer = login_as("volunteer")
    case = make.case(make.event(staff=[volunteer.user]), by=volunteer.user)
    complete_interview(volunteer, case.id)
    coordinator = login_as("coordinator")
    assert "Permanent resident card" in page_text(coordinator.get("/cases/follow-up/documents"))
    codes = ["GREEN_CARD", "PASSPORTS", "STATE_ID", "INCOME_EVIDENCE"]
    response = volunteer.post(
        f"/cases/{case.id}/documents",
        data={"brought": codes, "version": case_version(volunteer, case.id)},
    )
    assert response.status_code == 302
    assert "Every open case has its documents." in page_text(
        coordinator.get("/cases/follow-up/documents")
    )


def test_missing_documents_lists_only_what_is_still_to_bring(login_as, make):
    volunteer = login_as("volunteer")
    case = make.case(make.event(staff=[volunteer.user]), by=volunteer.user)
    complete_interview(volunteer, case.id)
    volunteer.post(
        f"/cases/{case.id}/documents",
        data={"brought": ["GREEN_CARD"], "version": case_version(volunteer, case.id)},
    )
    page = page_text(login_as("coordinator").get("/cases/follow-up/documents"))
    assert "Lan Nguyễn" in page and "All passports and travel documents" in page
    assert "Permanent resident card" not in page


def test_stuck_list_by_days_in_the_stage(login_as, make, clock):
    volunteer = login_as("volunteer")
    make.case(make.event(staff=[volunteer.user]), by=volunteer.user)
    clock.advance(days=31)
    coordinator = login_as("coordinator")
    assert "Lan Nguyễn" in page_text(coordinator.get("/cases/follow-up/stuck?days=30"))
    assert "No case has been waiting that long." in page_text(
        coordinator.get("/cases/follow-up/stuck?days=40")
    )
