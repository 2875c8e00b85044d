"""A laptop's clinic day brought into the server's database, in the caller's one transaction.

Ids are remapped; organizations are matched by name and users by email (unknown users are
created inactive, to be invited); every applicant is looked up among the server's people with
the duplicate finder first: one holding the same A-number in the same organization is the
same person (as at check-in), and the case joins them; likely matches elsewhere are proposed
to the admin as possible duplicates, never merged. Sign-offs keep their signer, time and
hashes, and are voided exactly as after a save when the answers differ from what was signed.
A bundle imported once is not imported again (its id is kept).
"""

import base64
from contextlib import suppress
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value

from clinic import audit
from clinic.admin import services as admin_services
from clinic.auth.models import Organization, User
from clinic.auth.roles import Credential, Role
from clinic.auth.services import ServiceError, find_user_by_email
from clinic.carry import bundle, export, keys, schema
from clinic.carry.bundle import BundleRefused
from clinic.carry.keys import CarryKeyProblem
from clinic.carry.models import ImportedBundle
from clinic.carry.records import AUDIT, AUDITED, TABLES, decode, new_row
from clinic.cases.models import Applicant, PossibleDuplicate
from clinic.cases.search import find_people
from clinic.cases.services import a_number_holder
from clinic.events import services as events
from clinic.events.models import ClinicEvent
from clinic.extensions import db
from clinic.review.services import void_if_answers_changed


@dataclass(frozen=True)
class Outcome:
    imported: ImportedBundle
    already: bool  # imported before: nothing changed now


def import_bundle(data, *, by, now, again=False):
    """Open, check and import a bundle (flushes; the caller commits once, or rolls back).
    A bundle of a laptop's day already imported from an earlier export is refused unless
    `again` (its cases would be on the server twice)."""
    header, records = opened(data)
    earlier = db.session.scalar(
        select(ImportedBundle).where(ImportedBundle.bundle_id == header["bundle_id"])
    )
    if earlier is not None:
        return Outcome(earlier, already=True)
    laptop_key_id = keys.key_id(base64.b64decode(header["laptop_key"]))
    earlier_export = _same_day(laptop_key_id, records["event"]["id"])
    if earlier_export is not None and not again:
        raise BundleRefused(
            _(
                "This laptop's clinic day was imported already, from an earlier export (receipt "
                "%(receipt)s, imported %(imported)s UTC): importing this export too would put "
                "its cases on the server twice. Make later changes on the server. Only if that "
                "import was a mistake, import this one again anyway (then close the older cases "
                "as duplicates).",
                receipt=earlier_export.receipt,
                imported=f"{earlier_export.imported_at:%Y-%m-%d %H:%M}",
            )
        )
    imported = _claim(header, laptop_key_id, records["event"]["id"], by, now)
    try:
        _Import(records, imported, by, now, earlier_export).run()
    except ServiceError as error:
        raise BundleRefused(
            _("This bundle could not be imported: %(why)s", why=error.message)
        ) from error
    return Outcome(imported, already=False)


def opened(data):
    """(header, records) of a bundle this server may import; BundleRefused says why not."""
    bundle.peek_header(data)  # not a bundle at all: say so before anything else
    try:
        key_set = keys.load()
        receiving, trusted = keys.receiving_key(key_set), keys.trusted_laptops(key_set)
    except CarryKeyProblem as problem:
        raise BundleRefused(str(problem)) from problem
    header, records = bundle.open_bundle(data, receiving_key=receiving, trusted_laptops=trusted)
    revision = header["schema_revision"]
    if not schema.is_known(revision):
        raise BundleRefused(
            _(
                "This bundle was made by a newer version of Clinic (database schema "
                "%(revision)s) than this server's (%(head)s). Update Clinic on the server "
                "(then `flask --app clinic db upgrade`) and import it again.",
                revision=revision,
                head=schema.head_revision(),
            )
        )
    if records.get("format") != export.FORMAT:
        raise BundleRefused(_("This bundle's records are in a format this server does not read."))
    return header, records


def _claim(header, laptop_key_id, laptop_event_id, by, now):
    """The import's record, written first: a concurrent import of the same bundle stops here."""
    imported = ImportedBundle(
        bundle_id=header["bundle_id"],
        laptop_key_id=laptop_key_id,
        laptop_event_id=laptop_event_id,
        schema_revision=header["schema_revision"],
        made_at=decode(ImportedBundle.__table__.c.made_at, header["made_at"]),
        imported_at=now,
        imported_by_id=getattr(by, "id", None),
    )
    db.session.add(imported)
    try:
        db.session.flush()
    except IntegrityError as error:
        raise BundleRefused(
            _(
                "This bundle is being imported by someone else right now: look at the imported "
                "days in a minute."
            )
        ) from error
    return imported


def _same_day(laptop_key_id, laptop_event_id):
    """The latest import of this laptop's day, from any of its exports."""
    return db.session.scalar(
        select(ImportedBundle)
        .where(
            ImportedBundle.laptop_key_id == laptop_key_id,
            ImportedBundle.laptop_event_id == laptop_event_id,
        )
        .order_by(ImportedBundle.id.desc())
        .limit(1)
    )


class _Import:
    def __init__(self, records, imported, by, now, earlier_export=None):
        self.records, self.imported, self.by, self.now = records, imported, by, now
        self.objects = {}  # id space -> {laptop id: server object}
        self.created = {}
        self.matched = {"organizations": 0, "users": 0, "applicants": 0}
        self.decisions = []
        if earlier_export is not None:
            self.decisions.append({"kind": "imported_again", "import_id": earlier_export.id})
        self.cases = []

    def target(self, space, laptop_id):
        return None if laptop_id is None else self.objects[space][laptop_id]

    def run(self):
        self._organizations()
        self._users()
        self._event()
        proposals = self._applicants()
        for table in TABLES[1:]:
            self._table(table)
            if table.name == "cases":
                self._number_cases()
        self._audit_events()
        self._propose(proposals)
        self._void_changed_sign_offs()
        self.imported.event = self.objects["clinic_events"][self.records["event"]["id"]]
        self.imported.report = {
            "created": self.created,
            "matched": self.matched,
            "cases": self.cases,
            "decisions": self.decisions,
        }
        audit.record(
            "carry.imported",
            actor=self.by,
            target=self.imported.event,
            at=self.now,
            bundle=self.imported.receipt,
            cases=len(self.cases),
            decisions=len(self.decisions),
        )

    def _count(self, name, number=1):
        self.created[name] = self.created.get(name, 0) + number

    def _organizations(self):
        found = {}
        for row in self.records["organizations"]:
            organization = db.session.scalar(
                select(Organization).where(func.lower(Organization.name) == row["name"].lower())
            )
            if organization is None:
                organization = admin_services.create_organization(
                    row["name"], row["contact"] or "", by=self.by, now=self.now
                )
                db.session.flush()
                self._count("organizations")
                self.decisions.append(
                    {"kind": "organization_created", "organization_id": organization.id}
                )
            else:
                self.matched["organizations"] += 1
            found[row["id"]] = organization
        self.objects["organizations"] = found

    def _users(self):
        found = {}
        for row in self.records["users"]:
            user = find_user_by_email(row["email"])
            if user is None:
                user = self._new_user(row)
            else:
                self.matched["users"] += 1
            found[row["id"]] = user
        self.objects["users"] = found

    def _new_user(self, row):
        """A user the server does not know: created inactive, without a password."""
        user = admin_services.create_user(
            self.target("organizations", row["organization_id"]),
            row["name"],
            row["email"],
            Role(row["role"]),
            Credential(row["credential"]) if row["credential"] else None,
            row["credential_number"],
            by=self.by,
            now=self.now,
        )
        user.active = False
        db.session.flush()
        self._count("users")
        self.decisions.append({"kind": "user_created_inactive", "user_id": user.id})
        return user

    def _event(self):
        row = self.records["event"]
        column = ClinicEvent.__table__.c.held_on
        event = events.create_event(
            self.target("organizations", row["host_organization_id"]),
            row["name"],
            row["site"],
            decode(column, row["held_on"]),
            row["capacity"],
            by=self.by,
            now=self.now,
            partners=[self.target("organizations", i) for i in row["partner_ids"]],
        )
        for user_id in row["staff_ids"]:
            # A matched user of another organization keeps their own access, and no more.
            with suppress(ServiceError):
                events.add_staff(event, self.target("users", user_id), by=self.by, now=self.now)
        db.session.flush()
        self._count("clinic_events")
        self.objects["clinic_events"] = {row["id"]: event}

    def _applicants(self):
        """Each applicant matched first (against the server's people only), then created."""
        table, everyone = TABLES[0], list(db.session.scalars(select(Organization.id)))
        plans = []
        for row in self.records["tables"]["applicants"]:
            organization = self.target("organizations", row["organization_id"])
            holder = None
            if row["a_number"]:
                holder = a_number_holder(organization.id, row["a_number"])
            matches = [] if holder else self._likely(everyone, row)
            plans.append((row, holder, matches))
        found, proposals = {}, []
        for row, holder, matches in plans:
            if holder is not None:
                found[row["id"]] = holder
                self.matched["applicants"] += 1
                self.decisions.append({"kind": "same_a_number", "applicant_id": holder.id})
                continue
            applicant = new_row(table, row, self.target)
            db.session.add(applicant)
            found[row["id"]] = applicant
            proposals += [(applicant, match) for match in matches]
        self._count("applicants", len(found) - self.matched["applicants"])
        self.objects["applicants"] = found
        db.session.flush()
        return proposals

    def _likely(self, organization_ids, row):
        born = decode(Applicant.__table__.c.date_of_birth, row["date_of_birth"])
        found = find_people(
            organization_ids,
            names=f"{row['given_names']} {row['family_names']}",
            date_of_birth=born,
            a_number=row["a_number"],
            phone=row["phone"],
            limit=5,
        )
        return [match for match in found if match.certain]

    def _table(self, table):
        found = {}
        for row in self.records["tables"].get(table.name, []):
            obj = new_row(table, row, self.target)
            db.session.add(obj)
            found[row["id"]] = obj
        db.session.flush()
        self.objects[table.name] = found
        self._count(table.name, len(found))

    def _number_cases(self):
        """Server case numbers, in the app's own form; the laptop's are kept in the report."""
        laptop_references = {row["id"]: row["reference"] for row in self.records["tables"]["cases"]}
        for laptop_id, case in self.objects["cases"].items():
            case.reference = f"{case.created_at.year}-{case.id:05d}"
            # A new case has no rows yet: known empty, its collections need no query to grow.
            for collection in ("sections", "screening_runs"):
                set_committed_value(case, collection, [])
            self.cases.append(
                {
                    "case_id": case.id,
                    "laptop": laptop_references[laptop_id],
                    "server": case.reference,
                }
            )
            others = [c for c in case.applicant.cases if c is not case and c.stage.is_open]
            if case.stage.is_open and others:
                self.decisions.append(
                    {"kind": "another_open_case", "case_id": case.id, "other_case_id": others[0].id}
                )

    def _audit_events(self):
        count = 0
        for row in self.records["tables"].get(AUDIT.name, []):
            space = AUDITED.get(row["object_type"])
            target = self.objects[space].get(row["object_id"]) if space else None
            if target is None:
                continue
            event = new_row(AUDIT, row, self.target)
            event.object_id = target.id
            event.details = {**(row["details"] or {}), "carried": self.imported.receipt}
            db.session.add(event)
            count += 1
        self._count("audit_events", count)

    def _propose(self, proposals):
        """Likely matches on the server, for the admin's "Same person?" page."""
        for applicant, match in proposals:
            pair = PossibleDuplicate(
                applicant_id=applicant.id,
                other_applicant_id=match.applicant.id,
                reasons=", ".join(match.reasons)[:200],
                found_at=self.now,
                found_by_id=getattr(self.by, "id", None),
            )
            db.session.add(pair)
            db.session.flush()
            self.decisions.append(
                {"kind": "possible_duplicate", "pair_id": pair.id, "applicant_id": applicant.id}
            )

    def _void_changed_sign_offs(self):
        for case in self.objects["cases"].values():
            if void_if_answers_changed(case, case.latest_screening, by=None, now=self.now):
                self.decisions.append({"kind": "sign_off_voided", "case_id": case.id})


def imported_users(imported):
    """{user id: User} named in an import's report."""
    ids = {d["user_id"] for d in imported.report.get("decisions", []) if "user_id" in d}
    return {user.id: user for user in db.session.scalars(select(User).where(User.id.in_(ids)))}
