"""The interview's sections, in the order a clinic works, and what each still misses."""

import datetime
from dataclasses import dataclass, field
from functools import cache

from clinic.intake import forms

# Answers kept on the Applicant row (search and duplicate checks use them), not in the JSON.
APPLICANT_FIELDS = {
    "contact": ("given_names", "family_names", "date_of_birth", "phone"),
    "green_card": ("a_number",),
}
SKIPPED_KEYS = {"version", "csrf_token"}


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    form_class: type
    required_for_screening: bool = True
    sensitive: bool = False  # criminal-history answers: shown only to roles that need them
    blurb: str = ""
    # Row lists: {FieldList name: one row, with its article}, e.g. {"trips": "a trip"}, for
    # "Add a trip" and "Came back, trip 2".
    rows: dict = field(default_factory=dict)
    # Follow-up questions shown only after a given answer: {field: (question, answers)}.
    # Without JavaScript every question shows; answers to hidden ones are kept as typed.
    reveal: dict = field(default_factory=dict)
    # Questions the law asks of men only (Selective Service): not asked once the applicant's
    # sex is known to be another.
    men_only: tuple = ()

    def missing(self, answers, sex=None):
        """Labels of the questions still unanswered, given the stored answers (and the
        applicant's sex, which decides whether Selective Service is asked)."""
        if self.key == "military":
            return _missing_military(answers, sex)
        return MISSING[self.key](answers)

    def not_asked(self, sex):
        """The questions that don't apply to this applicant: Selective Service once the sex
        on the card is known and not male (unknown: asked, labelled "(Men)")."""
        return self.men_only if sex not in (None, "male") else ()

    def add_label(self, rows):
        return f"Add {self.rows[rows]}"

    def row_noun(self, rows):
        """ "trip" for "a trip": how one row is named beside its number."""
        return self.rows[rows].split(" ", 1)[1]

    @property
    def row_nouns(self):
        return {rows: self.row_noun(rows) for rows in self.rows}


def _blank(value):
    return value is None or value == "" or value == []


def _ask(answers, *names):
    labels = question_labels()
    return [labels[name] for name in names if _blank(answers.get(name))]


def _missing_contact(a):
    return _ask(
        a,
        "given_names",
        "family_names",
        "date_of_birth",
        "sex",
        "nationalities",
        "name_changed",
        "language",
    )


def _missing_green_card(a):
    missing = _ask(a, "a_number", "lpr_since", "category", "conditional")
    return missing


def _missing_residence(a):
    missing = _ask(a, "state", "state_since", "student_dependent")
    if not any(row.get("moved_in") for row in a.get("addresses", [])):
        missing.append("At least one address, with the date moving in")
    return missing


def _missing_trips(a):
    missing = _ask(a, "any_trips")
    if a.get("any_trips"):
        rows = a.get("trips", [])
        if not rows:
            missing.append("The trips themselves")
        elif any(not (row.get("departed") and row.get("returned")) for row in rows):
            missing.append("Both dates of every trip")
    return missing


def _missing_marriage(a):
    missing = _ask(a, "status", "vawa", "prior_marriages")
    if a.get("status") == "married":
        missing += _ask(a, "married_on", "spouse_citizen")
        if a.get("spouse_citizen"):
            missing += _ask(a, "spouse_citizen_since", "spouse_employed_abroad")
    return missing


def _missing_military(a, sex=None):
    missing = _ask(a, "served")
    if sex == "male":
        missing += _ask(a, "ss_registered")
    if a.get("served"):
        missing += _ask(a, "honorable", "serving_now", "service_days", "served_since_2001_09_11")
        if a.get("serving_now") is False:
            missing += _ask(a, "separated_on")
    return missing


def _missing_character(a):
    missing = _ask(
        a,
        "arrests_or_charges",
        "traffic_tickets",
        "jail_days",
        "false_claim_to_citizenship",
        "registered_or_voted",
        "removal_proceedings",
        "lpr_lawfulness_concern",
        "child_support",
    )
    if any(not (row.get("date") and row.get("kind")) for row in a.get("convictions", [])):
        missing.append("The date and kind of every conviction")
    return missing


def _missing_household(a):
    """Size and income may be declined (or not known): the fee then stays to be worked out,
    and the benefit and hardship questions, which only count with them, are not needed."""
    if a.get("size_or_income_not_given"):
        return []
    return _ask(a, "size", "income", "means_tested_benefit", "hardship")


MISSING = {
    "contact": _missing_contact,
    "green_card": _missing_green_card,
    "residence": _missing_residence,
    "trips": _missing_trips,
    "marriage": _missing_marriage,
    "employment": lambda a: [],
    "character": _missing_character,
    "taxes": lambda a: _ask(a, "taxes"),
    "parents": lambda a: _ask(a, "citizen_parent_before_18", "born_abroad_to_citizen"),
    "disability": lambda a: _ask(a, "disability_exception"),
    "household": _missing_household,
}

YES = ("yes",)
MARRIED = ("married",)

SECTIONS = (
    Section(
        "contact",
        "Contact and language",
        forms.ContactForm,
        blurb="Who the applicant is and how to reach them.",
    ),
    Section(
        "green_card",
        "Green card",
        forms.GreenCardForm,
        blurb="Read these off the card.",
        reveal={"conditions_petition": ("conditional", YES)},
    ),
    Section("residence", "Where they live", forms.ResidenceForm, rows={"addresses": "an address"}),
    Section(
        "trips",
        "Trips outside the U.S.",
        forms.TripsForm,
        rows={"trips": "a trip"},
        blurb="Every trip of 24 hours or more since becoming a resident. Passports help.",
        reveal={"trips": ("any_trips", YES)},
    ),
    Section(
        "marriage",
        "Marriage and children",
        forms.MarriageForm,
        rows={"children": "a child"},
        reveal={
            "married_on": ("status", MARRIED),
            "living_together_since": ("status", MARRIED),
            "spouse_citizen": ("status", MARRIED),
            "spouse_citizen_since": ("spouse_citizen", YES),
            "spouse_employed_abroad": ("spouse_citizen", YES),
        },
    ),
    Section(
        "employment",
        "Work and school",
        forms.EmploymentForm,
        rows={"jobs": "a job"},
        required_for_screening=False,
    ),
    Section(
        "military",
        "Military and Selective Service",
        forms.MilitaryForm,
        reveal={
            name: ("served", YES)
            for name in (
                "honorable",
                "serving_now",
                "separated_on",
                "service_days",
                "served_since_2001_09_11",
            )
        },
        men_only=("ss_registered", "ss_in_us_18_to_26"),
    ),
    Section(
        "character",
        "Arrests, court and other questions",
        forms.CharacterForm,
        sensitive=True,
        rows={"convictions": "a conviction", "dui_convictions": "a DUI"},
        blurb="Ask in a private place. Any 'yes' goes to an attorney; write only what the "
        "form asks.",
        reveal={
            "false_claim_details": ("false_claim_to_citizenship", YES),
            "voting_details": ("registered_or_voted", YES),
            "removal_details": ("removal_proceedings", ("past", "pending")),
            "lpr_details": ("lpr_lawfulness_concern", YES),
        },
    ),
    Section("taxes", "Taxes", forms.TaxesForm),
    Section("parents", "Parents' citizenship", forms.ParentsForm),
    Section("disability", "Disability exception", forms.DisabilityForm),
    Section("household", "Household and income (for the fee)", forms.HouseholdForm),
)
BY_KEY = {section.key: section for section in SECTIONS}


@cache
def question_labels():
    """Field name -> the question as asked (a row list by its own label), as display reads it."""
    from clinic.intake import display  # display reads the sections: imported once both exist

    return {
        name: display.question_label(section.key, name)
        for section in SECTIONS
        for name in display.section_fields(section.key)
    }


def unfinished(status):
    """Titles of the sections the screening reads that are not done yet, from
    services.section_status(): until they are, a screening is provisional."""
    return [
        section.title
        for section, missing, saved in status
        if section.required_for_screening and (missing or not saved)
    ]


def to_json(value):
    """Form data -> JSON-safe answers (dates as YYYY-MM-DD)."""
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items() if k not in SKIPPED_KEYS}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def drop_empty_rows(answers, rows):
    """Rows where nothing was typed are not answers."""
    for name in rows:
        answers[name] = [
            row for row in answers.get(name, []) if any(not _blank(value) for value in row.values())
        ]
    return answers
