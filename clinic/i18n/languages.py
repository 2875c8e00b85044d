"""The languages applicant printables come in, each named in its own language.

The interview's "Preferred language" stores one of these codes. Older cases hold what a
volunteer typed ("Spanish", "Mandarin"): `language_code` reads those too, and a typed answer
that names no language here is kept as typed (its printables come in English).
"""

from wtforms import SelectField
from wtforms.fields.choices import SelectChoice

from clinic.i18n.words import RIGHT_TO_LEFT

ENGLISH = "en"
# Code -> the language's name in itself (the choice the applicant recognizes on the screen).
LANGUAGES = {
    "en": "English",
    "es": "Español",
    "pt_BR": "Português (Brasil)",
    "ht": "Kreyòl ayisyen",
    "zh_Hans": "中文（简体）",  # noqa: RUF001 - Chinese parentheses
    "vi": "Tiếng Việt",
    "ar": "العربية",
}
ENGLISH_NAMES = {
    "en": "English",
    "es": "Spanish",
    "pt_BR": "Portuguese (Brazil)",
    "ht": "Haitian Creole",
    "zh_Hans": "Chinese (Simplified)",
    "vi": "Vietnamese",
    "ar": "Arabic",
}
OTHER = "other"
# What volunteers typed before the list existed (lower case), read as the language it names.
TYPED = {
    "english": "en",
    "spanish": "es",
    "español": "es",
    "espanol": "es",
    "castellano": "es",
    "portuguese": "pt_BR",
    "brazilian portuguese": "pt_BR",
    "portuguese (brazil)": "pt_BR",
    "português": "pt_BR",
    "portugues": "pt_BR",
    "haitian creole": "ht",
    "haitian": "ht",
    "creole": "ht",
    "kreyòl": "ht",
    "kreyol": "ht",
    "kreyòl ayisyen": "ht",
    "chinese": "zh_Hans",
    "mandarin": "zh_Hans",
    "chinese (simplified)": "zh_Hans",
    "中文": "zh_Hans",
    "普通话": "zh_Hans",
    "vietnamese": "vi",
    "tiếng việt": "vi",
    "arabic": "ar",
    "العربية": "ar",
}


def known_language(answer):
    """The code an answer names (a code or a typed name), or None."""
    if answer in LANGUAGES:
        return answer
    return TYPED.get(str(answer).strip().lower()) if answer else None


def language_code(answer):
    """The printables' language for an interview answer: the language it names, or English."""
    return known_language(answer) or ENGLISH


def case_language(case):
    """The language of a case's printables, from its interview's contact section."""
    section = case.section("contact")
    return language_code(section.answers.get("language") if section else None)


def text_direction(code):
    return "rtl" if code in RIGHT_TO_LEFT else "ltr"


def named_languages():
    """(code, label) of each language: its own name, then the English one for volunteers."""
    return [
        (code, name if code == ENGLISH else f"{name} ({ENGLISH_NAMES[code]})")
        for code, name in LANGUAGES.items()
    ]


def choices():
    """The interview's list: every printable language, then any other."""
    return [*named_languages(), (OTHER, "Another language (printables in English)")]


class LanguageField(SelectField):
    """The preferred language as a choice from the list. An answer typed before the list
    shows as the language it names, or else, as typed, as one more choice: saving the section
    again keeps it (posted answers are checked for length, as the typed answer was)."""

    def __init__(self, label=None, validators=None, **kwargs):
        listed = [("", "Choose…"), *choices()]
        kwargs.setdefault("choices", [SelectChoice(value, label) for value, label in listed])
        super().__init__(label, validators, validate_choice=False, **kwargs)

    def process_data(self, value):
        known = known_language(value)
        if value and known is None and value not in {c.value for c in self.choices}:
            self.choices = [*self.choices, SelectChoice(value, f"{value} (as typed before)")]
        self.data = known or value or None

    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        self.data = self.data or None


def asked_language(value):
    """A printable's ?language= (None when not asked); ValueError for a language not listed."""
    if value is None or value == "":
        return None
    if value not in LANGUAGES:
        raise ValueError(value)
    return value
