"""The packets' work on the task queue: rendering, and the periodic clean-up."""

from clinic.clock import utcnow
from clinic.extensions import db
from clinic.jobs.queue import periodic, task
from clinic.packets import render, services


@task(retries="PACKET_RETRIES", retry_delay="PACKET_RETRY_DELAY_SECONDS")
def render_packet(job_id, retries_left):
    render.render_packet(job_id, retries_left)


@periodic(minute="*")
def packet_clean_up():
    """Every minute: fail the jobs whose worker went silent, delete the packets kept long
    enough (both idempotent: several schedulers may run it)."""
    now = utcnow()
    services.fail_stalled_jobs(now)
    services.purge_old_packets(now)
    db.session.commit()
