"""A laptop and a server: the laptop on its own SQLite file with its own encryption keys (a
clinic day held offline), the server on the test database (SQLite, or PostgreSQL when
CLINIC_TEST_DATABASE_URL is set); each with its carry keys, each trusting the other."""

from types import SimpleNamespace

import pytest
from sqlalchemy import select

from clinic import demo
from clinic.carry import keys
from clinic.clock import today, utcnow
from clinic.events.models import ClinicEvent
from clinic.extensions import db

LAPTOP_KEYS = {
    "index_key": "bGFwdG9wIGluZGV4IGtleSBvZiAzMiBieXRlcyAuLi4=",
    "data_keys": ["bGFwdG9wIGRhdGEga2V5IG9mIDMyIGJ5dGVzIC4uLi4="],
}


def exchange_keys(laptop, server):
    """What the README says to do once: each side's public line typed into the other."""
    with server.app_context():
        server_line, _ = keys.public_lines(keys.ensure_own_keys())
    with laptop.app_context():
        _, laptop_line = keys.public_lines(keys.ensure_own_keys())
        keys.trust(server_line)
    with server.app_context():
        keys.trust(laptop_line, "Laptop 1")


@pytest.fixture
def server(app, tmp_path):
    app.config["CARRY_KEY_FILE"] = str(tmp_path / "server-carry-keys.json")
    return app


@pytest.fixture
def laptop(make_app, server, tmp_path):
    """The laptop's app (made after the server's, whose tables the test fixture empties)."""
    laptop = make_app(
        SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'laptop.sqlite3'}",
        SQLALCHEMY_ENGINE_OPTIONS={},
        ENCRYPTION_KEYS=LAPTOP_KEYS,
        CARRY_KEY_FILE=str(tmp_path / "laptop-carry-keys.json"),
    )
    with laptop.app_context():
        db.create_all()
    exchange_keys(laptop, server)
    return laptop


@pytest.fixture
def demo_day(laptop):
    """The demo's richest clinic day on the laptop: screened, signed, followed to the oath."""
    with laptop.app_context():
        demo.seed(today(), utcnow(), lambda _: None)
        db.session.commit()
        event = db.session.scalars(select(ClinicEvent).order_by(ClinicEvent.id)).first()
        return SimpleNamespace(id=event.id, name=event.name)


def export_bundle(laptop, event_id):
    from clinic.carry.export import export_day

    with laptop.app_context():
        data, _ = export_day(db.session.get(ClinicEvent, event_id), by=None, now=utcnow())
        db.session.commit()
        return data


def import_into(server, data):
    from clinic.carry.importer import import_bundle

    with server.app_context():
        outcome = import_bundle(data, by=None, now=utcnow())
        db.session.commit()
        return SimpleNamespace(
            already=outcome.already,
            report=outcome.imported.report,
            id=outcome.imported.id,
            receipt=outcome.imported.receipt,
        )
