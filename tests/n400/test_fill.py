"""Round trip: a case with every answer set (more rows than the form has) filled, then read
back with pypdf: each answer in its field, the rest on Part 14, nothing else filled, and
appearance streams drawn."""

import io

import pikepdf
import pypdf
import pytest

from clinic.n400 import edition as editions
from clinic.n400.answers import derived
from clinic.n400.fill import fill
from clinic.n400.plan import make_plan
from clinic.n400.readiness import readiness
from tests.n400.sample import SCREENING, TODAY, TRIPS, complete_answers

S = "form1[0].#subform[{}]."


@pytest.fixture(scope="module")
def edition():
    return editions.current()


@pytest.fixture(scope="module")
def filled(edition):
    plan = make_plan(edition, complete_answers())
    return plan, pypdf.PdfReader(io.BytesIO(fill(edition, plan)))


def widgets(reader):
    """{full name: (widget, page number)}."""
    found = {}
    for number, page in enumerate(reader.pages, start=1):
        for annot in page.get("/Annots", []):
            widget = annot.get_object()
            if widget.get("/Subtype") != "/Widget":
                continue
            parts, node = [], widget
            while node is not None:
                if "/T" in node:
                    parts.append(str(node["/T"]))
                node = node.get("/Parent")
                node = node.get_object() if node is not None else None
            found[".".join(reversed(parts))] = (widget, number)
    return found


def value(widget):
    node = widget
    while node is not None and "/V" not in node:
        node = node.get("/Parent")
        node = node.get_object() if node is not None else None
    return None if node is None else node["/V"]


def blank_values(edition):
    with pikepdf.open(edition.pdf_path) as pdf:
        return {
            field.fully_qualified_name: str(field.value) if field.value is not None else None
            for field in pdf.acroform.fields
        }


def part14_text(reader):
    return "\n".join(
        str(value(widget) or "")
        for name, (widget, page) in widgets(reader).items()
        if "P11_Line" in name and name.endswith("D[0]")
    )


def test_each_answer_is_in_its_field(filled):
    plan, reader = filled
    found = widgets(reader)
    for name, text in plan.text.items():
        # A list's option may carry the form's own padding (" MA" for MA).
        assert str(value(found[name][0])).strip() == text, name
    for name, on_state in plan.checked.items():
        assert value(found[name][0]) == on_state, name


def test_answers_land_where_the_form_asks_them(filled):
    _, reader = filled
    fields = {name: value(widget) for name, (widget, _) in widgets(reader).items()}
    assert fields[S.format(0) + "P2_Line1_FamilyName[0]"] == "Ruiz Ortega"
    assert fields[S.format(0) + "P2_Line1_GivenName[0]"] == "María"
    assert fields[S.format(1) + "P2_Line8_DateOfBirth[0]"] == "04/02/1980"
    assert fields[S.format(1) + "P2_Line7_Gender[1]"] == "/F"
    assert fields[S.format(1) + "P2_Line11_CountryOfNationality[0]"] == "Dominican Republic"
    assert fields[S.format(0) + "Part1_Eligibility[2]"] == "/A"  # general provision
    a_numbers = [v for name, v in fields.items() if "Line1_AlienNumber" in name]
    assert len(a_numbers) >= 14 and set(a_numbers) == {"012345678"}
    assert [fields[S.format(2) + f"P7_Line4_Pounds{n}[0]"] for n in (1, 2, 3)] == ["1", "4", "2"]
    assert fields[S.format(2) + "P7_Line3_HeightFeet[0]"] == "5"
    assert fields[S.format(2) + "P4_Line1_State[0]"].strip() == "MA"
    # Trips: most recent first, the form's six rows, then Part 14.
    newest = TRIPS[-1]
    assert fields[S.format(5) + "P8_Line1_DateLeft1[0]"] == "02/02/2022"
    assert fields[S.format(5) + "P9_Line1_Countries1[0]"] == newest["destination"]
    assert fields[S.format(10) + "P12_Line3_Telephone[0]"] == "9785550101"
    assert fields[S.format(11) + "P15_Line1_PreparerFamilyName[0]"] == "Santos"


def test_rows_beyond_the_form_go_to_part_14_under_page_part_and_item(filled):
    _, reader = filled
    text = part14_text(reader)
    for number in range(7, 15):
        assert f"{number}. left " in text  # trips 7-14 of 14
    assert "Children (continued):" in text and "4. Child 1 Ortega" in text
    assert "Other names used (continued):" in text and "3. Ruiz-Ortega, Maria Jose" in text
    assert "Employment and schools (continued):" in text and "Unemployed" in text
    assert "Earlier addresses in the last 5 years (continued):" in text
    assert "Explanation (item 17.f): Played in an unlicensed card game" in text
    found = widgets(reader)
    blocks = [
        (
            value(found[name.replace("D[0]", "A[0]")][0]),
            value(found[name.replace("D[0]", "B[0]")][0]),
        )
        for name in found
        if "P11_Line" in name and name.endswith("D[0]") and value(found[name][0])
    ]
    assert ("6", "8") in blocks  # page 6, Part 8: the trips
    assert len(reader.pages) > 14  # more entries than one Part 14 page holds


def test_continued_part_14_pages_carry_the_name_and_a_number(filled):
    _, reader = filled
    for name, (widget, _) in widgets(reader).items():
        if "Part14Continued" in name and ("AlienNumber" in name or "FamilyName" in name):
            assert value(widget) in ("012345678", "Ruiz Ortega"), name


def test_nothing_else_is_filled(filled, edition):
    plan, reader = filled
    before = blank_values(edition)
    for name, (widget, _) in widgets(reader).items():
        written = value(widget)
        if name in plan.filled or "P11_Line" in name or "Part14Continued" in name:
            continue
        assert written in (None, "", "/Off") or str(written) == before.get(name), name


def test_every_filled_field_has_its_appearance_stream(filled):
    plan, reader = filled
    found = widgets(reader)
    for name in plan.text:
        widget = found[name][0]
        stream = widget["/AP"]["/N"].get_object()
        assert stream.get_data(), name  # drawn, not left to NeedAppearances
    for name, on_state in plan.checked.items():
        widget = found[name][0]
        assert widget["/AS"] == on_state and on_state in widget["/AP"]["/N"], name
    acroform = reader.trailer["/Root"]["/AcroForm"]
    assert "/XFA" not in acroform and not acroform.get("/NeedAppearances")
    assert "/Perms" not in reader.trailer["/Root"]


def test_the_draft_says_draft_on_every_page_and_the_final_does_not(edition, filled):
    plan, reader = filled
    draft = pypdf.PdfReader(io.BytesIO(fill(edition, plan, draft=True)))
    assert all("DRAFT" in page.extract_text() for page in draft.pages)
    assert not any("DRAFT" in page.extract_text() for page in reader.pages)


def test_an_empty_case_fills_only_what_it_knows(edition):
    plan = make_plan(edition, {"contact": {"family_names": "Solo"}, "derived": {}})
    assert plan.text == {
        S.format(0) + "P2_Line1_FamilyName[0]": "Solo",
        S.format(12) + "P2_Line1_FamilyName[1]": "Solo",
    }
    assert plan.checked == {} and plan.additional == []
    reader = pypdf.PdfReader(io.BytesIO(fill(edition, plan)))
    assert len(reader.pages) == edition.pages


def test_impossible_answers_are_left_blank_not_an_error(edition):
    answers = {
        "contact": {"date_of_birth": "1980-02-30", "family_names": "  "},
        "biographic": {"weight_pounds": 12345, "height_feet": 14},
        "derived": {},
    }
    plan = make_plan(edition, answers)
    feet = S.format(2) + "P7_Line3_HeightFeet[0]"
    assert set(plan.text) == {feet} and plan.checked == {}
    reader = pypdf.PdfReader(io.BytesIO(fill(edition, plan)))
    assert value(widgets(reader)[feet][0]) in (None, "")  # not one of the form's feet


def test_follow_ups_print_only_when_their_question_says_so(edition):
    answers = complete_answers()
    answers["contact"]["interpreter"] = False
    answers["marriage"]["status"] = "divorced"
    answers["derived"].update(derived(answers, SCREENING, TODAY))
    plan = make_plan(edition, answers)
    assert S.format(11) + "P14_NameOfLanguage[0]" not in plan.text  # no interpreter's Part 12
    assert S.format(3) + "P10_Line4a_FamilyName[0]" not in plan.text  # no current spouse
    assert plan.text[S.format(3) + "Part9Line3_TimesMarried[0]"] == "1"


def test_a_name_in_another_script_is_flagged_not_printed_as_is(edition):
    answers = complete_answers()
    answers["contact"]["family_names"] = "Nguyễn 阮"
    plan = make_plan(edition, answers)
    assert plan.text[S.format(0) + "P2_Line1_FamilyName[0]"] == "Nguyên ?"
    missing = readiness(edition, answers).missing
    assert "Family name (Part 2): in English letters (the form can't print this script)" in missing
