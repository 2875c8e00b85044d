"""Date arithmetic, the 90-day window, Feb 29, age, state residence and restarts (R0-R7)."""

from datetime import date, timedelta

import pytest

from clinic.screening.dates import add_months, add_years, spoken
from tests.screening.conftest import codes, finding, run


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (date(2020, 2, 29), 5, date(2025, 3, 1)),
        (date(2020, 2, 29), 4, date(2024, 2, 29)),
        (date(2020, 2, 29), -1, date(2019, 3, 1)),
        (date(2021, 3, 15), 5, date(2026, 3, 15)),
    ],
)
def test_add_years_keeps_the_day_and_moves_feb_29_to_march_1(day, years, expected):
    assert add_years(day, years) == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 8, 31), 3, date(2026, 11, 30)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2027, 11, 30), 3, date(2028, 2, 29)),
        (date(2026, 1, 15), -2, date(2025, 11, 15)),
    ],
)
def test_add_months_clips_to_the_end_of_the_month(day, months, expected):
    assert add_months(day, months) == expected


def test_dates_are_spoken_unambiguously():
    assert spoken(date(2023, 1, 5)) == "5 Jan 2023"


LPR = "2021-03-15"  # five-year anniversary 2026-03-15; 90 days before: 2025-12-15


def test_on_the_90th_day_before_the_anniversary_the_applicant_may_file():
    result = run(as_of="2025-12-15", residence={"lpr_since": LPR})
    assert result.earliest_filing_date == date(2025, 12, 15)
    assert result.outcome == "eligible"


def test_on_the_91st_day_before_the_anniversary_it_is_too_early():
    result = run(as_of="2025-12-14", residence={"lpr_since": LPR})
    assert result.outcome == "not_yet"
    assert codes(result) >= {"RESIDENCE_TIME"}
    assert "15 Dec 2025" in finding(result, "RESIDENCE_TIME").message


def test_feb_29_green_card_counts_the_anniversary_from_march_1():
    result = run(as_of="2024-11-01", residence={"lpr_since": "2020-02-29"})
    assert result.earliest_filing_date == date(2025, 3, 1) - timedelta(days=90)  # 2024-12-01


def test_feb_29_green_card_on_the_three_year_path():
    result = run(
        as_of="2022-11-01",
        residence={"lpr_since": "2020-02-29"},
        marriage={
            "status": "married",
            "spouse_citizen": True,
            "spouse_citizen_since": "1980-01-01",
            "married_on": "2015-06-01",
        },
    )
    assert result.path == "319a"
    assert result.earliest_filing_date == date(2023, 3, 1) - timedelta(days=90)  # 2022-11-30


def test_under_18_waits_for_the_birthday_and_files_on_it():
    facts = {"person": {"date_of_birth": "2008-12-01"}, "residence": {"lpr_since": "2012-01-01"}}
    before = run(as_of="2026-11-30", **facts)
    assert before.outcome == "not_yet"
    assert before.earliest_filing_date == date(2026, 12, 1)
    assert "UNDER_18" in codes(before)
    on_the_day = run(as_of="2026-12-01", **facts)
    assert on_the_day.outcome == "eligible" and "UNDER_18" not in codes(on_the_day)


def test_three_months_in_the_state_after_a_move():
    result = run(residence={"lpr_since": "2015-01-01", "state_since": "2026-10-15"})
    assert result.earliest_filing_date == date(2027, 1, 15)
    assert codes(result) == {"STATE_RESIDENCE"}


def test_a_dependent_student_may_file_where_the_family_lives():
    result = run(
        residence={
            "lpr_since": "2015-01-01",
            "state_since": "2026-10-15",
            "student_dependent": True,
        }
    )
    assert result.outcome == "eligible"


def test_a_year_long_trip_restarts_the_five_year_path_four_years_and_a_day_later():
    result = run(
        as_of="2026-11-30",
        residence={"lpr_since": "2010-01-01"},
        trips=[{"departed": "2022-01-10", "returned": "2023-02-01"}],
    )
    assert result.earliest_filing_date == date(2027, 2, 2)
    assert codes(result) >= {"RESIDENCE_TIME", "TRIP_OVER_365"}
    assert result.outcome == "refer"


def test_a_year_long_trip_restarts_the_three_year_path_two_years_and_a_day_later():
    result = run(
        as_of="2026-11-30",
        residence={"lpr_since": "2018-01-01"},
        marriage={
            "status": "married",
            "spouse_citizen": True,
            "spouse_citizen_since": "1970-01-01",
            "married_on": "2016-01-01",
        },
        trips=[{"departed": "2023-06-01", "returned": "2024-07-01"}],
    )
    assert result.path == "319a"
    assert result.earliest_filing_date == date(2026, 7, 2)


def test_an_approved_n470_keeps_the_date_but_not_the_finding():
    result = run(
        n470_approved=True,
        residence={"lpr_since": "2010-01-01"},
        trips=[{"departed": "2022-01-10", "returned": "2023-02-01"}],
    )
    assert result.earliest_filing_date == date(2014, 10, 3)
    assert "TRIP_OVER_365" in codes(result)
    assert "N-470" in finding(result, "TRIP_OVER_365").message
