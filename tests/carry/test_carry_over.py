"""After the server has the day, the laptop purges it (with the server's receipt), keeping
counts; the coordinator's page exports and carries over, the admin's page imports."""

import io

import pytest
from sqlalchemy import func, select

from clinic.carry.models import DayExport
from clinic.cases.models import Applicant, Case, IntakeSection
from clinic.extensions import db
from clinic.review.models import SignOff
from clinic.security.models import PurgedCases
from tests.carry.conftest import export_bundle, import_into
from tests.factories import Factory
from tests.helpers import log_in_with, page_text


def count(app, model, *where):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).where(*where))


def carry_over(laptop, event_id, receipt):
    return laptop.test_cli_runner().invoke(
        args=["clinic", "carry-over", str(event_id), "--receipt", receipt, "--yes"]
    )


def test_carrying_over_purges_the_day_and_keeps_its_counts(server, laptop, demo_day):
    cases = count(laptop, Case, Case.event_id == demo_day.id)
    receipt = import_into(server, export_bundle(laptop, demo_day.id)).receipt
    result = carry_over(laptop, demo_day.id, receipt)
    assert result.exit_code == 0, result.output
    assert f"{cases} cases purged" in result.output
    assert count(laptop, Case, Case.event_id == demo_day.id) == 0
    with laptop.app_context():
        kept = db.session.scalar(
            select(func.sum(PurgedCases.count)).where(PurgedCases.event_id == demo_day.id)
        )
        export = db.session.scalars(select(DayExport)).one()
        assert kept == cases and export.carried_over_at is not None
    assert count(laptop, Case) > 0  # the other days stay
    assert count(laptop, SignOff, SignOff.case_id.not_in(select(Case.id))) == 0
    assert count(laptop, IntakeSection, IntakeSection.case_id.not_in(select(Case.id))) == 0
    assert (
        count(laptop, Applicant, ~select(Case.id).where(Case.applicant_id == Applicant.id).exists())
        == 0
    )


def test_carrying_over_needs_the_receipt_of_this_days_export(server, laptop, demo_day):
    export_bundle(laptop, demo_day.id)
    result = carry_over(laptop, demo_day.id, "ABCD1234")
    assert result.exit_code == 1 and "not the receipt" in result.output
    assert count(laptop, Case, Case.event_id == demo_day.id) > 0


def test_cases_changed_after_the_export_are_named_before_the_purge(server, laptop, demo_day, clock):
    receipt = import_into(server, export_bundle(laptop, demo_day.id)).receipt
    clock.advance(minutes=5)
    Factory(laptop).case(demo_day, given="Late", family="Arrival")
    result = carry_over(laptop, demo_day.id, receipt)
    assert result.exit_code == 1 and "1 case of this day changed after that export" in result.output
    assert count(laptop, Case, Case.event_id == demo_day.id) > 0
    redone = laptop.test_cli_runner().invoke(
        args=["clinic", "carry-over", str(demo_day.id), "--receipt", receipt, "--changed-too"],
        input="y\n",
    )
    assert redone.exit_code == 0, redone.output
    assert count(laptop, Case, Case.event_id == demo_day.id) == 0


def _laptop_coordinator(laptop, event):
    make = Factory(laptop)
    with laptop.app_context():
        from clinic.events.models import ClinicEvent

        host = db.session.get(ClinicEvent, event.id).host_organization.name
    user = make.user("coordinator", organization=host)
    client = laptop.test_client()
    log_in_with(client, user)
    return client


def test_the_coordinators_page_exports_and_carries_over(server, laptop, demo_day):
    client = _laptop_coordinator(laptop, demo_day)
    page = client.get(f"/events/{demo_day.id}/carry")
    assert page.status_code == 200 and "Export the day" in page_text(page)
    download = client.post(f"/events/{demo_day.id}/carry/export")
    assert download.status_code == 200
    assert download.headers["Content-Disposition"].startswith("attachment;")
    receipt = import_into(server, download.data).receipt

    refused = client.post(f"/events/{demo_day.id}/carry/over", data={"receipt": receipt})
    assert refused.status_code == 422 and "Tick this box" in page_text(refused)
    wrong = client.post(
        f"/events/{demo_day.id}/carry/over", data={"receipt": "NOTTHIS1", "confirm": "y"}
    )
    assert wrong.status_code == 422 and "not the receipt" in page_text(wrong)
    assert 'value="NOTTHIS1"' in page_text(wrong)  # what was typed is kept
    done = client.post(
        f"/events/{demo_day.id}/carry/over",
        data={"receipt": receipt.lower(), "confirm": "y"},
        follow_redirects=True,
    )
    assert "cases purged from this laptop" in page_text(done)
    assert count(laptop, Case, Case.event_id == demo_day.id) == 0


def test_export_without_the_servers_key_says_what_to_do(server, laptop, demo_day, tmp_path):
    laptop.config["CARRY_KEY_FILE"] = str(tmp_path / "fresh-keys.json")
    client = _laptop_coordinator(laptop, demo_day)
    response = client.post(f"/events/{demo_day.id}/carry/export", follow_redirects=True)
    assert "does not know the coalition server's key" in page_text(response)
    assert count(laptop, DayExport) == 0


@pytest.fixture
def admin(login_as):
    return login_as("admin")


def test_the_admins_page_imports_and_reports(server, laptop, demo_day, admin):
    data = export_bundle(laptop, demo_day.id)
    upload = {"bundle": (io.BytesIO(data), "day.bundle")}
    response = admin.post("/admin/carry", data=upload, content_type="multipart/form-data")
    assert response.status_code == 302
    report = admin.get(response.headers["Location"])
    text = page_text(report)
    assert "Receipt" in text and "Needs a decision" in text and "On the server" in text
    again = admin.post(
        "/admin/carry",
        data={"bundle": (io.BytesIO(data), "day.bundle")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert "imported already: nothing changed" in page_text(again)
    assert "Citizenship Day" in page_text(admin.get("/admin/carry"))


def test_the_admins_page_refuses_a_bad_file_beside_the_field(server, laptop, demo_day, admin):
    data = export_bundle(laptop, demo_day.id)[:-10]
    before = count(server, Case)
    response = admin.post(
        "/admin/carry",
        data={"bundle": (io.BytesIO(data), "day.bundle")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert "cut short" in page_text(response)
    assert count(server, Case) == before
    empty = admin.post("/admin/carry", data={}, content_type="multipart/form-data")
    assert empty.status_code == 422 and "Choose the bundle file" in page_text(empty)


def test_a_day_bigger_than_a_page_upload_is_still_taken(server, admin):
    """The app refuses uploads over 1 MB; a bundle may be larger (up to CARRY_MAX_BUNDLE_BYTES)."""
    big = b"CLINIC-DAY\x00\x01" + b"\x00" * (2 * 1024 * 1024)
    # The body built by hand: the test client spools a large one to a file it leaves open.
    body = (
        b'--cut\r\nContent-Disposition: form-data; name="bundle"; filename="day.bundle"\r\n'
        b"Content-Type: application/octet-stream\r\n\r\n" + big + b"\r\n--cut--\r\n"
    )
    response = admin.post(
        "/admin/carry", data=body, content_type="multipart/form-data; boundary=cut"
    )
    assert response.status_code == 422 and "cut short" in page_text(response)
