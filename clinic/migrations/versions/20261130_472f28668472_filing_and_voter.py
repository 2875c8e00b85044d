"""After approval: milestones, elections entered by admins, voter registrations.

Revision ID: 472f28668472
Revises: e0b0f5caa2a8
Create Date: 2026-11-30 13:44:56.436138

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '472f28668472'
down_revision = 'e0b0f5caa2a8'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('elections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=2), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_elections')),
    sa.UniqueConstraint('state', 'held_on', 'kind', name=op.f('uq_elections_state'))
    )
    with op.batch_alter_table('elections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_elections_held_on'), ['held_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_elections_state'), ['state'], unique=False)

    op.create_table('milestones',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('filed_on', sa.Date(), nullable=True),
    sa.Column('filing_method', sa.String(length=10), nullable=True),
    sa.Column('fee_paid', sa.String(length=10), nullable=True),
    sa.Column('receipt_number', sa.String(length=13), nullable=True),
    sa.Column('biometrics_on', sa.Date(), nullable=True),
    sa.Column('interview_on', sa.Date(), nullable=True),
    sa.Column('interview_result', sa.String(length=10), nullable=True),
    sa.Column('continued_reason', sa.String(length=300), nullable=True),
    sa.Column('response_due_on', sa.Date(), nullable=True),
    sa.Column('oath_on', sa.Date(), nullable=True),
    sa.Column('oath_place', sa.String(length=200), nullable=True),
    sa.Column('certificate_number', sa.String(length=20), nullable=True),
    sa.Column('certificate_recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_milestones_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['certificate_recorded_by_id'], ['users.id'], name=op.f('fk_milestones_certificate_recorded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_milestones')),
    sa.UniqueConstraint('case_id', name=op.f('uq_milestones_case_id'))
    )
    with op.batch_alter_table('milestones', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_milestones_oath_on'), ['oath_on'], unique=False)

    op.create_table('voter_registrations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=2), nullable=True),
    sa.Column('has_license', sa.Boolean(), nullable=False),
    sa.Column('license_shows_citizenship', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=True),
    sa.Column('channel', sa.String(length=16), nullable=True),
    sa.Column('confirmed_on', sa.Date(), nullable=True),
    sa.Column('confirmed_how', sa.String(length=200), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('declined_on', sa.Date(), nullable=True),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_voter_registrations_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_voter_registrations_updated_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_voter_registrations')),
    sa.UniqueConstraint('case_id', name=op.f('uq_voter_registrations_case_id'))
    )


def downgrade():
    op.drop_table('voter_registrations')
    with op.batch_alter_table('milestones', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_milestones_oath_on'))

    op.drop_table('milestones')
    with op.batch_alter_table('elections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_elections_state'))
        batch_op.drop_index(batch_op.f('ix_elections_held_on'))

    op.drop_table('elections')
