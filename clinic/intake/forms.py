"""One form per interview section. Forms check what was typed; missing answers are allowed
(a section saves on its own and lists what is still missing), wrong answers are not."""

from itertools import pairwise

from wtforms import (
    EmailField,
    Form,
    FormField,
    HiddenField,
    SelectMultipleField,
    StringField,
    TelField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Email, Length, NumberRange, Optional, ValidationError

from clinic.cases.search import normalize_a_number
from clinic.cases.services import a_number_problem
from clinic.forms import ClinicForm
from clinic.i18n.languages import LanguageField
from clinic.intake.fields import (
    NOT_GIVEN,
    US_STATES,
    AnswerField,
    DateField,
    RowList,
    WholeNumberField,
    YesNoField,
    a_number_format,
    birth_date,
    choices_field,
    countries,
    not_in_future,
    phone_number,
)

MAX_INCOME = 5_000_000  # above this a typing mistake is far likelier than the income


def _past_date(label, description=None):
    return DateField(label, [Optional(), not_in_future], description=description)


def _birth_date(label="Date of birth"):
    return DateField(label, [Optional(), birth_date])


def _count(label, maximum, description=None):
    return WholeNumberField(
        label,
        [Optional(), NumberRange(0, maximum, f"Enter a number from 0 to {maximum:,}.")],
        description=description,
    )


class SectionForm(ClinicForm):
    """Every section form carries the case version it was loaded at (optimistic locking), and
    knows whose answers it holds (`applicant`), for checks against the other records."""

    version = HiddenField()

    def __init__(self, *args, applicant=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.applicant = applicant


class ContactForm(SectionForm):
    given_names = StringField(
        "Given names",
        [Optional(), Length(max=200)],
        description="As on the green card, in any script.",
    )
    family_names = StringField("Family names", [Optional(), Length(max=200)])
    date_of_birth = _birth_date()
    sex = choices_field(
        "Sex on the green card", [("female", "Female"), ("male", "Male"), ("another", "Another")]
    )
    nationalities = SelectMultipleField(
        "Countries of birth and citizenship",
        choices=lambda: [SelectChoice(code, name) for code, name in countries().items()],
        validators=[Optional()],
        description="Hold Ctrl (or Cmd) to choose more than one.",
    )
    name_changed = YesNoField("Is the current legal name different from the green card?")
    phone = TelField("Phone", [Optional(), Length(max=30), phone_number])
    email = EmailField("Email", [Optional(), Email(), Length(max=254)])
    language = LanguageField("Preferred language", [Optional(), Length(max=60)])
    interpreter = YesNoField("Needs an interpreter?")
    address = TextAreaField("Home address", [Optional(), Length(max=300)])


LPR_CATEGORIES = [
    ("family", "Family (spouse, parent, child, sibling)"),
    ("employment", "Employment"),
    ("refugee_asylee", "Refugee or asylee"),
    ("diversity", "Diversity visa lottery"),
    ("vawa", "VAWA self-petition (abused spouse or child of a citizen)"),
    ("other", "Other"),
]


class GreenCardForm(SectionForm):
    a_number = StringField(
        "A-number",
        [Optional(), Length(max=20), a_number_format],
        description="8 or 9 digits; 'A', dashes and spaces are fine.",
    )
    lpr_since = _past_date("Resident since", "The 'Resident since' date on the card.")
    category = choices_field("How the green card was obtained", LPR_CATEGORIES)
    conditional = YesNoField("Is it a 2-year conditional card?")
    conditions_petition = choices_field(
        "Petition to remove the conditions (I-751 or I-829)",
        [
            ("pending", "Filed, still pending"),
            ("approved", "Approved"),
            ("late_or_not_filed", "Filed late, or not filed"),
        ],
        blank="Not known",
    )

    def validate_a_number(self, field):
        """Someone else on file with this A-number is refused with the section's other errors
        (the save checks it again)."""
        number = normalize_a_number(field.data) if field.data else None
        problem = a_number_problem(self.applicant, number) if number and self.applicant else None
        if problem:
            raise ValidationError(problem)


class AddressRow(Form):
    address = StringField("Address", [Optional(), Length(max=200)])
    state = choices_field(
        "State",
        sorted(US_STATES.items(), key=lambda kv: kv[1]),
        blank="Outside the U.S. / not listed",
    )
    moved_in = DateField("From", [Optional(), not_in_future])
    moved_out = DateField("To (blank if current)", [Optional(), not_in_future])


class ResidenceForm(SectionForm):
    state = choices_field("State of residence now", sorted(US_STATES.items(), key=lambda kv: kv[1]))
    state_since = _past_date("Living in this state since")
    student_dependent = YesNoField("A student who depends on family in another state?")
    addresses = RowList(FormField(AddressRow), label="Addresses in the last 5 years")


class TripRow(Form):
    departed = DateField("Left the U.S.", [Optional(), not_in_future])
    returned = DateField("Came back", [Optional(), not_in_future])
    destination = StringField("Where", [Optional(), Length(max=100)])


class TripsForm(SectionForm):
    any_trips = YesNoField(
        "Any trips outside the U.S. of 24 hours or more since becoming a resident?"
    )
    trips = RowList(FormField(TripRow), label="Trips")

    def validate_trips(self, field):
        spans = []
        for index, row in enumerate(field.entries, start=1):
            departed, returned = row.form.departed.data, row.form.returned.data
            if departed and returned and returned < departed:
                row.form.returned.errors.append("The return is before the departure.")
                raise ValidationError(f"Trip {index} ends before it starts.")
            if departed and returned:
                spans.append((departed, returned, index))
        spans.sort()
        for (_, first_back, first), (second_out, _, second) in pairwise(spans):
            if second_out < first_back:
                raise ValidationError(f"Trips {first} and {second} overlap.")


MARITAL_STATUSES = [
    ("single", "Single, never married"),
    ("married", "Married"),
    ("separated", "Legally separated"),
    ("divorced", "Divorced"),
    ("widowed", "Widowed"),
]


class ChildRow(Form):
    name = StringField("Child's name", [Optional(), Length(max=200)])
    date_of_birth = _birth_date()
    lives_with_applicant = YesNoField("Lives with the applicant?")


class MarriageForm(SectionForm):
    status = choices_field("Marital status", MARITAL_STATUSES)
    married_on = _past_date("Date of the current marriage")
    living_together_since = _past_date("Living together since", "Blank if since the wedding.")
    spouse_citizen = YesNoField("Is the spouse a U.S. citizen?")
    spouse_citizen_since = _past_date(
        "Spouse a citizen since", "The spouse's birth date if a citizen by birth."
    )
    spouse_employed_abroad = YesNoField(
        "Does the citizen spouse work abroad for the U.S. government, an American company or "
        "an international organization?"
    )
    vawa = YesNoField("Green card through VAWA, as the abused spouse or child of a citizen?")
    prior_marriages = _count("How many earlier marriages?", 20)
    children = RowList(FormField(ChildRow), label="Children")


class JobRow(Form):
    employer = StringField("Employer or school", [Optional(), Length(max=200)])
    place = StringField("City and state", [Optional(), Length(max=100)])
    started = DateField("From", [Optional(), not_in_future])
    ended = DateField("To (blank if current)", [Optional(), not_in_future])


class EmploymentForm(SectionForm):
    jobs = RowList(FormField(JobRow), label="Work and school in the last 5 years")


class MilitaryForm(SectionForm):
    served = YesNoField("Ever served in the U.S. armed forces?")
    honorable = YesNoField("Was the service honorable?")
    serving_now = YesNoField("Serving now?")
    separated_on = _past_date("Date of leaving the service")
    service_days = _count("Days of service in total", 30_000)
    served_since_2001_09_11 = YesNoField("Any service since 11 September 2001?")
    ss_registered = YesNoField("(Men) Registered with the Selective Service?")
    ss_in_us_18_to_26 = YesNoField(
        "(Men) Lived in the U.S. at any time between 18 and 26, other than on a visa?"
    )


CONVICTION_KINDS = [
    ("other", "Other offense (attorney to classify)"),
    ("moral_turpitude", "Crime of moral turpitude (theft, fraud, assault with intent…)"),
    ("controlled_substance", "Drug offense"),
    ("marijuana_possession_30g", "Possession of 30 g of marijuana or less"),
    ("aggravated_felony", "Aggravated felony"),
    ("murder", "Murder"),
]
OTHER_CONCERNS = [
    ("habitual_drunkard", "Habitual drunkenness"),
    ("gambling", "Illegal gambling"),
    ("polygamy", "More than one spouse at a time"),
    ("smuggling", "Helped someone enter illegally"),
    ("prostitution", "Prostitution"),
    ("false_testimony", "Lied to get an immigration benefit"),
    ("benefit_fraud", "Public-benefit fraud"),
    ("totalitarian_party", "Communist or totalitarian party member"),
    ("terrorist_org", "Terrorist organization"),
    ("unwilling_oath", "Unwilling to take the oath"),
    ("persecution", "Took part in persecution, genocide or torture"),
    ("desertion", "Deserted the U.S. armed forces"),
    ("alienage_discharge", "Exempted from U.S. military service as a foreigner"),
]


class ConvictionRow(Form):
    date = DateField("Date of conviction", [Optional(), not_in_future])
    kind = choices_field("Kind", CONVICTION_KINDS)
    sentence_days = _count("Sentence (days)", 40_000)
    details = StringField("What happened, and the outcome", [Optional(), Length(max=300)])


class DuiRow(Form):
    date = DateField("Date of DUI/OUI conviction", [Optional(), not_in_future])


class CharacterForm(SectionForm):
    arrests_or_charges = _count(
        "Arrests, citations or charges (not minor traffic tickets), anywhere, ever", 99
    )
    arrests_details = TextAreaField(
        "For each one: when, where, what for, and what happened",
        [Optional(), Length(max=1000)],
    )
    traffic_tickets = _count("Traffic tickets in the last 5 years", 99)
    convictions = RowList(FormField(ConvictionRow), label="Convictions")
    dui_convictions = RowList(FormField(DuiRow), label="DUI / OUI convictions")
    jail_days = _count("Days in jail after a conviction, in the last 5 years", 5_000)
    false_claim_to_citizenship = YesNoField(
        "Ever claimed to be a U.S. citizen (on a job form, to vote, for a benefit)?"
    )
    false_claim_details = StringField(
        "When, and on what form or occasion", [Optional(), Length(max=300)]
    )
    registered_or_voted = YesNoField("Ever registered to vote or voted in any U.S. election?")
    voting_details = StringField(
        "When, where, and which election or registration", [Optional(), Length(max=300)]
    )
    removal_proceedings = choices_field(
        "Removal or deportation proceedings",
        [("never", "Never"), ("past", "In the past"), ("pending", "Pending now")],
    )
    removal_details = StringField("Court, dates and outcome", [Optional(), Length(max=300)])
    lpr_lawfulness_concern = YesNoField(
        "Any problem with how the green card was obtained (false information, a marriage that "
        "ended quickly, a pending case at the time)?"
    )
    lpr_details = StringField("What happened", [Optional(), Length(max=300)])
    child_support = choices_field(
        "Child support",
        [
            ("not_applicable", "Does not apply"),
            ("paid", "Pays it in full"),
            ("arrears", "Behind on payments"),
        ],
    )
    other_concerns = SelectMultipleField(
        "Any of these ever true?",
        choices=[SelectChoice(v, t) for v, t in OTHER_CONCERNS],
        validators=[Optional()],
        description="Choose all that apply; leave empty if none.",
    )


class TaxesForm(SectionForm):
    taxes = choices_field(
        "Federal income taxes",
        [
            ("filed", "Filed every year, nothing owed"),
            ("owed_with_plan", "Owes taxes, with a payment plan"),
            ("owed_no_plan", "Owes taxes, no payment plan"),
            ("not_filed", "Did not file some years"),
            ("filed_as_nonresident", "Filed as a nonresident"),
        ],
    )


class ParentsForm(SectionForm):
    citizen_parent_before_18 = YesNoField(
        "Was either parent a U.S. citizen, or did one become one, before the applicant turned 18?"
    )
    born_abroad_to_citizen = YesNoField(
        "Was a parent a U.S. citizen when the applicant was born abroad?"
    )


class DisabilityForm(SectionForm):
    disability_exception = YesNoField(
        "Will the applicant ask to be excused from the English and civics tests because of a "
        "disability (Form N-648)?"
    )


class HouseholdForm(SectionForm):
    size = WholeNumberField(
        "People in the household", [Optional(), NumberRange(1, 30, "Enter 1 to 30 people.")]
    )
    income = WholeNumberField(
        "Household income last year (dollars)",
        [
            Optional(),
            NumberRange(
                0,
                MAX_INCOME,
                "Enter the yearly income in whole dollars; that figure looks mistyped.",
            ),
        ],
    )
    # N-400 Part 10 (the reduced fee) is optional: a person may keep their income to
    # themselves, and then pays the full fee (the screening says FEE_INFO_MISSING).
    size_or_income_not_given = AnswerField(
        "If the size or the income is not given",
        choices=NOT_GIVEN,
        description="The fee can't be worked out without them; the checklist then asks for "
        "proof of income.",
    )
    means_tested_benefit = YesNoField(
        "Anyone in the household receives Medicaid, SNAP, TANF or SSI?"
    )
    hardship = YesNoField("A financial hardship (medical bills, job loss, eviction)?")

    def validate_size_or_income_not_given(self, field):
        if field.data and self.size.data is not None and self.income.data is not None:
            raise ValidationError(
                "Both the size and the income are given: clear this answer, or clear the "
                "figure that was not given."
            )
