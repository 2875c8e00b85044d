"""Selective Service, the record, taxes and other answers (R2, R8)."""

from datetime import date

import pytest

from tests.screening.conftest import codes, finding, run

MAN = {"sex": "male", "date_of_birth": "2000-06-15"}  # 26 on 2026-06-15, 31 on 2031-06-15


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2026-06-14", "SELECTIVE_SERVICE_REGISTER"),  # the day before the 26th birthday
        ("2026-06-15", "SELECTIVE_SERVICE_LETTER"),  # the 26th birthday
        ("2031-06-14", "SELECTIVE_SERVICE_LETTER"),  # the day before the 31st birthday
        ("2031-06-15", None),  # the 31st birthday: outside the five-year period
    ],
)
def test_selective_service_around_the_26th_and_31st_birthdays(as_of, expected):
    result = run(as_of=as_of, person=MAN, residence={"lpr_since": "2015-01-01"})
    found = codes(result) & {"SELECTIVE_SERVICE_REGISTER", "SELECTIVE_SERVICE_LETTER"}
    assert found == ({expected} if expected else set())
    if expected == "SELECTIVE_SERVICE_LETTER":
        assert finding(result, expected).until == date(2031, 6, 15)


def test_selective_service_letter_until_uses_the_three_year_period():
    result = run(
        as_of="2026-11-30",
        person=MAN,
        residence={"lpr_since": "2018-01-01"},
        marriage={
            "status": "married",
            "spouse_citizen": True,
            "spouse_citizen_since": "1990-01-01",
            "married_on": "2019-01-01",
        },
    )
    assert result.path == "319a"
    assert finding(result, "SELECTIVE_SERVICE_LETTER").until == date(2029, 6, 15)


def test_selective_service_does_not_apply_to_registered_men_women_or_late_arrivals():
    assert "SELECTIVE_SERVICE_REGISTER" not in codes(
        run(as_of="2026-01-01", person=MAN, selective_service={"registered": True})
    )
    assert "SELECTIVE_SERVICE_REGISTER" not in codes(
        run(as_of="2026-01-01", person={**MAN, "sex": "female"})
    )
    arrived_at_27 = run(as_of="2031-01-01", person=MAN, residence={"lpr_since": "2027-07-01"})
    assert "SELECTIVE_SERVICE_LETTER" not in codes(arrived_at_27)
    told_otherwise = run(
        as_of="2026-01-01", person=MAN, selective_service={"in_us_18_to_26": False}
    )
    assert "SELECTIVE_SERVICE_REGISTER" not in codes(told_otherwise)


def test_selective_service_is_not_asked_on_a_military_path():
    result = run(
        as_of="2026-01-01", person=MAN, military={"served": True, "served_since_2001_09_11": True}
    )
    assert result.path == "329"
    assert not codes(result) & {"SELECTIVE_SERVICE_REGISTER", "SELECTIVE_SERVICE_LETTER"}


def conviction(day, kind, sentence_days=0):
    return {"date": day, "kind": kind, "sentence_days": sentence_days}


def test_murder_is_a_permanent_bar_at_any_date():
    result = run(record={"convictions": [conviction("1985-01-01", "murder")]})
    assert result.outcome == "ineligible" and "PERMANENT_BAR" in codes(result)
    assert "CRIMINAL_HISTORY" not in codes(result)


def test_aggravated_felony_bars_from_29_november_1990():
    on = run(record={"convictions": [conviction("1990-11-29", "aggravated_felony", 400)]})
    before = run(record={"convictions": [conviction("1990-11-28", "aggravated_felony", 400)]})
    assert "PERMANENT_BAR" in codes(on)
    assert "PERMANENT_BAR" not in codes(before) and "CRIMINAL_HISTORY" in codes(before)


@pytest.mark.parametrize("concern", ["persecution", "desertion", "alienage_discharge"])
def test_permanent_concerns(concern):
    result = run(record={"other_concerns": [concern]})
    assert "PERMANENT_BAR" in codes(result) and "GMC_CONCERN" not in codes(result)


def test_pending_removal_bars_and_past_removal_refers():
    assert "REMOVAL_PENDING" in codes(run(record={"removal_proceedings": "pending"}))
    past = run(record={"removal_proceedings": "past"})
    assert "REMOVAL_HISTORY" in codes(past) and past.outcome == "refer"


def test_a_crime_of_moral_turpitude_bars_until_it_leaves_the_period():
    inside = run(
        as_of="2026-11-30", record={"convictions": [conviction("2022-03-01", "moral_turpitude")]}
    )
    bar = finding(inside, "CONDITIONAL_BAR")
    assert inside.outcome == "ineligible"
    assert bar.until == date(2027, 3, 2)
    on_until = run(
        as_of="2027-03-02", record={"convictions": [conviction("2022-03-01", "moral_turpitude")]}
    )
    assert "CONDITIONAL_BAR" not in codes(on_until) and "CRIMINAL_HISTORY" in codes(on_until)


def test_one_small_marijuana_possession_refers_and_two_bar():
    one = run(record={"convictions": [conviction("2024-01-01", "marijuana_possession_30g")]})
    assert "CONDITIONAL_BAR" not in codes(one) and "CRIMINAL_HISTORY" in codes(one)
    two = run(
        record={
            "convictions": [
                conviction("2023-01-01", "marijuana_possession_30g"),
                conviction("2024-05-01", "marijuana_possession_30g"),
            ]
        }
    )
    assert finding(two, "CONDITIONAL_BAR").until == date(2028, 1, 2)
    assert "CRIMINAL_HISTORY" not in codes(two)


def test_180_days_in_jail_bar_without_a_date_to_wait_for():
    result = run(record={"jail_days": 180})
    assert finding(result, "CONDITIONAL_BAR").until is None
    assert "CONDITIONAL_BAR" not in codes(run(record={"jail_days": 179}))


def test_one_dui_refers_and_two_in_the_period_presume_bad_character():
    one = run(record={"dui_convictions": ["2024-01-01"]})
    assert codes(one) & {"DUI", "MULTIPLE_DUI"} == {"DUI"}
    two = run(record={"dui_convictions": ["2022-05-05", "2024-01-01"]})
    assert finding(two, "MULTIPLE_DUI").until == date(2027, 5, 6)
    old = run(record={"dui_convictions": ["2015-05-05", "2024-01-01"]})
    assert codes(old) & {"DUI", "MULTIPLE_DUI"} == {"DUI"}
    assert "CRIMINAL_HISTORY" not in codes(two)


def test_arrests_without_conviction_refer():
    assert "CRIMINAL_HISTORY" in codes(run(record={"arrests_or_charges": 1}))


@pytest.mark.parametrize(
    ("answers", "code", "severity"),
    [
        ({"traffic_tickets": 3}, "TRAFFIC_PATTERN", "refer"),
        ({"taxes": "not_filed"}, "TAXES_UNFILED", "refer"),
        ({"taxes": "owed_no_plan"}, "TAXES_OWED", "refer"),
        ({"taxes": "owed_with_plan"}, "TAX_PAYMENT_PLAN", "info"),
        ({"taxes": "filed_as_nonresident"}, "NONRESIDENT_TAX", "refer"),
        ({"child_support": "arrears"}, "CHILD_SUPPORT_ARREARS", "refer"),
        ({"false_claim_to_citizenship": True}, "FALSE_CLAIM_CITIZENSHIP", "refer"),
        ({"registered_or_voted": True}, "UNLAWFUL_VOTING", "refer"),
        ({"lpr_lawfulness_concern": True}, "LPR_LAWFULNESS", "refer"),
        ({"other_concerns": ["gambling", "gambling"]}, "GMC_CONCERN", "refer"),
    ],
)
def test_record_answers(answers, code, severity):
    result = run(record=answers)
    assert finding(result, code).severity == severity
    assert result.outcome == ("refer" if severity == "refer" else "eligible")


def test_two_traffic_tickets_are_not_a_pattern():
    assert "TRAFFIC_PATTERN" not in codes(run(record={"traffic_tickets": 2}))


@pytest.mark.parametrize(
    ("petition", "expected"),
    [
        ("pending", "CONDITIONS_PENDING"),
        ("late_or_not_filed", "CONDITIONS_NOT_REMOVED"),
        (None, "CONDITIONS_NOT_REMOVED"),
        ("approved", None),
    ],
)
def test_conditional_residents(petition, expected):
    result = run(residence={"conditional": True, "conditions_petition": petition})
    found = codes(result) & {"CONDITIONS_PENDING", "CONDITIONS_NOT_REMOVED"}
    assert found == ({expected} if expected else set())


def test_country_hold_follows_the_dated_lists():
    angola = {"nationalities": ["AO"]}
    assert "COUNTRY_HOLD" not in codes(run(as_of="2025-12-15", person=angola))  # first list
    assert "COUNTRY_HOLD" in codes(run(as_of="2026-01-01", person=angola))  # second list
    cuba = {"nationalities": ["BR", "CU"]}
    assert "COUNTRY_HOLD" in codes(run(as_of="2025-12-15", person=cuba))
    assert "COUNTRY_HOLD" not in codes(run(as_of="2025-12-01", person=cuba))


def test_disability_exception_refers():
    assert "DISABILITY_EXCEPTION" in codes(run(disability_exception=True))


def test_n600_wins_over_everything():
    result = run(
        parents={"born_abroad_to_citizen": True}, record={"removal_proceedings": "pending"}
    )
    assert result.outcome == "n600"
