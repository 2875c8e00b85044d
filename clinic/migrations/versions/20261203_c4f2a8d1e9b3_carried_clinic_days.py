"""Carried clinic days: the bundles a laptop exported (and when it purged the day), the
bundles a server imported (once each, with the report).

Revision ID: c4f2a8d1e9b3
Revises: c4d8e2f6a1b3
Create Date: 2026-12-03 17:30:00

"""
import sqlalchemy as sa
from alembic import op


revision = 'c4f2a8d1e9b3'
down_revision = 'c4d8e2f6a1b3'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('day_exports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bundle_id', sa.String(length=32), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('exported_at', sa.DateTime(), nullable=False),
    sa.Column('exported_by_id', sa.Integer(), nullable=True),
    sa.Column('cases', sa.Integer(), nullable=False),
    sa.Column('carried_over_at', sa.DateTime(), nullable=True),
    sa.Column('carried_over_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['carried_over_by_id'], ['users.id'], name=op.f('fk_day_exports_carried_over_by_id_users')),
    sa.ForeignKeyConstraint(['event_id'], ['clinic_events.id'], name=op.f('fk_day_exports_event_id_clinic_events')),
    sa.ForeignKeyConstraint(['exported_by_id'], ['users.id'], name=op.f('fk_day_exports_exported_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_day_exports')),
    sa.UniqueConstraint('bundle_id', name=op.f('uq_day_exports_bundle_id'))
    )
    with op.batch_alter_table('day_exports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_day_exports_event_id'), ['event_id'], unique=False)

    op.create_table('imported_bundles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bundle_id', sa.String(length=32), nullable=False),
    sa.Column('laptop_key_id', sa.String(length=16), nullable=False),
    sa.Column('laptop_event_id', sa.Integer(), nullable=False),
    sa.Column('schema_revision', sa.String(length=32), nullable=False),
    sa.Column('made_at', sa.DateTime(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('imported_by_id', sa.Integer(), nullable=True),
    sa.Column('report', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['clinic_events.id'], name=op.f('fk_imported_bundles_event_id_clinic_events'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['imported_by_id'], ['users.id'], name=op.f('fk_imported_bundles_imported_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_imported_bundles')),
    sa.UniqueConstraint('bundle_id', name=op.f('uq_imported_bundles_bundle_id'))
    )
    with op.batch_alter_table('imported_bundles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_imported_bundles_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_imported_bundles_imported_at'), ['imported_at'], unique=False)


def downgrade():
    with op.batch_alter_table('imported_bundles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_imported_bundles_imported_at'))
        batch_op.drop_index(batch_op.f('ix_imported_bundles_event_id'))
    op.drop_table('imported_bundles')
    with op.batch_alter_table('day_exports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_day_exports_event_id'))
    op.drop_table('day_exports')
