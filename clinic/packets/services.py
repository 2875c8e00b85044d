"""Printables (previews and PDFs), and clinic-day packet jobs: queued, followed, kept, purged.

The queue's worker renders a packet (clinic.packets.render); this module decides what a job
is and what it says."""

from datetime import timedelta

from flask import current_app, render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from clinic import audit
from clinic.auth.services import ServiceError
from clinic.clock import today, utcnow
from clinic.events.services import roster
from clinic.extensions import db
from clinic.jobs.queue import enqueue
from clinic.packets import context, cover, review_sheet
from clinic.packets.models import WAITING, PacketJob
from clinic.packets.pdf import render_pdf
from clinic.packets.storage import packet_storage

TEMPLATES = {"checklist": "print/checklist.html", "review_sheet": "print/review_sheet.html"}
BUILDERS = {
    "checklist": context.checklist_context,
    "review_sheet": review_sheet.review_sheet_context,
}


def case_html(kind, case, now, preview=False, language=None):
    """A case's printable; the checklist in `language` (else the interview's), English beneath."""
    doc = BUILDERS[kind](case, now)
    return render_template(
        TEMPLATES[kind],
        doc=doc,
        language=language or doc.get("language"),
        preview=preview,
        kind=kind,
        case_id=case.id,
    )


ROSTER_ROWS_PER_PART = 50


def cover_html(event, cases, now, preview=False):
    """The cover page with the whole roster (as previewed in the browser)."""
    return render_template(
        "print/packet_cover.html",
        doc=cover.packet_cover_context(event, cases, now),
        preview=preview,
        event_id=event.id,
    )


def cover_parts(event, cases, now):
    """The cover, then the roster in parts of ROSTER_ROWS_PER_PART rows: one long table is
    slow to lay out and would keep one worker busy while the others wait."""
    doc = cover.packet_cover_context(event, cases, now)
    roster = doc["roster"]
    parts = [render_template("print/packet_cover.html", doc={**doc, "roster": []}, preview=False)]
    for start in range(0, len(roster), ROSTER_ROWS_PER_PART):
        rows = roster[start : start + ROSTER_ROWS_PER_PART]
        parts.append(
            render_template(
                "print/packet_roster.html",
                preview=False,
                doc={**doc, "roster": rows, "roster_part": start > 0},
            )
        )
    return parts


def voter_checklist_html(case, now, language=None, preview=False):
    """The voter-registration checklist, in `language` (else the interview's), English beneath;
    refuses (NotACitizenYet) before the oath."""
    from clinic.voter.services import checklist_context

    doc = checklist_context(case, today(), now)
    return render_template(
        "print/voter_checklist.html",
        preview=preview,
        case_id=case.id,
        doc=doc,
        language=language or doc["language"],
    )


def case_pdf(kind, case, now, language=None):
    return render_pdf(case_html(kind, case, now, language=language), current_app.static_folder)


# The day's cases, by name: the same roster the clinic day's page shows.
event_cases = roster


# ---- clinic-day packet jobs -------------------------------------------------------------


def start_packet(event, user, include_review_sheets, now):
    """A new packet job, waiting for a worker; the caller commits, then calls queue_render()."""
    job = PacketJob(
        event=event,
        requested_by=user,
        include_review_sheets=include_review_sheets,
        status="queued",
        created_at=now,
    )
    db.session.add(job)
    audit.record("packets.requested", actor=user, target=event, at=now)
    return job


QUEUE_DOWN = _l("the task queue could not be reached")


def queue_render(job_id):
    """Hand a committed job to the task queue (by id: reading the job again here would open a
    transaction that, on SQLite, keeps an immediate-mode render from writing). When the queue
    can't take it (its Redis is down, say), the job is failed at once: the caller commits."""
    try:
        enqueue("render_packet", job_id)
    except Exception:  # whatever the queue's storage raised: the page says so, never a 500
        current_app.logger.exception("Packet job %s could not be queued", job_id)
        _fail(db.session.get(PacketJob, job_id), QUEUE_DOWN, utcnow())


def try_again(job, user, now):
    """A new job like a failed one (the caller commits, then queues it)."""
    if job.status != "failed":
        raise ServiceError(_("Only a packet that failed can be tried again."))
    return start_packet(job.event, user, job.include_review_sheets, now)


WORKER_LOST = _l("its worker stopped")


def check_heartbeat(job, now):
    """A rendering job whose worker has been silent for PACKET_HEARTBEAT_SECONDS is failed,
    so that the page offers to try again instead of waiting forever."""
    if job.status == "rendering" and job.heartbeat_at < _silent_since(now):
        _fail(job, WORKER_LOST, now)
    return job


def fail_stalled_jobs(now):
    """check_heartbeat() for every rendering job; returns how many were failed."""
    stalled = db.session.scalars(
        select(PacketJob).where(
            PacketJob.status == "rendering", PacketJob.heartbeat_at < _silent_since(now)
        )
    ).all()
    for job in stalled:
        _fail(job, WORKER_LOST, now)
    return len(stalled)


def _silent_since(now):
    return now - timedelta(seconds=current_app.config["PACKET_HEARTBEAT_SECONDS"])


def _fail(job, error, now):
    job.status, job.error, job.finished_at = "failed", str(error), now


def jobs_ahead(job):
    """How many packets (any clinic's) will be rendered before this waiting one."""
    if job.status != "queued":
        return 0
    return db.session.scalar(
        select(func.count(PacketJob.id)).where(PacketJob.status.in_(WAITING), PacketJob.id < job.id)
    )


def packet_pdf(job):
    """The finished packet's bytes, or None when it is not (or no longer) there."""
    return packet_storage().load(job) if job.status == "done" else None


def purge_old_packets(now):
    """Delete packets older than PACKET_KEEP_HOURS: they hold applicants' names and plans."""
    cutoff = now - timedelta(hours=current_app.config["PACKET_KEEP_HOURS"])
    expired = db.session.scalars(
        select(PacketJob).where(PacketJob.created_at < cutoff, PacketJob.status != "expired")
    ).all()
    storage = packet_storage()
    for job in expired:
        storage.delete(job)
        job.status = "expired"
    return len(expired)
