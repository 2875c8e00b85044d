"""The audit log as a hash chain: each event's hash covers its fields and the previous hash.

Events get their place in the chain (`seq`) and their hash when their transaction commits,
under a lock (SQLite: the write transaction itself; PostgreSQL: an advisory lock), so the
chain follows commit order whatever the ids. The hash is an HMAC keyed from the encryption
keys, which are not in the database: someone who can only write the database cannot rewrite
the chain to hide a change. `verify` walks the chain and names the first broken link.

Events from before the chain existed (seq NULL) are listed as such, never as broken.
"""

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC

from flask import current_app
from sqlalchemy import event, func, select, text

GENESIS = "0" * 64
ADVISORY_LOCK_ID = 180_318  # any constant shared by every Clinic process
PENDING = "clinic_unchained_audit_events"


def chain_key():
    return hmac.new(
        current_app.extensions["clinic_keyring"].index_key, b"audit chain", hashlib.sha256
    ).digest()


def link_hash(key, previous_hash, audit_event):
    """The HMAC-SHA-256 of the previous hash and the event's fields, in a canonical form."""
    fields = {
        "seq": audit_event.seq,
        "at": audit_event.at.astimezone(UTC).isoformat(),
        "actor_id": audit_event.actor_id,
        "action": audit_event.action,
        "object_type": audit_event.object_type,
        "object_id": audit_event.object_id,
        "details": audit_event.details or {},
    }
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hmac.new(key, f"{previous_hash}\n{canonical}".encode(), hashlib.sha256).hexdigest()


def install(session_class, audit_event_class):
    """Chain every new audit event of a session of `session_class` when it commits."""

    @event.listens_for(session_class, "before_flush")
    def _remember_new_events(session, _context, _instances):
        new = [obj for obj in session.new if isinstance(obj, audit_event_class)]
        if new:
            session.info.setdefault(PENDING, []).extend(new)

    @event.listens_for(session_class, "before_commit")
    def _chain_on_commit(session):
        session.flush()
        pending = session.info.pop(PENDING, [])
        if pending:
            _chain(session, audit_event_class, pending)

    @event.listens_for(session_class, "after_rollback")
    def _forget(session):
        session.info.pop(PENDING, None)


def _chain(session, audit_event_class, pending):
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": ADVISORY_LOCK_ID})
    head = session.execute(
        select(audit_event_class.seq, audit_event_class.chain_hash)
        .where(audit_event_class.seq.is_not(None))
        .order_by(audit_event_class.seq.desc())
        .limit(1)
    ).first()
    seq, previous = (head.seq, head.chain_hash) if head else (0, GENESIS)
    key = chain_key()
    for audit_event in sorted(pending, key=lambda e: e.id):
        seq += 1
        audit_event.seq = seq
        audit_event.chain_hash = previous = link_hash(key, previous, audit_event)
    session.flush()


@dataclass(frozen=True)
class Verdict:
    checked: int
    before_chain: int
    broken_at: object = None  # the first AuditEvent whose link does not hold
    reason: str = ""
    head: str = GENESIS

    @property
    def intact(self):
        return self.broken_at is None


def verify(session, audit_event_class, batch=1000):
    """Walk the chain in order; stop at the first event whose hash, or place, is wrong."""
    key = chain_key()
    legacy = session.scalar(
        select(func.count(audit_event_class.id)).where(audit_event_class.seq.is_(None))
    )
    previous, expected_seq, checked = GENESIS, 1, 0
    for audit_event in _in_chain_order(session, audit_event_class, batch):
        if audit_event.seq != expected_seq:
            reason = f"event number {expected_seq} of the chain is missing"
            return Verdict(checked, legacy, audit_event, reason, previous)
        expected = link_hash(key, previous, audit_event)
        if not hmac.compare_digest(audit_event.chain_hash or "", expected):
            reason = "its contents or its link to the event before it were changed"
            return Verdict(checked, legacy, audit_event, reason, previous)
        previous, expected_seq, checked = audit_event.chain_hash, expected_seq + 1, checked + 1
    return Verdict(checked, legacy, head=previous)


def _in_chain_order(session, audit_event_class, batch):
    """Every chained event by seq, `batch` rows at a time (keyset pages, no open cursor)."""
    after = 0
    while True:
        page = session.scalars(
            select(audit_event_class)
            .where(audit_event_class.seq > after)
            .order_by(audit_event_class.seq)
            .limit(batch)
        ).all()
        yield from page
        if len(page) < batch:
            return
        after = page[-1].seq
        session.expunge_all()  # keep memory flat on a long log
