"""Rows as plain JSON values and back, table by table, and which ids each column points at.

Rows are read and written through the ORM, so encrypted columns are decrypted with the
laptop's keys on the way out and encrypted with the server's on the way in, the A-number's
blind index is computed again by the model, and hooks (name words, finding codes, documents
still missing) run as for any save. Columns the server's model has and the bundle lacks (a
newer server) take their defaults; columns the bundle has and the model lacks are ignored.
"""

import datetime
import enum
from dataclasses import dataclass, field
from functools import cache

from sqlalchemy import Date, Enum, inspect
from sqlalchemy.orm import RelationshipDirection

from clinic.audit import AuditEvent
from clinic.cases.models import Applicant, Case, IntakeSection, ScreeningRun
from clinic.database import UTCDateTime
from clinic.filing.models import MilestoneCorrection, Milestones
from clinic.review.models import SignOff, SignOffVoid
from clinic.voter.models import VoterRegistration


@dataclass(frozen=True)
class Table:
    name: str
    model: type
    points_at: dict  # column -> id space ("users", "cases", ...)
    computed: frozenset = field(default_factory=frozenset)  # set by the model or its hooks


# In the order they are written (each after what it points at).
TABLES = (
    Table(
        "applicants",
        Applicant,
        {"organization_id": "organizations"},
        frozenset({"a_number_index"}),
    ),
    Table(
        "cases",
        Case,
        {
            "applicant_id": "applicants",
            "organization_id": "organizations",
            "event_id": "clinic_events",
            "created_by_id": "users",
        },
        frozenset({"reference", "documents_missing"}),
    ),
    Table("intake_sections", IntakeSection, {"case_id": "cases", "updated_by_id": "users"}),
    Table(
        "screening_runs",
        ScreeningRun,
        {"case_id": "cases", "created_by_id": "users"},
        frozenset({"finding_codes"}),
    ),
    Table(
        "sign_offs",
        SignOff,
        {"case_id": "cases", "screening_run_id": "screening_runs", "signer_id": "users"},
    ),
    Table("sign_off_voids", SignOffVoid, {"sign_off_id": "sign_offs", "voided_by_id": "users"}),
    Table("milestones", Milestones, {"case_id": "cases", "certificate_recorded_by_id": "users"}),
    Table(
        "milestone_corrections",
        MilestoneCorrection,
        {"case_id": "cases", "corrected_by_id": "users"},
    ),
    Table("voter_registrations", VoterRegistration, {"case_id": "cases", "updated_by_id": "users"}),
)
# Audit events point at a case or an applicant through (object_type, object_id).
AUDIT = Table("audit_events", AuditEvent, {"actor_id": "users"}, frozenset({"seq", "chain_hash"}))
AUDITED = {"cases": "cases", "applicants": "applicants"}


def encode(value):
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.date):  # datetimes too
        return value.isoformat()
    return value


def decode(column, value):
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return datetime.datetime.fromisoformat(value)
    if isinstance(kind, Enum) and kind.enum_class is not None:
        return kind.enum_class(value)
    if isinstance(kind, Date):
        return datetime.date.fromisoformat(value)
    return value


def row_of(obj):
    """Every column of a row, by attribute name, as JSON values."""
    mapper = inspect(type(obj))
    return {attr.key: encode(getattr(obj, attr.key)) for attr in mapper.column_attrs}


@cache
def columns(model):
    """{attribute name: its Column} of a model as this server has it."""
    return {attr.key: attr.columns[0] for attr in inspect(model).column_attrs}


@cache
def relationship_for(model, column_key):
    """The many-to-one relationship a foreign key column stands behind, if any."""
    for relationship in inspect(model).relationships:
        if relationship.direction is RelationshipDirection.MANYTOONE and any(
            column.key == column_key for column in relationship.local_columns
        ):
            return relationship.key
    return None


def new_row(table, row, targets):
    """A new ORM object of `table` from a bundle row; `targets(space, laptop id)` gives the
    server object a pointing column stands for (None when the laptop's id was None)."""
    obj = table.model()
    for key, column in columns(table.model).items():
        if column.primary_key or key in table.computed or key not in row:
            continue
        if key in table.points_at:
            target = targets(table.points_at[key], row[key])
            setattr(obj, key, None if target is None else target.id)
            relationship = relationship_for(table.model, key)
            if relationship and target is not None:
                setattr(obj, relationship, target)  # hooks read it before the flush
        else:
            setattr(obj, key, decode(column, row[key]))
    return obj
