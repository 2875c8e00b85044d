"""Residence findings: physical presence near the line, long trips, conditional green cards."""

from clinic.screening.codes import (
    CONDITIONS_NOT_REMOVED,
    CONDITIONS_PENDING,
    PHYSICAL_PRESENCE_MARGIN,
    TRIP_BORDERLINE,
    TRIP_OVER_180,
    TRIP_OVER_365,
    TRIP_PATTERN,
)
from clinic.screening.dates import add_months, add_years, spoken
from clinic.screening.findings.context import ATTORNEY, plural
from clinic.screening.result import Finding


def _trip_words(trips):
    return " and ".join(
        f"{t.days} days ({spoken(t.departed)} to {spoken(t.returned)})" for t in trips
    )


def _trips_in_period(ctx):
    return [t for t in ctx.facts.trips if t.returned > ctx.period_start]


def presence_margin(ctx):
    """R6.6: presence only just above the threshold needs a careful count."""
    presence = ctx.presence
    if presence is not None and presence.required <= presence.days < presence.required + 10:
        yield Finding(
            PHYSICAL_PRESENCE_MARGIN,
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
            TRIP_BORDERLINE,
            "refer",
            f"{plural(borderline, 'A trip', 'Trips')} of {_trip_words(borderline)} "
            f"{plural(borderline, 'is', 'are')} within a few days of the 180-day or one-year "
            f"line, where ways of counting differ. {ATTORNEY}",
            "R5.2",
        )
    over_180 = [t for t in in_period if 181 <= t.days <= 364]
    if over_180:
        until = max(add_months(add_years(t.returned, ctx.years - 1), 6) for t in over_180)
        yield Finding(
            TRIP_OVER_180,
            "refer",
            f"{plural(over_180, 'A trip', 'Trips')} of {_trip_words(over_180)} "
            f"{plural(over_180, 'is', 'are')} more than six months. USCIS presumes "
            f"{plural(over_180, 'it', 'they')} broke continuous residence unless the applicant "
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
            TRIP_OVER_365,
            "refer",
            f"{plural(over_365, 'A trip', 'Trips')} of {_trip_words(over_365)} lasted a year "
            f"or more: continuous residence was broken. {effect} part of the absence may "
            f"still fall in the period. {ATTORNEY}",
            "R5.3",
        )
    long_ones = [t for t in in_period if t.days >= 150]
    if len(long_ones) >= 3:
        yield Finding(
            TRIP_PATTERN,
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
            CONDITIONS_PENDING,
            "info",
            "The applicant has a 2-year conditional green card and the petition to remove "
            "the conditions (I-751 or I-829) is pending. They may file; the conditions must be "
            "removed before the oath. Bring the receipt notice.",
            "R2.4",
        )
    elif residence.conditions_petition != "approved":
        yield Finding(
            CONDITIONS_NOT_REMOVED,
            "refer",
            "The applicant has a 2-year conditional green card and the petition to remove the "
            "conditions was filed late, not filed, or nobody knows. " + ATTORNEY,
            "R2.4",
        )
