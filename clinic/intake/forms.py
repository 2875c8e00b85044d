"""One form per interview section. Forms check what was typed; missing answers are allowed
(a section saves on its own and lists what is still missing), wrong answers are not."""

from itertools import pairwise

from wtforms import (
    EmailField,
    Form,
    FormField,
    SelectMultipleField,
    StringField,
    TelField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Email, Length, Optional, ValidationError

from clinic.cases.names import normalize_a_number
from clinic.cases.services import a_number_problem
from clinic.i18n.languages import LanguageField
from clinic.intake.basics import (
    SectionForm,
    birth_date_field,
    count_field,
    country_field,
    past_date_field,
    postal_field,
)
from clinic.intake.fields import (
    US_STATES,
    AnswerField,
    DateField,
    RowList,
    YesNoField,
    a_number_format,
    choices_field,
    countries,
    dates_list,
    not_in_future,
    phone_number,
)


class ContactForm(SectionForm):
    given_names = StringField(
        "Given names",
        [Optional(), Length(max=200)],
        description="As on the green card, in any script.",
    )
    family_names = StringField("Family names", [Optional(), Length(max=200)])
    middle_names = StringField(
        "Middle names", [Optional(), Length(max=200)], description="Blank if none."
    )
    date_of_birth = birth_date_field()
    other_dates_of_birth = StringField(
        "Other dates of birth ever used",
        [Optional(), Length(max=100), dates_list],
        description="Blank if none. MM/DD/YYYY, separated by commas.",
    )
    sex = choices_field(
        "Sex on the green card", [("female", "Female"), ("male", "Male"), ("another", "Another")]
    )
    nationalities = SelectMultipleField(
        "Countries of birth and citizenship",
        choices=lambda: [SelectChoice(code, name) for code, name in countries().items()],
        validators=[Optional()],
        description="Every country of citizenship or nationality, and the country of birth. "
        "Hold Ctrl (or Cmd) to choose more than one.",
    )
    country_of_birth = choices_field(
        "Country of birth",
        lambda: list(countries().items()),
        description="As on the birth certificate (the N-400 asks it on its own).",
    )
    name_changed = YesNoField("Is the current legal name different from the green card?")
    phone = TelField("Phone", [Optional(), Length(max=30), phone_number])
    mobile_phone = TelField(
        "Mobile phone", [Optional(), Length(max=30), phone_number], description="If not the same."
    )
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
    lpr_since = past_date_field("Resident since", "The 'Resident since' date on the card.")
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
    address = StringField(
        "Address", [Optional(), Length(max=200)], description="Street, number and apartment."
    )
    city = StringField("City or town", [Optional(), Length(max=100)])
    state = choices_field(
        "State",
        sorted(US_STATES.items(), key=lambda kv: kv[1]),
        blank="Outside the U.S. / not listed",
    )
    zip_code = postal_field()
    country = country_field()
    moved_in = DateField("From", [Optional(), not_in_future])
    moved_out = DateField("To (blank if current)", [Optional(), not_in_future])


class ResidenceForm(SectionForm):
    state = choices_field("State of residence now", sorted(US_STATES.items(), key=lambda kv: kv[1]))
    state_since = past_date_field("Living in this state since")
    student_dependent = YesNoField("A student who depends on family in another state?")
    addresses = RowList(FormField(AddressRow), label="Addresses in the last 5 years")
    mailing_same = YesNoField("Is the current home address also the mailing address?")
    mailing_in_care_of = StringField("In care of (mailing)", [Optional(), Length(max=100)])
    mailing_street = StringField("Mailing street and number", [Optional(), Length(max=200)])
    mailing_unit = choices_field(
        "Apartment, suite or floor (mailing)",
        [("apt", "Apartment"), ("ste", "Suite"), ("flr", "Floor")],
        blank="None",
    )
    mailing_unit_number = StringField("Its number (mailing)", [Optional(), Length(max=10)])
    mailing_city = StringField("Mailing city or town", [Optional(), Length(max=100)])
    mailing_state = choices_field(
        "Mailing state",
        sorted(US_STATES.items(), key=lambda kv: kv[1]),
        blank="Outside the U.S.",
    )
    mailing_zip = postal_field("Mailing ZIP or postal code")
    mailing_province = StringField(
        "Mailing province or region (outside the U.S.)", [Optional(), Length(max=100)]
    )
    mailing_country = country_field("Mailing country")


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
    date_of_birth = birth_date_field()
    lives_with_applicant = YesNoField("Lives with the applicant?")
    supported = YesNoField("Supported by the applicant?")


HOW_MARRIAGES_ENDED = [
    ("divorce", "Divorce"),
    ("death", "Spouse died"),
    ("annulment", "Annulment"),
    ("other", "Other"),
]


class PriorSpouseRow(Form):
    name = StringField("Earlier spouse's name", [Optional(), Length(max=200)])
    married_on = DateField("Married on", [Optional(), not_in_future])
    ended_on = DateField("Marriage ended on", [Optional(), not_in_future])
    how_ended = choices_field("How it ended", HOW_MARRIAGES_ENDED)


class MarriageForm(SectionForm):
    status = choices_field("Marital status", MARITAL_STATUSES)
    married_on = past_date_field("Date of the current marriage")
    living_together_since = past_date_field("Living together since", "Blank if since the wedding.")
    spouse_citizen = YesNoField("Is the spouse a U.S. citizen?")
    spouse_citizen_since = past_date_field(
        "Spouse a citizen since", "The spouse's birth date if a citizen by birth."
    )
    spouse_employed_abroad = YesNoField(
        "Does the citizen spouse work abroad for the U.S. government, an American company or "
        "an international organization?"
    )
    spouse_citizen_by = AnswerField(
        "How did the spouse become a citizen?",
        choices=[("birth", "By birth in the U.S."), ("other", "Other (naturalized, parents)")],
    )
    spouse_family_name = StringField("Spouse's family names", [Optional(), Length(max=200)])
    spouse_given_name = StringField("Spouse's given names", [Optional(), Length(max=200)])
    spouse_middle_name = StringField("Spouse's middle names", [Optional(), Length(max=200)])
    spouse_date_of_birth = birth_date_field("Spouse's date of birth")
    spouse_a_number = StringField(
        "Spouse's A-number", [Optional(), Length(max=20), a_number_format], description="If any."
    )
    spouse_same_address = YesNoField("Does the spouse live at the applicant's address?")
    spouse_address = TextAreaField("Spouse's address", [Optional(), Length(max=300)])
    spouse_in_military = YesNoField("Is the spouse in the U.S. armed forces now?")
    spouse_times_married = count_field("How many times has the spouse been married?", 20)
    spouse_employer = StringField("Spouse's employer or company", [Optional(), Length(max=200)])
    vawa = YesNoField("Green card through VAWA, as the abused spouse or child of a citizen?")
    prior_marriages = count_field("How many earlier marriages?", 20)
    prior_spouses = RowList(FormField(PriorSpouseRow), label="Earlier marriages")
    children = RowList(FormField(ChildRow), label="Children")

    def validate_prior_spouses(self, field):
        listed, count = len(field.entries), self.prior_marriages.data
        if count is not None and listed > count:
            raise ValidationError(
                f"{listed} earlier marriages are listed, but the answer above says {count}."
            )


class JobRow(Form):
    employer = StringField("Employer or school", [Optional(), Length(max=200)])
    occupation = StringField("Occupation or field of study", [Optional(), Length(max=100)])
    city = StringField("City or town", [Optional(), Length(max=100)])
    state = StringField("State or province", [Optional(), Length(max=50)])
    zip_code = postal_field()
    country = country_field()
    started = DateField("From", [Optional(), not_in_future])
    ended = DateField("To (blank if current)", [Optional(), not_in_future])


class EmploymentForm(SectionForm):
    jobs = RowList(FormField(JobRow), label="Work and school in the last 5 years")
