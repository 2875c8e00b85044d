"""The other findings: citizenship through a parent, the waits, country holds, the N-648 and
military paths, and the English exemption."""

from clinic.screening.codes import (
    COUNTRY_HOLD,
    DISABILITY_EXCEPTION,
    ENGLISH_EXEMPT,
    MILITARY_PATH,
    N600_POSSIBLE,
)
from clinic.screening.dates import add_years
from clinic.screening.paths import MILITARY_PATHS
from clinic.screening.result import Finding


def n600_possible(ctx):
    """R10: a citizen parent before 18 may mean the person is already a citizen."""
    parents = ctx.facts.parents
    if parents.citizen_parent_before_18 or parents.born_abroad_to_citizen:
        yield Finding(
            N600_POSSIBLE,
            "refer",
            "A parent was or became a U.S. citizen before the applicant turned 18, or the "
            "applicant was born abroad to a citizen parent. The applicant may already be a "
            "citizen: do not file the N-400. An attorney must check for Form N-600 first.",
            "R10.1",
        )


def waits(ctx, binding, as_of):
    """R1, R4-R7: the requirements that set a future earliest filing date."""
    if ctx.filing_date <= as_of:
        return
    for constraint in binding:
        yield Finding(constraint.code, "wait", constraint.message, constraint.rule)


def country_hold(ctx, held):
    """R8.10: nationals of countries under a USCIS adjudication hold."""
    matches = [code for code in ctx.facts.person.nationalities if code in held]
    if matches:
        yield Finding(
            COUNTRY_HOLD,
            "refer",
            f"The applicant is a national of {', '.join(dict.fromkeys(matches))}, a country "
            f"on USCIS's adjudication-hold list. USCIS is holding these applications and may "
            f"re-review the green card. An attorney must advise on timing.",
            "R8.10",
        )


def disability_and_military(ctx):
    """R9.4 and R3.5-R3.6: an N-648, or a military path, needs specialised review."""
    if ctx.facts.disability_exception:
        yield Finding(
            DISABILITY_EXCEPTION,
            "refer",
            "The applicant will ask to be excused from the English and civics tests for a "
            "disability (Form N-648). Since June 2025 the doctor must explain how the condition "
            "prevents learning them. An attorney or clinician must review the form.",
            "R9.4",
        )
    military = sorted(ctx.applicable & MILITARY_PATHS)
    if military:
        yield Finding(
            MILITARY_PATH,
            "refer",
            f"A military path (INA {' and '.join(military)}) applies. These paths have their "
            f"own forms and no fee; refer to an attorney who knows military naturalization.",
            "R3.5",
        )


def english_exemption(facts, filing_date):
    """R9.3: first match of 65/20, 55/15, 50/20 on the filing date."""
    birth, lpr = facts.person.date_of_birth, facts.residence.lpr_since
    for label, age, years in (("65/20", 65, 20), ("55/15", 55, 15), ("50/20", 50, 20)):
        if add_years(birth, age) <= filing_date and add_years(lpr, years) <= filing_date:
            return label
    return None


def english_finding(exemption):
    if exemption is None:
        return
    civics = (
        "and takes the simplified civics test (20 questions to study)"
        if exemption == "65/20"
        else "but still takes the civics test"
    )
    yield Finding(
        ENGLISH_EXEMPT,
        "info",
        f"The applicant qualifies for the {exemption} exemption: no English test, {civics}, "
        f"in their own language with an interpreter they bring.",
        "R9.3",
    )
