"""The security tests' shared case: an interview with an A-number and an arrest, signed off."""

import pytest

from tests.helpers import page_text
from tests.intake.answers import complete_interview, post_section
from tests.review.test_review import TRIP_200_DAYS, decide, send_to_review

A_NUMBER = "123456789"  # the interview's "A123-456-789"
ARREST = {
    "arrests_or_charges": "1",
    "arrests_details": "May 2018, Methuen MA: shoplifting at Marketplace Mall; dismissed.",
}


@pytest.fixture
def signed_case(make, login_as):
    """An interview with an A-number and an arrest, screened, signed off with a note."""
    volunteer, attorney = login_as("volunteer"), login_as("attorney")
    case = make.case(make.event(staff=[volunteer.user]), by=volunteer.user)
    complete_interview(volunteer, case.id)
    post_section(volunteer, case.id, "character", ARREST)
    post_section(volunteer, case.id, "trips", TRIP_200_DAYS)
    send_to_review(volunteer, case.id)
    page = page_text(attorney.get(f"/review/{case.id}"))
    codes = {part.split('"')[0] for part in page.split('name="resolution-')[1:]}
    data = {f"resolution-{code}": "rebutted" for code in codes}
    data |= {f"note-{code}": "Kept job and lease; court letter seen." for code in codes}
    response = decide(attorney, case.id, note="Dismissal in Methuen confirmed.", **data)
    assert response.status_code == 302, page_text(response)[-2000:]
    return case
