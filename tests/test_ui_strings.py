"""The volunteers' pages are English, with every string marked for translation so that a later
change can add a catalogue (`make ui-messages` extracts them into clinic/translations/ui.pot).

Templates: no text or visible attribute outside `_()`, `gettext()`, `ngettext()` or a
`{% trans %}` block. Python: what forms and views show (labels, hints, choices, messages,
flashes) is marked with `_` (said now) or `_l` (defined ahead, said when shown). The printables
(templates/print/) have their own catalogues, checked by tests/test_catalogues.py.
"""

import ast
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates"
PAGE_TEMPLATES = sorted(
    p for p in TEMPLATES.rglob("*.html") if p.relative_to(TEMPLATES).parts[0] != "print"
)
MARKERS = ("_", "gettext", "ngettext", "_l", "lazy_gettext", "lazy_ngettext")

TRANS_BLOCK = re.compile(r"{%-?\s*trans\b.*?{%-?\s*endtrans\s*-?%}", re.S)
COMMENT = re.compile(r"{#.*?#}", re.S)
STATEMENT = re.compile(r"{%.*?%}", re.S)
EXPRESSION = re.compile(r"{{.*?}}", re.S)
LETTER = re.compile(r"[^\W\d_]")
SHOWN_ATTRIBUTES = {"alt", "title", "placeholder", "aria-label", "aria-description", "label"}
# Written the same in every language: symbols, and names of forms and offices.
NOT_WORDS = re.compile(r"^(N-400|N-600|N-648|I-912|I-797C|USCIS|PDF|CSV|UTC|SVG|OK)$")


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        # An input button shows its value; a <button>'s value is only sent, never shown.
        pressed = tag == "input" and dict(attrs).get("type") in ("submit", "button", "reset")
        shown = SHOWN_ATTRIBUTES | ({"value"} if pressed else set())
        for name, value in attrs:
            if name in shown and value:
                self._check(value, f'{tag} {name}="{value}"')

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data):
        if not self._skip:
            self._check(data, data.strip())

    def _check(self, text, shown):
        words = [w for w in text.replace("\x00", " ").split() if LETTER.search(w)]
        if any(not NOT_WORDS.match(w.strip(".,:;()")) for w in words):
            self.found.append(" ".join(shown.replace("\x00", " ").split())[:80])


def unmarked_text(source):
    """Text a page shows that is not marked for translation (Jinja replaced by a blank)."""
    source = COMMENT.sub("", source)
    source = TRANS_BLOCK.sub("\x00", source)
    source = STATEMENT.sub(" ", source)  # a tag's {% if %} attributes stay a tag
    source = EXPRESSION.sub(
        lambda m: "\x00" + " ".join(_prose_literals(m.group())) + "\x00", source
    )
    parser = _Text()
    parser.feed(source)
    parser.close()
    return parser.found


LITERAL = re.compile(
    r"""(?<![\w.])(?P<call>(?:_|gettext|ngettext)\(\s*)?(?P<q>['"])(?P<s>(?:\\.|(?!(?P=q)).)*)(?P=q)"""
)


def _prose_literals(expression):
    """String literals of an output expression that read as prose (a word, a space, a word)
    and are not the argument of a marker: returned so that the text check sees them."""
    found = []
    for match in LITERAL.finditer(expression):
        text = match.group("s")
        if match.group("call") or not re.search(r"[A-Za-z]{2,}[,.!?:]? [A-Za-z]", text):
            continue
        if "%" in text and re.search(r"%[A-Za-z]", text):  # a date or number format
            continue
        found.append(text)
    return found


@pytest.mark.parametrize("template", PAGE_TEMPLATES, ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_every_string_a_page_shows_is_marked(template):
    assert unmarked_text(template.read_text(encoding="utf-8")) == []


def test_the_check_finds_unmarked_text():
    assert unmarked_text("<h1>Stuck cases</h1>") == ["Stuck cases"]
    assert unmarked_text('<nav aria-label="Pages"></nav>') == ['nav aria-label="Pages"']
    assert unmarked_text("{{ 'the answer' if one else 'the answers' }}") != []
    assert (
        unmarked_text(
            "<h1>{{ _('Stuck cases') }}</h1><p>{% trans n=3 %}{{ n }} days{% endtrans %}</p>"
        )
        == []
    )
    assert unmarked_text("<p>{{ case.reference }} · Form N-400</p>") == ["· Form N-400"]
    assert unmarked_text("<td>{{ when|local_time('%Y-%m-%d %H:%M') }}</td><p>USCIS</p>") == []


# ---- Python ------------------------------------------------------------------------------

PYTHON = sorted(
    p
    for p in (ROOT / "clinic").rglob("*.py")
    if not {"migrations", "screening", "demo"} & set(p.relative_to(ROOT / "clinic").parts)
    and p.name not in ("cli.py",)
)
SHOWN_KEYWORDS = {"label", "description", "message"}
# Refusals whose message a volunteer reads on the page (operators' errors stay English).
SHOWN_REFUSALS = {
    "ValidationError",
    "StopValidation",
    "ServiceError",
    "TransitionRefused",
    "NotAllowed",
    "BundleRefused",
    "NotApproved",
    "NotACitizenYet",
}


def _is_marked(node):
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS
    )


def _prose(node):
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and re.search(r"[A-Za-z]{2,}", node.value)
    )


def unmarked_python(source):
    """(line, text) of what a form or view shows, written in Python and not marked."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            for value in _shown_arguments(node):
                if isinstance(value, ast.JoinedStr) or _prose(value):
                    found.append((value.lineno, ast.unparse(value)[:60]))
    return found


def _shown_arguments(call):
    """The arguments of a call that a page shows: a flash, a field's label, a refusal's
    message, labels, hints and messages by keyword, each choice's label."""
    name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")
    first = call.args[:1]
    shown = []
    if name == "flash" or name in SHOWN_REFUSALS or name.endswith(("Field", "_field")):
        shown += first
    shown += [k.value for k in call.keywords if k.arg in SHOWN_KEYWORDS]
    for k in call.keywords:
        if k.arg == "choices" and isinstance(k.value, (ast.List, ast.Tuple)):
            shown += [
                c.elts[1] for c in k.value.elts if isinstance(c, ast.Tuple) and len(c.elts) == 2
            ]
    return shown


@pytest.mark.parametrize("module", PYTHON, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_string_a_form_or_view_shows_is_marked(module):
    assert unmarked_python(module.read_text(encoding="utf-8")) == []


def test_the_python_check_finds_unmarked_text():
    assert unmarked_python('flash("Saved.")') == [(1, "'Saved.'")]
    assert unmarked_python('StringField("Given names", description="As on the card.")') == [
        (1, "'Given names'"),
        (1, "'As on the card.'"),
    ]
    assert unmarked_python('flash(_("Saved."))\nStringField(_l("Given names"))') == []
    assert unmarked_python('raise ValidationError(f"Too long: {n}")') != []


def test_the_volunteers_catalogue_extracts(tmp_path):
    out = tmp_path / "ui.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel-ui.cfg",
            *[
                arg
                for marker in ("_", "gettext", "ngettext:1,2", "_l", "lazy_gettext")
                for arg in ("-k", marker)
            ],
            "--no-default-keywords",
            "--ignore-dirs=.* node_modules",  # templates/_macros too (Babel skips _* by default)
            "-o",
            str(out),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    catalogue = out.read_text(encoding="utf-8")
    assert 'msgid "Stuck cases"' in catalogue
    assert "templates/_macros/forms.html" in catalogue  # the macros' messages are extracted
    assert "clinic/intake/forms.py" in catalogue
    assert catalogue.count("msgid ") > 500
