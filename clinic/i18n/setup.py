"""Flask-Babel on the app, and `both()` for print templates: the applicant's language first,
English beneath it (smaller, for the volunteer), or English alone."""

from flask import abort, request
from flask_babel import Babel
from jinja2 import pass_context
from markupsafe import Markup, escape

from clinic.i18n.languages import (
    ENGLISH,
    asked_language,
    case_language,
    named_languages,
    text_direction,
)
from clinic.i18n.words import Said, say

babel = Babel()


def html_lang(code):
    """A catalogue's code as an HTML lang attribute: zh_Hans -> zh-Hans."""
    return code.replace("_", "-")


@pass_context
def both(context, text, **params):
    """`text` (a Said, or English with %(name)s placeholders) in the page's `language`, with
    the English beneath unless the page is in English."""
    said = text if isinstance(text, Said) else say(text, **params)
    language = context.get("language") or ENGLISH
    english = escape(str(said))
    if language == ENGLISH:
        return english
    return Markup(
        '<span class="own">{}</span><span class="english" lang="en" dir="ltr">{}</span>'
    ).format(said.in_language(language), english)


def language_or_404():
    """A printable's ?language= (None: the interview's); 404 for a language not listed."""
    try:
        return asked_language(request.args.get("language"))
    except ValueError:
        abort(404)


def init_babel(app):
    """English for the volunteers' pages (every string marked, ready for a catalogue);
    printables choose their language themselves (Said.in_language)."""
    babel.init_app(app, locale_selector=lambda: ENGLISH)
    app.jinja_env.globals.update(
        both=both,
        text_direction=text_direction,
        case_language=case_language,
        printable_languages=named_languages,
    )
    app.jinja_env.filters["html_lang"] = html_lang
