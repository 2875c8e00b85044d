"""The case list's and the stuck list's orders by index: cases by (updated_at, id) and by
(stage_changed_at, id), so that a page is read from the index instead of sorting every case.

Revision ID: d5e1b7c9a2f4
Revises: c4f2a8d1e9b3
Create Date: 2026-12-04 03:10:00

"""
from alembic import op


revision = 'd5e1b7c9a2f4'
down_revision = 'c4f2a8d1e9b3'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index('ix_cases_updated_at', ['updated_at', 'id'], unique=False)
        batch_op.create_index('ix_cases_stage_changed_at', ['stage_changed_at', 'id'], unique=False)


def downgrade():
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_stage_changed_at')
        batch_op.drop_index('ix_cases_updated_at')
