"""Demo data for `flask clinic seed-demo`: organizations, users, clinic days and about forty
applicants across every outcome, made through the same services the pages use."""

import random
import secrets
from datetime import timedelta

from sqlalchemy import select

from clinic.admin import services as admin_services
from clinic.auth.roles import Credential, Role
from clinic.cases import machine
from clinic.cases import services as cases
from clinic.cases.models import Case
from clinic.cases.stages import Stage
from clinic.events import services as events
from clinic.extensions import db
from clinic.filing import services as filing
from clinic.intake.services import save_section
from clinic.review import services as review
from clinic.review.models import Decision
from clinic.screening.dates import add_months
from clinic.voter import services as voter
from clinic.voter.models import Election

ORGANIZATIONS = [
    (
        "Merrimack Valley Immigrant Center",
        "mvic.example.org",
        "Lawrence, MA · (978) 555-0142 · Mon-Thu 9-5",
        "Lawrence Public Library, 51 Lawrence St",
    ),
    (
        "Pioneer Valley New Citizens Project",
        "pvncp.example.org",
        "Springfield, MA · (413) 555-0178 · Tue and Sat 10-4",
        "Springfield Central Library, 220 State St",
    ),
]
PEOPLE = {
    Role.ADMIN: "Adaeze Okafor",
    Role.COORDINATOR: "Marisol Betancourt",
    Role.VOLUNTEER: "Nguyễn Thị Mai",
    Role.ATTORNEY: "Samuel Goldberg",
}
# (given names, family names, nationality, sex, language)
NAMES = [
    ("Thị Lan", "Nguyễn", "VN", "female", "Vietnamese"),
    ("Văn Minh", "Trần", "VN", "male", "Vietnamese"),
    ("Ana Paula", "Souza", "BR", "female", "Portuguese"),
    ("João", "Ferreira", "BR", "male", "Portuguese"),
    ("María José", "García-López", "DO", "female", "Spanish"),
    ("Luis", "Rodríguez", "DO", "male", "Spanish"),
    ("Djamila", "Tavares", "CV", "female", "Kriolu"),
    ("小明", "王", "CN", "male", "Mandarin"),
    ("محمد", "العلوي", "MA", "male", "Arabic"),
    ("Rosa", "Ixcoy", "GT", "female", "K'iche'"),
    ("Carlos", "Hernández", "SV", "male", "Spanish"),
    ("Priya", "Sharma", "IN", "female", "Hindi"),
    ("Sokha", "Chea", "KH", "female", "Khmer"),
    ("Bishnu", "Gurung", "NP", "male", "Nepali"),
    ("Kwame", "Mensah", "GH", "male", "Twi"),
    ("Olena", "Kovalenko", "UA", "female", "Ukrainian"),
    ("Andrés", "Restrepo", "CO", "male", "Spanish"),
    ("Siobhán", "O'Brien", "IE", "female", "English"),
    ("Łukasz", "Wójcik", "PL", "male", "Polish"),
    ("Maria Cristina", "Dela Cruz", "PH", "female", "Tagalog"),
    ("Ji-woo", "Kim", "KR", "female", "Korean"),
    ("Wanjiru", "Kamau", "KE", "female", "Swahili"),
    ("Guadalupe", "Martínez", "MX", "female", "Spanish"),
    ("Delroy", "Campbell", "JM", "male", "English"),
    ("Noor", "Al-Hashimi", "IQ", "female", "Arabic"),
    ("Selam", "Tesfaye", "ET", "female", "Amharic"),
    ("Rosa María", "Quispe", "PE", "female", "Spanish"),
    ("Elif", "Yılmaz", "TR", "female", "Turkish"),
    ("Georges", "Haddad", "LB", "male", "Arabic"),
    ("Jean-Baptiste", "Pierre", "HT", "male", "Haitian Creole"),
    ("Abdirahman", "Warsame", "SO", "male", "Somali"),
    ("Thu Hà", "Phạm", "VN", "female", "Vietnamese"),
    ("Yesenia", "Peña", "DO", "female", "Spanish"),
    ("Mei", "Chen", "CN", "female", "Cantonese"),
    ("Fatima", "Benali", "MA", "female", "Arabic"),
    ("Manuel", "Silva", "PT", "male", "Portuguese"),
    ("Dmitri", "Ivanov", "RU", "male", "Russian"),
    ("Aminata", "Diallo", "SN", "female", "Wolof"),
    ("Oscar", "Mejía", "HN", "male", "Spanish"),
    ("Hyun-woo", "Park", "KR", "male", "Korean"),
]


def _years_ago(today, years, days=0):
    return today.replace(year=today.year - years) - timedelta(days=days)


def scenarios(today):
    """(label, changes to the base answers) for each demo applicant, outcome by outcome."""

    def ago(years, days=0):
        return _years_ago(today, years, days)

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


def base_answers(today, person, rng):
    given, family, nationality, sex, language = person
    lpr = _years_ago(today, rng.randint(6, 11), rng.randint(0, 300))
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
                    "state": "MA",
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
            "married_on": _years_ago(lpr, 2),
            "children": [],
        },
        "employment": {
            "jobs": [
                {
                    "employer": rng.choice(
                        ["Lawrence General Hospital", "Market Basket", "Self-employed"]
                    ),
                    "place": "Lawrence, MA",
                    "started": lpr,
                    "ended": None,
                }
            ]
        },
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


def seed(today, now, echo):
    """Create everything; return [(email, password)] to print once. The caller commits."""
    rng = random.Random(20261130)  # noqa: S311 (demo names and numbers, not secrets)
    credentials, staff_by_org, days = [], [], []
    for index, (org_name, domain, contact, site) in enumerate(ORGANIZATIONS):
        org = admin_services.create_organization(org_name, contact, by=None, now=now)
        staff = []
        for role, person in PEOPLE.items():
            if role == Role.ADMIN and index > 0:
                continue  # one coalition admin is enough
            password = secrets.token_urlsafe(15)
            name = person if index == 0 else f"{person.split()[0]} {org_name.split()[0]}"
            user = admin_services.create_user(
                org,
                name,
                f"{role.value}@{domain}",
                role,
                Credential.BAR if role == Role.ATTORNEY else None,
                f"MA BBO {600100 + index}" if role == Role.ATTORNEY else None,
                password=password,
                now=now,
            )
            credentials.append((user.email, password))
            staff.append(user)
        past = events.create_event(
            org,
            f"Citizenship Day at {org_name.split()[0]}",
            site,
            today - timedelta(days=7 + 14 * index),
            40,
            by=None,
            now=now,
        )
        upcoming = events.create_event(
            org,
            f"December Citizenship Day at {org_name.split()[0]}",
            site,
            today + timedelta(days=14 + 7 * index),
            40,
            by=None,
            now=now,
        )
        for event in (past, upcoming):
            for user in staff:
                if user.role != Role.ADMIN:
                    events.add_staff(event, user, by=None, now=now)
        staff_by_org.append(staff)
        days.append(past)
    db.session.flush()
    for number, (label, changes) in enumerate(scenarios(today)):
        org_index = 0 if number % 5 else 1
        _seed_applicant(
            number, label, changes, days[org_index], staff_by_org[org_index], today, now, rng
        )
    decided = 0
    for day, staff in zip(days, staff_by_org, strict=True):
        attorney = next(u for u in staff if u.role == Role.ATTORNEY)
        decided += _seed_decisions(day, attorney, dict(credentials)[attorney.email], now)
    _seed_elections(today, now)
    journeys = _seed_journeys(days[0], staff_by_org[0], dict(credentials), today, now, rng)
    echo(
        f"Created {len(scenarios(today))} demo applicants at {len(days)} clinic days; "
        f"{decided} already decided by an attorney, the others wait for review; "
        f"{journeys} more followed after approval, to the oath and voter registration."
    )
    return credentials


def _seed_applicant(number, label, changes, event, staff, today, now, rng):
    person = NAMES[changes.get("name", number) % len(NAMES)]
    volunteer = next(u for u in staff if u.role == Role.VOLUNTEER)
    born = changes.get("born") or _years_ago(today, rng.randint(25, 60), rng.randint(0, 360))
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
    for key, section_answers in answers.items():
        save_section(case, key, section_answers, case.version, by=volunteer, now=now, today=today)
        if changes.get("partial"):
            return
    machine.move(case, "finish_intake", by=volunteer, now=now)
    if number % 3 != 2:  # most screened cases already wait for an attorney
        machine.move(case, "send_to_review", by=volunteer, now=now)


def _seed_decisions(event, attorney, password, now):
    """A few signed decisions, so the history and the follow-up lists have something in them."""
    waiting = db.session.scalars(
        select(Case)
        .where(Case.event_id == event.id, Case.stage == Stage.IN_REVIEW)
        .order_by(Case.id)
    ).all()
    plans = [
        ("eligible", Decision.APPROVE, {}),
        (
            "TRIP_OVER_180",
            Decision.APPROVE_WITH_CONDITIONS,
            {"conditions": ["TRIP_TIES_EVIDENCE", "TAX_TRANSCRIPTS"]},
        ),
        ("MULTIPLE_DUI", Decision.REFER, {"referred_to": "Greater Boston Legal Services"}),
        ("CRIMINAL_HISTORY", Decision.REFER, {"referred_to": "Community Legal Aid"}),
        (
            "TAXES_UNFILED",
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


def _seed_elections(today, now):

    for state, months, kind, name in ELECTIONS:
        day = add_months(today, months)
        while day.weekday() != 1:  # elections are on Tuesdays
            day += timedelta(days=1)
        db.session.add(Election(state=state, held_on=day, kind=kind, name=name, created_at=now))


def _seed_journeys(event, staff, passwords, today, now, rng):
    """Approved cases followed through filing, interview and oath, to voter registration."""
    volunteer = next(u for u in staff if u.role == Role.VOLUNTEER)
    attorney = next(u for u in staff if u.role == Role.ATTORNEY)
    coordinator = next(u for u in staff if u.role == Role.COORDINATOR)
    for number, (given, family, state, reached, days) in enumerate(JOURNEYS):
        person = (given, family, NAMES[number][2], NAMES[number][3], "English")
        born = _years_ago(today, 30 + number)
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
        answers["green_card"].update(a_number=applicant.a_number, lpr_since=_years_ago(today, 8))
        answers["residence"].update(state=state)
        for key, section in answers.items():
            save_section(case, key, section, case.version, by=volunteer, now=then, today=today)
        machine.move(case, "finish_intake", by=volunteer, now=then)
        machine.move(case, "send_to_review", by=volunteer, now=then)
        run = case.latest_screening
        review.seed_decision(
            case,
            attorney,
            decision=Decision.APPROVE,
            resolutions=[
                {"code": f["code"], "resolution": "rebutted", "note": "Reviewed."}
                for f in review.findings_to_resolve(run)
            ],
            details={},
            facts_hash=run.facts_hash,
            note=None,
            now=then,
        )
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
