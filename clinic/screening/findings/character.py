"""Good moral character: permanent and conditional bars, the criminal record, DUIs, and the
record answers that always go to an attorney."""

from datetime import date

from clinic.screening.codes import (
    CONDITIONAL_BAR,
    CRIMINAL_HISTORY,
    DUI,
    FALSE_CLAIM_CITIZENSHIP,
    GMC_CONCERN,
    LPR_LAWFULNESS,
    MULTIPLE_DUI,
    PERMANENT_BAR,
    REMOVAL_HISTORY,
    REMOVAL_PENDING,
    TRAFFIC_PATTERN,
    UNLAWFUL_VOTING,
)
from clinic.screening.dates import spoken
from clinic.screening.findings.context import ATTORNEY, inside_period, period_until
from clinic.screening.result import Finding

PERMANENT_CONCERNS = {
    "persecution": "Taking part in persecution, genocide or torture",
    "desertion": "Desertion from the U.S. armed forces",
    "alienage_discharge": "An exemption or discharge from U.S. military service for being a "
    "foreign national",
}
AGGRAVATED_FELONY_BAR_FROM = date(1990, 11, 29)
BAR_KINDS = frozenset({"moral_turpitude", "controlled_substance"})


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
            PERMANENT_BAR,
            "bar",
            "; ".join(dict.fromkeys(reasons)) + ": a permanent bar to naturalization. Do not "
            "file. An attorney must advise: filing can lead to removal proceedings.",
            "R8.2",
        )
    if record.removal_proceedings == "pending":
        yield Finding(
            REMOVAL_PENDING,
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
        CONDITIONAL_BAR,
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
            CRIMINAL_HISTORY,
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
            MULTIPLE_DUI,
            "refer",
            f"{len(inside)} DUI convictions in the {ctx.years}-year period create a presumption "
            f"that the applicant lacks good moral character. {ATTORNEY} The second most recent "
            f"leaves the period on {spoken(until)}.",
            "R8.4",
            until,
        )
    elif convictions:
        yield Finding(
            DUI,
            "refer",
            "A DUI conviction is on record. The officer weighs it, more heavily with injury or "
            f"a suspended license. {ATTORNEY}",
            "R8.4",
        )


CHARACTER_REFERRALS = (
    # (applies, code, message, rule)
    (
        lambda r: r.traffic_tickets >= 3,
        TRAFFIC_PATTERN,
        "Three or more traffic tickets. Since August 2025 USCIS weighs habitual traffic offenses "
        f"against good moral character. {ATTORNEY}",
        "R8.5",
    ),
    (
        lambda r: r.false_claim_to_citizenship,
        FALSE_CLAIM_CITIZENSHIP,
        "The applicant has claimed to be a U.S. citizen. A false claim can make a person "
        "deportable. Do not file; an attorney must review.",
        "R8.7",
    ),
    (
        lambda r: r.registered_or_voted,
        UNLAWFUL_VOTING,
        "The applicant registered to vote or voted in a U.S. election. This can make a person "
        "deportable and bar naturalization. Do not file; an attorney must review.",
        "R8.7",
    ),
    (
        lambda r: r.removal_proceedings == "past",
        REMOVAL_HISTORY,
        "The applicant was in removal or deportation proceedings before. An attorney must review "
        "the court records before filing.",
        "R8.7",
    ),
    (
        lambda r: r.lpr_lawfulness_concern,
        LPR_LAWFULNESS,
        "There is a concern about how the green card was obtained. If it was not lawfully "
        f"obtained, filing can lead to removal. {ATTORNEY}",
        "R2.1",
    ),
)


def character_answers(ctx):
    """R8.5, R8.7, R2.1, R8.3: record answers that always go to an attorney."""
    record = ctx.facts.record
    for applies, code, message, rule in CHARACTER_REFERRALS:
        if applies(record):
            yield Finding(code, "refer", message, rule)
    concerns = [c for c in record.other_concerns if c not in PERMANENT_CONCERNS]
    if concerns:
        words = ", ".join(dict.fromkeys(c.replace("_", " ") for c in concerns))
        yield Finding(
            GMC_CONCERN,
            "refer",
            f"Answers raise a good-moral-character concern ({words}). {ATTORNEY}",
            "R8.3",
        )
