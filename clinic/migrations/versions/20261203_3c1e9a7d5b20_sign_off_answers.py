"""A sign-off covers every answer printed on the N-400: the answers seen, and their fingerprint.

Revision ID: 3c1e9a7d5b20
Revises: f7ce63e50d8b
Create Date: 2026-12-03 14:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3c1e9a7d5b20'
down_revision = 'f7ce63e50d8b'
branch_labels = None
depends_on = None


def upgrade():
    # Sign-offs made before keep NULL: they stay bound to the screening's facts alone.
    with op.batch_alter_table('sign_offs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('answers', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('answers_hash', sa.String(length=64), nullable=True))


def downgrade():
    with op.batch_alter_table('sign_offs', schema=None) as batch_op:
        batch_op.drop_column('answers_hash')
        batch_op.drop_column('answers')
