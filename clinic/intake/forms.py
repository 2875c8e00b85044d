"""One form per interview section. Forms check what was typed; missing answers are allowed
(a section saves on its own and lists what is still missing), wrong answers are not."""

from itertools import pairwise

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
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
        _l("Given names"),
        [Optional(), Length(max=200)],
        description=_l("As on the green card, in any script."),
    )
    family_names = StringField(_l("Family names"), [Optional(), Length(max=200)])
    middle_names = StringField(
        _l("Middle names"), [Optional(), Length(max=200)], description=_l("Blank if none.")
    )
    date_of_birth = birth_date_field()
    other_dates_of_birth = StringField(
        _l("Other dates of birth ever used"),
        [Optional(), Length(max=100), dates_list],
        description=_l("Blank if none. MM/DD/YYYY, separated by commas."),
    )
    sex = choices_field(
        _l("Sex on the green card"),
        [("female", _l("Female")), ("male", _l("Male")), ("another", _l("Another"))],
    )
    nationalities = SelectMultipleField(
        _l("Countries of birth and citizenship"),
        choices=lambda: [SelectChoice(code, name) for code, name in countries().items()],
        validators=[Optional()],
        description=_l(
            "Every country of citizenship or nationality, and the country of birth. "
            "Hold Ctrl (or Cmd) to choose more than one."
        ),
    )
    country_of_birth = choices_field(
        _l("Country of birth"),
        lambda: list(countries().items()),
        description=_l("As on the birth certificate (the N-400 asks it on its own)."),
    )
    name_changed = YesNoField(_l("Is the current legal name different from the green card?"))
    phone = TelField(_l("Phone"), [Optional(), Length(max=30), phone_number])
    mobile_phone = TelField(
        _l("Mobile phone"),
        [Optional(), Length(max=30), phone_number],
        description=_l("If not the same."),
    )
    email = EmailField(_l("Email"), [Optional(), Email(), Length(max=254)])
    language = LanguageField(_l("Preferred language"), [Optional(), Length(max=60)])
    interpreter = YesNoField(_l("Needs an interpreter?"))
    address = TextAreaField(_l("Home address"), [Optional(), Length(max=300)])


LPR_CATEGORIES = [
    ("family", _l("Family (spouse, parent, child, sibling)")),
    ("employment", _l("Employment")),
    ("refugee_asylee", _l("Refugee or asylee")),
    ("diversity", _l("Diversity visa lottery")),
    ("vawa", _l("VAWA self-petition (abused spouse or child of a citizen)")),
    ("other", _l("Other")),
]


class GreenCardForm(SectionForm):
    a_number = StringField(
        _l("A-number"),
        [Optional(), Length(max=20), a_number_format],
        description=_l("8 or 9 digits; 'A', dashes and spaces are fine."),
    )
    lpr_since = past_date_field(_l("Resident since"), _l("The 'Resident since' date on the card."))
    category = choices_field(_l("How the green card was obtained"), LPR_CATEGORIES)
    conditional = YesNoField(_l("Is it a 2-year conditional card?"))
    conditions_petition = choices_field(
        _l("Petition to remove the conditions (I-751 or I-829)"),
        [
            ("pending", _l("Filed, still pending")),
            ("approved", _l("Approved")),
            ("late_or_not_filed", _l("Filed late, or not filed")),
        ],
        blank=_l("Not known"),
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
        _l("Address"),
        [Optional(), Length(max=200)],
        description=_l("Street, number and apartment."),
    )
    city = StringField(_l("City or town"), [Optional(), Length(max=100)])
    state = choices_field(
        _l("State"),
        sorted(US_STATES.items(), key=lambda kv: kv[1]),
        blank=_l("Outside the U.S. / not listed"),
    )
    zip_code = postal_field()
    country = country_field()
    moved_in = DateField(_l("From"), [Optional(), not_in_future])
    moved_out = DateField(_l("To (blank if current)"), [Optional(), not_in_future])


class ResidenceForm(SectionForm):
    state = choices_field(
        _l("State of residence now"), sorted(US_STATES.items(), key=lambda kv: kv[1])
    )
    state_since = past_date_field(_l("Living in this state since"))
    student_dependent = YesNoField(_l("A student who depends on family in another state?"))
    addresses = RowList(FormField(AddressRow), label=_l("Addresses in the last 5 years"))
    mailing_same = YesNoField(_l("Is the current home address also the mailing address?"))
    mailing_in_care_of = StringField(_l("In care of (mailing)"), [Optional(), Length(max=100)])
    mailing_street = StringField(_l("Mailing street and number"), [Optional(), Length(max=200)])
    mailing_unit = choices_field(
        _l("Apartment, suite or floor (mailing)"),
        [("apt", _l("Apartment")), ("ste", _l("Suite")), ("flr", _l("Floor"))],
        blank=_l("None"),
    )
    mailing_unit_number = StringField(_l("Its number (mailing)"), [Optional(), Length(max=10)])
    mailing_city = StringField(_l("Mailing city or town"), [Optional(), Length(max=100)])
    mailing_state = choices_field(
        _l("Mailing state"),
        sorted(US_STATES.items(), key=lambda kv: kv[1]),
        blank=_l("Outside the U.S."),
    )
    mailing_zip = postal_field(_l("Mailing ZIP or postal code"))
    mailing_province = StringField(
        _l("Mailing province or region (outside the U.S.)"), [Optional(), Length(max=100)]
    )
    mailing_country = country_field(_l("Mailing country"))


class TripRow(Form):
    departed = DateField(_l("Left the U.S."), [Optional(), not_in_future])
    returned = DateField(_l("Came back"), [Optional(), not_in_future])
    destination = StringField(_l("Where"), [Optional(), Length(max=100)])


class TripsForm(SectionForm):
    any_trips = YesNoField(
        _l("Any trips outside the U.S. of 24 hours or more since becoming a resident?")
    )
    trips = RowList(FormField(TripRow), label=_l("Trips"))

    def validate_trips(self, field):
        spans = []
        for index, row in enumerate(field.entries, start=1):
            departed, returned = row.form.departed.data, row.form.returned.data
            if departed and returned and returned < departed:
                row.form.returned.errors.append(_("The return is before the departure."))
                raise ValidationError(_("Trip %(index)s ends before it starts.", index=index))
            if departed and returned:
                spans.append((departed, returned, index))
        spans.sort()
        for (_start, first_back, first), (second_out, _end, second) in pairwise(spans):
            if second_out < first_back:
                raise ValidationError(
                    _("Trips %(first)s and %(second)s overlap.", first=first, second=second)
                )


MARITAL_STATUSES = [
    ("single", _l("Single, never married")),
    ("married", _l("Married")),
    ("separated", _l("Legally separated")),
    ("divorced", _l("Divorced")),
    ("widowed", _l("Widowed")),
]


class ChildRow(Form):
    name = StringField(_l("Child's name"), [Optional(), Length(max=200)])
    date_of_birth = birth_date_field()
    lives_with_applicant = YesNoField(_l("Lives with the applicant?"))
    supported = YesNoField(_l("Supported by the applicant?"))


HOW_MARRIAGES_ENDED = [
    ("divorce", _l("Divorce")),
    ("death", _l("Spouse died")),
    ("annulment", _l("Annulment")),
    ("other", _l("Other")),
]


class PriorSpouseRow(Form):
    name = StringField(_l("Earlier spouse's name"), [Optional(), Length(max=200)])
    married_on = DateField(_l("Married on"), [Optional(), not_in_future])
    ended_on = DateField(_l("Marriage ended on"), [Optional(), not_in_future])
    how_ended = choices_field(_l("How it ended"), HOW_MARRIAGES_ENDED)


class MarriageForm(SectionForm):
    status = choices_field(_l("Marital status"), MARITAL_STATUSES)
    married_on = past_date_field(_l("Date of the current marriage"))
    living_together_since = past_date_field(
        _l("Living together since"), _l("Blank if since the wedding.")
    )
    spouse_citizen = YesNoField(_l("Is the spouse a U.S. citizen?"))
    spouse_citizen_since = past_date_field(
        _l("Spouse a citizen since"), _l("The spouse's birth date if a citizen by birth.")
    )
    spouse_employed_abroad = YesNoField(
        _l(
            "Does the citizen spouse work abroad for the U.S. government, an American company or "
            "an international organization?"
        )
    )
    spouse_citizen_by = AnswerField(
        _l("How did the spouse become a citizen?"),
        choices=[
            ("birth", _l("By birth in the U.S.")),
            ("other", _l("Other (naturalized, parents)")),
        ],
    )
    spouse_family_name = StringField(_l("Spouse's family names"), [Optional(), Length(max=200)])
    spouse_given_name = StringField(_l("Spouse's given names"), [Optional(), Length(max=200)])
    spouse_middle_name = StringField(_l("Spouse's middle names"), [Optional(), Length(max=200)])
    spouse_date_of_birth = birth_date_field(_l("Spouse's date of birth"))
    spouse_a_number = StringField(
        _l("Spouse's A-number"),
        [Optional(), Length(max=20), a_number_format],
        description=_l("If any."),
    )
    spouse_same_address = YesNoField(_l("Does the spouse live at the applicant's address?"))
    spouse_address = TextAreaField(_l("Spouse's address"), [Optional(), Length(max=300)])
    spouse_in_military = YesNoField(_l("Is the spouse in the U.S. armed forces now?"))
    spouse_times_married = count_field(_l("How many times has the spouse been married?"), 20)
    spouse_employer = StringField(_l("Spouse's employer or company"), [Optional(), Length(max=200)])
    vawa = YesNoField(_l("Green card through VAWA, as the abused spouse or child of a citizen?"))
    prior_marriages = count_field(_l("How many earlier marriages?"), 20)
    prior_spouses = RowList(FormField(PriorSpouseRow), label=_l("Earlier marriages"))
    children = RowList(FormField(ChildRow), label=_l("Children"))

    def validate_prior_spouses(self, field):
        listed, count = len(field.entries), self.prior_marriages.data
        if count is not None and listed > count:
            raise ValidationError(
                _(
                    "%(listed)s earlier marriages are listed, but the answer above says %(count)s.",
                    listed=listed,
                    count=count,
                )
            )


class JobRow(Form):
    employer = StringField(_l("Employer or school"), [Optional(), Length(max=200)])
    occupation = StringField(_l("Occupation or field of study"), [Optional(), Length(max=100)])
    city = StringField(_l("City or town"), [Optional(), Length(max=100)])
    state = StringField(_l("State or province"), [Optional(), Length(max=50)])
    zip_code = postal_field()
    country = country_field()
    started = DateField(_l("From"), [Optional(), not_in_future])
    ended = DateField(_l("To (blank if current)"), [Optional(), not_in_future])


class EmploymentForm(SectionForm):
    jobs = RowList(FormField(JobRow), label=_l("Work and school in the last 5 years"))
