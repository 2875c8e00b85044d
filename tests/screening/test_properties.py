"""Properties that must hold for any applicant (Hypothesis)."""

import io
import json
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clinic.screening import parse_facts, result_to_dict, screen
from clinic.screening.__main__ import main
from clinic.screening.codes import SEVERITY
from clinic.screening.documents import LABELS
from clinic.screening.result import SEVERITY_ORDER

FINDING_CODES = {
    "N600_POSSIBLE",
    "UNDER_18",
    "RESIDENCE_TIME",
    "MARRIAGE_TIME",
    "STATE_RESIDENCE",
    "PHYSICAL_PRESENCE",
    "PHYSICAL_PRESENCE_MARGIN",
    "TRIP_BORDERLINE",
    "TRIP_OVER_180",
    "TRIP_OVER_365",
    "TRIP_PATTERN",
    "CONDITIONS_PENDING",
    "CONDITIONS_NOT_REMOVED",
    "SELECTIVE_SERVICE_REGISTER",
    "SELECTIVE_SERVICE_LETTER",
    "PERMANENT_BAR",
    "REMOVAL_PENDING",
    "CONDITIONAL_BAR",
    "CRIMINAL_HISTORY",
    "DUI",
    "MULTIPLE_DUI",
    "TRAFFIC_PATTERN",
    "TAXES_UNFILED",
    "TAXES_OWED",
    "TAX_PAYMENT_PLAN",
    "NONRESIDENT_TAX",
    "CHILD_SUPPORT_ARREARS",
    "FALSE_CLAIM_CITIZENSHIP",
    "UNLAWFUL_VOTING",
    "REMOVAL_HISTORY",
    "LPR_LAWFULNESS",
    "GMC_CONCERN",
    "COUNTRY_HOLD",
    "DISABILITY_EXCEPTION",
    "MILITARY_PATH",
    "ENGLISH_EXEMPT",
    "FEE_INFO_MISSING",
}
AS_OF = date(2026, 11, 30)


def iso(day):
    return day.isoformat()


@st.composite
def trip_lists(draw, lpr, as_of, max_trips=12):
    """Non-overlapping trips between the green card and as_of, of realistic lengths."""
    trips, cursor = [], lpr
    for _ in range(draw(st.integers(0, max_trips))):
        gap = draw(st.integers(0, 400))
        length = draw(st.one_of(st.integers(0, 40), st.integers(140, 200), st.integers(355, 420)))
        departed = cursor + timedelta(days=gap)
        returned = departed + timedelta(days=length)
        if returned > as_of:
            break
        trips.append({"departed": iso(departed), "returned": iso(returned)})
        cursor = returned
    return trips


@st.composite
def facts(draw, as_of=AS_OF):
    born = as_of - timedelta(days=draw(st.integers(15 * 365, 80 * 365)))
    lpr = as_of - timedelta(days=draw(st.integers(0, 20 * 365)))
    data = {
        "as_of": iso(as_of),
        "person": {
            "date_of_birth": iso(born),
            "sex": draw(st.sampled_from(["male", "female"])),
            "nationalities": draw(
                st.lists(st.sampled_from(["BR", "VE", "CV", "HT", "VN"]), max_size=2)
            ),
        },
        "residence": {
            "lpr_since": iso(lpr),
            "state_since": iso(lpr + timedelta(days=draw(st.integers(0, 400))))
            if draw(st.booleans())
            else None,
            "state": draw(st.sampled_from(["MA", "NH", "AK", "HI", None])),
        },
        "trips": draw(trip_lists(lpr, as_of)),
        "n470_approved": draw(st.booleans()),
        "record": {
            "arrests_or_charges": draw(st.integers(0, 2)),
            "dui_convictions": [
                iso(as_of - timedelta(days=d))
                for d in draw(st.lists(st.integers(0, 3000), max_size=3))
            ],
            "taxes": draw(st.sampled_from(["filed", "owed_with_plan", "not_filed"])),
            "jail_days": draw(st.sampled_from([0, 0, 200])),
        },
        "household": draw(
            st.one_of(
                st.none(),
                st.fixed_dictionaries(
                    {"size": st.integers(1, 9), "income": st.integers(0, 250_000)}
                ),
            )
        ),
    }
    if data["residence"]["state_since"] and data["residence"]["state_since"] > iso(as_of):
        data["residence"]["state_since"] = None
    if draw(st.booleans()):
        married = as_of - timedelta(days=draw(st.integers(0, 4000)))
        data["marriage"] = {
            "status": "married",
            "spouse_citizen": True,
            "spouse_citizen_since": iso(married - timedelta(days=draw(st.integers(-2000, 8000)))),
            "married_on": iso(married),
        }
        if data["marriage"]["spouse_citizen_since"] > iso(as_of):
            data["marriage"]["spouse_citizen_since"] = iso(as_of)
    return data


def screened(data):
    return screen(parse_facts(data))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(facts())
def test_results_use_only_the_closed_lists_in_order(data):
    result = screened(data)
    assert {f.code for f in result.findings} <= FINDING_CODES
    assert all(SEVERITY[f.code] == f.severity for f in result.findings)
    assert {d.code for d in result.documents} <= set(LABELS)
    keys = [(SEVERITY_ORDER[f.severity], f.code) for f in result.findings]
    assert keys == sorted(keys)
    assert all(f.message and f.rule.startswith("R") for f in result.findings)
    json.dumps(result_to_dict(result))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(facts())
def test_outcome_follows_the_precedence_rule(data):
    result = screened(data)
    severities = {f.severity for f in result.findings}
    if "N600_POSSIBLE" in {f.code for f in result.findings}:
        expected = "n600"
    elif "bar" in severities:
        expected = "ineligible"
    elif "refer" in severities:
        expected = "refer"
    elif result.earliest_filing_date > AS_OF:
        expected = "not_yet"
    else:
        expected = "eligible"
    assert result.outcome == expected
    assert result.filing_date == max(AS_OF, result.earliest_filing_date)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(facts(), st.data())
def test_adding_a_trip_never_makes_the_earliest_date_earlier(data, draw):
    before = screened(data).earliest_filing_date
    lpr = date.fromisoformat(data["residence"]["lpr_since"])
    last = max([date.fromisoformat(t["returned"]) for t in data["trips"]] + [lpr])
    if last >= AS_OF:
        return
    departed = last + timedelta(days=draw.draw(st.integers(0, (AS_OF - last).days)))
    returned = departed + timedelta(days=draw.draw(st.integers(0, (AS_OF - departed).days)))
    more = {
        **data,
        "trips": [*data["trips"], {"departed": iso(departed), "returned": iso(returned)}],
    }
    assert screened(more).earliest_filing_date >= before


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(facts(), st.integers(1, 3 * 365))
def test_moving_as_of_forward_never_turns_eligible_into_not_yet(data, days_later):
    if screened(data).outcome != "eligible":
        return
    later = {**data, "as_of": iso(AS_OF + timedelta(days=days_later))}
    assert screened(later).outcome != "not_yet"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)


def run_cli(text):
    stdout, stderr = io.StringIO(), io.StringIO()
    return main(["-"], stdin=io.StringIO(text), stdout=stdout, stderr=stderr), stdout, stderr


@settings(max_examples=200)
@given(json_values)
def test_the_command_line_never_crashes_on_random_json(value):
    status, stdout, stderr = run_cli(json.dumps(value))
    assert status in (0, 2)
    if status == 2:
        assert stdout.getvalue() == "" and len(stderr.getvalue().strip().splitlines()) == 1


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(
    facts(),
    st.sampled_from(["as_of", "person", "residence", "trips", "record", "household", "marriage"]),
    json_values,
)
def test_the_command_line_never_crashes_on_damaged_facts(data, key, value):
    status, _, _ = run_cli(json.dumps({**data, key: value}))
    assert status in (0, 2)
