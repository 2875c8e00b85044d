"""The one place the app reads the clock. Tests pass time in through the CLOCK setting."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import current_app, has_app_context


def system_clock():
    return datetime.now(UTC)


def utcnow():
    """Now, in UTC: from the app's CLOCK setting (a callable), else the system clock."""
    if has_app_context():
        return current_app.config["CLOCK"]()
    return system_clock()


def today():
    """Today's date where the clinic is (TIMEZONE), not in UTC."""
    return local_date(utcnow())


def local_date(moment):
    """The date where the clinic is (TIMEZONE) of an aware datetime."""
    return moment.astimezone(ZoneInfo(current_app.config["TIMEZONE"])).date()
