"""R12: the documents to bring, each with why it is needed."""

from clinic.screening.codes import LONG_TRIPS, N600_POSSIBLE, SELECTIVE_SERVICE
from clinic.screening.paths import MILITARY_PATHS
from clinic.screening.result import Document

LABELS = {
    "GREEN_CARD": "Permanent resident card (front and back)",
    "PASSPORTS": "All passports and travel documents, current and expired",
    "STATE_ID": "State ID or driver's license",
    "MARRIAGE_CERTIFICATE": "Current marriage certificate",
    "PRIOR_MARRIAGES_ENDED": "Proof every earlier marriage ended (divorce decree, annulment or "
    "death certificate), for both spouses",
    "SPOUSE_CITIZENSHIP": "Spouse's proof of U.S. citizenship (birth certificate, naturalization "
    "certificate or passport) and the date it began",
    "MARITAL_UNION_EVIDENCE": "Proof of living together as a married couple for 3 years (joint "
    "tax returns, lease or mortgage, bank accounts, children's birth certificates)",
    "TAX_TRANSCRIPTS": "IRS tax return transcripts for the statutory period",
    "TAX_PAYMENT_PLAN": "The IRS or state payment plan and proof of payments",
    "COURT_DISPOSITIONS": "Certified court records for every arrest, charge or conviction, and "
    "proof the sentence was completed",
    "CHILD_SUPPORT_RECORDS": "Child support orders and proof of payment",
    "SELECTIVE_SERVICE_LETTER": "Selective Service registration number, or a Status "
    "Information Letter from the Selective Service",
    "TRIP_TIES_EVIDENCE": "Proof of ties kept in the U.S. during long trips (pay stubs, "
    "employer letter, lease or mortgage, bank statements)",
    "CONDITIONS_RECEIPT": "The I-751 or I-829 receipt or approval notice",
    "FEE_WAIVER_EVIDENCE": "Form I-912 with the benefit award letter, or proof of household "
    "income or hardship",
    "INCOME_EVIDENCE": "Latest federal tax return or transcript for each household member "
    "(or W-2s and pay stubs)",
    "N648": "Form N-648 completed by a licensed medical professional",
    "MILITARY_RECORDS": "Form N-426 and discharge papers (DD-214 or NGB-22)",
    "PARENT_CITIZENSHIP_RECORDS": "Parents' naturalization certificates or birth records, "
    "custody or divorce decrees, adoption papers, and the applicant's birth certificate",
    "NAME_CHANGE_RECORDS": "The marriage certificate, divorce decree or court order that "
    "changed the name",
}


def documents_for(facts, path, fee, codes):
    """(code, why) pairs in the contract's list order; `codes` are the result's findings."""
    record, marriage = facts.record, facts.marriage
    married = marriage.status == "married"
    spouse_path = path in ("319a", "319b")
    long_trips = bool(codes & LONG_TRIPS)
    man_registering = (
        facts.person.sex == "male"
        and facts.selective_service.registered
        and path not in MILITARY_PATHS
    )
    court = (
        record.arrests_or_charges
        or record.convictions
        or record.dui_convictions
        or record.jail_days
        or record.removal_proceedings != "never"
    )
    wanted = (
        ("GREEN_CARD", True, "everyone"),
        ("PASSPORTS", True, "everyone: the stamps show the trips"),
        ("STATE_ID", True, "everyone"),
        ("MARRIAGE_CERTIFICATE", married, "married"),
        (
            "PRIOR_MARRIAGES_ENDED",
            marriage.status in ("divorced", "widowed") or path == "319a",
            "an earlier marriage ended"
            if marriage.status in ("divorced", "widowed")
            else "filing through a citizen spouse",
        ),
        ("SPOUSE_CITIZENSHIP", spouse_path, "filing through a citizen spouse"),
        ("MARITAL_UNION_EVIDENCE", path == "319a", "filing through a citizen spouse"),
        (
            "TAX_TRANSCRIPTS",
            record.taxes != "filed" or long_trips,
            "taxes owed or not filed" if record.taxes != "filed" else "a trip of 6 months or more",
        ),
        ("TAX_PAYMENT_PLAN", record.taxes == "owed_with_plan", "taxes owed under a plan"),
        ("COURT_DISPOSITIONS", bool(court), "an arrest, charge, conviction or court case"),
        (
            "CHILD_SUPPORT_RECORDS",
            record.child_support != "not_applicable",
            "pays or owes child support",
        ),
        (
            "SELECTIVE_SERVICE_LETTER",
            bool(codes & SELECTIVE_SERVICE) or man_registering,
            "a man who had to register with the Selective Service",
        ),
        ("TRIP_TIES_EVIDENCE", long_trips, "a trip of 6 months or more"),
        ("CONDITIONS_RECEIPT", facts.residence.conditional, "a conditional green card"),
        ("FEE_WAIVER_EVIDENCE", fee.basis == "waiver", "asking for a fee waiver"),
        ("INCOME_EVIDENCE", fee.basis == "reduced", "asking for the reduced fee"),
        ("N648", facts.disability_exception, "asking for the disability exception"),
        ("MILITARY_RECORDS", facts.military.served, "military service"),
        ("PARENT_CITIZENSHIP_RECORDS", N600_POSSIBLE in codes, "a parent who is a citizen"),
        ("NAME_CHANGE_RECORDS", facts.person.name_changed, "a name that differs from the card"),
    )
    return tuple(Document(code, LABELS[code], why) for code, needed, why in wanted if needed)
