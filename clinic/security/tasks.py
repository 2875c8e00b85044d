"""Security's work on the task queue: the retention purge, once a night."""

from clinic.clock import utcnow
from clinic.extensions import db
from clinic.jobs.queue import periodic
from clinic.security import retention


@periodic(hour="3", minute="15")
def retention_purge():
    """Every night at 03:15: purge the cases past their retention time (idempotent: a second
    run finds nothing left to purge)."""
    retention.purge(utcnow())
    db.session.commit()
