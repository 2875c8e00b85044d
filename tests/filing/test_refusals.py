"""A refused milestone step writes nothing: no date, no number, no audit event, and the voter
gate stays shut. Checked for every step in every stage where it is refused."""

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, inspect, select

from clinic.audit import AuditEvent
from clinic.cases import machine
from clinic.cases.models import Case
from clinic.cases.stages import Stage
from clinic.extensions import db
from clinic.filing.models import Milestones
from clinic.voter import gate
from tests.helpers import log_in_with

TODAY = date(2026, 11, 30)  # the test clock's day

# Each milestone form with valid answers, and the transition whose sources say where it is
# allowed ("certificate" is not a transition: it is allowed only once the oath is recorded).
STEPS = {
    "filed": (
        {
            "filed_on": "11/20/2026",
            "filing_method": "paper",
            "fee_paid": "full",
            "receipt_number": "IOE0912345678",
        },
        "file",
    ),
    "biometrics": ({"biometrics_on": "11/25/2026"}, "biometrics"),
    "interview": ({"interview_on": "11/26/2026"}, "interview_approved"),  # scheduled only
    "interview approved": (
        {"interview_on": "11/26/2026", "interview_result": "approved"},
        "interview_approved",
    ),
    "interview continued": (
        {
            "interview_on": "11/26/2026",
            "interview_result": "continued",
            "continued_reason": "Retest of English",
        },
        "interview_continued",
    ),
    "interview denied": (
        {"interview_on": "11/26/2026", "interview_result": "denied"},
        "interview_denied",
    ),
    "oath": (
        {"oath_on": "11/27/2026", "oath_place": "Faneuil Hall", "certificate_number": "A1234567"},
        "oath",
    ),
    "certificate": ({"certificate_number": "A7654321"}, None),
}


def allowed_in(step):
    transition = STEPS[step][1]
    return {Stage.OATH} if transition is None else machine.BY_NAME[transition].sources


REFUSED = [(step, stage) for step in STEPS for stage in Stage if stage not in allowed_in(step)]


def form_step(step):
    return step.split()[0]


def snapshot(app, case_id):
    """Every column of the case and of its milestones, and its audit trail's length."""
    with app.app_context():
        case = db.session.get(Case, case_id)
        record = db.session.scalar(select(Milestones).where(Milestones.case_id == case_id))

        def columns(row):
            if row is None:
                return None
            return {c.key: getattr(row, c.key) for c in inspect(row).mapper.column_attrs}

        events = db.session.scalar(select(func.count()).where(AuditEvent.object_id == case_id))
        return columns(case), columns(record), events, gate.passes(case, TODAY)


def assert_refused_and_unchanged(app, client, case_id, step, data):
    before = snapshot(app, case_id)
    response = client.post(f"/cases/{case_id}/milestones/{form_step(step)}", data=data)
    assert response.status_code == 422, (step, response.status_code)
    after = snapshot(app, case_id)
    assert after == before, f"{step}: a refused step changed the case"
    assert after[3] is False, f"{step}: the voter gate opened"
    assert client.get(f"/cases/{case_id}/voter").status_code == 404


def test_every_refused_step_in_every_stage_writes_nothing(app, login_as, make):
    coordinator = login_as("coordinator")
    event = make.event()
    for step, stage in REFUSED:
        case = make.case_at(stage, event=event)
        assert_refused_and_unchanged(app, coordinator, case.id, step, STEPS[step][0])


def test_refusal_keeps_earlier_milestones_exactly_as_they_were(app, login_as, make):
    """A case that already has dates: a refused oath changes none of them."""
    coordinator = login_as("coordinator")
    case = make.case_at(
        "biometrics",
        filed_on=date(2026, 10, 1),
        receipt_number="IOE0912345678",
        biometrics_on=date(2026, 11, 1),
    )
    assert_refused_and_unchanged(app, coordinator, case.id, "oath", STEPS["oath"][0])
    assert_refused_and_unchanged(app, coordinator, case.id, "certificate", STEPS["certificate"][0])


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    pair=st.sampled_from(REFUSED),
    days_ago=st.integers(min_value=0, max_value=3650),
    number=st.from_regex(r"[A-Z0-9]{6,12}", fullmatch=True),
)
def test_refused_steps_write_nothing_whatever_the_answers(app, make, pair, days_ago, number):
    step, stage = pair
    if not hasattr(app, "_coordinator"):
        make.organization()
        user = make.user("coordinator")
        client = app.test_client()
        log_in_with(client, user)
        app._coordinator, app._event = client, make.event()
    typed = (TODAY - timedelta(days=days_ago)).strftime("%m/%d/%Y")
    data = {
        name: (typed if name.endswith("_on") else number if name == "certificate_number" else v)
        for name, v in STEPS[step][0].items()
    }
    case = make.case_at(stage, event=app._event)
    assert_refused_and_unchanged(app, app._coordinator, case.id, step, data)


def test_an_allowed_step_still_saves(app, login_as, make):
    coordinator = login_as("coordinator")
    case = make.case_at("interview")
    response = coordinator.post(f"/cases/{case.id}/milestones/oath", data=STEPS["oath"][0])
    assert response.status_code == 302
    assert snapshot(app, case.id)[3] is True
