"""Invalid facts name their field; the command line's modes and exit statuses."""

import io
import json

import pytest

from clinic.screening import FactsError, parse_facts
from clinic.screening.__main__ import main
from tests.screening.conftest import facts_dict


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"as_of": "30/11/2026"}, "as_of"),
        ({"as_of": "2026-02-30"}, "as_of"),
        ({"as_of": "1850-01-01"}, "as_of"),
        ({"person": {"date_of_birth": None}}, "person.date_of_birth"),
        ({"person": {"sex": "m"}}, "person.sex"),
        ({"person": {"nationalities": ["bra"]}}, "person.nationalities[0]"),
        ({"person": {"name_changed": "no"}}, "person.name_changed"),
        ({"residence": {"lpr_since": "2027-01-01"}}, "residence.lpr_since"),
        ({"residence": {"conditions_petition": "maybe"}}, "residence.conditions_petition"),
        ({"trips": [{"departed": "2024-05-01"}]}, "trips[0].returned"),
        ({"trips": {"departed": "2024-05-01"}}, "trips"),
        (
            {
                "trips": [
                    {"departed": "2024-05-01", "returned": "2024-06-01"},
                    {"departed": "2024-05-20", "returned": "2024-07-01"},
                ]
            },
            "trips[1]",
        ),
        (
            {"marriage": {"status": "married", "spouse_citizen": True, "married_on": "2020-01-01"}},
            "marriage.spouse_citizen_since",
        ),
        ({"military": {"service_days": -1}}, "military.service_days"),
        ({"military": {"service_days": True}}, "military.service_days"),
        (
            {"record": {"convictions": [{"date": "2020-01-01", "kind": "felony"}]}},
            "record.convictions[0].kind",
        ),
        ({"record": {"dui_convictions": ["2030-01-01"]}}, "record.dui_convictions[0]"),
        ({"record": {"taxes": "paid"}}, "record.taxes"),
        ({"household": {"size": 0, "income": 1000}}, "household.size"),
        ({"household": {"size": 2, "income": -5}}, "household.income"),
        ({"household": {"size": 2, "income": float("nan")}}, "household.income"),
        ({"pets": 2}, "pets"),
        ({"person": {"favourite_colour": "blue"}}, "person.favourite_colour"),
    ],
)
def test_invalid_facts_name_the_field(change, field):
    with pytest.raises(FactsError) as error:
        parse_facts(facts_dict(**change))
    assert error.value.field == field


def test_household_needs_size_and_income():
    with pytest.raises(FactsError) as error:
        parse_facts({**facts_dict(), "household": {"size": 2}})
    assert error.value.field == "household.income"


def test_unknown_keys_with_odd_characters_are_quoted():
    with pytest.raises(FactsError) as error:
        parse_facts({**facts_dict(), "a\nb": 1})
    assert error.value.field == '"a\\nb"'


def test_required_sections_and_the_root_type():
    with pytest.raises(FactsError, match="as_of"):
        parse_facts(
            {"person": {"date_of_birth": "1980-01-01"}, "residence": {"lpr_since": "2015-01-01"}}
        )
    with pytest.raises(FactsError) as error:
        parse_facts([1, 2])
    assert error.value.field == "$"


def test_touching_trips_are_not_overlapping():
    parse_facts(
        facts_dict(
            trips=[
                {"departed": "2024-05-01", "returned": "2024-06-01"},
                {"departed": "2024-06-01", "returned": "2024-06-10"},
            ]
        )
    )


def cli(args, stdin_text=""):
    stdout, stderr = io.StringIO(), io.StringIO()
    status = main(args, stdin=io.StringIO(stdin_text), stdout=stdout, stderr=stderr)
    return status, stdout.getvalue(), stderr.getvalue()


def test_single_facts_from_stdin_and_from_a_file(tmp_path):
    text = json.dumps(facts_dict())
    status, out, err = cli(["-"], text)
    assert (status, err) == (0, "") and json.loads(out)["contract"] == 1
    path = tmp_path / "facts.json"
    path.write_text(text)
    assert cli([str(path)])[0] == 0


def test_invalid_json_exits_2_with_one_line():
    status, out, err = cli(["-"], "{not json")
    assert status == 2 and out == "" and len(err.strip().splitlines()) == 1


def test_missing_file_exits_2():
    status, out, err = cli(["/no/such/facts.json"])
    assert status == 2 and out == "" and "cannot read" in err


def test_no_argument_is_a_usage_error():
    with pytest.raises(SystemExit) as exit_:
        cli([])
    assert exit_.value.code == 2


def test_jsonl_reports_bad_lines_in_place_and_exits_2_at_the_end():
    good = json.dumps(facts_dict())
    bad = json.dumps(facts_dict(as_of="yesterday"))
    status, out, _ = cli(["--jsonl"], "\n".join([good, bad, "[", good]) + "\n")
    lines = [json.loads(line) for line in out.splitlines()]
    assert status == 2 and len(lines) == 4
    assert lines[0]["outcome"] == lines[3]["outcome"] == "eligible"
    assert lines[1] == {
        "error": {"line": 2, "field": "as_of", "message": "must be a date written YYYY-MM-DD"}
    }
    assert lines[2]["error"]["line"] == 3 and lines[2]["error"]["field"] == "$"


def test_jsonl_of_good_lines_exits_0(tmp_path):
    path = tmp_path / "many.jsonl"
    path.write_text(json.dumps(facts_dict()) + "\n" + json.dumps(facts_dict()) + "\n")
    status, out, _ = cli(["--jsonl", str(path)])
    assert status == 0 and len(out.splitlines()) == 2
