"""The app names finding codes from the screening's registry, and maps only real codes."""

import ast
import re
from pathlib import Path

from clinic.cases.policy import SENSITIVE_FINDINGS
from clinic.packets.context import BEFORE_FILING
from clinic.review.findings import FINDING_NAMES, FINDING_SECTIONS
from clinic.screening import codes
from clinic.screening.documents import LABELS
from tests.test_ui_strings import MARKERS  # the translation markers, named once

ROOT = Path(__file__).resolve().parents[1]
# The screening's own modules are held to the registry by tests/screening/test_codes.py;
# landed migrations are never edited.
APP_MODULES = sorted(
    path
    for path in (ROOT / "clinic").rglob("*.py")
    if not path.is_relative_to(ROOT / "clinic" / "screening")
    and not path.is_relative_to(ROOT / "clinic" / "migrations")
)
QUOTED = re.compile(r"""["']([A-Z][A-Z0-9_]+)["']""")


def _strings(path):
    """The module's string constants, but for words marked for translation: those are
    English for people ("DUI", a row of the interview), never a code."""
    tree = ast.parse(path.read_text())
    marked = {
        id(argument)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in MARKERS
        for argument in node.args
    }
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in marked
    }


def test_every_code_the_app_maps_is_a_real_code():
    assert set(FINDING_NAMES) == codes.ALL  # the queue's filter offers each by name
    assert set(FINDING_SECTIONS) <= codes.ALL
    assert set(BEFORE_FILING) <= codes.ALL
    assert SENSITIVE_FINDINGS <= codes.ALL


def test_no_app_module_or_template_writes_a_finding_code_as_a_bare_string():
    # A document code may share a finding's name (TAX_PAYMENT_PLAN): those are the documents'.
    allowed = set(LABELS)
    for path in APP_MODULES:
        bare = (_strings(path) & codes.ALL) - allowed
        assert not bare, f"{path.relative_to(ROOT)}: {sorted(bare)}"
    for path in (ROOT / "templates").rglob("*.html"):
        bare = (set(QUOTED.findall(path.read_text())) & codes.ALL) - allowed
        assert not bare, f"{path.relative_to(ROOT)}: {sorted(bare)}"
