"""Fixtures: one schema per test run (SQLite file, or PostgreSQL when CLINIC_TEST_DATABASE_URL
is set), emptied after every test; `app`, `client`, `runner`, `make` and `login_as`."""

import os
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from clinic import create_app
from clinic.extensions import db
from tests.factories import Factory
from tests.helpers import log_in_with

TEST_DATABASE_URL = os.environ.get("CLINIC_TEST_DATABASE_URL")

BASE_TEST_CONFIG = {
    "TESTING": True,
    "SECRET_KEY": "test-secret-key",
    "WTF_CSRF_ENABLED": False,
    "SERVER_NAME": "clinic.test",
    # Cheap hashing keeps the suite fast; production uses config.py's argon2id settings.
    "ARGON2_TIME_COST": 1,
    "ARGON2_MEMORY_COST": 8,
    "ARGON2_PARALLELISM": 1,
    # Queued tasks run at once, in the request (Huey's immediate mode), packets in one process;
    # tests/packets/test_worker.py runs real workers.
    "QUEUE_IMMEDIATE": True,
    "PACKET_PROCESSES": 1,
    "PACKET_RETRY_DELAY_SECONDS": 0,
    # Fixed keys, so a test can read what another app of the same run wrote.
    "ENCRYPTION_KEYS": {
        "index_key": "dGVzdCBpbmRleCBrZXkgb2YgMzIgYnl0ZXMgLi4uLi4=",
        "data_keys": ["dGVzdCBkYXRhIGtleSBvZiAzMiBieXRlcyAuLi4uLi4="],
    },
}


@pytest.fixture(scope="session")
def database(tmp_path_factory):
    """The database settings for this run, with the schema created once."""
    if TEST_DATABASE_URL:
        schema = f"clinic_test_{uuid.uuid4().hex[:12]}"
        admin_engine = sa.create_engine(TEST_DATABASE_URL)
        with admin_engine.begin() as connection:
            connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        settings = {
            "SQLALCHEMY_DATABASE_URI": TEST_DATABASE_URL,
            "SQLALCHEMY_ENGINE_OPTIONS": {
                "hide_parameters": True,
                "connect_args": {"options": f"-csearch_path={schema}"},
            },
        }
    else:
        path = tmp_path_factory.mktemp("db") / "clinic-test.sqlite3"
        settings = {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"}
    app = create_app({**BASE_TEST_CONFIG, **settings})
    with app.app_context():
        db.create_all()
        db.engine.dispose()
    yield settings
    if TEST_DATABASE_URL:
        with admin_engine.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin_engine.dispose()


class FakeClock:
    """A clock the test moves by hand: time is passed in, never slept."""

    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now

    def advance(self, **delta):
        self.now += timedelta(**delta)


@pytest.fixture
def clock():
    return FakeClock(datetime(2026, 11, 30, 15, 0, tzinfo=UTC))


@pytest.fixture
def make_app(database, clock, tmp_path, monkeypatch):
    """Build apps on the test database, each test with its own instance folder; every table
    is emptied after the test."""
    monkeypatch.setenv("CLINIC_INSTANCE_PATH", str(tmp_path / "instance"))
    apps = []

    def factory(**overrides):
        app = create_app({**BASE_TEST_CONFIG, **database, "CLOCK": clock, **overrides})
        apps.append(app)
        return app

    yield factory
    if apps:
        with apps[0].app_context():
            db.session.remove()
            with db.engine.begin() as connection:
                for table in reversed(db.metadata.sorted_tables):
                    connection.execute(table.delete())
        for app in apps:
            with app.app_context():
                db.engine.dispose()


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make(app):
    return Factory(app)


@pytest.fixture
def login_as(app, make):
    """login_as(role) -> a test client logged in as a new user with that role."""

    def log_in(role, organization=None, **user_fields):
        user = make.user(role, organization=organization, **user_fields)
        client = app.test_client()
        response = log_in_with(client, user)
        assert response.status_code == 302, "login in a fixture failed"
        assert "/login" not in response.headers["Location"], "login in a fixture failed"
        client.user = user
        return client

    return log_in
