"""The report's exports: CSV rows of every table, and the printable PDF with its charts.

Both hide small cells (1 to REPORT_SMALL_CELL_MAX read "<5") and carry no names, A-numbers
or birth dates: only counts, dollars, dates of clinic days and labels.
"""

import csv
import io
from functools import partial
from types import SimpleNamespace

from flask import render_template

from clinic.packets.context import header
from clinic.reports import charts
from clinic.reports.services import money, small_cell
from clinic.screening.dates import spoken

BOM = "\ufeff"
# The CSV's headings and cell words stay English on purpose: they are the columns funders'
# spreadsheets read, the same in every export. (Figure, fee and measure labels come from the
# report, marked for translation there.)
DAY_COLUMNS = (
    ("checked_in", "Checked in"),
    ("screened", "Screened"),
    ("sent_to_review", "Sent to review"),
    ("approved", "Approved to file"),
    ("referred", "Referred"),
    ("not_yet", "Not yet"),
)


def _table(title, key_header, rows, shown):
    yield [title]
    yield [key_header, *(label for _, label in DAY_COLUMNS)]
    for row in rows:
        yield [row["label"], *(shown(row[key]) for key, _ in DAY_COLUMNS)]
    yield []


def _median_text(measure, shown):
    if measure["median"] is None:
        return ""
    if shown(measure["cases"]) != str(measure["cases"]):
        return "suppressed"
    return f"{measure['median']:g}"


def csv_rows(report, small_max):
    """Every table of the report as CSV rows (lists of strings)."""
    shown = partial(small_cell, small_max=small_max)
    scope = report["scope"]
    yield ["Clinic report", report["organization"], scope.start.isoformat(), scope.end.isoformat()]
    yield [f"Counts from 1 to {small_max} are shown as <{small_max + 1}."]
    yield []
    yield ["Figure", "Count"]
    for figure in report["figures"]:
        yield [figure["label"], shown(figure["count"])]
    yield []
    yield ["Come back on", "Cases"]
    for day, count in report["come_back"]:
        yield [day, shown(count)]
    yield []
    yield ["Fee path", "Filings", "Dollars saved"]
    for row in report["fees"]:
        yield [row["label"], shown(row["count"]), money(row["saved"], row["count"], small_max)]
    saving = sum(row["count"] for row in report["fees"] if row["saved"])
    yield ["All fee paths", "", money(report["saved"], saving, small_max)]
    yield []
    yield ["Measure", "Median days", "Cases"]
    for measure in report["medians"].values():
        yield [measure["label"], _median_text(measure, shown), shown(measure["cases"])]
    yield []
    if "by_organization" in report:
        yield from _table(
            "By member organization", "Organization", report["by_organization"], shown
        )
    yield from _table("By clinic day", "Clinic day", _days(report["by_day"]), shown)
    yield from _table("By preferred language", "Language", report["by_language"], shown)
    yield from _table("By state of residence", "State", report["by_state"], shown)
    yield from _table("By town of residence", "Town", report["by_town"], shown)
    yield from _table("By screening outcome", "Outcome", report["by_outcome"], shown)
    yield ["By finding code"]
    yield ["Finding", "Cases"]
    for code, count in report["findings"]:
        yield [code, shown(count)]


def _days(rows):
    return [{**row, "label": f"{row['held_on'].isoformat()} {row['label']}"} for row in rows]


def csv_stream(report, small_max):
    """The CSV as text chunks, UTF-8 BOM first (so Excel reads accents right)."""
    yield BOM
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in csv_rows(report, small_max):
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def print_context(report, small_max, now):
    """What the PDF template reads: the report, its charts and how a count is shown."""
    shown = partial(small_cell, small_max=small_max)
    scope = report["scope"]
    period = f"{spoken(scope.start)} to {spoken(scope.end)}"
    return {
        "doc": {
            **header_for(report["organization"], period, now),
            "report": report,
            "charts": charts.report_charts(report, shown),
            "small_max": small_max,
            "by_day": _days(report["by_day"]),
        },
        "shown": shown,
        "money": partial(money, small_max=small_max),
        "median_text": partial(_median_text, shown=shown),
    }


def header_for(organization_name, period, now):
    return header(SimpleNamespace(name=organization_name, contact=""), period, "Report", now)


def render_report_html(report, small_max, now):
    return render_template("print/report.html", **print_context(report, small_max, now))
