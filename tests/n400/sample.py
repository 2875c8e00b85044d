"""Answers to every question the N-400 map reads, with more rows than the form has (overflow),
as clinic.n400.answers.form_answers() returns them: the round-trip test's and the benchmark's."""

from datetime import date

from clinic.n400.answers import derived

TODAY = date(2026, 12, 3)


def trip(n):
    month = 1 + n % 12
    year = 2021 + n // 12
    return {
        "departed": f"{year}-{month:02d}-02",
        "returned": f"{year}-{month:02d}-20",
        "destination": f"Country number {n}",
    }


TRIPS = [trip(n) for n in range(14)]
ADDRESSES = [
    {
        "address": "12 Elm St Apt 3",
        "city": "Lawrence",
        "state": "MA",
        "zip_code": "01840",
        "country": "US",
        "moved_in": "2023-05-01",
        "moved_out": None,
    },
]
ADDRESSES += [
    {
        "address": f"{n} Oak Ave",
        "city": "Lowell",
        "state": "MA",
        "zip_code": "01850",
        "country": "US",
        "moved_in": f"20{10 + n}-01-01",
        "moved_out": f"20{11 + n}-01-01",
    }
    for n in range(1, 6)
]


def stored_sections():
    """Every section's answers as the interview stores them."""
    return {
        "contact": {
            "family_names": "Ruiz Ortega",
            "given_names": "María",
            "middle_names": "José",
            "date_of_birth": "1980-04-02",
            "sex": "female",
            "nationalities": ["DO", "ES"],
            "country_of_birth": "DO",
            "phone": "(978) 555-0101",
            "mobile_phone": "978-555-0102",
            "email": "maria@example.org",
            "language": "Spanish",
            "interpreter": True,
            "other_dates_of_birth": "04/03/1980 (on an old passport)",
        },
        "names": {
            "other_names": [
                {"family_name": "Ruiz", "given_name": "María", "middle_name": ""},
                {"family_name": "Ortega", "given_name": "Mari", "middle_name": "J"},
                {"family_name": "Ruiz-Ortega", "given_name": "Maria", "middle_name": "Jose"},
            ],
            "wants_name_change": True,
            "new_family_name": "Ortega",
            "new_given_name": "María",
            "new_middle_name": "José",
            "uscis_account_number": "123456789012",
            "ssa_card": True,
            "ssn": "123-45-6789",
            "ssa_consent": True,
        },
        "green_card": {"a_number": "A012-345-678", "lpr_since": "2015-06-01"},
        "biographic": {
            "ethnicity": "hispanic",
            "race": ["white", "black"],
            "height_feet": 5,
            "height_inches": 4,
            "weight_pounds": 142,
            "eye_color": "brown",
            "hair_color": "black",
        },
        "residence": {
            "state": "MA",
            "state_since": "2010-01-01",
            "addresses": ADDRESSES,
            "mailing_same": False,
            "mailing_in_care_of": "Casa Amiga",
            "mailing_street": "PO Box 9",
            "mailing_unit": "ste",
            "mailing_unit_number": "4",
            "mailing_city": "Lawrence",
            "mailing_state": "MA",
            "mailing_zip": "01841",
            "mailing_province": None,
            "mailing_country": None,
        },
        "marriage": {
            "status": "married",
            "married_on": "2012-08-15",
            "spouse_citizen": True,
            "spouse_citizen_by": "other",
            "spouse_citizen_since": "2010-02-01",
            "spouse_family_name": "Ortega",
            "spouse_given_name": "Luis",
            "spouse_middle_name": "A",
            "spouse_date_of_birth": "1978-01-09",
            "spouse_a_number": "98765432",
            "spouse_same_address": False,
            "spouse_address": "40 Pine St, Methuen MA 01844",
            "spouse_in_military": False,
            "spouse_times_married": 2,
            "spouse_employer": "Acme",
            "prior_marriages": 1,
            "prior_spouses": [
                {
                    "name": "Pedro Gil",
                    "married_on": "2001-01-01",
                    "ended_on": "2005-01-01",
                    "how_ended": "divorce",
                }
            ],
            "children": [
                {
                    "name": f"Child {n} Ortega",
                    "date_of_birth": f"20{13 + n}-03-0{n + 1}",
                    "lives_with_applicant": n % 2 == 0,
                    "supported": True,
                }
                for n in range(5)
            ],
        },
        "employment": {
            "jobs": [
                {
                    "employer": "Lawrence General Hospital",
                    "occupation": "Nurse aide",
                    "city": "Lawrence",
                    "state": "MA",
                    "zip_code": "01840",
                    "country": None,
                    "started": "2020-01-06",
                    "ended": None,
                },
                {
                    "employer": "Market Basket",
                    "occupation": "Cashier",
                    "city": "Andover",
                    "state": "MA",
                    "zip_code": "01810",
                    "country": None,
                    "started": "2017-03-01",
                    "ended": "2019-12-31",
                },
                {
                    "employer": "Northern Essex Community College",
                    "occupation": "Student",
                    "city": "Haverhill",
                    "state": "MA",
                    "zip_code": "01830",
                    "country": None,
                    "started": "2015-09-01",
                    "ended": "2017-02-28",
                },
                {
                    "employer": "Unemployed",
                    "occupation": "",
                    "city": "",
                    "state": "",
                    "zip_code": "",
                    "country": None,
                    "started": "2015-06-01",
                    "ended": "2015-08-31",
                },
            ]
        },
        "trips": {"any_trips": True, "trips": TRIPS},
        "military": {
            "served": False,
            "ss_registered": None,
            "ss_in_us_18_to_26": None,
            "avoided_draft": False,
            "applied_exemption": False,
        },
        "character": {
            "arrests_or_charges": 1,
            "arrests_details": "Shoplifting charge, Lawrence MA, 2016.",
            "false_claim_to_citizenship": False,
            "registered_or_voted": False,
            "removal_proceedings": "never",
            "child_support": "not_applicable",
            "probation_completed": "yes",
            "convictions": [
                {
                    "date": "2016-07-01",
                    "kind": "other",
                    "sentence_days": 10,
                    "details": "Shoplifting",
                },
            ],
        },
        "conduct": {
            "crimes_not_arrested": False,
            "drug_trafficking": False,
            "marriage_fraud": False,
            "false_information": False,
            "lied_to_officials": False,
            "prostitution": False,
            "polygamy": False,
            "smuggling": False,
            "gambling": True,
            "benefit_fraud": False,
            "removed_or_deported": False,
            "explanation": "Played in an unlicensed card game in 2014; no charges. " * 8,
        },
        "groups": {
            name: False
            for name in (
                "totalitarian_party",
                "advocated_overthrow",
                "group_weapon_attacks",
                "group_kidnapping",
                "group_threats",
                "torture",
                "genocide",
                "killing",
                "injuring",
                "sexual_violence",
                "religious_persecution",
                "persecution",
            )
        },
        "weapons": {
            name: False
            for name in (
                "armed_unit",
                "armed_group",
                "detention_work",
                "weapon_group",
                "used_weapon",
                "threatened_weapon",
                "weapons_sales",
                "weapons_training",
                "recruited_children",
                "children_in_hostilities",
            )
        },
        "taxes": {"taxes": "filed"},
        "parents": {"citizen_parent_before_18": False},
        "disability": {"disability_exception": False},
        "household": {
            "size": 4,
            "income": 52000,
            "head_of_household": False,
            "earners": 2,
            "head_of_household_name": "Luis A Ortega",
        },
        "oath": {
            "hereditary_title": False,
            "supports_constitution": True,
            "understands_oath": True,
            "oath_disability": False,
            "willing_oath": True,
            "bear_arms": True,
            "noncombatant_service": True,
            "civilian_work": True,
        },
        "eligibility": {"basis": "316a"},
        "preparer": {
            "interpreter_family_name": "Lopez",
            "interpreter_given_name": "Ana",
            "interpreter_organization": "Casa Amiga",
            "interpreter_phone": "978 555 0199",
            "interpreter_email": "ana@example.org",
            "preparer_phone": "978-555-0150",
        },
    }


SCREENING = {"path": "319a", "fee": {"basis": "reduced"}}  # as the engine screens them
PREPARER = {
    "family_name": "Santos",
    "given_name": "Rita",
    "organization": "Lawrence Community Works",
    "phone": "9785550150",
    "email": "rita@example.org",
}


def complete_answers():
    """What clinic.n400.answers.form_answers() gives for such a case."""
    answers = stored_sections()
    answers["derived"] = {**derived(answers, SCREENING, TODAY), "preparer": PREPARER}
    return answers
