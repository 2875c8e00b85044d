"""Retention: the counts kept of purged cases (per organization, clinic day and stage).

Revision ID: 7793af547aee
Revises: ee2823c4a429
Create Date: 2026-12-03 14:21:35.670648

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7793af547aee'
down_revision = 'ee2823c4a429'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('purged_cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('purged_at', sa.DateTime(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('stage', sa.Enum('intake', 'screened', 'in_review', 'needs_info', 'approved', 'referred', 'not_yet', 'closed', 'filed', 'biometrics', 'interview', 'continued', 'denied', 'oath', 'registered_to_vote', name='stage', native_enum=False, length=32), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['clinic_events.id'], name=op.f('fk_purged_cases_event_id_clinic_events'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_purged_cases_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_purged_cases'))
    )
    with op.batch_alter_table('purged_cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_purged_cases_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_purged_cases_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_purged_cases_purged_at'), ['purged_at'], unique=False)



def downgrade():
    with op.batch_alter_table('purged_cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_purged_cases_purged_at'))
        batch_op.drop_index(batch_op.f('ix_purged_cases_organization_id'))
        batch_op.drop_index(batch_op.f('ix_purged_cases_event_id'))

    op.drop_table('purged_cases')
