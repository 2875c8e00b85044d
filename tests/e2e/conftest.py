"""Browser tests: Clinic under a real gunicorn on a free loopback port, on a fresh instance
folder, driven by Debian's Chromium through Playwright like people use it.

Without Chromium the browser tests are skipped with a notice (and `make test` says so); under
CI (CI=true) a missing browser is an error, so CI always runs them. A failing test leaves a
screenshot and the page's HTML in tests/e2e/artifacts/.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from clinic.security.crypto import new_key_set, write_key_file
from tests.e2e.people import ServerClock
from tests.e2e.settings import (
    ARTIFACTS,
    AXE,
    CHROMIUM,
    FROZEN_NOW,
    HOW_TO_INSTALL,
    LAPTOP,
    LAUNCH_FLAGS,
    ROOT,
)


def missing_tools():
    missing = []
    if not Path(CHROMIUM).exists():
        missing.append(f"Chromium ({CHROMIUM})")
    if not AXE.exists():
        missing.append("axe-core (tests/e2e/node_modules: `make test` installs it with npm)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("Playwright for Python (`make install-test`)")
    return missing


def pytest_collection_modifyitems(config, items):
    browser_tests = [item for item in items if "tests/e2e/" in item.nodeid]
    missing = missing_tools()
    if not browser_tests or not missing:
        return
    reason = f"Browser tests SKIPPED: {', '.join(missing)} not found; {HOW_TO_INSTALL}."
    if os.environ.get("CI") == "true":
        raise pytest.UsageError(f"CI must run the browser tests, but {reason}")
    for item in browser_tests:
        item.add_marker(pytest.mark.skip(reason=reason))


def instance_folder(tmp_path_factory):
    return tmp_path_factory.getbasetemp() / "e2e-instance"


@pytest.fixture(scope="session")
def server_clock(server, tmp_path_factory):
    return ServerClock(instance_folder(tmp_path_factory) / "clock-seconds")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


INSTANCE_CONFIG = f"""
from datetime import UTC, datetime, timedelta
from pathlib import Path

SECRET_KEY = "browser-test-secret-key"
# Cheap hashing keeps the tests fast; production uses config.py's argon2id settings.
ARGON2_TIME_COST = 1
ARGON2_MEMORY_COST = 8
ARGON2_PARALLELISM = 1
PACKET_PROCESSES = 1


# The clock stands still, moved on only by the tests (people.ServerClock): a second-factor code
# works once, so each one needs the next 30 seconds.
_MOVED = Path(__file__).with_name("clock-seconds")


def CLOCK():
    moved = int(_MOVED.read_text()) if _MOVED.exists() else 0
    return datetime(*{FROZEN_NOW}, tzinfo=UTC) + timedelta(seconds=moved)
"""


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """The base URL of a gunicorn serving a new, empty Clinic."""
    instance = instance_folder(tmp_path_factory)
    instance.mkdir()
    (instance / "config.py").write_text(INSTANCE_CONFIG)
    write_key_file(instance / "encryption-keys.json", new_key_set())
    env = {**os.environ, "CLINIC_INSTANCE_PATH": str(instance)}
    env.pop("CLINIC_DATABASE_URL", None)  # always SQLite, in the instance folder
    bin_dir = Path(sys.executable).parent
    subprocess.run(
        [str(bin_dir / "flask"), "--app", "clinic", "db", "upgrade"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    port = free_port()
    log = (instance / "gunicorn.log").open("w")
    process = subprocess.Popen(
        [str(bin_dir / "gunicorn"), "--workers", "2", "--bind", f"127.0.0.1:{port}", "wsgi:app"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    # The queue's worker, as `make run` starts it beside gunicorn: it renders the packets.
    worker_log = (instance / "worker.log").open("w")
    worker = subprocess.Popen(
        [str(bin_dir / "flask"), "--app", "clinic", "clinic", "worker"],
        cwd=ROOT,
        env=env,
        stdout=worker_log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(url, process)
        yield url
    finally:
        for running in (process, worker):
            running.terminate()
            running.wait(timeout=20)
        log.close()
        worker_log.close()


def _wait_for(url, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited before it served a page")
        try:
            urllib.request.urlopen(f"{url}/login", timeout=2).close()  # noqa: S310 (loopback)
            return
        except OSError:
            time.sleep(0.1)  # waiting for a server to start, not for the app's behaviour
    raise RuntimeError(f"gunicorn did not answer on {url} within {seconds} s")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        headed = os.environ.get("CLINIC_E2E_HEADED") == "1"  # to watch a run (under xvfb-run)
        flags = [flag for flag in LAUNCH_FLAGS if not (headed and flag == "--headless")]
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=flags, headless=not headed
        )
        _OPEN_BROWSERS.append(browser)
        yield browser
        _OPEN_BROWSERS.remove(browser)
        browser.close()


_OPEN_BROWSERS = []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failure (in set-up or the test), keep a screenshot and the HTML of every open page."""
    outcome = yield
    report = outcome.get_result()
    if report.failed and "tests/e2e/" in item.nodeid:
        for browser in _OPEN_BROWSERS:
            for number, context in enumerate(browser.contexts):
                for page_number, page in enumerate(context.pages):
                    _save_artifacts(page, f"{item.name}-{report.when}-{number}-{page_number}")


@pytest.fixture
def new_page(browser, server):
    """new_page() -> a page in a fresh browser context (its own cookies: one person)."""
    contexts = []

    def make(viewport=LAPTOP):
        context = browser.new_context(base_url=server, viewport=viewport, accept_downloads=True)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def _save_artifacts(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:120]
    try:
        page.screenshot(path=str(ARTIFACTS / f"{safe}.png"), full_page=True)
        (ARTIFACTS / f"{safe}.html").write_text(page.content())
    except Exception as error:  # a closed page must not hide the real failure
        (ARTIFACTS / f"{safe}.txt").write_text(f"no screenshot: {error}")


from tests.e2e.fixtures import (  # noqa: E402, F401
    coalition,
    imported_day,
    packet,
    screened,
    signed,
    staffed,
    sworn_in,
)
