"""R11: the N-400 fee, reduced fee or fee waiver, from the household's income."""

from clinic.screening.codes import FEE_INFO_MISSING
from clinic.screening.data import fee_schedule, poverty_line
from clinic.screening.paths import MILITARY_PATHS
from clinic.screening.result import Fee, Finding


def fee_for(facts, path, filing_date, data):
    schedule = fee_schedule(data, filing_date)
    if path in MILITARY_PATHS:
        return Fee("military", paper=schedule.military, online=schedule.military, paper_only=False)
    household = facts.household
    if household is None:
        return Fee("unknown")
    line, year = poverty_line(data, filing_date.year, facts.residence.state, household.size)
    income = household.income
    # Compare in whole percentages of the line, exactly: income <= line * percent / 100.
    qualifies_for_waiver = (
        household.means_tested_benefit
        or household.hardship
        or income * 100 <= line * schedule.waiver_percent
    )
    if schedule.waiver is not None and qualifies_for_waiver:
        return Fee(
            "waiver",
            paper=schedule.waiver,
            paper_only=True,
            form=schedule.waiver_form,
            poverty_guidelines_year=year,
        )
    if schedule.reduced is not None and income * 100 <= line * schedule.reduced_percent:
        return Fee(
            "reduced",
            paper=schedule.reduced,
            paper_only=True,
            form=schedule.reduced_form,
            poverty_guidelines_year=year,
        )
    return Fee(
        "full",
        paper=schedule.full_paper,
        online=schedule.full_online,
        paper_only=False,
        poverty_guidelines_year=year,
    )


def fee_finding(fee):
    if fee.basis == "unknown":
        yield Finding(
            FEE_INFO_MISSING,
            "info",
            "Household size and income were not given, so the fee cannot be worked out. Ask "
            "for them: the applicant may qualify for a fee waiver or the reduced fee.",
            "R11.6",
        )
