"""Cases and intake: clinic-day partners and staff, applicants, cases, interview sections and
screening runs.

Revision ID: 02c36f931a0a
Revises: 8ebef6f8714b
Create Date: 2026-11-30 12:53:08.484195

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '02c36f931a0a'
down_revision = '8ebef6f8714b'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('applicants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('given_names', sa.String(length=200), nullable=False),
    sa.Column('family_names', sa.String(length=200), nullable=False),
    sa.Column('name_tokens', sa.String(length=500), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=False),
    sa.Column('a_number', sa.String(length=9), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_applicants_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_applicants')),
    sa.UniqueConstraint('organization_id', 'a_number', name=op.f('uq_applicants_organization_id'))
    )
    with op.batch_alter_table('applicants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_applicants_date_of_birth'), ['date_of_birth'], unique=False)
        batch_op.create_index(batch_op.f('ix_applicants_name_tokens'), ['name_tokens'], unique=False)
        batch_op.create_index(batch_op.f('ix_applicants_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_applicants_phone'), ['phone'], unique=False)

    op.create_table('cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=20), nullable=True),
    sa.Column('applicant_id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('stage', sa.Enum('intake', 'screened', 'in_review', 'needs_info', 'approved', 'referred', 'not_yet', 'closed', 'filed', 'biometrics', 'interview', 'continued', 'denied', 'oath', 'registered_to_vote', name='stage', native_enum=False, length=32), nullable=False),
    sa.Column('stage_changed_at', sa.DateTime(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('closed_reason', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicants.id'], name=op.f('fk_cases_applicant_id_applicants')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_cases_created_by_id_users')),
    sa.ForeignKeyConstraint(['event_id'], ['clinic_events.id'], name=op.f('fk_cases_event_id_clinic_events')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_cases_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases')),
    sa.UniqueConstraint('reference', name=op.f('uq_cases_reference'))
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cases_applicant_id'), ['applicant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_stage'), ['stage'], unique=False)

    op.create_table('clinic_event_partners',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['clinic_events.id'], name=op.f('fk_clinic_event_partners_event_id_clinic_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_clinic_event_partners_organization_id_organizations')),
    sa.PrimaryKeyConstraint('event_id', 'organization_id', name=op.f('pk_clinic_event_partners'))
    )
    op.create_table('clinic_event_staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['clinic_events.id'], name=op.f('fk_clinic_event_staff_event_id_clinic_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_clinic_event_staff_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clinic_event_staff')),
    sa.UniqueConstraint('event_id', 'user_id', name=op.f('uq_clinic_event_staff_event_id'))
    )
    with op.batch_alter_table('clinic_event_staff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clinic_event_staff_user_id'), ['user_id'], unique=False)

    op.create_table('intake_sections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('complete', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_intake_sections_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_intake_sections_updated_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_intake_sections')),
    sa.UniqueConstraint('case_id', 'key', name=op.f('uq_intake_sections_case_id'))
    )
    with op.batch_alter_table('intake_sections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_intake_sections_case_id'), ['case_id'], unique=False)

    op.create_table('screening_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('facts', sa.JSON(), nullable=False),
    sa.Column('result', sa.JSON(), nullable=False),
    sa.Column('facts_hash', sa.String(length=64), nullable=False),
    sa.Column('rules_version', sa.String(length=10), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('earliest_filing_date', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_screening_runs_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_screening_runs_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screening_runs'))
    )
    with op.batch_alter_table('screening_runs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_screening_runs_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_screening_runs_earliest_filing_date'), ['earliest_filing_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_screening_runs_facts_hash'), ['facts_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_screening_runs_outcome'), ['outcome'], unique=False)



def downgrade():
    with op.batch_alter_table('screening_runs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_screening_runs_outcome'))
        batch_op.drop_index(batch_op.f('ix_screening_runs_facts_hash'))
        batch_op.drop_index(batch_op.f('ix_screening_runs_earliest_filing_date'))
        batch_op.drop_index(batch_op.f('ix_screening_runs_case_id'))

    op.drop_table('screening_runs')
    with op.batch_alter_table('intake_sections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_intake_sections_case_id'))

    op.drop_table('intake_sections')
    with op.batch_alter_table('clinic_event_staff', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clinic_event_staff_user_id'))

    op.drop_table('clinic_event_staff')
    op.drop_table('clinic_event_partners')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cases_stage'))
        batch_op.drop_index(batch_op.f('ix_cases_organization_id'))
        batch_op.drop_index(batch_op.f('ix_cases_event_id'))
        batch_op.drop_index(batch_op.f('ix_cases_applicant_id'))

    op.drop_table('cases')
    with op.batch_alter_table('applicants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_applicants_phone'))
        batch_op.drop_index(batch_op.f('ix_applicants_organization_id'))
        batch_op.drop_index(batch_op.f('ix_applicants_name_tokens'))
        batch_op.drop_index(batch_op.f('ix_applicants_date_of_birth'))

    op.drop_table('applicants')
