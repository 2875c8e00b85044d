"""The station board in a real browser: a move made in another session shows up in its new
column without a reload, and the page without JavaScript shows the same board."""

from playwright.sync_api import expect

from tests.e2e import journey
from tests.e2e.people import log_in

COLUMNS = ("checked_in", "interview", "waiting", "in_review", "decided", "done")


def board_columns(page):
    return {
        key: page.locator(f'[data-column="{key}"] [data-reference]').evaluate_all(
            "cards => cards.map(card => card.dataset.reference)"
        )
        for key in COLUMNS
    }


def test_a_move_in_another_session_appears_on_the_board_without_reload(staffed):
    board = staffed.as_("coordinator")
    board.goto(f"{staffed.day_url}/board")
    board.evaluate("window.notReloaded = true")
    case_id = journey.check_in(staffed, "Kwame", "Mensah", "03/14/1979")
    reference = f"2026-{case_id:05d}"
    checked_in = board.locator('[data-column="checked_in"]')
    expect(checked_in).to_contain_text(reference, timeout=20_000)
    expect(checked_in.locator(f'[data-reference="{reference}"]')).to_contain_text("KM")

    # The volunteer saves the first interview section on their own laptop.
    staffed.as_("volunteer").get_by_role("button", name="Save", exact=True).click()
    interview = board.locator('[data-column="interview"]')
    expect(interview).to_contain_text(reference, timeout=20_000)
    expect(interview.locator(f'[data-reference="{reference}"]')).to_contain_text("Vân Volunteer")
    expect(checked_in).not_to_contain_text(reference)
    assert board.evaluate("window.notReloaded") is True
    expect(board.locator("#board")).not_to_contain_text("Mensah")

    # Without JavaScript, a fresh load of the page shows the same columns.
    context = staffed.browser.new_context(base_url=staffed.base_url, java_script_enabled=False)
    try:
        plain = context.new_page()
        coordinator = staffed.people["coordinator"]
        log_in(plain, coordinator.email, coordinator.password, code=staffed.clock.code(coordinator))
        plain.goto(f"{staffed.day_url}/board")
        expect(plain.get_by_role("link", name="Refresh")).to_be_visible()
        assert board_columns(plain) == board_columns(board)
        assert reference in board_columns(plain)["interview"]
    finally:
        context.close()
