"""`flask clinic n400 CASE OUT.pdf [--draft]`: the same rules as the web downloads."""

import io

import pypdf
from sqlalchemy import select

from clinic.audit import AuditEvent
from clinic.extensions import db


def run(runner, *args):
    return runner.invoke(args=["clinic", "n400", *map(str, args)])


def test_an_unapproved_case_is_refused_without_draft(runner, n400_case, tmp_path):
    out = tmp_path / "n400.pdf"
    result = run(runner, n400_case.id, out)
    assert result.exit_code != 0
    assert "No attorney has approved this case's answers" in result.output
    assert "Add --draft for the draft." in result.output
    assert not out.exists()


def test_the_draft_is_written_and_audited(app, runner, n400_case, tmp_path):
    out = tmp_path / "draft.pdf"
    result = run(runner, n400_case.id, out, "--draft")
    assert result.exit_code == 0, result.output
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    assert all("DRAFT" in page.extract_text() for page in reader.pages)
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "n400.downloaded"))
        assert event.details["via"] == "cli" and event.details["draft"] is True


def test_an_approved_case_prints_the_form_to_sign(runner, n400_case, sign, make, tmp_path):
    sign(n400_case, make.user("attorney"))
    out = tmp_path / "final.pdf"
    result = run(runner, n400_case.id, out)
    assert result.exit_code == 0, result.output
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    assert not any("DRAFT" in page.extract_text() for page in reader.pages)


def test_an_unknown_case_says_so(runner, tmp_path):
    result = run(runner, 424242, tmp_path / "x.pdf")
    assert result.exit_code != 0 and "No such case." in result.output
