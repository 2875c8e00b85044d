"""Ids and page numbers the database cannot hold are a 404 (or ignored), never a server error.

Every route is found in the app's URL map, so a new route that takes an id is covered too.
"""

import re

import pytest

from clinic.converters import MAX_ID, IdConverter, bounded_int

IMPOSSIBLE_IDS = ["0", "-1", str(MAX_ID + 1), str(2**63), "9" * 30, "٣", "1" * 5000]
PLACEHOLDER = re.compile(r"<(?:(\w+)(?:\(([^)]*)\))?:)?(\w+)>")
# Query-string numbers a page reads with `type=`, at values no page or day count can be.
ODD_NUMBERS = [str(2**63), "9" * 30, "-1", "0", "²", "1e9", "\x00", "1" * 5000]
QUERY_NAMES = ("page", "days")


def _fill(rule, number):
    """The rule's path with every int argument set to `number` and the others to a sample."""

    def one(match):
        converter, arguments, name = match.groups()
        if converter == "int":
            return number
        if converter == "any":
            return arguments.split(",")[0].strip()
        return {"key": "contact", "kind": "checklist", "step": "filed"}.get(name, "x")

    return PLACEHOLDER.sub(one, rule.rule)


def _id_rules(app):
    rules = [rule for rule in app.url_map.iter_rules() if "<int:" in rule.rule]
    assert len(rules) >= 25, "the URL map lost its id routes?"
    return rules


def _request(client, rule, path):
    method = "GET" if "GET" in rule.methods else "POST"
    return client.open(path, method=method)


def test_every_int_route_uses_the_bounded_id_converter(app):
    for rule in _id_rules(app):
        converters = rule._converters.values()  # werkzeug keeps no public accessor
        assert any(isinstance(c, IdConverter) for c in converters), rule.rule


def _not_matched(app, rule):
    """404; or 405 where another rule has the same path for other methods (werkzeug checks
    the method before the converters, so a POST to `/events/0/packet` meets the GET rule)."""
    shared = any(
        other.rule == rule.rule and other.methods != rule.methods
        for other in app.url_map.iter_rules()
    )
    return {404, 405} if shared else {404}


@pytest.mark.parametrize("role", ["admin", "coordinator"])
def test_impossible_ids_are_404_on_every_route(app, login_as, role):
    client = login_as(role)
    for rule in _id_rules(app):
        for number in IMPOSSIBLE_IDS:
            path = _fill(rule, number)
            response = _request(client, rule, path)
            assert response.status_code in _not_matched(app, rule), (
                rule.rule,
                path[:60],
                response.status_code,
            )


def test_the_largest_possible_id_is_looked_up_without_error(app, login_as):
    client = login_as("admin")
    for rule in _id_rules(app):
        response = _request(client, rule, _fill(rule, str(MAX_ID)))
        assert response.status_code in (403, 404), (rule.rule, response.status_code)


@pytest.mark.parametrize("role", ["admin", "coordinator"])
def test_odd_numbers_in_the_query_string_are_no_server_error(app, login_as, role):
    client = login_as(role)
    pages = [
        rule
        for rule in app.url_map.iter_rules()
        if "GET" in rule.methods and not rule.arguments and rule.endpoint != "static"
    ]
    for rule in pages:
        for number in ODD_NUMBERS:
            query = {name: number for name in QUERY_NAMES}
            response = client.get(rule.rule, query_string=query)
            assert response.status_code != 500, (rule.rule, number[:40])


def test_bounded_int_takes_ascii_digits_in_range_only():
    page = bounded_int(1, 1000)
    assert page("7") == 7 and page(" 12 ") == 12
    for text in ("0", "-1", "1001", "²", "٣", "1e3", "", "9" * 5000):
        with pytest.raises(ValueError):
            page(text)
