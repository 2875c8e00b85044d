"""The applicants' catalogues match what the code and templates say, message for message.

A fresh extraction (babel.cfg, the same keywords as `make messages`) is compared with every
clinic/translations/*/LC_MESSAGES/messages.po: a message missing from a catalogue, one kept
there that nothing says any more, an untranslated or fuzzy one, or a translation whose
placeholders differ from the English, fails here and names itself.
"""

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from clinic import PROJECT_ROOT
from clinic.i18n.languages import ENGLISH, LANGUAGES

ROOT = Path(PROJECT_ROOT)
KEYWORDS = {"say": None, "N_": None, "both": None}
PLACEHOLDER = re.compile(r"%\((\w+)\)s|%[sd%]")


@pytest.fixture(scope="module")
def extracted():
    with open(ROOT / "babel.cfg") as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = extract_from_dir(str(ROOT), method_map, options_map, keywords=KEYWORDS, comment_tags=())
    return {message for _, _, message, _, _ in found if message}


def catalogue(language):
    path = ROOT / "clinic" / "translations" / language / "LC_MESSAGES" / "messages.po"
    with open(path, "rb") as po:
        return read_po(po)


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def test_extraction_finds_the_applicants_sentences(extracted):
    assert "Your citizenship checklist" in extracted  # templates/print
    assert "Earliest date to apply: %(on)s." in extracted  # clinic/packets
    assert "at your polling place" in extracted  # clinic/voter/data/states.json
    assert "Why: %(why)s" in extracted


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != ENGLISH])
def test_each_catalogue_has_every_message_and_no_other(extracted, language):
    translated = {m.id: m for m in catalogue(language) if m.id}
    assert sorted(extracted - set(translated)) == [], "missing: run make messages, translate"
    assert sorted(set(translated) - extracted) == [], "stale: run make messages"
    assert [m.id for m in translated.values() if not m.string or m.fuzzy] == []


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != ENGLISH])
def test_translations_keep_the_englishs_placeholders(language):
    different = [
        (m.id, m.string)
        for m in catalogue(language)
        if m.id and placeholders(m.id) != placeholders(m.string)
    ]
    assert different == []


def test_a_catalogue_change_is_caught(extracted, tmp_path):
    """The comparison itself: a stale message and a lost placeholder are both seen."""
    po = catalogue("es")
    po.add("A sentence nothing says", "Una frase que nada dice")
    assert set(m.id for m in po if m.id) - extracted == {"A sentence nothing says"}
    assert placeholders("Wait until %(on)s to apply.") != placeholders("Espere para presentar.")
