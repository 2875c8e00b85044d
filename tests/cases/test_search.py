"""Finding people again: normalization rules and the duplicate finder."""

from datetime import date

import pytest

from clinic.cases.search import (
    find_people,
    fold,
    name_tokens,
    normalize_a_number,
    normalize_phone,
)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Nguyễn Thị", "nguyen thi"),
        ("ĐẶNG", "dang"),
        ("José", "jose"),
        ("Müller", "muller"),
        ("Søren", "soren"),
        ("STRAßE", "strasse"),
        ("محمد", "محمد"),
        ("王小明", "王小明"),
    ],
)
def test_names_fold_case_and_accents(typed, expected):
    assert fold(typed) == expected


def test_hyphenated_and_compound_surnames_split_into_words():
    assert name_tokens("María José", "García-López") == {"maria", "jose", "garcia", "lopez"}
    assert name_tokens("Ana", "O'Neill") == {"ana", "o", "neill"}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("A123456789", "123456789"),
        ("a-123-456-789", "123456789"),
        ("A 123 456 789", "123456789"),
        ("12345678", "012345678"),
        ("A012345678", "012345678"),
        ("A1234567", None),
        ("A1234567890", None),
        ("B123456789", None),
        ("", None),
    ],
)
def test_a_numbers_normalize_to_nine_digits(typed, expected):
    assert normalize_a_number(typed) == expected


def test_phone_numbers_keep_digits_only():
    assert normalize_phone("+1 (978) 555-0199") == "9785550199"
    assert normalize_phone("978.555.0199") == "9785550199"
    assert normalize_phone("") is None


@pytest.fixture
def on_file(app, make):
    make.user("volunteer")
    event = make.event()
    make.case(
        event,
        given="Thị Lan",
        family="Nguyễn",
        born=date(1985, 4, 2),
        a_number="A123456789",
        phone="978-555-0199",
    )
    make.case(event, given="María José", family="García-López", born=date(1990, 1, 1))
    make.case(event, given="Lan", family="Tran", born=date(1970, 7, 7))
    return event


def search(app, organization_id, **clues):
    with app.app_context():
        return [(m.applicant.full_name, m.likely) for m in find_people([organization_id], **clues)]


def test_a_second_check_in_typed_differently_finds_the_first(app, on_file):
    found = search(app, on_file.host_id, names="nguyen thi lan", a_number="a-123-456-789")
    assert found[0] == ("Thị Lan Nguyễn", True)


def test_swapped_given_and_family_names_still_match(app, on_file):
    found = search(app, on_file.host_id, names="Nguyen Thi Lan", date_of_birth=date(1985, 4, 2))
    assert found[0] == ("Thị Lan Nguyễn", True)


def test_one_half_of_a_hyphenated_surname_matches(app, on_file):
    found = search(app, on_file.host_id, names="Maria Lopez", date_of_birth=date(1990, 1, 1))
    assert found[0] == ("María José García-López", True)


def test_a_shared_first_name_alone_is_not_a_likely_duplicate(app, on_file):
    found = dict(search(app, on_file.host_id, names="Lan Pham"))
    assert found and not any(found.values())


def test_phone_alone_finds_the_person(app, on_file):
    assert search(app, on_file.host_id, phone="(978) 555 0199")[0][0] == "Thị Lan Nguyễn"


def test_another_organizations_people_are_not_searched(app, make, on_file):
    other = make.organization("Other Org")
    assert search(app, other.id, names="Nguyen Lan", a_number="A123456789") == []
