"""Command-line tools under one group: `flask --app clinic clinic ...`. Each commits once."""

import secrets
from datetime import timedelta

import click
from flask.cli import AppGroup
from flask_migrate import upgrade
from sqlalchemy import select

from clinic.admin import services as admin_services
from clinic.auth.models import Organization
from clinic.auth.roles import Credential, Role
from clinic.auth.services import ServiceError
from clinic.clock import today, utcnow
from clinic.events.services import create_event
from clinic.extensions import db

clinic_group = AppGroup("clinic", help="Clinic administration commands.")


@clinic_group.command("init-db")
def init_db():
    """Create or upgrade the database schema to the latest migration."""
    upgrade()
    click.echo("Database is up to date.")


@clinic_group.command("create-user")
@click.option("--email", prompt=True)
@click.option("--name", prompt="Full name")
@click.option("--role", type=click.Choice([r.value for r in Role]), prompt=True)
@click.option(
    "--organization",
    prompt="Organization name",
    help="Created if no organization has this name yet.",
)
@click.option(
    "--credential",
    type=click.Choice([c.value for c in Credential]),
    help="Attorneys only: bar or doj_accredited.",
)
@click.option("--credential-number", help="Attorneys only: bar or accreditation number.")
@click.option(
    "--password",
    prompt=True,
    hide_input=True,
    confirmation_prompt=True,
    help="Prompted for when not given (safer than typing it in a command).",
)
def create_user_command(email, name, role, organization, credential, credential_number, password):
    """Create a user who can log in at once."""
    role = Role(role)
    if role == Role.ATTORNEY and not credential:
        credential = click.prompt("Credential", type=click.Choice([c.value for c in Credential]))
        credential_number = credential_number or click.prompt("Credential number")
    now = utcnow()
    org = _organization_named(organization, now)
    try:
        user = admin_services.create_user(
            org,
            name,
            email,
            role,
            Credential(credential) if credential else None,
            credential_number,
            password=password,
            now=now,
        )
    except ServiceError as error:
        db.session.rollback()
        raise click.ClickException(error.message) from error
    db.session.commit()
    click.echo(f"Created {user.role.value} {user.email} in {org.name}.")


DEMO_ORGANIZATIONS = [
    (
        "Merrimack Valley Immigrant Center",
        "mvic.example.org",
        "Lawrence, MA · (978) 555-0142 · Mon-Thu 9-5",
    ),
    (
        "Pioneer Valley New Citizens Project",
        "pvncp.example.org",
        "Springfield, MA · (413) 555-0178 · Tue and Sat 10-4",
    ),
]
DEMO_PEOPLE = {
    Role.ADMIN: "Adaeze Okafor",
    Role.COORDINATOR: "Marisol Betancourt",
    Role.VOLUNTEER: "Nguyễn Thị Lan",
    Role.ATTORNEY: "Samuel Goldberg",
}


@clinic_group.command("seed-demo")
def seed_demo():
    """Create demo organizations, one user per role, and a clinic day. Passwords print once."""
    if db.session.scalar(select(Organization).where(Organization.name == DEMO_ORGANIZATIONS[0][0])):
        raise click.ClickException("The demo data exists already.")
    now = utcnow()
    printed = []
    for index, (org_name, domain, contact) in enumerate(DEMO_ORGANIZATIONS):
        org = admin_services.create_organization(org_name, contact, by=None, now=now)
        for role, person in DEMO_PEOPLE.items():
            if role == Role.ADMIN and index > 0:
                continue  # one coalition admin is enough
            password = secrets.token_urlsafe(15)
            user = admin_services.create_user(
                org,
                person if index == 0 else f"{person.split()[0]} {org_name.split()[0]}",
                f"{role.value}@{domain}",
                role,
                Credential.BAR if role == Role.ATTORNEY else None,
                f"MA BBO {600100 + index}" if role == Role.ATTORNEY else None,
                password=password,
                now=now,
            )
            printed.append((user.email, password))
        create_event(
            org,
            f"Citizenship Day at {org_name.split()[0]}",
            "Lawrence Public Library, 51 Lawrence St"
            if index == 0
            else "Springfield Central Library, 220 State St",
            today() + timedelta(days=14 + 7 * index),
            40,
            by=None,
            now=now,
        )
    db.session.commit()
    click.echo("Demo data created. These passwords are shown only now:")
    for email, password in printed:
        click.echo(f"  {email:<34} {password}")


def _organization_named(name, now):
    org = db.session.scalar(select(Organization).where(Organization.name == name.strip()))
    return org or admin_services.create_organization(name, "", by=None, now=now)
