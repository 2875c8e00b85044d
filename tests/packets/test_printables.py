"""Checklists, review sheets and clinic-day packets, read back from the PDFs themselves."""

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from clinic.cases.models import Case
from clinic.clock import utcnow
from clinic.extensions import db
from clinic.packets import services
from clinic.packets.models import PacketFile
from clinic.packets.pdf import make_fetcher, render_pdf
from tests.intake.answers import complete_interview, post_section


def pdf_text(data):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def volunteer(login_as):
    return login_as("volunteer")


@pytest.fixture
def interviewed(make, volunteer):
    def interview(**sections):
        case = make.case(make.event(staff=[volunteer.user]), by=volunteer.user)
        complete_interview(volunteer, case.id)
        for key, answers in sections.items():
            post_section(volunteer, case.id, key, answers)
        return case

    return interview


def checklist_pdf(client, case_id):
    response = client.get(f"/cases/{case_id}/print/checklist.pdf")
    assert response.status_code == 200
    return response


def test_checklist_downloads_as_an_attachment_named_without_personal_data(volunteer, interviewed):
    case = interviewed()
    response = checklist_pdf(volunteer, case.id)
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "checklist-2026-" in disposition and "Nguy" not in disposition
    assert response.mimetype == "application/pdf"
    text = pdf_text(response.data)
    assert "Your citizenship checklist" in text and "Lan Nguyễn" in text
    assert "Page 1 of" in text and "Case 2026-" in text
    # running header and footer: organization, clinic day, print date
    assert "Lawrence Community Works" in text and "Citizenship Day, 5 Dec 2026" in text
    assert "Printed 30 Nov 2026" in text


def test_married_applicant_on_the_three_year_path_brings_the_marriage_documents(
    volunteer, interviewed
):
    case = interviewed(
        green_card={"lpr_since": "06/01/2023"},
        marriage={
            "status": "married",
            "married_on": "09/10/2022",
            "spouse_citizen": "yes",
            "spouse_citizen_since": "02/02/1988",
            "spouse_employed_abroad": "no",
        },
    )
    text = pdf_text(checklist_pdf(volunteer, case.id).data)
    # Not reviewed yet: the screening alone never tells anyone to apply.
    assert "The clinic's attorney will review your answers before you apply." in text.replace(
        "\n", " "
    )
    for document in (  # in the applicant's words (packets/applicant_words.py)
        "Your marriage certificate",
        "Proof that your spouse is a U.S. citizen",
        "Proof that you and your spouse lived together for the last 3 years",
    ):
        assert document in text.replace("\n", " ")


def test_a_qualifying_household_is_told_about_the_fee_waiver(volunteer, interviewed):
    case = interviewed(household={"size": "4", "income": "31000"})
    text = pdf_text(checklist_pdf(volunteer, case.id).data).replace("\n", " ")
    assert "fee waiver, Form I-912" in text and "apply on paper" in text


def test_the_checklist_never_shows_the_a_number_or_record_details(volunteer, interviewed):
    case = interviewed(
        character={
            "arrests_or_charges": "1",
            "convictions-0-date": "03/03/2024",
            "convictions-0-kind": "moral_turpitude",
            "convictions-0-details": "shoplifting at the mall",
        }
    )
    text = pdf_text(checklist_pdf(volunteer, case.id).data)
    for secret in (
        "123456789",
        "123-456-789",
        "shoplifting",
        "moral turpitude",
        "conviction",
        "arrest",
    ):
        assert secret not in text.lower()
    assert "Please do not apply" in text


def test_review_sheet_shows_findings_and_sign_off_to_attorneys_only(login_as, interviewed):
    case = interviewed(trips={"trips-0-departed": "01/05/2023", "trips-0-returned": "07/24/2023"})
    attorney = login_as("attorney")
    response = attorney.get(f"/cases/{case.id}/print/review-sheet.pdf")
    text = pdf_text(response.data).replace("\n", " ")
    assert "TRIP_OVER_180" in text and "Not signed off yet." in text
    assert "A-number 123456789" in text
    assert login_as("volunteer").get(f"/cases/{case.id}/print/review-sheet.pdf").status_code == 403


def test_previews_are_the_same_templates_in_the_browser(volunteer, interviewed):
    case = interviewed()
    page = volunteer.get(f"/cases/{case.id}/print/checklist").get_data(as_text=True)
    assert "Preview of what will print." in page and "css/print.css" in page
    assert "Your citizenship checklist" in page


def test_the_fetcher_serves_static_files_only(app):
    fetcher = make_fetcher(app.static_folder)
    from weasyprint.urls import URLFetchingError

    for url in (
        "file:///etc/passwd",
        "http://example.com/logo.png",
        f"file://{app.static_folder}/../setup.cfg",
    ):
        with pytest.raises(URLFetchingError):
            fetcher.fetch(url)
    served = fetcher.fetch(f"file://{app.static_folder}/css/print.css")
    assert b"@page" in served.read()


def test_a_template_cannot_pull_in_local_files_or_the_network(app):
    html = (
        '<html><body><p>Hello</p><img src="file:///etc/passwd">'
        '<link rel="stylesheet" href="http://example.com/evil.css">'
        '<object data="file:///etc/passwd"></object></body></html>'
    )
    text = pdf_text(render_pdf(html, app.static_folder))
    assert "Hello" in text and "root:" not in text


def test_packet_has_cover_roster_checklists_and_a_bookmark_per_applicant(app, login_as, make):
    coordinator = login_as("coordinator")
    volunteer = login_as("volunteer")
    event = make.event(staff=[volunteer.user])
    names = [("Ana", "Souza"), ("João", "Ferreira"), ("Thị Lan", "Nguyễn")]
    for given, family in names:
        case = make.case(event, given=given, family=family, by=volunteer.user)
        complete_interview(
            volunteer,
            case.id,
            green_card={"a_number": ""},
            contact={"given_names": given, "family_names": family},
        )
    response = coordinator.post(f"/events/{event.id}/packet")
    job_url = response.headers["Location"]
    status = coordinator.get(f"{job_url}/status").get_json()
    # the cover, the roster (one part of up to 50 rows), then the three checklists
    assert status == {"status": "done", "done": 5, "total": 5, "percent": 100, "ahead": 0}
    download = coordinator.get(f"{job_url}/download")
    assert download.status_code == 200
    assert "packet.pdf" in download.headers["Content-Disposition"]
    data = download.data
    download.close()
    reader = PdfReader(io.BytesIO(data))
    titles = [item.title for item in reader.outline]
    assert titles[0] == "Cover and roster"
    assert sorted(t.split(" (")[0] for t in titles[1:]) == sorted(f"{g} {f}" for g, f in names)
    cover = reader.pages[0].extract_text() + reader.pages[1].extract_text()
    assert "3 applicants" in cover and "Roster" in cover and "123456789" not in cover
    assert len(reader.pages) >= 1 + 3  # at least a page each after the cover


def test_packets_are_deleted_after_the_keeping_time(app, login_as, make, clock):
    coordinator = login_as("coordinator")
    event = make.event()
    job_url = coordinator.post(f"/events/{event.id}/packet").headers["Location"]
    download = coordinator.get(f"{job_url}/download")
    assert download.status_code == 200
    download.close()
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(PacketFile)) == 1
    clock.advance(hours=25)
    with app.app_context():
        assert services.purge_old_packets(utcnow()) == 1
        db.session.commit()
        assert db.session.scalar(select(func.count()).select_from(PacketFile)) == 0
    # The first session has ended by now (12-hour limit): a coordinator who logs in afresh is
    # told the packet is gone, so the 404 says the file was purged, not that nobody is logged in.
    fresh = login_as("coordinator")
    assert "was deleted after 24 hours" in fresh.get(job_url).get_data(as_text=True)
    assert fresh.get(f"{job_url}/download").status_code == 404


def test_every_demo_applicant_prints(app, runner):
    runner.invoke(args=["clinic", "seed-demo"])
    with app.app_context(), app.test_request_context():
        now = utcnow()
        for case in db.session.scalars(select(Case)):
            for kind in ("checklist", "review_sheet"):
                assert "<html" in services.case_html(kind, case, now)
            assert pdf_text(services.case_pdf("checklist", case, now))


def test_a_packet_renders_on_a_pool_of_processes(app, make):
    make.user("coordinator")
    event = make.event()
    for given in ("Ana", "Bia", "Caio"):
        make.case(event, given=given)
    job_id = make.packet_job(event, processes=2)
    with app.app_context():
        from clinic.packets.models import PacketJob

        job = db.session.get(PacketJob, job_id)
        assert (job.status, job.done, job.total) == ("done", 5, 5)


def test_the_packet_cover_counts_one_applicant_in_the_singular(login_as, make):
    volunteer, coordinator = login_as("volunteer"), login_as("coordinator")
    event = make.event()
    case = make.case(event, given="Ana", family="Souza", by=volunteer.user)
    complete_interview(volunteer, case.id, green_card={"a_number": ""})
    job_url = coordinator.post(f"/events/{event.id}/packet").headers["Location"]
    download = coordinator.get(f"{job_url}/download")
    cover = PdfReader(io.BytesIO(download.data)).pages[0].extract_text()
    download.close()
    assert "· 1 applicant" in cover and "1 applicants" not in cover
