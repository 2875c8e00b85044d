"""The report as plain data (figures, breakdowns, fee savings, medians), and its CSV rows.

Counts come from clinic.reports.figures (aggregate SQL); this module names them, prices the
fee paths with the schedule in force on each filing date, and hides small cells in exports.
"""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from clinic.auth.models import Organization
from clinic.i18n.languages import ENGLISH_NAMES
from clinic.reports import figures
from clinic.screening.data import rules_data
from clinic.templating import OUTCOMES

FEE_PATHS = {
    "waiver": _l("Fee waiver (Form I-912)"),
    "reduced": _l("Reduced fee"),
    "full": _l("Full fee"),
    "military": _l("Military (no fee)"),
    figures.NOT_RECORDED: _l("Fee not recorded"),
}
MEASURES = {
    "intake_to_filing": _l("Days from the clinic day to filing"),
    "filing_to_oath": _l("Days from filing to the oath"),
}


def median(day_counts):
    """The median of a histogram [(days, cases)] (the mean of the two middle values when the
    number of cases is even); None without cases."""
    total = sum(count for _, count in day_counts)
    if not total:
        return None
    middle = [(total - 1) // 2, total // 2]
    values, seen = [], 0
    for days, count in day_counts:
        values += [days for position in middle if seen <= position < seen + count]
        seen += count
    return sum(values) / 2


def fee_savings(path_counts, schedules):
    """Fee path rows [{basis, label, count, saved}] and the dollars saved in all, each filing
    priced with the schedule in force on its filing date."""
    rows = {}
    for basis, period, count in path_counts:
        row = rows.setdefault(basis, {"basis": basis, "count": 0, "saved": 0})
        row["count"] += count
        row["saved"] += count * schedules[period].saved_by(basis)
    ordered = [
        {**rows[basis], "label": label} for basis, label in FEE_PATHS.items() if basis in rows
    ]
    return ordered, sum(row["saved"] for row in ordered)


def _named(rows, names):
    return [{**row, "label": names.get(row["key"], row["label"])} for row in rows]


def _organization_names(session):
    return dict(session.execute(select(Organization.id, Organization.name)).all())


def _sorted_by_label(rows):
    return sorted(rows, key=lambda row: (row["key"] is None, str(row["label"] or "").lower()))


def language_label(language):
    """A language's name for the report: its English name when it is one of the interview's
    list, else as typed, capitalised (None when not given)."""
    if not language:
        return None
    return ENGLISH_NAMES.get(language) or language[:1].upper() + language[1:]


def _capitalised(rows):
    """Names typed by hand group without regard to case; each reads capitalised."""
    return [
        {**row, "label": row["label"][:1].upper() + row["label"][1:]} if row["label"] else row
        for row in rows
    ]


def _languages(rows):
    """Rows by language key (listed codes; typed names without regard to capitals), named."""
    return [{**row, "label": language_label(row["label"])} for row in rows]


def by_finding(people_rows):
    """[(finding code, cases)] from the rows by combination of codes, each code counted once
    per case checked in."""
    counts = {}
    for row in people_rows:
        for code in (row["codes"] or "").split():
            counts[code] = counts.get(code, 0) + row["checked_in"]
    return sorted(counts.items())


def _unrecorded(rows):
    return [
        {**row, "label": row["label"] or _("(not recorded)")}
        | ({"key": figures.NOT_RECORDED} if row["key"] is None else {})
        for row in rows
    ]


def build_report(session, scope, organization_name=None):
    """Everything the report page, the PDF and the CSV show, as plain data."""
    figures.prepare(session)
    schedules = rules_data().fee_schedules
    by_day = figures.breakdown(session, scope, "day")
    by_day.sort(key=lambda row: (row["held_on"], row["key"]))
    counts = {
        **{key: sum(row[key] for row in by_day) for key in figures.DAY_FIGURES},
        **figures.after_the_day(session, scope),
    }
    fee_rows, saved = fee_savings(
        figures.fee_paths(session, scope, [s.effective for s in schedules]), schedules
    )
    people = figures.people(session, scope)
    outcomes = _named(rolled_up(people, "outcome", "outcome"), OUTCOMES)
    report = {
        "scope": scope,
        "organization": organization_name or _("All member organizations"),
        "figures": [
            {"key": f.key, "label": f.label, "describe": f.describe, "count": counts[f.key]}
            for f in figures.FIGURES
        ],
        "come_back": figures.come_back_dates(session, scope),
        "fees": fee_rows,
        "saved": saved,
        "schedules": [
            {"effective": s.effective, "full": s.full_paper, "reduced": s.reduced}
            for s in schedules
        ],
        "by_day": by_day,
        "by_language": _sorted_by_label(
            _unrecorded(_languages(rolled_up(people, "language_key", "language")))
        ),
        "by_state": _sorted_by_label(_unrecorded(rolled_up(people, "state", "state"))),
        "by_town": _sorted_by_label(
            _unrecorded(_capitalised(rolled_up(people, "town_key", "town")))
        ),
        "by_outcome": _unrecorded(sorted(outcomes, key=lambda r: -r["checked_in"])),
        "findings": by_finding(people),
        "months": by_month(by_day),
        "medians": {},
    }
    for measure, label in MEASURES.items():
        histogram = figures.day_counts(session, scope, measure)
        report["medians"][measure] = {
            "label": label,
            "median": median(histogram),
            "cases": sum(count for _, count in histogram),
        }
    if scope.organization_id is None:
        names = _organization_names(session)
        by_org = _named(summed(by_day, lambda row: row["organization_id"]), names)
        report["by_organization"] = sorted(by_org, key=lambda r: str(r["label"]).lower())
    return report


def summed(day_rows, key):
    """Rows of the by-day breakdown added up by `key` (an organization, a month): a few
    thousand aggregated rows at most, not cases."""
    totals = {}
    for row in day_rows:
        group = key(row)
        total = totals.setdefault(group, {"key": group, "label": group, "days": 0})
        total["days"] += 1
        for figure in figures.DAY_FIGURES:
            total[figure] = total.get(figure, 0) + row[figure]
    return list(totals.values())


def rolled_up(rows, key, label):
    """Aggregated rows added up by one of their columns (`key`), labelled by `label`."""
    totals = {}
    for row in rows:
        total = totals.setdefault(row[key], {"key": row[key], "label": row[label]})
        for figure in figures.DAY_FIGURES:
            total[figure] = total.get(figure, 0) + row[figure]
    return list(totals.values())


def by_month(day_rows):
    """[(YYYY-MM, clinic days, checked in)], oldest first."""
    months = summed(day_rows, lambda row: row["held_on"].strftime("%Y-%m"))
    return sorted((m["key"], m["days"], m["checked_in"]) for m in months)


def small_cell(count, small_max):
    """A count as an export shows it: 1 to `small_max` hide as "<small_max+1"."""
    if count is None:
        return ""
    if 1 <= count <= small_max:
        return f"<{small_max + 1}"
    return str(count)


def money(dollars, count, small_max):
    """Dollars beside a count: hidden with it (the amount would give the count away)."""
    if 1 <= count <= small_max:
        return "suppressed"
    return f"${dollars:,}"


# Breakdowns whose rows link to their cases ("" links a figure of the whole report).
DRILL_DOWNS = frozenset({"", None, *figures.DIMENSIONS, "fee", "come_back", "finding"})


def organization_choices(session):
    names = session.execute(select(Organization.id, Organization.name).order_by(Organization.name))
    return [("", _("All member organizations")), *((str(i), name) for i, name in names)]


def file_name(scope):
    return f"clinic-report-{scope.start.isoformat()}-to-{scope.end.isoformat()}"
