"""The demo's N-400s: approved cases with every answer the form needs, its long lists, and a
Part 9 "yes" with its explanation; every approval signed on all of those answers."""

from sqlalchemy import select

from clinic.cases.models import Case
from clinic.cases.stages import Stage
from clinic.extensions import db
from clinic.intake import services
from clinic.intake.answers import all_answers, answers_hash
from clinic.intake.part9 import part9
from clinic.review.models import Decision, SignOff

APPROVED_OR_LATER = {Stage.APPROVED, Stage.FILED, Stage.BIOMETRICS, Stage.INTERVIEW}


def _complete(case):
    return not [missing for _, missing in services.n400_status(case) if missing]


def test_the_demo_has_approved_cases_with_complete_n400_answers_and_long_lists(app, runner):
    result = runner.invoke(args=["clinic", "seed-demo"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        approvals = [
            sign_off
            for sign_off in db.session.scalars(
                select(SignOff).where(SignOff.decision == Decision.APPROVE)
            )
            if sign_off.void is None
        ]
        complete = [s.case for s in approvals if _complete(s.case)]
        assert len(complete) >= 5
        answers = [all_answers(case) for case in complete]
        assert max(len(a["trips"].get("trips", [])) for a in answers) > 6  # beyond the form's rows
        assert max(len(a["marriage"].get("prior_spouses", [])) for a in answers) >= 2
        assert max(len(a["marriage"].get("children", [])) for a in answers) > 4
        assert max(len(a["residence"].get("addresses", [])) for a in answers) > 3
        assert max(len(a["employment"].get("jobs", [])) for a in answers) > 3
        explained = [
            a for a in answers if any(part9(a).values()) and a["weapons"].get("explanation")
        ]
        assert explained and part9(explained[0])["12"] is True
        for sign_off in approvals:  # each approval covers every answer the N-400 prints
            assert sign_off.answers_hash == answers_hash(sign_off.answers)


def test_every_screened_demo_case_answers_the_whole_n400(app, runner):
    runner.invoke(args=["clinic", "seed-demo"])
    with app.app_context():
        cases = db.session.scalars(select(Case).where(Case.stage != Stage.INTAKE)).all()
        assert cases and all(_complete(case) for case in cases)
        assert all(case.section("eligibility").answers["basis"] for case in cases)
