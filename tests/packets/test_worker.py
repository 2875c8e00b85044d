"""Real queue workers (`flask --app clinic clinic worker`, a separate process) against the queue
kept in SQLite, in Redis when it answers on 127.0.0.1:6379 (CLINIC_TEST_REDIS_URL names
another; when set, Redis must answer), and in the database itself when the suite runs on
PostgreSQL. The app in this process only queues; the worker renders.

Behaviour is never timed: the test polls the job's status with a deadline, and holds a lock on
the jobs table to freeze a render mid-job before killing its worker."""

import io
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from clinic.clock import system_clock
from clinic.extensions import db
from clinic.jobs.queue import huey_of
from tests.helpers import log_in_with

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("CLINIC_TEST_REDIS_URL")


def redis_answers(url):
    import redis

    try:
        return redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


@pytest.fixture(params=["sqlite", "redis", "database"])
def queue(request, tmp_path, database):
    """Settings of a queue of its own (a unique name: the Redis server is shared)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path}/queue.sqlite3"
    elif request.param == "database":
        url = "database"
        if not database["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
            pytest.skip("the queue in the database needs the suite on PostgreSQL")
    else:
        url = REDIS_URL or "redis://127.0.0.1:6379/0"
        if not REDIS_URL and not redis_answers(url):
            pytest.skip("Redis does not answer on 127.0.0.1:6379")
    return {
        "QUEUE_IMMEDIATE": False,
        "QUEUE_URL": url,
        "QUEUE_NAME": f"clinic-test-{uuid.uuid4().hex[:12]}",
    }


@pytest.fixture
def app(make_app, queue, clock):
    clock.now = system_clock()  # the worker writes its heartbeat with the real clock
    app = make_app(**queue)
    yield app
    storage = huey_of(app).storage
    storage.flush_all()
    storage.close()  # its database connection, when the queue is in the database


@pytest.fixture
def start_worker(app, queue, database, tmp_path):
    """start_worker() -> a running worker process on the test database and queue."""
    env = {
        **os.environ,
        "CLINIC_INSTANCE_PATH": str(tmp_path / "worker-instance"),
        "CLINIC_SECRET_KEY": "worker-secret-key",
        "CLINIC_SQLALCHEMY_DATABASE_URI": database["SQLALCHEMY_DATABASE_URI"],
        "CLINIC_SQLALCHEMY_ENGINE_OPTIONS": json.dumps(
            database.get("SQLALCHEMY_ENGINE_OPTIONS", {"hide_parameters": True})
        ),
        "CLINIC_QUEUE_URL": queue["QUEUE_URL"],
        "CLINIC_QUEUE_NAME": queue["QUEUE_NAME"],
        "CLINIC_PACKET_PROCESSES": "2",  # a pool, as on a laptop
        # The same keys as the app's, to read and write the encrypted columns.
        "CLINIC_ENCRYPTION_KEYS": json.dumps(app.config["ENCRYPTION_KEYS"]),
    }
    workers = []

    def start():
        log = tmp_path / f"worker-{len(workers)}.log"
        command = [sys.executable, "-m", "flask", "--app", "clinic", "clinic", "worker"]
        with log.open("w") as output:
            worker = subprocess.Popen(
                [*command, "--no-periodic"],
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: killed whole, pool and all
            )
        worker.log = log
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(timeout=30)


def wait_for(check, worker, seconds=180):
    """Poll check() until it returns something true, while the worker runs."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert worker.poll() is None, Path(worker.log).read_text()
        found = check()
        if found:
            return found
        time.sleep(0.05)  # polling another process, with a deadline
    raise AssertionError(f"not done within {seconds} s:\n{Path(worker.log).read_text()}")


def status_of(client, job_url):
    return client.get(f"{job_url}/status").get_json()


def day_with_applicants(make, count):
    event = make.event()
    for number in range(count):
        make.case(event, given="Ana", family=f"Souza {number}")
    return event


def log_in(app, user):
    client = app.test_client()
    response = log_in_with(client, user)  # the password, then the second factor
    assert response.status_code == 302
    return client


def test_a_packet_rendered_by_a_worker_downloads_from_another_app_instance(
    app, make_app, login_as, make, start_worker, tmp_path, monkeypatch
):
    coordinator = login_as("coordinator")
    event = day_with_applicants(make, 3)
    worker = start_worker()
    job_url = coordinator.post(f"/events/{event.id}/packet").headers["Location"]
    wait_for(lambda: status_of(coordinator, job_url)["status"] == "done", worker)

    monkeypatch.setenv("CLINIC_INSTANCE_PATH", str(tmp_path / "another-host"))
    other = make_app()  # another host: it only serves here, whatever its queue
    assert other.instance_path != app.instance_path
    download = log_in(other, coordinator.user).get(f"{job_url}/download")
    assert download.status_code == 200
    reader = PdfReader(io.BytesIO(download.data))
    download.close()
    assert reader.outline[0].title == "Cover and roster"
    assert len(reader.outline) == 1 + 3  # the cover, then a bookmark per applicant


def test_a_worker_killed_mid_job_leaves_a_failed_packet_that_can_be_tried_again(
    app, login_as, make, start_worker, clock
):
    coordinator = login_as("coordinator")
    event = day_with_applicants(make, 20)
    worker = start_worker()
    job_url = coordinator.post(f"/events/{event.id}/packet").headers["Location"]
    job_id = int(job_url.rsplit("/", 1)[1])
    wait_for(lambda: status_of(coordinator, job_url)["done"] > 0, worker)
    with app.app_context(), db.engine.connect() as connection, connection.begin():
        # No more writes from the worker while we hold this: the render is frozen mid-job.
        if connection.dialect.name == "postgresql":
            connection.execute(text("LOCK TABLE packet_jobs IN EXCLUSIVE MODE"))
        row = connection.execute(
            text("SELECT status, done, total FROM packet_jobs WHERE id = :id"), {"id": job_id}
        ).one()
        assert row.status == "rendering" and 0 < row.done < row.total
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)
    assert status_of(coordinator, job_url)["status"] == "rendering"  # not silent long enough

    clock.now = system_clock() + timedelta(seconds=app.config["PACKET_HEARTBEAT_SECONDS"] + 1)
    assert status_of(coordinator, job_url)["status"] == "failed"
    page = coordinator.get(job_url).get_data(as_text=True)
    assert "Failed — the packet could not be made (its worker stopped)" in page
    assert "Try again</button>" in page

    clock.now = system_clock()  # back to the worker's time: its new heartbeats are fresh
    again_worker = start_worker()
    again_url = coordinator.post(f"{job_url}/again").headers["Location"]
    assert again_url != job_url
    wait_for(lambda: status_of(coordinator, again_url)["status"] == "done", again_worker)
    assert coordinator.get(f"{again_url}/download").status_code == 200
