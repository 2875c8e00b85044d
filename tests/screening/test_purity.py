"""The screening package stays pure: no Flask, no SQLAlchemy, no clock."""

import re
import subprocess
import sys
from pathlib import Path

import clinic.screening

PACKAGE = Path(clinic.screening.__file__).parent


def test_importing_and_screening_loads_neither_flask_nor_sqlalchemy():
    code = (
        "import sys, json\n"
        "from clinic.screening import screen_json\n"
        "screen_json({'as_of': '2026-11-30', 'person': {'date_of_birth': '1980-01-01'},"
        " 'residence': {'lpr_since': '2015-01-01'}})\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('flask', 'sqlalchemy')]\n"
        "print(json.dumps(loaded))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert completed.stdout.strip() == "[]"


def test_no_module_reads_the_clock():
    clock = re.compile(r"\b(today|now|utcnow|time\.time|perf_counter|localtime)\(")
    for path in PACKAGE.rglob("*.py"):
        assert not clock.search(path.read_text()), f"{path.name} reads the clock"


def test_no_module_imports_the_rest_of_clinic():
    for path in PACKAGE.rglob("*.py"):
        for line in path.read_text().splitlines():
            if line.startswith(("import clinic", "from clinic")):
                assert line.startswith(("from clinic.screening", "import clinic.screening")), (
                    f"{path.name}: {line}"
                )
