"""The admin's import of a clinic day held offline on a laptop, end to end in the browser."""

from playwright.sync_api import expect

from tests.e2e.carry import LAPTOP_ORGANIZATION
from tests.e2e.people import expect_text


def test_the_admin_imports_a_laptops_day_and_reads_the_report(imported_day):
    page = imported_day.page
    page.goto(imported_day.url)
    receipt = page.locator("[data-receipt]").inner_text()
    assert len(receipt) == 8 and receipt.isalnum()
    expect_text(page, "Library day (offline)", "2 cases", "2 applicants")
    decisions = page.get_by_role("region", name="Needs a decision").or_(page.locator("section"))
    expect(decisions.first).to_be_visible()
    expect_text(page, "an organization new to the server", "a user new to the server")
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(2)
    # A case number on the server opens the case, with the answers the laptop took.
    rows.first.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect_text(page, "Library day (offline)")


def test_importing_the_same_file_again_changes_nothing(imported_day):
    page = imported_day.page
    page.goto("/admin/carry")
    expect(page.locator("table tbody tr")).to_have_count(1)
    page.get_by_label("Clinic-day bundle").set_input_files(str(imported_day.bundle))
    page.get_by_role("button", name="Import").click()
    expect_text(page, "This bundle was imported already: nothing changed.")
    page.goto("/admin/carry")
    expect(page.locator("table tbody tr")).to_have_count(1)


def test_the_new_organization_and_its_inactive_user_wait_for_the_admin(imported_day):
    page = imported_day.page
    page.goto("/admin/organizations")
    expect_text(page, LAPTOP_ORGANIZATION)
    page.goto("/admin/users")
    expect(page.get_by_role("row").filter(has_text="laptop.volunteer@example.org")).to_contain_text(
        "Deactivated"
    )
