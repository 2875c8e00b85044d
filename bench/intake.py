"""Benchmark intake saves under a busy clinic: simulated volunteers over real HTTP.

Serves the app with gunicorn on loopback (as `make run` does), on a fresh SQLite file in a
temporary instance folder, then again on PostgreSQL when it answers (a fresh schema, dropped
afterwards). Each simulated volunteer logs in and, for the whole run, opens an interview
section, pauses as a person would, and saves it. The last line is JSON:
{"bench": "intake", "sqlite_p95_ms": ..., "postgresql_p95_ms": ..., "errors": 0, ...}.

Usage: python bench/intake.py [--volunteers 30] [--seconds 60] [--think 0.5:1.5]
"""

import argparse
import http.client
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSWORD = "a bench passphrase for volunteers"
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
VERSION = re.compile(r'name="version" type="hidden" value="(\d+)"')
SECTIONS = {
    "household": lambda rng: {
        "size": str(rng.randint(1, 6)),
        "income": str(rng.randint(10_000, 150_000)),
        "means_tested_benefit": rng.choice(["yes", "no"]),
        "hardship": "no",
    },
    "taxes": lambda rng: {"taxes": rng.choice(["filed", "owed_with_plan"])},
    "trips": lambda rng: {
        "any_trips": "yes",
        "trips-0-departed": "06/01/2023",
        "trips-0-returned": f"07/{rng.randint(2, 28):02d}/2023",
        "trips-0-destination": "Brazil",
    },
    "contact": lambda rng: {
        "given_names": "Ana",
        "family_names": f"Bench {rng.randint(1, 9)}",
        "date_of_birth": "04/02/1985",
        "sex": "female",
        "name_changed": "no",
        "language": "Portuguese",
        "phone": f"978555{rng.randint(1000, 9999)}",
    },
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """One volunteer's browser: a cookie, a connection, no redirects followed."""

    def __init__(self, port):
        self.port, self.cookie = port, None

    def request(self, method, path, form=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Cookie": self.cookie} if self.cookie else {}
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        body = response.read()
        text = body.decode() if "text" in (response.getheader("Content-Type") or "") else body
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";")[0]
        connection.close()
        return response.status, text


def volunteer(port, email, case_id, deadline, think, results, seed):
    rng = random.Random(seed)
    browser = Browser(port)
    status, page = browser.request("GET", "/login")
    status, _ = browser.request(
        "POST",
        "/login",
        {"email": email, "password": PASSWORD, "csrf_token": TOKEN.search(page).group(1)},
    )
    if status != 302:
        results["errors"].append(f"login {status}")
        return
    while time.monotonic() < deadline:
        key = rng.choice(list(SECTIONS))
        status, page = browser.request("GET", f"/cases/{case_id}/intake/{key}")
        if status != 200:
            results["errors"].append(f"GET {key} {status}")
            continue
        time.sleep(rng.uniform(*think))  # the volunteer types
        form = {
            **SECTIONS[key](rng),
            "csrf_token": TOKEN.search(page).group(1),
            "version": VERSION.search(page).group(1),
            "go": "stay",
        }
        started = time.perf_counter()
        status, _ = browser.request("POST", f"/cases/{case_id}/intake/{key}", form)
        results["latencies"].append(time.perf_counter() - started)
        if status != 302:
            results["errors"].append(f"POST {key} {status}")


def new_instance(instance, env):
    """A secret key, encryption keys (encryption at rest is always on), OWASP-minimum hashing
    (the benchmark logs in often), and the schema."""
    from clinic.security.crypto import new_key_set, write_key_file

    (instance / "config.py").write_text(
        f"SECRET_KEY = {uuid.uuid4().hex!r}\n"
        "ARGON2_MEMORY_COST = 19456\nARGON2_TIME_COST = 2\nARGON2_PARALLELISM = 1\n"
    )
    write_key_file(instance / "encryption-keys.json", new_key_set())
    subprocess.run(
        [sys.executable, "-m", "flask", "--app", "clinic", "db", "upgrade"],
        env=env,
        check=True,
        capture_output=True,
        cwd=ROOT,
    )


def wait_for(port):
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)


def prepare(instance, database_url, volunteers):
    """A fresh schema with one organization, a clinic day, and a case per volunteer."""
    env = {**os.environ, "CLINIC_INSTANCE_PATH": str(instance)}
    if database_url:
        env["CLINIC_DATABASE_URL"] = database_url
    new_instance(instance, env)
    script = f"""
from datetime import date
from clinic import create_app
from clinic.admin import services as admin
from clinic.auth.roles import Role
from clinic.cases import services as cases
from clinic.clock import utcnow
from clinic.events import services as events
from clinic.extensions import db
app = create_app()
with app.app_context():
    now = utcnow()
    org = admin.create_organization("Bench Org", "", by=None, now=now)
    event = events.create_event(org, "Bench Day", "Loopback", date(2026, 12, 5), 100,
                                by=None, now=now)
    for number in range({volunteers}):
        user = admin.create_user(org, f"Volunteer {{number}}", f"v{{number}}@bench.example.org",
                                 Role.VOLUNTEER, password={PASSWORD!r}, now=now)
        applicant = cases.create_applicant(org.id, "Ana", f"Bench {{number}}", date(1985, 4, 2),
                                           None, None, by=user, now=now)
        case = cases.open_case(applicant, event, by=user, now=now)
        print(case.id)
    db.session.commit()
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return env, [int(line) for line in done.stdout.split()]


def run(label, database_url, args):
    with tempfile.TemporaryDirectory() as folder:
        instance = Path(folder)
        env, case_ids = prepare(instance, database_url, args.volunteers)
        port = free_port()
        log = instance / "gunicorn.log"
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--workers",
                str(args.workers),
                "--bind",
                f"127.0.0.1:{port}",
                "--error-logfile",
                str(log),
                "wsgi:app",
            ],
            env=env,
            cwd=ROOT,
        )
        try:
            wait_for(port)
            results = {"latencies": [], "errors": []}
            deadline = time.monotonic() + args.seconds
            threads = [
                threading.Thread(
                    target=volunteer,
                    args=(
                        port,
                        f"v{n}@bench.example.org",
                        case_ids[n],
                        deadline,
                        args.think,
                        results,
                        n,
                    ),
                )
                for n in range(args.volunteers)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        locked = log.read_text().count("database is locked")
    latencies = sorted(results["latencies"])
    p95 = latencies[int(len(latencies) * 0.95) - 1] * 1000 if latencies else float("nan")
    median = statistics.median(latencies) * 1000 if latencies else float("nan")
    print(
        f"{label}: {len(latencies)} saves in {args.seconds} s by {args.volunteers} volunteers, "
        f"median {median:.0f} ms, p95 {p95:.0f} ms, errors {len(results['errors'])}, "
        f"'database is locked' {locked}"
    )
    if results["errors"]:
        print("  first errors:", results["errors"][:5])
    return {
        "saves": len(latencies),
        "median_ms": round(median, 1),
        "p95_ms": round(p95, 1),
        "errors": len(results["errors"]),
        "locked": locked,
    }


def postgres_answers():
    try:
        import psycopg

        psycopg.connect("postgresql://postgres@127.0.0.1:5432/test", connect_timeout=3).close()
        return True
    except Exception:
        return False


def with_schema(args):
    """Run on PostgreSQL in a schema of its own, dropped afterwards."""
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/test", autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        url = f"{PG_URL}?options=-csearch_path%3D{schema}"
        return run("PostgreSQL", url, args)
    finally:
        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/test", autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--volunteers", type=int, default=30)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--think",
        default="0.5:1.5",
        help="seconds a volunteer spends on a page before saving, min:max",
    )
    args = parser.parse_args()
    args.think = tuple(float(x) for x in args.think.split(":"))
    figures = {"bench": "intake", "volunteers": args.volunteers, "seconds": args.seconds}
    sqlite = run("SQLite", None, args)
    figures.update({f"sqlite_{key}": value for key, value in sqlite.items()})
    if postgres_answers():
        postgres = with_schema(args)
        figures.update({f"postgresql_{key}": value for key, value in postgres.items()})
    figures["errors"] = figures.get("sqlite_errors", 0) + figures.get("postgresql_errors", 0)
    figures["ratio"] = round(figures["sqlite_p95_ms"] / 150, 2)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
