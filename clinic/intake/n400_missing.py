"""What each section still lacks for the N-400 itself (beyond what the screening needs): the
new sections' own questions, and the form's questions added to the screening's sections."""

from flask_babel import gettext as _

from clinic.intake.n400_forms import OATH_EXPECTED, YES_NO_QUESTIONS


def _blank(value):
    return value is None or value == "" or value == []


def ask(answers, section_key, *names):
    """Labels of the named questions of a section still unanswered."""
    from clinic.intake import display  # display reads the sections, which read this module

    return [
        display.question_label(section_key, name) for name in names if _blank(answers.get(name))
    ]


def _names(a):
    missing = ask(a, "names", "wants_name_change", "accommodation", "ssa_card")
    if a.get("wants_name_change"):
        missing += ask(a, "names", "new_family_name", "new_given_name")
    if a.get("accommodation"):
        missing += ask(a, "names", "accommodation_details")
    if a.get("ssa_card"):
        missing += ask(a, "names", "ssa_consent")
    return missing


def _biographic(a):
    return ask(
        a,
        "biographic",
        "ethnicity",
        "race",
        "height_feet",
        "height_inches",
        "weight_pounds",
        "eye_color",
        "hair_color",
    )


FOLLOW_UPS = {"used_weapon": "weapon_group", "threatened_weapon": "weapon_group"}


def _explained(key):
    """Every yes/no question answered (follow-ups once their question is yes), and any yes
    explained."""

    def missing(a):
        names = [
            name
            for name in YES_NO_QUESTIONS[key]
            if name not in FOLLOW_UPS or a.get(FOLLOW_UPS[name])
        ]
        labels = ask(a, key, *names)
        if any(a.get(name) for name in names):
            labels += ask(a, key, "explanation")
        return labels

    return missing


def oath_unexpected(a):
    """The oath questions answered other than the law expects (each needs an explanation).
    Unable to take the oath because of a disability: the questions after it are skipped."""
    skipped = ("willing_oath", "bear_arms", "noncombatant_service", "civilian_work")
    return [
        name
        for name, expected in OATH_EXPECTED.items()
        if a.get(name) is not None
        and a.get(name) != expected
        and not (a.get("oath_disability") and name in skipped)
    ]


def _oath(a):
    names = [
        name
        for name in OATH_EXPECTED
        if not (
            a.get("oath_disability")
            and name in ("willing_oath", "bear_arms", "noncombatant_service", "civilian_work")
        )
    ]
    missing = ask(a, "oath", *names)
    if a.get("hereditary_title"):
        missing += ask(a, "oath", "give_up_title", "titles")
    if oath_unexpected(a) or a.get("hereditary_title"):
        missing += ask(a, "oath", "explanation")
    return missing


def _eligibility(a):
    missing = ask(a, "eligibility", "basis")
    if a.get("basis") == "other":
        missing += ask(a, "eligibility", "basis_other")
    if a.get("basis") == "319b":
        missing += ask(a, "eligibility", "field_office")
    return missing


# The new sections: their questions are all the N-400's.
MISSING = {
    "names": _names,
    "biographic": _biographic,
    "groups": _explained("groups"),
    "weapons": _explained("weapons"),
    "conduct": _explained("conduct"),
    "oath": _oath,
    "eligibility": _eligibility,
    "preparer": lambda a: ask(a, "preparer", "preparer_id"),
}


def _contact(a):
    return ask(a, "contact", "country_of_birth")


def _residence(a):
    missing = ask(a, "residence", "mailing_same")
    if a.get("mailing_same") is False:
        missing += ask(a, "residence", "mailing_street", "mailing_city")
    return missing


def _marriage(a):
    if a.get("status") not in ("married", "separated"):
        return []
    missing = ask(
        a,
        "marriage",
        "spouse_family_name",
        "spouse_given_name",
        "spouse_date_of_birth",
        "spouse_same_address",
        "spouse_in_military",
        "spouse_times_married",
    )
    if a.get("spouse_same_address") is False:
        missing += ask(a, "marriage", "spouse_address")
    if a.get("spouse_citizen"):
        missing += ask(a, "marriage", "spouse_citizen_by")
    if len(a.get("prior_spouses", [])) < (a.get("prior_marriages") or 0):
        missing.append(_("Each earlier marriage"))
    return missing


def _military(a):
    missing = []
    if a.get("served"):
        missing += ask(a, "military", "court_martialed", "discharged_as_alien", "deserted")
        if a.get("serving_now"):
            missing += ask(a, "military", "deploying_soon", "stationed_abroad")
        elif a.get("serving_now") is False:
            missing += ask(a, "military", "former_abroad")
    return missing + ask(a, "military", "avoided_draft", "applied_exemption")


# The N-400's questions added to the screening's sections: missing for the form only (they
# don't hold the screening back, nor finishing the intake).
EXTRA = {
    "contact": _contact,
    "residence": _residence,
    "marriage": _marriage,
    "military": _military,
    "character": lambda a: (
        ask(a, "character", "probation_completed") if a.get("convictions") else []
    ),
    "employment": lambda a: (
        []
        if a.get("jobs")
        else [_("Every job or school of the last 5 years (or a row saying unemployed)")]
    ),
    "household": lambda a: (
        []
        if a.get("size_or_income_not_given")
        else ask(a, "household", "head_of_household", "earners")
    ),
}
