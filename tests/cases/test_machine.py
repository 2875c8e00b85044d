"""The stage machine: allowed and refused transitions, by role and by stage."""

import subprocess
import sys

import pytest

from clinic.auth.models import User
from clinic.auth.roles import Role
from clinic.cases import machine
from clinic.cases.models import Case
from clinic.cases.stages import Stage
from clinic.clock import utcnow
from clinic.extensions import db
from clinic.intake import services as intake
from tests.intake.answers import case_version, complete_interview


@pytest.fixture
def screened_case(app, login_as, make):
    volunteer = login_as("volunteer")
    case = make.case(make.event(staff=[volunteer.user]), by=volunteer.user)
    complete_interview(volunteer, case.id)
    return case


def move(app, case_id, name, role_user, **kwargs):
    with app.app_context():
        case = db.session.get(Case, case_id)
        user = db.session.get(User, role_user.id) if role_user else None
        machine.move(case, name, by=user, now=utcnow(), **kwargs)
        db.session.commit()
        return case.stage


@pytest.mark.parametrize("role", [Role.VOLUNTEER, Role.COORDINATOR, Role.ATTORNEY])
def test_staff_finish_intake_and_send_to_review(app, make, screened_case, role):
    user = make.user(role)
    assert move(app, screened_case.id, "finish_intake", user) == Stage.SCREENED
    assert move(app, screened_case.id, "send_to_review", user) == Stage.IN_REVIEW


def test_admin_cannot_do_intake_steps(app, make, screened_case):
    with pytest.raises(machine.TransitionRefused) as refusal:
        move(app, screened_case.id, "finish_intake", make.user(Role.ADMIN))
    assert refusal.value.forbidden


def test_steps_refused_from_the_wrong_stage(app, make, screened_case):
    with pytest.raises(machine.TransitionRefused, match="can't go to"):
        move(app, screened_case.id, "send_to_review", make.user(Role.VOLUNTEER))


def test_attorney_decisions_only_through_review(app, make, screened_case):
    attorney = make.user(Role.ATTORNEY)
    move(app, screened_case.id, "finish_intake", attorney)
    move(app, screened_case.id, "send_to_review", attorney)
    with pytest.raises(machine.TransitionRefused, match="attorney review page"):
        move(app, screened_case.id, "approve", attorney)
    volunteer = make.user(Role.VOLUNTEER)
    with pytest.raises(machine.TransitionRefused) as refusal:
        move(app, screened_case.id, "approve", volunteer, via=machine.REVIEW)
    assert refusal.value.forbidden
    assert move(app, screened_case.id, "approve", attorney, via=machine.REVIEW) == Stage.APPROVED


@pytest.mark.parametrize("via", [machine.FILING, machine.VOTER, "anything"])
def test_a_service_cannot_make_another_services_step(app, make, screened_case, via):
    attorney = make.user(Role.ATTORNEY)
    move(app, screened_case.id, "finish_intake", attorney)
    move(app, screened_case.id, "send_to_review", attorney)
    for step in ("approve", "needs_info", "refer", "not_yet"):
        with pytest.raises(machine.TransitionRefused, match="attorney review page"):
            move(app, screened_case.id, step, attorney, via=via)


def test_check_refuses_without_changing_the_case(app, make, screened_case):
    attorney_id = make.user(Role.ATTORNEY).id
    with app.app_context():
        case = db.session.get(Case, screened_case.id)
        attorney = db.session.get(User, attorney_id)
        with pytest.raises(machine.TransitionRefused):
            machine.check(case, "oath", by=attorney, via=machine.FILING)
        assert machine.check(case, "finish_intake", by=attorney).name == "finish_intake"
        assert case.stage == Stage.INTAKE and not db.session.dirty


def test_an_attorney_may_close_from_review_and_from_the_case_page(app, make, screened_case):
    attorney_id = make.user(Role.ATTORNEY).id
    with app.app_context():
        case = db.session.get(Case, screened_case.id)
        attorney = db.session.get(User, attorney_id)
        for via in (None, machine.REVIEW):
            machine.check(case, "close", by=attorney, via=via, reason="duplicate")
        with pytest.raises(machine.TransitionRefused):
            machine.check(case, "close", by=attorney, via=machine.FILING, reason="duplicate")


def test_closing_needs_a_reason_and_an_organizer_or_attorney(app, make, screened_case):
    with pytest.raises(machine.TransitionRefused) as refusal:
        move(app, screened_case.id, "close", make.user(Role.VOLUNTEER), reason="duplicate")
    assert refusal.value.forbidden
    coordinator = make.user(Role.COORDINATOR)
    with pytest.raises(machine.TransitionRefused, match="Say why"):
        move(app, screened_case.id, "close", coordinator)
    assert move(app, screened_case.id, "close", coordinator, reason="duplicate") == Stage.CLOSED
    with pytest.raises(machine.TransitionRefused):
        move(app, screened_case.id, "close", coordinator, reason="again")


def test_unknown_step_is_refused(app, make, screened_case):
    with pytest.raises(machine.TransitionRefused, match="No such step"):
        move(app, screened_case.id, "teleport", make.user(Role.ADMIN))


def test_available_steps_follow_role_and_stage(app, make, screened_case):
    volunteer_id, admin_id = make.user(Role.VOLUNTEER).id, make.user(Role.ADMIN).id
    with app.app_context():
        case = db.session.get(Case, screened_case.id)
        volunteer, admin = db.session.get(User, volunteer_id), db.session.get(User, admin_id)
        assert [t.name for t in machine.available(case, volunteer)] == ["finish_intake"]
        assert [t.name for t in machine.available(case, admin)] == ["close"]


def test_a_refused_step_on_the_page_says_why(login_as, make):
    volunteer = login_as("volunteer")
    case = make.case(make.event(staff=[volunteer.user]), by=volunteer.user)
    page = volunteer.post(
        f"/cases/{case.id}/step/finish_intake",
        data={"version": case_version(volunteer, case.id)},
        follow_redirects=True,
    )
    assert "Finish these sections first" in page.get_data(as_text=True)


def test_a_step_posted_from_a_stale_page_is_a_conflict(login_as, make):
    volunteer = login_as("volunteer")
    case = make.case(make.event(staff=[volunteer.user]), by=volunteer.user)
    response = volunteer.post(f"/cases/{case.id}/step/finish_intake", data={"version": "999"})
    assert response.status_code == 409


def test_a_volunteer_posting_an_attorney_step_gets_403(login_as, make):
    volunteer = login_as("volunteer")
    case = make.case(make.event(staff=[volunteer.user]), by=volunteer.user)
    response = volunteer.post(
        f"/cases/{case.id}/step/close",
        data={"version": case_version(volunteer, case.id), "reason": "duplicate"},
    )
    assert response.status_code == 403


def test_the_machine_loads_no_feature_module():
    code = (
        "import sys, clinic.cases.machine\n"
        "print([m for m in sys.modules if m.startswith(('clinic.intake', 'clinic.review'))])\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert completed.stdout.strip() == "[]"


def test_the_interview_registers_what_finishing_it_requires(app):
    assert machine.REQUIREMENTS[machine.INTAKE_COMPLETE] is intake.why_not_complete


def test_a_step_whose_requirement_nobody_checks_is_never_made(
    app, make, screened_case, monkeypatch
):
    monkeypatch.setattr(machine, "REQUIREMENTS", {})
    with pytest.raises(LookupError):
        move(app, screened_case.id, "finish_intake", make.user(Role.VOLUNTEER))
    with app.app_context():
        assert db.session.get(Case, screened_case.id).stage == Stage.INTAKE
