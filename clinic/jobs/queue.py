"""The task queue: Huey, built from the app's settings, with the app's tasks registered on it.

Feature modules declare their work with @task and @periodic (in their tasks.py, listed in
TASK_MODULES); each app gets its own Huey with those tasks bound to it, so a task always runs
inside an app context of the app that queued it. The web app only enqueues; workers
(`flask --app clinic clinic worker`, on any number of hosts) run the tasks. In tests,
QUEUE_IMMEDIATE runs each task at once, in the request that queues it.

Where the queue is kept (QUEUE_URL):
- unset: a SQLite file beside the database (or in the instance folder), for one host;
- redis://host:6379/0: Redis, for workers on several hosts;
- database: the app's own PostgreSQL database (tables huey_*), for several hosts without Redis.
"""

import importlib
import logging
import os
from types import SimpleNamespace

from flask import current_app
from huey import PostgresHuey, RedisHuey, SqliteHuey, crontab
from sqlalchemy.engine import make_url

# The modules whose @task and @periodic functions every app registers. Add yours here.
TASK_MODULES = ("clinic.packets.tasks", "clinic.security.tasks")

_TASKS = {}  # name -> (function, {huey option: name of the setting that gives it})
_PERIODIC = {}  # name -> (function, crontab fields)


def task(**settings):
    """Declare a queued task. Keyword arguments name the settings for Huey's options, e.g.
    task(retries="PACKET_RETRIES"). The function is called as function(*args, retries_left=n)
    inside an app context."""

    def register(function):
        _TASKS[function.__name__] = (function, settings)
        return function

    return register


def periodic(**schedule):
    """Declare a periodic task, run by the worker started with --periodic (the default) on a
    crontab schedule, e.g. periodic(minute="*/15"). Called with no arguments, in an app
    context. Periodic tasks must be safe to run twice (several hosts may run a scheduler)."""

    def register(function):
        _PERIODIC[function.__name__] = (function, schedule)
        return function

    return register


def init_queue(app):
    for module in TASK_MODULES:
        importlib.import_module(module)
    huey = make_huey(app.config, app.instance_path)
    tasks = {}
    for name, (function, settings) in _TASKS.items():
        options = {option: app.config[setting] for option, setting in settings.items()}
        wrapper = huey.task(name=name, context=True, **options)
        tasks[name] = wrapper(_queued_in_app(app, function))
    for name, (function, schedule) in _PERIODIC.items():
        huey.periodic_task(crontab(**schedule), name=name)(_periodic_in_app(app, function))
    app.extensions["clinic.queue"] = SimpleNamespace(huey=huey, tasks=tasks)


def _queued_in_app(app, function):
    def run(*args, task):
        with app.app_context():
            return function(*args, retries_left=task.retries)

    return run


def _periodic_in_app(app, function):
    def run():
        with app.app_context():
            return function()

    return run


def enqueue(name, *args):
    """Queue the task `name` with arguments (ids, not objects: they cross processes). Commit
    first: the worker reads what the task needs from the database."""
    current_app.extensions["clinic.queue"].tasks[name](*args)


def huey_of(app):
    return app.extensions["clinic.queue"].huey


def make_huey(config, instance_path):
    """A Huey for the settings: results are not kept (tasks write their outcome in the app's
    database), and in immediate mode tasks run at once, in memory."""
    name, url = config["QUEUE_NAME"], config["QUEUE_URL"]
    options = {"results": False, "immediate": config["QUEUE_IMMEDIATE"]}
    if url and url.startswith(("redis://", "rediss://", "unix://")):
        return RedisHuey(name, url=url, **options)
    if url == "database":
        database = make_url(config["SQLALCHEMY_DATABASE_URI"])
        if not database.drivername.startswith("postgresql"):
            raise RuntimeError("QUEUE_URL = 'database' needs a PostgreSQL database.")
        dsn = database.set(drivername="postgresql").render_as_string(hide_password=False)
        connect = config["SQLALCHEMY_ENGINE_OPTIONS"].get("connect_args", {})
        return PostgresHuey(name, dsn=dsn, **connect, **options)
    if url and url.startswith("sqlite:///"):
        return SqliteHuey(name, filename=url.removeprefix("sqlite:///"), **options)
    if url:
        raise RuntimeError(f"QUEUE_URL must be redis://..., sqlite:///... or database: {url!r}")
    return SqliteHuey(name, filename=default_queue_file(config, instance_path), **options)


def default_queue_file(config, instance_path):
    """queue.sqlite3 beside a SQLite database, else in the instance folder."""
    database = make_url(config["SQLALCHEMY_DATABASE_URI"])
    if database.drivername.startswith("sqlite") and database.database:
        folder = os.path.dirname(os.path.abspath(database.database))
    else:
        folder = instance_path
    return os.path.join(folder, "queue.sqlite3")


# An idle worker looks for new work at least this often (Huey's default backs off to 10 s: a
# packet would wait that long before its first progress; a SQLite poll a second is cheap).
IDLE_POLL_SECONDS = 1.0


def run_worker(app, workers, periodic):
    """Run a Huey consumer until it is stopped: `workers` processes, each running one task at
    a time; with `periodic`, also the scheduler of periodic tasks. SIGINT (Ctrl-C) lets the
    running tasks finish first; SIGTERM stops at once (a render cut short is marked failed
    when its heartbeat stops, and can be tried again)."""
    from clinic.extensions import db

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    with app.app_context():
        db.engine.dispose()  # the worker processes are forked: each opens its own connections
    consumer = huey_of(app).create_consumer(
        workers=workers,
        worker_type="process",
        periodic=periodic,
        check_worker_health=True,
        max_delay=IDLE_POLL_SECONDS,
    )
    consumer.run()
