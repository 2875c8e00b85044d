"""The dated rules data in data/: fees, poverty guidelines, civics-test dates, country holds.

Read once, on first use, from the package's JSON files; each file carries its source and the
date it was last verified, and `rules_version` is the newest of those dates.
"""

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

FILES = ("fees.json", "poverty_guidelines.json", "civics.json", "country_holds.json")


@dataclass(frozen=True, slots=True)
class FeeSchedule:
    effective: date
    full_paper: int | None
    full_online: int | None
    reduced: int | None
    reduced_form: str | None
    waiver: int | None
    waiver_form: str | None
    military: int
    waiver_percent: int
    reduced_percent: int

    def saved_by(self, basis):
        """Dollars kept against the full paper fee by a fee waiver or the reduced fee (0 for
        any other basis, or where this schedule doesn't offer it)."""
        paid = {"waiver": self.waiver, "reduced": self.reduced}.get(basis)
        if paid is None or self.full_paper is None:
            return 0
        return self.full_paper - paid


@dataclass(frozen=True, slots=True)
class Hold:
    effective: date
    ends: date | None
    countries: frozenset


@dataclass(frozen=True, slots=True)
class RulesData:
    version: str
    fee_schedules: tuple  # FeeSchedule, oldest first
    poverty: dict  # year -> {"contiguous"|"AK"|"HI": (first_person, each_additional)}
    civics_2025_from: date
    holds: tuple


def _read(name):
    return json.loads(resources.files("clinic.screening").joinpath("data", name).read_text())


@cache
def rules_data():
    raw = {name: _read(name) for name in FILES}
    fees = raw["fees.json"]
    schedules = tuple(
        sorted(
            (
                FeeSchedule(**{**s, "effective": date.fromisoformat(s["effective"])})
                for s in fees["schedules"]
            ),
            key=lambda schedule: schedule.effective,
        )
    )
    poverty = {
        int(year): {
            region: (table[region]["first_person"], table[region]["each_additional"])
            for region in ("contiguous", "AK", "HI")
            if region in table
        }
        for year, table in raw["poverty_guidelines.json"]["years"].items()
    }
    holds = tuple(
        Hold(
            effective=date.fromisoformat(hold["effective"]),
            ends=date.fromisoformat(hold["ends"]) if hold["ends"] else None,
            countries=frozenset(hold["countries"]),
        )
        for hold in raw["country_holds.json"]["holds"]
    )
    return RulesData(
        version=max(content["verified"] for content in raw.values()),
        fee_schedules=schedules,
        poverty=poverty,
        civics_2025_from=date.fromisoformat(raw["civics.json"]["test_2025_from"]),
        holds=holds,
    )


def fee_schedule(data, on):
    """The schedule in force on `on` (the oldest one for earlier dates)."""
    current = data.fee_schedules[0]
    for schedule in data.fee_schedules:
        if schedule.effective <= on:
            current = schedule
    return current


def poverty_line(data, year, state, household_size):
    """The 100% guideline for the household, and the guidelines year used.

    The table for `year` if the data has one for the household's region, else the nearest year
    that does (the later one on a tie). AK and HI have their own tables.
    """
    region = state if state in ("AK", "HI") else "contiguous"
    years = [y for y, tables in data.poverty.items() if region in tables]
    used = min(years, key=lambda y: (abs(y - year), -y))
    first_person, each_additional = data.poverty[used][region]
    return first_person + each_additional * (household_size - 1), used


def held_countries(data, on):
    """Nationalities under an adjudication hold on `on`."""
    held = set()
    for hold in data.holds:
        if hold.effective <= on and (hold.ends is None or on < hold.ends):
            held |= hold.countries
    return held
