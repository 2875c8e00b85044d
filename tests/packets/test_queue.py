"""Packets on the task queue, in Huey's immediate mode: waiting in line, retries with a cap, a
worker that went silent, trying again, the periodic clean-up and where the queue is kept."""

import re
from datetime import timedelta

import pytest
from huey import RedisHuey, SqliteHuey
from sqlalchemy import func, select

from clinic.clock import utcnow
from clinic.extensions import db
from clinic.jobs.queue import huey_of, make_huey
from clinic.packets import render, services, tasks
from clinic.packets.models import PacketFile, PacketJob
from tests.helpers import log_in_with


def progress_text(response):
    """What the packet page says of its progress (the script's own sentences are attributes)."""
    page = response.get_data(as_text=True)
    return re.search(r"<span data-progress-text>(.*?)</span>", page, re.S).group(1).strip()


def waiting_jobs(app, event, count):
    """`count` committed jobs for `event` that no worker has taken yet."""
    from clinic.auth.models import User
    from clinic.events.models import ClinicEvent

    with app.app_context():
        user = db.session.scalars(select(User)).first()
        day = db.session.get(ClinicEvent, event.id)
        jobs = [services.start_packet(day, user, False, utcnow()) for _ in range(count)]
        db.session.commit()
        return [job.id for job in jobs]


def set_job(app, job_id, **fields):
    with app.app_context():
        job = db.session.get(PacketJob, job_id)
        for name, value in fields.items():
            setattr(job, name, value)
        db.session.commit()


def job_row(app, job_id):
    with app.app_context():
        job = db.session.get(PacketJob, job_id)
        return {"status": job.status, "attempts": job.attempts, "error": job.error}


@pytest.fixture
def coordinator(login_as):
    return login_as("coordinator")


def test_a_waiting_packet_says_how_many_are_ahead_of_it(app, coordinator, make, clock):
    event = make.event()
    first, second, third = waiting_jobs(app, event, 3)
    set_job(app, first, status="rendering", heartbeat_at=clock.now)
    assert coordinator.get(f"/packets/{third}/status").get_json()["ahead"] == 2
    assert progress_text(coordinator.get(f"/packets/{third}")) == "Waiting, 2 ahead of you"
    set_job(app, first, status="done")
    set_job(app, second, status="failed")
    assert progress_text(coordinator.get(f"/packets/{third}")) == "Waiting, next in line"


def failing_render(monkeypatch, times):
    """render_pdf fails its first `times` calls (a renderer that ran out of memory, say)."""
    real, calls = render.render_pdf, []

    def render_pdf(html, static):
        calls.append(1)
        if len(calls) <= times:
            raise MemoryError("out of memory")
        return real(html, static)

    monkeypatch.setattr(render, "render_pdf", render_pdf)


def test_a_render_that_fails_once_is_retried_and_done(app, coordinator, make, monkeypatch):
    event = make.event()
    failing_render(monkeypatch, times=1)
    job_url = coordinator.post(f"/events/{event.id}/packet").headers["Location"]
    assert coordinator.get(f"{job_url}/status").get_json()["status"] == "done"
    (job_id,) = db_ids(app)
    assert job_row(app, job_id) == {"status": "done", "attempts": 2, "error": None}


def test_retries_stop_at_the_cap_and_the_page_offers_to_try_again(
    app, coordinator, make, monkeypatch
):
    app.config["PACKET_RETRIES"] = 2  # read when the app was made: the default, said here
    event = make.event()
    failing_render(monkeypatch, times=1000)
    job_url = coordinator.post(f"/events/{event.id}/packet").headers["Location"]
    (job_id,) = db_ids(app)
    assert job_row(app, job_id) == {"status": "failed", "attempts": 3, "error": "MemoryError"}
    page = coordinator.get(job_url).get_data(as_text=True)
    assert "Failed — the packet could not be made (MemoryError, after 3 attempts)" in page
    assert "Try again</button>" in page


def db_ids(app):
    with app.app_context():
        return db.session.scalars(select(PacketJob.id).order_by(PacketJob.id)).all()


def test_a_rendering_job_whose_worker_went_silent_is_failed_and_tried_again(
    app, coordinator, make, clock
):
    event = make.event()
    make.case(event)
    (job_id,) = waiting_jobs(app, event, 1)
    set_job(app, job_id, status="rendering", heartbeat_at=clock.now, attempts=1)
    clock.advance(seconds=app.config["PACKET_HEARTBEAT_SECONDS"])
    assert coordinator.get(f"/packets/{job_id}/status").get_json()["status"] == "rendering"
    clock.advance(seconds=1)
    assert coordinator.get(f"/packets/{job_id}/status").get_json()["status"] == "failed"
    page = coordinator.get(f"/packets/{job_id}").get_data(as_text=True)
    assert "its worker stopped" in page and "Try again</button>" in page
    again = coordinator.post(f"/packets/{job_id}/again")
    new_id = int(again.headers["Location"].rsplit("/", 1)[1])
    assert new_id != job_id
    assert coordinator.get(f"/packets/{new_id}/status").get_json()["status"] == "done"
    assert coordinator.get(f"/packets/{new_id}/download").status_code == 200


def test_only_a_failed_packet_can_be_tried_again(app, coordinator, make):
    event = make.event()
    job_url = coordinator.post(f"/events/{event.id}/packet").headers["Location"]
    refused = coordinator.post(f"{job_url}/again", follow_redirects=True)
    assert "Only a packet that failed can be tried again." in refused.get_data(as_text=True)
    assert len(db_ids(app)) == 1


def test_a_render_stops_when_its_job_was_given_up_on(app, make):
    make.user("coordinator")
    event = make.event()
    (job_id,) = waiting_jobs(app, event, 1)
    set_job(app, job_id, status="failed")
    with app.app_context():
        beat = render._heartbeat(job_id)
        with pytest.raises(render.Abandoned):
            beat(1, force=True)
    # and a job given up on before a worker took it is not rendered at all
    with app.app_context(), app.test_request_context():
        render.render_packet(job_id)
    assert job_row(app, job_id)["status"] == "failed"


def test_the_periodic_clean_up_fails_silent_jobs_and_deletes_old_packets(app, make, clock):
    make.user("coordinator")
    event = make.event()
    done = make.packet_job(event)
    clock.advance(hours=25)
    (silent,) = waiting_jobs(app, event, 1)
    set_job(app, silent, status="rendering", heartbeat_at=clock.now - timedelta(minutes=3))
    with app.app_context():
        tasks.packet_clean_up()
        assert db.session.scalar(select(func.count()).select_from(PacketFile)) == 0
    assert job_row(app, done)["status"] == "expired"
    assert job_row(app, silent)["status"] == "failed"


def test_the_clean_up_is_a_periodic_task_of_every_app(app, clock):
    due = huey_of(app).read_periodic(clock.now.replace(tzinfo=None) + timedelta(minutes=1))
    assert "packet_clean_up" in [task.name for task in due]


def test_the_queue_is_kept_beside_a_sqlite_database_by_default(app, tmp_path):
    config = {**app.config, "QUEUE_IMMEDIATE": False}
    config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{tmp_path}/data/clinic.sqlite3"
    (tmp_path / "data").mkdir()
    huey = make_huey(config, str(tmp_path / "instance"))
    assert isinstance(huey, SqliteHuey)
    assert huey.storage.filename == str(tmp_path / "data" / "queue.sqlite3")
    config["SQLALCHEMY_DATABASE_URI"] = "postgresql+psycopg://clinic@db.example.org/clinic"
    assert make_huey(config, str(tmp_path)).storage.filename == str(tmp_path / "queue.sqlite3")


def test_the_queue_can_be_kept_in_redis_or_another_sqlite_file(app, tmp_path):
    config = {**app.config, "QUEUE_IMMEDIATE": False, "QUEUE_NAME": "clinic-a"}
    huey = make_huey({**config, "QUEUE_URL": "redis://127.0.0.1:6379/3"}, str(tmp_path))
    assert isinstance(huey, RedisHuey) and huey.name == "clinic-a"
    chosen = make_huey({**config, "QUEUE_URL": f"sqlite:///{tmp_path}/q.db"}, str(tmp_path))
    assert chosen.storage.filename == f"{tmp_path}/q.db"


@pytest.mark.parametrize(
    ("url", "database_url", "message"),
    [
        ("database", "sqlite:///clinic.sqlite3", "needs a PostgreSQL database"),
        ("amqp://broker", "sqlite:///clinic.sqlite3", "QUEUE_URL must be"),
    ],
)
def test_a_queue_setting_that_cannot_work_is_refused_at_start(app, url, database_url, message):
    config = {**app.config, "QUEUE_URL": url, "SQLALCHEMY_DATABASE_URI": database_url}
    with pytest.raises(RuntimeError, match=message):
        make_huey(config, "/tmp")


def test_a_packet_the_queue_cannot_take_fails_at_once_with_try_again(make_app, make):
    app = make_app(QUEUE_IMMEDIATE=False, QUEUE_URL="redis://127.0.0.1:1/0")  # nobody listens
    coordinator = make.user("coordinator")
    event = make.event()
    client = app.test_client()
    log_in_with(client, coordinator)
    job_url = client.post(f"/events/{event.id}/packet").headers["Location"]
    assert client.get(f"{job_url}/status").get_json()["status"] == "failed"
    page = client.get(job_url).get_data(as_text=True)
    assert "(the task queue could not be reached)" in page and "Try again</button>" in page
