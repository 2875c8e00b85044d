"""Finding people again: normalization rules and the duplicate finder."""

from datetime import date

import pytest

from clinic.cases.names import fold, name_tokens, normalize_a_number, normalize_phone
from clinic.cases.search import find_people


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


# ---- Each way a person is typed differently at a second check-in --------------------------


@pytest.fixture
def crowd(app, make):
    """The person looked for among namesakes: many Marias, Silvas and Mohameds."""
    make.user("volunteer")
    event = make.event()
    for i, (given, family) in enumerate(
        [
            ("Maria", "Silva"),
            ("Maria José", "Santos"),
            ("Maria", "Silva Santos"),
            ("Mohamed", "Hassan"),
            ("Ahmed", "Mohamed"),
            ("Jean", "Baptiste"),
            ("Ana", "Souza"),
        ]
        * 3
    ):
        make.case(event, given=given, family=family, born=date(1970 + i, 3, 9))
    wanted = [
        make.case(event, given="María José", family="Gonçalves", born=date(1984, 2, 7)),
        make.case(event, given="Mohamed", family="Abdi", born=date(1991, 5, 12)),
        make.case(event, given="Widlyne", family="Jean-Baptiste", born=date(1979, 8, 30)),
        make.case(event, given="Fernanda", family="Oliveira", born=date(1988, 11, 3)),
    ]
    return event, {case.name: case.applicant_id for case in wanted}


def first_ids(app, organization_id, limit=5, **clues):
    with app.app_context():
        found = find_people([organization_id], limit=limit, **clues)
        return [m.applicant.id for m in found], [m.reasons for m in found]


@pytest.mark.parametrize(
    ("name", "typed", "born"),
    [
        ("María José Gonçalves", "Maria Jose Goncalves", date(1984, 2, 7)),  # accents dropped
        ("María José Gonçalves", "Goncalves Maria Jose", date(1984, 2, 7)),  # names swapped
        ("Widlyne Jean-Baptiste", "Widlyne Jean Baptiste", date(1979, 8, 30)),  # hyphen as space
        ("Widlyne Jean-Baptiste", "Widlyne Jeanbaptiste", date(1979, 8, 30)),  # written together
        ("Fernanda Oliveira", "Fernanda Olievira", date(1988, 11, 3)),  # one transposed letter
        ("Fernanda Oliveira", "Fernada Oliviera", date(1988, 11, 3)),  # a typo in each name
        ("Mohamed Abdi", "Muhammad Abdi", date(1991, 5, 12)),  # transliterated
        ("Mohamed Abdi", "Mohammed Abdi", date(1991, 5, 12)),
        ("Fernanda Oliveira", "Fernanda Oliveira", date(1988, 3, 11)),  # day and month swapped
    ],
)
def test_each_way_of_typing_a_person_differently_finds_them_first(app, crowd, name, typed, born):
    event, wanted = crowd
    ids, _ = first_ids(app, event.host_id, names=typed, date_of_birth=born)
    assert ids[0] == wanted[name]


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Maria Jose Goncalves", "María José Gonçalves"),
        ("Olievira Fernanda", "Fernanda Oliveira"),
        ("Muhammad Abdi", "Mohamed Abdi"),
        ("Widlyne Jean Baptiste", "Widlyne Jean-Baptiste"),
    ],
)
def test_a_name_typed_differently_is_found_without_the_birth_date(app, crowd, typed, name):
    event, wanted = crowd
    ids, _ = first_ids(app, event.host_id, names=typed)
    assert ids[0] == wanted[name]


def test_reasons_say_what_matched(app, crowd):
    event, _ = crowd
    _, reasons = first_ids(
        app, event.host_id, names="Muhammad Abdi", date_of_birth=date(1991, 12, 5)
    )
    assert reasons[0] == (
        "date of birth with day and month swapped",
        "1 name word in common",
        "1 name word alike",
    )


def test_no_cap_drops_a_better_candidate_than_one_it_keeps(app, crowd):
    """With room for one match, the exact name is kept over a crowd of partial ones; the same
    ranking holds at every limit."""
    event, wanted = crowd
    everyone, _ = first_ids(app, event.host_id, limit=None, names="Maria Jose Goncalves")
    for limit in (1, 3, 10):
        ids, _ = first_ids(app, event.host_id, limit=limit, names="Maria Jose Goncalves")
        assert ids == everyone[:limit]
    assert everyone[0] == wanted["María José Gonçalves"]


def test_a_changed_name_is_found_by_its_new_words_only(app, crowd):
    from clinic.cases.models import Applicant
    from clinic.extensions import db

    event, wanted = crowd
    with app.app_context():
        person = db.session.get(Applicant, wanted["Fernanda Oliveira"])
        person.family_names = "Pereira"
        db.session.commit()
    person_id = wanted["Fernanda Oliveira"]
    assert first_ids(app, event.host_id, names="Fernanda Pereira")[0][0] == person_id
    assert person_id not in first_ids(app, event.host_id, names="Oliveira", limit=None)[0]
