"""The journey's set-up as session fixtures: each step is made once, through the browser,
and every test that needs it shares it."""

from types import SimpleNamespace

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.e2e import journey
from tests.e2e.axe import check
from tests.e2e.people import expect_text, fill


@pytest.fixture(scope="session")
def coalition(browser, server, server_clock):
    coalition = journey.Coalition(browser, server, server_clock)
    journey.first_run(coalition)
    return coalition


@pytest.fixture(scope="session")
def staffed(coalition):
    journey.invite_staff(coalition)
    journey.plan_clinic_day(coalition)
    return coalition


@pytest.fixture(scope="session")
def screened(staffed):
    for key in journey.APPLICANTS:
        journey.screen_applicant(staffed, key)
    return staffed


@pytest.fixture(scope="session")
def signed(screened):
    for key in ("two_duis", "citizen_spouse"):
        journey.send_to_review(screened, screened.cases[key])
        journey.sign_off(screened, key)
    return screened


@pytest.fixture(scope="session")
def packet(signed):
    """The coordinator makes the day's packet; the job page follows it to "done"."""
    page = signed.as_("coordinator")
    page.goto(signed.day_url)
    page.get_by_role("button", name="Make the packet").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Packet for")
    signed.packet_url = page.url.removeprefix(signed.base_url)
    link = page.get_by_role("link", name="Download the packet (PDF)")
    expect(link).to_be_visible(timeout=90_000)  # the page follows the progress by itself
    with page.expect_download() as download:
        link.click()
    signed.packet_text = pdf_text(download.value)
    return SimpleNamespace(url=signed.packet_url, text=signed.packet_text)


def record(page, case_id, button, answers):
    page.goto(f"/cases/{case_id}")
    page.get_by_role("link", name=button).click()
    fill(page, answers)
    page.get_by_role("button", name="Save").click()
    expect_text(page, "Saved. The case is now")


@pytest.fixture(scope="session")
def sworn_in(signed):
    """Filing, biometrics, interview and oath with the certificate for the two-DUI case,
    all on the server's frozen day (also the day of the sign-off)."""
    case_id, page, day = signed.cases["two_duis"], signed.as_("coordinator"), "11/30/2026"
    filed = {"Filed on": day, "How": "Paper, by mail", "Fee": "Full fee"}
    record(page, case_id, "Record the filing", {**filed, "Receipt number": "IOE0912345678"})
    record(page, case_id, "Record biometrics", {"Biometrics appointment on": day})
    result = {"Result": "Approved (recommended for approval)"}
    record(page, case_id, "Record the interview", {"Interview on": day, **result})
    page.goto(f"/cases/{case_id}")
    expect(page.get_by_role("main").get_by_role("link", name="Voter registration")).to_have_count(0)
    page.goto(f"/cases/{case_id}/voter")  # typed in by hand: the page does not exist yet
    signed.voter_before_oath = page.get_by_role("heading", level=1).inner_text()
    oath = {"Oath ceremony on": day, "Where": "Faneuil Hall, Boston"}
    certificate = {"Naturalization certificate number": "A1234567"}
    record(page, case_id, "Record the oath", {**oath, **certificate})
    return signed


def pdf_text(download):
    return "\n".join(page.extract_text() for page in PdfReader(download.path()).pages)


@pytest.fixture(scope="session")
def imported_day(coalition, tmp_path_factory):
    """The admin imports a day held on a laptop: a cut copy is refused beside the field, the
    whole file is imported and its report shown."""
    from tests.e2e.carry import laptop_bundle
    from tests.e2e.conftest import instance_folder

    folder = tmp_path_factory.mktemp("laptop")
    bundle = laptop_bundle(folder, instance_folder(tmp_path_factory))
    cut = folder / "cut.bundle"
    cut.write_bytes(bundle.read_bytes()[:-100])
    page = coalition.as_("admin")
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Import a day").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import a clinic day held offline")
    check(page, "carry.imports", coalition.accessibility)
    page.get_by_label("Clinic-day bundle").set_input_files(str(cut))
    page.get_by_role("button", name="Import").click()
    expect(page.locator("#bundle-error")).to_contain_text("cut short")
    expect(page.get_by_text("No clinic day imported yet.")).to_be_visible()
    page.get_by_label("Clinic-day bundle").set_input_files(str(bundle))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Import report")
    check(page, "carry.imported", coalition.accessibility)
    coalition.import_url = page.url.removeprefix(coalition.base_url)
    return SimpleNamespace(url=coalition.import_url, bundle=bundle, page=page)
