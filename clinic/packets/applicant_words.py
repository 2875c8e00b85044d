"""What the applicant's checklist says about the fee and each document to bring.

Written for the applicant, plainly (about a 6th-grade reading level), apart from the
screening engine's wording, which stays as attorneys and volunteers read it. Every sentence is
a `say()`, printed in the applicant's language with the English beneath; the names of forms and
offices (Form I-912, USCIS, IRS) stay as they are in every language.
"""

from clinic.i18n.words import Dollars, say

# On the applicant's checklist, documents about the record say no more than needed: anyone
# who picks the paper up must not learn that the person was arrested or convicted.
WHICH_ONES = say("the clinic will tell you which ones")
DISCREET = {
    "COURT_DISPOSITIONS": (say("Court papers the clinic asked you for"), WHICH_ONES),
    "CHILD_SUPPORT_RECORDS": (say("Child support papers the clinic asked you for"), WHICH_ONES),
}
DOCUMENTS = {
    "GREEN_CARD": say("Your green card (Permanent Resident Card), front and back"),
    "PASSPORTS": say("All your passports and travel papers, old and new"),
    "STATE_ID": say("Your state ID or driver's license"),
    "MARRIAGE_CERTIFICATE": say("Your marriage certificate"),
    "PRIOR_MARRIAGES_ENDED": say(
        "Papers that show each earlier marriage ended (divorce, annulment or death "
        "certificate), for you and for your spouse"
    ),
    "SPOUSE_CITIZENSHIP": say(
        "Proof that your spouse is a U.S. citizen (birth certificate, naturalization "
        "certificate or passport), and since when"
    ),
    "MARITAL_UNION_EVIDENCE": say(
        "Proof that you and your spouse lived together for the last 3 years (joint tax "
        "returns, lease, bank accounts, your children's birth certificates)"
    ),
    "TAX_TRANSCRIPTS": say(
        "Your tax transcripts from the IRS (the clinic will tell you which years)"
    ),
    "TAX_PAYMENT_PLAN": say("Your IRS or state tax payment plan, and proof of your payments"),
    "SELECTIVE_SERVICE_LETTER": say(
        "Your Selective Service registration number, or a Status Information Letter from the "
        "Selective Service"
    ),
    "TRIP_TIES_EVIDENCE": say(
        "Proof that your life stayed in the U.S. during long trips (pay stubs, a letter from "
        "your job, lease, bank statements)"
    ),
    "CONDITIONS_RECEIPT": say("The receipt or approval letter for your Form I-751 or I-829"),
    "FEE_WAIVER_EVIDENCE": say(
        "Form I-912, with your benefits letter or proof of your household income"
    ),
    "INCOME_EVIDENCE": say(
        "Your last tax return (or W-2s and pay stubs) for everyone in your household"
    ),
    "N648": say("Form N-648, filled out by your doctor"),
    "MILITARY_RECORDS": say("Form N-426 and your discharge papers (DD-214 or NGB-22)"),
    "PARENT_CITIZENSHIP_RECORDS": say(
        "Your parents' citizenship papers (naturalization certificates or birth records), "
        "custody, divorce or adoption papers, and your birth certificate"
    ),
    "NAME_CHANGE_RECORDS": say(
        "The paper that changed your name (marriage certificate, divorce decree or court order)"
    ),
}
# The engine's reason (screening/documents.py) -> the applicant's.
REASONS = {
    "everyone": say("everyone needs this"),
    "everyone: the stamps show the trips": say("everyone needs this: the stamps show your trips"),
    "married": say("you are married"),
    "an earlier marriage ended": say("you were married before"),
    "filing through a citizen spouse": say("you are applying through your spouse, a citizen"),
    "taxes owed or not filed": say("you owe taxes or did not file them"),
    "a trip of 6 months or more": say("you took a trip of 6 months or more"),
    "taxes owed under a plan": say("you are paying taxes you owe under a plan"),
    "a man who had to register with the Selective Service": say(
        "men who lived in the U.S. between ages 18 and 25 had to register"
    ),
    "a conditional green card": say("your green card had conditions (a 2-year card)"),
    "asking for a fee waiver": say("you are asking not to pay the fee"),
    "asking for the reduced fee": say("you are asking to pay a lower fee"),
    "asking for the disability exception": say(
        "you are asking to skip the tests because of a disability"
    ),
    "military service": say("you served in the U.S. military"),
    "a parent who is a citizen": say("one of your parents is a U.S. citizen"),
    "a name that differs from the card": say("your name is not the same as on your green card"),
}


def document_words(document):
    """{"label", "why"} of one document of the screening result, in the applicant's words
    (the engine's own words for a document or reason this table does not know yet)."""
    code = document["code"]
    if code in DISCREET:
        label, why = DISCREET[code]
    else:
        label = DOCUMENTS.get(code, document["label"])
        why = REASONS.get(document["why"], document["why"])
    return {"label": label, "why": why}


def fee_words(fee, full):
    """{"basis", "sentence", "needs"} about the fee; `full` is the full paper fee."""
    basis = fee["basis"]
    paper, online, full = (
        Dollars(amount) if amount is not None else None
        for amount in (fee["paper"], fee["online"], full)
    )
    sentences = {
        "waiver": (
            say(
                "You can ask USCIS not to charge the %(full)s fee (a fee waiver, Form I-912). "
                "You must apply on paper.",
                full=full,
            ),
            say(
                "Bring a letter showing you receive Medicaid, SNAP, TANF or SSI, or proof of "
                "your household income."
            ),
        ),
        "reduced": (
            say(
                "You can pay a reduced fee of %(paper)s instead of %(full)s. You must apply on "
                "paper.",
                paper=paper,
                full=full,
            ),
            say(
                "Bring your last tax return (or W-2s and pay stubs) for everyone in your household."
            ),
        ),
        "full": (
            say(
                "The fee is %(paper)s on paper, or %(online)s if you apply online.",
                paper=paper,
                online=online,
            ),
            say("Pay by check, money order or card (Form G-1450)."),
        ),
        "military": (say("There is no fee for applicants through military service."), None),
    }
    sentence, needs = sentences.get(
        basis,
        (
            say("We could not work out your fee yet."),
            say("Bring proof of your household's income to the clinic."),
        ),
    )
    return {"basis": basis, "sentence": sentence, "needs": needs}
