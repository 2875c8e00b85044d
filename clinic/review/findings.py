"""What attorneys read beside each finding: its name (the queue's filter), and the interview
sections that hold the answers behind it."""

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
    codes.N600_POSSIBLE: "May already be a citizen (N-600)",
    codes.UNDER_18: "Under 18",
    codes.RESIDENCE_TIME: "Not yet a resident long enough",
    codes.MARRIAGE_TIME: "Not yet married to a citizen long enough",
    codes.STATE_RESIDENCE: "Not yet in the state long enough",
    codes.PHYSICAL_PRESENCE: "Not enough days in the U.S.",
    codes.PHYSICAL_PRESENCE_MARGIN: "Days in the U.S. only just enough",
    codes.TRIP_BORDERLINE: "A trip close to 180 days or a year",
    codes.TRIP_OVER_180: "A trip over 180 days",
    codes.TRIP_OVER_365: "A trip of a year or more",
    codes.TRIP_PATTERN: "Repeated long trips",
    codes.CONDITIONS_PENDING: "Petition to remove conditions pending",
    codes.CONDITIONS_NOT_REMOVED: "Conditions on the green card not removed",
    codes.SELECTIVE_SERVICE_REGISTER: "Must register with the Selective Service",
    codes.SELECTIVE_SERVICE_LETTER: "Never registered with the Selective Service",
    codes.PERMANENT_BAR: "Permanent bar",
    codes.CONDITIONAL_BAR: "Record bars filing for now",
    codes.REMOVAL_PENDING: "Removal proceedings pending",
    codes.REMOVAL_HISTORY: "Removal proceedings in the past",
    codes.CRIMINAL_HISTORY: "Arrest, charge or conviction",
    codes.DUI: "A DUI conviction",
    codes.MULTIPLE_DUI: "Two or more DUI convictions",
    codes.TRAFFIC_PATTERN: "Three or more traffic tickets",
    codes.FALSE_CLAIM_CITIZENSHIP: "Claimed to be a U.S. citizen",
    codes.UNLAWFUL_VOTING: "Registered or voted",
    codes.LPR_LAWFULNESS: "How the green card was obtained",
    codes.GMC_CONCERN: "Other good-moral-character concern",
    codes.CHILD_SUPPORT_ARREARS: "Behind on child support",
    codes.TAXES_UNFILED: "Tax returns not filed",
    codes.TAXES_OWED: "Taxes owed, no payment plan",
    codes.TAX_PAYMENT_PLAN: "Taxes owed, with a payment plan",
    codes.NONRESIDENT_TAX: "Filed taxes as a nonresident",
    codes.COUNTRY_HOLD: "Country on the USCIS hold list",
    codes.DISABILITY_EXCEPTION: "Disability exception (N-648)",
    codes.MILITARY_PATH: "Military path",
    codes.ENGLISH_EXEMPT: "Exempt from the English test",
    codes.FEE_INFO_MISSING: "Household and income missing (fee)",
}


def sections_behind(code):
    return FINDING_SECTIONS.get(code, ("character",))
