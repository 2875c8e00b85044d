"""The audit log's hash chain: every event linked to the one before; a changed, removed or
forged row is found, and `verify-audit` names the first broken link."""

from sqlalchemy import select, text

from clinic import audit
from clinic.audit import AuditEvent
from clinic.extensions import db
from clinic.security import audit_chain


def record_events(app, count, action="test.event"):
    with app.app_context():
        for number in range(count):
            audit.record(action, number=number)
            db.session.commit()


def chain(app):
    with app.app_context():
        return db.session.execute(
            select(AuditEvent.id, AuditEvent.seq, AuditEvent.chain_hash).order_by(AuditEvent.seq)
        ).all()


def verify(runner):
    return runner.invoke(args=["clinic", "verify-audit"])


def test_each_commit_extends_the_chain_in_order(app, runner):
    record_events(app, 3)
    with app.app_context():
        audit.record("test.two_at_once", part=1)
        audit.record("test.two_at_once", part=2)
        db.session.commit()
    links = chain(app)
    assert [link.seq for link in links] == [1, 2, 3, 4, 5]
    assert len({link.chain_hash for link in links}) == 5
    result = verify(runner)
    assert result.exit_code == 0, result.output
    assert "intact: 5 events" in result.output
    assert links[-1].chain_hash in result.output


def test_a_rolled_back_event_leaves_no_gap(app, runner):
    record_events(app, 1)
    with app.app_context():
        audit.record("test.refused")
        db.session.flush()
        db.session.rollback()
    record_events(app, 1)
    assert [link.seq for link in chain(app)] == [1, 2]
    assert verify(runner).exit_code == 0


def test_a_changed_row_is_detected_at_that_event(app, runner):
    record_events(app, 4)
    target = chain(app)[2]
    with app.app_context():
        db.session.execute(
            text("UPDATE audit_events SET action = 'test.innocent' WHERE id = :id"),
            {"id": target.id},
        )
        db.session.commit()
    result = verify(runner)
    assert result.exit_code == 1
    assert f"breaks at event {target.id} (number 3" in result.output
    assert "The 2 events before it are intact" in result.output


def test_changed_details_are_detected(app, runner):
    record_events(app, 2)
    first = chain(app)[0]
    with app.app_context():
        event = db.session.get(AuditEvent, first.id)
        event.details = {"number": 99}
        db.session.commit()
    assert f"breaks at event {first.id}" in verify(runner).output


def test_a_removed_row_is_detected(app, runner):
    record_events(app, 3)
    middle = chain(app)[1]
    with app.app_context():
        db.session.execute(text("DELETE FROM audit_events WHERE id = :id"), {"id": middle.id})
        db.session.commit()
    result = verify(runner)
    assert result.exit_code == 1
    assert "event number 2 of the chain is missing" in result.output


def test_a_forged_chain_needs_the_key_kept_outside_the_database(app):
    """Rewriting a row and recomputing its hash with plain SHA-256 (all a database copy
    allows) does not pass: the links are HMACs keyed from the encryption keys."""
    import hashlib

    record_events(app, 2)
    first = chain(app)[0]
    with app.app_context():
        event = db.session.get(AuditEvent, first.id)
        event.action = "test.forged"
        event.chain_hash = hashlib.sha256(b"forged").hexdigest()
        db.session.commit()
        verdict = audit_chain.verify(db.session, AuditEvent)
    assert verdict.broken_at.id == first.id


def test_events_from_before_the_chain_are_counted_apart(app, runner):
    with app.app_context():
        db.session.execute(
            text(
                "INSERT INTO audit_events (at, action, details) "
                "VALUES ('2026-01-01 00:00:00', 'legacy.event', '{}')"
            )
        )
        db.session.commit()
    record_events(app, 1)
    result = verify(runner)
    assert result.exit_code == 0
    assert "1 events from before the chain began" in result.output
