"""Date arithmetic exactly as the contract defines it, and dates written for people."""

from calendar import monthrange
from datetime import date, timedelta

ONE_DAY = timedelta(days=1)
NINETY_DAYS = timedelta(days=90)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def add_years(day, years):
    """Same month and day `years` later (or earlier); 29 February becomes 1 March (R0.2)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return date(day.year + years, 3, 1)


def add_months(day, months):
    """Same day `months` later, clipped to the last day of a shorter month."""
    year, month_index = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, month_index + 1, min(day.day, monthrange(year, month_index + 1)[1]))


def spoken(day):
    """'5 Jan 2023': unambiguous when read aloud, whatever the reader's country."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
