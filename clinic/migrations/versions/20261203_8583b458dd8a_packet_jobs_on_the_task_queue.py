"""Packet jobs on the task queue: attempts and a heartbeat; finished packets in the database.

Packets made before this kept their PDF in the rendering host's instance/packets/ folder: they
are marked expired (make them again; the old files can be deleted). Jobs still waiting or
rendering had a renderer process that this version no longer starts: they are marked failed,
so their page offers to try again.

Revision ID: 8583b458dd8a
Revises: 3c1e9a7d5b20
Create Date: 2026-12-03 13:47:20.183617

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '8583b458dd8a'
down_revision = '3c1e9a7d5b20'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('packet_files',
    sa.Column('job_id', sa.Integer(), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['job_id'], ['packet_jobs.id'], name=op.f('fk_packet_files_job_id_packet_jobs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('job_id', name=op.f('pk_packet_files'))
    )
    jobs = sa.table('packet_jobs', sa.column('status', sa.String))
    op.execute(jobs.update().where(jobs.c.status == 'done').values(status='expired'))
    op.execute(
        jobs.update().where(jobs.c.status.in_(['queued', 'rendering'])).values(status='failed')
    )
    with op.batch_alter_table('packet_jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attempts', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('heartbeat_at', sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f('ix_packet_jobs_status'), ['status'], unique=False)
        batch_op.drop_column('file_token')
    with op.batch_alter_table('packet_jobs', schema=None) as batch_op:
        batch_op.alter_column('attempts', server_default=None)


def downgrade():
    # Packets kept in the database are lost: the old version looked for files on the host.
    jobs = sa.table('packet_jobs', sa.column('status', sa.String))
    op.execute(jobs.update().where(jobs.c.status == 'done').values(status='expired'))
    with op.batch_alter_table('packet_jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('file_token', sa.VARCHAR(length=64), nullable=True))
        batch_op.drop_index(batch_op.f('ix_packet_jobs_status'))
        batch_op.drop_column('heartbeat_at')
        batch_op.drop_column('attempts')

    op.drop_table('packet_files')
