"""Answers as people read them: question labels, choice labels, dates, rows, blanks."""

import datetime
import re
from types import SimpleNamespace

import pytest
from flask import render_template
from werkzeug.datastructures import MultiDict
from wtforms import FieldList, SelectFieldBase

from clinic.intake import display
from clinic.intake.fields import countries
from clinic.intake.sections import BY_KEY, SECTIONS

INTERNALS = re.compile(r"UnboundField|<class|FormField|\w+Row\b")


def every_field():
    for section in SECTIONS:
        for name, field in display._fields(section.form_class).items():
            yield section.key, name, field


@pytest.mark.parametrize(("key", "name"), [(key, name) for key, name, _ in every_field()])
def test_every_question_has_its_label_never_python_internals(key, name):
    label = display.question_label(key, name)
    assert label and not INTERNALS.search(label)
    unbound = getattr(BY_KEY[key].form_class, name)
    assert label == (unbound.kwargs.get("label") or unbound.args[0])


def test_row_lists_are_labelled_by_the_form_not_by_their_field_class():
    assert display.question_label("trips", "trips") == "Trips"
    assert display.question_label("residence", "addresses") == "Addresses in the last 5 years"
    assert display.question_label("marriage", "children") == "Children"
    assert display.question_label("character", "convictions") == "Convictions"
    assert display.question_label("character", "dui_convictions") == "DUI / OUI convictions"


@pytest.mark.parametrize(
    ("key", "name", "code", "shown"),
    [
        ("character", "removal_proceedings", "never", "Never"),
        ("character", "child_support", "not_applicable", "Does not apply"),
        ("contact", "nationalities", ["MX", "VN"], "Mexico, Vietnam"),
        ("green_card", "category", "family", "Family (spouse, parent, child, sibling)"),
        ("marriage", "status", "single", "Single, never married"),
        ("taxes", "taxes", "filed", "Filed every year, nothing owed"),
        ("residence", "state", "MA", "Massachusetts"),
        ("contact", "sex", "female", "Female"),
    ],
)
def test_stored_codes_read_as_their_choice_labels(key, name, code, shown):
    assert display.answer_text(key, name, code) == shown


def test_every_choice_of_every_question_reads_as_its_label():
    for key, name, field in every_field():
        if isinstance(field, SelectFieldBase) and not isinstance(field, FieldList):
            for value, label in display._choice_labels(field).items():
                if value not in ("yes", "no"):  # yes/no are stored as True/False
                    assert display.answer_text(key, name, value) == label, (key, name)


def test_country_codes_read_as_country_names():
    code, name = next(iter(countries().items()))
    assert display.answer_text("contact", "nationalities", [code]) == name


@pytest.mark.parametrize(
    ("value", "shown"),
    [(True, "Yes"), (False, "No"), (None, "—"), ("", "—"), ([], "—")],
)
def test_yes_no_and_unanswered(value, shown):
    assert display.answer_text("contact", "name_changed", value) == shown


def test_dates_read_as_month_day_year_stored_or_typed():
    assert display.answer_text("green_card", "lpr_since", "2027-03-03") == "Mar 3, 2027"
    typed = datetime.date(2027, 3, 3)
    assert display.answer_text("green_card", "lpr_since", typed) == "Mar 3, 2027"


def test_numbers_read_with_thousands():
    assert display.answer_text("household", "income", 42000) == "42,000"
    assert display.answer_text("character", "arrests_or_charges", 0) == "0"


def test_rows_read_one_line_each_by_their_own_questions():
    trips = [
        {"departed": "2023-01-05", "returned": "2023-07-24", "destination": "Mexico"},
        {"departed": "2024-03-01", "returned": "2024-04-02", "destination": ""},
    ]
    assert display.answer_text("trips", "trips", trips).splitlines() == [
        "Trip 1: Left the U.S. Jan 5, 2023; Came back: Jul 24, 2023; Where: Mexico",
        "Trip 2: Left the U.S. Mar 1, 2024; Came back: Apr 2, 2024",
    ]
    child = [{"name": "Ana", "date_of_birth": "2010-02-03", "lives_with_applicant": True}]
    assert display.answer_text("marriage", "children", child) == (
        "Child 1: Child's name: Ana; Date of birth: Feb 3, 2010; Lives with the applicant? Yes"
    )
    conviction = [{"date": "2019-03-03", "kind": "controlled_substance", "sentence_days": 30}]
    assert "Kind: Drug offense" in display.answer_text("character", "convictions", conviction)
    address = [{"address": "12 Elm St", "state": "MA", "moved_in": "2019-03-15"}]
    assert display.answer_text("residence", "addresses", address) == (
        "Address 1: Address: 12 Elm St; State: Massachusetts; From: Mar 15, 2019"
    )
    assert display.row_label("character", "dui_convictions", 1) == "DUI conviction 2"


def test_a_section_reads_in_the_interviews_order_with_unknown_answers_last():
    answers = {"trips": [], "retired_question": "kept", "any_trips": False}
    assert display.section_answers("trips", answers) == [
        ("Any trips outside the U.S. of 24 hours or more since becoming a resident?", "No"),
        ("Trips", "—"),
        ("Retired question", "kept"),
    ]


def test_the_conflict_page_reads_both_versions_by_labels(app):
    section = BY_KEY["marriage"]
    case = SimpleNamespace(id=1, version=3, applicant=SimpleNamespace(full_name="Lan Nguyễn"))
    typed = MultiDict({"status": "married", "married_on": "03/03/2020", "vawa": "no"})
    with app.test_request_context("/", method="POST", data=typed):
        form = section.form_class()
        form.validate()
        html = render_template(
            "intake/conflict.html",
            case=case,
            section=section,
            form=form,
            stored={"status": "single", "vawa": False},
            labels={f.name: f.label.text for f in form if f.name not in ("csrf_token", "version")},
            answer_text=display.answer_text,
        )
    rows = dict(
        (label, (saved, yours))
        for label, saved, yours in re.findall(
            r'<th scope="row">(.*?)</th>\s*<td class="prewrap">(.*?)</td>\s*'
            r'<td class="prewrap">(.*?)</td>',
            html,
        )
    )
    assert rows["Marital status"] == ("Single, never married", "Married")
    assert rows["Date of the current marriage"] == ("—", "Mar 3, 2020")
    assert rows["Children"] == ("—", "—")
    assert 'class="changed"' in html and not INTERNALS.search(html)
    changed = re.findall(r'<tr class="changed">\s*<th scope="row">(.*?)</th>', html)
    assert "Marital status" in changed and "Green card through VAWA" not in " ".join(changed)
