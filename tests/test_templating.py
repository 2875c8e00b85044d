"""Template filters as people read them (times, phones, counts, sentences), and templates the
CSP allows."""

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from clinic.templating import join_words, local_time, phone, plural, sentence
from tests.helpers import page_text

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


@pytest.mark.parametrize(
    ("count", "words", "shown"),
    [
        (1, ("person", "people"), "1 person"),
        (3, ("person", "people"), "3 people"),
        (0, ("answer",), "0 answers"),
        (1, ("answer",), "1 answer"),
        (1200, ("day",), "1,200 days"),
    ],
)
def test_counts_agree_with_their_noun(count, words, shown):
    assert plural(count, *words) == shown


@pytest.mark.parametrize(
    ("items", "shown"),
    [([], ""), (["Trips"], "Trips"), (["A", "B"], "A and B"), (["A", "B", "C"], "A, B and C")],
)
def test_lists_read_as_a_sentence(items, shown):
    assert join_words(items) == shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Saved: Trips outside the U.S.", "Saved: Trips outside the U.S."),
        ("Saved: Taxes", "Saved: Taxes."),
        ("still to answer: Taxes", "Still to answer: Taxes."),
        ("Really?", "Really?"),
        ("", ""),
    ],
)
def test_a_sentence_ends_with_one_mark(text, shown):
    assert sentence(text) == shown


def test_filters_are_there_for_every_template(app):
    with app.app_context():
        render = app.jinja_env.from_string(
            "{{ 1|plural('person', 'people') }}; {{ ['a', 'b']|join_words }}; {{ 'ok'|sentence }}"
        ).render
        assert render() == "1 person; a and b; Ok."


def test_an_empty_follow_up_list_says_nobody_is_waiting(login_as):
    page = page_text(login_as("coordinator").get("/voter/follow-up"))
    assert "Nobody to follow up: no new citizen is waiting to register." in page
    assert "Every new citizen is registered" not in page
