"""What people do in the browser, as small steps the journey tests share.

Everything goes through what a person sees: labels, buttons, links. Nothing posts a form
directly.
"""

import re
from datetime import UTC, datetime, timedelta

import pyotp
from playwright.sync_api import expect

from tests.e2e.axe import check
from tests.e2e.settings import FROZEN_NOW

PASSWORD = "a browser test passphrase for {}"


def log_in(page, email, password, code=None, accessibility=None):
    """The login page, then (for someone with a second factor) the code from their app; the
    code page is checked with axe when `accessibility` (the results) is given."""
    page.goto("/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    if code is not None:
        expect(page.get_by_role("heading", name="Your second factor")).to_be_visible()
        if accessibility is not None:
            check(page, "auth.login_code", accessibility)
        page.get_by_label("Code", exact=True).fill(code)
        page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()


def log_out(page):
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()


class ServerClock:
    """The test server's clock, which stands still (FROZEN_NOW) until moved here. A code
    works once, so each code is taken 30 seconds later, as a person waits for the next one."""

    def __init__(self, path):
        self.path = path
        self.seconds = 0

    def code(self, person):
        self.seconds += 30
        self.path.write_text(str(self.seconds))
        moment = datetime(*FROZEN_NOW, tzinfo=UTC) + timedelta(seconds=self.seconds)
        return pyotp.TOTP(person.totp_secret).at(moment)


def answer(page, question, choice):
    """A yes/no (or other radio) question, by its legend and the choice's label."""
    page.get_by_role("group", name=question, exact=False).get_by_label(choice, exact=True).check()


def select(page, label, option):
    page.get_by_label(label, exact=True).select_option(label=option)


def fill(page, answers):
    """{label: value}: text boxes are filled, selects chosen by option text, radio groups
    (by their legend, which may be given in part) answered by the choice's label."""
    for label, value in answers.items():
        target = (
            page.get_by_label(label, exact=True).or_(page.get_by_role("group", name=label)).first
        )
        target.wait_for()  # the page a click opened may still be loading
        tag = target.evaluate("element => element.tagName")
        if tag == "FIELDSET":
            target.get_by_label(value, exact=True).check()
        elif tag == "SELECT":
            target.select_option(label=value)
        else:
            target.fill(str(value))


def add_row(page, button, values, number):
    """Press "Add a trip" (say), then fill row `number` by its columns' labels."""
    page.get_by_role("button", name=button).click()
    row_name = re.sub(r"^Add an? ", "", button)
    for label, value in values.items():
        cell = page.get_by_label(f"{label}, {row_name} {number}", exact=True)
        if cell.evaluate("element => element.tagName") == "SELECT":
            cell.select_option(label=value)
        else:
            cell.fill(value)


def save_and_continue(page):
    page.get_by_role("button", name="Save and continue").last.click()


def section_heading(page):
    return page.get_by_role("heading", level=1).inner_text()


def expect_text(page, *texts):
    for text in texts:
        expect(page.locator("body")).to_contain_text(text)


def case_id_from(page):
    return int(re.search(r"/cases/(\d+)", page.url).group(1))
