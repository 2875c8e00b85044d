"""Every figure of the report against counts made by hand from tests/reports/known_cases.py."""

import csv
import io
import re
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from clinic.auth.roles import Role
from clinic.cases.models import Case
from clinic.extensions import db
from clinic.reports import services
from clinic.reports.figures import Scope
from clinic.screening.data import FeeSchedule, rules_data
from tests.reports import known_cases
from tests.reports.known_cases import A_NUMBER_PREFIX, END, FAMILY, NAME, START

COALITION = {
    "checked_in": 13,
    "screened": 12,
    "sent_to_review": 11,
    "approved": 6,
    "referred": 1,
    "not_yet": 2,
    "filed": 5,
    "interview_approved": 3,
    "sworn_in": 3,
    "registered": 1,
}
ALPHA = {
    "checked_in": 10,
    "screened": 9,
    "sent_to_review": 8,
    "approved": 4,
    "referred": 1,
    "not_yet": 1,
    "filed": 4,
    "interview_approved": 3,
    "sworn_in": 3,
    "registered": 1,
}
NEW_FEES = FeeSchedule(
    effective=date(2026, 6, 1),
    full_paper=800,
    full_online=750,
    reduced=400,
    reduced_form="N-400 Part 10",
    waiver=0,
    waiver_form="I-912",
    military=0,
    waiver_percent=150,
    reduced_percent=400,
)


@pytest.fixture
def known(app, make):
    return known_cases.build(app, make)


@pytest.fixture
def fee_change(monkeypatch):
    """A second fee schedule from 1 Jun 2026, as a new entry in the dated fee data would be."""
    current = rules_data()
    changed = replace(current, fee_schedules=(*current.fee_schedules, NEW_FEES))
    monkeypatch.setattr(services, "rules_data", lambda: changed)


def report_for(app, organization_id=None):
    with app.app_context():
        return services.build_report(db.session, Scope(START, END, organization_id))


def by_key(rows, *columns):
    return {row["label"]: tuple(row[c] for c in columns) for row in rows}


DAY_COLUMNS = ("checked_in", "screened", "sent_to_review", "approved", "referred", "not_yet")


def test_coalition_figures_match_the_hand_count(app, known, fee_change):
    report = report_for(app)
    assert {f["key"]: f["count"] for f in report["figures"]} == COALITION


def test_one_organization_counts_only_its_own_cases(app, known, fee_change):
    report = report_for(app, known["a"].id)
    assert {f["key"]: f["count"] for f in report["figures"]} == ALPHA


def test_fees_are_priced_with_the_schedule_in_force_on_each_filing_date(app, known, fee_change):
    report = report_for(app)
    fees = {row["basis"]: (row["count"], row["saved"]) for row in report["fees"]}
    # Waivers filed 5 Mar and 1 Apr: $760 each. Reduced: 20 Mar at $760-$380, and 15 Jun after
    # the change at $800-$400. The full fee saves nothing.
    assert fees == {"waiver": (2, 1520), "reduced": (2, 780), "full": (1, 0)}
    assert report["saved"] == 2300


def test_without_a_fee_change_every_filing_uses_the_one_schedule(app, known):
    report = report_for(app)
    assert {row["basis"]: row["saved"] for row in report["fees"]}["reduced"] == 760


def test_medians_of_days_from_clinic_day_to_filing_and_filing_to_oath(app, known):
    medians = report_for(app)["medians"]
    assert (medians["intake_to_filing"]["median"], medians["intake_to_filing"]["cases"]) == (18, 5)
    assert (medians["filing_to_oath"]["median"], medians["filing_to_oath"]["cases"]) == (69, 3)


def test_breakdowns_by_language_state_town_outcome_and_finding(app, known):
    report = report_for(app)
    languages = by_key(report["by_language"], "checked_in")
    assert languages == {
        "English": (1,),
        "Haitian Creole": (1,),
        "Kriolu": (2,),  # typed before the list: "Kriolu" and " kriolu" count together
        "Portuguese (Brazil)": (2,),
        "Spanish": (5,),  # "spanish " typed by hand counts with "Spanish"
        "Vietnamese": (1,),
        "(not recorded)": (1,),
    }
    assert by_key(report["by_state"], "checked_in") == {
        "MA": (8,),
        "NH": (1,),
        "RI": (3,),
        "(not recorded)": (1,),
    }
    # The town of the address lived at now, without regard to capitals or spaces around it.
    assert by_key(report["by_town"], "checked_in") == {
        "Boston": (3,),
        "Brockton": (1,),
        "Lowell": (2,),
        "Nashua": (1,),
        "Pawtucket": (1,),
        "Providence": (2,),
        "(not recorded)": (3,),
    }
    outcomes = by_key(report["by_outcome"], "checked_in")
    assert outcomes == {
        "Eligible to file now": (7,),
        "Not yet: can file later": (2,),
        "Attorney must review": (2,),
        "Not eligible: attorney must advise": (1,),
        "(not recorded)": (1,),
    }
    # Only each case's latest screening counts: case 4's earlier DUI finding does not.
    assert report["findings"] == [("CRIMINAL_HISTORY", 1), ("TRIP_OVER_180", 3)]
    assert report["come_back"] == [("2026-08-15", 1), ("2026-09-01", 1)]


def test_by_clinic_day_and_by_member_organization(app, known):
    alpha = report_for(app, known["a"].id)
    assert by_key(alpha["by_day"], *DAY_COLUMNS) == {
        "Alpha March": (5, 4, 4, 2, 0, 1),
        "Alpha May": (5, 5, 4, 2, 1, 0),
    }
    assert "by_organization" not in alpha
    coalition = report_for(app)
    assert by_key(coalition["by_organization"], *DAY_COLUMNS) == {
        "Alpha Org": (10, 9, 8, 4, 1, 1),
        "Beta Org": (3, 3, 3, 2, 0, 1),
    }
    months = coalition["months"]
    assert months == [("2026-03", 1, 5), ("2026-04", 1, 3), ("2026-05", 1, 5)]


def csv_table(text):
    return list(csv.reader(io.StringIO(text)))


def test_csv_hides_small_cells_and_shows_the_rest(app, known, fee_change, login_as):
    client = login_as(Role.ADMIN, organization="Alpha Org")
    response = client.get(f"/reports/report.csv?start={START}&end={END}")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    body = response.get_data()
    assert body.startswith("\ufeff".encode())
    rows = csv_table(body.decode("utf-8-sig"))
    figures = dict(row for row in rows[4:14])
    assert figures == {
        "Checked in": "13",
        "Screened": "12",
        "Sent to attorney review": "11",
        "Approved to file": "6",
        "Referred for full representation": "<5",
        "Not yet: come back later": "<5",
        "Filed": "5",
        "Approved at interview": "<5",
        "Sworn in": "<5",
        "Registered to vote": "<5",
    }
    assert ["Fee waiver (Form I-912)", "<5", "suppressed"] in rows
    assert ["All fee paths", "", "suppressed"] in rows  # $2,300 would tell the 4 filings
    assert ["Days from the clinic day to filing", "18", "5"] in rows
    assert ["Days from filing to the oath", "suppressed", "<5"] in rows
    assert ["Alpha Org", "10", "9", "8", "<5", "<5", "<5"] in rows
    assert ["Spanish", "5", "5", "5", "<5", "0", "0"] in rows


def test_the_small_cell_limit_is_configurable(make_app, make, clock):
    app = make_app(REPORT_SMALL_CELL_MAX=0)
    known_cases.build(app, make.__class__(app))
    with app.app_context():
        report = services.build_report(db.session, Scope(START, END))
    from clinic.reports.exports import csv_rows

    rows = list(csv_rows(report, 0))
    assert ["Referred for full representation", "1"] in rows
    assert ["All fee paths", "", "$2,280"] in rows
    rows = list(csv_rows(report, 1))
    assert ["Referred for full representation", "<2"] in rows
    assert ["Not yet: come back later", "2"] in rows


def test_no_personal_data_in_the_csv_or_the_pdf(app, known, login_as):
    client = login_as(Role.COORDINATOR, organization="Alpha Org")
    query = f"start={START}&end={END}"
    csv_text = client.get(f"/reports/report.csv?{query}").get_data(as_text=True)
    pdf = client.get(f"/reports/report.pdf?{query}")
    assert pdf.mimetype == "application/pdf"
    pdf_text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "By clinic day" in pdf_text and "Checked in" in pdf_text
    for text in (csv_text, pdf_text):
        for personal in (NAME, FAMILY, A_NUMBER_PREFIX, "1971", "07/23", "Jul 23"):
            assert personal not in text


def test_the_cli_writes_the_csv_and_pdf_of_one_organization(app, known, runner, tmp_path):
    out_csv, out_pdf = tmp_path / "r.csv", tmp_path / "r.pdf"
    result = runner.invoke(
        args=["clinic", "report", "--from", str(START), "--to", str(END),
              "--organization", "Beta Org", "--csv", str(out_csv), "--pdf", str(out_pdf)]
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = csv_table(out_csv.read_text(encoding="utf-8-sig"))
    assert rows[0] == ["Clinic report", "Beta Org", "2026-03-01", "2026-06-30"]
    assert ["Checked in", "<5"] in rows
    assert out_pdf.read_bytes().startswith(b"%PDF")


def test_the_cli_refuses_an_unknown_organization_and_a_missing_output(app, runner):
    result = runner.invoke(
        args=["clinic", "report", "--from", "2026-01-01", "--to", "2026-02-01",
              "--organization", "Nobody", "--csv", "x.csv"]
    )  # fmt: skip
    assert result.exit_code != 0 and "No organization" in result.output
    result = runner.invoke(args=["clinic", "report", "--from", "2026-01-01", "--to", "2026-02-01"])
    assert result.exit_code != 0 and "--csv" in result.output


def references_behind(client, **query):
    args = "&".join(f"{k}={v}" for k, v in {"start": START, "end": END, **query}.items())
    response = client.get(f"/reports/cases?{args}")
    assert response.status_code == 200
    return re.findall(r">(2026-\d{5})</a>", response.get_data(as_text=True))


def test_each_figure_links_to_the_cases_behind_it(app, known, login_as):
    alpha = login_as(Role.COORDINATOR, organization="Alpha Org")
    with app.app_context():
        number = {
            int(c.applicant.given_names.removeprefix(NAME)): c.reference
            for c in db.session.scalars(db.select(Case))
        }

    def cases(*numbers):
        return sorted(number[n] for n in numbers)

    assert references_behind(alpha, figure="filed") == cases(1, 2, 8, 14)
    march = known["days"]["a1"].id
    assert references_behind(alpha, figure="screened", dimension="day", value=march) == cases(
        1, 2, 3, 4
    )
    assert references_behind(alpha, figure="checked_in", dimension="language", value="es") == (
        cases(1, 2, 4)
    )
    assert references_behind(
        alpha, figure="checked_in", dimension="finding", value="TRIP_OVER_180"
    ) == cases(1, 3, 4)
    assert references_behind(alpha, figure="filed", dimension="fee", value="waiver") == cases(1, 14)
    assert references_behind(
        alpha, figure="not_yet", dimension="come_back", value="2026-09-01"
    ) == (cases(3))
    assert references_behind(alpha, figure="checked_in", dimension="day", value="x") == []
    assert alpha.get(f"/reports/cases?start={START}&end={END}&figure=nope").status_code == 404
