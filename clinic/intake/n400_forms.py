"""The sections the N-400 asks beyond what the screening needs: names and Social Security
(Part 2), biographic information (Part 3), the Part 9 questions the screening does not ask
elsewhere, the eligibility box (Part 1), and who interprets and prepares (Parts 12-13)."""

import re

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from wtforms import Form, FormField, SelectMultipleField, StringField, TelField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Email, Length, NumberRange, Optional, ValidationError

from clinic.auth.models import User
from clinic.auth.roles import Role
from clinic.extensions import db
from clinic.intake.basics import SectionForm, explanation_field
from clinic.intake.fields import (
    AnswerField,
    RowList,
    WholeNumberField,
    YesNoField,
    choices_field,
    phone_number,
)

_DIGITS = re.compile(r"[\s-]")


def _digits(count, message):
    """A number of exactly `count` digits, spaces and dashes allowed between them."""

    def check(form, field):
        text = _DIGITS.sub("", field.data or "")
        if text and not (text.isascii() and text.isdigit() and len(text) == count):
            raise ValidationError(str(message))

    return check


class OtherNameRow(Form):
    family_name = StringField(_l("Family name"), [Optional(), Length(max=100)])
    given_name = StringField(_l("Given name"), [Optional(), Length(max=100)])
    middle_name = StringField(_l("Middle name"), [Optional(), Length(max=100)])


class NamesForm(SectionForm):
    other_names = RowList(
        FormField(OtherNameRow),
        label=_l("Other names used since birth (maiden names, nicknames, aliases)"),
    )
    wants_name_change = YesNoField(_l("Does the applicant want to legally change their name?"))
    new_family_name = StringField(_l("New family name"), [Optional(), Length(max=100)])
    new_given_name = StringField(_l("New given name"), [Optional(), Length(max=100)])
    new_middle_name = StringField(_l("New middle name"), [Optional(), Length(max=100)])
    uscis_account_number = StringField(
        _l("USCIS online account number"),
        [Optional(), _digits(12, _l("A USCIS online account number has 12 digits."))],
        description=_l("Blank if the applicant never had one."),
    )
    accommodation = YesNoField(
        _l("Does the applicant need an accommodation for a disability at the interview?")
    )
    accommodation_details = TextAreaField(
        _l("Which accommodation, and for which disability"), [Optional(), Length(max=500)]
    )
    ssa_card = YesNoField(_l("Should Social Security issue a card (or a new one)?"))
    ssn = StringField(
        _l("Social Security number"),
        [Optional(), _digits(9, _l("A Social Security number has 9 digits, like 123-45-6789."))],
        description=_l("If the applicant has one."),
    )
    ssa_consent = YesNoField(
        _l("Does the applicant consent to USCIS sharing this with Social Security?")
    )


RACES = [
    ("american_indian", _l("American Indian or Alaska Native")),
    ("asian", _l("Asian")),
    ("black", _l("Black or African American")),
    ("pacific_islander", _l("Native Hawaiian or Other Pacific Islander")),
    ("white", _l("White")),
]
EYE_COLORS = [
    ("black", _l("Black")),
    ("blue", _l("Blue")),
    ("brown", _l("Brown")),
    ("gray", _l("Gray")),
    ("green", _l("Green")),
    ("hazel", _l("Hazel")),
    ("maroon", _l("Maroon")),
    ("pink", _l("Pink")),
    ("unknown", _l("Unknown or other")),
]
HAIR_COLORS = [
    ("bald", _l("Bald (no hair)")),
    ("black", _l("Black")),
    ("blond", _l("Blond")),
    ("brown", _l("Brown")),
    ("gray", _l("Gray")),
    ("red", _l("Red")),
    ("sandy", _l("Sandy")),
    ("white", _l("White")),
    ("unknown", _l("Unknown or other")),
]
HEIGHT_FEET = (3, 8)  # the form's own list of feet
WEIGHT_POUNDS = (30, 999)  # the form has three boxes for the pounds


class BiographicForm(SectionForm):
    ethnicity = AnswerField(
        _l("Ethnicity"),
        choices=[
            ("hispanic", _l("Hispanic or Latino")),
            ("not_hispanic", _l("Not Hispanic or Latino")),
        ],
    )
    race = SelectMultipleField(
        _l("Race"),
        choices=[SelectChoice(v, t) for v, t in RACES],
        validators=[Optional()],
        description=_l("Choose all that apply. Hold Ctrl (or Cmd) to choose more than one."),
    )
    height_feet = WholeNumberField(
        _l("Height: feet"),
        [Optional(), NumberRange(*HEIGHT_FEET, _l("Enter the feet, from 3 to 8."))],
    )
    height_inches = WholeNumberField(
        _l("Height: inches"),
        [
            Optional(),
            NumberRange(0, 11, _l("Enter the inches, from 0 to 11 (12 inches is a foot).")),
        ],
    )
    weight_pounds = WholeNumberField(
        _l("Weight in pounds"),
        [
            Optional(),
            NumberRange(*WEIGHT_POUNDS, _l("Enter the weight in pounds, from 30 to 999.")),
        ],
    )
    eye_color = choices_field(_l("Eye color"), EYE_COLORS)
    hair_color = choices_field(_l("Hair color"), HAIR_COLORS)


def _yes_no_questions(form_class):
    return [name for name, value in vars(form_class).items() if _is_yes_no(value)]


def _is_yes_no(value):
    return getattr(value, "field_class", None) is YesNoField


class GroupsForm(SectionForm):
    """Part 9, items 5-7: parties, groups that used violence, persecution."""

    totalitarian_party = YesNoField(
        _l("Ever a member of, or associated with, any Communist or totalitarian party?")
    )
    advocated_overthrow = YesNoField(
        _l(
            "Ever advocated the overthrow of a government by force, the killing of its officers, "
            "or sabotage?"
        )
    )
    group_weapon_attacks = YesNoField(
        _l(
            "Ever a member of, or helped, a group that used a weapon or explosive to harm people "
            "or property?"
        )
    )
    group_kidnapping = YesNoField(
        _l(
            "Ever a member of, or helped, a group that took part in kidnapping, assassination, or "
            "the hijacking or sabotage of a vehicle, plane or ship?"
        )
    )
    group_threats = YesNoField(
        _l("Ever a member of, or helped, a group that threatened, planned or incited such acts?")
    )
    torture = YesNoField(_l("Ever ordered, committed or helped with torture?"))
    genocide = YesNoField(_l("Ever ordered, committed or helped with genocide?"))
    killing = YesNoField(_l("Ever killed or tried to kill any person, or helped to?"))
    injuring = YesNoField(_l("Ever intentionally and severely injured any person, or helped to?"))
    sexual_violence = YesNoField(
        _l("Ever had or forced sexual contact with a person who did not or could not agree?")
    )
    religious_persecution = YesNoField(_l("Ever stopped someone from practicing their religion?"))
    persecution = YesNoField(
        _l(
            "Ever harmed anyone for their race, religion, national origin, social group or "
            "political opinion?"
        )
    )
    explanation = explanation_field()


class WeaponsForm(SectionForm):
    """Part 9, items 8-14: armed groups, detention, weapons, children in armed groups."""

    armed_unit = YesNoField(
        _l(
            "Ever served in, or helped, a military, paramilitary, police, self-defense, vigilante, "
            "rebel or guerrilla unit?"
        )
    )
    armed_group = YesNoField(
        _l("Ever a member of, or helped, any other group that carries weapons?")
    )
    detention_work = YesNoField(
        _l(
            "Ever worked or volunteered in a prison, jail, prison camp, detention facility or "
            "labor camp, or detained people?"
        )
    )
    weapon_group = YesNoField(
        _l("Ever part of, or helped, a group that used a weapon against anyone, or threatened to?")
    )
    used_weapon = YesNoField(_l("In that group: ever used a weapon against another person?"))
    threatened_weapon = YesNoField(_l("In that group: ever threatened to use a weapon on someone?"))
    weapons_sales = YesNoField(
        _l("Ever sold, provided or transported weapons known to be used against people?")
    )
    weapons_training = YesNoField(
        _l("Ever received weapons, paramilitary or other military-type training?")
    )
    recruited_children = YesNoField(
        _l("Ever recruited or used anyone under 15 to serve in or help an armed group?")
    )
    children_in_hostilities = YesNoField(
        _l("Ever used anyone under 15 to take part in hostilities (combat, messages, supplies)?")
    )
    explanation = explanation_field()


class ConductForm(SectionForm):
    """Part 9, items 15.a and 17-21 the screening's own questions don't ask."""

    crimes_not_arrested = YesNoField(
        _l("Ever committed, tried or helped to commit a crime for which there was no arrest?")
    )
    drug_trafficking = YesNoField(
        _l(
            "Ever made, grown, sold or smuggled controlled substances, illegal drugs or drug "
            "paraphernalia?"
        )
    )
    marriage_fraud = YesNoField(_l("Ever married someone in order to get an immigration benefit?"))
    false_information = YesNoField(
        _l("Ever given U.S. government officials false, fraudulent or misleading information?")
    )
    lied_to_officials = YesNoField(
        _l(
            "Ever lied to U.S. government officials to enter the U.S. or get an immigration "
            "benefit?"
        )
    )
    prostitution = YesNoField(_l("Ever engaged in prostitution, or procured or profited from it?"))
    polygamy = YesNoField(_l("Ever married to more than one person at the same time?"))
    smuggling = YesNoField(_l("Ever helped anyone enter, or try to enter, the U.S. illegally?"))
    gambling = YesNoField(_l("Ever gambled illegally, or received income from illegal gambling?"))
    benefit_fraud = YesNoField(
        _l("Ever made a misrepresentation to obtain a public benefit in the U.S.?")
    )
    removed_or_deported = YesNoField(_l("Ever removed or deported from the U.S.?"))
    explanation = explanation_field()


class OathForm(SectionForm):
    """Part 9, items 30-37: titles of nobility, the Constitution, the oath."""

    hereditary_title = YesNoField(
        _l("Has, or ever had, a hereditary title or order of nobility in another country?")
    )
    titles = StringField(_l("Which titles or orders of nobility"), [Optional(), Length(max=200)])
    give_up_title = YesNoField(_l("Willing to give up that title at the naturalization ceremony?"))
    supports_constitution = YesNoField(
        _l("Supports the Constitution and form of government of the U.S.?")
    )
    understands_oath = YesNoField(_l("Understands the full Oath of Allegiance?"))
    oath_disability = YesNoField(
        _l(
            "Unable to take the oath because of a physical or developmental disability or mental "
            "impairment?"
        )
    )
    willing_oath = YesNoField(_l("Willing to take the full Oath of Allegiance?"))
    bear_arms = YesNoField(_l("If the law requires it, willing to bear arms for the U.S.?"))
    noncombatant_service = YesNoField(
        _l("If the law requires it, willing to do noncombatant service in the U.S. armed forces?")
    )
    civilian_work = YesNoField(
        _l(
            "If the law requires it, willing to do work of national importance under civilian "
            "direction?"
        )
    )
    explanation = explanation_field(_l("Explain every 'no' (and any title held)"))


# The N-400's Part 1 boxes, by the screening's path names (clinic/screening/paths.py).
ELIGIBILITY_BASES = [
    ("316a", _l("Resident for 5 years (general provision)")),
    ("319a", _l("Resident for 3 years, married to and living with a U.S. citizen for 3 years")),
    ("319a_vawa", _l("Resident for 3 years, battered or subjected to cruelty by a citizen spouse")),
    ("319b", _l("Spouse of a U.S. citizen working abroad for the U.S. (INA 319(b))")),
    ("329", _l("Service in the U.S. armed forces during hostilities (INA 329)")),
    ("328", _l("At least a year of honorable service in the U.S. armed forces (INA 328)")),
    ("other", _l("Other reason")),
]


class EligibilityForm(SectionForm):
    basis = AnswerField(
        _l("Basis of eligibility (N-400 Part 1)"),
        choices=ELIGIBILITY_BASES,
        description=_l("Chosen from the screening's path: confirm it with the applicant."),
    )
    basis_other = StringField(_l("The other reason"), [Optional(), Length(max=200)])
    field_office = StringField(
        _l("USCIS field office for the interview (INA 319(b) only)"), [Optional(), Length(max=100)]
    )

    def __init__(self, *args, **kwargs):
        """Shown first with the screening's path chosen, for the volunteer to confirm."""
        super().__init__(*args, **kwargs)
        run = self.case.latest_screening if self.case is not None else None
        path = run.result.get("path") if run is not None else None
        known = {value for value, _ in ELIGIBILITY_BASES}
        if not self.is_submitted() and self.basis.data is None and path in known:
            self.basis.data = path


class PreparerForm(SectionForm):
    """Parts 12 and 13: an interpreter (when one helps) and the person preparing the form."""

    interpreter_family_name = StringField(
        _l("Interpreter's family name"), [Optional(), Length(max=100)]
    )
    interpreter_given_name = StringField(
        _l("Interpreter's given name"), [Optional(), Length(max=100)]
    )
    interpreter_organization = StringField(
        _l("Interpreter's organization"), [Optional(), Length(max=200)]
    )
    interpreter_phone = TelField(
        _l("Interpreter's phone"), [Optional(), Length(max=30), phone_number]
    )
    interpreter_mobile = TelField(
        _l("Interpreter's mobile phone"), [Optional(), Length(max=30), phone_number]
    )
    interpreter_email = StringField(
        _l("Interpreter's email"), [Optional(), Email(), Length(max=254)]
    )
    preparer_id = choices_field(
        _l("Who prepared the application"),
        [],
        description=_l("A volunteer or attorney of the organization; its address is printed."),
    )
    preparer_phone = TelField(_l("Preparer's phone"), [Optional(), Length(max=30), phone_number])
    preparer_email = StringField(
        _l("Preparer's email"),
        [Optional(), Email(), Length(max=254)],
        description=_l("Blank: the preparer's login email."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        staff = preparers_of(self.case.organization_id) if self.case is not None else []
        self.preparer_id.choices = [SelectChoice("", _("Choose…"))] + [
            SelectChoice(str(user.id), f"{user.name} ({user.role.label})") for user in staff
        ]


def preparers_of(organization_id):
    """Who may be named as the preparer: the organization's active volunteers, attorneys and
    coordinators, by name."""
    return db.session.scalars(
        select(User)
        .where(
            User.organization_id == organization_id,
            User.active.is_(True),
            User.role.in_((Role.VOLUNTEER, Role.ATTORNEY, Role.COORDINATOR)),
        )
        .order_by(User.name)
    ).all()


EXPLAINED = {
    "groups": GroupsForm,
    "weapons": WeaponsForm,
    "conduct": ConductForm,
}
YES_NO_QUESTIONS = {key: _yes_no_questions(form) for key, form in EXPLAINED.items()}
# The oath's answers the law expects: anything else needs an explanation.
OATH_EXPECTED = {
    "hereditary_title": False,
    "supports_constitution": True,
    "understands_oath": True,
    "oath_disability": False,
    "willing_oath": True,
    "bear_arms": True,
    "noncombatant_service": True,
    "civilian_work": True,
}
