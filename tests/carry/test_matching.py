"""People already on the server are proposed to the admin, never merged; users are matched by
email; a sign-off on answers that differ from what was signed arrives voided."""

from datetime import date

from sqlalchemy import select

from clinic.auth.models import User
from clinic.cases.models import Applicant, Case, PossibleDuplicate
from clinic.cases.stages import Stage
from clinic.extensions import db
from clinic.review.models import SignOff
from tests.carry.conftest import export_bundle, import_into
from tests.factories import Factory

BORN = date(1980, 3, 14)


def kinds(report):
    return [d["kind"] for d in report["decisions"]]


def test_someone_already_on_the_server_is_proposed_as_a_match(server, laptop, make):
    on_file = make.case(make.event("Server Org"), given="María José", family="García", born=BORN)
    laptop_make = Factory(laptop)
    day = laptop_make.event("Casa Laptop")
    laptop_make.case(day, given="Maria Jose", family="Garcia Lopez", born=BORN)
    result = import_into(server, export_bundle(laptop, day.id))
    assert "possible_duplicate" in kinds(result.report)
    with server.app_context():
        pair = db.session.scalars(select(PossibleDuplicate)).one()
        assert pair.other_applicant_id == on_file.applicant_id
        assert pair.applicant_id != on_file.applicant_id  # two records: nothing merged
        assert "same date of birth" in pair.reasons and pair.linked_at is None
        assert len(db.session.scalars(select(Applicant)).all()) == 2


def test_someone_with_the_same_a_number_in_the_same_organization_is_that_person(
    server, laptop, make
):
    on_file = make.case(
        make.event("Casa Laptop"), given="Lan", family="Nguyen", born=BORN, a_number="A012345678"
    )
    laptop_make = Factory(laptop)
    day = laptop_make.event("Casa Laptop")
    laptop_make.case(day, given="Lan", family="Nguyễn", born=BORN, a_number="012345678")
    result = import_into(server, export_bundle(laptop, day.id))
    assert kinds(result.report).count("same_a_number") == 1
    assert "another_open_case" in kinds(result.report)  # the one made on the server is open
    with server.app_context():
        assert len(db.session.scalars(select(Applicant)).all()) == 1
        cases = db.session.scalars(select(Case).order_by(Case.id)).all()
        assert {c.applicant_id for c in cases} == {on_file.applicant_id}


def test_users_are_matched_by_email_and_unknown_ones_arrive_inactive(server, laptop, make):
    known = make.user("coordinator", organization="Casa Laptop", email="coord@casa.example.org")
    laptop_make = Factory(laptop)
    volunteer = laptop_make.user(
        "volunteer", organization="Casa Laptop", email="vol@casa.example.org"
    )
    laptop_make.user("coordinator", organization="Casa Laptop", email="coord@casa.example.org")
    day = laptop_make.event("Casa Laptop", staff=[volunteer])
    laptop_make.case(day, by=volunteer)
    result = import_into(server, export_bundle(laptop, day.id))
    with server.app_context():
        arrived = db.session.scalar(select(User).where(User.email == "vol@casa.example.org"))
        assert arrived.active is False and arrived.password_hash is None
        assert arrived.totp_secret is None
        coordinator = db.session.get(User, known.id)
        assert coordinator.active and coordinator.password_hash
    assert result.report["matched"]["organizations"] == 1
    assert {"kind": "user_created_inactive", "user_id": arrived.id} in result.report["decisions"]


def _approved_case(event_id):
    return db.session.scalars(
        select(Case)
        .where(Case.event_id == event_id, Case.stage == Stage.APPROVED)
        .order_by(Case.id)
    ).first()


def test_a_sign_off_on_other_answers_than_those_sent_arrives_void(server, laptop, demo_day):
    with laptop.app_context():
        case = _approved_case(demo_day.id)
        reference = case.reference
        # Changed behind the app's back (say, by an older version that did not void): the
        # sign-off on the laptop still stands.
        contact = case.section("contact")
        contact.answers = {**contact.answers, "sex": "F" if contact.answers["sex"] == "M" else "M"}
        db.session.commit()
        sign_off = db.session.scalars(select(SignOff).where(SignOff.case_id == case.id)).first()
        assert sign_off.void is None
    result = import_into(server, export_bundle(laptop, demo_day.id))
    server_id = next(c["case_id"] for c in result.report["cases"] if c["laptop"] == reference)
    assert {"kind": "sign_off_voided", "case_id": server_id} in result.report["decisions"]
    with server.app_context():
        arrived = db.session.get(Case, server_id)
        assert arrived.stage == Stage.IN_REVIEW
        sign_off = db.session.scalars(
            select(SignOff).where(SignOff.case_id == server_id).order_by(SignOff.id.desc())
        ).first()
        assert sign_off.void is not None
        assert any(change.get("section") == "contact" for change in sign_off.void.changes)
    others = [d for d in result.report["decisions"] if d["kind"] == "sign_off_voided"]
    assert len(others) == 1  # the sign-offs whose answers arrived as signed stand


def test_sign_offs_keep_their_signer_time_and_hashes(server, laptop, demo_day):
    with laptop.app_context():
        signed = [
            (s.signer.email, s.signed_at, s.facts_hash, s.answers_hash, s.decision)
            for s in db.session.scalars(
                select(SignOff).join(Case).where(Case.event_id == demo_day.id).order_by(SignOff.id)
            )
        ]
    import_into(server, export_bundle(laptop, demo_day.id))
    with server.app_context():
        arrived = [
            (s.signer.email, s.signed_at, s.facts_hash, s.answers_hash, s.decision)
            for s in db.session.scalars(select(SignOff).order_by(SignOff.id))
        ]
    assert arrived == signed and signed
