"""Findings other than the waits: trips, conditions, Selective Service, the record, and more.

Each rule is a small function of the screening context that returns its findings (or none);
its docstring names the rule in rules/n400.md. RULES lists them all.
"""

from dataclasses import dataclass
from datetime import date

from clinic.screening.dates import ONE_DAY, add_months, add_years, spoken
from clinic.screening.paths import MILITARY_PATHS
from clinic.screening.result import Finding

ATTORNEY = "An attorney must review."
PERMANENT_CONCERNS = {
    "persecution": "Taking part in persecution, genocide or torture",
    "desertion": "Desertion from the U.S. armed forces",
    "alienage_discharge": "An exemption or discharge from U.S. military service for being a "
    "foreign national",
}
AGGRAVATED_FELONY_BAR_FROM = date(1990, 11, 29)
BAR_KINDS = frozenset({"moral_turpitude", "controlled_substance"})


@dataclass(frozen=True, slots=True)
class Context:
    facts: object
    path: str  # the best path
    years: int  # its statutory period N
    filing_date: object
    period_start: object  # filing_date - N years
    applicable: frozenset  # every path that applies
    presence: object  # Presence or None


def inside_period(day, ctx):
    """A dated act is inside the statutory period until N years and a day have passed."""
    return ctx.filing_date <= add_years(day, ctx.years)


def period_until(day, ctx):
    """The first filing date on which `day` is outside the statutory period."""
    return add_years(day, ctx.years) + ONE_DAY


def _trip_words(trips):
    return " and ".join(
        f"{t.days} days ({spoken(t.departed)} to {spoken(t.returned)})" for t in trips
    )


def _trips_in_period(ctx):
    return [t for t in ctx.facts.trips if t.returned > ctx.period_start]


def n600_possible(ctx):
    """R10: a citizen parent before 18 may mean the person is already a citizen."""
    parents = ctx.facts.parents
    if parents.citizen_parent_before_18 or parents.born_abroad_to_citizen:
        yield Finding(
            "N600_POSSIBLE",
            "refer",
            "A parent was or became a U.S. citizen before the applicant turned 18, or the "
            "applicant was born abroad to a citizen parent. The applicant may already be a "
            "citizen: do not file the N-400. An attorney must check for Form N-600 first.",
            "R10.1",
        )


def presence_margin(ctx):
    """R6.6: presence only just above the threshold needs a careful count."""
    presence = ctx.presence
    if presence is not None and presence.required <= presence.days < presence.required + 10:
        yield Finding(
            "PHYSICAL_PRESENCE_MARGIN",
            "refer",
            f"Physical presence on {spoken(ctx.filing_date)} is {presence.days} days, only "
            f"{presence.days - presence.required} above the {presence.required} needed. Every "
            f"trip must be checked against passports and CBP travel records. {ATTORNEY}",
            "R6.6",
        )


def trips(ctx):
    """R5.2: trips in the period, by length (D = return minus departure)."""
    in_period = _trips_in_period(ctx)
    borderline = [t for t in in_period if 178 <= t.days <= 180 or 362 <= t.days <= 368]
    if borderline:
        yield Finding(
            "TRIP_BORDERLINE",
            "refer",
            f"{_plural(borderline, 'A trip', 'Trips')} of {_trip_words(borderline)} "
            f"{_plural(borderline, 'is', 'are')} within a few days of the 180-day or one-year "
            f"line, where ways of counting differ. {ATTORNEY}",
            "R5.2",
        )
    over_180 = [t for t in in_period if 181 <= t.days <= 364]
    if over_180:
        until = max(add_months(add_years(t.returned, ctx.years - 1), 6) for t in over_180)
        yield Finding(
            "TRIP_OVER_180",
            "refer",
            f"{_plural(over_180, 'A trip', 'Trips')} of {_trip_words(over_180)} "
            f"{_plural(over_180, 'is', 'are')} more than six months. USCIS presumes "
            f"{_plural(over_180, 'it', 'they')} broke continuous residence unless the applicant "
            f"shows ties kept in the U.S. {ATTORNEY} If it cannot be rebutted, the applicant "
            f"can file from {spoken(until)}.",
            "R5.2",
            until,
        )
    over_365 = [t for t in in_period if t.days >= 365]
    if over_365:
        effect = (
            "An approved N-470 preserved residence, so the filing date does not move, but"
            if ctx.facts.n470_approved
            else "The filing date above already starts the period again after it, and"
        )
        yield Finding(
            "TRIP_OVER_365",
            "refer",
            f"{_plural(over_365, 'A trip', 'Trips')} of {_trip_words(over_365)} lasted a year "
            f"or more: continuous residence was broken. {effect} part of the absence may "
            f"still fall in the period. {ATTORNEY}",
            "R5.3",
        )
    long_ones = [t for t in in_period if t.days >= 150]
    if len(long_ones) >= 3:
        yield Finding(
            "TRIP_PATTERN",
            "refer",
            f"{len(long_ones)} trips of 150 days or more in the period. Repeated long absences "
            f"can make USCIS question continuous residence, or whether the applicant still "
            f"lives in the U.S. {ATTORNEY}",
            "R5.2",
        )


def conditions(ctx):
    """R2.4: conditional residents must have the conditions removed."""
    residence = ctx.facts.residence
    if not residence.conditional:
        return
    if residence.conditions_petition == "pending":
        yield Finding(
            "CONDITIONS_PENDING",
            "info",
            "The applicant has a 2-year conditional green card and the petition to remove "
            "the conditions (I-751 or I-829) is pending. They may file; the conditions must be "
            "removed before the oath. Bring the receipt notice.",
            "R2.4",
        )
    elif residence.conditions_petition != "approved":
        yield Finding(
            "CONDITIONS_NOT_REMOVED",
            "refer",
            "The applicant has a 2-year conditional green card and the petition to remove the "
            "conditions was filed late, not filed, or nobody knows. " + ATTORNEY,
            "R2.4",
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
            "SELECTIVE_SERVICE_REGISTER",
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
            "SELECTIVE_SERVICE_LETTER",
            "refer",
            f"The applicant is a man who lived in the U.S. between 18 and 26 and never "
            f"registered with the Selective Service. Filing before {spoken(safe)} needs a "
            f"Status Information Letter and a statement that the failure was not knowing and "
            f"willful. {ATTORNEY} Waiting until {spoken(safe)} avoids the question.",
            "R8.8",
            safe,
        )


def permanent_bars(ctx):
    """R8.2: murder, aggravated felony since 29 Nov 1990, persecution, desertion, alienage."""
    record = ctx.facts.record
    reasons = []
    for conviction in record.convictions:
        if conviction.kind == "murder":
            reasons.append(f"A murder conviction ({spoken(conviction.date)})")
        elif (
            conviction.kind == "aggravated_felony" and conviction.date >= AGGRAVATED_FELONY_BAR_FROM
        ):
            reasons.append(f"An aggravated felony conviction ({spoken(conviction.date)})")
    reasons += [PERMANENT_CONCERNS[c] for c in record.other_concerns if c in PERMANENT_CONCERNS]
    if reasons:
        yield Finding(
            "PERMANENT_BAR",
            "bar",
            "; ".join(dict.fromkeys(reasons)) + ": a permanent bar to naturalization. Do not "
            "file. An attorney must advise: filing can lead to removal proceedings.",
            "R8.2",
        )
    if record.removal_proceedings == "pending":
        yield Finding(
            "REMOVAL_PENDING",
            "bar",
            "Removal proceedings are pending. USCIS cannot approve an N-400 while they last "
            "(INA 318). Do not file; an attorney must advise.",
            "R2.6",
        )


def _bar_convictions(ctx):
    """Convictions inside the period that make the conditional bar, and the small marijuana
    possessions that only count when there are two or more."""
    inside = [c for c in ctx.facts.record.convictions if inside_period(c.date, ctx)]
    barring = [c for c in inside if c.kind in BAR_KINDS]
    marijuana = sorted(
        (c for c in inside if c.kind == "marijuana_possession_30g"), key=lambda c: c.date
    )
    return barring, marijuana if len(marijuana) >= 2 else []


def conditional_bars(ctx):
    """R8.3: crimes in the period, or 180+ days in jail, bar good moral character for now."""
    record = ctx.facts.record
    barring, marijuana = _bar_convictions(ctx)
    jailed = record.jail_days >= 180
    if not (barring or marijuana or jailed):
        return
    ends = [period_until(c.date, ctx) for c in barring]
    if marijuana:
        ends.append(period_until(marijuana[-2].date, ctx))
    until = max(ends) if ends else None
    parts = []
    if barring:
        parts.append(
            f"{len(barring)} conviction{'s' if len(barring) > 1 else ''} for a crime "
            "of moral turpitude or a controlled substance"
        )
    if marijuana:
        parts.append(f"{len(marijuana)} convictions for possessing a small amount of marijuana")
    if jailed:
        parts.append(f"{record.jail_days} days in jail after a conviction")
    when = f" The issue leaves the period on {spoken(until)}." if until else ""
    yield Finding(
        "CONDITIONAL_BAR",
        "bar",
        f"{'; '.join(parts).capitalize()} in the {ctx.years}-year period: the applicant cannot "
        f"show good moral character now. Do not file; an attorney must advise.{when}",
        "R8.3",
        until,
    )


def criminal_history(ctx):
    """R8.7: any other arrest, charge or conviction goes to an attorney."""
    record = ctx.facts.record
    barring, marijuana = _bar_convictions(ctx)
    making_bars = {id(c) for c in barring + marijuana}
    others = [
        c
        for c in record.convictions
        if id(c) not in making_bars
        and c.kind != "murder"
        and not (c.kind == "aggravated_felony" and c.date >= AGGRAVATED_FELONY_BAR_FROM)
    ]
    if record.arrests_or_charges or others:
        yield Finding(
            "CRIMINAL_HISTORY",
            "refer",
            "The applicant has an arrest, charge or conviction on record. Any criminal history "
            "can affect eligibility or lead to removal. An attorney must review certified "
            "court records before filing.",
            "R8.7",
        )


def dui(ctx):
    """R8.4: two DUIs in the period presume a lack of good moral character; one is weighed."""
    convictions = ctx.facts.record.dui_convictions
    inside = sorted(d for d in convictions if inside_period(d, ctx))
    if len(inside) >= 2:
        until = period_until(inside[-2], ctx)
        yield Finding(
            "MULTIPLE_DUI",
            "refer",
            f"{len(inside)} DUI convictions in the {ctx.years}-year period create a presumption "
            f"that the applicant lacks good moral character. {ATTORNEY} The second most recent "
            f"leaves the period on {spoken(until)}.",
            "R8.4",
            until,
        )
    elif convictions:
        yield Finding(
            "DUI",
            "refer",
            "A DUI conviction is on record. The officer weighs it, more heavily with injury or "
            f"a suspended license. {ATTORNEY}",
            "R8.4",
        )


SIMPLE_REFERRALS = (
    # (applies, code, message, rule)
    (
        lambda r: r.traffic_tickets >= 3,
        "TRAFFIC_PATTERN",
        "Three or more traffic tickets. Since August 2025 USCIS weighs habitual traffic offenses "
        f"against good moral character. {ATTORNEY}",
        "R8.5",
    ),
    (
        lambda r: r.taxes == "not_filed",
        "TAXES_UNFILED",
        "Tax returns were not filed. Not filing is an unlawful act that can bar good moral "
        f"character. The returns should be filed first. {ATTORNEY}",
        "R8.3",
    ),
    (
        lambda r: r.taxes == "owed_no_plan",
        "TAXES_OWED",
        "Taxes are owed with no payment plan. A current IRS or state payment plan is usually "
        f"needed before filing. {ATTORNEY}",
        "R8.3",
    ),
    (
        lambda r: r.taxes == "filed_as_nonresident",
        "NONRESIDENT_TAX",
        "The applicant filed taxes as a nonresident. That can mean they gave up U.S. residence, "
        f"or even their green card. {ATTORNEY}",
        "R5.4",
    ),
    (
        lambda r: r.child_support == "arrears",
        "CHILD_SUPPORT_ARREARS",
        "Child support is unpaid. Willful failure to support children can bar good moral "
        f"character. Bring court orders and payment records. {ATTORNEY}",
        "R8.3",
    ),
    (
        lambda r: r.false_claim_to_citizenship,
        "FALSE_CLAIM_CITIZENSHIP",
        "The applicant has claimed to be a U.S. citizen. A false claim can make a person "
        "deportable. Do not file; an attorney must review.",
        "R8.7",
    ),
    (
        lambda r: r.registered_or_voted,
        "UNLAWFUL_VOTING",
        "The applicant registered to vote or voted in a U.S. election. This can make a person "
        "deportable and bar naturalization. Do not file; an attorney must review.",
        "R8.7",
    ),
    (
        lambda r: r.removal_proceedings == "past",
        "REMOVAL_HISTORY",
        "The applicant was in removal or deportation proceedings before. An attorney must review "
        "the court records before filing.",
        "R8.7",
    ),
    (
        lambda r: r.lpr_lawfulness_concern,
        "LPR_LAWFULNESS",
        "There is a concern about how the green card was obtained. If it was not lawfully "
        f"obtained, filing can lead to removal. {ATTORNEY}",
        "R2.1",
    ),
)


def record_answers(ctx):
    """R8.3, R8.5, R8.7, R5.4, R2.1: answers that always go to an attorney."""
    record = ctx.facts.record
    for applies, code, message, rule in SIMPLE_REFERRALS:
        if applies(record):
            yield Finding(code, "refer", message, rule)
    if record.taxes == "owed_with_plan":
        yield Finding(
            "TAX_PAYMENT_PLAN",
            "info",
            "Taxes are owed under a current payment plan. This is usually acceptable: bring "
            "the installment agreement, proof of payments and IRS transcripts.",
            "R8.7",
        )
    concerns = [c for c in record.other_concerns if c not in PERMANENT_CONCERNS]
    if concerns:
        words = ", ".join(dict.fromkeys(c.replace("_", " ") for c in concerns))
        yield Finding(
            "GMC_CONCERN",
            "refer",
            f"Answers raise a good-moral-character concern ({words}). {ATTORNEY}",
            "R8.3",
        )


def country_hold(ctx, held):
    """R8.10: nationals of countries under a USCIS adjudication hold."""
    matches = [code for code in ctx.facts.person.nationalities if code in held]
    if matches:
        yield Finding(
            "COUNTRY_HOLD",
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
            "DISABILITY_EXCEPTION",
            "refer",
            "The applicant will ask to be excused from the English and civics tests for a "
            "disability (Form N-648). Since June 2025 the doctor must explain how the condition "
            "prevents learning them. An attorney or clinician must review the form.",
            "R9.4",
        )
    military = sorted(ctx.applicable & MILITARY_PATHS)
    if military:
        yield Finding(
            "MILITARY_PATH",
            "refer",
            f"A military path (INA {' and '.join(military)}) applies. These paths have their "
            f"own forms and no fee; refer to an attorney who knows military naturalization.",
            "R3.5",
        )


def waits(ctx, binding, as_of):
    """R1, R4-R7: the requirements that set a future earliest filing date."""
    if ctx.filing_date <= as_of:
        return
    for constraint in binding:
        yield Finding(constraint.code, "wait", constraint.message, constraint.rule)


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
        "ENGLISH_EXEMPT",
        "info",
        f"The applicant qualifies for the {exemption} exemption: no English test, {civics}, "
        f"in their own language with an interpreter they bring.",
        "R9.3",
    )


def _plural(items, one, many):
    return one if len(items) == 1 else many


RULES = (
    n600_possible,
    presence_margin,
    trips,
    conditions,
    selective_service,
    permanent_bars,
    conditional_bars,
    criminal_history,
    dui,
    record_answers,
    disability_and_military,
)
