"""Database engine set-up: SQLite pragmas and write-safe transactions, PostgreSQL as is."""

from datetime import UTC

from sqlalchemy import DateTime, event
from sqlalchemy.types import TypeDecorator


def configure_engine(engine, busy_timeout_seconds):
    """Make SQLite safe for a room of concurrent writers; leave other databases alone.

    Every SQLite connection gets WAL, foreign keys, full sync and a busy timeout, and every
    transaction starts with BEGIN IMMEDIATE: a deferred transaction that reads and then writes
    fails at once with "database is locked" when another writer got there first, whatever the
    timeout (SQLAlchemy's documented pysqlite recipe; see PERFORMANCE.md).
    """
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _set_pragmas(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_seconds * 1000)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin_immediate(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE")


class UTCDateTime(TypeDecorator):
    """A moment in time stored as naive UTC and always read back as an aware UTC datetime.

    SQLite has no time zones and PostgreSQL's `timestamp` none either; storing naive UTC in both
    keeps comparisons and migrations identical on the two databases.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("UTCDateTime needs an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        return None if value is None else value.replace(tzinfo=UTC)
