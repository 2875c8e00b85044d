"""The sections on service, the record, taxes, parents, disability and the household."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import (
    Form,
    FormField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, NumberRange, Optional, ValidationError

from clinic.intake.basics import MAX_INCOME, SectionForm, count_field, past_date_field
from clinic.intake.fields import (
    NOT_GIVEN,
    AnswerField,
    DateField,
    RowList,
    WholeNumberField,
    YesNoField,
    choices_field,
    not_in_future,
)


class MilitaryForm(SectionForm):
    served = YesNoField(_l("Ever served in the U.S. armed forces?"))
    honorable = YesNoField(_l("Was the service honorable?"))
    serving_now = YesNoField(_l("Serving now?"))
    separated_on = past_date_field(_l("Date of leaving the service"))
    service_days = count_field(_l("Days of service in total"), 30_000)
    served_since_2001_09_11 = YesNoField(_l("Any service since 11 September 2001?"))
    ss_registered = YesNoField(_l("(Men) Registered with the Selective Service?"))
    ss_in_us_18_to_26 = YesNoField(
        _l("(Men) Lived in the U.S. at any time between 18 and 26, other than on a visa?")
    )
    ss_registered_on = past_date_field(_l("(Men) Date registered with the Selective Service"))
    ss_number = StringField(
        _l("(Men) Selective Service number"),
        [Optional(), Length(max=20)],
        description=_l("If known."),
    )
    court_martialed = YesNoField(
        _l(
            "Ever court-martialed, or discharged as other than honorable, bad conduct or "
            "dishonorable?"
        )
    )
    deploying_soon = YesNoField(_l("Scheduled to deploy outside the U.S. in the next 3 months?"))
    stationed_abroad = YesNoField(_l("Stationed outside the U.S. now?"))
    former_abroad = YesNoField(_l("(A former member) Living outside the U.S. now?"))
    discharged_as_alien = YesNoField(
        _l("Ever discharged from U.S. military training or service for being a foreign national?")
    )
    deserted = YesNoField(_l("Ever deserted from the U.S. armed forces?"))
    avoided_draft = YesNoField(_l("Ever left the U.S. to avoid being drafted into its military?"))
    applied_exemption = YesNoField(
        _l("Ever applied for any kind of exemption from U.S. military service?")
    )


CONVICTION_KINDS = [
    ("other", _l("Other offense (attorney to classify)")),
    ("moral_turpitude", _l("Crime of moral turpitude (theft, fraud, assault with intent…)")),
    ("controlled_substance", _l("Drug offense")),
    ("marijuana_possession_30g", _l("Possession of 30 g of marijuana or less")),
    ("aggravated_felony", _l("Aggravated felony")),
    ("murder", _l("Murder")),
]
OTHER_CONCERNS = [
    ("habitual_drunkard", _l("Habitual drunkenness")),
    ("gambling", _l("Illegal gambling")),
    ("polygamy", _l("More than one spouse at a time")),
    ("smuggling", _l("Helped someone enter illegally")),
    ("prostitution", _l("Prostitution")),
    ("false_testimony", _l("Lied to get an immigration benefit")),
    ("benefit_fraud", _l("Public-benefit fraud")),
    ("totalitarian_party", _l("Communist or totalitarian party member")),
    ("terrorist_org", _l("Terrorist organization")),
    ("unwilling_oath", _l("Unwilling to take the oath")),
    ("persecution", _l("Took part in persecution, genocide or torture")),
    ("desertion", _l("Deserted the U.S. armed forces")),
    ("alienage_discharge", _l("Exempted from U.S. military service as a foreigner")),
]
# Still asked in the list above: the N-400 asks every other one on its own (Part 9).
ASKED_HERE = frozenset({"habitual_drunkard"})


class ConvictionRow(Form):
    date = DateField(_l("Date of conviction"), [Optional(), not_in_future])
    kind = choices_field(_l("Kind"), CONVICTION_KINDS)
    sentence_days = count_field(_l("Sentence (days)"), 40_000)
    details = StringField(_l("What happened, and the outcome"), [Optional(), Length(max=300)])


class DuiRow(Form):
    date = DateField(_l("Date of DUI/OUI conviction"), [Optional(), not_in_future])


class CharacterForm(SectionForm):
    arrests_or_charges = count_field(
        _l("Arrests, citations or charges (not minor traffic tickets), anywhere, ever"), 99
    )
    arrests_details = TextAreaField(
        _l("For each one: when, where, what for, and what happened"),
        [Optional(), Length(max=1000)],
    )
    traffic_tickets = count_field(_l("Traffic tickets in the last 5 years"), 99)
    convictions = RowList(FormField(ConvictionRow), label=_l("Convictions"))
    dui_convictions = RowList(FormField(DuiRow), label=_l("DUI / OUI convictions"))
    jail_days = count_field(_l("Days in jail after a conviction, in the last 5 years"), 5_000)
    probation_completed = choices_field(
        _l("A suspended sentence, probation or parole: completed?"),
        [("yes", _l("Yes, completed")), ("no", _l("No, not yet"))],
        blank=_l("Does not apply"),
    )
    false_claim_to_citizenship = YesNoField(
        _l("Ever claimed to be a U.S. citizen (on a job form, to vote, for a benefit)?")
    )
    false_claim_details = StringField(
        _l("When, and on what form or occasion"), [Optional(), Length(max=300)]
    )
    registered_or_voted = YesNoField(_l("Ever registered to vote or voted in any U.S. election?"))
    voting_details = StringField(
        _l("When, where, and which election or registration"), [Optional(), Length(max=300)]
    )
    removal_proceedings = choices_field(
        _l("Removal or deportation proceedings"),
        [("never", _l("Never")), ("past", _l("In the past")), ("pending", _l("Pending now"))],
    )
    removal_details = StringField(_l("Court, dates and outcome"), [Optional(), Length(max=300)])
    lpr_lawfulness_concern = YesNoField(
        _l(
            "Any problem with how the green card was obtained (false information, a marriage that "
            "ended quickly, a pending case at the time)?"
        )
    )
    lpr_details = StringField(_l("What happened"), [Optional(), Length(max=300)])
    child_support = choices_field(
        _l("Child support"),
        [
            ("not_applicable", _l("Does not apply")),
            ("paid", _l("Pays it in full")),
            ("arrears", _l("Behind on payments")),
        ],
    )
    other_concerns = SelectMultipleField(
        _l("Any of these ever true?"),
        choices=[SelectChoice(v, t) for v, t in OTHER_CONCERNS],
        validators=[Optional()],
        description=_l("Choose all that apply; leave empty if none."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The N-400's own questions (Part 9) now ask the rest one by one; a concern stored
        # from the older list stays shown, so saving the page again keeps it.
        chosen = set(self.other_concerns.data or ())
        self.other_concerns.choices = [
            SelectChoice(v, t) for v, t in OTHER_CONCERNS if v in ASKED_HERE or v in chosen
        ]


class TaxesForm(SectionForm):
    taxes = choices_field(
        _l("Federal income taxes"),
        [
            ("filed", _l("Filed every year, nothing owed")),
            ("owed_with_plan", _l("Owes taxes, with a payment plan")),
            ("owed_no_plan", _l("Owes taxes, no payment plan")),
            ("not_filed", _l("Did not file some years")),
            ("filed_as_nonresident", _l("Filed as a nonresident")),
        ],
    )


class ParentsForm(SectionForm):
    citizen_parent_before_18 = YesNoField(
        _l(
            "Was either parent a U.S. citizen, or did one become one, before the applicant turned "
            "18?"
        )
    )
    born_abroad_to_citizen = YesNoField(
        _l("Was a parent a U.S. citizen when the applicant was born abroad?")
    )


class DisabilityForm(SectionForm):
    disability_exception = YesNoField(
        _l(
            "Will the applicant ask to be excused from the English and civics tests because of a "
            "disability (Form N-648)?"
        )
    )


class HouseholdForm(SectionForm):
    size = WholeNumberField(
        _l("People in the household"), [Optional(), NumberRange(1, 30, _l("Enter 1 to 30 people."))]
    )
    income = WholeNumberField(
        _l("Household income last year (dollars)"),
        [
            Optional(),
            NumberRange(
                0,
                MAX_INCOME,
                _l("Enter the yearly income in whole dollars; that figure looks mistyped."),
            ),
        ],
    )
    # N-400 Part 10 (the reduced fee) is optional: a person may keep their income to
    # themselves, and then pays the full fee (the screening says FEE_INFO_MISSING).
    size_or_income_not_given = AnswerField(
        _l("If the size or the income is not given"),
        choices=NOT_GIVEN,
        description=_l(
            "The fee can't be worked out without them; the checklist then asks for proof of income."
        ),
    )
    means_tested_benefit = YesNoField(
        _l("Anyone in the household receives Medicaid, SNAP, TANF or SSI?")
    )
    hardship = YesNoField(_l("A financial hardship (medical bills, job loss, eviction)?"))
    earners = WholeNumberField(
        _l("How many people in the household earn an income?"),
        [Optional(), NumberRange(0, 30, _l("Enter 0 to 30 people."))],
    )
    head_of_household = YesNoField(_l("Is the applicant the head of the household?"))
    head_of_household_name = StringField(
        _l("Name of the head of the household"), [Optional(), Length(max=200)]
    )

    def validate_size_or_income_not_given(self, field):
        if field.data and self.size.data is not None and self.income.data is not None:
            raise ValidationError(
                _(
                    "Both the size and the income are given: clear this answer, or clear the "
                    "figure that was not given."
                )
            )
