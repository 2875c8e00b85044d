"""Backups that restore: data made, backed up encrypted, restored into a fresh, empty
database, and every table compared row by row (SQLite and PostgreSQL)."""

import uuid

import pytest
import sqlalchemy as sa

from clinic.extensions import db
from tests.conftest import TEST_DATABASE_URL

PASSPHRASE = "a backup passphrase for the drill"


@pytest.fixture
def fresh_database(database, tmp_path):
    """Settings for a second, empty database: a new SQLite file, or a new PostgreSQL
    database (pg_restore recreates the run's schema in it)."""
    if not TEST_DATABASE_URL:
        yield {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'restored.sqlite3'}"}
        return
    name = f"clinic_restore_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(TEST_DATABASE_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(TEST_DATABASE_URL).set(database=name)
    yield {**database, "SQLALCHEMY_DATABASE_URI": url.render_as_string(hide_password=False)}
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def some_of_everything(make):
    event = make.event(partners=["Partner Org"])
    make.user("attorney")
    make.case(event, a_number="A123456789", phone="(978) 555-0142")
    make.case_at(
        "approved",
        event=event,
        answers={"criminal": {"ever_arrested": "yes", "arrests-0-what": "DUI, 2019"}},
    )
    make.case_at("closed", event=event, given="Former")


def every_row(app):
    """{table: sorted rows, read through the models' types} for every table."""
    with app.app_context(), db.engine.connect() as connection:
        return {
            table.name: sorted((tuple(row) for row in connection.execute(table.select())), key=repr)
            for table in db.metadata.sorted_tables
        }


def test_a_backup_restores_every_table_into_a_fresh_database(
    app, make, make_app, fresh_database, runner, tmp_path, monkeypatch
):
    some_of_everything(make)
    monkeypatch.setenv("CLINIC_BACKUP_PASSPHRASE", PASSPHRASE)
    backup_file = tmp_path / "clinic.backup"
    made = runner.invoke(args=["clinic", "backup", str(backup_file)])
    assert made.exit_code == 0, made.output
    assert b"A123456789" not in backup_file.read_bytes()
    assert b"DUI, 2019" not in backup_file.read_bytes()

    restored_app = make_app(**fresh_database)
    done = restored_app.test_cli_runner().invoke(args=["clinic", "restore", str(backup_file)])
    assert done.exit_code == 0, done.output
    original, restored = every_row(app), every_row(restored_app)
    assert set(restored) == set(original)
    for table, rows in original.items():
        assert restored[table] == rows, table
    assert sum(len(rows) for rows in original.values()) > 20
    verified = restored_app.test_cli_runner().invoke(args=["clinic", "verify-audit"])
    assert "intact" in verified.output


def test_restore_refuses_a_database_that_is_not_empty(app, make, runner, tmp_path, monkeypatch):
    make.user("volunteer")
    monkeypatch.setenv("CLINIC_BACKUP_PASSPHRASE", PASSPHRASE)
    backup_file = tmp_path / "clinic.backup"
    runner.invoke(args=["clinic", "backup", str(backup_file)])
    refused = runner.invoke(args=["clinic", "restore", str(backup_file)])
    assert refused.exit_code == 1
    assert "is not empty" in refused.output


def test_a_wrong_passphrase_or_a_changed_file_does_not_open(
    app, make, make_app, fresh_database, runner, tmp_path, monkeypatch
):
    make.user("volunteer")
    monkeypatch.setenv("CLINIC_BACKUP_PASSPHRASE", PASSPHRASE)
    backup_file = tmp_path / "clinic.backup"
    runner.invoke(args=["clinic", "backup", str(backup_file)])
    restored = make_app(**fresh_database).test_cli_runner()
    monkeypatch.setenv("CLINIC_BACKUP_PASSPHRASE", "another passphrase entirely")
    wrong = restored.invoke(args=["clinic", "restore", str(backup_file)])
    assert "does not open" in wrong.output
    monkeypatch.setenv("CLINIC_BACKUP_PASSPHRASE", PASSPHRASE)
    data = bytearray(backup_file.read_bytes())
    data[-5] ^= 0xFF
    backup_file.write_bytes(bytes(data))
    changed = restored.invoke(args=["clinic", "restore", str(backup_file)])
    assert "does not open" in changed.output


def test_a_key_file_can_stand_for_the_passphrase(app, make, runner, tmp_path):
    from clinic.security import backup

    make.user("volunteer")
    key_file = tmp_path / "backup.key"
    key_file.write_text("x" * 40)
    out = tmp_path / "clinic.backup"
    assert (
        runner.invoke(args=["clinic", "backup", str(out), "--key-file", str(key_file)]).exit_code
        == 0
    )
    assert backup.decrypt_file(out, tmp_path / "plain", b"x" * 40) in {"sqlite", "pg_dump"}
    assert (out.stat().st_mode & 0o777) == 0o600


def test_a_short_passphrase_is_refused(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_BACKUP_PASSPHRASE", "short")
    result = runner.invoke(args=["clinic", "backup", str(tmp_path / "out")])
    assert "at least 15 characters" in result.output
