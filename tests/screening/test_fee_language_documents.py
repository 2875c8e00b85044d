"""Fees at the 150% and 400% lines (R11), English exemptions (R9), documents (R12)."""

from datetime import date

import pytest

from clinic.screening.data import poverty_line, rules_data
from tests.screening.conftest import codes, run

FAMILY_OF_4_2026 = 33_000  # 100% of the 2026 guideline for four people


@pytest.mark.parametrize(
    ("income", "basis"),
    [
        (FAMILY_OF_4_2026 * 3 // 2, "waiver"),  # exactly 150%: 49,500
        (FAMILY_OF_4_2026 * 3 // 2 + 1, "reduced"),
        (FAMILY_OF_4_2026 * 4, "reduced"),  # exactly 400%: 132,000
        (FAMILY_OF_4_2026 * 4 + 1, "full"),
    ],
)
def test_fee_at_the_lines(income, basis):
    result = run(household={"size": 4, "income": income})
    assert result.fee.basis == basis
    assert result.fee.poverty_guidelines_year == 2026


def test_fee_amounts_and_forms():
    waiver = run(household={"size": 1, "income": 0}).fee
    assert (waiver.paper, waiver.online, waiver.paper_only, waiver.form) == (0, None, True, "I-912")
    reduced = run(household={"size": 1, "income": 40_000}).fee
    assert (reduced.paper, reduced.paper_only, reduced.form) == (380, True, "N-400 Part 10")
    full = run(household={"size": 1, "income": 90_000}).fee
    assert (full.paper, full.online, full.paper_only, full.form) == (760, 710, False, None)


def test_benefits_or_hardship_qualify_for_the_waiver_at_any_income():
    for key in ("means_tested_benefit", "hardship"):
        result = run(household={"size": 2, "income": 500_000, key: True})
        assert result.fee.basis == "waiver"
        assert "FEE_WAIVER_EVIDENCE" in {d.code for d in result.documents}


def test_unknown_household_leaves_the_fee_unknown_with_a_finding():
    result = run(household=None)
    assert result.fee.basis == "unknown" and "FEE_INFO_MISSING" in codes(result)


def test_the_2025_guidelines_apply_to_filings_in_2025():
    result = run(as_of="2025-11-30", household={"size": 4, "income": 48_225})
    assert result.fee.basis == "waiver" and result.fee.poverty_guidelines_year == 2025
    result = run(as_of="2025-11-30", household={"size": 4, "income": 48_226})
    assert result.fee.basis == "reduced"


def test_larger_households_add_the_amount_for_each_person():
    assert poverty_line(rules_data(), 2026, "MA", 9) == (55_720 + 5_680, 2026)
    assert poverty_line(rules_data(), 2025, "MA", 8) == (54_150, 2025)


def test_alaska_and_hawaii_use_their_own_tables_from_the_nearest_year():
    assert poverty_line(rules_data(), 2026, "AK", 1) == (19_550, 2025)
    assert poverty_line(rules_data(), 2026, "HI", 4) == (36_980, 2025)
    assert poverty_line(rules_data(), 2030, "MA", 1) == (15_960, 2026)
    assert poverty_line(rules_data(), 2020, "MA", 1) == (15_650, 2025)


@pytest.mark.parametrize(
    ("born", "resident", "exemption", "civics"),
    [
        ("1961-11-30", "2006-11-30", "65/20", "65/20"),  # 65 and 20 years today
        ("1961-12-01", "2006-11-30", "55/15", "2025"),  # 65 tomorrow
        ("1971-11-30", "2011-11-30", "55/15", "2025"),
        ("1976-11-30", "2006-11-30", "50/20", "2025"),
        ("1976-11-30", "2006-12-01", None, "2025"),  # 20 years tomorrow
    ],
)
def test_english_exemptions_on_the_filing_date(born, resident, exemption, civics):
    result = run(person={"date_of_birth": born}, residence={"lpr_since": resident})
    assert result.english_exemption == exemption
    assert result.civics_test == civics
    assert ("ENGLISH_EXEMPT" in codes(result)) is (exemption is not None)


def test_civics_test_switches_on_20_october_2025():
    assert run(as_of="2025-10-19").civics_test == "2008"
    assert run(as_of="2025-10-20").civics_test == "2025"


def doc_codes(result):
    return [d.code for d in result.documents]


def test_married_applicant_on_the_three_year_path_brings_the_marriage_documents():
    result = run(
        as_of="2026-11-30",
        residence={"lpr_since": "2023-01-01"},
        marriage={
            "status": "married",
            "spouse_citizen": True,
            "spouse_citizen_since": "1990-01-01",
            "married_on": "2021-01-01",
        },
    )
    assert result.path == "319a"
    assert doc_codes(result) == [
        "GREEN_CARD",
        "PASSPORTS",
        "STATE_ID",
        "MARRIAGE_CERTIFICATE",
        "PRIOR_MARRIAGES_ENDED",
        "SPOUSE_CITIZENSHIP",
        "MARITAL_UNION_EVIDENCE",
    ]


def test_everyone_brings_the_basics_and_each_answer_adds_its_document():
    plain = run()
    assert doc_codes(plain) == ["GREEN_CARD", "PASSPORTS", "STATE_ID"]
    busy = run(
        person={"sex": "male", "date_of_birth": "2001-01-01", "name_changed": True},
        residence={
            "lpr_since": "2015-01-01",
            "conditional": True,
            "conditions_petition": "pending",
        },
        trips=[{"departed": "2024-01-01", "returned": "2024-08-01"}],
        record={"arrests_or_charges": 1, "taxes": "owed_with_plan", "child_support": "paid"},
        military={"served": True},
        parents={"citizen_parent_before_18": True},
        disability_exception=True,
        household={"size": 3, "income": 60_000},
    )
    assert set(doc_codes(busy)) == {
        "GREEN_CARD",
        "PASSPORTS",
        "STATE_ID",
        "TAX_TRANSCRIPTS",
        "TAX_PAYMENT_PLAN",
        "COURT_DISPOSITIONS",
        "CHILD_SUPPORT_RECORDS",
        "SELECTIVE_SERVICE_LETTER",
        "TRIP_TIES_EVIDENCE",
        "CONDITIONS_RECEIPT",
        "INCOME_EVIDENCE",
        "N648",
        "MILITARY_RECORDS",
        "PARENT_CITIZENSHIP_RECORDS",
        "NAME_CHANGE_RECORDS",
    }
    assert all(d.label and d.why for d in busy.documents)


def test_divorced_applicant_proves_the_marriage_ended():
    assert "PRIOR_MARRIAGES_ENDED" in doc_codes(run(marriage={"status": "divorced"}))


def test_rules_version_is_the_newest_verification_date():
    assert run().rules_version == "2026-11-30"
    assert date.fromisoformat(rules_data().version)
