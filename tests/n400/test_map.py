"""The field map against the shipped PDF (and the interview it reads), and editions without one."""

import io
import shutil

import pikepdf
import pypdf
import pytest
from wtforms import FieldList, FormField
from wtforms.fields.choices import SelectChoice

from clinic.intake import display
from clinic.intake.fields import US_STATES, YesNoField
from clinic.n400 import edition as editions
from clinic.n400.fill import fill
from clinic.n400.plan import make_plan
from tests.n400.sample import complete_answers

KIND_TYPES = {"checkbox": "/Btn", "choice": "/Ch"}  # every other kind is a text field
LONGEST = {"date": 10, "a_number": 9, "digit": 1}  # what these kinds print at most


@pytest.fixture(scope="module")
def edition():
    return editions.current()


def shipped_pdf(edition):
    """The shipped PDF read by pypdf (pikepdf lifts the owner password: pypdf would need the
    cryptography package for USCIS's AES encryption)."""
    decrypted = io.BytesIO()
    with pikepdf.open(edition.pdf_path) as pdf:
        pdf.save(decrypted)
    return pypdf.PdfReader(decrypted)


@pytest.fixture(scope="module")
def pdf_fields(edition):
    return shipped_pdf(edition).get_fields()


def _row_columns(table):
    for row in table.get("rows", []):
        for column, target in row.items():
            for name in target.values() if isinstance(target, dict) else [target]:
                yield column, name


def test_every_mapped_field_exists_in_the_pdf_with_the_right_type(edition, pdf_fields):
    for spec in edition.fields:
        assert spec["name"] in pdf_fields, spec["name"]
        wanted = KIND_TYPES.get(spec["kind"], "/Tx")
        assert pdf_fields[spec["name"]].get("/FT") == wanted, spec["name"]
    for table in edition.lists:
        for column, name in _row_columns(table):
            kind = table["columns"][column]
            kind = kind["kind"] if isinstance(kind, dict) else kind
            assert pdf_fields[name].get("/FT") == KIND_TYPES.get(kind, "/Tx"), name
    for block in edition.additional["blocks"]:
        assert all(pdf_fields[name].get("/FT") == "/Tx" for name in block.values())


def test_every_checkbox_value_is_one_of_its_on_states(edition, pdf_fields):
    reader = shipped_pdf(edition)
    on_states = {}
    for page in reader.pages:
        for annot in page.get("/Annots", []):
            widget = annot.get_object()
            if "/AP" in widget and "/T" in widget:
                states = set(widget["/AP"]["/N"].keys()) - {"/Off"}
                on_states[widget["/T"]] = states
    for spec in edition.fields:
        if spec["kind"] == "checkbox":
            short = spec["name"].rsplit(".", 1)[1].replace("\\", "")
            assert spec["on"] in on_states[short], spec["name"]
            assert list(pdf_fields[spec["name"]]["/_States_"]).count(spec["on"]) == 1


def test_every_fixed_width_value_fits_its_maximum_length(edition, pdf_fields):
    for spec in edition.fields:
        limit = pdf_fields[spec["name"]].get("/MaxLen")
        if limit is not None and spec["kind"] in LONGEST:
            assert LONGEST[spec["kind"]] <= limit, spec["name"]


def test_filled_values_fit_their_fields_and_longer_ones_go_to_part_14(edition, pdf_fields):
    answers = complete_answers()
    answers["contact"]["email"] = "maria.jose.ruiz.ortega.the.longest@example.org"
    plan = make_plan(edition, answers)
    filled = pypdf.PdfReader(io.BytesIO(fill(edition, plan))).get_fields()
    for name, field in filled.items():
        limit = field.get("/MaxLen")
        if limit is not None and field.get("/V"):
            assert len(str(field["/V"])) <= limit, name
    email = "form1[0].#subform[10].P12_Line5_Email[0]"
    assert not filled[email].get("/V")
    assert any(answers["contact"]["email"] in str(f.get("/V", "")) for f in filled.values())


def test_choice_values_are_options_of_their_fields(edition, pdf_fields):
    options = {
        name: {str(option[0] if isinstance(option, list) else option).strip() for option in opts}
        for name, field in pdf_fields.items()
        if (opts := field.get("/Opt"))
    }
    state_fields = [s["name"] for s in edition.fields if s["source"].endswith("state")]
    for name in state_fields:
        assert set(US_STATES) <= options[name], name
    feet = next(s["name"] for s in edition.fields if s["source"] == "biographic.height_feet")
    inches = next(s["name"] for s in edition.fields if s["source"] == "biographic.height_inches")
    assert {str(n) for n in range(3, 9)} <= options[feet]
    assert {str(n) for n in range(12)} <= options[inches]


def test_barcodes_and_signatures_are_never_mapped(edition):
    for name in edition.names():
        assert not any(fragment in name for fragment in edition.untouched), name


def _interview_field(path):
    section, _, rest = path.partition(".")
    fields = display.section_fields(section)
    return fields.get(rest.split(".")[0]) if fields else None


def test_every_interview_answer_the_map_reads_is_asked(edition):
    """A renamed question fails here, not silently on the form."""
    unasked = []
    for spec in edition.fields + edition.notes:
        if spec["source"].startswith("derived.") or spec.get("optional"):
            continue
        if _interview_field(spec["source"]) is None:
            unasked.append(spec["source"])
    # Asked on the form but not (yet) in the interview: each is left blank, and listed as
    # missing when it applies (docs/n400.md lists them).
    assert sorted(set(unasked)) == sorted(NOT_ASKED)


NOT_ASKED = set()


# Boxes of the form the interview has no answer for yet (the box stays empty).
NOT_OFFERED = {("marriage.status", "annulled")}


def test_checkbox_answers_are_answers_the_interview_gives(edition):
    for spec in edition.fields:
        field = _interview_field(spec["source"])
        if (
            spec["kind"] != "checkbox"
            or field is None
            or (spec["source"], spec["when"]) in NOT_OFFERED
        ):
            continue
        if isinstance(field, YesNoField):
            assert spec["when"] in ("yes", "no"), spec["name"]
        else:
            choices = field.choices() if callable(field.choices) else field.choices
            values = {str(c.value if isinstance(c, SelectChoice) else c[0]) for c in choices}
            assert spec["when"] in values, spec["name"]


def test_list_columns_are_the_rows_questions(edition):
    for table in edition.lists:
        if table["source"].startswith("derived."):
            continue
        field = _interview_field(table["source"])
        assert isinstance(field, FieldList), table["source"]
        row_form = field.unbound_field.args[0]
        assert field.unbound_field.field_class is FormField
        missing = [name for name in table["columns"] if not hasattr(row_form, name)]
        assert missing == [] or table["source"] == "marriage.children", missing


def test_a_new_edition_without_its_map_fails_loudly(tmp_path, edition):
    forms, maps = tmp_path / "forms", tmp_path / "maps"
    forms.mkdir()
    maps.mkdir()
    shutil.copy(edition.pdf_path, forms / edition.pdf_path.name)
    shutil.copy(editions.MAPS_DIR / f"{edition.key}.toml", maps)
    shutil.copy(edition.pdf_path, forms / "n-400-edition-2027-03-01.pdf")
    assert editions.latest_key(forms) == "2027-03-01"
    with pytest.raises(editions.EditionError, match="2027-03-01 is shipped without a field map"):
        editions.load("2027-03-01", forms, maps)
    assert editions.load(edition.key, forms, maps).key == edition.key


def test_a_misnamed_pdf_or_a_broken_map_fails_loudly(tmp_path, edition):
    forms, maps = tmp_path / "forms", tmp_path / "maps"
    forms.mkdir()
    maps.mkdir()
    shutil.copy(edition.pdf_path, forms / edition.pdf_path.name)
    (maps / f"{edition.key}.toml").write_text('title = "no fields"\n')
    with pytest.raises(editions.EditionError, match="malformed"):
        editions.load(edition.key, forms, maps)
    shutil.copy(edition.pdf_path, forms / "n400-new.pdf")
    with pytest.raises(editions.EditionError, match=r"n-400-edition-YYYY-MM-DD\.pdf"):
        editions.shipped(forms)
