"""What every finding rule reads: the screening context, and the period's dates."""

from dataclasses import dataclass

from clinic.screening.dates import ONE_DAY, add_years

ATTORNEY = "An attorney must review."


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


def plural(items, one, many):
    return one if len(items) == 1 else many
