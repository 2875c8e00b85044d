"""The interview's sections, in the order a clinic works, and what each still misses."""

import datetime
from dataclasses import dataclass, field
from functools import cache

from flask_babel import lazy_gettext as _l

from clinic.intake import forms, n400_forms, n400_missing, record_forms, screening_missing

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
    # Row lists: {FieldList name: (its Add button, one row's noun)}, e.g.
    # {"trips": ("Add a trip", "trip")}, for "Add a trip" and "Came back, trip 2".
    rows: dict = field(default_factory=dict)
    # Follow-up questions shown only after a given answer: {field: (question, answers)}.
    # Without JavaScript every question shows; answers to hidden ones are kept as typed.
    reveal: dict = field(default_factory=dict)
    # Questions the law asks of men only (Selective Service): not asked once the applicant's
    # sex is known to be another.
    men_only: tuple = ()
    # Only for the N-400: not read by the screening (the nav says "for the N-400").
    n400_only: bool = False

    def missing(self, answers, sex=None):
        """Labels of the questions still unanswered, given the stored answers (and the
        applicant's sex, which decides whether Selective Service is asked)."""
        if self.key == "military":
            return screening_missing.military(answers, sex)
        if self.key in n400_missing.MISSING:
            return n400_missing.MISSING[self.key](answers)
        return screening_missing.MISSING[self.key](answers)

    def n400_missing(self, answers, sex=None):
        """What the N-400 still needs from this section: the screening's questions, and the
        form's own questions the screening does not read."""
        extra = n400_missing.EXTRA.get(self.key, lambda a: [])(answers)
        missing = self.missing(answers, sex)
        return missing + [label for label in extra if label not in missing]

    def not_asked(self, sex):
        """The questions that don't apply to this applicant: Selective Service once the sex
        on the card is known and not male (unknown: asked, labelled "(Men)")."""
        return self.men_only if sex not in (None, "male") else ()

    def add_label(self, rows):
        """ "Add a trip": the button that adds a row."""
        return self.rows[rows][0]

    def row_noun(self, rows):
        """ "trip": how one row is named beside its number."""
        return self.rows[rows][1]

    @property
    def row_nouns(self):
        return {rows: self.row_noun(rows) for rows in self.rows}


YES = ("yes",)
NO = ("no",)
MARRIED = ("married",)
SPOUSE = ("married", "separated")
SPOUSE_QUESTIONS = (
    "spouse_family_name",
    "spouse_given_name",
    "spouse_middle_name",
    "spouse_date_of_birth",
    "spouse_a_number",
    "spouse_same_address",
    "spouse_in_military",
    "spouse_times_married",
    "spouse_employer",
)

SECTIONS = (
    Section(
        "contact",
        _l("Contact and language"),
        forms.ContactForm,
        blurb=_l("Who the applicant is and how to reach them."),
    ),
    Section(
        "names",
        _l("Other names, name change, Social Security"),
        n400_forms.NamesForm,
        required_for_screening=False,
        n400_only=True,
        rows={"other_names": (_l("Add a name"), _l("name"))},
        reveal={
            "new_family_name": ("wants_name_change", YES),
            "new_given_name": ("wants_name_change", YES),
            "new_middle_name": ("wants_name_change", YES),
            "accommodation_details": ("accommodation", YES),
            "ssn": ("ssa_card", YES),
            "ssa_consent": ("ssa_card", YES),
        },
    ),
    Section(
        "green_card",
        _l("Green card"),
        forms.GreenCardForm,
        blurb=_l("Read these off the card."),
        reveal={"conditions_petition": ("conditional", YES)},
    ),
    Section(
        "biographic",
        _l("Height, weight, eyes and hair"),
        n400_forms.BiographicForm,
        required_for_screening=False,
        n400_only=True,
        blurb=_l("Asked for the background check (N-400 Part 3)."),
    ),
    Section(
        "residence",
        _l("Where they live"),
        forms.ResidenceForm,
        rows={"addresses": (_l("Add an address"), _l("address"))},
        reveal={
            name: ("mailing_same", NO)
            for name in (
                "mailing_in_care_of",
                "mailing_street",
                "mailing_unit",
                "mailing_unit_number",
                "mailing_city",
                "mailing_state",
                "mailing_zip",
                "mailing_province",
                "mailing_country",
            )
        },
    ),
    Section(
        "trips",
        _l("Trips outside the U.S."),
        forms.TripsForm,
        rows={"trips": (_l("Add a trip"), _l("trip"))},
        blurb=_l("Every trip of 24 hours or more since becoming a resident. Passports help."),
        reveal={"trips": ("any_trips", YES)},
    ),
    Section(
        "marriage",
        _l("Marriage and children"),
        forms.MarriageForm,
        reveal={
            "married_on": ("status", MARRIED),
            "living_together_since": ("status", MARRIED),
            "spouse_citizen": ("status", MARRIED),
            "spouse_citizen_since": ("spouse_citizen", YES),
            "spouse_employed_abroad": ("spouse_citizen", YES),
            "spouse_citizen_by": ("spouse_citizen", YES),
            "spouse_address": ("spouse_same_address", NO),
            **{name: ("status", SPOUSE) for name in SPOUSE_QUESTIONS},
        },
        rows={
            "children": (_l("Add a child"), _l("child")),
            "prior_spouses": (_l("Add an earlier marriage"), _l("earlier marriage")),
        },
    ),
    Section(
        "employment",
        _l("Work and school"),
        forms.EmploymentForm,
        rows={"jobs": (_l("Add a job"), _l("job"))},
        required_for_screening=False,
        blurb=_l(
            "Every job and school of the last 5 years, the current one first; periods "
            "without work too (write 'unemployed')."
        ),
    ),
    Section(
        "military",
        _l("Military and Selective Service"),
        record_forms.MilitaryForm,
        reveal={
            "ss_registered_on": ("ss_registered", YES),
            "ss_number": ("ss_registered", YES),
            "deploying_soon": ("serving_now", YES),
            "stationed_abroad": ("serving_now", YES),
            "former_abroad": ("serving_now", NO),
        }
        | {
            name: ("served", YES)
            for name in (
                "honorable",
                "serving_now",
                "separated_on",
                "service_days",
                "served_since_2001_09_11",
                "court_martialed",
                "discharged_as_alien",
                "deserted",
            )
        },
        men_only=("ss_registered", "ss_in_us_18_to_26", "ss_registered_on", "ss_number"),
    ),
    Section(
        "character",
        _l("Arrests, court and other questions"),
        record_forms.CharacterForm,
        sensitive=True,
        rows={
            "convictions": (_l("Add a conviction"), _l("conviction")),
            "dui_convictions": (_l("Add a DUI"), _l("DUI")),
        },
        blurb=_l(
            "Ask in a private place. Any 'yes' goes to an attorney; write only what the form asks."
        ),
        reveal={
            "false_claim_details": ("false_claim_to_citizenship", YES),
            "voting_details": ("registered_or_voted", YES),
            "removal_details": ("removal_proceedings", ("past", "pending")),
            "lpr_details": ("lpr_lawfulness_concern", YES),
        },
    ),
    *(
        Section(
            key,
            title,
            form,
            required_for_screening=False,
            n400_only=True,
            sensitive=True,
            blurb=_l(
                "The N-400's own questions (Part 9), asked one by one. Ask in a private "
                "place; any 'yes' goes to an attorney."
            ),
            reveal=reveal,
        )
        for key, title, form, reveal in (
            ("conduct", _l("Crimes, drugs, fraud, removal"), n400_forms.ConductForm, {}),
            ("groups", _l("Parties, violent groups, persecution"), n400_forms.GroupsForm, {}),
            (
                "weapons",
                _l("Armed groups and weapons"),
                n400_forms.WeaponsForm,
                {"used_weapon": ("weapon_group", YES), "threatened_weapon": ("weapon_group", YES)},
            ),
        )
    ),
    Section("taxes", _l("Taxes"), record_forms.TaxesForm),
    Section("parents", _l("Parents' citizenship"), record_forms.ParentsForm),
    Section("disability", _l("Disability exception"), record_forms.DisabilityForm),
    Section(
        "household",
        _l("Household and income (for the fee)"),
        record_forms.HouseholdForm,
        reveal={"head_of_household_name": ("head_of_household", NO)},
    ),
    Section(
        "oath",
        _l("The oath and the Constitution"),
        n400_forms.OathForm,
        required_for_screening=False,
        n400_only=True,
        reveal={
            "give_up_title": ("hereditary_title", YES),
            "titles": ("hereditary_title", YES),
        },
    ),
    Section(
        "eligibility",
        _l("Eligibility (N-400 Part 1)"),
        n400_forms.EligibilityForm,
        required_for_screening=False,
        n400_only=True,
        blurb=_l(
            "The screening's path is chosen for you: confirm it, or choose another with the "
            "attorney."
        ),
        reveal={"basis_other": ("basis", ("other",)), "field_office": ("basis", ("319b",))},
    ),
    Section(
        "preparer",
        _l("Interpreter and preparer"),
        n400_forms.PreparerForm,
        required_for_screening=False,
        n400_only=True,
        blurb=_l("The interpreter only if one helps today. Signatures are left for ink."),
    ),
)
BY_KEY = {section.key: section for section in SECTIONS}


@cache
def _asked_in():
    """Field name -> the key of the section that asks it (the last one, for a shared name)."""
    from clinic.intake import display  # display reads the sections: imported once both exist

    return {
        name: section.key for section in SECTIONS for name in display.section_fields(section.key)
    }


def question_labels():
    """Field name -> the question as asked (a row list by its own label), as display reads it
    (said now, in the page's language)."""
    from clinic.intake import display

    return {name: display.question_label(key, name) for name, key in _asked_in().items()}


def question_label(name):
    """The question `name` as asked, said now: question_labels()[name] without the rest."""
    from clinic.intake import display

    return display.question_label(_asked_in()[name], name)


def unfinished(status):
    """Titles of the sections the screening reads that are not done yet, from
    services.section_status(): until they are, a screening is provisional."""
    return [
        str(section.title)
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
            row
            for row in answers.get(name, [])
            if any(not screening_missing.blank(value) for value in row.values())
        ]
    return answers
