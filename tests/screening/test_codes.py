"""The finding-code registry (clinic/screening/codes.py) is the engine's one list of codes."""

import ast
import re
from pathlib import Path

import pytest

import clinic.screening
from clinic.screening import codes, parse_facts, result_to_dict, screen
from clinic.screening.documents import LABELS
from tests.screening.test_examples import VALID, load
from tests.screening.test_properties import FINDING_CODES

PACKAGE = Path(clinic.screening.__file__).parent
ENGINE = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "codes.py")
CODE_LIKE = re.compile(r"[A-Z][A-Z0-9]*(_[A-Z0-9]+)+|DUI")


def _strings(path):
    tree = ast.parse(path.read_text())
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def _names_from_registry(path):
    tree = ast.parse(path.read_text())
    return {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "clinic.screening.codes"
        for alias in node.names
    }


def test_the_registry_is_the_contracts_closed_list():
    assert codes.ALL == FINDING_CODES
    assert set(codes.SEVERITY.values()) == {"bar", "refer", "wait", "action", "info"}
    assert all(getattr(codes, code) == code for code in codes.ALL)


def test_no_engine_module_writes_a_finding_code_as_a_bare_string():
    # A document code may share a finding's name (TAX_PAYMENT_PLAN): those are the documents'.
    for path in ENGINE:
        bare = {s for s in _strings(path) if CODE_LIKE.fullmatch(s) and s in codes.ALL}
        assert bare <= set(LABELS), f"{path.name}: {sorted(bare - set(LABELS))}"


def test_every_code_in_the_registry_is_given_by_some_rule():
    used = set().union(*(_names_from_registry(path) for path in ENGINE))
    assert used >= codes.ALL, sorted(codes.ALL - used)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_every_finding_an_example_gives_has_the_registrys_code_and_severity(path):
    example = load(path)
    result = result_to_dict(screen(parse_facts(example["facts"])))
    for finding in result["findings"]:
        assert codes.SEVERITY[finding["code"]] == finding["severity"]
