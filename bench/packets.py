"""Benchmark printables: a 200-applicant clinic-day packet, and one checklist over HTTP.

1. Seeds a clinic day with 200 demo applicants (every screening outcome) in a temporary
   instance, through the same services the pages use.
2. In a fresh process, renders the 200 checklists one after another (the baseline).
3. In another fresh process, renders the packet as the app does (cover and roster, then each
   applicant's checklist on a pool of one process per core, merged with bookmarks).
4. Serves the app with gunicorn and times one checklist PDF over HTTP, warm, in every
   printable language (?language=, English beneath the translation).

The demo applicants prefer several languages, so the packet and the baseline both print
checklists in Vietnamese, Portuguese, Spanish, Chinese and Arabic as well as English.
Target: packet time <= 1.3 x (baseline / cores), peak memory < 400 MB, checklist < 300 ms in
every language. The last line is JSON: {"bench": "packets", "seconds": ..., "ratio": ...,
"peak_mb": ..., "checklist_http_ms": {language: median ms}}.
"""

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from intake import TOKEN, Browser, free_port, new_instance, wait_for  # noqa: E402 - a sibling benchmark's helpers

from clinic.i18n.languages import LANGUAGES  # noqa: E402 - after the path is set

APPLICANTS = 200
PASSWORD = "a bench passphrase for the coordinator"

SEED = f"""
from datetime import timedelta
from clinic import create_app, demo
from clinic.admin import services as admin
from clinic.auth.roles import Role
from clinic.cases import machine, services as cases
from clinic.clock import today, utcnow
from clinic.events import services as events
from clinic.extensions import db
from clinic.intake.services import save_section
import random
app = create_app()
with app.app_context():
    now, day = utcnow(), today()
    org = admin.create_organization("Bench Org", "Lawrence, MA · (978) 555-0100", by=None,
                                    now=now)
    coordinator = admin.create_user(org, "Bench Coordinator", "c@bench.example.org",
                                    Role.COORDINATOR, password={PASSWORD!r}, now=now)
    event = events.create_event(org, "Bench Citizenship Day", "Lawrence Public Library",
                                day, {APPLICANTS}, by=None, now=now)
    rng = random.Random(7)
    scenarios = demo.scenarios(day)
    for number in range({APPLICANTS}):
        label, changes = scenarios[number % len(scenarios)]
        person = demo.NAMES[number % len(demo.NAMES)]
        born = changes.get("born") or demo._years_ago(day, rng.randint(25, 60))
        applicant = cases.create_applicant(org.id, person[0], f"{{person[1]}} {{number}}", born,
                                           None, None, by=coordinator, now=now)
        case = cases.open_case(applicant, event, by=coordinator, now=now)
        answers = demo.apply(demo.base_answers(day, person, rng), changes)
        answers["contact"].update(date_of_birth=born, family_names=f"{{person[1]}} {{number}}")
        for key, section in answers.items():
            save_section(case, key, section, case.version, by=coordinator, now=now, today=day)
    db.session.commit()
    print(event.id)
"""

BASELINE = """
import resource, sys, time
from clinic import create_app
from clinic.clock import utcnow
from clinic.events.models import ClinicEvent
from clinic.extensions import db
from clinic.packets import services
app = create_app()
with app.app_context(), app.test_request_context():
    event = db.session.get(ClinicEvent, int(sys.argv[1]))
    cases = services.event_cases(event)
    services.case_pdf("checklist", cases[0], utcnow())  # fonts and stylesheet loaded: warm
    started = time.perf_counter()
    for case in cases:  # what printing one checklist costs: its data, template and PDF
        services.case_pdf("checklist", case, utcnow())
    seconds = time.perf_counter() - started
print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

PACKET = """
import resource, sys, time
from clinic import create_app
from clinic.auth.models import User
from clinic.clock import utcnow
from clinic.events.models import ClinicEvent
from clinic.extensions import db
from clinic.packets import services
from clinic.packets.models import PacketJob
app = create_app()
with app.app_context(), app.test_request_context():
    event = db.session.get(ClinicEvent, int(sys.argv[1]))
    user = db.session.scalars(db.select(User)).first()
    job = services.start_packet(event, user, False, utcnow())
    db.session.commit()
    # Warm, like the baseline: fonts and the stylesheet loaded before the clock starts.
    services.case_pdf("checklist", services.event_cases(event)[0], utcnow())
    started = time.perf_counter()
    services.render_packet(job.id)
    seconds = time.perf_counter() - started
    job = db.session.get(PacketJob, job.id)
    print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
          resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, job.pages, job.status)
"""


def python(code, env, *args):
    done = subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.split()


def checklist_over_http(env, case_id, rounds=15):
    """{language: median seconds} for the checklist PDF over HTTP, warm, in every language."""
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "wsgi:app",
        ],
        env=env,
        cwd=ROOT,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(port)
        browser = Browser(port)
        _, page = browser.request("GET", "/login")
        browser.request(
            "POST",
            "/login",
            {
                "email": "c@bench.example.org",
                "password": PASSWORD,
                "csrf_token": TOKEN.search(page).group(1),
            },
        )
        medians = {}
        for language in LANGUAGES:
            url = f"/cases/{case_id}/print/checklist.pdf?language={language}"
            timings = []
            for attempt in range(rounds + 4):  # the first ones warm both workers
                started = time.perf_counter()
                status, _ = browser.request("GET", url)
                assert status == 200, status
                if attempt >= 4:
                    timings.append(time.perf_counter() - started)
            medians[language] = statistics.median(timings)
        return medians
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def main():
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "CLINIC_INSTANCE_PATH": folder}
        new_instance(Path(folder), env)
        started = time.perf_counter()
        event_id = int(python(SEED, env)[-1])
        print(f"Seeded {APPLICANTS} applicants in {time.perf_counter() - started:.1f} s")
        baseline, baseline_mb = map(float, python(BASELINE, env, event_id))
        packet, parent_mb, children_mb, pages, status = python(PACKET, env, event_id)
        packet, parent_mb, children_mb = float(packet), float(parent_mb), float(children_mb)
        http = checklist_over_http(env, case_id=1)
    ideal = baseline / cores
    ratio = packet / ideal
    peak = max(parent_mb, children_mb)
    print(
        f"{APPLICANTS} checklists one after another: {baseline:.1f} s "
        f"({baseline / APPLICANTS * 1000:.0f} ms each, {baseline_mb:.0f} MB)"
    )
    print(
        f"Packet ({status}, {pages} pages) on {cores} cores: {packet:.1f} s; ideal "
        f"{ideal:.1f} s; ratio {ratio:.2f} (target 1.30)"
    )
    print(
        f"Peak memory: packet process {parent_mb:.0f} MB, largest worker {children_mb:.0f} MB "
        f"(target 400)"
    )
    for language, seconds in http.items():
        print(
            f"One checklist over HTTP in {language}, warm: median {seconds * 1000:.0f} ms "
            "(target 300)"
        )
    print(
        json.dumps(
            {
                "bench": "packets",
                "seconds": round(packet, 2),
                "ratio": round(ratio, 2),
                "peak_mb": round(peak),
                "baseline_seconds": round(baseline, 2),
                "pages": int(pages),
                "checklist_http_ms": {code: round(s * 1000) for code, s in http.items()},
                "checklist_http_worst_ms": round(max(http.values()) * 1000),
            }
        )
    )


if __name__ == "__main__":
    main()
