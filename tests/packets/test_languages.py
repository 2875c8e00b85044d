"""The applicant's printables in each language, read back from the PDFs: the translation
first, the English beneath it, dates in the language's own form, and embedded fonts that draw
every character (no .notdef box)."""

import io
import re
from datetime import date

import pikepdf
import pytest
from pypdf import PdfReader

from clinic.cases.models import Case
from clinic.clock import today, utcnow
from clinic.extensions import db
from clinic.i18n.languages import LANGUAGES, language_code
from clinic.i18n.words import long_date, say
from clinic.packets.context import checklist_context
from clinic.voter.services import checklist_context as voter_context
from tests.intake.answers import complete_interview, post_section

ARABIC_WORD = re.compile(r"[\u0600-\u06ff]+")
CITIZEN = {
    "oath_on": date(2026, 11, 20),
    "oath_place": "Faneuil Hall",
    "certificate_number": "A1234567",
}


def pdf_text(data):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def squeezed(text):
    return re.sub(r"\s+", "", text)


def printed(sentence, text, language):
    """The sentence is in the extracted text. Lines wrap anywhere (and Chinese has no spaces),
    so spaces are ignored; right-to-left lines come back in visual order, so for Arabic every
    Arabic word must be there, and the numbers as they are."""
    if language == "ar":
        words = ARABIC_WORD.findall(sentence)
        numbers = re.findall(r"\d+", sentence)
        return bool(words) and all(w in text for w in words) and all(n in text for n in numbers)
    return squeezed(sentence) in squeezed(text)


CID_CHAR = re.compile(r"<([0-9a-fA-F]+)>\s+(\d+)")
CID_RANGE = re.compile(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s+(\d+)")


def _code_to_glyph(font):
    """code -> glyph id for one of WeasyPrint's Type0 fonts (two-byte codes): Identity-H, or
    a CMap of its own (WP-Encod-n) with cidchar/cidrange entries; CIDs are glyph ids."""
    assert font.Subtype == "/Type0"
    descendant = font.DescendantFonts[0]
    assert "/FontFile2" in descendant.FontDescriptor  # the font is embedded
    assert descendant.get("/CIDToGIDMap", pikepdf.Name.Identity) == pikepdf.Name.Identity
    if font.Encoding == "/Identity-H":
        return None  # the code is the glyph id
    cmap = font.Encoding.read_bytes().decode("ascii")
    glyphs = {}
    for block in re.findall(r"begincidrange(.*?)endcidrange", cmap, re.S):
        for low, high, first in CID_RANGE.findall(block):
            for offset in range(int(high, 16) - int(low, 16) + 1):
                glyphs[int(low, 16) + offset] = int(first) + offset
    for block in re.findall(r"begincidchar(.*?)endcidchar", cmap, re.S):
        glyphs.update({int(code, 16): int(cid) for code, cid in CID_CHAR.findall(block)})
    return glyphs


def english_printed(sentence, text):
    """The English beneath. In a right-to-left page, an English line's brackets come back
    mirrored from the PDF's text, so brackets are not compared."""
    return squeezed(re.sub(r"[()]", "", sentence)) in squeezed(re.sub(r"[()]", "", text))


def shown_glyph_ids(data):
    """Every glyph id the pages draw; id 0 is .notdef, a character no embedded font has."""
    ids = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            fonts = {str(name): _code_to_glyph(f) for name, f in page.Resources.Font.items()}
            glyphs = None
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) == "Tf":
                    glyphs = fonts[str(operands[0])]
                    continue
                if str(operator) == "Tj":
                    strings = [operands[0]]
                elif str(operator) == "TJ":
                    strings = [item for item in operands[0] if isinstance(item, pikepdf.String)]
                else:
                    continue
                for string in strings:
                    raw = bytes(string)
                    codes = [int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2)]
                    ids += codes if glyphs is None else [glyphs[code] for code in codes]
    return ids


def assert_every_character_drawn(data):
    ids = shown_glyph_ids(data)
    assert ids and 0 not in ids


@pytest.fixture
def volunteer(login_as):
    return login_as("volunteer")


@pytest.fixture
def applicant(make, volunteer):
    """A demo-like applicant with a complete interview (the answers prefer Vietnamese)."""
    case = make.case(make.event(staff=[volunteer.user]), by=volunteer.user)
    complete_interview(volunteer, case.id)
    return case


@pytest.fixture
def citizen(make):
    make.election("MA", date(2027, 3, 2), "municipal", "Town election")
    return make.case_at("oath", answers={"residence": {"state": "MA"}}, **CITIZEN)


def checklist_sentences(app, case_id):
    """What the checklist must say (as Said sentences) and the dates it must print."""
    with app.test_request_context():
        doc = checklist_context(db.session.get(Case, case_id), utcnow())
    stand, fee = doc["stand"], doc["fee"]
    sentences = [
        say("Your citizenship checklist"),
        say("Documents to bring"),
        stand["headline"],
        *stand["details"],
        stand["date_line"]["sentence"],
        fee["sentence"],
        *[document["label"] for document in doc["documents"]],
    ]
    return sentences, [stand["date_line"]["date"]]


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_checklist_prints_in_each_language_with_the_english_beneath(
    app, volunteer, applicant, language
):
    response = volunteer.get(f"/cases/{applicant.id}/print/checklist.pdf?language={language}")
    assert response.status_code == 200
    text = pdf_text(response.data)
    sentences, dates = checklist_sentences(app, applicant.id)
    with app.test_request_context():
        for sentence in sentences:
            assert printed(sentence.in_language(language), text, language), sentence
            assert english_printed(sentence, text), sentence  # the English beneath
        for day in dates:
            assert printed(long_date(day, language), text, language)
    assert_every_character_drawn(response.data)


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_voter_checklist_prints_in_each_language_with_the_english_beneath(
    app, login_as, citizen, language
):
    coordinator = login_as("coordinator")
    response = coordinator.get(f"/cases/{citizen.id}/voter/checklist.pdf?language={language}")
    assert response.status_code == 200
    text = pdf_text(response.data)
    with app.test_request_context():
        doc = voter_context(db.session.get(Case, citizen.id), today(), utcnow())
        election = doc["election"]
        sentences = [
            say("Register to vote"),
            say("What to bring"),
            say(
                "%(state)s: %(election)s is on %(on)s.",
                state=doc["state"],
                election=election["name"],
                on=election["date"],
            ),
            *[say("%(channel)s: %(when)s", **d) for d in doc["deadlines"]],
            doc["id_number"],
        ]
        for sentence in sentences:
            assert printed(sentence.in_language(language), text, language), sentence
            assert english_printed(sentence, text), sentence
        assert printed(long_date(election["date"], language), text, language)
    assert_every_character_drawn(response.data)


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "2 Mar 2027"),
        ("es", "2 de marzo de 2027"),
        ("pt_BR", "2 de março de 2027"),
        ("ht", "2 mas 2027"),
        ("zh_Hans", "2027年3月2日"),
        ("vi", "2 tháng 3, 2027"),
        ("ar", "2 مارس 2027"),
    ],
)
def test_dates_are_written_the_way_each_language_writes_them(language, written):
    assert long_date(date(2027, 3, 2), language) == written


def test_arabic_pages_run_right_to_left_and_english_left_to_right(login_as, citizen):
    coordinator = login_as("coordinator")
    page = coordinator.get(f"/cases/{citizen.id}/voter/checklist?language=ar").get_data(
        as_text=True
    )
    assert '<html lang="ar" dir="rtl">' in page
    assert '<span class="english" lang="en" dir="ltr">Register to vote</span>' in page


def test_dollars_in_arabic_stay_one_left_to_right_run(app):
    with app.test_request_context():
        from clinic.i18n.words import Dollars

        sentence = say("The fee is %(paper)s on paper, or %(online)s if you apply online.")
        sentence = say(sentence.message, paper=Dollars(760), online=Dollars(710))
        assert "\u2066760\xa0US$\u2069" in sentence.in_language("ar")
        assert "760\xa0US$" in sentence.in_language("es") and str(sentence).startswith(
            "The fee is $760 on paper"
        )


def test_a_character_no_font_has_is_caught_by_the_glyph_check(app):
    """The .notdef check is not vacuous: a private-use character has no glyph anywhere."""
    from clinic.packets.pdf import render_pdf

    data = render_pdf("<html><body><p>A \ue000 B</p></body></html>", app.static_folder)
    assert 0 in shown_glyph_ids(data)


def test_the_interviews_language_is_the_default_and_another_can_be_asked_for(
    app, volunteer, applicant
):
    vietnamese = pdf_text(volunteer.get(f"/cases/{applicant.id}/print/checklist.pdf").data)
    assert "Danh sách việc cần làm để nhập tịch" in vietnamese
    spanish = volunteer.get(f"/cases/{applicant.id}/print/checklist?language=es")
    assert "Su lista para la ciudadanía" in spanish.get_data(as_text=True)
    assert volunteer.get(f"/cases/{applicant.id}/print/checklist?language=xx").status_code == 404
    english = volunteer.get(f"/cases/{applicant.id}/print/checklist?language=en")
    page = english.get_data(as_text=True)
    assert "Your citizenship checklist" in page and 'class="english"' not in page


def test_the_case_page_offers_each_printable_language_by_its_own_name(volunteer, applicant):
    page = volunteer.get(f"/cases/{applicant.id}").get_data(as_text=True)
    assert '<label for="checklist-language">In another language</label>' in page
    assert '<option value="vi" selected>Tiếng Việt (Vietnamese)</option>' in page
    for name in ("Español (Spanish)", "Kreyòl ayisyen (Haitian Creole)", "العربية (Arabic)"):
        assert name in page


def test_each_applicant_in_a_packet_reads_their_own_language(app, login_as, make):
    coordinator = login_as("coordinator")
    volunteer = login_as("volunteer")
    event = make.event(staff=[volunteer.user])
    for given, language in (("Rosa", "es"), ("Wei", "zh_Hans"), ("Amal", "Arabic")):
        case = make.case(event, given=given, family="Test", by=volunteer.user)
        complete_interview(
            volunteer,
            case.id,
            green_card={"a_number": ""},
            contact={"given_names": given, "family_names": "Test", "language": language},
        )
    job_url = coordinator.post(f"/events/{event.id}/packet").headers["Location"]
    download = coordinator.get(f"{job_url}/download")
    data = download.data
    download.close()
    text = pdf_text(data)
    assert "Su lista para la ciudadanía" in text and "您的入籍清单" in squeezed(text)
    assert "قائمة خطواتك للجنسية" in text
    assert text.count("Your citizenship checklist") == 3  # the English beneath, each time
    assert "Roster" in text  # the cover and roster stay in English, for the clinic
    assert_every_character_drawn(data)


def test_the_command_line_prints_a_checklist_in_the_language_asked(runner, applicant, tmp_path):
    out = tmp_path / "checklist.pdf"
    result = runner.invoke(
        args=["clinic", "checklist", str(applicant.id), str(out), "--language", "ht"]
    )
    assert result.exit_code == 0, result.output
    text = pdf_text(out.read_bytes())
    assert "Lis ou pou sitwayènte" in text and "Your citizenship checklist" in text
    default = tmp_path / "default.pdf"
    runner.invoke(args=["clinic", "checklist", str(applicant.id), str(default)])
    assert "Danh sách việc cần làm để nhập tịch" in pdf_text(default.read_bytes())
    refused = runner.invoke(
        args=["clinic", "checklist", str(applicant.id), str(out), "--language", "fr"]
    )
    assert refused.exit_code != 0 and "fr" in refused.output
    missing = runner.invoke(args=["clinic", "checklist", "999999", str(tmp_path / "none.pdf")])
    assert missing.exit_code != 0 and "No such case" in missing.output


def test_the_command_line_takes_the_case_reference_as_well(app, runner, applicant, tmp_path):
    with app.app_context():
        reference = db.session.get(Case, applicant.id).reference
    out = tmp_path / "checklist.pdf"
    result = runner.invoke(args=["clinic", "checklist", reference, str(out), "--language", "es"])
    assert result.exit_code == 0, result.output
    assert "Su lista para la ciudadanía" in pdf_text(out.read_bytes())
    unknown = runner.invoke(args=["clinic", "checklist", "2031-99999", str(out)])
    assert unknown.exit_code != 0 and "No such case" in unknown.output


def test_the_voter_checklist_command_takes_a_language(runner, citizen, tmp_path):
    out = tmp_path / "voter.pdf"
    result = runner.invoke(
        args=["clinic", "voter-checklist", str(citizen.id), str(out), "--language", "zh_Hans"]
    )
    assert result.exit_code == 0, result.output
    assert "登记投票" in squeezed(pdf_text(out.read_bytes()))


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Spanish", "es"),
        ("Mandarin", "zh_Hans"),
        ("Haitian Creole", "ht"),
        ("portuguese", "pt_BR"),
        ("vi", "vi"),
        ("Khmer", "en"),
        ("other", "en"),
        (None, "en"),
    ],
)
def test_answers_typed_before_the_list_still_choose_the_language(typed, code):
    assert language_code(typed) == code


def test_a_typed_language_the_list_lacks_stays_readable_and_is_kept(app, volunteer, applicant):
    with app.app_context():
        section = db.session.get(Case, applicant.id).section("contact")
        section.answers = {**section.answers, "language": "Khmer"}
        db.session.commit()
    page = volunteer.get(f"/cases/{applicant.id}/intake/contact").get_data(as_text=True)
    assert '<option selected value="Khmer">Khmer (as typed before)</option>' in page
    assert '<option value="es">Español (Spanish)</option>' in page
    # Saving the section again keeps it; printables for it come in English.
    post_section(volunteer, applicant.id, "contact", {"language": "Khmer"})
    with app.app_context():
        assert db.session.get(Case, applicant.id).section("contact").answers["language"] == "Khmer"
    text = pdf_text(volunteer.get(f"/cases/{applicant.id}/print/checklist.pdf").data)
    assert "Your citizenship checklist" in text and "Danh sách" not in text


def test_a_typed_language_the_list_has_is_shown_as_chosen(app, volunteer, applicant):
    """The interview's stored "Vietnamese" (typed before the list) shows as Tiếng Việt."""
    page = volunteer.get(f"/cases/{applicant.id}/intake/contact").get_data(as_text=True)
    assert '<option selected value="vi">Tiếng Việt (Vietnamese)</option>' in page
