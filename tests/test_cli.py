"""The clinic command group, run through Flask's CLI runner."""

from sqlalchemy import func, select

from clinic import demo
from clinic.auth.models import Organization, User
from clinic.auth.roles import Role
from clinic.cases.models import Case
from clinic.cases.stages import Stage
from clinic.clock import today, utcnow
from clinic.events.models import ClinicEvent
from clinic.extensions import db
from clinic.review.models import SignOff
from clinic.screening import parse_facts
from clinic.voter import gate
from clinic.voter import services as voter_services
from clinic.voter.models import Election


def test_create_user_with_flags_creates_the_organization_too(app, runner):
    result = runner.invoke(
        args=[
            "clinic",
            "create-user",
            "--email",
            "Lan@Example.org",
            "--name",
            "Nguyễn Thị Lan",
            "--role",
            "volunteer",
            "--organization",
            "Vietnamese American Civic Association",
            "--password",
            "pho on a cold boston night",
        ]
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(select(User))
        assert (user.email, user.name, user.role) == (
            "lan@example.org",
            "Nguyễn Thị Lan",
            Role.VOLUNTEER,
        )
        assert user.organization.name == "Vietnamese American Civic Association"


def test_create_user_prompts_for_what_is_missing(app, runner):
    answers = (
        "\n".join(
            [
                "ana@example.org",
                "Ana Souza",
                "attorney",
                "Casa Latina",
                "a password nobody will guess",
                "a password nobody will guess",
                "bar",
                "MA BBO 612345",
            ]
        )
        + "\n"
    )
    result = runner.invoke(args=["clinic", "create-user"], input=answers)
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(select(User))
        assert user.role == Role.ATTORNEY and user.credential_number == "MA BBO 612345"


def test_create_user_refuses_a_weak_password_and_saves_nothing(app, runner):
    result = runner.invoke(
        args=[
            "clinic",
            "create-user",
            "--email",
            "x@example.org",
            "--name",
            "X",
            "--role",
            "admin",
            "--organization",
            "Org",
            "--password",
            "short",
        ]
    )
    assert result.exit_code != 0
    assert "at least 15" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count(User.id))) == 0
        assert db.session.scalar(select(func.count(Organization.id))) == 0


def test_seed_demo_creates_two_organizations_every_role_and_clinic_days(app, runner):
    result = runner.invoke(args=["clinic", "seed-demo"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.scalar(select(func.count(Organization.id))) == 2
        roles = set(db.session.scalars(select(User.role)))
        assert roles == set(Role)
        assert db.session.scalar(select(func.count(ClinicEvent.id))) == 4
        emails = db.session.scalars(select(User.email)).all()
    for email in emails:
        assert email in result.output  # each demo password is printed once, beside its email
    again = runner.invoke(args=["clinic", "seed-demo"])
    assert again.exit_code != 0 and "exists already" in again.output


def test_demo_applicants_cover_every_outcome_as_labelled(app, runner):
    runner.invoke(args=["clinic", "seed-demo"])
    expected_by_label = {
        "eligible": "eligible",
        "not yet": "not_yet",
        "refer": "refer",
        "ineligible": "ineligible",
        "N-600": "n600",
    }
    with app.app_context():
        cases = db.session.scalars(select(Case).order_by(Case.id)).all()
        cases = cases[: len(demo.scenarios(today()))]  # the followed-up journeys come after
        seen = set()
        for case, (label, _) in zip(cases, demo.scenarios(today()), strict=True):
            kind = label.split(":")[0].split(",")[0]
            if kind == "in intake":
                assert case.stage == Stage.INTAKE
                continue
            run = case.latest_screening
            assert run.outcome == expected_by_label[kind], label
            parse_facts(run.facts)  # contract-valid facts for every demo applicant
            seen.add(run.outcome)
        assert seen == set(expected_by_label.values())
        assert {c.stage for c in cases} >= {Stage.INTAKE, Stage.SCREENED, Stage.IN_REVIEW}


def test_demo_passwords_work(app, runner):
    output = runner.invoke(args=["clinic", "seed-demo"]).output
    line = next(line for line in output.splitlines() if "coordinator@mvic" in line)
    email, password = line.split()
    client = app.test_client()
    assert client.post("/login", data={"email": email, "password": password}).status_code == 302


def test_demo_has_cases_waiting_for_review_and_some_decided(app, runner):
    runner.invoke(args=["clinic", "seed-demo"])
    with app.app_context():
        waiting = db.session.scalars(select(Case).where(Case.stage == Stage.IN_REVIEW)).all()
        outcomes = {case.latest_screening.outcome for case in waiting}
        assert len(waiting) >= 10 and {"refer", "ineligible"} <= outcomes
        assert db.session.scalar(select(func.count(SignOff.id))) >= 3


def test_demo_follows_cases_to_every_milestone_and_new_citizens_in_several_states(app, runner):
    runner.invoke(args=["clinic", "seed-demo"])
    with app.app_context():
        stages = {case.stage for case in db.session.scalars(select(Case))}
        assert {
            Stage.FILED,
            Stage.BIOMETRICS,
            Stage.CONTINUED,
            Stage.OATH,
            Stage.REGISTERED_TO_VOTE,
        } <= stages
        citizens = [case for case in db.session.scalars(select(Case)) if gate.passes(case, today())]
        states = {voter_services.registration_for(case, utcnow()).state for case in citizens}
        assert len(states) >= 4
        assert db.session.scalar(select(func.count(Election.id))) >= 6
