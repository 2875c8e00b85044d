"""Registration deadlines per state, election and channel, and the channel to recommend.

Pure functions over the dated rules in data/states.json: no Flask, no database, no clock.
"""

import datetime
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from clinic.i18n.words import Weekday, say

STATES = ("MA", "NH", "ME", "VT", "RI", "CT")
# Applicant-facing words are say(): printed in the applicant's language, English beneath.
CHANNEL_LABELS = {
    "online": say("Online"),
    "mail": say("By mail"),
    "in_person": say("In person"),
    "new_citizen": say("New-citizen late registration, in person"),
    "election_day": say("On Election Day"),
}
ELECTION_KINDS = ("general", "primary", "municipal")
# Days the post takes, so that "received by" leaves time to mail.
MAIL_DAYS = 5


@dataclass(frozen=True)
class ChannelDeadline:
    channel: str
    last_day: datetime.date
    kind: str  # submitted | postmarked | received
    until: str | None
    needs: str
    applies: bool = True  # the new-citizen window applies only after the regular cutoff
    note: str = ""

    @property
    def label(self):
        return CHANNEL_LABELS[self.channel]


@cache
def rules_data():
    text = resources.files("clinic.voter").joinpath("data/states.json").read_text()
    return json.loads(text)


def state_rules(state):
    return rules_data()["states"].get(state)


def switch(name, on):
    """A dated rule's value on a date: the latest entry whose start is on or before it."""
    value = None
    for entry in rules_data()["switches"][name]:
        start = entry["from"]
        if start is None or datetime.date.fromisoformat(start) <= on:
            value = entry["value"]
    return value


PROOF_WORDS = {
    "accepted_affidavit": say("Documents are asked for, but an affidavit can stand in for them."),
    "required": say(
        "First-time registrants must show documentary proof of citizenship: your "
        "naturalization certificate."
    ),
    "unsettled": say(
        "The law requiring documentary proof of citizenship was struck down in court in May "
        "2026 and the State appealed: bring your naturalization certificate either way."
    ),
}


def proof_of_citizenship(state, on):
    """What a state asks as proof of citizenship on a date, for rules still in dispute."""
    rules = state_rules(state)
    proof = rules.get("proof_of_citizenship") if rules else None
    return PROOF_WORDS[switch(proof["switch"], on)] if proof else None


def weekday_before(day):
    """The last weekday before `day` (registrars' and clerks' offices close on weekends)."""
    day -= datetime.timedelta(days=1)
    while day.weekday() >= 5:
        day -= datetime.timedelta(days=1)
    return day


def is_presidential(election_date, kind):
    return kind == "general" and election_date.year % 4 == 0 and election_date.month == 11


def deadlines(state, election_date, kind, naturalized_on=None):
    """Every channel's last day for this election, soonest first."""
    rules = state_rules(state)
    if rules is None:
        return []
    found = []
    for channel, rule in rules["channels"].items():
        days = (
            rule.get("primary_days_before", rule["days_before"])
            if kind == "primary"
            else rule["days_before"]
        )
        last = election_date - datetime.timedelta(days=days)
        found.append(
            ChannelDeadline(
                channel,
                last,
                rule["kind"],
                say(rule["until"]) if rule.get("until") else None,
                say(rule["needs"]),
                note=_weekend_note(last, channel, rule["kind"]),
            )
        )
    late = rules.get("new_citizen")
    if late and not (late.get("regular_elections_only") and kind == "primary"):
        regular = max((d.last_day for d in found if d.channel == "in_person"), default=None)
        day = weekday_before(election_date)
        applies = naturalized_on is None or regular is None or naturalized_on > regular
        found.append(
            ChannelDeadline(
                "new_citizen",
                day,
                "submitted",
                say(late["until"]),
                say(
                    "%(where)s (%(law)s): %(needs)s",
                    where=say(late["where"]),
                    law=late["law"],
                    needs=say(late["needs"]),
                ),
                applies=applies,
                note=""
                if applies
                else say("Only for people naturalized after the regular deadline."),
            )
        )
    if _election_day_registration(rules, election_date, kind):
        edr = rules["election_day_registration"]
        found.append(
            ChannelDeadline(
                "election_day",
                election_date,
                "submitted",
                None,
                say(edr["where"]) if edr.get("where") else say("at the polls"),
            )
        )
    return sorted(found, key=lambda d: (d.last_day, list(CHANNEL_LABELS).index(d.channel)))


def _election_day_registration(rules, election_date, kind):
    edr = rules.get("election_day_registration")
    if not edr:
        return False
    if "switch" in edr:
        return bool(switch(edr["switch"], election_date))
    if edr.get("presidential_only"):
        return is_presidential(election_date, kind)
    return bool(edr.get("all_elections"))


def _weekend_note(day, channel, kind):
    if channel == "mail" and day.weekday() == 6 and kind == "postmarked":
        return say("That is a Sunday, when post offices are closed: mail it by Saturday.")
    if channel == "in_person" and day.weekday() >= 5:
        return say(
            "That is a %(day)s: check the office's hours before you go.", day=Weekday.of(day)
        )
    return ""


def can_register_online(state, has_license, license_shows_citizenship):
    rules = state_rules(state)
    requires = rules.get("online_requires") if rules else None
    if requires is None or not rules.get("online_url"):
        return False
    if requires == "license_with_citizenship":
        return has_license and license_shows_citizenship
    if requires == "license":
        return has_license
    return True  # a license, or the last digits of the SSN every new citizen has


def recommend(state, found, today, *, has_license, license_shows_citizenship):
    """The channel to use now, given what the person holds: online when they can, else paper
    while the post can still make it, else in person; None when every channel has closed."""
    open_now = [d for d in found if d.applies and d.last_day >= today]
    for deadline in open_now:
        if deadline.channel == "online" and can_register_online(
            state, has_license, license_shows_citizenship
        ):
            return deadline
    preferences = ("mail", "in_person", "new_citizen", "election_day")
    for channel in preferences:
        for deadline in open_now:
            if deadline.channel != channel:
                continue
            if channel == "mail" and (deadline.last_day - today).days < (
                MAIL_DAYS if deadline.kind == "received" else 1
            ):
                continue
            return deadline
    return None
