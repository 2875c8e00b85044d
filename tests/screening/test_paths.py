"""Which paths apply and their dates (R3): marriage, VAWA, 319(b), military."""

from datetime import date

from tests.screening.conftest import codes, run

MARRIED_TO_CITIZEN = {
    "status": "married",
    "spouse_citizen": True,
    "spouse_citizen_since": "2010-05-05",
    "married_on": "2020-06-01",
}


def path_dates(result):
    return {p.path: p.earliest_filing_date for p in result.paths}


def test_every_path_is_listed_with_reasons_even_when_it_does_not_apply():
    result = run()
    assert [p.path for p in result.paths] == ["316a", "319a", "319a_vawa", "319b", "329", "328"]
    assert path_dates(result)["319a"] is None
    assert all(p.reasons for p in result.paths)


def test_married_to_a_citizen_uses_the_later_of_marriage_and_living_together():
    result = run(
        residence={"lpr_since": "2019-01-01"},
        marriage={**MARRIED_TO_CITIZEN, "living_together_since": "2021-03-01"},
    )
    assert path_dates(result)["319a"] == date(2024, 3, 1)  # living together, later
    result = run(
        residence={"lpr_since": "2019-01-01"},
        marriage={**MARRIED_TO_CITIZEN, "living_together_since": "2019-08-01"},
    )
    assert path_dates(result)["319a"] == date(2023, 6, 1)  # the marriage, later


def test_three_years_of_spouse_citizenship_has_no_90_day_window():
    result = run(
        as_of="2026-11-30",
        residence={"lpr_since": "2020-01-01"},
        marriage={
            **MARRIED_TO_CITIZEN,
            "spouse_citizen_since": "2024-02-02",
            "married_on": "2019-01-01",
        },
    )
    assert path_dates(result)["319a"] == date(2027, 2, 2)
    assert result.path == "316a"  # the five-year path is earlier here


def test_separated_or_divorced_falls_back_to_the_five_year_path():
    result = run(marriage={**MARRIED_TO_CITIZEN, "status": "separated"})
    assert path_dates(result)["319a"] is None and result.path == "316a"


def test_vawa_path_needs_no_marriage():
    result = run(
        as_of="2026-11-30",
        residence={"lpr_since": "2023-06-01"},
        marriage={"status": "divorced", "vawa": True},
    )
    assert result.path == "319a_vawa"
    assert result.earliest_filing_date == date(2026, 3, 3)


def test_spouse_employed_abroad_can_file_at_once():
    result = run(
        as_of="2026-11-30",
        residence={"lpr_since": "2026-06-01"},
        marriage={**MARRIED_TO_CITIZEN, "spouse_employed_abroad": True},
    )
    assert result.path == "319b"
    assert result.earliest_filing_date == date(2026, 6, 1)
    assert result.physical_presence is None


def test_wartime_service_needs_no_age_or_residence_time_and_goes_to_counsel():
    result = run(
        as_of="2026-11-30",
        person={"date_of_birth": "2009-01-01"},
        residence={"lpr_since": "2026-01-01"},
        military={"served": True, "served_since_2001_09_11": True},
    )
    assert result.path == "329"
    assert result.earliest_filing_date == date(2026, 1, 1)
    assert result.fee.basis == "military" and result.fee.paper == 0
    assert {"MILITARY_PATH"} <= codes(result) and result.outcome == "refer"


def test_peacetime_service_path_within_six_months_of_leaving():
    military = {"served": True, "service_days": 400, "separated_on": "2026-05-30"}
    inside = run(as_of="2026-11-30", residence={"lpr_since": "2025-01-01"}, military=military)
    assert path_dates(inside)["328"] == date(2025, 1, 1)
    outside = run(as_of="2026-12-01", residence={"lpr_since": "2025-01-01"}, military=military)
    assert path_dates(outside)["328"] is None


def test_dishonorable_service_opens_no_military_path():
    result = run(
        military={
            "served": True,
            "honorable": False,
            "served_since_2001_09_11": True,
            "service_days": 800,
            "serving_now": True,
        }
    )
    assert path_dates(result)["329"] is None and path_dates(result)["328"] is None
    assert "MILITARY_PATH" not in codes(result)


def test_ties_go_to_the_first_path_in_table_order():
    result = run(
        as_of="2026-11-30",
        residence={"lpr_since": "2026-06-01"},
        marriage={**MARRIED_TO_CITIZEN, "spouse_employed_abroad": True},
        military={"served": True, "served_since_2001_09_11": True},
    )
    assert path_dates(result)["319b"] == path_dates(result)["329"]
    assert result.path == "319b"
