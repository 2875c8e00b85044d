"""Trip classes (R5.2) and physical presence (R6), on both sides of every line."""

from datetime import date, timedelta

import pytest

from clinic.screening.facts import Trip
from clinic.screening.paths import absence_ranges, presence
from tests.screening.conftest import codes, finding, run


def trip_of(days, departed=date(2024, 1, 10)):
    return {
        "departed": departed.isoformat(),
        "returned": (departed + timedelta(days=days)).isoformat(),
    }


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (177, set()),
        (178, {"TRIP_BORDERLINE"}),
        (180, {"TRIP_BORDERLINE"}),
        (181, {"TRIP_OVER_180"}),
        (361, {"TRIP_OVER_180"}),
        (364, {"TRIP_OVER_180", "TRIP_BORDERLINE"}),
        (365, {"TRIP_OVER_365", "TRIP_BORDERLINE"}),
        (368, {"TRIP_OVER_365", "TRIP_BORDERLINE"}),
        (369, {"TRIP_OVER_365"}),
    ],
)
def test_trip_length_classes(days, expected):
    result = run(residence={"lpr_since": "2010-01-01"}, trips=[trip_of(days)])
    assert codes(result) & {"TRIP_BORDERLINE", "TRIP_OVER_180", "TRIP_OVER_365"} == expected


def test_trip_over_180_until_is_four_years_six_months_after_return():
    result = run(residence={"lpr_since": "2010-01-01"}, trips=[trip_of(200)])
    # back on 28 Jul 2024: 4 years and 6 months later
    assert finding(result, "TRIP_OVER_180").until == date(2029, 1, 28)


def test_trips_that_ended_before_the_period_do_not_count():
    result = run(
        as_of="2026-11-30",
        residence={"lpr_since": "2010-01-01"},
        trips=[trip_of(200, departed=date(2021, 1, 1))],
    )  # back 2021-07-20
    assert "TRIP_OVER_180" not in codes(result)
    assert result.outcome == "eligible"


def test_three_trips_of_150_days_make_a_pattern():
    trips = [
        trip_of(150, date(2022, 1, 1)),
        trip_of(155, date(2023, 1, 1)),
        trip_of(160, date(2024, 1, 1)),
    ]
    assert "TRIP_PATTERN" in codes(run(residence={"lpr_since": "2010-01-01"}, trips=trips))
    assert "TRIP_PATTERN" not in codes(run(residence={"lpr_since": "2010-01-01"}, trips=trips[:2]))


def test_travel_days_count_as_present():
    absences = absence_ranges(
        (Trip(date(2024, 3, 1), date(2024, 3, 3)), Trip(date(2024, 4, 1), date(2024, 4, 2)))
    )
    # 2 March is away; a trip back the next day costs nothing.
    assert presence(date(2025, 1, 1), 5, date(2015, 1, 1), absences) == 1827 - 1


def test_no_presence_before_the_green_card():
    assert presence(date(2020, 1, 1), 5, date(2020, 1, 1), []) == 0


def lpr_and_trip_for_presence(days_present, years=5):
    """Facts whose presence on as_of (2026-11-30) is exactly `days_present`."""
    as_of = date(2026, 11, 30)
    window_start = date(as_of.year - years, 11, 30)
    away = (as_of - window_start).days - days_present  # days strictly between the travel days
    departed = window_start + timedelta(days=10)
    return {
        "departed": departed.isoformat(),
        "returned": (departed + timedelta(days=away + 1)).isoformat(),
    }


@pytest.mark.parametrize(("present", "eligible_now"), [(912, False), (913, True)])
def test_913_days_of_presence_on_the_five_year_path(present, eligible_now):
    result = run(
        residence={"lpr_since": "2010-01-01"},
        n470_approved=True,
        trips=[lpr_and_trip_for_presence(present)],
    )
    assert (result.earliest_filing_date <= date(2026, 11, 30)) is eligible_now
    assert ("PHYSICAL_PRESENCE" in codes(result)) is not eligible_now
    if eligible_now:
        assert result.physical_presence.days == 913
        assert "PHYSICAL_PRESENCE_MARGIN" in codes(result)
    else:
        # As the window slides, the 11 present days before the trip leave it first (912 stays
        # 912), then each day gains one: 913 on 12 December.
        assert result.earliest_filing_date == date(2026, 12, 12)


@pytest.mark.parametrize(("present", "eligible_now"), [(547, False), (548, True)])
def test_548_days_of_presence_on_the_three_year_path(present, eligible_now):
    result = run(
        residence={"lpr_since": "2015-01-01"},
        n470_approved=True,
        marriage={
            "status": "married",
            "spouse_citizen": True,
            "spouse_citizen_since": "1970-01-01",
            "married_on": "2012-01-01",
        },
        trips=[lpr_and_trip_for_presence(present, years=3)],
    )
    three_year = next(p for p in result.paths if p.path == "319a")
    assert (three_year.earliest_filing_date <= date(2026, 11, 30)) is eligible_now


def test_presence_margin_fires_below_threshold_plus_ten_only():
    at_922 = run(
        residence={"lpr_since": "2010-01-01"},
        n470_approved=True,
        trips=[lpr_and_trip_for_presence(922)],
    )
    at_923 = run(
        residence={"lpr_since": "2010-01-01"},
        n470_approved=True,
        trips=[lpr_and_trip_for_presence(923)],
    )
    assert "PHYSICAL_PRESENCE_MARGIN" in codes(at_922)
    assert "PHYSICAL_PRESENCE_MARGIN" not in codes(at_923)


def test_presence_reached_in_the_past_but_lost_since_is_not_eligible_now():
    # Long enough here by 2020, then mostly away until late 2026: filing now would fail.
    trips = [
        trip_of(200, date(2022, 1, 1)),
        trip_of(300, date(2022, 9, 1)),
        trip_of(300, date(2023, 8, 1)),
        trip_of(330, date(2024, 7, 1)),
        trip_of(330, date(2025, 7, 1)),
    ]
    result = run(residence={"lpr_since": "2012-01-01"}, n470_approved=True, trips=trips)
    assert result.earliest_filing_date > date(2026, 11, 30)
    assert "PHYSICAL_PRESENCE" in codes(result)
    assert result.physical_presence.days >= 913


def test_presence_report_describes_the_window():
    result = run()
    window = result.physical_presence
    assert (window.window_start, window.window_end) == (date(2021, 11, 30), date(2026, 11, 29))
    assert (window.days, window.required) == (1826, 913)
