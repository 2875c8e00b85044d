"""axe-core on every page of the journey (tests/e2e/pages.py), at 1280x720 and 390x844,
WCAG 2.2 A and AA rules: no serious or critical violation. Lesser ones are counted in
tests/e2e/artifacts/axe-summary.json."""

import json

import pytest

from tests.e2e.axe import BLOCKING, check
from tests.e2e.pages import NOT_PAGES, ONE_TIME, PAGES
from tests.e2e.settings import ARTIFACTS


@pytest.fixture(scope="session")
def anonymous(coalition):
    return coalition.page_for("anonymous")


def test_every_page_passes_axe_at_both_sizes(sworn_in, packet, imported_day, anonymous):
    results = sworn_in.accessibility
    for endpoint, (role, path) in PAGES.items():
        if path is ONE_TIME:
            assert any(key.startswith(endpoint) for key in results), f"{endpoint} not checked"
            continue
        page = anonymous if role == "anonymous" else sworn_in.as_(role)
        response = page.goto(path(sworn_in))
        assert response.status == 200, f"{endpoint}: {path(sworn_in)} gave {response.status}"
        check(page, endpoint, results)
    ARTIFACTS.mkdir(exist_ok=True)
    summary = {
        page: {
            impact: sum(1 for v in found if v["impact"] == impact)
            for impact in ("minor", "moderate", "serious", "critical")
        }
        for page, found in results.items()
    }
    (ARTIFACTS / "axe-summary.json").write_text(json.dumps(summary, indent=1, sort_keys=True))
    blocking = {
        page: [v for v in found if v["impact"] in BLOCKING]
        for page, found in results.items()
        if any(v["impact"] in BLOCKING for v in found)
    }
    assert blocking == {}


def test_every_page_is_in_the_list():
    from clinic import create_app

    app = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules() if "GET" in rule.methods}
    assert endpoints - NOT_PAGES - set(PAGES) == set(), "pages missing from tests/e2e/pages.py"
