"""Template filters as people read them (times, phones), and templates the CSP allows."""

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from clinic.templating import local_time, phone

INLINE_STYLE = re.compile(r"<[^>]*\sstyle\s*=", re.IGNORECASE)


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (datetime(2026, 11, 30, 15, 14, tzinfo=UTC), "10:14"),  # EST, UTC-5
        (datetime(2026, 7, 1, 15, 14, tzinfo=UTC), "11:14"),  # EDT, UTC-4
        (datetime(2026, 12, 1, 2, 30, tzinfo=UTC), "21:30"),  # still the evening before
    ],
)
def test_times_show_in_the_clinics_time_zone(app, moment, shown):
    with app.app_context():
        assert local_time(moment, "%H:%M") == shown
        assert "UTC" not in local_time(moment)


def test_the_day_follows_the_clinics_time_zone(app):
    with app.app_context():
        assert local_time(datetime(2026, 12, 1, 2, 30, tzinfo=UTC)) == "2026-11-30 21:30"
        app.config["TIMEZONE"] = "America/Los_Angeles"
        assert local_time(datetime(2026, 12, 1, 2, 30, tzinfo=UTC)) == "2026-11-30 18:30"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("6175550199", "(617) 555-0199"),
        ("16175550199", "(617) 555-0199"),
        ("(978) 555-0142", "(978) 555-0142"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),  # not a US number: as typed
        ("442079460958", "442079460958"),
        ("555-0199 ext. 12", "555-0199 ext. 12"),
        ("Lawrence, MA\n9785550142\nMon-Thu 9-5", "Lawrence, MA\n(978) 555-0142\nMon-Thu 9-5"),
        ("receipt IOE0912345678", "receipt IOE0912345678"),  # part of a word: left alone
        (None, ""),
    ],
)
def test_phone_numbers_read_as_people_write_them(typed, shown):
    assert phone(typed) == shown


def test_no_template_has_an_inline_style(app):
    # The app's CSP is style-src 'self': a browser refuses every inline style attribute.
    templates = Path(app.root_path).parent / "templates"
    offenders = [
        str(path.relative_to(templates))
        for path in sorted(templates.rglob("*.html"))
        if INLINE_STYLE.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
