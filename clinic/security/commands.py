"""Command-line tools for the protection of stored data, added to the `clinic` group:
verify-audit, backup, restore, rotate-key and purge-expired."""

import os

import click
from flask.cli import with_appcontext

from clinic.audit import AuditEvent
from clinic.extensions import db
from clinic.security import audit_chain, backup


def register(group):
    for command in (verify_audit, backup_command, restore_command):
        group.add_command(command)


def _secret(key_file, confirm):
    """The backup's secret: a key file, CLINIC_BACKUP_PASSPHRASE, or a passphrase typed now."""
    passphrase = None
    if not key_file:
        passphrase = os.environ.get("CLINIC_BACKUP_PASSPHRASE") or click.prompt(
            "Backup passphrase", hide_input=True, confirmation_prompt=confirm
        )
    try:
        return backup.secret_from(passphrase, key_file)
    except backup.BackupProblem as problem:
        raise click.ClickException(str(problem)) from problem


KEY_FILE = click.option(
    "--key-file",
    type=click.Path(exists=True, dir_okay=False),
    help="Use this file's contents as the secret instead of a passphrase.",
)


@click.command("backup")
@click.argument("output", type=click.Path(dir_okay=False, writable=True))
@KEY_FILE
@with_appcontext
def backup_command(output, key_file):
    """Write an encrypted backup of the database to OUTPUT (restore it with `restore`)."""
    secret = _secret(key_file, confirm=True)
    try:
        kind, size = backup.back_up(db.engine, output, secret)
    except backup.BackupProblem as problem:
        raise click.ClickException(str(problem)) from problem
    click.echo(
        f"Wrote {output} ({kind}, {size:,} bytes, encrypted). Restoring it needs the same "
        "passphrase or key file AND the encryption key file (instance/encryption-keys.json)."
    )


@click.command("restore")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@KEY_FILE
@with_appcontext
def restore_command(source, key_file):
    """Restore an encrypted backup into this app's database, which must be empty."""
    secret = _secret(key_file, confirm=False)
    try:
        kind = backup.restore(db.engine, source, secret)
    except backup.BackupProblem as problem:
        raise click.ClickException(str(problem)) from problem
    click.echo(
        f"Restored {source} ({kind}). Check it with `flask --app clinic clinic verify-audit`."
    )


@click.command("verify-audit")
@with_appcontext
def verify_audit():
    """Check the audit log's hash chain; name the first broken link (exit status 1)."""
    verdict = audit_chain.verify(db.session, AuditEvent)
    if verdict.before_chain:
        click.echo(f"{verdict.before_chain} events from before the chain began are not covered.")
    if not verdict.intact:
        event = verdict.broken_at
        raise click.ClickException(
            f"The audit log was changed: the chain breaks at event {event.id} (number "
            f"{event.seq} in the chain, {event.action} at {event.at:%Y-%m-%d %H:%M} UTC): "
            f"{verdict.reason}. The {verdict.checked} events before it are intact."
        )
    click.echo(
        f"The audit chain is intact: {verdict.checked} events. Latest link: {verdict.head}. "
        "(Note it somewhere else: a later check that ends before it means events were cut.)"
    )
