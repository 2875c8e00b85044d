"""Patterns for personal data that must never reach logs or audit text, and a redacting filter."""

import logging
import re
import traceback

# An A-number: "A" then 8 or 9 digits, with or without dashes and spaces ("A123-456-789").
A_NUMBER = re.compile(r"\b[Aa][\s-]?\d{3}[\s-]?\d{3}[\s-]?\d{2,3}\b|\b\d{3}-\d{3}-\d{3}\b")
# A calendar date in the forms people type: 1985-04-02, 04/02/1985, 4/2/85.
DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")
# A U.S. Social Security number.
SSN = re.compile(r"\b\d{3}-\d{2}-\d{4}\b")

PATTERNS = (A_NUMBER, SSN, DATE)


def redact(text):
    """Replace anything that looks like an A-number, SSN or date with a marker."""
    for pattern in PATTERNS:
        text = pattern.sub("[redacted]", text)
    return text


def install_log_redaction():
    """Redact every log record of the process as it is created, whichever logger or handler.

    A record factory (not a handler filter) is used so that handlers added later, by gunicorn or
    by a test, see only redacted text; exception text is redacted too.
    """
    factory = logging.getLogRecordFactory()
    if getattr(factory, "redacts", False):
        return

    def redacting_factory(*args, **kwargs):
        record = factory(*args, **kwargs)
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed call; logging reports it at emit time
            return record
        record.msg, record.args = redact(message), None
        if record.exc_info and record.exc_info[1] is not None:
            text = "".join(traceback.format_exception(*record.exc_info))
            record.exc_text = redact(text.rstrip("\n"))
        return record

    redacting_factory.redacts = True
    logging.setLogRecordFactory(redacting_factory)
