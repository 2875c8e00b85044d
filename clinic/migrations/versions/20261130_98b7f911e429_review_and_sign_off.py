"""Attorney review: claims on cases, sign-offs (never edited) and their voids.

Revision ID: 98b7f911e429
Revises: 02c36f931a0a
Create Date: 2026-11-30 13:07:09.527414

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '98b7f911e429'
down_revision = '02c36f931a0a'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('review_claims',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('attorney_id', sa.Integer(), nullable=False),
    sa.Column('claimed_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['attorney_id'], ['users.id'], name=op.f('fk_review_claims_attorney_id_users')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_review_claims_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_claims')),
    sa.UniqueConstraint('case_id', name=op.f('uq_review_claims_case_id'))
    )
    op.create_table('sign_offs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('screening_run_id', sa.Integer(), nullable=False),
    sa.Column('signer_id', sa.Integer(), nullable=False),
    sa.Column('signer_name', sa.String(length=200), nullable=False),
    sa.Column('credential', sa.String(length=150), nullable=False),
    sa.Column('signed_at', sa.DateTime(), nullable=False),
    sa.Column('decision', sa.Enum('approve', 'approve_with_conditions', 'needs_info', 'refer', 'not_yet', 'close', name='decision', native_enum=False, length=32), nullable=False),
    sa.Column('resolutions', sa.JSON(), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('facts_hash', sa.String(length=64), nullable=False),
    sa.Column('facts', sa.JSON(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_sign_offs_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['screening_run_id'], ['screening_runs.id'], name=op.f('fk_sign_offs_screening_run_id_screening_runs')),
    sa.ForeignKeyConstraint(['signer_id'], ['users.id'], name=op.f('fk_sign_offs_signer_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sign_offs'))
    )
    with op.batch_alter_table('sign_offs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sign_offs_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sign_offs_facts_hash'), ['facts_hash'], unique=False)

    op.create_table('sign_off_voids',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sign_off_id', sa.Integer(), nullable=False),
    sa.Column('voided_at', sa.DateTime(), nullable=False),
    sa.Column('voided_by_id', sa.Integer(), nullable=True),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['sign_off_id'], ['sign_offs.id'], name=op.f('fk_sign_off_voids_sign_off_id_sign_offs'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['voided_by_id'], ['users.id'], name=op.f('fk_sign_off_voids_voided_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sign_off_voids')),
    sa.UniqueConstraint('sign_off_id', name=op.f('uq_sign_off_voids_sign_off_id'))
    )


def downgrade():
    op.drop_table('sign_off_voids')
    with op.batch_alter_table('sign_offs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sign_offs_facts_hash'))
        batch_op.drop_index(batch_op.f('ix_sign_offs_case_id'))

    op.drop_table('sign_offs')
    op.drop_table('review_claims')
