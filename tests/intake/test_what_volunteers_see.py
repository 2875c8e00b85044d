"""What a volunteer reads and where the focus goes during the interview: answers that may be
declined, a provisional screening, every error at once, questions asked only of those they
apply to, and sentences that read right."""

import re
from datetime import date

import pytest

from clinic.cases.models import Case
from clinic.extensions import db
from clinic.intake.sections import BY_KEY, question_labels
from tests.helpers import page_text
from tests.intake.answers import COMPLETE, case_version, complete_interview, post_section


@pytest.fixture
def volunteer(login_as):
    return login_as("volunteer")


@pytest.fixture
def case(make, volunteer):
    return make.case(make.event(staff=[volunteer.user]), by=volunteer.user)


def words(page):
    """The page's main text as read: tags dropped, spaces collapsed."""
    main = page[page.index("<main") :]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def summary(page):
    """The error summary above the form, or "" when there is none."""
    if 'class="form-errors"' not in page:
        return ""
    return page.split('class="form-errors"')[1].split("</div>")[0]


DECLINED = {"size": "", "income": "", "means_tested_benefit": "", "hardship": ""}


# 1. Household size and income may be declined ----------------------------------------------


def test_the_household_answer_offers_declined_and_not_known(volunteer, case):
    page = page_text(volunteer.get(f"/cases/{case.id}/intake/household"))
    group = page.split('id="size_or_income_not_given-group"')[1].split("</fieldset>")[0]
    assert "If the size or the income is not given" in group
    assert "The applicant declines to say" in group and "The applicant doesn't know" in group


@pytest.mark.parametrize("answer", ["declined", "unknown"])
def test_intake_finishes_when_the_income_is_declined(app, volunteer, case, answer):
    household = {**DECLINED, "size_or_income_not_given": answer}
    complete_interview(volunteer, case.id, household=household)
    page = page_text(volunteer.get(f"/cases/{case.id}/intake/household"))
    assert "Still to answer" not in page
    case_page = page_text(volunteer.get(f"/cases/{case.id}"))
    assert "so the fee cannot be worked out" in case_page  # FEE_INFO_MISSING
    assert "Provisional" not in case_page
    response = volunteer.post(
        f"/cases/{case.id}/step/finish_intake",
        data={"version": case_version(volunteer, case.id)},
        follow_redirects=True,
    )
    assert "Case is now: Screened" in page_text(response)
    with app.app_context():
        record = db.session.get(Case, case.id)
        assert record.latest_screening.facts["household"] is None


def test_a_size_alone_may_be_given_with_the_income_declined(app, volunteer, case):
    household = {**DECLINED, "size": "4", "size_or_income_not_given": "declined"}
    assert post_section(volunteer, case.id, "household", household).status_code == 302
    with app.app_context():
        answers = db.session.get(Case, case.id).section("household").answers
    assert answers["size"] == 4 and answers["size_or_income_not_given"] == "declined"


def test_both_figures_and_not_given_is_refused(volunteer, case):
    response = post_section(
        volunteer, case.id, "household", {"size_or_income_not_given": "unknown"}
    )
    page = page_text(response)
    assert response.status_code == 200
    assert "Both the size and the income are given" in page
    assert '<a href="#size_or_income_not_given-0">' in summary(page)


def test_without_the_decline_the_household_questions_are_still_asked(volunteer, case):
    post_section(volunteer, case.id, "household", DECLINED)
    page = page_text(volunteer.get(f"/cases/{case.id}/intake/household"))
    assert "Still to answer:" in page and "People in the household" in page


# 4. The live screening is provisional until the sections it reads are answered ---------------


def test_after_two_sections_the_panel_is_provisional_and_says_what_is_missing(volunteer, case):
    post_section(volunteer, case.id, "contact")
    post_section(volunteer, case.id, "green_card")
    for url in (f"/cases/{case.id}/intake/residence", f"/cases/{case.id}"):
        text = words(page_text(volunteer.get(url)))
        assert "Provisional: Eligible to file now" in text, url
        assert (
            "still to answer: Where they live; Trips outside the U.S.; Marriage and children; "
            "Military and Selective Service;" in text
        ), url
        assert "Household and income (for the fee)." in text
        assert "Work and school" not in text.split("still to answer:")[1]  # optional


def test_once_every_section_is_answered_the_outcome_is_no_longer_provisional(volunteer, case):
    complete_interview(volunteer, case.id)
    for url in (f"/cases/{case.id}/intake/household", f"/cases/{case.id}"):
        text = words(page_text(volunteer.get(url)))
        assert "Eligible to file now" in text
        assert "Provisional" not in text and "still to answer" not in text


def test_the_panel_comes_beside_the_questions_and_after_them_when_read_in_order(volunteer, case):
    post_section(volunteer, case.id, "contact")
    post_section(volunteer, case.id, "green_card")
    page = page_text(volunteer.get(f"/cases/{case.id}/intake/trips"))
    layout = page.split('class="intake-layout"')[1]
    order = [layout.index(part) for part in ('class="intake-nav"', "<h1>", "intake-screening")]
    assert order == sorted(order)  # sections, questions, screening: a phone reads it so
    aside = layout.split("<aside")[1].split(">")[0]
    assert 'tabindex="0"' in aside  # it scrolls on its own on a laptop: reachable by keyboard
    assert 'aria-labelledby="screening-title"' in layout.split("<aside")[1]


def test_before_any_screening_the_panel_says_what_it_waits_for(volunteer, case):
    page = page_text(volunteer.get(f"/cases/{case.id}/intake/contact"))
    assert "Screening starts once the date of birth" in page.split("intake-screening")[1]


# 7 and 8. Birth dates, phones and dates: one rule each, said plainly ----------------------------


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("02/30/2020", "This date doesn't exist."),
        ("2019-02-29", "This date doesn't exist."),
        ("13/45/2020", "Write the date as MM/DD/YYYY (or YYYY-MM-DD), for example 04/02/1985."),
        ("1985/04/02", "Write the date as MM/DD/YYYY (or YYYY-MM-DD)"),
        ("12/01/2026", "A date of birth is in the past"),  # after the clinic's today
        ("11/30/2026", "A date of birth is in the past"),  # today
        ("01/01/1899", "That year looks mistyped."),
    ],
)
def test_a_birth_date_is_a_real_past_day(volunteer, case, typed, message):
    page = page_text(post_section(volunteer, case.id, "contact", {"date_of_birth": typed}))
    beside = page.split('id="date_of_birth-error"')[1].split("</p>")[0]
    assert message in beside
    assert f'value="{typed}"' in page


def test_a_childs_birth_date_follows_the_same_rule(volunteer, case):
    answers = {"children-0-name": "Minh", "children-0-date_of_birth": "05/05/2030"}
    page = page_text(post_section(volunteer, case.id, "marriage", answers))
    assert "A date of birth is in the past" in page
    assert '<a href="#children-0-date_of_birth">Date of birth, child 1:' in summary(page)


@pytest.mark.parametrize(
    "typed", ["abc", "555-01", "1234567890123456", "978 555 0142 ext 3", "++1"]
)
def test_a_phone_that_is_no_phone_is_refused_beside_it(app, volunteer, case, typed):
    response = post_section(volunteer, case.id, "contact", {"phone": typed})
    page = page_text(response)
    assert response.status_code == 200
    assert "Write the phone in digits (7 to 15)" in page.split('id="phone-error"')[1]
    with app.app_context():
        assert db.session.get(Case, case.id).section("contact") is None


@pytest.mark.parametrize("typed", ["(978) 555-0142", "978.555.0142", "+44 20 7946 0958", "5550142"])
def test_phones_as_people_write_them_are_accepted(volunteer, case, typed):
    assert post_section(volunteer, case.id, "contact", {"phone": typed}).status_code == 302


# 9. Every error at once, summarised above the form ------------------------------------------


def test_an_a_number_on_file_is_refused_with_the_other_errors_at_once(app, make, volunteer, case):
    make.case(given="Other", family="Person", a_number="A123456789")
    response = post_section(volunteer, case.id, "green_card", {"lpr_since": "01/01/2030"})
    page = page_text(response)
    assert response.status_code == 200
    listed = summary(page)
    assert "Nothing was saved: fix the 2 answers below." in listed
    assert '<a href="#a_number">A-number: This A-number is already on file for Other' in listed
    assert '<a href="#lpr_since">Resident since: This date is in the future.</a>' in listed
    assert "already on file for Other Person" in page.split('id="a_number-error"')[1]
    with app.app_context():
        assert db.session.get(Case, case.id).section("green_card") is None


def test_the_summary_takes_the_focus_without_an_inline_script(volunteer, case):
    page = page_text(post_section(volunteer, case.id, "contact", {"phone": "abc"}))
    opening = page.split('class="form-errors"')[1].split(">")[0]
    assert 'tabindex="-1"' in opening and "data-error-summary" in opening
    assert '<script src="/static/js/error-summary.js" defer></script>' in page
    assert "Nothing was saved: fix the answer below." in summary(page)
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page) is None  # CSP: script-src 'self'


def test_a_row_error_is_listed_by_its_row(volunteer, case):
    answers = {"trips-0-departed": "06/10/2023", "trips-0-returned": "06/01/2023"}
    listed = summary(page_text(post_section(volunteer, case.id, "trips", answers)))
    assert (
        '<a href="#trips-0-returned">Came back, trip 1: The return is before the departure.</a>'
        in listed
    )
    assert "Trips: Trip 1 ends before it starts." in listed


def test_long_answers_are_refused_by_the_form_not_cut_by_the_browser(volunteer, case):
    long_name = "Maria" * 100
    page = page_text(post_section(volunteer, case.id, "contact", {"given_names": long_name}))
    assert "maxlength" not in page
    assert "longer than 200 characters" in page.split('id="given_names-error"')[1]
    assert f'value="{long_name}"' in page


# 11. Selective Service is asked of men only ---------------------------------------------------


@pytest.mark.parametrize(("sex", "asked"), [("female", False), ("another", False), ("male", True)])
def test_selective_service_is_asked_only_of_men(volunteer, case, sex, asked):
    post_section(volunteer, case.id, "contact", {"sex": sex})
    page = page_text(volunteer.get(f"/cases/{case.id}/intake/military"))
    assert ('name="ss_registered"' in page) is asked
    assert ("Selective Service?" in page) is asked
    post_section(volunteer, case.id, "military")
    page = page_text(volunteer.get(f"/cases/{case.id}/intake/military"))
    assert ("Still to answer:" in page) is asked


def test_selective_service_is_asked_while_the_sex_is_not_known(volunteer, case):
    page = page_text(volunteer.get(f"/cases/{case.id}/intake/military"))
    assert "(Men) Registered with the Selective Service?" in page


def test_a_womans_military_section_saves_without_selective_service(app, volunteer, case):
    post_section(volunteer, case.id, "contact", {"sex": "female"})
    assert post_section(volunteer, case.id, "military", {"ss_registered": "no"}).status_code == 302
    with app.app_context():
        section = db.session.get(Case, case.id).section("military")
        assert "ss_registered" not in section.answers and section.complete


# 16. Sentences that read right ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "buttons"),
    [
        ("residence", ["Add an address"]),
        ("trips", ["Add a trip"]),
        ("marriage", ["Add an earlier marriage", "Add a child"]),
        ("employment", ["Add a job"]),
        ("character", ["Add a conviction", "Add a DUI"]),
    ],
)
def test_each_row_list_names_its_rows_with_their_article(volunteer, case, key, buttons):
    page = page_text(volunteer.get(f"/cases/{case.id}/intake/{key}"))
    found = re.findall(r'name="row_action" value="add:[a-z_]+" id="[^"]+">([^<]+)</button>', page)
    assert found == buttons
    assert "Add a address" not in page


def test_a_new_row_is_labelled_by_its_own_name(volunteer, case):
    data = {
        **COMPLETE["residence"],
        "version": case_version(volunteer, case.id, "residence"),
        "row_action": "add:addresses",
    }
    page = page_text(volunteer.post(f"/cases/{case.id}/intake/residence", data=data))
    assert 'aria-label="From, address 2"' in page
    assert 'Remove<span class="visually-hidden"> address 2</span>' in page


def test_the_saved_notice_ends_with_one_period(volunteer, case):
    post_section(volunteer, case.id, "trips", go="stay")
    page = page_text(volunteer.get(f"/cases/{case.id}/intake/trips"))
    assert "Saved: Trips outside the U.S." in page and "U.S.." not in page


def test_locked_answers_say_why_not_that_the_role_lacks_access(login_as, make):
    volunteer = login_as("volunteer")
    case = make.case_at("filed", filed_on=date(2026, 11, 1))
    response = volunteer.get(f"/cases/{case.id}/intake/trips")
    page = page_text(response)
    assert response.status_code == 403
    assert (
        "The answers are locked: the case was filed with USCIS on Nov 1, 2026; they stay as filed."
        in page
    )
    assert "Your role doesn't give access" not in page


def test_a_closed_case_says_it_is_closed(login_as, make):
    volunteer = login_as("volunteer")
    case = make.case_at("closed")
    page = page_text(volunteer.get(f"/cases/{case.id}/intake/contact"))
    assert "The answers are locked: the case is closed." in page


def test_row_lists_are_labelled_by_their_questions():
    labels = question_labels()
    assert labels["addresses"] == "Addresses in the last 5 years"
    assert labels["trips"] == "Trips"
    assert all(isinstance(label, str) for label in labels.values())
    assert BY_KEY["character"].row_noun("dui_convictions") == "DUI"


# 17. The trips total says why it differs from the rows ----------------------------------------


def test_the_trips_total_says_travel_days_count_as_present(volunteer, case):
    page = page_text(volunteer.get(f"/cases/{case.id}/intake/trips"))
    total = page.split("data-trip-total")[1].split("</p>")[0]
    assert "Days away in total:" in total and "data-trip-days" in total
    assert "Days of departure and return count as days in the U.S." in total
    assert 'data-today="2026-11-30"' in page  # the clinic's today, not the laptop's


# 18. Each finding once on the case page -------------------------------------------------------


def test_record_findings_withheld_from_a_volunteer_are_told_once(volunteer, case):
    complete_interview(volunteer, case.id)
    answers = {
        "arrests_or_charges": "1",
        "convictions-0-date": "03/03/2024",
        "convictions-0-kind": "moral_turpitude",
    }
    post_section(volunteer, case.id, "character", answers)
    page = page_text(volunteer.get(f"/cases/{case.id}"))
    findings = re.findall(r'<li class="finding[^"]*">(.*?)</li>', page, re.S)
    texts = [" ".join(re.sub(r"<[^>]+>", " ", item).split()) for item in findings]
    assert len(texts) == len(set(texts)), texts
    assert page.count("An answer about the applicant's record needs an attorney's review.") == 1


def test_the_checklist_prints_from_check_in_on(volunteer, case):
    page = page_text(volunteer.get(f"/cases/{case.id}"))
    assert f'href="/cases/{case.id}/print/checklist.pdf"' in page
    assert "Review sheet (PDF)" not in page  # nothing screened to review yet
    response = volunteer.get(f"/cases/{case.id}/print/checklist.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
