"""Encryption at rest: A-numbers, intake answers, screening facts and results, sign-offs'
notes, resolutions, details and facts, and voids' changes become AES-GCM ciphertext (Text);
A-numbers are found through a blind index column instead.

The existing values are encrypted here with the app's keys (instance/encryption-keys.json or
CLINIC_ENCRYPTION_KEYS), so back the key file up before running this; downgrade decrypts.

Revision ID: ee2823c4a429
Revises: 262f8e2ab899
Create Date: 2026-12-03 14:29:17.553398

"""
import json

import sqlalchemy as sa
from alembic import op
from flask import current_app

revision = 'ee2823c4a429'
down_revision = '262f8e2ab899'
branch_labels = None
depends_on = None

# (table, column, JSON?) of every column this migration encrypts.
COLUMNS = [
    ("applicants", "a_number", False),
    ("intake_sections", "answers", True),
    ("screening_runs", "facts", True),
    ("screening_runs", "result", True),
    ("sign_offs", "resolutions", True),
    ("sign_offs", "details", True),
    ("sign_offs", "facts", True),
    ("sign_offs", "note", False),
    ("sign_off_voids", "changes", True),
]


def _keyring():
    return current_app.extensions["clinic_keyring"]


def _to_text(table, column):
    """JSON -> Text (PostgreSQL needs the cast spelled out; SQLite rebuilds the table)."""
    with op.batch_alter_table(table) as batch_op:
        batch_op.alter_column(
            column,
            type_=sa.Text(),
            existing_nullable=column == "note",
            postgresql_using=f"{column}::text",
        )


def _rewrite(table, column, change):
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL")
    ).all()
    for row_id, value in rows:
        connection.execute(
            sa.text(f"UPDATE {table} SET {column} = :value WHERE id = :id"),
            {"value": change(value), "id": row_id},
        )


def upgrade():
    keyring = _keyring()
    with op.batch_alter_table("applicants") as batch_op:
        batch_op.add_column(sa.Column("a_number_index", sa.String(length=64), nullable=True))
        batch_op.alter_column("a_number", type_=sa.Text(), existing_nullable=True)
        batch_op.drop_constraint("uq_applicants_organization_id", type_="unique")
    for table, column, is_json in COLUMNS:
        if is_json:
            _to_text(table, column)
        purpose = f"{table}.{column}"

        def seal(value, purpose=purpose, is_json=is_json):
            if is_json:  # the stored JSON text, written the way EncryptedJSON writes it
                value = json.dumps(json.loads(value), separators=(",", ":"), ensure_ascii=False)
            return keyring.encrypt(value, purpose)

        if table == "applicants":
            _index_a_numbers(keyring)
        _rewrite(table, column, seal)
    with op.batch_alter_table("applicants") as batch_op:
        batch_op.create_unique_constraint(
            "uq_applicants_organization_id", ["organization_id", "a_number_index"]
        )


def _index_a_numbers(keyring):
    connection = op.get_bind()
    rows = connection.execute(
        sa.text("SELECT id, a_number FROM applicants WHERE a_number IS NOT NULL")
    ).all()
    for row_id, number in rows:
        connection.execute(
            sa.text("UPDATE applicants SET a_number_index = :index WHERE id = :id"),
            {"index": keyring.blind_index(number, "applicants.a_number"), "id": row_id},
        )


def downgrade():
    keyring = _keyring()
    with op.batch_alter_table("applicants") as batch_op:
        batch_op.drop_constraint("uq_applicants_organization_id", type_="unique")
    for table, column, is_json in COLUMNS:
        purpose = f"{table}.{column}"
        _rewrite(table, column, lambda value, purpose=purpose: keyring.decrypt(value, purpose))
        if is_json:
            with op.batch_alter_table(table) as batch_op:
                batch_op.alter_column(
                    column,
                    type_=sa.JSON(),
                    existing_nullable=column == "note",
                    postgresql_using=f"{column}::json",
                )
    with op.batch_alter_table("applicants") as batch_op:
        batch_op.alter_column("a_number", type_=sa.String(length=9), existing_nullable=True)
        batch_op.drop_column("a_number_index")
        batch_op.create_unique_constraint(
            "uq_applicants_organization_id", ["organization_id", "a_number"]
        )
