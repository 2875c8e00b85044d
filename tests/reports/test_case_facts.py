"""What reports count a case by is kept on the case in clear, in step with the encrypted
answers and screening it comes from."""

import pytest

from clinic.cases.models import Case
from clinic.extensions import db
from tests.intake.answers import complete_interview, post_section


@pytest.fixture
def volunteer(login_as):
    return login_as("volunteer")


@pytest.fixture
def case(make, volunteer):
    return make.case(make.event(staff=[volunteer.user]), by=volunteer.user)


def facts_of(app, case_id):
    with app.app_context():
        case = db.session.get(Case, case_id)
        return (
            case.preferred_language,
            case.home_state,
            case.home_town,
            case.screening_outcome,
            case.screening_codes,
        )


def test_the_interview_sets_language_state_town_and_the_latest_screening(app, volunteer, case):
    assert facts_of(app, case.id) == (None, None, None, None, " ")
    town = {"addresses-0-city": "  Lawrence ", "addresses-1-city": "Lowell"}
    moved = {"addresses-1-moved_in": "01/01/2015", "addresses-1-moved_out": "03/01/2019"}
    long_trip = {"trips-0-departed": "01/05/2023", "trips-0-returned": "08/20/2023"}
    complete_interview(volunteer, case.id, residence={**town, **moved}, trips=long_trip)
    language, state, place, outcome, codes = facts_of(app, case.id)
    assert (language, state, place) == ("vi", "MA", "Lawrence")  # typed "Vietnamese": its code
    with app.app_context():
        run = db.session.get(Case, case.id).latest_screening
        assert (outcome, codes) == (run.outcome, run.finding_codes)
        assert " TRIP_OVER_180 " in codes


def test_a_changed_answer_changes_what_the_case_is_counted_by(app, volunteer, case):
    complete_interview(volunteer, case.id)
    assert post_section(volunteer, case.id, "contact", {"language": "ht"}).status_code == 302
    response = post_section(
        volunteer, case.id, "residence", {"state": "NH", "addresses-0-city": ""}
    )
    assert response.status_code == 302
    assert facts_of(app, case.id)[:3] == ("ht", "NH", None)
    assert post_section(volunteer, case.id, "contact", {"language": "other"}).status_code == 302
    assert facts_of(app, case.id)[0] == "other"
