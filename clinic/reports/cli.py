"""`flask --app clinic clinic report`: the report for a date range as CSV and/or PDF."""

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from clinic.auth.models import Organization
from clinic.clock import utcnow
from clinic.extensions import db
from clinic.packets.pdf import render_pdf
from clinic.reports import exports
from clinic.reports.figures import Scope
from clinic.reports.services import build_report


@click.command("report")
@click.option("--from", "start", required=True, type=click.DateTime(["%Y-%m-%d"]))
@click.option("--to", "end", required=True, type=click.DateTime(["%Y-%m-%d"]))
@click.option("--organization", help="A member organization's name (default: the coalition).")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, writable=True))
@click.option("--pdf", "pdf_path", type=click.Path(dir_okay=False, writable=True))
@with_appcontext
def report_command(start, end, organization, csv_path, pdf_path):
    """Write the report for --from to --to (YYYY-MM-DD, both included), small cells hidden."""
    if not (csv_path or pdf_path):
        raise click.UsageError("Give --csv OUT.csv or --pdf OUT.pdf (or both).")
    if end.date() < start.date():
        raise click.UsageError("--to comes before --from.")
    found = None
    if organization:
        found = db.session.scalar(select(Organization).where(Organization.name == organization))
        if found is None:
            raise click.UsageError(f"No organization is named {organization!r}.")
    scope = Scope(start.date(), end.date(), found.id if found else None)
    report = build_report(db.session, scope, found.name if found else None)
    small_max = current_app.config["REPORT_SMALL_CELL_MAX"]
    if csv_path:
        with open(csv_path, "w", encoding="utf-8", newline="") as out:
            out.writelines(exports.csv_stream(report, small_max))
        click.echo(f"Wrote {csv_path}")
    if pdf_path:
        html = exports.render_report_html(report, small_max, utcnow())
        with open(pdf_path, "wb") as out:
            out.write(render_pdf(html, current_app.static_folder))
        click.echo(f"Wrote {pdf_path}")
