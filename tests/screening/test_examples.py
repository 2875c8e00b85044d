"""Every worked example in tests/screening/examples passes through the API and the CLI.

The folder is a copy of the shared contract's examples (the project must stand alone); a new
example file is picked up without any code change.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from clinic.screening import FactsError, parse_facts, result_to_dict, screen

EXAMPLES = Path(__file__).parent / "examples"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "contract" / "examples"
VALID = sorted(p for p in EXAMPLES.glob("*.json") if not p.name.startswith("E"))
INVALID = sorted(EXAMPLES.glob("E*.json"))


def load(path):
    return json.loads(path.read_text())


def summary(result):
    """The fields the examples' `expect` can name, taken from a result dict."""
    presence = result["physical_presence"]
    return {
        "outcome": result["outcome"],
        "path": result["path"],
        "earliest_filing_date": result["earliest_filing_date"],
        "english_exemption": result["english_exemption"],
        "civics_test": result["civics_test"],
        "fee_basis": result["fee"]["basis"],
        "physical_presence_days": presence["days"] if presence else None,
        "finding_codes": sorted({f["code"] for f in result["findings"]}),
        "until": {f["code"]: f["until"] for f in result["findings"]},
    }


def assert_matches(result, expect):
    got = summary(result)
    for key, wanted in expect.items():
        if key == "finding_codes":
            assert got[key] == sorted(wanted), key
        elif key == "until":
            for code, day in wanted.items():
                assert got["until"].get(code) == day, f"until of {code}"
        else:
            assert got[key] == wanted, key


def run_cli(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "clinic.screening", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_examples_are_there():
    assert VALID and INVALID


@pytest.mark.skipif(not SHARED.is_dir(), reason="no ../shared beside this clone")
def test_the_examples_copy_is_in_step_with_shared():
    shared = {p.name: p.read_bytes() for p in SHARED.iterdir() if p.is_file()}
    ours = {p.name: p.read_bytes() for p in EXAMPLES.iterdir() if p.is_file()}
    assert ours == shared, "copy ../shared/contract/examples/ into tests/screening/examples/"


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_example_through_the_python_api(path):
    example = load(path)
    assert_matches(result_to_dict(screen(parse_facts(example["facts"]))), example["expect"])


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_example_through_the_command_line(path, tmp_path):
    example = load(path)
    facts_file = tmp_path / "facts.json"
    facts_file.write_text(json.dumps(example["facts"]))
    completed = run_cli(str(facts_file))
    assert completed.returncode == 0, completed.stderr
    assert_matches(json.loads(completed.stdout), example["expect"])


def test_all_examples_through_jsonl_in_one_run():
    lines = "".join(json.dumps(load(p)["facts"]) + "\n" for p in VALID)
    completed = run_cli("--jsonl", stdin=lines)
    assert completed.returncode == 0, completed.stderr
    outputs = completed.stdout.splitlines()
    assert len(outputs) == len(VALID)
    for path, line in zip(VALID, outputs, strict=True):
        assert_matches(json.loads(line), load(path)["expect"])


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_example_is_refused_naming_the_field(path):
    example = load(path)
    with pytest.raises(FactsError) as error:
        parse_facts(example["facts"])
    assert example["expect_error"] in error.value.field
    completed = run_cli("-", stdin=json.dumps(example["facts"]))
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert len(completed.stderr.strip().splitlines()) == 1
    assert example["expect_error"] in completed.stderr
