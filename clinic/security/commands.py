"""Command-line tools for the protection of stored data, added to the `clinic` group:
verify-audit, backup, restore, rotate-key and purge-expired."""

import os

import click
from flask import current_app
from flask.cli import with_appcontext

from clinic.audit import AuditEvent
from clinic.clock import utcnow
from clinic.extensions import db
from clinic.security import audit_chain, backup, retention, rotation


def register(group):
    for command in (
        verify_audit,
        backup_command,
        restore_command,
        rotate_key,
        forget_old_keys_command,
        purge_expired,
    ):
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


def _key_file():
    if current_app.config["ENCRYPTION_KEYS"]:
        raise click.ClickException(
            "The keys come from CLINIC_ENCRYPTION_KEYS, which this command cannot rewrite. "
            "Put a new key (base64 of 32 random bytes) first in its data_keys, restart Clinic, "
            "then run rotate-key --reencrypt-only."
        )
    return current_app.config["ENCRYPTION_KEY_FILE"]


@click.command("rotate-key")
@click.option(
    "--reencrypt-only", is_flag=True, help="Re-encrypt with the newest key; add no new key."
)
@with_appcontext
def rotate_key(reencrypt_only):
    """Add a new encryption key and re-encrypt every encrypted value with it (reads keep
    working throughout: the old keys stay until forget-old-keys)."""
    keyring = current_app.extensions["clinic_keyring"]
    if not reencrypt_only:
        rotation.add_new_key(_key_file())
        keyring.reload_if_changed()
        click.echo(f"New key {keyring.newest_id} written to {keyring.path}.")
    counts = rotation.reencrypt_all(db.session, db.metadata, keyring)
    click.echo(f"Re-encrypted {sum(counts.values())} values with key {keyring.newest_id}.")
    click.echo(
        "The old keys are still in the key file, so nothing written meanwhile is lost. "
        "Back the key file up now; after restarting Clinic, run forget-old-keys."
    )


@click.command("forget-old-keys")
@with_appcontext
def forget_old_keys_command():
    """Re-encrypt what still uses an old key, then remove the old keys from the key file."""
    path = _key_file()
    keyring = current_app.extensions["clinic_keyring"]
    rotation.reencrypt_all(db.session, db.metadata, keyring)
    left = rotation.values_under_old_keys(db.session, db.metadata, keyring)
    if left:
        raise click.ClickException(f"{left} values still use an old key: run it again.")
    dropped = rotation.forget_old_keys(path)
    click.echo(f"Removed {dropped} old key{'s' if dropped != 1 else ''} from {path}.")


@click.command("purge-expired")
@click.option("--dry-run", is_flag=True, help="List what would be purged; change nothing.")
@with_appcontext
def purge_expired(dry_run):
    """Purge closed, referred-out and never-completed cases past their retention time,
    keeping only counts (see README, "How long records are kept")."""
    expired = retention.purge(utcnow(), dry_run=dry_run)
    for item in expired:
        click.echo(
            f"  case {item.case_id:>6}  {item.reference or '-':<12} {item.stage.label!s:<18} "
            f"organization {item.organization_id}, last change {item.last_change:%Y-%m-%d}"
        )
    if dry_run:
        click.echo(f"Dry run: {len(expired)} case{'s' if len(expired) != 1 else ''} would go.")
        return
    db.session.commit()
    click.echo(f"Purged {len(expired)} case{'s' if len(expired) != 1 else ''}; counts kept.")
