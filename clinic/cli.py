"""Command-line tools under one group: `flask --app clinic clinic ...`. Each commits once."""

import click
from flask import current_app
from flask.cli import AppGroup
from flask_migrate import upgrade
from sqlalchemy import select

from clinic import demo
from clinic.admin import services as admin_services
from clinic.auth.models import Organization
from clinic.auth.roles import Credential, Role
from clinic.auth.services import ServiceError
from clinic.carry import commands as carry_commands
from clinic.cases.models import Case
from clinic.clock import today, utcnow
from clinic.demo import ORGANIZATIONS
from clinic.extensions import db
from clinic.i18n.languages import LANGUAGES
from clinic.jobs.queue import run_worker
from clinic.n400 import services as n400
from clinic.packets import services as packets
from clinic.packets.pdf import render_pdf
from clinic.reports.cli import report_command
from clinic.security import commands as security_commands
from clinic.voter.gate import NotACitizenYet

clinic_group = AppGroup("clinic", help="Clinic administration commands.")
security_commands.register(clinic_group)
clinic_group.add_command(report_command)
carry_commands.register(clinic_group)


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


@clinic_group.command("seed-demo")
def seed_demo():
    """Demo organizations, users, clinic days and about forty applicants; passwords print once."""
    if db.session.scalar(select(Organization).where(Organization.name == ORGANIZATIONS[0][0])):
        raise click.ClickException("The demo data exists already.")
    credentials = demo.seed(today(), utcnow(), click.echo)
    db.session.commit()
    click.echo("Demo data created. These passwords are shown only now:")
    for email, password in credentials:
        click.echo(f"  {email:<34} {password}")


@clinic_group.command("worker")
@click.option(
    "--renders",
    type=click.IntRange(min=1),
    help="Packets rendered at once by this worker (default: PACKET_RENDERS_AT_ONCE).",
)
@click.option(
    "--periodic/--no-periodic",
    default=True,
    help="Also run the periodic tasks (the packet clean-up); one worker is enough.",
)
def worker_command(renders, periodic):
    """Run queued background work (packets) until stopped: Ctrl-C waits for running tasks."""
    app = current_app._get_current_object()
    run_worker(app, renders or app.config["PACKET_RENDERS_AT_ONCE"], periodic)


@clinic_group.command("purge-packets")
def purge_packets_command():
    """Delete clinic-day packets older than PACKET_KEEP_HOURS (the worker does it every minute)."""
    count = packets.purge_old_packets(utcnow())
    db.session.commit()
    click.echo(f"Deleted {count} old packet{'s' if count != 1 else ''}.")


def _case(value):
    """The case a command names: by its number in the database or its reference (2026-00001,
    as its page and checklist show it)."""
    value = value.strip()
    if value.isdigit():
        case = db.session.get(Case, int(value))
    else:
        case = db.session.scalar(select(Case).where(Case.reference == value))
    if case is None:
        raise click.ClickException("No such case. Give its number or its reference (2026-00001).")
    return case


LANGUAGE_OPTION = click.option(
    "--language",
    type=click.Choice(list(LANGUAGES)),
    help="Print in this language (English beneath); default: the interview's language.",
)


@clinic_group.command("checklist")
@click.argument("case_given", metavar="CASE")
@click.argument("output", type=click.Path(dir_okay=False, writable=True))
@LANGUAGE_OPTION
def checklist_command(case_given, output, language):
    """Write an applicant's checklist PDF, in their language with English beneath."""
    case = _case(case_given)
    with current_app.test_request_context():
        html = packets.case_html("checklist", case, utcnow(), language=language)
    with open(output, "wb") as out:
        out.write(render_pdf(html, current_app.static_folder))
    click.echo(f"Wrote {output}.")  # only read the case: nothing to commit


@clinic_group.command("voter-checklist")
@click.argument("case_given", metavar="CASE")
@click.argument("output", type=click.Path(dir_okay=False, writable=True))
@LANGUAGE_OPTION
def voter_checklist_command(case_given, output, language):
    """Write a new citizen's voter-registration checklist PDF (refused before the oath)."""
    case = _case(case_given)
    try:
        with current_app.test_request_context():
            html = packets.voter_checklist_html(case, utcnow(), language=language)
    except NotACitizenYet as refusal:
        raise click.ClickException(str(refusal)) from refusal
    with open(output, "wb") as out:
        out.write(render_pdf(html, current_app.static_folder))
    click.echo(f"Wrote {output}.")  # only read the case: nothing to commit


@clinic_group.command("n400")
@click.argument("case_given", metavar="CASE")
@click.argument("output", type=click.Path(dir_okay=False, writable=True))
@click.option("--draft", is_flag=True, help="The draft, marked DRAFT on every page.")
def n400_command(case_given, output, draft):
    """Write a case's filled N-400 (the clean form only after an attorney's approval)."""
    case = _case(case_given)
    try:
        printed = n400.n400_pdf(case, draft=draft, by=None, now=utcnow(), today=today(), via="cli")
    except n400.NotApproved as refusal:
        raise click.ClickException(f"{refusal} Add --draft for the draft.") from refusal
    with open(output, "wb") as out:
        out.write(printed.pdf)
    db.session.commit()  # the download's audit event
    click.echo(f"Wrote {output} ({'draft' if draft else 'to sign'}).")


def _organization_named(name, now):
    org = db.session.scalar(select(Organization).where(Organization.name == name.strip()))
    return org or admin_services.create_organization(name, "", by=None, now=now)
