"""Form fields for the interview: dates as people type them, yes/no answers, places."""

import datetime
import json
import re
from functools import cache
from importlib import resources

from wtforms import Field, RadioField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import TextInput

_US_DATE = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*\Z")
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*\Z")

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


def parse_date(text):
    """MM/DD/YYYY (as printed on U.S. documents) or YYYY-MM-DD; None if it is neither."""
    for pattern, order in ((_US_DATE, (2, 0, 1)), (_ISO_DATE, (0, 1, 2))):
        match = pattern.match(text)
        if match:
            parts = match.groups()
            try:
                return datetime.date(*(int(parts[i]) for i in order))
            except ValueError:
                return None
    return None


class DateField(Field):
    """A date typed as MM/DD/YYYY or YYYY-MM-DD. What was typed is kept when it is wrong."""

    widget = TextInput()

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("render_kw", {}).setdefault("placeholder", "MM/DD/YYYY")
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
            raise ValueError("Write the date as MM/DD/YYYY, for example 04/02/1985.")
        if not 1900 <= self.data.year <= 2999:
            self.data = None
            raise ValueError("That year looks mistyped.")

    def _value(self):
        if self.raw:
            return self.raw
        return self.data.strftime("%m/%d/%Y") if self.data else ""


def _yes_no(value):
    return {True: True, "yes": True, False: False, "no": False}.get(value)


class YesNoField(RadioField):
    """A question answered yes or no; unanswered stays None (so it shows as missing)."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(
            label,
            validators,
            coerce=_yes_no,
            choices=[SelectChoice("yes", "Yes"), SelectChoice("no", "No")],
            **kwargs,
        )

    def pre_validate(self, form):
        """Unanswered is allowed (the section shows it as missing); anything else is not."""
        if self.raw_data and self.raw_data[0] not in ("yes", "no", ""):
            raise ValueError("Answer yes or no.")


def choices_field(label, options, blank="Choose…", **kwargs):
    """A select of (value, label) options that stores the value, or None when blank
    (blank=None: no blank option)."""
    first = [SelectChoice("", blank)] if blank is not None else []
    return SelectField(
        label,
        choices=first + [SelectChoice(v, text) for v, text in options],
        coerce=lambda value: value or None,
        validate_choice=True,
        **kwargs,
    )
