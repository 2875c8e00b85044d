"""A clinic day made on the laptop arrives on the server record by record, once."""

from sqlalchemy import select, text

from clinic.audit import AuditEvent
from clinic.carry.models import ImportedBundle
from clinic.cases.models import Applicant, IntakeSection
from clinic.extensions import db
from clinic.security import audit_chain
from tests.carry.conftest import LAPTOP_KEYS, export_bundle, import_into
from tests.carry.helpers import differences, gathered, row_counts


def test_every_record_of_the_day_arrives_as_it_left(server, laptop, demo_day):
    result = import_into(server, export_bundle(laptop, demo_day.id))
    with server.app_context():
        event_id = db.session.get(ImportedBundle, result.id).event_id
    laptop_day, server_day = gathered(laptop, demo_day.id), gathered(server, event_id)
    assert len(server_day["tables"]["cases"]) == len(laptop_day["tables"]["cases"]) > 40
    assert server_day["tables"]["sign_offs"] and server_day["tables"]["milestones"]
    assert differences(laptop_day, server_day, result.receipt) == []
    laptop_day["tables"]["intake_sections"][0]["answers"] = {"changed": "yes"}
    assert differences(laptop_day, server_day, result.receipt) != []  # the check sees one
    assert {c["laptop"] for c in result.report["cases"]} == {
        row["reference"] for row in laptop_day["tables"]["cases"]
    }
    assert result.report["created"]["cases"] == len(laptop_day["tables"]["cases"])


def test_answers_are_encrypted_with_the_servers_keys_and_a_numbers_found_again(
    server, laptop, demo_day
):
    import_into(server, export_bundle(laptop, demo_day.id))
    with server.app_context():
        keyring = server.extensions["clinic_keyring"]
        stored = db.session.execute(text("SELECT answers FROM intake_sections LIMIT 1")).scalar()
        assert stored.startswith(f"v1:{keyring.newest_id}:")
        laptop_key_id = laptop.extensions["clinic_keyring"].newest_id
        assert laptop_key_id != keyring.newest_id and LAPTOP_KEYS["data_keys"]
        holder = db.session.scalars(
            select(Applicant).where(Applicant.a_number.is_not(None))
        ).first()
        found = db.session.scalar(select(Applicant).where(Applicant.a_number_is(holder.a_number)))
        assert found.id == holder.id
        assert db.session.scalar(select(IntakeSection).limit(1)).answers is not None


def test_the_servers_audit_chain_holds_after_an_import(server, laptop, demo_day):
    import_into(server, export_bundle(laptop, demo_day.id))
    with server.app_context():
        verdict = audit_chain.verify(db.session, AuditEvent)
        assert verdict.intact, verdict.reason


def test_a_second_import_of_the_same_bundle_changes_nothing(server, laptop, demo_day):
    data = export_bundle(laptop, demo_day.id)
    first = import_into(server, data)
    before = row_counts(server)
    again = import_into(server, data)
    assert again.already and not first.already
    assert again.id == first.id
    assert row_counts(server) == before


def test_another_export_of_a_day_already_imported_is_refused_unless_asked(server, laptop, demo_day):
    """Its cases would arrive twice: refused; imported only when the admin says so, and the
    report says the cases are there twice."""
    from clinic.carry.bundle import BundleRefused
    from clinic.carry.importer import import_bundle
    from clinic.clock import utcnow

    first = import_into(server, export_bundle(laptop, demo_day.id))
    second = export_bundle(laptop, demo_day.id)
    before = row_counts(server)
    with server.app_context():
        try:
            import_bundle(second, by=None, now=utcnow())
            raise AssertionError("imported twice")
        except BundleRefused as refusal:
            assert first.receipt in str(refusal) and "twice" in str(refusal)
        db.session.rollback()
    assert row_counts(server) == before
    with server.app_context():
        outcome = import_bundle(second, by=None, now=utcnow(), again=True)
        db.session.commit()
        assert {"kind": "imported_again", "import_id": first.id} in outcome.imported.report[
            "decisions"
        ]
