"""create_app: config layers, secret-key guard, database settings."""

import json

import pytest
import sqlalchemy as sa

from clinic import create_app
from clinic.extensions import db
from clinic.security.crypto import new_key_set, write_key_file
from tests.conftest import TEST_DATABASE_URL


@pytest.fixture
def instance(tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_INSTANCE_PATH", str(tmp_path))
    for name in ("CLINIC_SECRET_KEY", "CLINIC_DATABASE_URL", "CLINIC_TIMEZONE"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def test_defaults_then_instance_file_then_environment_then_test_dict(instance, monkeypatch):
    write_key_file(instance / "encryption-keys.json", new_key_set())
    (instance / "config.py").write_text(
        'SECRET_KEY = "from-instance"\nTIMEZONE = "America/Chicago"\nLOGIN_FREE_ATTEMPTS = 3\n'
    )
    app = create_app()
    assert app.config["SECRET_KEY"] == "from-instance"
    assert app.config["TIMEZONE"] == "America/Chicago"
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"  # a default untouched

    monkeypatch.setenv("CLINIC_TIMEZONE", "America/Denver")
    monkeypatch.setenv("CLINIC_LOGIN_FREE_ATTEMPTS", "4")
    app = create_app()
    assert app.config["TIMEZONE"] == "America/Denver"
    assert app.config["LOGIN_FREE_ATTEMPTS"] == 4  # environment values are parsed as JSON

    app = create_app({"TIMEZONE": "America/Phoenix", "TESTING": True})
    assert app.config["TIMEZONE"] == "America/Phoenix"
    assert app.config["SECRET_KEY"] == "from-instance"


def test_missing_secret_key_stops_start_up(instance):
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app()


def test_missing_encryption_keys_stop_start_up(instance):
    (instance / "config.py").write_text('SECRET_KEY = "from-instance"\n')
    with pytest.raises(RuntimeError, match=r"encryption-keys\.json"):
        create_app()


def test_encryption_keys_may_come_from_the_environment(instance, monkeypatch):
    (instance / "config.py").write_text('SECRET_KEY = "from-instance"\n')
    monkeypatch.setenv("CLINIC_ENCRYPTION_KEYS", json.dumps(new_key_set()))
    keyring = create_app().extensions["clinic_keyring"]
    assert keyring.decrypt(keyring.encrypt("A123456789", "t.c"), "t.c") == "A123456789"


def test_tests_may_run_without_a_secret_key(instance):
    assert create_app({"TESTING": True}).testing


def test_default_database_is_sqlite_in_the_instance_folder(instance):
    app = create_app({"TESTING": True})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{instance}/clinic.sqlite3"


def test_clinic_database_url_selects_another_database(instance, monkeypatch):
    monkeypatch.setenv("CLINIC_DATABASE_URL", "postgresql+psycopg://clinic@db.internal/clinic")
    app = create_app({"TESTING": True})
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql+psycopg://")


@pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="SQLite settings")
def test_every_sqlite_connection_is_set_up_for_concurrent_writers(app):
    with app.app_context(), db.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 2  # FULL
        assert pragma("busy_timeout") == 30_000


@pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="SQLite settings")
def test_sqlite_write_transactions_begin_immediate(app):
    """Two writers queue for the lock instead of failing with 'database is locked'."""
    with app.app_context():
        first, second = db.engine.connect(), db.engine.connect()
        first.begin()  # takes the write lock at once, before any write
        # Ask the second connection not to wait, so the held lock shows as an error.
        second.connection.dbapi_connection.execute("PRAGMA busy_timeout = 0")
        with pytest.raises(sa.exc.OperationalError, match="locked"):
            second.begin()
        second.close()
        first.rollback()
        first.close()
