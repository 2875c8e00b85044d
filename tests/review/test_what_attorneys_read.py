"""What attorneys read: answers by their questions, voids by what changed, the queue's filter."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sqlalchemy import select

from clinic.extensions import db
from clinic.review.findings import FINDING_NAMES
from clinic.review.models import SignOffVoid
from clinic.screening import codes
from tests.helpers import page_text
from tests.intake.answers import complete_interview, n400_interview, post_section
from tests.review.test_review import TRIP_200_DAYS, decide, send_to_review

INTERNALS = re.compile(r"UnboundField|&lt;class|<class|\w+Row\b|trips\[\d")
RAW_CODES = {"never", "not_applicable", "VN", "MX", "family", "single", "filed", "MA", "female"}
NO_TRIPS = {"any_trips": "no"}
ONE_TRIP = {"any_trips": "yes", "trips-0-departed": "06/01/2023", "trips-0-returned": "07/15/2023"}
TWO_DUIS = {"dui_convictions-0-date": "03/01/2024", "dui_convictions-1-date": "05/01/2025"}


class Reader(HTMLParser):
    """The text of each <dt>/<dd> pair, table row and <option>, as a reader sees them."""

    def __init__(self):
        super().__init__()
        self.pairs, self.rows, self.options = [], [], []
        self._tag, self._text, self._row, self._option = None, "", None, None

    def handle_starttag(self, tag, attrs):
        if tag in ("dt", "dd", "th", "td", "option"):
            self._tag, self._text = tag, ""
        if tag == "option":
            attrs = dict(attrs)
            self._option = (attrs.get("value"), "selected" in attrs)
        if tag == "tr":
            self._row = []

    def handle_data(self, data):
        if self._tag:
            self._text += data

    def handle_endtag(self, tag):
        if tag != self._tag:
            return
        text, self._tag = self._text.strip(), None
        if tag == "dt":
            self.pairs.append([text, None])
        elif tag == "dd" and self.pairs:
            self.pairs[-1][1] = text
        elif tag in ("th", "td") and self._row is not None:
            self._row.append(text)
        elif tag == "option":
            self.options.append((*self._option, text))
        if tag in ("th", "td") and self._row is not None and len(self._row) == 3:
            self.rows.append(tuple(self._row))


def read(response):
    reader = Reader()
    reader.feed(response.get_data(as_text=True))
    return reader


@pytest.fixture
def volunteer(login_as):
    return login_as("volunteer")


@pytest.fixture
def attorney(login_as):
    return login_as("attorney")


def waiting_case(make, volunteer, **sections):
    case = make.case(make.event(staff=[volunteer.user]), by=volunteer.user)
    complete_interview(volunteer, case.id, **sections)
    send_to_review(volunteer, case.id)
    return case


def test_the_review_page_reads_every_answer_by_its_question_and_choice(make, volunteer, attorney):
    case = waiting_case(make, volunteer, trips=TRIP_200_DAYS)
    response = attorney.get(f"/review/{case.id}")
    page = page_text(response)
    assert not INTERNALS.search(page)
    answers = dict(read(response).pairs)
    assert answers["Trips"] == (
        "Trip 1: Left the U.S. Jan 5, 2023; Came back: Jul 24, 2023; Where: Vietnam"
    )
    assert answers["Removal or deportation proceedings"] == "Never"
    assert answers["Child support"] == "Does not apply"
    assert answers["Countries of birth and citizenship"] == "Vietnam"
    assert answers["How the green card was obtained"].startswith("Family (spouse")
    assert answers["Marital status"] == "Single, never married"
    assert answers["Federal income taxes"] == "Filed every year, nothing owed"
    assert answers["Resident since"] == "Mar 15, 2019"
    assert answers["Is it a 2-year conditional card?"] == "No"
    assert not RAW_CODES & {value for _, value in read(response).pairs}


def test_answers_behind_a_finding_are_titled_by_section_and_wrap(make, volunteer, attorney):
    case = waiting_case(make, volunteer, trips=TRIP_200_DAYS)
    html = attorney.get(f"/review/{case.id}").get_data(as_text=True)
    behind = html[html.index("Answers behind it") : html.index("<h2>All answers</h2>")]
    assert '<h3 class="small">Trips outside the U.S.</h3>' in behind
    assert '<dd class="prewrap">Trip 1: Left the U.S. Jan 5, 2023' in behind


def test_long_questions_and_answers_cannot_widen_the_page():
    css = Path("static/css/app.css").read_text()
    facts = re.search(r"\n\.facts \{([^}]*)\}", css)[1]
    assert "fit-content(40%) minmax(0, 1fr)" in facts and "max-content 1fr" not in css
    assert "grid-template-columns: minmax(0, 2fr) minmax(0, 3fr)" in css  # .facts.answers
    assert re.search(r"\.facts dd[^{]*\.compare td \{ overflow-wrap: anywhere; \}", css)
    assert ".compare { table-layout: fixed; }" in css
    narrow = css[css.index("@media (max-width: 700px)") :].split("\n}")[0]
    assert ".facts, .facts.answers { grid-template-columns: minmax(0, 1fr); }" in narrow


def test_adding_a_trip_after_approval_shows_the_questions_that_changed(make, volunteer, attorney):
    case = waiting_case(make, volunteer, trips=NO_TRIPS)
    assert decide(attorney, case.id).status_code == 302
    post_section(volunteer, case.id, "trips", ONE_TRIP)
    response = attorney.get(f"/review/{case.id}")
    assert "The last sign-off is void" in page_text(response)
    assert '<section aria-label="What changed since the sign-off">' in page_text(response)
    assert read(response).rows[:3] == [
        ("Question", "When signed", "Now"),
        (
            "Trips outside the U.S.Any trips outside the U.S. of 24 hours or more since "
            "becoming a resident?",
            "No",
            "Yes",
        ),
        (
            "Trips outside the U.S.Trip 1",
            "—",
            "Left the U.S. Jun 1, 2023; Came back: Jul 15, 2023",
        ),
    ]
    banner = page_text(volunteer.get(f"/cases/{case.id}"))
    assert (
        "(Trips outside the U.S.: Any trips outside the U.S. of 24 hours or more since becoming "
        "a resident?, Trip 1)" in banner
    )


def test_a_second_trip_reads_as_a_new_row(make, volunteer, attorney):
    case = waiting_case(make, volunteer, trips=ONE_TRIP)
    decide(attorney, case.id)
    second = {**ONE_TRIP, "trips-1-departed": "03/01/2024", "trips-1-returned": "04/02/2024"}
    post_section(volunteer, case.id, "trips", second)
    rows = read(attorney.get(f"/review/{case.id}")).rows
    assert (
        "Trips outside the U.S.Trip 2",
        "—",
        "Left the U.S. Mar 1, 2024; Came back: Apr 2, 2024",
    ) in rows
    assert not any("Trip 1" in row[0] for row in rows)


def test_voids_stored_by_facts_path_still_read_by_question(app, make, volunteer, attorney):
    case = waiting_case(make, volunteer, trips=TRIP_200_DAYS)
    decide(attorney, case.id)
    post_section(volunteer, case.id, "trips", {**TRIP_200_DAYS, "trips-0-returned": "08/30/2023"})
    legacy = [
        {"field": "marriage.status", "label": "Marital status", "before": "single",
         "after": "married"},
        {"field": "trips", "label": "trips", "before": [], "after": None},
        {"field": "trips[0].returned", "label": "Trip 1, came back", "before": "2023-07-24",
         "after": "2023-08-30"},
    ]  # fmt: skip
    with app.app_context():
        db.session.scalar(select(SignOffVoid)).changes = legacy
        db.session.commit()
    response = attorney.get(f"/review/{case.id}")
    assert not INTERNALS.search(page_text(response))
    assert read(response).rows[1:] == [
        ("Marriage and childrenMarital status", "Single, never married", "Married"),
        ("Trips outside the U.S.Trip 1", "Came back: Jul 24, 2023", "Came back: Aug 30, 2023"),
    ]
    banner = page_text(volunteer.get(f"/cases/{case.id}"))
    assert "(Marriage and children: Marital status; Trips outside the U.S.: Trip 1)" in banner


@pytest.mark.parametrize("typed", ["multiple_dui", " MULTIPLE_DUI ", "Multiple_Dui"])
def test_the_finding_filter_ignores_case_and_spaces(make, volunteer, attorney, typed):
    waiting_case(make, volunteer, character=TWO_DUIS)
    response = attorney.get("/review/", query_string={"finding": typed})
    assert "Lan Nguyễn" in page_text(response)
    assert ("MULTIPLE_DUI", True, "Two or more DUI convictions (MULTIPLE_DUI)") in read(
        response
    ).options
    other = page_text(attorney.get("/review/?finding=trip_over_180"))
    assert "Lan Nguyễn" not in other and "No case waiting for review matches" in other


def test_the_finding_filter_offers_every_finding_by_name(attorney):
    options = read(attorney.get("/review/")).options
    findings = [option for option in options if option[0] in FINDING_NAMES]
    assert {value for value, _, _ in findings} == set(FINDING_NAMES)
    assert ("", True, "Any") in options
    assert ("DUI", False, "A DUI conviction (DUI)") in findings


def test_an_unknown_finding_code_matches_no_case_and_says_so(make, volunteer, attorney):
    waiting_case(make, volunteer, character=TWO_DUIS)
    response = attorney.get("/review/?finding=NOT_A_CODE")
    page = page_text(response)
    assert response.status_code == 200
    assert "“NOT_A_CODE” is not a finding code, so no case matches it" in page
    assert "Lan Nguyễn" not in page


def test_every_screening_finding_has_a_name_in_the_filter():
    assert set(FINDING_NAMES) == codes.ALL


def test_part9_answers_needing_an_explanation_are_shown_with_it(make, volunteer, attorney):
    case = waiting_case(make, volunteer)
    explanation = "Conscripted at 18; two years of guard duty, never in combat."
    n400_interview(
        volunteer,
        case.id,
        volunteer.user.id,
        weapons={"armed_unit": "yes", "weapons_training": "yes", "explanation": explanation},
        oath={"bear_arms": "no", "explanation": "Religious objection (Quaker)."},
    )
    page = page_text(attorney.get(f"/review/{case.id}"))
    assert "N-400 Part 9: answers that need your reading" in page
    assert "Items 8.a, 12 and 35" in page and explanation in page
    assert "Religious objection (Quaker)." in page


def test_no_part9_notice_when_every_answer_is_the_expected_one(make, volunteer, attorney):
    case = waiting_case(make, volunteer)
    n400_interview(volunteer, case.id, volunteer.user.id)
    assert "N-400 Part 9: answers" not in page_text(attorney.get(f"/review/{case.id}"))
