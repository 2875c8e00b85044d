"""Demo data for `flask clinic seed-demo`: organizations, users, clinic days and about forty
applicants across every outcome, made through the same services the pages use; every case
answers the whole N-400, and a few approved ones show its long lists and its Part 9."""

import random
import secrets
from datetime import timedelta

from clinic.admin import services as admin_services
from clinic.auth.roles import Credential, Role
from clinic.demo.journeys import seed_elections, seed_journeys
from clinic.demo.n400 import seed_showcases
from clinic.demo.people import ORGANIZATIONS, PEOPLE
from clinic.demo.screening import (
    base_answers,
    scenarios,
    seed_applicant,
    seed_decisions,
    years_ago,
)
from clinic.events import services as events
from clinic.extensions import db

__all__ = ["ORGANIZATIONS", "scenarios", "seed"]


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
        seed_applicant(
            number, label, changes, days[org_index], staff_by_org[org_index], today, now, rng
        )
    decided = 0
    for day, staff in zip(days, staff_by_org, strict=True):
        attorney = next(u for u in staff if u.role == Role.ATTORNEY)
        decided += seed_decisions(day, attorney, dict(credentials)[attorney.email], now)
    seed_elections(today, now)
    journeys = seed_journeys(days[0], staff_by_org[0], dict(credentials), today, now, rng)
    showcases = seed_showcases(
        days[0],
        staff_by_org[0],
        dict(credentials),
        today,
        now,
        random.Random("showcases"),  # noqa: S311
        base_answers,
        lambda years, days=0: years_ago(today, years, days),
    )
    echo(
        f"Created {len(scenarios(today))} demo applicants at {len(days)} clinic days; "
        f"{decided} already decided by an attorney, the others wait for review; "
        f"{journeys} more followed after approval, to the oath and voter registration; "
        f"{showcases} approved with long N-400 lists (trips, marriages, children, Part 9)."
    )
    return credentials
