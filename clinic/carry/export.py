"""A clinic day's records gathered on the laptop and sealed into one bundle for the server.

Everything of the day's cases: the applicants, the cases, every interview section (the
documents checklist is one), the screening runs, the sign-offs with their hashes and voids,
milestones and voter follow-up, and the audit events of those cases and applicants; the day
itself with its partners and staff; the users and organizations these point at, without
passwords, second factors or sessions.
"""

import uuid

from sqlalchemy import select

from clinic import audit
from clinic.audit import AuditEvent
from clinic.auth.models import Organization, User
from clinic.auth.services import ServiceError
from clinic.carry import bundle, keys, schema
from clinic.carry.keys import CarryKeyProblem
from clinic.carry.models import DayExport
from clinic.carry.records import AUDIT, AUDITED, TABLES, encode, row_of
from clinic.cases.models import Case
from clinic.extensions import db

FORMAT = 1
USER_FIELDS = ("email", "name", "role", "credential", "credential_number", "organization_id")


def _rows(table, ids_by_space):
    """The rows of `table` hanging from the day's cases (or its applicants)."""
    model = table.model
    if table.name == "applicants":
        condition = model.id.in_(ids_by_space["applicants"])
    elif table.name == "cases":
        condition = model.id.in_(ids_by_space["cases"])
    elif table.name == "sign_off_voids":
        condition = model.sign_off_id.in_(ids_by_space["sign_offs"])
    else:
        condition = model.case_id.in_(ids_by_space["cases"])
    return db.session.scalars(select(model).where(condition).order_by(model.id)).all()


def _audit_rows(ids_by_space):
    rows = []
    for object_type, space in AUDITED.items():
        rows += db.session.scalars(
            select(AuditEvent).where(
                AuditEvent.object_type == object_type,
                AuditEvent.object_id.in_(ids_by_space[space]),
            )
        ).all()
    return sorted(rows, key=lambda event: event.id)


def gather(event):
    """The day's records as one JSON-ready dict."""
    cases = db.session.scalars(select(Case).where(Case.event_id == event.id)).all()
    ids = {"cases": [c.id for c in cases], "applicants": sorted({c.applicant_id for c in cases})}
    tables = {}
    for table in TABLES:
        objects = _rows(table, ids)
        ids[table.name] = [obj.id for obj in objects]
        tables[table.name] = [row_of(obj) for obj in objects]
    tables[AUDIT.name] = [row_of(obj) for obj in _audit_rows(ids)]
    user_ids = {member.user_id for member in event.staff}
    for table in (*TABLES, AUDIT):
        for column, space in table.points_at.items():
            if space == "users":
                user_ids |= {row[column] for row in tables[table.name] if row[column]}
    users = db.session.scalars(select(User).where(User.id.in_(user_ids)).order_by(User.id)).all()
    organization_ids = (
        {event.host_organization_id}
        | {org.id for org in event.partners}
        | {user.organization_id for user in users}
        | {row["organization_id"] for row in tables["applicants"]}
    )
    organizations = db.session.scalars(
        select(Organization).where(Organization.id.in_(organization_ids))
    ).all()
    return {
        "format": FORMAT,
        "event": {
            "id": event.id,
            "name": event.name,
            "site": event.site,
            "held_on": encode(event.held_on),
            "capacity": event.capacity,
            "created_at": encode(event.created_at),
            "host_organization_id": event.host_organization_id,
            "partner_ids": sorted(org.id for org in event.partners),
            "staff_ids": sorted(member.user_id for member in event.staff),
        },
        "organizations": [
            {"id": org.id, "name": org.name, "contact": org.contact} for org in organizations
        ],
        "users": [
            {"id": user.id, **{name: encode(getattr(user, name)) for name in USER_FIELDS}}
            for user in users
        ],
        "tables": tables,
    }


def export_day(event, *, by, now):
    """(bundle bytes, DayExport) for the day; refused (ServiceError) without the server's key."""
    try:
        key_set = keys.ensure_own_keys()
        signing_key, server_key = keys.signing_key(key_set), keys.server_key(key_set)
    except CarryKeyProblem as problem:
        raise ServiceError(str(problem)) from problem
    records = gather(event)
    bundle_id = uuid.uuid4().hex
    data = bundle.seal(
        records,
        bundle_id=bundle_id,
        made_at=now,
        schema_revision=schema.head_revision(),
        signing_key=signing_key,
        server_key=server_key,
    )
    export = DayExport(
        bundle_id=bundle_id,
        event_id=event.id,
        exported_at=now,
        exported_by_id=getattr(by, "id", None),
        cases=len(records["tables"]["cases"]),
    )
    db.session.add(export)
    audit.record("carry.exported", actor=by, target=event, at=now, cases=export.cases)
    return data, export
