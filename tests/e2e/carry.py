"""A clinic day held on a laptop, carried to the browser tests' server: the laptop is an app
in this process on its own SQLite file and keys; the bundle it exports is uploaded by the
admin on the import page, as a USB key would bring it."""

from datetime import date

from clinic import create_app
from clinic.carry import keys
from clinic.extensions import db
from tests.factories import Factory

LAPTOP_ORGANIZATION = "Lowell Laptop Clinic"


def _keys_app(key_file, **more):
    """An app only to read and write a carry key file (the server's lives in its instance)."""
    settings = {"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"}
    return create_app({**settings, "CARRY_KEY_FILE": str(key_file), **more})


def laptop_bundle(folder, server_instance):
    """A small day made on a laptop, exported for the server, whose key file trusts the
    laptop (the README's one-time exchange of key lines). Returns the bundle's path."""
    from clinic.carry.export import export_day
    from clinic.clock import utcnow
    from clinic.events.models import ClinicEvent

    server = _keys_app(server_instance / "carry-keys.json")
    with server.app_context():
        server_line, _ = keys.public_lines(keys.ensure_own_keys())
    laptop = _keys_app(
        folder / "laptop-carry-keys.json",
        SQLALCHEMY_DATABASE_URI=f"sqlite:///{folder / 'laptop.sqlite3'}",
        ENCRYPTION_KEYS={
            "index_key": "bGFwdG9wIGluZGV4IGtleSBvZiAzMiBieXRlcyAuLi4=",
            "data_keys": ["bGFwdG9wIGRhdGEga2V5IG9mIDMyIGJ5dGVzIC4uLi4="],
        },
    )
    with laptop.app_context():
        db.create_all()
        keys.trust(server_line)
        _, laptop_line = keys.public_lines(keys.ensure_own_keys())
    with server.app_context():
        keys.trust(laptop_line, "Lowell laptop")
    make = Factory(laptop)
    volunteer = make.user(
        "volunteer", organization=LAPTOP_ORGANIZATION, email="laptop.volunteer@example.org"
    )
    day = make.event(LAPTOP_ORGANIZATION, staff=[volunteer], name="Library day (offline)")
    for given, family, born in (
        ("Inês", "Carvalho", date(1979, 6, 1)),
        ("Dmytro", "Koval", date(1988, 2, 17)),
    ):
        make.case(day, given=given, family=family, born=born, by=volunteer)
    with laptop.app_context():
        data, _ = export_day(db.session.get(ClinicEvent, day.id), by=None, now=utcnow())
        db.session.commit()
        db.engine.dispose()
    with server.app_context():
        db.engine.dispose()
    path = folder / "library-day.bundle"
    path.write_bytes(data)
    return path
