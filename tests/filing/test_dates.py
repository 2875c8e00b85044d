"""Milestone dates stay in order, and correcting one is its own action in the case's history."""

from datetime import date

import pytest

from clinic.cases.models import Case
from clinic.extensions import db
from tests.helpers import page_text
from tests.intake.answers import complete_interview, post_section
from tests.review.test_review import TRIP_200_DAYS, decide, send_to_review

FILED = {
    "filed_on": "11/20/2026",
    "filing_method": "paper",
    "fee_paid": "full",
    "receipt_number": "IOE0912345678",
}


def milestones(app, case_id):
    with app.app_context():
        record = db.session.get(Case, case_id).milestones
        return (
            None
            if record is None
            else {
                name: getattr(record, name)
                for name in ("filed_on", "biometrics_on", "interview_on", "oath_on")
            }
        )


@pytest.mark.parametrize(
    ("stage", "recorded", "step", "data", "message"),
    [
        (
            "filed",
            {"filed_on": date(2026, 11, 10)},
            "biometrics",
            {"biometrics_on": "11/01/2026"},
            "The biometrics appointment can't be before the filing date (Nov 10, 2026)",
        ),
        (
            "biometrics",
            {"filed_on": date(2026, 10, 1), "biometrics_on": date(2026, 11, 10)},
            "interview",
            {"interview_on": "11/01/2026", "interview_result": "approved"},
            "The interview can't be before the biometrics appointment (Nov 10, 2026)",
        ),
        (
            "interview",
            {"filed_on": date(2026, 9, 1), "interview_on": date(2026, 11, 10)},
            "oath",
            {"oath_on": "11/09/2026", "oath_place": "Boston"},
            "The oath ceremony can't be before the interview (Nov 10, 2026)",
        ),
        (
            "continued",
            {"filed_on": date(2026, 9, 1), "interview_on": date(2026, 11, 10)},
            "interview",
            {
                "interview_on": "11/10/2026",
                "interview_result": "continued",
                "continued_reason": "Retest",
                "response_due_on": "11/01/2026",
            },
            "The response is due after the interview (Nov 10, 2026)",
        ),
    ],
)
def test_a_date_before_the_step_it_follows_is_refused_beside_it(
    app, login_as, make, stage, recorded, step, data, message
):
    coordinator = login_as("coordinator")
    case = make.case_at(stage, **recorded)
    before = milestones(app, case.id)
    response = coordinator.post(f"/cases/{case.id}/milestones/{step}", data=data)
    assert response.status_code == 422
    assert message in page_text(response)
    assert milestones(app, case.id) == before
    # The typed date is still in the field.
    typed = next(value for name, value in data.items() if name.endswith("_on"))
    assert f'value="{typed}"' in response.get_data(as_text=True)


def test_filing_before_the_attorneys_approval_is_refused(app, login_as, make, clock):
    volunteer, attorney = login_as("volunteer"), login_as("attorney")
    coordinator = login_as("coordinator")
    case = make.case(make.event(staff=[volunteer.user]), by=volunteer.user)
    complete_interview(volunteer, case.id)
    post_section(volunteer, case.id, "trips", TRIP_200_DAYS)
    send_to_review(volunteer, case.id)
    assert decide(attorney, case.id).status_code == 302  # approved on Nov 30, 2026
    early = coordinator.post(f"/cases/{case.id}/milestones/filed", data=FILED)
    assert early.status_code == 422
    assert "can't be before the attorney's approval (Nov 30, 2026)" in page_text(early)
    assert milestones(app, case.id) is None
    on_time = {**FILED, "filed_on": "11/30/2026"}
    assert coordinator.post(f"/cases/{case.id}/milestones/filed", data=on_time).status_code == 302


def test_saving_a_recorded_step_again_points_to_the_correction(app, login_as, make):
    coordinator = login_as("coordinator")
    case = make.case_at("biometrics", filed_on=date(2026, 10, 1), biometrics_on=date(2026, 11, 1))
    response = coordinator.post(
        f"/cases/{case.id}/milestones/biometrics", data={"biometrics_on": "11/05/2026"}
    )
    assert response.status_code == 422
    assert "use “Correct a date” on the case page" in page_text(response)
    assert milestones(app, case.id)["biometrics_on"] == date(2026, 11, 1)


def test_a_corrected_date_is_audited_and_shown_in_the_history(app, login_as, make):
    coordinator = login_as("coordinator")
    case = make.case_at("biometrics", filed_on=date(2026, 10, 1), biometrics_on=date(2026, 11, 1))
    assert "Correct a date" in page_text(coordinator.get(f"/cases/{case.id}"))
    form = page_text(coordinator.get(f"/cases/{case.id}/milestones/correct"))
    assert "Biometrics appointment on" in form and "Interview on" not in form
    no_reason = coordinator.post(
        f"/cases/{case.id}/milestones/correct",
        data={"filed_on": "10/01/2026", "biometrics_on": "11/05/2026"},
    )
    assert no_reason.status_code == 200 and "Say why" in page_text(no_reason)
    out_of_order = coordinator.post(
        f"/cases/{case.id}/milestones/correct",
        data={"filed_on": "10/01/2026", "biometrics_on": "09/05/2026", "reason": "Typo"},
    )
    assert out_of_order.status_code == 422
    assert "can't be before the filing date" in page_text(out_of_order)
    assert milestones(app, case.id)["biometrics_on"] == date(2026, 11, 1)
    saved = coordinator.post(
        f"/cases/{case.id}/milestones/correct",
        data={"filed_on": "10/01/2026", "biometrics_on": "11/05/2026", "reason": "Rescheduled"},
    )
    assert saved.status_code == 302
    assert milestones(app, case.id)["biometrics_on"] == date(2026, 11, 5)
    history = page_text(coordinator.get(f"/cases/{case.id}"))
    assert "Biometrics date corrected: Nov 1, 2026 → Nov 5, 2026 (Rescheduled)" in history


def test_a_correction_changes_something_and_removes_nothing(app, login_as, make):
    coordinator = login_as("coordinator")
    case = make.case_at("filed", filed_on=date(2026, 10, 1))
    same = coordinator.post(
        f"/cases/{case.id}/milestones/correct", data={"filed_on": "10/01/2026", "reason": "x"}
    )
    assert same.status_code == 422 and "Change at least one date" in page_text(same)
    emptied = coordinator.post(
        f"/cases/{case.id}/milestones/correct", data={"filed_on": "", "reason": "x"}
    )
    assert emptied.status_code == 422 and "corrected, not removed" in page_text(emptied)
    assert milestones(app, case.id)["filed_on"] == date(2026, 10, 1)
