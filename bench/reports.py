"""Benchmark the coordinator's report: a year of a coalition, on SQLite and PostgreSQL.

Seeds 130 member organizations and 100,000 cases over a year of clinic days (every stage,
screening runs with findings, sign-offs, filings with their fee paths, oaths, voter
registrations, languages and states) with bulk inserts, then times build_report() warm:
coalition-wide (target < 2 s) and for one organization (target < 500 ms). PostgreSQL is
used when it answers at CLINIC_BENCH_POSTGRESQL (default the test server), in a schema of
its own that is dropped afterwards.

The last line is JSON: {"bench": "reports", "sqlite": {...}, "postgresql": {...}, ...}.
"""

import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from clinic import create_app
from clinic.extensions import db

CASES = int(os.environ.get("CLINIC_BENCH_CASES", 100_000))
ORGANIZATIONS = 130
DAYS_PER_ORGANIZATION = 20
YEAR = 2026
POSTGRESQL = os.environ.get(
    "CLINIC_BENCH_POSTGRESQL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
LANGUAGES = ["Spanish", "Portuguese", "Haitian Creole", "Vietnamese", "Arabic", "English",
             "Khmer", "Somali", "Mandarin", "Cape Verdean Creole", "Russian", "Nepali"]  # fmt: skip
STATES = ["MA", "MA", "MA", "RI", "NH", "CT"]
TOWNS = ["Boston", "Lowell", "Lawrence", "Worcester", "Providence", "Pawtucket", "Nashua",
         "Manchester", "Hartford", "Brockton", "Chelsea", "Framingham", "Springfield"]  # fmt: skip
FINDINGS = ["TRIP_OVER_180", "CRIMINAL_HISTORY", "TAX_DEBT", "SELECTIVE_SERVICE", "DUI"]
# (stage, share of cases)
STAGES = [("intake", 4), ("screened", 6), ("in_review", 8), ("needs_info", 3), ("approved", 14),
          ("referred", 6), ("not_yet", 9), ("closed", 5), ("filed", 15), ("biometrics", 6),
          ("interview", 6), ("continued", 2), ("denied", 1), ("oath", 8),
          ("registered_to_vote", 7)]  # fmt: skip
AFTER_APPROVAL = {"approved", "filed", "biometrics", "interview", "continued", "denied", "oath",
                  "registered_to_vote"}  # fmt: skip
FILED = AFTER_APPROVAL - {"approved"}
SIGNED = AFTER_APPROVAL | {"needs_info", "referred", "not_yet"}
NOW = datetime(YEAR, 12, 31, 12, 0, tzinfo=UTC)


def _tables():
    return {table.name: table for table in db.metadata.sorted_tables}


def seed(connection, rng):
    """Bulk-insert the coalition's year; returns one organization id to report on."""
    t = _tables()
    connection.execute(t["organizations"].insert(), [
        {"id": i, "name": f"Member {i:03d}", "contact": "", "active": True, "created_at": NOW}
        for i in range(1, ORGANIZATIONS + 1)
    ])  # fmt: skip
    connection.execute(t["users"].insert(), [
        {"id": 1, "organization_id": 1, "email": "a@bench.example.org", "name": "Bench Attorney",
         "role": "attorney", "active": True, "created_at": NOW}
    ])  # fmt: skip
    events, event_id = [], 0
    for org in range(1, ORGANIZATIONS + 1):
        for _ in range(DAYS_PER_ORGANIZATION):
            event_id += 1
            held_on = date(YEAR, 1, 1) + timedelta(days=rng.randrange(330))
            events.append({"id": event_id, "host_organization_id": org, "name": f"Day {event_id}",
                           "site": "Library", "held_on": held_on, "capacity": 80,
                           "created_at": NOW})  # fmt: skip
    connection.execute(t["clinic_events"].insert(), events)
    stages = [stage for stage, share in STAGES for _ in range(share)]
    rows = {name: [] for name in ("applicants", "cases", "intake_sections", "screening_runs",
                                  "sign_offs", "milestones", "voter_registrations")}  # fmt: skip
    for case_id in range(1, CASES + 1):
        event = events[rng.randrange(len(events))]
        _one_case(rows, case_id, event, rng.choice(stages), rng)
    for name, values in rows.items():
        for start in range(0, len(values), 20_000):
            connection.execute(t[name].insert(), values[start : start + 20_000])
    return events[0]["host_organization_id"]


def _one_case(rows, case_id, event, stage, rng):
    from clinic.cases.models import codes_column, current_town, spoken_language

    org, held_on = event["host_organization_id"], event["held_on"]
    contact = {"language": rng.choice(LANGUAGES)}
    residence = {"state": rng.choice(STATES), "addresses": [{"city": rng.choice(TOWNS)}]}
    run = None
    if stage != "intake":
        codes = rng.sample(FINDINGS, rng.randrange(3))
        outcome = "not_yet" if stage == "not_yet" else rng.choice(["eligible", "eligible", "refer"])
        run = {"id": len(rows["screening_runs"]) + 1, "case_id": case_id, "created_at": NOW,
               "facts": {}, "facts_hash": "0" * 64, "rules_version": "x", "outcome": outcome,
               "result": {"findings": [{"code": c} for c in codes]}}  # fmt: skip
        run["finding_codes"] = codes_column(run["result"])
    rows["applicants"].append(
        {
            "id": case_id,
            "organization_id": org,
            "given_names": "Bench",
            "family_names": f"Person {case_id}",
            "name_tokens": " bench ",
            "date_of_birth": date(1980, 1, 1),
            "created_at": NOW,
        }
    )
    rows["cases"].append(
        {
            "id": case_id,
            "reference": f"{YEAR}-{case_id:06d}",
            "applicant_id": case_id,
            "organization_id": org,
            "event_id": event["id"],
            "stage": stage,
            "stage_changed_at": NOW,
            "created_at": NOW,
            "updated_at": NOW,
            "version": 1,
            # What the report counts by, as the models keep it in step with the answers.
            "preferred_language": spoken_language(contact),
            "home_state": residence["state"],
            "home_town": current_town(residence),
            "screening_outcome": run and run["outcome"],
            "screening_codes": run["finding_codes"] if run else " ",
        }
    )
    rows["intake_sections"] += [
        {"case_id": case_id, "key": "contact", "answers": contact, "complete": True,
         "updated_at": NOW},
        {"case_id": case_id, "key": "residence", "answers": residence, "complete": True,
         "updated_at": NOW},
    ]  # fmt: skip
    if run is None:
        return
    run_id = run["id"]
    rows["screening_runs"].append(run)
    if stage in SIGNED:
        come_back = {"come_back_on": f"{YEAR + 1}-0{rng.randrange(1, 10)}-01"}
        rows["sign_offs"].append(
            {
                "case_id": case_id,
                "screening_run_id": run_id,
                "signer_id": 1,
                "signer_name": "Bench Attorney",
                "credential": "Bar",
                "signed_at": NOW,
                "decision": "approve",
                "resolutions": [],
                "details": come_back if stage == "not_yet" else {},
                "come_back_date": date.fromisoformat(come_back["come_back_on"])
                if stage == "not_yet"
                else None,
                "facts_hash": "0" * 64,
                "facts": {},
            }
        )
    if stage in FILED:
        _after_filing(rows, case_id, held_on, stage, rng)


def _after_filing(rows, case_id, held_on, stage, rng):
    filed_on = held_on + timedelta(days=rng.randrange(1, 40))
    late = stage in ("interview", "oath", "registered_to_vote")
    oath_on = filed_on + timedelta(days=rng.randrange(60, 200)) if late else None
    rows["milestones"].append(
        {
            "case_id": case_id,
            "filed_on": filed_on,
            "fee_paid": rng.choice(["waiver", "reduced", "full", "full"]),
            "interview_on": oath_on and oath_on - timedelta(days=20),
            "interview_result": "approved" if late else None,
            "oath_on": oath_on,
            "updated_at": NOW,
        }
    )
    if stage == "registered_to_vote":
        rows["voter_registrations"].append(
            {
                "case_id": case_id,
                "status": "confirmed",
                "confirmed_on": oath_on + timedelta(days=10),
                "has_license": False,
                "license_shows_citizenship": False,
                "updated_at": NOW,
            }
        )


def timed(app, scope, runs):
    from clinic.reports.services import build_report

    seconds = []
    with app.app_context():
        for _ in range(runs):
            started = time.perf_counter()
            build_report(db.session, scope)
            seconds.append(time.perf_counter() - started)
            db.session.rollback()
    return round(statistics.median(seconds), 3)


def run(settings, label):
    from clinic.reports.figures import Scope
    from clinic.security.crypto import new_key_set

    keys = {"ENCRYPTION_KEYS": new_key_set()}  # the answers are encrypted at rest, as always
    app = create_app({"TESTING": True, "SECRET_KEY": "bench", **keys, **settings})
    with app.app_context():
        db.create_all()
        started = time.perf_counter()
        with db.engine.begin() as connection:
            organization_id = seed(connection, random.Random(16))
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as connection:
                connection.exec_driver_sql("ANALYZE")
        seeded = round(time.perf_counter() - started, 1)
    year = (date(YEAR, 1, 1), date(YEAR, 12, 31))
    timed(app, Scope(*year), 1)  # warm the caches and the connection
    figures = {
        "seed_s": seeded,
        "coalition_s": timed(app, Scope(*year), 3),
        "organization_s": timed(app, Scope(*year, organization_id), 5),
    }
    print(f"{label}: {figures}", flush=True)
    with app.app_context():
        db.engine.dispose()
    return figures


def postgresql_settings():
    try:
        engine = sa.create_engine(POSTGRESQL)
        schema = f"clinic_bench_{uuid.uuid4().hex[:10]}"
        with engine.begin() as connection:
            connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    except sa.exc.OperationalError:
        return None, None, None
    options = {"hide_parameters": True, "connect_args": {"options": f"-csearch_path={schema}"}}
    return engine, schema, {"SQLALCHEMY_DATABASE_URI": POSTGRESQL,
                            "SQLALCHEMY_ENGINE_OPTIONS": options}  # fmt: skip


def main():
    results = {"bench": "reports", "cases": CASES, "organizations": ORGANIZATIONS,
               "targets": {"coalition_s": 2.0, "organization_s": 0.5}}  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        os.environ["CLINIC_INSTANCE_PATH"] = folder
        url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        results["sqlite"] = run({"SQLALCHEMY_DATABASE_URI": url}, "SQLite")
        engine, schema, settings = postgresql_settings()
        if settings is None:
            results["postgresql"] = "not reachable"
        else:
            try:
                results["postgresql"] = run(settings, "PostgreSQL")
            finally:
                with engine.begin() as connection:
                    connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
                engine.dispose()
    print(json.dumps(results))


if __name__ == "__main__":
    main()
