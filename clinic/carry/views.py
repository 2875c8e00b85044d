"""Carrying a clinic day: the laptop's export and carry-over page (coordinators of the host,
admins), the server's import page and reports (admins)."""

import io

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from clinic.auth.decorators import roles_required
from clinic.auth.roles import Role
from clinic.auth.services import ServiceError
from clinic.carry import over, report
from clinic.carry.bundle import BundleRefused
from clinic.carry.export import export_day
from clinic.carry.forms import CarryOverForm, ImportForm
from clinic.carry.importer import import_bundle, imported_users
from clinic.carry.models import ImportedBundle
from clinic.clock import utcnow
from clinic.events.services import can_manage_event
from clinic.events.views import event_or_404
from clinic.extensions import db
from clinic.forms import show_service_error
from clinic.web import discard_changes, flash_refusal

bp = Blueprint("carry", __name__)
ORGANIZERS = (Role.COORDINATOR, Role.ADMIN)


def _day_page(event, form=None, status=200):
    page = render_template(
        "carry/day.html",
        event=event,
        exports=over.exports_of(event),
        form=form or CarryOverForm(),
    )
    return page, status


@bp.get("/events/<int:event_id>/carry")
@roles_required(*ORGANIZERS)
def day(event_id):
    return _day_page(event_or_404(event_id, can_manage_event))


@bp.post("/events/<int:event_id>/carry/export")
@roles_required(*ORGANIZERS)
def export(event_id):
    event = event_or_404(event_id, can_manage_event)
    try:
        data, made = export_day(event, by=current_user, now=utcnow())
    except ServiceError as error:
        flash_refusal(error.message)
        return redirect(url_for("carry.day", event_id=event.id))
    db.session.flush()
    name = f"clinic-day-{event.held_on.isoformat()}-{made.id}.bundle"
    return send_file(
        io.BytesIO(data),
        mimetype="application/octet-stream",
        as_attachment=True,
        download_name=name,
    )


@bp.post("/events/<int:event_id>/carry/over")
@roles_required(*ORGANIZERS)
def carry_over(event_id):
    event = event_or_404(event_id, can_manage_event)
    form = CarryOverForm()
    if not form.validate_on_submit():
        return _day_page(event, form, 422)
    try:
        count = over.carry_over(
            event,
            form.receipt.data,
            by=current_user,
            now=utcnow(),
            changed_too=form.changed_too.data,
        )
    except ServiceError as error:
        show_service_error(form, error)
        return _day_page(event, form, 422)
    flash(
        _(
            "Carried over: %(count)s cases purged from this laptop; their counts are kept.",
            count=count,
        ),
        "success",
    )

    return redirect(url_for("carry.day", event_id=event.id))


def _imports_page(form, status=200):
    imports = db.session.scalars(
        select(ImportedBundle).order_by(ImportedBundle.imported_at.desc()).limit(50)
    ).all()
    return render_template("carry/imports.html", form=form, imports=imports), status


@bp.route("/admin/carry", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def imports():
    request.max_content_length = current_app.config["CARRY_MAX_BUNDLE_BYTES"]
    form = ImportForm()
    if not form.validate_on_submit():
        return _imports_page(form, 422 if form.is_submitted() else 200)
    with form.bundle.data.stream as upload:  # a large upload is a temporary file: close it
        data = upload.read()
    try:
        outcome = import_bundle(data, by=current_user, now=utcnow(), again=form.again.data)
    except BundleRefused as refusal:
        discard_changes()
        form.bundle.errors = [str(refusal)]
        return _imports_page(form, 422)
    if outcome.already:
        flash(_("This bundle was imported already: nothing changed. Here is its report."), "info")
    else:
        flash(_("Imported. Read what needs a decision below."), "success")
    return redirect(url_for("carry.imported", import_id=outcome.imported.id))


@bp.get("/admin/carry/<int:import_id>")
@roles_required(Role.ADMIN)
def imported(import_id):
    record = db.get_or_404(ImportedBundle, import_id)
    return render_template(
        "carry/report.html",
        imported=record,
        created=report.created(record.report),
        matched=report.matched(record.report),
        decisions=report.decisions(record.report),
        references={c["case_id"]: c["server"] for c in record.report["cases"]},
        users=imported_users(record),
    )
