"""Test data made through the same services the app uses; returns plain records, not ORM rows."""

import itertools
from datetime import date
from types import SimpleNamespace

import pyotp
from sqlalchemy import func, select

from clinic import config
from clinic.admin import services as admin_services
from clinic.auth.models import Organization, User
from clinic.auth.roles import Credential, Role
from clinic.cases import services as case_services
from clinic.cases.models import Case, PossibleDuplicate
from clinic.clock import utcnow
from clinic.events import services as event_services
from clinic.events.models import ClinicEvent
from clinic.extensions import db

DEFAULT_PASSWORD = "a long enough test passphrase"
_counter = itertools.count(1)


class Factory:
    def __init__(self, app):
        self.app = app

    def organization(self, name="Lawrence Community Works"):
        with self.app.app_context():
            org = db.session.scalar(select(Organization).where(Organization.name == name))
            if org is None:
                org = admin_services.create_organization(
                    name, "(978) 555-0100", by=None, now=utcnow()
                )
                db.session.commit()
            return SimpleNamespace(id=org.id, name=org.name)

    def user(
        self,
        role,
        organization=None,
        password=DEFAULT_PASSWORD,
        email=None,
        second_factor=None,
        **fields,
    ):
        """A user who can log in; roles that must have a second factor have one (TOTP, its
        secret in the record) unless `second_factor=False`; volunteers only if True."""
        role = Role(role)
        if second_factor is None:
            second_factor = role.value in config.SECOND_FACTOR_ROLES
        if organization is None or isinstance(organization, str):
            organization = self.organization(*([organization] if organization else []))
        org = organization
        number = next(_counter)
        email = email or f"{role.value}{number}@example.org"
        with self.app.app_context():
            user = admin_services.create_user(
                db.session.get(Organization, org.id),
                fields.pop("name", f"Test {role.value.title()} {number}"),
                email,
                role,
                Credential.BAR if role == Role.ATTORNEY else None,
                f"MA BBO {500000 + number}" if role == Role.ATTORNEY else None,
                password=password,
                now=utcnow(),
            )
            if second_factor:
                user.totp_secret = pyotp.random_base32()
                user.totp_enrolled_at = utcnow()
            db.session.commit()
            return SimpleNamespace(
                id=user.id,
                email=user.email,
                password=password,
                role=role,
                organization_id=org.id,
                totp_secret=user.totp_secret,
            )

    def event(
        self,
        organization="Lawrence Community Works",
        staff=(),
        partners=(),
        held_on=date(2026, 12, 5),
        name="Citizenship Day",
    ):
        """A clinic day hosted by `organization`, with staff given as user records."""
        host = self.organization(organization)
        with self.app.app_context():
            partner_orgs = [db.session.get(Organization, self.organization(p).id) for p in partners]
            event = event_services.create_event(
                db.session.get(Organization, host.id),
                name,
                "Public Library, 1 Main St",
                held_on,
                40,
                by=None,
                now=utcnow(),
                partners=partner_orgs,
            )
            for member in staff:
                event_services.add_staff(
                    event, db.session.get(User, member.id), by=None, now=utcnow()
                )
            db.session.commit()
            return SimpleNamespace(id=event.id, host_id=host.id)

    def staff(self, event, member):
        """Put a user (a record from `user` or a login's `client.user`) on a day's staff."""
        with self.app.app_context():
            event_services.add_staff(
                db.session.get(ClinicEvent, event.id),
                db.session.get(User, member.id),
                by=None,
                now=utcnow(),
            )
            db.session.commit()
        return member

    def _someone(self):
        """Any user, to act as the one who checks people in (a volunteer if there is none)."""
        with self.app.app_context():
            user = db.session.scalars(db.select(User).order_by(User.id)).first()
            if user is not None:
                return SimpleNamespace(id=user.id)
        return self.user("volunteer")

    def case(
        self,
        event=None,
        given="Lan",
        family="Nguyễn",
        born=date(1985, 4, 2),
        a_number=None,
        phone=None,
        by=None,
    ):
        """An applicant checked in at a clinic day, with a new case in intake."""
        event = event or self.event()
        by = by or self._someone()
        with self.app.app_context():
            actor = db.session.get(User, by.id)
            record = db.session.get(ClinicEvent, event.id)
            applicant = case_services.create_applicant(
                record.host_organization_id,
                given,
                family,
                born,
                a_number,
                phone,
                by=actor,
                now=utcnow(),
            )
            case = case_services.open_case(applicant, record, by=actor, now=utcnow())
            db.session.commit()
            return SimpleNamespace(
                id=case.id,
                applicant_id=applicant.id,
                event_id=event.id,
                organization_id=record.host_organization_id,
                name=applicant.full_name,
            )

    def possible_duplicate(self, checked_in, on_file):
        """A pair found at check-in: `checked_in` and `on_file` are cases of two organizations."""
        with self.app.app_context():
            pair = PossibleDuplicate(
                applicant_id=checked_in.applicant_id,
                other_applicant_id=on_file.applicant_id,
                reasons="same date of birth, 2 name words in common",
                found_at=utcnow(),
            )
            db.session.add(pair)
            db.session.commit()
            return pair.id

    def count_cases(self):
        with self.app.app_context():
            return db.session.scalar(select(func.count(Case.id)))

    def case_version(self, case_id):
        with self.app.app_context():
            return str(db.session.get(Case, case_id).version)

    def packet_job(self, event, processes=1):
        """A finished clinic-day packet for `event` (rendered at once: immediate mode)."""
        from clinic.events.models import ClinicEvent
        from clinic.packets import services as packets

        with self.app.app_context(), self.app.test_request_context():
            user = db.session.scalars(db.select(User)).first()
            job = packets.start_packet(db.session.get(ClinicEvent, event.id), user, False, utcnow())
            db.session.flush()
            job_id = job.id
            db.session.commit()
            self.app.config["PACKET_PROCESSES"] = processes
            try:
                packets.queue_render(job_id)
            finally:
                self.app.config["PACKET_PROCESSES"] = 1
            return job_id

    def case_at(self, stage, event=None, answers=None, **milestones):
        """A case put straight into `stage` (test set-up only; the app moves stages through
        the stage machine), with milestone dates and optional section answers."""
        from clinic.cases.models import IntakeSection
        from clinic.cases.stages import Stage
        from clinic.filing.models import Milestones

        made = self.case(
            event, given=milestones.pop("given", "Ana"), family=milestones.pop("family", "Souza")
        )
        with self.app.app_context():
            case = db.session.get(Case, made.id)
            case.stage = Stage(stage)
            if milestones:
                db.session.add(Milestones(case=case, updated_at=utcnow(), **milestones))
            for key, values in (answers or {}).items():
                db.session.add(
                    IntakeSection(case=case, key=key, answers=values, updated_at=utcnow())
                )
            db.session.commit()
        return made

    def election(
        self, state="MA", held_on=date(2026, 12, 15), kind="general", name="Special state election"
    ):
        from clinic.voter.models import Election

        with self.app.app_context():
            election = Election(
                state=state, held_on=held_on, kind=kind, name=name, created_at=utcnow()
            )
            db.session.add(election)
            db.session.commit()
            return election.id

    def imported_bundle(self, event):
        """An import's record (as a server keeps it) of a day with no case."""
        from clinic.carry.models import ImportedBundle

        with self.app.app_context():
            record = ImportedBundle(
                bundle_id=f"{next(_counter):032x}",
                laptop_key_id="0" * 16,
                laptop_event_id=event.id,
                schema_revision="c4f2a8d1e9b3",
                made_at=utcnow(),
                event_id=event.id,
                imported_at=utcnow(),
                report={"created": {"cases": 0}, "matched": {}, "cases": [], "decisions": []},
            )
            db.session.add(record)
            db.session.commit()
            return record.id
