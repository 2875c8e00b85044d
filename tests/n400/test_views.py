"""Printing the N-400: the draft for attorneys and coordinators at any time, the form to sign only
after an approving sign-off that still stands, every download audited without personal data."""

import io
import logging

import pypdf
import pytest
from sqlalchemy import select

from clinic.audit import AuditEvent
from clinic.extensions import db
from clinic.review.models import Decision
from tests.helpers import page_text
from tests.n400.conftest import A_NUMBER


@pytest.fixture
def attorney(login_as):
    return login_as("attorney")


def downloads(app):
    with app.app_context():
        return db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "n400.downloaded")
        ).all()


def test_an_attorney_gets_the_draft_marked_on_every_page(app, attorney, n400_case, caplog):
    caplog.set_level(logging.DEBUG)
    response = attorney.get(f"/cases/{n400_case.id}/n400-draft.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"
    disposition = response.headers["Content-Disposition"]
    assert "draft" in disposition and A_NUMBER not in disposition and "Ruiz" not in disposition
    reader = pypdf.PdfReader(io.BytesIO(response.data))
    assert all("DRAFT" in page.extract_text() for page in reader.pages)
    (event,) = downloads(app)
    assert event.details["draft"] is True and event.actor_id == attorney.user.id
    assert A_NUMBER not in str(event.details) and "Ruiz" not in str(event.details)
    assert A_NUMBER not in caplog.text and "Ruiz" not in caplog.text


def test_the_form_to_sign_is_refused_before_an_approval(app, attorney, n400_case):
    response = attorney.get(f"/cases/{n400_case.id}/n400.pdf")
    assert response.status_code == 302 and response.location.endswith(f"/cases/{n400_case.id}")
    page = page_text(attorney.get(response.location))
    assert "No attorney has approved this case's answers" in page
    assert downloads(app) == []


def test_after_an_approving_sign_off_the_clean_form_prints(app, login_as, n400_case, sign):
    coordinator = login_as("coordinator")
    sign(n400_case, login_as("attorney").user)
    response = coordinator.get(f"/cases/{n400_case.id}/n400.pdf")
    assert response.status_code == 200
    reader = pypdf.PdfReader(io.BytesIO(response.data))
    assert not any("DRAFT" in page.extract_text() for page in reader.pages)
    fields = reader.get_fields()
    assert fields["form1[0].#subform[0].P2_Line1_FamilyName[0]"]["/V"] == "Ruiz Ortega"
    # Part 13: the attorney who approved, with the organization.
    assert fields["form1[0].#subform[11].P15_Line2_NameofBusinessorOrgName[0]"]["/V"]
    (event,) = downloads(app)
    assert event.details["draft"] is False


@pytest.mark.parametrize(
    ("decision", "void"),
    [(Decision.APPROVE, True), (Decision.NEEDS_INFO, False), (Decision.REFER, False)],
    ids=["voided approval", "needs info", "referred"],
)
def test_only_a_standing_approval_opens_the_clean_form(attorney, n400_case, sign, decision, void):
    sign(n400_case, attorney.user, decision=decision, void=void)
    assert attorney.get(f"/cases/{n400_case.id}/n400.pdf").status_code == 302
    assert attorney.get(f"/cases/{n400_case.id}/n400-draft.pdf").status_code == 200


@pytest.mark.parametrize("role", ["volunteer", "admin"])
def test_other_roles_may_not_print_it(login_as, n400_case, role):
    client = login_as(role)
    assert client.get(f"/cases/{n400_case.id}/n400-draft.pdf").status_code == 403
    assert client.get(f"/cases/{n400_case.id}/n400.pdf").status_code == 403


def test_the_case_page_shows_readiness_and_the_links(attorney, login_as, n400_case, sign):
    page = page_text(attorney.get(f"/cases/{n400_case.id}"))
    assert "N-400 ready: 98%" in page
    assert "Preparer's family name (Part 13)" in page  # nobody named, approved or interviewed
    assert "N-400 draft (PDF)" in page and "N-400 to sign (PDF)" not in page
    sign(n400_case, attorney.user)
    page = page_text(attorney.get(f"/cases/{n400_case.id}"))
    assert "N-400 to sign (PDF)" in page and "N-400 ready: 100%" in page  # the signer prepared
    volunteer_page = page_text(login_as("volunteer").get(f"/cases/{n400_case.id}"))
    assert "N-400 ready" in volunteer_page and "N-400 draft (PDF)" not in volunteer_page


def test_a_new_case_is_far_from_ready(attorney, make):
    case = make.case()
    page = page_text(attorney.get(f"/cases/{case.id}"))
    assert "N-400 ready: " in page and "Missing: Basis of eligibility (Part 1)" in page
    assert attorney.get(f"/cases/{case.id}/n400-draft.pdf").status_code == 200


@pytest.mark.parametrize("path", ["/cases/99999999999999999999999/n400.pdf", "/cases/0/n400.pdf"])
def test_a_case_that_is_not_there_is_404(attorney, path):
    assert attorney.get(path).status_code == 404


def test_bad_stored_answers_never_break_the_download(app, attorney, make):
    """Answers from older interviews or odd data: left blank, never a server error."""
    case = make.case_at(
        "in_review",
        answers={
            "biographic": {"height_feet": "tall", "weight_pounds": -5, "race": "asian"},
            "trips": {"trips": ["not a row", {"departed": "someday"}]},
            "marriage": {"status": "married", "prior_marriages": "two", "children": []},
            "residence": {"addresses": [{"moved_in": None}]},
        },
    )
    assert attorney.get(f"/cases/{case.id}/n400-draft.pdf").status_code == 200
    assert attorney.get(f"/cases/{case.id}").status_code == 200
