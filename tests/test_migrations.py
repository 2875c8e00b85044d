"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

import uuid

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade

from clinic import create_app
from clinic.extensions import db
from tests.conftest import BASE_TEST_CONFIG, TEST_DATABASE_URL


@pytest.fixture
def empty_database(tmp_path):
    if not TEST_DATABASE_URL:
        yield {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'migrated.sqlite3'}"}
        return
    schema = f"clinic_migrations_{uuid.uuid4().hex[:10]}"
    engine = sa.create_engine(TEST_DATABASE_URL)
    with engine.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    yield {
        "SQLALCHEMY_DATABASE_URI": TEST_DATABASE_URL,
        "SQLALCHEMY_ENGINE_OPTIONS": {"connect_args": {"options": f"-csearch_path={schema}"}},
    }
    with engine.begin() as connection:
        connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


def test_upgrade_builds_the_models_schema(empty_database):
    app = create_app({**BASE_TEST_CONFIG, **empty_database})
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
        db.engine.dispose()
    assert differences == []


def test_init_db_command_upgrades(empty_database):
    app = create_app({**BASE_TEST_CONFIG, **empty_database})
    result = app.test_cli_runner().invoke(args=["clinic", "init-db"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert "users" in sa.inspect(db.engine).get_table_names()
        db.engine.dispose()


def test_report_facts_are_backfilled_from_the_encrypted_answers(empty_database):
    """c4d8e2f6a1b3 reads each case's language, state and town from its encrypted answers and
    the outcome and codes from its latest run: made at head, dropped by a downgrade, and
    upgraded again, a case reads as before."""
    from flask_migrate import downgrade

    from clinic.cases.models import Case, IntakeSection, ScreeningRun
    from tests.factories import Factory
    from tests.reports.known_cases import AT

    app = create_app({**BASE_TEST_CONFIG, **empty_database})
    with app.app_context():
        upgrade()
    made = Factory(app).case(Factory(app).event())
    with app.app_context():
        case = db.session.get(Case, made.id)
        addresses = [{"city": "Chelsea ", "moved_out": None}]
        for key, answers in {
            "contact": {"language": "Português"},
            "residence": {"state": "MA", "addresses": addresses},
        }.items():
            db.session.add(IntakeSection(case=case, key=key, answers=answers, updated_at=AT))
        for outcome, code in (("eligible", "DUI"), ("refer", "CRIMINAL_HISTORY")):
            result = {"findings": [{"code": code}]}
            db.session.add(
                ScreeningRun(case=case, created_at=AT, facts={}, result=result,
                             facts_hash="0" * 64, rules_version="x", outcome=outcome)
            )  # fmt: skip
        db.session.commit()
        facts = ("pt_BR", "MA", "Chelsea", "refer", " CRIMINAL_HISTORY ")
        columns = [Case.preferred_language, Case.home_state, Case.home_town,
                   Case.screening_outcome, Case.screening_codes]  # fmt: skip
        assert tuple(db.session.execute(sa.select(*columns)).one()) == facts
        db.session.remove()
        downgrade(revision="b7e1f3a9c254")
        upgrade()
        assert tuple(db.session.execute(sa.select(*columns)).one()) == facts
        db.session.remove()
        db.engine.dispose()
