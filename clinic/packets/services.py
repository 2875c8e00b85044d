"""Rendering printables, and clinic-day packets as background jobs split across CPU cores."""

import io
import multiprocessing
import os
import secrets
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from datetime import timedelta
from pathlib import Path

from flask import current_app, render_template
from sqlalchemy import select

from clinic import audit
from clinic.clock import today, utcnow
from clinic.events.services import roster
from clinic.extensions import db
from clinic.packets import context, cover, review_sheet
from clinic.packets.models import PacketJob
from clinic.packets.pdf import merge_pdfs, render_pdf
from clinic.voter import gate as voter_gate

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
PROGRESS_EVERY_SECONDS = 0.5
BATCH_SIZE = 5


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


# ---- background packets -----------------------------------------------------------------


def packets_dir():
    path = Path(current_app.instance_path) / "packets"
    path.mkdir(parents=True, exist_ok=True)
    return path


def start_packet(event, user, include_review_sheets, now):
    """Queue a packet for the clinic day; the caller commits, then calls launch()."""
    purge_old_packets(now)
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


def launch(job_id):
    """Render in a separate process, so the web worker answers at once (gunicorn would kill a
    long request) and WeasyPrint's memory goes back to the system when the job ends."""
    if current_app.config["PACKETS_INLINE"]:
        render_packet(job_id)
        return
    subprocess.Popen(  # noqa: S603 - our own interpreter and command, no user input
        [sys.executable, "-m", "flask", "--app", "clinic", "clinic", "render-packet", str(job_id)],
        env={**os.environ, "CLINIC_INSTANCE_PATH": current_app.instance_path},
        cwd=Path(current_app.root_path).parent,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def render_packet(job_id):
    """Build every applicant's document on a process pool, merge them with bookmarks, save."""
    job = db.session.get(PacketJob, job_id)
    now = utcnow()
    try:
        cases = event_cases(job.event)
        cover, *roster = cover_parts(job.event, cases, now)
        parts = [("Cover and roster", cover)] + [(None, html) for html in roster]
        for case in cases:
            parts.append(
                (
                    f"{case.applicant.full_name} ({case.reference})",
                    case_html("checklist", case, now),
                )
            )
            if job.include_review_sheets:
                parts.append((None, case_html("review_sheet", case, now)))
            if voter_gate.passes(case, today()):
                parts.append((None, voter_checklist_html(case, now)))
        job.status, job.total, job.done = "rendering", len(parts), 0
        db.session.commit()
        db.engine.dispose()  # the pool's processes must not share our database connections
        pdfs = _render_all(job, [html for _, html in parts])
        merged = merge_pdfs([(title, pdf) for (title, _), pdf in zip(parts, pdfs, strict=True)])
        token = secrets.token_urlsafe(24)
        (packets_dir() / f"{token}.pdf").write_bytes(merged)
        job.file_token, job.status, job.finished_at = token, "done", utcnow()
        job.pages = _page_count(merged)
        db.session.commit()
    except Exception as error:
        db.session.rollback()
        job = db.session.get(PacketJob, job_id)
        job.status, job.error = "failed", type(error).__name__
        job.finished_at = utcnow()
        db.session.commit()
        raise


def _render_all(job, documents):
    static = current_app.static_folder
    processes = current_app.config["PACKET_PROCESSES"] or os.cpu_count() or 1
    results = [None] * len(documents)
    report = _progress_reporter(job, len(documents))
    if processes <= 1:
        for index, html in enumerate(documents):
            results[index] = render_pdf(html, static)
            report(index + 1)
        return results
    # Warm up here, on a tiny page: forked workers then inherit the loaded fonts and styles.
    render_pdf("<html><body><p>warm</p></body></html>", static)
    # Documents go to the workers a few at a time: one task per document costs more in
    # hand-offs between processes than it saves in balance (measured: 1.09 against 0.96 of
    # the ideal). Forked workers start warm and live only as long as this job, whose process
    # exits afterwards: WeasyPrint never hands memory back, the end of the job does.
    # (max_tasks_per_child would force "spawn", which re-runs the flask command line.)
    batches = [
        list(range(start, min(start + BATCH_SIZE, len(documents))))
        for start in range(0, len(documents), BATCH_SIZE)
    ]
    with ProcessPoolExecutor(
        max_workers=processes, mp_context=multiprocessing.get_context("fork")
    ) as pool:
        futures = {
            pool.submit(render_batch, [documents[i] for i in batch], static): batch
            for batch in batches
        }
        finished = 0
        for future in as_completed(futures):
            for index, pdf in zip(futures[future], future.result(), strict=True):
                results[index] = pdf
            finished += len(futures[future])
            report(finished)
    return results


def render_batch(documents, static):
    """PDFs for a few HTML documents (run in a worker process)."""
    return [render_pdf(html, static) for html in documents]


def _progress_reporter(job, total):
    """report(done) saves the job's progress, at most twice a second and always at the end:
    each commit is a synced write, and the progress bar polls once a second anyway."""
    last = [float("-inf")]

    def report(done):
        if done == total or time.monotonic() - last[0] > PROGRESS_EVERY_SECONDS:
            job.done = done
            db.session.commit()
            last[0] = time.monotonic()

    return report


def _page_count(pdf):
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        return len(document.pages)


def packet_path(job):
    return packets_dir() / f"{job.file_token}.pdf" if job.file_token else None


def purge_old_packets(now):
    """Delete packets older than PACKET_KEEP_HOURS: they hold applicants' names and plans."""
    cutoff = now - timedelta(hours=current_app.config["PACKET_KEEP_HOURS"])
    expired = db.session.scalars(
        select(PacketJob).where(PacketJob.created_at < cutoff, PacketJob.status != "expired")
    ).all()
    for job in expired:
        path = packet_path(job)
        if path is not None and path.exists():
            path.unlink()
        job.status, job.file_token = "expired", None
    return len(expired)
