"""Benchmark printables: a 200-applicant clinic-day packet through the task queue, ten packets
requested at once, and one checklist over HTTP.

1. Seeds a clinic day with 200 demo applicants (every screening outcome) in a temporary
   instance, through the same services the pages use.
2. In a fresh process, renders the 200 checklists one after another (the baseline).
3. Starts a queue worker (`flask --app clinic clinic worker`, as `make run` does), warms it with
   a packet of an empty day, then times the 200-applicant packet from being queued to "done"
   (cover and roster, then each applicant's checklist on a pool of one process per core,
   merged with bookmarks and stored in the database).
4. Serves the app with gunicorn and times one checklist PDF over HTTP, warm.
5. With gunicorn and a fresh worker: ten coordinators' requests for the day's packet at once
   (ten threads posting together); waits for all ten to finish, none may fail.

Memory is the largest process of the worker's tree (the worker, its render processes, the
pool), read from the kernel's accounting when the worker has stopped.

Target: packet time <= 1.3 x (baseline / cores), peak memory < 400 MB, checklist < 300 ms; ten
packets at once: none failed, peak memory < 600 MB.
The last line is JSON: {"bench": "packets", "seconds": ..., "ratio": ..., "peak_mb": ...,
"ten_packets_seconds": ..., "ten_packets_failed": ..., "ten_packets_peak_mb": ...}.
"""

import http.client
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pyotp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from intake import TOKEN, Browser, free_port, new_instance, wait_for  # noqa: E402 - a sibling benchmark's helpers

from clinic.i18n.languages import LANGUAGES  # noqa: E402 - after the path is set

APPLICANTS = 200
PASSWORD = "a bench passphrase for the coordinator"

SEED = f"""
from datetime import timedelta
from clinic import create_app
from clinic.demo.people import NAMES
from clinic.demo.screening import apply, base_answers, scenarios, years_ago
from clinic.admin import services as admin
from clinic.auth.roles import Role
from clinic.cases import machine, services as cases
from clinic.clock import today, utcnow
from clinic.events import services as events
from clinic.extensions import db
from clinic.intake.services import save_section
import random
import pyotp
app = create_app()
with app.app_context():
    now, day = utcnow(), today()
    org = admin.create_organization("Bench Org", "Lawrence, MA · (978) 555-0100", by=None,
                                    now=now)
    coordinator = admin.create_user(org, "Bench Coordinator", "c@bench.example.org",
                                    Role.COORDINATOR, password={PASSWORD!r}, now=now)
    coordinator.totp_secret = pyotp.random_base32()  # coordinators must have a second factor
    coordinator.totp_enrolled_at = now
    event = events.create_event(org, "Bench Citizenship Day", "Lawrence Public Library",
                                day, {APPLICANTS}, by=None, now=now)
    rng = random.Random(7)
    every_scenario = scenarios(day)
    for number in range({APPLICANTS}):
        label, changes = every_scenario[number % len(every_scenario)]
        person = NAMES[number % len(NAMES)]
        born = changes.get("born") or years_ago(day, rng.randint(25, 60))
        applicant = cases.create_applicant(org.id, person[0], f"{{person[1]}} {{number}}", born,
                                           None, None, by=coordinator, now=now)
        case = cases.open_case(applicant, event, by=coordinator, now=now)
        answers = apply(base_answers(day, person, rng), changes)
        answers["contact"].update(date_of_birth=born, family_names=f"{{person[1]}} {{number}}")
        for key, section in answers.items():
            save_section(case, key, section, case.version, by=coordinator, now=now, today=day)
    db.session.commit()
    print(coordinator.totp_secret)
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
import sys, time
from clinic import create_app
from clinic.auth.models import User
from clinic.clock import today, utcnow
from clinic.events import services as events
from clinic.events.models import ClinicEvent
from clinic.extensions import db
from clinic.packets import services
from clinic.packets.models import PacketJob
app = create_app()

def queued(event, user):
    job = services.start_packet(event, user, False, utcnow())
    db.session.flush()
    job_id = job.id
    db.session.commit()
    services.queue_render(job_id)
    while True:  # polling the worker's progress in the database, holding no transaction
        status = db.session.get(PacketJob, job_id).status
        db.session.rollback()
        if status in ("done", "failed"):
            return db.session.get(PacketJob, job_id)
        time.sleep(0.05)

with app.app_context():
    event = db.session.get(ClinicEvent, int(sys.argv[1]))
    user = db.session.scalars(db.select(User)).first()
    empty = events.create_event(event.host_organization, "Warm-up day", "Library", today(), 10,
                                by=None, now=utcnow())
    db.session.commit()
    queued(empty, user)  # the worker's fonts and stylesheet loaded: warm, like the baseline
    started = time.perf_counter()
    job = queued(event, user)
    seconds = time.perf_counter() - started
    print(seconds, job.pages, job.status)
"""

# Runs a worker as its child and, once it has stopped, prints the largest resident set of the
# worker's whole tree (the kernel keeps the maximum of every waited-for descendant).
WORKER = """
import resource, signal, subprocess, sys
worker = subprocess.Popen(sys.argv[1:])
signal.signal(signal.SIGINT, lambda *_: worker.send_signal(signal.SIGINT))
worker.wait()
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, flush=True)
"""
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
TEN = 10
FORM = "application/x-www-form-urlencoded"


def start_worker(env):
    command = [sys.executable, "-m", "flask", "--app", "clinic", "clinic", "worker"]
    return subprocess.Popen(
        [sys.executable, "-c", WORKER, *command, "--no-periodic"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def stop_worker(worker):
    """Stop the worker gracefully; its tree's peak memory in MB."""
    worker.send_signal(signal.SIGINT)
    out, _ = worker.communicate(timeout=120)
    return float(out.split()[-1])


def python(code, env, *args):
    done = subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.exit(f"A benchmark step failed:\n{done.stderr}")
    return done.stdout.split()


def serve(env):
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
    wait_for(port)
    return port, server


def logged_in(port, secret):
    """A coordinator's browser, logged in with the password and the second factor (once: a
    code works only once)."""
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
    _, page = browser.request("GET", "/login/code")
    browser.request(  # the second factor, as the coordinator's phone would show it
        "POST",
        "/login/code",
        {"code": pyotp.TOTP(secret).now(), "csrf_token": TOKEN.search(page).group(1)},
    )
    return browser


def checklist_over_http(browser, case_id, rounds=15):
    """{language: median seconds} for the checklist PDF over HTTP, warm, in every language
    (?language=, English beneath the translation)."""
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


def ten_packets_at_once(browser, port, event_id):
    """Ten requests for the day's packet posted together; (seconds until all ten finished,
    how many failed, how many were waiting behind the first when the last was queued)."""
    _, page = browser.request("GET", f"/events/{event_id}")
    token = CSRF.search(page).group(1)

    def request_packet(_):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request(
            "POST",
            f"/events/{event_id}/packet",
            body=urlencode({"csrf_token": token}),
            headers={"Cookie": browser.cookie, "Content-Type": FORM},
        )
        response = connection.getresponse()
        response.read()
        connection.close()
        assert response.status == 302, response.status
        return response.getheader("Location").removeprefix(f"http://127.0.0.1:{port}")

    started = time.perf_counter()
    with ThreadPoolExecutor(TEN) as pool:
        jobs = list(pool.map(request_packet, range(TEN)))
    ahead = max(json.loads(browser.request("GET", f"{job}/status")[1])["ahead"] for job in jobs)
    statuses = {}
    while True:  # polling the jobs' status, as each job page does
        for job in jobs:
            statuses[job] = json.loads(browser.request("GET", f"{job}/status")[1])["status"]
        if all(status in ("done", "failed") for status in statuses.values()):
            break
        time.sleep(0.5)
    seconds = time.perf_counter() - started
    return seconds, sum(status == "failed" for status in statuses.values()), ahead


def main():
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "CLINIC_INSTANCE_PATH": folder}
        new_instance(Path(folder), env)
        started = time.perf_counter()
        *_, secret, event_id = python(SEED, env)
        event_id = int(event_id)
        print(f"Seeded {APPLICANTS} applicants in {time.perf_counter() - started:.1f} s")
        baseline, baseline_mb = map(float, python(BASELINE, env, event_id))
        worker = start_worker(env)
        try:
            packet, pages, status = python(PACKET, env, event_id)
        finally:
            peak = stop_worker(worker)
        port, server = serve(env)
        try:
            browser = logged_in(port, secret)
            http = checklist_over_http(browser, case_id=1)
            worker = start_worker(env)
            try:
                ten_seconds, ten_failed, ahead = ten_packets_at_once(browser, port, event_id)
            finally:
                ten_peak = stop_worker(worker)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    packet = float(packet)
    ideal = baseline / cores
    ratio = packet / ideal
    print(
        f"{APPLICANTS} checklists one after another: {baseline:.1f} s "
        f"({baseline / APPLICANTS * 1000:.0f} ms each, {baseline_mb:.0f} MB)"
    )
    print(
        f"Packet through the queue ({status}, {pages} pages) on {cores} cores: {packet:.1f} s; "
        f"ideal {ideal:.1f} s; ratio {ratio:.2f} (target 1.30)"
    )
    print(f"Peak memory: largest process of the worker's tree {peak:.0f} MB (target 400)")
    for language, seconds in http.items():
        print(
            f"One checklist over HTTP in {language}, warm: median {seconds * 1000:.0f} ms "
            "(target 300)"
        )
    print(
        f"{TEN} packets requested at once ({ahead} waiting behind the first): all finished in "
        f"{ten_seconds:.1f} s, {ten_failed} failed (target 0); peak memory {ten_peak:.0f} MB "
        f"(target 600)"
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
                "ten_packets_seconds": round(ten_seconds, 1),
                "ten_packets_failed": ten_failed,
                "ten_packets_peak_mb": round(ten_peak),
            }
        )
    )


if __name__ == "__main__":
    main()
