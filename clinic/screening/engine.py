"""screen(facts) -> Result: the whole N-400 screening (R13), with the contract's outcome order."""

from clinic.screening.codes import N600_POSSIBLE
from clinic.screening.data import held_countries, rules_data
from clinic.screening.dates import add_years
from clinic.screening.documents import documents_for
from clinic.screening.fee import fee_finding, fee_for
from clinic.screening.findings import RULES
from clinic.screening.findings.context import Context
from clinic.screening.findings.other import country_hold, english_exemption, english_finding, waits
from clinic.screening.paths import (
    PATH_ORDER,
    PERIOD_YEARS,
    absence_ranges,
    all_path_dates,
    presence_report,
)
from clinic.screening.result import Result


def screen(facts, data=None):
    """Screen one applicant. Pure: the same facts (and data) always give the same result."""
    data = data or rules_data()
    absences = absence_ranges(facts.trips)
    dates, paths = all_path_dates(facts, absences)
    best = min(dates.values(), key=lambda d: (d.earliest, PATH_ORDER.index(d.path)))
    filing_date = max(facts.as_of, best.earliest)
    years = PERIOD_YEARS[best.path]
    presence = presence_report(best.path, filing_date, facts, absences)
    ctx = Context(
        facts=facts,
        path=best.path,
        years=years,
        filing_date=filing_date,
        period_start=add_years(filing_date, -years),
        applicable=frozenset(dates),
        presence=presence,
    )
    exemption = english_exemption(facts, filing_date)
    fee = fee_for(facts, best.path, filing_date, data)

    found = [finding for rule in RULES for finding in rule(ctx)]
    found += waits(ctx, best.binding, facts.as_of)
    found += country_hold(ctx, held_countries(data, facts.as_of))
    found += english_finding(exemption)
    found += fee_finding(fee)
    found.sort(key=lambda finding: finding.sort_key())
    codes = {finding.code for finding in found}

    return Result(
        rules_version=data.version,
        outcome=outcome(found, best.earliest, facts.as_of),
        path=best.path,
        earliest_filing_date=best.earliest,
        filing_date=filing_date,
        paths=paths,
        physical_presence=presence,
        findings=tuple(found),
        english_exemption=exemption,
        civics_test=civics_test(exemption, filing_date, data),
        fee=fee,
        documents=documents_for(facts, best.path, fee, codes),
    )


def outcome(found, earliest, as_of):
    """The contract's precedence: n600, ineligible, refer, not_yet, eligible."""
    severities = {finding.severity for finding in found}
    if any(finding.code == N600_POSSIBLE for finding in found):
        return "n600"
    if "bar" in severities:
        return "ineligible"
    if "refer" in severities:
        return "refer"
    if earliest > as_of:
        return "not_yet"
    return "eligible"


def civics_test(exemption, filing_date, data):
    if exemption == "65/20":
        return "65/20"
    return "2025" if filing_date >= data.civics_2025_from else "2008"
