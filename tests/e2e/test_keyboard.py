"""A whole interview section with the keyboard alone: where the focus lands after each step,
and that the focused element is visibly outlined."""

from playwright.sync_api import expect

from tests.e2e import journey


def focused(page):
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            return {
                id: element.id,
                label: element.getAttribute('aria-label') || element.labels?.[0]?.innerText || '',
                outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                shadow: style.boxShadow !== 'none',
            };
        }"""
    )


def assert_focus(page, element_id):
    expect(page.locator(f"#{element_id}")).to_be_focused()
    state = focused(page)
    assert state["outline"] or state["shadow"], f"#{element_id} has no visible focus: {state}"


def test_trips_section_with_key_presses_alone(staffed):
    case_id = journey.check_in(staffed, "Kim", "Tran", "01/02/1970")
    page = staffed.as_("volunteer")
    page.goto(f"/cases/{case_id}/intake/trips")
    page.keyboard.press("Tab")  # from the page into the first question
    while page.evaluate("document.activeElement.name") != "any_trips":
        page.keyboard.press("Tab")
    assert_focus(page, "any_trips-0")
    page.keyboard.press("Space")  # "Yes": the trip rows appear
    expect(page.locator("#any_trips-0")).to_be_checked()
    page.keyboard.press("Tab")
    assert_focus(page, "add-trips")
    page.keyboard.press("Enter")  # a new row; the focus goes into it
    assert_focus(page, "trips-0-departed")
    page.keyboard.type("03/01/2024")
    page.keyboard.press("Tab")
    assert_focus(page, "trips-0-returned")
    page.keyboard.type("03/20/2024")
    page.keyboard.press("Tab")
    assert_focus(page, "trips-0-destination")
    page.keyboard.type("Ho Chi Minh City")
    page.keyboard.press("Enter")  # Enter in a text box: save and continue
    expect(page.get_by_role("heading", level=1)).to_have_text("Marriage and children")
    page.keyboard.press("Tab")
    state = focused(page)
    assert state["outline"] or state["shadow"], state
    page.goto(f"/cases/{case_id}/intake/trips")
    expect(page.get_by_label("Left the U.S., trip 1")).to_have_value("03/01/2024")
