"""Rendering a clinic-day packet: the task a queue worker runs. Every applicant's documents are
made into PDFs on a pool of processes, merged with bookmarks and stored; the job's row says how
far it got and carries the worker's heartbeat."""

import io
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed

from flask import current_app
from sqlalchemy import update

from clinic.clock import today, utcnow
from clinic.extensions import db
from clinic.packets import services
from clinic.packets.models import WAITING, PacketJob
from clinic.packets.pdf import merge_pdfs, render_pdf
from clinic.packets.storage import packet_storage
from clinic.voter import gate as voter_gate

PROGRESS_EVERY_SECONDS = 0.5
BATCH_SIZE = 5


class Abandoned(Exception):
    """The job stopped being ours while it rendered (marked failed after a silent spell)."""


def render_packet(job_id, retries_left=0):
    """Render a queued packet. On an error the job goes back to "queued" while Huey has retries
    left for it (the error is raised again, so Huey retries), else it is "failed"."""
    job = db.session.get(PacketJob, job_id)
    if job is None or job.status not in WAITING:
        return  # deleted with its clinic day, or given up on, while it waited
    job.status, job.done, job.total, job.error = "rendering", 0, 0, None
    job.attempts += 1
    job.heartbeat_at = utcnow()
    db.session.commit()
    try:
        _render(job)
    except Abandoned:
        db.session.rollback()
    except Exception as error:
        db.session.rollback()
        job = db.session.get(PacketJob, job_id)
        job.error = type(error).__name__
        job.status = "queued" if retries_left > 0 else "failed"
        job.finished_at = None if retries_left > 0 else utcnow()
        db.session.commit()
        raise


def _render(job):
    now = utcnow()
    beat = _heartbeat(job.id)
    parts = _documents(job, now, beat)
    job.total = len(parts)
    db.session.commit()
    db.engine.dispose()  # the pool's processes must not share our database connections
    pdfs = _render_all([html for _, html in parts], beat)
    merged = merge_pdfs([(title, pdf) for (title, _), pdf in zip(parts, pdfs, strict=True)])
    beat(len(parts), force=True)
    db.session.refresh(job)
    packet_storage().save(job, merged)
    job.pages, job.status, job.finished_at = _page_count(merged), "done", utcnow()
    db.session.commit()


def _documents(job, now, beat):
    """(bookmark title or None, HTML) for the cover, the roster's parts and each applicant."""
    cases = services.event_cases(job.event)
    cover, *roster = services.cover_parts(job.event, cases, now)
    parts = [("Cover and roster", cover)] + [(None, html) for html in roster]
    for case in cases:
        title = f"{case.applicant.full_name} ({case.reference})"
        parts.append((title, services.case_html("checklist", case, now)))
        if job.include_review_sheets:
            parts.append((None, services.case_html("review_sheet", case, now)))
        if voter_gate.passes(case, today()):
            parts.append((None, services.voter_checklist_html(case, now)))
        beat(0)
    return parts


def _heartbeat(job_id):
    """beat(done) saves the progress and the heartbeat, at most twice a second (each commit is
    a synced write; the progress bar polls once a second), and raises Abandoned when the job
    is no longer rendering (marked failed after its heartbeat stopped)."""
    last = [time.monotonic()]

    def beat(done, force=False):
        if not force and time.monotonic() - last[0] < PROGRESS_EVERY_SECONDS:
            return
        saved = db.session.execute(
            update(PacketJob)
            .where(PacketJob.id == job_id, PacketJob.status == "rendering")
            .values(done=done, heartbeat_at=utcnow())
            .execution_options(synchronize_session=False)
        )
        db.session.commit()
        last[0] = time.monotonic()
        if saved.rowcount == 0:
            raise Abandoned(job_id)

    return beat


def _render_all(documents, beat):
    static = current_app.static_folder
    processes = current_app.config["PACKET_PROCESSES"] or os.cpu_count() or 1
    results = [None] * len(documents)
    if processes <= 1:
        for index, html in enumerate(documents):
            results[index] = render_pdf(html, static)
            beat(index + 1, force=index + 1 == len(documents))
        return results
    # Warm up here, on a tiny page: forked workers then inherit the loaded fonts and styles.
    render_pdf("<html><body><p>warm</p></body></html>", static)
    # A queue worker's process is daemonic (Huey marks it so that it dies with the worker),
    # and multiprocessing refuses children to daemonic processes. The pool's processes live
    # only as long as this render (the `with` below waits for them), so this process may have
    # them: the flag only guards that, here in this process; the worker's own copy is kept.
    multiprocessing.current_process().daemon = False
    # Documents go to the workers a few at a time: one task per document costs more in
    # hand-offs between processes than it saves in balance (measured: 1.09 against 0.96 of
    # the ideal). Forked workers start warm and live only as long as this job: WeasyPrint
    # never hands memory back, the end of the pool does.
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
            beat(finished, force=finished == len(documents))
    return results


def render_batch(documents, static):
    """PDFs for a few HTML documents (run in a pool process)."""
    return [render_pdf(html, static) for html in documents]


def _page_count(pdf):
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        return len(document.pages)
