"""The demo's applicants, one per screening outcome, and the attorney's first decisions."""

import random
from datetime import timedelta

from sqlalchemy import select

from clinic.auth.roles import Role
from clinic.cases import machine
from clinic.cases import services as cases
from clinic.cases.models import Case
from clinic.cases.stages import Stage
from clinic.demo.n400 import complete_n400, confirm_eligibility
from clinic.demo.people import NAMES
from clinic.extensions import db
from clinic.intake.services import save_section
from clinic.review import services as review
from clinic.review.models import Decision
from clinic.screening import codes


def years_ago(today, years, days=0):
    return today.replace(year=today.year - years) - timedelta(days=days)


def scenarios(today):
    """(label, changes to the base answers) for each demo applicant, outcome by outcome."""

    def ago(years, days=0):
        return years_ago(today, years, days)

    def married(wed, since):
        return {
            "marriage": {
                "status": "married",
                "married_on": wed,
                "spouse_citizen": True,
                "spouse_citizen_since": since,
                "spouse_employed_abroad": False,
            }
        }

    return [
        ("eligible, reduced fee", {}),
        (
            "eligible, fee waiver (SNAP)",
            {"household": {"size": 4, "income": 31000, "means_tested_benefit": True}},
        ),
        ("eligible, full fee", {"household": {"size": 1, "income": 98000}}),
        ("eligible, 65/20", {"born": ago(68), "green_card": {"lpr_since": ago(25)}}),
        (
            "eligible, 55/15 Spanish interview",
            {"born": ago(57), "green_card": {"lpr_since": ago(16)}},
        ),
        (
            "eligible, 3 years married to a citizen",
            {"green_card": {"lpr_since": ago(3, 30)}, **married(ago(4), ago(30))},
        ),
        ("eligible, tax payment plan", {"taxes": {"taxes": "owed_with_plan"}}),
        ("eligible, short trips", {"trips": [(ago(2, 40), ago(2, 20)), (ago(1, 100), ago(1, 80))]}),
        (
            "eligible, registered with Selective Service",
            {
                "born": ago(24),
                "sex": "male",
                "green_card": {"lpr_since": ago(7)},
                "military": {"ss_registered": True},
            },
        ),
        (
            "eligible, conditions removed",
            {"green_card": {"conditional": True, "conditions_petition": "approved"}},
        ),
        ("eligible, single parent", {"household": {"size": 3, "income": 36000}}),
        ("eligible, long-time resident", {"green_card": {"lpr_since": ago(14)}}),
        ("not yet: 5 years next spring", {"green_card": {"lpr_since": ago(4, 200)}}),
        (
            "not yet: marriage too recent",
            {"green_card": {"lpr_since": ago(3, 60)}, **married(ago(2, 100), ago(20))},
        ),
        ("not yet: turns 18 soon", {"born": ago(17, 300), "green_card": {"lpr_since": ago(9)}}),
        (
            "not yet: moved to the state last month",
            {"residence": {"state_since": today - timedelta(days=40)}},
        ),
        ("not yet: 5 years in the summer", {"green_card": {"lpr_since": ago(4, 100)}}),
        ("refer: 7-month trip", {"trips": [(ago(2, 300), ago(2, 90))]}),
        (
            "refer: trip of more than a year",
            {"green_card": {"lpr_since": ago(12)}, "trips": [(ago(5, 200), ago(4, 150))]},
        ),
        ("refer: an arrest, no conviction", {"character": {"arrests_or_charges": 1}}),
        ("refer: one DUI", {"character": {"dui_convictions": [ago(3)]}}),
        ("refer: two DUIs", {"character": {"dui_convictions": [ago(4), ago(1)]}}),
        ("refer: taxes owed, no plan", {"taxes": {"taxes": "owed_no_plan"}}),
        ("refer: taxes not filed", {"taxes": {"taxes": "not_filed"}}),
        (
            "refer: Selective Service letter",
            {"born": ago(28), "sex": "male", "green_card": {"lpr_since": ago(10)}},
        ),
        ("refer: country hold (Haiti)", {"name": 29}),
        ("refer: country hold (Somalia)", {"name": 30}),
        ("refer: disability exception", {"disability": {"disability_exception": True}}),
        ("refer: registered to vote", {"character": {"registered_or_voted": True}}),
        (
            "refer: conditions not removed",
            {"green_card": {"conditional": True, "conditions_petition": "late_or_not_filed"}},
        ),
        ("refer: child support arrears", {"character": {"child_support": "arrears"}}),
        (
            "refer: military service",
            {
                "military": {
                    "served": True,
                    "honorable": True,
                    "serving_now": False,
                    "separated_on": ago(3),
                    "service_days": 1400,
                    "served_since_2001_09_11": True,
                }
            },
        ),
        ("refer: three traffic tickets", {"character": {"traffic_tickets": 3}}),
        ("refer: green card questions", {"character": {"lpr_lawfulness_concern": True}}),
        (
            "ineligible: recent theft conviction",
            {
                "character": {
                    "arrests_or_charges": 1,
                    "convictions": [
                        {
                            "date": ago(2),
                            "kind": "moral_turpitude",
                            "sentence_days": 90,
                            "details": "shoplifting, probation",
                        }
                    ],
                }
            },
        ),
        (
            "ineligible: removal proceedings pending",
            {"character": {"removal_proceedings": "pending"}},
        ),
        (
            "ineligible: 200 days in jail",
            {
                "character": {
                    "arrests_or_charges": 1,
                    "jail_days": 200,
                    "convictions": [{"date": ago(3), "kind": "other", "sentence_days": 365}],
                }
            },
        ),
        (
            "N-600: mother naturalized when a child",
            {
                "born": ago(22),
                "green_card": {"lpr_since": ago(12)},
                "parents": {"citizen_parent_before_18": True},
            },
        ),
        ("N-600: born abroad to a citizen", {"parents": {"born_abroad_to_citizen": True}}),
        ("in intake: only contact details so far", {"partial": True}),
    ]


JOBS = {  # employer: occupation
    "Lawrence General Hospital": "Nursing assistant",
    "Market Basket": "Cashier",
    "Self-employed": "House cleaner",
}


def _job(employer, started):
    return {
        "employer": employer,
        "occupation": JOBS[employer],
        "city": "Lawrence",
        "state": "MA",
        "started": started,
        "ended": None,
    }


def base_answers(today, person, rng):
    given, family, nationality, sex, language = person
    lpr = years_ago(today, rng.randint(6, 11), rng.randint(0, 300))
    return {
        "contact": {
            "given_names": given,
            "family_names": family,
            "sex": sex,
            "nationalities": [nationality],
            "name_changed": False,
            "phone": f"978555{rng.randint(1000, 9999)}",
            "language": language,
            "interpreter": language not in ("English",),
        },
        "green_card": {
            "lpr_since": lpr,
            "category": rng.choice(["family", "employment", "refugee_asylee"]),
            "conditional": False,
        },
        "residence": {
            "state": "MA",
            "state_since": lpr,
            "student_dependent": False,
            "addresses": [
                {
                    "address": f"{rng.randint(2, 300)} Essex St",
                    "city": "Lawrence",
                    "state": "MA",
                    "zip_code": "01840",
                    "moved_in": lpr,
                    "moved_out": None,
                }
            ],
        },
        "trips": {"any_trips": False, "trips": []},
        "marriage": {
            "status": rng.choice(["single", "divorced", "married"]),
            "vawa": False,
            "prior_marriages": 0,
            "spouse_citizen": False,
            "married_on": years_ago(lpr, 2),
            "children": [],
        },
        "employment": {"jobs": [_job(rng.choice(list(JOBS)), lpr)]},
        "military": {"served": False, "ss_registered": sex == "male"},
        "character": {
            "arrests_or_charges": 0,
            "traffic_tickets": 0,
            "jail_days": 0,
            "false_claim_to_citizenship": False,
            "registered_or_voted": False,
            "removal_proceedings": "never",
            "lpr_lawfulness_concern": False,
            "child_support": "not_applicable",
            "convictions": [],
            "dui_convictions": [],
            "other_concerns": [],
        },
        "taxes": {"taxes": "filed"},
        "parents": {"citizen_parent_before_18": False, "born_abroad_to_citizen": False},
        "disability": {"disability_exception": False},
        "household": {"size": 3, "income": 52000, "means_tested_benefit": False, "hardship": False},
    }


def apply(answers, changes):
    for key, value in changes.items():
        if key in ("born", "partial", "name", "sex"):
            continue
        if key == "trips":
            answers["trips"] = {
                "any_trips": True,
                "trips": [
                    {"departed": out, "returned": back, "destination": "family visit"}
                    for out, back in value
                ],
            }
        elif key == "character" and "dui_convictions" in value:
            answers["character"].update(
                {**value, "dui_convictions": [{"date": day} for day in value["dui_convictions"]]}
            )
        else:
            answers[key].update(value)
    if "sex" in changes:
        answers["contact"]["sex"] = changes["sex"]
    return answers


def seed_applicant(number, label, changes, event, staff, today, now, rng):
    person = NAMES[changes.get("name", number) % len(NAMES)]
    volunteer = next(u for u in staff if u.role == Role.VOLUNTEER)
    born = changes.get("born") or years_ago(today, rng.randint(25, 60), rng.randint(0, 360))
    applicant = cases.create_applicant(
        event.host_organization_id,
        person[0],
        person[1],
        born,
        f"A{200000000 + number * 7919}",
        None,
        by=volunteer,
        now=now,
    )
    case = cases.open_case(applicant, event, by=volunteer, now=now)
    answers = apply(base_answers(today, person, rng), changes)
    answers["contact"]["date_of_birth"] = born
    answers["green_card"]["a_number"] = applicant.a_number
    # The N-400's own answers draw on their own numbers: the screening's stay as they were.
    complete_n400(answers, person, random.Random(number), volunteer)  # noqa: S311
    for key, section_answers in answers.items():
        save_section(case, key, section_answers, case.version, by=volunteer, now=now, today=today)
        if changes.get("partial"):
            return
    confirm_eligibility(case, volunteer, now, today)
    machine.move(case, "finish_intake", by=volunteer, now=now)
    if number % 3 != 2:  # most screened cases already wait for an attorney
        machine.move(case, "send_to_review", by=volunteer, now=now)


def seed_decisions(event, attorney, password, now):
    """A few signed decisions, so the history and the follow-up lists have something in them."""
    waiting = db.session.scalars(
        select(Case)
        .where(Case.event_id == event.id, Case.stage == Stage.IN_REVIEW)
        .order_by(Case.id)
    ).all()
    plans = [
        ("eligible", Decision.APPROVE, {}),
        (
            codes.TRIP_OVER_180,
            Decision.APPROVE_WITH_CONDITIONS,
            {"conditions": ["TRIP_TIES_EVIDENCE", "TAX_TRANSCRIPTS"]},
        ),
        (codes.MULTIPLE_DUI, Decision.REFER, {"referred_to": "Greater Boston Legal Services"}),
        (codes.CRIMINAL_HISTORY, Decision.REFER, {"referred_to": "Community Legal Aid"}),
        (
            codes.TAXES_UNFILED,
            Decision.NEEDS_INFO,
            {"questions": "Which years were not filed? Has an accountant been contacted?"},
        ),
    ]
    decided = 0
    for wanted, decision, details in plans:
        case = next((c for c in waiting if _matches(c.latest_screening, wanted)), None)
        if case is None:
            continue
        waiting.remove(case)
        run = case.latest_screening
        resolutions = [
            {
                "code": f["code"],
                "resolution": "rebutted"
                if decision in (Decision.APPROVE, Decision.APPROVE_WITH_CONDITIONS)
                else "refer_out",
                "note": "Discussed with the applicant; see the file.",
            }
            for f in review.findings_to_resolve(run)
        ]
        review.seed_decision(
            case,
            attorney,
            decision=decision,
            resolutions=resolutions,
            details=details,
            facts_hash=run.facts_hash,
            note=None,
            now=now,
        )
        decided += 1
    return decided


def _matches(run, wanted):
    if run is None:
        return False
    if wanted == run.outcome:
        return True
    return any(f["code"] == wanted for f in run.result["findings"])
