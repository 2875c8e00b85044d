"""Bad input in the browser: each message beside its field, what was typed kept, and names
with markup, emoji or accents shown as text everywhere, PDFs included."""

import pytest
from playwright.sync_api import expect

from tests.e2e import journey
from tests.e2e.fixtures import pdf_text
from tests.e2e.people import case_id_from, fill


def error_beside(page, label):
    """The error paragraph the field names in aria-describedby (or its cell's error)."""
    field = page.get_by_label(label, exact=True)
    described = field.get_attribute("aria-describedby") or ""
    error_id = next((i for i in described.split() if i.endswith("-error")), None)
    assert error_id, f"{label}: no error beside the field"
    return page.locator(f"[id='{error_id}']")


def open_check_in(coalition):
    page = coalition.as_("volunteer")
    page.goto(coalition.day_url)
    page.get_by_role("link", name="Check someone in").click()
    return page


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("02/30/2020", "doesn't exist"),
        ("2019-02-29", "doesn't exist"),
        ("13/45/2020", "MM/DD/YYYY"),
    ],
)
def test_an_impossible_date_is_refused_beside_the_field_and_kept(staffed, typed, message):
    page = open_check_in(staffed)
    fill(page, {"Given names": "Ana", "Family names": "Reyes", "Date of birth": typed})
    page.get_by_role("button", name="Create a new record").click()
    expect(error_beside(page, "Date of birth")).to_contain_text(message)
    expect(page.get_by_label("Date of birth")).to_have_value(typed)
    expect(page.get_by_label("Given names")).to_have_value("Ana")


def test_an_empty_required_field_says_what_is_needed(staffed):
    page = open_check_in(staffed)
    fill(page, {"Family names": "Reyes", "Date of birth": "01/02/1980"})
    page.get_by_role("button", name="Create a new record").click()
    expect(error_beside(page, "Given names")).to_contain_text("Needed to start a new record")
    expect(page.get_by_label("Family names")).to_have_value("Reyes")


def test_a_return_before_the_departure_is_refused_and_kept(screened):
    page = screened.as_("volunteer")
    page.goto(f"/cases/{screened.cases['fee_waiver']}/intake/trips")
    fill(page, {journey.ANY_TRIPS: "Yes"})
    journey.add_row(
        page, "Add a trip", {"Left the U.S.": "06/10/2025", "Came back": "06/01/2025"}, 1
    )
    page.get_by_role("button", name="Save", exact=True).click()
    row = page.get_by_label("Came back, trip 1", exact=True)
    expect(row).to_have_value("06/01/2025")
    expect(page.locator("td.has-error")).to_contain_text("The return is before the departure")


def test_a_500_character_name_is_refused_beside_the_field(staffed):
    page = open_check_in(staffed)
    long_name = "Maria" * 100
    fill(page, {"Given names": long_name, "Family names": "Reyes", "Date of birth": "01/02/1980"})
    page.get_by_role("button", name="Create a new record").click()
    expect(error_beside(page, "Given names")).to_be_visible()
    expect(page.get_by_label("Given names")).to_have_value(long_name)


# Each person has their own birth date: with the same one the second would be a likely
# duplicate of the first (a shared birth date counts, as names typed in two scripts share no
# word), and the check-in would rightly ask to confirm before creating a record.
@pytest.mark.parametrize(
    ("given", "family", "born"),
    [
        ("<script>alert('x')</script>", "Reyes <b>bold</b>", "03/04/1981"),
        ("Zoë 🌻", "Nguyễn-Đặng Çelik", "05/06/1982"),
    ],
)
def test_markup_emoji_and_accents_are_shown_as_typed(staffed, given, family, born):
    page = open_check_in(staffed)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    fill(page, {"Given names": given, "Family names": family, "Date of birth": born})
    page.get_by_role("button", name="Search").click()
    page.get_by_role("button", name="Create a new record").click()
    expect(page.get_by_role("link", name=f"{given} {family}")).to_be_visible()  # breadcrumb
    case_id = case_id_from(page)
    page.goto(f"/cases/{case_id}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(given)
    with page.expect_download() as download:
        page.get_by_role("link", name="Checklist (PDF)").click()
    assert family.split()[0] in pdf_text(download.value)
    assert dialogs == [], "a typed name ran as a script"
