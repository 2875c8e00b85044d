"""A case with every N-400 answer stored, and approving (or voided) sign-offs for it."""

from datetime import date
from types import SimpleNamespace

import pytest

from clinic.cases.models import Case
from clinic.clock import utcnow
from clinic.extensions import db
from clinic.intake.services import rescreen
from clinic.review.models import Decision, SignOff, SignOffVoid
from tests.n400.sample import SCREENING, TODAY, stored_sections

A_NUMBER = "012345678"


@pytest.fixture
def n400_case(make):
    """A case in review with every section answered (identity on the Applicant row)."""
    made = make.case_at("in_review", answers=stored_sections())
    with make.app.app_context():
        case = db.session.get(Case, made.id)
        applicant = case.applicant
        applicant.given_names, applicant.family_names = "María", "Ruiz Ortega"
        applicant.date_of_birth, applicant.a_number = date(1980, 4, 2), A_NUMBER
        applicant.phone = "9785550101"
        run = rescreen(case, by=None, now=utcnow(), today=TODAY)
        assert run is not None and run.result["path"] == SCREENING["path"]
        assert run.result["fee"]["basis"] == SCREENING["fee"]["basis"]
        db.session.commit()
    return made


@pytest.fixture
def sign(make):
    """sign(case, attorney_user, decision=APPROVE, void=False): a sign-off on the case."""

    def sign_off(made, attorney, decision=Decision.APPROVE, void=False):
        with make.app.app_context():
            case = db.session.get(Case, made.id)
            record = SignOff(
                case=case,
                screening_run=case.latest_screening,
                signer_id=attorney.id,
                signer_name="Attorney Person",
                credential="Bar admission: MA BBO 612345",
                signed_at=utcnow(),
                decision=decision,
                resolutions=[],
                details={},
                facts_hash=case.latest_screening.facts_hash,
                facts=case.latest_screening.facts,
            )
            db.session.add(record)
            if void:
                db.session.add(SignOffVoid(sign_off=record, voided_at=utcnow(), changes=[]))
            db.session.commit()
            return SimpleNamespace(id=record.id)

    return sign_off
