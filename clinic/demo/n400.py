"""The N-400's own answers for every demo applicant, and a few approved cases that show what
the form has to carry: long trip lists, earlier marriages, children, many addresses and
employers, a name change, and a Part 9 "yes" with its explanation."""

from datetime import timedelta

from clinic.cases import machine
from clinic.cases import services as cases
from clinic.intake.answers import all_answers, answers_hash
from clinic.intake.n400_forms import OATH_EXPECTED, YES_NO_QUESTIONS
from clinic.intake.services import save_section
from clinic.review import services as review
from clinic.review.models import Decision

BIOGRAPHIC = [
    ("hispanic", ["white"], 5, 4, 150, "brown", "black"),
    ("not_hispanic", ["asian"], 5, 2, 121, "brown", "black"),
    ("not_hispanic", ["black"], 5, 11, 182, "brown", "black"),
    ("hispanic", ["american_indian", "white"], 5, 6, 160, "hazel", "brown"),
    ("not_hispanic", ["white"], 6, 1, 190, "blue", "blond"),
]


def complete_n400(answers, person, rng, preparer):
    """Add to a demo applicant's answers everything else the N-400 asks, answered as most
    applicants answer it (no to every Part 9 question), the preparer being `preparer`."""
    _, _, nationality, _, _ = person
    ethnicity, race, feet, inches, pounds, eyes, hair = rng.choice(BIOGRAPHIC)
    answers["contact"].setdefault("country_of_birth", nationality)
    answers["contact"].setdefault("email", None)
    answers["names"] = {
        "other_names": [],
        "wants_name_change": False,
        "accommodation": False,
        "ssa_card": False,
        **answers.get("names", {}),
    }
    answers["biographic"] = answers.get("biographic") or {
        "ethnicity": ethnicity,
        "race": race,
        "height_feet": feet,
        "height_inches": inches,
        "weight_pounds": pounds,
        "eye_color": eyes,
        "hair_color": hair,
    }
    answers["residence"].setdefault("mailing_same", True)
    military = answers["military"]
    military.update(avoided_draft=False, applied_exemption=False)
    if military.get("served"):
        for name in ("court_martialed", "discharged_as_alien", "deserted"):
            military.setdefault(name, False)
        if military.get("serving_now") is False:
            military.setdefault("former_abroad", False)
    if answers["character"].get("convictions"):
        answers["character"].setdefault("probation_completed", "yes")
    for key, names in YES_NO_QUESTIONS.items():
        answers[key] = {**dict.fromkeys(names, False), **answers.get(key, {})}
    answers["oath"] = {**OATH_EXPECTED, **answers.get("oath", {})}
    answers["household"].setdefault("head_of_household", True)
    answers["household"].setdefault("earners", 1 if answers["household"]["size"] == 1 else 2)
    answers["preparer"] = {"preparer_id": str(preparer.id), "preparer_phone": "978-555-0142"}
    marriage = answers["marriage"]
    if marriage["status"] == "married":
        marriage.update(
            {
                "spouse_family_name": person[1],
                "spouse_given_name": rng.choice(["Ana", "Minh", "José", "Grace", "Ahmed"]),
                "spouse_date_of_birth": marriage["married_on"] - timedelta(days=365 * 27),
                "spouse_same_address": True,
                "spouse_in_military": False,
                "spouse_times_married": 1,
                "spouse_citizen_by": "other" if marriage.get("spouse_citizen") else None,
                **{k: v for k, v in marriage.items() if k.startswith("spouse_") and v},
            }
        )
    return answers


def confirm_eligibility(case, by, now, today):
    """The volunteer confirms the screening's path as the N-400's Part 1 box."""
    run = case.latest_screening
    path = run.result.get("path") if run is not None else None
    basis = {"basis": path or "other", "basis_other": None if path else "To be decided"}
    save_section(case, "eligibility", basis, case.version, by=by, now=now, today=today)


def approve(case, attorney, password, now, decision=Decision.APPROVE, details=None):
    run = case.latest_screening
    return review.seed_decision(
        case,
        attorney,
        decision=decision,
        resolutions=[
            {"code": f["code"], "resolution": "rebutted", "note": "Reviewed with the applicant."}
            for f in review.findings_to_resolve(run)
        ],
        details=details or {},
        facts_hash=run.facts_hash,
        answers_hash=answers_hash(all_answers(case)),
        note=None,
        now=now,
    )


def _showcases(today, ago):
    """(given, family, born, changes to the answers) of the approved showcase cases."""
    trips = [(ago(4, 300 - 60 * n), ago(4, 290 - 60 * n)) for n in range(5)]
    trips += [(ago(2, 200 - 30 * n), ago(2, 185 - 30 * n)) for n in range(6)]
    return [
        (
            "Esperanza",
            "Villalobos Rojas",
            ago(46),
            {
                "trips": trips,
                "marriage": {
                    "status": "married",
                    "married_on": ago(6),
                    "spouse_citizen": False,
                    "spouse_family_name": "Rojas",
                    "spouse_given_name": "Héctor",
                    "spouse_a_number": "A209555401",
                    "spouse_employer": "Essex Mills",
                    "spouse_times_married": 2,
                    "prior_marriages": 2,
                    "prior_spouses": [
                        {
                            "name": "Julio Mendoza",
                            "married_on": ago(26),
                            "ended_on": ago(20),
                            "how_ended": "divorce",
                        },
                        {
                            "name": "Raúl Pineda",
                            "married_on": ago(17),
                            "ended_on": ago(11),
                            "how_ended": "death",
                        },
                    ],
                    "children": [
                        {
                            "name": name,
                            "date_of_birth": ago(years),
                            "lives_with_applicant": years < 18,
                            "supported": years < 22,
                        }
                        for name, years in (
                            ("Camila Mendoza", 24),
                            ("Diego Mendoza", 21),
                            ("Lucía Pineda", 15),
                            ("Mateo Pineda", 13),
                            ("Sofía Rojas", 5),
                        )
                    ],
                },
            },
        ),
        (
            "Tesfay",
            "Gebremariam",
            ago(39),
            {
                "weapons": {
                    "armed_unit": True,
                    "weapons_training": True,
                    "explanation": "Conscripted into the national army of Eritrea at 18 "
                    "(2004-2006): basic rifle training, guard duty at a supply depot; never "
                    "in combat. Left after discharge; discharge booklet and translation attached.",
                },
                "character": {
                    "arrests_or_charges": 1,
                    "arrests_details": "2019, Lowell MA: cited for driving without a license; "
                    "paid the fine, no conviction. Court docket attached.",
                },
                "names": {
                    "other_names": [
                        {"family_name": "Gebre", "given_name": "Tesfay", "middle_name": ""}
                    ],
                    "wants_name_change": True,
                    "new_family_name": "Gebremariam",
                    "new_given_name": "Tesfay",
                    "ssa_card": True,
                    "ssn": "078051120",
                    "ssa_consent": True,
                },
                "addresses": [
                    ("44 Broadway", "Lawrence", ago(1, 100)),
                    ("9 Park St Apt 2", "Lowell", ago(2, 30)),
                    ("120 Main St", "Haverhill", ago(3)),
                    ("7 Elm St", "Methuen", ago(4)),
                    ("31 Common St", "Lawrence", ago(4, 200)),
                ],
                "jobs": [
                    ("Market Basket", "Cashier", ago(1)),
                    ("Northern Essex Community College", "Student, nursing", ago(2)),
                    ("Lawrence General Hospital", "Transporter", ago(3)),
                    ("Self-employed", "Driver", ago(4)),
                    ("Unemployed", "", ago(5)),
                ],
            },
        ),
    ]


def _apply_showcase(answers, changes, lpr):
    for key in ("marriage", "weapons", "character", "names"):
        answers.setdefault(key, {}).update(changes.get(key, {}))
    if "trips" in changes:
        answers["trips"] = {
            "any_trips": True,
            "trips": [
                {"departed": out, "returned": back, "destination": "Santo Domingo, DR"}
                for out, back in changes["trips"]
            ],
        }
    if "addresses" in changes:
        moves = changes["addresses"]
        answers["residence"]["addresses"] = [
            {
                "address": street,
                "city": city,
                "state": "MA",
                "zip_code": "01840",
                "moved_in": max(moved_in, lpr),
                "moved_out": None if number == 0 else moves[number - 1][2],
            }
            for number, (street, city, moved_in) in enumerate(moves)
        ]
    if "jobs" in changes:
        jobs = changes["jobs"]
        answers["employment"]["jobs"] = [
            {
                "employer": employer,
                "occupation": occupation,
                "city": "Lawrence",
                "state": "MA",
                "started": started,
                "ended": None if number == 0 else jobs[number - 1][2],
            }
            for number, (employer, occupation, started) in enumerate(jobs)
        ]
    return answers


def seed_showcases(event, staff, passwords, today, now, rng, base_answers, ago):
    """Approved cases with the whole N-400 answered and long lists: returns how many."""
    volunteer = next(u for u in staff if u.role.value == "volunteer")
    attorney = next(u for u in staff if u.role.value == "attorney")
    showcases = _showcases(today, ago)
    for number, (given, family, born, changes) in enumerate(showcases):
        applicant = cases.create_applicant(
            event.host_organization_id,
            given,
            family,
            born,
            f"A{400000000 + number * 7901}",
            None,
            by=volunteer,
            now=now,
        )
        case = cases.open_case(applicant, event, by=volunteer, now=now)
        person = (given, family, ("DO", "ER")[number], ("female", "male")[number], "Spanish")
        answers = base_answers(today, person, rng)
        answers["contact"]["date_of_birth"] = born
        answers["green_card"].update(a_number=applicant.a_number, lpr_since=ago(9))
        answers["military"]["ss_registered"] = person[3] == "male"
        complete_n400(answers, person, rng, volunteer)
        _apply_showcase(answers, changes, ago(9))
        complete_n400(answers, person, rng, volunteer)  # the new spouse's details, kept
        for key, section in answers.items():
            save_section(case, key, section, case.version, by=volunteer, now=now, today=today)
        confirm_eligibility(case, volunteer, now, today)
        machine.move(case, "finish_intake", by=volunteer, now=now)
        machine.move(case, "send_to_review", by=volunteer, now=now)
        approve(case, attorney, passwords[attorney.email], now)
    return len(showcases)
