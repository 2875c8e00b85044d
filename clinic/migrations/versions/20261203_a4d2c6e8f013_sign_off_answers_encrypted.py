"""The answers a sign-off covers (the whole N-400) are encrypted at rest like the intake
answers they copy: JSON becomes AES-GCM ciphertext (Text) under the app's keys.

Back the key file up before running this; downgrade decrypts.

Revision ID: a4d2c6e8f013
Revises: 7793af547aee
Create Date: 2026-12-03 15:55:00

"""
import json

import sqlalchemy as sa
from alembic import op
from flask import current_app

revision = 'a4d2c6e8f013'
down_revision = '7793af547aee'
branch_labels = None
depends_on = None

PURPOSE = "sign_offs.answers"


def _rewrite(change):
    connection = op.get_bind()
    rows = connection.execute(
        sa.text("SELECT id, answers FROM sign_offs WHERE answers IS NOT NULL")
    ).all()
    for row_id, value in rows:
        connection.execute(
            sa.text("UPDATE sign_offs SET answers = :value WHERE id = :id"),
            {"value": change(value), "id": row_id},
        )


def upgrade():
    keyring = current_app.extensions["clinic_keyring"]
    with op.batch_alter_table("sign_offs") as batch_op:
        batch_op.alter_column(
            "answers", type_=sa.Text(), existing_nullable=True, postgresql_using="answers::text"
        )

    def seal(value):  # the stored JSON text, written the way EncryptedJSON writes it
        text = json.dumps(json.loads(value), separators=(",", ":"), ensure_ascii=False)
        return keyring.encrypt(text, PURPOSE)

    _rewrite(seal)


def downgrade():
    keyring = current_app.extensions["clinic_keyring"]
    _rewrite(lambda value: keyring.decrypt(value, PURPOSE))
    with op.batch_alter_table("sign_offs") as batch_op:
        batch_op.alter_column(
            "answers", type_=sa.JSON(), existing_nullable=True, postgresql_using="answers::json"
        )
