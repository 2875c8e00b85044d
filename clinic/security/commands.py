"""Command-line tools for the protection of stored data, added to the `clinic` group:
verify-audit, backup, restore, rotate-key and purge-expired."""

import click
from flask.cli import with_appcontext

from clinic.audit import AuditEvent
from clinic.extensions import db
from clinic.security import audit_chain


def register(group):
    group.add_command(verify_audit)


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
