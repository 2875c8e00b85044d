"""What volunteers, attorneys and applicants see, walked in the browser: an interview that
finishes with the income declined, the live screening provisional and in view beside the
questions, the attorney's page in questions and choices (never codes) at laptop and tablet
sizes, and checklists that say what the case's stage and the attorney's decision say."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e import journey
from tests.e2e.fixtures import pdf_text
from tests.e2e.people import expect_text
from tests.e2e.settings import LAPTOP

TABLET = {"width": 820, "height": 1180}
HOUSEHOLD = "Household and income (for the fee)"


def test_intake_finishes_when_the_applicant_declines_to_give_the_income(staffed):
    case_id = journey.check_in(staffed, "Rosa Elena", "Quiroga", "10/10/1970")
    declined = {
        "People in the household": "",
        "Household income last year (dollars)": "",
        "If the size or the income is not given": "The applicant declines to say",
    }
    sections = journey.usual_interview(
        **{HOUSEHOLD: (declined, None), "Green card": ({"A-number": "A209-555-610"}, None)}
    )
    page = journey.interview(staffed, case_id, sections, "Mexico")
    journey.take_step(page, case_id, "Finish intake")
    expect_text(page, "Unknown: ask household size and income")
    expect_text(page, "Household size and income were not given")


def test_the_live_panel_is_provisional_and_in_view_beside_the_questions(staffed):
    case_id = journey.check_in(staffed, "Tomás", "Prado Lima", "01/02/1975")
    sections = journey.usual_interview(**{"Green card": ({"A-number": "A209-555-620"}, None)})
    titles = list(sections)
    # The sections up to the green card: the screening starts, most of it still unanswered.
    first = {title: sections[title] for title in titles[: titles.index("Green card") + 1]}
    page = journey.interview(staffed, case_id, first, "Brazil")
    expect_text(page, "Saved: Green card")
    page.goto(f"/cases/{case_id}/intake/residence")
    panel = page.get_by_role("region", name="Screening")
    # Two sections answered: whatever the outcome so far, it is only provisional.
    expect(panel.locator(".outcome-line")).to_have_text(re.compile(r"^Provisional: "))
    for title in ("Trips outside the U.S.", "Arrests, court and other questions", HOUSEHOLD):
        expect(panel).to_contain_text(title)  # named among what is still to answer
    assert page.viewport_size == LAPTOP
    expect(panel).to_be_in_viewport()
    questions = page.locator(".intake-main").bounding_box()
    assert panel.bounding_box()["x"] >= questions["x"] + questions["width"], "not beside"
    page.get_by_role("button", name="Save and continue").last.scroll_into_view_if_needed()
    expect(panel).to_be_in_viewport()  # kept in view while the volunteer scrolls


RAW_CODES = {"single", "never", "filed", "family", "not_applicable", "female", "male", "HT"}


@pytest.mark.parametrize("viewport", [LAPTOP, TABLET], ids=["laptop", "tablet"])
def test_the_attorneys_page_shows_questions_and_choices_by_their_labels(signed, viewport):
    page = signed.as_("attorney")
    page.set_viewport_size(viewport)
    try:
        page.goto(f"/review/{signed.cases['two_duis']}")
        for summary in page.locator("details > summary").all():
            summary.click()  # open every "Answers behind it" and section of all answers
        main = page.get_by_role("main")
        expect(main).to_contain_text("DUI / OUI convictions")
        expect(main).to_contain_text("Single, never married")
        expect(main).to_contain_text("Filed every year, nothing owed")
        expect(main).to_contain_text("Family (spouse, parent, child, sibling)")
        assert "UnboundField" not in main.inner_text()
        shown = {text.strip() for text in page.locator("dl.answers dd").all_inner_texts()}
        assert not shown & RAW_CODES, f"codes shown as answers: {shown & RAW_CODES}"
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], f"the page is {width} px wide"
    finally:
        page.set_viewport_size(LAPTOP)


def checklist_text(page, case_id):
    page.goto(f"/cases/{case_id}")
    with page.expect_download() as download:
        page.get_by_role("link", name="Checklist (PDF)").click()
    return " ".join(pdf_text(download.value).split())  # lines joined as a person reads them


def test_checklists_follow_the_stage_and_the_attorneys_decision(sworn_in):
    page = sworn_in.as_("coordinator")
    not_reviewed = checklist_text(page, sworn_in.cases["fee_waiver"])
    assert "The clinic's attorney will review your answers before you apply." in not_reviewed
    assert "You can apply for U.S. citizenship now" not in not_reviewed
    approved = checklist_text(page, sworn_in.cases["citizen_spouse"])
    assert "A volunteer lawyer checked your answers on" in approved
    assert "you can apply." in approved
    sworn = checklist_text(page, sworn_in.cases["two_duis"])
    assert "You became a U.S. citizen on" in sworn
    assert "you can apply" not in sworn.lower()
