"""Where finished packets are kept. Any host must be able to serve any packet, so the default
(and, for now, only) storage is the database; another (say, an object store) would implement
the same three methods and be named in PACKET_STORAGE."""

from flask import current_app
from sqlalchemy import delete

from clinic.extensions import db
from clinic.packets.models import PacketFile


class DatabaseStorage:
    """Packets as rows of packet_files, one per job (deleted with the job's event)."""

    def save(self, job, pdf):
        db.session.add(PacketFile(job_id=job.id, content=pdf))

    def load(self, job):
        """The PDF's bytes, or None when there is none (not finished, or deleted)."""
        row = db.session.get(PacketFile, job.id)
        return row.content if row is not None else None

    def delete(self, job):
        db.session.execute(delete(PacketFile).where(PacketFile.job_id == job.id))


STORAGES = {"database": DatabaseStorage}


def packet_storage():
    return STORAGES[current_app.config["PACKET_STORAGE"]]()
