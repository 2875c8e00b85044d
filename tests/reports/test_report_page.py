"""The report page: its date range form, who chooses the organization, charts with text."""

from clinic.auth.roles import Role
from tests.helpers import page_text


def test_dates_that_dont_parse_are_said_beside_their_fields_and_kept(login_as):
    client = login_as(Role.COORDINATOR, organization="Home Org")
    response = client.get("/reports/?start=2026-13-01&end=soon")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'value="soon"' in html and "Not a valid date value." in html
    assert "The pipeline" not in html  # no report from a refused form


def test_the_last_day_before_the_first_is_refused(login_as):
    client = login_as(Role.COORDINATOR, organization="Home Org")
    html = client.get("/reports/?start=2026-05-01&end=2026-04-01").get_data(as_text=True)
    assert "The last day comes before the first day." in html


def test_without_dates_the_report_covers_this_year_so_far(login_as):
    client = login_as(Role.COORDINATOR, organization="Home Org")
    text = page_text(client.get("/reports/"))
    assert "Home Org: Jan 1, 2026 to Nov 30, 2026" in text


def test_admins_choose_a_member_or_all_and_coordinators_get_their_own(login_as, make):
    make.organization("Other Org")
    admin = login_as(Role.ADMIN, organization="Home Org")
    html = admin.get("/reports/").get_data(as_text=True)
    assert "All member organizations" in html and "Other Org</option>" in html
    coordinator = login_as(Role.COORDINATOR, organization="Home Org")
    html = coordinator.get("/reports/").get_data(as_text=True)
    assert 'name="organization"' not in html and "Other Org" not in html


def test_charts_are_svg_with_a_text_alternative_and_no_script(login_as, make):
    event = make.event("Home Org")
    make.case(event)
    client = login_as(Role.COORDINATOR, organization="Home Org")
    html = client.get("/reports/?start=2026-01-01&end=2026-12-31").get_data(as_text=True)
    assert html.count('<svg role="img"') == 4
    assert (
        '<desc id="chart-funnel-desc">The pipeline, from check-in to voter registration: '
        "Checked in: 1; Screened: 0" in html
    )
    assert "<script" not in html
