"""Filing, biometrics, interview and oath: each a stage transition, by role and by stage."""

from datetime import date

import pytest
from sqlalchemy import select

from clinic.audit import AuditEvent
from clinic.cases.models import Case
from clinic.cases.stages import Stage
from clinic.extensions import db
from clinic.filing.forms import RECEIPT_NUMBER, normalize_receipt_number
from tests.helpers import page_text

FILED = {
    "filed_on": "11/20/2026",
    "filing_method": "paper",
    "fee_paid": "waiver",
    "receipt_number": "ioe-091-234-5678",
}


def stage(app, case_id):
    with app.app_context():
        return db.session.get(Case, case_id).stage


@pytest.mark.parametrize(
    ("typed", "valid"),
    [
        ("IOE0912345678", True),
        ("ioe 091 234 5678", True),
        ("EAC-1234567890", True),
        ("IOE091234567", False),
        ("IO0912345678X", False),
        ("1234567890123", False),
        ("", False),
    ],
)
def test_receipt_numbers_are_three_letters_and_ten_digits(typed, valid):
    assert bool(RECEIPT_NUMBER.match(normalize_receipt_number(typed))) is valid


def test_the_journey_from_approval_to_oath(app, login_as, make):
    coordinator = login_as("coordinator")
    case = make.case_at("approved")
    assert coordinator.post(f"/cases/{case.id}/milestones/filed", data=FILED).status_code == 302
    assert stage(app, case.id) == Stage.FILED
    coordinator.post(
        f"/cases/{case.id}/milestones/biometrics", data={"biometrics_on": "12/10/2026"}
    )
    assert stage(app, case.id) == Stage.BIOMETRICS
    coordinator.post(f"/cases/{case.id}/milestones/interview", data={"interview_on": "03/02/2027"})
    assert stage(app, case.id) == Stage.BIOMETRICS  # a date alone: scheduled, not held
    coordinator.post(
        f"/cases/{case.id}/milestones/interview",
        data={"interview_on": "03/02/2027", "interview_result": "approved"},
    )
    assert stage(app, case.id) == Stage.INTERVIEW
    coordinator.post(
        f"/cases/{case.id}/milestones/oath",
        data={
            "oath_on": "04/15/2027",
            "oath_place": "Faneuil Hall, Boston",
            "certificate_number": "A1234567",
        },
    )
    assert stage(app, case.id) == Stage.OATH
    with app.app_context():
        steps = [
            e.details["step"]
            for e in db.session.scalars(
                select(AuditEvent).where(AuditEvent.action == "case.stage_changed")
            )
        ]
        assert steps == ["file", "biometrics", "interview_approved", "oath"]
        record = db.session.get(Case, case.id).milestones
        assert record.receipt_number == "IOE0912345678"


def test_a_bad_receipt_number_is_refused_beside_the_field(app, login_as, make):
    coordinator = login_as("coordinator")
    case = make.case_at("approved")
    page = page_text(
        coordinator.post(
            f"/cases/{case.id}/milestones/filed", data={**FILED, "receipt_number": "IOE12"}
        )
    )
    assert "three letters and ten digits" in page and 'value="IOE12"' in page
    assert stage(app, case.id) == Stage.APPROVED


def test_a_continued_interview_needs_a_reason_and_lands_on_the_list(app, login_as, make):
    coordinator = login_as("coordinator")
    case = make.case_at("biometrics", filed_on=date(2026, 6, 1))
    page = page_text(
        coordinator.post(
            f"/cases/{case.id}/milestones/interview",
            data={"interview_on": "11/02/2026", "interview_result": "continued"},
        )
    )
    assert "Say why it was continued." in page
    coordinator.post(
        f"/cases/{case.id}/milestones/interview",
        data={
            "interview_on": "11/02/2026",
            "interview_result": "continued",
            "continued_reason": "N-14: bring tax transcripts",
            "response_due_on": "12/28/2026",
        },
    )
    assert stage(app, case.id) == Stage.CONTINUED
    lists = page_text(coordinator.get("/cases/follow-up/after-filing"))
    assert "N-14: bring tax transcripts" in lists and "Dec 28, 2026" in lists


def test_steps_are_refused_from_the_wrong_stage(app, login_as, make):
    coordinator = login_as("coordinator")
    case = make.case_at("in_review")
    response = coordinator.post(f"/cases/{case.id}/milestones/filed", data=FILED)
    assert response.status_code == 422
    assert "can't go to 'Filed'" in page_text(response)
    assert stage(app, case.id) == Stage.IN_REVIEW
    with app.app_context():  # and no filing date or receipt number was kept
        assert db.session.get(Case, case.id).milestones is None


@pytest.mark.parametrize("role", ["volunteer", "admin"])
def test_volunteers_and_admins_do_not_record_milestones(app, login_as, make, role):
    case = make.case_at("approved")
    response = login_as(role).post(f"/cases/{case.id}/milestones/filed", data=FILED)
    assert response.status_code == 403
    assert stage(app, case.id) == Stage.APPROVED


def test_after_filing_lists_upcoming_dates_and_quiet_cases(login_as, make):
    coordinator = login_as("coordinator")
    make.case_at(
        "biometrics",
        given="Soon",
        family="Interview",
        filed_on=date(2026, 9, 1),
        interview_on=date(2026, 12, 20),
    )
    make.case_at("filed", given="Long", family="Silence", filed_on=date(2026, 6, 1))
    page = page_text(coordinator.get("/cases/follow-up/after-filing"))
    upcoming = page[page.index("Coming up") : page.index("Continued after")]
    quiet = page[page.index("No news for 120 days") :]
    assert "Soon Interview" in upcoming and "Dec 20, 2026" in upcoming
    assert "Long Silence" in quiet and "Soon Interview" not in quiet


def test_answers_are_locked_once_filed(login_as, make):
    volunteer = login_as("volunteer")
    case = make.case_at("filed", filed_on=date(2026, 11, 1))
    assert volunteer.get(f"/cases/{case.id}/intake/trips").status_code == 403


def test_a_certificate_number_missing_on_the_oath_day_is_added_later(app, login_as, make):
    coordinator = login_as("coordinator")
    case = make.case_at(
        "oath",
        oath_on=date(2026, 11, 20),
        oath_place="Boston",
        answers={"residence": {"state": "MA"}},
    )
    assert coordinator.get(f"/cases/{case.id}/voter").status_code == 404  # gate still closed
    assert "Record the certificate number" in page_text(coordinator.get(f"/cases/{case.id}"))
    bad = page_text(
        coordinator.post(
            f"/cases/{case.id}/milestones/certificate", data={"certificate_number": "12"}
        )
    )
    assert "6 to 12 letters and digits" in bad
    coordinator.post(
        f"/cases/{case.id}/milestones/certificate", data={"certificate_number": "a 1234-567"}
    )
    with app.app_context():
        assert db.session.get(Case, case.id).milestones.certificate_number == "A1234567"
    assert coordinator.get(f"/cases/{case.id}/voter").status_code == 200


def test_a_certificate_number_needs_the_oath_first(app, login_as, make):
    coordinator = login_as("coordinator")
    case = make.case_at("interview", interview_on=date(2026, 11, 2))
    page = page_text(
        coordinator.post(
            f"/cases/{case.id}/milestones/certificate", data={"certificate_number": "A1234567"}
        )
    )
    assert "Record the oath first." in page
    with app.app_context():
        assert db.session.get(Case, case.id).milestones.certificate_number is None
