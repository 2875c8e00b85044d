"""A case's answers as the N-400 map reads them: the interview's sections as stored, and beside
them `derived`, the few answers the form asks in its own shape (the current address, the times
married, the eligibility box, the preparer...)."""

from datetime import date

from sqlalchemy import select

from clinic.audit import AuditEvent
from clinic.auth.models import User
from clinic.extensions import db
from clinic.intake.services import all_answers
from clinic.review.models import Decision, SignOff

APPROVING = (Decision.APPROVE, Decision.APPROVE_WITH_CONDITIONS)
TAXES_OWED = {"owed_with_plan": True, "owed_no_plan": True, "filed": False}
NONRESIDENT = {"filed_as_nonresident": True, "filed": False, "owed_with_plan": False}
FEE_REDUCTION = {"reduced": True, "full": False}


def form_answers(case, today):
    """{section: {field: value}} with "derived" added: everything the map may read."""
    answers = all_answers(case)
    run = case.latest_screening
    answers["derived"] = derived(answers, run.result if run else {}, today)
    answers["derived"]["preparer"] = preparer(case, answers.get("preparer", {}))
    return answers


def derived(answers, screening, today):
    """The computed sources, from plain answers and the screening's result (a dict)."""
    contact, marriage = answers.get("contact", {}), answers.get("marriage", {})
    character = answers.get("character", {})
    rows = _rows(answers.get("residence", {}).get("addresses"))
    current, prior = _current_address(rows)
    nationality, others = _nationalities(contact)
    return {
        "eligibility": answers.get("eligibility", {}).get("basis") or screening.get("path"),
        "nationality": nationality,
        "other_nationalities": others,
        "current_address": current,
        "prior_addresses": prior,
        "mailing": _postal(answers.get("residence", {}), "mailing_zip", "mailing_country"),
        "times_married": _times_married(marriage),
        "children_under_18": _children_under_18(answers, today),
        "owes_taxes": TAXES_OWED.get(answers.get("taxes", {}).get("taxes")),
        "nonresident_return": NONRESIDENT.get(answers.get("taxes", {}).get("taxes")),
        "ever_arrested": _count_answer(character.get("arrests_or_charges")),
        "child_support_failed": {"arrears": True, "paid": False, "not_applicable": False}.get(
            character.get("child_support")
        ),
        "removal_proceedings": {"past": True, "pending": True, "never": False}.get(
            character.get("removal_proceedings")
        ),
        "reduced_fee": FEE_REDUCTION.get((screening.get("fee") or {}).get("basis")),
        "convictions": [_conviction(row) for row in _rows(character.get("convictions"))],
        "selective_service": _selective_service(contact.get("sex"), answers.get("military", {})),
    }


def _selective_service(sex, military):
    """Part 9 item 22.a asks "are you a male who lived in the U.S. ... between 18 and 26": no
    for anyone else; 22.b (registered?) only after a yes."""
    if sex is None:
        return {}
    lived = military.get("ss_in_us_18_to_26") if sex == "male" else False
    return {"in_us_18_to_26": lived, "registered": military.get("ss_registered") if lived else None}


def _rows(rows):
    """A list's rows that are rows (answers kept from older interviews may be anything)."""
    return [row for row in rows if isinstance(row, dict)] if isinstance(rows, list) else []


def _whole(value):
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _current_address(rows):
    """The address lived at now (no moving-out date; the latest such) and the others, with
    the country printed as the form asks (blank in the interview means the United States)."""
    placed = [_with_country(row) for row in rows]
    current = sorted(
        (row for row in placed if not row.get("moved_out")),
        key=lambda row: str(row.get("moved_in") or ""),
        reverse=True,
    )
    first = current[0] if current else {}
    others = [row for row in placed if row is not first]
    return {**first, **_postal(first, "zip_code", "country")}, others


def _with_country(row):
    return {**row, "country": row.get("country") or ("US" if row.get("address") else None)}


def _postal(answers, zip_key, country_key):
    """A code is a ZIP code in the United States, a postal code (with a province) elsewhere."""
    code, country = answers.get(zip_key), answers.get(country_key)
    abroad = country not in (None, "", "US")
    return {"zip_code": None if abroad else code, "postal_code": code if abroad else None}


def _nationalities(contact):
    """The country of citizenship: the country of birth when it is one of the applicant's
    countries, else the first; the others go to Part 14."""
    countries = list(contact.get("nationalities") or [])
    birth = contact.get("country_of_birth")
    if not countries:
        return None, None
    first = birth if birth in countries else countries[0]
    others = [code for code in countries if code != first]
    return first, ", ".join(_country_name(code) for code in others) or None


def _country_name(code):
    from clinic.intake.fields import countries

    return countries().get(code, code)


def _times_married(marriage):
    status, prior = marriage.get("status"), _whole(marriage.get("prior_marriages"))
    if status is None or prior is None:
        return 0 if status == "single" else None
    return prior + (1 if status in ("married", "separated") else 0)


def _children_under_18(answers, today):
    if "status" not in answers.get("marriage", {}):
        return None
    count = 0
    for child in _rows(answers["marriage"].get("children")):
        try:
            born = date.fromisoformat(str(child.get("date_of_birth")))
        except ValueError:
            continue
        count += _age(born, today) < 18
    return count


def _age(born, today):
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _count_answer(count):
    count = _whole(count)
    return None if count is None else count > 0


def _conviction(row):
    days = _whole(row.get("sentence_days"))
    return {
        **row,
        "outcome": "Convicted",
        "sentence": f"{days} days" if days is not None else None,
    }


def preparer(case, answers):
    """Part 13: the person chosen in the interview, else the attorney who approved, else the
    last person who saved the interview; with the organization's name."""
    user = _chosen(case, answers.get("preparer_id")) or _signer(case) or _last_interviewer(case)
    if user is None:
        return {"organization": case.organization.name}
    given, _, family = user.name.strip().rpartition(" ")
    return {
        "family_name": family,
        "given_name": given or None,
        "organization": case.organization.name,
        "phone": answers.get("preparer_phone"),
        "email": answers.get("preparer_email") or user.email,
    }


def _chosen(case, user_id):
    if not str(user_id or "").isdigit():
        return None
    user = db.session.get(User, int(user_id))
    return user if user is not None and user.organization_id == case.organization_id else None


def _signer(case):
    sign_off = db.session.scalar(
        select(SignOff)
        .where(SignOff.case_id == case.id, SignOff.decision.in_(APPROVING))
        .order_by(SignOff.id.desc())
        .limit(1)
    )
    return sign_off.signer if sign_off is not None and sign_off.void is None else None


def _last_interviewer(case):
    user_id = db.session.scalar(
        select(AuditEvent.actor_id)
        .where(
            AuditEvent.action == "intake.section_saved",
            AuditEvent.object_type == "cases",
            AuditEvent.object_id == case.id,
        )
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )
    return db.session.get(User, user_id) if user_id is not None else None
