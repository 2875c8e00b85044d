"""Command-line tools for carrying a clinic day, added to the `clinic` group: carry-keys,
carry-trust, export-day, import-day, carry-over."""

import click
from flask.cli import with_appcontext

from clinic.auth.services import ServiceError
from clinic.carry import keys, over, report
from clinic.carry.bundle import BundleRefused
from clinic.carry.export import export_day
from clinic.carry.importer import import_bundle
from clinic.carry.keys import CarryKeyProblem
from clinic.clock import utcnow
from clinic.events.models import ClinicEvent
from clinic.extensions import db


def register(group):
    for command in (carry_keys, carry_trust, export_day_command, import_day, carry_over):
        group.add_command(command)


@click.command("carry-keys")
@with_appcontext
def carry_keys():
    """Make this install's carry keys if missing; print the public lines to hand over."""
    try:
        server_line, laptop_line = keys.public_lines(keys.ensure_own_keys())
    except CarryKeyProblem as problem:
        raise click.ClickException(str(problem)) from problem
    click.echo(f"On the coalition server, give every laptop this line:\n  {server_line}")
    click.echo(f"On a laptop, give the server this line:\n  {laptop_line}")
    click.echo(f"(Keys in {keys.key_file_path()}: back it up like the encryption keys.)")


@click.command("carry-trust")
@click.argument("line")
@click.option("--name", default="", help="A name for the laptop (on the server).")
@with_appcontext
def carry_trust(line, name):
    """Store a key line from the other side: clinic-server:... or clinic-laptop:..."""
    try:
        taken = keys.trust(line, name)
    except CarryKeyProblem as problem:
        raise click.ClickException(str(problem)) from problem
    click.echo(f"Stored as {taken}.")


def _event(event_id):
    event = db.session.get(ClinicEvent, event_id)
    if event is None:
        raise click.ClickException("No such clinic day.")
    return event


@click.command("export-day")
@click.argument("event_id", type=int)
@click.argument("output", type=click.Path(dir_okay=False, writable=True))
@with_appcontext
def export_day_command(event_id, output):
    """Write clinic day EVENT_ID as an encrypted, signed bundle for the coalition server."""
    try:
        data, export = export_day(_event(event_id), by=None, now=utcnow())
    except ServiceError as error:
        raise click.ClickException(error.message) from error
    with open(output, "wb") as out:
        out.write(data)
    db.session.commit()
    click.echo(f"Wrote {output}: {export.cases} cases, {len(data):,} bytes, encrypted.")


@click.command("import-day")
@click.argument("bundle_file", type=click.File("rb"))
@click.option(
    "--again", is_flag=True, help="Even if this laptop's day was imported from another export."
)
@with_appcontext
def import_day(bundle_file, again):
    """Import a clinic-day bundle made on a laptop (all of it, or nothing)."""
    try:
        outcome = import_bundle(bundle_file.read(), by=None, now=utcnow(), again=again)
    except BundleRefused as refusal:
        db.session.rollback()
        raise click.ClickException(str(refusal)) from refusal
    if outcome.already:
        click.echo(
            f"This bundle was imported already on {outcome.imported.imported_at:%Y-%m-%d %H:%M} "
            "UTC: nothing changed."
        )
    else:
        db.session.commit()
        click.echo("Imported.")
    for line in report.lines(outcome.imported):
        click.echo(line)


@click.command("carry-over")
@click.argument("event_id", type=int)
@click.option("--receipt", prompt="The receipt on the server's import report")
@click.option(
    "--changed-too",
    is_flag=True,
    help="Cases changed after the export: the same changes were made on the server.",
)
@click.option("--yes", is_flag=True, help="Do not ask to confirm.")
@with_appcontext
def carry_over(event_id, receipt, changed_too, yes):
    """After the server imported the day: purge its personal data here, keeping counts."""
    event = _event(event_id)
    if not yes:
        click.confirm(
            "This deletes the day's applicants, answers and sign-offs from this laptop. Go on?",
            abort=True,
        )
    try:
        count = over.carry_over(event, receipt, by=None, now=utcnow(), changed_too=changed_too)
    except ServiceError as error:
        raise click.ClickException(error.message) from error
    db.session.commit()
    click.echo(f"Carried over: {count} cases purged from this laptop; their counts are kept.")
