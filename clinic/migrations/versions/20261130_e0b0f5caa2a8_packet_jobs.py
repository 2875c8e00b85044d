"""Clinic-day packet jobs, rendered in the background.

Revision ID: e0b0f5caa2a8
Revises: 98b7f911e429
Create Date: 2026-11-30 13:13:27.031521

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e0b0f5caa2a8'
down_revision = '98b7f911e429'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('packet_jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=False),
    sa.Column('include_review_sheets', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('done', sa.Integer(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('file_token', sa.String(length=64), nullable=True),
    sa.Column('pages', sa.Integer(), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['clinic_events.id'], name=op.f('fk_packet_jobs_event_id_clinic_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['requested_by_id'], ['users.id'], name=op.f('fk_packet_jobs_requested_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_packet_jobs'))
    )
    with op.batch_alter_table('packet_jobs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_packet_jobs_event_id'), ['event_id'], unique=False)



def downgrade():
    with op.batch_alter_table('packet_jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_packet_jobs_event_id'))

    op.drop_table('packet_jobs')
