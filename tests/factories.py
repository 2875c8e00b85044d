"""Test data made through the same services the app uses; returns plain records, not ORM rows."""

import itertools
from types import SimpleNamespace

from sqlalchemy import select

from clinic.admin import services as admin_services
from clinic.auth.models import Organization
from clinic.auth.roles import Credential, Role
from clinic.clock import utcnow
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

    def user(self, role, organization=None, password=DEFAULT_PASSWORD, email=None, **fields):
        role = Role(role)
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
            db.session.commit()
            return SimpleNamespace(
                id=user.id, email=user.email, password=password, role=role, organization_id=org.id
            )
