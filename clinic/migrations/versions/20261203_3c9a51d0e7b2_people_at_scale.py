"""People at coalition scale: name words and their keys for the duplicate finder, strong-key
indexes, possible duplicates across member organizations, an index on the audit trail's object, finding codes and missing-document counts that
lists filter on. Backfills all four from the rows already there.

Revision ID: 3c9a51d0e7b2
Revises: a4d2c6e8f013
Create Date: 2026-12-03 14:35:00

"""
from alembic import op
import sqlalchemy as sa

# The answers and results are encrypted at rest (an earlier migration): read them decrypted.
from clinic.security.types import EncryptedJSON


# revision identifiers, used by Alembic.
revision = '3c9a51d0e7b2'
down_revision = 'a4d2c6e8f013'
branch_labels = None
depends_on = None

BATCH = 2000


def upgrade():
    op.create_table('applicant_name_words',
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('word', sa.String(length=64), nullable=False),
    sa.Column('applicant_id', sa.Integer(), nullable=False),
    sa.Column('word_count', sa.SmallInteger(), nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicants.id'], name=op.f('fk_applicant_name_words_applicant_id_applicants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_applicant_name_words_organization_id_organizations')),
    sa.PrimaryKeyConstraint('organization_id', 'word', 'applicant_id', name=op.f('pk_applicant_name_words')),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('applicant_name_words', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_applicant_name_words_applicant_id'), ['applicant_id'], unique=False)

    op.create_table('name_word_keys',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('word', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('key', 'word', name=op.f('pk_name_word_keys')),
    sqlite_with_rowid=False
    )
    op.create_table('possible_duplicates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('applicant_id', sa.Integer(), nullable=False),
    sa.Column('other_applicant_id', sa.Integer(), nullable=False),
    sa.Column('reasons', sa.String(length=200), nullable=False),
    sa.Column('found_at', sa.DateTime(), nullable=False),
    sa.Column('found_by_id', sa.Integer(), nullable=True),
    sa.Column('linked_at', sa.DateTime(), nullable=True),
    sa.Column('linked_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicants.id'], name=op.f('fk_possible_duplicates_applicant_id_applicants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['found_by_id'], ['users.id'], name=op.f('fk_possible_duplicates_found_by_id_users')),
    sa.ForeignKeyConstraint(['linked_by_id'], ['users.id'], name=op.f('fk_possible_duplicates_linked_by_id_users')),
    sa.ForeignKeyConstraint(['other_applicant_id'], ['applicants.id'], name=op.f('fk_possible_duplicates_other_applicant_id_applicants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_possible_duplicates')),
    sa.UniqueConstraint('applicant_id', 'other_applicant_id', name=op.f('uq_possible_duplicates_applicant_id'))
    )
    with op.batch_alter_table('possible_duplicates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_possible_duplicates_applicant_id'), ['applicant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_possible_duplicates_found_at'), ['found_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_possible_duplicates_other_applicant_id'), ['other_applicant_id'], unique=False)

    with op.batch_alter_table('applicants', schema=None) as batch_op:
        batch_op.create_index('ix_applicants_organization_id_date_of_birth', ['organization_id', 'date_of_birth'], unique=False)
        batch_op.create_index('ix_applicants_organization_id_phone', ['organization_id', 'phone'], unique=False)

    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index('ix_audit_events_object_type_object_id', ['object_type', 'object_id'], unique=False)

    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('documents_missing', sa.Integer(), server_default='0', nullable=False))
        batch_op.create_index(batch_op.f('ix_cases_documents_missing'), ['documents_missing'], unique=False)

    with op.batch_alter_table('screening_runs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('finding_codes', sa.Text(), server_default=' ', nullable=False))

    _backfill_name_words()
    _backfill_finding_codes()
    _backfill_documents_missing()


def _backfill_name_words():
    # The finder's own functions, as they stand when this runs (`flask clinic reindex-names`
    # rebuilds the words after a change of rules).
    from clinic.cases.search import name_words, stored_words, word_keys

    connection = op.get_bind()
    applicants = sa.table('applicants', sa.column('id'), sa.column('organization_id'),
                          sa.column('given_names'), sa.column('family_names'))
    words_table = sa.table('applicant_name_words', sa.column('organization_id'), sa.column('word'),
                           sa.column('applicant_id'), sa.column('word_count'))
    keys_table = sa.table('name_word_keys', sa.column('key'), sa.column('word'))
    seen = set()
    last = 0
    while True:
        rows = connection.execute(
            sa.select(applicants).where(applicants.c.id > last).order_by(applicants.c.id).limit(BATCH)
        ).all()
        if not rows:
            break
        last = rows[-1].id
        words, keys = [], []
        for row in rows:
            count = len(name_words(row.given_names, row.family_names))
            for word in stored_words(row.given_names, row.family_names):
                words.append({'organization_id': row.organization_id, 'word': word,
                              'applicant_id': row.id, 'word_count': count})
                if word not in seen:
                    seen.add(word)
                    keys += [{'key': key, 'word': word} for key in word_keys(word)]
        connection.execute(words_table.insert(), words)
        if keys:
            connection.execute(keys_table.insert(), keys)


def _backfill_finding_codes():
    connection = op.get_bind()
    runs = sa.table('screening_runs', sa.column('id'), sa.column('result', EncryptedJSON('screening_runs.result')),
                    sa.column('finding_codes'))
    last = 0
    while True:
        rows = connection.execute(
            sa.select(runs.c.id, runs.c.result).where(runs.c.id > last).order_by(runs.c.id).limit(BATCH)
        ).all()
        if not rows:
            break
        last = rows[-1].id
        for row in rows:
            codes = sorted({f['code'] for f in (row.result or {}).get('findings', [])})
            connection.execute(
                runs.update().where(runs.c.id == row.id).values(finding_codes=' ' + ' '.join(codes) + ' ')
            )


def _backfill_documents_missing():
    connection = op.get_bind()
    runs = sa.table('screening_runs', sa.column('id'), sa.column('case_id'), sa.column('result', EncryptedJSON('screening_runs.result')))
    sections = sa.table('intake_sections', sa.column('case_id'), sa.column('key'), sa.column('answers', EncryptedJSON('intake_sections.answers')))
    cases = sa.table('cases', sa.column('id'), sa.column('documents_missing'))
    latest = sa.select(sa.func.max(runs.c.id)).group_by(runs.c.case_id).scalar_subquery()
    brought = {
        row.case_id: set((row.answers or {}).get('brought', []))
        for row in connection.execute(sa.select(sections).where(sections.c.key == 'documents'))
    }
    for row in connection.execute(sa.select(runs.c.case_id, runs.c.result).where(runs.c.id.in_(latest))).all():
        documents = (row.result or {}).get('documents', [])
        missing = [d for d in documents if d['code'] not in brought.get(row.case_id, set())]
        if missing:
            connection.execute(cases.update().where(cases.c.id == row.case_id).values(documents_missing=len(missing)))


def downgrade():
    with op.batch_alter_table('screening_runs', schema=None) as batch_op:
        batch_op.drop_column('finding_codes')

    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cases_documents_missing'))
        batch_op.drop_column('documents_missing')

    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_events_object_type_object_id')

    with op.batch_alter_table('applicants', schema=None) as batch_op:
        batch_op.drop_index('ix_applicants_organization_id_phone')
        batch_op.drop_index('ix_applicants_organization_id_date_of_birth')

    with op.batch_alter_table('possible_duplicates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_possible_duplicates_other_applicant_id'))
        batch_op.drop_index(batch_op.f('ix_possible_duplicates_found_at'))
        batch_op.drop_index(batch_op.f('ix_possible_duplicates_applicant_id'))

    op.drop_table('possible_duplicates')
    op.drop_table('name_word_keys')
    with op.batch_alter_table('applicant_name_words', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_applicant_name_words_applicant_id'))

    op.drop_table('applicant_name_words')
