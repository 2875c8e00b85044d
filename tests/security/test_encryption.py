"""Encryption at rest: a copy of the database shows no A-number or answer in clear, the blind
index still finds people, and rotate-key keeps everything readable."""

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from clinic.cases.models import Applicant, IntakeSection
from clinic.cases.search import find_people
from clinic.extensions import db
from clinic.security.crypto import KeyProblem, Keyring, new_key_set, write_key_file
from tests.conftest import BASE_TEST_CONFIG, TEST_DATABASE_URL
from tests.security.conftest import A_NUMBER, ARREST

SECRETS_IN_CLEAR = [A_NUMBER, "shoplifting", "Marketplace Mall", "Methuen", "Kept job and lease"]


def database_copy(app):
    """What a stolen copy holds: the SQLite file's bytes (and its write-ahead log), or every
    PostgreSQL row as text."""
    with app.app_context():
        if not TEST_DATABASE_URL:
            path = Path(db.engine.url.database)
            db.session.remove()
            db.engine.dispose()
            files = [path, path.with_name(path.name + "-wal")]  # the log may hold recent rows
            chunks = [file.read_bytes() for file in files if file.exists()]
            return b"".join(chunks).decode("utf-8", "replace")
        with db.engine.connect() as connection:
            return "\n".join(
                str(row)
                for table in db.metadata.sorted_tables
                for row in connection.execute(sa.text(f'SELECT t::text FROM "{table.name}" t'))  # noqa: S608
            )


def test_a_copy_of_the_database_shows_no_a_number_or_answer(app, signed_case):
    copy = database_copy(app)
    assert "Lan" in copy  # names stay searchable in clear; what matters most does not
    for secret in SECRETS_IN_CLEAR:
        assert secret not in copy, secret


def test_the_app_reads_what_it_encrypted(app, signed_case, login_as):
    with app.app_context():
        applicant = db.session.get(Applicant, signed_case.applicant_id)
        assert applicant.a_number == A_NUMBER
        section = db.session.scalar(
            sa.select(IntakeSection).where(
                IntakeSection.case_id == signed_case.id, IntakeSection.key == "character"
            )
        )
        assert section.answers["arrests_details"] == ARREST["arrests_details"]


def test_the_blind_index_still_finds_people(app, make):
    case = make.case(a_number="A-123-456-789")
    with app.app_context():
        found = find_people([case.organization_id], a_number="a123456789")
        assert [match.applicant.id for match in found] == [case.applicant_id]
        assert "10" in str(found[0].score)
        stored = db.session.execute(
            sa.text("SELECT a_number, a_number_index FROM applicants WHERE id = :id"),
            {"id": case.applicant_id},
        ).one()
    assert A_NUMBER not in stored.a_number
    assert A_NUMBER not in stored.a_number_index and len(stored.a_number_index) == 64


def test_the_same_a_number_is_still_refused_twice_in_one_organization(app, make):
    from clinic.cases.services import a_number_holder

    first = make.case(a_number="A123456789")
    with app.app_context():
        holder = a_number_holder(first.organization_id, A_NUMBER)
        assert holder.id == first.applicant_id
    with pytest.raises(sa.exc.IntegrityError), app.app_context():
        org = first.organization_id
        db.session.add(
            Applicant(
                organization_id=org,
                given_names="Other",
                family_names="Person",
                name_tokens=" other person ",
                date_of_birth=__import__("datetime").date(1990, 1, 1),
                a_number=A_NUMBER,
                created_at=__import__("clinic.clock").clock.utcnow(),
            )
        )
        db.session.commit()


def test_a_value_moved_to_another_column_does_not_open():
    keyring = Keyring(new_key_set())
    sealed = keyring.encrypt("123456789", "applicants.a_number")
    with pytest.raises(Exception):  # noqa: B017 (cryptography's InvalidTag)
        keyring.decrypt(sealed, "sign_offs.note")


def test_a_value_from_an_unknown_key_says_so():
    sealed = Keyring(new_key_set()).encrypt("x", "t.c")
    with pytest.raises(KeyProblem, match="No key with id"):
        Keyring(new_key_set()).decrypt(sealed, "t.c")


def every_value(app):
    """Every row of every table as the app reads it (decrypted)."""
    with app.app_context(), db.engine.connect() as connection:
        return {
            table.name: sorted(map(tuple, connection.execute(table.select())), key=repr)
            for table in db.metadata.sorted_tables
        }


def raw_ciphertexts(app):
    from clinic.security.types import encrypted_columns

    with app.app_context(), db.engine.connect() as connection:
        return [
            value
            for table, column in encrypted_columns(db.metadata)
            for (value,) in connection.execute(
                sa.select(sa.type_coerce(column, sa.Text)).where(column.is_not(None))
            )
        ]


def test_rotate_key_keeps_everything_readable(make_app, signed_case, app, tmp_path):
    key_file = tmp_path / "keys.json"
    write_key_file(key_file, BASE_TEST_CONFIG["ENCRYPTION_KEYS"])
    on_file = make_app(ENCRYPTION_KEYS=None, ENCRYPTION_KEY_FILE=str(key_file))
    reader = make_app(ENCRYPTION_KEYS=None, ENCRYPTION_KEY_FILE=str(key_file))
    before = every_value(on_file)
    old_id = on_file.extensions["clinic_keyring"].newest_id

    result = on_file.test_cli_runner().invoke(args=["clinic", "rotate-key"])
    assert result.exit_code == 0, result.output
    new_id = on_file.extensions["clinic_keyring"].newest_id
    assert new_id != old_id
    assert all(value.startswith(f"v1:{new_id}:") for value in raw_ciphertexts(on_file))
    assert every_value(on_file) == before
    assert every_value(reader) == before  # another worker, started with the old file
    assert len(json.loads(key_file.read_text())["data_keys"]) == 2

    forgot = on_file.test_cli_runner().invoke(args=["clinic", "forget-old-keys"])
    assert forgot.exit_code == 0, forgot.output
    assert json.loads(key_file.read_text())["data_keys"] == [
        json.loads(key_file.read_text())["data_keys"][0]
    ]
    assert every_value(make_app(ENCRYPTION_KEYS=None, ENCRYPTION_KEY_FILE=str(key_file))) == before
    assert (key_file.stat().st_mode & 0o777) == 0o600


def test_rotate_key_explains_keys_from_the_environment(runner):
    result = runner.invoke(args=["clinic", "rotate-key"])
    assert result.exit_code == 1
    assert "CLINIC_ENCRYPTION_KEYS" in result.output
