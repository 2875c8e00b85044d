"""Benchmark carrying a clinic day of 300 applicants from a laptop to the coalition server.

Seeds a laptop (SQLite, its own encryption keys) with a day of 300 applicants, each with the
whole N-400 answered through the interview's services and screened, a few signed off by an
attorney; then times, each in its own process (so its peak memory is its own): the export of
the day into one bundle, and its import into an empty server on SQLite and, when it answers,
PostgreSQL (in its own schema, dropped afterwards).
The last line is JSON: {"bench": "carry", "export_seconds": ..., "import_seconds": ...,
"peak_mb": ..., "bundle_kb": ...} (import_seconds on SQLite; import_seconds_postgresql beside
it when PostgreSQL answered).

Usage: python bench/carry.py [--applicants 300] [--only sqlite]
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PG_URL = os.environ.get(
    "CLINIC_BENCH_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
BASE = {
    "TESTING": True,
    "SECRET_KEY": "bench-secret-key",
    "ARGON2_TIME_COST": 1,
    "ARGON2_MEMORY_COST": 8,
    "ARGON2_PARALLELISM": 1,
}
LAPTOP_KEYS = {
    "index_key": "bGFwdG9wIGluZGV4IGtleSBvZiAzMiBieXRlcyAuLi4=",
    "data_keys": ["bGFwdG9wIGRhdGEga2V5IG9mIDMyIGJ5dGVzIC4uLi4="],
}
SERVER_KEYS = {
    "index_key": "c2VydmVyIGluZGV4IGtleSBvZiAzMiBieXRlcyAuLi4=",
    "data_keys": ["c2VydmVyIGRhdGEga2V5IG9mIDMyIGJ5dGVzIC4uLi4="],
}


def laptop_app(folder):
    from clinic import create_app

    return create_app(
        {
            **BASE,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'laptop.sqlite3'}",
            "ENCRYPTION_KEYS": LAPTOP_KEYS,
            "CARRY_KEY_FILE": str(folder / "laptop-carry-keys.json"),
        }
    )


def server_app(folder, url=None, schema=None):
    from clinic import create_app

    settings = {"SQLALCHEMY_DATABASE_URI": url or f"sqlite:///{folder / 'server.sqlite3'}"}
    if schema:
        settings["SQLALCHEMY_ENGINE_OPTIONS"] = {
            "connect_args": {"options": f"-csearch_path={schema}"}
        }
    return create_app(
        {
            **BASE,
            **settings,
            "ENCRYPTION_KEYS": SERVER_KEYS,
            "CARRY_KEY_FILE": str(folder / "server-carry-keys.json"),
        }
    )


def seed(folder, applicants):
    """The laptop's day, and the one-time exchange of key lines with the server."""
    import random

    from clinic.admin import services as admin
    from clinic.auth.roles import Credential, Role
    from clinic.carry import keys
    from clinic.clock import today, utcnow
    from clinic.demo.screening import scenarios, seed_applicant, seed_decisions
    from clinic.events import services as events
    from clinic.extensions import db

    server, laptop = server_app(folder), laptop_app(folder)
    with server.app_context():
        server_line, _ = keys.public_lines(keys.ensure_own_keys())
    with laptop.app_context():
        db.create_all()
        keys.trust(server_line)
        _, laptop_line = keys.public_lines(keys.ensure_own_keys())
        now, day = utcnow(), today()
        org = admin.create_organization("Bench Org", "Lawrence, MA", by=None, now=now)
        password = "a bench passphrase for everyone"
        staff = [
            admin.create_user(
                org,
                "Bench Volunteer",
                "v@bench.example.org",
                Role.VOLUNTEER,
                password=password,
                now=now,
            ),
            admin.create_user(
                org,
                "Bench Attorney",
                "a@bench.example.org",
                Role.ATTORNEY,
                Credential.BAR,
                "MA BBO 600999",
                password=password,
                now=now,
            ),
        ]
        event = events.create_event(
            org, "Bench Citizenship Day", "Library", day, applicants, by=None, now=now
        )
        rng = random.Random(7)
        every = scenarios(day)
        for number in range(applicants):
            label, changes = every[number % len(every)]
            seed_applicant(number, label, changes, event, staff, day, now, rng)
            if number % 50 == 49:
                db.session.commit()
        seed_decisions(event, staff[1], password, now)
        db.session.commit()
        event_id = event.id
    with server.app_context():
        keys.trust(laptop_line, "Bench laptop")
    return {"event_id": event_id}


def export(folder, event_id):
    from clinic.carry.export import export_day
    from clinic.clock import utcnow
    from clinic.events.models import ClinicEvent
    from clinic.extensions import db

    with laptop_app(folder).app_context():
        started = time.perf_counter()
        data, made = export_day(db.session.get(ClinicEvent, event_id), by=None, now=utcnow())
        cases = made.cases
        db.session.commit()
        seconds = time.perf_counter() - started
    (folder / "day.bundle").write_bytes(data)
    return {"seconds": seconds, "bytes": len(data), "cases": cases}


def import_(folder, url=None, schema=None):
    from clinic.carry.importer import import_bundle
    from clinic.clock import utcnow
    from clinic.extensions import db

    data = (folder / "day.bundle").read_bytes()
    with server_app(folder, url, schema).app_context():
        db.create_all()
        started = time.perf_counter()
        outcome = import_bundle(data, by=None, now=utcnow())
        db.session.commit()
        seconds = time.perf_counter() - started
        created = outcome.imported.report["created"]
        db.engine.dispose()
    return {"seconds": seconds, "cases": created["cases"], "sections": created["intake_sections"]}


def in_child(phase, folder, *extra):
    """Run one phase in a fresh process; its JSON result (with its own peak memory)."""
    done = subprocess.run(
        [sys.executable, __file__, "--phase", phase, "--folder", str(folder), *extra],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if done.returncode:
        raise SystemExit(f"The {phase} phase failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def postgresql_schema():
    import sqlalchemy as sa

    try:
        engine = sa.create_engine(PG_URL)
        with engine.begin() as connection:
            schema = f"clinic_bench_{uuid.uuid4().hex[:10]}"
            connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        return engine, schema
    except sa.exc.OperationalError:
        return None, None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--applicants", type=int, default=300)
    parser.add_argument("--only", choices=["sqlite"])
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--event", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--schema", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        folder = Path(args.folder)
        result = {
            "seed": lambda: seed(folder, args.applicants),
            "export": lambda: export(folder, args.event),
            "import": lambda: import_(folder, args.url, args.schema),
        }[args.phase]()
        result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        started = time.perf_counter()
        seeded = in_child("seed", folder, "--applicants", str(args.applicants))
        print(
            f"Seeded {args.applicants} applicants on the laptop in "
            f"{time.perf_counter() - started:.0f} s"
        )
        exported = in_child("export", folder, "--event", str(seeded["event_id"]))
        print(
            f"Export: {exported['cases']} cases, {exported['bytes'] / 1024:.0f} KB in "
            f"{exported['seconds']:.2f} s, peak {exported['peak_mb']:.0f} MB"
        )
        imported = in_child("import", folder)
        print(
            f"Import (SQLite): {imported['cases']} cases, {imported['sections']} sections in "
            f"{imported['seconds']:.2f} s, peak {imported['peak_mb']:.0f} MB"
        )
        figures = {
            "bench": "carry",
            "applicants": args.applicants,
            "export_seconds": round(exported["seconds"], 2),
            "import_seconds": round(imported["seconds"], 2),
            "peak_mb": round(max(exported["peak_mb"], imported["peak_mb"]), 1),
            "bundle_kb": round(exported["bytes"] / 1024, 1),
        }
        engine, schema = (None, None) if args.only else postgresql_schema()
        if engine is not None:
            try:
                on_pg = in_child("import", folder, "--url", PG_URL, "--schema", schema)
                print(
                    f"Import (PostgreSQL): {on_pg['seconds']:.2f} s, peak {on_pg['peak_mb']:.0f} MB"
                )
                figures["import_seconds_postgresql"] = round(on_pg["seconds"], 2)
            finally:
                import sqlalchemy as sa

                with engine.begin() as connection:
                    connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
                engine.dispose()
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
