"""The audit log's hash chain: each event's place in it and its link's HMAC.

Events already recorded stay outside the chain (NULL): `verify-audit` counts them apart.

Revision ID: 262f8e2ab899
Revises: eefafe056713
Create Date: 2026-12-03 14:07:04.538124

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '262f8e2ab899'
down_revision = 'eefafe056713'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('seq', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('chain_hash', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_audit_events_seq'), ['seq'])



def downgrade():
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_audit_events_seq'), type_='unique')
        batch_op.drop_column('chain_hash')
        batch_op.drop_column('seq')

