"""What attorneys read beside each finding: its name (the queue's filter), and the interview
sections that hold the answers behind it."""

from flask_babel import lazy_gettext as _l

from clinic.screening import codes

# Which interview sections hold the answers behind each finding.
FINDING_SECTIONS = {
    codes.N600_POSSIBLE: ("parents",),
    codes.UNDER_18: ("contact",),
    codes.RESIDENCE_TIME: ("green_card", "trips"),
    codes.MARRIAGE_TIME: ("marriage",),
    codes.STATE_RESIDENCE: ("residence",),
    codes.PHYSICAL_PRESENCE: ("trips",),
    codes.PHYSICAL_PRESENCE_MARGIN: ("trips",),
    codes.TRIP_BORDERLINE: ("trips",),
    codes.TRIP_OVER_180: ("trips",),
    codes.TRIP_OVER_365: ("trips",),
    codes.TRIP_PATTERN: ("trips",),
    codes.CONDITIONS_PENDING: ("green_card",),
    codes.CONDITIONS_NOT_REMOVED: ("green_card",),
    codes.SELECTIVE_SERVICE_REGISTER: ("military",),
    codes.SELECTIVE_SERVICE_LETTER: ("military",),
    codes.COUNTRY_HOLD: ("contact",),
    codes.DISABILITY_EXCEPTION: ("disability",),
    codes.MILITARY_PATH: ("military",),
    codes.ENGLISH_EXEMPT: ("contact", "green_card"),
    codes.FEE_INFO_MISSING: ("household",),
    codes.TAXES_UNFILED: ("taxes",),
    codes.TAXES_OWED: ("taxes",),
    codes.TAX_PAYMENT_PLAN: ("taxes",),
    codes.NONRESIDENT_TAX: ("taxes",),
}


# Every finding code the screening gives (clinic/screening/codes.py) and its name for the
# queue's filter; tests/test_finding_codes.py checks the list against the registry.
FINDING_NAMES = {
    codes.N600_POSSIBLE: _l("May already be a citizen (N-600)"),
    codes.UNDER_18: _l("Under 18"),
    codes.RESIDENCE_TIME: _l("Not yet a resident long enough"),
    codes.MARRIAGE_TIME: _l("Not yet married to a citizen long enough"),
    codes.STATE_RESIDENCE: _l("Not yet in the state long enough"),
    codes.PHYSICAL_PRESENCE: _l("Not enough days in the U.S."),
    codes.PHYSICAL_PRESENCE_MARGIN: _l("Days in the U.S. only just enough"),
    codes.TRIP_BORDERLINE: _l("A trip close to 180 days or a year"),
    codes.TRIP_OVER_180: _l("A trip over 180 days"),
    codes.TRIP_OVER_365: _l("A trip of a year or more"),
    codes.TRIP_PATTERN: _l("Repeated long trips"),
    codes.CONDITIONS_PENDING: _l("Petition to remove conditions pending"),
    codes.CONDITIONS_NOT_REMOVED: _l("Conditions on the green card not removed"),
    codes.SELECTIVE_SERVICE_REGISTER: _l("Must register with the Selective Service"),
    codes.SELECTIVE_SERVICE_LETTER: _l("Never registered with the Selective Service"),
    codes.PERMANENT_BAR: _l("Permanent bar"),
    codes.CONDITIONAL_BAR: _l("Record bars filing for now"),
    codes.REMOVAL_PENDING: _l("Removal proceedings pending"),
    codes.REMOVAL_HISTORY: _l("Removal proceedings in the past"),
    codes.CRIMINAL_HISTORY: _l("Arrest, charge or conviction"),
    codes.DUI: _l("A DUI conviction"),
    codes.MULTIPLE_DUI: _l("Two or more DUI convictions"),
    codes.TRAFFIC_PATTERN: _l("Three or more traffic tickets"),
    codes.FALSE_CLAIM_CITIZENSHIP: _l("Claimed to be a U.S. citizen"),
    codes.UNLAWFUL_VOTING: _l("Registered or voted"),
    codes.LPR_LAWFULNESS: _l("How the green card was obtained"),
    codes.GMC_CONCERN: _l("Other good-moral-character concern"),
    codes.CHILD_SUPPORT_ARREARS: _l("Behind on child support"),
    codes.TAXES_UNFILED: _l("Tax returns not filed"),
    codes.TAXES_OWED: _l("Taxes owed, no payment plan"),
    codes.TAX_PAYMENT_PLAN: _l("Taxes owed, with a payment plan"),
    codes.NONRESIDENT_TAX: _l("Filed taxes as a nonresident"),
    codes.COUNTRY_HOLD: _l("Country on the USCIS hold list"),
    codes.DISABILITY_EXCEPTION: _l("Disability exception (N-648)"),
    codes.MILITARY_PATH: _l("Military path"),
    codes.ENGLISH_EXEMPT: _l("Exempt from the English test"),
    codes.FEE_INFO_MISSING: _l("Household and income missing (fee)"),
}


def sections_behind(code):
    return FINDING_SECTIONS.get(code, ("character",))
