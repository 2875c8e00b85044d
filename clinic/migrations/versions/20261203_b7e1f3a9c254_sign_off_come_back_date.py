"""A "not yet" sign-off's come-back date in clear beside its encrypted details, for the
come-back list's order in SQL; backfilled from the details (decrypted with the app's keys).

Revision ID: b7e1f3a9c254
Revises: 3c9a51d0e7b2
Create Date: 2026-12-03 16:00:00

"""
import datetime

import sqlalchemy as sa
from alembic import op

from clinic.security.types import EncryptedJSON

revision = 'b7e1f3a9c254'
down_revision = '3c9a51d0e7b2'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("sign_offs") as batch_op:
        batch_op.add_column(sa.Column("come_back_date", sa.Date(), nullable=True))
    sign_offs = sa.table(
        "sign_offs",
        sa.column("id"),
        sa.column("details", EncryptedJSON("sign_offs.details")),
        sa.column("come_back_date", sa.Date()),
    )
    connection = op.get_bind()
    for row in connection.execute(sa.select(sign_offs.c.id, sign_offs.c.details)).all():
        value = (row.details or {}).get("come_back_on")
        if value:
            connection.execute(
                sign_offs.update()
                .where(sign_offs.c.id == row.id)
                .values(come_back_date=datetime.date.fromisoformat(str(value)))
            )


def downgrade():
    with op.batch_alter_table("sign_offs") as batch_op:
        batch_op.drop_column("come_back_date")
