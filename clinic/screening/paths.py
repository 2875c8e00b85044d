"""Filing paths and their earliest filing dates (R1, R3-R7), with physical presence (R6).

For each path that applies, every constraint is a dated requirement; the path's earliest date
is the latest of them, then pushed to the first day physical presence reaches the threshold.
"""

from dataclasses import dataclass

from clinic.screening.codes import (
    MARRIAGE_TIME,
    PHYSICAL_PRESENCE,
    RESIDENCE_TIME,
    STATE_RESIDENCE,
    UNDER_18,
)
from clinic.screening.dates import NINETY_DAYS, ONE_DAY, add_months, add_years, spoken
from clinic.screening.result import PathResult, Presence

# In the contract's table order, which also breaks ties between equally early paths.
PATH_ORDER = ("316a", "319a", "319a_vawa", "319b", "329", "328")
PERIOD_YEARS = {"316a": 5, "319a": 3, "319a_vawa": 3, "319b": 3, "329": 1, "328": 5}
PRESENCE_REQUIRED = {"316a": 913, "319a": 548, "319a_vawa": 548}
RESTART_YEARS = {"316a": 4, "319a": 2, "319a_vawa": 2}  # after a trip of 365+ days (R5.3)
STATE_RULE_PATHS = frozenset({"316a", "319a", "319a_vawa"})
MILITARY_PATHS = frozenset({"328", "329"})
LONG_TRIP_DAYS = 365


@dataclass(frozen=True, slots=True)
class Constraint:
    day: object  # date
    code: str  # the wait finding it becomes when it sets the earliest date
    reason: str  # a line for the path's list of reasons
    message: str = ""  # the wait finding's message, when it is one
    rule: str = "R4.2"


@dataclass(frozen=True, slots=True)
class PathDates:
    path: str
    earliest: object  # date
    binding: tuple  # the Constraints that set `earliest`
    reasons: tuple


def applicable_paths(facts):
    """{path: reason it does not apply} for the paths that don't, in table order."""
    marriage, military = facts.marriage, facts.military
    to_citizen = marriage.status == "married" and marriage.spouse_citizen
    honorable = military.served and military.honorable
    recent = military.serving_now or (
        military.separated_on is not None and add_months(military.separated_on, 6) >= facts.as_of
    )
    return {
        "316a": None,
        "319a": None if to_citizen else "not married to a U.S. citizen",
        "319a_vawa": None if marriage.vawa else "not a resident through VAWA",
        "319b": None
        if to_citizen and marriage.spouse_employed_abroad
        else "no citizen spouse employed abroad",
        "329": None
        if honorable and military.served_since_2001_09_11
        else "no honorable military service since 11 Sep 2001",
        "328": None
        if honorable and military.service_days >= 365 and recent
        else "no year of honorable service while serving or within 6 months of leaving",
    }


def base_constraints(path, facts):
    """R4.2 and R3: the path's own residence (and marriage) dates."""
    lpr = facts.residence.lpr_since
    if path in ("316a", "319a", "319a_vawa"):
        years = PERIOD_YEARS[path]
        anniversary = add_years(lpr, years)
        day = anniversary - NINETY_DAYS
        constraints = [
            Constraint(
                day,
                RESIDENCE_TIME,
                f"{years} years as a resident less 90 days: {spoken(day)}",
                f"The applicant completes {years} years as a permanent resident on "
                f"{spoken(anniversary)}. USCIS accepts the N-400 up to 90 days early, so they can "
                f"file from {spoken(day)}.",
                "R4.1",
            )
        ]
        if path == "319a":
            marriage = facts.marriage
            union = max(d for d in (marriage.married_on, marriage.living_together_since) if d)
            union_day = add_years(union, 3)
            citizen_day = add_years(marriage.spouse_citizen_since, 3)
            constraints.append(
                Constraint(
                    union_day,
                    MARRIAGE_TIME,
                    f"3 years of marital union: {spoken(union_day)}",
                    f"On the 3-year path the couple must have lived together in marriage for 3 "
                    f"years before filing: from {spoken(union_day)}.",
                    "R3.2",
                )
            )
            constraints.append(
                Constraint(
                    citizen_day,
                    MARRIAGE_TIME,
                    f"3 years of the spouse's citizenship: {spoken(citizen_day)}",
                    f"On the 3-year path the spouse must have been a U.S. citizen for the whole 3 "
                    f"years before filing: from {spoken(citizen_day)}.",
                    "R3.2",
                )
            )
        return constraints
    return [Constraint(lpr, RESIDENCE_TIME, f"a permanent resident since {spoken(lpr)}")]


def path_constraints(path, facts):
    constraints = base_constraints(path, facts)
    if path != "329":
        adult = add_years(facts.person.date_of_birth, 18)
        constraints.append(
            Constraint(
                adult,
                UNDER_18,
                f"18 years old on {spoken(adult)}",
                f"The applicant turns 18 on {spoken(adult)}. Nobody can file the N-400 before 18 "
                f"(except through wartime military service).",
                "R1.1",
            )
        )
    residence = facts.residence
    if path in STATE_RULE_PATHS and not residence.student_dependent:
        moved = residence.state_since or residence.lpr_since
        settled = add_months(moved, 3)
        constraints.append(
            Constraint(
                settled,
                STATE_RESIDENCE,
                f"3 months in the state: {spoken(settled)}",
                f"The applicant must have lived 3 months in the state where they file: from "
                f"{spoken(settled)}.",
                "R7.1",
            )
        )
    if path in RESTART_YEARS and not facts.n470_approved:
        long_returns = [t.returned for t in facts.trips if t.days >= LONG_TRIP_DAYS]
        if long_returns:
            returned = max(long_returns)
            restart = add_years(returned, RESTART_YEARS[path]) + ONE_DAY
            constraints.append(
                Constraint(
                    restart,
                    RESIDENCE_TIME,
                    f"residence restarts after a trip of a year or more: {spoken(restart)}",
                    f"A trip of a year or more, back on {spoken(returned)}, broke continuous "
                    f"residence. The period starts again: the applicant can file from "
                    f"{spoken(restart)}.",
                    "R5.3",
                )
            )
    return constraints


def path_dates(path, facts, absences):
    constraints = path_constraints(path, facts)
    latest = max(c.day for c in constraints)
    earliest = latest
    reasons = [c.reason for c in constraints]
    if path in PRESENCE_REQUIRED:
        earliest = first_presence_date(path, latest, facts, absences)
        if earliest > latest:
            reasons.append(
                f"{PRESENCE_REQUIRED[path]} days of physical presence: {spoken(earliest)}"
            )
    binding = [c for c in constraints if c.day == earliest]
    if earliest > latest:
        required, years = PRESENCE_REQUIRED[path], PERIOD_YEARS[path]
        binding.append(
            Constraint(
                earliest,
                PHYSICAL_PRESENCE,
                reasons[-1],
                f"The applicant needs {required} days in the U.S. in the {years} years before "
                f"filing. Counting the trips listed, and no more travel, they reach it on "
                f"{spoken(earliest)}.",
                "R6.4",
            )
        )
    return PathDates(path, earliest, tuple(binding), tuple(reasons))


def all_path_dates(facts, absences):
    """PathDates for each applicable path, and PathResults (all six) for the report."""
    not_applying = applicable_paths(facts)
    dates, results = {}, []
    for path in PATH_ORDER:
        why_not = not_applying[path]
        if why_not is None:
            dates[path] = path_dates(path, facts, absences)
            results.append(PathResult(path, dates[path].earliest, dates[path].reasons))
        else:
            results.append(PathResult(path, None, (why_not,)))
    return dates, tuple(results)


# ---- physical presence (R6) ------------------------------------------------------------------


def absence_ranges(trips):
    """Days away for each trip as (first, last) ordinals: the days strictly between departure
    and return (both travel days count as present)."""
    return [
        (t.departed.toordinal() + 1, t.returned.toordinal() - 1)
        for t in trips
        if (t.returned - t.departed).days >= 2
    ]


def presence(filing_date, years, lpr_since, absences):
    """Days present in [filing_date - years, filing_date - 1 day], counting from lpr_since."""
    start = max(add_years(filing_date, -years), lpr_since).toordinal()
    end = filing_date.toordinal() - 1
    days = end - start + 1
    if days <= 0:
        return 0
    for first, last in absences:
        low = first if first > start else start
        high = last if last < end else end
        if high >= low:
            days -= high - low + 1
    return days


def first_presence_date(path, not_before, facts, absences):
    """The first filing date on or after `not_before` with enough physical presence.

    Presence can rise by at most one day per day, so a shortfall of k days means no earlier
    date than k days on can qualify: jumping by the shortfall finds the first qualifying date
    without scanning every day. A qualifying date in the past is only kept if presence still
    holds on as_of (R4.4: presence is tested on the day the application is filed); otherwise
    the search goes on from as_of, assuming no travel after it.
    """
    years, required = PERIOD_YEARS[path], PRESENCE_REQUIRED[path]
    lpr = facts.residence.lpr_since
    day = _scan(not_before, years, required, lpr, absences)
    if day < facts.as_of and presence(facts.as_of, years, lpr, absences) < required:
        day = _scan(facts.as_of, years, required, lpr, absences)
    return day


def _scan(day, years, required, lpr, absences):
    while True:
        days = presence(day, years, lpr, absences)
        if days >= required:
            return day
        day = day.fromordinal(day.toordinal() + required - days)


def presence_report(path, filing_date, facts, absences):
    if path not in PRESENCE_REQUIRED:
        return None
    years = PERIOD_YEARS[path]
    days = presence(filing_date, years, facts.residence.lpr_since, absences)
    return Presence(
        days, PRESENCE_REQUIRED[path], add_years(filing_date, -years), filing_date - ONE_DAY
    )
