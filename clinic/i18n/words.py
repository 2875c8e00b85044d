"""Sentences an applicant reads: English as written here, any other language from its catalogue.

`say("You applied on %(on)s.", on=day)` is a `Said`: a str holding the English sentence (so
code and tests read it as plain text), that also renders in any language of LANGUAGES with
`in_language(code)`. What fills a placeholder renders in the same language: a date in that
language's long form ("3 de marzo de 2027", "2027年3月3日"), `Dollars` as US dollars in its
number format, another Said in that language, anything else (a name) as it is.

In Arabic, what fills a placeholder is isolated (Unicode isolates), so a name, a URL or an
amount keeps its own direction. English dates stay as the rest of Clinic writes them
("3 Mar 2027"). Babel has no month names
for Haitian Creole, so those are here.
"""

import datetime

from clinic.screening.dates import spoken

RIGHT_TO_LEFT = frozenset({"ar"})
# Unicode isolates: inside right-to-left text, a left-to-right run (a name, a URL, an amount)
# keeps its own order ("/https://…" and "$US 380" otherwise).
FIRST_STRONG_ISOLATE, LEFT_TO_RIGHT_ISOLATE, POP_ISOLATE = "\u2068", "\u2066", "\u2069"
HAITIAN_MONTHS = (
    "janvye",
    "fevriye",
    "mas",
    "avril",
    "me",
    "jen",
    "jiyè",
    "out",
    "septanm",
    "oktòb",
    "novanm",
    "desanm",
)
HAITIAN_DAYS = ("lendi", "madi", "mèkredi", "jedi", "vandredi", "samdi", "dimanch")


class Dollars(int):
    """An amount of US dollars (whole dollars: USCIS fees have no cents)."""


class Weekday(datetime.date):
    """A date read as its day of the week ("Saturday", "sábado")."""

    @classmethod
    def of(cls, day):
        return cls(day.year, day.month, day.day)


class Said(str):
    """An applicant-facing sentence: str is the English; in_language() any other."""

    def __new__(cls, message, params):
        english = message % {k: _english(v) for k, v in params.items()} if params else message
        said = super().__new__(cls, english)
        said.message, said.params = message, params
        return said

    def in_language(self, code):
        """The sentence in a language of LANGUAGES (needs an app context: the catalogues)."""
        if code == "en":
            return str(self)
        from flask_babel import force_locale, gettext

        with force_locale(code):
            params = {k: _shown(v, code) for k, v in self.params.items()}
            return gettext(self.message, **params)


def N_(message):
    """Marks English for the catalogues where say() is called later (with the date)."""
    return message


def say(message, **params):
    """A sentence to translate; `message` is English with %(name)s placeholders."""
    return Said(message, params)


def _english(value):
    if isinstance(value, Said):
        return str(value)
    if isinstance(value, Dollars):
        return f"${value:,}"
    if isinstance(value, Weekday):
        return f"{value:%A}"
    if isinstance(value, datetime.date):
        return spoken(value)
    return value


def _shown(value, code):
    if isinstance(value, Said):
        return value.in_language(code)
    if isinstance(value, Dollars):
        return dollars(value, code)
    if isinstance(value, Weekday):
        return weekday(value, code)
    if isinstance(value, datetime.date):
        return long_date(value, code)
    if code in RIGHT_TO_LEFT and isinstance(value, str):
        return FIRST_STRONG_ISOLATE + value + POP_ISOLATE
    return value


def long_date(day, code):
    if code == "en":
        return spoken(day)
    if code == "ht":
        return f"{day.day} {HAITIAN_MONTHS[day.month - 1]} {day.year}"
    from babel.dates import format_date

    return format_date(day, "long", locale=code)


def weekday(day, code):
    if code == "en":
        return f"{day:%A}"
    if code == "ht":
        return HAITIAN_DAYS[day.weekday()]
    from babel.dates import format_date

    return format_date(day, "EEEE", locale=code)


def dollars(amount, code):
    """Whole US dollars in the language's currency format: "$760", "760 US$", "US$ 760"."""
    from babel import Locale
    from babel.numbers import format_currency

    pattern = Locale.parse(code).currency_formats["standard"].pattern.replace(".00", "")
    text = format_currency(amount, "USD", format=pattern, locale=code, currency_digits=False)
    if code in RIGHT_TO_LEFT:
        return LEFT_TO_RIGHT_ISOLATE + text.replace("\u200f", "") + POP_ISOLATE
    return text
