"""Printables: previews in the browser, PDFs to download, clinic-day packets in the background."""

import io

from flask import Blueprint, abort, jsonify, redirect, render_template, request, send_file, url_for
from flask_login import current_user, login_required

from clinic import audit
from clinic.auth.decorators import roles_required
from clinic.auth.policy import or_404
from clinic.auth.roles import Role
from clinic.auth.services import ServiceError
from clinic.cases.views import case_or_404
from clinic.clock import utcnow
from clinic.events.services import can_manage_event
from clinic.events.views import event_or_404
from clinic.extensions import db
from clinic.i18n.setup import language_or_404
from clinic.packets import services
from clinic.packets.models import PacketJob
from clinic.web import flash_refusal

bp = Blueprint("packets", __name__)
KINDS = {"checklist": "checklist", "review-sheet": "review_sheet"}
REVIEW_SHEET_ROLES = (Role.ATTORNEY, Role.COORDINATOR, Role.ADMIN)
ORGANIZERS = (Role.COORDINATOR, Role.ADMIN)


def _printable_case(case_id, kind):
    if kind not in KINDS:
        abort(404)
    language = language_or_404() if KINDS[kind] == "checklist" else None
    case = case_or_404(case_id)
    if KINDS[kind] == "review_sheet" and current_user.role not in REVIEW_SHEET_ROLES:
        abort(403)
    audit.record("packets.printed", actor=current_user, target=case, at=utcnow(), kind=kind)
    return case, KINDS[kind], language


@bp.get("/cases/<int:case_id>/print/<kind>")
@login_required
def preview(case_id, kind):
    case, kind, language = _printable_case(case_id, kind)
    return services.case_html(kind, case, utcnow(), preview=True, language=language)


@bp.get("/cases/<int:case_id>/print/<kind>.pdf")
@login_required
def download(case_id, kind):
    case, kind, language = _printable_case(case_id, kind)
    pdf = services.case_pdf(kind, case, utcnow(), language=language)
    return send_file(
        io.BytesIO(pdf),
        mimetype="application/pdf",
        as_attachment=True,
        download_name=f"{kind.replace('_', '-')}-{case.reference}.pdf",
    )


@bp.get("/events/<int:event_id>/packet")
@roles_required(*ORGANIZERS)
def packet_preview(event_id):
    event = event_or_404(event_id, can_manage_event)
    return services.cover_html(event, services.event_cases(event), utcnow(), preview=True)


@bp.post("/events/<int:event_id>/packet")
@roles_required(*ORGANIZERS)
def start_packet(event_id):
    event = event_or_404(event_id, can_manage_event)
    job = services.start_packet(
        event, current_user, request.form.get("review_sheets") == "y", utcnow()
    )
    return _queued(job)


def _queued(job):
    db.session.flush()
    job_id = job.id
    db.session.commit()  # the worker must see the job
    services.queue_render(job_id)
    return redirect(url_for("packets.job", job_id=job_id))


def _job_or_404(job_id):
    job = or_404(
        db.session.get(PacketJob, job_id), lambda job: can_manage_event(current_user, job.event)
    )
    return services.check_heartbeat(job, utcnow())


@bp.get("/packets/<int:job_id>")
@roles_required(*ORGANIZERS)
def job(job_id):
    job = _job_or_404(job_id)
    return render_template("packets/job.html", job=job, ahead=services.jobs_ahead(job))


@bp.get("/packets/<int:job_id>/status")
@roles_required(*ORGANIZERS)
def job_status(job_id):
    job = _job_or_404(job_id)
    return jsonify(
        status=job.status,
        done=job.done,
        total=job.total,
        percent=job.percent,
        ahead=services.jobs_ahead(job),
    )


@bp.post("/packets/<int:job_id>/again")
@roles_required(*ORGANIZERS)
def try_again(job_id):
    job = _job_or_404(job_id)
    try:
        again = services.try_again(job, current_user, utcnow())
    except ServiceError as refusal:
        flash_refusal(refusal.message)
        return redirect(url_for("packets.job", job_id=job.id))
    return _queued(again)


@bp.get("/packets/<int:job_id>/download")
@roles_required(*ORGANIZERS)
def job_download(job_id):
    job = _job_or_404(job_id)
    pdf = services.packet_pdf(job)
    if pdf is None:
        abort(404)
    audit.record("packets.downloaded", actor=current_user, target=job.event, at=utcnow())
    return send_file(
        io.BytesIO(pdf),
        mimetype="application/pdf",
        as_attachment=True,
        download_name=f"clinic-day-{job.event.held_on.isoformat()}-packet.pdf",
    )
