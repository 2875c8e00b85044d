"""The facts an applicant gives (contract input), and their parsing and validation in one place.

`parse_facts` turns decoded JSON into frozen dataclasses or raises FactsError naming the field
by its JSON path ("trips[0].returned"). Nothing else in the package reads raw JSON.
"""

import json
import math
import re
from dataclasses import dataclass
from datetime import date

SEXES = frozenset({"male", "female", "another"})
CONDITIONS_PETITIONS = frozenset({"pending", "approved", "late_or_not_filed"})
MARITAL_STATUSES = frozenset({"single", "married", "separated", "divorced", "widowed"})
CONVICTION_KINDS = frozenset(
    {
        "murder",
        "aggravated_felony",
        "moral_turpitude",
        "controlled_substance",
        "marijuana_possession_30g",
        "other",
    }
)
REMOVAL_PROCEEDINGS = frozenset({"never", "past", "pending"})
TAX_STATUSES = frozenset(
    {"filed", "owed_with_plan", "owed_no_plan", "not_filed", "filed_as_nonresident"}
)
CHILD_SUPPORT = frozenset({"not_applicable", "paid", "arrears"})
OTHER_CONCERNS = frozenset(
    {
        "habitual_drunkard",
        "gambling",
        "polygamy",
        "smuggling",
        "prostitution",
        "false_testimony",
        "benefit_fraud",
        "totalitarian_party",
        "terrorist_org",
        "unwilling_oath",
        "persecution",
        "desertion",
        "alienage_discharge",
    }
)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_TWO_LETTERS = re.compile(r"[A-Z]{2}\Z")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
# Dates outside these years are typing mistakes, and would overflow the date arithmetic.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2999


class FactsError(ValueError):
    """Invalid facts: `field` is the JSON path of the offending value."""

    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class Person:
    date_of_birth: date
    sex: str = "another"
    nationalities: tuple = ()
    name_changed: bool = False


@dataclass(frozen=True, slots=True)
class Residence:
    lpr_since: date
    conditional: bool = False
    conditions_petition: str | None = None
    state: str | None = None
    state_since: date | None = None
    student_dependent: bool = False


@dataclass(frozen=True, slots=True)
class Trip:
    departed: date
    returned: date

    @property
    def days(self):
        """The trip's length for the continuous-residence rules: return minus departure."""
        return (self.returned - self.departed).days


@dataclass(frozen=True, slots=True)
class Marriage:
    status: str = "single"
    spouse_citizen: bool = False
    spouse_citizen_since: date | None = None
    married_on: date | None = None
    living_together_since: date | None = None
    vawa: bool = False
    spouse_employed_abroad: bool = False


@dataclass(frozen=True, slots=True)
class Military:
    served: bool = False
    honorable: bool = True
    serving_now: bool = False
    separated_on: date | None = None
    service_days: int = 0
    served_since_2001_09_11: bool = False


@dataclass(frozen=True, slots=True)
class SelectiveService:
    registered: bool = False
    in_us_18_to_26: bool | None = None


@dataclass(frozen=True, slots=True)
class Conviction:
    date: date
    kind: str
    sentence_days: int = 0


@dataclass(frozen=True, slots=True)
class Record:
    arrests_or_charges: int = 0
    traffic_tickets: int = 0
    dui_convictions: tuple = ()
    convictions: tuple = ()
    jail_days: int = 0
    false_claim_to_citizenship: bool = False
    registered_or_voted: bool = False
    removal_proceedings: str = "never"
    lpr_lawfulness_concern: bool = False
    taxes: str = "filed"
    child_support: str = "not_applicable"
    other_concerns: tuple = ()


@dataclass(frozen=True, slots=True)
class Parents:
    citizen_parent_before_18: bool = False
    born_abroad_to_citizen: bool = False


@dataclass(frozen=True, slots=True)
class Household:
    size: int
    income: float
    means_tested_benefit: bool = False
    hardship: bool = False


@dataclass(frozen=True, slots=True)
class Facts:
    as_of: date
    person: Person
    residence: Residence
    trips: tuple = ()
    n470_approved: bool = False
    marriage: Marriage = Marriage()
    military: Military = Military()
    selective_service: SelectiveService = SelectiveService()
    record: Record = Record()
    parents: Parents = Parents()
    disability_exception: bool = False
    household: Household | None = None


# ---- parsing -------------------------------------------------------------------------------
# Each field reader takes (value, path) and returns the parsed value or raises FactsError.


def _date(value, path):
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise FactsError(path, "must be a date written YYYY-MM-DD")
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise FactsError(path, f"{value} is not a real date") from None
    if not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
        raise FactsError(path, f"must be between {EARLIEST_YEAR} and {LATEST_YEAR}")
    return parsed


def _optional_date(value, path):
    return None if value is None else _date(value, path)


def _bool(value, path):
    if not isinstance(value, bool):
        raise FactsError(path, "must be true or false")
    return value


def _optional_bool(value, path):
    return None if value is None else _bool(value, path)


def _count(value, path):
    if isinstance(value, bool) or not isinstance(value, int):
        raise FactsError(path, "must be a whole number")
    if value < 0:
        raise FactsError(path, "must be 0 or more")
    return value


def _amount(value, path):
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise FactsError(path, "must be a number")
    if value < 0:
        raise FactsError(path, "must be 0 or more")
    return value


def _choice(choices, nullable=False):
    def read(value, path):
        if value is None and nullable:
            return None
        if not isinstance(value, str) or value not in choices:
            raise FactsError(path, "must be one of " + ", ".join(sorted(choices)))
        return value

    return read


def _code(value, path):
    if not isinstance(value, str) or not _TWO_LETTERS.match(value):
        raise FactsError(path, "must be a two-letter code in capitals")
    return value


def _optional_code(value, path):
    return None if value is None else _code(value, path)


def _list_of(read_item):
    def read(value, path):
        if not isinstance(value, list):
            raise FactsError(path, "must be a list")
        return tuple(read_item(item, f"{path}[{index}]") for index, item in enumerate(value))

    return read


def _object(cls, fields, required=()):
    """A reader for a JSON object with known keys, building `cls` (defaults for the rest)."""

    def read(value, path):
        if not isinstance(value, dict):
            raise FactsError(path or "$", "must be a JSON object")
        for key in value:
            if key not in fields:
                shown = key if _NAME.match(key) else json.dumps(key)  # quote odd characters
                raise FactsError(_join(path, shown), "is not a known field")
        for key in required:
            if key not in value:
                raise FactsError(_join(path, key), "is required")
        return cls(**{key: fields[key](item, _join(path, key)) for key, item in value.items()})

    return read


def _join(path, key):
    return f"{path}.{key}" if path else key


_read_trip = _object(
    Trip, {"departed": _date, "returned": _date}, required=("departed", "returned")
)
_read_conviction = _object(
    Conviction,
    {"date": _date, "kind": _choice(CONVICTION_KINDS), "sentence_days": _count},
    required=("date", "kind"),
)
_read_household = _object(
    Household,
    {"size": _count, "income": _amount, "means_tested_benefit": _bool, "hardship": _bool},
    required=("size", "income"),
)

_READ_FACTS = _object(
    Facts,
    {
        "as_of": _date,
        "person": _object(
            Person,
            {
                "date_of_birth": _date,
                "sex": _choice(SEXES),
                "nationalities": _list_of(_code),
                "name_changed": _bool,
            },
            required=("date_of_birth",),
        ),
        "residence": _object(
            Residence,
            {
                "lpr_since": _date,
                "conditional": _bool,
                "conditions_petition": _choice(CONDITIONS_PETITIONS, nullable=True),
                "state": _optional_code,
                "state_since": _optional_date,
                "student_dependent": _bool,
            },
            required=("lpr_since",),
        ),
        "trips": _list_of(_read_trip),
        "n470_approved": _bool,
        "marriage": _object(
            Marriage,
            {
                "status": _choice(MARITAL_STATUSES),
                "spouse_citizen": _bool,
                "spouse_citizen_since": _optional_date,
                "married_on": _optional_date,
                "living_together_since": _optional_date,
                "vawa": _bool,
                "spouse_employed_abroad": _bool,
            },
        ),
        "military": _object(
            Military,
            {
                "served": _bool,
                "honorable": _bool,
                "serving_now": _bool,
                "separated_on": _optional_date,
                "service_days": _count,
                "served_since_2001_09_11": _bool,
            },
        ),
        "selective_service": _object(
            SelectiveService, {"registered": _bool, "in_us_18_to_26": _optional_bool}
        ),
        "record": _object(
            Record,
            {
                "arrests_or_charges": _count,
                "traffic_tickets": _count,
                "dui_convictions": _list_of(_date),
                "convictions": _list_of(_read_conviction),
                "jail_days": _count,
                "false_claim_to_citizenship": _bool,
                "registered_or_voted": _bool,
                "removal_proceedings": _choice(REMOVAL_PROCEEDINGS),
                "lpr_lawfulness_concern": _bool,
                "taxes": _choice(TAX_STATUSES),
                "child_support": _choice(CHILD_SUPPORT),
                "other_concerns": _list_of(_choice(OTHER_CONCERNS)),
            },
        ),
        "parents": _object(
            Parents, {"citizen_parent_before_18": _bool, "born_abroad_to_citizen": _bool}
        ),
        "disability_exception": _bool,
        "household": lambda value, path: None if value is None else _read_household(value, path),
    },
    required=("as_of", "person", "residence"),
)


def parse_facts(data):
    """Decoded JSON -> Facts, or FactsError naming the first invalid field."""
    facts = _READ_FACTS(data, "")
    _check_consistency(facts)
    return facts


def _check_consistency(facts):
    """The contract's checks beyond types: trip order, overlaps, no future dates, marriage."""
    as_of = facts.as_of
    for path, value in _dated_fields(facts):
        if value is not None and value > as_of:
            raise FactsError(path, "is after as_of")
    previous = None
    for index, trip in sorted(enumerate(facts.trips), key=lambda pair: pair[1].departed):
        if trip.returned < trip.departed:
            raise FactsError(f"trips[{index}].returned", "is before the departure")
        if previous is not None and trip.departed < previous[1].returned:
            raise FactsError(f"trips[{index}]", f"overlaps trips[{previous[0]}]")
        previous = (index, trip)
    marriage = facts.marriage
    if marriage.status == "married" and marriage.spouse_citizen:
        for key in ("spouse_citizen_since", "married_on"):
            if getattr(marriage, key) is None:
                raise FactsError(f"marriage.{key}", "is required for a spouse who is a citizen")
    household = facts.household
    if household is not None and household.size < 1:
        raise FactsError("household.size", "must be 1 or more")


def _dated_fields(facts):
    yield "person.date_of_birth", facts.person.date_of_birth
    yield "residence.lpr_since", facts.residence.lpr_since
    yield "residence.state_since", facts.residence.state_since
    for index, trip in enumerate(facts.trips):
        yield f"trips[{index}].departed", trip.departed
        yield f"trips[{index}].returned", trip.returned
    for key in ("spouse_citizen_since", "married_on", "living_together_since"):
        yield f"marriage.{key}", getattr(facts.marriage, key)
    yield "military.separated_on", facts.military.separated_on
    for index, day in enumerate(facts.record.dui_convictions):
        yield f"record.dui_convictions[{index}]", day
    for index, conviction in enumerate(facts.record.convictions):
        yield f"record.convictions[{index}].date", conviction.date
