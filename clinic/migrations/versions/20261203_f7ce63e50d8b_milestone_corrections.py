"""Corrected milestone dates: the date before and after, and why.

Revision ID: f7ce63e50d8b
Revises: 472f28668472
Create Date: 2026-12-03 09:45:16.379505

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f7ce63e50d8b'
down_revision = '472f28668472'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('milestone_corrections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=20), nullable=False),
    sa.Column('before', sa.Date(), nullable=False),
    sa.Column('after', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('corrected_by_id', sa.Integer(), nullable=True),
    sa.Column('corrected_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_milestone_corrections_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['corrected_by_id'], ['users.id'], name=op.f('fk_milestone_corrections_corrected_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_milestone_corrections'))
    )
    with op.batch_alter_table('milestone_corrections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_milestone_corrections_case_id'), ['case_id'], unique=False)



def downgrade():
    with op.batch_alter_table('milestone_corrections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_milestone_corrections_case_id'))

    op.drop_table('milestone_corrections')
