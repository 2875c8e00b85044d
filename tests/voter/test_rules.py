"""Registration deadlines per state and channel on known dates, and the channel to use."""

from datetime import date

import pytest

from clinic.voter import rules

GENERAL_2026 = date(2026, 11, 3)  # a Tuesday


def by_channel(state, election=GENERAL_2026, kind="general", naturalized_on=None):
    return {d.channel: d for d in rules.deadlines(state, election, kind, naturalized_on)}


def test_massachusetts_ten_days_and_the_new_citizen_window():
    found = by_channel("MA", naturalized_on=date(2026, 10, 28))
    assert {found[c].last_day for c in ("online", "mail", "in_person")} == {date(2026, 10, 24)}
    assert found["mail"].kind == "postmarked" and found["online"].until == "11:59 p.m."
    assert "Saturday" in found["in_person"].note  # 24 Oct 2026 is a Saturday
    late = found["new_citizen"]
    assert (late.last_day, late.until, late.applies) == (date(2026, 11, 2), "4 p.m.", True)
    assert "c.51 s.50" in late.needs
    assert "election_day" not in found  # no Election Day registration (a dated switch)


def test_the_late_window_is_only_for_people_naturalized_after_the_deadline():
    assert not by_channel("MA", naturalized_on=date(2026, 10, 1))["new_citizen"].applies
    assert by_channel("MA", naturalized_on=date(2026, 10, 25))["new_citizen"].applies


def test_rhode_island_thirty_days_and_election_day_only_for_president():
    found = by_channel("RI")
    assert {d.last_day for d in found.values()} == {date(2026, 10, 4)}
    presidential = by_channel("RI", election=date(2028, 11, 7))
    assert presidential["election_day"].last_day == date(2028, 11, 7)
    assert "President" in presidential["election_day"].needs


def test_vermont_registers_up_to_election_day():
    found = by_channel("VT")
    assert {d.last_day for d in found.values()} == {GENERAL_2026}
    assert set(found) == {"online", "mail", "in_person", "election_day"}


def test_maine_twenty_one_days_by_post_or_online_and_in_person_on_the_day():
    found = by_channel("ME")
    assert found["online"].last_day == found["mail"].last_day == date(2026, 10, 13)
    assert found["mail"].kind == "received"
    assert found["in_person"].last_day == GENERAL_2026


def test_connecticut_seven_days_five_for_primaries_and_the_new_citizen_session():
    found = by_channel("CT", naturalized_on=date(2026, 10, 30))
    assert found["in_person"].last_day == date(2026, 10, 27)
    assert found["new_citizen"].last_day == date(2026, 11, 2)
    assert (found["new_citizen"].until, found["new_citizen"].applies) == ("5 p.m.", True)
    assert found["election_day"].last_day == GENERAL_2026
    primary = by_channel("CT", election=date(2026, 8, 11), kind="primary")
    assert primary["online"].last_day == primary["mail"].last_day == date(2026, 8, 6)
    assert "new_citizen" not in primary  # the limited session is for regular elections


def test_new_hampshire_clerk_or_the_polls_never_online_or_federal_form():
    found = by_channel("NH")
    assert set(found) == {"in_person", "election_day"}
    assert rules.state_rules("NH")["federal_form"] is False
    assert not rules.can_register_online("NH", True, True)


def test_weekday_windows_step_back_over_a_weekend():
    monday_election = date(2026, 11, 9)
    assert by_channel("CT", election=monday_election)["new_citizen"].last_day == date(
        2026, 11, 6
    )  # the Friday
    wednesday = date(2026, 11, 11)  # ten days before is a Sunday
    assert "mail it by Saturday" in by_channel("MA", election=wednesday)["mail"].note


def test_a_dated_switch_turns_massachusetts_election_day_registration_on(monkeypatch):
    data = rules.rules_data()
    entries = [
        *data["switches"]["ma_election_day_registration"],
        {"from": "2027-01-01", "value": True, "note": "test"},
    ]
    monkeypatch.setitem(data["switches"], "ma_election_day_registration", entries)
    assert "election_day" not in by_channel("MA")
    assert "election_day" in by_channel("MA", election=date(2027, 11, 2))


@pytest.mark.parametrize(
    ("state", "today", "holds", "naturalized", "expected"),
    [
        ("MA", date(2026, 10, 1), (True, True), None, "online"),
        ("MA", date(2026, 10, 1), (True, False), None, "mail"),  # RMV record lacks citizenship
        ("MA", date(2026, 10, 24), (False, False), None, "in_person"),  # too late to mail
        ("MA", date(2026, 10, 28), (False, False), date(2026, 10, 28), "new_citizen"),
        ("MA", date(2026, 11, 3), (True, True), date(2026, 10, 28), None),
        ("NH", date(2026, 10, 1), (True, True), None, "in_person"),
        ("NH", date(2026, 10, 30), (True, True), None, "election_day"),
        ("RI", date(2026, 9, 1), (False, False), None, "mail"),
        ("RI", date(2026, 9, 1), (True, False), None, "online"),
        ("VT", date(2026, 11, 1), (False, False), None, "online"),  # the SSN is enough
        ("ME", date(2026, 10, 10), (False, False), None, "online"),
        ("ME", date(2026, 10, 20), (False, False), None, "in_person"),
        ("CT", date(2026, 10, 29), (True, True), date(2026, 10, 29), "new_citizen"),
        ("CT", date(2026, 11, 3), (True, True), date(2026, 10, 29), "election_day"),
    ],
)
def test_the_recommended_channel(state, today, holds, naturalized, expected):
    found = rules.deadlines(state, GENERAL_2026, "general", naturalized)
    pick = rules.recommend(
        state, found, today, has_license=holds[0], license_shows_citizenship=holds[1]
    )
    assert (pick.channel if pick else None) == expected


@pytest.mark.parametrize(
    ("on", "words"),
    [
        (date(2024, 11, 10), "affidavit"),
        (date(2024, 11, 11), "must show documentary proof"),
        (date(2026, 11, 3), "struck down in court"),
    ],
)
def test_new_hampshire_proof_of_citizenship_is_a_dated_switch(on, words):
    assert words in rules.proof_of_citizenship("NH", on)
    assert rules.proof_of_citizenship("MA", on) is None
