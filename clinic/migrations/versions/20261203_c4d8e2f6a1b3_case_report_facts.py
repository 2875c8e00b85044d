"""What reports count a case by, in clear on the case beside the encrypted answers and results
it comes from: the preferred language, the state and town lived in now, and the latest
screening's outcome and finding codes. Backfilled from the answers (decrypted with the app's
keys) and the latest screening run.

Revision ID: c4d8e2f6a1b3
Revises: b7e1f3a9c254
Create Date: 2026-12-03 17:40:00

"""
import sqlalchemy as sa
from alembic import op

from clinic.security.types import EncryptedJSON

revision = 'c4d8e2f6a1b3'
down_revision = 'b7e1f3a9c254'
branch_labels = None
depends_on = None

COLUMNS = ("preferred_language", "home_state", "home_town", "screening_outcome", "screening_codes")


def upgrade():
    with op.batch_alter_table("cases") as batch_op:
        batch_op.add_column(sa.Column("preferred_language", sa.String(40), nullable=True))
        batch_op.add_column(sa.Column("home_state", sa.String(2), nullable=True))
        batch_op.add_column(sa.Column("home_town", sa.String(100), nullable=True))
        batch_op.add_column(sa.Column("screening_outcome", sa.String(16), nullable=True))
        batch_op.add_column(
            sa.Column("screening_codes", sa.Text(), nullable=False, server_default=" ")
        )
    _backfill(op.get_bind())


def spoken_language(answers):
    # As clinic.cases.models.spoken_language read it at this revision.
    from clinic.i18n.languages import known_language

    answer = answers.get("language")
    typed = str(answer).strip()[:40] if answer else ""
    return known_language(answer) or typed or None


def current_town(answers):
    for row in answers.get("addresses") or []:
        if isinstance(row, dict) and not row.get("moved_out"):
            return str(row.get("city") or "").strip()[:100] or None
    return None


def _backfill(connection):
    cases = sa.table("cases", sa.column("id"), *(sa.column(name) for name in COLUMNS))
    sections = sa.table(
        "intake_sections",
        sa.column("case_id"),
        sa.column("key"),
        sa.column("answers", EncryptedJSON("intake_sections.answers")),
    )
    runs = sa.table(
        "screening_runs",
        sa.column("id"),
        sa.column("case_id"),
        sa.column("outcome"),
        sa.column("finding_codes"),
    )
    facts = {}
    query = sa.select(sections.c.case_id, sections.c.key, sections.c.answers).where(
        sections.c.key.in_(("contact", "residence"))
    )
    for row in connection.execute(query):
        answers = row.answers or {}
        if row.key == "contact":
            facts.setdefault(row.case_id, {})["preferred_language"] = spoken_language(answers)
        else:
            facts.setdefault(row.case_id, {}).update(
                home_state=answers.get("state") or None, home_town=current_town(answers)
            )
    newest = sa.select(sa.func.max(runs.c.id)).group_by(runs.c.case_id)
    query = sa.select(runs.c.case_id, runs.c.outcome, runs.c.finding_codes).where(
        runs.c.id.in_(newest)
    )
    for row in connection.execute(query):
        facts.setdefault(row.case_id, {}).update(
            screening_outcome=row.outcome, screening_codes=row.finding_codes or " "
        )
    for case_id, values in facts.items():
        connection.execute(cases.update().where(cases.c.id == case_id).values(**values))


def downgrade():
    with op.batch_alter_table("cases") as batch_op:
        for name in reversed(COLUMNS):
            batch_op.drop_column(name)
