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
