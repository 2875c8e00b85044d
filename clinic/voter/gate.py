"""The hard gate: nothing about voter registration exists for a case until the person is a
citizen: an oath date on or before today and a naturalization certificate number recorded.

Every entry point (pages, lists, checklists, packets, the command line) asks this module.
"""

from flask_babel import gettext as _


class NotACitizenYet(Exception):
    """The case does not pass the gate; nothing voter-related may be shown or produced."""


def passes(case, today):
    record = getattr(case, "milestones", None)
    return bool(
        record is not None
        and record.oath_on is not None
        and record.oath_on <= today
        and record.certificate_number
    )


def require_citizen(case, today):
    if not passes(case, today):
        raise NotACitizenYet(
            _(
                "Voter registration opens only after the oath, once the "
                "naturalization certificate number is recorded."
            )
        )
    return case
