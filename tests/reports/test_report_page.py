"""The report page: its date range form, who chooses the organization, charts with text."""

import re

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


def test_the_cases_behind_a_figure_come_in_pages_keeping_the_figure(make_app):
    from tests.factories import Factory
    from tests.helpers import log_in_with

    app = make_app(PAGE_SIZE=2)
    make = Factory(app)
    event = make.event("Home Org")
    for _ in range(5):
        make.case(event)
    client = app.test_client()
    log_in_with(client, make.user(Role.COORDINATOR, organization="Home Org"))
    url = "/reports/cases?start=2026-01-01&end=2026-12-31&figure=checked_in"
    first, last = page_text(client.get(url)), page_text(client.get(f"{url}&page=3"))
    assert "1–2 of 5 cases" in first and "Page 1 of 3" in first
    assert "figure=checked_in" in first.split("Next page")[0].rsplit("<a", 1)[1]
    assert "5–5 of 5 cases" in last
    assert len(re.findall(r'href="/cases/\d+"', first)) == 2
    assert len(re.findall(r'href="/cases/\d+"', last)) == 1
    past = page_text(client.get(f"{url}&page=9"))
    assert "This page is past the last one." in past
