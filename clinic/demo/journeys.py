"""The demo's cases followed after approval: filing, interview, oath, voter registration."""

import random
from datetime import timedelta

from clinic.auth.roles import Role
from clinic.cases import machine
from clinic.cases import services as cases
from clinic.demo.n400 import approve, complete_n400, confirm_eligibility
from clinic.demo.people import NAMES
from clinic.demo.screening import base_answers, years_ago
from clinic.extensions import db
from clinic.filing import services as filing
from clinic.intake.services import save_section
from clinic.screening.dates import add_months
from clinic.voter import services as voter
from clinic.voter.models import Election

ELECTIONS = [  # (state, months ahead, kind, name): the next elections new citizens plan for
    ("MA", 3, "municipal", "City and town elections"),
    ("NH", 3, "municipal", "Town meeting elections"),
    ("VT", 3, "municipal", "Town Meeting Day"),
    ("ME", 6, "municipal", "Municipal elections"),
    ("RI", 11, "general", "Statewide special election"),
    ("CT", 11, "municipal", "Municipal elections"),
]
# (given, family, state, stage reached, days since filing): people followed after approval
JOURNEYS = [
    ("Fernanda", "Lima", "MA", "filed", 20),
    ("Kofi", "Asante", "MA", "biometrics", 60),
    ("Mariana", "Costa", "MA", "interview_scheduled", 150),
    ("Ahmed", "Nur", "MA", "continued", 200),
    ("Chen", "Jing", "MA", "oath_scheduled", 250),
    ("Lucía", "Fernández", "MA", "citizen", 300),
    ("Pierre", "Joseph", "NH", "citizen", 320),
    ("Tran", "Bao", "RI", "citizen", 330),
    ("Olga", "Petrenko", "CT", "citizen_registered", 340),
    ("Samira", "Haddad", "VT", "citizen_declined", 350),
    ("Juan", "Pérez", "MA", "quiet", 160),
]


def seed_elections(today, now):

    for state, months, kind, name in ELECTIONS:
        day = add_months(today, months)
        while day.weekday() != 1:  # elections are on Tuesdays
            day += timedelta(days=1)
        db.session.add(Election(state=state, held_on=day, kind=kind, name=name, created_at=now))


def seed_journeys(event, staff, passwords, today, now, rng):
    """Approved cases followed through filing, interview and oath, to voter registration."""
    volunteer = next(u for u in staff if u.role == Role.VOLUNTEER)
    attorney = next(u for u in staff if u.role == Role.ATTORNEY)
    coordinator = next(u for u in staff if u.role == Role.COORDINATOR)
    for number, (given, family, state, reached, days) in enumerate(JOURNEYS):
        person = (given, family, NAMES[number][2], NAMES[number][3], "English")
        born = years_ago(today, 30 + number)
        filed_on = today - timedelta(days=days)
        # Interviewed and approved two weeks before the filing, as a clinic does it.
        then = now - timedelta(days=days + 14)
        applicant = cases.create_applicant(
            event.host_organization_id,
            given,
            family,
            born,
            f"A{300000000 + number * 7907}",
            None,
            by=volunteer,
            now=then,
        )
        case = cases.open_case(applicant, event, by=volunteer, now=then)
        answers = base_answers(today, person, rng)
        answers["contact"].update(date_of_birth=born, nationalities=["BR"])
        answers["green_card"].update(a_number=applicant.a_number, lpr_since=years_ago(today, 8))
        answers["residence"].update(state=state)
        complete_n400(answers, person, random.Random(number), volunteer)  # noqa: S311
        for key, section in answers.items():
            save_section(case, key, section, case.version, by=volunteer, now=then, today=today)
        confirm_eligibility(case, volunteer, then, today)
        machine.move(case, "finish_intake", by=volunteer, now=then)
        machine.move(case, "send_to_review", by=volunteer, now=then)
        approve(case, attorney, passwords[attorney.email], then)
        filing.record_filed(
            case,
            {
                "filed_on": filed_on,
                "filing_method": "paper",
                "fee_paid": "reduced",
                "receipt_number": f"IOE09{number:08d}",
            },
            by=coordinator,
            now=now,
        )
        if reached == "filed":
            continue
        filing.record_biometrics(
            case, {"biometrics_on": filed_on + timedelta(days=35)}, by=coordinator, now=now
        )
        if reached in ("biometrics", "quiet"):
            continue
        interview_on = filed_on + timedelta(days=160)
        if reached == "interview_scheduled":
            filing.record_interview(
                case, {"interview_on": today + timedelta(days=12)}, by=coordinator, now=now
            )
            continue
        if reached == "continued":
            filing.record_interview(
                case,
                {
                    "interview_on": today - timedelta(days=20),
                    "interview_result": "continued",
                    "continued_reason": "N-14: bring certified court disposition",
                    "response_due_on": today + timedelta(days=40),
                },
                by=coordinator,
                now=now,
            )
            continue
        filing.record_interview(
            case,
            {"interview_on": interview_on, "interview_result": "approved"},
            by=coordinator,
            now=now,
        )
        if reached == "oath_scheduled":
            filing.record_oath(
                case,
                {"oath_on": today + timedelta(days=9), "oath_place": "Faneuil Hall, Boston"},
                by=coordinator,
                now=now,
            )
            continue
        filing.record_oath(
            case,
            {
                "oath_on": today - timedelta(days=14),
                "oath_place": "Federal courthouse",
                "certificate_number": f"{41000000 + number}",
            },
            by=coordinator,
            now=now,
        )
        if reached in ("citizen_registered", "citizen_declined"):
            voter.record(
                case,
                {
                    "state": state,
                    "has_license": True,
                    "license_shows_citizenship": False,
                    "status": "confirmed" if reached == "citizen_registered" else "declined",
                    "channel": "in_person",
                    "submitted_on": today - timedelta(days=10),
                    "confirmed_on": today - timedelta(days=3)
                    if reached == "citizen_registered"
                    else None,
                    "confirmed_how": "registrar's letter",
                },
                by=volunteer,
                today=today,
                now=now,
            )
    return len(JOURNEYS)
