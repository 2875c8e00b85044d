"""Retention: closed, referred-out and never-completed cases go after their time, counts stay,
and a purge removes exactly what its dry run listed."""

from datetime import timedelta

from sqlalchemy import func, select

from clinic.audit import AuditEvent
from clinic.cases.models import Applicant, Case, IntakeSection, ScreeningRun
from clinic.cases.stages import Stage
from clinic.extensions import db
from clinic.jobs.queue import huey_of
from clinic.review.models import SignOff
from clinic.security import retention, tasks
from clinic.security.models import PurgedCases

ANSWERS = {"contact": {"given_names": "Old", "phone": "9785550100"}}


def aged(app, case, days):
    """Make the case's last change `days` ago."""
    with app.app_context():
        record = db.session.get(Case, case.id)
        record.updated_at = app.config["CLOCK"]() - timedelta(days=days)
        db.session.commit()
    return case


def some_cases(app, make):
    event = make.event()
    old = 4 * 365
    return {
        "closed_old": aged(app, make.case_at("closed", event=event, answers=ANSWERS), old),
        "referred_old": aged(app, make.case_at("referred", event=event, given="Ref"), old),
        "intake_old": aged(app, make.case(event, given="Gone"), 400),
        "closed_recent": aged(app, make.case_at("closed", event=event, given="Recent"), 200),
        "intake_recent": aged(app, make.case(event, given="Fresh"), 30),
        "approved_old": aged(app, make.case_at("approved", event=event, given="Wait"), old),
        "citizen_old": aged(app, make.case_at("registered_to_vote", event=event), old),
    }


def case_ids(app):
    with app.app_context():
        return set(db.session.scalars(select(Case.id)))


def test_a_purge_removes_exactly_what_the_dry_run_listed(app, make, clock, runner):
    cases = some_cases(app, make)
    with app.app_context():
        listed = {item.case_id for item in retention.purge(clock(), dry_run=True)}
    assert listed == {cases[key].id for key in ("closed_old", "referred_old", "intake_old")}
    before = case_ids(app)
    dry = runner.invoke(args=["clinic", "purge-expired", "--dry-run"])
    assert "3 cases would go" in dry.output
    assert case_ids(app) == before  # the dry run changed nothing

    result = runner.invoke(args=["clinic", "purge-expired"])
    assert result.exit_code == 0, result.output
    assert case_ids(app) == before - listed
    with app.app_context():
        assert (
            db.session.scalar(
                select(func.count(IntakeSection.id)).where(IntakeSection.case_id.in_(listed))
            )
            == 0
        )
        applicants = set(db.session.scalars(select(Applicant.id)))
        assert not {cases[key].applicant_id for key in ("closed_old", "intake_old")} & applicants


def test_counts_stay_for_reports(app, make, clock):
    some_cases(app, make)
    with app.app_context():
        retention.purge(clock())
        db.session.commit()
        counts = {row.stage.value: row.count for row in db.session.scalars(select(PurgedCases))}
    assert counts == {"closed": 1, "referred": 1, "intake": 1}


def test_the_purge_is_audited_without_personal_data(app, make, clock):
    some_cases(app, make)
    with app.app_context():
        retention.purge(clock())
        db.session.commit()
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "retention.purged"))
    assert event.details == {"cases": 3, "closed": 1, "referred": 1, "intake": 1}
    assert event.object_id is None and event.actor_id is None


def test_the_times_are_settings(make_app, make, clock):
    app = make_app(RETENTION_CLOSED_DAYS=100, RETENTION_INCOMPLETE_DAYS=10_000)
    cases = some_cases(app, make)
    with app.app_context():
        listed = {item.case_id for item in retention.purge(clock(), dry_run=True)}
    assert cases["closed_recent"].id in listed
    assert cases["intake_old"].id not in listed


def test_a_signed_off_case_is_purged_with_its_sign_off(app, signed_case, clock):
    with app.app_context():
        db.session.get(Case, signed_case.id).stage = Stage.CLOSED
        db.session.commit()
    aged(app, signed_case, 4 * 365)
    with app.app_context():
        assert db.session.scalar(select(func.count(SignOff.id))) == 1
        retention.purge(clock())
        db.session.commit()
        assert db.session.scalar(select(func.count(SignOff.id))) == 0
        assert db.session.scalar(select(func.count(ScreeningRun.id))) == 0
    assert signed_case.id not in case_ids(app)


def test_nothing_expired_changes_nothing(app, make, clock, runner):
    make.case()
    result = runner.invoke(args=["clinic", "purge-expired"])
    assert "Purged 0 cases" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count(PurgedCases.id))) == 0


def test_the_purge_runs_every_night_on_the_task_queue(app, make, clock):
    cases = some_cases(app, make)
    night = clock.now.replace(hour=3, minute=15, tzinfo=None)
    due = [task.name for task in huey_of(app).read_periodic(night)]
    assert "retention_purge" in due
    assert "retention_purge" not in [
        t.name for t in huey_of(app).read_periodic(night.replace(hour=4))
    ]
    with app.app_context():
        listed = {item.case_id for item in retention.purge(clock(), dry_run=True)}
        tasks.retention_purge()
    assert listed == {cases[key].id for key in ("closed_old", "referred_old", "intake_old")}
    assert not case_ids(app) & listed
