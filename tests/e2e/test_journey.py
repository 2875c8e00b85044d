"""The whole clinic day in a real browser: set-up, check-in, interview, review, printing,
filing to the oath and voter registration. Each test builds on the journey's fixtures."""

import pytest
from playwright.sync_api import expect

from tests.e2e import journey
from tests.e2e.fixtures import pdf_text
from tests.e2e.people import add_row, expect_text, fill


def test_first_run_then_invitations_and_a_staffed_clinic_day(staffed):
    coordinator = staffed.as_("coordinator")
    coordinator.goto(staffed.day_url)
    expect(coordinator.get_by_role("heading", level=1)).to_contain_text("Lawrence Citizenship Day")
    expect_text(coordinator, "Vân Volunteer", "Ana Attorney")
    admin = staffed.as_("admin")
    admin.goto("/admin/users")
    for name, *_ in journey.STAFF:
        expect(admin.get_by_role("row", name=name)).to_contain_text("Active")


EXPECTED = {
    # applicant: (outcome, path, date) as the live panel shows them (rules: see README)
    "long_trip": ("Attorney must review", "5 years as a resident (INA 316(a))", "Feb 21, 2029"),
    "citizen_spouse": (
        "Eligible to file now",
        "3 years married to a citizen (INA 319(a))",
        "Mar 3, 2026",
    ),
    "two_duis": ("Attorney must review", "5 years as a resident (INA 316(a))", "Dec 1, 2016"),
    "fee_waiver": ("Eligible to file now", "5 years as a resident (INA 316(a))", "Dec 1, 2016"),
}
SHOWN_BESIDE = {
    "long_trip": "continuous residence was broken",
    "citizen_spouse": "Spouse's proof of U.S. citizenship",
    "two_duis": "2 DUI convictions in the 5-year period",
    "fee_waiver": "Fee waiver: $0 with Form I-912",
}


@pytest.mark.parametrize("key", list(journey.APPLICANTS))
def test_the_live_panel_shows_each_applicants_outcome_path_and_date(screened, key):
    outcome, path, earliest = EXPECTED[key]
    for text in (outcome, path, earliest, SHOWN_BESIDE[key]):
        assert text in screened.panels[key], f"{key}: {text!r} not in the panel"


def test_the_duplicate_finder_catches_the_same_person_typed_differently(screened):
    page = screened.as_("volunteer")
    page.goto(screened.day_url)
    page.get_by_role("link", name="Check someone in").click()
    fill(
        page,
        {
            "Given names": "Maria Jose",
            "Family names": "ortega nunez",
            "Date of birth": "04/12/1980",
        },
    )
    page.get_by_role("button", name="Search").click()
    match = page.locator(".matches li.likely")
    expect(match).to_contain_text("María José Ortega Núñez")
    page.get_by_role("button", name="Create a new record").click()
    expect_text(page, "This may be someone already on file")
    match.get_by_role("button", name="This is the person: open their case").click()
    expect_text(page, "already has an open case")
    assert f"/cases/{screened.cases['long_trip']}" in page.url


def test_the_attorney_resolves_every_finding_and_signs_off(signed):
    page = signed.as_("volunteer")
    page.goto(f"/cases/{signed.cases['two_duis']}")
    expect_text(page, "Approved to file", "Signed off: Approve to file")


def test_a_changed_trip_voids_the_sign_off_and_the_attorney_sees_the_change(signed):
    case_id = signed.cases["citizen_spouse"]
    volunteer = signed.as_("volunteer")
    volunteer.goto(f"/cases/{case_id}/intake/trips")
    fill(
        volunteer,
        {journey.ANY_TRIPS: "Yes"},
    )
    add_row(
        volunteer,
        "Add a trip",
        {"Left the U.S.": "07/01/2025", "Came back": "08/15/2025", "Where": "Hanoi"},
        1,
    )
    volunteer.get_by_role("button", name="Save", exact=True).click()
    expect_text(volunteer, "Saved")
    volunteer.goto(f"/cases/{case_id}")
    expect_text(volunteer, "Attorney review")
    attorney = signed.as_("attorney")
    attorney.goto("/review/")
    attorney.get_by_role("link", name=journey.full_name("citizen_spouse")).click()
    changes = attorney.get_by_role("region", name="What changed since the sign-off")
    expect(changes).to_contain_text("Any trips")
    expect(changes).to_contain_text("No")
    expect(changes).to_contain_text("Yes")
    expect(changes).to_contain_text("Jul 1, 2025")
    journey.sign_off(signed, "citizen_spouse")


def test_the_checklist_pdf_says_what_to_bring(signed):
    page = signed.as_("volunteer")
    page.goto(f"/cases/{signed.cases['fee_waiver']}")
    with page.expect_download() as download:
        page.get_by_role("link", name="Checklist (PDF)").click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert "Haddad" not in download.value.suggested_filename
    text = pdf_text(download.value)
    assert "I-912" in text and "Permanent Resident Card" in text
    assert "A204" not in text  # never the A-number


def test_the_clinic_day_packet_renders_with_a_progress_bar_to_done(packet):
    assert "Lawrence Citizenship Day" in packet.text
    for key in journey.APPLICANTS:
        assert journey.APPLICANTS[key][0][1].split()[0] in packet.text


def test_no_voter_page_before_the_oath_then_voter_registration(sworn_in):
    assert sworn_in.voter_before_oath == "Page not found"
    page = sworn_in.as_("coordinator")
    page.goto(f"/cases/{sworn_in.cases['two_duis']}")
    page.get_by_role("main").get_by_role("link", name="Voter registration").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Voter registration")
    expect_text(page, "Next election")
