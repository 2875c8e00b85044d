"""Form fields for the interview: dates as people type them, yes/no answers, places; and the
one validation of each kind of answer (birth dates, phones, A-numbers, counts) every form uses."""

import datetime
import json
import re
from functools import cache
from importlib import resources

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import Field, FieldList, IntegerField, RadioField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.utils import unset_value
from wtforms.validators import ValidationError
from wtforms.widgets import TextInput

from clinic.cases.names import normalize_a_number
from clinic.clock import today

MAX_ROWS = 100  # rows per list (trips, addresses…): more is a forged post or a runaway click
_INDEX_DIGITS = 18  # a row index or row number longer than this cannot be one

# C0 control characters but tab, line feed and carriage return, and DEL: nobody types them,
# and PostgreSQL cannot store NUL in text at all.

_US_DATE = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*\Z")
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*\Z")
EARLIEST_BIRTH = datetime.date(1900, 1, 1)
# Digits with the separators people write a phone with: spaces, dots, dashes, brackets; a
# leading + for an international number. 7 digits (a local number) to 15 (E.164's longest).
_PHONE = re.compile(r"\+?[0-9 ().-]+\Z")
PHONE_DIGITS = (7, 15)


def a_number_message():
    """Why typed text is no A-number, said now (in the page's language)."""
    return _("An A-number has 8 or 9 digits, like A123-456-789.")


US_STATES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "PR": "Puerto Rico",
    "GU": "Guam",
    "VI": "U.S. Virgin Islands",
    "MP": "Northern Mariana Islands",
    "AS": "American Samoa",
}


@cache
def countries():
    text = resources.files("clinic.intake").joinpath("data/countries.json").read_text()
    return json.loads(text)["countries"]


def _date_parts(text):
    """(year, month, day) as typed, MM/DD/YYYY or YYYY-MM-DD; None if it is neither form."""
    for pattern, order in ((_US_DATE, (2, 0, 1)), (_ISO_DATE, (0, 1, 2))):
        match = pattern.match(text)
        if match:
            parts = match.groups()
            return tuple(int(parts[i]) for i in order)
    return None


def parse_date(text):
    """MM/DD/YYYY (as printed on U.S. documents) or YYYY-MM-DD; None if it is neither, or if
    that day does not exist."""
    parts = _date_parts(text)
    try:
        return datetime.date(*parts) if parts else None
    except ValueError:
        return None


def date_problem(text):
    """Why typed text is no date: the wrong form (13/45/2020 is no MM/DD/YYYY), or the right
    form naming a day that doesn't exist (02/30/2020); None when it is a date."""
    parts = _date_parts(text)
    if parts is None or not (1 <= parts[1] <= 12 and 1 <= parts[2] <= 31):
        return _("Write the date as MM/DD/YYYY (or YYYY-MM-DD), for example 04/02/1985.")
    return None if parse_date(text) else _("This date doesn't exist.")


class DateField(Field):
    """A date typed as MM/DD/YYYY or YYYY-MM-DD. What was typed is kept when it is wrong."""

    widget = TextInput()

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("render_kw", {}).setdefault("placeholder", _l("MM/DD/YYYY"))
        kwargs["render_kw"].setdefault("inputmode", "numeric")
        super().__init__(label, validators, **kwargs)
        self.raw = ""

    def process_data(self, value):
        if isinstance(value, str):
            value = datetime.date.fromisoformat(value) if value else None
        self.data = value

    def process_formdata(self, valuelist):
        self.raw = valuelist[0].strip() if valuelist else ""
        if not self.raw:
            self.data = None
            return
        self.data = parse_date(self.raw)
        if self.data is None:
            raise ValueError(date_problem(self.raw))
        if not 1900 <= self.data.year <= 2999:
            self.data = None
            raise ValueError(_("That year looks mistyped."))

    def _value(self):
        if self.raw:
            return self.raw
        return self.data.strftime("%m/%d/%Y") if self.data else ""


YES_NO = {True: True, "yes": True, False: False, "no": False}


def _yes_no(value):
    """True or False from a posted "yes"/"no" or a stored answer; None for anything else."""
    return YES_NO.get(value) if isinstance(value, (bool, str)) else None


class YesNoField(RadioField):
    """A question answered yes or no; unanswered stays None (so it shows as missing)."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(
            label,
            validators,
            coerce=_yes_no,
            choices=[SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))],
            **kwargs,
        )

    def pre_validate(self, form):
        """Unanswered is allowed (the section shows it as missing); anything else is not."""
        # WTForms turns only ValidationError into an error beside the field (ValueError: 500).
        if self.raw_data and self.raw_data[0] not in ("yes", "no", ""):
            raise ValidationError(_("Answer yes or no."))


class AnswerField(RadioField):
    """A question answered by one of a few choices, as radio buttons; unanswered stays None
    (so it shows as missing), anything but a choice is refused beside the question."""

    def __init__(self, label=None, validators=None, choices=(), **kwargs):
        super().__init__(
            label,
            validators,
            coerce=lambda value: value or None,
            choices=[SelectChoice(value, text) for value, text in choices],
            **kwargs,
        )
        self.type = "RadioField"  # rendered like every other radio question

    def pre_validate(self, form):
        values = {choice.value for choice in self.choices}
        if self.raw_data and self.raw_data[0] not in values | {""}:
            raise ValidationError(_("Choose one of the answers."))


# What a person may answer instead of a figure they won't or can't give (the screening then
# treats it as unknown, e.g. the fee: FEE_INFO_MISSING).
NOT_GIVEN = [
    ("declined", _l("The applicant declines to say")),
    ("unknown", _l("The applicant doesn't know")),
]


class WholeNumberField(IntegerField):
    """A count or an amount in whole numbers: "abc" or "2.5" is refused in plain words."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(_("Enter a whole number, in digits.")) from None


def count_between(low, high):
    """A whole number from `low` to `high`, each end said in its own words (a capacity of 0
    is told "Enter at least 1", not "This field is required")."""

    def check(form, field):
        if field.data is None:
            return
        if field.data < low:
            raise ValidationError(_("Enter at least %(low)s.", low=f"{low:,}"))
        if field.data > high:
            raise ValidationError(_("Enter at most %(high)s.", high=f"{high:,}"))

    return check


def not_in_future(form, field):
    if field.data and field.data > today():
        raise ValidationError(_("This date is in the future."))


def birth_date(form, field):
    """Every date of birth: a past day, after 1900 (nobody at a clinic was born today)."""
    if field.data is None:
        return
    if field.data >= today():
        raise ValidationError(_("A date of birth is in the past: check the year."))
    if field.data < EARLIEST_BIRTH:
        raise ValidationError(_("A date of birth is after 1900: check the year."))


def phone_number(form, field):
    """Every phone: digits with the usual separators, 7 to 15 digits, an optional leading +."""
    text = (field.data or "").strip()
    if not text:
        return
    digits = sum(character in "0123456789" for character in text)
    if not _PHONE.match(text) or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
        raise ValidationError(
            _(
                "Write the phone in digits (7 to 15), for example (978) 555-0142 or "
                "+44 20 7946 0958."
            )
        )


def a_number_format(form, field):
    """Every A-number: 8 or 9 digits; a leading A, dashes and spaces are fine."""
    if (field.data or "").strip() and normalize_a_number(field.data) is None:
        raise ValidationError(a_number_message())


def _row_number(text):
    """A row number as posted ("0", "1"…) in ASCII digits, else None.

    str.isdigit() also accepts "²" or "٣", which int() then refuses or misreads.
    """
    if text.isascii() and text.isdigit() and len(text) <= _INDEX_DIGITS:
        return int(text)
    return None


def row_index(text, count):
    """The posted row number when it names one of `count` rows, else None."""
    index = _row_number(text)
    return index if index is not None and index < count else None


def too_many_rows(maximum):
    return _("At most %(maximum)s rows can be listed here.", maximum=maximum)


class RowList(FieldList):
    """The rows of a section, at most MAX_ROWS; row numbers in field names are parsed strictly.

    FieldList reads `trips-²-left` as row int("²") and raises; here such a name is ignored.
    """

    def __init__(self, unbound_field, label=None, validators=None, **kwargs):
        kwargs.setdefault("max_entries", MAX_ROWS)
        super().__init__(unbound_field, label, validators, **kwargs)
        self.type = "FieldList"  # templates render every row list the same way
        self.posted_rows = 0

    def process(self, formdata, data=unset_value, extra_filters=None):
        self.posted_rows = len(set(self._extract_indices(self.name, formdata or {})))
        if not formdata and isinstance(data, list | tuple):
            # Rows stored before the cap existed are shown in full rather than refused.
            self.max_entries = max(self.max_entries, len(data))
        super().process(formdata, data, extra_filters)

    def _extract_indices(self, prefix, formdata):
        start = prefix + self._separator
        for key in formdata:
            if key.startswith(start):
                number = _row_number(key[len(start) :].split(self._field_separator, 1)[0])
                if number is not None:
                    yield number

    def validate(self, form, extra_validators=()):
        valid = super().validate(form, extra_validators)
        if self.posted_rows > self.max_entries:
            self.errors.append(too_many_rows(self.max_entries))
            return False
        return valid


CHOOSE = _l("Choose…")


def choices_field(label, options, blank=CHOOSE, **kwargs):
    """A select of (value, label) options that stores the value, or None when blank
    (blank=None: no blank option). `options` may be a function giving them (read late)."""
    first = [SelectChoice("", blank)] if blank is not None else []

    def choices():
        listed = options() if callable(options) else options
        return first + [SelectChoice(v, text) for v, text in listed]

    return SelectField(
        label,
        choices=choices if callable(options) else choices(),
        coerce=lambda value: value or None,
        validate_choice=True,
        **kwargs,
    )


_POSTAL = re.compile(r"[A-Za-z0-9][A-Za-z0-9 -]{1,9}\Z")


def postal_code(form, field):
    """A ZIP (01840, 01840-1234) or a foreign postal code: letters, digits, spaces, dashes."""
    text = (field.data or "").strip()
    if text and not _POSTAL.match(text):
        raise ValidationError(_("Write the ZIP or postal code in letters and digits, like 01840."))


def dates_list(form, field):
    """Dates typed one after the other, separated by commas: each one must be a date."""
    for text in (part.strip() for part in (field.data or "").split(",")):
        if text and parse_date(text) is None:
            raise ValidationError(
                _("%(typed)s: %(problem)s", typed=text, problem=date_problem(text))
            )
