"""What applicants and coordinators read on printables, from the PDFs and previews themselves."""

import datetime
import io
import itertools

import pytest
from pypdf import PdfReader

from clinic.auth.models import Organization
from clinic.extensions import db
from clinic.screening.data import fee_schedule, rules_data
from tests.factories import DEFAULT_PASSWORD
from tests.helpers import page_text, second_factor_code
from tests.intake.answers import case_version, complete_interview, post_section

TRIP_200_DAYS = {"trips-0-departed": "01/05/2023", "trips-0-returned": "07/24/2023"}
WAIVER_HOUSEHOLD = {"size": "4", "income": "31000"}
A_NUMBERS = itertools.count(200000001)
FEES = fee_schedule(rules_data(), datetime.date(2026, 11, 30))


def pdf_pages(data):
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def checklist_text(client, case_id):
    response = client.get(f"/cases/{case_id}/print/checklist.pdf")
    assert response.status_code == 200
    return " ".join("\n".join(pdf_pages(response.data)).split())


@pytest.fixture
def volunteer(login_as):
    return login_as("volunteer")


@pytest.fixture
def attorney(login_as):
    return login_as("attorney")


@pytest.fixture
def interviewed(make, volunteer):
    event = make.event(staff=[volunteer.user])

    def interview(given="Lan", **sections):
        case = make.case(event, given=given, by=volunteer.user)
        complete_interview(
            volunteer,
            case.id,
            **{
                "contact": {"given_names": given},
                "green_card": {"a_number": f"A{next(A_NUMBERS)}"},  # one per person
                **sections,
            },
        )
        return case

    interview.event = event
    return interview


def send_to_review(volunteer, case_id):
    for step in ("finish_intake", "send_to_review"):
        volunteer.post(
            f"/cases/{case_id}/step/{step}", data={"version": case_version(volunteer, case_id)}
        )


def decide(attorney, case_id, decision, **fields):
    page = attorney.get(f"/review/{case_id}").get_data(as_text=True)
    facts_hash = page.split('name="facts_hash" type="hidden" value="')[1].split('"')[0]
    data = {
        "facts_hash": facts_hash,
        "decision": decision,
        "password": DEFAULT_PASSWORD,
        "code": second_factor_code(attorney.application, attorney.user),
        "resolution-TRIP_OVER_180": "wait" if decision == "not_yet" else "rebutted",
        "note-TRIP_OVER_180": "Kept job and lease; employer letter in file.",
        **fields,
    }
    response = attorney.post(f"/review/{case_id}", data=data)
    assert response.status_code == 302


def test_a_case_never_reviewed_waits_for_the_attorney(volunteer, interviewed):
    case = interviewed()
    text = checklist_text(volunteer, case.id)
    assert "The clinic's attorney will review your answers before you apply." in text
    assert "You can apply for U.S. citizenship now" not in text


def test_a_not_yet_decision_gives_its_come_back_date_everywhere(volunteer, attorney, interviewed):
    case = interviewed(trips=TRIP_200_DAYS)
    send_to_review(volunteer, case.id)
    decide(attorney, case.id, "not_yet", come_back_on="02/03/2028")

    text = checklist_text(volunteer, case.id)
    assert "come back to the clinic on 3 Feb 2028" in text
    assert "A lawyer must look at your case" not in text
    assert "Earliest date to apply" not in text and "2020" not in text
    page = page_text(volunteer.get(f"/cases/{case.id}"))
    assert "Feb 3, 2028 (the attorney's come-back date)" in page
    assert "Jul 12, 2020" not in page


def test_a_voided_sign_off_counts_as_not_decided(volunteer, attorney, interviewed):
    case = interviewed(trips=TRIP_200_DAYS)
    send_to_review(volunteer, case.id)
    decide(attorney, case.id, "not_yet", come_back_on="02/03/2028")
    post_section(volunteer, case.id, "trips", {**TRIP_200_DAYS, "trips-0-returned": "07/30/2023"})

    text = checklist_text(volunteer, case.id)
    assert "The clinic's attorney will review your answers before you apply." in text
    assert "3 Feb 2028" not in text


def test_a_person_sworn_in_reads_the_next_step_not_apply_now(make, login_as):
    coordinator = login_as("coordinator")
    case = make.case_at(
        "oath",
        oath_on=datetime.date(2026, 11, 20),
        oath_place="Faneuil Hall",
        certificate_number="12345678",
    )
    text = checklist_text(coordinator, case.id)
    assert "You became a U.S. citizen on 20 Nov 2026." in text
    assert "register to vote" in text and "passport" in text
    assert "You can apply" not in text and "Do not register to vote yet" not in text


def test_fee_savings_count_only_people_approved_to_file(login_as, volunteer, attorney, interviewed):
    approved = interviewed("Ana", household=WAIVER_HOUSEHOLD)
    referred = interviewed("Bia", household=WAIVER_HOUSEHOLD, trips=TRIP_200_DAYS)
    waiting = interviewed("Caio", household=WAIVER_HOUSEHOLD, trips=TRIP_200_DAYS)
    interviewed("Davi", household=WAIVER_HOUSEHOLD)  # never reviewed
    for case in (approved, referred, waiting):
        send_to_review(volunteer, case.id)
    decide(attorney, approved.id, "approve")
    decide(attorney, referred.id, "refer", referred_to="Greater Boston Legal Services")
    decide(attorney, waiting.id, "not_yet", come_back_on="02/03/2028")

    cover = " ".join(
        page_text(login_as("coordinator").get(f"/events/{interviewed.event.id}/packet")).split()
    )
    saving = FEES.full_paper - FEES.waiver
    assert (
        "Only people an attorney approved to file count here: of those 1, 1 with a fee waiver "
        f"and 0 with a reduced fee save ${saving:,} in filing fees against the full paper fee."
    ) in cover


def test_the_fee_sentence_uses_the_dated_fee_data(volunteer, interviewed):
    case = interviewed(household=WAIVER_HOUSEHOLD)
    text = checklist_text(volunteer, case.id)
    assert f"not to charge the ${FEES.full_paper} fee (a fee waiver, Form I-912)" in text


def test_a_typical_checklist_fits_one_page_in_english_and_two_in_two_languages(
    volunteer, interviewed
):
    case = interviewed()
    response = volunteer.get(f"/cases/{case.id}/print/checklist.pdf?language=en")
    pages = pdf_pages(response.data)
    assert len(pages) == 1
    assert "Documents to bring" in pages[0] and "It is not legal advice" in pages[0]
    # The interview's language (Vietnamese) with the English beneath: one sheet, both sides.
    assert len(pdf_pages(volunteer.get(f"/cases/{case.id}/print/checklist.pdf").data)) == 2


def test_the_organization_contact_keeps_its_lines_and_formats_phones(app, make, volunteer):
    case = make.case(make.event(staff=[volunteer.user]), by=volunteer.user)
    complete_interview(volunteer, case.id)
    with app.app_context():
        organization = db.session.get(Organization, case.organization_id)
        organization.contact = "12 Elm St, Lawrence\n6175550199\nMon-Thu 9-5"
        db.session.commit()
    response = volunteer.get(f"/cases/{case.id}/print/checklist.pdf")
    text = "\n".join(pdf_pages(response.data))
    assert "12 Elm St, Lawrence\n(617) 555-0199\nMon-Thu 9-5" in text


def test_previews_lead_back_to_the_case_and_the_clinic_day(login_as, volunteer, interviewed):
    case = interviewed()
    preview = volunteer.get(f"/cases/{case.id}/print/checklist").get_data(as_text=True)
    assert f'<a href="/cases/{case.id}">Back to the case</a>' in preview
    packet = login_as("coordinator").get(f"/events/{interviewed.event.id}/packet")
    html = packet.get_data(as_text=True)
    assert f'<a href="/events/{interviewed.event.id}">Back to the clinic day</a>' in html
    assert "style=" not in html


def test_the_review_claim_shows_the_clinics_time_not_utc(app, attorney, volunteer, interviewed):
    case = interviewed(trips=TRIP_200_DAYS)
    send_to_review(volunteer, case.id)
    app.config["REVIEW_CLAIM_MINUTES"] = 14  # claimed at 15:00 UTC: until 15:14 UTC, 10:14 EST
    attorney.post(f"/review/{case.id}/claim")
    page = page_text(attorney.get(f"/review/{case.id}"))
    assert "You are reviewing this case until 10:14." in page
    assert "UTC" not in page


def test_numbers_print_in_the_clinic_font_not_an_emoji_font(volunteer, interviewed):
    # Noto Color Emoji also maps 0-9: named in the print CSS, it would draw every number.
    case = interviewed()
    response = volunteer.get(f"/cases/{case.id}/print/checklist.pdf")
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in PdfReader(io.BytesIO(response.data)).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and not any("Emoji" in name for name in fonts)
