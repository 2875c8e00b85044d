"""The one place the app reads the clock, so tests can pass time in instead of sleeping."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import current_app


def utcnow():
    return datetime.now(UTC)


def today():
    """Today's date where the clinic is (CLINIC_TIMEZONE), not in UTC."""
    return utcnow().astimezone(ZoneInfo(current_app.config["TIMEZONE"])).date()
