"""Attorney review: claims, resolving each finding, signing with a password, and voids."""

import pytest
from sqlalchemy import select, update

from clinic.audit import AuditEvent
from clinic.cases.models import Case
from clinic.cases.stages import Stage
from clinic.extensions import db
from clinic.review.models import SignOff
from tests.factories import DEFAULT_PASSWORD
from tests.helpers import page_text, second_factor_code
from tests.intake.answers import case_version, complete_interview, post_section

TRIP_200_DAYS = {"trips-0-departed": "01/05/2023", "trips-0-returned": "07/24/2023"}


@pytest.fixture
def volunteer(login_as):
    return login_as("volunteer")


@pytest.fixture
def attorney(login_as):
    return login_as("attorney")


def send_to_review(volunteer, case_id):
    for step in ("finish_intake", "send_to_review"):
        volunteer.post(
            f"/cases/{case_id}/step/{step}", data={"version": case_version(volunteer, case_id)}
        )


@pytest.fixture
def case(make, volunteer):
    """A case with a 200-day trip (a refer finding), waiting for review."""
    case = make.case(make.event(staff=[volunteer.user]), by=volunteer.user)
    complete_interview(volunteer, case.id)
    post_section(volunteer, case.id, "trips", TRIP_200_DAYS)
    send_to_review(volunteer, case.id)
    return case


def facts_hash(client, case_id):
    page = client.get(f"/review/{case_id}").get_data(as_text=True)
    return page.split('name="facts_hash" type="hidden" value="')[1].split('"')[0]


def decide(client, case_id, decision="approve", password=DEFAULT_PASSWORD, **fields):
    data = {
        "facts_hash": facts_hash(client, case_id),
        "decision": decision,
        "password": password,
        "code": second_factor_code(client.application, client.user),
        "resolution-TRIP_OVER_180": "rebutted",
        "note-TRIP_OVER_180": "Kept job and lease; employer letter in file.",
        **fields,
    }
    return client.post(f"/review/{case_id}", data=data)


def stage(app, case_id):
    with app.app_context():
        return db.session.get(Case, case_id).stage


def test_the_queue_lists_cases_waiting_with_their_findings(attorney, case):
    page = page_text(attorney.get("/review/"))
    assert "Lan Nguyễn" in page and "TRIP_OVER_180" in page
    assert "Lan Nguyễn" in page_text(attorney.get("/review/?finding=TRIP_OVER_180"))
    assert "Lan Nguyễn" not in page_text(attorney.get("/review/?finding=DUI"))
    assert "Lan Nguyễn" in page_text(attorney.get("/review/?outcome=refer"))
    assert "Lan Nguyễn" not in page_text(attorney.get("/review/?outcome=eligible"))


def test_approval_records_signer_credential_time_and_facts_hash(app, attorney, case, clock):
    response = decide(attorney, case.id)
    assert response.status_code == 302
    assert stage(app, case.id) == Stage.APPROVED
    with app.app_context():
        sign_off = db.session.scalar(select(SignOff))
        record = db.session.get(Case, case.id)
        assert sign_off.facts_hash == record.latest_screening.facts_hash
        assert sign_off.signer_id == attorney.user.id
        assert sign_off.credential.startswith("Bar admission: MA BBO")
        assert sign_off.signed_at == clock.now
        assert sign_off.resolutions == [
            {
                "code": "TRIP_OVER_180",
                "resolution": "rebutted",
                "note": "Kept job and lease; employer letter in file.",
            }
        ]
        actions = db.session.scalars(select(AuditEvent.action)).all()
        assert "review.signed_off" in actions


def test_an_unresolved_finding_blocks_the_decision(app, attorney, case):
    page = page_text(decide(attorney, case.id, **{"resolution-TRIP_OVER_180": ""}))
    assert "Resolve every finding first" in page
    page = page_text(decide(attorney, case.id, **{"note-TRIP_OVER_180": "  "}))
    assert "Write a note for each resolution." in page
    assert stage(app, case.id) == Stage.IN_REVIEW


def test_signing_needs_the_password(app, attorney, case):
    assert "That is not your password." in page_text(decide(attorney, case.id, password="nope"))
    assert "Sign with your password." in page_text(decide(attorney, case.id, password=""))


def test_signing_needs_the_second_factor_code_too(app, attorney, case):
    wrong = page_text(decide(attorney, case.id, code="000000"))
    assert "That code is not right" in wrong
    assert "Sign with the code from your app too." in page_text(decide(attorney, case.id, code=""))
    assert stage(app, case.id) == Stage.IN_REVIEW
    code = second_factor_code(app, attorney.user)
    assert decide(attorney, case.id, code=code).status_code == 302
    assert stage(app, case.id) == Stage.APPROVED


def test_a_code_used_to_log_in_does_not_sign_again(app, make, case):
    lawyer = make.user("attorney")
    client = app.test_client()
    client.post("/login", data={"email": lawyer.email, "password": lawyer.password})
    code = second_factor_code(app, lawyer)
    client.post("/login/code", data={"code": code})
    client.user = lawyer
    assert "used already" in page_text(decide(client, case.id, code=code))
    assert stage(app, case.id) == Stage.IN_REVIEW
    assert stage(app, case.id) == Stage.IN_REVIEW


@pytest.mark.parametrize(
    ("decision", "fields", "expected"),
    [
        ("approve_with_conditions", {"conditions": ["TRIP_TIES_EVIDENCE"]}, Stage.APPROVED),
        ("needs_info", {"questions": "Which employer kept the job open?"}, Stage.NEEDS_INFO),
        ("refer", {"referred_to": "Greater Boston Legal Services"}, Stage.REFERRED),
        ("not_yet", {"come_back_on": "01/24/2028"}, Stage.NOT_YET),
        ("close", {"reason": "Withdrew"}, Stage.CLOSED),
    ],
)
def test_each_decision_moves_the_case(app, attorney, case, decision, fields, expected):
    assert decide(attorney, case.id, decision, **fields).status_code == 302
    assert stage(app, case.id) == expected
    with app.app_context():
        event = db.session.scalar(
            select(AuditEvent).where(AuditEvent.action == "review.signed_off")
        )
        assert event.details["decision"] == decision


@pytest.mark.parametrize(
    ("decision", "missing"),
    [
        ("approve_with_conditions", "List the documents"),
        ("needs_info", "Write the questions"),
        ("refer", "Say which organization"),
        ("not_yet", "Give the date"),
        ("close", "Say why"),
    ],
)
def test_each_decision_asks_for_its_details(attorney, case, decision, missing):
    assert missing in page_text(decide(attorney, case.id, decision))


def test_the_volunteer_sees_the_attorneys_questions(attorney, volunteer, case):
    decide(attorney, case.id, "needs_info", questions="Which employer kept the job open?")
    assert "Which employer kept the job open?" in page_text(volunteer.get(f"/cases/{case.id}"))


def test_not_yet_feeds_the_come_back_list(login_as, attorney, case):
    decide(attorney, case.id, "not_yet", come_back_on="01/24/2028")
    page = page_text(login_as("coordinator").get("/cases/follow-up/come-back"))
    assert "Lan Nguyễn" in page and "Jan 24, 2028" in page


def test_changing_a_trip_voids_the_sign_off_and_shows_the_change(app, attorney, volunteer, case):
    decide(attorney, case.id)
    post_section(volunteer, case.id, "trips", {**TRIP_200_DAYS, "trips-0-returned": "08/30/2023"})
    assert stage(app, case.id) == Stage.IN_REVIEW
    page = page_text(attorney.get(f"/review/{case.id}"))
    assert "The last sign-off is void" in page
    assert "Came back: Jul 24, 2023" in page and "Came back: Aug 30, 2023" in page
    assert "void" in page_text(volunteer.get(f"/cases/{case.id}"))


def hidden(client, case_id, name):
    page = client.get(f"/review/{case_id}").get_data(as_text=True)
    return page.split(f'name="{name}" type="hidden" value="')[1].split('"')[0]


def sign_again(client, case_id, password=DEFAULT_PASSWORD):
    return client.post(
        f"/review/{case_id}/reconfirm",
        data={
            "again-facts_hash": hidden(client, case_id, "again-facts_hash"),
            "again-answers_hash": hidden(client, case_id, "again-answers_hash"),
            "again-password": password,
            "again-code": second_factor_code(client.application, client.user),
        },
    )


def test_the_sign_off_covers_answers_the_screening_does_not_read(app, attorney, volunteer, case):
    """The phone is printed on the N-400 (Part 11): changing it voids the approval, and the
    attorney reads the change, question by question."""
    decide(attorney, case.id)
    post_section(volunteer, case.id, "contact", {"phone": "617-555-0123"})
    assert stage(app, case.id) == Stage.IN_REVIEW
    page = page_text(attorney.get(f"/review/{case.id}"))
    assert "The last sign-off is void" in page
    assert "Phone" in page and "(978) 555-0199" in page and "(617) 555-0123" in page
    assert "Came back" not in page.split("What changed")[1].split("Screening")[0]


def test_an_approval_voided_by_a_change_is_signed_again_in_one_step(app, attorney, volunteer, case):
    decide(attorney, case.id)
    post_section(volunteer, case.id, "contact", {"phone": "617-555-0123"})
    assert 'Sign "Approve to file" again' in page_text(attorney.get(f"/review/{case.id}"))
    assert "That is not your password." in page_text(sign_again(attorney, case.id, "nope"))
    assert sign_again(attorney, case.id).status_code == 302
    assert stage(app, case.id) == Stage.APPROVED
    with app.app_context():
        first, second = db.session.scalars(select(SignOff).order_by(SignOff.id)).all()
        assert first.void is not None and second.void is None
        assert second.decision == first.decision and second.resolutions == first.resolutions
        assert second.answers["contact"]["phone"] == "6175550123"


def test_a_new_finding_needs_the_full_decision_not_a_second_signature(
    app, attorney, volunteer, case
):
    decide(attorney, case.id)
    post_section(volunteer, case.id, "trips", {**TRIP_200_DAYS, "trips-0-returned": "02/20/2024"})
    response = sign_again(attorney, case.id)
    assert response.status_code == 422
    assert "did not resolve (TRIP_OVER_365)" in page_text(response)
    assert stage(app, case.id) == Stage.IN_REVIEW


def test_answers_changed_before_signing_again_are_caught(app, attorney, volunteer, case):
    decide(attorney, case.id)
    post_section(volunteer, case.id, "contact", {"phone": "617-555-0123"})
    seen = hidden(attorney, case.id, "again-answers_hash")
    post_section(volunteer, case.id, "contact", {"phone": "617-555-0999"})
    response = attorney.post(
        f"/review/{case.id}/reconfirm",
        data={
            "again-facts_hash": hidden(attorney, case.id, "again-facts_hash"),
            "again-answers_hash": seen,
            "again-password": DEFAULT_PASSWORD,
            "again-code": second_factor_code(attorney.application, attorney.user),
        },
    )
    assert "The answers changed while you were reviewing" in page_text(response)
    assert stage(app, case.id) == Stage.IN_REVIEW


def test_a_sign_off_from_before_it_covered_every_answer_stays_bound_to_the_facts(
    app, attorney, volunteer, case
):
    decide(attorney, case.id)
    with app.app_context():  # as the migration leaves the sign-offs made before it
        db.session.execute(update(SignOff.__table__).values(answers=None, answers_hash=None))
        db.session.commit()
    post_section(volunteer, case.id, "contact", {"phone": "617-555-0123"})
    assert stage(app, case.id) == Stage.APPROVED
    post_section(volunteer, case.id, "trips", {**TRIP_200_DAYS, "trips-0-returned": "08/30/2023"})
    assert stage(app, case.id) == Stage.IN_REVIEW


def test_an_attorney_who_edited_answers_cannot_sign(app, login_as, make, volunteer):
    lawyer = login_as("attorney")
    case = make.case(make.event(staff=[volunteer.user, lawyer.user]), by=volunteer.user)
    complete_interview(volunteer, case.id)
    post_section(lawyer, case.id, "taxes", {"taxes": "owed_with_plan"})
    send_to_review(volunteer, case.id)
    page = page_text(lawyer.get(f"/review/{case.id}"))
    assert "another attorney must sign it off" in page
    response = lawyer.post(
        f"/review/{case.id}",
        data={
            "facts_hash": facts_hash(lawyer, case.id),
            "decision": "approve",
            "password": DEFAULT_PASSWORD,
            "code": second_factor_code(app, lawyer.user),
        },
    )
    assert response.status_code == 403
    assert "preparer is not the approver" in page_text(response)
    assert stage(app, case.id) == Stage.IN_REVIEW


@pytest.mark.parametrize("role", ["volunteer", "coordinator", "admin"])
def test_only_attorneys_can_sign_even_posting_directly(app, login_as, case, role):
    client = login_as(role)
    response = client.post(
        f"/review/{case.id}", data={"decision": "approve", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 403
    assert stage(app, case.id) == Stage.IN_REVIEW


def test_an_attorney_without_a_credential_is_refused_by_the_service(app, make, case):
    from clinic.auth.models import User
    from clinic.clock import utcnow
    from clinic.review import services

    lawyer = make.user("attorney")
    with app.app_context():
        user = db.session.get(User, lawyer.id)
        user.credential_number = ""
        with pytest.raises(services.NotAllowed):
            services.claim(db.session.get(Case, case.id), user, utcnow())


def test_another_organizations_case_is_404(login_as, make, case):
    outsider = login_as("attorney", organization="Other Org")
    assert outsider.get(f"/review/{case.id}").status_code == 404
    assert outsider.post(f"/review/{case.id}", data={"decision": "approve"}).status_code == 404


def test_a_claim_keeps_other_attorneys_off_until_it_expires(app, login_as, attorney, case, clock):
    attorney.post(f"/review/{case.id}/claim")
    colleague = login_as("attorney")
    page = page_text(colleague.get(f"/review/{case.id}"))
    assert "is reviewing this case until" in page
    refused = page_text(colleague.post(f"/review/{case.id}/claim", follow_redirects=True))
    assert "is reviewing this case until" in refused
    assert "is reviewing this case" in page_text(decide(colleague, case.id))
    for _ in range(4):  # 100 minutes pass; both stay logged in by using the app
        clock.advance(minutes=25)
        colleague.get("/")
    colleague.post(f"/review/{case.id}/claim")
    assert "You are reviewing this case" in page_text(colleague.get(f"/review/{case.id}"))
    assert decide(colleague, case.id).status_code == 302


def test_answers_changed_while_reviewing_are_caught(app, attorney, volunteer, case):
    seen = facts_hash(attorney, case.id)
    post_section(volunteer, case.id, "trips", {**TRIP_200_DAYS, "trips-0-returned": "08/01/2023"})
    response = attorney.post(
        f"/review/{case.id}",
        data={
            "facts_hash": seen,
            "decision": "approve",
            "password": DEFAULT_PASSWORD,
            "code": second_factor_code(app, attorney.user),
            "resolution-TRIP_OVER_180": "rebutted",
            "note-TRIP_OVER_180": "ok",
        },
    )
    assert "The answers changed while you were reviewing" in page_text(response)
    assert stage(app, case.id) == Stage.IN_REVIEW


def test_sign_offs_are_never_edited_or_deleted(app, attorney, case):
    decide(attorney, case.id)
    with app.app_context():
        sign_off = db.session.scalar(select(SignOff))
        sign_off.note = "changed"
        with pytest.raises(ValueError, match="never edited"):
            db.session.flush()
        db.session.rollback()
        db.session.delete(db.session.scalar(select(SignOff)))
        with pytest.raises(ValueError, match="never deleted"):
            db.session.flush()
        db.session.rollback()


def test_the_case_page_shows_the_history_in_order(app, attorney, volunteer, case):
    decide(attorney, case.id)
    page = page_text(volunteer.get(f"/cases/{case.id}"))
    history = page[page.index("<h2>History</h2>") :]
    assert (
        history.index("Screened")
        < history.index("Moved to: Attorney review")
        < history.index("Signed off: Approve to file")
    )


def test_saving_the_same_answers_again_keeps_the_sign_off(app, attorney, volunteer, case):
    decide(attorney, case.id)
    for key in ("contact", "residence", "marriage", "character", "household"):
        post_section(volunteer, case.id, key)
    assert stage(app, case.id) == Stage.APPROVED
    with app.app_context():
        assert db.session.scalar(select(SignOff)).void is None
