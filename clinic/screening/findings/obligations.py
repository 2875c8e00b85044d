"""What the law asks of a resident: taxes, child support, and Selective Service registration."""

from clinic.screening.codes import (
    CHILD_SUPPORT_ARREARS,
    NONRESIDENT_TAX,
    SELECTIVE_SERVICE_LETTER,
    SELECTIVE_SERVICE_REGISTER,
    TAX_PAYMENT_PLAN,
    TAXES_OWED,
    TAXES_UNFILED,
)
from clinic.screening.dates import add_years, spoken
from clinic.screening.findings.context import ATTORNEY
from clinic.screening.paths import MILITARY_PATHS
from clinic.screening.result import Finding

OBLIGATION_REFERRALS = (
    # (applies, code, message, rule)
    (
        lambda r: r.taxes == "not_filed",
        TAXES_UNFILED,
        "Tax returns were not filed. Not filing is an unlawful act that can bar good moral "
        f"character. The returns should be filed first. {ATTORNEY}",
        "R8.3",
    ),
    (
        lambda r: r.taxes == "owed_no_plan",
        TAXES_OWED,
        "Taxes are owed with no payment plan. A current IRS or state payment plan is usually "
        f"needed before filing. {ATTORNEY}",
        "R8.3",
    ),
    (
        lambda r: r.taxes == "filed_as_nonresident",
        NONRESIDENT_TAX,
        "The applicant filed taxes as a nonresident. That can mean they gave up U.S. residence, "
        f"or even their green card. {ATTORNEY}",
        "R5.4",
    ),
    (
        lambda r: r.child_support == "arrears",
        CHILD_SUPPORT_ARREARS,
        "Child support is unpaid. Willful failure to support children can bar good moral "
        f"character. Bring court orders and payment records. {ATTORNEY}",
        "R8.3",
    ),
)


def tax_and_support_answers(ctx):
    """R8.3, R5.4, R8.7: taxes and child support."""
    record = ctx.facts.record
    for applies, code, message, rule in OBLIGATION_REFERRALS:
        if applies(record):
            yield Finding(code, "refer", message, rule)
    if record.taxes == "owed_with_plan":
        yield Finding(
            TAX_PAYMENT_PLAN,
            "info",
            "Taxes are owed under a current payment plan. This is usually acceptable: bring "
            "the installment agreement, proof of payments and IRS transcripts.",
            "R8.7",
        )


def selective_service(ctx):
    """R8.8: men in the U.S. between 18 and 26 must have registered."""
    facts = ctx.facts
    if facts.person.sex != "male" or facts.selective_service.registered:
        return
    if ctx.path in MILITARY_PATHS:
        return
    birth = facts.person.date_of_birth
    lived_here = facts.selective_service.in_us_18_to_26
    if lived_here is None:
        lived_here = facts.residence.lpr_since < add_years(birth, 26)
    if not lived_here:
        return
    if ctx.filing_date < add_years(birth, 26):
        yield Finding(
            SELECTIVE_SERVICE_REGISTER,
            "action",
            "The applicant is a man under 26 who has not registered with the Selective "
            "Service. He must register (at sss.gov or the post office) before filing, and "
            "bring the registration number.",
            "R8.8",
        )
        return
    safe = add_years(birth, 26 + ctx.years)
    if ctx.filing_date < safe:
        yield Finding(
            SELECTIVE_SERVICE_LETTER,
            "refer",
            f"The applicant is a man who lived in the U.S. between 18 and 26 and never "
            f"registered with the Selective Service. Filing before {spoken(safe)} needs a "
            f"Status Information Letter and a statement that the failure was not knowing and "
            f"willful. {ATTORNEY} Waiting until {spoken(safe)} avoids the question.",
            "R8.8",
            safe,
        )
