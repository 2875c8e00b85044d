"""Helpers for screening tests: build facts from a few keyword overrides."""

import copy

import pytest

from clinic.screening import parse_facts, screen

BASE_FACTS = {
    "as_of": "2026-11-30",
    "person": {"date_of_birth": "1980-01-01", "sex": "female", "nationalities": []},
    "residence": {"lpr_since": "2015-01-01", "state": "MA"},
    "trips": [],
    "marriage": {"status": "single"},
    "record": {},
    "household": {"size": 2, "income": 150000},  # full fee: no fee finding in the way
}


def facts_dict(**sections):
    """BASE_FACTS with sections merged in: facts_dict(person={"sex": "male"}, as_of=...)."""
    data = copy.deepcopy(BASE_FACTS)
    for key, value in sections.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key].update(value)
        else:
            data[key] = value
    return data


def run(**sections):
    return screen(parse_facts(facts_dict(**sections)))


def codes(result):
    return {finding.code for finding in result.findings}


def finding(result, code):
    return next(f for f in result.findings if f.code == code)


@pytest.fixture
def screen_with():
    return run
